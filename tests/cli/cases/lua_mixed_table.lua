return { id = "t", title = "T", personas = { "a", name = "b" }, phases = {} }
