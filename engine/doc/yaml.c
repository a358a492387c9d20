/*
 * yaml.c — libyaml event stream to node tree, and node tree to YAML.
 *
 * Security stance: input files are untrusted.  libyaml 0.2.5 has no
 * nesting limit, does not expand aliases, accepts duplicate keys and lets
 * `&a [*a]` build a cycle; each of those is handled here.  Aliases are
 * expanded by copying, charged against the nodes limit before the copy is
 * made, so the cost of a hostile file is bounded by the limit, not by the
 * expansion it asks for.
 */
#include "doc/yaml.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/fsin.h"
#include "base/limit.h"
#include "base/sbuf.h"
#include "doc/yaml_fast.h"

/* ---- scalar resolution (YAML 1.1, as PyYAML reads it) ----------------- */

static int is_one_of(const char *s, size_t len, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == len && memcmp(s, *words, len) == 0)
            return 1;
    return 0;
}

/* Digits in BASE with '_' separators allowed (not first).  Returns the
 * value in *OUT; -1 on overflow, 0 when not all digits, 1 when ok. */
static int parse_digits(const char *s, size_t len, int base,
                        unsigned long long *out)
{
    unsigned long long v = 0;
    int digits = 0, overflow = 0;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char)s[i], dv;
        if (c == '_' && digits)
            continue;
        if (c >= '0' && c <= '9')
            dv = c - '0';
        else if (c >= 'a' && c <= 'f')
            dv = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            dv = c - 'A' + 10;
        else
            return 0;
        if (dv >= base)
            return 0;
        /* too large is only an overflow if every character is a digit:
         * 4222...2ee is text, however many digits come first */
        if (v > (ULLONG_MAX - (unsigned)dv) / (unsigned)base)
            overflow = 1;
        v = v * (unsigned)base + (unsigned)dv;
        digits++;
    }
    if (!digits)
        return 0;
    if (overflow)
        return -1;
    *out = v;
    return 1;
}

/* 1 and *OUT when S is a YAML 1.1 integer, 0 when not, -1 on overflow. */
static int resolve_int(const char *s, size_t len, long long *out)
{
    int neg = 0;
    size_t i = 0;
    if (len && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    }
    const char *p = s + i;
    size_t n = len - i;
    unsigned long long v = 0;
    int r;
    if (n == 0)
        return 0;
    if (n > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        r = parse_digits(p + 2, n - 2, 16, &v);
    else if (n > 2 && p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
        r = parse_digits(p + 2, n - 2, 2, &v);
    else if (n > 2 && p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
        r = parse_digits(p + 2, n - 2, 8, &v);
    else if (n > 1 && p[0] == '0')
        r = parse_digits(p + 1, n - 1, 8, &v);
    else if (memchr(p, ':', n) && p[0] >= '1' && p[0] <= '9') {
        /* sexagesimal: 190:20:30 */
        r = 1;
        size_t start = 0;
        int first = 1;
        for (size_t k = 0; k <= n && r == 1; k++) {
            if (k < n && p[k] != ':')
                continue;
            unsigned long long part;
            r = parse_digits(p + start, k - start, 10, &part);
            if (r == 1 && !first && (part > 59 || k - start > 2))
                r = 0;
            if (r == 1) {
                if (v > (ULLONG_MAX - part) / 60)
                    r = -1;
                else
                    v = v * 60 + part;
            }
            first = 0;
            start = k + 1;
        }
    } else {
        if (p[0] < '0' || p[0] > '9')
            return 0;
        r = parse_digits(p, n, 10, &v);
    }
    if (r != 1)
        return r;
    if (neg) {
        if (v > (unsigned long long)LLONG_MAX + 1)
            return -1;
        *out = v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN
                                                     : -(long long)v;
    } else {
        if (v > (unsigned long long)LLONG_MAX)
            return -1;
        *out = (long long)v;
    }
    return 1;
}

/* 1 and *OUT when S is a float: digits with a '.', or an exponent, or
 * .inf/.nan; '_' separators allowed in the mantissa. */
static int resolve_float(const char *s, size_t len, double *out)
{
    static const char *const infs[] = { ".inf", ".Inf", ".INF", NULL };
    static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
    size_t i = 0;
    int neg = 0;
    if (is_one_of(s, len, nans)) {
        *out = NAN;
        return 1;
    }
    if (len && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (is_one_of(s + i, len - i, infs)) {
        *out = neg ? -INFINITY : INFINITY;
        return 1;
    }
    char buf[128];
    size_t b = 0;
    int digits = 0, dot = 0, exp = 0;
    if (neg)
        buf[b++] = '-';
    for (; i < len; i++) {
        char c = s[i];
        if (b >= sizeof buf - 2)
            return 0;
        if (c >= '0' && c <= '9') {
            digits++;
            buf[b++] = c;
        } else if (c == '_' && digits && !exp) {
            continue;
        } else if (c == '.' && !dot && !exp) {
            dot = 1;
            buf[b++] = c;
        } else if ((c == 'e' || c == 'E') && digits && !exp) {
            exp = 1;
            buf[b++] = 'e';
            if (i + 1 < len && (s[i + 1] == '-' || s[i + 1] == '+'))
                buf[b++] = s[++i];
            if (i + 1 >= len)
                return 0;
        } else {
            return 0;
        }
    }
    if (!digits || (!dot && !exp))
        return 0;
    if (exp && (buf[b - 1] < '0' || buf[b - 1] > '9'))
        return 0;
    buf[b] = '\0';
    *out = strtod(buf, NULL);
    return 1;
}

int yaml_resolve_plain(const char *s, size_t len, node *out)
{
    static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
    static const char *const trues[] = { "yes", "Yes", "YES", "true", "True",
                                         "TRUE", "on", "On", "ON", NULL };
    static const char *const falses[] = { "no", "No", "NO", "false", "False",
                                          "FALSE", "off", "Off", "OFF", NULL };
    /* most scalars are text: the words below are at most 5 characters
     * and start with one of ~nNtTyYoOfF, a number starts with a digit, a
     * sign or a dot */
    int word = len == 0 || strchr("~nNtTyYoOfF", s[0]);
    if ((len > 5 || !word) && !strchr("0123456789+-.", s[0])) {
        out->kind = NODE_STR;
        return 0;
    }
    if (is_one_of(s, len, nulls)) {
        out->kind = NODE_NULL;
        return 0;
    }
    if (is_one_of(s, len, trues) || is_one_of(s, len, falses)) {
        out->kind = NODE_BOOL;
        out->v.boolean = is_one_of(s, len, trues);
        return 0;
    }
    long long iv;
    int r = resolve_int(s, len, &iv);
    if (r == 1) {
        out->kind = NODE_INT;
        out->v.integer = iv;
        return 0;
    }
    if (r == -1) {
        out->kind = NODE_STR;
        return -1;
    }
    double fv;
    if (resolve_float(s, len, &fv)) {
        out->kind = NODE_FLOAT;
        out->v.number = fv;
        return 0;
    }
    out->kind = NODE_STR;
    return 0;
}

/* ---- the loader ------------------------------------------------------- */

#define ANCHOR_BUCKETS 1024

typedef struct anchor_entry {
    const char *name;
    node *value;            /* NULL while the anchored node is still open */
    struct anchor_entry *next;
} anchor_entry;

typedef struct frame {
    node *container;
    const char *anchor;
    int have_key;           /* a map that has read a key and awaits its value */
    const char *key;
    int key_line, key_col;
    int key_is_merge;
    node *merges;           /* a SEQ of the << values, applied at the end */
} frame;

typedef struct loader {
    arena *a;
    diag_list *d;
    const char *file;
    const char *text;
    size_t len;
    frame *stack;           /* depth limit + 1 frames */
    int max_depth;
    int aliases;            /* aliases met so far */
    int depth;
    long budget;            /* nodes still allowed */
    anchor_entry *anchors[ANCHOR_BUCKETS];
    node *root;
    int failed;
    int documents;          /* begun so far */
} loader;

static void load_error(loader *ld, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void load_error(loader *ld, int line, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(ld->d, DIAG_ERROR, ld->file, line, col, NULL, "%s", msg);
    ld->failed = 1;
}

static unsigned anchor_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % ANCHOR_BUCKETS;
}

static anchor_entry *anchor_find(loader *ld, const char *name)
{
    for (anchor_entry *e = ld->anchors[anchor_hash(name)]; e; e = e->next)
        if (strcmp(e->name, name) == 0)
            return e;
    return NULL;
}

/* Declare NAME as open (value NULL) or set its value.  A later anchor of
 * the same name replaces the earlier one, as YAML says. */
static void anchor_set(loader *ld, const char *name, node *value)
{
    anchor_entry *e = anchor_find(ld, name);
    if (!e) {
        unsigned h = anchor_hash(name);
        e = arena_alloc(ld->a, sizeof *e);
        e->name = arena_strdup(ld->a, name);
        e->next = ld->anchors[h];
        ld->anchors[h] = e;
    }
    e->value = value;
}

/* The message for a document past the nodes limit. */
static void too_many_nodes(loader *ld, int line, int col)
{
    ld->d->limit_hit = 1;
    if (ld->aliases)
        load_error(ld, line, col, "aliases expand the document past %lld values "
                   "(a \"billion laughs\" file?); refusing to expand it (the "
                   "limit is raised with %s)", limit_count(LIM_NODES),
                   limit_hint(LIM_NODES));
    else
        load_error(ld, line, col, "the document has more than %lld values (raise "
                   "the limit with %s)", limit_count(LIM_NODES), limit_hint(LIM_NODES));
}

static int charge(loader *ld, long nodes, const yaml_mark_t *m)
{
    ld->budget -= nodes;
    if (ld->budget < 0) {
        too_many_nodes(ld, (int)m->line + 1, (int)m->column + 1);
        return -1;
    }
    return 0;
}

static int cmp_key_nodes(const void *pa, const void *pb)
{
    const node *a = *(node *const *)pa, *b = *(node *const *)pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    /* same key: keep document order so the later one is reported */
    if (a->key_line != b->key_line)
        return a->key_line < b->key_line ? -1 : 1;
    return a->key_col < b->key_col ? -1 : a->key_col > b->key_col;
}

/* Report duplicate keys among MAP's explicit entries. */
static void check_duplicates(loader *ld, node *map)
{
    if (map->count < 2)
        return;
    node **items = malloc(sizeof *items * (size_t)map->count);
    if (!items) {
        load_error(ld, map->line, map->col, "out of memory");
        return;
    }
    int n = 0;
    for (node *c = map->first; c; c = c->next)
        items[n++] = c;
    qsort(items, (size_t)n, sizeof *items, cmp_key_nodes);
    for (int i = 1; i < n; i++)
        if (strcmp(items[i]->key, items[i - 1]->key) == 0)
            load_error(ld, items[i]->key_line, items[i]->key_col,
                       "duplicate key \"%s\" (first defined at line %d)",
                       items[i]->key, items[i - 1]->key_line);
    free(items);
}

/* Apply the << merges of F to its map: keys not already present are
 * copied from each merged map, earlier maps first.  Entries are copied,
 * not moved, because a merged map may also be an anchor used again. */
static void merge_one(loader *ld, node *map, node *m)
{
    if (m->kind != NODE_MAP) {
        load_error(ld, m->line, m->col,
                   "merge key << needs a mapping or a list of mappings, got %s",
                   node_kind_name(m->kind));
        return;
    }
    for (node *entry = m->first; entry && !ld->failed; entry = entry->next) {
        if (node_map_get(map, entry->key))
            continue;
        long size = node_size(entry);
        ld->budget -= size;
        if (ld->budget < 0) {
            too_many_nodes(ld, entry->line, entry->col);
            return;
        }
        node *copy = node_copy(ld->a, entry, &size);
        node_append(map, copy);
    }
}

static void apply_merges(loader *ld, frame *f)
{
    for (node *src = f->merges->first; src && !ld->failed; src = src->next) {
        if (src->kind == NODE_SEQ) {
            for (node *m = src->first; m && !ld->failed; m = m->next)
                merge_one(ld, f->container, m);
        } else {
            merge_one(ld, f->container, src);
        }
    }
}

/* Attach a finished node V to the open container (or make it the root). */
static void attach(loader *ld, node *v)
{
    if (ld->depth == 0) {
        ld->root = v;
        return;
    }
    frame *f = &ld->stack[ld->depth - 1];
    node *c = f->container;
    if (c->kind == NODE_SEQ) {
        v->key = NULL;          /* an alias's copy may bring its map key */
        v->key_line = v->key_col = 0;
        node_append(c, v);
        return;
    }
    if (f->key_is_merge) {
        if (!f->merges)
            f->merges = node_new(ld->a, NODE_SEQ, ld->file, v->line, v->col);
        node_append(f->merges, v);
    } else {
        v->key = f->key;
        v->key_line = f->key_line;
        v->key_col = f->key_col;
        node_append(c, v);
    }
    f->have_key = 0;
    f->key_is_merge = 0;
}

static int awaiting_key(loader *ld)
{
    if (ld->depth == 0)
        return 0;
    frame *f = &ld->stack[ld->depth - 1];
    return f->container->kind == NODE_MAP && !f->have_key;
}

static const char *const TAG_PREFIX = "tag:yaml.org,2002:";

/* Build a scalar node from a SCALAR event. */
static node *make_scalar(loader *ld, const yaml_event_t *ev)
{
    const char *s = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    const char *tag = (const char *)ev->data.scalar.tag;
    int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
    node *n = node_new(ld->a, NODE_STR, ld->file, line, col);
    int quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;

    if (tag && strcmp(tag, "!") != 0) {
        size_t plen = strlen(TAG_PREFIX);
        const char *t = strncmp(tag, TAG_PREFIX, plen) == 0 ? tag + plen : NULL;
        if (t && strcmp(t, "str") == 0) {
            quoted = 1;
        } else if (t && (strcmp(t, "int") == 0 || strcmp(t, "float") == 0
                         || strcmp(t, "bool") == 0 || strcmp(t, "null") == 0)) {
            node probe;
            memset(&probe, 0, sizeof probe);
            yaml_resolve_plain(s, len, &probe);
            int ok = (strcmp(t, "int") == 0 && probe.kind == NODE_INT)
                  || (strcmp(t, "float") == 0
                      && (probe.kind == NODE_FLOAT || probe.kind == NODE_INT))
                  || (strcmp(t, "bool") == 0 && probe.kind == NODE_BOOL)
                  || (strcmp(t, "null") == 0 && probe.kind == NODE_NULL);
            if (!ok) {
                load_error(ld, line, col, "\"%.*s\" is not a valid !!%s",
                           (int)(len > 40 ? 40 : len), s, t);
                return n;
            }
            if (strcmp(t, "float") == 0 && probe.kind == NODE_INT) {
                probe.kind = NODE_FLOAT;
                probe.v.number = (double)probe.v.integer;
            }
            n->kind = probe.kind;
            n->v = probe.v;
            return n;
        } else {
            load_error(ld, line, col, "unsupported tag \"%s\"", tag);
            return n;
        }
    }
    if (!quoted) {
        if (yaml_resolve_plain(s, len, n) < 0) {
            load_error(ld, line, col, "integer %.*s is out of range",
                       (int)(len > 40 ? 40 : len), s);
            return n;
        }
        if (n->kind != NODE_STR)
            return n;
    }
    n->kind = NODE_STR;
    n->flags |= quoted ? NODE_QUOTED : 0;
    n->v.str.s = arena_strndup(ld->a, s, len);
    n->v.str.len = len;
    return n;
}

static int open_container(loader *ld, const yaml_event_t *ev, node_kind kind,
                          const yaml_char_t *anchor, const yaml_char_t *tag)
{
    int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
    if (awaiting_key(ld)) {
        load_error(ld, line, col, "mapping keys must be plain values, "
                   "not %s", kind == NODE_MAP ? "mappings" : "lists");
        return -1;
    }
    if (tag) {
        const char *want = kind == NODE_MAP ? "tag:yaml.org,2002:map"
                                            : "tag:yaml.org,2002:seq";
        if (strcmp((const char *)tag, want) != 0
            && strcmp((const char *)tag, "!") != 0) {
            load_error(ld, line, col, "unsupported tag \"%s\"", tag);
            return -1;
        }
    }
    if (ld->depth >= ld->max_depth) {
        ld->d->limit_hit = 1;
        load_error(ld, line, col, "nesting deeper than %d levels (raise the "
                   "limit with %s)", ld->max_depth, limit_hint(LIM_DEPTH));
        return -1;
    }
    if (charge(ld, 1, &ev->start_mark) < 0)
        return -1;
    frame *f = &ld->stack[ld->depth++];
    memset(f, 0, sizeof *f);
    f->container = node_new(ld->a, kind, ld->file, line, col);
    if (anchor) {
        f->anchor = arena_strdup(ld->a, (const char *)anchor);
        anchor_set(ld, f->anchor, NULL);
    }
    return 0;
}

static void close_container(loader *ld)
{
    frame *f = &ld->stack[--ld->depth];
    node *c = f->container;
    if (c->kind == NODE_MAP) {
        check_duplicates(ld, c);
        if (f->merges)
            apply_merges(ld, f);
    }
    if (f->anchor)
        anchor_set(ld, f->anchor, c);
    attach(ld, c);
}

static void on_scalar(loader *ld, const yaml_event_t *ev)
{
    if (charge(ld, 1, &ev->start_mark) < 0)
        return;
    if (awaiting_key(ld)) {
        frame *f = &ld->stack[ld->depth - 1];
        const char *s = (const char *)ev->data.scalar.value;
        size_t len = ev->data.scalar.length;
        if (memchr(s, '\0', len)) {
            load_error(ld, (int)ev->start_mark.line + 1,
                       (int)ev->start_mark.column + 1,
                       "keys may not contain NUL characters");
            return;
        }
        f->key = arena_strndup(ld->a, s, len);
        f->key_line = (int)ev->start_mark.line + 1;
        f->key_col = (int)ev->start_mark.column + 1;
        f->key_is_merge = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                          && strcmp(f->key, "<<") == 0;
        f->have_key = 1;
        if (ev->data.scalar.anchor)
            anchor_set(ld, (const char *)ev->data.scalar.anchor,
                       node_new_str(ld->a, s, len));
        return;
    }
    node *n = make_scalar(ld, ev);
    if (ev->data.scalar.anchor)
        anchor_set(ld, (const char *)ev->data.scalar.anchor, n);
    attach(ld, n);
}

static void on_alias(loader *ld, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
    ld->aliases++;
    anchor_entry *e = anchor_find(ld, name);
    if (!e) {
        load_error(ld, line, col, "unknown alias *%s", name);
        return;
    }
    if (!e->value) {
        load_error(ld, line, col,
                   "alias *%s refers to a node that contains it (a cycle)",
                   name);
        return;
    }
    if (awaiting_key(ld)) {
        if (e->value->kind != NODE_STR) {
            load_error(ld, line, col, "mapping keys must be plain values");
            return;
        }
        frame *f = &ld->stack[ld->depth - 1];
        f->key = e->value->v.str.s;
        f->key_line = line;
        f->key_col = col;
        f->key_is_merge = 0;
        f->have_key = 1;
        return;
    }
    long size = node_size(e->value);
    if (charge(ld, size, &ev->start_mark) < 0)
        return;
    long spare = size;
    node *copy = node_copy(ld->a, e->value, &spare);
    copy->line = line;
    copy->col = col;
    attach(ld, copy);
}

/* One event, from libyaml or yaml_fast. */
static void on_event(loader *ld, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++ld->documents > 1)
            load_error(ld, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                       "a journey file holds one YAML document; found a second one");
        break;
    case YAML_MAPPING_START_EVENT:
        open_container(ld, ev, NODE_MAP, ev->data.mapping_start.anchor,
                       ev->data.mapping_start.tag);
        break;
    case YAML_SEQUENCE_START_EVENT:
        open_container(ld, ev, NODE_SEQ, ev->data.sequence_start.anchor,
                       ev->data.sequence_start.tag);
        break;
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
        close_container(ld);
        break;
    case YAML_SCALAR_EVENT:
        on_scalar(ld, ev);
        break;
    case YAML_ALIAS_EVENT:
        on_alias(ld, ev);
        break;
    default:
        break;
    }
}

/* (after an error, the rest of the events are not read: as libyaml's loop) */
static void on_fast_event(void *ctx, const yaml_event_t *ev)
{
    loader *ld = ctx;
    if (!ld->failed)
        on_event(ld, ev);
}

static void parser_error(loader *ld, const yaml_parser_t *parser)
{
    int line, col;
    if (parser->error == YAML_READER_ERROR) {
        diag_offset_to_linecol(ld->text, ld->len, parser->problem_offset, &line, &col);
        load_error(ld, line, col, "%s (byte offset %zu)",
                   parser->problem ? parser->problem : "invalid input",
                   parser->problem_offset);
        return;
    }
    line = (int)parser->problem_mark.line + 1;
    col = (int)parser->problem_mark.column + 1;
    if (parser->context)
        load_error(ld, line, col, "%s %s (started at line %d)", parser->context,
                   parser->problem ? parser->problem : "",
                   (int)parser->context_mark.line + 1);
    else
        load_error(ld, line, col, "%s", parser->problem ? parser->problem : "invalid YAML");
}

static void parse_with_libyaml(loader *ld)
{
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)ld->text, ld->len);
    for (int done = 0; !done && !ld->failed;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            parser_error(ld, &parser);
            break;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        on_event(ld, &ev);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
}

node *yaml_load_string(arena *a, const char *file, const char *text,
                       size_t len, diag_list *d)
{
    loader *ld = calloc(1, sizeof *ld);
    if (!ld) {
        diag_add(d, DIAG_ERROR, file, 0, 0, NULL, "out of memory");
        return NULL;
    }
    ld->a = a;
    ld->d = d;
    ld->file = arena_strdup(a, file);
    ld->text = text;
    ld->len = len;
    ld->budget = (long)limit_count(LIM_NODES);
    ld->max_depth = (int)limit_count(LIM_DEPTH);
    ld->stack = calloc((size_t)ld->max_depth + 1, sizeof *ld->stack);
    if (!ld->stack) {
        free(ld);
        diag_add(d, DIAG_ERROR, file, 0, 0, NULL, "out of memory");
        return NULL;
    }

    if (yaml_fast_read(text, len, NULL, NULL) == 0)
        yaml_fast_read(text, len, on_fast_event, ld);
    else
        parse_with_libyaml(ld);

    node *root = ld->failed ? NULL : ld->root;
    if (!ld->failed && !root)
        load_error(ld, 1, 1, "the file is empty: expected a journey mapping");
    free(ld->stack);
    free(ld);
    return root;
}

node *yaml_load_file(arena *a, const char *path, diag_list *d)
{
    size_t len;
    char *text = fsin_read(path, limit_bytes(LIM_FILE), &len, d);
    if (!text)
        return NULL;
    diag_add_source(d, path, text, len);
    node *root = yaml_load_string(a, path, text, len, d);
    free(text);
    return root;
}

/* ---- the emitter ------------------------------------------------------ */

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
    sbuf *o = data;
    sbuf_put(o, buffer, size);
    return !o->failed;
}

void yaml_format_float(double v, char *buf, int json)
{
    if (isnan(v)) {
        strcpy(buf, json ? "null" : ".nan");
        return;
    }
    if (isinf(v)) {
        strcpy(buf, json ? "null" : v < 0 ? "-.inf" : ".inf");
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    /* A float must look like one: "1" becomes "1.0", "1e+300" "1.0e+300". */
    if (!strpbrk(buf, ".")) {
        char *e = strpbrk(buf, "eE");
        if (e) {
            char tail[24];
            snprintf(tail, sizeof tail, "%s", e);
            snprintf(e, 40 - (size_t)(e - buf), ".0%s", tail);
        } else {
            strcat(buf, ".0");
        }
    }
}

/* A flow collection reads well for short runs of scalars. */
static int wants_flow(const node *n)
{
    if (n->count == 0)
        return 1;
    size_t width = 0;
    for (const node *c = n->first; c; c = c->next) {
        if (c->kind == NODE_SEQ || c->kind == NODE_MAP)
            return 0;
        if (c->kind == NODE_STR) {
            if (memchr(c->v.str.s, '\n', c->v.str.len))
                return 0;
            width += c->v.str.len;
        } else {
            width += 6;
        }
        if (c->key)
            width += strlen(c->key) + 2;
        width += 2;
    }
    if (n->kind == NODE_MAP && n->count > 6)
        return 0;
    return width <= 60;
}

static int emit_scalar(yaml_emitter_t *e, const char *text, size_t len,
                       yaml_scalar_style_t style)
{
    yaml_event_t ev;
    /* Both implicit flags: the caller already chose a style that reads
     * back as the right type, and libyaml may fall back from plain to
     * quoted on its own, which must not add a "!" tag. */
    if (!yaml_scalar_event_initialize(&ev, NULL,
                                      (yaml_char_t *)"tag:yaml.org,2002:str",
                                      (yaml_char_t *)text, (int)len, 1, 1,
                                      style))
        return 0;
    return yaml_emitter_emit(e, &ev);
}

/* A string is written plain only when it reads back as that string. */
static int emit_string(yaml_emitter_t *e, const char *s, size_t len,
                       int in_flow, int is_key)
{
    node probe;
    memset(&probe, 0, sizeof probe);
    yaml_resolve_plain(s, len, &probe);
    yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;
    if (probe.kind != NODE_STR || (is_key && len == 2 && memcmp(s, "<<", 2) == 0))
        style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    else if (!in_flow && !is_key && memchr(s, '\n', len))
        style = YAML_LITERAL_SCALAR_STYLE;
    return emit_scalar(e, s, len, style);
}

static int emit_node(yaml_emitter_t *e, const node *n, int in_flow)
{
    yaml_event_t ev;
    char buf[48];
    switch (n->kind) {
    case NODE_NULL:
        return emit_scalar(e, "null", 4, YAML_PLAIN_SCALAR_STYLE);
    case NODE_BOOL:
        return n->v.boolean ? emit_scalar(e, "true", 4, YAML_PLAIN_SCALAR_STYLE)
                            : emit_scalar(e, "false", 5, YAML_PLAIN_SCALAR_STYLE);
    case NODE_INT:
        snprintf(buf, sizeof buf, "%lld", n->v.integer);
        return emit_scalar(e, buf, strlen(buf), YAML_PLAIN_SCALAR_STYLE);
    case NODE_FLOAT:
        yaml_format_float(n->v.number, buf, 0);
        return emit_scalar(e, buf, strlen(buf), YAML_PLAIN_SCALAR_STYLE);
    case NODE_STR:
        return emit_string(e, n->v.str.s, n->v.str.len, in_flow, 0);
    case NODE_SEQ:
    case NODE_MAP: {
        int flow = in_flow || wants_flow(n);
        int ok;
        if (n->kind == NODE_SEQ)
            ok = yaml_sequence_start_event_initialize(
                &ev, NULL, NULL, 1,
                flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
        else
            ok = yaml_mapping_start_event_initialize(
                &ev, NULL, NULL, 1,
                flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
        if (!ok || !yaml_emitter_emit(e, &ev))
            return 0;
        for (const node *c = n->first; c; c = c->next) {
            if (n->kind == NODE_MAP
                && !emit_string(e, c->key, strlen(c->key), flow, 1))
                return 0;
            if (!emit_node(e, c, flow))
                return 0;
        }
        if (n->kind == NODE_SEQ)
            ok = yaml_sequence_end_event_initialize(&ev);
        else
            ok = yaml_mapping_end_event_initialize(&ev);
        return ok && yaml_emitter_emit(e, &ev);
    }
    }
    return 0;
}

static char *emit_document(const node *root, int flow, size_t *len,
                           diag_list *d);

char *yaml_emit(const node *root, size_t *len, diag_list *d)
{
    return emit_document(root, 0, len, d);
}

char *yaml_emit_inline(const node *n, diag_list *d)
{
    size_t len;
    char *text = emit_document(n, 1, &len, d);
    if (!text)
        return NULL;
    /* libyaml may open with "--- " and close an open-ended scalar "..." */
    char *start = strncmp(text, "--- ", 4) == 0 ? text + 4 : text;
    char *end = text + len;
    if (end - start >= 4 && memcmp(end - 4, "...\n", 4) == 0)
        end -= 4;
    while (end > start && (end[-1] == '\n' || end[-1] == ' '))
        end--;
    memmove(text, start, (size_t)(end - start));
    text[end - start] = '\0';
    return text;
}

static char *emit_document(const node *root, int flow, size_t *len,
                           diag_list *d)
{
    sbuf out = { 0 };
    yaml_emitter_t e;
    yaml_event_t ev;
    if (!yaml_emitter_initialize(&e)) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot start the YAML emitter");
        d->internal = 1;
        return NULL;
    }
    yaml_emitter_set_output(&e, write_handler, &out);
    yaml_emitter_set_unicode(&e, 1);
    yaml_emitter_set_width(&e, -1);
    yaml_emitter_set_indent(&e, 2);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING)
          && yaml_emitter_emit(&e, &ev)
          && yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1)
          && yaml_emitter_emit(&e, &ev)
          && emit_node(&e, root, flow)
          && yaml_document_end_event_initialize(&ev, 1)
          && yaml_emitter_emit(&e, &ev)
          && yaml_stream_end_event_initialize(&ev)
          && yaml_emitter_emit(&e, &ev)
          && yaml_emitter_flush(&e);
    if (!ok || out.failed) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot emit YAML: %s",
                 e.problem ? e.problem : "out of memory");
        d->internal = 1;
        yaml_emitter_delete(&e);
        sbuf_free(&out);
        return NULL;
    }
    yaml_emitter_delete(&e);
    char *text = sbuf_finish(&out, len);
    if (!text) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot emit YAML: out of memory");
        d->internal = 1;
    }
    return text;
}
