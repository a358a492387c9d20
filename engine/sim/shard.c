/*
 * shard.c — raw simulation results to and from node trees; see shard.h.
 */
#include "sim/shard.h"

#include <math.h>
#include <string.h>

static node *number(arena *a, double v)
{
    if (isnan(v))
        return node_new(a, NODE_NULL, NULL, 0, 0);
    if (v == floor(v) && fabs(v) < 9e15)
        return node_new_int(a, (long long)v);
    return node_new_float(a, v);   /* the emitters write round-trip precision */
}

static node *numbers(arena *a, const double *v, int count)
{
    node *seq = node_new(a, NODE_SEQ, NULL, 0, 0);
    for (int i = 0; i < count; i++)
        node_append(seq, number(a, v[i]));
    return seq;
}

node *sim_result_to_node(arena *a, const sim_result *r)
{
    node *n = node_new(a, NODE_MAP, NULL, 0, 0);
    node_map_put(a, n, "phase_count", node_new_int(a, r->phase_count));
    node_map_put(a, n, "horizon", node_new_int(a, r->horizon));
    node_map_put(a, n, "monte_carlo", node_new_bool(a, r->monte_carlo));
    node_map_put(a, n, "journeys", number(a, r->journeys));
    node_map_put(a, n, "converted", number(a, r->converted));
    node_map_put(a, n, "dropped", number(a, r->dropped));
    node_map_put(a, n, "in_progress", number(a, r->in_progress));
    node_map_put(a, n, "convert_days_sum", number(a, r->convert_days_sum));
    node_map_put(a, n, "convert_days_sq", number(a, r->convert_days_sq));
    node_map_put(a, n, "emotion_days", number(a, r->emotion_days));
    node_map_put(a, n, "days", number(a, r->days));
    node_map_put(a, n, "steps", node_new_int(a, r->steps));
    node_map_put(a, n, "convert_day", numbers(a, r->convert_day, r->horizon + 1));
    node_map_put(a, n, "days_in", numbers(a, r->days_in, r->phase_count));
    node_map_put(a, n, "days_in_sq", numbers(a, r->days_in_sq, r->phase_count));
    node_map_put(a, n, "visits", numbers(a, r->visits, r->phase_count));
    node_map_put(a, n, "reached", numbers(a, r->reached, r->phase_count));
    node_map_put(a, n, "dropped_in", numbers(a, r->dropped_in, r->phase_count));
    node_map_put(a, n, "moved_on", numbers(a, r->moved_on, r->phase_count));
    node_map_put(a, n, "batch_journeys", numbers(a, r->batch_journeys, SIM_BATCHES));
    node_map_put(a, n, "batch_converted", numbers(a, r->batch_converted, SIM_BATCHES));
    node_map_put(a, n, "batch_convert_days", numbers(a, r->batch_convert_days, SIM_BATCHES));
    if (r->outcome_count)
        node_map_put(a, n, "outcomes", numbers(a, r->outcomes, r->outcome_count));
    return n;
}

static int get_number(const node *map, const char *key, double *out)
{
    const node *v = node_map_get(map, key);
    if (!v)
        return -1;
    if (v->kind == NODE_INT)
        *out = (double)v->v.integer;
    else if (v->kind == NODE_FLOAT)
        *out = v->v.number;
    else if (v->kind == NODE_NULL)
        *out = NAN;
    else
        return -1;
    return 0;
}

static int get_numbers(const node *map, const char *key, double *out, int count)
{
    const node *v = node_map_get(map, key);
    if (!v || v->kind != NODE_SEQ || v->count != count)
        return -1;
    int i = 0;
    for (const node *c = v->first; c; c = c->next, i++) {
        if (c->kind == NODE_INT)
            out[i] = (double)c->v.integer;
        else if (c->kind == NODE_FLOAT)
            out[i] = c->v.number;
        else if (c->kind == NODE_NULL)
            out[i] = NAN;
        else
            return -1;
    }
    return 0;
}

sim_result *sim_result_from_node(const node *n)
{
    double pc, h, steps;
    if (!node_is_map(n) || get_number(n, "phase_count", &pc) || get_number(n, "horizon", &h)
        || pc < 1 || pc > 100000 || h < 1 || h > 36500)
        return NULL;
    sim_result *r = sim_result_new((int)pc, (int)h);
    if (!r)
        return NULL;
    int bad = get_number(n, "journeys", &r->journeys) || get_number(n, "converted", &r->converted)
        || get_number(n, "dropped", &r->dropped) || get_number(n, "in_progress", &r->in_progress)
        || get_number(n, "convert_days_sum", &r->convert_days_sum)
        || get_number(n, "convert_days_sq", &r->convert_days_sq)
        || get_number(n, "emotion_days", &r->emotion_days) || get_number(n, "days", &r->days)
        || get_number(n, "steps", &steps)
        || get_numbers(n, "convert_day", r->convert_day, r->horizon + 1)
        || get_numbers(n, "days_in", r->days_in, r->phase_count)
        || get_numbers(n, "days_in_sq", r->days_in_sq, r->phase_count)
        || get_numbers(n, "visits", r->visits, r->phase_count)
        || get_numbers(n, "reached", r->reached, r->phase_count)
        || get_numbers(n, "dropped_in", r->dropped_in, r->phase_count)
        /* (parts written before these were kept have none) */
        || (node_map_get(n, "moved_on")
            && get_numbers(n, "moved_on", r->moved_on, r->phase_count));
    const node *outs = node_map_get(n, "outcomes");
    if (!bad && outs && node_is_seq(outs) && outs->count > 0 && outs->count <= 100000)
        bad = sim_result_outcomes(r, outs->count) < 0
              || get_numbers(n, "outcomes", r->outcomes, outs->count);
    if (bad) {
        sim_result_free(r);
        return NULL;
    }
    /* batches: parts written before they were kept have none (zeros) */
    if (node_map_get(n, "batch_journeys")
        && (get_numbers(n, "batch_journeys", r->batch_journeys, SIM_BATCHES)
            || get_numbers(n, "batch_converted", r->batch_converted, SIM_BATCHES)
            || get_numbers(n, "batch_convert_days", r->batch_convert_days, SIM_BATCHES))) {
        sim_result_free(r);
        return NULL;
    }
    r->steps = (long long)steps;
    const node *mc = node_map_get(n, "monte_carlo");
    r->monte_carlo = mc && mc->kind == NODE_BOOL && mc->v.boolean;
    return r;
}

