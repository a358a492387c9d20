# seven_step: the seven steps from a template or from a journey file, with
# an interview guide and a survey made from the customer journey; the
# participants are groups, the deliverables work products, and cjm plan on
# the project plans the customer journey it maps.
set -e
printf 'template: seven_step\n' > t.yaml
"$CJM" build t.yaml -o o.json
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("o.json"))
ids = [p["id"] for p in j["phases"]]
assert ids == ["discovery", "workshop", "qualitative", "quantitative", "report",
               "action_planning", "design_workshop"], ids
ph = {p["id"]: p for p in j["phases"]}
q3, q4 = ph["qualitative"]["questions"], ph["quantitative"]["questions"]
# one question per customer phase and pain; touchpoints asked in both
assert any("Internal proposal and approval" in q for q in q3)
assert any("Each approver asks for different documents" in q for q in q4)
assert any("Free trial" in q for q in q3) and any('"Free trial"' in q for q in q4)
for p in j["phases"]:
    d = p["duration"]
    assert 0 < d["min"] <= d["mode"] <= d["max"], d
    assert p["activities"] and p["deliverables"]
    # deliverables are work products, not shell commands
    for text in p["deliverables"]:
        assert "cjm " not in text and " -o " not in text and "--" not in text, text
    assert "pains" not in p, "the project's steps carry no customer pains"
# participants are groups and roles: no invented demographics
for p in j["personas"]:
    for key in ("age", "gender", "education", "income", "family", "hobbies", "tenure_years"):
        assert key not in p, (p["id"], key)
    assert p["description"], p
# the customer journey it maps, whole
m = j["maps"]
assert [x["id"] for x in m["phases"]][0] == "recognition"
assert "slow_approval" in [c["id"] for x in m["phases"] for c in x.get("pains", [])]
PY
# cjm plan on the project plans the customer journey: its conversion (not
# the project's 100%), its pains under its own phases, its stakeholders
"$CJM" plan t.yaml -o plan.json
"$CJM" plan t.yaml -o plan.md
/usr/bin/python3 - <<'PY'
import json
proj = json.load(open("o.json"))
plan = json.load(open("plan.json"))
text = json.dumps(plan)
customer_phases = {x["name"] for x in proj["maps"]["phases"]}
project_steps = {x["name"] for x in proj["phases"]}
assert not any(s in text for s in project_steps), "a project step in the plan"
assert any(n in text for n in customer_phases)
customer_people = {p["name"] for p in proj["maps"]["personas"]}
assert any(n in text for n in customer_people), "the customer's stakeholders"
assert not any(p["name"] in text for p in proj["personas"]), "the project team in the plan"
PY
grep -q '^Conversion now [0-9.]*%' plan.md
! grep -q 'Conversion now 100' plan.md
# from a journey file beside it
cp "$ROOT"/scripts/acme_b2b.yaml .
printf 'template: seven_step\nparams: { journey: acme_b2b.yaml, pace: fast, locale: ja }\n' > f.yaml
"$CJM" build f.yaml -o f.json
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("f.json"))
ph = {p["id"]: p for p in j["phases"]}
assert any("Security questionnaire takes three weeks" in q for q in ph["quantitative"]["questions"])
assert ph["discovery"]["name"] == "1 キックオフ（現状把握）"
assert ph["qualitative"]["duration"]["mode"] == 9     # fast: 15 * 0.6
assert [a["id"] for a in j["maps"]["actions"]] == ["roi_calc", "trust_center", "security_fast_lane"]
assert j["personas"][0]["name"] == "CX推進リーダー"
PY
"$CJM" check -q t.yaml --param journey=b2c_acd --param 'journey_params={stages: 5}'
rc=0; "$CJM" check t.yaml --param journey=../secret.yaml 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'leads out of its folder' err.txt
