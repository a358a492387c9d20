# seven_step: the seven steps from a template or from a journey file, with
# an interview guide and a survey made from the customer journey.
set -e
printf 'template: seven_step\n' > t.yaml
"$CJM" build t.yaml -o o.json
python3 - <<'PY'
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
assert any("cjm render" in d for d in ph["report"]["deliverables"])
assert any("cjm plan" in d for d in ph["action_planning"]["deliverables"])
assert "slow_approval" in [p["id"] for p in ph["action_planning"]["pains"]]
for p in j["phases"]:
    d = p["duration"]
    assert 0 < d["min"] <= d["mode"] <= d["max"], d
    assert p["activities"] and p["deliverables"]
PY
# from a journey file beside it
cp "$ROOT"/scripts/acme_b2b.yaml .
printf 'template: seven_step\nparams: { journey: acme_b2b.yaml, pace: fast, locale: ja }\n' > f.yaml
"$CJM" build f.yaml -o f.json
python3 - <<'PY'
import json
j = json.load(open("f.json"))
ph = {p["id"]: p for p in j["phases"]}
assert any("Security questionnaire takes three weeks" in q for q in ph["quantitative"]["questions"])
assert ph["discovery"]["name"] == "1 キックオフ（現状把握）"
assert ph["qualitative"]["duration"]["mode"] == 9     # fast: 15 * 0.6
assert [a["id"] for a in j["actions"]] == ["roi_calc", "trust_center", "security_fast_lane"]
PY
"$CJM" check -q t.yaml --param journey=b2c_acd --param 'journey_params={stages: 5}'
rc=0; "$CJM" check t.yaml --param journey=../secret.yaml 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'leads out of its folder' err.txt
