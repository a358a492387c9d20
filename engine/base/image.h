/*
 * image.h — persona photos, read safely.
 *
 * A photo is a PNG or JPEG file named relative to the journey's folder.  It is
 * read through fsin_read_beneath (inside the folder, a regular file, at
 * most `--limit image-bytes`), and its size is taken from its header and
 * held to `--limit image-pixels` before anything decodes it, so a small
 * file that would decode to gigabytes is refused.  `cjm check` reads
 * every photo this way; the renderer reads it again to draw it.
 */
#ifndef CJM_IMAGE_H
#define CJM_IMAGE_H

#include <stddef.h>

typedef enum { IMAGE_PNG, IMAGE_JPEG } image_kind;

typedef struct image_file {
    unsigned char *data;    /* the file's bytes (malloc'd) */
    size_t len;
    image_kind kind;
    int width, height;
} image_file;

/* The kind of image DATA holds, from its signature; -1 when neither. */
int image_kind_of(const unsigned char *data, size_t len);

/* DATA, a JPEG, decoded to rows of 4-byte pixels in cairo's RGB24 order
 * (B, G, R, unused on little-endian machines), STRIDE bytes apart;
 * malloc'd, or NULL when it cannot be decoded. */
unsigned char *image_jpeg_pixels(const unsigned char *data, size_t len, int *width,
                                 int *height, int *stride);

/* Read and check the photo REL inside DIR.  0, or -1 with the reason
 * (without the file name) in WHY; -2 when the reason is a limit. */
int image_read(const char *dir, const char *rel, image_file *out, char *why,
               size_t whysize);

void image_free(image_file *im);

#endif
