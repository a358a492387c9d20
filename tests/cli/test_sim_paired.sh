# simulate's scenario differences carry paired intervals: the baseline and
# the scenario share random streams, so the difference varies far less
# than two independent runs would.  Over 20 seeds the claimed interval
# must match the real spread (within 1.6x; the independent formula
# claimed 1.7-2.4x) and cover the exact difference about 95% of the time.
set -e
for s in $(seq 1 20); do
    "$CJM" simulate "$ROOT/scripts/acme_b2b.yaml" --scenario faster_approval -n 40000 \
        --seed $s -o s$s.json
done
/usr/bin/python3 - <<'PY'
import json, statistics
d, ci, exact = [], [], None
for s in range(1, 21):
    row = json.load(open(f"s{s}.json"))["comparison"][1]
    d.append(row["difference_mc"])
    ci.append(row["difference_mc_ci95"])
    exact = row["difference"]
real_sd = statistics.stdev(d)
claimed_sd = statistics.mean(ci) / 1.96
ratio = claimed_sd / real_sd
assert 1 / 1.6 < ratio < 1.6, ("claimed spread / real spread", ratio, claimed_sd, real_sd)
covered = sum(abs(x - exact) <= c for x, c in zip(d, ci))
assert covered >= 16, ("coverage of the exact difference", covered)
PY
