/*
 * options.h — command-line options shared by every command.
 *
 * Each command lists the options it takes in a table of cli_option; one
 * parser reads `--name VALUE`, `--name=VALUE`, `-x VALUE` and flags,
 * collects positional arguments, and reports unknown options with a
 * suggestion (exit 2).  The options every journey-reading command shares
 * (limits, --param, --seed, --templates) are parsed into cli_common.
 */
#ifndef CJM_CLI_H
#define CJM_CLI_H

#include <stddef.h>
#include <stdint.h>
#include "base/format.h"
#include "lua/host.h"
#include "model/load.h"

typedef struct cli_option {
    const char *name;       /* long name without "--" */
    char short_name;        /* 0 when none */
    int takes_value;
    const char *value_name; /* for help: "FILE", "N" */
    const char *help;
} cli_option;

/* Options one command's table may hold (its own, not the user's count). */
#define CLI_MAX_OPTIONS 64

typedef struct cli_args {
    const char *values[CLI_MAX_OPTIONS];    /* last value per option (index = table) */
    int seen[CLI_MAX_OPTIONS];              /* how often each option was given */
    const char **multi[CLI_MAX_OPTIONS];    /* every value, for repeatable ones */
    const char **positional;                /* sized by the arguments given */
    int positional_count;
} cli_args;

/* Parse ARGV[0..ARGC) against OPTIONS (terminated by a NULL name).
 * Returns 0, or 2 after printing a usage error naming COMMAND. */
int cli_parse(const char *command, const cli_option *options, int argc,
              char **argv, cli_args *out);

/* Index of option NAME in OPTIONS (must exist). */
int cli_index(const cli_option *options, const char *name);

/* The value of option NAME, or NULL. */
const char *cli_value(const cli_option *options, const cli_args *args,
                      const char *name);

/* Load the journey PATH and write it in FORMAT (YAML, JSON, Mermaid) to
 * OUT (NULL or "-": standard output): `cjm build` and `cjm export
 * mermaid`.  The exit status. */
int cli_emit_journey(const char *path, const load_options *lo, out_format format,
                     const char *out);

/* The options of `cjm render` (which `cjm watch` takes too). */
const cli_option *render_option_table(void);

/* Print the options table as help text. */
void cli_print_options(const cli_option *options, FILE *out);

/* The common options, to splice into a command's table. */
#define CLI_COMMON_OPTIONS                                                   \
    { "param", 'p', 1, "KEY=VALUE", "set a template parameter (repeatable)" }, \
    { "seed", 0, 1, "N", "random seed for templates (default 1)" },          \
    { "templates", 'T', 1, "DIR", "also look for templates in DIR (repeatable)" }, \
    { "max-instructions", 0, 1, "N", "Lua instruction budget (default 2e9)" }, \
    { "max-memory", 0, 1, "MB", "Lua memory cap in MB (default 512)" },     \
    CLI_LIMIT_OPTIONS

/* The limits alone, for commands that read no journey. */
#define CLI_LIMIT_OPTIONS                                                    \
    { "timeout", 0, 1, "SECONDS", "wall-clock limit of the whole run (default 300)" }, \
    { "limit", 0, 1, "NAME=VALUE", "set a limit (repeatable; 'cjm help limits' lists them)" }

/* The end every command shares: print D's problems, free D and A (A may
 * be NULL), and return the exit status D calls for — EXIT_INPUT when
 * nothing was PRODUCED yet no problem says why. */
int cli_finish(diag_list *d, arena *a, int produced);

/* Read S as a number in MIN..MAX for option NAME of COMMAND; 0, or -1
 * after printing a usage message. */
int cli_number(const char *command, const char *name, const char *s, double min,
               double max, double *out);

/* Apply --timeout, --max-memory, --max-instructions and every --limit
 * in ARGS to the limits table (those in OPTIONS).  0, or 2 after a usage
 * message. */
int cli_apply_limits(const char *command, const cli_option *options,
                     const cli_args *args);

/* Fill LOAD from the common options in ARGS (limits applied first).  Returns 0 or 2 after a
 * usage message.  Keeps pointers into ARGS. */
/* A Lua host for reading templates: --templates folders from ARGS (when
 * OPTIONS has that option), INPUT_DIR (NULL: none) searched too. */
host *cli_template_host(const cli_option *options, const cli_args *args,
                        const char *input_dir, diag_list *d);

int cli_load_options(const char *command, const cli_option *options,
                     const cli_args *args, load_options *load);

/* The start every command shares: parse ARGV against OPTIONS, answer
 * --help with HELP, check that there are MIN_FILES..MAX_FILES positional
 * arguments (MAX_FILES < 0: no limit; WHAT names them in the message), and
 * when LOAD is given read the common options into it.  Returns -1 to go
 * on, or the exit status to return at once. */
int cli_start(const char *command, const cli_option *options, int argc, char **argv,
              cli_args *args, void (*help)(FILE *), int min_files, int max_files,
              const char *what, load_options *load);

/* The format of a command's result: --format NAME when given, else the
 * extension of --output, else FMT_TABLE for standard output; only formats
 * in MASK.  -1 after a usage message. */
int cli_output_format(const char *command, const cli_option *options,
                      const cli_args *args, unsigned mask);

/* Whether OUT may be written: never over one of the run's INPUTS (the
 * same file, whatever the names), and over an existing file only with
 * FORCE (FORCE < 0: a command that replaces files anyway).  0, or 2 after
 * a usage message. */
int cli_check_output(const char *command, const char *out, const char *const *inputs,
                     int ninputs, int force);

/* The folder of file PATH ("." for a bare name) in BUF of SIZE bytes;
 * returns BUF. */
const char *cli_folder_of(const char *path, char *buf, size_t size);

/* The folder holding stdlib/ and templates/: $CJM_HOME, the source tree
 * next to the binary, PREFIX/share/cjm next to it, or the configured
 * data directory.  A static buffer. */
const char *cli_datadir(void);

#endif
