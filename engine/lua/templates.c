/*
 * templates.c — templates: parameters, listing, and the ctx object a
 * template's build function receives (instantiate.c runs them).
 *
 * A template is a Lua module returning { name, summary, params, build }.
 * Its parameter specs are read into C and checked here, before build runs:
 * type, range, choices and unknown names, each with the template's and the
 * parameter's names (and the YAML position of the value when there is
 * one).  Part of the host: see host.c for the sandbox.
 */
#define _GNU_SOURCE
#include "lua/host.h"
#include "lua/host_internal.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lua.h>

#include "base/fsin.h"
#include "base/limit.h"
#include "doc/yaml.h"

/* ---- parameter specs ---------------------------------------------------- */

static const char *const param_type_names[] = {
    "number", "integer", "string", "boolean", "choice", "list", "map", NULL
};

typedef host_param param_spec;

/* A value V (a node) checked against SPEC; returns the value to use
 * (possibly converted) or NULL after an error. */
const node *host_check_param(host *h, arena *a, const char *tname,
                             const host_param *spec, const node *v,
                             const char *file)
{
    char msg[512] = "";
    const node *out = v;
    switch (spec->type) {
    case PT_NUMBER:
    case PT_INTEGER: {
        double x;
        if (v->kind == NODE_INT)
            x = (double)v->v.integer;
        else if (v->kind == NODE_FLOAT && spec->type == PT_NUMBER)
            x = v->v.number;
        else {
            snprintf(msg, sizeof msg, "expected %s, got %s",
                     spec->type == PT_INTEGER ? "an integer" : "a number",
                     node_kind_name(v->kind));
            break;
        }
        if ((!isnan(spec->min) && x < spec->min)
            || (!isnan(spec->max) && x > spec->max))
        {
            char a1[32], a2[32], a3[32];
            snprintf(msg, sizeof msg, "%s is out of range (%s..%s)", diag_num(x, a1),
                     diag_num(isnan(spec->min) ? -INFINITY : spec->min, a2),
                     diag_num(isnan(spec->max) ? INFINITY : spec->max, a3));
        }
        break;
    }
    case PT_STRING:
        if (v->kind == NODE_INT || v->kind == NODE_FLOAT) {
            char buf[48];
            if (v->kind == NODE_INT)
                snprintf(buf, sizeof buf, "%lld", v->v.integer);
            else
                diag_num(v->v.number, buf);
            node *s = node_new_str(a, buf, strlen(buf));
            s->file = v->file, s->line = v->line, s->col = v->col;
            out = s;
        } else if (v->kind != NODE_STR) {
            snprintf(msg, sizeof msg, "expected a string, got %s",
                     node_kind_name(v->kind));
        }
        break;
    case PT_BOOLEAN:
        if (v->kind != NODE_BOOL)
            snprintf(msg, sizeof msg, "expected true or false, got %s",
                     node_kind_name(v->kind));
        break;
    case PT_CHOICE: {
        int ok = 0;
        char list[256] = "";
        size_t used = 0;
        for (const node *c = spec->choices ? spec->choices->first : NULL; c;
             c = c->next) {
            if (v->kind == NODE_STR && c->kind == NODE_STR
                && strcmp(c->v.str.s, v->v.str.s) == 0)
                ok = 1;
            if (v->kind == NODE_INT && c->kind == NODE_INT
                && c->v.integer == v->v.integer)
                ok = 1;
            if (used < sizeof list - 40) {
                if (c->kind == NODE_STR)
                    used += (size_t)snprintf(list + used, sizeof list - used,
                                             "%s%s", used ? ", " : "", c->v.str.s);
                else if (c->kind == NODE_INT)
                    used += (size_t)snprintf(list + used, sizeof list - used,
                                             "%s%lld", used ? ", " : "",
                                             c->v.integer);
            }
        }
        if (!ok) {
            char *shown = v->kind == NODE_STR ? NULL : yaml_emit_inline(v, h->d);
            if (v->kind == NODE_STR)
                snprintf(msg, sizeof msg, "\"%.60s\" is not one of the "
                         "choices (%s)", v->v.str.s, list);
            else
                snprintf(msg, sizeof msg, "%.60s is not one of the choices "
                         "(%s)", shown ? shown : "the value", list);
            free(shown);
        }
        break;
    }
    case PT_LIST:
        if (!node_is_seq(v))
            snprintf(msg, sizeof msg, "expected a list, got %s",
                     node_kind_name(v->kind));
        break;
    case PT_MAP:
        if (!node_is_map(v))
            snprintf(msg, sizeof msg, "expected a mapping, got %s",
                     node_kind_name(v->kind));
        break;
    default:
        break;
    }
    if (!msg[0])
        return out;
    if (v->file && v->line)
        diag_add(h->d, DIAG_ERROR, v->file, v->line, v->col, NULL,
                 "template %s: parameter \"%s\": %s", tname, spec->name, msg);
    else
        diag_add(h->d, DIAG_ERROR, file, 0, 0, NULL,
                 "template %s: parameter \"%s\": %s", tname, spec->name, msg);
    return NULL;
}

static double spec_number(const node *n)
{
    if (!n)
        return NAN;
    if (n->kind == NODE_INT)
        return (double)n->v.integer;
    if (n->kind == NODE_FLOAT)
        return n->v.number;
    return NAN;
}

/* Read the template's `params` table (a node) into specs.  Problems in it
 * are the template author's, reported against the template. */
static param_spec *read_specs(host *h, arena *a, const char *tname,
                              const node *params, int *count)
{
    *count = 0;
    if (!params || (params->flags & NODE_EMPTY_TABLE))
        return NULL;
    if (params->kind != NODE_MAP) {
        diag_add(h->d, DIAG_ERROR, NULL, 0, 0, NULL, "template %s: params "
                 "must be a table of name = {type = ...}", tname);
        return NULL;
    }
    param_spec *specs = arena_alloc(a, sizeof *specs * (size_t)params->count);
    for (const node *p = params->first; p; p = p->next) {
        param_spec *s = &specs[*count];
        s->name = p->key;
        const node *type = node_map_get(p, "type");
        int t = -1;
        for (int i = 0; type && type->kind == NODE_STR && param_type_names[i]; i++)
            if (strcmp(type->v.str.s, param_type_names[i]) == 0)
                t = i;
        if (!node_is_map(p) || t < 0) {
            diag_add(h->d, DIAG_ERROR, NULL, 0, 0, NULL, "template %s: "
                     "parameter \"%s\" needs a type (number, integer, string, "
                     "boolean, choice, list or map)", tname, p->key);
            continue;
        }
        s->type = (host_param_type)t;
        s->type_name = param_type_names[t];
        s->def = node_map_get(p, "default");
        s->min = spec_number(node_map_get(p, "min"));
        s->max = spec_number(node_map_get(p, "max"));
        s->choices = node_map_get(p, "choices");
        const node *doc = node_map_get(p, "doc");
        s->doc = doc && doc->kind == NODE_STR ? doc->v.str.s : NULL;
        if (s->type == PT_CHOICE && (!s->choices || s->choices->kind != NODE_SEQ)) {
            diag_add(h->d, DIAG_ERROR, NULL, 0, 0, NULL, "template %s: "
                     "parameter \"%s\" is a choice but has no choices list",
                     tname, p->key);
            continue;
        }
        (*count)++;
    }
    return specs;
}

/* Set the value of the parameter named by N's key (or KEY) from N. */
void hostp_apply_param(host *h, arena *a, const char *tname,
                       param_spec *specs, int count, const char *key,
                       const node *n, const char *file)
{
    const char **names = arena_alloc(a, sizeof *names * (size_t)(count + 1));
    int nn = 0;
    for (int i = 0; i < count; i++) {
        if (strcmp(specs[i].name, key) == 0) {
            const node *v = host_check_param(h, a, tname, &specs[i], n, file);
            if (v)
                specs[i].value = v;
            return;
        }
        names[nn++] = specs[i].name;
    }
    const char *near = diag_suggest(key, names, nn);
    int line = n->key_line ? n->key_line : n->line;
    int col = n->key_line ? n->key_col : n->col;
    const char *where = n->file ? n->file : file;
    if (near)
        diag_add(h->d, DIAG_ERROR, where, line, col, NULL, "template %s: "
                 "unknown parameter \"%s\" (did you mean \"%s\"?)", tname,
                 key, near);
    else
        diag_add(h->d, DIAG_ERROR, where, line, col, NULL, "template %s: "
                 "unknown parameter \"%s\" (run `cjm templates %s` for its "
                 "parameters)", tname, key, tname);
}

/* ---- loading a template ------------------------------------------------- */

/* Require template NAME and push its table; -1 after reporting (at
 * FILE:LINE:COL, where the journey names it). */
int hostp_push_template(host *h, const char *name, const char *file,
                        int line, int col)
{
    lua_State *L = h->L;
    if (!hostp_valid_module_name(name)) {
        diag_add(h->d, DIAG_ERROR, file, line, col, "template",
                 "\"%s\" is not a template name (letters, digits, _ and -)",
                 name);
        return -1;
    }
    if (!hostp_module_exists(h, name)) {
        arena scratch;
        arena_init(&scratch);
        int n;
        const char **names = hostp_template_names(h, &scratch, &n);
        diag_add(h->d, DIAG_ERROR, file, line, col, "template", "no template \"%s\" "
                 "(--templates DIR looks in more folders); %s", name,
                 diag_choices(&scratch, name, names, n));
        arena_free(&scratch);
        return -1;
    }
    lua_pushcfunction(L, hostp_require);
    lua_pushstring(L, name);
    if (hostp_call(h, 1, 1, file) < 0)
        return -1;
    int ok = lua_type(L, -1) == LUA_TTABLE;
    if (ok) {
        lua_getfield(L, -1, "build");
        ok = lua_type(L, -1) == LUA_TFUNCTION;
        lua_pop(L, 1);
    }
    if (!ok) {
        lua_pop(L, 1);
        diag_add(h->d, DIAG_ERROR, file, line, col, "template",
                 "module \"%s\" is not a template (it must return a table "
                 "with a build function)", name);
        return -1;
    }
    return 0;
}

static const char *field_text(lua_State *L, int idx, const char *key,
                              arena *a)
{
    lua_getfield(L, idx, key);
    const char *s = lua_type(L, -1) == LUA_TSTRING
                        ? arena_strdup(a, lua_tostring(L, -1)) : NULL;
    lua_pop(L, 1);
    return s;
}

/* Describe the template table at IDX (named NAME). */
host_template *hostp_read_template(host *h, arena *a, const char *name,
                                  int idx, const char *file)
{
    lua_State *L = h->L;
    host_template *t = arena_alloc(a, sizeof *t);
    t->name = arena_strdup(a, name);
    t->summary = field_text(L, idx, "summary", a);
    lua_getfield(L, idx, "params");
    node *specs = NULL;
    if (!lua_isnil(L, -1)) {
        specs = hostp_to_node(h, a, file);
        if (!specs)
            return NULL;
    } else {
        lua_pop(L, 1);
    }
    int errors = h->d->errors;
    t->params = read_specs(h, a, name, specs, &t->param_count);
    return h->d->errors > errors ? NULL : t;
}

host_template *host_template_info(host *h, arena *a, const char *name)
{
    int top = lua_gettop(h->L);
    host_template *t = NULL;
    if (hostp_push_template(h, name, NULL, 0, 0) == 0)
        t = hostp_read_template(h, a, name, lua_gettop(h->L), name);
    lua_settop(h->L, top);
    return t;
}

/* ---- listing --------------------------------------------------------------- */

static int cmp_template(const void *pa, const void *pb)
{
    return strcmp(((const host_template *)pa)->name,
                  ((const host_template *)pb)->name);
}

/* Loading a module to see whether it is a template runs its top level
 * only (build runs later): a small budget of its own is plenty. */
#define LIST_MAX_INSTRUCTIONS 100000000LL

/* Add the templates of DIR (ORIGIN NULL: say the file) to the list. */
static void list_dir(host *h, arena *a, const char *dir, const char *origin,
                     host_template **items, int *count, int *cap)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        char *name = arena_strndup(a, e->d_name, len - 4);
        if (!hostp_valid_module_name(name) || strchr(name, '.'))
            continue;
        int seen = 0;
        for (int i = 0; i < *count; i++)
            if (strcmp((*items)[i].name, name) == 0)
                seen = 1;
        if (seen)
            continue;
        /* each file in a sandbox of its own, so that one that hits a limit
         * or breaks its environment cannot hide or change the others; a
         * module that is not a template is skipped without a word */
        diag_list quiet;
        diag_init(&quiet);
        host_options opt = h->opt;
        opt.datadir = h->datadir;
        opt.input_dir = h->input_dir;
        opt.template_dirs = (const char *const *)h->template_dirs;
        if (opt.max_instructions > LIST_MAX_INSTRUCTIONS)
            opt.max_instructions = LIST_MAX_INSTRUCTIONS;
        host *one = host_new(&opt, &quiet);
        host_template *t = NULL;
        if (one && hostp_push_template(one, name, NULL, 0, 0) == 0)
            t = hostp_read_template(one, a, name, lua_gettop(one->L), name);
        host_free(one);
        int loaded_but_broken = !t && quiet.first
            && !strstr(quiet.first->message, "is not a template");
        if (loaded_but_broken)
            diag_add(h->d, DIAG_WARNING, quiet.first->file, quiet.first->line,
                     0, NULL, "template %s cannot be loaded: %s", name,
                     quiet.first->message);
        diag_free(&quiet);
        if (!t)
            continue;
        t->origin = origin ? origin : arena_printf(a, "%s/%s", dir, e->d_name);
        if (*count == *cap) {
            *cap = *cap ? *cap * 2 : 16;
            host_template *grown = arena_alloc(a, sizeof *grown * (size_t)*cap);
            if (*count)
                memcpy(grown, *items, sizeof *grown * (size_t)*count);
            *items = grown;
        }
        (*items)[(*count)++] = *t;
    }
    closedir(dp);
}

int host_list_templates(host *h, arena *a, host_template **out)
{
    host_template *items = NULL;
    int count = 0, cap = 0;
    /* the order require searches in, so a listed template is the one
     * `template: NAME` gets */
    if (h->input_dir)
        list_dir(h, a, h->input_dir, NULL, &items, &count, &cap);
    for (int i = 0; h->template_dirs[i]; i++) {
        int again = h->input_dir && strcmp(h->input_dir, h->template_dirs[i]) == 0;
        for (int k = 0; k < i && !again; k++)
            again = strcmp(h->template_dirs[k], h->template_dirs[i]) == 0;
        if (!again)         /* a folder given twice is listed once */
            list_dir(h, a, h->template_dirs[i], NULL, &items, &count, &cap);
    }
    char builtin[4096];
    snprintf(builtin, sizeof builtin, "%s/templates", h->datadir);
    list_dir(h, a, builtin, "built-in", &items, &count, &cap);
    if (count)
        qsort(items, (size_t)count, sizeof *items, cmp_template);
    *out = items;
    return count;
}

/* ---- ctx.load ---------------------------------------------------------------- */

/* ctx.load(path): the journey document at PATH, relative to the journey's
 * folder and inside it (fsin_read_beneath): a YAML file as a table, or
 * the value a Lua script returns.  Lets a template build on a journey
 * file. */
static int ctx_load(lua_State *L)
{
    host *h = hostp_of(L);
    const char *rel = luaL_checkstring(L, 1);
    if (!h->input_dir)
        return luaL_error(L, "ctx.load: \"%s\": this journey has no folder", rel);
    size_t len;
    fsin_status st;
    char why[300];
    char *text = fsin_read_beneath(h->input_dir, rel, limit_bytes(LIM_FILE), &len,
                                   &st, why, sizeof why);
    if (!text)
        return luaL_error(L, "ctx.load: \"%s\" %s%s", rel, why,
                          st == FSIN_TOO_BIG ? " (raise it with --limit file=MB)" : "");
    lua_pushfstring(L, "%s/%s", h->input_dir, rel);
    const char *path = lua_tostring(L, -1);
    size_t plen = strlen(path);
    if (plen > 4 && strcmp(path + plen - 4, ".lua") == 0) {
        lua_pushfstring(L, "@%s", path);
        int status = luaL_loadbufferx(L, text, len, lua_tostring(L, -1), "t");
        free(text);
        if (status != LUA_OK)
            return lua_error(L);
        lua_call(L, 0, 1);
        return 1;
    }
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    node *doc = yaml_load_string(&a, path, text, len, &d);
    free(text);
    if (!doc) {
        const diag *e = d.first;
        lua_pushfstring(L, "ctx.load: %s:%d:%d: %s", e ? e->file : rel,
                        e ? e->line : 0, e ? e->col : 0,
                        e ? e->message : "cannot load");
        arena_free(&a);
        diag_free(&d);
        return lua_error(L);
    }
    /* positions live on in the marks table, file names with them */
    int rc = hostp_push(h, doc, path);
    arena_free(&a);
    diag_free(&d);
    if (rc < 0)
        return luaL_error(L, "ctx.load: cannot convert \"%s\"", rel);
    return 1;
}

/* ctx_new(template_name, locale): the ctx table a template's build
 * function receives.  Called in protected mode. */
int hostp_ctx_new(lua_State *L)
{
    host *h = hostp_of(L);
    const char *tname = luaL_checkstring(L, 1);
    const char *locale = luaL_checkstring(L, 2);
    lua_createtable(L, 0, 6);
    lua_pushcfunction(L, hostp_new_random);
    lua_pushinteger(L, (lua_Integer)h->opt.seed);
    lua_call(L, 1, 1);
    lua_setfield(L, -2, "random");
    lua_pushinteger(L, (lua_Integer)h->opt.seed);
    lua_setfield(L, -2, "seed");
    lua_pushstring(L, locale);
    lua_setfield(L, -2, "locale");
    lua_pushstring(L, tname);
    lua_setfield(L, -2, "template");
    lua_pushcfunction(L, ctx_load);
    lua_setfield(L, -2, "load");
    return 1;
}

/* ---- annotations for editors ------------------------------------------------ */

void host_lua_types(sbuf *b)
{
    sbuf_puts(b, "\n---@alias cjm.ParamType");
    for (int i = 0; param_type_names[i]; i++)
        sbuf_printf(b, "%s\"%s\"", i ? "|" : " ", param_type_names[i]);
    sbuf_puts(b, "\n\n"
        "---A template parameter's spec: cjm checks every value against it before\n"
        "---build runs.\n"
        "---@class cjm.Param\n"
        "---@field type cjm.ParamType\n"
        "---@field default? any The value when the journey file gives none (none: required)\n"
        "---@field min? number The smallest value (number, integer)\n"
        "---@field max? number The largest value (number, integer)\n"
        "---@field choices? (string|number)[] The values allowed (choice)\n"
        "---@field doc? string What the parameter does, shown by cjm templates NAME\n\n"
        "---A seeded random generator: the same seed gives the same draws everywhere.\n"
        "---r() a float in [0, 1); r(n) an integer in 1..n; r(m, n) one in m..n.\n"
        "---@class cjm.Random\n"
        "---@overload fun(): number\n"
        "---@overload fun(n: integer): integer\n"
        "---@overload fun(m: integer, n: integer): integer\n"
        "---@field pick fun(self: cjm.Random, list: any[]): any A random element of a "
        "non-empty list\n"
        "---@field shuffle fun(self: cjm.Random, list: any[]): any[] Shuffles LIST in place "
        "and returns it\n"
        "---@field normal fun(self: cjm.Random, mean: number, sd: number): number A normal "
        "draw\n\n"
        "---What build and finish receive besides the parameters.\n"
        "---@class cjm.Ctx\n"
        "---@field random cjm.Random The seeded generator (--seed)\n"
        "---@field seed integer The seed\n"
        "---@field locale string The journey's locale (en, ja, zh...)\n"
        "---@field template string The template's name\n"
        "---@field load fun(path: string): table A journey file beside the journey, as a "
        "table\n\n"
        "---A template: what a Lua module returns to be used as `template: NAME`.\n"
        "---@class cjm.Template\n"
        "---@field name string The template's name\n"
        "---@field summary? string One line shown by cjm templates\n"
        "---@field params? table<string, cjm.Param> The parameters, by name\n"
        "---@field build fun(params: table, ctx: cjm.Ctx): cjm.Journey Generates the journey\n"
        "---@field finish? fun(journey: cjm.Journey, params: table, ctx: cjm.Ctx): "
        "cjm.Journey? Runs after the journey file's overrides\n");
}

