/*
 * result.c — simulation results: making, freeing, aligning phases, and
 * their summaries (quantiles of the time to convert, mean emotion); see
 * sim.h.
 */
#include "sim/sim.h"

#include <math.h>
#include <stdlib.h>

void sim_result_align(sim_result *r, const int *source, int count)
{
    char *present = calloc((size_t)count + 1, 1);
    if (!present)
        return;
    for (int k = 0; k < r->phase_count; k++)
        if (source[k] >= 0 && source[k] < count)
            present[source[k]] = 1;
    double *arrays[6] = { r->days_in, r->days_in_sq, r->visits, r->reached, r->dropped_in,
                          r->moved_on };
    for (int a = 0; a < 6; a++) {
        double *moved = calloc((size_t)count + 1, sizeof(double));
        if (!moved) {
            free(present);
            return;
        }
        for (int k = 0; k < r->phase_count; k++)
            if (source[k] >= 0 && source[k] < count)
                moved[source[k]] += arrays[a][k];
        free(arrays[a]);
        arrays[a] = moved;
    }
    r->days_in = arrays[0];
    r->days_in_sq = arrays[1];
    r->visits = arrays[2];
    r->reached = arrays[3];
    r->dropped_in = arrays[4];
    r->moved_on = arrays[5];
    r->phase_count = count;
    /* a removed phase is passed straight through: it is "entered" by as
     * many as enter the next phase that is there (or convert) */
    double next = r->converted;
    for (int i = count - 1; i >= 0; i--) {
        if (!present[i])
            r->reached[i] = next;
        else
            next = r->reached[i];
    }
    free(present);
}

void sim_result_add_scaled(sim_result *a, const sim_result *b, double w)
{
    a->journeys += w * b->journeys;
    a->converted += w * b->converted;
    a->dropped += w * b->dropped;
    a->in_progress += w * b->in_progress;
    a->convert_days_sum += w * b->convert_days_sum;
    a->convert_days_sq += w * b->convert_days_sq;
    a->emotion_days += w * b->emotion_days;
    a->days += w * b->days;
    a->steps += (long long)llround(w * (double)b->steps);
    for (int t = 0; t <= a->horizon && t <= b->horizon; t++)
        a->convert_day[t] += w * b->convert_day[t];
    for (int i = 0; i < a->phase_count && i < b->phase_count; i++) {
        a->days_in[i] += w * b->days_in[i];
        a->days_in_sq[i] += w * b->days_in_sq[i];
        a->visits[i] += w * b->visits[i];
        a->reached[i] += w * b->reached[i];
        a->dropped_in[i] += w * b->dropped_in[i];
        a->moved_on[i] += w * b->moved_on[i];
    }
    for (int k = 0; k < SIM_BATCHES; k++) {
        a->batch_journeys[k] += w * b->batch_journeys[k];
        a->batch_converted[k] += w * b->batch_converted[k];
        a->batch_convert_days[k] += w * b->batch_convert_days[k];
    }
    if (b->outcome_count && a->outcome_count != b->outcome_count)
        sim_result_outcomes(a, b->outcome_count);
    for (int k = 0; k < a->outcome_count && k < b->outcome_count; k++)
        a->outcomes[k] += w * b->outcomes[k];
}

int sim_result_outcomes(sim_result *r, int count)
{
    free(r->outcomes);
    r->outcomes = calloc((size_t)count + 1, sizeof(double));
    r->outcome_count = r->outcomes ? count : 0;
    return r->outcomes ? 0 : -1;
}

sim_result *sim_result_new(int phase_count, int horizon)
{
    sim_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->phase_count = phase_count;
    r->horizon = horizon;
    r->convert_day = calloc((size_t)horizon + 2, sizeof(double));
    size_t n = (size_t)phase_count + 1;
    r->days_in = calloc(n, sizeof(double));
    r->days_in_sq = calloc(n, sizeof(double));
    r->visits = calloc(n, sizeof(double));
    r->reached = calloc(n, sizeof(double));
    r->dropped_in = calloc(n, sizeof(double));
    r->moved_on = calloc(n, sizeof(double));
    if (!r->convert_day || !r->days_in || !r->days_in_sq || !r->visits || !r->reached
        || !r->dropped_in || !r->moved_on) {
        sim_result_free(r);
        return NULL;
    }
    return r;
}

void sim_result_free(sim_result *r)
{
    if (!r)
        return;
    free(r->convert_day);
    free(r->days_in);
    free(r->days_in_sq);
    free(r->visits);
    free(r->reached);
    free(r->dropped_in);
    free(r->moved_on);
    free(r->outcomes);
    free(r);
}

double sim_quantile_day(const sim_result *r, double q)
{
    if (r->converted <= 0)
        return NAN;
    double want = q * r->converted, run = 0;
    for (int t = 0; t <= r->horizon; t++) {
        run += r->convert_day[t];
        if (run >= want - 1e-12 * r->converted)
            return t;
    }
    return r->horizon;
}

/* The first day by which a share P of the conversions has happened. */
static double day_at(const sim_result *r, double p)
{
    if (p <= 0)
        p = 0;
    if (p > 1)
        p = 1;
    double want = p * r->converted, run = 0;
    for (int t = 0; t <= r->horizon; t++) {
        run += r->convert_day[t];
        if (run >= want - 1e-12 * r->converted && run > 0)
            return t;
    }
    return r->horizon;
}

void sim_quantile_interval(const sim_result *r, double q, double *lo, double *hi)
{
    if (!r->monte_carlo || r->converted <= 0) {
        *lo = *hi = sim_quantile_day(r, q);
        return;
    }
    double half = 1.96 * sqrt(q * (1 - q) / r->converted);
    *lo = day_at(r, q - half);
    *hi = day_at(r, q + half);
}

double sim_emotion_mean(const sim_result *r)
{
    if (r->days <= 0)
        return 0;
    return r->emotion_days / (r->monte_carlo ? 1e6 : 1) / r->days;
}
