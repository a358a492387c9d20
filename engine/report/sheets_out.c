/*
 * sheets_out.c — sheets as CSV files or an .xlsx workbook; see
 * sheets_out.h.  Both go through fsout, so they appear only when the
 * whole run succeeds; libxlsxwriter writes its workbook to a file of its
 * own in the temporary folder first, which is then staged like any other
 * output and removed.
 */
#define _POSIX_C_SOURCE 200809L
#include "report/sheets_out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "base/dynlib.h"
#include "base/fsin.h"
#include "base/fsout.h"
#include "base/limit.h"
#include "report/report.h"

#ifndef CJM_XLSX_SONAME
#define CJM_XLSX_SONAME "libxlsxwriter.so.4"
#endif

/* libxlsxwriter, loaded when an .xlsx file is written (base/dynlib.h) */
#define XLSX_FN(name) __typeof__(&name) name
static struct {
    XLSX_FN(workbook_new);
    XLSX_FN(workbook_set_properties);
    XLSX_FN(workbook_add_format);
    XLSX_FN(workbook_add_worksheet);
    XLSX_FN(workbook_close);
    XLSX_FN(format_set_bold);
    XLSX_FN(lxw_strerror);
    XLSX_FN(worksheet_write_string);
    XLSX_FN(worksheet_write_number);
    XLSX_FN(worksheet_set_column);
    XLSX_FN(worksheet_freeze_panes);
} xlsx;
#undef XLSX_FN

/* Bind the table; 0, or -1 with the reason in WHY. */
static int load_xlsx(char *why, size_t whysize)
{
    if (xlsx.worksheet_freeze_panes)
        return 0;
    void *lib = dynlib_open(CJM_XLSX_SONAME, why, whysize);
#define BIND(name) (lib && (xlsx.name = (__typeof__(xlsx.name))dynlib_sym(lib, #name, why, \
                                                                          whysize)))
    int ok = BIND(workbook_new) && BIND(workbook_set_properties) && BIND(workbook_add_format)
          && BIND(workbook_add_worksheet) && BIND(workbook_close) && BIND(format_set_bold)
          && BIND(lxw_strerror) && BIND(worksheet_write_string) && BIND(worksheet_write_number)
          && BIND(worksheet_set_column) && BIND(worksheet_freeze_panes);
#undef BIND
    if (!ok)
        xlsx.worksheet_freeze_panes = NULL;
    return ok ? 0 : -1;
}

int sheets_write_csv(const table *t, int n, const char *dir, diag_list *d)
{
    size_t len = strlen(dir);
    const char *sep = len && dir[len - 1] == '/' ? "" : "/";
    for (int k = 0; k < n; k++) {
        sbuf b = { 0 };
        table_write_csv(&t[k], &b);
        size_t size;
        char *text = sbuf_finish(&b, &size);
        char *path = malloc(len + strlen(t[k].title) + 8);
        if (!text || !path) {
            free(text);
            free(path);
            diag_add(d, DIAG_ERROR, dir, 0, 0, NULL, "out of memory writing the sheets");
            return -1;
        }
        sprintf(path, "%s%s%s.csv", dir, sep, t[k].title);
        int rc = fsout_write_file(path, text, size, d);
        free(text);
        free(path);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* One table as worksheet WS: the header in BOLD, then the rows. */
static void write_sheet(lxw_worksheet *ws, const table *t, lxw_format *bold)
{
    for (int c = 0; c < t->ncols; c++) {
        xlsx.worksheet_write_string(ws, 0, (lxw_col_t)c, t->cols[c].key, bold);
        xlsx.worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                             t->cols[c].kind == COL_TEXT ? 24 : 10, NULL);
    }
    xlsx.worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t r = 1;
    for (const node *row = t->rows ? t->rows->first : NULL; row; row = row->next, r++) {
        for (int c = 0; c < t->ncols; c++) {
            const node *v = node_map_get(row, t->cols[c].key);
            if (!v)
                continue;
            if (v->kind == NODE_INT || v->kind == NODE_FLOAT) {
                xlsx.worksheet_write_number(ws, r, (lxw_col_t)c, v->kind == NODE_INT
                                       ? (double)v->v.integer : v->v.number, NULL);
                continue;
            }
            sbuf b = { 0 };
            table_cell_raw(&b, &t->cols[c], row, 0);
            char *s = sbuf_finish(&b, &(size_t){ 0 });
            if (s)
                xlsx.worksheet_write_string(ws, r, (lxw_col_t)c, s, NULL);
            free(s);
        }
    }
}

int sheets_write_xlsx(const table *t, int n, const char *path, diag_list *d)
{
    char why[300];
    if (load_xlsx(why, sizeof why) < 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot write .xlsx: %s (it comes with "
                 "Debian's libxlsxwriter4)", why);
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    char scratch[4096];
    snprintf(scratch, sizeof scratch, "%s/cjm-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(scratch);
    if (fd < 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot make a scratch file for the "
                 "workbook: %s", strerror(errno));
        return -1;
    }
    close(fd);
    lxw_workbook *wb = xlsx.workbook_new(scratch);
    lxw_doc_properties props = { .title = "Customer journey", .created = 1 };
    xlsx.workbook_set_properties(wb, &props);
    lxw_format *bold = xlsx.workbook_add_format(wb);
    xlsx.format_set_bold(bold);
    for (int k = 0; k < n; k++)
        write_sheet(xlsx.workbook_add_worksheet(wb, t[k].title), &t[k], bold);
    lxw_error err = xlsx.workbook_close(wb);
    int rc = -1;
    if (err != LXW_NO_ERROR) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot write the workbook: %s",
                 xlsx.lxw_strerror(err));
    } else {
        size_t len;
        char *data = fsin_read(scratch, limit_bytes(LIM_FILE) * 16, &len, d);
        if (data)
            rc = fsout_write_file(path, data, len, d);
        free(data);
    }
    unlink(scratch);
    return rc;
}
