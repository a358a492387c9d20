/*
 * view_plan.c — the action plan's pictures: the impact-effort matrix and
 * the roadmap (its tables come from the plan's report, view_table.c).
 *
 * In the matrix each action is a dot at (effort, impact), with impact 3
 * of 1..5 counted as high (the rows 3-5 fill the top half, so no dot sits
 * on the dividing line); its title is placed beside it at the first of a
 * ring of candidate positions that overlaps no other text, dot or edge,
 * inside the dot's own quadrant when one fits, so labels never collide; a
 * title that finds no room gets its rank as a label and stands in a list
 * on the right, a column the page has only then.
 */
#include "render/layout.h"
#include "render/words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/plan.h"

static int overlaps(const rpage *p, double x, double y, double w, double h)
{
    for (int i = 0; i < p->count; i++) {
        const box *b = &p->boxes[i];
        if (b->kind != BOX_TEXT && b->kind != BOX_MARK)
            continue;
        if (x < b->x + b->w && b->x < x + w && y < b->y + b->h && b->y < y + h)
            return 1;
    }
    return 0;
}

/* The matrix's scales, fixed whatever the plan holds: impact 1..5 and
 * effort 1..5 (points), the low values (1, 2) filling one half of each
 * axis and the high ones (3, 4, 5) the other, so the quadrant lines never
 * move and no dot sits on them.  Efforts past 5 (or under 1) sit at the
 * edge of the scale. */
typedef struct mframe { double x0, y0, W, H; } mframe;

static double impact_y(const mframe *f, double im)
{
    return im >= 2.5 ? f->y0 + (5.5 - im) / 3 * f->H / 2
                     : f->y0 + f->H / 2 + (2.5 - im) / 2 * f->H / 2;
}

static double effort_x(const mframe *f, double e)
{
    e = fmin(fmax(e, 0.6), 5.4);
    return e < 2.5 ? f->x0 + (e - 0.5) / 2 * f->W / 2
                   : f->x0 + f->W / 2 + (e - 2.5) / 3 * f->W / 2;
}

/* Squared distance from (PX, PY) to the rectangle X, Y, W, H. */
static double rect_dist2(double px, double py, double x, double y, double w, double h)
{
    double dx = px < x ? x - px : px > x + w ? px - x - w : 0;
    double dy = py < y ? y - py : py > y + h ? py - y - h : 0;
    return dx * dx + dy * dy;
}

/* Whether dot G is the nearest of the N dots to the rectangle. */
static int nearest_dot(const double *dx, const double *dy, int n, int g, double x, double y,
                       double w, double h)
{
    double own = rect_dist2(dx[g], dy[g], x, y, w, h);
    for (int k = 0; k < n; k++)
        if (k != g && rect_dist2(dx[k], dy[k], x, y, w, h) <= own)
            return 0;
    return 1;
}

static void matrix_frame(rdoc *doc, rpage *p, const cjm_journey *j, const mframe *f)
{
    arena *a = &doc->mem;
    for (int q = 0; q < 4; q++) {
        box *r = page_box(doc, p, BOX_RECT, f->x0 + (q % 2) * f->W / 2,
                          f->y0 + (q / 2) * f->H / 2, f->W / 2, f->H / 2);
        r->role = q == 0 ? FILL_OPPORTUNITY : q == 3 ? FILL_PAIN : FILL_LANE_ALT;
    }
    for (int q = 0; q < 4; q++)
        page_text(doc, p, f->x0 + (q % 2) * f->W / 2 + 6, f->y0 + (q / 2) * f->H / 2 + 4,
                  f->W / 2 - 12, word_in(j->locale, W_QUICK_WINS + q), TS_SECTION, BF_MUTED,
                  0, "quadrant");
    for (int v = 1; v <= 5; v++) {
        page_text(doc, p, f->x0 - 14, impact_y(f, v) - 5, 12, arena_printf(a, "%d", v),
                  TS_SMALL, BF_MUTED, 1, NULL);
        page_text(doc, p, effort_x(f, v) - 15, f->y0 + f->H + 3, 30,
                  arena_printf(a, v == 5 ? "%d+" : "%d", v), TS_SMALL, BF_MUTED, 1,
                  arena_printf(a, "effort:%d", v));
    }
    page_text(doc, p, f->x0, f->y0 + f->H + 16, f->W, word_in(j->locale, W_EFFORT_AXIS),
              TS_SMALL, BF_MUTED, 1, NULL);
    page_text(doc, p, 0, f->y0 + 2, f->x0 - 18, word_in(j->locale, W_IMPACT_AXIS), TS_SMALL,
              BF_MUTED, 0, NULL);
}

/* The label of dot group G (the ranks of its actions) beside its own dot:
 * the first place around it that is free and nearer to it than to any
 * other dot, else the first free place, joined to the dot by a line. */
static void dot_label(rdoc *doc, rpage *p, const mframe *f, const double *dx,
                      const double *dy, int n, int g, const char *label, const char *ref)
{
    PangoLayout *lay = text_shape(label, TS_SMALL, 0, 0);
    double lw, lh;
    text_extent(lay, &lw, &lh);
    g_object_unref(lay);
    double fx = NAN, fy = NAN;
    for (int ring = 0; ring < 8; ring++) {
        double gap = 7 + ring * 6;
        double cand[8][2] = {
            { dx[g] + gap, dy[g] - lh / 2 }, { dx[g] - gap - lw, dy[g] - lh / 2 },
            { dx[g] - lw / 2, dy[g] - gap - lh }, { dx[g] - lw / 2, dy[g] + gap },
            { dx[g] + gap * 0.7, dy[g] - gap * 0.7 - lh }, { dx[g] + gap * 0.7, dy[g] + gap * 0.7 },
            { dx[g] - gap * 0.7 - lw, dy[g] - gap * 0.7 - lh },
            { dx[g] - gap * 0.7 - lw, dy[g] + gap * 0.7 },
        };
        for (int c = 0; c < 8; c++) {
            double cx = cand[c][0], cy = cand[c][1];
            if (cx < f->x0 || cy < f->y0 || cx + lw > f->x0 + f->W || cy + lh > f->y0 + f->H
                || overlaps(p, cx, cy, lw, lh))
                continue;
            if (nearest_dot(dx, dy, n, g, cx, cy, lw, lh)) {
                page_text(doc, p, cx, cy, lw + 1, label, TS_SMALL, 0, 0, ref);
                return;
            }
            if (isnan(fx)) {
                fx = cx;
                fy = cy;
            }
        }
    }
    if (isnan(fx)) {        /* nowhere free: on the dot's right regardless */
        fx = dx[g] + 7;
        fy = dy[g] - lh / 2;
    }
    page_text(doc, p, fx, fy, lw + 1, label, TS_SMALL, 0, 0, ref);
    box *l = page_box(doc, p, BOX_LINE, dx[g], dy[g], 0, 0);
    l->pts = arena_alloc(&doc->mem, 4 * sizeof(double));
    l->pts[0] = dx[g];
    l->pts[1] = dy[g];
    l->pts[2] = fx < dx[g] ? fx + lw : fx;
    l->pts[3] = fy + lh / 2;
    l->npts = 2;
    l->ref = arena_printf(&doc->mem, "leader:%s", ref);
}

/* The list beside the matrix: every action by rank, with the figure the
 * plan ranks it by (uplift per effort when simulated, else RICE). */
static double action_list(rdoc *doc, rpage *p, const cjm_journey *j, const plan *pl,
                          double x, double y)
{
    arena *a = &doc->mem;
    for (int k = 0; k < pl->count; k++) {
        const plan_item *it = &pl->items[k];
        const char *figure = it->simulated
            ? arena_printf(a, word_in(j->locale, W_PTS_PER_EFFORT), 100 * it->per_effort)
            : arena_printf(a, word_in(j->locale, W_RICE_SCORE), it->score);
        y += page_text(doc, p, x, y, 220,
                       arena_printf(a, "%d  %s", k + 1, it->action->title), TS_SMALL, 0, 0,
                       arena_printf(a, "action:%s", it->action->id));
        y += page_text(doc, p, x + 14, y, 206, figure, TS_SMALL, BF_MUTED, 0,
                       arena_printf(a, "figure:%s", it->action->id)) + 4;
    }
    return y;
}

static void matrix(rdoc *doc, const cjm_journey *j, const plan *pl, const layout_options *o)
{
    const theme *t = o->theme;
    rpage *p = rdoc_add_page(doc);
    arena *a = &doc->mem;
    mframe f = { .x0 = 70, .W = 540, .H = 380 };
    f.y0 = page_text(doc, p, 0, 0, f.x0 + f.W,
                     arena_printf(a, "%s — %s", word_in(j->locale, W_IMPACT_EFFORT), j->title),
                     TS_TITLE, 0, 0, "title") + 16;
    matrix_frame(doc, p, j, &f);
    /* one dot per place: actions with the same impact and effort share it */
    int n = 0;
    double *dx = arena_alloc(a, sizeof(double) * (size_t)(pl->count + 1));
    double *dy = arena_alloc(a, sizeof(double) * (size_t)(pl->count + 1));
    const char **label = arena_alloc(a, sizeof(char *) * (size_t)(pl->count + 1));
    const char **ref = arena_alloc(a, sizeof(char *) * (size_t)(pl->count + 1));
    int *members = arena_alloc(a, sizeof(int) * (size_t)(pl->count + 1));
    for (int k = 0; k < pl->count; k++) {
        const cjm_action *ac = pl->items[k].action;
        double x = effort_x(&f, ac->effort), y = impact_y(&f, ac->impact);
        int g = 0;
        while (g < n && !(fabs(dx[g] - x) < 0.5 && fabs(dy[g] - y) < 0.5))
            g++;
        if (g == n) {
            dx[n] = x;
            dy[n] = y;
            label[n] = arena_printf(a, "%d", k + 1);
            ref[n] = arena_printf(a, "dot:%s", ac->id);
            members[n++] = 1;
        } else {
            label[g] = arena_printf(a, "%s, %d", label[g], k + 1);
            ref[g] = arena_printf(a, "%s,%s", ref[g], ac->id);
            members[g]++;
        }
    }
    for (int g = 0; g < n; g++) {
        double r = members[g] > 1 ? 7 : 4;
        box *m = page_box(doc, p, BOX_MARK, dx[g] - r, dy[g] - r, 2 * r, 2 * r);
        m->role = MARK_POINT;
        m->color = g;
        m->ref = ref[g];
        if (members[g] > 1)     /* how many actions the dot stands for */
            page_text(doc, p, dx[g] - r, dy[g] - 5, 2 * r, arena_printf(a, "%d", members[g]),
                      TS_BADGE, BF_HEADER_INK, 1, arena_printf(a, "count:%d", members[g]));
    }
    for (int g = 0; g < n; g++)
        dot_label(doc, p, &f, dx, dy, n, g, members[g] > 1
                  ? arena_printf(a, "%s", label[g]) : label[g], ref[g]);
    double list_x = f.x0 + f.W + 24;
    double bottom = fmax(action_list(doc, p, j, pl, list_x, f.y0), f.y0 + f.H + 30);
    page_fit(p, list_x + 220, bottom, o->page_w, o->page_h, t->margin);
}

static void roadmap(rdoc *doc, const cjm_journey *j, const plan *pl, const layout_options *o)
{
    const theme *t = o->theme;
    rpage *p = rdoc_add_page(doc);
    arena *a = &doc->mem;
    double y = page_text(doc, p, 0, 0, 760, arena_printf(a, "%s — %s", word_in(j->locale, W_ROADMAP), j->title),
                         TS_TITLE, 0, 0, NULL) + 14;
    double cw = 180, gap = 10;
    double bottom = y;
    for (int c = 0; c < 4; c++) {
        double x = c * (cw + gap), cy = y;
        box *hd = page_box(doc, p, BOX_RECT, x, cy, cw, 22);
        hd->role = FILL_HEADER;
        hd->flags = BF_ROUND;
        page_text(doc, p, x + 8, cy + 5, cw - 16, word_in(j->locale, W_NOW + c), TS_PHASE, BF_HEADER_INK, 0, NULL);
        cy += 28;
        for (int k = 0; k < pl->count; k++) {
            const cjm_action *ac = pl->items[k].action;
            int col = !strcmp(ac->horizon, "now") ? 0 : !strcmp(ac->horizon, "next") ? 1
                    : !strcmp(ac->horizon, "later") ? 2 : 3;
            if (col != c)
                continue;
            const char *txt = arena_printf(a, "%d. %s\n%s%s%s", k + 1, ac->title,
                                           ac->owner ? ac->owner : word_in(j->locale, W_NO_OWNER),
                                           col == 3 ? " · " : "", col == 3 ? ac->horizon : "");
            PangoLayout *lay = text_shape(txt, TS_CARD, cw - 12, 0);
            double lw, lh;
            text_extent(lay, &lw, &lh);
            box *r = page_box(doc, p, BOX_RECT, x, cy, cw, lh + 12);
            r->role = FILL_CARD;
            r->flags = BF_ROUND;
            page_shaped(doc, p, x + 6, cy + 6, lay, TS_CARD, 0, NULL);
            cy += lh + 12 + gap;
        }
        if (cy > bottom)
            bottom = cy;
    }
    page_fit(p, 4 * cw + 3 * gap, bottom, o->page_w, o->page_h, t->margin);
}

void layout_plan(rdoc *doc, const cjm_journey *j, const plan *pl, const layout_options *o)
{
    matrix(doc, j, pl, o);
    roadmap(doc, j, pl, o);
}
