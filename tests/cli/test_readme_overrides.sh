# The README's Overrides example builds and does what its comments say.
set -e
awk '/^### Overrides/{f=1} f&&/^```yaml$/{g=1;next} g&&/^```$/{exit} g' "$ROOT"/README.md > ov.yaml
grep -q '^template: b2c_acd' ov.yaml
grep -v '^[a-z]*:$\|^  - ' ov.yaml > plain.yaml
"$CJM" build plain.yaml -o plain.json
"$CJM" build ov.yaml -o ov.json
/usr/bin/python3 - <<'PY'
import json
plain, ov = (json.load(open(f)) for f in ("plain.json", "ov.json"))
ids = lambda j, k: [x["id"] for x in j[k]]
assert ids(ov, "phases") == ids(plain, "phases") + ["try_on"], ids(ov, "phases")
assert {p["id"]: p["name"] for p in ov["phases"]}["consideration"] == "Comparing shoes"
assert ov["personas"] == [{"id": "researcher", "name": "Mia Park", "role": "customer", "age": 34}], ov["personas"]
assert "impulse" in ids(plain, "personas")
assert "impulse" not in json.dumps(ov)
PY
