/*
 * progress.c — the progress line; see progress.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "base/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

void progress_begin(progress *p, const char *what, long long total)
{
    p->what = what;
    p->total = total > 0 ? total : 1;
    p->start = p->last = now();
    /* CJM_PROGRESS=0 turns it off; =1 draws every step from the start,
     * terminal or not (for scripts that log it, and for tests) */
    const char *env = getenv("CJM_PROGRESS");
    p->forced = env && *env == '1';
    p->tty = env && *env == '0' ? 0 : p->forced || isatty(2);
    p->shown = 0;
}

void progress_step(progress *p, long long done)
{
    if (!p->tty)
        return;
    double t = now(), el = t - p->start;
    if (!p->forced && (el < 1.0 || t - p->last < 0.1))
        return;
    p->last = t;
    if (done > p->total)
        done = p->total;
    int width = 30, fill = (int)(width * done / p->total);
    char left[48] = "";
    if (done > 0)
        snprintf(left, sizeof left, ", about %.0f s left", el * (double)(p->total - done) / (double)done);
    fprintf(stderr, "\r\033[K%s [%.*s%*s] %lld/%lld %3lld%%  %.1f s%s", p->what, fill,
            "##############################", width - fill, "", done, p->total,
            100 * done / p->total, el, left);
    fflush(stderr);
    p->shown = 1;
}

void progress_end(progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = 0;
}
