# Scenario edits change each number in the right direction by the right
# amount: "*K" multiplies, "+X" and "-X" add, a plain number sets, for the
# advance, drop, approval, reach and lift.  A one-day horizon makes the
# exact conversion the day's chance itself, worked out here by hand.
set -e
cat > e.yaml <<'YAML'
id: e
title: Edits
horizon: 1
personas: [{ id: a, name: A }, { id: g, name: G }]
touchpoints: [{ id: t, name: T, channel: website, reach: 0.5, lift: 1.0 }]
phases:
  - { id: p, name: P, touchpoints: [t], involvement: { g: gatekeeper },
      transitions: { advance: 0.3, drop: 0.1, approve: { g: 0.5 } } }
scenarios:
  - { id: adv_mul, changes: [{ phase: p, advance: "*2" }] }
  - { id: adv_add, changes: [{ phase: p, advance: "+0.05" }] }
  - { id: adv_sub, changes: [{ phase: p, advance: "-0.05" }] }
  - { id: adv_set, changes: [{ phase: p, advance: 0.4 }] }
  - { id: drop_mul, changes: [{ phase: p, drop: "*2" }] }
  - { id: drop_add, changes: [{ phase: p, drop: "+0.05" }] }
  - { id: drop_set, changes: [{ phase: p, drop: 0.3 }] }
  - { id: ok_mul, changes: [{ phase: p, approve: { g: "*1.5" } }] }
  - { id: ok_add, changes: [{ phase: p, approve: { g: "+0.1" } }] }
  - { id: ok_set, changes: [{ phase: p, approve: { g: 0.9 } }] }
  - { id: lift_mul, changes: [{ touchpoint: t, lift: "*2" }] }
  - { id: lift_reach, changes: [{ touchpoint: t, lift: 2, reach: "+0.1" }] }
  - { id: tp_gone, changes: [{ touchpoint: t, lift: 3 }, { touchpoint: t, remove: true }] }
YAML
"$CJM" simulate e.yaml --exact --all-scenarios -o e.json
/usr/bin/python3 - <<'PY'
import json
runs = {s["id"]: s["exact"] for s in json.load(open("e.json"))["scenarios"]}
# a day in the phase: dropped with `drop`; else an attempt with
# advance x the expected lift (1 - reach + reach x lift), passed by the
# gatekeeper with `approve`
def day(advance=0.3, drop=0.1, approve=0.5, reach=0.5, lift=1.0):
    attempt = min(advance * (1 - reach + reach * lift), 1 - drop)
    return attempt * approve, drop
want = {
    "baseline": day(),
    "adv_mul": day(advance=0.6), "adv_add": day(advance=0.35),
    "adv_sub": day(advance=0.25), "adv_set": day(advance=0.4),
    "drop_mul": day(drop=0.2), "drop_add": day(drop=0.15), "drop_set": day(drop=0.3),
    "ok_mul": day(approve=0.75), "ok_add": day(approve=0.6), "ok_set": day(approve=0.9),
    "lift_mul": day(lift=2.0), "lift_reach": day(lift=2.0, reach=0.6),
    "tp_gone": day(reach=0.0),
}
for sid, (conv, drop) in want.items():
    got = runs[sid]
    assert abs(got["converted"] - conv) < 1e-9, (sid, got["converted"], conv)
    assert abs(got["dropped"] - drop) < 1e-9, (sid, got["dropped"], drop)
# and each moved the right way from the baseline
base = runs["baseline"]["converted"]
for sid in ("adv_mul", "adv_add", "adv_set", "ok_mul", "ok_add", "ok_set", "lift_mul", "lift_reach"):
    assert runs[sid]["converted"] > base, sid
assert runs["adv_sub"]["converted"] < base
PY
