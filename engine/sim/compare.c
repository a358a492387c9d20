/*
 * compare.c — comparing simulation results: means, and paired intervals
 * for the difference of two Monte Carlo runs; see sim.h.
 */
#include "sim/sim.h"

#include <math.h>

double sim_mean_days(const sim_result *r)
{
    return r->converted > 0 ? r->convert_days_sum / r->converted : 0;
}

/* Variance of the mean time to convert of a Monte Carlo result. */
double sim_mean_days_var(const sim_result *r)
{
    if (r->converted < 2)
        return 0;
    double m = sim_mean_days(r);
    return fmax(r->convert_days_sq / r->converted - m * m, 0) / r->converted;
}

/* The 97.5% point of Student's t with DF degrees of freedom (Cornish-Fisher
 * expansion; within 0.002 of the table from 5 on). */
static double t975(int df)
{
    const double z = 1.959964;
    double z3 = z * z * z, z5 = z3 * z * z;
    return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
}

double sim_batch_conversion(const sim_result *r, int k)
{
    return r->batch_converted[k] / r->batch_journeys[k];
}

double sim_batch_mean_days(const sim_result *r, int k)
{
    return r->batch_converted[k] > 0 ? r->batch_convert_days[k] / r->batch_converted[k] : NAN;
}

/* Half the 95% interval of A's figure minus B's, two Monte Carlo runs of
 * the same journeys (same seed and count): the runs share random streams
 * and move together, so the error is read off the spread of the
 * difference over the batches of journeys, not added up as if the runs
 * were independent (that overstated it two to four times).  NAN when
 * there are too few batches. */
double sim_paired_ci(const sim_result *a, const sim_result *b,
                        double (*figure)(const sim_result *, int))
{
    double d[SIM_BATCHES], mean = 0;
    int n = 0;
    for (int k = 0; k < SIM_BATCHES; k++) {
        if (a->batch_journeys[k] <= 0 || a->batch_journeys[k] != b->batch_journeys[k])
            continue;
        double v = figure(a, k) - figure(b, k);
        if (isnan(v))
            continue;
        d[n++] = v;
        mean += v;
    }
    if (n < 8)
        return NAN;
    mean /= n;
    double ss = 0;
    for (int k = 0; k < n; k++)
        ss += (d[k] - mean) * (d[k] - mean);
    return t975(n - 1) * sqrt(ss / (n - 1) / n);
}
