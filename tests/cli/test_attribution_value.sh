# Attribution value as ChannelAttribution defines it (issue 14), on a
# sparse chain that runs every order: the worked example shares its value
# 6 : 9; value removal effects do not move when the currency unit does;
# removal effects agree with a chain solved here with exact fractions,
# independently of cjm; order 4 runs on thousands of states.
set -e
"$CJM" attribution "$ROOT/tests/cli/data/paths_small.csv" -o small.json
/usr/bin/python3 - <<'PY'
import json
ch = {c["channel"]: c for c in json.load(open("small.json"))["channels"]}
assert abs(ch["a"]["markov_value"] - 6) < 1e-9 and abs(ch["b"]["markov_value"] - 9) < 1e-9, ch
assert abs(ch["a"]["removal_effect_value"] - 2 / 3) < 1e-12
assert abs(ch["a"]["removal_effect"] - 2 / 3) < 1e-12 and abs(ch["b"]["removal_effect"] - 1) < 1e-12
PY
# random paths, written once here (seeded), solved here exactly
/usr/bin/python3 - <<'PY'
import random
random.seed(11)
chans = ["ads", "mail", "seo", "tv", "chat", "shop"]
rows = []
for _ in range(300):
    path = [random.choice(chans) for _ in range(random.randint(1, 5))]
    conv = random.randint(0, 3)
    rows.append((" > ".join(path), conv, round(conv * random.uniform(10, 200), 2), random.randint(0, 4)))
with open("p.csv", "w") as f:
    f.write("path;total_conversions;total_conversion_value;total_null\n")
    for r in rows:
        f.write("%s;%d;%s;%d\n" % r)
with open("p1000.csv", "w") as f:
    f.write("path;total_conversions;total_conversion_value;total_null\n")
    for p, c, v, n in rows:
        f.write("%s;%d;%s;%d\n" % (p, c, round(v * 1000, 2), n))
PY
"$CJM" attribution p.csv -o p.json
"$CJM" attribution p1000.csv -o p1000.json
"$CJM" attribution p.csv --order 2 -o p2.json
/usr/bin/python3 - <<'PY'
import json
from fractions import Fraction as F

def solve(rows, order, removed, value):
    """The chain of ORDER over ROWS, solved by exact Gaussian elimination."""
    states = {(): 0}
    def st(seq):
        return states.setdefault(tuple(seq), len(states))
    edges, conv, null, cval = {}, {}, {}, {}
    for path, c, v, n in rows:
        chs = path.split(" > ")
        prev = 0
        for k in range(len(chs)):
            s = st(chs[max(0, k + 1 - order):k + 1])
            edges[(prev, s)] = edges.get((prev, s), 0) + c + n
            prev = s
        conv[prev] = conv.get(prev, 0) + c
        null[prev] = null.get(prev, 0) + n
        cval[prev] = cval.get(prev, 0) + F(v).limit_denominator(10**6)
    N = len(states)
    seqs = {i: s for s, i in states.items()}
    gone = [i > 0 and removed in seqs[i] for i in range(N)]
    out = [F(0)] * N
    for (a, b), w in edges.items():
        out[a] += w
    for s in range(N):
        out[s] += conv.get(s, 0) + null.get(s, 0)
    A = [[F(0)] * (N + 1) for _ in range(N)]
    for i in range(N):
        A[i][i] = F(1)
        if gone[i] or out[i] == 0:
            continue
        for (a, b), w in edges.items():
            if a == i and not gone[b]:
                A[i][b] -= F(w) / out[i]
        worth = (cval.get(i, 0) / conv[i] if conv.get(i, 0) else 0) if value else 1
        A[i][N] = F(conv.get(i, 0)) / out[i] * worth
    for c in range(N):
        p = next(r for r in range(c, N) if A[r][c] != 0)
        A[c], A[p] = A[p], A[c]
        for r in range(N):
            if r != c and A[r][c] != 0:
                f = A[r][c] / A[c][c]
                A[r] = [x - f * y for x, y in zip(A[r], A[c])]
    return A[0][N] / A[0][0]

rows = []
for line in open("p.csv").read().splitlines()[1:]:
    p, c, v, n = line.split(";")
    rows.append((p, int(c), v, int(n)))
for order, f in ((1, "p.json"), (2, "p2.json")):
    got = {c["channel"]: c for c in json.load(open(f))["channels"]}
    base, base_v = solve(rows, order, None, False), solve(rows, order, None, True)
    for ch, c in got.items():
        re = 1 - solve(rows, order, ch, False) / base
        rev = 1 - solve(rows, order, ch, True) / base_v
        assert abs(c["removal_effect"] - float(re)) < 1e-9, (order, ch, c["removal_effect"], float(re))
        assert abs(c["removal_effect_value"] - float(rev)) < 1e-9, (order, ch, c["removal_effect_value"], float(rev))
# the currency unit changes no removal effect, and scales the value shares
a = {c["channel"]: c for c in json.load(open("p.json"))["channels"]}
b = {c["channel"]: c for c in json.load(open("p1000.json"))["channels"]}
for ch in a:
    assert abs(a[ch]["removal_effect_value"] - b[ch]["removal_effect_value"]) < 1e-9, ch
    assert abs(b[ch]["markov_value"] - 1000 * a[ch]["markov_value"]) < 1e-6 * max(1, b[ch]["markov_value"]), ch
PY
# order 4 on thousands of states (help offers 1..4: each must run)
/usr/bin/python3 - <<'PY'
import random
random.seed(5)
ch = [chr(ord("a") + k) for k in range(9)]
with open("big.csv", "w") as f:
    f.write("path,total_conversions,total_conversion_value,total_null\n")
    for _ in range(6000):
        c = random.randint(0, 2)
        f.write("%s,%d,%d,%d\n" % (">".join(random.choice(ch) for _ in range(random.randint(1, 7))),
                                   c, 50 * c, random.randint(0, 3)))
PY
for k in 1 2 3 4; do "$CJM" attribution big.csv --order $k -o big$k.json; done
/usr/bin/python3 - <<'PY'
import json
r = json.load(open("big4.json"))
assert r["states"] > 4000, r["states"]
assert all(0 <= c["removal_effect"] <= 1 for c in r["channels"])
PY
