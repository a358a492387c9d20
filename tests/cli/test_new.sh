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
"$CJM" build big.yaml | grep -q '^title: Analytics dashboard — 企业采购（5000名员工）$'
rc=0; "$CJM" new b2b_approval --param employes=5 -o x.yaml 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
[ ! -e x.yaml ]
grep -q 'unknown parameter "employes"' err.txt
rc=0; "$CJM" new no_such_template 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'no template "no_such_template"' err.txt
