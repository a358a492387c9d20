/*
 * card_details.c — the details behind a drawn card (see card_details.h).
 *
 * One table names every kind of ref: what it is called, which part of the
 * model holds it and which function tells its details.
 */
#include "report/card_details.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "render/words.h"
#include "report/report.h"

typedef enum { K_TOUCHPOINT, K_PHASE, K_PERSONA, K_SCORE, K_ACTION, K_CARD, K_STR,
               K_LINK } ref_kind;

typedef struct ref_def {
    const char *prefix;     /* before the colon */
    const char *canon;      /* the prefix of the thing it is part of, or NULL */
    ref_kind kind;
    word label;
    size_t member;          /* K_CARD: cjm_cards, K_STR: cjm_strs in cjm_phase */
} ref_def;

static const ref_def refs[] = {
    { "touchpoint", NULL, K_TOUCHPOINT, W_D_TOUCHPOINT, 0 },
    { "details", "touchpoint", K_TOUCHPOINT, W_D_TOUCHPOINT, 0 },
    { "phase", NULL, K_PHASE, W_D_PHASE, 0 },
    { "persona", NULL, K_PERSONA, W_D_PERSONA, 0 },
    { "role", "persona", K_PERSONA, W_D_PERSONA, 0 },
    { "score", NULL, K_SCORE, W_D_SCORE, 0 },
    { "planned", NULL, K_ACTION, W_D_ACTION, 0 },
    { "dot", NULL, K_ACTION, W_D_ACTION, 0 },
    { "link", NULL, K_LINK, W_D_LINK, 0 },
    { "step", NULL, K_CARD, W_D_STEP, offsetof(cjm_phase, steps) },
    { "doing", NULL, K_CARD, W_D_DOING, offsetof(cjm_phase, actions) },
    { "thought", NULL, K_CARD, W_D_THOUGHT, offsetof(cjm_phase, thoughts) },
    { "pain", NULL, K_CARD, W_D_PAIN, offsetof(cjm_phase, pains) },
    { "opportunity", NULL, K_CARD, W_D_OPPORTUNITY, offsetof(cjm_phase, opportunities) },
    { "need", NULL, K_CARD, W_D_NEED, offsetof(cjm_phase, needs) },
    { "bp.evidence", NULL, K_CARD, W_BP_EVIDENCE, offsetof(cjm_phase, blueprint.evidence) },
    { "bp.customer", NULL, K_CARD, W_BP_CUSTOMER, offsetof(cjm_phase, blueprint.customer) },
    { "bp.frontstage", NULL, K_CARD, W_BP_FRONTSTAGE,
      offsetof(cjm_phase, blueprint.frontstage) },
    { "bp.backstage", NULL, K_CARD, W_BP_BACKSTAGE, offsetof(cjm_phase, blueprint.backstage) },
    { "bp.support", NULL, K_CARD, W_BP_SUPPORT, offsetof(cjm_phase, blueprint.support) },
    { "activity", NULL, K_STR, W_D_ACTIVITY, offsetof(cjm_phase, activities) },
    { "content", NULL, K_STR, W_D_CONTENT, offsetof(cjm_phase, content) },
    { "deliverable", NULL, K_STR, W_D_DELIVERABLE, offsetof(cjm_phase, deliverables) },
    { "question", NULL, K_STR, W_D_QUESTION, offsetof(cjm_phase, questions) },
};
#define REF_DEFS ((int)(sizeof refs / sizeof refs[0]))

/* The definition for REF's prefix, and where the rest begins. */
static const ref_def *find_def(const char *ref, const char **rest)
{
    const char *colon = ref ? strchr(ref, ':') : NULL;
    if (!colon)
        return NULL;
    size_t n = (size_t)(colon - ref);
    for (int i = 0; i < REF_DEFS; i++)
        if (strlen(refs[i].prefix) == n && memcmp(refs[i].prefix, ref, n) == 0) {
            *rest = colon + 1;
            return &refs[i];
        }
    return NULL;
}

const char *card_ref(arena *a, const char *ref)
{
    const char *rest;
    const ref_def *def = find_def(ref, &rest);
    if (!def)
        return NULL;
    return def->canon ? arena_printf(a, "%s:%s", def->canon, rest) : ref;
}

/* ---- building the answer ---------------------------------------------------- */

typedef struct dctx {
    arena *a;
    const cjm_journey *j;
    const char *loc;
    node *rows;
} dctx;

static const char *W(const dctx *c, word w)
{
    return word_in(c->loc, w);
}

/* A row LABEL: VALUE (none when VALUE is NULL or empty). */
static void row(dctx *c, word label, const char *value)
{
    if (!value || !*value)
        return;
    node *r = rnode_seq(c->a);
    node_append(r, rnode_str(c->a, W(c, label)));
    node_append(r, rnode_str(c->a, value));
    node_append(c->rows, r);
}

static const char *percent(dctx *c, double share)
{
    return arena_printf(c->a, "%.4g%%", 100 * share);
}

static void evidence_row(dctx *c, cjm_evidence_level level, const char *source)
{
    if (level == EVID_NONE && !source)
        return;
    const char *v = level != EVID_NONE ? W(c, W_EVID_ASSUMPTION + level - 1) : NULL;
    row(c, W_EVIDENCE, v);
    row(c, W_R_SOURCE, source);
}

/* The names of persona ids S, joined. */
static const char *persona_names(dctx *c, const cjm_strs *s)
{
    const char *out = NULL;
    for (int k = 0; k < s->count; k++) {
        int pi = model_find_persona(c->j, s->items[k]);
        const char *name = pi >= 0 ? c->j->personas[pi].name : s->items[k];
        out = out ? arena_printf(c->a, "%s, %s", out, name) : name;
    }
    return out;
}

static const char *joined(dctx *c, const cjm_strs *s)
{
    const char *out = NULL;
    for (int k = 0; k < s->count; k++)
        out = out ? arena_printf(c->a, "%s; %s", out, s->items[k]) : s->items[k];
    return out;
}

/* The titles of the actions that name ID among what they address. */
static const char *addressed_by(dctx *c, const char *id)
{
    const char *out = NULL;
    for (int i = 0; id && i < c->j->action_count; i++) {
        const cjm_action *ac = &c->j->actions[i];
        for (int k = 0; k < ac->addresses.count; k++)
            if (strcmp(ac->addresses.items[k], id) == 0) {
                out = out ? arena_printf(c->a, "%s; %s", out, ac->title) : ac->title;
                break;
            }
    }
    return out;
}

/* ---- one function per kind ------------------------------------------------------ */

static const char *touchpoint_details(dctx *c, const char *rest)
{
    const char *slash = strrchr(rest, '/');
    int ti = model_find_touchpoint(c->j, slash ? slash + 1 : rest);
    if (ti < 0)
        return NULL;
    const cjm_touchpoint *tp = &c->j->touchpoints[ti];
    row(c, W_R_DESCRIPTION, tp->description);
    const char *channel = model_channel_label(model_channel_names()[tp->channel], c->loc);
    row(c, W_R_CHANNEL, arena_printf(c->a, "%s · %s", channel,
                                     W(c, tp->online ? W_ONLINE : W_OFFLINE)));
    row(c, W_R_TIMING, W(c, W_TIMING_BEFORE + tp->timing));
    row(c, W_C_OWNER, tp->owner);
    row(c, W_R_CONTROL, W(c, tp->control == CONTROL_DIRECT ? W_DIRECT : W_INDIRECT));
    if (tp->reach >= 0)
        row(c, W_C_REACH, percent(c, tp->reach));
    if (tp->lift >= 0)
        row(c, W_LIFT, arena_printf(c->a, "×%g", tp->lift));
    if (tp->cost.per_exposure > 0)
        row(c, W_R_COST, arena_printf(c->a, "%g", tp->cost.per_exposure));
    evidence_row(c, tp->evidence, tp->source);
    return tp->name;
}

static const char *phase_details(dctx *c, const char *rest)
{
    int pi = model_find_phase(c->j, rest);
    if (pi < 0)
        return NULL;
    const cjm_phase *ph = &c->j->phases[pi];
    row(c, W_R_GOAL, ph->goal);
    row(c, W_R_DESCRIPTION, ph->description);
    const char *inv = NULL;
    for (int k = 0; k < ph->involvement_count; k++) {
        const cjm_involve *iv = &ph->involvement[k];
        int p = model_find_persona(c->j, iv->persona);
        if (iv->level == INV_NONE || p < 0)
            continue;
        const char *one = arena_printf(c->a, "%s (%s)", c->j->personas[p].name,
                                       W(c, W_INV_NONE + iv->level));
        inv = inv ? arena_printf(c->a, "%s, %s", inv, one) : one;
    }
    row(c, W_C_INVOLVED, inv);
    if (ph->has_advance)
        row(c, W_R_ADVANCE, percent(c, ph->advance));
    if (ph->has_transitions && ph->drop > 0)
        row(c, W_R_DROP, percent(c, ph->drop));
    if (ph->has_duration)
        row(c, W_R_DURATION, arena_printf(c->a, "%g – %g – %g", ph->duration_min,
                                          ph->duration_mode, ph->duration_max));
    if (ph->time_budget.standard >= 0)
        row(c, W_C_BUDGET, arena_printf(c->a, "%g", ph->time_budget.standard));
    return ph->name;
}

static const char *persona_details(dctx *c, const char *rest)
{
    int pi = model_find_persona(c->j, rest);
    if (pi < 0)
        return NULL;
    const cjm_persona *p = &c->j->personas[pi];
    row(c, W_R_ROLE, W(c, W_ROLE_PIC + p->role));
    row(c, W_R_JOB, p->job_title);
    row(c, W_R_DEPARTMENT, p->department);
    row(c, W_R_DESCRIPTION, p->description);
    row(c, W_R_GOAL, joined(c, &p->goals));
    row(c, W_SECTION_PAINS, joined(c, &p->pains));
    row(c, W_R_QUOTE, p->quote);
    return p->name;
}

static const char *score_details(dctx *c, const char *rest)
{
    const char *slash = strchr(rest, '/');
    if (!slash)
        return NULL;
    char phase[MODEL_ID_MAX + 1];
    snprintf(phase, sizeof phase, "%.*s", (int)(slash - rest), rest);
    int ph = model_find_phase(c->j, phase), pi = model_find_persona(c->j, slash + 1);
    if (ph < 0 || pi < 0)
        return NULL;
    const cjm_phase *p = &c->j->phases[ph];
    for (int k = 0; k < p->emotion_count; k++) {
        const cjm_emotion *e = &p->emotions[k];
        if (strcmp(e->persona, slash + 1) != 0)
            continue;
        row(c, W_D_PHASE, p->name);
        row(c, W_R_SCORE, arena_printf(c->a, "%+g", e->score));
        row(c, W_R_NOTE, e->note);
        evidence_row(c, e->evidence, e->source);
        return c->j->personas[pi].name;
    }
    return NULL;
}

static void one_action(dctx *c, const cjm_action *ac)
{
    row(c, W_R_DESCRIPTION, ac->description);
    row(c, W_C_OWNER, ac->owner);
    int ph = ac->phase ? model_find_phase(c->j, ac->phase) : -1;
    row(c, W_C_PHASE, ph >= 0 ? c->j->phases[ph].name : ac->phase);
    row(c, W_C_HORIZON, ac->horizon);
    row(c, W_C_IMPACT, arena_printf(c->a, "%d", ac->impact));
    row(c, W_C_EFFORT, arena_printf(c->a, "%g", ac->effort));
    row(c, W_C_CONFIDENCE, percent(c, ac->confidence));
    row(c, W_C_KPI, ac->kpi);
    row(c, W_C_ADDRESSES, joined(c, &ac->addresses));
    row(c, W_C_LANES, joined(c, &ac->lanes));
}

/* One action ("planned:ID"), or the actions sharing a dot of the
 * matrix ("dot:ID,ID"). */
static const char *action_details(dctx *c, const char *rest)
{
    const char *title = NULL;
    int n = 0;
    while (*rest) {
        size_t len = strcspn(rest, ",");
        char id[MODEL_ID_MAX + 1];
        snprintf(id, sizeof id, "%.*s", (int)len, rest);
        rest += len + (rest[len] == ',');
        for (int i = 0; i < c->j->action_count; i++) {
            const cjm_action *ac = &c->j->actions[i];
            if (strcmp(ac->id, id) != 0)
                continue;
            if (n++ == 0) {
                title = ac->title;
                one_action(c, ac);
            } else {
                title = arena_printf(c->a, "%s; %s", title, ac->title);
            }
        }
    }
    return title;
}

static const char *link_details(dctx *c, const char *rest)
{
    const char *gt = strchr(rest, '>');
    return gt ? arena_printf(c->a, "%.*s → %s", (int)(gt - rest), rest, gt + 1) : NULL;
}

/* The card REST names in the lane at MEMBER: "ID", or "PHASE#N". */
static const cjm_card *find_card(dctx *c, size_t member, const char *rest,
                                 const cjm_phase **in)
{
    const char *hash = strrchr(rest, '#');
    for (int i = 0; i < c->j->phase_count; i++) {
        const cjm_phase *ph = &c->j->phases[i];
        const cjm_cards *cards = (const cjm_cards *)((const char *)ph + member);
        *in = ph;
        if (hash) {
            int k = 0;
            if (strlen(ph->id) == (size_t)(hash - rest) && !memcmp(ph->id, rest, strlen(ph->id))
                && sscanf(hash + 1, "%d", &k) == 1 && k >= 1 && k <= cards->count)
                return &cards->items[k - 1];
            continue;
        }
        for (int k = 0; k < cards->count; k++)
            if (cards->items[k].id && strcmp(cards->items[k].id, rest) == 0)
                return &cards->items[k];
    }
    return NULL;
}

static const char *card_text_details(dctx *c, const ref_def *def, const char *rest)
{
    const cjm_phase *ph = NULL;
    const cjm_card *card = find_card(c, def->member, rest, &ph);
    if (!card)
        return NULL;
    row(c, W_D_PHASE, ph->name);
    evidence_row(c, card->evidence, card->source);
    if (card->fail_point)
        row(c, W_C_FAIL_POINT, card->fail_rate >= 0
            ? arena_printf(c->a, "%s (%s)", card->fail_point, percent(c, card->fail_rate))
            : card->fail_point);
    if (card->time.standard >= 0)
        row(c, W_TIME, arena_printf(c->a, "%g %s", card->time.standard
                                    / (card->time.days ? 1440 : 1),
                                    W(c, card->time.days ? W_UNIT_DAYS : W_UNIT_MINUTES)));
    row(c, W_R_PERSONAS, persona_names(c, &card->personas));
    if (card->score >= 0)
        row(c, W_R_SCORE, arena_printf(c->a, "%d", card->score));
    row(c, W_R_ADDRESSED_BY, addressed_by(c, card->id));
    return card->text;
}

static const char *str_details(dctx *c, const ref_def *def, const char *rest)
{
    const char *hash = strrchr(rest, '#');
    int k = 0;
    if (!hash || sscanf(hash + 1, "%d", &k) != 1)
        return NULL;
    char phase[MODEL_ID_MAX + 1];
    snprintf(phase, sizeof phase, "%.*s", (int)(hash - rest), rest);
    int pi = model_find_phase(c->j, phase);
    if (pi < 0)
        return NULL;
    const cjm_strs *s = (const cjm_strs *)((const char *)&c->j->phases[pi] + def->member);
    if (k < 1 || k > s->count)
        return NULL;
    row(c, W_D_PHASE, c->j->phases[pi].name);
    return s->items[k - 1];
}

node *card_details(arena *a, const cjm_journey *j, const char *ref)
{
    const char *rest;
    const ref_def *def = find_def(ref, &rest);
    if (!def || def->canon)
        return NULL;
    dctx c = { a, j, j->locale ? j->locale : "en", rnode_seq(a) };
    const char *title = NULL;
    switch (def->kind) {
    case K_TOUCHPOINT: title = touchpoint_details(&c, rest); break;
    case K_PHASE: title = phase_details(&c, rest); break;
    case K_PERSONA: title = persona_details(&c, rest); break;
    case K_SCORE: title = score_details(&c, rest); break;
    case K_ACTION: title = action_details(&c, rest); break;
    case K_LINK: title = link_details(&c, rest); break;
    case K_CARD: title = card_text_details(&c, def, rest); break;
    case K_STR: title = str_details(&c, def, rest); break;
    }
    if (!title)
        return NULL;
    node *m = rnode_map(a);
    rnode_put(a, m, "kind", rnode_str(a, W(&c, def->label)));
    rnode_put(a, m, "title", rnode_str(a, title));
    rnode_put(a, m, "rows", c.rows);
    return m;
}
