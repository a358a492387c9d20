/*
 * fuzz_mermaid.c — libFuzzer target: arbitrary bytes as a Mermaid journey
 * diagram (the first byte picks a .mmd file or Markdown with fences).
 * Whatever the input, the reader must report or succeed, never crash,
 * hang or leak; every journey it reads must build into the model, and a
 * valid one must be written back out as a diagram that reads again.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc/mermaid.h"
#include "doc/textcheck.h"
#include "doc/yaml.h"
#include "model/emit.h"
#include "model/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *file = data[0] & 1 ? "fuzz.md" : "fuzz.mmd";
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    node **docs = NULL;
    int count = mermaid_read(&a, file, (const char *)data + 1, size - 1, &docs, &d);
    for (int k = 0; k < count; k++) {
        if (textcheck_tree(docs[k], &d))
            continue;               /* import refuses it too */
        size_t len;
        char *yaml = yaml_emit(docs[k], &len, &d);
        if (!yaml)
            abort();                /* a journey read must be writable */
        free(yaml);
        diag_list dj;
        diag_init(&dj);
        cjm_journey *j = model_build(&a, docs[k], &dj);
        if (!dj.errors)
            val_journey(&a, j, &dj);
        if (!dj.errors) {
            char *mmd = emit_journey(j, FMT_MERMAID, &len, &dj);
            if (!mmd)
                abort();
            node **again = NULL;
            diag_list d2;
            diag_init(&d2);
            if (mermaid_read(&a, "again.mmd", mmd, len, &again, &d2) < 1)
                abort();            /* what cjm writes, cjm must read */
            diag_free(&d2);
            free(mmd);
        }
        diag_free(&dj);
    }
    diag_free(&d);
    arena_free(&a);
    return 0;
}
