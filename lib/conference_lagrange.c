/*
 * A Lagrangian upper bound on the priority weight any schedule can meet.
 *
 * The relaxation keeps, of the hard constraints, the teachers' side: each
 * request meets at most once, at a place (session, first slot) where it can
 * start; no teacher in two meetings at once; at most `cap` meetings of a
 * teacher in a capped session (a meeting counts once whatever its length).
 * Households, breaks after K meetings, waiting caps and the walking gap are
 * left out, which keeps the bound valid.
 *
 * Every request is cut into parts, one per teacher, its weight w split
 * between them (shares adding up to w; cf_parts). Relaxing "each part meets
 * at most once, and the parts of a joint request together" with a price
 * u >= 0 per part, the problem falls apart per teacher and session into
 * weighted interval scheduling on the line of slots: each place of a part
 * is an interval worth share - u, and at most `cap` intervals are taken
 * when the session is capped. With F_ts the best total of disjoint
 * intervals on teacher t's line in session s (a dynamic programme over the
 * slots, exact, the cap included),
 *
 *     D(u) = sum of u over the parts + sum over the lines of F_ts(u)
 *
 * bounds the weight of every schedule: a met request contributes
 * sum (u + (share - u)) over its parts, and its parts' intervals are
 * disjoint on each teacher's line. This holds for every u >= 0, so the
 * prices need no optimality to give a valid bound, only to give a tight one.
 *
 * D(u) is a sum of one term per teacher (its parts' prices and its lines'
 * optima), so each teacher may take its prices from whichever candidate
 * gives it the smallest term:
 *
 *  - the dual solution of the teachers' flow network (conference_bound.c),
 *    clamped to the shares; a teacher's term there is at most what the
 *    flow proves for it, and the lines add what the flow relaxes: a
 *    double-length meeting takes two consecutive slots, a capped teacher
 *    meets at most `cap` households whatever their lengths, and no more
 *    long ones than it has long requests;
 *  - uniform prices, q per slot and, for a teacher with a capped session,
 *    m per meeting: u = max(0, share - q x length - m), for q and m each
 *    0 or a share per slot that occurs (at most MAX_PRICES levels, evenly
 *    spread); q = m = 0 leaves u = share, the teacher's term then being
 *    what it is asked for.
 *
 * Subgradient steps on u were tried and dropped: from these prices the
 * function sits at a corner of a highly degenerate dual (ties between a
 * teacher's slots everywhere) where no step of a few hundred improved it
 * on the benchmark instances, while the flow's dual already starts below
 * where subgradient steps from uniform prices ended.
 *
 * Weights and prices are scaled by 2^shift and every quantity is an
 * integer: the bound is floor(D / 2^shift), exact and the same on every
 * machine; the work (a fixed number of passes over the lines) depends on
 * the instance's size alone.
 */
#include <stdlib.h>
#include <string.h>

#include "conference_lagrange_private.h"

/* Price levels tried besides the flow's dual. */
#define MAX_PRICES 16
/* Largest (cap + 1) x (long intervals + 1) a line's table counts. */
#define MAX_COUNTS 1024

/* One place of a part: local slots [a, b) on its teacher's line. */
typedef struct lg_iv {
	int32_t a, b;
	int32_t part;
} lg_iv;

typedef struct lg {
	const triad_conference *c;
	cf_parts *pt;
	size_t T, S, lines;
	int32_t *line;   /* [T * S + 1] intervals of each line (CSR) */
	lg_iv *iv;       /* by end slot within each line */
	int32_t *cap;    /* [T * S] meeting cap, 0: none that binds */
	int32_t *slots;  /* [T * S] slots of the line */
	int32_t *longs;  /* [T * S] parts longer than a slot with a place there;
	                  * -1: not counted (no cap below it, or too many) */
	int64_t *val;    /* [parts] share - u */
	int32_t *tea;    /* [parts] teacher */
	int32_t *len;    /* [parts] slots; 0: the part has no place */
	uint8_t *capped; /* [T] some session of the teacher is capped */
	int64_t *F;      /* DP table, the largest line's (slots + 1) x counts */
} lg;

/* F[g][j][d]: the best over slots [0, g) with at most j intervals, at
 * most d of them longer than a slot (j and d only when capped).
 * F[0][.][.] = 0; F[g][j][d] = max(F[g - 1][j][d], F[a][j - 1][d - (the
 * interval is long)] + v) over intervals [a, g); monotone in j and d by
 * induction. */
static int64_t line_best(lg *L, size_t ts)
{
	int32_t C = L->cap[ts], slots = L->slots[ts];
	bool longs = C && L->longs[ts] >= 0; /* count the long intervals */
	int32_t DC = longs ? L->longs[ts] : 0;
	int32_t W = (C + 1) * (DC + 1);
	int64_t *F = L->F;
	for (int32_t j = 0; j < W; j++)
		F[j] = 0;
	int32_t i = L->line[ts], end = L->line[ts + 1];
	for (int32_t g = 1; g <= slots; g++) {
		int64_t *Fg = F + (size_t)g * (size_t)W;
		for (int32_t j = 0; j < W; j++)
			Fg[j] = Fg[j - W];
		for (; i < end && L->iv[i].b == g; i++) {
			int64_t x = L->val[L->iv[i].part];
			if (x <= 0)
				continue;
			const int64_t *Fa = F + (size_t)L->iv[i].a * (size_t)W;
			if (C == 0) {
				if (Fa[0] + x > Fg[0])
					Fg[0] = Fa[0] + x;
				continue;
			}
			int32_t lng = longs && L->iv[i].b - L->iv[i].a > 1;
			for (int32_t j = 1; j <= C; j++)
				for (int32_t d = lng; d <= DC; d++) {
					int32_t to = j * (DC + 1) + d, from = (j - 1) * (DC + 1) + d - lng;
					if (Fa[from] + x > Fg[to])
						Fg[to] = Fa[from] + x;
				}
		}
	}
	return F[(size_t)slots * (size_t)W + (size_t)W - 1];
}

/* D(u) split by teacher: Dt[t] = the prices of t's parts + the best of
 * t's lines. D(u) is their sum. */
static void teacher_duals(lg *L, const int64_t *u, int64_t *Dt, bool capped_only)
{
	cf_parts *pt = L->pt;
	memset(Dt, 0, L->T * sizeof *Dt);
	for (size_t p = 0; p < pt->n; p++) {
		/* a part with no place is never met: its price is best 0 */
		int64_t x = L->len[p] ? u[p] : 0;
		L->val[p] = pt->share[p] - x;
		Dt[L->tea[p]] += x;
	}
	for (size_t ts = 0; ts < L->lines; ts++)
		if (!capped_only || L->capped[ts / L->S])
			Dt[ts / L->S] += line_best(L, ts);
	for (size_t t = 0; t < L->T && capped_only; t++)
		if (!L->capped[t])
			Dt[t] = INT64_MAX;
}

static int i64_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int iv_cmp(const void *a, const void *b)
{
	const lg_iv *x = a, *y = b;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return (x->a > y->a) - (x->a < y->a);
}

#define ALLOC(p, n) (((p) = triad__calloc((size_t)(n) + 1, sizeof *(p))) != NULL)

/* The lines: every place of every part on its teacher's line. */
static int lg_setup(lg *L, const triad_conference *c, cf_parts *pt)
{
	memset(L, 0, sizeof *L);
	L->c = c;
	L->pt = pt;
	L->T = c->nteachers;
	L->S = c->nsessions;
	L->lines = L->T * L->S;
	if (!ALLOC(L->line, L->lines + 1) || !ALLOC(L->cap, L->lines) ||
	    !ALLOC(L->slots, L->lines) || !ALLOC(L->longs, L->lines) || !ALLOC(L->val, pt->n) ||
	    !ALLOC(L->tea, pt->n) || !ALLOC(L->len, pt->n) || !ALLOC(L->capped, L->T))
		return triad__nomem();
	for (size_t t = 0; t < L->T; t++)
		for (size_t s = 0; s < L->S; s++) {
			int32_t n = c->sessions[s].slots, cap = triad__cf_teacher_cap(c, t, s);
			/* a cap of at least the session's slots never binds */
			cap = cap < n ? cap : 0;
			L->cap[t * L->S + s] = cap;
			L->capped[t] |= cap > 0;
			L->slots[t * L->S + s] = n;
		}
	size_t n = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t r = 0; r < c->nrequests; r++) {
			const cf_request *rq = &c->requests[r];
			for (size_t s = 0; s < L->S; s++) {
				bool placed = false;
				for (int32_t p = 0; p + rq->slots <= c->sessions[s].slots; p++) {
					if (!triad__cf_can_start(c, r, s, p))
						continue;
					for (size_t k = 0; k < rq->nteachers; k++) {
						size_t ts = (size_t)rq->teachers[k] * L->S + s;
						if (pass == 0 && rq->slots > 1 && !placed)
							L->longs[ts]++;
						if (pass == 0) {
							L->line[ts + 1]++;
							n++;
							continue;
						}
						lg_iv *v = &L->iv[L->line[ts]++];
						v->a = p;
						v->b = p + rq->slots;
						v->part = pt->first[r] + (int32_t)k;
						L->tea[v->part] = rq->teachers[k];
						L->len[v->part] = rq->slots;
					}
					placed = true;
				}
			}
		}
		if (pass == 0) {
			for (size_t ts = 0; ts < L->lines; ts++)
				L->line[ts + 1] += L->line[ts];
			if (!ALLOC(L->iv, n))
				return triad__nomem();
		} else {
			/* the fill moved each start to the next line's start */
			memmove(L->line + 1, L->line, L->lines * sizeof *L->line);
			L->line[0] = 0;
		}
	}
	for (size_t ts = 0; ts < L->lines; ts++)
		qsort(L->iv + L->line[ts], (size_t)(L->line[ts + 1] - L->line[ts]), sizeof *L->iv,
		      iv_cmp);
	/* The count of long intervals matters only below the cap, and only
	 * while the table stays small (dropping it only loosens the bound). */
	for (size_t ts = 0; ts < L->lines; ts++)
		if (!L->cap[ts] || L->longs[ts] >= L->cap[ts] ||
		    (int64_t)(L->cap[ts] + 1) * (L->longs[ts] + 1) > MAX_COUNTS)
			L->longs[ts] = -1;
	size_t cells = 0;
	for (size_t ts = 0; ts < L->lines; ts++) {
		size_t w = (size_t)(L->cap[ts] + 1) * (size_t)(L->longs[ts] >= 0 ? L->longs[ts] + 1 : 1);
		size_t k = (size_t)(L->slots[ts] + 1) * w;
		cells = k > cells ? k : cells;
	}
	if (!ALLOC(L->F, cells))
		return triad__nomem();
	return 0;
}

static void lg_free(lg *L)
{
	triad__free(L->line);
	triad__free(L->iv);
	triad__free(L->cap);
	triad__free(L->slots);
	triad__free(L->longs);
	triad__free(L->val);
	triad__free(L->tea);
	triad__free(L->len);
	triad__free(L->capped);
	triad__free(L->F);
}

int triad__cf_parts_init(cf_parts *p, const triad_conference *c)
{
	memset(p, 0, sizeof *p);
	size_t R = c->nrequests, T = c->nteachers, G = (size_t)c->total_slots;
	int64_t wmax = 1;
	for (size_t r = 0; r < R; r++) {
		int64_t w = triad__cf_priority_weight(c->settings, c->requests[r].priority);
		wmax = w > wmax ? w : wmax;
		p->n += c->requests[r].nteachers;
	}
	/* weights below 2^32: sums over a million parts stay far from 2^63 */
	while ((wmax << (p->shift + 1)) <= ((int64_t)1 << 32))
		p->shift++;
	int64_t *dem = NULL;
	if (!ALLOC(p->first, R + 1) || !ALLOC(p->den, p->n) || !ALLOC(p->share, p->n) ||
	    !ALLOC(p->u, p->n) || !ALLOC(dem, 2 * T)) {
		triad__cf_parts_free(p);
		return triad__nomem();
	}
	/* demand (slots asked for) and supply (slots available) per teacher */
	int64_t *sup = dem + T;
	for (size_t t = 0; t < T; t++)
		for (size_t g = 0; g < G; g++)
			sup[t] += c->tavail[t * G + g];
	for (size_t r = 0; r < R; r++)
		for (size_t k = 0; k < c->requests[r].nteachers; k++)
			dem[c->requests[r].teachers[k]] += c->requests[r].slots;
	int32_t part = 0;
	for (size_t r = 0; r < R; r++) {
		const cf_request *rq = &c->requests[r];
		int64_t w = triad__cf_priority_weight(c->settings, rq->priority) << p->shift;
		int32_t nsat = 0;
		p->first[r] = part;
		for (size_t k = 0; k < rq->nteachers; k++)
			nsat += dem[rq->teachers[k]] > sup[rq->teachers[k]];
		int32_t den = nsat ? nsat : (int32_t)rq->nteachers;
		bool first = true;
		for (size_t k = 0; k < rq->nteachers; k++, part++) {
			size_t t = (size_t)rq->teachers[k];
			if (nsat && dem[t] <= sup[t])
				continue;
			p->den[part] = den;
			p->share[part] = w / den + (first ? w % den : 0);
			first = false;
		}
	}
	p->first[R] = part;
	triad__free(dem);
	return 0;
}

void triad__cf_parts_free(cf_parts *p)
{
	triad__free(p->first);
	triad__free(p->den);
	triad__free(p->share);
	triad__free(p->u);
	memset(p, 0, sizeof *p);
}

int triad__cf_lagrange(int64_t *out, const triad_conference *c, cf_parts *pt)
{
	lg L;
	int rc = lg_setup(&L, c, pt);
	if (rc) {
		lg_free(&L);
		return rc;
	}
	int64_t *cand = triad__calloc(pt->n + 1, sizeof *cand);
	int64_t *Dt = triad__calloc(2 * L.T + 1, sizeof *Dt), *best = Dt + L.T;
	if (!cand || !Dt) {
		triad__free(cand);
		triad__free(Dt);
		lg_free(&L);
		return triad__nomem();
	}
	for (size_t p = 0; p < pt->n; p++)
		pt->u[p] = pt->u[p] < pt->share[p] ? pt->u[p] : pt->share[p] > 0 ? pt->share[p] : 0;
	teacher_duals(&L, pt->u, best, false);
	/* Price levels: 0 and the distinct shares per slot (at most
	 * MAX_PRICES of them, evenly spread); every pair (per slot, per
	 * meeting), the meeting price only for teachers with a cap. */
	size_t nq = 0;
	for (size_t p = 0; p < pt->n; p++)
		if (pt->share[p] > 0 && L.len[p] > 0)
			cand[nq++] = pt->share[p] / L.len[p];
	qsort(cand, nq, sizeof *cand, i64_cmp);
	size_t nd = 0;
	for (size_t i = 0; i < nq; i++)
		if (nd == 0 || cand[i] != cand[nd - 1])
			cand[nd++] = cand[i];
	int64_t q[MAX_PRICES + 1] = { 0 };
	size_t m = 1;
	for (size_t i = 0; i < MAX_PRICES && i < nd; i++)
		q[m++] = cand[nd <= MAX_PRICES ? i : i * (nd - 1) / (MAX_PRICES - 1)];
	for (size_t k = 0; k < m * m; k++) {
		int64_t qs = q[k % m], qm = q[k / m];
		for (size_t p = 0; p < pt->n; p++) {
			int64_t pay = qs * L.len[p] + qm;
			cand[p] = pt->share[p] > pay ? pt->share[p] - pay : 0;
		}
		teacher_duals(&L, cand, Dt, k >= m);
		for (size_t t = 0; t < L.T; t++)
			best[t] = Dt[t] < best[t] ? Dt[t] : best[t];
	}
	int64_t D = 0;
	for (size_t t = 0; t < L.T; t++)
		D += best[t];
	*out = D >> pt->shift;
	triad__free(cand);
	triad__free(Dt);
	lg_free(&L);
	return 0;
}
