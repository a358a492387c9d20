# Anchors, aliases and merge keys are expanded; "x-" keys are ignored;
# plain scalars are typed the YAML 1.1 way, quoted ones stay strings.
set -e
cat > j.yaml <<'YAML'
id: y
title: "YAML features"
x-defaults: &web { channel: website, reach: 0x1, lift: 1.5 }
personas:
  - { id: a, name: "yes" }
touchpoints:
  - { <<: *web, id: one, name: One }
  - { <<: *web, id: two, name: Two, lift: 2 }
  - { <<: [*web, { control: indirect }], id: three, name: Three, reach: 0b0 }
phases:
  - id: p
    name: 007
    goal: "007"
    touchpoints: [one, two, three]
    transitions: { advance: .5, drop: 1e-2 }
YAML
"$CJM" build j.yaml -o out.json
python3 - <<'PY'
import json
j = json.load(open("out.json"))
assert "x-defaults" not in j
t = {x["id"]: x for x in j["touchpoints"]}
assert t["one"]["lift"] == 1.5 and t["one"]["reach"] == 1, t["one"]
assert t["two"]["lift"] == 2, t["two"]
assert t["three"]["control"] == "indirect" and t["three"]["reach"] == 0, t["three"]
assert j["personas"][0]["name"] == "yes"
ph = j["phases"][0]
assert ph["name"] == "7", ph["name"]          # YAML 1.1: 007 is octal 7
assert ph["goal"] == "007"
assert ph["transitions"]["advance"] == 0.5
assert ph["transitions"]["drop"] == 0.01
PY
