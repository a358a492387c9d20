/*
 * theme.c — the three themes.  Change a colour or a size here and every
 * view follows.
 */
#include "render/theme.h"

#include <string.h>

#define C(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                 ((hex) & 0xff) / 255.0 }

/* Sizes shared by all themes. */
#define SIZES                                                                \
    .text_size = { 20, 10.5, 11, 8.5, 9.5, 8.5, 8.5, 7.5, 12, 8.5, 8, 8.5,  \
                   9, 30, 7.5, 7 },                                         \
    .text_bold = { 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1 },        \
    .text_italic = { 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0 },      \
    .margin = 28, .gap = 5, .col_width = 182, .col_min_width = 96,          \
    .label_width = 118, .card_pad = 5, .lane_pad = 8, .header_pad = 8,     \
    .radius = 3.5, .line_width = 0.8, .emotion_height = 132,               \
    .icon_size = 14, .pip_size = 3.2, .avatar_size = 46, .link_gap = 16,   \
    .persona_width = 250, .curve_width = 2.2, .involve_row = 17,             \
    .emotion_small_height = 46, .overlay_max = 4, .min_text_size = 6,       \
    .meter_height = 9

static const theme themes[] = {
    { .name = "light",
      .background = C(0xFFFFFF), .ink = C(0x1F2933), .muted = C(0x616E7C),
      .grid = C(0xD9E2EC), .header_ink = C(0xFFFFFF),
      .fill = { C(0x334E68), C(0xFFFFFF), C(0xF5F7FA), C(0xF0F4F8), C(0xFFE3E3),
                C(0xE3F9E5), C(0xF7F2FF), C(0xE6F6FF), C(0xFFFFFF), C(0xFFF8E1),
                C(0xFFFBEA), C(0xE0F2F1), C(0xFFE8D6) },
      .accent = { C(0x243B53), C(0xD9E2EC), C(0xD9E2EC), C(0xBCCCDC), C(0xD64545),
                  C(0x3F9142), C(0x8662C7), C(0x2680C2), C(0xBCCCDC), C(0xC99A2E),
                  C(0xB7950B), C(0x00897B), C(0xE07B00) },
      .involvement = { C(0xBCCCDC), C(0x2680C2), C(0x243B53), C(0xD64545) },
      .curves = { C(0x0072B2), C(0xE69F00), C(0x009E73), C(0xCC79A7), C(0xD55E00),
                  C(0x56B4E9), C(0x000000) }, .curve_colors = 7,
      .neutral_line = C(0x9FB3C8), .low_point = C(0xD64545), .arrow = C(0x486581),
      .blueprint_line = C(0x627D98), SIZES },
    { .name = "dark",
      .background = C(0x102A43), .ink = C(0xF0F4F8), .muted = C(0xBCCCDC),
      .grid = C(0x334E68), .header_ink = C(0xFFFFFF),
      .fill = { C(0x0B1A2B), C(0x102A43), C(0x163553), C(0x243B53), C(0x5C1D1D),
                C(0x1C4A26), C(0x35295A), C(0x123C5C), C(0x1B3A5A), C(0x4A3B12),
                C(0x453A12), C(0x0E4A45), C(0x5A3410) },
      .accent = { C(0x829AB1), C(0x334E68), C(0x334E68), C(0x486581), C(0xFF8A8A),
                  C(0x7BD389), C(0xB9A2F0), C(0x7CC4FA), C(0x486581), C(0xF0C75E),
                  C(0xF0C75E), C(0x4DB6AC), C(0xFFB15C) },
      .involvement = { C(0x486581), C(0x7CC4FA), C(0xF0F4F8), C(0xFF8A8A) },
      .curves = { C(0x56B4E9), C(0xE69F00), C(0x2BC79A), C(0xE69ACB), C(0xFF7F3F),
                  C(0xF0E442), C(0xFFFFFF) }, .curve_colors = 7,
      .neutral_line = C(0x627D98), .low_point = C(0xFF8A8A), .arrow = C(0xBCCCDC),
      .blueprint_line = C(0x9FB3C8), SIZES },
    /* paper: greys only (shapes, outlines and line styles carry the
     * meaning), white fills, so a page costs little ink */
    { .name = "print",
      .background = C(0xFFFFFF), .ink = C(0x000000), .muted = C(0x444444),
      .grid = C(0xAAAAAA), .header_ink = C(0x000000),
      .fill = { C(0xEEEEEE), C(0xFFFFFF), C(0xFFFFFF), C(0xFFFFFF), C(0xFFFFFF),
                C(0xFFFFFF), C(0xFFFFFF), C(0xFFFFFF), C(0xFFFFFF), C(0xFFFFFF),
                C(0xFFFFFF), C(0xF4F4F4), C(0xF4F4F4) },
      .accent = { C(0x000000), C(0xAAAAAA), C(0xAAAAAA), C(0x777777), C(0x000000),
                  C(0x555555), C(0x777777), C(0x333333), C(0x777777), C(0x777777),
                  C(0x777777), C(0x333333), C(0x000000) },
      .involvement = { C(0xAAAAAA), C(0x555555), C(0x000000), C(0x000000) },
      .curves = { C(0x000000), C(0x777777) }, .curve_colors = 2, .plain_badges = 1,
      .neutral_line = C(0x777777), .low_point = C(0x000000), .arrow = C(0x000000),
      .blueprint_line = C(0x000000), SIZES },
};

const theme *theme_get(const char *name)
{
    for (size_t i = 0; i < sizeof themes / sizeof themes[0]; i++)
        if (strcmp(themes[i].name, name) == 0)
            return &themes[i];
    return NULL;
}
