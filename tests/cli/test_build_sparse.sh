# Involvement is stored as named: build writes the personas a phase names
# (explicit none included) and no entry for the others, and what it writes
# builds again to the same bytes, draws the same map and simulates the same.
set -e
fail() { echo "$@"; exit 1; }
cat > all.yaml <<'YAML'
id: all
title: Every persona named
personas:
  - { id: a, name: Ann }
  - { id: b, name: Bob, role: approver }
  - { id: c, name: Cat }
phases:
  - id: p1
    name: One
    involvement: { a: driver, b: none, c: participant }
    emotions: { a: 1, c: -2 }
    transitions: { advance: 0.3, drop: 0.05 }
  - id: p2
    name: Two
    involvement: { a: participant, b: gatekeeper, c: none }
    transitions: { advance: 0.2, drop: 0.02, approve: { b: 0.7 } }
YAML
cat > few.yaml <<'YAML'
id: few
title: One persona named
personas:
  - { id: a, name: Ann }
  - { id: b, name: Bob, role: approver }
  - { id: c, name: Cat }
phases:
  - { id: p1, name: One, involvement: { c: driver }, transitions: { advance: 0.3 } }
  - { id: p2, name: Two, transitions: { advance: 0.2 } }
YAML
for j in all few; do
    "$CJM" build $j.yaml -o $j.built.yaml --force
    "$CJM" build $j.built.yaml -o $j.again.yaml --force
    cmp -s $j.built.yaml $j.again.yaml || fail "$j: build of the build differs: $(diff $j.built.yaml $j.again.yaml | head -5)"
    "$CJM" render $j.yaml -o $j.svg
    "$CJM" render $j.built.yaml -o $j.built.svg
    cmp -s $j.svg $j.built.svg || fail "$j: the built journey draws another map"
    "$CJM" simulate $j.yaml --exact -o $j.sim.json
    "$CJM" simulate $j.built.yaml --exact -o $j.built.sim.json
    /usr/bin/python3 - $j.sim.json $j.built.sim.json <<'PY' || fail "$j: simulation differs"
import json, sys
a, b = (json.load(open(f))["scenarios"][0]["exact"] for f in sys.argv[1:3])
assert a == b, (a, b)
PY
done
/usr/bin/python3 - <<'PY' || fail "involvement written: $(grep involvement all.built.yaml few.built.yaml)"
import yaml
a = yaml.safe_load(open("all.built.yaml"))
assert [p["involvement"] for p in a["phases"]] == [
    {"a": "driver", "b": "none", "c": "participant"},
    {"a": "participant", "b": "gatekeeper", "c": "none"}], a["phases"]
f = yaml.safe_load(open("few.built.yaml"))
assert f["phases"][0]["involvement"] == {"c": "driver"}, f["phases"][0]
assert "involvement" not in f["phases"][1], f["phases"][1]
PY
# the map's stakeholder lane: a row for each persona taking part, not for
# one named none everywhere (Bob in few.yaml is named nowhere)
"$CJM" render few.yaml -o few2.svg --boxes boxes.json
/usr/bin/python3 - <<'PY' || fail "stakeholder rows"
import json
refs = [b.get("ref") for p in json.load(open("boxes.json"))["pages"] for b in p["boxes"]]
assert "persona:c" in refs and "persona:a" not in refs and "persona:b" not in refs, \
    [r for r in refs if r and r.startswith("persona:")]
PY
exit 0
