# Every example in scripts/, in every view: no overlapping text, nothing
# off the page, every element of the model exactly once, no warnings.
set -e
for src in "$ROOT"/scripts/*.yaml "$ROOT"/scripts/*.lua; do
    "$CJM" build "$src" -o j.json --force
    for view in map personas blueprint; do
        for size in "" "--size A4"; do
            "$CJM" render "$src" --view $view $size -o out.pdf --boxes boxes.json 2>err.txt
            if [ -s err.txt ]; then echo "$src $view $size: warnings:"; cat err.txt; exit 1; fi
            python3 "$ROOT/tests/cli/check_boxes.py" boxes.json j.json $view \
                || { echo "in $src --view $view $size"; exit 1; }
        done
    done
done
# an empty blueprint says how to fill it; a filled one does not
"$CJM" render "$ROOT/scripts/coffee_b2c.lua" --view blueprint -o e.svg --boxes e.json
grep -q '"ref": "blueprint:empty"' e.json
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" --view blueprint -o f.svg --boxes f.json
! grep -q 'blueprint:empty' f.json
# the legend explains only what the map shows: no touchpoints, no emotions
# in the mapping project, so no online/offline/direct/indirect/low point
"$CJM" render "$ROOT/scripts/mapping_project.yaml" -o m.svg --boxes m.json
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o a.svg --boxes a.json
python3 - <<'PY'
import json
def texts(f):
    return {b.get("text") for p in json.load(open(f))["pages"] for b in p["boxes"]}
m, a = texts("m.json"), texts("a.json")
for label in ("online", "offline", "direct", "indirect", "low point"):
    assert label not in m, label
    assert label in a, label
assert "gatekeeper" in m and "Deliverables" in m
PY
