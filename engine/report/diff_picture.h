/*
 * diff_picture.h — a journey diff drawn: the new journey's map (or its
 * blueprint, for the blueprint's cards) with each
 * added card outlined in the "added" colour and each changed, moved or
 * renamed one in the "changed" colour, the removed cards as dashed ghosts
 * under the phases they were in, and both emotion curves of each persona
 * (before dashed) with the difference between them shaded.
 */
#ifndef CJM_DIFF_PICTURE_H
#define CJM_DIFF_PICTURE_H

#include "base/format.h"
#include "model/diff.h"
#include "render/theme.h"

/* Draw DF (from OLD, called OLD_NAME, to NEW_J) on the map, or with
 * BLUEPRINT on the service blueprint, to PATH (DPI for PNG) in FORMAT (SVG, PNG or PDF).  0, or
 * -1 after an error in D. */
int diff_picture(arena *a, const cjm_journey *old, const cjm_journey *new_j,
                 const journey_diff *df, const char *old_name, int blueprint,
                 const theme *t, out_format format, double dpi, const char *path,
                 diag_list *d);

#endif
