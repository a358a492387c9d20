# cjm writes PDF itself (engine/render/pdf_writer.c): the page must look like
# cjm's own PNG, its text must be extractable (Latin and Japanese, through
# the ToUnicode maps), and poppler must read it without complaint.  The
# comparison must fail for the same PDF with its text taken out.
set -e
cp "$ROOT/tests/cli/data/face.png" .     # a 40 x 40 gradient "photo"
cat > photo.yaml <<'YAML'
id: photo
title: Photo test
personas:
  - { id: a, name: Ann Photo, role: user, photo: face.png, goals: [Buy well] }
phases:
  - { id: p1, name: One, emotions: { a: -2 } }
  - { id: p2, name: Two, emotions: { a: 2 } }
YAML
compare() {   # compare PDF PNG: rasterize page 1 with poppler, compare with the PNG
    pdftoppm -r 72 -png -f 1 -l 1 -singlefile "$1" raster 2>err.txt
    [ ! -s err.txt ] || { echo "poppler: $(cat err.txt)"; exit 1; }
    /usr/bin/python3 "$ROOT/tests/cli/compare_raster.py" "$2" raster.png
}
for case in "$ROOT/scripts/acme_b2b.yaml:map" "$ROOT/scripts/b2b_ja.yaml:map" \
            "$ROOT/scripts/b2c_zh.yaml:blueprint" "photo.yaml:personas"; do
    src=${case%:*}; view=${case##*:}
    "$CJM" render "$src" --view $view -o v.pdf
    "$CJM" render "$src" --view $view -o v.png --dpi 72
    pdfinfo v.pdf >/dev/null 2>err.txt
    [ ! -s err.txt ] || { echo "pdfinfo: $(cat err.txt)"; exit 1; }
    compare v.pdf v.png
done
# text comes out as text, in the right order of words
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o a.pdf
pdftotext a.pdf - | grep -q 'Issue recognition'
pdftotext a.pdf - | grep -q 'Notice that reporting takes too long'
"$CJM" render "$ROOT/scripts/b2b_ja.yaml" -o j.pdf
pdftotext j.pdf - | grep -q '課題認識'
pdftotext j.pdf - | grep -q 'レポート作成の負担に気づく'
# the photo is an image in the file
"$CJM" render photo.yaml --view personas -o p.pdf
[ "$(pdfimages -list p.pdf | tail -n +3 | wc -l)" = 1 ]
# the negative check: the same page without its text must fail the comparison
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o a.png --dpi 72
compare a.pdf a.png
/usr/bin/python3 - <<'PY'
import re, zlib
data = open("a.pdf", "rb").read()
objs = re.findall(rb"(\d+) 0 obj\n(.*?)endobj\n", data, re.S)
out = bytearray(data[:data.index(b"1 0 obj")])
offsets = {}
for num, body in objs:
    m = re.match(rb"<< /Length (\d+) /Filter /FlateDecode >>\nstream\n", body)
    if m:
        text = zlib.decompress(body[m.end():m.end() + int(m.group(1))])
        if b"BT\n" in text:
            text = re.sub(rb"BT\n.*?ET\n", b"", text, flags=re.S)
            body = b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream\n"
    offsets[int(num)] = len(out)
    out += num + b" 0 obj\n" + body + b"endobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
out += b"".join(b"%010d 00000 n \n" % offsets[k] for k in sorted(offsets))
out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
open("notext.pdf", "wb").write(out)
PY
[ -z "$(pdftotext notext.pdf - | tr -d '[:space:]')" ] || { echo "text left in notext.pdf"; exit 1; }
if compare notext.pdf a.png; then echo "a PDF without text compared equal"; exit 1; fi
# --embed-fonts: cairo's writer, the fonts themselves embedded
"$CJM" render "$ROOT/scripts/b2b_ja.yaml" --embed-fonts -o e.pdf
pdffonts e.pdf | grep -q 'NotoSansCJKjp-Regular'
pdffonts e.pdf | grep -q 'Identity-H'
! pdffonts e.pdf | grep -q 'Type 3'
pdftotext e.pdf - | grep -q '課題認識'
pdffonts j.pdf | grep -q 'Type 3'
# the document's language, for screen readers
grep -a -q '/Type /Catalog /Pages 2 0 R /Lang (ja)' j.pdf
