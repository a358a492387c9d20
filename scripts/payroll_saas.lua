-- payroll_saas — a custom template: payroll software bought by HR, built
-- on b2b_approval.  It fixes the category, adds a parameter for the
-- months of parallel payroll runs, and words the last two phases the way
-- a payroll team lives them.  Used by payroll_saas_journey.yaml.
local cjm = require "cjm"

---@type cjm.Template
return cjm.extend("b2b_approval", {
  name = "payroll_saas",
  summary = "Payroll software bought by HR, with a parallel run before go-live",
  params = {
    category = { type = "choice", choices = { "hr_payroll" }, default = "hr_payroll",
                 doc = "Always payroll" },
    employees = { type = "integer", default = 250, min = 1, max = 1000000,
                  doc = "Employees at the buyer (and on its payroll)" },
    parallel_runs = { type = "integer", default = 2, min = 0, max = 6,
                      doc = "Monthly payroll runs on both systems before go-live" },
  },
  ---@param j cjm.Journey
  build = function(j, p)
    for _, ph in ipairs(j.phases) do
      if ph.id == "onboarding" and p.parallel_runs > 0 then
        local days = 30 * p.parallel_runs
        ph.name = cjm.text(p.locale, { en = "Parallel run and go-live", ja = "並行稼働と本番移行",
                                       zh = "并行运行与上线" })
        ph.duration = { min = days * 0.75, mode = days, max = days * 1.5 }
        ph.transitions.advance = nil
        ph.pains[#ph.pains + 1] = cjm.pain(cjm.text(p.locale, {
          en = "Payslips differ by a few cents", ja = "給与明細に数円の差が出る", zh = "工资条相差几分钱" }),
          { id = "cent_differences", evidence = "qualitative" })
      elseif ph.id == "adoption" then
        ph.steps[#ph.steps + 1] = cjm.text(p.locale, { en = "Answers payslip questions in the app",
          ja = "アプリで給与明細の質問に答える", zh = "在应用里解答工资条问题" })
      end
    end
    return j
  end,
})
