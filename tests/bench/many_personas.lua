-- make bench: a template that makes PERSONAS personas (a buying group of
-- any size), each named in a phase of its own group of ten.  The time to
-- check it should grow linearly with the count.
local cjm = require "cjm"

return {
  name = "many_personas",
  summary = "A journey with many personas (make bench)",
  params = { personas = { type = "integer", default = 1000, min = 1, max = 1000000 } },
  build = function(p)
    local personas, phases = {}, {}
    for i = 1, p.personas do
      personas[i] = cjm.persona { id = "p" .. i, name = "Persona " .. i,
                                  role = i % 10 == 1 and "decision_maker" or "user",
                                  goals = { "Goal of persona " .. i } }
    end
    for g = 1, math.ceil(p.personas / 10) do
      local involvement, emotions = {}, {}
      for i = (g - 1) * 10 + 1, math.min(g * 10, p.personas) do
        involvement["p" .. i] = i % 10 == 1 and "driver" or "participant"
        emotions["p" .. i] = i % 7 - 3
      end
      phases[g] = cjm.phase { id = "g" .. g, name = "Group " .. g, involvement = involvement,
                              emotions = emotions, transitions = { advance = 0.3 } }
    end
    return cjm.journey { id = "many", title = "Many personas", personas = personas,
                         phases = phases }
  end,
}
