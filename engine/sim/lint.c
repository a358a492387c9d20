/*
 * lint.c — running the rules: configuration, suppression, findings and
 * the evidence census; see lint.h.  The rules are in lint_rules.c.
 */
#define _DEFAULT_SOURCE
#include "sim/lint_internal.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc/yaml.h"

static const char *const severity_names[] = { "off", "note", "warning", "error", NULL };

const char *const *lint_severity_names(void)
{
    return severity_names;
}

int lint_rule_find(const char *id)
{
    int n;
    const lint_rule *rules = lint_rules(&n);
    for (int i = 0; id && i < n; i++)
        if (strcmp(rules[i].id, id) == 0)
            return i;
    return -1;
}

/* ---- configuration ---------------------------------------------------------- */

void lint_config_init(lint_config *c, arena *a)
{
    int n;
    const lint_rule *rules = lint_rules(&n);
    c->severity = arena_alloc(a, sizeof *c->severity * (size_t)n);
    c->setting = arena_alloc(a, sizeof *c->setting * (size_t)n);
    for (int i = 0; i < n; i++) {
        c->severity[i] = rules[i].severity;
        c->setting[i] = rules[i].setting_default;
    }
    c->require_evidence = EVID_NONE;
    c->source = NULL;
}

void lint_require_evidence(lint_config *c, cjm_evidence_level level)
{
    c->require_evidence = level;
    int k = lint_rule_find("evidence-below");
    if (k >= 0 && level != EVID_NONE && c->severity[k] == LINT_OFF)
        c->severity[k] = LINT_ERROR;
}

static int name_index(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

static void config_error(diag_list *d, const node *n, const char *fmt, const char *a,
                         const char *b)
{
    diag_add(d, DIAG_ERROR, n->file, n->line, n->col, NULL, fmt, a, b);
}

/* The same at N's key (an unknown name is the key's fault). */
static void key_error(diag_list *d, const node *n, const char *fmt, const char *a,
                      const char *b)
{
    diag_add(d, DIAG_ERROR, n->file, n->key_line ? n->key_line : n->line,
             n->key_line ? n->key_col : n->col, NULL, fmt, a, b);
}

/* One entry of `rules:`: a severity, or {severity, SETTING}. */
static void read_rule(lint_config *c, const node *v, diag_list *d)
{
    int k = lint_rule_find(v->key);
    if (k < 0) {
        key_error(d, v, "rules: no rule \"%s\" (cjm lint --list-rules lists them)%s",
                     v->key, "");
        return;
    }
    const lint_rule *r = &lint_rules(&(int){ 0 })[k];
    const node *sev = v;
    if (v->kind == NODE_MAP) {
        sev = node_map_get(v, "severity");
        for (const node *f = v->first; f; f = f->next) {
            if (strcmp(f->key, "severity") == 0)
                continue;
            if (!r->setting || strcmp(f->key, r->setting) != 0) {
                key_error(d, f, "rules.%s: no setting \"%s\" here", v->key, f->key);
            } else if (f->kind != NODE_INT && f->kind != NODE_FLOAT) {
                config_error(d, f, "rules.%s.%s: a number is expected", v->key, f->key);
            } else {
                c->setting[k] = f->kind == NODE_INT ? (double)f->v.integer : f->v.number;
            }
        }
    }
    if (!sev)
        return;
    int s = sev->kind == NODE_STR ? name_index(severity_names, sev->v.str.s)
          : sev->kind == NODE_BOOL && !sev->v.boolean ? LINT_OFF : -1;
    if (s < 0)
        config_error(d, sev, "rules.%s: the severity is one of off, note, warning or "
                     "error%s", v->key, "");
    else
        c->severity[k] = (lint_severity)s;
}

int lint_config_read(lint_config *c, arena *a, const char *path, diag_list *d)
{
    int errors = d->errors;
    node *root = yaml_load_file(a, path, d);
    if (!root)
        return -1;
    if (root->kind != NODE_MAP) {
        config_error(d, root, "%s: the settings are a mapping (rules:, require-evidence:)%s",
                     path, "");
        return -1;
    }
    for (const node *f = root->first; f; f = f->next) {
        if (strcmp(f->key, "rules") == 0 && f->kind == NODE_MAP) {
            for (const node *v = f->first; v; v = v->next)
                read_rule(c, v, d);
        } else if (strcmp(f->key, "require-evidence") == 0 && f->kind == NODE_STR) {
            int level = name_index(model_evidence_names(), f->v.str.s);
            if (level < 0)
                config_error(d, f, "require-evidence: \"%s\" is not an evidence level "
                             "(assumption, workshop, qualitative, quantitative)%s",
                             f->v.str.s, "");
            else
                lint_require_evidence(c, (cjm_evidence_level)level);
        } else if (strcmp(f->key, "rules") == 0 || strcmp(f->key, "require-evidence") == 0) {
            config_error(d, f, "%s: %s", f->key, strcmp(f->key, "rules") == 0
                         ? "a mapping of rule ids to a severity or {severity, setting}"
                         : "an evidence level (assumption, workshop, qualitative, quantitative)");
        } else {
            key_error(d, f, "\"%s\": not a setting here (rules: a mapping of rule ids; "
                         "require-evidence: a level)%s", f->key, "");
        }
    }
    c->source = arena_strdup(a, path);
    return d->errors > errors ? -1 : 0;
}

const char *lint_config_find(arena *a, const char *file)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(file, '/');
    if (!realpath(slash ? arena_printf(a, "%.*s", (int)(slash - file), file) : ".", dir))
        return NULL;
    for (;;) {
        const char *candidate = arena_printf(a, "%s/.cjmlint.yaml", strcmp(dir, "/") ? dir : "");
        if (access(candidate, R_OK) == 0)
            return candidate;
        char *up = strrchr(dir, '/');
        if (!up || up == dir) {
            if (strcmp(dir, "/") == 0)
                return NULL;
            strcpy(dir, "/");
            continue;
        }
        *up = '\0';
    }
}

/* ---- findings ------------------------------------------------------------------ */

double lint_setting(const lint_ctx *c)
{
    return c->cfg->setting[c->rule];
}

/* Whether SUPPRESS switches the running rule off ("rule-id: why"). */
static int suppressed(const lint_ctx *c, const cjm_strs *suppress)
{
    const char *id = lint_rules(&(int){ 0 })[c->rule].id;
    size_t n = strlen(id);
    for (int k = 0; suppress && k < suppress->count; k++) {
        const char *s = suppress->items[k];
        if (strncmp(s, id, n) == 0 && s[n] == ':')
            return 1;
    }
    return 0;
}

static void add(lint_result *r, const lint_finding *f)
{
    if (r->count == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 32;
        lint_finding *items = realloc(r->items, sizeof *items * (size_t)r->cap);
        if (!items)
            return;
        r->items = items;
    }
    r->items[r->count++] = *f;
    r->errors += f->severity == LINT_ERROR;
    r->warnings += f->severity == LINT_WARNING;
    r->notes += f->severity == LINT_NOTE;
}

void lint_report(lint_ctx *c, const node *at, const cjm_strs *suppress, const char *path,
                 const char *fmt, ...)
{
    if (suppressed(c, suppress)) {
        c->r->suppressed++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lint_finding f = { c->rule, c->cfg->severity[c->rule], c->file, 0, 0,
                       path ? arena_strdup(c->a, path) : "", arena_strdup(c->a, msg) };
    if (at && at->line > 0) {
        /* the place may come from a message freed before the output */
        f.file = at->file ? arena_strdup(c->a, at->file) : c->file;
        f.line = at->line;
        f.col = at->col;
    }
    add(c->r, &f);
}

/* ---- the census of evidence ----------------------------------------------------- */

static void count_cards(lint_result *r, const cjm_cards *cards)
{
    for (int k = 0; k < cards->count; k++)
        r->claims[cards->items[k].evidence]++;
}

static void census(const cjm_journey *j, lint_result *r)
{
    int nl;
    const cjm_card_list *lists = model_card_lists(&nl);
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        for (int l = 0; l < nl; l++)
            if (!lists[l].blueprint)
                count_cards(r, model_cards(ph, &lists[l]));
        for (int k = 0; k < ph->emotion_count; k++)
            r->claims[ph->emotions[k].evidence]++;
    }
    for (int i = 0; i < j->touchpoint_count; i++)
        r->claims[j->touchpoints[i].evidence]++;
}

void lint_journey(arena *a, const cjm_journey *j, const char *file,
                  const lint_config *cfg, lint_result *r)
{
    int n;
    const lint_rule *rules = lint_rules(&n);
    census(j, r);
    lint_ctx c = { .a = a, .j = j, .file = file, .cfg = cfg, .r = r };
    diag_init(&c.sim_problems);
    for (int i = 0; i < n; i++) {
        if (cfg->severity[i] == LINT_OFF)
            continue;
        c.rule = i;
        rules[i].check(&c);
    }
    lint_ctx_done(&c);
}
