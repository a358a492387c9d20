/*
 * money.c — what a journey costs and is worth, from a simulation result;
 * see sim.h.
 *
 * Every figure is an expectation per journey, so it follows from the
 * result's expectations without another run: a phase costs per_day for
 * each journey-day spent in it and per_entry for each entry; a touchpoint
 * costs per_exposure for each day a journey is exposed to it (a day in a
 * phase that uses it, with its reach); an end is worth its value.  The
 * same result from either engine gives that engine's figures.
 */
#include "sim/sim.h"

sim_money sim_money_of(const sim_model *m, const sim_result *r)
{
    sim_money out = { 0, 0 };
    double n = r->journeys > 0 ? r->journeys : 1;
    for (int i = 0; i < m->phase_count && i < r->phase_count; i++) {
        const sim_phase *p = &m->phases[i];
        out.cost += p->cost_day * r->days_in[i] + p->cost_entry * r->visits[i];
        for (int k = 0; k < p->tp_count; k++)
            out.cost += m->tp_cost[p->tp[k]] * p->reach[k] * r->days_in[i];
    }
    for (int k = 0; k < m->outcome_count && k < r->outcome_count; k++)
        out.value += m->outcome_value[k] * r->outcomes[k];
    out.cost /= n;
    out.value /= n;
    return out;
}
