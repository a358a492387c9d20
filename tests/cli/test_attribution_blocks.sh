# cjm attribution reads its file a block of lines at a time (1 MB): lines
# across a block's edge, a line longer than a block, a file from a pipe
# and blank-padded names and numbers all count exactly as written, checked
# against the heuristics computed here from the same rows; a NUL byte is
# an error at its line and column.
set -e
/usr/bin/python3 - <<'PY'
import random
random.seed(7)
names = ["alpha", "beta", "gamma", "a longer channel name", "z" * 9, "email"]
rows = []
for i in range(60000):          # about 2.5 MB: three blocks
    k = random.randint(1, 6)
    path = [random.choice(names) for _ in range(k)]
    sep = random.choice([" > ", ">", "  >\t"])
    rows.append((sep.join(path), random.randint(0, 3), random.randint(0, 5)))
# one path longer than a block, in the middle of the file
rows.insert(30000, (" > ".join(["beta", "gamma"] * 90000), 2, 1))
with open("paths.csv", "w") as f:
    f.write("path;total_conversions;total_null\n")
    for p, c, n in rows:
        f.write("%s; %d ;%d \r\n" % (p, c, n))
first, last, linear = {}, {}, {}
for p, c, n in rows:
    ch = [x.strip() for x in p.split(">")]
    first[ch[0]] = first.get(ch[0], 0) + c
    last[ch[-1]] = last.get(ch[-1], 0) + c
    for x in ch:
        linear[x] = linear.get(x, 0) + c / len(ch)
import json
json.dump({"first": first, "last": last, "linear": linear, "paths": len(rows)},
          open("want.json", "w"))
PY
[ "$(wc -c < paths.csv)" -gt 2500000 ]
"$CJM" attribution paths.csv -o got.json
cat paths.csv | "$CJM" attribution /dev/stdin -o piped.json
cmp got.json piped.json
/usr/bin/python3 - <<'PY'
import json
got = json.load(open("got.json"))
want = json.load(open("want.json"))
assert got["paths"] == want["paths"], (got["paths"], want["paths"])
ch = {c["channel"]: c for c in got["channels"]}
assert sorted(ch) == sorted(want["linear"]), sorted(ch)
for name in ch:
    for k, key in (("first", "first_touch_conversions"), ("last", "last_touch_conversions"),
                   ("linear", "linear_conversions")):
        w = want[k].get(name, 0)
        assert abs(ch[name][key] - w) < 1e-6 * max(1, w), (name, key, ch[name][key], w)
PY
printf 'path;total_conversions;total_null\na;1;0\nb\000c;1;1\n' > nul.csv
rc=0; "$CJM" attribution nul.csv 2>err.txt || rc=$?
[ "$rc" = 1 ] || { echo "line $LINENO: exit $rc, want 1"; exit 1; }
grep -q 'nul.csv:3:2: error: a NUL byte' err.txt || { cat err.txt; exit 1; }
