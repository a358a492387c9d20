/*
 * merge.c — merging an override into a document; see merge.h.
 */
#include "doc/merge.h"

#include <stdio.h>
#include <string.h>

#include "base/limit.h"

typedef struct removal { const char *kind, *id; } removal;

typedef struct mctx {
    arena *a;
    diag_list *d;
    const merge_rules *r;
    const char *what;
    removal *removed;
    int nremoved, cap;
} mctx;

/* Directive keys an override item may carry; never copied into results. */
static int is_directive(const char *key)
{
    return key && (!strcmp(key, "add") || !strcmp(key, "remove") || !strcmp(key, "replace"));
}

static int flag(const node *item, const char *key)
{
    const node *v = node_map_get(item, key);
    return v && v->kind == NODE_BOOL && v->v.boolean;
}

const char *doc_item_id(const node *n)
{
    const node *id = n && n->kind == NODE_MAP ? node_map_get(n, "id") : NULL;
    return id && id->kind == NODE_STR ? id->v.str.s : NULL;
}

/* A copy of N without directive keys, positions kept. */
static node *copy_clean(mctx *m, const node *n)
{
    long budget = (long)limit_count(LIM_NODES);
    node *c = node_copy(m->a, n, &budget);
    if (c && c->kind == NODE_MAP)
        for (node *k = c->first, *next; k; k = next) {
            next = k->next;
            if (is_directive(k->key))
                node_remove(c, k);
        }
    return c;
}

/* Whether every item of SEQ is a mapping with an id (and there is one). */
static int id_list(const node *seq)
{
    if (!seq || seq->kind != NODE_SEQ || !seq->count)
        return 0;
    for (const node *c = seq->first; c; c = c->next)
        if (!doc_item_id(c))
            return 0;
    return 1;
}

/* The item of SEQ with ID; HINT (or NULL), where it is likely to be, is
 * tried first: lists merged or compared item by item are mostly in the
 * same order, and a search from the start each time was quadratic. */
static node *find_item_near(const node *seq, const char *id, const node *hint)
{
    const char *hid = hint ? doc_item_id(hint) : NULL;
    if (hid && strcmp(hid, id) == 0)
        return (node *)hint;
    for (node *c = seq->first; c; c = c->next) {
        const char *cid = doc_item_id(c);
        if (cid && strcmp(cid, id) == 0)
            return c;
    }
    return NULL;
}

/* What removing an item of list KEY removes: "cards" for card lists. */
static const char *kind_of(const mctx *m, const char *key)
{
    for (const char *const *c = m->r->card_lists; c && *c; c++)
        if (strcmp(*c, key) == 0)
            return "cards";
    return key;
}

static void note_removal(mctx *m, const char *kind, const char *id)
{
    if (m->nremoved == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        removal *g = arena_alloc(m->a, sizeof *g * (size_t)m->cap);
        if (m->nremoved)
            memcpy(g, m->removed, sizeof *g * (size_t)m->nremoved);
        m->removed = g;
    }
    m->removed[m->nremoved++] = (removal){ kind, id };
}

static void unknown_id(mctx *m, const node *base, const node *item, const char *key,
                       const char *id)
{
    int n = 0;
    const char **names = arena_alloc(m->a, sizeof *names * (size_t)(base->count + 1));
    for (const node *c = base->first; c; c = c->next)
        if (doc_item_id(c))
            names[n++] = doc_item_id(c);
    const node *at = node_map_get(item, "id");
    diag_add(m->d, DIAG_ERROR, at->file, at->line, at->col, key, "%s has no item \"%s\" "
             "to change (to add a new one, write add: true); %s", m->what, id,
             diag_choices(m->a, id, names, n));
}

static node *merge_value(mctx *m, node *base, const node *over, const char *key);

static void merge_map(mctx *m, node *base, const node *over)
{
    for (const node *o = over->first; o; o = o->next) {
        if (is_directive(o->key))
            continue;
        node *b = node_map_get(base, o->key);
        if (o->kind == NODE_NULL) {         /* key: ~ removes it */
            if (b)
                node_remove(base, b);
            continue;
        }
        if (!b) {
            node *c = copy_clean(m, o);
            if (c)
                node_append(base, c);
            continue;
        }
        node *merged = merge_value(m, b, o, o->key);
        if (merged != b && merged) {
            merged->key_line = o->key_line;
            merged->key_col = o->key_col;
            node_replace(base, b, merged);
        }
    }
}

/* FOUND redefined by O: O's keys, and the kept keys of FOUND it lacks. */
static node *redefine(mctx *m, const node *found, const node *o)
{
    node *c = copy_clean(m, o);
    for (const char *const *k = m->r->redefine_keep; c && k && *k; k++) {
        const node *keep = node_map_get(found, *k);
        if (keep && !node_map_get(c, *k)) {
            long budget = (long)limit_count(LIM_NODES);
            node *kc = node_copy(m->a, keep, &budget);
            if (kc)
                node_append(c, kc);
        }
    }
    return c;
}

/* One item O of an override of the id list BASE (under KEY); *NEAR is
 * where the next one is likely to be (after this one). */
static void merge_item(mctx *m, node *base, const node *o, const char *key,
                       const node **near)
{
    const char *id = doc_item_id(o);
    node *found = find_item_near(base, id, *near);
    *near = found ? found->next : NULL;
    if (flag(o, "add")) {
        if (found) {
            const node *at = node_map_get(o, "id");
            diag_add(m->d, DIAG_ERROR, at->file, at->line, at->col, key, "%s already "
                     "has \"%s\"; leave out add: true to change it", m->what, id);
            return;
        }
        node *c = copy_clean(m, o);
        if (c)
            node_append(base, c);
        return;
    }
    if (!found) {
        unknown_id(m, base, o, key, id);
        return;
    }
    int redefined = m->r->redefine_list && !strcmp(key, m->r->redefine_list)
                    && node_map_get(o, m->r->redefine_field);
    if (flag(o, "remove")) {
        node_remove(base, found);
        note_removal(m, kind_of(m, key), id);
    } else if (flag(o, "replace") || redefined) {
        node *c = flag(o, "replace") ? copy_clean(m, o) : redefine(m, found, o);
        if (c)
            node_replace(base, found, c);
    } else {
        merge_map(m, found, o);
    }
}

static node *merge_value(mctx *m, node *base, const node *over, const char *key)
{
    if (over->kind == NODE_MAP && base->kind == NODE_MAP) {
        merge_map(m, base, over);
        return base;
    }
    if (over->kind == NODE_SEQ && id_list(over) && id_list(base)) {
        const node *near = base->first;
        for (const node *o = over->first; o; o = o->next)
            merge_item(m, base, o, key, &near);
        return base;
    }
    return copy_clean(m, over);
}

/* ---- references to removed entities ------------------------------------- */

/* Remove what refers to ID at the container N (REF says how); PARENT holds
 * N, for a mapping that goes whole. */
static void drop_refs(node *parent, node *n, const merge_ref *ref, const char *id)
{
    if (ref->how == REF_KEY && n->kind == NODE_MAP) {
        node *k = node_map_get(n, id);
        if (k)
            node_remove(n, k);
        return;
    }
    if (n->kind == NODE_MAP && (ref->how == REF_ITEM || ref->how == REF_FIELD)) {
        const node *f = node_map_get(n, ref->field);
        if (!f || f->kind != NODE_STR || strcmp(f->v.str.s, id) != 0)
            return;
        if (ref->how == REF_FIELD)
            node_remove(n, (node *)f);
        else if (parent)
            node_remove(parent, n);     /* a single change that is the list */
        return;
    }
    if (n->kind != NODE_SEQ)
        return;
    for (node *c = n->first, *next; c; c = next) {
        next = c->next;
        if (ref->how == REF_VALUE && c->kind == NODE_STR && !strcmp(c->v.str.s, id))
            node_remove(n, c);
        else if (ref->how == REF_ITEM || ref->how == REF_FIELD)
            drop_refs(n, c, ref, id);
    }
}

/* Follow PATH (segments "name" or "name[]") from N to the containers it
 * names. */
static void walk_refs(node *parent, node *n, const char *path, const merge_ref *ref,
                      const char *id)
{
    if (!n)
        return;
    if (!*path) {
        drop_refs(parent, n, ref, id);
        return;
    }
    size_t seg = strcspn(path, ".");
    const char *rest = path[seg] ? path + seg + 1 : path + seg;
    int each = seg > 2 && path[seg - 2] == '[' && path[seg - 1] == ']';
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(each ? seg - 2 : seg), path);
    node *child = n->kind == NODE_MAP ? node_map_get(n, name) : NULL;
    if (!child)
        return;
    if (!each || child->kind == NODE_MAP) {
        walk_refs(n, child, rest, ref, id);
        return;
    }
    if (child->kind != NODE_SEQ)
        return;
    for (node *c = child->first, *next; c; c = next) {
        next = c->next;
        walk_refs(child, c, rest, ref, id);
    }
}

node *doc_merge(arena *a, node *base, const node *over, const merge_rules *rules,
                const char *what, diag_list *d)
{
    mctx m = { a, d, rules, what, NULL, 0, 0 };
    if (!base || !over)
        return base;
    if (base->kind == NODE_MAP && over->kind == NODE_MAP)
        merge_map(&m, base, over);
    for (int i = 0; i < m.nremoved; i++)
        for (int k = 0; k < rules->nrefs; k++)
            if (strcmp(rules->refs[k].kind, m.removed[i].kind) == 0)
                walk_refs(NULL, base, rules->refs[k].path, &rules->refs[k], m.removed[i].id);
    return base;
}

/* ---- positions ------------------------------------------------------------ */

static int same_scalar(const node *a, const node *b)
{
    if (a->kind != b->kind)
        return a->kind == NODE_INT && b->kind == NODE_FLOAT
               ? (double)a->v.integer == b->v.number
               : a->kind == NODE_FLOAT && b->kind == NODE_INT
               ? a->v.number == (double)b->v.integer : 0;
    switch (a->kind) {
    case NODE_STR: return a->v.str.len == b->v.str.len
                          && memcmp(a->v.str.s, b->v.str.s, a->v.str.len) == 0;
    case NODE_INT: return a->v.integer == b->v.integer;
    case NODE_FLOAT: return a->v.number == b->v.number;
    case NODE_BOOL: return a->v.boolean == b->v.boolean;
    default: return 1;
    }
}

/* The value of KEY in SRC, tried first at NEAR: keys mostly come in the
 * same order, and a search from the start each time was quadratic. */
static const node *key_near(const node *src, const char *key, const node *near)
{
    if (near && near->key && key && strcmp(near->key, key) == 0)
        return near;
    return node_map_get(src, key);
}

static void copy_map_positions(node *dst, const node *src)
{
    const node *near = src->first;
    for (node *c = dst->first; c; c = c->next) {
        const node *s = key_near(src, c->key, near);
        near = s ? s->next : NULL;
        if (s && s->file) {
            c->key_line = s->key_line;
            c->key_col = s->key_col;
        }
        doc_copy_positions(c, s);
    }
}

static void copy_seq_positions(node *dst, const node *src)
{
    const node *s = src->first;
    for (node *c = dst->first; c; c = c->next) {
        const char *id = doc_item_id(c);
        const node *from = id ? find_item_near(src, id, s) : s;
        doc_copy_positions(c, from);
        s = from ? from->next : s ? s->next : NULL;
    }
}

void doc_copy_positions(node *dst, const node *src)
{
    if (!dst || !src)
        return;
    int container = dst->kind == NODE_MAP || dst->kind == NODE_SEQ;
    if (dst->kind == NODE_MAP && src->kind == NODE_MAP)
        copy_map_positions(dst, src);
    else if (dst->kind == NODE_SEQ && src->kind == NODE_SEQ)
        copy_seq_positions(dst, src);
    if (src->file && (container ? dst->kind == src->kind : same_scalar(dst, src))) {
        dst->file = src->file;
        dst->line = src->line;
        dst->col = src->col;
    }
}
