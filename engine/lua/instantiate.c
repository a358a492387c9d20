/*
 * instantiate.c — a journey from a template: parameters checked, build
 * run, the journey file's overrides merged (doc/merge.c, the one merge),
 * the template's finish hook run on the merged journey, scenario apply
 * functions resolved.  The same path serves `template:` journey files,
 * cjm.instantiate (a template used from another template) and cjm.merge.
 * Part of the host: see host.c for the sandbox.
 */
#define _GNU_SOURCE
#include "lua/host.h"
#include "lua/host_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "base/limit.h"
#include "doc/merge.h"
#include "doc/yaml.h"

/* ---- what a journey override may refer to -------------------------------- */

/* Where the journey refers to each kind of entity: removing one removes
 * these references too. */
static const merge_ref journey_refs[] = {
    { "personas", "phases[].involvement", REF_KEY, NULL },
    { "personas", "phases[].emotions", REF_KEY, NULL },
    { "personas", "phases[].transitions.approve", REF_KEY, NULL },
    { "personas", "scenarios[].changes[].approve", REF_KEY, NULL },
    { "personas", "actions[].effect[].approve", REF_KEY, NULL },
    { "personas", "phases[].steps[].personas", REF_VALUE, NULL },
    { "personas", "phases[].actions[].personas", REF_VALUE, NULL },
    { "personas", "phases[].thoughts[].personas", REF_VALUE, NULL },
    { "personas", "phases[].pains[].personas", REF_VALUE, NULL },
    { "personas", "phases[].opportunities[].personas", REF_VALUE, NULL },
    { "personas", "phases[].needs[].personas", REF_VALUE, NULL },
    { "phases", "phases[].transitions.back", REF_KEY, NULL },
    { "phases", "actions[]", REF_FIELD, "phase" },
    { "phases", "actions[].effect", REF_ITEM, "phase" },
    { "phases", "scenarios[].changes", REF_ITEM, "phase" },
    { "phases", "scenarios[].changes[].back", REF_KEY, NULL },
    { "phases", "actions[].effect[].back", REF_KEY, NULL },
    { "touchpoints", "phases[].touchpoints", REF_VALUE, NULL },
    { "touchpoints", "scenarios[].changes", REF_ITEM, "touchpoint" },
    { "touchpoints", "actions[].effect", REF_ITEM, "touchpoint" },
    { "cards", "actions[].addresses", REF_VALUE, NULL },
    { "cards", "phases[].blueprint.links", REF_ITEM, "from" },
    { "cards", "phases[].blueprint.links", REF_ITEM, "to" },
};

static const char *const card_lists[] = {
    "pains", "opportunities", "steps", "thoughts", "needs", "activities", "content",
    "deliverables", "questions", "evidence", "customer", "frontstage", "backstage",
    "support", NULL
};

/* A persona the journey file names anew is another person: of what the
 * template generated, only its id and role stay. */
static const char *const persona_keep[] = { "id", "role", NULL };

static const merge_rules journey_rules = {
    journey_refs, (int)(sizeof journey_refs / sizeof journey_refs[0]), card_lists,
    "personas", "name", persona_keep
};

/* ---- scenario apply functions --------------------------------------------- */

static const char *const APPLIES_KEY = "cjm.applies";   /* scenario id -> function */

/* (journey) Move the journey's scenario apply functions into the registry
 * by scenario id, leaving `apply = true`, so the journey converts to a
 * tree and back; returns the journey. */
static int stash_applies(lua_State *L)
{
    lua_settop(L, 1);
    if (lua_getfield(L, LUA_REGISTRYINDEX, APPLIES_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, APPLIES_KEY);
    }
    const int store = 2, list = 3;
    if (lua_type(L, 1) != LUA_TTABLE || lua_getfield(L, 1, "scenarios") != LUA_TTABLE) {
        lua_settop(L, 1);
        return 1;
    }
    for (lua_Integer i = 1; lua_rawgeti(L, list, i) == LUA_TTABLE; i++) {
        int sc = lua_gettop(L);
        if (lua_getfield(L, sc, "apply") == LUA_TFUNCTION
            && lua_getfield(L, sc, "id") == LUA_TSTRING) {
            lua_pushvalue(L, -2);           /* sc, fn, id, fn */
            lua_settable(L, store);         /* applies[id] = fn */
            lua_pushboolean(L, 1);
            lua_setfield(L, sc, "apply");
        }
        lua_settop(L, list);
    }
    lua_settop(L, 1);
    return 1;
}

/* (journey) Put the stashed apply functions back where `apply = true`. */
static int restore_applies(lua_State *L)
{
    lua_settop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, APPLIES_KEY);
    int store = lua_gettop(L);
    if (!lua_istable(L, store) || lua_getfield(L, 1, "scenarios") != LUA_TTABLE) {
        lua_settop(L, 1);
        return 1;
    }
    int list = lua_gettop(L);
    for (lua_Integer i = 1; lua_rawgeti(L, list, i) == LUA_TTABLE; i++) {
        int sc = lua_gettop(L);
        if (lua_getfield(L, sc, "apply") == LUA_TBOOLEAN && lua_toboolean(L, -1)
            && lua_getfield(L, sc, "id") == LUA_TSTRING) {
            lua_gettable(L, store);
            lua_setfield(L, sc, "apply");
        }
        lua_settop(L, list);
    }
    lua_settop(L, 1);
    return 1;
}

/* Run the lua_CFunction FN on the table on top of the stack (replaced by
 * the result); -1 after reporting. */
static int run_on_top(host *h, lua_CFunction fn, const char *file)
{
    lua_pushcfunction(h->L, fn);
    lua_insert(h->L, -2);
    return hostp_call(h, 1, 1, file);
}

/* The journey table on top of the stack (popped) as a tree, apply
 * functions stashed. */
static node *table_to_tree(host *h, arena *a, const char *file)
{
    if (run_on_top(h, stash_applies, file) < 0)
        return NULL;
    return hostp_to_node(h, a, file);
}

/* Push tree N as a journey table, apply functions restored, scenarios
 * resolved (their apply functions run on the final journey). */
static int tree_to_table(host *h, const node *n, const char *file)
{
    if (hostp_push(h, n, file) < 0)
        return -1;
    if (run_on_top(h, restore_applies, file) < 0 || hostp_resolve_scenarios(h, file) < 0) {
        lua_pop(h->L, 1);
        return -1;
    }
    return 0;
}

/* ---- instantiation ------------------------------------------------------------ */

/* What the stages of instantiating share. */
typedef struct inst {
    host *h;
    arena *a;
    const node *doc;            /* the journey file: template, params, overrides */
    const char *file;
    const char *tname;
    const node *tn;             /* the template's name node, for messages */
    int tmpl;                   /* stack index of the template table */
    host_param *specs;
    int nspecs;
    node *values;               /* the parameters in effect */
    const char *locale;
} inst;

/* --param KEY=VALUE strings applied over the journey's params. */
static void command_line_params(inst *in, const char *const *params, int count)
{
    for (int i = 0; i < count; i++) {
        const char *eq = strchr(params[i], '=');
        if (!eq || eq == params[i]) {
            diag_add(in->h->d, DIAG_ERROR, NULL, 0, 0, NULL, "--param %s: expected "
                     "KEY=VALUE", params[i]);
            continue;
        }
        char *key = arena_strndup(in->a, params[i], (size_t)(eq - params[i]));
        char *label = arena_printf(in->a, "--param %s", key);
        node *v = yaml_load_string(in->a, label, eq + 1, strlen(eq + 1), in->h->d);
        if (!v)
            continue;
        v->file = NULL;     /* report as the option, not a file */
        v->line = v->col = 0;
        hostp_apply_param(in->h, in->a, in->tname, in->specs, in->nspecs, key, v, label);
    }
}

/* The parameters in effect: defaults, the journey's params, --param; then
 * the locale (a `locale` parameter, else the journey's, else en).  -1
 * after errors. */
static int resolve_params(inst *in, const char *const *params, int count)
{
    host *h = in->h;
    int errors_before = h->d->errors;
    for (int i = 0; i < in->nspecs; i++)
        in->specs[i].value = in->specs[i].def;
    const node *given = node_map_get(in->doc, "params");
    if (given && given->kind != NODE_NULL && !node_is_map(given))
        diag_add(h->d, DIAG_ERROR, given->file ? given->file : in->file, given->line,
                 given->col, "params", "expected a mapping of parameter values");
    else
        for (const node *p = given ? given->first : NULL; p; p = p->next)
            hostp_apply_param(h, in->a, in->tname, in->specs, in->nspecs, p->key, p, in->file);
    command_line_params(in, params, count);
    in->values = node_new(in->a, NODE_MAP, NULL, 0, 0);
    in->locale = "en";
    const node *loc = node_map_get(in->doc, "locale");
    if (loc && loc->kind == NODE_STR)
        in->locale = loc->v.str.s;
    for (int i = 0; i < in->nspecs; i++) {
        const host_param *s = &in->specs[i];
        if (!s->value) {
            diag_add(h->d, DIAG_ERROR, in->file, in->doc->line, in->doc->col, "params",
                     "template %s: parameter \"%s\" is required (%s)", in->tname,
                     s->name, s->doc ? s->doc : "no default");
            continue;
        }
        long budget = (long)limit_count(LIM_NODES);
        node *v = node_copy(in->a, s->value, &budget);
        if (v)
            node_map_put(in->a, in->values, s->name, v);
        if (strcmp(s->name, "locale") == 0 && s->value->kind == NODE_STR)
            in->locale = s->value->v.str.s;
    }
    return h->d->errors > errors_before ? -1 : 0;
}

/* Push the template's function KEY, the parameters and a ctx; -1 after
 * reporting. */
static int push_call(inst *in, const char *key)
{
    lua_State *L = in->h->L;
    lua_pushstring(L, key);
    lua_rawget(L, in->tmpl);
    if (hostp_push(in->h, in->values, in->file) < 0)
        return -1;
    lua_pushcfunction(L, hostp_ctx_new);
    lua_pushstring(L, in->tname);
    lua_pushstring(L, in->locale);
    return hostp_call(in->h, 2, 1, in->file);
}

/* build(params, ctx) as a tree; NULL after reporting. */
static node *build(inst *in)
{
    if (push_call(in, "build") < 0 || hostp_call(in->h, 2, 1, in->file) < 0)
        return NULL;
    if (lua_type(in->h->L, -1) != LUA_TTABLE) {
        diag_add(in->h->d, DIAG_ERROR, in->file, in->tn->line, in->tn->col, "template",
                 "template %s: build returned %s, not a journey table", in->tname,
                 luaL_typename(in->h->L, -1));
        lua_pop(in->h->L, 1);
        return NULL;
    }
    return table_to_tree(in->h, in->a, in->file);
}

/* The journey file's overrides: every key but template and params. */
static node *overrides(inst *in)
{
    node *over = node_new(in->a, NODE_MAP, in->doc->file, in->doc->line, in->doc->col);
    for (const node *k = in->doc->first; k; k = k->next)
        if (strcmp(k->key, "template") != 0 && strcmp(k->key, "params") != 0) {
            long budget = (long)limit_count(LIM_NODES);
            node *copy = node_copy(in->a, k, &budget);
            if (copy)
                node_append(over, copy);
        }
    return over;
}

/* The merged journey J through the template's finish(journey, params,
 * ctx) hook when it has one, scenario apply functions run; as a tree with
 * J's positions.  NULL after reporting. */
static node *finish(inst *in, node *j)
{
    lua_State *L = in->h->L;
    lua_pushliteral(L, "finish");
    int has = lua_rawget(L, in->tmpl) == LUA_TFUNCTION;
    lua_pop(L, 1);
    if (tree_to_table(in->h, j, in->file) < 0)
        return NULL;
    if (has) {
        int journey = lua_gettop(L);
        if (push_call(in, "finish") < 0)
            return NULL;
        /* finish(journey, params, ctx): the journey goes first */
        lua_pushvalue(L, journey);
        lua_insert(L, -3);              /* finish, journey, params, ctx */
        lua_remove(L, journey);
        if (hostp_call(in->h, 3, 1, in->file) < 0)
            return NULL;
        if (lua_type(L, -1) != LUA_TTABLE) {
            diag_add(in->h->d, DIAG_ERROR, in->file, in->tn->line, in->tn->col, "template",
                     "template %s: finish returned %s, not the journey", in->tname,
                     luaL_typename(L, -1));
            lua_pop(L, 1);
            return NULL;
        }
        if (hostp_resolve_scenarios(in->h, in->file) < 0)
            return NULL;
    }
    node *out = hostp_to_node(in->h, in->a, in->file);
    doc_copy_positions(out, j);     /* scalars lose theirs in Lua */
    return out;
}

node *host_instantiate(host *h, arena *a, const node *doc,
                       const char *const *params, int param_count)
{
    lua_State *L = h->L;
    inst in = { .h = h, .a = a, .doc = doc, .file = doc->file ? doc->file : "<journey>" };
    in.tn = node_map_get(doc, "template");
    if (!in.tn || in.tn->kind != NODE_STR) {
        diag_add(h->d, DIAG_ERROR, in.file, in.tn ? in.tn->line : 0, in.tn ? in.tn->col : 0,
                 "template", "expected a template name such as b2b_approval");
        return NULL;
    }
    in.tname = in.tn->v.str.s;
    int top = lua_gettop(L);
    node *result = NULL;
    if (hostp_push_template(h, in.tname, in.file, in.tn->line, in.tn->col) < 0)
        goto done;
    in.tmpl = lua_gettop(L);
    host_template *info = hostp_read_template(h, a, in.tname, in.tmpl, in.file);
    if (!info)
        goto done;
    in.specs = info->params;
    in.nspecs = info->param_count;
    if (resolve_params(&in, params, param_count) < 0)
        goto done;
    node *j = build(&in);
    if (!j)
        goto done;
    int errors = h->d->errors;
    doc_merge(a, j, overrides(&in), &journey_rules,
              arena_printf(a, "template %s's journey", in.tname), h->d);
    if (h->d->errors == errors)
        result = finish(&in, j);
done:
    lua_settop(L, top);
    return result;
}

/* ---- the same from Lua ------------------------------------------------------------ */

/* The Lua value at IDX as a tree in A, problems as a Lua error. */
static node *lua_tree(lua_State *L, int idx, arena *a, const char *what)
{
    host *h = hostp_of(L);
    diag_list quiet;
    diag_init(&quiet);
    diag_list *saved = h->d;
    h->d = &quiet;
    lua_pushvalue(L, idx);
    node *n = table_to_tree(h, a, what);
    h->d = saved;
    if (!n) {
        const diag *e = quiet.first;
        lua_pushfstring(L, "%s: %s%s%s", what, e && e->path ? e->path : "",
                        e && e->path ? ": " : "", e ? e->message : "cannot convert");
        diag_free(&quiet);
        lua_error(L);
        return NULL;
    }
    diag_free(&quiet);
    return n;
}

static int free_arena(lua_State *L)
{
    arena_free(lua_touserdata(L, 1));
    return 0;
}

/* An arena freed when the Lua value on top of the stack is collected (or
 * the call unwinds), for trees made inside a Lua call. */
static arena *scoped_arena(lua_State *L)
{
    arena *a = lua_newuserdatauv(L, sizeof *a, 0);
    arena_init(a);
    lua_newtable(L);
    lua_pushcfunction(L, free_arena);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    return a;
}

/* core.merge(base, override) -> the merged journey (a new table): the one
 * merge, as cjm.merge and cjm.extend use it.  Errors are Lua errors. */
int hostp_core_merge(lua_State *L)
{
    host *h = hostp_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    arena *a = scoped_arena(L);
    node *base = lua_tree(L, 1, a, "cjm.merge: the base");
    node *over = lua_tree(L, 2, a, "cjm.merge: the override");
    diag_list d;
    diag_init(&d);
    doc_merge(a, base, over, &journey_rules, "the base", &d);
    if (d.errors) {
        const diag *e = d.first;
        char where[300] = "";
        if (e->file)
            snprintf(where, sizeof where, e->line ? "%s:%d: " : "%s: ", e->file, e->line);
        lua_pushfstring(L, "cjm.merge: %s%s%s%s", where, e->path ? e->path : "",
                        e->path ? ": " : "", e->message);
        diag_free(&d);
        return lua_error(L);
    }
    diag_free(&d);
    if (tree_to_table(h, base, "cjm.merge") < 0)
        return luaL_error(L, "cjm.merge: cannot make the merged table");
    return 1;
}

/* core.instantiate(doc) -> the journey the template DOC names, built the
 * way a `template:` journey file is (parameters checked, overrides
 * merged, finish run).  Problems are reported as the run's errors, and
 * raise. */
int hostp_core_instantiate(lua_State *L)
{
    host *h = hostp_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    arena *a = scoped_arena(L);
    node *doc = lua_tree(L, 1, a, "cjm.instantiate");
    int errors = h->d->errors;
    node *j = host_instantiate(h, a, doc, NULL, 0);
    if (!j || h->d->errors > errors) {
        const node *t = node_map_get(doc, "template");
        return luaL_error(L, "cjm.instantiate: template %s failed (see the errors above)",
                          t && t->kind == NODE_STR ? t->v.str.s : "?");
    }
    if (tree_to_table(h, j, "cjm.instantiate") < 0)
        return luaL_error(L, "cjm.instantiate: cannot make the journey table");
    return 1;
}
