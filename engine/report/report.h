/*
 * report.h — the output layer: a command's result as one document, and one
 * writer per format.
 *
 * A result is a node tree (YAML and JSON write it as it is), a title and a
 * few summary lines, and tables over the tree (doc/table.h).  The writers:
 *   FMT_TABLE  tables for a terminal: aligned by display width (Chinese and
 *              Japanese characters count two columns), long names wrapped
 *              at word boundaries, never cut without a mark;
 *   FMT_MD     Markdown: a heading, the lines, a pipe table per table;
 *   FMT_CSV    RFC 4180 (CRLF, quoted fields) of the first table: one row
 *              per row, a column per column, intervals in columns of their
 *              own (KEY_ci95);
 *   FMT_YAML, FMT_JSON  the tree.
 * Pictures (SVG, PNG, PDF) go through render/; report_write takes the
 * text formats.  Everything is built in one growing buffer and written
 * through fsout, so a failed run leaves no partial file.
 */
#ifndef CJM_REPORT_H
#define CJM_REPORT_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/format.h"
#include "base/sbuf.h"
#include "doc/node.h"
#include "doc/table.h"
#include "render/layout.h"

typedef struct report_doc {
    arena *a;
    const char *title;
    const char **lines;         /* summary sentences under the title */
    int nlines, lines_cap;
    node *data;                 /* the result: YAML and JSON write it */
    table *tables;              /* tables[0] is the one CSV writes */
    int ntables, tables_cap;
    int detail_from;            /* tables from here on are shown on a terminal
                                   only with --detail (-1: all are) */
} report_doc;

/* Start a document titled TITLE, its data an empty mapping, in A. */
void report_init(report_doc *r, arena *a, const char *title);

/* Add a summary line. */
void report_line(report_doc *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Add a table over ROWS (a SEQ of MAPs in r->data); returned for its note
 * and empty text. */
table *report_table(report_doc *r, const char *title, const table_col *cols, int ncols,
                    const node *rows);

/* The same, placed before the detail tables (shown without --detail). */
table *report_main_table(report_doc *r, const char *title, const table_col *cols, int ncols,
                         const node *rows);

/* From now on, tables are detail (terminal: only with DETAIL). */
void report_mark_detail(report_doc *r);

/* R in the text format F, appended to OUT. */
void report_render(const report_doc *r, out_format f, int detail, sbuf *out);

/* R in F to PATH ("-" or NULL: standard output, as a terminal table when
 * F is FMT_TABLE).  0, or -1 after an error is added to D. */
int report_write(const report_doc *r, out_format f, const char *path, int detail,
                 diag_list *d);

/* The writers, one per format (report_render picks). */
void report_write_table(const report_doc *r, int detail, sbuf *out);
void report_write_md(const report_doc *r, sbuf *out);
void report_write_csv(const report_doc *r, sbuf *out);
/* One table as CSV (the same rules). */
void table_write_csv(const table *t, sbuf *out);

/* Display width of UTF-8 text S (LEN bytes) on a terminal. */
size_t report_text_width(const char *s, size_t len);

/* The document's title, lines and tables as pages (render/view_table.c). */
void report_pages(rdoc *doc, const report_doc *r, const layout_options *o);

/* Node constructors for building result trees in A. */
node *rnode_map(arena *a);
node *rnode_seq(arena *a);
node *rnode_str(arena *a, const char *s);       /* NULL gives null */
node *rnode_num(arena *a, double v);            /* NAN gives null */
node *rnode_int(arena *a, long long v);
void rnode_put(arena *a, node *map, const char *key, node *value);

#endif
