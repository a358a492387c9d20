/*
 * textcheck.h — the rules every text value of a journey keeps.
 *
 * Text reaches terminals (messages, tables), files and the renderer, so
 * each value is checked once, before the model is built:
 *  - no control characters but tab and line feed (an escape sequence in a
 *    label would drive the terminal of whoever runs `cjm check`, and
 *    would draw as boxes);
 *  - at most `--limit text` characters in one value and `--limit
 *    total-text` MB in all (line breaking, shaping and drawing cost grows
 *    with them).
 * Keys are checked for control characters too.
 */
#ifndef CJM_TEXTCHECK_H
#define CJM_TEXTCHECK_H

#include <stddef.h>
#include "base/diag.h"
#include "doc/node.h"

/* Check every string of the tree at ROOT; problems go to D with their
 * position and model path.  Returns the number of problems found. */
int textcheck_tree(const node *root, diag_list *d);

/* The first control character of S (LEN bytes) that text may not hold:
 * its offset in characters and its code point; -1 when there is none. */
long textcheck_control(const char *s, size_t len, unsigned *code);

/* The offset of the first byte of S (LEN bytes) that is not valid UTF-8
 * (overlong forms, surrogates and code points past U+10FFFF included), or
 * -1 when all of it is. */
long textcheck_utf8(const char *s, size_t len);

/* The number of characters (UTF-8 code points) in S. */
size_t textcheck_chars(const char *s, size_t len);

#endif
