# cjm writes SVG itself (engine/render/svg_writer.c), cairo draws PNG: the two
# must show the same picture.  Each view of several examples (Latin,
# Japanese, Chinese, a persona photo, a clipped bar, dark theme) goes to
# SVG, is rasterized by librsvg (rsvg-convert) at the PNG's pixel size and
# compared with cjm's own PNG.  The same SVG without its text, or with
# the text moved down by 3 units, must fail that comparison.  The SVG's
# structure is checked too: every <use> names a defined glyph, glyphs are
# defined once, clip groups are balanced (xmllint parses it).
set -e
cp "$ROOT/tests/cli/data/face.png" .     # a 40 x 40 gradient "photo"
cat > photo.yaml <<'YAML'
id: photo
title: Photo & <clip> test
personas:
  - { id: a, name: Ann Photo, role: user, photo: face.png, goals: [Buy well] }
  - { id: b, name: Bo Badge, role: approver }
touchpoints:
  - { id: t1, name: Web page, channel: website }
phases:
  - id: p1
    name: One
    emotions: { a: -2, b: 1 }
    touchpoints: [t1]
    pains: [{ id: slow, text: Slow answer }]
    blueprint: { customer: [Asks], frontstage: [Answers late] }
  - { id: p2, name: Two, emotions: { a: 2, b: -1 } }
YAML
compare() {   # compare SVG PNG: rasterize the SVG at the PNG's size and compare
    size=$(/usr/bin/python3 -c 'from PIL import Image; print("%d %d" % Image.open("'"$2"'").size)')
    rsvg-convert -w ${size% *} -h ${size#* } "$1" -o raster.png
    /usr/bin/python3 "$ROOT/tests/cli/compare_raster.py" "$2" raster.png
}
check_structure() {
    xmllint --noout "$1"
    /usr/bin/python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
S, X = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}href"
root = ET.parse(sys.argv[1]).getroot()
ids = [e.get("id") for e in root.iter() if e.get("id")]
assert len(ids) == len(set(ids)), "an id defined twice"
uses = [e.get(X)[1:] for e in root.iter(S + "use")]
assert uses and set(uses) <= set(ids), "a <use> names no definition"
assert root.find(S + "title").text, "no title"
PY
}
for src in "$ROOT/scripts/acme_b2b.yaml" "$ROOT/scripts/b2b_ja.yaml" \
           "$ROOT/scripts/b2c_zh.yaml" photo.yaml; do
    for view in map personas blueprint; do
        "$CJM" render "$src" --view $view -o v.svg
        "$CJM" render "$src" --view $view -o v.png --dpi 72
        check_structure v.svg
        compare v.svg v.png
    done
done
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" --theme dark -o d.svg
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" --theme dark -o d.png --dpi 72
compare d.svg d.png
# the negative checks: the same SVG without its text, or with every glyph
# 3 units lower, must fail the comparison
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o l.svg
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o l.png --dpi 72
compare l.svg l.png
grep -v '<use ' l.svg > nouse.svg
if compare nouse.svg l.png; then echo "an SVG without text compared equal"; exit 1; fi
/usr/bin/python3 - <<'PY'
import re
t = open("l.svg").read()
t = re.sub(r'(<use [^>]* y=")([-0-9.]+)', lambda m: m.group(1) + str(float(m.group(2)) + 3), t)
open("shift.svg", "w").write(t)
PY
if compare shift.svg l.png; then echo "an SVG with shifted text compared equal"; exit 1; fi
# the photo is embedded, the title escaped
"$CJM" render photo.yaml --view personas -o photo_personas.svg
grep -q 'data:image/png;base64,' photo_personas.svg
grep -q '<title>Photo &amp; &lt;clip&gt; test</title>' photo_personas.svg
# the drawing's language, for screen readers
"$CJM" render "$ROOT/scripts/b2b_ja.yaml" -o ja.svg
grep -q '<svg [^>]*xml:lang="ja"' ja.svg
