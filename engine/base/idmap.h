/*
 * idmap.h — ids to indexes in constant time: an open-addressing hash table
 * in an arena, built once for a list of ids (personas, phases, cards ...)
 * and then only read, or grown as keys come (idmap_add_grow).  Keys are borrowed, not copied: they must live as
 * long as the map.
 */
#ifndef CJM_IDMAP_H
#define CJM_IDMAP_H

#include "base/arena.h"

typedef struct idmap {
    const char **keys;      /* NULL: an empty slot */
    int *values;
    unsigned mask;          /* slots - 1 (a power of two), 0 when unused */
    int count;
} idmap;

/* An empty map with room for CAPACITY keys, in A. */
void idmap_init(idmap *m, arena *a, int capacity);

/* Map KEY to VALUE unless it is there already; returns the value it had
 * (and keeps it), or -1 when KEY is new.  Adding more keys than the
 * capacity given to idmap_init is a programming error (aborts). */
int idmap_add(idmap *m, const char *key, int value);

/* The same for a map that grows: rehashed into A when full. */
int idmap_add_grow(idmap *m, arena *a, const char *key, int value);

/* The value of KEY, or -1 when absent (or KEY is NULL). */
int idmap_find(const idmap *m, const char *key);

/* The hash idmap uses, of LEN bytes at S; and a lookup of KEY (LEN bytes,
 * NUL-terminated) by its hash H, for a caller that hashed it while
 * scanning it anyway. */
unsigned idmap_hash(const char *s, size_t len);
int idmap_find_hashed(const idmap *m, const char *key, size_t len, unsigned h);

#endif
