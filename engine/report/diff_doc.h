/*
 * diff_doc.h — `cjm diff`'s result as a report document: the changes
 * (kind, change, id, what, where, fields), the emotion scores that moved,
 * and, when both journeys can be simulated, the exact engine's conversion,
 * mean time to convert and net value per journey before and after.
 */
#ifndef CJM_DIFF_DOC_H
#define CJM_DIFF_DOC_H

#include "model/diff.h"
#include "report/report.h"

typedef struct diff_sim {
    int ok;                     /* both could be simulated */
    double converted[2], mean_days[2], net[2];
    int has_money;
} diff_sim;

/* The exact baselines of OLD and NEW (segments mixed, as simulate runs
 * them); S->ok 0 when either cannot be simulated. */
void diff_sim_make(arena *a, const cjm_journey *old, const cjm_journey *new_j,
                   const char *old_name, const char *new_name, diff_sim *s);

/* DF (and S) as a document comparing OLD_NAME with NEW_NAME. */
void diff_doc(report_doc *rd, arena *a, const cjm_journey *new_j, const journey_diff *df,
              const diff_sim *s, const char *old_name, const char *new_name);

#endif
