-- The random generator object: ranges, reproducibility, pick, shuffle.
local cjm = require "cjm"
local core = require "cjm.core"

local r1, r2 = core.random(7), core.random(7)
for _ = 1, 1000 do
  local x = r1()
  assert(x >= 0 and x < 1)
  assert(x == r2())
  local k = r1(3, 5)
  assert(k >= 3 and k <= 5 and math.type(k) == "integer")
  assert(k == r2(3, 5))
end
local counts = { 0, 0, 0, 0 }
local r = core.random(1)
for _ = 1, 40000 do
  local k = r(4)
  counts[k] = counts[k] + 1
end
for i = 1, 4 do
  assert(counts[i] > 9400 and counts[i] < 10600, "uniform: " .. counts[i])
end
local list = { 1, 2, 3, 4, 5, 6, 7, 8 }
r:shuffle(list)
table.sort(list)
for i = 1, 8 do assert(list[i] == i, "shuffle keeps the elements") end
assert(({ a = 1 })[r:pick { "a" }] == 1)
local ok, err = pcall(r.pick, r, {})
assert(not ok and err:find("list is empty"))
local ok2, err2 = pcall(r, 5, 1)
assert(not ok2 and err2:find("interval is empty"))

return cjm.journey { id = "random_ok", title = "random tests passed",
                     personas = { { id = "p", name = "P" } }, phases = { { id = "x", name = "X" } } }
