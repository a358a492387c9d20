/*
 * format.h — the one list of output formats, and the one rule that tells
 * a format from a file name.
 *
 * Every command writes its result through it: `cjm build` (YAML, JSON),
 * `simulate` and `merge` (a table, Markdown, CSV, YAML, JSON), `plan` (the
 * same, and PDF, PNG, SVG pages), `attribution`, `render` (SVG, PNG, PDF),
 * `export` (a Mermaid journey diagram, CSV files, a workbook).
 * Each command says which formats it takes (a mask of FMTBIT values).
 */
#ifndef CJM_FORMAT_H
#define CJM_FORMAT_H

typedef enum {
    FMT_TABLE,      /* a table for people, on a terminal */
    FMT_MD,
    FMT_CSV,
    FMT_YAML,
    FMT_JSON,
    FMT_SVG,
    FMT_PNG,
    FMT_PDF,
    FMT_MERMAID,    /* a Mermaid journey diagram (.mmd) */
    FMT_XLSX,       /* a spreadsheet workbook */
    FMT_HTML,       /* one self-contained interactive page */
    FMT_GCC,        /* FILE:LINE:COL: severity: message, for editors */
    FMT_SARIF,      /* SARIF 2.1.0, for code-scanning services */
    FMT__COUNT
} out_format;

#define FMTBIT(f) (1u << (f))

/* The format named NAME ("md", "yaml", "yml", "png", ...), or -1. */
int format_from_name(const char *name);

/* The format PATH's extension names, or -1 ("-" is standard output and
 * has none). */
int format_from_path(const char *path);

/* The name of F ("md", "yaml", ...): also its usual file extension. */
const char *format_name(out_format f);

/* ".md, .csv, .yaml or .json": the extensions of the formats in MASK, for
 * messages; in a static buffer. */
const char *format_list(unsigned mask);

/* The format to write PATH in, for a command that takes the formats in
 * MASK: from the name FORCED when given (--format), else from PATH's
 * extension.  -1 after a message naming COMMAND on standard error. */
int format_choose(const char *command, const char *path, const char *forced,
                  unsigned mask);

#endif
