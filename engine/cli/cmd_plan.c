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
#include "report/plan_doc.h"
#include "render/layout.h"
#include "render/surface.h"
#include "doc/yaml.h"

static const cli_option plan_cli[] = {
    { "output", 'o', 1, "FILE", "plan.md, plan.csv, plan.yaml, plan.json, plan.pdf, or the matrix as .png/.svg (default: a table on stdout)" },
    { "format", 'f', 1, "FORMAT", "table, md, csv, yaml or json for standard output (default: from -o, else table)" },
    { "simulate", 0, 0, "", "simulate each action's effect (Monte Carlo intervals) and rank by uplift per effort" },
    { "rank", 0, 1, "BY", "conversion (default: uplift per effort) or money (net value per journey per effort; needs values or costs)" },
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

#define PLAN_FORMATS (FMTBIT(FMT_TABLE) | FMTBIT(FMT_MD) | FMTBIT(FMT_CSV) | FMTBIT(FMT_YAML) \
                      | FMTBIT(FMT_JSON) | FMTBIT(FMT_PDF) | FMTBIT(FMT_PNG) | FMTBIT(FMT_SVG))

/* The plan's PDF (the matrix, the roadmap and the tables), or its matrix
 * alone as PNG or SVG, to OUT; the laid-out boxes to BOXES when given. */
static void plan_pictures(const cjm_journey *j, const plan *pl, const report_doc *rd,
                          out_format fmt, const char *out, const char *boxes, diag_list *d)
{
    const theme *t = theme_get("light");
    text_begin(t, j->locale);
    rdoc *doc = rdoc_new();
    doc->lang = j->locale;
    layout_options lopt = { .theme = t, .page_w = 297 / 25.4 * 72, .page_h = 210 / 25.4 * 72 };
    layout_plan(doc, j, pl, &lopt);
    if (fmt == FMT_PDF)
        report_pages(doc, rd, &lopt);
    else
        rdoc_truncate(doc, 1);      /* PNG and SVG hold the matrix page */
    if (boxes) {
        size_t blen;
        char *json = rdoc_to_json(doc, &blen);
        fsout_write_file(boxes, json, blen, d);
        free(json);
    }
    surface_write(doc, t, fmt, 150, j->title, out, 0, d);
    rdoc_free(doc);
    text_end();
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
    int fmt = cli_output_format("plan", plan_cli, &args, PLAN_FORMATS);
    if (fmt < 0)
        return EXIT_USAGE;
    plan_options po = { cli_value(plan_cli, &args, "simulate") != NULL, 100000,
                        lo.host.seed, 0, 0 };
    const char *rank = cli_value(plan_cli, &args, "rank");
    static const char *const ranks[] = { "conversion", "money", NULL };
    int ri = 0;
    while (rank && ranks[ri] && strcmp(ranks[ri], rank) != 0)
        ri++;
    if (rank && !ranks[ri]) {
        fprintf(stderr, "cjm plan: --rank takes conversion or money, not \"%s\"\n", rank);
        return EXIT_USAGE;
    }
    po.by_money = ri == 1;
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
        /* a mapping project is planned as the customer journey it maps */
        const cjm_journey *pj = j->mapped ? j->mapped : j;
        plan *pl = plan_build(&a, pj, &po, &d);
        report_doc rd;
        plan_doc(&rd, &a, pj, pl);
        if (fmt >= FMT_SVG)
            plan_pictures(pj, pl, &rd, (out_format)fmt, out,
                          cli_value(plan_cli, &args, "boxes"), &d);
        else
            report_write(&rd, (out_format)fmt, out, 0, &d);
    }
    return cli_finish(&d, &a, j != NULL);
}
