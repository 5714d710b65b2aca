/* The solver's state (feasibility, incremental cost) and the constructive schedule. */
#include <stdlib.h>
#include <string.h>

#include "conference_solve_private.h"

/* ---- generator --------------------------------------------------------- */

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void triad__cf_rng_seed(cf_rng *g, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		g->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t triad__cf_rng_next(cf_rng *g)
{
	uint64_t *s = g->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint32_t triad__cf_rng_below(cf_rng *g, uint32_t n)
{
	/* Multiply-shift; the bias is below 2^-32 and identical everywhere. */
	return (uint32_t)(((triad__cf_rng_next(g) >> 32) * (uint64_t)n) >> 32);
}

double triad__cf_rng_unit(cf_rng *g)
{
	return (double)(triad__cf_rng_next(g) >> 11) * (1.0 / 9007199254740992.0);
}

/* ---- state ------------------------------------------------------------- */

void triad__cf_state_free(cf_state *st)
{
	triad__free(st->start);
	triad__free(st->tocc);
	triad__free(st->hocc);
	triad__free(st->tcnt);
	triad__free(st->hcnt);
	triad__free(st->hsess);
	triad__free(st->hsp);
	triad__free(st->tsp);
	triad__free(st->room);
	triad__free(st->weight);
	triad__free(st->tcap);
	triad__free(st->tbreak);
	triad__free(st->hmaxs);
	triad__free(st->hmaxw);
	triad__free(st->gsess);
	triad__free(st->tfree);
	triad__free(st->hfree);
	triad__free(st->hreq_start);
	triad__free(st->hreq);
	triad__free(st->treq_start);
	triad__free(st->treq);
	memset(st, 0, sizeof *st);
}

#define ALLOC(p, n) (((p) = triad__reallocarray(NULL, (n) > 0 ? (n) : 1, sizeof *(p))) != NULL)

int triad__cf_state_init(cf_state *st, const triad_conference *c, const int32_t *prev)
{
	memset(st, 0, sizeof *st);
	st->c = c;
	st->G = c->total_slots;
	st->S = (int32_t)c->nsessions;
	st->R = c->nrequests;
	st->T = c->nteachers;
	st->H = c->nhouseholds;
	st->prev = prev;
	size_t G = (size_t)st->G, S = (size_t)st->S;
	size_t nt = 0;
	for (size_t r = 0; r < st->R; r++)
		nt += c->requests[r].nteachers;
	if (!ALLOC(st->start, st->R) || !ALLOC(st->tocc, st->T * G) || !ALLOC(st->hocc, st->H * G) ||
	    !(st->tcnt = triad__calloc(st->T * S + 1, sizeof(int32_t))) ||
	    !(st->hcnt = triad__calloc(st->H * S + 1, sizeof(int32_t))) ||
	    !(st->hsess = triad__calloc(st->H + 1, sizeof(int32_t))) ||
	    !(st->hsp = triad__calloc(st->H * S + 1, sizeof(cf_pspan))) ||
	    !(st->tsp = triad__calloc(st->T * S + 1, sizeof(cf_pspan))) ||
	    !ALLOC(st->room, st->R * S) || !ALLOC(st->weight, st->R) || !ALLOC(st->gsess, G) ||
	    !ALLOC(st->tcap, st->T * S) || !ALLOC(st->tbreak, st->T) || !ALLOC(st->hmaxs, st->H) ||
	    !ALLOC(st->hmaxw, st->H) ||
	    !(st->hreq_start = triad__calloc(st->H + 2, sizeof(int32_t))) || !ALLOC(st->hreq, st->R) ||
	    !(st->treq_start = triad__calloc(st->T + 2, sizeof(int32_t))) || !ALLOC(st->treq, nt) ||
	    !(st->tfree = triad__calloc(st->T * ((G + 63) / 64) + 1, sizeof(uint64_t))) ||
	    !(st->hfree = triad__calloc(st->H * ((G + 63) / 64) + 1, sizeof(uint64_t)))) {
		triad__cf_state_free(st);
		return triad__nomem();
	}
	memcpy(st->w, c->settings, sizeof st->w);
	st->words = (G + 63) / 64;
	for (size_t t = 0; t < st->T; t++) {
		int32_t k = triad__cf_break_after(c, t);
		st->tbreak[t] = k > 0 ? k : 0;
		for (size_t s = 0; s < S; s++) {
			int32_t cap = triad__cf_teacher_cap(c, t, s);
			st->tcap[t * S + s] = cap > 0 ? cap : 0;
		}
	}
	for (size_t h = 0; h < st->H; h++) {
		int32_t m = triad__cf_max_sessions(c, h), w = triad__cf_max_wait(c, h);
		st->hmaxs[h] = m > 0 ? m : 0;
		st->hmaxw[h] = w > 0 ? w : 0;
	}
	for (size_t t = 0; t < st->T; t++)
		for (size_t g = 0; g < G; g++)
			if (c->tavail[t * G + g])
				st->tfree[t * st->words + g / 64] |= (uint64_t)1 << (g % 64);
	for (size_t h = 0; h < st->H; h++)
		for (size_t g = 0; g < G; g++)
			if (c->havail[h * G + g])
				st->hfree[h * st->words + g / 64] |= (uint64_t)1 << (g % 64);
	memset(st->tocc, 0xff, st->T * G * sizeof(int32_t));
	memset(st->hocc, 0xff, st->H * G * sizeof(int32_t));
	for (size_t s = 0; s < S; s++)
		for (int32_t p = 0; p < c->sessions[s].slots; p++)
			st->gsess[c->sessions[s].offset + p] = (int32_t)s;
	for (size_t r = 0; r < st->R; r++) {
		const cf_request *rq = &c->requests[r];
		st->start[r] = -1;
		st->weight[r] = triad__cf_priority_weight(c->settings, rq->priority);
		st->unsched_w += st->weight[r];
		if (prev && prev[r] >= 0)
			st->moved++;
		for (size_t s = 0; s < S; s++)
			st->room[r * S + s] = triad__cf_request_room(c, r, s);
		st->hreq_start[rq->household + 2]++;
		for (size_t i = 0; i < rq->nteachers; i++)
			st->treq_start[rq->teachers[i] + 2]++;
	}
	/* Counting sort into CSR lists: after the prefix sums, start[x + 1] is
	 * the fill position of x and ends as the end of x's list. */
	for (size_t h = 0; h < st->H; h++)
		st->hreq_start[h + 2] += st->hreq_start[h + 1];
	for (size_t t = 0; t < st->T; t++)
		st->treq_start[t + 2] += st->treq_start[t + 1];
	for (size_t r = 0; r < st->R; r++) {
		const cf_request *rq = &c->requests[r];
		st->hreq[st->hreq_start[rq->household + 1]++] = (int32_t)r;
		for (size_t i = 0; i < rq->nteachers; i++)
			st->treq[st->treq_start[rq->teachers[i] + 1]++] = (int32_t)r;
	}
	return 0;
}

int64_t triad__cf_state_cost(const cf_state *st)
{
	const int64_t *w = st->w;
	return st->unsched_w * w[TRIAD_CONFERENCE_SETTING_WEIGHT_UNSCHEDULED] +
	       st->extra * w[TRIAD_CONFERENCE_SETTING_WEIGHT_EXTRA_SESSION] +
	       st->wait * w[TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT] +
	       st->idle * w[TRIAD_CONFERENCE_SETTING_WEIGHT_IDLE] +
	       st->pref * w[TRIAD_CONFERENCE_SETTING_WEIGHT_PREFERENCE] +
	       st->moved * w[TRIAD_CONFERENCE_SETTING_MOVE_PENALTY];
}

static bool pref_miss(const triad_conference *c, int pref, size_t s, int32_t p)
{
	bool early = p < (c->sessions[s].slots + 1) / 2;
	return (pref == TRIAD_CONFERENCE_PREFER_EARLY && !early) ||
	       (pref == TRIAD_CONFERENCE_PREFER_LATE && early);
}

/* The insertion test and cost change of r at global slot g. known_free:
 * the caller has checked that the household and every teacher are
 * available and free at [g, g + len) (the free bitmaps of triad__cf_best). */
static inline int eval_at(const cf_state *st, size_t r, int32_t g, int64_t *delta, bool known_free)
{
	const triad_conference *c = st->c;
	const cf_request *rq = &c->requests[r];
	size_t G = (size_t)st->G, S = (size_t)st->S;
	int32_t s = st->gsess[g];
	const cf_session *se = &c->sessions[s];
	int32_t p = g - se->offset, L = rq->slots, off = se->offset, end = off + se->slots;
	if (p + L > se->slots)
		return CF_FIT_RANGE;
	if (rq->pin_session >= 0 && (rq->pin_session != s || rq->pin_slot != p))
		return CF_FIT_RANGE;
	size_t h = (size_t)rq->household;
	const int32_t *hrow = st->hocc + h * G;
	if (!known_free) {
		const uint8_t *harow = c->havail + h * G;
		for (int32_t k = g; k < g + L; k++)
			if (!harow[k])
				return CF_FIT_UNAVAILABLE;
		for (size_t i = 0; i < rq->nteachers; i++) {
			const uint8_t *tarow = c->tavail + (size_t)rq->teachers[i] * G;
			for (int32_t k = g; k < g + L; k++)
				if (!tarow[k])
					return CF_FIT_UNAVAILABLE;
		}
		for (int32_t k = g; k < g + L; k++)
			if (hrow[k] >= 0)
				return CF_FIT_BUSY;
		for (size_t i = 0; i < rq->nteachers; i++) {
			const int32_t *trow = st->tocc + (size_t)rq->teachers[i] * G;
			for (int32_t k = g; k < g + L; k++)
				if (trow[k] >= 0)
					return CF_FIT_BUSY;
		}
	}
	size_t hs_i = h * S + (size_t)s;
	if (st->hcnt[hs_i] == 0 && st->hmaxs[h] > 0 && st->hsess[h] >= st->hmaxs[h])
		return CF_FIT_SESSION_CAP;
	for (size_t i = 0; i < rq->nteachers; i++) {
		size_t t = (size_t)rq->teachers[i];
		int32_t cap = st->tcap[t * S + (size_t)s];
		if (cap > 0 && st->tcnt[t * S + (size_t)s] >= cap)
			return CF_FIT_TEACHER_CAP;
		int32_t K = st->tbreak[t];
		if (K > 0) {
			const int32_t *trow = st->tocc + t * G;
			int32_t run = L;
			for (int32_t k = g - 1; k >= off && trow[k] >= 0; k--)
				run++;
			for (int32_t k = g + L; k < end && trow[k] >= 0; k++)
				run++;
			if (run > K)
				return CF_FIT_NO_BREAK;
		}
	}
	const cf_pspan *hs = &st->hsp[hs_i];
	int32_t nf = p, nl = p + L;
	if (hs->busy) {
		nf = hs->first < p ? hs->first : p;
		nl = hs->last > p + L ? hs->last : p + L;
	}
	int32_t nwait = nl - nf - (hs->busy + L);
	int32_t maxw = st->hmaxw[h];
	if (maxw > 0 && nwait > maxw)
		return CF_FIT_WAIT_CAP;
	int32_t W = (int32_t)st->w[TRIAD_CONFERENCE_SETTING_WALKING_GAP];
	if (W > 0) {
		int32_t myroom = st->room[r * S + (size_t)s];
		int32_t a = g - W < off ? off : g - W, b = g + L + W > end ? end : g + L + W;
		for (int32_t k = a; k < b; k++) {
			if (k == g) {
				k = g + L - 1;
				continue;
			}
			int32_t r2 = hrow[k];
			if (r2 >= 0 && st->room[(size_t)r2 * S + (size_t)s] != myroom)
				return CF_FIT_WALKING;
		}
	}
	const int64_t *w = st->w;
	int64_t d = -st->weight[r] * w[TRIAD_CONFERENCE_SETTING_WEIGHT_UNSCHEDULED];
	d += (int64_t)(nwait - hs->term) * w[TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT];
	if (st->hcnt[hs_i] == 0 && st->hsess[h] >= 1)
		d += w[TRIAD_CONFERENCE_SETTING_WEIGHT_EXTRA_SESSION];
	const int32_t *bp = se->break_pre;
	for (size_t i = 0; i < rq->nteachers; i++) {
		const cf_pspan *ts = &st->tsp[(size_t)rq->teachers[i] * S + (size_t)s];
		int32_t tf = p, tl = p + L;
		if (ts->busy) {
			tf = ts->first < p ? ts->first : p;
			tl = ts->last > p + L ? ts->last : p + L;
		}
		int32_t idle = tl - tf - (ts->busy + L) - (bp[tl] - bp[tf]);
		d += (int64_t)(idle - ts->term) * w[TRIAD_CONFERENCE_SETTING_WEIGHT_IDLE];
	}
	if (pref_miss(c, c->households[h].preference, (size_t)s, p))
		d += w[TRIAD_CONFERENCE_SETTING_WEIGHT_PREFERENCE];
	if (st->prev && st->prev[r] >= 0 && st->prev[r] == g)
		d -= w[TRIAD_CONFERENCE_SETTING_MOVE_PENALTY];
	*delta = d;
	return CF_FIT_OK;
}

int triad__cf_eval(const cf_state *st, size_t r, int32_t g, int64_t *delta)
{
	return eval_at(st, r, g, delta, false);
}

/* Update the span of one person in one session after adding (dir > 0) or
 * removing the meeting [p, p + len). Adding extends the span; removing
 * rescans the row only when the meeting was at an end of the span. */
static void respan(cf_pspan *sp, const int32_t *row, const cf_session *se, bool teacher,
                   int32_t p, int32_t len, int dir)
{
	if (dir > 0) {
		if (sp->busy == 0) {
			sp->first = p;
			sp->last = p + len;
		} else {
			sp->first = p < sp->first ? p : sp->first;
			sp->last = p + len > sp->last ? p + len : sp->last;
		}
		sp->busy += len;
	} else {
		sp->busy -= len;
		if (sp->busy == 0) {
			sp->first = sp->last = 0;
		} else if (p == sp->first || p + len == sp->last) {
			int32_t first = -1, last = -1;
			for (int32_t k = sp->first; k < sp->last; k++)
				if (row[se->offset + k] >= 0) {
					if (first < 0)
						first = k;
					last = k + 1;
				}
			sp->first = first;
			sp->last = last;
		}
	}
	int32_t term = sp->busy ? sp->last - sp->first - sp->busy : 0;
	if (teacher && sp->busy)
		term -= se->break_pre[sp->last] - se->break_pre[sp->first];
	sp->term = term;
}

static void place(cf_state *st, size_t r, int32_t g, int32_t val)
{
	const triad_conference *c = st->c;
	const cf_request *rq = &c->requests[r];
	size_t G = (size_t)st->G, S = (size_t)st->S;
	int32_t s = st->gsess[g];
	const cf_session *se = &c->sessions[s];
	size_t h = (size_t)rq->household;
	int dir = val >= 0 ? 1 : -1;
	size_t W = st->words;
	for (int32_t k = g; k < g + rq->slots; k++) {
		uint64_t bit = (uint64_t)1 << (k % 64);
		st->hocc[h * G + (size_t)k] = val;
		if (dir > 0)
			st->hfree[h * W + (size_t)k / 64] &= ~bit;
		else
			st->hfree[h * W + (size_t)k / 64] |= bit;
	}
	cf_pspan *hs = &st->hsp[h * S + (size_t)s];
	st->wait -= hs->term;
	respan(hs, st->hocc + h * G, se, false, g - se->offset, rq->slots, dir);
	st->wait += hs->term;
	int32_t *hc = &st->hcnt[h * S + (size_t)s];
	if (dir > 0 && (*hc)++ == 0) {
		if (st->hsess[h]++ >= 1)
			st->extra++;
	} else if (dir < 0 && --(*hc) == 0) {
		if (--st->hsess[h] >= 1)
			st->extra--;
	}
	for (size_t i = 0; i < rq->nteachers; i++) {
		size_t t = (size_t)rq->teachers[i];
		for (int32_t k = g; k < g + rq->slots; k++) {
			uint64_t bit = (uint64_t)1 << (k % 64);
			st->tocc[t * G + (size_t)k] = val;
			if (dir > 0)
				st->tfree[t * W + (size_t)k / 64] &= ~bit;
			else
				st->tfree[t * W + (size_t)k / 64] |= bit;
		}
		cf_pspan *ts = &st->tsp[t * S + (size_t)s];
		st->idle -= ts->term;
		respan(ts, st->tocc + t * G, se, true, g - se->offset, rq->slots, dir);
		st->idle += ts->term;
		st->tcnt[t * S + (size_t)s] += dir;
	}
	if (pref_miss(c, c->households[h].preference, (size_t)s, g - se->offset))
		st->pref += dir;
	st->unsched_w -= dir * st->weight[r];
	if (st->prev && st->prev[r] >= 0 && st->prev[r] == g)
		st->moved -= dir;
}

void triad__cf_assign(cf_state *st, size_t r, int32_t g)
{
	st->start[r] = g;
	place(st, r, g, (int32_t)r);
}

void triad__cf_unassign(cf_state *st, size_t r)
{
	int32_t g = st->start[r];
	if (g < 0)
		return;
	place(st, r, g, -1);
	st->start[r] = -1;
}

/* Global slots where r's household and every teacher are free and
 * available, as a bitmap of st->words words. */
static void free_mask(const cf_state *st, size_t r, uint64_t *mask)
{
	const cf_request *rq = &st->c->requests[r];
	size_t W = st->words;
	const uint64_t *hrow = st->hfree + (size_t)rq->household * W;
	for (size_t w = 0; w < W; w++) {
		uint64_t m = hrow[w];
		for (size_t i = 0; i < rq->nteachers && m; i++)
			m &= st->tfree[(size_t)rq->teachers[i] * W + w];
		mask[w] = m;
	}
}

/* Whether the whole run [g, g + len) is set in the mask (eval_at checks
 * the session end). */
static bool run_free(const cf_state *st, const uint64_t *mask, int32_t g, int32_t len)
{
	for (int32_t k = g + 1; k < g + len; k++)
		if (k >= st->G || !((mask[(size_t)k / 64] >> (k % 64)) & 1))
			return false;
	return true;
}

#define MASK_WORDS ((CF_MAX_SLOTS * CF_MAX_SESSIONS + 63) / 64 + 1)

/* The places where request r fits now, in slot order: the free bitmap of
 * its household and teachers, then the insertion test on each start. */
typedef struct place_iter {
	const cf_state *st;
	size_t r, w;
	uint64_t m;
	uint64_t mask[MASK_WORDS];
} place_iter;

static void places_begin(place_iter *it, const cf_state *st, size_t r)
{
	it->st = st;
	it->r = r;
	free_mask(st, r, it->mask);
	it->w = 0;
	it->m = st->words ? it->mask[0] : 0;
}

/* The next place: true with its global slot and cost change, false at the end. */
static bool places_next(place_iter *it, int32_t *g, int64_t *delta)
{
	const cf_state *st = it->st;
	int32_t len = st->c->requests[it->r].slots;
	for (;;) {
		while (!it->m) {
			if (++it->w >= st->words)
				return false;
			it->m = it->mask[it->w];
		}
		int b = __builtin_ctzll(it->m);
		it->m &= it->m - 1;
		*g = (int32_t)(it->w * 64 + (size_t)b);
		if (len > 1 && !run_free(st, it->mask, *g, len))
			continue;
		if (eval_at(st, it->r, *g, delta, true) == CF_FIT_OK)
			return true;
	}
}

int32_t triad__cf_best(const cf_state *st, size_t r, int64_t *best, int64_t *second,
                       cf_rng *rng, int64_t noise)
{
	int64_t b1 = INT64_MAX, b2 = INT64_MAX, d;
	int32_t arg = -1, g;
	place_iter it;
	places_begin(&it, st, r);
	while (places_next(&it, &g, &d)) {
		if (noise > 0)
			d += (int64_t)triad__cf_rng_below(rng, (uint32_t)noise);
		if (d < b1) {
			b2 = b1;
			b1 = d;
			arg = g;
		} else if (d < b2) {
			b2 = d;
		}
	}
	*best = b1;
	*second = b2;
	return arg;
}

size_t triad__cf_places(const cf_state *st, size_t r, int32_t *g_out, int64_t *d_out)
{
	size_t n = 0;
	place_iter it;
	places_begin(&it, st, r);
	while (places_next(&it, &g_out[n], &d_out[n]))
		n++;
	return n;
}

void triad__cf_fix_wait(cf_state *st, size_t h, int32_t s, int32_t *dropped, size_t *ndropped)
{
	int32_t cap = st->hmaxw[h];
	if (cap <= 0)
		return;
	size_t S = (size_t)st->S, G = (size_t)st->G;
	const cf_session *se = &st->c->sessions[s];
	for (;;) {
		const cf_pspan *hs = &st->hsp[h * S + (size_t)s];
		if (hs->busy == 0 || hs->term <= cap)
			return;
		int32_t a = st->hocc[h * G + (size_t)(se->offset + hs->first)];
		int32_t b = st->hocc[h * G + (size_t)(se->offset + hs->last - 1)];
		bool pa = st->c->requests[a].pin_session >= 0, pb = st->c->requests[b].pin_session >= 0;
		int32_t drop;
		if (pa && pb)
			return; /* pins alone are checked against the cap when placed */
		else if (pa)
			drop = b;
		else if (pb)
			drop = a;
		else
			drop = st->weight[a] < st->weight[b] ? a : b;
		triad__cf_unassign(st, (size_t)drop);
		if (dropped)
			dropped[(*ndropped)++] = drop;
	}
}

/* ---- the constructive schedule ----------------------------------------- */

typedef struct order_key {
	int32_t r, h, flex, routed;
	int64_t w;
	double hard;
} order_key;

static int order_cmp(const void *a, const void *b)
{
	const order_key *x = a, *y = b;
	if (x->routed != y->routed)
		return x->routed > y->routed ? -1 : 1;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	if (x->hard != y->hard)
		return x->hard > y->hard ? -1 : 1;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	if (x->flex != y->flex)
		return x->flex < y->flex ? -1 : 1;
	return (x->r > y->r) - (x->r < y->r);
}

int triad__cf_construct(cf_state *st, uint8_t *pin_conflict, const uint8_t *routed)
{
	const triad_conference *c = st->c;
	int64_t d;
	/* Pins first, in request order. */
	for (size_t r = 0; r < st->R; r++) {
		const cf_request *rq = &c->requests[r];
		if (rq->pin_session < 0)
			continue;
		int32_t g = c->sessions[rq->pin_session].offset + rq->pin_slot;
		if (triad__cf_eval(st, r, g, &d) == CF_FIT_OK)
			triad__cf_assign(st, r, g);
		else
			pin_conflict[r] = 1;
	}
	/* Then what the previous schedule had, where it still fits. */
	if (st->prev)
		for (size_t r = 0; r < st->R; r++)
			if (st->start[r] < 0 && !pin_conflict[r] && st->prev[r] >= 0 &&
			    triad__cf_eval(st, r, st->prev[r], &d) == CF_FIT_OK)
				triad__cf_assign(st, r, st->prev[r]);
	/* The rest: what the bound's relaxation could meet first (it picked the
	 * heaviest requests per slot of every overloaded teacher); then heavier
	 * priorities first; within one, hard households first
	 * (much to meet in little available time), a household's requests
	 * together (so that they form a block), the least flexible first. */
	order_key *keys = triad__reallocarray(NULL, st->R ? st->R : 1, sizeof *keys);
	double *hard = triad__calloc(st->H + 1, sizeof *hard);
	if (!keys || !hard) {
		triad__free(keys);
		triad__free(hard);
		return triad__nomem();
	}
	size_t G = (size_t)st->G;
	for (size_t h = 0; h < st->H; h++) {
		int32_t avail = 0, need = 0;
		for (size_t k = 0; k < G; k++)
			avail += c->havail[h * G + k];
		for (int32_t i = st->hreq_start[h]; i < st->hreq_start[h + 1]; i++)
			need += c->requests[st->hreq[i]].slots;
		hard[h] = (double)need / (double)(avail ? avail : 1);
	}
	size_t n = 0;
	for (size_t r = 0; r < st->R; r++) {
		if (st->start[r] >= 0 || pin_conflict[r])
			continue;
		const cf_request *rq = &c->requests[r];
		int32_t flex = 0;
		for (size_t s = 0; s < c->nsessions; s++)
			for (int32_t p = 0; p < c->sessions[s].slots; p++)
				flex += triad__cf_fits(c, r, s, p);
		keys[n].r = (int32_t)r;
		keys[n].h = rq->household;
		keys[n].flex = flex;
		keys[n].routed = routed ? routed[r] : 0;
		keys[n].w = st->weight[r];
		keys[n].hard = hard[rq->household];
		n++;
	}
	qsort(keys, n, sizeof *keys, order_cmp);
	for (size_t i = 0; i < n; i++) {
		int64_t b1, b2;
		int32_t g = triad__cf_best(st, (size_t)keys[i].r, &b1, &b2, NULL, 0);
		if (g >= 0)
			triad__cf_assign(st, (size_t)keys[i].r, g);
	}
	triad__free(keys);
	triad__free(hard);
	return 0;
}
