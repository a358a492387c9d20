# The README's payroll example: a 250-person manufacturer buys payroll
# software, written as a 15-line file over b2b_approval and as a journey
# from the custom template payroll_saas.lua; both read right.
set -e
fail() { echo "$1"; exit 1; }
[ "$(wc -l < "$ROOT"/scripts/payroll_b2b.yaml)" -le 15 ] || fail "payroll_b2b.yaml is longer than 15 lines"
"$CJM" build "$ROOT"/scripts/payroll_b2b.yaml -o a.json
"$CJM" build "$ROOT"/scripts/payroll_saas_journey.yaml -o b.json
/usr/bin/python3 - <<'PY'
import json
a, b = json.load(open("a.json")), json.load(open("b.json"))
for j in (a, b):
    people = {p["id"]: p for p in j["personas"]}
    assert list(people) == ["pic", "head", "user", "influencer", "manager", "finance", "it"], list(people)
    assert people["pic"]["department"] == "HR" and people["pic"]["job_title"] == "HR specialist"
    assert people["user"]["job_title"] == "Payroll administrator"
    # Sarah Kim is who the file says, with nothing generated mixed in
    assert people["head"] == {"id": "head", "name": "Sarah Kim", "role": "decision_maker",
                              "job_title": "HR director", "age": 47}, people["head"]
    ph = {p["id"]: p for p in j["phases"]}
    assert ph["onboarding"]["name"] == "Parallel run and go-live"
    assert ph["onboarding"]["duration"]["mode"] == 60 and "advance" not in ph["onboarding"]["transitions"]
    assert "cent_differences" in [c["id"] for c in ph["onboarding"]["pains"]]
    assert ph["recognition"]["pains"][0]["text"] == "Payroll is calculated in spreadsheets every month"
    assert "Works for shift workers on the factory floor" in ph["approval"]["needs"]
    assert "Answers payslip questions in the app" in ph["adoption"]["steps"]
    gates = sorted(k for k, v in ph["approval"]["involvement"].items() if v == "gatekeeper")
    assert gates == ["finance", "head", "it"], gates
    text = json.dumps(j)
    assert "dashboard" not in text.lower() and "Marketing manager" not in text
# the two ways give the same journey, phase by phase and person by person
for key in ("personas", "touchpoints"):
    assert a[key] == b[key], key
assert [p["name"] for p in a["phases"]] == [p["name"] for p in b["phases"]]
PY
# the map: every phase, stakeholder, pain and touchpoint once, no text overlapping
"$CJM" render "$ROOT"/scripts/payroll_b2b.yaml -o map.png --boxes boxes.json
/usr/bin/python3 "$ROOT"/tests/cli/check_boxes.py boxes.json a.json map
"$CJM" plan "$ROOT"/scripts/payroll_saas_journey.yaml -o plan.md
grep -q 'Payroll is calculated in spreadsheets every month' plan.md
# the README shows the files as they are
/usr/bin/python3 - "$ROOT" <<'PY'
import sys
root = sys.argv[1]
readme = open(root + "/README.md").read()
for f in ("payroll_b2b.yaml", "payroll_saas.lua", "payroll_saas_journey.yaml"):
    assert open(f"{root}/scripts/{f}").read() in readme, f"README's copy of scripts/{f} differs"
PY
# a template file checks and builds as the journey it makes with its defaults
"$CJM" check "$ROOT"/scripts/payroll_saas.lua | grep -q 'ok: 7 personas'
rc=0; "$CJM" check "$ROOT"/scripts/payroll_saas.lua -p parallel_runs=9 2>err.txt || rc=$?
[ "$rc" = 1 ] && grep -q 'parameter "parallel_runs": 9 is out of range (0..6)' err.txt
