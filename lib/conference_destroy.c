/*
 * The destroy operators of the local search (conference_search.c): each
 * removes a set of meetings into the repair pool. Random requests, whole
 * households, the households that wait longest, a teacher's time window
 * with the households in it, a slot window over related teachers, the
 * blockers of an unscheduled request, a household's sessions; and the
 * teacher matching (conference_match.c), which reassigns a teacher's
 * single-slot meetings itself and leaves the rest to the repair.
 */
#include <stdlib.h>
#include <string.h>

#include "conference_search_private.h"

/* Add up to two of teacher t's unscheduled requests (random ones) to the
 * pool: a meeting of t just left, and its place is worth most to the
 * requests that wait for t (a joint or double meeting given up for
 * single ones, say). Two, not all: larger pools lose the repair's focus. */
static void pool_waiting(search *se, int32_t t)
{
	const cf_state *st = se->st;
	int32_t cnt = 0, pick[2] = { -1, -1 };
	const int32_t *list = se->tu + st->treq_start[t];
	for (int32_t i = 0; i < se->tu_n[t]; i++) {
		int32_t r = list[i];
		/* the list is the accepted schedule's: this iteration may have
		 * placed r already */
		if (st->start[r] >= 0 || se->inpool[r])
			continue;
		cnt++;
		for (int j = 0; j < 2; j++)
			if (triad__cf_rng_below(&se->rng, (uint32_t)cnt) == 0)
				pick[j] = r;
	}
	for (int j = 0; j < 2; j++)
		if (pick[j] >= 0)
			pool_add(se, pick[j]);
}

/* Remove a meeting into the pool, with a few requests waiting for its
 * teachers. */
static void take(search *se, int32_t r)
{
	if (se->st->start[r] < 0 || pinned(se, r))
		return;
	log_req(se, r);
	triad__cf_unassign(se->st, (size_t)r);
	pool_add(se, r);
	const cf_request *rq = &se->st->c->requests[r];
	for (size_t k = 0; k < rq->nteachers; k++)
		pool_waiting(se, rq->teachers[k]);
}

static void take_household(search *se, int32_t h, int32_t session)
{
	cf_state *st = se->st;
	for (int32_t i = st->hreq_start[h]; i < st->hreq_start[h + 1]; i++) {
		int32_t r = st->hreq[i];
		if (st->start[r] < 0)
			pool_add(se, r);
		else if (session < 0 || st->gsess[st->start[r]] == session)
			take(se, r);
	}
}

static int64_t household_wait(const cf_state *st, int32_t h)
{
	int64_t w = 0;
	for (int32_t s = 0; s < st->S; s++)
		w += st->hsp[(size_t)h * (size_t)st->S + (size_t)s].term;
	return w;
}

/* Whether the teacher-matching move may reassign r: it meets teacher t
 * alone for one slot and is free to move. */
static bool matchable(const search *se, int32_t r, size_t t)
{
	const cf_request *rq = &se->st->c->requests[r];
	return rq->nteachers == 1 && (size_t)rq->teachers[0] == t && rq->slots == 1 &&
	       rq->pin_session < 0 && !se->pin_conflict[r];
}

/* Whether the teacher matching could place the unscheduled request u: it
 * is matchable and some slot has its household free and available and its
 * teacher available and free or meeting a request the matching may move
 * (caps and the rest are left to the matching). */
static bool match_hope(const search *se, int32_t u)
{
	const cf_state *st = se->st;
	const triad_conference *c = st->c;
	const cf_request *rq = &c->requests[u];
	size_t t = (size_t)rq->teachers[0], h = (size_t)rq->household, G = (size_t)st->G;
	if (!matchable(se, u, t))
		return false;
	for (size_t g = 0; g < G; g++) {
		if (!c->havail[h * G + g] || st->hocc[h * G + g] >= 0 || !c->tavail[t * G + g])
			continue;
		int32_t r = st->tocc[t * G + g];
		if (r < 0 || matchable(se, r, t))
			return true;
	}
	return false;
}

/* Teacher matching (conference_match.c): the teacher of an unscheduled
 * request the matching could place, all its single-slot meetings
 * reassigned at once; what the matching leaves out or what no longer fits
 * when placed goes to the repair, with the teacher's other unscheduled
 * requests. Returns false when a few tries found no such request. */
static bool match_teacher(search *se)
{
	cf_state *st = se->st;
	const triad_conference *c = st->c;
	int32_t u = -1;
	if (se->match.max_req == 0)
		return false; /* left out for this instance (conference_match.c) */
	for (int k = 0; k < 4 && se->nuns && u < 0; k++) {
		int32_t v = se->uns[triad__cf_rng_below(&se->rng, (uint32_t)se->nuns)];
		if (match_hope(se, v))
			u = v;
	}
	if (u < 0)
		return false;
	size_t t = (size_t)c->requests[u].teachers[0], n = 0;
	for (int32_t i = st->treq_start[t]; i < st->treq_start[t + 1]; i++) {
		int32_t r = st->treq[i];
		if (matchable(se, r, t)) {
			se->mreq[n++] = r;
			log_req(se, r);
			triad__cf_unassign(st, (size_t)r);
		} else if (st->start[r] < 0) {
			pool_add(se, r);
		}
	}
	/* A random order: ties between equal assignments fall differently. */
	for (size_t i = n; i > 1; i--) {
		size_t j = triad__cf_rng_below(&se->rng, (uint32_t)i);
		int32_t x = se->mreq[i - 1];
		se->mreq[i - 1] = se->mreq[j];
		se->mreq[j] = x;
	}
	for (size_t i = 0; i < n; i++)
		se->mcur[i] = se->log_g[se->logpos[se->mreq[i]]];
	triad__cf_match_solve(&se->match, st, t, se->mreq, se->mcur, n, se->mout);
	/* Only a matching that meets more weight replaces the teacher's
	 * meetings: one that merely shuffles them for less waiting would, at
	 * this size of move, pull the search away from the schedules where
	 * the next request fits (it did so in the benchmarks). */
	int64_t wb = 0, wa = 0;
	for (size_t i = 0; i < n; i++) {
		int32_t r = se->mreq[i];
		wb += se->mcur[i] >= 0 ? st->weight[r] : 0;
		wa += se->mout[i] >= 0 ? st->weight[r] : 0;
	}
	if (wa <= wb)
		memcpy(se->mout, se->mcur, n * sizeof *se->mout);
	for (size_t i = 0; i < n; i++) {
		int64_t d;
		int32_t r = se->mreq[i];
		if (se->mout[i] >= 0 && triad__cf_eval(st, (size_t)r, se->mout[i], &d) == CF_FIT_OK)
			triad__cf_assign(st, (size_t)r, se->mout[i]);
		else
			pool_add(se, r);
	}
	return true;
}

/* A household the session move may help: it attends more than one
 * session, or it is at its cap on sessions with a request unscheduled.
 * The first from a random household on; -1 when there is none. */
static int32_t session_candidate(search *se)
{
	const cf_state *st = se->st;
	uint32_t H = (uint32_t)st->H, start = triad__cf_rng_below(&se->rng, H);
	for (uint32_t k = 0; k < H; k++) {
		int32_t h = (int32_t)((start + k) % H);
		if (st->hsess[h] >= 2)
			return h;
		if (st->hmaxs[h] == 0 || st->hsess[h] < st->hmaxs[h])
			continue;
		for (int32_t i = st->hreq_start[h]; i < st->hreq_start[h + 1]; i++)
			if (se->uns_pos[st->hreq[i]] >= 0)
				return h;
	}
	return -1;
}

/* Household sessions: all meetings of a household that attends two
 * sessions (or that its cap on sessions keeps from a request) leave, and
 * in one session it is available in, each of its requests gets the place
 * whose meetings in the way weigh least freed (with the other meetings of
 * their households in that session, so that they can move); the repair
 * then puts the household back, together in that session where it can (a
 * second session costs an extra-session penalty), and re-places the rest.
 * Returns false when no household qualifies. */
static bool household_session(search *se)
{
	cf_state *st = se->st;
	const triad_conference *c = st->c;
	size_t G = (size_t)st->G;
	int32_t h = session_candidate(se);
	if (h < 0)
		return false;
	int32_t avail[CF_MAX_SESSIONS], na = 0;
	for (size_t s = 0; s < c->nsessions; s++)
		for (int32_t p = 0; p < c->sessions[s].slots; p++)
			if (c->havail[(size_t)h * G + (size_t)(c->sessions[s].offset + p)]) {
				avail[na++] = (int32_t)s;
				break;
			}
	if (na == 0)
		return false;
	int32_t s = avail[triad__cf_rng_below(&se->rng, (uint32_t)na)];
	const cf_session *ss = &c->sessions[s];
	take_household(se, h, -1);
	for (int32_t i = st->hreq_start[h]; i < st->hreq_start[h + 1]; i++) {
		int32_t r = st->hreq[i];
		const cf_request *rq = &c->requests[r];
		if (rq->pin_session >= 0 || se->pin_conflict[r])
			continue;
		int32_t cnt = 0, pick = -1;
		int64_t pick_w = INT64_MAX;
		for (int32_t p = 0; p + rq->slots <= ss->slots; p++) {
			if (!triad__cf_fits(c, (size_t)r, (size_t)s, p))
				continue;
			int64_t bw = 0;
			int32_t g0 = ss->offset + p;
			for (int32_t k = g0; k < g0 + rq->slots; k++)
				for (size_t x = 0; x < rq->nteachers; x++) {
					int32_t b = st->tocc[(size_t)rq->teachers[x] * G + (size_t)k];
					if (b >= 0)
						bw += pinned(se, b) ? INT32_MAX : st->weight[b];
				}
			if (bw < pick_w) {
				pick_w = bw;
				cnt = 0;
			}
			if (bw == pick_w && triad__cf_rng_below(&se->rng, (uint32_t)++cnt) == 0)
				pick = g0;
		}
		if (pick < 0)
			continue;
		for (int32_t k = pick; k < pick + rq->slots; k++)
			for (size_t x = 0; x < rq->nteachers; x++) {
				int32_t b = st->tocc[(size_t)rq->teachers[x] * G + (size_t)k];
				if (b >= 0)
					take_household(se, c->requests[b].household, s);
			}
	}
	return true;
}

void triad__cf_destroy(search *se, int op, size_t q)
{
	cf_state *st = se->st;
	const triad_conference *c = st->c;
	uint32_t R = (uint32_t)st->R, H = (uint32_t)st->H, T = (uint32_t)st->T;
	size_t G = (size_t)st->G;
	if (op == OP_MATCH && match_teacher(se))
		op = OP_COUNT; /* done */
	else if (op == OP_MATCH)
		op = OP_BLOCKERS; /* nothing the matching could place */
	if (op == OP_SESSION && household_session(se))
		op = OP_COUNT; /* done */
	else if (op == OP_SESSION)
		op = OP_HOUSEHOLDS;
	if (op == OP_BLOCKERS && se->nuns == 0)
		op = OP_HOUSEHOLDS;
	switch (op) {
	case OP_RANDOM:
		for (size_t k = 0; k < 4 * q && se->npool < q; k++)
			take(se, (int32_t)triad__cf_rng_below(&se->rng, R));
		break;
	case OP_HOUSEHOLDS:
		for (size_t k = 0; k < 4 * q && se->npool < q; k++)
			take_household(se, (int32_t)triad__cf_rng_below(&se->rng, H), -1);
		break;
	case OP_WORST:
		for (size_t k = 0; k < 4 * q && se->npool < q; k++) {
			int32_t bh = (int32_t)triad__cf_rng_below(&se->rng, H);
			int64_t bw = household_wait(st, bh);
			for (int j = 0; j < 6; j++) {
				int32_t h = (int32_t)triad__cf_rng_below(&se->rng, H);
				int64_t w = household_wait(st, h);
				if (w > bw) {
					bw = w;
					bh = h;
				}
			}
			take_household(se, bh, -1);
		}
		break;
	case OP_TEACHER: {
		for (int tries = 0; tries < 4 && se->npool < q / 2 + 1; tries++) {
			size_t t = triad__cf_rng_below(&se->rng, T);
			int32_t s = (int32_t)triad__cf_rng_below(&se->rng, (uint32_t)st->S);
			const cf_session *ss = &c->sessions[s];
			int32_t w = 3 + (int32_t)triad__cf_rng_below(&se->rng, 6);
			int32_t a = (int32_t)triad__cf_rng_below(&se->rng, (uint32_t)ss->slots);
			for (int32_t k = a; k < a + w && k < ss->slots; k++) {
				int32_t r = st->tocc[t * G + (size_t)(ss->offset + k)];
				if (r >= 0 && !pinned(se, r))
					take_household(se, c->requests[r].household, s);
			}
		}
		break;
	}
	case OP_WINDOW: {
		size_t t = triad__cf_rng_below(&se->rng, T);
		int32_t s = (int32_t)triad__cf_rng_below(&se->rng, (uint32_t)st->S);
		const cf_session *ss = &c->sessions[s];
		int32_t a = (int32_t)triad__cf_rng_below(&se->rng, (uint32_t)ss->slots);
		int32_t w = 1 + (int32_t)triad__cf_rng_below(&se->rng, 2);
		/* t and the teachers of t's households, in the window. */
		for (int32_t i = st->treq_start[t]; i < st->treq_start[t + 1] && se->npool < 2 * q; i++) {
			const cf_request *rq = &c->requests[st->treq[i]];
			for (int32_t j = st->hreq_start[rq->household];
			     j < st->hreq_start[rq->household + 1]; j++) {
				const cf_request *r2 = &c->requests[st->hreq[j]];
				for (size_t x = 0; x < r2->nteachers; x++)
					for (int32_t k = a; k < a + w && k < ss->slots; k++) {
						int32_t r = st->tocc[(size_t)r2->teachers[x] * G +
						                     (size_t)(ss->offset + k)];
						if (r >= 0)
							take(se, r);
					}
			}
		}
		break;
	}
	case OP_BLOCKERS: {
		/* The heaviest (per slot) of a few unscheduled requests ... */
		int32_t u = se->uns[triad__cf_rng_below(&se->rng, (uint32_t)se->nuns)];
		for (int k = 0; k < 3; k++) {
			int32_t v = se->uns[triad__cf_rng_below(&se->rng, (uint32_t)se->nuns)];
			/* what the bound could meet first, then weight per slot */
			if (se->routed[v] != se->routed[u]) {
				if (se->routed[v])
					u = v;
			} else if (st->weight[v] * c->requests[u].slots > st->weight[u] * c->requests[v].slots) {
				u = v;
			}
		}
		const cf_request *rq = &c->requests[u];
		/* ... and the place where it fits the instance whose blockers weigh
		 * least (random among equals): free it. */
		int32_t cnt = 0, pick_s = -1, pick_p = -1;
		int64_t pick_w = INT64_MAX;
		for (size_t s = 0; s < c->nsessions; s++)
			for (int32_t p = 0; p + rq->slots <= c->sessions[s].slots; p++) {
				if (!triad__cf_fits(c, (size_t)u, s, p) ||
				    (rq->pin_session >= 0 &&
				     (rq->pin_session != (int32_t)s || rq->pin_slot != p)))
					continue;
				int64_t bw = 0;
				int32_t g0 = c->sessions[s].offset + p;
				for (int32_t k = g0; k < g0 + rq->slots; k++) {
					int32_t r = st->hocc[(size_t)rq->household * G + (size_t)k];
					if (r >= 0)
						bw += pinned(se, r) ? INT32_MAX : st->weight[r];
					for (size_t x = 0; x < rq->nteachers; x++) {
						r = st->tocc[(size_t)rq->teachers[x] * G + (size_t)k];
						if (r >= 0)
							bw += pinned(se, r) ? INT32_MAX : st->weight[r];
					}
				}
				if (bw < pick_w) {
					pick_w = bw;
					cnt = 0;
				}
				if (bw == pick_w && triad__cf_rng_below(&se->rng, (uint32_t)++cnt) == 0) {
					pick_s = (int32_t)s;
					pick_p = p;
				}
			}
		pool_add(se, u);
		if (pick_s < 0)
			break;
		int32_t g0 = c->sessions[pick_s].offset + pick_p;
		for (int32_t k = g0; k < g0 + rq->slots; k++) {
			int32_t r = st->hocc[(size_t)rq->household * G + (size_t)k];
			if (r >= 0)
				take(se, r);
			for (size_t x = 0; x < rq->nteachers; x++) {
				r = st->tocc[(size_t)rq->teachers[x] * G + (size_t)k];
				if (r >= 0)
					take_household(se, c->requests[r].household, pick_s);
			}
		}
		take_household(se, rq->household, pick_s);
		break;
	}
	}
	/* A few unscheduled requests join every repair. */
	for (int k = 0; k < 3 && se->nuns; k++)
		pool_add(se, se->uns[triad__cf_rng_below(&se->rng, (uint32_t)se->nuns)]);
}
