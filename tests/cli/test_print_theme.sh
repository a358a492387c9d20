# The print theme (issue 13): greys only, so a black-and-white printer
# loses nothing (meaning is in shapes, outlines and line styles), and less
# ink than the screen theme on the same drawing.
set -e
for view in map blueprint personas; do
    "$CJM" render "$ROOT/scripts/acme_b2b.yaml" --view $view --theme print --dpi 60 -o p_$view.png
    "$CJM" render "$ROOT/scripts/acme_b2b.yaml" --view $view --theme light --dpi 60 -o l_$view.png
done
/usr/bin/python3 - <<'PY'
from PIL import Image
def stats(f):
    px = list(Image.open(f).convert("RGB").getdata())
    ink = sum(1 - (0.299 * r + 0.587 * g + 0.114 * b) / 255 for r, g, b in px) / len(px)
    colour = sum(1 for r, g, b in px if max(r, g, b) - min(r, g, b) > 8)
    return ink, colour
for view in ("map", "blueprint", "personas"):
    ink_p, colour_p = stats(f"p_{view}.png")
    ink_l, colour_l = stats(f"l_{view}.png")
    assert colour_p == 0, (view, colour_p, "coloured pixels in print")
    assert colour_l > 1000, (view, colour_l)        # the test can see colour
    # fills are where ink goes: the map and blueprint need far less; the
    # persona cards are mostly text, which prints black
    limit = 1.1 if view == "personas" else 0.75
    assert ink_p < limit * ink_l, (view, ink_p, ink_l)
PY
# curves in print: each of four personas drawn differently (grey level or dash)
cat > four.yaml <<'YAML'
id: four
title: Four
personas: [{ id: a, name: A }, { id: b, name: B }, { id: c, name: C }, { id: d, name: D }]
phases:
  - { id: p1, name: One, emotions: { a: 2, b: 1, c: -1, d: -2 } }
  - { id: p2, name: Two, emotions: { a: 2, b: 1, c: -1, d: -2 } }
YAML
"$CJM" render four.yaml --theme print --dpi 144 -o four.png --boxes four.json
/usr/bin/python3 - <<'PY'
import json
from PIL import Image
img = Image.open("four.png").convert("L")
S = 2
boxes = json.load(open("four.json"))["pages"][0]["boxes"]
sig = []
for p in "abcd":
    c = next(b for b in boxes if b["kind"] == "curve" and b["ref"] == "emotion:" + p)
    (x0, y), (x1, _) = c["points"]
    col = []
    for x in range(int((x0 + 10) * S), int((x1 - 10) * S)):
        col.append(min(img.getpixel((x, yy)) for yy in range(int(y * S) - 3, int(y * S) + 4)))
    dark = min(col)
    coverage = sum(1 for v in col if v < 200) / len(col)
    sig.append((round(dark / 60), round(coverage, 1)))
assert len(set(sig)) == 4, sig
PY
