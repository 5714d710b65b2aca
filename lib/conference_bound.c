/*
 * An upper bound on the priority weight any feasible schedule can meet.
 *
 * Two max-flow relaxations; the bound is the smaller of the two:
 *
 *  B  (teachers) source -> request -> teacher-slot -> teacher-session ->
 *     sink. A request of L slots has capacity L at the source and may send
 *     one unit to each slot of its first teacher that it covers at some
 *     place where it can start (the instance alone: presence, availability,
 *     breaks, its length fits; a pinned request only at its pin). Each
 *     teacher-slot carries one unit; a teacher-session at most the
 *     session's slots, or cap x the longest request when capped.
 *  C  (households) the same for each household on its own: its requests
 *     -> its covered slots (one unit each) -> sink.
 *
 * Every schedule maps to a flow in both networks (a meeting sends one unit
 * through each slot it occupies), so both optima bound the schedulable
 * weight, a request routed in part counting by the share of its slots: the
 * linear relaxation of choosing requests. The optimum of such a flow with
 * weights on the source edges alone is found greedily: the supplies a
 * network can route form a polymatroid, over which a linear objective is
 * maximised by routing the heaviest weight per unit first, continuing the
 * same flow (augmenting paths never take flow back from a source).
 */
#include <stdlib.h>
#include <string.h>

#include "conference_lagrange_private.h"
#include "flow_private.h"

typedef struct net {
	triad_flow *f;
	int32_t src, sink;
	int32_t *src_edge; /* [nrequests]: the source edge of each request */
} net;

/* Sort key: weight per slot, heaviest first (exact, by cross products);
 * ties by request index so that the order is the same everywhere. */
typedef struct rkey {
	int64_t w;
	int32_t len; /* weight w is spread over len units */
	int32_t cap; /* units the item may route (its source capacity) */
	int32_t r;   /* index of its source edge */
} rkey;

static int rkey_cmp(const void *a, const void *b)
{
	const rkey *x = a, *y = b;
	int64_t l = x->w * y->len, r = y->w * x->len;
	if (l != r)
		return l > r ? -1 : 1;
	return (x->r > y->r) - (x->r < y->r);
}

/* Route the m items of keys (weight, units, id: the index of its source
 * edge) by weight per unit, heaviest class first, continuing one flow; adds
 * to *out the weight routed, an item routed in part counting by the share
 * of its units. */
static int route(double *out, net *n, rkey *keys, size_t m)
{
	qsort(keys, m, sizeof *keys, rkey_cmp);
	for (size_t i = 0; i < m;) {
		size_t j = i;
		while (j < m && keys[j].w * keys[i].len == keys[i].w * keys[j].len) {
			triad__flow_set_cap(n->f, n->src_edge[keys[j].r], keys[j].cap);
			j++;
		}
		if (triad__flow_max(n->f, n->src, n->sink) < 0)
			return TRIAD_ENOMEM;
		i = j;
	}
	for (size_t i = 0; i < m; i++)
		*out += (double)keys[i].w * (double)triad__flow_on(n->f, n->src_edge[keys[i].r]) /
		        (double)keys[i].len;
	return 0;
}

/* Whether request r can start at (s, p), honouring its pin. */
bool triad__cf_can_start(const triad_conference *c, size_t r, size_t s, int32_t p)
{
	const cf_request *rq = &c->requests[r];
	if (rq->pin_session >= 0 && (rq->pin_session != (int32_t)s || rq->pin_slot != p))
		return false;
	return triad__cf_fits(c, r, s, p);
}

/* Global slots each request may cover: every slot of every place where it
 * can start. A meeting of L slots sends L units of flow, one through each
 * slot it covers, so that double-length meetings use their real share of
 * the teachers' and households' time. */
static uint8_t *coverage(const triad_conference *c)
{
	size_t G = (size_t)c->total_slots;
	uint8_t *cov = triad__calloc(c->nrequests * G + 1, 1);
	if (!cov) {
		triad__nomem();
		return NULL;
	}
	for (size_t r = 0; r < c->nrequests; r++)
		for (size_t s = 0; s < c->nsessions; s++)
			for (int32_t p = 0; p + c->requests[r].slots <= c->sessions[s].slots; p++)
				if (triad__cf_can_start(c, r, s, p))
					memset(cov + r * G + (size_t)(c->sessions[s].offset + p), 1,
					       (size_t)c->requests[r].slots);
	return cov;
}

#define ADD(u, v, cap)                                              \
	do {                                                        \
		if (triad__flow_add(n.f, (u), (v), (cap)) < 0)      \
			goto nomem;                                 \
	} while (0)

/* Network B: teachers. A joint request of k teachers is k parts, one per
 * teacher, each of L units and weight w / k: it counts in full only when
 * every teacher gives it its slots. */
static int bound_teachers(double *out, const triad_conference *c, const uint8_t *cov,
                          rkey *keys, uint8_t *routed)
{
	int32_t R = (int32_t)c->nrequests, G = c->total_slots;
	int32_t T = (int32_t)c->nteachers, S = (int32_t)c->nsessions;
	int32_t P = 0;
	for (int32_t r = 0; r < R; r++)
		P += (int32_t)c->requests[r].nteachers;
	int32_t tslot0 = 2 + P, tsess0 = tslot0 + T * G;
	net n = { triad__flow_new(tsess0 + T * S), 0, 1, NULL };
	int rc;
	if (!n.f || !(n.src_edge = triad__reallocarray(NULL, (size_t)P + 1, sizeof(int32_t))))
		goto nomem;
	for (int32_t t = 0; t < T; t++)
		for (int32_t s = 0; s < S; s++) {
			const cf_session *se = &c->sessions[s];
			int32_t ts = tsess0 + t * S + s;
			int32_t cap = triad__cf_teacher_cap(c, (size_t)t, (size_t)s);
			int32_t lim = se->slots;
			if (cap > 0 && (int64_t)cap * c->max_len < lim)
				lim = cap * c->max_len;
			ADD(ts, n.sink, lim);
			for (int32_t p = 0; p < se->slots; p++)
				if (c->tavail[(size_t)t * (size_t)G + (size_t)(se->offset + p)])
					ADD(tslot0 + t * G + se->offset + p, ts, 1);
		}
	size_t m = 0;
	int32_t part = 0;
	for (int32_t r = 0; r < R; r++) {
		const cf_request *rq = &c->requests[r];
		int64_t w = triad__cf_priority_weight(c->settings, rq->priority);
		for (size_t k = 0; k < rq->nteachers; k++, part++) {
			if ((n.src_edge[part] = triad__flow_add(n.f, n.src, 2 + part, 0)) < 0)
				goto nomem;
			for (int32_t g = 0; g < G; g++)
				if (cov[(size_t)r * (size_t)G + (size_t)g])
					ADD(2 + part, tslot0 + rq->teachers[k] * G + g, 1);
			if (w > 0) {
				/* weight w / k per part: scale so that units stay integers */
				keys[m].w = w;
				keys[m].len = rq->slots * (int32_t)rq->nteachers;
				keys[m].cap = rq->slots;
				keys[m].r = part;
				m++;
			}
		}
	}
	rc = route(out, &n, keys, m);
	/* Requests whose every part went through in full: the solver's guide. */
	if (!rc && routed) {
		part = 0;
		for (int32_t r = 0; r < R; r++) {
			const cf_request *rq = &c->requests[r];
			bool full = true;
			for (size_t k = 0; k < rq->nteachers; k++, part++)
				full = full && triad__flow_on(n.f, n.src_edge[part]) == rq->slots;
			routed[r] = full;
		}
	}
	/* route() counted each part as w * flow / (k L); a part carries at
	 * most L units, so a full request adds k * w / k = w. */
	goto done;
nomem:
	rc = triad__nomem();
done:
	triad__flow_free(n.f);
	triad__free(n.src_edge);
	return rc;
}

/* Network C: each household on its own (requests -> its slots). */
static int bound_households(double *out, const triad_conference *c, const uint8_t *cov,
                            int32_t *list, rkey *keys)
{
	int32_t R = (int32_t)c->nrequests, G = c->total_slots, H = (int32_t)c->nhouseholds;
	int32_t *first = triad__reallocarray(NULL, (size_t)H + 1, sizeof(int32_t));
	int32_t *nxt = triad__reallocarray(NULL, (size_t)R + 1, sizeof(int32_t));
	int32_t *src_edge = triad__reallocarray(NULL, (size_t)R + 1, sizeof(int32_t));
	int32_t *slot_node = triad__reallocarray(NULL, (size_t)G + 1, sizeof(int32_t));
	net n = { NULL, 0, 1, src_edge };
	int rc = 0;
	if (!first || !nxt || !src_edge || !slot_node)
		goto nomem;
	for (int32_t h = 0; h < H; h++)
		first[h] = -1;
	for (int32_t r = R - 1; r >= 0; r--) {
		nxt[r] = first[c->requests[r].household];
		first[c->requests[r].household] = r;
	}
	for (int32_t h = 0; h < H && !rc; h++) {
		size_t k = 0;
		for (int32_t r = first[h]; r >= 0; r = nxt[r])
			list[k++] = r;
		if (k == 0)
			continue;
		/* Nodes: source, sink, the requests, the slots any of them covers. */
		int32_t nodes = 2 + (int32_t)k;
		for (int32_t g = 0; g < G; g++) {
			slot_node[g] = -1;
			for (size_t i = 0; i < k; i++)
				if (cov[(size_t)list[i] * (size_t)G + (size_t)g]) {
					slot_node[g] = nodes++;
					break;
				}
		}
		if (!(n.f = triad__flow_new(nodes)))
			goto nomem;
		for (int32_t g = 0; g < G; g++)
			if (slot_node[g] >= 0)
				ADD(slot_node[g], n.sink, 1);
		size_t m = 0;
		for (size_t i = 0; i < k; i++) {
			int32_t r = list[i];
			int64_t w = triad__cf_priority_weight(c->settings, c->requests[r].priority);
			if ((src_edge[r] = triad__flow_add(n.f, n.src, 2 + (int32_t)i, 0)) < 0)
				goto nomem;
			for (int32_t g = 0; g < G; g++)
				if (cov[(size_t)r * (size_t)G + (size_t)g])
					ADD(2 + (int32_t)i, slot_node[g], 1);
			if (w > 0) {
				keys[m].w = w;
				keys[m].len = c->requests[r].slots;
				keys[m].cap = c->requests[r].slots;
				keys[m].r = r;
				m++;
			}
		}
		rc = route(out, &n, keys, m);
		triad__flow_free(n.f);
		n.f = NULL;
	}
	goto done;
nomem:
	rc = triad__nomem();
done:
	triad__flow_free(n.f);
	triad__free(first);
	triad__free(nxt);
	triad__free(src_edge);
	triad__free(slot_node);
	return rc;
}

int triad__cf_flow_bound(int64_t *out, const triad_conference *c, uint8_t *routed)
{
	uint8_t *cov = coverage(c);
	int32_t *list = triad__reallocarray(NULL, c->nrequests + 1, sizeof *list);
	size_t parts = 0;
	for (size_t r = 0; r < c->nrequests; r++)
		parts += c->requests[r].nteachers;
	rkey *keys = triad__reallocarray(NULL, parts + 1, sizeof *keys);
	double b = 0, h = 0;
	int rc = 0;
	if (!cov || !list || !keys)
		rc = triad__nomem();
	if (!rc)
		rc = bound_teachers(&b, c, cov, keys, routed);
	if (!rc)
		rc = bound_households(&h, c, cov, list, keys);
	triad__free(cov);
	triad__free(list);
	triad__free(keys);
	if (rc)
		return rc;
	/* The schedulable weight is an integer no larger than either fraction. */
	double m = b < h ? b : h;
	*out = (int64_t)(m + 1e-6);
	return 0;
}

int triad__cf_bound(int64_t *out, const triad_conference *c, uint8_t *routed)
{
	return triad__cf_flow_bound(out, c, routed);
}

TRIAD_API int triad_conference_bound(int64_t *out, const triad_conference *conf)
{
	if (!out || !conf)
		return triad__err(TRIAD_EINVAL, "the output and the instance must not be NULL");
	return triad__cf_bound(out, conf, NULL);
}
