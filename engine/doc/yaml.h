/*
 * yaml.h — YAML files in and out, through libyaml's event API.
 *
 * Loading reads libyaml's event stream (never its document loader) and
 * builds a node tree, enforcing what libyaml does not: a nesting limit,
 * a bound on the nodes an alias may expand to (so a "billion laughs" file
 * is refused, not expanded), no alias cycles, no duplicate keys.  Merge
 * keys (<<) are applied.  Plain scalars are typed the YAML 1.1 way
 * (null, bool, int in decimal/0x/0o/0b/sexagesimal, float); quoted ones
 * stay strings; the standard !!str/!!int/!!float/!!bool/!!null tags are
 * honoured.  Map keys are always kept as their text.
 *
 * Emitting walks a node tree and writes block-style YAML that loads back
 * to the same tree (strings that would read as another type are quoted,
 * floats always carry a decimal point).
 */
#ifndef CJM_YAML_H
#define CJM_YAML_H

#include <stddef.h>
#include "base/arena.h"
#include "base/diag.h"
#include "doc/node.h"


/* Parse LEN bytes of TEXT, naming it FILE in messages.  Returns the root
 * node (allocated in A) or NULL after adding errors to D.  An empty
 * stream is an error.  FILE is interned in A. */
node *yaml_load_string(arena *a, const char *file, const char *text,
                       size_t len, diag_list *d);

/* Read and parse the file at PATH; its text is registered with D for
 * error excerpts.  NULL after adding errors to D. */
node *yaml_load_file(arena *a, const char *path, diag_list *d);

/* What a plain (unquoted, untagged) scalar reads as: fills *OUT's kind and
 * value.  Returns 0, or -1 when it looks like a number but does not fit
 * (OUT is then a string).  Exposed for the emitter and for tests. */
int yaml_resolve_plain(const char *s, size_t len, node *out);

/* Emit ROOT as a YAML document.  Returns a malloc'd NUL-terminated buffer
 * (caller frees) and its length in *LEN, or NULL on an emitter failure
 * (an error is added to D). */
char *yaml_emit(const node *root, size_t *len, diag_list *d);

/* N on one line in flow style ("0.8", "[a, b]", "{k: v}", "\"yes\""), as
 * a malloc'd string without document markers or a newline; NULL after an
 * error is added to D. */
char *yaml_emit_inline(const node *n, diag_list *d);

/* Shortest text for V that reads back as the same double and as a float
 * in YAML and JSON ("1.0", "0.25", "1.0e+300", ".inf").  JSON callers pass
 * JSON=1 to get null for non-finite values.  BUF needs 40 bytes. */
void yaml_format_float(double v, char *buf, int json);


#endif
