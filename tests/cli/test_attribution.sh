# cjm attribution: a hand-computed case, the heuristics' definitions, CSV
# that a real CSV parser reads, same answer every run, clear errors.
set -e
"$CJM" attribution "$ROOT/tests/cli/data/paths_small.csv" -o small.csv
python3 - <<'PY'
import csv
rows = {r["channel"]: r for r in csv.DictReader(open("small.csv"))}
f = lambda c, k: float(rows[c][k])
# chain: start->a 3, start->b 1, a->b 2, a->null 1, b->conv 2, b->null 1
# P(convert) = 1/2; without a: 1/6 (removal 2/3); without b: 0 (removal 1)
assert abs(f("a", "removal_effect") - 2 / 3) < 1e-6
assert abs(f("b", "removal_effect") - 1) < 1e-6
assert abs(f("a", "markov_conversions") - 0.8) < 1e-6
assert abs(f("b", "markov_conversions") - 1.2) < 1e-6
# first touch, last touch, linear (repeats counted each time)
assert (f("a", "first_touch_conversions"), f("b", "first_touch_conversions")) == (1, 1)
assert (f("a", "last_touch_conversions"), f("b", "last_touch_conversions")) == (0, 2)
assert (f("a", "linear_conversions"), f("b", "linear_conversions")) == (0.5, 1.5)
assert (f("a", "first_touch_value"), f("b", "last_touch_value")) == (10, 15)
PY
printf 'path,total_conversions,total_null\n"x > x > y",2,0\ny,0,2\n' > comma.csv
"$CJM" attribution comma.csv -o comma.json
python3 -c 'import json; c={x["channel"]: x for x in json.load(open("comma.json"))["channels"]}; assert c["x"]["linear_conversions"] == 4/3, c'
data="$ROOT/../shared/data/attribution/paths.csv"
if [ -f "$data" ]; then
    "$CJM" attribution "$data" -o a.json
    "$CJM" attribution "$data" -o b.json
    cmp a.json b.json
    "$CJM" attribution "$data" --order 2 -o o2.md
    grep -q '^| alpha |' o2.md
    python3 - <<'PY'
import json
r = json.load(open("a.json"))
assert r["paths"] == 10000
tot = sum(c["markov_conversions"] for c in r["channels"])
assert abs(tot - r["total_conversions"]) < 1e-6
for k in ("first_touch_conversions", "last_touch_conversions", "linear_conversions"):
    assert abs(sum(c[k] for c in r["channels"]) - r["total_conversions"]) < 1e-6, k
PY
fi
printf 'path;total_conversions;total_null\na;1;0\nb;lots;1\n' > bad.csv
rc=0; "$CJM" attribution bad.csv 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'bad.csv:3:1: error: column 2: "lots" is not a number from 0 to 1e+15' err.txt
printf 'path;total_conversions;total_null\na;0;1\nb;0;3\n' > none.csv
rc=0; "$CJM" attribution none.csv 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'no path in the data reaches a conversion' err.txt
printf 'route;n\na;1\n' > nohead.csv
rc=0; "$CJM" attribution nohead.csv 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'nohead.csv:1:1: error: expected a header' err.txt
# --fit-journey: channels mapped by touchpoint id (or channel, or name);
# reach = share of journeys touching it, lift = 1 + removal / reach
cat > j.yaml <<'YAML'
id: fit
title: Fit
personas: [{ id: u, name: U }]
touchpoints:
  - { id: a, name: A, channel: website }
  - { id: other, name: Other, channel: store, reach: 0.3, lift: 1.1 }
phases:
  - { id: p, name: P, touchpoints: [a, other], transitions: { advance: 0.1 } }
YAML
"$CJM" attribution "$ROOT/tests/cli/data/paths_small.csv" --fit-journey j.yaml -o fitted.json > fit.txt
python3 - <<'PY'
import json
t = {x["id"]: x for x in json.load(open("fitted.json"))["touchpoints"]}
# 4 journeys in all; a is on 3 of them (path "a > b": 2, path "a": 1)
assert abs(t["a"]["reach"] - 0.75) < 1e-4, t["a"]
assert abs(t["a"]["lift"] - (1 + (2 / 3) / 0.75)) < 1e-4, t["a"]
assert t["other"]["reach"] == 0.3 and t["other"]["lift"] == 1.1
PY
grep -q 'other .*no channel in the paths; unchanged' fit.txt
"$CJM" check fitted.json
