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

#endif
