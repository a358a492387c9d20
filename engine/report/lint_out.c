/*
 * lint_out.c — the findings of `cjm lint` in its four formats; see
 * lint_out.h.  JSON and SARIF are built as node trees and written by the
 * one JSON writer.
 */
#include "report/lint_out.h"

#include <stdio.h>
#include <string.h>

#include "doc/json.h"
#include "report/report.h"

static const char *severity(lint_severity s)
{
    return lint_severity_names()[s];
}

/* ---- text and gcc ----------------------------------------------------------------- */

static void finding_line(sbuf *out, const lint_finding *f)
{
    const lint_rule *rules = lint_rules(&(int){ 0 });
    if (f->line > 0 && f->col > 0)
        sbuf_printf(out, "%s:%d:%d: %s: ", f->file, f->line, f->col, severity(f->severity));
    else if (f->line > 0)       /* a Lua constructor's line */
        sbuf_printf(out, "%s:%d: %s: ", f->file, f->line, severity(f->severity));
    else
        sbuf_printf(out, "%s: %s: %s%s", f->file, severity(f->severity), f->path,
                    *f->path ? ": " : "");
    sbuf_printf(out, "%s [%s]\n", f->message, rules[f->rule].id);
}

/* Claims at or above the required level (or each level's count). */
static void census_line(sbuf *out, const lint_file *lf)
{
    const lint_result *r = &lf->result;
    const char *const *names = model_evidence_names();
    int total = 0;
    for (int e = 0; e < EVID__COUNT; e++)
        total += r->claims[e];
    sbuf_printf(out, "%s: evidence of %d claim%s:", lf->file, total, total == 1 ? "" : "s");
    for (int e = 0; e < EVID__COUNT; e++)
        sbuf_printf(out, "%s %d %s", e ? "," : "", r->claims[e], names[e]);
    cjm_evidence_level need = lf->config->require_evidence;
    if (need != EVID_NONE) {
        int ok = 0;
        for (int e = need; e < EVID__COUNT; e++)
            ok += r->claims[e];
        sbuf_printf(out, "; %d of %d (%.0f%%) at %s or better", ok, total,
                    total ? 100.0 * ok / total : 100.0, names[need]);
    }
    sbuf_puts(out, "\n");
}

static void write_text(sbuf *out, const lint_file *files, int n, int summary)
{
    int errors = 0, warnings = 0, notes = 0, suppressed = 0;
    for (int i = 0; i < n; i++) {
        const lint_result *r = &files[i].result;
        for (int k = 0; k < r->count; k++)
            finding_line(out, &r->items[k]);
        errors += r->errors;
        warnings += r->warnings;
        notes += r->notes;
        suppressed += r->suppressed;
        if (summary)
            census_line(out, &files[i]);
    }
    if (summary)
        sbuf_printf(out, "lint: %d file%s, %d error%s, %d warning%s, %d note%s, %d "
                    "suppressed\n", n, n == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                    warnings, warnings == 1 ? "" : "s", notes, notes == 1 ? "" : "s",
                    suppressed);
}

/* ---- json ---------------------------------------------------------------------------- */

static node *census_node(arena *a, const lint_result *r)
{
    node *m = rnode_map(a);
    for (int e = 0; e < EVID__COUNT; e++)
        rnode_put(a, m, model_evidence_names()[e], rnode_int(a, r->claims[e]));
    return m;
}

static void write_json(sbuf *out, const lint_file *files, int n)
{
    arena a;
    arena_init(&a);
    const lint_rule *rules = lint_rules(&(int){ 0 });
    node *root = rnode_map(&a), *list = rnode_seq(&a), *fl = rnode_seq(&a);
    for (int i = 0; i < n; i++) {
        const lint_result *r = &files[i].result;
        node *f = rnode_map(&a);
        rnode_put(&a, f, "file", rnode_str(&a, files[i].file));
        rnode_put(&a, f, "config", rnode_str(&a, files[i].config->source));
        rnode_put(&a, f, "errors", rnode_int(&a, r->errors));
        rnode_put(&a, f, "warnings", rnode_int(&a, r->warnings));
        rnode_put(&a, f, "notes", rnode_int(&a, r->notes));
        rnode_put(&a, f, "suppressed", rnode_int(&a, r->suppressed));
        rnode_put(&a, f, "evidence", census_node(&a, r));
        node_append(fl, f);
        for (int k = 0; k < r->count; k++) {
            const lint_finding *x = &r->items[k];
            node *m = rnode_map(&a);
            rnode_put(&a, m, "rule", rnode_str(&a, rules[x->rule].id));
            rnode_put(&a, m, "severity", rnode_str(&a, severity(x->severity)));
            rnode_put(&a, m, "file", rnode_str(&a, x->file));
            rnode_put(&a, m, "line", rnode_int(&a, x->line));
            rnode_put(&a, m, "column", rnode_int(&a, x->col));
            rnode_put(&a, m, "path", rnode_str(&a, x->path));
            rnode_put(&a, m, "message", rnode_str(&a, x->message));
            node_append(list, m);
        }
    }
    rnode_put(&a, root, "files", fl);
    rnode_put(&a, root, "findings", list);
    json_write(out, root);
    arena_free(&a);
}

/* ---- SARIF 2.1.0 ------------------------------------------------------------------------ */

static node *text_node(arena *a, const char *text)
{
    node *m = rnode_map(a);
    rnode_put(a, m, "text", rnode_str(a, text));
    return m;
}

/* FILE as a relative URI reference: unreserved bytes and '/' as they are,
 * the rest percent-encoded. */
static const char *uri_of(arena *a, const char *file)
{
    sbuf b = { 0 };
    for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
            || strchr("-._~/", *p))
            sbuf_put(&b, p, 1);
        else
            sbuf_printf(&b, "%%%02X", *p);
    }
    sbuf_put(&b, "", 1);
    const char *s = arena_strdup(a, b.data ? b.data : "");
    sbuf_free(&b);
    return s;
}

static node *sarif_rules(arena *a)
{
    int n;
    const lint_rule *rules = lint_rules(&n);
    node *list = rnode_seq(a);
    static const char *const level[] = { "none", "note", "warning", "error" };
    for (int i = 0; i < n; i++) {
        node *r = rnode_map(a), *cfg = rnode_map(a), *props = rnode_map(a), *tags = rnode_seq(a);
        rnode_put(a, r, "id", rnode_str(a, rules[i].id));
        rnode_put(a, r, "shortDescription", text_node(a, rules[i].rationale));
        rnode_put(a, r, "help", text_node(a, arena_printf(a, "Example: %s", rules[i].example)));
        rnode_put(a, cfg, "level", rnode_str(a, level[rules[i].severity]));
        rnode_put(a, r, "defaultConfiguration", cfg);
        node_append(tags, rnode_str(a, rules[i].group));
        rnode_put(a, props, "tags", tags);
        rnode_put(a, r, "properties", props);
        node_append(list, r);
    }
    return list;
}

static node *sarif_result(arena *a, const lint_finding *f)
{
    const lint_rule *rules = lint_rules(&(int){ 0 });
    node *r = rnode_map(a), *loc = rnode_map(a), *phys = rnode_map(a), *art = rnode_map(a);
    rnode_put(a, r, "ruleId", rnode_str(a, rules[f->rule].id));
    rnode_put(a, r, "ruleIndex", rnode_int(a, f->rule));
    rnode_put(a, r, "level", rnode_str(a, severity(f->severity)));
    rnode_put(a, r, "message", text_node(a, f->message));
    rnode_put(a, art, "uri", rnode_str(a, uri_of(a, f->file)));
    rnode_put(a, phys, "artifactLocation", art);
    if (f->line > 0) {
        node *region = rnode_map(a);
        rnode_put(a, region, "startLine", rnode_int(a, f->line));
        rnode_put(a, region, "startColumn", rnode_int(a, f->col > 0 ? f->col : 1));
        rnode_put(a, phys, "region", region);
    }
    rnode_put(a, loc, "physicalLocation", phys);
    if (*f->path) {
        node *logical = rnode_seq(a), *l = rnode_map(a);
        rnode_put(a, l, "fullyQualifiedName", rnode_str(a, f->path));
        node_append(logical, l);
        rnode_put(a, loc, "logicalLocations", logical);
    }
    node *locs = rnode_seq(a);
    node_append(locs, loc);
    rnode_put(a, r, "locations", locs);
    return r;
}

static void write_sarif(sbuf *out, const lint_file *files, int n)
{
    arena a;
    arena_init(&a);
    node *root = rnode_map(&a), *run = rnode_map(&a), *tool = rnode_map(&a);
    node *driver = rnode_map(&a), *results = rnode_seq(&a), *runs = rnode_seq(&a);
    rnode_put(&a, root, "$schema", rnode_str(&a, "https://json.schemastore.org/sarif-2.1.0.json"));
    rnode_put(&a, root, "version", rnode_str(&a, "2.1.0"));
    rnode_put(&a, driver, "name", rnode_str(&a, "cjm"));
    rnode_put(&a, driver, "version", rnode_str(&a, CJM_VERSION));
    rnode_put(&a, driver, "rules", sarif_rules(&a));
    rnode_put(&a, tool, "driver", driver);
    rnode_put(&a, run, "tool", tool);
    node *census = rnode_map(&a);
    for (int i = 0; i < n; i++) {
        const lint_result *r = &files[i].result;
        for (int k = 0; k < r->count; k++)
            node_append(results, sarif_result(&a, &r->items[k]));
        rnode_put(&a, census, files[i].file, census_node(&a, r));
    }
    rnode_put(&a, run, "results", results);
    node *props = rnode_map(&a);
    rnode_put(&a, props, "evidence", census);
    rnode_put(&a, run, "properties", props);
    node_append(runs, run);
    rnode_put(&a, root, "runs", runs);
    json_write(out, root);
    arena_free(&a);
}

void lint_write(sbuf *out, out_format format, const lint_file *files, int n)
{
    switch (format) {
    case FMT_GCC: write_text(out, files, n, 0); break;
    case FMT_JSON: write_json(out, files, n); break;
    case FMT_SARIF: write_sarif(out, files, n); break;
    default: write_text(out, files, n, 1); break;
    }
}

void lint_write_rules(sbuf *out)
{
    int n;
    const lint_rule *rules = lint_rules(&n);
    for (int i = 0; i < n; i++) {
        sbuf_printf(out, "%-24s %-10s %-8s %s\n", rules[i].id, rules[i].group,
                    severity(rules[i].severity), rules[i].rationale);
        sbuf_printf(out, "%-24s example: %s\n", "", rules[i].example);
        if (rules[i].setting)
            sbuf_printf(out, "%-24s setting %s (default %g): %s\n", "", rules[i].setting,
                        rules[i].setting_default, rules[i].setting_doc);
    }
}
