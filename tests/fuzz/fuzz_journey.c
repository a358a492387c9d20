/*
 * fuzz_journey.c — libFuzzer target: arbitrary bytes as a journey file
 * through the YAML loader, the text checks, the model builder, the
 * validator and both writers.  Whatever the input, the engine must report
 * or succeed, never crash, hang or leak.  A journey that validates must
 * also build the way `cjm build` promises: its normalized YAML, loaded
 * and built again, gives the same bytes, and `cjm diff` finds no
 * difference between the two; and `cjm lint` runs every rule on it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/emit.h"
#include "model/model.h"
#include "doc/textcheck.h"
#include "model/validate.h"
#include "doc/yaml.h"
#include "base/limit.h"
#include "model/diff.h"
#include "sim/lint.h"

/* Load, check, build and validate TEXT; NULL when it has errors. */
static cjm_journey *build(arena *a, const char *text, size_t len, diag_list *d)
{
    node *root = yaml_load_string(a, "fuzz.yaml", text, len, d);
    if (!root || textcheck_tree(root, d) > 0)
        return NULL;
    cjm_journey *j = model_build(a, root, d);
    val_journey(a, j, d);
    return d->errors ? NULL : j;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    cjm_journey *j = build(&a, (const char *)data, size, &d);
    if (j) {
        size_t len1, len2, jlen;
        char *y1 = emit_journey(j, FMT_YAML, &len1, &d);
        free(emit_journey(j, FMT_JSON, &jlen, &d));
        if (y1) {
            diag_list d2;
            diag_init(&d2);
            cjm_journey *j2 = build(&a, y1, len1, &d2);
            if (!j2)
                abort();            /* a normalized journey must be valid */
            char *y2 = emit_journey(j2, FMT_YAML, &len2, &d2);
            if (!y2 || len1 != len2 || memcmp(y1, y2, len1) != 0)
                abort();            /* and build to the same bytes */
            free(y2);
            journey_diff df;
            journey_diff_make(&a, j, j2, &df);
            if (df.count || df.emotion_count)
                abort();            /* the same journey: nothing changed */
            diag_free(&d2);
        }
        free(y1);
        /* every rule, the simulation ones on a small budget */
        limit_set(LIM_EXACT_WORK, 1e6);
        lint_config cfg;
        lint_config_init(&cfg, &a);
        lint_require_evidence(&cfg, EVID_QUALITATIVE);
        lint_result r = { 0 };
        lint_journey(&a, j, "fuzz.yaml", &cfg, &r);
        free(r.items);
    }
    diag_free(&d);
    arena_free(&a);
    return 0;
}
