/*
 * sheets_out.h — a journey's sheets (model/sheets.h) written for
 * spreadsheets: a folder of CSV files, or an .xlsx workbook.
 */
#ifndef CJM_SHEETS_OUT_H
#define CJM_SHEETS_OUT_H

#include "base/diag.h"
#include "doc/table.h"

/* The N tables T as DIR/NAME.csv each (NAME: the table's title). 0, or -1
 * after an error in D (no file changed). */
int sheets_write_csv(const table *t, int n, const char *dir, diag_list *d);

/* The N tables T as the sheets of the workbook PATH (Debian's
 * libxlsxwriter): a bold header row, numbers as numbers.  0, or -1 after
 * an error in D (PATH unchanged). */
int sheets_write_xlsx(const table *t, int n, const char *path, diag_list *d);

#endif
