"""check_templates.py CJM: property tests of the built-in templates over
their parameter ranges (company sizes 1..100,000, every stage count,
every segment count, every category, every locale).

For every build: the journey validates; ids and persona names are unique,
and so are given and family names within a group; no text carries a
format slot, a broken phrase or another category's words or product.
b2b_approval: roles and stakeholders only accumulate as the company grows.
b2c_acd: segments differ.  Every template: an override of a phase by id
changes that phase and no other.  Prints a summary; exits 1 on a failure.
"""
import itertools, json, os, re, subprocess, sys, tempfile

CJM = sys.argv[1]
TMP = tempfile.mkdtemp()
failures = []
builds = 0


def fail(msg):
    failures.append(msg)
    if len(failures) <= 20:
        print("FAIL:", msg)


def build(doc, name="t"):
    global builds
    builds += 1
    path = os.path.join(TMP, name + ".yaml")
    with open(path, "w") as f:
        f.write(doc)
    run = subprocess.run([CJM, "build", path, "-f", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"{doc.strip()!r}: cjm build exit {run.returncode}: {run.stderr[:300]}")
        return None
    return json.loads(run.stdout)


def texts(x):
    """Every text value of a journey (not keys, not ids)."""
    if isinstance(x, dict):
        for k, v in x.items():
            if k not in ("id", "channel", "channels", "role", "kind", "locale", "control", "timing"):
                yield from texts(v)
    elif isinstance(x, list):
        for v in x:
            yield from texts(v)
    elif isinstance(x, str):
        yield x


BROKEN = re.compile(r"%[sd]|\bnil\b|\{|\}|  |\bwhat .{1,60} is[.?!]?$|^\s|\s$|\ba an\b|\ban a\b", re.I)


def common(j, label, product=None, foreign=()):
    for key in ("personas", "phases", "touchpoints"):
        ids = [x["id"] for x in j.get(key, [])]
        if len(set(ids)) != len(ids):
            fail(f"{label}: {key} ids repeat: {ids}")
    names = [p["name"] for p in j["personas"]]
    if len(set(names)) != len(names):
        fail(f"{label}: persona names repeat: {names}")
    people = [p for p in j["personas"] if "age" in p]          # generated people
    if j["locale"] == "zh":
        parts = [[p["name"][0], p["name"][1:]] for p in people]
    else:
        parts = [p["name"].split(" ", 1) for p in people]
    for i, what in ((0, "first"), (1, "second")):
        part = [x[i] for x in parts if len(x) == 2]
        if len(set(part)) != len(part):
            fail(f"{label}: {what} names repeat within the group: {[p['name'] for p in people]}")
    for t in texts({k: v for k, v in j.items() if k != "maps"}):
        if BROKEN.search(t):
            fail(f"{label}: a broken phrase: {t!r}")
        for w in foreign:
            if re.search(r"\b" + re.escape(w) + r"s?\b", t, re.I):
                fail(f"{label}: another category's word {w!r} in {t!r}")
    if product and product not in j["title"]:
        fail(f"{label}: the product {product!r} is not in the title {j['title']!r}")


# ---- b2b_approval --------------------------------------------------------
B2B_WORDS = {
    "analytics": ["dashboard", "analytics", "campaign"], "hr_payroll": ["payroll", "payslip"],
    "security": ["phishing", "alert", "security software"], "crm": ["CRM", "forecast"],
    "accounting": ["invoice", "ledger", "bank"], "software": [],
}
B2B_PRODUCTS = {"analytics": "Analytics dashboard", "hr_payroll": "Payroll software",
                "security": "Endpoint security", "crm": "CRM", "accounting": "Accounting software",
                "software": "Business software"}
SIZES = [1, 9, 10, 19, 20, 49, 50, 99, 100, 249, 250, 999, 1000, 4999, 5000, 100000]
for cat, loc in itertools.product(B2B_WORDS, ("en", "ja", "zh")):
    prev_roles, prev_ids = set(), set()
    for n in SIZES:
        label = f"b2b_approval {cat} {loc} {n}"
        j = build(f"template: b2b_approval\nparams: {{ employees: {n}, category: {cat}, "
                  f"locale: {loc}, product: Zq Kit }}\n")
        if not j:
            continue
        foreign = [w for c, ws in B2B_WORDS.items() if c != cat for w in ws] if loc == "en" else []
        foreign += [p for c, p in B2B_PRODUCTS.items() if c != cat and loc == "en" and c != "crm"]
        common(j, label, "Zq Kit", foreign)
        roles = {p["role"] for p in j["personas"]}
        ids = {p["id"] for p in j["personas"]}
        if not prev_roles <= roles:
            fail(f"{label}: roles disappear as the company grows: {prev_roles - roles}")
        if not prev_ids <= ids:
            fail(f"{label}: stakeholders disappear as the company grows: {prev_ids - ids}")
        for need in ("person_in_charge", "decision_maker"):
            if need not in roles:
                fail(f"{label}: no {need}")
        if n >= 20 and not {"user", "influencer"} <= roles:
            fail(f"{label}: no user or influencer at {n} employees")
        if n >= 100 and "approver" not in roles:
            fail(f"{label}: no approver at {n} employees")
        drivers = {k for ph in j["phases"] for k, v in ph.get("involvement", {}).items() if v == "driver"}
        if "pic" not in drivers:
            fail(f"{label}: the person in charge drives no phase")
        gates = {k for ph in j["phases"] for k, v in ph.get("involvement", {}).items() if v == "gatekeeper"}
        approvers = {p["id"] for p in j["personas"] if p["role"] == "approver"}
        if not approvers <= gates:
            fail(f"{label}: approvers who gate nothing: {approvers - gates}")
        prev_roles, prev_ids = roles, ids

# ---- b2c_acd -------------------------------------------------------------
B2C_WORDS = {
    "apparel": ["size", "colour", "wear"], "electronics": ["specs", "model", "compatibility checker"],
    "subscription": ["plan", "how to cancel"], "groceries": ["fresh", "delivery slot", "per unit"],
    "beauty": ["shade", "skin"], "travel": ["trip", "cancellation terms", "a room"], "general": [],
}
for cat, loc, stages, post, seg in itertools.product(B2C_WORDS, ("en", "ja", "zh"), (3, 5),
                                                     ("true", "false"), (1, 2, 6)):
    label = f"b2c_acd {cat} {loc} stages={stages} post={post} segments={seg}"
    j = build(f"template: b2c_acd\nparams: {{ category: {cat}, locale: {loc}, stages: {stages}, "
              f"post_purchase: {post}, segments: {seg}, product: Zq Kit }}\n")
    if not j:
        continue
    foreign = [w for c, ws in B2C_WORDS.items() if c != cat for w in ws] if loc == "en" else []
    common(j, label, "Zq Kit", foreign)
    if len(j["personas"]) != seg:
        fail(f"{label}: {len(j['personas'])} segments")
    inv = [json.dumps([ph.get("involvement", {}).get(p["id"], "none") for ph in j["phases"]])
           for p in j["personas"]]
    if len(set(inv)) != len(inv) and stages == 5 and post == "true":
        fail(f"{label}: two segments with the same involvement")
    for p in j["personas"]:
        if all(ph.get("involvement", {}).get(p["id"]) == "driver" for ph in j["phases"]):
            fail(f"{label}: {p['id']} drives every phase")

# ---- seven_step ----------------------------------------------------------
for journey, pace, loc in itertools.product(("b2b_approval", "b2c_acd"), ("fast", "standard", "thorough"),
                                            ("en", "ja", "zh")):
    label = f"seven_step {journey} {pace} {loc}"
    j = build(f"template: seven_step\nparams: {{ journey: {journey}, pace: {pace}, locale: {loc} }}\n")
    if not j:
        continue
    common(j, label)
    if not j.get("maps", {}).get("phases"):
        fail(f"{label}: no customer journey under maps")

# ---- an override of a phase by id changes that phase and no other ---------
for tmpl, params in (("b2b_approval", "{ employees: 5000 }"), ("b2c_acd", "{ stages: 5, post_purchase: true }"),
                     ("seven_step", "{}")):
    base = build(f"template: {tmpl}\nparams: {params}\n")
    if not base:
        continue
    for ph in base["phases"]:
        label = f"{tmpl}: override of phase {ph['id']}"
        j = build(f"template: {tmpl}\nparams: {params}\nphases:\n  - {{ id: {ph['id']}, name: Renamed, "
                  f"goal: Another goal }}\n")
        if not j:
            continue
        expect = json.loads(json.dumps(base))
        for e in expect["phases"]:
            if e["id"] == ph["id"]:
                e["name"], e["goal"] = "Renamed", "Another goal"
        if j != expect:
            changed = [a["id"] for a, b in zip(j["phases"], expect["phases"]) if a != b]
            fail(f"{label}: other parts changed too (phases {changed})")

print(f"template properties: {builds} builds, {len(failures)} failures")
sys.exit(1 if failures else 0)
