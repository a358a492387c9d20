/*
 * yaml_fast.h — the common shape of a journey file, read without libyaml.
 *
 * libyaml reads a large journey at about 20 MB/s, two thirds of `cjm
 * check`.  Most journey files use a small part of YAML: block mappings
 * and sequences indented with spaces, one-line flow collections, one-line
 * plain and quoted scalars without escapes, comments.  For such a file
 * this scanner gives exactly the events libyaml gives (the same kinds,
 * styles, values, lines and columns; fuzz_yaml compares them on every
 * input it accepts).  For anything else — anchors, tags, block scalars,
 * escapes, multi-line scalars or flow collections, tabs, empty values,
 * control characters, line breaks other than '\n', errors of any kind —
 * it declines, having emitted nothing, and libyaml reads the file.
 */
#ifndef CJM_YAML_FAST_H
#define CJM_YAML_FAST_H

#include <stddef.h>
#include <yaml.h>

/* Deepest nesting the scanner follows (deeper: it declines). */
#define YAML_FAST_MAX_DEPTH 64

/* Read LEN bytes of TEXT: 0 when it is in the subset, after calling
 * EMIT(CTX, EVENT) for each event in order (DOCUMENT_START, the nodes'
 * MAPPING/SEQUENCE_START and _END and SCALAR events, STREAM_END); -1,
 * without calling EMIT, when it is not.  Scalar values point into TEXT
 * (LENGTH bytes, no NUL); anchors and tags are NULL; only start marks
 * are set.  EMIT may be NULL: then only the answer is wanted. */
int yaml_fast_read(const char *text, size_t len,
                   void (*emit)(void *ctx, const yaml_event_t *event), void *ctx);

/* Whether yaml_fast reads TEXT as libyaml does: 1 when it declines, or
 * when its events are libyaml's (kinds, start lines and columns, styles
 * and values); 0 when libyaml refuses what it read, or reads it
 * otherwise.  For fuzz_yaml and the tests. */
int yaml_fast_agrees(const char *text, size_t len);

#endif
