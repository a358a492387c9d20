# Scenario files in full (issue 14): a Lua scenario file's apply functions
# get the whole journey; YAML changes add touchpoints and phases; both
# engines run them; mistakes are errors at their line.  Conversions are
# worked by hand: one phase with daily advance a and drop d converts
# a / (a + d) (over a long horizon).
set -e
cat > one.yaml <<'YAML'
id: one
title: One phase
horizon: 3650
personas: [{ id: a, name: Ann }]
touchpoints: [{ id: web, name: Website, channel: website }]
phases:
  - { id: p1, name: One, touchpoints: [web], transitions: { advance: 0.1, drop: 0.1 } }
YAML
cat > more.lua <<'LUA'
-- apply sees the whole journey and returns it changed
return {
  { id = "chat", name = "A chat that doubles the advance",
    apply = function(j)
      assert(#j.phases == 1 and j.personas[1].id == "a" and j.touchpoints[1].id == "web")
      table.insert(j.touchpoints, { id = "chat", name = "Chat", channel = "chat", reach = 1, lift = 2 })
      table.insert(j.phases[1].touchpoints, "chat")
      return j
    end },
  { id = "slower", name = "Half the advance", changes = { { phase = "p1", advance = "*0.5" } } },
}
LUA
cat > more_table.lua <<'LUA'
return { scenarios = { { id = "drop0", apply = function(j) j.phases[1].transitions.drop = 0.05; return j end } } }
LUA
cat > add.yaml <<'YAML'
- id: chat_yaml
  changes:
    - add_touchpoint: { id: chat, name: Chat, channel: chat, reach: 1, lift: 2 }
      to: [p1]
- id: second
  changes:
    - add_phase: { id: p2, name: Two, transitions: { advance: 0.3, drop: 0.1 } }
      after: p1
YAML
"$CJM" simulate one.yaml --scenarios more.lua --all-scenarios --exact -o r1.json
"$CJM" simulate one.yaml --scenarios more_table.lua --all-scenarios --exact -o r2.json
"$CJM" simulate one.yaml --scenarios add.yaml --all-scenarios -n 40000 -o r3.json
/usr/bin/python3 - <<'PY'
import json
def conv(f):
    return {r["id"]: r for r in json.load(open(f))["comparison"]}
r1, r2, r3 = conv("r1.json"), conv("r2.json"), conv("r3.json")
def near(x, y, tol=2e-6):     # the report gives six decimals
    assert abs(x - y) < tol, (x, y)
near(r1["baseline"]["converted"], 0.1 / 0.2)
near(r1["chat"]["converted"], 0.2 / 0.3)            # lift 2 on every day
near(r1["slower"]["converted"], 0.05 / 0.15)
near(r2["drop0"]["converted"], 0.1 / 0.15)
near(r3["chat_yaml"]["converted"], 0.2 / 0.3)       # the YAML addition, the same
near(r3["second"]["converted"], 0.5 * 0.3 / 0.4)    # through an added second phase
# Monte Carlo beside it, within 4 standard errors of 40,000 journeys
for k, want in (("chat_yaml", 2 / 3), ("second", 0.375)):
    mc = r3[k]["converted_mc"]
    se = (want * (1 - want) / 40000) ** 0.5
    assert abs(mc - want) < 4 * se, (k, mc, want)
PY
# cjm check and build keep the additions; build writes them back as written
cat one.yaml > withadd.yaml
printf 'scenarios:\n' >> withadd.yaml
sed 's/^/  /' add.yaml >> withadd.yaml
"$CJM" check withadd.yaml
"$CJM" build withadd.yaml -o built.yaml
"$CJM" build built.yaml -o built2.yaml
cmp built.yaml built2.yaml
grep -q 'add_phase:' built.yaml && grep -q 'after: p1' built.yaml
# mistakes: where each one is
bad() {   # NAME MESSAGE  (file bad_NAME.yaml)
    if "$CJM" check "bad_$1.yaml" 2>err.txt; then echo "$1 accepted"; exit 1; fi
    grep -q "$2" err.txt || { echo "$1:"; cat err.txt; exit 1; }
}
sed 's/to: \[p1\]/to: [p9]/' withadd.yaml > bad_to.yaml
bad to 'bad_to.yaml:1[0-9]:[0-9]*: error: scenarios\[0\].changes\[0\].to\[0\]: unknown phase "p9"'
sed 's/channel: chat, reach/chanel: chat, reach/' withadd.yaml > bad_tp.yaml
bad tp 'in the journey of scenario chat_yaml'
cat one.yaml > bad_action.yaml
cat >> bad_action.yaml <<'YAML'
actions:
  - id: x
    title: X
    effect: [{ add_touchpoint: { id: c, name: C, channel: chat }, to: [p1] }]
YAML
bad action "adding a touchpoint or a phase is a scenario's change"
cat one.yaml > bad_to_alone.yaml
printf 'scenarios:\n  - { id: s, changes: [{ phase: p1, advance: 0.2, to: [p1] }] }\n' >> bad_to_alone.yaml
bad to_alone 'to goes with add_touchpoint'
printf 'return 42\n' > bad.lua
if "$CJM" simulate one.yaml --scenarios bad.lua 2>err.txt; then echo "bad.lua accepted"; exit 1; fi
grep -q 'a scenario file returns a list of scenarios' err.txt
printf 'return { { id = "boom", apply = function(j) error("no luck") end } }\n' > boom.lua
if "$CJM" simulate one.yaml --scenarios boom.lua 2>err.txt; then echo "boom.lua accepted"; exit 1; fi
grep -q 'boom.lua:1:.*no luck' err.txt || { cat err.txt; exit 1; }
