/*
 * attribution_doc.c — attribution results as a document; see
 * attribution_doc.h.
 */
#include "report/attribution_doc.h"

#include <stdio.h>

static const table_col channel_cols[] = {
    { "channel", "channel", COL_TEXT, 0, NULL, COL_WRAP },
    { "removal_effect", "removal effect", COL_PCT, 2, NULL, 0 },
    { "markov_conversions", "Markov", COL_NUM, 2, NULL, 0 },
    { "first_touch_conversions", "first touch", COL_NUM, 2, NULL, 0 },
    { "last_touch_conversions", "last touch", COL_NUM, 2, NULL, 0 },
    { "linear_conversions", "linear", COL_NUM, 2, NULL, 0 },
    { "path_share", "paths touching", COL_PCT, 1, NULL, 0 },
};

static const table_col channel_value_cols[] = {
    { "channel", "channel", COL_TEXT, 0, NULL, COL_WRAP },
    { "removal_effect", "removal effect", COL_PCT, 2, NULL, 0 },
    { "removal_effect_value", "removal effect (value)", COL_PCT, 2, NULL, 0 },
    { "markov_conversions", "Markov", COL_NUM, 2, NULL, 0 },
    { "markov_value", "Markov value", COL_NUM, 2, NULL, 0 },
    { "first_touch_conversions", "first touch", COL_NUM, 2, NULL, 0 },
    { "first_touch_value", "first touch value", COL_NUM, 2, NULL, 0 },
    { "last_touch_conversions", "last touch", COL_NUM, 2, NULL, 0 },
    { "last_touch_value", "last touch value", COL_NUM, 2, NULL, 0 },
    { "linear_conversions", "linear", COL_NUM, 2, NULL, 0 },
    { "linear_value", "linear value", COL_NUM, 2, NULL, 0 },
    { "path_share", "paths touching", COL_PCT, 1, NULL, 0 },
};

void attribution_doc(report_doc *rd, arena *a, const attr_result *r)
{
    report_init(rd, a, "Attribution");
    node *root = rd->data;
    rnode_put(a, root, "paths", rnode_int(a, r->paths));
    rnode_put(a, root, "order", rnode_int(a, r->order));
    rnode_put(a, root, "states", rnode_int(a, r->states));
    rnode_put(a, root, "total_conversions", rnode_num(a, r->total_conversions));
    rnode_put(a, root, "total_value", rnode_num(a, r->total_value));
    rnode_put(a, root, "total_null", rnode_num(a, r->total_null));
    rnode_put(a, root, "conversion_probability", rnode_num(a, r->conversion_probability));
    node *list = rnode_seq(a);
    for (int i = 0; i < r->channel_count; i++) {
        const attr_channel *c = &r->channels[i];
        node *n = rnode_map(a);
        rnode_put(a, n, "channel", rnode_str(a, c->name));
        rnode_put(a, n, "removal_effect", rnode_num(a, c->removal_effect));
        rnode_put(a, n, "removal_effect_value", rnode_num(a, c->removal_effect_value));
        rnode_put(a, n, "markov_conversions", rnode_num(a, c->markov_conversions));
        rnode_put(a, n, "markov_value", rnode_num(a, c->markov_value));
        rnode_put(a, n, "first_touch_conversions", rnode_num(a, c->first_conversions));
        rnode_put(a, n, "first_touch_value", rnode_num(a, c->first_value));
        rnode_put(a, n, "last_touch_conversions", rnode_num(a, c->last_conversions));
        rnode_put(a, n, "last_touch_value", rnode_num(a, c->last_value));
        rnode_put(a, n, "linear_conversions", rnode_num(a, c->linear_conversions));
        rnode_put(a, n, "linear_value", rnode_num(a, c->linear_value));
        rnode_put(a, n, "path_share", rnode_num(a, c->path_share));
        node_append(list, n);
    }
    rnode_put(a, root, "channels", list);
    report_line(rd, "%ld paths, %.0f conversions, value %.2f, %.0f nulls; the order-%d "
                "chain (%d states) converts %.4f", r->paths, r->total_conversions,
                r->total_value, r->total_null, r->order, r->states,
                r->conversion_probability);
    int with_value = r->total_value > 0;
    report_table(rd, "Channels", with_value ? channel_value_cols : channel_cols,
                 with_value ? (int)(sizeof channel_value_cols / sizeof channel_value_cols[0])
                            : (int)(sizeof channel_cols / sizeof channel_cols[0]),
                 list);
}
