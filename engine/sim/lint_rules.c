/*
 * lint_rules.c — the rules of `cjm lint`, one function each, and the table
 * that names them.  Adding a rule is one function, one table entry and one
 * test (tests/cli/lint/).
 */
#include "sim/lint_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/plan.h"
#include "sim/sim.h"

#define PHASE(i) arena_printf(c->a, "phases[%d]", (i))

/* Whether an action names ID among what it addresses. */
static int addressed(const cjm_journey *j, const char *id)
{
    for (int k = 0; id && k < j->action_count; k++)
        for (int q = 0; q < j->actions[k].addresses.count; q++)
            if (strcmp(j->actions[k].addresses.items[q], id) == 0)
                return 1;
    return 0;
}

/* Whether card C belongs to persona P (a card naming no one is everyone's). */
static int card_of(const cjm_card *card, const char *p)
{
    if (card->personas.count == 0)
        return 1;
    for (int k = 0; k < card->personas.count; k++)
        if (strcmp(card->personas.items[k], p) == 0)
            return 1;
    return 0;
}

/* ---- coverage ------------------------------------------------------------------- */

static void pain_unaddressed(lint_ctx *c)
{
    for (int i = 0; i < c->j->phase_count; i++) {
        const cjm_phase *ph = &c->j->phases[i];
        if (ph->opportunities.count)
            continue;
        for (int k = 0; k < ph->pains.count; k++) {
            const cjm_card *p = &ph->pains.items[k];
            if (!addressed(c->j, p->id))
                lint_report(c, p->src, &p->suppress,
                            arena_printf(c->a, "phases[%d].pains[%d]", i, k),
                            "pain \"%s\" in phase \"%s\" has no opportunity beside it and no "
                            "action that addresses it", p->text, ph->name);
        }
    }
}

static void phase_empty(lint_ctx *c)
{
    for (int i = 0; i < c->j->phase_count; i++) {
        const cjm_phase *ph = &c->j->phases[i];
        if (ph->steps.count && ph->touchpoints.count)
            continue;
        lint_report(c, ph->src, &ph->suppress, PHASE(i), "phase \"%s\" has %s", ph->name,
                    !ph->steps.count && !ph->touchpoints.count ? "no step and no touchpoint"
                    : !ph->steps.count ? "no step" : "no touchpoint");
    }
}

/* Which personas take part anywhere (involved, scored or named on a
 * card), in one pass over the phases: an array of flags in A. */
static char *personas_used(arena *a, const cjm_journey *j)
{
    char *used = arena_alloc(a, (size_t)j->persona_count + 1);
    memset(used, 0, (size_t)j->persona_count + 1);
    int nl;
    const cjm_card_list *lists = model_card_lists(&nl);
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int k = 0; k < ph->involvement_count; k++) {
            int p = model_find_persona(j, ph->involvement[k].persona);
            if (p >= 0 && ph->involvement[k].level != INV_NONE)
                used[p] = 1;
        }
        for (int k = 0; k < ph->emotion_count; k++) {
            int p = model_find_persona(j, ph->emotions[k].persona);
            if (p >= 0)
                used[p] = 1;
        }
        for (int l = 0; l < nl; l++) {
            const cjm_cards *cards = model_cards(ph, &lists[l]);
            for (int k = 0; !lists[l].blueprint && k < cards->count; k++)
                for (int q = 0; q < cards->items[k].personas.count; q++) {
                    int p = model_find_persona(j, cards->items[k].personas.items[q]);
                    if (p >= 0)
                        used[p] = 1;
                }
        }
    }
    return used;
}

static void persona_unused(lint_ctx *c)
{
    const char *used = personas_used(c->a, c->j);
    for (int p = 0; p < c->j->persona_count; p++) {
        const cjm_persona *pe = &c->j->personas[p];
        if (!used[p])
            lint_report(c, pe->src, &pe->suppress, arena_printf(c->a, "personas[%d]", p),
                        "persona \"%s\" takes part in no phase, has no emotion score and "
                        "no card of its own", pe->name);
    }
}

/* For each touchpoint, how many phases use it (USES) and how many of
 * those move on by duration (IN_DURATION), in one pass; arrays in A. */
static void touchpoint_uses(lint_ctx *c, int **uses, int **in_duration)
{
    const cjm_journey *j = c->j;
    size_t n = (size_t)j->touchpoint_count + 1;
    *uses = arena_alloc(c->a, sizeof(int) * n);
    *in_duration = arena_alloc(c->a, sizeof(int) * n);
    memset(*uses, 0, sizeof(int) * n);
    memset(*in_duration, 0, sizeof(int) * n);
    for (int i = 0; i < j->phase_count; i++)
        for (int k = 0; k < j->phases[i].touchpoints.count; k++) {
            int t = model_find_touchpoint(j, j->phases[i].touchpoints.items[k]);
            if (t >= 0) {
                (*uses)[t]++;
                (*in_duration)[t] += j->phases[i].has_duration;
            }
        }
}

static void touchpoint_unused(lint_ctx *c)
{
    int *uses, *dur;
    touchpoint_uses(c, &uses, &dur);
    for (int t = 0; t < c->j->touchpoint_count; t++) {
        const cjm_touchpoint *tp = &c->j->touchpoints[t];
        if (!uses[t])
            lint_report(c, tp->src, &tp->suppress, arena_printf(c->a, "touchpoints[%d]", t),
                        "touchpoint \"%s\" is defined but no phase uses it", tp->name);
    }
}

static void channel_unused(lint_ctx *c)
{
    /* the channels some touchpoint offers, once */
    int nch = model_channel_count();
    char *offered = arena_alloc(c->a, (size_t)nch + 1);
    memset(offered, 0, (size_t)nch + 1);
    for (int t = 0; t < c->j->touchpoint_count; t++)
        if (c->j->touchpoints[t].channel >= 0 && c->j->touchpoints[t].channel < nch)
            offered[c->j->touchpoints[t].channel] = 1;
    for (int p = 0; p < c->j->persona_count; p++) {
        const cjm_persona *pe = &c->j->personas[p];
        for (int k = 0; k < pe->channels.count; k++) {
            const char *ch = pe->channels.items[k];
            int used = 0;
            for (int q = 0; q < nch && !used; q++)
                used = offered[q] && strcmp(model_channel_names()[q], ch) == 0;
            if (!used)
                lint_report(c, pe->channels.srcs ? pe->channels.srcs[k] : pe->src,
                            &pe->suppress, arena_printf(c->a, "personas[%d].channels[%d]", p, k),
                            "%s reaches out through \"%s\", but no touchpoint uses that "
                            "channel", pe->name, ch);
        }
    }
}

/* A gatekeeper whose phase runs in the simulator but says nothing of how
 * often they approve: the validator assumed always (an approver who is
 * not a gatekeeper is already an error of check). */
static void gatekeeper_approval(lint_ctx *c)
{
    const cjm_journey *j = c->j;
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        if (!ph->has_transitions && !ph->has_duration)
            continue;
        for (int k = 0; k < ph->approve_count; k++) {
            int p = model_find_persona(j, ph->approve[k].key);
            if (p >= 0 && !ph->approve[k].src)
                lint_report(c, ph->src, &ph->suppress, PHASE(i),
                            "%s is the gatekeeper of phase \"%s\", but its transitions do "
                            "not say how often they approve (transitions.approve; taken "
                            "as always)", j->personas[p].name, ph->name);
        }
    }
}

/* ---- emotion ----------------------------------------------------------------------- */

static const cjm_emotion *score_of(const cjm_phase *ph, const char *p)
{
    for (int k = 0; k < ph->emotion_count; k++)
        if (strcmp(ph->emotions[k].persona, p) == 0)
            return &ph->emotions[k];
    return NULL;
}

/* Whether phase PH says why persona P feels as it does: a note on the
 * score, or a thought or pain that is P's. */
static int explained(const cjm_phase *ph, const cjm_emotion *e, const char *p)
{
    if (e->note)
        return 1;
    for (int k = 0; k < ph->thoughts.count; k++)
        if (card_of(&ph->thoughts.items[k], p))
            return 1;
    for (int k = 0; k < ph->pains.count; k++)
        if (card_of(&ph->pains.items[k], p))
            return 1;
    return 0;
}

static void emotion_jump(lint_ctx *c)
{
    const cjm_journey *j = c->j;
    double step = lint_setting(c);
    /* phase by phase: each score against the same persona's just before */
    for (int i = 1; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int k = 0; k < ph->emotion_count; k++) {
            const cjm_emotion *b = &ph->emotions[k];
            const cjm_emotion *a = score_of(&j->phases[i - 1], b->persona);
            int p = model_find_persona(j, b->persona);
            if (!a || p < 0 || fabs(b->score - a->score) <= step
                || explained(ph, b, b->persona))
                continue;
            lint_report(c, b->src, &ph->suppress, PHASE(i),
                        "%s's emotion goes from %+g to %+g into phase \"%s\" (more than %g) "
                        "with no note, thought or pain to say why", j->personas[p].name,
                        a->score, b->score, ph->name, step);
        }
    }
}

static void emotion_not_involved(lint_ctx *c)
{
    const cjm_journey *j = c->j;
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int k = 0; k < ph->emotion_count; k++) {
            int p = model_find_persona(j, ph->emotions[k].persona);
            if (p >= 0 && model_involvement(j, ph, p) == INV_NONE)
                lint_report(c, ph->emotions[k].src, &ph->suppress,
                            arena_printf(c->a, "phases[%d].emotions[%d]", i, k),
                            "%s has an emotion score in phase \"%s\" but takes no part in it",
                            j->personas[p].name, ph->name);
        }
    }
}

/* ---- blueprint (Shostack) ------------------------------------------------------------ */

static void frontstage_unsupported(lint_ctx *c)
{
    for (int i = 0; i < c->j->phase_count; i++) {
        const cjm_phase *ph = &c->j->phases[i];
        const cjm_blueprint *b = &ph->blueprint;
        if (b->frontstage.count && !b->backstage.count && !b->support.count)
            lint_report(c, b->frontstage.items[0].src, &ph->suppress,
                        arena_printf(c->a, "phases[%d].blueprint.frontstage", i),
                        "phase \"%s\" has frontstage steps but no backstage step or support "
                        "process behind them", ph->name);
    }
}

static void customer_below_line(lint_ctx *c)
{
    static const char *const lanes[] = { "backstage", "support" };
    for (int i = 0; i < c->j->phase_count; i++) {
        const cjm_phase *ph = &c->j->phases[i];
        const cjm_cards *below[] = { &ph->blueprint.backstage, &ph->blueprint.support };
        for (int l = 0; l < 2; l++)
            for (int k = 0; k < below[l]->count; k++) {
                const cjm_card *card = &below[l]->items[k];
                if (card->personas.count)
                    lint_report(c, card->src, &card->suppress,
                                arena_printf(c->a, "phases[%d].blueprint.%s[%d]", i, lanes[l], k),
                                "\"%s\" is done by a persona (%s) but sits below the line of "
                                "visibility; customer actions belong in the customer lane",
                                card->text, card->personas.items[0]);
            }
    }
}

/* The blueprint lane (0 evidence .. 4 support) holding card ID, or -1. */
static int lane_of(const cjm_blueprint *b, const char *id)
{
    const cjm_cards *lanes[] = { &b->evidence, &b->customer, &b->frontstage, &b->backstage,
                                 &b->support };
    for (int l = 0; l < 5; l++)
        for (int k = 0; k < lanes[l]->count; k++)
            if (lanes[l]->items[k].id && strcmp(lanes[l]->items[k].id, id) == 0)
                return l;
    return -1;
}

static void link_not_adjacent(lint_ctx *c)
{
    static const char *const names[] = { "physical evidence", "customer actions", "frontstage",
                                         "backstage", "support" };
    for (int i = 0; i < c->j->phase_count; i++) {
        const cjm_phase *ph = &c->j->phases[i];
        for (int k = 0; k < ph->blueprint.link_count; k++) {
            const cjm_link *ln = &ph->blueprint.links[k];
            int a = lane_of(&ph->blueprint, ln->from), b = lane_of(&ph->blueprint, ln->to);
            if (a >= 0 && b >= 0 && abs(a - b) > 1)
                lint_report(c, ln->src, &ph->suppress,
                            arena_printf(c->a, "phases[%d].blueprint.links[%d]", i, k),
                            "the link %s → %s skips from %s to %s; a link joins adjacent "
                            "lanes (add the step in between)", ln->from, ln->to, names[a],
                            names[b]);
        }
    }
}

/* The plan's view of the journey (fail points, budgets), made once. */
static const plan *the_plan(lint_ctx *c)
{
    if (!c->plan) {
        diag_list quiet;
        diag_init(&quiet);
        plan_options po = { 0, 0, 1, 1, 0 };
        c->plan = plan_build(c->a, c->j, &po, &quiet);
        diag_free(&quiet);
    }
    return c->plan;
}

static void fail_no_recovery(lint_ctx *c)
{
    const plan *pl = the_plan(c);
    for (int k = 0; k < pl->fail_count; k++) {
        const plan_fail *f = &pl->fails[k];
        lint_report(c, f->card->src, &f->card->suppress,
                    arena_printf(c->a, "phases[%d] (%s)", f->phase, f->lane),
                    "fail point \"%s\" of \"%s\" has no recovery: no action addresses it%s",
                    f->card->fail_point, f->card->text,
                    f->card->id ? "" : " (give the card an id an action can name)");
    }
}

static void over_time_budget(lint_ctx *c)
{
    const plan *pl = the_plan(c);
    for (int k = 0; k < pl->over_count; k++) {
        const plan_over *o = &pl->over[k];
        const cjm_phase *ph = &c->j->phases[o->phase];
        lint_report(c, ph->src, &ph->suppress, PHASE(o->phase),
                    "phase \"%s\" takes %g minutes by its step times, over its budget of %g",
                    ph->name, o->minutes, o->budget);
    }
}

/* ---- evidence ---------------------------------------------------------------------------- */

static void evidence_cards(lint_ctx *c, int i, const char *lane, const cjm_cards *cards,
                           cjm_evidence_level need)
{
    for (int k = 0; k < cards->count; k++) {
        const cjm_card *card = &cards->items[k];
        if (card->evidence < need)
            lint_report(c, card->src, &card->suppress,
                        arena_printf(c->a, "phases[%d].%s[%d]", i, lane, k),
                        "\"%s\" stands on %s; this project asks for %s or better", card->text,
                        model_evidence_names()[card->evidence], model_evidence_names()[need]);
    }
}

static void evidence_below(lint_ctx *c)
{
    cjm_evidence_level need = c->cfg->require_evidence;
    if (need == EVID_NONE)
        return;
    const cjm_journey *j = c->j;
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        int nl;
        const cjm_card_list *lists = model_card_lists(&nl);
        for (int l = 0; l < nl; l++)
            if (!lists[l].blueprint)
                evidence_cards(c, i, lists[l].key, model_cards(ph, &lists[l]), need);
        for (int k = 0; k < ph->emotion_count; k++)
            if (ph->emotions[k].evidence < need)
                lint_report(c, ph->emotions[k].src, &ph->suppress,
                            arena_printf(c->a, "phases[%d].emotions[%d]", i, k),
                            "the emotion score of %s in \"%s\" stands on %s; this project "
                            "asks for %s or better", ph->emotions[k].persona, ph->name,
                            model_evidence_names()[ph->emotions[k].evidence],
                            model_evidence_names()[need]);
    }
    for (int t = 0; t < j->touchpoint_count; t++)
        if (j->touchpoints[t].evidence < need)
            lint_report(c, j->touchpoints[t].src, &j->touchpoints[t].suppress,
                        arena_printf(c->a, "touchpoints[%d]", t),
                        "the figures of touchpoint \"%s\" stand on %s; this project asks for "
                        "%s or better", j->touchpoints[t].name,
                        model_evidence_names()[j->touchpoints[t].evidence],
                        model_evidence_names()[need]);
}

/* ---- simulation ---------------------------------------------------------------------------- */

/* Whether J says anything the simulator runs on. */
static int simulated(const cjm_journey *j)
{
    for (int i = 0; i < j->phase_count; i++)
        if (j->phases[i].has_transitions || j->phases[i].has_duration)
            return 1;
    return 0;
}

static void param_no_effect(lint_ctx *c)
{
    if (!simulated(c->j))
        return;
    int *uses, *dur;
    touchpoint_uses(c, &uses, &dur);
    for (int t = 0; t < c->j->touchpoint_count; t++) {
        const cjm_touchpoint *tp = &c->j->touchpoints[t];
        const char *path = arena_printf(c->a, "touchpoints[%d]", t);
        if (!uses[t] && (tp->lift != 1 || tp->reach != 1))
            lint_report(c, tp->src, &tp->suppress, path, "touchpoint \"%s\" has a reach or "
                        "lift, but no phase uses it, so they change nothing", tp->name);
        else if (uses[t] && dur[t] == uses[t] && tp->lift != 1)
            lint_report(c, tp->src, &tp->suppress, path, "the lift ×%g of touchpoint \"%s\" "
                        "has no effect: every phase that uses it moves on by duration, and "
                        "lift multiplies only a daily advance", tp->lift, tp->name);
    }
}

/* The exact result of scenario SC (NULL: the baseline), or NULL after
 * the reason went to D (a journey too large for the exact engine too). */
static sim_result *exact_of(lint_ctx *c, const cjm_scenario *sc, diag_list *d)
{
    sim_model *m = sim_compile_scenario(c->a, c->j, sc, 0, d);
    sim_result *r = m && markov_fits(m, d, DIAG_NOTE, c->file, "lint skips it")
                    ? markov_solve(m) : NULL;
    sim_free(m);
    return r;
}

/* The exact baseline, computed once. */
static const sim_result *baseline(lint_ctx *c)
{
    if (!c->base_tried) {
        c->base_tried = 1;
        c->base = exact_of(c, NULL, &c->sim_problems);
    }
    return c->base;
}

void lint_ctx_done(lint_ctx *c)
{
    sim_result_free(c->base);
    diag_free(&c->sim_problems);
}

static void sim_unrunnable(lint_ctx *c)
{
    if (!simulated(c->j) || baseline(c))
        return;
    for (const diag *e = c->sim_problems.first; e; e = e->next) {
        if (e->severity != DIAG_ERROR)
            continue;
        node at = { .file = e->file, .line = e->line, .col = e->col };
        const char *path = e->path ? e->path : "phases";
        for (int i = 0; !e->path && i < c->j->phase_count; i++)
            if (c->j->phases[i].src && c->j->phases[i].src->line == e->line && e->line)
                path = PHASE(i);
        lint_report(c, &at, NULL, path, "the journey cannot be simulated: %s", e->message);
    }
}

static void conversion_floor(lint_ctx *c)
{
    const sim_result *r = simulated(c->j) ? baseline(c) : NULL;
    double floor = lint_setting(c);
    if (!r || r->converted >= floor)
        return;
    int worst = -1;
    for (int i = 0; i < r->phase_count && i < c->j->phase_count; i++)
        if (worst < 0 || r->dropped_in[i] > r->dropped_in[worst])
            worst = i;
    if (worst < 0 || r->dropped_in[worst] <= 0)
        return;
    const cjm_phase *ph = &c->j->phases[worst];
    lint_report(c, ph->src, &ph->suppress, PHASE(worst), "conversion is %.2f%%, under the "
                "floor of %g%%; most journeys leave in phase \"%s\" (%.1f%% of all)",
                100 * r->converted, 100 * floor, ph->name, 100 * r->dropped_in[worst]);
}

/* The phases a journey moving on from phase I can go to, into OUT; the
 * count.  Outcomes (and leaving the last phase) are -1. */
static int next_phases(const cjm_journey *j, int i, int *out)
{
    const cjm_phase *ph = &j->phases[i];
    int n = 0, forward = ph->has_duration || (ph->has_advance && ph->advance > 0);
    if (forward && !ph->to_count)
        out[n++] = i + 1 < j->phase_count ? i + 1 : -1;
    for (int k = 0; forward && k < ph->to_count; k++)
        if (ph->to[k].p > 0)
            out[n++] = model_find_phase(j, ph->to[k].key);
    for (int k = 0; k < ph->back_count; k++)
        if (ph->back[k].p > 0)
            out[n++] = model_find_phase(j, ph->back[k].key);
    return n;
}

static void endless_loop(lint_ctx *c)
{
    const cjm_journey *j = c->j;
    if (!simulated(j))
        return;
    int n = j->phase_count, most = 1;
    for (int i = 0; i < n; i++)
        if (1 + j->phases[i].to_count + j->phases[i].back_count > most)
            most = 1 + j->phases[i].to_count + j->phases[i].back_count;
    char *ends = arena_alloc(c->a, (size_t)n + 1);
    int *next = arena_alloc(c->a, sizeof *next * (size_t)most);
    /* a phase can end when a journey can drop there or move on to an
     * outcome; then, backwards, when it can move to one that can */
    for (int i = 0; i < n; i++)
        ends[i] = j->phases[i].drop > 0 || !(j->phases[i].has_transitions
                                             || j->phases[i].has_duration);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < n; i++) {
            int k = ends[i] ? 0 : next_phases(j, i, next);
            for (int q = 0; q < k && !ends[i]; q++)
                if (next[q] < 0 || ends[next[q]])
                    ends[i] = changed = 1;
        }
    }
    for (int i = 0; i < n; i++)
        if (!ends[i])
            lint_report(c, j->phases[i].src, &j->phases[i].suppress, PHASE(i),
                        "a journey that enters phase \"%s\" can never end: from there it can "
                        "neither drop nor reach an outcome", j->phases[i].name);
}

static int same_result(const sim_result *a, const sim_result *b)
{
    if (a->converted != b->converted || a->dropped != b->dropped
        || a->convert_days_sum != b->convert_days_sum || a->phase_count != b->phase_count)
        return 0;
    for (int i = 0; i < a->phase_count; i++)
        if (a->reached[i] != b->reached[i] || a->days_in[i] != b->days_in[i])
            return 0;
    return 1;
}

static void scenario_no_change(lint_ctx *c)
{
    const sim_result *base = simulated(c->j) && c->j->scenario_count ? baseline(c) : NULL;
    diag_list d;
    diag_init(&d);
    for (int s = 0; base && s < c->j->scenario_count; s++) {
        const cjm_scenario *sc = &c->j->scenarios[s];
        sim_result *r = exact_of(c, sc, &d);
        if (r && same_result(base, r))
            lint_report(c, sc->src, NULL, arena_printf(c->a, "scenarios[%d]", s),
                        "scenario \"%s\" changes nothing: its exact results are the "
                        "baseline's", sc->name ? sc->name : sc->id);
        sim_result_free(r);
    }
    diag_free(&d);
}

/* ---- lint itself ------------------------------------------------------------------------------ */

static void check_suppress(lint_ctx *c, const cjm_strs *s, const char *path)
{
    for (int k = 0; k < s->count; k++) {
        const char *e = s->items[k], *colon = strchr(e, ':');
        char id[64];
        snprintf(id, sizeof id, "%.*s", colon ? (int)(colon - e) : (int)strlen(e), e);
        const char *why = colon ? colon + 1 : "";
        while (*why == ' ')
            why++;
        if (lint_rule_find(id) < 0 || !*why)
            lint_report(c, s->srcs ? s->srcs[k] : NULL, NULL,
                        arena_printf(c->a, "%s.suppress[%d]", path, k),
                        lint_rule_find(id) < 0
                            ? "suppress: no rule \"%s\" (cjm lint --list-rules lists them)"
                            : "suppress: \"%s\" needs a reason: \"rule-id: why\"", id);
    }
}

static void suppress_invalid(lint_ctx *c)
{
    const cjm_journey *j = c->j;
    for (int p = 0; p < j->persona_count; p++)
        check_suppress(c, &j->personas[p].suppress, arena_printf(c->a, "personas[%d]", p));
    for (int t = 0; t < j->touchpoint_count; t++)
        check_suppress(c, &j->touchpoints[t].suppress, arena_printf(c->a, "touchpoints[%d]", t));
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        check_suppress(c, &ph->suppress, PHASE(i));
        int nl;
        const cjm_card_list *lists = model_card_lists(&nl);
        for (int l = 0; l < nl; l++) {
            const cjm_cards *cards = model_cards(ph, &lists[l]);
            for (int k = 0; k < cards->count; k++)
                check_suppress(c, &cards->items[k].suppress,
                               arena_printf(c->a, "phases[%d].%s%s[%d]", i,
                                            lists[l].blueprint ? "blueprint." : "",
                                            lists[l].key, k));
        }
    }
}

/* ---- the table ------------------------------------------------------------------------------------ */

static const lint_rule rules[] = {
    { "pain-unaddressed", "coverage", LINT_WARNING,
      "A pain nobody answers is a finding the map forgets.",
      "pains: [Pricing is not public]   # no opportunity in the phase, no action",
      NULL, 0, NULL, pain_unaddressed },
    { "phase-empty", "coverage", LINT_WARNING,
      "A phase without a step or a touchpoint says nothing about what happens in it.",
      "- { id: contract, name: Contract }   # no steps, no touchpoints",
      NULL, 0, NULL, phase_empty },
    { "persona-unused", "coverage", LINT_WARNING,
      "A persona who takes part nowhere is a stakeholder the map leaves out.",
      "personas: [{ id: cfo, name: Kenji }]   # never in an involvement, score or card",
      NULL, 0, NULL, persona_unused },
    { "touchpoint-unused", "coverage", LINT_WARNING,
      "A touchpoint no phase uses is drawn nowhere and simulated nowhere.",
      "touchpoints: [{ id: fax, name: Fax, channel: other }]   # in no phase",
      NULL, 0, NULL, touchpoint_unused },
    { "channel-unused", "coverage", LINT_NOTE,
      "A channel a persona prefers but no touchpoint offers is a gap in reach.",
      "channels: [sns]   # on a persona; no touchpoint has channel: sns",
      NULL, 0, NULL, channel_unused },
    { "gatekeeper-approval", "coverage", LINT_WARNING,
      "A gatekeeper's approval rate drives the simulation; unsaid, it is taken as always.",
      "involvement: { cfo: gatekeeper }   # but transitions.approve names no cfo",
      NULL, 0, NULL, gatekeeper_approval },
    { "emotion-jump", "emotion", LINT_WARNING,
      "A large swing of emotion needs a reason on the map.",
      "emotions: { pic: -3 }   # after +1, with no note, thought or pain",
      "step", 2, "the largest change between consecutive phases that needs no reason",
      emotion_jump },
    { "emotion-not-involved", "emotion", LINT_WARNING,
      "A score for someone who is not there is a guess.",
      "emotions: { it: 1 }   # in a phase where it is not involved",
      NULL, 0, NULL, emotion_not_involved },
    { "frontstage-unsupported", "blueprint", LINT_WARNING,
      "Every frontstage step needs a backstage step or support process behind it.",
      "blueprint: { frontstage: [Demo call] }   # no backstage, no support",
      NULL, 0, NULL, frontstage_unsupported },
    { "customer-below-line", "blueprint", LINT_WARNING,
      "What the customer does belongs above the line of visibility.",
      "backstage: [{ text: Uploads the contract, personas: [pic] }]",
      NULL, 0, NULL, customer_below_line },
    { "link-not-adjacent", "blueprint", LINT_WARNING,
      "A blueprint link joins adjacent lanes; a jump hides the steps between.",
      "links: [{ from: customer_card, to: support_card }]",
      NULL, 0, NULL, link_not_adjacent },
    { "fail-no-recovery", "blueprint", LINT_WARNING,
      "A fail point without a recovery action is a known failure left to happen.",
      "steps: [{ id: s, text: Signs, fail_point: Portal times out }]   # no action addresses s",
      NULL, 0, NULL, fail_no_recovery },
    { "over-time-budget", "blueprint", LINT_WARNING,
      "Steps that take longer than the phase's budget break its promise.",
      "time_budget: 30   # steps of 20 and 25 minutes",
      NULL, 0, NULL, over_time_budget },
    { "evidence-below", "evidence", LINT_OFF,
      "Claims below the project's evidence level are opinions on the map.",
      "evidence: assumption   # with --require-evidence qualitative",
      NULL, 0, NULL, evidence_below },
    { "sim-unrunnable", "simulation", LINT_ERROR,
      "A journey with transitions the simulator cannot run gives no figures.",
      "transitions: { drop: 0.1 }   # no advance and no duration: no way on",
      NULL, 0, NULL, sim_unrunnable },
    { "param-no-effect", "simulation", LINT_WARNING,
      "A parameter that changes nothing misleads whoever tunes it.",
      "lift: 1.5   # on a touchpoint used only in phases with duration",
      NULL, 0, NULL, param_no_effect },
    { "conversion-floor", "simulation", LINT_WARNING,
      "A journey that converts almost no one usually has a drop in the wrong place.",
      "transitions: { advance: 0.01, drop: 0.5 }",
      "floor", 0.01, "the least conversion (a share, 0.01 = 1%) before the rule fires",
      conversion_floor },
    { "endless-loop", "simulation", LINT_ERROR,
      "Journeys that can never end pile up in the loop until the horizon.",
      "to: { review: 1 }   # review goes back to here, and neither can drop",
      NULL, 0, NULL, endless_loop },
    { "scenario-no-change", "simulation", LINT_WARNING,
      "A scenario that changes no result tests nothing.",
      "scenarios: [{ id: s, changes: [{ touchpoint: web, lift: \"*1\" }] }]",
      NULL, 0, NULL, scenario_no_change },
    { "suppress-invalid", "lint", LINT_ERROR,
      "A suppression must name a rule and say why.",
      "suppress: [\"emotion-jump\"]   # no reason",
      NULL, 0, NULL, suppress_invalid },
};

const lint_rule *lint_rules(int *count)
{
    *count = (int)(sizeof rules / sizeof rules[0]);
    return rules;
}
