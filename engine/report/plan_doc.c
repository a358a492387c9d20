/*
 * plan_doc.c — the action plan as a document; see plan_doc.h.
 */
#include "report/plan_doc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/words.h"

static const table_col base_cols[] = {
    { "rank", "#", COL_INT, 0, NULL, 0 },
    { "id", "id", COL_TEXT, 0, NULL, 0 },
    { "title", "action", COL_TEXT, 0, NULL, COL_WRAP },
    { "owner", "owner", COL_TEXT, 0, NULL, COL_WRAP },
    { "phase_name", "phase", COL_TEXT, 0, NULL, COL_WRAP },
    { "horizon", "horizon", COL_TEXT, 0, NULL, 0 },
    { "impact", "impact", COL_INT, 0, NULL, 0 },
    { "effort", "effort", COL_NUM, 1, NULL, 0 },
    { "confidence", "confidence", COL_NUM, 2, NULL, 0 },
    { "reach", "reach", COL_PCT, 1, NULL, 0 },
    { "rice", "RICE", COL_NUM, 2, NULL, 0 },
};
static const table_col exact_cols[] = {
    { "uplift", "uplift", COL_PTS, 2, NULL, COL_SIGNED },
    { "uplift_per_effort", "uplift / effort", COL_PTS, 3, NULL, COL_SIGNED },
    { "days_saved", "days saved", COL_NUM, 1, NULL, COL_SIGNED },
};
static const table_col mc_cols[] = {
    { "uplift_mc", "uplift (Monte Carlo)", COL_PTS, 2, "uplift_ci95", COL_SIGNED | COL_SIGNIFICANCE },
    { "days_saved_mc", "days saved (Monte Carlo)", COL_NUM, 1, "days_saved_ci95",
      COL_SIGNED | COL_SIGNIFICANCE },
};
static const table_col tail_cols[] = {
    { "kpi", "KPI", COL_TEXT, 0, NULL, COL_WRAP },
    { "lanes", "lanes", COL_TEXT, 0, NULL, COL_WRAP },
    { "addresses", "addresses", COL_TEXT, 0, NULL, COL_WRAP },
};

static const table_col gap_cols[] = {
    { "kind", "kind", COL_TEXT, 0, NULL, 0 },
    { "id", "id", COL_TEXT, 0, NULL, 0 },
    { "text", "text", COL_TEXT, 0, NULL, COL_WRAP },
    { "phase_name", "phase", COL_TEXT, 0, NULL, COL_WRAP },
    { "stakeholders", "involved", COL_TEXT, 0, NULL, COL_WRAP },
};
static const table_col fail_cols[] = {
    { "card", "card", COL_TEXT, 0, NULL, COL_WRAP },
    { "fail_point", "fail point", COL_TEXT, 0, NULL, COL_WRAP },
    { "rate", "how often", COL_PCT, 0, NULL, 0 },
    { "phase_name", "phase", COL_TEXT, 0, NULL, COL_WRAP },
    { "lane", "lane", COL_TEXT, 0, NULL, 0 },
};
static const table_col over_cols[] = {
    { "phase_name", "phase", COL_TEXT, 0, NULL, COL_WRAP },
    { "minutes", "step times (minutes)", COL_NUM, 0, NULL, 0 },
    { "budget_minutes", "budget (minutes)", COL_NUM, 0, NULL, 0 },
    { "over_minutes", "over by (minutes)", COL_NUM, 0, NULL, 0 },
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static node *str_list(arena *a, const cjm_strs *s)
{
    node *l = rnode_seq(a);
    for (int k = 0; k < s->count; k++)
        node_append(l, rnode_str(a, s->items[k]));
    return l;
}

static const char *kpi_text(arena *a, const plan_item *it)
{
    const char *kpi = it->action->kpi ? it->action->kpi : "";
    if (!it->kpi_metric)
        return kpi;
    if (it->simulated)
        return arena_printf(a, "%s%s%s: %.1f%% → %.1f%% expected", kpi, *kpi ? "; " : "",
                            it->kpi_metric, 100 * it->kpi_from, 100 * it->kpi_to);
    return arena_printf(a, "%s%s%s: now %.1f%%", kpi, *kpi ? "; " : "", it->kpi_metric,
                        100 * it->kpi_from);
}

static node *action_node(arena *a, const cjm_journey *j, const plan *pl, int k)
{
    const plan_item *it = &pl->items[k];
    const cjm_action *ac = it->action;
    node *n = rnode_map(a);
    rnode_put(a, n, "rank", rnode_int(a, k + 1));
    rnode_put(a, n, "id", rnode_str(a, ac->id));
    rnode_put(a, n, "title", rnode_str(a, it->low_confidence
                                       ? arena_printf(a, "%s (low confidence)", ac->title)
                                       : ac->title));
    rnode_put(a, n, "owner", rnode_str(a, ac->owner));
    rnode_put(a, n, "phase", rnode_str(a, it->phase >= 0 ? j->phases[it->phase].id : NULL));
    rnode_put(a, n, "phase_name", rnode_str(a, it->phase >= 0 ? j->phases[it->phase].name
                                                              : NULL));
    rnode_put(a, n, "horizon", rnode_str(a, ac->horizon));
    rnode_put(a, n, "impact", rnode_int(a, ac->impact));
    rnode_put(a, n, "effort", rnode_num(a, ac->effort));
    rnode_put(a, n, "confidence", rnode_num(a, ac->confidence));
    rnode_put(a, n, "reach", rnode_num(a, it->reach));
    rnode_put(a, n, "rice", rnode_num(a, it->score));
    if (it->simulated) {
        rnode_put(a, n, "uplift", rnode_num(a, it->uplift));
        rnode_put(a, n, "uplift_per_effort", rnode_num(a, it->per_effort));
        if (pl->money) {
            rnode_put(a, n, "net_per_journey", rnode_num(a, it->net_uplift));
            rnode_put(a, n, "net_per_effort", rnode_num(a, it->net_per_effort));
        }
        rnode_put(a, n, "days_saved", rnode_num(a, it->days_saved));
        if (pl->simulated) {
            rnode_put(a, n, "uplift_mc", rnode_num(a, it->uplift_mc));
            rnode_put(a, n, "uplift_ci95", rnode_num(a, it->uplift_ci));
            rnode_put(a, n, "days_saved_mc", rnode_num(a, it->days_saved_mc));
            rnode_put(a, n, "days_saved_ci95", rnode_num(a, it->days_saved_ci));
        }
    }
    rnode_put(a, n, "kpi", rnode_str(a, kpi_text(a, it)));
    if (it->kpi_metric) {
        rnode_put(a, n, "kpi_metric", rnode_str(a, it->kpi_metric));
        rnode_put(a, n, "kpi_from", rnode_num(a, it->kpi_from));
        if (it->simulated)
            rnode_put(a, n, "kpi_to", rnode_num(a, it->kpi_to));
    }
    rnode_put(a, n, "low_confidence", node_new_bool(a, it->low_confidence));
    rnode_put(a, n, "lanes", str_list(a, &ac->lanes));
    rnode_put(a, n, "addresses", str_list(a, &ac->addresses));
    return n;
}

static node *gap_list(arena *a, const cjm_journey *j, const plan_gap *g, int count)
{
    node *list = rnode_seq(a);
    for (int k = 0; k < count; k++) {
        node *n = rnode_map(a);
        rnode_put(a, n, "kind", rnode_str(a, g[k].is_pain ? "pain" : "opportunity"));
        rnode_put(a, n, "id", rnode_str(a, g[k].card->id));
        rnode_put(a, n, "text", rnode_str(a, g[k].card->text));
        rnode_put(a, n, "phase", rnode_str(a, j->phases[g[k].phase].id));
        rnode_put(a, n, "phase_name", rnode_str(a, j->phases[g[k].phase].name));
        rnode_put(a, n, "stakeholders", rnode_str(a, g[k].stakeholders));
        node_append(list, n);
    }
    return list;
}

static node *fail_list(arena *a, const cjm_journey *j, const plan *pl)
{
    node *list = rnode_seq(a);
    for (int k = 0; k < pl->fail_count; k++) {
        const plan_fail *f = &pl->fails[k];
        node *n = rnode_map(a);
        rnode_put(a, n, "card", rnode_str(a, f->card->text));
        rnode_put(a, n, "card_id", rnode_str(a, f->card->id));
        rnode_put(a, n, "fail_point", rnode_str(a, f->card->fail_point));
        rnode_put(a, n, "rate", rnode_num(a, f->card->fail_rate >= 0 ? f->card->fail_rate : NAN));
        rnode_put(a, n, "phase", rnode_str(a, j->phases[f->phase].id));
        rnode_put(a, n, "phase_name", rnode_str(a, j->phases[f->phase].name));
        rnode_put(a, n, "lane", rnode_str(a, f->lane));
        node_append(list, n);
    }
    return list;
}

static node *over_list(arena *a, const cjm_journey *j, const plan *pl)
{
    node *list = rnode_seq(a);
    for (int k = 0; k < pl->over_count; k++) {
        const plan_over *o = &pl->over[k];
        node *n = rnode_map(a);
        rnode_put(a, n, "phase", rnode_str(a, j->phases[o->phase].id));
        rnode_put(a, n, "phase_name", rnode_str(a, j->phases[o->phase].name));
        rnode_put(a, n, "minutes", rnode_num(a, o->minutes));
        rnode_put(a, n, "budget_minutes", rnode_num(a, o->budget));
        rnode_put(a, n, "over_minutes", rnode_num(a, o->minutes - o->budget));
        node_append(list, n);
    }
    return list;
}

/* The actions table's columns, for what the plan computed. */
static table_col *action_cols(arena *a, const plan *pl, int *n)
{
    table_col *cols = arena_alloc(a, sizeof *cols * 32);
    int c = 0;
    for (int k = 0; k < COUNT(base_cols); k++)
        cols[c++] = base_cols[k];
    for (int k = 0; pl->simulatable && k < COUNT(exact_cols); k++)
        cols[c++] = exact_cols[k];
    if (pl->simulatable && pl->money) {
        cols[c++] = (table_col){ "net_per_journey", "net / journey", COL_NUM, 2, NULL,
                                 COL_SIGNED };
        cols[c++] = (table_col){ "net_per_effort", "net / effort", COL_NUM, 2, NULL,
                                 COL_SIGNED };
    }
    for (int k = 0; pl->simulated && k < COUNT(mc_cols); k++)
        cols[c++] = mc_cols[k];
    for (int k = 0; k < COUNT(tail_cols); k++)
        cols[c++] = tail_cols[k];
    *n = c;
    return cols;
}

static void summary(report_doc *rd, arena *a, const cjm_journey *j, const plan *pl)
{
    node *root = rd->data;
    rnode_put(a, root, "journey", rnode_str(a, j->id));
    rnode_put(a, root, "simulatable", node_new_bool(a, pl->simulatable));
    if (!pl->simulatable) {
        report_line(rd, "%s", word_in(j->locale, W_PLAN_NO_SIM));
        return;
    }
    rnode_put(a, root, "conversion", rnode_num(a, pl->base_conversion));
    rnode_put(a, root, "conversion_with_plan", rnode_num(a, pl->combined_conversion));
    report_line(rd, word_in(j->locale, W_PLAN_CONVERSION), 100 * pl->base_conversion,
                100 * pl->combined_conversion);
    if (pl->simulated) {
        double d = pl->combined_mc - pl->base_mc;
        rnode_put(a, root, "conversion_mc", rnode_num(a, pl->base_mc));
        rnode_put(a, root, "conversion_with_plan_mc", rnode_num(a, pl->combined_mc));
        rnode_put(a, root, "uplift_with_plan_ci95", rnode_num(a, pl->combined_ci));
        report_line(rd, word_in(j->locale, W_PLAN_MC), 100 * pl->base_mc,
                    100 * pl->combined_mc, 100 * d, 100 * pl->combined_ci,
                    fabs(d) <= pl->combined_ci ? word_in(j->locale, W_NOT_SIGNIFICANT) : "");
    }
}

void plan_doc(report_doc *rd, arena *a, const cjm_journey *j, const plan *pl)
{
    report_init(rd, a, arena_printf(a, word_in(j->locale, W_PLAN_TITLE), j->title));
    summary(rd, a, j, pl);
    node *root = rd->data;
    node *actions = rnode_seq(a);
    for (int k = 0; k < pl->count; k++)
        node_append(actions, action_node(a, j, pl, k));
    rnode_put(a, root, "actions", actions);
    node *gaps = gap_list(a, j, pl->unaddressed, pl->unaddressed_count);
    rnode_put(a, root, "unaddressed", gaps);
    node *weak = gap_list(a, j, pl->weak, pl->weak_count);
    rnode_put(a, root, "low_confidence_only", weak);
    node *fails = fail_list(a, j, pl);
    rnode_put(a, root, "unrecovered_fail_points", fails);
    node *over = over_list(a, j, pl);
    rnode_put(a, root, "over_time_budget", over);

    int nc;
    table_col *cols = action_cols(a, pl, &nc);
    table *t = report_table(rd, "Actions", cols, nc, actions);
    t->empty = "The journey has no actions yet.";
    if (pl->simulatable)
        t->note = pl->by_money ? word_in(NULL, W_T_RANKED_MONEY)
                               : "Ranked by uplift per unit of effort; uplift in percentage "
                                 "points of conversion.";
    t = report_table(rd, "Unaddressed pains and opportunities", gap_cols, COUNT(gap_cols), gaps);
    t->empty = "None: every pain and opportunity has an action.";
    if (pl->weak_count)
        report_table(rd, "Addressed only with low confidence", gap_cols, COUNT(gap_cols), weak);
    if (pl->fail_count)
        report_table(rd, "Fail points without a recovery action", fail_cols,
                     COUNT(fail_cols), fails);
    if (pl->over_count)
        report_table(rd, "Phases over their time budget", over_cols, COUNT(over_cols), over);
}

void plan_pages(rdoc *doc, const cjm_journey *j, const layout_options *o)
{
    if (!j->action_count)
        return;
    arena pa;
    arena_init(&pa);
    diag_list quiet;
    diag_init(&quiet);
    plan_options po = { 0, 0, 1, 1, 0 };
    plan *pl = plan_build(&pa, j, &po, &quiet);
    layout_plan(doc, j, pl, o);
    report_doc rd;
    plan_doc(&rd, &pa, j, pl);
    report_pages(doc, &rd, o);
    diag_free(&quiet);
    arena_free(&pa);
}
