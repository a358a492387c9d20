/*
 * test_validate.c — the model builder and the validator: every kind of
 * rule, the paths and positions of its messages, and normalization.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "model/validate.h"
#include "doc/yaml.h"

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

static const char *BASE =
    "id: t\n"
    "title: T\n"
    "personas:\n"
    "  - { id: a, name: Ann }\n"
    "  - { id: g, name: Gus, role: approver }\n"
    "touchpoints:\n"
    "  - { id: web, name: Web, channel: website }\n"
    "phases:\n"
    "  - id: p1\n"
    "    name: One\n"
    "    involvement: { a: driver, g: gatekeeper }\n"
    "    touchpoints: [web]\n"
    "    pains: [{ id: slow, text: Slow }, Dear]\n"
    "    transitions: { advance: 0.3, drop: 0.1, approve: { g: 0.5 } }\n"
    "  - id: p2\n"
    "    name: Two\n"
    "    transitions: { advance: 0.2, back: { p1: 0.1 } }\n";

/* Load BASE with EXTRA appended, build and validate; the journey. */
static cjm_journey *build(fixture *f, const char *extra)
{
    char text[8192];
    snprintf(text, sizeof text, "%s%s", BASE, extra);
    node *root = yaml_load_string(&f->a, "j.yaml", text, strlen(text), &f->d);
    assert_non_null(root);
    cjm_journey *j = model_build(&f->a, root, &f->d);
    val_journey(&f->a, j, &f->d);
    return j;
}

/* The one error reported: its path and message. */
static void expect_error(fixture *f, const char *path, const char *message)
{
    if (f->d.errors != 1)
        diag_print(&f->d, stderr);
    assert_int_equal(f->d.errors, 1);
    if (path)
        assert_string_equal(f->d.first->path, path);
    else
        assert_null(f->d.first->path);
    assert_string_equal(f->d.first->message, message);
}

static void test_valid_base(void **state)
{
    fixture *f = *state;
    cjm_journey *j = build(f, "");
    assert_int_equal(f->d.errors, 0);
    assert_int_equal(j->persona_count, 2);
    assert_int_equal(j->phase_count, 2);
    assert_string_equal(j->phases[0].pains.items[1].id, "p1_pain_2");
    /* involvement is sparse: p2 names no one, so everyone is none there */
    assert_int_equal(j->phases[1].involvement_count, 0);
    assert_int_equal(model_involvement(j, &j->phases[1], 0), INV_NONE);
    assert_int_equal(j->phases[0].involvement_count, 2);
    assert_int_equal(model_involvement(j, &j->phases[0], 1), INV_GATEKEEPER);
    assert_int_equal(model_find_persona(j, "g"), 1);
    assert_int_equal(model_find_phase(j, "p2"), 1);
    assert_int_equal(model_find_phase(j, "p3"), -1);
    assert_int_equal(j->personas[1].role, ROLE_APPROVER);
    assert_true(j->touchpoints[0].online);
    assert_true(j->touchpoints[0].reach == 1.0);
}

static void test_unknown_key_with_suggestion(void **state)
{
    fixture *f = *state;
    build(f, "horizn: 30\n");
    expect_error(f, "horizn", "unknown key \"horizn\" (did you mean \"horizon\"?)");
    assert_int_equal(f->d.first->line, 18);
    assert_int_equal(f->d.first->col, 1);
}

static void test_unknown_key_no_suggestion(void **state)
{
    fixture *f = *state;
    build(f, "colour: blue\n");
    expect_error(f, "colour", "unknown key \"colour\"");
}

static void test_missing_required(void **state)
{
    fixture *f = *state;
    build(f, "actions:\n  - { id: x }\n");
    expect_error(f, "actions[0]", "missing required key \"title\"");
}

static void test_type_errors(void **state)
{
    fixture *f = *state;
    build(f, "horizon: soon\n");
    expect_error(f, "horizon", "expected a number, got a string \"soon\"");
}

static void test_whole_number(void **state)
{
    fixture *f = *state;
    build(f, "horizon: 30.5\n");
    expect_error(f, "horizon", "expected a whole number, got 30.5");
}

static void test_enum_error(void **state)
{
    fixture *f = *state;
    build(f, "kind: b2x\n");
    expect_error(f, "kind", "unknown value \"b2x\" (did you mean \"b2b\"? "
                 "choices: b2b, b2c, other)");
}

static void test_unknown_reference_lists_known(void **state)
{
    fixture *f = *state;
    build(f, "actions:\n  - { id: x, title: X, phase: p3 }\n");
    expect_error(f, "actions[0].phase", "unknown phase \"p3\" (did you mean \"p1\"?)");
    arena_free(&f->a);
    diag_free(&f->d);
    diag_init(&f->d);
    build(f, "actions:\n  - { id: x, title: X, phase: checkout }\n");
    expect_error(f, "actions[0].phase", "unknown phase \"checkout\" (known: p1, p2)");
}

static void test_duplicate_ids(void **state)
{
    fixture *f = *state;
    build(f, "actions:\n  - { id: x, title: X }\n  - { id: x, title: Y }\n");
    expect_error(f, "actions[1].id", "duplicate action id \"x\" (first used at line 19)");
    assert_int_equal(f->d.first->line, 20);
}

static void test_probability_sum(void **state)
{
    fixture *f = *state;
    char text[4096];
    snprintf(text, sizeof text, "%s", BASE);
    char *p = strstr(text, "advance: 0.2, back: { p1: 0.1 }");
    memcpy(p, "advance: 0.8, back: { p1: 0.3 }", 31);
    node *root = yaml_load_string(&f->a, "j.yaml", text, strlen(text), &f->d);
    cjm_journey *j = model_build(&f->a, root, &f->d);
    val_journey(&f->a, j, &f->d);
    expect_error(f, "phases[1]", "advance + drop + back add up to 1.1, more than 1");
}

static void test_gatekeeper_approval_default(void **state)
{
    fixture *f = *state;
    char text[4096];
    snprintf(text, sizeof text, "%s", BASE);
    char *p = strstr(text, ", approve: { g: 0.5 }");
    memmove(p, p + 21, strlen(p + 21) + 1);
    node *root = yaml_load_string(&f->a, "j.yaml", text, strlen(text), &f->d);
    cjm_journey *j = model_build(&f->a, root, &f->d);
    val_journey(&f->a, j, &f->d);
    assert_int_equal(f->d.errors, 0);
    assert_int_equal(j->phases[0].approve_count, 1);
    assert_string_equal(j->phases[0].approve[0].key, "g");
    assert_true(j->phases[0].approve[0].p == 1.0);
}

static void test_scenario_edits(void **state)
{
    fixture *f = *state;
    cjm_journey *j = build(f, "scenarios:\n"
                              "  - id: s\n"
                              "    changes:\n"
                              "      - { phase: p1, advance: \"*1.5\", drop: \"-0.05\", "
                              "approve: { g: 0.9 }, duration: \"*0.5\" }\n"
                              "      - { touchpoint: web, reach: \"+0.1\", lift: 2 }\n");
    assert_int_equal(f->d.errors, 0);
    const cjm_change *c0 = &j->scenarios[0].changes.items[0];
    assert_int_equal(c0->advance.op, EDIT_MUL);
    assert_true(c0->advance.value == 1.5);
    assert_int_equal(c0->drop.op, EDIT_ADD);
    assert_true(c0->drop.value == -0.05);
    assert_int_equal(c0->approve[0].edit.op, EDIT_SET);
    assert_int_equal(c0->duration_max.op, EDIT_MUL);
    const cjm_change *c1 = &j->scenarios[0].changes.items[1];
    assert_int_equal(c1->reach.op, EDIT_ADD);
    assert_int_equal(c1->lift.op, EDIT_SET);
    assert_string_equal(j->scenarios[0].name, "s");    /* defaulted */
}

static void test_scenario_set_out_of_range(void **state)
{
    fixture *f = *state;
    build(f, "scenarios:\n  - { id: s, changes: [{ phase: p1, advance: 1.5 }] }\n");
    expect_error(f, "scenarios[0].changes[0].advance", "1.5 is out of range (0..1)");
}

static void test_action_effect_single_map(void **state)
{
    fixture *f = *state;
    cjm_journey *j = build(f, "actions:\n  - id: x\n    title: X\n    addresses: [p1_pain_2]\n"
                              "    effect: { phase: p2, advance: \"*1.1\" }\n");
    assert_int_equal(f->d.errors, 0);
    assert_int_equal(j->actions[0].effect.count, 1);
    assert_int_equal(j->actions[0].impact, 3);          /* defaults */
    assert_true(j->actions[0].confidence == 0.5);
    assert_string_equal(j->actions[0].horizon, "next");
}

static void test_emotion_forms(void **state)
{
    fixture *f = *state;
    char text[4096];
    snprintf(text, sizeof text, "%s", BASE);
    char *p = strstr(text, "    touchpoints: [web]\n");
    char tail[4096];
    snprintf(tail, sizeof tail, "%s", p);
    snprintf(p, sizeof text - (size_t)(p - text),
             "    emotions: { a: -2.5, g: { score: 1, note: calm, evidence: workshop } }\n%s",
             tail);
    node *root = yaml_load_string(&f->a, "j.yaml", text, strlen(text), &f->d);
    cjm_journey *j = model_build(&f->a, root, &f->d);
    val_journey(&f->a, j, &f->d);
    assert_int_equal(f->d.errors, 0);
    assert_int_equal(j->phases[0].emotion_count, 2);
    assert_true(j->phases[0].emotions[0].score == -2.5);
    assert_string_equal(j->phases[0].emotions[1].note, "calm");
    assert_int_equal(j->phases[0].emotions[1].evidence, EVID_WORKSHOP);
}

static void test_all_errors_reported(void **state)
{
    fixture *f = *state;
    build(f, "kind: x\nlocale: 12\nhorizon: -1\nactions:\n"
             "  - { id: a1, title: A, impact: 9, confidence: 2, phase: nope }\n");
    assert_int_equal(f->d.errors, 6);
}

static void test_error_cap(void **state)
{
    fixture *f = *state;
    for (int i = 0; i < 70; i++)
        diag_add(&f->d, DIAG_ERROR, "x", 1, 1, NULL, "e%d", i);
    assert_int_equal(f->d.errors, DIAG_MAX_ERRORS);
    assert_int_equal(f->d.dropped, 20);
    assert_int_equal(diag_exit_code(&f->d), EXIT_INPUT);
}

static void test_suggest(void **state)
{
    (void)state;
    const char *names[] = { "touchpoints", "phases", "personas" };
    assert_string_equal(diag_suggest("phase", names, 3), "phases");
    assert_string_equal(diag_suggest("touchpionts", names, 3), "touchpoints");
    assert_null(diag_suggest("zzz", names, 3));
    assert_int_equal(diag_distance("abc", "acb", 3), 1);
}

static void test_normalized_round_trip(void **state)
{
    fixture *f = *state;
    cjm_journey *j = build(f, "");
    node *n1 = model_to_node(&f->a, j);
    size_t len1, len2;
    char *t1 = yaml_emit(n1, &len1, &f->d);
    node *root = yaml_load_string(&f->a, "n.yaml", t1, len1, &f->d);
    cjm_journey *j2 = model_build(&f->a, root, &f->d);
    val_journey(&f->a, j2, &f->d);
    char *t2 = yaml_emit(model_to_node(&f->a, j2), &len2, &f->d);
    assert_int_equal(f->d.errors, 0);
    assert_int_equal(len1, len2);
    assert_memory_equal(t1, t2, len1);
    free(t1);
    free(t2);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_valid_base),
        T(test_unknown_key_with_suggestion),
        T(test_unknown_key_no_suggestion),
        T(test_missing_required),
        T(test_type_errors),
        T(test_whole_number),
        T(test_enum_error),
        T(test_unknown_reference_lists_known),
        T(test_duplicate_ids),
        T(test_probability_sum),
        T(test_gatekeeper_approval_default),
        T(test_scenario_edits),
        T(test_scenario_set_out_of_range),
        T(test_action_effect_single_map),
        T(test_emotion_forms),
        T(test_all_errors_reported),
        T(test_error_cap),
        cmocka_unit_test(test_suggest),
        T(test_normalized_round_trip),
    };
    return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
