/*
 * compile.c — a journey (with a scenario's or an action's changes) as the
 * flat arrays both engines run on; see sim.h.
 *
 * In stages: the journey's numbers are copied into editable tables, the
 * changes edit them, each phase is flattened (back moves, gatekeepers'
 * approval, the touchpoints it uses, its holding-time distribution), and
 * phases the changes remove are taken out, their moves rerouted.
 */
#include "sim/sim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/load.h"

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
    /* at most 2^touchpoints values: room for that many, up to MAXV */
    size_t room = p->tp_count < 15 ? (size_t)1 << (p->tp_count + 1) : MAXV;
    double *val = malloc(sizeof(double) * room * 2), *pr = malloc(sizeof(double) * room * 2);
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

/* A phase's editable entries by key (phase or persona index): its moves
 * back, its gatekeepers' approvals.  Few per phase, so a short list. */
typedef struct keyed { int key; double p; } keyed;
typedef struct klist { keyed *items; int count, cap; } klist;

/* The entry for KEY in L, added with value P0 when missing. */
static double *klist_at(arena *a, klist *l, int key, double p0)
{
    for (int k = 0; k < l->count; k++)
        if (l->items[k].key == key)
            return &l->items[k].p;
    if (l->count == l->cap) {
        int cap = l->cap ? 2 * l->cap : 4;
        keyed *items = arena_alloc(a, sizeof *items * (size_t)cap);
        if (l->count)
            memcpy(items, l->items, sizeof *items * (size_t)l->count);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->count] = (keyed){ key, p0 };
    return &l->items[l->count++].p;
}

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

/* What the stages share while compiling. */
typedef struct compile_ctx {
    const cjm_journey *j;
    sim_model *m;
    arena *a;
    diag_list *d;
    int n, nt;                  /* phases, touchpoints */
    double *reach, *lift;       /* per touchpoint, editable */
    int *removed;               /* touchpoints taken out */
    klist *back;                /* per phase: back moves by target phase */
    klist *gates;               /* per phase: gatekeepers' approvals by persona */
    const cjm_changes *lists[2];    /* extra changes (a segment's), then the scenario's */
    const cjm_prob **to;        /* per phase: targets a change set (goes_to), or NULL */
    int *to_count;
} compile_ctx;

/* Phase I's own numbers: its advance, drop, holding time, back moves,
 * gatekeepers' approvals and mean emotion. */
static void read_phase(compile_ctx *c, int i)
{
    const cjm_journey *j = c->j;
    const cjm_phase *ph = &j->phases[i];
    sim_phase *p = &c->m->phases[i];
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
            *klist_at(c->a, &c->back[i], to, 0) = ph->back[k].p;
    }
    /* which gatekeepers the phase has: the approve entries name them */
    for (int k = 0; k < ph->approve_count; k++) {
        int who = model_find_persona(j, ph->approve[k].key);
        if (who >= 0)
            *klist_at(c->a, &c->gates[i], who, 0) = ph->approve[k].p;
    }
    if (!ph->has_advance && !ph->has_duration)
        diag_add(c->d, DIAG_ERROR, ph->src ? ph->src->file : NULL,
                 ph->src ? ph->src->line : 0, ph->src ? ph->src->col : 0, NULL,
                 "phases[%d] (%s): give transitions.advance or a duration so "
                 "the simulator knows how journeys move on", i, ph->id);
    double sum = 0;
    for (int k = 0; k < ph->emotion_count; k++)
        sum += ph->emotions[k].score;
    p->emotion = ph->emotion_count ? sum / ph->emotion_count : 0;
    p->cost_day = fmax(ph->cost.per_day, 0);
    p->cost_entry = fmax(ph->cost.per_entry, 0);
    c->m->fixed_cost += fmax(ph->cost.fixed, 0);
}

/* The journey's own numbers, into C's editable tables. */
static void read_journey(compile_ctx *c, int removed_touchpoint)
{
    const cjm_journey *j = c->j;
    arena *a = c->a;
    int n = c->n, nt = c->nt;
    c->reach = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    c->lift = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    c->removed = arena_alloc(a, sizeof(int) * (size_t)(nt + 1));
    c->m->tp_cost = arena_alloc(a, sizeof(double) * (size_t)(nt + 1));
    for (int t = 0; t < nt; t++) {
        c->m->tp_cost[t] = fmax(j->touchpoints[t].cost.per_exposure, 0);
        c->m->fixed_cost += fmax(j->touchpoints[t].cost.fixed, 0);
        c->m->touchpoint_ids[t] = j->touchpoints[t].id;
        c->reach[t] = j->touchpoints[t].reach;
        c->lift[t] = j->touchpoints[t].lift;
    }
    if (removed_touchpoint >= 0 && removed_touchpoint < nt)
        c->removed[removed_touchpoint] = 1;
    c->to = arena_alloc(a, sizeof *c->to * (size_t)(n + 1));
    c->to_count = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    c->back = arena_alloc(a, sizeof *c->back * (size_t)(n + 1));
    c->gates = arena_alloc(a, sizeof *c->gates * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        read_phase(c, i);
}

/* Apply change CH to C's tables. */
static void apply_change(compile_ctx *c, const cjm_change *ch)
{
    const cjm_journey *j = c->j;
    if (ch->touchpoint) {
        int t = model_find_touchpoint(j, ch->touchpoint);
        if (t < 0)
            return;
        c->reach[t] = clamp01(apply_edit(c->reach[t], &ch->reach));
        c->lift[t] = fmax(0, apply_edit(c->lift[t], &ch->lift));
        if (ch->remove)
            c->removed[t] = 1;
        return;
    }
    if (!ch->phase)
        return;             /* an addition: in the scenario's journey already */
    int i = model_find_phase(j, ch->phase);
    if (i < 0)
        return;
    sim_phase *p = &c->m->phases[i];
    if (ch->goes_to_count) {
        c->to[i] = ch->goes_to;
        c->to_count[i] = ch->goes_to_count;
    }
    p->advance = clamp01(apply_edit(p->advance, &ch->advance));
    p->drop = clamp01(apply_edit(p->drop, &ch->drop));
    for (int k = 0; k < ch->back_count; k++) {
        int to = model_find_phase(j, ch->back[k].key);
        if (to >= 0) {
            double *b = klist_at(c->a, &c->back[i], to, 0);
            *b = clamp01(apply_edit(*b, &ch->back[k].edit));
        }
    }
    for (int k = 0; k < ch->approve_count; k++) {
        int who = model_find_persona(j, ch->approve[k].key);
        if (who < 0)
            continue;
        /* a new gatekeeper approves by default */
        double *ap = klist_at(c->a, &c->gates[i], who, 1);
        *ap = clamp01(apply_edit(*ap, &ch->approve[k].edit));
    }
    if (ch->duration_min.present || ch->duration_mode.present || ch->duration_max.present) {
        p->dmin = fmax(0, apply_edit(p->dmin, &ch->duration_min));
        p->dmode = fmax(0, apply_edit(p->dmode, &ch->duration_mode));
        p->dmax = fmax(0, apply_edit(p->dmax, &ch->duration_max));
        if (p->dmode < p->dmin)
            p->dmode = p->dmin;
        if (p->dmax < p->dmode)
            p->dmax = p->dmode;
    }
}

/* P's holding-time distribution: triangular, in whole days. */
static void duration_table(sim_phase *p, arena *a)
{
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

/* Outcome ID's index in the model, or -1. */
static int outcome_index(const sim_model *m, const char *id)
{
    for (int k = 0; k < m->outcome_count; k++)
        if (strcmp(m->outcome_ids[k], id) == 0)
            return k;
    return -1;
}

/* Where leaving the last phase goes by default: converted, or the first
 * outcome that counts as success. */
static int default_end(const sim_model *m)
{
    for (int k = 0; k < m->outcome_count; k++)
        if (m->outcome_success[k])
            return -1 - k;
    return -1;
}

/* The journey's outcomes (or the one, converted) and where it starts. */
static void read_ends(compile_ctx *c)
{
    const cjm_journey *j = c->j;
    sim_model *m = c->m;
    int no = j->outcome_count ? j->outcome_count : 1;
    m->outcome_count = no;
    m->outcome_ids = arena_alloc(c->a, sizeof(char *) * (size_t)(no + 1));
    m->outcome_names = arena_alloc(c->a, sizeof(char *) * (size_t)(no + 1));
    m->outcome_success = arena_alloc(c->a, sizeof(int) * (size_t)(no + 1));
    m->outcome_value = arena_alloc(c->a, sizeof(double) * (size_t)(no + 1));
    double value = j->value > 0 ? j->value : 0;
    if (!j->outcome_count) {
        m->outcome_ids[0] = m->outcome_names[0] = "converted";
        m->outcome_success[0] = 1;
        m->outcome_value[0] = value;
    }
    for (int k = 0; k < j->outcome_count; k++) {
        m->outcome_ids[k] = j->outcomes[k].id;
        m->outcome_names[k] = j->outcomes[k].name ? j->outcomes[k].name : j->outcomes[k].id;
        m->outcome_success[k] = j->outcomes[k].success;
        m->outcome_value[k] = j->outcomes[k].value >= 0 ? j->outcomes[k].value
                            : j->outcomes[k].success ? value : 0;
    }
    m->has_money = j->value >= 0;
    for (int k = 0; k < j->outcome_count; k++)
        m->has_money |= j->outcomes[k].value >= 0;
    for (int t = 0; t < j->touchpoint_count; t++)
        m->has_money |= j->touchpoints[t].cost.per_exposure > 0 || j->touchpoints[t].cost.fixed > 0;
    for (int i = 0; i < j->phase_count; i++)
        m->has_money |= j->phases[i].cost.per_day > 0 || j->phases[i].cost.per_entry > 0
                        || j->phases[i].cost.fixed > 0;
    int ne = j->start_count ? j->start_count : 1;
    m->entry = arena_alloc(c->a, sizeof(int) * (size_t)(ne + 1));
    m->entry_p = arena_alloc(c->a, sizeof(double) * (size_t)(ne + 1));
    m->entry_count = 0;
    for (int k = 0; k < j->start_count; k++) {
        int i = model_find_phase(j, j->start[k].key);
        if (i >= 0 && j->start[k].p > 0) {
            m->entry[m->entry_count] = i;
            m->entry_p[m->entry_count++] = j->start[k].p;
        }
    }
    if (!m->entry_count) {
        m->entry[0] = 0;
        m->entry_p[m->entry_count++] = 1;
    }
}

/* Phase I's targets: its `to`, or the next phase (after the last, the
 * default end). */
static void flatten_targets(compile_ctx *c, int i)
{
    const cjm_phase *ph = &c->j->phases[i];
    sim_phase *p = &c->m->phases[i];
    /* a change's goes_to replaces the phase's own */
    const cjm_prob *to = c->to[i] ? c->to[i] : ph->to;
    int count = c->to[i] ? c->to_count[i] : ph->to_count;
    p->to = arena_alloc(c->a, sizeof(int) * (size_t)(count + 1));
    p->to_p = arena_alloc(c->a, sizeof(double) * (size_t)(count + 1));
    p->to_count = 0;
    for (int k = 0; k < count; k++) {
        int t = model_find_phase(c->j, to[k].key);
        if (t < 0) {
            int o = outcome_index(c->m, to[k].key);
            if (o < 0)
                continue;
            t = -1 - o;
        }
        if (to[k].p <= 0)
            continue;
        p->to[p->to_count] = t;
        p->to_p[p->to_count++] = to[k].p;
    }
    if (!p->to_count) {
        p->to[0] = i + 1 < c->n ? i + 1 : default_end(c->m);
        p->to_p[p->to_count++] = 1;
    }
}

/* Phase I's edited numbers as the engines read them. */
static void flatten_phase(compile_ctx *c, int i)
{
    const cjm_phase *ph = &c->j->phases[i];
    sim_phase *p = &c->m->phases[i];
    arena *a = c->a;
    /* in target order, as the sums and the engines' draws go */
    klist *back = &c->back[i], *gates = &c->gates[i];
    if (back->count > 1)
        qsort(back->items, (size_t)back->count, sizeof *back->items, by_key);
    if (gates->count > 1)
        qsort(gates->items, (size_t)gates->count, sizeof *gates->items, by_key);
    p->back_to = arena_alloc(a, sizeof(int) * (size_t)(back->count + 1));
    p->back_p = arena_alloc(a, sizeof(double) * (size_t)(back->count + 1));
    for (int k = 0; k < back->count; k++)
        if (back->items[k].p > 0) {
            p->back_to[p->back_count] = back->items[k].key;
            p->back_p[p->back_count++] = back->items[k].p;
            p->back_total += back->items[k].p;
        }
    if (p->drop + p->back_total > 1) {
        double s = 1 / (p->drop + p->back_total);
        p->drop *= s;
        for (int k = 0; k < p->back_count; k++)
            p->back_p[k] *= s;
        p->back_total = 1 - p->drop;
    }
    p->approve = 1;
    for (int k = 0; k < gates->count; k++)
        p->approve *= gates->items[k].p;
    p->tp = arena_alloc(a, sizeof(int) * (size_t)(ph->touchpoints.count + 1));
    p->reach = arena_alloc(a, sizeof(double) * (size_t)(ph->touchpoints.count + 1));
    p->lift = arena_alloc(a, sizeof(double) * (size_t)(ph->touchpoints.count + 1));
    for (int k = 0; k < ph->touchpoints.count; k++) {
        int t = model_find_touchpoint(c->j, ph->touchpoints.items[k]);
        if (t < 0 || c->removed[t])
            continue;
        p->tp[p->tp_count] = t;
        p->reach[p->tp_count] = c->reach[t];
        p->lift[p->tp_count++] = c->lift[t];
    }
    double cap = 1 - p->drop - p->back_total;
    p->attempt = p->has_duration ? 0 : expected_attempt(p, cap < 0 ? 0 : cap, c->d);
    if (p->has_duration)
        duration_table(p, a);
    flatten_targets(c, i);
}

/* Target T (a phase, or an outcome when < 0) after removing GONE: a
 * removed phase is passed through to the next one kept, or the default
 * end; renumbered by TO_NEW. */
static int retarget(const compile_ctx *c, int t, const int *gone, const int *to_new)
{
    while (t >= 0 && t < c->n && gone[t])
        t++;
    if (t >= c->n)
        return default_end(c->m);
    return t < 0 ? t : to_new[t];
}

/* Phase I (kept) of the phases left after removing GONE: its moves back
 * go to the nearest earlier phase kept, its moves on past removed
 * phases, renumbered by TO_NEW. */
static sim_phase reroute(compile_ctx *c, int i, const int *gone, const int *to_new)
{
    sim_phase p = c->m->phases[i];
    int *to = arena_alloc(c->a, sizeof(int) * (size_t)(p.to_count + 1));
    for (int k = 0; k < p.to_count; k++)
        to[k] = retarget(c, p.to[k], gone, to_new);
    p.to = to;
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
        p.attempt = expected_attempt(&p, cap < 0 ? 0 : cap, c->d);
    }
    return p;
}

/* Phases the changes remove: journeys go straight on from the phase
 * before; moves back into one go to the nearest earlier phase kept. */
static void remove_phases(compile_ctx *c)
{
    int n = c->n;
    sim_model *m = c->m;
    int *gone = arena_alloc(c->a, sizeof(int) * (size_t)(n + 1));
    int removed_any = 0;
    for (int l = 0; l < 2; l++)
        for (int k = 0; c->lists[l] && k < c->lists[l]->count; k++) {
            const cjm_change *ch = &c->lists[l]->items[k];
            int i = ch->phase && ch->remove ? model_find_phase(c->j, ch->phase) : -1;
            if (i >= 0)
                gone[i] = removed_any = 1;
        }
    m->source_phase = arena_alloc(c->a, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        m->source_phase[i] = i;
    if (!removed_any)
        return;
    int *to_new = arena_alloc(c->a, sizeof(int) * (size_t)(n + 1));
    int kept = 0;
    for (int i = 0; i < n; i++)
        to_new[i] = gone[i] ? -1 : kept++;
    if (!kept) {
        diag_add(c->d, DIAG_ERROR, NULL, 0, 0, NULL, "the changes remove every phase");
        return;
    }
    sim_phase *phases = arena_alloc(c->a, sizeof *phases * (size_t)(kept + 1));
    for (int i = 0; i < n; i++) {
        if (gone[i])
            continue;
        phases[to_new[i]] = reroute(c, i, gone, to_new);
        m->source_phase[to_new[i]] = i;
    }
    for (int k = 0; k < m->entry_count; k++)
        m->entry[k] = retarget(c, m->entry[k], gone, to_new);
    m->phases = phases;
    m->phase_count = kept;
}

sim_model *sim_compile_with(const cjm_journey *j, const cjm_scenario *scenario,
                            const cjm_changes *extra, int removed_touchpoint,
                            int horizon, diag_list *d)
{
    sim_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    arena_init(&m->mem);
    compile_ctx c = { .j = j, .m = m, .a = &m->mem, .d = d, .n = j->phase_count,
                      .nt = j->touchpoint_count,
                      .lists = { extra, scenario ? &scenario->changes : NULL } };
    m->phase_count = c.n;
    m->horizon = horizon > 0 ? horizon : j->horizon;
    m->phases = arena_alloc(c.a, sizeof *m->phases * (size_t)(c.n + 1));
    m->touchpoint_count = c.nt;
    m->touchpoint_ids = arena_alloc(c.a, sizeof(char *) * (size_t)(c.nt + 1));
    read_journey(&c, removed_touchpoint);
    read_ends(&c);
    for (int l = 0; l < 2; l++)
        for (int k = 0; c.lists[l] && k < c.lists[l]->count; k++)
            apply_change(&c, &c.lists[l]->items[k]);
    for (int i = 0; i < c.n; i++)
        flatten_phase(&c, i);
    remove_phases(&c);
    for (int i = 0; i < m->phase_count; i++) {
        sim_phase *p = &m->phases[i];
        p->leave = p->has_duration ? p->drop + p->back_total
                                   : p->drop + p->back_total + p->attempt * p->approve;
        p->log_stay = p->leave < 1 ? log1p(-p->leave) : -INFINITY;
        p->lose = p->drop + p->back_total;
        geo_init(&p->stay, p->leave);
    }
    if (d->errors) {
        sim_free(m);
        return NULL;
    }
    return m;
}

sim_model *sim_compile(const cjm_journey *j, const cjm_scenario *scenario,
                       int horizon, diag_list *d)
{
    return sim_compile_with(j, scenario, NULL, -1, horizon, d);
}

sim_model *sim_compile_scenario(arena *a, const cjm_journey *j, const cjm_scenario *sc,
                                int horizon, diag_list *d)
{
    return sim_compile_scenario_with(a, j, sc, NULL, horizon, d);
}

sim_model *sim_compile_scenario_with(arena *a, const cjm_journey *j, const cjm_scenario *sc,
                                     const cjm_changes *extra, int horizon, diag_list *d)
{
    int before = d->errors;
    cjm_journey *alt = sc ? load_scenario_journey(a, j, sc, d) : NULL;
    if (d->errors > before)
        return NULL;
    if (!alt)
        return sim_compile_with(j, sc, extra, -1, horizon, d);
    sim_model *m = sim_compile_with(alt, sc, extra, -1, horizon ? horizon : j->horizon, d);
    for (int k = 0; m && k < m->phase_count; k++)
        m->source_phase[k] = model_find_phase(j, alt->phases[m->source_phase[k]].id);
    return m;
}

void sim_free(sim_model *m)
{
    if (!m)
        return;
    arena_free(&m->mem);
    free(m);
}
