# Mermaid journey diagrams in and out: every diagram of the corpus
# (tests/cli/mermaid/, written from Mermaid's documented journey syntax)
# is imported, checked and exported; the export keeps every section, task,
# score and actor (read by an independent parser), and importing it again
# gives the same journey file.  Emotions follow the documented rule,
# Markdown fences and --index work, and errors point at their line.
set -e
fail() { echo "$@"; exit 1; }
M=$ROOT/tests/cli/mermaid
P="/usr/bin/python3 $ROOT/tests/cli/mermaid_journeys.py"
for f in basic accessible one_line_acc breaks missing comments; do
    "$CJM" import mermaid $M/$f.mmd -o $f.yaml 2> err.txt || fail "$f: import: $(cat err.txt)"
    "$CJM" check $f.yaml > /dev/null 2> err.txt || fail "$f: check: $(cat err.txt)"
    "$CJM" export mermaid $f.yaml -o $f.out.mmd 2> err.txt || fail "$f: export: $(cat err.txt)"
    $P $M/$f.mmd > a.json
    $P $f.out.mmd > b.json
    cmp -s a.json b.json || fail "$f: the round trip changed the diagram: $(cat a.json) -> $(cat b.json)"
    "$CJM" import mermaid $f.out.mmd -o $f.again.yaml
    # (the title line of the export is the journey's title: the same id)
    cmp -s $f.yaml $f.again.yaml || fail "$f: import of the export differs: $(diff $f.yaml $f.again.yaml | head -5)"
done
# the emotion rule: the mean of (score - 3) of an actor's tasks in a section
/usr/bin/python3 - <<'PY' || exit 1
import yaml
j = yaml.safe_load(open("basic.yaml"))
work, home = j["phases"]
assert work["emotions"] == {"me": 0.0, "cat": -2.0}, work["emotions"]   # (5+3+1)/3-3; 1-3
assert home["emotions"] == {"me": 2.0}, home["emotions"]
assert work["involvement"] == {"me": "participant", "cat": "participant"}
assert [p["name"] for p in j["personas"]] == ["Me", "Cat"]
assert [s["score"] for s in work["steps"]] == [5, 3, 1]
m = yaml.safe_load(open("missing.yaml"))
only_actors, only_scores, neither = m["phases"]
assert "emotions" not in only_actors and only_actors["steps"][0] == {"text": "Browses", "personas": ["shopper"]}
assert only_scores["steps"][0] == {"text": "Waits", "score": 2}
assert only_scores["emotions"] == {"shopper": -2.0}        # the task without actors counts for no one
assert neither["steps"] == [{"text": "Thinks it over"}]
a = yaml.safe_load(open("accessible.yaml"))
assert a["title"] == "Buying a bike" and a["description"].startswith("How a commuter")
assert "over three weeks" in a["description"]
o = yaml.safe_load(open("one_line_acc.yaml"))
assert o["title"] == "A short visit" and o["description"].startswith("One section")
b = yaml.safe_load(open("breaks.yaml"))
assert b["phases"][0]["name"] == "Before\nthe branch", b["phases"][0]["name"]
assert b["phases"][0]["steps"][0]["text"] == "Books a slot\nonline"
PY
# Markdown: two journeys (a flowchart fence skipped), --index, folders
"$CJM" import mermaid $M/notes.md > both.yaml
[ "$(grep -c '^id: ' both.yaml)" = 2 ] || fail "notes.md: $(cat both.yaml)"
"$CJM" import mermaid $M/notes.md --index 2 -o second.yaml
grep -q '^title: To be$' second.yaml || fail "--index 2: $(cat second.yaml)"
mkdir -p out
"$CJM" import mermaid $M/notes.md -o out/ 2> err.txt
[ -f out/as_is.yaml ] && [ -f out/to_be.yaml ] || fail "-o out/: $(ls out) $(cat err.txt)"
rc=0; "$CJM" import mermaid $M/notes.md --index 3 2> err.txt || rc=$?
[ $rc = 1 ] && grep -q 'notes.md: error: --index 3: the file has 2 journey diagrams' err.txt \
    || fail "--index 3: $rc $(cat err.txt)"
# errors at their line and column; no output file
for c in "bad_score:5:17:.*score is a whole number from 1 to 5 (got \"6\")" \
         "not_journey:1:1:.*not a Mermaid journey diagram" \
         "no_colon:4:7:.*found \"sectoin T\""; do
    f=${c%%:*}
    rc=0; "$CJM" import mermaid $M/$f.mmd -o $f.yaml 2> err.txt || rc=$?
    [ $rc = 1 ] || fail "$f: exit $rc"
    grep -q "$f.mmd:${c#*:}" err.txt || fail "$f: $(cat err.txt)"
    [ ! -e $f.yaml ] || fail "$f: wrote a file"
done
# a journey made in cjm: a section per phase, a task per step, scores
# from the emotions of those taking part
"$CJM" export mermaid "$ROOT/scripts/acme_b2b.yaml" -o acme.mmd
$P acme.mmd > acme.json
/usr/bin/python3 - "$ROOT/scripts/acme_b2b.yaml" <<'PY' || exit 1
import json, sys, yaml
j = yaml.safe_load(open(sys.argv[1]))
d = json.load(open("acme.json"))
assert [s["section"] for s in d] == [p["name"] for p in j["phases"]], d
for s, p in zip(d, j["phases"]):
    steps = [x if isinstance(x, str) else x["text"] for x in p.get("steps", [])]
    assert [t[0] for t in s["tasks"]] == steps, (s, steps)
    for t in s["tasks"]:
        assert t[1] is None or 1 <= t[1] <= 5, t
names = {x["id"]: x["name"] for x in j["personas"]}
first = d[0]["tasks"][0]
involved = [names[k] for k, v in j["phases"][0]["involvement"].items() if v != "none"]
assert first[2] == involved, (first, involved)
emo = [v for k, v in j["phases"][0]["emotions"].items() if names[k] in involved]
import math
assert first[1] == max(1, min(5, math.floor(sum(emo) / len(emo) + 3 + 0.5))), (first, emo)   # half away from 0
PY
exit 0
