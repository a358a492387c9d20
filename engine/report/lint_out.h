/*
 * lint_out.h — `cjm lint`'s findings for people (text), editors (gcc:
 * FILE:LINE:COL: severity: message [rule]), tools (json) and code-scanning
 * services (SARIF 2.1.0).
 */
#ifndef CJM_LINT_OUT_H
#define CJM_LINT_OUT_H

#include "base/format.h"
#include "base/sbuf.h"
#include "sim/lint.h"

typedef struct lint_file {
    const char *file;
    const lint_config *config;  /* the settings it was linted with */
    lint_result result;
} lint_file;

/* FILES (N of them) as FORMAT (FMT_TABLE for text, FMT_GCC, FMT_JSON or
 * FMT_SARIF) appended to OUT. */
void lint_write(sbuf *out, out_format format, const lint_file *files, int n);

/* The rules as a table for people (cjm lint --list-rules). */
void lint_write_rules(sbuf *out);

#endif
