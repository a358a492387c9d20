---@meta
-- The journey format for lua-language-server: a class per table the
-- validator reads, written by `cjm schema --lua`.  Do not edit; run
-- `make schema` after changing the tables in engine/model/model.c.

---@alias cjm.JourneyKind "b2b"|"b2c"|"other"
---@alias cjm.PersonaRole "person_in_charge"|"decision_maker"|"approver"|"manager"|"user"|"influencer"|"customer"|"other"
---@alias cjm.TouchpointChannel "website"|"inquiry_form"|"sns"|"messenger"|"search"|"ads"|"email"|"event"|"webinar"|"store"|"contact_center"|"phone"|"sales_rep"|"partner"|"review_site"|"word_of_mouth"|"app"|"chat"|"video"|"community"|"documentation"|"trial"|"portal"|"print"|"direct_mail"|"tv"|"other"
---@alias cjm.TouchpointControl "direct"|"indirect"
---@alias cjm.TouchpointTiming "before"|"during"|"after"
---@alias cjm.EvidenceLevel "none"|"assumption"|"workshop"|"qualitative"|"quantitative"
---@alias cjm.TimeUnit "minutes"|"days"
---@alias cjm.Involvement "none"|"participant"|"driver"|"gatekeeper"
---An edit: 0.4 sets; "*1.2" multiplies; "+0.05" and "-0.05" add; "=0.4" sets
---@alias cjm.Edit number|string
---Cards: text, a card, or a list of them
---@alias cjm.Cards string|cjm.Card|(string|cjm.Card)[]

---@class cjm.Journey
---@field id string The journey's id: letters, digits, _ and -, starting with a letter
---@field title string|number The title shown on the map and in reports
---@field description? string|number What the journey is about
---@field kind? cjm.JourneyKind b2b, b2c or other (default other)
---@field locale? string Language of the journey's text: en, ja, zh, zh-Hant... (default en)
---@field horizon? integer Simulation horizon in days (default 365)
---@field personas cjm.Persona[] The people on the journey (at least one)
---@field touchpoints? cjm.Touchpoint[] Where the company and the customer meet: channels, with reach and lift
---@field phases cjm.Phase[] The phases, in chronological order (at least one)
---@field actions? cjm.Action[] The action plan: what to change, against which pains
---@field scenarios? cjm.Scenario[] What-if changes for the simulator
---@field value? number|cjm.Value What a conversion is worth (a deal size): a number, or {mean, sd} when deals vary
---@field currency? string|number The unit of costs and values in reports (EUR, USD, ...)
---@field segments? cjm.Segment[] Parts of the journeys with numbers of their own, simulated as a mix
---@field arrivals? cjm.Arrivals New journeys over the calendar, for a weekly forecast: {per_week} or {weeks: [...]}
---@field start? table<string, number> Where journeys start: phase id to a share, adding up to 1 (default: the first phase)
---@field outcomes? cjm.Outcome[] Named ends besides dropping out (default: converted, after the last phase)
---@field maps? cjm.Journey For a mapping project: the customer journey it maps, whole (cjm plan plans it)

---@class cjm.Persona
---@field id string The persona's id, used in involvement and emotions
---@field name string|number The persona's name (an override that renames a persona describes another person: of what was generated only id and role stay)
---@field role? cjm.PersonaRole Role in the journey (default customer)
---@field description? string|number A short description
---@field age? integer Age in years
---@field gender? string|number Gender, in the persona's own words
---@field location? string|number Where the persona lives or works
---@field department? string|number Department (B2B)
---@field job_title? string|number Job title (B2B)
---@field tenure_years? number Years with the organization
---@field education? string|number Education
---@field income? string|number Income band
---@field family? string|number Family situation
---@field hobbies? string|string[] Hobbies
---@field sns? string|string[] Social networks used
---@field devices? string|string[] Devices used
---@field channels? string|string[] Channels the persona prefers
---@field goals? string|string[] What the persona wants to achieve
---@field pains? string|string[] What frustrates the persona
---@field joys? string|string[] What delights the persona
---@field values? string|string[] What the persona values
---@field quote? string|number A quote in the persona's voice
---@field photo? string|number A PNG or JPEG file, relative to the journey's folder and inside it
---@field suppress? string|string[] Lint rules switched off here, each "rule-id: why" (cjm lint)

---@class cjm.Touchpoint
---@field id string The touchpoint's id, used in phases and scenarios
---@field name string|number The touchpoint's name
---@field channel cjm.TouchpointChannel The channel
---@field description? string|number What happens at the touchpoint
---@field control? cjm.TouchpointControl direct (default): the company runs it; indirect: others do
---@field timing? cjm.TouchpointTiming before, during (default) or after the purchase
---@field online? boolean Online or offline (default: from the channel)
---@field owner? string|number Who owns the touchpoint
---@field reach? number Chance of exposure per day in a phase that uses it (default 1)
---@field lift? number Multiplier on the phase's advance probability when exposed (default 1)
---@field evidence? cjm.EvidenceLevel|cjm.Evidence How well the touchpoint's figures are backed
---@field cost? cjm.Cost What it costs: {per_exposure, fixed}
---@field suppress? string|string[] Lint rules switched off here, each "rule-id: why" (cjm lint)

---@class cjm.Phase
---@field id string The phase's id
---@field name string|number The phase's name
---@field goal? string|number What the customer wants from this phase
---@field description? string|number What happens in the phase
---@field involvement? table<string, cjm.Involvement> Persona id to driver, participant, gatekeeper (must approve before the journey moves on) or none
---@field steps? cjm.Cards Steps the customer takes (cards)
---@field actions? cjm.Cards Customer actions (cards)
---@field thoughts? cjm.Cards What the customer thinks (cards)
---@field emotions? table<string, number|cjm.Emotion> Persona id to a score on -3..+3, or {score, note, evidence}
---@field pains? cjm.Cards Pain points (cards; an id is generated when missing)
---@field opportunities? cjm.Cards Opportunities (cards; an id is generated when missing)
---@field needs? cjm.Cards What the customer needs here (cards)
---@field activities? string|string[] Activities (project journeys)
---@field content? string|string[] Content the customer looks for
---@field deliverables? string|string[] Work products of the phase (project journeys)
---@field questions? string|string[] Questions to ask (project journeys)
---@field touchpoints? string|string[] Ids of the touchpoints used in this phase
---@field blueprint? cjm.Blueprint Service blueprint lanes and links
---@field transitions? cjm.Transitions Daily probabilities of moving on, dropping out and going back; approvals
---@field duration? number|cjm.Duration Triangular holding time in days {min, mode, max}, or one number (instead of advance)
---@field time_budget? number|cjm.Time The time the phase should take: minutes, or {standard, tolerance, unit}
---@field cost? cjm.Cost What the phase costs: {per_day, per_entry, fixed}
---@field suppress? string|string[] Lint rules switched off here, each "rule-id: why" (cjm lint)

---@class cjm.Action
---@field id string The action's id
---@field title string|number What to do
---@field description? string|number Details
---@field addresses? string|string[] Ids of the pains and opportunities it addresses
---@field phase? string The phase it changes
---@field owner? string|number Who does it
---@field impact? integer Expected impact, 1..5 (default 3)
---@field effort? number Effort (default 3)
---@field confidence? number Confidence in the impact, 0..1 (default 0.5)
---@field kpi? string|number How success is measured
---@field horizon? "now"|"next"|"later"|string now, next (default), later or a date YYYY-MM-DD
---@field effect? cjm.Change|cjm.Change[] The change the action makes, for the simulator
---@field lanes? string|string[] Blueprint lanes it changes

---@class cjm.Scenario
---@field id string The scenario's id (cjm simulate --scenario)
---@field name? string|number The scenario's name
---@field description? string|number What the scenario tries
---@field changes? cjm.Change|cjm.Change[] Changes to phases and touchpoints
---@field journey? cjm.Journey A whole journey the scenario runs on instead (what a Lua apply function returns); checked with the journey
---@field apply? fun(journey: cjm.Journey): cjm.Journey? A function of a copy of the journey (Lua only): its result is the scenario's journey

---@class cjm.Card
---@field id? string The card's id, unique across the journey
---@field text string|number The card's text
---@field evidence? cjm.EvidenceLevel|cjm.Evidence How well the claim is backed
---@field fail_point? string|cjm.FailPoint What can go wrong here: text, or {text, rate}
---@field time? number|cjm.Time Time taken: minutes, or {standard, tolerance, unit}
---@field personas? string|string[] The personas (ids) the card belongs to; none: every persona
---@field score? integer How the step felt, 1 (bad) to 5 (good): a Mermaid journey task's score
---@field suppress? string|string[] Lint rules switched off here, each "rule-id: why" (cjm lint)

---@class cjm.Change
---@field phase? string The phase changed
---@field touchpoint? string The touchpoint changed
---@field advance? cjm.Edit Edit of the daily advance probability
---@field drop? cjm.Edit Edit of the daily drop probability
---@field back? table<string, cjm.Edit> Phase id to an edit of the back probability
---@field approve? table<string, cjm.Edit> Gatekeeper id to an edit of the approval probability
---@field duration? cjm.Edit|cjm.DurationEdit Edit of the duration: one edit for all, or {min, mode, max}
---@field reach? cjm.Edit Edit of the touchpoint's reach
---@field lift? cjm.Edit Edit of the touchpoint's lift
---@field remove? boolean Remove the phase or touchpoint
---@field add_touchpoint? cjm.Touchpoint Scenarios: a touchpoint to add, used in the phases `to` names
---@field to? string|string[] The phases (ids) that use the added touchpoint
---@field add_phase? cjm.Phase Scenarios: a phase to add, after the phase `after` names (else last)
---@field after? string The phase (id) the added phase follows
---@field goes_to? table<string, number> Where journeys moving on from the phase go instead: phase or outcome id to a probability, adding up to 1 (replaces its transitions.to)

---@class cjm.Outcome
---@field id string The outcome's id, which transitions.to names
---@field name? string|number What the outcome is called in reports
---@field success? boolean Whether reaching it counts as conversion (default false)
---@field value? number What reaching it is worth (default: the journey's value for success, else 0)

---@class cjm.Segment
---@field id string The segment's id
---@field name? string|number What the segment is called in reports
---@field persona? string The persona the segment stands for, if any
---@field share number Its share of the journeys (the segments' shares add up to 1)
---@field changes? cjm.Change|cjm.Change[] How its numbers differ: changes as a scenario's (transitions, reach, lift)

---@class cjm.Cost
---@field per_exposure? number Touchpoints: the cost of one exposure (a journey reached on one day)
---@field per_day? number Phases: the cost of one journey-day spent in the phase
---@field per_entry? number Phases: the cost of one journey entering the phase
---@field fixed? number A fixed cost of running it, once per cohort

---@class cjm.Arrivals
---@field per_week? number New journeys every week, steadily
---@field weeks? number[] New journeys week by week (a campaign calendar), from week 1
---@field forecast_weeks? integer How many weeks to forecast (default: the horizon's)

---@class cjm.Value
---@field mean number The mean deal size
---@field sd? number Its standard deviation (for the forecast's intervals of value)

---@class cjm.Evidence
---@field level cjm.EvidenceLevel How well it is backed
---@field source? string|number Where the evidence comes from

---@class cjm.Time
---@field standard number The standard time
---@field tolerance? number How far from the standard is still fine
---@field unit? cjm.TimeUnit minutes (default) or days

---@class cjm.FailPoint
---@field text string|number What goes wrong
---@field rate? number How often it goes wrong, 0..1

---@class cjm.DurationEdit
---@field min? cjm.Edit Edit of the shortest duration
---@field mode? cjm.Edit Edit of the most likely duration
---@field max? cjm.Edit Edit of the longest duration

---@class cjm.Emotion
---@field score number The score, -3..+3
---@field note? string|number Why
---@field evidence? cjm.EvidenceLevel|cjm.Evidence How well the score is backed

---@class cjm.Transitions
---@field advance? number Daily probability of moving to the next phase
---@field drop? number Daily probability of leaving the journey
---@field back? table<string, number> Earlier phase id to a daily probability of going back
---@field approve? table<string, number> Gatekeeper id to the probability that one attempt is approved (default 1)
---@field to? table<string, number> Where a journey that moves on goes: phase or outcome id to a probability, adding up to 1 (default: the next phase; after the last, converted)

---@class cjm.Duration
---@field min number Shortest stay in days
---@field mode number Most likely stay in days
---@field max number Longest stay in days

---@class cjm.Link
---@field from string The card the link starts at
---@field to string The card the link ends at

---@class cjm.Blueprint
---@field evidence? cjm.Cards Physical evidence (cards)
---@field customer? cjm.Cards Customer actions (cards)
---@field frontstage? cjm.Cards Frontstage actions: what the customer sees (cards)
---@field backstage? cjm.Cards Backstage actions (cards)
---@field support? cjm.Cards Support processes (cards)
---@field links? cjm.Link[] Links between cards: {from, to}

---@alias cjm.ParamType "number"|"integer"|"string"|"boolean"|"choice"|"list"|"map"

---A template parameter's spec: cjm checks every value against it before
---build runs.
---@class cjm.Param
---@field type cjm.ParamType
---@field default? any The value when the journey file gives none (none: required)
---@field min? number The smallest value (number, integer)
---@field max? number The largest value (number, integer)
---@field choices? (string|number)[] The values allowed (choice)
---@field doc? string What the parameter does, shown by cjm templates NAME

---A seeded random generator: the same seed gives the same draws everywhere.
---r() a float in [0, 1); r(n) an integer in 1..n; r(m, n) one in m..n.
---@class cjm.Random
---@overload fun(): number
---@overload fun(n: integer): integer
---@overload fun(m: integer, n: integer): integer
---@field pick fun(self: cjm.Random, list: any[]): any A random element of a non-empty list
---@field shuffle fun(self: cjm.Random, list: any[]): any[] Shuffles LIST in place and returns it
---@field normal fun(self: cjm.Random, mean: number, sd: number): number A normal draw

---What build and finish receive besides the parameters.
---@class cjm.Ctx
---@field random cjm.Random The seeded generator (--seed)
---@field seed integer The seed
---@field locale string The journey's locale (en, ja, zh...)
---@field template string The template's name
---@field load fun(path: string): table A journey file beside the journey, as a table

---A template: what a Lua module returns to be used as `template: NAME`.
---@class cjm.Template
---@field name string The template's name
---@field summary? string One line shown by cjm templates
---@field params? table<string, cjm.Param> The parameters, by name
---@field build fun(params: table, ctx: cjm.Ctx): cjm.Journey Generates the journey
---@field finish? fun(journey: cjm.Journey, params: table, ctx: cjm.Ctx): cjm.Journey? Runs after the journey file's overrides
