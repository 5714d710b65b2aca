/*
 * A small max-flow (Dinic) on integer capacities, used by the conference
 * scheduler's upper bound. Flows may be continued: raise a capacity with
 * triad__flow_set_cap() and call triad__flow_max() again; existing flow is
 * kept, so sources that were routed stay routed (the greedy-by-weight
 * argument for gammoids relies on it).
 */
#ifndef TRIAD_FLOW_PRIVATE_H
#define TRIAD_FLOW_PRIVATE_H

#include "triad_private.h"

typedef struct triad_flow triad_flow;

/* A graph of n nodes; NULL with TRIAD_ENOMEM recorded on failure. */
triad_flow *triad__flow_new(int32_t nodes);
void triad__flow_free(triad_flow *f);
/* Add an edge u -> v with a capacity; returns its id (>= 0) or TRIAD_ENOMEM. */
int32_t triad__flow_add(triad_flow *f, int32_t u, int32_t v, int32_t cap);
void triad__flow_set_cap(triad_flow *f, int32_t edge, int32_t cap);
/* Flow currently on an edge. */
int32_t triad__flow_on(const triad_flow *f, int32_t edge);
/* Augment to a maximum flow from s to t; returns the flow added, or
 * TRIAD_ENOMEM. */
int64_t triad__flow_max(triad_flow *f, int32_t s, int32_t t);
/* After triad__flow_max(): whether node u is reachable from the source in
 * the residual network, i.e. on the source side of a minimum cut. */
bool triad__flow_reached(const triad_flow *f, int32_t u);

#endif
