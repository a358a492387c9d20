/*
 * image.c — reading and checking photos; see image.h.
 */
#include "base/image.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "base/fsin.h"
#include "base/limit.h"

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16
           | (unsigned long)p[2] << 8 | p[3];
}

/* Width and height from a PNG's IHDR chunk; -1 when it is not a PNG. */
static int png_size(const unsigned char *d, size_t len, int *w, int *h)
{
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    if (len < 24 || memcmp(d, sig, 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0)
        return -1;
    unsigned long pw = be32(d + 16), ph = be32(d + 20);
    if (pw == 0 || ph == 0 || pw > 0x7FFFFFFFul || ph > 0x7FFFFFFFul)
        return -1;
    *w = (int)pw;
    *h = (int)ph;
    return 0;
}

int image_kind_of(const unsigned char *d, size_t len)
{
    if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
        return IMAGE_PNG;
    if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
        return IMAGE_JPEG;
    return -1;
}

/* libjpeg reports errors by calling error_exit, which must not return. */
typedef struct jpeg_guard {
    struct jpeg_error_mgr mgr;
    jmp_buf back;
} jpeg_guard;

static void jpeg_fail(j_common_ptr cinfo)
{
    longjmp(((jpeg_guard *)cinfo->err)->back, 1);
}

static void jpeg_quiet(j_common_ptr cinfo, int level)
{
    (void)cinfo;
    (void)level;
}

/* Width and height from a JPEG's header, read by libjpeg (which checks
 * the markers up to the image data); -1 when it is not a readable JPEG. */
static int jpeg_size(const unsigned char *d, size_t len, int *w, int *h)
{
    struct jpeg_decompress_struct cinfo;
    jpeg_guard err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_fail;
    err.mgr.emit_message = jpeg_quiet;
    if (setjmp(err.back)) {
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, d, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    *w = (int)cinfo.image_width;
    *h = (int)cinfo.image_height;
    jpeg_destroy_decompress(&cinfo);
    return *w > 0 && *h > 0 ? 0 : -1;
}

unsigned char *image_jpeg_pixels(const unsigned char *d, size_t len, int *width,
                                 int *height, int *stride)
{
    struct jpeg_decompress_struct cinfo;
    jpeg_guard err;
    unsigned char *volatile pixels = NULL;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_fail;
    err.mgr.emit_message = jpeg_quiet;
    if (setjmp(err.back)) {
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        return NULL;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, d, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.out_color_space = JCS_EXT_BGRX;   /* cairo's RGB24 in memory order */
    jpeg_start_decompress(&cinfo);
    int w = (int)cinfo.output_width, h = (int)cinfo.output_height;
    size_t row = (size_t)w * 4;
    pixels = malloc(row * (size_t)h + 1);
    if (!pixels)
        longjmp(err.back, 1);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW line = pixels + row * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &line, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    *width = w;
    *height = h;
    *stride = (int)row;
    return pixels;
}

int image_read(const char *dir, const char *rel, image_file *out, char *why,
               size_t whysize)
{
    memset(out, 0, sizeof *out);
    fsin_status st;
    size_t len;
    char *data = fsin_read_beneath(dir, rel, limit_bytes(LIM_IMAGE_BYTES), &len, &st,
                                   why, whysize);
    if (!data) {
        if (st == FSIN_TOO_BIG) {
            size_t n = strlen(why);
            snprintf(why + n, whysize - n, " (raise it with %s)",
                     limit_hint(LIM_IMAGE_BYTES));
            return -2;
        }
        return -1;
    }
    int w, h, kind = image_kind_of((const unsigned char *)data, len);
    if (kind < 0 || (kind == IMAGE_PNG ? png_size((const unsigned char *)data, len, &w, &h)
                                       : jpeg_size((const unsigned char *)data, len, &w, &h))
                        < 0) {
        snprintf(why, whysize, kind < 0 ? "is not a PNG or JPEG image"
                 : "cannot be read as a %s image (the file is damaged)",
                 kind == IMAGE_PNG ? "PNG" : "JPEG");
        free(data);
        return -1;
    }
    double pixels = (double)w * h;
    if (pixels > (double)limit_count(LIM_IMAGE_PIXELS)) {
        snprintf(why, whysize, "is %d x %d pixels (%.1f megapixels), more than the "
                 "limit of %g megapixels (raise it with %s)", w, h, pixels / 1e6,
                 limit_get(LIM_IMAGE_PIXELS), limit_hint(LIM_IMAGE_PIXELS));
        free(data);
        return -2;
    }
    out->data = (unsigned char *)data;
    out->len = len;
    out->kind = (image_kind)kind;
    out->width = w;
    out->height = h;
    return 0;
}

void image_free(image_file *im)
{
    free(im->data);
    memset(im, 0, sizeof *im);
}
