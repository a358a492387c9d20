"""Pixel checks of the emotion lane on a rendered PNG and its --boxes file.
usage: emotion_pixels.py CHECK PNG BOXES DPI [ARGS]
Each CHECK reads the curve's real pixels, found by the series colours of
the light theme (Okabe-Ito order)."""
import json
import sys
from PIL import Image

PALETTE = [(0x00, 0x72, 0xB2), (0xE6, 0x9F, 0x00), (0x00, 0x9E, 0x73), (0xCC, 0x79, 0xA7),
           (0xD5, 0x5E, 0x00), (0x56, 0xB4, 0xE9), (0x00, 0x00, 0x00)]
check, png, boxes_path, dpi = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
img = Image.open(png).convert("RGB")
px = img.load()
S = dpi / 72
page = json.load(open(boxes_path))["pages"][0]
boxes = page["boxes"]

def near(c, t, tol=30):
    return all(abs(a - b) <= tol for a, b in zip(c, t))

def curves(persona):
    return [b for b in boxes if b["kind"] == "curve" and b.get("ref") == "emotion:" + persona]

def column_ys(x, y0, y1, color):
    """Pixel rows of COLOR in pixel column X between page rows Y0..Y1."""
    return [y for y in range(max(0, int(y0)), min(img.height, int(y1) + 1))
            if near(px[int(x), y], color)]

def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)

if check == "band":
    # every pixel of persona a's colour in the plot lies within the scale
    # (the +3 and -3 lines, plus a point's radius), and between two points
    # the curve stays between their heights: no invented peak or dip
    cs = curves("a")
    if not cs:
        fail("no curve")
    top, bottom = cs[0]["y"], cs[0]["y"] + cs[0]["h"]
    tol = 4.6                                   # the low point's ring, in points
    seen = missing = 0
    for c in cs:
        pts = c["points"]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            for k in range(1, 20):
                x = (x0 + (x1 - x0) * k / 20) * S
                if abs(x - x0 * S) < 6 * S or abs(x - x1 * S) < 6 * S:
                    continue
                ys = column_ys(x, (top - 30) * S, (bottom + 30) * S, PALETTE[0])
                if not ys:                      # another curve crosses here
                    missing += 1
                    continue
                seen += 1
                lo, hi = min(y0, y1) * S - 2.2 * S, max(y0, y1) * S + 2.2 * S
                if min(ys) < lo or max(ys) > hi:
                    fail(f"curve leaves [{min(y0, y1):.1f},{max(y0, y1):.1f}] at x={x / S:.1f}: "
                         f"{min(ys) / S:.1f}..{max(ys) / S:.1f}")
    if missing > seen / 10:
        fail(f"curve hidden in {missing} of {seen + missing} columns")
    left = min(c["points"][0][0] for c in cs) * S
    right = max(c["points"][-1][0] for c in cs) * S
    for x in range(int(left), int(right)):
        for y in column_ys(x, (top - 40) * S, (bottom + 40) * S, PALETTE[0]):
            if y < (top - tol) * S or y > (bottom + tol) * S:
                fail(f"curve pixel outside -3..+3 at ({x / S:.1f},{y / S:.1f}); band {top:.1f}..{bottom:.1f}")
elif check == "gap":
    # persona PERSONA (series SERIES) has no score in phase GAP: none of
    # its colour between the points on either side
    persona, series, gap = sys.argv[5], int(sys.argv[6]), sys.argv[7]
    cs = curves(persona)
    pts = sorted(p for c in cs for p in c["points"])
    head = next(b for b in boxes if b.get("ref") == "phase:" + gap)
    before = max(p for p in pts if p[0] < head["x"])
    after = min(p for p in pts if p[0] > head["x"])
    top, bottom = cs[0]["y"], cs[0]["y"] + cs[0]["h"]
    for x in range(int((before[0] + 6) * S), int((after[0] - 6) * S)):
        ys = column_ys(x, (top - 5) * S, (bottom + 5) * S, PALETTE[series])
        if ys:
            fail(f"{persona}'s colour at x={x / S:.1f} in phase {gap}, where it has no score")
    if len(cs) < 2:
        fail(f"one curve for {persona}: expected a break at {gap}")
elif check == "both":
    # two personas with equal scores: both colours show along the line
    for series in (0, 1):
        cs = curves("ab"[series])
        x0, x1 = cs[0]["points"][0][0], cs[0]["points"][-1][0]
        seen = sum(1 for k in range(1, 40)
                   if column_ys((x0 + (x1 - x0) * k / 40) * S, cs[0]["y"] * S - 10,
                                (cs[0]["y"] + cs[0]["h"]) * S + 10, PALETTE[series]))
        if seen < 30:
            fail(f"persona {'ab'[series]} visible in only {seen} of 39 columns")
elif check == "series":
    # one point per persona: its fill colour; all distinct up to the
    # palette's size; past it, the same colour with another line style
    points = {}
    for b in boxes:
        if b["kind"] == "mark" and b.get("ref", "").startswith("score:") and b["w"] < 7:
            persona = b["ref"].split("/")[1]
            points.setdefault(persona, px[(b["x"] + b["w"] / 2) * S, (b["y"] + b["h"] / 2) * S])
    colors = [points[p] for p in sys.argv[5].split(",")]
    n = min(len(colors), len(PALETTE))
    for i in range(n):
        if not near(colors[i], PALETTE[i], 40):
            fail(f"persona {i} drawn in {colors[i]}, expected {PALETTE[i]}")
    # line coverage along each flat curve: solid for the first palette-full,
    # broken (dashed or dotted) after
    for i, p in enumerate(sys.argv[5].split(",")):
        c = curves(p)[0]
        (x0, y), (x1, _) = c["points"][0], c["points"][-1]
        xs = [x for x in range(int((x0 + 8) * S), int((x1 - 8) * S))
              if abs(x - round(c["points"][1][0] * S)) > 6 * S]
        on = sum(1 for x in xs if column_ys(x, y * S - 3 * S, y * S + 3 * S, PALETTE[i % len(PALETTE)]))
        share = on / len(xs)
        if i < len(PALETTE) and share < 0.97:
            fail(f"persona {i}'s line covers {share:.2f}: expected solid")
        if i >= len(PALETTE) and not 0.1 < share < 0.9:
            fail(f"persona {i}'s line covers {share:.2f}: expected a broken line beside persona {i - len(PALETTE)}")
elif check == "edges":
    bg = tuple(int(v) for v in sys.argv[5].split(","))
    w, h = img.size
    bad = [(x, h - 1) for x in range(w) if not near(px[x, h - 1], bg, 2)]
    bad += [(w - 1, y) for y in range(h) if not near(px[w - 1, y], bg, 2)]
    if bad:
        fail(f"{png}: {len(bad)} edge pixels are not the background, e.g. {bad[0]}: {px[bad[0]]}")
else:
    fail("unknown check " + check)
