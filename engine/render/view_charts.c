/*
 * view_charts.c — simulation charts as boxes: the funnel (entered,
 * advanced and dropped per phase), the distribution of the time to
 * convert (weekly bars), and the scenarios' conversion with their 95%
 * intervals.  One page, three panels, drawn like every other view.
 */
#include "render/layout.h"
#include "render/words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PANEL_W 640.0

static box *bar(rdoc *doc, rpage *p, double x, double y, double w, double h,
                int fill, const char *ref)
{
    box *b = page_box(doc, p, BOX_RECT, x, y, w > 0 ? w : 0, h);
    b->role = fill;
    b->ref = ref ? arena_strdup(&doc->mem, ref) : NULL;
    return b;
}

static void line(rdoc *doc, rpage *p, double x0, double y0, double x1, double y1,
                 int dashed)
{
    box *l = page_box(doc, p, BOX_LINE, fmin(x0, x1), fmin(y0, y1), fabs(x1 - x0),
                      fabs(y1 - y0));
    l->pts = arena_alloc(&doc->mem, 4 * sizeof(double));
    l->pts[0] = x0;
    l->pts[1] = y0;
    l->pts[2] = x1;
    l->pts[3] = y1;
    l->npts = 2;
    l->role = 1;
    l->flags = dashed ? BF_DASHED : 0;
}

/* Funnel: a row per phase; the entered bar, the advanced bar over it, the
 * dropped share in the label. */
static double funnel(rdoc *doc, rpage *p, const chart_data *c, const theme *t, double y)
{
    double label_w = 170, bar_w = PANEL_W - label_w - 150, row = 20;
    y += page_text(doc, p, 0, y, PANEL_W, word_in(c->locale, W_FUNNEL),
                   TS_PHASE, 0, 0, NULL) + 6;
    for (int i = 0; i < c->phase_count; i++) {
        double ry = y + i * row;
        page_text(doc, p, 0, ry + 3, label_w - 8, c->phase_names[i], TS_SMALL, 0, 0, NULL);
        bar(doc, p, label_w, ry + 2, bar_w * c->entered[i], row - 5, FILL_TOUCHPOINT,
            arena_printf(&doc->mem, "entered:%d:%.6f", i, c->entered[i]));
        bar(doc, p, label_w, ry + 2, bar_w * c->advanced[i], row - 5, FILL_HEADER,
            arena_printf(&doc->mem, "advanced:%d:%.6f", i, c->advanced[i]));
        char lbl[96];
        snprintf(lbl, sizeof lbl, word_in(c->locale, W_FUNNEL_ROW), 100 * c->entered[i],
                 100 * c->advanced[i], 100 * c->dropped[i]);
        page_text(doc, p, label_w + bar_w + 6, ry + 3, 150 - 6, lbl, TS_SMALL, BF_MUTED, 0,
                  NULL);
    }
    (void)t;
    return y + c->phase_count * row + 16;
}

/* The time to convert: weekly bars, heights relative to the tallest. */
static double histogram(rdoc *doc, rpage *p, const chart_data *c, double y)
{
    double h = 120, left = 40, w = PANEL_W - left;
    y += page_text(doc, p, 0, y, PANEL_W, word_in(c->locale, W_TIME_TO_CONVERT),
                   TS_PHASE, 0, 0, NULL) + 8;
    int weeks = c->horizon / 7 + 1;
    double top = 0;
    double *share = arena_alloc(&doc->mem, sizeof(double) * (size_t)(weeks + 1));
    for (int d = 0; d <= c->horizon; d++)
        share[d / 7] += c->convert_day[d];
    for (int k = 0; k < weeks; k++)
        top = fmax(top, share[k]);
    line(doc, p, left, y + h, left + w, y + h, 0);
    double bw = w / weeks;
    for (int k = 0; k < weeks && top > 0; k++) {
        double bh = h * share[k] / top;
        if (bh > 0)
            bar(doc, p, left + k * bw + bw * 0.1, y + h - bh, bw * 0.8, bh, FILL_HEADER,
                arena_printf(&doc->mem, "week:%d:%.6f", k, share[k]));
    }
    char lbl[64];
    snprintf(lbl, sizeof lbl, "%.1f%%", 100 * top);
    page_text(doc, p, 0, y - 4, left - 4, lbl, TS_SMALL, BF_MUTED, 0, NULL);
    for (int day = 0; day <= c->horizon; day += c->horizon > 200 ? 60 : 30) {
        snprintf(lbl, sizeof lbl, word_in(c->locale, W_DAYS_TICK), day);
        double x = left + (day / 7) * bw;
        if (x + 40 <= left + w)
            page_text(doc, p, x, y + h + 3, 40, lbl, TS_SMALL, BF_MUTED, 0, NULL);
    }
    return y + h + 30;
}

/* Scenarios: conversion bars with their intervals as whiskers. */
static double scenarios(rdoc *doc, rpage *p, const chart_data *c, double y)
{
    double label_w = 200, bar_w = PANEL_W - label_w - 70, row = 22;
    y += page_text(doc, p, 0, y, PANEL_W, word_in(c->locale, c->converted_ci
                   ? W_SCENARIOS_MC : W_SCENARIOS_EXACT), TS_PHASE, 0, 0, NULL) + 6;
    double top = 0;
    for (int s = 0; s < c->scenario_count; s++)
        top = fmax(top, c->converted[s] + (c->converted_ci ? c->converted_ci[s] : 0));
    if (top <= 0)
        top = 1;
    for (int s = 0; s < c->scenario_count; s++) {
        double ry = y + s * row, v = c->converted[s];
        page_text(doc, p, 0, ry + 4, label_w - 8, c->scenario_names[s], TS_SMALL, 0, 0, NULL);
        /* the baseline neutral; a scenario better than it green, worse red */
        double base = c->converted[0];
        int better = v > base, worse = v < base;
        bar(doc, p, label_w, ry + 3, bar_w * v / top, row - 8,
            s == 0 || (!better && !worse) ? FILL_CARD : better ? FILL_OPPORTUNITY : FILL_PAIN,
            arena_printf(&doc->mem, "scenario:%d:%.6f:%s", s, v,
                         s == 0 ? "baseline" : better ? "better" : worse ? "worse" : "same"));
        if (c->converted_ci) {
            double lo = fmax(v - c->converted_ci[s], 0), hi = v + c->converted_ci[s];
            double my = ry + 3 + (row - 8) / 2;
            line(doc, p, label_w + bar_w * lo / top, my, label_w + bar_w * hi / top, my, 0);
            line(doc, p, label_w + bar_w * lo / top, my - 4, label_w + bar_w * lo / top, my + 4, 0);
            line(doc, p, label_w + bar_w * hi / top, my - 4, label_w + bar_w * hi / top, my + 4, 0);
        }
        char lbl[48];
        snprintf(lbl, sizeof lbl, "%.2f%%", 100 * v);
        page_text(doc, p, label_w + bar_w + 8, ry + 4, 62, lbl, TS_SMALL, 0, 0, NULL);
    }
    return y + c->scenario_count * row + 10;
}

void layout_charts(rdoc *doc, const chart_data *c, const layout_options *o)
{
    const theme *t = o->theme;
    rpage *p = rdoc_add_page(doc);
    double y = page_text(doc, p, 0, 0, PANEL_W, c->title, TS_TITLE, 0, 0, "title") + 14;
    y = funnel(doc, p, c, t, y);
    y = histogram(doc, p, c, y);
    if (c->scenario_count > 0)
        y = scenarios(doc, p, c, y);
    page_fit(p, PANEL_W, y, o->page_w, o->page_h, t->margin);
}
