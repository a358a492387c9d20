/*
 * sim_doc.h — `cjm simulate` and `cjm merge` results as a report document.
 *
 * The data keeps each run whole (exact and Monte Carlo figures, the funnel
 * per phase) under `scenarios`, and the comparison a manager reads first
 * under `comparison`: each scenario's conversion, its difference from the
 * baseline (exact, and Monte Carlo with a paired 95% interval: the runs
 * share random streams), median, p90 and mean days.  Tables: the
 * comparison (CSV writes it) and the baseline's funnel; with --detail on a
 * terminal (and always in Markdown) each scenario's funnel and the drop
 * per phase side by side.
 */
#ifndef CJM_SIM_DOC_H
#define CJM_SIM_DOC_H

#include "report/report.h"
#include "sim/sim.h"

/* What a report needs to know of the journey (also kept in shard files). */
typedef struct sim_meta {
    const char *id, *title;
    int phase_count;
    const char **phase_ids, **phase_names;
    long long journeys;
    int horizon;
    long long seed;
    int outcome_count;          /* the journey's named outcomes (0: none) */
    const char **outcome_ids, **outcome_names;
    const char *currency;       /* money's unit, or NULL */
    sim_arrivals arrivals;      /* for the weekly forecast */
    double value, value_sd;     /* what a conversion is worth */
    int segment_count;
    const char **segment_ids, **segment_names;
    const double *segment_shares;
} sim_meta;

/* One simulated scenario (the baseline first): its exact and Monte Carlo
 * results (MC NULL with --exact). */
typedef struct sim_run_result {
    const char *id, *name;
    sim_result *exact, *mc;
    int money;                  /* the journey gives values or costs */
    sim_money exact_money, mc_money;    /* per journey */
    double fixed_cost;          /* per cohort */
    int forecast;               /* the journey gives arrivals */
    sim_forecast fc_exact, fc_mc;   /* weekly conversions of the cohorts */
    double value, value_sd;     /* what a conversion is worth (0: not given), its spread */
    int segment_count;          /* the journey's segments (0: none) */
    sim_result **seg_exact, **seg_mc;
} sim_run_result;

void sim_doc(report_doc *rd, arena *a, const sim_meta *meta, const sim_run_result *runs,
             int count);

#endif
