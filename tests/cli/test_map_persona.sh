# Per-persona maps (issue 13): cards name the personas they belong to;
# --persona ID shows that persona's map (its cards and everyone's, its
# stakeholder row and curve); the map of everyone says whose a card is; the
# report with --persona all has a map page per persona; unknown ids are
# errors at their line, and removing a persona takes it off the cards.
set -e
cat > pp.yaml <<'YAML'
id: pp
title: Two people
personas: [{ id: ann, name: Ann Lee, role: user }, { id: ben, name: Ben Ode, role: approver }]
phases:
  - id: p1
    name: One
    involvement: { ann: driver, ben: participant }
    emotions: { ann: 2, ben: -1 }
    steps: [Everyone does this, { text: Ann alone does this, personas: [ann] }]
    thoughts: [{ text: Ben wonders, personas: [ben] }]
    pains:
      - { id: shared, text: Both suffer, personas: [ann, ben] }
      - { id: bens, text: Only Ben suffers, personas: [ben] }
    needs: [{ text: Ann needs a guide, personas: [ann] }, Everyone needs time]
  - id: p2
    name: Two
    involvement: { ann: driver }
    emotions: { ann: 1 }
    opportunities: [{ id: o, text: For Ben later, personas: [ben] }]
YAML
"$CJM" check pp.yaml
"$CJM" render pp.yaml -o all.svg --boxes all.json
"$CJM" render pp.yaml --persona ann -o ann.svg --boxes ann.json
"$CJM" render pp.yaml --persona ben -o ben.svg --boxes ben.json
/usr/bin/python3 - <<'PY'
import json
def texts(f):
    return [b["text"] for p in json.load(open(f))["pages"] for b in p["boxes"] if b["kind"] == "text"]
everyone = texts("all.json")
for t in ("Everyone does this", "Ann alone does this", "Both suffer", "Only Ben suffers", "For Ben later"):
    assert t in everyone, t
# on the map of everyone, a card says whose it is
assert "→ Ann Lee" in everyone and "→ Ann Lee, Ben Ode" in everyone and "→ Ben Ode" in everyone
ann, ben = texts("ann.json"), texts("ben.json")
assert "Ann alone does this" in ann and "Everyone does this" in ann and "Both suffer" in ann
assert "Ann needs a guide" in ann and "Everyone needs time" in ann
for t in ("Only Ben suffers", "“Ben wonders”", "For Ben later"):
    assert t not in ann, t
# the legend shows only what this persona's map has
assert "driver" in ann and "driver" not in ben
# a lane with none of the persona's cards is left out
assert "Thoughts" not in ann and "Opportunities" not in ann
assert "“Ben wonders”" in ben and "Only Ben suffers" in ben and "For Ben later" in ben
assert "Ann alone does this" not in ben and "Ann needs a guide" not in ben
# no owner line on a persona's own map
assert not any(t.startswith("→ ") for t in ann + ben)
# the stakeholder row and the curve: that persona only
boxes = [b for p in json.load(open("ben.json"))["pages"] for b in p["boxes"]]
assert [b["ref"] for b in boxes if b.get("ref", "").startswith("persona:")] == ["persona:ben"]
assert {b["ref"] for b in boxes if b["kind"] == "curve" or b.get("ref", "").startswith("score:")} <= {"emotion:ben", "score:p1/ben"}
PY
# the report: a map page per persona, each with its own cards
"$CJM" render pp.yaml --view report --persona all -o r.pdf --boxes r.json
/usr/bin/python3 - <<'PY'
import json
pages = json.load(open("r.json"))["pages"]
def has(p, t):
    return any(b["kind"] == "text" and b["text"] == t for b in p["boxes"])
ann = [p for p in pages if has(p, "Ann alone does this")]
ben = [p for p in pages if has(p, "“Ben wonders”")]
assert ann and ben
assert not any(has(p, "Only Ben suffers") for p in ann if not has(p, "→ Ben Ode"))
assert any(has(p, "Two people — Ann Lee") for p in pages) and any(has(p, "Two people — Ben Ode") for p in pages)
PY
# unknown persona on a card: an error at its line, with the known ids
sed 's/personas: \[ann\] }, Everyone/personas: [anne] }, Everyone/' pp.yaml > bad.yaml
if "$CJM" check bad.yaml 2>err.txt; then echo "accepted an unknown persona"; exit 1; fi
grep -q 'bad.yaml:14:51: error: phases\[0\].needs\[0\].personas\[0\]: unknown persona "anne"' err.txt || { cat err.txt; exit 1; }
grep -q 'did you mean "ann"' err.txt || { cat err.txt; exit 1; }
# remove: true takes the persona off every card
cat > two.lua <<'LUA'
return {
  name = "two", summary = "two personas and a shared card",
  build = function()
    return { id = "two", title = "Two",
      personas = { { id = "ann", name = "Ann" }, { id = "ben", name = "Ben" } },
      phases = { { id = "p", name = "P", involvement = { ann = "driver", ben = "participant" },
                   pains = { { id = "x", text = "Shared", personas = { "ann", "ben" } } } } } }
  end,
}
LUA
printf 'template: two\npersonas: [{ id: ben, remove: true }]\n' > rm.yaml
"$CJM" build rm.yaml -o rm_built.yaml
/usr/bin/python3 -c '
import yaml
j = yaml.safe_load(open("rm_built.yaml"))
assert [p["id"] for p in j["personas"]] == ["ann"]
assert j["phases"][0]["pains"][0]["personas"] == ["ann"], j["phases"][0]["pains"]'
