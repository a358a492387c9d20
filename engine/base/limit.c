/*
 * limit.c — the table of limits and the values in effect; see limit.h.
 */
#include "base/limit.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const limit_info LIMIT_INFO[LIM_COUNT] = {
    [LIM_INSTRUCTIONS] = { "instructions", "max-instructions", 2e9, 1000, 1e15, "",
        "Lua instructions a run may execute, counted across coroutines" },
    [LIM_MEMORY] = { "memory", "max-memory", 512, 1, 65536, "MB",
        "memory the Lua scripts and templates may hold" },
    [LIM_TIMEOUT] = { "timeout", "timeout", 300, 0.001, 86400, "s",
        "wall-clock time of the whole run: loading, Lua, simulation, drawing" },
    [LIM_FILE] = { "file", NULL, 64, 0.001, 4096, "MB",
        "size of any one file read: journey, module, ctx.load data, CSV, part" },
    [LIM_NODES] = { "nodes", NULL, 1e6, 100, 1e9, "",
        "values in one journey document, YAML aliases expanded" },
    [LIM_DEPTH] = { "depth", NULL, 200, 10, 1000, "",
        "nesting of mappings and lists in one document" },
    [LIM_TEXT] = { "text", NULL, 10000, 10, 1e8, "characters",
        "length of one text value (a name, a pain, a note)" },
    [LIM_TOTAL_TEXT] = { "total-text", NULL, 32, 0.001, 4096, "MB",
        "all the text of one journey together" },
    [LIM_IMAGE_BYTES] = { "image-bytes", NULL, 16, 0.001, 1024, "MB",
        "size of one image file (a persona photo)" },
    [LIM_IMAGE_PIXELS] = { "image-pixels", NULL, 40, 0.0001, 1000, "megapixels",
        "pixels of one decoded image" },
    [LIM_PAGE_PIXELS] = { "page-pixels", NULL, 150, 0.0001, 1073, "megapixels",
        "pixels of one PNG page (width x height at the --dpi)" },
    [LIM_EXACT_WORK] = { "exact-work", NULL, 1e9, 1000, 1e13, "",
        "exact engine: day-states it may sweep (states x horizon days)" },
    [LIM_HTML_PERSONAS] = { "html-personas", NULL, 40, 0, 100000, "",
        "persona maps in the HTML view's switcher (each is a whole map; the rest are named)" },
    [LIM_SERVE_CLIENTS] = { "serve-clients", NULL, 512, 1, 100000, "",
        "connections cjm serve answers at once (each open page holds one); more are refused" },
};

static double current[LIM_COUNT];
static int initialised;

static void init(void)
{
    if (initialised)
        return;
    for (int i = 0; i < LIM_COUNT; i++)
        current[i] = LIMIT_INFO[i].def;
    initialised = 1;
}

void limit_reset(void)
{
    initialised = 0;
    init();
}

double limit_get(limit_id id)
{
    init();
    return current[id];
}

size_t limit_bytes(limit_id id)
{
    double v = limit_get(id);
    if (strcmp(LIMIT_INFO[id].unit, "MB") == 0)
        v *= 1024.0 * 1024.0;
    return v >= (double)SIZE_MAX ? SIZE_MAX : (size_t)v;
}

long long limit_count(limit_id id)
{
    double v = limit_get(id);
    if (strcmp(LIMIT_INFO[id].unit, "megapixels") == 0)
        v *= 1e6;
    return v >= 9.2e18 ? (long long)9.2e18 : (long long)v;
}

int limit_set(limit_id id, double value)
{
    init();
    if (!(value >= LIMIT_INFO[id].min && value <= LIMIT_INFO[id].max))
        return -1;
    current[id] = value;
    return 0;
}

int limit_parse(const char *assign, char *err, size_t errsize)
{
    const char *eq = strchr(assign, '=');
    size_t nlen = eq ? (size_t)(eq - assign) : strlen(assign);
    for (int i = 0; i < LIM_COUNT; i++) {
        const limit_info *li = &LIMIT_INFO[i];
        if (strlen(li->name) != nlen || strncmp(li->name, assign, nlen) != 0)
            continue;
        char *end;
        errno = 0;
        double v = eq ? strtod(eq + 1, &end) : 0;
        if (!eq || end == eq + 1 || *end || errno || limit_set((limit_id)i, v) < 0) {
            snprintf(err, errsize, "--limit %s expects a number from %g to %g%s%s",
                     li->name, li->min, li->max, *li->unit ? " " : "", li->unit);
            return -1;
        }
        return 0;
    }
    size_t off = (size_t)snprintf(err, errsize, "unknown limit \"%.*s\" (known:",
                                  (int)(nlen > 40 ? 40 : nlen), assign);
    for (int i = 0; i < LIM_COUNT && off < errsize; i++)
        off += (size_t)snprintf(err + off, errsize - off, "%s%s", i ? ", " : " ",
                                LIMIT_INFO[i].name);
    if (off < errsize)
        snprintf(err + off, errsize - off, ")");
    return -1;
}

const char *limit_hint(limit_id id)
{
    static char buf[LIM_COUNT][64];
    const limit_info *li = &LIMIT_INFO[id];
    if (!buf[id][0]) {
        if (li->flag)
            snprintf(buf[id], sizeof buf[id], "--%s", li->flag);
        else
            snprintf(buf[id], sizeof buf[id], "--limit %s=N", li->name);
    }
    return buf[id];
}

void limit_print_help(FILE *out)
{
    fputs("usage: cjm COMMAND --limit NAME=VALUE ...\n\n"
          "Journeys, templates and data files may come from others, so every\n"
          "stage that could run without bound has a limit.  A run that hits one\n"
          "stops with exit status 3 and a message naming the limit and how to\n"
          "raise it; no output file is changed.\n\n"
          "  NAME            DEFAULT      MEANING\n", out);
    for (int i = 0; i < LIM_COUNT; i++) {
        const limit_info *li = &LIMIT_INFO[i];
        char def[48];
        snprintf(def, sizeof def, "%g%s%s", li->def, *li->unit ? " " : "", li->unit);
        fprintf(out, "  %-15s %-12s %s", li->name, def, li->help);
        if (li->flag)
            fprintf(out, " (also --%s)", li->flag);
        fputc('\n', out);
    }
    fputs("\nexamples:\n"
          "  cjm render big.yaml -o big.png --limit page-pixels=400\n"
          "  cjm check untrusted.lua --timeout 5 --max-memory 64\n", out);
}
