/*
 * write_table.c — a report as tables for a terminal; see report.h.
 *
 * Columns are as wide as their widest cell, measured in terminal columns
 * (a Chinese or Japanese character takes two), numbers on the right.  A
 * column of names (COL_WRAP) is at most WRAP_WIDTH wide: longer text
 * wraps onto more lines of the same row at spaces, and a word longer than
 * the column is broken with a "-" (between Latin letters) so no name is
 * ever cut without a mark.
 */
#include "report/report.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#define WRAP_WIDTH 28
#define GAP "  "

size_t report_text_width(const char *s, size_t len)
{
    size_t w = 0;
    const char *end = s + len;
    while (s < end) {
        gunichar c = g_utf8_get_char_validated(s, end - s);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            w++;
            s++;
            continue;
        }
        w += g_unichar_iszerowidth(c) ? 0 : g_unichar_iswide(c) ? 2 : 1;
        s = g_utf8_next_char(s);
    }
    return w;
}

/* One cell: its text and, once wrapped, its lines (offsets into text). */
typedef struct cell {
    sbuf text;
    int nlines;
    size_t *start, *len;    /* each line's bytes */
    int *hyphen;            /* the line ends in a broken word */
} cell;

static void add_line(cell *c, size_t start, size_t len, int hyphen)
{
    c->start = realloc(c->start, sizeof *c->start * (size_t)(c->nlines + 1));
    c->len = realloc(c->len, sizeof *c->len * (size_t)(c->nlines + 1));
    c->hyphen = realloc(c->hyphen, sizeof *c->hyphen * (size_t)(c->nlines + 1));
    if (!c->start || !c->len || !c->hyphen) {
        c->text.failed = 1;
        return;
    }
    c->start[c->nlines] = start;
    c->len[c->nlines] = len;
    c->hyphen[c->nlines++] = hyphen;
}

static int is_word_char(const char *p)
{
    unsigned char ch = (unsigned char)*p;
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

/* Break TEXT into lines at most WIDTH columns wide. */
static void wrap(cell *c, size_t width)
{
    const char *s = c->text.data ? c->text.data : "";
    size_t n = c->text.len, pos = 0;
    if (!n) {
        add_line(c, 0, 0, 0);
        return;
    }
    while (pos < n) {
        while (pos < n && s[pos] == ' ')
            pos++;
        size_t line_start = pos, last_space = 0, w = 0, i = pos;
        int broke = 0;
        while (i < n) {
            size_t next = (size_t)(g_utf8_next_char(s + i) - s);
            size_t cw = report_text_width(s + i, next - i);
            if (s[i] == ' ')
                last_space = i;
            if (w + cw > width) {
                if (last_space > line_start) {
                    i = last_space;
                } else {
                    /* a word longer than the line: break it, marked */
                    broke = i > line_start && is_word_char(s + i)
                            && is_word_char(g_utf8_prev_char(s + i));
                    if (broke && w + 1 > width && i > line_start + 1) {
                        i = (size_t)(g_utf8_prev_char(s + i) - s);
                    }
                }
                break;
            }
            w += cw;
            i = next;
        }
        if (i <= line_start)
            i = (size_t)(g_utf8_next_char(s + line_start) - s);    /* at least one char */
        add_line(c, line_start, i - line_start, broke && i < n);
        pos = i;
    }
}

static size_t line_width(const cell *c, int k)
{
    return report_text_width(c->text.data + c->start[k], c->len[k]) + (size_t)c->hyphen[k];
}

static void pad(sbuf *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sbuf_put(out, " ", 1);
}

static void put_line(sbuf *out, const cell *c, int k, size_t width, int right)
{
    size_t w = k < c->nlines ? line_width(c, k) : 0;
    if (right)
        pad(out, width > w ? width - w : 0);
    if (k < c->nlines) {
        sbuf_put(out, c->text.data + c->start[k], c->len[k]);
        if (c->hyphen[k])
            sbuf_put(out, "-", 1);
    }
    if (!right)
        pad(out, width > w ? width - w : 0);
}

static void free_cells(cell *cells, int n)
{
    for (int i = 0; i < n; i++) {
        sbuf_free(&cells[i].text);
        free(cells[i].start);
        free(cells[i].len);
        free(cells[i].hyphen);
    }
    free(cells);
}

/* The display width of the longest word of C's text. */
static size_t longest_word(const cell *c)
{
    size_t best = 0, start = 0, n = c->text.len;
    const char *s = c->text.data ? c->text.data : "";
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == ' ') {
            size_t w = report_text_width(s + start, i - start);
            if (w > best)
                best = w;
            start = i + 1;
        }
    }
    return best;
}

/* The cells of T, header first, each wrapped to its column. */
static cell *make_cells(const table *t, int nrows, size_t *widths)
{
    int nc = t->ncols;
    cell *cells = calloc((size_t)(nrows + 1) * (size_t)nc, sizeof *cells);
    if (!cells)
        return NULL;
    const node *row = t->rows ? t->rows->first : NULL;
    for (int r = 0; r <= nrows; r++) {
        for (int k = 0; k < nc; k++) {
            cell *c = &cells[r * nc + k];
            if (r == 0)
                sbuf_puts(&c->text, t->cols[k].header);
            else
                table_cell_text(&c->text, &t->cols[k], row);
        }
        if (r > 0)
            row = row->next;
    }
    for (int k = 0; k < nc; k++) {
        /* as wide as the widest cell; a header wraps at spaces to that
         * width, but its longest word always fits */
        size_t w = longest_word(&cells[k]);
        for (int r = 1; r <= nrows; r++) {
            cell *c = &cells[r * nc + k];
            size_t cw = report_text_width(c->text.data ? c->text.data : "", c->text.len);
            if (cw > w)
                w = cw;
        }
        if ((t->cols[k].flags & COL_WRAP) && w > WRAP_WIDTH)
            w = WRAP_WIDTH;
        widths[k] = w;
        for (int r = 0; r <= nrows; r++)
            wrap(&cells[r * nc + k], w);
    }
    return cells;
}

static void write_one(const table *t, sbuf *out)
{
    int nc = t->ncols, nrows = t->rows ? t->rows->count : 0;
    if (t->title) {
        sbuf_puts(out, t->title);
        sbuf_puts(out, "\n");
    }
    if (!nrows) {
        sbuf_puts(out, GAP);
        sbuf_puts(out, t->empty ? t->empty : "(none)");
        sbuf_puts(out, "\n\n");
        return;
    }
    size_t *widths = calloc((size_t)nc, sizeof *widths);
    cell *cells = widths ? make_cells(t, nrows, widths) : NULL;
    if (!cells) {
        free(widths);
        out->failed = 1;
        return;
    }
    for (int r = 0; r <= nrows; r++) {
        int lines = 1;
        for (int k = 0; k < nc; k++)
            if (cells[r * nc + k].nlines > lines)
                lines = cells[r * nc + k].nlines;
        for (int l = 0; l < lines; l++) {
            sbuf_puts(out, GAP);
            for (int k = 0; k < nc; k++) {
                if (k)
                    sbuf_puts(out, GAP);
                put_line(out, &cells[r * nc + k], l, widths[k],
                         table_col_numeric(&t->cols[k]));
            }
            /* no trailing spaces */
            while (out->len && out->data[out->len - 1] == ' ')
                out->len--;
            sbuf_puts(out, "\n");
        }
        if (r == 0) {
            size_t total = 0;
            for (int k = 0; k < nc; k++)
                total += widths[k] + (k ? strlen(GAP) : 0);
            sbuf_puts(out, GAP);
            for (size_t i = 0; i < total; i++)
                sbuf_put(out, "-", 1);
            sbuf_puts(out, "\n");
        }
    }
    if (t->note) {
        sbuf_puts(out, GAP);
        sbuf_puts(out, t->note);
        sbuf_puts(out, "\n");
    }
    sbuf_puts(out, "\n");
    free_cells(cells, (nrows + 1) * nc);
    free(widths);
}

void report_write_table(const report_doc *r, int detail, sbuf *out)
{
    if (r->title) {
        sbuf_puts(out, r->title);
        sbuf_puts(out, "\n");
    }
    for (int i = 0; i < r->nlines; i++) {
        sbuf_puts(out, r->lines[i]);
        sbuf_puts(out, "\n");
    }
    if (r->title || r->nlines)
        sbuf_puts(out, "\n");
    int shown = r->detail_from < 0 || detail ? r->ntables : r->detail_from;
    for (int i = 0; i < shown; i++)
        write_one(&r->tables[i], out);
    if (shown < r->ntables)
        sbuf_printf(out, "(%d more table%s with --detail)\n", r->ntables - shown,
                    r->ntables - shown == 1 ? "" : "s");
}
