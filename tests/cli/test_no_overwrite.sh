# cjm new and cjm build never replace an existing file without --force,
# and never write over their own input, whatever name the output is given.
fail() { echo "$1"; exit 1; }
printf '# my notes\n' > mine.yaml
rc=0; "$CJM" new b2c_acd -o mine.yaml 2> err.txt || rc=$?
[ "$rc" = 2 ] || fail "new over an existing file: exit $rc"
grep -q 'mine.yaml exists; give --force' err.txt || fail "new message: $(cat err.txt)"
[ "$(cat mine.yaml)" = '# my notes' ] || fail "new replaced the file"
"$CJM" new b2c_acd -o mine.yaml --force || fail "new --force failed"
grep -q '^template: b2c_acd' mine.yaml || fail "new --force did not write the journey"

cp "$ROOT"/scripts/acme_b2b.yaml j.yaml
cp j.yaml before.yaml
rc=0; "$CJM" build j.yaml -o j.yaml --force 2> err.txt || rc=$?
[ "$rc" = 2 ] || fail "build over its input: exit $rc"
grep -q 'j.yaml is also the input' err.txt || fail "build message: $(cat err.txt)"
cmp -s j.yaml before.yaml || fail "build wrote over its input"
# the same file under another name: a link, a path through ..
ln -s j.yaml alias.yaml
ln j.yaml hard.yaml
mkdir sub
for out in alias.yaml hard.yaml sub/../j.yaml; do
    rc=0; "$CJM" build j.yaml -o "$out" --force 2> err.txt || rc=$?
    [ "$rc" = 2 ] || fail "build over its input as $out: exit $rc"
    cmp -s j.yaml before.yaml || fail "build wrote over its input as $out"
done

"$CJM" build j.yaml -o out.yaml || fail "first build failed"
printf 'mine\n' > out.yaml
rc=0; "$CJM" build j.yaml -o out.yaml 2> err.txt || rc=$?
[ "$rc" = 2 ] || fail "build over an existing file: exit $rc"
[ "$(cat out.yaml)" = mine ] || fail "build replaced the file"
"$CJM" build j.yaml -o out.yaml --force || fail "build --force failed"
grep -q '^personas:' out.yaml || fail "build --force did not write the journey"
# stdout is never refused
"$CJM" build j.yaml | grep -q '^personas:' || fail "build to stdout"
