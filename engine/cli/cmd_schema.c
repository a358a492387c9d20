/*
 * cmd_schema.c — cjm schema: the journey format for editors.  The JSON
 * Schema (for YAML and JSON journeys, with each known template's
 * parameters) or the lua-language-server annotations, both written from
 * the validator's own field tables.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "base/fsout.h"
#include "doc/json.h"
#include "lua/host.h"
#include "model/schema.h"

static const cli_option schema_options[] = {
    { "output", 'o', 1, "FILE", "write here; default stdout" },
    { "lua", 0, 0, "", "write the Lua annotations (---@meta) instead of the JSON Schema" },
    { "templates", 'T', 1, "DIR", "also describe the templates in DIR (repeatable)" },
    { "force", 0, 0, "", "replace the output file if it exists" },
    { "help", 'h', 0, "", "show this help" },
    { NULL, 0, 0, NULL, NULL }
};

void help_schema(FILE *out)
{
    fputs("usage: cjm schema [-o FILE] [--lua] [--templates DIR]...\n\n"
          "Write the JSON Schema (draft 2020-12) of journey files, from the same\n"
          "tables cjm check validates with: every key with its description, enums\n"
          "and ranges, and the parameters of every template found.  Editors with\n"
          "a YAML language server complete and check journeys that start with\n"
          "  # yaml-language-server: $schema=PATH/cjm.schema.json\n"
          "(cjm new writes that line).  --lua writes lua-language-server\n"
          "annotations for Lua journeys and templates instead.\n\n"
          "options:\n", out);
    cli_print_options(schema_options, out);
    fputs("\nexample:\n"
          "  cjm schema -o cjm.schema.json\n"
          "  cjm schema --lua -o cjm_types.lua\n", out);
}

static node *new_map(arena *a)
{
    return node_new(a, NODE_MAP, NULL, 0, 0);
}

static node *text_node(arena *a, const char *s)
{
    return node_new_str(a, s, strlen(s));
}

/* The JSON Schema of template parameter P. */
static node *param_schema(arena *a, const host_param *p)
{
    static const char *const types[] = {
        [PT_NUMBER] = "number", [PT_INTEGER] = "integer", [PT_STRING] = NULL,
        [PT_BOOLEAN] = "boolean", [PT_CHOICE] = NULL, [PT_LIST] = "array",
        [PT_MAP] = "object"
    };
    long budget = 100000;
    node *s = new_map(a);
    if (p->type == PT_CHOICE && p->choices) {
        node_map_put(a, s, "enum", node_copy(a, p->choices, &budget));
    } else if (p->type == PT_STRING) {
        node *t = node_new(a, NODE_SEQ, NULL, 0, 0);
        node_append(t, text_node(a, "string"));
        node_append(t, text_node(a, "number"));
        node_map_put(a, s, "type", t);
    } else {
        node_map_put(a, s, "type", text_node(a, types[p->type]));
    }
    if (!isnan(p->min))
        node_map_put(a, s, "minimum", node_new_float(a, p->min));
    if (!isnan(p->max))
        node_map_put(a, s, "maximum", node_new_float(a, p->max));
    if (p->def)
        node_map_put(a, s, "default", node_copy(a, p->def, &budget));
    if (p->doc)
        node_map_put(a, s, "description", text_node(a, p->doc));
    return s;
}

/* if template is T then params has T's parameters and no others. */
static node *template_rule(arena *a, const host_template *t)
{
    node *props = new_map(a), *req = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < t->param_count; i++) {
        node_map_put(a, props, t->params[i].name, param_schema(a, &t->params[i]));
        if (!t->params[i].def)
            node_append(req, text_node(a, t->params[i].name));
    }
    node *params = new_map(a);
    node *type = node_new(a, NODE_SEQ, NULL, 0, 0);
    node_append(type, text_node(a, "object"));
    node_append(type, text_node(a, "null"));
    node_map_put(a, params, "type", type);
    node_map_put(a, params, "properties", props);
    node_map_put(a, params, "additionalProperties", node_new_bool(a, 0));
    if (t->summary)
        node_map_put(a, params, "description", text_node(a, t->summary));
    node *cond = new_map(a), *cprops = new_map(a), *name = new_map(a);
    node_map_put(a, name, "const", text_node(a, t->name));
    node_map_put(a, cprops, "template", name);
    node_map_put(a, cond, "properties", cprops);
    node *then = new_map(a), *tprops = new_map(a);
    node_map_put(a, tprops, "params", params);
    node_map_put(a, then, "properties", tprops);
    if (req->count)
        node_map_put(a, then, "required", req);
    node *rule = new_map(a);
    node_map_put(a, rule, "if", cond);
    node_map_put(a, rule, "then", then);
    return rule;
}

/* The rules for every template the host finds, NULL after errors. */
static node *template_rules(arena *a, host *h)
{
    host_template *all;
    int n = host_list_templates(h, a, &all);
    node *rules = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < n; i++)
        node_append(rules, template_rule(a, &all[i]));
    return rules;
}

int cmd_schema(int argc, char **argv)
{
    static cli_args args;
    int rc = cli_parse("schema", schema_options, argc, argv, &args);
    if (rc)
        return rc;
    if (cli_value(schema_options, &args, "help")) {
        help_schema(stdout);
        return 0;
    }
    if (args.positional_count) {
        fputs("cjm schema: takes no files\nTry 'cjm help schema'.\n", stderr);
        return EXIT_USAGE;
    }
    const char *out = cli_value(schema_options, &args, "output");
    if ((rc = cli_check_output("schema", out, NULL, 0,
                               cli_value(schema_options, &args, "force") != NULL)))
        return rc;
    arena a;
    diag_list d;
    arena_init(&a);
    diag_init(&d);
    sbuf b = { 0 };
    if (cli_value(schema_options, &args, "lua")) {
        model_lua_types(&b);
        host_lua_types(&b);
    } else {
        host *h = cli_template_host(schema_options, &args, NULL, &d);
        node *rules = h ? template_rules(&a, h) : NULL;
        host_free(h);
        if (rules)
            json_write(&b, model_schema(&a, rules));
    }
    size_t len;
    char *text = sbuf_finish(&b, &len);
    if (!d.errors)
        fsout_write_file(out ? out : "-", text, len, &d);
    free(text);
    return cli_finish(&d, &a, 1);
}
