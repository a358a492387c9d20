-- 100,000 nested tables: refused with the limit's message, no crash.
local t = {}
local cur = t
for _ = 1, 100000 do cur.a = {}; cur = cur.a end
return { x = t }
