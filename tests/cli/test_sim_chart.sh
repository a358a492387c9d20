# The scenario chart: a scenario that converts less than the baseline is
# drawn in the "worse" fill, one that converts more in the "better" fill,
# and the title says which engine's figures it shows (the report's page
# is exact and has no intervals; simulate --chart is Monte Carlo).
set -e
cat > j.yaml <<'YAML'
id: c
title: Chart
personas: [{ id: a, name: A }]
phases:
  - { id: p, name: P, transitions: { advance: 0.2, drop: 0.05 } }
  - { id: q, name: Q, transitions: { advance: 0.2, drop: 0.05 } }
scenarios:
  - { id: better, name: Better, changes: [{ phase: p, advance: "*1.5" }] }
  - { id: worse, name: Worse, changes: [{ phase: p, drop: "*3" }] }
YAML
"$CJM" render j.yaml --view report -o r.pdf --boxes r.json
/usr/bin/python3 - <<'PY'
import json
boxes = [b for p in json.load(open("r.json"))["pages"] for b in p["boxes"]]
bars = {b["ref"].split(":")[3]: b for b in boxes if (b.get("ref") or "").startswith("scenario:")}
FILL_CARD, FILL_PAIN, FILL_OPPORTUNITY = 3, 4, 5
assert bars["baseline"]["role"] == FILL_CARD, bars
assert bars["better"]["role"] == FILL_OPPORTUNITY, bars
assert bars["worse"]["role"] == FILL_PAIN, bars
titles = [b["text"] for b in boxes if b.get("text", "").startswith("Conversion by scenario")]
assert titles == ["Conversion by scenario (exact engine)"], titles
PY
"$CJM" simulate j.yaml --all-scenarios -n 20000 --chart c.pdf > /dev/null
pdftotext c.pdf - | grep -q 'Conversion by scenario (Monte Carlo, 95% interval)'
