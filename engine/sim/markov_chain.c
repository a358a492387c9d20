/*
 * markov_chain.c — the sparse absorbing chain of attribution; see
 * markov_chain.h.
 */
#include "sim/markov_chain.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MCHAIN_DIRECT 1024      /* entries in the direct step table */

typedef struct edge { int from, to; double w; } edge;

struct mchain {
    int order;
    /* states: 0 is start; state s is the channels pool[off[s] .. off[s] + len[s]) */
    int n, cap;
    int *off, *len;
    int *pool;
    size_t pool_n, pool_cap;
    int *hash;                  /* state index + 1 by sequence; 0 empty */
    size_t hcap;
    double *to_conv, *to_null, *conv_value;
    /* edges, each (from, to) once with its weights summed as added (found
     * through ehash), then ordered by state (CSR) */
    edge *edges;
    size_t nedges, edges_cap;
    size_t *ehash;              /* edge index + 1 by (from, to); 0 empty */
    size_t ehcap;
    /* the chain as an automaton: a state and a channel give the next state
     * (the last ORDER channels) and the edge between them, found here in
     * one probe once seen */
    struct step { int from, channel, to; size_t edge; } *steps;
    size_t nsteps, scap;
    /* the steps taken last, by state and channel without hashing: all of
     * them for a first-order chain of up to 32 channels */
    struct step direct[MCHAIN_DIRECT];
    int *row;                   /* [n + 1]: state s's edges are row[s] .. row[s + 1] - 1 */
    double *out;                /* all weight leaving each state */
};

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

static uint64_t seq_hash(const int *seq, int len)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)len;
    for (int k = 0; k < len; k++)
        h = (h ^ (uint64_t)(unsigned)seq[k]) * 1099511628211ull;
    return h ^ (h >> 29);
}

static int same(const mchain *c, int s, const int *seq, int len)
{
    return c->len[s] == len && memcmp(c->pool + c->off[s], seq, sizeof(int) * (size_t)len) == 0;
}

static int rehash(mchain *c, size_t cap)
{
    int *h = calloc(cap, sizeof(int));
    if (!h)
        return -1;
    for (int s = 1; s < c->n; s++) {
        size_t i = seq_hash(c->pool + c->off[s], c->len[s]) & (cap - 1);
        while (h[i])
            i = (i + 1) & (cap - 1);
        h[i] = s + 1;
    }
    free(c->hash);
    c->hash = h;
    c->hcap = cap;
    return 0;
}

/* The state of SEQ, made when new; -1 when out of memory. */
static int state_of(mchain *c, const int *seq, int len)
{
    size_t i = seq_hash(seq, len) & (c->hcap - 1);
    for (; c->hash[i]; i = (i + 1) & (c->hcap - 1))
        if (same(c, c->hash[i] - 1, seq, len))
            return c->hash[i] - 1;
    size_t cap = (size_t)c->cap;
    if (grow((void **)&c->pool, &c->pool_cap, c->pool_n + (size_t)len, sizeof(int)) < 0)
        return -1;
    if ((size_t)c->n + 1 > cap) {
        size_t c1 = cap, c2 = cap, c3 = cap, c4 = cap, c5 = cap;
        if (grow((void **)&c->off, &c1, (size_t)c->n + 1, sizeof(int)) < 0
            || grow((void **)&c->len, &c2, (size_t)c->n + 1, sizeof(int)) < 0
            || grow((void **)&c->to_conv, &c3, (size_t)c->n + 1, sizeof(double)) < 0
            || grow((void **)&c->to_null, &c4, (size_t)c->n + 1, sizeof(double)) < 0
            || grow((void **)&c->conv_value, &c5, (size_t)c->n + 1, sizeof(double)) < 0)
            return -1;
        c->cap = (int)c1;
    }
    int s = c->n++;
    c->off[s] = (int)c->pool_n;
    c->len[s] = len;
    c->to_conv[s] = c->to_null[s] = c->conv_value[s] = 0;
    memcpy(c->pool + c->pool_n, seq, sizeof(int) * (size_t)len);
    c->pool_n += (size_t)len;
    if ((size_t)c->n * 2 > c->hcap) {
        if (rehash(c, c->hcap * 2) < 0)
            return -1;
    } else {
        i = seq_hash(seq, len) & (c->hcap - 1);
        while (c->hash[i])
            i = (i + 1) & (c->hcap - 1);
        c->hash[i] = s + 1;
    }
    return s;
}

mchain *mchain_new(int order)
{
    mchain *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->order = order;
    c->cap = 64;
    c->off = calloc(64, sizeof(int));
    c->len = calloc(64, sizeof(int));
    c->to_conv = calloc(64, sizeof(double));
    c->to_null = calloc(64, sizeof(double));
    c->conv_value = calloc(64, sizeof(double));
    c->hash = calloc(64, sizeof(int));
    c->hcap = 64;
    c->n = 1;                   /* start */
    if (!c->off || !c->len || !c->to_conv || !c->to_null || !c->conv_value || !c->hash) {
        mchain_free(c);
        return NULL;
    }
    return c;
}

static size_t edge_hash(int from, int to)
{
    uint64_t h = ((uint64_t)(unsigned)from << 32 | (unsigned)to) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 31));
}

static int edge_rehash(mchain *c, size_t cap)
{
    size_t *h = calloc(cap, sizeof *h);
    if (!h)
        return -1;
    for (size_t e = 0; e < c->nedges; e++) {
        size_t i = edge_hash(c->edges[e].from, c->edges[e].to) & (cap - 1);
        while (h[i])
            i = (i + 1) & (cap - 1);
        h[i] = e + 1;
    }
    free(c->ehash);
    c->ehash = h;
    c->ehcap = cap;
    return 0;
}

/* Add weight W to the edge FROM -> TO; -1 when out of memory. */
static int add_edge(mchain *c, int from, int to, double w)
{
    if ((c->nedges + 1) * 2 > c->ehcap && edge_rehash(c, c->ehcap ? c->ehcap * 2 : 64) < 0)
        return -1;
    size_t i = edge_hash(from, to) & (c->ehcap - 1);
    for (; c->ehash[i]; i = (i + 1) & (c->ehcap - 1)) {
        edge *e = &c->edges[c->ehash[i] - 1];
        if (e->from == from && e->to == to) {
            e->w += w;
            return 0;
        }
    }
    if (grow((void **)&c->edges, &c->edges_cap, c->nedges + 1, sizeof(edge)) < 0)
        return -1;
    c->edges[c->nedges++] = (edge){ from, to, w };
    c->ehash[i] = c->nedges;
    return 0;
}

static size_t step_slot(const mchain *c, int from, int channel)
{
    return edge_hash(from, channel) & (c->scap - 1);
}

static int steps_rehash(mchain *c)
{
    size_t cap = c->scap ? c->scap * 2 : 256;
    struct step *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < c->scap; i++) {
        if (!c->steps[i].to)
            continue;
        size_t k = edge_hash(c->steps[i].from, c->steps[i].channel) & (cap - 1);
        while (t[k].to)
            k = (k + 1) & (cap - 1);
        t[k] = c->steps[i];
    }
    free(c->steps);
    c->steps = t;
    c->scap = cap;
    return 0;
}

/* Step K of path CH from state PREV: the next state, with W added to the
 * edge; -1 when out of memory. */
static int step(mchain *c, int prev, const int *ch, int k, double w)
{
    struct step *d = &c->direct[((unsigned)prev << 5 ^ (unsigned)ch[k]) & (MCHAIN_DIRECT - 1)];
    if (d->to && d->from == prev && d->channel == ch[k]) {
        c->edges[d->edge].w += w;
        return d->to;
    }
    size_t i = step_slot(c, prev, ch[k]);
    for (; c->steps[i].to; i = (i + 1) & (c->scap - 1))
        if (c->steps[i].from == prev && c->steps[i].channel == ch[k]) {
            c->edges[c->steps[i].edge].w += w;
            *d = c->steps[i];
            return c->steps[i].to;
        }
    int from = k + 1 > c->order ? k + 1 - c->order : 0;
    int s = state_of(c, ch + from, k + 1 - from);
    if (s < 0 || add_edge(c, prev, s, w) < 0)
        return -1;
    /* (the edge just added or grown: found again through its hash) */
    size_t e = edge_hash(prev, s) & (c->ehcap - 1);
    while (c->edges[c->ehash[e] - 1].from != prev || c->edges[c->ehash[e] - 1].to != s)
        e = (e + 1) & (c->ehcap - 1);
    c->steps[i] = (struct step){ prev, ch[k], s, c->ehash[e] - 1 };
    if (++c->nsteps * 2 > c->scap && steps_rehash(c) < 0)
        return -1;
    return s;
}

int mchain_add_path(mchain *c, const int *ch, int len, double conv, double value,
                    double null_)
{
    int prev = 0;
    if (!c->scap && steps_rehash(c) < 0)
        return -1;
    for (int k = 0; k < len; k++) {
        prev = step(c, prev, ch, k, conv + null_);
        if (prev < 0)
            return -1;
    }
    c->to_conv[prev] += conv;
    c->to_null[prev] += null_;
    c->conv_value[prev] += value;
    return 0;
}

static int cmp_edges(const void *pa, const void *pb)
{
    const edge *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    return a->to < b->to ? -1 : a->to > b->to;
}

/* The merged edges ordered by (from, to): counted into rows by state,
 * each row sorted (rows are short), in linear time. */
int mchain_finish(mchain *c)
{
    size_t m = c->nedges;
    free(c->ehash);
    c->ehash = NULL;
    free(c->steps);
    c->steps = NULL;
    c->row = calloc((size_t)c->n + 2, sizeof(int));
    c->out = calloc((size_t)c->n + 1, sizeof(double));
    edge *sorted = malloc(sizeof(edge) * (m + 1));
    if (!c->row || !c->out || !sorted) {
        free(sorted);
        return -1;
    }
    for (size_t k = 0; k < m; k++)
        c->row[c->edges[k].from + 2]++;
    for (int s = 0; s < c->n; s++)
        c->row[s + 2] += c->row[s + 1];
    for (size_t k = 0; k < m; k++)
        sorted[c->row[c->edges[k].from + 1]++] = c->edges[k];
    free(c->edges);
    c->edges = sorted;
    for (int s = 0; s < c->n; s++) {
        if (c->row[s + 1] - c->row[s] > 1)
            qsort(c->edges + c->row[s], (size_t)(c->row[s + 1] - c->row[s]), sizeof(edge),
                  cmp_edges);
        for (int k = c->row[s]; k < c->row[s + 1]; k++)
            c->out[s] += c->edges[k].w;
        c->out[s] += c->to_conv[s] + c->to_null[s];
    }
    return 0;
}

int mchain_states(const mchain *c)
{
    return c->n - 1;
}

static int contains(const mchain *c, int s, int channel)
{
    for (int k = 0; k < c->len[s]; k++)
        if (c->pool[c->off[s] + k] == channel)
            return 1;
    return 0;
}

#define MCHAIN_MAX_SWEEPS 200000

double mchain_solve(const mchain *c, int removed, int value)
{
    int n = c->n;
    double *x = calloc((size_t)n, sizeof(double));
    double *r = calloc((size_t)n, sizeof(double));
    char *gone = calloc((size_t)n, 1);
    double result = -1, scale = 0;
    if (!x || !r || !gone)
        goto done;
    /* r: what a state gains by converting next; a conversion's worth is
     * 1, or the mean value of the conversions observed from that state */
    for (int s = 0; s < n; s++) {
        gone[s] = s > 0 && removed >= 0 && contains(c, s, removed);
        double worth = !value ? 1 : c->to_conv[s] > 0 ? c->conv_value[s] / c->to_conv[s] : 0;
        r[s] = c->out[s] > 0 && !gone[s] ? c->to_conv[s] * worth / c->out[s] : 0;
        scale = fmax(scale, fabs(worth));
    }
    double tol = 1e-14 * (scale > 0 ? scale : 1);
    for (int sweep = 0; sweep < MCHAIN_MAX_SWEEPS; sweep++) {
        double change = 0;
        for (int s = n - 1; s >= 0; s--) {
            if (gone[s] || c->out[s] <= 0)
                continue;
            double v = r[s];
            for (int k = c->row[s]; k < c->row[s + 1]; k++)
                if (!gone[c->edges[k].to])
                    v += c->edges[k].w / c->out[s] * x[c->edges[k].to];
            change = fmax(change, fabs(v - x[s]));
            x[s] = v;
        }
        if (change <= tol) {
            result = x[0];
            break;
        }
    }
done:
    free(x);
    free(r);
    free(gone);
    return result;
}

void mchain_free(mchain *c)
{
    if (!c)
        return;
    free(c->off);
    free(c->len);
    free(c->pool);
    free(c->hash);
    free(c->to_conv);
    free(c->to_null);
    free(c->conv_value);
    free(c->edges);
    free(c->ehash);
    free(c->steps);
    free(c->row);
    free(c->out);
    free(c);
}
