/*
 * schema.h — the journey format for editors, written from the field
 * tables the validator reads journeys with (model/fields.h): a JSON
 * Schema (draft 2020-12) for YAML and JSON journeys, and lua-language-
 * server annotations for Lua journeys and templates.
 */
#ifndef CJM_SCHEMA_H
#define CJM_SCHEMA_H

#include "base/arena.h"
#include "base/sbuf.h"
#include "doc/node.h"

/* The JSON Schema of a journey file as a node tree in A.  A file with a
 * `template:` key is a template's parameters and overrides (partial
 * items, add/remove/replace, key: ~); any other is a whole journey.
 * TEMPLATE_RULES, when not NULL, is a list of if/then schemas (one per
 * known template, checking its params) added to the template branch. */
node *model_schema(arena *a, node *template_rules);

/* Append the lua-language-server annotations (---@meta, one ---@class per
 * table, ---@alias per enum) to B. */
void model_lua_types(sbuf *b);

#endif
