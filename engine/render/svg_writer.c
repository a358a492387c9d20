/*
 * svg_writer.c — the SVG writer behind the pen (see pen.h): paths in page
 * coordinates, glyph outlines defined once in <defs> and placed with
 * <use>, clips as <clipPath>, images as embedded PNG.
 */
#include "render/pen_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct pen_svg {
    cairo_surface_t *target;    /* 1x1: paths are built, never filled */
    cairo_t *cr;
    cairo_t *scratch;           /* glyph outlines */
    double width, height;
    sbuf body, defs;
    pen_glyphs glyphs;          /* -> id in <defs>, 0: no ink */
    int next_id;
    int open_groups;            /* clip groups not yet closed */
    int saved[64];              /* open_groups at each pen_save */
    int save_depth;
    int text;                   /* <text> elements, not glyph outlines */
    char prefix[16];            /* before every id: several SVGs in one page */
    FILE *out;                  /* the file the body goes to as it grows, or NULL */
    int write_failed;
};

/* What the body may hold before it goes to the file. */
#define SVG_BODY_BLOCK (1u << 20)

/* After each drawing operation: a full block of the body to the file. */
static void spill(pen_svg *s)
{
    if (!s->out || s->body.len < SVG_BODY_BLOCK || s->body.failed)
        return;
    if (fwrite(s->body.data, 1, s->body.len, s->out) != s->body.len)
        s->write_failed = 1;
    s->body.len = 0;
}

static void hex_color(sbuf *b, double r, double g, double bl)
{
    static const char digits[] = "0123456789abcdef";
    char t[7] = "#";
    double c[3] = { r, g, bl };
    for (int i = 0; i < 3; i++) {
        int v = (int)lround((c[i] < 0 ? 0 : c[i] > 1 ? 1 : c[i]) * 255);
        t[1 + 2 * i] = digits[v >> 4];
        t[2 + 2 * i] = digits[v & 15];
    }
    sbuf_put(b, t, 7);
}

static void xml_text(sbuf *b, const char *s)
{
    sbuf_xml(b, s, strlen(s), 0);
}

static void path_data(sbuf *b, const cairo_path_t *p)
{
    for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
        const cairo_path_data_t *d = &p->data[i];
        int points = 0;
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO: sbuf_put(b, "M", 1); points = 1; break;
        case CAIRO_PATH_LINE_TO: sbuf_put(b, "L", 1); points = 1; break;
        case CAIRO_PATH_CURVE_TO: sbuf_put(b, "C", 1); points = 3; break;
        case CAIRO_PATH_CLOSE_PATH: sbuf_put(b, "Z", 1); break;
        }
        for (int k = 1; k <= points; k++) {
            if (k > 1)
                sbuf_put(b, " ", 1);
            sbuf_num(b, d[k].point.x);
            sbuf_put(b, " ", 1);
            sbuf_num(b, d[k].point.y);
        }
    }
}

/* ATTR="#rrggbb" (and ATTR-opacity) from the source colour. */
static void source_color(sbuf *b, cairo_t *cr, const char *attr)
{
    double r, g, bl, a;
    pen_source_rgba(cr, &r, &g, &bl, &a);
    sbuf_put(b, " ", 1);
    sbuf_puts(b, attr);
    sbuf_put(b, "=\"", 2);
    hex_color(b, r, g, bl);
    sbuf_put(b, "\"", 1);
    if (a < 1) {
        sbuf_put(b, " ", 1);
        sbuf_puts(b, attr);
        sbuf_lit(b, "-opacity=\"");
        sbuf_num_digits(b, a, 3);
        sbuf_put(b, "\"", 1);
    }
}

static void svg_fill(void *self, cairo_t *cr)
{
    pen_svg *s = self;
    cairo_path_t *p = pen_page_path(cr);
    if (p->status == CAIRO_STATUS_SUCCESS && p->num_data > 0) {
        sbuf_lit(&s->body, "<path d=\"");
        path_data(&s->body, p);
        sbuf_put(&s->body, "\"", 1);
        source_color(&s->body, cr, "fill");
        sbuf_lit(&s->body, "/>\n");
    }
    cairo_path_destroy(p);
    spill(self);
}

static void svg_stroke(void *self, cairo_t *cr)
{
    pen_svg *s = self;
    cairo_path_t *p = pen_page_path(cr);
    if (p->status == CAIRO_STATUS_SUCCESS && p->num_data > 0) {
        sbuf *b = &s->body;
        sbuf_lit(b, "<path d=\"");
        path_data(b, p);
        sbuf_lit(b, "\" fill=\"none\"");
        source_color(b, cr, "stroke");
        sbuf_lit(b, " stroke-width=\"");
        sbuf_num(b, pen_page_length(cr, cairo_get_line_width(cr)));
        sbuf_put(b, "\"", 1);
        cairo_line_cap_t cap = cairo_get_line_cap(cr);
        if (cap != CAIRO_LINE_CAP_BUTT)
            sbuf_puts(b, cap == CAIRO_LINE_CAP_ROUND ? " stroke-linecap=\"round\""
                                                     : " stroke-linecap=\"square\"");
        cairo_line_join_t join = cairo_get_line_join(cr);
        if (join != CAIRO_LINE_JOIN_MITER)
            sbuf_puts(b, join == CAIRO_LINE_JOIN_ROUND ? " stroke-linejoin=\"round\""
                                                       : " stroke-linejoin=\"bevel\"");
        int n = cairo_get_dash_count(cr);
        if (n > 0 && n <= 16) {
            double dash[16], offset;
            cairo_get_dash(cr, dash, &offset);
            sbuf_lit(b, " stroke-dasharray=\"");
            for (int i = 0; i < n; i++) {
                if (i)
                    sbuf_put(b, ",", 1);
                sbuf_num(b, pen_page_length(cr, dash[i]));
            }
            sbuf_put(b, "\"", 1);
            if (offset != 0) {
                sbuf_lit(b, " stroke-dashoffset=\"");
                sbuf_num(b, pen_page_length(cr, offset));
                sbuf_put(b, "\"", 1);
            }
        }
        sbuf_lit(b, "/>\n");
    }
    cairo_path_destroy(p);
    spill(self);
}

static void svg_clip(void *self, cairo_t *cr)
{
    pen_svg *s = self;
    cairo_path_t *p = pen_page_path(cr);
    int id = ++s->next_id;
    sbuf_lit(&s->defs, "<clipPath id=\"");
    sbuf_puts(&s->defs, s->prefix);
    sbuf_put(&s->defs, "c", 1);
    sbuf_int(&s->defs, id);
    sbuf_lit(&s->defs, "\"><path d=\"");
    if (p->status == CAIRO_STATUS_SUCCESS)
        path_data(&s->defs, p);
    sbuf_lit(&s->defs, "\"/></clipPath>\n");
    cairo_path_destroy(p);
    sbuf_lit(&s->body, "<g clip-path=\"url(#");
    sbuf_puts(&s->body, s->prefix);
    sbuf_put(&s->body, "c", 1);
    sbuf_int(&s->body, id);
    sbuf_lit(&s->body, ")\">\n");
    s->open_groups++;
}

static void svg_save(void *self)
{
    pen_svg *s = self;
    if (s->save_depth < (int)(sizeof s->saved / sizeof s->saved[0]))
        s->saved[s->save_depth++] = s->open_groups;
}

static void svg_restore(void *self)
{
    pen_svg *s = self;
    if (s->save_depth == 0)
        return;
    int keep = s->saved[--s->save_depth];
    for (; s->open_groups > keep; s->open_groups--)
        sbuf_lit(&s->body, "</g>\n");
}

static void base64(sbuf *b, const unsigned char *d, size_t n)
{
    static const char a[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)d[i + 1] << 8;
        if (i + 2 < n)
            v |= d[i + 2];
        char q[4] = { a[v >> 18 & 63], a[v >> 12 & 63],
                      i + 1 < n ? a[v >> 6 & 63] : '=', i + 2 < n ? a[v & 63] : '=' };
        sbuf_put(b, q, 4);
    }
}

static void matrix_attr(sbuf *b, const cairo_matrix_t *m)
{
    sbuf_lit(b, " transform=\"matrix(");
    double v[6] = { m->xx, m->yx, m->xy, m->yy, m->x0, m->y0 };
    for (int i = 0; i < 6; i++) {
        if (i)
            sbuf_put(b, " ", 1);
        sbuf_num_digits(b, v[i], i < 4 ? 6 : 2);     /* scales need more than 0.01 */
    }
    sbuf_lit(b, ")\"");
}

static void svg_image(void *self, cairo_t *cr, cairo_surface_t *img)
{
    pen_svg *s = self;
    sbuf png = { 0 };
    if (pen_png(img, &png) == 0) {
        cairo_matrix_t m;
        cairo_get_matrix(cr, &m);
        sbuf_lit(&s->body, "<image width=\"");
        sbuf_int(&s->body, cairo_image_surface_get_width(img));
        sbuf_lit(&s->body, "\" height=\"");
        sbuf_int(&s->body, cairo_image_surface_get_height(img));
        sbuf_put(&s->body, "\"", 1);
        matrix_attr(&s->body, &m);
        sbuf_lit(&s->body, " xlink:href=\"data:image/png;base64,");
        base64(&s->body, (const unsigned char *)png.data, png.len);
        sbuf_lit(&s->body, "\"/>\n");
    } else {
        s->body.failed = 1;
    }
    sbuf_free(&png);
    spill(self);
}

/* The id of GLYPH of SF's outline in <defs> (defined on first use), 0 when
 * it leaves no ink (a space), -1 when memory ran out. */
static int glyph_id(pen_svg *s, cairo_scaled_font_t *sf, unsigned long glyph)
{
    int id = pen_glyphs_find(&s->glyphs, sf, glyph);
    if (id >= 0)
        return id;
    cairo_path_t *p = pen_glyph_path(s->scratch, sf, glyph);
    id = 0;
    if (p->status == CAIRO_STATUS_SUCCESS && p->num_data > 0) {
        id = ++s->next_id;
        sbuf_lit(&s->defs, "<path id=\"");
        sbuf_puts(&s->defs, s->prefix);
        sbuf_put(&s->defs, "g", 1);
        sbuf_int(&s->defs, id);
        sbuf_lit(&s->defs, "\" d=\"");
        path_data(&s->defs, p);
        sbuf_lit(&s->defs, "\"/>\n");
    }
    cairo_path_destroy(p);
    return pen_glyphs_add(&s->glyphs, sf, glyph, id) < 0 ? -1 : id;
}

static int svg_glyph(void *ctx, const pen_glyph_at *g)
{
    pen_svg *s = ctx;
    sbuf *b = &s->body;
    if (!g->sf) {
        sbuf_lit(b, "<rect x=\"");
        sbuf_num(b, g->box[0]);
        sbuf_lit(b, "\" y=\"");
        sbuf_num(b, g->box[1]);
        sbuf_lit(b, "\" width=\"");
        sbuf_num(b, g->box[2]);
        sbuf_lit(b, "\" height=\"");
        sbuf_num(b, g->box[3]);
        sbuf_lit(b, "\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"0.5\"/>\n");
        return 0;
    }
    int id = glyph_id(s, g->sf, g->glyph);
    if (id < 0) {
        b->failed = 1;
        return 1;
    }
    if (id > 0) {
        sbuf_lit(b, "<use xlink:href=\"#");
        sbuf_puts(b, s->prefix);
        sbuf_put(b, "g", 1);
        sbuf_int(b, id);
        sbuf_lit(b, "\" x=\"");
        sbuf_num(b, g->x);
        sbuf_lit(b, "\" y=\"");
        sbuf_num(b, g->y);
        sbuf_lit(b, "\"/>\n");
    }
    return 0;
}

/* A run of text as a <text> element at its place, in its font. */
static void svg_text_run(void *ctx, const pen_run_at *r)
{
    pen_svg *s = ctx;
    sbuf *b = &s->body;
    sbuf_lit(b, "<text xml:space=\"preserve\" x=\"");
    sbuf_num(b, r->x);
    sbuf_lit(b, "\" y=\"");
    sbuf_num(b, r->y);
    sbuf_lit(b, "\" font-family=\"");
    const char *family = r->family ? r->family : "sans-serif";
    sbuf_xml(b, family, strlen(family), 1);
    sbuf_lit(b, "\" font-size=\"");
    sbuf_num(b, r->size);
    sbuf_lit(b, "\"");
    if (r->bold)
        sbuf_lit(b, " font-weight=\"bold\"");
    if (r->italic)
        sbuf_lit(b, " font-style=\"italic\"");
    sbuf_lit(b, ">");
    sbuf_xml(b, r->text, r->text_len, 0);
    sbuf_lit(b, "</text>\n");
}

static void svg_layout(void *self, cairo_t *cr, PangoLayout *layout)
{
    pen_svg *s = self;
    sbuf *b = &s->body;
    double x0 = 0, y0 = 0;
    cairo_get_current_point(cr, &x0, &y0);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    sbuf_lit(b, "<g");
    source_color(b, cr, "fill");
    if (m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0) {
        x0 += m.x0;     /* a translation only: fold it in */
        y0 += m.y0;
    } else {
        matrix_attr(b, &m);
    }
    sbuf_lit(b, ">\n");
    if (s->text)
        pen_each_run(layout, x0, y0, svg_text_run, s);
    else
        pen_each_glyph(layout, x0, y0, svg_glyph, s);
    sbuf_lit(b, "</g>\n");
    spill(self);
}

static const pen_ops svg_ops = {
    svg_fill, svg_stroke, svg_clip, svg_save, svg_restore, svg_image, svg_layout
};

static void svg_free(pen_svg *s)
{
    sbuf_free(&s->body);
    sbuf_free(&s->defs);
    pen_glyphs_free(&s->glyphs);
    cairo_destroy(s->cr);
    cairo_destroy(s->scratch);
    cairo_surface_destroy(s->target);
    free(s);
}

pen_svg *pen_svg_begin(double width, double height, int text)
{
    pen_svg *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->text = text;
    s->width = width;
    s->height = height;
    s->target = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    s->cr = cairo_create(s->target);
    s->scratch = cairo_create(s->target);
    if (cairo_status(s->cr) || cairo_status(s->scratch)
        || pen_attach(s->cr, &svg_ops, s) < 0) {
        svg_free(s);
        return NULL;
    }
    return s;
}

cairo_t *pen_svg_context(pen_svg *s)
{
    return s->cr;
}

void pen_svg_ids(pen_svg *s, const char *prefix)
{
    snprintf(s->prefix, sizeof s->prefix, "%s", prefix);
}

/* Hover hints: an invisible rectangle with a title over each box of P
 * that has more to say (a score's note and evidence). */
static void hover_hints(sbuf *out, const rpage *p)
{
    for (int i = 0; p && i < p->count; i++) {
        const box *b = &p->boxes[i];
        if (!b->hint)
            continue;
        sbuf_lit(out, "<rect fill=\"none\" pointer-events=\"all\" x=\"");
        sbuf_num(out, p->ox + b->x * p->scale);
        sbuf_lit(out, "\" y=\"");
        sbuf_num(out, p->oy + b->y * p->scale);
        sbuf_lit(out, "\" width=\"");
        sbuf_num(out, b->w * p->scale);
        sbuf_lit(out, "\" height=\"");
        sbuf_num(out, b->h * p->scale);
        sbuf_lit(out, "\"><title>");
        xml_text(out, b->hint);
        sbuf_lit(out, "</title></rect>\n");
    }
}

/* <svg ...> with the page's size and language (the XML declaration and
 * the namespaces too, for a file of its own). */
static void svg_open(sbuf *head, const pen_svg *s, const char *lang, int file)
{
    if (file)
        sbuf_lit(head, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sbuf_puts(head, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
              "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"");
    sbuf_num(head, s->width);
    sbuf_lit(head, "pt\" height=\"");
    sbuf_num(head, s->height);
    sbuf_lit(head, "pt\" viewBox=\"0 0 ");
    sbuf_num(head, s->width);
    sbuf_put(head, " ", 1);
    sbuf_num(head, s->height);
    sbuf_lit(head, "\" version=\"1.1\"");
    if ((lang = pen_lang_tag(lang))) {
        sbuf_lit(head, " xml:lang=\"");
        sbuf_puts(head, lang);
        sbuf_put(head, "\"", 1);
    }
}

static const char svg_mid[] = "</defs>\n<g stroke-miterlimit=\"10\">\n";

void pen_svg_to_file(pen_svg *s, FILE *f, const char *title, const char *lang,
                     const rpage *p)
{
    sbuf head = { 0 };
    svg_open(&head, s, lang, 1);
    sbuf_lit(&head, ">\n<title>");
    xml_text(&head, title ? title : "cjm");
    sbuf_lit(&head, "</title>\n<desc>");
    for (int i = 0; p && i < p->count; i++)
        if (p->boxes[i].kind == BOX_TEXT && p->boxes[i].text) {
            xml_text(&head, p->boxes[i].text);
            sbuf_put(&head, "\n", 1);
        }
    sbuf_lit(&head, "</desc>\n<g stroke-miterlimit=\"10\">\n");
    if (head.failed || fwrite(head.data, 1, head.len, f) != head.len)
        s->write_failed = 1;
    sbuf_free(&head);
    s->out = f;
}

int pen_svg_end(pen_svg *s, const rpage *p)
{
    for (; s->open_groups > 0; s->open_groups--)
        sbuf_lit(&s->body, "</g>\n");
    hover_hints(&s->body, p);
    sbuf_lit(&s->body, "</g>\n<defs>\n");
    int failed = s->write_failed || s->body.failed || s->defs.failed || !s->out;
    if (!failed)
        failed = fwrite(s->body.data, 1, s->body.len, s->out) != s->body.len
              || (s->defs.len && fwrite(s->defs.data, 1, s->defs.len, s->out) != s->defs.len)
              || fputs("</defs>\n</svg>\n", s->out) == EOF;
    svg_free(s);
    return failed ? -1 : 0;
}

int pen_svg_inline(pen_svg *s, sbuf *out, const char *label, const char *lang,
                   const sbuf *extra)
{
    svg_open(out, s, lang, 0);
    sbuf_lit(out, " role=\"group\" aria-label=\"");
    sbuf_xml(out, label, strlen(label), 1);
    sbuf_lit(out, "\">\n<defs>\n");
    for (; s->open_groups > 0; s->open_groups--)
        sbuf_lit(&s->body, "</g>\n");
    int failed = s->body.failed || s->defs.failed;
    sbuf_put(out, s->defs.data ? s->defs.data : "", s->defs.len);
    sbuf_put(out, svg_mid, sizeof svg_mid - 1);
    sbuf_put(out, s->body.data ? s->body.data : "", s->body.len);
    sbuf_lit(out, "</g>\n");
    if (extra && extra->len)
        sbuf_put(out, extra->data, extra->len);
    sbuf_lit(out, "</svg>\n");
    svg_free(s);
    return failed || out->failed ? -1 : 0;
}
