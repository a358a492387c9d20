/*
 * node.c — building and querying document trees; see node.h.
 */
#include "doc/node.h"

#include <string.h>

node *node_new(arena *a, node_kind kind, const char *file, int line, int col)
{
    node *n = arena_alloc(a, sizeof *n);
    n->kind = kind;
    n->file = file;
    n->line = line;
    n->col = col;
    return n;
}

node *node_new_str(arena *a, const char *s, size_t len)
{
    node *n = node_new(a, NODE_STR, NULL, 0, 0);
    n->v.str.s = arena_strndup(a, s, len);
    n->v.str.len = len;
    return n;
}

node *node_new_int(arena *a, long long v)
{
    node *n = node_new(a, NODE_INT, NULL, 0, 0);
    n->v.integer = v;
    return n;
}

node *node_new_float(arena *a, double v)
{
    node *n = node_new(a, NODE_FLOAT, NULL, 0, 0);
    n->v.number = v;
    return n;
}

node *node_new_bool(arena *a, int v)
{
    node *n = node_new(a, NODE_BOOL, NULL, 0, 0);
    n->v.boolean = v != 0;
    return n;
}

void node_append(node *parent, node *child)
{
    child->next = NULL;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
    parent->count++;
}

void node_map_put(arena *a, node *map, const char *key, node *child)
{
    child->key = arena_strdup(a, key);
    node_append(map, child);
}

void node_remove(node *parent, node *child)
{
    node *prev = NULL;
    for (node *c = parent->first; c; prev = c, c = c->next) {
        if (c != child)
            continue;
        if (prev)
            prev->next = c->next;
        else
            parent->first = c->next;
        if (parent->last == c)
            parent->last = prev;
        parent->count--;
        c->next = NULL;
        return;
    }
}

void node_replace(node *parent, node *old, node *child)
{
    node *prev = NULL;
    for (node *c = parent->first; c; prev = c, c = c->next) {
        if (c != old)
            continue;
        child->next = c->next;
        child->key = c->key;
        child->key_line = c->key_line;
        child->key_col = c->key_col;
        if (prev)
            prev->next = child;
        else
            parent->first = child;
        if (parent->last == c)
            parent->last = child;
        c->next = NULL;
        return;
    }
}

node *node_map_get(const node *map, const char *key)
{
    if (!map || map->kind != NODE_MAP)
        return NULL;
    for (node *c = map->first; c; c = c->next)
        if (strcmp(c->key, key) == 0)
            return c;
    return NULL;
}

node *node_copy(arena *a, const node *n, long *budget)
{
    if (--*budget < 0)
        return NULL;
    node *c = arena_alloc(a, sizeof *c);
    *c = *n;
    c->next = c->first = c->last = NULL;
    c->count = 0;
    for (const node *k = n->first; k; k = k->next) {
        node *kc = node_copy(a, k, budget);
        if (!kc)
            return NULL;
        node_append(c, kc);
    }
    return c;
}

long node_size(const node *n)
{
    long total = 1;
    for (const node *k = n->first; k; k = k->next)
        total += node_size(k);
    return total;
}

const char *node_kind_name(node_kind kind)
{
    switch (kind) {
    case NODE_NULL: return "null";
    case NODE_BOOL: return "a boolean";
    case NODE_INT: return "an integer";
    case NODE_FLOAT: return "a number";
    case NODE_STR: return "a string";
    case NODE_SEQ: return "a list";
    case NODE_MAP: return "a mapping";
    }
    return "a value";
}

int node_is_map(const node *n)
{
    return n && (n->kind == NODE_MAP);
}

int node_is_seq(const node *n)
{
    return n && (n->kind == NODE_SEQ
                 || (n->kind == NODE_MAP && (n->flags & NODE_EMPTY_TABLE)));
}
