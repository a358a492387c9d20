#!/bin/sh
# make bench: performance figures, each printed with its target.
# Timing lives here, never in tests.  usage: tests/bench/run.sh ./cjm
CJM=${1:-./cjm}
B=build/bench
mkdir -p $B
median_ms() {   # median wall time in ms of N runs of a command
    n=$1; shift
    i=0
    while [ $i -lt "$n" ]; do
        s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
        echo $(( (e - s) / 1000 ))
        i=$((i + 1))
    done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0) ? "ok" : "MISSED" }'; }
line() { printf '  %-44s %9s   target < %-8s %s\n' "$1" "$2" "$3" "$(verdict "$2" "$4")"; }

J=tests/bench/bench_journey.lua
echo "cjm bench (whole process, median of 10 runs unless said)"
v=$(median_ms 10 "$CJM" check scripts/acme_b2b.yaml); line "check acme_b2b.yaml (ms)" "$v" "20 ms" 20
v=$(median_ms 10 "$CJM" build scripts/coffee_b2c.lua); line "build coffee_b2c.lua (ms)" "$v" "30 ms" 30
echo "render: 7 phases, 5 personas, 30 touchpoints ($J)"
v=$(median_ms 10 "$CJM" render $J -o $B/map.svg); line "render map SVG (ms)" "$v" "30 ms" 30
v=$(median_ms 10 "$CJM" render $J -o $B/map.pdf); line "render map PDF (ms)" "$v" "30 ms" 30
"$CJM" render $J --size A3 --dpi 150 -o $B/map.png
size=$(python3 -c 'import struct; d=open("'$B'/map.png","rb").read(24); print(*struct.unpack(">II", d[16:24]))')
png=$(median_ms 10 "$CJM" render $J --size A3 --dpi 150 -o $B/map.png)
ref=$(median_ms 10 $B/ref_png $size $B/ref.png)
ratio=$(awk -v a="$png" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
line "render map PNG A3 150 dpi (ms)" "$png" "-" 1e9
line "bare cairo PNG of $(echo $size | tr ' ' x) (ms)" "$ref" "-" 1e9
line "PNG ratio to the bare cairo program" "$ratio" "1.2x" 1.2
mkdir -p $B/many
i=1; files=""
while [ $i -le 20 ]; do cp $J $B/many/j$i.lua; files="$files $B/many/j$i.lua"; i=$((i + 1)); done
v=$(median_ms 3 "$CJM" render $files -o $B/out/ --format svg)
line "render 20 journeys in one process, SVG (ms)" "$v" "300 ms" 300
v=$(median_ms 3 "$CJM" render $files -o $B/out/ --format pdf)
line "render 20 journeys in one process, PDF (ms)" "$v" "-" 1e9
v=$(median_ms 10 "$CJM" render scripts/acme_b2b.yaml --view report -o $B/report.pdf)
line "report PDF of acme_b2b, 9 pages (ms)" "$v" "-" 1e9
v=$(median_ms 10 "$CJM" render scripts/acme_b2b.yaml --view report --editable-text -o $B/report_ef.pdf)
line "the same with --editable-text (cairo) (ms)" "$v" "-" 1e9
echo "simulate: 7-phase B2B journey, 4-gatekeeper approval chain (tests/bench/bench_sim.yaml)"
S=tests/bench/bench_sim.yaml
ref=$($B/ref_sim 2000000 | cut -d' ' -f1)
# 1 and 2 threads measured in turn, seven times each, the fastest of each
# kept: on a shared VM the other core is now and then busy elsewhere.  The
# CPU time of the fastest 2-thread run is kept too: CPU time / wall time
# is how busy the engine kept both cores, whatever the VM's speed.
ns1=0; ns2=0; cpu2=0; i=0
while [ $i -lt 7 ]; do
    for th in 1 2; do
        t0=$(date +%s%N)
        /usr/bin/time -o $B/cpu.txt -f "%U %S" "$CJM" simulate $S -n 20000000 \
            --threads $th -o $B/s$th.json >/dev/null 2>&1
        cpu=$(cat $B/cpu.txt)
        t1=$(date +%s%N); d=$((t1 - t0))
        if [ $th = 1 ]; then { [ $ns1 = 0 ] || [ $d -lt $ns1 ]; } && ns1=$d
        elif [ $ns2 = 0 ] || [ $d -lt $ns2 ]; then ns2=$d; cpu2=$cpu; fi
    done
    i=$((i + 1))
done
steps=$(python3 -c 'import json; print(json.load(open("'$B'/s1.json"))["scenarios"][0]["monte_carlo"]["journey_days"])')
one=$(awk -v s="$steps" -v ns=$ns1 'BEGIN { printf "%.3g", s / (ns / 1e9) }')
line "plain C loop (ref_sim), journey-days/s" "$(awk -v r="$ref" 'BEGIN { printf "%.3g", r }')" "-" 1e99
line "engine, 1 thread, journey-days/s" "$one" "-" 1e99
ratio=$(awk -v a="$one" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
printf '  %-44s %9s   target > %-8s %s\n' "engine / reference" "$ratio" "0.5" "$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5) ? "ok" : "MISSED" }')"
speed=$(awk -v a="$ns1" -v b="$ns2" 'BEGIN { printf "%.2f", a / b }')
printf '  %-44s %9s   target > %-8s %s\n' "2 threads / 1 thread (best of 7 each)" "$speed" "1.8" "$(awk -v r="$speed" 'BEGIN { print (r >= 1.8) ? "ok" : "MISSED" }')"
busy=$(echo $cpu2 | awk -v ns=$ns2 '{ printf "%.2f", ($1 + $2) / (ns / 1e9) }')
line "  cores kept busy by that 2-thread run" "$busy" "-" 1e9
v=$(median_ms 3 "$CJM" simulate $S -n 1e7 -o $B/s3.json); line "10^7 journeys, all cores (ms)" "$v" "2000 ms" 2000
v=$(median_ms 10 "$CJM" simulate $S --exact -o $B/s4.json); line "exact analysis, 365 days (ms)" "$v" "50 ms" 50
mem=$( { /usr/bin/time -f %M "$CJM" simulate $S -n 1e7 -o $B/s5.json; } 2>&1 | tail -1)
line "peak memory, 10^7 journeys (MB)" "$(awk -v k="$mem" 'BEGIN { printf "%.1f", k / 1024 }')" "50 MB" 50
# instructions per journey, counted by callgrind (the same whatever else
# the machine does): the engine and ref_geo.c, the plain C program of its
# method on the same chain, each at two journey counts, so start-up and
# the exact engine's run drop out of the difference
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
per_journey() { a=$(ir "$@" 100000); b=$(ir "$@" 300000); echo $(( (b - a) / 200000 )); }
eng=$(per_journey "$CJM" simulate $S --threads 1 -o $B/cg.json -n)
ref=$(per_journey $B/ref_geo)
line "plain C, same method (ref_geo), instr/journey" "$ref" "-" 1e9
line "engine, instructions per journey" "$eng" "-" 1e9
ratio=$(awk -v a="$eng" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
printf '  %-44s %9s   target <= %-7s %s\n' "engine / plain C" "$ratio" "1.1" "$(awk -v r="$ratio" 'BEGIN { print (r <= 1.1) ? "ok" : "MISSED" }')"
echo "attribution: 10,000 observed paths (../shared/data/attribution/paths.csv)"
P=../shared/data/attribution/paths.csv
if [ -f $P ]; then
    v=$(median_ms 10 "$CJM" attribution $P -o $B/attr.json); line "attribution, exact removal effects (ms)" "$v" "100 ms" 100
    v=$(median_ms 5 "$CJM" attribution $P --order 4 -o $B/attr4.json); line "attribution, order 4 (ms)" "$v" "1000 ms" 1000
fi
echo "attribution: 10^6 observed paths (tests/bench/gen_paths.py, 12 channels)"
P6=$B/paths1m.csv
[ -s $P6 ] || python3 tests/bench/gen_paths.py 1000000 > $P6
file_mb=$(awk -v b="$(wc -c < $P6)" 'BEGIN { printf "%.1f", b / 1048576 }')
cpu() {   # best of 3: "cpu_seconds peak_MB" of a command
    best=""; mem=0
    for k in 1 2 3; do
        /usr/bin/time -f "%U %S %M" -o $B/cpu.txt "$@" >/dev/null 2>&1
        read -r u s kb < $B/cpu.txt
        c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
        if [ -z "$best" ] || awk -v a="$c" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$c; fi
        [ "$kb" -gt "$mem" ] && mem=$kb
    done
    echo "$best $(awk -v k="$mem" 'BEGIN { printf "%.1f", k / 1024 }')"
}
set -- $(cpu "$CJM" attribution $P6 -o $B/attr1m.json)
line "order 1, CPU seconds" "$1" "0.3 s" 0.3
line "order 1, peak memory (MB; the file is $file_mb MB)" "$2" "2x file" "$(awk -v f="$file_mb" 'BEGIN { print 2 * f }')"
o1=$1
set -- $(cpu "$CJM" attribution $P6 --order 3 -o $B/attr1m3.json)
line "order 3, CPU seconds" "$1" "2 s" 2
set -- $(cpu /usr/bin/python3 tests/bench/attr_numpy.py $P6)
line "numpy, first-order removal effects, CPU s" "$1" "-" 1e9
ratio=$(awk -v a="$1" -v b="$o1" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 0.01) }')
printf '  %-44s %9s   target >= %-7s %s\n' "numpy / cjm" "$ratio" "20x" "$(awk -v r="$ratio" 'BEGIN { print (r >= 20) ? "ok" : "MISSED" }')"
echo "templates: a Lua template making N personas (tests/bench/many_personas.lua)"
for n in 1000 30000; do
    set -- $(cpu "$CJM" check tests/bench/many_personas.lua -p personas=$n)
    eval "tp_$n=$1"
    line "N=$n, CPU seconds" "$1" "-" 1e9
done
exp=$(awk -v a="$tp_1000" -v b="$tp_30000" 'BEGIN { if (a > 0.005) printf "%.2f", log(b / a) / log(30); else print "-" }')
printf '  %-44s %9s   target <= %-7s %s\n' "growth exponent, 1,000 to 30,000" "$exp" "1.15" \
    "$(awk -v e="$exp" 'BEGIN { print (e == "-" || e <= 1.15) ? "ok" : "MISSED" }')"
sh tests/bench/growth.sh "$CJM"
