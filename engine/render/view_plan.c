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

static void matrix(rdoc *doc, const cjm_journey *j, const plan *pl, const layout_options *o)
{
    const theme *t = o->theme;
    rpage *p = rdoc_add_page(doc);
    arena *a = &doc->mem;
    double W = 540, H = 380, x0 = 70, y0;
    y0 = page_text(doc, p, 0, 0, x0 + W, arena_printf(a, "%s — %s", word_in(j->locale, W_IMPACT_EFFORT), j->title),
                   TS_TITLE, 0, 0, "title") + 16;
    double max_effort = 5;
    for (int k = 0; k < pl->count; k++)
        max_effort = fmax(max_effort, pl->items[k].action->effort);
    /* quadrants */
    for (int q = 0; q < 4; q++) {
        box *r = page_box(doc, p, BOX_RECT, x0 + (q % 2) * W / 2, y0 + (q / 2) * H / 2, W / 2, H / 2);
        r->role = q == 0 ? FILL_OPPORTUNITY : q == 3 ? FILL_PAIN : FILL_LANE_ALT;
        r->flags = BF_OUTLINE * 0;
    }
    for (int q = 0; q < 4; q++)
        page_text(doc, p, x0 + (q % 2) * W / 2 + 6, y0 + (q / 2) * H / 2 + 4, W / 2 - 12,
                  word_in(j->locale, W_QUICK_WINS + q), TS_SECTION, BF_MUTED, 0, NULL);
    /* Impact 3 of 1..5 counts as high: the rows 3, 4, 5 fill the top half
     * and 1, 2 the bottom, so no dot sits on the dividing line. */
#define IMPACT_Y(im) ((im) >= 2.5 ? y0 + (5.5 - (im)) / 3 * H / 2 \
                                  : y0 + H / 2 + (2.5 - (im)) / 2 * H / 2)
    for (int im = 1; im <= 5; im++)
        page_text(doc, p, x0 - 14, IMPACT_Y(im) - 5, 12, arena_printf(a, "%d", im),
                  TS_SMALL, BF_MUTED, 1, NULL);
    for (int k = 0; k <= 2; k++)
        page_text(doc, p, x0 + W * 0.05 + k * W * 0.45 - 15, y0 + H + 3, 30,
                  arena_printf(a, "%g", max_effort * k / 2), TS_SMALL, BF_MUTED, 1, NULL);
    page_text(doc, p, x0, y0 + H + 16, W, word_in(j->locale, W_EFFORT_AXIS), TS_SMALL, BF_MUTED, 1, NULL);
    page_text(doc, p, 0, y0 + 2, x0 - 18, word_in(j->locale, W_IMPACT_AXIS), TS_SMALL, BF_MUTED, 0, NULL);
    /* dots first, so labels avoid every dot */
    double *dx = arena_alloc(a, sizeof(double) * (size_t)(pl->count + 1));
    double *dy = arena_alloc(a, sizeof(double) * (size_t)(pl->count + 1));
    for (int k = 0; k < pl->count; k++) {
        const cjm_action *ac = pl->items[k].action;
        /* nudge equal positions apart */
        double ex = ac->effort / max_effort;
        dx[k] = x0 + ex * W * 0.9 + W * 0.05;
        dy[k] = IMPACT_Y(ac->impact);
        for (int q = 0; q < k; q++)
            if (fabs(dx[q] - dx[k]) < 4 && fabs(dy[q] - dy[k]) < 4)
                dx[k] += 9;
        box *m = page_box(doc, p, BOX_MARK, dx[k] - 4, dy[k] - 4, 8, 8);
        m->role = MARK_POINT;
        m->color = k;
    }
    double list_x = x0 + W + 24, list_y = y0;
    for (int k = 0; k < pl->count; k++) {
        const cjm_action *ac = pl->items[k].action;
        const char *label = arena_printf(a, "%d %s", k + 1, ac->title);
        PangoLayout *lay = text_shape(label, TS_SMALL, 130, 0);
        double lw, lh;
        text_extent(lay, &lw, &lh);
        g_object_unref(lay);
        /* first within the dot's own quadrant, then anywhere in the matrix */
        double qx = dx[k] < x0 + W / 2 ? x0 : x0 + W / 2;
        double qy = dy[k] < y0 + H / 2 ? y0 : y0 + H / 2;
        int placed = 0;
        for (int pass = 0; pass < 2 && !placed; pass++)
        for (int ring = 0; ring < 4 && !placed; ring++) {
            double gap = 6 + ring * 10;
            double cand[8][2] = {
                { dx[k] + gap, dy[k] - lh / 2 }, { dx[k] - gap - lw, dy[k] - lh / 2 },
                { dx[k] - lw / 2, dy[k] - gap - lh }, { dx[k] - lw / 2, dy[k] + gap },
                { dx[k] + gap, dy[k] - gap - lh }, { dx[k] + gap, dy[k] + gap },
                { dx[k] - gap - lw, dy[k] - gap - lh }, { dx[k] - gap - lw, dy[k] + gap },
            };
            for (int c = 0; c < 8 && !placed; c++) {
                double cx = cand[c][0], cy = cand[c][1];
                if (cx < x0 || cy < y0 || cx + lw > x0 + W || cy + lh > y0 + H)
                    continue;
                if (pass == 0 && (cx < qx || cy < qy || cx + lw > qx + W / 2
                                  || cy + lh > qy + H / 2))
                    continue;
                if (overlaps(p, cx, cy, lw, lh))
                    continue;
                page_text(doc, p, cx, cy, 130, label, TS_SMALL, 0, 0,
                          arena_printf(a, "action:%s", ac->id));
                placed = 1;
            }
        }
        if (!placed) {
            /* its rank beside the dot, the title in the list */
            const char *num = arena_printf(a, "%d", k + 1);
            for (int c = 0; c < 8; c++) {
                double cx = dx[k] + (c % 2 ? -16 : 6), cy = dy[k] + (c / 2 - 2) * 8;
                if (!overlaps(p, cx, cy, 10, 10)) {
                    page_text(doc, p, cx, cy, 12, num, TS_SMALL, 0, 0, NULL);
                    break;
                }
            }
            list_y += page_text(doc, p, list_x, list_y, 200, label, TS_SMALL, 0, 0,
                                arena_printf(a, "action:%s", ac->id)) + 3;
        }
    }
#undef IMPACT_Y
    /* the list column only when a title went there */
    double w = list_y > y0 ? list_x + 200 : x0 + W, h = y0 + H + 30;
    page_fit(p, w, h, o->page_w, o->page_h, t->margin);
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
