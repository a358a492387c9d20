/*
 * diff.h — what changed between two journeys (as-is and to-be, or two
 * versions of one): personas, touchpoints, phases, the cards of every lane
 * and of the blueprint, and the action plan's actions; and the emotion
 * scores per phase and persona.
 *
 * Things are matched by kind and id; what is left is matched by content
 * (the same name or text), so a changed id is a rename, not a removal and
 * an addition.  A matched thing in another phase has moved; one whose
 * fields differ has changed (the fields are listed, before → after).
 * The comparison reads both journeys as `cjm build` writes them, so a
 * default written out and one left implicit are the same.
 */
#ifndef CJM_DIFF_H
#define CJM_DIFF_H

#include "base/arena.h"
#include "model/model.h"

typedef enum {
    DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED, DIFF_MOVED, DIFF_RENAMED, DIFF__COUNT
} diff_change;

const char *const *diff_change_names(void);     /* "added", "removed", ... */

typedef struct diff_item {
    const char *kind;           /* "persona", "phase", "pain", "frontstage", ... */
    diff_change change;
    const char *old_id, *new_id;        /* NULL when the thing has none */
    const char *label;          /* its name or text (the new one, unless removed) */
    const char *old_phase, *new_phase;  /* cards: the phases they are in */
    int old_index, new_index;   /* the place in its list (-1: not on that side) */
    const char *fields;         /* "name: A → B; reach: 0.3 → 0.5", or NULL */
} diff_item;

typedef struct diff_emotion {
    const char *phase, *persona;        /* ids on the new side (old when gone) */
    double before, after;               /* NAN when not scored on that side */
} diff_emotion;

typedef struct journey_diff {
    diff_item *items;
    int count;
    diff_emotion *emotions;
    int emotion_count;
    int counts[DIFF__COUNT];
} journey_diff;

/* The differences from OLD to NEW, in A. */
void journey_diff_make(arena *a, const cjm_journey *old, const cjm_journey *new_j,
                       journey_diff *out);

#endif
