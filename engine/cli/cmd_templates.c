/*
 * cmd_templates.c — `cjm templates [NAME]` and `cjm new NAME`: discover
 * templates, read their parameters, and start a journey from one.
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/commands.h"
#include "base/fsout.h"
#include "lua/host.h"
#include "doc/yaml.h"

static const cli_option templates_options[] = {
    { "templates", 'T', 1, "DIR", "also look for templates in DIR (repeatable)" },
    { "help", 'h', 0, "", "show this help" },
    { NULL, 0, 0, NULL, NULL }
};

void help_templates(FILE *out)
{
    fputs("usage: cjm templates [NAME] [--templates DIR]...\n\n"
          "Without NAME, list every template found, with its summary: the\n"
          "built-in ones (templates/), those in --templates folders and those\n"
          "in the current folder.  With NAME, show its parameters: type,\n"
          "default, range or choices, and what each one does.\n\n"
          "options:\n", out);
    cli_print_options(templates_options, out);
    fputs("\nexamples:\n"
          "  cjm templates\n"
          "  cjm templates b2b_approval\n"
          "  cjm new b2b_approval -o my_journey.yaml\n", out);
}

/* A host for looking at templates: user templates in DIRS and ".". */
host *cli_template_host(const cli_option *options, const cli_args *args,
                        const char *input_dir, diag_list *d)
{
    load_options lo;
    static const cli_option none[] = { { NULL, 0, 0, NULL, NULL } };
    cli_args empty;
    memset(&empty, 0, sizeof empty);
    if (cli_load_options("templates", none, &empty, &lo))
        return NULL;
    int it = cli_index(options, "templates");
    if (it >= 0) {
        lo.host.template_dirs = args->multi[it];
        lo.host.template_dir_count = args->seen[it];
    }
    lo.host.input_dir = input_dir;
    return host_new(&lo.host, d);
}

/* VALUE as one line of YAML ("300", "[a, b]", "\"yes\""), in A. */
static const char *yaml_value_text(arena *a, const node *value, diag_list *d)
{
    char *text = yaml_emit_inline(value, d);
    const char *out = arena_strdup(a, text ? text : "null");
    free(text);
    return out;
}

/* "range 1..1000000" or "choices: en, ja, zh", or "". */
static const char *constraint_text(arena *a, const host_param *p, diag_list *d)
{
    if (p->type == PT_CHOICE && p->choices) {
        const char *list = "";
        for (const node *c = p->choices->first; c; c = c->next)
            list = arena_printf(a, "%s%s%s", list, *list ? ", " : "",
                                yaml_value_text(a, c, d));
        return arena_printf(a, "choices: %s", list);
    }
    if (!isnan(p->min) && !isnan(p->max))
        return arena_printf(a, "range %.10g..%.10g", p->min, p->max);
    if (!isnan(p->min))
        return arena_printf(a, "at least %.10g", p->min);
    if (!isnan(p->max))
        return arena_printf(a, "at most %.10g", p->max);
    return "";
}

static void show_template(arena *a, const host_template *t, diag_list *d)
{
    printf("%s — %s\n", t->name, t->summary ? t->summary : "(no summary)");
    printf("from: %s\n\n", t->origin ? t->origin : "?");
    if (!t->param_count) {
        printf("no parameters\n");
    } else {
        printf("parameters:\n");
        for (int i = 0; i < t->param_count; i++) {
            const host_param *p = &t->params[i];
            char *line = arena_printf(a, "  %-16s %-8s default %-12s %s", p->name,
                                      p->type_name,
                                      p->def ? yaml_value_text(a, p->def, d) : "(required)",
                                      constraint_text(a, p, d));
            size_t n = strlen(line);
            while (n && line[n - 1] == ' ')
                n--;
            printf("%.*s\n", (int)n, line);
            if (p->doc)
                printf("      %s\n", p->doc);
        }
    }
    printf("\nstart a journey from it:\n  cjm new %s -o my_journey.yaml\n",
           t->name);
}

int cmd_templates(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_parse("templates", templates_options, argc, argv, &args);
    if (rc)
        return rc;
    if (cli_value(templates_options, &args, "help")) {
        help_templates(stdout);
        return 0;
    }
    if (args.positional_count > 1) {
        fputs("cjm templates: give at most one template name\n"
              "Try 'cjm help templates'.\n", stderr);
        return EXIT_USAGE;
    }
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    host *h = cli_template_host(templates_options, &args, ".", &d);
    if (h && args.positional_count == 1) {
        host_template *t = host_template_info(h, &a, args.positional[0]);
        if (t) {
            host_template *all;
            int n = host_list_templates(h, &a, &all);
            for (int i = 0; i < n; i++)
                if (strcmp(all[i].name, t->name) == 0)
                    t->origin = all[i].origin;
            show_template(&a, t, &d);
        }
    } else if (h) {
        host_template *all;
        int n = host_list_templates(h, &a, &all);
        if (n == 0)
            printf("no templates found\n");
        for (int i = 0; i < n; i++)
            printf("%-18s %-10s %s\n", all[i].name,
                   strcmp(all[i].origin, "built-in") == 0 ? "built-in" : "user",
                   all[i].summary ? all[i].summary : "");
        if (n)
            printf("\nRun 'cjm templates NAME' for a template's parameters.\n");
    }
    host_free(h);
    return cli_finish(&d, &a, 1);
}

static const cli_option new_options[] = {
    { "output", 'o', 1, "FILE", "write the journey here (.yaml); default stdout" },
    { "param", 'p', 1, "KEY=VALUE", "start from this parameter value (repeatable)" },
    { "templates", 'T', 1, "DIR", "also look for templates in DIR (repeatable)" },
    { "force", 0, 0, "", "replace the output file if it exists" },
    { "help", 'h', 0, "", "show this help" },
    { NULL, 0, 0, NULL, NULL }
};

void help_new(FILE *out)
{
    fputs("usage: cjm new TEMPLATE [-o FILE.yaml] [--param KEY=VALUE]...\n\n"
          "Write a starter journey that uses TEMPLATE with its default\n"
          "parameters (or the --param values given), each parameter commented\n"
          "with what it does.  Edit it, then run cjm check and cjm build.\n\n"
          "options:\n", out);
    cli_print_options(new_options, out);
    fputs("\nexample:\n"
          "  cjm new b2b_approval -o acme.yaml --param employees=5000\n"
          "  cjm build acme.yaml\n", out);
}

/* The starter journey's opening comment and its template: and params:
 * lines for T, with the values set in T's params. */
/* The line that tells YAML editors where the schema is: the installed
 * (or source tree's) schema/cjm.schema.json, by its full path. */
static const char *schema_line(arena *a)
{
    char path[PATH_MAX + 64], full[PATH_MAX];
    snprintf(path, sizeof path, "%s/schema/cjm.schema.json", cli_datadir());
    if (!realpath(path, full))
        return "# (cjm schema -o cjm.schema.json writes the schema editors complete from)\n";
    return arena_printf(a, "# yaml-language-server: $schema=%s\n", full);
}

static char *starter_head(arena *a, const host_template *t, const char *file, diag_list *d)
{
    char *text = arena_printf(a,
        "%s"
        "# A journey made by the %s template:\n"
        "#   %s\n"
        "#\n"
        "# Change the parameters below, then:\n"
        "#   cjm check %s     validate it\n"
        "#   cjm build %s     see the journey the template generates\n"
        "# Run `cjm templates %s` for every parameter and its range.\n"
        "template: %s\n",
        schema_line(a), t->name, t->summary ? t->summary : "", file, file, t->name,
        t->name);
    if (t->param_count) {
        text = arena_printf(a, "%sparams:\n", text);
        for (int i = 0; i < t->param_count; i++) {
            const host_param *p = &t->params[i];
            const char *constraint = constraint_text(a, p, d);
            text = arena_printf(a, "%s  # %s (%s%s%s)\n  %s: %s\n", text,
                                p->doc ? p->doc : p->name, p->type_name,
                                *constraint ? ", " : "", constraint, p->name,
                                p->value ? yaml_value_text(a, p->value, d)
                                         : "null  # required: set a value");
        }
    }
    return text;
}

/* The id and name of the first (LAST: the last) item of LIST in J. */
static const node *list_item(const node *j, const char *list, int last)
{
    const node *l = j ? node_map_get(j, list) : NULL;
    return l && l->kind == NODE_SEQ && l->first ? (last ? l->last : l->first) : NULL;
}

/* ITEM's KEY when it is short, one-line text that can go in a comment. */
static const char *item_text(const node *item, const char *key, const char *fallback)
{
    const node *v = item ? node_map_get(item, key) : NULL;
    if (!v || v->kind != NODE_STR || v->v.str.len > 80)
        return fallback;
    for (size_t i = 0; i < v->v.str.len; i++)
        if ((unsigned char)v->v.str.s[i] < 0x20 || strchr("{}[],#", v->v.str.s[i]))
            return fallback;
    return v->v.str.s;
}

/* The override examples that close the starter text, naming the ids the
 * template generates with HEAD's parameters (placeholders when it cannot
 * be built yet, e.g. a required parameter without a value). */
static char *starter_examples(arena *a, host *h, const char *head)
{
    diag_list quiet;
    diag_init(&quiet);
    diag_list *keep = host_swap_diag(h, &quiet);
    node *doc = yaml_load_string(a, "starter", head, strlen(head), &quiet);
    node *j = doc && !quiet.errors ? host_instantiate(h, a, doc, NULL, 0) : NULL;
    host_swap_diag(h, keep);
    diag_free(&quiet);
    const node *phase = list_item(j, "phases", 0), *persona = list_item(j, "personas", 1);
    const char *pid = item_text(phase, "id", "PHASE_ID");
    return arena_printf(a,
        "\n"
        "# Keys added below (title, personas, phases, touchpoints, actions,\n"
        "# scenarios...) override what the template generates; see Overrides\n"
        "# in the README.  Items of lists are addressed by id; an unknown id is\n"
        "# an error unless the item says add: true.  For example:\n"
        "#\n"
        "# phases:\n"
        "#   - { id: %s, name: Our own name for %s }  # change a generated phase\n"
        "#   - { id: aftercare, name: Aftercare, add: true }  # a new phase, at the end\n"
        "# personas:\n"
        "#   - { id: %s, remove: true }  # drop %s and every reference to them\n",
        pid, item_text(phase, "name", "it"), item_text(persona, "id", "PERSONA_ID"),
        item_text(persona, "name", "the persona"));
}

int cmd_new(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_parse("new", new_options, argc, argv, &args);
    if (rc)
        return rc;
    if (cli_value(new_options, &args, "help")) {
        help_new(stdout);
        return 0;
    }
    if (args.positional_count != 1) {
        fputs("cjm new: expected one template name (see 'cjm templates')\n"
              "Try 'cjm help new'.\n", stderr);
        return EXIT_USAGE;
    }
    const char *out = cli_value(new_options, &args, "output");
    if ((rc = cli_check_output("new", out, NULL, 0,
                               cli_value(new_options, &args, "force") != NULL)))
        return rc;
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    host *h = cli_template_host(new_options, &args, ".", &d);
    host_template *t = h ? host_template_info(h, &a, args.positional[0]) : NULL;
    if (t) {
        for (int i = 0; i < t->param_count; i++)
            t->params[i].value = t->params[i].def;
        int ip = cli_index(new_options, "param");
        for (int k = 0; k < args.seen[ip]; k++) {
            const char *kv = args.multi[ip][k];
            const char *eq = strchr(kv, '=');
            if (!eq || eq == kv) {
                diag_add(&d, DIAG_ERROR, NULL, 0, 0, NULL,
                         "--param %s: expected KEY=VALUE", kv);
                continue;
            }
            char *key = arena_strndup(&a, kv, (size_t)(eq - kv));
            host_param *p = NULL;
            for (int i = 0; i < t->param_count; i++)
                if (strcmp(t->params[i].name, key) == 0)
                    p = &t->params[i];
            if (!p) {
                const char **names = arena_alloc(&a, sizeof *names * (size_t)(t->param_count + 1));
                for (int i = 0; i < t->param_count; i++)
                    names[i] = t->params[i].name;
                diag_add(&d, DIAG_ERROR, NULL, 0, 0, NULL, "template %s: unknown parameter "
                         "\"%s\"; %s", t->name, key,
                         diag_choices(&a, key, names, t->param_count));
                continue;
            }
            char *label = arena_printf(&a, "--param %s", key);
            node *v = yaml_load_string(&a, label, eq + 1, strlen(eq + 1), &d);
            if (v) {
                v->file = NULL;
                const node *checked = host_check_param(h, &a, t->name, p, v,
                                                       label);
                if (checked)
                    p->value = checked;
            }
        }
        if (!d.errors) {
            char *head = starter_head(&a, t, out ? out : "journey.yaml", &d);
            char *text = arena_printf(&a, "%s%s", head, starter_examples(&a, h, head));
            fsout_write_file(out ? out : "-", text, strlen(text), &d);
            if (out && !d.errors)
                fprintf(stderr, "wrote %s: now run `cjm build %s`\n", out, out);
        }
    }
    host_free(h);
    return cli_finish(&d, &a, 1);
}
