/*
 * sbuf.c — growing byte buffer with fast numbers (see sbuf.h).
 */
#include "base/sbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sbuf_put_grow(sbuf *b, const void *s, size_t n)
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

/* "00" to "99", for writing two digits at a time. */
static const char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* The decimal digits of IP written backwards ending before P; returns
 * where they begin. */
static char *digits_before(char *p, unsigned long long ip)
{
    for (; ip >= 100; ip /= 100) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * (ip % 100), 2);
    }
    if (ip >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * ip, 2);
    } else {
        *--p = (char)('0' + ip);
    }
    return p;
}

void sbuf_num_digits(sbuf *b, double v, int digits)
{
    static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
    static const unsigned long long ipow10[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
    char t[40], *e = t + sizeof t, *p = e;
    if (digits < 0)
        digits = 0;
    if (digits > 6)
        digits = 6;
    if (!isfinite(v) || fabs(v) > 1e12)
        v = 0;
    double scaled = v * pow10[digits];
    long long k = (long long)(scaled + (scaled < 0 ? -0.5 : 0.5));    /* half away from 0 */
    int neg = k < 0;
    unsigned long long u = neg ? (unsigned long long)-k : (unsigned long long)k;
    /* the common case, two decimals, divides by a constant */
    unsigned long long ip = digits == 2 ? u / 100 : u / ipow10[digits];
    unsigned long long fp = digits == 2 ? u % 100 : u % ipow10[digits];
    if (fp) {                   /* the decimals, trailing zeros dropped */
        int nd = digits;
        for (; fp % 10 == 0; fp /= 10)
            nd--;
        for (; nd > 0; nd--, fp /= 10)
            *--p = (char)('0' + fp % 10);
        *--p = '.';
    }
    p = digits_before(p, ip);
    if (neg)
        *--p = '-';
    sbuf_put(b, p, (size_t)(e - p));
}

/* sbuf_num_digits(B, V, 2), by the shortest path: most numbers of a
 * drawing are coordinates, millions of them in a large SVG. */
void sbuf_num(sbuf *b, double v)
{
    if (!(fabs(v) <= 1e12))     /* NaN too */
        v = 0;
    double scaled = v * 100;
    long long k = (long long)(scaled + (scaled < 0 ? -0.5 : 0.5));    /* half away from 0 */
    if (k >= (1LL << 32) || k <= -(1LL << 32)) {
        sbuf_num_digits(b, v, 2);
        return;
    }
    int neg = k < 0;
    uint32_t u = (uint32_t)(neg ? -k : k), ip = u / 100, fp = u % 100;
    char t[24], *e = t + sizeof t, *p = e;
    if (fp % 10) {
        p -= 3;
        p[0] = '.';
        memcpy(p + 1, digit_pairs + 2 * fp, 2);
    } else if (fp) {
        p -= 2;
        p[0] = '.';
        p[1] = (char)('0' + fp / 10);
    }
    p = digits_before(p, ip);
    if (neg)
        *--p = '-';
    sbuf_put(b, p, (size_t)(e - p));
}

void sbuf_int(sbuf *b, long v)
{
    sbuf_num_digits(b, (double)v, 0);
}

void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        sbuf_put(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sbuf_put(b, big, (size_t)n);
    free(big);
}

void sbuf_xml(sbuf *b, const char *s, size_t n, int attr)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '<')
            sbuf_lit(b, "&lt;");
        else if (c == '>')
            sbuf_lit(b, "&gt;");
        else if (c == '&')
            sbuf_lit(b, "&amp;");
        else if (c == '"' && attr)
            sbuf_lit(b, "&quot;");
        else if (c >= 0x20 || c == '\n' || c == '\t')
            sbuf_put(b, s + i, 1);
    }
}

void sbuf_json_string(sbuf *b, const char *s, size_t n)
{
    sbuf_put(b, "\"", 1);
    size_t run = 0;         /* characters copied as they are, pending */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (!esc && c >= 0x20) {
            run++;
            continue;
        }
        sbuf_put(b, s + i - run, run);
        run = 0;
        if (esc)
            sbuf_puts(b, esc);
        else
            sbuf_printf(b, "\\u%04x", c);
    }
    sbuf_put(b, s + n - run, run);
    sbuf_put(b, "\"", 1);
}

char *sbuf_finish(sbuf *b, size_t *len)
{
    sbuf_put(b, "", 1);
    if (b->failed || !b->data) {
        sbuf_free(b);
        return NULL;
    }
    if (len)
        *len = b->len - 1;
    char *text = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return text;
}

void sbuf_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
