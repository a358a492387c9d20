/*
 * load.c — file to validated model; see load.h.
 */
#include "model/load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/image.h"
#include "doc/textcheck.h"
#include "base/watchdog.h"
#include "model/validate.h"
#include "doc/yaml.h"

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int load_is_lua(const char *path)
{
    return has_suffix(path, ".lua");
}

node *load_document(arena *a, const char *path, host *h, diag_list *d)
{
    if (load_is_lua(path))
        return host_run_file(h, a, path);
    return yaml_load_file(a, path, d);
}

/* The folder part of PATH ("." when it has none), in A. */
static const char *folder_of(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* Append the scenarios of FILE (a YAML or Lua document that is a list of
 * scenarios, or a mapping with `scenarios:`) to DOC's own.  Positions in
 * FILE are kept, so problems in them point into FILE. */
static int add_scenarios(arena *a, node *doc, const char *file, host *h,
                         const host_options *ho, diag_list *d)
{
    host *own = NULL;
    if (load_is_lua(file) && !h) {
        host_options lua_opts = *ho;
        lua_opts.input_dir = folder_of(a, file);
        if (!(h = own = host_new(&lua_opts, d)))
            return -1;
    }
    /* a Lua file runs with the journey, so its apply functions see it */
    node *extra = load_is_lua(file) ? host_run_scenarios(h, a, file, doc)
                                    : load_document(a, file, h, d);
    host_free(own);
    if (!extra)
        return -1;
    node *list = node_is_seq(extra) ? extra : node_map_get(extra, "scenarios");
    if (!list || !node_is_seq(list)) {
        diag_add(d, DIAG_ERROR, file, extra->line, extra->col, NULL, "expected a list of "
                 "scenarios, or a mapping with a `scenarios:` list");
        return -1;
    }
    if (node_is_map(extra))
        for (const node *k = extra->first; k; k = k->next)
            if (strcmp(k->key, "scenarios") != 0)
                diag_add(d, DIAG_WARNING, file, k->key_line, k->key_col, NULL,
                         "\"%s\" is ignored: a scenario file holds scenarios", k->key);
    node *own_list = node_map_get(doc, "scenarios");
    if (!own_list) {
        own_list = node_new(a, NODE_SEQ, file, 1, 1);
        node_map_put(a, doc, "scenarios", own_list);
    } else if (own_list->kind == NODE_MAP && (own_list->flags & NODE_EMPTY_TABLE)) {
        own_list->kind = NODE_SEQ;
    }
    for (node *s = list->first; s;) {
        node *next = s->next;
        node_append(own_list, s);
        s = next;
    }
    return 0;
}

/* Every persona photo of J is a readable PNG inside FOLDER, within the
 * image limits (image.h).  Problems point at the photo's line. */
static void check_photos(const cjm_journey *j, const char *folder, diag_list *d)
{
    for (int i = 0; i < j->persona_count; i++) {
        const cjm_persona *p = &j->personas[i];
        if (!p->photo)
            continue;
        image_file im;
        char why[300];
        int rc = image_read(folder, p->photo, &im, why, sizeof why);
        if (rc == 0) {
            image_free(&im);
            continue;
        }
        if (rc == -2)
            d->limit_hit = 1;
        const node *n = node_map_get(p->src, "photo");
        char path[64];
        snprintf(path, sizeof path, "personas[%d].photo", i);
        diag_add(d, DIAG_ERROR, n ? n->file : NULL, n ? n->line : 0, n ? n->col : 0,
                 path, "\"%s\" %s", p->photo, why);
    }
}

/* The journeys J's scenarios run on are checked with J. */
static void check_scenario_journeys(arena *a, const cjm_journey *j, diag_list *d)
{
    for (int k = 0; k < j->scenario_count; k++)
        load_scenario_journey(a, j, &j->scenarios[k], d);
}

cjm_journey *load_tree(arena *a, const node *doc, diag_list *d)
{
    if (textcheck_tree(doc, d) > 0)
        return NULL;
    cjm_journey *j = model_build(a, doc, d);
    val_journey(a, j, d);
    return j;
}

cjm_journey *load_journey(arena *a, const char *path, const load_options *o,
                          diag_list *d)
{
    int errors_before = d->errors + d->dropped;
    watchdog_stage("loading the journey");
    host_options ho = o->host;
    ho.input_dir = folder_of(a, path);
    host *h = NULL;
    node *doc = NULL;
    cjm_journey *j = NULL;

    if (load_is_lua(path)) {
        h = host_new(&ho, d);
        if (!h)
            goto done;
    }
    doc = load_document(a, path, h, d);
    if (!doc)
        goto done;
    if (node_map_get(doc, "template")) {
        if (!h && !(h = host_new(&ho, d)))
            goto done;
        doc = host_instantiate(h, a, doc, o->params, o->param_count);
        if (!doc)
            goto done;
    } else if (o->param_count) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "--param applies to "
                 "journeys made by a template, and this one names none");
        goto done;
    }
    if (o->scenarios && add_scenarios(a, doc, o->scenarios, h, &ho, d) < 0)
        goto done;
    j = load_tree(a, doc, d);
    if (j && j->maps)
        j->mapped = load_mapped_journey(a, j, d);
    if (j && d->errors == errors_before)
        check_scenario_journeys(a, j, d);
    if (j)
        check_photos(j, ho.input_dir, d);
done:
    host_free(h);
    if (d->errors + d->dropped > errors_before || d->limit_hit || d->internal)
        return NULL;
    return j;
}

cjm_journey *load_mapped_journey(arena *a, const cjm_journey *project, diag_list *d)
{
    int before = d->errors;
    cjm_journey *m = model_build(a, project->maps, d);
    val_journey(a, m, d);
    if (m->maps)
        diag_add(d, DIAG_ERROR, m->maps->file, m->maps->line, m->maps->col, "maps.maps",
                 "the journey a project maps cannot itself map another");
    if (d->errors > before) {
        diag_add(d, DIAG_NOTE, NULL, 0, 0, NULL, "in the customer journey under maps");
        return NULL;
    }
    return m;
}

/* Whether scenario SC adds a touchpoint or a phase. */
static int scenario_adds(const cjm_scenario *sc)
{
    for (int k = 0; k < sc->changes.count; k++)
        if (sc->changes.items[k].add_touchpoint || sc->changes.items[k].add_phase)
            return 1;
    return 0;
}

/* The phase mapping of DOC whose id is ID, or NULL. */
static node *phase_node(node *doc, const char *id)
{
    node *phases = node_map_get(doc, "phases");
    for (node *p = phases ? phases->first : NULL; p; p = p->next) {
        const node *pid = node_map_get(p, "id");
        if (pid && pid->kind == NODE_STR && strcmp(pid->v.str.s, id) == 0)
            return p;
    }
    return NULL;
}

/* The list KEY of MAP, made when missing. */
static node *list_of(arena *a, node *map, const char *key, const node *at)
{
    node *l = node_map_get(map, key);
    if (!l || !node_is_seq(l)) {
        if (l && node_is_map(l) && (l->flags & NODE_EMPTY_TABLE)) {
            l->kind = NODE_SEQ;
            return l;
        }
        l = node_new(a, NODE_SEQ, at->file, at->line, at->col);
        node_map_put(a, map, key, l);
    }
    return l;
}

static node *copied(arena *a, const node *n)
{
    long budget = node_size(n) + 1;
    return node_copy(a, n, &budget);
}

/* Apply change CH's addition to DOC: the touchpoint, used in the phases
 * `to` names; or the phase, after the one `after` names (else last). */
static void apply_addition(arena *a, node *doc, const cjm_change *ch)
{
    if (ch->add_touchpoint) {
        node_append(list_of(a, doc, "touchpoints", ch->src), copied(a, ch->add_touchpoint));
        const node *id = node_map_get(ch->add_touchpoint, "id");
        for (int k = 0; id && id->kind == NODE_STR && k < ch->to.count; k++) {
            node *ph = phase_node(doc, ch->to.items[k]);
            if (ph)
                node_append(list_of(a, ph, "touchpoints", ch->src), copied(a, id));
        }
        return;
    }
    node *phases = list_of(a, doc, "phases", ch->src);
    node **kids = arena_alloc(a, sizeof *kids * (size_t)(phases->count + 1));
    int n = 0, placed = 0;
    for (node *k = phases->first; k; k = k->next)
        kids[n++] = k;
    for (int i = 0; i < n; i++)
        node_remove(phases, kids[i]);
    node *added = copied(a, ch->add_phase);
    for (int i = 0; i < n; i++) {
        node_append(phases, kids[i]);
        const node *pid = node_map_get(kids[i], "id");
        if (!placed && ch->after && pid && pid->kind == NODE_STR
            && strcmp(pid->v.str.s, ch->after) == 0) {
            node_append(phases, added);
            placed = 1;
        }
    }
    if (!placed)
        node_append(phases, added);
}

cjm_journey *load_scenario_journey(arena *a, const cjm_journey *j, const cjm_scenario *sc,
                                   diag_list *d)
{
    if (!sc->journey && !scenario_adds(sc))
        return NULL;
    int before = d->errors;
    node *doc = copied(a, sc->journey ? sc->journey : j->src);
    const node *own = node_map_get(doc, "scenarios");
    if (own)
        node_remove(doc, (node *)own);
    for (int k = 0; k < sc->changes.count; k++)
        if (sc->changes.items[k].add_touchpoint || sc->changes.items[k].add_phase)
            apply_addition(a, doc, &sc->changes.items[k]);
    cjm_journey *alt = model_build(a, doc, d);
    val_journey(a, alt, d);
    if (d->errors > before) {
        if (sc->journey)
            diag_add(d, DIAG_NOTE, NULL, 0, 0, NULL, "in the journey that scenario %s's "
                     "apply function returned", sc->id);
        else
            diag_add(d, DIAG_NOTE, NULL, 0, 0, NULL, "in the journey of scenario %s (with "
                     "what it adds)", sc->id);
        return NULL;
    }
    return alt;
}
