/*
 * host.h — the sandboxed Lua host: the only module that touches Lua.
 *
 * One lua_State per run, opened with base, string, table, math, utf8 and
 * coroutine only, `os` reduced to time/clock/date; no io, debug, package,
 * dofile, loadfile or string.dump; `load` takes text chunks only; the
 * string metatable is locked; reading an undeclared global is an error.
 * `require` finds Lua sources in stdlib/, the input's folder, the
 * --templates folders and templates/, in that order.
 *
 * Limits: an instruction budget (count hook, charged globally across
 * coroutines), a memory cap (custom allocator), a cap on coroutines
 * resuming or closing one another, and the run's wall-clock deadline
 * (watchdog.h), which also ends the process when a C function such as
 * string.find runs past it, where no hook can fire.  Once a limit fires
 * it keeps firing, and a call during which one fired fails even if the
 * script caught the error, so pcall inside a script cannot swallow it.
 *
 * Errors are added to the caller's diag_list as FILE:LINE: error: MESSAGE
 * with the traceback as extra text; a limit sets diag->limit_hit.
 */
#ifndef CJM_HOST_H
#define CJM_HOST_H

#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/diag.h"
#include "base/sbuf.h"
#include "doc/node.h"

typedef struct host_options {
    const char *datadir;            /* holds stdlib/ and templates/ */
    const char *const *template_dirs;   /* --templates DIR ... */
    int template_dir_count;
    const char *input_dir;          /* folder of the journey file, or NULL */
    uint64_t seed;
    long long max_instructions;
    size_t max_memory;              /* bytes */
} host_options;

typedef struct host host;

/* Create the sandbox.  Options are copied.  NULL (with an error in D)
 * when Lua cannot start.  D must outlive the host. */
host *host_new(const host_options *opt, diag_list *d);

/* Report into D from now on; returns the list used until now. */
diag_list *host_swap_diag(host *h, diag_list *d);

/* Close the state (running finalizers under the watchdog) and free. */
void host_free(host *h);

/* Run the Lua script at PATH and convert the table it returns into a node
 * tree in A.  NULL after adding errors. */
node *host_run_file(host *h, arena *a, const char *path);

/* The same for the script TEXT (LEN bytes) named PATH. */
node *host_run_text(host *h, arena *a, const char *path, const char *text, size_t len);

/* Run the scenario file PATH (a Lua script returning a list of scenarios
 * or a table with `scenarios`) for JOURNEY: each scenario's `apply`
 * function gets a copy of the whole journey and its result becomes the
 * scenario's `journey`.  The scenarios as a list node in A, or NULL after
 * errors. */
node *host_run_scenarios(host *h, arena *a, const char *path, const node *journey);

/* Instantiate the template a journey names: DOC is a mapping with
 * `template`, optional `params`, and any other keys as overrides merged
 * into the generated journey.  PARAMS are "KEY=VALUE" strings from the
 * command line (VALUE read as YAML), applied over DOC's params.  Returns
 * the generated journey as a node tree in A, or NULL after errors. */
node *host_instantiate(host *h, arena *a, const node *doc,
                       const char *const *params, int param_count);

/* A template parameter, as its spec declares it. */
typedef enum { PT_NUMBER, PT_INTEGER, PT_STRING, PT_BOOLEAN, PT_CHOICE,
               PT_LIST, PT_MAP } host_param_type;

typedef struct host_param {
    const char *name;
    host_param_type type;
    const char *type_name;  /* "integer", "choice", ... */
    const node *def;        /* default value, may be NULL (required) */
    double min, max;        /* NAN when not given */
    const node *choices;    /* SEQ, for PT_CHOICE */
    const char *doc;
    const node *value;      /* the value in effect, after checking */
} host_param;

typedef struct host_template {
    const char *name;       /* the module name */
    const char *summary;
    const char *origin;     /* "built-in", or the file it came from */
    host_param *params;     /* sorted by name */
    int param_count;
} host_template;

/* Load template NAME and read its parameter specs into A.  NULL after
 * reporting (not found, not a template, bad specs). */
host_template *host_template_info(host *h, arena *a, const char *name);

/* Every template that can be found: templates/, --templates folders and
 * the input folder, by name (a user template shadows a built-in one of
 * the same name).  Returns the count; *OUT in A.  Files that fail to load
 * are reported as warnings and skipped; Lua modules that are not
 * templates are skipped silently. */
int host_list_templates(host *h, arena *a, host_template **out);

/* Check VALUE (e.g. parsed from --param) against parameter P of template
 * TNAME; the value to use, or NULL after reporting. */
const node *host_check_param(host *h, arena *a, const char *tname,
                             const host_param *p, const node *value,
                             const char *file);

/* Append the lua-language-server annotations of what the host gives
 * templates (cjm.Template, cjm.Param, cjm.Ctx, cjm.Random) to B. */
void host_lua_types(sbuf *b);

/* Instructions executed so far (for tests and statistics). */
long long host_instructions(const host *h);

#endif
