# A user template that extends b2b_approval changes only what it overrides.
set -e
printf 'template: b2b_approval\n' > base.yaml
printf 'template: my_b2b\nparams: { region: APAC }\n' > mine.yaml
"$CJM" build base.yaml -o base.json
"$CJM" build mine.yaml --templates "$ROOT/tests/cli/templates" -o mine.json
python3 - <<'PY'
import json
a, b = json.load(open("base.json")), json.load(open("mine.json"))
assert b["title"] == "Our B2B journey"
assert b["description"] == "Region APAC"
assert b["phases"][0]["name"] == "Noticing the problem"
assert b["phases"][0]["goal"] == a["phases"][0]["goal"]
for k in ("title", "description"):
    del a[k], b[k]
a["phases"][0]["name"] = b["phases"][0]["name"]
assert a == b, "something else changed"
PY
"$CJM" templates --templates "$ROOT/tests/cli/templates" > list.txt
grep -q '^my_b2b  *user  *Our B2B journey' list.txt
grep -q '^b2b_approval  *built-in' list.txt
grep -q '^b2c_acd  *built-in' list.txt
grep -q '^seven_step  *built-in' list.txt
"$CJM" templates my_b2b --templates "$ROOT/tests/cli/templates" > one.txt
grep -q 'region  *choice  *default EMEA  *choices: EMEA, APAC, AMER' one.txt
grep -q 'employees  *integer  *default 300  *range 1..1000000' one.txt
