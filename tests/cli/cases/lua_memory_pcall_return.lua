-- The memory cap is hit inside pcall, then the script returns at once,
-- before the instruction hook fires again: the run must still fail.
local ok = pcall(string.rep, "x", 64 * 2^20)
assert(not ok)
return { id = "j", title = "T", personas = { { id = "a", name = "A" } },
         phases = { { id = "p", name = "P" } } }
