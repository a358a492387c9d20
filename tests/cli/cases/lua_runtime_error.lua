local cjm = require "cjm"

local function broken()
  return nil + 1
end
return broken()
