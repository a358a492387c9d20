#!/bin/sh
# make bench: performance figures, each printed with its target.
# Timing lives here, never in tests.  usage: tests/bench/run.sh ./cjm
CJM=${1:-./cjm}
median_ms() {   # median wall time in ms of N runs of a command
    n=$1; shift
    i=0
    while [ $i -lt "$n" ]; do
        s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
        echo $(( (e - s) / 1000 ))
        i=$((i + 1))
    done | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }'
}
echo "cjm bench (median of 20 runs, whole process)"
printf '  check acme_b2b.yaml          %8s ms   (target < 20 ms)\n' "$(median_ms 20 "$CJM" check scripts/acme_b2b.yaml)"
printf '  build acme_b2b.yaml          %8s ms   (target < 20 ms)\n' "$(median_ms 20 "$CJM" build scripts/acme_b2b.yaml)"
printf '  build coffee_b2c.lua (Lua)   %8s ms   (target < 30 ms)\n' "$(median_ms 20 "$CJM" build scripts/coffee_b2c.lua)"
