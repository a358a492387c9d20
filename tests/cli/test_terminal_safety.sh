# Nothing a journey or script holds can drive the terminal or flood it:
# errors, warnings and print output escape control characters, and long
# messages are cut.
set -e
fail() { echo "$@"; exit 1; }
esc=$(printf '\033')
# a Lua error of 1.2 MB made of escape sequences
printf 'error(string.rep("\\27[31mX", 200000))\n' > bigerr.lua
rc=0; "$CJM" check bigerr.lua 2> err.txt || rc=$?
[ "$rc" = 1 ] || fail "exit $rc"
grep -q "$esc" err.txt && fail "a raw ESC reached stderr"
grep -qF '\x1B[31mX' err.txt || fail "the escape is not shown escaped: $(head -c 300 err.txt)"
size=$(wc -c < err.txt)
[ "$size" -lt 20000 ] || fail "the error printed $size bytes"
grep -q 'more characters)' err.txt || fail "no note that the message was cut"
# a label with an escape sequence, from Lua (YAML files cannot hold raw ESC)
cat > label.lua <<'LUA'
return { id = "j", title = "T", personas = { { id = "a", name = "A" } },
         phases = { { id = "p", name = "One\27]0;pwned\7\27[2J" } } }
LUA
rc=0; "$CJM" render label.lua -o out.svg 2> err.txt || rc=$?
[ "$rc" = 1 ] || fail "label: exit $rc"
grep -q "$esc" err.txt && fail "label: a raw ESC reached stderr"
grep -q 'phases\[0\].name: text holds the control character U+001B (ESC) at character 4' err.txt \
    || fail "label: $(cat err.txt)"
grep -q 'font' err.txt && fail "label: blamed a font"
[ ! -e out.svg ] || fail "label: out.svg written"
# print: escaped, and at most 64 KB
printf 'for i = 1, 100000 do print("\\27[2J line", i) end\nreturn {}\n' > flood.lua
"$CJM" check flood.lua 2> err.txt || true
grep -q "$esc" err.txt && fail "print: a raw ESC reached stderr"
size=$(wc -c < err.txt)
[ "$size" -lt 300000 ] || fail "print wrote $size bytes"
grep -q 'printed more than 64 KB' err.txt || fail "print: no note of the cut"
exit 0
