/*
 * emit.h — writing a journey out: normalized YAML or JSON.
 *
 * Both formats come from the same normalized node tree (model_to_node):
 * defaults filled, generated ids written, a fixed key order.  YAML goes
 * through libyaml's emitter; JSON through doc/json.c.  Loading
 * the YAML output and building it again gives byte-identical output.
 */
#ifndef CJM_EMIT_H
#define CJM_EMIT_H

#include <stddef.h>
#include "base/diag.h"
#include "base/format.h"
#include "model/model.h"

/* The text of J in FORMAT (FMT_YAML, FMT_JSON or FMT_MERMAID): a malloc'd buffer
 * (caller frees), its length in *LEN.  NULL after an error is added to D. */
char *emit_journey(const cjm_journey *j, out_format format, size_t *len,
                   diag_list *d);

#endif
