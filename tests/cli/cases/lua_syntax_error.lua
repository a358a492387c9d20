local cjm = require "cjm"
return cjm.journey {
  id = "t" title = "T"
}
