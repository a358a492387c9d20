return { id = "t", title = "T", personas = {}, phases = { function() end } }
