"""An independent reading of Mermaid journey diagrams, for the round-trip
tests: the sections, each with its tasks as (name, score or None, actors),
names with every <br> form as a line break.
usage: mermaid_journeys.py FILE.mmd  (prints the structure as JSON)"""
import json
import re
import sys


def read(text):
    sections, current = [], None
    lines = iter(text.split("\n"))
    for raw in lines:
        line = raw.strip().rstrip(";").strip()
        if not line or line.startswith("%%") or line == "journey":
            continue
        if re.match(r"(title|accTitle)\b", line):
            continue
        if line.startswith("accDescr"):
            if "{" in line and "}" not in line:
                for more in lines:
                    if "}" in more:
                        break
            continue
        if line.startswith("section "):
            current = {"section": norm(line[8:]), "tasks": []}
            sections.append(current)
            continue
        parts = [p.strip() for p in line.split(":")]
        name, rest = norm(parts[0]), parts[1:]
        score, actors = None, []
        if len(rest) == 1 and rest[0] and not rest[0][0].isdigit():
            actors = [a.strip() for a in rest[0].split(",") if a.strip()]
        else:
            if rest and rest[0]:
                score = int(rest[0])
            if len(rest) > 1:
                actors = [a.strip() for a in rest[1].split(",") if a.strip()]
        if current is None:
            current = {"section": None, "tasks": []}
            sections.append(current)
        current["tasks"].append([name, score, [norm(a) for a in actors]])
    return sections


def norm(s):
    return re.sub(r"<br\s*/?>", "\n", s.strip(), flags=re.I)


if __name__ == "__main__":
    print(json.dumps(read(open(sys.argv[1], encoding="utf-8").read()), ensure_ascii=False))
