/*
 * plan.h — the action plan: from pains to prioritized, simulated actions.
 *
 * Coverage: every pain and opportunity of the journey is either addressed
 * by an action or listed as unaddressed (with its phase and the
 * stakeholders involved there); one addressed only by actions of low
 * confidence (< 0.5) is flagged.  Priority: a RICE score, reach x impact x
 * confidence / effort, where reach is the share of journeys that enter the
 * action's phase (exact engine).  With simulation, each action's effect is
 * simulated alone and all of them together; the plan then ranks by
 * conversion uplift (exact) per unit of effort and shows Monte Carlo
 * intervals beside it.
 */
#ifndef CJM_PLAN_H
#define CJM_PLAN_H

#include <stdint.h>
#include "base/arena.h"
#include "base/diag.h"
#include "model/model.h"

typedef struct plan_item {
    const cjm_action *action;
    int phase;                  /* index, or -1 */
    double reach, score;
    int simulated;              /* has an effect, and the journey simulates */
    double uplift, days_saved;  /* exact: conversion share, mean days */
    double uplift_mc, uplift_ci;
    double days_saved_mc, days_saved_ci;
    double per_effort;
    double net_uplift;          /* money: change of net value per journey (exact) */
    double net_per_effort;      /* ... per unit of effort */
    const char *kpi_metric;     /* "advance rate from Approval", or NULL */
    double kpi_from, kpi_to;
    int low_confidence;
} plan_item;

typedef struct plan_gap {
    const cjm_card *card;
    int phase;
    int is_pain;
    const char *stakeholders;   /* "Aiko Tanaka (driver), ..." */
} plan_gap;

typedef struct plan_fail {
    const cjm_card *card;       /* a step or blueprint card with a fail point */
    int phase;
    const char *lane;           /* "steps", "customer actions", "frontstage", ... */
} plan_fail;

typedef struct plan_over {
    int phase;
    double minutes, budget;     /* summed standard times and the budget */
} plan_over;

typedef struct plan {
    plan_item *items;           /* ranked */
    int count;
    int money;                  /* the journey gives values or costs */
    int by_money;               /* ranked by net_per_effort */
    plan_gap *unaddressed;
    int unaddressed_count;
    plan_gap *weak;             /* addressed only with low confidence */
    int weak_count;
    plan_fail *fails;           /* fail points no action recovers */
    int fail_count;
    plan_over *over;            /* phases whose step times exceed their budget */
    int over_count;
    int simulatable, simulated;
    double base_conversion, combined_conversion, combined_mc, combined_ci;
    double base_mc;
} plan;

typedef struct plan_options {
    int simulate;
    long long journeys;
    uint64_t seed;
    int threads;
    int by_money;           /* rank by net value per journey per effort */
} plan_options;

/* The plan of J in A.  Never NULL for a validated journey. */
plan *plan_build(arena *a, const cjm_journey *j, const plan_options *o, diag_list *d);

#endif
