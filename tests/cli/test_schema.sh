# The JSON Schema and the Lua annotations: the shipped files are what
# cjm schema writes from the validator's tables; an independent validator
# (python3-jsonschema) agrees with cjm check on every journey in tests/ and
# scripts/, on the starter files and on built journeys; editors find the
# schema from every example and every starter file.
set -e
fail() { echo "$1"; exit 1; }
"$CJM" schema -o s.json
cmp -s s.json "$ROOT"/schema/cjm.schema.json || fail "schema/cjm.schema.json is out of date: run make schema"
"$CJM" schema --lua -o t.lua
cmp -s t.lua "$ROOT"/schema/cjm_types.lua || fail "schema/cjm_types.lua is out of date: run make schema"
rc=0; "$CJM" schema -o s.json 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "schema over an existing file: exit $rc"

# journeys to compare on: starter files, and built journeys as JSON and YAML
mkdir -p made
for t in b2b_approval b2c_acd seven_step; do
    "$CJM" new $t -o made/new_$t.yaml 2>/dev/null
    head -1 made/new_$t.yaml | grep -q "^# yaml-language-server: \$schema=$ROOT/schema/cjm.schema.json$" \
        || fail "cjm new: the schema line: $(head -1 made/new_$t.yaml)"
done
"$CJM" new b2b_approval -p locale=ja -p employees=20000 -o made/new_b2b_ja.yaml 2>/dev/null
for f in "$ROOT"/scripts/*.yaml "$ROOT"/scripts/*.lua; do
    n=$(basename "$f"); n=${n%.*}
    "$CJM" build "$f" -o made/built_$n.json
    "$CJM" build "$f" -o made/built_$n.yaml
done
/usr/bin/python3 "$ROOT"/tests/cli/check_schema.py "$ROOT"/schema/cjm.schema.json "$CJM" \
    "$ROOT"/tests/cli/data/schema/*.yaml "$ROOT"/tests/cli/data/*.yaml \
    "$ROOT"/tests/cli/cases/*.yaml "$ROOT"/scripts/*.yaml made/* > agree.txt \
    || fail "$(cat agree.txt)"
grep -q "schema agreement: 1[0-9][0-9] files checked" agree.txt || fail "too few files: $(cat agree.txt)"

# every example names the schema by a path that exists
for f in "$ROOT"/scripts/*.yaml; do
    line=$(head -1 "$f")
    case $line in
        "# yaml-language-server: \$schema="*) ;;
        *) fail "$f: the first line does not name the schema" ;;
    esac
    [ -f "$(dirname "$f")/${line#*\$schema=}" ] || fail "$f: ${line#*\$schema=} does not exist"
done

# the Lua annotations: every class stdlib names is defined, and what they
# say the host gives a template (ctx, ctx.random) is there
cat t.lua "$ROOT"/stdlib/cjm.lua "$ROOT"/stdlib/cjm/*.lua > all.lua
for c in $(grep -o 'cjm\.[A-Z][A-Za-z]*' all.lua | sort -u); do
    grep -q "^---@class $c\$\|^---@alias $c " all.lua || fail "annotations name $c but define it nowhere"
done
for f in $(sed -n 's/^function cjm\.\([a-z_]*\).*/\1/p; s/^cjm\.\([a-z_]*\) = .*/\1/p' "$ROOT"/stdlib/cjm.lua); do
    awk -v f="$f" '/^---@/ { ann = 1; next } /^--/ { next }
        $0 ~ "^(function cjm\\." f "\\(|cjm\\." f " =)" { if (!ann) { print "cjm." f " has no annotation"; exit 1 } }
        { ann = 0 }' "$ROOT"/stdlib/cjm.lua || fail "stdlib/cjm.lua: cjm.$f has no ---@ annotation"
done
fields() { sed -n "/^---@class $1\$/,/^\$/p" t.lua | sed -n 's/^---@field \([a-z_]*\).*/\1/p'; }
{
    echo 'return { name = "probe", params = {}, build = function(p, ctx)'
    for k in $(fields cjm.Ctx); do echo "  assert(ctx.$k ~= nil, 'ctx.$k')"; done
    for k in $(fields cjm.Random); do echo "  assert(type(ctx.random.$k) == 'function', 'ctx.random.$k')"; done
    echo '  return { id = "p", title = "P", personas = { { id = "a", name = "A" } },'
    echo '           phases = { { id = "x", name = "X" } } }'
    echo 'end }'
} > probe.lua
[ "$(grep -c assert probe.lua)" -ge 8 ] || fail "too few annotated fields: $(cat probe.lua)"
printf 'template: probe\n' > probe.yaml
"$CJM" check probe.yaml > /dev/null || fail "the annotated ctx fields are not all there"
