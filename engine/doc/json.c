/*
 * json.c — node trees as JSON; see json.h.
 */
#include "doc/json.h"

#include <stdio.h>
#include <string.h>

#include "doc/yaml.h"

static void jindent(sbuf *b, int depth)
{
    sbuf_put(b, "\n", 1);
    for (int i = 0; i < depth; i++)
        sbuf_put(b, "  ", 2);
}

static void jnode(sbuf *b, const node *n, int depth)
{
    char buf[48];
    switch (n->kind) {
    case NODE_NULL:
        sbuf_lit(b, "null");
        return;
    case NODE_BOOL:
        sbuf_puts(b, n->v.boolean ? "true" : "false");
        return;
    case NODE_INT:
        snprintf(buf, sizeof buf, "%lld", n->v.integer);
        sbuf_puts(b, buf);
        return;
    case NODE_FLOAT:
        yaml_format_float(n->v.number, buf, 1);
        sbuf_puts(b, buf);
        return;
    case NODE_STR:
        sbuf_json_string(b, n->v.str.s, n->v.str.len);
        return;
    case NODE_SEQ:
    case NODE_MAP: {
        int map = n->kind == NODE_MAP;
        sbuf_puts(b, map ? "{" : "[");
        for (const node *c = n->first; c; c = c->next) {
            jindent(b, depth + 1);
            if (map) {
                sbuf_json_string(b, c->key, strlen(c->key));
                sbuf_lit(b, ": ");
            }
            jnode(b, c, depth + 1);
            if (c->next)
                sbuf_lit(b, ",");
        }
        if (n->count)
            jindent(b, depth);
        sbuf_puts(b, map ? "}" : "]");
        return;
    }
    }
}

void json_write(sbuf *b, const node *root)
{
    jnode(b, root, 0);
    sbuf_lit(b, "\n");
}

char *json_emit(const node *root, size_t *len, diag_list *d)
{
    sbuf b = { 0 };
    json_write(&b, root);
    char *text = sbuf_finish(&b, len);
    if (!text) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory writing JSON");
        d->internal = 1;
    }
    return text;
}

