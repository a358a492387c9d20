local cjm = require "cjm"
return cjm.journey {
  id = "t", title = "T",
  personas = {
    cjm.persona { id = "a", name = "A", age = "old" },
  },
  phases = { cjm.phase { id = "p", name = "P", touchpoints = { "fax" } } },
}
