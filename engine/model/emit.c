/*
 * emit.c — normalized YAML and JSON output, and Mermaid journey diagrams;
 * see emit.h.
 */
#include "model/emit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"
#include "doc/json.h"
#include "doc/yaml.h"

/* ---- Mermaid ---------------------------------------------------------------- */

/* TEXT as Mermaid can read it on one line: line breaks as <br>, and the
 * characters its journey syntax takes for itself (':' between a task's
 * parts, '#' and ';') as look-alikes, counted in *CHANGED. */
static void mermaid_text(sbuf *b, const char *text, int *changed)
{
    static const struct { char c; const char *as; } swap[] = {
        { ':', "\xe2\x88\xb6" }, { '#', "\xef\xbc\x83" }, { ';', "\xef\xbc\x9b" },
    };
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            sbuf_puts(b, "<br>");
            continue;
        }
        const char *as = NULL;
        for (size_t k = 0; k < sizeof swap / sizeof swap[0]; k++)
            if (*p == swap[k].c)
                as = swap[k].as;
        if (as) {
            sbuf_puts(b, as);
            (*changed)++;
        } else {
            sbuf_put(b, p, 1);
        }
    }
}

/* Whether any step of J has a score: a journey read from Mermaid, whose
 * tasks are written back as they were. */
static int has_scores(const cjm_journey *j)
{
    for (int i = 0; i < j->phase_count; i++)
        for (int k = 0; k < j->phases[i].steps.count; k++)
            if (j->phases[i].steps.items[k].score > 0)
                return 1;
    return 0;
}

/* The actors of step C of phase PH: its personas; in a journey without
 * scores, else the personas that take part in the phase.  Their count,
 * indexes in WHO (room for every persona, and for every name C lists). */
static int actors_of(const cjm_journey *j, const cjm_phase *ph, const cjm_card *c,
                     int literal, int *who)
{
    int n = 0;
    for (int k = 0; k < c->personas.count; k++) {
        int p = model_find_persona(j, c->personas.items[k]);
        if (p >= 0)
            who[n++] = p;
    }
    if (n || c->personas.count || literal)
        return n;
    for (int k = 0; k < ph->involvement_count; k++) {
        int p = model_find_persona(j, ph->involvement[k].persona);
        if (p >= 0 && ph->involvement[k].level != INV_NONE)
            who[n++] = p;
    }
    return n;
}

/* A step's score: its own; in a journey without scores, the mean emotion
 * of its actors in the phase (those with one) + 3, rounded into 1..5;
 * 0 when there is none. */
static int score_of(const cjm_journey *j, const cjm_phase *ph, const cjm_card *c,
                    int literal, const int *who, int n)
{
    if (c->score > 0 || literal)
        return c->score > 0 ? c->score : 0;
    double sum = 0;
    int count = 0;
    for (int k = 0; k < ph->emotion_count; k++) {
        int p = model_find_persona(j, ph->emotions[k].persona);
        for (int q = 0; q < n; q++)
            if (who[q] == p) {
                sum += ph->emotions[k].score;
                count++;
            }
    }
    if (!count)
        return 0;
    int s = (int)lround(sum / count + 3);
    return s < 1 ? 1 : s > 5 ? 5 : s;
}

static void mermaid_step(sbuf *b, const cjm_journey *j, const cjm_phase *ph,
                         const cjm_card *c, int literal, int *who, int *changed)
{
    sbuf_puts(b, "      ");
    mermaid_text(b, c->text, changed);
    sbuf_puts(b, ":");
    int n = actors_of(j, ph, c, literal, who);
    int score = score_of(j, ph, c, literal, who, n);
    if (score) {
        sbuf_puts(b, " ");
        sbuf_int(b, score);
    }
    /* actors after a score, or after an empty one ("Task:: Ann"): an actor
     * named like a number must not be read as the score */
    if (n)
        sbuf_puts(b, ":");
    for (int q = 0; q < n; q++) {
        sbuf_puts(b, q ? ", " : " ");
        mermaid_text(b, j->personas[who[q]].name, changed);
    }
    sbuf_puts(b, "\n");
}

static char *emit_mermaid(const cjm_journey *j, size_t *len, diag_list *d)
{
    sbuf b = { 0 };
    int changed = 0, literal = has_scores(j);
    /* room for a step's personas (a name may be listed twice) or everyone */
    int room = j->persona_count;
    for (int i = 0; i < j->phase_count; i++)
        for (int k = 0; k < j->phases[i].steps.count; k++)
            if (j->phases[i].steps.items[k].personas.count > room)
                room = j->phases[i].steps.items[k].personas.count;
    int *who = calloc((size_t)room + 1, sizeof *who);
    if (!who)
        return NULL;
    sbuf_puts(&b, "journey\n    title ");
    mermaid_text(&b, j->title && *j->title ? j->title : j->id, &changed);
    sbuf_puts(&b, "\n");
    if (j->description) {
        sbuf_puts(&b, strchr(j->description, '\n') ? "    accDescr {\n" : "    accDescr: ");
        for (const char *p = j->description; *p; p++)
            if (*p != '}')
                sbuf_put(&b, p, 1);
        sbuf_puts(&b, strchr(j->description, '\n') ? "\n    }\n" : "\n");
    }
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        sbuf_puts(&b, "    section ");
        mermaid_text(&b, ph->name && *ph->name ? ph->name : ph->id, &changed);
        sbuf_puts(&b, "\n");
        for (int k = 0; k < ph->steps.count; k++)
            mermaid_step(&b, j, ph, &ph->steps.items[k], literal, who, &changed);
    }
    free(who);
    if (changed)
        diag_add(d, DIAG_WARNING, NULL, 0, 0, NULL, "%d ':', '#' or ';' in names written as "
                 "look-alikes (Mermaid's journey syntax takes them for itself)", changed);
    char *text = sbuf_finish(&b, len);
    if (!text)
        diag_add(d, DIAG_ERROR, NULL, 0, 0, NULL, "out of memory writing the diagram");
    return text;
}

char *emit_journey(const cjm_journey *j, out_format format, size_t *len,
                   diag_list *d)
{
    if (format == FMT_MERMAID)
        return emit_mermaid(j, len, d);
    arena a;
    arena_init(&a);
    node *root = model_to_node(&a, j);
    char *text = format == FMT_JSON ? json_emit(root, len, d)
                                    : yaml_emit(root, len, d);
    arena_free(&a);
    return text;
}
