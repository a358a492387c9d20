# render: several journeys into a folder, sizes, errors that exit 2 or 1.
set -e
"$CJM" render "$ROOT"/scripts/acme_b2b.yaml "$ROOT"/scripts/coffee_b2c.lua "$ROOT"/scripts/b2b_ja.yaml -o out/ --format png --dpi 40
[ -s out/acme_b2b.png ]
[ -s out/coffee_b2c.png ]
[ -s out/b2b_ja.png ]
"$CJM" render "$ROOT"/scripts/acme_b2b.yaml --size 400x300 -o s.pdf
pdfinfo s.pdf | grep -q 'Page size: *1133.86 x 850.39'
"$CJM" render "$ROOT"/scripts/b2c_template.yaml --size A3 --dpi 150 -o a3.png
python3 -c 'import struct; d=open("a3.png","rb").read(24); w,h=struct.unpack(">II", d[16:24]); assert (w, h) == (2481, 1754), (w, h)'
expect() { want=$1; shift; rc=0; "$@" >/dev/null 2>err.txt || rc=$?; [ "$rc" = "$want" ] || { echo "$*: exit $rc, want $want"; cat err.txt; exit 1; }; }
expect 2 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml -o x.gif
expect 2 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml --view poster -o x.svg
expect 2 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml --view report -o x.png
expect 2 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml --theme neon -o x.svg
expect 2 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml --size B9 -o x.svg
expect 2 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml "$ROOT"/scripts/coffee_b2c.lua -o one.svg
expect 1 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml --persona nobody -o x.svg
grep -q 'no persona "nobody"' err.txt
expect 1 "$CJM" render "$ROOT"/scripts/acme_b2b.yaml --persona hed -o x.svg
grep -q 'no persona "hed" in this journey; known: pic, head, it, cfo, all; did you mean "head"?' err.txt
[ ! -e x.svg ]
printf 'keep\n' > keep.svg
expect 1 "$CJM" render "$ROOT"/tests/cli/cases/empty.yaml -o keep.svg
[ "$(cat keep.svg)" = keep ]
# two journeys of the same file name would overwrite each other in a folder
mkdir -p one two
cp "$ROOT/scripts/acme_b2b.yaml" one/j.yaml
cp "$ROOT/scripts/b2b_ja.yaml" two/j.yaml
expect 2 "$CJM" render one/j.yaml two/j.yaml -o same/
[ ! -e same ]
"$CJM" render one/j.yaml two/j.yaml -o same/ 2>&1 | grep -q 'one/j.yaml and two/j.yaml would both be written to same/j.svg'
"$CJM" render one/j.yaml "$ROOT/scripts/b2b_ja.yaml" -o both/
[ -f both/j.svg ] && [ -f both/b2b_ja.svg ]
