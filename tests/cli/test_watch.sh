# cjm watch: renders, renders again on each save, keeps the last good
# output when a save breaks the journey (and says so), and stops cleanly.
set -e
fail() { kill $pid 2>/dev/null || true; echo "$@"; exit 1; }
until_true() {   # until_true SECONDS COMMAND...: poll until it succeeds
    t=$1; shift
    i=0
    while ! "$@" 2>/dev/null; do
        i=$((i + 1)); [ $i -le $((t * 10)) ] || return 1
        sleep 0.1
    done
}
cat > j.yaml <<'YAML'
id: w
title: Watched
personas: [{ id: a, name: Ann }]
phases:
  - { id: p, name: First phase, steps: [Makes tea] }
YAML
"$CJM" watch j.yaml -o map.svg 2> err.txt & pid=$!
until_true 60 grep -q 'Makes tea' map.svg || fail "no first render: $(cat err.txt)"
sed -i 's/Makes tea/Makes coffee/' j.yaml
until_true 60 grep -q 'Makes coffee' map.svg || fail "no render after the save: $(cat err.txt)"
cp map.svg good.svg
printf '  - { id: q, name: [broken\n' >> j.yaml
until_true 60 grep -q 'problems above; the output is as it was' err.txt || fail "no problem said: $(cat err.txt)"
grep -q 'j.yaml:[67]:' err.txt || fail "the problem has no place: $(cat err.txt)"
cmp -s map.svg good.svg || fail "a failed render changed map.svg"
sed -i '$d' j.yaml
printf '  - { id: q, name: Second phase }\n' >> j.yaml
until_true 60 grep -q 'Second phase' map.svg || fail "no render after the fix: $(cat err.txt)"
[ "$(grep -c 'rendered; watching' err.txt)" -le 4 ] || fail "renders without a change: $(cat err.txt)"
kill -INT $pid
rc=0; wait $pid || rc=$?
[ $rc -gt 128 ] || fail "exit $rc after SIGINT"
# a Lua journey: a change to a module it requires from a subfolder
# renders again; a change to a file it never read does not
mkdir -p lib
cat > lib/steps.lua <<'LUA'
return { "Grinds beans" }
LUA
cat > l.lua <<'LUA'
local steps = require "lib.steps"
return { id = "l", title = "Lua", personas = { { id = "a", name = "Ann" } },
         phases = { { id = "p", name = "Only", steps = steps } } }
LUA
"$CJM" watch l.lua -o l.svg 2> err2.txt & pid=$!
until_true 60 grep -q 'Grinds beans' l.svg || fail "no first Lua render: $(cat err2.txt)"
echo "unrelated" > notes.txt
sleep 1
[ "$(grep -c 'rendered; watching' err2.txt)" = 1 ] || fail "a file never read caused a render: $(cat err2.txt)"
sed -i 's/Grinds beans/Brews tea/' lib/steps.lua
until_true 60 grep -q 'Brews tea' l.svg || fail "no render after the module changed: $(cat err2.txt)"
kill -TERM $pid
rc=0; wait $pid || rc=$?
[ $rc -gt 128 ] || fail "exit $rc after SIGINT"
[ -z "$(ls -A | grep cjm-)" ] || fail "temporary files left: $(ls -A)"
exit 0
