/*
 * markov_chain.c — the sparse absorbing chain of attribution; see
 * markov_chain.h.
 */
#include "sim/markov_chain.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    /* edges as added, then merged by state (CSR) */
    edge *edges;
    size_t nedges, edges_cap;
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

int mchain_add_path(mchain *c, const int *ch, int len, double conv, double value,
                    double null_)
{
    int prev = 0;
    for (int k = 0; k < len; k++) {
        int from = k + 1 > c->order ? k + 1 - c->order : 0;
        int s = state_of(c, ch + from, k + 1 - from);
        if (s < 0 || grow((void **)&c->edges, &c->edges_cap, c->nedges + 1, sizeof(edge)) < 0)
            return -1;
        c->edges[c->nedges++] = (edge){ prev, s, conv + null_ };
        prev = s;
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

int mchain_finish(mchain *c)
{
    qsort(c->edges, c->nedges, sizeof(edge), cmp_edges);
    size_t m = 0;
    for (size_t k = 0; k < c->nedges; k++) {
        if (m && c->edges[m - 1].from == c->edges[k].from && c->edges[m - 1].to == c->edges[k].to)
            c->edges[m - 1].w += c->edges[k].w;
        else
            c->edges[m++] = c->edges[k];
    }
    c->nedges = m;
    c->row = calloc((size_t)c->n + 1, sizeof(int));
    c->out = calloc((size_t)c->n + 1, sizeof(double));
    if (!c->row || !c->out)
        return -1;
    for (size_t k = 0; k < m; k++) {
        c->row[c->edges[k].from + 1]++;
        c->out[c->edges[k].from] += c->edges[k].w;
    }
    for (int s = 0; s < c->n; s++) {
        c->row[s + 1] += c->row[s];
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
    free(c->row);
    free(c->out);
    free(c);
}
