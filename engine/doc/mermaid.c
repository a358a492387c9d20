/*
 * mermaid.c — Mermaid journey diagrams read as journey documents; see
 * mermaid.h.  Line by line: each line is a keyword (title, accTitle,
 * accDescr, section) or a task; a diagram's lines in Markdown are those
 * of its fence, numbered as in the file.
 */
#define _POSIX_C_SOURCE 200809L
#include "doc/mermaid.h"

#include <ctype.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/idmap.h"
#include "doc/textcheck.h"

/* One line of a diagram: its text without surrounding blanks. */
typedef struct line {
    const char *s;
    size_t len;
    int no, col;            /* where it is in the file (1-based) */
} line;

/* What a diagram has read so far. */
typedef struct reader {
    arena *a;
    diag_list *d;
    const char *file;
    node *root, *personas, *phases;
    node *phase, *steps;        /* the section being read */
    int phase_line;
    idmap actor_of;             /* actor name -> index */
    idmap ids;                  /* ids given so far (personas, phases) */
    const char **actor_ids;
    int actors, actor_cap;
    double *score_sum;          /* per actor, in the section */
    int *scored, *named;        /* per actor: scored tasks, tasks */
    const char *title;
    int title_line;
    int errors;
} reader;

static void error_at(reader *r, int no, int col, const char *fmt, const char *arg)
{
    diag_add(r->d, DIAG_ERROR, r->file, no, col, NULL, fmt, arg);
    r->errors++;
}

/* TEXT (LEN bytes) with each <br>, <br/> or <br /> a line break. */
static char *unbreak(arena *a, const char *text, size_t len)
{
    char *out = arena_alloc(a, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        static const char *const tags[] = { "<br>", "<br/>", "<br />" };
        size_t taken = 0;
        for (int t = 0; t < 3 && !taken; t++) {
            size_t k = strlen(tags[t]);
            if (i + k <= len && strncasecmp(text + i, tags[t], k) == 0)
                taken = k;
        }
        if (taken) {
            out[n++] = '\n';
            i += taken;
        } else {
            out[n++] = text[i++];
        }
    }
    out[n] = '\0';
    return out;
}

static node *text_at(reader *r, const char *s, size_t len, int no, int col)
{
    char *t = unbreak(r->a, s, len);
    node *n = node_new_str(r->a, t, strlen(t));
    n->file = r->file;
    n->line = no;
    n->col = col;
    return n;
}

static void put(reader *r, node *map, const char *key, node *value)
{
    node_map_put(r->a, map, key, value);
    value->key_line = value->line;
    value->key_col = value->col;
}

/* An id from NAME: lower-case letters and digits, other runs as '_'; made
 * unique with _2, _3 ...; PREFIX_N when nothing of NAME is left. */
static const char *make_id(reader *r, const char *name, const char *prefix, int n)
{
    char base[48];
    size_t k = 0;
    for (const char *p = name; *p && k + 1 < sizeof base; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) && c < 128)
            base[k++] = (char)tolower(c);
        else if (k && base[k - 1] != '_')
            base[k++] = '_';
    }
    while (k && base[k - 1] == '_')
        k--;
    base[k] = '\0';
    const char *id = !k ? arena_printf(r->a, "%s_%d", prefix, n)
                   : isdigit((unsigned char)base[0]) ? arena_printf(r->a, "%s_%s", prefix, base)
                   : arena_strdup(r->a, base);
    const char *stem = id;
    for (int i = 2; idmap_find(&r->ids, id) >= 0; i++)
        id = arena_printf(r->a, "%s_%d", stem, i);
    idmap_add_grow(&r->ids, r->a, id, 0);
    return id;
}

/* The index of actor NAME (a new persona on first sight). */
static int actor(reader *r, const char *name, int no, int col)
{
    int k = idmap_find(&r->actor_of, name);
    if (k >= 0)
        return k;
    if (r->actors == r->actor_cap) {
        int cap = r->actor_cap ? 2 * r->actor_cap : 16;
        const char **ids = arena_alloc(r->a, sizeof *ids * (size_t)cap);
        double *sum = arena_alloc(r->a, sizeof *sum * (size_t)cap);
        int *scored = arena_alloc(r->a, sizeof *scored * (size_t)cap);
        int *named = arena_alloc(r->a, sizeof *named * (size_t)cap);
        if (r->actors) {
            memcpy(ids, r->actor_ids, sizeof *ids * (size_t)r->actors);
            memcpy(sum, r->score_sum, sizeof *sum * (size_t)r->actors);
            memcpy(scored, r->scored, sizeof *scored * (size_t)r->actors);
            memcpy(named, r->named, sizeof *named * (size_t)r->actors);
        }
        r->actor_ids = ids;
        r->score_sum = sum;
        r->scored = scored;
        r->named = named;
        r->actor_cap = cap;
    }
    k = r->actors++;
    const char *stored = arena_strdup(r->a, name);
    idmap_add_grow(&r->actor_of, r->a, stored, k);
    r->actor_ids[k] = make_id(r, stored, "persona", k + 1);
    if (!r->personas) {
        r->personas = node_new(r->a, NODE_SEQ, r->file, no, col);
        put(r, r->root, "personas", r->personas);
    }
    node *p = node_new(r->a, NODE_MAP, r->file, no, col);
    put(r, p, "id", text_at(r, r->actor_ids[k], strlen(r->actor_ids[k]), no, col));
    put(r, p, "name", text_at(r, stored, strlen(stored), no, col));
    node_append(r->personas, p);
    return k;
}

/* The section being read gets its involvement and emotions. */
static void close_section(reader *r)
{
    if (!r->phase)
        return;
    node *inv = NULL, *emo = NULL;
    for (int k = 0; k < r->actors; k++) {
        if (r->named[k]) {
            if (!inv)
                inv = node_new(r->a, NODE_MAP, r->file, r->phase_line, 1);
            put(r, inv, r->actor_ids[k], text_at(r, "participant", 11, r->phase_line, 1));
        }
        if (r->scored[k]) {
            if (!emo)
                emo = node_new(r->a, NODE_MAP, r->file, r->phase_line, 1);
            node *v = node_new_float(r->a, r->score_sum[k] / r->scored[k] - 3);
            v->file = r->file;
            v->line = r->phase_line;
            v->col = 1;
            put(r, emo, r->actor_ids[k], v);
        }
        r->named[k] = r->scored[k] = 0;
        r->score_sum[k] = 0;
    }
    if (inv)
        put(r, r->phase, "involvement", inv);
    if (emo)
        put(r, r->phase, "emotions", emo);
    r->phase = NULL;
}

static void open_section(reader *r, const char *name, size_t len, int no, int col)
{
    close_section(r);
    if (!r->phases) {
        r->phases = node_new(r->a, NODE_SEQ, r->file, no, col);
        put(r, r->root, "phases", r->phases);
    }
    node *name_node = text_at(r, name, len, no, col);
    int n = r->phases->count + 1;
    const char *id = make_id(r, name_node->v.str.s, "phase", n);
    r->phase = node_new(r->a, NODE_MAP, r->file, no, col);
    r->phase_line = no;
    put(r, r->phase, "id", text_at(r, id, strlen(id), no, col));
    put(r, r->phase, "name", name_node);
    r->steps = NULL;
    node_append(r->phases, r->phase);
}

static size_t trimmed(const char **s, size_t len)
{
    while (len && isspace((unsigned char)**s))
        (*s)++, len--;
    while (len && isspace((unsigned char)(*s)[len - 1]))
        len--;
    return len;
}

/* A task's score: 1..5 written as a whole number; 0 when S is empty; -1
 * after an error. */
static int read_score(reader *r, const char *s, size_t len, int no, int col)
{
    const char *from = s;
    len = trimmed(&s, len);
    col += (int)(s - from);
    if (!len)
        return 0;
    if (len == 1 && s[0] >= '1' && s[0] <= '5')
        return s[0] - '0';
    char shown[32];
    snprintf(shown, sizeof shown, "%.*s", (int)(len < 20 ? len : 20), s);
    error_at(r, no, col, "a task's score is a whole number from 1 to 5 (got \"%s\")", shown);
    return -1;
}

/* The actors of a task (comma-separated) on STEP, counted for the section. */
static void read_actors(reader *r, node *step, const char *s, size_t len, int score, int no,
                        int col)
{
    node *who = NULL;
    for (size_t i = 0; i <= len;) {
        size_t end = i;
        while (end < len && s[end] != ',')
            end++;
        const char *name = s + i;
        size_t n = trimmed(&name, end - i);
        if (n) {
            char *z = arena_strndup(r->a, name, n);
            int k = actor(r, z, no, col + (int)(name - s));
            if (!who)
                who = node_new(r->a, NODE_SEQ, r->file, no, col);
            node_append(who, text_at(r, r->actor_ids[k], strlen(r->actor_ids[k]), no,
                                     col + (int)(name - s)));
            r->named[k]++;
            if (score > 0) {
                r->score_sum[k] += score;
                r->scored[k]++;
            }
        }
        i = end + 1;
    }
    if (who)
        put(r, step, "personas", who);
}

/* "Task: score: actors", with the score or the actors left out. */
static void read_task(reader *r, const line *l)
{
    const char *c1 = memchr(l->s, ':', l->len);
    if (!c1) {
        error_at(r, l->no, l->col, "expected title, section, accTitle:, accDescr or a task "
                 "(name: score: actors), found \"%s\"",
                 arena_strndup(r->a, l->s, l->len < 40 ? l->len : 40));
        return;
    }
    const char *name = l->s;
    size_t nlen = trimmed(&name, (size_t)(c1 - l->s));
    if (!nlen) {
        error_at(r, l->no, l->col, "a task needs a name before its ':'%s", "");
        return;
    }
    const char *rest = c1 + 1, *end = l->s + l->len;
    const char *c2 = memchr(rest, ':', (size_t)(end - rest));
    const char *score_s = rest, *actors_s = c2 ? c2 + 1 : NULL;
    size_t score_len = (size_t)((c2 ? c2 : end) - rest);
    if (!c2) {
        /* one field after the name: a score when it is a number, else actors */
        const char *t = rest;
        size_t tl = trimmed(&t, score_len);
        if (tl && !isdigit((unsigned char)t[0]) && t[0] != '-' && t[0] != '+') {
            actors_s = rest;
            score_len = 0;
        }
    } else if (memchr(actors_s, ':', (size_t)(end - actors_s))) {
        error_at(r, l->no, l->col, "a task is name: score: actors; this one has more "
                 "colons%s", "");
        return;
    }
    int col = l->col + (int)(score_s - l->s);
    int score = read_score(r, score_s, score_len, l->no, col);
    if (score < 0)
        return;
    if (!r->phase)
        open_section(r, r->title ? r->title : "Journey",
                     strlen(r->title ? r->title : "Journey"), l->no, l->col);
    if (!r->steps) {
        r->steps = node_new(r->a, NODE_SEQ, r->file, l->no, l->col);
        put(r, r->phase, "steps", r->steps);
    }
    node *step = node_new(r->a, NODE_MAP, r->file, l->no, l->col);
    put(r, step, "text", text_at(r, name, nlen, l->no, l->col + (int)(name - l->s)));
    if (score) {
        node *v = node_new_int(r->a, score);
        v->file = r->file;
        v->line = l->no;
        v->col = col;
        put(r, step, "score", v);
    }
    if (actors_s)
        read_actors(r, step, actors_s, (size_t)(end - actors_s), score, l->no,
                    l->col + (int)(actors_s - l->s));
    node_append(r->steps, step);
}

/* Whether L starts with keyword KW followed by a blank, ':', '{' or its
 * end; *REST is what follows, blanks skipped. */
static int keyword(const line *l, const char *kw, const char **rest, size_t *rest_len)
{
    size_t k = strlen(kw);
    if (l->len < k || strncmp(l->s, kw, k) != 0)
        return 0;
    if (l->len > k && !isspace((unsigned char)l->s[k]) && l->s[k] != ':' && l->s[k] != '{')
        return 0;
    *rest = l->s + k;
    *rest_len = trimmed(rest, l->len - k);
    return 1;
}

/* The lines of a diagram from TEXT (LEN bytes), the first numbered FIRST. */
static line *split_lines(arena *a, const char *text, size_t len, int first, int *count)
{
    int n = 1;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    line *out = arena_alloc(a, sizeof *out * (size_t)n);
    int k = 0;
    for (size_t i = 0; i <= len && k < n;) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        const char *s = text + i;
        size_t l = end - i;
        const char *t = s;
        l = trimmed(&t, l);
        if (l && t[l - 1] == ';')
            l--;
        out[k] = (line){ t, l, first + k, (int)(t - s) + 1 };
        k++;
        i = end + 1;
    }
    *count = k;
    return out;
}

/* accDescr { ... } from line *I on: the text up to the closing brace. */
static void read_block(reader *r, const line *lines, int count, int *i, const char *after,
                       size_t after_len)
{
    int start = *i;
    char *text = arena_strndup(r->a, after, after_len);
    size_t len = strlen(text);
    const char *close = memchr(text, '}', len);
    while (!close && *i + 1 < count) {
        const line *l = &lines[++*i];
        text = arena_printf(r->a, "%s%s%.*s", text, len ? "\n" : "", (int)l->len, l->s);
        len = strlen(text);
        close = memchr(text, '}', len);
    }
    if (!close) {
        error_at(r, lines[start].no, lines[start].col, "accDescr { is not closed by a '}'%s",
                 "");
        return;
    }
    const char *t = text;
    size_t n = trimmed(&t, (size_t)(close - text));
    put(r, r->root, "description", text_at(r, t, n, lines[start].no, lines[start].col));
}

/* One line of a diagram after its `journey` line. */
static void read_line(reader *r, const line *lines, int count, int *i)
{
    const line *l = &lines[*i];
    const char *rest;
    size_t n;
    int col = l->col;
    if (keyword(l, "title", &rest, &n) && !n) {
        return;                 /* "title" alone: no title */
    } else if (keyword(l, "title", &rest, &n)) {
        node *t = text_at(r, rest, n, l->no, col + (int)(rest - l->s));
        node *had = node_map_get(r->root, "title");     /* from accTitle */
        if (had)
            node_remove(r->root, had);
        put(r, r->root, "title", t);
        r->title = t->v.str.s;
        r->title_line = l->no;
    } else if (keyword(l, "accTitle", &rest, &n) && n && rest[0] == ':') {
        rest++;
        n = trimmed(&rest, n - 1);
        if (!r->title && n) {
            node *t = text_at(r, rest, n, l->no, col + (int)(rest - l->s));
            put(r, r->root, "title", t);
            r->title = t->v.str.s;
        }
    } else if (keyword(l, "accDescr", &rest, &n) && n && rest[0] == ':') {
        rest++;
        n = trimmed(&rest, n - 1);
        put(r, r->root, "description", text_at(r, rest, n, l->no, col + (int)(rest - l->s)));
    } else if (keyword(l, "accDescr", &rest, &n) && n && rest[0] == '{') {
        read_block(r, lines, count, i, rest + 1, n - 1);
    } else if (keyword(l, "section", &rest, &n)) {
        if (!n)
            error_at(r, l->no, col, "a section needs a name%s", "");
        else
            open_section(r, rest, n, l->no, col + (int)(rest - l->s));
    } else {
        read_task(r, l);
    }
}

/* A %% comment or %%{init}%% directive (lines are not NUL-terminated). */
static int is_comment(const line *l)
{
    return l->len >= 2 && l->s[0] == '%' && l->s[1] == '%';
}

/* The diagram in TEXT; NULL when it is not a journey (QUIET: say nothing
 * then, as for other kinds of diagram in Markdown) or after errors. */
static node *read_diagram(arena *a, const char *file, const char *text, size_t len,
                          int first_line, const char *stem, int quiet, diag_list *d)
{
    int count;
    line *lines = split_lines(a, text, len, first_line, &count);
    reader r = { .a = a, .d = d, .file = file };
    int i = 0;
    while (i < count && (!lines[i].len || is_comment(&lines[i])))
        i++;
    const char *rest;
    size_t n;
    if (i == count || !keyword(&lines[i], "journey", &rest, &n) || n) {
        if (!quiet)
            error_at(&r, i < count ? lines[i].no : first_line, i < count ? lines[i].col : 1,
                     "not a Mermaid journey diagram: expected its first line to be "
                     "'journey'%s", "");
        return NULL;
    }
    r.root = node_new(a, NODE_MAP, file, lines[i].no, lines[i].col);
    idmap_init(&r.ids, a, 16);
    idmap_init(&r.actor_of, a, 16);
    for (i++; i < count; i++)
        if (lines[i].len && !is_comment(&lines[i]))
            read_line(&r, lines, count, &i);
    close_section(&r);
    if (!r.phases && !r.errors)
        error_at(&r, first_line, 1, "the journey diagram has no sections or tasks%s", "");
    if (r.errors)
        return NULL;
    const char *title = r.title ? r.title : stem;
    node *id = text_at(&r, "", 0, r.root->line, 1);
    id->v.str.s = make_id(&r, title, "journey", 1);
    id->v.str.len = strlen(id->v.str.s);
    /* id and title first, as a journey file has them */
    node *head = node_new(a, NODE_MAP, file, r.root->line, r.root->col);
    put(&r, head, "id", id);
    if (!r.title)
        put(&r, head, "title", text_at(&r, stem, strlen(stem), r.root->line, 1));
    static const char *const order[] = { "title", "description", "personas", "phases" };
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
        node *k = node_map_get(r.root, order[o]);
        if (k) {
            node_remove(r.root, k);
            node_append(head, k);
        }
    }
    return head;
}

/* Whether LINE (LEN bytes) opens a mermaid fence: ``` or ~~~ then mermaid. */
static int fence_open(const char *s, size_t len, char *mark)
{
    const char *t = s;
    len = trimmed(&t, len);
    if (len < 3 || (t[0] != '`' && t[0] != '~') || t[1] != t[0] || t[2] != t[0])
        return 0;
    size_t k = 3;
    while (k < len && t[k] == t[0])
        k++;
    const char *info = t + k;
    size_t il = trimmed(&info, len - k);
    *mark = t[0];
    return il >= 7 && strncmp(info, "mermaid", 7) == 0
           && (il == 7 || isspace((unsigned char)info[7]));
}

static int fence_close(const char *s, size_t len, char mark)
{
    const char *t = s;
    len = trimmed(&t, len);
    if (len < 3)
        return 0;
    for (size_t k = 0; k < len; k++)
        if (t[k] != mark)
            return 0;
    return 1;
}

/* The file's name without folders and extension, for a journey without a
 * title. */
static const char *stem_of(arena *a, const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    const char *dot = strrchr(base, '.');
    return arena_strndup(a, base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

static int markdown_file(const char *file)
{
    const char *dot = strrchr(file, '.');
    return dot && (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown"));
}

/* Whether TEXT is UTF-8 throughout; else an error at the first bad byte. */
static int utf8_ok(const char *file, const char *text, size_t len, diag_list *d)
{
    long bad = textcheck_utf8(text, len);
    if (bad < 0)
        return 1;
    int no = 1, col = 1;
    for (long i = 0; i < bad; i++) {
        if (text[i] == '\n')
            no++, col = 1;
        else if (((unsigned char)text[i] & 0xC0) != 0x80)
            col++;
    }
    diag_add(d, DIAG_ERROR, file, no, col, NULL, "the file is not UTF-8 text (byte 0x%02X)",
             (unsigned char)text[bad]);
    return 0;
}

/* The journey diagrams of the ```mermaid fences of Markdown TEXT, into
 * *OUT (an array in A): their number. */
static int read_markdown(arena *a, const char *file, const char *text, size_t len,
                         const char *stem, node ***out, diag_list *d)
{
    int count = 0, cap = 4, no = 1;
    *out = arena_alloc(a, sizeof **out * (size_t)cap);
    for (size_t i = 0; i < len;) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        char mark;
        if (!fence_open(text + i, end - i, &mark)) {
            i = end + 1;
            no++;
            continue;
        }
        /* the fence's body: up to its closing line */
        size_t body = end + 1, j = body;
        int body_line = no + 1, lines = 1;
        while (j < len) {
            size_t e = j;
            while (e < len && text[e] != '\n')
                e++;
            if (fence_close(text + j, e - j, mark))
                break;
            j = e + 1;
            lines++;
        }
        size_t body_end = j < len ? j : len;
        char *s = arena_strndup(a, text + (body < len ? body : len),
                                body < body_end ? body_end - body : 0);
        node *doc = read_diagram(a, file, s, strlen(s), body_line,
                                 count ? arena_printf(a, "%s_%d", stem, count + 1) : stem, 1, d);
        if (doc) {
            if (count == cap) {
                node **g = arena_alloc(a, sizeof *g * (size_t)(cap *= 2));
                memcpy(g, *out, sizeof *g * (size_t)count);
                *out = g;
            }
            (*out)[count++] = doc;
        }
        no += lines + 1;
        while (i < len && i <= j) {        /* past the closing line */
            while (i < len && text[i] != '\n')
                i++;
            i++;
        }
    }
    return count;
}

int mermaid_read(arena *a, const char *file, const char *text, size_t len, node ***out,
                 diag_list *d)
{
    const char *stem = stem_of(a, file);
    int before = d->errors;
    *out = NULL;
    if (!utf8_ok(file, text, len, d))
        return -1;
    if (memchr(text, '\0', len)) {
        diag_add(d, DIAG_ERROR, file, 0, 0, NULL, "the file holds a NUL byte: not text");
        return -1;
    }
    if (!markdown_file(file)) {
        node *j = read_diagram(a, file, text, len, 1, stem, 0, d);
        *out = arena_alloc(a, sizeof **out);
        (*out)[0] = j;
        return j ? 1 : -1;
    }
    int count = read_markdown(a, file, text, len, stem, out, d);
    if (d->errors > before)
        return -1;
    if (!count) {
        diag_add(d, DIAG_ERROR, file, 0, 0, NULL, "no ```mermaid fence with a journey "
                 "diagram in this file");
        return -1;
    }
    return count;
}
