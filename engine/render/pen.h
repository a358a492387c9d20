/*
 * pen.h — where drawing goes.  draw.c and icons.c build their paths with
 * cairo and then fill, stroke, clip, paint and show text through these
 * calls.  On an ordinary cairo_t (PNG, and PDF with --embed-fonts) they
 * are cairo's own; on one with a writer attached they write the file's
 * elements directly: svg_writer.c (paths in page coordinates, glyph outlines
 * defined once and placed with <use>, <clipPath>, embedded PNG) and
 * pdf_writer.c (the same paths, Type 3 fonts of glyph outlines with ToUnicode
 * maps, clips, image XObjects).
 *
 * Why not cairo's SVG and PDF surfaces: they format every number with
 * printf and replay each page two or three times, which was most of the
 * time of a render (~3x the instructions of these writers).
 */
#ifndef CJM_PEN_H
#define CJM_PEN_H

#include <stdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/sbuf.h"
#include "render/layout.h"

void pen_fill(cairo_t *cr);
void pen_fill_preserve(cairo_t *cr);
void pen_stroke(cairo_t *cr);
/* Clip to the current path until the matching pen_restore. */
void pen_clip(cairo_t *cr);
void pen_save(cairo_t *cr);
void pen_restore(cairo_t *cr);
/* Paint IMG with its top-left corner at the user-space origin. */
void pen_paint_image(cairo_t *cr, cairo_surface_t *img);
/* Show LAYOUT with its top-left corner at the current point. */
void pen_show_layout(cairo_t *cr, PangoLayout *layout);

typedef struct pen_svg pen_svg;

/* A cairo context whose drawing becomes SVG for a page of WIDTH x HEIGHT
 * points; NULL when out of memory.  Draw on pen_svg_context(), then
 * pen_svg_end (a file) or pen_svg_inline (a part of a page).  Text is glyph outlines (the same everywhere), or with
 * TEXT <text> elements in the fonts Pango chose and the line breaks cjm
 * made, which design tools open as editable text. */
pen_svg *pen_svg_begin(double width, double height, int text);
cairo_t *pen_svg_context(pen_svg *s);

/* Make S an SVG document written to F as it is drawn (a map of 10,000
 * phases is 300 MB of SVG: not held in memory), with TITLE and, as its
 * description, the texts of page P (text is drawn as outlines: these
 * carry the words for screen readers and search), in language LANG (a
 * locale such as "ja"; NULL: none said).  The glyph outlines and clips
 * the drawing uses follow it, in <defs> at the end.  Call before
 * drawing; then pen_svg_end. */
void pen_svg_to_file(pen_svg *s, FILE *f, const char *title, const char *lang,
                     const rpage *p);

/* Finish the document pen_svg_to_file began: the hover hints of P and
 * the definitions.  Frees S.  0, or -1 on a write error or when memory
 * ran out while drawing. */
int pen_svg_end(pen_svg *s, const rpage *p);

/* Begin every id S writes with PREFIX (at most 15 bytes), so that several
 * SVGs can share one HTML page.  Call before drawing. */
void pen_svg_ids(pen_svg *s, const char *prefix);

/* Append the drawing to OUT as an <svg> element for an HTML page (no XML
 * declaration, no title or description: the page has its own), named
 * LABEL for screen readers, with the markup in EXTRA (or NULL) on top.
 * Frees S.  0, or -1 when memory ran out. */
int pen_svg_inline(pen_svg *s, sbuf *out, const char *label, const char *lang,
                   const sbuf *extra);

typedef struct pen_pdf pen_pdf;

/* A PDF document; NULL when out of memory.  Each pen_pdf_page gives the
 * cairo context to draw a new page of WIDTH x HEIGHT points on (valid
 * until the next page or the end); pen_pdf_end writes the file to F with
 * TITLE and the language LANG in its metadata, and frees P.  0, or -1 on a write error or when
 * memory ran out. */
pen_pdf *pen_pdf_begin(void);
cairo_t *pen_pdf_page(pen_pdf *p, double width, double height);
int pen_pdf_end(pen_pdf *p, FILE *f, const char *title, const char *lang);

/* LANG when it is a plain language tag (letters, digits, '-'), else NULL. */
const char *pen_lang_tag(const char *lang);

#endif
