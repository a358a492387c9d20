/*
 * ref_sim.c — the measuring stick for the Monte Carlo engine: the tightest
 * plain day-by-day loop over the same 7-phase chain as bench_sim.yaml,
 * with the same generator (xoshiro256**).  Prints journey-days a second.
 * usage: ref_sim JOURNEYS
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t s[4] = { 0x9E3779B97F4A7C15ull, 0xBF58476D1CE4E5B9ull,
                         0x94D049BB133111EBull, 0x2545F4914F6CDD1Dull };

static inline uint64_t next(void)
{
    uint64_t x = s[1] * 5, result = ((x << 7) | (x >> 57)) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return result;
}

static inline double u01(void) { return (double)(next() >> 11) * 0x1.0p-53; }

int main(int argc, char **argv)
{
    long long n = argc > 1 ? atoll(argv[1]) : 1000000;
    static const double adv[7] = { 0.10, 0.08, 0.07, 0.25, 0.15, 0.06, 0.03 };
    static const double drop[7] = { 0.02, 0.02, 0.02, 0.01, 0.01, 0.01, 0.005 };
    static const double gate[4] = { 0.9, 0.8, 0.85, 0.9 };
    long long steps = 0, converted = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long long j = 0; j < n; j++) {
        int ph = 0;
        for (int t = 1; t <= 365; t++) {
            steps++;
            double u = u01();
            if (u < drop[ph])
                break;
            if (u < drop[ph] + adv[ph]) {
                int ok = 1;
                if (ph == 3)
                    for (int g = 0; g < 4 && ok; g++)
                        ok = u01() < gate[g];
                if (ok && ++ph == 7) {
                    converted++;
                    break;
                }
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double sec = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%.0f %lld %.6f\n", steps / sec, steps, (double)converted / n);
    return 0;
}
