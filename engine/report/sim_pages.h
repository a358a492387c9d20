/*
 * sim_pages.h — simulation results as chart pages (funnel, time to
 * convert, scenarios), for `cjm simulate --chart` and the report.
 */
#ifndef CJM_SIM_CHART_H
#define CJM_SIM_CHART_H

#include "render/layout.h"
#include "sim/sim.h"

/* Fill C from the baseline's result BASE (funnel, time to convert) and
 * one result per scenario (Monte Carlo ones get intervals).  Arrays in A. */
void sim_chart_fill(arena *a, chart_data *c, const char *title, int phase_count,
                    const char **phase_names, const sim_result *base, int count,
                    const char **names, const sim_result *const *results);

/* Add the simulation page of J (exact engine: baseline and every
 * scenario) to DOC.  Returns 0, or -1 when J cannot be simulated (a phase
 * with no way on): no page is added then. */
int sim_report_page(rdoc *doc, const cjm_journey *j, const layout_options *o,
                    const char *file, diag_list *d);

#endif
