/*
 * load.c — file to validated model; see load.h.
 */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "validate.h"
#include "yaml.h"

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

cjm_journey *load_journey(arena *a, const char *path, const load_options *o,
                          diag_list *d)
{
    int errors_before = d->errors + d->dropped;
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
    j = model_build(a, doc, d);
    val_journey(a, j, d);
done:
    host_free(h);
    if (d->errors + d->dropped > errors_before || d->limit_hit || d->internal)
        return NULL;
    return j;
}
