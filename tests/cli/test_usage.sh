# Usage errors exit 2 with a hint; help and version work.
set -e
expect_rc() { want=$1; shift; rc=0; "$@" >out.txt 2>err.txt || rc=$?; [ "$rc" = "$want" ] || { echo "$*: exit $rc, want $want"; cat err.txt; exit 1; }; }
expect_rc 2 "$CJM"
expect_rc 2 "$CJM" frobnicate
grep -q "unknown command 'frobnicate'" err.txt
expect_rc 2 "$CJM" buidl x.yaml
grep -q "did you mean 'build'" err.txt
expect_rc 2 "$CJM" build
expect_rc 2 "$CJM" build a.yaml b.yaml
expect_rc 2 "$CJM" build "$ROOT"/scripts/acme_b2b.yaml --ouput x.yaml
grep -q "unknown option --ouput (did you mean --output?)" err.txt
expect_rc 2 "$CJM" build "$ROOT"/scripts/acme_b2b.yaml -o out.txt
grep -q "cannot tell the format" err.txt
expect_rc 2 "$CJM" check "$ROOT"/scripts/acme_b2b.yaml --max-memory lots
grep -q "max-memory expects a number" err.txt
expect_rc 2 "$CJM" check
expect_rc 0 "$CJM" --help
grep -q "commands:" out.txt
expect_rc 0 "$CJM" help build
grep -q "usage: cjm build" out.txt
expect_rc 0 "$CJM" check --help
grep -q "usage: cjm check" out.txt
expect_rc 0 "$CJM" --version
grep -q "^cjm [0-9]" out.txt
expect_rc 1 "$CJM" check does-not-exist.yaml
grep -q "does-not-exist.yaml: error: cannot read: No such file or directory" err.txt
