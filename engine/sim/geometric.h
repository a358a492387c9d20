/*
 * geometric.h — the Monte Carlo engine's draw of how many days a journey
 * stays: G >= 1 with P(G = g) = (1 - p)^(g - 1) p, the day of the first
 * success of a daily chance p.
 *
 * Exact in distribution without a log per draw: Walker's alias method on
 * a table of the first GEO_COLUMNS - 1 outcomes and the tail G >= 64.  One
 * 64-bit draw picks a column (its top 6 bits) and decides between the
 * column and its alias (its low 53 bits); the tail, since G is memoryless,
 * adds 63 days and draws again.  Where the tail is likely (p under about
 * 1.1%), the table would loop, and the draw inverts the distribution with
 * one log instead: floor(log(u) / log(1 - p)) + 1.
 */
#ifndef CJM_GEOMETRIC_H
#define CJM_GEOMETRIC_H

#include <math.h>
#include <stdint.h>

#include "base/rng.h"

#define GEO_COLUMNS 64

typedef struct geo {
    double p;
    double log_stay;            /* log(1 - p), for the inversion */
    int table;                  /* whether the alias table is used */
    double keep[GEO_COLUMNS];   /* column c keeps itself when u < keep[c] */
    uint8_t alias[GEO_COLUMNS];
} geo;

/* The table for daily chance P (0 < P <= 1; P <= 0 never succeeds). */
void geo_init(geo *g, double p);

/* A draw of G; 10^15 stands for never. */
static inline long long geo_draw(const geo *g, rng *r)
{
    if (g->table) {
        long long days = 0;
        for (;;) {
            uint64_t x = rng_next(r);
            unsigned c = (unsigned)(x >> 58);
            double u = (double)(x & ((UINT64_C(1) << 53) - 1)) * 0x1.0p-53;
            unsigned k = u < g->keep[c] ? c : g->alias[c];
            if (k < GEO_COLUMNS - 1)
                return days + k + 1;
            days += GEO_COLUMNS - 1;
            if (days > (long long)1e15)
                return (long long)1e15;
        }
    }
    if (g->p >= 1)
        return 1;
    if (g->p <= 0)
        return (long long)1e15;
    double u = 1.0 - rng_double(r);        /* (0, 1] */
    double d = floor(log(u) / g->log_stay);
    return d > 1e15 ? (long long)1e15 : (long long)d + 1;
}

#endif
