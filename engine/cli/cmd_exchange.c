/*
 * cmd_exchange.c — `cjm import` and `cjm export`: journeys from and to the
 * formats other tools keep them in (Mermaid journey diagrams, spreadsheet
 * sheets as CSV files or a workbook).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fsin.h"
#include "base/fsout.h"
#include "base/limit.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "doc/csv_rows.h"
#include "doc/mermaid.h"
#include "doc/yaml.h"
#include "model/emit.h"
#include "model/load.h"
#include "model/sheets.h"
#include "report/sheets_out.h"

/* ---- import ------------------------------------------------------------------ */

static const cli_option import_options[] = {
    { "output", 'o', 1, "FILE|DIR/", "write here (.yaml); default stdout" },
    { "index", 0, 1, "N", "of several diagrams in the file, only the Nth (from 1)" },
    { "force", 0, 0, "", "replace output files that exist" },
    { "help", 'h', 0, "", "show this help" },
    CLI_LIMIT_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_import(FILE *out)
{
    fputs("usage: cjm import mermaid FILE.mmd|FILE.md [-o journey.yaml] [--index N]\n"
          "       cjm import csv DIR/|FILE.csv... [-o journey.yaml]\n\n"
          "csv reads the sheets `cjm export csv` writes (journey.csv, phases.csv,\n"
          "cards.csv ... in a folder, or named one by one) back into a journey,\n"
          "so a team can edit a map in a spreadsheet.\n\n"
          "Read Mermaid journey diagrams and write each as a journey file:\n"
          "sections become phases, tasks steps (with their score, 1-5), actors\n"
          "personas taking part in the phases they have tasks in, and each\n"
          "actor's scores in a section its emotion there: the mean of score - 3.\n"
          "A Markdown file may hold several ```mermaid fences; other kinds of\n"
          "diagram are skipped.  Several journeys go to stdout as YAML\n"
          "documents, to -o DIR/ as ID.yaml each, or to -o NAME.yaml as\n"
          "NAME-1.yaml, NAME-2.yaml ...; --index N takes one.  Each journey is\n"
          "checked as `cjm check` would.\n\n"
          "options:\n", out);
    cli_print_options(import_options, out);
    fputs("\nexamples:\n"
          "  cjm import mermaid day.mmd -o day.yaml\n"
          "  cjm import mermaid notes.md --index 2 -o second.yaml\n"
          "  cjm export mermaid day.yaml -o day.mmd    (and back)\n", out);
}

/* Whether DOC builds into a valid journey (load_tree); problems into D. */
static int valid_journey(const node *doc, diag_list *d)
{
    arena a;
    arena_init(&a);
    int before = d->errors;
    int ok = load_tree(&a, doc, d) && d->errors == before;
    arena_free(&a);
    return ok;
}

/* Where the Kth (from 1) of COUNT journeys goes: OUT itself for one, in
 * folder OUT/ as ID.yaml, or OUT with -K before its extension. */
static const char *target_of(arena *a, const char *out, int k, int count, const node *doc)
{
    size_t n = strlen(out);
    if (n && out[n - 1] == '/') {
        const node *id = node_map_get(doc, "id");
        return arena_printf(a, "%s%s.yaml", out, id ? id->v.str.s : "journey");
    }
    if (count == 1)
        return out;
    const char *dot = strrchr(out, '.'), *slash = strrchr(out, '/');
    if (!dot || (slash && dot < slash))
        return arena_printf(a, "%s-%d", out, k);
    return arena_printf(a, "%.*s-%d%s", (int)(dot - out), out, k, dot);
}

/* Write the chosen journeys: to stdout as YAML documents, or to files. */
static int write_journeys(arena *a, node **docs, int first, int last, const char *out,
                          int force, const char *input, diag_list *d)
{
    int count = last - first + 1;
    for (int k = first; k <= last; k++) {
        size_t len;
        char *text = yaml_emit(docs[k], &len, d);
        if (!text)
            return -1;
        if (!out || !strcmp(out, "-")) {
            if (count > 1 && k > first)
                fputs("---\n", stdout);
            fwrite(text, 1, len, stdout);
        } else {
            const char *target = target_of(a, out, k - first + 1, count, docs[k]);
            const char *inputs[] = { input };
            if (cli_check_output("import", target, inputs, 1, force)) {
                free(text);
                return -1;
            }
            fsout_write_file(target, text, len, d);
            if (count > 1)
                fprintf(stderr, "cjm import: wrote %s\n", target);
        }
        free(text);
    }
    return 0;
}

/* The CSV file of sheet NAME among ARGS' files (a folder: NAME.csv in it). */
static const char *sheet_file(arena *a, const cli_args *args, const char *name)
{
    for (int k = 1; k < args->positional_count; k++) {
        const char *f = args->positional[k];
        struct stat st;
        if (stat(f, &st) == 0 && S_ISDIR(st.st_mode)) {
            const char *p = arena_printf(a, "%s%s%s.csv", f,
                                         f[strlen(f) - 1] == '/' ? "" : "/", name);
            if (access(p, F_OK) == 0)
                return p;
            continue;
        }
        const char *base = strrchr(f, '/');
        base = base ? base + 1 : f;
        if (!strncmp(base, name, strlen(name)) && !strcmp(base + strlen(name), ".csv"))
            return f;
    }
    return NULL;
}

/* import csv: the sheets `export csv` writes, back into a journey. */
static int import_csv(const cli_args *args)
{
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    int n;
    const char *const *names = sheet_names(&n);
    node **rows = arena_alloc(&a, sizeof *rows * (size_t)n);
    const char **files = arena_alloc(&a, sizeof *files * (size_t)n);
    for (int k = 0; k < n; k++) {
        files[k] = sheet_file(&a, args, names[k]);
        size_t len;
        char *text = files[k] ? fsin_read(files[k], limit_bytes(LIM_FILE), &len, &d) : NULL;
        if (text)
            rows[k] = csv_rows(&a, files[k], text, len, &d);
        free(text);
    }
    if (!files[3] && !d.errors)         /* phases */
        diag_add(&d, DIAG_ERROR, args->positional[1], 0, 0, NULL, "no phases.csv among the "
                 "files (export csv writes journey.csv, phases.csv, cards.csv ...)");
    node *doc = d.errors ? NULL : sheets_to_journey(&a, rows, files, &d);
    if (doc && valid_journey(doc, &d))
        write_journeys(&a, &doc, 0, 0, cli_value(import_options, args, "output"),
                       cli_value(import_options, args, "force") != NULL, args->positional[1],
                       &d);
    return cli_finish(&d, &a, doc != NULL);
}

int cmd_import(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_start("import", import_options, argc, argv, &args, help_import, 2, -1,
                       "a format (mermaid, csv) and its files", NULL);
    if (rc >= 0)
        return rc;
    if (!strcmp(args.positional[0], "csv"))
        return import_csv(&args);
    if (strcmp(args.positional[0], "mermaid") != 0 || args.positional_count != 2) {
        fprintf(stderr, "cjm import: %s\nTry 'cjm help import'.\n",
                strcmp(args.positional[0], "mermaid")
                    ? "the formats are mermaid and csv" : "mermaid: one file at a time");
        return EXIT_USAGE;
    }
    double index = 0;
    const char *ix = cli_value(import_options, &args, "index");
    if (ix && cli_number("import", "index", ix, 1, 1e6, &index))
        return EXIT_USAGE;
    const char *path = args.positional[1];
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    size_t len;
    char *text = fsin_read(path, limit_bytes(LIM_FILE), &len, &d);
    if (text)
        diag_add_source(&d, path, text, len < (1 << 20) ? len : (1 << 20));
    node **docs = NULL;
    int count = text ? mermaid_read(&a, path, text, len, &docs, &d) : -1;
    if (count > 0 && index > count) {
        diag_add(&d, DIAG_ERROR, path, 0, 0, NULL, "--index %d: the file has %d journey "
                 "diagram%s", (int)index, count, count == 1 ? "" : "s");
        count = -1;
    }
    int first = index > 0 ? (int)index - 1 : 0, last = index > 0 ? (int)index - 1 : count - 1;
    for (int k = first; count > 0 && k <= last; k++)
        if (!valid_journey(docs[k], &d))
            count = -1;
    if (count > 0)
        write_journeys(&a, docs, first, last, cli_value(import_options, &args, "output"),
                       cli_value(import_options, &args, "force") != NULL, path, &d);
    free(text);
    return cli_finish(&d, &a, count > 0);
}

/* ---- export ------------------------------------------------------------------ */

static const cli_option export_options[] = {
    { "output", 'o', 1, "FILE|DIR/", "write here: .mmd (default stdout), a folder for csv, .xlsx" },
    { "force", 0, 0, "", "replace the output file if it exists" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_export(FILE *out)
{
    fputs("usage: cjm export mermaid FILE [-o OUT.mmd]\n"
          "       cjm export csv FILE -o DIR/\n"
          "       cjm export xlsx FILE -o OUT.xlsx\n\n"
          "csv and xlsx write the map for spreadsheets: a sheet (a CSV file, or a\n"
          "worksheet) per lane family - journey, personas, touchpoints, phases,\n"
          "involvement, cards, pains, actions - that `cjm import csv` reads back.\n\n"
          "mermaid writes a Mermaid journey diagram: a section per phase, a\n"
          "task per step with its score and actors.  A journey read from\n"
          "Mermaid comes back as it was (every section, task, score and actor).\n"
          "In other journeys a step's actors are its personas, or else those\n"
          "taking part in the phase, and its score is their mean emotion there\n"
          "+ 3 (rounded into 1..5).  Names are written on one line (<br> for a\n"
          "line break); ':', '#' and ';', which Mermaid's journey syntax takes\n"
          "for itself, become look-alikes, with a warning.\n\n"
          "options:\n", out);
    cli_print_options(export_options, out);
    fputs("\nexamples:\n"
          "  cjm export mermaid scripts/acme_b2b.yaml -o acme.mmd\n"
          "  cjm export mermaid day.yaml | cat >> README.md\n"
          "  cjm export xlsx scripts/acme_b2b.yaml -o acme.xlsx\n"
          "  cjm export csv scripts/acme_b2b.yaml -o acme/ && cjm import csv acme/ -o again.yaml\n",
          out);
}

/* export csv (a file per sheet in the folder OUT, made when missing) or
 * xlsx (a workbook). */
static int export_sheets(const cli_args *args, const load_options *lo, int format,
                         const char *out)
{
    if (format == FMT_CSV && mkdir(out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "cjm export: cannot make the folder %s: %s\n", out, strerror(errno));
        return EXIT_INPUT;
    }
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    /* each CSV file, like any output, is replaced only with --force */
    int count;
    const char *const *names = sheet_names(&count);
    const char *inputs[] = { args->positional[1] };
    int force = cli_value(export_options, args, "force") != NULL;
    for (int k = 0; format == FMT_CSV && k < count; k++) {
        const char *f = arena_printf(&a, "%s%s%s.csv", out,
                                     out[strlen(out) - 1] == '/' ? "" : "/", names[k]);
        int rc = cli_check_output("export", f, inputs, 1, force);
        if (rc) {
            diag_free(&d);
            arena_free(&a);
            return rc;
        }
    }
    cjm_journey *j = load_journey(&a, args->positional[1], lo, &d);
    if (j) {
        int n;
        sheet_names(&n);
        table *t = arena_alloc(&a, sizeof *t * (size_t)n);
        n = sheets_from_journey(&a, j, t);
        if (format == FMT_CSV)
            sheets_write_csv(t, n, out, &d);
        else
            sheets_write_xlsx(t, n, out, &d);
    }
    return cli_finish(&d, &a, j != NULL);
}

int cmd_export(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    int rc = cli_start("export", export_options, argc, argv, &args, help_export, 2, 2,
                       "a format (mermaid, csv, xlsx) and one journey file", &lo);
    if (rc >= 0)
        return rc;
    int format = format_from_name(args.positional[0]);
    if (format != FMT_MERMAID && format != FMT_CSV && format != FMT_XLSX) {
        fprintf(stderr, "cjm export: cannot export \"%s\" (known: mermaid, csv, xlsx)\n"
                "Try 'cjm help export'.\n", args.positional[0]);
        return EXIT_USAGE;
    }
    const char *out = cli_value(export_options, &args, "output");
    if (format != FMT_MERMAID && !out) {
        fprintf(stderr, "cjm export: %s needs -o %s\n", args.positional[0],
                format == FMT_CSV ? "DIR/ (a CSV file per sheet)" : "FILE.xlsx");
        return EXIT_USAGE;
    }
    const char *inputs[] = { args.positional[1] };
    if (format != FMT_CSV && (rc = cli_check_output("export", out, inputs, 1,
                                                    cli_value(export_options, &args, "force") != NULL)))
        return rc;
    if (format == FMT_MERMAID)
        return cli_emit_journey(args.positional[1], &lo, FMT_MERMAID, out);
    return export_sheets(&args, &lo, format, out);
}
