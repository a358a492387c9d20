-- cjm.merge, the one merge (the same as a journey file's overrides):
-- mappings by key, lists with ids by id (an unknown id is an error unless
-- add = true), remove = true takes an item and every reference to it,
-- a persona given a new name is another person; other lists replace.
local cjm = require "cjm"

local base = {
  title = "Base",
  kind = "b2b",
  personas = { { id = "pic", name = "Gen Erated", role = "person_in_charge", age = 41,
                 department = "Marketing", goals = { "Grow the pipeline" } },
               { id = "cfo", name = "C", role = "approver" } },
  phases = { { id = "a", name = "A", steps = { "one" },
               involvement = { pic = "driver", cfo = "gatekeeper" },
               emotions = { pic = 1, cfo = -1 },
               transitions = { advance = 0.2, approve = { cfo = 0.5 } } },
             { id = "b", name = "B", transitions = { advance = 0.3, back = { a = 0.1 } } } },
  tags = { "x", "y" },
  nested = { keep = 1, change = 2, gone = 3 },
}
local merged = cjm.merge(base, {
  title = "Over",
  phases = { { id = "b", name = "B2" }, { id = "c", name = "C", add = true } },
  tags = { "z" },
  nested = { change = 3 },
  added = true,
})
assert(merged ~= base, "merge returns a new table")
assert(merged.title == "Over" and merged.kind == "b2b")
assert(#merged.phases == 3, "c added: " .. #merged.phases)
assert(merged.phases[2].id == "b" and merged.phases[2].name == "B2")
assert(merged.phases[3].id == "c" and merged.phases[3].add == nil, "add is not kept")
assert(#merged.tags == 1 and merged.tags[1] == "z", "plain lists are replaced")
assert(merged.nested.keep == 1 and merged.nested.change == 3)
assert(merged.added == true)

-- an unknown id is an error naming the known ones and the likely one
local ok, err = pcall(cjm.merge, base, { phases = { { id = "bb", name = "typo" } } })
assert(not ok and err:find('no item "bb"') and err:find("known: a, b")
       and err:find('did you mean "b"') and err:find("add: true"), err)

-- removing a persona removes every reference to it
local without = cjm.merge(base, { personas = { { id = "cfo", remove = true } } })
assert(#without.personas == 1)
local a = without.phases[1]
assert(a.involvement.cfo == nil and a.emotions.cfo == nil and a.transitions.approve.cfo == nil)
assert(a.involvement.pic == "driver")
-- removing a phase removes the moves back into it
local no_a = cjm.merge(base, { phases = { { id = "a", remove = true } } })
assert(#no_a.phases == 1 and no_a.phases[1].transitions.back.a == nil)

-- a persona given a name is another person: nothing generated is kept
local named = cjm.merge(base, { personas = { { id = "pic", name = "Sarah Kim", age = 47 } } })
local p = named.personas[1]
assert(p.name == "Sarah Kim" and p.age == 47 and p.role == "person_in_charge")
assert(p.department == nil and p.goals == nil, "generated attributes mixed in")
-- without a name, the persona is changed, not replaced
local older = cjm.merge(base, { personas = { { id = "pic", age = 50 } } })
assert(older.personas[1].department == "Marketing" and older.personas[1].age == 50)

-- an empty table clears a list but leaves a mapping alone
assert(#cjm.merge({ l = { 1, 2 } }, { l = {} }).l == 0)
assert(cjm.merge({ m = { k = 1 } }, { m = {} }).m.k == 1)
-- copy is deep
local original = { a = { b = { 1 } } }
local c = cjm.copy(original)
c.a.b[1] = 2
assert(original.a.b[1] == 1)

return cjm.journey { id = "merge_ok", title = "merge tests passed",
                     personas = { { id = "p", name = "P" } }, phases = { { id = "x", name = "X" } } }
