# The output layer: no fixed buffer or silent cap between a result and its
# file, one writer per format, and a run that writes all of its files or
# none.  Each check failed before the output layer (see issue 11).
set -e
fail() { echo "$@"; exit 1; }
python3 - <<'PY'
head = "id: j\ntitle: T\n"
# 40 phases, 60 scenarios
with open("wide.yaml", "w") as f:
    f.write(head + "personas: [{ id: a, name: A }]\nphases:\n")
    for i in range(40):
        f.write("  - { id: p%d, name: Phase number %d, transitions: { advance: 0.4, drop: 0.01 } }\n" % (i, i))
    f.write("scenarios:\n")
    for s in range(60):
        f.write("  - { id: s%d, name: Scenario %d, changes: [{ phase: p%d, advance: \"*1.1\" }] }\n" % (s, s, s % 40))
# 70 personas and 70 scenarios
with open("many.yaml", "w") as f:
    f.write(head + "personas:\n")
    for i in range(70):
        f.write("  - { id: u%d, name: Person %d }\n" % (i, i))
    f.write("phases:\n  - { id: p, name: P, involvement: { %s }, transitions: { advance: 0.3 } }\n"
            % ", ".join("u%d: participant" % i for i in range(70)))
    f.write("scenarios:\n")
    for s in range(70):
        f.write("  - { id: s%d, name: Scenario %d, changes: [{ phase: p, advance: %s }] }\n" % (s, s, 0.1 + s / 100))
# 4,000 actions
with open("plan.yaml", "w") as f:
    f.write(head + "personas: [{ id: a, name: A }]\nphases:\n  - id: p\n    name: P\n    pains:\n")
    for k in range(4000):
        f.write("      - { id: pain%d, text: \"Pain, with a comma and \\\"quotes\\\" %d\" }\n" % (k, k))
    f.write("    transitions: { advance: 0.3 }\nactions:\n")
    for k in range(4000):
        f.write("  - { id: a%d, title: \"Action %d, with a comma\", addresses: [pain%d], phase: p, impact: 3, effort: 2, confidence: 0.5 }\n" % (k, k, k))
open("paths.csv", "w").write('path;total_conversions;total_null\n"acme, inc > web";3;1\nweb;1;2\n"acme, inc";2;0\n')
PY

# simulate: a Markdown report of 61 runs is whole (it stopped at 64 KiB)
"$CJM" simulate wide.yaml --all-scenarios --exact -o r.md
[ "$(wc -c < r.md)" -gt 65536 ] || fail "r.md is $(wc -c < r.md) bytes"
[ "$(grep -c '^## Funnel: ' r.md)" = 61 ] || fail "r.md has $(grep -c '^## Funnel: ' r.md) funnels"
tail -c 1 r.md | od -c | grep -q '\\n' || fail "r.md does not end with a line"
grep -q '^| Phase number 39 |' r.md || fail "r.md lacks the last phase"

# 70 scenarios: all reported (it kept 64), in every format
"$CJM" simulate many.yaml --all-scenarios --exact -o many.json
"$CJM" simulate many.yaml --all-scenarios --exact -o many.csv
"$CJM" simulate many.yaml --all-scenarios --exact > many.txt
python3 - <<'PY'
import csv, json
j = json.load(open("many.json"))
assert len(j["scenarios"]) == 71 and len(j["comparison"]) == 71, len(j["scenarios"])
rows = list(csv.DictReader(open("many.csv", newline="")))
assert [r["id"] for r in rows] == [c["id"] for c in j["comparison"]]
txt = open("many.txt").read()
assert "Scenario 69" in txt, "the terminal table lacks Scenario 69"
PY
# the map shows 70 personas (it showed 64); the report's simulation page 71 runs (63)
"$CJM" render many.yaml -o many.svg --boxes map.json
"$CJM" render many.yaml --view report -o many.pdf --boxes report.json
python3 - <<'PY'
import json
boxes = [b for p in json.load(open("map.json"))["pages"] for b in p["boxes"]]
shown = {b["ref"] for b in boxes if (b.get("ref") or "").startswith("persona:")}
assert len(shown) == 70, len(shown)
rep = [b for p in json.load(open("report.json"))["pages"] for b in p["boxes"]]
bars = [b for b in rep if (b.get("ref") or "").startswith("scenario:")]
assert len(bars) == 71, len(bars)
PY

# a plan of 4,000 actions (quadratic text building took 11 s and 1.3 GB)
"$CJM" plan plan.yaml -o plan.md --timeout 60
"$CJM" plan plan.yaml -o plan.csv --timeout 60
"$CJM" plan plan.yaml -o plan.json --timeout 60
python3 - <<'PY'
import csv, json
rows = list(csv.DictReader(open("plan.csv", newline="")))
acts = json.load(open("plan.json"))["actions"]
assert len(rows) == len(acts) == 4000, (len(rows), len(acts))
for r, a in zip(rows, acts):
    assert r["id"] == a["id"] and r["title"] == a["title"], (r, a)
    assert abs(float(r["rice"]) - a["rice"]) < 1e-12
md = [l for l in open("plan.md").read().splitlines() if l.startswith("| ") and "Action " in l]
assert len(md) == 4000, len(md)
PY

# attribution CSV quotes a channel with a comma (it wrote 11 fields in 10 columns)
"$CJM" attribution paths.csv -o attr.csv
python3 - <<'PY'
import csv
rows = list(csv.reader(open("attr.csv", newline="")))
assert all(len(r) == len(rows[0]) for r in rows), rows
assert "acme, inc" in [r[0] for r in rows[1:]], rows
PY

# 300 --templates folders (the option table overflowed: a segfault)
mkdir -p tdir
cp "$ROOT/tests/cli/templates/my_b2b.lua" tdir/
args=""
for i in $(seq 300); do args="$args -T tdir"; done
"$CJM" templates $args > list.txt || fail "templates with 300 -T: exit $?"
grep -q '^my_b2b ' list.txt || fail "my_b2b not listed"
"$CJM" new my_b2b $args -o new.yaml > /dev/null || fail "new with 300 -T"

# a failed run changes no file: the boxes wait for the picture
printf 'keep\n' > keep.json
rc=0; "$CJM" render "$ROOT/scripts/acme_b2b.yaml" --boxes keep.json -o nowhere/x.svg 2>/dev/null || rc=$?
[ "$rc" = 1 ] || fail "render into a missing folder: exit $rc"
[ "$(cat keep.json)" = keep ] || fail "keep.json was replaced by a failed run"
# a limit hit while drawing, after the boxes were written: they go too
printf 'keep\n' > keep.json
rc=0; "$CJM" render "$ROOT/scripts/acme_b2b.yaml" --limit page-pixels=0.5 --boxes keep.json -o big.png 2>/dev/null || rc=$?
[ "$rc" = 3 ] || fail "a picture over the page-pixels limit: exit $rc"
[ "$(cat keep.json)" = keep ] || fail "keep.json was replaced by a run that hit a limit"
# render into a folder: one journey fails, so none of the pictures is written
mkdir -p out in
cp "$ROOT/scripts/acme_b2b.yaml" in/good.yaml
printf 'id: bad\n' > in/zbad.yaml
rc=0; "$CJM" render in/good.yaml in/zbad.yaml -o out/ 2>/dev/null || rc=$?
[ "$rc" = 1 ] || fail "render of a bad journey into a folder: exit $rc"
[ -z "$(ls -A out)" ] || fail "out/ holds files of a failed run: $(ls -A out)"
"$CJM" render in/good.yaml -o out/ && [ -s out/good.svg ] || fail "render into a folder"
[ -z "$(ls -A . out | grep cjm-)" ] || fail "temporary files left"
exit 0
