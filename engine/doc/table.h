/*
 * table.h — a table as a view of a node tree.
 *
 * A command's result is one node tree (what YAML and JSON write).  A table
 * names a list of mappings in it (the rows) and the columns to show: each
 * a key of the row, a header, and how to show the value.  The terminal,
 * Markdown, CSV and PDF versions of a result all read the same table, so
 * they cannot disagree on columns or values; only the look of a cell
 * differs: people get "12.34% ± 0.21", CSV gets the number and its
 * interval in columns of their own.
 */
#ifndef CJM_TABLE_H
#define CJM_TABLE_H

#include "base/sbuf.h"
#include "doc/node.h"

typedef enum {
    COL_TEXT,       /* a string, or a list of strings joined by ", " */
    COL_INT,        /* a whole number */
    COL_NUM,        /* a number with DECIMALS decimals */
    COL_PCT,        /* a share 0..1 shown as a percentage */
    COL_PTS         /* a difference of shares, shown in percentage points */
} col_kind;

enum {
    COL_SIGNED = 1,     /* show a sign: +1.20 */
    COL_WRAP = 2,       /* long text: wraps on a terminal instead of widening */
    COL_SIGNIFICANCE = 4, /* with CI: mark "(n.s.)" when the interval holds 0 */
    COL_LIST = 8        /* a list of text (written joined by "; ") */
};

typedef struct table_col {
    const char *key;        /* field of the row; also the CSV header */
    const char *header;     /* what people read above the column */
    col_kind kind;
    int decimals;
    const char *ci_key;     /* a field with the 95% half-width, or NULL */
    unsigned flags;
} table_col;

typedef struct table {
    const char *title;      /* a heading, or NULL */
    const char *note;       /* a line under the table, or NULL */
    const char *empty;      /* what to say when there are no rows */
    const table_col *cols;
    int ncols;
    const node *rows;       /* a SEQ of MAPs; NULL or empty: no rows */
} table;

/* The value of column C in ROW, for people ("12.34% ± 0.21"), appended to
 * B; "-" when the row has no such value. */
void table_cell_text(sbuf *b, const table_col *c, const node *row);

/* The value for a machine (CSV): the number unrounded, a list joined by
 * "; ", "" when missing.  With CI set, the column's interval instead. */
void table_cell_raw(sbuf *b, const table_col *c, const node *row, int ci);

/* Whether column C is right-aligned (numbers). */
int table_col_numeric(const table_col *c);

#endif
