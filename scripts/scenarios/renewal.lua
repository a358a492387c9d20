-- Scenarios for renewal_b2b.yaml, in a file of their own:
--   cjm simulate scripts/renewal_b2b.yaml --scenarios scripts/scenarios/renewal.lua --all-scenarios
return {
  { id = "roi_calculator", name = "ROI calculator for the CFO",
    changes = { { phase = "approval", approve = { cfo = 0.85 } } } },
  { id = "health_checks", name = "Quarterly health checks",
    -- apply gets the whole journey: add a touchpoint to renewal
    apply = function(j)
      table.insert(j.touchpoints, { id = "qbr", name = "Quarterly business review",
                                    channel = "event", reach = 0.2, lift = 1.6,
                                    cost = { per_exposure = 300 } })
      for _, ph in ipairs(j.phases) do
        if ph.id == "renewal" then table.insert(ph.touchpoints, "qbr") end
      end
      return j
    end },
}
