/*
 * Dinic's max-flow: BFS levels from the source, then blocking flows by
 * depth-first search with per-node edge iterators. The DFS is iterative (an
 * explicit path stack), so that long residual paths never overflow the C
 * stack. Edges live in arrays; edge e and e ^ 1 are a pair (forward, back).
 */
#include <string.h>

#include "flow_private.h"

struct triad_flow {
	int32_t n;
	int32_t *head;    /* [n] first edge of a node, -1 none */
	int32_t *to, *cap, *next; /* [m] */
	size_t m, mcap;
	int32_t *level, *iter, *queue, *stack; /* [n] work arrays */
};

triad_flow *triad__flow_new(int32_t nodes)
{
	triad_flow *f = triad__calloc(1, sizeof *f);
	if (!f)
		goto nomem;
	f->n = nodes;
	size_t n = (size_t)nodes + 1;
	f->head = triad__reallocarray(NULL, n, sizeof(int32_t));
	f->level = triad__reallocarray(NULL, n, sizeof(int32_t));
	f->iter = triad__reallocarray(NULL, n, sizeof(int32_t));
	f->queue = triad__reallocarray(NULL, n, sizeof(int32_t));
	f->stack = triad__reallocarray(NULL, n, sizeof(int32_t));
	if (!f->head || !f->level || !f->iter || !f->queue || !f->stack)
		goto nomem;
	memset(f->head, 0xff, n * sizeof(int32_t));
	return f;
nomem:
	triad__flow_free(f);
	triad__nomem();
	return NULL;
}

void triad__flow_free(triad_flow *f)
{
	if (!f)
		return;
	triad__free(f->head);
	triad__free(f->to);
	triad__free(f->cap);
	triad__free(f->next);
	triad__free(f->level);
	triad__free(f->iter);
	triad__free(f->queue);
	triad__free(f->stack);
	triad__free(f);
}

static int grow(triad_flow *f)
{
	if (f->m + 2 <= f->mcap)
		return 0;
	size_t nc = f->mcap ? f->mcap * 2 : 1024;
	int32_t *a = triad__reallocarray(f->to, nc, sizeof(int32_t));
	if (!a)
		return triad__nomem();
	f->to = a;
	a = triad__reallocarray(f->cap, nc, sizeof(int32_t));
	if (!a)
		return triad__nomem();
	f->cap = a;
	a = triad__reallocarray(f->next, nc, sizeof(int32_t));
	if (!a)
		return triad__nomem();
	f->next = a;
	f->mcap = nc;
	return 0;
}

int32_t triad__flow_add(triad_flow *f, int32_t u, int32_t v, int32_t cap)
{
	if (grow(f) || f->m + 2 > INT32_MAX)
		return TRIAD_ENOMEM;
	int32_t e = (int32_t)f->m;
	f->to[e] = v;
	f->cap[e] = cap;
	f->next[e] = f->head[u];
	f->head[u] = e;
	f->to[e + 1] = u;
	f->cap[e + 1] = 0;
	f->next[e + 1] = f->head[v];
	f->head[v] = e + 1;
	f->m += 2;
	return e;
}

void triad__flow_set_cap(triad_flow *f, int32_t e, int32_t cap)
{
	/* Residual capacity = new capacity - flow already on the edge. */
	int32_t flow = f->cap[e ^ 1];
	f->cap[e] = cap - flow;
}

int32_t triad__flow_on(const triad_flow *f, int32_t e)
{
	return f->cap[e ^ 1];
}

static bool bfs(triad_flow *f, int32_t s, int32_t t)
{
	memset(f->level, 0xff, (size_t)f->n * sizeof(int32_t));
	int32_t qh = 0, qt = 0;
	f->level[s] = 0;
	f->queue[qt++] = s;
	while (qh < qt) {
		int32_t u = f->queue[qh++];
		for (int32_t e = f->head[u]; e >= 0; e = f->next[e])
			if (f->cap[e] > 0 && f->level[f->to[e]] < 0) {
				f->level[f->to[e]] = f->level[u] + 1;
				f->queue[qt++] = f->to[e];
			}
	}
	return f->level[t] >= 0;
}

/* One augmenting path in the level graph, found iteratively; returns the
 * amount pushed (0: none left in this phase). stack[] holds the edges of
 * the current path. */
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
				f->cap[f->stack[i] ^ 1] += push;
			}
			return push;
		}
		int32_t e = f->iter[u];
		while (e >= 0 && !(f->cap[e] > 0 && f->level[f->to[e]] == f->level[u] + 1))
			e = f->next[e];
		f->iter[u] = e;
		if (e >= 0) {
			f->stack[depth++] = e;
			u = f->to[e];
			continue;
		}
		/* Dead end: retreat and skip the edge that led here. */
		if (depth == 0)
			return 0;
		f->level[u] = -1;
		depth--;
		u = f->to[f->stack[depth] ^ 1];
		f->iter[u] = f->next[f->iter[u]];
	}
}

int64_t triad__flow_max(triad_flow *f, int32_t s, int32_t t)
{
	int64_t total = 0;
	while (bfs(f, s, t)) {
		memcpy(f->iter, f->head, (size_t)f->n * sizeof(int32_t));
		int32_t pushed;
		while ((pushed = augment(f, s, t)) > 0)
			total += pushed;
	}
	return total;
}
