/*
 * diff_doc.c — a journey diff as a document; see diff_doc.h.
 */
#include "report/diff_doc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/sim.h"

/* Figures rounded to 1e-6, as simulate writes them. */
static node *num(arena *a, double v)
{
    return rnode_num(a, isfinite(v) ? round(v * 1e6) / 1e6 : v);
}

static int exact_of(arena *a, const cjm_journey *j, const char *name, double *conv,
                    double *days, double *net, int *money)
{
    int any = 0;
    for (int i = 0; i < j->phase_count; i++)
        any |= j->phases[i].has_transitions || j->phases[i].has_duration;
    if (!any)
        return -1;
    diag_list quiet;
    diag_init(&quiet);
    sim_mixed x;
    int rc = sim_run_mixed(a, j, NULL, 0, NULL, name, &x, &quiet);
    if (rc == 0) {
        const sim_result *r = x.exact;
        *conv = r->converted;
        *days = r->converted > 0 ? r->convert_days_sum / r->converted : NAN;
        *net = x.money_exact.value - x.money_exact.cost;
        *money = x.has_money;
        sim_mixed_free(&x);
    }
    diag_free(&quiet);
    return rc;
}

void diff_sim_make(arena *a, const cjm_journey *old, const cjm_journey *new_j,
                   const char *old_name, const char *new_name, diff_sim *s)
{
    memset(s, 0, sizeof *s);
    int m0 = 0, m1 = 0;
    s->ok = exact_of(a, old, old_name, &s->converted[0], &s->mean_days[0], &s->net[0], &m0) == 0
         && exact_of(a, new_j, new_name, &s->converted[1], &s->mean_days[1], &s->net[1], &m1) == 0;
    s->has_money = m0 || m1;
}

static const table_col change_cols[] = {
    { "kind", "kind", COL_TEXT, 0, NULL, 0 },
    { "change", "change", COL_TEXT, 0, NULL, 0 },
    { "id", "id", COL_TEXT, 0, NULL, 0 },
    { "what", "what", COL_TEXT, 0, NULL, COL_WRAP },
    { "where", "phase", COL_TEXT, 0, NULL, 0 },
    { "details", "details", COL_TEXT, 0, NULL, COL_WRAP },
};
static const table_col emotion_cols[] = {
    { "phase", "phase", COL_TEXT, 0, NULL, 0 },
    { "persona", "persona", COL_TEXT, 0, NULL, 0 },
    { "before", "before", COL_NUM, 1, NULL, COL_SIGNED },
    { "after", "after", COL_NUM, 1, NULL, COL_SIGNED },
    { "change", "change", COL_NUM, 1, NULL, COL_SIGNED },
};
static const table_col sim_cols[] = {
    { "figure", "figure (exact engine)", COL_TEXT, 0, NULL, 0 },
    { "before", "before", COL_NUM, 4, NULL, 0 },
    { "after", "after", COL_NUM, 4, NULL, 0 },
    { "difference", "difference", COL_NUM, 4, NULL, COL_SIGNED },
};
#define COLS(c) (int)(sizeof c / sizeof c[0])

static const char *id_text(arena *a, const diff_item *it)
{
    if (it->change == DIFF_RENAMED)
        return arena_printf(a, "%s → %s", it->old_id, it->new_id);
    return it->new_id ? it->new_id : it->old_id;
}

static const char *where_text(arena *a, const diff_item *it)
{
    if (it->change == DIFF_MOVED)
        return arena_printf(a, "%s → %s", it->old_phase, it->new_phase);
    return it->new_phase ? it->new_phase : it->old_phase;
}

static node *change_rows(arena *a, const journey_diff *df)
{
    node *list = rnode_seq(a);
    for (int i = 0; i < df->count; i++) {
        const diff_item *it = &df->items[i];
        node *r = rnode_map(a);
        rnode_put(a, r, "kind", rnode_str(a, it->kind));
        rnode_put(a, r, "change", rnode_str(a, diff_change_names()[it->change]));
        rnode_put(a, r, "id", rnode_str(a, id_text(a, it)));
        rnode_put(a, r, "old_id", rnode_str(a, it->old_id));
        rnode_put(a, r, "new_id", rnode_str(a, it->new_id));
        rnode_put(a, r, "what", rnode_str(a, it->label));
        rnode_put(a, r, "where", rnode_str(a, where_text(a, it)));
        rnode_put(a, r, "details", rnode_str(a, it->fields));
        node_append(list, r);
    }
    return list;
}

static node *emotion_rows(arena *a, const journey_diff *df)
{
    node *list = rnode_seq(a);
    for (int i = 0; i < df->emotion_count; i++) {
        const diff_emotion *e = &df->emotions[i];
        node *r = rnode_map(a);
        rnode_put(a, r, "phase", rnode_str(a, e->phase));
        rnode_put(a, r, "persona", rnode_str(a, e->persona));
        rnode_put(a, r, "before", num(a, e->before));
        rnode_put(a, r, "after", num(a, e->after));
        rnode_put(a, r, "change", num(a, e->after - e->before));
        node_append(list, r);
    }
    return list;
}

static void sim_row(arena *a, node *list, const char *figure, const double *v)
{
    node *r = rnode_map(a);
    rnode_put(a, r, "figure", rnode_str(a, figure));
    rnode_put(a, r, "before", num(a, v[0]));
    rnode_put(a, r, "after", num(a, v[1]));
    rnode_put(a, r, "difference", num(a, v[1] - v[0]));
    node_append(list, r);
}

void diff_doc(report_doc *rd, arena *a, const cjm_journey *new_j, const journey_diff *df,
              const diff_sim *s, const char *old_name, const char *new_name)
{
    (void)new_j;
    report_init(rd, a, arena_printf(a, "Diff: %s → %s", old_name, new_name));
    rnode_put(a, rd->data, "old", rnode_str(a, old_name));
    rnode_put(a, rd->data, "new", rnode_str(a, new_name));
    const char *const *names = diff_change_names();
    if (df->count == 0 && df->emotion_count == 0)
        report_line(rd, "No differences.");
    else
        report_line(rd, "%d change%s: %d %s, %d %s, %d %s, %d %s, %d %s; %d emotion score%s "
                    "changed", df->count, df->count == 1 ? "" : "s",
                    df->counts[DIFF_ADDED], names[DIFF_ADDED], df->counts[DIFF_REMOVED],
                    names[DIFF_REMOVED], df->counts[DIFF_CHANGED], names[DIFF_CHANGED],
                    df->counts[DIFF_MOVED], names[DIFF_MOVED], df->counts[DIFF_RENAMED],
                    names[DIFF_RENAMED], df->emotion_count, df->emotion_count == 1 ? "" : "s");
    node *changes = change_rows(a, df);
    rnode_put(a, rd->data, "changes", changes);
    table *t = report_table(rd, "Changes", change_cols, COLS(change_cols), changes);
    t->empty = "None.";
    node *emo = emotion_rows(a, df);
    rnode_put(a, rd->data, "emotions", emo);
    t = report_table(rd, "Emotion", emotion_cols, COLS(emotion_cols), emo);
    t->empty = "No score changed.";
    if (!s->ok) {
        report_line(rd, "The journeys were not compared by simulation: one of them cannot be "
                    "simulated.");
        return;
    }
    node *sim = rnode_seq(a);
    sim_row(a, sim, "converted", s->converted);
    sim_row(a, sim, "mean days to convert", s->mean_days);
    if (s->has_money)
        sim_row(a, sim, "net value per journey", s->net);
    rnode_put(a, rd->data, "simulation", sim);
    report_table(rd, "Simulation", sim_cols, COLS(sim_cols), sim);
    report_line(rd, "Conversion %.2f%% → %.2f%% (%+.2f points), exact engine.",
                100 * s->converted[0], 100 * s->converted[1],
                100 * (s->converted[1] - s->converted[0]));
}
