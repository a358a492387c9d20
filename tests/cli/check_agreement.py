"""Each Monte Carlo figure of a `cjm simulate -o report.json` lies within
4 standard errors of the exact one.  usage: check_agreement.py REPORT.json"""
import json
import math
import sys

report = json.load(open(sys.argv[1]))
bad = []
for sc in report["scenarios"]:
    e, m = sc["exact"], sc["monte_carlo"]
    n = m["journeys"]
    def share(label, pe, pm):
        se = math.sqrt(max(pe * (1 - pe), 1e-12) / n)
        if abs(pm - pe) > 4 * se + 2e-6:
            bad.append(f"{sc['id']}: {label}: exact {pe:.6f}, monte carlo {pm:.6f} ({(pm - pe) / se:+.1f} SE)")
    for k in ("converted", "dropped", "in_progress"):
        share(k, e[k], m[k])
    if m.get("mean_days_se") is not None and e["mean_days"] is not None and e["converted"] > 0.001:
        se = m["mean_days_se"]
        if abs(m["mean_days"] - e["mean_days"]) > 4 * se + 1e-3:
            bad.append(f"{sc['id']}: mean days to convert: {e['mean_days']} vs {m['mean_days']} (se {se})")
    for pe, pm in zip(e["phases"], m["phases"]):
        share(pe["phase"] + " entered", pe["entered"], pm["entered"])
        share(pe["phase"] + " dropped", pe["dropped"], pm["dropped"])
        se = pm["days_se"]
        if abs(pm["days"] - pe["days"]) > 4 * se + 1e-3:
            bad.append(f"{sc['id']}: {pe['phase']} days: {pe['days']} vs {pm['days']} (se {se})")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
