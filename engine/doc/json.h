/*
 * json.h — any node tree as JSON: two-space indents, keys in tree order,
 * floats in the shortest form that reads back as the same double (non-
 * finite ones as null).
 */
#ifndef CJM_JSON_H
#define CJM_JSON_H

#include <stddef.h>
#include "base/diag.h"
#include "base/sbuf.h"
#include "doc/node.h"

/* Append the JSON text of ROOT (and a newline) to B. */
void json_write(sbuf *b, const node *root);

/* The JSON text of ROOT, malloc'd (caller frees), its length in *LEN;
 * NULL after an error is added to D. */
char *json_emit(const node *root, size_t *len, diag_list *d);

#endif
