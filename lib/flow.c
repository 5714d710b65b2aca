/*
 * Dinic's max-flow: BFS levels from the source, then blocking flows by
 * depth-first search with per-node edge iterators. The DFS is iterative (an
 * explicit path stack), so that long residual paths never overflow the C
 * stack.
 *
 * Edges are collected as a list, then laid out once in compressed sparse
 * rows (every node's edges contiguous, each edge knowing its reverse):
 * the searches then read memory in order, which on networks of a million
 * edges is several times faster than linked adjacency lists.
 */
#include <string.h>

#include "flow_private.h"

struct triad_flow {
	int32_t n;
	/* Build phase: edge i runs eu[i] -> ev[i] with capacity ecap[i]. */
	int32_t *eu, *ev, *ecap;
	size_t m, mcap;
	/* Solve phase (CSR): node u's arcs are start[u] .. start[u + 1] - 1. */
	bool built;
	int32_t *start, *to, *cap, *rev; /* arcs: 2 m */
	int32_t *pos;                    /* [m] arc of edge i */
	int32_t *level, *iter, *queue, *stack;
};

triad_flow *triad__flow_new(int32_t nodes)
{
	triad_flow *f = triad__calloc(1, sizeof *f);
	if (!f) {
		triad__nomem();
		return NULL;
	}
	f->n = nodes;
	return f;
}

void triad__flow_free(triad_flow *f)
{
	if (!f)
		return;
	triad__free(f->eu);
	triad__free(f->ev);
	triad__free(f->ecap);
	triad__free(f->start);
	triad__free(f->to);
	triad__free(f->cap);
	triad__free(f->rev);
	triad__free(f->pos);
	triad__free(f->level);
	triad__free(f->iter);
	triad__free(f->queue);
	triad__free(f->stack);
	triad__free(f);
}

int32_t triad__flow_add(triad_flow *f, int32_t u, int32_t v, int32_t cap)
{
	if (f->built || f->m >= INT32_MAX / 2)
		return triad__err(TRIAD_EINTERNAL, "flow network already solved or too large");
	if (f->m == f->mcap) {
		size_t nc = f->mcap ? f->mcap * 2 : 1024;
		int32_t *a = triad__reallocarray(f->eu, nc, sizeof(int32_t));
		if (!a)
			return triad__nomem();
		f->eu = a;
		if (!(a = triad__reallocarray(f->ev, nc, sizeof(int32_t))))
			return triad__nomem();
		f->ev = a;
		if (!(a = triad__reallocarray(f->ecap, nc, sizeof(int32_t))))
			return triad__nomem();
		f->ecap = a;
		f->mcap = nc;
	}
	f->eu[f->m] = u;
	f->ev[f->m] = v;
	f->ecap[f->m] = cap;
	return (int32_t)f->m++;
}

static int build(triad_flow *f)
{
	size_t n = (size_t)f->n, m = f->m, arcs = 2 * m;
	f->start = triad__calloc(n + 2, sizeof(int32_t));
	f->to = triad__reallocarray(NULL, arcs + 1, sizeof(int32_t));
	f->cap = triad__reallocarray(NULL, arcs + 1, sizeof(int32_t));
	f->rev = triad__reallocarray(NULL, arcs + 1, sizeof(int32_t));
	f->pos = triad__reallocarray(NULL, m + 1, sizeof(int32_t));
	f->level = triad__reallocarray(NULL, n + 1, sizeof(int32_t));
	f->iter = triad__reallocarray(NULL, n + 1, sizeof(int32_t));
	f->queue = triad__reallocarray(NULL, n + 1, sizeof(int32_t));
	f->stack = triad__reallocarray(NULL, n + 1, sizeof(int32_t));
	if (!f->start || !f->to || !f->cap || !f->rev || !f->pos || !f->level || !f->iter ||
	    !f->queue || !f->stack)
		return triad__nomem();
	for (size_t i = 0; i < m; i++) {
		f->start[f->eu[i] + 2]++;
		f->start[f->ev[i] + 2]++;
	}
	for (size_t u = 0; u < n; u++)
		f->start[u + 2] += f->start[u + 1];
	/* start[u + 1] is now u's fill position; it ends as u's end. */
	for (size_t i = 0; i < m; i++) {
		int32_t a = f->start[f->eu[i] + 1]++;
		int32_t b = f->start[f->ev[i] + 1]++;
		f->to[a] = f->ev[i];
		f->cap[a] = f->ecap[i];
		f->rev[a] = b;
		f->to[b] = f->eu[i];
		f->cap[b] = 0;
		f->rev[b] = a;
		f->pos[i] = a;
	}
	triad__free(f->eu);
	triad__free(f->ev);
	triad__free(f->ecap);
	f->eu = f->ev = f->ecap = NULL;
	f->built = true;
	return 0;
}

/* Capacities set before the network is built go to the edge list. */
void triad__flow_set_cap(triad_flow *f, int32_t e, int32_t cap)
{
	if (!f->built) {
		f->ecap[e] = cap;
		return;
	}
	int32_t a = f->pos[e];
	/* Residual capacity = new capacity - flow already on the edge. */
	f->cap[a] = cap - f->cap[f->rev[a]];
}

int32_t triad__flow_on(const triad_flow *f, int32_t e)
{
	return f->built ? f->cap[f->rev[f->pos[e]]] : 0;
}

static bool bfs(triad_flow *f, int32_t s, int32_t t)
{
	memset(f->level, 0xff, (size_t)f->n * sizeof(int32_t));
	int32_t qh = 0, qt = 0;
	f->level[s] = 0;
	f->queue[qt++] = s;
	while (qh < qt) {
		int32_t u = f->queue[qh++];
		/* Nodes as deep as the sink cannot lie on a shortest path. */
		if (f->level[t] >= 0 && f->level[u] >= f->level[t])
			break;
		for (int32_t a = f->start[u]; a < f->start[u + 1]; a++)
			if (f->cap[a] > 0 && f->level[f->to[a]] < 0) {
				f->level[f->to[a]] = f->level[u] + 1;
				f->queue[qt++] = f->to[a];
			}
	}
	if (f->level[t] < 0)
		return false;
	/* Nodes at the sink's depth other than the sink are dead ends. */
	for (int32_t i = 0; i < qt; i++)
		if (f->queue[i] != t && f->level[f->queue[i]] >= f->level[t])
			f->level[f->queue[i]] = -1;
	return true;
}

/* One augmenting path in the level graph; returns the amount pushed (0:
 * none left in this phase). stack[] holds the arcs of the current path. */
static int32_t augment(triad_flow *f, int32_t s, int32_t t)
{
	int32_t depth = 0, u = s;
	for (;;) {
		if (u == t) {
			int32_t push = INT32_MAX;
			for (int32_t i = 0; i < depth; i++)
				if (f->cap[f->stack[i]] < push)
					push = f->cap[f->stack[i]];
			for (int32_t i = 0; i < depth; i++) {
				f->cap[f->stack[i]] -= push;
				f->cap[f->rev[f->stack[i]]] += push;
			}
			return push;
		}
		int32_t a = f->iter[u], end = f->start[u + 1];
		while (a < end && !(f->cap[a] > 0 && f->level[f->to[a]] == f->level[u] + 1))
			a++;
		f->iter[u] = a;
		if (a < end) {
			f->stack[depth++] = a;
			u = f->to[a];
			continue;
		}
		/* Dead end: retreat and skip the arc that led here. */
		if (depth == 0)
			return 0;
		f->level[u] = -1;
		depth--;
		u = f->to[f->rev[f->stack[depth]]];
		f->iter[u]++;
	}
}

int64_t triad__flow_max(triad_flow *f, int32_t s, int32_t t)
{
	if (!f->built && build(f))
		return TRIAD_ENOMEM;
	int64_t total = 0;
	while (bfs(f, s, t)) {
		memcpy(f->iter, f->start, (size_t)f->n * sizeof(int32_t));
		int32_t pushed;
		while ((pushed = augment(f, s, t)) > 0)
			total += pushed;
	}
	return total;
}

bool triad__flow_reached(const triad_flow *f, int32_t u)
{
	return f->built && f->level[u] >= 0;
}
