# simulate: table, reports in YAML/JSON/Markdown, scenarios, errors.
set -e
src="$ROOT/scripts/acme_b2b.yaml"
"$CJM" simulate "$src" -n 20000 > table.txt
grep -q 'converted' table.txt
grep -q '^20000 journeys by Monte Carlo (seed 1)' table.txt
grep -q 'Internal proposal and' table.txt
"$CJM" simulate "$src" --exact --all-scenarios > exact.txt
! grep -q 'Monte Carlo' exact.txt
grep -q 'Approval decided twice as' exact.txt
"$CJM" simulate "$src" --scenario faster_approval -n 20000 -o r.yaml
"$CJM" simulate "$src" --scenario faster_approval -n 20000 -o r.json
"$CJM" simulate "$src" --scenario faster_approval -n 20000 -o r.md
grep -q '^| faster_approval | Approval decided twice as fast |' r.md
python3 - <<'PY'
import json
r = json.load(open("r.json"))
ids = [s["id"] for s in r["scenarios"]]
assert ids == ["baseline", "faster_approval"], ids
b, f = (s["exact"]["converted"] for s in r["scenarios"])
assert f > b, (b, f)            # faster approval converts more
p = r["scenarios"][0]["exact"]["phases"]
assert abs(sum(x["dropped"] for x in p) + r["scenarios"][0]["exact"]["converted"]
           + r["scenarios"][0]["exact"]["in_progress"] - 1) < 1e-5
PY
grep -q '^  - id: faster_approval$\|^- id: faster_approval$' r.yaml
# same seed, same report; another seed, another Monte Carlo
"$CJM" simulate "$src" -n 20000 --seed 5 -o a.json
"$CJM" simulate "$src" -n 20000 --seed 5 --threads 1 -o b.json
cmp a.json b.json
"$CJM" simulate "$src" -n 20000 --seed 6 -o c.json
! cmp -s a.json c.json
# a shorter horizon leaves journeys in progress
"$CJM" simulate "$src" --exact --horizon 30 -o h.json
python3 -c 'import json; assert json.load(open("h.json"))["scenarios"][0]["exact"]["in_progress"] > 0.1'
expect() { want=$1; shift; rc=0; "$@" >/dev/null 2>err.txt || rc=$?; [ "$rc" = "$want" ] || { echo "$*: exit $rc, want $want"; cat err.txt; exit 1; }; }
expect 1 "$CJM" simulate "$src" --scenario faster_aproval
grep -q 'no scenario "faster_aproval"; known: faster_approval, better_trial; did you mean "faster_approval"?' err.txt
expect 2 "$CJM" simulate "$src" -n lots
expect 2 "$CJM" simulate "$src" -o r.txt
printf 'id: t\ntitle: T\npersonas: [{ id: a, name: A }]\nphases: [{ id: p, name: P }]\n' > still.yaml
expect 1 "$CJM" simulate still.yaml
grep -q 'give transitions.advance or a duration' err.txt
# touchpoint removal effects: a touchpoint without lift changes nothing;
# removing one with lift lowers conversion
"$CJM" simulate "$src" --exact --attribution -o attr.json
"$CJM" simulate "$src" --exact --attribution > attr.txt
grep -q 'Touchpoint attribution' attr.txt
python3 - <<'PY'
import json
r = json.load(open("attr.json"))
rows = {t["name"]: t for t in r["touchpoints"]}
base = r["scenarios"][0]["exact"]["converted"]
assert abs(rows["Contract portal"]["removal_effect"]) < 1e-9, rows["Contract portal"]
assert abs(rows["Contract portal"]["converted_without"] - base) < 1e-6
assert rows["Account executive"]["removal_effect"] > 0.01, rows
assert rows["Security documentation"]["removal_effect"] > 0.01, rows
PY
# charts: the funnel, time to convert and scenario bars, in each format
"$CJM" simulate "$src" --all-scenarios -n 20000 --chart chart.svg > /dev/null
xmllint --noout chart.svg
grep -q 'Conversion by scenario' chart.svg
grep -q 'Approval decided twice as fast' chart.svg
"$CJM" simulate "$src" -n 20000 --chart chart.pdf > /dev/null
pdfinfo chart.pdf | grep -q '^Pages: *1$'
pdftotext chart.pdf - | grep -q 'Funnel'
"$CJM" simulate "$src" --exact --chart chart.png > /dev/null
[ -s chart.png ]
# the report gets a simulation page when the journey can be simulated
"$CJM" render "$src" --view report -o report.pdf
pdftotext report.pdf - | grep -q 'Simulation (exact)'
# the day-by-day engine behind the touch credits converts as the exact one
"$CJM" simulate "$src" --exact --attribution -n 200000 -o credits.json
python3 - <<'PY'
import json, math
r = json.load(open("credits.json"))
conv, n = r["touch_credits"]["converted"], r["touch_credits"]["journeys"]
p = r["scenarios"][0]["exact"]["converted"]
se = math.sqrt(p * (1 - p) / n)
assert abs(conv / n - p) < 4 * se, (conv / n, p, se)
first = sum(t["first_touch"] for t in r["touchpoints"]) + r["touch_credits"]["converted_untouched"] / conv
assert abs(first - 1) < 1e-9, first     # first-touch credits add up to all conversions
PY
# scenarios from a separate file, checked against the journey
printf -- '- id: quick_trial\n  name: Trial converts better\n  changes: [{ phase: comparison, advance: "*1.5" }]\n- id: typo\n  changes: [{ phase: aproval, advance: 2 }]\n' > more.yaml
rc=0; "$CJM" simulate "$src" --scenarios more.yaml --exact 2>err.txt >/dev/null || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'more.yaml:5:22: error: scenarios\[3\].changes\[0\]: unknown phase "aproval"' err.txt
sed -i '/- id: typo/,$d' more.yaml
"$CJM" simulate "$src" --scenarios more.yaml --scenario quick_trial --exact > more.txt
grep -q 'Trial converts better' more.txt
# CSV: the comparison table, RFC 4180, the same numbers as JSON
"$CJM" simulate "$src" --all-scenarios -n 20000 -o cmp.csv
"$CJM" simulate "$src" --all-scenarios -n 20000 -o cmp.json
python3 - <<'PY'
import csv, json
rows = list(csv.DictReader(open("cmp.csv", newline="")))
cmp = json.load(open("cmp.json"))["comparison"]
assert [r["id"] for r in rows] == [c["id"] for c in cmp]
for r, c in zip(rows, cmp):
    for k in ("converted", "converted_mc", "converted_mc_ci95", "median_days"):
        assert abs(float(r[k]) - c[k]) < 1e-12, (k, r[k], c[k])
assert open("cmp.csv", "rb").read().count(b"\r\n") == len(rows) + 1
PY
