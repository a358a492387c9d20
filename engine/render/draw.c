/*
 * draw.c — drawing a laid-out page: paths with cairo, filled, stroked and
 * clipped through the pen (pen.h), so the same code draws PNG and PDF
 * with cairo and SVG with our own writer.  Colours come from the theme
 * by role; positions from the boxes.
 */
#define _DEFAULT_SOURCE
#include "render/draw.h"
#include "render/pen.h"

#include <stdlib.h>
#include "base/image.h"

#include <math.h>
#include <string.h>

static void set(cairo_t *cr, rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

void draw_rounded_path(cairo_t *cr, double x, double y, double w, double h, double r)
{
    if (r * 2 > h)
        r = h / 2;
    if (r * 2 > w)
        r = w / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

static void draw_rect(cairo_t *cr, const box *b, const theme *t)
{
    double r = b->flags & BF_ROUND ? t->radius : 0;
    int lane = b->role == FILL_LANE || b->role == FILL_LANE_ALT;
    if (lane) {
        set(cr, t->fill[b->role]);
        cairo_rectangle(cr, b->x, b->y, b->w, b->h);
        pen_fill(cr);
        set(cr, t->grid);
        cairo_set_line_width(cr, t->line_width * 0.6);
        cairo_move_to(cr, b->x, b->y + b->h);
        cairo_line_to(cr, b->x + b->w, b->y + b->h);
        pen_stroke(cr);
        return;
    }
    draw_rounded_path(cr, b->x, b->y, b->w, b->h, r);
    if (!(b->flags & BF_OUTLINE)) {
        set(cr, t->fill[b->role]);
        pen_fill_preserve(cr);
    }
    set(cr, t->accent[b->role]);
    cairo_set_line_width(cr, t->line_width * (b->flags & BF_THICK ? 2.5 : 1));
    if (b->flags & BF_DASHED) {
        double dash[] = { 3, 2 };
        cairo_set_dash(cr, dash, 2, 0);
    }
    pen_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    if (b->flags & BF_BAR) {
        pen_save(cr);
        draw_rounded_path(cr, b->x, b->y, b->w, b->h, r);
        pen_clip(cr);
        set(cr, t->accent[b->role]);
        cairo_rectangle(cr, b->x, b->y, 3, b->h);
        pen_fill(cr);
        pen_restore(cr);
    }
}

static void draw_text(cairo_t *cr, const box *b, const theme *t)
{
    double lx, ly, lw, lh, s = text_scale(b->layout);
    text_logical(b->layout, &lx, &ly, &lw, &lh);
    set(cr, b->flags & BF_HEADER_INK ? t->header_ink
            : b->flags & BF_MUTED ? t->muted : t->ink);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    cairo_translate(cr, b->x - lx, b->y - ly);
    cairo_scale(cr, s, s);
    cairo_move_to(cr, 0, 0);
    pen_show_layout(cr, b->layout);
    cairo_set_matrix(cr, &m);
}

/* Series S (a persona): its colour from the palette, then, once the
 * palette is used up, a line style; its point shape cycles on its own. */
static rgb series_color(const theme *t, int s)
{
    return t->curves[(s < 0 ? 0 : s) % t->curve_colors];
}

static void series_dash(cairo_t *cr, const theme *t, int s)
{
    static const double dashes[4][4] = { { 0 }, { 5, 5 }, { 0.1, 4.5 }, { 8, 4.5, 0.1, 4.5 } };
    static const int counts[4] = { 0, 2, 2, 4 };
    int k = ((s < 0 ? 0 : s) / t->curve_colors) % 4;
    cairo_set_dash(cr, dashes[k], counts[k], 0);
}

/* The slope at a point between secants D0 and D1 over widths H0 and H1
 * (Fritsch–Butland): zero at a turn, else a weighted harmonic mean, which
 * keeps each piece monotone, so the curve never overshoots its points. */
static double monotone_slope(double h0, double d0, double h1, double d1)
{
    if (d0 * d1 <= 0)
        return 0;
    return 3 * (h0 + h1) / ((2 * h1 + h0) / d0 + (h1 + 2 * h0) / d1);
}

/* The slope at point I of the N points P. */
static double slope_at(const double *p, int n, int i)
{
    double h0 = i > 0 ? p[2 * i] - p[2 * i - 2] : 0;
    double h1 = i + 1 < n ? p[2 * i + 2] - p[2 * i] : 0;
    double d0 = h0 > 0 ? (p[2 * i + 1] - p[2 * i - 1]) / h0 : 0;
    double d1 = h1 > 0 ? (p[2 * i + 3] - p[2 * i + 1]) / h1 : 0;
    if (i == 0)
        return 0;               /* ends flat: no slope the data does not give */
    if (i == n - 1)
        return 0;
    return monotone_slope(h0, d0, h1, d1);
}

/* The control points of the piece from point I to I + 1 of the monotone
 * cubic through the N points P: C = x1 y1 x2 y2. */
static void curve_piece(const double *p, int n, int i, double c[4])
{
    double h = p[2 * i + 2] - p[2 * i];
    double m0 = slope_at(p, n, i), m1 = slope_at(p, n, i + 1);
    c[0] = p[2 * i] + h / 3;
    c[1] = p[2 * i + 1] + m0 * h / 3;
    c[2] = p[2 * i + 2] - h / 3;
    c[3] = p[2 * i + 3] - m1 * h / 3;
}

/* Add the curve through the N points P to the path, forward from the
 * current point (P[0] must be it), or BACKWARD from the last point. */
static void curve_path(cairo_t *cr, const double *p, int n, int backward)
{
    double c[4];
    for (int k = 0; k < n - 1; k++) {
        int i = backward ? n - 2 - k : k;
        curve_piece(p, n, i, c);
        if (backward)
            cairo_curve_to(cr, c[2], c[3], c[0], c[1], p[2 * i], p[2 * i + 1]);
        else
            cairo_curve_to(cr, c[0], c[1], c[2], c[3], p[2 * i + 2], p[2 * i + 3]);
    }
}

/* The curve through the points: a monotone cubic, as Beziers; dashed and
 * thinner for a curve as it was (a diff's "before"). */
static void draw_curve(cairo_t *cr, const box *b, const theme *t)
{
    const double *p = b->pts;
    int n = b->npts;
    if (n < 2)
        return;
    cairo_move_to(cr, p[0], p[1]);
    curve_path(cr, p, n, 0);
    set(cr, series_color(t, b->color));
    cairo_set_line_width(cr, t->curve_width * (b->flags & BF_DASHED ? 0.7 : 1));
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    if (b->flags & BF_DASHED) {
        double dash[] = { 3, 3 };
        cairo_set_dash(cr, dash, 2, 0);
    } else {
        series_dash(cr, t, b->color);
    }
    pen_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

/* The area between two curves over the same columns: along the first,
 * back along the second, filled lightly in the series colour. */
static void draw_area(cairo_t *cr, const box *b, const theme *t)
{
    int n1 = b->icon, n2 = b->npts - b->icon;
    if (n1 < 1 || n2 < 1)
        return;
    const double *p = b->pts, *q = b->pts + 2 * n1;
    cairo_move_to(cr, p[0], p[1]);
    curve_path(cr, p, n1, 0);
    cairo_line_to(cr, q[2 * n2 - 2], q[2 * n2 - 1]);
    curve_path(cr, q, n2, 1);
    cairo_close_path(cr);
    rgb c = series_color(t, b->color);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, 0.18);
    pen_fill(cr);
}

/* Series S's point shape (circle, square, triangle, diamond) at (CX, CY). */
static void series_shape(cairo_t *cr, int s, double cx, double cy, double r)
{
    switch ((s < 0 ? 0 : s) % 4) {
    case 0:
        cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
        break;
    case 1:
        cairo_rectangle(cr, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
        break;
    case 2:
        cairo_move_to(cr, cx, cy - r * 1.1);
        cairo_line_to(cr, cx + r * 1.05, cy + r * 0.8);
        cairo_line_to(cr, cx - r * 1.05, cy + r * 0.8);
        cairo_close_path(cr);
        break;
    default:
        cairo_move_to(cr, cx, cy - r * 1.15);
        cairo_line_to(cr, cx + r * 1.15, cy);
        cairo_line_to(cr, cx, cy + r * 1.15);
        cairo_line_to(cr, cx - r * 1.15, cy);
        cairo_close_path(cr);
        break;
    }
}

static void draw_mark(cairo_t *cr, const box *b, const theme *t)
{
    double cx = b->x + b->w / 2, cy = b->y + b->h / 2, r = b->w / 2;
    cairo_new_path(cr);
    switch (b->role) {
    case MARK_INVOLVE:
        set(cr, t->involvement[b->icon]);
        cairo_set_line_width(cr, 1.6);
        if (b->icon == INV_DRIVER) {
            cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
            pen_fill(cr);
        } else if (b->icon == INV_PARTICIPANT) {
            cairo_arc(cr, cx, cy, r - 0.8, 0, 2 * M_PI);
            pen_stroke(cr);
        } else if (b->icon == INV_GATEKEEPER) {
            cairo_move_to(cr, cx, b->y);
            cairo_line_to(cr, b->x + b->w, cy);
            cairo_line_to(cr, cx, b->y + b->h);
            cairo_line_to(cr, b->x, cy);
            cairo_close_path(cr);
            pen_fill(cr);
            set(cr, t->background);
            cairo_rectangle(cr, cx - r * 0.45, cy - 0.8, r * 0.9, 1.6);
            pen_fill(cr);
        } else {
            cairo_arc(cr, cx, cy, r * 0.3, 0, 2 * M_PI);
            pen_fill(cr);
        }
        return;
    case MARK_PAIN:
    case MARK_OPPORTUNITY:
    case MARK_FAIL:
    case MARK_PLANNED: {
        int fill = b->role == MARK_PAIN ? FILL_PAIN : b->role == MARK_OPPORTUNITY
                 ? FILL_OPPORTUNITY : b->role == MARK_FAIL ? FILL_FAIL : FILL_PLANNED;
        set(cr, t->accent[fill]);
        cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
        pen_fill(cr);
        set(cr, t->background);
        cairo_set_line_width(cr, r * 0.32);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        if (b->role == MARK_PAIN || b->role == MARK_FAIL) {
            cairo_move_to(cr, cx, cy - r * 0.5);
            cairo_line_to(cr, cx, cy + r * 0.1);
            pen_stroke(cr);
            cairo_arc(cr, cx, cy + r * 0.45, r * 0.16, 0, 2 * M_PI);
            pen_fill(cr);
        } else {
            cairo_move_to(cr, cx - r * 0.5, cy);
            cairo_line_to(cr, cx + r * 0.5, cy);
            cairo_move_to(cr, cx, cy - r * 0.5);
            cairo_line_to(cr, cx, cy + r * 0.5);
            pen_stroke(cr);
        }
        return;
    }
    case MARK_POINT:
        series_shape(cr, b->color, cx, cy, r);
        set(cr, series_color(t, b->color));
        pen_fill_preserve(cr);
        set(cr, t->background);
        cairo_set_line_width(cr, 0.8);
        pen_stroke(cr);
        return;
    case MARK_LOW:
        cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
        set(cr, t->background);
        pen_fill_preserve(cr);
        set(cr, t->low_point);
        cairo_set_line_width(cr, 1.6);
        pen_stroke(cr);
        series_shape(cr, b->color, cx, cy, r * 0.5);
        set(cr, series_color(t, b->color));
        pen_fill(cr);
        return;
    case MARK_ONLINE:
        set(cr, t->accent[FILL_TOUCHPOINT]);
        cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
        pen_fill(cr);
        return;
    case MARK_OFFLINE:
        set(cr, t->muted);
        cairo_rectangle(cr, b->x, b->y, b->w, b->h);
        pen_fill(cr);
        return;
    case MARK_SWATCH:
        /* a sample of the series' line with its point shape */
        set(cr, series_color(t, b->color));
        cairo_set_line_width(cr, t->curve_width);
        series_dash(cr, t, b->color);
        cairo_move_to(cr, b->x, cy);
        cairo_line_to(cr, b->x + b->w, cy);
        pen_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        series_shape(cr, b->color, cx, cy, b->h / 2);
        pen_fill(cr);
        return;
    }
}

typedef struct png_source { const unsigned char *p; size_t left; } png_source;

static cairo_status_t read_png_bytes(void *closure, unsigned char *data, unsigned len)
{
    png_source *src = closure;
    if (len > src->left)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, src->p, len);
    src->p += len;
    src->left -= len;
    return CAIRO_STATUS_SUCCESS;
}

/* A photo's bytes (PNG or JPEG) as an image surface, or NULL. */
static cairo_surface_t *photo_surface(const unsigned char *data, size_t len)
{
    if (!data)
        return NULL;
    if (image_kind_of(data, len) == IMAGE_PNG) {
        png_source src = { data, len };
        return cairo_image_surface_create_from_png_stream(read_png_bytes, &src);
    }
    int w, h, stride;
    unsigned char *px = image_jpeg_pixels(data, len, &w, &h, &stride);
    if (!px)
        return NULL;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(img);
        unsigned char *dst = cairo_image_surface_get_data(img);
        int ds = cairo_image_surface_get_stride(img);
        for (int y = 0; y < h; y++)
            memcpy(dst + (size_t)y * (size_t)ds, px + (size_t)y * (size_t)stride, (size_t)w * 4);
        cairo_surface_mark_dirty(img);
    }
    free(px);
    return img;
}

static void draw_avatar(cairo_t *cr, const box *b, const theme *t)
{
    double cx = b->x + b->w / 2, cy = b->y + b->h / 2, r = b->w / 2;
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
    cairo_surface_t *img = photo_surface(b->image, b->image_len);
    if (img && cairo_surface_status(img) == CAIRO_STATUS_SUCCESS
        && cairo_image_surface_get_width(img) > 0) {
        double iw = cairo_image_surface_get_width(img);
        double ih = cairo_image_surface_get_height(img);
        double s = b->w / (iw < ih ? iw : ih);
        pen_save(cr);
        pen_clip(cr);
        cairo_translate(cr, cx - iw * s / 2, cy - ih * s / 2);
        cairo_scale(cr, s, s);
        pen_paint_image(cr, img);
        pen_restore(cr);
    } else {
        if (t->plain_badges) {
            set(cr, t->fill[FILL_HEADER]);
            pen_fill_preserve(cr);
            set(cr, t->accent[FILL_HEADER]);
            cairo_set_line_width(cr, t->line_width);
            pen_stroke(cr);
        } else {
            set(cr, series_color(t, b->color));
            pen_fill(cr);
        }
    }
    if (img)
        cairo_surface_destroy(img);
}

/* A polyline through the points with an arrowhead at the end. */
static void draw_arrow(cairo_t *cr, const box *b, const theme *t)
{
    const double *p = b->pts;
    int n = b->npts;
    double head = 5;
    set(cr, t->arrow);
    cairo_set_line_width(cr, 1.1);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    double ex = p[2 * n - 2], ey = p[2 * n - 1];
    double a = atan2(ey - p[2 * n - 3], ex - p[2 * n - 4]);
    cairo_move_to(cr, p[0], p[1]);
    for (int i = 1; i < n - 1; i++)
        cairo_line_to(cr, p[2 * i], p[2 * i + 1]);
    cairo_line_to(cr, ex - head * 0.7 * cos(a), ey - head * 0.7 * sin(a));
    pen_stroke(cr);
    cairo_move_to(cr, ex, ey);
    cairo_line_to(cr, ex - head * cos(a - 0.45), ey - head * sin(a - 0.45));
    cairo_line_to(cr, ex - head * cos(a + 0.45), ey - head * sin(a + 0.45));
    cairo_close_path(cr);
    pen_fill(cr);
}

/* The evidence meter: four bars rising like a signal gauge, as many
 * filled as the level (1 assumption .. 4 quantitative). */
static void draw_pips(cairo_t *cr, const box *b, const theme *t)
{
    double s = t->pip_size;
    for (int k = 0; k < 4; k++) {
        double x = b->x + k * (s + 1), h = b->h * (k + 1) / 4;
        cairo_rectangle(cr, x, b->y + b->h - h, s, h);
        if (k < b->icon) {
            set(cr, t->ink);
            pen_fill(cr);
        } else {
            set(cr, t->muted);
            cairo_set_line_width(cr, 0.6);
            pen_stroke(cr);
        }
    }
}

void draw_page(cairo_t *cr, const rpage *p, const theme *t)
{
    set(cr, t->background);
    cairo_rectangle(cr, 0, 0, p->width, p->height);
    pen_fill(cr);
    pen_save(cr);
    cairo_translate(cr, p->ox, p->oy);
    cairo_scale(cr, p->scale, p->scale);
    for (int i = 0; i < p->count; i++) {
        const box *b = &p->boxes[i];
        switch (b->kind) {
        case BOX_RECT:
            draw_rect(cr, b, t);
            break;
        case BOX_TEXT:
            draw_text(cr, b, t);
            break;
        case BOX_LINE:
            set(cr, b->role ? t->blueprint_line : b->flags & BF_MUTED ? t->grid
                    : t->neutral_line);
            cairo_set_line_width(cr, t->line_width);
            if (b->flags & BF_DASHED) {
                double dash[] = { 4, 3 };
                cairo_set_dash(cr, dash, 2, 0);
            }
            cairo_move_to(cr, b->pts[0], b->pts[1]);
            cairo_line_to(cr, b->pts[2], b->pts[3]);
            pen_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            break;
        case BOX_ICON:
            draw_channel_icon(cr, b->icon, b->x, b->y, b->w, t->accent[FILL_TOUCHPOINT]);
            break;
        case BOX_CURVE:
            draw_curve(cr, b, t);
            break;
        case BOX_MARK:
            draw_mark(cr, b, t);
            break;
        case BOX_AVATAR:
            draw_avatar(cr, b, t);
            break;
        case BOX_ARROW:
            draw_arrow(cr, b, t);
            break;
        case BOX_PIPS:
            draw_pips(cr, b, t);
            break;
        case BOX_AREA:
            draw_area(cr, b, t);
            break;
        }
    }
    pen_restore(cr);
}
