/* Reach analytics on a small school, every figure worked out by hand. */
#include <jansson.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

/*
 * The school:
 *
 *   household  student  class  mentor  access
 *   h-1        s-ann    1a     t-mol   full
 *   h-2        s-bob    1a     t-mol   full
 *   h-3        s-cas    1b     t-van   full
 *   h-4        s-dia    1b     t-van   full      (siblings in one household)
 *   h-4        s-eva    1a     t-mol   full
 *   h-5        s-fay    1b     t-van   full
 *   h-6        s-gus    1a     t-zee   full
 *   h-7        s-gus    1a     t-zee   restricted (left out)
 *   h-8        s-hal    1b     t-van   on_request (left out)
 *
 * So the population is h-1..h-6 (6 households); class 1a holds h-1, h-2,
 * h-4, h-6; class 1b holds h-3, h-4, h-5; mentor t-mol h-1, h-2, h-4;
 * t-van h-3, h-4, h-5; t-zee h-6.
 */
static triad_audience *school(void)
{
	triad_audience *a = NULL;
	ck_assert_ok(triad_audience_new(&a));
	ck_assert_ok(triad_audience_add(a, "h-1", "s-ann", "havo", 1, "1a", "t-mol", TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(a, "h-2", "s-bob", "havo", 1, "1a", "t-mol", TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(a, "h-3", "s-cas", "vwo", 1, "1b", "t-van", TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(a, "h-4", "s-dia", "vwo", 1, "1b", "t-van", TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(a, "h-4", "s-eva", "havo", 1, "1a", "t-mol", TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(a, "h-5", "s-fay", "vwo", 1, "1b", "t-van", TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(a, "h-6", "s-gus", "havo", 1, "1a", "t-zee", TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(a, "h-7", "s-gus", "havo", 1, "1a", "t-zee", TRIAD_PLAN_ACCESS_RESTRICTED));
	ck_assert_ok(triad_audience_add(a, "h-8", "s-hal", "vwo", 1, "1b", "t-van", TRIAD_PLAN_ACCESS_ON_REQUEST));
	return a;
}

static void add(triad_contactlog *log, const char *id, triad_date date, const char *hh,
                const char *student, triad_initiator who, triad_tone tone, int reached)
{
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = id;
	c.date = date;
	c.minute = 600;
	c.kind = TRIAD_CONTACT_MENTOR_CALL;
	c.channel = TRIAD_CHANNEL_PHONE;
	c.initiator = who;
	c.tone = tone;
	c.reached = reached;
	c.household = hh;
	c.staff = "t-mol";
	c.students = student ? &student : NULL;
	c.student_count = student ? 1 : 0;
	ck_assert_ok(triad_contactlog_add(log, &c));
}

#define SCHOOL TRIAD_INITIATOR_SCHOOL
#define PARENT TRIAD_INITIATOR_PARENT
#define STUDENT TRIAD_INITIATOR_STUDENT
#define POS TRIAD_TONE_POSITIVE
#define NEU TRIAD_TONE_NEUTRAL
#define CON TRIAD_TONE_CONCERN

/*
 * The log (as of 2026-11-26, a Thursday; default window 2026-08-01 ..
 * 2026-11-26; hard to reach: 6 calendar weeks back from Monday 2026-11-23,
 * so from Monday 2026-10-19, or 3 failed attempts in a row):
 *
 *   e1  09-07 h-1 s-ann school  positive reached   proactive
 *   e2  09-08 h-2 s-bob parent  concern  reached
 *   e3  09-09 h-2 s-bob school  neutral  reached   proactive
 *   e4  09-10 h-3 s-cas school  positive reached   proactive
 *   e5  10-20 h-3 s-cas school  neutral  failed
 *   e6  10-27 h-3 s-cas school  neutral  failed
 *   e7  11-03 h-3 s-cas school  neutral  failed    -> h-3: 3 in a row
 *   e8  09-14 h-4 s-dia school  concern  reached   (1b / t-van only)
 *   e9  10-01 h-4 (none) school positive reached   proactive (both classes)
 *   e10 10-05 h-5 s-fay school  neutral  failed
 *   e11 11-02 h-5 s-fay school  neutral  failed    -> h-5 never reached
 *   e12 2026-07-01 h-1 s-ann school positive reached (before the window)
 *   e13 12-01 h-6 s-gus reached (after the as-of date: ignored)
 *   e14 10-10 h-7 s-gus parent reached (h-7 is not in the population)
 *   e15 11-20 h-9 reached (h-9 is not in the audience)
 *   e16 11-10 h-2 s-bob student neutral reached
 */
static triad_contactlog *school_log(void)
{
	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_new(&log));
	add(log, "e1", D(2026, 9, 7), "h-1", "s-ann", SCHOOL, POS, 1);
	add(log, "e2", D(2026, 9, 8), "h-2", "s-bob", PARENT, CON, 1);
	add(log, "e3", D(2026, 9, 9), "h-2", "s-bob", SCHOOL, NEU, 1);
	add(log, "e4", D(2026, 9, 10), "h-3", "s-cas", SCHOOL, POS, 1);
	add(log, "e5", D(2026, 10, 20), "h-3", "s-cas", SCHOOL, NEU, 0);
	add(log, "e6", D(2026, 10, 27), "h-3", "s-cas", SCHOOL, NEU, 0);
	add(log, "e7", D(2026, 11, 3), "h-3", "s-cas", SCHOOL, NEU, 0);
	add(log, "e8", D(2026, 9, 14), "h-4", "s-dia", SCHOOL, CON, 1);
	add(log, "e9", D(2026, 10, 1), "h-4", NULL, SCHOOL, POS, 1);
	add(log, "e10", D(2026, 10, 5), "h-5", "s-fay", SCHOOL, NEU, 0);
	add(log, "e11", D(2026, 11, 2), "h-5", "s-fay", SCHOOL, NEU, 0);
	add(log, "e12", D(2026, 7, 1), "h-1", "s-ann", SCHOOL, POS, 1);
	add(log, "e13", D(2026, 12, 1), "h-6", "s-gus", SCHOOL, POS, 1);
	add(log, "e14", D(2026, 10, 10), "h-7", "s-gus", PARENT, POS, 1);
	add(log, "e15", D(2026, 11, 20), "h-9", NULL, SCHOOL, POS, 1);
	add(log, "e16", D(2026, 11, 10), "h-2", "s-bob", STUDENT, NEU, 1);
	return log;
}

typedef struct want {
	triad_reach_group type;
	const char *name;
	size_t households, reached, contacts, proactive, failed, never, hard;
	double reach, share;
} want;

static void check_group(const triad_reach_report *r, size_t i, const want *w)
{
	triad_reach_group type;
	const char *name;
	triad_reach_figures f = { TRIAD_REACH_FIGURES_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	ck_assert_ok(triad_reach_report_group(r, i, &type, &name, &f));
	ck_assert_int_eq(type, w->type);
	ck_assert_str_eq(name, w->name);
	ck_assert_uint_eq(f.households, w->households);
	ck_assert_uint_eq(f.reached, w->reached);
	ck_assert_uint_eq(f.contacts, w->contacts);
	ck_assert_uint_eq(f.proactive, w->proactive);
	ck_assert_uint_eq(f.failed, w->failed);
	ck_assert_uint_eq(f.never_contacted, w->never);
	ck_assert_uint_eq(f.hard_to_reach, w->hard);
	ck_assert_double_eq_tol(f.reach, w->reach, 1e-9);
	ck_assert_double_eq_tol(f.proactive_share, w->share, 1e-9);
}

/*
 * By hand:
 * school: households h-1..h-6 = 6; reached in the window h-1 (e1), h-2 (e2,
 *   e3, e16), h-3 (e4), h-4 (e8, e9) = 4, reach 4/6; contacts e1 e2 e3 e4 e8
 *   e9 e16 = 7, proactive e1 e3 e4 e9 = 4, share 4/7; failed e5 e6 e7 e10
 *   e11 = 5; never h-5, h-6 = 2; hard h-3, h-5 = 2.
 * 1a: h-1 h-2 h-4 h-6 = 4; reached h-1, h-2, h-4 (e9 names no student, so
 *   it counts for s-eva's class too) = 3; contacts e1 e2 e3 e16 e9 = 5,
 *   proactive e1 e3 e9 = 3; failed 0; never h-6; hard none.
 * 1b: h-3 h-4 h-5 = 3; reached h-3, h-4 = 2; contacts e4 e8 e9 = 3,
 *   proactive e4 e9 = 2; failed 5; never h-5; hard h-3, h-5.
 * t-mol: h-1 h-2 h-4 = 3, all reached; contacts e1 e2 e3 e16 e9 = 5,
 *   proactive 3; t-van as 1b; t-zee: h-6 alone, nothing.
 */
static const want DEFAULT_GROUPS[] = {
	{ TRIAD_REACH_GROUP_SCHOOL, "", 6, 4, 7, 4, 5, 2, 2, 4.0 / 6, 4.0 / 7 },
	{ TRIAD_REACH_GROUP_CLASS, "1a", 4, 3, 5, 3, 0, 1, 0, 3.0 / 4, 3.0 / 5 },
	{ TRIAD_REACH_GROUP_CLASS, "1b", 3, 2, 3, 2, 5, 1, 2, 2.0 / 3, 2.0 / 3 },
	{ TRIAD_REACH_GROUP_MENTOR, "t-mol", 3, 3, 5, 3, 0, 0, 0, 1.0, 3.0 / 5 },
	{ TRIAD_REACH_GROUP_MENTOR, "t-van", 3, 2, 3, 2, 5, 1, 2, 2.0 / 3, 2.0 / 3 },
	{ TRIAD_REACH_GROUP_MENTOR, "t-zee", 1, 0, 0, 0, 0, 1, 0, 0.0, 0.0 },
};

START_TEST(figures_by_hand)
{
	triad_audience *aud = school();
	triad_contactlog *log = school_log();
	triad_reach_report *r = NULL;
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), NULL));
	triad_date from, to;
	triad_reach_report_window(r, &from, &to);
	ck_assert_int_eq(from, D(2026, 8, 1));
	ck_assert_int_eq(to, D(2026, 11, 26));
	ck_assert_uint_eq(triad_reach_report_group_count(r), 6);
	for (size_t i = 0; i < 6; i++)
		check_group(r, i, &DEFAULT_GROUPS[i]);

	/* Never contacted: h-5 (two failed attempts, the last on 11-02), h-6 (none). */
	ck_assert_uint_eq(triad_reach_report_never_count(r), 2);
	const char *hh;
	size_t attempts;
	triad_date last;
	ck_assert_ok(triad_reach_report_never_at(r, 0, &hh, &attempts, &last));
	ck_assert_str_eq(hh, "h-5");
	ck_assert_uint_eq(attempts, 2);
	ck_assert_int_eq(last, D(2026, 11, 2));
	ck_assert_ok(triad_reach_report_never_at(r, 1, &hh, &attempts, NULL));
	ck_assert_str_eq(hh, "h-6");
	ck_assert_uint_eq(attempts, 0);
	ck_assert_fails(triad_reach_report_never_at(r, 2, &hh, NULL, NULL), TRIAD_EINVAL,
	                "out of range");

	/* Hard to reach: h-3 (no contact since 09-10, failed attempts 10-20,
	 * 10-27 and 11-03 within the weeks from 10-19: both rules; 3 in a row);
	 * h-5 (failed 11-02 within the weeks, never reached: the weeks rule;
	 * 2 in a row is below 3). */
	ck_assert_uint_eq(triad_reach_report_hard_count(r), 2);
	unsigned reasons;
	size_t row;
	int has;
	ck_assert_ok(triad_reach_report_hard_at(r, 0, &hh, &reasons, &row, &has, &last));
	ck_assert_str_eq(hh, "h-3");
	ck_assert_uint_eq(reasons, TRIAD_HARD_NO_CONTACT_IN_WEEKS | TRIAD_HARD_FAILED_IN_ROW);
	ck_assert_uint_eq(row, 3);
	ck_assert_int_eq(has, 1);
	ck_assert_int_eq(last, D(2026, 9, 10));
	ck_assert_ok(triad_reach_report_hard_at(r, 1, &hh, &reasons, &row, &has, NULL));
	ck_assert_str_eq(hh, "h-5");
	ck_assert_uint_eq(reasons, TRIAD_HARD_NO_CONTACT_IN_WEEKS);
	ck_assert_uint_eq(row, 2);
	ck_assert_int_eq(has, 0);
	ck_assert_fails(triad_reach_report_hard_at(r, 2, NULL, NULL, NULL, NULL, NULL),
	                TRIAD_EINVAL, "out of range");
	triad_reach_figures bad = { 7, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	ck_assert_fails(triad_reach_report_group(r, 0, NULL, NULL, &bad), TRIAD_EINVAL,
	                "version is 7");
	ck_assert_fails(triad_reach_report_group(r, 6, NULL, NULL, NULL), TRIAD_EINVAL,
	                "out of range");
	triad_reach_report_free(r);
	triad_reach_report_free(NULL);
	triad_contactlog_free(log);
	triad_audience_free(aud);
}
END_TEST

START_TEST(options)
{
	triad_audience *aud = school();
	triad_contactlog *log = school_log();
	triad_reach_report *r = NULL;
	triad_reach_options o;
	ck_assert_ok(triad_reach_options_init(&o, TRIAD_REACH_OPTIONS_VERSION));
	ck_assert_int_eq(o.hard_weeks, 6);
	ck_assert_int_eq(o.hard_failed, 3);
	/* Window 2026-10-01 .. 2026-12-31, capped at the as-of date: contacts
	 * e9 (h-4, proactive) and e16 (h-2); failed e5 e6 e7 e10 e11. */
	o.has_window = 1;
	o.window_from = D(2026, 10, 1);
	o.window_to = D(2026, 12, 31);
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o));
	triad_date from, to;
	triad_reach_report_window(r, &from, &to);
	ck_assert_int_eq(from, D(2026, 10, 1));
	ck_assert_int_eq(to, D(2026, 11, 26));
	want w = { TRIAD_REACH_GROUP_SCHOOL, "", 6, 2, 2, 1, 5, 2, 2, 2.0 / 6, 0.5 };
	check_group(r, 0, &w);
	triad_reach_report_free(r);

	/* Only the in-a-row rule, at 2: h-3 (3) and h-5 (2). */
	ck_assert_ok(triad_reach_options_init(&o, TRIAD_REACH_OPTIONS_VERSION));
	o.hard_weeks = 0;
	o.hard_failed = 2;
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o));
	ck_assert_uint_eq(triad_reach_report_hard_count(r), 2);
	unsigned reasons;
	const char *hh;
	ck_assert_ok(triad_reach_report_hard_at(r, 1, &hh, &reasons, NULL, NULL, NULL));
	ck_assert_str_eq(hh, "h-5");
	ck_assert_uint_eq(reasons, TRIAD_HARD_FAILED_IN_ROW);
	triad_reach_report_free(r);

	/* Only the weeks rule, 2 weeks (from Monday 2026-11-16): no attempt of
	 * h-3 (last 11-03) or h-5 (last 11-02) falls in them: nobody. */
	o.hard_weeks = 2;
	o.hard_failed = 0;
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o));
	ck_assert_uint_eq(triad_reach_report_hard_count(r), 0);
	triad_reach_report_free(r);

	/* As of 2026-10-21 (before e6, e7): h-3 has one failed attempt (10-20)
	 * since its contact of 09-10; weeks from Monday 2026-09-14: no contact
	 * of h-3 after 09-10, an attempt in them: hard by the weeks rule. */
	ck_assert_ok(triad_reach_options_init(&o, TRIAD_REACH_OPTIONS_VERSION));
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 10, 21), &o));
	size_t row;
	ck_assert_uint_eq(triad_reach_report_hard_count(r), 2); /* h-3 and h-5 (10-05) */
	ck_assert_ok(triad_reach_report_hard_at(r, 0, &hh, &reasons, &row, NULL, NULL));
	ck_assert_str_eq(hh, "h-3");
	ck_assert_uint_eq(reasons, TRIAD_HARD_NO_CONTACT_IN_WEEKS);
	ck_assert_uint_eq(row, 1);
	char *text = NULL;
	ck_assert_ok(triad_reach_report_text(&text, r, TRIAD_LANG_EN));
	ck_assert_msg(strstr(text, "  h-5                  1 attempt, not reached; last on 2026-10-05\n"),
	              "%s", text);
	triad_free(text);
	triad_reach_report_free(r);

	o.hard_weeks = 61;
	ck_assert_fails(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o), TRIAD_EINVAL,
	                "hard_weeks is 61");
	o.hard_weeks = 6;
	o.hard_failed = -1;
	ck_assert_fails(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o), TRIAD_EINVAL,
	                "hard_failed is -1");
	o.hard_failed = 3;
	o.has_window = 1;
	o.window_from = D(2026, 10, 2);
	o.window_to = D(2026, 10, 1);
	ck_assert_fails(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o), TRIAD_EINVAL,
	                "the last on or after the first");
	o.version = 0;
	ck_assert_fails(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o), TRIAD_EINVAL,
	                "version is 0");
	ck_assert_fails(triad_reach_report_new(&r, NULL, aud, D(2026, 11, 26), NULL),
	                TRIAD_EINVAL, "NULL");
	ck_assert_fails(triad_reach_options_init(&o, 2), TRIAD_EINVAL, "version 2");
	triad_contactlog_free(log);
	triad_audience_free(aud);
}
END_TEST

START_TEST(school_weeks_from_the_calendar)
{
	/* An autumn holiday from Saturday 2026-10-17 to Sunday 2026-10-25 makes
	 * the week of Monday 10-19 no school week, so the last 6 school weeks
	 * before Thursday 2026-11-26 are those of 11-23, 11-16, 11-09, 11-02,
	 * 10-26 and 10-12. The window starts on the calendar's first day. */
	triad_calendar *cal = NULL;
	ck_assert_ok(triad_calendar_new(&cal, 2026, TRIAD_REGION_MIDDEN));
	ck_assert_ok(triad_calendar_add_holiday(cal, "Herfstvakantie", D(2026, 10, 17),
	                                        D(2026, 10, 25), 1));
	triad_audience *aud = school();
	triad_contactlog *log = school_log();
	triad_reach_options o = TRIAD_REACH_OPTIONS_INIT;
	o.calendar = cal;
	triad_reach_report *r = NULL;
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), &o));
	char *json = NULL;
	ck_assert_ok(triad_reach_report_json(&json, r));
	json_error_t e;
	json_t *root = json_loads(json, 0, &e);
	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "rules"),
	                                                   "weeks_from")), "2026-10-12");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "window"),
	                                                   "from")), "2026-08-01");
	json_decref(root);
	triad_free(json);
	char *text = NULL;
	ck_assert_ok(triad_reach_report_text(&text, r, TRIAD_LANG_EN));
	ck_assert_ptr_nonnull(strstr(text, "no contact in the last 6 school weeks despite attempts "
	                                   "(weeks from 2026-10-12)"));
	triad_free(text);
	triad_reach_report_free(r);
	/* Outside the calendar's school year the weeks cannot be judged. */
	ck_assert_fails(triad_reach_report_new(&r, log, aud, D(2027, 8, 2), &o), TRIAD_ERANGE,
	                NULL);
	triad_calendar_free(cal);
	triad_contactlog_free(log);
	triad_audience_free(aud);
}
END_TEST

START_TEST(text_and_json)
{
	triad_audience *aud = school();
	triad_contactlog *log = school_log();
	triad_reach_report *r = NULL;
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), NULL));
	char *en = NULL, *nl = NULL, *json = NULL;
	ck_assert_ok(triad_reach_report_text(&en, r, TRIAD_LANG_EN));
	ck_assert_ok(triad_reach_report_text(&nl, r, TRIAD_LANG_NL));
	const char *en_has[] = {
		"Reach report as of 2026-11-26\n",
		/* Without a calendar, school weeks are calendar weeks. */
		"Window: 2026-08-01 to 2026-11-26. Hard to reach: no contact in the last 6 "
		"weeks despite attempts (weeks from 2026-10-19), or 3 failed attempts "
		"in a row.\n",
		/* group, households, reached, reach, contacts, proactive, share, failed, never, hard */
		"school                            6        4   66.7%         7         4   57.1%"
		"       5      2        2\n",
		"class 1a                          4        3   75.0%         5         3   60.0%"
		"       0      1        0\n",
		"mentor t-zee                      1        0    0.0%         0         0    0.0%"
		"       0      1        0\n",
		"Households never contacted (2):\n"
		"  h-5                  2 attempts, none reached; last on 2026-11-02\n"
		"  h-6                  no attempt recorded\n",
		"Hard to reach (2):\n"
		"  h-3                  no contact in the last 6 weeks despite attempts; "
		"3 failed attempts in a row; last contact 2026-09-10\n"
		"  h-5                  no contact in the last 6 weeks despite attempts; "
		"never reached\n",
	};
	for (size_t i = 0; i < sizeof en_has / sizeof *en_has; i++)
		ck_assert_msg(strstr(en, en_has[i]), "the English report lacks \"%s\":\n%s",
		              en_has[i], en);
	const char *nl_has[] = {
		"Bereikrapport per 2026-11-26\n",
		"Periode: 2026-08-01 t/m 2026-11-26. Moeilijk bereikbaar: geen contact in de "
		"laatste 6 weken ondanks pogingen (weken vanaf 2026-10-19), of 3 mislukte "
		"pogingen op rij.\n",
		"klas 1b                           3        2   66.7%",
		"Gezinnen nooit gesproken (2):\n  h-5                  2 pogingen, niemand "
		"bereikt; laatste op 2026-11-02\n",
		"Moeilijk bereikbaar (2):\n",
	};
	for (size_t i = 0; i < sizeof nl_has / sizeof *nl_has; i++)
		ck_assert_msg(strstr(nl, nl_has[i]), "the Dutch report lacks \"%s\":\n%s",
		              nl_has[i], nl);
	ck_assert_fails(triad_reach_report_text(&en, r, (triad_lang)3), TRIAD_EINVAL, "language");

	ck_assert_ok(triad_reach_report_json(&json, r));
	json_error_t e;
	json_t *root = json_loads(json, 0, &e);
	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(json_string_value(json_object_get(root, "format")), "triad.reach-report/1");
	ck_assert_str_eq(json_string_value(json_object_get(root, "as_of")), "2026-11-26");
	json_t *groups = json_object_get(root, "groups");
	ck_assert_uint_eq(json_array_size(groups), 6);
	json_t *g2 = json_array_get(groups, 2);
	ck_assert_str_eq(json_string_value(json_object_get(g2, "type")), "class");
	ck_assert_str_eq(json_string_value(json_object_get(g2, "name")), "1b");
	ck_assert_int_eq(json_integer_value(json_object_get(g2, "failed")), 5);
	ck_assert_double_eq_tol(json_real_value(json_object_get(g2, "reach")), 2.0 / 3, 1e-9);
	json_t *never = json_object_get(root, "never_contacted");
	ck_assert_uint_eq(json_array_size(never), 2);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(never, 0),
	                                                   "last_attempt")), "2026-11-02");
	ck_assert_ptr_null(json_object_get(json_array_get(never, 1), "last_attempt"));
	json_t *hard = json_object_get(root, "hard_to_reach");
	json_t *h3 = json_array_get(hard, 0);
	ck_assert_str_eq(json_string_value(json_object_get(h3, "household")), "h-3");
	ck_assert_uint_eq(json_array_size(json_object_get(h3, "reasons")), 2);
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(h3, "reasons"), 1)),
	                 "failed_in_row");
	ck_assert(json_is_null(json_object_get(json_array_get(hard, 1), "last_contact")));
	json_decref(root);
	triad_free(en);
	triad_free(nl);
	triad_free(json);
	triad_reach_report_free(r);
	triad_contactlog_free(log);
	triad_audience_free(aud);
}
END_TEST

START_TEST(empty_school)
{
	triad_audience *aud = NULL;
	ck_assert_ok(triad_audience_new(&aud));
	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_new(&log));
	triad_reach_report *r = NULL;
	ck_assert_ok(triad_reach_report_new(&r, log, aud, D(2026, 11, 26), NULL));
	ck_assert_uint_eq(triad_reach_report_group_count(r), 1);
	want w = { TRIAD_REACH_GROUP_SCHOOL, "", 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0 };
	check_group(r, 0, &w);
	char *text = NULL;
	ck_assert_ok(triad_reach_report_text(&text, r, TRIAD_LANG_EN));
	ck_assert_ptr_nonnull(strstr(text, "Households never contacted (0):\n  none\n"));
	triad_free(text);
	triad_reach_report_free(r);
	triad_contactlog_free(log);
	triad_audience_free(aud);
}
END_TEST


/* ---- the plan against the log ---- */

static void add_kind(triad_contactlog *log, const char *id, triad_date date, const char *hh,
                     const char *student, triad_contact_kind kind, int reached)
{
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = id;
	c.date = date;
	c.minute = 600;
	c.kind = kind;
	c.channel = TRIAD_CHANNEL_IN_PERSON;
	c.initiator = TRIAD_INITIATOR_SCHOOL;
	c.tone = TRIAD_TONE_POSITIVE;
	c.reached = reached;
	c.household = hh;
	c.students = student ? &student : NULL;
	c.student_count = student ? 1 : 0;
	ck_assert_ok(triad_contactlog_add(log, &c));
}

/* The index of the expected contact of household hh from rule `rule`
 * about `student` (NULL: the first of the household and rule). */
static size_t find_expected(const triad_expected *x, const char *hh, const char *rule,
                            const char *student)
{
	for (size_t k = 0; k < triad_expected_count(x); k++)
		if (strcmp(triad_expected_household(x, k), hh) == 0 &&
		    strcmp(triad_expected_rule(x, k), rule) == 0 &&
		    (!student || strcmp(triad_expected_student_at(x, k, 0), student) == 0))
			return k;
	ck_abort_msg("no expected %s contact for %s", rule, hh);
	return 0;
}

static triad_expected_state state_of(const triad_plan_status *st, const triad_expected *x,
                                     const char *hh, const char *rule, const char *student,
                                     const char **entry)
{
	triad_expected_state state = TRIAD_EXPECTED_STATE_NONE;
	ck_assert_ok(triad_plan_status_at(st, find_expected(x, hh, rule, student), &state, entry));
	return state;
}

START_TEST(plan_against_log)
{
	/* A calendar without holidays: the first school day is Monday
	 * 2026-08-03; school week 4 ends on Friday 2026-08-28, week 8 on
	 * Friday 2026-09-25. Rules: an intake with the mentor per household in
	 * the first 4 school weeks (h-4's children have different mentors, so
	 * h-4 gets two), and a positive note per student in the first 8. */
	triad_calendar *cal = NULL;
	ck_assert_ok(triad_calendar_new(&cal, 2026, TRIAD_REGION_NONE));
	triad_contactplan *plan = NULL;
	ck_assert_ok(triad_contactplan_new(&plan));
	triad_plan_rule rule = TRIAD_PLAN_RULE_INIT;
	rule.id = "intake";
	rule.kind = TRIAD_CONTACT_INTAKE;
	rule.with = TRIAD_PLAN_WITH_MENTOR;
	rule.per = TRIAD_PLAN_PER_HOUSEHOLD;
	rule.timing = TRIAD_PLAN_FIRST_WEEKS;
	rule.n = 4;
	ck_assert_ok(triad_contactplan_add_rule(plan, &rule));
	rule.id = "positive";
	rule.kind = TRIAD_CONTACT_POSITIVE_NOTE;
	rule.per = TRIAD_PLAN_PER_STUDENT;
	rule.n = 8;
	ck_assert_ok(triad_contactplan_add_rule(plan, &rule));
	triad_audience *aud = school();
	triad_expected *x = NULL;
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	/* 7 intakes (h-1, h-2, h-3, h-4 twice, h-5, h-6), 7 positive notes. */
	ck_assert_uint_eq(triad_expected_count(x), 14);
	size_t k = find_expected(x, "h-1", "intake", NULL);
	ck_assert_int_eq(triad_expected_earliest(x, k), D(2026, 8, 3));
	ck_assert_int_eq(triad_expected_due(x, k), D(2026, 8, 28));
	ck_assert_int_eq(triad_expected_due(x, find_expected(x, "h-1", "positive", NULL)),
	                 D(2026, 9, 25));

	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_new(&log));
	add_kind(log, "p1", D(2026, 8, 20), "h-1", "s-ann", TRIAD_CONTACT_INTAKE, 1);
	add_kind(log, "p2", D(2026, 9, 3), "h-2", "s-bob", TRIAD_CONTACT_INTAKE, 1);   /* late */
	add_kind(log, "p3", D(2026, 8, 25), "h-4", "s-dia", TRIAD_CONTACT_INTAKE, 1);  /* t-van's */
	add_kind(log, "p4", D(2026, 8, 10), "h-5", "s-fay", TRIAD_CONTACT_INTAKE, 0);  /* failed */
	add_kind(log, "p5", D(2026, 8, 10), "h-6", "s-gus", TRIAD_CONTACT_MENTOR_CALL, 1); /* kind */
	add_kind(log, "p6", D(2026, 9, 10), "h-4", "s-dia", TRIAD_CONTACT_POSITIVE_NOTE, 1);
	add_kind(log, "p7", D(2026, 8, 5), "h-1", "s-ann", TRIAD_CONTACT_POSITIVE_NOTE, 1);
	add_kind(log, "p8", D(2026, 10, 5), "h-2", "s-bob", TRIAD_CONTACT_POSITIVE_NOTE, 1); /* after */

	/* As of 2026-10-01 every window has closed. */
	triad_plan_status *st = NULL;
	ck_assert_ok(triad_plan_status_new(&st, x, log, D(2026, 10, 1)));
	ck_assert_uint_eq(triad_plan_status_count(st), 14);
	const char *entry = NULL;
	ck_assert_int_eq(state_of(st, x, "h-1", "intake", NULL, &entry), TRIAD_EXPECTED_DONE);
	ck_assert_str_eq(entry, "p1");
	ck_assert_int_eq(state_of(st, x, "h-1", "positive", NULL, &entry), TRIAD_EXPECTED_DONE);
	ck_assert_str_eq(entry, "p7");
	ck_assert_int_eq(state_of(st, x, "h-2", "intake", NULL, &entry), TRIAD_EXPECTED_DONE_LATE);
	ck_assert_str_eq(entry, "p2");
	ck_assert_int_eq(state_of(st, x, "h-2", "positive", NULL, &entry), TRIAD_EXPECTED_OVERDUE);
	ck_assert_ptr_null(entry);
	ck_assert_int_eq(state_of(st, x, "h-3", "intake", NULL, NULL), TRIAD_EXPECTED_OVERDUE);
	ck_assert_int_eq(state_of(st, x, "h-4", "intake", "s-dia", &entry), TRIAD_EXPECTED_DONE);
	ck_assert_str_eq(entry, "p3");
	ck_assert_int_eq(state_of(st, x, "h-4", "intake", "s-eva", NULL), TRIAD_EXPECTED_OVERDUE);
	ck_assert_int_eq(state_of(st, x, "h-4", "positive", "s-dia", &entry), TRIAD_EXPECTED_DONE);
	ck_assert_str_eq(entry, "p6");
	ck_assert_int_eq(state_of(st, x, "h-4", "positive", "s-eva", NULL), TRIAD_EXPECTED_OVERDUE);
	ck_assert_int_eq(state_of(st, x, "h-5", "intake", NULL, NULL), TRIAD_EXPECTED_OVERDUE);
	ck_assert_int_eq(state_of(st, x, "h-6", "intake", NULL, NULL), TRIAD_EXPECTED_OVERDUE);
	size_t done, late, overdue, open, upcoming, next;
	ck_assert_ok(triad_plan_status_household(st, "h-4", &done, &late, &overdue, &open,
	                                         &upcoming, &next));
	ck_assert_uint_eq(done, 2);
	ck_assert_uint_eq(late, 0);
	ck_assert_uint_eq(overdue, 2);
	ck_assert_uint_eq(open + upcoming, 0);
	ck_assert_uint_eq(next, SIZE_MAX);
	ck_assert_fails(triad_plan_status_household(st, "h-7", NULL, NULL, NULL, NULL, NULL, NULL),
	                TRIAD_ENOTFOUND, "\"h-7\" has no expected contact");
	char *text = NULL;
	ck_assert_ok(triad_plan_status_text(&text, st, "h-2", TRIAD_LANG_EN));
	ck_assert_msg(strstr(text, "Contact plan as of 2026-10-01\n\nHousehold h-2\n") &&
	              strstr(text, "  done late       intake conversation      from 2026-08-03 "
	                           "to 2026-08-28; on 2026-09-03 (p2) [intake: s-bob; t-mol]\n") &&
	              strstr(text, "  0 done, 1 late, 1 overdue, 0 open, 0 upcoming\n"),
	              "unexpected text:\n%s", text);
	triad_free(text);
	ck_assert_ok(triad_plan_status_text(&text, st, NULL, TRIAD_LANG_NL));
	ck_assert_msg(strstr(text, "Contactplan per 2026-10-01\n") &&
	              strstr(text, "Gezin h-6\n") &&
	              strstr(text, "  achterstallig   kennismakingsgesprek") &&
	              strstr(text, "  0 gedaan, 0 te laat, 2 achterstallig, 0 open, 0 gepland\n"),
	              "unexpected text:\n%s", text);
	triad_free(text);
	ck_assert_fails(triad_plan_status_text(&text, st, "h-9", TRIAD_LANG_EN), TRIAD_ENOTFOUND,
	                "h-9");
	triad_plan_status_free(st);

	/* As of 2026-08-10 the windows run: h-1's intake (p1 comes later) is
	 * open and due next; its positive note (p7) is done; the failed attempt
	 * of h-5 leaves its intake open. */
	ck_assert_ok(triad_plan_status_new(&st, x, log, D(2026, 8, 10)));
	ck_assert_int_eq(state_of(st, x, "h-1", "intake", NULL, NULL), TRIAD_EXPECTED_OPEN);
	ck_assert_int_eq(state_of(st, x, "h-1", "positive", NULL, NULL), TRIAD_EXPECTED_DONE);
	ck_assert_int_eq(state_of(st, x, "h-5", "intake", NULL, NULL), TRIAD_EXPECTED_OPEN);
	ck_assert_ok(triad_plan_status_household(st, "h-1", &done, NULL, NULL, &open, NULL, &next));
	ck_assert_uint_eq(done, 1);
	ck_assert_uint_eq(open, 1);
	ck_assert_uint_eq(next, find_expected(x, "h-1", "intake", NULL));
	ck_assert_ok(triad_plan_status_text(&text, st, "h-1", TRIAD_LANG_EN));
	ck_assert_msg(strstr(text, "; due next: intake conversation by 2026-08-28\n"),
	              "unexpected text:\n%s", text);
	triad_free(text);
	triad_plan_status_free(st);

	/* Before the first school day everything is upcoming. */
	ck_assert_ok(triad_plan_status_new(&st, x, log, D(2026, 8, 1)));
	for (size_t i = 0; i < 14; i++) {
		triad_expected_state s;
		ck_assert_ok(triad_plan_status_at(st, i, &s, NULL));
		ck_assert_int_eq(s, TRIAD_EXPECTED_UPCOMING);
	}
	ck_assert_fails(triad_plan_status_at(st, 14, NULL, NULL), TRIAD_EINVAL, "out of range");
	ck_assert_str_eq(triad_expected_state_id(TRIAD_EXPECTED_DONE_LATE), "done_late");
	ck_assert_ptr_null(triad_expected_state_id(TRIAD_EXPECTED_STATE_NONE));
	ck_assert_fails(triad_plan_status_new(NULL, x, log, 0), TRIAD_EINVAL, NULL);
	triad_plan_status_free(st);
	triad_plan_status_free(NULL);

	/* Allocation failures: nothing leaks, TRIAD_ENOMEM each time. */
	if (failalloc_enabled()) {
		failalloc_install();
		for (long n = 1;; n++) {
			failalloc_arm(n);
			int rc = triad_plan_status_new(&st, x, log, D(2026, 10, 1));
			bool tripped = failalloc_tripped();
			failalloc_arm(0);
			if (!tripped) {
				ck_assert_int_eq(rc, 0);
				triad_plan_status_free(st);
				break;
			}
			ck_assert_int_eq(rc, TRIAD_ENOMEM);
		}
		ck_assert_ok(triad_plan_status_new(&st, x, log, D(2026, 10, 1)));
		for (long n = 1;; n++) {
			failalloc_arm(n);
			int rc = triad_plan_status_text(&text, st, NULL, TRIAD_LANG_EN);
			bool tripped = failalloc_tripped();
			failalloc_arm(0);
			if (!tripped) {
				ck_assert_int_eq(rc, 0);
				triad_free(text);
				break;
			}
			ck_assert_int_eq(rc, TRIAD_ENOMEM);
		}
		triad_plan_status_free(st);
		ck_assert_int_eq(failalloc_live(), 0);
		/* What was built before the counting allocator goes back to malloc. */
		triad_allocator_reset();
		json_set_alloc_funcs(malloc, free);
	}
	triad_contactlog_free(log);
	triad_expected_free(x);
	triad_audience_free(aud);
	triad_contactplan_free(plan);
	triad_calendar_free(cal);
}
END_TEST

typedef struct sweep {
	triad_audience *aud;
	triad_contactlog *log;
	triad_reach_report *r;
	char *text;
} sweep;

static int run_new(void *p)
{
	sweep *s = p;
	return triad_reach_report_new(&s->r, s->log, s->aud, D(2026, 11, 26), NULL);
}

static void after_new(void *p, int rc)
{
	sweep *s = p;
	if (rc == 0)
		check_group(s->r, 4, &DEFAULT_GROUPS[4]);
	triad_reach_report_free(s->r);
	s->r = NULL;
}

static int run_text(void *p)
{
	sweep *s = p;
	return triad_reach_report_text(&s->text, s->r, TRIAD_LANG_NL);
}

static int run_json(void *p)
{
	sweep *s = p;
	return triad_reach_report_json(&s->text, s->r);
}

static void after_text(void *p, int rc)
{
	sweep *s = p;
	if (rc == 0)
		ck_assert_ptr_nonnull(strstr(s->text, "h-5"));
	triad_free(s->text);
	s->text = NULL;
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep s = { school(), school_log(), NULL, NULL };
	ck_assert_int_gt(failalloc_sweep(run_new, after_new, &s), 20);
	ck_assert_ok(run_new(&s));
	ck_assert_int_gt(failalloc_sweep(run_text, after_text, &s), 1);
	/* jansson's json_dumps drops bytes when its buffer cannot grow (see
	 * test_contactlog.c), so the JSON is swept with jansson on malloc. */
	json_set_alloc_funcs(malloc, free);
	ck_assert_int_gt(failalloc_sweep(run_json, after_text, &s), 1);
	failalloc_install();
	triad_reach_report_free(s.r);
	triad_contactlog_free(s.log);
	triad_audience_free(s.aud);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("analytics");
	TCase *tc = tcase_create("analytics");
	tcase_add_test(tc, figures_by_hand);
	tcase_add_test(tc, options);
	tcase_add_test(tc, school_weeks_from_the_calendar);
	tcase_add_test(tc, text_and_json);
	tcase_add_test(tc, empty_school);
	tcase_add_test(tc, plan_against_log);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
