/*
 * html_view.h — the journey as one self-contained HTML page.
 *
 * The page holds the map (a persona switcher with the map of everyone and
 * one per persona), the persona cards, the service blueprint and, where
 * the journey has them, the simulation charts and the action plan: cjm's
 * own drawings as inline SVG with real <text>.  Every card, touchpoint,
 * phase, persona and score is a focusable element with a screen-reader
 * name; hovering or focusing it shows its details (card_details.h).  The
 * page fetches nothing: its style and script are inline and its Content
 * Security Policy forbids every other source, except, for `cjm serve`,
 * the server's own event stream that tells it to reload.
 */
#ifndef CJM_HTML_VIEW_H
#define CJM_HTML_VIEW_H

#include "base/diag.h"
#include "base/sbuf.h"
#include "model/model.h"
#include "render/theme.h"

typedef struct html_options {
    const theme *theme;
    const char *base_dir;   /* where persona photos are looked up */
    const char *live;       /* NULL for a file; for `cjm serve`, the path of
                               its event stream (the page reloads on "reload") */
} html_options;

/* Append the page of J to OUT.  Warnings (a missing photo, more personas
 * than the switcher holds) go to D, named after FILE.  0, or -1 when
 * memory ran out. */
int html_view(sbuf *out, const cjm_journey *j, const html_options *o, const char *file,
              diag_list *d);

/* Append a page that shows the problems of D instead of the journey
 * TITLE (for `cjm serve` while the journey does not load). */
int html_problems(sbuf *out, const char *title, const diag_list *d,
                  const html_options *o);

/* Append a page that links to the pages /1, /2, ... of FILES (N of
 * them), for `cjm serve` with several journeys. */
int html_index(sbuf *out, const char *const *files, int n, const html_options *o);

#endif
