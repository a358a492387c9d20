/*
 * fuzz_csv.c — libFuzzer target: arbitrary bytes as a file of paths for
 * `cjm attribution` (the first byte picks the chain order 1..4).  The
 * reader and the Markov fit must report or succeed, never crash, hang or
 * leak; removal effects, when computed, are finite numbers in 0..1.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/attribution.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 65536)
        return 0;
    int order = 1 + data[0] % 4;
    char *text = malloc(size);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    attr_result *r = attribution_run_text(&a, "fuzz.csv", text, size - 1, order, &d);
    for (int i = 0; r && i < r->channel_count; i++) {
        double e = r->channels[i].removal_effect;
        if (!(e >= -1e-9 && e <= 1 + 1e-9))
            abort();
    }
    diag_free(&d);
    arena_free(&a);
    free(text);
    return 0;
}
