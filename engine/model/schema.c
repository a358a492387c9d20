/*
 * schema.c — the JSON Schema and the Lua annotations of the journey
 * format, both walked from the field tables (model/fields.h).
 *
 * Every table becomes an object schema twice: whole (required keys, no
 * nulls for them) and as an override (nothing required, any key may be
 * ~, items addressed by id may say add/remove/replace).  What a custom
 * reader accepts is named by its row's shape and described here once.
 */
#include "model/schema.h"
#include "model/fields.h"
#include "model/model.h"

#include <math.h>
#include <string.h>

typedef struct sctx {
    arena *a;
    int over;           /* writing the override variant */
} sctx;

/* Tables whose items are addressed by id in overrides, and get a $def. */
static const char *const item_tables[] = {
    "persona", "touchpoint", "phase", "action", "scenario", "card", "change", "outcome",
    "segment", NULL
};

/* An edit: "*1.2", "+0.05", "-0.05", "=0.4" (a plain number is the other branch). */
#define EDIT_PATTERN "^([*=+][+-]?|-)([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$"
#define DATE_PATTERN "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
#define LOCALE_PATTERN "^[a-z]{2,3}(-.{2,8})?$"
#define TEMPLATE_PATTERN "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"

/* ---- node building ---------------------------------------------------- */

static node *obj(sctx *c)
{
    return node_new(c->a, NODE_MAP, NULL, 0, 0);
}

static node *arr(sctx *c)
{
    return node_new(c->a, NODE_SEQ, NULL, 0, 0);
}

static node *str(sctx *c, const char *s)
{
    return node_new_str(c->a, s, strlen(s));
}

/* A list of the one string S. */
static node *one(sctx *c, const char *s)
{
    node *l = arr(c);
    node_append(l, str(c, s));
    return l;
}

static node *put(sctx *c, node *map, const char *key, node *v)
{
    node_map_put(c->a, map, key, v);
    return map;
}

static node *put_s(sctx *c, node *map, const char *key, const char *s)
{
    return put(c, map, key, str(c, s));
}

static node *num(sctx *c, double v)
{
    return v == floor(v) && fabs(v) < 1e15 ? node_new_int(c->a, (long long)v)
                                           : node_new_float(c->a, v);
}

static node *typed(sctx *c, const char *type)
{
    return put_s(c, obj(c), "type", type);
}

static node *ranged(sctx *c, const char *type, double min, double max)
{
    node *s = typed(c, type);
    put(c, s, "minimum", num(c, min));
    return put(c, s, "maximum", num(c, max));
}

static node *ref(sctx *c, const char *def)
{
    return put(c, obj(c), "$ref", str(c, arena_printf(c->a, "#/$defs/%s%s", def,
                                                      c->over ? ".override" : "")));
}

static node *enum_of(sctx *c, const char *const *names)
{
    node *e = arr(c);
    for (int i = 0; names[i]; i++)
        node_append(e, str(c, names[i]));
    return put(c, obj(c), "enum", e);
}

static node *any_of(sctx *c, node *x, node *y)
{
    node *l = arr(c);
    node_append(l, x);
    node_append(l, y);
    return put(c, obj(c), "anyOf", l);
}

static node *array_of(sctx *c, node *items)
{
    return put(c, typed(c, "array"), "items", items);
}

static node *nullable(sctx *c, node *s);

/* A mapping of any keys (persona ids, phase ids) to VALUES; in an
 * override a value may be ~ (the key is removed). */
static node *map_of(sctx *c, node *values)
{
    return put(c, typed(c, "object"), "additionalProperties",
               c->over ? nullable(c, values) : values);
}

/* Text: cjm reads numbers as text too (a name "2024"), never booleans. */
static node *text(sctx *c)
{
    node *t = arr(c);
    node_append(t, str(c, "string"));
    node_append(t, str(c, "number"));
    return put(c, obj(c), "type", t);
}

/* S, also accepting null ("key:" with no value, or key: ~ in overrides). */
static node *nullable(sctx *c, node *s)
{
    node *type = node_map_get(s, "type");
    if (type && type->kind == NODE_STR) {
        node *t = arr(c);
        node_append(t, str(c, type->v.str.s));
        node_append(t, str(c, "null"));
        node_replace(s, type, t);
        return s;
    }
    if (type && type->kind == NODE_SEQ) {
        node_append(type, str(c, "null"));
        return s;
    }
    return any_of(c, s, typed(c, "null"));
}

/* ---- tables and shapes ------------------------------------------------ */

static node *object_of(sctx *c, const char *table);

static node *cards(sctx *c)
{
    node *one = any_of(c, text(c), ref(c, "card"));
    node *l = arr(c);
    node_append(l, text(c));
    node_append(l, ref(c, "card"));
    node_append(l, array_of(c, one));
    return put(c, obj(c), "anyOf", l);
}

static node *edit(sctx *c)
{
    return any_of(c, typed(c, "number"),
                  put_s(c, typed(c, "string"), "pattern", EDIT_PATTERN));
}

/* What each custom reader accepts: the JSON Schema and the Lua type of a
 * row's shape.  "list:T" rows (lists of T items) are handled apart. */
static node *sh_evidence(sctx *c)
{
    return any_of(c, enum_of(c, model_evidence_names()), object_of(c, "evidence"));
}
static node *sh_fail_point(sctx *c) { return any_of(c, text(c), object_of(c, "fail_point")); }
static node *sh_time(sctx *c)
{
    return any_of(c, ranged(c, "number", 0, 1e7), object_of(c, "time"));
}
static node *sh_edits(sctx *c) { return map_of(c, edit(c)); }
static node *sh_duration_edit(sctx *c)
{
    return any_of(c, edit(c), object_of(c, "duration_edit"));
}
static node *sh_involvement(sctx *c)
{
    return map_of(c, enum_of(c, model_involvement_names()));
}
static node *sh_emotions(sctx *c)
{
    return map_of(c, any_of(c, ranged(c, "number", -3, 3), object_of(c, "emotion")));
}
static node *sh_probabilities(sctx *c) { return map_of(c, ranged(c, "number", 0, 1)); }
static node *sh_probability(sctx *c) { return ranged(c, "number", 0, 1); }
static node *sh_transitions(sctx *c) { return object_of(c, "transitions"); }
static node *sh_blueprint(sctx *c) { return object_of(c, "blueprint"); }
static node *sh_duration(sctx *c)
{
    return any_of(c, ranged(c, "number", 0, 36500), object_of(c, "duration"));
}
static node *sh_links(sctx *c) { return array_of(c, object_of(c, "link")); }
static node *sh_changes(sctx *c)
{
    return any_of(c, ref(c, "change"), array_of(c, ref(c, "change")));
}
static node *sh_horizon(sctx *c)
{
    static const char *const words[] = { "now", "next", "later", NULL };
    return any_of(c, enum_of(c, words), put_s(c, typed(c, "string"), "pattern", DATE_PATTERN));
}
/* a whole journey inside this one (in an override, any part of one) */
static node *sh_journey(sctx *c)
{
    return c->over ? typed(c, "object") : put_s(c, obj(c), "$ref", "#/$defs/journey");
}
static node *sh_cost(sctx *c) { return object_of(c, "cost"); }
static node *sh_arrivals(sctx *c) { return object_of(c, "arrivals"); }
static node *sh_value(sctx *c)
{
    return any_of(c, ranged(c, "number", 0, 1e15), object_of(c, "value"));
}
static node *sh_numbers(sctx *c) { return array_of(c, ranged(c, "number", 0, 1e9)); }
static node *sh_new_touchpoint(sctx *c) { return ref(c, "touchpoint"); }
static node *sh_new_phase(sctx *c) { return ref(c, "phase"); }
static node *sh_locale(sctx *c) { return put_s(c, typed(c, "string"), "pattern", LOCALE_PATTERN); }

typedef struct shape_def {
    const char *name;
    node *(*json)(sctx *c);
    const char *lua;
} shape_def;

static const shape_def shapes[] = {
    { "evidence", sh_evidence, "cjm.EvidenceLevel|cjm.Evidence" },
    { "fail_point", sh_fail_point, "string|cjm.FailPoint" },
    { "time", sh_time, "number|cjm.Time" },
    { "edit", edit, "cjm.Edit" },
    { "edits", sh_edits, "table<string, cjm.Edit>" },
    { "duration_edit", sh_duration_edit, "cjm.Edit|cjm.DurationEdit" },
    { "involvement", sh_involvement, "table<string, cjm.Involvement>" },
    { "emotions", sh_emotions, "table<string, number|cjm.Emotion>" },
    { "probabilities", sh_probabilities, "table<string, number>" },
    { "probability", sh_probability, "number" },
    { "transitions", sh_transitions, "cjm.Transitions" },
    { "blueprint", sh_blueprint, "cjm.Blueprint" },
    { "duration", sh_duration, "number|cjm.Duration" },
    { "links", sh_links, "cjm.Link[]" },
    { "changes", sh_changes, "cjm.Change|cjm.Change[]" },
    { "horizon", sh_horizon, "\"now\"|\"next\"|\"later\"|string" },
    { "journey", sh_journey, "cjm.Journey" },
    { "locale", sh_locale, "string" },
    { "new_touchpoint", sh_new_touchpoint, "cjm.Touchpoint" },
    { "cost", sh_cost, "cjm.Cost" },
    { "arrivals", sh_arrivals, "cjm.Arrivals" },
    { "value", sh_value, "number|cjm.Value" },
    { "numbers", sh_numbers, "number[]" },
    { "new_phase", sh_new_phase, "cjm.Phase" },
};

static const shape_def *find_shape(const char *name)
{
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
        if (strcmp(shapes[i].name, name) == 0)
            return &shapes[i];
    return NULL;
}

static node *shape(sctx *c, const char *name)
{
    if (strncmp(name, "list:", 5) == 0)
        return array_of(c, ref(c, name + 5));
    const shape_def *s = find_shape(name);
    return s ? s->json(c) : NULL;
}

static node *field_schema(sctx *c, const field *f)
{
    node *s = NULL;
    switch (f->type) {
    case FT_TEXT:
        s = text(c);
        break;
    case FT_ID:
        s = put(c, put_s(c, typed(c, "string"), "pattern", MODEL_ID_PATTERN),
                "maxLength", num(c, MODEL_ID_MAX));
        break;
    case FT_INT:
        s = ranged(c, "integer", f->min, f->max);
        break;
    case FT_NUM:
        s = ranged(c, "number", f->min, f->max);
        break;
    case FT_BOOL:
        s = typed(c, "boolean");
        break;
    case FT_ENUM:
        s = enum_of(c, f->names);
        break;
    case FT_STRS:
        s = any_of(c, text(c), array_of(c, text(c)));
        break;
    case FT_CARDS:
        s = cards(c);
        break;
    case FT_CUSTOM:
        s = shape(c, f->shape);
        break;
    }
    if (!s)
        return NULL;
    if (c->over || !(f->flags & F_REQUIRED))
        s = nullable(c, s);
    else if (f->shape && strncmp(f->shape, "list:", 5) == 0)
        put(c, s, "minItems", num(c, 1));
    return put_s(c, s, "description", f->doc);
}

static int is_item_table(const char *table)
{
    for (int i = 0; item_tables[i]; i++)
        if (strcmp(item_tables[i], table) == 0)
            return 1;
    return 0;
}

/* The merge's own keys, on items addressed by id in an override. */
static void put_merge_keys(sctx *c, node *props)
{
    put(c, props, "add", put_s(c, typed(c, "boolean"), "description",
                               "A new item: the template has no item with this id"));
    put(c, props, "remove", put_s(c, typed(c, "boolean"), "description",
                                  "Remove the generated item and every reference to it"));
    put(c, props, "replace", put_s(c, typed(c, "boolean"), "description",
                                   "Replace the generated item whole"));
}

static node *object_of(sctx *c, const char *table)
{
    const field_table *t = model_field_table(table);
    node *s = typed(c, "object"), *props = obj(c), *req = arr(c);
    for (int i = 0; i < t->count; i++) {
        node *fs = field_schema(c, &t->fields[i]);
        if (fs)
            put(c, props, t->fields[i].key, fs);
        if ((t->fields[i].flags & F_REQUIRED) && !c->over)
            node_append(req, str(c, t->fields[i].key));
    }
    if (c->over && is_item_table(table) && strcmp(table, "change") != 0)
        put_merge_keys(c, props);
    put(c, s, "properties", props);
    put(c, s, "patternProperties", put(c, obj(c), "^x-", node_new_bool(c->a, 1)));
    put(c, s, "additionalProperties", node_new_bool(c->a, 0));
    if (req->count)
        put(c, s, "required", req);
    return s;
}

/* ---- the document ----------------------------------------------------- */

static node *templated(sctx *c, node *template_rules)
{
    node *s = object_of(c, "journey");
    node *props = node_map_get(s, "properties");
    node *tmpl = put_s(c, put_s(c, typed(c, "string"), "pattern", TEMPLATE_PATTERN),
                       "description", "The template that generates the journey: a built-in "
                       "one (cjm templates) or a .lua file beside this one");
    node *params = put_s(c, typed(c, "object"), "description",
                         "The template's parameters (cjm templates NAME lists them)");
    put(c, props, "template", tmpl);
    put(c, props, "params", nullable(c, params));
    put(c, s, "required", one(c, "template"));
    if (template_rules && template_rules->count)
        put(c, s, "allOf", template_rules);
    return put_s(c, s, "description", "A journey generated by a template, with overrides");
}

node *model_schema(arena *a, node *template_rules)
{
    sctx c = { a, 0 };
    node *root = obj(&c), *defs = obj(&c);
    put_s(&c, root, "$schema", "https://json-schema.org/draft/2020-12/schema");
    put_s(&c, root, "title", "cjm journey");
    put_s(&c, root, "description", "A customer journey for cjm (written by cjm schema from "
          "the tables cjm check validates with)");
    put(&c, root, "if", put(&c, typed(&c, "object"), "required", one(&c, "template")));
    put(&c, root, "then", put_s(&c, obj(&c), "$ref", "#/$defs/templated"));
    put(&c, root, "else", put_s(&c, obj(&c), "$ref", "#/$defs/journey"));
    for (c.over = 0; c.over <= 1; c.over++)
        for (int i = 0; item_tables[i]; i++)
            put(&c, defs, arena_printf(a, "%s%s", item_tables[i], c.over ? ".override" : ""),
                object_of(&c, item_tables[i]));
    c.over = 0;
    put(&c, defs, "journey", put_s(&c, object_of(&c, "journey"), "description",
                                   "A whole journey"));
    c.over = 1;
    put(&c, defs, "templated", templated(&c, template_rules));
    put(&c, root, "$defs", defs);
    return root;
}

/* ---- Lua annotations -------------------------------------------------- */

/* "cjm." and NAME in CamelCase ("fail_point" -> "cjm.FailPoint"), then
 * SUFFIX the same way, into BUF. */
static const char *lua_name(char *buf, size_t size, const char *name, const char *suffix)
{
    size_t n = (size_t)snprintf(buf, size, "cjm.");
    const char *parts[] = { name, suffix };
    for (int p = 0; p < 2; p++) {
        int up = 1;
        for (const char *s = parts[p]; s && *s && n + 1 < size; s++) {
            if (*s == '_') {
                up = 1;
                continue;
            }
            buf[n++] = up && *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
            up = 0;
        }
    }
    buf[n] = '\0';
    return buf;
}

static void lua_alias(sbuf *b, const char *name, const char *const *names)
{
    sbuf_printf(b, "---@alias %s", name);
    for (int i = 0; names[i]; i++)
        sbuf_printf(b, "%s\"%s\"", i ? "|" : " ", names[i]);
    sbuf_puts(b, "\n");
}

static void lua_type(sbuf *b, const field_table *t, const field *f)
{
    char buf[96];
    switch (f->type) {
    case FT_TEXT: sbuf_puts(b, "string|number"); break;
    case FT_ID: sbuf_puts(b, "string"); break;
    case FT_INT: sbuf_puts(b, "integer"); break;
    case FT_NUM: sbuf_puts(b, "number"); break;
    case FT_BOOL: sbuf_puts(b, "boolean"); break;
    case FT_ENUM: sbuf_puts(b, lua_name(buf, sizeof buf, t->name, f->key)); break;
    case FT_STRS: sbuf_puts(b, "string|string[]"); break;
    case FT_CARDS: sbuf_puts(b, "cjm.Cards"); break;
    case FT_CUSTOM:
        if (strncmp(f->shape, "list:", 5) == 0)
            sbuf_printf(b, "%s[]", lua_name(buf, sizeof buf, f->shape + 5, NULL));
        else
            sbuf_puts(b, find_shape(f->shape) ? find_shape(f->shape)->lua : "any");
        break;
    }
}

/* Keys only a Lua journey has, added to the class of their table. */
static const struct { const char *table, *line; } lua_only[] = {
    { "scenario", "---@field apply? fun(journey: cjm.Journey): cjm.Journey? A function of a "
                  "copy of the journey (Lua only): its result is the scenario's journey\n" },
};

void model_lua_types(sbuf *b)
{
    char buf[96];
    int n;
    const field_table *tables = model_field_tables(&n);
    sbuf_puts(b, "---@meta\n"
              "-- The journey format for lua-language-server: a class per table the\n"
              "-- validator reads, written by `cjm schema --lua`.  Do not edit; run\n"
              "-- `make schema` after changing the tables in engine/model/model.c.\n\n");
    for (int i = 0; i < n; i++)
        for (int k = 0; k < tables[i].count; k++)
            if (tables[i].fields[k].type == FT_ENUM)
                lua_alias(b, lua_name(buf, sizeof buf, tables[i].name,
                                      tables[i].fields[k].key), tables[i].fields[k].names);
    lua_alias(b, "cjm.Involvement", model_involvement_names());
    sbuf_puts(b, "---An edit: 0.4 sets; \"*1.2\" multiplies; \"+0.05\" and \"-0.05\" add; "
              "\"=0.4\" sets\n---@alias cjm.Edit number|string\n"
              "---Cards: text, a card, or a list of them\n"
              "---@alias cjm.Cards string|cjm.Card|(string|cjm.Card)[]\n");
    for (int i = 0; i < n; i++) {
        const field_table *t = &tables[i];
        sbuf_printf(b, "\n---@class %s\n", lua_name(buf, sizeof buf, t->name, NULL));
        for (int k = 0; k < t->count; k++) {
            const field *f = &t->fields[k];
            sbuf_printf(b, "---@field %s%s ", f->key, f->flags & F_REQUIRED ? "" : "?");
            lua_type(b, t, f);
            sbuf_printf(b, " %s\n", f->doc);
        }
        for (size_t k = 0; k < sizeof lua_only / sizeof lua_only[0]; k++)
            if (strcmp(lua_only[k].table, t->name) == 0)
                sbuf_puts(b, lua_only[k].line);
    }
}
