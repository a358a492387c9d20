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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct chain {
    const sim_model *m;
    int states;
    int *off;       /* first state of each phase */
    int *phase_of;  /* the phase of each state */
    /* the day's distribution and the next day's, each with a bitmap of
     * the states it may hold mass in: a day's sweep visits those only,
     * in state order, so the sums are the dense sweep's to the bit */
    double *cur, *next;
    uint64_t *cur_on, *next_on;
    int words;
} chain;

static void mark(uint64_t *on, int s)
{
    on[s >> 6] |= (uint64_t)1 << (s & 63);
}

/* MASS arrives on day T at target TO (a phase, or an outcome when < 0):
 * into INTO, or ended; returns what the absorbing phase ABSORB takes. */
static double arrive(const chain *c, int to, double mass, int absorb, int t, double *into,
                     uint64_t *on, sim_result *r)
{
    const sim_model *m = c->m;
    if (to >= 0 && to == absorb)
        return mass;
    if (to >= 0) {
        into[c->off[to]] += mass;
        mark(on, c->off[to]);
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

/* One day (T) of state S (phase I, day K of its holding time) holding
 * MASS: into the next day's distribution; returns what ABSORB takes. */
static double step(chain *c, int i, int k, double mass, int absorb, int t, sim_result *r)
{
    const sim_phase *p = &c->m->phases[i];
    double hit = 0, *next = c->next;
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
        mark(c->next_on, c->off[j]);
        if (r)
            r->visits[j] += go;
    }
    double advanced;
    int s = c->off[i] + k;
    if (!p->has_duration) {
        advanced = mass * p->attempt * p->approve;
        next[s] += mass - mass * p->drop - mass * p->back_total - advanced;
        mark(c->next_on, s);
    } else {
        double rest = mass * (1 - p->drop - p->back_total);
        double survive = 1 - (k > 0 ? p->dur_cdf[k] : 0);
        double h = survive > 0 ? p->dur_pmf[k + 1] / survive : 1;
        if (h > 1)
            h = 1;
        double attempt = rest * h;
        advanced = attempt * p->approve;
        next[c->off[i]] += attempt - advanced;      /* a new holding time */
        mark(c->next_on, c->off[i]);
        if (k + 1 < p->dur_max) {
            next[s + 1] += rest - attempt;
            mark(c->next_on, s + 1);
        }
    }
    if (advanced <= 0)
        return hit;
    if (r)
        r->moved_on[i] += advanced;
    for (int q = 0; q < p->to_count; q++)
        hit += arrive(c, p->to[q], advanced * p->to_p[q], absorb, t, next, c->next_on, r);
    return hit;
}

/* Propagate over the horizon.  With ABSORB >= 0, entering that phase ends
 * the journey and its probability is returned; otherwise R is filled.
 * Leaves both distributions empty. */
static double propagate(chain *c, int absorb, sim_result *r)
{
    const sim_model *m = c->m;
    double hit = 0;
    for (int e = 0; e < m->entry_count; e++)
        hit += arrive(c, m->entry[e], m->entry_p[e], absorb, 0, c->cur, c->cur_on, r);
    for (int t = 1; t <= m->horizon; t++) {
        for (int w = 0; w < c->words; w++) {
            for (uint64_t bits = c->cur_on[w]; bits; bits &= bits - 1) {
                int s = (w << 6) + __builtin_ctzll(bits);
                double mass = c->cur[s];
                c->cur[s] = 0;
                if (mass > 0) {
                    int i = c->phase_of[s];
                    hit += step(c, i, s - c->off[i], mass, absorb, t, r);
                }
            }
            c->cur_on[w] = 0;
        }
        double *swap = c->cur;
        c->cur = c->next;
        c->next = swap;
        uint64_t *on = c->cur_on;
        c->cur_on = c->next_on;
        c->next_on = on;
    }
    double left = 0;
    for (int w = 0; w < c->words; w++) {
        for (uint64_t bits = c->cur_on[w]; bits; bits &= bits - 1) {
            int s = (w << 6) + __builtin_ctzll(bits);
            left += c->cur[s];
            c->cur[s] = 0;
        }
        c->cur_on[w] = 0;
    }
    if (r)
        r->in_progress = left;
    return hit;
}

/* Which phases journeys can enter within the horizon: breadth first from
 * the start phases, a day an edge.  The others are never entered, so no
 * pass is run for them (their reached[] is 0, as the pass would find). */
static int reachable(const sim_model *m, char *seen)
{
    int n = m->phase_count, count = 0;
    int *queue = malloc(sizeof(int) * (size_t)(n + 1)), *day = malloc(sizeof(int) * (size_t)(n + 1));
    if (!queue || !day) {
        free(queue);
        free(day);
        memset(seen, 1, (size_t)n);
        return n;
    }
    for (int e = 0; e < m->entry_count; e++)
        if (m->entry[e] >= 0 && !seen[m->entry[e]]) {
            seen[m->entry[e]] = 1;
            day[count] = 0;
            queue[count++] = m->entry[e];
        }
    for (int h = 0; h < count; h++) {
        const sim_phase *p = &m->phases[queue[h]];
        if (day[h] >= m->horizon)
            continue;
        for (int e = 0; e < p->back_count + p->to_count; e++) {
            int to = e < p->back_count ? p->back_to[e] : p->to[e - p->back_count];
            if (to >= 0 && !seen[to]) {
                seen[to] = 1;
                day[count] = day[h] + 1;
                queue[count++] = to;
            }
        }
    }
    free(queue);
    free(day);
    return count;
}

static int state_count(const sim_model *m, const char *only)
{
    int states = 0;
    for (int i = 0; i < m->phase_count; i++)
        if (!only || only[i])
            states += m->phases[i].has_duration ? m->phases[i].dur_max : 1;
    return states;
}

/* The work of markov_solve: its passes (one for the result, one per
 * phase entered within the horizon) and the states they may sweep. */
static double work_of(const sim_model *m, int *states, int *passes)
{
    char *seen = calloc((size_t)m->phase_count + 1, 1);
    *passes = 1 + (seen ? reachable(m, seen) : m->phase_count);
    *states = state_count(m, seen);
    free(seen);
    return (double)*states * m->horizon * *passes;
}

double markov_work(const sim_model *m)
{
    int states, passes;
    return work_of(m, &states, &passes);
}

int markov_fits(const sim_model *m, diag_list *d, diag_severity sev, const char *file,
                const char *instead)
{
    int states, passes;
    double work = work_of(m, &states, &passes), cap = limit_get(LIM_EXACT_WORK);
    if (work <= cap)
        return 1;
    diag_add(d, sev, file, 0, 0, NULL, "the exact engine would sweep %.3g day-states "
             "(%d states x %d days x %d passes), over the exact-work limit of %.3g "
             "(raise it with %s)%s%s", work, states, m->horizon, passes, cap,
             limit_hint(LIM_EXACT_WORK), instead ? "; " : "", instead ? instead : "");
    if (sev == DIAG_ERROR)
        d->limit_hit = 1;
    return 0;
}

static void chain_free(chain *c)
{
    free(c->off);
    free(c->phase_of);
    free(c->cur);
    free(c->next);
    free(c->cur_on);
    free(c->next_on);
}

static int chain_init(chain *c, const sim_model *m)
{
    int n = m->phase_count;
    memset(c, 0, sizeof *c);
    c->m = m;
    c->states = state_count(m, NULL);
    c->words = (c->states + 63) / 64;
    c->off = calloc((size_t)n + 1, sizeof(int));
    c->phase_of = calloc((size_t)c->states + 1, sizeof(int));
    c->cur = calloc((size_t)c->states + 1, sizeof(double));
    c->next = calloc((size_t)c->states + 1, sizeof(double));
    c->cur_on = calloc((size_t)c->words + 1, sizeof(uint64_t));
    c->next_on = calloc((size_t)c->words + 1, sizeof(uint64_t));
    if (!c->off || !c->phase_of || !c->cur || !c->next || !c->cur_on || !c->next_on) {
        chain_free(c);
        return -1;
    }
    for (int i = 0, s = 0; i < n; i++) {
        c->off[i] = s;
        int size = m->phases[i].has_duration ? m->phases[i].dur_max : 1;
        for (int k = 0; k < size; k++)
            c->phase_of[s++] = i;
    }
    return 0;
}

sim_result *markov_solve(const sim_model *m)
{
    int n = m->phase_count;
    chain c;
    char *seen = calloc((size_t)n + 1, 1);
    if (!seen || chain_init(&c, m) < 0) {
        free(seen);
        return NULL;
    }
    sim_result *r = sim_result_new(n, m->horizon);
    if (!r || sim_result_outcomes(r, m->outcome_count) < 0) {
        sim_result_free(r);
        chain_free(&c);
        free(seen);
        return NULL;
    }
    r->journeys = 1;
    propagate(&c, -1, r);
    reachable(m, seen);
    for (int i = 0; i < n; i++)
        r->reached[i] = seen[i] ? propagate(&c, i, NULL) : 0;
    /* no per-journey squares in the exact engine */
    for (int i = 0; i < n; i++)
        r->days_in_sq[i] = NAN;
    chain_free(&c);
    free(seen);
    return r;
}
