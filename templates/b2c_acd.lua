--[[
b2c_acd — a consumer journey: awareness, consideration, decision.

`stages = 3` gives awareness -> consideration -> decision; `stages = 5`
the longer awareness -> discovery -> learning -> selection -> purchase.
`post_purchase = true` adds what follows the purchase (purchase, use,
loyalty for 3 stages; use and loyalty for 5).  Touchpoints come from
`channel_mix`: each channel's weight, scaled by the online or offline
share, becomes its reach.  `segments` customer personas are generated,
each with its own emotion curve.
]]

local cjm = require "cjm"
local personas = require "cjm.persona"

local T = cjm.text

-- Channels of the mix: the touchpoint each becomes.  `side`: which share
-- (online/offline) scales its reach; `phases`: the stage kinds using it.
local CHANNELS = {
  { key = "sns", id = "social", channel = "sns", side = "online", timing = "before", lift = 1.3,
    name = { en = "Brand social media", ja = "公式SNS", zh = "品牌社交媒体" },
    kinds = { "awareness", "discovery", "consideration" } },
  { key = "word_of_mouth", id = "friends", channel = "word_of_mouth", control = "indirect",
    side = "offline", timing = "before", lift = 1.8,
    name = { en = "Friends and family", ja = "友人・家族の口コミ", zh = "亲友推荐" },
    kinds = { "awareness", "consideration", "learning" } },
  { key = "reviews", id = "reviews", channel = "review_site", control = "indirect",
    side = "online", timing = "before", lift = 1.4,
    name = { en = "Review sites", ja = "レビューサイト", zh = "点评网站" },
    kinds = { "consideration", "learning", "selection", "decision" } },
  { key = "store", id = "store", channel = "store", side = "offline", timing = "during", lift = 1.5,
    name = { en = "Store", ja = "店舗", zh = "门店" },
    kinds = { "consideration", "selection", "decision", "purchase" } },
  { key = "messenger", id = "messenger", channel = "messenger", side = "online", timing = "after",
    lift = 1.2, name = { en = "Messenger", ja = "LINE公式アカウント", zh = "微信公众号" },
    kinds = { "decision", "purchase", "use", "loyalty" } },
  { key = "email", id = "newsletter", channel = "email", side = "online", timing = "after",
    lift = 1.1, name = { en = "E-mail newsletter", ja = "メールマガジン", zh = "电子邮件简报" },
    kinds = { "use", "loyalty", "consideration" } },
  { key = "ads", id = "ads", channel = "ads", side = "online", timing = "before", lift = 1.2,
    name = { en = "Online ads", ja = "Web広告", zh = "网络广告" },
    kinds = { "awareness", "discovery" } },
  { key = "website", id = "website", channel = "website", side = "online", timing = "during",
    lift = 1.2, name = { en = "Brand website", ja = "公式サイト", zh = "品牌官网" },
    kinds = { "discovery", "learning", "consideration", "selection", "decision", "purchase" } },
}

-- Stage kinds: text, base emotion, daily advance and drop.
local STAGES = {
  awareness = { advance = 0.05, drop = 0.03, mood = 0,
    name = { en = "Awareness", ja = "認知", zh = "认知" },
    goal = { en = "Hear about %s", ja = "%sを知る", zh = "了解到%s" },
    step = { en = "Sees a post from a friend", ja = "友人の投稿を見る", zh = "看到朋友的分享" },
    thought = { en = "That looks interesting.", ja = "ちょっと気になる。", zh = "看起来挺有意思。" },
    opportunity = { en = "Make it easy to share", ja = "シェアしやすくする", zh = "让分享更容易" } },
  discovery = { advance = 0.08, drop = 0.03, mood = 0,
    name = { en = "Discovery", ja = "興味・関心", zh = "发现" },
    goal = { en = "Find out what %s is", ja = "%sがどんなものか知る", zh = "弄清%s是什么" },
    step = { en = "Visits the website", ja = "公式サイトを見る", zh = "访问官网" },
    thought = { en = "Is this for people like me?", ja = "自分向けかな？", zh = "适合我吗？" },
    pain = { en = "Too much jargon on the first page", ja = "最初のページが専門用語だらけ",
             zh = "首页术语太多" } },
  learning = { advance = 0.09, drop = 0.04, mood = 1,
    name = { en = "Learning", ja = "比較・学習", zh = "了解" },
    goal = { en = "Understand how %s compares", ja = "%sを他と比べて理解する", zh = "了解%s与其他产品的差别" },
    step = { en = "Reads reviews", ja = "レビューを読む", zh = "看评价" },
    thought = { en = "The reviews are mixed.", ja = "評価が分かれている。", zh = "评价褒贬不一。" },
    pain = { en = "Reviews contradict each other", ja = "レビューの内容が食い違う", zh = "评价互相矛盾" } },
  consideration = { advance = 0.08, drop = 0.04, mood = 1,
    name = { en = "Consideration", ja = "検討", zh = "考虑" },
    goal = { en = "Decide whether %s is worth it", ja = "%sが買う価値があるか判断する", zh = "判断%s是否值得" },
    step = { en = "Compares prices", ja = "価格を比較する", zh = "比较价格" },
    thought = { en = "Is it really better than what I have?", ja = "今使っているものより本当に良い？",
                zh = "真的比我现在用的好吗？" },
    pain = { en = "Hard to compare plans", ja = "プランの違いが分かりにくい", zh = "套餐难以比较" },
    opportunity = { en = "A side-by-side comparison", ja = "比較表を用意する", zh = "提供对比表" } },
  selection = { advance = 0.15, drop = 0.04, mood = 1,
    name = { en = "Selection", ja = "選択", zh = "选择" },
    goal = { en = "Choose the right %s", ja = "自分に合う%sを選ぶ", zh = "选出合适的%s" },
    step = { en = "Picks size and colour", ja = "サイズと色を選ぶ", zh = "选尺码和颜色" },
    thought = { en = "What if it doesn't fit?", ja = "合わなかったらどうしよう。", zh = "不合适怎么办？" },
    pain = { en = "Unsure about returns", ja = "返品できるか不安", zh = "不确定能否退货" },
    opportunity = { en = "Free returns, said up front", ja = "返品無料を最初に伝える", zh = "提前说明免费退货" } },
  decision = { advance = 0.18, drop = 0.05, mood = 2,
    name = { en = "Decision", ja = "決定", zh = "决定" },
    goal = { en = "Commit to %s", ja = "%sに決める", zh = "决定购买%s" },
    step = { en = "Adds to basket", ja = "カートに入れる", zh = "加入购物车" },
    thought = { en = "Let's do it.", ja = "よし、買おう。", zh = "就它了。" },
    pain = { en = "Surprise shipping costs at checkout", ja = "決済時に送料が発覚する", zh = "结账时才发现运费" } },
  purchase = { advance = 0.35, drop = 0.05, mood = 1,
    name = { en = "Purchase", ja = "購入", zh = "购买" },
    goal = { en = "Pay for %s without friction", ja = "%sをスムーズに購入する", zh = "顺利购买%s" },
    step = { en = "Pays", ja = "支払う", zh = "付款" },
    thought = { en = "Hope the payment goes through.", ja = "決済がうまくいきますように。", zh = "希望付款顺利。" },
    pain = { en = "Account creation required", ja = "会員登録が必須", zh = "必须注册账户" },
    opportunity = { en = "Guest checkout", ja = "ゲスト購入", zh = "游客结账" } },
  use = { advance = 0.06, drop = 0.01, mood = 2,
    name = { en = "Use", ja = "利用", zh = "使用" },
    goal = { en = "Enjoy %s", ja = "%sを使いこなす", zh = "享受%s" },
    step = { en = "Uses it for the first time", ja = "初めて使う", zh = "首次使用" },
    thought = { en = "Better than I expected.", ja = "思ったより良い。", zh = "比预期的好。" } },
  loyalty = { advance = 0.02, drop = 0.005, mood = 3,
    name = { en = "Loyalty", ja = "継続・推奨", zh = "忠诚" },
    goal = { en = "Buy %s again and recommend it", ja = "%sを再購入し人に勧める", zh = "复购并推荐%s" },
    step = { en = "Recommends it to a friend", ja = "友人に勧める", zh = "推荐给朋友" },
    thought = { en = "I'd buy this again.", ja = "また買いたい。", zh = "还会再买。" },
    opportunity = { en = "A referral reward", ja = "紹介特典", zh = "推荐奖励" } },
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
    segments = { type = "integer", default = 2, min = 1, max = 6,
                 doc = "How many customer personas to generate" },
    product = { type = "string", default = "Trail running shoes", doc = "What the customer buys" },
    locale = { type = "choice", choices = { "en", "ja", "zh" }, default = "en",
               doc = "Language of names and text" },
  },
}

local function clamp(x, lo, hi) return math.max(lo, math.min(hi, x)) end

function template.build(p, ctx)
  local loc = p.locale
  local mix = {}
  for k, v in pairs(DEFAULT_MIX) do mix[k] = v end
  for k, v in pairs(p.channel_mix) do
    if DEFAULT_MIX[k] == nil then
      error(("b2c_acd: channel_mix has an unknown channel '%s'"):format(tostring(k)), 0)
    end
    if type(v) ~= "number" or v < 0 or v > 1 then
      error(("b2c_acd: channel_mix.%s must be a number from 0 to 1"):format(k), 0)
    end
    mix[k] = v
  end

  local kinds = {}
  for _, k in ipairs(SEQUENCES[p.stages].main) do kinds[#kinds + 1] = k end
  if p.post_purchase then
    for _, k in ipairs(SEQUENCES[p.stages].after) do kinds[#kinds + 1] = k end
  end
  local used_kind = {}
  for _, k in ipairs(kinds) do used_kind[k] = true end

  -- touchpoints from the mix
  local touchpoints, by_kind = {}, {}
  for _, c in ipairs(CHANNELS) do
    local reach = clamp(mix[c.key] * mix[c.side] * 1.5, 0, 1)
    local used = false
    for _, k in ipairs(c.kinds) do
      if used_kind[k] then used = true end
    end
    if reach > 0.005 and used then
      touchpoints[#touchpoints + 1] = cjm.touchpoint {
        id = c.id, name = T(loc, c.name), channel = c.channel, control = c.control,
        timing = c.timing, reach = math.floor(reach * 100 + 0.5) / 100, lift = c.lift,
      }
      for _, k in ipairs(c.kinds) do
        by_kind[k] = by_kind[k] or {}
        table.insert(by_kind[k], c.id)
      end
    end
  end

  -- customers, each with a mood offset
  local gen = personas.generator(ctx.random, loc)
  local group, offsets = {}, {}
  for i = 1, p.segments do
    local id = "customer" .. i
    group[i] = cjm.persona(gen:make { id = id, role = "customer", allow_same = true })
    offsets[i] = ctx.random(-1, 1)
  end

  local phases = {}
  for _, kind in ipairs(kinds) do
    local st = STAGES[kind]
    local involvement, emotions = {}, {}
    for i, person in ipairs(group) do
      involvement[person.id] = "driver"
      -- a persona's curve: the stage's mood, its own offset, and now and
      -- then a one-point swing
      local swing = ctx.random() < 0.25 and ctx.random(-1, 1) or 0
      emotions[person.id] = clamp(st.mood + offsets[i] + swing, -3, 3)
    end
    local phase = cjm.phase {
      id = kind, name = T(loc, st.name), goal = T(loc, st.goal):format(p.product),
      involvement = involvement, emotions = emotions,
      steps = { T(loc, st.step) }, thoughts = { T(loc, st.thought) },
      touchpoints = by_kind[kind] or {},
      transitions = { advance = st.advance, drop = st.drop },
    }
    if st.pain then
      phase.pains = { { id = kind .. "_pain", text = T(loc, st.pain), evidence = "assumption" } }
    end
    if st.opportunity then
      phase.opportunities = { { id = kind .. "_opportunity", text = T(loc, st.opportunity) } }
    end
    phases[#phases + 1] = phase
  end

  local titles = { en = "%s — consumer journey", ja = "%s — 購買ジャーニー", zh = "%s — 消费者旅程" }
  return cjm.journey {
    id = "b2c_acd",
    title = T(loc, titles):format(p.product),
    description = T(loc, {
      en = p.post_purchase and "%d stages and after-purchase phases, %d customer segment%s"
                            or "%d stages, %d customer segment%s",
      ja = p.post_purchase and "%dステージと購入後のフェーズ、顧客セグメント%d%s"
                            or "%dステージ、顧客セグメント%d%s",
      zh = p.post_purchase and "%d个阶段及购后阶段，%d个客户群%s"
                            or "%d个阶段，%d个客户群%s",
    }):format(p.stages, p.segments,
              p.segments ~= 1 and T(loc, { en = "s", ja = "", zh = "" }) or ""),
    kind = "b2c",
    locale = loc,
    personas = group,
    touchpoints = touchpoints,
    phases = phases,
  }
end

return template
