/*
 * limit.h — every resource limit of a run, in one table.
 *
 * Journeys, templates and data files come from others, so each stage that
 * could be made to run without bound has a named limit: the Lua sandbox
 * (instructions, memory), the whole run (timeout), files and documents
 * (file, nodes, depth), text (text, total-text), images (image-bytes,
 * image-pixels), pictures written (page-pixels) and the exact engine
 * (exact-work).  Each has a default, a unit and a range; the command line
 * sets them with `--limit NAME=VALUE` (and the shorthands --timeout,
 * --max-memory, --max-instructions).  The values live in one process-wide
 * table that the command line fills once before any work starts; every
 * stage reads it through limit_get().
 *
 * A message about a limit names the way to raise it: limit_hint().
 */
#ifndef CJM_LIMIT_H
#define CJM_LIMIT_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    LIM_INSTRUCTIONS,   /* Lua instructions */
    LIM_MEMORY,         /* Lua memory, MB */
    LIM_TIMEOUT,        /* wall clock of the whole run, seconds */
    LIM_FILE,           /* bytes of any one file read, MB */
    LIM_NODES,          /* values in one document (after YAML aliases) */
    LIM_DEPTH,          /* nesting of one document */
    LIM_TEXT,           /* characters in one text value */
    LIM_TOTAL_TEXT,     /* all text of a journey, MB */
    LIM_IMAGE_BYTES,    /* one image file, MB */
    LIM_IMAGE_PIXELS,   /* one image, megapixels */
    LIM_PAGE_PIXELS,    /* one PNG page, megapixels */
    LIM_EXACT_WORK,     /* exact engine: states x days */
    LIM_HTML_PERSONAS,  /* persona maps in the HTML view's switcher */
    LIM_SERVE_CLIENTS,  /* connections cjm serve answers at once */
    LIM_COUNT
} limit_id;

typedef struct limit_info {
    const char *name;       /* for --limit NAME=VALUE */
    const char *flag;       /* a shorthand option ("timeout"), or NULL */
    double def, min, max;
    const char *unit;       /* "MB", "s", "characters", ... */
    const char *help;
} limit_info;

extern const limit_info LIMIT_INFO[LIM_COUNT];

/* The value in effect (in the unit of the table). */
double limit_get(limit_id id);

/* The value in bytes for the limits counted in MB, or as a count. */
size_t limit_bytes(limit_id id);
long long limit_count(limit_id id);

/* Set limit ID to VALUE; -1 when VALUE is out of its range. */
int limit_set(limit_id id, double value);

/* Parse "NAME=VALUE" and set it.  0, or -1 with a message in ERR. */
int limit_parse(const char *assign, char *err, size_t errsize);

/* How to raise limit ID: "--limit text=N", "--timeout SECONDS". */
const char *limit_hint(limit_id id);

/* Back to the defaults (for tests and fuzzers). */
void limit_reset(void);

/* The table as help text. */
void limit_print_help(FILE *out);

#endif
