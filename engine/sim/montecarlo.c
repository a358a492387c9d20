/*
 * montecarlo.c — the Monte Carlo engine and the day-by-day touch credits;
 * see sim.h.
 *
 * The engine does not step day by day: within a visit to a phase the
 * daily chances are constant, so the day the journey leaves is drawn at
 * once (a geometric number of days), and which way it leaves is drawn
 * from the chances conditional on leaving.  That has the same
 * distribution as stepping day by day, at two random draws per visit.
 *
 * Determinism: the N journeys are cut into blocks of SIM_BLOCK (the unit
 * of work of a thread or a shard); journey k draws from its own
 * xoshiro256** stream seeded from (seed, k), and every measure is an
 * integer count (emotion in millionths), so sums are the same whatever
 * the number of threads or the shard split.  Since journey k's draws do
 * not depend on the journeys before it, two runs of the same seed (a
 * scenario and its baseline) are paired journey by journey.
 */
#define _GNU_SOURCE
#include "sim/sim.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/progress.h"
#include "base/rng.h"

/* Integer counters of one thread (summed in any order, same result). */
typedef struct counts {
    long long converted, dropped, in_progress, conv_sum, conv_sq, days, steps;
    long long emotion_days;     /* millionths */
    long long *convert_day, *days_in, *days_in_sq, *visits, *reached, *dropped_in, *moved_on;
    long long *outcomes;
    int outcome_count;
    long long batch_n[SIM_BATCHES], batch_conv[SIM_BATCHES], batch_days[SIM_BATCHES];
} counts;

static int counts_init(counts *c, int n, int horizon, int outcomes)
{
    memset(c, 0, sizeof *c);
    c->outcome_count = outcomes;
    c->outcomes = calloc((size_t)outcomes + 1, sizeof(long long));
    c->convert_day = calloc((size_t)horizon + 2, sizeof(long long));
    size_t k = (size_t)n + 1;
    c->days_in = calloc(k, sizeof(long long));
    c->days_in_sq = calloc(k, sizeof(long long));
    c->visits = calloc(k, sizeof(long long));
    c->reached = calloc(k, sizeof(long long));
    c->dropped_in = calloc(k, sizeof(long long));
    c->moved_on = calloc(k, sizeof(long long));
    return c->convert_day && c->days_in && c->days_in_sq && c->visits && c->reached
           && c->dropped_in && c->moved_on && c->outcomes ? 0 : -1;
}

static void counts_free(counts *c)
{
    free(c->convert_day);
    free(c->days_in);
    free(c->days_in_sq);
    free(c->visits);
    free(c->reached);
    free(c->dropped_in);
    free(c->moved_on);
    free(c->outcomes);
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
    for (int k = 0; k < a->outcome_count; k++)
        a->outcomes[k] += b->outcomes[k];
    for (int i = 0; i < n; i++) {
        a->days_in[i] += b->days_in[i];
        a->days_in_sq[i] += b->days_in_sq[i];
        a->visits[i] += b->visits[i];
        a->reached[i] += b->reached[i];
        a->dropped_in[i] += b->dropped_in[i];
        a->moved_on[i] += b->moved_on[i];
    }
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

/* A journey's next place: a phase (>= 0), an outcome (-1 - k), or out. */
#define DROPPED INT_MIN

/* Which way a journey leaves when it does not advance: DROPPED, or the
 * phase index it goes back to.  U is uniform over drop + back_total. */
static inline int drop_or_back(const sim_phase *p, double u)
{
    if (u < p->drop)
        return DROPPED;
    u -= p->drop;
    for (int k = 0; k < p->back_count; k++) {
        if (u < p->back_p[k])
            return p->back_to[k];
        u -= p->back_p[k];
    }
    return p->back_count ? p->back_to[p->back_count - 1] : DROPPED;
}

/* Where a journey that moves on goes (a draw only when there is a choice). */
static inline int pick(rng *r, const int *to, const double *pr, int count)
{
    if (count == 1)
        return to[0];
    double u = rng_double(r);
    for (int k = 0; k < count - 1; k++) {
        if (u < pr[k])
            return to[k];
        u -= pr[k];
    }
    return to[count - 1];
}

/* A journey's own tallies: the phases it entered (each once, in VISITED)
 * and its days in each.  Only what it touched is summed and reset, so a
 * journey costs the phases it visits, not the journey's length. */
typedef struct tally {
    int *seen;              /* per phase: entered by this journey */
    long long *days;        /* per phase: its days there */
    int *visited;           /* the phases entered */
    int count;
} tally;

static inline void enter(tally *y, int i)
{
    if (!y->seen[i]) {
        y->seen[i] = 1;
        y->visited[y->count++] = i;
    }
}

/* Add journey Y's tallies to C and reset them.  (All days, journey-days
 * and emotion-days are sums over the phases' days: counted once at the
 * end, from days_in, not per journey.) */
static void settle(counts *c, tally *y)
{
    for (int v = 0; v < y->count; v++) {
        int k = y->visited[v];
        long long d = y->days[k];
        c->reached[k]++;
        c->days_in[k] += d;
        c->days_in_sq[k] += d * d;
        y->seen[k] = 0;
        y->days[k] = 0;
    }
    y->count = 0;
}

/* Past the horizon, still in the phase. */
#define STAYED (INT_MIN + 1)

/* One visit to phase P (with advance) from day T: the days spent there
 * (*SPENT, up to the horizon H) and where the journey goes next: a phase,
 * an outcome (-1 - k), DROPPED or STAYED; *MOVED when it moved on. */
static inline int visit_advance(const sim_phase *p, rng *r, long long t, int H,
                                long long *spent, int *moved)
{
    long long d = p->leave > 0 ? geo_draw(&p->stay, r) : H - t + 1;
    if (t + d > H) {
        *spent = H - t;
        return STAYED;
    }
    *spent = d;
    double u = rng_double(r) * p->leave;
    if (u < p->lose)
        return drop_or_back(p, u);
    *moved = 1;
    return pick(r, p->to, p->to_p, p->to_count);
}

/* The same for a phase with a holding time: drops and moves back race
 * the holding time, and a refusal at its end starts a new one. */
static int visit_duration(const sim_phase *p, rng *r, long long t, int H,
                          long long *spent, int *moved)
{
    *spent = 0;
    for (;;) {
        long long hold = sample_duration(r, p);
        long long g = geo_draw(&p->stay, r);
        long long d = g <= hold ? g : hold;
        if (t + d > H) {
            *spent += H - t;
            return STAYED;
        }
        t += d;
        *spent += d;
        if (g <= hold)
            return drop_or_back(p, rng_double(r) * p->lose);
        if (p->approve >= 1 || rng_double(r) < p->approve) {
            *moved = 1;
            return pick(r, p->to, p->to_p, p->to_count);     /* approved */
        }
    }
}

static void simulate_block(const sim_model *m, uint64_t seed, long long block,
                           long long count, long long total, counts *c, tally *y)
{
    long long *days_local = y->days;
    long long first = block * SIM_BLOCK;
    rng r;
    uint64_t base = rng_base(seed);
    int H = m->horizon;
    long long batch = first * SIM_BATCHES / total;
    long long batch_end = ((batch + 1) * total + SIM_BATCHES - 1) / SIM_BATCHES;
    for (long long j = 0; j < count; j++) {
        /* every journey its own stream: two runs of the same seed give
         * journey k the same draws, so a scenario and its baseline differ
         * only where their chains do (a paired comparison) */
        rng_seed_base(&r, base, (uint64_t)(first + j));
        long long t = 0;
        int i = pick(&r, m->entry, m->entry_p, m->entry_count);
        int outcome = 0;    /* 0 in progress, 1 converted, 2 dropped, 3 another end */
        if (i < 0) {
            c->outcomes[-1 - i]++;
            outcome = m->outcome_success[-1 - i] ? 1 : 3;
        } else {
            c->visits[i]++;
            enter(y, i);
        }
        while (!outcome) {
            const sim_phase *p = &m->phases[i];
            long long spent;
            int moved = 0;
            int next = p->has_duration ? visit_duration(p, &r, t, H, &spent, &moved)
                                       : visit_advance(p, &r, t, H, &spent, &moved);
            t += spent;
            days_local[i] += spent;
            if (next == STAYED)
                break;
            c->moved_on[i] += moved;
            if (next == DROPPED) {
                c->dropped_in[i]++;
                outcome = 2;
            } else if (next < 0) {
                c->outcomes[-1 - next]++;
                outcome = m->outcome_success[-1 - next] ? 1 : 3;
            } else {
                i = next;
                c->visits[i]++;
                enter(y, i);
            }
        }
        /* journey k is in batch k * SIM_BATCHES / total: counted along */
        while (first + j >= batch_end) {
            batch++;
            batch_end = ((batch + 1) * total + SIM_BATCHES - 1) / SIM_BATCHES;
        }
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
        } else if (outcome == 0) {
            c->in_progress++;
        }
        settle(c, y);
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
    tally y = { calloc((size_t)n + 1, sizeof(int)), calloc((size_t)n + 1, sizeof(long long)),
                calloc((size_t)n + 1, sizeof(int)), 0 };
    if (!y.seen || !y.days || !y.visited) {
        w->failed = 1;
        free(y.seen);
        free(y.days);
        free(y.visited);
        return NULL;
    }
    /* counters of this thread's own, allocated here: threads writing
     * neighbouring cache lines would slow each other down */
    counts local;
    if (counts_init(&local, n, m->horizon, m->outcome_count) < 0) {
        w->failed = 1;
        counts_free(&local);
        free(y.seen);
        free(y.days);
        free(y.visited);
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
        simulate_block(m, w->run->seed, b, count, w->run->journeys, &local, &y);
        atomic_fetch_add(w->done, 1);
    }
    counts_add(&w->c, &local, n, m->horizon);
    counts_free(&local);
    free(y.seen);
    free(y.days);
    free(y.visited);
    return NULL;
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
        if (counts_init(&w[k].c, m->phase_count, m->horizon, m->outcome_count) < 0)
            failed = 1;
    }
    int started = 0;
    for (int k = 0; k < threads && !failed; k++, started++)
        if (pthread_create(&tid[k], NULL, worker_main, &w[k]) != 0)
            break;
    /* a progress bar when the run is long and stderr is a terminal */
    long long my_blocks = run->shard_count > 0
        ? (blocks - run->shard + run->shard_count - 1) / run->shard_count : blocks;
    if (run->progress) {
        progress p;
        progress_begin(&p, "cjm: Monte Carlo", my_blocks);
        while (p.tty && atomic_load(&done) < my_blocks) {
            struct timespec pause = { 0, 100000000L };
            nanosleep(&pause, NULL);
            progress_step(&p, atomic_load(&done));
        }
        progress_end(&p);
    }
    for (int k = 0; k < started; k++)
        pthread_join(tid[k], NULL);

    sim_result *r = sim_result_new(m->phase_count, m->horizon);
    counts total;
    if (!r || counts_init(&total, m->phase_count, m->horizon, m->outcome_count) < 0)
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
    long long other = 0;        /* ends that are not conversion */
    for (int k = 0; k < m->outcome_count; k++)
        if (!m->outcome_success[k])
            other += total.outcomes[k];
    r->journeys = (double)(total.converted + total.dropped + total.in_progress + other);
    r->converted = (double)total.converted;
    r->dropped = (double)total.dropped;
    r->in_progress = (double)total.in_progress;
    r->convert_days_sum = (double)total.conv_sum;
    r->convert_days_sq = (double)total.conv_sq;
    /* days, journey-days and emotion-days (in millionths) from the phases' */
    for (int k = 0; k < m->phase_count; k++) {
        total.days += total.days_in[k];
        total.emotion_days += llround(m->phases[k].emotion * 1e6) * total.days_in[k];
    }
    total.steps = total.days;
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
    if (sim_result_outcomes(r, m->outcome_count) == 0)
        for (int k = 0; k < m->outcome_count; k++)
            r->outcomes[k] = (double)total.outcomes[k];
    for (int i = 0; i < m->phase_count; i++) {
        r->days_in[i] = (double)total.days_in[i];
        r->days_in_sq[i] = (double)total.days_in_sq[i];
        r->visits[i] = (double)total.visits[i];
        r->reached[i] = (double)total.reached[i];
        r->dropped_in[i] = (double)total.dropped_in[i];
        r->moved_on[i] = (double)total.moved_on[i];
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
