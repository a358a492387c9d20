/*
 * lint.h — `cjm lint`: rules about what a valid journey means.
 *
 * `cjm check` says whether a journey is well formed; lint says whether it
 * is complete, backed and consistent: a pain nobody answers, a persona
 * nobody involves, a frontstage step nothing supports, a lift that has no
 * effect where it is, a loop a journey can never leave.  Each rule has an
 * id, a group, a default severity, a one-line rationale and an example
 * (lint_rules.c, one function each); a project changes severities and
 * settings in a .cjmlint.yaml, and a card, touchpoint, phase or persona
 * switches a rule off for itself with `suppress: ["rule-id: why"]`.
 */
#ifndef CJM_LINT_H
#define CJM_LINT_H

#include "base/arena.h"
#include "base/diag.h"
#include "model/model.h"

typedef enum {
    LINT_OFF, LINT_NOTE, LINT_WARNING, LINT_ERROR, LINT__COUNT
} lint_severity;

const char *const *lint_severity_names(void);   /* "off", "note", ... */

struct lint_ctx;

typedef struct lint_rule {
    const char *id;
    const char *group;          /* coverage, emotion, blueprint, evidence,
                                   simulation, lint */
    lint_severity severity;     /* by default */
    const char *rationale;      /* why it matters, one line */
    const char *example;        /* a fragment that fires it */
    const char *setting;        /* its number setting, or NULL */
    double setting_default;
    const char *setting_doc;
    void (*check)(struct lint_ctx *c);
} lint_rule;

/* The rules, in the order they run and are listed. */
const lint_rule *lint_rules(int *count);
/* The index of rule ID, or -1. */
int lint_rule_find(const char *id);

typedef struct lint_config {
    lint_severity *severity;    /* per rule */
    double *setting;            /* per rule (its setting, when it has one) */
    cjm_evidence_level require_evidence;    /* EVID_NONE: no gate */
    const char *source;         /* the file it was read from, or NULL */
} lint_config;

/* The defaults, in A. */
void lint_config_init(lint_config *c, arena *a);

/* Read the settings of PATH (a .cjmlint.yaml) over C.  0, or -1 after
 * errors with their place in D. */
int lint_config_read(lint_config *c, arena *a, const char *path, diag_list *d);

/* The .cjmlint.yaml in the folder of FILE or the nearest folder above
 * it, in A; NULL when there is none. */
const char *lint_config_find(arena *a, const char *file);

/* Make claims below LEVEL findings (of rule evidence-below, an error). */
void lint_require_evidence(lint_config *c, cjm_evidence_level level);

typedef struct lint_finding {
    int rule;                   /* index in lint_rules() */
    lint_severity severity;
    const char *file;           /* the journey file (always set) */
    int line, col;              /* 0 when the model has no place for it */
    const char *path;           /* the model path: "phases[2].pains[0]" */
    const char *message;
} lint_finding;

typedef struct lint_result {
    lint_finding *items;
    int count, cap;
    int suppressed;             /* findings a suppress entry took away */
    int claims[EVID__COUNT];    /* cards, scores and touchpoints, by evidence */
    int errors, warnings, notes;
} lint_result;

/* Run every rule that is not off on J (read from FILE) into R (in A). */
void lint_journey(arena *a, const cjm_journey *j, const char *file,
                  const lint_config *c, lint_result *r);

#endif
