/*
 * view_table.c — tables (doc/table.h) as pages: the plan's table pages,
 * and any report that is a title, a few lines and tables.
 *
 * The text of every cell is the one the terminal and Markdown writers
 * show (table_cell_text), so a PDF cannot disagree with them.  Columns get
 * their natural width when the page allows; otherwise the text columns
 * that may wrap (COL_WRAP) share what is left.  On a page of fixed size,
 * rows that do not fit continue on the next page under a repeated header.
 */
#include "render/layout.h"
#include "render/words.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "doc/table.h"

#define CELL_PAD 8          /* between columns */
#define ROW_GAP 5
#define WRAP_MIN 60         /* a wrapping column is never narrower */
#define WRAP_WORD_MAX 110   /* nor narrower than its longest word, up to this */

typedef struct tpage {
    rdoc *doc;
    const layout_options *o;
    double width, height;   /* content area; height 0: grows */
    rpage *page;
    double y;
} tpage;

static const char *cell_text(arena *a, const table_col *c, const node *row)
{
    sbuf b = { 0 };
    table_cell_text(&b, c, row);
    const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    return s;
}

static double natural_width(const char *s, text_style style)
{
    PangoLayout *l = text_shape(s, style, 0, 0);
    double w, h;
    text_extent(l, &w, &h);
    g_object_unref(l);
    return ceil(w) + 1;
}

/* The width of the longest word of TEXT. */
static double longest_word(arena *a, const char *text, text_style style)
{
    double best = 0;
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n)
            best = fmax(best, natural_width(arena_strndup(a, p, n), style));
        p += n;
        while (*p == ' ')
            p++;
    }
    return best;
}

/* Column widths for T in WIDTH points (natural, or wrap columns shrunk). */
static double *column_widths(arena *a, const table *t, double width)
{
    double *w = arena_alloc(a, sizeof *w * (size_t)t->ncols);
    double *least = arena_alloc(a, sizeof *least * (size_t)t->ncols);
    double total = 0, wrap_total = 0;
    for (int k = 0; k < t->ncols; k++) {
        w[k] = longest_word(a, t->cols[k].header, TS_SECTION);    /* headers wrap */
        least[k] = fmax(WRAP_MIN, w[k]);
        for (const node *row = t->rows ? t->rows->first : NULL; row; row = row->next) {
            const char *text = cell_text(a, &t->cols[k], row);
            double cw = natural_width(text, TS_BODY);
            if (cw > w[k])
                w[k] = cw;
            /* a wrapping column keeps room for its longest word (an id) */
            if (t->cols[k].flags & COL_WRAP)
                least[k] = fmax(least[k], fmin(WRAP_WORD_MAX, longest_word(a, text, TS_BODY)));
        }
        total += w[k] + CELL_PAD;
        if (t->cols[k].flags & COL_WRAP)
            wrap_total += w[k];
    }
    if (total <= width || wrap_total <= 0)
        return w;
    /* the wrapping columns share what the others leave */
    double fixed = total - wrap_total, room = width - fixed;
    for (int k = 0; k < t->ncols; k++)
        if (t->cols[k].flags & COL_WRAP)
            w[k] = fmin(w[k], fmax(least[k], room * w[k] / wrap_total));
    return w;
}

static void new_page(tpage *tp)
{
    if (tp->page)
        page_fit(tp->page, tp->width, tp->height > 0 ? tp->height : tp->y, tp->o->page_w,
                 tp->o->page_h, tp->o->theme->margin);
    tp->page = rdoc_add_page(tp->doc);
    tp->y = 0;
}

/* Room for H more points on this page, or a new one. */
static int need(tpage *tp, double h)
{
    if (tp->height <= 0 || tp->y + h <= tp->height || tp->y == 0)
        return 0;
    new_page(tp);
    return 1;
}

static double header_row(tpage *tp, const table *t, const double *w)
{
    double x = 0, h = 0;
    for (int k = 0; k < t->ncols; k++) {
        /* over numbers, the header's lines on the right too */
        double off = table_col_numeric(&t->cols[k])
            ? fmax(0, w[k] - fmin(w[k], natural_width(t->cols[k].header, TS_SECTION))) : 0;
        h = fmax(h, page_text(tp->doc, tp->page, x + off, tp->y, w[k] - off, t->cols[k].header,
                              TS_SECTION, BF_MUTED, 0, NULL));
        x += w[k] + CELL_PAD;
    }
    return h + ROW_GAP;
}

static double total_width(const table *t, const double *w)
{
    double total = 0;
    for (int k = 0; k < t->ncols; k++)
        total += w[k] + (k ? CELL_PAD : 0);
    return total;
}

static void one_table(tpage *tp, const table *t, const double *w)
{
    arena *a = &tp->doc->mem;
    if (t->title) {
        need(tp, 60);
        tp->y += page_text(tp->doc, tp->page, 0, tp->y, tp->width, t->title, TS_PHASE, 0, 0,
                           NULL) + 4;
    }
    if (!t->rows || !t->rows->count) {
        tp->y += page_text(tp->doc, tp->page, 0, tp->y, tp->width,
                           t->empty ? t->empty : "None.", TS_BODY, BF_MUTED, 0, NULL) + 14;
        return;
    }
    tp->y += header_row(tp, t, w);
    for (const node *row = t->rows->first; row; row = row->next) {
        const char **cells = arena_alloc(a, sizeof *cells * (size_t)t->ncols);
        double h = 0;
        for (int k = 0; k < t->ncols; k++) {
            cells[k] = cell_text(a, &t->cols[k], row);
            h = fmax(h, measure_text(cells[k], TS_BODY, w[k]));
        }
        if (need(tp, h + ROW_GAP))
            tp->y += header_row(tp, t, w);
        double x = 0;
        for (int k = 0; k < t->ncols; k++) {
            /* numbers on the right of their column */
            double off = table_col_numeric(&t->cols[k])
                ? fmax(0, w[k] - natural_width(cells[k], TS_BODY)) : 0;
            page_text(tp->doc, tp->page, x + off, tp->y, w[k] - off, cells[k], TS_BODY, 0, 0,
                      NULL);
            x += w[k] + CELL_PAD;
        }
        tp->y += h + ROW_GAP;
    }
    if (t->note)
        tp->y += page_text(tp->doc, tp->page, 0, tp->y, tp->width, t->note, TS_SMALL,
                           BF_MUTED, 0, NULL) + 2;
    tp->y += 14;
}

/* The fixed words of TABLES (titles, column headers, notes) in the
 * document's language: translated copies, the rows shared. */
static const table *translated(rdoc *doc, const table *tables, int ntables)
{
    table *out = arena_alloc(&doc->mem, sizeof *out * (size_t)(ntables + 1));
    for (int i = 0; i < ntables; i++) {
        out[i] = tables[i];
        out[i].title = word_translate(doc->lang, tables[i].title);
        out[i].note = word_translate(doc->lang, tables[i].note);
        out[i].empty = word_translate(doc->lang, tables[i].empty ? tables[i].empty : "None.");
        table_col *cols = arena_alloc(&doc->mem, sizeof *cols * (size_t)(tables[i].ncols + 1));
        for (int k = 0; k < tables[i].ncols; k++) {
            cols[k] = tables[i].cols[k];
            cols[k].header = word_translate(doc->lang, tables[i].cols[k].header);
        }
        out[i].cols = cols;
    }
    return out;
}

void layout_tables(rdoc *doc, const char *title, const char *const *lines, int nlines,
                   const table *tables, int ntables, const layout_options *o)
{
    tables = translated(doc, tables, ntables);
    const theme *t = o->theme;
    tpage tp = { doc, o, 0, 0, NULL, 0 };
    tp.width = o->page_w > 0 ? o->page_w - 2 * t->margin : 760;
    tp.height = o->page_h > 0 ? o->page_h - 2 * t->margin : 0;
    /* a table wider than the page even with its text columns at their
     * narrowest is drawn smaller: every page of the document at one scale */
    double **widths = arena_alloc(&doc->mem, sizeof *widths * (size_t)(ntables + 1));
    double need = tp.width;
    for (int i = 0; i < ntables; i++) {
        widths[i] = column_widths(&doc->mem, &tables[i], tp.width);
        need = fmax(need, total_width(&tables[i], widths[i]));
    }
    if (tp.height > 0)
        tp.height *= need / tp.width;
    tp.width = need;
    new_page(&tp);
    if (title)
        tp.y += page_text(doc, tp.page, 0, tp.y, tp.width, title, TS_TITLE, 0, 0, NULL) + 6;
    for (int i = 0; i < nlines; i++)
        tp.y += page_text(doc, tp.page, 0, tp.y, tp.width, lines[i], TS_SUBTITLE, BF_MUTED,
                          0, NULL) + 4;
    tp.y += 8;
    for (int i = 0; i < ntables; i++)
        one_table(&tp, &tables[i], widths[i]);
    page_fit(tp.page, tp.width, tp.height > 0 ? tp.height : tp.y, o->page_w, o->page_h,
             t->margin);
}
