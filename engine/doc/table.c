/*
 * table.c — cells of a table over a node tree; see table.h.
 */
#include "doc/table.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "doc/yaml.h"

/* The number N holds, or NAN. */
static double number_of(const node *n)
{
    if (!n)
        return NAN;
    if (n->kind == NODE_INT)
        return (double)n->v.integer;
    if (n->kind == NODE_FLOAT)
        return n->v.number;
    return NAN;
}

int table_col_numeric(const table_col *c)
{
    return c->kind != COL_TEXT;
}

static void put_list(sbuf *b, const node *n, const char *sep)
{
    int first = 1;
    for (const node *c = n->first; c; c = c->next) {
        if (c->kind != NODE_STR)
            continue;
        if (!first)
            sbuf_puts(b, sep);
        sbuf_put(b, c->v.str.s, c->v.str.len);
        first = 0;
    }
}

/* V in the column's unit: a share as percent, points as percent points. */
static double scaled(const table_col *c, double v)
{
    return c->kind == COL_PCT || c->kind == COL_PTS ? 100 * v : v;
}

void table_cell_text(sbuf *b, const table_col *c, const node *row)
{
    const node *v = node_map_get(row, c->key);
    if (!v || v->kind == NODE_NULL) {
        sbuf_puts(b, "-");
        return;
    }
    if (v->kind == NODE_STR) {
        sbuf_put(b, v->v.str.s, v->v.str.len);
        return;
    }
    if (v->kind == NODE_SEQ) {
        put_list(b, v, ", ");
        return;
    }
    if (v->kind == NODE_BOOL) {
        sbuf_puts(b, v->v.boolean ? "yes" : "no");
        return;
    }
    double x = number_of(v);
    if (isnan(x)) {
        sbuf_puts(b, "-");
        return;
    }
    int dec = c->kind == COL_INT ? 0 : c->decimals;
    sbuf_printf(b, (c->flags & COL_SIGNED) ? "%+.*f" : "%.*f", dec, scaled(c, x));
    if (c->kind == COL_PCT)
        sbuf_puts(b, "%");
    else if (c->kind == COL_PTS)
        sbuf_puts(b, " pts");
    double ci = c->ci_key ? number_of(node_map_get(row, c->ci_key)) : NAN;
    if (!isnan(ci)) {
        sbuf_printf(b, " ± %.*f", dec, scaled(c, ci));
        if ((c->flags & COL_SIGNIFICANCE) && fabs(x) <= ci)
            sbuf_puts(b, " (n.s.)");
    }
}

void table_cell_raw(sbuf *b, const table_col *c, const node *row, int ci)
{
    const node *v = node_map_get(row, ci ? c->ci_key : c->key);
    if (!v || v->kind == NODE_NULL)
        return;
    char buf[48];
    switch (v->kind) {
    case NODE_STR:
        sbuf_put(b, v->v.str.s, v->v.str.len);
        break;
    case NODE_SEQ:
        put_list(b, v, "; ");
        break;
    case NODE_BOOL:
        sbuf_puts(b, v->v.boolean ? "true" : "false");
        break;
    case NODE_INT:
        sbuf_printf(b, "%lld", v->v.integer);
        break;
    case NODE_FLOAT:
        if (isfinite(v->v.number)) {
            yaml_format_float(v->v.number, buf, 1);
            sbuf_puts(b, buf);
        }
        break;
    default:
        break;
    }
}
