/*
 * diag.c — collecting and printing problems; see diag.h.
 */
#include "base/diag.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(diag_list *d)
{
    memset(d, 0, sizeof *d);
    arena_init(&d->mem);
}

void diag_free(diag_list *d)
{
    arena_free(&d->mem);
    memset(d, 0, sizeof *d);
}

void diag_add(diag_list *d, diag_severity sev, const char *file, int line,
              int col, const char *path, const char *fmt, ...)
{
    if (sev == DIAG_ERROR) {
        if (d->errors >= DIAG_MAX_ERRORS) {
            d->dropped++;
            return;
        }
        d->errors++;
    } else if (sev == DIAG_WARNING) {
        d->warnings++;
    }
    diag *e = arena_alloc(&d->mem, sizeof *e);
    e->severity = sev;
    e->file = arena_strdup(&d->mem, file);
    e->line = line;
    e->col = col;
    e->path = (path && *path) ? arena_strdup(&d->mem, path) : NULL;

    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = arena_alloc(&d->mem, (size_t)(n > 0 ? n : 0) + 1);
    vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap2);
    va_end(ap2);
    e->message = msg;

    if (d->last)
        d->last->next = e;
    else
        d->first = e;
    d->last = e;
}

void diag_set_extra(diag_list *d, const char *text)
{
    if (d->last && text)
        d->last->extra = arena_strdup(&d->mem, text);
}

void diag_add_source(diag_list *d, const char *file, const char *text,
                     size_t len)
{
    diag_source *s = arena_alloc(&d->mem, sizeof *s);
    s->file = arena_strdup(&d->mem, file);
    s->text = arena_strndup(&d->mem, text, len);
    s->len = len;
    s->next = d->sources;
    d->sources = s;
}

static const diag_source *find_source(const diag_list *d, const char *file)
{
    if (!file)
        return NULL;
    for (const diag_source *s = d->sources; s; s = s->next)
        if (strcmp(s->file, file) == 0)
            return s;
    return NULL;
}

size_t diag_write_safe(FILE *out, const char *s, size_t len, size_t max, int newlines)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t chars = 0, cols = 0, i = 0;
    for (; i < len && chars < max; i++) {
        unsigned c = p[i];
        int esc = (c < 0x20 && c != '\t' && !(newlines && c == '\n')) || c == 0x7F
                  || (c == 0xC2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F);
        if (esc) {
            unsigned v = c == 0xC2 ? p[++i] : c;
            fprintf(out, "\\x%02X", v);
            cols += 4;
            chars++;
            continue;
        }
        /* a whole UTF-8 sequence, or its bytes escaped one by one */
        size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        for (size_t k = 1; n && k < n; k++)
            if (i + k >= len || (p[i + k] & 0xC0) != 0x80)
                n = 0;
        if (!n) {
            fprintf(out, "\\x%02X", c);
            cols += 4;
            chars++;
            continue;
        }
        fwrite(p + i, 1, n, out);
        i += n - 1;
        chars++;
        cols++;
    }
    if (i < len) {
        size_t rest = 0;
        for (; i < len; i++)
            rest += (p[i] & 0xC0) != 0x80;
        if (rest)
            cols += (size_t)fprintf(out, "... (%zu more characters)", rest);
    }
    return cols;
}

static void put_text(FILE *out, const char *s, size_t max)
{
    diag_write_safe(out, s, strlen(s), max, 0);
}

/* Quote line LINE of SRC with a caret under column COL (in characters). */
static void print_excerpt(const diag_source *src, int line, int col, FILE *out)
{
    const char *p = src->text, *end = src->text + src->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    if (p >= end)
        return;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
        eol = end;
    if (eol > p && eol[-1] == '\r')
        eol--;
    if (eol - p > 200)
        return;             /* a minified line helps nobody */
    char num[16];
    int w = snprintf(num, sizeof num, "%d", line);
    if (w < 5)
        w = 5;
    fprintf(out, "%*d | ", w, line);
    diag_write_safe(out, p, (size_t)(eol - p), 200, 0);
    fprintf(out, "\n%*s | ", w, "");
    /* Pad with the line's own whitespace so tabs keep the caret aligned;
     * an escaped character takes the width of its escape. */
    int c = 1;
    for (const char *q = p; q < eol && c < col; q++) {
        unsigned char ch = (unsigned char)*q;
        if ((ch & 0xC0) == 0x80)
            continue;
        if (ch == '\t')
            fputc('\t', out);
        else
            fputs((ch < 0x20 || ch == 0x7F) ? "    " : " ", out);
        c++;
    }
    fputs("^\n", out);
}

void diag_print(const diag_list *d, FILE *out)
{
    static const char *const names[] = { "error", "warning", "note" };
    for (const diag *e = d->first; e; e = e->next) {
        if (e->file) {
            put_text(out, e->file, DIAG_MAX_NAME);
            if (e->line > 0)
                fprintf(out, ":%d", e->line);
            if (e->line > 0 && e->col > 0)
                fprintf(out, ":%d", e->col);
            fputs(": ", out);
        } else {
            fputs("cjm: ", out);
        }
        fprintf(out, "%s: ", names[e->severity]);
        if (e->path) {
            put_text(out, e->path, DIAG_MAX_NAME);
            fputs(": ", out);
        }
        put_text(out, e->message, DIAG_MAX_MESSAGE);
        fputc('\n', out);
        if (e->line > 0 && e->col > 0) {
            const diag_source *src = find_source(d, e->file);
            if (src)
                print_excerpt(src, e->line, e->col, out);
        }
        if (e->extra) {
            diag_write_safe(out, e->extra, strlen(e->extra), DIAG_MAX_EXTRA, 1);
            fputc('\n', out);
        }
    }
    if (d->dropped)
        fprintf(out, "cjm: note: %d more error%s not shown (stopped at %d)\n",
                d->dropped, d->dropped == 1 ? "" : "s", DIAG_MAX_ERRORS);
}

const char *diag_num(double v, char *buf)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, 32, "%.0f", v);
        return buf;
    }
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

int diag_exit_code(const diag_list *d)
{
    if (d->limit_hit || d->internal)
        return EXIT_LIMIT;
    return d->errors || d->dropped ? EXIT_INPUT : EXIT_OK;
}

void diag_offset_to_linecol(const char *text, size_t len, size_t offset,
                            int *line, int *col)
{
    int l = 1, c = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') {
            l++;
            c = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

int diag_distance(const char *a, const char *b, int cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    if ((int)(la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    int prev2[65], prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        int row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (prev[j - 1] + cost < v)
                v = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (row_min > cap)
            return cap + 1;
        memcpy(prev2, prev, sizeof prev);
        memcpy(prev, cur, sizeof cur);
    }
    return prev[lb] > cap ? cap + 1 : prev[lb];
}

const char *diag_suggest(const char *word, const char *const *names,
                         int count)
{
    int len = (int)strlen(word);
    int cap = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    const char *best = NULL;
    int best_d = cap + 1;
    for (int i = 0; i < count; i++) {
        int dist = diag_distance(word, names[i], cap);
        if (dist < best_d && dist < len) {
            best_d = dist;
            best = names[i];
        }
    }
    return best;
}

const char *diag_choices(arena *a, const char *word, const char *const *names,
                         int count)
{
    if (count <= 0)
        return "none known";
    const char *near = diag_suggest(word, names, count);
    int shown = count < DIAG_CHOICES_SHOWN ? count : DIAG_CHOICES_SHOWN;
    size_t len = 64 + (near ? strlen(near) : 0);
    for (int i = 0; i < shown; i++)
        len += strlen(names[i]) + 2;
    char *out = arena_alloc(a, len);
    size_t at = (size_t)snprintf(out, len, "known: ");
    for (int i = 0; i < shown; i++)
        at += (size_t)snprintf(out + at, len - at, "%s%s", i ? ", " : "", names[i]);
    if (shown < count)
        at += (size_t)snprintf(out + at, len - at, " and %d more", count - shown);
    if (near)
        snprintf(out + at, len - at, "; did you mean \"%s\"?", near);
    return out;
}
