-- cjm.persona: reproducible from the seed, distinct names, role ranges,
-- and a clear error for a second persona of the same role and department.
local cjm = require "cjm"
local core = require "cjm.core"
local personas = require "cjm.persona"

local function draw(seed, locale, n)
  local gen = personas.generator(core.random(seed), locale)
  local out = {}
  for i = 1, n do
    out[i] = gen:make { id = "p" .. i, role = "customer", allow_same = true }
  end
  return out
end

for _, locale in ipairs { "en", "ja", "zh", "fr" } do
  local a, b, c = draw(42, locale, 12), draw(42, locale, 12), draw(43, locale, 12)
  local seen, differs = {}, false
  for i = 1, 12 do
    assert(a[i].name == b[i].name and a[i].age == b[i].age, "same seed, same persona")
    assert(not seen[a[i].name], "names are distinct: " .. a[i].name)
    seen[a[i].name] = true
    differs = differs or a[i].name ~= c[i].name
    assert(a[i].age >= 19 and a[i].age <= 70, "customer age in range")
    assert(#a[i].devices >= 1 and #a[i].sns >= 1 and #a[i].channels >= 2)
  end
  assert(differs, "another seed gives other personas")
end

-- Japanese names are family name first, Chinese ones without a space
local ja = draw(1, "ja", 1)[1].name
assert(ja:find(" "), "ja: family and given name")
local zh = draw(1, "zh", 1)[1].name
assert(not zh:find(" "), "zh: no space")

-- role ranges
local gen = personas.generator(core.random(5), "en")
local approver = gen:make { id = "cfo", role = "approver", department = "Finance" }
assert(approver.age >= 40 and approver.age <= 62)
assert(approver.tenure_years >= 0 and approver.tenure_years <= approver.age - 20)
assert(approver.department == "Finance", "spec fields win")
local ok, err = pcall(gen.make, gen, { id = "cfo2", role = "approver", department = "Finance" })
assert(not ok and err:find("a second approver in Finance"), err)
local ok2 = pcall(gen.make, gen, { id = "cfo3", role = "approver", department = "Finance",
                                   allow_same = true })
assert(ok2, "allow_same permits it")
local ok3, err3 = pcall(gen.make, gen, { id = "x", role = "wizard" })
assert(not ok3 and err3:find("unknown role 'wizard'"))

return cjm.journey { id = "persona_ok", title = "persona tests passed",
                     personas = { approver }, phases = { { id = "x", name = "X" } } }
