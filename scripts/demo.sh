#!/bin/sh
# make demo: check and build every bundled example, and print one built
# journey, so a new user sees the whole pipeline work.
set -e
CJM=${1:-./cjm}
echo "== cjm check: every example in scripts/"
for f in scripts/*.yaml scripts/*.lua; do
    "$CJM" check "$f"
done
mkdir -p build/demo
for f in scripts/*.yaml scripts/*.lua; do
    name=$(basename "$f"); name=${name%.*}
    "$CJM" build "$f" -o "build/demo/$name.yaml"
done
echo
echo "== cjm build scripts/coffee_b2c.lua  (a Lua journey, normalized to YAML)"
"$CJM" build scripts/coffee_b2c.lua
echo
echo "Built journeys are in build/demo/.  Next: edit scripts/acme_b2b.yaml and run"
echo "  ./cjm check scripts/acme_b2b.yaml"
