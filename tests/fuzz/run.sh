#!/bin/sh
# Run one fuzz target: replay the kept crash inputs, then fuzz for SECONDS
# from its corpus (seeded from the examples and test cases), and print one
# line: "fuzz TARGET: N runs in S s, K new inputs, no finding" or the
# finding (exit 1; the input is saved under tests/fuzz/regress/TARGET/).
# usage: tests/fuzz/run.sh TARGET SECONDS [smoke]
# A smoke run (make test) starts from the seeds alone in a scratch corpus,
# so it takes the same time however long the corpus of make fuzz grows.
set -u
t=$1
secs=$2
smoke=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${FUZZ_BIN_DIR:-$root/build/fuzz}/fuzz_$t
corpus=$root/build/fuzz/corpus_$t
[ -n "$smoke" ] && corpus=$(mktemp -d)
regress=$root/tests/fuzz/regress/$t
mkdir -p "$corpus" "$regress"
case $t in
    yaml|journey) seeds="$root/scripts/*.yaml $root/tests/cli/cases/*.yaml"; dict=${FUZZ_BIN_DIR:-$root/build/fuzz}/journey.dict ;;
    lua) seeds="$root/scripts/*.lua $root/tests/cli/cases/*.lua $root/tests/lua/*.lua $root/tests/cli/templates/*.lua"; dict=$root/tests/fuzz/lua.dict ;;
    csv) seeds="$root/tests/cli/data/*.csv"; dict=$root/tests/fuzz/csv.dict ;;
    mermaid) seeds="$root/tests/cli/mermaid/*"; dict=$root/tests/fuzz/mermaid.dict ;;
    *) echo "unknown fuzz target $t"; exit 2 ;;
esac
[ "$t" = yaml ] && dict=$root/tests/fuzz/yaml.dict
for f in $seeds; do
    [ -f "$f" ] || continue
    if [ "$t" = mermaid ]; then
        # the first byte picks the kind of file: even .mmd, odd Markdown
        case $f in *.md) k=1 ;; *) k=0 ;; esac
        printf "\\$k" | cat - "$f" > "$corpus/seed_$(basename "$f")"
    elif [ "$t" = csv ]; then
        # the first byte picks the chain order
        for o in 0 2; do printf "\\$o" | cat - "$f" > "$corpus/seed_${o}_$(basename "$f")"; done
    else
        cp "$f" "$corpus/"
    fi
done
export CJM_HOME=$root
log=$(mktemp)
# kept crash inputs must pass
if ls "$regress"/* >/dev/null 2>&1; then
    if ! "$bin" -runs=0 "$regress"/* > "$log" 2>&1 && ! "$bin" "$regress"/* > "$log" 2>&1; then
        echo "fuzz $t: a kept crash input fails again:"; tail -30 "$log"; rm -f "$log"; exit 1
    fi
fi
before=$(ls "$corpus" | wc -l)
start=$(date +%s)
"$bin" -max_total_time="$secs" -max_len=16384 -timeout=20 -rss_limit_mb=2048 \
    -dict="$dict" -artifact_prefix="$regress/" -print_final_stats=1 "$corpus" > "$log" 2>&1
rc=$?
end=$(date +%s)
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
after=$(ls "$corpus" | wc -l)
if [ $rc -ne 0 ]; then
    echo "fuzz $t: FINDING after ${runs:-?} runs (input kept in tests/fuzz/regress/$t/):"
    grep -E "ERROR|SUMMARY|==[0-9]+==|#[0-9]+ 0x|runtime error|deadly|timeout" "$log" | head -30
    rm -f "$log"
    [ -n "$smoke" ] && rm -rf "$corpus"
    exit 1
fi
echo "fuzz $t: ${runs:-?} runs in $((end - start)) s, $((after - before)) new inputs, no finding"
rm -f "$log"
[ -n "$smoke" ] && rm -rf "$corpus"
exit 0
