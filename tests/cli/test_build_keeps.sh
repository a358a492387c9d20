# `cjm build` keeps every key and value of its input (the input compared
# with the output), for a journey that sets every field and for the
# complete example; and building the output again changes nothing.
set -e
for src in "$ROOT/tests/cli/data/every_field.yaml" "$ROOT/scripts/acme_b2b.yaml"; do
    "$CJM" build "$src" -o out.yaml --force
    /usr/bin/python3 "$ROOT/tests/cli/check_keeps.py" "$src" out.yaml
    "$CJM" build out.yaml -o again.yaml --force
    cmp out.yaml again.yaml
    "$CJM" build "$src" -o out.json --force
    "$CJM" build out.json -o again2.yaml --force
    cmp out.yaml again2.yaml
done
