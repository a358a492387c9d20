# cjm new writes a commented starter journey that builds as it is.
set -e
for t in b2b_approval b2c_acd seven_step; do
    "$CJM" new $t -o $t.yaml 2>/dev/null
    grep -q "^template: $t$" $t.yaml
    grep -q '^  # ' $t.yaml            # each parameter is commented
    "$CJM" build $t.yaml -o $t.out.yaml
done
"$CJM" new b2b_approval --param employees=5000 --param locale=zh -o big.yaml 2>/dev/null
grep -q '^  employees: 5000$' big.yaml
grep -q '^  locale: zh$' big.yaml
"$CJM" build big.yaml | grep -q '^title: 分析看板 — 企业采购（5000名员工）$'
rc=0; "$CJM" new b2b_approval --param employes=5 -o x.yaml 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
[ ! -e x.yaml ]
grep -q 'unknown parameter "employes"' err.txt
rc=0; "$CJM" new no_such_template 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'no template "no_such_template"' err.txt
# the override examples in the starter comment name the template's real
# ids: uncommented, they build and do what their comments say
for t in b2b_approval b2c_acd seven_step; do
    for loc in en ja; do
        p=""; [ $t = seven_step ] || p="--param locale=$loc"
        "$CJM" new $t $p -o ex_${t}_$loc.yaml --force 2>/dev/null
        sed -n '/For example:/,$p' ex_${t}_$loc.yaml | tail -n +2 | sed -n 's/^# \([a-z ].*\)/\1/p' | sed 's/  # .*//' > over.txt
        [ "$(wc -l < over.txt)" = 5 ] || { echo "$t: examples: $(cat over.txt)"; exit 1; }
        grep -v '^#' ex_${t}_$loc.yaml > un.yaml; cat over.txt >> un.yaml
        "$CJM" build ex_${t}_$loc.yaml -o plain.json --force
        "$CJM" build un.yaml -o over.json --force
        /usr/bin/python3 - plain.json over.json over.txt "$t $loc" <<'PY'
import json, sys, yaml
plain, over = (json.load(open(f)) for f in sys.argv[1:3])
ex = yaml.safe_load(open(sys.argv[3]))
changed, removed = ex["phases"][0], ex["personas"][0]["id"]
ids = lambda j, k: [x["id"] for x in j[k]]
assert ids(over, "phases") == ids(plain, "phases") + ["aftercare"], ids(over, "phases")
ph = {p["id"]: p for p in over["phases"]}
assert ph[changed["id"]]["name"] == changed["name"]
assert removed in ids(plain, "personas") and removed not in ids(over, "personas")
def refs(x):
    if isinstance(x, dict):
        return any(k == removed or refs(v) for k, v in x.items())
    if isinstance(x, list):
        return any(refs(v) for v in x)
    return x == removed
assert refs(plain["phases"]) or sys.argv[4].startswith("seven"), sys.argv[4] + ": no reference to remove"
assert not refs({k: v for k, v in over.items() if k != "personas"}), sys.argv[4] + ": a reference is left to " + removed
PY
    done
done
