/*
 * pdf_writer.c — the PDF writer behind the pen (see pen.h).
 *
 * Pages are written in page coordinates under one "1 0 0 -1 0 H cm"
 * (y down, as in cairo).  Text uses Type 3 fonts whose glyphs are the
 * outlines cairo gives for the fonts Pango chose (as in the SVG writer),
 * up to 256 glyphs a font, each with its advance width and, through a
 * ToUnicode map, the characters it stands for, so text can be searched
 * and copied.  Content streams are deflated; no dates are written, so
 * the same input gives the same bytes.
 */
#include "render/pen_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

typedef struct pdf_glyph {
    int font, code;             /* which Type 3 font, which byte */
    double width;               /* advance, in the font's units (points) */
    size_t proc, proc_len;      /* its drawing, in procs */
    size_t uni, uni_len;        /* UTF-16BE of its characters, in unis */
} pdf_glyph;

typedef struct pdf_font {
    const void *sf;             /* the cairo font it holds glyphs of */
    int count;
    int first_glyph[256];       /* code -> index in glyphs */
    double bbox[4];
} pdf_font;

typedef struct pdf_image { sbuf rgb, alpha; int w, h, has_alpha; } pdf_image;

typedef struct pdf_page { double w, h; sbuf content; } pdf_page;

struct pen_pdf {
    cairo_surface_t *target;    /* 1x1: paths are built, never filled */
    cairo_t *cr;                /* the page being drawn */
    cairo_t *scratch;           /* glyph outlines */
    pdf_page *pages;
    int page_count, page_cap;
    pen_glyphs map;             /* (font, glyph) -> index in glyphs */
    pdf_glyph *glyphs;
    int glyph_count, glyph_cap;
    pdf_font *fonts;
    int font_count, font_cap;
    pdf_image *images;
    int image_count, image_cap;
    sbuf procs, unis;
    int failed;
};

/* Grow *ARR of *CAP elements of SIZE to hold one more; -1 out of memory. */
static int grow(void **arr, int *cap, int count, size_t size)
{
    if (count < *cap)
        return 0;
    int n = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, (size_t)n * size);
    if (!p)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}

static sbuf *content(pen_pdf *p)
{
    return &p->pages[p->page_count - 1].content;
}

static void pt(sbuf *b, double x, double y)
{
    sbuf_num(b, x);
    sbuf_put(b, " ", 1);
    sbuf_num(b, y);
    sbuf_put(b, " ", 1);
}

/* PATH as PDF path operators; FLIP negates y (glyph outlines). */
static void path_ops(sbuf *b, const cairo_path_t *path, int flip, double *bbox)
{
    double s = flip ? -1 : 1;
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        const cairo_path_data_t *d = &path->data[i];
        int next = i + d->header.length;
        /* cairo follows a close with a move to the start: drop it at the end */
        if (d->header.type == CAIRO_PATH_MOVE_TO
            && (next >= path->num_data || path->data[next].header.type == CAIRO_PATH_MOVE_TO))
            continue;
        int points = d->header.type == CAIRO_PATH_CURVE_TO ? 3
                   : d->header.type == CAIRO_PATH_CLOSE_PATH ? 0 : 1;
        for (int k = 1; k <= points; k++) {
            double x = d[k].point.x, y = s * d[k].point.y;
            pt(b, x, y);
            if (bbox) {
                if (x < bbox[0]) bbox[0] = x;
                if (y < bbox[1]) bbox[1] = y;
                if (x > bbox[2]) bbox[2] = x;
                if (y > bbox[3]) bbox[3] = y;
            }
        }
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO: sbuf_lit(b, "m\n"); break;
        case CAIRO_PATH_LINE_TO: sbuf_lit(b, "l\n"); break;
        case CAIRO_PATH_CURVE_TO: sbuf_lit(b, "c\n"); break;
        case CAIRO_PATH_CLOSE_PATH: sbuf_lit(b, "h\n"); break;
        }
    }
}

static void color(sbuf *b, cairo_t *cr, const char *op)
{
    double r, g, bl, a;
    pen_source_rgba(cr, &r, &g, &bl, &a);
    sbuf_num_digits(b, r, 3);
    sbuf_put(b, " ", 1);
    sbuf_num_digits(b, g, 3);
    sbuf_put(b, " ", 1);
    sbuf_num_digits(b, bl, 3);
    sbuf_put(b, " ", 1);
    sbuf_puts(b, op);
    sbuf_put(b, "\n", 1);
}

static void pdf_fill(void *self, cairo_t *cr)
{
    pen_pdf *p = self;
    cairo_path_t *path = pen_page_path(cr);
    if (path->status == CAIRO_STATUS_SUCCESS && path->num_data > 0) {
        sbuf *b = content(p);
        color(b, cr, "rg");
        path_ops(b, path, 0, NULL);
        sbuf_lit(b, "f\n");
    }
    cairo_path_destroy(path);
}

static void pdf_stroke(void *self, cairo_t *cr)
{
    pen_pdf *p = self;
    cairo_path_t *path = pen_page_path(cr);
    if (path->status == CAIRO_STATUS_SUCCESS && path->num_data > 0) {
        sbuf *b = content(p);
        color(b, cr, "RG");
        sbuf_num_digits(b, pen_page_length(cr, cairo_get_line_width(cr)), 3);
        sbuf_lit(b, " w ");
        cairo_line_cap_t cap = cairo_get_line_cap(cr);
        sbuf_puts(b, cap == CAIRO_LINE_CAP_ROUND ? "1 J " : cap == CAIRO_LINE_CAP_SQUARE
                  ? "2 J " : "0 J ");
        cairo_line_join_t join = cairo_get_line_join(cr);
        sbuf_puts(b, join == CAIRO_LINE_JOIN_ROUND ? "1 j " : join == CAIRO_LINE_JOIN_BEVEL
                  ? "2 j " : "0 j ");
        int n = cairo_get_dash_count(cr);
        sbuf_put(b, "[", 1);
        double offset = 0;
        if (n > 0 && n <= 16) {
            double dash[16];
            cairo_get_dash(cr, dash, &offset);
            for (int i = 0; i < n; i++) {
                if (i)
                    sbuf_put(b, " ", 1);
                sbuf_num(b, pen_page_length(cr, dash[i]));
            }
        }
        sbuf_lit(b, "] ");
        sbuf_num(b, n > 0 ? pen_page_length(cr, offset) : 0);
        sbuf_lit(b, " d\n");
        path_ops(b, path, 0, NULL);
        sbuf_lit(b, "S\n");
    }
    cairo_path_destroy(path);
}

static void pdf_clip(void *self, cairo_t *cr)
{
    pen_pdf *p = self;
    cairo_path_t *path = pen_page_path(cr);
    if (path->status == CAIRO_STATUS_SUCCESS) {
        sbuf *b = content(p);
        path_ops(b, path, 0, NULL);
        sbuf_lit(b, "W n\n");
    }
    cairo_path_destroy(path);
}

static void pdf_save(void *self)
{
    sbuf_puts(content(self), "q\n");
}

static void pdf_restore(void *self)
{
    sbuf_puts(content(self), "Q\n");
}

static void matrix(sbuf *b, double a, double bb, double c, double d, double e, double f)
{
    double v[6] = { a, bb, c, d, e, f };
    for (int i = 0; i < 6; i++) {
        sbuf_num_digits(b, v[i], i < 4 ? 6 : 3);
        sbuf_put(b, " ", 1);
    }
}

static void pdf_image_op(void *self, cairo_t *cr, cairo_surface_t *img)
{
    pen_pdf *p = self;
    cairo_surface_flush(img);
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    cairo_format_t fmt = cairo_image_surface_get_format(img);
    if (w <= 0 || h <= 0 || (fmt != CAIRO_FORMAT_ARGB32 && fmt != CAIRO_FORMAT_RGB24))
        return;
    if (grow((void **)&p->images, &p->image_cap, p->image_count, sizeof *p->images) < 0) {
        p->failed = 1;
        return;
    }
    pdf_image *im = &p->images[p->image_count];
    memset(im, 0, sizeof *im);
    im->w = w;
    im->h = h;
    const unsigned char *data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            uint32_t px = row[x];
            unsigned a = fmt == CAIRO_FORMAT_ARGB32 ? px >> 24 : 255;
            unsigned char rgb[3] = { (unsigned char)(px >> 16), (unsigned char)(px >> 8),
                                     (unsigned char)px };
            if (a && a < 255)       /* cairo stores premultiplied colour */
                for (int k = 0; k < 3; k++)
                    rgb[k] = (unsigned char)((rgb[k] * 255 + a / 2) / a);
            sbuf_put(&im->rgb, rgb, 3);
            unsigned char av = (unsigned char)a;
            sbuf_put(&im->alpha, &av, 1);
            if (a < 255)
                im->has_alpha = 1;
        }
    }
    if (im->rgb.failed || im->alpha.failed) {
        sbuf_free(&im->rgb);
        sbuf_free(&im->alpha);
        p->failed = 1;
        return;
    }
    p->image_count++;
    /* the unit square, first row at the top, onto the image's place */
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    sbuf *b = content(p);
    sbuf_lit(b, "q ");
    matrix(b, m.xx * w, m.yx * w, -m.xy * h, -m.yy * h, m.xy * h + m.x0,
           m.yy * h + m.y0);
    sbuf_lit(b, "cm /I");
    sbuf_int(b, p->image_count - 1);
    sbuf_lit(b, " Do Q\n");
}

/* UTF-8 S (N bytes) as UTF-16BE into B. */
static void utf16be(sbuf *b, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end) {
        gunichar c = g_utf8_get_char_validated(s, end - s);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
        s = g_utf8_next_char(s);
        unsigned char u[4];
        if (c >= 0x10000) {
            c -= 0x10000;
            unsigned hi = 0xD800 + (c >> 10), lo = 0xDC00 + (c & 0x3FF);
            u[0] = (unsigned char)(hi >> 8);
            u[1] = (unsigned char)hi;
            u[2] = (unsigned char)(lo >> 8);
            u[3] = (unsigned char)lo;
            sbuf_put(b, u, 4);
        } else {
            u[0] = (unsigned char)(c >> 8);
            u[1] = (unsigned char)c;
            sbuf_put(b, u, 2);
        }
    }
}

/* The index of GLYPH of SF among the document's glyphs, defined on first
 * use with TEXT (its characters, N bytes); -1 out of memory. */
static int pdf_glyph_index(pen_pdf *p, cairo_scaled_font_t *sf, unsigned long glyph,
                           const char *text, size_t n)
{
    int gi = pen_glyphs_find(&p->map, sf, glyph);
    if (gi >= 0)
        return gi;
    int f = p->font_count - 1;
    while (f >= 0 && p->fonts[f].sf != sf)
        f--;
    if (f < 0 || p->fonts[f].count == 256) {
        if (grow((void **)&p->fonts, &p->font_cap, p->font_count, sizeof *p->fonts) < 0)
            return -1;
        f = p->font_count++;
        memset(&p->fonts[f], 0, sizeof p->fonts[f]);
        p->fonts[f].sf = sf;
        p->fonts[f].bbox[0] = p->fonts[f].bbox[1] = 1e9;
        p->fonts[f].bbox[2] = p->fonts[f].bbox[3] = -1e9;
    }
    if (grow((void **)&p->glyphs, &p->glyph_cap, p->glyph_count, sizeof *p->glyphs) < 0)
        return -1;
    gi = p->glyph_count++;
    pdf_glyph *g = &p->glyphs[gi];
    pdf_font *font = &p->fonts[f];
    g->font = f;
    g->code = font->count;
    font->first_glyph[font->count++] = gi;
    cairo_glyph_t cg = { glyph, 0, 0 };
    cairo_text_extents_t ext;
    cairo_scaled_font_glyph_extents(sf, &cg, 1, &ext);
    g->width = ext.x_advance;
    /* the drawing: "wx 0 llx lly urx ury d1", the outline (y up), fill */
    cairo_path_t *path = pen_glyph_path(p->scratch, sf, glyph);
    double bbox[4] = { 1e9, 1e9, -1e9, -1e9 };
    sbuf outline = { 0 };
    if (path->status == CAIRO_STATUS_SUCCESS && path->num_data > 0) {
        path_ops(&outline, path, 1, bbox);
        sbuf_lit(&outline, "f\n");
    }
    cairo_path_destroy(path);
    if (bbox[0] > bbox[2])
        bbox[0] = bbox[1] = bbox[2] = bbox[3] = 0;
    for (int k = 0; k < 2; k++) {
        if (bbox[k] < font->bbox[k]) font->bbox[k] = bbox[k];
        if (bbox[k + 2] > font->bbox[k + 2]) font->bbox[k + 2] = bbox[k + 2];
    }
    g->proc = p->procs.len;
    sbuf_num_digits(&p->procs, g->width, 3);
    sbuf_lit(&p->procs, " 0 ");
    for (int k = 0; k < 4; k++) {
        sbuf_num(&p->procs, bbox[k]);
        sbuf_put(&p->procs, " ", 1);
    }
    sbuf_lit(&p->procs, "d1\n");
    sbuf_put(&p->procs, outline.data, outline.len);
    sbuf_free(&outline);
    g->proc_len = p->procs.len - g->proc;
    g->uni = p->unis.len;
    utf16be(&p->unis, text, n);
    g->uni_len = p->unis.len - g->uni;
    if (p->procs.failed || p->unis.failed
        || pen_glyphs_add(&p->map, sf, glyph, gi) < 0)
        return -1;
    return gi;
}

static void hex_byte(sbuf *b, int v)
{
    static const char d[] = "0123456789ABCDEF";
    char t[2] = { d[v >> 4 & 15], d[v & 15] };
    sbuf_put(b, t, 2);
}

/* A text object being written: the glyphs of one layout. */
typedef struct pdf_text {
    pen_pdf *p;
    sbuf *b;
    cairo_matrix_t m;           /* the layout's user space to the page */
    int font, open;             /* open: inside a [...] TJ */
    int have_pos;
    double next_x, next_y;      /* where the next glyph lands unmoved */
    sbuf boxes;                 /* characters no font has */
} pdf_text;

static int pdf_show_glyph(void *ctx, const pen_glyph_at *at)
{
    pdf_text *t = ctx;
    sbuf *b = t->b;
    if (!at->sf) {
        /* an empty box after the text, as Pango draws one */
        pt(&t->boxes, at->box[0], at->box[1]);
        pt(&t->boxes, at->box[2], at->box[3]);
        sbuf_lit(&t->boxes, "re\n");
        return 0;
    }
    int gi = pdf_glyph_index(t->p, at->sf, at->glyph, at->text, at->text_len);
    if (gi < 0) {
        t->p->failed = 1;
        return 1;
    }
    const pdf_glyph *g = &t->p->glyphs[gi];
    if (g->font != t->font) {
        if (t->open)
            sbuf_lit(b, ">]TJ\n");
        t->open = 0;
        sbuf_lit(b, "/F");
        sbuf_int(b, g->font);
        sbuf_lit(b, " 1 Tf\n");
        t->font = g->font;
    }
    double dx = at->x - t->next_x;
    if (!t->have_pos || fabs(at->y - t->next_y) > 1e-6 || fabs(dx) > 50) {
        if (t->open)
            sbuf_lit(b, ">]TJ\n");
        t->open = 0;
        /* glyph space (y up) to the page: the CTM, flipped */
        const cairo_matrix_t *m = &t->m;
        matrix(b, m->xx, m->yx, -m->xy, -m->yy, m->xx * at->x + m->xy * at->y + m->x0,
               m->yx * at->x + m->yy * at->y + m->y0);
        sbuf_lit(b, "Tm\n");
        t->have_pos = 1;
    } else if (fabs(dx) > 0.0005) {
        sbuf_puts(b, t->open ? ">" : "[");
        sbuf_num_digits(b, -dx * 1000, 1);
        sbuf_lit(b, "<");
        t->open = 1;
    }
    if (!t->open) {
        sbuf_lit(b, "[<");
        t->open = 1;
    }
    hex_byte(b, g->code);
    t->next_x = at->x + g->width;
    t->next_y = at->y;
    return 0;
}

static void pdf_layout(void *self, cairo_t *cr, PangoLayout *layout)
{
    pen_pdf *p = self;
    pdf_text t = { .p = p, .b = content(p), .font = -1 };
    double x0 = 0, y0 = 0;
    cairo_get_current_point(cr, &x0, &y0);
    cairo_get_matrix(cr, &t.m);
    color(t.b, cr, "rg");
    sbuf_lit(t.b, "BT\n");
    pen_each_glyph(layout, x0, y0, pdf_show_glyph, &t);
    if (t.open)
        sbuf_lit(t.b, ">]TJ\n");
    sbuf_lit(t.b, "ET\n");
    if (t.boxes.len) {
        /* in layout space: under the CTM, stroked in the text's colour */
        sbuf_lit(t.b, "q ");
        matrix(t.b, t.m.xx, t.m.yx, t.m.xy, t.m.yy, t.m.x0, t.m.y0);
        sbuf_lit(t.b, "cm ");
        color(t.b, cr, "RG");
        sbuf_lit(t.b, "0.5 w [] 0 d\n");
        sbuf_put(t.b, t.boxes.data, t.boxes.len);
        sbuf_lit(t.b, "S Q\n");
    }
    if (t.boxes.failed)
        p->failed = 1;
    sbuf_free(&t.boxes);
}

static const pen_ops pdf_ops = {
    pdf_fill, pdf_stroke, pdf_clip, pdf_save, pdf_restore, pdf_image_op, pdf_layout
};

pen_pdf *pen_pdf_begin(void)
{
    pen_pdf *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->target = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    p->scratch = cairo_create(p->target);
    if (cairo_status(p->scratch)) {
        cairo_destroy(p->scratch);
        cairo_surface_destroy(p->target);
        free(p);
        return NULL;
    }
    return p;
}

cairo_t *pen_pdf_page(pen_pdf *p, double width, double height)
{
    if (p->cr) {
        cairo_destroy(p->cr);
        p->cr = NULL;
    }
    if (grow((void **)&p->pages, &p->page_cap, p->page_count, sizeof *p->pages) < 0) {
        p->failed = 1;
        return NULL;
    }
    pdf_page *pg = &p->pages[p->page_count++];
    memset(pg, 0, sizeof *pg);
    pg->w = width;
    pg->h = height;
    p->cr = cairo_create(p->target);
    if (cairo_status(p->cr) || pen_attach(p->cr, &pdf_ops, p) < 0) {
        p->failed = 1;
        return p->cr;
    }
    sbuf_lit(&pg->content, "1 0 0 -1 0 ");
    sbuf_num_digits(&pg->content, height, 3);
    sbuf_lit(&pg->content, " cm\n10 M\n");
    return p->cr;
}

/* ---- writing the file ---------------------------------------------------- */

typedef struct pdf_file {
    FILE *f;
    long *offsets;              /* of each object, by number */
    int count, cap;
    long pos;
    z_stream z;                 /* fast, for pages and images */
    z_stream small;             /* a small window, cheap to reset: glyphs */
    int failed;
} pdf_file;

static void out(pdf_file *w, const void *s, size_t n)
{
    if (n && fwrite(s, 1, n, w->f) != n)
        w->failed = 1;
    w->pos += (long)n;
}

static void outs(pdf_file *w, const char *s)
{
    out(w, s, strlen(s));
}

static void out_sbuf(pdf_file *w, sbuf *b)
{
    if (b->failed)
        w->failed = 1;
    out(w, b->data, b->len);
    b->len = 0;
}

/* Start object NUM (objects are numbered in the order they are written). */
static void obj(pdf_file *w, int num)
{
    if (num >= w->cap) {
        int cap = w->cap ? w->cap * 2 : 256;
        while (cap <= num)
            cap *= 2;
        long *o = realloc(w->offsets, (size_t)cap * sizeof *o);
        if (!o) {
            w->failed = 1;
            return;
        }
        memset(o + w->cap, 0, (size_t)(cap - w->cap) * sizeof *o);
        w->offsets = o;
        w->cap = cap;
    }
    if (num >= w->count)
        w->count = num + 1;
    w->offsets[num] = w->pos;
    char t[32];
    int n = snprintf(t, sizeof t, "%d 0 obj\n", num);
    out(w, t, (size_t)n);
}

/* A stream object NUM of DATA (N bytes), deflated when DEFLATE, with
 * EXTRA entries for its dictionary. */
static void stream(pdf_file *w, int num, const void *data, size_t n, int deflate_it,
                   const char *extra)
{
    unsigned char *packed = NULL;
    size_t packed_len = n;
    if (deflate_it && n > 64) {
        z_stream *z = n < 8192 ? &w->small : &w->z;
        uLong bound = deflateBound(z, (uLong)n);
        packed = malloc(bound);
        if (packed && deflateReset(z) == Z_OK) {
            z->next_in = (Bytef *)(uintptr_t)data;
            z->avail_in = (uInt)n;
            z->next_out = packed;
            z->avail_out = (uInt)bound;
            if (deflate(z, Z_FINISH) == Z_STREAM_END) {
                packed_len = (size_t)(bound - z->avail_out);
            } else {
                free(packed);
                packed = NULL;
            }
        } else {
            free(packed);
            packed = NULL;
        }
    }
    obj(w, num);
    char t[96];
    int k = snprintf(t, sizeof t, "<< /Length %zu%s ", packed ? packed_len : n,
                     packed ? " /Filter /FlateDecode" : "");
    out(w, t, (size_t)k);
    outs(w, extra ? extra : "");
    outs(w, ">>\nstream\n");
    out(w, packed ? (const void *)packed : data, packed ? packed_len : n);
    outs(w, "\nendstream\nendobj\n");
    free(packed);
}

static void hex_string(sbuf *b, const char *s, size_t n)
{
    sbuf_put(b, "<", 1);
    for (size_t i = 0; i < n; i++)
        hex_byte(b, (unsigned char)s[i]);
    sbuf_put(b, ">", 1);
}

static void tounicode(pen_pdf *p, const pdf_font *font, sbuf *b)
{
    sbuf_puts(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
              "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
              "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
              "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
    int mapped[256], n = 0;
    for (int c = 0; c < font->count; c++)
        if (p->glyphs[font->first_glyph[c]].uni_len)
            mapped[n++] = c;
    for (int i = 0; i < n; i += 100) {
        int block = n - i < 100 ? n - i : 100;
        sbuf_int(b, block);
        sbuf_lit(b, " beginbfchar\n");
        for (int k = i; k < i + block; k++) {
            const pdf_glyph *g = &p->glyphs[font->first_glyph[mapped[k]]];
            sbuf_put(b, "<", 1);
            hex_byte(b, mapped[k]);
            sbuf_lit(b, "> ");
            hex_string(b, p->unis.data + g->uni, g->uni_len);
            sbuf_put(b, "\n", 1);
        }
        sbuf_lit(b, "endbfchar\n");
    }
    sbuf_lit(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

static void free_pdf(pen_pdf *p)
{
    for (int i = 0; i < p->page_count; i++)
        sbuf_free(&p->pages[i].content);
    for (int i = 0; i < p->image_count; i++) {
        sbuf_free(&p->images[i].rgb);
        sbuf_free(&p->images[i].alpha);
    }
    free(p->pages);
    free(p->glyphs);
    free(p->fonts);
    free(p->images);
    pen_glyphs_free(&p->map);
    sbuf_free(&p->procs);
    sbuf_free(&p->unis);
    if (p->cr)
        cairo_destroy(p->cr);
    cairo_destroy(p->scratch);
    cairo_surface_destroy(p->target);
    free(p);
}

int pen_pdf_end(pen_pdf *p, FILE *f, const char *title, const char *lang)
{
    pdf_file w = { .f = f };
    if (deflateInit(&w.z, Z_BEST_SPEED) != Z_OK) {
        free_pdf(p);
        return -1;
    }
    if (deflateInit2(&w.small, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 11, 2,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
        deflateEnd(&w.z);
        free_pdf(p);
        return -1;
    }
    int failed = p->failed || p->page_count == 0;
    /* numbering: 1 catalog, 2 pages, 3 info, 4 resources, then per page
     * the page and its content, then per font the font, its ToUnicode and
     * its glyphs, then per image the image and its mask */
    int first_page = 5, first_font = first_page + 2 * p->page_count;
    int *font_obj = calloc((size_t)p->font_count + 1, sizeof *font_obj);
    int *image_obj = calloc((size_t)p->image_count + 1, sizeof *image_obj);
    if (!font_obj || !image_obj)
        failed = 1;
    int next = first_font;
    for (int i = 0; !failed && i < p->font_count; i++) {
        font_obj[i] = next;
        next += 2 + p->fonts[i].count;
    }
    for (int i = 0; !failed && i < p->image_count; i++) {
        image_obj[i] = next;
        next += 1 + p->images[i].has_alpha;
    }
    sbuf b = { 0 };
    if (!failed) {
        outs(&w, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        obj(&w, 1);
        outs(&w, "<< /Type /Catalog /Pages 2 0 R");
        if ((lang = pen_lang_tag(lang))) {
            outs(&w, " /Lang (");
            outs(&w, lang);
            outs(&w, ")");
        }
        outs(&w, " >>\nendobj\n");
        obj(&w, 2);
        sbuf_lit(&b, "<< /Type /Pages /Count ");
        sbuf_int(&b, p->page_count);
        sbuf_lit(&b, " /Kids [");
        for (int i = 0; i < p->page_count; i++) {
            sbuf_int(&b, first_page + 2 * i);
            sbuf_lit(&b, " 0 R ");
        }
        sbuf_lit(&b, "] >>\nendobj\n");
        out_sbuf(&w, &b);
        obj(&w, 3);
        sbuf_puts(&b, "<< /Creator (cjm) /Producer (cjm " CJM_VERSION ")");
        if (title) {
            sbuf_lit(&b, " /Title <FEFF");
            sbuf u = { 0 };
            utf16be(&u, title, strlen(title));
            for (size_t i = 0; i < u.len; i++)
                hex_byte(&b, (unsigned char)u.data[i]);
            sbuf_free(&u);
            sbuf_put(&b, ">", 1);
        }
        sbuf_lit(&b, " >>\nendobj\n");
        out_sbuf(&w, &b);
        obj(&w, 4);
        sbuf_lit(&b, "<< /Font << ");
        for (int i = 0; i < p->font_count; i++) {
            sbuf_lit(&b, "/F");
            sbuf_int(&b, i);
            sbuf_put(&b, " ", 1);
            sbuf_int(&b, font_obj[i]);
            sbuf_lit(&b, " 0 R ");
        }
        sbuf_lit(&b, ">> /XObject << ");
        for (int i = 0; i < p->image_count; i++) {
            sbuf_lit(&b, "/I");
            sbuf_int(&b, i);
            sbuf_put(&b, " ", 1);
            sbuf_int(&b, image_obj[i]);
            sbuf_lit(&b, " 0 R ");
        }
        sbuf_lit(&b, ">> >>\nendobj\n");
        out_sbuf(&w, &b);
        for (int i = 0; i < p->page_count; i++) {
            pdf_page *pg = &p->pages[i];
            obj(&w, first_page + 2 * i);
            sbuf_lit(&b, "<< /Type /Page /Parent 2 0 R /Resources 4 0 R /MediaBox [0 0 ");
            sbuf_num_digits(&b, pg->w, 3);
            sbuf_put(&b, " ", 1);
            sbuf_num_digits(&b, pg->h, 3);
            sbuf_lit(&b, "] /Contents ");
            sbuf_int(&b, first_page + 2 * i + 1);
            sbuf_lit(&b, " 0 R >>\nendobj\n");
            out_sbuf(&w, &b);
            if (pg->content.failed)
                w.failed = 1;
            stream(&w, first_page + 2 * i + 1, pg->content.data, pg->content.len, 1, NULL);
        }
        for (int i = 0; i < p->font_count; i++) {
            const pdf_font *font = &p->fonts[i];
            int num = font_obj[i];
            obj(&w, num);
            sbuf_puts(&b, "<< /Type /Font /Subtype /Type3 /FontMatrix [1 0 0 1 0 0] "
                      "/FontBBox [");
            for (int k = 0; k < 4; k++) {
                sbuf_num(&b, font->bbox[k] < 1e8 && font->bbox[k] > -1e8 ? font->bbox[k] : 0);
                sbuf_put(&b, " ", 1);
            }
            sbuf_lit(&b, "] /Resources << >> /FirstChar 0 /LastChar ");
            sbuf_int(&b, font->count - 1);
            sbuf_lit(&b, " /Widths [");
            for (int c = 0; c < font->count; c++) {
                sbuf_num_digits(&b, p->glyphs[font->first_glyph[c]].width, 3);
                sbuf_put(&b, " ", 1);
            }
            sbuf_lit(&b, "] /Encoding << /Type /Encoding /Differences [0");
            for (int c = 0; c < font->count; c++) {
                sbuf_lit(&b, " /g");
                sbuf_int(&b, c);
            }
            sbuf_lit(&b, "] >> /CharProcs << ");
            for (int c = 0; c < font->count; c++) {
                sbuf_lit(&b, "/g");
                sbuf_int(&b, c);
                sbuf_put(&b, " ", 1);
                sbuf_int(&b, num + 2 + c);
                sbuf_lit(&b, " 0 R ");
            }
            sbuf_lit(&b, ">> /ToUnicode ");
            sbuf_int(&b, num + 1);
            sbuf_lit(&b, " 0 R >>\nendobj\n");
            out_sbuf(&w, &b);
            tounicode(p, font, &b);
            stream(&w, num + 1, b.data, b.len, 1, NULL);
            b.len = 0;
            for (int c = 0; c < font->count; c++) {
                const pdf_glyph *g = &p->glyphs[font->first_glyph[c]];
                stream(&w, num + 2 + c, p->procs.data + g->proc, g->proc_len, 1, NULL);
            }
        }
        for (int i = 0; i < p->image_count; i++) {
            pdf_image *im = &p->images[i];
            char extra[200];
            snprintf(extra, sizeof extra, "/Type /XObject /Subtype /Image /Width %d "
                     "/Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8", im->w, im->h);
            if (im->has_alpha)
                snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
                         " /SMask %d 0 R", image_obj[i] + 1);
            stream(&w, image_obj[i], im->rgb.data, im->rgb.len, 1, extra);
            if (im->has_alpha) {
                snprintf(extra, sizeof extra, "/Type /XObject /Subtype /Image /Width %d "
                         "/Height %d /ColorSpace /DeviceGray /BitsPerComponent 8",
                         im->w, im->h);
                stream(&w, image_obj[i] + 1, im->alpha.data, im->alpha.len, 1, extra);
            }
        }
        long xref = w.pos;
        char t[64];
        int k = snprintf(t, sizeof t, "xref\n0 %d\n0000000000 65535 f \n", w.count);
        out(&w, t, (size_t)k);
        for (int i = 1; i < w.count; i++) {
            k = snprintf(t, sizeof t, "%010ld 00000 n \n", w.offsets[i]);
            out(&w, t, (size_t)k);
        }
        k = snprintf(t, sizeof t, "trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\n",
                     w.count);
        out(&w, t, (size_t)k);
        k = snprintf(t, sizeof t, "startxref\n%ld\n%%%%EOF\n", xref);
        out(&w, t, (size_t)k);
        failed = w.failed || b.failed;
    }
    sbuf_free(&b);
    deflateEnd(&w.z);
    deflateEnd(&w.small);
    free(w.offsets);
    free(font_obj);
    free(image_obj);
    free_pdf(p);
    return failed ? -1 : 0;
}
