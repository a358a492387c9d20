/*
 * write_md.c — a report as Markdown; see report.h.
 */
#include "report/report.h"

#include <string.h>

/* TEXT for a table cell: "|" escaped, line breaks as <br>. */
static void put_cell(sbuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|')
            sbuf_puts(out, "\\|");
        else if (s[i] == '\n')
            sbuf_puts(out, "<br>");
        else
            sbuf_put(out, s + i, 1);
    }
}

static void write_one(const table *t, sbuf *out)
{
    if (t->title)
        sbuf_printf(out, "## %s\n\n", t->title);
    if (!t->rows || !t->rows->count) {
        sbuf_printf(out, "%s\n\n", t->empty ? t->empty : "None.");
        return;
    }
    sbuf_puts(out, "|");
    for (int k = 0; k < t->ncols; k++) {
        sbuf_puts(out, " ");
        put_cell(out, t->cols[k].header, strlen(t->cols[k].header));
        sbuf_puts(out, " |");
    }
    sbuf_puts(out, "\n|");
    for (int k = 0; k < t->ncols; k++)
        sbuf_puts(out, table_col_numeric(&t->cols[k]) ? "---:|" : "---|");
    sbuf_puts(out, "\n");
    for (const node *row = t->rows->first; row; row = row->next) {
        sbuf_puts(out, "|");
        for (int k = 0; k < t->ncols; k++) {
            sbuf cellb = { 0 };
            table_cell_text(&cellb, &t->cols[k], row);
            sbuf_puts(out, " ");
            put_cell(out, cellb.data ? cellb.data : "", cellb.len);
            sbuf_puts(out, " |");
            sbuf_free(&cellb);
        }
        sbuf_puts(out, "\n");
    }
    if (t->note)
        sbuf_printf(out, "\n%s\n", t->note);
    sbuf_puts(out, "\n");
}

void report_write_md(const report_doc *r, sbuf *out)
{
    if (r->title)
        sbuf_printf(out, "# %s\n\n", r->title);
    for (int i = 0; i < r->nlines; i++)
        sbuf_printf(out, "%s\n", r->lines[i]);
    if (r->nlines)
        sbuf_puts(out, "\n");
    for (int i = 0; i < r->ntables; i++)
        write_one(&r->tables[i], out);
}
