/*
 * host_internal.h — what host.c shares with templates.c.
 *
 * Both files are the Lua host: nothing outside them includes this header
 * or touches the Lua stack.  Functions here keep the stack balanced
 * unless they say otherwise.
 */
#ifndef CJM_HOST_INTERNAL_H
#define CJM_HOST_INTERNAL_H

#include <lua.h>

#include "lua/host.h"

#define HOOK_STEP 1000
#define PRINT_MAX_BYTES (64 * 1024)  /* what print may write in a run */
#define CO_MAX_NESTING 100         /* coroutines resuming/closing others */

typedef enum { KILL_NONE, KILL_INSTRUCTIONS, KILL_MEMORY, KILL_TIME,
               KILL_NESTING } kill_reason;

struct host {
    lua_State *L;
    diag_list *d;
    host_options opt;
    char **template_dirs;           /* owned copies */
    char *datadir, *input_dir;

    /* limits */
    long long instructions;
    size_t mem_used;
    int mem_refused;
    kill_reason killed;
    int co_nesting;                 /* nested_co_call depth */
    size_t printed;                 /* bytes print wrote */

    int depth;                      /* nesting of host_enter */
};

/* The host that owns L (kept as the allocator's userdata). */
host *hostp_of(lua_State *L);

/* Call the function below NARGS arguments in protected mode with the
 * traceback handler.  0 with NRESULTS results pushed, or -1 after the
 * error was reported to the host's diag list (and the stack restored). */
int hostp_call(host *h, int nargs, int nresults, const char *file);

/* Pop the value on top of the stack and convert it to a node tree in A.
 * NULL after reporting (cycles, functions, mixed tables, limits). */
node *hostp_to_node(host *h, arena *a, const char *file);

/* Push N as a Lua value (tables marked with N's positions).  0, or -1
 * after reporting (nothing pushed then). */
int hostp_push(host *h, const node *n, const char *file);

/* The sandbox's require (a lua_CFunction). */
int hostp_require(lua_State *L);

/* Whether a file for module NAME is in require's folders. */
int hostp_module_exists(host *h, const char *name);

/* The names of the .lua files in the journey's folder, the --templates
 * folders and templates/ (candidate templates, not loaded), in A. */
const char **hostp_template_names(host *h, arena *a, int *count);

/* Whether NAME is a dotted module name without "..". */
int hostp_valid_module_name(const char *name);

/* core.random(seed [, stream]): push a new generator object. */
int hostp_new_random(lua_State *L);

/* cjm.resolve_scenarios on the journey table on top of the stack (kept);
 * -1 after reporting. */
int hostp_resolve_scenarios(host *h, const char *file);

/* templates.c, for instantiate.c: the parameter named KEY (or N's key)
 * of SPECS set from N after checking; template NAME pushed (-1 after
 * reporting at FILE:LINE:COL); its description read from the table at IDX;
 * and ctx_new(template_name, locale) as a lua_CFunction. */
void hostp_apply_param(host *h, arena *a, const char *tname, host_param *specs,
                       int count, const char *key, const node *n, const char *file);
int hostp_push_template(host *h, const char *name, const char *file, int line, int col);
host_template *hostp_read_template(host *h, arena *a, const char *name, int idx,
                                   const char *file);
int hostp_ctx_new(lua_State *L);

/* instantiate.c, for host.c: core.merge and core.instantiate. */
int hostp_core_merge(lua_State *L);
int hostp_core_instantiate(lua_State *L);

#endif
