/*
 * sbuf.c — growing byte buffer with fast numbers (see sbuf.h).
 */
#include "sbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void sbuf_put(sbuf *b, const void *s, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void sbuf_puts(sbuf *b, const char *s)
{
    sbuf_put(b, s, strlen(s));
}

void sbuf_num_digits(sbuf *b, double v, int digits)
{
    static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
    char t[40], *e = t + sizeof t, *p = e;
    if (digits < 0)
        digits = 0;
    if (digits > 6)
        digits = 6;
    if (!isfinite(v) || fabs(v) > 1e12)
        v = 0;
    long long k = llround(v * pow10[digits]);
    int neg = k < 0;
    unsigned long long u = neg ? (unsigned long long)-k : (unsigned long long)k;
    int trailing = 1;
    for (int i = 0; i < digits; i++, u /= 10) {
        int d = (int)(u % 10);
        if (trailing && d == 0)
            continue;
        trailing = 0;
        *--p = (char)('0' + d);
    }
    if (!trailing)
        *--p = '.';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        *--p = '-';
    sbuf_put(b, p, (size_t)(e - p));
}

void sbuf_num(sbuf *b, double v)
{
    sbuf_num_digits(b, v, 2);
}

void sbuf_int(sbuf *b, long v)
{
    sbuf_num_digits(b, (double)v, 0);
}

void sbuf_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
