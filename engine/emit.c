/*
 * emit.c — normalized YAML and JSON output; see emit.h.
 */
#include "emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml.h"

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

typedef struct jbuf {
    char *data;
    size_t len, cap;
    int failed;
} jbuf;

static void jput(jbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void jputs(jbuf *b, const char *s)
{
    jput(b, s, strlen(s));
}

static void jstring(jbuf *b, const char *s, size_t len)
{
    jput(b, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': jputs(b, "\\\""); break;
        case '\\': jputs(b, "\\\\"); break;
        case '\n': jputs(b, "\\n"); break;
        case '\r': jputs(b, "\\r"); break;
        case '\t': jputs(b, "\\t"); break;
        default:
            if (c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
                jputs(b, esc);
            } else {
                jput(b, (const char *)&s[i], 1);
            }
        }
    }
    jput(b, "\"", 1);
}

static void jindent(jbuf *b, int depth)
{
    jput(b, "\n", 1);
    for (int i = 0; i < depth; i++)
        jput(b, "  ", 2);
}

static void jnode(jbuf *b, const node *n, int depth)
{
    char buf[48];
    switch (n->kind) {
    case NODE_NULL:
        jputs(b, "null");
        return;
    case NODE_BOOL:
        jputs(b, n->v.boolean ? "true" : "false");
        return;
    case NODE_INT:
        snprintf(buf, sizeof buf, "%lld", n->v.integer);
        jputs(b, buf);
        return;
    case NODE_FLOAT:
        yaml_format_float(n->v.number, buf, 1);
        jputs(b, buf);
        return;
    case NODE_STR:
        jstring(b, n->v.str.s, n->v.str.len);
        return;
    case NODE_SEQ:
    case NODE_MAP: {
        int map = n->kind == NODE_MAP;
        jputs(b, map ? "{" : "[");
        for (const node *c = n->first; c; c = c->next) {
            jindent(b, depth + 1);
            if (map) {
                jstring(b, c->key, strlen(c->key));
                jputs(b, ": ");
            }
            jnode(b, c, depth + 1);
            if (c->next)
                jputs(b, ",");
        }
        if (n->count)
            jindent(b, depth);
        jputs(b, map ? "}" : "]");
        return;
    }
    }
}

char *emit_json(const node *root, size_t *len, diag_list *d)
{
    jbuf b = { 0 };
    jnode(&b, root, 0);
    jputs(&b, "\n");
    if (b.failed) {
        free(b.data);
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory writing JSON");
        d->internal = 1;
        return NULL;
    }
    *len = b.len;
    return b.data;
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
