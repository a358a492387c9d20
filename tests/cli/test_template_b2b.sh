# b2b_approval: builds and validates at the edges of every parameter; the
# buying group grows with the company; same seed, same bytes.
set -e
count_personas() { "$CJM" build t.yaml --param employees="$1" -o o.json --force && python3 -c 'import json; print(len(json.load(open("o.json"))["personas"]))'; }
printf 'template: b2b_approval\n' > t.yaml
for e in 1 20 49 50 299 300 999 1000 4999 5000 10000 1000000; do
    "$CJM" check -q t.yaml --param employees=$e
done
for loc in en ja zh; do "$CJM" check -q t.yaml --param locale=$loc; done
"$CJM" check -q t.yaml --param approval_rate=0.01 --param lead_time=0
"$CJM" check -q t.yaml --param approval_rate=1 --param lead_time=90
[ "$(count_personas 20)" = 2 ] || { echo "20 employees: want 2 stakeholders"; exit 1; }
[ "$(count_personas 5000)" = 7 ] || { echo "5000 employees: want 7 stakeholders"; exit 1; }
prev=0
for e in 1 20 50 300 1000 5000 10000 1000000; do
    n=$(count_personas $e)
    [ "$n" -ge "$prev" ] || { echo "stakeholders shrink at $e: $n < $prev"; exit 1; }
    prev=$n
done
# the 5000-person group is the issue's list
"$CJM" build t.yaml --param employees=5000 -o o.json --force
python3 - <<'PY'
import json
j = json.load(open("o.json"))
ids = [p["id"] for p in j["personas"]]
assert ids == ["pic", "manager", "head", "it", "procurement", "legal", "exec"], ids
names = [p["name"] for p in j["personas"]]
assert len(set(names)) == len(names), names
ph = {p["id"]: p for p in j["phases"]}
assert [p["id"] for p in j["phases"]] == ["recognition", "research", "comparison",
    "approval", "contract", "onboarding", "adoption"]
gates = sorted(k for k, v in ph["approval"]["involvement"].items() if v == "gatekeeper")
assert gates == ["exec", "head", "it"], gates
assert sorted(ph["approval"]["transitions"]["approve"]) == gates
assert sorted(k for k, v in ph["contract"]["involvement"].items() if v == "gatekeeper") == ["legal", "procurement"]
# the approval chain's holding time grows with its gatekeepers
assert ph["approval"]["duration"]["mode"] > ph["contract"]["duration"]["mode"]
for p in j["personas"]:
    assert p["department"] and p["job_title"] and p["age"] > 0
PY
# reproducible: same seed -> same bytes; another seed -> other personas
"$CJM" build t.yaml --seed 7 -o a.yaml
"$CJM" build t.yaml --seed 7 -o b.yaml
cmp a.yaml b.yaml
"$CJM" build t.yaml --seed 8 -o c.yaml
if cmp -s a.yaml c.yaml; then echo "seed 8 gave the same journey as seed 7"; exit 1; fi
grep '^  name:' a.yaml > names7; grep '^  name:' c.yaml > names8
if cmp -s names7 names8; then echo "seed 8 gave the same persona names"; exit 1; fi
# Japanese and Chinese names and text
"$CJM" build t.yaml --param locale=ja -o ja.yaml
grep -q 'name: 課題認識' ja.yaml
"$CJM" build t.yaml --param locale=zh -o zh.yaml
grep -q 'name: 问题认知' zh.yaml
