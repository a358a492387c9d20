# A failed build leaves an existing output untouched and no temporary file.
set -e
printf 'keep me\n' > existing.yaml
cp "$ROOT"/tests/cli/cases/unknown_key_suggest.yaml bad.yaml
if "$CJM" build bad.yaml -o existing.yaml --force 2>/dev/null; then
    echo "build of a bad journey succeeded"; exit 1
fi
[ "$(cat existing.yaml)" = "keep me" ] || { echo "existing file changed"; exit 1; }
# a limit hit in Lua: also untouched
printf 'while true do end\n' > loop.lua
rc=0; "$CJM" build loop.lua -o existing.yaml --force --max-instructions 100000 2>/dev/null || rc=$?
[ "$rc" = 3 ] || { echo "expected exit 3, got $rc"; exit 1; }
[ "$(cat existing.yaml)" = "keep me" ] || { echo "existing file changed"; exit 1; }
# the watchdog path (stuck in a C function) must also clean up
printf 'local s = string.rep("a", 40)\nreturn { string.find(s, string.rep("a*", 30) .. "b") }\n' > stuck.lua
rc=0; "$CJM" build stuck.lua -o existing.yaml --force --timeout 0.5 2>/dev/null || rc=$?
[ "$rc" = 3 ] || { echo "expected exit 3, got $rc"; exit 1; }
[ "$(cat existing.yaml)" = "keep me" ] || { echo "existing file changed"; exit 1; }
leftover=$(ls -A | grep -c 'cjm-' || true)
[ "$leftover" = 0 ] || { echo "temporary files left:"; ls -A; exit 1; }
# and a good build replaces it
"$CJM" build "$ROOT"/scripts/acme_b2b.yaml -o existing.yaml --force
grep -q '^id: acme_b2b$' existing.yaml
