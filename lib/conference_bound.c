/*
 * An upper bound on the priority weight any feasible schedule can meet.
 *
 * Max-flow relaxations; the flow bound is the smallest of them:
 *
 *  B  (teachers) source -> request part -> teacher-slot -> teacher-session
 *     -> sink. A request of L slots is one part per teacher, each with
 *     capacity L at the source, and may send one unit to each slot of its
 *     teacher that it covers at some place where it can start (the
 *     instance alone: presence, availability, breaks, its length fits; a
 *     pinned request only at its pin). Each teacher-slot carries one unit;
 *     a teacher-session at most the session's slots, or when capped at
 *     most cap x the longest request and (tight) cap + the extra slots
 *     (L - 1) of the longer requests that fit there: a meeting counts once
 *     against the cap whatever its length. The weight of a joint request
 *     is split over its parts: w / k each; or (with cf_parts) over the
 *     teachers asked for more slots than they have, when any is.
 *  C  (households) the same for each household on its own: its requests
 *     -> its covered slots (one unit each) -> sink.
 *
 * Every schedule maps to a flow in each network (a meeting sends one unit
 * through each slot it occupies), so every optimum bounds the schedulable
 * weight, a request routed in part counting by the share of its slots: the
 * linear relaxation of choosing requests. The optimum of such a flow with
 * weights on the source edges alone is found greedily: the supplies a
 * network can route form a polymatroid, over which a linear objective is
 * maximised by routing the heaviest weight per unit first, continuing the
 * same flow (augmenting paths never take flow back from a source). The
 * minimum cuts after each weight class, weighted by the drop to the next
 * class, form an optimal dual solution; its prices per part start the
 * Lagrangian bound (conference_lagrange.c), and triad__cf_bound() is the
 * smaller of the two.
 *
 * The plain network B (the caps as before, w / k) also marks the requests
 * it routes in full: the solver's guide (routed), kept as it was so that
 * a tighter bound changes no schedule; it only lets the solver stop, proven
 * optimal, sooner.
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

/* Dual prices of network B for the Lagrangian bound (conference_lagrange.c):
 * per part, the price of its source arc (per unit) and of each of its arcs
 * to a teacher slot, in units of 2^-shift weight. */
typedef struct duals {
	int shift;
	int32_t nparts;
	const int32_t *efirst; /* [nparts + 1] a part's arcs to slots in enode */
	const int32_t *enode;  /* slot node of each such arc */
	int64_t *alpha;        /* [nparts] */
	int64_t *beta;         /* [arcs] */
	uint8_t *active;       /* [nparts] its source arc is open */
} duals;

/* Weight per unit of an item, scaled (rounded down: prices only need to
 * be non-negative, the bound is evaluated exactly from them). */
static int64_t per_unit(const rkey *k, int shift)
{
	return (k->w << shift) / k->len;
}

/* After the classes heavier than `next` are routed: the maximum flow is a
 * minimum cut (the source side: nodes the residual network reaches). The
 * greedy optimum is the sum over classes of (this weight per unit - the
 * next one) x that cut's capacity, so adding the difference to every arc
 * of the cut builds an optimal dual solution class by class. */
static void add_cut(duals *d, const triad_flow *f, int64_t diff)
{
	for (int32_t p = 0; p < d->nparts; p++) {
		if (!triad__flow_reached(f, 2 + p)) {
			if (d->active[p])
				d->alpha[p] += diff;
			continue;
		}
		for (int32_t e = d->efirst[p]; e < d->efirst[p + 1]; e++)
			if (!triad__flow_reached(f, d->enode[e]))
				d->beta[e] += diff;
	}
}

/* Route the m items of keys (weight, units, id: the index of its source
 * edge) by weight per unit, heaviest class first, continuing one flow; adds
 * to *out the weight routed, an item routed in part counting by the share
 * of its units. With d, collects the dual prices. */
static int route(double *out, net *n, rkey *keys, size_t m, duals *d)
{
	qsort(keys, m, sizeof *keys, rkey_cmp);
	for (size_t i = 0; i < m;) {
		size_t j = i;
		while (j < m && keys[j].w * keys[i].len == keys[i].w * keys[j].len) {
			triad__flow_set_cap(n->f, n->src_edge[keys[j].r], keys[j].cap);
			if (d)
				d->active[keys[j].r] = 1;
			j++;
		}
		if (triad__flow_max(n->f, n->src, n->sink) < 0)
			return TRIAD_ENOMEM;
		if (d)
			add_cut(d, n->f,
			        per_unit(&keys[i], d->shift) - (j < m ? per_unit(&keys[j], d->shift) : 0));
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

/* How network B is built: `tight` caps a teacher's session at cap + the
 * extra slots its longer requests could take there (a meeting counts once
 * against the cap whatever its length, so the meetings of a capped session
 * cover at most cap + the sum of (length - 1) over the longer requests that
 * fit there), besides cap x the longest request; `parts` (may be NULL)
 * splits joint requests as it says and receives the dual prices. */
typedef struct bmode {
	bool tight;
	cf_parts *parts;
	uint8_t *routed;
} bmode;

/* Network B: teachers. A joint request of k teachers is k parts, one per
 * teacher, each of L units and a share of the weight (w / k unless `parts`
 * says otherwise): it counts in full only when every teacher gives it its
 * slots. */
static int bound_teachers(double *out, const triad_conference *c, const uint8_t *cov,
                          rkey *keys, const bmode *mode)
{
	int32_t R = (int32_t)c->nrequests, G = c->total_slots;
	int32_t T = (int32_t)c->nteachers, S = (int32_t)c->nsessions;
	int32_t P = 0, A = 0;
	for (int32_t r = 0; r < R; r++) {
		P += (int32_t)c->requests[r].nteachers;
		int32_t k = 0;
		for (int32_t g = 0; g < G; g++)
			k += cov[(size_t)r * (size_t)G + (size_t)g];
		A += k * (int32_t)c->requests[r].nteachers;
	}
	int32_t tslot0 = 2 + P, tsess0 = tslot0 + T * G;
	net n = { triad__flow_new(tsess0 + T * S), 0, 1, NULL };
	int rc;
	cf_parts *pt = mode->parts;
	duals d = { pt ? pt->shift : 0, P, NULL, NULL, NULL, NULL, NULL };
	int32_t *extra = triad__calloc((size_t)T * (size_t)S + 1, sizeof *extra);
	int32_t *efirst = NULL, *enode = NULL;
	if (!n.f || !extra || !(n.src_edge = triad__reallocarray(NULL, (size_t)P + 1, sizeof(int32_t))))
		goto nomem;
	if (pt && (!(efirst = triad__calloc((size_t)P + 2, sizeof *efirst)) ||
	           !(enode = triad__calloc((size_t)A + 1, sizeof *enode)) ||
	           !(d.alpha = triad__calloc((size_t)P + 1, sizeof *d.alpha)) ||
	           !(d.beta = triad__calloc((size_t)A + 1, sizeof *d.beta)) ||
	           !(d.active = triad__calloc((size_t)P + 1, 1))))
		goto nomem;
	for (int32_t r = 0; r < R && mode->tight; r++) {
		const cf_request *rq = &c->requests[r];
		if (rq->slots < 2)
			continue;
		for (int32_t s = 0; s < S; s++) {
			bool any = false;
			for (int32_t p = 0; p + rq->slots <= c->sessions[s].slots && !any; p++)
				any = triad__cf_can_start(c, (size_t)r, (size_t)s, p);
			for (size_t k = 0; k < rq->nteachers && any; k++)
				extra[rq->teachers[k] * S + s] += rq->slots - 1;
		}
	}
	for (int32_t t = 0; t < T; t++)
		for (int32_t s = 0; s < S; s++) {
			const cf_session *se = &c->sessions[s];
			int32_t ts = tsess0 + t * S + s;
			int32_t cap = triad__cf_teacher_cap(c, (size_t)t, (size_t)s);
			int32_t lim = se->slots;
			if (cap > 0 && (int64_t)cap * c->max_len < lim)
				lim = cap * c->max_len;
			if (cap > 0 && mode->tight && (int64_t)cap + extra[t * S + s] < lim)
				lim = cap + extra[t * S + s];
			ADD(ts, n.sink, lim);
			for (int32_t p = 0; p < se->slots; p++)
				if (c->tavail[(size_t)t * (size_t)G + (size_t)(se->offset + p)])
					ADD(tslot0 + t * G + se->offset + p, ts, 1);
		}
	size_t m = 0;
	int32_t part = 0, arc = 0;
	for (int32_t r = 0; r < R; r++) {
		const cf_request *rq = &c->requests[r];
		int64_t w = triad__cf_priority_weight(c->settings, rq->priority);
		for (size_t k = 0; k < rq->nteachers; k++, part++) {
			if ((n.src_edge[part] = triad__flow_add(n.f, n.src, 2 + part, 0)) < 0)
				goto nomem;
			if (efirst)
				efirst[part] = arc;
			for (int32_t g = 0; g < G; g++)
				if (cov[(size_t)r * (size_t)G + (size_t)g]) {
					ADD(2 + part, tslot0 + rq->teachers[k] * G + g, 1);
					if (enode)
						enode[arc++] = tslot0 + rq->teachers[k] * G + g;
				}
			/* the part's share of w: w / k, or as `parts` says (a
			 * share over den parts), none when it has no share */
			int32_t den = pt ? pt->den[part] : (int32_t)rq->nteachers;
			if (w > 0 && den > 0) {
				keys[m].w = w;
				keys[m].len = rq->slots * den;
				keys[m].cap = rq->slots;
				keys[m].r = part;
				m++;
			}
		}
	}
	if (efirst)
		efirst[P] = arc;
	d.efirst = efirst;
	d.enode = enode;
	rc = route(out, &n, keys, m, pt ? &d : NULL);
	/* Requests whose every part went through in full: the solver's guide. */
	if (!rc && mode->routed) {
		part = 0;
		for (int32_t r = 0; r < R; r++) {
			const cf_request *rq = &c->requests[r];
			bool full = true;
			for (size_t k = 0; k < rq->nteachers; k++, part++)
				full = full && triad__flow_on(n.f, n.src_edge[part]) == rq->slots;
			mode->routed[r] = full;
		}
	}
	/* A part's price: its L units at the source arc's price, and the L
	 * dearest of its arcs to slots (a meeting uses at most L of them). */
	part = 0;
	for (int32_t r = 0; r < R && !rc && pt; r++)
		for (size_t k = 0; k < c->requests[r].nteachers; k++, part++) {
			int64_t u = d.alpha[part] * c->requests[r].slots;
			int64_t *b = d.beta + efirst[part];
			int32_t nb = efirst[part + 1] - efirst[part];
			for (int32_t i = 0; i < c->requests[r].slots && i < nb; i++) {
				int32_t top = i;
				for (int32_t x = i + 1; x < nb; x++)
					if (b[x] > b[top])
						top = x;
				int64_t v = b[top];
				b[top] = b[i];
				b[i] = v;
				u += v;
			}
			pt->u[part] = u;
		}
	/* route() counted each part as w * flow / (k L); a part carries at
	 * most L units, so a full request adds k * w / k = w. */
	goto done;
nomem:
	rc = triad__nomem();
done:
	triad__flow_free(n.f);
	triad__free(n.src_edge);
	triad__free(extra);
	triad__free(efirst);
	triad__free(enode);
	triad__free(d.alpha);
	triad__free(d.beta);
	triad__free(d.active);
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
		rc = route(out, &n, keys, m, NULL);
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

int triad__cf_flow_bound(int64_t *out, const triad_conference *c, uint8_t *routed,
                         cf_parts *parts)
{
	uint8_t *cov = coverage(c);
	int32_t *list = triad__reallocarray(NULL, c->nrequests + 1, sizeof *list);
	size_t nparts = 0;
	for (size_t r = 0; r < c->nrequests; r++)
		nparts += c->requests[r].nteachers;
	rkey *keys = triad__reallocarray(NULL, nparts + 1, sizeof *keys);
	double b = 0, bt = 0, h = 0;
	int rc = 0;
	if (!cov || !list || !keys)
		rc = triad__nomem();
	/* B as the solver's guide (routed), B with tight caps, B with tight
	 * caps and the parts' shares (and its dual prices), C */
	bmode plain = { false, NULL, routed }, tight = { true, NULL, NULL };
	if (!rc)
		rc = bound_teachers(&b, c, cov, keys, &plain);
	if (!rc)
		rc = bound_teachers(&bt, c, cov, keys, &tight);
	b = bt < b ? bt : b;
	if (!rc && parts) {
		bmode split = { true, parts, NULL };
		bt = 0;
		rc = bound_teachers(&bt, c, cov, keys, &split);
		b = bt < b ? bt : b;
	}
	if (!rc)
		rc = bound_households(&h, c, cov, list, keys);
	triad__free(cov);
	triad__free(list);
	triad__free(keys);
	if (rc)
		return rc;
	/* The schedulable weight is an integer no larger than any fraction. */
	double m = b < h ? b : h;
	*out = (int64_t)(m + 1e-6);
	return 0;
}

int triad__cf_bound(int64_t *out, const triad_conference *c, uint8_t *routed)
{
	cf_parts parts;
	int64_t fb, lb;
	int rc = triad__cf_parts_init(&parts, c);
	if (!rc)
		rc = triad__cf_flow_bound(&fb, c, routed, &parts);
	if (!rc)
		rc = triad__cf_lagrange(&lb, c, &parts);
	triad__cf_parts_free(&parts);
	if (!rc)
		*out = lb < fb ? lb : fb;
	return rc;
}

TRIAD_API int triad_conference_bound(int64_t *out, const triad_conference *conf)
{
	if (!out || !conf)
		return triad__err(TRIAD_EINVAL, "the output and the instance must not be NULL");
	return triad__cf_bound(out, conf, NULL);
}
