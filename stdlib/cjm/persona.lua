--[[
cjm.persona — seeded, reproducible persona generation.

    local personas = require "cjm.persona"
    local gen = personas.generator(ctx.random, ctx.locale)
    local pic = gen:make { id = "pic", role = "person_in_charge",
                           department = "Marketing", job_title = "Manager" }

Attributes are drawn from role-dependent ranges (age, years of service,
devices, SNS, channels) and locale lists (names for en, ja and zh; other
locales fall back to en).  Everything is drawn from the generator passed
in, iterating lists in order, so the same seed gives the same personas on
every machine.  Within one generator names never repeat, and two personas
with the same role and department are refused unless the spec says
`allow_same = true`.  Fields given in the spec win over drawn ones.
]]

---@class cjm.persona
local M = {}

local NAMES = {
  en = {
    female = { "Emma", "Olivia", "Sophia", "Grace", "Chloe", "Hannah", "Laura",
               "Sarah", "Rachel", "Megan", "Alice", "Julia", "Nora", "Ruth" },
    male = { "James", "Daniel", "Michael", "David", "Thomas", "Ryan", "Lucas",
             "Nathan", "Samuel", "Adam", "Oliver", "Ethan", "Peter", "Mark" },
    family = { "Smith", "Johnson", "Brown", "Taylor", "Walker", "Clarke",
               "Hughes", "Patel", "Nguyen", "Garcia", "Miller", "Wilson",
               "Moore", "Evans", "Turner", "Reed", "Foster", "Bennett" },
    join = function(given, family) return given .. " " .. family end,
  },
  ja = {
    female = { "陽子", "美咲", "結衣", "さくら", "愛", "真由美", "恵", "彩",
               "奈々", "由美", "千尋", "明日香" },
    male = { "健太", "翔太", "大輔", "拓也", "誠", "浩", "直樹", "亮", "隆",
             "和也", "健一", "悠斗" },
    family = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村",
               "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上",
               "木村", "清水" },
    join = function(given, family) return family .. " " .. given end,
  },
  zh = {
    female = { "秀英", "丽", "静", "敏", "婷", "雪", "芳", "琳", "欣怡",
               "晓燕", "佳怡", "梦琪" },
    male = { "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "浩然",
             "子轩", "建国" },
    family = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
               "徐", "孙", "马", "朱", "胡", "郭", "何", "林" },
    join = function(given, family) return family .. given end,
  },
}

local SNS = {
  en = { "LinkedIn", "X", "Instagram", "Facebook", "YouTube", "TikTok" },
  ja = { "LINE", "X", "Instagram", "Facebook", "YouTube", "note" },
  zh = { "WeChat", "Weibo", "Douyin", "Xiaohongshu", "Zhihu", "Bilibili" },
}

local TEXT = {
  en = {
    gender = { female = "female", male = "male" },
    family = { "single", "married", "married, one child", "married, two children",
               "living with a partner", "single parent" },
    education = { "high school", "bachelor's degree", "master's degree", "MBA",
                  "vocational training" },
    income = { "lower middle", "middle", "upper middle", "high" },
    hobbies = { "running", "cooking", "podcasts", "travel", "gaming", "hiking",
                "photography", "reading", "yoga", "football" },
    devices = { laptop = "laptop", smartphone = "smartphone", tablet = "tablet",
                desktop = "desktop PC" },
  },
  ja = {
    gender = { female = "女性", male = "男性" },
    family = { "独身", "既婚", "既婚・子供1人", "既婚・子供2人", "パートナーと同居",
               "ひとり親" },
    education = { "高校卒", "大学卒", "大学院卒", "MBA", "専門学校卒" },
    income = { "中の下", "中", "中の上", "高" },
    hobbies = { "ランニング", "料理", "ポッドキャスト", "旅行", "ゲーム", "登山",
                "写真", "読書", "ヨガ", "サッカー" },
    devices = { laptop = "ノートPC", smartphone = "スマートフォン",
                tablet = "タブレット", desktop = "デスクトップPC" },
  },
  zh = {
    gender = { female = "女", male = "男" },
    family = { "单身", "已婚", "已婚，一个孩子", "已婚，两个孩子", "与伴侣同居", "单亲" },
    education = { "高中", "本科", "硕士", "MBA", "职业培训" },
    income = { "中低", "中等", "中上", "高" },
    hobbies = { "跑步", "烹饪", "播客", "旅行", "游戏", "徒步", "摄影", "阅读",
                "瑜伽", "足球" },
    devices = { laptop = "笔记本电脑", smartphone = "智能手机", tablet = "平板电脑",
                desktop = "台式电脑" },
  },
}

-- Role profiles: age and tenure ranges, device kinds, preferred channels.
local ROLES = {
  person_in_charge = { age = { 27, 42 }, tenure = { 2, 12 },
                       devices = { "laptop", "smartphone" },
                       channels = { "search", "website", "webinar", "email",
                                    "review_site" } },
  decision_maker = { age = { 38, 58 }, tenure = { 8, 25 },
                     devices = { "laptop", "smartphone", "tablet" },
                     channels = { "sales_rep", "event", "email", "partner" } },
  approver = { age = { 40, 62 }, tenure = { 10, 30 },
               devices = { "desktop", "smartphone" },
               channels = { "email", "documentation", "sales_rep" } },
  manager = { age = { 32, 50 }, tenure = { 5, 18 },
              devices = { "laptop", "smartphone" },
              channels = { "email", "webinar", "website", "event" } },
  user = { age = { 23, 45 }, tenure = { 1, 10 },
           devices = { "desktop", "smartphone" },
           channels = { "app", "documentation", "community", "chat" } },
  influencer = { age = { 28, 55 }, tenure = { 3, 20 },
                 devices = { "laptop", "smartphone" },
                 channels = { "review_site", "community", "event", "sns" } },
  customer = { age = { 19, 70 }, tenure = nil,
               devices = { "smartphone", "laptop", "tablet" },
               channels = { "sns", "search", "website", "store", "app",
                            "email", "word_of_mouth" } },
  other = { age = { 20, 65 }, tenure = nil, devices = { "smartphone" },
            channels = { "website", "email" } },
}

local function sample(rng, list, k)
  local copy = {}
  for i, v in ipairs(list) do copy[i] = v end
  rng:shuffle(copy)
  local out = {}
  for i = 1, math.min(k, #copy) do out[i] = copy[i] end
  return out
end

---A persona generator: names unique within it, attributes drawn by role.
---@class cjm.PersonaGenerator
---@field rng cjm.Random
---@field locale string
local Generator = {}
Generator.__index = Generator

--- personas.generator(rng, locale) -> a generator with :make(spec).
---@param rng cjm.Random ctx.random
---@param locale? string en, ja or zh (others fall back to en)
---@return cjm.PersonaGenerator
function M.generator(rng, locale)
  if rng == nil then
    error("cjm.persona.generator needs a random generator (ctx.random)", 2)
  end
  local loc = NAMES[locale] and locale or "en"
  return setmetatable({ rng = rng, locale = loc, names = {}, givens = {}, families = {},
                        roles = {} }, Generator)
end

-- A name not used before by this generator: neither its given name nor
-- its family name is repeated within the group (so a stakeholder lane
-- that shows one of them is never ambiguous) while the locale's lists
-- last; after that, only the full name is unique.
---@param gender "female"|"male"
---@return string
function Generator:name(gender)
  local lists = NAMES[self.locale]
  local fresh = function(list, used)
    local out = {}
    for _, n in ipairs(list) do
      if not used[n] then out[#out + 1] = n end
    end
    return out
  end
  local givens = fresh(lists[gender], self.givens)
  local families = fresh(lists.family, self.families)
  if #givens > 0 and #families > 0 then
    local given, family = self.rng:pick(givens), self.rng:pick(families)
    self.givens[given], self.families[family] = true, true
    local name = lists.join(given, family)
    self.names[name] = true
    return name
  end
  for _ = 1, 200 do
    local name = lists.join(self.rng:pick(lists[gender]), self.rng:pick(lists.family))
    if not self.names[name] then
      self.names[name] = true
      return name
    end
  end
  error("cjm.persona: ran out of distinct names", 3)
end

--- gen:make(spec) -> a persona table.  SPEC needs id and may give role
-- (default customer), department, job_title, gender, age and any other
-- persona field; the rest is drawn.
---@param spec cjm.Persona|{ allow_same?: boolean, gender_key?: "female"|"male" }
---@return cjm.Persona
function Generator:make(spec)
  spec = spec or {}
  if type(spec.id) ~= "string" then
    error("cjm.persona: make{} needs an id", 2)
  end
  local role = spec.role or "customer"
  local profile = ROLES[role]
  if not profile then
    error(("cjm.persona: unknown role '%s'"):format(tostring(role)), 2)
  end
  local key = role .. "\0" .. tostring(spec.department or "")
  if self.roles[key] and not spec.allow_same then
    error(("cjm.persona: a second %s in %s; pass allow_same = true if you "
           .. "mean it"):format(role, spec.department or "no department"), 2)
  end
  self.roles[key] = true

  local rng, text = self.rng, TEXT[self.locale]
  local gender = spec.gender_key or (rng() < 0.5 and "female" or "male")
  local p = {
    id = spec.id,
    role = role,
    gender = text.gender[gender],
    age = rng(profile.age[1], profile.age[2]),
    family = rng:pick(text.family),
    education = rng:pick(text.education),
    income = rng:pick(text.income),
    hobbies = sample(rng, text.hobbies, 2),
    sns = sample(rng, SNS[self.locale], rng(1, 3)),
    channels = sample(rng, profile.channels, rng(2, 3)),
  }
  p.name = self:name(gender)
  local devices = {}
  for i, d in ipairs(sample(rng, profile.devices, rng(1, #profile.devices))) do
    devices[i] = text.devices[d]
  end
  p.devices = devices
  if profile.tenure then
    local most = math.min(profile.tenure[2], p.age - 20)
    p.tenure_years = rng(math.min(profile.tenure[1], most), most)
  end
  for k, v in pairs(spec) do
    if k ~= "allow_same" and k ~= "gender_key" then p[k] = v end
  end
  return p
end

M.roles = ROLES
return M
