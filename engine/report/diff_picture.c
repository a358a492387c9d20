/*
 * diff_picture.c — a journey diff drawn; see diff_picture.h.
 *
 * Stages: lay out the new journey's map; find each changed thing's boxes
 * by the ref the map gave them and outline them (mark_changes); add the
 * removed things as dashed ghosts in a band under the map, each in the
 * column of the phase it was in (ghosts); draw each persona's emotion
 * curve as it was, dashed, with the area to the new curve shaded
 * (emotion_before); grow the page to the band.
 */
#include "report/diff_picture.h"

#include <math.h>
#include <string.h>

#include "render/layout.h"
#include "render/surface.h"
#include "render/words.h"

typedef struct pctx {
    arena *a;
    rdoc *doc;
    rpage *p;
    const cjm_journey *old, *nj;
    const journey_diff *df;
    const theme *t;
    const char *loc;
    int base_count;             /* boxes of the map itself */
    int blueprint;              /* the blueprint drawn, not the map */
} pctx;

/* What the map and the blueprint call the cards of each kind in their
 * refs (view_map.c, view_blueprint.c); the blueprint's begin "bp.". */
static const struct { const char *kind, *ref; } card_refs[] = {
    { "step", "step" }, { "customer action", "doing" }, { "thought", "thought" },
    { "pain", "pain" }, { "opportunity", "opportunity" }, { "need", "need" },
    { "activity", "activity" }, { "content", "content" }, { "deliverable", "deliverable" },
    { "question", "question" }, { "physical evidence", "bp.evidence" },
    { "customer (blueprint)", "bp.customer" }, { "frontstage", "bp.frontstage" },
    { "backstage", "bp.backstage" }, { "support", "bp.support" },
};

/* The ref prefix of cards of KIND in the view drawn (NULL: that view
 * does not draw them). */
static const char *card_ref_prefix(const pctx *c, const char *kind)
{
    for (size_t i = 0; i < sizeof card_refs / sizeof card_refs[0]; i++)
        if (strcmp(card_refs[i].kind, kind) == 0)
            return (strncmp(card_refs[i].ref, "bp.", 3) == 0) == c->blueprint
                   ? card_refs[i].ref : NULL;
    return NULL;
}

/* The ref of item IT on the new map, or NULL (a thing the map does not
 * draw: blueprint cards, actions, scenarios).  Touchpoints: "touchpoint:"
 * and *SUFFIX "/ID", in every phase that uses them. */
static const char *ref_on_map(pctx *c, const diff_item *it, const char **suffix)
{
    *suffix = NULL;
    if (!strcmp(it->kind, "persona") || !strcmp(it->kind, "phase"))
        return arena_printf(c->a, "%s:%s", it->kind, it->new_id);
    if (!strcmp(it->kind, "touchpoint")) {
        *suffix = arena_printf(c->a, "/%s", it->new_id);
        return "touchpoint:";
    }
    const char *pfx = card_ref_prefix(c, it->kind);
    if (!pfx)
        return NULL;
    return it->new_id ? arena_printf(c->a, "%s:%s", pfx, it->new_id)
                      : arena_printf(c->a, "%s:%s#%d", pfx, it->new_phase, it->new_index + 1);
}

static int ref_matches(const char *ref, const char *want, const char *suffix)
{
    if (!ref)
        return 0;
    if (!suffix)
        return strcmp(ref, want) == 0;
    size_t n = strlen(ref), s = strlen(suffix);
    return strncmp(ref, want, strlen(want)) == 0 && n > s && strcmp(ref + n - s, suffix) == 0;
}

static void outline(pctx *c, double x, double y, double w, double h, int role, unsigned flags)
{
    box *b = page_box(c->doc, c->p, BOX_RECT, x - 2, y - 2, w + 4, h + 4);
    b->role = role;
    b->flags = BF_OUTLINE | BF_ROUND | flags;
}

/* Outline the boxes of every added or changed thing the map shows: a
 * rectangle round each card (its own box), or round each text of it. */
static void mark_changes(pctx *c)
{
    for (int i = 0; i < c->df->count; i++) {
        const diff_item *it = &c->df->items[i];
        if (it->change == DIFF_REMOVED)
            continue;
        const char *suffix, *want = ref_on_map(c, it, &suffix);
        int role = it->change == DIFF_ADDED ? FILL_OPPORTUNITY : FILL_FAIL;
        for (int k = 0; want && k < c->base_count; k++) {
            const box *b = &c->p->boxes[k];
            if ((b->kind == BOX_RECT || b->kind == BOX_TEXT) && ref_matches(b->ref, want, suffix)) {
                int has_rect = b->kind == BOX_RECT;
                /* a card's text lies inside its rectangle: outline one */
                for (int q = 0; !has_rect && q < c->base_count; q++)
                    has_rect = c->p->boxes[q].kind == BOX_RECT
                               && ref_matches(c->p->boxes[q].ref, b->ref, NULL);
                if (b->kind == BOX_RECT || !has_rect)
                    outline(c, b->x, b->y, b->w, b->h, role, BF_THICK);
            }
        }
    }
}

/* ---- columns and the band of ghosts ----------------------------------------------- */

/* The column of phase ID on the map: its header's rectangle.  0 when the
 * map has no such phase. */
static int column_of(const pctx *c, const char *id, double *x, double *w)
{
    const char *want = arena_printf(c->a, "phase:%s", id ? id : "");
    for (int k = 0; k < c->base_count; k++) {
        const box *t = &c->p->boxes[k];
        if (t->kind != BOX_TEXT || !t->ref || strcmp(t->ref, want))
            continue;
        for (int q = 0; q < c->base_count; q++) {
            const box *r = &c->p->boxes[q];
            if (r->kind == BOX_RECT && r->role == FILL_HEADER && r->x <= t->x
                && t->x < r->x + r->w && r->y <= t->y && t->y < r->y + r->h) {
                *x = r->x;
                *w = r->w;
                return 1;
            }
        }
    }
    return 0;
}

static double content_bottom(const rpage *p)
{
    double bottom = 0;
    for (int k = 0; k < p->count; k++)
        bottom = fmax(bottom, p->boxes[k].y + p->boxes[k].h);
    return bottom;
}

/* A dashed ghost of TEXT at the foot of column X (W wide); NEXT holds the
 * foot of each column so far (by column x, in a small list). */
typedef struct foot { double x, y; } foot;

static void ghost(pctx *c, foot *feet, int *nfeet, double x, double w, double top,
                  const char *text)
{
    int k = 0;
    while (k < *nfeet && feet[k].x != x)
        k++;
    if (k == *nfeet)
        feet[(*nfeet)++] = (foot){ x, top };
    double pad = c->t->card_pad;
    double h = measure_text(text, TS_CARD, w - 2 * pad) + 2 * pad;
    box *r = page_box(c->doc, c->p, BOX_RECT, x, feet[k].y, w, h);
    r->role = FILL_PAIN;
    r->flags = BF_OUTLINE | BF_DASHED | BF_ROUND;
    page_text(c->doc, c->p, x + pad, feet[k].y + pad, w - 2 * pad, text, TS_CARD, BF_MUTED, 0,
              NULL);
    feet[k].y += h + c->t->gap;
}

/* The legend of the marks and the removed things, under the map. */
static double legend(pctx *c, double y)
{
    static const struct { word w; int role; unsigned flags; } keys[] = {
        { W_DIFF_ADDED, FILL_OPPORTUNITY, BF_THICK }, { W_DIFF_CHANGED, FILL_FAIL, BF_THICK },
        { W_DIFF_REMOVED_KEY, FILL_PAIN, BF_DASHED },
    };
    double x = 0;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        outline(c, x + 2, y + 3, 18, 9, keys[i].role, keys[i].flags);
        const char *label = word_in(c->loc, keys[i].w);
        page_text(c->doc, c->p, x + 28, y + 1, 260, label, TS_SMALL, BF_MUTED, 0, NULL);
        double lw;
        text_extent(c->p->boxes[c->p->count - 1].layout, &lw, &(double){ 0 });
        x += 28 + lw + 18;
    }
    if (!c->blueprint)
        page_text(c->doc, c->p, x, y + 1, 420, word_in(c->loc, W_DIFF_BEFORE), TS_SMALL,
                  BF_MUTED, 0, NULL);
    return y + 20;
}

/* The removed things, as ghosts in the columns of the phases they were in
 * (a removed phase, or a thing whose phase is gone, in the label column). */
static void ghosts(pctx *c, double top)
{
    foot *feet = arena_alloc(c->a, sizeof *feet * (size_t)(c->nj->phase_count + 2));
    int nfeet = 0;
    double label_w = c->t->label_width - 8;
    int any = 0;
    for (int i = 0; i < c->df->count; i++) {
        const diff_item *it = &c->df->items[i];
        if (it->change != DIFF_REMOVED || (!card_ref_prefix(c, it->kind)
                                           && strcmp(it->kind, "phase")
                                           && strcmp(it->kind, "touchpoint")))
            continue;
        if (!any++)
            top += page_text(c->doc, c->p, 0, top, label_w, word_in(c->loc, W_DIFF_REMOVED),
                             TS_LANE, 0, 0, NULL) + 4;
        double x = 0, w = label_w;
        const char *text = arena_printf(c->a, "%s: %s", it->kind, it->label);
        if (it->old_phase && column_of(c, it->old_phase, &x, &w)) {
            ghost(c, feet, &nfeet, x, w, top, text);
            continue;
        }
        if (!strcmp(it->kind, "touchpoint")) {
            /* in the columns of the phases that used it */
            int placed = 0;
            for (int p = 0; p < c->old->phase_count; p++)
                for (int k = 0; k < c->old->phases[p].touchpoints.count; k++)
                    if (!strcmp(c->old->phases[p].touchpoints.items[k], it->old_id)
                        && column_of(c, c->old->phases[p].id, &x, &w)) {
                        ghost(c, feet, &nfeet, x, w, top, text);
                        placed = 1;
                    }
            if (placed)
                continue;
        }
        ghost(c, feet, &nfeet, 0, label_w, top, text);
    }
}

/* ---- the emotion before ---------------------------------------------------------------- */

/* The y of score S on the map's emotion lane, from the scores the map
 * drew (least squares over the marks; NAN when it drew fewer than two
 * different ones). */
static double score_y(const pctx *c, double s)
{
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int k = 0; k < c->base_count; k++) {
        const box *b = &c->p->boxes[k];
        if (b->kind != BOX_MARK || !b->ref || strncmp(b->ref, "score:", 6))
            continue;
        const char *slash = strchr(b->ref + 6, '/');
        if (!slash)
            continue;
        int ph = -1, pe = model_find_persona(c->nj, slash + 1);
        char phase[MODEL_ID_MAX + 1];
        snprintf(phase, sizeof phase, "%.*s", (int)(slash - b->ref - 6), b->ref + 6);
        ph = model_find_phase(c->nj, phase);
        for (int e = 0; ph >= 0 && pe >= 0 && e < c->nj->phases[ph].emotion_count; e++)
            if (!strcmp(c->nj->phases[ph].emotions[e].persona, slash + 1)) {
                double v = c->nj->phases[ph].emotions[e].score, y = b->y + b->h / 2;
                n++, sx += v, sy += y, sxx += v * v, sxy += v * y;
            }
    }
    double den = n * sxx - sx * sx;
    if (n < 2 || fabs(den) < 1e-9)
        return NAN;
    double slope = (n * sxy - sx * sy) / den;
    return (sy - slope * sx) / n + slope * s;
}

static double old_score(const cjm_journey *old, const char *phase, const char *persona,
                        double *out)
{
    int ph = model_find_phase(old, phase);
    for (int e = 0; ph >= 0 && e < old->phases[ph].emotion_count; e++)
        if (!strcmp(old->phases[ph].emotions[e].persona, persona))
            return (*out = old->phases[ph].emotions[e].score), 1;
    return 0;
}

/* The point of the new curve of persona P in column X (its drawn y), or
 * NAN. */
static double new_point(const box *curve, double x)
{
    for (int i = 0; curve && i < curve->npts; i++)
        if (fabs(curve->pts[2 * i] - x) < 1)
            return curve->pts[2 * i + 1];
    return NAN;
}

/* Persona P's curve before, dashed, through the phases (in the new map's
 * order) where both journeys have the phase and the old one a score; the
 * area between it and the new curve shaded where both have scores. */
static void emotion_before(pctx *c, int p)
{
    const cjm_persona *pe = &c->nj->personas[p];
    int curve = -1;         /* an index: the boxes move as boxes are added */
    const char *want = arena_printf(c->a, "emotion:%s", pe->id);
    for (int k = 0; k < c->base_count && curve < 0; k++)
        if (c->p->boxes[k].kind == BOX_CURVE && c->p->boxes[k].ref
            && !strcmp(c->p->boxes[k].ref, want))
            curve = k;
    int n = c->nj->phase_count, m = 0, both = 0;
    double *old_pts = arena_alloc(c->a, sizeof(double) * (size_t)(4 * n + 4));
    double *area = arena_alloc(c->a, sizeof(double) * (size_t)(4 * n + 4));
    double *area_old = arena_alloc(c->a, sizeof(double) * (size_t)(2 * n + 2));
    for (int i = 0; i <= n; i++) {
        double x, w, s, yn = NAN;
        int have = i < n && column_of(c, c->nj->phases[i].id, &x, &w)
                   && old_score(c->old, c->nj->phases[i].id, pe->id, &s);
        if (have) {
            x += w / 2;
            old_pts[2 * m] = x;
            old_pts[2 * m + 1] = score_y(c, s);
            yn = new_point(curve >= 0 ? &c->p->boxes[curve] : NULL, x);
            m++;
        }
        if (have && !isnan(yn) && !isnan(old_pts[2 * m - 1])) {
            area[2 * both] = x;
            area[2 * both + 1] = yn;
            area_old[2 * both] = x;
            area_old[2 * both + 1] = old_pts[2 * m - 1];
            both++;
        }
        if ((!have || i == n) && m > 0) {       /* a run of the old curve ends */
            box *b = page_box(c->doc, c->p, BOX_CURVE, old_pts[0], 0, old_pts[2 * m - 2]
                              - old_pts[0], 0);
            b->pts = arena_alloc(&c->doc->mem, sizeof(double) * (size_t)(2 * m));
            memcpy(b->pts, old_pts, sizeof(double) * (size_t)(2 * m));
            b->npts = m;
            b->color = p;
            b->flags = BF_DASHED;
            m = 0;
        }
        if ((isnan(yn) || !have) && both > 0) {     /* a run of shading ends */
            box *b = page_box(c->doc, c->p, BOX_AREA, area[0], 0, area[2 * both - 2] - area[0], 0);
            b->pts = arena_alloc(&c->doc->mem, sizeof(double) * (size_t)(4 * both));
            memcpy(b->pts, area, sizeof(double) * (size_t)(2 * both));
            memcpy(b->pts + 2 * both, area_old, sizeof(double) * (size_t)(2 * both));
            b->npts = 2 * both;
            b->icon = both;
            b->color = p;
            both = 0;
        }
    }
}

int diff_picture(arena *a, const cjm_journey *old, const cjm_journey *new_j,
                 const journey_diff *df, const char *old_name, int blueprint,
                 const theme *t, out_format format, double dpi, const char *path,
                 diag_list *d)
{
    text_begin(t, new_j->locale);
    layout_options lo = { .theme = t, .base_dir = "." };
    rdoc *doc = rdoc_new();
    doc->lang = new_j->locale;
    if (blueprint)
        layout_blueprint(doc, new_j, &lo, d);
    else
        layout_map(doc, new_j, &lo, d);
    rpage *p = &doc->pages[0];
    pctx c = { a, doc, p, old, new_j, df, t, new_j->locale ? new_j->locale : "en", p->count,
               blueprint };
    mark_changes(&c);
    /* the curve before, for the personas whose scores changed */
    for (int i = 0; i < new_j->persona_count; i++) {
        int changed = 0;
        for (int k = 0; k < df->emotion_count && !changed; k++)
            changed = strcmp(df->emotions[k].persona, new_j->personas[i].id) == 0;
        if (changed)
            emotion_before(&c, i);
    }
    double top = content_bottom(p) + t->gap * 3;
    top += page_text(doc, p, 0, top, p->width - 2 * p->ox,
                     arena_printf(a, word_in(c.loc, W_DIFF_TITLE), old_name), TS_SUBTITLE, 0, 0,
                     NULL) + 6;
    top = legend(&c, top) + t->gap;
    ghosts(&c, top);
    double margin = p->ox, width = p->width - 2 * p->ox;
    page_fit(p, width, content_bottom(p), 0, 0, margin);
    int rc = surface_write(doc, t, format, dpi, new_j->title, path, 0, d);
    rdoc_free(doc);
    return rc;
}
