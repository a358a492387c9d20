/*
 * host.c — the sandboxed Lua host; see host.h for the contract.
 *
 * Security stance: templates and journey scripts are code from others.
 * They get a pure-computation environment: no file, process or network
 * access, no bytecode, no debug library, bounded instructions, memory
 * and time.  Implementation notes:
 *
 *  - The instruction budget is charged in steps of HOOK_STEP from a count
 *    hook.  Coroutines inherit the hook but restart its counter, so the
 *    budget is one global total in the host, not a per-thread count.
 *  - Hooks never fire inside C functions and are off while a __gc
 *    finalizer runs; the watchdog thread is what stops those.  Lua time
 *    is accounted only while the host is "inside" (host_enter/leave), so
 *    long C work after the scripts ran (simulation, rendering) is not
 *    charged to them.
 *  - All calls into Lua go through hostp_call(), whose message
 *    handler turns any error value into text with a traceback.
 */
#define _GNU_SOURCE
#include "lua/host.h"
#include "lua/host_internal.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "base/fsin.h"
#include "base/fsout.h"
#include "base/limit.h"
#include "base/rng.h"
#include "doc/textcheck.h"
#include "base/watchdog.h"
#include "doc/yaml.h"


static const char *const MARKS_KEY = "cjm.marks";     /* table -> "L:C:FILE" */
static const char *const LOADED_KEY = "cjm.loaded";   /* module name -> value */
static const char *const RNG_META = "cjm.random";

host *hostp_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* ---- limits ----------------------------------------------------------- */

/* The allocator: refuses growth past the cap and remembers that it did. */
static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    host *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        h->mem_used -= old;
        return NULL;
    }
    if (nsize > old && h->mem_used + (nsize - old) > h->opt.max_memory) {
        h->mem_refused = 1;
        if (h->killed == KILL_NONE)
            h->killed = KILL_MEMORY;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    h->mem_used = h->mem_used - old + nsize;
    return p;
}

static const char *kill_message(const host *h, char *buf, size_t size)
{
    switch (h->killed) {
    case KILL_INSTRUCTIONS:
        snprintf(buf, size, "instruction limit of %lld exceeded "
                 "(raise it with --max-instructions)", h->opt.max_instructions);
        break;
    case KILL_MEMORY:
        snprintf(buf, size, "memory limit of %zu MB exceeded (raise it "
                 "with --max-memory)", h->opt.max_memory >> 20);
        break;
    case KILL_TIME:
        snprintf(buf, size, "time limit of %g s exceeded (raise it with "
                 "--timeout)", watchdog_seconds());
        break;
    case KILL_NESTING:
        snprintf(buf, size, "coroutines nested deeper than %d levels (a "
                 "coroutine resuming or closing another, which closes "
                 "another...)", CO_MAX_NESTING);
        break;
    default:
        snprintf(buf, size, "stopped");
    }
    return buf;
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    host *h = hostp_of(L);
    h->instructions += h->killed ? 1 : HOOK_STEP;
    if (h->killed == KILL_NONE) {
        if (h->instructions > h->opt.max_instructions)
            h->killed = KILL_INSTRUCTIONS;
        else if (watchdog_expired())
            h->killed = KILL_TIME;
    }
    if (h->killed != KILL_NONE) {
        char msg[160];
        /* From now on fire on every instruction of this thread. */
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
        luaL_error(L, "%s", kill_message(h, msg, sizeof msg));
    }
}

/* Lua runs between host_enter and host_leave (nested calls allowed):
 * the watchdog gives the count hook a grace period to stop it. */
static void host_enter(host *h)
{
    if (h->depth++ == 0)
        watchdog_lua_enter();
}

static void host_leave(host *h)
{
    if (--h->depth == 0)
        watchdog_lua_leave();
}

/* ---- errors ----------------------------------------------------------- */

/* Message handler: any error value becomes text with a traceback. */
static int message_handler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else if (lua_isnil(L, 1))
            msg = "error called with nil (no message)";
        else
            msg = lua_pushfstring(L, "error object is a %s value, not a "
                                  "message", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* Turn the text on top of the stack into a diagnostic:
 * "FILE:LINE: MESSAGE\nstack traceback:..." becomes FILE:LINE: error:
 * MESSAGE with the traceback as extra text.  FALLBACK_FILE names the
 * script when the message carries no position. */
static void report_lua_error(host *h, const char *fallback_file)
{
    const char *text = lua_tostring(h->L, -1);
    char msgbuf[200];
    if (h->killed != KILL_NONE) {
        /* the message may be from code that ran after the limit fired */
        diag_add(h->d, DIAG_ERROR, fallback_file, 0, 0, NULL, "%s",
                 kill_message(h, msgbuf, sizeof msgbuf));
        h->d->limit_hit = 1;
        return;
    }
    if (!text)
        text = "unknown error";
    const char *tb = strstr(text, "\nstack traceback:");
    size_t head_len = tb ? (size_t)(tb - text) : strlen(text);
    char *head = strndup(text, head_len);
    if (!head) {
        diag_add(h->d, DIAG_ERROR, fallback_file, 0, 0, NULL, "out of memory");
        return;
    }
    /* "file:12: message" — the file part may itself contain ':' */
    const char *file = fallback_file, *msg = head;
    int line = 0;
    char *p = head;
    while ((p = strchr(p, ':')) != NULL) {
        char *end;
        long l = strtol(p + 1, &end, 10);
        if (end != p + 1 && end[0] == ':' && end[1] == ' ' && l > 0) {
            *p = '\0';
            file = head;
            line = (int)l;
            msg = end + 2;
            break;
        }
        p++;
    }
    diag_add(h->d, DIAG_ERROR, file, line, 0, NULL, "%s", msg);
    if (tb)
        diag_set_extra(h->d, tb + 1);
    free(head);
}

/* Call the function below NARGS arguments on the stack in protected mode.
 * Returns 0 with NRESULTS results, or -1 after reporting the error. */
int hostp_call(host *h, int nargs, int nresults, const char *file)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    host_enter(h);
    int status = lua_pcall(L, nargs, nresults, base);
    host_leave(h);
    lua_remove(L, base);
    if (status == LUA_ERRMEM || h->mem_refused) {
        if (h->killed == KILL_NONE)
            h->killed = KILL_MEMORY;
    }
    if (h->killed == KILL_NONE && watchdog_expired())
        h->killed = KILL_TIME;
    if (status == LUA_OK && h->killed == KILL_NONE)
        return 0;
    /* A limit fired: the run ends even if the script caught the error
     * (pcall) and returned normally before the hook could fire again. */
    if (status == LUA_OK) {
        lua_pop(L, nresults == LUA_MULTRET ? lua_gettop(L) - base + 1 : nresults);
        lua_pushnil(L);
    }
    report_lua_error(h, file);
    lua_pop(L, 1);
    return -1;
}

/* ---- sandboxed library functions -------------------------------------- */

/* load(chunk [, chunkname [, mode [, env]]]) for text chunks only. */
static int safe_load(lua_State *L)
{
    const char *mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 'b'))
        return luaL_error(L, "load: binary chunks are not allowed");
    lua_settop(L, 4);
    lua_pushstring(L, "t");
    lua_replace(L, 3);
    lua_pushvalue(L, lua_upvalueindex(1));      /* the original load */
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* print writes to standard error: standard output carries the results.
 * Control characters are escaped, and a run prints at most
 * PRINT_MAX_BYTES: a script cannot drive or flood the terminal. */
static int safe_print(lua_State *L)
{
    host *h = hostp_of(L);
    int n = lua_gettop(L);
    if (h->printed > PRINT_MAX_BYTES)
        return 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    size_t room = PRINT_MAX_BYTES - h->printed;
    h->printed += len + 1;
    diag_write_safe(stderr, s, len, len < room ? len : room, 1);
    fputc('\n', stderr);
    if (h->printed > PRINT_MAX_BYTES)
        fprintf(stderr, "cjm: note: the script printed more than %d KB; the rest "
                "is not shown\n", PRINT_MAX_BYTES / 1024);
    return 0;
}

static int safe_randomseed(lua_State *L)
{
    if (lua_isnoneornil(L, 1))
        return luaL_error(L, "math.randomseed needs a seed: cjm runs are "
                          "reproducible (use --seed)");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 0);
    return 0;
}

/* coroutine.create and coroutine.wrap charge HOOK_STEP up front: a new
 * thread's hook counter starts afresh, so up to HOOK_STEP of its
 * instructions may never reach the hook.  Charging that on creation
 * keeps the global count an upper bound of what really ran. */
/* Charge N instructions to the budget; an error when it is spent (or the
 * run was stopped already). */
static void charge(lua_State *L, long long n)
{
    host *h = hostp_of(L);
    h->instructions += n;
    if (h->killed == KILL_NONE && h->instructions > h->opt.max_instructions)
        h->killed = KILL_INSTRUCTIONS;
    if (h->killed != KILL_NONE) {
        char msg[160];
        luaL_error(L, "%s", kill_message(h, msg, sizeof msg));
    }
}

static int charged_thread_ctor(lua_State *L)
{
    charge(L, HOOK_STEP);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* collectgarbage("collect") and ("step") walk the heap inside one C call,
 * where the count hook never fires: a loop of them ran for minutes within
 * a small instruction budget (found by fuzz_lua).  Each is charged one
 * instruction per byte in use, about what the walk costs. */
static int charged_gc(lua_State *L)
{
    const char *opt = luaL_optstring(L, 1, "collect");
    if (strcmp(opt, "collect") == 0 || strcmp(opt, "step") == 0)
        charge(L, (long long)lua_gc(L, LUA_GCCOUNT) * 1024 + lua_gc(L, LUA_GCCOUNTB));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* coroutine.resume, coroutine.close and the functions coroutine.wrap
 * returns, with their nesting counted: a chain of coroutines resuming or
 * closing one another (through __close handlers, which Lua 5.4.4 does not
 * count against its own C-call limit) is stopped at CO_MAX_NESTING
 * before it can overflow the C stack.  The call is protected so that the
 * count comes down again whatever happens inside. */
static int nested_co_call(lua_State *L)
{
    host *h = hostp_of(L);
    if (h->co_nesting >= CO_MAX_NESTING && h->killed == KILL_NONE)
        h->killed = KILL_NESTING;
    if (h->killed != KILL_NONE) {
        char msg[160];
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
        return luaL_error(L, "%s", kill_message(h, msg, sizeof msg));
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    h->co_nesting++;
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    h->co_nesting--;
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L);
}

/* coroutine.wrap: the function it returns is counted as nested_co_call. */
static int counted_wrap(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));      /* the charged wrap */
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    lua_pushcclosure(L, nested_co_call, 1);
    return 1;
}

static int strict_index(lua_State *L)
{
    const char *name = lua_tostring(L, 2);
    return luaL_error(L, "undeclared global '%s'", name ? name : "?");
}

/* ---- the random generator object -------------------------------------- */

static rng *check_rng(lua_State *L, int idx)
{
    return luaL_checkudata(L, idx, RNG_META);
}

/* r() float in [0,1); r(n) integer in 1..n; r(m, n) integer in m..n. */
static int rng_call(lua_State *L)
{
    rng *r = check_rng(L, 1);
    int args = lua_gettop(L) - 1;
    if (args == 0) {
        lua_pushnumber(L, rng_double(r));
        return 1;
    }
    lua_Integer lo = 1, hi;
    if (args == 1) {
        hi = luaL_checkinteger(L, 2);
    } else {
        lo = luaL_checkinteger(L, 2);
        hi = luaL_checkinteger(L, 3);
    }
    luaL_argcheck(L, lo <= hi, args == 1 ? 2 : 3, "interval is empty");
    uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
    uint64_t x = span ? rng_below(r, span) : rng_next(r);
    lua_pushinteger(L, (lua_Integer)((uint64_t)lo + x));
    return 1;
}

/* r:pick(list) a random element of a non-empty list. */
static int rng_pick(lua_State *L)
{
    rng *r = check_rng(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Unsigned n = lua_rawlen(L, 2);
    luaL_argcheck(L, n > 0, 2, "list is empty");
    lua_rawgeti(L, 2, (lua_Integer)(1 + rng_below(r, n)));
    return 1;
}

/* r:shuffle(list) shuffles in place (Fisher-Yates) and returns it. */
static int rng_shuffle(lua_State *L)
{
    rng *r = check_rng(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Unsigned n = lua_rawlen(L, 2);
    for (lua_Unsigned i = n; i > 1; i--) {
        lua_Integer j = (lua_Integer)(1 + rng_below(r, i));
        lua_rawgeti(L, 2, (lua_Integer)i);
        lua_rawgeti(L, 2, j);
        lua_rawseti(L, 2, (lua_Integer)i);
        lua_rawseti(L, 2, j);
    }
    lua_settop(L, 2);
    return 1;
}

/* r:normal(mean, sd) by Box-Muller. */
static int rng_normal(lua_State *L)
{
    rng *r = check_rng(L, 1);
    double mean = luaL_optnumber(L, 2, 0), sd = luaL_optnumber(L, 3, 1);
    double u1 = 1.0 - rng_double(r), u2 = rng_double(r);
    lua_pushnumber(L, mean + sd * sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2));
    return 1;
}

/* core.random(seed [, stream]) a new generator. */
int hostp_new_random(lua_State *L)
{
    lua_Integer seed = luaL_checkinteger(L, 1);
    lua_Integer stream = luaL_optinteger(L, 2, 0);
    rng *r = lua_newuserdatauv(L, sizeof *r, 0);
    rng_seed(r, (uint64_t)seed, (uint64_t)stream);
    luaL_setmetatable(L, RNG_META);
    return 1;
}

/* Record in the marks table where the table at IDX was made: the line
 * LEVEL frames up the stack (0 is the running C function). */
static void mark_table(lua_State *L, int idx, int level)
{
    lua_Debug ar;
    if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "Sl", &ar)
        || ar.currentline <= 0 || ar.source[0] != '@')
        return;
    idx = lua_absindex(L, idx);
    lua_getfield(L, LUA_REGISTRYINDEX, MARKS_KEY);
    lua_pushvalue(L, idx);
    lua_pushfstring(L, "%d:0:%s", ar.currentline, ar.source + 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* core.mark(tbl [, level]) marks TBL with the line of the function LEVEL
 * calls up from the caller (1, the default, is the caller itself). */
static int core_mark(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    mark_table(L, 1, (int)luaL_optinteger(L, 2, 1));
    lua_settop(L, 1);
    return 1;
}

/* A constructor made by core.constructor(kind): checks that its argument
 * is a table and marks it with the caller's line.  Written in C because a
 * C function called in tail position ("return cjm.journey{...}") still
 * sees its caller's frame, where a Lua function would not. */
static int constructor_call(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "cjm.%s expects a table, got %s",
                          lua_tostring(L, lua_upvalueindex(1)),
                          luaL_typename(L, 1));
    lua_settop(L, 1);
    mark_table(L, 1, 1);
    return 1;
}

static int core_constructor(lua_State *L)
{
    luaL_checkstring(L, 1);
    lua_settop(L, 1);
    lua_pushcclosure(L, constructor_call, 1);
    return 1;
}

static const luaL_Reg rng_methods[] = {
    { "pick", rng_pick },
    { "shuffle", rng_shuffle },
    { "normal", rng_normal },
    { NULL, NULL }
};

static const luaL_Reg core_functions[] = {
    { "random", hostp_new_random },
    { "mark", core_mark },
    { "merge", hostp_core_merge },
    { "instantiate", hostp_core_instantiate },
    { "constructor", core_constructor },
    { NULL, NULL }
};

static int open_core(lua_State *L)
{
    luaL_newlib(L, core_functions);
    return 1;
}

/* ---- require ---------------------------------------------------------- */

/* Module names are dotted identifiers; dots become folders. */
int hostp_valid_module_name(const char *name)
{
    if (!*name || *name == '.')
        return 0;
    for (const char *p = name; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
              || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'
              || *p == '.'))
            return 0;
        if (p[0] == '.' && (p[1] == '.' || p[1] == '\0'))
            return 0;
    }
    return 1;
}

/* The folders require searches, in order: stdlib/, the journey's folder,
 * the --templates folders, templates/.  The I-th, with the label its
 * chunk names use (NULL: the path itself); NULL past the last. */
static const char *search_dir(host *h, int i, char *buf, size_t size,
                              const char **label)
{
    int extra = h->opt.template_dir_count;
    *label = NULL;
    if (i == 0) {
        snprintf(buf, size, "%s/stdlib", h->datadir);
        *label = "stdlib";
        return buf;
    }
    if (h->input_dir && i == 1)
        return h->input_dir;
    i -= h->input_dir ? 2 : 1;
    if (i < extra)
        return h->template_dirs[i];
    if (i == extra) {
        snprintf(buf, size, "%s/templates", h->datadir);
        *label = "templates";
        return buf;
    }
    return NULL;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int hostp_module_exists(host *h, const char *name)
{
    char rel[512], buf[4096], path[4700];
    snprintf(rel, sizeof rel, "%s.lua", name);
    for (char *p = rel; *p && p < rel + strlen(name); p++)
        if (*p == '.')
            *p = '/';
    const char *dir, *label;
    for (int i = 0; (dir = search_dir(h, i, buf, sizeof buf, &label)); i++) {
        snprintf(path, sizeof path, "%s/%s", dir, rel);
        if (access(path, F_OK) == 0)
            return 1;
    }
    return 0;
}

#define TEMPLATE_SNIFF_BYTES 16384

/* Whether the file at PATH could be a template: a regular file whose
 * start mentions build (the journey's own folder holds other Lua too). */
static int looks_like_template(const char *path)
{
    char head[TEMPLATE_SNIFF_BYTES + 1];
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return 0;
    ssize_t got = fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
                      ? read(fd, head, TEMPLATE_SNIFF_BYTES) : -1;
    close(fd);
    if (got <= 0)
        return 0;
    head[got] = '\0';
    return strstr(head, "build") != NULL;
}

const char **hostp_template_names(host *h, arena *a, int *count)
{
    int n = 0, cap = 16;
    const char **names = arena_alloc(a, sizeof *names * (size_t)cap);
    char buf[4096];
    const char *dir, *label;
    for (int i = 0; (dir = search_dir(h, i, buf, sizeof buf, &label)); i++) {
        if (label && strcmp(label, "stdlib") == 0)
            continue;
        DIR *dp = opendir(dir);
        struct dirent *e;
        while (dp && (e = readdir(dp)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
                continue;
            char *name = arena_strndup(a, e->d_name, len - 4);
            int seen = !hostp_valid_module_name(name) || strchr(name, '.');
            if (!seen && dir == h->input_dir) {
                char path[4400];
                snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
                seen = !looks_like_template(path);
            }
            for (int k = 0; k < n && !seen; k++)
                seen = strcmp(names[k], name) == 0;
            if (seen)
                continue;
            if (n + 1 >= cap) {
                const char **g = arena_alloc(a, sizeof *g * (size_t)(cap *= 2));
                memcpy(g, names, sizeof *g * (size_t)n);
                names = g;
            }
            names[n++] = name;
        }
        if (dp)
            closedir(dp);
    }
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    *count = n;
    return names;
}

/* Find module NAME and push it loaded as a text chunk (not yet run);
 * raises when it is not found or cannot be read. */
static void load_module(lua_State *L, host *h, const char *name)
{
    char rel[512];
    size_t nlen = strlen(name);
    if (nlen + sizeof ".lua" > sizeof rel)
        luaL_error(L, "require: a module name of %d characters is longer than %d",
                   (int)nlen, (int)(sizeof rel - sizeof ".lua"));
    snprintf(rel, sizeof rel, "%s.lua", name);
    for (size_t k = 0; k < nlen; k++)
        if (rel[k] == '.')
            rel[k] = '/';
    char buf[4096], why[300];
    const char *dir, *label;
    for (int i = 0; (dir = search_dir(h, i, buf, sizeof buf, &label)); i++) {
        size_t len;
        fsin_status st;
        char *text = fsin_read_beneath(dir, rel, limit_bytes(LIM_FILE), &len, &st,
                                       why, sizeof why);
        if (!text && st == FSIN_NOT_FOUND)
            continue;
        if (!text)
            luaL_error(L, "require '%s': %s/%s %s", name, dir, rel, why);
        if (label)
            lua_pushfstring(L, "@%s/%s", label, rel);
        else
            lua_pushfstring(L, "@%s/%s", dir, rel);
        int status = luaL_loadbufferx(L, text, len, lua_tostring(L, -1), "t");
        free(text);
        lua_remove(L, -2);
        if (status != LUA_OK)
            lua_error(L);
        return;
    }
    luaL_error(L, "module '%s' not found (looked in stdlib/, the journey's "
               "folder, --templates folders and templates/)", name);
}

int hostp_require(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    if (!hostp_valid_module_name(name))
        return luaL_error(L, "require: invalid module name '%s'", name);
    lua_getfield(L, LUA_REGISTRYINDEX, LOADED_KEY);
    int loaded = lua_gettop(L);
    lua_getfield(L, loaded, name);
    if (lua_type(L, -1) == LUA_TLIGHTUSERDATA)
        return luaL_error(L, "require: module '%s' requires itself "
                          "(a require loop)", name);
    if (!lua_isnil(L, -1))
        return 1;
    lua_pop(L, 1);
    if (strcmp(name, "cjm.core") == 0) {
        open_core(L);
    } else {
        load_module(L, hostp_of(L), name);
        lua_pushlightuserdata(L, (void *)LOADED_KEY);  /* "loading" mark */
        lua_setfield(L, loaded, name);
        /* protected, so that a module that fails does not stay marked */
        lua_pushstring(L, name);
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
            lua_pushnil(L);
            lua_setfield(L, loaded, name);      /* not loading any more */
            return lua_error(L);
        }
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_pushboolean(L, 1);
        }
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, name);
    return 1;
}

/* ---- opening the sandbox ---------------------------------------------- */

static const luaL_Reg allowed_libs[] = {
    { LUA_GNAME, luaopen_base },
    { LUA_STRLIBNAME, luaopen_string },
    { LUA_TABLIBNAME, luaopen_table },
    { LUA_MATHLIBNAME, luaopen_math },
    { LUA_UTF8LIBNAME, luaopen_utf8 },
    { LUA_COLIBNAME, luaopen_coroutine },
    { NULL, NULL }
};

static const char *const removed_globals[] = {
    "dofile", "loadfile", "require", NULL
};

static const char *const os_allowed[] = { "time", "clock", "date", NULL };

/* Runs in protected mode: opening libraries allocates. */
static int open_sandbox(lua_State *L)
{
    host *h = hostp_of(L);
    for (const luaL_Reg *lib = allowed_libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    /* os: time, clock and date only */
    luaL_requiref(L, LUA_OSLIBNAME, luaopen_os, 0);
    lua_newtable(L);
    for (const char *const *k = os_allowed; *k; k++) {
        lua_getfield(L, -2, *k);
        lua_setfield(L, -2, *k);
    }
    lua_setglobal(L, LUA_OSLIBNAME);
    lua_pop(L, 1);

    for (const char *const *k = removed_globals; *k; k++) {
        lua_pushnil(L);
        lua_setglobal(L, *k);
    }
    lua_getglobal(L, "load");
    lua_pushcclosure(L, safe_load, 1);
    lua_setglobal(L, "load");
    lua_pushcfunction(L, safe_print);
    lua_setglobal(L, "print");
    lua_pushcfunction(L, hostp_require);
    lua_setglobal(L, "require");
    lua_getglobal(L, "collectgarbage");
    lua_pushcclosure(L, charged_gc, 1);
    lua_setglobal(L, "collectgarbage");

    lua_getglobal(L, LUA_COLIBNAME);
    for (int i = 0; i < 2; i++) {
        const char *ctor = i == 0 ? "create" : "wrap";
        lua_getfield(L, -1, ctor);
        lua_pushcclosure(L, charged_thread_ctor, 1);
        if (i == 1)
            lua_pushcclosure(L, counted_wrap, 1);
        lua_setfield(L, -2, ctor);
    }
    for (int i = 0; i < 2; i++) {
        const char *fn = i == 0 ? "resume" : "close";
        lua_getfield(L, -1, fn);
        lua_pushcclosure(L, nested_co_call, 1);
        lua_setfield(L, -2, fn);
    }
    lua_pop(L, 1);

    /* string.dump would hand out bytecode */
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);

    /* a reproducible math.random */
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_pushvalue(L, -1);
    lua_pushinteger(L, (lua_Integer)h->opt.seed);
    lua_call(L, 1, 0);
    lua_pushcclosure(L, safe_randomseed, 1);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);

    /* the string metatable cannot be read or replaced from scripts */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "the string metatable is locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    /* random generator objects */
    luaL_newmetatable(L, RNG_META);
    lua_pushcfunction(L, rng_call);
    lua_setfield(L, -2, "__call");
    luaL_newlib(L, rng_methods);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "cjm.random");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);

    /* registry tables: weak-keyed source marks, loaded modules */
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, MARKS_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LOADED_KEY);

    /* reading an undeclared global is an error with its name */
    lua_pushglobaltable(L);
    lua_newtable(L);
    lua_pushcfunction(L, strict_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
    return 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

host *host_new(const host_options *opt, diag_list *d)
{
    host *h = calloc(1, sizeof *h);
    if (!h) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory");
        d->internal = 1;
        return NULL;
    }
    h->d = d;
    h->opt = *opt;
    h->datadir = dup_or_null(opt->datadir ? opt->datadir : ".");
    h->input_dir = dup_or_null(opt->input_dir);
    h->template_dirs = calloc((size_t)opt->template_dir_count + 1,
                              sizeof *h->template_dirs);
    for (int i = 0; h->template_dirs && i < opt->template_dir_count; i++)
        h->template_dirs[i] = strdup(opt->template_dirs[i]);
    h->opt.template_dirs = NULL;
    if (h->opt.max_memory == 0)
        h->opt.max_memory = (size_t)512 << 20;
    if (h->opt.max_instructions <= 0)
        h->opt.max_instructions = 2000000000LL;

    h->L = lua_newstate(limited_alloc, h);
    if (!h->L || !h->template_dirs) {
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "cannot start Lua");
        d->internal = 1;
        host_free(h);
        return NULL;
    }
    lua_sethook(h->L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
    lua_pushcfunction(h->L, open_sandbox);
    if (hostp_call(h, 0, 0, "<sandbox>") < 0) {
        d->internal = 1;
        host_free(h);
        return NULL;
    }
    return h;
}

diag_list *host_swap_diag(host *h, diag_list *d)
{
    diag_list *old = h->d;
    h->d = d;
    return old;
}

void host_free(host *h)
{
    if (!h)
        return;
    if (h->L) {
        /* finalizers run here; the watchdog still guards them */
        host_enter(h);
        lua_close(h->L);
        host_leave(h);
    }
    for (int i = 0; h->template_dirs && h->template_dirs[i]; i++)
        free(h->template_dirs[i]);
    free(h->template_dirs);
    free(h->datadir);
    free(h->input_dir);
    free(h);
}

long long host_instructions(const host *h)
{
    return h->instructions;
}

/* ---- Lua values to nodes ---------------------------------------------- */

typedef struct conv {
    host *h;
    arena *a;
    const char *file;       /* the script, for messages */
    long nodes;
    int failed;
    int visiting;           /* stack index of the table-in-progress set */
    int marks;              /* stack index of the marks table */
    int allow_functions;
} conv;

static void conv_error(conv *cv, const node *at, const char *path,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void conv_error(conv *cv, const node *at, const char *path,
                       const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (at && at->file)
        diag_add(cv->h->d, DIAG_ERROR, at->file, at->line, at->col,
                 *path ? path : NULL, "%s", msg);
    else
        diag_add(cv->h->d, DIAG_ERROR, cv->file, 0, 0, *path ? path : NULL,
                 "%s", msg);
    cv->failed = 1;
}

/* Position recorded by core.mark / node_to_lua for the table at IDX. */
static void apply_mark(conv *cv, int idx, node *n)
{
    lua_State *L = cv->h->L;
    lua_pushvalue(L, idx);
    lua_rawget(L, cv->marks);
    const char *s = lua_tostring(L, -1);
    int line, col, off;
    if (s && sscanf(s, "%d:%d:%n", &line, &col, &off) == 2) {
        n->file = arena_strdup(cv->a, s + off);
        n->line = line;
        n->col = col;
    }
    lua_pop(L, 1);
}

static int cmp_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static node *to_node(conv *cv, int idx, char *path, size_t plen, int depth,
                     const node *parent);

/* The table at IDX as a SEQ or MAP.  Map keys are sorted: Lua's own order
 * depends on hashing, and output must not. */
static node *table_to_node(conv *cv, int idx, char *path, size_t plen,
                           int depth, const node *parent)
{
    lua_State *L = cv->h->L;
    node *n = node_new(cv->a, NODE_MAP, NULL, 0, 0);
    if (parent) {
        n->file = parent->file;
        n->line = parent->line;
        n->col = parent->col;
    } else {
        n->file = cv->file;
    }
    /* each level holds the table, a key, a value and scratch slots */
    if (!lua_checkstack(L, 8)) {
        conv_error(cv, n, path, "tables nested too deep for the Lua stack");
        return NULL;
    }
    apply_mark(cv, idx, n);
    if (depth >= limit_count(LIM_DEPTH)) {
        conv_error(cv, n, path, "tables nested deeper than %lld levels (raise it "
                   "with %s)", limit_count(LIM_DEPTH), limit_hint(LIM_DEPTH));
        cv->h->d->limit_hit = 1;
        return NULL;
    }
    lua_pushvalue(L, idx);
    lua_rawget(L, cv->visiting);
    int cyclic = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (cyclic) {
        conv_error(cv, n, path, "the table contains itself (a cycle); a "
                   "journey must be a tree of plain values");
        return NULL;
    }
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, cv->visiting);

    long ints = 0, strs = 0;
    lua_Integer max_int = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            strs++;
        } else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1) {
            ints++;
            if (lua_tointeger(L, -1) > max_int)
                max_int = lua_tointeger(L, -1);
        } else {
            lua_pop(L, 1);
            conv_error(cv, n, path, "table keys must be strings or list "
                       "positions 1..n, found a %s key",
                       lua_isnumber(L, -1) ? "non-positive or fractional"
                                           : luaL_typename(L, -1));
            goto done;
        }
    }
    if (ints && strs) {
        conv_error(cv, n, path, "the table mixes list items and named keys");
        goto done;
    }
    if (ints && max_int != ints) {
        conv_error(cv, n, path, "the list has holes (nil at some position "
                   "below %lld)", (long long)max_int);
        goto done;
    }
    if (ints) {
        n->kind = NODE_SEQ;
        for (lua_Integer i = 1; i <= max_int && !cv->failed; i++) {
            int w = snprintf(path + plen, 512 - plen, "[%lld]", (long long)i - 1);
            size_t nlen = plen + (size_t)(w > 0 ? w : 0);
            if (nlen >= 512)
                nlen = 511;
            lua_rawgeti(L, idx, i);
            node *child = to_node(cv, lua_gettop(L), path, nlen, depth + 1, n);
            lua_pop(L, 1);
            path[plen] = '\0';
            if (child)
                node_append(n, child);
        }
    } else if (strs) {
        const char **keys = arena_alloc(cv->a, sizeof *keys * (size_t)strs);
        long k = 0;
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            lua_pop(L, 1);
            size_t len;
            const char *s = lua_tolstring(L, -1, &len);
            keys[k++] = arena_strndup(cv->a, s, len);
        }
        qsort(keys, (size_t)strs, sizeof *keys, cmp_strings);
        for (long i = 0; i < strs && !cv->failed; i++) {
            int w = snprintf(path + plen, 512 - plen, "%s%s", plen ? "." : "",
                             keys[i]);
            size_t nlen = plen + (size_t)(w > 0 ? w : 0);
            if (nlen >= 512)
                nlen = 511;
            lua_pushstring(L, keys[i]);
            lua_rawget(L, idx);
            node *child = to_node(cv, lua_gettop(L), path, nlen, depth + 1, n);
            lua_pop(L, 1);
            path[plen] = '\0';
            if (child) {
                child->key = keys[i];
                child->key_line = child->line;
                child->key_col = child->col;
                node_append(n, child);
            }
        }
    } else {
        n->flags |= NODE_EMPTY_TABLE;
    }
done:
    lua_pushvalue(L, idx);
    lua_pushnil(L);
    lua_rawset(L, cv->visiting);
    return cv->failed ? NULL : n;
}

static node *to_node(conv *cv, int idx, char *path, size_t plen, int depth,
                     const node *parent)
{
    lua_State *L = cv->h->L;
    if (++cv->nodes > limit_count(LIM_NODES)) {
        if (!cv->failed)
            conv_error(cv, parent, path, "the journey has more than %lld "
                       "values (raise it with %s)", limit_count(LIM_NODES),
                       limit_hint(LIM_NODES));
        cv->h->d->limit_hit = 1;
        return NULL;
    }
    node *n;
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        n = node_new(cv->a, NODE_NULL, NULL, 0, 0);
        break;
    case LUA_TBOOLEAN:
        n = node_new_bool(cv->a, lua_toboolean(L, idx));
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            n = node_new_int(cv->a, (long long)lua_tointeger(L, idx));
        else
            n = node_new_float(cv->a, (double)lua_tonumber(L, idx));
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        long bad = textcheck_utf8(s, len);
        if (bad >= 0) {
            conv_error(cv, parent, path, "text is not valid UTF-8 (byte 0x%02X at "
                       "offset %ld)", (unsigned)(unsigned char)s[bad], bad);
            return NULL;
        }
        n = node_new_str(cv->a, s, len);
        break;
    }
    case LUA_TTABLE:
        return table_to_node(cv, idx, path, plen, depth, parent);
    default:
        conv_error(cv, parent, path, "a %s cannot be part of a journey "
                   "(only tables, strings, numbers and booleans)",
                   luaL_typename(L, idx));
        return NULL;
    }
    if (parent) {
        n->file = parent->file;
        n->line = parent->line;
        n->col = parent->col;
    }
    return n;
}

typedef struct convert_call {
    conv *cv;
    node *result;
} convert_call;

/* Runs in protected mode with the value at index 2. */
static int convert_entry(lua_State *L)
{
    convert_call *cc = lua_touserdata(L, 1);
    conv *cv = cc->cv;
    lua_newtable(L);
    cv->visiting = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, MARKS_KEY);
    cv->marks = lua_gettop(L);
    char path[512] = "";
    cc->result = to_node(cv, 2, path, 0, 0, NULL);
    return 0;
}

/* Convert the value on top of the stack (popped) into a node tree. */
node *hostp_to_node(host *h, arena *a, const char *file)
{
    lua_State *L = h->L;
    conv cv = { h, a, arena_strdup(a, file), 0, 0, 0, 0, 0 };
    convert_call cc = { &cv, NULL };
    lua_pushcfunction(L, convert_entry);
    lua_pushlightuserdata(L, &cc);
    lua_rotate(L, -3, 2);           /* fn, ud, value */
    if (hostp_call(h, 2, 0, file) < 0)
        return NULL;
    return cv.failed ? NULL : cc.result;
}

/* ---- nodes to Lua values ---------------------------------------------- */

static void push_node(lua_State *L, const node *n, int marks)
{
    switch (n->kind) {
    case NODE_NULL:
        lua_pushnil(L);
        return;
    case NODE_BOOL:
        lua_pushboolean(L, n->v.boolean);
        return;
    case NODE_INT:
        lua_pushinteger(L, (lua_Integer)n->v.integer);
        return;
    case NODE_FLOAT:
        lua_pushnumber(L, n->v.number);
        return;
    case NODE_STR:
        lua_pushlstring(L, n->v.str.s, n->v.str.len);
        return;
    case NODE_SEQ:
    case NODE_MAP:
        break;
    }
    luaL_checkstack(L, 6, "document too deep");
    lua_createtable(L, n->kind == NODE_SEQ ? n->count : 0,
                    n->kind == NODE_MAP ? n->count : 0);
    int i = 1;
    for (const node *c = n->first; c; c = c->next) {
        push_node(L, c, marks);
        if (n->kind == NODE_SEQ)
            lua_rawseti(L, -2, i++);
        else
            lua_setfield(L, -2, c->key);
    }
    if (n->file && n->line) {
        lua_pushvalue(L, -1);
        lua_pushfstring(L, "%d:%d:%s", n->line, n->col, n->file);
        lua_rawset(L, marks);
    }
}

typedef struct push_call {
    const node *n;
} push_call;

static int push_entry(lua_State *L)
{
    push_call *pc = lua_touserdata(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, MARKS_KEY);
    push_node(L, pc->n, lua_gettop(L));
    return 1;
}

/* Push N as a Lua value; -1 after reporting (memory limit). */
int hostp_push(host *h, const node *n, const char *file)
{
    push_call pc = { n };
    lua_pushcfunction(h->L, push_entry);
    lua_pushlightuserdata(h->L, &pc);
    return hostp_call(h, 1, 1, file);
}

/* Run cjm.resolve_scenarios on the journey table on top of the stack
 * (left in place): function scenarios become journeys. */
int hostp_resolve_scenarios(host *h, const char *file)
{
    lua_State *L = h->L;
    int t = lua_gettop(L);
    lua_pushliteral(L, "scenarios");
    lua_rawget(L, t);
    int has = lua_type(L, -1) == LUA_TTABLE;
    lua_pop(L, 1);
    if (!has)
        return 0;
    lua_pushcfunction(L, hostp_require);
    lua_pushliteral(L, "cjm");
    if (hostp_call(h, 1, 1, file) < 0)
        return -1;
    lua_getfield(L, -1, "resolve_scenarios");
    lua_remove(L, -2);
    lua_pushvalue(L, t);
    if (hostp_call(h, 1, 0, file) < 0)
        return -1;
    return 0;
}

/* ---- running scripts -------------------------------------------------- */

node *host_run_file(host *h, arena *a, const char *path)
{
    size_t len;
    char *text = fsin_read(path, limit_bytes(LIM_FILE), &len, h->d);
    if (!text)
        return NULL;
    diag_add_source(h->d, path, text, len);
    node *n = host_run_text(h, a, path, text, len);
    free(text);
    return n;
}

/* Run the chunk TEXT named PATH, leaving its one result on the stack;
 * -1 after reporting. */
static int run_chunk(host *h, const char *path, const char *text, size_t len)
{
    lua_State *L = h->L;
    char chunk[4200];
    snprintf(chunk, sizeof chunk, "@%s", path);
    int status = luaL_loadbufferx(L, text, len, chunk, "t");
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM && h->killed == KILL_NONE)
            h->killed = KILL_MEMORY;
        report_lua_error(h, path);
        lua_pop(L, 1);
        return -1;
    }
    return hostp_call(h, 0, 1, path);
}

node *host_run_scenarios(host *h, arena *a, const char *path, const node *journey)
{
    lua_State *L = h->L;
    int top = lua_gettop(L);
    size_t len;
    char *text = fsin_read(path, limit_bytes(LIM_FILE), &len, h->d);
    if (!text)
        return NULL;
    diag_add_source(h->d, path, text, len);
    int rc = run_chunk(h, path, text, len);
    free(text);
    if (rc < 0)
        return NULL;
    node *out = NULL;
    if (lua_type(L, -1) == LUA_TTABLE) {
        if (lua_getfield(L, -1, "scenarios") == LUA_TTABLE)
            lua_remove(L, -2);      /* { scenarios = list }: the list */
        else
            lua_pop(L, 1);
    }
    if (lua_type(L, -1) != LUA_TTABLE) {
        diag_add(h->d, DIAG_ERROR, path, 0, 0, NULL, "a scenario file returns a list of "
                 "scenarios, or a table with a `scenarios` list");
        goto done;
    }
    /* the journey with these scenarios, so each apply sees all of it */
    if (hostp_push(h, journey, path) < 0)
        goto done;
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "scenarios");
    if (hostp_resolve_scenarios(h, path) < 0)
        goto done;
    lua_getfield(L, -1, "scenarios");
    out = hostp_to_node(h, a, path);
done:
    lua_settop(L, top);
    return out;
}

/* Whether the table on top of the stack is a template (a build function,
 * no phases) rather than a journey. */
static int returned_template(lua_State *L)
{
    lua_getfield(L, -1, "build");
    lua_getfield(L, -2, "phases");
    int is = lua_type(L, -2) == LUA_TFUNCTION && lua_isnil(L, -1);
    lua_pop(L, 2);
    return is;
}

/* A script that returns a template stands for a journey made by it with
 * its defaults: `template: NAME`, NAME the file's name (the template is
 * found beside it).  Pops the table. */
static node *template_document(host *h, arena *a, const char *path)
{
    lua_pop(h->L, 1);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    char *name = arena_strndup(a, base, len > 4 ? len - 4 : len);
    if (!hostp_valid_module_name(name) || strchr(name, '.')) {
        diag_add(h->d, DIAG_ERROR, path, 0, 0, NULL, "the script returns a template, but its "
                 "file name is not a template name (letters, digits, _ and -)");
        return NULL;
    }
    node *doc = node_new(a, NODE_MAP, path, 1, 1);
    node *t = node_new_str(a, name, strlen(name));
    t->file = path, t->line = 1, t->col = 1;
    node_map_put(a, doc, "template", t);
    return doc;
}

node *host_run_text(host *h, arena *a, const char *path, const char *text, size_t len)
{
    lua_State *L = h->L;
    if (run_chunk(h, path, text, len) < 0)
        return NULL;
    if (lua_type(L, -1) == LUA_TTABLE && hostp_resolve_scenarios(h, path) < 0)
        return NULL;
    if (lua_type(L, -1) != LUA_TTABLE) {
        diag_add(h->d, DIAG_ERROR, path, 0, 0, NULL, "the script returned %s%s; "
                 "it must return a journey table (return cjm.journey{...})",
                 lua_isnil(L, -1) ? "nothing" : "a ",
                 lua_isnil(L, -1) ? "" : luaL_typename(L, -1));
        lua_pop(L, 1);
        return NULL;
    }
    if (returned_template(L))
        return template_document(h, a, path);
    return hostp_to_node(h, a, path);
}

