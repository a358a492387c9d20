# The Monte Carlo intervals of `cjm plan --simulate` are honest: over 20
# seeds, the spread of each action's simulated uplift and days saved
# matches the spread the intervals claim (within a factor of 1.6 either
# way), and the exact figure lies inside the interval in at least 16 of
# the 20 runs.  The runs with and without an action share random streams,
# so the intervals are paired (plan.c); treated as independent they
# claimed twice the spread there is.
set -e
for s in $(seq 1 20); do
    "$CJM" plan "$ROOT/scripts/acme_b2b.yaml" --simulate -n 40000 --seed $s -o p$s.json
done
python3 - <<'PY'
import json, statistics
runs = [json.load(open(f"p{s}.json")) for s in range(1, 21)]
ids = [a["id"] for a in runs[0]["actions"] if "uplift_mc" in a]
assert len(ids) >= 3, ids
for aid in ids:
    rows = [next(a for a in r["actions"] if a["id"] == aid) for r in runs]
    for key, exact in (("uplift", "uplift"), ("days_saved", "days_saved")):
        mc = [a[key + "_mc"] for a in rows]
        ci = [a[key + "_ci95"] for a in rows]
        spread = statistics.stdev(mc)
        claimed = statistics.mean(ci) / 2.04
        assert 1 / 1.6 < spread / claimed < 1.6, (aid, key, spread, claimed)
        covered = sum(abs(a[key + "_mc"] - a[exact]) <= a[key + "_ci95"] for a in rows)
        assert covered >= 16, (aid, key, covered)
PY
