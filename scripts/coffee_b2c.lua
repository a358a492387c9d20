-- A B2C journey written in Lua: a coffee subscription bought online.
-- The script returns the same structure a YAML journey has; loops and
-- helper functions keep repetitive parts short.
--   cjm check scripts/coffee_b2c.lua
--   cjm build scripts/coffee_b2c.lua -o coffee.yaml
local cjm = require "cjm"

local personas = {
  cjm.persona {
    id = "mia", name = "Mia Keller", role = "customer", age = 29,
    gender = "female", location = "Hamburg", family = "single",
    hobbies = { "specialty coffee", "cycling" },
    sns = { "Instagram", "TikTok" }, devices = { "smartphone" },
    channels = { "sns", "app", "email" },
    goals = { "Good coffee without thinking about it" },
    pains = { "Runs out of beans on Monday mornings" },
    quote = "If it shows up before I run out, I'm in.",
  },
  cjm.persona {
    id = "tom", name = "Tom Becker", role = "customer", age = 41,
    family = "married, two children", devices = { "laptop", "smartphone" },
    channels = { "search", "review_site" },
    goals = { "A good deal for the whole family" },
    quote = "Is it cheaper than the supermarket?",
  },
}

local touchpoints = {
  cjm.touchpoint { id = "insta", name = "Instagram ads", channel = "ads",
                   timing = "before", reach = 0.5, lift = 1.2 },
  cjm.touchpoint { id = "friends", name = "Friends' recommendations",
                   channel = "word_of_mouth", control = "indirect",
                   timing = "before", reach = 0.1, lift = 2.0 },
  cjm.touchpoint { id = "site", name = "Shop website", channel = "website",
                   reach = 0.9, lift = 1.1 },
  cjm.touchpoint { id = "reviews", name = "Review sites",
                   channel = "review_site", control = "indirect",
                   timing = "before", reach = 0.3, lift = 1.3 },
  cjm.touchpoint { id = "mail", name = "Shipping e-mails", channel = "email",
                   timing = "after", reach = 0.8 },
}

-- phase(id, name, advance, emotions for mia and tom, touchpoints, extra)
local function phase(id, name, advance, mia, tom, tps, extra)
  local p = cjm.phase {
    id = id, name = name,
    involvement = { mia = "driver", tom = "driver" },
    emotions = { mia = mia, tom = tom },
    touchpoints = tps,
    transitions = { advance = advance, drop = 0.02 },
  }
  for k, v in pairs(extra or {}) do p[k] = v end
  return p
end

return cjm.journey {
  id = "coffee_b2c",
  title = "Bean Box — coffee subscription",
  kind = "b2c",
  locale = "en",
  personas = personas,
  touchpoints = touchpoints,
  phases = {
    phase("awareness", "Awareness", 0.05, 0, 0, { "insta", "friends" }, {
      goal = "Hear about Bean Box",
      thoughts = { "That latte art looks great." },
      opportunities = { cjm.opportunity("Referral codes for friends",
                                         { id = "referrals" }) },
    }),
    phase("consideration", "Consideration", 0.10, 1, -1,
          { "site", "reviews" }, {
      goal = "Decide whether a subscription is worth it",
      pains = { cjm.pain("Unclear how to pause deliveries",
                         { id = "pause_unclear", evidence = "qualitative" }) },
    }),
    phase("decision", "Decision", 0.20, 2, 0, { "site" }, {
      goal = "Choose beans and a rhythm",
      pains = { cjm.pain("Too many bean choices", { id = "choice_overload" }) },
    }),
    phase("use", "First deliveries", 0.08, 3, 1, { "mail" }, {
      goal = "Enjoy the first bag",
      thoughts = { "It arrived before I ran out!" },
    }),
  },
  actions = {
    cjm.action { id = "pause_faq", title = "Explain pausing on the product page",
                 addresses = { "pause_unclear" }, phase = "consideration",
                 owner = "E-commerce", impact = 3, effort = 1, confidence = 0.8,
                 horizon = "now",
                 effect = { phase = "consideration", advance = "*1.2" } },
  },
  scenarios = {
    cjm.scenario { id = "referral_push", name = "Referral programme",
                   changes = { { touchpoint = "friends", reach = 0.25 } } },
  },
}
