local s = string.rep("a", 40)
return { string.find(s, string.rep("a*", 30) .. "b") }
