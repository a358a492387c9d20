-- cjm.merge: mappings merge by key, lists with ids by id, others replace.
local cjm = require "cjm"

local base = {
  title = "Base",
  kind = "b2b",
  phases = { { id = "a", name = "A", steps = { "one" } }, { id = "b", name = "B" } },
  tags = { "x", "y" },
  nested = { keep = 1, change = 2 },
}
local merged = cjm.merge(base, {
  title = "Over",
  phases = { { id = "b", name = "B2" }, { id = "c", name = "C" }, { id = "a", remove = true } },
  tags = { "z" },
  nested = { change = 3 },
  added = true,
})
assert(merged == base, "merge changes BASE in place")
assert(merged.title == "Over")
assert(merged.kind == "b2b")
assert(#merged.phases == 2, "a removed, c appended: " .. #merged.phases)
assert(merged.phases[1].id == "b" and merged.phases[1].name == "B2")
assert(merged.phases[2].id == "c")
assert(#merged.tags == 1 and merged.tags[1] == "z", "plain lists are replaced")
assert(merged.nested.keep == 1 and merged.nested.change == 3)
assert(merged.added == true)
-- an empty table clears a list but leaves a mapping alone
assert(#cjm.merge({ 1, 2 }, {}) == 0)
assert(cjm.merge({ k = 1 }, {}).k == 1)
-- copy is deep
local original = { a = { b = { 1 } } }
local c = cjm.copy(original)
c.a.b[1] = 2
assert(original.a.b[1] == 1)

return cjm.journey { id = "merge_ok", title = "merge tests passed",
                     personas = { { id = "p", name = "P" } }, phases = { { id = "x", name = "X" } } }
