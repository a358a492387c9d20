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
#include "base/fsout.h"
#include "doc/yaml.h"
#include "model/load.h"
#include "model/model.h"

static const cli_option attribution_options[] = {
    { "order", 'k', 1, "K", "order of the Markov chain, 1..4 (default 1)" },
    { "output", 'o', 1, "FILE", "write .csv, .md, .yaml or .json (default: a table)" },
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

static node *num(arena *a, double v)
{
    return node_new_float(a, v);
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
            int format = emit_format_from_path(out);
            size_t len;
            char *text = emit_journey(j, format < 0 ? EMIT_YAML : (emit_format)format, &len, d);
            if (text && fsout_write_file(out, text, len, d) == 0)
                rc = 0;
            free(text);
        }
    }
    arena_free(&a);
    return rc;
}

int cmd_attribution(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_start("attribution", attribution_options, argc, argv, &args,
                       help_attribution, 1, 1, "one CSV file of paths", NULL);
    if (rc >= 0)
        return rc;
    int order = 1;
    const char *s = cli_value(attribution_options, &args, "order");
    if (s) {
        char *end;
        order = (int)strtol(s, &end, 10);
        if (*end || order < 1 || order > 4) {
            fprintf(stderr, "cjm attribution: --order expects 1..4, got \"%s\"\n", s);
            return EXIT_USAGE;
        }
    }
    const char *out = cli_value(attribution_options, &args, "output");
    const char *fit = cli_value(attribution_options, &args, "fit-journey");
    if (fit && (!out || emit_format_from_path(out) < 0)) {
        fputs("cjm attribution: --fit-journey writes the fitted journey: give -o "
              "FILE.yaml or FILE.json\n", stderr);
        return EXIT_USAGE;
    }
    const char *ext = out ? strrchr(out, '.') : NULL;
    int fmt = !out ? 0 : !ext ? -1 : !strcmp(ext, ".csv") ? 1 : !strcmp(ext, ".md") ? 2
            : !strcmp(ext, ".yaml") || !strcmp(ext, ".yml") ? 3 : !strcmp(ext, ".json") ? 4 : -1;
    if (fmt < 0 && !fit) {
        fprintf(stderr, "cjm attribution: cannot tell the format of \"%s\"; name it "
                ".csv, .md, .yaml or .json\n", out);
        return EXIT_USAGE;
    }
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    watchdog_stage("computing attribution");
    attr_result *r = attribution_run(&a, args.positional[0], order, &d);
    if (r && fit) {
        fit_journey(fit, r, out, &d);
    } else if (r) {
        char *text = NULL;
        size_t len = 0;
        if (fmt == 0 || fmt == 1 || fmt == 2) {
            size_t cap = 4096 + (size_t)r->channel_count * 512;
            text = malloc(cap);
            FILE *f = text ? fmemopen(text, cap, "w") : NULL;
            if (f) {
                if (fmt == 0) {
                    fprintf(f, "%ld paths, %.0f conversions, value %.2f, %.0f nulls; "
                            "order-%d chain with %d states converts %.4f\n\n",
                            r->paths, r->total_conversions, r->total_value, r->total_null,
                            r->order, r->states, r->conversion_probability);
                    fprintf(f, "  %-14s %8s %12s %12s %12s %12s %12s\n", "channel", "removal",
                            "markov", "markov value", "first touch", "last touch", "linear");
                } else if (fmt == 1) {
                    fprintf(f, "channel,removal_effect,markov_conversions,markov_value,"
                            "first_touch_conversions,first_touch_value,last_touch_conversions,"
                            "last_touch_value,linear_conversions,linear_value\n");
                } else {
                    fprintf(f, "| channel | removal effect | Markov conversions | Markov value "
                            "| first touch | last touch | linear |\n|---|---:|---:|---:|---:|---:|---:|\n");
                }
                for (int i = 0; i < r->channel_count; i++) {
                    const attr_channel *c = &r->channels[i];
                    if (fmt == 0)
                        fprintf(f, "  %-14s %7.2f%% %12.2f %12.2f %12.2f %12.2f %12.2f\n",
                                c->name, 100 * c->removal_effect, c->markov_conversions,
                                c->markov_value, c->first_conversions, c->last_conversions,
                                c->linear_conversions);
                    else if (fmt == 1)
                        fprintf(f, "%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", c->name,
                                c->removal_effect, c->markov_conversions, c->markov_value,
                                c->first_conversions, c->first_value, c->last_conversions,
                                c->last_value, c->linear_conversions, c->linear_value);
                    else
                        fprintf(f, "| %s | %.2f%% | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
                                c->name, 100 * c->removal_effect, c->markov_conversions,
                                c->markov_value, c->first_conversions, c->last_conversions,
                                c->linear_conversions);
                }
                fflush(f);
                len = (size_t)ftell(f);
                fclose(f);
            }
        } else {
            node *root = node_new(&a, NODE_MAP, NULL, 0, 0);
            node_map_put(&a, root, "paths", node_new_int(&a, r->paths));
            node_map_put(&a, root, "order", node_new_int(&a, r->order));
            node_map_put(&a, root, "total_conversions", num(&a, r->total_conversions));
            node_map_put(&a, root, "total_value", num(&a, r->total_value));
            node_map_put(&a, root, "total_null", num(&a, r->total_null));
            node_map_put(&a, root, "conversion_probability", num(&a, r->conversion_probability));
            node *list = node_new(&a, NODE_SEQ, NULL, 0, 0);
            for (int i = 0; i < r->channel_count; i++) {
                const attr_channel *c = &r->channels[i];
                node *cn = node_new(&a, NODE_MAP, NULL, 0, 0);
                node_map_put(&a, cn, "channel", node_new_str(&a, c->name, strlen(c->name)));
                node_map_put(&a, cn, "removal_effect", num(&a, c->removal_effect));
                node_map_put(&a, cn, "removal_effect_value", num(&a, c->removal_effect_value));
                node_map_put(&a, cn, "markov_conversions", num(&a, c->markov_conversions));
                node_map_put(&a, cn, "markov_value", num(&a, c->markov_value));
                node_map_put(&a, cn, "first_touch_conversions", num(&a, c->first_conversions));
                node_map_put(&a, cn, "first_touch_value", num(&a, c->first_value));
                node_map_put(&a, cn, "last_touch_conversions", num(&a, c->last_conversions));
                node_map_put(&a, cn, "last_touch_value", num(&a, c->last_value));
                node_map_put(&a, cn, "linear_conversions", num(&a, c->linear_conversions));
                node_map_put(&a, cn, "linear_value", num(&a, c->linear_value));
                node_append(list, cn);
            }
            node_map_put(&a, root, "channels", list);
            text = fmt == 4 ? emit_json(root, &len, &d) : yaml_emit(root, &len, &d);
        }
        if (text)
            fsout_write_file(out ? out : "-", text, len, &d);
        free(text);
    }
    return cli_finish(&d, &a, r != NULL);
}
