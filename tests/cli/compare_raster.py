"""Compare two renders of the same page made by different rasterizers.

usage: compare_raster.py EXPECTED.png ACTUAL.png

Anti-aliasing and glyph hinting differ between rasterizers, so both
pictures are blurred a little (radius 2 px) and compared tile by tile
(16 x 16 px): the page passes (exit 0) when no tile's mean difference
reaches 40 of 255.  A missing word, a shape in the wrong colour or text
3 units off its place makes some tile differ by 60 or more; the two
rasterizers' honest differences stay near 20.  Sizes may differ by one
pixel (rounding of the page).
"""
import sys
from PIL import Image, ImageChops, ImageFilter

a = Image.open(sys.argv[1]).convert("L")
b = Image.open(sys.argv[2]).convert("L")
assert abs(a.width - b.width) <= 1 and abs(a.height - b.height) <= 1, (a.size, b.size)
w, h = min(a.width, b.width), min(a.height, b.height)
a = a.crop((0, 0, w, h)).filter(ImageFilter.GaussianBlur(2))
b = b.crop((0, 0, w, h)).filter(ImageFilter.GaussianBlur(2))
diff = ImageChops.difference(a, b)
tiles = diff.resize(((w + 15) // 16, (h + 15) // 16), Image.BOX)
worst = max(tiles.getdata())
at = list(tiles.getdata()).index(worst)
x, y = at % tiles.width * 16, at // tiles.width * 16
print(f"{sys.argv[2]}: worst 16-px tile differs by {worst} (at {x},{y})")
sys.exit(0 if worst < 40 else 1)
