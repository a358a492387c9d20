/*
 * test_sbuf.c — the writers' buffer: numbers as the SVG and PDF files
 * carry them, JSON strings, and the finished text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/sbuf.h"

/* V with DIGITS decimals, as text. */
static char *num(double v, int digits)
{
    static char out[64];
    sbuf b = { 0 };
    sbuf_num_digits(&b, v, digits);
    size_t len;
    char *s = sbuf_finish(&b, &len);
    assert_non_null(s);
    assert_true(len < sizeof out);
    memcpy(out, s, len + 1);
    free(s);
    return out;
}

static void test_numbers(void **state)
{
    (void)state;
    assert_string_equal(num(0, 2), "0");
    assert_string_equal(num(12.5, 2), "12.5");
    assert_string_equal(num(-3, 2), "-3");
    assert_string_equal(num(0.07, 2), "0.07");
    assert_string_equal(num(-0.07, 2), "-0.07");
    assert_string_equal(num(0.104, 2), "0.1");      /* trailing zero dropped */
    assert_string_equal(num(-0.004, 2), "0");       /* no "-0" */
    assert_string_equal(num(1478.0, 2), "1478");
    assert_string_equal(num(769.40625, 2), "769.41");
    assert_string_equal(num(595.2755905, 3), "595.276");
    assert_string_equal(num(0.75, 6), "0.75");
    assert_string_equal(num(2.5, 0), "3");          /* llround: half away from 0 */
    assert_string_equal(num(NAN, 2), "0");          /* never "nan" in a file */
    assert_string_equal(num(INFINITY, 2), "0");
    assert_string_equal(num(1e13, 2), "0");
    assert_string_equal(num(-999999999999.0, 2), "-999999999999");
    /* what printf("%.2f") gives, without the trailing zeros */
    for (double v = -50; v < 50; v += 0.37) {
        char want[32];
        snprintf(want, sizeof want, "%.2f", v);
        char *end = want + strlen(want) - 1;
        while (*end == '0')
            *end-- = '\0';
        if (*end == '.')
            *end = '\0';
        if (strcmp(want, "-0") == 0)
            strcpy(want, "0");
        assert_string_equal(num(v, 2), want);
    }
}

/* Every number of decimals, on values of every size: what printf("%.*f")
 * gives without trailing zeros (values on a tie are left out: printf
 * rounds those to even, cjm away from zero; and beyond 1e12 units, where
 * a double no longer holds every digit). */
static void test_numbers_random(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int digits = (int)(x % 7);
        double mag = pow(10, (double)(x >> 8 & 15) - 4);
        double v = ((double)(x >> 11) / 9007199254740992.0 * 2 - 1) * mag;
        double scaled = fabs(v) * pow(10, digits);
        if (scaled > 1e12 || fabs(scaled - floor(scaled) - 0.5) < 1e-6)
            continue;
        char want[64];
        snprintf(want, sizeof want, "%.*f", digits, v);
        if (strchr(want, '.')) {
            char *end = want + strlen(want) - 1;
            while (*end == '0')
                *end-- = '\0';
            if (*end == '.')
                *end = '\0';
        }
        if (strcmp(want, "-0") == 0)
            strcpy(want, "0");
        assert_string_equal(num(v, digits), want);
        /* the coordinates' short path says the same as the long one */
        sbuf x = { 0 }, y = { 0 };
        sbuf_num(&x, v);
        sbuf_num_digits(&y, v, 2);
        char *xs = sbuf_finish(&x, NULL), *ys = sbuf_finish(&y, NULL);
        assert_string_equal(xs, ys);
        free(xs);
        free(ys);
    }
}

static void test_json_string(void **state)
{
    (void)state;
    sbuf b = { 0 };
    const char s[] = "a\"b\\c\nd\te\x01 \xe6\x97\xa5";
    sbuf_json_string(&b, s, sizeof s - 1);
    char *out = sbuf_finish(&b, NULL);
    assert_string_equal(out, "\"a\\\"b\\\\c\\nd\\te\\u0001 \xe6\x97\xa5\"");
    free(out);
}

static void test_printf_and_finish(void **state)
{
    (void)state;
    sbuf b = { 0 };
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    sbuf_printf(&b, "%d:%s:", 42, big);         /* longer than the small buffer */
    sbuf_int(&b, -7);
    size_t len;
    char *out = sbuf_finish(&b, &len);
    assert_int_equal(len, 3 + 999 + 1 + 2);
    assert_int_equal(strlen(out), len);
    assert_memory_equal(out, "42:xxx", 6);
    assert_string_equal(out + len - 3, ":-7");
    free(out);
    /* an empty buffer finishes as an empty string */
    sbuf e = { 0 };
    out = sbuf_finish(&e, &len);
    assert_non_null(out);
    assert_int_equal(len, 0);
    assert_string_equal(out, "");
    free(out);
    /* a failed buffer finishes as NULL */
    sbuf f = { 0 };
    sbuf_puts(&f, "text");
    f.failed = 1;
    assert_null(sbuf_finish(&f, &len));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_numbers_random),
        cmocka_unit_test(test_json_string),
        cmocka_unit_test(test_printf_and_finish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
