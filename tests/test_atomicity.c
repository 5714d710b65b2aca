/*
 * "Loading never leaves an object half-changed": every failed call leaves
 * its objects exactly as they were (compared through their saved text), and
 * a failed load into a variable that already holds an object leaves the
 * variable and the object alone. Each failure is also checked for its code
 * and for a message that names what was wrong.
 *
 * The mutations fail late on purpose where the module has a late check:
 * a change that passes the simple field checks and is refused only when
 * set against the rest of the object (a period that would leave a day off
 * outside, an entry that answers an entry that is later than it, ...).
 */
#include <unistd.h>

#include "support/testutil.h"

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

/* ---- roster ------------------------------------------------------------------ */

static char *roster_text(const triad_roster *r)
{
	char *t = NULL;
	ck_assert_ok(triad_roster_save(&t, r));
	return t;
}

START_TEST(roster_failures_change_nothing)
{
	triad_roster *r = NULL;
	ck_assert_ok(triad_roster_load_file(&r, test_data_path("school/good.json"), NULL));
	char *before = roster_text(r);

	/* A student whose every field is fine except the mentor: t2 is a
	 * school leader, not a mentor (good.json). */
	triad_student_info s = TRIAD_STUDENT_INFO_INIT;
	s.id = "s9"; s.given_name = "Sem"; s.family_name = "Bos"; s.birth_date = D(2011, 5, 1);
	s.school_type = "havo"; s.year = 2; s.class_name = "2H1"; s.mentor_id = "t2";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EINVAL, "t2");
	/* Year 6 of havo (5 years). */
	s.mentor_id = "t1"; s.year = 6;
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_ERANGE, "year 6 is outside havo");
	/* A second relation for the pair s1-m1. */
	triad_relation_info rel = TRIAD_RELATION_INFO_INIT;
	rel.student_id = "s1"; rel.guardian_id = "m1"; rel.kind = TRIAD_RELATION_MOTHER;
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EEXISTS, NULL);
	/* Authority with information "on request" is a contradiction. */
	rel.student_id = "s2"; rel.guardian_id = "m1"; rel.authority = 1;
	rel.info_rights = TRIAD_INFO_ON_REQUEST;
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EINVAL, NULL);
	/* A guardian in a household that does not exist. */
	triad_guardian_info g = TRIAD_GUARDIAN_INFO_INIT;
	g.id = "g9"; g.given_name = "Ilse"; g.family_name = "Bos"; g.household_id = "h9";
	ck_assert_fails(triad_roster_add_guardian(r, &g), TRIAD_ENOTFOUND, "h9");
	/* Consent by someone unrelated to the student (f2 is s2's father). */
	ck_assert_fails(triad_roster_add_consent(r, "s1", "photos", "f2", 1, D(2025, 1, 1)),
	                TRIAD_ENOTFOUND, "\"f2\" is neither the student nor one of");
	ck_assert_fails(triad_roster_set_school_name(r, "\xc3\x28"), TRIAD_EINVAL, NULL);

	char *after = roster_text(r);
	ck_assert_str_eq(after, before);
	triad_free(after);

	/* A failed load into a variable that holds a roster leaves both. */
	triad_roster *keep = r;
	const char *bad = "{\"format\": \"triad.school/1\", \"school_name\": 7}";
	ck_assert_fails(triad_roster_load(&r, bad, strlen(bad), "bad.json", NULL),
	                TRIAD_EFORMAT, "school_name");
	ck_assert_ptr_eq(r, keep);
	ck_assert_fails(triad_roster_load_file(&r, "/nonexistent/school.json", NULL), TRIAD_EIO,
	                "/nonexistent/school.json");
	ck_assert_ptr_eq(r, keep);
	after = roster_text(r);
	ck_assert_str_eq(after, before);
	triad_free(after);
	triad_free(before);
	triad_roster_free(r);
}
END_TEST

/* ---- calendar ---------------------------------------------------------------- */

static char *calendar_text(const triad_calendar *c)
{
	char *t = NULL;
	ck_assert_ok(triad_calendar_save(&t, c));
	return t;
}

START_TEST(calendar_failures_change_nothing)
{
	triad_calendar *cal = NULL;
	ck_assert_ok(triad_calendar_load_file(&cal, test_data_path("calendar/school-2025.json")));
	char *before = calendar_text(cal);

	/* school-2025.json runs 2025-08-01 to 2026-07-31 with days off and
	 * report periods inside; a period ending on 2026-01-31 would leave the
	 * later ones outside, so the whole change is refused. */
	ck_assert_fails(triad_calendar_set_period(cal, D(2025, 8, 1), D(2026, 1, 31)),
	                TRIAD_EINVAL, "outside");
	ck_assert_fails(triad_calendar_set_period(cal, D(2025, 8, 1), D(2026, 12, 31)),
	                TRIAD_EINVAL, "400");
	ck_assert_fails(triad_calendar_add_holiday(cal, "x", D(2026, 1, 2), D(2026, 1, 1), 0),
	                TRIAD_EINVAL, "before it starts");
	ck_assert_fails(triad_calendar_add_holiday(cal, "x", D(2026, 8, 2), D(2026, 8, 9), 0),
	                TRIAD_EINVAL, "outside the school year");
	ck_assert_fails(triad_calendar_add_day_off(cal, D(2024, 10, 1), "studiedag"),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_calendar_add_report_period(cal, "p 3", "x", D(2025, 8, 25),
	                                                 D(2025, 9, 1)),
	                TRIAD_EINVAL, "\"p 3\"");

	char *after = calendar_text(cal);
	ck_assert_str_eq(after, before);
	triad_free(after);

	triad_calendar *keep = cal;
	const char *bad = "{\"format\": \"triad.calendar/1\", \"school_year\": \"2025-2026\", "
	                  "\"nope\": 1}";
	ck_assert_fails(triad_calendar_load(&cal, bad, strlen(bad), "bad.json"), TRIAD_EFORMAT,
	                NULL);
	ck_assert_ptr_eq(cal, keep);
	/* The open-data loader: a school year the file does not hold. */
	ck_assert_fails(triad_calendar_load_opendata_file(&cal,
	                                                  test_data_path("calendar/opendata.json"),
	                                                  "2030-2031", TRIAD_REGION_ZUID),
	                TRIAD_ENOTFOUND, "2030-2031");
	ck_assert_ptr_eq(cal, keep);
	after = calendar_text(cal);
	ck_assert_str_eq(after, before);
	triad_free(after);
	triad_free(before);
	triad_calendar_free(cal);
}
END_TEST

/* ---- contact plan and audience ------------------------------------------------ */

static char *plan_text(const triad_contactplan *p)
{
	char *t = NULL;
	ck_assert_ok(triad_contactplan_save(&t, p));
	return t;
}

START_TEST(contactplan_failures_change_nothing)
{
	triad_contactplan *plan = NULL;
	ck_assert_ok(triad_contactplan_load_file(&plan, test_data_path("contactplan/custom.json")));
	char *before = plan_text(plan);

	triad_plan_rule rule = TRIAD_PLAN_RULE_INIT;
	rule.id = "coord"; /* already in custom.json */
	rule.kind = TRIAD_CONTACT_INTAKE;
	rule.with = TRIAD_PLAN_WITH_MENTOR;
	rule.per = TRIAD_PLAN_PER_HOUSEHOLD;
	rule.timing = TRIAD_PLAN_FIRST_WEEKS;
	rule.n = 4;
	ck_assert_fails(triad_contactplan_add_rule(plan, &rule), TRIAD_EEXISTS, "coord");
	rule.id = "bad id";
	ck_assert_fails(triad_contactplan_add_rule(plan, &rule), TRIAD_EINVAL, "bad id");
	/* Fine up to its year list, which names year 2 twice. */
	static const int32_t years[] = { 2, 3, 2 };
	rule.id = "late";
	rule.years = years;
	rule.year_count = 3;
	ck_assert_fails(triad_contactplan_add_rule(plan, &rule), TRIAD_EINVAL,
	                "school year 2 is listed twice");
	ck_assert_fails(triad_contactplan_remove_rule(plan, "nope"), TRIAD_ENOTFOUND, "nope");

	char *after = plan_text(plan);
	ck_assert_str_eq(after, before);
	triad_free(after);

	triad_contactplan *keep = plan;
	const char *bad = "{\"format\": \"triad.contact-plan/2\", \"rules\": []}";
	ck_assert_fails(triad_contactplan_load(&plan, bad, strlen(bad), "bad.json"),
	                TRIAD_EVERSION, NULL);
	ck_assert_ptr_eq(plan, keep);
	after = plan_text(plan);
	ck_assert_str_eq(after, before);
	triad_free(after);
	triad_free(before);
	triad_contactplan_free(plan);

	/* The audience: a refused member adds nothing. */
	triad_audience *aud = NULL;
	ck_assert_ok(triad_audience_new(&aud));
	ck_assert_ok(triad_audience_add(aud, "h-1", "s-1", "havo", 2, "2H1", "t-1",
	                                TRIAD_PLAN_ACCESS_FULL));
	ck_assert_fails(triad_audience_add(aud, "h-1", "s-1", "havo", 2, "2H1", "t-1",
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EEXISTS, NULL);
	ck_assert_fails(triad_audience_add(aud, "h-2", "s-2", "havo", 0, "2H1", "t-1",
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EINVAL, "school year 0 does not exist");
	ck_assert_fails(triad_audience_add(aud, "", "s-2", "havo", 2, "2H1", "t-1",
	                                   TRIAD_PLAN_ACCESS_FULL),
	                TRIAD_EINVAL, "household id");
	ck_assert_uint_eq(triad_audience_count(aud), 1);
	triad_audience_free(aud);
}
END_TEST

/* ---- contact log -------------------------------------------------------------- */

static char *log_text(const triad_contactlog *l)
{
	char *t = NULL;
	ck_assert_ok(triad_contactlog_to_json(&t, l));
	return t;
}

START_TEST(contactlog_failures_change_nothing)
{
	/* hardening/contact-log.json: c1 (h-1, 2026-09-14), c2 (h-2, parent's
	 * e-mail, 09-15), c3 (answers c2, 09-16), c4 (h-1, 10-01). */
	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_load(&log, test_data_path("hardening/contact-log.json")));
	char *before = log_text(log);

	static const char *const students[] = { "s-sam" };
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = "c1"; /* taken */
	c.date = D(2026, 9, 20);
	c.minute = 600;
	c.kind = TRIAD_CONTACT_MENTOR_CALL;
	c.channel = TRIAD_CHANNEL_PHONE;
	c.initiator = TRIAD_INITIATOR_SCHOOL;
	c.tone = TRIAD_TONE_POSITIVE;
	c.reached = 1;
	c.household = "h-1";
	c.students = students;
	c.student_count = 1;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EEXISTS, "c1");
	/* An answer to an entry that does not exist. */
	c.id = "c5";
	c.answers = "c9";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_ENOTFOUND, "c9");
	/* An answer dated before what it answers (c4 is 2026-10-01). */
	c.answers = "c4";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_ERANGE, "lies before it");
	/* Correcting c2 to a date after its answer c3 (09-16). */
	c.id = "c2";
	c.answers = NULL;
	c.date = D(2026, 9, 30);
	ck_assert_fails(triad_contactlog_correct(log, &c), TRIAD_ERANGE, NULL);
	c.id = "c8";
	ck_assert_fails(triad_contactlog_correct(log, &c), TRIAD_ENOTFOUND, "c8");
	/* c3 answers c2: c2 cannot go first. */
	ck_assert_fails(triad_contactlog_remove(log, "c2"), TRIAD_ESTATE, "c3");
	ck_assert_fails(triad_contactlog_remove(log, "c7"), TRIAD_ENOTFOUND, "c7");

	char *after = log_text(log);
	ck_assert_str_eq(after, before);
	triad_free(after);

	triad_contactlog *keep = log;
	/* The second entry answers one that is not in the document. */
	const char *bad = "{\"format\": \"triad.contact-log/1\", \"entries\": [{\"id\": \"a\", "
	                  "\"at\": \"2026-09-14T19:30\", \"kind\": \"mentor_call\", "
	                  "\"channel\": \"phone\", \"initiator\": \"school\", "
	                  "\"tone\": \"positive\", \"reached\": true, \"household\": \"h-1\", "
	                  "\"answers\": \"q\"}]}";
	ck_assert_fails(triad_contactlog_load_string(&log, bad, strlen(bad), "bad.json"),
	                TRIAD_EFORMAT, "q");
	ck_assert_ptr_eq(log, keep);
	/* JSON Lines whose third line is broken: nothing of the first two. */
	char path[64];
	snprintf(path, sizeof path, "atomicity-%ld.jsonl", (long)getpid());
	ck_assert_ok(triad_contactlog_save_jsonl(log, path));
	FILE *f = fopen(path, "a");
	ck_assert_ptr_nonnull(f);
	fputs("{\"id\": \n", f);
	fclose(f);
	ck_assert_fails(triad_contactlog_load_jsonl(&log, path), TRIAD_EPARSE, "line 6");
	ck_assert_ptr_eq(log, keep);
	unlink(path);
	after = log_text(log);
	ck_assert_str_eq(after, before);
	triad_free(after);
	triad_free(before);
	triad_contactlog_free(log);
}
END_TEST

/* ---- agreement ----------------------------------------------------------------- */

static char *agreement_text(const triad_agreement *a)
{
	char *t = NULL;
	ck_assert_ok(triad_agreement_save(&t, a));
	return t;
}

START_TEST(agreement_failures_change_nothing)
{
	/* agreement-s13.json: one active version (2026-08-01 to 2027-07-31),
	 * parties s13, m13, f13, t1, all four signed. */
	triad_agreement *a = NULL;
	ck_assert_ok(triad_agreement_load_file(&a, test_data_path("agreement/agreement-s13.json")));
	char *before = agreement_text(a);

	ck_assert_fails(triad_agreement_sign(a, "s13", D(2026, 9, 20)), TRIAD_ESTATE, NULL);
	ck_assert_fails(triad_agreement_withdraw(a), TRIAD_ESTATE, NULL);
	ck_assert_fails(triad_agreement_propose(a, D(2026, 9, 20)), TRIAD_ESTATE, NULL);
	/* Not yet past its end. */
	ck_assert_fails(triad_agreement_expire(a, D(2027, 7, 31)), TRIAD_ESTATE, NULL);
	ck_assert_fails(triad_agreement_remove_clause(a, "no.such.clause"), TRIAD_ENOTFOUND,
	                "no.such.clause");
	ck_assert_fails(triad_agreement_remove_party(a, "x99"), TRIAD_ENOTFOUND, "x99");
	ck_assert_fails(triad_agreement_remove_protocol(a, "no_subject"), TRIAD_ENOTFOUND,
	                "no_subject");
	ck_assert_fails(triad_agreement_set_validity(a, D(2027, 1, 1), D(2026, 1, 1)),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_agreement_clause_set_text(a, "student.effort", "\xc3\x28", "x"),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_agreement_add_catalogue_clause(a, "no.such.clause"), TRIAD_ENOTFOUND,
	                "no.such.clause");

	char *after = agreement_text(a);
	ck_assert_str_eq(after, before);
	triad_free(after);

	triad_agreement *keep = a;
	const char *bad = "{\"format\": \"triad.agreement/1\", \"id\": \"x\", \"versions\": [], "
	                  "\"extra\": true}";
	ck_assert_fails(triad_agreement_load(&a, bad, strlen(bad), "bad.json"), TRIAD_EFORMAT,
	                NULL);
	ck_assert_ptr_eq(a, keep);
	after = agreement_text(a);
	ck_assert_str_eq(after, before);
	triad_free(after);
	triad_free(before);
	triad_agreement_free(a);
}
END_TEST

/* ---- conference ----------------------------------------------------------------- */

static char *conference_text(const triad_conference *c)
{
	char *t = NULL;
	ck_assert_ok(triad_conference_save_json(&t, c));
	return t;
}

START_TEST(conference_failures_change_nothing)
{
	/* small.json: requests r1..r5, sessions s1 and s2, r4 pinned to s1. */
	triad_conference *conf = NULL;
	ck_assert_ok(triad_conference_load_file(&conf, test_data_path("conference/small.json")));
	char *before = conference_text(conf);

	ck_assert_fails(triad_conference_pin(conf, "r9", "s1", 0), TRIAD_ENOTFOUND, "r9");
	ck_assert_fails(triad_conference_pin(conf, "r1", "s9", 0), TRIAD_ENOTFOUND, "s9");
	ck_assert_fails(triad_conference_pin(conf, "r1", "s1", 100000), TRIAD_ERANGE, NULL);
	ck_assert_fails(triad_conference_unpin(conf, "r9"), TRIAD_ENOTFOUND, "r9");
	ck_assert_fails(triad_conference_setting_set(conf, TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT,
	                                             -1),
	                TRIAD_ERANGE, NULL);
	ck_assert_fails(triad_conference_setting_set(conf, (triad_conference_setting)999, 1),
	                TRIAD_EINVAL, NULL);

	char *after = conference_text(conf);
	ck_assert_str_eq(after, before);
	triad_free(after);

	/* A failed load into a variable that holds an instance, and a result
	 * whose meeting names a request the instance lacks. */
	triad_conference *keep = conf;
	const char *bad = "{\"format\": \"triad.conference/1\", \"sessions\": 3}";
	ck_assert_fails(triad_conference_load_json(&conf, bad, strlen(bad), "bad.json"),
	                TRIAD_EFORMAT, "sessions");
	ck_assert_ptr_eq(conf, keep);
	triad_conference_result *res = NULL, *rkeep;
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = 20;
	ck_assert_ok(triad_conference_solve(&res, conf, &o, NULL));
	rkeep = res;
	char *rbefore = NULL;
	ck_assert_ok(triad_conference_result_save_json(&rbefore, res));
	char *rbad = strdup(rbefore);
	char *at = strstr(rbad, "\"r4\"");
	ck_assert_ptr_nonnull(at);
	at[2] = '9'; /* "r9" */
	ck_assert_fails(triad_conference_result_load_json(&res, conf, rbad, strlen(rbad),
	                                                  "bad-result.json"),
	                TRIAD_EFORMAT, "r9");
	ck_assert_ptr_eq(res, rkeep);
	free(rbad);
	after = conference_text(conf);
	ck_assert_str_eq(after, before);
	triad_free(after);
	char *rafter = NULL;
	ck_assert_ok(triad_conference_result_save_json(&rafter, res));
	ck_assert_str_eq(rafter, rbefore);
	triad_free(rafter);
	triad_free(rbefore);
	triad_conference_result_free(res);
	triad_free(before);
	triad_conference_free(conf);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("atomicity");
	TCase *tc = tcase_create("failures");
	tcase_add_test(tc, roster_failures_change_nothing);
	tcase_add_test(tc, calendar_failures_change_nothing);
	tcase_add_test(tc, contactplan_failures_change_nothing);
	tcase_add_test(tc, contactlog_failures_change_nothing);
	tcase_add_test(tc, agreement_failures_change_nothing);
	tcase_add_test(tc, conference_failures_change_nothing);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
