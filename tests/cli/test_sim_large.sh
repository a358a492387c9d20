# With 10^7 journeys the conversion rate agrees with the exact engine to
# three decimals; the result does not depend on the thread count.
set -e
"$CJM" simulate "$ROOT/scripts/acme_b2b.yaml" -n 1e7 --threads 2 -o two.json
"$CJM" simulate "$ROOT/scripts/acme_b2b.yaml" -n 1e6 --threads 1 -o a.json
"$CJM" simulate "$ROOT/scripts/acme_b2b.yaml" -n 1e6 --threads 3 -o b.json
cmp a.json b.json
python3 - <<'PY'
import json
sc = json.load(open("two.json"))["scenarios"][0]
e, m = sc["exact"]["converted"], sc["monte_carlo"]["converted"]
assert abs(e - m) < 0.0005, (e, m)
assert sc["monte_carlo"]["journeys"] == 10**7
PY
