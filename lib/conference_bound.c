/*
 * An upper bound on the priority weight any feasible schedule can meet.
 *
 * Two max-flow relaxations; the bound is the smaller of the two:
 *
 *  A  source -> request -> household-slot (capacity 1) -> teacher-slot
 *     (capacity 1) -> teacher-session (the teacher's meeting cap) -> sink.
 *     A request may enter a household-slot node at every slot where it can
 *     start (the instance alone: presence, availability, breaks, its length
 *     fits; a pinned request only at its pin); from there flow goes on to
 *     the teacher-slot of any request of that household that can start
 *     there. Household and teacher slots are each used once, but a
 *     household's flow may change teachers inside the node.
 *  B  source -> request -> teacher-slot of its own first teacher -> teacher-
 *     session -> sink: exact on the teacher side, blind to households.
 *
 * Every schedule maps to a flow in both networks (a meeting is a unit along
 * its household's and its teacher's start slot), so both maxima bound the
 * schedulable weight. Weights are met greedily by class, heaviest first,
 * continuing the same flow: the sets of requests a network can route form a
 * gammoid, a matroid, for which greedy by weight is optimal, and augmenting
 * paths never unroute a request.
 */
#include <stdlib.h>
#include <string.h>

#include "conference_private.h"
#include "flow_private.h"

typedef struct net {
	triad_flow *f;
	int32_t src, sink;
	int32_t *src_edge; /* [nrequests] */
} net;

/* Route classes heaviest first; returns the weight routed. */
static int route(int64_t *out, const triad_conference *c, net *n)
{
	int prios[3] = { TRIAD_CONFERENCE_PRIORITY_INVITED, TRIAD_CONFERENCE_PRIORITY_REQUIRED,
		         TRIAD_CONFERENCE_PRIORITY_OPTIONAL };
	/* Sort the three classes by weight, heaviest first (stable). */
	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++)
			if (triad__cf_priority_weight(c->settings, prios[j]) >
			    triad__cf_priority_weight(c->settings, prios[i])) {
				int t = prios[i];
				prios[i] = prios[j];
				prios[j] = t;
			}
	int64_t total = 0;
	for (int k = 0; k < 3; k++) {
		int64_t w = triad__cf_priority_weight(c->settings, prios[k]);
		if (w <= 0)
			continue;
		for (size_t r = 0; r < c->nrequests; r++)
			if (c->requests[r].priority == prios[k] && n->src_edge[r] >= 0)
				triad__flow_set_cap(n->f, n->src_edge[r], 1);
		if (triad__flow_max(n->f, n->src, n->sink) < 0)
			return TRIAD_ENOMEM;
	}
	for (size_t r = 0; r < c->nrequests; r++)
		if (n->src_edge[r] >= 0 && triad__flow_on(n->f, n->src_edge[r]) > 0)
			total += triad__cf_priority_weight(c->settings, c->requests[r].priority);
	*out = total;
	return 0;
}

/* Whether request r can start at (s, p), honouring its pin. */
static bool can_start(const triad_conference *c, size_t r, size_t s, int32_t p)
{
	const cf_request *rq = &c->requests[r];
	if (rq->pin_session >= 0 && (rq->pin_session != (int32_t)s || rq->pin_slot != p))
		return false;
	return triad__cf_fits(c, r, s, p);
}

#define ADD(u, v, cap)                                              \
	do {                                                        \
		if (triad__flow_add(n.f, (u), (v), (cap)) < 0)      \
			goto nomem;                                 \
	} while (0)

/* Teacher-slot and teacher-session nodes, shared by both networks. */
static int teacher_side(net *nn, const triad_conference *c, int32_t tslot0, int32_t tsess0)
{
	net n = *nn;
	int32_t G = c->total_slots;
	for (size_t t = 0; t < c->nteachers; t++)
		for (size_t s = 0; s < c->nsessions; s++) {
			const cf_session *se = &c->sessions[s];
			int32_t ts = tsess0 + (int32_t)(t * c->nsessions + s);
			int32_t cap = triad__cf_teacher_cap(c, t, s);
			ADD(ts, n.sink, cap > 0 ? cap : se->slots);
			for (int32_t p = 0; p < se->slots; p++)
				if (c->tavail[t * (size_t)G + (size_t)(se->offset + p)])
					ADD(tslot0 + (int32_t)t * G + se->offset + p, ts, 1);
		}
	return 0;
nomem:
	return TRIAD_ENOMEM;
}

static int bound_b(int64_t *out, const triad_conference *c)
{
	int32_t R = (int32_t)c->nrequests, G = c->total_slots;
	int32_t T = (int32_t)c->nteachers, S = (int32_t)c->nsessions;
	int32_t tslot0 = 2 + R, tsess0 = tslot0 + T * G;
	net n = { triad__flow_new(tsess0 + T * S), 0, 1, NULL };
	int rc = TRIAD_ENOMEM;
	if (!n.f || !(n.src_edge = triad__reallocarray(NULL, (size_t)R + 1, sizeof(int32_t))))
		goto nomem;
	if (teacher_side(&n, c, tslot0, tsess0))
		goto nomem;
	for (int32_t r = 0; r < R; r++) {
		const cf_request *rq = &c->requests[r];
		n.src_edge[r] = triad__flow_add(n.f, n.src, 2 + r, 0);
		if (n.src_edge[r] < 0)
			goto nomem;
		for (int32_t s = 0; s < S; s++)
			for (int32_t p = 0; p < c->sessions[s].slots; p++)
				if (can_start(c, (size_t)r, (size_t)s, p))
					ADD(2 + r, tslot0 + rq->teachers[0] * G + c->sessions[s].offset + p, 1);
	}
	rc = route(out, c, &n);
	goto done;
nomem:
	rc = triad__nomem();
done:
	triad__flow_free(n.f);
	triad__free(n.src_edge);
	return rc;
}

static int bound_a(int64_t *out, const triad_conference *c)
{
	int32_t R = (int32_t)c->nrequests, G = c->total_slots;
	int32_t T = (int32_t)c->nteachers, S = (int32_t)c->nsessions, H = (int32_t)c->nhouseholds;
	/* Nodes: 0 source, 1 sink, requests, teacher slots, teacher sessions,
	 * household slots in and out. */
	int32_t tslot0 = 2 + R, tsess0 = tslot0 + T * G, hin0 = tsess0 + T * S, hout0 = hin0 + H * G;
	net n = { triad__flow_new(hout0 + H * G), 0, 1, NULL };
	int32_t *first = NULL, *nxt = NULL, *mark = NULL;
	int rc = TRIAD_ENOMEM;
	if (!n.f || !(n.src_edge = triad__reallocarray(NULL, (size_t)R + 1, sizeof(int32_t))) ||
	    !(first = triad__reallocarray(NULL, (size_t)H + 1, sizeof(int32_t))) ||
	    !(nxt = triad__reallocarray(NULL, (size_t)R + 1, sizeof(int32_t))) ||
	    !(mark = triad__calloc((size_t)T + 1, sizeof(int32_t))))
		goto nomem;
	if (teacher_side(&n, c, tslot0, tsess0))
		goto nomem;
	/* Requests of each household as linked lists. */
	for (int32_t h = 0; h < H; h++)
		first[h] = -1;
	for (int32_t r = R - 1; r >= 0; r--) {
		nxt[r] = first[c->requests[r].household];
		first[c->requests[r].household] = r;
	}
	int32_t stamp = 0;
	for (int32_t r = 0; r < R; r++) {
		n.src_edge[r] = triad__flow_add(n.f, n.src, 2 + r, 0);
		if (n.src_edge[r] < 0)
			goto nomem;
	}
	for (int32_t h = 0; h < H; h++)
		for (int32_t s = 0; s < S; s++)
			for (int32_t p = 0; p < c->sessions[s].slots; p++) {
				int32_t g = c->sessions[s].offset + p;
				bool any = false;
				stamp++;
				for (int32_t r = first[h]; r >= 0; r = nxt[r]) {
					if (!can_start(c, (size_t)r, (size_t)s, p))
						continue;
					int32_t t = c->requests[r].teachers[0];
					any = true;
					ADD(2 + r, hin0 + h * G + g, 1);
					if (mark[t] != stamp) {
						mark[t] = stamp;
						ADD(hout0 + h * G + g, tslot0 + t * G + g, 1);
					}
				}
				if (any)
					ADD(hin0 + h * G + g, hout0 + h * G + g, 1);
			}
	rc = route(out, c, &n);
	goto done;
nomem:
	rc = triad__nomem();
done:
	triad__flow_free(n.f);
	triad__free(n.src_edge);
	triad__free(first);
	triad__free(nxt);
	triad__free(mark);
	return rc;
}

int triad__cf_bound(int64_t *out, const triad_conference *c)
{
	int64_t a, b;
	int rc = bound_a(&a, c);
	if (rc)
		return rc;
	if ((rc = bound_b(&b, c)))
		return rc;
	*out = a < b ? a : b;
	return 0;
}

TRIAD_API int triad_conference_bound(int64_t *out, const triad_conference *conf)
{
	if (!out || !conf)
		return triad__err(TRIAD_EINVAL, "the output and the instance must not be NULL");
	return triad__cf_bound(out, conf);
}
