/*
 * text.c — Pango text shaping for layout and drawing.
 *
 * One PangoContext for the whole process, at 72 dpi so that font sizes
 * are points, with hinting off so that a layout measures the same for
 * SVG, PDF and PNG: the text is shaped once, here, and drawn as shaped.
 * Fonts come from fontconfig: DejaVu Sans for Latin, Noto Sans CJK for
 * Chinese and Japanese (the face matching the journey's locale first, so
 * that Han characters take the right regional forms).
 */
#include "render/layout.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <sys/stat.h>

static PangoContext *context;
/* Layouts already shaped since text_begin, by style, width, alignment and
 * text: the same label (a lane name, "participant") is often measured and
 * then placed, or placed many times; each use takes a reference. */
static GHashTable *shaped;
static PangoFontMap *own_map;

/* Debian's folders for the two families cjm asks for.  Loading just these
 * (from fontconfig's caches) skips parsing the whole system configuration,
 * a third of the time of a small render.  When they are not there, the
 * system's fontconfig setup is used as it is. */
static const char *const font_dirs[] = {
    "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/opentype/noto", NULL
};

/* The font files of those folders that cjm never asks for.  Every new
 * font sorts the whole font set (with the CJK faces' large character
 * sets): 22 faces instead of 52.  (Leaving out the monospaced CJK faces
 * too would need <pattern> rules, which fontconfig 2.14 leaks.) */
static const char unused_faces[] =
    "<selectfont><rejectfont>"
    "<glob>*/DejaVuSerif*</glob><glob>*/DejaVuSansMono*</glob>"
    "<glob>*/DejaVuSansCondensed*</glob><glob>*/DejaVuMath*</glob>"
    "<glob>*/DejaVuSans-ExtraLight*</glob><glob>*/NotoSerifCJK*</glob>"
    "</rejectfont></selectfont>";

static PangoFontMap *make_font_map(void)
{
    char xml[2048];
    size_t used = (size_t)snprintf(xml, sizeof xml, "<fontconfig>");
    int found = 0;
    for (const char *const *d = font_dirs; *d; d++) {
        struct stat st;
        if (stat(*d, &st) == 0 && S_ISDIR(st.st_mode)) {
            used += (size_t)snprintf(xml + used, sizeof xml - used, "<dir>%s</dir>", *d);
            found++;
        }
    }
    snprintf(xml + used, sizeof xml - used, "<cachedir>/var/cache/fontconfig</cachedir>"
             "<cachedir prefix=\"xdg\">fontconfig</cachedir>%s</fontconfig>", unused_faces);
    if (found < 2)
        return NULL;
    FcConfig *config = FcConfigCreate();
    if (!config)
        return NULL;
    if (!FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml, FcFalse)
        || !FcConfigBuildFonts(config)) {
        FcConfigDestroy(config);
        return NULL;
    }
    FcFontSet *set = FcConfigGetFonts(config, FcSetSystem);
    if (!set || set->nfont == 0) {
        FcConfigDestroy(config);
        return NULL;
    }
    /* Make it fontconfig's current configuration before Pango starts:
     * Pango runs FcInit() in a thread and waits for it before the first
     * font, and FcInit() with no current configuration parses the whole
     * system setup (/etc/fonts/conf.d), ~10 ms; with one, it returns. */
    if (!FcConfigSetCurrent(config)) {
        FcConfigDestroy(config);
        return NULL;
    }
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!map) {
        FcConfigDestroy(config);
        return NULL;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    FcConfigDestroy(config);    /* fontconfig and the font map hold references */
    return map;
}
static const theme *current_theme;
static char family[96];
/* The font of each style, parsed once per text_begin. */
static PangoFontDescription *style_font[TS__COUNT];

/* A key of the table of shaped layouts: what shapes a text the same. */
typedef struct shape_key {
    int style, align;
    double width;
    const char *text;           /* the caller's for a lookup, owned when stored */
} shape_key;

static guint shape_key_hash(gconstpointer p)
{
    const shape_key *k = p;
    guint h = g_str_hash(k->text);
    return h ^ ((guint)k->style * 0x9e3779b1u) ^ ((guint)k->align << 16)
           ^ (guint)(k->width * 1000);
}

static gboolean shape_key_equal(gconstpointer a, gconstpointer b)
{
    const shape_key *x = a, *y = b;
    return x->style == y->style && x->align == y->align && x->width == y->width
           && strcmp(x->text, y->text) == 0;
}

static void shape_key_free(gpointer p)
{
    shape_key *k = p;
    g_free((char *)k->text);
    g_free(k);
}

static void free_style_fonts(void)
{
    for (int i = 0; i < TS__COUNT; i++) {
        if (style_font[i])
            pango_font_description_free(style_font[i]);
        style_font[i] = NULL;
    }
}

void text_begin(const theme *t, const char *locale)
{
    current_theme = t;
    if (shaped)
        g_hash_table_remove_all(shaped);
    else
        shaped = g_hash_table_new_full(shape_key_hash, shape_key_equal, shape_key_free,
                                       g_object_unref);
    if (!context) {
        own_map = make_font_map();
        PangoFontMap *map = own_map ? own_map : pango_cairo_font_map_get_default();
        context = pango_font_map_create_context(map);
        pango_cairo_context_set_resolution(context, 72);
        pango_context_set_round_glyph_positions(context, FALSE);
        cairo_font_options_t *fo = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(context, fo);
        cairo_font_options_destroy(fo);
    }
    const char *cjk = "Noto Sans CJK JP";
    if (locale && strncmp(locale, "zh", 2) == 0)
        cjk = strstr(locale, "Hant") || strstr(locale, "TW") || strstr(locale, "HK")
                  ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
    else if (locale && strncmp(locale, "ko", 2) == 0)
        cjk = "Noto Sans CJK KR";
    int cjk_first = locale && (strncmp(locale, "ja", 2) == 0
                               || strncmp(locale, "zh", 2) == 0
                               || strncmp(locale, "ko", 2) == 0);
    snprintf(family, sizeof family, cjk_first ? "%s, DejaVu Sans" : "DejaVu Sans, %s",
             cjk);
    pango_context_set_language(context, pango_language_from_string(
        locale && *locale ? locale : "en"));
    free_style_fonts();
}

/* The font of STYLE at the shaping size (made on first use). */
static const PangoFontDescription *font_of(text_style style);

/* Every text is shaped at one size and drawn scaled to its style's size:
 * with hinting off, advances grow linearly with the size, and Pango then
 * needs one font per face instead of one per face and size (each new font
 * costs it a font sort and a metrics pass, ~0.5 ms). */
#define SHAPE_SIZE 10.0

static GQuark scale_quark;

/* Pango breaks a word too long for its line character by character in
 * time quadratic in the word's length (a 64,000-character word took 14 s).
 * Runs of more than LONG_RUN characters with no break opportunity (found
 * with Pango's own rules, so Chinese and Japanese text, which may break
 * between most characters, is left alone) get a zero-width space after
 * every character: the same lines, in linear time.  NULL when TEXT has
 * no such run. */
#define LONG_RUN 64

static char *break_long_runs(const char *text)
{
    int chars = g_utf8_strlen(text, -1);
    if (chars <= LONG_RUN)
        return NULL;
    PangoLogAttr *attrs = g_new0(PangoLogAttr, chars + 1);
    pango_get_log_attrs(text, -1, -1, pango_language_get_default(), attrs, chars + 1);
    GString *out = NULL;
    int run = 0, start = 0;
    for (int i = 0; i <= chars; i++) {
        if (i < chars && !attrs[i].is_line_break && !attrs[i].is_white) {
            run++;
            continue;
        }
        if (run > LONG_RUN) {
            if (!out)
                out = g_string_new(NULL);
            /* copy up to the run, then the run with a break after each char */
            const char *from = g_utf8_offset_to_pointer(text, start);
            const char *a = g_utf8_offset_to_pointer(text, i - run);
            g_string_append_len(out, from, a - from);
            for (int k = 0; k < run; k++) {
                const char *next = g_utf8_next_char(a);
                g_string_append_len(out, a, next - a);
                if (k + 1 < run)
                    g_string_append(out, "\u200B");
                a = next;
            }
            start = i;
        }
        run = i < chars && !attrs[i].is_white ? 1 : 0;
    }
    g_free(attrs);
    if (!out)
        return NULL;
    g_string_append(out, g_utf8_offset_to_pointer(text, start));
    return g_string_free(out, FALSE);
}

static const PangoFontDescription *font_of(text_style style)
{
    if (!style_font[style]) {
        PangoFontDescription *fd = pango_font_description_from_string(family);
        pango_font_description_set_absolute_size(fd, SHAPE_SIZE * PANGO_SCALE);
        if (current_theme->text_bold[style])
            pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
        if (current_theme->text_italic[style])
            pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
        style_font[style] = fd;
    }
    return style_font[style];
}

PangoLayout *text_shape(const char *text, text_style style, double width,
                        int align)
{
    shape_key probe = { (int)style, align, width, text };
    PangoLayout *layout = g_hash_table_lookup(shaped, &probe);
    if (layout)
        return g_object_ref(layout);
    layout = pango_layout_new(context);
    double *scale = g_new(double, 1);
    *scale = current_theme->text_size[style] / SHAPE_SIZE;
    if (!scale_quark)
        scale_quark = g_quark_from_static_string("cjm-text-scale");
    g_object_set_qdata_full(G_OBJECT(layout), scale_quark, scale, g_free);
    pango_layout_set_font_description(layout, font_of(style));
    if (width > 0) {
        pango_layout_set_width(layout, (int)(width / *scale * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout, align ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    char *broken = width > 0 ? break_long_runs(text) : NULL;
    pango_layout_set_text(layout, broken ? broken : text, -1);
    g_free(broken);
    shape_key *key = g_new(shape_key, 1);
    *key = (shape_key){ (int)style, align, width, g_strdup(text) };
    g_hash_table_insert(shaped, key, g_object_ref(layout));
    return layout;
}

double text_scale(PangoLayout *layout)
{
    double *scale = scale_quark ? g_object_get_qdata(G_OBJECT(layout), scale_quark)
                                : NULL;
    return scale ? *scale : 1;
}

double text_points(PangoLayout *layout)
{
    return text_scale(layout) * SHAPE_SIZE;
}

void text_logical(PangoLayout *layout, double *x, double *y, double *w, double *h)
{
    PangoRectangle logical;
    /* only the logical box: the ink box would measure every glyph's outline */
    pango_layout_get_extents(layout, NULL, &logical);
    double k = text_scale(layout) / PANGO_SCALE;
    *x = logical.x * k;
    *y = logical.y * k;
    *w = logical.width * k;
    *h = logical.height * k;
}

void text_extent(PangoLayout *layout, double *w, double *h)
{
    double x, y;
    text_logical(layout, &x, &y, w, h);
}

void text_end(void)
{
    if (shaped) {
        g_hash_table_destroy(shaped);
        shaped = NULL;
    }
    free_style_fonts();
    if (!context)
        return;
    int default_map = own_map == NULL;
    g_object_unref(context);
    context = NULL;
    if (own_map) {
        pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(own_map));
        g_object_unref(own_map);
    }
    own_map = NULL;
    /* Release the font map and fontconfig's caches, so a leak checker
     * sees only leaks of our own. */
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    if (default_map)
        FcFini();   /* ours stays fontconfig's current one until exit */
}
