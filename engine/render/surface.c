/*
 * surface.c — pages to PNG and PDF with cairo surfaces, to SVG with our own
 * writer (pen.c), written atomically.
 */
#include "render/surface.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "base/fsout.h"
#include "base/limit.h"
#include "render/draw.h"
#include "render/pen.h"

/* Encode the RGB24 image IMG as PNG into F with libpng directly: cairo's
 * own writer takes libpng's slow defaults, and PNG encoding is most of the
 * time of a PNG render.  Fast zlib level, Sub filter: files ~20% larger,
 * several times faster.  -1 on failure. */
static int write_png(cairo_surface_t *img, FILE *f)
{
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    const unsigned char *data = cairo_image_surface_get_data(img);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    unsigned char *row = malloc((size_t)w * 3);
    if (!png || !info || !row) {
        png_destroy_write_struct(&png, info ? &info : NULL);
        free(row);
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return -1;
    }
    png_init_io(png, f);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; y++) {
        const uint32_t *px = (const uint32_t *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            row[3 * x] = (unsigned char)(px[x] >> 16);
            row[3 * x + 1] = (unsigned char)(px[x] >> 8);
            row[3 * x + 2] = (unsigned char)px[x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    return 0;
}

#define PNG_MAX_SIDE 32767            /* cairo's image surfaces */

/* PDF through cairo's own writer, which embeds subsets of the fonts. */
static cairo_status_t write_stream(void *closure, const unsigned char *data,
                                   unsigned int length)
{
    FILE *f = closure;
    return fwrite(data, 1, length, f) == length ? CAIRO_STATUS_SUCCESS
                                                : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_status_t cairo_pdf(const rdoc *doc, const theme *t, const char *title,
                                FILE *f)
{
    const rpage *first = &doc->pages[0];
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_stream, f, first->width,
                                                             first->height);
    /* no creation date: the same input gives the same bytes */
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
    if (title)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "cjm");
    cairo_t *cr = cairo_create(s);
    for (int i = 0; i < doc->count; i++) {
        const rpage *p = &doc->pages[i];
        cairo_pdf_surface_set_size(s, p->width, p->height);
        draw_page(cr, p, t);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_status_t status = cairo_surface_status(s);
    cairo_surface_destroy(s);
    return status;
}

/* Whether a PNG page of W x H pixels is past what cairo can draw (32767 a
 * side) or the page-pixels limit; adds the error then. */
static int png_too_big(double w, double h, double dpi, const char *path, diag_list *d)
{
    char lim[64] = "";
    if (w > PNG_MAX_SIDE || h > PNG_MAX_SIDE)
        snprintf(lim, sizeof lim, "PNG pages are at most %d pixels a side", PNG_MAX_SIDE);
    else if (w * h > (double)limit_count(LIM_PAGE_PIXELS))
        snprintf(lim, sizeof lim, "the page-pixels limit is %g megapixels",
                 limit_get(LIM_PAGE_PIXELS));
    if (!lim[0])
        return 0;
    diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "the picture would be %.0f x %.0f pixels "
             "at %g dpi and %s; write SVG or PDF, or lower --dpi%s%s", w, h, dpi, lim,
             w > PNG_MAX_SIDE || h > PNG_MAX_SIDE ? "" : " (or raise it with ",
             w > PNG_MAX_SIDE || h > PNG_MAX_SIDE ? "" : "--limit page-pixels=N)");
    d->limit_hit = 1;
    return 1;
}

int surface_write(const rdoc *doc, const theme *t, out_format format,
                  double dpi, const char *title, const char *path, int editable_text,
                  diag_list *d)
{
    if (doc->count == 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "nothing to draw");
        return -1;
    }
    if (doc->count > 1 && format != FMT_PDF) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "this drawing has %d pages; "
                 "write it as PDF (.pdf), or leave out --size so one page grows "
                 "to fit", doc->count);
        return -1;
    }
    const rpage *first = &doc->pages[0];
    double s = dpi / 72.0;
    double pw = ceil(first->width * s), ph = ceil(first->height * s);
    if (format == FMT_PNG && png_too_big(pw, ph, dpi, path, d))
        return -1;
    fsout *out = fsout_open(path, d);
    if (!out)
        return -1;
    FILE *f = fsout_stream(out);
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    if (format == FMT_PNG) {
        int w = (int)pw, h = (int)ph;
        cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_t *cr = cairo_create(img);
        /* the page's size in pixels is rounded up: paint every pixel,
         * so the last row and column are the background, not black */
        cairo_set_source_rgb(cr, t->background.r, t->background.g, t->background.b);
        cairo_paint(cr);
        cairo_scale(cr, s, s);
        draw_page(cr, first, t);
        cairo_destroy(cr);
        cairo_surface_flush(img);
        status = cairo_surface_status(img);
        if (status == CAIRO_STATUS_SUCCESS && write_png(img, f) < 0)
            status = CAIRO_STATUS_WRITE_ERROR;
        cairo_surface_destroy(img);
    } else if (format == FMT_SVG) {
        pen_svg *svg = pen_svg_begin(first->width, first->height, editable_text);
        if (!svg) {
            status = CAIRO_STATUS_NO_MEMORY;
        } else {
            pen_svg_to_file(svg, f, title, doc->lang, first);
            draw_page(pen_svg_context(svg), first, t);
            if (pen_svg_end(svg, first) < 0)
                status = CAIRO_STATUS_WRITE_ERROR;
        }
    } else if (editable_text) {
        status = cairo_pdf(doc, t, title, f);
    } else {
        pen_pdf *pdf = pen_pdf_begin();
        if (!pdf) {
            status = CAIRO_STATUS_NO_MEMORY;
        } else {
            for (int i = 0; i < doc->count; i++) {
                const rpage *p = &doc->pages[i];
                cairo_t *cr = pen_pdf_page(pdf, p->width, p->height);
                if (cr)
                    draw_page(cr, p, t);
            }
            if (pen_pdf_end(pdf, f, title, doc->lang) < 0)
                status = CAIRO_STATUS_WRITE_ERROR;
        }
    }
    if (status != CAIRO_STATUS_SUCCESS) {
        int err = errno;
        if (status == CAIRO_STATUS_WRITE_ERROR)
            diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot write: %s",
                     strerror(err ? err : EIO));
        else
            diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "cannot draw: %s",
                     cairo_status_to_string(status));
        fsout_abort(out);
        return -1;
    }
    return fsout_close(out, d);
}

int surface_svg_inline(const rpage *p, const theme *t, const char *lang,
                       const char *prefix, const char *label, const sbuf *extra,
                       sbuf *out)
{
    pen_svg *svg = pen_svg_begin(p->width, p->height, 1);
    if (!svg)
        return -1;
    pen_svg_ids(svg, prefix);
    draw_page(pen_svg_context(svg), p, t);
    return pen_svg_inline(svg, out, label, lang, extra);
}
