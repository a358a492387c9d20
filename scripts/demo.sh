#!/bin/sh
# make demo: check and build every bundled example, render the maps that
# the README shows, and print one built journey, so a new user sees the
# whole pipeline work.
set -e
CJM=${1:-./cjm}
echo "== cjm check: every example in scripts/"
for f in scripts/*.yaml scripts/*.lua; do
    "$CJM" check "$f"
done
mkdir -p build/demo
for f in scripts/*.yaml scripts/*.lua; do
    name=$(basename "$f"); name=${name%.*}
    "$CJM" build "$f" -o "build/demo/$name.yaml" --force
done
echo
echo "== cjm render: the example maps (scripts/*_map.png), a report (build/demo/acme_report.pdf), the HTML view (build/demo/acme.html), the to-be diff (scripts/acme_b2b_diff.png)"
for name in acme_b2b b2b_template b2c_template b2b_ja b2c_zh mapping_project payroll_b2b; do
    "$CJM" render "scripts/$name.yaml" --dpi 100 -o "scripts/${name}_map.png"
done
"$CJM" render scripts/acme_b2b.yaml --persona cfo --dpi 100 -o scripts/acme_b2b_cfo_map.png
"$CJM" render scripts/acme_b2b.yaml --theme print --dpi 100 -o scripts/acme_b2b_print.png
"$CJM" render scripts/stress_journey.yaml --size A4 -o build/demo/stress_a4.pdf
"$CJM" render scripts/stress_journey.yaml --dpi 60 -o build/demo/stress.png
"$CJM" render scripts/acme_b2b.yaml --view personas --dpi 100 -o scripts/acme_b2b_personas.png
"$CJM" render scripts/acme_b2b.yaml --view blueprint --dpi 100 -o scripts/acme_b2b_blueprint.png
"$CJM" render scripts/acme_b2b.yaml --view report --persona all -o build/demo/acme_report.pdf
"$CJM" render scripts/acme_b2b.yaml -o build/demo/acme.html
"$CJM" diff scripts/acme_b2b.yaml scripts/acme_b2b_to_be.yaml --dpi 100 -o scripts/acme_b2b_diff.png
"$CJM" plan scripts/acme_b2b.yaml -o scripts/acme_b2b_plan_matrix.png
"$CJM" plan scripts/acme_b2b.yaml --simulate -n 100000 -o build/demo/acme_plan.pdf
ls scripts/*.png build/demo/acme_report.pdf build/demo/acme_plan.pdf build/demo/stress_a4.pdf \
   build/demo/acme.html
echo
echo "== cjm simulate: a renewal loop, two segments, money and a forecast, scenarios from a Lua file"
"$CJM" simulate scripts/renewal_b2b.yaml --scenarios scripts/scenarios/renewal.lua \
    --all-scenarios -n 100000 | head -30
echo "..."
echo
echo "== cjm build scripts/coffee_b2c.lua  (a Lua journey, normalized to YAML)"
"$CJM" build scripts/coffee_b2c.lua | head -40
echo "..."
echo
echo "Built journeys are in build/demo/.  Next: edit scripts/acme_b2b.yaml and run"
echo "  ./cjm check scripts/acme_b2b.yaml && ./cjm render scripts/acme_b2b.yaml -o map.png"
echo "or open build/demo/acme.html in a browser, or watch it live: ./cjm serve scripts/acme_b2b.yaml"
