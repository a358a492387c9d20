/*
 * lint_internal.h — what the rules (lint_rules.c) share with the engine
 * (lint.c): the context a rule runs in and the one way to report.
 */
#ifndef CJM_LINT_INTERNAL_H
#define CJM_LINT_INTERNAL_H

#include "sim/lint.h"

typedef struct lint_ctx {
    arena *a;
    const cjm_journey *j;
    const char *file;
    const lint_config *cfg;
    lint_result *r;
    int rule;                   /* the rule running */
    /* made on first use by the rules that need them (lint_rules.c) */
    const struct plan *plan;
    struct sim_result *base;    /* the exact baseline, or NULL */
    int base_tried;
    diag_list sim_problems;     /* why the baseline could not be made */
} lint_ctx;

/* Free what the rules made on the way. */
void lint_ctx_done(lint_ctx *c);

/* Report a finding of the running rule about the thing at AT (its node,
 * for the place; NULL: none) whose suppress list is SUPPRESS (NULL: none)
 * and whose model path is PATH.  Nothing when SUPPRESS names the rule. */
void lint_report(lint_ctx *c, const node *at, const cjm_strs *suppress, const char *path,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The running rule's setting (its default, or the project's). */
double lint_setting(const lint_ctx *c);

#endif
