/*
 * conf-bench: the conference benchmark's rows for one instance.
 *
 *     conf-bench --header schedules|bounds|seeds
 *     conf-bench INSTANCE.json RESULTS-DIR [SEED]   two rows: schedules, bounds
 *     conf-bench --seeds N INSTANCE.json            one row: seeds 1..N
 *
 * Schedules, on the same instance and with the same objective:
 * - libtriad: triad_conference_solve() with the default options (seed 1,
 *   the default iteration budget), timed in CPU seconds of the process;
 * - self-booking: households arrive in random order (fixed seed) and each
 *   books, for its requests in the order it listed them, the earliest
 *   session and slot that still fit (availability, breaks, teachers and
 *   household free, teacher caps, household session cap, walking gap), as
 *   self-booking portals do;
 * - cbc: the schedule bench/run-cbc left in RESULTS-DIR/NAME.cbc.meetings
 *   ("-" when it has not run or found none).
 * Every schedule's metrics come from the library's checker
 * (triad_conference_check), which also counts violations; a schedule with
 * violations is marked with '!' after its cost.
 *
 * Bounds, all on the unscheduled priority weight (so on the cost, times
 * 1,000,000): libtriad's own (the result's schedulable_weight_bound: max-flow
 * and Lagrangian relaxations), the LP relaxation of the weight-only program
 * (RESULTS-DIR/NAME.lp from bench/run-lp-bound), cbc's bound on that program
 * as an integer program (NAME.cbcw, bench/run-cbc-bound) and cbc's bound on
 * the full program (NAME.cbc). The best is the largest; libtriad's gap is
 * measured against it. Peak memory is the process's ru_maxrss after loading
 * and solving (one process per instance).
 *
 * Seeds: the default solve with seeds 1..N: how the unscheduled weight and
 * the waiting vary with the seed, and the CPU time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <triad.h>

#include "confmodel.h"

/* Seconds of the monotonic clock, or of this process's CPU time: the
 * table reports CPU seconds (cbc's time limit is in CPU seconds too), since
 * the benchmark machine may be shared; libtriad's wall time is shown beside. */
static double now(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct row {
	bool have;
	int64_t cost, unsched, wait, extra, idle, prefmiss, sched_weight;
	size_t violations;
	double seconds;
} row;

static int fill_row(row *r, const triad_conference *conf, const triad_conference_result *res)
{
	triad_conference_report *rep = NULL;
	if (triad_conference_check(&rep, conf, res) != 0) {
		fprintf(stderr, "conf-bench: check: %s\n", triad_error_last()->message);
		return -1;
	}
	triad_conference_report_metric(&r->cost, rep, TRIAD_CONFERENCE_METRIC_COST);
	triad_conference_report_metric(&r->unsched, rep, TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT);
	triad_conference_report_metric(&r->wait, rep, TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS);
	triad_conference_report_metric(&r->extra, rep, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS);
	triad_conference_report_metric(&r->idle, rep, TRIAD_CONFERENCE_METRIC_TEACHER_IDLE_SLOTS);
	triad_conference_report_metric(&r->prefmiss, rep, TRIAD_CONFERENCE_METRIC_PREFERENCE_MISSES);
	triad_conference_report_metric(&r->sched_weight, rep, TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT);
	r->violations = triad_conference_report_violation_count(rep);
	for (size_t i = 0; i < r->violations && i < 3; i++)
		fprintf(stderr, "conf-bench: violation: %s\n",
		        triad_conference_report_violation_message(rep, i));
	triad_conference_report_free(rep);
	r->have = true;
	return 0;
}

/* ---- self-booking ----------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	/* xorshift64*: enough for shuffling */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

typedef struct booking {
	int session, slot; /* session -1: not booked */
} booking;

#define SLOTMAX 64

static bool walking_ok(const cm_instance *in, const booking *bk, const int *reqs, int nreq,
                       const cm_request *rq, int s, int t)
{
	int gap = in->settings.walking_gap;
	if (gap <= 0)
		return true;
	int room = in->teachers[rq->teachers[0]].s[s].room;
	for (int i = 0; i < nreq; i++) {
		const booking *b = &bk[reqs[i]];
		const cm_request *o = &in->requests[reqs[i]];
		if (b->session != s || in->teachers[o->teachers[0]].s[s].room == room)
			continue;
		/* free slots between the two meetings must be at least gap */
		int between = b->slot >= t + rq->slots ? b->slot - (t + rq->slots)
		                                       : t - (b->slot + o->slots);
		if (between < gap)
			return false;
	}
	return true;
}

static int self_booking(const cm_instance *in, booking *bk, uint64_t seed)
{
	int S = in->nsessions, H = in->nhouseholds, T = in->nteachers;
	for (int s = 0; s < S; s++)
		if (in->sessions[s].slots > SLOTMAX) {
			fprintf(stderr, "conf-bench: sessions of more than %d slots\n", SLOTMAX);
			return -1;
		}
	uint64_t *tbusy = calloc((size_t)T * S, sizeof *tbusy); /* bit k: slot k taken */
	uint64_t *hbusy = calloc((size_t)H * S, sizeof *hbusy);
	int *tcount = calloc((size_t)T * S, sizeof *tcount);
	int *order = malloc((size_t)H * sizeof *order);
	int *first = malloc(((size_t)H + 1) * sizeof *first), *list = malloc((size_t)in->nrequests * sizeof *list);
	if (!tbusy || !hbusy || !tcount || !order || !first || !list) {
		fprintf(stderr, "conf-bench: out of memory\n");
		return -1;
	}
	/* requests per household, in file order */
	for (int h = 0; h <= H; h++)
		first[h] = 0;
	for (int r = 0; r < in->nrequests; r++)
		first[in->requests[r].household + 1]++;
	for (int h = 0; h < H; h++)
		first[h + 1] += first[h];
	int *fill = calloc((size_t)H, sizeof *fill);
	for (int r = 0; r < in->nrequests; r++) {
		int h = in->requests[r].household;
		list[first[h] + fill[h]++] = r;
	}
	free(fill);
	for (int h = 0; h < H; h++)
		order[h] = h;
	rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	for (int i = H - 1; i > 0; i--) {
		int k = (int)(rng_next() % (uint64_t)(i + 1)), tmp = order[i];
		order[i] = order[k];
		order[k] = tmp;
	}
	for (int r = 0; r < in->nrequests; r++)
		bk[r].session = -1;
	for (int oi = 0; oi < H; oi++) {
		int h = order[oi];
		const int *reqs = &list[first[h]];
		int nreq = first[h + 1] - first[h];
		int cap = in->households[h].max_sessions;
		for (int qi = 0; qi < nreq; qi++) {
			const cm_request *rq = &in->requests[reqs[qi]];
			uint64_t mask = ((uint64_t)1 << rq->slots) - 1;
			for (int s = 0; s < S && bk[reqs[qi]].session < 0; s++) {
				/* the household's session cap: only sessions it already attends */
				if (cap > 0 && !hbusy[(size_t)h * S + s]) {
					int attended = 0;
					for (int q = 0; q < S; q++)
						attended += hbusy[(size_t)h * S + q] != 0;
					if (attended >= cap)
						continue;
				}
				bool capped = false;
				for (int j = 0; j < rq->nteachers; j++) {
					int c = in->teachers[rq->teachers[j]].s[s].max_meetings;
					capped = capped || (c > 0 && tcount[(size_t)rq->teachers[j] * S + s] >= c);
				}
				if (capped)
					continue;
				for (int t = 0; t + rq->slots <= in->sessions[s].slots; t++) {
					uint64_t m = mask << t;
					if (hbusy[(size_t)h * S + s] & m)
						continue;
					bool free_ = true;
					for (int j = 0; j < rq->nteachers; j++)
						free_ = free_ && !(tbusy[(size_t)rq->teachers[j] * S + s] & m);
					if (!free_ || !cm_start_allowed(in, rq, s, t) ||
					    !walking_ok(in, bk, reqs, qi, rq, s, t))
						continue;
					bk[reqs[qi]].session = s;
					bk[reqs[qi]].slot = t;
					hbusy[(size_t)h * S + s] |= m;
					for (int j = 0; j < rq->nteachers; j++) {
						tbusy[(size_t)rq->teachers[j] * S + s] |= m;
						tcount[(size_t)rq->teachers[j] * S + s]++;
					}
					break;
				}
			}
		}
	}
	free(tbusy);
	free(hbusy);
	free(tcount);
	free(order);
	free(first);
	free(list);
	return 0;
}

/* A result from (request, session, slot) triples given by index or by id. */
static int result_from(triad_conference_result **out, const triad_conference *conf,
                       const char **rids, const char **sids, const int32_t *slots, size_t n)
{
	if (triad_conference_result_from_meetings(out, conf, rids, sids, slots, n) != 0) {
		fprintf(stderr, "conf-bench: meetings: %s\n", triad_error_last()->message);
		return -1;
	}
	return 0;
}

/* ---- cbc's files ------------------------------------------------------ */

typedef struct cbcinfo {
	bool have;
	double bound, gap, seconds;
	char status[64];
} cbcinfo;

static void read_cbc(cbcinfo *ci, const char *dir, const char *name)
{
	char path[4096], line[256];
	/* NAME.cbc, or NAME.cbcw when name ends in ".cbc" */
	snprintf(path, sizeof path, "%s/%s%s", dir, name,
	         strstr(name, ".cbc") ? "w" : ".cbc");
	FILE *f = fopen(path, "r");
	memset(ci, 0, sizeof *ci);
	ci->bound = ci->gap = -1;
	if (!f)
		return;
	ci->have = true;
	while (fgets(line, sizeof line, f)) {
		double v;
		if (sscanf(line, "bound %lf", &v) == 1)
			ci->bound = v;
		else if (sscanf(line, "gap %lf", &v) == 1)
			ci->gap = v;
		else if (sscanf(line, "seconds %lf", &v) == 1 && ci->seconds == 0)
			ci->seconds = v; /* wall: used only without cbc's CPU time */
		else if (sscanf(line, "cpu_seconds %lf", &v) == 1)
			ci->seconds = v;
		else if (strncmp(line, "status ", 7) == 0)
			snprintf(ci->status, sizeof ci->status, "%.*s", (int)strcspn(line + 7, "\n"),
			         line + 7);
	}
	fclose(f);
}

/* NAME.lp (bench/run-lp-bound): "lp VALUE", in cost units. */
static void read_lp(cbcinfo *li, const char *dir, const char *name)
{
	char path[4096], line[256];
	snprintf(path, sizeof path, "%s/%s.lp", dir, name);
	memset(li, 0, sizeof *li);
	li->bound = -1;
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "lp %lf", &li->bound) == 1)
			li->have = true;
	fclose(f);
}

static int cbc_row(row *r, const triad_conference *conf, const char *dir, const char *name,
                   double seconds)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.cbc.meetings", dir, name);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t cap = 1024, n = 0;
	char **rids = malloc(cap * sizeof *rids), **sids = malloc(cap * sizeof *sids);
	int32_t *slots = malloc(cap * sizeof *slots);
	char a[128], b[128];
	int t;
	while (fscanf(f, "%127s %127s %d", a, b, &t) == 3) {
		if (n == cap) {
			cap *= 2;
			rids = realloc(rids, cap * sizeof *rids);
			sids = realloc(sids, cap * sizeof *sids);
			slots = realloc(slots, cap * sizeof *slots);
		}
		rids[n] = strdup(a);
		sids[n] = strdup(b);
		slots[n++] = t;
	}
	fclose(f);
	triad_conference_result *res = NULL;
	int rc = result_from(&res, conf, (const char **)rids, (const char **)sids, slots, n);
	if (rc == 0)
		rc = fill_row(r, conf, res);
	r->seconds = seconds;
	triad_conference_result_free(res);
	for (size_t i = 0; i < n; i++) {
		free(rids[i]);
		free(sids[i]);
	}
	free(rids);
	free(sids);
	free(slots);
	return rc;
}

/* ---- the tables ------------------------------------------------------- */

static int print_header(const char *which)
{
	if (strcmp(which, "schedules") == 0) {
		printf("| inst | requests | libtriad cost | unsch | wait | extra | cpu s | self-booking cost | "
		       "unsch | wait | extra | cbc cost | unsch | wait | extra | cbc cpu s | peak MB |\n");
		printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	} else if (strcmp(which, "bounds") == 0) {
		printf("| inst | total weight | libtriad unsch | libtriad bound | LP | weight-IP (cbc) | "
		       "full program (cbc, cost) | best bound | sched weight / best possible | "
		       "cost gap to best bound |\n");
		printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	} else if (strcmp(which, "seeds") == 0) {
		printf("| inst | seeds | unsch min | unsch mean | unsch max | runs at min | wait mean | "
		       "cpu s mean | cpu s max |\n");
		printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
	} else {
		fprintf(stderr, "conf-bench: unknown table \"%s\"\n", which);
		return 2;
	}
	return 0;
}

static void print_part(const row *r, bool seconds)
{
	if (!r->have) {
		printf(seconds ? " - | - | - | - | - |" : " - | - | - | - |");
		return;
	}
	printf(" %lld%s | %lld | %lld | %lld |", (long long)r->cost, r->violations ? "!" : "",
	       (long long)r->unsched, (long long)r->wait, (long long)r->extra);
	if (seconds)
		printf(" %.2f |", r->seconds);
}

static int load(triad_conference **conf, const char *path)
{
	if (triad_conference_load_file(conf, path) != 0) {
		fprintf(stderr, "conf-bench: %s\n", triad_error_last()->message);
		return -1;
	}
	return 0;
}

static int solve(row *r, int64_t *bound, const triad_conference *conf, uint64_t seed)
{
	triad_solve_options opt = TRIAD_SOLVE_OPTIONS_INIT;
	opt.seed = seed;
	triad_conference_result *res = NULL;
	double t0 = now(CLOCK_PROCESS_CPUTIME_ID);
	if (triad_conference_solve(&res, conf, &opt, NULL) != 0) {
		fprintf(stderr, "conf-bench: solve: %s\n", triad_error_last()->message);
		return -1;
	}
	double seconds = now(CLOCK_PROCESS_CPUTIME_ID) - t0;
	int rc = fill_row(r, conf, res);
	r->seconds = seconds;
	if (bound)
		triad_conference_result_metric(bound, res, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND);
	triad_conference_result_free(res);
	return rc;
}

static int seeds_row(const char *path, const char *name, int n)
{
	triad_conference *conf = NULL;
	if (n < 1 || load(&conf, path) != 0)
		return 1;
	int64_t umin = INT64_MAX, umax = 0, usum = 0, wsum = 0, at_min = 0;
	double tsum = 0, tmax = 0;
	for (int seed = 1; seed <= n; seed++) {
		row r = { 0 };
		if (solve(&r, NULL, conf, (uint64_t)seed) != 0)
			return 1;
		if (r.unsched < umin) {
			umin = r.unsched;
			at_min = 0;
		}
		at_min += r.unsched == umin;
		umax = r.unsched > umax ? r.unsched : umax;
		usum += r.unsched;
		wsum += r.wait;
		tsum += r.seconds;
		tmax = r.seconds > tmax ? r.seconds : tmax;
	}
	printf("| %s | 1-%d | %lld | %.1f | %lld | %lld | %.0f | %.2f | %.2f |\n", name, n,
	       (long long)umin, (double)usum / n, (long long)umax, (long long)at_min,
	       (double)wsum / n, tsum / n, tmax);
	triad_conference_free(conf);
	return 0;
}

static void instance_name(char *name, size_t size, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(name, size, "%.*s", (int)strcspn(base, "."), base);
}

/* A bound on the unscheduled weight from a weight-only program's value in
 * cost units (weight x weight_unscheduled), or -1. */
static double weight_units(double cost_bound, int64_t wu)
{
	return cost_bound >= 0 && wu > 0 ? cost_bound / (double)wu : -1;
}

static void print_bound(double v, const char *suffix)
{
	if (v < 0)
		printf(" - |");
	else
		printf(" %.2f%s |", v, suffix);
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--header") == 0)
		return print_header(argv[2]);
	char name[64];
	if (argc == 4 && strcmp(argv[1], "--seeds") == 0) {
		instance_name(name, sizeof name, argv[3]);
		return seeds_row(argv[3], name, atoi(argv[2]));
	}
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: conf-bench --header schedules|bounds|seeds\n"
		                "       conf-bench INSTANCE.json RESULTS-DIR [SEED]\n"
		                "       conf-bench --seeds N INSTANCE.json\n");
		return 2;
	}
	const char *path = argv[1], *dir = argv[2];
	uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
	instance_name(name, sizeof name, path);

	triad_conference *conf = NULL;
	if (load(&conf, path) != 0)
		return 1;
	int64_t total = 0, bound = -1, wu = 0;
	size_t nreq = triad_conference_request_count(conf);
	for (size_t r = 0; r < nreq; r++) {
		int64_t w = 0;
		triad_conference_setting_get(&w, conf,
		                             (triad_conference_setting)(TRIAD_CONFERENCE_SETTING_PRIORITY_INVITED +
		                                                        triad_conference_request_priority(conf, r) - 1));
		total += w;
	}
	triad_conference_setting_get(&wu, conf, TRIAD_CONFERENCE_SETTING_WEIGHT_UNSCHEDULED);

	/* libtriad */
	row lt = { 0 }, sb = { 0 }, cb = { 0 };
	if (solve(&lt, &bound, conf, seed) != 0)
		return 1;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	double peak_mb = ru.ru_maxrss / 1024.0;
	/* self-booking */
	cm_instance in;
	if (cm_read_json(&in, path) != 0)
		return 1;
	booking *bk = calloc((size_t)in.nrequests + 1, sizeof *bk);
	triad_conference_result *res = NULL;
	double t0 = now(CLOCK_PROCESS_CPUTIME_ID);
	if (!bk || self_booking(&in, bk, seed) != 0)
		return 1;
	sb.seconds = now(CLOCK_PROCESS_CPUTIME_ID) - t0;
	const char **rids = calloc((size_t)in.nrequests + 1, sizeof *rids);
	const char **sids = calloc((size_t)in.nrequests + 1, sizeof *sids);
	int32_t *slots = calloc((size_t)in.nrequests + 1, sizeof *slots);
	size_t n = 0;
	for (int r = 0; r < in.nrequests; r++)
		if (bk[r].session >= 0) {
			rids[n] = in.requests[r].id;
			sids[n] = in.sessions[bk[r].session].id;
			slots[n++] = bk[r].slot;
		}
	if (result_from(&res, conf, rids, sids, slots, n) != 0 || fill_row(&sb, conf, res) != 0)
		return 1;
	triad_conference_result_free(res);
	free(rids);
	free(sids);
	free(slots);
	free(bk);
	cm_free(&in);

	/* cbc: its schedule; its bounds on the full and the weight-only
	 * program; the LP relaxation of the weight-only program */
	cbcinfo ci, wi, li;
	read_cbc(&ci, dir, name);
	char other[80];
	snprintf(other, sizeof other, "%s.cbc", name);
	read_cbc(&wi, dir, other); /* NAME.cbcw: the same keys */
	if (ci.have && cbc_row(&cb, conf, dir, name, ci.seconds) != 0)
		return 1;
	read_lp(&li, dir, name);

	printf("| %s | %zu |", name, nreq);
	print_part(&lt, true);
	print_part(&sb, false);
	print_part(&cb, true);
	printf(" %.1f |\n", peak_mb);

	/* Bounds on the unscheduled weight (weight units): libtriad's own, the
	 * LP, cbc's on the weight-only integer program. The weight is an
	 * integer, so the best of them rounds up. */
	double own = bound >= 0 ? (double)(total - bound) : -1;
	double lp = weight_units(li.have ? li.bound : -1, wu);
	double wip = weight_units(wi.have ? wi.bound : -1, wu);
	double best = own;
	best = lp > best ? lp : best;
	best = wip > best ? wip : best;
	int64_t best_w = (int64_t)best;
	if ((double)best_w < best - 1e-9)
		best_w++;
	/* A bound on the cost: that weight's unscheduled term, or cbc's bound
	 * on the full program when larger. */
	double best_cost = (double)best_w * (double)wu;
	if (ci.have && ci.bound > best_cost)
		best_cost = ci.bound;
	printf("| %s | %lld | %lld |", name, (long long)total, (long long)lt.unsched);
	print_bound(own, "");
	print_bound(lp, "");
	print_bound(wip, wi.have && strncmp(wi.status, "Optimal", 7) == 0 ? " (opt)" : "");
	if (ci.have && ci.bound >= 0)
		printf(" %.0f |", ci.bound);
	else
		printf(" - |");
	double possible = (double)(total - best_w);
	double gap = lt.cost > 0 ? ((double)lt.cost - best_cost) / (double)lt.cost : 0;
	printf(" %lld (cost %.0f) | %.2f%% of %.0f | %.4f%% |\n", (long long)best_w, best_cost,
	       possible > 0 ? 100.0 * (double)lt.sched_weight / possible : 0, possible, 100.0 * gap);
	triad_conference_free(conf);
	return 0;
}
