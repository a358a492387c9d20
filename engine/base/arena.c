/*
 * arena.c — bump allocation in chunks; see arena.h for the contract.
 */
#include "base/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsout.h"
#include "base/hugemem.h"

#define ARENA_CHUNK_MIN (64 * 1024)
#define ARENA_CHUNK_MAX (4 * 1024 * 1024)
#define ARENA_ALIGN 16
/* Chunks this large are mapped in huge pages (hugemem.h). */
#define ARENA_HUGE HUGEMEM_PAGE

struct arena_chunk {
    arena_chunk *next;
    size_t size;        /* usable bytes in data[] */
    size_t used;
    size_t mapped;      /* bytes mapped for it (then munmap), or 0 (free) */
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a)
{
    a->head = NULL;
    a->used_total = 0;
}

void arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        if (c->mapped)
            hugemem_unmap(c, c->mapped);
        else
            free(c);
        c = next;
    }
    a->head = NULL;
    a->used_total = 0;
}

/* A zeroed chunk of at least *WANT usable bytes (*WANT is set to what it
 * has). */
static arena_chunk *new_chunk(size_t *want)
{
    arena_chunk *c = NULL;
    if (*want >= ARENA_HUGE) {
        size_t size = sizeof *c + *want;
        c = hugemem_map(&size);
        if (c) {
            c->mapped = size;
            *want = size - sizeof *c;
            return c;
        }
    }
    c = calloc(1, sizeof *c + *want);
    if (!c)
        fsout_fatal("out of memory");
    return c;
}

void *arena_alloc(arena *a, size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded == 0)
        rounded = ARENA_ALIGN;
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < rounded) {
        /* chunks grow with the arena (fewer, larger ones for a large
         * journey); calloc gives zeroed memory, often without writing it
         * (fresh pages), so allocations need no memset of their own */
        size_t want = a->used_total / 8 > ARENA_CHUNK_MIN ? a->used_total / 8 : ARENA_CHUNK_MIN;
        if (want > ARENA_CHUNK_MAX)
            want = ARENA_CHUNK_MAX;
        if (want < rounded)
            want = rounded;
        c = new_chunk(&want);
        c->size = want;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += rounded;
    a->used_total += rounded;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    /* one pass when the text fits on the stack (most do: refs, labels),
     * two passes only for longer ones */
    char small[256];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    if ((size_t)n < sizeof small)
        memcpy(p, small, (size_t)n + 1);
    else
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}
