local cjm = require("cjm")
-- text that is not UTF-8 (a Latin-1 byte): an error with its model path
return cjm.journey{
    id = "latin1",
    title = "Caf\xe9",
    personas = { { id = "a", name = "A" } },
    phases = { { id = "p", name = "P" } },
}
