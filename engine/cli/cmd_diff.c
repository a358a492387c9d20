/*
 * cmd_diff.c — `cjm diff`: what changed between two journeys, or between
 * a journey and its version at a git revision; also git's external diff
 * driver.  The comparison is model/diff.c, the document report/diff_doc.c,
 * the picture report/diff_picture.c.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/fsin.h"
#include "base/limit.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "model/load.h"
#include "report/diff_doc.h"
#include "render/layout.h"
#include "report/diff_picture.h"

static const cli_option diff_options[] = {
    { "output", 'o', 1, "FILE", "write here: .md, .json, .yaml, .csv, or a picture (.svg, .png, .pdf)" },
    { "format", 'f', 1, "FORMAT", "table, md, json, yaml, csv, svg, png or pdf (default: from -o, else table)" },
    { "git", 0, 1, "REV", "compare FILE with its version at git revision REV" },
    { "theme", 0, 1, "THEME", "the picture's theme: light (default), dark or print" },
    { "dpi", 0, 1, "N", "the picture's resolution as PNG (default 150)" },
    { "view", 'v', 1, "VIEW", "the picture: map (default), or blueprint for the blueprint's cards" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

void help_diff(FILE *out)
{
    fputs("usage: cjm diff OLD NEW [-o diff.md|json|svg|png|pdf]\n"
          "       cjm diff --git REV FILE [-o ...]\n\n"
          "What changed from one journey to another (as-is and to-be, or two\n"
          "versions of one): personas, touchpoints, phases, the cards of every\n"
          "lane and of the blueprint, and actions, each added, removed, moved\n"
          "to another phase, changed (with its fields before and after) or\n"
          "renamed (a new id on the same content).  Then the emotion scores\n"
          "that moved, and, when both journeys can be simulated, the exact\n"
          "engine's conversion, time to convert and net value before and after.\n"
          "A picture (.svg, .png, .pdf) draws the new map with the changes\n"
          "marked and both emotion curves (--view blueprint: the blueprint with\n"
          "its cards' changes).\n\n"
          "As git's diff driver, for `git diff` on journeys:\n"
          "  git config diff.cjm.command 'cjm diff'\n"
          "  echo '*.journey.yaml diff=cjm' >> .gitattributes\n\n"
          "options:\n", out);
    cli_print_options(diff_options, out);
    fputs("\nexamples:\n"
          "  cjm diff as-is.yaml to-be.yaml\n"
          "  cjm diff --git HEAD~1 scripts/acme_b2b.yaml -o changes.md\n"
          "  cjm diff as-is.yaml to-be.yaml -o diff.png\n", out);
}

/* ---- a file at a git revision ------------------------------------------------------ */

/* The text of PATH at revision REV (`git show REV:./NAME` in PATH's
 * folder), written beside PATH under a hidden name so that what it reads
 * by relative names resolves as for PATH; that name (malloc'd), or NULL
 * after a message. */
static char *git_version(const char *rev, const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[4096], name[1024];
    cli_folder_of(path, dir, sizeof dir);
    snprintf(name, sizeof name, "%s", slash ? slash + 1 : path);
    const char *dot = strrchr(name, '.');
    char *tmp = malloc(strlen(dir) + strlen(name) + 64);
    if (!tmp)
        return NULL;
    sprintf(tmp, "%s/.%s.cjm-diff-XXXXXX%s", dir, name, dot ? dot : "");
    int fd = mkstemps(tmp, dot ? (int)strlen(dot) : 0);
    if (fd < 0) {
        fprintf(stderr, "cjm diff: cannot write a scratch file in %s: %s\n", dir, strerror(errno));
        free(tmp);
        return NULL;
    }
    char spec[2048];
    snprintf(spec, sizeof spec, "%s:./%s", rev, name);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd, 1);
        execlp("git", "git", "-C", dir, "show", spec, (char *)NULL);
        fprintf(stderr, "cjm diff: cannot run git: %s\n", strerror(errno));
        _exit(127);
    }
    close(fd);
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)
        || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "cjm diff: git has no %s at %s (git show %s in %s)\n", name, rev,
                spec, dir);
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    return tmp;
}

/* ---- the comparison ------------------------------------------------------------------ */

typedef struct diff_job {
    const char *old_path, *new_path;    /* the files read */
    const char *old_name, *new_name;    /* what the report calls them */
    const char *out;
    int format;
    const theme *theme;
    double dpi;
    int blueprint;
} diff_job;

static int run_diff(const diff_job *job, const load_options *lo)
{
    arena a;
    arena_init(&a);
    diag_list d;
    diag_init(&d);
    cjm_journey *old = load_journey(&a, job->old_path, lo, &d);
    cjm_journey *new_j = old ? load_journey(&a, job->new_path, lo, &d) : NULL;
    if (new_j) {
        journey_diff df;
        journey_diff_make(&a, old, new_j, &df);
        if (job->format == FMT_SVG || job->format == FMT_PNG || job->format == FMT_PDF) {
            diff_picture(&a, old, new_j, &df, job->old_name, job->blueprint, job->theme,
                         (out_format)job->format, job->dpi, job->out, &d);
            text_end();
        } else {
            diff_sim s;
            diff_sim_make(&a, old, new_j, job->old_name, job->new_name, &s);
            report_doc rd;
            diff_doc(&rd, &a, new_j, &df, &s, job->old_name, job->new_name);
            report_write(&rd, (out_format)job->format, job->out, 0, &d);
        }
    }
    return cli_finish(&d, &a, new_j != NULL);
}

/* Git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX
 * NEW-MODE (git gives the old version as a scratch file).  A journey added
 * or deleted is said in one line.  Git stops at a driver that fails, so
 * this one does not: problems are printed and git goes on to the next
 * file. */
static int git_driver(const cli_args *args, const load_options *lo, const theme *t)
{
    const char *path = args->positional[0];
    const char *old = args->positional[1], *new_f = args->positional[4];
    if (strcmp(old, "/dev/null") == 0 || strcmp(new_f, "/dev/null") == 0) {
        printf("cjm diff %s: %s\n", path, strcmp(old, "/dev/null") == 0 ? "a new journey"
                                                                        : "journey deleted");
        return EXIT_OK;
    }
    char a_name[4096], b_name[4096];
    snprintf(a_name, sizeof a_name, "a/%s", path);
    snprintf(b_name, sizeof b_name, "b/%s", path);
    printf("cjm diff %s %s\n", a_name, b_name);
    fflush(stdout);
    diff_job job = { old, new_f, a_name, b_name, NULL, FMT_TABLE, t, 150, 0 };
    run_diff(&job, lo);
    return EXIT_OK;
}

/* The output of ARGS into JOB: format, file and picture resolution; 0,
 * or EXIT_USAGE after a message. */
static int output_options(const cli_args *args, diff_job *job)
{
    unsigned mask = FMTBIT(FMT_TABLE) | FMTBIT(FMT_MD) | FMTBIT(FMT_JSON) | FMTBIT(FMT_YAML)
                  | FMTBIT(FMT_CSV) | FMTBIT(FMT_SVG) | FMTBIT(FMT_PNG) | FMTBIT(FMT_PDF);
    job->format = cli_output_format("diff", diff_options, args, mask);
    if (job->format < 0)
        return EXIT_USAGE;
    job->out = cli_value(diff_options, args, "output");
    int picture = job->format == FMT_SVG || job->format == FMT_PNG || job->format == FMT_PDF;
    if (picture && !job->out) {
        fprintf(stderr, "cjm diff: a picture needs -o FILE\n");
        return EXIT_USAGE;
    }
    const char *view = cli_value(diff_options, args, "view");
    if (view && strcmp(view, "map") && strcmp(view, "blueprint")) {
        fprintf(stderr, "cjm diff: --view %s: map or blueprint\n", view);
        return EXIT_USAGE;
    }
    job->blueprint = view && !strcmp(view, "blueprint");
    const char *s = cli_value(diff_options, args, "dpi");
    job->dpi = 150;
    return s && cli_number("diff", "dpi", s, 10, 1200, &job->dpi) < 0 ? EXIT_USAGE : 0;
}

int cmd_diff(int argc, char **argv)
{
    static cli_args args;
    load_options lo;
    int rc = cli_start("diff", diff_options, argc, argv, &args, help_diff, 1, 7,
                       "OLD NEW, --git REV FILE, or git's seven arguments", &lo);
    if (rc >= 0)
        return rc;
    const char *s = cli_value(diff_options, &args, "theme");
    diff_job job = { .theme = theme_get(s ? s : "light") };
    if (!job.theme) {
        fprintf(stderr, "cjm diff: unknown theme \"%s\" (light, dark or print)\n", s);
        return EXIT_USAGE;
    }
    if (args.positional_count == 7)
        return git_driver(&args, &lo, job.theme);
    const char *rev = cli_value(diff_options, &args, "git");
    if (args.positional_count != (rev ? 1 : 2)) {
        fprintf(stderr, "cjm diff: give OLD NEW, or --git REV FILE\nTry 'cjm help diff'.\n");
        return EXIT_USAGE;
    }
    if ((rc = output_options(&args, &job)))
        return rc;
    const char *file = args.positional[rev ? 0 : 1];
    char *scratch = rev ? git_version(rev, file) : NULL;
    if (rev && !scratch)
        return EXIT_INPUT;
    char old_name[4096];
    snprintf(old_name, sizeof old_name, "%s@%s", file, rev ? rev : "");
    job.old_path = rev ? scratch : args.positional[0];
    job.old_name = rev ? old_name : args.positional[0];
    job.new_path = job.new_name = file;
    rc = run_diff(&job, &lo);
    if (scratch) {
        unlink(scratch);
        free(scratch);
    }
    return rc;
}
