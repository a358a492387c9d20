-- 12,000 suspended coroutines, each closing the next from a __close
-- handler: Lua 5.4.4 does not count these C calls and overflowed the C
-- stack (exit 139).  The nesting cap stops it, and pcall cannot hide it.
local cos = {}
for i = 1, 12000 do
  cos[i] = coroutine.create(function()
    local x <close> = setmetatable({}, { __close = function()
      if cos[i + 1] then pcall(coroutine.close, cos[i + 1]) end
    end })
    coroutine.yield()
  end)
  coroutine.resume(cos[i])
end
pcall(coroutine.close, cos[1])
return { id = "j", title = "T", personas = { { id = "a", name = "A" } },
         phases = { { id = "p", name = "P" } } }
