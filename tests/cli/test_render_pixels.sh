# Real pixels: the emotion curve rises and falls with the scores; CJK text
# has glyphs, and a character no font has is reported (the negative check).
set -e
cat > e.yaml <<'YAML'
id: e
title: Emotion test
personas: [{ id: a, name: Ann }]
phases:
  - { id: p1, name: One, emotions: { a: -3 } }
  - { id: p2, name: Two, emotions: { a: 0 } }
  - { id: p3, name: Three, emotions: { a: 3 } }
  - { id: p4, name: Four, emotions: { a: -1 } }
YAML
"$CJM" render e.yaml -o e.png --dpi 100 --boxes e.json
/usr/bin/python3 - <<'PY'
import json
from PIL import Image
img = Image.open("e.png").convert("RGB")
scale = 100 / 72
page = json.load(open("e.json"))["pages"][0]
curve = next(b for b in page["boxes"] if b["kind"] == "curve")
target = (0x00, 0x72, 0xB2)                 # light theme, first curve
top, bottom = curve["y"] * scale, (curve["y"] + curve["h"]) * scale
def curve_y(px):
    ys = [y for y in range(int(top) - 6, int(bottom) + 6)
          for x in range(int(px) - 1, int(px) + 2)
          if all(abs(c - t) < 40 for c, t in zip(img.getpixel((x, y)), target))]
    assert ys, f"no curve pixels at x={px}"
    return sum(ys) / len(ys)
xs = [p[0] * scale for p in curve["points"]]
ys = [curve_y(x) for x in xs]
# screen y grows downwards: -3 lowest, then -1, 0, +3 highest
assert ys[0] > ys[3] > ys[1] > ys[2], ys
# and between One and Two the curve climbs
mid = curve_y((xs[0] + xs[1]) / 2)
assert ys[0] > mid > ys[1], (ys, mid)
PY
for f in b2b_ja.yaml b2c_zh.yaml; do
    "$CJM" render "$ROOT/scripts/$f" -o cjk.png --dpi 60 --boxes cjk.json 2>err.txt
    [ ! -s err.txt ] || { cat err.txt; exit 1; }
    python3 -c 'import json,sys; n=json.load(open("cjk.json"))["unknown_glyphs"]; sys.exit(n != 0)'
done
grep -q '課題認識' cjk.json || true
"$CJM" render "$ROOT/scripts/b2b_ja.yaml" -o cjk.svg --boxes ja.json
grep -q '"text": "課題認識"' ja.json
printf 'id: t\ntitle: "Missing \\U0010FFFD glyph"\npersonas: [{ id: a, name: A }]\nphases: [{ id: p, name: P }]\n' > tofu.yaml
"$CJM" render tofu.yaml -o tofu.png 2>err.txt
grep -q 'warning: 1 character cannot be shown by any installed font' err.txt
