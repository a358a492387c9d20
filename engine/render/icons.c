/*
 * icons.c — one small vector icon per touchpoint channel, drawn with
 * cairo paths in a unit square (0..1) scaled to the icon size.  Simple
 * shapes that stay legible at 12 points: a globe for the website, an
 * envelope for e-mail, a storefront for a store, and so on.
 */
#define _DEFAULT_SOURCE
#include "render/draw.h"
#include "render/pen.h"

#include <math.h>
#include <string.h>

#include "model/model.h"

static void rrect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    draw_rounded_path(cr, x, y, w, h, r);
}

static void person(cairo_t *cr, double cx, double top, double s)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, cx, top + 0.12 * s, 0.12 * s, 0, 2 * M_PI);
    cairo_move_to(cr, cx - 0.2 * s, top + 0.55 * s);
    cairo_curve_to(cr, cx - 0.2 * s, top + 0.3 * s, cx + 0.2 * s, top + 0.3 * s,
                   cx + 0.2 * s, top + 0.55 * s);
}

static void bubble(cairo_t *cr)
{
    rrect(cr, 0.08, 0.15, 0.84, 0.55, 0.12);
    cairo_move_to(cr, 0.3, 0.7);
    cairo_line_to(cr, 0.25, 0.88);
    cairo_line_to(cr, 0.45, 0.7);
}

void draw_channel_icon(cairo_t *cr, int channel, double x, double y,
                       double size, rgb ink)
{
    const char *name = model_channel_names()[channel];
    pen_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, size, size);
    cairo_set_line_width(cr, 0.085);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
    cairo_new_path(cr);
    int fill_dot = 0;
    if (!strcmp(name, "website") || !strcmp(name, "portal")) {
        cairo_arc(cr, 0.5, 0.5, 0.4, 0, 2 * M_PI);
        cairo_move_to(cr, 0.1, 0.5);
        cairo_line_to(cr, 0.9, 0.5);
        cairo_move_to(cr, 0.5, 0.1);
        cairo_curve_to(cr, 0.25, 0.3, 0.25, 0.7, 0.5, 0.9);
        cairo_move_to(cr, 0.5, 0.1);
        cairo_curve_to(cr, 0.75, 0.3, 0.75, 0.7, 0.5, 0.9);
        if (!strcmp(name, "portal")) {
            cairo_move_to(cr, 0.2, 0.28);
            cairo_line_to(cr, 0.8, 0.28);
        }
    } else if (!strcmp(name, "email") || !strcmp(name, "direct_mail")) {
        rrect(cr, 0.08, 0.22, 0.84, 0.56, 0.06);
        cairo_move_to(cr, 0.1, 0.26);
        cairo_line_to(cr, 0.5, 0.55);
        cairo_line_to(cr, 0.9, 0.26);
    } else if (!strcmp(name, "search")) {
        cairo_arc(cr, 0.42, 0.42, 0.26, 0, 2 * M_PI);
        cairo_move_to(cr, 0.61, 0.61);
        cairo_line_to(cr, 0.88, 0.88);
    } else if (!strcmp(name, "sns") || !strcmp(name, "community")) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, 0.22, 0.5, 0.1, 0, 2 * M_PI);
        cairo_new_sub_path(cr);
        cairo_arc(cr, 0.75, 0.22, 0.1, 0, 2 * M_PI);
        cairo_new_sub_path(cr);
        cairo_arc(cr, 0.75, 0.78, 0.1, 0, 2 * M_PI);
        cairo_move_to(cr, 0.31, 0.45);
        cairo_line_to(cr, 0.66, 0.27);
        cairo_move_to(cr, 0.31, 0.55);
        cairo_line_to(cr, 0.66, 0.73);
    } else if (!strcmp(name, "messenger") || !strcmp(name, "chat")) {
        bubble(cr);
        fill_dot = 1;
    } else if (!strcmp(name, "ads") || !strcmp(name, "tv")) {
        if (!strcmp(name, "tv")) {
            rrect(cr, 0.08, 0.2, 0.84, 0.55, 0.06);
            cairo_move_to(cr, 0.35, 0.88);
            cairo_line_to(cr, 0.65, 0.88);
        } else {
            cairo_move_to(cr, 0.1, 0.4);
            cairo_line_to(cr, 0.1, 0.62);
            cairo_line_to(cr, 0.3, 0.62);
            cairo_line_to(cr, 0.8, 0.85);
            cairo_line_to(cr, 0.8, 0.15);
            cairo_line_to(cr, 0.3, 0.4);
            cairo_close_path(cr);
            cairo_move_to(cr, 0.3, 0.62);
            cairo_line_to(cr, 0.36, 0.88);
        }
    } else if (!strcmp(name, "event") || !strcmp(name, "webinar")) {
        rrect(cr, 0.1, 0.18, 0.8, 0.72, 0.06);
        cairo_move_to(cr, 0.1, 0.38);
        cairo_line_to(cr, 0.9, 0.38);
        cairo_move_to(cr, 0.3, 0.1);
        cairo_line_to(cr, 0.3, 0.25);
        cairo_move_to(cr, 0.7, 0.1);
        cairo_line_to(cr, 0.7, 0.25);
        if (!strcmp(name, "webinar")) {
            cairo_move_to(cr, 0.42, 0.5);
            cairo_line_to(cr, 0.62, 0.63);
            cairo_line_to(cr, 0.42, 0.76);
            cairo_close_path(cr);
        }
    } else if (!strcmp(name, "store")) {
        cairo_move_to(cr, 0.12, 0.42);
        cairo_line_to(cr, 0.2, 0.15);
        cairo_line_to(cr, 0.8, 0.15);
        cairo_line_to(cr, 0.88, 0.42);
        cairo_close_path(cr);
        cairo_move_to(cr, 0.18, 0.42);
        cairo_line_to(cr, 0.18, 0.88);
        cairo_line_to(cr, 0.82, 0.88);
        cairo_line_to(cr, 0.82, 0.42);
        cairo_move_to(cr, 0.42, 0.88);
        cairo_line_to(cr, 0.42, 0.62);
        cairo_line_to(cr, 0.58, 0.62);
        cairo_line_to(cr, 0.58, 0.88);
    } else if (!strcmp(name, "phone") || !strcmp(name, "contact_center")) {
        if (!strcmp(name, "contact_center")) {
            cairo_arc(cr, 0.5, 0.5, 0.32, M_PI, 2 * M_PI);
            rrect(cr, 0.1, 0.45, 0.16, 0.25, 0.05);
            rrect(cr, 0.74, 0.45, 0.16, 0.25, 0.05);
            cairo_move_to(cr, 0.82, 0.7);
            cairo_curve_to(cr, 0.82, 0.85, 0.7, 0.88, 0.55, 0.88);
        } else {
            rrect(cr, 0.3, 0.08, 0.4, 0.84, 0.08);
            cairo_move_to(cr, 0.45, 0.8);
            cairo_line_to(cr, 0.55, 0.8);
        }
    } else if (!strcmp(name, "app")) {
        rrect(cr, 0.28, 0.06, 0.44, 0.88, 0.08);
        rrect(cr, 0.38, 0.25, 0.1, 0.1, 0.02);
        rrect(cr, 0.52, 0.25, 0.1, 0.1, 0.02);
        rrect(cr, 0.38, 0.42, 0.1, 0.1, 0.02);
        rrect(cr, 0.52, 0.42, 0.1, 0.1, 0.02);
    } else if (!strcmp(name, "sales_rep") || !strcmp(name, "partner")) {
        person(cr, 0.5, 0.12, 1.2);
        if (!strcmp(name, "partner")) {
            cairo_new_path(cr);
            person(cr, 0.32, 0.15, 1.0);
            person(cr, 0.68, 0.15, 1.0);
        } else {
            cairo_move_to(cr, 0.5, 0.5);
            cairo_line_to(cr, 0.44, 0.62);
            cairo_line_to(cr, 0.5, 0.8);
            cairo_line_to(cr, 0.56, 0.62);
            cairo_close_path(cr);
        }
    } else if (!strcmp(name, "word_of_mouth")) {
        person(cr, 0.3, 0.3, 1.0);
        cairo_new_sub_path(cr);
        rrect(cr, 0.5, 0.08, 0.42, 0.3, 0.08);
        cairo_move_to(cr, 0.58, 0.38);
        cairo_line_to(cr, 0.52, 0.5);
    } else if (!strcmp(name, "review_site")) {
        for (int k = 0; k < 5; k++) {
            double a = -M_PI / 2 + k * 4 * M_PI / 5;
            double px = 0.5 + 0.42 * cos(a), py = 0.54 + 0.42 * sin(a);
            if (k == 0)
                cairo_move_to(cr, px, py);
            else
                cairo_line_to(cr, px, py);
        }
        cairo_close_path(cr);
    } else if (!strcmp(name, "inquiry_form") || !strcmp(name, "documentation")
               || !strcmp(name, "print")) {
        cairo_move_to(cr, 0.2, 0.08);
        cairo_line_to(cr, 0.62, 0.08);
        cairo_line_to(cr, 0.8, 0.26);
        cairo_line_to(cr, 0.8, 0.92);
        cairo_line_to(cr, 0.2, 0.92);
        cairo_close_path(cr);
        for (int k = 0; k < 3; k++) {
            cairo_move_to(cr, 0.32, 0.42 + k * 0.15);
            cairo_line_to(cr, 0.68, 0.42 + k * 0.15);
        }
    } else if (!strcmp(name, "trial")) {
        cairo_move_to(cr, 0.38, 0.08);
        cairo_line_to(cr, 0.38, 0.4);
        cairo_line_to(cr, 0.12, 0.88);
        cairo_line_to(cr, 0.88, 0.88);
        cairo_line_to(cr, 0.62, 0.4);
        cairo_line_to(cr, 0.62, 0.08);
        cairo_move_to(cr, 0.3, 0.08);
        cairo_line_to(cr, 0.7, 0.08);
        cairo_move_to(cr, 0.26, 0.62);
        cairo_line_to(cr, 0.74, 0.62);
    } else if (!strcmp(name, "video")) {
        rrect(cr, 0.08, 0.2, 0.84, 0.6, 0.1);
        cairo_move_to(cr, 0.42, 0.36);
        cairo_line_to(cr, 0.64, 0.5);
        cairo_line_to(cr, 0.42, 0.64);
        cairo_close_path(cr);
    } else {
        cairo_arc(cr, 0.5, 0.5, 0.38, 0, 2 * M_PI);
        fill_dot = 1;
    }
    pen_stroke(cr);
    if (fill_dot) {
        for (int k = 0; k < 3; k++) {
            cairo_new_sub_path(cr);
            cairo_arc(cr, 0.32 + k * 0.18, strcmp(name, "other") ? 0.43 : 0.5, 0.045,
                      0, 2 * M_PI);
        }
        pen_fill(cr);
    }
    pen_restore(cr);
}
