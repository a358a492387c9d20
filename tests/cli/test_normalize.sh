# build fills defaults: generated pain ids, online from the channel,
# approvals of 1 for gatekeepers without one; involvement stays as named
# (a persona not named is none, and build writes no entry for it).
set -e
cat > j.yaml <<'YAML'
id: n
title: Normalize
personas:
  - { id: a, name: A }
  - { id: g, name: G }
touchpoints:
  - { id: shop, name: Shop, channel: store }
  - { id: web, name: Web, channel: website }
phases:
  - id: p
    name: P
    involvement: { g: gatekeeper }
    pains: [Too slow, Too dear]
    transitions: { advance: 0.5 }
YAML
"$CJM" build j.yaml -o out.json
python3 - <<'PY'
import json
j = json.load(open("out.json"))
p = j["phases"][0]
assert p["involvement"] == {"g": "gatekeeper"}, p["involvement"]
assert [x["id"] for x in p["pains"]] == ["p_pain_1", "p_pain_2"], p["pains"]
assert p["transitions"]["approve"] == {"g": 1}, p["transitions"]
assert p["transitions"]["drop"] == 0
tps = {t["id"]: t for t in j["touchpoints"]}
assert tps["shop"]["online"] is False and tps["web"]["online"] is True
assert tps["web"]["reach"] == 1 and tps["web"]["control"] == "direct"
assert j["kind"] == "other" and j["locale"] == "en" and j["horizon"] == 365
assert j["personas"][0]["role"] == "customer"
PY
