/*
 * cmd_journey.c — `cjm check` and `cjm build`: load, validate, write out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/commands.h"
#include "model/emit.h"
#include "base/fsout.h"
#include "model/load.h"

static const cli_option check_options[] = {
    { "quiet", 'q', 0, "", "print nothing when the journey is valid" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_check(FILE *out)
{
    fputs("usage: cjm check FILE... [options]\n\n"
          "Load each journey (YAML, a Lua script, or a template reference),\n"
          "validate it, and report every problem with file, line, column and\n"
          "model path.  Prints a one-line summary per valid file.\n\n"
          "options:\n", out);
    cli_print_options(check_options, out);
    fputs("\nexit status: 0 valid, 1 problems found, 2 usage, 3 a limit was "
          "hit\n", out);
}

/* "4 personas, 7 phases, ..." for the check summary. */
static void print_counts(const cjm_journey *j)
{
    int pains = 0;
    for (int k = 0; k < j->phase_count; k++)
        pains += j->phases[k].pains.count;
    printf("%d persona%s, %d phase%s, %d touchpoint%s, %d pain%s, %d action%s, %d scenario%s",
           j->persona_count, j->persona_count == 1 ? "" : "s",
           j->phase_count, j->phase_count == 1 ? "" : "s",
           j->touchpoint_count, j->touchpoint_count == 1 ? "" : "s",
           pains, pains == 1 ? "" : "s", j->action_count, j->action_count == 1 ? "" : "s",
           j->scenario_count, j->scenario_count == 1 ? "" : "s");
}

int cmd_check(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    int rc = cli_start("check", check_options, argc, argv, &args, help_check, 1, -1,
                       "one or more journey files", &lo);
    if (rc >= 0)
        return rc;
    int quiet = cli_value(check_options, &args, "quiet") != NULL;
    int status = 0;
    for (int i = 0; i < args.positional_count; i++) {
        const char *path = args.positional[i];
        arena a;
        diag_list d;
        arena_init(&a);
        diag_init(&d);
        cjm_journey *j = load_journey(&a, path, &lo, &d);
        diag_print(&d, stderr);
        if (j && !quiet) {
            printf("%s: ok: ", path);
            print_counts(j);
            if (j->mapped) {
                printf("; maps \"%s\": ", j->mapped->title);
                print_counts(j->mapped);
            }
            putchar('\n');
        }
        int code = j ? diag_exit_code(&d) : (diag_exit_code(&d) ? diag_exit_code(&d)
                                                                : EXIT_INPUT);
        if (code > status)
            status = code;
        diag_free(&d);
        arena_free(&a);
    }
    return status;
}

static const cli_option build_options[] = {
    { "output", 'o', 1, "FILE", "write here (.yaml or .json); default stdout" },
    { "format", 'f', 1, "FORMAT", "yaml or json (default: from -o, else yaml)" },
    { "force", 0, 0, "", "replace the output file if it exists" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_build(FILE *out)
{
    fputs("usage: cjm build FILE [-o OUT.yaml|OUT.json] [--param KEY=VALUE]...\n\n"
          "Load a journey, run its template or script, validate it and write\n"
          "the normalized model: defaults filled in, generated ids written\n"
          "out, keys in a fixed order.  Building the output again gives the\n"
          "same bytes.  The output file is replaced only when everything\n"
          "succeeded.\n\n"
          "options:\n", out);
    cli_print_options(build_options, out);
    fputs("\nexamples:\n"
          "  cjm build scripts/acme_b2b.yaml\n"
          "  cjm build scripts/journey.lua -o journey.json\n"
          "  cjm build my.yaml --param employees=5000 --seed 7 -o big.yaml\n",
          out);
}

int cmd_build(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    int rc = cli_start("build", build_options, argc, argv, &args, help_build, 1, 1,
                       "one journey file", &lo);
    if (rc >= 0)
        return rc;
    const char *out = cli_value(build_options, &args, "output");
    int format = cli_output_format("build", build_options, &args,
                                   FMTBIT(FMT_YAML) | FMTBIT(FMT_JSON));
    if (format < 0)
        return EXIT_USAGE;
    if ((rc = cli_check_output("build", out, args.positional, 1,
                               cli_value(build_options, &args, "force") != NULL)))
        return rc;

    return cli_emit_journey(args.positional[0], &lo, (out_format)format, out);
}

int cli_emit_journey(const char *path, const load_options *lo, out_format format,
                     const char *out)
{
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    cjm_journey *j = load_journey(&a, path, lo, &d);
    if (j) {
        size_t len;
        char *text = emit_journey(j, format, &len, &d);
        if (text)
            fsout_write_file(out ? out : "-", text, len, &d);
        free(text);
    }
    return cli_finish(&d, &a, j != NULL);
}
