#!/usr/bin/env bash
# Run every test: C unit tests (cmocka), Lua tests, CLI cases and CLI
# scripts.  usage: tests/run.sh CJM_BINARY UNIT_TEST_DIR
# Prints one line per failure (and per suite), then "N passed, N failed".
set -u
CJM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
UNIT=${2:-build/tests}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CJM ROOT
pass=0
fail=0
failed_names=()

ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    failed_names+=("$1")
    echo "FAIL: $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /' | head -40
    return 0
}

# ---- C unit tests --------------------------------------------------------
for t in "$UNIT"/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1)
    rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    p=${p:-0}
    f=${f:-0}
    pass=$((pass + p))
    if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ] || [ "$p" -eq 0 ]; then
        [ "$f" -gt 0 ] || f=1
        fail=$((fail + f))
        echo "FAIL: unit $(basename "$t") ($f failed, exit $rc)"
        printf '%s\n' "$out" | grep -E "FAILED|ERROR|error|Assert|Sanitizer|runtime error" | head -30 | sed 's/^/    /'
    fi
    echo "unit $(basename "$t"): $p passed, $f failed" >&2
done

# ---- CLI cases: an input file and its .expect -----------------------------
# .expect lines:  args: ARGS (default "check")   exit: N
#                 stderr: TEXT / stdout: TEXT (substrings that must appear)
#                 !stderr: TEXT (must not appear)
run_case() {
    local input=$1 expect=$2 name
    name=$(basename "$input")
    local dir
    dir=$(dirname "$input")
    local args="check" want_exit=0
    while IFS= read -r line; do
        case "$line" in
            args:*) args=${line#args: } ;;
            exit:*) want_exit=${line#exit: } ;;
        esac
    done < "$expect"
    # make valgrind runs cjm some 30 times slower: its --timeout guards too
    # (not in cases about the time limit itself, whose message names it)
    if [ -n "${TIMEOUT_SCALE:-}" ] && ! grep -q "time limit of" "$expect"; then
        args=$(printf '%s' "$args" | awk -v k="$TIMEOUT_SCALE" '{
            for (i = 1; i < NF; i++) if ($i == "--timeout") $(i + 1) = $(i + 1) * k
            print }')
    fi
    local out err rc
    err=$(mktemp)
    out=$(cd "$dir" && eval "\"\$CJM\" $args \"$name\"" 2>"$err")
    rc=$?
    local errtext
    errtext=$(cat "$err")
    rm -f "$err"
    local problems=""
    [ "$rc" = "$want_exit" ] || problems+="exit $rc, expected $want_exit"$'\n'
    while IFS= read -r line; do
        case "$line" in
            stderr:*) [[ "$errtext" == *"${line#stderr: }"* ]] || problems+="stderr lacks: ${line#stderr: }"$'\n' ;;
            stdout:*) [[ "$out" == *"${line#stdout: }"* ]] || problems+="stdout lacks: ${line#stdout: }"$'\n' ;;
            '!stderr:'*) [[ "$errtext" != *"${line#\!stderr: }"* ]] || problems+="stderr has: ${line#\!stderr: }"$'\n' ;;
        esac
    done < "$expect"
    if [ -z "$problems" ]; then
        ok
    else
        bad "cli $name" "$problems--- stderr:
$errtext"
    fi
}

cases=0
for expect in "$ROOT"/tests/cli/cases/*.expect; do
    base=${expect%.expect}
    input=""
    for ext in yaml lua json yml csv; do
        [ -f "$base.$ext" ] && input="$base.$ext"
    done
    if [ -z "$input" ]; then
        bad "cli $(basename "$expect")" "no input file beside it"
        continue
    fi
    run_case "$input" "$expect"
    cases=$((cases + 1))
done
echo "cli cases: $cases run" >&2

# ---- good inputs: every example and good case checks clean ---------------
for f in "$ROOT"/scripts/*.yaml "$ROOT"/scripts/*.lua "$ROOT"/tests/cli/good/*.yaml \
         "$ROOT"/tests/cli/good/*.lua; do
    [ -f "$f" ] || continue
    if err=$("$CJM" check -q "$f" 2>&1); then ok; else bad "good $(basename "$f")" "$err"; fi
done

# ---- Lua tests: scripts that assert and return a journey -----------------
for f in "$ROOT"/tests/lua/test_*.lua; do
    [ -f "$f" ] || continue
    if err=$("$CJM" check -q "$f" 2>&1); then ok; else bad "lua $(basename "$f")" "$err"; fi
done

# ---- CLI scripts: each test_*.sh is one test ------------------------------
for f in "$ROOT"/tests/cli/test_*.sh; do
    [ -f "$f" ] || continue
    tmp=$(mktemp -d)
    if err=$(cd "$tmp" && bash "$f" 2>&1); then ok; else bad "script $(basename "$f")" "$err"; fi
    rm -rf "$tmp"
done

# ---- the layout: no #include going up a layer ----------------------------
if err=$(sh "$ROOT/tests/layers.sh" 2>&1); then ok; else bad "layers" "$err"; fi
# ---- functions that fit on a screen: no more long ones than before -------
if err=$(sh "$ROOT/tests/lint.sh" 2>&1); then ok; else bad "lint" "$(printf '%s\n' "$err" | tail -3)"; fi

# ---- fuzz smoke runs: kept crash inputs, then a few seconds each ---------
for t in yaml journey lua csv mermaid; do
    [ -n "${SKIP_FUZZ:-}" ] && break
    [ -x "$ROOT/build/fuzz/fuzz_$t" ] || { bad "fuzz $t" "build/fuzz/fuzz_$t is missing (make fuzz-build)"; continue; }
    if err=$(sh "$ROOT/tests/fuzz/run.sh" "$t" "${FUZZ_SMOKE:-4}" smoke 2>&1); then
        ok
        echo "$err" >&2
    else
        bad "fuzz $t" "$err"
    fi
done

if [ "$fail" -gt 0 ]; then
    echo "failed:" "${failed_names[@]}" >&2
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
