/*
 * fuzz_yaml.c — libFuzzer target: arbitrary bytes through the YAML loader.
 * Whatever the input, the loader must report or succeed, never crash,
 * hang or leak; and what it loads, written back out by the emitter, must
 * load again to the same text (emit, load, emit gives the same bytes).
 * When yaml_fast reads the input, its events must be libyaml's, mark for
 * mark and byte for byte.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/yaml.h"
#include "doc/yaml_fast.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!yaml_fast_agrees((const char *)data, size))
        abort();                /* yaml_fast read it otherwise than libyaml */
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
