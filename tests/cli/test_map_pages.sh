# Pages that split (issue 13): on a fixed page size the map never prints
# text under the theme's minimum (6 pt); it continues on more pages, each
# with the title, the phase headers and its lanes' titles, and every phase,
# pain and lane appears; grow-to-fit keeps one page.  The report follows
# the same rule.  Checked on the stress journey (12 phases, 9 personas).
set -e
src="$ROOT/scripts/stress_journey.yaml"
"$CJM" render "$src" --size A4 -o a4.pdf --boxes a4.json
"$CJM" render "$src" --size A3 -o a3.pdf --boxes a3.json
"$CJM" render "$src" -o grow.svg --boxes grow.json
"$CJM" render "$src" --view report -o report.pdf --boxes report.json
"$CJM" build "$src" --format json -o j.json
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("j.json"))
phases = [p["id"] for p in j["phases"]]
pains = [x["id"] for p in j["phases"] for x in p.get("pains", [])]
LANES = {"Stakeholders", "Steps", "Touchpoints", "Thoughts", "Emotion", "Pains", "Opportunities", "Needs"}
def check(name, pages, min_pages):
    assert len(pages) >= min_pages, (name, len(pages))
    seen_phases, seen_pains, seen_lanes = {}, [], set()
    for n, p in enumerate(pages):
        texts = [b for b in p["boxes"] if b["kind"] == "text"]
        small = [b for b in texts if b["size"] < 6 - 1e-6]
        assert not small, (name, n, small[0]["text"], small[0]["size"])
        assert any(b.get("ref") == "title" for b in texts), (name, n, "no title")
        heads = [b["ref"][6:].replace(" (continued)", "") for b in texts
                 if b.get("ref", "").startswith("phase:")]
        assert heads, (name, n, "no phase headers")
        lanes = [b["text"] for b in texts if b["role"] == 4]    # TS_LANE: a lane title
        assert lanes, (name, n, "no lane titles")
        for h in heads:
            seen_phases.setdefault(h, set()).update(lanes)
        seen_lanes.update(lanes)
        seen_pains += [b["ref"][5:] for b in texts if b.get("ref", "").startswith("pain:")]
    assert sorted(seen_phases) == sorted(phases), (name, sorted(seen_phases))
    assert sorted(seen_pains) == sorted(pains), (name, "pains")
    # every phase is shown with every lane of the map, on one page or another
    for ph, lanes in seen_phases.items():
        assert lanes == seen_lanes, (name, ph, seen_lanes - lanes)
    return seen_lanes
a4 = json.load(open("a4.json"))["pages"]
a3 = json.load(open("a3.json"))["pages"]
lanes = check("A4", a4, 3)
check("A3", a3, 2)
assert len(a3) < len(a4), (len(a3), len(a4))
assert lanes == {"Stakeholders", "Steps", "Touchpoints", "Thoughts", "Emotion", "Pains", "Opportunities", "Needs"}
# continued pages say so
parts = [b["text"] for p in a4 for b in p["boxes"] if b.get("ref") == "part"]
assert len(parts) == len(a4) and parts[0] == "phases 1–4 of 12", parts
assert any(t.endswith("continued") for t in parts)
grow = json.load(open("grow.json"))["pages"]
assert len(grow) == 1 and not any(b.get("ref") == "part" for b in grow[0]["boxes"])
# the report's map and blueprint pages follow the same rule
report = json.load(open("report.json"))["pages"]
maps = [p for p in report if any(b.get("ref", "").startswith("phase:") and b["kind"] == "text"
                                 for b in p["boxes"])]
assert len(maps) >= 4, len(maps)
for p in maps:
    small = [b for b in p["boxes"] if b["kind"] == "text" and b["size"] < 6 - 1e-6]
    assert not small, small[0]["text"]
PY
