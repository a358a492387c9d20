/*
 * validate.c — cross-entity rules and normalization; see validate.h.
 */
#include "model/validate.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vctx {
    arena *a;
    diag_list *d;
    cjm_journey *j;
    int errors;
} vctx;

#define VERR(c, n, at_key, path, ...)                                       \
    do {                                                                    \
        model_error((c)->d, (n), (at_key), (path), __VA_ARGS__);            \
        (c)->errors++;                                                      \
    } while (0)

/* "a, b, c" of up to a handful of names, for "known:" hints. */
static const char *known_list(vctx *c, const char *const *names, int count)
{
    char buf[256];
    size_t used = 0;
    buf[0] = '\0';
    if (count == 0)
        return "none defined";
    for (int i = 0; i < count && used < sizeof buf - 32; i++) {
        if (i == 8) {
            used += (size_t)snprintf(buf + used, sizeof buf - used, ", ...");
            break;
        }
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s",
                                 i ? ", " : "", names[i] ? names[i] : "?");
    }
    return arena_strdup(c->a, buf);
}

/* Report an unknown reference WHAT="touchpoint" ID at N with the known ids
 * and, when one is close, a suggestion. */
static void unknown_ref(vctx *c, const node *n, int at_key, const char *path,
                        const char *what, const char *id,
                        const char *const *names, int count)
{
    const char *near = diag_suggest(id, names, count);
    if (near)
        VERR(c, n, at_key, path, "unknown %s \"%s\" (did you mean \"%s\"?)",
             what, id, near);
    else
        VERR(c, n, at_key, path, "unknown %s \"%s\" (known: %s)", what, id,
             known_list(c, names, count));
}

/* ---- id namespaces ---------------------------------------------------- */

/* The ids in order (for "known: ..." and suggestions), hashed for lookups. */
typedef struct idset {
    const char **ids;
    const node **srcs;
    int count;
    idmap map;
} idset;

static void idset_init(vctx *c, idset *s, int capacity)
{
    s->ids = arena_alloc(c->a, sizeof *s->ids * (size_t)(capacity + 1));
    s->srcs = arena_alloc(c->a, sizeof *s->srcs * (size_t)(capacity + 1));
    s->count = 0;
    idmap_init(&s->map, c->a, capacity);
}

static int idset_find(const idset *s, const char *id)
{
    return idmap_find(&s->map, id);
}

/* Add ID (not NULL) unless it is there already; returns its index. */
static int idset_put(idset *s, const char *id, const node *src)
{
    int prev = idmap_add(&s->map, id, s->count);
    if (prev >= 0)
        return prev;
    s->ids[s->count] = id;
    s->srcs[s->count] = src;
    return s->count++;
}

/* Add ID; report a duplicate of WHAT at SRC, at the model path PATH_FMT
 * (formatted only then: this runs for every id of the journey). */
static void idset_add(vctx *c, idset *s, const char *id, const node *src,
                      const char *what, const char *path_fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void idset_add(vctx *c, idset *s, const char *id, const node *src,
                      const char *what, const char *path_fmt, ...)
{
    if (!id)
        return;
    int prev = idmap_find(&s->map, id);
    if (prev < 0) {
        idset_put(s, id, src);
        return;
    }
    char path[512];
    va_list ap;
    va_start(ap, path_fmt);
    vsnprintf(path, sizeof path, path_fmt, ap);
    va_end(ap);
    const node *first = s->srcs[prev];
    if (first && first->line)
        VERR(c, src, 0, path, "duplicate %s id \"%s\" (first used at "
             "line %d)", what, id, first->line);
    else
        VERR(c, src, 0, path, "duplicate %s id \"%s\"", what, id);
}

/* ---- references and edits ---------------------------------------------- */

static void check_edit_probability(vctx *c, const cjm_edit *e, const node *src,
                                   const char *path)
{
    char num[32];
    if (e->present && e->op == EDIT_SET && (e->value < 0 || e->value > 1))
        VERR(c, src, 0, path, "%s is out of range (0..1)", diag_num(e->value, num));
    if (e->present && e->op == EDIT_MUL && e->value < 0)
        VERR(c, src, 0, path, "a factor must not be negative (got *%s)",
             diag_num(e->value, num));
}

/* A change that adds a touchpoint or a phase (scenarios only): it names
 * nothing else, and the phases it names exist.  The added entity itself is
 * checked with the scenario's journey (load_scenario_journey). */
static void check_addition(vctx *c, const cjm_change *ch, const char *p, int may_add,
                           const idset *phases)
{
    char q[600];
    if (!may_add) {
        VERR(c, ch->src, 0, p, "an action changes what the journey has; adding a "
             "touchpoint or a phase is a scenario's change");
        return;
    }
    if (ch->phase || ch->touchpoint || (ch->add_touchpoint && ch->add_phase)) {
        VERR(c, ch->src, 0, p, "a change that adds names nothing else: one "
             "add_touchpoint (with to) or one add_phase (with after)");
        return;
    }
    if (ch->add_touchpoint && ch->to.count == 0)
        VERR(c, ch->src, 0, p, "say which phases use the added touchpoint: to: [phase ids]");
    for (int k = 0; k < ch->to.count; k++) {
        snprintf(q, sizeof q, "%s.to[%d]", p, k);
        if (idset_find(phases, ch->to.items[k]) < 0)
            unknown_ref(c, ch->to.srcs[k], 0, q, "phase", ch->to.items[k], phases->ids,
                        phases->count);
    }
    if (ch->after && idset_find(phases, ch->after) < 0) {
        snprintf(q, sizeof q, "%s.after", p);
        unknown_ref(c, node_map_get(ch->src, "after"), 0, q, "phase", ch->after,
                    phases->ids, phases->count);
    }
}

/* Probabilities that must add up to 1 (a distribution). */
static void check_sum_one(vctx *c, const cjm_prob *items, int count, const node *at,
                          const char *path)
{
    double sum = 0;
    for (int i = 0; i < count; i++)
        sum += items[i].p;
    if (count && fabs(sum - 1) > 1e-9)
        VERR(c, at, 0, path, "these shares add up to %.10g; they must add up to 1", sum);
}

/* A change's goes_to: phases or outcomes, adding up to 1. */
static void check_goes_to(vctx *c, const cjm_change *ch, const char *p, const idset *phases)
{
    char q[600];
    const cjm_journey *j = c->j;
    for (int k = 0; k < ch->goes_to_count; k++) {
        const char *id = ch->goes_to[k].key;
        int known = idset_find(phases, id) >= 0 || (!j->outcome_count && !strcmp(id, "converted"));
        for (int o = 0; o < j->outcome_count && !known; o++)
            known = !strcmp(j->outcomes[o].id, id);
        snprintf(q, sizeof q, "%s.goes_to.%s", p, id);
        if (!known)
            unknown_ref(c, ch->goes_to[k].src, 1, q, "phase or outcome", id, phases->ids,
                        phases->count);
    }
    snprintf(q, sizeof q, "%s.goes_to", p);
    check_sum_one(c, ch->goes_to, ch->goes_to_count, node_map_get(ch->src, "goes_to"), q);
}

static void check_changes(vctx *c, const cjm_changes *changes,
                          const char *path, const idset *phases,
                          const idset *personas, const idset *touchpoints, int may_add)
{
    char p[512], q[600];
    for (int i = 0; i < changes->count; i++) {
        const cjm_change *ch = &changes->items[i];
        snprintf(p, sizeof p, "%s[%d]", path, i);
        if (ch->add_touchpoint || ch->add_phase) {
            check_addition(c, ch, p, may_add, phases);
            continue;
        }
        if (ch->to.count || ch->after)
            VERR(c, ch->src, 0, p, "%s goes with %s", ch->to.count ? "to" : "after",
                 ch->to.count ? "add_touchpoint" : "add_phase");
        int phase_fields = ch->advance.present || ch->drop.present
            || ch->back_count || ch->approve_count || ch->duration_min.present
            || ch->duration_mode.present || ch->duration_max.present
            || ch->goes_to_count || (ch->phase && ch->remove);
        int tp_fields = ch->reach.present || ch->lift.present
            || (ch->touchpoint && ch->remove);
        if (!ch->phase == !ch->touchpoint) {
            VERR(c, ch->src, 0, p, "a change names exactly one of \"phase\" "
                 "and \"touchpoint\"");
            continue;
        }
        if (ch->phase) {
            if (idset_find(phases, ch->phase) < 0)
                unknown_ref(c, node_map_get(ch->src, "phase"), 0, p, "phase",
                            ch->phase, phases->ids, phases->count);
            if (tp_fields)
                VERR(c, ch->src, 0, p, "reach and lift change a "
                     "touchpoint, not a phase");
            if (!phase_fields)
                VERR(c, ch->src, 0, p, "the change edits nothing (give "
                     "advance, drop, back, approve, duration, goes_to or remove)");
            check_goes_to(c, ch, p, phases);
        } else {
            if (idset_find(touchpoints, ch->touchpoint) < 0)
                unknown_ref(c, node_map_get(ch->src, "touchpoint"), 0, p,
                            "touchpoint", ch->touchpoint, touchpoints->ids,
                            touchpoints->count);
            if (phase_fields)
                VERR(c, ch->src, 0, p, "advance, drop, back, approve and "
                     "duration change a phase, not a touchpoint");
            if (!tp_fields)
                VERR(c, ch->src, 0, p, "the change edits nothing (give "
                     "reach, lift or remove)");
        }
        const node *src;
        src = node_map_get(ch->src, "advance");
        snprintf(q, sizeof q, "%s.advance", p);
        check_edit_probability(c, &ch->advance, src ? src : ch->src, q);
        src = node_map_get(ch->src, "drop");
        snprintf(q, sizeof q, "%s.drop", p);
        check_edit_probability(c, &ch->drop, src ? src : ch->src, q);
        src = node_map_get(ch->src, "reach");
        snprintf(q, sizeof q, "%s.reach", p);
        check_edit_probability(c, &ch->reach, src ? src : ch->src, q);
        for (int k = 0; k < ch->back_count; k++) {
            snprintf(q, sizeof q, "%s.back.%s", p, ch->back[k].key);
            if (idset_find(phases, ch->back[k].key) < 0)
                unknown_ref(c, ch->back[k].src, 1, q, "phase", ch->back[k].key,
                            phases->ids, phases->count);
            check_edit_probability(c, &ch->back[k].edit, ch->back[k].src, q);
        }
        for (int k = 0; k < ch->approve_count; k++) {
            snprintf(q, sizeof q, "%s.approve.%s", p, ch->approve[k].key);
            if (idset_find(personas, ch->approve[k].key) < 0)
                unknown_ref(c, ch->approve[k].src, 1, q, "persona",
                            ch->approve[k].key, personas->ids, personas->count);
            check_edit_probability(c, &ch->approve[k].edit,
                                   ch->approve[k].src, q);
        }
    }
}

/* Give ids to cards that need one and have none. */
static void name_cards(vctx *c, cjm_cards *cards, const char *phase_id,
                       const char *kind)
{
    for (int i = 0; i < cards->count; i++)
        if (!cards->items[i].id && phase_id)
            cards->items[i].id = arena_printf(c->a, "%s_%s_%d", phase_id,
                                              kind, i + 1);
}

static void add_cards(vctx *c, idset *s, const cjm_cards *cards, int phase,
                      const char *lane)
{
    for (int i = 0; i < cards->count; i++) {
        const node *src = cards->items[i].src;
        const node *idn = cards->items[i].id ? node_map_get(src, "id") : NULL;
        idset_add(c, s, cards->items[i].id, idn ? idn : src, "card", "phases[%d].%s[%d]",
                  phase, lane, i);
    }
}

/* ---- where journeys start, go and end --------------------------------- */

/* The ids a `to` may name: the outcomes (or the implicit "converted"). */
static void outcome_ids(vctx *c, idset *outcomes, const idset *phases)
{
    cjm_journey *j = c->j;
    char p[64];
    idset_init(c, outcomes, j->outcome_count + 1);
    if (!j->outcome_count) {
        idset_put(outcomes, "converted", NULL);
        return;
    }
    for (int i = 0; i < j->outcome_count; i++) {
        snprintf(p, sizeof p, "outcomes[%d].id", i);
        const node *idn = node_map_get(j->outcomes[i].src, "id");
        if (idset_find(phases, j->outcomes[i].id) >= 0)
            VERR(c, idn ? idn : j->outcomes[i].src, 0, p, "\"%s\" is a phase's id too: "
                 "an outcome needs an id of its own", j->outcomes[i].id);
        idset_add(c, outcomes, j->outcomes[i].id, idn ? idn : j->outcomes[i].src,
                  "outcome", "%s", p);
    }
}


/* `start`, the outcomes and every phase's `to`. */
static void check_flow(vctx *c, const idset *phases)
{
    cjm_journey *j = c->j;
    char p[512];
    idset outcomes;
    outcome_ids(c, &outcomes, phases);
    for (int i = 0; i < j->start_count; i++) {
        snprintf(p, sizeof p, "start.%s", j->start[i].key);
        if (idset_find(phases, j->start[i].key) < 0)
            unknown_ref(c, j->start[i].src, 1, p, "phase", j->start[i].key, phases->ids,
                        phases->count);
    }
    check_sum_one(c, j->start, j->start_count, node_map_get(j->src, "start"), "start");
    int success = !j->outcome_count;
    for (int i = 0; i < j->outcome_count; i++)
        success |= j->outcomes[i].success;
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int k = 0; k < ph->to_count; k++) {
            snprintf(p, sizeof p, "phases[%d].transitions.to.%s", i, ph->to[k].key);
            if (idset_find(phases, ph->to[k].key) < 0 && idset_find(&outcomes, ph->to[k].key) < 0) {
                const char **known = arena_alloc(c->a, sizeof(char *) * (size_t)(phases->count + outcomes.count + 1));
                memcpy(known, phases->ids, sizeof(char *) * (size_t)phases->count);
                memcpy(known + phases->count, outcomes.ids, sizeof(char *) * (size_t)outcomes.count);
                unknown_ref(c, ph->to[k].src, 1, p, "phase or outcome", ph->to[k].key, known,
                            phases->count + outcomes.count);
            }
        }
        snprintf(p, sizeof p, "phases[%d].transitions.to", i);
        const node *tr = node_map_get(ph->src, "transitions");
        check_sum_one(c, ph->to, ph->to_count, tr ? node_map_get(tr, "to") : ph->src, p);
        if (i + 1 == j->phase_count && !ph->to_count && !success) {
            snprintf(p, sizeof p, "phases[%d]", i);
            VERR(c, ph->src, 0, p, "leaving the last phase needs somewhere to go: give it "
                 "transitions.to, or mark an outcome success: true");
        }
    }
}

/* Segments: unique ids, shares adding up to 1, known personas, changes
 * as a scenario's edits. */
static void check_segments(vctx *c, const idset *phases, const idset *personas,
                           const idset *touchpoints)
{
    cjm_journey *j = c->j;
    char p[512];
    idset ids;
    idset_init(c, &ids, j->segment_count);
    double sum = 0;
    for (int i = 0; i < j->segment_count; i++) {
        cjm_segment *sg = &j->segments[i];
        snprintf(p, sizeof p, "segments[%d].id", i);
        const node *idn = node_map_get(sg->src, "id");
        idset_add(c, &ids, sg->id, idn ? idn : sg->src, "segment", "%s", p);
        if (!sg->name)
            sg->name = sg->id;
        if (sg->persona && idset_find(personas, sg->persona) < 0) {
            snprintf(p, sizeof p, "segments[%d].persona", i);
            unknown_ref(c, node_map_get(sg->src, "persona"), 0, p, "persona", sg->persona,
                        personas->ids, personas->count);
        }
        snprintf(p, sizeof p, "segments[%d].changes", i);
        check_changes(c, &sg->changes, p, phases, personas, touchpoints, 0);
        sum += sg->share;
    }
    if (j->segment_count && fabs(sum - 1) > 1e-9)
        VERR(c, node_map_get(j->src, "segments"), 0, "segments",
             "the segments' shares add up to %.10g; they must add up to 1", sum);
}

/* ---- phases ----------------------------------------------------------- */

/* The personas a phase's cards say they belong to must exist. */
static void check_card_personas(vctx *c, const cjm_phase *ph, const char *path,
                                const idset *personas)
{
    static const char *const lanes[] = { "steps", "actions", "thoughts", "pains",
                                         "opportunities", "needs" };
    const cjm_cards *cards[] = { &ph->steps, &ph->actions, &ph->thoughts, &ph->pains,
                                 &ph->opportunities, &ph->needs };
    char p[512];
    for (int l = 0; l < 6; l++)
        for (int k = 0; k < cards[l]->count; k++) {
            const cjm_strs *ps = &cards[l]->items[k].personas;
            for (int q = 0; q < ps->count; q++) {
                snprintf(p, sizeof p, "%s.%s[%d].personas[%d]", path, lanes[l], k, q);
                if (idset_find(personas, ps->items[q]) < 0)
                    unknown_ref(c, ps->srcs[q], 0, p, "persona", ps->items[q],
                                personas->ids, personas->count);
            }
        }
}

static void check_phase(vctx *c, int index, const idset *phases,
                        const idset *personas, const idset *touchpoints,
                        const idset *cards)
{
    cjm_journey *j = c->j;
    cjm_phase *ph = &j->phases[index];
    char path[64], p[512];
    snprintf(path, sizeof path, "phases[%d]", index);

    check_card_personas(c, ph, path, personas);
    /* (paths are made only for a message: this runs for every phase) */
    for (int i = 0; i < ph->touchpoints.count; i++) {
        const char *id = ph->touchpoints.items[i];
        int unknown = idset_find(touchpoints, id) < 0, twice = 0;
        for (int k = 0; k < i; k++)
            twice |= strcmp(ph->touchpoints.items[k], id) == 0;
        if (!unknown && !twice)
            continue;
        snprintf(p, sizeof p, "%s.touchpoints[%d]", path, i);
        if (unknown)
            unknown_ref(c, ph->touchpoints.srcs[i], 0, p, "touchpoint", id,
                        touchpoints->ids, touchpoints->count);
        if (twice)
            VERR(c, ph->touchpoints.srcs[i], 0, p, "touchpoint \"%s\" is "
                 "listed twice", id);
    }
    for (int i = 0; i < ph->involvement_count; i++) {
        if (idset_find(personas, ph->involvement[i].persona) >= 0)
            continue;
        snprintf(p, sizeof p, "%s.involvement.%s", path, ph->involvement[i].persona);
        unknown_ref(c, ph->involvement[i].src, 1, p, "persona",
                    ph->involvement[i].persona, personas->ids, personas->count);
    }
    for (int i = 0; i < ph->emotion_count; i++) {
        if (idset_find(personas, ph->emotions[i].persona) >= 0)
            continue;
        snprintf(p, sizeof p, "%s.emotions.%s", path, ph->emotions[i].persona);
        unknown_ref(c, ph->emotions[i].src, 1, p, "persona",
                    ph->emotions[i].persona, personas->ids, personas->count);
    }
    for (int i = 0; i < ph->blueprint.link_count; i++) {
        const cjm_link *l = &ph->blueprint.links[i];
        snprintf(p, sizeof p, "%s.blueprint.links[%d]", path, i);
        if (l->from && idset_find(cards, l->from) < 0)
            unknown_ref(c, node_map_get(l->src, "from"), 0, p, "card",
                        l->from, cards->ids, cards->count);
        if (l->to && idset_find(cards, l->to) < 0)
            unknown_ref(c, node_map_get(l->src, "to"), 0, p, "card", l->to,
                        cards->ids, cards->count);
    }

    /* transitions */
    double total = (ph->has_advance ? ph->advance : 0) + ph->drop;
    for (int i = 0; i < ph->back_count; i++) {
        const cjm_prob *b = &ph->back[i];
        snprintf(p, sizeof p, "%s.transitions.back.%s", path, b->key);
        int target = idset_find(phases, b->key);
        if (target < 0)
            unknown_ref(c, b->src, 1, p, "phase", b->key, phases->ids,
                        phases->count);
        else if (target >= index)
            VERR(c, b->src, 1, p, "a journey can only go back to an earlier "
                 "phase; \"%s\" is %s", b->key,
                 target == index ? "this phase" : "a later phase");
        total += b->p;
    }
    if (total > 1 + 1e-9) {
        const node *tn = node_map_get(ph->src, "transitions");
        VERR(c, tn ? tn : ph->src, 0, path, "advance + drop + back add up to "
             "%.12g, more than 1", total);
    }
    for (int i = 0; i < ph->approve_count; i++) {
        const cjm_prob *ap = &ph->approve[i];
        snprintf(p, sizeof p, "%s.transitions.approve.%s", path, ap->key);
        if (idset_find(personas, ap->key) < 0) {
            unknown_ref(c, ap->src, 1, p, "persona", ap->key, personas->ids,
                        personas->count);
            continue;
        }
        int gate = 0;
        for (int k = 0; k < ph->involvement_count; k++)
            if (strcmp(ph->involvement[k].persona, ap->key) == 0
                && ph->involvement[k].level == INV_GATEKEEPER)
                gate = 1;
        if (!gate)
            VERR(c, ap->src, 1, p, "\"%s\" approves here but is not a "
                 "gatekeeper of this phase (set involvement.%s: gatekeeper)",
                 ap->key, ap->key);
    }
    if (ph->has_duration) {
        const node *dn = node_map_get(ph->src, "duration");
        if (!(ph->duration_min <= ph->duration_mode
              && ph->duration_mode <= ph->duration_max))
        {
            char a1[32], a2[32], a3[32];
            VERR(c, dn ? dn : ph->src, 0, path, "duration needs min <= mode "
                 "<= max (got %s, %s, %s)", diag_num(ph->duration_min, a1),
                 diag_num(ph->duration_mode, a2), diag_num(ph->duration_max, a3));
        }
        if (ph->has_advance)
            VERR(c, dn ? dn : ph->src, 0, path, "give either "
                 "transitions.advance or duration, not both");
    }
}

/* The personas a phase names, in persona order (unknown ones were
 * reported and are left out); and an approval per gatekeeper, also in
 * persona order, so both engines draw them in the same order. */
static int by_persona(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

static void fill_involvement(vctx *c, cjm_phase *ph)
{
    cjm_journey *j = c->j;
    int n = ph->involvement_count, kept = 0;
    int (*order)[2] = arena_alloc(c->a, sizeof *order * (size_t)(n + 1));
    for (int k = 0; k < n; k++) {
        int p = model_find_persona(j, ph->involvement[k].persona);
        if (p >= 0) {
            order[kept][0] = p;
            order[kept++][1] = k;
        }
    }
    qsort(order, (size_t)kept, sizeof *order, by_persona);
    cjm_involve *sorted = arena_alloc(c->a, sizeof *sorted * (size_t)(kept + 1));
    int gates = 0;
    for (int i = 0; i < kept; i++) {
        sorted[i] = ph->involvement[order[i][1]];
        sorted[i].persona = j->personas[order[i][0]].id;
        gates += sorted[i].level == INV_GATEKEEPER;
    }
    ph->involvement = sorted;
    ph->involvement_count = kept;

    if (!ph->has_transitions)
        return;
    cjm_prob *approve = arena_alloc(c->a, sizeof *approve * (size_t)(gates + 1));
    int a = 0;
    for (int i = 0; i < kept; i++) {
        if (sorted[i].level != INV_GATEKEEPER)
            continue;
        approve[a].key = sorted[i].persona;
        approve[a].p = 1.0;
        approve[a].src = NULL;
        for (int k = 0; k < ph->approve_count; k++)
            if (strcmp(ph->approve[k].key, approve[a].key) == 0)
                approve[a] = ph->approve[k];
        a++;
    }
    ph->approve = approve;
    ph->approve_count = a;
}

int val_journey(arena *a, cjm_journey *j, diag_list *d)
{
    vctx c = { a, d, j, 0 };
    char p[512];
    idset personas, phases, touchpoints, cards, actions, scenarios;

    if (j->phase_count == 0 && node_map_get(j->src, "phases"))
        VERR(&c, node_map_get(j->src, "phases"), 0, "phases",
             "a journey needs at least one phase");
    if (j->persona_count == 0 && node_map_get(j->src, "personas"))
        VERR(&c, node_map_get(j->src, "personas"), 0, "personas",
             "a journey needs at least one persona");

    idset_init(&c, &personas, j->persona_count);
    for (int i = 0; i < j->persona_count; i++) {
        const node *idn = node_map_get(j->personas[i].src, "id");
        idset_add(&c, &personas, j->personas[i].id, idn ? idn : j->personas[i].src,
                  "persona", "personas[%d].id", i);
    }
    idset_init(&c, &touchpoints, j->touchpoint_count);
    for (int i = 0; i < j->touchpoint_count; i++) {
        const node *idn = node_map_get(j->touchpoints[i].src, "id");
        idset_add(&c, &touchpoints, j->touchpoints[i].id, idn ? idn : j->touchpoints[i].src,
                  "touchpoint", "touchpoints[%d].id", i);
    }
    idset_init(&c, &phases, j->phase_count);
    int card_total = 0;
    for (int i = 0; i < j->phase_count; i++) {
        cjm_phase *ph = &j->phases[i];
        const node *idn = node_map_get(ph->src, "id");
        idset_add(&c, &phases, ph->id, idn ? idn : ph->src, "phase", "phases[%d].id", i);
        name_cards(&c, &ph->pains, ph->id, "pain");
        name_cards(&c, &ph->opportunities, ph->id, "opportunity");
        card_total += ph->pains.count + ph->opportunities.count
            + ph->steps.count + ph->actions.count + ph->thoughts.count
            + ph->blueprint.evidence.count + ph->blueprint.customer.count
            + ph->blueprint.frontstage.count + ph->blueprint.backstage.count
            + ph->blueprint.support.count;
    }

    /* Pains, opportunities and every other card with an id share one
     * namespace: actions address them and links join them by id. */
    idset_init(&c, &cards, card_total);
    idset pain_ids;
    idset_init(&c, &pain_ids, card_total);
    for (int i = 0; i < j->phase_count; i++) {
        cjm_phase *ph = &j->phases[i];
        static const char *const lanes[] = { "blueprint.evidence", "blueprint.customer",
            "blueprint.frontstage", "blueprint.backstage", "blueprint.support" };
        cjm_cards *lane_cards[] = { &ph->blueprint.evidence,
            &ph->blueprint.customer, &ph->blueprint.frontstage,
            &ph->blueprint.backstage, &ph->blueprint.support };
        add_cards(&c, &cards, &ph->pains, i, "pains");
        add_cards(&c, &cards, &ph->opportunities, i, "opportunities");
        add_cards(&c, &cards, &ph->steps, i, "steps");
        add_cards(&c, &cards, &ph->actions, i, "actions");
        add_cards(&c, &cards, &ph->thoughts, i, "thoughts");
        for (int l = 0; l < 5; l++)
            add_cards(&c, &cards, lane_cards[l], i, lanes[l]);
        /* (a card whose id was refused by the builder has none) */
        for (int k = 0; k < ph->pains.count; k++)
            if (ph->pains.items[k].id)
                idset_put(&pain_ids, ph->pains.items[k].id, NULL);
        for (int k = 0; k < ph->opportunities.count; k++)
            if (ph->opportunities.items[k].id)
                idset_put(&pain_ids, ph->opportunities.items[k].id, NULL);
        /* a card with a fail point may be addressed too: by its recovery */
        const cjm_cards *with_fails[] = { &ph->steps, &ph->actions, lane_cards[0],
            lane_cards[1], lane_cards[2], lane_cards[3], lane_cards[4] };
        for (int l = 0; l < 7; l++)
            for (int k = 0; k < with_fails[l]->count; k++)
                if (with_fails[l]->items[k].fail_point && with_fails[l]->items[k].id)
                    idset_put(&pain_ids, with_fails[l]->items[k].id, NULL);
    }

    for (int i = 0; i < j->phase_count; i++)
        check_phase(&c, i, &phases, &personas, &touchpoints, &cards);
    for (int i = 0; i < j->phase_count; i++)
        fill_involvement(&c, &j->phases[i]);
    check_flow(&c, &phases);

    idset_init(&c, &actions, j->action_count);
    for (int i = 0; i < j->action_count; i++) {
        cjm_action *ac = &j->actions[i];
        snprintf(p, sizeof p, "actions[%d].id", i);
        const node *idn = node_map_get(ac->src, "id");
        idset_add(&c, &actions, ac->id, idn ? idn : ac->src, "action", "%s", p);
        for (int k = 0; k < ac->addresses.count; k++) {
            snprintf(p, sizeof p, "actions[%d].addresses[%d]", i, k);
            if (idset_find(&pain_ids, ac->addresses.items[k]) < 0)
                unknown_ref(&c, ac->addresses.srcs[k], 0, p,
                            "pain, opportunity or fail point", ac->addresses.items[k],
                            pain_ids.ids, pain_ids.count);
        }
        if (ac->phase && idset_find(&phases, ac->phase) < 0) {
            snprintf(p, sizeof p, "actions[%d].phase", i);
            unknown_ref(&c, node_map_get(ac->src, "phase"), 0, p, "phase",
                        ac->phase, phases.ids, phases.count);
        }
        static const char *const lane_names[] = { "evidence", "customer", "frontstage",
                                                  "backstage", "support" };
        for (int k = 0; k < ac->lanes.count; k++) {
            int known = 0;
            for (int l = 0; l < 5; l++)
                known |= strcmp(ac->lanes.items[k], lane_names[l]) == 0;
            if (!known) {
                snprintf(p, sizeof p, "actions[%d].lanes[%d]", i, k);
                unknown_ref(&c, ac->lanes.srcs[k], 0, p, "blueprint lane",
                            ac->lanes.items[k], lane_names, 5);
            }
        }
        snprintf(p, sizeof p, "actions[%d].effect", i);
        check_changes(&c, &ac->effect, p, &phases, &personas, &touchpoints, 0);
    }
    idset_init(&c, &scenarios, j->scenario_count);
    for (int i = 0; i < j->scenario_count; i++) {
        cjm_scenario *sc = &j->scenarios[i];
        snprintf(p, sizeof p, "scenarios[%d].id", i);
        const node *idn = node_map_get(sc->src, "id");
        idset_add(&c, &scenarios, sc->id, idn ? idn : sc->src, "scenario", "%s", p);
        if (!sc->name)
            sc->name = sc->id;
        snprintf(p, sizeof p, "scenarios[%d].changes", i);
        check_changes(&c, &sc->changes, p, &phases, &personas, &touchpoints, 1);
        if (!sc->journey && !node_map_get(sc->src, "changes")) {
            snprintf(p, sizeof p, "scenarios[%d]", i);
            VERR(&c, sc->src, 0, p, "a scenario needs changes (or, in Lua, an apply "
                 "function)");
        }
        if (sc->journey && sc->changes.count) {
            snprintf(p, sizeof p, "scenarios[%d]", i);
            VERR(&c, sc->src, 0, p, "give changes or a whole journey, not both");
        }
    }
    check_segments(&c, &phases, &personas, &touchpoints);
    return c.errors;
}
