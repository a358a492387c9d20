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
# a journey with named outcomes: the merged report has them, the same
cat > outs.yaml <<'YAML'
id: outs
title: Outcomes
personas: [{ id: a, name: Ann }]
outcomes: [{ id: won, name: Won, success: true }, { id: lost, name: Lost }]
phases: [{ id: p1, name: One, transitions: { advance: 0.2, drop: 0.05, to: { won: 0.7, lost: 0.3 } } }]
YAML
"$CJM" simulate outs.yaml -n 150000 -o single_outs.json
for k in 0 1 2; do "$CJM" simulate outs.yaml -n 150000 --shard $k/3 -o outs$k.json; done
"$CJM" merge outs2.json outs0.json outs1.json -o merged_outs.json
cmp single_outs.json merged_outs.json
grep -q '"lost"' merged_outs.json
# segments, money and a forecast survive the shards too: the merged report
# is the single run's, byte for byte
src2="$ROOT/scripts/renewal_b2b.yaml"
"$CJM" simulate "$src2" -n 30000 -o single_renewal.json
for k in 0 1 2; do "$CJM" simulate "$src2" -n 30000 --shard $k/3 -o ren$k.json; done
"$CJM" merge ren1.json ren2.json ren0.json -o merged_renewal.json
cmp single_renewal.json merged_renewal.json
grep -q '"segments"' merged_renewal.json && grep -q '"forecast"' merged_renewal.json
grep -q '"money"' merged_renewal.json
