/*
 * ref_png.c — the measuring stick for PNG rendering: the bare cost of a
 * cairo program that makes an image of the given pixel size, draws a
 * handful of shapes on it and encodes it as PNG.  `cjm render` to PNG
 * should take under 1.2 times as long, since PNG encoding dominates.
 * usage: ref_png WIDTH HEIGHT OUT.png
 */
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: ref_png WIDTH HEIGHT OUT.png\n");
        return 2;
    }
    int w = atoi(argv[1]), h = atoi(argv[2]);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (int i = 0; i < 40; i++) {
        cairo_set_source_rgb(cr, 0.2 + i * 0.01, 0.4, 0.6);
        cairo_rectangle(cr, 20 + (i % 8) * w / 9.0, 20 + (i / 8) * h / 6.0,
                        w / 10.0, h / 8.0);
        cairo_fill(cr);
    }
    cairo_destroy(cr);
    cairo_status_t st = cairo_surface_write_to_png(s, argv[3]);
    cairo_surface_destroy(s);
    return st == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
