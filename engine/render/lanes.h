/*
 * lanes.h — what the map and the blueprint views share: a page of phase
 * columns and lanes of cards (view_map.c).
 */
#ifndef CJM_LANES_H
#define CJM_LANES_H

#include "render/layout.h"
#include "render/words.h"

typedef struct mctx {
    rdoc *doc;
    rpage *p;
    const cjm_journey *j;
    const theme *t;
    const layout_options *o;
    double x0, colw, gap, width;
    int first, n;               /* the phases shown: first .. first + n - 1 */
    int persona;                /* the persona of a --persona map, or -1 */
    const char *loc;
    const struct by_persona *scores;    /* the emotion lane's, while drawn */
} mctx;

/* What the phases shown say of each persona, with an entry per named
 * persona (sparse, as the model stores it): the personas in persona order
 * (only the --persona one on its map), and persona k's entries, in column
 * order, at START[k] .. START[k + 1] - 1 of COL and ITEM. */
typedef struct by_persona {
    int count;
    int *personas;              /* persona indexes */
    int *start;                 /* count + 1 offsets */
    int *col;                   /* the column of each entry */
    const void **item;          /* its cjm_involve or cjm_emotion */
} by_persona;

/* The involvement (not none) or, with EMOTIONS, the scores of the phases
 * shown, by persona; in time linear in the entries. */
void page_by_persona(mctx *m, int emotions, by_persona *out);

/* Persona k's entry in column COL, or NULL. */
const void *by_persona_at(const by_persona *b, int k, int col);

/* W in the page's language (words.h). */
const char *L(const mctx *m, word w);

/* The left edge of phase column I. */
double col_x(const mctx *m, int i);

/* Start a lane at Y: its background (height set by lane_end) and LABEL;
 * returns the index of the background box. */
int lane_begin(mctx *m, double y, const char *label, int alt);

/* End the lane begun at box IDX, its content CONTENT_H tall; its height. */
double lane_end(mctx *m, int idx, double y, double content_h);

/* Whether card C is on this map (a --persona map shows the persona's
 * cards and those that belong to everyone). */
int card_shown(const mctx *m, const cjm_card *c);

/* A stack of CARDS in column I from Y; the height used. */
double card_stack(mctx *m, int i, double y, const cjm_cards *cards,
                  int fill, text_style style, int lane_mark, const char *kind);

/* The width of an evidence meter (and the gap before it). */
double meter_width(const mctx *m);

/* An evidence meter of LEVEL with its top left at (X, Y). */
void evidence_meter(mctx *m, double x, double y, cjm_evidence_level level);

/* The emotion lane at Y (view_emotion.c); its height. */
double emotion_lane(mctx *m, double y, int *alt);

/* The header row of phase names and goals at Y; its height. */
double header_row(mctx *m, double y);

/* On a fixed page, the column width that lets PAGE's drawing be largest. */
double best_column_width(const cjm_journey *j, const layout_options *o,
                         void (*page)(rdoc *, const cjm_journey *,
                                      const layout_options *, double));

/* PAGE (a view of phase columns) on DOC: on a fixed page whose text would
 * shrink below the theme's minimum, as many phases per page as stay
 * readable, spread evenly over pages (layout_options first and count). */
void layout_columns(rdoc *doc, const cjm_journey *j, const layout_options *o,
                    void (*page)(rdoc *, const cjm_journey *, const layout_options *,
                                 double));

#endif
