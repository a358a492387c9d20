/*
 * emit.c — normalized YAML and JSON output; see emit.h.
 */
#include "model/emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "doc/yaml.h"

int emit_format_from_name(const char *name)
{
    if (strcmp(name, "yaml") == 0 || strcmp(name, "yml") == 0)
        return EMIT_YAML;
    if (strcmp(name, "json") == 0)
        return EMIT_JSON;
    return -1;
}

int emit_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return -1;
    return emit_format_from_name(dot + 1);
}

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
        sbuf_puts(b, "null");
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
                sbuf_puts(b, ": ");
            }
            jnode(b, c, depth + 1);
            if (c->next)
                sbuf_puts(b, ",");
        }
        if (n->count)
            jindent(b, depth);
        sbuf_puts(b, map ? "}" : "]");
        return;
    }
    }
}

char *emit_json(const node *root, size_t *len, diag_list *d)
{
    sbuf b = { 0 };
    jnode(&b, root, 0);
    sbuf_puts(&b, "\n");
    char *text = sbuf_finish(&b, len);
    if (!text) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory writing JSON");
        d->internal = 1;
    }
    return text;
}

char *emit_journey(const cjm_journey *j, emit_format format, size_t *len,
                   diag_list *d)
{
    arena a;
    arena_init(&a);
    node *root = model_to_node(&a, j);
    char *text = format == EMIT_JSON ? emit_json(root, len, d)
                                     : yaml_emit(root, len, d);
    arena_free(&a);
    return text;
}
