#!/usr/bin/env python3
"""Write a journey of N phases, N personas and N touchpoints for make bench.

Each phase names two personas (involvement and emotions) and three
touchpoints, so the file grows linearly with N (about 0.9 KB a phase).
usage: gen_journey.py N > journey.yaml
"""
import sys

CHANNELS = ["website", "email", "search", "sns", "sales_rep", "webinar",
            "review_site", "store", "app", "phone"]


def main():
    n = int(sys.argv[1])
    out = [f"id: bench_{n}", f"title: Benchmark journey of {n} phases",
           "kind: b2b", "locale: en", "personas:"]
    roles = ["person_in_charge", "decision_maker", "approver", "user", "influencer"]
    for i in range(n):
        out.append(f"  - {{ id: p{i}, name: Persona number {i}, role: {roles[i % 5]}, "
                   f"goals: [A goal of persona {i}] }}")
    out.append("touchpoints:")
    for i in range(n):
        out.append(f"  - {{ id: t{i}, name: Touchpoint number {i}, "
                   f"channel: {CHANNELS[i % len(CHANNELS)]}, reach: 0.{3 + i % 5}, "
                   f"lift: 1.{1 + i % 4} }}")
    out.append("phases:")
    for k in range(n):
        a, b = k, (k + 1) % n
        tps = ", ".join(f"t{(k + j) % n}" for j in range(3))
        gate = "gatekeeper" if k % 10 == 9 else "participant"
        out += [
            f"  - id: phase{k}",
            f"    name: Phase number {k}",
            f"    goal: What phase {k} is for, in a sentence",
            f"    involvement: {{ p{a}: driver, p{b}: {gate} }}",
            f"    emotions: {{ p{a}: {k % 7 - 3}, p{b}: {(k + 3) % 7 - 3} }}",
            f"    touchpoints: [{tps}]",
            "    steps: [A first step, A second, longer step that wraps in its cell]",
            "    thoughts: [What the customer thinks here]",
            f"    pains: [{{ id: pain{k}, text: A pain of phase {k}, evidence: workshop }}]",
            f"    opportunities: [{{ id: opp{k}, text: An opportunity of phase {k} }}]",
            "    blueprint: { customer: [Acts], frontstage: [Front], backstage: [Back], support: [Support] }",
            "    transitions: { advance: 0.3, drop: 0.01 }",
        ]
    print("\n".join(out))


if __name__ == "__main__":
    main()
