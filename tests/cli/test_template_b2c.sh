# b2c_acd: 3 and 5 stages, after-purchase phases, channel mix, locales,
# categories, and segments that differ.
set -e
printf 'template: b2c_acd\n' > t.yaml
phases() { "$CJM" build t.yaml "$@" -o o.json --force && /usr/bin/python3 -c 'import json; print(" ".join(p["id"] for p in json.load(open("o.json"))["phases"]))'; }
[ "$(phases)" = "awareness consideration decision" ]
[ "$(phases --param post_purchase=true)" = "awareness consideration decision purchase use loyalty" ]
[ "$(phases --param stages=5)" = "awareness discovery learning selection purchase" ]
[ "$(phases --param stages=5 --param post_purchase=true)" = "awareness discovery learning selection purchase use loyalty" ]
for loc in en ja zh; do
    for seg in 1 6; do "$CJM" check -q t.yaml --param locale=$loc --param segments=$seg; done
done
# the channel mix decides touchpoints and their reach
"$CJM" build t.yaml --param 'channel_mix={store: 0, sns: 1, online: 1}' -o o.json --force
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("o.json"))
t = {x["id"]: x for x in j["touchpoints"]}
assert "store" not in t, t.keys()
assert t["social"]["reach"] == 1 and t["social"]["channel"] == "sns"
assert t["friends"]["control"] == "indirect" and t["friends"]["online"] is False
curves = [[p["emotions"].get(c["id"], 0) for p in j["phases"]] for c in j["personas"]]
assert all(-3 <= e <= 3 for c in curves for e in c)
PY
rc=0; "$CJM" check t.yaml --param 'channel_mix={tv: 1}' 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q "b2c_acd: channel_mix has an unknown channel 'tv'" err.txt
# segments differ in what they need, where they look, how involved they are
"$CJM" build t.yaml --param segments=6 --param stages=5 --param post_purchase=true -o s.json --force
/usr/bin/python3 - <<'PY'
import json
j = json.load(open("s.json"))
people = j["personas"]
assert [p["id"] for p in people] == ["researcher", "impulse", "loyal", "bargain", "gift", "first_timer"]
for key in ("goals", "channels", "description"):
    values = [json.dumps(p[key]) for p in people]
    assert len(set(values)) == len(values), (key, values)
inv = [json.dumps([ph["involvement"].get(p["id"], "none") for ph in j["phases"]]) for p in people]
assert len(set(inv)) == len(inv), inv
for p in people:
    levels = {ph["involvement"].get(p["id"], "none") for ph in j["phases"]}
    assert levels != {"driver"}, (p["id"], "driver in every phase")
PY
# the category changes what the customer chooses and doubts
"$CJM" build t.yaml --param category=subscription --param stages=5 -o sub.json --force
"$CJM" build t.yaml --param stages=5 -o shoes.json --force
/usr/bin/python3 - <<'PY'
import json
sub, shoes = json.load(open("sub.json")), json.load(open("shoes.json"))
p = lambda j, k: {x["id"]: x for x in j["phases"]}[k]
assert p(sub, "selection")["steps"] == ["Picks a plan"]
assert p(shoes, "selection")["steps"] == ["Picks size and colour"]
assert p(shoes, "selection")["pains"][0]["text"] == "Unsure about returns"
assert "plan" not in json.dumps(shoes["phases"]), "a shoe buyer compares plans"
assert shoes["title"] == "Trail running shoes — consumer journey"
assert sub["title"] == "Streaming service — consumer journey"
PY
"$CJM" build t.yaml --seed 3 -o a.yaml
"$CJM" build t.yaml --seed 3 -o b.yaml
cmp a.yaml b.yaml
# the description speaks the journey's language too
"$CJM" build "$ROOT/scripts/b2c_zh.yaml" -o zh.yaml
grep -q '^description: 3个阶段及购后阶段，2个客户群$' zh.yaml
"$CJM" build "$ROOT/scripts/b2b_ja.yaml" -o ja.yaml
grep -q '^description: 分析ダッシュボード（企業、従業員300名、関係者7名）$' ja.yaml
