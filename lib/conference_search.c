/*
 * The solver: bound, constructive schedule, then adaptive large
 * neighbourhood search (destroy and repair) with late acceptance.
 *
 * Each iteration removes a set of meetings chosen by one of seven destroy
 * operators (random requests, whole households, the households that wait
 * longest, a teacher's time window with the households in it, a slot
 * window over related teachers, the blockers of an unscheduled request, a
 * household's sessions: one on two evenings, or kept from a request by its
 * cap on sessions, gets places freed in one evening), then reinserts
 * greedily by regret (the request whose best place is most better than its
 * second best first; a request with one place left goes first). A meeting
 * that leaves brings two unscheduled requests of each of its teachers (at
 * random) into the repair: they can use its place. One iteration in
 * MATCH_EVERY is instead a teacher matching (conference_match.c): all
 * single-slot meetings of the teacher of an unscheduled request reassigned
 * at once by a min-cost flow, when that meets more weight than they do
 * now. Changes are logged so that a rejected iteration is undone exactly.
 * A candidate is accepted when it is no worse than the current schedule or
 * than the current schedule of LA_HISTORY iterations ago (late acceptance
 * hill climbing: integer comparisons only, no floating-point library calls
 * whose last bits could differ between machines). All randomness comes
 * from the seeded generator, so a seed and an iteration limit give the
 * same schedule on every machine; the clock is read only to stop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conference_solve_private.h"

#define LA_HISTORY 64
/* One iteration in MATCH_EVERY (on average) is a teacher matching. */
#define MATCH_EVERY 128
/* The fewest iterations by default. */
#define MIN_ITERATIONS 20000

enum {
	OP_RANDOM, OP_HOUSEHOLDS, OP_WORST, OP_TEACHER, OP_WINDOW, OP_BLOCKERS, OP_SESSION,
	OP_MATCH, /* not in the roulette: at a fixed rate */
	OP_COUNT
};

typedef struct search {
	cf_state *st;
	cf_rng rng;
	/* Undo log of the current iteration. */
	int32_t *log_r, *log_g;
	size_t nlog;
	uint8_t *logged;
	int32_t *logpos; /* [R] place of a logged request in the log */
	/* Requests waiting for repair, with cached best places. */
	int32_t *pool;
	size_t npool;
	uint8_t *inpool;
	int32_t *arg;
	int64_t *b1, *b2;
	uint32_t *stamp;  /* version_of() when arg, b1, b2 were computed */
	uint8_t *fresh;   /* computed in this repair */
	uint32_t *hver, *tver; /* change counts per household and teacher */
	/* Unscheduled requests of the current solution. */
	int32_t *uns;
	size_t nuns;
	int32_t *uns_pos;       /* [R] place in uns, -1 */
	int32_t *tu, *tu_n;     /* per teacher t: tu[treq_start[t] ..] and how many */
	double op_weight[OP_COUNT];
	const uint8_t *pin_conflict;
	const uint8_t *routed; /* the bound's guide (conference_bound.c) */
	cf_match match;
	int32_t *mreq, *mcur, *mout; /* [match.max_req] */
} search;

static void log_req(search *se, int32_t r)
{
	if (se->logged[r])
		return;
	se->logged[r] = 1;
	se->logpos[r] = (int32_t)se->nlog;
	se->log_r[se->nlog] = r;
	se->log_g[se->nlog] = se->st->start[r];
	se->nlog++;
}

static void log_clear(search *se)
{
	for (size_t i = 0; i < se->nlog; i++)
		se->logged[se->log_r[i]] = 0;
	se->nlog = 0;
}

static void undo(search *se)
{
	for (size_t i = 0; i < se->nlog; i++)
		triad__cf_unassign(se->st, (size_t)se->log_r[i]);
	for (size_t i = 0; i < se->nlog; i++)
		if (se->log_g[i] >= 0)
			triad__cf_assign(se->st, (size_t)se->log_r[i], se->log_g[i]);
	log_clear(se);
}

static bool pinned(const search *se, int32_t r)
{
	return se->st->c->requests[r].pin_session >= 0;
}

static void pool_add(search *se, int32_t r)
{
	if (se->inpool[r] || pinned(se, r))
		return;
	se->inpool[r] = 1;
	se->pool[se->npool++] = r;
}

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

static void destroy(search *se, int op, size_t q)
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

/* The change count of everyone r's insertion test reads: its household
 * and its teachers. Counts only grow, so an unchanged sum means that no
 * meeting of theirs was placed since r's best places were computed. */
static uint32_t version_of(const search *se, int32_t r)
{
	const cf_request *rq = &se->st->c->requests[r];
	uint32_t v = se->hver[rq->household];
	for (size_t i = 0; i < rq->nteachers; i++)
		v += se->tver[rq->teachers[i]];
	return v;
}

static void evaluate(search *se, size_t i, int64_t noise)
{
	int32_t r = se->pool[i];
	se->arg[i] = triad__cf_best(se->st, (size_t)r, &se->b1[i], &se->b2[i], &se->rng, noise);
	se->stamp[i] = version_of(se, r);
	se->fresh[i] = 1;
}

/* Weight per slot of a before that of b (exact, by cross products). */
static bool heavier(const cf_state *st, int32_t a, int32_t b)
{
	return st->weight[a] * st->c->requests[b].slots > st->weight[b] * st->c->requests[a].slots;
}

/* Greedy insertion of the pool: the heaviest weight per slot first and,
 * within one weight per slot, the largest regret (the request whose best
 * place is most better than its second best; a request with one place
 * left first). Placing a meeting only takes places away, so a weight class
 * that has nothing left to place stays so: the classes are done in turn,
 * and a request's places are recomputed only when its household or one of
 * its teachers got a meeting since. */
static void repair(search *se, int64_t noise)
{
	cf_state *st = se->st;
	const triad_conference *c = st->c;
	const int64_t BIG = INT64_MAX / 4;
	size_t n = se->npool;
	/* In random order, then stably by weight per slot (pools are small):
	 * ties of regret go to a random one of the class. */
	int32_t *pool = se->pool;
	for (size_t i = n; i > 1; i--) {
		size_t j = triad__cf_rng_below(&se->rng, (uint32_t)i);
		int32_t t = pool[i - 1];
		pool[i - 1] = pool[j];
		pool[j] = t;
	}
	for (size_t i = 1; i < n; i++) {
		int32_t r = pool[i];
		size_t j = i;
		for (; j > 0 && heavier(st, r, pool[j - 1]); j--)
			pool[j] = pool[j - 1];
		pool[j] = r;
	}
	for (size_t i = 0; i < n; i++)
		se->fresh[i] = 0;
	for (size_t a = 0; a < n;) {
		size_t e = a + 1;
		while (e < n && !heavier(st, pool[a], pool[e]))
			e++;
		/* [a, live): this class's requests still waiting; fresh[i] == 2
		 * marks those that cannot be placed any more. A placed request's
		 * place is taken by the class's last one (so that ties do not
		 * always favour the same end of the pool). */
		size_t live = e;
		for (;;) {
			size_t pick = SIZE_MAX;
			int64_t best_regret = -1;
			for (size_t i = a; i < live; i++) {
				if (se->fresh[i] == 2)
					continue;
				if (!se->fresh[i] || se->stamp[i] != version_of(se, pool[i]))
					evaluate(se, i, noise);
				if (se->arg[i] < 0) {
					/* Placing meetings only takes places away, except
					 * that one can close a gap under a waiting cap. */
					if (st->hmaxw[c->requests[pool[i]].household] == 0)
						se->fresh[i] = 2;
					continue;
				}
				int64_t regret = se->b2[i] == INT64_MAX ? BIG : se->b2[i] - se->b1[i];
				if (regret > best_regret) {
					best_regret = regret;
					pick = i;
				}
			}
			if (pick == SIZE_MAX)
				break;
			int32_t r = pool[pick];
			const cf_request *rq = &c->requests[r];
			log_req(se, r);
			triad__cf_assign(st, (size_t)r, se->arg[pick]);
			se->hver[rq->household]++;
			for (size_t k = 0; k < rq->nteachers; k++)
				se->tver[rq->teachers[k]]++;
			live--;
			pool[pick] = pool[live];
			se->arg[pick] = se->arg[live];
			se->b1[pick] = se->b1[live];
			se->b2[pick] = se->b2[live];
			se->stamp[pick] = se->stamp[live];
			se->fresh[pick] = se->fresh[live];
			pool[live] = r;
		}
		a = e;
	}
	for (size_t i = 0; i < n; i++)
		se->inpool[se->pool[i]] = 0;
	se->npool = 0;
}

/* Households touched in this iteration must meet their waiting caps. */
static void fix_waits(search *se)
{
	cf_state *st = se->st;
	size_t n = se->nlog;
	for (size_t i = 0; i < n; i++) {
		int32_t h = st->c->requests[se->log_r[i]].household;
		if (st->hmaxw[h] <= 0)
			continue;
		for (int32_t j = st->hreq_start[h]; j < st->hreq_start[h + 1]; j++)
			log_req(se, st->hreq[j]);
		for (int32_t s = 0; s < st->S; s++)
			triad__cf_fix_wait(st, (size_t)h, s, NULL, NULL);
	}
}

/* The unscheduled requests of the current schedule (not pinned; pins
 * that conflict never count), in all and per teacher, kept up to date as
 * iterations are accepted: in no particular order, but the same on every
 * run. */
static void uns_add(search *se, int32_t r)
{
	const cf_state *st = se->st;
	const cf_request *rq = &st->c->requests[r];
	if (se->uns_pos[r] >= 0 || se->pin_conflict[r] || rq->pin_session >= 0)
		return;
	se->uns_pos[r] = (int32_t)se->nuns;
	se->uns[se->nuns++] = r;
	for (size_t k = 0; k < rq->nteachers; k++) {
		int32_t t = rq->teachers[k];
		se->tu[st->treq_start[t] + se->tu_n[t]++] = r;
	}
}

static void uns_remove(search *se, int32_t r)
{
	const cf_state *st = se->st;
	const cf_request *rq = &st->c->requests[r];
	int32_t i = se->uns_pos[r];
	if (i < 0)
		return;
	int32_t last = se->uns[--se->nuns];
	se->uns[i] = last;
	se->uns_pos[last] = i;
	se->uns_pos[r] = -1;
	for (size_t k = 0; k < rq->nteachers; k++) {
		int32_t t = rq->teachers[k], *list = se->tu + st->treq_start[t];
		int32_t j = 0;
		while (list[j] != r)
			j++;
		list[j] = list[--se->tu_n[t]];
	}
}

static void init_uns(search *se)
{
	const cf_state *st = se->st;
	se->nuns = 0;
	for (size_t t = 0; t < st->T; t++)
		se->tu_n[t] = 0;
	for (size_t r = 0; r < st->R; r++)
		se->uns_pos[r] = -1;
	for (size_t r = 0; r < st->R; r++)
		if (st->start[r] < 0)
			uns_add(se, (int32_t)r);
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- unscheduled reasons ----------------------------------------------- */

static char *reason_text(const cf_state *st, size_t r, int *reason, bool pin_conflict)
{
	const triad_conference *c = st->c;
	const cf_request *rq = &c->requests[r];
	const cf_household *hh = &c->households[rq->household];
	char who[256];
	size_t len = (size_t)snprintf(who, sizeof who, "%s", c->teachers[rq->teachers[0]].name);
	for (size_t i = 1; i < rq->nteachers && len < sizeof who; i++)
		len += (size_t)snprintf(who + len, sizeof who - len, " and %s",
		                        c->teachers[rq->teachers[i]].name);
	char buf[640];
	if (pin_conflict) {
		*reason = TRIAD_CONFERENCE_REASON_PIN_CONFLICT;
		snprintf(buf, sizeof buf, "its pin (slot %d of session \"%s\") breaks a hard "
		         "constraint: someone is unavailable or already pinned there, or a cap is exceeded",
		         (int)rq->pin_slot, c->sessions[rq->pin_session].id);
		return triad__strdup(buf);
	}
	/* Classify: the instance leaves no place at all; every session where
	 * it fits has a teacher at the cap, or is one the household may not
	 * add; every free place would exceed the waiting cap; or the places are
	 * taken by other meetings. */
	int fits = 0, busy = 0, wcap = 0, fit_sessions = 0, cap_sessions = 0, scap_sessions = 0;
	size_t S = (size_t)st->S, h = (size_t)rq->household;
	for (size_t s = 0; s < c->nsessions; s++) {
		int here = 0;
		for (int32_t p = 0; p + rq->slots <= c->sessions[s].slots; p++) {
			if (!triad__cf_fits(c, r, s, p) ||
			    (rq->pin_session >= 0 && (rq->pin_session != (int32_t)s || rq->pin_slot != p)))
				continue;
			here++;
			int64_t d;
			int code = triad__cf_eval(st, r, c->sessions[s].offset + p, &d);
			busy += code == CF_FIT_BUSY;
			wcap += code == CF_FIT_WAIT_CAP;
		}
		if (!here)
			continue;
		fits += here;
		fit_sessions++;
		bool capped = false;
		for (size_t i = 0; i < rq->nteachers; i++) {
			int32_t cap = triad__cf_teacher_cap(c, (size_t)rq->teachers[i], s);
			capped = capped || (cap > 0 && st->tcnt[(size_t)rq->teachers[i] * S + s] >= cap);
		}
		cap_sessions += capped;
		int32_t maxs = triad__cf_max_sessions(c, h);
		scap_sessions += st->hcnt[h * S + s] == 0 && maxs > 0 && st->hsess[h] >= maxs;
	}
	int cap = fit_sessions > 0 && cap_sessions == fit_sessions;
	int scap = fit_sessions > 0 && scap_sessions == fit_sessions;
	if (!fits) {
		*reason = TRIAD_CONFERENCE_REASON_NO_COMMON_SLOT;
		snprintf(buf, sizeof buf, "there is no run of %d free slot%s in any session in which "
		         "%s and %s are all available", (int)rq->slots, rq->slots == 1 ? "" : "s",
		         hh->name, who);
	} else if (cap) {
		*reason = TRIAD_CONFERENCE_REASON_TEACHER_CAP;
		snprintf(buf, sizeof buf, "%s reached the cap on meetings in every session where "
		         "the meeting would fit", who);
	} else if (scap) {
		*reason = TRIAD_CONFERENCE_REASON_HOUSEHOLD_SESSION_CAP;
		snprintf(buf, sizeof buf, "it fits only in sessions %s cannot attend any more "
		         "(cap of %d sessions)", hh->name,
		         (int)triad__cf_max_sessions(c, (size_t)rq->household));
	} else if (wcap > 0 && wcap == fits - busy) {
		*reason = TRIAD_CONFERENCE_REASON_WAIT_CAP;
		snprintf(buf, sizeof buf, "every place would make %s wait more than %d slots",
		         hh->name, (int)triad__cf_max_wait(c, (size_t)rq->household));
	} else {
		*reason = TRIAD_CONFERENCE_REASON_NO_FREE_SLOT;
		snprintf(buf, sizeof buf, "all %d places where %s and %s are available are taken "
		         "by meetings of higher or equal priority", fits, hh->name, who);
	}
	return triad__strdup(buf);
}

/* ---- the solver -------------------------------------------------------- */

typedef struct solve_ctx {
	cf_state st;
	search se;
	int32_t *prev;
	uint8_t *pin_conflict, *routed;
	int32_t *best;
	int *reasons;
	char **messages;
	cf_place *place, *prev_place;
} solve_ctx;

static void ctx_free(solve_ctx *x)
{
	triad__cf_state_free(&x->st);
	search *se = &x->se;
	triad__free(se->log_r);
	triad__free(se->log_g);
	triad__free(se->logged);
	triad__free(se->logpos);
	triad__free(se->pool);
	triad__free(se->inpool);
	triad__free(se->arg);
	triad__free(se->b1);
	triad__free(se->b2);
	triad__free(se->stamp);
	triad__free(se->fresh);
	triad__free(se->hver);
	triad__free(se->tver);
	triad__free(se->uns);
	triad__free(se->uns_pos);
	triad__free(se->tu_n);
	triad__free(se->tu);
	triad__cf_match_free(&se->match);
	triad__free(se->mreq);
	triad__free(se->mout);
	triad__free(se->mcur);
	triad__free(x->prev);
	triad__free(x->pin_conflict);
	triad__free(x->routed);
	triad__free(x->best);
	triad__free(x->reasons);
	triad__free(x->place);
	triad__free(x->prev_place);
}

static int check_options(const triad_solve_options *o)
{
	if (o->version < 1 || o->version > TRIAD_SOLVE_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL, "solve options version %u is not supported (1..%d); "
		                  "initialise them with TRIAD_SOLVE_OPTIONS_INIT", o->version,
		                  TRIAD_SOLVE_OPTIONS_VERSION);
	if (o->max_iterations < -1)
		return triad__err(TRIAD_EINVAL, "max_iterations must be -1, 0 or positive, got %lld",
		                  (long long)o->max_iterations);
	if (!(o->time_limit_seconds >= 0) || o->time_limit_seconds > 1e7)
		return triad__err(TRIAD_EINVAL, "time_limit_seconds must lie in 0..1e7, got %g",
		                  o->time_limit_seconds);
	if (o->progress_interval < 0)
		return triad__err(TRIAD_EINVAL, "progress_interval must not be negative");
	return 0;
}

#define SALLOC(p, n) (((p) = triad__calloc((n) > 0 ? (n) : 1, sizeof *(p))) != NULL)

static int solve(triad_conference_result **out, const triad_conference *c,
                 const triad_solve_options *o, const triad_conference_result *previous,
                 solve_ctx *x)
{
	double t0 = now_seconds();
	size_t R = c->nrequests;
	int rc;
	int64_t stats[TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL + 1] = { 0 };
	stats[TRIAD_CONFERENCE_STAT_SEED] = (int64_t)(o->seed & INT64_MAX);
	if (previous) {
		if ((rc = triad__cf_result_place(&x->prev_place, c, previous, NULL)))
			return rc;
		if (!SALLOC(x->prev, R))
			return triad__nomem();
		for (size_t r = 0; r < R; r++)
			x->prev[r] = x->prev_place[r].session < 0
			                     ? -1
			                     : c->sessions[x->prev_place[r].session].offset + x->prev_place[r].slot;
	}
	bool canceled = false;
	int64_t bound;
	if (!SALLOC(x->routed, R))
		return triad__nomem();
	if ((rc = triad__cf_bound(&bound, c, x->routed)))
		return rc;
	if (o->progress && o->progress(TRIAD_SOLVE_PHASE_BOUND, -1, 0.0, o->payload))
		canceled = true;
	if ((rc = triad__cf_state_init(&x->st, c, x->prev)))
		return rc;
	cf_state *st = &x->st;
	search *se = &x->se;
	se->st = st;
	triad__cf_rng_seed(&se->rng, o->seed);
	if (!SALLOC(x->pin_conflict, R) || !SALLOC(x->best, R) || !SALLOC(se->log_r, R) ||
	    !SALLOC(se->log_g, R) || !SALLOC(se->logged, R) || !SALLOC(se->logpos, R) || !SALLOC(se->pool, R) ||
	    !SALLOC(se->inpool, R) || !SALLOC(se->arg, R) || !SALLOC(se->b1, R) ||
	    !SALLOC(se->b2, R) || !SALLOC(se->stamp, R) || !SALLOC(se->fresh, R) ||
	    !SALLOC(se->hver, st->H) || !SALLOC(se->tver, st->T) || !SALLOC(se->uns, R) ||
	    !SALLOC(se->uns_pos, R) || !SALLOC(se->tu_n, st->T) ||
	    !SALLOC(se->tu, (size_t)st->treq_start[st->T]))
		return triad__nomem();
	if ((rc = triad__cf_match_init(&se->match, st)))
		return rc;
	if (!SALLOC(se->mreq, se->match.max_req) || !SALLOC(se->mout, se->match.max_req) ||
	    !SALLOC(se->mcur, se->match.max_req))
		return triad__nomem();
	se->pin_conflict = x->pin_conflict;
	se->routed = x->routed;
	if ((rc = triad__cf_construct(st, x->pin_conflict, x->routed)))
		return rc;
	/* Bring capped households within their waiting caps. */
	for (size_t h = 0; h < st->H; h++)
		for (int32_t s = 0; s < st->S; s++)
			triad__cf_fix_wait(st, h, s, NULL, NULL);
	int64_t cur = triad__cf_state_cost(st), best = cur;
	memcpy(x->best, st->start, R * sizeof(int32_t));
	stats[TRIAD_CONFERENCE_STAT_CONSTRUCT_COST] = cur;
	if (!canceled && o->progress && o->progress(TRIAD_SOLVE_PHASE_CONSTRUCT, best, 0.0, o->payload))
		canceled = true;
	/* A lower bound on the cost: the weight no schedule can meet. */
	int64_t total_w = 0;
	for (size_t r = 0; r < R; r++)
		total_w += st->weight[r];
	int64_t lb = (total_w - bound) * st->w[TRIAD_CONFERENCE_SETTING_WEIGHT_UNSCHEDULED];
	/* The default: 400 + 15 per request, at least MIN_ITERATIONS (small
	 * instances then get some tenths of a second, where the last unit of
	 * weight and the last extra session are often found). On L (6,000
	 * requests) the weight is settled after about 50,000 iterations; the
	 * rest shortens the waiting (doc/benchmarks.md). */
	int64_t max_it = o->max_iterations == 0 ? 400 + 15 * (int64_t)R
	               : o->max_iterations < 0 ? 0 : o->max_iterations;
	if (o->max_iterations == 0 && max_it < MIN_ITERATIONS)
		max_it = MIN_ITERATIONS;
	int64_t interval = o->progress_interval > 0 ? o->progress_interval : 1000;
	int64_t it = 0, improvements = 0;
	bool time_hit = false;
	int64_t hist[LA_HISTORY];
	for (int k = 0; k < LA_HISTORY; k++)
		hist[k] = cur;
	init_uns(se);
	size_t qmax = R / 8 < 8 ? 8 : R / 8;
	if (qmax > 40)
		qmax = 40;
	for (int k = 0; k < OP_COUNT; k++)
		se->op_weight[k] = 1.0;

	while (!canceled && it < max_it && best > lb && R > 0) {
		if (o->time_limit_seconds > 0 && (it & 15) == 0 &&
		    now_seconds() - t0 >= o->time_limit_seconds) {
			time_hit = true;
			break;
		}
		double frac = (double)it / (double)max_it;
		/* Roulette over the operators' adaptive weights. */
		double sum = 0, pick;
		for (int k = 0; k < OP_MATCH; k++)
			sum += se->op_weight[k];
		pick = triad__cf_rng_unit(&se->rng) * sum;
		int op = 0;
		while (op < OP_MATCH - 1 && pick >= se->op_weight[op]) {
			pick -= se->op_weight[op];
			op++;
		}
		/* The teacher matching at a fixed rate, outside the roulette: it
		 * costs some 20 other moves, and its successes (mostly less
		 * waiting) would let the adaptive weights pick it far too often. */
		if (triad__cf_rng_below(&se->rng, MATCH_EVERY) == 0)
			op = OP_MATCH;
		size_t q = 2 + triad__cf_rng_below(&se->rng, (uint32_t)(qmax - 1));
		int64_t noise = (it & 1) ? 0 : st->w[TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT];
		destroy(se, op, q);
		repair(se, noise);
		fix_waits(se);
		int64_t cost = triad__cf_state_cost(st);
		double score = 0;
		if (cost < best) {
			best = cost;
			memcpy(x->best, st->start, R * sizeof(int32_t));
			improvements++;
			score = 3;
		}
		int64_t *h = &hist[it % LA_HISTORY];
		if (cost <= cur || cost <= *h) {
			if (cost < cur && score == 0)
				score = 1;
			cur = cost;
			/* The unscheduled lists follow what changed. */
			for (size_t i = 0; i < se->nlog; i++) {
				int32_t r = se->log_r[i];
				if (se->log_g[i] >= 0 && st->start[r] < 0)
					uns_add(se, r);
				else if (se->log_g[i] < 0 && st->start[r] >= 0)
					uns_remove(se, r);
			}
			log_clear(se);
		} else {
			undo(se);
		}
		if (cur < *h)
			*h = cur;
		if (op != OP_MATCH)
			se->op_weight[op] = 0.95 * se->op_weight[op] + 0.05 * (0.2 + score);
		it++;
		if (o->progress && it % interval == 0) {
			double f = frac;
			if (o->time_limit_seconds > 0) {
				double ft = (now_seconds() - t0) / o->time_limit_seconds;
				f = ft > f ? ft : f;
			}
			if (o->progress(TRIAD_SOLVE_PHASE_IMPROVE, best, f > 1 ? 1 : f, o->payload))
				canceled = true;
		}
	}
	/* Load the best schedule and insert whatever still fits. */
	for (size_t r = 0; r < R; r++)
		triad__cf_unassign(st, r);
	for (size_t r = 0; r < R; r++)
		if (x->best[r] >= 0)
			triad__cf_assign(st, r, x->best[r]);
	for (size_t r = 0; r < R; r++) {
		int64_t b1, b2;
		if (st->start[r] >= 0 || x->pin_conflict[r])
			continue;
		int32_t g = triad__cf_best(st, r, &b1, &b2, NULL, 0);
		if (g >= 0 && b1 < 0)
			triad__cf_assign(st, r, g);
	}
	for (size_t h = 0; h < st->H; h++)
		for (int32_t s = 0; s < st->S; s++)
			triad__cf_fix_wait(st, h, s, NULL, NULL);
	best = triad__cf_state_cost(st);
	/* The result. */
	if (!SALLOC(x->place, R) || !SALLOC(x->reasons, R) || !SALLOC(x->messages, R))
		return triad__nomem();
	for (size_t r = 0; r < R; r++) {
		if (st->start[r] < 0) {
			x->place[r].session = -1;
			if (!(x->messages[r] = reason_text(st, r, &x->reasons[r], x->pin_conflict[r])))
				return triad__nomem();
		} else {
			int32_t s = st->gsess[st->start[r]];
			x->place[r].session = s;
			x->place[r].slot = st->start[r] - c->sessions[s].offset;
		}
	}
	cf_metrics m;
	if ((rc = triad__cf_metrics(&m, c, x->place, x->prev_place, bound)))
		return rc;
	stats[TRIAD_CONFERENCE_STAT_ITERATIONS] = it;
	stats[TRIAD_CONFERENCE_STAT_IMPROVEMENTS] = improvements;
	stats[TRIAD_CONFERENCE_STAT_CANCELED] = canceled;
	stats[TRIAD_CONFERENCE_STAT_TIME_LIMIT_HIT] = time_hit;
	stats[TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL] = best <= lb;
	stats[TRIAD_CONFERENCE_STAT_ELAPSED_MS] = (int64_t)((now_seconds() - t0) * 1000.0);
	if ((rc = triad__cf_result_build(out, c, x->place, x->reasons, x->messages, &m)))
		return rc;
	memcpy((*out)->stats, stats, sizeof stats);
	if (o->progress)
		(void)o->progress(TRIAD_SOLVE_PHASE_DONE, best, 1.0, o->payload);
	return 0;
}

TRIAD_API int triad_conference_solve(triad_conference_result **out, const triad_conference *conf,
                                     const triad_solve_options *options,
                                     const triad_conference_result *previous)
{
	if (!out || !conf)
		return triad__err(TRIAD_EINVAL, "the output and the instance must not be NULL");
	triad_solve_options def = TRIAD_SOLVE_OPTIONS_INIT;
	const triad_solve_options *o = options ? options : &def;
	int rc = check_options(o);
	if (rc)
		return rc;
	solve_ctx x;
	memset(&x, 0, sizeof x);
	rc = solve(out, conf, o, previous, &x);
	if (x.messages)
		for (size_t r = 0; r < conf->nrequests; r++)
			triad__free(x.messages[r]);
	triad__free(x.messages);
	x.messages = NULL;
	ctx_free(&x);
	return rc;
}
