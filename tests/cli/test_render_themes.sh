# Each theme and format renders the B2B example; output is byte-identical
# from run to run; SVG is well-formed XML carrying the phase names; the
# report PDF has the expected pages and searchable text.
set -e
src="$ROOT/scripts/acme_b2b.yaml"
for theme in light dark print; do
    for fmt in svg png pdf; do
        "$CJM" render "$src" --theme $theme -o a.$fmt
        "$CJM" render "$src" --theme $theme -o b.$fmt
        cmp a.$fmt b.$fmt || { echo "$theme $fmt differs between runs"; exit 1; }
    done
    xmllint --noout a.svg
    grep -q 'Internal proposal and approval' a.svg
    file_type=$(head -c 8 a.png | od -An -c | tr -d ' ')
    [ "$file_type" = '211PNG\r\n032\n' ] || { echo "not a PNG"; exit 1; }
    pdftotext a.pdf - | grep -q 'Internal proposal'
done
# report: cover + persona pages + map + blueprint
"$CJM" render "$src" --view report -o r.pdf --boxes r.json
pages=$(pdfinfo r.pdf | sed -n 's/^Pages: *//p')
json_pages=$(python3 -c 'import json; print(len(json.load(open("r.json"))["pages"]))')
[ "$pages" = "$json_pages" ] && [ "$pages" -ge 4 ] || { echo "report: $pages pages, layout $json_pages"; exit 1; }
pdfinfo r.pdf | grep -q 'Page size: *841.89 x 595.276'
! pdfinfo r.pdf | grep -q CreationDate
# with a map page per persona: four more... one per persona instead of one
"$CJM" render "$src" --view report --persona all -o ra.pdf --boxes ra.json
pages_all=$(pdfinfo ra.pdf | sed -n 's/^Pages: *//p')
/usr/bin/python3 - "$pages" "$pages_all" <<'PY'
import json, sys
pages, pages_all = int(sys.argv[1]), int(sys.argv[2])
def titles(f):
    """The title of each page; map pages only (they have phase headers)."""
    return [next((b["text"] for b in p["boxes"] if b.get("ref") == "title"), "")
            if any(b["kind"] == "text" and b["role"] == 4 for b in p["boxes"])
            and any(b.get("ref", "").startswith("phase:") for b in p["boxes"]) else ""
            for p in json.load(open(f))["pages"]]
r, ra = titles("r.json"), titles("ra.json")
assert len(ra) == pages_all
title = "ACME Analytics — B2B purchase of a marketing dashboard"
everyone = r.count(title)
assert everyone >= 1 and title not in ra, (everyone, ra)
per = {t for t in ra if t.startswith(title + " — ")}
r = [t for t in r if t == title or t.startswith(title + " — ")]
assert per == {title + " — " + n for n in ("Aiko Tanaka", "Daniel Brooks", "Priya Nair", "Kenji Sato")}, per
# the other pages stay: the report loses the map of everyone, gains one per persona
assert pages_all - sum(t in per for t in ra) == pages - len(r), (pages, pages_all)
PY
pdftotext ra.pdf - | grep -q 'Kenji Sato'
# one persona only
"$CJM" render "$src" --persona cfo -o p.svg --boxes p.json
python3 - <<'PY'
import json
refs = [b.get("ref") for b in json.load(open("p.json"))["pages"][0]["boxes"]]
assert "persona:cfo" in refs and "persona:pic" not in refs
assert "emotion:cfo" in refs and "emotion:pic" not in refs
PY
