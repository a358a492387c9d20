/*
 * report.c — the document and the choice of writer; see report.h.
 */
#include "report/report.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsout.h"
#include "doc/json.h"
#include "doc/yaml.h"
#include "render/layout.h"

void report_init(report_doc *r, arena *a, const char *title)
{
    memset(r, 0, sizeof *r);
    r->a = a;
    r->title = title;
    r->data = rnode_map(a);
    r->detail_from = -1;
}

/* Make room for one more of N items of SIZE bytes in *ITEMS (in A). */
static void *grow(arena *a, void *items, int n, int *cap, size_t size)
{
    if (n < *cap)
        return items;
    int ncap = *cap ? *cap * 2 : 8;
    void *g = arena_alloc(a, size * (size_t)ncap);
    if (n)
        memcpy(g, items, size * (size_t)n);
    *cap = ncap;
    return g;
}

void report_line(report_doc *r, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = arena_alloc(r->a, (size_t)(n > 0 ? n : 0) + 1);
    vsnprintf(s, (size_t)(n > 0 ? n : 0) + 1, fmt, ap2);
    va_end(ap2);
    r->lines = grow(r->a, (void *)r->lines, r->nlines, &r->lines_cap, sizeof *r->lines);
    r->lines[r->nlines++] = s;
}

table *report_table(report_doc *r, const char *title, const table_col *cols, int ncols,
                    const node *rows)
{
    r->tables = grow(r->a, r->tables, r->ntables, &r->tables_cap, sizeof *r->tables);
    table *t = &r->tables[r->ntables++];
    memset(t, 0, sizeof *t);
    t->title = title;
    t->cols = cols;
    t->ncols = ncols;
    t->rows = rows;
    return t;
}

table *report_main_table(report_doc *r, const char *title, const table_col *cols, int ncols,
                         const node *rows)
{
    report_table(r, title, cols, ncols, rows);
    if (r->detail_from < 0)
        return &r->tables[r->ntables - 1];
    /* move it in front of the detail tables */
    table t = r->tables[r->ntables - 1];
    memmove(&r->tables[r->detail_from + 1], &r->tables[r->detail_from],
            sizeof t * (size_t)(r->ntables - 1 - r->detail_from));
    r->tables[r->detail_from] = t;
    return &r->tables[r->detail_from++];
}

void report_mark_detail(report_doc *r)
{
    r->detail_from = r->ntables;
}

void report_render(const report_doc *r, out_format f, int detail, sbuf *out)
{
    switch (f) {
    case FMT_TABLE:
        report_write_table(r, detail, out);
        break;
    case FMT_MD:
        report_write_md(r, out);
        break;
    case FMT_CSV:
        report_write_csv(r, out);
        break;
    case FMT_JSON:
        json_write(out, r->data);
        break;
    case FMT_YAML: {
        diag_list d;
        diag_init(&d);
        size_t len;
        char *text = yaml_emit(r->data, &len, &d);
        if (text)
            sbuf_put(out, text, len);
        else
            out->failed = 1;
        free(text);
        diag_free(&d);
        break;
    }
    default:
        out->failed = 1;    /* pictures go through render/ */
    }
}

int report_write(const report_doc *r, out_format f, const char *path, int detail,
                 diag_list *d)
{
    sbuf b = { 0 };
    report_render(r, f, detail, &b);
    size_t len;
    char *text = sbuf_finish(&b, &len);
    if (!text) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "out of memory writing the report");
        d->internal = 1;
        return -1;
    }
    int rc = fsout_write_file(path ? path : "-", text, len, d);
    free(text);
    return rc;
}

void report_pages(rdoc *doc, const report_doc *r, const layout_options *o)
{
    layout_tables(doc, r->title, r->lines, r->nlines, r->tables, r->ntables, o);
}

/* ---- building result trees ------------------------------------------------ */

node *rnode_map(arena *a)
{
    return node_new(a, NODE_MAP, NULL, 0, 0);
}

node *rnode_seq(arena *a)
{
    return node_new(a, NODE_SEQ, NULL, 0, 0);
}

node *rnode_str(arena *a, const char *s)
{
    return s ? node_new_str(a, s, strlen(s)) : node_new(a, NODE_NULL, NULL, 0, 0);
}

node *rnode_num(arena *a, double v)
{
    return isfinite(v) ? node_new_float(a, v) : node_new(a, NODE_NULL, NULL, 0, 0);
}

node *rnode_int(arena *a, long long v)
{
    return node_new_int(a, v);
}

void rnode_put(arena *a, node *map, const char *key, node *value)
{
    node_map_put(a, map, key, value);
}
