/*
 * progress.h — a progress line on stderr for long runs.
 *
 * Shown only when stderr is a terminal (a pipe or a file gets nothing),
 * and only once a run has taken a second: "cjm plan: simulating actions
 * [#####     ] 12/40  31%  3.2 s, about 7 s left", redrawn at most ten
 * times a second and cleared when the run ends.  One line for every
 * command that can run long: simulate, plan --simulate, attribution,
 * renders of many journeys.  CJM_PROGRESS=0 in the environment turns it
 * off; CJM_PROGRESS=1 draws every step from the first, terminal or not.
 */
#ifndef CJM_PROGRESS_H
#define CJM_PROGRESS_H

typedef struct progress {
    const char *what;       /* "cjm plan: simulating actions" */
    long long total;
    double start, last;
    int tty, shown, forced;
} progress;

/* Start P for TOTAL steps of WHAT. */
void progress_begin(progress *p, const char *what, long long total);

/* DONE of the steps are done: redraw when due. */
void progress_step(progress *p, long long done);

/* Clear the line, if one was drawn. */
void progress_end(progress *p);

#endif
