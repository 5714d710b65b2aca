/*
 * conf-bench: one row of the conference benchmark table for one instance.
 *
 *     conf-bench INSTANCE.json RESULTS-DIR [--header] [--seed N]
 *
 * Runs, on the same instance and with the same objective:
 * - libtriad: triad_conference_solve() with the default options (seed 1,
 *   the default iteration budget), timed with the monotonic clock;
 * - self-booking: households arrive in random order (fixed seed) and each
 *   books, for its requests in the order it listed them, the earliest
 *   session and slot that still fit (availability, breaks, teachers and
 *   household free, teacher caps, household session cap, walking gap), as
 *   self-booking portals do;
 * - cbc: the schedule bench/run-cbc left in RESULTS-DIR/NAME.cbc.meetings,
 *   with cbc's bound and gap from RESULTS-DIR/NAME.cbc (run-cbc runs cbc in
 *   the background; "-" when it has not finished).
 * Every schedule's metrics come from the library's checker
 * (triad_conference_check), which also counts violations; a schedule with
 * violations is marked with '!' after its cost.
 *
 * Lower bounds on the cost: the library's bound (triad_conference_bound:
 * flows and a Lagrangian bound, an upper bound on the schedulable priority
 * weight, so (total - bound) * weight is a lower bound on the unscheduled
 * term; the column keeps its name "flow bound") and cbc's bound; the best of them is
 * compared with libtriad's cost. Peak memory is the process's ru_maxrss after
 * loading and solving (one process per instance).
 */
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

/* ---- the table -------------------------------------------------------- */

static void print_header(void)
{
	printf("| inst | libtriad cost | unsch | wait | extra | cpu s | wall s | self-booking cost | unsch | wait | "
	       "extra | cpu s | cbc cost | unsch | wait | extra | cpu s | cbc bound | cbc gap | flow bound "
	       "(weight) | libtriad sched weight / best weight bound | weight-IP bound | best bound | libtriad gap | peak MB |\n");
	printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
}

static void print_part(const row *r)
{
	if (!r->have) {
		printf(" - | - | - | - | - |");
		return;
	}
	printf(" %lld%s | %lld | %lld | %lld | %.2f |", (long long)r->cost, r->violations ? "!" : "",
	       (long long)r->unsched, (long long)r->wait, (long long)r->extra, r->seconds);
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--header") == 0) {
		print_header();
		return 0;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: conf-bench --header | conf-bench INSTANCE.json RESULTS-DIR [SEED]\n");
		return 2;
	}
	const char *path = argv[1], *dir = argv[2];
	uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
	char name[64];
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(name, sizeof name, "%.*s", (int)strcspn(base, "."), base);

	triad_conference *conf = NULL;
	if (triad_conference_load_file(&conf, path) != 0) {
		fprintf(stderr, "conf-bench: %s\n", triad_error_last()->message);
		return 1;
	}
	int64_t total = 0, flow = -1, wu = 0;
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
	triad_solve_options opt = TRIAD_SOLVE_OPTIONS_INIT;
	opt.seed = seed;
	triad_conference_result *res = NULL;
	double w0 = now(CLOCK_MONOTONIC), t0 = now(CLOCK_PROCESS_CPUTIME_ID);
	if (triad_conference_solve(&res, conf, &opt, NULL) != 0) {
		fprintf(stderr, "conf-bench: solve: %s\n", triad_error_last()->message);
		return 1;
	}
	lt.seconds = now(CLOCK_PROCESS_CPUTIME_ID) - t0;
	double lt_wall = now(CLOCK_MONOTONIC) - w0;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	double peak_mb = ru.ru_maxrss / 1024.0;
	if (fill_row(&lt, conf, res) != 0)
		return 1;
	triad_conference_result_metric(&flow, res, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND);
	triad_conference_result_free(res);

	/* self-booking */
	cm_instance in;
	if (cm_read_json(&in, path) != 0)
		return 1;
	booking *bk = calloc((size_t)in.nrequests + 1, sizeof *bk);
	t0 = now(CLOCK_PROCESS_CPUTIME_ID);
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

	/* cbc, and cbc on the unscheduled-weight relaxation */
	cbcinfo ci, wi;
	read_cbc(&ci, dir, name);
	char wname[80];
	snprintf(wname, sizeof wname, "%s.cbc", name);
	read_cbc(&wi, dir, wname); /* NAME.cbcw: the same keys */
	if (ci.have && cbc_row(&cb, conf, dir, name, ci.seconds) != 0)
		return 1;

	/* bounds: the flow bound on the unscheduled term, and cbc's */
	double flow_cost = flow >= 0 ? (double)(total - flow) * (double)wu : 0;
	double best = flow_cost;
	if (ci.have && ci.bound > best)
		best = ci.bound;
	if (wi.have && wi.bound > best)
		best = wi.bound;
	double gap = lt.cost > 0 ? (lt.cost - best) / (double)lt.cost : 0;

	printf("| %s |", name);
	print_part(&lt);
	printf(" %.2f |", lt_wall);
	print_part(&sb);
	print_part(&cb);
	/* cbc's own gap line is rounded to two decimals of a fraction; compute
	 * it from its schedule's checked cost and its bound instead */
	if (ci.have && ci.bound >= 0 && cb.have && cb.cost > 0)
		printf(" %.0f | %.4f%% |", ci.bound, 100.0 * (cb.cost - ci.bound) / (double)cb.cost);
	else if (ci.have && ci.bound >= 0)
		printf(" %.0f | - |", ci.bound);
	else
		printf(" - | - |");
	/* the tightest upper bound on the schedulable weight: the flow bound,
	 * or total minus the weight-only IP's bound on the unscheduled weight */
	double wbound = (double)flow;
	if (wi.have && wi.bound >= 0 && wu > 0 && (double)total - wi.bound / (double)wu < wbound)
		wbound = (double)total - wi.bound / (double)wu;
	printf(" %.0f (%lld of %lld) | %.2f%% of %.0f |", flow_cost, (long long)flow,
	       (long long)total, wbound > 0 ? 100.0 * (double)lt.sched_weight / wbound : 0, wbound);
	if (wi.have && wi.bound >= 0)
		printf(" %.0f%s |", wi.bound, strncmp(wi.status, "Optimal", 7) == 0 ? " (opt)" : "");
	else
		printf(" - |");
	printf(" %.0f | %.4f%% | %.1f |\n", best, gap * 100, peak_mb);
	triad_conference_free(conf);
	return 0;
}
