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
#include "sim/sim.h"
#include "sim/shard.h"
#include "report/sim_pages.h"
#include "render/surface.h"
#include "doc/yaml.h"

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
    { "output", 'o', 1, "FILE", "write the report: .yaml, .json or .md (default: a table on stdout)" },
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

/* What a report needs to know of the journey (also kept in shard files). */
typedef struct report_meta {
    const char *id, *title;
    int phase_count;
    const char **phase_ids, **phase_names;
    long long journeys;
    int horizon;
    long long seed;
} report_meta;

typedef struct run_out {
    const char *id, *name;
    sim_result *exact, *mc;
} run_out;

static double share(const sim_result *r, double v)
{
    return r->journeys > 0 ? v / r->journeys : NAN;
}

/* 95% half-width of a share estimated from N journeys. */
static double ci(const sim_result *r, double v)
{
    double p = share(r, v);
    return 1.96 * sqrt(p * (1 - p) / r->journeys);
}

static double mean_convert_days(const sim_result *r)
{
    return r->converted > 0 ? r->convert_days_sum / r->converted : NAN;
}

static void print_pct(FILE *f, double v)
{
    if (isnan(v))
        fprintf(f, "%12s", "-");
    else
        fprintf(f, "%11.2f%%", 100 * v);
}

static void print_table(FILE *f, const report_meta *j, run_out *runs, int count)
{
    for (int s = 0; s < count; s++) {
        const run_out *ru = &runs[s];
        const sim_result *e = ru->exact, *m = ru->mc;
        fprintf(f, "%s — %s\n", j->title, ru->name);
        fprintf(f, "  %-34s %12s", "", "exact");
        if (m)
            fprintf(f, "   %s (n=%lld)", "monte carlo", j->journeys);
        fputc('\n', f);
        struct { const char *label; double ev, mv; } rows[] = {
            { "converted", e->converted, m ? m->converted : 0 },
            { "dropped", e->dropped, m ? m->dropped : 0 },
            { "in progress at the horizon", e->in_progress, m ? m->in_progress : 0 },
        };
        for (size_t k = 0; k < 3; k++) {
            fprintf(f, "  %-34s ", rows[k].label);
            print_pct(f, share(e, rows[k].ev));
            if (m) {
                fputs("   ", f);
                print_pct(f, share(m, rows[k].mv));
                fprintf(f, " ± %.2f", 100 * ci(m, rows[k].mv));
            }
            fputc('\n', f);
        }
        fprintf(f, "  %-34s %12.0f", "time to convert, median (days)", sim_quantile_day(e, 0.5));
        if (m)
            fprintf(f, "   %11.0f", sim_quantile_day(m, 0.5));
        fprintf(f, "\n  %-34s %12.0f", "time to convert, p90 (days)", sim_quantile_day(e, 0.9));
        if (m)
            fprintf(f, "   %11.0f", sim_quantile_day(m, 0.9));
        fprintf(f, "\n  %-34s %12.1f", "time to convert, mean (days)", mean_convert_days(e));
        if (m)
            fprintf(f, "   %11.1f", mean_convert_days(m));
        fprintf(f, "\n  %-34s %12.2f", "emotion, day-weighted mean", sim_emotion_mean(e));
        if (m)
            fprintf(f, "   %11.2f", sim_emotion_mean(m));
        fprintf(f, "\n\n  %-26s %9s %9s %9s %9s %7s\n", "funnel (exact)", "entered",
                "advanced", "dropped", "days in", "visits");
        for (int i = 0; i < e->phase_count; i++) {
            double adv = i + 1 < e->phase_count ? e->reached[i + 1] : e->converted;
            fprintf(f, "  %-26.26s %8.1f%% %8.1f%% %8.1f%% %9.1f %7.2f\n",
                    j->phase_names[i], 100 * e->reached[i], 100 * adv,
                    100 * e->dropped_in[i], e->days_in[i], e->visits[i]);
        }
        fputc('\n', f);
    }
    if (count > 1) {
        const sim_result *b = runs[0].mc ? runs[0].mc : runs[0].exact;
        fprintf(f, "scenarios compared with the baseline (%s)\n",
                runs[0].mc ? "monte carlo, 95% intervals" : "exact");
        fprintf(f, "  %-30s %18s %20s %18s %19s\n", "scenario", "converted", "difference",
                "median days", "p90 days");
        for (int s = 0; s < count; s++) {
            const sim_result *r = runs[s].mc ? runs[s].mc : runs[s].exact;
            double p = share(r, r->converted), pb = share(b, b->converted);
            char conv[48], diff[48], med[48], p90[48];
            if (runs[s].mc)
                snprintf(conv, sizeof conv, "%.2f%% ± %.2f", 100 * p, 100 * ci(r, r->converted));
            else
                snprintf(conv, sizeof conv, "%.2f%%", 100 * p);
            if (s == 0)
                snprintf(diff, sizeof diff, "-");
            else if (runs[s].mc)
                snprintf(diff, sizeof diff, "%+.2f pts ± %.2f", 100 * (p - pb),
                         100 * sqrt(pow(ci(r, r->converted), 2) + pow(ci(b, b->converted), 2)));
            else
                snprintf(diff, sizeof diff, "%+.2f pts", 100 * (p - pb));
            double q[2] = { 0.5, 0.9 };
            char *cells[2] = { med, p90 };
            for (int k = 0; k < 2; k++) {
                double lo, hi, v = sim_quantile_day(r, q[k]), vb = sim_quantile_day(b, q[k]);
                sim_quantile_interval(r, q[k], &lo, &hi);
                if (runs[s].mc)
                    snprintf(cells[k], 48, "%.0f [%.0f,%.0f]", v, lo, hi);
                else
                    snprintf(cells[k], 48, "%.0f", v);
                if (s)
                    snprintf(cells[k] + strlen(cells[k]), 48 - strlen(cells[k]), " (%+.0f)", v - vb);
            }
            fprintf(f, "  %-30.30s %18s %20s %18s %19s\n", runs[s].name, conv, diff, med, p90);
        }
        fprintf(f, "\n  drop per phase (%s)\n  %-26s", runs[0].mc ? "monte carlo, ± 95%" : "exact",
                "phase");
        for (int s = 0; s < count; s++)
            fprintf(f, " %16.16s", runs[s].name);
        fputc('\n', f);
        for (int i = 0; i < b->phase_count; i++) {
            fprintf(f, "  %-26.26s", j->phase_names[i]);
            for (int s = 0; s < count; s++) {
                const sim_result *r = runs[s].mc ? runs[s].mc : runs[s].exact;
                char cell[40];
                if (runs[s].mc)
                    snprintf(cell, sizeof cell, "%.1f%% ± %.1f", 100 * share(r, r->dropped_in[i]),
                             100 * ci(r, r->dropped_in[i]));
                else
                    snprintf(cell, sizeof cell, "%.1f%%", 100 * share(r, r->dropped_in[i]));
                fprintf(f, " %16s", cell);
            }
            fputc('\n', f);
        }
    }
}

/* ---- structured report ------------------------------------------------------ */

static node *num(arena *a, double v)
{
    if (isnan(v))
        return node_new(a, NODE_NULL, NULL, 0, 0);
    return node_new_float(a, round(v * 1e6) / 1e6);
}

static node *result_node(arena *a, const report_meta *j, const sim_result *r, int mc)
{
    node *n = node_new(a, NODE_MAP, NULL, 0, 0);
    if (mc) {
        node_map_put(a, n, "journeys", node_new_int(a, (long long)r->journeys));
        node_map_put(a, n, "journey_days", node_new_int(a, r->steps));
    }
    node_map_put(a, n, "converted", num(a, share(r, r->converted)));
    if (mc)
        node_map_put(a, n, "converted_ci95", num(a, ci(r, r->converted)));
    node_map_put(a, n, "dropped", num(a, share(r, r->dropped)));
    node_map_put(a, n, "in_progress", num(a, share(r, r->in_progress)));
    node_map_put(a, n, "median_days", num(a, sim_quantile_day(r, 0.5)));
    node_map_put(a, n, "p90_days", num(a, sim_quantile_day(r, 0.9)));
    if (mc) {
        double lo, hi;
        sim_quantile_interval(r, 0.5, &lo, &hi);
        node *iv = node_new(a, NODE_SEQ, NULL, 0, 0);
        node_append(iv, num(a, lo));
        node_append(iv, num(a, hi));
        node_map_put(a, n, "median_days_ci95", iv);
        sim_quantile_interval(r, 0.9, &lo, &hi);
        iv = node_new(a, NODE_SEQ, NULL, 0, 0);
        node_append(iv, num(a, lo));
        node_append(iv, num(a, hi));
        node_map_put(a, n, "p90_days_ci95", iv);
    }
    node_map_put(a, n, "mean_days", num(a, mean_convert_days(r)));
    if (mc && r->converted > 1) {
        double mean = mean_convert_days(r);
        double var = r->convert_days_sq / r->converted - mean * mean;
        node_map_put(a, n, "mean_days_se", num(a, sqrt(fmax(var, 0) / r->converted)));
    }
    node_map_put(a, n, "emotion", num(a, sim_emotion_mean(r)));
    node *phases = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < r->phase_count; i++) {
        node *p = node_new(a, NODE_MAP, NULL, 0, 0);
        node_map_put(a, p, "phase", node_new_str(a, j->phase_ids[i], strlen(j->phase_ids[i])));
        node_map_put(a, p, "entered", num(a, share(r, r->reached[i])));
        double adv = i + 1 < r->phase_count ? r->reached[i + 1] : r->converted;
        node_map_put(a, p, "advanced", num(a, share(r, adv)));
        node_map_put(a, p, "dropped", num(a, share(r, r->dropped_in[i])));
        if (mc)
            node_map_put(a, p, "dropped_ci95", num(a, ci(r, r->dropped_in[i])));
        node_map_put(a, p, "days", num(a, r->days_in[i] / r->journeys));
        if (mc) {
            double mean = r->days_in[i] / r->journeys;
            double var = r->days_in_sq[i] / r->journeys - mean * mean;
            node_map_put(a, p, "days_se", num(a, sqrt(fmax(var, 0) / r->journeys)));
        }
        node_map_put(a, p, "visits", num(a, r->visits[i] / r->journeys));
        node_append(phases, p);
    }
    node_map_put(a, n, "phases", phases);
    return n;
}

static char *markdown(const report_meta *j, run_out *runs, int count)
{
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    FILE *f = fmemopen(out, cap, "w");
    if (!f) {
        free(out);
        return NULL;
    }
    fprintf(f, "# Simulation: %s\n\n", j->title);
    fprintf(f, "| scenario | converted (exact) | converted (Monte Carlo, 95%%) | median days | p90 days |\n");
    fprintf(f, "|---|---:|---:|---:|---:|\n");
    for (int s = 0; s < count; s++) {
        const sim_result *e = runs[s].exact, *m = runs[s].mc;
        fprintf(f, "| %s | %.2f%% | ", runs[s].name, 100 * share(e, e->converted));
        if (m)
            fprintf(f, "%.2f%% ± %.2f", 100 * share(m, m->converted), 100 * ci(m, m->converted));
        else
            fputs("-", f);
        fprintf(f, " | %.0f | %.0f |\n", sim_quantile_day(e, 0.5), sim_quantile_day(e, 0.9));
    }
    for (int s = 0; s < count; s++) {
        const sim_result *e = runs[s].exact;
        fprintf(f, "\n## Funnel: %s\n\n| phase | entered | advanced | dropped | days |\n"
                "|---|---:|---:|---:|---:|\n", runs[s].name);
        for (int i = 0; i < e->phase_count; i++) {
            double adv = i + 1 < e->phase_count ? e->reached[i + 1] : e->converted;
            fprintf(f, "| %s | %.1f%% | %.1f%% | %.1f%% | %.1f |\n", j->phase_names[i],
                    100 * e->reached[i], 100 * adv, 100 * e->dropped_in[i], e->days_in[i]);
        }
    }
    fflush(f);
    len = (size_t)ftell(f);
    fclose(f);
    out[len < cap ? len : cap - 1] = '\0';
    return out;
}

/* The report of RUNS: a table on stdout, or OUT in its format (0 yaml,
 * 1 json, 2 markdown). */
static void write_report(arena *a, const report_meta *meta, run_out *runs, int count,
                         const char *out, int format, diag_list *d)
{
    if (!out) {
        print_table(stdout, meta, runs, count);
        return;
    }
    char *text = NULL;
    size_t len = 0;
    if (format == 2) {
        text = markdown(meta, runs, count);
        len = text ? strlen(text) : 0;
    } else {
        node *root = node_new(a, NODE_MAP, NULL, 0, 0);
        node_map_put(a, root, "journey", node_new_str(a, meta->id, strlen(meta->id)));
        node_map_put(a, root, "horizon", node_new_int(a, meta->horizon));
        node_map_put(a, root, "seed", node_new_int(a, meta->seed));
        node *list = node_new(a, NODE_SEQ, NULL, 0, 0);
        for (int k = 0; k < count; k++) {
            node *sn = node_new(a, NODE_MAP, NULL, 0, 0);
            node_map_put(a, sn, "id", node_new_str(a, runs[k].id, strlen(runs[k].id)));
            node_map_put(a, sn, "name", node_new_str(a, runs[k].name, strlen(runs[k].name)));
            node_map_put(a, sn, "exact", result_node(a, meta, runs[k].exact, 0));
            if (runs[k].mc)
                node_map_put(a, sn, "monte_carlo", result_node(a, meta, runs[k].mc, 1));
            node_append(list, sn);
        }
        node_map_put(a, root, "scenarios", list);
        text = format == 1 ? emit_json(root, &len, d) : yaml_emit(root, &len, d);
    }
    if (text)
        fsout_write_file(out, text, len, d);
    free(text);
}

/* A shard's raw results, for cjm merge. */
static void write_part(arena *a, const report_meta *meta, run_out *runs, int count,
                       int shard, int shards, const char *out, diag_list *d)
{
    node *root = node_new(a, NODE_MAP, NULL, 0, 0);
    node_map_put(a, root, "cjm_part", node_new_int(a, 1));
    node_map_put(a, root, "journey", node_new_str(a, meta->id, strlen(meta->id)));
    node_map_put(a, root, "title", node_new_str(a, meta->title, strlen(meta->title)));
    node_map_put(a, root, "horizon", node_new_int(a, meta->horizon));
    node_map_put(a, root, "seed", node_new_int(a, meta->seed));
    node_map_put(a, root, "journeys", node_new_int(a, meta->journeys));
    node_map_put(a, root, "shard", node_new_int(a, shard));
    node_map_put(a, root, "shards", node_new_int(a, shards));
    node *phases = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < meta->phase_count; i++) {
        node *p = node_new(a, NODE_MAP, NULL, 0, 0);
        node_map_put(a, p, "id", node_new_str(a, meta->phase_ids[i], strlen(meta->phase_ids[i])));
        node_map_put(a, p, "name", node_new_str(a, meta->phase_names[i],
                                                strlen(meta->phase_names[i])));
        node_append(phases, p);
    }
    node_map_put(a, root, "phases", phases);
    node *list = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int k = 0; k < count; k++) {
        node *sn = node_new(a, NODE_MAP, NULL, 0, 0);
        node_map_put(a, sn, "id", node_new_str(a, runs[k].id, strlen(runs[k].id)));
        node_map_put(a, sn, "name", node_new_str(a, runs[k].name, strlen(runs[k].name)));
        node_map_put(a, sn, "exact", sim_result_to_node(a, runs[k].exact));
        node_map_put(a, sn, "monte_carlo", sim_result_to_node(a, runs[k].mc));
        node_append(list, sn);
    }
    node_map_put(a, root, "scenarios", list);
    size_t len;
    char *text = emit_json(root, &len, d);
    if (text)
        fsout_write_file(out, text, len, d);
    free(text);
}

static int report_format(const char *command, const char *out)
{
    const char *dot = strrchr(out, '.');
    int f = !dot ? -1 : !strcmp(dot, ".yaml") || !strcmp(dot, ".yml") ? 0
          : !strcmp(dot, ".json") ? 1 : !strcmp(dot, ".md") ? 2 : -1;
    if (f < 0)
        fprintf(stderr, "cjm %s: cannot tell the format of \"%s\"; name it .yaml, "
                ".json or .md\n", command, out);
    return f;
}

int cmd_simulate(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    int rc = cli_start("simulate", simulate_options, argc, argv, &args, help_simulate, 1, 1,
                       "one journey file", &lo);
    if (rc >= 0)
        return rc;
    lo.scenarios = cli_value(simulate_options, &args, "scenarios");
    long long n = 100000;
    int threads = 0, horizon = 0;
    const char *s;
    char *end;
    double v;
    if ((s = cli_value(simulate_options, &args, "journeys"))) {
        if (cli_number("simulate", "journeys", s, 1, 1e12, &v) < 0)
            return EXIT_USAGE;
        n = (long long)v;
    }
    if ((s = cli_value(simulate_options, &args, "threads"))) {
        threads = (int)strtol(s, &end, 10);
        if (*end || threads < 1 || threads > 256) {
            fprintf(stderr, "cjm simulate: --threads expects 1..256, got \"%s\"\n", s);
            return EXIT_USAGE;
        }
    }
    if ((s = cli_value(simulate_options, &args, "horizon"))) {
        horizon = (int)strtol(s, &end, 10);
        if (*end || horizon < 1 || horizon > 36500) {
            fprintf(stderr, "cjm simulate: --horizon expects 1..36500 days, got \"%s\"\n", s);
            return EXIT_USAGE;
        }
    }
    int exact_only = cli_value(simulate_options, &args, "exact") != NULL;
    const char *out = cli_value(simulate_options, &args, "output");
    int out_format = -1;    /* 0 yaml, 1 json, 2 md */
    int shard = 0, shards = 0;
    if ((s = cli_value(simulate_options, &args, "shard"))) {
        char tail;
        if (sscanf(s, "%d/%d%c", &shard, &shards, &tail) != 2 || shards < 1
            || shard < 0 || shard >= shards) {
            fprintf(stderr, "cjm simulate: --shard expects K/N with 0 <= K < N, got "
                    "\"%s\"\n", s);
            return EXIT_USAGE;
        }
        if (!out || exact_only) {
            fputs("cjm simulate: --shard writes raw counts for cjm merge: give -o "
                  "PART.json (and no --exact)\n", stderr);
            return EXIT_USAGE;
        }
    } else if (out && (out_format = report_format("simulate", out)) < 0) {
        return EXIT_USAGE;
    }

    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    const char *path = args.positional[0];
    cjm_journey *j = load_journey(&a, path, &lo, &d);
    watchdog_stage("simulating");
    run_out runs[65];
    int count = 0;
    if (j) {
        const cjm_scenario *chosen[64];
        int nchosen = 0;
        if (cli_value(simulate_options, &args, "all-scenarios"))
            for (int k = 0; k < j->scenario_count && nchosen < 64; k++)
                chosen[nchosen++] = &j->scenarios[k];
        int is = cli_index(simulate_options, "scenario");
        for (int k = 0; k < args.seen[is] && k < CLI_MAX_VALUES; k++) {
            const char *id = args.multi[is][k];
            const cjm_scenario *found = NULL;
            for (int q = 0; q < j->scenario_count; q++)
                if (strcmp(j->scenarios[q].id, id) == 0)
                    found = &j->scenarios[q];
            if (!found) {
                const char *names[64];
                int nn = 0;
                for (int q = 0; q < j->scenario_count && nn < 64; q++)
                    names[nn++] = j->scenarios[q].id;
                const char *near = diag_suggest(id, names, nn);
                diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "--scenario: no scenario "
                         "\"%s\"%s%s%s", id, near ? " (did you mean \"" : "",
                         near ? near : "", near ? "\"?)" : "");
            } else if (nchosen < 64) {
                chosen[nchosen++] = found;
            }
        }
        for (int k = -1; k < nchosen && !d.errors; k++) {
            const cjm_scenario *sc = k < 0 ? NULL : chosen[k];
            sim_model *m;
            if (sc && sc->journey) {
                cjm_journey *alt = load_scenario_journey(&a, sc, &d);
                m = alt ? sim_compile(alt, NULL, horizon ? horizon : j->horizon, &d) : NULL;
                /* the edited journey's phases, by id, in the baseline's places */
                for (int k = 0; m && k < m->phase_count; k++)
                    m->source_phase[k] = model_find_phase(j, alt->phases[m->source_phase[k]].id);
            } else {
                m = sim_compile(j, sc, horizon, &d);
            }
            if (!m)
                break;
            if (!markov_fits(m, &d, DIAG_ERROR, path, NULL)) {
                sim_free(m);
                break;
            }
            run_out *ru = &runs[count++];
            ru->id = sc ? sc->id : "baseline";
            ru->name = sc ? sc->name : "baseline";
            ru->exact = markov_solve(m);
            ru->mc = NULL;
            if (!exact_only) {
                sim_run run = { n, lo.host.seed, threads, shard, shards, 1 };
                ru->mc = sim_monte_carlo(m, &run);
            }
            int same = m->phase_count == j->phase_count;
            for (int q = 0; same && q < m->phase_count; q++)
                same = m->source_phase[q] == q;
            if (!same) {
                /* phases removed or added: compare phase by phase anyway */
                if (ru->exact)
                    sim_result_align(ru->exact, m->source_phase, j->phase_count);
                if (ru->mc)
                    sim_result_align(ru->mc, m->source_phase, j->phase_count);
            }
            sim_free(m);
            if (!ru->exact || (!exact_only && !ru->mc)) {
                diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "out of memory while simulating");
                d.internal = 1;
            }
        }
    }
    if (!d.errors && j && cli_value(simulate_options, &args, "attribution")) {
        /* each touchpoint's removal effect, from the exact engine */
        double base = count ? runs[0].exact->converted : 0;
        /* and the Monte Carlo touch credits over converting journeys */
        sim_credits cr = { 0 };
        int nt = j->touchpoint_count;
        cr.first = arena_alloc(&a, sizeof(double) * (size_t)(nt + 1));
        cr.last = arena_alloc(&a, sizeof(double) * (size_t)(nt + 1));
        cr.linear = arena_alloc(&a, sizeof(double) * (size_t)(nt + 1));
        sim_model *bm = sim_compile(j, NULL, horizon, &d);
        long long cn = n < 200000 ? n : 200000;
        int credits = bm && sim_touch_credits(bm, cn, lo.host.seed, &cr) == 0 && cr.converted > 0;
        printf("touchpoint attribution: removal effect (exact; conversion %.4f with all)%s\n",
               base, credits ? arena_printf(&a, "; first, last and linear touch over %.0f "
                                             "converting journeys (monte carlo, n=%lld)",
                                             cr.converted, cn) : "");
        printf("  %-24s %-15s %10s %8s %8s %8s %8s\n", "touchpoint", "channel", "converted",
               "removal", "first", "last", "linear");
        for (int t = 0; t < nt && base > 0; t++) {
            sim_model *m = sim_compile_with(j, NULL, NULL, t, horizon, &d);
            sim_result *r = m ? markov_solve(m) : NULL;
            if (r) {
                printf("  %-24.24s %-15.15s %10.4f %7.2f%%", j->touchpoints[t].name,
                       model_channel_names()[j->touchpoints[t].channel], r->converted,
                       100 * (1 - r->converted / base));
                if (credits)
                    printf(" %7.2f%% %7.2f%% %7.2f%%", 100 * cr.first[t] / cr.converted,
                           100 * cr.last[t] / cr.converted, 100 * cr.linear[t] / cr.converted);
                printf("\n");
            }
            sim_result_free(r);
            sim_free(m);
        }
        if (credits && cr.converted_untouched > 0)
            printf("  %-24s %-15s %10s %8s %7.2f%% %7.2f%% %7.2f%%\n", "(no touchpoint)", "", "",
                   "", 100 * cr.converted_untouched / cr.converted,
                   100 * cr.converted_untouched / cr.converted,
                   100 * cr.converted_untouched / cr.converted);
        sim_free(bm);
        printf("\n");
    }
    const char *chart = cli_value(simulate_options, &args, "chart");
    if (!d.errors && count && chart && !shards) {
        int cf = surface_format_from_path(chart);
        if (cf < 0) {
            diag_add(&d, DIAG_ERROR, chart, 0, 0, NULL, "name the chart .svg, .png or .pdf");
        } else {
            const char **names = arena_alloc(&a, sizeof(char *) * (size_t)count);
            const char **phase_names = arena_alloc(&a, sizeof(char *) * (size_t)(j->phase_count + 1));
            const sim_result *results[65];
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
            sim_chart_fill(&doc->mem, &c, arena_printf(&doc->mem, "Simulation — %s", j->title),
                           j->phase_count, phase_names, runs[0].exact, count, names, results);
            layout_charts(doc, &c, &lo2);
            surface_write(doc, t, (render_format)cf, 150, j->title, chart, 0, &d);
            rdoc_free(doc);
            text_end();
        }
    }
    if (!d.errors && count) {
        const char **ids = arena_alloc(&a, sizeof(char *) * (size_t)(j->phase_count + 1));
        const char **names = arena_alloc(&a, sizeof(char *) * (size_t)(j->phase_count + 1));
        for (int i = 0; i < j->phase_count; i++) {
            ids[i] = j->phases[i].id;
            names[i] = j->phases[i].name;
        }
        report_meta meta = { j->id, j->title, j->phase_count, ids, names, n,
                             horizon ? horizon : j->horizon, (long long)lo.host.seed };
        if (shards)
            write_part(&a, &meta, runs, count, shard, shards, out, &d);
        else
            write_report(&a, &meta, runs, count, out, out_format, &d);
    }
    for (int k = 0; k < count; k++) {
        sim_result_free(runs[k].exact);
        sim_result_free(runs[k].mc);
    }
    return cli_finish(&d, &a, j != NULL);
}

/* ---- cjm merge -------------------------------------------------------------- */

static const cli_option merge_options[] = {
    { "output", 'o', 1, "FILE", "the merged report: .yaml, .json or .md (default: a table)" },
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

static long long int_of(const node *map, const char *key)
{
    const node *v = node_map_get(map, key);
    return v && v->kind == NODE_INT ? v->v.integer : -1;
}

int cmd_merge(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_parse("merge", merge_options, argc, argv, &args);
    if (!rc)
        rc = cli_apply_limits("merge", merge_options, &args);
    if (rc)
        return rc;
    if (cli_value(merge_options, &args, "help")) {
        help_merge(stdout);
        return 0;
    }
    if (args.positional_count < 1) {
        fputs("cjm merge: give the part files\nTry 'cjm help merge'.\n", stderr);
        return EXIT_USAGE;
    }
    const char *out = cli_value(merge_options, &args, "output");
    int format = -1;
    if (out && (format = report_format("merge", out)) < 0)
        return EXIT_USAGE;
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    run_out runs[65];
    int count = 0, shards = 0;
    report_meta meta = { 0 };
    char seen[1024] = { 0 };
    for (int p = 0; p < args.positional_count && !d.errors; p++) {
        const char *path = args.positional[p];
        node *doc = yaml_load_file(&a, path, &d);
        if (!doc)
            break;
        if (int_of(doc, "cjm_part") != 1) {
            diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "not a part file of cjm simulate --shard");
            break;
        }
        long long shard = int_of(doc, "shard"), n_shards = int_of(doc, "shards");
        const node *sc = node_map_get(doc, "scenarios");
        const node *ph = node_map_get(doc, "phases");
        if (p == 0) {
            meta.id = text_of(doc, "journey");
            meta.title = text_of(doc, "title");
            meta.horizon = (int)int_of(doc, "horizon");
            meta.seed = int_of(doc, "seed");
            meta.journeys = int_of(doc, "journeys");
            shards = (int)n_shards;
            meta.phase_count = ph && ph->kind == NODE_SEQ ? ph->count : 0;
            meta.phase_ids = arena_alloc(&a, sizeof(char *) * (size_t)(meta.phase_count + 1));
            meta.phase_names = arena_alloc(&a, sizeof(char *) * (size_t)(meta.phase_count + 1));
            int i = 0;
            for (const node *x = ph ? ph->first : NULL; x; x = x->next, i++) {
                meta.phase_ids[i] = text_of(x, "id");
                meta.phase_names[i] = text_of(x, "name");
            }
        }
        if (!meta.id || !meta.title || shards < 1 || shards > 1024 || shard < 0
            || shard >= shards || n_shards != shards || meta.phase_count < 1
            || !sc || sc->kind != NODE_SEQ
            || strcmp(text_of(doc, "journey") ? text_of(doc, "journey") : "", meta.id)
            || int_of(doc, "seed") != meta.seed || int_of(doc, "journeys") != meta.journeys
            || int_of(doc, "horizon") != meta.horizon) {
            diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "this part does not belong with "
                     "the first one (journey, seed, journeys, horizon and shard count "
                     "must match)");
            break;
        }
        if (seen[shard]++) {
            diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "shard %lld/%d is given twice",
                     shard, shards);
            break;
        }
        int k = 0;
        for (const node *x = sc->first; x && !d.errors; x = x->next, k++) {
            sim_result *e = sim_result_from_node(node_map_get(x, "exact"));
            sim_result *m = sim_result_from_node(node_map_get(x, "monte_carlo"));
            if (!e || !m || k >= 64 || (p > 0 && (k >= count || strcmp(runs[k].id, text_of(x, "id") ? text_of(x, "id") : "")))) {
                diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "scenario %d: malformed or "
                         "not the same as in the first part", k);
                sim_result_free(e);
                sim_result_free(m);
                break;
            }
            if (p == 0) {
                runs[count].id = text_of(x, "id");
                runs[count].name = text_of(x, "name");
                runs[count].exact = e;
                runs[count].mc = m;
                count++;
            } else {
                sim_result_add(runs[k].mc, m);
                sim_result_free(e);
                sim_result_free(m);
            }
        }
    }
    for (int k = 0; k < shards && !d.errors; k++)
        if (!seen[k])
            diag_add(&d, DIAG_ERROR, NULL, 0, 0, NULL, "shard %d/%d is missing", k, shards);
    if (!d.errors && count)
        write_report(&a, &meta, runs, count, out, format, &d);
    for (int k = 0; k < count; k++) {
        sim_result_free(runs[k].exact);
        sim_result_free(runs[k].mc);
    }
    return cli_finish(&d, &a, 1);
}
