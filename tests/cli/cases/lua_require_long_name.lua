-- A module name longer than a path piece: refused with its length (the
-- fuzzer found the name overran a buffer before it was checked).
require(string.rep("a", 600))
return {}
