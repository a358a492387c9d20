/*
 * image.c — reading and checking photos; see image.h.
 */
#include "base/image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    int w, h;
    if (png_size((const unsigned char *)data, len, &w, &h) < 0) {
        snprintf(why, whysize, "is not a PNG image (photos must be PNG files)");
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
    out->width = w;
    out->height = h;
    return 0;
}

void image_free(image_file *im)
{
    free(im->data);
    memset(im, 0, sizeof *im);
}
