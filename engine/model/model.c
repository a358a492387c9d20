/*
 * model.c — node tree to journey structs, and back to a normalized tree.
 *
 * Each entity is described by a table of fields {key, type, offset, ...};
 * one generic reader fills a struct from a mapping with those tables and
 * one generic writer turns the struct back into a mapping, so the keys a
 * journey accepts and the keys `cjm build` writes are the same list, in
 * the same order.  Fields whose shape is not a plain value (emotions,
 * involvement, transitions, ...) have a custom reader and writer.
 *
 * Shape rules live here (types, enums, ranges, required, unknown keys);
 * rules across entities live in validate.c.
 */
#include "model/model.h"
#include "model/fields.h"
#include "doc/yaml.h"

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- enumeration names ------------------------------------------------ */

static const char *const kind_names[] = { "b2b", "b2c", "other", NULL };
static const char *const role_names[] = {
    "person_in_charge", "decision_maker", "approver", "manager", "user",
    "influencer", "customer", "other", NULL
};
static const char *const involvement_names[] = {
    "none", "participant", "driver", "gatekeeper", NULL
};
static const char *const evidence_names[] = {
    "none", "assumption", "workshop", "qualitative", "quantitative", NULL
};
static const char *const control_names[] = { "direct", "indirect", NULL };
static const char *const timing_names[] = { "before", "during", "after", NULL };

/* The channel list; the second table marks the ones that are offline by
 * default.  Keep both in the same order. */
static const char *const channel_names[] = {
    "website", "inquiry_form", "sns", "messenger", "search", "ads", "email",
    "event", "webinar", "store", "contact_center", "phone", "sales_rep",
    "partner", "review_site", "word_of_mouth", "app", "chat", "video",
    "community", "documentation", "trial", "portal", "print", "direct_mail",
    "tv", "other", NULL
};
static const char channel_offline[] = {
    0, 0, 0, 0, 0, 0, 0,
    1, 0, 1, 1, 1, 1,
    1, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 1, 1,
    1, 0
};

/* What each channel is called in each language (persona cards show a
 * persona's channels by these words). */
static const struct { const char *id, *en, *ja, *zh; } channel_words[] = {
    { "website", "website", "Webサイト", "网站" },
    { "inquiry_form", "inquiry form", "問い合わせフォーム", "咨询表单" },
    { "sns", "social media", "SNS", "社交媒体" },
    { "messenger", "messenger", "メッセンジャー", "即时通讯" },
    { "search", "search", "検索", "搜索" },
    { "ads", "ads", "広告", "广告" },
    { "email", "e-mail", "メール", "电子邮件" },
    { "event", "events", "イベント", "活动" },
    { "webinar", "webinars", "ウェビナー", "在线研讨会" },
    { "store", "store", "店舗", "门店" },
    { "contact_center", "contact center", "コンタクトセンター", "客服中心" },
    { "phone", "phone", "電話", "电话" },
    { "sales_rep", "sales rep", "営業担当", "销售代表" },
    { "partner", "partners", "パートナー", "合作伙伴" },
    { "review_site", "review sites", "レビューサイト", "点评网站" },
    { "word_of_mouth", "word of mouth", "口コミ", "口碑" },
    { "app", "app", "アプリ", "应用" },
    { "chat", "chat", "チャット", "在线聊天" },
    { "video", "video", "動画", "视频" },
    { "community", "community", "コミュニティ", "社区" },
    { "documentation", "documentation", "ドキュメント", "文档" },
    { "trial", "trial", "試用", "试用" },
    { "portal", "portal", "ポータル", "门户" },
    { "print", "print", "印刷物", "印刷品" },
    { "direct_mail", "direct mail", "DM", "直邮" },
    { "tv", "TV", "テレビ", "电视" },
    { "other", "other", "その他", "其他" },
};

const char *model_channel_label(const char *id, const char *locale)
{
    for (size_t i = 0; id && i < sizeof channel_words / sizeof channel_words[0]; i++)
        if (strcmp(channel_words[i].id, id) == 0)
            return strncmp(locale, "ja", 2) == 0 ? channel_words[i].ja
                 : strncmp(locale, "zh", 2) == 0 ? channel_words[i].zh : channel_words[i].en;
    return NULL;
}

const char *const *model_kind_names(void) { return kind_names; }
const char *const *model_role_names(void) { return role_names; }
const char *const *model_involvement_names(void) { return involvement_names; }
const char *const *model_evidence_names(void) { return evidence_names; }
const char *const *model_channel_names(void) { return channel_names; }

int model_channel_count(void)
{
    return (int)(sizeof channel_names / sizeof channel_names[0]) - 1;
}

int model_channel_offline(cjm_channel c)
{
    return c >= 0 && c < model_channel_count() && channel_offline[c];
}

static int name_count(const char *const *names)
{
    int n = 0;
    while (names[n])
        n++;
    return n;
}

/* ---- errors ----------------------------------------------------------- */

void model_error(diag_list *d, const node *n, int at_key, const char *path,
                 const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *file = n ? n->file : NULL;
    int line = n ? (at_key && n->key_line ? n->key_line : n->line) : 0;
    int col = n ? (at_key && n->key_line ? n->key_col : n->col) : 0;
    diag_add(d, DIAG_ERROR, file, line, col, path, "%s", msg);
}

/* A short quotation of a scalar for messages. */
static const char *describe(const node *n, char *buf, size_t size)
{
    switch (n->kind) {
    case NODE_STR:
        snprintf(buf, size, "a string \"%.40s%s\"", n->v.str.s,
                 n->v.str.len > 40 ? "..." : "");
        break;
    case NODE_INT:
        snprintf(buf, size, "an integer %lld", n->v.integer);
        break;
    case NODE_FLOAT: {
        char num[32];
        snprintf(buf, size, "a number %s", diag_num(n->v.number, num));
        break;
    }
    case NODE_BOOL:
        snprintf(buf, size, "a boolean %s", n->v.boolean ? "true" : "false");
        break;
    default:
        snprintf(buf, size, "%s", node_kind_name(n->kind));
    }
    return buf;
}

/* ---- the reader context and scalar readers ---------------------------- */

struct bctx {
    arena *a;
    diag_list *d;
};

/* (by hand: paths are made for every key read, printf was a sixth of
 * the time of checking a large journey) */
static char *sub_path(char *buf, size_t size, const char *path, const char *key)
{
    size_t n = 0;
    for (; *path && n + 1 < size; path++)
        buf[n++] = *path;
    if (n && n + 1 < size)
        buf[n++] = '.';
    for (; *key && n + 1 < size; key++)
        buf[n++] = *key;
    buf[n] = '\0';
    return buf;
}

static char *index_path(char *buf, size_t size, const char *path, int i)
{
    char digits[16], *d = digits + sizeof digits - 1;
    *d = '\0';
    *--d = ']';
    do
        *--d = (char)('0' + i % 10);
    while ((i /= 10) > 0);
    *--d = '[';
    size_t n = 0;
    for (; *path && n + 1 < size; path++)
        buf[n++] = *path;
    for (; *d && n + 1 < size; d++)
        buf[n++] = *d;
    buf[n] = '\0';
    return buf;
}

/* Text of a scalar; numbers are accepted where text is expected. */
static const char *read_text(bctx *c, const node *n, const char *path)
{
    char buf[64];
    if (n->kind == NODE_STR) {
        if (strlen(n->v.str.s) != n->v.str.len) {
            model_error(c->d, n, 0, path, "text contains a NUL character");
            return NULL;
        }
        return n->v.str.s;
    }
    if (n->kind == NODE_INT)
        return arena_printf(c->a, "%lld", n->v.integer);
    if (n->kind == NODE_FLOAT) {
        char f[32];
        return arena_strdup(c->a, diag_num(n->v.number, f));
    }
    if (n->kind == NODE_BOOL)
        model_error(c->d, n, 0, path,
                    "expected text, got %s (write it in quotes if you mean "
                    "the word)", describe(n, buf, sizeof buf));
    else
        model_error(c->d, n, 0, path, "expected text, got %s",
                    describe(n, buf, sizeof buf));
    return NULL;
}

/* An identifier: a letter or '_' first, then letters, digits, '_', '-'. */
static int is_identifier(const char *s)
{
    if (!s || !*s)
        return 0;
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return 0;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')
              || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

static const char *read_id(bctx *c, const node *n, const char *path)
{
    char buf[96];
    if (n->kind != NODE_STR) {
        model_error(c->d, n, 0, path, "expected an id, got %s",
                    describe(n, buf, sizeof buf));
        return NULL;
    }
    if (strlen(n->v.str.s) > MODEL_ID_MAX) {
        model_error(c->d, n, 0, path, "the id \"%.40s...\" is %zu characters long; ids "
                    "are at most %d", n->v.str.s, strlen(n->v.str.s), MODEL_ID_MAX);
        return NULL;
    }
    if (!is_identifier(n->v.str.s)) {
        model_error(c->d, n, 0, path,
                    "\"%s\" is not a valid id (use letters, digits, '_' "
                    "and '-', starting with a letter)", n->v.str.s);
        return NULL;
    }
    return n->v.str.s;
}

static int read_number(bctx *c, const node *n, const char *path, double *out)
{
    char buf[96];
    if (n->kind == NODE_INT) {
        *out = (double)n->v.integer;
        return 0;
    }
    if (n->kind == NODE_FLOAT) {
        if (!isfinite(n->v.number)) {
            model_error(c->d, n, 0, path, "expected a finite number, got %s",
                        describe(n, buf, sizeof buf));
            return -1;
        }
        *out = n->v.number;
        return 0;
    }
    model_error(c->d, n, 0, path, "expected a number, got %s",
                describe(n, buf, sizeof buf));
    return -1;
}

static int read_enum(bctx *c, const node *n, const char *path,
                     const char *const *names, int *out)
{
    char buf[96];
    if (n->kind != NODE_STR) {
        model_error(c->d, n, 0, path, "expected one of %s..., got %s",
                    names[0], describe(n, buf, sizeof buf));
        return -1;
    }
    int count = name_count(names);
    for (int i = 0; i < count; i++)
        if (strcmp(n->v.str.s, names[i]) == 0) {
            *out = i;
            return 0;
        }
    /* List the choices, or the closest one when the list is long. */
    const char *near = diag_suggest(n->v.str.s, names, count);
    char list[512] = "";
    size_t used = 0;
    for (int i = 0; i < count && used < sizeof list - 40; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 i ? ", " : "", names[i]);
    if (near)
        model_error(c->d, n, 0, path, "unknown value \"%s\" (did you mean "
                    "\"%s\"? choices: %s)", n->v.str.s, near, list);
    else
        model_error(c->d, n, 0, path, "unknown value \"%s\" (choices: %s)",
                    n->v.str.s, list);
    return -1;
}

static int check_range(bctx *c, const node *n, const char *path, double v,
                       double min, double max)
{
    if (v < min || v > max) {
        char lo[32], hi[32], val[32];
        diag_num(min, lo);
        diag_num(max, hi);
        diag_num(v, val);
        if (isinf(max))
            model_error(c->d, n, 0, path, "%s is out of range (must be at "
                        "least %s)", val, lo);
        else
            model_error(c->d, n, 0, path, "%s is out of range (%s..%s)", val,
                        lo, hi);
        return -1;
    }
    return 0;
}

static int expect_map(bctx *c, const node *n, const char *path)
{
    char buf[96];
    if (node_is_map(n))
        return 0;
    model_error(c->d, n, 0, path, "expected a mapping, got %s",
                describe(n, buf, sizeof buf));
    return -1;
}

static int expect_seq(bctx *c, const node *n, const char *path)
{
    char buf[96];
    if (node_is_seq(n))
        return 0;
    model_error(c->d, n, 0, path, "expected a list, got %s",
                describe(n, buf, sizeof buf));
    return -1;
}

/* A list of strings; a single string stands for a list of one. */
static void read_strs(bctx *c, const node *n, const char *path, cjm_strs *out)
{
    char p[512];
    if (n->kind == NODE_STR) {
        out->items = arena_alloc(c->a, sizeof *out->items);
        out->srcs = arena_alloc(c->a, sizeof *out->srcs);
        out->items[0] = n->v.str.s;
        out->srcs[0] = n;
        out->count = 1;
        return;
    }
    if (expect_seq(c, n, path) < 0)
        return;
    out->items = arena_alloc(c->a, sizeof *out->items * (size_t)(n->count + 1));
    out->srcs = arena_alloc(c->a, sizeof *out->srcs * (size_t)(n->count + 1));
    int i = 0;
    for (const node *k = n->first; k; k = k->next, i++) {
        const char *s = read_text(c, k, index_path(p, sizeof p, path, i));
        if (s) {
            out->items[out->count] = s;
            out->srcs[out->count++] = k;
        }
    }
}

static void read_evidence(bctx *c, const node *n, const char *path,
                          cjm_evidence_level *level, const char **source);

/* ---- descriptor tables (model/fields.h) ------------------------------- */

#define AT(ptr, off, type) ((type *)((char *)(ptr) + (off)))
#define CAT(ptr, off, type) ((const type *)((const char *)(ptr) + (off)))

static void read_cards(bctx *c, const node *n, const char *path,
                       cjm_cards *out);

/* Fill OBJ from the mapping N using FIELDS.  Unknown keys are errors with
 * a suggestion; missing required fields are reported at the mapping. */
static void read_fields(bctx *c, const node *n, const char *path,
                        const field *fields, int count, void *obj)
{
    char p[512];
    if (expect_map(c, n, path) < 0)
        return;
    for (const node *k = n->first; k; k = k->next) {
        if (k->key[0] == 'x' && k->key[1] == '-')
            continue;           /* extension keys: anchors, notes, tools */
        const field *f = NULL;
        for (int i = 0; i < count && !f; i++)
            if (fields[i].key[0] == k->key[0] && strcmp(fields[i].key, k->key) == 0)
                f = &fields[i];
        sub_path(p, sizeof p, path, k->key);
        if (!f) {
            const char *keys[48];
            for (int i = 0; i < count && i < 48; i++)
                keys[i] = fields[i].key;
            const char *near = diag_suggest(k->key, keys, count < 48 ? count : 48);
            if (near)
                model_error(c->d, k, 1, p, "unknown key \"%s\" (did you mean "
                            "\"%s\"?)", k->key, near);
            else
                model_error(c->d, k, 1, p, "unknown key \"%s\"", k->key);
            continue;
        }
        if (k->kind == NODE_NULL && !(f->flags & F_REQUIRED))
            continue;           /* "key:" with no value: as if absent */
        double v;
        int e;
        switch (f->type) {
        case FT_TEXT: {
            const char *s = read_text(c, k, p);
            if (s)
                *AT(obj, f->offset, const char *) = s;
            break;
        }
        case FT_ID: {
            const char *s = read_id(c, k, p);
            if (s)
                *AT(obj, f->offset, const char *) = s;
            break;
        }
        case FT_INT:
            if (read_number(c, k, p, &v) == 0) {
                char num[32];
                if (v != floor(v))
                    model_error(c->d, k, 0, p, "expected a whole number, "
                                "got %s", diag_num(v, num));
                else if (check_range(c, k, p, v, f->min, f->max) == 0)
                    *AT(obj, f->offset, int) = (int)v;
            }
            break;
        case FT_NUM:
            if (read_number(c, k, p, &v) == 0
                && check_range(c, k, p, v, f->min, f->max) == 0)
                *AT(obj, f->offset, double) = v;
            break;
        case FT_BOOL:
            if (k->kind != NODE_BOOL) {
                char buf[96];
                model_error(c->d, k, 0, p, "expected true or false, got %s",
                            describe(k, buf, sizeof buf));
            } else {
                *AT(obj, f->offset, int) = k->v.boolean;
            }
            break;
        case FT_ENUM:
            if (read_enum(c, k, p, f->names, &e) == 0)
                *AT(obj, f->offset, int) = e;
            break;
        case FT_STRS:
            read_strs(c, k, p, AT(obj, f->offset, cjm_strs));
            break;
        case FT_CARDS:
            read_cards(c, k, p, AT(obj, f->offset, cjm_cards));
            break;
        case FT_CUSTOM:
            f->read(c, k, p, obj);
            break;
        }
    }
    for (int i = 0; i < count; i++)
        if ((fields[i].flags & F_REQUIRED) && !node_map_get(n, fields[i].key))
            model_error(c->d, n, 0, path, "missing required key \"%s\"",
                        fields[i].key);
}

/* Whole numbers are written without a fraction: "age: 34", "-2". */
static node *num_node(arena *a, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        return node_new_int(a, (long long)v);
    return node_new_float(a, v);
}

static node *text_node(arena *a, const char *s)
{
    return node_new_str(a, s, strlen(s));
}

static node *write_strs(arena *a, const cjm_strs *s)
{
    node *seq = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < s->count; i++)
        node_append(seq, text_node(a, s->items[i]));
    return seq;
}

static node *write_cards(arena *a, const cjm_cards *cards);

/* The mapping for OBJ, fields in table order, absent values left out. */
static node *write_fields(arena *a, const void *obj, const field *fields,
                          int count)
{
    node *map = node_new(a, NODE_MAP, NULL, 0, 0);
    for (int i = 0; i < count; i++) {
        const field *f = &fields[i];
        node *v = NULL;
        switch (f->type) {
        case FT_TEXT:
        case FT_ID: {
            const char *s = *(const char *const *)((const char *)obj + f->offset);
            if (s)
                v = text_node(a, s);
            break;
        }
        case FT_INT: {
            int x = *CAT(obj, f->offset, int);
            if (!((f->flags & F_SKIP_NEG) && x < 0))
                v = node_new_int(a, x);
            break;
        }
        case FT_NUM: {
            double x = *CAT(obj, f->offset, double);
            if (!((f->flags & F_SKIP_NEG) && x < 0))
                v = num_node(a, x);
            break;
        }
        case FT_BOOL: {
            int x = *CAT(obj, f->offset, int);
            if (x || !(f->flags & F_SKIP_FALSE))
                v = node_new_bool(a, x);
            break;
        }
        case FT_ENUM:
            v = text_node(a, f->names[*CAT(obj, f->offset, int)]);
            break;
        case FT_STRS: {
            const cjm_strs *s = CAT(obj, f->offset, cjm_strs);
            if (s->count)
                v = write_strs(a, s);
            break;
        }
        case FT_CARDS: {
            const cjm_cards *cards = CAT(obj, f->offset, cjm_cards);
            if (cards->count)
                v = write_cards(a, cards);
            break;
        }
        case FT_CUSTOM:
            v = f->write(a, obj);
            break;
        }
        if (v)
            node_map_put(a, map, f->key, v);
    }
    return map;
}


/* ---- evidence and cards ----------------------------------------------- */

typedef struct { cjm_evidence_level level; const char *source; } evidence_obj;

static const field evidence_fields[] = {
    { "level", FT_ENUM, offsetof(evidence_obj, level), F_REQUIRED,
      evidence_names, NOLIMIT, NULL, NULL, NULL,
      "How well it is backed" },
    { "source", FT_TEXT, offsetof(evidence_obj, source), 0, NULL, NOLIMIT,
      NULL, NULL, NULL,
      "Where the evidence comes from" },
};

/* `evidence: workshop` or `evidence: {level: workshop, source: ...}`. */
static void read_evidence(bctx *c, const node *n, const char *path,
                          cjm_evidence_level *level, const char **source)
{
    if (n->kind == NODE_STR) {
        int e;
        if (read_enum(c, n, path, evidence_names, &e) == 0)
            *level = (cjm_evidence_level)e;
        return;
    }
    evidence_obj ev = { *level, *source };
    read_fields(c, n, path, evidence_fields, COUNT(evidence_fields), &ev);
    *level = ev.level;
    *source = ev.source;
}

static node *write_evidence(arena *a, cjm_evidence_level level,
                            const char *source)
{
    if (level == EVID_NONE && !source)
        return NULL;
    if (!source)
        return text_node(a, evidence_names[level]);
    evidence_obj ev = { level, source };
    return write_fields(a, &ev, evidence_fields, COUNT(evidence_fields));
}

static void read_card_evidence(bctx *c, const node *n, const char *path,
                               void *obj)
{
    cjm_card *card = obj;
    read_evidence(c, n, path, &card->evidence, &card->source);
}

static node *write_card_evidence(arena *a, const void *obj)
{
    const cjm_card *card = obj;
    return write_evidence(a, card->evidence, card->source);
}

/* ---- times: {standard, tolerance, unit: minutes|days} ------------------ */

typedef struct time_obj { double standard, tolerance; int unit; } time_obj;
static const char *const time_units[] = { "minutes", "days", NULL };
static const field time_fields[] = {
    { "standard", FT_NUM, offsetof(time_obj, standard), F_REQUIRED, NULL, 0, 1e7, NULL,
      NULL, NULL,
      "The standard time" },
    { "tolerance", FT_NUM, offsetof(time_obj, tolerance), F_SKIP_NEG, NULL, 0, 1e7, NULL,
      NULL, NULL,
      "How far from the standard is still fine" },
    { "unit", FT_ENUM, offsetof(time_obj, unit), 0, time_units, NOLIMIT, NULL, NULL, NULL,
      "minutes (default) or days" },
};

/* `time: 5` (minutes) or `time: {standard: 2, tolerance: 1, unit: days}`. */
static void read_time(bctx *c, const node *n, const char *path, cjm_time *t)
{
    time_obj o = { -1, -1, 0 };
    if (n->kind == NODE_INT || n->kind == NODE_FLOAT) {
        double v;
        if (read_number(c, n, path, &v) == 0 && check_range(c, n, path, v, 0, 1e7) == 0)
            o.standard = v;
    } else {
        read_fields(c, n, path, time_fields, COUNT(time_fields), &o);
    }
    double k = o.unit == 1 ? 1440 : 1;
    t->days = o.unit == 1;
    t->standard = o.standard < 0 ? -1 : o.standard * k;
    t->tolerance = o.tolerance < 0 ? -1 : o.tolerance * k;
}

static node *write_time(arena *a, const cjm_time *t)
{
    if (t->standard < 0)
        return NULL;
    double k = t->days ? 1440 : 1;
    time_obj o = { t->standard / k, t->tolerance < 0 ? -1 : t->tolerance / k, t->days };
    return write_fields(a, &o, time_fields, COUNT(time_fields));
}

static void read_card_time(bctx *c, const node *n, const char *path, void *obj)
{
    read_time(c, n, path, &((cjm_card *)obj)->time);
}

static node *write_card_time(arena *a, const void *obj)
{
    return write_time(a, &((const cjm_card *)obj)->time);
}

typedef struct fail_obj { const char *text; double rate; } fail_obj;
static const field fail_fields[] = {
    { "text", FT_TEXT, offsetof(fail_obj, text), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "What goes wrong" },
    { "rate", FT_NUM, offsetof(fail_obj, rate), F_SKIP_NEG, NULL, 0, 1, NULL, NULL, NULL,
      "How often it goes wrong, 0..1" },
};

/* `fail_point: text` or `{text, rate}` (how often it goes wrong, 0..1). */
static void read_card_fail(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_card *card = obj;
    fail_obj f = { NULL, -1 };
    if (n->kind == NODE_STR)
        f.text = read_text(c, n, path);
    else
        read_fields(c, n, path, fail_fields, COUNT(fail_fields), &f);
    card->fail_point = f.text;
    card->fail_rate = f.rate;
}

static node *write_card_fail(arena *a, const void *obj)
{
    const cjm_card *card = obj;
    if (!card->fail_point)
        return NULL;
    fail_obj f = { card->fail_point, card->fail_rate };
    return write_fields(a, &f, fail_fields, COUNT(fail_fields));
}

static const field card_fields[] = {
    { "id", FT_ID, offsetof(cjm_card, id), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The card's id, unique across the journey" },
    { "text", FT_TEXT, offsetof(cjm_card, text), F_REQUIRED, NULL, NOLIMIT,
      NULL, NULL, NULL,
      "The card's text" },
    { "evidence", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_card_evidence,
      write_card_evidence, "evidence",
      "How well the claim is backed" },
    { "fail_point", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_card_fail, write_card_fail, "fail_point",
      "What can go wrong here: text, or {text, rate}" },
    { "time", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_card_time, write_card_time, "time",
      "Time taken: minutes, or {standard, tolerance, unit}" },
    { "personas", FT_STRS, offsetof(cjm_card, personas), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The personas (ids) the card belongs to; none: every persona" },
    { "score", FT_INT, offsetof(cjm_card, score), F_SKIP_NEG, NULL, 1, 5, NULL, NULL, NULL,
      "How the step felt, 1 (bad) to 5 (good): a Mermaid journey task's score" },
    { "suppress", FT_STRS, offsetof(cjm_card, suppress), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Lint rules switched off here, each \"rule-id: why\" (cjm lint)" },
};

void model_card_init(cjm_card *card)
{
    memset(card, 0, sizeof *card);
    card->fail_rate = -1;
    card->score = -1;
    card->time.standard = card->time.tolerance = -1;
}

/* A card is text, or a mapping with text and optional id and evidence. */
static void read_cards(bctx *c, const node *n, const char *path,
                       cjm_cards *out)
{
    char p[512];
    if (n->kind == NODE_STR || n->kind == NODE_MAP) {
        if (n->kind == NODE_STR || !(n->flags & NODE_EMPTY_TABLE)) {
            /* a single card where a list was expected: take it as one */
            out->items = arena_alloc(c->a, sizeof *out->items);
            cjm_card *card = &out->items[0];
            model_card_init(card);
            card->src = n;
            if (n->kind == NODE_STR)
                card->text = read_text(c, n, path);
            else
                read_fields(c, n, path, card_fields, COUNT(card_fields), card);
            out->count = card->text ? 1 : 0;
            return;
        }
    }
    if (expect_seq(c, n, path) < 0)
        return;
    out->items = arena_alloc(c->a, sizeof *out->items * (size_t)(n->count + 1));
    int i = 0;
    for (const node *k = n->first; k; k = k->next, i++) {
        cjm_card *card = &out->items[out->count];
        model_card_init(card);
        card->src = k;
        index_path(p, sizeof p, path, i);
        if (k->kind == NODE_MAP)
            read_fields(c, k, p, card_fields, COUNT(card_fields), card);
        else
            card->text = read_text(c, k, p);
        if (card->text)
            out->count++;
    }
}

static node *write_cards(arena *a, const cjm_cards *cards)
{
    node *seq = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < cards->count; i++) {
        const cjm_card *card = &cards->items[i];
        if (!card->id && card->evidence == EVID_NONE && !card->source && !card->fail_point
            && card->time.standard < 0 && card->personas.count == 0)
            node_append(seq, text_node(a, card->text));
        else
            node_append(seq, write_fields(a, card, card_fields,
                                          COUNT(card_fields)));
    }
    return seq;
}

/* ---- edits and changes ------------------------------------------------ */

/* 0.4 sets, "*1.2" multiplies, "+0.05" / "-0.05" adds, "=0.4" sets. */
static void read_edit(bctx *c, const node *n, const char *path, cjm_edit *e)
{
    char buf[96];
    if (n->kind == NODE_INT || n->kind == NODE_FLOAT) {
        double v;
        if (read_number(c, n, path, &v) == 0) {
            e->op = EDIT_SET;
            e->value = v;
            e->present = 1;
        }
        return;
    }
    if (n->kind == NODE_STR && n->v.str.len > 1) {
        const char *s = n->v.str.s;
        cjm_edit_op op = s[0] == '*' ? EDIT_MUL : s[0] == '=' ? EDIT_SET
                       : EDIT_ADD;
        const char *num = (s[0] == '*' || s[0] == '=' || s[0] == '+') ? s + 1 : s;
        char *end;
        double v = strtod(num, &end);
        if ((s[0] == '*' || s[0] == '=' || s[0] == '+' || s[0] == '-')
            && end != num && *end == '\0' && isfinite(v)) {
            e->op = op;
            e->value = v;
            e->present = 1;
            return;
        }
    }
    model_error(c->d, n, 0, path, "expected a number or an edit such as "
                "\"*1.2\", \"+0.05\" or \"=0.4\", got %s",
                describe(n, buf, sizeof buf));
}

static node *write_edit(arena *a, const cjm_edit *e)
{
    char num[48], buf[56];
    if (e->op == EDIT_SET)
        return num_node(a, e->value);
    yaml_format_float(e->value, num, 0);
    if (e->op == EDIT_MUL)
        snprintf(buf, sizeof buf, "*%s", num);
    else
        snprintf(buf, sizeof buf, "%s%s", e->value < 0 ? "" : "+", num);
    return text_node(a, buf);
}

static void read_keyed_edits(bctx *c, const node *n, const char *path,
                             cjm_keyed_edit **out, int *count)
{
    char p[512];
    if (expect_map(c, n, path) < 0)
        return;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(n->count + 1));
    for (const node *k = n->first; k; k = k->next) {
        cjm_keyed_edit *ke = &(*out)[*count];
        ke->key = k->key;
        ke->src = k;
        read_edit(c, k, sub_path(p, sizeof p, path, k->key), &ke->edit);
        if (ke->edit.present)
            (*count)++;
    }
}

static node *write_keyed_edits(arena *a, const cjm_keyed_edit *items,
                               int count)
{
    if (!count)
        return NULL;
    node *map = node_new(a, NODE_MAP, NULL, 0, 0);
    for (int i = 0; i < count; i++)
        node_map_put(a, map, items[i].key, write_edit(a, &items[i].edit));
    return map;
}

#define EDIT_READER(name, member)                                           \
    static void read_##name(bctx *c, const node *n, const char *path,      \
                            void *obj)                                      \
    {                                                                       \
        read_edit(c, n, path, &((cjm_change *)obj)->member);                \
    }                                                                       \
    static node *write_##name(arena *a, const void *obj)                    \
    {                                                                       \
        const cjm_edit *e = &((const cjm_change *)obj)->member;             \
        return e->present ? write_edit(a, e) : NULL;                        \
    }
EDIT_READER(change_advance, advance)
EDIT_READER(change_drop, drop)
EDIT_READER(change_reach, reach)
EDIT_READER(change_lift, lift)
EDIT_READER(duration_edit_min, duration_min)
EDIT_READER(duration_edit_mode, duration_mode)
EDIT_READER(duration_edit_max, duration_max)

static const field duration_edit_fields[] = {
    { "min", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_duration_edit_min,
      write_duration_edit_min, "edit",
      "Edit of the shortest duration" },
    { "mode", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_duration_edit_mode,
      write_duration_edit_mode, "edit",
      "Edit of the most likely duration" },
    { "max", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_duration_edit_max,
      write_duration_edit_max, "edit",
      "Edit of the longest duration" },
};

static void read_change_duration(bctx *c, const node *n, const char *path,
                                 void *obj)
{
    cjm_change *ch = obj;
    if (n->kind != NODE_MAP) {
        /* one edit for all three: "*0.5" halves the whole duration */
        read_edit(c, n, path, &ch->duration_min);
        ch->duration_mode = ch->duration_max = ch->duration_min;
        return;
    }
    read_fields(c, n, path, duration_edit_fields, COUNT(duration_edit_fields),
                ch);
}

static node *write_change_duration(arena *a, const void *obj)
{
    const cjm_change *ch = obj;
    if (!ch->duration_min.present && !ch->duration_mode.present
        && !ch->duration_max.present)
        return NULL;
    return write_fields(a, ch, duration_edit_fields,
                        COUNT(duration_edit_fields));
}

/* (defined with the phases' probability maps below) */
static void read_goes_to(bctx *c, const node *n, const char *path, void *obj);
static node *write_goes_to(arena *a, const void *obj);

/* An added touchpoint or phase is kept as written: the scenario's
 * journey is built with it (load_scenario_journey). */
static void read_change_add_tp(bctx *c, const node *n, const char *path, void *obj)
{
    if (expect_map(c, n, path) == 0)
        ((cjm_change *)obj)->add_touchpoint = n;
}

static void read_change_add_phase(bctx *c, const node *n, const char *path, void *obj)
{
    if (expect_map(c, n, path) == 0)
        ((cjm_change *)obj)->add_phase = n;
}

static node *write_change_add_tp(arena *a, const void *obj)
{
    const cjm_change *ch = obj;
    long budget = ch->add_touchpoint ? node_size(ch->add_touchpoint) : 0;
    return ch->add_touchpoint ? node_copy(a, ch->add_touchpoint, &budget) : NULL;
}

static node *write_change_add_phase(arena *a, const void *obj)
{
    const cjm_change *ch = obj;
    long budget = ch->add_phase ? node_size(ch->add_phase) : 0;
    return ch->add_phase ? node_copy(a, ch->add_phase, &budget) : NULL;
}

static void read_change_back(bctx *c, const node *n, const char *path,
                             void *obj)
{
    cjm_change *ch = obj;
    read_keyed_edits(c, n, path, &ch->back, &ch->back_count);
}

static node *write_change_back(arena *a, const void *obj)
{
    const cjm_change *ch = obj;
    return write_keyed_edits(a, ch->back, ch->back_count);
}

static void read_change_approve(bctx *c, const node *n, const char *path,
                                void *obj)
{
    cjm_change *ch = obj;
    read_keyed_edits(c, n, path, &ch->approve, &ch->approve_count);
}

static node *write_change_approve(arena *a, const void *obj)
{
    const cjm_change *ch = obj;
    return write_keyed_edits(a, ch->approve, ch->approve_count);
}

static const field change_fields[] = {
    { "phase", FT_ID, offsetof(cjm_change, phase), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The phase changed" },
    { "touchpoint", FT_ID, offsetof(cjm_change, touchpoint), 0, NULL, NOLIMIT,
      NULL, NULL, NULL,
      "The touchpoint changed" },
    { "advance", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_advance,
      write_change_advance, "edit",
      "Edit of the daily advance probability" },
    { "drop", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_drop,
      write_change_drop, "edit",
      "Edit of the daily drop probability" },
    { "back", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_back,
      write_change_back, "edits",
      "Phase id to an edit of the back probability" },
    { "approve", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_approve,
      write_change_approve, "edits",
      "Gatekeeper id to an edit of the approval probability" },
    { "duration", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_duration,
      write_change_duration, "duration_edit",
      "Edit of the duration: one edit for all, or {min, mode, max}" },
    { "reach", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_reach,
      write_change_reach, "edit",
      "Edit of the touchpoint's reach" },
    { "lift", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_lift,
      write_change_lift, "edit",
      "Edit of the touchpoint's lift" },
    { "remove", FT_BOOL, offsetof(cjm_change, remove), F_SKIP_FALSE, NULL,
      NOLIMIT, NULL, NULL, NULL,
      "Remove the phase or touchpoint" },
    { "add_touchpoint", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_add_tp,
      write_change_add_tp, "new_touchpoint",
      "Scenarios: a touchpoint to add, used in the phases `to` names" },
    { "to", FT_STRS, offsetof(cjm_change, to), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The phases (ids) that use the added touchpoint" },
    { "add_phase", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_change_add_phase,
      write_change_add_phase, "new_phase",
      "Scenarios: a phase to add, after the phase `after` names (else last)" },
    { "after", FT_ID, offsetof(cjm_change, after), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The phase (id) the added phase follows" },
    { "goes_to", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_goes_to, write_goes_to,
      "probabilities",
      "Where journeys moving on from the phase go instead: phase or outcome id to a "
      "probability, adding up to 1 (replaces its transitions.to)" },
};

/* A list of changes; a single change mapping stands for a list of one. */
static void read_changes(bctx *c, const node *n, const char *path,
                         cjm_changes *out)
{
    char p[512];
    if (n->kind == NODE_MAP && !(n->flags & NODE_EMPTY_TABLE)) {
        out->items = arena_alloc(c->a, sizeof *out->items);
        out->items[0].src = n;
        read_fields(c, n, path, change_fields, COUNT(change_fields),
                    &out->items[0]);
        out->count = 1;
        return;
    }
    if (expect_seq(c, n, path) < 0)
        return;
    out->items = arena_alloc(c->a, sizeof *out->items * (size_t)(n->count + 1));
    int i = 0;
    for (const node *k = n->first; k; k = k->next, i++) {
        cjm_change *ch = &out->items[out->count++];
        ch->src = k;
        read_fields(c, k, index_path(p, sizeof p, path, i), change_fields,
                    COUNT(change_fields), ch);
    }
}

static node *write_changes(arena *a, const cjm_changes *changes)
{
    if (!changes->count)
        return NULL;
    node *seq = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < changes->count; i++)
        node_append(seq, write_fields(a, &changes->items[i], change_fields,
                                      COUNT(change_fields)));
    return seq;
}

/* ---- personas --------------------------------------------------------- */

#define P(m) offsetof(cjm_persona, m)
static const field persona_fields[] = {
    { "id", FT_ID, P(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The persona's id, used in involvement and emotions" },
    { "name", FT_TEXT, P(name), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The persona's name (an override that renames a persona describes"
      " another person: of what was generated only id and role stay)" },
    { "role", FT_ENUM, P(role), 0, role_names, NOLIMIT, NULL, NULL, NULL,
      "Role in the journey (default customer)" },
    { "description", FT_TEXT, P(description), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "A short description" },
    { "age", FT_INT, P(age), F_SKIP_NEG, NULL, 0, 130, NULL, NULL, NULL,
      "Age in years" },
    { "gender", FT_TEXT, P(gender), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Gender, in the persona's own words" },
    { "location", FT_TEXT, P(location), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Where the persona lives or works" },
    { "department", FT_TEXT, P(department), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Department (B2B)" },
    { "job_title", FT_TEXT, P(job_title), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Job title (B2B)" },
    { "tenure_years", FT_NUM, P(tenure_years), F_SKIP_NEG, NULL, 0, 80, NULL,
      NULL, NULL,
      "Years with the organization" },
    { "education", FT_TEXT, P(education), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Education" },
    { "income", FT_TEXT, P(income), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Income band" },
    { "family", FT_TEXT, P(family), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Family situation" },
    { "hobbies", FT_STRS, P(hobbies), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Hobbies" },
    { "sns", FT_STRS, P(sns), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Social networks used" },
    { "devices", FT_STRS, P(devices), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Devices used" },
    { "channels", FT_STRS, P(channels), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Channels the persona prefers" },
    { "goals", FT_STRS, P(goals), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the persona wants to achieve" },
    { "pains", FT_STRS, P(pains), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What frustrates the persona" },
    { "joys", FT_STRS, P(joys), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What delights the persona" },
    { "values", FT_STRS, P(values), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the persona values" },
    { "quote", FT_TEXT, P(quote), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "A quote in the persona's voice" },
    { "photo", FT_TEXT, P(photo), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "A PNG or JPEG file, relative to the journey's folder and inside it" },
    { "suppress", FT_STRS, P(suppress), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Lint rules switched off here, each \"rule-id: why\" (cjm lint)" },
};
#undef P

/* ---- touchpoints ------------------------------------------------------ */

static void read_tp_evidence(bctx *c, const node *n, const char *path,
                             void *obj)
{
    cjm_touchpoint *t = obj;
    read_evidence(c, n, path, &t->evidence, &t->source);
}

static node *write_tp_evidence(arena *a, const void *obj)
{
    const cjm_touchpoint *t = obj;
    return write_evidence(a, t->evidence, t->source);
}

#define T(m) offsetof(cjm_touchpoint, m)
#define CO(f) offsetof(cjm_cost, f)
static const field cost_fields[] = {
    { "per_exposure", FT_NUM, CO(per_exposure), F_SKIP_NEG, NULL, 0, 1e12, NULL, NULL, NULL,
      "Touchpoints: the cost of one exposure (a journey reached on one day)" },
    { "per_day", FT_NUM, CO(per_day), F_SKIP_NEG, NULL, 0, 1e12, NULL, NULL, NULL,
      "Phases: the cost of one journey-day spent in the phase" },
    { "per_entry", FT_NUM, CO(per_entry), F_SKIP_NEG, NULL, 0, 1e12, NULL, NULL, NULL,
      "Phases: the cost of one journey entering the phase" },
    { "fixed", FT_NUM, CO(fixed), F_SKIP_NEG, NULL, 0, 1e15, NULL, NULL, NULL,
      "A fixed cost of running it, once per cohort" },
};
#undef CO

static void read_cost(bctx *c, const node *n, const char *path, cjm_cost *cost)
{
    if (expect_map(c, n, path) == 0)
        read_fields(c, n, path, cost_fields, COUNT(cost_fields), cost);
}

static node *write_cost(arena *a, const cjm_cost *cost)
{
    if (cost->per_exposure < 0 && cost->per_day < 0 && cost->per_entry < 0 && cost->fixed < 0)
        return NULL;
    return write_fields(a, cost, cost_fields, COUNT(cost_fields));
}

static void read_phase_cost(bctx *c, const node *n, const char *path, void *obj)
{
    read_cost(c, n, path, &((cjm_phase *)obj)->cost);
}

static node *write_phase_cost(arena *a, const void *obj)
{
    return write_cost(a, &((const cjm_phase *)obj)->cost);
}

static void read_tp_cost(bctx *c, const node *n, const char *path, void *obj)
{
    read_cost(c, n, path, &((cjm_touchpoint *)obj)->cost);
}

static node *write_tp_cost(arena *a, const void *obj)
{
    return write_cost(a, &((const cjm_touchpoint *)obj)->cost);
}

static const field touchpoint_fields[] = {
    { "id", FT_ID, T(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The touchpoint's id, used in phases and scenarios" },
    { "name", FT_TEXT, T(name), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The touchpoint's name" },
    { "channel", FT_ENUM, T(channel), F_REQUIRED, channel_names, NOLIMIT,
      NULL, NULL, NULL,
      "The channel" },
    { "description", FT_TEXT, T(description), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What happens at the touchpoint" },
    { "control", FT_ENUM, T(control), 0, control_names, NOLIMIT, NULL, NULL, NULL,
      "direct (default): the company runs it; indirect: others do" },
    { "timing", FT_ENUM, T(timing), 0, timing_names, NOLIMIT, NULL, NULL, NULL,
      "before, during (default) or after the purchase" },
    { "online", FT_BOOL, T(online), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Online or offline (default: from the channel)" },
    { "owner", FT_TEXT, T(owner), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Who owns the touchpoint" },
    { "reach", FT_NUM, T(reach), 0, NULL, 0, 1, NULL, NULL, NULL,
      "Chance of exposure per day in a phase that uses it (default 1)" },
    { "lift", FT_NUM, T(lift), 0, NULL, 0, 100, NULL, NULL, NULL,
      "Multiplier on the phase's advance probability when exposed (default 1)" },
    { "evidence", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_tp_evidence,
      write_tp_evidence, "evidence",
      "How well the touchpoint's figures are backed" },
    { "cost", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_tp_cost, write_tp_cost, "cost",
      "What it costs: {per_exposure, fixed}" },
    { "suppress", FT_STRS, T(suppress), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Lint rules switched off here, each \"rule-id: why\" (cjm lint)" },
};
#undef T

/* ---- phases ----------------------------------------------------------- */

static void read_involvement(bctx *c, const node *n, const char *path,
                             void *obj)
{
    cjm_phase *ph = obj;
    char p[512];
    if (expect_map(c, n, path) < 0)
        return;
    ph->involvement = arena_alloc(c->a, sizeof *ph->involvement
                                        * (size_t)(n->count + 1));
    for (const node *k = n->first; k; k = k->next) {
        int level;
        if (read_enum(c, k, sub_path(p, sizeof p, path, k->key),
                      involvement_names, &level) == 0) {
            cjm_involve *iv = &ph->involvement[ph->involvement_count++];
            iv->persona = k->key;
            iv->level = (cjm_involvement)level;
            iv->src = k;
        }
    }
}

static node *write_involvement(arena *a, const void *obj)
{
    const cjm_phase *ph = obj;
    if (!ph->involvement_count)
        return NULL;
    node *map = node_new(a, NODE_MAP, NULL, 0, 0);
    for (int i = 0; i < ph->involvement_count; i++)
        node_map_put(a, map, ph->involvement[i].persona,
                     text_node(a, involvement_names[ph->involvement[i].level]));
    return map;
}

static void read_emotion_evidence(bctx *c, const node *n, const char *path,
                                  void *obj)
{
    cjm_emotion *e = obj;
    read_evidence(c, n, path, &e->evidence, &e->source);
}

static node *write_emotion_evidence(arena *a, const void *obj)
{
    const cjm_emotion *e = obj;
    return write_evidence(a, e->evidence, e->source);
}

static const field emotion_fields_full[] = {
    { "score", FT_NUM, offsetof(cjm_emotion, score), F_REQUIRED, NULL, -3, 3,
      NULL, NULL, NULL,
      "The score, -3..+3" },
    { "note", FT_TEXT, offsetof(cjm_emotion, note), 0, NULL, NOLIMIT, NULL,
      NULL, NULL,
      "Why" },
    { "evidence", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_emotion_evidence,
      write_emotion_evidence, "evidence",
      "How well the score is backed" },
};

/* `emotions: {pic: -1}` or `{pic: {score: -1, evidence: workshop}}`. */
static void read_emotions(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_phase *ph = obj;
    char p[512];
    if (expect_map(c, n, path) < 0)
        return;
    ph->emotions = arena_alloc(c->a, sizeof *ph->emotions
                                     * (size_t)(n->count + 1));
    for (const node *k = n->first; k; k = k->next) {
        cjm_emotion *e = &ph->emotions[ph->emotion_count];
        e->persona = k->key;
        e->src = k;
        e->score = NAN;
        sub_path(p, sizeof p, path, k->key);
        if (k->kind == NODE_MAP) {
            read_fields(c, k, p, emotion_fields_full,
                        COUNT(emotion_fields_full), e);
        } else {
            double v;
            if (read_number(c, k, p, &v) == 0
                && check_range(c, k, p, v, -3, 3) == 0)
                e->score = v;
        }
        if (!isnan(e->score))
            ph->emotion_count++;
    }
}

static node *write_emotions(arena *a, const void *obj)
{
    const cjm_phase *ph = obj;
    if (!ph->emotion_count)
        return NULL;
    node *map = node_new(a, NODE_MAP, NULL, 0, 0);
    for (int i = 0; i < ph->emotion_count; i++) {
        const cjm_emotion *e = &ph->emotions[i];
        node *v = (e->note || e->evidence != EVID_NONE || e->source)
                    ? write_fields(a, e, emotion_fields_full,
                                   COUNT(emotion_fields_full))
                    : num_node(a, e->score);
        node_map_put(a, map, e->persona, v);
    }
    return map;
}

static void read_probs(bctx *c, const node *n, const char *path,
                       cjm_prob **out, int *count)
{
    char p[512];
    if (expect_map(c, n, path) < 0)
        return;
    *out = arena_alloc(c->a, sizeof **out * (size_t)(n->count + 1));
    for (const node *k = n->first; k; k = k->next) {
        double v;
        sub_path(p, sizeof p, path, k->key);
        if (read_number(c, k, p, &v) == 0 && check_range(c, k, p, v, 0, 1) == 0) {
            cjm_prob *pr = &(*out)[(*count)++];
            pr->key = k->key;
            pr->p = v;
            pr->src = k;
        }
    }
}

static node *write_probs(arena *a, const cjm_prob *items, int count)
{
    if (!count)
        return NULL;
    node *map = node_new(a, NODE_MAP, NULL, 0, 0);
    for (int i = 0; i < count; i++)
        node_map_put(a, map, items[i].key, num_node(a, items[i].p));
    return map;
}

/* A reader and a writer for a map of probabilities, MEMBER of TYPE. */
#define PROBS_RW(name, type, member, count)                                 \
    static void read_##name(bctx *c, const node *n, const char *path,     \
                            void *obj)                                     \
    {                                                                      \
        type *o = obj;                                                     \
        read_probs(c, n, path, &o->member, &o->count);                     \
    }                                                                      \
    static node *write_##name(arena *a, const void *obj)                   \
    {                                                                      \
        const type *o = obj;                                               \
        return write_probs(a, o->member, o->count);                        \
    }
PROBS_RW(back, cjm_phase, back, back_count)
PROBS_RW(approve, cjm_phase, approve, approve_count)
PROBS_RW(to, cjm_phase, to, to_count)
PROBS_RW(start, cjm_journey, start, start_count)
PROBS_RW(goes_to, cjm_change, goes_to, goes_to_count)

static void read_advance(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_phase *ph = obj;
    double v;
    if (read_number(c, n, path, &v) == 0 && check_range(c, n, path, v, 0, 1) == 0) {
        ph->advance = v;
        ph->has_advance = 1;
    }
}

static node *write_advance(arena *a, const void *obj)
{
    const cjm_phase *ph = obj;
    return ph->has_advance ? num_node(a, ph->advance) : NULL;
}

static const field transition_fields[] = {
    { "advance", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_advance, write_advance, "probability",
      "Daily probability of moving to the next phase" },
    { "drop", FT_NUM, offsetof(cjm_phase, drop), 0, NULL, 0, 1, NULL, NULL, NULL,
      "Daily probability of leaving the journey" },
    { "back", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_back, write_back, "probabilities",
      "Earlier phase id to a daily probability of going back" },
    { "approve", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_approve, write_approve, "probabilities",
      "Gatekeeper id to the probability that one attempt is approved (default 1)" },
    { "to", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_to, write_to, "probabilities",
      "Where a journey that moves on goes: phase or outcome id to a probability, "
      "adding up to 1 (default: the next phase; after the last, converted)" },
};

static void read_transitions(bctx *c, const node *n, const char *path,
                             void *obj)
{
    cjm_phase *ph = obj;
    ph->has_transitions = 1;
    read_fields(c, n, path, transition_fields, COUNT(transition_fields), ph);
}

static node *write_transitions(arena *a, const void *obj)
{
    const cjm_phase *ph = obj;
    if (!ph->has_transitions)
        return NULL;
    return write_fields(a, ph, transition_fields, COUNT(transition_fields));
}

#define PH(m) offsetof(cjm_phase, m)
static const field duration_fields[] = {
    { "min", FT_NUM, PH(duration_min), F_REQUIRED, NULL, 0, 36500, NULL, NULL, NULL,
      "Shortest stay in days" },
    { "mode", FT_NUM, PH(duration_mode), F_REQUIRED, NULL, 0, 36500, NULL, NULL, NULL,
      "Most likely stay in days" },
    { "max", FT_NUM, PH(duration_max), F_REQUIRED, NULL, 0, 36500, NULL, NULL, NULL,
      "Longest stay in days" },
};

/* `duration: {min: 3, mode: 7, max: 20}` in days, or one number. */
static void read_duration(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_phase *ph = obj;
    if (n->kind == NODE_INT || n->kind == NODE_FLOAT) {
        double v;
        if (read_number(c, n, path, &v) == 0
            && check_range(c, n, path, v, 0, 36500) == 0) {
            ph->duration_min = ph->duration_mode = ph->duration_max = v;
            ph->has_duration = 1;
        }
        return;
    }
    ph->has_duration = 1;
    read_fields(c, n, path, duration_fields, COUNT(duration_fields), ph);
}

static node *write_duration(arena *a, const void *obj)
{
    const cjm_phase *ph = obj;
    if (!ph->has_duration)
        return NULL;
    return write_fields(a, ph, duration_fields, COUNT(duration_fields));
}

static const field link_fields[] = {
    { "from", FT_ID, offsetof(cjm_link, from), F_REQUIRED, NULL, NOLIMIT,
      NULL, NULL, NULL,
      "The card the link starts at" },
    { "to", FT_ID, offsetof(cjm_link, to), F_REQUIRED, NULL, NOLIMIT, NULL,
      NULL, NULL,
      "The card the link ends at" },
};

static void read_links(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_blueprint *bp = obj;
    char p[512];
    if (expect_seq(c, n, path) < 0)
        return;
    bp->links = arena_alloc(c->a, sizeof *bp->links * (size_t)(n->count + 1));
    int i = 0;
    for (const node *k = n->first; k; k = k->next, i++) {
        cjm_link *l = &bp->links[bp->link_count++];
        l->src = k;
        read_fields(c, k, index_path(p, sizeof p, path, i), link_fields,
                    COUNT(link_fields), l);
    }
}

static node *write_links(arena *a, const void *obj)
{
    const cjm_blueprint *bp = obj;
    if (!bp->link_count)
        return NULL;
    node *seq = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < bp->link_count; i++)
        node_append(seq, write_fields(a, &bp->links[i], link_fields,
                                      COUNT(link_fields)));
    return seq;
}

#define BP(m) offsetof(cjm_blueprint, m)
static const field blueprint_fields[] = {
    { "evidence", FT_CARDS, BP(evidence), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Physical evidence (cards)" },
    { "customer", FT_CARDS, BP(customer), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Customer actions (cards)" },
    { "frontstage", FT_CARDS, BP(frontstage), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Frontstage actions: what the customer sees (cards)" },
    { "backstage", FT_CARDS, BP(backstage), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Backstage actions (cards)" },
    { "support", FT_CARDS, BP(support), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Support processes (cards)" },
    { "links", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_links, write_links, "links",
      "Links between cards: {from, to}" },
};
#undef BP

static void read_blueprint(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_phase *ph = obj;
    read_fields(c, n, path, blueprint_fields, COUNT(blueprint_fields),
                &ph->blueprint);
}

static node *write_blueprint(arena *a, const void *obj)
{
    const cjm_phase *ph = obj;
    node *map = write_fields(a, &ph->blueprint, blueprint_fields,
                             COUNT(blueprint_fields));
    return map->count ? map : NULL;
}

static void read_budget(bctx *c, const node *n, const char *path, void *obj)
{
    read_time(c, n, path, &((cjm_phase *)obj)->time_budget);
}

static node *write_budget(arena *a, const void *obj)
{
    return write_time(a, &((const cjm_phase *)obj)->time_budget);
}

static const field phase_fields[] = {
    { "id", FT_ID, PH(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The phase's id" },
    { "name", FT_TEXT, PH(name), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The phase's name" },
    { "goal", FT_TEXT, PH(goal), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the customer wants from this phase" },
    { "description", FT_TEXT, PH(description), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What happens in the phase" },
    { "involvement", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_involvement,
      write_involvement, "involvement",
      "Persona id to driver, participant, gatekeeper (must approve before the journey moves on) or none" },
    { "steps", FT_CARDS, PH(steps), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Steps the customer takes (cards)" },
    { "actions", FT_CARDS, PH(actions), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Customer actions (cards)" },
    { "thoughts", FT_CARDS, PH(thoughts), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the customer thinks (cards)" },
    { "emotions", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_emotions,
      write_emotions, "emotions",
      "Persona id to a score on -3..+3, or {score, note, evidence}" },
    { "pains", FT_CARDS, PH(pains), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Pain points (cards; an id is generated when missing)" },
    { "opportunities", FT_CARDS, PH(opportunities), 0, NULL, NOLIMIT, NULL,
      NULL, NULL,
      "Opportunities (cards; an id is generated when missing)" },
    { "needs", FT_CARDS, PH(needs), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the customer needs here (cards)" },
    { "activities", FT_STRS, PH(activities), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Activities (project journeys)" },
    { "content", FT_STRS, PH(content), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Content the customer looks for" },
    { "deliverables", FT_STRS, PH(deliverables), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Work products of the phase (project journeys)" },
    { "questions", FT_STRS, PH(questions), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Questions to ask (project journeys)" },
    { "touchpoints", FT_STRS, PH(touchpoints), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Ids of the touchpoints used in this phase" },
    { "blueprint", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_blueprint,
      write_blueprint, "blueprint",
      "Service blueprint lanes and links" },
    { "transitions", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_transitions,
      write_transitions, "transitions",
      "Daily probabilities of moving on, dropping out and going back; approvals" },
    { "duration", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_duration,
      write_duration, "duration",
      "Triangular holding time in days {min, mode, max}, or one number (instead of advance)" },
    { "time_budget", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_budget, write_budget, "time",
      "The time the phase should take: minutes, or {standard, tolerance, unit}" },
    { "cost", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_phase_cost, write_phase_cost, "cost",
      "What the phase costs: {per_day, per_entry, fixed}" },
    { "suppress", FT_STRS, PH(suppress), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Lint rules switched off here, each \"rule-id: why\" (cjm lint)" },
};
#undef PH

/* ---- actions and scenarios -------------------------------------------- */

static void read_effect(bctx *c, const node *n, const char *path, void *obj)
{
    read_changes(c, n, path, &((cjm_action *)obj)->effect);
}

static node *write_effect(arena *a, const void *obj)
{
    return write_changes(a, &((const cjm_action *)obj)->effect);
}

/* horizon: now | next | later | a date YYYY-MM-DD */
static void read_horizon(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_action *ac = obj;
    const char *s = n->kind == NODE_STR ? n->v.str.s : NULL;
    int y, m, dd;
    char tail;
    if (s && (strcmp(s, "now") == 0 || strcmp(s, "next") == 0
              || strcmp(s, "later") == 0)) {
        ac->horizon = s;
        return;
    }
    if (s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3
        && m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
        ac->horizon = s;
        return;
    }
    char buf[96];
    model_error(c->d, n, 0, path, "expected now, next, later or a date "
                "YYYY-MM-DD, got %s", describe(n, buf, sizeof buf));
}

static node *write_horizon(arena *a, const void *obj)
{
    return text_node(a, ((const cjm_action *)obj)->horizon);
}

#define AC(m) offsetof(cjm_action, m)
static const field action_fields[] = {
    { "id", FT_ID, AC(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The action's id" },
    { "title", FT_TEXT, AC(title), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "What to do" },
    { "description", FT_TEXT, AC(description), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Details" },
    { "addresses", FT_STRS, AC(addresses), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Ids of the pains and opportunities it addresses" },
    { "phase", FT_ID, AC(phase), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The phase it changes" },
    { "owner", FT_TEXT, AC(owner), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Who does it" },
    { "impact", FT_INT, AC(impact), 0, NULL, 1, 5, NULL, NULL, NULL,
      "Expected impact, 1..5 (default 3)" },
    { "effort", FT_NUM, AC(effort), 0, NULL, 0.01, 100000, NULL, NULL, NULL,
      "Effort (default 3)" },
    { "confidence", FT_NUM, AC(confidence), 0, NULL, 0, 1, NULL, NULL, NULL,
      "Confidence in the impact, 0..1 (default 0.5)" },
    { "kpi", FT_TEXT, AC(kpi), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "How success is measured" },
    { "horizon", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_horizon, write_horizon, "horizon",
      "now, next (default), later or a date YYYY-MM-DD" },
    { "effect", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_effect, write_effect, "changes",
      "The change the action makes, for the simulator" },
    { "lanes", FT_STRS, AC(lanes), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "Blueprint lanes it changes" },
};
#undef AC

static void read_scenario_changes(bctx *c, const node *n, const char *path,
                                  void *obj)
{
    read_changes(c, n, path, &((cjm_scenario *)obj)->changes);
}

static node *write_scenario_changes(arena *a, const void *obj)
{
    const cjm_scenario *sc = obj;
    node *v = write_changes(a, &sc->changes);
    return v ? v : sc->journey ? NULL : node_new(a, NODE_SEQ, NULL, 0, 0);
}

static void read_scenario_journey(bctx *c, const node *n, const char *path, void *obj)
{
    if (expect_map(c, n, path) == 0)
        ((cjm_scenario *)obj)->journey = n;
}

static node *write_scenario_journey(arena *a, const void *obj)
{
    const node *n = ((const cjm_scenario *)obj)->journey;
    long budget = 10000000;
    return n ? node_copy(a, n, &budget) : NULL;
}

#define SC(m) offsetof(cjm_scenario, m)
static const field scenario_fields[] = {
    { "id", FT_ID, SC(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The scenario's id (cjm simulate --scenario)" },
    { "name", FT_TEXT, SC(name), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The scenario's name" },
    { "description", FT_TEXT, SC(description), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the scenario tries" },
    { "changes", FT_CUSTOM, 0, 0, NULL, NOLIMIT,
      read_scenario_changes, write_scenario_changes, "changes",
      "Changes to phases and touchpoints" },
    { "journey", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_scenario_journey,
      write_scenario_journey, "journey",
      "A whole journey the scenario runs on instead (what a Lua apply function "
      "returns); checked with the journey" },
};
#undef SC

/* ---- the journey ------------------------------------------------------ */

/* Read a list of entities of SIZE bytes each with FIELDS; INIT sets the
 * defaults of one entity before its fields are read. */
static void *read_list(bctx *c, const node *n, const char *path,
                       const field *fields, int count, size_t size,
                       void (*init)(void *obj, const node *src), int *out_count)
{
    char p[512];
    *out_count = 0;
    if (expect_seq(c, n, path) < 0)
        return NULL;
    char *items = arena_alloc(c->a, size * (size_t)(n->count + 1));
    int i = 0;
    for (const node *k = n->first; k; k = k->next, i++) {
        void *obj = items + size * (size_t)i;
        init(obj, k);
        read_fields(c, k, index_path(p, sizeof p, path, i), fields, count, obj);
    }
    *out_count = i;
    return items;
}

static void init_persona(void *obj, const node *src)
{
    cjm_persona *p = obj;
    p->src = src;
    p->role = ROLE_CUSTOMER;
    p->age = -1;
    p->tenure_years = -1;
}

static void init_touchpoint(void *obj, const node *src)
{
    cjm_touchpoint *t = obj;
    t->src = src;
    t->control = CONTROL_DIRECT;
    t->timing = TIMING_DURING;
    t->online = -1;         /* decided from the channel below */
    t->reach = 1.0;
    t->lift = 1.0;
    t->cost = (cjm_cost){ -1, -1, -1, -1 };     /* not given */
}

static void init_phase(void *obj, const node *src)
{
    cjm_phase *ph = obj;
    ph->src = src;
    ph->time_budget.standard = ph->time_budget.tolerance = -1;
    ph->cost = (cjm_cost){ -1, -1, -1, -1 };
}

static void init_action(void *obj, const node *src)
{
    cjm_action *ac = obj;
    ac->src = src;
    ac->impact = 3;
    ac->effort = 3;
    ac->confidence = 0.5;
    ac->horizon = "next";
}

static void init_scenario(void *obj, const node *src)
{
    ((cjm_scenario *)obj)->src = src;
}

static void read_segment_changes(bctx *c, const node *n, const char *path, void *obj)
{
    read_changes(c, n, path, &((cjm_segment *)obj)->changes);
}

static node *write_segment_changes(arena *a, const void *obj)
{
    const cjm_segment *sg = obj;
    return sg->changes.count ? write_changes(a, &sg->changes) : NULL;
}

#define SG(f) offsetof(cjm_segment, f)
static const field segment_fields[] = {
    { "id", FT_ID, SG(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The segment's id" },
    { "name", FT_TEXT, SG(name), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the segment is called in reports" },
    { "persona", FT_ID, SG(persona), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The persona the segment stands for, if any" },
    { "share", FT_NUM, SG(share), F_REQUIRED, NULL, 0, 1, NULL, NULL, NULL,
      "Its share of the journeys (the segments' shares add up to 1)" },
    { "changes", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_segment_changes,
      write_segment_changes, "changes",
      "How its numbers differ: changes as a scenario's (transitions, reach, lift)" },
};
#undef SG

static void init_segment(void *obj, const node *src)
{
    ((cjm_segment *)obj)->src = src;
}

static void init_outcome(void *obj, const node *src)
{
    ((cjm_outcome *)obj)->src = src;
    ((cjm_outcome *)obj)->value = -1;
}

#define O(f) offsetof(cjm_outcome, f)
static const field outcome_fields[] = {
    { "id", FT_ID, O(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The outcome's id, which transitions.to names" },
    { "name", FT_TEXT, O(name), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the outcome is called in reports" },
    { "success", FT_BOOL, O(success), F_SKIP_FALSE, NULL, NOLIMIT, NULL, NULL, NULL,
      "Whether reaching it counts as conversion (default false)" },
    { "value", FT_NUM, O(value), F_SKIP_NEG, NULL, 0, 1e15, NULL, NULL, NULL,
      "What reaching it is worth (default: the journey's value for success, else 0)" },
};
#undef O

static const field value_fields[] = {
    { "mean", FT_NUM, offsetof(cjm_journey, value), F_REQUIRED, NULL, 0, 1e15, NULL, NULL,
      NULL, "The mean deal size" },
    { "sd", FT_NUM, offsetof(cjm_journey, value_sd), 0, NULL, 0, 1e15, NULL, NULL, NULL,
      "Its standard deviation (for the forecast's intervals of value)" },
};

static void read_value(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_journey *j = obj;
    double v;
    if (n->kind == NODE_MAP)
        read_fields(c, n, path, value_fields, COUNT(value_fields), j);
    else if (read_number(c, n, path, &v) == 0 && check_range(c, n, path, v, 0, 1e15) == 0)
        j->value = v;
}

static node *write_value(arena *a, const void *obj)
{
    const cjm_journey *j = obj;
    if (j->value < 0)
        return NULL;
    return j->value_sd > 0 ? write_fields(a, j, value_fields, COUNT(value_fields))
                           : num_node(a, j->value);
}

/* arrivals: { per_week: N } or { weeks: [N, N, ...] }, and forecast_weeks */
static void read_arrival_weeks(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_journey *j = obj;
    char p[512];
    if (expect_seq(c, n, path) < 0)
        return;
    j->arrival_weeks = arena_alloc(c->a, sizeof(double) * (size_t)(n->count + 1));
    int i = 0;
    for (const node *k = n->first; k; k = k->next, i++) {
        double v;
        index_path(p, sizeof p, path, i);
        if (read_number(c, k, p, &v) == 0 && check_range(c, k, p, v, 0, 1e9) == 0)
            j->arrival_weeks[j->arrival_week_count++] = v;
    }
}

static node *write_arrival_weeks(arena *a, const void *obj)
{
    const cjm_journey *j = obj;
    if (!j->arrival_week_count)
        return NULL;
    node *seq = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < j->arrival_week_count; i++)
        node_append(seq, num_node(a, j->arrival_weeks[i]));
    return seq;
}

static const field arrival_fields[] = {
    { "per_week", FT_NUM, offsetof(cjm_journey, arrivals_per_week), F_SKIP_NEG, NULL, 0, 1e9,
      NULL, NULL, NULL, "New journeys every week, steadily" },
    { "weeks", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_arrival_weeks, write_arrival_weeks,
      "numbers", "New journeys week by week (a campaign calendar), from week 1" },
    { "forecast_weeks", FT_INT, offsetof(cjm_journey, forecast_weeks), 0, NULL, 1, 5200,
      NULL, NULL, NULL, "How many weeks to forecast (default: the horizon's)" },
};

static void read_arrivals(bctx *c, const node *n, const char *path, void *obj)
{
    if (expect_map(c, n, path) == 0)
        read_fields(c, n, path, arrival_fields, COUNT(arrival_fields), obj);
}

static node *write_arrivals(arena *a, const void *obj)
{
    const cjm_journey *j = obj;
    if (j->arrivals_per_week < 0 && !j->arrival_week_count)
        return NULL;
    return write_fields(a, j, arrival_fields, COUNT(arrival_fields));
}


#define LIST_READER(name, type, member, countm, table, init)                \
    static void read_##name(bctx *c, const node *n, const char *path,      \
                            void *obj)                                      \
    {                                                                       \
        cjm_journey *j = obj;                                               \
        j->member = read_list(c, n, path, table, COUNT(table),              \
                              sizeof(type), init, &j->countm);             \
    }                                                                       \
    static node *write_##name(arena *a, const void *obj)                    \
    {                                                                       \
        const cjm_journey *j = obj;                                         \
        node *seq = node_new(a, NODE_SEQ, NULL, 0, 0);                      \
        for (int i = 0; i < j->countm; i++)                                 \
            node_append(seq, write_fields(a, &j->member[i], table,          \
                                          COUNT(table)));                   \
        return seq;                                                         \
    }
LIST_READER(personas, cjm_persona, personas, persona_count, persona_fields,
            init_persona)
LIST_READER(touchpoints, cjm_touchpoint, touchpoints, touchpoint_count,
            touchpoint_fields, init_touchpoint)
LIST_READER(phases, cjm_phase, phases, phase_count, phase_fields, init_phase)
LIST_READER(actions, cjm_action, actions, action_count, action_fields,
            init_action)
LIST_READER(scenarios, cjm_scenario, scenarios, scenario_count,
            scenario_fields, init_scenario)
LIST_READER(outcomes_list, cjm_outcome, outcomes, outcome_count, outcome_fields,
            init_outcome)
LIST_READER(segments_list, cjm_segment, segments, segment_count, segment_fields,
            init_segment)

static void read_segments(bctx *c, const node *n, const char *path, void *obj)
{
    read_segments_list(c, n, path, obj);
}

static node *write_segments(arena *a, const void *obj)
{
    return ((const cjm_journey *)obj)->segment_count ? write_segments_list(a, obj) : NULL;
}

static void read_outcomes(bctx *c, const node *n, const char *path, void *obj)
{
    read_outcomes_list(c, n, path, obj);
}

/* (not written when the journey names none) */
static node *write_outcomes(arena *a, const void *obj)
{
    return ((const cjm_journey *)obj)->outcome_count ? write_outcomes_list(a, obj) : NULL;
}

static void read_locale(bctx *c, const node *n, const char *path, void *obj)
{
    cjm_journey *j = obj;
    const char *s = n->kind == NODE_STR ? n->v.str.s : "";
    size_t len = strlen(s), lang = strspn(s, "abcdefghijklmnopqrstuvwxyz");
    if (lang >= 2 && lang <= 3 && (len == lang || (s[lang] == '-' && len - lang >= 3
                                                   && len - lang <= 9))) {
        j->locale = s;
        return;
    }
    char buf[96];
    model_error(c->d, n, 0, path, "expected a language code such as en, ja, "
                "zh or zh-Hant, got %s", describe(n, buf, sizeof buf));
}

static node *write_locale(arena *a, const void *obj)
{
    return text_node(a, ((const cjm_journey *)obj)->locale);
}

static void read_maps(bctx *c, const node *n, const char *path, void *obj)
{
    if (expect_map(c, n, path) == 0)
        ((cjm_journey *)obj)->maps = n;
}

static node *write_maps(arena *a, const void *obj)
{
    const cjm_journey *j = obj;
    long budget = 10000000;
    return j->mapped ? model_to_node(a, j->mapped) : j->maps ? node_copy(a, j->maps, &budget)
                                                             : NULL;
}

#define J(m) offsetof(cjm_journey, m)
static const field journey_fields[] = {
    { "id", FT_ID, J(id), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The journey's id: letters, digits, _ and -, starting with a letter" },
    { "title", FT_TEXT, J(title), F_REQUIRED, NULL, NOLIMIT, NULL, NULL, NULL,
      "The title shown on the map and in reports" },
    { "description", FT_TEXT, J(description), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "What the journey is about" },
    { "kind", FT_ENUM, J(kind), 0, kind_names, NOLIMIT, NULL, NULL, NULL,
      "b2b, b2c or other (default other)" },
    { "locale", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_locale, write_locale, "locale",
      "Language of the journey's text: en, ja, zh, zh-Hant... (default en)" },
    { "horizon", FT_INT, J(horizon), 0, NULL, 1, 36500, NULL, NULL, NULL,
      "Simulation horizon in days (default 365)" },
    { "personas", FT_CUSTOM, 0, F_REQUIRED, NULL, NOLIMIT, read_personas,
      write_personas, "list:persona",
      "The people on the journey (at least one)" },
    { "touchpoints", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_touchpoints,
      write_touchpoints, "list:touchpoint",
      "Where the company and the customer meet: channels, with reach and lift" },
    { "phases", FT_CUSTOM, 0, F_REQUIRED, NULL, NOLIMIT, read_phases,
      write_phases, "list:phase",
      "The phases, in chronological order (at least one)" },
    { "actions", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_actions, write_actions, "list:action",
      "The action plan: what to change, against which pains" },
    { "scenarios", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_scenarios,
      write_scenarios, "list:scenario",
      "What-if changes for the simulator" },
    { "value", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_value, write_value, "value",
      "What a conversion is worth (a deal size): a number, or {mean, sd} when deals vary" },
    { "currency", FT_TEXT, J(currency), 0, NULL, NOLIMIT, NULL, NULL, NULL,
      "The unit of costs and values in reports (EUR, USD, ...)" },
    { "segments", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_segments, write_segments,
      "list:segment",
      "Parts of the journeys with numbers of their own, simulated as a mix" },
    { "arrivals", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_arrivals, write_arrivals, "arrivals",
      "New journeys over the calendar, for a weekly forecast: {per_week} or {weeks: [...]}" },
    { "start", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_start, write_start, "probabilities",
      "Where journeys start: phase id to a share, adding up to 1 (default: the first phase)" },
    { "outcomes", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_outcomes, write_outcomes,
      "list:outcome",
      "Named ends besides dropping out (default: converted, after the last phase)" },
    { "maps", FT_CUSTOM, 0, 0, NULL, NOLIMIT, read_maps, write_maps, "journey",
      "For a mapping project: the customer journey it maps, whole (cjm plan plans it)" },
};
#undef J

static const field_table tables[] = {
    { "journey", journey_fields, COUNT(journey_fields) },
    { "persona", persona_fields, COUNT(persona_fields) },
    { "touchpoint", touchpoint_fields, COUNT(touchpoint_fields) },
    { "phase", phase_fields, COUNT(phase_fields) },
    { "action", action_fields, COUNT(action_fields) },
    { "scenario", scenario_fields, COUNT(scenario_fields) },
    { "card", card_fields, COUNT(card_fields) },
    { "change", change_fields, COUNT(change_fields) },
    { "outcome", outcome_fields, COUNT(outcome_fields) },
    { "segment", segment_fields, COUNT(segment_fields) },
    { "cost", cost_fields, COUNT(cost_fields) },
    { "arrivals", arrival_fields, COUNT(arrival_fields) },
    { "value", value_fields, COUNT(value_fields) },
    { "evidence", evidence_fields, COUNT(evidence_fields) },
    { "time", time_fields, COUNT(time_fields) },
    { "fail_point", fail_fields, COUNT(fail_fields) },
    { "duration_edit", duration_edit_fields, COUNT(duration_edit_fields) },
    { "emotion", emotion_fields_full, COUNT(emotion_fields_full) },
    { "transitions", transition_fields, COUNT(transition_fields) },
    { "duration", duration_fields, COUNT(duration_fields) },
    { "link", link_fields, COUNT(link_fields) },
    { "blueprint", blueprint_fields, COUNT(blueprint_fields) },
};

const field_table *model_field_tables(int *count)
{
    *count = COUNT(tables);
    return tables;
}

const field_table *model_field_table(const char *name)
{
    for (int i = 0; i < COUNT(tables); i++)
        if (strcmp(tables[i].name, name) == 0)
            return &tables[i];
    return NULL;
}

/* Hash the ids of personas, phases and touchpoints (a duplicate keeps
 * the first; validation reports it). */
static void index_ids(arena *a, cjm_journey *j)
{
    idmap_init(&j->persona_ids, a, j->persona_count);
    for (int i = 0; i < j->persona_count; i++)
        idmap_add(&j->persona_ids, j->personas[i].id, i);
    idmap_init(&j->phase_ids, a, j->phase_count);
    for (int i = 0; i < j->phase_count; i++)
        idmap_add(&j->phase_ids, j->phases[i].id, i);
    idmap_init(&j->touchpoint_ids, a, j->touchpoint_count);
    for (int i = 0; i < j->touchpoint_count; i++)
        idmap_add(&j->touchpoint_ids, j->touchpoints[i].id, i);
}

cjm_journey *model_build(arena *a, const node *root, diag_list *d)
{
    bctx c = { a, d };
    cjm_journey *j = arena_alloc(a, sizeof *j);
    j->src = root;
    j->kind = KIND_OTHER;
    j->locale = "en";
    j->horizon = 365;
    j->value = -1;
    j->arrivals_per_week = -1;
    if (root->kind == NODE_NULL) {
        model_error(d, root, 0, NULL, "the document is empty: expected a "
                    "journey mapping with id, title, personas and phases");
        return j;
    }
    read_fields(&c, root, "", journey_fields, COUNT(journey_fields), j);
    index_ids(a, j);
    /* Touchpoints are online unless their channel is an offline one. */
    for (int i = 0; i < j->touchpoint_count; i++)
        if (j->touchpoints[i].online < 0)
            j->touchpoints[i].online = !model_channel_offline(
                j->touchpoints[i].channel);
    return j;
}

node *model_to_node(arena *a, const cjm_journey *j)
{
    node *root = write_fields(a, j, journey_fields, COUNT(journey_fields));
    /* Empty optional lists are left out; personas and phases always shown. */
    node *kept = node_new(a, NODE_MAP, NULL, 0, 0);
    for (node *k = root->first; k;) {
        node *next = k->next;
        int optional_list = k->kind == NODE_SEQ && k->count == 0
            && (strcmp(k->key, "touchpoints") == 0
                || strcmp(k->key, "actions") == 0
                || strcmp(k->key, "scenarios") == 0);
        if (!optional_list)
            node_append(kept, k);
        k = next;
    }
    return kept;
}

double model_phase_minutes(const cjm_phase *ph)
{
    const cjm_cards *lists[] = { &ph->steps, &ph->actions, &ph->blueprint.evidence,
                                 &ph->blueprint.customer, &ph->blueprint.frontstage,
                                 &ph->blueprint.backstage, &ph->blueprint.support };
    double total = 0;
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (int k = 0; k < lists[l]->count; k++)
            if (lists[l]->items[k].time.standard > 0)
                total += lists[l]->items[k].time.standard;
    return total;
}

int model_find_persona(const cjm_journey *j, const char *id)
{
    return idmap_find(&j->persona_ids, id);
}

int model_find_phase(const cjm_journey *j, const char *id)
{
    return idmap_find(&j->phase_ids, id);
}

int model_find_touchpoint(const cjm_journey *j, const char *id)
{
    return idmap_find(&j->touchpoint_ids, id);
}

cjm_involvement model_involvement(const cjm_journey *j, const cjm_phase *ph, int p)
{
    const char *id = j->personas[p].id;
    for (int k = 0; id && k < ph->involvement_count; k++)
        if (strcmp(ph->involvement[k].persona, id) == 0)
            return ph->involvement[k].level;
    return INV_NONE;
}

static const cjm_card_list card_lists[] = {
    { "steps", "step", offsetof(cjm_phase, steps), 0 },
    { "actions", "customer action", offsetof(cjm_phase, actions), 0 },
    { "thoughts", "thought", offsetof(cjm_phase, thoughts), 0 },
    { "pains", "pain", offsetof(cjm_phase, pains), 0 },
    { "opportunities", "opportunity", offsetof(cjm_phase, opportunities), 0 },
    { "needs", "need", offsetof(cjm_phase, needs), 0 },
    { "evidence", "physical evidence", offsetof(cjm_phase, blueprint.evidence), 1 },
    { "customer", "customer (blueprint)", offsetof(cjm_phase, blueprint.customer), 1 },
    { "frontstage", "frontstage", offsetof(cjm_phase, blueprint.frontstage), 1 },
    { "backstage", "backstage", offsetof(cjm_phase, blueprint.backstage), 1 },
    { "support", "support", offsetof(cjm_phase, blueprint.support), 1 },
};

const cjm_card_list *model_card_lists(int *count)
{
    *count = (int)(sizeof card_lists / sizeof card_lists[0]);
    return card_lists;
}

const cjm_cards *model_cards(const cjm_phase *ph, const cjm_card_list *l)
{
    return (const cjm_cards *)((const char *)ph + l->offset);
}
