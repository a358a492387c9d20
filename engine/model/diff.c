/*
 * diff.c — two journeys compared thing by thing; see diff.h.
 *
 * Both journeys are turned into their normalized trees (model_to_node),
 * each thing becomes an entry (kind, id, label, phase, its node), and the
 * entries are matched in two passes: by id, then by label.  Fields are
 * compared as their inline YAML, so any field the format has is compared
 * without a list of them here.
 */
#include "model/diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/idmap.h"
#include "doc/yaml.h"

static const char *const change_names[] = {
    "added", "removed", "changed", "moved", "renamed", NULL
};

const char *const *diff_change_names(void)
{
    return change_names;
}

typedef struct entry {
    const char *kind, *id, *label, *phase;
    int index;
    const node *n;
    int match;              /* the entry matched on the other side, or -1 */
} entry;

typedef struct side {
    entry *e;
    int count, cap;
    idmap personas;         /* persona id -> its entry, made for emotions */
} side;

typedef struct dctx {
    arena *a;
    side old, new_s;
    journey_diff *out;
    int items_cap;
} dctx;

/* A phase's lists of plain texts (project journeys), beside its cards
 * (model_card_lists), and what one item is called. */
static const struct { const char *key, *kind; } text_lists[] = {
    { "activities", "activity" }, { "content", "content" },
    { "deliverables", "deliverable" }, { "questions", "question" },
};
/* Fields of a phase, and of the journey, that are lists of things of
 * their own (compared thing by thing). */
static const char *const phase_parts[] = {
    "steps", "actions", "thoughts", "pains", "opportunities", "needs", "activities",
    "content", "deliverables", "questions", "blueprint", "emotions", NULL
};
static const char *const journey_parts[] = {
    "personas", "touchpoints", "phases", "actions", "scenarios", NULL
};

static const char *str_of(const node *n, const char *key)
{
    const node *v = n && n->kind == NODE_MAP ? node_map_get(n, key) : NULL;
    return v && v->kind == NODE_STR ? v->v.str.s : NULL;
}

static void add_entry(dctx *c, side *s, const char *kind, const node *n, const char *label_key,
                      const char *phase, int index)
{
    if (s->count == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        entry *e = arena_alloc(c->a, sizeof *e * (size_t)s->cap);
        if (s->count)
            memcpy(e, s->e, sizeof *e * (size_t)s->count);
        s->e = e;
    }
    const char *label = n->kind == NODE_STR ? n->v.str.s : str_of(n, label_key);
    s->e[s->count++] = (entry){ kind, n->kind == NODE_MAP ? str_of(n, "id") : NULL,
                                label ? label : "", phase, index, n, -1 };
}

static void add_list(dctx *c, side *s, const node *list, const char *kind,
                     const char *label_key, const char *phase)
{
    int k = 0;
    for (const node *n = list ? list->first : NULL; n; n = n->next, k++)
        add_entry(c, s, kind, n, label_key, phase, k);
}

/* Every thing of journey tree ROOT onto S. */
static void collect(dctx *c, side *s, const node *root)
{
    add_entry(c, s, "journey", root, "title", NULL, 0);
    add_list(c, s, node_map_get(root, "personas"), "persona", "name", NULL);
    add_list(c, s, node_map_get(root, "touchpoints"), "touchpoint", "name", NULL);
    add_list(c, s, node_map_get(root, "phases"), "phase", "name", NULL);
    add_list(c, s, node_map_get(root, "actions"), "action", "title", NULL);
    add_list(c, s, node_map_get(root, "scenarios"), "scenario", "name", NULL);
    const node *phases = node_map_get(root, "phases");
    for (const node *ph = phases ? phases->first : NULL; ph; ph = ph->next) {
        const char *pid = str_of(ph, "id");
        const node *bp = node_map_get(ph, "blueprint");
        int nl;
        const cjm_card_list *lists = model_card_lists(&nl);
        for (int l = 0; l < nl; l++) {
            const node *in = lists[l].blueprint ? bp : ph;
            if (in)
                add_list(c, s, node_map_get(in, lists[l].key), lists[l].kind, "text", pid);
        }
        for (size_t l = 0; l < sizeof text_lists / sizeof text_lists[0]; l++)
            add_list(c, s, node_map_get(ph, text_lists[l].key), text_lists[l].kind, "text", pid);
    }
}

/* ---- matching -------------------------------------------------------------------- */

static const char *key_of(arena *a, const entry *e, int by_label)
{
    return arena_printf(a, "%s\x1f%s", e->kind, by_label ? e->label : e->id);
}

/* The free entry of NEW that old entry O pairs with by label: along the
 * chain SAME of the entries with its kind and label, from K (the first),
 * one in O's phase if there is one, else the first free one; -1 when none
 * is free. */
static int by_label(const dctx *c, const entry *o, int k, const int *same)
{
    int first_free = -1;
    for (int q = k; q >= 0; q = same[q]) {
        const entry *n = &c->new_s.e[q];
        if (n->match >= 0)
            continue;
        if (!o->phase || (n->phase && strcmp(n->phase, o->phase) == 0))
            return q;
        if (first_free < 0)
            first_free = q;
    }
    return first_free;
}

/* Pair the entries of OLD and NEW with the same kind and id, then those
 * left with the same kind and label. */
static void match(dctx *c)
{
    int n = c->new_s.count;
    int *same = arena_alloc(c->a, sizeof(int) * (size_t)(n + 1));
    int *tail = arena_alloc(c->a, sizeof(int) * (size_t)(n + 1));
    for (int pass = 0; pass < 2; pass++) {
        idmap m;
        idmap_init(&m, c->a, n + 1);
        for (int i = 0; i < n; i++) {  /* the first of a key stays; the rest chained */
            entry *e = &c->new_s.e[i];
            same[i] = -1;
            if (e->match >= 0 || (!pass && !e->id))
                continue;
            int first = idmap_add_grow(&m, c->a, key_of(c->a, e, pass), i);
            if (first < 0) {
                tail[i] = i;
            } else {
                same[tail[first]] = i;
                tail[first] = i;
            }
        }
        for (int i = 0; i < c->old.count; i++) {
            entry *o = &c->old.e[i];
            if (o->match >= 0 || (!pass && !o->id))
                continue;
            int k = idmap_find(&m, key_of(c->a, o, pass));
            if (pass)
                k = by_label(c, o, k, same);
            if (k >= 0 && c->new_s.e[k].match < 0) {
                o->match = k;
                c->new_s.e[k].match = i;
            }
        }
    }
}

/* ---- what differs ---------------------------------------------------------------- */

static int is_part(const char *kind, const char *key)
{
    if (strcmp(key, "id") == 0)
        return 1;
    const char *const *parts = !strcmp(kind, "phase") ? phase_parts
                             : !strcmp(kind, "journey") ? journey_parts : NULL;
    for (int i = 0; parts && parts[i]; i++)
        if (strcmp(parts[i], key) == 0)
            return 1;
    return 0;
}

static const char *inline_of(arena *a, const node *n)
{
    if (!n)
        return "—";
    diag_list quiet;
    diag_init(&quiet);
    char *s = yaml_emit_inline(n, &quiet);
    const char *out = arena_strdup(a, s ? s : "?");
    free(s);
    diag_free(&quiet);
    return out;
}

/* The fields of maps O and N that differ, after OUT: "key: before →
 * after; ..." (a field that is a map on both sides by its own fields,
 * as "transitions.advance"); KIND's parts left out at the top. */
static const char *map_changes(dctx *c, const char *kind, const char *prefix,
                               const node *o, const node *n, const char *out)
{
    for (int side = 0; side < 2; side++) {
        const node *from = side ? n : o, *other = side ? o : n;
        for (const node *f = from->first; f; f = f->next) {
            if ((!*prefix && is_part(kind, f->key)) || (side && node_map_get(other, f->key)))
                continue;
            const node *g = node_map_get(other, f->key);
            const node *before = side ? g : f, *after = side ? f : g;
            const char *name = arena_printf(c->a, "%s%s", prefix, f->key);
            if (before && after && before->kind == NODE_MAP && after->kind == NODE_MAP) {
                out = map_changes(c, kind, arena_printf(c->a, "%s.", name), before, after, out);
                continue;
            }
            const char *a = inline_of(c->a, before), *b = inline_of(c->a, after);
            if (strcmp(a, b) == 0)
                continue;
            const char *one = arena_printf(c->a, "%s: %s → %s", name, a, b);
            out = out ? arena_printf(c->a, "%s; %s", out, one) : one;
        }
    }
    return out;
}

/* The fields of O and N that differ, or NULL. */
static const char *fields_changed(dctx *c, const char *kind, const node *o, const node *n)
{
    if (o->kind != NODE_MAP || n->kind != NODE_MAP) {
        const char *a = inline_of(c->a, o), *b = inline_of(c->a, n);
        return strcmp(a, b) ? arena_printf(c->a, "%s → %s", a, b) : NULL;
    }
    return map_changes(c, kind, "", o, n, NULL);
}

static diff_item *new_item(dctx *c)
{
    journey_diff *d = c->out;
    if (d->count == c->items_cap) {
        c->items_cap = c->items_cap ? 2 * c->items_cap : 64;
        diff_item *items = arena_alloc(c->a, sizeof *items * (size_t)c->items_cap);
        if (d->count)
            memcpy(items, d->items, sizeof *items * (size_t)d->count);
        d->items = items;
    }
    return &d->items[d->count++];
}

static void record(dctx *c, const entry *o, const entry *n)
{
    const entry *e = n ? n : o;
    diff_change ch;
    const char *fields = o && n ? fields_changed(c, e->kind, o->n, n->n) : NULL;
    if (!o)
        ch = DIFF_ADDED;
    else if (!n)
        ch = DIFF_REMOVED;
    else if (o->id && n->id && strcmp(o->id, n->id))
        ch = DIFF_RENAMED;
    else if (o->phase && n->phase && strcmp(o->phase, n->phase))
        ch = DIFF_MOVED;
    else if (fields)
        ch = DIFF_CHANGED;
    else
        return;
    diff_item *it = new_item(c);
    *it = (diff_item){ e->kind, ch, o ? o->id : NULL, n ? n->id : NULL, e->label,
                       o ? o->phase : NULL, n ? n->phase : NULL, o ? o->index : -1,
                       n ? n->index : -1, fields };
    c->out->counts[ch]++;
}

/* ---- emotion ---------------------------------------------------------------------- */

static double score_of(const node *emotions, const char *persona)
{
    const node *v = persona && emotions ? node_map_get(emotions, persona) : NULL;
    if (v && v->kind == NODE_MAP)
        v = node_map_get(v, "score");
    return !v ? NAN : v->kind == NODE_INT ? (double)v->v.integer
                    : v->kind == NODE_FLOAT ? v->v.number : NAN;
}

/* Index FROM's personas by id (once, before emotions are compared). */
static void index_personas(dctx *c, side *from)
{
    idmap_init(&from->personas, c->a, from->count + 1);
    for (int i = 0; i < from->count; i++)
        if (!strcmp(from->e[i].kind, "persona") && from->e[i].id)
            idmap_add(&from->personas, from->e[i].id, i);
}

/* The persona id on side TO for persona id P of side FROM, or NULL. */
static const char *persona_peer(const side *from, const side *to, const char *p)
{
    int i = p ? idmap_find(&from->personas, p) : -1;
    return i >= 0 && from->e[i].match >= 0 ? to->e[from->e[i].match].id : NULL;
}

static void add_emotion(dctx *c, const char *phase, const char *persona, double before,
                        double after)
{
    journey_diff *d = c->out;
    if (d->emotion_count % 64 == 0) {
        diff_emotion *e = arena_alloc(c->a, sizeof *e * (size_t)(d->emotion_count + 64));
        if (d->emotion_count)
            memcpy(e, d->emotions, sizeof *e * (size_t)d->emotion_count);
        d->emotions = e;
    }
    d->emotions[d->emotion_count++] = (diff_emotion){ phase, persona, before, after };
}

/* Scores that differ in phases on both sides (for personas on both sides,
 * or on one); a phase added or removed is a change of its own. */
static void emotions(dctx *c)
{
    index_personas(c, &c->old);
    index_personas(c, &c->new_s);
    for (int i = 0; i < c->new_s.count; i++) {
        const entry *n = &c->new_s.e[i];
        if (strcmp(n->kind, "phase") || n->match < 0)
            continue;
        const entry *o = &c->old.e[n->match];
        const node *en = node_map_get(n->n, "emotions"), *eo = node_map_get(o->n, "emotions");
        for (const node *s = en ? en->first : NULL; s; s = s->next) {
            const char *op = persona_peer(&c->new_s, &c->old, s->key);
            double after = score_of(en, s->key), before = score_of(eo, op);
            if (!(before == after))
                add_emotion(c, n->id, s->key, before, after);
        }
        for (const node *s = eo ? eo->first : NULL; s; s = s->next) {
            const char *np = persona_peer(&c->old, &c->new_s, s->key);
            if (isnan(score_of(en, np)))
                add_emotion(c, n->id, np ? np : s->key, score_of(eo, s->key), NAN);
        }
    }
}

void journey_diff_make(arena *a, const cjm_journey *old, const cjm_journey *new_j,
                       journey_diff *out)
{
    memset(out, 0, sizeof *out);
    dctx c = { .a = a, .out = out };
    collect(&c, &c.old, model_to_node(a, old));
    collect(&c, &c.new_s, model_to_node(a, new_j));
    match(&c);
    for (int i = 0; i < c.old.count; i++)
        record(&c, &c.old.e[i], c.old.e[i].match >= 0 ? &c.new_s.e[c.old.e[i].match] : NULL);
    for (int i = 0; i < c.new_s.count; i++)
        if (c.new_s.e[i].match < 0)
            record(&c, NULL, &c.new_s.e[i]);
    emotions(&c);
}
