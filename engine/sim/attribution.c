/*
 * attribution.c — Markov-chain attribution of observed paths; see
 * attribution.h.
 *
 * States are the last ORDER channels of a path (shorter at its start),
 * plus start, conversion and null.  Each path adds its transitions,
 * weighted by how many journeys took it (conversions + nulls); its last
 * state goes to conversion with its conversions and to null with its
 * nulls (for value, the conversion edges are weighted by value instead).
 * The probability of reaching conversion from start is the solution of
 * (I - Q) x = r, solved by Gaussian elimination with partial pivoting; a
 * channel's removal sends every state that contains it to null.
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
#include "doc/textcheck.h"
#include "doc/yaml.h"

#define MAX_STATES 4000
/* counts and values: sums of a million rows stay exact-ish and finite */
#define ATTR_MAX_COUNT 1e15

typedef struct path_row {
    int *ch;            /* channel indexes */
    int len;
    double conv, value, null;
} path_row;

typedef struct fit {
    int n;                  /* transient states: 0 = start */
    int **seq;              /* state -> channel sequence */
    int *seq_len;
    double *w;              /* n x n transition weights */
    double *to_conv, *to_null;
} fit;

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

static int state_of(arena *a, fit *f, const int *seq, int len, int *cap)
{
    for (int s = 1; s < f->n; s++)
        if (f->seq_len[s] == len && memcmp(f->seq[s], seq, sizeof(int) * (size_t)len) == 0)
            return s;
    if (f->n >= MAX_STATES)
        return -1;
    if (f->n == *cap) {
        *cap *= 2;
        int **s2 = arena_alloc(a, sizeof(int *) * (size_t)*cap);
        int *l2 = arena_alloc(a, sizeof(int) * (size_t)*cap);
        memcpy(s2, f->seq, sizeof(int *) * (size_t)f->n);
        memcpy(l2, f->seq_len, sizeof(int) * (size_t)f->n);
        f->seq = s2;
        f->seq_len = l2;
    }
    f->seq[f->n] = arena_alloc(a, sizeof(int) * (size_t)(len + 1));
    memcpy(f->seq[f->n], seq, sizeof(int) * (size_t)len);
    f->seq_len[f->n] = len;
    return f->n++;
}

/* P(reach conversion from start), with the states in REMOVED sent to null
 * -1 when the system is
 * singular (a set of states that never leaves). */
static double conversion_probability(const fit *f, const char *removed)
{
    int n = f->n;
    double *m = calloc((size_t)n * (size_t)(n + 1), sizeof(double));
    if (!m)
        return -1;
#define M(r, c) m[(size_t)(r) * (size_t)(n + 1) + (size_t)(c)]
    for (int i = 0; i < n; i++) {
        M(i, i) = 1;
        if (removed && removed[i])
            continue;       /* x_i = 0: goes to null */
        double out = f->to_null[i] + f->to_conv[i];
        for (int j = 0; j < n; j++)
            out += f->w[(size_t)i * n + j];
        if (out <= 0)
            continue;
        for (int j = 0; j < n; j++)
            if (f->w[(size_t)i * n + j] > 0 && !(removed && removed[j]))
                M(i, j) -= f->w[(size_t)i * n + j] / out;
        M(i, n) = f->to_conv[i] / out;
    }
    /* Gaussian elimination with partial pivoting */
    double result = -1;
    for (int c = 0; c < n; c++) {
        int piv = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(M(r, c)) > fabs(M(piv, c)))
                piv = r;
        if (fabs(M(piv, c)) < 1e-12)
            goto done;
        if (piv != c)
            for (int k = 0; k <= n; k++) {
                double t = M(c, k);
                M(c, k) = M(piv, k);
                M(piv, k) = t;
            }
        for (int r = 0; r < n; r++) {
            if (r == c || M(r, c) == 0)
                continue;
            double fct = M(r, c) / M(c, c);
            for (int k = c; k <= n; k++)
                M(r, k) -= fct * M(c, k);
        }
    }
    result = M(0, n) / M(0, 0);
done:
#undef M
    free(m);
    return result;
}

/* The chain of ORDER over ROWS: transitions weighted by the journeys
 * taking them (conversions + nulls), or with USE_VALUE by value + nulls,
 * the last state's conversion edge then carrying the value.  The states
 * are the same in both (same paths, same order). */
static int build_fit(arena *a, const path_row *rows, long nrows, int order,
                     int use_value, fit *f, const char *path, diag_list *d)
{
    int cap = 64;
    memset(f, 0, sizeof *f);
    f->seq = arena_alloc(a, sizeof(int *) * (size_t)cap);
    f->seq_len = arena_alloc(a, sizeof(int) * (size_t)cap);
    f->n = 1;                   /* start */
    /* states first, so the matrix can be sized */
    for (long r = 0; r < nrows; r++)
        for (int k = 0; k < rows[r].len; k++) {
            int from = k + 1 > order ? k + 1 - order : 0;
            if (state_of(a, f, rows[r].ch + from, k + 1 - from, &cap) < 0) {
                diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "order %d makes more than %d "
                         "states; use a lower --order", order, MAX_STATES);
                return -1;
            }
        }
    size_t n = (size_t)f->n;
    f->w = calloc(n * n, sizeof(double));
    f->to_conv = calloc(n, sizeof(double));
    f->to_null = calloc(n, sizeof(double));
    if (!f->w || !f->to_conv || !f->to_null) {
        d->internal = 1;
        return -1;
    }
    for (long r = 0; r < nrows; r++) {
        const path_row *p = &rows[r];
        double gain = use_value ? p->value : p->conv;
        double weight = gain + p->null;
        int prev = 0;
        for (int k = 0; k < p->len; k++) {
            int from = k + 1 > order ? k + 1 - order : 0;
            int s = state_of(a, f, p->ch + from, k + 1 - from, &cap);
            f->w[(size_t)prev * n + (size_t)s] += weight;
            prev = s;
        }
        f->to_conv[prev] += gain;
        f->to_null[prev] += p->null;
    }
    return 0;
}

static void fit_free(fit *f)
{
    free(f->w);
    free(f->to_conv);
    free(f->to_null);
}

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

/* Each channel's removal effect in the chains BY_COUNT and BY_VALUE
 * (converting BASE and BASE_VALUE with every channel), and the Markov
 * conversions and value shared out in proportion. */
static void removal_effects(attr_result *res, const fit *by_count, const fit *by_value,
                            double base, double base_value)
{
    int nch = res->channel_count;
    char *removed = malloc((size_t)by_count->n);
    if (!removed)
        fsout_fatal("out of memory");
    double sum_re = 0, sum_rev = 0;
    for (int c = 0; c < nch; c++) {
        for (int s = 0; s < by_count->n; s++) {
            removed[s] = 0;
            for (int k = 0; s > 0 && k < by_count->seq_len[s]; k++)
                if (by_count->seq[s][k] == c)
                    removed[s] = 1;
        }
        double pc = conversion_probability(by_count, removed);
        double pv = base_value > 0 ? conversion_probability(by_value, removed) : 0;
        res->channels[c].removal_effect = pc < 0 ? 1 : 1 - pc / base;
        res->channels[c].removal_effect_value = base_value <= 0 || pv < 0 ? 0
                                                : 1 - pv / base_value;
        sum_re += res->channels[c].removal_effect;
        sum_rev += res->channels[c].removal_effect_value;
    }
    free(removed);
    for (int c = 0; c < nch; c++) {
        attr_channel *ch = &res->channels[c];
        ch->markov_conversions = sum_re > 0 ? res->total_conversions * ch->removal_effect / sum_re : 0;
        ch->markov_value = sum_rev > 0 ? res->total_value * ch->removal_effect_value / sum_rev : 0;
    }
}

/* The Markov attribution of RES's paths (chains of ORDER); -1 after an
 * error in D. */
static int markov(arena *a, attr_result *res, const path_set *ps, int order)
{
    fit by_count = { 0 }, by_value = { 0 };
    int rc = -1;
    if (build_fit(a, ps->rows, ps->nrows, order, 0, &by_count, ps->path, ps->d) < 0
        || build_fit(a, ps->rows, ps->nrows, order, 1, &by_value, ps->path, ps->d) < 0)
        goto out;
    res->states = by_count.n - 1;
    double base = conversion_probability(&by_count, NULL);
    double base_value = conversion_probability(&by_value, NULL);
    if (base <= 0 || (res->total_value > 0 && base_value <= 0)) {
        diag_add(ps->d, DIAG_ERROR, ps->path, 0, 0, NULL, base == 0 ? "no path in the "
                 "data reaches a conversion: nothing to attribute"
                 : "the fitted chain has states that are never left (a singular "
                 "system): check for paths without conversions or nulls");
        goto out;
    }
    res->conversion_probability = base;
    removal_effects(res, &by_count, &by_value, base, base_value);
    rc = 0;
out:
    fit_free(&by_count);
    fit_free(&by_value);
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
        if (markov(a, res, &ps, order) < 0)
            res = NULL;
    }
    for (long r = 0; r < ps.nrows; r++)
        free(ps.rows[r].ch);
    free(ps.rows);
    return d->errors ? NULL : res;
}
