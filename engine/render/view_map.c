/*
 * view_map.c — the journey map: phases as columns, lanes as rows.
 *
 * From the top: the title and a legend; a header row with each phase's
 * name and goal; then one lane per kind of content the journey has —
 * stakeholder involvement, steps, customer actions, touchpoints, thoughts,
 * the emotion curve, pains, opportunities, needs, activities, content,
 * deliverables, questions.  A lane with nothing in any phase is left out.
 * Every row is as tall as its tallest cell, so text wraps inside its cell
 * and nothing overlaps.
 */
#include "render/lanes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *L(const mctx *m, word w)
{
    return word_in(m->loc, w);
}

double col_x(const mctx *m, int i)
{
    return m->x0 + i * (m->colw + m->gap);
}

/* Start a lane: its background (height set by lane_end) and label. */
int lane_begin(mctx *m, double y, const char *label, int alt)
{
    int idx = m->p->count;
    box *bg = page_box(m->doc, m->p, BOX_RECT, 0, y, m->width, 0);
    bg->role = alt ? FILL_LANE_ALT : FILL_LANE;
    page_text(m->doc, m->p, 0, y + m->t->lane_pad, m->t->label_width - 2 * m->t->gap,
              label, TS_LANE, 0, 0, NULL);
    return idx;
}

double lane_end(mctx *m, int idx, double y, double content_h)
{
    double h = content_h + 2 * m->t->lane_pad;
    double label_h = 0;
    box *label = &m->p->boxes[idx + 1];
    if (label->kind == BOX_TEXT)
        label_h = label->h + 2 * m->t->lane_pad;
    if (label_h > h)
        h = label_h;
    m->p->boxes[idx].h = h;
    (void)y;
    return h;
}

double meter_width(const mctx *m)
{
    return 4 * (m->t->pip_size + 1) + 3;
}

void evidence_meter(mctx *m, double x, double y, cjm_evidence_level level)
{
    box *pp = page_box(m->doc, m->p, BOX_PIPS, x, y, meter_width(m) - 3, m->t->meter_height);
    pp->icon = level;
    pp->ref = arena_printf(&m->doc->mem, "evidence:%d", level);
}

/* A card's standard time: "time 5 min (tolerance 8)". */
static const char *card_time(mctx *m, const cjm_time *tm)
{
    double unit = tm->days ? 1440 : 1;
    const char *s = arena_printf(&m->doc->mem, "%s %g %s", L(m, W_TIME), tm->standard / unit,
                                 L(m, tm->days ? W_UNIT_DAYS : W_UNIT_MINUTES));
    if (tm->tolerance >= 0)
        s = arena_printf(&m->doc->mem, "%s (%s %g)", s, L(m, W_TOLERANCE), tm->tolerance / unit);
    return s;
}

/* A stack of cards in column I from Y; returns the height used. */
int card_shown(const mctx *m, const cjm_card *c)
{
    if (!m->o->persona || c->personas.count == 0)
        return 1;
    for (int k = 0; k < c->personas.count; k++)
        if (strcmp(c->personas.items[k], m->o->persona) == 0)
            return 1;
    return 0;
}

/* Whom card C belongs to, by name, on a map of everyone; else NULL. */
static const char *card_owners(mctx *m, const cjm_card *c)
{
    if (m->o->persona || c->personas.count == 0)
        return NULL;
    const char *s = "";
    for (int k = 0; k < c->personas.count; k++) {
        int pi = model_find_persona(m->j, c->personas.items[k]);
        s = arena_printf(&m->doc->mem, "%s%s%s", s, k ? ", " : "→ ",
                         pi >= 0 ? m->j->personas[pi].name : c->personas.items[k]);
    }
    return s;
}

/* The text of card C as drawn: quoted thoughts, its time and fail point. */
static const char *card_text(mctx *m, const cjm_card *c, text_style style)
{
    const char *text = c->text;
    if (style == TS_THOUGHT)
        text = arena_printf(&m->doc->mem, "%s%s%s", L(m, W_QUOTE_OPEN), c->text,
                            L(m, W_QUOTE_CLOSE));
    if (c->time.standard >= 0)
        text = arena_printf(&m->doc->mem, "%s\n%s", text, card_time(m, &c->time));
    if (c->fail_point)
        text = arena_printf(&m->doc->mem, "%s\n⚠ %s%s", text, c->fail_point,
                            c->fail_rate >= 0
                                ? arena_printf(&m->doc->mem, " (%g%%)", 100 * c->fail_rate)
                                : "");
    return text;
}

double card_stack(mctx *m, int i, double y, const cjm_cards *cards,
                  int fill, text_style style, int lane_mark, const char *kind)
{
    const theme *t = m->t;
    double x = col_x(m, i), top = y;
    for (int k = 0; k < cards->count; k++) {
        const cjm_card *c = &cards->items[k];
        if (!card_shown(m, c))
            continue;
        int mark = lane_mark;
        if (c->fail_point && mark < 0)
            mark = MARK_FAIL;
        double lead = mark >= 0 ? t->icon_size : 0;
        double pips = c->evidence != EVID_NONE ? meter_width(m) : 0;
        double tw = m->colw - 2 * t->card_pad - lead - pips;
        const char *owners = card_owners(m, c);
        PangoLayout *shaped = text_shape(card_text(m, c, style), style, tw, 0);
        double tww, th;
        text_extent(shaped, &tww, &th);
        double oh = owners ? measure_text(owners, TS_SMALL, tw) + 1 : 0;
        double h = th + oh + 2 * t->card_pad;
        const char *ref = !kind ? NULL
            : c->id ? arena_printf(&m->doc->mem, "%s:%s", kind, c->id)
            : arena_printf(&m->doc->mem, "%s:%s#%d", kind, m->j->phases[m->first + i].id,
                           k + 1);
        box *r = page_box(m->doc, m->p, BOX_RECT, x, y, m->colw, h);
        r->role = mark == MARK_FAIL && lane_mark < 0 ? FILL_FAIL
                : mark == MARK_PLANNED ? FILL_PLANNED : fill;
        r->flags = BF_ROUND | (mark >= 0 ? BF_BAR : 0);
        r->ref = ref;
        if (mark >= 0) {
            box *mk = page_box(m->doc, m->p, BOX_MARK, x + t->card_pad,
                               y + t->card_pad, t->icon_size - 4, t->icon_size - 4);
            mk->role = mark;
        }
        page_shaped(m->doc, m->p, x + t->card_pad + lead, y + t->card_pad, shaped,
                    style, 0, ref);
        if (owners)
            page_text(m->doc, m->p, x + t->card_pad + lead, y + t->card_pad + th + 1, tw,
                      owners, TS_SMALL, BF_MUTED, 0, NULL);
        if (pips)
            evidence_meter(m, x + m->colw - t->card_pad - pips + 3, y + t->card_pad,
                           c->evidence);
        y += h + t->gap;
    }
    return y > top ? y - top - t->gap : 0;
}

/* Plain strings as cards. */
static cjm_cards strs_as_cards(mctx *m, const cjm_strs *s)
{
    cjm_cards c = { arena_alloc(&m->doc->mem, sizeof(cjm_card) * (size_t)(s->count + 1)),
                    s->count };
    for (int i = 0; i < s->count; i++) {
        model_card_init(&c.items[i]);
        c.items[i].text = s->items[i];
    }
    return c;
}

typedef const cjm_cards *(*cards_of)(mctx *m, const cjm_phase *ph);

static const cjm_cards *steps_of(mctx *m, const cjm_phase *ph) { (void)m; return &ph->steps; }
static const cjm_cards *actions_of(mctx *m, const cjm_phase *ph) { (void)m; return &ph->actions; }
static const cjm_cards *thoughts_of(mctx *m, const cjm_phase *ph) { (void)m; return &ph->thoughts; }
static const cjm_cards *pains_of(mctx *m, const cjm_phase *ph) { (void)m; return &ph->pains; }
static const cjm_cards *opps_of(mctx *m, const cjm_phase *ph) { (void)m; return &ph->opportunities; }
static const cjm_cards *needs_of(mctx *m, const cjm_phase *ph) { (void)m; return &ph->needs; }

#define STRS_OF(name, member)                                                   \
    static const cjm_cards *name(mctx *m, const cjm_phase *ph)                  \
    {                                                                           \
        cjm_cards *c = arena_alloc(&m->doc->mem, sizeof *c);                    \
        *c = strs_as_cards(m, &ph->member);                                     \
        return c;                                                               \
    }
STRS_OF(activities_of, activities)
STRS_OF(content_of, content)
STRS_OF(deliverables_of, deliverables)
STRS_OF(questions_of, questions)

/* A lane of card stacks; skipped when every phase's list is empty. */
static double card_lane(mctx *m, double y, word label, cards_of get,
                        int fill, text_style style, int mark, const char *kind,
                        int *alt)
{
    int any = 0;
    for (int i = 0; i < m->n; i++) {
        const cjm_cards *cs = get(m, &m->j->phases[m->first + i]);
        for (int k = 0; k < cs->count; k++)
            any |= card_shown(m, &cs->items[k]);
    }
    if (!any)
        return 0;
    int idx = lane_begin(m, y, L(m, label), (*alt)++ & 1);
    double tallest = 0;
    for (int i = 0; i < m->n; i++) {
        double h = card_stack(m, i, y + m->t->lane_pad, get(m, &m->j->phases[m->first + i]),
                              fill, style, mark, kind);
        if (h > tallest)
            tallest = h;
    }
    return lane_end(m, idx, y, tallest);
}

/* ---- header, involvement, touchpoints, emotion ---------------------------- */

double header_row(mctx *m, double y)
{
    const theme *t = m->t;
    double tallest = 0;
    for (int i = 0; i < m->n; i++) {
        const cjm_phase *ph = &m->j->phases[m->first + i];
        double h = measure_text(ph->name, TS_PHASE, m->colw - 2 * t->header_pad);
        if (ph->goal)
            h += 3 + measure_text(ph->goal, TS_GOAL, m->colw - 2 * t->header_pad);
        if (h > tallest)
            tallest = h;
    }
    double h = tallest + 2 * t->header_pad;
    for (int i = 0; i < m->n; i++) {
        const cjm_phase *ph = &m->j->phases[m->first + i];
        double x = col_x(m, i);
        box *r = page_box(m->doc, m->p, BOX_RECT, x, y, m->colw, h);
        r->role = FILL_HEADER;
        r->flags = BF_ROUND;
        double ty = y + t->header_pad;
        ty += page_text(m->doc, m->p, x + t->header_pad, ty, m->colw - 2 * t->header_pad,
                        ph->name, TS_PHASE, BF_HEADER_INK, 0,
                        arena_printf(&m->doc->mem, "phase:%s%s", ph->id,
                                     m->o->lane_first > 0 ? " (continued)" : ""));
        if (ph->goal)
            page_text(m->doc, m->p, x + t->header_pad, ty + 3,
                      m->colw - 2 * t->header_pad, ph->goal, TS_GOAL,
                      BF_HEADER_INK, 0, NULL);
    }
    return h;
}

/* (persona, column, sequence) of one entry, sorted in that order */
typedef struct { int persona, col, seq; const void *item; } entry;

static int by_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->persona != y->persona)
        return (x->persona > y->persona) - (x->persona < y->persona);
    return (x->seq > y->seq) - (x->seq < y->seq);
}

void page_by_persona(mctx *m, int emotions, by_persona *out)
{
    int total = 0;
    for (int i = 0; i < m->n; i++) {
        const cjm_phase *ph = &m->j->phases[m->first + i];
        total += emotions ? ph->emotion_count : ph->involvement_count;
    }
    entry *e = arena_alloc(&m->doc->mem, sizeof *e * (size_t)(total + 1));
    int n = 0;
    for (int i = 0; i < m->n; i++) {
        const cjm_phase *ph = &m->j->phases[m->first + i];
        int count = emotions ? ph->emotion_count : ph->involvement_count;
        for (int k = 0; k < count; k++) {
            const char *id = emotions ? ph->emotions[k].persona : ph->involvement[k].persona;
            if (!emotions && ph->involvement[k].level == INV_NONE)
                continue;
            int p = model_find_persona(m->j, id);
            if (p < 0 || (m->persona >= 0 && p != m->persona))
                continue;
            e[n] = (entry){ p, i, n, emotions ? (const void *)&ph->emotions[k]
                                              : (const void *)&ph->involvement[k] };
            n++;
        }
    }
    qsort(e, (size_t)n, sizeof *e, by_entry);
    out->personas = arena_alloc(&m->doc->mem, sizeof *out->personas * (size_t)(n + 1));
    out->start = arena_alloc(&m->doc->mem, sizeof *out->start * (size_t)(n + 2));
    out->col = arena_alloc(&m->doc->mem, sizeof *out->col * (size_t)(n + 1));
    out->item = arena_alloc(&m->doc->mem, sizeof *out->item * (size_t)(n + 1));
    out->count = 0;
    for (int k = 0; k < n; k++) {
        if (k == 0 || e[k].persona != e[k - 1].persona) {
            out->start[out->count] = k;
            out->personas[out->count++] = e[k].persona;
        }
        out->col[k] = e[k].col;
        out->item[k] = e[k].item;
    }
    out->start[out->count] = n;
}

const void *by_persona_at(const by_persona *b, int k, int col)
{
    int lo = b->start[k], hi = b->start[k + 1];
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (b->col[mid] < col)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->start[k + 1] && b->col[lo] == col ? b->item[lo] : NULL;
}

/* A row per persona who takes part in a phase shown: name and job, and
 * a mark in each phase it is driver, participant or gatekeeper of. */
static double involvement_lane(mctx *m, double y, int *alt)
{
    const theme *t = m->t;
    by_persona inv;
    page_by_persona(m, 0, &inv);
    if (!inv.count)
        return 0;
    int idx = lane_begin(m, y, L(m, W_STAKEHOLDERS), (*alt)++ & 1);
    double label_h = m->p->boxes[idx + 1].h + t->gap;
    double ry = y + t->lane_pad + label_h;
    for (int s = 0; s < inv.count; s++) {
        const cjm_persona *pe = &m->j->personas[inv.personas[s]];
        /* the name, and under it what the person is: job title and role */
        double lw = t->label_width - 8 - 2 * t->gap;
        const char *what = pe->job_title
            ? arena_printf(&m->doc->mem, "%s · %s", pe->job_title, L(m, W_ROLE_PIC + pe->role))
            : L(m, W_ROLE_PIC + pe->role);
        double nh = measure_text(pe->name, TS_SMALL, lw) + measure_text(what, TS_SMALL, lw);
        double row = nh > t->involve_row ? nh : t->involve_row;
        double ny = ry + (row - nh) / 2 - 1;
        ny += page_text(m->doc, m->p, 8, ny, lw, pe->name, TS_SMALL, 0, 0,
                        arena_printf(&m->doc->mem, "persona:%s", pe->id));
        page_text(m->doc, m->p, 8, ny, lw, what, TS_SMALL, BF_MUTED, 0,
                  arena_printf(&m->doc->mem, "role:%s", pe->id));
        for (int k = inv.start[s]; k < inv.start[s + 1]; k++) {
            cjm_involvement lv = ((const cjm_involve *)inv.item[k])->level;
            double x = col_x(m, inv.col[k]) + t->card_pad;
            double sz = t->icon_size - 2;
            box *mk = page_box(m->doc, m->p, BOX_MARK, x, ry + (row - sz) / 2 - 1, sz, sz);
            mk->role = MARK_INVOLVE;
            mk->icon = lv;
            double th = measure_text(L(m, W_INV_NONE + lv), TS_SMALL, 0);
            page_text(m->doc, m->p, x + sz + 5, ry + (row - th) / 2 - 1,
                      m->colw - 2 * t->card_pad - sz - 5, L(m, W_INV_NONE + lv),
                      TS_SMALL, lv == INV_GATEKEEPER ? 0 : BF_MUTED, 0, NULL);
        }
        ry += row + 2;
    }
    return lane_end(m, idx, y, ry - y - t->lane_pad);
}

/* What a touchpoint card says under its name: when, who owns it, its
 * reach and lift when they differ from the defaults. */
static const char *touchpoint_details(mctx *m, const cjm_touchpoint *tp)
{
    arena *a = &m->doc->mem;
    const char *s = L(m, W_TIMING_BEFORE + tp->timing);
    if (tp->owner)
        s = arena_printf(a, "%s · %s %s", s, L(m, W_OWNER), tp->owner);
    if (tp->reach != 1)
        s = arena_printf(a, "%s · %s %g%%", s, L(m, W_REACH), 100 * tp->reach);
    if (tp->lift != 1)
        s = arena_printf(a, "%s · %s ×%g", s, L(m, W_LIFT), tp->lift);
    return s;
}

/* Touchpoint TP's card in column I at Y; its height plus the gap. */
static double touchpoint_card(mctx *m, int i, const cjm_phase *ph, const cjm_touchpoint *tp,
                              double cy)
{
    const theme *t = m->t;
    double x = col_x(m, i), mark = 6;
    double meter = tp->evidence != EVID_NONE ? meter_width(m) : 0;
    double tx = x + t->card_pad + t->icon_size + 5;
    double tw = m->colw - 2 * t->card_pad - t->icon_size - 5 - mark - 4 - meter;
    const char *details = touchpoint_details(m, tp);
    PangoLayout *shaped = text_shape(tp->name, TS_CARD, tw, 0);
    double tww, th;
    text_extent(shaped, &tww, &th);
    double dh = measure_text(details, TS_SMALL, tw);
    double h = fmax(th + dh + 1, t->icon_size) + 2 * t->card_pad;
    box *r = page_box(m->doc, m->p, BOX_RECT, x, cy, m->colw, h);
    r->role = FILL_TOUCHPOINT;
    r->flags = BF_ROUND | (tp->control == CONTROL_INDIRECT ? BF_DASHED : 0);
    const char *ref = r->ref = arena_printf(&m->doc->mem, "touchpoint:%s/%s", ph->id, tp->id);
    box *ic = page_box(m->doc, m->p, BOX_ICON, x + t->card_pad, cy + t->card_pad,
                       t->icon_size, t->icon_size);
    ic->icon = tp->channel;
    ic->ref = arena_printf(&m->doc->mem, "channel:%s", model_channel_names()[tp->channel]);
    double ty = cy + t->card_pad;
    /* (R may have moved: the boxes grow as they are added) */
    ty += page_shaped(m->doc, m->p, tx, ty, shaped, TS_CARD, 0, ref) + 1;
    page_text(m->doc, m->p, tx, ty, tw, details, TS_SMALL, BF_MUTED, 0,
              arena_printf(&m->doc->mem, "details:%s/%s", ph->id, tp->id));
    if (meter)
        evidence_meter(m, x + m->colw - t->card_pad - mark - 4 - meter + 3, cy + t->card_pad,
                       tp->evidence);
    box *on = page_box(m->doc, m->p, BOX_MARK, x + m->colw - t->card_pad - mark,
                       cy + t->card_pad + 2, mark, mark);
    on->role = tp->online ? MARK_ONLINE : MARK_OFFLINE;
    return h + t->gap;
}

static double touchpoint_lane(mctx *m, double y, int *alt)
{
    const theme *t = m->t;
    int any = 0;
    for (int i = 0; i < m->n; i++)
        any |= m->j->phases[m->first + i].touchpoints.count > 0;
    if (!any)
        return 0;
    int idx = lane_begin(m, y, L(m, W_TOUCHPOINTS), (*alt)++ & 1);
    double tallest = 0;
    for (int i = 0; i < m->n; i++) {
        const cjm_phase *ph = &m->j->phases[m->first + i];
        double cy = y + t->lane_pad;
        for (int k = 0; k < ph->touchpoints.count; k++) {
            int ti = model_find_touchpoint(m->j, ph->touchpoints.items[k]);
            if (ti < 0)
                continue;
            cy += touchpoint_card(m, i, ph, &m->j->touchpoints[ti], cy);
        }
        double used = cy - (y + t->lane_pad) - t->gap;
        if (used > tallest)
            tallest = used;
    }
    return lane_end(m, idx, y, tallest);
}

/* ---- legend and title ------------------------------------------------------- */

static double legend(mctx *m, double y)
{
    struct { int mark; int icon; const char *label; } items[] = {
        { MARK_INVOLVE, INV_DRIVER, L(m, W_INV_NONE + INV_DRIVER) },
        { MARK_INVOLVE, INV_PARTICIPANT, L(m, W_INV_NONE + INV_PARTICIPANT) },
        { MARK_INVOLVE, INV_GATEKEEPER, L(m, W_INV_NONE + INV_GATEKEEPER) },
        { MARK_PAIN, 0, L(m, W_PAINS) },
        { MARK_OPPORTUNITY, 0, L(m, W_OPPORTUNITIES) },
        { MARK_ONLINE, 0, L(m, W_ONLINE) },
        { MARK_OFFLINE, 0, L(m, W_OFFLINE) },
        { -1, 0, L(m, W_DIRECT) },
        { -2, 0, L(m, W_INDIRECT) },
        { -4, 0, arena_printf(&m->doc->mem, "%s:", L(m, W_EVIDENCE)) },
        { -3, EVID_ASSUMPTION, L(m, W_EVID_ASSUMPTION) },
        { -3, EVID_WORKSHOP, L(m, W_EVID_WORKSHOP) },
        { -3, EVID_QUALITATIVE, L(m, W_EVID_QUALITATIVE) },
        { -3, EVID_QUANTITATIVE, L(m, W_EVID_QUANTITATIVE) },
        { MARK_LOW, 0, L(m, W_LOW_POINT) },
    };
    /* only what this map shows */
    int shown[sizeof items / sizeof items[0]] = { 0 };
    const cjm_journey *j = m->j;
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int q = 0; ph->involvement && q < ph->involvement_count; q++) {
            if (m->o->persona && strcmp(ph->involvement[q].persona, m->o->persona) != 0)
                continue;
            cjm_involvement lv = ph->involvement[q].level;
            shown[0] |= lv == INV_DRIVER;
            shown[1] |= lv == INV_PARTICIPANT;
            shown[2] |= lv == INV_GATEKEEPER;
        }
        for (int k = 0; k < ph->pains.count; k++)
            shown[3] |= card_shown(m, &ph->pains.items[k]);
        for (int k = 0; k < ph->opportunities.count; k++)
            shown[4] |= card_shown(m, &ph->opportunities.items[k]);
        for (int k = 0; k < ph->touchpoints.count; k++) {
            int ti = model_find_touchpoint(j, ph->touchpoints.items[k]);
            if (ti < 0)
                continue;
            shown[5] |= j->touchpoints[ti].online;
            shown[6] |= !j->touchpoints[ti].online;
            shown[7] |= j->touchpoints[ti].control != CONTROL_INDIRECT;
            shown[8] |= j->touchpoints[ti].control == CONTROL_INDIRECT;
        }
        const cjm_cards *cards[5] = { &ph->steps, &ph->actions, &ph->thoughts, &ph->pains,
                                      &ph->opportunities };
        for (int l = 0; l < 5; l++)
            for (int k = 0; k < cards[l]->count; k++)
                shown[9] |= cards[l]->items[k].evidence != EVID_NONE;
        for (int k = 0; k < ph->emotion_count; k++)
            shown[9] |= ph->emotions[k].evidence != EVID_NONE;
        shown[14] |= ph->emotion_count > 0;
    }
    for (int k = 0; k < j->touchpoint_count; k++)
        shown[9] |= j->touchpoints[k].evidence != EVID_NONE;
    for (int k = 10; k < 14; k++)
        shown[k] = shown[9];
    double x = 0, row_h = 14;
    int any = 0;
    for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
        if (!shown[k])
            continue;
        any = 1;
        PangoLayout *lay = text_shape(items[k].label, TS_SMALL, 0, 0);
        double tw, th;
        text_extent(lay, &tw, &th);
        g_object_unref(lay);
        double mark_w = items[k].mark == -3 ? meter_width(m) - 3 : items[k].mark == -4 ? -4 : 12;
        double item_w = mark_w + 4 + tw + 14;
        if (x > 0 && x + item_w > m->width) {
            x = 0;
            y += row_h;
        }
        if (items[k].mark >= 0) {
            box *mk = page_box(m->doc, m->p, BOX_MARK, x, y + 1, 10, 10);
            mk->role = items[k].mark;
            mk->icon = items[k].icon;
            mk->color = 0;
        } else if (items[k].mark == -3) {
            evidence_meter(m, x, y + 1, items[k].icon);
        } else if (items[k].mark == -4) {
            /* a word alone */
        } else {
            box *r = page_box(m->doc, m->p, BOX_RECT, x, y + 1, 12, 10);
            r->role = FILL_TOUCHPOINT;
            r->flags = BF_ROUND | (items[k].mark == -2 ? BF_DASHED : 0);
        }
        page_text(m->doc, m->p, x + mark_w + 4, y, tw + 1, items[k].label, TS_SMALL,
                  BF_MUTED, 0, NULL);
        x += item_w;
    }
    return any ? y + row_h : y;
}

/* The lanes of the map, top to bottom: one drawn by its own function, or
 * a lane of cards. */
typedef struct lane_def {
    double (*draw)(mctx *m, double y, int *alt);
    word label;
    cards_of get;
    int fill;
    text_style style;
    int mark;
    const char *kind;
} lane_def;

static const lane_def map_lanes[] = {
    { involvement_lane, 0, NULL, 0, 0, 0, NULL },
    { NULL, W_STEPS, steps_of, FILL_CARD, TS_CARD, -1, "step" },
    { NULL, W_ACTIONS, actions_of, FILL_CARD, TS_CARD, -1, "doing" },
    { touchpoint_lane, 0, NULL, 0, 0, 0, NULL },
    { NULL, W_THOUGHTS, thoughts_of, FILL_THOUGHT, TS_THOUGHT, -1, "thought" },
    { emotion_lane, 0, NULL, 0, 0, 0, NULL },
    { NULL, W_PAINS, pains_of, FILL_PAIN, TS_CARD, MARK_PAIN, "pain" },
    { NULL, W_OPPORTUNITIES, opps_of, FILL_OPPORTUNITY, TS_CARD, MARK_OPPORTUNITY,
      "opportunity" },
    { NULL, W_NEEDS, needs_of, FILL_NEED, TS_CARD, -1, "need" },
    { NULL, W_ACTIVITIES, activities_of, FILL_CARD, TS_CARD, -1, "activity" },
    { NULL, W_CONTENT, content_of, FILL_CARD, TS_CARD, -1, "content" },
    { NULL, W_DELIVERABLES, deliverables_of, FILL_CARD, TS_CARD, -1, "deliverable" },
    { NULL, W_QUESTIONS, questions_of, FILL_QUESTION, TS_CARD, -1, "question" },
};
#define MAP_LANES ((int)(sizeof map_lanes / sizeof map_lanes[0]))

/* The map with columns COLW wide, as a new page of DOC. */
static void map_page(rdoc *doc, const cjm_journey *j, const layout_options *o,
                     double colw)
{
    const theme *t = o->theme;
    mctx m = { .doc = doc, .j = j, .t = t, .o = o, .first = o->first,
               .n = o->count > 0 ? o->count : j->phase_count - o->first,
               .loc = j->locale ? j->locale : "en" };
    m.p = rdoc_add_page(doc);
    m.persona = o->persona ? model_find_persona(j, o->persona) : -1;
    m.gap = t->gap;
    m.x0 = t->label_width;
    m.colw = colw;
    m.width = m.x0 + m.n * m.colw + (m.n - 1) * m.gap;

    double y = 0;
    const char *title = j->title;
    if (m.persona >= 0)
        title = arena_printf(&doc->mem, "%s — %s", j->title, j->personas[m.persona].name);
    y += page_text(doc, m.p, 0, y, m.width, title, TS_TITLE, 0, 0, "title") + 4;
    if (m.n < j->phase_count || o->lane_first > 0) {
        const char *part = arena_printf(&doc->mem, L(&m, W_PAGE_OF), m.first + 1,
                                        m.first + m.n, j->phase_count);
        if (o->lane_first > 0)
            part = arena_printf(&doc->mem, "%s · %s", part, L(&m, W_CONTINUED));
        y += page_text(doc, m.p, 0, y, m.width, part, TS_SUBTITLE, 0, 0, "part") + 4;
    }
    if (j->description)
        y += page_text(doc, m.p, 0, y, m.width, j->description, TS_SUBTITLE, BF_MUTED,
                       0, NULL) + 4;
    y += 6;
    y = legend(&m, y) + 10;

    y += header_row(&m, y) + t->gap;
    if (o->lane_heights)
        o->lane_heights[MAP_LANES] = y;
    int alt = 0;
    int lf = o->lane_count > 0 ? o->lane_first : 0;
    int ll = o->lane_count > 0 ? lf + o->lane_count : MAP_LANES;
    for (int l = lf; l < ll && l < MAP_LANES; l++) {
        const lane_def *ld = &map_lanes[l];
        double h = ld->draw ? ld->draw(&m, y, &alt)
                            : card_lane(&m, y, ld->label, ld->get, ld->fill, ld->style,
                                        ld->mark, ld->kind, &alt);
        if (o->lane_heights)
            o->lane_heights[l] = h;
        y += h;
    }
    page_fit(m.p, m.width, y, o->page_w, o->page_h, t->margin);
}

/* On a fixed page, the column width that lets the drawing be largest:
 * narrow columns make tall lanes, wide ones a wide grid.  A few widths are
 * tried on scratch pages, each laid out in full. */
double best_column_width(const cjm_journey *j, const layout_options *o,
                         void (*page)(rdoc *, const cjm_journey *,
                                      const layout_options *, double))
{
    const theme *t = o->theme;
    if (o->page_w <= 0 || o->page_h <= 0)
        return t->col_width;
    int n = o->count > 0 ? o->count : j->phase_count - o->first;
    if (n < 1)
        n = 1;
    double fit = (o->page_w - 2 * t->margin - t->label_width - (n - 1) * t->gap) / n;
    double best = t->col_width, best_scale = -1;
    double candidates[] = { fit, t->col_width * 0.75, t->col_width, t->col_width * 1.3 };
    double avail_w = o->page_w - 2 * t->margin;
    for (size_t k = 0; k < sizeof candidates / sizeof candidates[0]; k++) {
        double w = candidates[k] < t->col_min_width ? t->col_min_width : candidates[k];
        /* the page is at least this wide, so its scale at most this: a
         * width that cannot beat the best so far is not laid out */
        double bound = avail_w / (t->label_width + n * w + (n - 1) * t->gap);
        if (fmin(bound, 1.5) <= best_scale + 1e-9)
            continue;
        rdoc *scratch = rdoc_new();
        page(scratch, j, o, w);
        double sc = scratch->pages[scratch->count - 1].scale;
        rdoc_free(scratch);
        if (sc > best_scale + 1e-9) {
            best_scale = sc;
            best = w;
        }
    }
    return best;
}

/* The map of phases FIRST .. FIRST + COUNT - 1 at its best column width,
 * as a new page of DOC. */
static rpage *map_part(rdoc *doc, const cjm_journey *j, const layout_options *o, int first,
                       int count)
{
    layout_options part = *o;
    part.first = first;
    part.count = count;
    map_page(doc, j, &part, best_column_width(j, &part, map_page));
    return &doc->pages[doc->count - 1];
}

/* How many phase columns COLW wide a page holds with its text at the
 * theme's minimum size or larger; at least 1.  MIN_PT: the smallest text
 * size the map uses. */
static int columns_per_page(const layout_options *o, double colw, double min_pt)
{
    const theme *t = o->theme;
    double s_min = t->min_text_size / min_pt;
    double width = (o->page_w - 2 * t->margin) / s_min - t->label_width + t->gap;
    int k = (int)floor(width / (colw + t->gap));
    return k < 1 ? 1 : k;
}

/* Phases FIRST .. FIRST + COUNT - 1 on as many pages as their lanes need:
 * lanes are packed top to bottom while the page's text stays at the
 * minimum size or larger; each page repeats the title and phase headers.
 * A lane taller than a page gets a page of its own, drawn smaller. */
static void map_column_pages(rdoc *doc, const cjm_journey *j, const layout_options *o,
                             int first, int count, double colw, double min_pt)
{
    const theme *t = o->theme;
    double heights[MAP_LANES + 1] = { 0 };
    layout_options part = *o;
    part.first = first;
    part.count = count;
    part.lane_heights = heights;
    rdoc *scratch = rdoc_new();
    map_page(scratch, j, &part, colw);
    rdoc_free(scratch);
    part.lane_heights = NULL;
    double budget = (o->page_h - 2 * t->margin) / (t->min_text_size / min_pt);
    for (int l = 0; l < MAP_LANES;) {
        double h = heights[MAP_LANES] + heights[l];
        int end = l + 1;
        while (end < MAP_LANES && h + heights[end] <= budget)
            h += heights[end++];
        while (end < MAP_LANES && heights[end] == 0)
            end++;          /* empty lanes go with the page before */
        part.lane_first = l;
        part.lane_count = end - l;
        map_page(doc, j, &part, colw);
        l = end;
    }
}

void layout_columns(rdoc *doc, const cjm_journey *j, const layout_options *o,
                    void (*page)(rdoc *, const cjm_journey *, const layout_options *,
                                 double))
{
    int n = j->phase_count;
    page(doc, j, o, best_column_width(j, o, page));
    rpage *whole = &doc->pages[doc->count - 1];
    double min = page_min_text(whole);
    if (o->page_w <= 0 || o->page_h <= 0 || min <= 0
        || min >= o->theme->min_text_size - 1e-9)
        return;
    int per = columns_per_page(o, o->theme->col_width, min / whole->scale);
    if (per >= n)
        return;
    rdoc_truncate(doc, doc->count - 1);
    int pages = (n + per - 1) / per;
    for (int k = 0, first = 0; k < pages; k++) {
        layout_options part = *o;
        part.first = first;
        part.count = (n - first) / (pages - k);
        page(doc, j, &part, best_column_width(j, &part, page));
        first += part.count;
    }
}

/* On a fixed page, a map whose text would shrink below the theme's
 * min_text_size continues on more pages instead: as many phases per page
 * as fit across at full column width (spread evenly), and the lanes
 * continued below when they do not fit down; every page has the title,
 * the legend, the phase headers and its lanes' titles. */
void layout_map(rdoc *doc, const cjm_journey *j, const layout_options *o,
                diag_list *d)
{
    (void)d;
    int n = j->phase_count;
    if (o->page_w <= 0 || o->page_h <= 0) {
        map_part(doc, j, o, 0, n);
        return;
    }
    rpage *whole = map_part(doc, j, o, 0, n);
    double min = page_min_text(whole);
    if (min >= o->theme->min_text_size - 1e-9 || min <= 0)
        return;
    double min_pt = min / whole->scale;
    rdoc_truncate(doc, doc->count - 1);
    double colw = o->theme->col_width;
    int per = columns_per_page(o, colw, min_pt);
    if (per > n)
        per = n;
    int pages = (n + per - 1) / per;
    for (int k = 0, first = 0; k < pages; k++) {
        int count = (n - first) / (pages - k);
        map_column_pages(doc, j, o, first, count, colw, min_pt);
        first += count;
    }
}
