/*
 * cmd_render.c — `cjm render`: journeys to SVG, PNG and PDF.
 *
 * Loads each journey, lays out the requested view into pages of boxes
 * (render/layout*.c), then draws them (render/draw.c) to the output
 * format (render/surface.c).  Several journeys render in one process,
 * sharing fonts, into a folder.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/options.h"
#include "cli/commands.h"
#include "base/fsout.h"
#include "base/progress.h"
#include "model/load.h"
#include "base/watchdog.h"
#include "render/layout.h"
#include "render/surface.h"
#include "report/sim_pages.h"
#include "sim/plan.h"
#include "report/plan_doc.h"
#include "report/html_view.h"

static const cli_option render_options[] = {
    { "output", 'o', 1, "FILE|DIR/", "output file (.svg, .png, .pdf, or .html: one interactive page of every view), or a folder for several journeys" },
    { "view", 'v', 1, "VIEW", "map (default), personas, blueprint or report (PDF)" },
    { "persona", 0, 1, "ID|all", "map: only this persona; report: all = a map page per persona" },
    { "theme", 0, 1, "THEME", "light (default), dark or print" },
    { "size", 0, 1, "SIZE", "page size: A3, A4, A5, letter or WxH in mm (default: grow to fit; report: A4)" },
    { "dpi", 0, 1, "N", "PNG resolution (default 150)" },
    { "format", 'f', 1, "FORMAT", "svg, png, pdf or html (default: from -o, else svg)" },
    { "boxes", 0, 1, "FILE", "also write the laid-out boxes as JSON (for tests and tools)" },
    { "plan", 0, 0, "", "blueprint and report: overlay the actions' planned changes" },
    { "editable-text", 0, 0, "", "keep text editable in design tools: SVG <text> elements, PDF with the fonts embedded (default: glyph outlines, the same everywhere)" },
    { "embed-fonts", 0, 0, "", "the same as --editable-text (its older name)" },
    { "help", 'h', 0, "", "show this help" },
    CLI_COMMON_OPTIONS,
    { NULL, 0, 0, NULL, NULL }
};

const cli_option *render_option_table(void)
{
    return render_options;
}

void help_render(FILE *out)
{
    fputs("usage: cjm render FILE... -o OUT.svg|OUT.png|OUT.pdf|OUT.html|DIR/ [options]\n\n"
          "Draw a journey: the journey map (phases as columns; stakeholders,\n"
          "steps, touchpoints, thoughts, the emotion curve, pains and\n"
          "opportunities as lanes), persona cards, the service blueprint, or a\n"
          "multi-page PDF report with all of them.  Text is laid out with Pango\n"
          "and wraps inside its cell; rows grow to fit.  The same input gives\n"
          "the same bytes.\n\n"
          "An .html output is one self-contained page for people who will not\n"
          "run cjm: every view, a persona switcher, the simulation charts and the\n"
          "plan, with each card's details on hover or keyboard focus.  It\n"
          "fetches nothing from the network.\n\n"
          "options:\n", out);
    cli_print_options(render_options, out);
    fputs("\nexamples:\n"
          "  cjm render scripts/acme_b2b.yaml -o map.png\n"
          "  cjm render scripts/acme_b2b.yaml --view personas -o personas.pdf\n"
          "  cjm render scripts/acme_b2b.yaml -o acme.html\n"
          "  cjm render scripts/acme_b2b.yaml --view report --persona all -o report.pdf\n"
          "  cjm render scripts/*.yaml -o out/ --format svg --theme dark\n", out);
}

/* Page size in points from "A4", "A3", "letter" or "WxH" (mm), landscape. */
static int parse_size(const char *s, double *w, double *h)
{
    static const struct { const char *name; double w, h; } sizes[] = {
        { "A3", 420, 297 }, { "A4", 297, 210 }, { "A5", 210, 148 },
        { "letter", 279.4, 215.9 }, { "A2", 594, 420 }, { "A1", 841, 594 },
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        if (strcasecmp(s, sizes[i].name) == 0) {
            *w = sizes[i].w / 25.4 * 72;
            *h = sizes[i].h / 25.4 * 72;
            return 0;
        }
    double mw, mh;
    char tail;
    if (sscanf(s, "%lfx%lf%c", &mw, &mh, &tail) == 2 && mw >= 50 && mh >= 50
        && mw <= 5000 && mh <= 5000) {
        *w = mw / 25.4 * 72;
        *h = mh / 25.4 * 72;
        return 0;
    }
    return -1;
}

typedef struct render_job {
    const char *view;
    const char *persona;
    const theme *theme;
    double page_w, page_h, dpi;
    const char *boxes;
    int show_plan;
    int embed_fonts;
} render_job;

/* Lay out J for JOB; a new document (caller frees) or NULL after errors. */
static rdoc *lay_out(const cjm_journey *j, const render_job *job, const char *path,
                     diag_list *d)
{
    if (job->persona && strcmp(job->persona, "all") != 0
        && model_find_persona(j, job->persona) < 0) {
        arena a;
        arena_init(&a);
        const char **names = arena_alloc(&a, sizeof *names * (size_t)(j->persona_count + 1));
        for (int i = 0; i < j->persona_count; i++)
            names[i] = j->personas[i].id;
        names[j->persona_count] = "all";
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "--persona: no persona \"%s\" in this "
                 "journey; %s", job->persona,
                 diag_choices(&a, job->persona, names, j->persona_count + 1));
        arena_free(&a);
        return NULL;
    }
    text_begin(job->theme, j->locale);
    layout_options lo = { .theme = job->theme, .page_w = job->page_w,
                          .page_h = job->page_h, .show_plan = job->show_plan };
    char base[4096];
    lo.base_dir = cli_folder_of(path, base, sizeof base);
    int all = job->persona && strcmp(job->persona, "all") == 0;
    lo.persona = all ? NULL : job->persona;
    rdoc *doc = rdoc_new();
    doc->lang = j->locale;
    if (strcmp(job->view, "personas") == 0) {
        layout_personas(doc, j, &lo, d);
    } else if (strcmp(job->view, "blueprint") == 0) {
        layout_blueprint(doc, j, &lo, d);
    } else if (strcmp(job->view, "report") == 0) {
        layout_cover(doc, j, &lo, d);
        layout_personas(doc, j, &lo, d);
        if (all) {
            for (int i = 0; i < j->persona_count; i++) {
                lo.persona = j->personas[i].id;
                layout_map(doc, j, &lo, d);
            }
            lo.persona = NULL;
        } else {
            layout_map(doc, j, &lo, d);
        }
        layout_blueprint(doc, j, &lo, d);
        sim_report_page(doc, j, &lo, path, d);   /* when the journey can be simulated */
        plan_pages(doc, j, &lo);   /* when it has actions */
    } else if (all) {
        for (int i = 0; i < j->persona_count; i++) {
            lo.persona = j->personas[i].id;
            layout_map(doc, j, &lo, d);
        }
    } else {
        layout_map(doc, j, &lo, d);
    }
    if (doc->unknown_glyphs)
        diag_add(d, DIAG_WARNING, path, 0, 0, NULL, "%d character%s cannot be shown "
                 "by any installed font (first in \"%.60s\"); install a font that "
                 "covers them (fonts-noto-cjk covers Chinese, Japanese and Korean)",
                 doc->unknown_glyphs, doc->unknown_glyphs == 1 ? "" : "s",
                 doc->unknown_sample);
    return doc;
}

/* Render one journey file to OUT. */
static void render_one(const char *path, const char *out, out_format format,
                       const render_job *job, const load_options *lo, diag_list *d)
{
    arena a;
    arena_init(&a);
    cjm_journey *j = load_journey(&a, path, lo, d);
    if (j && format == FMT_HTML) {
        watchdog_stage("drawing");
        char base[4096];
        html_options ho = { job->theme, cli_folder_of(path, base, sizeof base), NULL };
        sbuf page = { 0 };
        if (html_view(&page, j, &ho, path, d) < 0)
            diag_add(d, DIAG_ERROR, out, 0, 0, NULL, "out of memory writing the page");
        else if (!d->errors)
            fsout_write_file(out, page.data, page.len, d);
        sbuf_free(&page);
    } else if (j) {
        watchdog_stage("drawing");
        rdoc *doc = lay_out(j, job, path, d);
        if (doc && job->boxes) {
            size_t len;
            char *json = rdoc_to_json(doc, &len);
            fsout_write_file(job->boxes, json, len, d);
            free(json);
        }
        if (doc && !d->errors)
            surface_write(doc, job->theme, format, job->dpi, j->title, out,
                          job->embed_fonts, d);
        rdoc_free(doc);
    }
    arena_free(&a);
}

/* The name a journey file PATH gets in an output folder: its file name
 * without folder and extension, at *NAME; returns its length. */
static int target_name(const char *path, const char **name)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    *name = base;
    return dot && dot != base ? (int)(dot - base) : (int)strlen(base);
}

static int is_dir_target(const char *out)
{
    size_t n = strlen(out);
    struct stat st;
    return (n && out[n - 1] == '/') || (stat(out, &st) == 0 && S_ISDIR(st.st_mode));
}

/* The views --view names. */
static const char *const VIEWS[] = { "map", "personas", "blueprint", "report", NULL };

/* Read the drawing options of ARGS into JOB; 0, or the exit status of a
 * usage error. */
static int render_job_read(const cli_args *args, render_job *job)
{
    const cli_option *opt = render_options;
    const char *s;
    *job = (render_job){ .view = "map", .dpi = 150 };
    if ((s = cli_value(opt, args, "view")))
        job->view = s;
    int known = 0;
    for (int i = 0; VIEWS[i]; i++)
        known |= strcmp(job->view, VIEWS[i]) == 0;
    if (!known) {
        fprintf(stderr, "cjm render: unknown view \"%s\" (map, personas, blueprint "
                "or report)\n", job->view);
        return EXIT_USAGE;
    }
    job->theme = theme_get((s = cli_value(opt, args, "theme")) ? s : "light");
    if (!job->theme) {
        fprintf(stderr, "cjm render: unknown theme \"%s\" (light, dark or print)\n", s);
        return EXIT_USAGE;
    }
    if ((s = cli_value(opt, args, "size")) && parse_size(s, &job->page_w, &job->page_h) < 0) {
        fprintf(stderr, "cjm render: unknown size \"%s\" (A3, A4, A5, letter, or "
                "WxH in millimetres such as 400x300)\n", s);
        return EXIT_USAGE;
    }
    if (!s && strcmp(job->view, "report") == 0)
        parse_size("A4", &job->page_w, &job->page_h);
    if ((s = cli_value(opt, args, "dpi"))
        && cli_number("render", "dpi", s, 10, 1200, &job->dpi) < 0)
        return EXIT_USAGE;
    job->persona = cli_value(opt, args, "persona");
    job->boxes = cli_value(opt, args, "boxes");
    job->show_plan = cli_value(opt, args, "plan") != NULL;
    job->embed_fonts = cli_value(opt, args, "editable-text") || cli_value(opt, args, "embed-fonts");
    return 0;
}

/* In a folder each journey is named after its file: two files of the
 * same name (from different folders) would overwrite each other. */
static int names_clash(const cli_args *args, const char *out, out_format format)
{
    for (int i = 0; i < args->positional_count; i++)
        for (int k = 0; k < i; k++) {
            const char *a, *b;
            int na = target_name(args->positional[i], &a);
            int nb = target_name(args->positional[k], &b);
            if (na == nb && memcmp(a, b, (size_t)na) == 0) {
                fprintf(stderr, "cjm render: %s and %s would both be written to %s%s%.*s.%s; "
                        "render them into different folders\n", args->positional[k],
                        args->positional[i], out, out[strlen(out) - 1] == '/' ? "" : "/", na,
                        a, format_name(format));
                return 1;
            }
        }
    return 0;
}

/* Whether ARGS give an option that does not apply to the HTML page. */
static int html_unfit(const cli_args *args)
{
    static const char *const unfit[] = { "view", "persona", "size", "boxes" };
    for (size_t i = 0; i < sizeof unfit / sizeof unfit[0]; i++)
        if (cli_value(render_options, args, unfit[i]))
            return 1;
    return 0;
}

/* The output format and whether OUT is a folder, checked against the
 * journeys given; -1 after a usage message. */
static int render_format(const cli_args *args, const render_job *job, const char *out,
                         int *dir)
{
    *dir = is_dir_target(out);
    unsigned pictures = FMTBIT(FMT_SVG) | FMTBIT(FMT_PNG) | FMTBIT(FMT_PDF) | FMTBIT(FMT_HTML);
    const char *forced = cli_value(render_options, args, "format");
    int report = strcmp(job->view, "report") == 0;
    int format = *dir && !forced ? (report ? FMT_PDF : FMT_SVG)
                                 : format_choose("render", out, forced, pictures);
    if (format < 0)
        return -1;
    const char *why = format == FMT_HTML && html_unfit(args)
        ? "the HTML page holds every view, each persona's map and the charts, "
          "drawn to fit; leave out --view, --persona, --size and --boxes"
        : report && format != FMT_PDF
        ? "the report view is a multi-page PDF; write it to a .pdf file"
        : args->positional_count > 1 && !*dir
        ? "several journeys need a folder to write into: -o DIR/"
        : args->positional_count > 1 && job->boxes ? "--boxes takes one journey" : NULL;
    if (why) {
        fprintf(stderr, "cjm render: %s\n", why);
        return -1;
    }
    if (*dir && names_clash(args, out, (out_format)format))
        return -1;
    return format;
}

/* Where journey PATH is drawn: OUT, or OUT/NAME.FORMAT in a folder. */
static void target_of(const char *path, const char *out, int dir, out_format format,
                      char *target, size_t size)
{
    if (!dir) {
        snprintf(target, size, "%s", out);
        return;
    }
    size_t n = strlen(out);
    const char *name;
    int len = target_name(path, &name);
    snprintf(target, size, "%s%s%.*s.%s", out, n && out[n - 1] == '/' ? "" : "/", len, name,
             format_name(format));
}

int cmd_render(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_parse("render", render_options, argc, argv, &args);
    if (rc)
        return rc;
    if (cli_value(render_options, &args, "help")) {
        help_render(stdout);
        return 0;
    }
    const char *out = cli_value(render_options, &args, "output");
    if (args.positional_count == 0 || !out) {
        fputs("cjm render: give a journey file and -o OUTPUT\n"
              "Try 'cjm help render'.\n", stderr);
        return EXIT_USAGE;
    }
    load_options lo;
    render_job job;
    if ((rc = cli_load_options("render", render_options, &args, &lo))
        || (rc = render_job_read(&args, &job)))
        return rc;
    int dir, format = render_format(&args, &job, out, &dir);
    if (format < 0)
        return EXIT_USAGE;
    if (dir && mkdir(out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "cjm render: cannot create folder %s: %s\n", out, strerror(errno));
        return EXIT_INPUT;
    }
    int status = 0;
    progress bar;
    progress_begin(&bar, "cjm render", args.positional_count);
    for (int i = 0; i < args.positional_count; i++) {
        const char *path = args.positional[i];
        char target[4096];
        target_of(path, out, dir, (out_format)format, target, sizeof target);
        diag_list d;
        diag_init(&d);
        progress_step(&bar, i);
        render_one(path, target, (out_format)format, &job, &lo, &d);
        progress_end(&bar);         /* messages on a clean line */
        diag_print(&d, stderr);
        int code = diag_exit_code(&d);
        if (code > status)
            status = code;
        diag_free(&d);
    }
    text_end();
    return status;
}
