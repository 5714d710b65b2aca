/*
 * A small min-cost flow on integer capacities and integer costs, for the
 * conference solver's teacher-matching move (conference_match.c): a few
 * dozen requests against a few dozen slots, solved many times, so the
 * buffers are allocated once and the graph is rebuilt in place per use.
 *
 * Successive shortest paths with Johnson potentials (Dijkstra on reduced
 * costs with a binary heap, stopping when the sink is settled).
 * The initial graph may have negative edge costs but no negative cycle
 * (a DAG, say): the first potentials come from Bellman-Ford. The flow is
 * the cheapest of ANY amount: augmenting stops at the first shortest path
 * whose cost is not negative (path costs only grow, so none later would
 * lower the total). Ties between equal paths are broken by node and edge
 * order alone, so the result is the same on every machine.
 */
#ifndef TRIAD_MINCOST_PRIVATE_H
#define TRIAD_MINCOST_PRIVATE_H

#include "triad_private.h"

typedef struct triad_mcf {
	int32_t max_nodes, max_edges;
	int32_t n, m;        /* nodes and arcs (2 per edge) in use */
	int32_t *head;       /* [max_nodes] first arc, -1 none */
	int32_t *next;       /* [2 max_edges] */
	int32_t *to, *cap;   /* [2 max_edges]; arc e ^ 1 is the reverse of e */
	int64_t *cost;       /* [2 max_edges] */
	int64_t *pot, *dist; /* [max_nodes] */
	int32_t *prev;       /* [max_nodes] arc into the node on the path */
	uint8_t *done;       /* [max_nodes] */
	int64_t *hkey;       /* [2 max_edges + 1] Dijkstra's heap */
	int32_t *hnode;
	int32_t hn;
} triad_mcf;

/* Room for max_nodes nodes and max_edges edges; 0 or TRIAD_ENOMEM (then
 * nothing is left allocated). */
int triad__mcf_init(triad_mcf *f, int32_t max_nodes, int32_t max_edges);
void triad__mcf_free(triad_mcf *f);
/* Start a new graph of n nodes (n <= max_nodes), no edges. */
void triad__mcf_reset(triad_mcf *f, int32_t n);
/* Add an edge u -> v; returns its id (>= 0), or -1 when max_edges edges
 * are in use (the caller sizes the graph, so that is a bug). */
int32_t triad__mcf_add(triad_mcf *f, int32_t u, int32_t v, int32_t cap, int64_t cost);
/* The cheapest flow of any amount from s to t; returns its cost (<= 0). */
int64_t triad__mcf_solve(triad_mcf *f, int32_t s, int32_t t);
/* Flow on an edge after solving. */
int32_t triad__mcf_flow(const triad_mcf *f, int32_t edge);

#endif
