/*
 * sbuf.h — a growing byte buffer for the writers (JSON, YAML, SVG, PDF),
 * with fast number formatting (printf of doubles was most of the time of
 * writing vector files).  Once memory runs out the buffer stops growing
 * and remembers it: sbuf_finish then fails.
 */
#ifndef CJM_SBUF_H
#define CJM_SBUF_H

#include <stddef.h>
#include <string.h>

typedef struct sbuf { char *data; size_t len, cap; int failed; } sbuf;

/* Append N bytes of S: inline while there is room (the writers append
 * millions of small pieces), through sbuf_put_grow when not. */
void sbuf_put_grow(sbuf *b, const void *s, size_t n);
static inline void sbuf_put(sbuf *b, const void *s, size_t n)
{
    if (n && n <= b->cap - b->len && !b->failed) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
    } else {
        sbuf_put_grow(b, s, n);
    }
}
/* A string literal, without measuring it. */
#define sbuf_lit(b, lit) sbuf_put((b), "" lit, sizeof(lit) - 1)
void sbuf_puts(sbuf *b, const char *s);
/* V with DIGITS decimals (0..6), trailing zeros dropped: "12.5", "-3". */
void sbuf_num_digits(sbuf *b, double v, int digits);
/* A page coordinate or length: to 0.01 pt. */
void sbuf_num(sbuf *b, double v);
void sbuf_int(sbuf *b, long v);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* N bytes of S as XML or HTML text (ATTR: inside a quoted attribute, its
 * quotes escaped too): markup escaped, control characters (not allowed in
 * XML 1.0) left out. */
void sbuf_xml(sbuf *b, const char *s, size_t n, int attr);
/* S (N bytes) as a JSON string, quotes included. */
void sbuf_json_string(sbuf *b, const char *s, size_t n);
/* The text, NUL-terminated, for the caller to free, its length in *LEN;
 * NULL (everything freed) when memory ran out on the way. */
char *sbuf_finish(sbuf *b, size_t *len);
void sbuf_free(sbuf *b);

#endif
