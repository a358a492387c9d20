/*
 * cmd_simulate.c — `cjm simulate`: the baseline and scenarios, exact and
 * Monte Carlo, as a table, or as YAML, JSON or Markdown.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "base/watchdog.h"
#include "cli/commands.h"
#include "model/emit.h"
#include "base/fsout.h"
#include "model/load.h"
#include "render/words.h"
#include "sim/sim.h"
#include "sim/shard.h"
#include "report/sim_pages.h"
#include "render/surface.h"
#include "doc/json.h"
#include "doc/yaml.h"
#include "report/sim_doc.h"

static const cli_option simulate_options[] = {
    { "journeys", 'n', 1, "N", "Monte Carlo journeys (default 100000)" },
    { "seed", 0, 1, "N", "random seed (default 1)" },
    { "threads", 'j', 1, "N", "threads (default: all cores); results do not depend on it" },
    { "horizon", 0, 1, "DAYS", "days simulated (default: the journey's horizon, 365)" },
    { "scenario", 's', 1, "ID", "also run this scenario (repeatable)" },
    { "all-scenarios", 'a', 0, "", "run every scenario of the journey" },
    { "scenarios", 0, 1, "FILE", "more scenarios from a YAML or Lua file (a list, or scenarios:)" },
    { "exact", 0, 0, "", "the exact engine only (no Monte Carlo)" },
    { "attribution", 0, 0, "", "also print each touchpoint's removal effect (exact)" },
    { "chart", 'c', 1, "FILE", "draw the funnel, time to convert and scenarios (.svg, .png, .pdf)" },
    { "output", 'o', 1, "FILE", "write the report: .md, .csv, .yaml or .json (default: a table on stdout)" },
    { "format", 'f', 1, "FORMAT", "table, md, csv, yaml or json (default: from -o, else table)" },
    { "detail", 'd', 0, "", "on a terminal: also each scenario's funnel and the drop per phase" },
    { "shard", 0, 1, "K/N", "run only blocks K, K+N, ... and write raw counts for cjm merge" },
    { "help", 'h', 0, "", "show this help" },
    { "param", 'p', 1, "KEY=VALUE", "set a template parameter (repeatable)" },
    { "templates", 'T', 1, "DIR", "also look for templates in DIR (repeatable)" },
    { "max-instructions", 0, 1, "N", "Lua instruction budget (default 2e9)" },
    { "max-memory", 0, 1, "MB", "Lua memory cap in MB (default 512)" },
    CLI_LIMIT_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_simulate(FILE *out)
{
    fputs("usage: cjm simulate FILE [-n JOURNEYS] [--seed S] [--threads N] [--horizon DAYS]\n"
          "                    [--scenario ID | --all-scenarios] [--exact] [-o report.yaml|json|md]\n\n"
          "Simulate the journey day by day: conversion, drop and in-progress\n"
          "shares, time to convert, the funnel per phase.  Two engines compute\n"
          "the same chain: the exact one (forward propagation) and Monte Carlo\n"
          "(with 95% intervals); the table shows both side by side.  Scenarios\n"
          "(`scenarios:` in the journey) are compared with the baseline.\n\n"
          "options:\n", out);
    cli_print_options(simulate_options, out);
    fputs("\nexamples:\n"
          "  cjm simulate scripts/acme_b2b.yaml\n"
          "  cjm simulate scripts/acme_b2b.yaml --all-scenarios -n 1000000\n"
          "  cjm simulate scripts/b2b_template.yaml --scenario faster_approval -o report.md\n", out);
}

/* ---- options -------------------------------------------------------------- */

typedef struct sim_opts {
    load_options load;
    long long journeys;
    int threads, horizon, exact_only, detail, format;
    int shard, shards;              /* shards 0: not sharded */
    int all_scenarios;
    const char *output, *chart;
    const char *const *scenario_ids;
    int scenario_id_count;
    int attribution;
} sim_opts;

#define SIMULATE_FORMATS (FMTBIT(FMT_TABLE) | FMTBIT(FMT_MD) | FMTBIT(FMT_CSV) \
                          | FMTBIT(FMT_YAML) | FMTBIT(FMT_JSON))

static int read_shard(const char *s, sim_opts *o)
{
    char tail;
    if (sscanf(s, "%d/%d%c", &o->shard, &o->shards, &tail) != 2 || o->shards < 1
        || o->shard < 0 || o->shard >= o->shards) {
        fprintf(stderr, "cjm simulate: --shard expects K/N with 0 <= K < N, got \"%s\"\n", s);
        return -1;
    }
    if (!o->output || o->exact_only) {
        fputs("cjm simulate: --shard writes raw counts for cjm merge: give -o PART.json "
              "(and no --exact)\n", stderr);
        return -1;
    }
    return 0;
}

/* Read ARGS into O; 0, or the exit status of a usage error. */
static int simulate_options_read(const cli_args *args, sim_opts *o)
{
    const cli_option *opt = simulate_options;
    double v;
    const char *s;
    o->journeys = 100000;
    if ((s = cli_value(opt, args, "journeys"))) {
        if (cli_number("simulate", "journeys", s, 1, 1e12, &v) < 0)
            return EXIT_USAGE;
        o->journeys = (long long)v;
    }
    if ((s = cli_value(opt, args, "threads"))) {
        if (cli_number("simulate", "threads", s, 1, 256, &v) < 0)
            return EXIT_USAGE;
        o->threads = (int)v;
    }
    if ((s = cli_value(opt, args, "horizon"))) {
        if (cli_number("simulate", "horizon", s, 1, 36500, &v) < 0 || v != floor(v))
            return EXIT_USAGE;
        o->horizon = (int)v;
    }
    o->exact_only = cli_value(opt, args, "exact") != NULL;
    o->detail = cli_value(opt, args, "detail") != NULL;
    o->all_scenarios = cli_value(opt, args, "all-scenarios") != NULL;
    o->attribution = cli_value(opt, args, "attribution") != NULL;
    o->output = cli_value(opt, args, "output");
    o->chart = cli_value(opt, args, "chart");
    int is = cli_index(opt, "scenario");
    o->scenario_ids = args->multi[is];
    o->scenario_id_count = args->seen[is];
    if ((s = cli_value(opt, args, "shard")))
        return read_shard(s, o) < 0 ? EXIT_USAGE : 0;
    o->format = cli_output_format("simulate", opt, args, SIMULATE_FORMATS);
    if (o->format < 0)
        return EXIT_USAGE;
    if (o->chart) {
        int cf = format_from_path(o->chart);
        if (cf != FMT_SVG && cf != FMT_PNG && cf != FMT_PDF) {
            fprintf(stderr, "cjm simulate: name the chart .svg, .png or .pdf\n");
            return EXIT_USAGE;
        }
    }
    return 0;
}

/* ---- which scenarios ---------------------------------------------------------- */

/* The scenarios to run after the baseline: every one with --all-scenarios,
 * then those named by --scenario; *COUNT of them, in A.  Unknown ids are
 * errors in D, with a suggestion. */
static const cjm_scenario **chosen_scenarios(arena *a, const cjm_journey *j, const sim_opts *o,
                                             const char *path, int *count, diag_list *d)
{
    const cjm_scenario **out = arena_alloc(a, sizeof *out
                                           * (size_t)(j->scenario_count + o->scenario_id_count + 1));
    int n = 0;
    for (int k = 0; o->all_scenarios && k < j->scenario_count; k++)
        out[n++] = &j->scenarios[k];
    const char **names = arena_alloc(a, sizeof *names * (size_t)(j->scenario_count + 1));
    for (int q = 0; q < j->scenario_count; q++)
        names[q] = j->scenarios[q].id;
    for (int k = 0; k < o->scenario_id_count; k++) {
        const char *id = o->scenario_ids[k];
        int q = 0;
        while (q < j->scenario_count && strcmp(j->scenarios[q].id, id) != 0)
            q++;
        if (q < j->scenario_count) {
            out[n++] = &j->scenarios[q];
            continue;
        }
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "--scenario: no scenario \"%s\"; %s", id,
                 diag_choices(a, id, names, j->scenario_count));
    }
    *count = n;
    return out;
}

/* ---- running them --------------------------------------------------------------- */

/* Run scenario SC with both engines into RU; -1 after an error in D. */
static int run_one(arena *a, const cjm_journey *j, const cjm_scenario *sc, const sim_opts *o,
                   const char *path, sim_run_result *ru, diag_list *d)
{
    sim_run run = { o->journeys, o->load.host.seed, o->threads, o->shard, o->shards, 1 };
    sim_mixed x;
    if (sim_run_mixed(a, j, sc, o->horizon, o->exact_only ? NULL : &run, path, &x, d) < 0)
        return -1;
    ru->id = sc ? sc->id : "baseline";
    ru->name = sc ? sc->name : "baseline";
    ru->exact = x.exact;
    ru->mc = x.mc;
    ru->money = x.has_money;
    ru->fixed_cost = x.fixed_cost;
    ru->exact_money = x.money_exact;
    ru->mc_money = x.money_mc;
    ru->segment_count = x.segment_count;
    ru->seg_exact = x.seg_exact;
    ru->seg_mc = x.seg_mc;
    sim_arrivals arr = sim_arrivals_of(j);
    ru->forecast = arr.given;
    if (ru->forecast)
        sim_forecast_of(&arr, ru->exact, &ru->fc_exact);
    if (ru->forecast && ru->mc)
        sim_forecast_of(&arr, ru->mc, &ru->fc_mc);
    ru->value = j->value > 0 ? j->value : 0;
    ru->value_sd = j->value_sd;
    return 0;
}

static sim_meta meta_of(arena *a, const cjm_journey *j, const sim_opts *o)
{
    sim_meta m = { .id = j->id, .title = j->title, .phase_count = j->phase_count,
                   .journeys = o->journeys, .horizon = o->horizon ? o->horizon : j->horizon,
                   .seed = (long long)o->load.host.seed };
    m.phase_ids = arena_alloc(a, sizeof(char *) * (size_t)(j->phase_count + 1));
    m.phase_names = arena_alloc(a, sizeof(char *) * (size_t)(j->phase_count + 1));
    for (int i = 0; i < j->phase_count; i++) {
        m.phase_ids[i] = j->phases[i].id;
        m.phase_names[i] = j->phases[i].name;
    }
    m.currency = j->currency;
    m.arrivals = sim_arrivals_of(j);
    m.value = j->value > 0 ? j->value : 0;
    m.value_sd = j->value_sd;
    m.segment_count = j->segment_count;
    m.segment_ids = arena_alloc(a, sizeof(char *) * (size_t)(j->segment_count + 1));
    m.segment_names = arena_alloc(a, sizeof(char *) * (size_t)(j->segment_count + 1));
    double *shares = arena_alloc(a, sizeof(double) * (size_t)(j->segment_count + 1));
    for (int k = 0; k < j->segment_count; k++) {
        m.segment_ids[k] = j->segments[k].id;
        m.segment_names[k] = j->segments[k].name;
        shares[k] = j->segments[k].share;
    }
    m.segment_shares = shares;
    m.outcome_count = j->outcome_count;
    m.outcome_ids = arena_alloc(a, sizeof(char *) * (size_t)(j->outcome_count + 1));
    m.outcome_names = arena_alloc(a, sizeof(char *) * (size_t)(j->outcome_count + 1));
    for (int k = 0; k < j->outcome_count; k++) {
        m.outcome_ids[k] = j->outcomes[k].id;
        m.outcome_names[k] = j->outcomes[k].name ? j->outcomes[k].name : j->outcomes[k].id;
    }
    return m;
}

/* ---- touchpoint attribution --------------------------------------------------- */

/* Each touchpoint's removal effect (exact) and its first, last and linear
 * touch credits over converting journeys (Monte Carlo), as a table. */
static void touchpoint_table(report_doc *rd, arena *a, const cjm_journey *j, const sim_opts *o,
                             double base, diag_list *d)
{
    static const table_col cols[] = {
        { "name", "touchpoint", COL_TEXT, 0, NULL, COL_WRAP },
        { "channel", "channel", COL_TEXT, 0, NULL, 0 },
        { "converted_without", "converted without it", COL_PCT, 2, NULL, 0 },
        { "removal_effect", "removal effect", COL_PCT, 2, NULL, 0 },
        { "first_touch", "first touch", COL_PCT, 2, NULL, 0 },
        { "last_touch", "last touch", COL_PCT, 2, NULL, 0 },
        { "linear", "linear", COL_PCT, 2, NULL, 0 },
    };
    int nt = j->touchpoint_count;
    sim_credits cr = { 0 };
    cr.first = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    cr.last = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    cr.linear = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    sim_model *bm = sim_compile(j, NULL, o->horizon, d);
    long long cn = o->journeys < 200000 ? o->journeys : 200000;
    int credits = bm && sim_touch_credits(bm, cn, o->load.host.seed, &cr) == 0 && cr.converted > 0;
    sim_free(bm);
    node *rows = rnode_seq(a);
    for (int t = 0; t < nt && base > 0; t++) {
        sim_model *m = sim_compile_with(j, NULL, NULL, t, o->horizon, d);
        sim_result *r = m ? markov_solve(m) : NULL;
        node *row = rnode_map(a);
        rnode_put(a, row, "id", rnode_str(a, j->touchpoints[t].id));
        rnode_put(a, row, "name", rnode_str(a, j->touchpoints[t].name));
        rnode_put(a, row, "channel", rnode_str(a, model_channel_names()[j->touchpoints[t].channel]));
        rnode_put(a, row, "converted_without", rnode_num(a, r ? r->converted : NAN));
        rnode_put(a, row, "removal_effect", rnode_num(a, r ? 1 - r->converted / base : NAN));
        rnode_put(a, row, "first_touch", rnode_num(a, credits ? cr.first[t] / cr.converted : NAN));
        rnode_put(a, row, "last_touch", rnode_num(a, credits ? cr.last[t] / cr.converted : NAN));
        rnode_put(a, row, "linear", rnode_num(a, credits ? cr.linear[t] / cr.converted : NAN));
        node_append(rows, row);
        sim_result_free(r);
        sim_free(m);
    }
    rnode_put(a, rd->data, "touchpoints", rows);
    node *tc = rnode_map(a);
    rnode_put(a, tc, "journeys", rnode_int(a, cn));
    rnode_put(a, tc, "converted", rnode_num(a, credits ? cr.converted : NAN));
    rnode_put(a, tc, "converted_untouched", rnode_num(a, credits ? cr.converted_untouched : NAN));
    rnode_put(a, rd->data, "touch_credits", tc);
    table *tb = report_main_table(rd, "Touchpoint attribution", cols,
                             (int)(sizeof cols / sizeof cols[0]), rows);
    tb->note = credits ? arena_printf(a, "Removal effect from the exact engine (conversion %.4f "
                                      "with every touchpoint); touch credits over %.0f converting "
                                      "journeys of %lld (Monte Carlo).", base, cr.converted, cn)
                       : "Removal effect from the exact engine.";
    tb->empty = "The journey has no touchpoints.";
}

/* ---- the chart -------------------------------------------------------------------- */

static void write_chart(arena *a, const cjm_journey *j, const sim_run_result *runs, int count,
                        const char *chart, diag_list *d)
{
    const char **names = arena_alloc(a, sizeof(char *) * (size_t)count);
    const char **phase_names = arena_alloc(a, sizeof(char *) * (size_t)(j->phase_count + 1));
    const sim_result **results = arena_alloc(a, sizeof(sim_result *) * (size_t)count);
    for (int k = 0; k < count; k++) {
        names[k] = runs[k].name;
        results[k] = runs[k].mc ? runs[k].mc : runs[k].exact;
    }
    for (int i = 0; i < j->phase_count; i++)
        phase_names[i] = j->phases[i].name;
    const theme *t = theme_get("light");
    text_begin(t, j->locale);
    rdoc *doc = rdoc_new();
    doc->lang = j->locale;
    layout_options lo2 = { .theme = t };
    chart_data c;
    sim_chart_fill(&doc->mem, &c, arena_printf(&doc->mem, "%s — %s",
                                               word_in(j->locale, W_SIMULATION), j->title),
                   j->phase_count, phase_names, runs[0].exact, count, names, results);
    c.locale = j->locale;
    layout_charts(doc, &c, &lo2);
    surface_write(doc, t, (out_format)format_from_path(chart), 150, j->title, chart, 0, d);
    rdoc_free(doc);
    text_end();
}

/* ---- shard files ---------------------------------------------------------------- */

/* A shard's raw results, for cjm merge. */
/* A list of {id, name} (and share, when SHARES is given) for a part file. */
static node *named_list(arena *a, const char *const *ids, const char *const *names,
                        const double *shares, int count)
{
    node *list = rnode_seq(a);
    for (int k = 0; k < count; k++) {
        node *x = rnode_map(a);
        rnode_put(a, x, "id", rnode_str(a, ids[k]));
        rnode_put(a, x, "name", rnode_str(a, names[k]));
        if (shares)
            rnode_put(a, x, "share", rnode_num(a, shares[k]));
        node_append(list, x);
    }
    return list;
}

static node *arrivals_node(arena *a, const sim_arrivals *arr)
{
    node *n = rnode_map(a), *weeks = rnode_seq(a);
    rnode_put(a, n, "per_week", rnode_num(a, arr->per_week));
    for (int w = 0; w < arr->week_count; w++)
        node_append(weeks, rnode_num(a, arr->weeks[w]));
    rnode_put(a, n, "weeks", weeks);
    rnode_put(a, n, "forecast_weeks", rnode_int(a, arr->forecast_weeks));
    return n;
}

/* One run in a part file: its results, per segment, and its money. */
static node *part_run_node(arena *a, const sim_run_result *ru)
{
    node *sn = rnode_map(a);
    rnode_put(a, sn, "id", rnode_str(a, ru->id));
    rnode_put(a, sn, "name", rnode_str(a, ru->name));
    rnode_put(a, sn, "exact", sim_result_to_node(a, ru->exact));
    rnode_put(a, sn, "monte_carlo", sim_result_to_node(a, ru->mc));
    if (ru->segment_count) {
        node *segs = rnode_seq(a);
        for (int g = 0; g < ru->segment_count; g++) {
            node *gn = rnode_map(a);
            rnode_put(a, gn, "exact", sim_result_to_node(a, ru->seg_exact[g]));
            rnode_put(a, gn, "monte_carlo", sim_result_to_node(a, ru->seg_mc[g]));
            node_append(segs, gn);
        }
        rnode_put(a, sn, "segments", segs);
    }
    if (ru->money) {
        node *mo = rnode_map(a);
        rnode_put(a, mo, "fixed_cost", rnode_num(a, ru->fixed_cost));
        rnode_put(a, mo, "exact_cost", rnode_num(a, ru->exact_money.cost));
        rnode_put(a, mo, "exact_value", rnode_num(a, ru->exact_money.value));
        rnode_put(a, mo, "mc_cost", rnode_num(a, ru->mc_money.cost));
        rnode_put(a, mo, "mc_value", rnode_num(a, ru->mc_money.value));
        rnode_put(a, sn, "money", mo);
    }
    return sn;
}

static void write_part(arena *a, const sim_meta *meta, const sim_run_result *runs, int count,
                       int shard, int shards, const char *out, diag_list *d)
{
    node *root = rnode_map(a);
    rnode_put(a, root, "cjm_part", rnode_int(a, 1));
    rnode_put(a, root, "journey", rnode_str(a, meta->id));
    rnode_put(a, root, "title", rnode_str(a, meta->title));
    rnode_put(a, root, "horizon", rnode_int(a, meta->horizon));
    rnode_put(a, root, "seed", rnode_int(a, meta->seed));
    rnode_put(a, root, "journeys", rnode_int(a, meta->journeys));
    rnode_put(a, root, "shard", rnode_int(a, shard));
    rnode_put(a, root, "shards", rnode_int(a, shards));
    rnode_put(a, root, "phases", named_list(a, meta->phase_ids, meta->phase_names, NULL,
                                            meta->phase_count));
    if (meta->segment_count)
        rnode_put(a, root, "segments", named_list(a, meta->segment_ids, meta->segment_names,
                                                  meta->segment_shares, meta->segment_count));
    rnode_put(a, root, "currency", rnode_str(a, meta->currency));
    rnode_put(a, root, "value", rnode_num(a, meta->value));
    rnode_put(a, root, "value_sd", rnode_num(a, meta->value_sd));
    if (meta->arrivals.given)
        rnode_put(a, root, "arrivals", arrivals_node(a, &meta->arrivals));
    if (meta->outcome_count)
        rnode_put(a, root, "outcomes", named_list(a, meta->outcome_ids, meta->outcome_names,
                                                  NULL, meta->outcome_count));
    node *list = rnode_seq(a);
    for (int k = 0; k < count; k++)
        node_append(list, part_run_node(a, &runs[k]));
    rnode_put(a, root, "scenarios", list);
    size_t len;
    char *text = json_emit(root, &len, d);
    if (text)
        fsout_write_file(out, text, len, d);
    free(text);
}

/* ---- the command -------------------------------------------------------------- */

/* Run the baseline and the chosen scenarios of J into RUNS (room for all);
 * the number run. */
static int run_all(arena *a, const cjm_journey *j, const sim_opts *o, const char *path,
                   sim_run_result **runs_out, diag_list *d)
{
    int nchosen = 0;
    const cjm_scenario **chosen = chosen_scenarios(a, j, o, path, &nchosen, d);
    sim_run_result *runs = arena_alloc(a, sizeof *runs * (size_t)(nchosen + 1));
    *runs_out = runs;
    int count = 0;
    for (int k = -1; k < nchosen && !d->errors; k++) {
        if (run_one(a, j, k < 0 ? NULL : chosen[k], o, path, &runs[count], d) < 0)
            break;
        count++;
    }
    return count;
}

int cmd_simulate(int argc, char **argv)
{
    static cli_args args;
    sim_opts o;
    memset(&o, 0, sizeof o);
    int rc = cli_start("simulate", simulate_options, argc, argv, &args, help_simulate, 1, 1,
                       "one journey file", &o.load);
    if (rc >= 0)
        return rc;
    if ((rc = simulate_options_read(&args, &o)))
        return rc;
    o.load.scenarios = cli_value(simulate_options, &args, "scenarios");
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    const char *path = args.positional[0];
    cjm_journey *j = load_journey(&a, path, &o.load, &d);
    watchdog_stage("simulating");
    sim_run_result *runs = NULL;
    int count = j ? run_all(&a, j, &o, path, &runs, &d) : 0;
    if (!d.errors && count) {
        sim_meta meta = meta_of(&a, j, &o);
        if (o.shards) {
            write_part(&a, &meta, runs, count, o.shard, o.shards, o.output, &d);
        } else {
            report_doc rd;
            sim_doc(&rd, &a, &meta, runs, count);
            if (o.attribution)
                touchpoint_table(&rd, &a, j, &o, runs[0].exact->converted, &d);
            if (o.chart && !d.errors)
                write_chart(&a, j, runs, count, o.chart, &d);
            if (!d.errors)
                report_write(&rd, (out_format)o.format, o.output, o.detail, &d);
        }
    }
    for (int k = 0; k < count; k++) {
        sim_mixed_free(&(sim_mixed){ runs[k].exact, runs[k].mc, runs[k].segment_count,
                                     runs[k].seg_exact, runs[k].seg_mc, { 0, 0 }, { 0, 0 },
                                     0, 0 });
        sim_forecast_free(&runs[k].fc_exact);
        sim_forecast_free(&runs[k].fc_mc);
    }
    return cli_finish(&d, &a, j != NULL);
}

/* ---- cjm merge -------------------------------------------------------------- */

static const cli_option merge_options[] = {
    { "output", 'o', 1, "FILE", "the merged report: .md, .csv, .yaml or .json (default: a table)" },
    { "format", 'f', 1, "FORMAT", "table, md, csv, yaml or json (default: from -o, else table)" },
    { "detail", 'd', 0, "", "on a terminal: also each scenario's funnel and the drop per phase" },
    { "help", 'h', 0, "", "show this help" },
    CLI_LIMIT_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_merge(FILE *out)
{
    fputs("usage: cjm merge PART.json... [-o report.yaml|json|md]\n\n"
          "Combine the raw results of `cjm simulate --shard K/N -o PART.json`\n"
          "runs into the report a single run gives, byte for byte.  Every\n"
          "shard 0..N-1 of one journey, seed and size must be given once.\n\n"
          "options:\n", out);
    cli_print_options(merge_options, out);
    fputs("\nexample:\n"
          "  for k in 0 1 2 3; do cjm simulate j.yaml -n 1e8 --shard $k/4 -o part$k.json; done\n"
          "  cjm merge part*.json -o report.md\n", out);
}

static const char *text_of(const node *map, const char *key)
{
    const node *v = node_map_get(map, key);
    return v && v->kind == NODE_STR ? v->v.str.s : NULL;
}

static double num_of(const node *map, const char *key)
{
    const node *v = node_map_get(map, key);
    return !v ? 0 : v->kind == NODE_INT ? (double)v->v.integer
         : v->kind == NODE_FLOAT ? v->v.number : 0;
}

static long long int_of(const node *map, const char *key)
{
    const node *v = node_map_get(map, key);
    return v && v->kind == NODE_INT ? v->v.integer : -1;
}

/* The first part's journey: its id, title, phases and run settings. */
/* The list KEY of a part file as ids, names and (SHARES not NULL) shares;
 * the count, or -1 when an item lacks its id or name. */
static int read_named_list(arena *a, const node *doc, const char *key, const char ***ids,
                           const char ***names, const double **shares)
{
    const node *l = node_map_get(doc, key);
    int n = l && l->kind == NODE_SEQ ? l->count : 0;
    *ids = arena_alloc(a, sizeof(char *) * (size_t)(n + 1));
    *names = arena_alloc(a, sizeof(char *) * (size_t)(n + 1));
    double *sh = arena_alloc(a, sizeof(double) * (size_t)(n + 1));
    int i = 0;
    for (const node *x = n ? l->first : NULL; x; x = x->next, i++) {
        (*ids)[i] = text_of(x, "id");
        (*names)[i] = text_of(x, "name");
        sh[i] = num_of(x, "share");
        if (!(*ids)[i] || !(*names)[i])
            return -1;
    }
    if (shares)
        *shares = sh;
    return n;
}

/* A part file's arrivals (for the forecast), into META. */
static void read_part_arrivals(arena *a, const node *doc, sim_meta *meta)
{
    const node *arr = node_map_get(doc, "arrivals");
    if (!node_is_map(arr))
        return;
    const node *weeks = node_map_get(arr, "weeks");
    int nw = weeks && weeks->kind == NODE_SEQ ? weeks->count : 0;
    double *wv = arena_alloc(a, sizeof(double) * (size_t)(nw + 1));
    int w = 0;
    for (const node *x = nw ? weeks->first : NULL; x; x = x->next, w++)
        wv[w] = x->kind == NODE_INT ? (double)x->v.integer
              : x->kind == NODE_FLOAT ? x->v.number : 0;
    meta->arrivals = (sim_arrivals){ 1, num_of(arr, "per_week"), wv, nw,
                                     (int)int_of(arr, "forecast_weeks") };
}

static int part_meta(arena *a, const node *doc, sim_meta *meta, int *shards)
{
    meta->id = text_of(doc, "journey");
    meta->title = text_of(doc, "title");
    meta->horizon = (int)int_of(doc, "horizon");
    meta->seed = int_of(doc, "seed");
    meta->journeys = int_of(doc, "journeys");
    *shards = (int)int_of(doc, "shards");
    meta->currency = text_of(doc, "currency");
    meta->value = num_of(doc, "value");
    meta->value_sd = num_of(doc, "value_sd");
    read_part_arrivals(a, doc, meta);
    meta->phase_count = read_named_list(a, doc, "phases", &meta->phase_ids,
                                        &meta->phase_names, NULL);
    meta->segment_count = read_named_list(a, doc, "segments", &meta->segment_ids,
                                          &meta->segment_names, &meta->segment_shares);
    meta->outcome_count = read_named_list(a, doc, "outcomes", &meta->outcome_ids,
                                          &meta->outcome_names, NULL);
    if (meta->segment_count < 0 || meta->outcome_count < 0)
        return -1;
    return meta->id && meta->title && *shards >= 1 && meta->phase_count >= 1 ? 0 : -1;
}

/* Whether DOC belongs with the first part (META, SHARDS). */
static int part_matches(const node *doc, const sim_meta *meta, int shards)
{
    long long shard = int_of(doc, "shard");
    const char *id = text_of(doc, "journey");
    const node *sc = node_map_get(doc, "scenarios");
    return shard >= 0 && shard < shards && int_of(doc, "shards") == shards
           && sc && sc->kind == NODE_SEQ && id && strcmp(id, meta->id) == 0
           && int_of(doc, "seed") == meta->seed && int_of(doc, "journeys") == meta->journeys
           && int_of(doc, "horizon") == meta->horizon;
}

/* Add the scenarios of part P (its file PATH) to RUNS. */
/* The per-segment results of run RU in part P's scenario node X: read
 * (the first part) or added (the others). */
static int part_segments(const node *x, int p, sim_run_result *ru, const char *path,
                         diag_list *d)
{
    const node *segs = node_map_get(x, "segments");
    int n = segs && segs->kind == NODE_SEQ ? segs->count : 0;
    if (p == 0) {
        ru->segment_count = n;
        ru->seg_exact = calloc((size_t)n + 1, sizeof(sim_result *));
        ru->seg_mc = calloc((size_t)n + 1, sizeof(sim_result *));
        if (!ru->seg_exact || !ru->seg_mc)
            fsout_fatal("out of memory");
    } else if (n != ru->segment_count) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "the parts have different segments");
        return -1;
    }
    int g = 0;
    for (const node *y = n ? segs->first : NULL; y; y = y->next, g++) {
        sim_result *e = sim_result_from_node(node_map_get(y, "exact"));
        sim_result *m = sim_result_from_node(node_map_get(y, "monte_carlo"));
        if (!e || !m) {
            sim_result_free(e);
            sim_result_free(m);
            diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "segment %d: malformed", g);
            return -1;
        }
        if (p == 0) {
            ru->seg_exact[g] = e;
            ru->seg_mc[g] = m;
            continue;
        }
        sim_result_add_scaled(ru->seg_mc[g], m, 1);
        sim_result_free(e);
        sim_result_free(m);
    }
    return 0;
}

static int part_runs(const node *doc, int p, const char *path, sim_run_result **runs,
                     int *count, arena *a, diag_list *d)
{
    const node *sc = node_map_get(doc, "scenarios");
    if (p == 0)
        *runs = arena_alloc(a, sizeof **runs * (size_t)(sc->count + 1));
    int k = 0;
    for (const node *x = sc->first; x; x = x->next, k++) {
        sim_result *e = sim_result_from_node(node_map_get(x, "exact"));
        sim_result *m = sim_result_from_node(node_map_get(x, "monte_carlo"));
        const char *id = text_of(x, "id");
        int ok = e && m && id && (p == 0 ? k < sc->count : k < *count && !strcmp((*runs)[k].id, id));
        if (!ok) {
            diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "scenario %d: malformed or not the "
                     "same as in the first part", k);
            sim_result_free(e);
            sim_result_free(m);
            return -1;
        }
        const node *mo = node_map_get(x, "money");
        if (p == 0) {
            (*runs)[k] = (sim_run_result){ .id = id, .name = text_of(x, "name"), .exact = e, .mc = m };
            *count = k + 1;
            sim_run_result *ru = &(*runs)[k];
            ru->money = node_is_map(mo);
            ru->fixed_cost = num_of(mo, "fixed_cost");
            ru->exact_money = (sim_money){ num_of(mo, "exact_cost"), num_of(mo, "exact_value") };
            ru->mc_money = (sim_money){ num_of(mo, "mc_cost"), num_of(mo, "mc_value") };
        } else {
            /* money per journey: the parts weighted by their journeys */
            sim_run_result *ru = &(*runs)[k];
            double na = ru->mc->journeys, nb = m->journeys;
            if (ru->money && na + nb > 0) {
                ru->mc_money.cost = (ru->mc_money.cost * na + num_of(mo, "mc_cost") * nb) / (na + nb);
                ru->mc_money.value = (ru->mc_money.value * na + num_of(mo, "mc_value") * nb) / (na + nb);
            }
            sim_result_add_scaled((*runs)[k].mc, m, 1);
            sim_result_free(e);
            sim_result_free(m);
        }
        if (part_segments(x, p, &(*runs)[k], path, d) < 0)
            return -1;
    }
    if (p > 0 && k != *count) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "this part has %d scenarios, the first %d",
                 k, *count);
        return -1;
    }
    return 0;
}

static int shard_seen(const long long *seen, int n, long long shard)
{
    for (int i = 0; i < n; i++)
        if (seen[i] == shard)
            return 1;
    return 0;
}

int cmd_merge(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_start("merge", merge_options, argc, argv, &args, help_merge, 1, -1,
                       "the part files", NULL);
    if (rc >= 0)
        return rc;
    const char *out = cli_value(merge_options, &args, "output");
    int format = cli_output_format("merge", merge_options, &args, SIMULATE_FORMATS);
    if (format < 0)
        return EXIT_USAGE;
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    sim_run_result *runs = NULL;
    int count = 0, shards = 0;
    sim_meta meta = { 0 };
    long long *seen = NULL;     /* shard numbers read so far */
    int nseen = 0;
    for (int p = 0; p < args.positional_count && !d.errors; p++) {
        const char *path = args.positional[p];
        node *doc = yaml_load_file(&a, path, &d);
        if (!doc)
            break;
        if (int_of(doc, "cjm_part") != 1 || (p == 0 && part_meta(&a, doc, &meta, &shards) < 0)) {
            diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "not a part file of cjm simulate --shard");
            break;
        }
        if (p == 0)
            seen = arena_alloc(&a, sizeof *seen * (size_t)args.positional_count);
        if (!part_matches(doc, &meta, shards)) {
            diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "this part does not belong with "
                     "the first one (journey, seed, journeys, horizon and shard count "
                     "must match)");
            break;
        }
        long long shard = int_of(doc, "shard");
        if (shard_seen(seen, nseen, shard)) {
            diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "shard %lld/%d is given twice",
                     shard, shards);
            break;
        }
        seen[nseen++] = shard;
        if (part_runs(doc, p, path, &runs, &count, &a, &d) < 0)
            break;
    }
    /* the first few missing shards by number (a part may claim billions) */
    for (long long k = 0, told = 0; seen && k < shards && told < 5 && !d.errors; k++)
        if (!shard_seen(seen, nseen, k)) {
            diag_add(&d, DIAG_ERROR, NULL, 0, 0, NULL, "shard %lld/%d is missing", k, shards);
            told++;
        }
    for (int k = 0; !d.errors && meta.arrivals.given && k < count; k++) {
        runs[k].forecast = 1;
        runs[k].value = meta.value;
        runs[k].value_sd = meta.value_sd;
        sim_forecast_of(&meta.arrivals, runs[k].exact, &runs[k].fc_exact);
        sim_forecast_of(&meta.arrivals, runs[k].mc, &runs[k].fc_mc);
    }
    if (!d.errors && count) {
        report_doc rd;
        sim_doc(&rd, &a, &meta, runs, count);
        report_write(&rd, (out_format)format, out, cli_value(merge_options, &args, "detail") != NULL,
                     &d);
    }
    for (int k = 0; k < count; k++) {
        sim_mixed_free(&(sim_mixed){ runs[k].exact, runs[k].mc, runs[k].segment_count,
                                     runs[k].seg_exact, runs[k].seg_mc, { 0, 0 }, { 0, 0 },
                                     0, 0 });
        sim_forecast_free(&runs[k].fc_exact);
        sim_forecast_free(&runs[k].fc_mc);
    }
    return cli_finish(&d, &a, 1);
}
