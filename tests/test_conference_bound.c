/*
 * The conference scheduler's upper bound on the schedulable weight
 * (private API: the flow relaxations alone and the full bound with the
 * Lagrangian over the teachers' lines): values worked out by hand, and on
 * random small instances never below the best schedule found by brute
 * force and never above the flow bound; the same twice. Allocation
 * failures inside the bound are swept through the public entry points in
 * test_allocfail.c (triad_conference_bound) and test_conference_solve.c
 * (the solver computes the bound first): a sweep here would mix the static
 * library's allocator with the shared one's.
 */
#include <jansson.h>
#include <stdint.h>

#include "conference_lagrange_private.h"
#include "support/testutil.h"

static triad_conference *load(const char *json)
{
	char *t = strdup(json);
	ck_assert_ptr_nonnull(t);
	for (char *p = t; *p; p++)
		if (*p == '\'')
			*p = '"';
	triad_conference *c = NULL;
	int rc = triad_conference_load_json(&c, t, strlen(t), "test");
	ck_assert_msg(rc == 0, "%s", triad_error_last()->message);
	free(t);
	return c;
}

static int64_t flow_bound(const triad_conference *c)
{
	int64_t b;
	ck_assert_ok(triad__cf_flow_bound(&b, c, NULL, NULL));
	return b;
}

static int64_t full_bound(const triad_conference *c)
{
	int64_t b, pub;
	ck_assert_ok(triad__cf_bound(&b, c, NULL));
	ck_assert_ok(triad_conference_bound(&pub, c));
	ck_assert_int_eq(pub, b);
	return b;
}

#define ONE_SESSION(slots) \
	"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', 'slots': " #slots " } ], " \
	"'rooms': [ { 'id': 'A' }, { 'id': 'B' } ], "

START_TEST(two_doubles_in_three_slots)
{
	/* One teacher, three slots; two households each ask for a double
	 * meeting (invited, weight 4). Two slots each do not fit in three:
	 * any schedule meets one, weight 4.
	 *
	 * The flows: the teachers' network routes 3 of the 4 units at 4 / 2
	 * per unit: 6; each household alone can meet: 4 + 4 = 8; so the flow
	 * bound is min(6, 8) = 6. The linear relaxation: slot 1 lies in every
	 * place of both, so x covering it adds up to at most 1: 4. The
	 * Lagrangian bound: the flow's dual prices every slot at 2 per unit,
	 * all of it on the slots, so both parts keep u = 0; on the teacher's
	 * line the two-slot intervals [0, 2) and [1, 3) overlap, at most one
	 * is taken: D = 0 + 4 = 4. */
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(3)
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'slots': 2, 'priority': 'invited' }, "
		"{ 'id': 'b', 'household': 'h2', 'teachers': ['t1'], 'slots': 2, 'priority': 'invited' } ] }");
	ck_assert_int_eq(flow_bound(c), 6);
	ck_assert_int_eq(full_bound(c), 4);
	/* the solver meets one and proves it optimal with the bound */
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = 100;
	triad_conference_result *r;
	ck_assert_ok(triad_conference_solve(&r, c, &o, NULL));
	int64_t v;
	ck_assert_ok(triad_conference_result_metric(&v, r, TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT));
	ck_assert_int_eq(v, 4);
	ck_assert_ok(triad_conference_result_metric(&v, r, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND));
	ck_assert_int_eq(v, 4);
	ck_assert_ok(triad_conference_result_stat(&v, r, TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL));
	ck_assert_int_eq(v, 1);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

START_TEST(capped_teacher_with_a_double)
{
	/* t1 may meet 2 households in four slots (cap 2); it is asked for one
	 * double (required, 2) and three singles (invited, 4 each): at most
	 * two meetings, 4 + 4 = 8.
	 *
	 * Capping t1's session at cap x the longest request = 4 units, the
	 * teachers' network routes the three singles and half the double:
	 * 12 + 1 = 13. A meeting counts once against the cap whatever its
	 * length, so the meetings of a capped session cover at most cap + the
	 * extra slots of the longer requests that fit there: 2 + 1 = 3 units,
	 * the three singles: 12. The households alone: 4 x 3 + 2 = 14. Flow
	 * bound 12.
	 *
	 * The Lagrangian bound, teacher by teacher the smallest over its
	 * candidate prices. From the flow's dual: the singles keep u = 4 - 1 =
	 * 3 each (their source arcs are cut while the singles are routed, down
	 * to the next class at 1 per unit), the double 0; the line takes at
	 * most 2 intervals, at most one long: the double (2) and a single
	 * (4 - 3): 9 + 3 = 12. With uniform prices of 4 per slot, u = max(0,
	 * share - 4 x length) = 0 for all: the line takes the two best
	 * intervals it may, two singles: 0 + 8 = 8, the optimum. */
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(4)
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A', 'max_meetings': 2 } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' }, { 'id': 'h3' }, { 'id': 'h4' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'b', 'household': 'h2', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'c', 'household': 'h3', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'd', 'household': 'h4', 'teachers': ['t1'], 'slots': 2, 'priority': 'required' } ] }");
	ck_assert_int_eq(flow_bound(c), 12);
	ck_assert_int_eq(full_bound(c), 8);
	triad_conference_free(c);
}
END_TEST

START_TEST(joint_request_weight_goes_to_the_busy_teacher)
{
	/* t1 has one slot and two households ask for it (required, 2 each),
	 * one of them jointly with t2, who is free all evening. Any schedule
	 * meets one of them: 2.
	 *
	 * Splitting the joint request's weight evenly, t1's slot routes the
	 * single request's 2 and t2 routes its half of the joint one, 1: 3.
	 * t2 is asked for 1 slot of its 2 and t1 for 2 of its 1: only t1 is
	 * short, so the joint request's whole weight goes to t1's part, and
	 * t1's single slot bounds the two requests together: 2. */
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(2)
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A', 'available': [[0, 1]] } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's1', 'room': 'B' } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'] }, "
		"{ 'id': 'b', 'household': 'h2', 'teachers': ['t1', 't2'] } ] }");
	ck_assert_int_eq(flow_bound(c), 3);
	ck_assert_int_eq(full_bound(c), 2);
	triad_conference_free(c);
}
END_TEST

/* ---- random instances against brute force ---- */

static uint64_t mix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rnd(uint64_t *x, int n)
{
	return (int)(mix(x) % (uint64_t)n);
}

/* One or two sessions of 4-6 slots, 2-3 teachers (some capped, some with
 * a window), 3-4 households (some with a window), 7 requests, some double,
 * some joint. */
static triad_conference *random_instance(uint64_t seed)
{
	uint64_t x = seed;
	int S = 1 + rnd(&x, 2), slots = 4 + rnd(&x, 3), T = 2 + rnd(&x, 2), H = 3 + rnd(&x, 2);
	json_t *root = json_pack("{ss}", "format", "triad.conference/1");
	json_t *ss = json_array(), *ts = json_array(), *hs = json_array(), *rs = json_array();
	for (int s = 0; s < S; s++) {
		char id[8];
		snprintf(id, sizeof id, "s%d", s + 1);
		json_array_append_new(ss, json_pack("{sssssssi}", "id", id, "date",
		                                    s ? "2026-11-12" : "2026-11-10", "start", "19:00",
		                                    "slots", slots));
	}
	for (int t = 0; t < T; t++) {
		char id[8];
		snprintf(id, sizeof id, "t%d", t);
		json_t *tsess = json_array();
		for (int s = 0; s < S; s++) {
			char sid[8];
			snprintf(sid, sizeof sid, "s%d", s + 1);
			json_t *o = json_pack("{ssss}", "session", sid, "room", "A");
			if (rnd(&x, 3) == 0)
				json_object_set_new(o, "max_meetings", json_integer(1 + rnd(&x, 2)));
			if (rnd(&x, 3) == 0)
				json_object_set_new(o, "available", json_pack("[[ii]]", 1, slots - 1));
			json_array_append_new(tsess, o);
		}
		json_array_append_new(ts, json_pack("{ssso}", "id", id, "sessions", tsess));
	}
	for (int h = 0; h < H; h++) {
		char id[8];
		snprintf(id, sizeof id, "h%d", h);
		json_t *o = json_pack("{ss}", "id", id);
		if (rnd(&x, 3) == 0)
			json_object_set_new(o, "sessions",
			                    json_pack("[{sss[[ii]]}]", "session", "s1", "available", 0, 3));
		json_array_append_new(hs, o);
	}
	static const char *prio[] = { "invited", "required", "optional" };
	for (int r = 0; r < 7; r++) {
		char id[8], h[8], t1[8], t2[8];
		snprintf(id, sizeof id, "r%d", r);
		snprintf(h, sizeof h, "h%d", rnd(&x, H));
		int a = rnd(&x, T), b = (a + 1 + rnd(&x, T - 1)) % T;
		snprintf(t1, sizeof t1, "t%d", a);
		snprintf(t2, sizeof t2, "t%d", b);
		json_t *tl = rnd(&x, 5) == 0 ? json_pack("[ss]", t1, t2) : json_pack("[s]", t1);
		json_array_append_new(rs, json_pack("{sssssosssi}", "id", id, "household", h, "teachers",
		                                    tl, "priority", prio[rnd(&x, 3)], "slots",
		                                    1 + (rnd(&x, 3) == 0)));
	}
	json_object_set_new(root, "sessions", ss);
	json_object_set_new(root, "rooms", json_pack("[{ss}]", "id", "A"));
	json_object_set_new(root, "teachers", ts);
	json_object_set_new(root, "households", hs);
	json_object_set_new(root, "requests", rs);
	char *text = json_dumps(root, 0);
	json_decref(root);
	triad_conference *c = NULL;
	int rc = triad_conference_load_json(&c, text, strlen(text), "random");
	ck_assert_msg(rc == 0, "%s", triad_error_last()->message);
	free(text);
	return c;
}

/* The heaviest set of meetings with no teacher or household in two at
 * once and no cap exceeded (constraints the bound keeps or relaxes, so its
 * optimum is at least the schedulable weight's). */
typedef struct brute {
	const triad_conference *c;
	uint8_t tbusy[4][16], hbusy[4][16];
	int32_t tcnt[4][2];
	int64_t weight, best;
} brute;

static bool place(brute *b, size_t r, size_t s, int32_t p, int d)
{
	const cf_request *rq = &b->c->requests[r];
	int32_t g0 = b->c->sessions[s].offset + p;
	for (int32_t g = g0; g < g0 + rq->slots; g++) {
		if (d > 0 && b->hbusy[rq->household][g])
			return false;
		for (size_t k = 0; k < rq->nteachers; k++)
			if (d > 0 && b->tbusy[rq->teachers[k]][g])
				return false;
	}
	for (size_t k = 0; k < rq->nteachers; k++) {
		int32_t cap = triad__cf_teacher_cap(b->c, (size_t)rq->teachers[k], s);
		if (d > 0 && cap > 0 && b->tcnt[rq->teachers[k]][s] >= cap)
			return false;
	}
	for (int32_t g = g0; g < g0 + rq->slots; g++) {
		b->hbusy[rq->household][g] = d > 0;
		for (size_t k = 0; k < rq->nteachers; k++)
			b->tbusy[rq->teachers[k]][g] = d > 0;
	}
	for (size_t k = 0; k < rq->nteachers; k++)
		b->tcnt[rq->teachers[k]][s] += d;
	b->weight += d * triad__cf_priority_weight(b->c->settings, rq->priority);
	return true;
}

static void enumerate(brute *b, size_t r)
{
	if (r == b->c->nrequests) {
		b->best = b->weight > b->best ? b->weight : b->best;
		return;
	}
	enumerate(b, r + 1);
	for (size_t s = 0; s < b->c->nsessions; s++)
		for (int32_t p = 0; p + b->c->requests[r].slots <= b->c->sessions[s].slots; p++)
			if (triad__cf_can_start(b->c, r, s, p) && place(b, r, s, p, 1)) {
				enumerate(b, r + 1);
				place(b, r, s, p, -1);
			}
}

START_TEST(random_instances_against_brute_force)
{
	triad_conference *c = random_instance(2026 + (uint64_t)_i);
	brute b;
	memset(&b, 0, sizeof b);
	b.c = c;
	enumerate(&b, 0);
	int64_t flow = flow_bound(c), bound = full_bound(c);
	ck_assert_int_ge(bound, b.best);
	ck_assert_int_le(bound, flow);
	/* the same bound twice */
	ck_assert_int_eq(full_bound(c), bound);
	triad_conference_free(c);
}
END_TEST

START_TEST(random_instances_are_sometimes_tighter)
{
	/* over the random instances the Lagrangian bound is strictly below
	 * the flow bound at least once, and reaches the brute-force optimum
	 * more often than the flow bound does */
	int tighter = 0, exact_flow = 0, exact = 0;
	for (uint64_t i = 0; i < 40; i++) {
		triad_conference *c = random_instance(2026 + i);
		brute b;
		memset(&b, 0, sizeof b);
		b.c = c;
		enumerate(&b, 0);
		int64_t flow = flow_bound(c), bound = full_bound(c);
		tighter += bound < flow;
		exact_flow += flow == b.best;
		exact += bound == b.best;
		triad_conference_free(c);
	}
	ck_assert_int_gt(tighter, 0);
	ck_assert_int_gt(exact, exact_flow);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("conference_bound");
	TCase *tc = tcase_create("bound");
	tcase_add_test(tc, two_doubles_in_three_slots);
	tcase_add_test(tc, capped_teacher_with_a_double);
	tcase_add_test(tc, joint_request_weight_goes_to_the_busy_teacher);
	tcase_add_loop_test(tc, random_instances_against_brute_force, 0, 40);
	tcase_add_test(tc, random_instances_are_sometimes_tighter);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
