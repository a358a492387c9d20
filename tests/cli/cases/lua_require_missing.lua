return require("no_such_module")
