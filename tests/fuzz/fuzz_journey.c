/*
 * fuzz_journey.c — libFuzzer target: arbitrary bytes as a journey file
 * through the YAML loader, the model builder, the validator and both
 * writers.  Whatever the input, the engine must report or succeed, never
 * crash, hang or leak.  Build and run with `make fuzz` (needs clang).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../engine/emit.h"
#include "../../engine/model.h"
#include "../../engine/validate.h"
#include "../../engine/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    node *root = yaml_load_string(&a, "fuzz.yaml", (const char *)data, size, &d);
    if (root) {
        cjm_journey *j = model_build(&a, root, &d);
        val_journey(&a, j, &d);
        if (!d.errors) {
            size_t len;
            free(emit_journey(j, EMIT_YAML, &len, &d));
            free(emit_journey(j, EMIT_JSON, &len, &d));
        }
    }
    diag_free(&d);
    arena_free(&a);
    return 0;
}
