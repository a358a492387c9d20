/*
 * sheets.h — a journey as spreadsheet tables, and back.
 *
 * The map's lane families each get a table of rows (one sheet of a
 * workbook, or one CSV file): journey, personas, touchpoints, phases,
 * involvement (a persona's involvement and emotion in a phase), cards
 * (steps, customer actions, thoughts, needs and the blueprint lanes, a
 * `lane` column saying which), pains (pains and opportunities) and
 * actions.  Lists in a cell are joined by "; ".  Reading the same tables
 * back gives the journey document again, for what they hold (scenarios,
 * transitions beyond advance and drop, blueprint links and the rarer
 * persona fields stay in the YAML).
 */
#ifndef CJM_SHEETS_H
#define CJM_SHEETS_H

#include "doc/table.h"
#include "model/model.h"

/* The sheets, in their order: their names ("phases", ...) and count. */
const char *const *sheet_names(int *count);

/* J as tables (a table per sheet, in sheet_names order, titled by the
 * sheet's name; rows in A): their number. */
int sheets_from_journey(arena *a, const cjm_journey *j, table *out);

/* A journey document from the rows of the sheets (ROWS[k] a SEQ of maps of
 * column name -> text, or NULL when the sheet is missing; in sheet_names
 * order), the cells read as their columns say (numbers, lists).  NULL
 * after errors in D, at FILE[k] and the row's line. */
node *sheets_to_journey(arena *a, node *const *rows, const char *const *file, diag_list *d);

#endif
