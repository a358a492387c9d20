/*
 * pen_internal.h — what the SVG and PDF writers share with pen.c: the
 * table of operations a writer attaches to a cairo context, and helpers
 * that read cairo's state in page coordinates.
 */
#ifndef CJM_PEN_INTERNAL_H
#define CJM_PEN_INTERNAL_H

#include "render/pen.h"
#include "base/sbuf.h"

typedef struct pen_ops {
    void (*fill)(void *self, cairo_t *cr);          /* keeps the path */
    void (*stroke)(void *self, cairo_t *cr);        /* keeps the path */
    void (*clip)(void *self, cairo_t *cr);          /* keeps the path */
    void (*save)(void *self);
    void (*restore)(void *self);
    void (*image)(void *self, cairo_t *cr, cairo_surface_t *img);
    void (*layout)(void *self, cairo_t *cr, PangoLayout *layout);
} pen_ops;

/* Route CR's pen calls to OPS with SELF; 0 or -1 (out of memory). */
int pen_attach(cairo_t *cr, const pen_ops *ops, void *self);

/* The current path with the CTM applied (caller destroys). */
cairo_path_t *pen_page_path(cairo_t *cr);
/* A user-space length as a page length. */
double pen_page_length(cairo_t *cr, double d);
/* The source colour (black when it is not a colour). */
void pen_source_rgba(cairo_t *cr, double *r, double *g, double *b, double *a);
/* GLYPH of SF as a path in the font's space (y down), from SCRATCH. */
cairo_path_t *pen_glyph_path(cairo_t *scratch, cairo_scaled_font_t *sf,
                             unsigned long glyph);
/* A glyph of a layout and where it goes. */
typedef struct pen_glyph_at {
    cairo_scaled_font_t *sf;    /* NULL: a character no font has */
    unsigned long glyph;
    double x, y;                /* its origin, in the layout's user space */
    double box[4];              /* for a missing character: x, y, w, h */
    const char *text;           /* the characters it stands for: TEXT_LEN */
    size_t text_len;            /* bytes; 0 for the later glyphs of a cluster */
} pen_glyph_at;

/* Call FN for each glyph of LAYOUT drawn from (X0, Y0), line by line;
 * FN returns non-zero to stop. */
void pen_each_glyph(PangoLayout *layout, double x0, double y0,
                    int (*fn)(void *ctx, const pen_glyph_at *g), void *ctx);

/* A run of LAYOUT: text in one font on one line, for writers that keep
 * text as text. */
typedef struct pen_run_at {
    const char *text;           /* its characters: TEXT_LEN bytes */
    size_t text_len;
    double x, y;                /* where it starts, on its baseline */
    const char *family;         /* the font Pango chose for it */
    double size;                /* in the layout's user space */
    int bold, italic;
} pen_run_at;

/* Call FN for each run of LAYOUT drawn from (X0, Y0), line by line. */
void pen_each_run(PangoLayout *layout, double x0, double y0,
                  void (*fn)(void *ctx, const pen_run_at *r), void *ctx);

/* IMG encoded as PNG into OUT; 0 or -1. */
int pen_png(cairo_surface_t *img, sbuf *out);

/* Glyphs a writer has defined: (font, glyph) -> the writer's number. */
typedef struct pen_glyph_slot { const void *font; unsigned long glyph; int value; } pen_glyph_slot;
typedef struct pen_glyphs { pen_glyph_slot *slots; size_t cap, count; } pen_glyphs;

/* The number stored for (FONT, GLYPH), or -1. */
int pen_glyphs_find(const pen_glyphs *g, const void *font, unsigned long glyph);
/* Store VALUE (>= 0) for a new (FONT, GLYPH); 0, or -1 out of memory. */
int pen_glyphs_add(pen_glyphs *g, const void *font, unsigned long glyph, int value);
void pen_glyphs_free(pen_glyphs *g);

#endif
