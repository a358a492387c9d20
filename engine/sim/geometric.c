/*
 * geometric.c — the alias table of a geometric draw; see geometric.h.
 */
#include "sim/geometric.h"

void geo_init(geo *g, double p)
{
    g->p = p;
    g->log_stay = p < 1 ? log1p(-p) : -INFINITY;
    /* the tail G >= 64 has (1 - p)^63: use the table when that is at most
     * a half, so a draw loops twice at most on average */
    g->table = p > 0 && p < 1 && 63 * g->log_stay <= log(0.5);
    if (!g->table)
        return;
    /* column c < 63: G = c + 1; column 63: the tail */
    double q[GEO_COLUMNS];
    double stay = 1;
    for (int c = 0; c < GEO_COLUMNS - 1; c++) {
        q[c] = stay * p * GEO_COLUMNS;
        stay *= 1 - p;
    }
    q[GEO_COLUMNS - 1] = stay * GEO_COLUMNS;
    /* Vose's construction: columns under 1 take their alias from those over */
    int small[GEO_COLUMNS], large[GEO_COLUMNS], ns = 0, nl = 0;
    for (int c = 0; c < GEO_COLUMNS; c++) {
        if (q[c] < 1)
            small[ns++] = c;
        else
            large[nl++] = c;
    }
    while (ns && nl) {
        int s = small[--ns], l = large[nl - 1];
        g->keep[s] = q[s];
        g->alias[s] = (uint8_t)l;
        q[l] -= 1 - q[s];
        if (q[l] < 1) {
            nl--;
            small[ns++] = l;
        }
    }
    /* what is left is 1 up to rounding: kept whole */
    while (nl) {
        int l = large[--nl];
        g->keep[l] = 1;
        g->alias[l] = (uint8_t)l;
    }
    while (ns) {
        int s = small[--ns];
        g->keep[s] = 1;
        g->alias[s] = (uint8_t)s;
    }
}
