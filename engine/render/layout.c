/*
 * layout.c — pages of boxes: allocation, text boxes, fitting a page,
 * and the JSON form tests read.  The views are in layout_*.c.
 */
#include "render/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsout.h"
#include "base/sbuf.h"

rdoc *rdoc_new(void)
{
    rdoc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        fsout_fatal("out of memory");
    }
    arena_init(&doc->mem);
    return doc;
}

void rdoc_truncate(rdoc *doc, int count)
{
    for (int i = count; i < doc->count; i++) {
        rpage *p = &doc->pages[i];
        for (int k = 0; k < p->count; k++)
            if (p->boxes[k].layout)
                g_object_unref(p->boxes[k].layout);
        free(p->boxes);
    }
    if (count < doc->count)
        doc->count = count;
}

void rdoc_free(rdoc *doc)
{
    if (!doc)
        return;
    rdoc_truncate(doc, 0);
    free(doc->pages);
    arena_free(&doc->mem);
    free(doc);
}

rpage *rdoc_add_page(rdoc *doc)
{
    if (doc->count == doc->cap) {
        doc->cap = doc->cap ? doc->cap * 2 : 4;
        rpage *grown = realloc(doc->pages, sizeof *grown * (size_t)doc->cap);
        if (!grown) {
            fsout_fatal("out of memory");
        }
        doc->pages = grown;
    }
    rpage *p = &doc->pages[doc->count++];
    memset(p, 0, sizeof *p);
    p->scale = 1;
    return p;
}

box *page_box(rdoc *doc, rpage *p, box_kind kind, double x, double y,
              double w, double h)
{
    (void)doc;
    if (p->count == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        box *grown = realloc(p->boxes, sizeof *grown * (size_t)p->cap);
        if (!grown) {
            fsout_fatal("out of memory");
        }
        p->boxes = grown;
    }
    box *b = &p->boxes[p->count++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->x = x;
    b->y = y;
    b->w = w;
    b->h = h;
    b->color = -1;
    return b;
}

double page_shaped(rdoc *doc, rpage *p, double x, double y, PangoLayout *layout,
                   text_style style, unsigned flags, const char *ref)
{
    double lx, ly, lw, lh;
    text_logical(layout, &lx, &ly, &lw, &lh);
    const char *text = pango_layout_get_text(layout);
    int unknown = pango_layout_get_unknown_glyphs_count(layout);
    if (unknown) {
        doc->unknown_glyphs += unknown;
        if (!doc->unknown_sample)
            doc->unknown_sample = arena_strdup(&doc->mem, text);
    }
    /* the box is the text's logical extent, not the whole column */
    box *b = page_box(doc, p, BOX_TEXT, x + lx, y + ly, lw, lh);
    b->role = style;
    b->flags = flags;
    b->text = arena_strdup(&doc->mem, text);
    b->ref = ref ? arena_strdup(&doc->mem, ref) : NULL;
    b->layout = layout;
    return lh;
}

double page_text(rdoc *doc, rpage *p, double x, double y, double width,
                 const char *text, text_style style, unsigned flags,
                 int align, const char *ref)
{
    if (!text || !*text)
        return 0;
    return page_shaped(doc, p, x, y, text_shape(text, style, width, align), style,
                       flags, ref);
}

double measure_text(const char *text, text_style style, double width)
{
    if (!text || !*text)
        return 0;
    PangoLayout *layout = text_shape(text, style, width, 0);
    double w, h;
    text_extent(layout, &w, &h);
    g_object_unref(layout);
    return h;
}

void page_fit(rpage *p, double content_w, double content_h, double page_w,
              double page_h, double margin)
{
    if (page_w <= 0 || page_h <= 0) {
        p->width = content_w + 2 * margin;
        p->height = content_h + 2 * margin;
        p->scale = 1;
        p->ox = margin;
        p->oy = margin;
        return;
    }
    double avail_w = page_w - 2 * margin, avail_h = page_h - 2 * margin;
    double s = avail_w / content_w;
    if (avail_h / content_h < s)
        s = avail_h / content_h;
    if (s > 1.5)
        s = 1.5;            /* small content is not blown up past legibility */
    p->width = page_w;
    p->height = page_h;
    p->scale = s;
    p->ox = (page_w - content_w * s) / 2;
    p->oy = margin + (avail_h - content_h * s) / 2;
    if (p->oy > margin)
        p->oy = margin;     /* content starts at the top of the page */
}

double page_min_text(const rpage *p)
{
    double min = 0;
    for (int k = 0; k < p->count; k++)
        if (p->boxes[k].kind == BOX_TEXT && p->boxes[k].layout) {
            double sz = text_points(p->boxes[k].layout) * p->scale;
            if (min == 0 || sz < min)
                min = sz;
        }
    return min;
}

/* ---- JSON ------------------------------------------------------------------ */

static const char *const kind_names[] = {
    "text", "rect", "line", "icon", "curve", "mark", "avatar", "arrow", "pips", "area"
};

char *rdoc_to_json(const rdoc *doc, size_t *len)
{
    sbuf j = { 0 };
    sbuf_put(&j, "{\"pages\": [\n", 12);
    for (int i = 0; i < doc->count; i++) {
        const rpage *p = &doc->pages[i];
        sbuf_printf(&j, "{\"width\": %.2f, \"height\": %.2f, \"boxes\": [\n",
                p->width, p->height);
        for (int k = 0; k < p->count; k++) {
            const box *b = &p->boxes[k];
            sbuf_printf(&j, "{\"kind\": \"%s\", \"x\": %.2f, \"y\": %.2f, "
                    "\"w\": %.2f, \"h\": %.2f, \"role\": %d", kind_names[b->kind],
                    p->ox + b->x * p->scale, p->oy + b->y * p->scale,
                    b->w * p->scale, b->h * p->scale, b->role);
            if (b->text) {
                sbuf_put(&j, ", \"text\": ", 10);
                sbuf_json_string(&j, b->text, strlen(b->text));
            }
            if (b->kind == BOX_TEXT && b->layout)
                sbuf_printf(&j, ", \"size\": %.2f", text_points(b->layout) * p->scale);
            if (b->hint) {
                sbuf_put(&j, ", \"hint\": ", 10);
                sbuf_json_string(&j, b->hint, strlen(b->hint));
            }
            if (b->ref) {
                sbuf_put(&j, ", \"ref\": ", 9);
                sbuf_json_string(&j, b->ref, strlen(b->ref));
            }
            if (b->npts) {
                sbuf_put(&j, ", \"points\": [", 13);
                for (int q = 0; q < b->npts; q++)
                    sbuf_printf(&j, "%s[%.2f, %.2f]", q ? ", " : "",
                            p->ox + b->pts[2 * q] * p->scale,
                            p->oy + b->pts[2 * q + 1] * p->scale);
                sbuf_put(&j, "]", 1);
            }
            sbuf_printf(&j, "}%s\n", k + 1 < p->count ? "," : "");
        }
        sbuf_printf(&j, "]}%s\n", i + 1 < doc->count ? "," : "");
    }
    sbuf_printf(&j, "], \"unknown_glyphs\": %d}\n", doc->unknown_glyphs);
    char *text = sbuf_finish(&j, len);
    if (!text) {
        fsout_fatal("out of memory");
    }
    return text;
}

/* The first character of the word at S (up to a space), upper-cased,
 * appended to OUT; whether it is a CJK character (outside Latin scripts). */
static int add_initial(const char *s, char *out, size_t cap)
{
    gunichar c = g_utf8_get_char_validated(s, -1);
    if (c == (gunichar)-1 || c == (gunichar)-2)
        return 0;
    char buf[8];
    int n = g_unichar_to_utf8(g_unichar_toupper(c), buf);
    size_t used = strlen(out);
    if (used + (size_t)n < cap) {
        memcpy(out + used, buf, (size_t)n);
        out[used + (size_t)n] = '\0';
    }
    return c >= 0x2E80;
}

const char *layout_initials(arena *a, const char *name)
{
    /* the first character of the first and the last word ("AT" for Aiko
     * Tanaka, "S1" for Stakeholder number 1); one character for a name in
     * a CJK script (佐 for 佐藤 花子) */
    char out[24] = "";
    const char *first = name, *last = NULL;
    while (*first == ' ')
        first++;
    for (const char *s = first; *s; s++)
        if (*s == ' ' && s[1] && s[1] != ' ')
            last = s + 1;
    if (*first && !add_initial(first, out, sizeof out) && last)
        add_initial(last, out, sizeof out);
    return arena_strdup(a, out);
}
