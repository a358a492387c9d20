# The exact and Monte Carlo engines agree: every figure within 4 standard
# errors, for every example journey and 12 random models.
set -e
for src in "$ROOT"/scripts/*.yaml "$ROOT"/scripts/*.lua; do
    case "$src" in *mapping_project*) ;; esac
    "$CJM" simulate "$src" --all-scenarios -n 200000 --seed 11 -o r.json
    python3 "$ROOT/tests/cli/check_agreement.py" r.json || { echo "in $src"; exit 1; }
done
printf 'template: random_chain\n' > rand.yaml
for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
    "$CJM" simulate rand.yaml --templates "$ROOT/tests/cli/templates" --param model=$k \
        -n 200000 --seed $k -o r.json
    python3 "$ROOT/tests/cli/check_agreement.py" r.json || { echo "in random model $k"; exit 1; }
done
