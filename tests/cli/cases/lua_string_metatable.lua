local mt = getmetatable("")
mt.__index = { upper = function() return "pwned" end }
return {}
