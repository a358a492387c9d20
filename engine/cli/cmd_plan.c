/*
 * cmd_plan.c — `cjm plan`: the action plan as Markdown, CSV, YAML, JSON
 * or a PDF with an impact-effort matrix, a roadmap and the table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "base/watchdog.h"
#include "cli/commands.h"
#include "model/emit.h"
#include "base/fsout.h"
#include "model/load.h"
#include "sim/plan.h"
#include "render/layout.h"
#include "render/surface.h"
#include "doc/yaml.h"

static const cli_option plan_cli[] = {
    { "output", 'o', 1, "FILE", "plan.md (default: stdout), plan.csv, plan.yaml, plan.json or plan.pdf" },
    { "simulate", 0, 0, "", "simulate each action's effect (Monte Carlo intervals) and rank by uplift per effort" },
    { "journeys", 'n', 1, "N", "Monte Carlo journeys for --simulate (default 100000)" },
    { "threads", 'j', 1, "N", "threads for --simulate (default: all cores); results do not depend on it" },
    { "boxes", 0, 1, "FILE", "with a PDF: also write the laid-out boxes as JSON" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_plan(FILE *out)
{
    fputs("usage: cjm plan FILE [-o plan.md|plan.csv|plan.yaml|plan.json|plan.pdf] [--simulate]\n\n"
          "Turn the journey's actions into a plan: every pain and opportunity\n"
          "covered or listed as unaddressed, a RICE priority (reach x impact x\n"
          "confidence / effort, reach from the exact engine), each action's\n"
          "effect on conversion and its KPI from X to Y, the blueprint lanes it\n"
          "changes.  The PDF adds an impact-effort matrix and a roadmap.\n\n"
          "options:\n", out);
    cli_print_options(plan_cli, out);
}

static const char *lanes_text(arena *a, const cjm_action *ac)
{
    const char *s = "";
    for (int k = 0; k < ac->lanes.count; k++)
        s = arena_printf(a, "%s%s%s", s, k ? ", " : "", ac->lanes.items[k]);
    return s;
}

static const char *addresses_text(arena *a, const cjm_action *ac)
{
    const char *s = "";
    for (int k = 0; k < ac->addresses.count; k++)
        s = arena_printf(a, "%s%s%s", s, k ? ", " : "", ac->addresses.items[k]);
    return s;
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

static char *markdown(arena *a, const cjm_journey *j, const plan *pl)
{
    const char *s = arena_printf(a, "# Action plan: %s\n\n", j->title);
    if (pl->simulatable)
        s = arena_printf(a, "%sConversion now **%.2f%%**; with every action's effect "
                         "**%.2f%%** (exact engine)%s.\n\n", s, 100 * pl->base_conversion,
                         100 * pl->combined_conversion,
                         pl->simulated ? arena_printf(a, "; Monte Carlo %.2f%% → %.2f%%, "
                                                      "uplift ±%.2f pts", 100 * pl->base_mc,
                                                      100 * pl->combined_mc, 100 * pl->combined_ci)
                                       : "");
    s = arena_printf(a, "%s| # | action | owner | phase | horizon | impact | effort | "
                     "confidence | reach | RICE | uplift | days saved | KPI | lanes | addresses |\n"
                     "|---:|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n", s);
    for (int k = 0; k < pl->count; k++) {
        const plan_item *it = &pl->items[k];
        const cjm_action *ac = it->action;
        const char *uplift = !it->simulated ? "-"
            : pl->simulated ? arena_printf(a, "%+.2f pts (MC %+.2f ± %.2f)", 100 * it->uplift,
                                           100 * it->uplift_mc, 100 * it->uplift_ci)
                            : arena_printf(a, "%+.2f pts", 100 * it->uplift);
        s = arena_printf(a, "%s| %d | %s%s | %s | %s | %s | %d | %g | %.2f | %.1f%% | %.2f | %s | "
                         "%s | %s | %s | %s |\n", s, k + 1, ac->title,
                         it->low_confidence ? " (low confidence)" : "", ac->owner ? ac->owner : "-",
                         it->phase >= 0 ? j->phases[it->phase].name : "-", ac->horizon,
                         ac->impact, ac->effort, ac->confidence, 100 * it->reach, it->score,
                         uplift, !it->simulated ? "-"
                         : pl->simulated ? arena_printf(a, "%.1f (MC %.1f ± %.1f)", it->days_saved,
                                                        it->days_saved_mc, it->days_saved_ci)
                                         : arena_printf(a, "%.1f", it->days_saved),
                         kpi_text(a, it), lanes_text(a, ac), addresses_text(a, ac));
    }
    s = arena_printf(a, "%s\n## Unaddressed pains and opportunities\n\n", s);
    if (!pl->unaddressed_count)
        s = arena_printf(a, "%sNone: every pain and opportunity has an action.\n", s);
    for (int k = 0; k < pl->unaddressed_count; k++) {
        const plan_gap *g = &pl->unaddressed[k];
        s = arena_printf(a, "%s- %s `%s`: %s — phase %s; involved: %s\n", s,
                         g->is_pain ? "pain" : "opportunity", g->card->id, g->card->text,
                         j->phases[g->phase].name, g->stakeholders);
    }
    if (pl->fail_count || pl->over_count) {
        s = arena_printf(a, "%s\n## Operations (service blueprint)\n\n", s);
        for (int k = 0; k < pl->fail_count; k++) {
            const plan_fail *f = &pl->fails[k];
            s = arena_printf(a, "%s- fail point without a recovery action: %s — \"%s\"%s "
                             "(phase %s, %s)\n", s, f->card->text, f->card->fail_point,
                             f->card->fail_rate >= 0 ? arena_printf(a, ", %g%% of the time",
                                                                    100 * f->card->fail_rate) : "",
                             j->phases[f->phase].name, f->lane);
        }
        for (int k = 0; k < pl->over_count; k++) {
            const plan_over *o = &pl->over[k];
            int days = j->phases[o->phase].time_budget.days;
            double unit = days ? 1440 : 1;
            s = arena_printf(a, "%s- phase %s takes %g %s by its step times, over its budget "
                             "of %g\n", s, j->phases[o->phase].name, o->minutes / unit,
                             days ? "days" : "minutes", o->budget / unit);
        }
    }
    if (pl->weak_count) {
        s = arena_printf(a, "%s\n## Addressed only with low confidence\n\n", s);
        for (int k = 0; k < pl->weak_count; k++)
            s = arena_printf(a, "%s- `%s`: %s — phase %s\n", s, pl->weak[k].card->id,
                             pl->weak[k].card->text, j->phases[pl->weak[k].phase].name);
    }
    return (char *)s;
}

static const char *csv_field(arena *a, const char *s)
{
    if (!strpbrk(s, ",\"\n"))
        return s;
    const char *out = "\"";
    for (const char *p = s; *p; p++)
        out = arena_printf(a, "%s%s", out, *p == '"' ? "\"\"" : (char[]){ *p, 0 });
    return arena_printf(a, "%s\"", out);
}

static char *csv(arena *a, const cjm_journey *j, const plan *pl)
{
    const char *s = "rank,id,title,owner,phase,horizon,impact,effort,confidence,reach,"
                    "rice,uplift,days_saved,kpi,lanes,addresses,status\n";
    for (int k = 0; k < pl->count; k++) {
        const plan_item *it = &pl->items[k];
        const cjm_action *ac = it->action;
        s = arena_printf(a, "%s%d,%s,%s,%s,%s,%s,%d,%g,%g,%.6f,%.6f,%s,%s,%s,%s,%s,action\n",
                         s, k + 1, ac->id, csv_field(a, ac->title),
                         csv_field(a, ac->owner ? ac->owner : ""),
                         it->phase >= 0 ? j->phases[it->phase].id : "", ac->horizon, ac->impact,
                         ac->effort, ac->confidence, it->reach, it->score,
                         it->simulated ? arena_printf(a, "%.6f", it->uplift) : "",
                         it->simulated ? arena_printf(a, "%.3f", it->days_saved) : "",
                         csv_field(a, kpi_text(a, it)), csv_field(a, lanes_text(a, ac)),
                         csv_field(a, addresses_text(a, ac)));
    }
    for (int k = 0; k < pl->unaddressed_count; k++) {
        const plan_gap *g = &pl->unaddressed[k];
        s = arena_printf(a, "%s,%s,%s,,%s,,,,,,,,,,,,unaddressed %s\n", s, g->card->id,
                         csv_field(a, g->card->text), j->phases[g->phase].id,
                         g->is_pain ? "pain" : "opportunity");
    }
    for (int k = 0; k < pl->fail_count; k++) {
        const plan_fail *f = &pl->fails[k];
        s = arena_printf(a, "%s,%s,%s,,%s,,,,,,,,,%s,,,fail point without recovery\n", s,
                         f->card->id ? f->card->id : "", csv_field(a, f->card->text),
                         j->phases[f->phase].id, csv_field(a, f->card->fail_point));
    }
    for (int k = 0; k < pl->over_count; k++) {
        const plan_over *o = &pl->over[k];
        s = arena_printf(a, "%s,%s,,,%s,,,,,,,,%g,,,,over time budget\n", s,
                         j->phases[o->phase].id, j->phases[o->phase].id,
                         (o->minutes - o->budget));
    }
    return (char *)s;
}

static node *tree(arena *a, const cjm_journey *j, const plan *pl)
{
    node *root = node_new(a, NODE_MAP, NULL, 0, 0);
    node_map_put(a, root, "journey", node_new_str(a, j->id, strlen(j->id)));
    if (pl->simulatable) {
        node_map_put(a, root, "conversion", node_new_float(a, pl->base_conversion));
        node_map_put(a, root, "conversion_with_plan", node_new_float(a, pl->combined_conversion));
    }
    node *list = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int k = 0; k < pl->count; k++) {
        const plan_item *it = &pl->items[k];
        node *n = node_new(a, NODE_MAP, NULL, 0, 0);
        node_map_put(a, n, "rank", node_new_int(a, k + 1));
        node_map_put(a, n, "id", node_new_str(a, it->action->id, strlen(it->action->id)));
        node_map_put(a, n, "title", node_new_str(a, it->action->title, strlen(it->action->title)));
        node_map_put(a, n, "reach", node_new_float(a, it->reach));
        node_map_put(a, n, "rice", node_new_float(a, it->score));
        if (it->simulated) {
            node_map_put(a, n, "uplift", node_new_float(a, it->uplift));
            node_map_put(a, n, "days_saved", node_new_float(a, it->days_saved));
            if (pl->simulated) {
                node_map_put(a, n, "uplift_mc", node_new_float(a, it->uplift_mc));
                node_map_put(a, n, "uplift_ci95", node_new_float(a, it->uplift_ci));
                node_map_put(a, n, "days_saved_mc", node_new_float(a, it->days_saved_mc));
                node_map_put(a, n, "days_saved_ci95", node_new_float(a, it->days_saved_ci));
            }
        }
        const char *kpi = kpi_text(a, it);
        node_map_put(a, n, "kpi", node_new_str(a, kpi, strlen(kpi)));
        node_append(list, n);
    }
    node_map_put(a, root, "actions", list);
    node *gaps = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int k = 0; k < pl->unaddressed_count; k++) {
        const plan_gap *g = &pl->unaddressed[k];
        node *n = node_new(a, NODE_MAP, NULL, 0, 0);
        node_map_put(a, n, "id", node_new_str(a, g->card->id, strlen(g->card->id)));
        node_map_put(a, n, "kind", node_new_str(a, g->is_pain ? "pain" : "opportunity",
                                                g->is_pain ? 4 : 11));
        node_map_put(a, n, "phase", node_new_str(a, j->phases[g->phase].id,
                                                 strlen(j->phases[g->phase].id)));
        node_map_put(a, n, "stakeholders", node_new_str(a, g->stakeholders, strlen(g->stakeholders)));
        node_append(gaps, n);
    }
    node_map_put(a, root, "unaddressed", gaps);
    node *fails = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int k = 0; k < pl->fail_count; k++) {
        const plan_fail *f = &pl->fails[k];
        node *n = node_new(a, NODE_MAP, NULL, 0, 0);
        node_map_put(a, n, "card", node_new_str(a, f->card->text, strlen(f->card->text)));
        node_map_put(a, n, "fail_point", node_new_str(a, f->card->fail_point,
                                                      strlen(f->card->fail_point)));
        node_map_put(a, n, "phase", node_new_str(a, j->phases[f->phase].id,
                                                 strlen(j->phases[f->phase].id)));
        node_append(fails, n);
    }
    node_map_put(a, root, "unrecovered_fail_points", fails);
    node *over = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int k = 0; k < pl->over_count; k++) {
        node *n = node_new(a, NODE_MAP, NULL, 0, 0);
        const char *id = j->phases[pl->over[k].phase].id;
        node_map_put(a, n, "phase", node_new_str(a, id, strlen(id)));
        node_map_put(a, n, "minutes", node_new_float(a, pl->over[k].minutes));
        node_map_put(a, n, "budget_minutes", node_new_float(a, pl->over[k].budget));
        node_append(over, n);
    }
    node_map_put(a, root, "over_time_budget", over);
    return root;
}

int cmd_plan(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    int rc = cli_start("plan", plan_cli, argc, argv, &args, help_plan, 1, 1,
                       "one journey file", &lo);
    if (rc >= 0)
        return rc;
    const char *out = cli_value(plan_cli, &args, "output");
    const char *ext = out ? strrchr(out, '.') : NULL;
    int fmt = !out ? 0 : !ext ? -1 : !strcmp(ext, ".md") ? 0 : !strcmp(ext, ".csv") ? 1
            : !strcmp(ext, ".yaml") || !strcmp(ext, ".yml") ? 2 : !strcmp(ext, ".json") ? 3
            : !strcmp(ext, ".pdf") ? 4 : !strcmp(ext, ".png") ? 5 : !strcmp(ext, ".svg") ? 6
            : -1;
    if (fmt < 0) {
        fprintf(stderr, "cjm plan: cannot tell the format of \"%s\" (.md, .csv, .yaml, "
                ".json, .pdf, or .png/.svg for the matrix)\n", out);
        return EXIT_USAGE;
    }
    plan_options po = { cli_value(plan_cli, &args, "simulate") != NULL, 100000,
                        lo.host.seed, 0 };
    const char *s = cli_value(plan_cli, &args, "journeys");
    double v;
    if (s) {
        if (cli_number("plan", "journeys", s, 100, 1e10, &v) < 0)
            return EXIT_USAGE;
        po.journeys = (long long)v;
    }
    if ((s = cli_value(plan_cli, &args, "threads"))) {
        if (cli_number("plan", "threads", s, 1, 256, &v) < 0)
            return EXIT_USAGE;
        po.threads = (int)v;
    }
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    cjm_journey *j = load_journey(&a, args.positional[0], &lo, &d);
    watchdog_stage("planning");
    if (j) {
        plan *pl = plan_build(&a, j, &po, &d);
        if (fmt >= 4) {
            const theme *t = theme_get("light");
            text_begin(t, j->locale);
            rdoc *doc = rdoc_new();
            doc->lang = j->locale;
            double pw, ph;
            pw = 297 / 25.4 * 72;
            ph = 210 / 25.4 * 72;
            layout_options lopt = { .theme = t, .page_w = pw, .page_h = ph };
            layout_plan(doc, j, pl, &lopt);
            if (fmt > 4)
                rdoc_truncate(doc, 1);  /* PNG and SVG hold the matrix page */
            const char *boxes = cli_value(plan_cli, &args, "boxes");
            if (boxes) {
                size_t blen;
                char *json = rdoc_to_json(doc, &blen);
                fsout_write_file(boxes, json, blen, &d);
                free(json);
            }
            surface_write(doc, t, fmt == 5 ? FORMAT_PNG : fmt == 6 ? FORMAT_SVG : FORMAT_PDF,
                          150, j->title, out, 0, &d);
            rdoc_free(doc);
            text_end();
        } else {
            char *text = NULL;
            size_t len = 0;
            int own = 0;
            if (fmt == 0)
                text = markdown(&a, j, pl);
            else if (fmt == 1)
                text = csv(&a, j, pl);
            else {
                node *root = tree(&a, j, pl);
                text = fmt == 3 ? emit_json(root, &len, &d) : yaml_emit(root, &len, &d);
                own = 1;
            }
            if (text && !own)
                len = strlen(text);
            if (text)
                fsout_write_file(out ? out : "-", text, len, &d);
            if (own)
                free(text);
        }
    }
    return cli_finish(&d, &a, j != NULL);
}
