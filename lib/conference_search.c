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

#include "conference_search_private.h"

#define LA_HISTORY 64
/* One iteration in MATCH_EVERY (on average) is a teacher matching. */
#define MATCH_EVERY 128
/* The fewest iterations by default. */
#define MIN_ITERATIONS 20000

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
	se->entry[i] = ENTRY_FRESH;
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
		se->entry[i] = ENTRY_STALE;
	for (size_t a = 0; a < n;) {
		size_t e = a + 1;
		while (e < n && !heavier(st, pool[a], pool[e]))
			e++;
		/* [a, live): this class's requests still waiting; ENTRY_DONE
		 * marks those that cannot be placed any more. A placed request's
		 * place is taken by the class's last one (so that ties do not
		 * always favour the same end of the pool). */
		size_t live = e;
		for (;;) {
			size_t pick = SIZE_MAX;
			int64_t best_regret = -1;
			for (size_t i = a; i < live; i++) {
				if (se->entry[i] == ENTRY_DONE)
					continue;
				if (se->entry[i] == ENTRY_STALE || se->stamp[i] != version_of(se, pool[i]))
					evaluate(se, i, noise);
				if (se->arg[i] < 0) {
					/* Placing meetings only takes places away, except
					 * that one can close a gap under a waiting cap. */
					if (st->hmaxw[c->requests[pool[i]].household] == 0)
						se->entry[i] = ENTRY_DONE;
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
			se->entry[pick] = se->entry[live];
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
	triad__free(se->entry);
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
	    !SALLOC(se->b2, R) || !SALLOC(se->stamp, R) || !SALLOC(se->entry, R) ||
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
	/* The default: 400 + 12 per request, at least MIN_ITERATIONS (small
	 * instances then get some tenths of a second, where the last unit of
	 * weight and the last extra session are often found). On L (6,000
	 * requests) the weight is settled after about 50,000 iterations; the
	 * rest shortens the waiting (doc/benchmarks.md). */
	int64_t max_it = o->max_iterations == 0 ? 400 + 12 * (int64_t)R
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
		triad__cf_destroy(se, op, q);
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
			if (!(x->messages[r] = triad__cf_reason_text(st, r, &x->reasons[r], x->pin_conflict[r])))
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
