/*
 * fuzz_yaml.c — libFuzzer target: arbitrary bytes through the YAML loader.
 * Whatever the input, the loader must report or succeed, never crash,
 * hang or leak; and what it loads, written back out by the emitter, must
 * load again to the same text (emit, load, emit gives the same bytes).
 * When yaml_fast reads the input, its events must be libyaml's, mark for
 * mark and byte for byte.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/yaml.h"
#include "doc/yaml_fast.h"

/* The events as text: kind, line, column, style and value of each (end
 * events without their marks, which the loader does not read). */
typedef struct dump { char *s; size_t len, cap; } dump;

static void put(dump *d, const char *p, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        d->cap = 2 * (d->len + n + 1);
        d->s = realloc(d->s, d->cap);
        if (!d->s)
            abort();
    }
    memcpy(d->s + d->len, p, n);
    d->len += n;
}

static void dump_event(void *ctx, const yaml_event_t *e)
{
    dump *d = ctx;
    char head[96];
    int start = e->type == YAML_SCALAR_EVENT || e->type == YAML_MAPPING_START_EVENT
                || e->type == YAML_SEQUENCE_START_EVENT;
    int n = snprintf(head, sizeof head, "%d %zu:%zu", (int)e->type,
                     start ? e->start_mark.line : 0, start ? e->start_mark.column : 0);
    put(d, head, (size_t)n);
    if (e->type == YAML_SCALAR_EVENT) {
        n = snprintf(head, sizeof head, " s%d %zu [", (int)e->data.scalar.style,
                     e->data.scalar.length);
        put(d, head, (size_t)n);
        put(d, (const char *)e->data.scalar.value, e->data.scalar.length);
        put(d, "]", 1);
    }
    put(d, "\n", 1);
}

/* yaml_fast's events against libyaml's, when yaml_fast reads the text. */
static void compare_with_libyaml(const uint8_t *data, size_t size)
{
    dump fast = { 0 }, lib = { 0 };
    if (yaml_fast_read((const char *)data, size, dump_event, &fast) != 0)
        return;
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, data, size);
    for (int done = 0; !done;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e))
            abort();            /* yaml_fast read what libyaml refuses */
        done = e.type == YAML_STREAM_END_EVENT;
        dump_event(&lib, &e);
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
    if (fast.len != lib.len || memcmp(fast.s, lib.s, fast.len) != 0)
        abort();                /* ... or read it otherwise */
    free(fast.s);
    free(lib.s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    compare_with_libyaml(data, size);
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    node *root = yaml_load_string(&a, "fuzz.yaml", (const char *)data, size, &d);
    if (root) {
        size_t len1, len2;
        char *t1 = yaml_emit(root, &len1, &d);
        if (t1) {
            diag_list d2;
            diag_init(&d2);
            node *again = yaml_load_string(&a, "again.yaml", t1, len1, &d2);
            if (!again)
                abort();            /* what cjm writes, cjm must read */
            char *t2 = yaml_emit(again, &len2, &d2);
            if (!t2 || len1 != len2 || memcmp(t1, t2, len1) != 0)
                abort();            /* and it must read it as the same tree */
            free(t2);
            diag_free(&d2);
        }
        free(t1);
    }
    diag_free(&d);
    arena_free(&a);
    return 0;
}
