/*
 * theme.h — every colour, size and font of the drawings, in one table.
 *
 * Layout and drawing code read sizes and colours from a theme and never
 * spell a number of their own.  Three themes: light (screens), dark
 * (screens, dark slides) and print (white paper, strong contrast, no
 * tinted backgrounds).  Units are points (1/72 inch).
 */
#ifndef CJM_THEME_H
#define CJM_THEME_H

typedef struct rgb { double r, g, b; } rgb;

/* Text roles: each has a size, a weight and an ink in the theme. */
typedef enum {
    TS_TITLE, TS_SUBTITLE, TS_PHASE, TS_GOAL, TS_LANE, TS_CARD, TS_THOUGHT,
    TS_SMALL, TS_NAME, TS_ROLE, TS_SECTION, TS_BODY, TS_QUOTE, TS_COVER,
    TS_LINE_LABEL, TS_BADGE, TS__COUNT
} text_style;

/* Surface roles for rectangles and marks. */
typedef enum {
    FILL_HEADER, FILL_LANE, FILL_LANE_ALT, FILL_CARD, FILL_PAIN, FILL_OPPORTUNITY,
    FILL_THOUGHT, FILL_TOUCHPOINT, FILL_PERSONA_CARD, FILL_NEED, FILL_QUESTION,
    FILL_PLANNED, FILL_FAIL, FILL__COUNT
} fill_role;

typedef struct theme {
    const char *name;
    rgb background, ink, muted, grid, header_ink;
    rgb fill[FILL__COUNT];
    rgb accent[FILL__COUNT];        /* border / marker colour of each fill */
    rgb involvement[4];             /* none, participant, driver, gatekeeper */
    rgb curves[8];                  /* series colours (colour-blind safe) */
    int curve_colors;               /* how many of them; then line styles */
    int plain_badges;               /* initials badges in the header fill, not
                                       the persona's series colour */
    rgb neutral_line, low_point, arrow, blueprint_line;

    double text_size[TS__COUNT];
    int text_bold[TS__COUNT];
    int text_italic[TS__COUNT];

    double margin, gap, col_width, col_min_width, label_width, card_pad,
           lane_pad, header_pad, radius, line_width, emotion_height,
           icon_size, pip_size, avatar_size, persona_width, curve_width,
           involve_row, link_gap, emotion_small_height, min_text_size, meter_height;
    int overlay_max;                /* more curves than this: small multiples */
} theme;

/* The theme called NAME ("light", "dark", "print"), or NULL. */
const theme *theme_get(const char *name);

#endif
