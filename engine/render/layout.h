/*
 * layout.h — the placed boxes of a drawing, computed before anything is
 * drawn.
 *
 * Each view (map, personas, blueprint, the report's cover) is laid out
 * into pages of boxes: text (with its Pango layout, shaped once and drawn
 * as measured), rectangles, lines, icons, curves, marks.  Drawing code
 * (draw.c) only draws what is here; tests read the same list (as JSON,
 * `cjm render --boxes`) to check that text never overlaps and nothing
 * leaves the page.  Coordinates are points in the layout's own space; a
 * page's scale and offset map them onto the page.
 */
#ifndef CJM_LAYOUT_H
#define CJM_LAYOUT_H

#include <pango/pangocairo.h>

#include "base/arena.h"
#include "base/diag.h"
#include "doc/table.h"
#include "model/model.h"
#include "render/theme.h"

typedef enum {
    BOX_TEXT, BOX_RECT, BOX_LINE, BOX_ICON, BOX_CURVE, BOX_MARK, BOX_AVATAR,
    BOX_ARROW, BOX_PIPS,
    BOX_AREA            /* between two curves: pts holds the first curve's
                           points (icon of them), then the second's; filled
                           in series colour COLOR, lightly */
} box_kind;

typedef enum {
    MARK_INVOLVE,       /* icon = involvement level */
    MARK_PAIN, MARK_OPPORTUNITY, MARK_POINT, MARK_LOW, MARK_ONLINE,
    MARK_OFFLINE, MARK_SWATCH, MARK_FAIL, MARK_PLANNED
} mark_kind;

enum {
    BF_DASHED = 1,      /* dashed outline or line */
    BF_HEADER_INK = 2,  /* text on the header fill */
    BF_MUTED = 4,       /* muted ink */
    BF_BAR = 8,         /* a rectangle with an accent bar on its left */
    BF_OUTLINE = 16,    /* a rectangle outline only */
    BF_ROUND = 32,      /* rounded corners */
    BF_THICK = 64       /* a rectangle outline drawn heavy (a diff's marks) */
};

typedef struct box {
    box_kind kind;
    double x, y, w, h;
    int role;               /* text_style, fill_role or mark_kind */
    int color;              /* curve palette index, or -1 */
    unsigned flags;
    int icon;               /* channel, involvement level, evidence level */
    const char *text;       /* the text (TEXT), or a label */
    const char *ref;        /* what it shows: "phase:ID", "pain:ID", ... */
    const char *hint;       /* more about it, on hover in SVG (a score's note), or NULL */
    PangoLayout *layout;    /* TEXT: shaped once */
    double *pts;            /* CURVE, LINE, ARROW: x0 y0 x1 y1 ... */
    int npts;
    const unsigned char *image; /* AVATAR: the photo's PNG bytes, or NULL */
    size_t image_len;
} box;

typedef struct rpage {
    double width, height;   /* the page, in points */
    double scale, ox, oy;   /* page = layout * scale + offset */
    box *boxes;
    int count, cap;
} rpage;

typedef struct rdoc {
    arena mem;
    rpage *pages;
    int count, cap;
    int unknown_glyphs;     /* characters no font could show */
    const char *unknown_sample;
    const char *lang;       /* the journey's locale, for the files' metadata */
} rdoc;

/* ---- text (text.c) ------------------------------------------------------ */

/* Prepare fonts for THEME and a journey in LOCALE (picks the CJK face
 * that suits ja, zh or ko).  Cheap to call again. */
void text_begin(const theme *t, const char *locale);

/* TEXT shaped in STYLE, wrapped at WIDTH points (WIDTH <= 0: no wrap).
 * ALIGN: 0 left, 1 centre.  The caller owns a reference to the layout;
 * the same text in the same style is shaped once between text_begin
 * calls and shared, so layouts must not be changed. */
PangoLayout *text_shape(const char *text, text_style style, double width,
                        int align);

/* Logical size of a shaped layout, in points. */
void text_extent(PangoLayout *layout, double *w, double *h);

/* Its logical rectangle in points, relative to where it is drawn from. */
void text_logical(PangoLayout *layout, double *x, double *y, double *w, double *h);

/* Layouts are shaped at one size; draw them scaled by this. */
double text_scale(PangoLayout *layout);

/* The size a shaped layout is drawn at, in points (before page scaling). */
double text_points(PangoLayout *layout);

/* Release the font context (at exit; optional). */
void text_end(void);

/* ---- building pages (layout.c) -------------------------------------------- */

rdoc *rdoc_new(void);
void rdoc_free(rdoc *doc);
rpage *rdoc_add_page(rdoc *doc);

/* Drop every page after the first COUNT. */
void rdoc_truncate(rdoc *doc, int count);

/* Append a box; never NULL.  Text boxes get their own helper. */
box *page_box(rdoc *doc, rpage *p, box_kind kind, double x, double y,
              double w, double h);

/* Shape TEXT at (X, Y) in a column WIDTH wide and add it; returns its
 * height.  ALIGN 1 centres it in the column.  Counts unknown glyphs. */
double page_text(rdoc *doc, rpage *p, double x, double y, double width,
                 const char *text, text_style style, unsigned flags,
                 int align, const char *ref);

/* Add a text box for LAYOUT (from text_shape; the page takes it over) at
 * (X, Y); returns its height.  For text measured before it is placed. */
double page_shaped(rdoc *doc, rpage *p, double x, double y, PangoLayout *layout,
                   text_style style, unsigned flags, const char *ref);

/* Height TEXT would take in WIDTH, without adding it. */
double measure_text(const char *text, text_style style, double width);

/* Size the page to its content (plus MARGIN), or, when PAGE_W and PAGE_H
 * are given, scale the content down to fit and centre it. */
void page_fit(rpage *p, double content_w, double content_h, double page_w,
              double page_h, double margin);

/* The boxes of DOC as JSON (page coordinates), for tests and tools. */
char *rdoc_to_json(const rdoc *doc, size_t *len);

/* ---- views ----------------------------------------------------------------- */

typedef struct layout_options {
    const theme *theme;
    const char *persona;    /* NULL: all; an id: that persona only */
    double page_w, page_h;  /* 0: the page grows to the content */
    const char *base_dir;   /* where persona photos are looked up */
    int show_plan;          /* blueprint: overlay the actions' planned changes */
    int first, count;       /* map: the phases of one page (count 0: all) */
    int lane_first, lane_count; /* map: the lanes of one page (count 0: all) */
    double *lane_heights;   /* map, when not NULL: each lane's height is
                               written here, then the height above the lanes */
} layout_options;

/* The smallest text on page P, in points as printed (its scale applied);
 * 0 when it has no text. */
double page_min_text(const rpage *p);

/* Each adds one page (the map, the blueprint) or several (personas) to
 * DOC.  Problems (a missing photo) become warnings in D. */
void layout_map(rdoc *doc, const cjm_journey *j, const layout_options *o,
                diag_list *d);
void layout_personas(rdoc *doc, const cjm_journey *j, const layout_options *o,
                     diag_list *d);
void layout_blueprint(rdoc *doc, const cjm_journey *j,
                      const layout_options *o, diag_list *d);
void layout_cover(rdoc *doc, const cjm_journey *j, const layout_options *o,
                  diag_list *d);

/* Simulation charts: the funnel, the time to convert, the scenarios. */
typedef struct chart_data {
    const char *title;
    const char *locale;                             /* the journey's, for the words */
    int phase_count;
    const char **phase_names;
    const double *entered, *advanced, *dropped;     /* shares, per phase */
    int horizon;
    const double *convert_day;                      /* share converting on day t */
    int scenario_count;
    const char **scenario_names;
    const double *converted;                        /* share, per scenario */
    const double *converted_ci;                     /* 95% half-width, or NULL */
} chart_data;

/* One page with the three charts. */
void layout_charts(rdoc *doc, const chart_data *c, const layout_options *o);

/* The plan's pictures: the impact-effort matrix (labels placed without
 * overlap) and the roadmap (now / next / later).  Its tables are drawn by
 * layout_tables from the plan's report document. */
struct plan;
void layout_plan(rdoc *doc, const cjm_journey *j, const struct plan *pl,
                 const layout_options *o);

/* TITLE, LINES and TABLES as pages (view_table.c): on a fixed page size,
 * rows that do not fit go on to the next page under a repeated header. */
void layout_tables(rdoc *doc, const char *title, const char *const *lines, int nlines,
                   const table *tables, int ntables, const layout_options *o);

/* Initials for an avatar badge ("AT" for Aiko Tanaka, "佐" for 佐藤), in A. */
const char *layout_initials(arena *a, const char *name);

#endif
