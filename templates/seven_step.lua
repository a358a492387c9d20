--[[
seven_step — the 7-step customer journey mapping process, as a project.

Given a customer journey (a template name such as b2b_approval, or a
journey file in the same folder), it generates the mapping project:
1 discovery meeting, 2 employee workshop, 3 qualitative validation,
4 quantitative validation, 5 final report and map, 6 action planning and
blueprinting, 7 design-new-experience workshop.  Each step has its
participants (as personas and their involvement), inputs (needs),
activities, deliverables and a duration.  Step 3 carries an interview
guide and step 4 survey questions generated from the customer journey's
phases, pains and touchpoints.  The customer journey itself goes under
`maps`, so `cjm plan` on the project plans it: its conversion, its pains
by its own phases, its stakeholders.  The project's participants are
groups and roles, not invented people: they have no ages or degrees.
]]

local cjm = require "cjm"

local T = cjm.text

local function L(en, ja, zh) return { en = en, ja = ja, zh = zh } end

-- The project's participants: groups and roles, described by what they
-- bring to the project (no invented names, ages or degrees).
local PARTICIPANTS = {
  { id = "cx_lead", role = "person_in_charge", name = L("CX lead", "CX推進リーダー", "客户体验负责人"),
    about = L("Runs the project and owns the map", "プロジェクトを進めマップに責任を持つ", "推进项目并负责旅程图") },
  { id = "sponsor", role = "decision_maker", name = L("Executive sponsor", "役員スポンサー", "高管发起人"),
    about = L("Sets the scope and signs off the results", "範囲を決め結果を承認する", "确定范围并批准成果") },
  { id = "analyst", role = "influencer", name = L("Research analyst", "リサーチアナリスト", "研究分析师"),
    about = L("Plans and analyses the interviews and the survey", "インタビューとアンケートを設計・分析する",
              "设计并分析访谈和问卷") },
  { id = "employees", role = "user", name = L("Frontline employees", "現場の従業員", "一线员工"),
    about = L("Know where customers get stuck", "顧客がつまずく所を知っている", "了解客户卡在哪里") },
  { id = "owners", role = "manager", name = L("Process owners", "業務プロセス責任者", "流程负责人"),
    about = L("Own the changes the plan asks for", "計画が求める変更を担う", "负责计划所要求的改变") },
  { id = "customers", role = "customer", name = L("Customers", "顧客", "客户"),
    about = L("Tell their journey in interviews and the survey", "インタビューとアンケートで体験を語る",
              "在访谈和问卷中讲述自己的旅程") },
}

local STEPS = {
  { id = "discovery", days = { 1, 2, 5 },
    inv = { cx_lead = "driver", sponsor = "gatekeeper", owners = "participant" },
    name = L("1 Discovery meeting", "1 キックオフ（現状把握）", "1 启动会议"),
    goal = L("Agree on scope, target customers and success measures",
             "対象範囲・対象顧客・成功指標を合意する", "确定范围、目标客户和成功指标"),
    inputs = { L("Business goals", "事業目標", "业务目标"),
               L("Existing research and data", "既存の調査とデータ", "现有研究和数据") },
    activities = { L("Set the scope and the personas to map", "対象範囲と対象ペルソナを決める", "确定范围和要绘制的画像"),
                   L("Collect what is already known", "既知の情報を集める", "收集已知信息") },
    deliverables = { L("Project charter", "プロジェクト憲章", "项目章程"),
                     L("Draft journey (assumptions)", "仮説ジャーニー", "假设版旅程") } },
  { id = "workshop", days = { 1, 2, 4 },
    inv = { cx_lead = "driver", employees = "participant", owners = "participant", analyst = "participant" },
    name = L("2 Employee workshop", "2 従業員ワークショップ", "2 员工工作坊"),
    goal = L("Map the journey as employees see it; evidence level: workshop",
             "従業員の視点でジャーニーを描く（根拠レベル：ワークショップ）", "从员工视角绘制旅程（证据等级：工作坊）"),
    inputs = { L("Draft journey", "仮説ジャーニー", "假设版旅程") },
    activities = { L("Walk through each phase", "各フェーズを順に確認する", "逐个阶段梳理"),
                   L("Collect pains and moments that matter", "ペインと重要な瞬間を集める", "收集痛点和关键时刻") },
    deliverables = { L("Workshop journey map", "ワークショップ版ジャーニーマップ", "工作坊版旅程图"),
                     L("Hypotheses to validate", "検証すべき仮説", "待验证的假设") } },
  { id = "qualitative", days = { 10, 15, 25 }, guide = "interview",
    inv = { cx_lead = "driver", analyst = "participant", customers = "participant" },
    name = L("3 Qualitative validation", "3 定性調査", "3 定性验证"),
    goal = L("Hear customers tell their journey; evidence level: qualitative",
             "顧客自身の言葉でジャーニーを聞く（根拠レベル：定性）", "听客户讲述旅程（证据等级：定性）"),
    inputs = { L("Hypotheses to validate", "検証すべき仮説", "待验证的假设"),
               L("Interview guide", "インタビューガイド", "访谈提纲") },
    activities = { L("8 to 12 customer interviews", "顧客インタビュー8〜12件", "8到12次客户访谈"),
                   L("Synthesis of quotes and pains", "発言とペインの整理", "整理引述和痛点") },
    deliverables = { L("Validated journey with quotes", "発言付きの検証済みジャーニー", "含引述的验证版旅程") } },
  { id = "quantitative", days = { 10, 20, 30 }, guide = "survey",
    inv = { cx_lead = "driver", analyst = "participant", customers = "participant" },
    name = L("4 Quantitative validation", "4 定量調査", "4 定量验证"),
    goal = L("Measure how common each pain is; evidence level: quantitative",
             "各ペインの広がりを測る（根拠レベル：定量）", "衡量各痛点的普遍程度（证据等级：定量）"),
    inputs = { L("Validated journey", "検証済みジャーニー", "验证版旅程"),
               L("Survey questionnaire", "アンケート票", "调查问卷") },
    activities = { L("Survey of customers", "顧客アンケート", "客户问卷调查"),
                   L("Analysis by phase and segment", "フェーズ・セグメント別の分析", "按阶段和细分分析") },
    deliverables = { L("Survey results", "アンケート結果", "调查结果"),
                     L("Pains ranked by reach", "影響範囲順のペイン一覧", "按影响排序的痛点") } },
  { id = "report", days = { 3, 5, 10 },
    inv = { cx_lead = "driver", analyst = "participant", sponsor = "gatekeeper" },
    name = L("5 Final report and map", "5 最終報告とマップ", "5 最终报告与旅程图"),
    goal = L("Present the evidence-backed map", "根拠に基づくマップを報告する", "展示有证据支撑的旅程图"),
    inputs = { L("Survey results", "アンケート結果", "调查结果") },
    activities = { L("Render the journey map and persona cards", "ジャーニーマップとペルソナを作成する",
                     "绘制旅程图和用户画像") },
    deliverables = { L("Journey map with evidence levels", "根拠レベル付きジャーニーマップ",
                       "标注证据等级的旅程图"),
                     L("Report with persona cards", "ペルソナ付き報告書", "含用户画像的报告") } },
  { id = "action_planning", days = { 2, 4, 8 },
    inv = { cx_lead = "driver", owners = "participant", sponsor = "participant" },
    name = L("6 Action planning and blueprinting", "6 アクションプランとブループリント", "6 行动计划与服务蓝图"),
    goal = L("Turn pains into owned, prioritized actions", "ペインを担当者付きの優先施策にする",
             "把痛点变成有负责人、有优先级的行动"),
    inputs = { L("Pains ranked by reach", "影響範囲順のペイン一覧", "按影响排序的痛点") },
    activities = { L("Score actions by impact, effort and confidence", "インパクト・工数・確度で施策を評価",
                     "按影响、投入和把握度评估行动"),
                   L("Draw the to-be service blueprint", "あるべきサービスブループリントを描く", "绘制目标服务蓝图") },
    deliverables = { L("Prioritized action plan with owners", "担当者付きの優先順位つきアクションプラン",
                       "有负责人和优先级的行动计划"),
                     L("To-be service blueprint", "あるべきサービスブループリント", "目标服务蓝图") } },
  { id = "design_workshop", days = { 1, 2, 3 },
    inv = { cx_lead = "driver", employees = "participant", owners = "participant", customers = "participant" },
    name = L("7 Design-new-experience workshop", "7 新体験デザインワークショップ", "7 新体验设计工作坊"),
    goal = L("Design and prototype the future journey", "未来のジャーニーを設計し試作する", "设计并原型化未来旅程"),
    inputs = { L("Action plan", "アクションプラン", "行动计划") },
    activities = { L("Ideate on the top opportunities", "主要な機会についてアイデアを出す", "围绕关键机会进行构思"),
                   L("Prototype and test", "試作して検証する", "原型制作与测试") },
    deliverables = { L("Future-state journey", "将来のジャーニー", "未来状态旅程"),
                     L("Prototypes to pilot", "試行するプロトタイプ", "待试点的原型") } },
}

local QUESTIONS = {
  interview = {
    phase = L("Think back to \"%s\". What were you trying to do, and what got in the way?",
              "「%s」の段階を思い出してください。何をしようとしていて、何が妨げになりましたか？",
              "回想一下“%s”阶段。您当时想做什么？遇到了什么阻碍？"),
    pain = L("We heard: \"%s\". Is that true for you? Tell us about the last time.",
             "「%s」という声がありました。あなたにも当てはまりますか？最近の例を教えてください。",
             "我们听说：“%s”。您也有这种情况吗？请讲讲最近一次。"),
    touchpoints = L("Which of these did you use, and which helped most: %s?",
                    "次のうち利用したもの、最も役立ったものはどれですか：%s？",
                    "以下哪些您用过？哪个最有帮助：%s？"),
  },
  survey = {
    phase = L("How satisfied were you with \"%s\"? (1 = not at all, 5 = very)",
              "「%s」の段階にどの程度満足しましたか？（1＝全く満足していない、5＝とても満足）",
              "您对“%s”阶段的满意度如何？（1=非常不满意，5=非常满意）"),
    pain = L("How much do you agree: \"%s\"? (1 = not at all, 5 = completely)",
             "「%s」にどの程度当てはまりますか？（1＝全く当てはまらない、5＝とても当てはまる）",
             "您在多大程度上同意：“%s”？（1=完全不同意，5=完全同意）"),
    touchpoint = L("Did you use \"%s\"? (yes / no)", "「%s」を利用しましたか？（はい／いいえ）",
                   "您是否使用过“%s”？（是/否）"),
  },
}

local PACE = { fast = 0.6, standard = 1.0, thorough = 1.6 }

local template = {
  name = "seven_step",
  summary = "The 7-step journey mapping process as a project, generated from a customer journey",
  params = {
    journey = { type = "string", default = "b2b_approval",
                doc = "The customer journey to map: a template name, or a .yaml/.lua file in this folder" },
    journey_params = { type = "map", default = {},
                       doc = "Parameters for that template (when journey names one)" },
    pace = { type = "choice", choices = { "fast", "standard", "thorough" }, default = "standard",
             doc = "Scales every step's duration (0.6x, 1x, 1.6x)" },
    locale = { type = "choice", choices = { "en", "ja", "zh" }, default = "en",
               doc = "Language of the project's text" },
  },
}

local function customer_journey(p, ctx)
  local j = p.journey
  if j:match("%.ya?ml$") or j:match("%.json$") or j:match("%.lua$") then
    return cjm.instantiate(ctx.load(j), ctx)
  end
  return cjm.instantiate({ template = j, params = p.journey_params }, ctx)
end

-- Question lists of KIND (interview or survey) from the customer
-- journey, in its order: phases, pains, touchpoints.
local function guide(loc, customer, kind)
  local q, out = QUESTIONS[kind], {}
  for _, ph in ipairs(customer.phases) do
    out[#out + 1] = T(loc, q.phase):format(ph.name or ph.id)
  end
  for _, ph in ipairs(customer.phases) do
    for _, pain in ipairs(ph.pains or {}) do
      local text = type(pain) == "table" and pain.text or pain
      out[#out + 1] = T(loc, q.pain):format(text)
    end
  end
  local names = {}
  for _, tp in ipairs(customer.touchpoints or {}) do names[#names + 1] = tp.name or tp.id end
  if kind == "interview" and #names > 0 then
    out[#out + 1] = T(loc, q.touchpoints):format(table.concat(names, ", "))
  elseif kind == "survey" then
    for _, name in ipairs(names) do out[#out + 1] = T(loc, q.touchpoint):format(name) end
  end
  return out
end

local function texts(loc, list)
  local out = {}
  for i, e in ipairs(list) do out[i] = T(loc, e) end
  return out
end

function template.build(p, ctx)
  local loc = p.locale
  local customer = customer_journey(p, ctx)
  if type(customer) ~= "table" or type(customer.phases) ~= "table" then
    error("seven_step: the customer journey has no phases", 0)
  end

  local group = {}
  for _, who in ipairs(PARTICIPANTS) do
    group[#group + 1] = cjm.persona { id = who.id, role = who.role, name = T(loc, who.name),
                                      description = T(loc, who.about) }
  end

  local scale = PACE[p.pace]
  local phases = {}
  for _, st in ipairs(STEPS) do
    local approve = {}
    for id, level in pairs(st.inv) do
      if level == "gatekeeper" then approve[id] = 0.9 end
    end
    local phase = cjm.phase {
      id = st.id, name = T(loc, st.name), goal = T(loc, st.goal),
      involvement = st.inv, needs = texts(loc, st.inputs), activities = texts(loc, st.activities),
      deliverables = texts(loc, st.deliverables),
      duration = { min = st.days[1] * scale, mode = st.days[2] * scale, max = st.days[3] * scale },
      transitions = { drop = 0, approve = approve },
    }
    if st.guide then phase.questions = guide(loc, customer, st.guide) end
    phases[#phases + 1] = phase
  end

  local name = customer.title or customer.id or T(loc, L("the customer journey", "顧客ジャーニー", "客户旅程"))
  return cjm.journey {
    id = "seven_step",
    title = T(loc, L("Mapping project: %s", "ジャーニーマッピング・プロジェクト：%s", "旅程绘制项目：%s"))
            :format(name),
    description = T(loc, L("The 7-step mapping process for %s; cjm plan plans the journey it maps",
                           "%sの7ステップ・マッピング（cjm plan は対象ジャーニーを計画する）",
                           "%s的七步旅程绘制（cjm plan 针对所绘制的旅程制定计划）")):format(name),
    kind = "other",
    locale = loc,
    personas = group,
    phases = phases,
    maps = customer,
  }
end

return template
