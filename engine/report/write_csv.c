/*
 * write_csv.c — a report's first table as CSV (RFC 4180); see report.h.
 *
 * Lines end in CRLF; a field with a comma, a quote, a CR or an LF (or
 * spaces at either end) is quoted, its quotes doubled.  The header row has
 * each column's key, and KEY_ci95 for a column with an interval; numbers
 * are written unrounded.
 */
#include "report/report.h"

#include <string.h>

static void put_field(sbuf *out, const char *s, size_t n)
{
    int quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        sbuf_put(out, s, n);
        return;
    }
    sbuf_put(out, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            sbuf_put(out, "\"", 1);
        sbuf_put(out, s + i, 1);
    }
    sbuf_put(out, "\"", 1);
}

void report_write_csv(const report_doc *r, sbuf *out)
{
    if (r->ntables)
        table_write_csv(&r->tables[0], out);
}

void table_write_csv(const table *t, sbuf *out)
{
    for (int k = 0; k < t->ncols; k++) {
        if (k)
            sbuf_put(out, ",", 1);
        put_field(out, t->cols[k].key, strlen(t->cols[k].key));
        if (t->cols[k].ci_key) {
            sbuf_put(out, ",", 1);
            put_field(out, t->cols[k].ci_key, strlen(t->cols[k].ci_key));
        }
    }
    sbuf_puts(out, "\r\n");
    for (const node *row = t->rows ? t->rows->first : NULL; row; row = row->next) {
        for (int k = 0; k < t->ncols; k++) {
            for (int ci = 0; ci <= (t->cols[k].ci_key != NULL); ci++) {
                if (k || ci)
                    sbuf_put(out, ",", 1);
                sbuf cellb = { 0 };
                table_cell_raw(&cellb, &t->cols[k], row, ci);
                put_field(out, cellb.data ? cellb.data : "", cellb.len);
                sbuf_free(&cellb);
            }
        }
        sbuf_puts(out, "\r\n");
    }
}
