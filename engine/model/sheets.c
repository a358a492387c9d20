/*
 * sheets.c — a journey as spreadsheet tables, and back; see sheets.h.
 *
 * Out: the normalized tree (model_to_node) is read sheet by sheet into
 * rows whose cells are its own nodes.  In: rows of text are read by the
 * kind of their column (text, number, list) into the same tree shape.
 * The columns of each sheet are one table, used both ways.
 */
#include "model/sheets.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/idmap.h"

#define T(k) { k, k, COL_TEXT, 0, NULL, 0 }
#define L(k) { k, k, COL_TEXT, 0, NULL, COL_LIST }
#define N(k) { k, k, COL_NUM, 6, NULL, 0 }
#define I(k) { k, k, COL_INT, 0, NULL, 0 }
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static const table_col journey_cols[] = {
    T("id"), T("title"), T("description"), T("kind"), T("locale"), I("horizon") };
static const table_col persona_cols[] = {
    T("id"), T("name"), T("role"), I("age"), T("gender"), T("department"), T("job_title"),
    L("goals"), L("pains"), L("channels"), T("quote"), L("suppress") };
static const table_col touchpoint_cols[] = {
    T("id"), T("name"), T("channel"), T("control"), T("timing"), T("online"), N("reach"),
    N("lift"), T("owner"), L("suppress") };
static const table_col phase_cols[] = {
    T("id"), T("name"), T("goal"), T("description"), L("touchpoints"), N("advance"),
    N("drop"), N("duration_min"), N("duration_mode"), N("duration_max"), L("suppress") };
static const table_col involvement_cols[] = {
    T("phase"), T("persona"), T("involvement"), N("emotion") };
static const table_col card_cols[] = {
    T("phase"), T("lane"), T("text"), T("id"), L("personas"), I("score"), T("evidence"),
    T("source"), T("fail_point"), N("fail_rate"), L("suppress") };
static const table_col pain_cols[] = {
    T("phase"), T("kind"), T("id"), T("text"), L("personas"), T("evidence"), T("source"),
    L("suppress") };
static const table_col action_cols[] = {
    T("id"), T("title"), T("phase"), L("addresses"), T("owner"), I("impact"), N("effort"),
    N("confidence"), T("kpi"), T("horizon") };

enum { S_JOURNEY, S_PERSONAS, S_TOUCHPOINTS, S_PHASES, S_INVOLVEMENT, S_CARDS, S_PAINS,
       S_ACTIONS, S__COUNT };

static const struct { const char *name; const table_col *cols; int ncols; } sheets[] = {
    { "journey", journey_cols, COUNT(journey_cols) },
    { "personas", persona_cols, COUNT(persona_cols) },
    { "touchpoints", touchpoint_cols, COUNT(touchpoint_cols) },
    { "phases", phase_cols, COUNT(phase_cols) },
    { "involvement", involvement_cols, COUNT(involvement_cols) },
    { "cards", card_cols, COUNT(card_cols) },
    { "pains", pain_cols, COUNT(pain_cols) },
    { "actions", action_cols, COUNT(action_cols) },
};

/* The card lanes of a phase, as the cards sheet names them. */
static const char *const lanes[] = {
    "steps", "actions", "thoughts", "needs", "blueprint.evidence", "blueprint.customer",
    "blueprint.frontstage", "blueprint.backstage", "blueprint.support" };

const char *const *sheet_names(int *count)
{
    static const char *names[S__COUNT];
    for (int k = 0; k < S__COUNT; k++)
        names[k] = sheets[k].name;
    *count = S__COUNT;
    return names;
}

/* ---- out ---------------------------------------------------------------------- */

static node *str(arena *a, const char *s)
{
    return node_new_str(a, s, strlen(s));
}

/* V to put in a row: a copy of the node itself (a list's items shared),
 * since putting it links it into the row. */
static node *share(arena *a, const node *v)
{
    if (!v)
        return NULL;
    node *c = arena_alloc(a, sizeof *c);
    *c = *v;
    c->next = NULL;
    c->key = NULL;
    return c;
}

/* A row of COLS copied from SRC's keys (NULL: empty); a bool as text. */
static node *row_of(arena *a, const node *src, const table_col *cols, int ncols)
{
    node *row = node_new(a, NODE_MAP, NULL, 0, 0);
    for (int c = 0; src && c < ncols; c++) {
        const node *v = node_map_get(src, cols[c].key);
        if (!v)
            continue;
        node *copy = v->kind == NODE_BOOL ? str(a, v->v.boolean ? "true" : "false")
                                          : share(a, v);
        node_map_put(a, row, cols[c].key, copy);
    }
    return row;
}

static void put(arena *a, node *row, const char *key, const node *v)
{
    if (v)
        node_map_put(a, row, key, share(a, v));
}

/* Card C (text, or a mapping) of LANE in phase PHASE, as a cards row; for
 * pains and opportunities (KIND) a pains row. */
static node *card_row(arena *a, const char *phase, const char *lane, const char *kind,
                      const node *c)
{
    node *row = node_new(a, NODE_MAP, NULL, 0, 0);
    put(a, row, "phase", str(a, phase));
    put(a, row, kind ? "kind" : "lane", str(a, kind ? kind : lane));
    if (c->kind != NODE_MAP) {
        put(a, row, "text", c);
        return row;
    }
    static const char *const keys[] = { "text", "id", "personas", "score", "suppress" };
    for (int k = 0; k < 5; k++)
        put(a, row, keys[k], node_map_get(c, keys[k]));
    const node *fail = node_map_get(c, "fail_point");
    if (fail && fail->kind == NODE_MAP) {
        put(a, row, "fail_point", node_map_get(fail, "text"));
        put(a, row, "fail_rate", node_map_get(fail, "rate"));
    } else {
        put(a, row, "fail_point", fail);
    }
    const node *ev = node_map_get(c, "evidence");
    if (ev && ev->kind == NODE_MAP) {
        put(a, row, "evidence", node_map_get(ev, "level"));
        put(a, row, "source", node_map_get(ev, "source"));
    } else {
        put(a, row, "evidence", ev);
    }
    return row;
}

/* A phase's involvement and emotions: a row per persona named in either. */
static void involvement_rows(arena *a, const node *ph, const char *id, node *rows)
{
    const node *inv = node_map_get(ph, "involvement"), *emo = node_map_get(ph, "emotions");
    for (int pass = 0; pass < 2; pass++) {
        const node *m = pass ? emo : inv;
        for (const node *k = m ? m->first : NULL; k; k = k->next) {
            if (pass && inv && node_map_get(inv, k->key))
                continue;       /* its row was made with its involvement */
            node *row = node_new(a, NODE_MAP, NULL, 0, 0);
            put(a, row, "phase", str(a, id));
            put(a, row, "persona", str(a, k->key));
            put(a, row, "involvement", inv ? node_map_get(inv, k->key) : NULL);
            const node *e = emo ? node_map_get(emo, k->key) : NULL;
            put(a, row, "emotion", e && e->kind == NODE_MAP ? node_map_get(e, "score") : e);
            node_append(rows, row);
        }
    }
}

static void phase_rows(arena *a, const node *ph, node **rows)
{
    const node *idn = node_map_get(ph, "id");
    const char *id = idn && idn->kind == NODE_STR ? idn->v.str.s : "";
    node *row = row_of(a, ph, phase_cols, COUNT(phase_cols));
    const node *tr = node_map_get(ph, "transitions");
    put(a, row, "advance", tr ? node_map_get(tr, "advance") : NULL);
    put(a, row, "drop", tr ? node_map_get(tr, "drop") : NULL);
    const node *du = node_map_get(ph, "duration");
    static const char *const parts[] = { "min", "mode", "max" };
    for (int k = 0; k < 3; k++)
        put(a, row, phase_cols[7 + k].key, du ? node_map_get(du, parts[k]) : NULL);
    node_append(rows[S_PHASES], row);
    involvement_rows(a, ph, id, rows[S_INVOLVEMENT]);
    const node *bp = node_map_get(ph, "blueprint");
    for (int l = 0; l < COUNT(lanes); l++) {
        const node *list = strncmp(lanes[l], "blueprint.", 10) == 0
            ? (bp ? node_map_get(bp, lanes[l] + 10) : NULL) : node_map_get(ph, lanes[l]);
        for (const node *c = list ? list->first : NULL; c; c = c->next)
            node_append(rows[S_CARDS], card_row(a, id, lanes[l], NULL, c));
    }
    static const char *const kinds[] = { "pain", "opportunity" };
    for (int k = 0; k < 2; k++) {
        const node *list = node_map_get(ph, k ? "opportunities" : "pains");
        for (const node *c = list ? list->first : NULL; c; c = c->next)
            node_append(rows[S_PAINS], card_row(a, id, NULL, kinds[k], c));
    }
}

int sheets_from_journey(arena *a, const cjm_journey *j, table *out)
{
    const node *root = model_to_node(a, j);
    node *rows[S__COUNT];
    for (int k = 0; k < S__COUNT; k++)
        rows[k] = node_new(a, NODE_SEQ, NULL, 0, 0);
    node_append(rows[S_JOURNEY], row_of(a, root, journey_cols, COUNT(journey_cols)));
    static const struct { int sheet; const char *key; } lists[] = {
        { S_PERSONAS, "personas" }, { S_TOUCHPOINTS, "touchpoints" }, { S_ACTIONS, "actions" } };
    for (int l = 0; l < COUNT(lists); l++) {
        const node *list = node_map_get(root, lists[l].key);
        for (const node *e = list ? list->first : NULL; e; e = e->next)
            node_append(rows[lists[l].sheet],
                        row_of(a, e, sheets[lists[l].sheet].cols, sheets[lists[l].sheet].ncols));
    }
    const node *phases = node_map_get(root, "phases");
    for (const node *ph = phases ? phases->first : NULL; ph; ph = ph->next)
        phase_rows(a, ph, rows);
    for (int k = 0; k < S__COUNT; k++)
        out[k] = (table){ sheets[k].name, NULL, NULL, sheets[k].cols, sheets[k].ncols,
                          rows[k] };
    return S__COUNT;
}

/* ---- in ----------------------------------------------------------------------- */

typedef struct in_ctx {
    arena *a;
    diag_list *d;
    const char *const *file;
    node *root, *phases;
    idmap phase_of;             /* phase id -> index in phase_nodes */
    node **phase_nodes;
    int nphases;
} in_ctx;

/* The cell of column C in ROW (a string node), or NULL when empty. */
static const node *cell(const node *row, const char *key)
{
    const node *v = node_map_get(row, key);
    return v && v->kind == NODE_STR && v->v.str.len ? v : NULL;
}

/* A number cell (a whole one for COL_INT); NULL after an error. */
static node *number_of(in_ctx *c, int sheet, const table_col *col, const node *v)
{
    const char *s = v->v.str.s;
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (end == s || *end || errno || (col->kind == COL_INT && x != (long long)x)) {
        diag_add(c->d, DIAG_ERROR, c->file[sheet], v->line, 0, col->key,
                 "expected a %snumber, got \"%.40s\"", col->kind == COL_INT ? "whole " : "", s);
        return NULL;
    }
    node *n = col->kind == COL_INT ? node_new_int(c->a, (long long)x) : node_new_float(c->a, x);
    n->file = v->file;
    n->line = v->line;
    return n;
}

/* A list cell: its items between ';', blanks trimmed. */
static node *list_of(in_ctx *c, const node *v)
{
    node *list = node_new(c->a, NODE_SEQ, v->file, v->line, v->col);
    for (const char *p = v->v.str.s; *p;) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && *p == ' ')
            p++, n--;
        while (n && p[n - 1] == ' ')
            n--;
        if (n)
            node_append(list, node_new_str(c->a, p, n));
        p = e ? e + 1 : p + strlen(p);
    }
    return list;
}

/* The value of a cell as its column says: a number, a list of text split
 * at ';', a bool for "online", or the text.  NULL after an error. */
static node *value_of(in_ctx *c, int sheet, const table_col *col, const node *v)
{
    const char *s = v->v.str.s;
    if (col->kind == COL_NUM || col->kind == COL_INT)
        return number_of(c, sheet, col, v);
    if (col->flags & COL_LIST)
        return list_of(c, v);
    if (!strcmp(col->key, "online") && (!strcmp(s, "true") || !strcmp(s, "false")))
        return node_new_bool(c->a, s[0] == 't');
    return share(c->a, v);
}

/* A mapping of ROW's cells for the columns of SHEET, all but SKIP ones. */
static node *map_of(in_ctx *c, int sheet, const node *row, const char *const *skip)
{
    node *m = node_new(c->a, NODE_MAP, row->file, row->line, 1);
    for (int k = 0; k < sheets[sheet].ncols; k++) {
        const table_col *col = &sheets[sheet].cols[k];
        int skipped = 0;
        for (const char *const *s = skip; s && *s; s++)
            skipped |= !strcmp(*s, col->key);
        const node *v = skipped ? NULL : cell(row, col->key);
        node *x = v ? value_of(c, sheet, col, v) : NULL;
        if (x)
            node_map_put(c->a, m, col->key, x);
    }
    return m;
}

/* The phase mapping named in ROW's column "phase"; NULL after an error. */
static node *phase_for(in_ctx *c, int sheet, const node *row)
{
    const node *p = cell(row, "phase");
    int k = p ? idmap_find(&c->phase_of, p->v.str.s) : -1;
    if (k < 0)
        diag_add(c->d, DIAG_ERROR, c->file[sheet], row->line, 0, "phase",
                 "no phase \"%.64s\" in the phases sheet", p ? p->v.str.s : "");
    return k >= 0 ? c->phase_nodes[k] : NULL;
}

/* The mapping under KEY of M (made when missing). */
static node *sub(in_ctx *c, node *m, const char *key, node_kind kind)
{
    node *s = node_map_get(m, key);
    if (!s) {
        s = node_new(c->a, kind, NULL, 0, 0);
        node_map_put(c->a, m, key, s);
    }
    return s;
}

static void read_phases(in_ctx *c, const node *rows)
{
    static const char *const skip[] = { "advance", "drop", "duration_min", "duration_mode",
                                        "duration_max", NULL };
    idmap_init(&c->phase_of, c->a, rows ? rows->count : 0);
    c->phase_nodes = arena_alloc(c->a, sizeof *c->phase_nodes * (size_t)((rows ? rows->count : 0) + 1));
    for (const node *row = rows ? rows->first : NULL; row; row = row->next) {
        node *ph = map_of(c, S_PHASES, row, skip);
        /* advance and drop into transitions, duration_* into duration */
        for (int k = 5; k <= 9; k++) {
            const node *v = cell(row, phase_cols[k].key);
            node *x = v ? value_of(c, S_PHASES, &phase_cols[k], v) : NULL;
            if (x)
                node_map_put(c->a, sub(c, ph, k < 7 ? "transitions" : "duration", NODE_MAP),
                             k < 7 ? phase_cols[k].key : phase_cols[k].key + 9, x);
        }
        const node *id = node_map_get(ph, "id");
        if (id && id->kind == NODE_STR)
            idmap_add(&c->phase_of, id->v.str.s, c->nphases);
        c->phase_nodes[c->nphases++] = ph;
        node_append(c->phases, ph);
    }
}

static void read_involvement(in_ctx *c, const node *rows)
{
    for (const node *row = rows ? rows->first : NULL; row; row = row->next) {
        node *ph = phase_for(c, S_INVOLVEMENT, row);
        const node *who = cell(row, "persona");
        if (!ph || !who)
            continue;
        const node *lv = cell(row, "involvement"), *e = cell(row, "emotion");
        if (lv)
            node_map_put(c->a, sub(c, ph, "involvement", NODE_MAP), who->v.str.s,
                         share(c->a, lv));
        node *x = e ? value_of(c, S_INVOLVEMENT, &involvement_cols[3], e) : NULL;
        if (x)
            node_map_put(c->a, sub(c, ph, "emotions", NODE_MAP), who->v.str.s, x);
    }
}

/* A card from a cards or pains row: its text alone, or a mapping. */
static node *card_of(in_ctx *c, int sheet, const node *row)
{
    static const char *const skip[] = { "phase", "lane", "kind", "evidence", "source",
                                        "fail_point", "fail_rate", NULL };
    node *m = map_of(c, sheet, row, skip);
    const node *fail = cell(row, "fail_point"), *rate = cell(row, "fail_rate");
    if (fail) {
        node *f = node_new(c->a, NODE_MAP, fail->file, fail->line, fail->col);
        node_map_put(c->a, f, "text", share(c->a, fail));
        node *r = rate ? value_of(c, sheet, &card_cols[9], rate) : NULL;
        if (r)
            node_map_put(c->a, f, "rate", r);
        node_map_put(c->a, m, "fail_point", f);
    }
    const node *ev = cell(row, "evidence"), *src = cell(row, "source");
    if (ev && src) {
        node *e = node_new(c->a, NODE_MAP, NULL, 0, 0);
        node_map_put(c->a, e, "level", share(c->a, ev));
        node_map_put(c->a, e, "source", share(c->a, src));
        node_map_put(c->a, m, "evidence", e);
    } else if (ev) {
        node_map_put(c->a, m, "evidence", share(c->a, ev));
    }
    node *text = node_map_get(m, "text");
    return m->count == 1 && text ? text : m;
}

static void read_cards(in_ctx *c, int sheet, const node *rows)
{
    for (const node *row = rows ? rows->first : NULL; row; row = row->next) {
        node *ph = phase_for(c, sheet, row);
        const node *lane = cell(row, sheet == S_CARDS ? "lane" : "kind");
        if (!ph || !lane)
            continue;
        const char *key = lane->v.str.s;
        if (sheet == S_PAINS)
            key = !strcmp(key, "opportunity") ? "opportunities" : "pains";
        node *at = ph;
        if (!strncmp(key, "blueprint.", 10)) {
            at = sub(c, ph, "blueprint", NODE_MAP);
            key += 10;
        }
        node_append(sub(c, at, key, NODE_SEQ), card_of(c, sheet, row));
    }
}

node *sheets_to_journey(arena *a, node *const *rows, const char *const *file, diag_list *d)
{
    int before = d->errors;
    in_ctx c = { .a = a, .d = d, .file = file };
    const node *jrow = rows[S_JOURNEY] ? rows[S_JOURNEY]->first : NULL;
    c.root = jrow ? map_of(&c, S_JOURNEY, jrow, NULL) : node_new(a, NODE_MAP, NULL, 0, 0);
    static const struct { int sheet; const char *key; } lists[] = {
        { S_PERSONAS, "personas" }, { S_TOUCHPOINTS, "touchpoints" } };
    for (int l = 0; l < 2; l++) {
        const node *r = rows[lists[l].sheet];
        if (!r || !r->count)
            continue;
        node *list = sub(&c, c.root, lists[l].key, NODE_SEQ);
        for (const node *row = r->first; row; row = row->next)
            node_append(list, map_of(&c, lists[l].sheet, row, NULL));
    }
    c.phases = sub(&c, c.root, "phases", NODE_SEQ);
    read_phases(&c, rows[S_PHASES]);
    read_involvement(&c, rows[S_INVOLVEMENT]);
    read_cards(&c, S_CARDS, rows[S_CARDS]);
    read_cards(&c, S_PAINS, rows[S_PAINS]);
    if (rows[S_ACTIONS] && rows[S_ACTIONS]->count) {
        node *list = sub(&c, c.root, "actions", NODE_SEQ);
        for (const node *row = rows[S_ACTIONS]->first; row; row = row->next)
            node_append(list, map_of(&c, S_ACTIONS, row, NULL));
    }
    return d->errors > before ? NULL : c.root;
}
