#!/bin/sh
# make lint: functions should fit on a screen.  Lists every function of
# engine/ longer than 80 lines or with a (modified McCabe) complexity over
# 20, as pmccabe counts them, and fails when there are more of them than
# tests/lint.baseline allows: the number may only go down.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
command -v pmccabe >/dev/null || { echo "make lint needs pmccabe (apt-get install -y pmccabe)"; exit 1; }
baseline=$(cat "$root/tests/lint.baseline")
list=$(cd "$root" && pmccabe engine/*/*.c engine/*.c 2>/dev/null \
       | awk '$1 > 20 || $5 > 80 { printf "  %4d lines, complexity %3d  %s %s\n", $5, $1, $6, $7 }' \
       | sort -rn)
count=$(printf '%s\n' "$list" | grep -c . || true)
printf '%s\n' "$list"
if [ "$count" -gt "$baseline" ]; then
    echo "lint: $count functions over 80 lines or complexity 20, more than the $baseline allowed; split the new one by stage"
    exit 1
fi
if [ "$count" -lt "$baseline" ]; then
    echo "lint: $count functions over 80 lines or complexity 20 (the baseline allows $baseline; lower tests/lint.baseline to $count)"
else
    echo "lint: $count functions over 80 lines or complexity 20 (no more than the baseline)"
fi
