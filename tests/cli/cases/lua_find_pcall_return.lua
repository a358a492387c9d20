-- About 0.8 s of pattern backtracking inside pcall under --timeout 0.5,
-- in so few Lua instructions (under 1,000) that the count hook never
-- fires: the deadline passed, so the run must fail even though the
-- script returns normally.  (Past the watchdog's one-second grace the
-- process is stopped from outside instead; the message is the same.)
local s = string.rep("a", 13) .. "b"
local pat = string.rep("a*", 11) .. "c"
for _ = 1, 8 do pcall(string.find, s, pat) end
return { id = "j", title = "T", personas = { { id = "a", name = "A" } },
         phases = { { id = "p", name = "P" } } }
