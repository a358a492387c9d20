return { id = "t", title = "T", personas = { [1] = "a", [3] = "c" }, phases = {} }
