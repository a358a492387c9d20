/*
 * attribution.h — which channels matter, from observed conversion paths.
 *
 * Reads paths in the layout of the ChannelAttribution package (columns
 * `path` with channels joined by ">", `total_conversions`,
 * `total_conversion_value`, `total_null`; ";" or "," separated), fits a
 * Markov chain of order k over the channels, and gives each channel its
 * removal effect and attributed conversions and value, computed exactly
 * from the absorbing chain by a linear solve — the same answer on every
 * run.  Beside it, the first-touch, last-touch and linear heuristics as
 * that package defines them.
 */
#ifndef CJM_ATTRIBUTION_H
#define CJM_ATTRIBUTION_H

#include <stddef.h>
#include "base/arena.h"
#include "base/diag.h"

typedef struct attr_channel {
    const char *name;
    double removal_effect;      /* 1 - P(convert without it) / P(convert) */
    double removal_effect_value;
    double markov_conversions, markov_value;
    double first_conversions, first_value;
    double last_conversions, last_value;
    double linear_conversions, linear_value;
    double path_share;          /* share of paths that touch the channel */
} attr_channel;

typedef struct attr_result {
    int channel_count;
    attr_channel *channels;     /* sorted by name */
    double total_conversions, total_value, total_null;
    long paths;
    int order;
    double conversion_probability;   /* of the fitted chain */
    int states;
} attr_result;

/* Attribution of the CSV at PATH with a chain of ORDER (1..4).  NULL after
 * reporting (file:line for bad rows; a chain with no path to conversion). */
attr_result *attribution_run(arena *a, const char *path, int order, diag_list *d);

/* The same on TEXT (LEN bytes with a NUL after them, changed in place)
 * read from PATH. */
attr_result *attribution_run_text(arena *a, const char *path, char *text, size_t len,
                                  int order, diag_list *d);

#endif
