# --editable-text: SVG with <text> elements (the fonts Pango chose, the
# line breaks cjm made) instead of glyph outlines.  Both rasterized by
# librsvg must match tile by tile; the words are real text; Japanese runs
# name a CJK font.
set -e
fail() { echo "$@"; exit 1; }
for j in acme_b2b b2b_ja; do
    "$CJM" render "$ROOT/scripts/$j.yaml" -o $j.svg
    "$CJM" render "$ROOT/scripts/$j.yaml" -o $j.text.svg --editable-text
    xmllint --noout $j.text.svg || fail "$j: not XML"
    [ "$(grep -c '<text' $j.text.svg)" -gt 50 ] || fail "$j: few <text> elements"
    ! grep -q '<use xlink:href="#g' $j.text.svg || fail "$j: glyph outlines left"
    rsvg-convert $j.svg -o $j.png
    rsvg-convert $j.text.svg -o $j.text.png
    /usr/bin/python3 "$ROOT/tests/cli/compare_raster.py" $j.png $j.text.png > cmp.txt \
        || fail "$j: the text SVG does not look like the outlines: $(cat cmp.txt)"
done
/usr/bin/python3 - "$ROOT/scripts/acme_b2b.yaml" <<'PY' || exit 1
import sys, yaml, xml.etree.ElementTree as ET
j = yaml.safe_load(open(sys.argv[1]))
ns = "{http://www.w3.org/2000/svg}"
texts = [t.text or "" for t in ET.parse("acme_b2b.text.svg").iter(ns + "text")]
for ph in j["phases"]:
    # a name may be broken over lines: its first word starts a text
    assert any(t.startswith(ph["name"].split()[0]) for t in texts), ph["name"]
assert any(t == j["title"] for t in texts), j["title"]
ja = [t for t in ET.parse("b2b_ja.text.svg").iter(ns + "text")]
cjk = [t for t in ja if any(ord(c) > 0x3000 for c in (t.text or ""))]
assert cjk and all("CJK" in t.get("font-family") for t in cjk), \
    {t.get("font-family") for t in cjk}
PY
# the older name still works, and PDF keeps embedding fonts
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o old.svg --embed-fonts
cmp -s old.svg acme_b2b.text.svg || fail "--embed-fonts differs from --editable-text"
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o e.pdf --editable-text
pdffonts e.pdf | grep -q DejaVu || fail "PDF: fonts not embedded"
exit 0
