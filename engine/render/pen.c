/*
 * pen.c — drawing to cairo, or straight to SVG text (see pen.h).
 */
#include "pen.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A growing byte buffer; FAILED once memory ran out (writes stop). */
typedef struct buf { char *data; size_t len, cap; int failed; } buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* V with DIGITS decimals (at most 6), trailing zeros dropped: "12.5",
 * "-3", "0.07". */
static void num_digits(buf *b, double v, int digits)
{
    static const double pow10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
    char t[40], *e = t + sizeof t, *p = e;
    if (!isfinite(v) || fabs(v) > 1e12)
        v = 0;
    long long k = llround(v * pow10[digits]);
    int neg = k < 0;
    unsigned long long u = neg ? (unsigned long long)-k : (unsigned long long)k;
    int trailing = 1;
    for (int i = 0; i < digits; i++, u /= 10) {
        int d = (int)(u % 10);
        if (trailing && d == 0)
            continue;
        trailing = 0;
        *--p = (char)('0' + d);
    }
    if (!trailing)
        *--p = '.';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg && k != 0)
        *--p = '-';
    put(b, p, (size_t)(e - p));
}

/* A coordinate or length on the page: to 0.01 pt. */
static void num(buf *b, double v)
{
    num_digits(b, v, 2);
}

static void integer(buf *b, int v)
{
    num_digits(b, v, 0);
}

static void hex_color(buf *b, double r, double g, double bl)
{
    static const char digits[] = "0123456789abcdef";
    char t[7] = "#";
    double c[3] = { r, g, bl };
    for (int i = 0; i < 3; i++) {
        int v = (int)lround((c[i] < 0 ? 0 : c[i] > 1 ? 1 : c[i]) * 255);
        t[1 + 2 * i] = digits[v >> 4];
        t[2 + 2 * i] = digits[v & 15];
    }
    put(b, t, 7);
}

/* Text for XML content: markup characters escaped, control characters
 * (not allowed in XML 1.0) left out. */
static void xml_text(buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '<')
            puts_(b, "&lt;");
        else if (c == '>')
            puts_(b, "&gt;");
        else if (c == '&')
            puts_(b, "&amp;");
        else if (c >= 0x20 || c == '\n' || c == '\t')
            put(b, s, 1);
    }
}

/* A glyph outline already defined: (font, glyph) -> id, 0 for "no ink". */
typedef struct glyph_slot { const void *font; unsigned glyph; int id; } glyph_slot;

struct pen_svg {
    cairo_surface_t *target;    /* 1x1: paths are built, never filled */
    cairo_t *cr;
    cairo_t *scratch;           /* glyph outlines */
    double width, height;
    buf body, defs;
    glyph_slot *glyphs;
    size_t glyph_cap, glyph_count;
    int next_id;
    int open_groups;            /* clip groups not yet closed */
    int saved[64];              /* open_groups at each pen_save */
    int save_depth;
};

static const cairo_user_data_key_t pen_key;

static pen_svg *svg_of(cairo_t *cr)
{
    return cairo_get_user_data(cr, &pen_key);
}

pen_svg *pen_svg_begin(double width, double height)
{
    pen_svg *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->width = width;
    s->height = height;
    s->target = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    s->cr = cairo_create(s->target);
    s->scratch = cairo_create(s->target);
    s->glyph_cap = 1024;
    s->glyphs = calloc(s->glyph_cap, sizeof *s->glyphs);
    if (!s->glyphs || cairo_status(s->cr) || cairo_status(s->scratch)
        || cairo_set_user_data(s->cr, &pen_key, s, NULL)) {
        cairo_destroy(s->cr);
        cairo_destroy(s->scratch);
        cairo_surface_destroy(s->target);
        free(s->glyphs);
        free(s);
        return NULL;
    }
    return s;
}

cairo_t *pen_svg_context(pen_svg *s)
{
    return s->cr;
}

static void path_data(buf *b, const cairo_path_t *p)
{
    for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
        const cairo_path_data_t *d = &p->data[i];
        int points = 0;
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO: put(b, "M", 1); points = 1; break;
        case CAIRO_PATH_LINE_TO: put(b, "L", 1); points = 1; break;
        case CAIRO_PATH_CURVE_TO: put(b, "C", 1); points = 3; break;
        case CAIRO_PATH_CLOSE_PATH: put(b, "Z", 1); break;
        }
        for (int k = 1; k <= points; k++) {
            if (k > 1)
                put(b, " ", 1);
            num(b, d[k].point.x);
            put(b, " ", 1);
            num(b, d[k].point.y);
        }
    }
}

/* The current path in page coordinates (the CTM applied). */
static cairo_path_t *page_path(cairo_t *cr)
{
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    cairo_identity_matrix(cr);
    cairo_path_t *p = cairo_copy_path(cr);
    cairo_set_matrix(cr, &m);
    return p;
}

/* ATTR="#rrggbb" (and ATTR-opacity) from the source colour. */
static void source_color(buf *b, cairo_t *cr, const char *attr)
{
    double r = 0, g = 0, bl = 0, a = 1;
    cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &bl, &a);
    put(b, " ", 1);
    puts_(b, attr);
    put(b, "=\"", 2);
    hex_color(b, r, g, bl);
    put(b, "\"", 1);
    if (a < 1) {
        put(b, " ", 1);
        puts_(b, attr);
        puts_(b, "-opacity=\"");
        num(b, a);
        put(b, "\"", 1);
    }
}

/* A length in user space as a length on the page. */
static double page_length(cairo_t *cr, double d)
{
    double dx = d, dy = 0;
    cairo_user_to_device_distance(cr, &dx, &dy);
    return hypot(dx, dy);
}

void pen_fill_preserve(cairo_t *cr)
{
    pen_svg *s = svg_of(cr);
    if (!s) {
        cairo_fill_preserve(cr);
        return;
    }
    cairo_path_t *p = page_path(cr);
    if (p->status == CAIRO_STATUS_SUCCESS && p->num_data > 0) {
        puts_(&s->body, "<path d=\"");
        path_data(&s->body, p);
        put(&s->body, "\"", 1);
        source_color(&s->body, cr, "fill");
        puts_(&s->body, "/>\n");
    }
    cairo_path_destroy(p);
}

void pen_fill(cairo_t *cr)
{
    if (!svg_of(cr)) {
        cairo_fill(cr);
        return;
    }
    pen_fill_preserve(cr);
    cairo_new_path(cr);
}

void pen_stroke(cairo_t *cr)
{
    pen_svg *s = svg_of(cr);
    if (!s) {
        cairo_stroke(cr);
        return;
    }
    cairo_path_t *p = page_path(cr);
    if (p->status == CAIRO_STATUS_SUCCESS && p->num_data > 0) {
        buf *b = &s->body;
        puts_(b, "<path d=\"");
        path_data(b, p);
        puts_(b, "\" fill=\"none\"");
        source_color(b, cr, "stroke");
        puts_(b, " stroke-width=\"");
        num(b, page_length(cr, cairo_get_line_width(cr)));
        put(b, "\"", 1);
        cairo_line_cap_t cap = cairo_get_line_cap(cr);
        if (cap != CAIRO_LINE_CAP_BUTT)
            puts_(b, cap == CAIRO_LINE_CAP_ROUND ? " stroke-linecap=\"round\""
                                                 : " stroke-linecap=\"square\"");
        cairo_line_join_t join = cairo_get_line_join(cr);
        if (join != CAIRO_LINE_JOIN_MITER)
            puts_(b, join == CAIRO_LINE_JOIN_ROUND ? " stroke-linejoin=\"round\""
                                                   : " stroke-linejoin=\"bevel\"");
        int n = cairo_get_dash_count(cr);
        if (n > 0 && n <= 16) {
            double dash[16], offset;
            cairo_get_dash(cr, dash, &offset);
            puts_(b, " stroke-dasharray=\"");
            for (int i = 0; i < n; i++) {
                if (i)
                    put(b, ",", 1);
                num(b, page_length(cr, dash[i]));
            }
            put(b, "\"", 1);
            if (offset != 0) {
                puts_(b, " stroke-dashoffset=\"");
                num(b, page_length(cr, offset));
                put(b, "\"", 1);
            }
        }
        puts_(b, "/>\n");
    }
    cairo_path_destroy(p);
    cairo_new_path(cr);
}

void pen_clip(cairo_t *cr)
{
    pen_svg *s = svg_of(cr);
    if (!s) {
        cairo_clip(cr);
        return;
    }
    cairo_path_t *p = page_path(cr);
    int id = ++s->next_id;
    char ref[48];
    snprintf(ref, sizeof ref, "<clipPath id=\"c%d\"><path d=\"", id);
    puts_(&s->defs, ref);
    if (p->status == CAIRO_STATUS_SUCCESS)
        path_data(&s->defs, p);
    puts_(&s->defs, "\"/></clipPath>\n");
    cairo_path_destroy(p);
    cairo_new_path(cr);
    snprintf(ref, sizeof ref, "<g clip-path=\"url(#c%d)\">\n", id);
    puts_(&s->body, ref);
    s->open_groups++;
}

void pen_save(cairo_t *cr)
{
    cairo_save(cr);
    pen_svg *s = svg_of(cr);
    if (s && s->save_depth < (int)(sizeof s->saved / sizeof s->saved[0]))
        s->saved[s->save_depth++] = s->open_groups;
}

void pen_restore(cairo_t *cr)
{
    cairo_restore(cr);
    pen_svg *s = svg_of(cr);
    if (!s || s->save_depth == 0)
        return;
    int keep = s->saved[--s->save_depth];
    for (; s->open_groups > keep; s->open_groups--)
        puts_(&s->body, "</g>\n");
}

static cairo_status_t png_to_buf(void *closure, const unsigned char *data,
                                 unsigned int length)
{
    buf *b = closure;
    put(b, (const char *)data, length);
    return b->failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

static void base64(buf *b, const unsigned char *d, size_t n)
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
        put(b, q, 4);
    }
}

static void matrix_attr(buf *b, const cairo_matrix_t *m)
{
    puts_(b, " transform=\"matrix(");
    double v[6] = { m->xx, m->yx, m->xy, m->yy, m->x0, m->y0 };
    for (int i = 0; i < 6; i++) {
        if (i)
            put(b, " ", 1);
        num_digits(b, v[i], i < 4 ? 6 : 2);     /* scales need more than 0.01 */
    }
    puts_(b, ")\"");
}

void pen_paint_image(cairo_t *cr, cairo_surface_t *img)
{
    pen_svg *s = svg_of(cr);
    if (!s) {
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint(cr);
        return;
    }
    buf png = { 0 };
    if (cairo_surface_write_to_png_stream(img, png_to_buf, &png) == CAIRO_STATUS_SUCCESS) {
        char head[96];
        cairo_matrix_t m;
        cairo_get_matrix(cr, &m);
        snprintf(head, sizeof head, "<image width=\"%d\" height=\"%d\"",
                 cairo_image_surface_get_width(img), cairo_image_surface_get_height(img));
        puts_(&s->body, head);
        matrix_attr(&s->body, &m);
        puts_(&s->body, " xlink:href=\"data:image/png;base64,");
        base64(&s->body, (const unsigned char *)png.data, png.len);
        puts_(&s->body, "\"/>\n");
    } else {
        s->body.failed = 1;
    }
    free(png.data);
}

static size_t slot_of(const void *font, unsigned glyph, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)font * 0x9E3779B97F4A7C15ull ^ glyph * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h ^ h >> 29) & (cap - 1);
}

static int grow_glyphs(pen_svg *s)
{
    size_t cap = s->glyph_cap * 2;
    glyph_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < s->glyph_cap; i++)
        if (s->glyphs[i].font) {
            size_t k = slot_of(s->glyphs[i].font, s->glyphs[i].glyph, cap);
            while (t[k].font)
                k = (k + 1) & (cap - 1);
            t[k] = s->glyphs[i];
        }
    free(s->glyphs);
    s->glyphs = t;
    s->glyph_cap = cap;
    return 0;
}

/* The id of GLYPH of SF's outline in <defs> (defined on first use), 0 when
 * it leaves no ink (a space), -1 when memory ran out. */
static int glyph_id(pen_svg *s, cairo_scaled_font_t *sf, unsigned glyph)
{
    size_t k = slot_of(sf, glyph, s->glyph_cap);
    while (s->glyphs[k].font) {
        if (s->glyphs[k].font == sf && s->glyphs[k].glyph == glyph)
            return s->glyphs[k].id;
        k = (k + 1) & (s->glyph_cap - 1);
    }
    cairo_set_scaled_font(s->scratch, sf);
    cairo_new_path(s->scratch);
    cairo_glyph_t g = { glyph, 0, 0 };
    cairo_glyph_path(s->scratch, &g, 1);
    cairo_path_t *p = cairo_copy_path(s->scratch);
    cairo_new_path(s->scratch);
    int id = 0;
    if (p->status == CAIRO_STATUS_SUCCESS && p->num_data > 0) {
        id = ++s->next_id;
        char head[40];
        snprintf(head, sizeof head, "<path id=\"g%d\" d=\"", id);
        puts_(&s->defs, head);
        path_data(&s->defs, p);
        puts_(&s->defs, "\"/>\n");
    }
    cairo_path_destroy(p);
    s->glyphs[k] = (glyph_slot){ sf, glyph, id };
    if (++s->glyph_count * 10 > s->glyph_cap * 7 && grow_glyphs(s) < 0)
        return -1;
    return id;
}

void pen_show_layout(cairo_t *cr, PangoLayout *layout)
{
    pen_svg *s = svg_of(cr);
    if (!s) {
        pango_cairo_show_layout(cr, layout);
        return;
    }
    buf *b = &s->body;
    double x0 = 0, y0 = 0;
    cairo_get_current_point(cr, &x0, &y0);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    puts_(b, "<g");
    source_color(b, cr, "fill");
    if (m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0) {
        x0 += m.x0;     /* a translation only: fold it in */
        y0 += m.y0;
    } else {
        matrix_attr(b, &m);
    }
    puts_(b, ">\n");
    PangoLayoutIter *it = pango_layout_get_iter(layout);
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
        for (int i = 0; i < run->glyphs->num_glyphs; i++) {
            const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];
            double gx = x0 + (double)(x + gi->geometry.x_offset) / PANGO_SCALE;
            double gy = y0 + (double)(baseline + gi->geometry.y_offset) / PANGO_SCALE;
            x += gi->geometry.width;
            if (gi->glyph == PANGO_GLYPH_EMPTY)
                continue;
            if ((gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) || !sf) {
                /* no font has it: an empty box, as Pango draws one */
                double w = (double)gi->geometry.width / PANGO_SCALE;
                double h = (double)logical.height / PANGO_SCALE;
                puts_(b, "<rect x=\"");
                num(b, gx + w * 0.1);
                puts_(b, "\" y=\"");
                num(b, y0 + (double)logical.y / PANGO_SCALE + h * 0.15);
                puts_(b, "\" width=\"");
                num(b, w * 0.8);
                puts_(b, "\" height=\"");
                num(b, h * 0.7);
                puts_(b, "\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"0.5\"/>\n");
                continue;
            }
            int id = glyph_id(s, sf, gi->glyph);
            if (id < 0) {
                b->failed = 1;
                break;
            }
            if (id == 0)
                continue;
            puts_(b, "<use xlink:href=\"#g");
            integer(b, id);
            puts_(b, "\" x=\"");
            num(b, gx);
            puts_(b, "\" y=\"");
            num(b, gy);
            puts_(b, "\"/>\n");
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    puts_(b, "</g>\n");
    cairo_new_path(cr);
}

int pen_svg_end(pen_svg *s, FILE *f, const char *title, const rpage *p)
{
    buf head = { 0 };
    puts_(&head, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<svg xmlns=\"http://www.w3.org/2000/svg\" "
          "xmlns:xlink=\"http://www.w3.org/1999/xlink\" ");
    puts_(&head, "width=\"");
    num(&head, s->width);
    puts_(&head, "pt\" height=\"");
    num(&head, s->height);
    puts_(&head, "pt\" viewBox=\"0 0 ");
    num(&head, s->width);
    put(&head, " ", 1);
    num(&head, s->height);
    puts_(&head, "\" version=\"1.1\">\n");
    puts_(&head, "<title>");
    xml_text(&head, title ? title : "cjm");
    puts_(&head, "</title>\n<desc>");
    for (int i = 0; p && i < p->count; i++)
        if (p->boxes[i].kind == BOX_TEXT && p->boxes[i].text) {
            xml_text(&head, p->boxes[i].text);
            put(&head, "\n", 1);
        }
    puts_(&head, "</desc>\n<defs>\n");
    for (; s->open_groups > 0; s->open_groups--)
        puts_(&s->body, "</g>\n");
    int failed = head.failed || s->body.failed || s->defs.failed;
    if (!failed) {
        static const char mid[] = "</defs>\n<g stroke-miterlimit=\"10\">\n";
        static const char tail[] = "</g>\n</svg>\n";
        failed = fwrite(head.data, 1, head.len, f) != head.len
              || (s->defs.len && fwrite(s->defs.data, 1, s->defs.len, f) != s->defs.len)
              || fwrite(mid, 1, sizeof mid - 1, f) != sizeof mid - 1
              || (s->body.len && fwrite(s->body.data, 1, s->body.len, f) != s->body.len)
              || fwrite(tail, 1, sizeof tail - 1, f) != sizeof tail - 1;
    }
    free(head.data);
    free(s->body.data);
    free(s->defs.data);
    free(s->glyphs);
    cairo_destroy(s->cr);
    cairo_destroy(s->scratch);
    cairo_surface_destroy(s->target);
    free(s);
    return failed ? -1 : 0;
}
