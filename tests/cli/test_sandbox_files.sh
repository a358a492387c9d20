# Files a journey or template reads stay inside their folder: ctx.load and
# require refuse symbolic links and ".." that lead out, absolute paths,
# FIFOs and files over the size limit; links that stay inside work.
set -e
fail() { echo "$@"; exit 1; }
j='id: j
title: T
personas: [{ id: a, name: A }]
phases: [{ id: p, name: P }]'
mkdir -p jdir/sub
cd jdir
printf '%s\n' "$j" > sub/real.yaml
cat > t_load.lua <<'LUA'
return { name = "t_load", summary = "loads FILE", params = { file = { type = "string" } },
         build = function(p, ctx) return ctx.load(p.file) end }
LUA
printf 'template: t_load\n' > uses.yaml

# a link inside the folder is fine
ln -s sub/real.yaml inside.yaml
"$CJM" check uses.yaml -p file=inside.yaml > out.txt 2>&1 || fail "inside link refused: $(cat out.txt)"

# a link out of the folder (to /etc/passwd) is refused, nothing is written
ln -s /etc/passwd passwd.yaml
printf 'keep\n' > out.yaml
rc=0; "$CJM" build uses.yaml -p file=passwd.yaml -o out.yaml --force 2> err.txt || rc=$?
[ "$rc" = 1 ] || fail "link to /etc/passwd: exit $rc"
grep -q 'ctx.load: "passwd.yaml" leads out of its folder' err.txt || fail "message: $(cat err.txt)"
grep -q 'root:' err.txt out.yaml && fail "the file's content leaked"
[ "$(cat out.yaml)" = keep ] || fail "output changed"

# a link to a folder outside, then a path through it
ln -s /etc etc
rc=0; "$CJM" check uses.yaml -p file=etc/hostname 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q 'leads out of its folder' err.txt || fail "link to /etc: $rc $(cat err.txt)"

# "..", absolute paths
for f in ../jdir/sub/real.yaml /etc/passwd sub/../../x.yaml; do
    rc=0; "$CJM" check uses.yaml -p "file=$f" 2> err.txt || rc=$?
    [ "$rc" = 1 ] || fail "$f: exit $rc"
    grep -q 'leads out of its folder\|must be a path relative to its folder' err.txt \
        || fail "$f: $(cat err.txt)"
done

# a FIFO would block the run: refused at once
mkfifo pipe.yaml
rc=0; timeout 20 "$CJM" check uses.yaml -p file=pipe.yaml 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q 'not a regular file' err.txt || fail "fifo: $rc $(cat err.txt)"

# over the file limit
{ head -c 5000 /dev/zero | tr '\0' '#'; echo; } > big.yaml
printf '%s\n' "$j" >> big.yaml
rc=0; "$CJM" check uses.yaml -p file=big.yaml --limit file=0.004 2> err.txt || rc=$?
[ "$rc" = 1 ] && grep -q 'larger than the limit of 4.096 KB' err.txt || fail "size: $rc $(cat err.txt)"
"$CJM" check uses.yaml -p file=big.yaml > /dev/null || fail "big.yaml under the default limit"

# require: a module that is a link out of the folder
ln -s /etc/passwd evil.lua
printf 'require "evil"\nreturn {}\n' > r.lua
rc=0; "$CJM" check r.lua 2> err.txt || rc=$?
[ "$rc" = 1 ] || fail "require link: exit $rc"
grep -q "require 'evil': ./evil.lua leads out of its folder" err.txt || fail "require: $(cat err.txt)"
grep -q 'root:' err.txt && fail "require leaked the file"

# a module that fails to load reports its own error again, not a "loop"
printf 'error("broken module")\n' > broken.lua
cat > r2.lua <<'LUA'
local ok1, e1 = pcall(require, "broken")
local ok2, e2 = pcall(require, "broken")
assert(not ok1 and not ok2, "require of a broken module succeeded")
assert(tostring(e2):find("broken module"), "second require said: " .. tostring(e2))
LUA
printf '%s\n' "return { id = 'j', title = 'T', personas = {{ id = 'a', name = 'A' }}, phases = {{ id = 'p', name = 'P' }} }" >> r2.lua
"$CJM" check r2.lua > out.txt 2>&1 || fail "second require: $(cat out.txt)"
