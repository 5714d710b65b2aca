/*
 * The conference solver: every hard constraint enforced on a crafted
 * instance, every result passing the checker (also on random instances),
 * the optimum of small instances found by brute-force enumeration,
 * determinism, cancellation and time limits, pins, re-solving with few
 * moves, the bound, options and allocation failures.
 */
#include <jansson.h>
#include <stdint.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static char *dq_dup(const char *s)
{
	char *d = strdup(s);
	ck_assert_ptr_nonnull(d);
	for (char *p = d; *p; p++)
		if (*p == '\'')
			*p = '"';
	return d;
}

static triad_conference *load(const char *json)
{
	char *t = dq_dup(json);
	triad_conference *c = NULL;
	int rc = triad_conference_load_json(&c, t, strlen(t), "test");
	ck_assert_msg(rc == 0, "%s", triad_error_last()->message);
	free(t);
	return c;
}

static int64_t rmetric(const triad_conference_result *r, triad_conference_metric m)
{
	int64_t v;
	ck_assert_ok(triad_conference_result_metric(&v, r, m));
	return v;
}

static int64_t rstat(const triad_conference_result *r, triad_conference_stat s)
{
	int64_t v;
	ck_assert_ok(triad_conference_result_stat(&v, r, s));
	return v;
}

/* The checker finds nothing wrong and recomputes the solver's metrics. */
static void assert_valid(const triad_conference *c, const triad_conference_result *r)
{
	triad_conference_report *rep;
	ck_assert_ok(triad_conference_check(&rep, c, r));
	size_t n = triad_conference_report_violation_count(rep);
	ck_assert_msg(n == 0, "%zu violations, first: %s", n,
	              n ? triad_conference_report_violation_message(rep, 0) : "");
	static const triad_conference_metric same[] = {
		TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS,
		TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS, TRIAD_CONFERENCE_METRIC_TEACHER_IDLE_SLOTS,
		TRIAD_CONFERENCE_METRIC_PREFERENCE_MISSES, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND,
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		int64_t v;
		ck_assert_ok(triad_conference_report_metric(&v, rep, same[i]));
		ck_assert_int_eq(v, rmetric(r, same[i]));
	}
	/* the scheduled weight never exceeds the bound */
	ck_assert_int_le(rmetric(r, TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT),
	                 rmetric(r, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND));
	triad_conference_report_free(rep);
}

static triad_conference_result *solve_n(const triad_conference *c, int64_t iterations, uint64_t seed)
{
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = iterations;
	o.seed = seed;
	triad_conference_result *r = NULL;
	ck_assert_ok(triad_conference_solve(&r, c, &o, NULL));
	assert_valid(c, r);
	return r;
}

/* Index of a request's meeting in a result, or -1. */
static long meeting_of(const triad_conference_result *r, const char *request)
{
	for (size_t i = 0; i < triad_conference_result_meeting_count(r); i++)
		if (strcmp(triad_conference_result_meeting_request(r, i), request) == 0)
			return (long)i;
	return -1;
}

static triad_conference_reason reason_of(const triad_conference_result *r, const char *request)
{
	for (size_t i = 0; i < triad_conference_result_unscheduled_count(r); i++)
		if (strcmp(triad_conference_result_unscheduled_request(r, i), request) == 0)
			return triad_conference_result_unscheduled_reason(r, i);
	return TRIAD_CONFERENCE_REASON_NONE;
}

#define ONE_SESSION(slots, extra) \
	"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', 'slots': " #slots extra " } ], " \
	"'rooms': [ { 'id': 'A' }, { 'id': 'B' }, { 'id': 'C' } ], "

START_TEST(teacher_cap_keeps_the_heavier_request)
{
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(4, "")
		"'teachers': [ { 'id': 't1', 'name': 'Mw. Jansen', 'sessions': [ { 'session': 's1', 'room': 'A', 'max_meetings': 1 } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' } ], "
		"'requests': [ { 'id': 'b', 'household': 'h2', 'teachers': ['t1'], 'priority': 'optional' }, "
		"{ 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'priority': 'invited' } ] }");
	triad_conference_result *r = solve_n(c, 200, 1);
	ck_assert_int_ge(meeting_of(r, "a"), 0);
	ck_assert_int_eq(meeting_of(r, "b"), -1);
	ck_assert_int_eq(reason_of(r, "b"), TRIAD_CONFERENCE_REASON_TEACHER_CAP);
	ck_assert_ptr_nonnull(strstr(triad_conference_result_unscheduled_message(r, 0), "Mw. Jansen"));
	/* b costs its weight 1; a alone: no waiting, no idling */
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 1000000);
	/* the bound: t1 may meet once (cap 1 x longest request 1): weight 4 */
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND), 4);
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL), 1);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

START_TEST(teacher_chain_across_sessions)
{
	/* t1 meets at most 2 households in s1 (3 slots), freely in s2. a
	 * (required) fits s1 slot 0 only, c (invited) s1 slot 1 only, b
	 * (optional) anywhere. Placed by weight, b would take s1 slot 2 and
	 * a would be left out at the cap; all three meet only when b goes to
	 * s2, a chain the teacher-matching move finds in one step. Cost 0: no
	 * waiting (one meeting per household), no extra session, no idling. */
	triad_conference *c = load("{ 'format': 'triad.conference/1', "
		"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', 'slots': 3 }, "
		"{ 'id': 's2', 'date': '2026-11-12', 'start': '19:00', 'slots': 3 } ], 'rooms': [ { 'id': 'A' } ], "
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A', 'max_meetings': 2 }, "
		"{ 'session': 's2', 'room': 'A' } ] } ], "
		"'households': [ { 'id': 'hA', 'sessions': [ { 'session': 's1', 'available': [[0, 1]] } ] }, "
		"{ 'id': 'hB' }, { 'id': 'hC', 'sessions': [ { 'session': 's1', 'available': [[1, 2]] } ] } ], "
		"'requests': [ { 'id': 'a', 'household': 'hA', 'teachers': ['t1'], 'priority': 'required' }, "
		"{ 'id': 'b', 'household': 'hB', 'teachers': ['t1'], 'priority': 'optional' }, "
		"{ 'id': 'c', 'household': 'hC', 'teachers': ['t1'], 'priority': 'invited' } ] }");
	for (uint64_t seed = 1; seed <= 5; seed++) {
		triad_conference_result *r = solve_n(c, 300, seed);
		long b = meeting_of(r, "b");
		ck_assert_int_ge(meeting_of(r, "a"), 0);
		ck_assert_int_ge(b, 0);
		ck_assert_str_eq(triad_conference_result_meeting_session(r, (size_t)b), "s2");
		ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 0);
		ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL), 1);
		triad_conference_result_free(r);
	}
	triad_conference_free(c);
}
END_TEST

START_TEST(household_moves_to_one_evening)
{
	/* Two evenings of 2 slots. t1's first evening is full (hA and hB can
	 * come then only), so hX meets t1 on the second; there t2's slot 0
	 * is c's (hC can come then only). hX avoids a second evening only
	 * with x2 at t2's slot 1 next to x1 at slot 0, so d (hD, free both
	 * evenings) must meet t2 on the first evening. Cost 0 that way: no
	 * waiting, no idling, no extra session; d at t2's second-evening slot
	 * 1 instead costs hX an extra session (10,000). */
	triad_conference *c = load("{ 'format': 'triad.conference/1', "
		"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', 'slots': 2 }, "
		"{ 'id': 's2', 'date': '2026-11-12', 'start': '19:00', 'slots': 2 } ], 'rooms': [ { 'id': 'A' }, { 'id': 'B' } ], "
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' }, { 'session': 's2', 'room': 'A' } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's1', 'room': 'B' }, { 'session': 's2', 'room': 'B' } ] } ], "
		"'households': [ { 'id': 'hX' }, { 'id': 'hD' }, "
		"{ 'id': 'hA', 'sessions': [ { 'session': 's1' } ] }, { 'id': 'hB', 'sessions': [ { 'session': 's1' } ] }, "
		"{ 'id': 'hC', 'sessions': [ { 'session': 's2', 'available': [[0, 1]] } ] } ], "
		"'requests': [ { 'id': 'd', 'household': 'hD', 'teachers': ['t2'] }, "
		"{ 'id': 'x1', 'household': 'hX', 'teachers': ['t1'] }, "
		"{ 'id': 'x2', 'household': 'hX', 'teachers': ['t2'] }, "
		"{ 'id': 'a', 'household': 'hA', 'teachers': ['t1'] }, "
		"{ 'id': 'b', 'household': 'hB', 'teachers': ['t1'] }, "
		"{ 'id': 'c', 'household': 'hC', 'teachers': ['t2'] } ] }");
	for (uint64_t seed = 1; seed <= 5; seed++) {
		triad_conference_result *r = solve_n(c, 300, seed);
		long d = meeting_of(r, "d"), x2 = meeting_of(r, "x2");
		ck_assert_int_ge(d, 0);
		ck_assert_int_ge(x2, 0);
		ck_assert_str_eq(triad_conference_result_meeting_session(r, (size_t)d), "s1");
		ck_assert_str_eq(triad_conference_result_meeting_session(r, (size_t)x2), "s2");
		ck_assert_int_eq(triad_conference_result_meeting_slot(r, (size_t)x2), 1);
		ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS), 0);
		ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 0);
		triad_conference_result_free(r);
	}
	triad_conference_free(c);
}
END_TEST

START_TEST(no_common_slot_is_reported_not_an_error)
{
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(4, "")
		"'teachers': [ { 'id': 't1', 'name': 'Dhr. Visser', 'sessions': [ { 'session': 's1', 'room': 'A', 'available': [[2, 4]] } ] } ], "
		"'households': [ { 'id': 'h1', 'name': 'Fam. Mulder', 'sessions': [ { 'session': 's1', 'available': [[0, 2]] } ] } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'] } ] }");
	triad_conference_result *r = solve_n(c, 50, 1);
	ck_assert_uint_eq(triad_conference_result_meeting_count(r), 0);
	ck_assert_int_eq(reason_of(r, "a"), TRIAD_CONFERENCE_REASON_NO_COMMON_SLOT);
	const char *msg = triad_conference_result_unscheduled_message(r, 0);
	ck_assert_ptr_nonnull(strstr(msg, "Fam. Mulder"));
	ck_assert_ptr_nonnull(strstr(msg, "Dhr. Visser"));
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND), 0);
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL), 1);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

START_TEST(household_session_cap)
{
	triad_conference *c = load("{ 'format': 'triad.conference/1', "
		"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', 'slots': 3 }, "
		"{ 'id': 's2', 'date': '2026-11-11', 'start': '19:00', 'slots': 3 } ], 'rooms': [ { 'id': 'A' } ], "
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's2', 'room': 'A' } ] } ], "
		"'households': [ { 'id': 'h1', 'max_sessions': 1 } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'b', 'household': 'h1', 'teachers': ['t2'] } ] }");
	triad_conference_result *r = solve_n(c, 100, 1);
	ck_assert_int_ge(meeting_of(r, "a"), 0);
	ck_assert_int_eq(reason_of(r, "b"), TRIAD_CONFERENCE_REASON_HOUSEHOLD_SESSION_CAP);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS), 0);
	triad_conference_result_free(r);
	/* without the cap both meet, on two evenings: one extra session */
	triad_conference_setting_set(c, TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_SESSIONS, 0);
	triad_conference *c2 = load("{ 'format': 'triad.conference/1', "
		"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', 'slots': 3 }, "
		"{ 'id': 's2', 'date': '2026-11-11', 'start': '19:00', 'slots': 3 } ], 'rooms': [ { 'id': 'A' } ], "
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's2', 'room': 'A' } ] } ], "
		"'households': [ { 'id': 'h1' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'] }, "
		"{ 'id': 'b', 'household': 'h1', 'teachers': ['t2'] } ] }");
	r = solve_n(c2, 100, 1);
	ck_assert_uint_eq(triad_conference_result_meeting_count(r), 2);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS), 1);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 10000);
	triad_conference_result_free(r);
	triad_conference_free(c2);
	triad_conference_free(c);
}
END_TEST

START_TEST(household_wait_cap)
{
	/* t1 only at slot 0, t2 only at slot 3: meeting both means waiting 2 */
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(4, "")
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A', 'available': [[0, 1]] } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's1', 'room': 'A', 'available': [[3, 4]] } ] } ], "
		"'households': [ { 'id': 'h1', 'max_wait': 1 } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'b', 'household': 'h1', 'teachers': ['t2'] } ] }");
	triad_conference_result *r = solve_n(c, 100, 1);
	ck_assert_int_ge(meeting_of(r, "a"), 0);
	ck_assert_int_eq(reason_of(r, "b"), TRIAD_CONFERENCE_REASON_WAIT_CAP);
	triad_conference_result_free(r);
	/* a cap of 2 allows it: cost 2 waiting slots = 200 */
	ck_assert_ok(triad_conference_setting_set(c, TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_WAIT, 2));
	triad_conference *c2 = load("{ 'format': 'triad.conference/1', " ONE_SESSION(4, "")
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A', 'available': [[0, 1]] } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's1', 'room': 'A', 'available': [[3, 4]] } ] } ], "
		"'households': [ { 'id': 'h1', 'max_wait': 2 } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'b', 'household': 'h1', 'teachers': ['t2'] } ] }");
	r = solve_n(c2, 100, 1);
	ck_assert_uint_eq(triad_conference_result_meeting_count(r), 2);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS), 2);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 200);
	triad_conference_result_free(r);
	triad_conference_free(c2);
	triad_conference_free(c);
}
END_TEST

START_TEST(walking_gap_between_rooms)
{
	/* two teachers in rooms A and B; a walking gap of one slot */
	const char *two = "{ 'format': 'triad.conference/1', 'settings': { 'walking_gap': 1 }, " ONE_SESSION(2, "")
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's1', 'room': 'B' } ] } ], "
		"'households': [ { 'id': 'h1' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'b', 'household': 'h1', 'teachers': ['t2'] } ] }";
	triad_conference *c = load(two);
	triad_conference_result *r = solve_n(c, 100, 1);
	/* two slots: no room to walk, only the invited one meets */
	ck_assert_uint_eq(triad_conference_result_meeting_count(r), 1);
	ck_assert_int_ge(meeting_of(r, "a"), 0);
	ck_assert_int_eq(reason_of(r, "b"), TRIAD_CONFERENCE_REASON_NO_FREE_SLOT);
	triad_conference_result_free(r);
	triad_conference_free(c);
	/* three slots: slots 0 and 2 with a free slot to walk (waiting 1 = 100) */
	char buf[2048];
	snprintf(buf, sizeof buf, "%s", two);
	char *p = strstr(buf, "'slots': 2");
	p[9] = '3';
	c = load(buf);
	r = solve_n(c, 100, 1);
	ck_assert_uint_eq(triad_conference_result_meeting_count(r), 2);
	ck_assert_int_eq(triad_conference_result_meeting_slot(r, 0), 0);
	ck_assert_int_eq(triad_conference_result_meeting_slot(r, 1), 2);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 100);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

START_TEST(teacher_break_after_consecutive_slots)
{
	/* t1 needs a break after 2 consecutive slots; three households in three
	 * slots: at most two meetings (0-1 then a break, or 0 and 2) */
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(3, "")
		"'teachers': [ { 'id': 't1', 'break_after': 2, 'sessions': [ { 'session': 's1', 'room': 'A' } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' }, { 'id': 'h3' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'] }, "
		"{ 'id': 'b', 'household': 'h2', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'c', 'household': 'h3', 'teachers': ['t1'], 'priority': 'invited' } ] }");
	triad_conference_result *r = solve_n(c, 200, 1);
	ck_assert_uint_eq(triad_conference_result_meeting_count(r), 2);
	ck_assert_int_ge(meeting_of(r, "b"), 0);
	ck_assert_int_ge(meeting_of(r, "c"), 0);
	/* both start the session's first half (0 and 1 of 3: s < 2) or 0 and 2;
	 * the cheapest keeps t1 without idle time: 0 and 1 */
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_TEACHER_IDLE_SLOTS), 0);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 2000000);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

START_TEST(breaks_joint_and_double_meetings)
{
	/* slot 1 is a break; t2 is available at slots 2-3 only. The joint
	 * request j (t1 and t2, two slots) can only be at 2-3, in t1's room B;
	 * the double request d (h2 with t1, two slots) cannot use 0-1 (break)
	 * nor 2-3 (t1 busy with j), so it goes to 4-5. */
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(6, ", 'breaks': [[1, 2]]")
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'B' } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's1', 'room': 'C', 'available': [[2, 4]] } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' } ], "
		"'requests': [ { 'id': 'j', 'household': 'h1', 'teachers': ['t1', 't2'], 'slots': 2, 'priority': 'invited' }, "
		"{ 'id': 'd', 'household': 'h2', 'teachers': ['t1'], 'slots': 2 } ] }");
	triad_conference_result *r = solve_n(c, 200, 1);
	long j = meeting_of(r, "j"), d = meeting_of(r, "d");
	ck_assert_int_ge(j, 0);
	ck_assert_int_ge(d, 0);
	ck_assert_int_eq(triad_conference_result_meeting_slot(r, (size_t)j), 2);
	ck_assert_int_eq(triad_conference_result_meeting_slots(r, (size_t)j), 2);
	ck_assert_str_eq(triad_conference_result_meeting_room(r, (size_t)j), "B");
	ck_assert_int_eq(triad_conference_result_meeting_slot(r, (size_t)d), 4);
	size_t idx[4];
	ck_assert_int_eq(triad_conference_result_teacher_meetings(idx, 4, r, "t2"), 1);
	ck_assert_int_eq(triad_conference_result_teacher_meetings(idx, 4, r, "t1"), 2);
	/* t1: 2-3 and 4-5, no idle; t2: 2-3. Cost 0: proven optimal. */
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), 0);
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL), 1);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

/* ---- random instances ---- */

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

/* A random instance as JSON (double quotes). `late` adds one request;
 * `ill` limits teacher t0 to the first slot of session s1. */
static char *random_instance(uint64_t seed, int sessions, int slots, int teachers,
                             int households, int per_household, bool singles, bool late,
                             bool ill, bool settings)
{
	uint64_t x = seed;
	json_t *root = json_object();
	json_object_set_new(root, "format", json_string("triad.conference/1"));
	if (settings)
		json_object_set_new(root, "settings",
		                    json_pack("{sisisisi}", "walking_gap", rnd(&x, 2),
		                              "teacher_break_after", rnd(&x, 2) ? 0 : 3,
		                              "household_max_wait", rnd(&x, 2) ? 0 : 2,
		                              "teacher_max_meetings", rnd(&x, 2) ? 0 : slots - 2));
	json_t *ss = json_array(), *rooms = json_array(), *ts = json_array(), *hs = json_array(),
	       *rs = json_array();
	for (int s = 0; s < sessions; s++) {
		char id[8];
		snprintf(id, sizeof id, "s%d", s + 1);
		json_t *o = json_pack("{sssssssi}", "id", id, "date", s ? "2026-11-12" : "2026-11-10",
		                      "start", "19:00", "slots", slots);
		if (slots >= 6 && rnd(&x, 2))
			json_object_set_new(o, "breaks", json_pack("[[ii]]", slots / 2, slots / 2 + 1));
		json_array_append_new(ss, o);
	}
	for (int t = 0; t < teachers; t++) {
		char id[8];
		snprintf(id, sizeof id, "R%d", t);
		json_array_append_new(rooms, json_pack("{ss}", "id", id));
		snprintf(id, sizeof id, "t%d", t);
		json_t *tsess = json_array();
		for (int s = 0; s < sessions; s++) {
			if (sessions > 1 && t % 3 == 2 && s == 1)
				continue; /* some teachers come one evening only */
			char sid[8], room[8];
			snprintf(sid, sizeof sid, "s%d", s + 1);
			snprintf(room, sizeof room, "R%d", t);
			json_t *o = json_pack("{ssss}", "session", sid, "room", room);
			/* draw in every case, so that `ill` changes nothing else */
			bool limited = rnd(&x, 4) == 0;
			if (ill && t == 0 && s == 0)
				json_object_set_new(o, "available", json_pack("[[ii]]", 0, 1));
			else if (limited)
				json_object_set_new(o, "available", json_pack("[[ii]]", 0, slots - 1));
			json_array_append_new(tsess, o);
		}
		json_array_append_new(ts, json_pack("{ssso}", "id", id, "sessions", tsess));
	}
	static const char *prio[] = { "invited", "required", "optional" };
	static const char *pref[] = { "none", "early", "late" };
	int nreq = 0;
	for (int h = 0; h < households; h++) {
		char id[8];
		snprintf(id, sizeof id, "h%d", h);
		json_t *o = json_pack("{sss[s]ss}", "id", id, "students", "kid", "preference", pref[rnd(&x, 3)]);
		if (rnd(&x, 3) == 0) {
			json_t *hsess = json_array();
			int from = rnd(&x, slots / 2);
			json_array_append_new(hsess, json_pack("{sss[[ii]]}", "session", "s1", "available",
			                                       from, from + slots / 2 + 1));
			json_object_set_new(o, "sessions", hsess);
		}
		json_array_append_new(hs, o);
		int first = rnd(&x, teachers);
		for (int k = 0; k < per_household; k++) {
			char rid[12], t1[8], t2[8];
			snprintf(rid, sizeof rid, "r%d", nreq++);
			snprintf(t1, sizeof t1, "t%d", (first + k) % teachers);
			snprintf(t2, sizeof t2, "t%d", (first + k + 1) % teachers);
			json_t *r = json_pack("{sssssssi}", "id", rid, "household", id, "priority", prio[rnd(&x, 3)],
			                      "slots", singles ? 1 : 1 + (rnd(&x, 6) == 0));
			json_t *tl = json_array();
			json_array_append_new(tl, json_string(t1));
			if (!singles && teachers > 1 && rnd(&x, 8) == 0)
				json_array_append_new(tl, json_string(t2));
			json_object_set_new(r, "teachers", tl);
			json_array_append_new(rs, r);
		}
	}
	if (late)
		json_array_append_new(rs, json_pack("{sssss[s]ss}", "id", "late", "household", "h0",
		                                    "teachers", "t1", "priority", "required"));
	json_object_set_new(root, "sessions", ss);
	json_object_set_new(root, "rooms", rooms);
	json_object_set_new(root, "teachers", ts);
	json_object_set_new(root, "households", hs);
	json_object_set_new(root, "requests", rs);
	char *text = json_dumps(root, JSON_PRESERVE_ORDER);
	json_decref(root);
	return text;
}

static triad_conference *load_text(const char *text)
{
	triad_conference *c = NULL;
	int rc = triad_conference_load_json(&c, text, strlen(text), "random");
	ck_assert_msg(rc == 0, "%s", triad_error_last()->message);
	return c;
}

START_TEST(random_instances_pass_the_checker)
{
	char *text = random_instance(1000 + (uint64_t)_i, 1 + _i % 2, 5 + _i % 5, 3 + _i % 4,
	                             6 + _i % 7, 1 + _i % 3, false, false, false, true);
	triad_conference *c = load_text(text);
	triad_conference_result *r = solve_n(c, 300, (uint64_t)_i);
	/* and its JSON reads back and checks the same */
	char *out;
	ck_assert_ok(triad_conference_result_save_json(&out, r));
	triad_conference_result *back;
	ck_assert_ok(triad_conference_result_load_json(&back, c, out, strlen(out), NULL));
	assert_valid(c, back);
	triad_free(out);
	triad_conference_result_free(back);
	triad_conference_result_free(r);
	triad_conference_free(c);
	free(text);
}
END_TEST

/* ---- brute force ---- */

typedef struct brute {
	const triad_conference *c;
	size_t n;
	const char **req;
	const char **ses;
	int32_t *slot;     /* per request: -1 unscheduled */
	int32_t *len;
	int32_t *hh;
	int32_t *t0, *t1; /* teachers (t1 -1 when single) */
	int64_t best;
	long feasible;
} brute;

/* Quick pruning of obvious clashes before asking the checker. */
static bool clash(const brute *b, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		if (b->slot[i] < 0 || b->slot[k] < 0)
			continue;
		bool overlap = b->slot[i] < b->slot[k] + b->len[k] && b->slot[k] < b->slot[i] + b->len[i];
		if (!overlap)
			continue;
		if (b->hh[i] == b->hh[k] || b->t0[i] == b->t0[k] || b->t0[i] == b->t1[k] ||
		    (b->t1[i] >= 0 && (b->t1[i] == b->t0[k] || b->t1[i] == b->t1[k])))
			return true;
	}
	return false;
}

static void enumerate(brute *b, size_t k)
{
	if (k == b->n) {
		const char *req[16], *ses[16];
		int32_t slot[16];
		size_t m = 0;
		for (size_t i = 0; i < b->n; i++)
			if (b->slot[i] >= 0) {
				req[m] = b->req[i];
				ses[m] = "s1";
				slot[m] = b->slot[i];
				m++;
			}
		triad_conference_result *r;
		ck_assert_ok(triad_conference_result_from_meetings(&r, b->c, req, ses, slot, m));
		triad_conference_report *rep;
		ck_assert_ok(triad_conference_check(&rep, b->c, r));
		if (triad_conference_report_violation_count(rep) == 0) {
			int64_t cost;
			ck_assert_ok(triad_conference_report_metric(&cost, rep, TRIAD_CONFERENCE_METRIC_COST));
			if (cost < b->best)
				b->best = cost;
			b->feasible++;
		}
		triad_conference_report_free(rep);
		triad_conference_result_free(r);
		return;
	}
	int32_t slots = triad_conference_session_slots(b->c, 0);
	for (int32_t p = -1; p + b->len[k] <= slots; p++) {
		b->slot[k] = p;
		if (!clash(b, k))
			enumerate(b, k + 1);
	}
}

START_TEST(reaches_the_brute_force_optimum)
{
	/* one session of 5 slots, 3 teachers, 4 households with 1-2 requests */
	char *text = random_instance(77 + (uint64_t)_i, 1, 5, 3, 4, 1 + _i % 2, _i % 2 == 0, false,
	                             false, _i % 3 == 0);
	triad_conference *c = load_text(text);
	size_t n = triad_conference_request_count(c);
	ck_assert_uint_le(n, 12);
	brute b = { c, n, NULL, NULL, NULL, NULL, NULL, NULL, NULL, INT64_MAX, 0 };
	b.req = calloc(n, sizeof *b.req);
	b.slot = calloc(n, sizeof *b.slot);
	b.len = calloc(n, sizeof *b.len);
	b.hh = calloc(n, sizeof *b.hh);
	b.t0 = calloc(n, sizeof *b.t0);
	b.t1 = calloc(n, sizeof *b.t1);
	for (size_t i = 0; i < n; i++) {
		b.req[i] = triad_conference_request_id(c, i);
		b.len[i] = triad_conference_request_slots(c, i);
		b.hh[i] = triad_conference_request_household(c, i);
		b.t0[i] = triad_conference_request_teacher(c, i, 0);
		b.t1[i] = triad_conference_request_teacher_count(c, i) > 1
		                  ? triad_conference_request_teacher(c, i, 1) : -1;
	}
	enumerate(&b, 0);
	ck_assert_int_gt(b.feasible, 0);
	triad_conference_result *r = solve_n(c, 3000, 5);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_COST), b.best);
	triad_conference_result_free(r);
	free(b.req);
	free(b.slot);
	free(b.len);
	free(b.hh);
	free(b.t0);
	free(b.t1);
	triad_conference_free(c);
	free(text);
}
END_TEST

/* ---- determinism, progress, cancellation, time limit ---- */

START_TEST(same_seed_same_schedule)
{
	char *text = random_instance(4242, 2, 10, 6, 30, 3, false, false, false, false);
	triad_conference *c = load_text(text);
	triad_conference_result *a = solve_n(c, 2000, 99), *b = solve_n(c, 2000, 99);
	ck_assert_uint_eq(triad_conference_result_meeting_count(a), triad_conference_result_meeting_count(b));
	for (size_t i = 0; i < triad_conference_result_meeting_count(a); i++) {
		ck_assert_str_eq(triad_conference_result_meeting_request(a, i),
		                 triad_conference_result_meeting_request(b, i));
		ck_assert_str_eq(triad_conference_result_meeting_session(a, i),
		                 triad_conference_result_meeting_session(b, i));
		ck_assert_int_eq(triad_conference_result_meeting_slot(a, i),
		                 triad_conference_result_meeting_slot(b, i));
	}
	ck_assert_int_eq(rmetric(a, TRIAD_CONFERENCE_METRIC_COST), rmetric(b, TRIAD_CONFERENCE_METRIC_COST));
	ck_assert_int_eq(rstat(a, TRIAD_CONFERENCE_STAT_ITERATIONS), rstat(b, TRIAD_CONFERENCE_STAT_ITERATIONS));
	ck_assert_int_eq(rstat(a, TRIAD_CONFERENCE_STAT_SEED), 99);
	/* the search improves on the constructive schedule or keeps it */
	ck_assert_int_le(rmetric(a, TRIAD_CONFERENCE_METRIC_COST),
	                 rstat(a, TRIAD_CONFERENCE_STAT_CONSTRUCT_COST));
	triad_conference_result_free(a);
	triad_conference_result_free(b);
	triad_conference_free(c);
	free(text);
}
END_TEST

typedef struct progress_log {
	int calls, improve_calls, stop_at;
	triad_solve_phase first, last;
	int64_t last_cost;
	bool increasing;
} progress_log;

static int on_progress(triad_solve_phase phase, int64_t best, double fraction, void *payload)
{
	progress_log *p = payload;
	if (p->calls++ == 0)
		p->first = phase;
	p->last = phase;
	ck_assert(fraction >= 0 && fraction <= 1);
	if (best >= 0 && p->last_cost >= 0 && best > p->last_cost)
		p->increasing = true;
	if (best >= 0)
		p->last_cost = best;
	if (phase == TRIAD_SOLVE_PHASE_IMPROVE)
		p->improve_calls++;
	return p->stop_at > 0 && p->improve_calls >= p->stop_at;
}

START_TEST(progress_and_cancellation)
{
	char *text = random_instance(31, 2, 12, 8, 60, 3, false, false, false, false);
	triad_conference *c = load_text(text);
	progress_log log = { 0, 0, 0, TRIAD_SOLVE_PHASE_NONE, TRIAD_SOLVE_PHASE_NONE, -1, false };
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = 500;
	o.progress = on_progress;
	o.payload = &log;
	o.progress_interval = 100;
	triad_conference_result *r;
	ck_assert_ok(triad_conference_solve(&r, c, &o, NULL));
	assert_valid(c, r);
	ck_assert_int_eq(log.first, TRIAD_SOLVE_PHASE_BOUND);
	ck_assert_int_eq(log.last, TRIAD_SOLVE_PHASE_DONE);
	ck_assert(!log.increasing);
	if (rstat(r, TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL) == 0) {
		ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_ITERATIONS), 500);
		ck_assert_int_eq(log.improve_calls, 5);
	}
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_CANCELED), 0);
	triad_conference_result_free(r);

	/* stop at the second report: 200 iterations, the best so far, valid */
	progress_log stop = { 0, 0, 2, TRIAD_SOLVE_PHASE_NONE, TRIAD_SOLVE_PHASE_NONE, -1, false };
	o.payload = &stop;
	o.max_iterations = 1000000;
	ck_assert_ok(triad_conference_solve(&r, c, &o, NULL));
	assert_valid(c, r);
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_CANCELED), 1);
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_ITERATIONS), 200);
	ck_assert_int_eq(stop.last, TRIAD_SOLVE_PHASE_DONE);
	triad_conference_result_free(r);

	/* a time limit cuts a long run short */
	o.progress = NULL;
	o.max_iterations = 100000000;
	o.time_limit_seconds = 0.05;
	ck_assert_ok(triad_conference_solve(&r, c, &o, NULL));
	assert_valid(c, r);
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_TIME_LIMIT_HIT), 1);
	ck_assert_int_lt(rstat(r, TRIAD_CONFERENCE_STAT_ITERATIONS), 100000000);
	triad_conference_result_free(r);
	triad_conference_free(c);
	free(text);
}
END_TEST

START_TEST(options)
{
	triad_solve_options o;
	ck_assert_fails(triad_solve_options_init(&o, 0), TRIAD_EINVAL, "version 0");
	ck_assert_fails(triad_solve_options_init(&o, 2), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_solve_options_init(NULL, 1), TRIAD_EINVAL, NULL);
	ck_assert_ok(triad_solve_options_init(&o, TRIAD_SOLVE_OPTIONS_VERSION));
	ck_assert_uint_eq(o.version, 1);
	ck_assert_uint_eq(o.seed, 1);
	ck_assert_int_eq(o.max_iterations, 0);
	ck_assert(o.progress == NULL);
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(2, "")
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' } ] } ], "
		"'households': [ { 'id': 'h1' } ], 'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'] } ] }");
	triad_conference_result *r = NULL;
	o.max_iterations = -2;
	ck_assert_fails(triad_conference_solve(&r, c, &o, NULL), TRIAD_EINVAL, "max_iterations");
	o.max_iterations = 0;
	o.time_limit_seconds = -1;
	ck_assert_fails(triad_conference_solve(&r, c, &o, NULL), TRIAD_EINVAL, "time_limit_seconds");
	o.time_limit_seconds = 0;
	o.version = 7;
	ck_assert_fails(triad_conference_solve(&r, c, &o, NULL), TRIAD_EINVAL, "version 7");
	ck_assert_ptr_null(r);
	ck_assert_fails(triad_conference_solve(NULL, c, NULL, NULL), TRIAD_EINVAL, NULL);
	/* NULL options: the defaults; -1 iterations: construct only */
	ck_assert_ok(triad_conference_solve(&r, c, NULL, NULL));
	assert_valid(c, r);
	ck_assert_uint_eq(triad_conference_result_meeting_count(r), 1);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

/* ---- pins and re-solving ---- */

START_TEST(pins_are_kept_and_conflicts_reported)
{
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(4, "")
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' }, { 'id': 'h3' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'pin': { 'session': 's1', 'slot': 3 } }, "
		"{ 'id': 'b', 'household': 'h2', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'c', 'household': 'h3', 'teachers': ['t1'] } ] }");
	ck_assert_ok(triad_conference_pin(c, "c", "s1", 3)); /* the same slot as a */
	triad_conference_result *r = solve_n(c, 200, 1);
	long a = meeting_of(r, "a");
	ck_assert_int_ge(a, 0);
	ck_assert_int_eq(triad_conference_result_meeting_slot(r, (size_t)a), 3);
	ck_assert_int_eq(triad_conference_result_meeting_pinned(r, (size_t)a), 1);
	ck_assert_int_eq(reason_of(r, "c"), TRIAD_CONFERENCE_REASON_PIN_CONFLICT);
	/* b fills the gap next to a: slot 2, so t1 does not idle */
	long b = meeting_of(r, "b");
	ck_assert_int_eq(triad_conference_result_meeting_slot(r, (size_t)b), 2);
	ck_assert_int_eq(triad_conference_result_meeting_pinned(r, (size_t)b), 0);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

static int64_t moved(const triad_conference_result *r)
{
	return rmetric(r, TRIAD_CONFERENCE_METRIC_MOVED_MEETINGS);
}

START_TEST(resolving_moves_few_meetings)
{
	char *before = random_instance(555, 2, 12, 8, 50, 3, false, false, false, false);
	char *late = random_instance(555, 2, 12, 8, 50, 3, false, true, false, false);
	char *ill = random_instance(555, 2, 12, 8, 50, 3, false, false, true, false);
	triad_conference *c0 = load_text(before), *c1 = load_text(late), *c2 = load_text(ill);
	triad_conference_result *first = solve_n(c0, 3000, 3);
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = 3000;
	o.seed = 3;

	/* a late request: it is met and at most a few others move */
	triad_conference_result *r;
	ck_assert_ok(triad_conference_solve(&r, c1, &o, first));
	assert_valid(c1, r);
	ck_assert_int_ge(meeting_of(r, "late"), 0);
	ck_assert_int_le(moved(r), 3);
	triad_conference_result_free(r);

	/* teacher t0 falls ill in session s1 (keeps only slot 0): its meetings
	 * there move; few others do, far fewer than when solving afresh */
	size_t lost = 0;
	for (size_t i = 0; i < triad_conference_result_meeting_count(first); i++)
		if (strcmp(triad_conference_result_meeting_session(first, i), "s1") == 0 &&
		    triad_conference_result_meeting_slot(first, i) > 0)
			for (size_t k = 0; k < triad_conference_result_meeting_teacher_count(first, i); k++)
				lost += strcmp(triad_conference_result_meeting_teacher(first, i, k), "t0") == 0;
	ck_assert_ok(triad_conference_solve(&r, c2, &o, first));
	assert_valid(c2, r);
	ck_assert_int_le(moved(r), (int64_t)lost + 4);
	/* the same change without the previous result: compare placements */
	triad_conference_result *fresh = solve_n(c2, 3000, 3);
	size_t same = 0;
	for (size_t i = 0; i < triad_conference_result_meeting_count(fresh); i++) {
		long j = meeting_of(first, triad_conference_result_meeting_request(fresh, i));
		same += j >= 0 &&
		        triad_conference_result_meeting_slot(first, (size_t)j) == triad_conference_result_meeting_slot(fresh, i) &&
		        strcmp(triad_conference_result_meeting_session(first, (size_t)j),
		               triad_conference_result_meeting_session(fresh, i)) == 0;
	}
	int64_t fresh_moved = (int64_t)triad_conference_result_meeting_count(first) - (int64_t)same;
	ck_assert_int_lt(moved(r), fresh_moved);
	/* pinning the first schedule: nothing pinned moves */
	ck_assert_ok(triad_conference_pin_result(c1, first));
	triad_conference_result *pinned = solve_n(c1, 500, 3);
	for (size_t i = 0; i < triad_conference_result_meeting_count(first); i++) {
		long j = meeting_of(pinned, triad_conference_result_meeting_request(first, i));
		ck_assert_int_ge(j, 0);
		ck_assert_int_eq(triad_conference_result_meeting_slot(pinned, (size_t)j),
		                 triad_conference_result_meeting_slot(first, i));
		ck_assert_int_eq(triad_conference_result_meeting_pinned(pinned, (size_t)j), 1);
	}
	triad_conference_result_free(pinned);
	triad_conference_result_free(fresh);
	triad_conference_result_free(r);
	triad_conference_result_free(first);
	triad_conference_free(c0);
	triad_conference_free(c1);
	triad_conference_free(c2);
	free(before);
	free(late);
	free(ill);
}
END_TEST

START_TEST(bound_by_hand)
{
	/* t1 has two slots; three households ask for it with weights 4, 2, 1:
	 * at most 4 + 2 = 6. A double-length optional request for t2 (one slot
	 * free) adds half its weight at most: 1 x 1/2, rounded down with the
	 * rest: floor(6.5) = 6. */
	triad_conference *c = load("{ 'format': 'triad.conference/1', " ONE_SESSION(2, "")
		"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' } ] }, "
		"{ 'id': 't2', 'sessions': [ { 'session': 's1', 'room': 'B', 'available': [[0, 1]] } ] } ], "
		"'households': [ { 'id': 'h1' }, { 'id': 'h2' }, { 'id': 'h3' } ], "
		"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'], 'priority': 'invited' }, "
		"{ 'id': 'b', 'household': 'h2', 'teachers': ['t1'], 'priority': 'required' }, "
		"{ 'id': 'c', 'household': 'h3', 'teachers': ['t1'], 'priority': 'optional' }, "
		"{ 'id': 'd', 'household': 'h3', 'teachers': ['t2'], 'priority': 'optional', 'slots': 2 } ] }");
	int64_t b;
	ck_assert_ok(triad_conference_bound(&b, c));
	/* d cannot start anywhere (t2 has one slot): it covers nothing: 6 */
	ck_assert_int_eq(b, 6);
	ck_assert_fails(triad_conference_bound(NULL, c), TRIAD_EINVAL, NULL);
	triad_conference_result *r = solve_n(c, 100, 1);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT), 6);
	ck_assert_int_eq(rstat(r, TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL), 1);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

START_TEST(data_file_instance)
{
	/* tests/data/conference/small.json: two sessions, a walking gap, a
	 * waiting cap, a break-after, a session cap, a pin, joint and double
	 * meetings (also the fuzz target's seed) */
	triad_conference *c = NULL;
	ck_assert_ok(triad_conference_load_file(&c, test_data_path("conference/small.json")));
	ck_assert_uint_eq(triad_conference_request_count(c), 5);
	triad_conference_result *r = solve_n(c, 500, 7);
	long r4 = meeting_of(r, "r4");
	ck_assert_int_ge(r4, 0);
	ck_assert_str_eq(triad_conference_result_meeting_session(r, (size_t)r4), "s1");
	ck_assert_int_eq(triad_conference_result_meeting_slot(r, (size_t)r4), 0);
	ck_assert_int_eq(triad_conference_result_meeting_pinned(r, (size_t)r4), 1);
	/* everything fits: 4 + 1 + 2 + 2 + 1 */
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT), 10);
	ck_assert_int_eq(rmetric(r, TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT), 0);
	triad_conference_result_free(r);
	triad_conference_free(c);
}
END_TEST

/* ---- allocation failures ---- */

typedef struct sweep_ctx {
	triad_conference *c;
	triad_conference_result *prev, *r;
} sweep_ctx;

static int sweep_solve(void *p)
{
	sweep_ctx *x = p;
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = 20;
	x->r = NULL;
	return triad_conference_solve(&x->r, x->c, &o, x->prev);
}

static void sweep_after(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc == 0)
		ck_assert_ptr_nonnull(x->r);
	else
		ck_assert_ptr_null(x->r);
	triad_conference_result_free(x->r);
	x->r = NULL;
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	char *text = random_instance(8, 2, 6, 3, 5, 2, false, false, false, true);
	failalloc_install();
	json_set_alloc_funcs(malloc, free);
	sweep_ctx x = { load_text(text), NULL, NULL };
	ck_assert_int_gt(failalloc_sweep(sweep_solve, sweep_after, &x), 20);
	/* and re-solving from a previous result */
	ck_assert_ok(sweep_solve(&x));
	x.prev = x.r;
	ck_assert_int_gt(failalloc_sweep(sweep_solve, sweep_after, &x), 20);
	triad_conference_result_free(x.prev);
	triad_conference_free(x.c);
	free(text);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("conference_solve");
	TCase *tc = tcase_create("hard constraints");
	tcase_add_test(tc, teacher_cap_keeps_the_heavier_request);
	tcase_add_test(tc, no_common_slot_is_reported_not_an_error);
	tcase_add_test(tc, teacher_chain_across_sessions);
	tcase_add_test(tc, household_moves_to_one_evening);
	tcase_add_test(tc, household_session_cap);
	tcase_add_test(tc, household_wait_cap);
	tcase_add_test(tc, walking_gap_between_rooms);
	tcase_add_test(tc, teacher_break_after_consecutive_slots);
	tcase_add_test(tc, breaks_joint_and_double_meetings);
	tcase_add_test(tc, bound_by_hand);
	tcase_add_test(tc, data_file_instance);
	suite_add_tcase(s, tc);
	tc = tcase_create("search");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, random_instances_pass_the_checker, 0, 24);
	tcase_add_loop_test(tc, reaches_the_brute_force_optimum, 0, 6);
	tcase_add_test(tc, same_seed_same_schedule);
	tcase_add_test(tc, progress_and_cancellation);
	tcase_add_test(tc, options);
	tcase_add_test(tc, pins_are_kept_and_conflicts_reported);
	tcase_add_test(tc, resolving_moves_few_meetings);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
