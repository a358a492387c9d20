/*
 * dynlib.c — see dynlib.h.
 */
#include "base/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>

void *dynlib_open(const char *soname, char *why, size_t whysize)
{
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(why, whysize, "cannot load %s (%s)", soname, e ? e : "not found");
    }
    return lib;
}

void *dynlib_sym(void *lib, const char *name, char *why, size_t whysize)
{
    dlerror();
    void *p = dlsym(lib, name);
    if (!p) {
        const char *e = dlerror();
        snprintf(why, whysize, "%s lacks %s (%s)", "the library", name,
                 e ? e : "no such function");
    }
    return p;
}
