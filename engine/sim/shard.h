/*
 * shard.h — simulation results as node trees, for shard files.
 *
 * `cjm simulate --shard K/N` writes raw, mergeable results: the Monte
 * Carlo counts of its blocks and the exact results (the same in every
 * shard).  `cjm merge` adds the counts up; since every count is an
 * integer, the merged report is byte-identical to a single run's.
 */
#ifndef CJM_SIM_IO_H
#define CJM_SIM_IO_H

#include "base/arena.h"
#include "doc/node.h"
#include "sim/sim.h"

/* R as a mapping of its raw numbers (written with full precision). */
node *sim_result_to_node(arena *a, const sim_result *r);

/* A result from such a mapping; NULL when it does not have that shape. */
sim_result *sim_result_from_node(const node *n);


#endif
