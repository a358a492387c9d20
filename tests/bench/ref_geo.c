/*
 * ref_geo.c — the measuring stick for the Monte Carlo engine's cost per
 * journey: the plainest C program of the engine's method on the chain of
 * bench_sim.yaml.  Per journey: its own xoshiro256** stream, and per
 * visit to a phase one geometric draw of the days there (the engine's
 * alias table, sim/geometric.h) and one draw of the way out (drop or
 * advance through the approval chain); the same figures the engine
 * counts (conversions and their days by day and by batch of journeys;
 * per phase entries, journeys that entered, days and their per-journey
 * squares, drops and moves on).  make bench runs it and `cjm simulate` under
 * callgrind at two journey counts; the difference over the difference in
 * journeys is instructions per journey.
 * usage: ref_geo JOURNEYS
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/rng.h"
#include "sim/geometric.h"

#define PHASES 7
#define HORIZON 365

int main(int argc, char **argv)
{
    long long n = argc > 1 ? atoll(argv[1]) : 1000000;
    static const double adv[PHASES] = { 0.10, 0.08, 0.07, 0.25, 0.15, 0.06, 0.03 };
    static const double drop[PHASES] = { 0.02, 0.02, 0.02, 0.01, 0.01, 0.01, 0.005 };
    double approve[PHASES] = { 1, 1, 1, 0.9 * 0.8 * 0.85 * 0.9, 1, 1, 1 };
    double leave[PHASES];
    geo stay[PHASES];
    for (int i = 0; i < PHASES; i++) {
        leave[i] = drop[i] + adv[i] * approve[i];
        geo_init(&stay[i], leave[i]);
    }
    long long converted = 0, dropped = 0, conv_days = 0, conv_sq = 0;
    long long visits[PHASES] = { 0 }, days[PHASES] = { 0 }, days_sq[PHASES] = { 0 };
    long long reached[PHASES] = { 0 }, dropped_in[PHASES] = { 0 }, moved_on[PHASES] = { 0 };
    long long batch_n[32] = { 0 }, batch_conv[32] = { 0 }, batch_days[32] = { 0 };
    long long *convert_day = calloc(HORIZON + 1, sizeof *convert_day);
    uint64_t base = rng_base(1);
    rng r;
    for (long long j = 0; j < n; j++) {
        rng_seed_base(&r, base, (uint64_t)j);
        long long t = 0, here[PHASES] = { 0 };
        int i = 0;
        visits[0]++;
        for (;;) {
            long long d = geo_draw(&stay[i], &r);
            if (t + d > HORIZON) {
                here[i] += HORIZON - t;
                break;
            }
            t += d;
            here[i] += d;
            if (rng_double(&r) * leave[i] < drop[i]) {
                dropped++;
                dropped_in[i]++;
                break;
            }
            moved_on[i]++;
            if (++i == PHASES) {
                int b = (int)(j * 32 / n);
                converted++;
                convert_day[t]++;
                conv_days += t;
                conv_sq += t * t;
                batch_conv[b]++;
                batch_days[b] += t;
                break;
            }
            visits[i]++;
        }
        batch_n[j * 32 / n]++;
        for (int k = 0; k < PHASES; k++) {
            reached[k] += here[k] > 0;
            days[k] += here[k];
            days_sq[k] += here[k] * here[k];
        }
    }
    printf("%lld journeys: converted %lld, dropped %lld, mean days to convert %.3f, "
           "days in the first phase %lld, entries into the last %lld (%lld)\n", n, converted,
           dropped, converted ? (double)conv_days / converted : 0, days[0], visits[PHASES - 1],
           days_sq[0] + conv_sq + convert_day[HORIZON] + reached[1] + dropped_in[2]
           + moved_on[3] + batch_n[0] + batch_conv[1] + batch_days[2]);
    free(convert_day);
    return 0;
}
