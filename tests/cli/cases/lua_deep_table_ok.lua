-- A valid journey with notes nested 199 levels deep: the converter walks
-- them with room on the Lua stack (it used to corrupt the heap at 36).
local t = {}
local cur = t
for _ = 1, 198 do cur.a = {}; cur = cur.a end
return { id = "j", title = "T", personas = { { id = "a", name = "A" } },
         phases = { { id = "p", name = "P" } }, ["x-notes"] = t }
