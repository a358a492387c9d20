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
 * coroutines), a memory cap (custom allocator) and a wall-clock deadline
 * kept by a watchdog thread, which also ends the process (exit 3, after
 * removing temporary output files) when a C function such as string.find
 * runs past the deadline, where no hook can fire.  Once a limit fires it
 * keeps firing, so pcall inside a script cannot swallow it.
 *
 * Errors are added to the caller's diag_list as FILE:LINE: error: MESSAGE
 * with the traceback as extra text; a limit sets diag->limit_hit.
 */
#ifndef CJM_HOST_H
#define CJM_HOST_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "diag.h"
#include "node.h"

typedef struct host_options {
    const char *datadir;            /* holds stdlib/ and templates/ */
    const char *const *template_dirs;   /* --templates DIR ... */
    int template_dir_count;
    const char *input_dir;          /* folder of the journey file, or NULL */
    uint64_t seed;
    long long max_instructions;
    size_t max_memory;              /* bytes */
    double timeout;                 /* seconds of Lua execution in all */
} host_options;

typedef struct host host;

/* Create the sandbox.  Options are copied.  NULL (with an error in D)
 * when Lua cannot start.  D must outlive the host. */
host *host_new(const host_options *opt, diag_list *d);

/* Close the state (running finalizers under the watchdog) and free. */
void host_free(host *h);

/* Run the Lua script at PATH and convert the table it returns into a node
 * tree in A.  NULL after adding errors. */
node *host_run_file(host *h, arena *a, const char *path);

/* Instantiate the template a journey names: DOC is a mapping with
 * `template`, optional `params`, and any other keys as overrides merged
 * into the generated journey.  PARAMS are "KEY=VALUE" strings from the
 * command line (VALUE read as YAML), applied over DOC's params.  Returns
 * the generated journey as a node tree in A, or NULL after errors. */
node *host_instantiate(host *h, arena *a, const node *doc,
                       const char *const *params, int param_count);

/* Instructions executed so far (for tests and statistics). */
long long host_instructions(const host *h);

#endif
