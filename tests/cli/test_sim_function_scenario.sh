# A Lua scenario may be a function that edits a copy of the journey; the
# simulator runs the edited journey, and its errors are reported: by
# cjm check and every command, as the journey's (a journey with a broken
# scenario is a broken journey).
set -e
cat > fn.lua <<'LUA'
local cjm = require "cjm"
return cjm.journey {
  id = "fn", title = "Function scenarios",
  personas = { { id = "a", name = "A" } },
  phases = {
    { id = "p1", name = "One", transitions = { advance = 0.2, drop = 0.05 } },
    { id = "p2", name = "Two", transitions = { advance = 0.1, drop = 0.05 } },
  },
  scenarios = {
    { id = "halve_drops", name = "Every drop halved",
      apply = function(journey)
        for _, ph in ipairs(journey.phases) do
          ph.transitions.drop = ph.transitions.drop / 2
        end
        return journey
      end },
  },
}
LUA
cat > fn_broken.lua <<'LUA'
local j = require "fn"
table.insert(j.scenarios, { id = "broken", apply = function(journey)
  journey.phases[1].transitions.drop = 2
  return journey
end })
return j
LUA
"$CJM" simulate fn.lua --scenario halve_drops --exact -o r.json
python3 - <<'PY'
import json
s = json.load(open("r.json"))["scenarios"]
assert abs(s[0]["exact"]["converted"] - 0.8 * 2 / 3) < 1e-6
assert abs(s[1]["exact"]["converted"] - (0.2 / 0.225) * (0.1 / 0.125)) < 1e-6
PY
rc=0; "$CJM" check fn_broken.lua 2>err.txt >/dev/null || rc=$?
[ "$rc" = 1 ] || { echo "check exit $rc"; exit 1; }
grep -q "in the journey that scenario broken's apply function returned" err.txt
rc=0; "$CJM" simulate fn_broken.lua --scenario halve_drops --exact 2>err.txt >/dev/null || rc=$?
[ "$rc" = 1 ] || { echo "exit $rc"; exit 1; }
grep -q 'phases\[0\].transitions.drop: 2 is out of range (0..1)' err.txt
grep -q "in the journey that scenario broken's apply function returned" err.txt
"$CJM" build fn.lua -o fn.yaml
"$CJM" build fn.yaml -o fn2.yaml
cmp fn.yaml fn2.yaml
