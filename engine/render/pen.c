/*
 * pen.c — drawing calls that go to cairo, or to a writer attached to the
 * cairo context (svg_writer.c, pdf_writer.c); see pen.h.
 */
#include "render/pen_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct pen_target { const pen_ops *ops; void *self; } pen_target;

static const cairo_user_data_key_t pen_key;

int pen_attach(cairo_t *cr, const pen_ops *ops, void *self)
{
    pen_target *t = malloc(sizeof *t);
    if (!t)
        return -1;
    t->ops = ops;
    t->self = self;
    if (cairo_set_user_data(cr, &pen_key, t, free) != CAIRO_STATUS_SUCCESS) {
        free(t);
        return -1;
    }
    return 0;
}

static pen_target *target(cairo_t *cr)
{
    return cairo_get_user_data(cr, &pen_key);
}

void pen_fill_preserve(cairo_t *cr)
{
    pen_target *t = target(cr);
    if (t)
        t->ops->fill(t->self, cr);
    else
        cairo_fill_preserve(cr);
}

void pen_fill(cairo_t *cr)
{
    pen_target *t = target(cr);
    if (!t) {
        cairo_fill(cr);
        return;
    }
    t->ops->fill(t->self, cr);
    cairo_new_path(cr);
}

void pen_stroke(cairo_t *cr)
{
    pen_target *t = target(cr);
    if (!t) {
        cairo_stroke(cr);
        return;
    }
    t->ops->stroke(t->self, cr);
    cairo_new_path(cr);
}

void pen_clip(cairo_t *cr)
{
    pen_target *t = target(cr);
    if (!t) {
        cairo_clip(cr);
        return;
    }
    t->ops->clip(t->self, cr);
    cairo_new_path(cr);
}

void pen_save(cairo_t *cr)
{
    cairo_save(cr);
    pen_target *t = target(cr);
    if (t)
        t->ops->save(t->self);
}

void pen_restore(cairo_t *cr)
{
    cairo_restore(cr);
    pen_target *t = target(cr);
    if (t)
        t->ops->restore(t->self);
}

void pen_paint_image(cairo_t *cr, cairo_surface_t *img)
{
    pen_target *t = target(cr);
    if (t) {
        t->ops->image(t->self, cr, img);
        return;
    }
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_paint(cr);
}

void pen_show_layout(cairo_t *cr, PangoLayout *layout)
{
    pen_target *t = target(cr);
    if (t) {
        t->ops->layout(t->self, cr, layout);
        cairo_new_path(cr);
        return;
    }
    pango_cairo_show_layout(cr, layout);
}

const char *pen_lang_tag(const char *lang)
{
    if (!lang || !*lang || strlen(lang) > 35)
        return NULL;
    for (const char *c = lang; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')
              || (*c >= '0' && *c <= '9') || *c == '-'))
            return NULL;
    return lang;
}

cairo_path_t *pen_page_path(cairo_t *cr)
{
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    cairo_identity_matrix(cr);
    cairo_path_t *p = cairo_copy_path(cr);
    cairo_set_matrix(cr, &m);
    return p;
}

double pen_page_length(cairo_t *cr, double d)
{
    double dx = d, dy = 0;
    cairo_user_to_device_distance(cr, &dx, &dy);
    return hypot(dx, dy);
}

void pen_source_rgba(cairo_t *cr, double *r, double *g, double *b, double *a)
{
    *r = *g = *b = 0;
    *a = 1;
    cairo_pattern_get_rgba(cairo_get_source(cr), r, g, b, a);
}

cairo_path_t *pen_glyph_path(cairo_t *scratch, cairo_scaled_font_t *sf,
                             unsigned long glyph)
{
    cairo_set_scaled_font(scratch, sf);
    cairo_new_path(scratch);
    cairo_glyph_t g = { glyph, 0, 0 };
    cairo_glyph_path(scratch, &g, 1);
    cairo_path_t *p = cairo_copy_path(scratch);
    cairo_new_path(scratch);
    return p;
}

/* Where the characters of glyph I of RUN are in the layout's TEXT: with
 * the first glyph of a cluster, in logical order. */
static void cluster_text(const PangoLayoutRun *run, int i, const char *text,
                         const char **s, size_t *n)
{
    const PangoGlyphString *gs = run->glyphs;
    int start = gs->log_clusters[i];
    int step = run->item->analysis.level & 1 ? -1 : 1;     /* logical order */
    *s = text + run->item->offset + start;
    *n = 0;
    int prev = i - step;
    if (prev >= 0 && prev < gs->num_glyphs && gs->log_clusters[prev] == start)
        return;
    int k = i + step;
    while (k >= 0 && k < gs->num_glyphs && gs->log_clusters[k] == start)
        k += step;
    int end = k >= 0 && k < gs->num_glyphs ? gs->log_clusters[k] : run->item->length;
    *n = (size_t)(end - start);
}

void pen_each_glyph(PangoLayout *layout, double x0, double y0,
                    int (*fn)(void *ctx, const pen_glyph_at *g), void *ctx)
{
    const char *text = pango_layout_get_text(layout);
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    int stop = 0;
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(it, NULL, &logical);
        int baseline = pango_layout_iter_get_baseline(it);
        cairo_scaled_font_t *sf =
            pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
        int x = logical.x;
        for (int i = 0; i < run->glyphs->num_glyphs && !stop; i++) {
            const PangoGlyphInfo *info = &run->glyphs->glyphs[i];
            pen_glyph_at g = { sf, info->glyph, 0, 0, { 0, 0, 0, 0 }, NULL, 0 };
            g.x = x0 + (double)(x + info->geometry.x_offset) / PANGO_SCALE;
            g.y = y0 + (double)(baseline + info->geometry.y_offset) / PANGO_SCALE;
            x += info->geometry.width;
            if (info->glyph == PANGO_GLYPH_EMPTY)
                continue;
            if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) || !sf) {
                /* no font has it: the box Pango would draw */
                double w = (double)info->geometry.width / PANGO_SCALE;
                double h = (double)logical.height / PANGO_SCALE;
                g.sf = NULL;
                g.box[0] = g.x + w * 0.1;
                g.box[1] = y0 + (double)logical.y / PANGO_SCALE + h * 0.15;
                g.box[2] = w * 0.8;
                g.box[3] = h * 0.7;
            }
            cluster_text(run, i, text, &g.text, &g.text_len);
            stop = fn(ctx, &g);
        }
    } while (!stop && pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

void pen_each_run(PangoLayout *layout, double x0, double y0,
                  void (*fn)(void *ctx, const pen_run_at *r), void *ctx)
{
    const char *text = pango_layout_get_text(layout);
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(it, NULL, &logical);
        PangoFontDescription *fd = pango_font_describe(run->item->analysis.font);
        pen_run_at r = { text + run->item->offset, (size_t)run->item->length,
                         x0 + (double)logical.x / PANGO_SCALE,
                         y0 + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE,
                         pango_font_description_get_family(fd),
                         (double)pango_font_description_get_size(fd) / PANGO_SCALE,
                         pango_font_description_get_weight(fd) >= PANGO_WEIGHT_SEMIBOLD,
                         pango_font_description_get_style(fd) != PANGO_STYLE_NORMAL };
        /* (a line's final break is not drawn) */
        while (r.text_len && (r.text[r.text_len - 1] == '\n' || r.text[r.text_len - 1] == '\r'))
            r.text_len--;
        if (r.text_len)
            fn(ctx, &r);
        pango_font_description_free(fd);
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

static cairo_status_t png_to_sbuf(void *closure, const unsigned char *data,
                                  unsigned int length)
{
    sbuf *b = closure;
    sbuf_put(b, data, length);
    return b->failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

int pen_png(cairo_surface_t *img, sbuf *out)
{
    return cairo_surface_write_to_png_stream(img, png_to_sbuf, out)
           == CAIRO_STATUS_SUCCESS && !out->failed ? 0 : -1;
}

static size_t glyph_hash(const void *font, unsigned long glyph, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)font * 0x9E3779B97F4A7C15ull
               ^ (uint64_t)glyph * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h ^ h >> 29) & (cap - 1);
}

int pen_glyphs_find(const pen_glyphs *g, const void *font, unsigned long glyph)
{
    if (!g->cap)
        return -1;
    for (size_t k = glyph_hash(font, glyph, g->cap); g->slots[k].font;
         k = (k + 1) & (g->cap - 1))
        if (g->slots[k].font == font && g->slots[k].glyph == glyph)
            return g->slots[k].value;
    return -1;
}

static void glyphs_insert(pen_glyph_slot *slots, size_t cap, pen_glyph_slot s)
{
    size_t k = glyph_hash(s.font, s.glyph, cap);
    while (slots[k].font)
        k = (k + 1) & (cap - 1);
    slots[k] = s;
}

int pen_glyphs_add(pen_glyphs *g, const void *font, unsigned long glyph, int value)
{
    if ((g->count + 1) * 10 > g->cap * 7) {
        size_t cap = g->cap ? g->cap * 2 : 512;
        pen_glyph_slot *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < g->cap; i++)
            if (g->slots[i].font)
                glyphs_insert(slots, cap, g->slots[i]);
        free(g->slots);
        g->slots = slots;
        g->cap = cap;
    }
    glyphs_insert(g->slots, g->cap, (pen_glyph_slot){ font, glyph, value });
    g->count++;
    return 0;
}

void pen_glyphs_free(pen_glyphs *g)
{
    free(g->slots);
    g->slots = NULL;
    g->cap = g->count = 0;
}
