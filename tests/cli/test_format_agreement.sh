# Outputs of simulate, plan and attribution agree across every format they
# offer: YAML and JSON hold the same tree; CSV holds the first table's
# rows with the same numbers; Markdown and the terminal table show the
# same rows and the same cells, rounded for people.
set -e
src="$ROOT/scripts/acme_b2b.yaml"
paths="$ROOT/tests/cli/data/paths_small.csv"
for f in json yaml csv md; do
    "$CJM" simulate "$src" --all-scenarios -n 20000 -o sim.$f
    "$CJM" plan "$src" --simulate -n 20000 -o plan.$f
    "$CJM" attribution "$paths" --order 2 -o attr.$f
done
"$CJM" simulate "$src" --all-scenarios -n 20000 --format table > sim.txt
"$CJM" plan "$src" --simulate -n 20000 --format table > plan.txt
"$CJM" attribution "$paths" --order 2 --format table > attr.txt
/usr/bin/python3 - <<'PY'
import csv, json, re, yaml

def md_table(path, title):
    """The rows of the Markdown table under '## TITLE', as lists of cells."""
    lines = open(path).read().splitlines()
    i = lines.index("## " + title)
    rows = []
    for l in lines[i + 1:]:
        if l.startswith("## "):
            break
        if l.startswith("|") and not set(l) <= set("|-: "):
            rows.append([c.strip() for c in l.strip().strip("|").split(" | ")])
    return rows[0], rows[1:]

def number(cell):
    """The first number in a cell: '27.77% ± 0.28' -> 27.77."""
    m = re.search(r"[-+]?\d+(\.\d+)?", cell)
    return float(m.group(0)) if m else None

def check(name, rows_key, title, key_col, pct_cols, num_cols):
    j = json.load(open(name + ".json"))
    y = yaml.safe_load(open(name + ".yaml"))
    assert j == y, name + ": YAML and JSON differ"
    rows = j
    for k in rows_key:
        rows = rows[k]
    # CSV: the same rows, the same numbers, unrounded
    c = list(csv.DictReader(open(name + ".csv", newline="")))
    assert len(c) == len(rows), (name, len(c), len(rows))
    for cr, jr in zip(c, rows):
        for k, v in cr.items():
            if k not in jr or jr[k] is None:
                continue
            if isinstance(jr[k], (int, float)) and not isinstance(jr[k], bool):
                assert abs(float(v) - jr[k]) <= 1e-12 * max(1, abs(jr[k])), (name, k, v, jr[k])
            elif isinstance(jr[k], str):
                assert v == jr[k], (name, k, v, jr[k])
    # Markdown: the same rows; percentages and numbers rounded from JSON
    head, md = md_table(name + ".md", title)
    assert len(md) == len(rows), (name, len(md), len(rows))
    txt = open(name + ".txt").read()
    for mr, jr in zip(md, rows):
        cells = dict(zip(head, mr))
        assert jr[key_col[1]] in cells[key_col[0]] or cells[key_col[0]] in jr[key_col[1]], (name, cells, jr)
        for h, k, dec in pct_cols:
            if jr.get(k) is not None:
                assert abs(number(cells[h]) - 100 * jr[k]) <= 0.51 * 10 ** -dec, (name, h, cells[h], jr[k])
        for h, k, dec in num_cols:
            if jr.get(k) is not None:
                assert abs(number(cells[h]) - jr[k]) <= 0.51 * 10 ** -dec, (name, h, cells[h], jr[k])
        # the terminal table shows every number cell of the row
        for h, cell in cells.items():
            if re.fullmatch(r"[-+]?[\d.]+%?( pts)?( ± [\d.]+)?( \(n\.s\.\))?", cell):
                assert cell in txt, (name, h, cell)

check("sim", ["comparison"], "Scenarios compared with the baseline", ("id", "id"),
      [("converted (exact)", "converted", 2), ("converted (Monte Carlo)", "converted_mc", 2),
       ("difference (exact)", "difference", 2), ("dropped", "dropped", 1)],
      [("median days", "median_days", 0), ("mean days", "mean_days", 1)])
check("plan", ["actions"], "Actions", ("id", "id"),
      [("reach", "reach", 1), ("uplift", "uplift", 2),
       ("uplift (Monte Carlo)", "uplift_mc", 2)],
      [("RICE", "rice", 2), ("days saved", "days_saved", 1)])
check("attr", ["channels"], "Channels", ("channel", "channel"),
      [("removal effect", "removal_effect", 2)],
      [("Markov", "markov_conversions", 2), ("first touch", "first_touch_conversions", 2)])
PY
