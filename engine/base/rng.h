/*
 * rng.h — xoshiro256** seeded through splitmix64.
 *
 * The one random generator of cjm: templates draw from it (ctx.random) and
 * the simulator gives each block of journeys its own stream derived from
 * (seed, block).  Same seed, same numbers, on every machine.
 */
#ifndef CJM_RNG_H
#define CJM_RNG_H

#include <stdint.h>

typedef struct rng { uint64_t s[4]; } rng;

/* Seed from SEED and a STREAM number (a block index; 0 for one stream). */
void rng_seed(rng *r, uint64_t seed, uint64_t stream);

/* The same in two steps, for seeding many streams of one seed quickly:
 * rng_seed(r, seed, stream) == rng_seed_base(r, rng_base(seed), stream). */
uint64_t rng_base(uint64_t seed);
void rng_seed_base(rng *r, uint64_t base, uint64_t stream);

/* Next 64 random bits. */
static inline uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t x = s[1] * 5;
    uint64_t result = ((x << 7) | (x >> 57)) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return result;
}

/* Uniform double in [0, 1) with 53 random bits. */
static inline double rng_double(rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* Uniform integer in [0, N) without modulo bias; N > 0. */
uint64_t rng_below(rng *r, uint64_t n);

#endif
