/*
 * load.h — from a file name to a validated journey.
 *
 * The front of the pipeline, in one place for every command:
 *   FILE.yaml / FILE.yml / FILE.json  -> yaml_load_file
 *   FILE.lua                          -> host_run_file (sandboxed)
 *   a document with `template:`       -> host_instantiate
 *   then model_build and val_journey.
 * A Lua host is started only when a script or template needs one.
 */
#ifndef CJM_LOAD_H
#define CJM_LOAD_H

#include "base/arena.h"
#include "base/diag.h"
#include "lua/host.h"
#include "model/model.h"

typedef struct load_options {
    host_options host;          /* input_dir is filled in per file */
    const char *const *params;  /* --param KEY=VALUE */
    int param_count;
    const char *scenarios;      /* a file of more scenarios, or NULL */
} load_options;

/* Load, build and validate the journey in PATH.  Returns the journey (in
 * A) or NULL when any error was reported to D. */
cjm_journey *load_journey(arena *a, const char *path, const load_options *o,
                          diag_list *d);

/* The journey of document DOC: its text checked, built and validated
 * (what load_journey does once the document is made).  NULL when the text
 * checks failed; else the journey, problems in D. */
cjm_journey *load_tree(arena *a, const node *doc, diag_list *d);

/* The document tree of PATH before templates run: YAML parsed, or the
 * value a Lua script returned.  NULL after errors.  HOST may be NULL for
 * YAML files; for .lua files it must be a live host. */
node *load_document(arena *a, const char *path, host *h, diag_list *d);

/* The journey scenario SC runs on when it is not the baseline with edits:
 * the one its Lua apply function returned, and/or J with the touchpoints
 * and phases its changes add, built and checked.  NULL when SC needs
 * none, or after errors in D (noted as the scenario's). */
cjm_journey *load_scenario_journey(arena *a, const cjm_journey *j, const cjm_scenario *sc,
                                   diag_list *d);

/* The customer journey a mapping project maps (PROJECT->maps), built and
 * validated; NULL after errors (with a note saying where they are). */
cjm_journey *load_mapped_journey(arena *a, const cjm_journey *project, diag_list *d);

/* Whether PATH names a Lua script (by extension). */
int load_is_lua(const char *path);

#endif
