-- The benchmark journey: 7 phases, 5 personas, 30 touchpoints, with
-- emotions, pains, thoughts and a blueprint in every phase.
local cjm = require "cjm"
local channels = { "website", "email", "search", "sns", "sales_rep", "webinar",
                   "review_site", "store", "app", "phone" }
local personas, touchpoints, phases = {}, {}, {}
for i = 1, 5 do
  personas[i] = cjm.persona { id = "p" .. i, name = "Persona number " .. i,
                              role = i == 1 and "person_in_charge" or "approver",
                              goals = { "A goal of persona " .. i },
                              quote = "A quote that takes a line or two to say." }
end
for i = 1, 30 do
  touchpoints[i] = cjm.touchpoint { id = "t" .. i, name = "Touchpoint number " .. i,
                                    channel = channels[(i - 1) % #channels + 1],
                                    control = i % 3 == 0 and "indirect" or "direct" }
end
for k = 1, 7 do
  local involvement, emotions, tps = {}, {}, {}
  for i = 1, 5 do
    involvement["p" .. i] = i == 1 and "driver" or (k == 4 and "gatekeeper" or "participant")
    emotions["p" .. i] = ((k + i) % 7) - 3
  end
  for i = 0, 4 do
    local t = (k - 1) * 4 + i + 1
    if t <= 30 then tps[#tps + 1] = "t" .. t end
  end
  phases[k] = cjm.phase {
    id = "phase" .. k, name = "Phase number " .. k, goal = "What phase " .. k .. " is for",
    involvement = involvement, emotions = emotions, touchpoints = tps,
    steps = { "A first step", "A second, longer step that wraps in its cell" },
    thoughts = { "What the customer thinks here" },
    pains = { { id = "pain" .. k, text = "A pain of phase " .. k, evidence = "workshop" } },
    opportunities = { { id = "opp" .. k, text = "An opportunity of phase " .. k } },
    blueprint = { customer = { "Acts" }, frontstage = { "Front" }, backstage = { "Back" },
                  support = { "Support" } },
    transitions = { advance = 0.1, drop = 0.02 },
  }
end
return cjm.journey { id = "bench", title = "Benchmark journey", kind = "b2b",
                     personas = personas, touchpoints = touchpoints, phases = phases }
