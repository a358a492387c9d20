/*
 * sim_doc.c — simulation results as a document; see sim_doc.h.
 */
#include "report/sim_doc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static double share(const sim_result *r, double v)
{
    return r->journeys > 0 ? v / r->journeys : NAN;
}

/* 95% half-width of a share estimated from a Monte Carlo run. */
static double ci(const sim_result *r, double v)
{
    double p = share(r, v);
    return 1.96 * sqrt(p * (1 - p) / r->journeys);
}

static double mean_days(const sim_result *r)
{
    return r->converted > 0 ? r->convert_days_sum / r->converted : NAN;
}

/* Figures rounded to 1e-6: enough for shares and days, and the same text
 * on every machine. */
static node *num(arena *a, double v)
{
    return rnode_num(a, isfinite(v) ? round(v * 1e6) / 1e6 : v);
}

static node *interval(arena *a, const sim_result *r, double q)
{
    double lo, hi;
    sim_quantile_interval(r, q, &lo, &hi);
    node *iv = rnode_seq(a);
    node_append(iv, num(a, lo));
    node_append(iv, num(a, hi));
    return iv;
}

static node *phase_node(arena *a, const sim_meta *m, const sim_result *r, int i, int mc)
{
    node *p = rnode_map(a);
    rnode_put(a, p, "phase", rnode_str(a, m->phase_ids[i]));
    rnode_put(a, p, "name", rnode_str(a, m->phase_names[i]));
    rnode_put(a, p, "entered", num(a, share(r, r->reached[i])));
    /* moves on per journey: for a journey that goes phase by phase, the
     * share that entered the next phase */
    rnode_put(a, p, "advanced", num(a, share(r, r->moved_on[i])));
    rnode_put(a, p, "dropped", num(a, share(r, r->dropped_in[i])));
    if (mc)
        rnode_put(a, p, "dropped_ci95", num(a, ci(r, r->dropped_in[i])));
    rnode_put(a, p, "days", num(a, r->days_in[i] / r->journeys));
    if (mc) {
        double mean = r->days_in[i] / r->journeys;
        double var = r->days_in_sq[i] / r->journeys - mean * mean;
        rnode_put(a, p, "days_se", num(a, sqrt(fmax(var, 0) / r->journeys)));
    }
    rnode_put(a, p, "visits", num(a, r->visits[i] / r->journeys));
    return p;
}

/* One engine's figures for a run. */
static node *result_node(arena *a, const sim_meta *m, const sim_result *r, int mc)
{
    node *n = rnode_map(a);
    if (mc) {
        rnode_put(a, n, "journeys", rnode_int(a, (long long)r->journeys));
        rnode_put(a, n, "journey_days", rnode_int(a, r->steps));
    }
    rnode_put(a, n, "converted", num(a, share(r, r->converted)));
    if (mc)
        rnode_put(a, n, "converted_ci95", num(a, ci(r, r->converted)));
    rnode_put(a, n, "dropped", num(a, share(r, r->dropped)));
    rnode_put(a, n, "in_progress", num(a, share(r, r->in_progress)));
    rnode_put(a, n, "median_days", num(a, sim_quantile_day(r, 0.5)));
    rnode_put(a, n, "p90_days", num(a, sim_quantile_day(r, 0.9)));
    if (mc) {
        rnode_put(a, n, "median_days_ci95", interval(a, r, 0.5));
        rnode_put(a, n, "p90_days_ci95", interval(a, r, 0.9));
    }
    rnode_put(a, n, "mean_days", num(a, mean_days(r)));
    if (mc && r->converted > 1)
        rnode_put(a, n, "mean_days_se", num(a, sqrt(sim_mean_days_var(r))));
    rnode_put(a, n, "emotion", num(a, sim_emotion_mean(r)));
    if (m->outcome_count && r->outcome_count == m->outcome_count) {
        node *o = rnode_map(a);
        for (int k = 0; k < m->outcome_count; k++)
            rnode_put(a, o, m->outcome_ids[k], num(a, share(r, r->outcomes[k])));
        rnode_put(a, n, "outcomes", o);
    }
    node *phases = rnode_seq(a);
    for (int i = 0; i < r->phase_count; i++)
        node_append(phases, phase_node(a, m, r, i, mc));
    rnode_put(a, n, "phases", phases);
    return n;
}

/* The comparison row of run S against the baseline RUNS[0]. */
static node *comparison_row(arena *a, const sim_run_result *runs, int s)
{
    const sim_run_result *ru = &runs[s], *b = &runs[0];
    node *n = rnode_map(a);
    rnode_put(a, n, "id", rnode_str(a, ru->id));
    rnode_put(a, n, "name", rnode_str(a, ru->name));
    double pe = share(ru->exact, ru->exact->converted);
    rnode_put(a, n, "converted", num(a, pe));
    if (s)
        rnode_put(a, n, "difference", num(a, pe - share(b->exact, b->exact->converted)));
    if (ru->mc) {
        double pm = share(ru->mc, ru->mc->converted);
        rnode_put(a, n, "converted_mc", num(a, pm));
        rnode_put(a, n, "converted_mc_ci95", num(a, ci(ru->mc, ru->mc->converted)));
        if (s && b->mc) {
            double dci = sim_paired_ci(ru->mc, b->mc, sim_batch_conversion);
            if (isnan(dci))     /* too few batches: as if independent */
                dci = sqrt(pow(ci(ru->mc, ru->mc->converted), 2)
                           + pow(ci(b->mc, b->mc->converted), 2));
            rnode_put(a, n, "difference_mc", num(a, pm - share(b->mc, b->mc->converted)));
            rnode_put(a, n, "difference_mc_ci95", num(a, dci));
        }
    }
    const sim_result *r = ru->mc ? ru->mc : ru->exact;
    rnode_put(a, n, "median_days", num(a, sim_quantile_day(r, 0.5)));
    rnode_put(a, n, "p90_days", num(a, sim_quantile_day(r, 0.9)));
    rnode_put(a, n, "mean_days", num(a, mean_days(r)));
    rnode_put(a, n, "dropped", num(a, share(r, r->dropped)));
    rnode_put(a, n, "in_progress", num(a, share(r, r->in_progress)));
    return n;
}

static const table_col cmp_exact[] = {
    { "id", "id", COL_TEXT, 0, NULL, 0 },
    { "name", "scenario", COL_TEXT, 0, NULL, COL_WRAP },
    { "converted", "converted (exact)", COL_PCT, 2, NULL, 0 },
    { "difference", "difference (exact)", COL_PTS, 2, NULL, COL_SIGNED },
};
static const table_col cmp_mc[] = {
    { "converted_mc", "converted (Monte Carlo)", COL_PCT, 2, "converted_mc_ci95", 0 },
    { "difference_mc", "difference (Monte Carlo)", COL_PTS, 2, "difference_mc_ci95",
      COL_SIGNED | COL_SIGNIFICANCE },
};
static const table_col cmp_tail[] = {
    { "median_days", "median days", COL_NUM, 0, NULL, 0 },
    { "p90_days", "p90 days", COL_NUM, 0, NULL, 0 },
    { "mean_days", "mean days", COL_NUM, 1, NULL, 0 },
    { "dropped", "dropped", COL_PCT, 1, NULL, 0 },
    { "in_progress", "in progress", COL_PCT, 1, NULL, 0 },
};
static const table_col funnel_cols[] = {
    { "name", "phase", COL_TEXT, 0, NULL, COL_WRAP },
    { "entered", "entered", COL_PCT, 1, NULL, 0 },
    { "advanced", "advanced", COL_PCT, 1, NULL, 0 },
    { "dropped", "dropped", COL_PCT, 1, NULL, 0 },
    { "days", "days in", COL_NUM, 1, NULL, 0 },
    { "visits", "visits", COL_NUM, 2, NULL, 0 },
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void comparison_table(report_doc *rd, arena *a, const sim_run_result *runs, int count)
{
    node *rows = rnode_seq(a);
    for (int s = 0; s < count; s++)
        node_append(rows, comparison_row(a, runs, s));
    rnode_put(a, rd->data, "comparison", rows);
    table_col *cols = arena_alloc(a, sizeof *cols * 16);
    int n = 0, mc = runs[0].mc != NULL;
    for (int k = 0; k < COUNT(cmp_exact); k++)
        cols[n++] = cmp_exact[k];
    for (int k = 0; mc && k < COUNT(cmp_mc); k++)
        cols[n++] = cmp_mc[k];
    for (int k = 0; k < COUNT(cmp_tail); k++)
        cols[n++] = cmp_tail[k];
    table *t = report_table(rd, count > 1 ? "Scenarios compared with the baseline"
                                          : "Baseline", cols, n, rows);
    t->note = mc ? "Days and shares from Monte Carlo; differences in percentage points, "
                   "with paired 95% intervals (n.s.: the interval holds zero)."
                 : "Exact engine.";
}

/* How journeys end, a column per named outcome, a row per run. */
static void outcome_table(report_doc *rd, arena *a, const sim_meta *m,
                          const sim_run_result *runs, int count)
{
    node *rows = rnode_seq(a);
    table_col *cols = arena_alloc(a, sizeof *cols * (size_t)(m->outcome_count + 3));
    int nc = 0;
    cols[nc++] = (table_col){ "name", "scenario", COL_TEXT, 0, NULL, COL_WRAP };
    for (int k = 0; k < m->outcome_count; k++)
        cols[nc++] = (table_col){ m->outcome_ids[k], m->outcome_names[k], COL_PCT, 2,
                                  runs[0].mc ? arena_printf(a, "%s_ci95", m->outcome_ids[k])
                                             : NULL, 0 };
    cols[nc++] = (table_col){ "dropped", "dropped", COL_PCT, 2, NULL, 0 };
    for (int s = 0; s < count; s++) {
        const sim_result *r = runs[s].mc ? runs[s].mc : runs[s].exact;
        if (r->outcome_count != m->outcome_count)
            continue;
        node *row = rnode_map(a);
        rnode_put(a, row, "name", rnode_str(a, runs[s].name));
        for (int k = 0; k < m->outcome_count; k++) {
            rnode_put(a, row, m->outcome_ids[k], num(a, share(r, r->outcomes[k])));
            if (runs[s].mc)
                rnode_put(a, row, cols[k + 1].ci_key, num(a, ci(r, r->outcomes[k])));
        }
        rnode_put(a, row, "dropped", num(a, share(r, r->dropped)));
        node_append(rows, row);
    }
    report_table(rd, "How journeys end", cols, nc, rows);
}

/* Money per journey, a row per run: value, cost, net and return, from
 * the exact engine (and Monte Carlo's net beside it), and the net's
 * difference from the baseline. */
static void money_table(report_doc *rd, arena *a, const sim_meta *m,
                        const sim_run_result *runs, int count)
{
    node *rows = rnode_seq(a);
    for (int s = 0; s < count; s++) {
        const sim_run_result *ru = &runs[s];
        const sim_money *e = &ru->exact_money;
        node *row = rnode_map(a);
        rnode_put(a, row, "id", rnode_str(a, ru->id));
        rnode_put(a, row, "name", rnode_str(a, ru->name));
        rnode_put(a, row, "value", num(a, e->value));
        rnode_put(a, row, "cost", num(a, e->cost));
        rnode_put(a, row, "net", num(a, e->value - e->cost));
        double conv = share(ru->exact, ru->exact->converted);
        rnode_put(a, row, "cost_per_conversion", num(a, conv > 0 ? e->cost / conv : NAN));
        rnode_put(a, row, "return", num(a, e->cost > 0 ? (e->value - e->cost) / e->cost : NAN));
        if (s)
            rnode_put(a, row, "net_difference",
                      num(a, e->value - e->cost - runs[0].exact_money.value
                             + runs[0].exact_money.cost));
        if (ru->mc)
            rnode_put(a, row, "net_mc", num(a, ru->mc_money.value - ru->mc_money.cost));
        rnode_put(a, row, "fixed_cost", num(a, ru->fixed_cost));
        node_append(rows, row);
    }
    rnode_put(a, rd->data, "money", rows);
    static const table_col cols[] = {
        { "name", "scenario", COL_TEXT, 0, NULL, COL_WRAP },
        { "value", "value / journey", COL_NUM, 2, NULL, 0 },
        { "cost", "cost / journey", COL_NUM, 2, NULL, 0 },
        { "net", "net / journey", COL_NUM, 2, NULL, COL_SIGNED },
        { "net_difference", "net vs baseline", COL_NUM, 2, NULL, COL_SIGNED },
        { "cost_per_conversion", "cost / conversion", COL_NUM, 2, NULL, 0 },
        { "return", "return", COL_PCT, 1, NULL, COL_SIGNED },
        { "fixed_cost", "fixed cost", COL_NUM, 0, NULL, 0 },
    };
    table *t = report_table(rd, m->currency ? arena_printf(a, "Money (%s)", m->currency)
                                            : "Money", cols, COUNT(cols), rows);
    t->note = "Per journey, from the exact engine; return is net / cost; the fixed cost is "
              "once per cohort.";
}

/* The weekly forecast of the baseline's cohorts (exact, with 95%
 * intervals from the journeys' independence; Monte Carlo beside it), and
 * every run's total over the forecast in the data. */
static void forecast_table(report_doc *rd, arena *a, const sim_run_result *runs, int count)
{
    const sim_run_result *b = &runs[0];
    node *rows = rnode_seq(a);
    double cum = 0;
    for (int w = 0; w < b->fc_exact.weeks; w++) {
        node *row = rnode_map(a);
        cum += b->fc_exact.conversions[w];
        rnode_put(a, row, "week", rnode_int(a, w + 1));
        rnode_put(a, row, "arrivals", num(a, b->fc_exact.arrivals[w]));
        rnode_put(a, row, "conversions", num(a, b->fc_exact.conversions[w]));
        rnode_put(a, row, "conversions_ci95", num(a, b->fc_exact.ci95[w]));
        if (b->fc_mc.weeks == b->fc_exact.weeks)
            rnode_put(a, row, "conversions_mc", num(a, b->fc_mc.conversions[w]));
        rnode_put(a, row, "cumulative", num(a, cum));
        if (b->value > 0) {
            /* the week's value: a random number of deals of random sizes */
            double n = b->fc_exact.conversions[w], sn = b->fc_exact.ci95[w] / 1.96;
            rnode_put(a, row, "value", num(a, n * b->value));
            rnode_put(a, row, "value_ci95", num(a, 1.96 * sqrt(sn * sn * b->value * b->value
                                                               + n * b->value_sd * b->value_sd)));
        }
        node_append(rows, row);
    }
    rnode_put(a, rd->data, "forecast", rows);
    node *totals = rnode_map(a);
    for (int s = 0; s < count; s++) {
        double t = 0;
        for (int w = 0; w < runs[s].fc_exact.weeks; w++)
            t += runs[s].fc_exact.conversions[w];
        rnode_put(a, totals, runs[s].id, num(a, t));
    }
    rnode_put(a, rd->data, "forecast_totals", totals);
    table_col cols[7];
    int nc = 0;
    cols[nc++] = (table_col){ "week", "week", COL_INT, 0, NULL, 0 };
    cols[nc++] = (table_col){ "arrivals", "arrivals", COL_NUM, 1, NULL, 0 };
    cols[nc++] = (table_col){ "conversions", "conversions (exact)", COL_NUM, 2,
                              "conversions_ci95", 0 };
    if (b->fc_mc.weeks)
        cols[nc++] = (table_col){ "conversions_mc", "conversions (Monte Carlo)", COL_NUM, 2,
                                  NULL, 0 };
    cols[nc++] = (table_col){ "cumulative", "cumulative", COL_NUM, 1, NULL, 0 };
    if (b->value > 0)
        cols[nc++] = (table_col){ "value", "value", COL_NUM, 0, "value_ci95", 0 };
    table_col *heap = arena_alloc(a, sizeof cols);
    for (int k = 0; k < nc; k++)
        heap[k] = cols[k];
    table *t = report_table(rd, "Forecast: conversions per week (baseline)", heap, nc, rows);
    t->note = "Journeys arriving as `arrivals` says; 95% intervals from the journeys' "
              "independence.";
}

/* Conversion by segment, a row per segment, a column per run (exact,
 * with Monte Carlo's 95% interval beside it in the data). */
static void segment_table(report_doc *rd, arena *a, const sim_meta *m,
                          const sim_run_result *runs, int count)
{
    node *rows = rnode_seq(a);
    table_col *cols = arena_alloc(a, sizeof *cols * (size_t)(count + 3));
    int nc = 0;
    cols[nc++] = (table_col){ "name", "segment", COL_TEXT, 0, NULL, COL_WRAP };
    cols[nc++] = (table_col){ "share", "share", COL_PCT, 1, NULL, 0 };
    for (int s = 0; s < count; s++)
        cols[nc++] = (table_col){ arena_printf(a, "converted_%d", s),
                                  arena_printf(a, "%s (exact)", runs[s].name), COL_PCT, 2,
                                  NULL, 0 };
    for (int k = 0; k < m->segment_count; k++) {
        node *row = rnode_map(a);
        rnode_put(a, row, "id", rnode_str(a, m->segment_ids[k]));
        rnode_put(a, row, "name", rnode_str(a, m->segment_names[k]));
        rnode_put(a, row, "share", num(a, m->segment_shares[k]));
        for (int s = 0; s < count; s++) {
            if (runs[s].segment_count != m->segment_count || !runs[s].seg_exact[k])
                continue;
            const sim_result *e = runs[s].seg_exact[k], *mc = runs[s].seg_mc[k];
            rnode_put(a, row, cols[s + 2].key, num(a, share(e, e->converted)));
            if (mc) {
                rnode_put(a, row, arena_printf(a, "converted_mc_%d", s),
                          num(a, share(mc, mc->converted)));
                rnode_put(a, row, arena_printf(a, "converted_mc_%d_ci95", s),
                          num(a, ci(mc, mc->converted)));
            }
        }
        node_append(rows, row);
    }
    rnode_put(a, rd->data, "segments", rows);
    table *t = report_table(rd, "Conversion by segment", cols, nc, rows);
    t->note = "The mix above weighs each segment by its share.";
}

/* Drop per phase, a column per scenario. */
static void drop_table(report_doc *rd, arena *a, const sim_meta *m, const sim_run_result *runs,
                       int count)
{
    node *rows = rnode_seq(a);
    table_col *cols = arena_alloc(a, sizeof *cols * (size_t)(count + 1));
    cols[0] = (table_col){ "name", "phase", COL_TEXT, 0, NULL, COL_WRAP };
    for (int s = 0; s < count; s++)
        cols[s + 1] = (table_col){ arena_printf(a, "drop_%d", s), runs[s].name, COL_PCT, 1,
                                   runs[s].mc ? arena_printf(a, "drop_%d_ci95", s) : NULL, 0 };
    for (int i = 0; i < m->phase_count; i++) {
        node *row = rnode_map(a);
        rnode_put(a, row, "name", rnode_str(a, m->phase_names[i]));
        for (int s = 0; s < count; s++) {
            const sim_result *r = runs[s].mc ? runs[s].mc : runs[s].exact;
            rnode_put(a, row, cols[s + 1].key, num(a, share(r, r->dropped_in[i])));
            if (runs[s].mc)
                rnode_put(a, row, cols[s + 1].ci_key, num(a, ci(r, r->dropped_in[i])));
        }
        node_append(rows, row);
    }
    report_table(rd, "Drop per phase", cols, count + 1, rows);
}

void sim_doc(report_doc *rd, arena *a, const sim_meta *meta, const sim_run_result *runs,
             int count)
{
    report_init(rd, a, arena_printf(a, "Simulation: %s", meta->title));
    node *root = rd->data;
    rnode_put(a, root, "journey", rnode_str(a, meta->id));
    rnode_put(a, root, "horizon", rnode_int(a, meta->horizon));
    rnode_put(a, root, "seed", rnode_int(a, meta->seed));
    node *list = rnode_seq(a);
    node **funnels = arena_alloc(a, sizeof *funnels * (size_t)count);
    for (int k = 0; k < count; k++) {
        node *sn = rnode_map(a);
        rnode_put(a, sn, "id", rnode_str(a, runs[k].id));
        rnode_put(a, sn, "name", rnode_str(a, runs[k].name));
        node *ex = result_node(a, meta, runs[k].exact, 0);
        rnode_put(a, sn, "exact", ex);
        funnels[k] = node_map_get(ex, "phases");
        if (runs[k].mc)
            rnode_put(a, sn, "monte_carlo", result_node(a, meta, runs[k].mc, 1));
        node_append(list, sn);
    }
    rnode_put(a, root, "scenarios", list);
    if (runs[0].mc)
        report_line(rd, "%lld journeys by Monte Carlo (seed %lld) beside the exact engine; "
                    "horizon %d days.", meta->journeys, meta->seed, meta->horizon);
    else
        report_line(rd, "The exact engine; horizon %d days.", meta->horizon);
    comparison_table(rd, a, runs, count);
    if (meta->segment_count)
        segment_table(rd, a, meta, runs, count);
    if (meta->outcome_count)
        outcome_table(rd, a, meta, runs, count);
    if (runs[0].money)
        money_table(rd, a, meta, runs, count);
    if (runs[0].forecast && runs[0].fc_exact.weeks)
        forecast_table(rd, a, runs, count);
    table *t = report_table(rd, count > 1 ? "Funnel: baseline (exact)" : "Funnel (exact)",
                            funnel_cols, COUNT(funnel_cols), funnels[0]);
    t->empty = "No phases.";
    report_mark_detail(rd);
    for (int k = 1; k < count; k++)
        report_table(rd, arena_printf(a, "Funnel: %s (exact)", runs[k].name), funnel_cols,
                     COUNT(funnel_cols), funnels[k]);
    if (count > 1)
        drop_table(rd, a, meta, runs, count);
}
