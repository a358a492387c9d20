# Money and cohorts over the calendar (issue 14), worked by hand.
# Money: one phase with advance 0.1 and drop 0.1 (entry cost 10, an ads
# touchpoint with reach 0.5 at 2 per exposure), then one with advance 0.2
# and drop 0.05 (3 a day); a conversion is worth 1000.  Converts
# 0.5 x 0.8 = 0.4: value 400; cost 10 + 5 days x 0.5 x 2 + 0.5 x 4 days x 3
# = 21; cost per conversion 52.5.  Forecast: cohorts convolved with the
# day of conversion, against a sum written here.
set -e
cat > money.yaml <<'YAML'
id: money
title: Money
horizon: 3650
value: 1000
currency: EUR
personas: [{ id: a, name: Ann }]
touchpoints: [{ id: ads, name: Ads, channel: ads, reach: 0.5, cost: { per_exposure: 2, fixed: 5000 } }]
phases:
  - { id: p1, name: One, touchpoints: [ads], cost: { per_entry: 10 }, transitions: { advance: 0.1, drop: 0.1 } }
  - { id: p2, name: Two, cost: { per_day: 3 }, transitions: { advance: 0.2, drop: 0.05 } }
scenarios:
  - { id: faster, name: Faster second phase, changes: [{ phase: p2, advance: 0.3 }] }
actions:
  - { id: speed, title: Speed up phase two, phase: p2, effect: [{ phase: p2, advance: 0.3 }] }
YAML
"$CJM" simulate money.yaml --all-scenarios -n 100000 -o m.json
"$CJM" simulate money.yaml --all-scenarios -n 100000 > m.txt
"$CJM" plan money.yaml -o plan.json
/usr/bin/python3 - <<'PY'
import json
r = json.load(open("m.json"))
money = {row["id"]: row for row in r["money"]}
b, f = money["baseline"], money["faster"]
def near(x, y, tol=2e-6 * 1000):
    assert abs(x - y) < tol, (x, y)
near(b["value"], 400); near(b["cost"], 21); near(b["net"], 379)
near(b["cost_per_conversion"], 52.5); near(b["return"], 379 / 21, 1e-4)
near(b["fixed_cost"], 5000)
# faster: converts 0.5 x 0.3 / 0.35; phase two lasts 1 / 0.35 days
conv = 0.5 * 0.3 / 0.35
near(f["value"], 1000 * conv); near(f["cost"], 10 + 5 + 0.5 / 0.35 * 3)
near(f["net_difference"], (1000 * conv - f["cost"]) - 379)
# Monte Carlo's net beside it, close
assert abs(b["net_mc"] - 379) < 10, b["net_mc"]
p = json.load(open("plan.json"))
a = p["actions"][0]
near(a["net_per_journey"], f["net_difference"])
PY
grep -q 'Money (EUR)' m.txt
# no values or costs: no money table
sed '/^value:/d; /currency:/d; s/, cost: { per_exposure: 2, fixed: 5000 }//; s/ cost: { per_entry: 10 },//; s/ cost: { per_day: 3 },//' money.yaml > nomoney.yaml
"$CJM" simulate nomoney.yaml -n 1000 -o nm.json
! grep -q '"money"' nm.json
# forecast: one phase, advance 0.25, no drop: q_k = 0.25 x 0.75^(k-1);
# 70 journeys arrive in week 1 (10 a day), 35 in week 3
cat > fc.yaml <<'YAML'
id: fc
title: Forecast
horizon: 365
value: 100
personas: [{ id: a, name: Ann }]
phases: [{ id: p1, name: One, transitions: { advance: 0.25 } }]
arrivals: { weeks: [70, 0, 35], forecast_weeks: 6 }
YAML
"$CJM" simulate fc.yaml -n 400000 -o fc.json
/usr/bin/python3 - <<'PY'
import json, math
rows = json.load(open("fc.json"))["forecast"]
arr = [70, 0, 35, 0, 0, 0]
q = lambda k: 0.25 * 0.75 ** (k - 1) if k >= 1 else 0
for w, row in enumerate(rows):
    mean = var = 0
    for d in range(42):
        a = arr[d // 7] / 7
        if not a:
            continue
        Q = sum(q(t - d) for t in range(7 * w, 7 * w + 7))
        mean += a * Q
        var += a * Q * (1 - Q)
    assert row["week"] == w + 1 and row["arrivals"] == arr[w]
    assert abs(row["conversions"] - mean) < 1e-5, (w, row["conversions"], mean)
    assert abs(row["conversions_ci95"] - 1.96 * math.sqrt(var)) < 1e-5, (w, row["conversions_ci95"])
    assert abs(row["conversions_mc"] - mean) < 0.02 * max(mean, 1), (w, row["conversions_mc"], mean)
    assert abs(row["value"] - 100 * mean) < 1e-3
assert abs(rows[-1]["cumulative"] - sum(r["conversions"] for r in rows)) < 1e-4
PY
# deal sizes that vary widen the interval of a week's value:
# var = var(conversions) x mean^2 + E[conversions] x sd^2
sed 's/^value: 100$/value: { mean: 100, sd: 40 }/' fc.yaml > fcsd.yaml
"$CJM" simulate fcsd.yaml --exact -o fcsd.json
/usr/bin/python3 - <<'PY'
import json, math
for row in json.load(open("fcsd.json"))["forecast"]:
    n, sn = row["conversions"], row["conversions_ci95"] / 1.96
    want = 1.96 * math.sqrt(sn * sn * 100 * 100 + n * 40 * 40)
    assert abs(row["value_ci95"] - want) < 1e-3 * max(1, want), (row, want)
PY
