/*
 * plan.c — building the action plan; see plan.h.
 */
#include "sim/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

static int cmp_items(const void *pa, const void *pb)
{
    const plan_item *a = pa, *b = pb;
    double ka = a->simulated ? a->per_effort : -1, kb = b->simulated ? b->per_effort : -1;
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

plan *plan_build(arena *a, const cjm_journey *j, const plan_options *o, diag_list *d)
{
    plan *pl = arena_alloc(a, sizeof *pl);
    pl->items = arena_alloc(a, sizeof(plan_item) * (size_t)(j->action_count + 1));
    pl->count = j->action_count;

    /* the baseline, when the journey can be simulated */
    diag_list quiet;
    diag_init(&quiet);
    sim_model *base_model = sim_compile(j, NULL, 0, &quiet);
    if (base_model && !markov_fits(base_model, d, DIAG_WARNING, NULL,
                                   "the plan leaves out simulated figures")) {
        sim_free(base_model);
        base_model = NULL;
    }
    sim_result *base = base_model ? markov_solve(base_model) : NULL;
    pl->simulatable = base != NULL;
    if (base)
        pl->base_conversion = base->converted;
    sim_run run = { o->journeys, o->seed, o->threads, 0, 0, 0 };
    sim_result *mb = base && o->simulate ? sim_monte_carlo(base_model, &run) : NULL;
    if (mb)
        pl->base_mc = mb->converted / mb->journeys;

    for (int k = 0; k < j->action_count; k++) {
        const cjm_action *ac = &j->actions[k];
        plan_item *it = &pl->items[k];
        it->action = ac;
        it->phase = action_phase(j, ac);
        it->reach = base && it->phase >= 0 ? base->reached[it->phase] : 1;
        it->score = it->reach * ac->impact * ac->confidence / ac->effort;
        it->low_confidence = ac->confidence < 0.5;
        if (it->phase >= 0 && base) {
            it->kpi_metric = arena_printf(a, "advance rate from %s",
                                          j->phases[it->phase].name);
            it->kpi_from = it->kpi_to = pass_rate(base, it->phase);
        }
        if (!base || !ac->effect.count)
            continue;
        sim_model *m = sim_compile_with(j, NULL, &ac->effect, -1, 0, &quiet);
        sim_result *r = m ? markov_solve(m) : NULL;
        if (r) {
            it->simulated = 1;
            it->uplift = r->converted - base->converted;
            it->days_saved = sim_mean_days(base) - sim_mean_days(r);
            it->per_effort = it->uplift / ac->effort;
            if (it->phase >= 0)
                it->kpi_to = pass_rate(r, it->phase);
            if (mb) {
                sim_result *ma = sim_monte_carlo(m, &run);
                if (ma) {
                    double pb = pl->base_mc, pa = ma->converted / ma->journeys;
                    it->uplift_mc = pa - pb;
                    it->uplift_ci = sim_paired_ci(ma, mb, sim_batch_conversion);
                    if (isnan(it->uplift_ci))
                        it->uplift_ci = 1.96 * sqrt(pb * (1 - pb) / mb->journeys
                                                    + pa * (1 - pa) / ma->journeys);
                    it->days_saved_mc = sim_mean_days(mb) - sim_mean_days(ma);
                    it->days_saved_ci = sim_paired_ci(mb, ma, sim_batch_mean_days);
                    if (isnan(it->days_saved_ci))
                        it->days_saved_ci = 1.96 * sqrt(sim_mean_days_var(mb) + sim_mean_days_var(ma));
                }
                sim_result_free(ma);
            }
        }
        sim_result_free(r);
        sim_free(m);
    }

    /* all effects together */
    if (base) {
        cjm_changes all = { NULL, 0 };
        for (int k = 0; k < j->action_count; k++)
            all.count += j->actions[k].effect.count;
        all.items = arena_alloc(a, sizeof(cjm_change) * (size_t)(all.count + 1));
        all.count = 0;
        for (int k = 0; k < j->action_count; k++)
            for (int c = 0; c < j->actions[k].effect.count; c++)
                all.items[all.count++] = j->actions[k].effect.items[c];
        sim_model *m = sim_compile_with(j, NULL, &all, -1, 0, &quiet);
        sim_result *r = m ? markov_solve(m) : NULL;
        pl->combined_conversion = r ? r->converted : base->converted;
        if (mb && m) {
            sim_result *ma = sim_monte_carlo(m, &run);
            if (ma) {
                pl->combined_mc = ma->converted / ma->journeys;
                pl->combined_ci = sim_paired_ci(ma, mb, sim_batch_conversion);
                if (isnan(pl->combined_ci))
                    pl->combined_ci = 1.96 * sqrt(pl->base_mc * (1 - pl->base_mc) / mb->journeys
                                                  + pl->combined_mc * (1 - pl->combined_mc)
                                                        / ma->journeys);
            }
            sim_result_free(ma);
        }
        pl->simulated = o->simulate;
        sim_result_free(r);
        sim_free(m);
    }
    qsort(pl->items, (size_t)pl->count, sizeof *pl->items, cmp_items);

    /* coverage */
    int cards = 0;
    for (int i = 0; i < j->phase_count; i++)
        cards += j->phases[i].pains.count + j->phases[i].opportunities.count;
    pl->unaddressed = arena_alloc(a, sizeof(plan_gap) * (size_t)(cards + 1));
    pl->weak = arena_alloc(a, sizeof(plan_gap) * (size_t)(cards + 1));
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int kind = 0; kind < 2; kind++) {
            const cjm_cards *list = kind == 0 ? &ph->pains : &ph->opportunities;
            for (int c = 0; c < list->count; c++) {
                const cjm_card *card = &list->items[c];
                int by = 0, strong = 0;
                for (int k = 0; k < j->action_count; k++)
                    for (int q = 0; q < j->actions[k].addresses.count; q++)
                        if (card->id && !strcmp(j->actions[k].addresses.items[q], card->id)) {
                            by++;
                            strong |= j->actions[k].confidence >= 0.5;
                        }
                plan_gap g = { card, i, kind == 0, stakeholders_of(a, j, ph) };
                if (!by)
                    pl->unaddressed[pl->unaddressed_count++] = g;
                else if (!strong)
                    pl->weak[pl->weak_count++] = g;
            }
        }
    }
    /* operations (Shostack): fail points without a recovery action, and
     * phases whose step times exceed their budget */
    int fail_cards = 0;
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        const cjm_cards *all[] = { &ph->steps, &ph->actions, &ph->blueprint.evidence,
            &ph->blueprint.customer, &ph->blueprint.frontstage, &ph->blueprint.backstage,
            &ph->blueprint.support };
        for (int l = 0; l < 7; l++)
            for (int c = 0; c < all[l]->count; c++)
                fail_cards += all[l]->items[c].fail_point != NULL;
    }
    pl->fails = arena_alloc(a, sizeof(plan_fail) * (size_t)(fail_cards + 1));
    pl->over = arena_alloc(a, sizeof(plan_over) * (size_t)(j->phase_count + 1));
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        static const char *const names[] = { "steps", "customer actions", "physical evidence",
            "customer actions", "frontstage", "backstage", "support processes" };
        const cjm_cards *lists[] = { &ph->steps, &ph->actions, &ph->blueprint.evidence,
            &ph->blueprint.customer, &ph->blueprint.frontstage, &ph->blueprint.backstage,
            &ph->blueprint.support };
        for (int l = 0; l < 7; l++)
            for (int c = 0; c < lists[l]->count; c++) {
                const cjm_card *card = &lists[l]->items[c];
                if (!card->fail_point)
                    continue;
                int recovered = 0;
                for (int k = 0; k < j->action_count && card->id; k++)
                    for (int q = 0; q < j->actions[k].addresses.count; q++)
                        recovered |= !strcmp(j->actions[k].addresses.items[q], card->id);
                if (!recovered)
                    pl->fails[pl->fail_count++] = (plan_fail){ card, i, names[l] };
            }
        double used = model_phase_minutes(ph);
        if (ph->time_budget.standard >= 0 && used > ph->time_budget.standard)
            pl->over[pl->over_count++] = (plan_over){ i, used, ph->time_budget.standard };
    }
    sim_result_free(mb);
    sim_result_free(base);
    sim_free(base_model);
    diag_free(&quiet);
    (void)d;
    return pl;
}
