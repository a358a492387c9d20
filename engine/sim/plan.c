/*
 * plan.c — building the action plan; see plan.h.
 */
#include "sim/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/progress.h"
#include "sim/sim.h"

/* The phase an action is about: its own, else its first addressed card's. */
static int action_phase(const cjm_journey *j, const cjm_action *ac)
{
    if (ac->phase)
        return model_find_phase(j, ac->phase);
    for (int k = 0; k < ac->addresses.count; k++)
        for (int i = 0; i < j->phase_count; i++) {
            const cjm_phase *ph = &j->phases[i];
            for (int c = 0; c < ph->pains.count; c++)
                if (ph->pains.items[c].id && !strcmp(ph->pains.items[c].id, ac->addresses.items[k]))
                    return i;
            for (int c = 0; c < ph->opportunities.count; c++)
                if (ph->opportunities.items[c].id
                    && !strcmp(ph->opportunities.items[c].id, ac->addresses.items[k]))
                    return i;
        }
    return -1;
}

static const char *stakeholders_of(arena *a, const cjm_journey *j, const cjm_phase *ph)
{
    static const char *const lv[] = { "none", "participant", "driver", "gatekeeper" };
    const char *out = "";
    for (int k = 0; k < ph->involvement_count; k++) {
        if (ph->involvement[k].level == INV_NONE)
            continue;
        int p = model_find_persona(j, ph->involvement[k].persona);
        out = arena_printf(a, "%s%s%s (%s)", out, *out ? ", " : "",
                           p >= 0 ? j->personas[p].name : ph->involvement[k].persona,
                           lv[ph->involvement[k].level]);
    }
    return *out ? out : "no stakeholder named";
}

static int by_money;    /* qsort has no context: the ranking of the plan being sorted */

static int cmp_items(const void *pa, const void *pb)
{
    const plan_item *a = pa, *b = pb;
    double ka = !a->simulated ? -INFINITY : by_money ? a->net_per_effort : a->per_effort;
    double kb = !b->simulated ? -INFINITY : by_money ? b->net_per_effort : b->per_effort;
    if (ka != kb)
        return ka > kb ? -1 : 1;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(a->action->id, b->action->id);
}


/* The pass-through rate of phase I: of those who enter it, the share
 * that goes on. */
static double pass_rate(const sim_result *r, int i)
{
    double next = i + 1 < r->phase_count ? r->reached[i + 1] : r->converted;
    return r->reached[i] > 0 ? next / r->reached[i] : 0;
}

/* What the stages of building a plan share. */
typedef struct plan_ctx {
    arena *a;
    const cjm_journey *j;
    const plan_options *o;
    plan *pl;
    sim_mixed base;             /* exact (NULL when not simulatable) and, with
                                   --simulate, Monte Carlo; segments mixed */
    sim_run run;
    diag_list quiet;            /* compile problems: the plan goes on */
} plan_ctx;

/* Changes CHANGES run as a scenario of C's journey (as `simulate` runs
 * one: segments mixed, Monte Carlo paired with the baseline's); -1 when
 * it cannot be simulated. */
static int run_changes(plan_ctx *c, const char *id, const cjm_changes *changes, sim_mixed *x)
{
    cjm_scenario sc = { .id = id, .name = id };
    if (changes)
        sc.changes = *changes;
    return sim_run_mixed(c->a, c->j, changes ? &sc : NULL, 0,
                         c->o->simulate ? &c->run : NULL, NULL, x, &c->quiet);
}

/* The baseline, when the journey can be simulated (and fits the exact
 * engine's limit; a warning in D says so when it does not). */
static void baseline(plan_ctx *c, diag_list *d)
{
    sim_model *m = sim_compile(c->j, NULL, 0, &c->quiet);
    int fits = m && markov_fits(m, d, DIAG_WARNING, NULL, "the plan leaves out simulated "
                                "figures");
    sim_free(m);
    c->run = (sim_run){ c->o->journeys, c->o->seed, c->o->threads, 0, 0, 0 };
    if (!fits || run_changes(c, "baseline", NULL, &c->base) < 0)
        return;
    c->pl->simulatable = 1;
    c->pl->money = c->base.has_money;
    c->pl->base_conversion = c->base.exact->converted;
    if (c->base.mc)
        c->pl->base_mc = c->base.mc->converted / c->base.mc->journeys;
}

/* IT's Monte Carlo uplift and days saved from run MA, with intervals
 * paired against the baseline run (the runs share random streams). */
static void monte_carlo_effect(plan_ctx *c, plan_item *it, const sim_result *ma)
{
    const sim_result *mb = c->base.mc;
    double pb = c->pl->base_mc, pa = ma->converted / ma->journeys;
    it->uplift_mc = pa - pb;
    it->uplift_ci = sim_paired_ci(ma, mb, sim_batch_conversion);
    if (isnan(it->uplift_ci))
        it->uplift_ci = 1.96 * sqrt(pb * (1 - pb) / mb->journeys + pa * (1 - pa) / ma->journeys);
    it->days_saved_mc = sim_mean_days(mb) - sim_mean_days(ma);
    it->days_saved_ci = sim_paired_ci(mb, ma, sim_batch_mean_days);
    if (isnan(it->days_saved_ci))
        it->days_saved_ci = 1.96 * sqrt(sim_mean_days_var(mb) + sim_mean_days_var(ma));
}

/* Action K as a plan item: its reach and RICE score, its KPI, and the
 * effect of its changes simulated alone. */
static void plan_action(plan_ctx *c, int k)
{
    const cjm_journey *j = c->j;
    const cjm_action *ac = &j->actions[k];
    plan_item *it = &c->pl->items[k];
    const sim_result *base = c->base.exact;
    it->action = ac;
    it->phase = action_phase(j, ac);
    it->reach = base && it->phase >= 0 ? base->reached[it->phase] : 1;
    it->score = it->reach * ac->impact * ac->confidence / ac->effort;
    it->low_confidence = ac->confidence < 0.5;
    if (it->phase >= 0 && base) {
        it->kpi_metric = arena_printf(c->a, "advance rate from %s", j->phases[it->phase].name);
        it->kpi_from = it->kpi_to = pass_rate(base, it->phase);
    }
    sim_mixed x;
    if (!base || !ac->effect.count || run_changes(c, ac->id, &ac->effect, &x) < 0)
        return;
    const sim_result *r = x.exact;
    it->simulated = 1;
    it->uplift = r->converted - base->converted;
    it->days_saved = sim_mean_days(base) - sim_mean_days(r);
    it->per_effort = it->uplift / ac->effort;
    if (c->pl->money) {
        sim_money now = c->base.money_exact, then = x.money_exact;
        it->net_uplift = (then.value - then.cost) - (now.value - now.cost);
        it->net_per_effort = it->net_uplift / ac->effort;
    }
    if (it->phase >= 0)
        it->kpi_to = pass_rate(r, it->phase);
    if (x.mc && c->base.mc)
        monte_carlo_effect(c, it, x.mc);
    sim_mixed_free(&x);
}

/* Every action's effect together. */
static void combined(plan_ctx *c)
{
    const cjm_journey *j = c->j;
    plan *pl = c->pl;
    cjm_changes all = { NULL, 0 };
    for (int k = 0; k < j->action_count; k++)
        all.count += j->actions[k].effect.count;
    all.items = arena_alloc(c->a, sizeof(cjm_change) * (size_t)(all.count + 1));
    all.count = 0;
    for (int k = 0; k < j->action_count; k++)
        for (int q = 0; q < j->actions[k].effect.count; q++)
            all.items[all.count++] = j->actions[k].effect.items[q];
    pl->simulated = c->o->simulate;
    sim_mixed x;
    if (run_changes(c, "all", &all, &x) < 0) {
        pl->combined_conversion = c->base.exact->converted;
        return;
    }
    pl->combined_conversion = x.exact->converted;
    if (x.mc && c->base.mc) {
        const sim_result *ma = x.mc, *mb = c->base.mc;
        pl->combined_mc = ma->converted / ma->journeys;
        pl->combined_ci = sim_paired_ci(ma, mb, sim_batch_conversion);
        if (isnan(pl->combined_ci))
            pl->combined_ci = 1.96 * sqrt(pl->base_mc * (1 - pl->base_mc) / mb->journeys
                                          + pl->combined_mc * (1 - pl->combined_mc)
                                                / ma->journeys);
    }
    sim_mixed_free(&x);
}

/* Whether an action addresses the card with ID, and whether one of those
 * is confident (>= 0.5): *STRONG. */
static int addressed(const cjm_journey *j, const char *id, int *strong)
{
    int by = 0;
    *strong = 0;
    for (int k = 0; id && k < j->action_count; k++)
        for (int q = 0; q < j->actions[k].addresses.count; q++)
            if (!strcmp(j->actions[k].addresses.items[q], id)) {
                by++;
                *strong |= j->actions[k].confidence >= 0.5;
            }
    return by;
}

/* Coverage: every pain and opportunity addressed, or listed as a gap. */
static void coverage(plan_ctx *c)
{
    const cjm_journey *j = c->j;
    plan *pl = c->pl;
    int cards = 0;
    for (int i = 0; i < j->phase_count; i++)
        cards += j->phases[i].pains.count + j->phases[i].opportunities.count;
    pl->unaddressed = arena_alloc(c->a, sizeof(plan_gap) * (size_t)(cards + 1));
    pl->weak = arena_alloc(c->a, sizeof(plan_gap) * (size_t)(cards + 1));
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int kind = 0; kind < 2; kind++) {
            const cjm_cards *list = kind == 0 ? &ph->pains : &ph->opportunities;
            for (int k = 0; k < list->count; k++) {
                const cjm_card *card = &list->items[k];
                int strong, by = addressed(j, card->id, &strong);
                plan_gap g = { card, i, kind == 0, stakeholders_of(c->a, j, ph) };
                if (!by)
                    pl->unaddressed[pl->unaddressed_count++] = g;
                else if (!strong)
                    pl->weak[pl->weak_count++] = g;
            }
        }
    }
}

/* The card lists of phase PH that may hold fail points, and their names. */
#define FAIL_LISTS 7
static void fail_lists(const cjm_phase *ph, const cjm_cards *lists[FAIL_LISTS])
{
    const cjm_cards *all[FAIL_LISTS] = { &ph->steps, &ph->actions, &ph->blueprint.evidence,
        &ph->blueprint.customer, &ph->blueprint.frontstage, &ph->blueprint.backstage,
        &ph->blueprint.support };
    memcpy(lists, all, sizeof all);
}
static const char *const FAIL_LIST_NAMES[FAIL_LISTS] = { "steps", "customer actions",
    "physical evidence", "customer actions", "frontstage", "backstage", "support processes" };

/* Operations (Shostack): fail points without a recovery action, and
 * phases whose step times exceed their budget. */
static void operations(plan_ctx *c)
{
    const cjm_journey *j = c->j;
    plan *pl = c->pl;
    const cjm_cards *lists[FAIL_LISTS];
    int fail_cards = 0;
    for (int i = 0; i < j->phase_count; i++) {
        fail_lists(&j->phases[i], lists);
        for (int l = 0; l < FAIL_LISTS; l++)
            for (int k = 0; k < lists[l]->count; k++)
                fail_cards += lists[l]->items[k].fail_point != NULL;
    }
    pl->fails = arena_alloc(c->a, sizeof(plan_fail) * (size_t)(fail_cards + 1));
    pl->over = arena_alloc(c->a, sizeof(plan_over) * (size_t)(j->phase_count + 1));
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        fail_lists(ph, lists);
        for (int l = 0; l < FAIL_LISTS; l++)
            for (int k = 0; k < lists[l]->count; k++) {
                const cjm_card *card = &lists[l]->items[k];
                int strong;
                if (card->fail_point && !addressed(j, card->id, &strong))
                    pl->fails[pl->fail_count++] = (plan_fail){ card, i, FAIL_LIST_NAMES[l] };
            }
        double used = model_phase_minutes(ph);
        if (ph->time_budget.standard >= 0 && used > ph->time_budget.standard)
            pl->over[pl->over_count++] = (plan_over){ i, used, ph->time_budget.standard };
    }
}

plan *plan_build(arena *a, const cjm_journey *j, const plan_options *o, diag_list *d)
{
    plan_ctx c = { .a = a, .j = j, .o = o };
    diag_init(&c.quiet);
    plan *pl = c.pl = arena_alloc(a, sizeof *pl);
    pl->items = arena_alloc(a, sizeof(plan_item) * (size_t)(j->action_count + 1));
    pl->count = j->action_count;
    progress bar;
    progress_begin(&bar, "cjm plan: simulating actions", j->action_count + 2);
    baseline(&c, d);
    for (int k = 0; k < j->action_count; k++) {
        progress_step(&bar, k + 1);
        plan_action(&c, k);
    }
    progress_step(&bar, j->action_count + 1);
    if (c.base.exact)
        combined(&c);
    progress_end(&bar);
    pl->by_money = by_money = o->by_money && pl->money;
    qsort(pl->items, (size_t)pl->count, sizeof *pl->items, cmp_items);
    coverage(&c);
    operations(&c);
    sim_mixed_free(&c.base);
    diag_free(&c.quiet);
    return pl;
}
