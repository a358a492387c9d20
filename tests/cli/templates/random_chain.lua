-- A random simulation model, for the agreement tests: MODEL picks it.
-- Phases with daily advance or a holding time, drops, backward moves,
-- gatekeepers, touchpoints with reach and lift.
local cjm = require "cjm"
local core = require "cjm.core"

return {
  name = "random_chain",
  summary = "A random journey chain (tests)",
  params = { model = { type = "integer", default = 1, min = 1, max = 1000000 } },
  build = function(p)
    local r = core.random(p.model, 77)
    local n = r(2, 7)
    local personas = { { id = "buyer", name = "Buyer" }, { id = "boss", name = "Boss" },
                       { id = "it", name = "IT" } }
    local touchpoints = {}
    for t = 1, r(0, 6) do
      touchpoints[t] = { id = "t" .. t, name = "T" .. t, channel = "website",
                         reach = math.floor(r() * 100) / 100,
                         lift = 0.5 + math.floor(r() * 200) / 100 }
    end
    local phases = {}
    for i = 1, n do
      local drop = math.floor(r() * 8) / 100
      local back = {}
      local used = drop
      if i > 1 and r() < 0.5 then
        local b = math.floor(r() * 6) / 100
        back["p" .. r(1, i - 1)] = b
        used = used + b
      end
      local ph = { id = "p" .. i, name = "Phase " .. i,
                   involvement = { buyer = "driver" }, emotions = { buyer = r(-3, 3) },
                   touchpoints = {} }
      for t = 1, #touchpoints do
        if r() < 0.4 then ph.touchpoints[#ph.touchpoints + 1] = "t" .. t end
      end
      local approve = {}
      if r() < 0.4 then
        ph.involvement.boss = "gatekeeper"
        approve.boss = 0.3 + math.floor(r() * 70) / 100
        if r() < 0.5 then
          ph.involvement.it = "gatekeeper"
          approve.it = 0.3 + math.floor(r() * 70) / 100
        end
      end
      if r() < 0.35 then
        local lo = r(1, 10)
        local mode = lo + r(0, 10)
        ph.duration = { min = lo, mode = mode, max = mode + r(0, 20) }
        ph.transitions = { drop = drop, back = back, approve = approve }
      else
        local adv = math.min(0.02 + math.floor(r() * 40) / 100, 1 - used)
        ph.transitions = { advance = adv, drop = drop, back = back, approve = approve }
      end
      phases[i] = ph
    end
    return cjm.journey { id = "random", title = "Random chain " .. p.model,
                         horizon = r(60, 400), personas = personas,
                         touchpoints = touchpoints, phases = phases }
  end,
}
