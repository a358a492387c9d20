# cjm plan: coverage, the RICE score by hand, ranking by exact uplift per
# effort, Markdown, CSV and JSON that parse back and agree, the PDF's pages
# and labels.
set -e
cat > j.yaml <<'YAML'
id: p
title: Plan test
personas: [{ id: a, name: Ann }, { id: g, name: Gus }]
phases:
  - id: one
    name: One
    involvement: { a: driver }
    pains: [{ id: slow, text: Too slow }]
    transitions: { advance: 0.2, drop: 0.05 }
  - id: two
    name: Two
    involvement: { a: driver, g: gatekeeper }
    pains: [{ id: dear, text: Too dear }, { id: vague, text: Vague terms }]
    opportunities: [{ id: bundle, text: Offer a bundle }]
    transitions: { advance: 0.1, drop: 0.05, approve: { g: 0.5 } }
actions:
  - { id: faster, title: Faster pages, addresses: [slow], phase: one, impact: 4, effort: 2,
      confidence: 0.8, effect: { phase: one, advance: "*1.5" } }
  - { id: discount, title: Discount, addresses: [dear], phase: two, impact: 5, effort: 4,
      confidence: 0.3, effect: { phase: two, approve: { g: 0.9 } } }
  - { id: bundle_it, title: Bundle, addresses: [bundle], phase: two, impact: 2, effort: 1,
      confidence: 0.5, horizon: later }
YAML
"$CJM" plan j.yaml -o plan.csv
"$CJM" plan j.yaml -o plan0.json
"$CJM" simulate j.yaml --exact -o sim.json
python3 - <<'PY'
import csv, json
rows = list(csv.DictReader(open("plan.csv", newline="")))
acts = {r["id"]: r for r in rows}
gaps = {g["id"]: g for g in json.load(open("plan0.json"))["unaddressed"]}
sim = json.load(open("sim.json"))["scenarios"][0]["exact"]
reach = {p["phase"]: p["entered"] for p in sim["phases"]}
# RICE = reach x impact x confidence / effort, reach = share entering the phase
for aid, impact, conf, effort, phase in (("faster", 4, .8, 2, "one"), ("discount", 5, .3, 4, "two"),
                                          ("bundle_it", 2, .5, 1, "two")):
    want = reach[phase] * impact * conf / effort
    assert abs(float(acts[aid]["rice"]) - want) < 1e-5, (aid, acts[aid]["rice"], want)
assert abs(float(acts["faster"]["reach"]) - 1) < 1e-9
# coverage: the one pain no action addresses
assert set(gaps) == {"vague"}, gaps
assert gaps["vague"]["kind"] == "pain"
# ranked by exact uplift per effort; actions without an effect come last
ranked = [r["id"] for r in sorted(acts.values(), key=lambda r: int(r["rank"]))]
withfx = [a for a in ranked if acts[a]["uplift"]]
assert ranked[-1] == "bundle_it"
assert withfx == sorted(withfx, key=lambda a: -float(acts[a]["uplift"]) / float(acts[a]["effort"]))
PY
# each action's uplift agrees with simulating its effect as a scenario
printf 'scenarios:\n  - { id: s_faster, changes: [{ phase: one, advance: "*1.5" }] }\n' >> j.yaml
"$CJM" simulate j.yaml --exact --scenario s_faster -o s.json
python3 - <<'PY'
import csv, json
r = json.load(open("s.json"))["scenarios"]
gain = r[1]["exact"]["converted"] - r[0]["exact"]["converted"]
acts = {x["id"]: x for x in csv.DictReader(open("plan.csv", newline=""))}
assert abs(float(acts["faster"]["uplift"]) - gain) < 1e-5, (acts["faster"]["uplift"], gain)
PY
# the Monte Carlo ranking agrees with the exact one here
"$CJM" plan j.yaml --simulate -n 200000 -o plan.json
python3 - <<'PY'
import json
acts = json.load(open("plan.json"))["actions"]
fx = [a for a in acts if "uplift" in a]
effort = {"faster": 2, "discount": 4}
by_exact = sorted(fx, key=lambda a: -a["uplift"] / effort[a["id"]])
by_mc = sorted(fx, key=lambda a: -a["uplift_mc"] / effort[a["id"]])
assert [a["id"] for a in fx] == [a["id"] for a in by_exact] == [a["id"] for a in by_mc], fx
for a in fx:
    assert abs(a["uplift_mc"] - a["uplift"]) < 4 * a["uplift_ci95"] / 1.96 + 1e-4, a
    assert abs(a["days_saved_mc"] - a["days_saved"]) < 4 * a["days_saved_ci95"] / 1.96 + 1e-3, a
PY
# Markdown: a table row per action, the low-confidence flag, the gaps
"$CJM" plan j.yaml -o plan.md
python3 - <<'PY'
lines = open("plan.md").read().splitlines()
start = lines.index("## Actions")
rows = [l for l in lines[start:lines.index("## Unaddressed pains and opportunities")]
        if l.startswith("| ") and not l.startswith("| #")]
assert len(rows) == 3, rows
cells = [c.strip() for c in rows[0].strip("|").split("|")]
assert len(cells) == 17 and cells[0] == "1", cells
assert any("Discount (low confidence)" in r for r in rows)
assert any(l.startswith("| pain | vague | Vague terms | Two |") for l in lines), lines
PY
# a pain added to the journey shows as unaddressed until an action names it
sed -i 's/pains: \[{ id: slow, text: Too slow }\]/pains: [{ id: slow, text: Too slow }, { id: lost, text: Gets lost }]/' j.yaml
"$CJM" plan j.yaml -o p2.json
python3 -c 'import json; assert "lost" in [g["id"] for g in json.load(open("p2.json"))["unaddressed"]]'
sed -i 's/addresses: \[slow\]/addresses: [slow, lost]/' j.yaml
"$CJM" plan j.yaml -o p3.json
python3 -c 'import json; assert "lost" not in [g["id"] for g in json.load(open("p3.json"))["unaddressed"]]'
# PDF: matrix, roadmap, table; labels in the matrix never overlap
"$CJM" plan "$ROOT/scripts/b2b_template.yaml" -o plan.pdf --boxes boxes.json
pdfinfo plan.pdf | grep -q '^Pages: *3$'
pdftotext plan.pdf - | grep -q 'Quick wins'
"$CJM" build "$ROOT/scripts/b2b_template.yaml" -o jb.json
python3 "$ROOT/tests/cli/check_boxes.py" boxes.json jb.json plan
# the matrix (issue 13): higher impact stands higher, no dot on the
# dividing lines, fixed scales (effort 1..5 whatever the plan holds), each
# dot's label (its ranks) nearest its own dot or joined to it by a line,
# actions at the same place share one dot with their number, and the list
# gives every action its ranking figure
"$CJM" plan "$ROOT/scripts/acme_b2b.yaml" -o acme_plan.pdf --boxes ab.json
"$CJM" plan "$ROOT/scripts/acme_b2b.yaml" -o acme_plan.json
cat > same.yaml <<'YAML'
id: same
title: Same place
personas: [{ id: a, name: Ann }]
phases:
  - { id: one, name: One, pains: [{ id: p, text: Slow }], transitions: { advance: 0.3 } }
actions:
  - { id: a1, title: First, addresses: [p], impact: 4, effort: 2 }
  - { id: a2, title: Second, addresses: [p], impact: 4, effort: 2 }
  - { id: a3, title: Third, addresses: [p], impact: 4, effort: 2 }
  - { id: big, title: Huge effort, addresses: [p], impact: 2, effort: 40 }
  - { id: tiny, title: Tiny effort, addresses: [p], impact: 5, effort: 0.2 }
YAML
"$CJM" plan same.yaml -o same.pdf --boxes sb.json
"$CJM" plan same.yaml -o same.json
/usr/bin/python3 - <<'PY'
import json, re
def check(boxes_file, plan_file):
    page = json.load(open(boxes_file))["pages"][0]
    boxes = page["boxes"]
    plan = json.load(open(plan_file))
    ids = [a["id"] for a in plan["actions"]]
    quads = [b for b in boxes if b["kind"] == "rect"][:4]
    frame = (quads[0]["x"], quads[0]["y"], quads[3]["x"] + quads[3]["w"], quads[3]["y"] + quads[3]["h"])
    midx, midy = quads[1]["x"], quads[2]["y"]
    dots = [b for b in boxes if b["kind"] == "mark" and b.get("ref", "").startswith("dot:")]
    members = {d["ref"]: d["ref"][4:].split(",") for d in dots}
    assert sorted(sum(members.values(), [])) == sorted(ids), members
    centre = {d["ref"]: (d["x"] + d["w"] / 2, d["y"] + d["h"] / 2) for d in dots}
    impact = {a["id"]: a["impact"] for a in plan["actions"]}
    for r, (cx, cy) in centre.items():
        assert abs(cy - midy) > 5 and abs(cx - midx) > 5, ("on a dividing line", r)
        assert frame[0] < cx < frame[2] and frame[1] < cy < frame[3], ("outside the matrix", r)
        assert len({impact[i] for i in members[r]}) == 1
    for a in centre:
        for b in centre:
            if impact[members[a][0]] > impact[members[b][0]]:
                assert centre[a][1] < centre[b][1], "a higher impact is drawn lower"
    def dist2(p, b):
        dx = max(b["x"] - p[0], 0, p[0] - b["x"] - b["w"])
        dy = max(b["y"] - p[1], 0, p[1] - b["y"] - b["h"])
        return dx * dx + dy * dy
    leaders = {b["ref"][7:] for b in boxes if b["kind"] == "line" and b.get("ref", "").startswith("leader:")}
    for lab in (b for b in boxes if b["kind"] == "text" and b.get("ref", "") in centre):
        r = lab["ref"]
        ranks = [str(ids.index(i) + 1) for i in members[r]]
        assert lab["text"] == ", ".join(ranks), (lab["text"], ranks)
        own = dist2(centre[r], lab)
        nearest = all(dist2(c, lab) > own for k, c in centre.items() if k != r)
        assert nearest or r in leaders, ("label nearer another dot", lab["text"])
    # a shared dot says how many it stands for
    counts = [b["text"] for b in boxes if b.get("ref", "").startswith("count:")]
    assert sorted(counts) == sorted(str(len(m)) for m in members.values() if len(m) > 1), counts
    # the list: rank, title, and the ranking figure of every action
    for k, a in enumerate(plan["actions"]):
        title = next(b["text"] for b in boxes if b.get("ref") == "action:" + a["id"])
        assert title == f"{k + 1}  {a['title']}", title
        fig = next(b["text"] for b in boxes if b.get("ref") == "figure:" + a["id"])
        if "uplift_per_effort" in a:
            assert fig == f"{100 * a['uplift_per_effort']:+.3f} pts / effort", (fig, a["uplift_per_effort"])
        else:
            assert fig == f"RICE {a['rice']:.2f}", fig
    ticks = {b["text"]: round(b["x"], 1) for b in boxes if b.get("ref", "").startswith("effort:")}
    return ticks, members
ticks_acme, _ = check("ab.json", "acme_plan.json")
ticks_same, members = check("sb.json", "same.json")
# fixed scale: the effort axis starts at 1 and does not move with the plan
assert list(ticks_acme) == ["1", "2", "3", "4", "5+"], ticks_acme
assert ticks_acme == ticks_same, (ticks_acme, ticks_same)
assert sorted(len(m) for m in members.values()) == [1, 1, 3], members
PY
# the mapping project's step 6 carries its customer journey's plan
"$CJM" plan "$ROOT/scripts/mapping_project.yaml" -o mp.md
grep -q 'ROI calculator on the pricing page' mp.md
# operations: a fail point without a recovery action is listed until an
# action addresses it; a phase over its time budget is listed
cat > ops.yaml <<'YAML'
id: ops
title: Ops
personas: [{ id: a, name: Ann }]
phases:
  - id: one
    name: One
    time_budget: { standard: 30 }
    steps:
      - { id: fill, text: Fills the form, time: 20 }
      - { id: wait, text: Waits for a call, time: { standard: 15, tolerance: 5 },
          fail_point: { text: Nobody calls back, rate: 0.2 } }
    transitions: { advance: 0.3 }
YAML
"$CJM" plan ops.yaml -o ops.json
python3 - <<'PY'
import json
p = json.load(open("ops.json"))
assert [f["card"] for f in p["unrecovered_fail_points"]] == ["Waits for a call"], p
assert p["over_time_budget"] == [{"phase": "one", "phase_name": "One", "minutes": 35,
                                 "budget_minutes": 30, "over_minutes": 5}], p
PY
printf 'actions:\n  - { id: callback, title: Call-back promise, addresses: [wait], phase: one }\n' >> ops.yaml
"$CJM" plan ops.yaml -o ops2.json
python3 -c 'import json; assert json.load(open("ops2.json"))["unrecovered_fail_points"] == []'
# the blueprint marks both, and overlays the planned changes
"$CJM" render ops.yaml --view blueprint --plan -o ops.svg --boxes ob.json
"$CJM" build ops.yaml -o oj.json
python3 "$ROOT/tests/cli/check_boxes.py" ob.json oj.json blueprint
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" --view blueprint --plan -o acme.svg --boxes ab.json
python3 - <<'PY'
import json
boxes = [b for p in json.load(open("ab.json"))["pages"] for b in p["boxes"]]
refs = [b.get("ref") for b in boxes]
assert "over_budget:approval" in refs
assert "planned:trust_center" in refs and "planned:security_fast_lane" in refs
assert any(b["kind"] == "text" and "Questionnaire waits in the security queue" in b["text"] for b in boxes)
PY
# the matrix alone as PNG; the plan pages close the report
"$CJM" plan "$ROOT/scripts/acme_b2b.yaml" -o m.png
[ -s m.png ]
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" --view report -o r.pdf
pdftotext r.pdf - | grep -q 'Quick wins'
pdftotext r.pdf - | grep -q 'Roadmap'
# the PDF's tables list the operations findings too
"$CJM" plan "$ROOT/scripts/acme_b2b.yaml" -o ops.pdf
pdftotext ops.pdf ops.txt
grep -q 'Fail points without a recovery action' ops.txt
grep -q 'Customer success manager runs the' ops.txt
grep -q 'Phases over their time budget' ops.txt
