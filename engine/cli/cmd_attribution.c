/*
 * cmd_attribution.c — `cjm attribution PATHS.csv`: Markov removal effects
 * and the heuristics, as a table, CSV, Markdown, YAML or JSON.
 */
#include <math.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "sim/attribution.h"
#include "cli/options.h"
#include "base/watchdog.h"
#include "cli/commands.h"
#include "model/emit.h"
#include "report/attribution_doc.h"
#include "base/fsout.h"
#include "doc/yaml.h"
#include "model/load.h"
#include "model/model.h"

static const cli_option attribution_options[] = {
    { "order", 'k', 1, "K", "order of the Markov chain, 1..4 (default 1)" },
    { "output", 'o', 1, "FILE", "write .csv, .md, .yaml or .json (default: a table on stdout)" },
    { "format", 'f', 1, "FORMAT", "table, md, csv, yaml or json (default: from -o, else table)" },
    { "fit-journey", 0, 1, "FILE", "map channels onto FILE's touchpoints and write it with fitted reach and lift to -o" },
    { "help", 'h', 0, "", "show this help" },
    CLI_LIMIT_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_attribution(FILE *out)
{
    fputs("usage: cjm attribution PATHS.csv [--order K] [-o OUT.csv|md|yaml|json]\n\n"
          "Attribute conversions to channels from observed paths, in the\n"
          "layout of the ChannelAttribution package: columns path (channels\n"
          "joined by \">\"), total_conversions, total_conversion_value,\n"
          "total_null; \";\" or \",\" separated.  A Markov chain of order K is\n"
          "fitted and each channel's removal effect (the share of conversions\n"
          "lost without it) computed exactly from the absorbing chain; the\n"
          "conversions and value are shared out in proportion.  First-touch,\n"
          "last-touch and linear attribution are shown beside it.\n\n"
          "options:\n", out);
    cli_print_options(attribution_options, out);
}

/* The channel of the paths that stands for touchpoint T: the one named
 * like its id, its channel, or its name (case aside); -1 when none. */
static int channel_for(const attr_result *r, const cjm_touchpoint *t)
{
    const char *keys[3] = { t->id, model_channel_names()[t->channel], t->name };
    for (int k = 0; k < 3; k++)
        for (int c = 0; c < r->channel_count; c++)
            if (keys[k] && strcasecmp(r->channels[c].name, keys[k]) == 0)
                return c;
    return -1;
}

/* Write J's normalized text with reach and lift fitted from R:
 * reach = the share of observed journeys that touch the channel,
 * lift = 1 + removal effect / reach (a channel whose absence costs a share
 * RE of conversions, met by a share `reach` of journeys, raises their
 * chance to move on by about that much). */
static int fit_journey(const char *journey, const attr_result *r, const char *out,
                       diag_list *d)
{
    arena a;
    arena_init(&a);
    load_options lo;
    memset(&lo, 0, sizeof lo);
    lo.host.datadir = cli_datadir();
    lo.host.seed = 1;
    cjm_journey *j = load_journey(&a, journey, &lo, d);
    int rc = -1, matched = 0;
    if (j) {
        printf("fitted touchpoints of %s:\n", journey);
        for (int t = 0; t < j->touchpoint_count; t++) {
            cjm_touchpoint *tp = &j->touchpoints[t];
            int c = channel_for(r, tp);
            if (c < 0) {
                printf("  %-24s no channel in the paths; unchanged\n", tp->id);
                continue;
            }
            const attr_channel *ch = &r->channels[c];
            double reach = ch->path_share < 0.01 ? 0.01 : ch->path_share > 1 ? 1 : ch->path_share;
            double lift = 1 + ch->removal_effect / reach;
            if (lift > 100)
                lift = 100;
            printf("  %-24s channel %-12s reach %.3f -> %.3f, lift %.3f -> %.3f\n", tp->id,
                   ch->name, tp->reach, reach, tp->lift, lift);
            tp->reach = round(reach * 1e4) / 1e4;
            tp->lift = round(lift * 1e4) / 1e4;
            matched++;
        }
        if (!matched) {
            diag_add(d, DIAG_ERROR, journey, 0, 0, NULL, "no touchpoint matches a channel "
                     "of the paths (match by id, channel or name)");
        } else {
            size_t len;
            char *text = emit_journey(j, (out_format)format_from_path(out), &len, d);
            if (text && fsout_write_file(out, text, len, d) == 0)
                rc = 0;
            free(text);
        }
    }
    arena_free(&a);
    return rc;
}

#define ATTRIBUTION_FORMATS (FMTBIT(FMT_TABLE) | FMTBIT(FMT_MD) | FMTBIT(FMT_CSV) \
                             | FMTBIT(FMT_YAML) | FMTBIT(FMT_JSON))

int cmd_attribution(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_start("attribution", attribution_options, argc, argv, &args,
                       help_attribution, 1, 1, "one CSV file of paths", NULL);
    if (rc >= 0)
        return rc;
    double order = 1;
    const char *s = cli_value(attribution_options, &args, "order");
    if (s && cli_number("attribution", "order", s, 1, 4, &order) < 0)
        return EXIT_USAGE;
    const char *out = cli_value(attribution_options, &args, "output");
    const char *fit = cli_value(attribution_options, &args, "fit-journey");
    int fmt = -1;
    if (fit) {
        fmt = out ? format_choose("attribution", out, NULL, FMTBIT(FMT_YAML) | FMTBIT(FMT_JSON))
                  : -1;
        if (fmt < 0) {
            fputs("cjm attribution: --fit-journey writes the fitted journey: give -o "
                  "FILE.yaml or FILE.json\n", stderr);
            return EXIT_USAGE;
        }
    } else {
        fmt = cli_output_format("attribution", attribution_options, &args,
                                ATTRIBUTION_FORMATS);
        if (fmt < 0)
            return EXIT_USAGE;
    }
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    watchdog_stage("computing attribution");
    attr_result *r = attribution_run(&a, args.positional[0], (int)order, &d);
    if (r && fit) {
        fit_journey(fit, r, out, &d);
    } else if (r) {
        report_doc rd;
        attribution_doc(&rd, &a, r);
        report_write(&rd, (out_format)fmt, out, 0, &d);
    }
    return cli_finish(&d, &a, r != NULL);
}
