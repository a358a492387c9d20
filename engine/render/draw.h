/*
 * draw.h — drawing a laid-out page with cairo.  Draws exactly the boxes
 * of the page, in order; decides nothing about where things go.
 */
#ifndef CJM_DRAW_H
#define CJM_DRAW_H

#include <cairo.h>
#include "render/layout.h"

/* Draw page P onto CR, whose user space is the page in points. */
void draw_page(cairo_t *cr, const rpage *p, const theme *t);

/* Add a rectangle with corners rounded to R to the current path. */
void draw_rounded_path(cairo_t *cr, double x, double y, double w, double h, double r);

/* The small vector icon of channel CHANNEL in the square (X, Y, SIZE). */
void draw_channel_icon(cairo_t *cr, int channel, double x, double y,
                       double size, rgb ink);

#endif
