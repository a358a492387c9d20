/*
 * emit.h — writing a journey out: normalized YAML or JSON.
 *
 * Both formats come from the same normalized node tree (model_to_node):
 * defaults filled, generated ids written, a fixed key order.  YAML goes
 * through libyaml's emitter; JSON through the small writer here.  Loading
 * the YAML output and building it again gives byte-identical output.
 */
#ifndef CJM_EMIT_H
#define CJM_EMIT_H

#include <stddef.h>
#include "base/diag.h"
#include "model/model.h"

typedef enum { EMIT_YAML, EMIT_JSON } emit_format;

/* The format named by NAME ("yaml", "yml", "json"), or -1. */
int emit_format_from_name(const char *name);

/* The format a file name's extension implies, or -1. */
int emit_format_from_path(const char *path);

/* The text of J in FORMAT: a malloc'd buffer (caller frees), its length in
 * *LEN.  NULL after an error is added to D. */
char *emit_journey(const cjm_journey *j, emit_format format, size_t *len,
                   diag_list *d);

/* JSON text of any node tree, same contract. */
char *emit_json(const node *root, size_t *len, diag_list *d);

#endif
