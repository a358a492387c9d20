--[[
b2b_approval — a B2B purchase made by a buying group.

Who buys and what they talk about come from the parameters:

- `category` (analytics, hr_payroll, security, crm, accounting, software)
  decides the department that buys, its people's titles, goals and pains,
  and the words of every phase (what is searched for, what data is
  connected in the trial, what "live" means after the purchase);
- `industry` adds what that sector asks of any purchase (health-data
  rules, public tenders, shift workers...);
- `product` names what is bought (default: the category's own name);
- `employees` sizes the buying group.  Roles only accumulate as the
  company grows, never disappear: a person in charge who drives the
  purchase and a decision maker at every size (the owner below 50
  employees, the department head from 50), a user from 10, an influencer
  from 20, the person in charge's manager from 50, and approvers who
  gate the purchase: finance from 100, IT security from 250, procurement
  and legal from 1,000, an executive from 5,000.

Seven phases run from issue recognition to continued use; the gatekeepers
of the approval and contract phases form the approval chain: each
approves an attempt with `approval_rate` and takes about `lead_time`
days, so the phase's holding time grows with the chain (computed by
`finish`, after the journey file's overrides, from the gatekeepers the
journey ends up with).
]]

local cjm = require "cjm"
local personas = require "cjm.persona"

local T = cjm.text
local function L(en, ja, zh) return { en = en, ja = ja, zh = zh } end

-- What the buying department and every phase say, by category.  Each
-- entry is a noun phrase or a sentence written for its language, so any
-- product name reads right: the product itself only appears as a name.
local CATEGORIES = {
  analytics = {
    product = L("Analytics dashboard", "分析ダッシュボード", "分析看板"),
    noun = L("analytics tools", "分析ツール", "分析工具"),
    dept = L("Marketing", "マーケティング部", "市场部"),
    pic = L("Marketing manager", "マーケティング担当", "市场专员"),
    head = L("Head of marketing", "マーケティング部長", "市场总监"),
    user = L("Marketing analyst", "マーケティングアナリスト", "市场分析师"),
    influencer = L("Sales operations lead", "営業企画リーダー", "销售运营主管"),
    pic_goal = L("Prove campaign results with numbers", "施策の成果を数字で示す", "用数据证明营销效果"),
    pic_pain = L("Reports are built by hand", "レポートを手作業で作っている", "报表需要手工制作"),
    pic_quote = L("I need numbers I can show my boss.", "上司に見せられる数字が欲しい。",
                  "我需要能给老板看的数据。"),
    head_goal = L("Grow the pipeline", "商談数を伸ばす", "扩大销售线索"),
    user_goal = L("One place for the numbers", "数字を一か所で見たい", "在一个地方看数据"),
    manual = L("Reports are assembled by hand every week", "毎週レポートを手作業でまとめている",
               "每周手工汇总报表"),
    trigger = L("Misses a reporting deadline", "レポートの締め切りに遅れる", "错过报表截止日期"),
    recognition = L("Notice that reporting costs too much time", "レポート作成の負担に気づく",
                    "意识到报表耗时过多"),
    system = L("our ad platforms", "広告プラットフォーム", "我们的广告平台"),
    data = L("data sources", "データソース", "数据源"),
    outcome = L("First dashboard live within a month", "1か月以内に最初のダッシュボードを公開",
                "一个月内上线首个看板"),
    first_win = L("Finally one place for the numbers.", "やっと数字が一か所にまとまった。",
                  "终于所有数据都在一处了。"),
    routine = L("The dashboard becomes the weekly routine", "ダッシュボードが毎週の定例になる",
                "看板成为每周例行工具"),
    routine_step = L("Shares the dashboard in meetings", "会議でダッシュボードを共有", "在会议上共享看板"),
  },
  hr_payroll = {
    product = L("Payroll software", "給与計算ソフト", "薪资软件"),
    noun = L("payroll software", "給与計算ソフト", "薪资软件"),
    dept = L("HR", "人事部", "人力资源部"),
    pic = L("HR specialist", "人事労務担当", "人事专员"),
    head = L("Head of HR", "人事部長", "人力资源总监"),
    user = L("Payroll administrator", "給与計算担当", "薪资专员"),
    influencer = L("Works council member", "従業員代表", "职工代表"),
    pic_goal = L("Pay everyone correctly and on time", "全員に正しく期日どおり給与を払う",
                 "准确按时发放工资"),
    pic_pain = L("Payroll takes days every month", "毎月の給与計算に何日もかかる", "每月算工资要好几天"),
    pic_quote = L("One wrong payslip and the whole company hears about it.",
                  "給与明細をひとつ間違えると全社に知れ渡る。", "工资条错一张，全公司都知道。"),
    head_goal = L("Fewer payroll errors, less overtime", "給与計算のミスと残業を減らす",
                  "减少薪资差错和加班"),
    user_goal = L("Close payroll without overtime", "残業せずに給与を締める", "不加班完成薪资结算"),
    manual = L("Payroll is calculated in spreadsheets every month", "毎月スプレッドシートで給与を計算している",
               "每月用电子表格计算工资"),
    trigger = L("A payslip goes out wrong", "給与明細の誤りが発覚する", "发出了一张错误的工资条"),
    recognition = L("Notice that payroll costs too much time and risk", "給与計算の負担とリスクに気づく",
                    "意识到算工资耗时又有风险"),
    system = L("our time tracking", "勤怠管理システム", "考勤系统"),
    data = L("employee records", "従業員データ", "员工档案"),
    outcome = L("First payroll run on the new system within two months",
                "2か月以内に新システムで最初の給与計算を行う", "两个月内用新系统完成首次薪资核算"),
    first_win = L("The first payslips were right.", "最初の給与明細が正しかった。", "第一批工资条都对了。"),
    routine = L("Every payroll runs on the new system", "毎月の給与計算が新システムで回る",
                "每月薪资都用新系统核算"),
    routine_step = L("Runs the monthly payroll", "月次の給与計算を行う", "完成每月薪资核算"),
  },
  security = {
    product = L("Endpoint security", "エンドポイントセキュリティ", "终端安全软件"),
    noun = L("security software", "セキュリティ製品", "安全软件"),
    dept = L("IT", "情報システム部", "信息技术部"),
    pic = L("IT administrator", "情報システム担当", "IT管理员"),
    head = L("Head of IT", "情報システム部長", "IT总监"),
    user = L("Service desk technician", "ヘルプデスク担当", "服务台技术员"),
    influencer = L("External security consultant", "外部のセキュリティコンサルタント", "外部安全顾问"),
    pic_goal = L("Stop incidents before they spread", "インシデントを広がる前に止める", "在事件扩散前阻止"),
    pic_pain = L("Alerts are checked by hand", "アラートを手作業で確認している", "告警靠人工排查"),
    pic_quote = L("I can't watch every device myself.", "すべての端末を自分では見きれない。",
                  "我一个人盯不过来所有设备。"),
    head_goal = L("Pass the next audit", "次の監査を通る", "通过下次审计"),
    user_goal = L("Fewer tickets about blocked tools", "ツールがブロックされた問い合わせを減らす",
                  "减少工具被拦截的工单"),
    manual = L("Alerts from every device are checked by hand", "全端末のアラートを手作業で確認している",
               "所有设备的告警都靠人工排查"),
    trigger = L("A phishing e-mail gets through", "フィッシングメールがすり抜ける", "一封钓鱼邮件漏网"),
    recognition = L("Notice that the current protection has gaps", "現状の対策の穴に気づく",
                    "意识到现有防护有漏洞"),
    system = L("our directory", "社内のディレクトリ", "我们的目录服务"),
    data = L("devices and logs", "端末とログ", "设备和日志"),
    outcome = L("Every device protected within a month", "1か月以内に全端末を保護する", "一个月内保护所有设备"),
    first_win = L("Now I can see every device.", "やっと全端末が見えるようになった。", "终于能看到所有设备了。"),
    routine = L("A weekly review of incidents and alerts", "インシデントとアラートを毎週レビューする",
                "每周复盘事件和告警"),
    routine_step = L("Reviews the weekly alert report", "週次のアラートレポートを確認", "查看每周告警报告"),
  },
  crm = {
    product = L("CRM", "CRM", "CRM"),
    noun = L("CRM software", "CRM", "CRM软件"),
    dept = L("Sales", "営業部", "销售部"),
    pic = L("Sales operations manager", "営業企画担当", "销售运营经理"),
    head = L("Head of sales", "営業部長", "销售总监"),
    user = L("Account executive", "営業担当", "客户经理"),
    influencer = L("Customer service lead", "カスタマーサービス責任者", "客服主管"),
    pic_goal = L("A forecast the board can trust", "経営が信頼できる売上予測", "管理层信得过的销售预测"),
    pic_pain = L("Deals live in spreadsheets and inboxes", "商談情報が表計算とメールに散らばっている",
                 "商机散落在表格和邮箱里"),
    pic_quote = L("I spend Mondays chasing updates.", "月曜日は進捗の確認で終わる。", "每周一都在追进度。"),
    head_goal = L("Hit the quarterly target", "四半期目標を達成する", "完成季度目标"),
    user_goal = L("Less data entry, more selling", "入力を減らして営業に集中する", "少录数据，多做销售"),
    manual = L("Customer notes are kept in spreadsheets", "顧客情報を表計算で管理している",
               "客户信息记在电子表格里"),
    trigger = L("A big deal slips without warning", "大型案件が予告なく失注する", "一笔大单毫无预警地丢了"),
    recognition = L("Notice that the pipeline is invisible", "商談状況が見えていないことに気づく",
                    "意识到销售管道不透明"),
    system = L("our e-mail and calendar", "メールとカレンダー", "邮箱和日历"),
    data = L("customer records", "顧客データ", "客户数据"),
    outcome = L("Every rep working in the CRM within a month", "1か月以内に全営業がCRMで活動する",
                "一个月内所有销售都用上CRM"),
    first_win = L("The pipeline is finally in one place.", "ようやく商談が一か所にまとまった。",
                  "销售管道终于集中到一处了。"),
    routine = L("The weekly forecast comes from the CRM", "週次の売上予測をCRMから出す", "每周预测都出自CRM"),
    routine_step = L("Reviews the pipeline every Monday", "毎週月曜にパイプラインを確認", "每周一检查销售管道"),
  },
  accounting = {
    product = L("Accounting software", "会計ソフト", "财务软件"),
    noun = L("accounting software", "会計ソフト", "财务软件"),
    dept = L("Finance", "経理部", "财务部"),
    pic = L("Accountant", "経理担当", "会计"),
    head = L("Head of finance", "経理部長", "财务总监"),
    user = L("Bookkeeper", "記帳担当", "记账员"),
    influencer = L("External tax advisor", "顧問税理士", "外部税务顾问"),
    pic_goal = L("Close the books in days, not weeks", "数週間ではなく数日で月次決算を締める",
                 "几天而不是几周完成结账"),
    pic_pain = L("Invoices are typed in by hand", "請求書を手入力している", "发票靠手工录入"),
    pic_quote = L("Month-end means late nights.", "月末はいつも残業だ。", "每到月底就得熬夜。"),
    head_goal = L("Numbers the auditors accept the first time", "監査で一度で通る数字", "一次通过审计的数字"),
    user_goal = L("No more retyping", "二重入力をなくす", "不再重复录入"),
    manual = L("Invoices and receipts are entered by hand", "請求書と領収書を手入力している",
               "发票和收据都靠手工录入"),
    trigger = L("The monthly close runs late again", "月次決算がまた遅れる", "月度结账又延误了"),
    recognition = L("Notice that the close takes too long", "決算に時間がかかりすぎていると気づく",
                    "意识到结账耗时太长"),
    system = L("our bank", "取引銀行", "我们的银行"),
    data = L("ledgers and bank feeds", "帳簿と銀行明細", "账簿和银行流水"),
    outcome = L("The first monthly close on the new system", "新システムで最初の月次決算を締める",
                "用新系统完成首次月结"),
    first_win = L("The bank feed matched on the first try.", "銀行明細が一度で照合できた。",
                  "银行流水一次就对上了。"),
    routine = L("Every month closes on the new system", "毎月の決算が新システムで締まる", "每月都在新系统上结账"),
    routine_step = L("Closes the month", "月次決算を締める", "完成月度结账"),
  },
  software = {
    product = L("Business software", "業務ソフトウェア", "业务软件"),
    noun = L("software", "ソフトウェア", "软件"),
    dept = L("Operations", "業務部", "运营部"),
    pic = L("Operations manager", "業務改善担当", "运营经理"),
    head = L("Head of operations", "業務部長", "运营总监"),
    user = L("Team member", "現場担当者", "一线员工"),
    influencer = L("Team lead", "チームリーダー", "团队主管"),
    pic_goal = L("Less manual work for the team", "チームの手作業を減らす", "减少团队的手工工作"),
    pic_pain = L("Work is tracked in spreadsheets", "業務を表計算で管理している", "工作靠电子表格跟踪"),
    pic_quote = L("We can't keep doing this by hand.", "いつまでも手作業ではやっていけない。", "不能一直靠手工了。"),
    head_goal = L("Do more with the same team", "同じ人数でより多くをこなす", "同样的人做更多的事"),
    user_goal = L("Tools that just work", "ちゃんと動く道具", "好用的工具"),
    manual = L("Work is tracked by hand in spreadsheets", "業務を表計算で手作業管理している",
               "工作靠电子表格手工跟踪"),
    trigger = L("A task falls through the cracks", "作業の抜け漏れが起きる", "一项工作被遗漏了"),
    recognition = L("Notice that manual work costs too much time", "手作業の負担に気づく", "意识到手工工作耗时过多"),
    system = L("our other tools", "既存のツール", "现有工具"),
    data = L("existing data", "既存データ", "现有数据"),
    outcome = L("The team working in it within a month", "1か月以内にチームが使い始める", "一个月内团队开始使用"),
    first_win = L("It's starting to save us time.", "時間の節約になり始めた。", "开始节省时间了。"),
    routine = L("It becomes part of the weekly routine", "毎週の業務に定着する", "成为每周例行工作"),
    routine_step = L("Uses it in the weekly routine", "毎週の業務で使う", "在每周工作中使用"),
  },
}

-- What the buyer's sector asks of any purchase: a phrase for the
-- description and a need in the approval phase.
local INDUSTRIES = {
  general = { company = L("a company", "企業", "企业") },
  manufacturing = { company = L("a manufacturer", "製造業の企業", "制造企业"),
    need = L("Works for shift workers on the factory floor", "工場のシフト勤務者にも使える",
             "适用于车间倒班员工") },
  retail = { company = L("a retailer", "小売企業", "零售企业"),
    need = L("Copes with seasonal peaks", "繁忙期の負荷に耐える", "能应对季节性高峰") },
  healthcare = { company = L("a healthcare provider", "医療機関", "医疗机构"),
    need = L("Meets the rules for health data", "医療情報の取り扱い基準を満たす", "符合健康数据隐私规定") },
  finance = { company = L("a financial services firm", "金融機関", "金融服务公司"),
    need = L("Passes the regulator's rules on outsourcing", "金融当局の外部委託基準を満たす",
             "符合监管机构的外包规定") },
  public = { company = L("a public body", "公共機関", "公共机构"),
    need = L("Can be bought through a public tender", "入札で調達できる", "可通过公开招标采购") },
  technology = { company = L("a technology company", "IT企業", "科技公司"),
    need = L("Has an API the engineers can use", "エンジニアが使えるAPIがある", "提供工程师可用的API") },
}

-- The buying group.  `from`: the smallest company (employees) with this
-- stakeholder, who then stays at every larger size; `lead`: relative
-- decision time of a gatekeeper.  Texts are entries of the category
-- (a string key) or translations of their own.
local OWNER_BELOW = 50
local STAKEHOLDERS = {
  { id = "pic", role = "person_in_charge", from = 1, dept = "dept", title = "pic",
    goal = "pic_goal", pain = "pic_pain", quote = "pic_quote" },
  { id = "head", role = "decision_maker", from = 1, lead = 0.7, dept = "dept", title = "head",
    goal = "head_goal", quote = L("Show me the business case.", "費用対効果を見せてほしい。",
                                  "给我看投资回报。"),
    -- in a small company the owner decides
    small = { lead = 0.5, dept = L("Management", "経営", "管理层"),
              title = L("Owner and managing director", "代表取締役", "创始人兼总经理"),
              goal = L("Grow without adding headcount", "人を増やさずに成長する", "不增加人手实现增长"),
              quote = L("Will it pay for itself this year?", "今年中に元が取れるのか？", "今年能回本吗？") } },
  { id = "user", role = "user", from = 10, dept = "dept", title = "user", goal = "user_goal",
    quote = L("Please don't make me learn another tool.", "また新しいツールを覚えるのは大変。",
              "别再让我学新工具了。") },
  { id = "influencer", role = "influencer", from = 20, title = "influencer",
    goal = L("A choice the team will actually use", "現場が本当に使える選択", "团队真正会用的选择"),
    quote = L("I've seen this go wrong before.", "前にうまくいかなかったのを見ている。", "我见过这种事搞砸。") },
  { id = "manager", role = "manager", from = 50, dept = "dept",
    title = L("Team manager", "課長", "团队经理"),
    goal = L("Keep the team focused", "チームを本業に集中させる", "让团队专注"),
    quote = L("Does this save my team time?", "チームの時間は減るのか？", "这能为团队节省时间吗？") },
  { id = "finance", role = "approver", from = 100, lead = 1.0,
    dept = L("Finance", "経理部", "财务部"), title = L("Budget controller", "予算管理担当", "预算主管"),
    goal = L("Keep software spend flat", "ソフトウェア費用を抑える", "控制软件支出"),
    quote = L("What does it replace?", "何の代わりになるのか？", "它能替代什么？") },
  { id = "it", role = "approver", from = 250, lead = 1.5,
    dept = L("IT", "情報システム部", "信息技术部"),
    title = L("IT security lead", "情報セキュリティ責任者", "信息安全负责人"),
    goal = L("No unreviewed tools", "未審査のツールを入れない", "不引入未经审查的工具"),
    quote = L("Send me the security documentation first.", "まずセキュリティ資料を送ってください。",
              "请先发安全资料给我。") },
  { id = "procurement", role = "approver", from = 1000, lead = 1.0,
    dept = L("Procurement", "購買部", "采购部"), title = L("Procurement officer", "購買担当", "采购专员"),
    goal = L("Standard terms, three quotes", "標準条件と相見積もり", "标准条款，三家比价"),
    quote = L("Is the vendor on our list?", "取引先登録はありますか？", "供应商在名录里吗？") },
  { id = "legal", role = "approver", from = 1000, lead = 1.2,
    dept = L("Legal", "法務部", "法务部"), title = L("Legal counsel", "法務担当", "法务顾问"),
    goal = L("No unlimited liability", "無制限の責任を負わない", "避免无限责任"),
    quote = L("Our template, not theirs.", "契約書は当社のひな形で。", "用我们的合同模板。") },
  { id = "exec", role = "approver", from = 5000, lead = 1.5,
    dept = L("Executive board", "経営会議", "管理委员会"),
    title = L("Executive board member", "執行役員", "高管委员"),
    goal = L("Fewer, bigger bets", "投資を絞って大きく張る", "少而精的投入"),
    quote = L("How does this fit our strategy?", "戦略とどう整合するのか？", "这与战略如何契合？") },
}

local OWNERS = {
  sales = L("Sales", "営業", "销售"), product = L("Product", "プロダクト", "产品"),
  security = L("Security", "セキュリティ", "安全"), legal = L("Legal", "法務", "法务"),
  success = L("Customer success", "カスタマーサクセス", "客户成功"), support = L("Support", "サポート", "客服"),
  marketing = L("Marketing", "マーケティング", "市场"),
}

local TOUCHPOINTS = {
  { id = "search", channel = "search", control = "indirect", timing = "before",
    reach = 0.6, lift = 1.2, name = L("Web search", "Web検索", "网络搜索") },
  { id = "cases", channel = "website", timing = "before", reach = 0.3, lift = 1.2,
    owner = "marketing", name = L("Case studies", "導入事例", "客户案例") },
  { id = "reviews", channel = "review_site", control = "indirect", timing = "before",
    reach = 0.3, lift = 1.3, name = L("Review sites", "レビューサイト", "评测网站") },
  { id = "webinar", channel = "webinar", timing = "before", reach = 0.2, lift = 1.5,
    owner = "marketing", name = L("Webinar", "ウェビナー", "在线研讨会") },
  { id = "inquiry", channel = "inquiry_form", timing = "before", reach = 0.3, lift = 1.4,
    owner = "sales", name = L("Inquiry form", "問い合わせフォーム", "咨询表单") },
  { id = "rep", channel = "sales_rep", timing = "during", reach = 0.5, lift = 1.4,
    owner = "sales", name = L("Sales representative", "営業担当", "销售代表") },
  { id = "trial", channel = "trial", timing = "during", reach = 0.7, lift = 1.3,
    owner = "product", name = L("Free trial", "無料トライアル", "免费试用") },
  { id = "security_docs", channel = "documentation", timing = "during", reach = 0.8,
    lift = 1.5, owner = "security", needs = "it",
    name = L("Security documentation", "セキュリティ資料", "安全文档") },
  { id = "portal", channel = "portal", timing = "during", reach = 0.9, lift = 1.1,
    owner = "legal", name = L("Contract portal", "契約ポータル", "合同门户") },
  { id = "onboarding_calls", channel = "phone", timing = "after", reach = 0.6, lift = 1.3,
    owner = "success", name = L("Onboarding calls", "導入支援コール", "上线辅导电话") },
  { id = "support", channel = "contact_center", timing = "after", reach = 0.3, lift = 1.1,
    owner = "support", name = L("Support desk", "サポート窓口", "客服中心") },
}

-- Phases.  `inv`: involvement by stakeholder id ("gate" = gatekeeper);
-- `mood`: emotion of the person in charge, others follow from their role.
-- Text entries are translations, or a string naming the category's
-- entry; `fill` entries put the category's entry (`with`) into a sentence.
local function fill(sentence, with) return { sentence = sentence, with = with } end

local PHASES = {
  { id = "recognition", advance = 0.08, drop = 0.02, mood = -1,
    name = L("Issue recognition", "課題認識", "问题认知"),
    goal = "recognition",
    inv = { pic = "driver", manager = "participant", user = "participant" },
    steps = { "trigger", fill(L("Searches for %s", "%sを検索する", "搜索%s"), "noun") },
    thought = L("There must be a better way.", "もっと良いやり方があるはず。", "一定有更好的办法。"),
    pain = { id = "manual_work", evidence = "workshop", text = "manual" },
    opportunity = { id = "cost_of_manual", text = L("Show what the manual work costs",
                    "手作業のコストを見える化する", "展示手工作业的成本") },
    needs = { L("Proof that the problem is worth solving", "解決する価値がある根拠", "问题值得解决的证据") },
    content = { L("Articles about the problem", "課題に関する記事", "关于该问题的文章") },
    touchpoints = { "search", "cases" },
    blueprint = { customer = fill(L("Searches for %s", "%sを検索", "搜索%s"), "noun"),
                  frontstage = L("Landing pages and articles", "ランディングページと記事", "落地页和文章"),
                  backstage = L("Content team", "コンテンツチーム", "内容团队"),
                  support = L("CMS and SEO tools", "CMSとSEOツール", "CMS和SEO工具") } },
  { id = "research", advance = 0.10, drop = 0.03, mood = 0,
    name = L("Information gathering", "情報収集", "信息收集"),
    goal = fill(L("Learn what the options for %s are and what they cost", "%sの選択肢と費用を把握する",
                  "了解%s有哪些选择及价格"), "noun"),
    inv = { pic = "driver", manager = "participant", user = "participant", influencer = "participant" },
    steps = { L("Reads reviews", "レビューを読む", "阅读评测"),
              L("Joins a webinar", "ウェビナーに参加する", "参加研讨会") },
    thought = fill(L("Which of these works with %s?", "どれが%sと連携できる？", "哪个能和%s对接？"), "system"),
    pain = { id = "unclear_pricing", evidence = "qualitative",
             text = L("Prices are not published", "価格が公開されていない", "价格不公开") },
    opportunity = { id = "public_pricing", text = L("Publish list prices", "価格を公開する", "公开标准价格") },
    needs = { L("A shortlist of vendors", "候補ベンダーの絞り込み", "供应商候选名单") },
    content = { L("Comparison articles", "比較記事", "对比文章"), L("Customer reviews", "利用者のレビュー", "用户评价") },
    touchpoints = { "search", "reviews", "webinar", "inquiry" },
    blueprint = { customer = L("Compares vendors", "ベンダーを比較", "比较供应商"),
                  frontstage = L("Webinar and inquiry form", "ウェビナーと問い合わせ", "研讨会和咨询表单"),
                  backstage = L("Marketing operations", "マーケティング運用", "市场运营") } },
  { id = "comparison", advance = 0.07, drop = 0.03, back = { research = 0.01 }, mood = 1,
    name = L("Comparison and trial", "比較・検討", "比较与试用"),
    goal = L("Shortlist and try the favourite", "候補を絞り試用する", "筛选并试用首选"),
    inv = { pic = "driver", manager = "participant", head = "participant", it = "participant",
            user = "participant", influencer = "participant" },
    steps = { L("Requests a demo", "デモを依頼する", "申请演示"),
              L("Runs a two-week trial", "2週間試用する", "试用两周") },
    thought = L("It works well, but setting it up took a day.", "使い勝手は良いが、設定に1日かかった。",
                "好用，但配置花了一天。"),
    pain = { id = "setup_effort", evidence = "quantitative",
             text = fill(L("Connecting %s takes a full day", "%sの接続に丸1日かかる", "连接%s要花一整天"), "data") },
    opportunity = { id = "guided_setup", text = L("Guided setup with templates", "テンプレート付きの設定ガイド",
                    "带模板的引导式配置") },
    needs = { L("Proof it works with our own data", "自社データで動く確証", "能用我们自己的数据运行的证明") },
    content = { L("Demo with our own data", "自社データでのデモ", "用我们数据做的演示") },
    touchpoints = { "rep", "trial", "cases" },
    blueprint = { evidence = L("Trial workspace", "試用環境", "试用工作区"),
                  customer = fill(L("Connects %s", "%sを接続", "连接%s"), "data"),
                  frontstage = L("Demo by the sales rep", "営業によるデモ", "销售演示"),
                  backstage = L("Solutions engineer", "ソリューションエンジニア", "解决方案工程师"),
                  support = L("Trial provisioning", "試用環境の自動発行", "试用开通服务") } },
  { id = "approval", gate = true, drop = 0.01, back = { comparison = 0.01 }, mood = -2,
    name = L("Internal proposal and approval", "社内稟議・承認", "内部提案与审批"),
    goal = L("Get budget and security approval", "予算とセキュリティの承認を得る", "获得预算和安全审批"),
    inv = { pic = "driver", manager = "participant", head = "gate", it = "gate",
            finance = "gate", exec = "gate" },
    steps = { fill(L("Writes the business case for %s", "%sの稟議書を書く", "撰写%s的商业论证"), "product"),
              L("Reviews it with each approver", "各承認者と確認する", "与各审批人沟通") },
    thought = L("Will they see this as just another tool?", "また新しいツールかと思われないか？",
                "他们会不会觉得又是一个工具？"),
    pain = { id = "slow_approval", evidence = "qualitative",
             text = L("Each approver asks for different documents", "承認者ごとに求める資料が違う",
                      "每个审批人要的材料都不同") },
    opportunity = { id = "approval_kit", text = L("An approval kit: business case and security answers",
                    "稟議キット：費用対効果とセキュリティ回答", "审批资料包：商业论证和安全答复") },
    needs = { L("A business case the approvers accept", "承認者が納得する費用対効果", "审批人认可的商业论证"),
              "industry" },
    content = { L("Security and privacy answers", "セキュリティとプライバシーの回答", "安全与隐私答复") },
    touchpoints = { "rep", "security_docs" },
    blueprint = { evidence = L("Business case template", "稟議書テンプレート", "商业论证模板"),
                  customer = L("Submits the proposal", "稟議を提出", "提交提案"),
                  frontstage = L("Sales rep helps with the case", "営業が稟議を支援", "销售协助论证"),
                  backstage = L("Security team answers questionnaires", "セキュリティ回答の作成", "安全团队答复问卷"),
                  support = L("Trust center", "トラストセンター", "信任中心") } },
  { id = "contract", gate = true, drop = 0.01, mood = 0,
    name = L("Contract", "契約", "签约"),
    goal = L("Sign terms both sides accept", "双方が合意できる条件で契約する", "签署双方认可的条款"),
    inv = { pic = "participant", head = "driver", finance = "participant",
            procurement = "gate", legal = "gate" },
    steps = { L("Negotiates terms", "条件を交渉する", "谈判条款"),
              L("Signs the order form", "注文書に署名する", "签署订单") },
    thought = L("Almost there.", "あと少し。", "就差一步了。"),
    pain = { id = "redlines", text = L("Redlines go back and forth by e-mail",
             "修正のやり取りがメールで何往復もする", "修改意见通过邮件来回往返") },
    needs = { L("Terms our standard allows", "自社の標準で認められる条件", "符合我们标准的条款") },
    touchpoints = { "portal", "rep" },
    blueprint = { customer = L("Reviews the contract", "契約書を確認", "审阅合同"),
                  frontstage = L("Contract portal", "契約ポータル", "合同门户"),
                  backstage = L("Legal team", "法務チーム", "法务团队") } },
  { id = "onboarding", advance = 0.06, drop = 0.01, mood = 1,
    name = L("Onboarding", "導入・立ち上げ", "上线实施"),
    goal = "outcome",
    inv = { pic = "driver", manager = "participant", it = "participant", user = "participant" },
    steps = { L("Kick-off call", "キックオフ", "启动会议"),
              fill(L("Brings in the %s", "%sを取り込む", "导入%s"), "data") },
    thought = "first_win",
    pain = { id = "data_mapping", text = L("Field mapping needs IT's help", "項目の対応付けに情シスの助けが要る",
             "字段映射需要IT帮忙") },
    opportunity = { id = "mapping_templates", text = L("Ready-made field mappings",
                    "項目対応のテンプレート", "现成的字段映射") },
    needs = { L("A plan with dates and owners", "日程と担当の決まった計画", "有日期和负责人的计划") },
    content = { L("Setup guides", "設定ガイド", "配置指南") },
    touchpoints = { "onboarding_calls", "support" },
    blueprint = { evidence = L("Onboarding plan", "導入計画書", "实施计划"),
                  customer = L("Attends the kick-off", "キックオフに参加", "参加启动会"),
                  frontstage = L("Customer success manager", "カスタマーサクセス担当", "客户成功经理"),
                  backstage = L("Implementation team", "導入チーム", "实施团队"),
                  support = L("Data connectors", "データコネクタ", "数据连接器") } },
  { id = "adoption", advance = 0.03, drop = 0.005, mood = 2,
    name = L("Continued use", "継続利用", "持续使用"),
    goal = "routine",
    inv = { pic = "driver", head = "participant", user = "participant", influencer = "participant" },
    steps = { "routine_step" },
    thought = L("I can't imagine going back.", "もう元には戻れない。", "再也回不去了。"),
    needs = { L("Visible results for the team", "チームに見える成果", "团队看得见的成果") },
    content = { L("Product updates and tips", "製品アップデートと活用のヒント", "产品更新与使用技巧") },
    touchpoints = { "support" },
    blueprint = { customer = L("Uses it every week", "毎週利用", "每周使用"),
                  frontstage = L("Product updates", "製品アップデート", "产品更新"),
                  backstage = L("Account management", "アカウント管理", "客户管理") } },
}

local TITLE = L("%s — B2B purchase (%d employees)", "%s — 法人購買（従業員%d名）", "%s — 企业采购（%d名员工）")

local template = {
  name = "b2b_approval",
  summary = "B2B purchase: a buying group sized by the target company, seven phases, an approval chain",
  params = {
    employees = { type = "integer", default = 300, min = 1, max = 1000000,
                  doc = "Employees at the target company; larger companies have more stakeholders" },
    category = { type = "choice", choices = cjm.keys(CATEGORIES), default = "analytics",
                 doc = "What kind of product: decides the buying department and the words of every phase" },
    industry = { type = "choice", choices = cjm.keys(INDUSTRIES), default = "general",
                 doc = "The buyer's sector: adds what it asks of any purchase" },
    product = { type = "string", default = "",
                doc = "The product's name (empty: the category's, e.g. Payroll software)" },
    locale = { type = "choice", choices = { "en", "ja", "zh" }, default = "en",
               doc = "Language of names and text" },
    approval_rate = { type = "number", default = 0.8, min = 0.01, max = 1,
                      doc = "Chance that a gatekeeper approves one attempt" },
    lead_time = { type = "number", default = 5, min = 0, max = 90,
                  doc = "Typical days a gatekeeper takes to decide" },
  },
}

-- The text of ENTRY for this build: translations, a category entry by
-- name, a sentence filled with one, or the industry's need.
local function say(b, entry)
  if type(entry) == "string" then
    if entry == "industry" then return b.industry.need and T(b.loc, b.industry.need) end
    if entry == "product" then return b.product end
    return T(b.loc, b.cat[entry])
  end
  if entry.sentence then return T(b.loc, entry.sentence):format(say(b, entry.with)) end
  return T(b.loc, entry)
end

local function say_all(b, list)
  local out = {}
  for _, e in ipairs(list or {}) do out[#out + 1] = say(b, e) end
  return out
end

local function make_group(b, p, ctx)
  local gen = personas.generator(ctx.random, b.loc)
  local group, present = {}, {}
  for _, s in ipairs(STAKEHOLDERS) do
    if p.employees >= s.from then
      local v = (s.small and p.employees < OWNER_BELOW) and setmetatable(cjm.copy(s.small), { __index = s }) or s
      group[#group + 1] = cjm.persona(gen:make {
        id = s.id, role = s.role,
        department = v.dept and say(b, v.dept) or nil, job_title = say(b, v.title),
        goals = { say(b, v.goal) }, pains = v.pain and { say(b, v.pain) } or nil,
        quote = say(b, v.quote),
      })
      present[s.id] = { lead = v.lead }
    end
  end
  return group, present
end

local function make_touchpoints(b, present)
  local touchpoints, have = {}, {}
  for _, tp in ipairs(TOUCHPOINTS) do
    if not tp.needs or present[tp.needs] then
      touchpoints[#touchpoints + 1] = cjm.touchpoint {
        id = tp.id, name = say(b, tp.name), channel = tp.channel,
        control = tp.control, timing = tp.timing, reach = tp.reach,
        lift = tp.lift, owner = tp.owner and say(b, OWNERS[tp.owner]) or nil,
      }
      have[tp.id] = true
    end
  end
  return touchpoints, have
end

local function make_phase(b, ph, present, have_tp, p)
  local involvement, emotions, approve = {}, {}, {}
  for _, s in ipairs(STAKEHOLDERS) do
    local level = ph.inv[s.id]
    if level and present[s.id] then
      involvement[s.id] = level == "gate" and "gatekeeper" or level
      if level == "gate" then
        approve[s.id] = s.id == "exec" and p.approval_rate * 0.9 or p.approval_rate
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
    if have_tp[id] then tps[#tps + 1] = id end
  end
  local bp = {}
  for _, lane in ipairs { "evidence", "customer", "frontstage", "backstage", "support" } do
    if ph.blueprint[lane] then bp[lane] = { say(b, ph.blueprint[lane]) } end
  end
  local phase = cjm.phase {
    id = ph.id, name = say(b, ph.name), goal = say(b, ph.goal),
    involvement = involvement, emotions = emotions,
    steps = say_all(b, ph.steps), thoughts = { say(b, ph.thought) },
    needs = say_all(b, ph.needs), content = say_all(b, ph.content),
    touchpoints = tps, blueprint = bp,
  }
  if ph.pain then
    phase.pains = { { id = ph.pain.id, text = say(b, ph.pain.text), evidence = ph.pain.evidence } }
  end
  if ph.opportunity then
    phase.opportunities = { { id = ph.opportunity.id, text = say(b, ph.opportunity.text) } }
  end
  if ph.gate then
    -- each gatekeeper approves; the holding time of the chain is set by
    -- finish, from the gatekeepers the journey ends up with
    phase.transitions = { drop = ph.drop, back = ph.back, approve = approve }
  else
    phase.transitions = { advance = ph.advance, drop = ph.drop, back = ph.back }
  end
  return phase
end

local function plan(b)
  return {
    cjm.action { id = "approval_kit", title = say(b, L("Approval kit for champions",
                 "推進担当者向け稟議キット", "给推动者的审批资料包")),
                 addresses = { "slow_approval" }, phase = "approval", owner = say(b, OWNERS.sales),
                 impact = 4, effort = 2, confidence = 0.7, horizon = "now",
                 kpi = say(b, L("Days in approval", "承認にかかる日数", "审批天数")),
                 effect = { phase = "approval", duration = "*0.7" } },
    cjm.action { id = "guided_setup", title = say(b, L("Guided trial setup",
                 "試用時の設定ガイド", "试用引导配置")),
                 addresses = { "setup_effort", "guided_setup" }, phase = "comparison",
                 owner = say(b, OWNERS.product), impact = 3, effort = 3, confidence = 0.6,
                 horizon = "next", kpi = say(b, L("Share of trials that move on", "次に進む試用の割合",
                                                 "进入下一阶段的试用比例")),
                 effect = { phase = "comparison", advance = "*1.25" } },
  }
end

function template.build(p, ctx)
  local b = { loc = p.locale, cat = CATEGORIES[p.category], industry = INDUSTRIES[p.industry] }
  b.product = p.product ~= "" and p.product or T(b.loc, b.cat.product)
  local group, present = make_group(b, p, ctx)
  local touchpoints, have_tp = make_touchpoints(b, present)
  local phases = {}
  for _, ph in ipairs(PHASES) do phases[#phases + 1] = make_phase(b, ph, present, have_tp, p) end
  return cjm.journey {
    id = "b2b_approval",
    title = T(b.loc, TITLE):format(b.product, p.employees),
    description = say(b, L("%s for %s with %d employees: %d stakeholders",
                           "%s（%s、従業員%d名、関係者%d名）",
                           "%s（%s，员工%d人，相关人员%d人）"))
                  :format(b.product, say(b, b.industry.company), p.employees, #group),
    kind = "b2b",
    locale = b.loc,
    personas = group,
    touchpoints = touchpoints,
    phases = phases,
    actions = plan(b),
    scenarios = {
      cjm.scenario { id = "faster_approval", name = say(b, L("Approvals twice as fast",
                     "承認が2倍速い", "审批快一倍")),
                     changes = { { phase = "approval", duration = "*0.5" } } },
      cjm.scenario { id = "better_trial", name = say(b, L("Guided trial",
                     "ガイド付き試用", "引导式试用")),
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
    for _, id in ipairs(cjm.keys(ph.involvement or {})) do
      if ph.involvement[id] == "gatekeeper" then
        gates = gates + 1
        local lead = LEAD[id] or 1
        if id == "head" and p.employees < OWNER_BELOW then lead = 0.5 end
        days = days + p.lead_time * lead
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
