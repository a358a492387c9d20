# The emotion curve draws only what is known (issue 13): it stays on the
# −3..+3 scale and invents no peak between two scores, breaks where a
# persona has no score, keeps equal scores apart, gives every persona its
# own colour (then its own line style), and beyond the overlay limit draws a
# small plot per persona.  Pixels read from real PNGs (emotion_pixels.py).
set -e
px() { /usr/bin/python3 "$ROOT/tests/cli/emotion_pixels.py" "$@"; }
cat > band.yaml <<'YAML'
id: band
title: Band
personas: [{ id: a, name: Ann }, { id: b, name: Ben }]
phases:
  - { id: p1, name: One, emotions: { a: -3, b: 1 } }
  - { id: p2, name: Two, emotions: { a: 3, b: 2 } }
  - { id: p3, name: Three, emotions: { a: 3 } }
  - { id: p4, name: Four, emotions: { a: -3, b: -1 } }
  - { id: p5, name: Five, emotions: { a: -3, b: 0 } }
  - { id: p6, name: Six, emotions: { a: 3, b: 3 } }
  - { id: p7, name: Seven, emotions: { a: -2, b: 3 } }
YAML
"$CJM" render band.yaml -o band.png --dpi 144 --boxes band.json
px band band.png band.json 144
px gap band.png band.json 144 b 1 p3
# the boxes say the same: no curve of b spans phase p3
/usr/bin/python3 - <<'PY'
import json
boxes = json.load(open("band.json"))["pages"][0]["boxes"]
head = next(b for b in boxes if b.get("ref") == "phase:p3")
for c in (b for b in boxes if b["kind"] == "curve" and b["ref"] == "emotion:b"):
    xs = [p[0] for p in c["points"]]
    assert not (min(xs) < head["x"] < max(xs)), "a curve of b runs through p3"
PY
# equal scores everywhere: both curves visible
cat > equal.yaml <<'YAML'
id: equal
title: Equal
personas: [{ id: a, name: Ann }, { id: b, name: Ben }]
phases:
  - { id: p1, name: One, emotions: { a: 1, b: 1 } }
  - { id: p2, name: Two, emotions: { a: -2, b: -2 } }
  - { id: p3, name: Three, emotions: { a: 3, b: 3 } }
YAML
"$CJM" render equal.yaml -o equal.png --dpi 144 --boxes equal.json
px both equal.png equal.json 144
# nine personas, flat: seven colours, then line styles; small multiples
{
    echo "id: nine"; echo "title: Nine"; echo "personas:"
    for i in 1 2 3 4 5 6 7 8 9; do echo "  - { id: q$i, name: Person $i }"; done
    echo "phases:"
    for p in 1 2 3; do
        printf '  - { id: p%s, name: P%s, emotions: {' $p $p
        for i in 1 2 3 4 5 6 7 8 9; do printf ' q%s: 0,' $i; done
        echo ' } }'
    done
} > nine.yaml
"$CJM" render nine.yaml -o nine.png --dpi 144 --boxes nine.json
px series nine.png nine.json 144 q1,q2,q3,q4,q5,q6,q7,q8,q9
/usr/bin/python3 - <<'PY'
import json
boxes = json.load(open("nine.json"))["pages"][0]["boxes"]
curves = sorted((b for b in boxes if b["kind"] == "curve"), key=lambda b: b["y"])
assert len(curves) == 9, len(curves)
# small multiples: each persona's plot band below the last, none shared
for a, b in zip(curves, curves[1:]):
    assert b["y"] >= a["y"] + a["h"], (a["ref"], b["ref"])
# the band's three lines and the scale: +3 / 0 / −3 once per plot
ticks = [b for b in boxes if b["kind"] == "text" and b["text"] == "+3"]
assert len(ticks) == 9, len(ticks)
PY
# four or fewer share one plot, with words on the scale
/usr/bin/python3 - <<'PY'
import json
boxes = json.load(open("band.json"))["pages"][0]["boxes"]
curves = [b for b in boxes if b["kind"] == "curve"]
assert len({(round(c["y"]), round(c["h"])) for c in curves}) == 1
words = [b["text"] for b in boxes if b.get("ref") == "axis"]
assert words == ["delighted", "neutral", "frustrated"], words
PY
# the scale's words in the journey's language
sed 's/^title: Band/title: Band\nlocale: ja/' band.yaml > band_ja.yaml
"$CJM" render band_ja.yaml -o band_ja.svg --boxes band_ja.json
grep -q '"text": "満足"' band_ja.json
grep -q '"text": "不満"' band_ja.json
# a score's note and evidence are drawn under the plot, in its phase
cat > note.yaml <<'YAML'
id: note
title: Note
personas: [{ id: a, name: Ann }]
phases:
  - { id: p1, name: One, emotions: { a: 1 } }
  - { id: p2, name: Two, emotions: { a: { score: -2, note: waited two weeks for IT, evidence: workshop } } }
YAML
"$CJM" render note.yaml -o note.svg --boxes note.json
/usr/bin/python3 - <<'PY'
import json
boxes = json.load(open("note.json"))["pages"][0]["boxes"]
note = next(b for b in boxes if b.get("ref") == "note:p2/a")
assert note["text"] == "Ann: waited two weeks for IT", note["text"]
head = next(b for b in boxes if b.get("ref") == "phase:p2")
curve = next(b for b in boxes if b["kind"] == "curve")
assert note["x"] >= head["x"] - 10 and note["y"] > curve["y"] + curve["h"]
assert any(b["kind"] == "pips" and abs(b["y"] - note["y"]) < 4 for b in boxes)
PY
# PNG edges: every view, theme and resolution painted to the last pixel
for view in map personas blueprint; do
    for theme in light:255,255,255 dark:16,42,67 print:255,255,255; do
        for dpi in 37 97 150; do
            "$CJM" render "$ROOT/scripts/acme_b2b.yaml" --view $view --theme ${theme%%:*} \
                --dpi $dpi -o edge.png
            px edges edge.png band.json $dpi ${theme#*:}
        done
    done
done
"$CJM" render band.yaml --size A4 --dpi 71 -o edge.png
px edges edge.png band.json 71 255,255,255
# in SVG, hovering a score tells whose it is, the score, its note and evidence
"$CJM" render note.yaml -o hover.svg
grep -q '<title>Ann, Two: -2 — waited two weeks for IT (evidence: workshop)</title>' hover.svg
