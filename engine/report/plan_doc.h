/*
 * plan_doc.h — `cjm plan`'s result as a report document.
 *
 * The data: the conversion now and with the whole plan, each action with
 * every figure the plan computed (RICE, exact uplift and days saved, their
 * Monte Carlo estimates and paired 95% intervals when simulated, uplift
 * per unit of effort, the KPI from X to Y), and the gaps: pains and
 * opportunities no action addresses, those addressed only with low
 * confidence, fail points without a recovery, phases over their time
 * budget.  The actions table comes first (CSV writes it); the PDF table
 * page draws the same tables.
 */
#ifndef CJM_PLAN_DOC_H
#define CJM_PLAN_DOC_H

#include "model/model.h"
#include "render/layout.h"
#include "report/report.h"
#include "sim/plan.h"

void plan_doc(report_doc *rd, arena *a, const cjm_journey *j, const plan *pl);

/* The plan of J as pages of DOC: the impact-effort matrix, the roadmap
 * and the tables (exact engine, no Monte Carlo); none when J has no
 * actions. */
void plan_pages(rdoc *doc, const cjm_journey *j, const layout_options *o);

#endif
