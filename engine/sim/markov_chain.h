/*
 * markov_chain.h — the absorbing Markov chain of observed channel paths,
 * for attribution.
 *
 * States are the last ORDER channels of a path (shorter at its start),
 * plus start, conversion and null.  Each path adds its transitions,
 * weighted by how many journeys took it (conversions + nulls); its last
 * state goes to conversion with its conversions and to null with its
 * nulls.  Value follows ChannelAttribution's definition: a conversion
 * from a state is worth the mean value per conversion of the observed
 * paths that end there, so value figures do not depend on the currency
 * unit.  The chain is sparse (a state has the edges the paths gave it)
 * and solved by Gauss–Seidel sweeps to a relative 1e-14, so its size is
 * bounded by the data, not by a matrix.
 */
#ifndef CJM_MARKOV_CHAIN_H
#define CJM_MARKOV_CHAIN_H

typedef struct mchain mchain;

/* An empty chain of ORDER (1..4); NULL when out of memory. */
mchain *mchain_new(int order);

/* Add a path of LEN channel indexes (0..) taken by CONV converting and
 * NULL_ non-converting journeys, the conversions worth VALUE in all.
 * -1 when out of memory. */
int mchain_add_path(mchain *c, const int *ch, int len, double conv, double value,
                    double null_);

/* Freeze the added paths into the solvable chain; -1 when out of memory. */
int mchain_finish(mchain *c);

/* The transient states, start excluded. */
int mchain_states(const mchain *c);

/* From start: the probability of conversion (VALUE 0) or the expected
 * value (VALUE 1), with every state that contains channel REMOVED (-1:
 * none) sent to null.  -1 when the sweeps do not converge. */
double mchain_solve(const mchain *c, int removed, int value);

void mchain_free(mchain *c);

#endif
