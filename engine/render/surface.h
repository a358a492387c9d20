/*
 * surface.h — writing laid-out pages to SVG, PNG or PDF files.
 *
 * Output goes through fsout (temporary file, then rename).  PNG is drawn
 * by cairo; SVG and PDF by cjm's own writers (svg_writer.c, pdf_writer.c).  PDF
 * gets no creation date, so the same input gives the same bytes.  SVG and
 * PNG hold one page; a document of several pages must be written as PDF.
 */
#ifndef CJM_SURFACE_H
#define CJM_SURFACE_H

#include "base/diag.h"
#include "base/format.h"
#include "base/sbuf.h"
#include "render/layout.h"

/* Write DOC to PATH in FORMAT (FMT_SVG, FMT_PNG or FMT_PDF; DPI for PNG;
 * TITLE into PDF metadata).
 * Text is drawn as glyph outlines (PDF: Type 3 fonts of them; fast, small,
 * the same everywhere); EDITABLE_TEXT keeps it text that design tools can
 * edit: PDF has cairo embed the fonts themselves, SVG gets <text>
 * elements.  0, or -1 after adding an error to D (PATH left untouched). */
int surface_write(const rdoc *doc, const theme *t, out_format format,
                  double dpi, const char *title, const char *path,
                  int editable_text, diag_list *d);

/* Page P of a document in LANG as an <svg> element for an HTML page,
 * appended to OUT: text as <text> elements (real text for readers and
 * search), ids beginning with PREFIX, the whole named LABEL, EXTRA
 * (markup, or NULL) on top.  0, or -1 when memory ran out. */
int surface_svg_inline(const rpage *p, const theme *t, const char *lang,
                       const char *prefix, const char *label, const sbuf *extra,
                       sbuf *out);

#endif
