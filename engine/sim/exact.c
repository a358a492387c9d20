/*
 * exact.c — the exact engine: the simulation chain solved by forward
 * propagation of the state distribution, day by day, over the horizon.
 *
 * A state is a phase, and for a phase with a holding time also the days
 * already spent in the current holding period, so duration phases are
 * exact rather than approximated by a constant daily chance.  The
 * probability that a journey ever enters phase i is found by running the
 * same propagation with phase i made absorbing.  See sim.h for the
 * semantics both engines share.
 */
#include "sim/sim.h"

#include "base/limit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct chain {
    const sim_model *m;
    int states;
    int *off;       /* first state of each phase */
} chain;

/* MASS arrives on day T at target TO (a phase, or an outcome when < 0):
 * into INTO, or ended; returns what the absorbing phase ABSORB takes. */
static double arrive(const chain *c, int to, double mass, int absorb, int t, double *into,
                     sim_result *r)
{
    const sim_model *m = c->m;
    if (to >= 0 && to == absorb)
        return mass;
    if (to >= 0) {
        into[c->off[to]] += mass;
        if (r)
            r->visits[to] += mass;
        return 0;
    }
    int k = -1 - to;
    if (r) {
        r->outcomes[k] += mass;
        if (m->outcome_success[k]) {
            r->converted += mass;
            r->convert_day[t] += mass;
            r->convert_days_sum += mass * t;
            r->convert_days_sq += mass * (double)t * t;
        }
    }
    return 0;
}

/* Propagate over the horizon.  With ABSORB >= 0, entering that phase ends
 * the journey and its probability is returned; otherwise R is filled. */
static double propagate(const chain *c, int absorb, sim_result *r)
{
    const sim_model *m = c->m;
    int n = m->phase_count;
    double *cur = calloc((size_t)c->states, sizeof(double));
    double *next = calloc((size_t)c->states, sizeof(double));
    if (!cur || !next) {
        free(cur);
        free(next);
        return NAN;
    }
    double hit = 0;
    for (int e = 0; e < m->entry_count; e++)
        hit += arrive(c, m->entry[e], m->entry_p[e], absorb, 0, cur, r);
    for (int t = 1; t <= m->horizon; t++) {
        memset(next, 0, sizeof(double) * (size_t)c->states);
        for (int i = 0; i < n; i++) {
            const sim_phase *p = &m->phases[i];
            int size = p->has_duration ? p->dur_max : 1;
            for (int k = 0; k < size; k++) {
                double mass = cur[c->off[i] + k];
                if (mass <= 0)
                    continue;
                if (r) {
                    r->days_in[i] += mass;
                    r->days += mass;
                    r->emotion_days += mass * p->emotion;
                    r->dropped_in[i] += mass * p->drop;
                    r->dropped += mass * p->drop;
                }
                for (int b = 0; b < p->back_count; b++) {
                    int j = p->back_to[b];
                    double go = mass * p->back_p[b];
                    if (j == absorb) {
                        hit += go;
                        continue;
                    }
                    next[c->off[j]] += go;
                    if (r)
                        r->visits[j] += go;
                }
                double advanced;
                if (!p->has_duration) {
                    advanced = mass * p->attempt * p->approve;
                    next[c->off[i]] += mass - mass * p->drop
                                     - mass * p->back_total - advanced;
                } else {
                    double rest = mass * (1 - p->drop - p->back_total);
                    double survive = 1 - (k > 0 ? p->dur_cdf[k] : 0);
                    double h = survive > 0 ? p->dur_pmf[k + 1] / survive : 1;
                    if (h > 1)
                        h = 1;
                    double attempt = rest * h;
                    advanced = attempt * p->approve;
                    next[c->off[i]] += attempt - advanced;      /* a new holding time */
                    if (k + 1 < size)
                        next[c->off[i] + k + 1] += rest - attempt;
                }
                if (advanced <= 0)
                    continue;
                if (r)
                    r->moved_on[i] += advanced;
                for (int q = 0; q < p->to_count; q++)
                    hit += arrive(c, p->to[q], advanced * p->to_p[q], absorb, t, next, r);
            }
        }
        double *swap = cur;
        cur = next;
        next = swap;
    }
    if (r) {
        double left = 0;
        for (int s = 0; s < c->states; s++)
            left += cur[s];
        r->in_progress = left;
    }
    free(cur);
    free(next);
    return hit;
}

static int state_count(const sim_model *m)
{
    int states = 0;
    for (int i = 0; i < m->phase_count; i++)
        states += m->phases[i].has_duration ? m->phases[i].dur_max : 1;
    return states;
}

double markov_work(const sim_model *m)
{
    /* one propagation for the result, one per later phase for reached[] */
    return (double)state_count(m) * m->horizon * (m->phase_count > 0 ? m->phase_count : 1);
}

int markov_fits(const sim_model *m, diag_list *d, diag_severity sev, const char *file,
                const char *instead)
{
    double work = markov_work(m), cap = limit_get(LIM_EXACT_WORK);
    if (work <= cap)
        return 1;
    diag_add(d, sev, file, 0, 0, NULL, "the exact engine would sweep %.3g day-states "
             "(%d states x %d days x %d passes), over the exact-work limit of %.3g "
             "(raise it with %s)%s%s", work, state_count(m), m->horizon,
             m->phase_count, cap, limit_hint(LIM_EXACT_WORK), instead ? "; " : "",
             instead ? instead : "");
    if (sev == DIAG_ERROR)
        d->limit_hit = 1;
    return 0;
}

sim_result *markov_solve(const sim_model *m)
{
    int n = m->phase_count;
    chain c = { m, 0, calloc((size_t)n + 1, sizeof(int)) };
    if (!c.off)
        return NULL;
    for (int i = 0; i < n; i++) {
        c.off[i] = c.states;
        c.states += m->phases[i].has_duration ? m->phases[i].dur_max : 1;
    }
    sim_result *r = sim_result_new(n, m->horizon);
    if (!r) {
        free(c.off);
        return NULL;
    }
    r->journeys = 1;
    if (sim_result_outcomes(r, m->outcome_count) < 0) {
        sim_result_free(r);
        free(c.off);
        return NULL;
    }
    propagate(&c, -1, r);
    for (int i = 0; i < n; i++)
        r->reached[i] = propagate(&c, i, NULL);
    /* no per-journey squares in the exact engine */
    for (int i = 0; i < n; i++)
        r->days_in_sq[i] = NAN;
    free(c.off);
    return r;
}
