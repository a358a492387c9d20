# The README's renewal example (issue 14's done-when): a B2B journey with a
# renewal loop, two segments, costs and a weekly forecast, simulated with
# scenarios from a separate Lua file.  Every line the README shows is
# what the command prints (deterministic: seed 1, 100,000 journeys).
set -e
"$CJM" simulate "$ROOT/scripts/renewal_b2b.yaml" --scenarios "$ROOT/scripts/scenarios/renewal.lua" \
    --all-scenarios -n 100000 > out.txt
/usr/bin/python3 - "$ROOT/README.md" <<'PY'
import sys
readme = open(sys.argv[1]).read()
start = readme.index("### Example: a renewal loop")
block = readme[start:].split("```")[3]        # the output block
out = open("out.txt").read().split("\n")
lines = [l for l in block.strip("\n").split("\n") if l.strip() and l.strip() != "..."]
assert len(lines) > 40, len(lines)
for l in lines:
    assert l in out, "README line not printed: " + repr(l)
PY
grep -q 'Churned at' out.txt
