# Building the emitted YAML (and JSON) again gives byte-identical output.
set -e
for src in "$ROOT"/scripts/*.yaml "$ROOT"/scripts/*.lua; do
    "$CJM" build "$src" -o one.yaml --force
    "$CJM" build one.yaml -o two.yaml --force
    cmp one.yaml two.yaml || { echo "not stable: $src"; exit 1; }
    "$CJM" build "$src" -o one.json --force
    "$CJM" build one.json -o three.yaml --force
    cmp one.yaml three.yaml || { echo "JSON differs from YAML: $src"; exit 1; }
done
