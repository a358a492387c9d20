/*
 * sbuf.h — a growing byte buffer with fast number formatting, for the
 * SVG and PDF writers (printf of doubles is most of the time of writing
 * vector files).  Once memory runs out the buffer stops growing and
 * remembers it: check FAILED at the end.
 */
#ifndef CJM_SBUF_H
#define CJM_SBUF_H

#include <stddef.h>

typedef struct sbuf { char *data; size_t len, cap; int failed; } sbuf;

void sbuf_put(sbuf *b, const void *s, size_t n);
void sbuf_puts(sbuf *b, const char *s);
/* V with DIGITS decimals (0..6), trailing zeros dropped: "12.5", "-3". */
void sbuf_num_digits(sbuf *b, double v, int digits);
/* A page coordinate or length: to 0.01 pt. */
void sbuf_num(sbuf *b, double v);
void sbuf_int(sbuf *b, long v);
void sbuf_free(sbuf *b);

#endif
