#!/bin/sh
# make bench, part 2: how each step grows with the journey.  Journeys of N
# phases, N personas and N touchpoints (tests/bench/gen_journey.py) go
# through check, build, render (SVG), simulate --exact and a fixed Monte
# Carlo run; for each: seconds (the best of 3 runs) and peak memory at each
# N, and the growth exponent from N=1,000 to N=10,000 (1: linear, 2:
# quadratic), each beside its target.
# usage: tests/bench/growth.sh ./cjm [N...]
CJM=${1:-./cjm}
shift
SIZES=${*:-100 1000 10000}
B=build/bench/growth
mkdir -p $B
for n in $SIZES; do
    [ -s $B/j$n.yaml ] || python3 tests/bench/gen_journey.py $n > $B/j$n.yaml
done
# best of 3: "seconds peak_MB" of a command
measure() {
    best=""; mem=0
    for k in 1 2 3; do
        /usr/bin/time -f "%e %M" -o $B/time.txt "$@" > /dev/null 2> $B/err.txt \
            || { echo "failed: $* ($(tail -1 $B/err.txt))" >&2; echo "nan nan"; return; }
        read -r s kb < $B/time.txt
        if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
        [ "$kb" -gt "$mem" ] && mem=$kb
    done
    echo "$best $(awk -v k="$mem" 'BEGIN { printf "%.1f", k / 1024 }')"
}
exponent() {   # exponent of growth from A at N=1000 to B at N=10000
    awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", log(b / a) / log(10); else print "-" }'
}
ok() { awk -v v="$1" -v t="$2" 'BEGIN { print (v != "-" && v + 0 <= t + 0) ? "ok" : "MISSED" }'; }
echo "growth with journey size N (N phases, personas and touchpoints; best of 3 runs)"
printf '  %-22s' "step"
for n in $SIZES; do printf ' %16s' "N=$n"; done
printf '   %-22s %s\n' "exponent time / memory" "targets"
for step in check build render exact montecarlo; do
    printf '  %-22s' "$step"
    for n in $SIZES; do
        j=$B/j$n.yaml
        case $step in
            check) r=$(measure "$CJM" check $j) ;;
            build) r=$(measure "$CJM" build $j -o $B/b$n.yaml --force) ;;
            render) r=$(measure "$CJM" render $j -o $B/r$n.svg) ;;
            exact) r=$(measure "$CJM" simulate --exact $j -o $B/e$n.json) ;;
            montecarlo) r=$(measure "$CJM" simulate $j -n 100000 --threads 1 -o $B/m$n.json) ;;
        esac
        set -- $r
        eval "t_$n=$1 m_$n=$2"
        printf ' %7ss %6sMB' "$1" "$2"
    done
    if [ -n "${t_1000:-}" ] && [ -n "${t_10000:-}" ]; then
        et=$(exponent "$t_1000" "$t_10000"); em=$(exponent "$m_1000" "$m_10000")
        # below 0.05 s a run is mostly starting the process: not a growth
        awk -v t="$t_10000" 'BEGIN { exit !(t < 0.05) }' && et="-"
        verdict="time $(ok "${et:-0}" 1.15), memory $(ok "$em" 1.15)"
        [ "$et" = "-" ] && verdict="time ok (under 0.05 s), memory $(ok "$em" 1.15)"
        extra=""
        case $step in
            check) extra="; N=10000 < 0.5 s $(ok "$t_10000" 0.5), < 150 MB $(ok "$m_10000" 150)" ;;
            render) extra="; N=10000 < 5 s $(ok "$t_10000" 5)" ;;
            exact) extra="; N=10000 < 2 s $(ok "$t_10000" 2)" ;;
        esac
        printf '   %5s / %-5s  <= 1.15: %s%s\n' "$et" "$em" "$verdict" "$extra"
    else
        echo
    fi
done
