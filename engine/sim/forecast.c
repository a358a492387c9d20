/*
 * forecast.c — cohorts over the calendar: weekly conversions of the
 * journeys that arrive week by week; see sim.h.
 *
 * A journey that starts on day d converts on day d + k with the result's
 * probability q_k of converting k days after its start, so the expected
 * conversions on day t are the convolution sum over d of a_d q_(t-d), with
 * a_d the day's arrivals (a week's spread evenly over its seven days).
 * Journeys are independent, so the conversions of week W from the cohort
 * of day d are binomial with mean a_d Q and variance a_d Q (1 - Q), Q the
 * chance that a journey of that day converts within W; the week's 95%
 * interval adds those variances.  The exact engine's q gives the exact
 * forecast; Monte Carlo's sampled q gives its own, which must agree.
 */
#include "sim/sim.h"

#include <math.h>
#include <stdlib.h>

void sim_forecast_free(sim_forecast *f)
{
    free(f->arrivals);
    free(f->conversions);
    free(f->ci95);
    f->arrivals = f->conversions = f->ci95 = NULL;
    f->weeks = 0;
}

sim_arrivals sim_arrivals_of(const cjm_journey *j)
{
    return (sim_arrivals){ j->arrivals_per_week >= 0 || j->arrival_week_count > 0,
                           j->arrivals_per_week, j->arrival_weeks, j->arrival_week_count,
                           j->forecast_weeks };
}

int sim_forecast_of(const sim_arrivals *j, const sim_result *r, sim_forecast *f)
{
    int weeks = j->forecast_weeks > 0 ? j->forecast_weeks : (r->horizon + 6) / 7;
    f->weeks = weeks;
    f->arrivals = calloc((size_t)weeks + 1, sizeof(double));
    f->conversions = calloc((size_t)weeks + 1, sizeof(double));
    f->ci95 = calloc((size_t)weeks + 1, sizeof(double));
    double *var = calloc((size_t)weeks + 1, sizeof(double));
    if (!f->arrivals || !f->conversions || !f->ci95 || !var) {
        free(var);
        sim_forecast_free(f);
        return -1;
    }
    for (int w = 0; w < weeks; w++)
        f->arrivals[w] = j->week_count ? (w < j->week_count ? j->weeks[w] : 0)
                                       : fmax(j->per_week, 0);
    double n = r->journeys > 0 ? r->journeys : 1;
    int days = weeks * 7;
    for (int d = 0; d < days; d++) {
        double a = f->arrivals[d / 7] / 7;
        if (a <= 0)
            continue;
        /* this day's cohort: its conversions in each later week */
        for (int w = d / 7; w < weeks; w++) {
            double q = 0;
            for (int t = w * 7; t < w * 7 + 7; t++)
                if (t - d >= 0 && t - d <= r->horizon)
                    q += r->convert_day[t - d] / n;
            f->conversions[w] += a * q;
            var[w] += a * q * (1 - q);
        }
    }
    for (int w = 0; w < weeks; w++)
        f->ci95[w] = 1.96 * sqrt(var[w]);
    free(var);
    return 0;
}
