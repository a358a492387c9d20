/*
 * rng.c — seeding and bounded draws; the generator itself is inline.
 */
#include "base/rng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t rng_base(uint64_t seed)
{
    uint64_t x = seed;
    return splitmix64(&x);
}

void rng_seed_base(rng *r, uint64_t base, uint64_t stream)
{
    /* Mix the stream into the seed's base through splitmix64 so that
     * neighbouring (seed, stream) pairs give unrelated states. */
    uint64_t x = base ^ (stream * 0xD1B54A32D192ED03ull);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
    if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3]))
        r->s[0] = 1;
}

void rng_seed(rng *r, uint64_t seed, uint64_t stream)
{
    rng_seed_base(r, rng_base(seed), stream);
}

uint64_t rng_below(rng *r, uint64_t n)
{
    /* Reject the top sliver that would bias the modulo. */
    uint64_t limit = -n % n;        /* (2^64 - n) mod n */
    for (;;) {
        uint64_t x = rng_next(r);
        if (x >= limit)
            return x % n;
    }
}
