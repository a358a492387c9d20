# Progress on stderr for the commands that can run long (issue 14):
# simulate, plan --simulate, attribution, renders of many journeys.  Drawn
# only on a terminal (CJM_PROGRESS=1 forces it, as a test or a logging
# script needs; CJM_PROGRESS=0 turns it off), never into a pipe or file.
set -e
src="$ROOT/scripts/acme_b2b.yaml"
runs() {   # NAME COMMAND...: stderr of the command with progress forced
    name=$1; shift
    CJM_PROGRESS=1 "$@" 2> "$name.err" > /dev/null
    tr '\r' '\n' < "$name.err" > "$name.lines"
}
runs plan "$CJM" plan "$src" --simulate -n 2000 -o p.json
grep -q 'cjm plan: simulating actions \[.*\] 3/5  60%' plan.lines
grep -q 'about [0-9]* s left' plan.lines
runs attr "$CJM" attribution "$ROOT/tests/cli/data/paths_small.csv" -o a.json
grep -q 'cjm attribution: removal effects \[.*\] 1/2' attr.lines
mkdir -p out
runs render "$CJM" render "$ROOT/scripts/b2c_template.yaml" "$ROOT/scripts/b2b_ja.yaml" \
    "$ROOT/scripts/payroll_b2b.yaml" -o out/ --format svg
grep -q 'cjm render \[.*\] 2/3' render.lines
runs sim "$CJM" simulate "$src" -n 400000
grep -q 'cjm: Monte Carlo \[' sim.lines
# the line is cleared at the end: the last thing written is the clear
tail -c 4 plan.err | od -c | grep -q '\\r 033   \[   K'
# not a terminal: nothing but the results
"$CJM" plan "$src" --simulate -n 2000 -o p2.json 2> quiet.err
[ ! -s quiet.err ]
# a terminal (script gives one) with CJM_PROGRESS=0: nothing either
CJM_PROGRESS=0 script -qec "\"$CJM\" plan \"$src\" --simulate -n 2000 -o p3.json" /dev/null > tty.out
! grep -q 'simulating actions' tty.out
cmp p.json p2.json
