# b2c_acd: 3 and 5 stages, after-purchase phases, channel mix, locales.
set -e
printf 'template: b2c_acd\n' > t.yaml
phases() { "$CJM" build t.yaml "$@" -o o.json --force && python3 -c 'import json; print(" ".join(p["id"] for p in json.load(open("o.json"))["phases"]))'; }
[ "$(phases)" = "awareness consideration decision" ]
[ "$(phases --param post_purchase=true)" = "awareness consideration decision purchase use loyalty" ]
[ "$(phases --param stages=5)" = "awareness discovery learning selection purchase" ]
[ "$(phases --param stages=5 --param post_purchase=true)" = "awareness discovery learning selection purchase use loyalty" ]
for loc in en ja zh; do
    for seg in 1 6; do "$CJM" check -q t.yaml --param locale=$loc --param segments=$seg; done
done
# the channel mix decides touchpoints and their reach
"$CJM" build t.yaml --param 'channel_mix={store: 0, sns: 1, online: 1}' -o o.json --force
python3 - <<'PY'
import json
j = json.load(open("o.json"))
t = {x["id"]: x for x in j["touchpoints"]}
assert "store" not in t, t.keys()
assert t["social"]["reach"] == 1 and t["social"]["channel"] == "sns"
assert t["friends"]["control"] == "indirect" and t["friends"]["online"] is False
curves = [[p["emotions"][c["id"]] for p in j["phases"]] for c in j["personas"]]
assert all(-3 <= e <= 3 for c in curves for e in c)
PY
rc=0; "$CJM" check t.yaml --param 'channel_mix={tv: 1}' 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q "b2c_acd: channel_mix has an unknown channel 'tv'" err.txt
"$CJM" build t.yaml --seed 3 -o a.yaml
"$CJM" build t.yaml --seed 3 -o b.yaml
cmp a.yaml b.yaml
# the description speaks the journey's language too
"$CJM" build "$ROOT/scripts/b2c_zh.yaml" -o zh.yaml
grep -q '^description: 3个阶段及购后阶段，2个客户群$' zh.yaml
"$CJM" build "$ROOT/scripts/b2b_ja.yaml" -o ja.yaml
grep -q '^description: 分析ダッシュボード、従業員300名、関係者5名$' ja.yaml
