# Every modelled field has a place on the map (issue 13): the stakeholder
# lane says who each person is (job title and role), touchpoint cards say
# when, who owns them, reach and lift, evidence is a meter with a legend
# of the four levels, in the journey's language.
set -e
"$CJM" render "$ROOT/scripts/acme_b2b.yaml" -o m.svg --boxes m.json
/usr/bin/python3 - "$ROOT" <<'PY'
import json, sys, yaml
root = sys.argv[1]
j = yaml.safe_load(open(root + "/scripts/acme_b2b.yaml"))
boxes = [b for p in json.load(open("m.json"))["pages"] for b in p["boxes"]]
by_ref = {}
for b in boxes:
    if b["kind"] == "text" and b.get("ref"):
        by_ref.setdefault(b["ref"], []).append(b)
roles = {"person_in_charge": "Person in charge", "decision_maker": "Decision maker",
         "approver": "Approver", "user": "User", "influencer": "Influencer"}
for p in j["personas"]:
    what = by_ref["role:" + p["id"]][0]["text"]
    want = f"{p['job_title']} · {roles[p['role']]}"
    assert what == want, (what, want)
    name = by_ref["persona:" + p["id"]][0]
    assert by_ref["role:" + p["id"]][0]["y"] > name["y"], "the role goes under the name"
tps = {t["id"]: t for t in j["touchpoints"]}
checked = 0
for ph in j["phases"]:
    for tid in ph.get("touchpoints", []):
        t = tps[tid]
        text = by_ref[f"details:{ph['id']}/{tid}"][0]["text"]
        parts = text.split(" · ")
        assert parts[0] == t.get("timing", "during"), (tid, text)
        if "owner" in t:
            assert f"owner {t['owner']}" in parts, (tid, text)
        if t.get("reach", 1) != 1:
            assert f"reach {round(100 * t['reach'], 6):g}%" in parts, (tid, text)
        if t.get("lift", 1) != 1:
            assert f"lift ×{t['lift']:g}" in parts, (tid, text)
        checked += 1
assert checked >= 10, checked
# evidence: a meter per card with evidence, and the legend's four levels
legend = [b for b in boxes if b["kind"] == "pips" and b["y"] < 120]
assert len(legend) == 4, len(legend)
words = [b["text"] for b in boxes if b["kind"] == "text" and b["text"] in
         ("assumption", "workshop", "qualitative", "quantitative")]
assert words == ["assumption", "workshop", "qualitative", "quantitative"], words
levels = {"assumption": 1, "workshop": 2, "qualitative": 3, "quantitative": 4}
lvl = lambda e: levels[e["level"] if isinstance(e, dict) else e]
want = sorted(lvl(c["evidence"]) for ph in j["phases"] for lane in ("steps", "actions", "thoughts", "pains", "opportunities")
              for c in ph.get(lane, []) if isinstance(c, dict) and "evidence" in c)
got = sorted(int(b["ref"].split(":")[1]) for b in boxes if b["kind"] == "pips" and b["y"] >= 120)
assert got == want, (got, want)
PY
# the same fields in Japanese
"$CJM" render "$ROOT/scripts/b2b_ja.yaml" -o ja.svg --boxes ja.json
/usr/bin/python3 - <<'PY'
import json
boxes = [b for p in json.load(open("ja.json"))["pages"] for b in p["boxes"] if b["kind"] == "text"]
details = [b["text"] for b in boxes if b.get("ref", "").startswith("details:")]
assert details and all(d.split(" · ")[0] in ("事前", "最中", "事後") for d in details), details
roles = [b["text"] for b in boxes if b.get("ref", "").startswith("role:")]
assert roles and all(any(r.endswith(w) for w in ("担当者", "意思決定者", "承認者", "管理者", "利用者", "影響者", "顧客", "その他")) for r in roles), roles
thoughts = [b["text"] for b in boxes if b["text"].startswith("「")]
assert thoughts and all(t.endswith("」") for t in thoughts), thoughts
assert not any(b["text"].startswith("“") for b in boxes)
PY
# initials badges: first and last word, upper-cased; one CJK character
cat > names.yaml <<'YAML'
id: names
title: Names
locale: ja
personas:
  - { id: a, name: Aiko Tanaka }
  - { id: b, name: Stakeholder number 1 }
  - { id: c, name: 佐藤 花子 }
  - { id: d, name: ann lee }
  - { id: e, name: Madonna }
phases: [{ id: p, name: P }]
YAML
"$CJM" render names.yaml --view personas -o names.svg --boxes names.json
/usr/bin/python3 - <<'PY'
import json
av = [b["text"] for p in json.load(open("names.json"))["pages"] for b in p["boxes"] if b["kind"] == "avatar"]
assert av == ["AT", "S1", "佐", "AL", "M"], av
PY
# every fixed word of a Japanese report in Japanese: views, charts and the
# plan's tables (ids and data stay as written)
"$CJM" render "$ROOT/scripts/b2b_ja.yaml" --view report -o ja.pdf --boxes jar.json
/usr/bin/python3 - <<'PY'
import json, re
texts = {b["text"] for p in json.load(open("jar.json"))["pages"] for b in p["boxes"] if b["kind"] == "text"}
for en in ("Actions", "action", "owner", "Unaddressed pains and opportunities", "Stakeholders",
           "Emotion", "Pains", "Service blueprint", "Quick wins", "Roadmap"):
    assert en not in texts, en
    assert not any(t.startswith(en + " — ") for t in texts), en
for ja in ("アクション", "担当", "未対応のペインと機会", "関係者", "感情", "クイックウィン"):
    assert ja in texts or any(t.startswith(ja) for t in texts), ja
assert any(t.startswith("アクションプラン：") for t in texts)
PY
