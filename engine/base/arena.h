/*
 * arena.h — a bump allocator for everything that lives as long as one run:
 * document nodes, model structs, strings.  Nothing is freed piecemeal; the
 * owner calls arena_free() once.  Allocation failure aborts the program
 * with a message (exit 3), because every caller would otherwise have to
 * unwind through a half-built model for a condition we cannot recover from.
 */
#ifndef CJM_ARENA_H
#define CJM_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;      /* newest chunk first */
    size_t used_total;      /* bytes handed out, for statistics */
} arena;

/* Initialise an empty arena (no allocation happens until first use). */
void arena_init(arena *a);

/* Release every chunk.  The arena may be reused after arena_init. */
void arena_free(arena *a);

/* Zeroed memory of SIZE bytes, aligned for any object.  Never NULL. */
void *arena_alloc(arena *a, size_t size);

/* Copy of LEN bytes of S with a terminating NUL.  Never NULL. */
char *arena_strndup(arena *a, const char *s, size_t len);

/* Copy of the NUL-terminated S; NULL stays NULL. */
char *arena_strdup(arena *a, const char *s);

/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
