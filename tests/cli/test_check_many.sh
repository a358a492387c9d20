# check takes several files, reports each, and exits with the worst status.
set -e
rc=0
"$CJM" check "$ROOT"/scripts/acme_b2b.yaml "$ROOT"/tests/cli/cases/empty.yaml \
    "$ROOT"/scripts/coffee_b2c.lua >out.txt 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "exit $rc"; exit 1; }
grep -q "acme_b2b.yaml: ok: 4 personas, 7 phases, 11 touchpoints, 7 pains, 3 actions, 2 scenarios" out.txt
grep -q "coffee_b2c.lua: ok: 2 personas, 4 phases, 5 touchpoints" out.txt
grep -q "empty.yaml:1:1: error" err.txt
