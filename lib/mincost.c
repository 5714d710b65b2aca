/* Min-cost flow by successive shortest paths (see mincost_private.h). */
#include <string.h>

#include "mincost_private.h"

#define INF INT64_MAX

int triad__mcf_init(triad_mcf *f, int32_t max_nodes, int32_t max_edges)
{
	memset(f, 0, sizeof *f);
	size_t n = (size_t)(max_nodes > 0 ? max_nodes : 1), a = 2 * (size_t)(max_edges > 0 ? max_edges : 1);
	f->max_nodes = (int32_t)n;
	f->max_edges = (int32_t)(a / 2);
	if (!(f->head = triad__reallocarray(NULL, n, sizeof *f->head)) ||
	    !(f->next = triad__reallocarray(NULL, a, sizeof *f->next)) ||
	    !(f->to = triad__reallocarray(NULL, a, sizeof *f->to)) ||
	    !(f->cap = triad__reallocarray(NULL, a, sizeof *f->cap)) ||
	    !(f->cost = triad__reallocarray(NULL, a, sizeof *f->cost)) ||
	    !(f->pot = triad__reallocarray(NULL, n, sizeof *f->pot)) ||
	    !(f->dist = triad__reallocarray(NULL, n, sizeof *f->dist)) ||
	    !(f->prev = triad__reallocarray(NULL, n, sizeof *f->prev)) ||
	    !(f->done = triad__reallocarray(NULL, n, sizeof *f->done)) ||
	    !(f->hkey = triad__reallocarray(NULL, a + 1, sizeof *f->hkey)) ||
	    !(f->hnode = triad__reallocarray(NULL, a + 1, sizeof *f->hnode))) {
		triad__mcf_free(f);
		return triad__nomem();
	}
	return 0;
}

void triad__mcf_free(triad_mcf *f)
{
	triad__free(f->head);
	triad__free(f->next);
	triad__free(f->to);
	triad__free(f->cap);
	triad__free(f->cost);
	triad__free(f->pot);
	triad__free(f->dist);
	triad__free(f->prev);
	triad__free(f->done);
	triad__free(f->hkey);
	triad__free(f->hnode);
	memset(f, 0, sizeof *f);
}

void triad__mcf_reset(triad_mcf *f, int32_t n)
{
	f->n = n;
	f->m = 0;
	memset(f->head, 0xff, (size_t)n * sizeof *f->head);
}

int32_t triad__mcf_add(triad_mcf *f, int32_t u, int32_t v, int32_t cap, int64_t cost)
{
	if (f->m / 2 >= f->max_edges)
		return -1;
	int32_t e = f->m;
	f->to[e] = v;
	f->cap[e] = cap;
	f->cost[e] = cost;
	f->next[e] = f->head[u];
	f->head[u] = e;
	f->to[e + 1] = u;
	f->cap[e + 1] = 0;
	f->cost[e + 1] = -cost;
	f->next[e + 1] = f->head[v];
	f->head[v] = e + 1;
	f->m += 2;
	return e / 2;
}

int32_t triad__mcf_flow(const triad_mcf *f, int32_t edge)
{
	return f->cap[2 * edge + 1];
}

/* Potentials: shortest distances from s (Bellman-Ford; the graph has no
 * negative cycle); nodes s cannot reach get 0 and stay unreachable, since
 * augmenting adds reverse arcs only between reachable nodes. */
static void initial_potentials(triad_mcf *f, int32_t s)
{
	for (int32_t v = 0; v < f->n; v++)
		f->pot[v] = INF;
	f->pot[s] = 0;
	for (int32_t pass = 0; pass < f->n; pass++) {
		bool changed = false;
		for (int32_t u = 0; u < f->n; u++) {
			if (f->pot[u] == INF)
				continue;
			for (int32_t e = f->head[u]; e >= 0; e = f->next[e])
				if (f->cap[e] > 0 && f->pot[u] + f->cost[e] < f->pot[f->to[e]]) {
					f->pot[f->to[e]] = f->pot[u] + f->cost[e];
					changed = true;
				}
		}
		if (!changed)
			break;
	}
	for (int32_t v = 0; v < f->n; v++)
		if (f->pot[v] == INF)
			f->pot[v] = 0;
}

/* A binary min-heap of (distance, node) with lazy deletion: a node may be
 * in it several times, stale entries are skipped when popped. Ties go by
 * the heap's own order, which depends on nothing but the graph. */
static void heap_push(triad_mcf *f, int64_t key, int32_t v)
{
	int32_t i = f->hn++;
	while (i > 0) {
		int32_t p = (i - 1) / 2;
		if (f->hkey[p] <= key)
			break;
		f->hkey[i] = f->hkey[p];
		f->hnode[i] = f->hnode[p];
		i = p;
	}
	f->hkey[i] = key;
	f->hnode[i] = v;
}

static int32_t heap_pop(triad_mcf *f)
{
	int32_t top = f->hnode[0];
	int64_t key = f->hkey[--f->hn];
	int32_t v = f->hnode[f->hn], i = 0;
	for (;;) {
		int32_t c = 2 * i + 1;
		if (c >= f->hn)
			break;
		if (c + 1 < f->hn && f->hkey[c + 1] < f->hkey[c])
			c++;
		if (key <= f->hkey[c])
			break;
		f->hkey[i] = f->hkey[c];
		f->hnode[i] = f->hnode[c];
		i = c;
	}
	f->hkey[i] = key;
	f->hnode[i] = v;
	return top;
}

/* Dijkstra on reduced costs until t is settled; returns false when t is
 * unreachable. Potentials then grow by min(dist, dist[t]) (dist[t] for
 * nodes not reached), which keeps every residual reduced cost
 * non-negative. */
static bool shortest_path(triad_mcf *f, int32_t s, int32_t t)
{
	int32_t n = f->n;
	for (int32_t v = 0; v < n; v++) {
		f->dist[v] = INF;
		f->done[v] = 0;
	}
	f->dist[s] = 0;
	f->hn = 0;
	heap_push(f, 0, s);
	while (f->hn > 0) {
		int32_t u = heap_pop(f);
		if (f->done[u])
			continue;
		f->done[u] = 1;
		if (u == t)
			break;
		int64_t du = f->dist[u] + f->pot[u];
		for (int32_t e = f->head[u]; e >= 0; e = f->next[e]) {
			int32_t v = f->to[e];
			if (f->cap[e] <= 0 || f->done[v])
				continue;
			int64_t d = du + f->cost[e] - f->pot[v];
			if (d < f->dist[v]) {
				f->dist[v] = d;
				f->prev[v] = e;
				heap_push(f, d, v);
			}
		}
	}
	if (!f->done[t])
		return false;
	/* Nodes not settled (dist[t] or more, or not reached) grow by dist[t]. */
	int64_t dt = f->dist[t];
	for (int32_t v = 0; v < n; v++)
		f->pot[v] += f->dist[v] < dt ? f->dist[v] : dt;
	return true;
}

int64_t triad__mcf_solve(triad_mcf *f, int32_t s, int32_t t)
{
	int64_t total = 0;
	initial_potentials(f, s);
	while (shortest_path(f, s, t)) {
		/* The path's real cost: the potentials are now its distances. */
		int64_t c = f->pot[t] - f->pot[s];
		if (c >= 0)
			break;
		int32_t push = INT32_MAX;
		for (int32_t v = t; v != s; v = f->to[f->prev[v] ^ 1])
			if (f->cap[f->prev[v]] < push)
				push = f->cap[f->prev[v]];
		for (int32_t v = t; v != s; v = f->to[f->prev[v] ^ 1]) {
			f->cap[f->prev[v]] -= push;
			f->cap[f->prev[v] ^ 1] += push;
		}
		total += c * push;
	}
	return total;
}
