/*
 * diag.h — the one list of problems a run collects, and the one printer.
 *
 * Every stage adds to a diag_list instead of printing; main prints the list
 * once, in the order the problems were found.  A problem carries a file,
 * a 1-based line and column (0 when unknown), a model path such as
 * "phases[2].touchpoints[0]" (may be NULL), the message, and optional
 * extra text (a Lua traceback).  Printed shape:
 *
 *     FILE:LINE:COL: error: PATH: MESSAGE
 *        14 |     touchpoints: [fax]
 *           |                   ^
 *
 * The source excerpt is shown when the file's text was registered with
 * diag_add_source().  The list keeps at most DIAG_MAX_ERRORS errors; later
 * ones are counted and summarised in one line.  Input quoted in a message
 * cannot drive a terminal or flood it: control characters are escaped and
 * every part is cut to a length (DIAG_MAX_*).
 */
#ifndef CJM_DIAG_H
#define CJM_DIAG_H

#include <stdio.h>
#include "base/arena.h"

#define DIAG_MAX_ERRORS 50
/* Printed lengths, in characters: a file name or model path, a message,
 * the extra text (a traceback).  Longer ones end in "... (N more
 * characters)"; control characters are printed as \xNN. */
#define DIAG_MAX_NAME 300
#define DIAG_MAX_MESSAGE 1000
#define DIAG_MAX_EXTRA 4000

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_severity;

/* Exit codes shared by the whole program. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_LIMIT = 3 };

typedef struct diag {
    diag_severity severity;
    const char *file;
    int line, col;
    const char *path;
    const char *message;
    const char *extra;      /* printed verbatim after the message, may be NULL */
    struct diag *next;
} diag;

typedef struct diag_source {
    const char *file;
    const char *text;
    size_t len;
    struct diag_source *next;
} diag_source;

typedef struct diag_list {
    arena mem;              /* owns every string of every entry */
    diag *first, *last;
    int errors, warnings;
    int dropped;            /* errors past the cap, not stored */
    int limit_hit;          /* a resource limit stopped the run (exit 3) */
    int internal;           /* an internal failure (exit 3) */
    diag_source *sources;
} diag_list;

void diag_init(diag_list *d);
void diag_free(diag_list *d);

/* Add one problem.  FILE and PATH are copied; 0 for unknown line/column. */
void diag_add(diag_list *d, diag_severity sev, const char *file, int line,
              int col, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Attach extra text (e.g. a traceback) to the most recent entry. */
void diag_set_extra(diag_list *d, const char *text);

/* Remember FILE's text so printed errors can quote the offending line.
 * The text is copied. */
void diag_add_source(diag_list *d, const char *file, const char *text,
                     size_t len);

/* Write S (LEN bytes) for a terminal: control characters (but tab, and
 * line feed when NEWLINES) are written as \xNN, so no input can drive the
 * terminal; at most MAX characters, then "... (N more characters)".
 * Returns the columns written (an escape counts 4). */
size_t diag_write_safe(FILE *out, const char *s, size_t len, size_t max, int newlines);

/* Print every entry to OUT; then a summary line if errors were dropped. */
void diag_print(const diag_list *d, FILE *out);

/* V as the shortest text that reads back as V ("1.0000001", "0.3"), so a
 * message shows the value that was given.  BUF needs 32 bytes. */
const char *diag_num(double v, char *buf);

/* The exit status the list calls for: 0, EXIT_INPUT or EXIT_LIMIT. */
int diag_exit_code(const diag_list *d);

/* Convert a byte OFFSET in TEXT to a 1-based line and column (columns
 * count UTF-8 characters, not bytes). */
void diag_offset_to_linecol(const char *text, size_t len, size_t offset,
                            int *line, int *col);

/* Edit distance with transpositions, capped: returns CAP+1 when larger. */
int diag_distance(const char *a, const char *b, int cap);

/* The candidate closest to WORD among NAMES[0..COUNT), or NULL when none
 * is close enough to be a plausible typo. */
const char *diag_suggest(const char *word, const char *const *names,
                         int count);

/* The known NAMES as an error's tail, allocated in A: "known: a, b, c;
 * did you mean \"b\"?" (the suggestion only when WORD is a plausible
 * typo of one), "none known" when COUNT is 0.  Long lists end with
 * "and N more" (DIAG_CHOICES_SHOWN names are listed). */
#define DIAG_CHOICES_SHOWN 24
const char *diag_choices(arena *a, const char *word, const char *const *names,
                         int count);

#endif
