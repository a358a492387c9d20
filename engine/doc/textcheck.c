/*
 * textcheck.c — control characters and text limits; see textcheck.h.
 */
#include "doc/textcheck.h"

#include <stdio.h>
#include <string.h>

#include "base/limit.h"

/* The offset of the first byte of S (LEN bytes) that is not valid UTF-8
 * (overlong forms, surrogates and code points past U+10FFFF included), or
 * -1 when all of it is. */
long textcheck_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        size_t n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                 : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
        if (n == 9 || i + n >= len)     /* not a lead byte, or cut short */
            return (long)i;
        unsigned lo = 0x80, hi = 0xBF;      /* the second byte's range */
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
        else if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
        for (size_t k = 1; k <= n; k++) {
            unsigned b = p[i + k];
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
                return (long)i;
        }
        i += n + 1;
    }
    return -1;
}

size_t textcheck_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

long textcheck_control(const char *s, size_t len, unsigned *code)
{
    const unsigned char *p = (const unsigned char *)s;
    long chars = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = p[i];
        if ((c & 0xC0) == 0x80)
            continue;
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            *code = c;
            return chars;
        }
        /* C1 controls, U+0080..U+009F, are C2 80..C2 9F in UTF-8 */
        if (c == 0xC2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
            *code = p[i + 1];
            return chars;
        }
        chars++;
    }
    return -1;
}

typedef struct walk {
    diag_list *d;
    size_t max_text, total, max_total;
    int problems, total_reported;
    char path[512];
} walk;

static const char *control_name(unsigned c)
{
    static const char *const names[32] = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF",
        "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
        "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US" };
    return c < 32 ? names[c] : c == 0x7F ? "DEL" : "a C1 control";
}

static void problem(walk *w, const node *n, int line, int col, const char *msg)
{
    if (w->problems++ >= 20)
        return;                 /* a file full of them: the first 20 tell */
    diag_add(w->d, DIAG_ERROR, n->file, line, col, w->path, "%s", msg);
}

static void check_string(walk *w, const node *n, const char *s, size_t len,
                         int is_key)
{
    char msg[300];
    unsigned code;
    long at = textcheck_control(s, len, &code);
    if (at >= 0) {
        snprintf(msg, sizeof msg, "%s holds the control character U+%04X (%s) at "
                 "character %ld; text may hold tabs and line breaks only",
                 is_key ? "a key" : "text", code, control_name(code), at + 1);
        problem(w, n, is_key ? n->key_line : n->line, is_key ? n->key_col : n->col, msg);
    }
    if (len > w->max_text) {
        size_t chars = textcheck_chars(s, len);
        if (chars > w->max_text) {
            snprintf(msg, sizeof msg, "text of %zu characters is longer than the "
                     "limit of %zu (raise it with %s)", chars, w->max_text,
                     limit_hint(LIM_TEXT));
            problem(w, n, n->line, n->col, msg);
            w->d->limit_hit = 1;
        }
    }
    w->total += len;
    if (w->total > w->max_total && !w->total_reported) {
        w->total_reported = 1;
        w->d->limit_hit = 1;
        snprintf(msg, sizeof msg, "the journey's text passes the total-text limit of "
                 "%g MB here (raise it with %s)", limit_get(LIM_TOTAL_TEXT),
                 limit_hint(LIM_TOTAL_TEXT));
        problem(w, n, n->line, n->col, msg);
    }
}

/* The path so far (PLEN bytes) with ".KEY" or "[I]" added; its length.
 * (By hand: this runs for every node, and printf was most of its time.) */
static size_t path_put(walk *w, size_t at, const char *s)
{
    while (*s && at + 1 < sizeof w->path)
        w->path[at++] = *s++;
    w->path[at] = '\0';
    return at;
}

static size_t path_key(walk *w, size_t plen, const char *key)
{
    return path_put(w, plen ? path_put(w, plen, ".") : 0, key ? key : "");
}

static size_t path_index(walk *w, size_t plen, int i)
{
    char digits[16], *p = digits + sizeof digits - 1;
    *p = '\0';
    *--p = ']';
    do
        *--p = (char)('0' + i % 10);
    while ((i /= 10) > 0);
    *--p = '[';
    return path_put(w, plen, p);
}

static void visit(walk *w, const node *n, size_t plen)
{
    if (n->kind == NODE_STR) {
        check_string(w, n, n->v.str.s, n->v.str.len, 0);
        return;
    }
    if (n->kind != NODE_SEQ && n->kind != NODE_MAP)
        return;
    int i = 0;
    for (const node *c = n->first; c; c = c->next, i++) {
        size_t nlen = n->kind == NODE_SEQ ? path_index(w, plen, i)
                                          : path_key(w, plen, c->key);
        if (n->kind == NODE_MAP && c->key)
            check_string(w, c, c->key, strlen(c->key), 1);
        visit(w, c, nlen);
        w->path[plen] = '\0';
    }
}

int textcheck_tree(const node *root, diag_list *d)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.d = d;
    w.max_text = (size_t)limit_count(LIM_TEXT);
    w.max_total = limit_bytes(LIM_TOTAL_TEXT);
    if (root)
        visit(&w, root, 0);
    if (w.problems > 20)
        diag_add(d, DIAG_NOTE, root->file, 0, 0, NULL, "%d more text problems not shown",
                 w.problems - 20);
    return w.problems;
}
