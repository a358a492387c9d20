--[[
b2c_acd — a consumer journey: awareness, consideration, decision.

`stages = 3` gives awareness -> consideration -> decision; `stages = 5`
the longer awareness -> discovery -> learning -> selection -> purchase.
`post_purchase = true` adds what follows the purchase (purchase, use,
loyalty for 3 stages; use and loyalty for 5).  Touchpoints come from
`channel_mix`: each channel's weight, scaled by the online or offline
share, becomes its reach.

`category` (apparel, electronics, subscription, groceries, beauty,
travel, general) decides what the customer chooses, worries about and
does with the purchase; `product` names it (default: the category's own
example).  `segments` customer personas are segments that differ in what
they need, which channels they use, how involved they are in each stage
and how each stage feels: the researcher, the impulse buyer, the loyal
customer, the bargain hunter, the gift buyer and the first-timer, in that
order.
]]

local cjm = require "cjm"
local personas = require "cjm.persona"

local T = cjm.text
local function L(en, ja, zh) return { en = en, ja = ja, zh = zh } end

-- Channels of the mix: the touchpoint each becomes.  `side`: which share
-- (online/offline) scales its reach; `kinds`: the stage kinds using it.
local CHANNELS = {
  { key = "sns", id = "social", channel = "sns", side = "online", timing = "before", lift = 1.3,
    name = L("Brand social media", "公式SNS", "品牌社交媒体"),
    kinds = { "awareness", "discovery", "consideration" } },
  { key = "word_of_mouth", id = "friends", channel = "word_of_mouth", control = "indirect",
    side = "offline", timing = "before", lift = 1.8,
    name = L("Friends and family", "友人・家族の口コミ", "亲友推荐"),
    kinds = { "awareness", "consideration", "learning" } },
  { key = "reviews", id = "reviews", channel = "review_site", control = "indirect",
    side = "online", timing = "before", lift = 1.4,
    name = L("Review sites", "レビューサイト", "点评网站"),
    kinds = { "consideration", "learning", "selection", "decision" } },
  { key = "store", id = "store", channel = "store", side = "offline", timing = "during", lift = 1.5,
    name = L("Store", "店舗", "门店"),
    kinds = { "consideration", "selection", "decision", "purchase" } },
  { key = "messenger", id = "messenger", channel = "messenger", side = "online", timing = "after",
    lift = 1.2, name = L("Messenger", "LINE公式アカウント", "微信公众号"),
    kinds = { "decision", "purchase", "use", "loyalty" } },
  { key = "email", id = "newsletter", channel = "email", side = "online", timing = "after",
    lift = 1.1, name = L("E-mail newsletter", "メールマガジン", "电子邮件简报"),
    kinds = { "use", "loyalty", "consideration" } },
  { key = "ads", id = "ads", channel = "ads", side = "online", timing = "before", lift = 1.2,
    name = L("Online ads", "Web広告", "网络广告"),
    kinds = { "awareness", "discovery" } },
  { key = "website", id = "website", channel = "website", side = "online", timing = "during",
    lift = 1.2, name = L("Brand website", "公式サイト", "品牌官网"),
    kinds = { "discovery", "learning", "consideration", "selection", "decision", "purchase" } },
}

-- What the customer chooses and worries about, by category.  Each entry
-- is a sentence written for its language; the product is only a name.
local CATEGORIES = {
  apparel = {
    product = L("Trail running shoes", "トレイルランニングシューズ", "越野跑鞋"),
    choose = L("Choose the size and colour", "サイズと色を選ぶ", "选定尺码和颜色"),
    pick = L("Picks size and colour", "サイズと色を選ぶ", "选尺码和颜色"),
    compare_pain = L("Hard to tell how the sizes run", "サイズ感が分かりにくい", "难以判断尺码是否偏大偏小"),
    compare_need = L("A size guide to trust", "信頼できるサイズガイド", "可靠的尺码指南"),
    doubt = L("Unsure about returns", "返品できるか不安", "不确定能否退货"),
    doubt_fix = L("Free returns, said up front", "返品無料を最初に伝える", "提前说明免费退货"),
    checkout_pain = L("Surprise shipping costs at checkout", "決済時に送料が発覚する", "结账时才发现运费"),
    first_use = L("Wears them for the first time", "初めて身に着ける", "第一次穿上"),
    use_goal = L("Get the fit and comfort promised", "約束どおりのフィット感と快適さを得る", "获得承诺的合脚和舒适"),
  },
  electronics = {
    product = L("Wireless earbuds", "ワイヤレスイヤホン", "无线耳机"),
    choose = L("Choose the model and options", "モデルとオプションを選ぶ", "选定型号和配置"),
    pick = L("Picks the model and options", "モデルとオプションを選ぶ", "选择型号和配置"),
    compare_pain = L("Specs are hard to compare", "スペックが比較しにくい", "参数难以比较"),
    compare_need = L("Clear specs side by side", "並べて比べられるスペック", "并排清晰的参数"),
    doubt = L("Unsure it works with my other devices", "手持ちの機器で使えるか不安", "不确定能否兼容我的其他设备"),
    doubt_fix = L("A compatibility checker", "対応機種チェッカー", "兼容性检测工具"),
    checkout_pain = L("Surprise shipping costs at checkout", "決済時に送料が発覚する", "结账时才发现运费"),
    first_use = L("Sets it up", "セットアップする", "完成设置"),
    use_goal = L("Get it working in minutes", "数分で使い始める", "几分钟内用起来"),
  },
  subscription = {
    product = L("Streaming service", "動画配信サービス", "流媒体服务"),
    choose = L("Choose a plan", "プランを選ぶ", "选定套餐"),
    pick = L("Picks a plan", "プランを選ぶ", "选择套餐"),
    compare_pain = L("Hard to compare plans", "プランの違いが分かりにくい", "套餐难以比较"),
    compare_need = L("What each plan includes", "各プランに含まれる内容", "每个套餐包含什么"),
    doubt = L("Unsure how to cancel", "解約方法が分かるか不安", "不确定如何退订"),
    doubt_fix = L("Cancel in two clicks, said up front", "2クリックで解約できると最初に伝える", "提前说明两步即可退订"),
    checkout_pain = L("Card details needed for the free trial", "無料体験にもカード登録が必要", "免费试用也要绑定银行卡"),
    first_use = L("Uses it for the first month", "最初の1か月使う", "使用第一个月"),
    use_goal = L("Get value every week", "毎週元を取る", "每周都物有所值"),
  },
  groceries = {
    product = L("Grocery delivery", "ネットスーパー", "生鲜配送"),
    choose = L("Fill the basket", "買い物かごを埋める", "装满购物车"),
    pick = L("Fills the basket", "買い物かごに入れる", "把商品加入购物车"),
    compare_pain = L("Prices per unit are hard to compare", "単価が比較しにくい", "单价难以比较"),
    compare_need = L("The price per unit", "単位あたりの価格", "单位价格"),
    doubt = L("Unsure how fresh it will be", "鮮度が不安", "担心不够新鲜"),
    doubt_fix = L("A freshness promise", "鮮度保証", "新鲜承诺"),
    checkout_pain = L("Delivery slots are gone at checkout", "決済時に配達枠が埋まっている", "结账时配送时段已满"),
    first_use = L("Unpacks the delivery", "届いた商品を確認する", "打开配送的商品"),
    use_goal = L("Everything fresh and on time", "すべて新鮮で時間どおり", "一切新鲜准时"),
  },
  beauty = {
    product = L("Skin care set", "スキンケアセット", "护肤套装"),
    choose = L("Choose the right shade and type", "合う色とタイプを選ぶ", "选定合适的色号和类型"),
    pick = L("Picks a shade", "色を選ぶ", "选择色号"),
    compare_pain = L("Hard to tell which shade suits me", "どの色が合うか分かりにくい", "难以判断哪个色号适合我"),
    compare_need = L("Samples to try", "試せるサンプル", "可试用的小样"),
    doubt = L("Unsure it suits my skin", "肌に合うか不安", "担心不适合我的皮肤"),
    doubt_fix = L("A satisfaction guarantee", "満足保証", "满意保障"),
    checkout_pain = L("Surprise shipping costs at checkout", "決済時に送料が発覚する", "结账时才发现运费"),
    first_use = L("Tries it for the first time", "初めて使ってみる", "第一次试用"),
    use_goal = L("See a difference in a few weeks", "数週間で違いを実感する", "几周内看到变化"),
  },
  travel = {
    product = L("Weekend getaway", "週末の小旅行", "周末短途游"),
    choose = L("Choose dates and options", "日程とオプションを選ぶ", "选定日期和选项"),
    pick = L("Picks dates and a room", "日程と部屋を選ぶ", "选择日期和房型"),
    compare_pain = L("The full price is unclear until the end", "最後まで総額が分からない", "直到最后才知道总价"),
    compare_need = L("The full price up front", "最初から分かる総額", "一开始就清楚的总价"),
    doubt = L("Unsure about the cancellation terms", "キャンセル条件が不安", "不确定取消条款"),
    doubt_fix = L("Free cancellation, said up front", "無料キャンセルを最初に伝える", "提前说明免费取消"),
    checkout_pain = L("Fees added at the last step", "最後の画面で手数料が加わる", "最后一步才加收费用"),
    first_use = L("Goes on the trip", "旅行に出かける", "出发旅行"),
    use_goal = L("A trip that goes as planned", "予定どおりに進む旅行", "按计划顺利出行"),
  },
  general = {
    product = L("Our product", "当社の商品", "我们的产品"),
    choose = L("Choose the right option", "合う選択肢を選ぶ", "选定合适的选项"),
    pick = L("Picks an option", "選択肢を選ぶ", "选择一个选项"),
    compare_pain = L("Hard to compare the options", "選択肢が比較しにくい", "选项难以比较"),
    compare_need = L("A clear comparison", "分かりやすい比較", "清晰的对比"),
    doubt = L("Unsure about returns", "返品できるか不安", "不确定能否退货"),
    doubt_fix = L("Free returns, said up front", "返品無料を最初に伝える", "提前说明免费退货"),
    checkout_pain = L("Surprise costs at checkout", "決済時に追加費用が発覚する", "结账时才发现额外费用"),
    first_use = L("Uses it for the first time", "初めて使う", "首次使用"),
    use_goal = L("Get what was promised", "約束どおりの価値を得る", "得到承诺的价值"),
  },
}

-- Stage kinds: base emotion, daily advance and drop, and their words.
-- Text entries are translations, or a string naming the category's entry.
local STAGES = {
  awareness = { advance = 0.05, drop = 0.03, mood = 0,
    name = L("Awareness", "認知", "认知"),
    goal = L("Notice a need and a brand that meets it", "ニーズとそれに応えるブランドに気づく",
             "意识到需求和能满足它的品牌"),
    step = L("Sees a post from a friend", "友人の投稿を見る", "看到朋友的分享"),
    thought = L("That looks interesting.", "ちょっと気になる。", "看起来挺有意思。"),
    need = L("A reason to look closer", "詳しく見る理由", "进一步了解的理由"),
    content = L("Short videos and posts", "短い動画と投稿", "短视频和帖子"),
    opportunity = L("Make it easy to share", "シェアしやすくする", "让分享更容易") },
  discovery = { advance = 0.08, drop = 0.03, mood = 0,
    name = L("Discovery", "興味・関心", "发现"),
    goal = L("See what is on offer", "どんな商品があるか知る", "看看有哪些选择"),
    step = L("Visits the website", "公式サイトを見る", "访问官网"),
    thought = L("Is this for people like me?", "自分向けかな？", "适合我吗？"),
    need = L("Plain words, not jargon", "専門用語のない説明", "通俗易懂的说明"),
    content = L("Product pages", "商品ページ", "商品页面"),
    pain = L("Too much jargon on the first page", "最初のページが専門用語だらけ", "首页术语太多") },
  learning = { advance = 0.09, drop = 0.04, mood = 1,
    name = L("Learning", "比較・学習", "了解"),
    goal = L("Understand the options and how they differ", "選択肢とその違いを理解する", "了解各选项及其差别"),
    step = L("Reads reviews", "レビューを読む", "看评价"),
    thought = L("The reviews are mixed.", "評価が分かれている。", "评价褒贬不一。"),
    need = "compare_need",
    content = L("Reviews and comparisons", "レビューと比較記事", "评价和对比"),
    pain = L("Reviews contradict each other", "レビューの内容が食い違う", "评价互相矛盾") },
  consideration = { advance = 0.08, drop = 0.04, mood = 1,
    name = L("Consideration", "検討", "考虑"),
    goal = L("Decide whether it is worth the money", "お金を払う価値があるか判断する", "判断是否值得花钱"),
    step = L("Compares prices", "価格を比較する", "比较价格"),
    thought = L("Is it really better than what I have?", "今使っているものより本当に良い？",
                "真的比我现在用的好吗？"),
    need = "compare_need",
    content = L("Reviews and comparisons", "レビューと比較記事", "评价和对比"),
    pain = "compare_pain",
    opportunity = L("A side-by-side comparison", "比較表を用意する", "提供对比表") },
  selection = { advance = 0.15, drop = 0.04, mood = 1,
    name = L("Selection", "選択", "选择"),
    goal = "choose", step = "pick",
    thought = L("What if it is not right for me?", "合わなかったらどうしよう。", "不合适怎么办？"),
    need = L("Help to choose", "選ぶための手助け", "选择上的帮助"),
    content = L("Guides and advice", "選び方ガイド", "选购指南"),
    pain = "doubt", opportunity = "doubt_fix" },
  decision = { advance = 0.18, drop = 0.05, mood = 2,
    name = L("Decision", "決定", "决定"),
    goal = L("Commit to buying", "購入を決める", "决定购买"),
    step = L("Adds it to the basket", "カートに入れる", "加入购物车"),
    thought = L("Let's do it.", "よし、買おう。", "就它了。"),
    need = L("No surprises at the end", "最後に驚きがないこと", "最后没有意外"),
    content = L("Price and delivery details", "価格と配送の詳細", "价格和配送信息"),
    pain = "checkout_pain" },
  purchase = { advance = 0.35, drop = 0.05, mood = 1,
    name = L("Purchase", "購入", "购买"),
    goal = L("Pay without friction", "スムーズに支払う", "顺利付款"),
    step = L("Pays", "支払う", "付款"),
    thought = L("I hope the payment goes through.", "決済がうまくいきますように。", "希望付款顺利。"),
    need = L("The payment method I use", "いつもの支払い方法", "我常用的支付方式"),
    content = L("Order confirmation", "注文確認", "订单确认"),
    pain = L("An account is required", "会員登録が必須", "必须注册账户"),
    opportunity = L("Guest checkout", "ゲスト購入", "游客结账") },
  use = { advance = 0.06, drop = 0.01, mood = 2,
    name = L("Use", "利用", "使用"),
    goal = "use_goal", step = "first_use",
    thought = L("Better than I expected.", "思ったより良い。", "比预期的好。"),
    need = L("Help when something is unclear", "分からないときの手助け", "有疑问时的帮助"),
    content = L("Tips and how-tos", "使い方のヒント", "使用技巧") },
  loyalty = { advance = 0.02, drop = 0.005, mood = 3,
    name = L("Loyalty", "継続・推奨", "忠诚"),
    goal = L("Buy again and recommend it", "再購入し人に勧める", "复购并推荐"),
    step = L("Recommends it to a friend", "友人に勧める", "推荐给朋友"),
    thought = L("I'd buy this again.", "また買いたい。", "还会再买。"),
    need = L("A reason to come back", "また来る理由", "再次光顾的理由"),
    content = L("News and offers for customers", "会員向けのお知らせと特典", "会员资讯和优惠"),
    opportunity = L("A referral reward", "紹介特典", "推荐奖励") },
}

-- Customer segments.  `inv`: involvement by stage kind (missing: none);
-- `mood`: how a stage feels to the segment, added to the stage's own.
local SEGMENTS = {
  { id = "researcher", age = { 28, 55 }, channels = { "review_site", "search", "website" },
    name = L("The researcher", "じっくり比較派", "研究型顾客"),
    about = L("compares everything before buying", "買う前にすべてを比べる", "购买前把一切都比较一遍"),
    need = L("Detailed facts and honest reviews", "詳しい情報と正直なレビュー", "详细信息和真实评价"),
    pain = L("Marketing claims without evidence", "根拠のない宣伝文句", "没有依据的宣传"),
    inv = { awareness = "participant", discovery = "driver", learning = "driver",
            consideration = "driver", selection = "driver", decision = "driver",
            purchase = "participant", use = "participant", loyalty = "participant" },
    mood = { learning = 1, consideration = -1, decision = 1 } },
  { id = "impulse", age = { 18, 34 }, channels = { "sns", "ads", "app" },
    name = L("The impulse buyer", "衝動買い派", "冲动型顾客"),
    about = L("buys when something catches the eye", "目に留まったらすぐ買う", "看中了就买"),
    need = L("A good reason to buy right now", "今すぐ買う理由", "立刻购买的理由"),
    pain = L("Long forms and waiting", "長い入力と待ち時間", "冗长的表单和等待"),
    inv = { awareness = "driver", discovery = "participant", consideration = "participant",
            selection = "participant", decision = "driver", purchase = "driver", use = "participant" },
    mood = { awareness = 1, consideration = -1, decision = 1, use = -1 } },
  { id = "loyal", age = { 35, 70 }, channels = { "store", "email", "messenger" },
    name = L("The loyal customer", "リピーター", "忠实顾客"),
    about = L("comes back to brands that treat them well", "大切にしてくれるブランドに戻ってくる",
              "会回到善待自己的品牌"),
    need = L("Recognition and easy reorders", "特別扱いと簡単な再注文", "被认可和便捷复购"),
    pain = L("Being treated like a stranger", "初めての客のように扱われる", "被当作陌生人对待"),
    inv = { consideration = "participant", selection = "driver", decision = "driver",
            purchase = "driver", use = "driver", loyalty = "driver" },
    mood = { selection = 1, loyalty = 1 } },
  { id = "bargain", age = { 25, 60 }, channels = { "ads", "email", "review_site" },
    name = L("The bargain hunter", "お得重視派", "精打细算型顾客"),
    about = L("waits for the best price", "一番安いときを待つ", "等待最优价格"),
    need = L("The best price, clearly shown", "分かりやすい最安値", "清楚标明的最优价格"),
    pain = L("Hidden costs", "隠れた費用", "隐藏费用"),
    inv = { awareness = "participant", discovery = "driver", learning = "participant",
            consideration = "driver", selection = "participant", decision = "driver",
            purchase = "participant", use = "participant" },
    mood = { consideration = 1, decision = -1 } },
  { id = "gift", age = { 30, 65 }, channels = { "website", "store", "word_of_mouth" },
    name = L("The gift buyer", "ギフト購入者", "送礼型顾客"),
    about = L("buys for someone else", "誰かのために買う", "为别人购买"),
    need = L("Something the recipient will love, delivered on time",
             "相手が喜ぶものを期日どおりに", "对方会喜欢、准时送达的礼物"),
    pain = L("No gift options or delivery dates", "ギフト対応や配達日指定がない", "没有礼品选项或送达日期"),
    inv = { awareness = "participant", discovery = "driver", learning = "participant",
            consideration = "participant", selection = "driver", decision = "driver",
            purchase = "driver", loyalty = "participant" },
    mood = { selection = -1, purchase = 1 } },
  { id = "first_timer", age = { 18, 30 }, channels = { "word_of_mouth", "store", "website" },
    name = L("The first-timer", "初めての購入者", "新手顾客"),
    about = L("has never bought anything like it", "このような商品を買うのは初めて", "从未买过这类商品"),
    need = L("Guidance on what to look for", "何を見ればよいかの手引き", "该看什么的指导"),
    pain = L("Not knowing where to start", "何から始めればよいか分からない", "不知道从哪里开始"),
    inv = { awareness = "driver", discovery = "driver", learning = "driver",
            consideration = "participant", selection = "driver", decision = "participant",
            purchase = "participant", use = "driver", loyalty = "participant" },
    mood = { discovery = -1, learning = -1, use = 1 } },
}

local SEQUENCES = {
  [3] = { main = { "awareness", "consideration", "decision" },
          after = { "purchase", "use", "loyalty" } },
  [5] = { main = { "awareness", "discovery", "learning", "selection", "purchase" },
          after = { "use", "loyalty" } },
}

local DEFAULT_MIX = { online = 0.7, offline = 0.3, sns = 0.5, store = 0.3, messenger = 0.2,
                      email = 0.4, reviews = 0.4, word_of_mouth = 0.3, ads = 0.4, website = 0.8 }

local template = {
  name = "b2c_acd",
  summary = "Consumer journey: awareness, consideration, decision (or a 5-stage variant), from a channel mix",
  params = {
    stages = { type = "choice", choices = { 3, 5 }, default = 3,
               doc = "3: awareness-consideration-decision; 5: awareness-discovery-learning-selection-purchase" },
    post_purchase = { type = "boolean", default = false,
                      doc = "Add the phases after the purchase (use, loyalty)" },
    channel_mix = { type = "map", default = DEFAULT_MIX,
                    doc = "Weights 0..1: online, offline, sns, store, messenger, email, reviews, word_of_mouth, ads, website" },
    segments = { type = "integer", default = 2, min = 1, max = #SEGMENTS,
                 doc = "How many customer segments: researcher, impulse buyer, loyal customer, "
                       .. "bargain hunter, gift buyer, first-timer (the first N)" },
    category = { type = "choice", choices = cjm.keys(CATEGORIES), default = "apparel",
                 doc = "What kind of purchase: decides what is chosen, doubted and used" },
    product = { type = "string", default = "",
                doc = "The product's name (empty: the category's example, e.g. Trail running shoes)" },
    locale = { type = "choice", choices = { "en", "ja", "zh" }, default = "en",
               doc = "Language of names and text" },
  },
}

local function clamp(x, lo, hi) return math.max(lo, math.min(hi, x)) end

-- The text of ENTRY: translations, or the category's entry by name.
local function say(b, entry)
  if entry == nil then return nil end
  if type(entry) == "string" then return T(b.loc, b.cat[entry]) end
  return T(b.loc, entry)
end

local function read_mix(channel_mix)
  local mix = {}
  for k, v in pairs(DEFAULT_MIX) do mix[k] = v end
  for _, k in ipairs(cjm.keys(channel_mix)) do
    local v = channel_mix[k]
    if DEFAULT_MIX[k] == nil then
      error(("b2c_acd: channel_mix has an unknown channel '%s'"):format(tostring(k)), 0)
    end
    if type(v) ~= "number" or v < 0 or v > 1 then
      error(("b2c_acd: channel_mix.%s must be a number from 0 to 1"):format(k), 0)
    end
    mix[k] = v
  end
  return mix
end

local function make_touchpoints(b, mix, used_kind)
  local touchpoints, by_kind = {}, {}
  for _, c in ipairs(CHANNELS) do
    local reach = clamp(mix[c.key] * mix[c.side] * 1.5, 0, 1)
    local used = false
    for _, k in ipairs(c.kinds) do
      if used_kind[k] then used = true end
    end
    if reach > 0.005 and used then
      touchpoints[#touchpoints + 1] = cjm.touchpoint {
        id = c.id, name = say(b, c.name), channel = c.channel, control = c.control,
        timing = c.timing, reach = math.floor(reach * 100 + 0.5) / 100, lift = c.lift,
      }
      for _, k in ipairs(c.kinds) do
        by_kind[k] = by_kind[k] or {}
        table.insert(by_kind[k], c.id)
      end
    end
  end
  return touchpoints, by_kind
end

local function make_segments(b, count, ctx)
  local gen = personas.generator(ctx.random, b.loc)
  local group = {}
  for i = 1, count do
    local s = SEGMENTS[i]
    group[i] = cjm.persona(gen:make {
      id = s.id, role = "customer", allow_same = true,
      age = ctx.random(s.age[1], s.age[2]),
      description = say(b, L("%s: %s", "%s：%s", "%s：%s")):format(say(b, s.name), say(b, s.about)),
      goals = { say(b, s.need) }, pains = { say(b, s.pain) }, channels = s.channels,
    })
  end
  return group
end

local function make_phase(b, kind, group, by_kind, ctx)
  local st = STAGES[kind]
  local involvement, emotions = {}, {}
  for i, person in ipairs(group) do
    local s = SEGMENTS[i]
    local level = s.inv[kind]
    if level then
      involvement[person.id] = level
      -- the stage's mood as this segment feels it, now and then a swing
      local swing = ctx.random() < 0.2 and ctx.random(-1, 1) or 0
      emotions[person.id] = clamp(st.mood + (s.mood[kind] or 0) + swing, -3, 3)
    end
  end
  local phase = cjm.phase {
    id = kind, name = say(b, st.name), goal = say(b, st.goal),
    involvement = involvement, emotions = emotions,
    steps = { say(b, st.step) }, thoughts = { say(b, st.thought) },
    needs = { say(b, st.need) }, content = { say(b, st.content) },
    touchpoints = by_kind[kind] or {},
    transitions = { advance = st.advance, drop = st.drop },
  }
  if st.pain then
    phase.pains = { { id = kind .. "_pain", text = say(b, st.pain), evidence = "assumption" } }
  end
  if st.opportunity then
    phase.opportunities = { { id = kind .. "_opportunity", text = say(b, st.opportunity) } }
  end
  return phase
end

function template.build(p, ctx)
  local b = { loc = p.locale, cat = CATEGORIES[p.category] }
  b.product = p.product ~= "" and p.product or T(b.loc, b.cat.product)
  local mix = read_mix(p.channel_mix)
  local kinds = {}
  for _, k in ipairs(SEQUENCES[p.stages].main) do kinds[#kinds + 1] = k end
  if p.post_purchase then
    for _, k in ipairs(SEQUENCES[p.stages].after) do kinds[#kinds + 1] = k end
  end
  local used_kind = {}
  for _, k in ipairs(kinds) do used_kind[k] = true end

  local touchpoints, by_kind = make_touchpoints(b, mix, used_kind)
  local group = make_segments(b, p.segments, ctx)
  local phases = {}
  for _, kind in ipairs(kinds) do phases[#phases + 1] = make_phase(b, kind, group, by_kind, ctx) end

  local titles = L("%s — consumer journey", "%s — 購買ジャーニー", "%s — 消费者旅程")
  return cjm.journey {
    id = "b2c_acd",
    title = T(b.loc, titles):format(b.product),
    description = T(b.loc, {
      en = p.post_purchase and "%d stages and after-purchase phases, %d customer segment%s"
                            or "%d stages, %d customer segment%s",
      ja = p.post_purchase and "%dステージと購入後のフェーズ、顧客セグメント%d%s"
                            or "%dステージ、顧客セグメント%d%s",
      zh = p.post_purchase and "%d个阶段及购后阶段，%d个客户群%s"
                            or "%d个阶段，%d个客户群%s",
    }):format(p.stages, p.segments,
              p.segments ~= 1 and T(b.loc, L("s", "", "")) or ""),
    kind = "b2c",
    locale = b.loc,
    personas = group,
    touchpoints = touchpoints,
    phases = phases,
  }
end

return template
