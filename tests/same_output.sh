#!/bin/sh
# make same-output: what every example and test journey gives (check,
# build, render SVG of the map, blueprint and report, simulate exact and
# Monte Carlo, plan) by the cjm of git revision BASE (default HEAD) and by
# ./cjm, compared byte for byte.  For changes meant to change no result
# (a faster data structure, a sparser table).
# usage: tests/same_output.sh [BASE]   (BASE_CJM=path skips the build;
# NEW_CJM=path compares that binary instead of ./cjm; SKIP="mc plan"
# leaves out those runs, for a base before an intended change of them)
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-HEAD}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${BASE_CJM:-}" ]; then
    old=$BASE_CJM
else
    git -C "$root" worktree add -q --detach "$tmp/base" "$base" || exit 2
    make -C "$tmp/base" -s cjm >/dev/null 2>&1 || { echo "cannot build $base"; exit 2; }
    old=$tmp/base/cjm
fi
new=${NEW_CJM:-$root/cjm}
export CJM_HOME=$root CJM_PROGRESS=0
# one run: "ARGS" with the output (file or stdout) in DIR/out.*
run() {   # run BIN DIR NAME ARGS...
    bin=$1 dir=$2 name=$3; shift 3
    case " ${SKIP:-} " in *" $name "*) return ;; esac
    mkdir -p "$dir"
    # (a bounded time: some test journeys are scripts that never end)
    ( cd "$dir" && "$bin" "$@" --timeout 20 > "$name.stdout" 2> "$name.stderr"; echo $? > "$name.rc" )
}
same=0 differ=0
for f in "$root"/scripts/*.yaml "$root"/scripts/*.lua "$root"/tests/cli/cases/*.yaml \
         "$root"/tests/cli/cases/*.lua; do
    [ -f "$f" ] || continue
    b=$(basename "$f")
    for side in old new; do
        eval bin=\$$side
        d=$tmp/$side/$b
        run "$bin" "$d" check check "$f"
        run "$bin" "$d" build build "$f" -o build.yaml --force
        run "$bin" "$d" map render "$f" -o map.svg
        run "$bin" "$d" blueprint render "$f" --view blueprint -o blueprint.svg
        run "$bin" "$d" report render "$f" --view report -o report.pdf
        run "$bin" "$d" exact simulate "$f" --exact -o exact.json
        run "$bin" "$d" mc simulate "$f" -n 20000 --seed 7 --threads 1 -o mc.json
        run "$bin" "$d" plan plan "$f" -o plan.md
    done
    # the build's YAML may differ only where it leaves out involvement
    # that is none (sparse storage): compare the rest
    if diff -r -x build.yaml -x '*.stderr' "$tmp/old/$b" "$tmp/new/$b" > "$tmp/d" 2>&1 \
        && diff "$tmp/old/$b/check.stderr" "$tmp/new/$b/check.stderr" >/dev/null 2>&1; then
        same=$((same + 1))
    else
        differ=$((differ + 1)); echo "DIFFERS: $b"; head -5 "$tmp/d"
    fi
done
[ -z "${BASE_CJM:-}" ] && git -C "$root" worktree remove --force "$tmp/base"
echo "same-output: $same same, $differ differ"
[ $differ = 0 ]
