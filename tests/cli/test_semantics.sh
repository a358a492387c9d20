# The README's worked examples of the day rules (issue 14), each checked
# with the exact engine (to the report's six decimals) and Monte Carlo
# (within 4 standard errors of 200,000 journeys).
set -e
check() {   # FILE WANT
    "$CJM" simulate "$1" -n 200000 -o "$1.json"
    /usr/bin/python3 - "$1.json" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["comparison"][0]
want = eval(sys.argv[2])
assert abs(r["converted"] - want) < 2e-6, (sys.argv[1], r["converted"], want)
se = (want * (1 - want) / 200000) ** 0.5
assert abs(r["converted_mc"] - want) < 4 * se, (sys.argv[1], r["converted_mc"], want)
PY
}
head='id: s
title: S
horizon: 3650
personas: [{ id: a, name: Ann }, { id: g, name: Gate }]'
printf '%s\nphases:\n  - { id: p1, name: One, transitions: { advance: 0.1, drop: 0.1 } }\n' "$head" > advance.yaml
check advance.yaml 0.5
printf '%s\nphases:\n  - { id: p1, name: One, duration: { min: 2, mode: 2, max: 2 }, transitions: { drop: 0.1 } }\n' "$head" > hold.yaml
check hold.yaml 0.81
printf '%s\nphases:\n  - { id: first, name: One, transitions: { advance: 1 } }\n  - { id: p2, name: Two, duration: { min: 1, mode: 1, max: 1 }, transitions: { drop: 0.2, back: { first: 0.3 } } }\n' "$head" > back.yaml
check back.yaml 5/7
printf '%s\nphases:\n  - { id: p1, name: One, involvement: { g: gatekeeper }, transitions: { advance: 0.5, drop: 0.1, approve: { g: 0.4 } } }\n' "$head" > gate.yaml
check gate.yaml 2/3
