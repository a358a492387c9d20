# Overrides of a template journey do what they say: ids address existing
# items (a typo is an error with a suggestion, add: true adds), a persona
# given a name keeps nothing generated, remove: true takes every reference
# with it, key: ~ removes a key, problems point at the journey file, the
# approval time follows the gatekeepers the journey ends up with, and a
# template used from another one checks its parameters too.
set -e
fail() { echo "$@"; exit 1; }
expect_error() {    # FILE MESSAGE...
    f=$1; shift
    rc=0; "$CJM" check "$f" 2> err.txt || rc=$?
    [ "$rc" = 1 ] || fail "$f: exit $rc, want 1: $(cat err.txt)"
    for m in "$@"; do grep -qF -- "$m" err.txt || fail "$f: no \"$m\" in: $(cat err.txt)"; done
}
"$CJM" new b2c_acd -o shoes.yaml 2>/dev/null
cp shoes.yaml typo.yaml
printf 'phases:\n  - { id: considration, name: Comparing shoes }\n' >> typo.yaml
line=$(grep -n 'considration' typo.yaml | cut -d: -f1)
expect_error typo.yaml "typo.yaml:$line:" 'no item "considration"' \
    'known: awareness, consideration, decision' 'did you mean "consideration"?' 'add: true'
# add: true appends a phase (no other phase changes)
cp shoes.yaml add.yaml
printf 'phases:\n  - { id: wishlist, name: Wishlist, add: true, transitions: { advance: 0.2 } }\n' >> add.yaml
"$CJM" build add.yaml -o add.json
"$CJM" build shoes.yaml -o shoes.json
/usr/bin/python3 - <<'PY'
import json
a, s = json.load(open("add.json")), json.load(open("shoes.json"))
assert [p["id"] for p in a["phases"]] == [p["id"] for p in s["phases"]] + ["wishlist"]
assert a["phases"][:-1] == s["phases"], "adding a phase changed the others"
PY
# a problem in an override points into the journey file
cp shoes.yaml bad.yaml
printf 'phases:\n  - id: decision\n    transitions: { drop: 1.5 }\n' >> bad.yaml
line=$(grep -n 'drop: 1.5' bad.yaml | cut -d: -f1)
expect_error bad.yaml "bad.yaml:$line:" 'is out of range'

printf 'template: b2b_approval\nparams: { employees: 300 }\n' > base.yaml
# a persona redefined by name: nothing generated is mixed in
cp base.yaml sarah.yaml
printf 'personas:\n  - { id: head, name: Sarah Kim, job_title: HR director, age: 47 }\n' >> sarah.yaml
"$CJM" build sarah.yaml -o sarah.json
/usr/bin/python3 - <<'PY'
import json
p = {x["id"]: x for x in json.load(open("sarah.json"))["personas"]}["head"]
assert p["name"] == "Sarah Kim" and p["age"] == 47 and p["job_title"] == "HR director", p
assert p["role"] == "decision_maker", p
for k in ("gender", "department", "goals", "quote", "education", "hobbies"):
    assert k not in p, ("generated attribute kept", k, p)
PY
# remove: true takes every reference with it; key: ~ removes one
cp base.yaml nopic.yaml
printf 'personas:\n  - { id: pic, remove: true }\nphases:\n  - { id: approval, involvement: { manager: ~ } }\n' >> nopic.yaml
"$CJM" check nopic.yaml > /dev/null || fail "removing pic: $("$CJM" check nopic.yaml 2>&1)"
"$CJM" build nopic.yaml -o nopic.json
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("nopic.json"))
assert "pic" not in [p["id"] for p in j["personas"]]
text = json.dumps(j["phases"])
assert '"pic"' not in text, "a reference to pic is left"
ap = {p["id"]: p for p in j["phases"]}["approval"]
assert ap["involvement"].get("manager", "none") == "none", ap["involvement"]
PY
# approval takes longer when the journey file adds gatekeepers
cp base.yaml gates.yaml
cat >> gates.yaml <<'YAML'
personas:
  - { id: cfo, name: Kenji Sato, role: approver, add: true }
phases:
  - id: approval
    involvement: { cfo: gatekeeper }
    transitions: { approve: { cfo: 0.8 } }
YAML
"$CJM" build base.yaml -o g0.json
"$CJM" build gates.yaml -o g1.json
/usr/bin/python3 - <<'PY'
import json
m0 = {p["id"]: p for p in json.load(open("g0.json"))["phases"]}["approval"]["duration"]["mode"]
m1 = {p["id"]: p for p in json.load(open("g1.json"))["phases"]}["approval"]["duration"]["mode"]
assert m1 == m0 + 5, ("one more gatekeeper adds lead_time days", m0, m1)
PY
# seven_step uses another template: its parameters are checked there too
printf 'template: seven_step\nparams: { journey: b2b_approval, journey_params: { employees: -5, aproval_rate: 7 } }\n' > seven.yaml
expect_error seven.yaml 'parameter "employees": -5 is out of range' \
    'unknown parameter "aproval_rate" (did you mean "approval_rate"?)'
exit 0
