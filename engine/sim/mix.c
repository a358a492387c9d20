/*
 * mix.c — a scenario run as it is simulated: a whole journey, or the mix
 * of its segments; see sim.h.
 *
 * Every figure of a result is an expectation or a count, so a mix is a
 * weighted sum: each segment's exact result weighted by its share, each
 * segment's Monte Carlo counts (its share of the journeys) added up.
 * Segment k's Monte Carlo journeys draw from seed + k, in the baseline and
 * in every scenario alike, so comparisons stay paired.
 */
#include "sim/sim.h"

#include <math.h>
#include <stdlib.h>

/* One part (a segment, or the whole journey) into OUT's totals. */
static int run_part(arena *a, const cjm_journey *j, const cjm_scenario *sc, int horizon,
                    const sim_run *run, const char *path, int k, double share,
                    long long journeys, sim_mixed *out, diag_list *d)
{
    const cjm_changes *extra = k >= 0 ? &j->segments[k].changes : NULL;
    sim_model *m = sim_compile_scenario_with(a, j, sc, extra, horizon, d);
    if (!m)
        return -1;
    if (!markov_fits(m, d, DIAG_ERROR, path, NULL)) {
        sim_free(m);
        return -1;
    }
    sim_result *ex = markov_solve(m), *mc = NULL;
    if (run && journeys > 0) {
        sim_run part = *run;
        part.journeys = journeys;
        part.seed = k >= 0 ? run->seed + (uint64_t)k + 1 : run->seed;
        mc = sim_monte_carlo(m, &part);
    }
    int ok = ex && (!run || journeys <= 0 || mc);
    if (ok) {
        out->has_money |= m->has_money;
        out->fixed_cost += share * m->fixed_cost;
        sim_money me = sim_money_of(m, ex);
        out->money_exact.cost += share * me.cost;
        out->money_exact.value += share * me.value;
        if (mc) {
            sim_money mm = sim_money_of(m, mc);
            out->money_mc.cost += mc->journeys * mm.cost;
            out->money_mc.value += mc->journeys * mm.value;
        }
        int same = m->phase_count == j->phase_count;
        for (int q = 0; same && q < m->phase_count; q++)
            same = m->source_phase[q] == q;
        if (!same) {
            sim_result_align(ex, m->source_phase, j->phase_count);
            if (mc)
                sim_result_align(mc, m->source_phase, j->phase_count);
        }
        sim_result_add_scaled(out->exact, ex, share);
        if (mc)
            sim_result_add_scaled(out->mc, mc, 1);
    }
    sim_free(m);
    if (k >= 0 && ok) {
        out->seg_exact[k] = ex;
        out->seg_mc[k] = mc;
    } else {
        sim_result_free(ex);
        sim_result_free(mc);
    }
    if (!ok) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "out of memory while simulating");
        d->internal = 1;
        return -1;
    }
    return 0;
}

int sim_run_mixed(arena *a, const cjm_journey *j, const cjm_scenario *sc, int horizon,
                  const sim_run *run, const char *path, sim_mixed *out, diag_list *d)
{
    int h = horizon > 0 ? horizon : j->horizon;
    *out = (sim_mixed){ 0 };
    out->exact = sim_result_new(j->phase_count, h);
    out->mc = run ? sim_result_new(j->phase_count, h) : NULL;
    int ns = j->segment_count;
    out->segment_count = ns;
    out->seg_exact = calloc((size_t)ns + 1, sizeof(sim_result *));
    out->seg_mc = calloc((size_t)ns + 1, sizeof(sim_result *));
    if (!out->exact || (run && !out->mc) || !out->seg_exact || !out->seg_mc) {
        sim_mixed_free(out);
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "out of memory while simulating");
        d->internal = 1;
        return -1;
    }
    out->exact->journeys = 0;
    if (!ns) {
        if (run_part(a, j, sc, horizon, run, path, -1, 1, run ? run->journeys : 0, out, d) < 0)
            goto fail;
    } else {
        long long left = run ? run->journeys : 0;
        for (int k = 0; k < ns; k++) {
            long long n = k + 1 < ns ? (long long)floor((run ? run->journeys : 0)
                                                        * j->segments[k].share) : left;
            left -= n;
            if (run_part(a, j, sc, horizon, run, path, k, j->segments[k].share, n, out, d) < 0)
                goto fail;
        }
    }
    if (out->mc && out->mc->journeys > 0) {
        out->money_mc.cost /= out->mc->journeys;
        out->money_mc.value /= out->mc->journeys;
    }
    /* the exact engine's counts are shares of one journey */
    out->exact->journeys = 1;
    if (out->mc)
        out->mc->monte_carlo = 1;
    return 0;
fail:
    sim_mixed_free(out);
    return -1;
}

void sim_mixed_free(sim_mixed *x)
{
    for (int k = 0; k < x->segment_count; k++) {
        if (x->seg_exact)
            sim_result_free(x->seg_exact[k]);
        if (x->seg_mc)
            sim_result_free(x->seg_mc[k]);
    }
    free(x->seg_exact);
    free(x->seg_mc);
    sim_result_free(x->exact);
    sim_result_free(x->mc);
    *x = (sim_mixed){ 0 };
}
