local j = { id = "t", title = "T" }
j.personas = { j }
return j
