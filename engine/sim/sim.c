/*
 * sim.c — compiling a journey for simulation, and the Monte Carlo engine.
 *
 * The engine does not step day by day: within a visit to a phase the
 * daily chances are constant, so the day the journey leaves is drawn at
 * once (a geometric number of days), and which way it leaves is drawn
 * from the chances conditional on leaving.  That has the same
 * distribution as stepping day by day, at two random draws per visit.
 *
 * Determinism: the N journeys are cut into blocks of SIM_BLOCK; block b
 * draws from its own xoshiro256** stream seeded from (seed, b), and every
 * measure is an integer count (emotion in millionths), so sums are the
 * same whatever the number of threads or the shard split.
 */
#define _GNU_SOURCE
#include "sim/sim.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/rng.h"

/* ---- compiling ------------------------------------------------------------ */

static double apply_edit(double v, const cjm_edit *e)
{
    if (!e->present)
        return v;
    switch (e->op) {
    case EDIT_SET: return e->value;
    case EDIT_MUL: return v * e->value;
    case EDIT_ADD: return v + e->value;
    }
    return v;
}

static double clamp01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Triangular CDF on [a, c] with mode b. */
static double tri_cdf(double x, double a, double b, double c)
{
    if (x <= a)
        return 0;
    if (x >= c)
        return 1;
    if (x <= b)
        return (x - a) * (x - a) / ((c - a) * (b - a));
    return 1 - (c - x) * (c - x) / ((c - a) * (c - b));
}

/* E[min(advance * product of lifts of the exposed touchpoints, cap)]. */
static double expected_attempt(const sim_phase *p, double cap, diag_list *d)
{
    enum { MAXV = 1 << 16 };
    double *val = malloc(sizeof(double) * MAXV * 2), *pr = malloc(sizeof(double) * MAXV * 2);
    if (!val || !pr) {
        free(val);
        free(pr);
        return fmin(p->advance, cap);
    }
    int n = 1;
    val[0] = 1;
    pr[0] = 1;
    for (int k = 0; k < p->tp_count; k++) {
        double r = p->reach[k], l = p->lift[k];
        if (r <= 0 || l == 1)
            continue;
        int m = 0;
        for (int i = 0; i < n; i++) {
            /* not exposed; exposed */
            double v0 = val[i], v1 = val[i] * l;
            double p0 = pr[i] * (1 - r), p1 = pr[i] * r;
            int f0 = 0, f1 = 0;
            for (int q = 0; q < m && !(f0 && f1); q++) {
                if (!f0 && fabs(val[n + q] - v0) < 1e-12) { pr[n + q] += p0; f0 = 1; }
                else if (!f1 && fabs(val[n + q] - v1) < 1e-12) { pr[n + q] += p1; f1 = 1; }
            }
            if (!f0 && m < MAXV) { val[n + m] = v0; pr[n + m++] = p0; }
            if (!f1 && m < MAXV) { val[n + m] = v1; pr[n + m++] = p1; }
        }
        memmove(val, val + n, sizeof(double) * (size_t)m);
        memmove(pr, pr + n, sizeof(double) * (size_t)m);
        n = m;
        if (n >= MAXV / 2) {
            diag_add(d, DIAG_WARNING, NULL, 0, 0, NULL, "phase %s: too many "
                     "touchpoint combinations; later lifts are averaged", p->id);
            break;
        }
    }
    double e = 0;
    for (int i = 0; i < n; i++)
        e += pr[i] * fmin(p->advance * val[i], cap);
    free(val);
    free(pr);
    return e;
}

sim_model *sim_compile_with(const cjm_journey *j, const cjm_scenario *scenario,
                            const cjm_changes *extra, int removed_touchpoint,
                            int horizon, diag_list *d)
{
    sim_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    arena_init(&m->mem);
    arena *a = &m->mem;
    int n = j->phase_count, nt = j->touchpoint_count;
    m->phase_count = n;
    m->horizon = horizon > 0 ? horizon : j->horizon;
    m->phases = arena_alloc(a, sizeof *m->phases * (size_t)(n + 1));
    m->touchpoint_count = nt;
    m->touchpoint_ids = arena_alloc(a, sizeof(char *) * (size_t)(nt + 1));

    /* editable copies of the numbers */
    double *reach = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    double *lift = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    int *removed = arena_alloc(a, sizeof(int) * (size_t)(nt + 1));
    for (int t = 0; t < nt; t++) {
        m->touchpoint_ids[t] = j->touchpoints[t].id;
        reach[t] = j->touchpoints[t].reach;
        lift[t] = j->touchpoints[t].lift;
    }
    if (removed_touchpoint >= 0 && removed_touchpoint < nt)
        removed[removed_touchpoint] = 1;
    double *back = arena_alloc(a, sizeof(double) * (size_t)(n * n + 1));
    double *approve = arena_alloc(a, sizeof(double) * (size_t)(n * (j->persona_count + 1) + 1));
    for (int i = 0; i < n; i++) {
        const cjm_phase *ph = &j->phases[i];
        sim_phase *p = &m->phases[i];
        p->id = ph->id;
        p->name = ph->name;
        p->advance = ph->has_advance ? ph->advance : 0;
        p->drop = ph->drop;
        p->has_duration = ph->has_duration;
        p->dmin = ph->duration_min;
        p->dmode = ph->duration_mode;
        p->dmax = ph->duration_max;
        for (int k = 0; k < ph->back_count; k++) {
            int to = model_find_phase(j, ph->back[k].key);
            if (to >= 0)
                back[i * n + to] = ph->back[k].p;
        }
        for (int k = 0; k < ph->approve_count; k++) {
            int who = model_find_persona(j, ph->approve[k].key);
            if (who >= 0)
                approve[i * (j->persona_count + 1) + who] = ph->approve[k].p;
            else
                approve[i * (j->persona_count + 1) + j->persona_count] = 1;
        }
        if (!ph->has_advance && !ph->has_duration) {
            diag_add(d, DIAG_ERROR, ph->src ? ph->src->file : NULL,
                     ph->src ? ph->src->line : 0, ph->src ? ph->src->col : 0, NULL,
                     "phases[%d] (%s): give transitions.advance or a duration so "
                     "the simulator knows how journeys move on", i, ph->id);
        }
        double sum = 0;
        int count = 0;
        for (int k = 0; k < ph->emotion_count; k++) {
            sum += ph->emotions[k].score;
            count++;
        }
        p->emotion = count ? sum / count : 0;
    }
    /* which gatekeepers each phase has (approve entries exist for them) */
    int *gate = arena_alloc(a, sizeof(int) * (size_t)(n * (j->persona_count + 1) + 1));
    for (int i = 0; i < n; i++)
        for (int k = 0; k < j->phases[i].approve_count; k++) {
            int who = model_find_persona(j, j->phases[i].approve[k].key);
            if (who >= 0)
                gate[i * (j->persona_count + 1) + who] = 1;
        }

    /* the scenario's changes, then the extra ones */
    const cjm_changes *lists[2] = { scenario ? &scenario->changes : NULL, extra };
    for (int l = 0; l < 2; l++) {
        if (!lists[l])
            continue;
        for (int c = 0; c < lists[l]->count; c++) {
            const cjm_change *ch = &lists[l]->items[c];
            if (ch->touchpoint) {
                int t = model_find_touchpoint(j, ch->touchpoint);
                if (t < 0)
                    continue;
                reach[t] = clamp01(apply_edit(reach[t], &ch->reach));
                lift[t] = fmax(0, apply_edit(lift[t], &ch->lift));
                if (ch->remove)
                    removed[t] = 1;
                continue;
            }
            int i = model_find_phase(j, ch->phase);
            if (i < 0)
                continue;
            sim_phase *p = &m->phases[i];
            p->advance = clamp01(apply_edit(p->advance, &ch->advance));
            p->drop = clamp01(apply_edit(p->drop, &ch->drop));
            for (int k = 0; k < ch->back_count; k++) {
                int to = model_find_phase(j, ch->back[k].key);
                if (to >= 0)
                    back[i * n + to] = clamp01(apply_edit(back[i * n + to], &ch->back[k].edit));
            }
            for (int k = 0; k < ch->approve_count; k++) {
                int who = model_find_persona(j, ch->approve[k].key);
                if (who < 0)
                    continue;
                double *ap = &approve[i * (j->persona_count + 1) + who];
                if (!gate[i * (j->persona_count + 1) + who]) {
                    gate[i * (j->persona_count + 1) + who] = 1;
                    *ap = 1;
                }
                *ap = clamp01(apply_edit(*ap, &ch->approve[k].edit));
            }
            if (ch->duration_min.present || ch->duration_mode.present
                || ch->duration_max.present) {
                p->dmin = fmax(0, apply_edit(p->dmin, &ch->duration_min));
                p->dmode = fmax(0, apply_edit(p->dmode, &ch->duration_mode));
                p->dmax = fmax(0, apply_edit(p->dmax, &ch->duration_max));
                if (p->dmode < p->dmin)
                    p->dmode = p->dmin;
                if (p->dmax < p->dmode)
                    p->dmax = p->dmode;
            }
        }
    }

    /* flatten */
    for (int i = 0; i < n; i++) {
        const cjm_phase *ph = &j->phases[i];
        sim_phase *p = &m->phases[i];
        p->back_to = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
        p->back_p = arena_alloc(a, sizeof(double) * (size_t)(n + 1));
        for (int to = 0; to < n; to++)
            if (back[i * n + to] > 0) {
                p->back_to[p->back_count] = to;
                p->back_p[p->back_count++] = back[i * n + to];
                p->back_total += back[i * n + to];
            }
        if (p->drop + p->back_total > 1) {
            double s = 1 / (p->drop + p->back_total);
            p->drop *= s;
            for (int k = 0; k < p->back_count; k++)
                p->back_p[k] *= s;
            p->back_total = 1 - p->drop;
        }
        p->approve = 1;
        for (int w = 0; w <= j->persona_count; w++)
            if (gate[i * (j->persona_count + 1) + w])
                p->approve *= approve[i * (j->persona_count + 1) + w];
        p->tp = arena_alloc(a, sizeof(int) * (size_t)(ph->touchpoints.count + 1));
        p->reach = arena_alloc(a, sizeof(double) * (size_t)(ph->touchpoints.count + 1));
        p->lift = arena_alloc(a, sizeof(double) * (size_t)(ph->touchpoints.count + 1));
        for (int k = 0; k < ph->touchpoints.count; k++) {
            int t = model_find_touchpoint(j, ph->touchpoints.items[k]);
            if (t < 0 || removed[t])
                continue;
            p->tp[p->tp_count] = t;
            p->reach[p->tp_count] = reach[t];
            p->lift[p->tp_count++] = lift[t];
        }
        double cap = 1 - p->drop - p->back_total;
        p->attempt = p->has_duration ? 0 : expected_attempt(p, cap < 0 ? 0 : cap, d);
        if (p->has_duration) {
            p->dur_max = (int)ceil(p->dmax);
            if (p->dur_max < 1)
                p->dur_max = 1;
            if (p->dur_max > 100000)
                p->dur_max = 100000;
            p->dur_pmf = arena_alloc(a, sizeof(double) * (size_t)(p->dur_max + 1));
            p->dur_cdf = arena_alloc(a, sizeof(double) * (size_t)(p->dur_max + 1));
            double prev = 0;
            for (int dd = 1; dd <= p->dur_max; dd++) {
                double f = p->dmax <= p->dmin ? (dd >= p->dmax ? 1 : 0)
                         : tri_cdf(dd, p->dmin, p->dmode, p->dmax);
                if (dd == p->dur_max)
                    f = 1;
                p->dur_pmf[dd] = f - prev;
                p->dur_cdf[dd] = f;
                prev = f;
            }
        }
    }
    /* phases the changes remove: journeys go straight on from the phase
     * before; moves back into one go to the nearest earlier phase kept */
    int *gone = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int removed_any = 0;
    for (int l = 0; l < 2; l++)
        for (int c = 0; lists[l] && c < lists[l]->count; c++) {
            const cjm_change *ch = &lists[l]->items[c];
            int i = ch->phase && ch->remove ? model_find_phase(j, ch->phase) : -1;
            if (i >= 0)
                gone[i] = removed_any = 1;
        }
    m->source_phase = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        m->source_phase[i] = i;
    if (removed_any) {
        int *to_new = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
        int kept = 0;
        for (int i = 0; i < n; i++)
            to_new[i] = gone[i] ? -1 : kept++;
        if (!kept) {
            diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "the changes remove every phase");
        } else {
            sim_phase *phases = arena_alloc(a, sizeof *phases * (size_t)(kept + 1));
            for (int i = 0; i < n; i++) {
                if (gone[i])
                    continue;
                sim_phase p = m->phases[i];
                int nb = 0;
                double total = 0;
                for (int k = 0; k < p.back_count; k++) {
                    int to = p.back_to[k];
                    while (to >= 0 && gone[to])
                        to--;
                    if (to < 0)
                        continue;       /* nowhere to go back to: it stays */
                    p.back_to[nb] = to_new[to];
                    p.back_p[nb++] = p.back_p[k];
                    total += p.back_p[k];
                }
                p.back_count = nb;
                p.back_total = total;
                if (!p.has_duration) {
                    double cap = 1 - p.drop - p.back_total;
                    p.attempt = expected_attempt(&p, cap < 0 ? 0 : cap, d);
                }
                m->source_phase[to_new[i]] = i;
                phases[to_new[i]] = p;
            }
            m->phases = phases;
            m->phase_count = kept;
        }
    }
    for (int i = 0; i < m->phase_count; i++) {
        sim_phase *p = &m->phases[i];
        p->leave = p->has_duration ? p->drop + p->back_total
                                   : p->drop + p->back_total + p->attempt * p->approve;
        p->log_stay = p->leave < 1 ? log1p(-p->leave) : -INFINITY;
    }
    if (d->errors) {
        sim_free(m);
        return NULL;
    }
    return m;
}

void sim_result_align(sim_result *r, const int *source, int count)
{
    char *present = calloc((size_t)count + 1, 1);
    if (!present)
        return;
    for (int k = 0; k < r->phase_count; k++)
        if (source[k] >= 0 && source[k] < count)
            present[source[k]] = 1;
    double *arrays[5] = { r->days_in, r->days_in_sq, r->visits, r->reached, r->dropped_in };
    for (int a = 0; a < 5; a++) {
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

sim_model *sim_compile(const cjm_journey *j, const cjm_scenario *scenario,
                       int horizon, diag_list *d)
{
    return sim_compile_with(j, scenario, NULL, -1, horizon, d);
}

void sim_free(sim_model *m)
{
    if (!m)
        return;
    arena_free(&m->mem);
    free(m);
}

/* ---- results ---------------------------------------------------------------- */

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
    if (!r->convert_day || !r->days_in || !r->days_in_sq || !r->visits || !r->reached
        || !r->dropped_in) {
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

/* ---- Monte Carlo -------------------------------------------------------------- */

/* Integer counters of one thread (summed in any order, same result). */
typedef struct counts {
    long long converted, dropped, in_progress, conv_sum, conv_sq, days, steps;
    long long emotion_days;     /* millionths */
    long long *convert_day, *days_in, *days_in_sq, *visits, *reached, *dropped_in;
    long long batch_n[SIM_BATCHES], batch_conv[SIM_BATCHES], batch_days[SIM_BATCHES];
} counts;

static int counts_init(counts *c, int n, int horizon)
{
    memset(c, 0, sizeof *c);
    c->convert_day = calloc((size_t)horizon + 2, sizeof(long long));
    size_t k = (size_t)n + 1;
    c->days_in = calloc(k, sizeof(long long));
    c->days_in_sq = calloc(k, sizeof(long long));
    c->visits = calloc(k, sizeof(long long));
    c->reached = calloc(k, sizeof(long long));
    c->dropped_in = calloc(k, sizeof(long long));
    return c->convert_day && c->days_in && c->days_in_sq && c->visits && c->reached
           && c->dropped_in ? 0 : -1;
}

static void counts_free(counts *c)
{
    free(c->convert_day);
    free(c->days_in);
    free(c->days_in_sq);
    free(c->visits);
    free(c->reached);
    free(c->dropped_in);
}

/* Add B's counts into A. */
static void counts_add(counts *a, const counts *b, int n, int horizon)
{
    a->converted += b->converted;
    a->dropped += b->dropped;
    a->in_progress += b->in_progress;
    a->conv_sum += b->conv_sum;
    a->conv_sq += b->conv_sq;
    a->days += b->days;
    a->steps += b->steps;
    a->emotion_days += b->emotion_days;
    for (int k = 0; k < SIM_BATCHES; k++) {
        a->batch_n[k] += b->batch_n[k];
        a->batch_conv[k] += b->batch_conv[k];
        a->batch_days[k] += b->batch_days[k];
    }
    for (int t = 0; t <= horizon; t++)
        a->convert_day[t] += b->convert_day[t];
    for (int i = 0; i < n; i++) {
        a->days_in[i] += b->days_in[i];
        a->days_in_sq[i] += b->days_in_sq[i];
        a->visits[i] += b->visits[i];
        a->reached[i] += b->reached[i];
        a->dropped_in[i] += b->dropped_in[i];
    }
}

/* Days until the first success of a daily chance P (>= 1); LOG_STAY is
 * log(1 - P), computed once per phase. */
static inline long long geometric(rng *r, double p, double log_stay)
{
    if (p >= 1)
        return 1;
    double u = 1.0 - rng_double(r);        /* (0, 1] */
    double g = floor(log(u) / log_stay);
    return g > 1e15 ? (long long)1e15 : (long long)g + 1;
}

static inline int sample_duration(rng *r, const sim_phase *p)
{
    double u = rng_double(r);
    int lo = 1, hi = p->dur_max;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (p->dur_cdf[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Which way a journey leaves when it does not advance: -1 dropped, or the
 * phase index it goes back to.  U is uniform over drop + back_total. */
static inline int drop_or_back(const sim_phase *p, double u)
{
    if (u < p->drop)
        return -1;
    u -= p->drop;
    for (int k = 0; k < p->back_count; k++) {
        if (u < p->back_p[k])
            return p->back_to[k];
        u -= p->back_p[k];
    }
    return p->back_count ? p->back_to[p->back_count - 1] : -1;
}

static void simulate_block(const sim_model *m, uint64_t seed, long long block,
                           long long count, long long total, counts *c, long long *emo,
                           int *seen, long long *days_local)
{
    long long first = block * SIM_BLOCK;
    rng r;
    rng_seed(&r, seed, (uint64_t)block);
    int n = m->phase_count, H = m->horizon;
    for (long long j = 0; j < count; j++) {
        long long t = 0;
        int i = 0;
        memset(seen, 0, sizeof(int) * (size_t)n);
        memset(days_local, 0, sizeof(long long) * (size_t)n);
        c->visits[0]++;
        seen[0] = 1;
        int outcome = 0;    /* 0 in progress, 1 converted, 2 dropped */
        for (;;) {
            const sim_phase *p = &m->phases[i];
            int next;       /* i + 1 advance, -1 drop, else back */
            long long spent;
            int ended = 0;
            if (!p->has_duration) {
                double leave = p->leave;
                if (leave <= 0) {
                    days_local[i] += H - t;
                    break;
                }
                spent = geometric(&r, leave, p->log_stay);
                if (t + spent > H) {
                    days_local[i] += H - t;
                    break;
                }
                double u = rng_double(&r) * leave;
                if (u < p->drop + p->back_total)
                    next = drop_or_back(p, u);
                else
                    next = i + 1;
                t += spent;
                days_local[i] += spent;
            } else {
                double q = p->drop + p->back_total;
                next = i + 1;
                for (;;) {
                    long long hold = sample_duration(&r, p);
                    long long g = q > 0 ? geometric(&r, q, p->log_stay) : (long long)1e15;
                    if (g <= hold) {
                        if (t + g > H) {
                            days_local[i] += H - t;
                            ended = 1;
                            break;
                        }
                        t += g;
                        days_local[i] += g;
                        next = drop_or_back(p, rng_double(&r) * q);
                        break;
                    }
                    if (t + hold > H) {
                        days_local[i] += H - t;
                        ended = 1;
                        break;
                    }
                    t += hold;
                    days_local[i] += hold;
                    if (p->approve >= 1 || rng_double(&r) < p->approve)
                        break;      /* approved: advance */
                }
                if (ended)
                    break;
            }
            if (next == -1) {
                c->dropped_in[i]++;
                outcome = 2;
                break;
            }
            if (next == n) {
                outcome = 1;
                break;
            }
            i = next;
            c->visits[i]++;
            seen[i] = 1;
        }
        int batch = (int)((first + j) * SIM_BATCHES / total);
        c->batch_n[batch]++;
        if (outcome == 1) {
            c->converted++;
            c->convert_day[t]++;
            c->conv_sum += t;
            c->conv_sq += t * t;
            c->batch_conv[batch]++;
            c->batch_days[batch] += t;
        } else if (outcome == 2) {
            c->dropped++;
        } else {
            c->in_progress++;
        }
        for (int k = 0; k < n; k++) {
            c->reached[k] += seen[k];
            c->days_in[k] += days_local[k];
            c->days_in_sq[k] += days_local[k] * days_local[k];
            c->days += days_local[k];
            c->emotion_days += emo[k] * days_local[k];
            c->steps += days_local[k];
        }
    }
}

typedef struct worker {
    const sim_model *m;
    const sim_run *run;
    long long blocks;
    int index, count;
    counts c;
    atomic_llong *done;
    int failed;
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    const sim_model *m = w->m;
    int n = m->phase_count;
    long long *emo = calloc((size_t)n + 1, sizeof(long long));
    int *seen = calloc((size_t)n + 1, sizeof(int));
    long long *days_local = calloc((size_t)n + 1, sizeof(long long));
    if (!emo || !seen || !days_local) {
        w->failed = 1;
        free(emo);
        free(seen);
        free(days_local);
        return NULL;
    }
    for (int k = 0; k < n; k++)
        emo[k] = llround(m->phases[k].emotion * 1e6);
    /* counters of this thread's own, allocated here: threads writing
     * neighbouring cache lines would slow each other down */
    counts local;
    if (counts_init(&local, n, m->horizon) < 0) {
        w->failed = 1;
        counts_free(&local);
        free(emo);
        free(seen);
        free(days_local);
        return NULL;
    }
    int shards = w->run->shard_count > 0 ? w->run->shard_count : 1;
    long long mine = 0;
    for (long long b = 0; b < w->blocks; b++) {
        if (b % shards != (w->run->shard_count > 0 ? w->run->shard : 0))
            continue;
        if (mine++ % w->count != w->index)
            continue;
        long long first = b * SIM_BLOCK;
        long long count = w->run->journeys - first < SIM_BLOCK
                              ? w->run->journeys - first : SIM_BLOCK;
        simulate_block(m, w->run->seed, b, count, w->run->journeys, &local, emo, seen,
                       days_local);
        atomic_fetch_add(w->done, 1);
    }
    counts_add(&w->c, &local, n, m->horizon);
    counts_free(&local);
    free(emo);
    free(seen);
    free(days_local);
    return NULL;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

sim_result *sim_monte_carlo(const sim_model *m, const sim_run *run)
{
    int threads = run->threads;
    if (threads <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores > 0 ? (int)cores : 1;
    }
    if (threads > 256)
        threads = 256;
    long long blocks = (run->journeys + SIM_BLOCK - 1) / SIM_BLOCK;
    worker *w = calloc((size_t)threads, sizeof *w);
    pthread_t *tid = calloc((size_t)threads, sizeof *tid);
    atomic_llong done = 0;
    if (!w || !tid) {
        free(w);
        free(tid);
        return NULL;
    }
    int failed = 0;
    for (int k = 0; k < threads; k++) {
        w[k] = (worker){ m, run, blocks, k, threads, { 0 }, &done, 0 };
        if (counts_init(&w[k].c, m->phase_count, m->horizon) < 0)
            failed = 1;
    }
    int started = 0;
    for (int k = 0; k < threads && !failed; k++, started++)
        if (pthread_create(&tid[k], NULL, worker_main, &w[k]) != 0)
            break;
    /* a progress bar when the run is long and stderr is a terminal */
    long long my_blocks = run->shard_count > 0
        ? (blocks - run->shard + run->shard_count - 1) / run->shard_count : blocks;
    double start = now_seconds();
    int shown = 0;
    if (run->progress && isatty(2)) {
        while (atomic_load(&done) < my_blocks) {
            struct timespec pause = { 0, 100000000L };
            nanosleep(&pause, NULL);
            double el = now_seconds() - start;
            if (el > 1.0) {
                long long dn = atomic_load(&done);
                int width = 40, fill = (int)(width * dn / (my_blocks ? my_blocks : 1));
                fprintf(stderr, "\r[%.*s%*s] %3lld%%  %.1fs", fill,
                        "########################################", width - fill, "",
                        100 * dn / (my_blocks ? my_blocks : 1), el);
                shown = 1;
            }
        }
        if (shown)
            fputs("\r\033[K", stderr);
    }
    for (int k = 0; k < started; k++)
        pthread_join(tid[k], NULL);

    sim_result *r = sim_result_new(m->phase_count, m->horizon);
    counts total;
    if (!r || counts_init(&total, m->phase_count, m->horizon) < 0)
        failed = 1;
    for (int k = 0; k < threads; k++) {
        if (!failed && !w[k].failed)
            counts_add(&total, &w[k].c, m->phase_count, m->horizon);
        failed |= w[k].failed;
        counts_free(&w[k].c);
    }
    free(w);
    free(tid);
    if (failed) {
        if (r)
            counts_free(&total);
        sim_result_free(r);
        return NULL;
    }
    r->journeys = (double)(total.converted + total.dropped + total.in_progress);
    r->converted = (double)total.converted;
    r->dropped = (double)total.dropped;
    r->in_progress = (double)total.in_progress;
    r->convert_days_sum = (double)total.conv_sum;
    r->convert_days_sq = (double)total.conv_sq;
    r->days = (double)total.days;
    r->steps = total.steps;
    r->monte_carlo = 1;
    r->emotion_days = (double)total.emotion_days;
    for (int k = 0; k < SIM_BATCHES; k++) {
        r->batch_journeys[k] = (double)total.batch_n[k];
        r->batch_converted[k] = (double)total.batch_conv[k];
        r->batch_convert_days[k] = (double)total.batch_days[k];
    }
    for (int t = 0; t <= m->horizon; t++)
        r->convert_day[t] = (double)total.convert_day[t];
    for (int i = 0; i < m->phase_count; i++) {
        r->days_in[i] = (double)total.days_in[i];
        r->days_in_sq[i] = (double)total.days_in_sq[i];
        r->visits[i] = (double)total.visits[i];
        r->reached[i] = (double)total.reached[i];
        r->dropped_in[i] = (double)total.dropped_in[i];
    }
    counts_free(&total);
    return r;
}

/* ---- touch credits (day by day, with exposures) ------------------------------- */

int sim_touch_credits(const sim_model *m, long long journeys, uint64_t seed,
                      sim_credits *out)
{
    int n = m->phase_count, nt = m->touchpoint_count, H = m->horizon;
    int *count = calloc((size_t)nt + 1, sizeof(int));
    int *exposed = calloc((size_t)nt + 1, sizeof(int));
    if (!count || !exposed) {
        free(count);
        free(exposed);
        return -1;
    }
    out->journeys = journeys;
    long long blocks = (journeys + SIM_BLOCK - 1) / SIM_BLOCK;
    for (long long b = 0; b < blocks; b++) {
        rng r;
        rng_seed(&r, seed ^ 0xA77E1B07ull, (uint64_t)b);
        long long size = journeys - b * SIM_BLOCK < SIM_BLOCK ? journeys - b * SIM_BLOCK
                                                              : SIM_BLOCK;
        for (long long jn = 0; jn < size; jn++) {
            int i = 0, first = -1, last = -1, total = 0, converted = 0, hold = 0, held = 0;
            memset(count, 0, sizeof(int) * (size_t)nt);
            for (int t = 1; t <= H; t++) {
                const sim_phase *p = &m->phases[i];
                if (p->has_duration && !hold) {
                    hold = sample_duration(&r, p);
                    held = 0;
                }
                /* the day's exposures */
                double lift = 1;
                for (int k = 0; k < p->tp_count; k++) {
                    exposed[k] = rng_double(&r) < p->reach[k];
                    if (exposed[k]) {
                        int tp = p->tp[k];
                        if (first < 0)
                            first = tp;
                        last = tp;
                        count[tp]++;
                        total++;
                        lift *= p->lift[k];
                    }
                }
                double u = rng_double(&r);
                int next = i;
                if (u < p->drop) {
                    next = -1;
                } else if (u < p->drop + p->back_total) {
                    next = drop_or_back(p, u);
                } else if (!p->has_duration) {
                    double cap = 1 - p->drop - p->back_total;
                    double a = fmin(p->advance * lift, cap);
                    if (u < p->drop + p->back_total + a
                        && (p->approve >= 1 || rng_double(&r) < p->approve))
                        next = i + 1;
                } else if (++held >= hold) {
                    hold = 0;
                    if (p->approve >= 1 || rng_double(&r) < p->approve)
                        next = i + 1;
                }
                if (next != i)
                    hold = 0;
                if (next == -1)
                    break;
                if (next == n) {
                    converted = 1;
                    break;
                }
                i = next;
            }
            if (!converted)
                continue;
            out->converted++;
            if (first < 0) {
                out->converted_untouched++;
                continue;
            }
            out->first[first] += 1;
            out->last[last] += 1;
            for (int tp = 0; tp < nt; tp++)
                if (count[tp])
                    out->linear[tp] += (double)count[tp] / total;
        }
    }
    free(count);
    free(exposed);
    return 0;
}
