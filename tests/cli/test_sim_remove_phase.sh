# A scenario may remove a phase: journeys go straight on, moves back into
# it go to the phase before; the engines agree and the funnel lines up.
set -e
cat > rm.yaml <<'YAML'
id: rm
title: Remove a phase
personas: [{ id: a, name: A }]
phases:
  - { id: p1, name: One, transitions: { advance: 0.2, drop: 0.05 } }
  - { id: p2, name: Two, transitions: { advance: 0.1, drop: 0.05, back: { p1: 0.02 } } }
  - { id: p3, name: Three, transitions: { advance: 0.25, drop: 0.05, back: { p2: 0.05 } } }
scenarios:
  - id: skip_two
    changes: [{ phase: p2, remove: true }]
YAML
"$CJM" simulate rm.yaml --all-scenarios -n 200000 -o r.json
python3 "$ROOT/tests/cli/check_agreement.py" r.json
python3 - <<'PY'
import json
s = json.load(open("r.json"))["scenarios"][1]["exact"]
# p1 -> p3 with 0.8; p3 converts 0.25/0.35, goes back (to p1) 0.05/0.35:
# x = 0.8 (5/7 + x/7)  ->  x = (4/7) / (1 - 0.8/7)
x = (4 / 7) / (1 - 0.8 / 7)
assert abs(s["converted"] - x) < 1e-4, (s["converted"], x)
ph = {p["phase"]: p for p in s["phases"]}
assert ph["p2"]["dropped"] == 0 and ph["p2"]["days"] == 0
assert abs(ph["p2"]["entered"] - ph["p3"]["entered"]) < 1e-9
assert abs(ph["p1"]["advanced"] - 0.8 * ph["p1"]["entered"] / 1) < 0.2   # goes on to p3
PY
printf 'id: t\ntitle: T\npersonas: [{ id: a, name: A }]\nphases: [{ id: p, name: P, transitions: { advance: 0.5 } }]\nscenarios: [{ id: none, changes: [{ phase: p, remove: true }] }]\n' > all.yaml
rc=0; "$CJM" simulate all.yaml --all-scenarios --exact 2>err.txt >/dev/null || rc=$?
[ "$rc" = 1 ] || { echo "exit $rc"; exit 1; }
grep -q 'the changes remove every phase' err.txt
