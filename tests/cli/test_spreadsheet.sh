# The map through a spreadsheet and back: export csv writes a sheet per
# lane family, import csv reads them back into the same journey (for what
# the sheets hold), an edit made in a sheet arrives, a bad cell is an
# error at its file and line; export xlsx makes a workbook of the same
# sheets.
set -e
fail() { echo "$@"; exit 1; }
cat > j.yaml <<'YAML'
id: sheet_trip
title: Through a spreadsheet
description: Everything the sheets carry, once.
kind: b2c
personas:
  - { id: ann, name: Ann Lee, role: customer, age: 31, department: Home, goals: [Save time, Pay less], channels: [app] }
  - { id: ben, name: Ben, role: influencer, quote: "Ask me, I know" }
touchpoints:
  - { id: app, name: The app, channel: app, reach: 0.5, lift: 1.2, owner: Product }
  - { id: shop, name: "Shop, high street", channel: store, control: indirect, timing: during }
phases:
  - id: look
    name: Looking around
    goal: Find options
    involvement: { ann: driver, ben: participant }
    emotions: { ann: 1, ben: -0.5 }
    touchpoints: [app, shop]
    steps: [Opens the app, { text: "Compares two offers; \"the cheap one\"", personas: [ann], score: 4 }]
    thoughts: [Is it worth it?]
    needs: [A clear price]
    pains:
      - { id: too_many, text: Too many choices, evidence: { level: qualitative, source: 12 interviews } }
    opportunities: [{ id: shortlist, text: A shortlist of three }]
    blueprint:
      customer: [Browses]
      backstage: [{ id: feed, text: Price feed updates, fail_point: { text: The feed stalls, rate: 0.1 } }]
    transitions: { advance: 0.3, drop: 0.05 }
  - id: buy
    name: Buying
    involvement: { ann: driver }
    steps: [Pays]
    transitions: { advance: 0.5 }
actions:
  - { id: short, title: Show a shortlist, addresses: [too_many, feed], phase: look, owner: Product, impact: 4, effort: 2, confidence: 0.6 }
YAML
"$CJM" export csv j.yaml -o sheets/
for s in journey personas touchpoints phases involvement cards pains actions; do
    [ -s sheets/$s.csv ] || fail "no sheets/$s.csv"
done
# an existing sheet is replaced only with --force, as any output
cp sheets/cards.csv cards.before
rc=0; "$CJM" export csv j.yaml -o sheets/ 2> err.txt || rc=$?
[ $rc = 2 ] && grep -q 'sheets/journey.csv exists; give --force' err.txt || fail "no --force: $rc $(cat err.txt)"
"$CJM" export csv j.yaml -o sheets/ --force
cmp -s sheets/cards.csv cards.before || fail "--force wrote other cards"
"$CJM" import csv sheets/ -o back.yaml
"$CJM" build j.yaml -o a.yaml
"$CJM" build back.yaml -o b.yaml
cmp -s a.yaml b.yaml || fail "the journey changed on the way: $(diff a.yaml b.yaml | head -20)"
# and a journey with more than the sheets hold: what they hold comes back
"$CJM" export csv "$ROOT/scripts/acme_b2b.yaml" -o acme/
"$CJM" import csv acme/ -o acme.yaml
"$CJM" export csv acme.yaml -o acme2/
diff -r acme acme2 > d.txt || fail "acme: export of the import differs: $(head d.txt)"
/usr/bin/python3 - "$ROOT/scripts/acme_b2b.yaml" <<'PY' || exit 1
import subprocess, sys, yaml, os
cjm = os.environ["CJM"]
a = yaml.safe_load(subprocess.run([cjm, "build", sys.argv[1]], capture_output=True, text=True, check=True).stdout)
b = yaml.safe_load(subprocess.run([cjm, "build", "acme.yaml"], capture_output=True, text=True, check=True).stdout)
for key in ("id", "title", "kind"):
    assert a[key] == b[key], key
assert [p["id"] for p in a["phases"]] == [p["id"] for p in b["phases"]]
for pa, pb in zip(a["phases"], b["phases"]):
    for k in ("name", "goal", "involvement", "emotions", "steps", "thoughts", "pains", "opportunities", "touchpoints"):
        va, vb = pa.get(k), pb.get(k)
        if k == "emotions" and va:
            va = {p: (v["score"] if isinstance(v, dict) else v) for p, v in va.items()}
        assert va == vb, (pa["id"], k, va, vb)
    assert pa.get("transitions", {}).get("advance") == pb.get("transitions", {}).get("advance")
    assert pa.get("duration") == pb.get("duration"), (pa.get("duration"), pb.get("duration"))
assert [t["id"] for t in a["touchpoints"]] == [t["id"] for t in b["touchpoints"]]
assert [x["id"] for x in a["actions"]] == [x["id"] for x in b["actions"]]
PY
# an edit made in the sheet arrives
sed 's/^look,steps,Opens the app,/look,steps,Opens the new app,/' sheets/cards.csv > edited.csv
mv edited.csv sheets/cards.csv
"$CJM" import csv sheets/ -o edited.yaml
grep -q 'Opens the new app' edited.yaml || fail "the edit did not arrive"
# a bad cell: an error at its file and line, no output
sed 's/^look,Looking around,Find options,,app; shop,0.3,/look,Looking around,Find options,,app; shop,lots,/' \
    sheets/phases.csv > p.csv && mv p.csv sheets/phases.csv
rc=0; "$CJM" import csv sheets/ -o bad.yaml 2> err.txt || rc=$?
[ $rc = 1 ] && grep -q 'phases.csv:2: error: advance: expected a number, got "lots"' err.txt \
    || fail "bad cell: $rc $(cat err.txt)"
[ ! -e bad.yaml ] || fail "bad cell: wrote a file"
# lint suppressions travel through the sheets too
cp "$ROOT/tests/cli/lint/pain-unaddressed.yaml" sup.yaml
sed -i 's/text: Pricing is hidden }/text: Pricing is hidden, suppress: ["pain-unaddressed: LEGAL-12"] }/' sup.yaml
"$CJM" export csv sup.yaml -o supsheets/
"$CJM" import csv supsheets/ -o sup_back.yaml
grep -q "pain-unaddressed: LEGAL-12" sup_back.yaml || fail "suppress lost in the sheets"
"$CJM" lint sup_back.yaml --format json | grep -q '"suppressed": 1' || fail "the suppression no longer works"
# the workbook: the same sheets, the same words
"$CJM" export xlsx j.yaml -o j.xlsx
/usr/bin/python3 - <<'PY' || exit 1
import zipfile, re
z = zipfile.ZipFile("j.xlsx")
wb = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]+)"', wb)
assert names == ["journey", "personas", "touchpoints", "phases", "involvement", "cards", "pains", "actions"], names
strings = z.read("xl/sharedStrings.xml").decode()
for w in ("Looking around", "Too many choices", "Ann Lee", "Price feed updates"):
    assert w in strings, w
PY
exit 0
