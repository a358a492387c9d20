/*
 * test_yaml.c — the YAML loader and emitter: typing, anchors, merges,
 * limits, positions, and output that reads back the same.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc/yaml.h"
#include "doc/yaml_fast.h"

typedef struct fixture {
    arena a;
    diag_list d;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    arena_init(&f->a);
    diag_init(&f->d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    arena_free(&f->a);
    diag_free(&f->d);
    free(f);
    return 0;
}

static node *load(fixture *f, const char *text)
{
    return yaml_load_string(&f->a, "t.yaml", text, strlen(text), &f->d);
}

static node_kind plain_kind(const char *s)
{
    node n;
    memset(&n, 0, sizeof n);
    yaml_resolve_plain(s, strlen(s), &n);
    return n.kind;
}

static void test_resolve_null_and_bool(void **state)
{
    (void)state;
    assert_int_equal(plain_kind(""), NODE_NULL);
    assert_int_equal(plain_kind("~"), NODE_NULL);
    assert_int_equal(plain_kind("null"), NODE_NULL);
    assert_int_equal(plain_kind("yes"), NODE_BOOL);
    assert_int_equal(plain_kind("Off"), NODE_BOOL);
    assert_int_equal(plain_kind("TRUE"), NODE_BOOL);
    assert_int_equal(plain_kind("y"), NODE_STR);       /* as PyYAML reads it */
    assert_int_equal(plain_kind("nulls"), NODE_STR);
}

static void test_resolve_integers(void **state)
{
    (void)state;
    node n;
    memset(&n, 0, sizeof n);
    struct { const char *text; long long value; } cases[] = {
        { "0", 0 }, { "42", 42 }, { "-17", -17 }, { "+5", 5 },
        { "0x1F", 31 }, { "0b101", 5 }, { "017", 15 }, { "0o17", 15 },
        { "1_000", 1000 }, { "190:20:30", 685230 },
        { "-9223372036854775808", LLONG_MIN },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(yaml_resolve_plain(cases[i].text,
                                            strlen(cases[i].text), &n), 0);
        assert_int_equal(n.kind, NODE_INT);
        assert_true(n.v.integer == cases[i].value);
    }
    assert_int_equal(yaml_resolve_plain("99999999999999999999", 20, &n), -1);
    assert_int_equal(plain_kind("12abc"), NODE_STR);
    assert_int_equal(plain_kind("08"), NODE_STR);      /* not octal */
    /* digits past the range, then letters: text, not an overflow (a fuzz find) */
    assert_int_equal(yaml_resolve_plain("4222222222222222222222ee", 24, &n), 0);
    assert_int_equal(n.kind, NODE_STR);
    assert_int_equal(plain_kind("0x1ffffffffffffffffffz"), NODE_STR);
}

static void test_resolve_floats(void **state)
{
    (void)state;
    node n;
    memset(&n, 0, sizeof n);
    struct { const char *text; double value; } cases[] = {
        { "1.5", 1.5 }, { ".5", 0.5 }, { "-2.", -2.0 }, { "1e3", 1000 },
        { "6.02e+23", 6.02e23 }, { "1_0.5", 10.5 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        yaml_resolve_plain(cases[i].text, strlen(cases[i].text), &n);
        assert_int_equal(n.kind, NODE_FLOAT);
        assert_true(n.v.number == cases[i].value);
    }
    yaml_resolve_plain(".inf", 4, &n);
    assert_true(isinf(n.v.number) && n.v.number > 0);
    yaml_resolve_plain("-.Inf", 5, &n);
    assert_true(isinf(n.v.number) && n.v.number < 0);
    yaml_resolve_plain(".NaN", 4, &n);
    assert_true(isnan(n.v.number));
    assert_int_equal(plain_kind("."), NODE_STR);
    assert_int_equal(plain_kind("1.2.3"), NODE_STR);
    assert_int_equal(plain_kind("e5"), NODE_STR);
}

static void test_quoted_stays_string(void **state)
{
    fixture *f = *state;
    node *root = load(f, "a: '1'\nb: \"yes\"\nc: !!str 3\nd: 3\n");
    assert_non_null(root);
    assert_int_equal(node_map_get(root, "a")->kind, NODE_STR);
    assert_int_equal(node_map_get(root, "b")->kind, NODE_STR);
    assert_int_equal(node_map_get(root, "c")->kind, NODE_STR);
    assert_int_equal(node_map_get(root, "d")->kind, NODE_INT);
}

static void test_positions(void **state)
{
    fixture *f = *state;
    node *root = load(f, "top:\n  - x\n  - key: value\n");
    assert_non_null(root);
    node *top = node_map_get(root, "top");
    assert_int_equal(top->key_line, 1);
    assert_int_equal(top->key_col, 1);
    assert_int_equal(top->first->line, 2);
    assert_int_equal(top->first->col, 5);
    node *value = node_map_get(top->first->next, "key");
    assert_int_equal(value->line, 3);
    assert_int_equal(value->col, 10);
    assert_int_equal(value->key_col, 5);
}

static void test_keys_are_text(void **state)
{
    fixture *f = *state;
    node *root = load(f, "yes: 1\n3: 2\nnull: 3\n");
    assert_non_null(root);
    assert_non_null(node_map_get(root, "yes"));
    assert_non_null(node_map_get(root, "3"));
    assert_non_null(node_map_get(root, "null"));
}

static void test_alias_expands(void **state)
{
    fixture *f = *state;
    node *root = load(f, "a: &x [1, 2]\nb: *x\n");
    assert_non_null(root);
    node *b = node_map_get(root, "b");
    assert_int_equal(b->kind, NODE_SEQ);
    assert_int_equal(b->count, 2);
    assert_int_equal(b->line, 2);         /* the copy is placed at the alias */
    assert_ptr_not_equal(b->first, node_map_get(root, "a")->first);
}

static void test_merge_keys(void **state)
{
    fixture *f = *state;
    node *root = load(f, "base: &b {x: 1, y: 2}\n"
                         "over: {<<: *b, y: 3}\n"
                         "multi: {<<: [{p: 1}, {p: 2, q: 2}]}\n"
                         "quoted: {'<<': 1}\n");
    assert_non_null(root);
    node *over = node_map_get(root, "over");
    assert_int_equal(over->count, 2);
    assert_int_equal(node_map_get(over, "x")->v.integer, 1);
    assert_int_equal(node_map_get(over, "y")->v.integer, 3);
    node *multi = node_map_get(root, "multi");
    assert_int_equal(node_map_get(multi, "p")->v.integer, 1);  /* first wins */
    assert_int_equal(node_map_get(multi, "q")->v.integer, 2);
    assert_non_null(node_map_get(node_map_get(root, "quoted"), "<<"));
}

static void test_merge_needs_mapping(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "a: {<<: 5}\n"));
    assert_string_equal(f->d.first->message,
                        "merge key << needs a mapping or a list of mappings, "
                        "got an integer");
}

static void test_duplicate_keys(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "a: 1\nb: 2\na: 3\n"));
    assert_int_equal(f->d.errors, 1);
    assert_int_equal(f->d.first->line, 3);
    assert_int_equal(f->d.first->col, 1);
    assert_string_equal(f->d.first->message,
                        "duplicate key \"a\" (first defined at line 1)");
}

static void test_alias_cycle(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "a: &a [1, *a]\n"));
    assert_string_equal(f->d.first->message,
                        "alias *a refers to a node that contains it (a cycle)");
}

static void test_alias_bomb(void **state)
{
    fixture *f = *state;
    char text[4096] = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
    const char *names = "abcdefghij";
    for (int i = 1; i < 10; i++) {
        char line[256];
        snprintf(line, sizeof line, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,"
                 "*%c,*%c]\n", names[i], names[i], names[i - 1], names[i - 1],
                 names[i - 1], names[i - 1], names[i - 1], names[i - 1],
                 names[i - 1], names[i - 1], names[i - 1], names[i - 1]);
        strcat(text, line);
    }
    assert_null(load(f, text));
    assert_non_null(strstr(f->d.first->message, "billion laughs"));
    /* refused long before expanding: far less than a billion nodes made */
    assert_true(f->a.used_total < 512L * 1024 * 1024);
}

static void test_deep_nesting(void **state)
{
    fixture *f = *state;
    size_t n = 10000;
    char *text = malloc(2 * n + 1);
    memset(text, '[', n);
    memset(text + n, ']', n);
    text[2 * n] = '\0';
    assert_null(load(f, text));
    free(text);
    assert_string_equal(f->d.first->message, "nesting deeper than 200 levels (raise the limit with --limit depth=N)");
    assert_int_equal(f->d.first->col, 201);
}

static void test_bad_utf8_position(void **state)
{
    fixture *f = *state;
    const char text[] = "a: 1\nb: caf\xc3\xa9 \xff\n";
    assert_null(yaml_load_string(&f->a, "t.yaml", text, sizeof text - 1, &f->d));
    assert_int_equal(f->d.first->line, 2);
    assert_int_equal(f->d.first->col, 9);      /* counted in characters */
}

static void test_empty_stream(void **state)
{
    fixture *f = *state;
    assert_null(load(f, ""));
    assert_null(load(f, "# only a comment\n"));
    assert_int_equal(f->d.errors, 2);
}

static void test_unknown_tag(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "a: !!binary aGVsbG8=\n"));
    assert_non_null(strstr(f->d.first->message, "unsupported tag"));
}

/* Emit a tree, load it back, emit again: same bytes and same values. */
static void test_emit_round_trip(void **state)
{
    fixture *f = *state;
    const char *src =
        "s: plain text\n"
        "looks_bool: 'yes'\n"
        "looks_int: '0x10'\n"
        "looks_null: '~'\n"
        "colon: 'a: b'\n"
        "multi: \"line one\\nline two\\n\"\n"
        "unicode: 顧客の旅\n"
        "f1: 1.0\n"
        "f2: 0.1\n"
        "f3: 1e300\n"
        "f4: -.inf\n"
        "i: -7\n"
        "b: false\n"
        "n: null\n"
        "list: [a, 'b c', 3]\n"
        "nested: {k: [1, {x: y}]}\n"
        "empty: []\n"
        "'<<': not a merge\n";
    node *root = load(f, src);
    assert_non_null(root);
    size_t len1, len2;
    char *out1 = yaml_emit(root, &len1, &f->d);
    assert_non_null(out1);
    node *again = yaml_load_string(&f->a, "out.yaml", out1, len1, &f->d);
    assert_non_null(again);
    char *out2 = yaml_emit(again, &len2, &f->d);
    assert_int_equal(len1, len2);
    assert_memory_equal(out1, out2, len1);
    assert_int_equal(node_map_get(again, "looks_bool")->kind, NODE_STR);
    assert_int_equal(node_map_get(again, "looks_int")->kind, NODE_STR);
    assert_int_equal(node_map_get(again, "looks_null")->kind, NODE_STR);
    assert_string_equal(node_map_get(again, "multi")->v.str.s,
                        "line one\nline two\n");
    assert_int_equal(node_map_get(again, "f1")->kind, NODE_FLOAT);
    assert_true(node_map_get(again, "f2")->v.number == 0.1);
    assert_true(node_map_get(again, "f3")->v.number == 1e300);
    assert_string_equal(node_map_get(again, "unicode")->v.str.s, "顧客の旅");
    assert_non_null(node_map_get(again, "<<"));
    assert_non_null(strstr(out1, "unicode: 顧客の旅"));  /* not escaped */
    free(out1);
    free(out2);
}

static void test_format_float(void **state)
{
    (void)state;
    char buf[48];
    yaml_format_float(1.0, buf, 0);
    assert_string_equal(buf, "1.0");
    yaml_format_float(0.1, buf, 0);
    assert_string_equal(buf, "0.1");
    yaml_format_float(1e300, buf, 0);
    assert_string_equal(buf, "1.0e+300");
    yaml_format_float(-2.5e-7, buf, 0);
    assert_string_equal(buf, "-2.5e-07");
    yaml_format_float(1.0 / 3.0, buf, 0);
    assert_true(strtod(buf, NULL) == 1.0 / 3.0);
    yaml_format_float(INFINITY, buf, 1);
    assert_string_equal(buf, "null");
}


/* ---- yaml_fast: the common shape, read as libyaml reads it ------------- */

static const char *const fast_reads[] = {
    "a: 1\nb:\n- x\n- y: 2\n  z: [1, \"q\", {k: v}]\nc:\n    - p\n",
    "# c\n\na: 1 # one\n\n  # a deeper comment\nb: two words  \n",
    "\xe5\x90\x8d\xe5\x89\x8d: \xe5\x80\xa4\nk: {a: \xe6\x97\xa5\xe6\x9c\xac, b: x}\n",
    "a: 'single'\nb: \"double\"\n'k k': v\n\"q\" : w\n",
    "url: http://x.y/z#frag\nt: a:b c\nn: -5\nm: [-1, -2.5]\n",
    "a: [ ]\nb: { }\nc: [ x , y ]\nd: {a: [1, {b: c}]}\n",
    "---\na: 1\n",
    "phases:\n  - id: p\n    steps:\n      - s1\n      - s2\n    emotions: {a: 1}\n"
    "  - id: q\n",
    "- a\n- b: c\n  d: e\n-\n  - x\n",
    "a: b",
    "a:\n  text here\nb: 1\n",
    "a  : 1\n",
    "a: x, y\nb: x [y] {z}\nc: it's\n",
    "a:\n- 1\n- 2\nb: 3\n",
};

static const char *const fast_declines[] = {
    "a: |\n  x\n", "a: >-\n  x\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
    "a: \"x\\n\"\n", "a: 'it''s'\n", "a: b\n  c\n", "a: [x,\n  y]\n", "a:\n",
    "a:\tb\n", "a: b\r\n", "? a\n: b\n", "a: b\n---\nc: d\n", "x\n", "  a: 1\n",
    "a: {b}\n", "a: [b, ]\n", "{a: 1}\n", "a: b: c\n", "a: x\xc2\x85y\n",
    "a: [a:b]\n", "a: 1\n- b\n", "- - a\n", "a: - b\n", "a: \"never\n",
    "%YAML 1.1\n---\na: 1\n", "a: x #c\n  y\n", "", "# only\n",
    "a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]"
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
};

static void test_fast_reads_as_libyaml(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof fast_reads / sizeof *fast_reads; i++) {
        const char *t = fast_reads[i];
        if (yaml_fast_read(t, strlen(t), NULL, NULL) != 0)
            fail_msg("yaml_fast declined %s", t);
        if (!yaml_fast_agrees(t, strlen(t)))
            fail_msg("yaml_fast read otherwise than libyaml: %s", t);
    }
}

static void test_fast_declines(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof fast_declines / sizeof *fast_declines; i++) {
        const char *t = fast_declines[i];
        if (yaml_fast_read(t, strlen(t), NULL, NULL) == 0)
            fail_msg("yaml_fast read %s", t);
    }
}

/* The loader gives the same tree and positions either way: a file read
 * fast, and the same file with a comment libyaml must read (a tab). */
static void test_fast_same_tree(void **state)
{
    fixture *f = *state;
    const char *fast = "a: 1\nb: [x, {k: 'v'}]\nc:\n  - d: 2.5\n";
    const char *slow = "a: 1\nb: [x, {k: 'v'}]\nc:\n  - d: 2.5\n#\t\n";
    assert_int_equal(yaml_fast_read(fast, strlen(fast), NULL, NULL), 0);
    assert_int_not_equal(yaml_fast_read(slow, strlen(slow), NULL, NULL), 0);
    node *x = load(f, fast), *y = load(f, slow);
    assert_non_null(x);
    assert_non_null(y);
    char *tx = yaml_emit(x, &(size_t){ 0 }, &f->d), *ty = yaml_emit(y, &(size_t){ 0 }, &f->d);
    assert_string_equal(tx, ty);
    free(tx);
    free(ty);
    const node *d = node_map_get(node_map_get(x, "c")->first, "d");
    assert_int_equal(d->line, 4);
    assert_int_equal(d->col, 8);
    assert_int_equal(d->key_col, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolve_null_and_bool),
        cmocka_unit_test(test_resolve_integers),
        cmocka_unit_test(test_resolve_floats),
        cmocka_unit_test(test_format_float),
        cmocka_unit_test_setup_teardown(test_quoted_stays_string, setup, teardown),
        cmocka_unit_test_setup_teardown(test_positions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys_are_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alias_expands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_merge_needs_mapping, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alias_cycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alias_bomb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_utf8_position, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_stream, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_tag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_emit_round_trip, setup, teardown),
        cmocka_unit_test(test_fast_reads_as_libyaml),
        cmocka_unit_test(test_fast_declines),
        cmocka_unit_test_setup_teardown(test_fast_same_tree, setup, teardown),
    };
    return cmocka_run_group_tests_name("yaml", tests, NULL, NULL);
}
