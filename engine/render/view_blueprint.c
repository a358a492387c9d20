/*
 * view_blueprint.c — the service blueprint: phases as columns, and the
 * lanes of the blueprint (physical evidence, customer actions, frontstage,
 * backstage, support processes) divided by the lines of interaction,
 * visibility and internal interaction; step times against each phase's
 * budget above them, the actions' planned changes in their lanes with
 * --plan, and arrows for the links the model declares.
 */
#include "render/lanes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const LANE_IDS[5] = { "evidence", "customer", "frontstage", "backstage",
                                         "support" };

static const cjm_cards *bp_lane(const cjm_phase *ph, int lane)
{
    const cjm_blueprint *b = &ph->blueprint;
    const cjm_cards *lanes[5] = { &b->evidence, &b->customer, &b->frontstage,
                                  &b->backstage, &b->support };
    return lanes[lane];
}

/* Where each blueprint card with an id ended up, for the arrows. */
typedef struct placed { const char *id; double x, y, w, h; } placed;

typedef struct bctx {
    mctx m;
    placed *where;
    int nplaced;
} bctx;

/* An empty blueprint says how to fill it rather than showing bare lanes. */
static double empty_hint(mctx *m, double y)
{
    int entries = 0;
    for (int i = 0; i < m->n; i++)
        for (int l = 0; l < 5; l++)
            entries += bp_lane(&m->j->phases[m->first + i], l)->count;
    if (entries)
        return y;
    return y + page_text(m->doc, m->p, 0, y, m->width, L(m, W_BP_EMPTY), TS_BODY, BF_MUTED, 0,
                         "blueprint:empty") + m->t->gap;
}

/* Phase I's step times against its budget, at Y; the height used. */
static double time_cell(mctx *m, int i, double y)
{
    const cjm_phase *ph = &m->j->phases[m->first + i];
    double used = model_phase_minutes(ph), budget = ph->time_budget.standard;
    if (budget < 0 && used <= 0)
        return 0;
    int days = ph->time_budget.days;
    double k = days ? 1440 : 1;
    arena *a = &m->doc->mem;
    const char *txt = budget >= 0
        ? arena_printf(a, "%g of %g %s budget", used / k, budget / k, days ? "days" : "min")
        : arena_printf(a, "%g min", used);
    int over = budget >= 0 && used > budget;
    double x = col_x(m, i);
    if (over) {
        box *mk = page_box(m->doc, m->p, BOX_MARK, x, y, 10, 10);
        mk->role = MARK_FAIL;
    }
    return page_text(m->doc, m->p, x + (over ? 14 : 0), y, m->colw - 14,
                     over ? arena_printf(a, "over: %s", txt) : txt, TS_SMALL,
                     over ? 0 : BF_MUTED, 0,
                     over ? arena_printf(a, "over_budget:%s", ph->id) : NULL);
}

/* Step times against each phase's budget (Shostack), when any are given. */
static double time_lane(mctx *m, double y)
{
    int timed = 0;
    for (int i = 0; i < m->n; i++)
        timed |= m->j->phases[m->first + i].time_budget.standard >= 0
                 || model_phase_minutes(&m->j->phases[m->first + i]) > 0;
    if (!timed)
        return y;
    int idx = lane_begin(m, y, L(m, W_STEP_TIME), 1);
    double tallest = 0;
    for (int i = 0; i < m->n; i++)
        tallest = fmax(tallest, time_cell(m, i, y + m->t->lane_pad));
    return y + lane_end(m, idx, y, tallest);
}

/* A labelled dashed line across the page above lane L (2..4). */
static double dividing_line(mctx *m, int l, double y)
{
    const theme *t = m->t;
    const char *label = L(m, W_LINE_INTERACTION + l - 2);
    double lh = measure_text(label, TS_LINE_LABEL, t->label_width - 8);
    box *line = page_box(m->doc, m->p, BOX_LINE, 0, y + lh + 3, m->width, 0);
    line->flags = BF_DASHED;
    line->role = 1;
    line->pts = arena_alloc(&m->doc->mem, 4 * sizeof(double));
    line->pts[0] = 0;
    line->pts[1] = y + lh + 3;
    line->pts[2] = m->width;
    line->pts[3] = y + lh + 3;
    line->npts = 2;
    page_text(m->doc, m->p, 0, y, t->label_width - 8, label, TS_LINE_LABEL, 0, 0, NULL);
    return y + lh + 7;
}

/* Remember where the cards with ids of the stack that starts at box
 * FIRST_BOX were placed. */
static void note_places(bctx *b, int first_box, const cjm_cards *cards)
{
    int card = 0;
    for (int k = first_box; k < b->m.p->count && card < cards->count; k++) {
        const box *bx = &b->m.p->boxes[k];
        if (bx->kind != BOX_RECT)
            continue;
        if (cards->items[card].id)
            b->where[b->nplaced++] = (placed){ cards->items[card].id, bx->x, bx->y,
                                               bx->w, bx->h };
        card++;
    }
}

/* The actions that change lane L in phase I, as cards under its own, from
 * Y; the height used. */
static double planned_cards(mctx *m, int i, int l, double y)
{
    const cjm_journey *j = m->j;
    arena *a = &m->doc->mem;
    cjm_cards planned = { arena_alloc(a, sizeof(cjm_card) * (size_t)(j->action_count + 1)), 0 };
    for (int k = 0; k < j->action_count; k++) {
        const cjm_action *ac = &j->actions[k];
        if (!ac->phase || strcmp(ac->phase, j->phases[m->first + i].id))
            continue;
        for (int q = 0; q < ac->lanes.count; q++)
            if (!strcmp(ac->lanes.items[q], LANE_IDS[l])) {
                cjm_card *pc = &planned.items[planned.count++];
                model_card_init(pc);
                pc->text = arena_printf(a, "%s: %s%s%s", L(m, W_PLANNED), ac->title,
                                        ac->owner ? " — " : "", ac->owner ? ac->owner : "");
                pc->id = ac->id;
            }
    }
    if (!planned.count)
        return 0;
    return card_stack(m, i, y, &planned, FILL_PLANNED, TS_CARD, MARK_PLANNED, "planned");
}

/* What the cards of each lane are called in their refs. */
static const char *const BP_KINDS[5] = {
    "bp.evidence", "bp.customer", "bp.frontstage", "bp.backstage", "bp.support"
};

/* Blueprint lane L at Y, with its dividing line above it; the new Y. */
static double blueprint_lane(bctx *b, int l, double y)
{
    mctx *m = &b->m;
    const theme *t = m->t;
    static const int fills[5] = { FILL_NEED, FILL_PERSONA_CARD, FILL_TOUCHPOINT,
                                  FILL_THOUGHT, FILL_CARD };
    if (l >= 2)
        y = dividing_line(m, l, y);
    int idx = lane_begin(m, y, L(m, W_BP_EVIDENCE + l), l & 1);
    double tallest = 0;
    for (int i = 0; i < m->n; i++) {
        const cjm_cards *cards = bp_lane(&m->j->phases[m->first + i], l);
        int first_box = m->p->count;
        double h = card_stack(m, i, y + t->lane_pad, cards, fills[l], TS_CARD, -1,
                              BP_KINDS[l]);
        note_places(b, first_box, cards);
        if (m->o->show_plan) {
            double gap = h > 0 ? t->gap : 0;
            double ph = planned_cards(m, i, l, y + t->lane_pad + h + gap);
            if (ph > 0)
                h += gap + ph;
        }
        tallest = fmax(tallest, h);
    }
    if (tallest < 14)
        tallest = 14;       /* an empty lane still shows its place */
    return y + lane_end(m, idx, y, tallest);
}

/* An elbow arrow from card FROM to card TO, through the gap right of the
 * cards: they fill their column, so a straight arrow would cross text. */
static void link_arrow(mctx *m, const placed *from, const placed *to, const cjm_link *link)
{
    box *a = page_box(m->doc, m->p, BOX_ARROW, 0, 0, 0, 0);
    double *pt = arena_alloc(&m->doc->mem, 8 * sizeof(double));
    double fy = from->y + from->h / 2, ty = to->y + to->h / 2;
    double fx = from->x + from->w, tx = to->x + to->w;
    double lane_x = (fx > tx ? fx : tx) + m->gap / 2;
    if (to->x > from->x + from->w) {         /* a later phase */
        tx = to->x;
        lane_x = fx + m->gap / 2;
    }
    pt[0] = fx; pt[1] = fy;
    pt[2] = lane_x; pt[3] = fy;
    pt[4] = lane_x; pt[5] = ty;
    pt[6] = tx; pt[7] = ty;
    a->pts = pt;
    a->npts = 4;
    a->x = fx < lane_x ? fx : lane_x;
    a->y = fy < ty ? fy : ty;
    a->w = fabs(lane_x - fx) + 1;
    a->h = fabs(ty - fy);
    a->ref = arena_printf(&m->doc->mem, "link:%s>%s", link->from, link->to);
}

/* Arrows for the links the model declares between placed cards. */
static void link_arrows(bctx *b)
{
    mctx *m = &b->m;
    for (int i = 0; i < m->n; i++) {
        const cjm_blueprint *bp = &m->j->phases[m->first + i].blueprint;
        for (int k = 0; k < bp->link_count; k++) {
            const placed *from = NULL, *to = NULL;
            for (int q = 0; q < b->nplaced; q++) {
                if (strcmp(b->where[q].id, bp->links[k].from) == 0)
                    from = &b->where[q];
                if (strcmp(b->where[q].id, bp->links[k].to) == 0)
                    to = &b->where[q];
            }
            if (from && to)
                link_arrow(m, from, to, &bp->links[k]);
        }
    }
}

static void blueprint_page(rdoc *doc, const cjm_journey *j,
                           const layout_options *o, double colw)
{
    const theme *t = o->theme;
    bctx b = { .m = { .doc = doc, .j = j, .t = t, .o = o, .first = o->first,
                      .n = o->count > 0 ? o->count : j->phase_count - o->first,
                      .loc = j->locale ? j->locale : "en" } };
    mctx *m = &b.m;
    m->p = rdoc_add_page(doc);
    m->gap = t->link_gap;     /* room for the link arrows between phases */
    m->x0 = t->label_width;
    m->colw = colw;
    m->width = m->x0 + m->n * m->colw + (m->n - 1) * m->gap;
    int total = 0;
    for (int i = 0; i < m->n; i++)
        for (int l = 0; l < 5; l++)
            total += bp_lane(&j->phases[m->first + i], l)->count;
    b.where = arena_alloc(&doc->mem, sizeof *b.where * (size_t)(total + 1));

    double y = page_text(doc, m->p, 0, 0, m->width,
                         arena_printf(&doc->mem, "%s — %s", L(m, W_BLUEPRINT), j->title),
                         TS_TITLE, 0, 0, "title") + 10;
    y += header_row(m, y) + t->gap;
    y = empty_hint(m, y);
    y = time_lane(m, y);
    for (int l = 0; l < 5; l++)
        y = blueprint_lane(&b, l, y);
    link_arrows(&b);
    page_fit(m->p, m->width, y, o->page_w, o->page_h, t->margin);
}

void layout_blueprint(rdoc *doc, const cjm_journey *j, const layout_options *o,
                      diag_list *d)
{
    (void)d;
    layout_columns(doc, j, o, blueprint_page);
}
