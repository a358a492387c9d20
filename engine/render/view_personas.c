/*
 * view_personas.c — persona cards and the report's cover page.
 *
 * Persona cards sit in a grid, as many per row as the page allows; each
 * card grows to its content: an avatar (the persona's photo, or an
 * initials badge), name and role, demographics and professional data,
 * goals, pains, joys, values, channels, devices, SNS, hobbies, and the
 * quote.  When the page size is fixed, rows that do not fit go on to the
 * next page.
 */
#include "render/layout.h"
#include "render/words.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/image.h"

static const char *L(const char *loc, word w)
{
    return word_in(loc, w);
}

/* A persona's channels in words of LOC: channel ids by their name in the
 * language (sales_rep: "sales rep", 営業担当), anything else as written. */
static const cjm_strs *channel_words(arena *a, const cjm_strs *ids, const char *loc)
{
    cjm_strs *out = arena_alloc(a, sizeof *out);
    out->items = arena_alloc(a, sizeof *out->items * (size_t)(ids->count + 1));
    out->count = ids->count;
    for (int i = 0; i < ids->count; i++) {
        const char *w = model_channel_label(ids->items[i], loc);
        out->items[i] = w ? w : ids->items[i];
    }
    return out;
}


static const char *join(arena *a, const cjm_strs *s, const char *sep)
{
    const char *out = "";
    for (int i = 0; i < s->count; i++)
        out = arena_printf(a, "%s%s%s", out, i ? sep : "", s->items[i]);
    return out;
}

static const char *join_parts(arena *a, const char *const *parts, int n)
{
    const char *out = "";
    for (int i = 0; i < n; i++)
        if (parts[i] && *parts[i])
            out = arena_printf(a, "%s%s%s", out, *out ? " · " : "", parts[i]);
    return out;
}

/* The photo of P, read into A (image.h); NULL with a warning when it
 * cannot be read (`check` reports that as an error first). */
static const unsigned char *photo_bytes(arena *a, const cjm_persona *p, const char *base,
                                        size_t *len, diag_list *d)
{
    if (!p->photo)
        return NULL;
    image_file im;
    char why[300];
    if (image_read(base ? base : ".", p->photo, &im, why, sizeof why) < 0) {
        diag_add(d, DIAG_WARNING, NULL, 0, 0, NULL, "persona %s: photo \"%s\" %s; "
                 "drawing an initials badge instead", p->id, p->photo, why);
        return NULL;
    }
    unsigned char *copy = arena_alloc(a, im.len);
    memcpy(copy, im.data, im.len);
    *len = im.len;
    image_free(&im);
    return copy;
}

/* Lay out one card at (X, Y) WIDTH wide; returns its height.  With
 * MEASURE set nothing is added. */
static double persona_card(rdoc *doc, rpage *pg, const cjm_journey *j, int index,
                           double x, double y, double width,
                           const layout_options *o, diag_list *d, int measure)
{
    const theme *t = o->theme;
    const cjm_persona *p = &j->personas[index];
    const char *loc = j->locale ? j->locale : "en";
    arena *a = &doc->mem;
    double pad = t->header_pad + 2, inner = width - 2 * pad;
    int bg = pg->count;
    if (!measure) {
        box *r = page_box(doc, pg, BOX_RECT, x, y, width, 0);
        r->role = FILL_PERSONA_CARD;
        r->flags = BF_ROUND;
    }
    double cy = y + pad;
    double av = t->avatar_size, tx = x + pad + av + 8, tw = inner - av - 8;
    if (!measure) {
        box *ab = page_box(doc, pg, BOX_AVATAR, x + pad, cy, av, av);
        ab->text = layout_initials(a, p->name);
        ab->color = index;
        ab->image = photo_bytes(a, p, o->base_dir, &ab->image_len, d);
        if (!ab->image) {
            /* the initials, centred in the badge */
            double ih = measure_text(ab->text, TS_NAME, 0);
            page_text(doc, pg, x + pad, cy + (av - ih) / 2, av, ab->text, TS_NAME,
                      BF_HEADER_INK, 1, NULL);
        }
    }
    const char *role = L(loc, W_ROLE_PIC + p->role);
    const char *role_line = p->job_title ? arena_printf(a, "%s · %s", p->job_title, role)
                                         : role;
    double hh = measure ? measure_text(p->name, TS_NAME, tw)
                        : page_text(doc, pg, tx, cy, tw, p->name, TS_NAME, 0, 0,
                                    arena_printf(a, "persona:%s", p->id));
    hh += 2;
    hh += measure ? measure_text(role_line, TS_ROLE, tw)
                  : page_text(doc, pg, tx, cy + hh, tw, role_line, TS_ROLE, BF_MUTED, 0,
                              NULL);
    cy += (hh > av ? hh : av) + 8;

    const char *age = p->age >= 0 ? arena_printf(a, L(loc, W_AGE), p->age) : NULL;
    const char *demo[] = { age, p->gender, p->location, p->family, p->income };
    const char *years = p->tenure_years >= 0
        ? arena_printf(a, L(loc, W_YEARS), p->tenure_years) : NULL;
    const char *work[] = { p->department, years, p->education };
    const char *lines[] = { join_parts(a, demo, 5), join_parts(a, work, 3) };
    for (int k = 0; k < 2; k++) {
        if (!*lines[k])
            continue;
        cy += (measure ? measure_text(lines[k], TS_BODY, inner)
                       : page_text(doc, pg, x + pad, cy, inner, lines[k], TS_BODY, 0, 0,
                                   NULL)) + 3;
    }
    if (p->description)
        cy += (measure ? measure_text(p->description, TS_BODY, inner)
                       : page_text(doc, pg, x + pad, cy, inner, p->description, TS_BODY,
                                   BF_MUTED, 0, NULL)) + 3;
    const cjm_strs *lists[] = { &p->goals, &p->pains, &p->joys, &p->values,
                                &p->channels, &p->devices, &p->sns, &p->hobbies };
    for (int k = 0; k < 8; k++) {
        if (!lists[k]->count)
            continue;
        cy += 5;
        cy += (measure ? measure_text(L(loc, W_SECTION_GOALS + k), TS_SECTION, inner)
                       : page_text(doc, pg, x + pad, cy, inner, L(loc, W_SECTION_GOALS + k),
                                   TS_SECTION, BF_MUTED, 0, NULL)) + 1;
        const cjm_strs *shown = k == 4 ? channel_words(a, lists[k], loc) : lists[k];
        const char *body = k < 4 ? arena_printf(a, "• %s", join(a, shown, "\n• "))
                                 : join(a, shown, " · ");
        cy += measure ? measure_text(body, TS_BODY, inner)
                      : page_text(doc, pg, x + pad, cy, inner, body, TS_BODY, 0, 0, NULL);
    }
    if (p->quote) {
        const char *q = arena_printf(a, "%s%s%s", L(loc, W_QUOTE_OPEN), p->quote,
                                     L(loc, W_QUOTE_CLOSE));
        cy += 8;
        cy += measure ? measure_text(q, TS_QUOTE, inner)
                      : page_text(doc, pg, x + pad, cy, inner, q, TS_QUOTE, 0, 0, NULL);
    }
    double h = cy + pad - y;
    if (!measure)
        pg->boxes[bg].h = h;
    return h;
}

void layout_personas(rdoc *doc, const cjm_journey *j, const layout_options *o,
                     diag_list *d)
{
    const theme *t = o->theme;
    int *idx = arena_alloc(&doc->mem, sizeof *idx * (size_t)(j->persona_count + 1)), n = 0;
    for (int i = 0; i < j->persona_count; i++)
        if (!o->persona || strcmp(o->persona, j->personas[i].id) == 0)
            idx[n++] = i;
    double w = t->persona_width, gap = 14;
    int cols = n < 3 ? (n ? n : 1) : 3;
    if (o->page_w > 0) {
        cols = (int)((o->page_w - 2 * t->margin + gap) / (w + gap));
        if (cols < 1)
            cols = 1;
        if (cols > n && n)
            cols = n;
    }
    const char *loc = j->locale ? j->locale : "en";
    double content_w = cols * w + (cols - 1) * gap;
    double avail_h = o->page_h > 0 ? o->page_h - 2 * t->margin : 0;

    int at = 0;
    while (at < n || at == 0) {
        rpage *pg = rdoc_add_page(doc);
        double y = page_text(doc, pg, 0, 0, content_w,
                             arena_printf(&doc->mem, "%s — %s", L(loc, W_PERSONAS), j->title),
                             TS_TITLE, 0, 0, "title") + 12;
        int rows_on_page = 0;
        while (at < n) {
            double row_h = 0;
            int in_row = n - at < cols ? n - at : cols;
            for (int c = 0; c < in_row; c++) {
                double h = persona_card(doc, pg, j, idx[at + c], 0, 0, w, o, d, 1);
                if (h > row_h)
                    row_h = h;
            }
            if (avail_h > 0 && rows_on_page > 0 && y + row_h > avail_h)
                break;      /* the next row starts a new page */
            for (int c = 0; c < in_row; c++) {
                double x = c * (w + gap);
                /* all cards of a row are as tall as the tallest */
                int first = pg->count;
                persona_card(doc, pg, j, idx[at + c], x, y, w, o, d, 0);
                pg->boxes[first].h = row_h;
            }
            y += row_h + gap;
            at += in_row;
            rows_on_page++;
        }
        page_fit(pg, content_w, y - gap, o->page_w, o->page_h, t->margin);
        if (n == 0)
            break;
    }
}

void layout_cover(rdoc *doc, const cjm_journey *j, const layout_options *o,
                  diag_list *d)
{
    (void)d;
    const theme *t = o->theme;
    const char *loc = j->locale ? j->locale : "en";
    rpage *pg = rdoc_add_page(doc);
    arena *a = &doc->mem;
    double w = o->page_w > 0 ? o->page_w - 2 * t->margin - 40 : 700;
    double y = 40;
    y += page_text(doc, pg, 0, y, w, j->title, TS_COVER, 0, 0, "title") + 10;
    if (j->description)
        y += page_text(doc, pg, 0, y, w, j->description, TS_SUBTITLE, BF_MUTED, 0,
                       NULL) + 18;
    int pains = 0, opps = 0;
    for (int i = 0; i < j->phase_count; i++) {
        pains += j->phases[i].pains.count;
        opps += j->phases[i].opportunities.count;
    }
    const char *facts = arena_printf(a, L(loc, W_COVER_FACTS),
        L(loc, W_KIND_B2B + j->kind), j->locale, j->persona_count, j->phase_count,
        j->touchpoint_count, pains, opps, j->action_count, j->scenario_count);
    y += page_text(doc, pg, 0, y, w, facts, TS_SUBTITLE, 0, 0, NULL) + 22;
    for (int i = 0; i < j->phase_count; i++) {
        const cjm_phase *ph = &j->phases[i];
        const char *line = ph->goal ? arena_printf(a, "%d. %s — %s", i + 1, ph->name, ph->goal)
                                    : arena_printf(a, "%d. %s", i + 1, ph->name);
        y += page_text(doc, pg, 0, y, w, line, TS_SUBTITLE, 0, 0,
                       arena_printf(a, "phase:%s", ph->id)) + 5;
    }
    page_fit(pg, w, y, o->page_w, o->page_h, t->margin);
}
