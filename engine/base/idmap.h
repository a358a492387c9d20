/*
 * idmap.h — ids to indexes in constant time: an open-addressing hash table
 * in an arena, built once for a list of ids (personas, phases, cards ...)
 * and then only read.  Keys are borrowed, not copied: they must live as
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

/* The value of KEY, or -1 when absent (or KEY is NULL). */
int idmap_find(const idmap *m, const char *key);

#endif
