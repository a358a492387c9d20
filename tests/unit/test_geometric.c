/*
 * test_geometric.c — the Monte Carlo engine's geometric draw (alias table,
 * or inversion where the tail is likely) against the exact distribution:
 * a chi-square test per daily chance, from tiny to all but certain.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim/geometric.h"

/* The chi-square statistic's critical value for DF degrees of freedom at
 * the 0.1% level (Wilson–Hilferty). */
static double chi2_critical(int df)
{
    double z = 3.0902, k = 2.0 / (9.0 * df);
    return df * pow(1 - k + z * sqrt(k), 3);
}

/* N draws of chance P, binned by G = 1, 2, ... while a bin expects at
 * least 20, the rest in one: the statistic must stay under the critical
 * value, and the mean near 1 / P. */
static void check_chance(double p, long n)
{
    geo g;
    geo_init(&g, p);
    rng r;
    rng_seed(&r, 12345, (uint64_t)(p * 1e9));
    int bins = 1;
    while (n * pow(1 - p, bins) * p >= 20 && bins < 100000)
        bins++;
    /* bins - 1 single values (G = 1 .. bins - 1), then G >= bins */
    long *seen = calloc((size_t)bins, sizeof *seen);
    assert_non_null(seen);
    double sum = 0;
    for (long i = 0; i < n; i++) {
        long long d = geo_draw(&g, &r);
        assert_true(d >= 1);
        sum += (double)d;
        seen[d < bins ? d - 1 : bins - 1]++;
    }
    double chi2 = 0;
    for (int b = 0; b < bins; b++) {
        double expect = b < bins - 1 ? n * pow(1 - p, b) * p : n * pow(1 - p, bins - 1);
        chi2 += (seen[b] - expect) * (seen[b] - expect) / expect;
    }
    int df = bins - 1 > 0 ? bins - 1 : 1;
    double mean = sum / n, sd = sqrt(1 - p) / p / sqrt((double)n);
    print_message("p = %g: %s, %d bins, chi2 %.1f (critical %.1f), mean %.4f (1/p %.4f)\n",
                  p, g.table ? "alias table" : "inversion", bins, chi2, chi2_critical(df),
                  mean, 1 / p);
    if (bins > 1)
        assert_true(chi2 < chi2_critical(df));
    assert_true(fabs(mean - 1 / p) < 5 * sd + 1e-12);
    free(seen);
}

static void test_small_chances(void **state)
{
    (void)state;
    check_chance(1e-4, 400000);     /* inversion */
    check_chance(0.005, 400000);    /* inversion */
    check_chance(0.0110, 400000);   /* the table, its tail most likely */
}

static void test_middle_chances(void **state)
{
    (void)state;
    check_chance(0.02, 400000);
    check_chance(0.12, 400000);
    check_chance(0.5, 400000);
}

static void test_near_one(void **state)
{
    (void)state;
    check_chance(0.9, 400000);
    check_chance(0.999, 400000);
    check_chance(1 - 1e-9, 400000);
}

/* The table is used where its tail is at most a half, else inversion. */
static void test_method_choice(void **state)
{
    (void)state;
    geo g;
    geo_init(&g, 0.0109);
    assert_false(g.table);
    geo_init(&g, 0.0110);
    assert_true(g.table);
    geo_init(&g, 1);
    rng r;
    rng_seed(&r, 1, 0);
    assert_int_equal(geo_draw(&g, &r), 1);
    geo_init(&g, 0);
    assert_true(geo_draw(&g, &r) >= (long long)1e15);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_chances),
        cmocka_unit_test(test_middle_chances),
        cmocka_unit_test(test_near_one),
        cmocka_unit_test(test_method_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
