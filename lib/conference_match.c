/*
 * The teacher-matching move of the conference solver: one teacher's
 * single-slot meetings are reassigned all at once, exactly, as a min-cost
 * flow (a very large neighbourhood the destroy-and-repair moves cannot
 * reach: a chain of meetings of one teacher, each moving to the place the
 * next one leaves, or one moving to the other evening so that the teacher
 * falls under the cap where a heavier request waits).
 *
 *     source -> request (1) -> slot (1, cost of the request there)
 *            -> session (what the teacher's cap leaves) -> sink
 *
 * The caller has unassigned the requests; everything else stays where it
 * is, so the cost of a request at a slot is the insertion change the
 * solver's own test reports, its unscheduled weight included (negative
 * for a place worth taking). The flow of least cost is then the best
 * assignment as far as it decomposes per request; what does not decompose
 * (two requests of one household, the teacher's idle time between them,
 * a break after K consecutive meetings) is settled when the caller
 * re-checks each placement.
 */
#include <string.h>

#include "conference_solve_private.h"

/* Most request-slot pairs of one teacher the move builds graphs for. */
#define MATCH_MAX_PAIRS (1u << 16)

int triad__cf_match_init(cf_match *m, const cf_state *st)
{
	memset(m, 0, sizeof *m);
	size_t most = 0;
	for (size_t t = 0; t < st->T; t++) {
		size_t k = (size_t)(st->treq_start[t + 1] - st->treq_start[t]);
		most = k > most ? k : most;
	}
	size_t G = (size_t)st->G, S = (size_t)st->S;
	/* A teacher with thousands of requests over hundreds of slots would
	 * make every matching slow and the buffers large: the move is then
	 * left out (max_req 0), the other moves do without it. */
	if (most * G > MATCH_MAX_PAIRS)
		return 0;
	size_t nodes = 2 + most + S + G, edges = most + most * G + G + S;
	m->max_req = most;
	int rc = triad__mcf_init(&m->f, (int32_t)nodes, (int32_t)edges);
	if (rc)
		return rc;
	if (!(m->gbuf = triad__reallocarray(NULL, G + 1, sizeof *m->gbuf)) ||
	    !(m->dbuf = triad__reallocarray(NULL, G + 1, sizeof *m->dbuf)) ||
	    !(m->slot_node = triad__reallocarray(NULL, G + 1, sizeof *m->slot_node)) ||
	    !(m->node_slot = triad__reallocarray(NULL, G + 1, sizeof *m->node_slot)) ||
	    !(m->edge_of = triad__reallocarray(NULL, most * G + 1, sizeof *m->edge_of)) ||
	    !(m->edge_slot = triad__reallocarray(NULL, most * G + 1, sizeof *m->edge_slot)) ||
	    !(m->first = triad__reallocarray(NULL, most + 1, sizeof *m->first)) ||
	    !(m->occ = triad__reallocarray(NULL, G + 1, sizeof *m->occ)) ||
	    !(m->queue = triad__reallocarray(NULL, most + 1, sizeof *m->queue)) ||
	    !(m->seen = triad__reallocarray(NULL, most + 1, sizeof *m->seen))) {
		triad__cf_match_free(m);
		return triad__nomem();
	}
	return 0;
}

void triad__cf_match_free(cf_match *m)
{
	triad__mcf_free(&m->f);
	triad__free(m->gbuf);
	triad__free(m->dbuf);
	triad__free(m->slot_node);
	triad__free(m->node_slot);
	triad__free(m->edge_of);
	triad__free(m->edge_slot);
	triad__free(m->first);
	triad__free(m->occ);
	triad__free(m->queue);
	triad__free(m->seen);
	memset(m, 0, sizeof *m);
}

/* Whether some assignment meets more weight than cur: an alternating
 * path from an unplaced request u to a free slot (in a session where the
 * teacher has room, or one that a request on the path leaves) or to a
 * lighter request, which is then left out. A breadth-first search over
 * the requests (each step: the next request gives up its slot to the one
 * before), per unplaced request; O(pairs) each. */
static bool gain_possible(cf_match *m, const cf_state *st, size_t t, const int32_t *req,
                          const int32_t *cur, size_t n)
{
	size_t S = (size_t)st->S;
	int32_t used[CF_MAX_SESSIONS] = { 0 }, room[CF_MAX_SESSIONS];
	for (size_t s = 0; s < S; s++) {
		int32_t cap = st->tcap[t * S + s];
		room[s] = cap > 0 ? cap - st->tcnt[t * S + s] : INT32_MAX;
	}
	for (int32_t g = 0; g < st->G; g++)
		m->occ[g] = -1;
	for (size_t i = 0; i < n; i++)
		if (cur[i] >= 0) {
			m->occ[cur[i]] = (int32_t)i;
			used[st->gsess[cur[i]]]++;
		}
	for (size_t u = 0; u < n; u++) {
		if (cur[u] >= 0 || m->first[u] == m->first[u + 1])
			continue;
		int64_t wu = st->weight[req[u]];
		memset(m->seen, 0, n);
		size_t qh = 0, qt = 0;
		m->queue[qt++] = (int32_t)u;
		m->seen[u] = 1;
		while (qh < qt) {
			size_t x = (size_t)m->queue[qh++];
			for (size_t e = m->first[x]; e < m->first[x + 1]; e++) {
				int32_t g = m->edge_slot[e], y = m->occ[g], s = st->gsess[g];
				if (y >= 0) {
					if ((size_t)y == x || m->seen[y])
						continue;
					if (st->weight[req[y]] < wu)
						return true;
					m->seen[y] = 1;
					m->queue[qt++] = y;
					continue;
				}
				if (used[s] < room[s] || (cur[x] >= 0 && st->gsess[cur[x]] == s))
					return true;
				/* the session is full: one of its requests must leave it */
				for (size_t j = 0; j < n; j++) {
					if (cur[j] < 0 || st->gsess[cur[j]] != s || m->seen[j])
						continue;
					if (st->weight[req[j]] < wu)
						return true;
					m->seen[j] = 1;
					m->queue[qt++] = (int32_t)j;
				}
			}
		}
	}
	return false;
}

int64_t triad__cf_match_solve(cf_match *m, const cf_state *st, size_t t, const int32_t *req,
                              const int32_t *cur, size_t n, int32_t *out)
{
	size_t S = (size_t)st->S;
	int32_t src = 0, sink = 1, sess0 = 2 + (int32_t)n, nodes = sess0 + st->S;
	triad_mcf *f = &m->f;
	/* Slot nodes are numbered as they first appear; size the graph for
	 * all of them. */
	triad__mcf_reset(f, nodes + st->G);
	for (int32_t g = 0; g < st->G; g++)
		m->slot_node[g] = -1;
	size_t ne = 0;
	for (size_t i = 0; i < n; i++) {
		out[i] = -1;
		m->first[i] = ne;
		triad__mcf_add(f, src, 2 + (int32_t)i, 1, 0);
		size_t k = triad__cf_places(st, (size_t)req[i], m->gbuf, m->dbuf);
		for (size_t j = 0; j < k; j++) {
			int32_t g = m->gbuf[j];
			if (m->dbuf[j] >= 0)
				continue; /* never worth taking: the flow would not use it */
			if (m->slot_node[g] < 0) {
				m->node_slot[nodes - sess0 - st->S] = g;
				m->slot_node[g] = nodes++;
			}
			m->edge_of[ne] = triad__mcf_add(f, 2 + (int32_t)i, m->slot_node[g], 1, m->dbuf[j]);
			m->edge_slot[ne] = g;
			ne++;
		}
	}
	m->first[n] = ne;
	if (cur && !gain_possible(m, st, t, req, cur, n)) {
		memcpy(out, cur, n * sizeof *out);
		return 0;
	}
	for (int32_t v = sess0 + st->S; v < nodes; v++) {
		int32_t g = m->node_slot[v - sess0 - st->S];
		triad__mcf_add(f, v, sess0 + st->gsess[g], 1, 0);
	}
	for (size_t s = 0; s < S; s++) {
		int32_t cap = st->tcap[t * S + s];
		int32_t room = cap > 0 ? cap - st->tcnt[t * S + s] : (int32_t)n;
		if (room > 0)
			triad__mcf_add(f, sess0 + (int32_t)s, sink, room, 0);
	}
	f->n = nodes;
	int64_t cost = triad__mcf_solve(f, src, sink);
	for (size_t i = 0; i < n; i++)
		for (size_t e = m->first[i]; e < m->first[i + 1]; e++)
			if (triad__mcf_flow(f, m->edge_of[e]) > 0) {
				out[i] = m->edge_slot[e];
				break;
			}
	return cost;
}
