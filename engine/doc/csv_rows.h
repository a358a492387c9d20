/*
 * csv_rows.h — a CSV file (RFC 4180, through Debian's libcsv) as rows:
 * the header row names the columns, each later row is a mapping of column
 * name to its text, at the row's line of the file.
 */
#ifndef CJM_CSV_ROWS_H
#define CJM_CSV_ROWS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "doc/node.h"

/* The rows of TEXT (LEN bytes) of FILE: a SEQ of MAPs in A; NULL after an
 * error in D (malformed quoting, not UTF-8, no header). */
node *csv_rows(arena *a, const char *file, const char *text, size_t len, diag_list *d);

#endif
