/*
 * idmap.c — see idmap.h.  FNV-1a hashing, linear probing, at most half
 * full, so a lookup reads one or two slots on average.
 */
#include "base/idmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

unsigned idmap_hash(const char *s, size_t len)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

int idmap_find_hashed(const idmap *m, const char *key, size_t len, unsigned h)
{
    if (!key || !m->keys)
        return -1;
    for (unsigned i = h & m->mask; m->keys[i]; i = (i + 1) & m->mask)
        if (strncmp(m->keys[i], key, len) == 0 && m->keys[i][len] == '\0')
            return m->values[i];
    return -1;
}

void idmap_init(idmap *m, arena *a, int capacity)
{
    unsigned slots = 8;
    while (slots < 2u * (unsigned)(capacity > 0 ? capacity : 0) + 2u)
        slots *= 2;
    m->keys = arena_alloc(a, sizeof *m->keys * slots);
    m->values = arena_alloc(a, sizeof *m->values * slots);
    m->mask = slots - 1;
    m->count = 0;
}

int idmap_add(idmap *m, const char *key, int value)
{
    if (!key)
        return -1;
    if ((unsigned)m->count * 2u + 2u > m->mask + 1u) {
        fprintf(stderr, "cjm: internal error: idmap over its capacity\n");
        abort();
    }
    for (unsigned i = hash(key) & m->mask;; i = (i + 1) & m->mask) {
        if (!m->keys[i]) {
            m->keys[i] = key;
            m->values[i] = value;
            m->count++;
            return -1;
        }
        if (strcmp(m->keys[i], key) == 0)
            return m->values[i];
    }
}

int idmap_add_grow(idmap *m, arena *a, const char *key, int value)
{
    if (!m->keys || (unsigned)m->count * 2u + 2u > m->mask + 1u) {
        idmap bigger;
        idmap_init(&bigger, a, m->count * 2 + 8);
        for (unsigned i = 0; m->keys && i <= m->mask; i++)
            if (m->keys[i])
                idmap_add(&bigger, m->keys[i], m->values[i]);
        *m = bigger;
    }
    return idmap_add(m, key, value);
}

int idmap_find(const idmap *m, const char *key)
{
    if (!key || !m->keys)
        return -1;
    for (unsigned i = hash(key) & m->mask; m->keys[i]; i = (i + 1) & m->mask)
        if (strcmp(m->keys[i], key) == 0)
            return m->values[i];
    return -1;
}
