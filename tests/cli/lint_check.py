"""cjm lint from the outside.

usage: lint_check.py CJM ROOT SARIF_SCHEMA

Every rule has a journey in tests/cli/lint/ named after it, on which it
fires (and clean.yaml, on which nothing does); the examples get exactly
the findings listed here; a .cjmlint.yaml above the file changes
severities and settings; suppress entries take findings away and bad ones
are errors; --require-evidence counts the claims the journey makes; the
SARIF output validates against the SARIF 2.1.0 schema (python3-jsonschema)
and gcc lines carry FILE:LINE:COL; the exit status is 1 exactly when an
error remains.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import jsonschema
import yaml

cjm, root, schema_file = sys.argv[1:4]
corpus = os.path.join(root, "tests", "cli", "lint")
errors = []


def check(cond, what):
    if not cond:
        errors.append(what)
    return cond


def lint(*args, cwd=None):
    p = subprocess.run([cjm, "lint", *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def findings(*args, cwd=None):
    rc, out, err = lint(*args, "--format", "json", cwd=cwd)
    check(rc in (0, 1), f"lint {args}: exit {rc}: {err[-300:]}")
    return rc, json.loads(out) if out else {"findings": [], "files": []}


# ---- the rules: each fires on its journey, none on clean.yaml -------------------
rules = re.findall(r"^(\S+) +(\S+) +(off|note|warning|error) ", lint("--list-rules")[1], re.M)
ids = [r[0] for r in rules]
check(len(ids) >= 20, f"only {len(ids)} rules listed")
for rule, group, default in rules:
    path = os.path.join(corpus, rule + ".yaml")
    if not check(os.path.exists(path), f"rule {rule} has no journey in tests/cli/lint/"):
        continue
    extra = ["--require-evidence", "workshop"] if rule == "evidence-below" else []
    rc, doc = findings(path, *extra)
    mine = [f for f in doc["findings"] if f["rule"] == rule]
    check(mine, f"{rule}: did not fire on {rule}.yaml")
    for f in mine:
        check(f["line"] > 0 and f["column"] > 0 and f["file"].endswith(rule + ".yaml"),
              f"{rule}: no place in the file: {f}")
        check(f["path"], f"{rule}: no model path: {f}")
    sev = "error" if rule == "evidence-below" else default
    check(all(f["severity"] == sev for f in mine), f"{rule}: severity is not {sev}")
    check(rc == (1 if any(f["severity"] == "error" for f in doc["findings"]) else 0),
          f"{rule}: exit {rc} does not follow the errors")
readme = open(os.path.join(root, "README.md")).read()
for rule in ids:
    check(f"| `{rule}` |" in readme, f"rule {rule} is not in the README's table")
rc, doc = findings(os.path.join(corpus, "clean.yaml"))
check(rc == 0 and doc["findings"] == [], f"clean.yaml is not clean: {doc['findings']}")

# ---- the examples get what they deserve, and no more ------------------------------
expected = {
    # Legal's redlines have no answer; the security questionnaire link skips
    # frontstage; the kick-off fail point has no action; approval takes 5 days
    # of steps against a 4-day budget; Daniel's "event" channel is unused
    "acme_b2b.yaml": {"channel-unused", "link-not-adjacent", "fail-no-recovery",
                      "over-time-budget", "pain-unaddressed"},
    # no steps in four phases; the CFO gates renewals at an unsaid rate
    "renewal_b2b.yaml": {"phase-empty", "gatekeeper-approval"},
    "stress_journey.yaml": {"touchpoint-unused", "param-no-effect", "gatekeeper-approval"},
}
for name, want in expected.items():
    rc, doc = findings(os.path.join(root, "scripts", name))
    got = {f["rule"] for f in doc["findings"]}
    check(got == want, f"{name}: rules {sorted(got)}, expected {sorted(want)}")
    check(rc == 0, f"{name}: exit {rc} without an error")

# ---- .cjmlint.yaml found upward, severities and settings --------------------------------
work = os.path.abspath("lintwork")
os.makedirs(os.path.join(work, "maps", "deep"), exist_ok=True)
shutil.copy(os.path.join(corpus, "emotion-jump.yaml"), os.path.join(work, "maps", "deep", "j.yaml"))
j = os.path.join(work, "maps", "deep", "j.yaml")
with open(os.path.join(work, ".cjmlint.yaml"), "w") as f:
    f.write("rules:\n  emotion-jump: { severity: error, step: 3.5 }\n")
rc, doc = findings(j)     # a jump of 4 (+2 to -2) is more than 3.5
check(any(f["rule"] == "emotion-jump" and f["severity"] == "error" for f in doc["findings"])
      and rc == 1, f"step 3.5, severity error: {doc['findings']}, exit {rc}")
check(doc["files"][0]["config"] == os.path.join(work, ".cjmlint.yaml"),
      f"the config found is {doc['files'][0]['config']}")
with open(os.path.join(work, ".cjmlint.yaml"), "w") as f:
    f.write("rules:\n  emotion-jump: { step: 4 }\n")
rc, doc = findings(j)
check(not any(f["rule"] == "emotion-jump" for f in doc["findings"]) and rc == 0,
      "a jump of exactly 4 fired with step 4")
with open(os.path.join(work, "maps", ".cjmlint.yaml"), "w") as f:
    f.write("rules:\n  emotion-jump: off\n")
with open(os.path.join(work, ".cjmlint.yaml"), "w") as f:
    f.write("rules:\n  emotion-jump: error\n")
rc, doc = findings(j)
check(not any(f["rule"] == "emotion-jump" for f in doc["findings"]),
      "the nearest .cjmlint.yaml (off) did not win over the one above it")
rc, doc = findings(j, "--rules", os.path.join(work, ".cjmlint.yaml"))
check(any(f["rule"] == "emotion-jump" and f["severity"] == "error" for f in doc["findings"]),
      "--rules did not replace the file found")
with open(os.path.join(work, "bad.yaml"), "w") as f:
    f.write("rules:\n  emotion-jmp: error\n  pain-unaddressed: loud\n")
rc, out, err = lint(j, "--rules", os.path.join(work, "bad.yaml"))
check(rc == 1 and "bad.yaml:2:3:" in err and "emotion-jmp" in err and "bad.yaml:3:" in err,
      f"a bad settings file: exit {rc}: {err}")

# ---- suppression -------------------------------------------------------------------------
src = open(os.path.join(corpus, "pain-unaddressed.yaml")).read()
with open("sup.yaml", "w") as f:
    f.write(src.replace("text: Pricing is hidden }",
                        "text: Pricing is hidden, suppress: [\"pain-unaddressed: JIRA-12\"] }"))
rc, doc = findings("sup.yaml")
check(doc["findings"] == [] and doc["files"][0]["suppressed"] == 1 and rc == 0,
      f"a suppressed pain: {doc}")
with open("sup2.yaml", "w") as f:
    f.write(src.replace("text: Pricing is hidden }",
                        "text: Pricing is hidden, suppress: [\"pain-unadressed: typo\"] }"))
rc, doc = findings("sup2.yaml")
got = sorted(f["rule"] for f in doc["findings"])
check(got == ["pain-unaddressed", "suppress-invalid"] and rc == 1,
      f"a suppression of an unknown rule: {got}, exit {rc}")

# ---- evidence: the census counts the journey's claims ---------------------------------------
path = os.path.join(corpus, "evidence-below.yaml")
jy = yaml.safe_load(open(path))
levels = ["none", "assumption", "workshop", "qualitative", "quantitative"]
count = dict.fromkeys(levels, 0)


def level_of(x):
    if isinstance(x, dict):
        e = x.get("evidence", "none")
        return e["level"] if isinstance(e, dict) else e
    return "none"


for ph in jy["phases"]:
    for lane in ("steps", "actions", "thoughts", "pains", "opportunities", "needs"):
        for card in ph.get(lane, []):
            count[level_of(card)] += 1
    for score in (ph.get("emotions") or {}).values():
        count[level_of(score)] += 1
for tp in jy["touchpoints"]:
    count[level_of(tp)] += 1
rc, doc = findings(path, "--require-evidence", "workshop")
check(doc["files"][0]["evidence"] == count, f"census {doc['files'][0]['evidence']} != {count}")
below = sum(count[lv] for lv in levels[:2])
mine = [f for f in doc["findings"] if f["rule"] == "evidence-below"]
check(len(mine) == below and rc == 1, f"{len(mine)} claims below workshop, expected {below}")
rc, doc = findings(path, "--require-evidence", "assumption")
check(len([f for f in doc["findings"] if f["rule"] == "evidence-below"]) == count["none"],
      "assumption: only claims with no evidence are below it")
rc, out, _ = lint(path, "--require-evidence", "qualitative")
check(re.search(r"2 of \d+ \(\d+%\) at qualitative or better", out), f"no summary: {out}")
rc, doc = findings(path)
check(not any(f["rule"] == "evidence-below" for f in doc["findings"]),
      "evidence-below fired with no level required")

# ---- formats ----------------------------------------------------------------------------------
files = [os.path.join(corpus, n) for n in ("link-not-adjacent.yaml", "sim-unrunnable.yaml")]
files.append(os.path.join(root, "scripts", "coffee_b2c.lua"))
rc, out, _ = lint(*files, "--format", "sarif")
sarif = json.loads(out)
schema = json.load(open(schema_file))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
problems = [e.message for e in validator.iter_errors(sarif)]
check(not problems, f"SARIF does not validate: {problems[:3]}")
broken = json.loads(out)
broken["runs"][0]["results"][0]["level"] = "fatal"
check(list(validator.iter_errors(broken)), "the validator accepts a broken log")
results = sarif["runs"][0]["results"]
driver = sarif["runs"][0]["tool"]["driver"]
check(sarif["version"] == "2.1.0" and [r["id"] for r in driver["rules"]] == ids,
      "SARIF: version or rules")
check(all(driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in results),
      "SARIF: ruleIndex does not point at ruleId")
rc2, doc = findings(*files)
check(len(results) == len(doc["findings"]), "SARIF and JSON differ in findings")
for r, f in zip(results, doc["findings"]):
    region = r["locations"][0]["physicalLocation"].get("region", {})
    check(region.get("startLine", 0) == f["line"] and r["message"]["text"] == f["message"],
          f"SARIF result {r['ruleId']} is not JSON finding {f['rule']}")
rc, out, _ = lint(*files, "--format", "gcc")
for line in out.splitlines():
    check(re.match(r"^[^:]+:\d+(:\d+)?: (error|warning|note): .* \[[a-z-]+\]$", line),
          f"not a gcc line: {line}")
check(len(out.splitlines()) == len(doc["findings"]), "gcc lines and findings differ")
check(rc == 1, f"an error among the findings, exit {rc}")
rc, out, err = lint(files[0], "--format", "sarif", "-o", "out.sarif")
check(rc == 0 and json.load(open("out.sarif"))["version"] == "2.1.0", "-o out.sarif")
rc, out, err = lint(files[1], "--format", "sarif", "-o", "failing.sarif")
check(rc == 1 and os.path.exists("failing.sarif"), "a failing lint wrote no SARIF file")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
