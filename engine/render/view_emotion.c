/*
 * view_emotion.c — the emotion lane of the map: how each persona feels in
 * each phase, on the −3..+3 scale.
 *
 * Only what is known is drawn.  A persona's curve runs through the phases
 * it has a score in and stops where it has none (a gap, never a line
 * through a phase it is not in).  Between two scores the curve is a
 * monotone cubic (draw.c), so it never leaves the scale and never shows a
 * peak the data does not have.  Each persona is a series: its own colour
 * from the theme's colour-blind-safe palette, then a line style once the
 * palette is used up, and its own point shape.  Points with equal scores
 * in one phase are spread apart vertically (towards the middle at the
 * scale's ends) so no curve hides another.  Up to the theme's overlay_max
 * curves share one plot; more get a small plot each (small multiples).
 * Notes and evidence of a score are listed under the plot, in the phase's
 * column.
 */
#include "render/lanes.h"

#include <math.h>
#include <string.h>


/* Plot series S's score in column I, or NULL.  A plot's series are
 * indexes into the page's by_persona. */
static const cjm_emotion *score_at(const mctx *m, const int *plot, int s, int i)
{
    return by_persona_at(m->scores, plot[s], i);
}

static int persona_of(const mctx *m, const int *plot, int s)
{
    return m->scores->personas[plot[s]];
}

/* A plot band from TOP (+3) to BOTTOM (−3). */
typedef struct band { double top, bottom; } band;

static double band_y(const band *b, double score)
{
    double mid = (b->top + b->bottom) / 2, half = (b->bottom - b->top) / 2;
    return mid - score / 3.0 * half;
}

/* The scale: +3 / 0 / −3 right-aligned in the label column, and the words
 * in the first half of the first column, where no curve is drawn (curves
 * start at the column's centre).  WORDS: whether there is room for them. */
static void scale_marks(mctx *m, const band *b, int words)
{
    static const char *const ticks[] = { "+3", "0", "−3" };
    for (int k = 0; k < 3; k++) {
        double ty = band_y(b, 3 - 3 * k);
        PangoLayout *lay = text_shape(ticks[k], TS_SMALL, 0, 0);
        double tw, th;
        text_extent(lay, &tw, &th);
        g_object_unref(lay);
        page_text(m->doc, m->p, m->x0 - 6 - tw, ty - th / 2, tw + 1, ticks[k], TS_SMALL,
                  BF_MUTED, 0, NULL);
        if (!words)
            continue;
        const char *w = L(m, W_AXIS_HIGH + k);
        double wh = measure_text(w, TS_SMALL, 0);
        double wy = k == 0 ? ty + 1 : k == 1 ? ty - wh - 1 : ty - wh - 1;
        page_text(m->doc, m->p, m->x0 + 3, wy, m->colw / 2 - 8, w, TS_SMALL, BF_MUTED, 0,
                  "axis");
    }
    double ys[3] = { b->top, (b->top + b->bottom) / 2, b->bottom };
    for (int k = 0; k < 3; k++) {
        box *line = page_box(m->doc, m->p, BOX_LINE, m->x0, ys[k], m->width - m->x0, 0);
        line->flags = k == 1 ? BF_DASHED : BF_MUTED;
        line->pts = arena_alloc(&m->doc->mem, 4 * sizeof(double));
        line->pts[0] = m->x0;
        line->pts[1] = ys[k];
        line->pts[2] = m->width;
        line->pts[3] = ys[k];
        line->npts = 2;
    }
}

/* Where persona PLOT[s] is drawn in column I: its score's height, spread
 * from others with the same score in the same phase.  NAN: no score. */
static double point_y(const mctx *m, const band *b, const int *plot, int count, int s,
                      int i)
{
    const cjm_emotion *e = score_at(m, plot, s, i);
    if (!e)
        return NAN;
    int rank = 0, equal = 0;
    for (int q = 0; q < count; q++) {
        const cjm_emotion *o = q == s ? e : score_at(m, plot, q, i);
        if (o && o->score == e->score) {
            rank += q < s;
            equal++;
        }
    }
    double sep = m->t->curve_width + 1.4;
    double off = (rank - (equal - 1) / 2.0) * sep, spread = (equal - 1) / 2.0 * sep;
    double y = band_y(b, e->score);
    /* keep the whole group inside the band */
    if (y - spread < b->top)
        y = b->top + spread;
    if (y + spread > b->bottom)
        y = b->bottom - spread;
    return y + off;
}

/* What hovering a score shows: whose, how much, the note and evidence. */
static const char *score_hint(mctx *m, const cjm_phase *ph, const cjm_persona *pe,
                              const cjm_emotion *e)
{
    const char *s = arena_printf(&m->doc->mem, "%s, %s: %+g", pe->name, ph->name, e->score);
    if (e->note)
        s = arena_printf(&m->doc->mem, "%s — %s", s, e->note);
    if (e->evidence != EVID_NONE)
        s = arena_printf(&m->doc->mem, "%s (%s: %s%s%s)", s, L(m, W_EVIDENCE),
                         L(m, W_EVID_ASSUMPTION + e->evidence - 1), e->source ? ", " : "",
                         e->source ? e->source : "");
    return s;
}

/* The curves of PLOT[0..COUNT) in band B: a curve box per run of phases
 * with scores, a point per score (the lowest negative one marked). */
static void curves(mctx *m, const band *b, const int *plot, int count)
{
    const by_persona *sc = m->scores;
    for (int s = 0; s < count; s++) {
        const cjm_persona *pe = &m->j->personas[persona_of(m, plot, s)];
        int first = sc->start[plot[s]], last = sc->start[plot[s] + 1];
        int low = -1;
        double low_score = 0;
        for (int k = first; k < last; k++) {
            const cjm_emotion *e = sc->item[k];
            if (e->score < low_score) {
                low_score = e->score;
                low = sc->col[k];
            }
        }
        /* a curve per run of consecutive columns with scores */
        for (int k = first; k < last;) {
            int end = k + 1;
            while (end < last && sc->col[end] == sc->col[end - 1] + 1)
                end++;
            double *pts = arena_alloc(&m->doc->mem, sizeof(double) * 2 * (size_t)(end - k));
            for (int q = k; q < end; q++) {
                pts[2 * (q - k)] = col_x(m, sc->col[q]) + m->colw / 2;
                pts[2 * (q - k) + 1] = point_y(m, b, plot, count, s, sc->col[q]);
            }
            box *c = page_box(m->doc, m->p, BOX_CURVE, pts[0], b->top,
                              pts[2 * (end - k) - 2] - pts[0], b->bottom - b->top);
            c->pts = pts;
            c->npts = end - k;
            c->color = persona_of(m, plot, s);
            c->ref = arena_printf(&m->doc->mem, "emotion:%s", pe->id);
            k = end;
        }
        for (int k = first; k < last; k++) {
            int i = sc->col[k];
            double y = point_y(m, b, plot, count, s, i);
            double r = i == low ? 4.5 : 2.8;
            box *pt = page_box(m->doc, m->p, BOX_MARK, col_x(m, i) + m->colw / 2 - r,
                               y - r, 2 * r, 2 * r);
            pt->role = i == low ? MARK_LOW : MARK_POINT;
            pt->color = persona_of(m, plot, s);
            pt->ref = arena_printf(&m->doc->mem, "score:%s/%s",
                                   m->j->phases[m->first + i].id, pe->id);
            pt->hint = score_hint(m, &m->j->phases[m->first + i], pe, sc->item[k]);
        }
    }
}

/* Notes and evidence of the scores in column I, from Y; the height used. */
static double notes(mctx *m, int i, double y, const int *plot, int count)
{
    const cjm_phase *ph = &m->j->phases[m->first + i];
    double top = y, x = col_x(m, i);
    for (int s = 0; s < count; s++) {
        const cjm_persona *pe = &m->j->personas[persona_of(m, plot, s)];
        const cjm_emotion *e = score_at(m, plot, s, i);
        if (!e || (!e->note && e->evidence == EVID_NONE))
            continue;
        double pips = e->evidence != EVID_NONE ? meter_width(m) : 0;
        const char *text = e->note
            ? arena_printf(&m->doc->mem, "%s: %s", pe->name, e->note) : pe->name;
        box *mk = page_box(m->doc, m->p, BOX_MARK, x + 1, y + 2, 6, 6);
        mk->role = MARK_POINT;
        mk->color = persona_of(m, plot, s);
        double h = page_text(m->doc, m->p, x + 10, y, m->colw - 10 - pips, text, TS_SMALL,
                             BF_MUTED, 0, arena_printf(&m->doc->mem, "note:%s/%s",
                                                       ph->id, pe->id));
        if (pips)
            evidence_meter(m, x + m->colw - pips + 3, y, e->evidence);
        y += h + 2;
    }
    return y - top;
}

static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* One plot of PLOT[0..COUNT) from Y, at least MIN_H tall, with the notes
 * under it; its height. */
static double plot_block(mctx *m, double y, const int *plot, int count, double min_h)
{
    double h = min_h;
    band b = { y + 6, y + h - 6 };
    scale_marks(m, &b, h >= 60);
    curves(m, &b, plot, count);
    /* notes only where a series has a score: the columns, in order */
    const by_persona *sc = m->scores;
    int total = 0;
    for (int s = 0; s < count; s++)
        total += sc->start[plot[s] + 1] - sc->start[plot[s]];
    int *cols = arena_alloc(&m->doc->mem, sizeof *cols * (size_t)(total + 1));
    int n = 0;
    for (int s = 0; s < count; s++)
        for (int k = sc->start[plot[s]]; k < sc->start[plot[s] + 1]; k++)
            cols[n++] = sc->col[k];
    qsort(cols, (size_t)n, sizeof *cols, by_int);
    double tallest = 0;
    for (int k = 0; k < n; k++) {
        if (k > 0 && cols[k] == cols[k - 1])
            continue;
        double nh = notes(m, cols[k], y + h + 2, plot, count);
        if (nh > tallest)
            tallest = nh;
    }
    return h + (tallest > 0 ? tallest + 4 : 0);
}

/* A persona's name (and the sample of its line) in the label column. */
static double series_label(mctx *m, double y, int persona, double width)
{
    box *sw = page_box(m->doc, m->p, BOX_MARK, 8, y + 2, 14, 6);
    sw->role = MARK_SWATCH;
    sw->color = persona;
    return page_text(m->doc, m->p, 26, y, width - 26, m->j->personas[persona].name,
                     TS_SMALL, BF_MUTED, 0, NULL);
}

double emotion_lane(mctx *m, double y, int *alt)
{
    const theme *t = m->t;
    by_persona *scores = arena_alloc(&m->doc->mem, sizeof *scores);
    page_by_persona(m, 1, scores);
    m->scores = scores;
    int count = scores->count;
    int *plot = arena_alloc(&m->doc->mem, sizeof *plot * (size_t)(count + 1));
    for (int s = 0; s < count; s++)
        plot[s] = s;
    if (!count)
        return 0;
    int idx = lane_begin(m, y, L(m, W_EMOTION), (*alt)++ & 1);
    double top = y + t->lane_pad;
    double ly = top + m->p->boxes[idx + 1].h + t->gap;
    double label_w = t->label_width - 2 * t->gap - 18;
    if (count <= t->overlay_max) {
        /* one plot; the legend under the lane's label */
        for (int s = 0; s < count; s++)
            ly += series_label(m, ly, scores->personas[s], label_w) + 2;
        double h = plot_block(m, top, plot, count, fmax(t->emotion_height, ly - top));
        return lane_end(m, idx, y, h);
    }
    /* small multiples: a plot per persona, its name beside it */
    double py = ly;
    for (int s = 0; s < count; s++) {
        double nh = series_label(m, py + t->emotion_small_height / 2 - 6,
                                 scores->personas[s], label_w);
        double h = plot_block(m, py, &plot[s], 1, fmax(t->emotion_small_height, nh + 12));
        py += h + t->gap;
    }
    return lane_end(m, idx, y, py - t->gap - top);
}
