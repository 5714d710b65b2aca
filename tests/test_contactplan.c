/*
 * Contact plans and the expected contacts they generate.
 *
 * The calendar is tests/data/calendar/school-2025.json (region midden, 42
 * school weeks; see test_calendar.c). Its school weeks, worked out by hand:
 *   week 1 Mon 2025-08-25 .. Fri 08-29     week 11 2025-11-10 .. 11-14
 *   week 4 2025-09-15 .. 09-19             week 15 2025-12-08 .. 12-12
 *   week 5 2025-09-22 .. 09-26             week 20 2026-01-26 .. 01-30
 *   week 6 2025-09-29 .. 10-03             week 21 2026-02-02 .. 02-06
 *   week 8 2025-10-13 .. 10-17             week 40 2026-06-29 .. 07-03
 *   week 10 2025-11-03 .. 11-07
 * (autumn holiday between weeks 8 and 9, Christmas between 16 and 17,
 * spring between 22 and 23, May between 31 and 32). Report periods: p1 ends
 * Fri 2025-11-21 (10 school days later: Mon 11-24 .. Fri 12-05), p2 ends
 * Fri 2026-02-27 (Mon 03-02 .. Fri 03-13; 5 school days: Fri 03-06), p3
 * ends Fri 2026-07-17, the last school day, so nothing follows it.
 *
 * The small school (the audience):
 *   h-jansen      s-anna (havo 1, 1a, mentor m-devries), s-bram (vwo 3, 3b,
 *                 m-bakker): siblings with different mentors
 *   h-smit        s-cas and s-dewi (havo 2, 2a, m-devries): twins, one mentor
 *   h-mol-moeder  s-eva (vmbo-tl 1, 1c, m-bakker)   separated parents:
 *   h-mol-vader   s-eva                              two households
 *   h-visser      s-finn (havo 2, 2b, m-devries); h-visser-vader restricted
 *   h-bos         s-gijs (vwo 4, 4a, m-bakker);   h-bos-vader on request
 */
#include <unistd.h>

#include "support/failalloc.h"
#include "support/testutil.h"

#define TRIAD_ARRAY_LEN_(a) (sizeof(a) / sizeof((a)[0]))

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

static triad_calendar *calendar(void)
{
	triad_calendar *cal = NULL;
	ck_assert_ok(triad_calendar_load_file(&cal, test_data_path("calendar/school-2025.json")));
	return cal;
}

static const struct {
	const char *household, *student, *type;
	int year;
	const char *class_name, *mentor;
	triad_plan_access access;
} school[] = {
	{ "h-jansen", "s-anna", "havo", 1, "1a", "m-devries", TRIAD_PLAN_ACCESS_FULL },
	{ "h-jansen", "s-bram", "vwo", 3, "3b", "m-bakker", TRIAD_PLAN_ACCESS_FULL },
	{ "h-smit", "s-cas", "havo", 2, "2a", "m-devries", TRIAD_PLAN_ACCESS_FULL },
	{ "h-smit", "s-dewi", "havo", 2, "2a", "m-devries", TRIAD_PLAN_ACCESS_FULL },
	{ "h-mol-moeder", "s-eva", "vmbo-tl", 1, "1c", "m-bakker", TRIAD_PLAN_ACCESS_FULL },
	{ "h-mol-vader", "s-eva", "vmbo-tl", 1, "1c", "m-bakker", TRIAD_PLAN_ACCESS_FULL },
	{ "h-visser", "s-finn", "havo", 2, "2b", "m-devries", TRIAD_PLAN_ACCESS_FULL },
	{ "h-visser-vader", "s-finn", "havo", 2, "2b", "m-devries", TRIAD_PLAN_ACCESS_RESTRICTED },
	{ "h-bos", "s-gijs", "vwo", 4, "4a", "m-bakker", TRIAD_PLAN_ACCESS_FULL },
	{ "h-bos-vader", "s-gijs", "vwo", 4, "4a", "m-bakker", TRIAD_PLAN_ACCESS_ON_REQUEST },
};

static triad_audience *audience(void)
{
	triad_audience *aud = NULL;
	ck_assert_ok(triad_audience_new(&aud));
	for (size_t i = 0; i < TRIAD_ARRAY_LEN_(school); i++)
		ck_assert_ok(triad_audience_add(aud, school[i].household, school[i].student,
		                                school[i].type, school[i].year, school[i].class_name,
		                                school[i].mentor, school[i].access));
	return aud;
}

/* Expected contact i must be (household, rule, staff, earliest, due, students). */
static void check(const triad_expected *x, size_t i, const char *household, const char *rule,
                  const char *staff, triad_date earliest, triad_date due, const char *s1,
                  const char *s2)
{
	ck_assert_msg(strcmp(triad_expected_household(x, i), household) == 0,
	              "contact %zu: household %s, expected %s", i, triad_expected_household(x, i),
	              household);
	ck_assert_str_eq(triad_expected_rule(x, i), rule);
	ck_assert_str_eq(triad_expected_staff(x, i), staff);
	ck_assert_int_eq(triad_expected_earliest(x, i), earliest);
	ck_assert_int_eq(triad_expected_due(x, i), due);
	ck_assert_uint_eq(triad_expected_student_count(x, i), s2 ? 2 : 1);
	ck_assert_str_eq(triad_expected_student_at(x, i, 0), s1);
	if (s2)
		ck_assert_str_eq(triad_expected_student_at(x, i, 1), s2);
}

START_TEST(default_plan_rules)
{
	triad_contactplan *plan;
	ck_assert_ok(triad_contactplan_default(&plan));
	ck_assert_uint_eq(triad_contactplan_rule_count(plan), 4);
	triad_plan_rule r = TRIAD_PLAN_RULE_INIT;
	ck_assert_ok(triad_contactplan_rule_at(plan, 0, &r));
	ck_assert_str_eq(r.id, "intake");
	ck_assert_int_eq(r.kind, TRIAD_CONTACT_INTAKE);
	ck_assert_int_eq(r.with, TRIAD_PLAN_WITH_MENTOR);
	ck_assert_int_eq(r.per, TRIAD_PLAN_PER_HOUSEHOLD);
	ck_assert_int_eq(r.timing, TRIAD_PLAN_FIRST_WEEKS);
	ck_assert_int_eq(r.n, 4);
	ck_assert_ok(triad_contactplan_rule_at(plan, 3, &r));
	ck_assert_str_eq(r.id, "conference");
	ck_assert_int_eq(r.timing, TRIAD_PLAN_AFTER_REPORT);
	ck_assert_int_eq(r.limit, 2);
	ck_assert_uint_eq(r.report_period_count, 0);
	size_t at = 9;
	ck_assert_ok(triad_contactplan_find_rule(&at, plan, "triangle"));
	ck_assert_uint_eq(at, 2);
	ck_assert_fails(triad_contactplan_find_rule(&at, plan, "x"), TRIAD_ENOTFOUND, "\"x\"");
	ck_assert_fails(triad_contactplan_rule_at(plan, 4, &r), TRIAD_EINVAL, "out of range");
	triad_plan_rule unset;
	memset(&unset, 0, sizeof unset);
	ck_assert_fails(triad_contactplan_rule_at(plan, 0, &unset), TRIAD_EINVAL, "version");
	ck_assert_str_eq(triad_plan_with_id(TRIAD_PLAN_WITH_SCHOOL_LEADER), "school_leader");
	ck_assert_str_eq(triad_plan_timing_id(TRIAD_PLAN_ONCE_A_YEAR), "once_a_year");
	ck_assert_str_eq(triad_plan_access_id(TRIAD_PLAN_ACCESS_ON_REQUEST), "on_request");
	ck_assert_str_eq(triad_plan_access_id(TRIAD_PLAN_ACCESS_NOT_CHOSEN), "not_chosen");
	ck_assert_ptr_null(triad_plan_access_id((triad_plan_access)5));
	ck_assert_ptr_null(triad_plan_with_id(TRIAD_PLAN_WITH_NONE));
	ck_assert_ptr_null(triad_plan_timing_id((triad_plan_timing)5));
	ck_assert_ok(triad_contactplan_remove_rule(plan, "positive"));
	ck_assert_uint_eq(triad_contactplan_rule_count(plan), 3);
	ck_assert_ok(triad_contactplan_rule_at(plan, 1, &r));
	ck_assert_str_eq(r.id, "triangle");
	ck_assert_fails(triad_contactplan_remove_rule(plan, "positive"), TRIAD_ENOTFOUND,
	                "\"positive\"");
	triad_contactplan_free(plan);
	triad_contactplan_free(NULL);
	triad_plan_rule init;
	ck_assert_ok(triad_plan_rule_init(&init, TRIAD_PLAN_RULE_VERSION));
	ck_assert_uint_eq(init.version, 1);
	ck_assert_ptr_null(init.id);
	ck_assert_fails(triad_plan_rule_init(&init, 2), TRIAD_EINVAL, "version 2");
}
END_TEST

START_TEST(default_plan_on_a_small_school)
{
	triad_calendar *cal = calendar();
	triad_audience *aud = audience();
	triad_contactplan *plan;
	triad_expected *x = NULL;
	ck_assert_ok(triad_contactplan_default(&plan));
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	/*
	 * Active (household, student) pairs: 8 (10 less the restricted and the
	 * on-request one), in 6 households.
	 *   intake     per household and mentor: h-jansen twice (two mentors),
	 *              the other 5 households once                     =  7
	 *   positive   per student                                      =  8
	 *   triangle   per student, every 20 weeks: 2 per student       = 16
	 *   conference per household (teachers: no staff member), after
	 *              p1 and p2 (limit 2; p3 has nothing after it)     = 12
	 */
	ck_assert_uint_eq(triad_expected_count(x), 43);
	triad_date sep19 = D(2025, 9, 19), aug25 = D(2025, 8, 25);
	/* Due first: the intakes, by household id. */
	check(x, 0, "h-bos", "intake", "m-bakker", aug25, sep19, "s-gijs", NULL);
	check(x, 1, "h-jansen", "intake", "m-bakker", aug25, sep19, "s-bram", NULL);
	check(x, 2, "h-jansen", "intake", "m-devries", aug25, sep19, "s-anna", NULL);
	check(x, 3, "h-mol-moeder", "intake", "m-bakker", aug25, sep19, "s-eva", NULL);
	check(x, 4, "h-mol-vader", "intake", "m-bakker", aug25, sep19, "s-eva", NULL);
	check(x, 5, "h-smit", "intake", "m-devries", aug25, sep19, "s-cas", "s-dewi");
	check(x, 6, "h-visser", "intake", "m-devries", aug25, sep19, "s-finn", NULL);
	ck_assert_int_eq(triad_expected_kind(x, 0), TRIAD_CONTACT_INTAKE);
	ck_assert_int_eq(triad_expected_channel(x, 0),
	                 triad_contact_kind_default_channel(TRIAD_CONTACT_INTAKE));
	ck_assert_int_eq(triad_expected_with(x, 0), TRIAD_PLAN_WITH_MENTOR);
	ck_assert_int_eq(triad_expected_occurrence(x, 0), 1);
	ck_assert_str_eq(triad_expected_report_period(x, 0), "");
	/* Then the positive notes (end of week 8), one per student: h-jansen's
	 * two by staff id (m-bakker before m-devries), h-smit's twins (same
	 * mentor) by student. */
	check(x, 7, "h-bos", "positive", "m-bakker", aug25, D(2025, 10, 17), "s-gijs", NULL);
	check(x, 8, "h-jansen", "positive", "m-bakker", aug25, D(2025, 10, 17), "s-bram", NULL);
	check(x, 9, "h-jansen", "positive", "m-devries", aug25, D(2025, 10, 17), "s-anna", NULL);
	check(x, 12, "h-smit", "positive", "m-devries", aug25, D(2025, 10, 17), "s-cas", NULL);
	check(x, 13, "h-smit", "positive", "m-devries", aug25, D(2025, 10, 17), "s-dewi", NULL);
	check(x, 14, "h-visser", "positive", "m-devries", aug25, D(2025, 10, 17), "s-finn", NULL);
	/* The first conference round: 10 school days after p1, both children. */
	check(x, 15, "h-bos", "conference", "", D(2025, 11, 24), D(2025, 12, 5), "s-gijs", NULL);
	check(x, 16, "h-jansen", "conference", "", D(2025, 11, 24), D(2025, 12, 5), "s-anna",
	      "s-bram");
	ck_assert_str_eq(triad_expected_report_period(x, 16), "p1");
	ck_assert_int_eq(triad_expected_with(x, 16), TRIAD_PLAN_WITH_TEACHER);
	/* Triangles: weeks 1-20 due Fri 2026-01-30, weeks 21-40 due Fri 07-03. */
	check(x, 21, "h-bos", "triangle", "m-bakker", aug25, D(2026, 1, 30), "s-gijs", NULL);
	ck_assert_int_eq(triad_expected_occurrence(x, 21), 1);
	/* Second conference round after p2. */
	check(x, 29, "h-bos", "conference", "", D(2026, 3, 2), D(2026, 3, 13), "s-gijs", NULL);
	ck_assert_int_eq(triad_expected_occurrence(x, 29), 2);
	ck_assert_str_eq(triad_expected_report_period(x, 29), "p2");
	check(x, 35, "h-bos", "triangle", "m-bakker", D(2026, 2, 2), D(2026, 7, 3), "s-gijs", NULL);
	check(x, 42, "h-visser", "triangle", "m-devries", D(2026, 2, 2), D(2026, 7, 3), "s-finn",
	      NULL);
	/* Sorted by due date throughout. */
	for (size_t i = 1; i < triad_expected_count(x); i++)
		ck_assert_int_le(triad_expected_due(x, i - 1), triad_expected_due(x, i));
	/* Nothing for the restricted father or the one informed on request. */
	for (size_t i = 0; i < triad_expected_count(x); i++) {
		ck_assert_str_ne(triad_expected_household(x, i), "h-visser-vader");
		ck_assert_str_ne(triad_expected_household(x, i), "h-bos-vader");
	}
	ck_assert_uint_eq(triad_expected_skipped_count(x), 2);
	const char *h, *s;
	triad_plan_access acc;
	ck_assert_ok(triad_expected_skipped_at(x, 0, &h, &s, &acc));
	ck_assert_str_eq(h, "h-visser-vader");
	ck_assert_str_eq(s, "s-finn");
	ck_assert_int_eq(acc, TRIAD_PLAN_ACCESS_RESTRICTED);
	ck_assert_ok(triad_expected_skipped_at(x, 1, &h, &s, &acc));
	ck_assert_str_eq(h, "h-bos-vader");
	ck_assert_int_eq(acc, TRIAD_PLAN_ACCESS_ON_REQUEST);
	ck_assert_fails(triad_expected_skipped_at(x, 2, &h, NULL, NULL), TRIAD_EINVAL, NULL);
	/* Getters out of range. */
	ck_assert_ptr_null(triad_expected_household(x, 43));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ptr_null(triad_expected_student_at(x, 5, 2));
	ck_assert_int_eq(triad_expected_due(x, 99), 0);
	ck_assert_uint_eq(triad_expected_count(NULL), 0);
	/* The list outlives the audience and the plan: it holds its own copies. */
	triad_audience_free(aud);
	triad_contactplan_free(plan);
	ck_assert_str_eq(triad_expected_household(x, 42), "h-visser");
	triad_expected_free(x);
	triad_calendar_free(cal);
}
END_TEST

START_TEST(filters_deadlines_limits_and_report_periods)
{
	triad_calendar *cal = calendar();
	triad_audience *aud = audience();
	triad_contactplan *plan = NULL;
	triad_expected *x = NULL;
	ck_assert_ok(triad_contactplan_load_file(&plan, test_data_path("contactplan/custom.json")));
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	/*
	 * home-visit-y1: year 1 only (s-anna; s-eva in both households), once,
	 *   due at the deadline 2025-12-01                                  = 3
	 * havo-call: havo in class 2a (s-cas, s-dewi), every 10 weeks: weeks
	 *   1-10 due Fri 11-07; weeks 11-20 due 01-30, capped at the deadline
	 *   2026-01-15; weeks 21-30 start after the deadline: dropped     = 4
	 * coord: year 2 (h-smit, h-visser), every 5 weeks, limit 3: due 09-26
	 *   (week 5), 11-07 (week 10), 12-12 (week 15); no staff member   = 6
	 * p2-conf: after p2 only, 5 school days: 03-02 .. 03-06, 6 households = 6
	 */
	ck_assert_uint_eq(triad_expected_count(x), 19);
	check(x, 0, "h-smit", "coord", "", D(2025, 8, 25), D(2025, 9, 26), "s-cas", "s-dewi");
	ck_assert_int_eq(triad_expected_channel(x, 0), TRIAD_CHANNEL_EMAIL);
	ck_assert_int_eq(triad_expected_with(x, 0), TRIAD_PLAN_WITH_COORDINATOR);
	check(x, 1, "h-visser", "coord", "", D(2025, 8, 25), D(2025, 9, 26), "s-finn", NULL);
	/* Due 11-07: h-smit's mentor calls (rule 2) before its coord (rule 3). */
	check(x, 2, "h-smit", "havo-call", "m-devries", D(2025, 8, 25), D(2025, 11, 7), "s-cas",
	      NULL);
	check(x, 3, "h-smit", "havo-call", "m-devries", D(2025, 8, 25), D(2025, 11, 7), "s-dewi",
	      NULL);
	check(x, 4, "h-smit", "coord", "", D(2025, 9, 29), D(2025, 11, 7), "s-cas", "s-dewi");
	ck_assert_int_eq(triad_expected_occurrence(x, 4), 2);
	check(x, 5, "h-visser", "coord", "", D(2025, 9, 29), D(2025, 11, 7), "s-finn", NULL);
	check(x, 6, "h-jansen", "home-visit-y1", "m-devries", D(2025, 8, 25), D(2025, 12, 1),
	      "s-anna", NULL);
	ck_assert_int_eq(triad_expected_channel(x, 6), TRIAD_CHANNEL_IN_PERSON);
	check(x, 7, "h-mol-moeder", "home-visit-y1", "m-bakker", D(2025, 8, 25), D(2025, 12, 1),
	      "s-eva", NULL);
	check(x, 8, "h-mol-vader", "home-visit-y1", "m-bakker", D(2025, 8, 25), D(2025, 12, 1),
	      "s-eva", NULL);
	check(x, 9, "h-smit", "coord", "", D(2025, 11, 10), D(2025, 12, 12), "s-cas", "s-dewi");
	check(x, 11, "h-smit", "havo-call", "m-devries", D(2025, 11, 10), D(2026, 1, 15), "s-cas",
	      NULL);
	check(x, 13, "h-bos", "p2-conf", "", D(2026, 3, 2), D(2026, 3, 6), "s-gijs", NULL);
	ck_assert_str_eq(triad_expected_report_period(x, 13), "p2");
	ck_assert_int_eq(triad_expected_occurrence(x, 13), 1);
	check(x, 18, "h-visser", "p2-conf", "", D(2026, 3, 2), D(2026, 3, 6), "s-finn", NULL);
	triad_expected_free(x);
	x = NULL;

	/* A report period the calendar lacks, and a deadline outside the year. */
	triad_plan_rule r = TRIAD_PLAN_RULE_INIT;
	const char *periods[] = { "p9" };
	r.id = "p9-conf";
	r.kind = TRIAD_CONTACT_CONFERENCE;
	r.with = TRIAD_PLAN_WITH_TEACHER;
	r.per = TRIAD_PLAN_PER_HOUSEHOLD;
	r.timing = TRIAD_PLAN_AFTER_REPORT;
	r.n = 5;
	r.report_periods = periods;
	r.report_period_count = 1;
	ck_assert_ok(triad_contactplan_add_rule(plan, &r));
	ck_assert_fails(triad_contactplan_generate(&x, plan, cal, aud), TRIAD_ENOTFOUND,
	                "rule \"p9-conf\" follows the report period \"p9\", which the calendar "
	                "of 2025-2026 lacks");
	ck_assert_ptr_null(x);
	ck_assert_ok(triad_contactplan_remove_rule(plan, "p9-conf"));
	triad_plan_rule late = TRIAD_PLAN_RULE_INIT;
	late.id = "late";
	late.kind = TRIAD_CONTACT_MENTOR_CALL;
	late.with = TRIAD_PLAN_WITH_MENTOR;
	late.per = TRIAD_PLAN_PER_STUDENT;
	late.timing = TRIAD_PLAN_ONCE_A_YEAR;
	late.has_deadline = 1;
	late.deadline = D(2026, 9, 1);
	ck_assert_ok(triad_contactplan_add_rule(plan, &late));
	ck_assert_fails(triad_contactplan_generate(&x, plan, cal, aud), TRIAD_ERANGE,
	                "rule \"late\": the deadline lies outside the school year");
	ck_assert_fails(triad_contactplan_generate(&x, NULL, cal, aud), TRIAD_EINVAL, NULL);
	/* first_weeks longer than the year (60 > 42 school weeks) is due on the
	 * last school day, Friday 2026-07-17; once_a_year without a deadline
	 * too. 6 households x 2 rules. */
	triad_contactplan *whole;
	ck_assert_ok(triad_contactplan_new(&whole));
	triad_plan_rule longer = late;
	longer.id = "longer";
	longer.per = TRIAD_PLAN_PER_HOUSEHOLD;
	longer.with = TRIAD_PLAN_WITH_TEACHER;
	longer.timing = TRIAD_PLAN_FIRST_WEEKS;
	longer.n = 60;
	longer.has_deadline = 0;
	ck_assert_ok(triad_contactplan_add_rule(whole, &longer));
	triad_plan_rule yearly = longer;
	yearly.id = "yearly";
	yearly.timing = TRIAD_PLAN_ONCE_A_YEAR;
	yearly.n = 0;
	ck_assert_ok(triad_contactplan_add_rule(whole, &yearly));
	ck_assert_ok(triad_contactplan_generate(&x, whole, cal, aud));
	ck_assert_uint_eq(triad_expected_count(x), 12);
	check(x, 0, "h-bos", "longer", "", D(2025, 8, 25), D(2026, 7, 17), "s-gijs", NULL);
	check(x, 1, "h-bos", "yearly", "", D(2025, 8, 25), D(2026, 7, 17), "s-gijs", NULL);
	check(x, 3, "h-jansen", "yearly", "", D(2025, 8, 25), D(2026, 7, 17), "s-anna", "s-bram");
	triad_expected_free(x);
	triad_contactplan_free(whole);
	/* An empty plan, and a rule nobody matches, expect nothing. */
	triad_contactplan *none;
	ck_assert_ok(triad_contactplan_new(&none));
	ck_assert_ok(triad_contactplan_generate(&x, none, cal, aud));
	ck_assert_uint_eq(triad_expected_count(x), 0);
	ck_assert_uint_eq(triad_expected_skipped_count(x), 2);
	triad_expected_free(x);
	const int32_t year12[] = { 12 };
	triad_plan_rule nobody = late;
	nobody.id = "year-12";
	nobody.has_deadline = 0;
	nobody.years = year12;
	nobody.year_count = 1;
	ck_assert_ok(triad_contactplan_add_rule(none, &nobody));
	ck_assert_ok(triad_contactplan_generate(&x, none, cal, aud));
	ck_assert_uint_eq(triad_expected_count(x), 0);
	triad_expected_free(x);
	triad_contactplan_free(none);
	/* A calendar without school days cannot hold contacts. */
	triad_calendar *empty;
	ck_assert_ok(triad_calendar_new(&empty, 2025, TRIAD_REGION_MIDDEN));
	ck_assert_ok(triad_calendar_add_holiday(empty, "gesloten", D(2025, 8, 1), D(2026, 7, 31), 1));
	ck_assert_fails(triad_contactplan_generate(&x, plan, empty, aud), TRIAD_ERANGE,
	                "no school day");
	triad_calendar_free(empty);
	triad_contactplan_free(plan);
	triad_audience_free(aud);
	triad_calendar_free(cal);
}
END_TEST

START_TEST(audience_checks)
{
	triad_audience *aud = audience();
	ck_assert_uint_eq(triad_audience_count(aud), 10);
	const char *h, *s, *type, *cls, *mentor;
	int year;
	triad_plan_access acc;
	ck_assert_ok(triad_audience_at(aud, 7, &h, &s, &type, &year, &cls, &mentor, &acc));
	ck_assert_str_eq(h, "h-visser-vader");
	ck_assert_str_eq(s, "s-finn");
	ck_assert_str_eq(type, "havo");
	ck_assert_int_eq(year, 2);
	ck_assert_str_eq(cls, "2b");
	ck_assert_str_eq(mentor, "m-devries");
	ck_assert_int_eq(acc, TRIAD_PLAN_ACCESS_RESTRICTED);
	ck_assert_fails(triad_audience_at(aud, 10, &h, NULL, NULL, NULL, NULL, NULL, NULL),
	                TRIAD_EINVAL, "out of range");
	ck_assert_fails(triad_audience_add(aud, "h-smit", "s-cas", NULL, 2, NULL, NULL,
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EEXISTS, "student \"s-cas\" is already listed in household \"h-smit\"");
	ck_assert_fails(triad_audience_add(aud, "", "s-x", NULL, 2, NULL, NULL,
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EINVAL, "household id is empty");
	ck_assert_fails(triad_audience_add(aud, "h", "s-x", NULL, 13, NULL, NULL,
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EINVAL, "school year 13");
	ck_assert_fails(triad_audience_add(aud, "h", "s-x", NULL, 1, "\xe2\x82", NULL,
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EINVAL, "class is not valid UTF-8");
	ck_assert_fails(triad_audience_add(aud, "h", "s-x", NULL, 1, NULL, NULL,
	                                   TRIAD_PLAN_ACCESS_NONE),
	                TRIAD_EINVAL, "not an access");
	ck_assert_uint_eq(triad_audience_count(aud), 10);
	/* Unknown type, class and mentor: only unfiltered rules apply, and the
	 * mentor contact names no staff member. */
	ck_assert_ok(triad_audience_add(aud, "h-nieuw", "s-ids", NULL, 1, NULL, NULL,
	                                TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_at(aud, 10, NULL, NULL, &type, NULL, &cls, &mentor, NULL));
	ck_assert_ptr_null(type);
	ck_assert_ptr_null(cls);
	ck_assert_ptr_null(mentor);
	/* Many households stay fast and unique (the index grows). */
	char hh[32], st[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(hh, sizeof hh, "h%d", i / 2);
		snprintf(st, sizeof st, "s%d", i);
		ck_assert_ok(triad_audience_add(aud, hh, st, "havo", 1 + i % 5, NULL, "m",
		                                TRIAD_PLAN_ACCESS_FULL));
	}
	ck_assert_fails(triad_audience_add(aud, "h2000", "s4001", NULL, 1, NULL, NULL,
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EEXISTS, NULL);
	ck_assert_uint_eq(triad_audience_count(aud), 5011);

	triad_calendar *cal = calendar();
	triad_contactplan *plan;
	triad_expected *x;
	ck_assert_ok(triad_contactplan_default(&plan));
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	/* The 5000 new students in 2500 households, one mentor: intake 2500 +
	 * positive 5000 + triangle 10000 + conference 5000 = 22500, plus 43
	 * for the small school and 1 + 1 + 2 + 2 = 6 for h-nieuw. */
	ck_assert_uint_eq(triad_expected_count(x), 22549);
	size_t i;
	for (i = 0; i < triad_expected_count(x); i++)
		if (strcmp(triad_expected_household(x, i), "h-nieuw") == 0)
			break;
	ck_assert_str_eq(triad_expected_rule(x, i), "intake");
	ck_assert_str_eq(triad_expected_staff(x, i), "");
	triad_expected_free(x);
	triad_contactplan_free(plan);
	triad_calendar_free(cal);
	triad_audience_free(aud);
	triad_audience_free(NULL);
}
END_TEST

static void entry(const triad_audience *aud, size_t i, const char *household,
                  const char *student, const char *mentor, triad_plan_access access)
{
	const char *h, *s, *m;
	triad_plan_access a;
	ck_assert_ok(triad_audience_at(aud, i, &h, &s, NULL, NULL, NULL, &m, &a));
	ck_assert_str_eq(h, household);
	ck_assert_str_eq(s, student);
	ck_assert_str_eq(m, mentor);
	ck_assert_int_eq(a, access);
}

START_TEST(audience_from_a_roster)
{
	/*
	 * tests/data/school/good.json (see test_policy.c): Emma (s1, mentor t1)
	 * and Lotte (s3, mentor t3) have separated parents with authority, m1 in
	 * h1 (with step-father sp1, on request) and f1 in h2; Noah (s2, t1) has
	 * his mother m2 in h3 and a restricted father f2 in h4. On 2025-09-01
	 * nobody is adult: h1 and h2 are full for both girls (m1 and f1), h3 full
	 * and h4 restricted for Noah.
	 */
	triad_roster *roster = NULL;
	ck_assert_ok(triad_roster_load_file(&roster, test_data_path("school/good.json"), NULL));
	triad_audience *aud = NULL;
	ck_assert_ok(triad_audience_from_roster(&aud, roster, NULL, D(2025, 9, 1)));
	ck_assert_uint_eq(triad_audience_count(aud), 6);
	entry(aud, 0, "h1", "s1", "t1", TRIAD_PLAN_ACCESS_FULL);
	entry(aud, 1, "h2", "s1", "t1", TRIAD_PLAN_ACCESS_FULL);
	entry(aud, 2, "h3", "s2", "t1", TRIAD_PLAN_ACCESS_FULL);
	entry(aud, 3, "h4", "s2", "t1", TRIAD_PLAN_ACCESS_RESTRICTED);
	entry(aud, 4, "h1", "s3", "t3", TRIAD_PLAN_ACCESS_FULL);
	entry(aud, 5, "h2", "s3", "t3", TRIAD_PLAN_ACCESS_FULL);
	const char *type, *cls;
	int year;
	ck_assert_ok(triad_audience_at(aud, 4, NULL, NULL, &type, &year, &cls, NULL, NULL));
	ck_assert_str_eq(type, "vwo"); /* the havo/vwo bridge class counts as vwo */
	ck_assert_int_eq(year, 1);
	ck_assert_str_eq(cls, "1HV3");

	/* The default plan: h1 and h2 each have two children with different
	 * mentors (t1, t3): two intakes each, plus h3's one = 5; positive notes
	 * per student in each full household = 5; triangles 2 x 5 = 10;
	 * conferences per household, two rounds: 3 x 2 = 6. 26 in all; Noah's
	 * father's household is left out. */
	triad_calendar *cal = calendar();
	triad_contactplan *plan;
	triad_expected *x;
	ck_assert_ok(triad_contactplan_default(&plan));
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	ck_assert_uint_eq(triad_expected_count(x), 26);
	check(x, 0, "h1", "intake", "t1", D(2025, 8, 25), D(2025, 9, 19), "s1", NULL);
	check(x, 1, "h1", "intake", "t3", D(2025, 8, 25), D(2025, 9, 19), "s3", NULL);
	check(x, 2, "h2", "intake", "t1", D(2025, 8, 25), D(2025, 9, 19), "s1", NULL);
	check(x, 3, "h2", "intake", "t3", D(2025, 8, 25), D(2025, 9, 19), "s3", NULL);
	check(x, 4, "h3", "intake", "t1", D(2025, 8, 25), D(2025, 9, 19), "s2", NULL);
	ck_assert_uint_eq(triad_expected_skipped_count(x), 1);
	const char *h, *s;
	triad_plan_access acc;
	ck_assert_ok(triad_expected_skipped_at(x, 0, &h, &s, &acc));
	ck_assert_str_eq(h, "h4");
	ck_assert_int_eq(acc, TRIAD_PLAN_ACCESS_RESTRICTED);
	triad_expected_free(x);
	triad_audience_free(aud);

	/* On 2028-03-20 Emma (18 since 2028-03-15) chose m1 and f1 to be
	 * informed; Noah (18 since 2027-11-02) chose only f2, whose restriction
	 * stays, and not his mother m2, so neither of his households is
	 * invited: h3 because he did not choose it, h4 by the restriction. */
	ck_assert_ok(triad_audience_from_roster(&aud, roster, NULL, D(2028, 3, 20)));
	ck_assert_uint_eq(triad_audience_count(aud), 6);
	entry(aud, 0, "h1", "s1", "t1", TRIAD_PLAN_ACCESS_FULL);
	entry(aud, 1, "h2", "s1", "t1", TRIAD_PLAN_ACCESS_FULL);
	entry(aud, 2, "h3", "s2", "t1", TRIAD_PLAN_ACCESS_NOT_CHOSEN);
	entry(aud, 3, "h4", "s2", "t1", TRIAD_PLAN_ACCESS_RESTRICTED);
	entry(aud, 4, "h1", "s3", "t3", TRIAD_PLAN_ACCESS_FULL); /* Lotte is 16 */
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	ck_assert_uint_eq(triad_expected_skipped_count(x), 2);
	ck_assert_ok(triad_expected_skipped_at(x, 0, &h, &s, &acc));
	ck_assert_str_eq(h, "h3");
	ck_assert_int_eq(acc, TRIAD_PLAN_ACCESS_NOT_CHOSEN);
	triad_expected_free(x);
	triad_audience_free(aud);
	ck_assert_fails(triad_audience_from_roster(&aud, roster, NULL, D(2005, 1, 1)),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_audience_from_roster(&aud, NULL, NULL, D(2025, 9, 1)),
	                TRIAD_EINVAL, NULL);
	triad_roster_free(roster);

	/* A father without authority is informed on request only: not invited. */
	ck_assert_ok(triad_roster_load_file(&roster,
	                                    test_data_path("contactplan/school-on-request.json"),
	                                    NULL));
	ck_assert_ok(triad_audience_from_roster(&aud, roster, NULL, D(2025, 9, 1)));
	ck_assert_uint_eq(triad_audience_count(aud), 2);
	entry(aud, 0, "h8", "s9", "t9", TRIAD_PLAN_ACCESS_FULL);
	entry(aud, 1, "h9", "s9", "t9", TRIAD_PLAN_ACCESS_ON_REQUEST);
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	/* intake 1 + positive 1 + triangles 2 + conferences 2, all for h8. */
	ck_assert_uint_eq(triad_expected_count(x), 6);
	for (size_t i = 0; i < 6; i++)
		ck_assert_str_eq(triad_expected_household(x, i), "h8");
	ck_assert_ok(triad_expected_skipped_at(x, 0, &h, &s, &acc));
	ck_assert_str_eq(h, "h9");
	ck_assert_int_eq(acc, TRIAD_PLAN_ACCESS_ON_REQUEST);
	triad_expected_free(x);
	triad_audience_free(aud);
	triad_roster_free(roster);
	triad_contactplan_free(plan);
	triad_calendar_free(cal);
}
END_TEST

static void bad_rule(triad_contactplan *plan, const triad_plan_rule *r, int code,
                     const char *needle)
{
	size_t before = triad_contactplan_rule_count(plan);
	ck_assert_fails(triad_contactplan_add_rule(plan, r), code, needle);
	ck_assert_uint_eq(triad_contactplan_rule_count(plan), before);
}

START_TEST(rule_checks)
{
	triad_contactplan *plan;
	ck_assert_ok(triad_contactplan_default(&plan));
	triad_plan_rule r = TRIAD_PLAN_RULE_INIT;
	r.id = "x";
	r.kind = TRIAD_CONTACT_MENTOR_CALL;
	r.with = TRIAD_PLAN_WITH_MENTOR;
	r.per = TRIAD_PLAN_PER_STUDENT;
	r.timing = TRIAD_PLAN_EVERY_WEEKS;
	r.n = 6;
	triad_plan_rule t = r;
	t.id = "intake";
	bad_rule(plan, &t, TRIAD_EEXISTS, "\"intake\" is already in use");
	t = r;
	t.id = "two words";
	bad_rule(plan, &t, TRIAD_EINVAL, "rule id \"two words\"");
	t = r;
	t.kind = (triad_contact_kind)10;
	bad_rule(plan, &t, TRIAD_EINVAL, "rule \"x\": 10 is not a contact kind");
	t = r;
	t.channel = (triad_channel)7;
	bad_rule(plan, &t, TRIAD_EINVAL, "not a channel");
	t = r;
	t.with = TRIAD_PLAN_WITH_NONE;
	bad_rule(plan, &t, TRIAD_EINVAL, "with whom");
	t = r;
	t.per = TRIAD_PLAN_PER_NONE;
	bad_rule(plan, &t, TRIAD_EINVAL, "per household or per student");
	t = r;
	t.timing = TRIAD_PLAN_TIMING_NONE;
	bad_rule(plan, &t, TRIAD_EINVAL, "say when");
	t = r;
	t.n = 61;
	bad_rule(plan, &t, TRIAD_EINVAL, "n is 61; every_weeks takes 1..60 school weeks");
	t = r;
	t.timing = TRIAD_PLAN_AFTER_REPORT;
	t.n = 0;
	bad_rule(plan, &t, TRIAD_EINVAL, "after_report takes 1..100 school days");
	t = r;
	t.timing = TRIAD_PLAN_ONCE_A_YEAR;
	bad_rule(plan, &t, TRIAD_EINVAL, "a once_a_year rule takes no n (got 6)");
	t = r;
	t.limit = -1;
	bad_rule(plan, &t, TRIAD_EINVAL, "limit is -1");
	const int32_t years[] = { 1, 2, 1 };
	t = r;
	t.years = years;
	t.year_count = 3;
	bad_rule(plan, &t, TRIAD_EINVAL, "school year 1 is listed twice");
	const int32_t year0[] = { 0 };
	t.years = year0;
	t.year_count = 1;
	bad_rule(plan, &t, TRIAD_EINVAL, "school year 0 does not exist");
	const char *types[] = { "havo", "" };
	t = r;
	t.school_types = types;
	t.school_type_count = 2;
	bad_rule(plan, &t, TRIAD_EINVAL, "school type 2 is empty");
	const char *classes[] = { "1a", "1a" };
	t = r;
	t.classes = classes;
	t.class_count = 2;
	bad_rule(plan, &t, TRIAD_EINVAL, "class \"1a\" is listed twice");
	const char *periods[] = { "p1" };
	t = r;
	t.report_periods = periods;
	t.report_period_count = 1;
	bad_rule(plan, &t, TRIAD_EINVAL, "after_report rules only");
	t = r;
	t.note = "\xc0\xaf";
	bad_rule(plan, &t, TRIAD_EINVAL, "note is not valid UTF-8");
	t = r;
	t.version = 9;
	bad_rule(plan, &t, TRIAD_EINVAL, "version 9");
	ck_assert_fails(triad_contactplan_add_rule(plan, NULL), TRIAD_EINVAL, NULL);
	ck_assert_ok(triad_contactplan_add_rule(plan, &r));
	ck_assert_uint_eq(triad_contactplan_rule_count(plan), 5);
	triad_contactplan_free(plan);
}
END_TEST

static char *save(const triad_contactplan *plan)
{
	char *text = NULL;
	ck_assert_ok(triad_contactplan_save(&text, plan));
	return text;
}

START_TEST(round_trips)
{
	triad_contactplan *plan, *again;
	ck_assert_ok(triad_contactplan_default(&plan));
	char *a = save(plan);
	ck_assert_ok(triad_contactplan_load(&again, a, strlen(a), "default"));
	char *b = save(again);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(a, "\"format\": \"triad.contact-plan/1\""));
	ck_assert_ptr_nonnull(strstr(a, "\"limit\": 2"));
	triad_free(a);
	triad_free(b);
	triad_contactplan_free(again);
	triad_contactplan_free(plan);

	ck_assert_ok(triad_contactplan_load_file(&plan, test_data_path("contactplan/custom.json")));
	triad_plan_rule r = TRIAD_PLAN_RULE_INIT;
	ck_assert_ok(triad_contactplan_rule_at(plan, 1, &r));
	ck_assert_str_eq(r.id, "havo-call");
	ck_assert_int_eq(r.has_deadline, 1);
	ck_assert_int_eq(r.deadline, D(2026, 1, 15));
	ck_assert_uint_eq(r.class_count, 1);
	ck_assert_str_eq(r.classes[0], "2a");
	ck_assert_int_eq(r.channel, TRIAD_CHANNEL_NONE);
	ck_assert_ok(triad_contactplan_rule_at(plan, 0, &r));
	ck_assert_int_eq(r.timing, TRIAD_PLAN_ONCE_A_YEAR);
	ck_assert_str_eq(r.note, "Every first-year household gets a home visit before December.");
	a = save(plan);
	char path[] = "/tmp/triad-plan-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_ok(triad_contactplan_save_file(plan, path));
	ck_assert_ok(triad_contactplan_load_file(&again, path));
	remove(path);
	b = save(again);
	ck_assert_str_eq(a, b);
	triad_free(a);
	triad_free(b);
	triad_contactplan_free(again);
	triad_contactplan_free(plan);
}
END_TEST

static void bad_plan(const char *text, int code, const char *path, const char *needle)
{
	triad_contactplan *plan = NULL;
	ck_assert_fails(triad_contactplan_load(&plan, text, strlen(text), "plan.json"), code,
	                needle);
	ck_assert_ptr_null(plan);
	ck_assert_str_eq(triad_error_last()->path, path);
}

#define PLAN(rules) "{\"format\": \"triad.contact-plan/1\", \"rules\": [" rules "]}"
#define RULE(extra)                                                                       \
	"{\"id\": \"r\", \"kind\": \"intake\", \"with\": \"mentor\", \"timing\": "          \
	"\"first_weeks\", \"n\": 4" extra "}"

START_TEST(bad_plan_files)
{
	triad_contactplan *plan = NULL;
	const char *syntax = "{\"format\":\n\"x\"\n,,}";
	ck_assert_fails(triad_contactplan_load(&plan, syntax, strlen(syntax), "plan.json"),
	                TRIAD_EPARSE, "plan.json: line 3");
	ck_assert_int_eq(triad_error_last()->line, 3);
	bad_plan("{\"rules\": []}", TRIAD_EFORMAT, "", "\"format\" is missing");
	bad_plan("{\"format\": \"triad.contact-plan/7\", \"rules\": []}", TRIAD_EVERSION, "format",
	         "newer");
	bad_plan("{\"format\": \"triad.contact-plan/1\"}", TRIAD_EFORMAT, "",
	         "\"rules\" is missing");
	bad_plan("{\"format\": \"triad.contact-plan/1\", \"rules\": [], \"name\": 1}", TRIAD_EFORMAT,
	         "name", "unknown field");
	bad_plan(PLAN("1"), TRIAD_EFORMAT, "rules[0]", "expected an object, got an integer");
	bad_plan(PLAN(RULE(", \"whom\": \"mentor\"")), TRIAD_EFORMAT, "rules[0].whom",
	         "unknown field \"whom\"");
	bad_plan(PLAN("{\"id\": \"r\", \"kind\": \"chat\", \"with\": \"mentor\", \"timing\": "
	              "\"first_weeks\", \"n\": 4}"),
	         TRIAD_EFORMAT, "rules[0].kind", "\"chat\"");
	bad_plan(PLAN(RULE(", \"channel\": \"fax\"")), TRIAD_EFORMAT, "rules[0].channel",
	         "\"fax\"");
	bad_plan(PLAN(RULE(", \"per\": \"class\"")), TRIAD_EFORMAT, "rules[0].per",
	         "\"class\" is not one of \"household\", \"student\"");
	bad_plan(PLAN("{\"id\": \"r\", \"kind\": \"intake\", \"with\": \"mentor\", \"timing\": "
	              "\"first_weeks\"}"),
	         TRIAD_EFORMAT, "rules[0]", "\"n\" is missing");
	bad_plan(PLAN("{\"id\": \"r\", \"kind\": \"intake\", \"with\": \"mentor\", \"timing\": "
	              "\"first_weeks\", \"n\": 70}"),
	         TRIAD_EFORMAT, "rules[0].n", "n is 70; first_weeks takes 1..60");
	bad_plan(PLAN("{\"id\": \"r\", \"kind\": \"intake\", \"with\": \"mentor\", \"timing\": "
	              "\"once_a_year\", \"n\": 3}"),
	         TRIAD_EFORMAT, "rules[0].n", "takes no n");
	bad_plan(PLAN(RULE(", \"years\": [1, 2, 2]")), TRIAD_EFORMAT, "rules[0].years[2]",
	         "school year 2 is listed twice");
	bad_plan(PLAN(RULE(", \"years\": [1, 20]")), TRIAD_EFORMAT, "rules[0].years[1]",
	         "school year 20 does not exist");
	bad_plan(PLAN(RULE(", \"years\": [\"1\"]")), TRIAD_EFORMAT, "rules[0].years[0]",
	         "expected an integer, got a string");
	bad_plan(PLAN(RULE(", \"school_types\": [\"havo\", \"\"]")), TRIAD_EFORMAT,
	         "rules[0].school_types[1]", "school type 2 is empty");
	bad_plan(PLAN(RULE(", \"classes\": [1]")), TRIAD_EFORMAT, "rules[0].classes[0]",
	         "expected a string");
	bad_plan(PLAN(RULE(", \"report_periods\": [\"p1\"]")), TRIAD_EFORMAT,
	         "rules[0].report_periods", "after_report rules only");
	bad_plan(PLAN(RULE(", \"deadline\": \"2026-02-29\"")), TRIAD_EFORMAT, "rules[0].deadline",
	         "not an existing date");
	bad_plan(PLAN(RULE(", \"limit\": 101")), TRIAD_EFORMAT, "rules[0].limit",
	         "outside the allowed range");
	bad_plan(PLAN(RULE("") "," RULE("")), TRIAD_EFORMAT, "rules[1].id",
	         "\"r\" is already in use");
	bad_plan(PLAN("{\"id\": \"a b\", \"kind\": \"intake\", \"with\": \"mentor\", \"timing\": "
	              "\"first_weeks\", \"n\": 4}"),
	         TRIAD_EFORMAT, "rules[0].id", "\"a b\"");
	ck_assert_fails(triad_contactplan_load_file(&plan, "/nonexistent/plan.json"), TRIAD_EIO,
	                "/nonexistent/plan.json");
	ck_assert_fails(triad_contactplan_load(NULL, "{}", 2, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_contactplan_save(NULL, NULL), TRIAD_EINVAL, NULL);
}
END_TEST

/* ---- allocation failures ------------------------------------------------- */

typedef struct gen_ctx {
	triad_contactplan *plan;
	triad_calendar *cal;
	triad_audience *aud;
	triad_expected *x;
	char *text;
	const char *json;
} gen_ctx;

static int run_generate(void *p)
{
	gen_ctx *c = p;
	c->x = NULL;
	return triad_contactplan_generate(&c->x, c->plan, c->cal, c->aud);
}

static void after_generate(void *p, int rc)
{
	gen_ctx *c = p;
	if (rc == 0) {
		ck_assert_uint_eq(triad_expected_count(c->x), 43);
		triad_expected_free(c->x);
	} else {
		ck_assert_ptr_null(c->x);
	}
}

static int run_default_and_save(void *p)
{
	gen_ctx *c = p;
	triad_contactplan *plan = NULL;
	int rc = triad_contactplan_default(&plan);
	if (!rc)
		rc = triad_contactplan_save(&c->text, plan);
	triad_contactplan_free(plan);
	return rc;
}

static void after_default_and_save(void *p, int rc)
{
	gen_ctx *c = p;
	if (rc == 0) {
		ck_assert_ptr_nonnull(strstr(c->text, "\"triangle\""));
		triad_free(c->text);
		c->text = NULL;
	}
}

static int run_audience(void *p)
{
	gen_ctx *c = p;
	int rc = 0;
	for (size_t i = 0; !rc && i < TRIAD_ARRAY_LEN_(school); i++)
		rc = triad_audience_add(c->aud, school[i].household, school[i].student,
		                        school[i].type, school[i].year, school[i].class_name,
		                        school[i].mentor, school[i].access);
	return rc;
}

static void after_audience(void *p, int rc)
{
	gen_ctx *c = p;
	/* All-or-nothing per add: the entries before the failure are complete. */
	size_t n = triad_audience_count(c->aud);
	if (rc == 0)
		ck_assert_uint_eq(n, 10);
	for (size_t i = 0; i < n; i++) {
		const char *h;
		ck_assert_ok(triad_audience_at(c->aud, i, &h, NULL, NULL, NULL, NULL, NULL, NULL));
		ck_assert_str_eq(h, school[i].household);
	}
	triad_audience_free(c->aud);
	ck_assert_ok(triad_audience_new(&c->aud));
}

typedef struct roster_ctx {
	triad_roster *roster;
	triad_audience *aud;
} roster_ctx;

static int run_from_roster(void *p)
{
	roster_ctx *c = p;
	triad_date d;
	triad_date_from_ymd(&d, 2025, 9, 1);
	c->aud = NULL;
	return triad_audience_from_roster(&c->aud, c->roster, NULL, d);
}

static void after_from_roster(void *p, int rc)
{
	roster_ctx *c = p;
	if (rc == 0) {
		ck_assert_uint_eq(triad_audience_count(c->aud), 6);
		triad_audience_free(c->aud);
	} else {
		ck_assert_ptr_null(c->aud);
	}
}

static int run_load(void *p)
{
	gen_ctx *c = p;
	c->plan = NULL;
	return triad_contactplan_load(&c->plan, c->json, strlen(c->json), NULL);
}

static void after_load(void *p, int rc)
{
	gen_ctx *c = p;
	if (rc == 0) {
		ck_assert_uint_eq(triad_contactplan_rule_count(c->plan), 4);
		triad_contactplan_free(c->plan);
	}
	c->plan = NULL;
}

/* jansson's lexer reports some allocation failures as syntax errors or
 * drops a character (see test_calendar.c), so a parse may fail otherwise. */
static long sweep_load(gen_ctx *c)
{
	for (long n = 1;; n++) {
		long before = failalloc_live();
		failalloc_arm(n);
		int rc = run_load(c);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (failed && rc != 0)
			ck_assert_msg(rc == TRIAD_ENOMEM || rc == TRIAD_EPARSE || rc == TRIAD_EFORMAT,
			              "allocation %ld failed, but the call returned %d (%s)", n, rc,
			              triad_error_last()->message);
		else
			ck_assert_msg(rc == 0, "run %ld returned %d (%s)", n, rc,
			              triad_error_last()->message);
		if (rc)
			ck_assert_ptr_null(c->plan);
		after_load(c, rc);
		ck_assert_msg(failalloc_live() == before, "allocation %ld failed: %ld leaked", n,
		              failalloc_live() - before);
		if (!failed)
			return n;
	}
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	static char json[8192];
	FILE *f = fopen(test_data_path("contactplan/custom.json"), "rb");
	ck_assert_ptr_nonnull(f);
	json[fread(json, 1, sizeof json - 1, f)] = '\0';
	fclose(f);
	failalloc_install();
	gen_ctx c = { 0 };
	c.cal = calendar();
	c.aud = audience();
	ck_assert_ok(triad_contactplan_default(&c.plan));
	ck_assert_int_ge(failalloc_sweep(run_generate, after_generate, &c), 20);
	triad_contactplan_free(c.plan);
	ck_assert_int_ge(failalloc_sweep(run_default_and_save, after_default_and_save, &c), 20);
	triad_audience_free(c.aud);
	ck_assert_ok(triad_audience_new(&c.aud));
	ck_assert_int_ge(failalloc_sweep(run_audience, after_audience, &c), 20);
	c.json = json;
	ck_assert_int_ge(sweep_load(&c), 20);
	roster_ctx rc = { NULL, NULL };
	ck_assert_ok(triad_roster_load_file(&rc.roster, test_data_path("school/good.json"), NULL));
	ck_assert_int_ge(failalloc_sweep(run_from_roster, after_from_roster, &rc), 10);
	triad_roster_free(rc.roster);
	triad_audience_free(c.aud);
	triad_calendar_free(c.cal);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("contactplan");
	TCase *tc = tcase_create("contactplan");
	tcase_add_test(tc, default_plan_rules);
	tcase_add_test(tc, default_plan_on_a_small_school);
	tcase_add_test(tc, filters_deadlines_limits_and_report_periods);
	tcase_add_test(tc, audience_checks);
	tcase_add_test(tc, audience_from_a_roster);
	tcase_add_test(tc, rule_checks);
	tcase_add_test(tc, round_trips);
	tcase_add_test(tc, bad_plan_files);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
