# The README's "Write your own template" guide, followed literally: its
# files are written as shown and its commands run, each must succeed.
set -e
python3 - "$ROOT/README.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
start, end = text.index("<!-- guide:start"), text.index("<!-- guide:end -->")
guide = text[start:end]
blocks = re.findall(r"```([^\n]*)\n(.*?)```", guide, re.S)
commands = []
for info, body in blocks:
    parts = info.split()
    if len(parts) == 2 and parts[0] in ("lua", "yaml"):
        open(parts[1], "w", encoding="utf-8").write(body)
    elif parts == ["sh"]:
        commands += [l for l in body.splitlines() if l.startswith("cjm ")]
open("commands.txt", "w").write("\n".join(commands) + "\n")
assert len(commands) >= 4, commands
PY
[ -f my_shop.lua ]
[ -f shop.yaml ]
[ -f my_b2b.lua ]
while IFS= read -r line; do
    [ -n "$line" ] || continue
    eval "\"\$CJM\" ${line#cjm }" > out.txt 2> err.txt || { echo "failed: $line"; cat err.txt; exit 1; }
done < commands.txt
grep -q '^title: My shop — spring campaign$' shop_built.yaml
[ "$(grep -c '^- id: shopper' shop_built.yaml)" = 3 ]
