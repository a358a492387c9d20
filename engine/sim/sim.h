/*
 * sim.h — scenario simulation: the compiled model and both engines.
 *
 * A journey (with a scenario's changes applied) is compiled once into
 * flat C arrays; no Lua runs in the engines.  Semantics, one step a day:
 *
 *   In a phase with `advance`, each day the journey is dropped with
 *   `drop`, goes back to an earlier phase j with `back[j]`, or attempts to
 *   move on with advance x the lift of every touchpoint it is exposed to
 *   that day (each exposure independent, with the touchpoint's reach),
 *   capped so the day's chances add up to at most 1.  An attempt succeeds
 *   when every gatekeeper of the phase approves (each with its approve
 *   probability); a refusal keeps the journey in the phase.  Otherwise it
 *   stays.
 *
 *   In a phase with `duration` {min, mode, max}, a holding time D (days,
 *   triangular, rounded up, at least 1) is drawn on entry.  Each day the
 *   drop and back chances apply first; on day D the journey attempts to
 *   move on (gatekeepers as above); a refusal starts a new holding time.
 *
 *   A journey that moves on goes where the phase's `to` says (a phase,
 *   earlier ones included, or an outcome), by default to the next phase;
 *   leaving the last phase is conversion (or its `to`).  Journeys start
 *   in the journey's `start` phases (by default the first).  Outcomes
 *   marked success count as conversion; a journey still inside after
 *   the horizon is "in progress".
 *
 * exact.c computes the same chain exactly (forward propagation of the
 * state distribution, days in a duration phase tracked as part of the
 * state); sim.c samples it (Monte Carlo, deterministic in blocks).
 */
#ifndef CJM_SIM_H
#define CJM_SIM_H

#include <stdint.h>
#include "base/arena.h"
#include "base/diag.h"
#include "model/model.h"
#include "sim/geometric.h"

typedef struct sim_phase {
    const char *id, *name;
    double drop;
    double back_total;
    int back_count;
    int *back_to;           /* earlier phase indexes */
    double *back_p;
    double advance;         /* base, before lifts */
    double attempt;         /* P(attempt) a day, exposures averaged (advance phases) */
    double approve;         /* product of the gatekeepers' approvals */
    int has_duration;
    double dmin, dmode, dmax;
    double *dur_pmf;        /* P(D = d), d = 1..dur_max */
    double *dur_cdf;        /* P(D <= d) */
    int dur_max;
    double emotion;         /* mean of the personas' scores, 0 when none */
    double leave;           /* daily chance of leaving (advance phases) */
    double lose;            /* drop + back_total: of leaving, not moving on */
    double log_stay;        /* log(1 - leave), or of 1 - drop - back for
                             * duration phases */
    geo stay;               /* the Monte Carlo draw of the days until then */
    int tp_count;
    int *tp;                /* touchpoint indexes */
    double *reach, *lift;
    /* where a journey that moves on goes: a phase (>= 0) or an outcome
     * (-1 - k for outcome k), with probabilities adding up to 1 */
    int to_count;
    int *to;
    double *to_p;
    double cost_day, cost_entry;    /* money: per journey-day, per entry */
} sim_phase;

typedef struct sim_model {
    arena mem;
    int phase_count;
    sim_phase *phases;
    int *source_phase;          /* the journey's index of each phase */
    int horizon;
    int touchpoint_count;
    const char **touchpoint_ids;
    /* where journeys start: phases and their shares */
    int entry_count;
    int *entry;
    double *entry_p;
    /* how journeys can end besides dropping out; success ones convert
     * (a journey without named outcomes has one: "converted") */
    int outcome_count;
    const char **outcome_ids, **outcome_names;
    int *outcome_success;
    /* money (money.c): what ends are worth, what exposures cost */
    double *outcome_value;      /* per journey reaching each outcome */
    double *tp_cost;            /* per exposure, by touchpoint */
    double fixed_cost;          /* once per cohort */
    int has_money;              /* any value or cost given */
} sim_model;

/* Compile J with SCENARIO's changes (NULL: the baseline) and HORIZON days
 * (0: the journey's).  NULL after reporting: a phase that can never be
 * left and is not simulatable, out-of-range results of edits. */
sim_model *sim_compile(const cjm_journey *j, const cjm_scenario *scenario,
                       int horizon, diag_list *d);

/* Compile with EXTRA changes (a segment's, or an action's effect) and/or
 * touchpoint REMOVED (-1: none).  EXTRA applies first, SCENARIO's changes
 * on top of it: a segment describes its journeys, a scenario changes every
 * segment's. */
sim_model *sim_compile_with(const cjm_journey *j, const cjm_scenario *scenario,
                            const cjm_changes *extra, int removed_touchpoint,
                            int horizon, diag_list *d);

/* Compile scenario SC of J (NULL: the baseline) as it runs: on the
 * journey its apply function returned or its additions make (load.h),
 * with its edits; phases placed by id where J has them (source_phase).
 * Every command that runs a scenario compiles it here. */
sim_model *sim_compile_scenario(arena *a, const cjm_journey *j, const cjm_scenario *sc,
                                int horizon, diag_list *d);

/* The same with EXTRA changes (a segment's) under the scenario's. */
sim_model *sim_compile_scenario_with(arena *a, const cjm_journey *j, const cjm_scenario *sc,
                                     const cjm_changes *extra, int horizon, diag_list *d);

void sim_free(sim_model *m);




/* What a run measures.  For the exact engine counts are probabilities
 * (journeys = 1); for Monte Carlo they are counts over `journeys`. */
/* Monte Carlo journeys are also counted in this many batches by journey
 * number, so two runs with the same seed (which share random streams and
 * so move together) can be compared with a paired interval. */
#define SIM_BATCHES 32

typedef struct sim_result {
    int phase_count, horizon;
    int monte_carlo;            /* counts (emotion_days in millionths) */
    double journeys;
    double converted, dropped, in_progress;
    double *convert_day;        /* [horizon + 1]: conversions on each day */
    double convert_days_sum, convert_days_sq;   /* for the mean and its error */
    double *days_in;            /* days spent in each phase (summed) */
    double *days_in_sq;         /* per-journey squares (Monte Carlo) */
    double *visits;             /* entries into each phase */
    double *reached;            /* journeys that entered each phase */
    double *dropped_in;         /* drops in each phase */
    double *moved_on;           /* moves on out of each phase (to its targets) */
    double emotion_days;        /* sum of emotion x days */
    double days;                /* sum of days */
    long long steps;            /* journey-days simulated (Monte Carlo) */
    /* Monte Carlo, by batch of journey numbers:
     * journeys, conversions, and the days those conversions took */
    double batch_journeys[SIM_BATCHES], batch_converted[SIM_BATCHES];
    double batch_convert_days[SIM_BATCHES];
    int outcome_count;
    double *outcomes;           /* [outcome_count]: journeys ending in each */
} sim_result;

sim_result *sim_result_new(int phase_count, int horizon);

/* A += W x B, figure by figure (W 1: the counts of two Monte Carlo runs
 * or shards; shares: a mix of segments). */
void sim_result_add_scaled(sim_result *a, const sim_result *b, double w);

/* Room for M's outcomes in R (0, or -1 when out of memory). */
int sim_result_outcomes(sim_result *r, int count);
/* R's per-phase figures moved to the places of the phases they came from
 * (SOURCE[k] for R's phase k; -1: not shown) in a journey of COUNT
 * phases; a phase R does not have gets zeros.  For scenarios that remove
 * or add phases, so they compare phase by phase with the baseline. */
void sim_result_align(sim_result *r, const int *source, int count);
void sim_result_free(sim_result *r);

/* Exact analysis (exact.c). */
sim_result *markov_solve(const sim_model *m);

/* The day-states markov_solve would sweep: states x horizon x passes. */
double markov_work(const sim_model *m);

/* Whether M fits the exact-work limit; if not, adds a message with
 * severity SEV (an error also marks the limit as hit), ending with
 * INSTEAD (what the caller does instead; may be NULL), and returns 0. */
int markov_fits(const sim_model *m, diag_list *d, diag_severity sev, const char *file,
                const char *instead);

/* Monte Carlo: N journeys from SEED in blocks of SIM_BLOCK, on THREADS
 * threads (0: all cores); only blocks k with k % shard_count == shard
 * when sharding.  Bit-identical results whatever the thread count.
 * PROGRESS: print a progress bar to stderr (when it is a terminal). */
#define SIM_BLOCK 65536
typedef struct sim_run {
    long long journeys;
    uint64_t seed;
    int threads;
    int shard, shard_count;
    int progress;
} sim_run;

sim_result *sim_monte_carlo(const sim_model *m, const sim_run *run);

/* Touch credits over converting journeys, by stepping day by day with
 * each touchpoint's exposures drawn (N journeys from SEED): first touch,
 * last touch and linear (each exposure 1/number of exposures) credits per
 * touchpoint, and CONVERTED_UNTOUCHED for conversions that saw none.
 * Arrays of m->touchpoint_count, filled by the caller's allocation. */
typedef struct sim_credits {
    double *first, *last, *linear;
    double converted, converted_untouched;
    long long journeys;
} sim_credits;

int sim_touch_credits(const sim_model *m, long long journeys, uint64_t seed,
                      sim_credits *out);

/* Comparing results (compare.c).  The mean time to convert and the
 * variance of that mean (Monte Carlo); the figure of batch K (conversion
 * share, mean days to convert). */
double sim_mean_days(const sim_result *r);
double sim_mean_days_var(const sim_result *r);
double sim_batch_conversion(const sim_result *r, int k);
double sim_batch_mean_days(const sim_result *r, int k);

/* Half the 95% interval of A's FIGURE minus B's, for two Monte Carlo runs
 * of the same journeys (same seed and count): they share random streams
 * and move together, so the error is read off the spread of the
 * difference over the batches (Student's t), not added up as if the runs
 * were independent.  NAN when there are too few batches. */
double sim_paired_ci(const sim_result *a, const sim_result *b,
                     double (*figure)(const sim_result *, int));

/* Summaries of a result. */
double sim_quantile_day(const sim_result *r, double q);   /* of conversion time */
double sim_emotion_mean(const sim_result *r);             /* day-weighted */

/* 95% interval of the Q-quantile of the conversion day (Monte Carlo, from
 * order statistics); the point itself for exact results. */
void sim_quantile_interval(const sim_result *r, double q, double *lo, double *hi);

/* Money per journey, from a result of model M (before aligning it): the
 * expected cost (days and entries in phases, exposures to touchpoints)
 * and value (ends reached).  The fixed cost is M's, per cohort. */
typedef struct sim_money {
    double cost, value;
} sim_money;

sim_money sim_money_of(const sim_model *m, const sim_result *r);

/* Weekly conversions of cohorts arriving as J's `arrivals` say, from
 * R's distribution of the day of conversion (forecast.c): expected
 * conversions per week and their 95% half-widths. */
typedef struct sim_forecast {
    int weeks;
    double *arrivals, *conversions, *ci95;
} sim_forecast;

/* New journeys over the calendar: a steady weekly rate, or week by week,
 * and the weeks to forecast (0: the horizon's). */
typedef struct sim_arrivals {
    int given;
    double per_week;
    const double *weeks;
    int week_count;
    int forecast_weeks;
} sim_arrivals;

/* J's `arrivals`. */
sim_arrivals sim_arrivals_of(const cjm_journey *j);

int sim_forecast_of(const sim_arrivals *arr, const sim_result *r, sim_forecast *f);
void sim_forecast_free(sim_forecast *f);

/* One run of scenario SC (NULL: the baseline) of J as it is simulated
 * (mix.c): the exact result and, when RUN is given, Monte Carlo's; for a
 * journey with segments each segment is compiled with its changes and
 * run apart (Monte Carlo: its share of the journeys, a seed of its own)
 * and the mix is their weighted sum; per-phase figures are placed on J's
 * phases; money per journey beside them.  -1 after an error in D. */
typedef struct sim_mixed {
    sim_result *exact, *mc;
    int segment_count;
    sim_result **seg_exact, **seg_mc;   /* per segment (NULL when none) */
    sim_money money_exact, money_mc;
    int has_money;
    double fixed_cost;
} sim_mixed;

int sim_run_mixed(arena *a, const cjm_journey *j, const cjm_scenario *sc, int horizon,
                  const sim_run *run, const char *path, sim_mixed *out, diag_list *d);
void sim_mixed_free(sim_mixed *x);

#endif
