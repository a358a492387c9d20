/*
 * csv_rows.c — CSV files as rows of named cells; see csv_rows.h.  libcsv
 * calls back per field and per row end; the line of a row is counted from
 * the line breaks before it.
 */
#include "doc/csv_rows.h"

#include <string.h>

#include <csv.h>

#include "doc/textcheck.h"

typedef struct rows_ctx {
    arena *a;
    const char *file;
    const char *text;
    node *rows;
    const char **header;
    int header_n, header_cap;
    node *row;              /* the row being read (NULL: the header) */
    int field, line, in_header;
} rows_ctx;

static void on_field(void *s, size_t len, void *data)
{
    rows_ctx *c = data;
    const char *f = s ? s : "";
    if (c->in_header) {
        if (c->header_n == c->header_cap) {
            int cap = c->header_cap ? 2 * c->header_cap : 16;
            const char **h = arena_alloc(c->a, sizeof *h * (size_t)cap);
            if (c->header_n)
                memcpy(h, c->header, sizeof *h * (size_t)c->header_n);
            c->header = h;
            c->header_cap = cap;
        }
        /* a spreadsheet's byte-order mark before the first name */
        if (!c->header_n && len >= 3 && !memcmp(f, "\xEF\xBB\xBF", 3))
            f += 3, len -= 3;
        c->header[c->header_n++] = arena_strndup(c->a, f, len);
        return;
    }
    if (!c->row) {
        c->row = node_new(c->a, NODE_MAP, c->file, c->line, 1);
        c->field = 0;
    }
    if (c->field < c->header_n && len) {
        node *v = node_new_str(c->a, arena_strndup(c->a, f, len), len);
        v->file = c->file;
        v->line = c->line;
        v->col = c->field + 1;
        node_map_put(c->a, c->row, c->header[c->field], v);
    }
    c->field++;
}

static void on_row(int term, void *data)
{
    (void)term;
    rows_ctx *c = data;
    if (c->in_header)
        c->in_header = 0;
    else if (c->row)
        node_append(c->rows, c->row);
    c->row = NULL;
    c->line++;
}

node *csv_rows(arena *a, const char *file, const char *text, size_t len, diag_list *d)
{
    long bad = textcheck_utf8(text, len);
    if (bad >= 0) {
        diag_add(d, DIAG_ERROR, file, 0, 0, NULL, "the file is not UTF-8 text (byte 0x%02X "
                 "at offset %ld)", (unsigned char)text[bad], bad);
        return NULL;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        diag_add(d, DIAG_ERROR, file, 0, 0, NULL, "out of memory reading CSV");
        return NULL;
    }
    rows_ctx c = { .a = a, .file = file, .text = text, .line = 1, .in_header = 1 };
    c.rows = node_new(a, NODE_SEQ, file, 1, 1);
    size_t done = csv_parse(&p, text, len, on_field, on_row, &c);
    int err = done != len ? csv_error(&p) : 0;
    if (!err && csv_fini(&p, on_field, on_row, &c) != 0)
        err = csv_error(&p);
    csv_free(&p);
    if (err) {
        diag_add(d, DIAG_ERROR, file, c.line, 0, NULL, "malformed CSV: %s", csv_strerror(err));
        return NULL;
    }
    if (!c.header_n) {
        diag_add(d, DIAG_ERROR, file, 1, 1, NULL, "expected a header row naming the columns");
        return NULL;
    }
    return c.rows;
}
