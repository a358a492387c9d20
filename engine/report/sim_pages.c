/*
 * sim_pages.c — from simulation results to chart data; see sim_pages.h.
 */
#include "report/sim_pages.h"

#include "render/words.h"

#include <math.h>
#include <string.h>

void sim_chart_fill(arena *a, chart_data *c, const char *title, int phase_count,
                    const char **phase_names, const sim_result *base, int count,
                    const char **names, const sim_result *const *results)
{
    memset(c, 0, sizeof *c);
    c->title = title;
    c->phase_count = phase_count;
    c->phase_names = phase_names;
    double *entered = arena_alloc(a, sizeof(double) * (size_t)(phase_count + 1));
    double *advanced = arena_alloc(a, sizeof(double) * (size_t)(phase_count + 1));
    double *dropped = arena_alloc(a, sizeof(double) * (size_t)(phase_count + 1));
    double n = base->journeys > 0 ? base->journeys : 1;
    for (int i = 0; i < phase_count; i++) {
        entered[i] = base->reached[i] / n;
        advanced[i] = base->moved_on[i] / n;
        dropped[i] = base->dropped_in[i] / n;
    }
    c->entered = entered;
    c->advanced = advanced;
    c->dropped = dropped;
    c->horizon = base->horizon;
    double *days = arena_alloc(a, sizeof(double) * (size_t)(base->horizon + 2));
    for (int t = 0; t <= base->horizon; t++)
        days[t] = base->convert_day[t] / n;
    c->convert_day = days;
    c->scenario_count = count;
    c->scenario_names = names;
    double *conv = arena_alloc(a, sizeof(double) * (size_t)(count + 1));
    double *ci = arena_alloc(a, sizeof(double) * (size_t)(count + 1));
    int any_mc = 0;
    for (int s = 0; s < count; s++) {
        const sim_result *r = results[s];
        double p = r->converted / (r->journeys > 0 ? r->journeys : 1);
        conv[s] = p;
        if (r->monte_carlo) {
            ci[s] = 1.96 * sqrt(p * (1 - p) / r->journeys);
            any_mc = 1;
        }
    }
    c->converted = conv;
    c->converted_ci = any_mc ? ci : NULL;
}

int sim_report_page(rdoc *doc, const cjm_journey *j, const layout_options *o,
                    const char *file, diag_list *d)
{
    diag_list scratch;
    diag_init(&scratch);
    int count = j->scenario_count + 1;
    arena *a = &doc->mem;
    sim_result **results = arena_alloc(a, sizeof(sim_result *) * (size_t)count);
    const char **names = arena_alloc(a, sizeof(char *) * (size_t)count);
    int ok = 1;
    for (int s = 0; s < count && ok; s++) {
        const cjm_scenario *sc = s == 0 ? NULL : &j->scenarios[s - 1];
        sim_model *m = sim_compile_scenario(a, j, sc, 0, &scratch);
        if (m && !markov_fits(m, d, DIAG_WARNING, file, arena_printf(a, "the report "
                              "leaves out its simulation page (%s)", sc ? sc->id : "baseline")))
            ok = 0;
        sim_free(m);
        /* as simulate runs it: segments mixed, exact engine */
        sim_mixed x;
        if (ok && sim_run_mixed(a, j, sc, 0, NULL, file, &x, &scratch) == 0) {
            results[s] = x.exact;
            x.exact = NULL;
            sim_mixed_free(&x);
        }
        names[s] = sc ? sc->name : "baseline";
        ok = ok && results[s] != NULL;
    }
    if (ok) {
        const char **phase_names = arena_alloc(a, sizeof(char *) * (size_t)(j->phase_count + 1));
        for (int i = 0; i < j->phase_count; i++)
            phase_names[i] = j->phases[i].name;
        chart_data c;
        sim_chart_fill(a, &c, arena_printf(a, "%s — %s", word_in(j->locale, W_SIMULATION_EXACT),
                                           j->title),
                       j->phase_count, phase_names, results[0], count, names,
                       (const sim_result *const *)results);
        c.locale = j->locale;
        layout_charts(doc, &c, o);
    }
    for (int s = 0; s < count; s++)
        sim_result_free(results[s]);
    diag_free(&scratch);
    return ok ? 0 : -1;
}
