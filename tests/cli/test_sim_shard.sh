# Shards merged give exactly the report of a single run, in every format;
# missing, repeated or foreign parts are refused.
set -e
src="$ROOT/scripts/acme_b2b.yaml"
for fmt in json yaml md; do
    "$CJM" simulate "$src" --all-scenarios -n 250000 --seed 3 -o single.$fmt
done
for k in 0 1 2 3; do
    "$CJM" simulate "$src" --all-scenarios -n 250000 --seed 3 --shard $k/4 -o part$k.json
done
for fmt in json yaml md; do
    "$CJM" merge part3.json part1.json part0.json part2.json -o merged.$fmt
    cmp single.$fmt merged.$fmt
done
rc=0; "$CJM" merge part0.json part1.json part2.json 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'shard 3/4 is missing' err.txt
rc=0; "$CJM" merge part0.json part0.json part1.json part2.json part3.json 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'given twice' err.txt
"$CJM" simulate "$src" -n 250000 --seed 4 --shard 0/4 -o other.json
rc=0; "$CJM" merge part0.json other.json 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'does not belong' err.txt
rc=0; "$CJM" simulate "$src" --shard 5/4 -o x.json 2>/dev/null || rc=$?
[ "$rc" = 2 ]
