/*
 * Concurrent use: many threads each build, change, query and free their own
 * objects while all of them read shared immutable data (the category and
 * contact-kind tables, one shared school-type set, one shared roster and the
 * text of the roster document). Run in the plain build and, in build-tsan/,
 * under ThreadSanitizer (scripts/test).
 */
#include <pthread.h>

#include "support/testutil.h"

/* ROUNDS of the cheap calls; every ROSTER_EVERY-th round also loads, changes,
 * saves and reloads a roster of its own (kept small so that the TSan run
 * takes seconds). */
enum { THREADS = 8, ROUNDS = 200, ROSTER_EVERY = 10 };

static const triad_schooltypes *shared_types;
static const triad_roster *shared_roster;
static char *roster_text; /* tests/data/school/good.json, read once */
static size_t roster_len;
/* Read-only: the calendar of school-2025.json, the contact plan custom.json,
 * the text of hardening/contact-log.json, and how many contacts the plan
 * expects for the audience every thread builds for itself. */
static const triad_calendar *shared_calendar;
static const triad_contactplan *shared_plan;
static char *log_text;
static size_t log_len;
static size_t expected_count;
/* Read-only: tests/data/conference/small.json, solved by every thread. */
static const triad_conference *shared_conf;

typedef struct worker {
	int index;
	int failures;
} worker;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	char *text = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return text;
}

/*
 * Queries on the shared roster, worked out from tests/data/school/good.json:
 * s1 (Emma, born 2010-03-15) has the guardians m1, f1, sp1 in document
 * order; on 2026-09-01 she is 16, so she consents herself, while the parents
 * with authority (m1, f1) still sign with her; s3 (born 2012-02-29) is 14
 * then, so m1 and f1 consent.
 */
static int read_shared_roster(void)
{
	int failures = 0;
	const triad_roster *r = shared_roster;
	triad_date on;
	if (triad_date_from_ymd(&on, 2026, 9, 1))
		return 1;
	triad_strlist *list = NULL;
	if (triad_roster_student_guardians(&list, r, "s1") || triad_strlist_count(list) != 3 ||
	    strcmp(triad_strlist_at(list, 0), "m1") || strcmp(triad_strlist_at(list, 2), "sp1"))
		failures++;
	triad_strlist_free(list);
	list = NULL;
	if (triad_policy_consenters(&list, r, NULL, "s1", on) || triad_strlist_count(list) != 1 ||
	    strcmp(triad_strlist_at(list, 0), "s1"))
		failures++;
	triad_strlist_free(list);
	list = NULL;
	if (triad_policy_consenters(&list, r, NULL, "s3", on) || triad_strlist_count(list) != 2 ||
	    strcmp(triad_strlist_at(list, 0), "m1") || strcmp(triad_strlist_at(list, 1), "f1"))
		failures++;
	triad_strlist_free(list);
	list = NULL;
	if (triad_policy_signers(&list, r, NULL, "s1", on) || triad_strlist_count(list) != 3)
		failures++;
	triad_strlist_free(list);
	const triad_student *s = triad_roster_student(r, "s3");
	if (!s || strcmp(triad_student_given_name(s), "Lotte") || triad_student_year(s) != 1)
		failures++;
	int age = 0;
	if (triad_student_age(&age, s, on) || age != 14)
		failures++;
	/* A lookup that fails leaves its error in this thread only. */
	if (triad_roster_student(r, "nobody") || triad_error_last()->code != TRIAD_ENOTFOUND ||
	    !strstr(triad_error_last()->message, "nobody"))
		failures++;
	return failures;
}

/* Load a roster of this thread's own, change it, fail a change, save,
 * reload and compare. */
static int own_roster(int index, int round)
{
	int failures = 0;
	triad_roster *r = NULL, *again = NULL;
	char *saved = NULL;
	char id[32];
	snprintf(id, sizeof id, "s-%d-%d", index, round);
	if (triad_roster_load(&r, roster_text, roster_len, "good.json", shared_types))
		return 1;
	triad_student_info info = TRIAD_STUDENT_INFO_INIT;
	info.id = id;
	info.given_name = "Sem";
	info.family_name = "Bos";
	info.birth_date = 15000;
	info.school_type = "havo";
	info.year = 1 + round % 5;
	info.mentor_id = "t1";
	if (triad_roster_add_student(r, &info))
		failures++;
	/* The same id again: refused, naming the id, and nothing changes. */
	if (triad_roster_add_student(r, &info) != TRIAD_EEXISTS ||
	    !strstr(triad_error_last()->message, id) || triad_roster_student_count(r) != 4)
		failures++;
	if (triad_roster_add_consent(r, id, "photos", id, 1, 20000))
		failures++;
	if (triad_roster_save(&saved, r) ||
	    triad_roster_load(&again, saved, strlen(saved), "saved.json", shared_types) ||
	    !triad_roster_equal(r, again) || triad_roster_equal(r, shared_roster))
		failures++;
	triad_strlist *mine = NULL;
	if (triad_roster_mentor_students(&mine, again, "t1") || triad_strlist_count(mine) != 3)
		failures++;
	triad_strlist_free(mine);
	triad_free(saved);
	triad_roster_free(again);
	triad_roster_free(r);
	return failures;
}

/* An audience of this thread's own: two households in havo 1 and 3. */
static triad_audience *own_audience(void)
{
	triad_audience *aud = NULL;
	if (triad_audience_new(&aud))
		return NULL;
	if (triad_audience_add(aud, "h-1", "s-1", "havo", 1, "1H1", "t-1", TRIAD_PLAN_ACCESS_FULL) ||
	    triad_audience_add(aud, "h-2", "s-2", "havo", 3, "3H2", "t-2", TRIAD_PLAN_ACCESS_FULL)) {
		triad_audience_free(aud);
		return NULL;
	}
	return aud;
}

static int plan_and_log(int index, int round)
{
	int failures = 0;
	const triad_calendar *cal = shared_calendar;
	/* school-2025.json: Wednesday 2025-11-12 is a study day, Thursday
	 * the 13th a school day, 2025-10-20 lies in the autumn holiday; 205
	 * school days in all. */
	int yes = -1;
	if (triad_calendar_is_school_day(&yes, cal, 20404) || yes != 0) /* 2025-11-12 */
		failures++;
	if (triad_calendar_is_school_day(&yes, cal, 20405) || yes != 1) /* 2025-11-13 */
		failures++;
	if (triad_calendar_is_school_day(&yes, cal, 20381) || yes != 0) /* 2025-10-20 */
		failures++;
	if (triad_calendar_school_day_count(cal) != 205)
		failures++;

	/* Generate from the shared plan and calendar for an own audience. */
	triad_audience *aud = own_audience();
	triad_expected *x = NULL;
	if (!aud || triad_contactplan_generate(&x, shared_plan, cal, aud) ||
	    triad_expected_count(x) != expected_count)
		failures++;
	triad_expected_free(x);
	triad_audience_free(aud);

	/* A contact log of this thread's own: load, add, refuse, write, reload. */
	triad_contactlog *log = NULL, *again = NULL;
	char *text = NULL;
	char id[32];
	snprintf(id, sizeof id, "t%d-%d", index, round);
	if (triad_contactlog_load_string(&log, log_text, log_len, "contact-log.json"))
		return failures + 1;
	static const char *const students[] = { "s-sam" };
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = id;
	c.date = 20400 + round % 30;
	c.minute = 600;
	c.kind = TRIAD_CONTACT_POSITIVE_NOTE;
	c.channel = TRIAD_CHANNEL_MESSAGE;
	c.initiator = TRIAD_INITIATOR_SCHOOL;
	c.tone = TRIAD_TONE_POSITIVE;
	c.reached = 1;
	c.household = "h-1";
	c.students = students;
	c.student_count = 1;
	if (triad_contactlog_add(log, &c) || triad_contactlog_count(log) != 5)
		failures++;
	if (triad_contactlog_add(log, &c) != TRIAD_EEXISTS || !strstr(triad_error_last()->message, id))
		failures++;
	if (triad_contactlog_to_json(&text, log) ||
	    triad_contactlog_load_string(&again, text, strlen(text), "saved.json") ||
	    triad_contactlog_count(again) != 5)
		failures++;
	size_t at = 0;
	if (triad_contactlog_find(&at, again, id))
		failures++;
	triad_free(text);
	triad_contactlog_free(again);
	triad_contactlog_free(log);
	return failures;
}

/* Solve the shared instance (the solver only reads it), check the result
 * against it, and change and save an instance of this thread's own. */
static int conference(int round)
{
	int failures = 0;
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = 50;
	o.seed = (uint64_t)(1 + round);
	triad_conference_result *res = NULL;
	triad_conference_report *rep = NULL;
	int64_t n = -1;
	/* small.json: 5 requests, all placeable. */
	if (triad_conference_solve(&res, shared_conf, &o, NULL) ||
	    triad_conference_result_meeting_count(res) != 5 ||
	    triad_conference_check(&rep, shared_conf, res) ||
	    triad_conference_report_violation_count(rep) != 0)
		failures++;
	if (triad_conference_result_metric(&n, res, TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT) ||
	    n != 0)
		failures++;
	triad_conference_report_free(rep);

	char *text = NULL, *again = NULL;
	triad_conference *own = NULL;
	if (triad_conference_save_json(&text, shared_conf) ||
	    triad_conference_load_json(&own, text, strlen(text), "own.json") ||
	    triad_conference_unpin(own, "r4") || triad_conference_pin_result(own, res) ||
	    triad_conference_pin(own, "r9", "s1", 0) != TRIAD_ENOTFOUND ||
	    !strstr(triad_error_last()->message, "r9") ||
	    triad_conference_save_json(&again, own))
		failures++;
	triad_free(text);
	triad_free(again);
	triad_conference_free(own);
	triad_conference_result_free(res);
	return failures;
}

static void *work(void *arg)
{
	worker *w = arg;
	for (int round = 0; round < ROUNDS; round++) {
		/* Shared, read-only. */
		for (size_t i = 0; i < triad_category_count(); i++) {
			triad_category c = triad_category_at(i), back;
			if (triad_category_from_id(&back, triad_category_id(c)) || back != c)
				w->failures++;
		}
		double share;
		if (triad_schooltypes_ownership(shared_types, "vwo", 6, &share) || share != 1.0)
			w->failures++;
		triad_contact_kind k;
		if (triad_contact_kind_from_id(&k, "triangle") || k != TRIAD_CONTACT_TRIANGLE)
			w->failures++;

		/* Owned by this thread: build, change, read, fail, free. */
		triad_schooltypes *own;
		if (triad_schooltypes_new(&own)) {
			w->failures++;
			continue;
		}
		char id[32];
		snprintf(id, sizeof id, "t%d-%d", w->index, round);
		if (triad_schooltypes_add(own, id, "eigen", "own", 1 + round % 6))
			w->failures++;
		int years = 0;
		if (triad_schooltypes_years(own, id, &years) || years != 1 + round % 6)
			w->failures++;
		if (triad_schooltypes_add(own, id, "eigen", "own", 2) != TRIAD_EEXISTS ||
		    !strstr(triad_error_last()->message, id))
			w->failures++;
		triad_schooltypes_free(own);

		triad_date d;
		char buf[TRIAD_DATE_BUFSIZE];
		if (triad_date_from_ymd(&d, 2000 + w->index, 1 + round % 12, 1) ||
		    triad_date_format(d, buf))
			w->failures++;

		w->failures += read_shared_roster();
		if (round % ROSTER_EVERY == 0) {
			w->failures += own_roster(w->index, round);
			w->failures += plan_and_log(w->index, round);
			w->failures += conference(round);
		}
	}
	return NULL;
}

START_TEST(threads_use_their_own_objects_and_share_immutable_ones)
{
	triad_schooltypes *types;
	ck_assert_ok(triad_schooltypes_new(&types));
	shared_types = types;
	roster_text = read_file(test_data_path("school/good.json"), &roster_len);
	triad_roster *roster = NULL;
	ck_assert_ok(triad_roster_load(&roster, roster_text, roster_len, "good.json", types));
	shared_roster = roster;
	ck_assert_int_eq(read_shared_roster(), 0);
	ck_assert_int_eq(own_roster(-1, 0), 0);
	triad_calendar *cal = NULL;
	ck_assert_ok(triad_calendar_load_file(&cal, test_data_path("calendar/school-2025.json")));
	shared_calendar = cal;
	triad_contactplan *plan = NULL;
	ck_assert_ok(triad_contactplan_load_file(&plan, test_data_path("contactplan/custom.json")));
	shared_plan = plan;
	log_text = read_file(test_data_path("hardening/contact-log.json"), &log_len);
	triad_audience *aud = own_audience();
	ck_assert_ptr_nonnull(aud);
	triad_expected *x = NULL;
	ck_assert_ok(triad_contactplan_generate(&x, plan, cal, aud));
	expected_count = triad_expected_count(x);
	ck_assert_uint_gt(expected_count, 0);
	triad_expected_free(x);
	triad_audience_free(aud);
	ck_assert_int_eq(plan_and_log(-1, 0), 0);
	triad_conference *conf = NULL;
	ck_assert_ok(triad_conference_load_file(&conf, test_data_path("conference/small.json")));
	shared_conf = conf;
	ck_assert_int_eq(conference(0), 0);
	pthread_t t[THREADS];
	worker w[THREADS];
	for (int i = 0; i < THREADS; i++) {
		w[i] = (worker){ i, 0 };
		ck_assert_int_eq(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		ck_assert_int_eq(w[i].failures, 0);
	}
	triad_roster_free(roster);
	free(roster_text);
	triad_calendar_free(cal);
	triad_contactplan_free(plan);
	free(log_text);
	triad_conference_free(conf);
	triad_schooltypes_free(types);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("threads");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, threads_use_their_own_objects_and_share_immutable_ones);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
