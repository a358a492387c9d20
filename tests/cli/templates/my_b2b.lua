-- A user template that extends the built-in b2b_approval: it adds a
-- parameter, renames one phase, and sets the title and description.
local cjm = require "cjm"

return cjm.extend("b2b_approval", {
  name = "my_b2b",
  summary = "Our B2B journey: b2b_approval with our own wording",
  params = {
    region = { type = "choice", choices = { "EMEA", "APAC", "AMER" }, default = "EMEA",
               doc = "Sales region" },
  },
  journey = {
    title = "Our B2B journey",
    phases = { { id = "recognition", name = "Noticing the problem" } },
  },
  build = function(j, p)
    j.description = "Region " .. p.region
    return j
  end,
})
