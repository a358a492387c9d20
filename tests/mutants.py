"""make mutants: broken builds the test suite must catch.

Each mutant changes one line of the engine the way a plausible bug would,
builds cjm from the changed copy and runs the tests that guard that
contract; the tests must fail.  A mutant that survives means a contract
has no test that can fail, and this script fails.

usage: /usr/bin/python3 tests/mutants.py [NAME...]
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "build", "mutants")

# name, file, text to find (exactly once), its replacement, tests that must fail
MUTANTS = [
    ("build drops every action's horizon", "engine/model/model.c",
     "        const field *f = &fields[i];\n        node *v = NULL;",
     "        const field *f = &fields[i];\n        node *v = NULL;\n"
     "        if (strcmp(f->key, \"horizon\") == 0 && f->type == FT_CUSTOM)\n            continue;",
     ["tests/cli/test_build_keeps.sh"]),
    ("a \"+0.05\" edit subtracts", "engine/sim/compile.c",
     "    case EDIT_ADD: return v + e->value;",
     "    case EDIT_ADD: return v - e->value;",
     ["tests/cli/test_edit_forms.sh"]),
    ("a \"*2\" edit adds", "engine/sim/compile.c",
     "    case EDIT_MUL: return v * e->value;",
     "    case EDIT_MUL: return v + e->value;",
     ["tests/cli/test_edit_forms.sh"]),
    ("outputs written in place, not staged", "engine/base/fsout.c",
     "    if (stat(target, &ts) == 0 && !S_ISREG(ts.st_mode))\n        return open_direct(f, target, d);",
     "    return open_direct(f, target, d);",
     ["tests/cli/test_faults.sh", "tests/cli/test_output_layer.sh"]),
    ("a failed run still renames its outputs", "engine/main.c",
     "    if (rc == EXIT_OK) {\n        diag_list d;",
     "    if (1) {\n        diag_list d;",
     ["tests/cli/test_output_layer.sh"]),
    ("CSV fields never quoted", "engine/report/write_csv.c",
     "    if (!quote) {",
     "    if (1) {",
     ["tests/cli/test_output_layer.sh", "tests/cli/test_format_agreement.sh"]),
    ("CSV intervals under the wrong column", "engine/report/write_csv.c",
     "                table_cell_raw(&cellb, &t->cols[k], row, ci);",
     "                table_cell_raw(&cellb, &t->cols[k], row, !ci && t->cols[k].ci_key);",
     ["tests/cli/test_format_agreement.sh"]),
    ("Markdown rounds percentages one place short", "engine/doc/table.c",
     "    int dec = c->kind == COL_INT ? 0 : c->decimals;",
     "    int dec = c->kind == COL_INT ? 0 : c->decimals > 0 ? c->decimals - 1 : 0;",
     ["tests/cli/test_format_agreement.sh"]),
    ("paired intervals treated as independent", "engine/report/sim_doc.c",
     "            double dci = sim_paired_ci(ru->mc, b->mc, sim_batch_conversion);",
     "            double dci = NAN;",
     ["tests/cli/test_sim_paired.sh"]),
    ("a limit caught by pcall lets the run go on", "engine/lua/host.c",
     "    if (status == LUA_OK && h->killed == KILL_NONE)\n        return 0;",
     "    if (status == LUA_OK)\n        return 0;",
     ["tests/cli/cases/lua_memory_pcall_return.lua"]),
    ("files read through symbolic links out of their folder", "engine/base/fsin.c",
     "    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;",
     "    how.resolve = 0;",
     ["tests/cli/test_sandbox_files.sh"]),
    ("text over the limit accepted", "engine/doc/textcheck.c",
     "        if (chars > w->max_text) {",
     "        if (chars > 100 * w->max_text) {",
     ["tests/cli/test_render_limits.sh"]),
    ("control characters reach the terminal", "engine/base/diag.c",
     "        if (esc) {\n            unsigned v",
     "        if (esc && 0) {\n            unsigned v",
     ["tests/cli/test_terminal_safety.sh"]),
    ("the text check never runs", "engine/model/load.c",
     "    if (textcheck_tree(doc, d) > 0)\n        return NULL;",
     "",
     ["tests/cli/cases/control_chars.yaml", "tests/cli/test_terminal_safety.sh"]),
    ("the exact engine's limit not checked", "engine/sim/exact.c",
     "    if (work <= cap)\n        return 1;",
     "    if (work <= cap || 1)\n        return 1;",
     ["tests/cli/test_render_limits.sh"]),
    ("the scenario chart colours every scenario as better", "engine/render/view_charts.c",
     "        int better = v > base, worse = v < base;",
     "        int better = s > 0 && base == base, worse = 0;",
     ["tests/cli/test_sim_chart.sh"]),
    ("the emotion curve overshoots (Catmull-Rom slopes)", "engine/render/draw.c",
     "    return monotone_slope(h0, d0, h1, d1);",
     "    return monotone_slope(h0, d0, h1, d1) * 0 + (d0 + d1) / 2;",
     ["tests/cli/test_map_emotion.sh"]),
    ("the emotion curve runs through phases without a score", "engine/render/view_emotion.c",
     "            while (end < last && sc->col[end] == sc->col[end - 1] + 1)",
     "            while (end < last)",
     ["tests/cli/test_map_emotion.sh"]),
    ("equal scores drawn on top of each other", "engine/render/view_emotion.c",
     "    return y + off;",
     "    return y + off * 0;",
     ["tests/cli/test_map_emotion.sh"]),
    ("the ninth persona reuses the first one's line", "engine/render/draw.c",
     "    int k = ((s < 0 ? 0 : s) / t->curve_colors) % 4;",
     "    int k = 0 * s * t->curve_colors;",
     ["tests/cli/test_map_emotion.sh"]),
    ("a map too small to read is never split", "engine/render/view_map.c",
     "    if (min >= o->theme->min_text_size - 1e-9 || min <= 0)\n        return;",
     "    if (1)\n        return;",
     ["tests/cli/test_map_pages.sh"]),
    ("value attribution weighs conversions by value, not by mean value per state",
     "engine/sim/markov_chain.c",
     "        double worth = !value ? 1 : c->to_conv[s] > 0 ? c->conv_value[s] / c->to_conv[s] : 0;",
     "        double worth = !value ? 1 : c->conv_value[s];",
     ["tests/cli/test_attribution_value.sh"]),
    ("a journey that moves on always goes to the next phase", "engine/sim/compile.c",
     "    if (!p->to_count) {\n        p->to[0] = i + 1 < c->n ? i + 1 : default_end(c->m);",
     "    p->to_count = 0;\n    if (!p->to_count) {\n        p->to[0] = i + 1 < c->n ? i + 1 : default_end(c->m);",
     ["tests/cli/test_sim_flows.sh"]),
    ("segments mixed with equal weights", "engine/sim/mix.c",
     "            if (run_part(a, j, sc, horizon, run, path, k, j->segments[k].share, n, out, d) < 0)",
     "            if (run_part(a, j, sc, horizon, run, path, k, 1.0 / ns, n, out, d) < 0)",
     ["tests/cli/test_segments.sh"]),
    ("the forecast counts a cohort's conversions a week late", "engine/sim/forecast.c",
     "            for (int t = w * 7; t < w * 7 + 7; t++)",
     "            for (int t = w * 7 - 7; t < w * 7; t++)",
     ["tests/cli/test_money_forecast.sh"]),
    ("exposures cost nothing", "engine/sim/money.c",
     "            out.cost += m->tp_cost[p->tp[k]] * p->reach[k] * r->days_in[i];",
     "            out.cost += 0 * m->tp_cost[p->tp[k]] * p->reach[k] * r->days_in[i];",
     ["tests/cli/test_money_forecast.sh"]),
    ("drop skipped on the last day of a holding time", "engine/sim/exact.c",
     "        double rest = mass * (1 - p->drop - p->back_total);",
     "        double rest = mass * (1 - (k + 1 < p->dur_max ? p->drop + p->back_total : 0));",
     ["tests/cli/test_semantics.sh"]),
    ("the exact engine leaves out states with little mass", "engine/sim/exact.c",
     "                if (mass > 0) {",
     "                if (mass > 1e-4) {",
     ["tests/cli/test_edit_forms.sh", "tests/cli/test_semantics.sh"]),
    ("Mermaid scores centred on 2, not 3", "engine/doc/mermaid.c",
     "            node *v = node_new_float(r->a, r->score_sum[k] / r->scored[k] - 3);",
     "            node *v = node_new_float(r->a, r->score_sum[k] / r->scored[k] - 2);",
     ["tests/cli/test_mermaid.sh"]),
    ("a spreadsheet list loses its last item", "engine/model/sheets.c",
     "        if (n)\n            node_append(list, node_new_str(c->a, p, n));",
     "        if (n && e)\n            node_append(list, node_new_str(c->a, p, n));",
     ["tests/cli/test_spreadsheet.sh"]),
    ("build writes none for every persona again", "engine/model/validate.c",
     "    ph->involvement = sorted;\n    ph->involvement_count = kept;",
     "    ph->involvement = sorted;\n    ph->involvement_count = kept;\n"
     "    if (kept < j->persona_count) {\n"
     "        cjm_involve *all = arena_alloc(c->a, sizeof *all * (size_t)(j->persona_count + 1));\n"
     "        for (int i = 0; i < j->persona_count; i++)\n"
     "            all[i] = (cjm_involve){ j->personas[i].id, model_involvement(j, ph, i), NULL };\n"
     "        ph->involvement = all;\n"
     "        ph->involvement_count = j->persona_count;\n"
     "    }",
     ["tests/cli/test_build_sparse.sh"]),
    ("the last pixel row of a PNG left unpainted", "engine/render/surface.c",
     "        cairo_paint(cr);\n        cairo_scale(cr, s, s);",
     "        cairo_scale(cr, s, s);",
     ["tests/cli/test_map_emotion.sh"]),
    ("serve answers an unknown path with the page", "engine/cli/cmd_serve.c",
     "    return k <= s->count ? k - 1 : -2;",
     "    return k <= s->count ? k - 1 : 0;",
     ["tests/cli/test_serve.sh"]),
    ("the HTML details of a touchpoint leave out its owner", "engine/report/card_details.c",
     "    row(c, W_C_OWNER, tp->owner);\n    row(c, W_R_CONTROL",
     "    row(c, W_R_CONTROL",
     ["tests/cli/test_html_view.sh"]),
    ("the HTML cards cannot be reached with Tab", "engine/report/html_view.c",
     "<rect class=\\\"cjm-hit\\\" tabindex=\\\"0\\\"",
     "<rect class=\\\"cjm-hit\\\" tabindex=\\\"-1\\\"",
     ["tests/cli/test_html_view.sh"]),
    ("watch and serve follow only files named on the command line", "engine/cli/readwatch.c",
     "    readwatch *w = ctx;\n",
     "    readwatch *w = ctx;\n    if (dir)\n        return;\n",
     ["tests/cli/test_watch.sh", "tests/cli/test_serve.sh"]),
    ("lint's emotion-jump fires at the step itself", "engine/sim/lint_rules.c",
     "if (!a || p < 0 || fabs(b->score - a->score) <= step",
     "if (!a || p < 0 || fabs(b->score - a->score) < step",
     ["tests/cli/test_lint.sh"]),
    ("lint ignores suppress entries", "engine/sim/lint.c",
     "        if (strncmp(s, id, n) == 0 && s[n] == ':')\n            return 1;",
     "        if (strncmp(s, id, n) == 0 && s[n] == ':')\n            return 0;",
     ["tests/cli/test_lint.sh"]),
    ("diff matches by id only: a rename is a removal and an addition", "engine/model/diff.c",
     "    for (int pass = 0; pass < 2; pass++) {\n        idmap m;",
     "    for (int pass = 0; pass < 1; pass++) {\n        idmap m;",
     ["tests/cli/test_diff.sh"]),
    ("diff subtracts the new conversion from the old", "engine/report/diff_doc.c",
     "    rnode_put(a, r, \"difference\", num(a, v[1] - v[0]));",
     "    rnode_put(a, r, \"difference\", num(a, v[0] - v[1]));",
     ["tests/cli/test_diff.sh"]),
    ("yaml_fast counts columns in bytes", "engine/doc/yaml_fast.c",
     "    if (f->ascii)\n        return (int)(p - f->line_start) + 1;",
     "    if (1)\n        return (int)(p - f->line_start) + 1;",
     ["tests/cli/test_yaml_fast.sh"]),
    ("yaml_fast keeps a plain scalar's trailing blanks", "engine/doc/yaml_fast.c",
     "    while (end > f->pos && f->s[end - 1] == ' ')\n        end--;",
     "",
     ["tests/cli/test_yaml_fast.sh"]),
    ("attribution drops the part line at a block's end", "engine/base/fsin.c",
     "    f->used -= n;",
     "    f->used = 0;",
     ["tests/cli/test_attribution_blocks.sh"]),
]


def run_case(case, cjm, root, tmp):
    """Run one CLI case (an input beside its .expect) like tests/run.sh."""
    expect = os.path.splitext(case)[0] + ".expect"
    args, want = "check", 0
    needs = []
    for line in open(expect):
        line = line.rstrip("\n")
        if line.startswith("args: "):
            args = line[6:]
        elif line.startswith("exit: "):
            want = int(line[6:])
        elif line.startswith("stderr: "):
            needs.append(line[8:])
    p = subprocess.run(f'"{cjm}" {args} "{os.path.basename(case)}"', shell=True,
                       cwd=os.path.dirname(case), capture_output=True, text=True)
    return p.returncode == want and all(n in p.stderr for n in needs)


def passes(test, cjm, root):
    """Whether TEST passes with the binary CJM (tests of ROOT)."""
    path = os.path.join(root, test)
    with tempfile.TemporaryDirectory() as tmp:
        if test.endswith(".sh"):
            env = dict(os.environ, CJM=cjm, ROOT=root)
            p = subprocess.run(["bash", path], cwd=tmp, env=env, capture_output=True, timeout=600)
            return p.returncode == 0
        return run_case(path, cjm, root, tmp)


def main(names):
    if os.path.isdir(WORK):
        shutil.rmtree(WORK)
    survived, caught = [], 0
    for name, path, old, new, tests in MUTANTS:
        if names and name not in names:
            continue
        src = open(os.path.join(ROOT, path)).read()
        if src.count(old) != 1:
            print(f"mutants: the text of mutant \"{name}\" is not in {path} once; update tests/mutants.py")
            return 1
        shutil.copytree(ROOT, WORK, ignore=shutil.ignore_patterns(".git", "mutants", "fuzz", "asan",
                                                                    "valgrind", "bench"))
        with open(os.path.join(WORK, path), "w") as f:
            f.write(src.replace(old, new))
        b = subprocess.run(["make", "-s", "cjm"], cwd=WORK, capture_output=True, text=True)
        if b.returncode != 0:
            print(f"mutants: \"{name}\" does not build:\n{b.stderr[-2000:]}")
            return 1
        cjm = os.path.join(WORK, "cjm")
        failing = [t for t in tests if not passes(t, cjm, ROOT)]
        if failing:
            caught += 1
            print(f"caught: {name} (by {', '.join(os.path.basename(t) for t in failing)})")
        else:
            survived.append(name)
            print(f"SURVIVED: {name} (tests {', '.join(tests)} all pass)")
        shutil.rmtree(WORK)
    print(f"mutants: {caught} caught, {len(survived)} survived")
    return 1 if survived else 0


sys.exit(main(sys.argv[1:]))
