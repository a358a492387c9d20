/*
 * attribution_doc.h — `cjm attribution`'s result as a report document.
 */
#ifndef CJM_ATTRIBUTION_DOC_H
#define CJM_ATTRIBUTION_DOC_H

#include "report/report.h"
#include "sim/attribution.h"

/* R as a document in RD (arena A): the totals, then one row per channel
 * (value columns only when the paths carry a value). */
void attribution_doc(report_doc *rd, arena *a, const attr_result *r);

#endif
