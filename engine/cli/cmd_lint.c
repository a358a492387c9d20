/*
 * cmd_lint.c — `cjm lint`: the rules of sim/lint_rules.c on each journey,
 * with the project's settings (a .cjmlint.yaml found upward from the
 * file, or --rules), written for people, editors, tools or code-scanning
 * services (report/lint_out.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsout.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "model/load.h"
#include "report/lint_out.h"

static const cli_option lint_options[] = {
    { "format", 'f', 1, "FORMAT", "text (default), gcc, json or sarif" },
    { "output", 'o', 1, "FILE", "write the findings here (default: stdout)" },
    { "rules", 0, 1, "FILE", "the project's settings (default: the .cjmlint.yaml nearest above each file)" },
    { "require-evidence", 0, 1, "LEVEL", "claims below LEVEL (assumption, workshop, qualitative, quantitative) are errors" },
    { "list-rules", 0, 0, "", "list the rules, their severities, settings and examples" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_lint(FILE *out)
{
    fputs("usage: cjm lint FILE... [--format text|gcc|json|sarif] [--rules FILE] [options]\n\n"
          "Check what a valid journey means: pains with no answer, personas and\n"
          "touchpoints used nowhere, emotion swings with no reason, frontstage\n"
          "steps with nothing behind them, parameters that change nothing,\n"
          "loops a journey can never leave, claims below the evidence the\n"
          "project asks for.  Each finding names its rule; a .cjmlint.yaml (or\n"
          "--rules) changes severities and settings:\n\n"
          "  rules:\n"
          "    channel-unused: off\n"
          "    emotion-jump: { severity: error, step: 3 }\n"
          "  require-evidence: qualitative\n\n"
          "and `suppress: [\"rule-id: why\"]` on a card, touchpoint, phase or\n"
          "persona switches a rule off there.  Exit status 1 when an error\n"
          "remains, 0 otherwise.\n\n"
          "options:\n", out);
    cli_print_options(lint_options, out);
    fputs("\nexamples:\n"
          "  cjm lint scripts/*.yaml\n"
          "  cjm lint journey.yaml --format sarif -o cjm.sarif\n"
          "  cjm lint journey.yaml --require-evidence qualitative\n"
          "  cjm lint --list-rules\n", out);
}

/* The settings for journey FILE: --rules, the nearest .cjmlint.yaml or
 * the defaults, with --require-evidence over them.  NULL after errors. */
static const lint_config *config_for(arena *a, const char *file, const char *rules,
                                     int evidence, diag_list *d)
{
    lint_config *c = arena_alloc(a, sizeof *c);
    lint_config_init(c, a);
    const char *path = rules ? rules : lint_config_find(a, file);
    if (path && lint_config_read(c, a, path, d) < 0)
        return NULL;
    if (evidence > 0)
        lint_require_evidence(c, (cjm_evidence_level)evidence);
    return c;
}

static int option_values(const cli_args *args, out_format *format, int *evidence)
{
    const char *s = cli_value(lint_options, args, "format");
    int f = s ? format_from_name(s) : FMT_TABLE;
    if (f != FMT_TABLE && f != FMT_GCC && f != FMT_JSON && f != FMT_SARIF) {
        fprintf(stderr, "cjm lint: --format %s: one of text, gcc, json or sarif\n", s);
        return EXIT_USAGE;
    }
    *format = (out_format)f;
    *evidence = 0;
    if ((s = cli_value(lint_options, args, "require-evidence"))) {
        const char *const *names = model_evidence_names();
        for (int e = 1; names[e]; e++)
            if (strcmp(names[e], s) == 0)
                *evidence = e;
        if (!*evidence) {
            fprintf(stderr, "cjm lint: --require-evidence %s: one of assumption, workshop, "
                    "qualitative or quantitative\n", s);
            return EXIT_USAGE;
        }
    }
    return 0;
}

int cmd_lint(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    if (argc >= 1 && strcmp(argv[0], "--list-rules") == 0) {
        sbuf out = { 0 };
        lint_write_rules(&out);
        fwrite(out.data, 1, out.len, stdout);
        sbuf_free(&out);
        return EXIT_OK;
    }
    int rc = cli_start("lint", lint_options, argc, argv, &args, help_lint, 1, -1,
                       "one or more journey files", &lo);
    if (rc >= 0)
        return rc;
    out_format format;
    int evidence;
    if ((rc = option_values(&args, &format, &evidence)))
        return rc;
    arena a;
    arena_init(&a);
    diag_list d;
    diag_init(&d);
    lint_file *files = arena_alloc(&a, sizeof *files * (size_t)args.positional_count);
    int n = 0, failed = 0;
    for (int i = 0; i < args.positional_count; i++) {
        const char *path = args.positional[i];
        const lint_config *cfg = config_for(&a, path, cli_value(lint_options, &args, "rules"),
                                            evidence, &d);
        cjm_journey *j = cfg ? load_journey(&a, path, &lo, &d) : NULL;
        if (!j) {
            failed = 1;
            continue;
        }
        files[n] = (lint_file){ path, cfg, { 0 } };
        lint_journey(&a, j, path, cfg, &files[n].result);
        failed |= files[n].result.errors > 0;
        n++;
    }
    diag_print(&d, stderr);
    sbuf out = { 0 };
    lint_write(&out, format, files, n);
    const char *to = cli_value(lint_options, &args, "output");
    diag_list w;
    diag_init(&w);
    /* the findings are the result, errors among them or not: a CI step
     * uploads the SARIF of a failing lint too */
    if (fsout_write_file(to ? to : "-", out.data ? out.data : "", out.len, &w) == 0 && to)
        fsout_commit_all(&w);
    diag_print(&w, stderr);
    int status = w.errors ? EXIT_INPUT : failed || d.errors ? EXIT_INPUT : EXIT_OK;
    if (diag_exit_code(&d) > status)
        status = diag_exit_code(&d);
    for (int i = 0; i < n; i++)
        free(files[i].result.items);
    sbuf_free(&out);
    diag_free(&w);
    diag_free(&d);
    arena_free(&a);
    return status;
}
