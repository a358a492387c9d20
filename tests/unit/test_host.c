/*
 * test_host.c — the sandboxed Lua host: what scripts can and cannot
 * reach, the three limits, error reports, conversion of returned tables,
 * and template parameters.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lua/host.h"
#include "doc/yaml.h"
#include "base/watchdog.h"

typedef struct fixture {
    arena a;
    diag_list d;
    char dir[64];
    host_options opt;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    arena_init(&f->a);
    diag_init(&f->d);
    snprintf(f->dir, sizeof f->dir, "/tmp/cjm-host-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    const char *root = getenv("ROOT");
    f->opt.datadir = root ? root : ".";
    f->opt.input_dir = f->dir;
    f->opt.seed = 1;
    f->opt.max_instructions = 20000000;
    f->opt.max_memory = (size_t)64 << 20;
    /* a guard against a hang; longer under the sanitizers (TIMEOUT_SCALE) */
    const char *scale = getenv("TIMEOUT_SCALE");
    watchdog_arm(10 * (scale && atof(scale) > 1 ? atof(scale) : 1));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    if (system(cmd) != 0)
        return -1;
    arena_free(&f->a);
    diag_free(&f->d);
    free(f);
    return 0;
}

static const char *write_file(fixture *f, const char *name, const char *text)
{
    char *path = arena_printf(&f->a, "%s/%s", f->dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

/* Run SCRIPT in a fresh host; the returned tree or NULL. */
static node *run(fixture *f, const char *script)
{
    const char *path = write_file(f, "s.lua", script);
    host *h = host_new(&f->opt, &f->d);
    assert_non_null(h);
    node *n = host_run_file(h, &f->a, path);
    host_free(h);
    return n;
}

static int message_has(fixture *f, const char *text)
{
    for (const diag *e = f->d.first; e; e = e->next)
        if (strstr(e->message, text))
            return 1;
    return 0;
}

static void test_returns_tree(void **state)
{
    fixture *f = *state;
    node *n = run(f, "return { b = { 1, 2.5, 'x', true }, a = {} }");
    assert_non_null(n);
    assert_int_equal(n->kind, NODE_MAP);
    assert_string_equal(n->first->key, "a");        /* keys sorted */
    assert_true(n->first->flags & NODE_EMPTY_TABLE);
    node *b = node_map_get(n, "b");
    assert_int_equal(b->kind, NODE_SEQ);
    assert_int_equal(b->first->kind, NODE_INT);
    assert_int_equal(b->first->next->kind, NODE_FLOAT);
    assert_int_equal(b->last->kind, NODE_BOOL);
}

static void test_forbidden_globals(void **state)
{
    fixture *f = *state;
    node *n = run(f, "return { io = type(rawget(_G, 'io')), debug = type(rawget(_G, 'debug')),"
                     " package = type(rawget(_G, 'package')), dofile = type(rawget(_G, 'dofile')),"
                     " loadfile = type(rawget(_G, 'loadfile')), dump = type(string.dump),"
                     " exec = type(os.execute), getenv = type(os.getenv), time = type(os.time),"
                     " clock = type(os.clock), date = type(os.date) }");
    assert_non_null(n);
    const char *nil_ones[] = { "io", "debug", "package", "dofile", "loadfile",
                               "dump", "exec", "getenv" };
    for (size_t i = 0; i < sizeof nil_ones / sizeof nil_ones[0]; i++)
        assert_string_equal(node_map_get(n, nil_ones[i])->v.str.s, "nil");
    assert_string_equal(node_map_get(n, "time")->v.str.s, "function");
    assert_string_equal(node_map_get(n, "clock")->v.str.s, "function");
    assert_string_equal(node_map_get(n, "date")->v.str.s, "function");
}

static void test_load_text_only(void **state)
{
    fixture *f = *state;
    node *n = run(f, "local ok = load('return 1 + 1')()\n"
                     "local f, err = load('\\27Lua')\n"
                     "local ok2, err2 = pcall(load, 'return 1', 'x', 'bt')\n"
                     "return { ok = ok, err = err, err2 = err2 }");
    assert_non_null(n);
    assert_int_equal(node_map_get(n, "ok")->v.integer, 2);
    assert_non_null(strstr(node_map_get(n, "err")->v.str.s, "binary chunk"));
    assert_non_null(strstr(node_map_get(n, "err2")->v.str.s, "binary chunks are not allowed"));
}

static void test_string_metatable_locked(void **state)
{
    fixture *f = *state;
    node *n = run(f, "return { mt = getmetatable('') }");
    assert_non_null(n);
    assert_string_equal(node_map_get(n, "mt")->v.str.s,
                        "the string metatable is locked");
}

static void test_undeclared_global(void **state)
{
    fixture *f = *state;
    assert_null(run(f, "local x = 1\nreturn { v = undefined_thing }"));
    assert_string_equal(f->d.first->message, "undeclared global 'undefined_thing'");
    assert_int_equal(f->d.first->line, 2);
    assert_non_null(f->d.first->extra);     /* the traceback */
    assert_non_null(strstr(f->d.first->extra, "stack traceback"));
}

static void test_instruction_limit(void **state)
{
    fixture *f = *state;
    f->opt.max_instructions = 1000000;
    assert_null(run(f, "local n = 0\nwhile true do n = n + 1 end"));
    assert_true(f->d.limit_hit);
    assert_int_equal(diag_exit_code(&f->d), EXIT_LIMIT);
    assert_true(message_has(f, "instruction limit of 1000000 exceeded"));
}

static void test_limit_survives_pcall(void **state)
{
    fixture *f = *state;
    f->opt.max_instructions = 1000000;
    assert_null(run(f, "for i = 1, 1000 do pcall(function() while true do end end) end\n"
                       "return { survived = true }"));
    assert_true(f->d.limit_hit);
}

static void test_instruction_limit_counts_coroutines(void **state)
{
    fixture *f = *state;
    f->opt.max_instructions = 2000000;
    assert_null(run(f, "for i = 1, 1e7 do coroutine.wrap(function() for k = 1, 900 do end end)() end"));
    assert_true(message_has(f, "instruction limit"));
}

static void test_memory_limit_then_healthy(void **state)
{
    fixture *f = *state;
    f->opt.max_memory = (size_t)16 << 20;
    assert_null(run(f, "local t = {}\nfor i = 1, 1e8 do t[i] = ('x'):rep(50) .. i end"));
    assert_true(f->d.limit_hit);
    assert_true(message_has(f, "memory limit of 16 MB exceeded"));
    /* the process is still healthy: a new host runs a script fine */
    diag_free(&f->d);
    diag_init(&f->d);
    node *n = run(f, "return { ok = true }");
    assert_non_null(n);
    assert_int_equal(f->d.errors, 0);
}

static void test_time_limit(void **state)
{
    fixture *f = *state;
    watchdog_arm(0.3);
    f->opt.max_instructions = 1000000000000LL;
    assert_null(run(f, "while true do end"));
    assert_true(message_has(f, "time limit of 0.3 s exceeded"));
}

static void test_error_values(void **state)
{
    fixture *f = *state;
    assert_null(run(f, "error({})"));
    assert_string_equal(f->d.first->message, "error object is a table value, not a message");
    assert_null(run(f, "error(nil)"));
    assert_string_equal(f->d.last->message, "error called with nil (no message)");
    assert_null(run(f, "error('plain', 0)"));
    assert_string_equal(f->d.last->message, "plain");
}

static void test_cycle_and_functions_refused(void **state)
{
    fixture *f = *state;
    assert_null(run(f, "local t = {}\nt.list = { t }\nreturn t"));
    assert_string_equal(f->d.first->path, "list[0]");
    assert_null(run(f, "return { f = print }"));
    assert_string_equal(f->d.last->path, "f");
}

static void test_text_must_be_utf8(void **state)
{
    fixture *f = *state;
    /* accepted: ASCII, 2-, 3- and 4-byte forms at the edges */
    assert_non_null(run(f, "return { t = 'a\\xC2\\x80 \\xE2\\x82\\xAC \\xED\\x9F\\xBF "
                           "\\xF0\\x9F\\x98\\x80 \\xF4\\x8F\\xBF\\xBF' }"));
    static const char *const bad[] = {
        "\\xC0\\xAF",          /* overlong '/' */
        "\\xE0\\x80\\xAF",      /* overlong, 3 bytes */
        "\\xED\\xA0\\x80",      /* a UTF-16 surrogate */
        "\\xF4\\x90\\x80\\x80",  /* past U+10FFFF */
        "ok\\xE2\\x82",        /* cut short at the end */
        "\\x80",              /* a continuation byte first */
        "\\xE9t\\xE9",         /* Latin-1 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char script[96];
        snprintf(script, sizeof script, "return { list = { 'fine', '%s' } }", bad[i]);
        assert_null(run(f, script));
        assert_string_equal(f->d.last->path, "list[1]");
        assert_true(message_has(f, "not valid UTF-8"));
    }
}

static void test_shared_table_is_not_a_cycle(void **state)
{
    fixture *f = *state;
    node *n = run(f, "local shared = { 1, 2 }\nreturn { a = shared, b = shared }");
    assert_non_null(n);
    assert_int_equal(node_map_get(n, "b")->count, 2);
}

static void test_require_search(void **state)
{
    fixture *f = *state;
    write_file(f, "helper.lua", "return { answer = 42 }");
    node *n = run(f, "local h = require 'helper'\nlocal again = require 'helper'\n"
                     "local cjm = require 'cjm'\n"
                     "return { v = h.answer, same = (h == again), j = type(cjm.journey) }");
    assert_non_null(n);
    assert_int_equal(node_map_get(n, "v")->v.integer, 42);
    assert_true(node_map_get(n, "same")->v.boolean);
    assert_string_equal(node_map_get(n, "j")->v.str.s, "function");
    assert_null(run(f, "return require '..helper'"));
    assert_true(message_has(f, "invalid module name"));
    assert_null(run(f, "return require 'os'"));
    assert_true(message_has(f, "module 'os' not found"));
}

static void test_require_loop(void **state)
{
    fixture *f = *state;
    write_file(f, "loopy.lua", "return require 'loopy'");
    assert_null(run(f, "return require 'loopy'"));
    assert_true(message_has(f, "requires itself"));
}

static void test_marks_give_lines(void **state)
{
    fixture *f = *state;
    node *n = run(f, "local cjm = require 'cjm'\nlocal x = 1\n"
                     "return cjm.journey {\n  personas = { cjm.persona { id = 'a' } },\n}");
    assert_non_null(n);
    assert_int_equal(n->line, 3);
    const node *p = node_map_get(n, "personas")->first;
    assert_int_equal(p->line, 4);
    assert_int_equal(node_map_get(p, "id")->line, 4);   /* inherits */
}

static void test_random_reproducible(void **state)
{
    fixture *f = *state;
    const char *script = "return { math.random(1, 1000000), math.random(1, 1000000) }";
    node *a = run(f, script);
    node *b = run(f, script);
    assert_non_null(a);
    assert_int_equal(a->first->v.integer, b->first->v.integer);
    f->opt.seed = 2;
    node *c = run(f, script);
    assert_true(a->first->v.integer != c->first->v.integer
                || a->last->v.integer != c->last->v.integer);
}

static void test_print_goes_to_stderr(void **state)
{
    fixture *f = *state;
    fflush(stdout);
    /* print must not reach stdout, which carries build output */
    FILE *saved = stdout;
    char buf[256] = "";
    FILE *mem = fmemopen(buf, sizeof buf, "w");
    stdout = mem;
    node *n = run(f, "print('hello from a script')\nreturn {}");
    fclose(mem);
    stdout = saved;
    assert_non_null(n);
    assert_null(strstr(buf, "hello"));
}

static const char *TEMPLATE =
    "return {\n"
    "  name = 'mini', summary = 'a tiny template',\n"
    "  params = {\n"
    "    size = { type = 'integer', default = 3, min = 1, max = 10, doc = 'how many' },\n"
    "    tone = { type = 'choice', choices = { 'calm', 'loud' }, default = 'calm' },\n"
    "    label = { type = 'string', default = 'x' },\n"
    "  },\n"
    "  build = function(p, ctx)\n"
    "    local personas = {}\n"
    "    for i = 1, p.size do personas[i] = { id = 'p' .. i, name = p.tone .. ctx.random(100) } end\n"
    "    return { id = 'mini', title = p.label, personas = personas,\n"
    "             phases = { { id = 'one', name = 'One' } } }\n"
    "  end,\n"
    "}\n";

static node *instantiate(fixture *f, const char *yaml, const char *const *params,
                         int count)
{
    write_file(f, "mini.lua", TEMPLATE);
    node *doc = yaml_load_string(&f->a, "j.yaml", yaml, strlen(yaml), &f->d);
    assert_non_null(doc);
    host *h = host_new(&f->opt, &f->d);
    node *n = host_instantiate(h, &f->a, doc, params, count);
    host_free(h);
    return n;
}

static void test_template_defaults_and_overrides(void **state)
{
    fixture *f = *state;
    const char *params[] = { "size=5" };
    node *n = instantiate(f, "template: mini\nparams: { label: Hello }\n"
                             "title: Overridden\n", params, 1);
    assert_non_null(n);
    assert_int_equal(node_map_get(n, "personas")->count, 5);
    assert_string_equal(node_map_get(n, "title")->v.str.s, "Overridden");
}

static void test_template_param_errors(void **state)
{
    fixture *f = *state;
    assert_null(instantiate(f, "template: mini\nparams:\n  size: 50\n  tone: angry\n"
                               "  sise: 2\n", NULL, 0));
    assert_int_equal(f->d.errors, 3);
    const diag *e = f->d.first;
    assert_string_equal(e->message, "template mini: parameter \"size\": 50 is out of range (1..10)");
    assert_int_equal(e->line, 3);
    assert_int_equal(e->col, 9);
    assert_string_equal(e->next->message, "template mini: parameter \"tone\": \"angry\" "
                        "is not one of the choices (calm, loud)");
    assert_string_equal(e->next->next->message,
                        "template mini: unknown parameter \"sise\" (did you mean \"size\"?)");
}

static void test_template_cli_param_type(void **state)
{
    fixture *f = *state;
    const char *params[] = { "size=many" };
    assert_null(instantiate(f, "template: mini\n", params, 1));
    assert_string_equal(f->d.first->message,
                        "template mini: parameter \"size\": expected an integer, got a string");
}

static void test_template_seeded(void **state)
{
    fixture *f = *state;
    node *a = instantiate(f, "template: mini\n", NULL, 0);
    node *b = instantiate(f, "template: mini\n", NULL, 0);
    const char *na = node_map_get(node_map_get(a, "personas")->first, "name")->v.str.s;
    const char *nb = node_map_get(node_map_get(b, "personas")->first, "name")->v.str.s;
    assert_string_equal(na, nb);
    f->opt.seed = 99;
    node *c = instantiate(f, "template: mini\n", NULL, 0);
    node *pc = node_map_get(c, "personas")->first;
    int differs = 0;
    node *pa = node_map_get(a, "personas")->first;
    for (; pa && pc; pa = pa->next, pc = pc->next)
        differs |= strcmp(node_map_get(pa, "name")->v.str.s,
                          node_map_get(pc, "name")->v.str.s) != 0;
    assert_true(differs);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_returns_tree),
        T(test_forbidden_globals),
        T(test_load_text_only),
        T(test_string_metatable_locked),
        T(test_undeclared_global),
        T(test_instruction_limit),
        T(test_limit_survives_pcall),
        T(test_instruction_limit_counts_coroutines),
        T(test_memory_limit_then_healthy),
        T(test_time_limit),
        T(test_error_values),
        T(test_cycle_and_functions_refused),
        T(test_text_must_be_utf8),
        T(test_shared_table_is_not_a_cycle),
        T(test_require_search),
        T(test_require_loop),
        T(test_marks_give_lines),
        T(test_random_reproducible),
        T(test_print_goes_to_stderr),
        T(test_template_defaults_and_overrides),
        T(test_template_param_errors),
        T(test_template_cli_param_type),
        T(test_template_seeded),
    };
    return cmocka_run_group_tests_name("host", tests, NULL, NULL);
}
