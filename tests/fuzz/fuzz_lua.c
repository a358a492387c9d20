/*
 * fuzz_lua.c — libFuzzer target: arbitrary bytes as a Lua journey script
 * run in the sandbox (tight limits: 5e5 instructions, 32 MB), its result
 * converted, checked, built and validated.  Whatever the script does, the
 * host must report or succeed, never crash or leak.
 *
 * A few library calls can run without bound inside C, where no hook
 * fires; in cjm the wall-clock watchdog ends those, which would end the
 * fuzzer too.  The prelude below (part of this harness, not of cjm) keeps
 * them short: pattern functions on short subjects and simple patterns,
 * string.rep (results up to 4 KB: one instruction, however much it
 * copies) and table.move within sizes, and no __gc finalizers (hooks
 * are off while those run).  Concatenation copies too, so the budget is
 * small: a loop concatenating 4 KB strings at every step stays within a
 * few seconds under ASan (a 2e6 budget took 8 s and timed out the fuzzer
 * on a busy machine).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lua/host.h"
#include "model/model.h"
#include "doc/textcheck.h"
#include "model/validate.h"

#ifndef FUZZ_DATADIR
#define FUZZ_DATADIR "."
#endif

static const char prelude[] =
    "do local find, match, gmatch, gsub, rep, move, setmt = string.find, "
    "string.match, string.gmatch, string.gsub, string.rep, table.move, setmetatable "
    "local function guard(s, p) if type(s) == 'string' and #s > 48 then "
    "error('fuzz: subject too long', 3) end if type(p) == 'string' then "
    "local _, q = gsub(p, '[%*%+%-%?]', '') if q > 2 or #p > 32 then "
    "error('fuzz: pattern too costly', 3) end end end "
    "string.find = function(s, p, ...) guard(s, p) return find(s, p, ...) end "
    "string.match = function(s, p, ...) guard(s, p) return match(s, p, ...) end "
    "string.gmatch = function(s, p, ...) guard(s, p) return gmatch(s, p, ...) end "
    "string.gsub = function(s, p, ...) guard(s, p) return gsub(s, p, ...) end "
    "string.rep = function(s, n, ...) if type(n) == 'number' and (n > 1e6 or "
    "(type(s) == 'string' and #s * n > 4096)) then "
    "error('fuzz: rep too long', 2) end return rep(s, n, ...) end "
    "table.move = function(a, f, e, ...) if type(f) == 'number' and type(e) == 'number' "
    "and e - f > 1e5 then error('fuzz: move too long', 2) end return move(a, f, e, ...) end "
    "setmetatable = function(t, mt) if type(mt) == 'table' and rawget(mt, '__gc') ~= nil "
    "then error('fuzz: no __gc', 2) end return setmt(t, mt) end end ";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    size_t plen = sizeof prelude - 1;
    char *text = malloc(plen + size);
    if (!text)
        return 0;
    memcpy(text, prelude, plen);
    memcpy(text + plen, data, size);
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    const char *home = getenv("CJM_HOME");
    host_options opt = { .datadir = home ? home : FUZZ_DATADIR, .seed = 1,
                         .max_instructions = 500000, .max_memory = (size_t)32 << 20 };
    host *h = host_new(&opt, &d);
    if (h) {
        node *root = host_run_text(h, &a, "fuzz.lua", text, plen + size);
        if (root && textcheck_tree(root, &d) == 0) {
            cjm_journey *j = model_build(&a, root, &d);
            val_journey(&a, j, &d);
        }
        host_free(h);
    }
    free(text);
    diag_free(&d);
    arena_free(&a);
    return 0;
}
