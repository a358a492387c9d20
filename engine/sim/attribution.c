/*
 * attribution.c — Markov-chain attribution of observed paths; see
 * attribution.h.
 *
 * The chain itself (states, weights, the sparse solve) is markov_chain.c;
 * this file reads the paths, computes the heuristics and shares the
 * conversions and the value out by removal effect.
 */
#include "sim/attribution.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsin.h"
#include "base/fsout.h"
#include "base/limit.h"
#include "base/progress.h"
#include "doc/textcheck.h"
#include "doc/yaml.h"
#include "sim/markov_chain.h"

/* counts and values: sums of a million rows stay exact-ish and finite */
#define ATTR_MAX_COUNT 1e15

typedef struct path_row {
    int *ch;            /* channel indexes */
    int len;
    double conv, value, null;
} path_row;


/* ---- CSV -------------------------------------------------------------------- */

/* Split LINE into fields at SEP, honouring double quotes.  Fields point
 * into LINE (changed in place). */
static int split_csv(char *line, char sep, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        char *out = p, *start = p;
        int quoted = *p == '"';
        if (quoted) {
            p++;
            while (*p) {
                if (*p == '"' && p[1] == '"') {
                    *out++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *out++ = *p++;
                }
            }
            while (*p && *p != sep)
                p++;
        } else {
            while (*p && *p != sep)
                p++;
            out = p;
        }
        char end = *p;
        *out = '\0';
        fields[n++] = start;        /* quoted text was compacted to START */
        if (!end)
            break;
        p++;
    }
    return n;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static int channel_index(arena *a, const char ***names, int *count, int *cap,
                         const char *name)
{
    for (int i = 0; i < *count; i++)
        if (strcmp((*names)[i], name) == 0)
            return i;
    if (*count == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        const char **grown = arena_alloc(a, sizeof(char *) * (size_t)*cap);
        if (*count)
            memcpy(grown, *names, sizeof(char *) * (size_t)*count);
        *names = grown;
    }
    (*names)[*count] = arena_strdup(a, name);
    return (*count)++;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(**(const char *const *const *)a, **(const char *const *const *)b);
}

/* ---- the chain ------------------------------------------------------------------ */

attr_result *attribution_run(arena *a, const char *path, int order, diag_list *d)
{
    size_t len;
    char *text = fsin_read(path, limit_bytes(LIM_FILE), &len, d);
    if (!text)
        return NULL;
    diag_add_source(d, path, text, len < (1 << 20) ? len : (1 << 20));
    attr_result *res = attribution_run_text(a, path, text, order, d);
    free(text);
    return res;
}

/* ---- reading the paths ----------------------------------------------------- */

/* The rows read so far and the channels they name. */
typedef struct path_set {
    arena *a;
    const char *path;           /* the file, for messages */
    diag_list *d;
    const char **names;
    int nch, chcap;
    path_row *rows;
    long nrows, rowcap;
    int col_path, col_conv, col_value, col_null, ncols;
    char sep;
    char **fields;              /* room for a row's fields */
} path_set;

/* Fields of LINE, split at the set's separator into ps->fields (sized by
 * the line: no field is dropped); their number. */
static int fields_of(path_set *ps, char *line)
{
    int n = 1;
    for (const char *c = line; *c; c++)
        n += *c == ps->sep;
    ps->fields = arena_alloc(ps->a, sizeof(char *) * (size_t)(n + 1));
    return split_csv(line, ps->sep, ps->fields, n);
}

/* The header row; -1 after an error. */
static int read_header(path_set *ps, char *line, int lineno)
{
    ps->sep = strchr(line, ';') ? ';' : ',';
    int nf = fields_of(ps, line);
    static const char *const names[4] = { "path", "total_conversions",
                                          "total_conversion_value", "total_null" };
    int *cols[4] = { &ps->col_path, &ps->col_conv, &ps->col_value, &ps->col_null };
    for (int i = 0; i < nf; i++)
        for (int k = 0; k < 4; k++)
            if (!strcmp(trim(ps->fields[i]), names[k]))
                *cols[k] = i;
    if (ps->col_path < 0 || ps->col_conv < 0) {
        diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "expected a header with "
                 "the columns path and total_conversions (and optionally "
                 "total_conversion_value, total_null)");
        return -1;
    }
    ps->ncols = 1;
    for (int k = 0; k < 4; k++)
        if (*cols[k] + 1 > ps->ncols)
            ps->ncols = *cols[k] + 1;
    return 0;
}

/* Whether NAME may be a channel (UTF-8, no control characters); reports. */
static int channel_name_ok(path_set *ps, const char *name, int lineno)
{
    unsigned code;
    long bad = textcheck_utf8(name, strlen(name));
    if (bad >= 0) {
        diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "a channel name is not "
                 "valid UTF-8 (byte 0x%02X at offset %ld)",
                 (unsigned)(unsigned char)name[bad], bad);
        return 0;
    }
    long at = textcheck_control(name, strlen(name), &code);
    if (at >= 0) {
        diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "a channel name holds the "
                 "control character U+%04X at character %ld", code, at + 1);
        return 0;
    }
    return 1;
}

/* The channels of the path field P into R; -1 after an error. */
static int read_channels(path_set *ps, char *p, path_row *r, int lineno)
{
    int cap = 8;
    r->ch = malloc(sizeof(int) * (size_t)cap);
    for (char *tok = p; tok && r->ch;) {
        char *gt = strchr(tok, '>');
        if (gt)
            *gt = '\0';
        char *name = trim(tok);
        if (!channel_name_ok(ps, name, lineno)) {
            free(r->ch);
            return -1;
        }
        if (*name) {
            if (r->len == cap) {
                cap *= 2;
                int *g = realloc(r->ch, sizeof(int) * (size_t)cap);
                if (!g)
                    break;
                r->ch = g;
            }
            r->ch[r->len++] = channel_index(ps->a, &ps->names, &ps->nch, &ps->chcap, name);
        }
        tok = gt ? gt + 1 : NULL;
    }
    if (!r->len) {
        diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "the path is empty");
        free(r->ch);
        return -1;
    }
    return 0;
}

/* A row of paths; problems are reported and the row skipped. */
static void read_row(path_set *ps, char *line, int lineno)
{
    int nf = fields_of(ps, line);
    if (nf < ps->ncols) {
        diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "expected %d columns, "
                 "found %d", ps->ncols, nf);
        return;
    }
    double v[3] = { 0, 0, 0 };
    int cols[3] = { ps->col_conv, ps->col_value, ps->col_null };
    for (int k = 0; k < 3; k++) {
        if (cols[k] < 0)
            continue;
        char *end, *f = trim(ps->fields[cols[k]]);
        errno = 0;
        v[k] = strtod(f, &end);
        if (end == f || *end || errno || v[k] < 0 || !(v[k] <= ATTR_MAX_COUNT)) {
            diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "column %d: \"%.40s\" is "
                     "not a number from 0 to %g", cols[k] + 1, f, ATTR_MAX_COUNT);
            return;
        }
    }
    path_row r = { NULL, 0, v[0], v[1], v[2] };
    if (read_channels(ps, ps->fields[ps->col_path], &r, lineno) < 0)
        return;
    if (ps->nrows == ps->rowcap) {
        ps->rowcap = ps->rowcap ? ps->rowcap * 2 : 1024;
        path_row *g = realloc(ps->rows, sizeof *g * (size_t)ps->rowcap);
        if (!g) {
            free(r.ch);
            fsout_fatal("out of memory");
        }
        ps->rows = g;
    }
    ps->rows[ps->nrows++] = r;
}

/* Every row of TEXT (a UTF-8 byte-order mark, as spreadsheets write, is
 * skipped); -1 after errors. */
static int read_paths(path_set *ps, char *text)
{
    if ((unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB
        && (unsigned char)text[2] == 0xBF)
        text += 3;
    int lineno = 0, have_header = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (!*trim(line))
            continue;
        if (!have_header) {
            if (read_header(ps, line, lineno) < 0)
                return -1;
            have_header = 1;
        } else {
            read_row(ps, line, lineno);
        }
    }
    if (ps->d->errors)
        return -1;
    if (!ps->nrows) {
        diag_add(ps->d, DIAG_ERROR, ps->path, 0, 0, NULL, "no paths in the file");
        return -1;
    }
    return 0;
}

/* Channels in name order, so output does not depend on first sight: the
 * sorted names, and every row renumbered. */
static const char **sort_channels(path_set *ps)
{
    int nch = ps->nch;
    int *order_of = malloc(sizeof(int) * (size_t)(nch + 1));
    const char ***idx = malloc(sizeof(char **) * (size_t)(nch + 1));
    if (!order_of || !idx)
        fsout_fatal("out of memory");
    for (int i = 0; i < nch; i++)
        idx[i] = &ps->names[i];
    qsort(idx, (size_t)nch, sizeof *idx, cmp_names);
    const char **sorted = arena_alloc(ps->a, sizeof(char *) * (size_t)(nch + 1));
    for (int i = 0; i < nch; i++) {
        sorted[i] = *idx[i];
        order_of[idx[i] - ps->names] = i;
    }
    free(idx);
    for (long r = 0; r < ps->nrows; r++)
        for (int k = 0; k < ps->rows[r].len; k++)
            ps->rows[r].ch[k] = order_of[ps->rows[r].ch[k]];
    free(order_of);
    return sorted;
}

/* ---- the attributions ------------------------------------------------------- */

/* First touch, last touch and linear, as ChannelAttribution defines them,
 * and the share of journeys that touch each channel. */
static void heuristics(attr_result *res, const path_set *ps)
{
    for (long r = 0; r < ps->nrows; r++) {
        const path_row *p = &ps->rows[r];
        res->total_conversions += p->conv;
        res->total_value += p->value;
        res->total_null += p->null;
        attr_channel *first = &res->channels[p->ch[0]], *last = &res->channels[p->ch[p->len - 1]];
        first->first_conversions += p->conv;
        first->first_value += p->value;
        last->last_conversions += p->conv;
        last->last_value += p->value;
        for (int k = 0; k < p->len; k++) {
            res->channels[p->ch[k]].linear_conversions += p->conv / p->len;
            res->channels[p->ch[k]].linear_value += p->value / p->len;
            int seen_before = 0;
            for (int q = 0; q < k; q++)
                seen_before |= p->ch[q] == p->ch[k];
            if (!seen_before)
                res->channels[p->ch[k]].path_share += p->conv + p->null;
        }
    }
    for (int c = 0; c < res->channel_count; c++)
        if (res->total_conversions + res->total_null > 0)
            res->channels[c].path_share /= res->total_conversions + res->total_null;
}

/* Each channel's removal effect on conversion and on value in chain C
 * (converting BASE and worth BASE_VALUE with every channel), and the
 * Markov conversions and value shared out in proportion. */
static void removal_effects(attr_result *res, const mchain *c, double base, double base_value)
{
    int nch = res->channel_count;
    double sum_re = 0, sum_rev = 0;
    progress bar;
    progress_begin(&bar, "cjm attribution: removal effects", nch);
    for (int k = 0; k < nch; k++) {
        progress_step(&bar, k);
        double pc = mchain_solve(c, k, 0);
        double pv = base_value > 0 ? mchain_solve(c, k, 1) : 0;
        res->channels[k].removal_effect = pc < 0 ? 1 : 1 - pc / base;
        res->channels[k].removal_effect_value = base_value <= 0 || pv < 0 ? 0
                                                : 1 - pv / base_value;
        sum_re += res->channels[k].removal_effect;
        sum_rev += res->channels[k].removal_effect_value;
    }
    progress_end(&bar);
    for (int k = 0; k < nch; k++) {
        attr_channel *ch = &res->channels[k];
        ch->markov_conversions = sum_re > 0 ? res->total_conversions * ch->removal_effect / sum_re : 0;
        ch->markov_value = sum_rev > 0 ? res->total_value * ch->removal_effect_value / sum_rev : 0;
    }
}

/* The Markov attribution of RES's paths (a chain of ORDER); -1 after an
 * error in D. */
static int markov(attr_result *res, const path_set *ps, int order)
{
    mchain *c = mchain_new(order);
    int rc = -1;
    for (long r = 0; c && r < ps->nrows; r++) {
        const path_row *p = &ps->rows[r];
        if (mchain_add_path(c, p->ch, p->len, p->conv, p->value, p->null) < 0) {
            mchain_free(c);
            c = NULL;
        }
    }
    if (!c || mchain_finish(c) < 0)
        fsout_fatal("out of memory");
    res->states = mchain_states(c);
    double base = mchain_solve(c, -1, 0);
    double base_value = res->total_value > 0 ? mchain_solve(c, -1, 1) : 0;
    if (base <= 0 || (res->total_value > 0 && base_value <= 0)) {
        diag_add(ps->d, DIAG_ERROR, ps->path, 0, 0, NULL, base == 0 ? "no path in the "
                 "data reaches a conversion: nothing to attribute"
                 : "the fitted chain has states that are never left: check for paths "
                 "without conversions or nulls");
        goto out;
    }
    res->conversion_probability = base;
    removal_effects(res, c, base, base_value);
    rc = 0;
out:
    mchain_free(c);
    return rc;
}

attr_result *attribution_run_text(arena *a, const char *path, char *text, int order,
                                  diag_list *d)
{
    path_set ps = { a, path, d, NULL, 0, 0, NULL, 0, 0, -1, -1, -1, -1, 0, ';', NULL };
    attr_result *res = NULL;
    if (read_paths(&ps, text) == 0) {
        const char **sorted = sort_channels(&ps);
        res = arena_alloc(a, sizeof *res);
        res->channel_count = ps.nch;
        res->order = order;
        res->paths = ps.nrows;
        res->channels = arena_alloc(a, sizeof(attr_channel) * (size_t)(ps.nch + 1));
        for (int i = 0; i < ps.nch; i++)
            res->channels[i].name = sorted[i];
        heuristics(res, &ps);
        if (markov(res, &ps, order) < 0)
            res = NULL;
    }
    for (long r = 0; r < ps.nrows; r++)
        free(ps.rows[r].ch);
    free(ps.rows);
    return d->errors ? NULL : res;
}
