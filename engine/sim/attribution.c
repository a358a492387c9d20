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

attr_result *attribution_run_text(arena *a, const char *path, char *text, int order,
                                  diag_list *d)
{
    attr_result *res = NULL;
    const char **names = NULL;
    int nch = 0, chcap = 0;
    path_row *rows = NULL;
    long nrows = 0, rowcap = 0;

    char *line = text, *next;
    int lineno = 0, col_path = -1, col_conv = -1, col_value = -1, col_null = -1;
    char sep = ';';
    for (; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (!*trim(line))
            continue;
        char *fields[16];
        if (col_path < 0) {
            sep = strchr(line, ';') ? ';' : ',';
            int nf = split_csv(line, sep, fields, 16);
            for (int i = 0; i < nf; i++) {
                char *h = trim(fields[i]);
                if (!strcmp(h, "path")) col_path = i;
                else if (!strcmp(h, "total_conversions")) col_conv = i;
                else if (!strcmp(h, "total_conversion_value")) col_value = i;
                else if (!strcmp(h, "total_null")) col_null = i;
            }
            if (col_path < 0 || col_conv < 0) {
                diag_add(d, DIAG_ERROR, path, lineno, 1, NULL, "expected a header with "
                         "the columns path and total_conversions (and optionally "
                         "total_conversion_value, total_null)");
                goto done;
            }
            continue;
        }
        int nf = split_csv(line, sep, fields, 16);
        int need = col_path > col_conv ? col_path : col_conv;
        if (col_value > need) need = col_value;
        if (col_null > need) need = col_null;
        if (nf <= need) {
            diag_add(d, DIAG_ERROR, path, lineno, 1, NULL, "expected %d columns, found %d",
                     need + 1, nf);
            continue;
        }
        double v[3] = { 0, 0, 0 };
        int cols[3] = { col_conv, col_value, col_null };
        int bad = 0;
        for (int k = 0; k < 3; k++) {
            if (cols[k] < 0)
                continue;
            char *end, *f = trim(fields[cols[k]]);
            errno = 0;
            v[k] = strtod(f, &end);
            if (end == f || *end || errno || v[k] < 0 || !(v[k] <= ATTR_MAX_COUNT)) {
                diag_add(d, DIAG_ERROR, path, lineno, 1, NULL, "column %d: \"%.40s\" is "
                         "not a number from 0 to %g", cols[k] + 1, f, ATTR_MAX_COUNT);
                bad = 1;
            }
        }
        if (bad)
            continue;
        path_row r = { NULL, 0, v[0], v[1], v[2] };
        char *p = fields[col_path];
        int cap = 8, bad_name = 0;
        r.ch = malloc(sizeof(int) * (size_t)cap);
        for (char *tok = p; tok && r.ch;) {
            char *gt = strchr(tok, '>');
            if (gt)
                *gt = '\0';
            char *name = trim(tok);
            unsigned code;
            long at = textcheck_control(name, strlen(name), &code);
            long bad = textcheck_utf8(name, strlen(name));
            if (bad >= 0) {
                diag_add(d, DIAG_ERROR, path, lineno, 1, NULL, "a channel name is not "
                         "valid UTF-8 (byte 0x%02X at offset %ld)",
                         (unsigned)(unsigned char)name[bad], bad);
                bad_name = 1;
                break;
            }
            if (at >= 0) {
                diag_add(d, DIAG_ERROR, path, lineno, 1, NULL, "a channel name holds the "
                         "control character U+%04X at character %ld", code, at + 1);
                bad_name = 1;
                break;
            }
            if (*name) {
                if (r.len == cap) {
                    cap *= 2;
                    int *g = realloc(r.ch, sizeof(int) * (size_t)cap);
                    if (!g)
                        break;
                    r.ch = g;
                }
                r.ch[r.len++] = channel_index(a, &names, &nch, &chcap, name);
            }
            tok = gt ? gt + 1 : NULL;
        }
        if (bad_name) {
            free(r.ch);
            continue;
        }
        if (!r.len) {
            diag_add(d, DIAG_ERROR, path, lineno, 1, NULL, "the path is empty");
            free(r.ch);
            continue;
        }
        if (nrows == rowcap) {
            rowcap = rowcap ? rowcap * 2 : 1024;
            path_row *g = realloc(rows, sizeof *g * (size_t)rowcap);
            if (!g) {
                free(r.ch);
                break;
            }
            rows = g;
        }
        rows[nrows++] = r;
    }
    if (d->errors)
        goto done;
    if (!nrows) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "no paths in the file");
        goto done;
    }
    /* channels in name order, so output does not depend on first sight */
    int *order_of = malloc(sizeof(int) * (size_t)nch);
    const char ***idx = malloc(sizeof(char **) * (size_t)nch);
    for (int i = 0; i < nch; i++)
        idx[i] = &names[i];
    qsort(idx, (size_t)nch, sizeof *idx, cmp_names);
    const char **sorted = arena_alloc(a, sizeof(char *) * (size_t)(nch + 1));
    for (int i = 0; i < nch; i++) {
        sorted[i] = *idx[i];
        order_of[idx[i] - names] = i;
    }
    free(idx);
    for (long r = 0; r < nrows; r++)
        for (int k = 0; k < rows[r].len; k++)
            rows[r].ch[k] = order_of[rows[r].ch[k]];
    free(order_of);

    res = arena_alloc(a, sizeof *res);
    res->channel_count = nch;
    res->order = order;
    res->paths = nrows;
    res->channels = arena_alloc(a, sizeof(attr_channel) * (size_t)(nch + 1));
    for (int i = 0; i < nch; i++)
        res->channels[i].name = sorted[i];

    /* heuristics, as ChannelAttribution defines them */
    for (long r = 0; r < nrows; r++) {
        const path_row *p = &rows[r];
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

    for (int c = 0; c < nch; c++)
        if (res->total_conversions + res->total_null > 0)
            res->channels[c].path_share /= res->total_conversions + res->total_null;

    /* the chains: by journeys, and by value for the value attribution */
    fit by_count = { 0 }, by_value = { 0 };
    if (build_fit(a, rows, nrows, order, 0, &by_count, path, d) < 0
        || build_fit(a, rows, nrows, order, 1, &by_value, path, d) < 0) {
        res = NULL;
        goto free_fit;
    }
    res->states = by_count.n - 1;
    double base = conversion_probability(&by_count, NULL);
    double base_value = conversion_probability(&by_value, NULL);
    if (base <= 0 || (res->total_value > 0 && base_value <= 0)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, base == 0 ? "no path in the data "
                 "reaches a conversion: nothing to attribute"
                 : "the fitted chain has states that are never left (a singular "
                 "system): check for paths without conversions or nulls");
        res = NULL;
        goto free_fit;
    }
    res->conversion_probability = base;
    char *removed = malloc((size_t)by_count.n);
    double sum_re = 0, sum_rev = 0;
    for (int c = 0; c < nch && removed; c++) {
        for (int s = 0; s < by_count.n; s++) {
            removed[s] = 0;
            for (int k = 0; s > 0 && k < by_count.seq_len[s]; k++)
                if (by_count.seq[s][k] == c)
                    removed[s] = 1;
        }
        double pc = conversion_probability(&by_count, removed);
        double pv = base_value > 0 ? conversion_probability(&by_value, removed) : 0;
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
free_fit:
    fit_free(&by_count);
    fit_free(&by_value);
done:
    for (long r = 0; r < nrows; r++)
        free(rows[r].ch);
    free(rows);
    return d->errors ? NULL : res;
}
