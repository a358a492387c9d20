--[[
b2b_approval — a B2B purchase made by a buying group.

The size of the target company (`employees`) decides who takes part: a
20-person firm has a person in charge and an owner who decides; a 5,000-
person firm adds a manager, a department head, IT security, procurement,
legal and an executive approver.  Seven phases run from issue recognition
to continued use; each stakeholder's involvement is set per phase, and the
gatekeepers of the approval and contract phases form the approval chain:
each approves an attempt with `approval_rate` and takes about `lead_time`
days, so the phase's holding time grows with the chain (computed by
`finish`, after the journey file's overrides, from the gatekeepers the
journey ends up with).
]]

local cjm = require "cjm"
local personas = require "cjm.persona"

local T = cjm.text

-- The buying group.  `from`/`to`: the company sizes (employees) that have
-- this stakeholder; `lead`: relative decision time of a gatekeeper.
local STAKEHOLDERS = {
  { id = "pic", role = "person_in_charge", from = 1,
    department = { en = "Marketing", ja = "マーケティング部", zh = "市场部" },
    job_title = { en = "Marketing manager", ja = "マーケティング担当", zh = "市场专员" },
    goals = { en = "Prove campaign results with numbers", ja = "施策の成果を数字で示す",
              zh = "用数据证明营销效果" },
    pains = { en = "Reports are built by hand", ja = "レポートを手作業で作っている",
              zh = "报表需要手工制作" },
    quote = { en = "I need numbers I can show my boss.", ja = "上司に見せられる数字が欲しい。",
              zh = "我需要能给老板看的数据。" } },
  { id = "owner", role = "decision_maker", from = 1, to = 49, lead = 0.5,
    department = { en = "Management", ja = "経営", zh = "管理层" },
    job_title = { en = "Owner and CEO", ja = "代表取締役", zh = "创始人兼CEO" },
    goals = { en = "Grow without adding headcount", ja = "人を増やさずに成長する",
              zh = "不增加人手实现增长" },
    quote = { en = "Will it pay for itself this year?", ja = "今年中に元が取れるのか？",
              zh = "今年能回本吗？" } },
  { id = "manager", role = "manager", from = 50,
    department = { en = "Marketing", ja = "マーケティング部", zh = "市场部" },
    job_title = { en = "Team manager", ja = "課長", zh = "团队经理" },
    goals = { en = "Keep the team focused", ja = "チームを本業に集中させる", zh = "让团队专注" },
    quote = { en = "Does this save my team time?", ja = "チームの時間は減るのか？",
              zh = "这能为团队节省时间吗？" } },
  { id = "head", role = "decision_maker", from = 50, lead = 0.7,
    department = { en = "Marketing", ja = "マーケティング部", zh = "市场部" },
    job_title = { en = "Head of marketing", ja = "部長", zh = "市场总监" },
    goals = { en = "Grow the pipeline", ja = "商談数を伸ばす", zh = "扩大销售线索" },
    quote = { en = "Show me the business case.", ja = "費用対効果を見せてほしい。",
              zh = "给我看投资回报。" }, allow_same = true },
  { id = "it", role = "approver", from = 300, lead = 1.5,
    department = { en = "IT", ja = "情報システム部", zh = "信息技术部" },
    job_title = { en = "IT security lead", ja = "情報セキュリティ責任者", zh = "信息安全负责人" },
    goals = { en = "No unreviewed tools", ja = "未審査のツールを入れない", zh = "不引入未经审查的工具" },
    quote = { en = "Send me the security documentation first.",
              ja = "まずセキュリティ資料を送ってください。", zh = "请先发安全资料给我。" } },
  { id = "finance", role = "approver", from = 300, to = 999, lead = 1.0,
    department = { en = "Finance", ja = "経理部", zh = "财务部" },
    job_title = { en = "Finance manager", ja = "経理課長", zh = "财务经理" },
    goals = { en = "Keep software spend flat", ja = "ソフトウェア費用を抑える", zh = "控制软件支出" },
    quote = { en = "What does it replace?", ja = "何の代わりになるのか？", zh = "它能替代什么？" } },
  { id = "procurement", role = "approver", from = 1000, lead = 1.0,
    department = { en = "Procurement", ja = "購買部", zh = "采购部" },
    job_title = { en = "Procurement officer", ja = "購買担当", zh = "采购专员" },
    goals = { en = "Standard terms, three quotes", ja = "標準条件と相見積もり", zh = "标准条款，三家比价" },
    quote = { en = "Is the vendor on our list?", ja = "取引先登録はありますか？",
              zh = "供应商在名录里吗？" } },
  { id = "legal", role = "approver", from = 1000, lead = 1.2,
    department = { en = "Legal", ja = "法務部", zh = "法务部" },
    job_title = { en = "Legal counsel", ja = "法務担当", zh = "法务顾问" },
    goals = { en = "No unlimited liability", ja = "無制限の責任を負わない", zh = "避免无限责任" },
    quote = { en = "Our template, not theirs.", ja = "契約書は当社のひな形で。",
              zh = "用我们的合同模板。" } },
  { id = "exec", role = "approver", from = 5000, lead = 1.5,
    department = { en = "Executive board", ja = "経営会議", zh = "管理委员会" },
    job_title = { en = "Chief marketing officer", ja = "執行役員", zh = "首席营销官" },
    goals = { en = "Fewer, bigger bets", ja = "投資を絞って大きく張る", zh = "少而精的投入" },
    quote = { en = "How does this fit our strategy?", ja = "戦略とどう整合するのか？",
              zh = "这与战略如何契合？" } },
  { id = "user", role = "user", from = 10000,
    department = { en = "Sales operations", ja = "営業企画部", zh = "销售运营部" },
    job_title = { en = "Analyst", ja = "アナリスト", zh = "分析师" },
    goals = { en = "One place for the numbers", ja = "数字を一か所で見たい", zh = "在一个地方看数据" },
    quote = { en = "Please don't make me learn another tool.",
              ja = "また新しいツールを覚えるのは大変。", zh = "别再让我学新工具了。" } },
}

local TOUCHPOINTS = {
  { id = "search", channel = "search", control = "indirect", timing = "before",
    reach = 0.6, lift = 1.2, name = { en = "Web search", ja = "Web検索", zh = "网络搜索" } },
  { id = "cases", channel = "website", timing = "before", reach = 0.3, lift = 1.2,
    name = { en = "Case studies", ja = "導入事例", zh = "客户案例" } },
  { id = "reviews", channel = "review_site", control = "indirect", timing = "before",
    reach = 0.3, lift = 1.3, name = { en = "Review sites", ja = "レビューサイト", zh = "评测网站" } },
  { id = "webinar", channel = "webinar", timing = "before", reach = 0.2, lift = 1.5,
    name = { en = "Webinar", ja = "ウェビナー", zh = "在线研讨会" } },
  { id = "inquiry", channel = "inquiry_form", timing = "before", reach = 0.3, lift = 1.4,
    name = { en = "Inquiry form", ja = "問い合わせフォーム", zh = "咨询表单" } },
  { id = "rep", channel = "sales_rep", timing = "during", reach = 0.5, lift = 1.4,
    owner = "Sales", name = { en = "Sales representative", ja = "営業担当", zh = "销售代表" } },
  { id = "trial", channel = "trial", timing = "during", reach = 0.7, lift = 1.3,
    owner = "Product", name = { en = "Free trial", ja = "無料トライアル", zh = "免费试用" } },
  { id = "security_docs", channel = "documentation", timing = "during", reach = 0.8,
    lift = 1.5, owner = "Security", needs = "it",
    name = { en = "Security documentation", ja = "セキュリティ資料", zh = "安全文档" } },
  { id = "portal", channel = "portal", timing = "during", reach = 0.9, lift = 1.1,
    owner = "Legal", name = { en = "Contract portal", ja = "契約ポータル", zh = "合同门户" } },
  { id = "onboarding_calls", channel = "phone", timing = "after", reach = 0.6, lift = 1.3,
    owner = "Customer success", name = { en = "Onboarding calls", ja = "導入支援コール", zh = "上线辅导电话" } },
  { id = "support", channel = "contact_center", timing = "after", reach = 0.3, lift = 1.1,
    owner = "Support", name = { en = "Support desk", ja = "サポート窓口", zh = "客服中心" } },
}

-- Phases.  `inv`: involvement by stakeholder id ("gate" = gatekeeper);
-- `mood`: emotion of the person in charge, others follow from their role.
local PHASES = {
  { id = "recognition", advance = 0.08, drop = 0.02, mood = -1,
    name = { en = "Issue recognition", ja = "課題認識", zh = "问题认知" },
    goal = { en = "Notice that reporting costs too much time", ja = "レポート作成の負担に気づく",
             zh = "意识到报表耗时过多" },
    inv = { pic = "driver", manager = "participant", owner = "participant" },
    steps = { { en = "Misses a reporting deadline", ja = "レポートの締め切りに遅れる", zh = "错过报表截止日期" },
              { en = "Searches for tools", ja = "ツールを検索する", zh = "搜索工具" } },
    thought = { en = "There must be a better way.", ja = "もっと良いやり方があるはず。", zh = "一定有更好的办法。" },
    pain = { id = "manual_work", evidence = "workshop",
             text = { en = "Reports are assembled by hand every week", ja = "毎週レポートを手作業でまとめている",
                      zh = "每周手工汇总报表" } },
    opportunity = { id = "cost_of_manual", text = { en = "Show what manual reporting costs",
                    ja = "手作業のコストを見える化する", zh = "展示手工报表的成本" } },
    touchpoints = { "search", "cases" },
    blueprint = { customer = { en = "Searches for reporting tools", ja = "レポートツールを検索", zh = "搜索报表工具" },
                  frontstage = { en = "Landing pages and articles", ja = "ランディングページと記事", zh = "落地页和文章" },
                  backstage = { en = "Content team", ja = "コンテンツチーム", zh = "内容团队" },
                  support = { en = "CMS and SEO tools", ja = "CMSとSEOツール", zh = "CMS和SEO工具" } } },
  { id = "research", advance = 0.10, drop = 0.03, mood = 0,
    name = { en = "Information gathering", ja = "情報収集", zh = "信息收集" },
    goal = { en = "Learn which tools exist and what they cost", ja = "候補ツールと費用を把握する",
             zh = "了解有哪些工具及价格" },
    inv = { pic = "driver", manager = "participant", user = "participant" },
    steps = { { en = "Reads reviews", ja = "レビューを読む", zh = "阅读评测" },
              { en = "Joins a webinar", ja = "ウェビナーに参加する", zh = "参加研讨会" } },
    thought = { en = "Which of these works with our CRM?", ja = "どれが自社のCRMと連携できる？",
                zh = "哪个能和我们的CRM对接？" },
    pain = { id = "unclear_pricing", evidence = "qualitative",
             text = { en = "Prices are not published", ja = "価格が公開されていない", zh = "价格不公开" } },
    opportunity = { id = "public_pricing", text = { en = "Publish list prices", ja = "価格を公開する",
                    zh = "公开标准价格" } },
    touchpoints = { "search", "reviews", "webinar", "inquiry" },
    blueprint = { customer = { en = "Compares vendors", ja = "ベンダーを比較", zh = "比较供应商" },
                  frontstage = { en = "Webinar and inquiry form", ja = "ウェビナーと問い合わせ", zh = "研讨会和咨询表单" },
                  backstage = { en = "Marketing operations", ja = "マーケティング運用", zh = "市场运营" } } },
  { id = "comparison", advance = 0.07, drop = 0.03, back = { research = 0.01 }, mood = 1,
    name = { en = "Comparison and trial", ja = "比較・検討", zh = "比较与试用" },
    goal = { en = "Shortlist and try the favourite", ja = "候補を絞り試用する", zh = "筛选并试用首选" },
    inv = { pic = "driver", manager = "participant", head = "participant", it = "participant",
            user = "participant", owner = "participant" },
    steps = { { en = "Requests a demo", ja = "デモを依頼する", zh = "申请演示" },
              { en = "Runs a two-week trial", ja = "2週間試用する", zh = "试用两周" } },
    thought = { en = "The data looks right, but setup took a day.", ja = "データは良いが設定に1日かかった。",
                zh = "数据不错，但配置花了一天。" },
    pain = { id = "setup_effort", evidence = "quantitative",
             text = { en = "Connecting data sources takes a full day", ja = "データ連携に丸1日かかる",
                      zh = "连接数据源要花一整天" } },
    opportunity = { id = "guided_setup", text = { en = "Guided setup with templates", ja = "テンプレート付きの設定ガイド",
                    zh = "带模板的引导式配置" } },
    touchpoints = { "rep", "trial", "cases" },
    blueprint = { evidence = { en = "Trial workspace", ja = "試用環境", zh = "试用工作区" },
                  customer = { en = "Connects data sources", ja = "データソースを接続", zh = "连接数据源" },
                  frontstage = { en = "Demo by the sales rep", ja = "営業によるデモ", zh = "销售演示" },
                  backstage = { en = "Solutions engineer", ja = "ソリューションエンジニア", zh = "解决方案工程师" },
                  support = { en = "Trial provisioning", ja = "試用環境の自動発行", zh = "试用开通服务" } } },
  { id = "approval", gate = true, drop = 0.01, back = { comparison = 0.01 }, mood = -2,
    name = { en = "Internal proposal and approval", ja = "社内稟議・承認", zh = "内部提案与审批" },
    goal = { en = "Get budget and security approval", ja = "予算とセキュリティの承認を得る",
             zh = "获得预算和安全审批" },
    inv = { pic = "driver", manager = "participant", owner = "gate", head = "gate", it = "gate",
            finance = "gate", exec = "gate" },
    steps = { { en = "Writes the business case", ja = "稟議書を書く", zh = "撰写商业论证" },
              { en = "Reviews with each approver", ja = "各承認者と確認する", zh = "与各审批人沟通" } },
    thought = { en = "Will they see this as just another tool?", ja = "また新しいツールかと思われないか？",
                zh = "他们会不会觉得又是一个工具？" },
    pain = { id = "slow_approval", evidence = "qualitative",
             text = { en = "Each approver asks for different documents", ja = "承認者ごとに求める資料が違う",
                      zh = "每个审批人要的材料都不同" } },
    opportunity = { id = "approval_kit", text = { en = "An approval kit: business case and security answers",
                    ja = "稟議キット：費用対効果とセキュリティ回答", zh = "审批资料包：商业论证和安全答复" } },
    touchpoints = { "rep", "security_docs" },
    blueprint = { evidence = { en = "Business case template", ja = "稟議書テンプレート", zh = "商业论证模板" },
                  customer = { en = "Submits the proposal", ja = "稟議を提出", zh = "提交提案" },
                  frontstage = { en = "Sales rep helps with the case", ja = "営業が稟議を支援", zh = "销售协助论证" },
                  backstage = { en = "Security team answers questionnaires", ja = "セキュリティ回答の作成", zh = "安全团队答复问卷" },
                  support = { en = "Trust center", ja = "トラストセンター", zh = "信任中心" } } },
  { id = "contract", gate = true, drop = 0.01, mood = 0, contract = true,
    name = { en = "Contract", ja = "契約", zh = "签约" },
    goal = { en = "Sign terms both sides accept", ja = "双方が合意できる条件で契約する",
             zh = "签署双方认可的条款" },
    inv = { pic = "participant", head = "driver", owner = "driver", finance = "participant",
            procurement = "gate", legal = "gate" },
    steps = { { en = "Negotiates terms", ja = "条件を交渉する", zh = "谈判条款" },
              { en = "Signs the order form", ja = "注文書に署名する", zh = "签署订单" } },
    thought = { en = "Almost there.", ja = "あと少し。", zh = "就差一步了。" },
    pain = { id = "redlines", text = { en = "Redlines go back and forth by e-mail",
             ja = "修正のやり取りがメールで何往復もする", zh = "修改意见通过邮件来回往返" } },
    touchpoints = { "portal", "rep" },
    blueprint = { customer = { en = "Reviews the contract", ja = "契約書を確認", zh = "审阅合同" },
                  frontstage = { en = "Contract portal", ja = "契約ポータル", zh = "合同门户" },
                  backstage = { en = "Legal team", ja = "法務チーム", zh = "法务团队" } } },
  { id = "onboarding", advance = 0.06, drop = 0.01, mood = 1,
    name = { en = "Onboarding", ja = "導入・立ち上げ", zh = "上线实施" },
    goal = { en = "First dashboard live within a month", ja = "1か月以内に最初のダッシュボードを公開",
             zh = "一个月内上线首个看板" },
    inv = { pic = "driver", manager = "participant", it = "participant", user = "participant" },
    steps = { { en = "Kick-off call", ja = "キックオフ", zh = "启动会议" },
              { en = "Connects data sources", ja = "データを接続する", zh = "连接数据源" } },
    thought = { en = "Finally one place for the numbers.", ja = "やっと数字が一か所にまとまった。",
                zh = "终于所有数据都在一处了。" },
    pain = { id = "data_mapping", text = { en = "Field mapping needs IT's help", ja = "項目の対応付けに情シスの助けが要る",
             zh = "字段映射需要IT帮忙" } },
    opportunity = { id = "mapping_templates", text = { en = "Ready-made field mappings",
                    ja = "項目対応のテンプレート", zh = "现成的字段映射" } },
    touchpoints = { "onboarding_calls", "support" },
    blueprint = { evidence = { en = "Onboarding plan", ja = "導入計画書", zh = "实施计划" },
                  customer = { en = "Attends the kick-off", ja = "キックオフに参加", zh = "参加启动会" },
                  frontstage = { en = "Customer success manager", ja = "カスタマーサクセス担当", zh = "客户成功经理" },
                  backstage = { en = "Implementation team", ja = "導入チーム", zh = "实施团队" },
                  support = { en = "Data connectors", ja = "データコネクタ", zh = "数据连接器" } } },
  { id = "adoption", advance = 0.03, drop = 0.005, mood = 2,
    name = { en = "Continued use", ja = "継続利用", zh = "持续使用" },
    goal = { en = "The dashboard becomes the weekly routine", ja = "ダッシュボードが毎週の定例になる",
             zh = "看板成为每周例行工具" },
    inv = { pic = "driver", head = "participant", user = "participant", owner = "participant" },
    steps = { { en = "Shares the dashboard in meetings", ja = "会議でダッシュボードを共有", zh = "在会议上共享看板" } },
    thought = { en = "I can't imagine going back.", ja = "もう元には戻れない。", zh = "再也回不去了。" },
    touchpoints = { "support" },
    blueprint = { customer = { en = "Uses it every week", ja = "毎週利用", zh = "每周使用" },
                  frontstage = { en = "Product updates", ja = "製品アップデート", zh = "产品更新" },
                  backstage = { en = "Account management", ja = "アカウント管理", zh = "客户管理" } } },
}

local TITLE = { en = "%s — B2B purchase (%d employees)", ja = "%s — 法人購買（従業員%d名）",
                zh = "%s — 企业采购（%d名员工）" }

local function present(s, employees)
  return employees >= s.from and (s.to == nil or employees <= s.to)
end

local template = {
  name = "b2b_approval",
  summary = "B2B purchase: a buying group sized by the target company, seven phases, an approval chain",
  params = {
    employees = { type = "integer", default = 300, min = 1, max = 1000000,
                  doc = "Employees at the target company; larger companies have more stakeholders" },
    product = { type = "string", default = "Analytics dashboard", doc = "What is being bought" },
    locale = { type = "choice", choices = { "en", "ja", "zh" }, default = "en",
               doc = "Language of names and text" },
    approval_rate = { type = "number", default = 0.8, min = 0.01, max = 1,
                      doc = "Chance that a gatekeeper approves one attempt" },
    lead_time = { type = "number", default = 5, min = 0, max = 90,
                  doc = "Typical days a gatekeeper takes to decide" },
  },
}

function template.build(p, ctx)
  local loc = p.locale
  local gen = personas.generator(ctx.random, loc)
  local group, present_ids = {}, {}
  for _, s in ipairs(STAKEHOLDERS) do
    if present(s, p.employees) then
      local persona = gen:make {
        id = s.id, role = s.role, allow_same = s.allow_same,
        department = T(loc, s.department), job_title = T(loc, s.job_title),
        goals = { T(loc, s.goals) }, pains = s.pains and { T(loc, s.pains) } or nil,
        quote = T(loc, s.quote),
      }
      group[#group + 1] = cjm.persona(persona)
      present_ids[s.id] = s
    end
  end

  local touchpoints = {}
  for _, tp in ipairs(TOUCHPOINTS) do
    if not tp.needs or present_ids[tp.needs] then
      touchpoints[#touchpoints + 1] = cjm.touchpoint {
        id = tp.id, name = T(loc, tp.name), channel = tp.channel,
        control = tp.control, timing = tp.timing, reach = tp.reach,
        lift = tp.lift, owner = tp.owner,
      }
    end
  end
  local tp_present = {}
  for _, tp in ipairs(touchpoints) do tp_present[tp.id] = true end

  local phases = {}
  for _, ph in ipairs(PHASES) do
    local involvement, emotions, approve = {}, {}, {}
    for _, s in ipairs(STAKEHOLDERS) do
      local level = ph.inv[s.id]
      if level and present_ids[s.id] then
        if level == "gate" then
          involvement[s.id] = "gatekeeper"
          approve[s.id] = s.id == "exec" and p.approval_rate * 0.9 or p.approval_rate
        else
          involvement[s.id] = level
        end
        -- the driver feels the phase most; gatekeepers are sceptical
        local mood = ph.mood
        if level == "gate" then mood = math.min(mood, 0) - 1
        elseif level == "participant" then mood = mood // 2 end
        emotions[s.id] = math.max(-3, math.min(3, mood))
      end
    end
    local tps = {}
    for _, id in ipairs(ph.touchpoints) do
      if tp_present[id] then tps[#tps + 1] = id end
    end
    local steps = {}
    for i, s in ipairs(ph.steps) do steps[i] = T(loc, s) end
    local bp = {}
    for _, lane in ipairs { "evidence", "customer", "frontstage", "backstage", "support" } do
      if ph.blueprint[lane] then bp[lane] = { T(loc, ph.blueprint[lane]) } end
    end
    local phase = cjm.phase {
      id = ph.id, name = T(loc, ph.name), goal = T(loc, ph.goal),
      involvement = involvement, emotions = emotions,
      steps = steps, thoughts = { T(loc, ph.thought) },
      touchpoints = tps, blueprint = bp,
    }
    if ph.pain then
      phase.pains = { { id = ph.pain.id, text = T(loc, ph.pain.text),
                        evidence = ph.pain.evidence } }
    end
    if ph.opportunity then
      phase.opportunities = { { id = ph.opportunity.id, text = T(loc, ph.opportunity.text) } }
    end
    if ph.gate then
      -- each gatekeeper approves; the holding time of the chain is set by
      -- finish, from the gatekeepers the journey ends up with
      phase.transitions = { drop = ph.drop, back = ph.back, approve = approve }
    else
      phase.transitions = { advance = ph.advance, drop = ph.drop, back = ph.back }
    end
    phases[#phases + 1] = phase
  end

  return cjm.journey {
    id = "b2b_approval",
    title = TITLE[loc]:format(p.product, p.employees),
    description = T(loc, { en = "%s, %d employees, %d stakeholders",
                           ja = "%s、従業員%d名、関係者%d名",
                           zh = "%s，员工%d人，相关人员%d人" }):format(p.product, p.employees, #group),
    kind = "b2b",
    locale = loc,
    personas = group,
    touchpoints = touchpoints,
    phases = phases,
    actions = {
      cjm.action { id = "approval_kit", title = T(loc, { en = "Approval kit for champions",
                   ja = "推進担当者向け稟議キット", zh = "给推动者的审批资料包" }),
                   addresses = { "slow_approval" }, phase = "approval", owner = "Sales",
                   impact = 4, effort = 2, confidence = 0.7, horizon = "now",
                   kpi = "time in approval",
                   effect = { phase = "approval", duration = "*0.7" } },
      cjm.action { id = "guided_setup", title = T(loc, { en = "Guided trial setup",
                   ja = "試用時の設定ガイド", zh = "试用引导配置" }),
                   addresses = { "setup_effort", "guided_setup" }, phase = "comparison",
                   owner = "Product", impact = 3, effort = 3, confidence = 0.6,
                   horizon = "next", kpi = "advance rate from comparison",
                   effect = { phase = "comparison", advance = "*1.25" } },
    },
    scenarios = {
      cjm.scenario { id = "faster_approval", name = T(loc, { en = "Approvals twice as fast",
                     ja = "承認が2倍速い", zh = "审批快一倍" }),
                     changes = { { phase = "approval", duration = "*0.5" } } },
      cjm.scenario { id = "better_trial", name = T(loc, { en = "Guided trial",
                     ja = "ガイド付き試用", zh = "引导式试用" }),
                     changes = { { phase = "comparison", advance = "+0.03" },
                                 { touchpoint = "trial", lift = "*1.2" } } },
    },
  }
end

-- After the journey file's overrides: a gatekeeper phase holds the buying
-- group for the chain of decisions, so its holding time follows the
-- gatekeepers it ends up with (adding IT and the CFO slows it down), each
-- taking `lead_time` days scaled by its role's pace, unless the journey
-- file sets a duration of its own.
local LEAD, GATE_PHASE = {}, {}
for _, s in ipairs(STAKEHOLDERS) do LEAD[s.id] = s.lead end
for _, ph in ipairs(PHASES) do GATE_PHASE[ph.id] = ph.gate end

function template.finish(j, p)
  for _, ph in ipairs(j.phases or {}) do
    local gates, days = 0, 0
    for id, level in pairs(ph.involvement or {}) do
      if level == "gatekeeper" then
        gates = gates + 1
        days = days + p.lead_time * (LEAD[id] or 1)
      end
    end
    if (gates > 0 or GATE_PHASE[ph.id]) and ph.duration == nil
       and (ph.transitions or {}).advance == nil then
      days = math.max(days, 2)
      ph.duration = { min = math.floor(days * 0.5 * 10 + 0.5) / 10,
                      mode = math.floor(days * 10 + 0.5) / 10,
                      max = math.floor(days * 2.5 * 10 + 0.5) / 10 }
    end
  end
  return j
end

return template
