/* prototype */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference_lagrange_private.h"

typedef struct lg {
	const triad_conference *c;
	size_t R, T, H, S, G;
	size_t NE;        /* resources: teacher slots, household slots, teacher sessions */
	int32_t *pstart;  /* [R + 1] places of each request (CSR) */
	int32_t *pg;      /* [places] global first slot */
	int32_t *preq;    /* [places] request */
	int64_t *pc;      /* [places] current cost: the prices of what it uses */
	int64_t *w;       /* [R] scaled weight */
	int64_t *price;   /* [NE] */
	int32_t *cap;     /* [NE] capacity, 0: no constraint */
	int32_t *estart;  /* [NE + 1] places using each resource (CSR) */
	int32_t *eplace;
	int32_t *pstamp, *rstamp; /* [places], [R] */
	int64_t *bids;    /* [R] */
	int32_t *gsess;   /* [G] */
	int64_t wmax;
} lg;

/* Resources a place uses, in the order place_cost adds them. */
static size_t place_res(const lg *L, size_t r, int32_t g0, size_t *res)
{
	const cf_request *rq = &L->c->requests[r];
	size_t n = 0, s = (size_t)L->gsess[g0];
	size_t TG = L->T * L->G, HG = L->H * L->G;
	for (int32_t g = g0; g < g0 + rq->slots; g++) {
		res[n++] = TG + (size_t)rq->household * L->G + (size_t)g;
		for (size_t k = 0; k < rq->nteachers; k++)
			res[n++] = (size_t)rq->teachers[k] * L->G + (size_t)g;
	}
	for (size_t k = 0; k < rq->nteachers; k++) {
		size_t e = TG + HG + (size_t)rq->teachers[k] * L->S + s;
		if (L->cap[e] > 0)
			res[n++] = e;
	}
	return n;
}

static int64_t dual_value(const lg *L)
{
	int64_t D = 0;
	for (size_t r = 0; r < L->R; r++) {
		int64_t m = L->w[r];
		for (int32_t p = L->pstart[r]; p < L->pstart[r + 1]; p++)
			if (L->pc[p] < m)
				m = L->pc[p];
		D += L->w[r] - m;
	}
	for (size_t e = 0; e < L->NE; e++)
		D += L->price[e] * L->cap[e];
	return D;
}

/* A greedy schedule at the current prices, heaviest requests first, each at
 * its cheapest place that every resource still has room for: a feasible
 * integer solution of the relaxation, hence a lower bound on its optimum
 * (the target of the step rule). occ: [NE] scratch. */
static int64_t primal(const lg *L, const int32_t *order, int32_t *occ, size_t *res)
{
	memset(occ, 0, L->NE * sizeof *occ);
	int64_t P = 0;
	for (size_t i = 0; i < L->R; i++) {
		size_t r = (size_t)order[i];
		int32_t bp = -1;
		for (int32_t p = L->pstart[r]; p < L->pstart[r + 1]; p++) {
			if (bp >= 0 && L->pc[p] >= L->pc[bp])
				continue;
			size_t n = place_res(L, r, L->pg[p], res);
			bool ok = true;
			for (size_t k = 0; k < n && ok; k++)
				ok = L->cap[res[k]] <= 0 || occ[res[k]] < L->cap[res[k]];
			if (ok)
				bp = p;
		}
		if (bp < 0)
			continue;
		P += L->w[r];
		size_t n = place_res(L, r, L->pg[bp], res);
		for (size_t k = 0; k < n; k++)
			occ[res[k]]++;
	}
	return P;
}

static int bid_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x < y) - (x > y);
}

/* Minimise the dual over the price of resource e alone. */
static void update(lg *L, size_t e, int32_t stamp)
{
	int32_t b = L->cap[e];
	if (b <= 0 || L->estart[e] == L->estart[e + 1])
		return;
	int64_t pe = L->price[e];
	for (int32_t i = L->estart[e]; i < L->estart[e + 1]; i++)
		L->pstamp[L->eplace[i]] = stamp;
	size_t n = 0;
	for (int32_t i = L->estart[e]; i < L->estart[e + 1]; i++) {
		int32_t r = L->preq[L->eplace[i]];
		if (L->rstamp[r] == stamp)
			continue;
		L->rstamp[r] = stamp;
		int64_t A = INT64_MAX, B = L->w[r];
		for (int32_t p = L->pstart[r]; p < L->pstart[r + 1]; p++) {
			if (L->pstamp[p] == stamp) {
				if (L->pc[p] - pe < A)
					A = L->pc[p] - pe;
			} else if (L->pc[p] < B) {
				B = L->pc[p];
			}
		}
		if (B - A > 0)
			L->bids[n++] = B - A;
	}
	int64_t np = 0;
	if (n >= (size_t)b) {
		qsort(L->bids, n, sizeof *L->bids, bid_cmp);
		np = L->bids[b - 1];
		if (np > L->wmax)
			np = L->wmax;
	}
	int64_t d = np - pe;
	if (d == 0)
		return;
	L->price[e] = np;
	for (int32_t i = L->estart[e]; i < L->estart[e + 1]; i++)
		L->pc[L->eplace[i]] += d;
}

static int okey_cmp(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] > y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Starting prices: each teacher alone, its requests packed heaviest per
 * slot first into its available slots; every slot priced at the weight per
 * slot of the first request that no longer fits (0 when all fit). */
static void start_prices(lg *L, int64_t *keys)
{
	const triad_conference *c = L->c;
	for (size_t t = 0; t < L->T; t++) {
		size_t m = 0;
		int64_t supply = 0;
		for (size_t g = 0; g < L->G; g++)
			supply += c->tavail[t * L->G + g];
		for (size_t r = 0; r < L->R; r++) {
			const cf_request *rq = &c->requests[r];
			if (L->pstart[r] == L->pstart[r + 1])
				continue;
			for (size_t k = 0; k < rq->nteachers; k++)
				if ((size_t)rq->teachers[k] == t) {
					keys[2 * m] = L->w[r] / rq->slots / (int64_t)rq->nteachers;
					keys[2 * m + 1] = rq->slots;
					m++;
				}
		}
		qsort(keys, m, 2 * sizeof *keys, okey_cmp);
		int64_t used = 0, price = 0;
		for (size_t i = 0; i < m; i++) {
			used += keys[2 * i + 1];
			if (used > supply) {
				price = keys[2 * i];
				break;
			}
		}
		for (size_t g = 0; g < L->G; g++)
			L->price[t * L->G + g] = c->tavail[t * L->G + g] ? price : 0;
	}
}

#define ALLOC(p, n) (((p) = triad__calloc((n) + 1, sizeof *(p))) != NULL)

int triad__cf_lagrange_run(int64_t *out, const triad_conference *c, const cf_lagrange_params *prm,
                           int64_t *trace)
{
	lg L;
	memset(&L, 0, sizeof L);
	L.c = c;
	L.R = c->nrequests;
	L.T = c->nteachers;
	L.H = c->nhouseholds;
	L.S = c->nsessions;
	L.G = (size_t)c->total_slots;
	size_t TG = L.T * L.G, HG = L.H * L.G;
	L.NE = TG + HG + L.T * L.S;
	size_t places = 0, maxres = 0;
	int rc = 0;
	int64_t *keys = NULL;
	size_t *res = NULL;
	int64_t wmax = 1;
	for (size_t r = 0; r < L.R; r++) {
		const cf_request *rq = &c->requests[r];
		for (size_t s = 0; s < L.S; s++)
			for (int32_t p = 0; p + rq->slots <= c->sessions[s].slots; p++)
				places += triad__cf_can_start(c, r, s, p);
		int64_t w = triad__cf_priority_weight(c->settings, rq->priority);
		if (w > wmax)
			wmax = w;
		size_t n = (size_t)rq->slots * (rq->nteachers + 1) + rq->nteachers;
		if (n > maxres)
			maxres = n;
	}
	int shift = 0;
	while ((wmax << (shift + 1)) <= ((int64_t)1 << 32))
		shift++;
	if (!ALLOC(L.pstart, L.R) || !ALLOC(L.pg, places) || !ALLOC(L.preq, places) ||
	    !ALLOC(L.pc, places) || !ALLOC(L.w, L.R) || !ALLOC(L.price, L.NE) ||
	    !ALLOC(L.cap, L.NE) || !ALLOC(L.estart, L.NE + 1) || !ALLOC(L.pstamp, places) ||
	    !ALLOC(L.rstamp, L.R) || !ALLOC(L.bids, L.R) || !ALLOC(L.gsess, L.G) ||
	    !ALLOC(keys, 2 * L.R + 2) || !ALLOC(res, maxres)) {
		rc = triad__nomem();
		goto done;
	}
	for (size_t s = 0; s < L.S; s++)
		for (int32_t p = 0; p < c->sessions[s].slots; p++)
			L.gsess[c->sessions[s].offset + p] = (int32_t)s;
	for (size_t e = 0; e < TG + HG; e++)
		L.cap[e] = 1;
	for (size_t t = 0; t < L.T; t++)
		for (size_t s = 0; s < L.S; s++)
			L.cap[TG + HG + t * L.S + s] = triad__cf_teacher_cap(c, t, s);
	places = 0;
	for (size_t r = 0; r < L.R; r++) {
		const cf_request *rq = &c->requests[r];
		L.pstart[r] = (int32_t)places;
		L.w[r] = triad__cf_priority_weight(c->settings, rq->priority) << shift;
		for (size_t s = 0; s < L.S; s++)
			for (int32_t p = 0; p + rq->slots <= c->sessions[s].slots; p++)
				if (triad__cf_can_start(c, r, s, p)) {
					L.preq[places] = (int32_t)r;
					L.pg[places++] = c->sessions[s].offset + p;
				}
	}
	L.pstart[L.R] = (int32_t)places;
	L.wmax = wmax << shift;
	/* incidence: resource -> places */
	size_t inc = 0;
	for (size_t p = 0; p < places; p++) {
		size_t n = place_res(&L, (size_t)L.preq[p], L.pg[p], res);
		for (size_t i = 0; i < n; i++)
			L.estart[res[i] + 1]++;
		inc += n;
	}
	for (size_t e = 0; e < L.NE; e++)
		L.estart[e + 1] += L.estart[e];
	if (!ALLOC(L.eplace, inc)) {
		rc = triad__nomem();
		goto done;
	}
	{
		int32_t *fill = L.rstamp; /* reuse as a cursor? no: separate */
		(void)fill;
	}
	for (size_t p = 0; p < places; p++) {
		size_t n = place_res(&L, (size_t)L.preq[p], L.pg[p], res);
		for (size_t i = 0; i < n; i++)
			L.eplace[L.estart[res[i]]++] = (int32_t)p;
	}
	for (size_t e = L.NE; e > 0; e--)
		L.estart[e] = L.estart[e - 1];
	L.estart[0] = 0;
	for (size_t r = 0; r < L.R; r++) {
		keys[2 * r] = L.w[r];
		keys[2 * r + 1] = (int64_t)r;
	}
	qsort(keys, L.R, 2 * sizeof *keys, okey_cmp);
	for (size_t r = 0; r < L.R; r++)
		L.rstamp[r] = (int32_t)keys[2 * r + 1];
	if (prm->start)
		start_prices(&L, keys);
	for (size_t p = 0; p < places; p++) {
		size_t n = place_res(&L, (size_t)L.preq[p], L.pg[p], res);
		for (size_t i = 0; i < n; i++)
			L.pc[p] += L.price[res[i]];
	}
	int32_t *order = triad__calloc(L.R + 1, sizeof *order);
	int32_t *occ = triad__calloc(L.NE + 1, sizeof *occ);
	memcpy(order, L.rstamp, L.R * sizeof *order);
	for (size_t r = 0; r < L.R; r++)
		L.rstamp[r] = -1;
	for (size_t p = 0; p < places; p++)
		L.pstamp[p] = -1;
	int64_t best = dual_value(&L);
	int32_t *cnt = L.rstamp; /* reuse? no */
	(void)cnt;
	int32_t *use = triad__calloc(L.NE + 1, sizeof *use);
	if (!use) {
		rc = triad__nomem();
		goto done;
	}
	if (prm->primal_every < 0)
		update(&L, 0, 0);
	int64_t lam = prm->lam0, noimp = 0;
	size_t HG0 = TG, HG1 = TG + HG;
	int64_t unit = (int64_t)1 << shift; /* one weight unit */
	int64_t P = 0;
	for (int64_t it = 0; it < prm->iterations; it++) {
		memset(use, 0, L.NE * sizeof *use);
		int64_t D = 0;
		int64_t delta = unit / 64 * prm->tfrac * prm->patience / (prm->patience + it);
		for (size_t r = 0; r < L.R; r++) {
			int64_t m = L.w[r];
			for (int32_t p = L.pstart[r]; p < L.pstart[r + 1]; p++)
				if (L.pc[p] < m)
					m = L.pc[p];
			D += L.w[r] - m;
			int32_t n = L.w[r] <= m + delta;
			for (int32_t p = L.pstart[r]; p < L.pstart[r + 1]; p++)
				n += L.pc[p] <= m + delta;
			int32_t share = 65536 / n;
			for (int32_t p = L.pstart[r]; p < L.pstart[r + 1]; p++)
				if (L.pc[p] <= m + delta) {
					size_t k = place_res(&L, r, L.pg[p], res);
					for (size_t i = 0; i < k; i++)
						use[res[i]] += share;
				}
		}
		for (size_t e = 0; e < L.NE; e++)
			D += L.price[e] * L.cap[e];
		if (getenv("LGDBG"))
			fprintf(stderr, "it %lld D %.4f best %.4f\n", (long long)it,
			        (double)D / (double)unit, (double)best / (double)unit);
		if (trace)
			trace[it] = best >> shift;
		if (it % prm->primal_every == 0) {
			int64_t pv = primal(&L, order, occ, res);
			if (pv > P)
				P = pv;
		}
		if (D < best) {
			best = D;
			noimp = 0;
		} else if (++noimp >= prm->patience) {
			lam = lam / 2 > prm->lam_min ? lam / 2 : prm->lam_min;
			noimp = 0;
		}
		int64_t norm = 0;
		for (size_t e = 0; e < L.NE; e++) {
			if (L.cap[e] <= 0 || (e >= HG0 && e < HG1))
				continue;
			int64_t gr = ((int64_t)L.cap[e] * 65536 - use[e]) / 256;
			if (gr > 0 && L.price[e] == 0)
				continue;
			norm += gr * gr;
		}
		if (norm == 0)
			break;
		/* step per 1/256 of a unit of gradient */
		int64_t stp = unit / 1024 * prm->lam0 * prm->patience / (prm->patience + it);
		for (size_t e = 0; e < L.NE; e++) {
			if (L.cap[e] <= 0 || (e >= HG0 && e < HG1))
				continue;
			int64_t gr = (int64_t)L.cap[e] * 65536 - use[e];
			if (gr == 0)
				continue;
			int64_t x = L.price[e] - stp / 65536 * ((int64_t)L.cap[e] * 65536 - use[e]);
			x = x < 0 ? 0 : x > L.wmax ? L.wmax : x;
			int64_t d = x - L.price[e];
			if (d == 0)
				continue;
			L.price[e] = x;
			for (int32_t i = L.estart[e]; i < L.estart[e + 1]; i++)
				L.pc[L.eplace[i]] += d;
		}
	}
	triad__free(use);
	triad__free(order);
	triad__free(occ);
	*out = best >> shift;
done:
	triad__free(L.pstart);
	triad__free(L.pg);
	triad__free(L.preq);
	triad__free(L.pc);
	triad__free(L.w);
	triad__free(L.price);
	triad__free(L.cap);
	triad__free(L.estart);
	triad__free(L.eplace);
	triad__free(L.pstamp);
	triad__free(L.rstamp);
	triad__free(L.bids);
	triad__free(L.gsess);
	triad__free(keys);
	triad__free(res);
	return rc;
}
