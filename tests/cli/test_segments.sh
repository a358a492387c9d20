# Segments (issue 14): the journeys as a mix of parts with numbers of
# their own; each part run apart, the mix weighted by share, in both
# engines, scenarios on top.  Worked by hand: one phase converts
# advance / (advance + drop).
set -e
cat > seg.yaml <<'YAML'
id: seg
title: Segments
horizon: 3650
personas: [{ id: a, name: Ann }, { id: b, name: Bob }]
phases:
  - { id: p1, name: One, transitions: { advance: 0.1, drop: 0.1 } }
segments:
  - { id: smb, name: Small businesses, persona: a, share: 0.7, changes: [{ phase: p1, advance: 0.3 }] }
  - { id: ent, name: Enterprises, persona: b, share: 0.3 }
scenarios:
  - { id: s, name: Less drop, changes: [{ phase: p1, drop: 0.05 }] }
YAML
"$CJM" check seg.yaml
"$CJM" simulate seg.yaml --all-scenarios -n 200000 -o seg.json
/usr/bin/python3 - <<'PY'
import json
r = json.load(open("seg.json"))
cmp = {row["id"]: row for row in r["comparison"]}
want = {"baseline": (0.3 / 0.4, 0.1 / 0.2), "s": (0.3 / 0.35, 0.1 / 0.15)}
for run, (smb, ent) in want.items():
    mix = 0.7 * smb + 0.3 * ent
    assert abs(cmp[run]["converted"] - mix) < 2e-6, (run, cmp[run]["converted"], mix)
    se = (mix * (1 - mix) / 200000) ** 0.5
    assert abs(cmp[run]["converted_mc"] - mix) < 4 * se + 0.002, (run, cmp[run]["converted_mc"], mix)
segs = {row["id"]: row for row in r["segments"]}
assert abs(segs["smb"]["converted_0"] - 0.75) < 2e-6 and abs(segs["ent"]["converted_0"] - 0.5) < 2e-6
assert abs(segs["smb"]["converted_1"] - 0.3 / 0.35) < 2e-6
for k, p in (("smb", 0.75), ("ent", 0.5)):
    assert abs(segs[k]["converted_mc_0"] - p) < 5 * segs[k]["converted_mc_0_ci95"] / 1.96 + 1e-9, k
PY
# without segments the journey runs as one (the same as a segment of share 1)
"$CJM" build seg.yaml -o built.yaml
"$CJM" build built.yaml -o built2.yaml
cmp built.yaml built2.yaml
grep -q 'segments:' built.yaml
# mistakes
bad() {
    if "$CJM" check "$1.yaml" 2>err.txt; then echo "$1 accepted"; exit 1; fi
    grep -q "$2" err.txt || { echo "$1:"; cat err.txt; exit 1; }
}
sed 's/share: 0.3 }/share: 0.4 }/' seg.yaml > bad_share.yaml
bad bad_share "the segments' shares add up to 1.1"
sed 's/persona: b,/persona: c,/' seg.yaml > bad_persona.yaml
bad bad_persona 'segments\[1\].persona: unknown persona "c"'
sed 's/changes: \[{ phase: p1, advance: 0.3 }\]/changes: [{ phase: p9, advance: 0.3 }]/' seg.yaml > bad_phase.yaml
bad bad_phase 'segments\[0\].changes\[0\]: unknown phase "p9"'
# the plan runs the same mix: an action's uplift is the segments' uplifts
# weighted by share (smb 0.3/0.4 -> 0.35/0.45, ent 0.1/0.2 -> 0.15/0.25)
cat seg.yaml > segplan.yaml
cat >> segplan.yaml <<'YAML'
actions:
  - { id: boost, title: Boost, phase: p1, effect: [{ phase: p1, advance: "+0.05" }] }
YAML
"$CJM" plan segplan.yaml -o plan.json
/usr/bin/python3 - <<'PY'
import json
a = json.load(open("plan.json"))["actions"][0]
want = 0.7 * (0.35 / 0.45 - 0.75) + 0.3 * (0.15 / 0.25 - 0.5)
assert abs(a["uplift"] - want) < 1e-9, (a["uplift"], want)
PY
