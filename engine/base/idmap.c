/*
 * idmap.c — see idmap.h.  Word-at-a-time hashing, linear probing, at most half
 * full, so a lookup reads one or two slots on average.
 */
#include "base/idmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Eight bytes at a time, mixed by multiplication, then murmur3's
 * finalizer so that every byte reaches the low bits the table uses (FNV-1a
 * byte by byte was a tenth of attribution's time). */
unsigned idmap_hash(const char *s, size_t len)
{
    uint64_t h = (uint64_t)len * 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    /* the last 0..7 bytes in two reads that may overlap, as wyhash does
     * (a hash need not be one to one: the table compares the keys) */
    const unsigned char *p = (const unsigned char *)s + i;
    size_t rem = len - i;
    uint64_t w = 0;
    if (rem >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, p, 4);
        memcpy(&hi, p + rem - 4, 4);
        w = (uint64_t)lo << 32 | hi;
    } else if (rem) {
        w = (uint64_t)p[0] << 16 | (uint64_t)p[rem >> 1] << 8 | p[rem - 1];
    }
    h ^= w;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return (unsigned)h;
}

static unsigned hash(const char *s)
{
    return idmap_hash(s, strlen(s));
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
