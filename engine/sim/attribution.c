/*
 * attribution.c — Markov-chain attribution of observed paths; see
 * attribution.h.
 *
 * The chain itself (states, weights, the sparse solve) is markov_chain.c;
 * this file reads the paths, computes the heuristics and shares the
 * conversions and the value out by removal effect.
 */
#define _GNU_SOURCE             /* strchrnul */
#include "sim/attribution.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsin.h"
#include "base/fsout.h"
#include "base/idmap.h"
#include "base/limit.h"
#include "base/progress.h"
#include "doc/textcheck.h"
#include "doc/yaml.h"
#include "sim/markov_chain.h"

/* counts and values: sums of a million rows stay exact-ish and finite */
#define ATTR_MAX_COUNT 1e15



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

static int cmp_names(const void *a, const void *b)
{
    return strcmp(**(const char *const *const *)a, **(const char *const *const *)b);
}

/* ---- the chain ------------------------------------------------------------------ */

/* ---- reading the paths ----------------------------------------------------- */

/* The paths as they are read: each goes into the chain and the heuristic
 * tallies at once (nothing is kept per row), its channels numbered by
 * first sight; sort_channels numbers them by name at the end. */
typedef struct path_set {
    arena *a;
    const char *path;           /* the file, for messages */
    diag_list *d;
    const char **names;         /* by first sight */
    int nch, chcap;
    idmap by_name;
    attr_channel *acc;          /* per channel (first sight): the heuristics */
    long *last_path;            /* per channel: the last path that touched it */
    /* the channel of a name, by its hash: most lookups end here */
    struct seen_name { uint64_t w; size_t len; int index; } recent[256];
    const char *limit;          /* the end of the bytes of the block, and its NUL */
    attr_result totals;         /* total conversions, value, nulls; paths */
    mchain *chain;
    int *ch;                    /* the row's channels */
    int ch_cap;
    char **fields;              /* the row's fields */
    int field_cap;
    int col_path, col_conv, col_value, col_null, ncols;
    char sep;
    int lineno;                 /* of the last line read */
    int have_header;
} path_set;

/* A line without quotes: split at each separator found by memchr. */
static int plain_fields(path_set *ps, char *line, size_t len)
{
    int n = 0;
    char *end = line + len;
    for (char *f = line;;) {
        if (n + 1 >= ps->field_cap) {
            ps->field_cap = 2 * (n + 8);
            ps->fields = realloc(ps->fields, sizeof(char *) * (size_t)ps->field_cap);
            if (!ps->fields)
                fsout_fatal("out of memory");
        }
        ps->fields[n++] = f;
        char *sep = memchr(f, ps->sep, (size_t)(end - f));
        if (!sep)
            return n;
        *sep = '\0';
        f = sep + 1;
    }
}

/* Fields of LINE (LEN bytes; QUOTED: it has a '"'), split at the set's
 * separator into ps->fields (sized by the line: no field is dropped);
 * their number. */
static int fields_of(path_set *ps, char *line, size_t len, int quoted)
{
    if (!quoted)
        return plain_fields(ps, line, len);
    int n = (int)(len < (size_t)ps->field_cap ? len : (size_t)ps->field_cap) + 1;
    if (len + 2 > (size_t)ps->field_cap) {
        n = 1;
        for (const char *c = line; *c; c++)
            n += *c == ps->sep;
    }
    if (n + 1 > ps->field_cap || len + 2 > (size_t)ps->field_cap) {
        /* room for as many fields as the line has bytes: shorter lines
         * need not be counted first */
        ps->field_cap = (int)(len + 2 > (size_t)(n + 1) ? len + 2 : (size_t)(n + 1));
        ps->fields = realloc(ps->fields, sizeof(char *) * (size_t)ps->field_cap);
        if (!ps->fields)
            fsout_fatal("out of memory");
    }
    return split_csv(line, ps->sep, ps->fields, n);
}

/* The header row; -1 after an error. */
static int read_header(path_set *ps, char *line, int lineno)
{
    ps->sep = strchr(line, ';') ? ';' : ',';
    int nf = fields_of(ps, line, strlen(line), strchr(line, '"') != NULL);
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

/* The first eight bytes of NAME (LEN of them, LEN > 0) as a word, those
 * past LEN zero: with LEN, all of a name of up to eight bytes.  Bytes
 * before ps->limit may be read. */
static uint64_t first_word(const path_set *ps, const char *name, size_t len)
{
    uint64_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (name + 8 <= ps->limit) {
        memcpy(&w, name, 8);
        return len < 8 ? w & (((uint64_t)1 << (8 * len)) - 1) : w;
    }
#else
    (void)ps;
#endif
    for (size_t i = 0; i < len && i < 8; i++)
        w |= (uint64_t)(unsigned char)name[i] << (8 * i);
    return w;
}

/* The index of channel NAME (LEN bytes, W its first_word), a new one
 * (checked) on first sight; -1 after reporting a bad name.  The names seen last are known by
 * their first word and length, so a short name is found without hashing
 * it or comparing bytes. */
static int channel_index(path_set *ps, const char *name, size_t len, uint64_t w,
                         int lineno)
{
    struct seen_name *r = &ps->recent[(w ^ len) * 0x9E3779B97F4A7C15ull >> 56];
    if (r->len == len && r->w == w
        && (len <= 8 || !memcmp(ps->names[r->index] + 8, name + 8, len - 8)))
        return r->index;
    int i = idmap_find_hashed(&ps->by_name, name, len, idmap_hash(name, len));
    if (i >= 0) {
        *r = (struct seen_name){ w, len, i };
        return i;
    }
    if (!channel_name_ok(ps, name, lineno))
        return -1;
    if (ps->nch == ps->chcap) {
        ps->chcap = ps->chcap ? ps->chcap * 2 : 32;
        const char **names = arena_alloc(ps->a, sizeof(char *) * (size_t)ps->chcap);
        attr_channel *acc = arena_alloc(ps->a, sizeof(attr_channel) * (size_t)ps->chcap);
        long *last = arena_alloc(ps->a, sizeof(long) * (size_t)ps->chcap);
        if (ps->nch) {
            memcpy(names, ps->names, sizeof(char *) * (size_t)ps->nch);
            memcpy(acc, ps->acc, sizeof(attr_channel) * (size_t)ps->nch);
            memcpy(last, ps->last_path, sizeof(long) * (size_t)ps->nch);
        }
        ps->names = names;
        ps->acc = acc;
        ps->last_path = last;
    }
    ps->names[ps->nch] = arena_strdup(ps->a, name);
    idmap_add_grow(&ps->by_name, ps->a, ps->names[ps->nch], ps->nch);
    return ps->nch++;
}

/* The channels of the path field P into ps->ch; their number, or -1
 * after an error.  (One pass over the field: a million paths' worth of
 * strchr, strlen and trim calls was half the time of attribution.) */
static int read_channels(path_set *ps, char *p, int lineno)
{
    int len = 0;
    for (char *tok = p, *next; tok; tok = next) {
        /* the name between blanks, up to the next '>' or the end
         * (strchrnul reads many bytes at a time: a million paths were
         * slow byte by byte) */
        char *end = strchrnul(tok, '>');
        next = *end ? end + 1 : NULL;       /* (before *end may become NUL) */
        while (*tok == ' ' || *tok == '\t')
            tok++;
        /* (most names end in a letter: one test) */
        while (end > tok && (unsigned char)end[-1] <= ' '
               && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
            end--;
        if (end > tok) {
            size_t n = (size_t)(end - tok);
            /* (read before the NUL is written: a load over a byte just
             * stored waits for the store, a third of the time here) */
            uint64_t w = first_word(ps, tok, n);
            *end = '\0';
            int c = channel_index(ps, tok, n, w, lineno);
            if (c < 0)
                return -1;
            if (len == ps->ch_cap) {
                ps->ch_cap = ps->ch_cap ? 2 * ps->ch_cap : 16;
                ps->ch = realloc(ps->ch, sizeof(int) * (size_t)ps->ch_cap);
                if (!ps->ch)
                    fsout_fatal("out of memory");
            }
            ps->ch[len++] = c;
        }
    }
    if (!len)
        diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "the path is empty");
    return len ? len : -1;
}

/* First touch, last touch and linear, as ChannelAttribution defines them,
 * and the journeys that touch each channel: one path's share. */
static void tally(path_set *ps, const int *ch, int len, double conv, double value,
                  double null_)
{
    attr_result *t = &ps->totals;
    t->total_conversions += conv;
    t->total_value += value;
    t->total_null += null_;
    attr_channel *first = &ps->acc[ch[0]], *last = &ps->acc[ch[len - 1]];
    first->first_conversions += conv;
    first->first_value += value;
    last->last_conversions += conv;
    last->last_value += value;
    long path = t->paths + 1;           /* (last_path starts at 0) */
    double conv_share = conv / len, value_share = value / len;
    for (int k = 0; k < len; k++) {
        ps->acc[ch[k]].linear_conversions += conv_share;
        ps->acc[ch[k]].linear_value += value_share;
        if (ps->last_path[ch[k]] != path) {     /* the first touch of it here */
            ps->last_path[ch[k]] = path;
            ps->acc[ch[k]].path_share += conv + null_;
        }
    }
}

/* F as a number the quick way, between blanks: digits, with a fraction of at most 15
 * digits, and at most 15 digits in all.  Then F is M / 10^K for integers
 * M < 2^53 and 10^K, both exact in a double, so the division is rounded
 * once, as strtod rounds: the same value, several times faster. */
static int plain_number(const char *f, double *out)
{
    static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                    1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
    long long m = 0;
    int digits = 0, frac = -1;
    while (*f == ' ' || *f == '\t')
        f++;
    for (; *f; f++) {
        if (*f == ' ' || *f == '\t' || *f == '\r') {       /* blanks to the end */
            const char *b = f;
            while (*b == ' ' || *b == '\t' || *b == '\r')
                b++;
            if (*b)
                return 0;
            break;
        }
        if (*f >= '0' && *f <= '9') {
            m = m * 10 + (*f - '0');
            digits++;
            frac += frac >= 0;
        } else if (*f == '.' && frac < 0 && digits) {
            frac = 0;
        } else {
            return 0;
        }
        if (digits > 15)
            return 0;
    }
    if (!digits || frac == 0)
        return 0;
    *out = frac > 0 ? (double)m / pow10[frac] : (double)m;
    return 1;
}

/* F as a count or value by strtod, in range; 0 when it is not one. */
static int checked_strtod(const char *f, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(f, &end);
    return !(end == f || *end || errno || *out < 0 || !(*out <= ATTR_MAX_COUNT));
}

/* A row of paths; problems are reported and the row skipped. */
static void read_row(path_set *ps, char *line, size_t line_len, int quoted, int lineno)
{
    int nf = fields_of(ps, line, line_len, quoted);
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
        char *f = ps->fields[cols[k]];
        if (!plain_number(f, &v[k]) && !checked_strtod(f = trim(f), &v[k])) {
            diag_add(ps->d, DIAG_ERROR, ps->path, lineno, 1, NULL, "column %d: \"%.40s\" is "
                     "not a number from 0 to %g", cols[k] + 1, f, ATTR_MAX_COUNT);
            return;
        }
    }
    int len = read_channels(ps, ps->fields[ps->col_path], lineno);
    if (len < 0 || ps->d->errors)
        return;         /* after an error, rows are only checked */
    tally(ps, ps->ch, len, v[0], v[1], v[2]);
    if (mchain_add_path(ps->chain, ps->ch, len, v[0], v[1], v[2]) < 0)
        fsout_fatal("out of memory");
    ps->totals.paths++;
}

/* The first C at or after P, or END. */
static char *next_of(char *p, char *end, char c)
{
    char *q = memchr(p, c, (size_t)(end - p));
    return q ? q : end;
}

/* The rows of LINES (LEN bytes, a NUL after them), the next block of the
 * file: a UTF-8 byte-order mark at its start, as spreadsheets write, is
 * skipped.  Always 0: after an error, the rows are still checked. */
static int read_block(void *ctx, char *lines, size_t len)
{
    path_set *ps = ctx;
    char *end = lines + len;
    ps->limit = end + 1;
    if (!ps->lineno) {
        diag_add_source(ps->d, ps->path, lines, len < (1 << 20) ? len : (1 << 20));
        if (len >= 3 && !memcmp(lines, "\xEF\xBB\xBF", 3))
            lines += 3;
    }
    /* the next NUL and quote of the block, looked for once per stretch
     * (not once per line: a million lines made those calls a tenth of
     * the time) */
    char *nul = next_of(lines, end, '\0'), *quote = next_of(lines, end, '"');
    for (char *line = lines, *next; line < end; line = next) {
        next = memchr(line, '\n', (size_t)(end - line));
        size_t n = next ? (size_t)(next - line) : (size_t)(end - line);
        next = next ? next + 1 : end;
        nul = nul < line ? next_of(line, end, '\0') : nul;
        quote = quote < line ? next_of(line, end, '"') : quote;
        line[n] = '\0';
        ps->lineno++;
        if (nul < line + n) {
            diag_add(ps->d, DIAG_ERROR, ps->path, ps->lineno, (int)(nul - line) + 1, NULL,
                     "a NUL byte: this is not a text file");
            continue;
        }
        int quoted = quote < line + n;
        while (*line == ' ' || *line == '\t')
            line++, n--;
        if (!*line || (*line == '\r' && !*trim(line)))
            continue;
        if (ps->have_header)
            read_row(ps, line, n, quoted, ps->lineno);
        else if (read_header(ps, trim(line), ps->lineno) == 0)
            ps->have_header = 1;
        else
            return 1;
    }
    return 0;
}

/* After the last block: -1 when there were errors or no paths. */
static int paths_read(path_set *ps)
{
    if (ps->d->errors)
        return -1;
    if (!ps->totals.paths) {
        diag_add(ps->d, DIAG_ERROR, ps->path, 0, 0, NULL, "no paths in the file");
        return -1;
    }
    return 0;
}

/* ---- the attributions ------------------------------------------------------- */

/* Channels in name order, so output does not depend on first sight: RES's
 * channels sorted by name, with their tallies; FIRST_SIGHT[k] is the
 * chain's number of channel k. */
static int *sort_channels(path_set *ps, attr_result *res)
{
    int nch = ps->nch;
    const char ***idx = malloc(sizeof(char **) * (size_t)(nch + 1));
    int *first_sight = malloc(sizeof(int) * (size_t)(nch + 1));
    if (!idx || !first_sight)
        fsout_fatal("out of memory");
    for (int i = 0; i < nch; i++)
        idx[i] = &ps->names[i];
    qsort(idx, (size_t)nch, sizeof *idx, cmp_names);
    res->channels = arena_alloc(ps->a, sizeof(attr_channel) * (size_t)(nch + 1));
    double journeys = res->total_conversions + res->total_null;
    for (int k = 0; k < nch; k++) {
        first_sight[k] = (int)(idx[k] - ps->names);
        res->channels[k] = ps->acc[first_sight[k]];
        res->channels[k].name = ps->names[first_sight[k]];
        if (journeys > 0)
            res->channels[k].path_share /= journeys;
    }
    free(idx);
    return first_sight;
}

/* Each channel's removal effect on conversion and on value in chain C
 * (converting BASE and worth BASE_VALUE with every channel), and the
 * Markov conversions and value shared out in proportion.  Channel k is
 * FIRST_SIGHT[k] in the chain. */
static void removal_effects(attr_result *res, const mchain *c, const int *first_sight,
                            double base, double base_value)
{
    int nch = res->channel_count;
    double sum_re = 0, sum_rev = 0;
    progress bar;
    progress_begin(&bar, "cjm attribution: removal effects", nch);
    for (int k = 0; k < nch; k++) {
        progress_step(&bar, k);
        double pc = mchain_solve(c, first_sight[k], 0);
        double pv = base_value > 0 ? mchain_solve(c, first_sight[k], 1) : 0;
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

/* The Markov attribution from the chain of the paths read; -1 after an
 * error in D. */
static int markov(attr_result *res, const path_set *ps, const int *first_sight)
{
    mchain *c = ps->chain;
    if (mchain_finish(c) < 0)
        fsout_fatal("out of memory");
    res->states = mchain_states(c);
    double base = mchain_solve(c, -1, 0);
    double base_value = res->total_value > 0 ? mchain_solve(c, -1, 1) : 0;
    if (base <= 0 || (res->total_value > 0 && base_value <= 0)) {
        diag_add(ps->d, DIAG_ERROR, ps->path, 0, 0, NULL, base == 0 ? "no path in the "
                 "data reaches a conversion: nothing to attribute"
                 : "the fitted chain has states that are never left: check for paths "
                 "without conversions or nulls");
        return -1;
    }
    res->conversion_probability = base;
    removal_effects(res, c, first_sight, base, base_value);
    return 0;
}

/* The attribution of the paths PS has read (or NULL after errors), and
 * the end of PS. */
static attr_result *attribute(path_set *ps, int rc, int order)
{
    attr_result *res = NULL;
    if (rc == 0 && paths_read(ps) == 0) {
        res = arena_alloc(ps->a, sizeof *res);
        *res = ps->totals;
        res->channel_count = ps->nch;
        res->order = order;
        int *first_sight = sort_channels(ps, res);
        if (markov(res, ps, first_sight) < 0)
            res = NULL;
        free(first_sight);
    }
    mchain_free(ps->chain);
    free(ps->ch);
    free(ps->fields);
    return ps->d->errors ? NULL : res;
}

static path_set paths_begin(arena *a, const char *path, int order, diag_list *d)
{
    path_set ps = { .a = a, .path = path, .d = d, .col_path = -1, .col_conv = -1,
                    .col_value = -1, .col_null = -1, .sep = ';' };
    ps.chain = mchain_new(order);
    if (!ps.chain)
        fsout_fatal("out of memory");
    return ps;
}

attr_result *attribution_run(arena *a, const char *path, int order, diag_list *d)
{
    path_set ps = paths_begin(a, path, order, d);
    int rc = fsin_read_lines(path, limit_bytes(LIM_FILE), read_block, &ps, d);
    return attribute(&ps, rc, order);
}

attr_result *attribution_run_text(arena *a, const char *path, char *text, size_t len,
                                  int order, diag_list *d)
{
    path_set ps = paths_begin(a, path, order, d);
    return attribute(&ps, read_block(&ps, text, len), order);
}
