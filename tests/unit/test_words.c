/*
 * test_words.c — the translation table: every word in every language, with
 * the same format slots, and the locale rule (ja-JP is Japanese, fr is
 * English).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "render/words.h"

/* The format slots of S ("%d%g"); "%%" and a plain % ("95% interval") are not. */
static void slots(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 2 < cap; s++)
        if (s[0] == '%' && s[1] && s[1] != '%') {
            const char *c = s + 1;
            while (*c && strchr(".0123456789", *c))
                c++;
            if (*c && strchr("dgsfux", *c))
                out[n++] = *c;
        } else if (s[0] == '%' && s[1] == '%') {
            s++;
        }
    out[n] = '\0';
}

static void every_word_in_every_language(void **state)
{
    (void)state;
    for (int w = 0; w < W__COUNT; w++) {
        const char *en = word_in("en", w), *ja = word_in("ja", w), *zh = word_in("zh", w);
        assert_true(en && *en);
        assert_true(ja && *ja);
        assert_true(zh && *zh);
        char se[16], sj[16], sz[16];
        slots(en, se, sizeof se);
        slots(ja, sj, sizeof sj);
        slots(zh, sz, sizeof sz);
        assert_string_equal(se, sj);
        assert_string_equal(se, sz);
    }
}

static void locales(void **state)
{
    (void)state;
    assert_string_equal(word_in("ja-JP", W_STEPS), "ステップ");
    assert_string_equal(word_in("zh_CN", W_STEPS), "步骤");
    assert_string_equal(word_in("fr", W_STEPS), "Steps");
    assert_string_equal(word_in(NULL, W_STEPS), "Steps");
    assert_string_equal(word_in("ja", W_QUOTE_OPEN), "「");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_word_in_every_language),
        cmocka_unit_test(locales),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
