"""Checks on a `cjm render --boxes` file: text boxes never overlap, every
box is on its page, and (for the map and persona views) every phase,
persona, touchpoint use, pain and opportunity of the journey appears
exactly once, and every need, activity and content item reads as written.  usage: check_boxes.py BOXES.json JOURNEY.json VIEW"""
import json
import sys
from collections import Counter

boxes = json.load(open(sys.argv[1]))
journey = json.load(open(sys.argv[2]))
view = sys.argv[3]
problems = []
EPS = 0.6

for n, page in enumerate(boxes["pages"]):
    W, H = page["width"], page["height"]
    for b in page["boxes"]:
        if b["kind"] in ("line",):
            continue
        if b["x"] < -EPS or b["y"] < -EPS or b["x"] + b["w"] > W + EPS or b["y"] + b["h"] > H + EPS:
            problems.append(f"page {n}: {b['kind']} {b.get('text', b.get('ref', ''))!r} leaves the page "
                            f"({b['x']:.1f},{b['y']:.1f} {b['w']:.1f}x{b['h']:.1f} on {W:.0f}x{H:.0f})")
    texts = sorted((b for b in page["boxes"] if b["kind"] == "text"), key=lambda b: b["y"])
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if b["y"] >= a["y"] + a["h"] - EPS:
                break
            if (a["x"] < b["x"] + b["w"] - EPS and b["x"] < a["x"] + a["w"] - EPS):
                problems.append(f"page {n}: text overlaps: {a['text'][:40]!r} and {b['text'][:40]!r}")

refs = Counter(b.get("ref") for p in boxes["pages"] for b in p["boxes"] if b["kind"] == "text")
def once(ref):
    if refs[ref] != 1:
        problems.append(f"{ref} appears {refs[ref]} times, expected once")

texts = Counter(b["text"] for p in boxes["pages"] for b in p["boxes"] if b["kind"] == "text")

if view == "map":
    involved = any(v != "none" for ph in journey["phases"] for v in ph.get("involvement", {}).values())
    for ph in journey["phases"]:
        once("phase:" + ph["id"])
        # plain text lanes show their items as they are, nothing added
        for lane in ("needs", "activities", "content"):
            for item in ph.get(lane, []):
                item = item["text"] if isinstance(item, dict) else item
                if texts[item] < 1:
                    problems.append(f"{lane} of {ph['id']}: no card reads exactly {item!r}")
        for tp in ph.get("touchpoints", []):
            once(f"touchpoint:{ph['id']}/{tp}")
        for pain in ph.get("pains", []):
            once("pain:" + pain["id"])
        for opp in ph.get("opportunities", []):
            once("opportunity:" + opp["id"])
    if involved:
        # the stakeholder lane of each part of a map (split by phases or
        # not) names those who take part in its phases, each once
        parts = {}
        for p in boxes["pages"]:
            part = next((b["text"].split(" · ")[0] for b in p["boxes"] if b.get("ref") == "part"), "")
            shown = parts.setdefault(part, [set(), Counter()])
            shown[0] |= {b["ref"][6:].split(" ")[0] for b in p["boxes"]
                         if (b.get("ref") or "").startswith("phase:")}
            shown[1].update(b["ref"] for b in p["boxes"]
                            if b["kind"] == "text" and (b.get("ref") or "").startswith("persona:"))
        for part, (phases, seen) in parts.items():
            for p in journey["personas"]:
                takes_part = any(ph.get("involvement", {}).get(p["id"], "none") != "none"
                                 for ph in journey["phases"] if ph["id"] in phases)
                if seen["persona:" + p["id"]] != int(takes_part):
                    problems.append(f"persona:{p['id']} appears {seen['persona:' + p['id']]} "
                                    f"times in part {part!r}, expected {int(takes_part)}")
elif view == "personas":
    for p in journey["personas"]:
        once("persona:" + p["id"])
elif view == "blueprint":
    for ph in journey["phases"]:
        once("phase:" + ph["id"])

if boxes["unknown_glyphs"]:
    problems.append(f"{boxes['unknown_glyphs']} characters without a glyph")
for p in problems[:20]:
    print(p)
sys.exit(1 if problems else 0)
