# Plan actions ranked on money as well as on conversion (issue 14).
# Worked by hand: one phase, advance 0.1 and drop 0.1, a conversion worth
# 1000, an ads touchpoint (reach 0.5) at 20 per exposure.  Baseline: 0.5
# converts, 5 days x 0.5 exposures x 20 = 50 of cost, net 450.  "More ads"
# (reach 1, lift 1.2): advance 0.12, converts 6/11, 1/0.22 days x 20 of
# cost: net +4.55.  "Faster" (advance 0.11): converts 11/21, net +26.19.
# By conversion more ads wins; by money, faster.
set -e
cat > pm.yaml <<'YAML'
id: pm
title: Plan by money
horizon: 3650
value: 1000
personas: [{ id: a, name: Ann }]
touchpoints: [{ id: ads, name: Ads, channel: ads, reach: 0.5, cost: { per_exposure: 20 } }]
phases:
  - { id: p1, name: One, touchpoints: [ads], pains: [{ id: slow, text: Slow }], transitions: { advance: 0.1, drop: 0.1 } }
actions:
  - { id: more_ads, title: Double the ads reach, addresses: [slow], effort: 1, effect: [{ touchpoint: ads, reach: 1, lift: 1.2 }] }
  - { id: faster, title: Faster phase, addresses: [slow], effort: 2, effect: [{ phase: p1, advance: 0.11 }] }
YAML
"$CJM" plan pm.yaml -o conv.json
"$CJM" plan pm.yaml --rank money -o money.json
"$CJM" plan pm.yaml --rank money -o money.md
/usr/bin/python3 - <<'PY'
import json
conv, money = json.load(open("conv.json")), json.load(open("money.json"))
assert [a["id"] for a in conv["actions"]] == ["more_ads", "faster"]
assert [a["id"] for a in money["actions"]] == ["faster", "more_ads"]
by = {a["id"]: a for a in money["actions"]}
net_base = 1000 * 0.5 - 5 * 0.5 * 20
net_ads = 1000 * 6 / 11 - 1 / 0.22 * 20
net_fast = 1000 * 11 / 21 - 1 / 0.21 * 0.5 * 20
assert abs(by["more_ads"]["net_per_journey"] - (net_ads - net_base)) < 1e-3
assert abs(by["faster"]["net_per_journey"] - (net_fast - net_base)) < 1e-3
assert abs(by["faster"]["net_per_effort"] - (net_fast - net_base) / 2) < 1e-3
PY
grep -q 'Ranked by net value per journey per unit of effort' money.md
if "$CJM" plan pm.yaml --rank dollars 2>err.txt; then exit 1; fi
grep -q 'takes conversion or money' err.txt
