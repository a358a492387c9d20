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
#include "render/layout.h"

typedef enum { FORMAT_SVG, FORMAT_PNG, FORMAT_PDF } render_format;

/* The format named NAME ("svg", "png", "pdf") or by PATH's extension; -1. */
int surface_format_from_name(const char *name);
int surface_format_from_path(const char *path);
const char *surface_format_name(render_format f);

/* Write DOC to PATH in FORMAT (DPI for PNG; TITLE into PDF metadata).
 * PDF text is drawn with Type 3 fonts made of the glyph outlines (fast,
 * small); EMBED_FONTS has cairo embed the fonts themselves instead, so
 * the text stays editable in design tools.  0, or -1 after adding an
 * error to D (PATH left untouched). */
int surface_write(const rdoc *doc, const theme *t, render_format format,
                  double dpi, const char *title, const char *path,
                  int embed_fonts, diag_list *d);

#endif
