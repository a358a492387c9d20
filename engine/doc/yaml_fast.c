/*
 * yaml_fast.c — see yaml_fast.h.
 *
 * A recursive descent over lines.  Block collections are read by the
 * columns of their lines; every block-level reader returns with the text
 * at the first character of the next line with content and that line's
 * indentation in f->indent (-1 at the end).  Every rule below that might
 * read a file otherwise than libyaml does declines instead: the rules are
 * libyaml's (scanner.c, parser.c) for this subset, and the events are
 * compared with libyaml's by fuzz_yaml and test_yaml.
 */
#include "doc/yaml_fast.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef YAML_FAST_DEBUG          /* where it declines, for debugging */
static const struct fy *debug_f;
static int declined_at(int src);
#define DECLINE declined_at(__LINE__)
#else
#define DECLINE (-1)
#endif
#define MAX_KEY 1000            /* libyaml forgets a simple key after 1024 characters */

typedef struct fy {
    const char *s;
    size_t len, pos;
    int line;                   /* of pos, from 1 */
    size_t line_start;          /* offset of that line */
    size_t col_pos;             /* col_chars characters lie between line_start and col_pos */
    int col_chars;
    int indent;                 /* see the top of the file */
    int ascii;                  /* the text is all ASCII: a column is a count of bytes */
    int depth;
    void (*emit)(void *ctx, const yaml_event_t *event);
    void *ctx;
} fy;

#ifdef YAML_FAST_DEBUG
static int declined_at(int src)
{
    if (debug_f)
        fprintf(stderr, "yaml_fast: declined at text line %d (byte %zu), yaml_fast.c:%d\n",
                debug_f->line, debug_f->pos, src);
    return -1;
}
#endif

/* The byte I after the current one; 0 past the end (the text has no NUL). */
static int at(const fy *f, size_t i)
{
    return f->pos + i < f->len ? (unsigned char)f->s[f->pos + i] : 0;
}

/* Whether the text goes on with the three bytes of S. */
static int starts(const fy *f, const char *s)
{
    return f->pos + 3 <= f->len && memcmp(f->s + f->pos, s, 3) == 0;
}

static int blank_or_end(int c)
{
    return c == ' ' || c == '\n' || c == 0;
}

/* ---- the text as a whole --------------------------------------------------- */

/* The length of the UTF-8 character at P (of N bytes) that libyaml reads
 * as printable and not a line break; 0 for any other. */
static size_t printable_utf8(const unsigned char *p, size_t n)
{
    unsigned cp;
    size_t k;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        cp = p[0] & 0x1Fu, k = 2;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF)
        cp = p[0] & 0x0Fu, k = 3;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4)
        cp = p[0] & 0x07u, k = 4;
    else
        return 0;
    if (k > n)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    static const unsigned least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (cp < least[k] || cp > 0x10FFFF || cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF)
        || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return k;
}

/* Whether every byte is one the subset reads: printable ASCII, '\n' and
 * printable UTF-8 (no tab, no '\r', no other control character, no
 * byte-order mark, no line break but '\n'). */
static int text_ok(const char *text, size_t len, int *ascii)
{
    *ascii = 1;
    const unsigned char *s = (const unsigned char *)text;
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (size_t i = 0; i < len;) {
        uint64_t w;
        if (i + 8 <= len) {         /* eight printable ASCII bytes at once */
            memcpy(&w, s + i, 8);
            uint64_t del = w ^ (ones * 0x7F);
            if (!(((w - ones * 0x20) | w | ((del - ones) & ~del)) & highs)) {
                i += 8;
                continue;
            }
        }
        if (s[i] >= 0x20 && s[i] < 0x7F) {
            i++;
        } else if (s[i] == '\n') {
            i++;
        } else {
            size_t k = s[i] >= 0x80 ? printable_utf8(s + i, len - i) : 0;
            if (!k)
                return 0;
            *ascii = 0;
            i += k;
        }
    }
    return 1;
}

/* ---- events ------------------------------------------------------------------ */

/* The column (from 1, in characters, as libyaml counts) of offset P on
 * the current line; offsets are asked for in order along a line. */
static int column(fy *f, size_t p)
{
    if (f->ascii)
        return (int)(p - f->line_start) + 1;
    if (f->col_pos < f->line_start || f->col_pos > p) {
        f->col_pos = f->line_start;
        f->col_chars = 0;
    }
    for (; f->col_pos < p; f->col_pos++)
        f->col_chars += ((unsigned char)f->s[f->col_pos] & 0xC0) != 0x80;
    return f->col_chars + 1;
}

static void emit_at(fy *f, yaml_event_type_t type, size_t p, const char *value, size_t n,
                    yaml_scalar_style_t style)
{
    if (!f->emit)
        return;
    yaml_event_t e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.start_mark.index = p;
    e.start_mark.line = (size_t)f->line - 1;
    e.start_mark.column = (size_t)column(f, p) - 1;
    e.end_mark = e.start_mark;
    if (type == YAML_SCALAR_EVENT) {
        e.data.scalar.value = (yaml_char_t *)(uintptr_t)value;
        e.data.scalar.length = n;
        e.data.scalar.style = style;
        e.data.scalar.plain_implicit = style == YAML_PLAIN_SCALAR_STYLE;
        e.data.scalar.quoted_implicit = style != YAML_PLAIN_SCALAR_STYLE;
    } else if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT) {
        e.data.mapping_start.implicit = 1;      /* (the same place in both) */
    }
    f->emit(f->ctx, &e);
}

static void emit_event(fy *f, yaml_event_type_t type)
{
    emit_at(f, type, f->pos, NULL, 0, YAML_ANY_SCALAR_STYLE);
}

/* ---- lines ------------------------------------------------------------------- */

static void skip_spaces(fy *f)
{
    while (at(f, 0) == ' ')
        f->pos++;
}

/* From the start of a line: on to the first line with content (not blank,
 * not only a comment); f->indent is its indentation, or -1 at the end.
 * Declines at a document marker or directive in the first column. */
static int next_content(fy *f)
{
    for (;;) {
        skip_spaces(f);
        int c = at(f, 0);
        if (c == 0) {
            f->indent = -1;
            return 0;
        }
        if (c == '#') {
            const char *nl = memchr(f->s + f->pos, '\n', f->len - f->pos);
            f->pos = nl ? (size_t)(nl - f->s) : f->len;
            c = at(f, 0);
        }
        if (c == '\n') {
            f->pos++;
            f->line++;
            f->line_start = f->pos;
            continue;
        }
        if (c == 0)
            continue;
        f->indent = (int)(f->pos - f->line_start);
        if (f->indent == 0 && (starts(f, "---") || starts(f, "...")))
            return DECLINE;
        return 0;
    }
}

/* After a value: nothing but blanks and a comment to the end of the line,
 * then on to the next line with content. */
static int end_line(fy *f)
{
    skip_spaces(f);
    if (at(f, 0) == '#' && f->pos > f->line_start && f->s[f->pos - 1] == ' ') {
        const char *nl = memchr(f->s + f->pos, '\n', f->len - f->pos);
        f->pos = nl ? (size_t)(nl - f->s) : f->len;
    }
    if (at(f, 0) != '\n' && at(f, 0) != 0)
        return DECLINE;
    return next_content(f);
}

/* ---- scalars ----------------------------------------------------------------- */

typedef struct scalar {
    size_t start, vstart, vlen;     /* where it starts; its value */
    size_t end;                     /* the text after it */
    yaml_scalar_style_t style;
} scalar;

static int quoted(fy *f, scalar *sc)
{
    char q = (char)at(f, 0);
    const char *p = f->s + f->pos + 1, *end = f->s + f->len;
    while (p < end && *p != q && *p != '\n' && !(q == '"' && *p == '\\'))
        p++;
    if (p == end || *p != q || (q == '\'' && p + 1 < end && p[1] == '\''))
        return DECLINE;             /* multi-line, escaped or unclosed */
    sc->vstart = f->pos + 1;
    sc->vlen = (size_t)(p - f->s) - sc->vstart;
    sc->style = q == '"' ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE;
    f->pos = sc->end = (size_t)(p - f->s) + 1;
    return 0;
}

/* A plain scalar: to the end of the line, a ": ", a " #" or (in a flow
 * collection) a ',', ']' or '}'; trailing blanks are not part of it. */
/* The bytes a plain scalar may stop or decline at: 1 in a block
 * collection, 2 in a flow collection, 3 in both. */
static const unsigned char plain_stop[256] = {
    ['\n'] = 3, [' '] = 3, [':'] = 3, [','] = 2, [']'] = 2, ['}'] = 2, ['['] = 2,
    ['{'] = 2,
};

/* Whether a plain scalar ends at Q, a byte plain_stop marks: 1, 0 (it
 * goes on), or DECLINE. */
static int plain_ends(const fy *f, size_t q, int flow)
{
    char c = f->s[q];
    char next = q + 1 < f->len ? f->s[q + 1] : '\0';
    if (c == '\n' || (c == ' ' && next == '#'))
        return 1;
    if (c == ':' && blank_or_end((unsigned char)next))
        return 1;
    if (flow && (c == ',' || c == ']' || c == '}'))
        return 1;
    return flow && (c == '[' || c == '{' || c == ':') ? DECLINE : 0;
}

static int plain(fy *f, scalar *sc, int flow)
{
    size_t q = f->pos;
    unsigned char mask = flow ? 2 : 1;
    for (int ends = 0; q < f->len; q++) {
        while (q < f->len && !(plain_stop[(unsigned char)f->s[q]] & mask))
            q++;
        if (q == f->len || (ends = plain_ends(f, q, flow)) == 1)
            break;
        if (ends < 0)
            return DECLINE;
    }
    size_t end = q;
    while (end > f->pos && f->s[end - 1] == ' ')
        end--;
    sc->vstart = f->pos;
    sc->vlen = end - f->pos;
    sc->style = YAML_PLAIN_SCALAR_STYLE;
    f->pos = sc->end = q;
    return 0;
}

/* The bytes a plain scalar does not start with (2: nor "-" and them). */
static const unsigned char not_plain_start[256] = {
    ['?'] = 1, [':'] = 2, [','] = 2, ['['] = 2, [']'] = 2, ['{'] = 2, ['}'] = 2, ['#'] = 2,
    ['&'] = 1, ['*'] = 1, ['!'] = 1, ['|'] = 1, ['>'] = 1, ['%'] = 1, ['@'] = 1, ['`'] = 1,
    ['\''] = 1, ['"'] = 1, [' '] = 1, ['\n'] = 1,
};

/* The scalar at the text; declines at anything else (indicators, anchors,
 * tags, block scalars, aliases, a "- " or "? " or ": "). */
static int scalar_at(fy *f, scalar *sc, int flow)
{
    int c = at(f, 0);
    sc->start = f->pos;
    if (c == '\'' || c == '"')
        return quoted(f, sc);
    if (c == 0 || not_plain_start[c])
        return DECLINE;
    if (c == '-' && (blank_or_end(at(f, 1)) || not_plain_start[at(f, 1)] == 2))
        return DECLINE;
    return plain(f, sc, flow);
}

static void emit_scalar(fy *f, const scalar *sc)
{
    emit_at(f, YAML_SCALAR_EVENT, sc->start, f->s + sc->vstart, sc->vlen, sc->style);
}

/* Whether the text is a block mapping's key: a scalar, blanks, ':' and a
 * blank or the end of the line.  1 or 0 (the text is where it was), or
 * DECLINE; the key into *KEY unless KEY is NULL. */
static int key_line(fy *f, scalar *key)
{
    size_t start = f->pos;
    scalar spare, *sc = key ? key : &spare;
    int c = at(f, 0), rc = 0;
    if (c == '[' || c == '{')
        return 0;               /* a flow collection: a value (or a key libyaml reads) */
    if (scalar_at(f, sc, 0) < 0)
        return DECLINE;
    skip_spaces(f);
    if (at(f, 0) == ':' && blank_or_end(at(f, 1)))
        rc = f->pos - start < MAX_KEY ? 1 : DECLINE;
    f->pos = start;
    return rc;
}

/* ---- flow collections (on one line) ----------------------------------------- */

static int flow_node(fy *f);

static int enter(fy *f)
{
    return ++f->depth > YAML_FAST_MAX_DEPTH ? DECLINE : 0;
}

/* After an entry: ',' and another, or the closing CLOSE; 1 at the end. */
static int flow_next(fy *f, char close)
{
    skip_spaces(f);
    if (at(f, 0) == close) {
        f->pos++;
        return 1;
    }
    if (at(f, 0) != ',')
        return DECLINE;
    f->pos++;
    skip_spaces(f);
    return at(f, 0) == close ? DECLINE : 0;     /* (a trailing comma) */
}

static int flow_pair(fy *f)
{
    scalar key;
    size_t start = f->pos;
    if (at(f, 0) == '[' || at(f, 0) == '{' || scalar_at(f, &key, 1) < 0)
        return DECLINE;
    skip_spaces(f);
    if (at(f, 0) != ':' || at(f, 1) != ' ' || f->pos - start >= MAX_KEY)
        return DECLINE;
    emit_scalar(f, &key);
    f->pos++;
    skip_spaces(f);
    if (at(f, 0) == ',' || at(f, 0) == '}')
        return DECLINE;         /* an empty value */
    return flow_node(f);
}

/* A flow list ("[a, b]") or, with MAP, a flow map ("{k: v}"). */
static int flow_collection(fy *f, int map)
{
    char close = map ? '}' : ']';
    if (enter(f) < 0)
        return DECLINE;
    emit_event(f, map ? YAML_MAPPING_START_EVENT : YAML_SEQUENCE_START_EVENT);
    f->pos++;
    skip_spaces(f);
    int rc = 0;
    if (at(f, 0) == close)
        f->pos++;
    else
        while ((rc = map ? flow_pair(f) : flow_node(f)) == 0
               && (rc = flow_next(f, close)) == 0)
            continue;
    if (rc < 0)
        return DECLINE;
    emit_event(f, map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT);
    f->depth--;
    return 0;
}

static int flow_node(fy *f)
{
    if (at(f, 0) == '[' || at(f, 0) == '{')
        return flow_collection(f, at(f, 0) == '{');
    scalar sc;
    if (scalar_at(f, &sc, 1) < 0)
        return DECLINE;
    emit_scalar(f, &sc);
    return 0;
}

/* ---- block collections --------------------------------------------------------- */

static int block_node(fy *f, int col, int parent);

/* A scalar or flow collection that ends its line, in a block collection
 * indented PARENT: a deeper line after it would continue it (or be an
 * error), so it declines there. */
static int inline_value(fy *f, int parent)
{
    int rc;
    if (at(f, 0) == '[' || at(f, 0) == '{') {
        rc = flow_node(f);
    } else {
        scalar sc;
        rc = scalar_at(f, &sc, 0);
        if (rc == 0)
            emit_scalar(f, &sc);
    }
    if (rc < 0 || end_line(f) < 0)
        return DECLINE;
    return f->indent > parent ? DECLINE : 0;
}

static int entry_start(const fy *f)
{
    return at(f, 0) == '-' && blank_or_end(at(f, 1));
}

/* What follows a "key:" or "- " at the end of its line, in a block
 * collection at column COL: a deeper block node, or (after a key) a
 * sequence at the same column. */
static int value_below(fy *f, int col, int may_be_indentless);

static int block_seq(fy *f, int col)
{
    if (enter(f) < 0)
        return DECLINE;
    emit_event(f, YAML_SEQUENCE_START_EVENT);
    do {
        f->pos++;               /* the '-' */
        skip_spaces(f);
        int rc, c = at(f, 0);
        if (c == '\n' || c == 0 || c == '#') {
            rc = value_below(f, col, 0);
        } else {
            int k = entry_start(f) ? DECLINE : key_line(f, NULL);
            int c2 = (int)(f->pos - f->line_start);
            rc = k < 0 ? DECLINE : k ? block_node(f, c2, col) : inline_value(f, col);
        }
        if (rc < 0)
            return DECLINE;
        if (f->indent > col)
            return DECLINE;
    } while (f->indent == col && entry_start(f));
    emit_event(f, YAML_SEQUENCE_END_EVENT);
    f->depth--;
    return 0;
}

static int block_map(fy *f, int col)
{
    if (enter(f) < 0)
        return DECLINE;
    emit_event(f, YAML_MAPPING_START_EVENT);
    do {
        scalar key;
        if (key_line(f, &key) != 1)
            return DECLINE;
        emit_scalar(f, &key);
        f->pos = key.end;
        skip_spaces(f);
        f->pos++;               /* the ':' */
        skip_spaces(f);
        int rc, c = at(f, 0);
        if (c == '\n' || c == 0 || c == '#')
            rc = value_below(f, col, 1);
        else if (entry_start(f) || key_line(f, NULL) != 0)
            rc = DECLINE;       /* "a: - b", "a: b: c" */
        else
            rc = inline_value(f, col);
        if (rc < 0 || f->indent > col)
            return DECLINE;
    } while (f->indent == col);
    emit_event(f, YAML_MAPPING_END_EVENT);
    f->depth--;
    return 0;
}

static int value_below(fy *f, int col, int may_be_indentless)
{
    if (end_line(f) < 0)
        return DECLINE;
    if (f->indent > col)
        return block_node(f, f->indent, col);
    if (may_be_indentless && f->indent == col && entry_start(f))
        return block_seq(f, col);
    return DECLINE;             /* an empty value */
}

/* The block node at column COL (its line's first content, or after "- "),
 * in a block collection indented PARENT. */
static int block_node(fy *f, int col, int parent)
{
    if (entry_start(f))
        return block_seq(f, col);
    int k = key_line(f, NULL);
    if (k < 0)
        return DECLINE;
    return k ? block_map(f, col) : inline_value(f, parent);
}

/* ---- the document ----------------------------------------------------------------- */

static int document(fy *f)
{
    if (next_content(f) < 0) {
        if (!starts(f, "---") || !blank_or_end(at(f, 3)))
            return DECLINE;
        f->pos += 3;            /* an explicit start: "---" on its own line */
        if (end_line(f) < 0)
            return DECLINE;
    }
    if (f->indent != 0)
        return DECLINE;         /* empty, or all indented */
    if (!entry_start(f) && key_line(f, NULL) != 1)
        return DECLINE;         /* not a collection */
    emit_event(f, YAML_STREAM_START_EVENT);
    emit_event(f, YAML_DOCUMENT_START_EVENT);
    if (block_node(f, 0, -1) < 0 || f->indent != -1)
        return DECLINE;
    emit_event(f, YAML_DOCUMENT_END_EVENT);
    emit_event(f, YAML_STREAM_END_EVENT);
    return 0;
}

int yaml_fast_read(const char *text, size_t len,
                   void (*emit)(void *ctx, const yaml_event_t *event), void *ctx)
{
    int ascii;
    if (!text_ok(text, len, &ascii))
        return DECLINE;
    fy f = { .s = text, .len = len, .line = 1 };
#ifdef YAML_FAST_DEBUG
    debug_f = &f;
#endif
    if (document(&f) < 0)
        return DECLINE;
    if (!emit)
        return 0;
    fy g = { .s = text, .len = len, .line = 1, .ascii = ascii, .emit = emit, .ctx = ctx };
    return document(&g);
}

/* ---- the check against libyaml ------------------------------------------------- */

/* The events as text: kind, start line and column (of the events whose
 * marks the loader reads), style and value. */
typedef struct dump { char *s; size_t len, cap; } dump;

static void put(dump *d, const char *p, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        d->cap = 2 * (d->len + n + 1);
        d->s = realloc(d->s, d->cap);
        if (!d->s)
            abort();
    }
    memcpy(d->s + d->len, p, n);
    d->len += n;
}

static void dump_event(void *ctx, const yaml_event_t *e)
{
    dump *d = ctx;
    char head[96];
    int start = e->type == YAML_SCALAR_EVENT || e->type == YAML_MAPPING_START_EVENT
                || e->type == YAML_SEQUENCE_START_EVENT;
    int n = snprintf(head, sizeof head, "%d %zu:%zu", (int)e->type,
                     start ? e->start_mark.line : 0, start ? e->start_mark.column : 0);
    put(d, head, (size_t)n);
    if (e->type == YAML_SCALAR_EVENT) {
        n = snprintf(head, sizeof head, " s%d %zu [", (int)e->data.scalar.style,
                     e->data.scalar.length);
        put(d, head, (size_t)n);
        put(d, (const char *)e->data.scalar.value, e->data.scalar.length);
        put(d, "]", 1);
    }
    put(d, "\n", 1);
}

int yaml_fast_agrees(const char *text, size_t len)
{
    dump fast = { 0 }, lib = { 0 };
    if (yaml_fast_read(text, len, dump_event, &fast) != 0)
        return 1;
    yaml_parser_t p;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    int ok = 1;
    for (int done = 0; !done && ok;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p, &e)) {
            ok = 0;
            break;
        }
        done = e.type == YAML_STREAM_END_EVENT;
        dump_event(&lib, &e);
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&p);
    ok = ok && fast.len == lib.len && memcmp(fast.s, lib.s, fast.len) == 0;
    free(fast.s);
    free(lib.s);
    return ok;
}
