--[[
cjm — the authoring API every journey script and template may `require`.

    local cjm = require "cjm"
    return cjm.journey {
      id = "shop", title = "Online shop",
      personas = { cjm.persona { id = "buyer", name = "Mia" } },
      phases = { cjm.phase { id = "browse", name = "Browse" } },
    }

The constructors return the table they are given, after noting the line
that made it so errors in the journey can point at the script.  They build
exactly the structure a YAML journey has (see the README): keys and
nesting are the same, Lua tables for YAML mappings and lists.

cjm.merge(base, overrides) deep-merges two journeys (lists of tables with
ids are merged by id), and cjm.extend(name, overrides) makes a new
template from an existing one; `template:` journeys use the same merge
for their overrides.
]]

local core = require "cjm.core"

---@class cjm
local cjm = {}

local constructor = core.constructor

--- cjm.journey{...}, cjm.persona{...}, ... : mark and return the table.
---@type fun(t: cjm.Journey): cjm.Journey
cjm.journey = constructor "journey"
---@type fun(t: cjm.Persona): cjm.Persona
cjm.persona = constructor "persona"
---@type fun(t: cjm.Phase): cjm.Phase
cjm.phase = constructor "phase"
---@type fun(t: cjm.Touchpoint): cjm.Touchpoint
cjm.touchpoint = constructor "touchpoint"
---@type fun(t: cjm.Action): cjm.Action
cjm.action = constructor "action"
---@type fun(t: cjm.Scenario): cjm.Scenario
cjm.scenario = constructor "scenario"
---@type fun(t: cjm.Card): cjm.Card
cjm.card = constructor "card"

--- A pain card: cjm.pain("text", {id = ..., evidence = ...}).
---@param text string
---@param extra? cjm.Card the card's other keys (id, evidence, fail_point, time)
---@return cjm.Card
function cjm.pain(text, extra)
  local t = { text = text }
  for k, v in pairs(extra or {}) do t[k] = v end
  return core.mark(t, 2)
end
---@type fun(text: string, extra?: cjm.Card): cjm.Card
cjm.opportunity = cjm.pain

--- cjm.merge(base, overrides) -> a new table: BASE with OVERRIDES merged in.
-- The one merge every journey file and template uses (see the README,
-- "Overrides"): mappings merge key by key (in YAML, `key: ~` removes a
-- key); lists of tables with ids are addressed by id,
-- an unknown id is an error unless the item says `add = true`,
-- `remove = true` removes the item and every reference to it,
-- `replace = true` replaces it whole, and a persona given a new `name` is
-- another person (only its id and role are kept); any other list, and a
-- non-table value, replaces the base's.
---@generic T
---@param base T
---@param over table
---@return T
function cjm.merge(base, over)
  if type(base) ~= "table" or type(over) ~= "table" then
    return over
  end
  return core.merge(base, over)
end

--- cjm.text(locale, entry) -> the text of ENTRY for LOCALE.
-- ENTRY is a string, or a table of translations { en = ..., ja = ..., zh = ... };
-- a missing translation falls back to en.
---@param locale string
---@param entry string|table<string, string>
---@return string
function cjm.text(locale, entry)
  if type(entry) ~= "table" then return entry end
  return entry[locale] or entry.en
end

--- cjm.keys(t) -> the keys of T, sorted: for iterating a table in the
-- same order on every machine (pairs follows hash order).
---@param t table
---@return any[]
function cjm.keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  return keys
end

local function copy(t)
  if type(t) ~= "table" then return t end
  local c = {}
  for k, v in pairs(t) do c[k] = copy(v) end
  return c
end
--- cjm.copy(t) -> a deep copy of T.
---@type fun(t: any): any
cjm.copy = copy

--- cjm.extend(name, spec) -> a new template built on template NAME.
-- SPEC may hold: name, summary, params (added to or replacing the base
-- template's), journey (a table merged into the generated journey),
-- build(journey, params, ctx) (a function that edits and returns it), and
-- finish(journey, params, ctx) (run after the journey file's overrides,
-- after the base template's own finish).
---@param name string the base template
---@param spec? { name?: string, summary?: string, params?: table<string, cjm.Param>, journey?: table, build?: fun(journey: cjm.Journey, params: table, ctx: cjm.Ctx): cjm.Journey?, finish?: fun(journey: cjm.Journey, params: table, ctx: cjm.Ctx): cjm.Journey? }
---@return cjm.Template
function cjm.extend(name, spec)
  local base = require(name)
  if type(base) ~= "table" or type(base.build) ~= "function" then
    error(("cjm.extend: '%s' is not a template"):format(name), 2)
  end
  spec = spec or {}
  local params = copy(base.params or {})
  for k, v in pairs(spec.params or {}) do params[k] = copy(v) end
  local finish
  if base.finish or spec.finish then
    finish = function(j, p, ctx)
      if base.finish then j = base.finish(j, p, ctx) or j end
      if spec.finish then j = spec.finish(j, p, ctx) or j end
      return j
    end
  end
  return {
    name = spec.name or base.name,
    summary = spec.summary or base.summary,
    params = params,
    build = function(p, ctx)
      local j = base.build(p, ctx)
      if spec.journey then j = cjm.merge(j, copy(spec.journey)) end
      if spec.build then j = spec.build(j, p, ctx) or j end
      return j
    end,
    finish = finish,
  }
end

--- cjm.defaults(template) -> a table of the template's default params.
---@param tmpl cjm.Template
---@return table
function cjm.defaults(tmpl)
  local p = {}
  for name, spec in pairs(tmpl.params or {}) do p[name] = copy(spec.default) end
  return p
end

--- cjm.instantiate(doc) -> a journey.
-- DOC is a journey table, or one that names a template (`template`,
-- `params`, overrides) as a YAML file or ctx.load gives it, or a template
-- name.  It is built exactly as a `template:` journey file is: parameters
-- checked (an unknown or out-of-range one is an error), the overrides
-- merged, the template's finish hook run.
---@param doc string|table a template name, or a journey or template document
---@return cjm.Journey
function cjm.instantiate(doc)
  if type(doc) == "string" then doc = { template = doc } end
  if type(doc) ~= "table" or doc.template == nil then return doc end
  return core.instantiate(doc)
end

--- cjm.resolve_scenarios(journey) -> journey.
-- A scenario may be a function of the journey instead of a list of
-- changes: `{ id = "x", apply = function(j) ... return j end }`.  Each
-- such function gets a copy of the journey (without its scenarios) and
-- its result becomes the scenario's `journey`, which the simulator runs
-- in place of the baseline.  cjm calls this on every Lua journey.
---@param journey cjm.Journey
---@return cjm.Journey
function cjm.resolve_scenarios(journey)
  if type(journey) ~= "table" or type(journey.scenarios) ~= "table" then
    return journey
  end
  for _, sc in ipairs(journey.scenarios) do
    if type(sc) == "table" and type(sc.apply) == "function" then
      local alt = {}
      for k, v in pairs(journey) do
        if k ~= "scenarios" then alt[k] = copy(v) end
      end
      local result = sc.apply(alt)
      if result == nil then result = alt end
      if type(result) ~= "table" then
        error(("scenario %s: apply must return the edited journey, got %s")
              :format(tostring(sc.id), type(result)), 0)
      end
      sc.journey, sc.apply = result, nil
    end
  end
  return journey
end

return cjm
