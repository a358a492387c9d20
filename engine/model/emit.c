/*
 * emit.c — normalized YAML and JSON output; see emit.h.
 */
#include "model/emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/json.h"
#include "doc/yaml.h"

char *emit_journey(const cjm_journey *j, out_format format, size_t *len,
                   diag_list *d)
{
    arena a;
    arena_init(&a);
    node *root = model_to_node(&a, j);
    char *text = format == FMT_JSON ? json_emit(root, len, d)
                                    : yaml_emit(root, len, d);
    arena_free(&a);
    return text;
}
