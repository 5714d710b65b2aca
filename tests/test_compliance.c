/* Agreement compliance: findings worked out by hand. */
#include <jansson.h>

#include "support/failalloc.h"
#include "support/testutil.h"
#include "triad/compliance.h"

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

/* Four commitments for student s1, valid 2025-08-01 .. 2026-07-31:
 *   A school.positive   the school: at least 1 positive note a month
 *   B school.calls      the school: at most 4 weeks between mentor calls
 *   C school.answers    the school answers any question within 2 school days
 *   D parents.reply     a guardian answers the school's concerns within 3 */
#define CLAUSE(id, section, from, to, commitment)                                     \
	"{\"id\": \"" id "\", \"section\": \"" section "\", \"category\": \"partnership\", " \
	"\"from\": {\"role\": \"" from "\"}, \"to\": {\"role\": \"" to "\"}, "              \
	"\"text\": {\"nl\": \"tekst\", \"en\": \"text\"}, \"commitment\": " commitment "}"

#define AGREEMENT(clauses)                                                           \
	"{\"format\": \"triad.agreement/1\", \"id\": \"agr-s1\", \"versions\": [{"       \
	"\"number\": 1, \"state\": \"draft\", \"valid_from\": \"2025-08-01\", "           \
	"\"valid_to\": \"2026-07-31\", \"school_type\": \"havo\", \"year\": 1, "         \
	"\"parties\": [{\"role\": \"student\", \"id\": \"s1\"}, "                         \
	"{\"role\": \"guardian\", \"id\": \"m1\"}, {\"role\": \"school\", \"id\": \"t1\"}], " \
	"\"clauses\": [" clauses "], \"signatures\": []}]}"

static const char *const AGR = AGREEMENT(
	CLAUSE("school.positive", "school", "school", "guardian",
	       "{\"kind\": \"min_count\", \"contact_kind\": \"positive_note\", \"count\": 1, "
	       "\"period\": \"month\"}") ", "
	CLAUSE("school.calls", "school", "school", "guardian",
	       "{\"kind\": \"max_interval\", \"contact_kind\": \"mentor_call\", \"weeks\": 4}") ", "
	CLAUSE("school.answers", "school", "school", "guardian",
	       "{\"kind\": \"response_time\", \"days\": 2}") ", "
	CLAUSE("parents.reply", "parents", "guardian", "school",
	       "{\"kind\": \"response_time\", \"contact_kind\": \"concern\", \"days\": 3}"));

static void add(triad_contactlog *log, const char *id, triad_date d, int minute,
                triad_contact_kind kind, triad_initiator who, int reached, const char *answers,
                const char *student)
{
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = id;
	c.date = d;
	c.minute = minute;
	c.kind = kind;
	c.channel = TRIAD_CHANNEL_PHONE;
	c.initiator = who;
	c.tone = kind == TRIAD_CONTACT_CONCERN ? TRIAD_TONE_CONCERN : TRIAD_TONE_POSITIVE;
	c.reached = reached;
	c.household = strcmp(student, "s1") == 0 ? "h1" : "h2";
	c.staff = "t1";
	c.answers = answers;
	c.students = &student;
	c.student_count = 1;
	ck_assert_ok(triad_contactlog_add(log, &c));
}

#define SCHOOL TRIAD_INITIATOR_SCHOOL
#define PARENT TRIAD_INITIATOR_PARENT
#define STUDENT TRIAD_INITIATOR_STUDENT

static triad_contactlog *agreement_log(void)
{
	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_new(&log));
	add(log, "e1", D(2025, 9, 10), 600, TRIAD_CONTACT_POSITIVE_NOTE, SCHOOL, 1, NULL, "s1");
	add(log, "e5", D(2025, 10, 20), 600, TRIAD_CONTACT_POSITIVE_NOTE, SCHOOL, 0, NULL, "s1");
	add(log, "m1", D(2025, 9, 1), 600, TRIAD_CONTACT_MENTOR_CALL, SCHOOL, 1, NULL, "s1");
	add(log, "m2", D(2025, 10, 13), 600, TRIAD_CONTACT_MENTOR_CALL, SCHOOL, 1, NULL, "s1");
	add(log, "q1", D(2025, 9, 15), 480, TRIAD_CONTACT_CONCERN, PARENT, 1, NULL, "s1");
	add(log, "a1", D(2025, 9, 18), 720, TRIAD_CONTACT_CONCERN, SCHOOL, 1, "q1", "s1");
	add(log, "q2", D(2025, 10, 2), 480, TRIAD_CONTACT_CONCERN, PARENT, 1, NULL, "s1");
	add(log, "a2", D(2025, 10, 3), 720, TRIAD_CONTACT_CONCERN, SCHOOL, 1, "q2", "s1");
	add(log, "q3", D(2025, 10, 30), 540, TRIAD_CONTACT_MENTOR_CALL, STUDENT, 1, NULL, "s1");
	add(log, "sq1", D(2025, 10, 6), 600, TRIAD_CONTACT_CONCERN, SCHOOL, 1, NULL, "s1");
	add(log, "r1", D(2025, 10, 8), 1080, TRIAD_CONTACT_CONCERN, PARENT, 1, "sq1", "s1");
	add(log, "sq2", D(2025, 10, 20), 660, TRIAD_CONTACT_CONCERN, SCHOOL, 1, NULL, "s1");
	add(log, "x1", D(2025, 10, 1), 600, TRIAD_CONTACT_POSITIVE_NOTE, SCHOOL, 1, NULL, "s2");
	add(log, "late", D(2025, 11, 20), 600, TRIAD_CONTACT_POSITIVE_NOTE, SCHOOL, 1, NULL, "s1");
	return log;
}

typedef struct want {
	const char *clause;
	triad_commitment_kind kind;
	triad_date from, to;
	int32_t expected, actual;
	const char *entry;
	int answered;
} want;

/*
 * As of Wednesday 2025-11-05, without a calendar (weeks Monday to Sunday,
 * school days Monday to Friday), judged from 2025-08-01:
 * A: August 0 positive notes (finding), September 1 (e1), October 0 (e5
 *    did not reach anyone: finding); November has not ended.
 * B: weeks between Mondays: 2025-08-01 (week of 07-28) to m1 on 09-01:
 *    5 > 4 (finding); m1 to m2 on 10-13: 6 > 4 (finding); m2 to q3 (a
 *    mentor call the student made, 10-30): 2; q3 to 11-05: 1.
 * C: questions from parents and the student (entries that answer another
 *    one, like r1, are no questions): q1 Mon 09-15 answered Thu 09-18
 *    after 3 school days > 2 (finding, late); q2 Thu 10-02 answered Fri
 *    10-03 after 1; q3 Thu 10-30 unanswered, 4 school days by 11-05
 *    (Fri, Mon, Tue, Wed) > 2 (finding).
 * D: the school's concerns: sq1 Mon 10-06 answered by the parent Wed 10-08
 *    after 2 <= 3; sq2 Mon 10-20 unanswered: 12 school days by 11-05
 *    (21-24, 27-31 October, 3-5 November) > 3 (finding).
 * x1 concerns another student; "late" lies after the as-of date.
 */
START_TEST(findings_by_hand)
{
	triad_agreement *agr = NULL;
	ck_assert_ok(triad_agreement_load(&agr, AGR, strlen(AGR), "agr.json"));
	const triad_agreement_version *v = triad_agreement_latest(agr);
	triad_contactlog *log = agreement_log();
	triad_compliance *c = NULL;
	ck_assert_ok(triad_compliance_check(&c, v, log, NULL, D(2025, 11, 5)));
	ck_assert_uint_eq(triad_compliance_checked(c), 4);
	const want w[] = {
		{ "school.positive", TRIAD_COMMITMENT_MIN_COUNT, D(2025, 8, 1), D(2025, 8, 31), 1, 0, NULL, 0 },
		{ "school.positive", TRIAD_COMMITMENT_MIN_COUNT, D(2025, 10, 1), D(2025, 10, 31), 1, 0, NULL, 0 },
		{ "school.calls", TRIAD_COMMITMENT_MAX_INTERVAL, D(2025, 8, 1), D(2025, 9, 1), 4, 5, NULL, 0 },
		{ "school.calls", TRIAD_COMMITMENT_MAX_INTERVAL, D(2025, 9, 1), D(2025, 10, 13), 4, 6, NULL, 0 },
		{ "school.answers", TRIAD_COMMITMENT_RESPONSE_TIME, D(2025, 9, 15), D(2025, 9, 18), 2, 3, "q1", 1 },
		{ "school.answers", TRIAD_COMMITMENT_RESPONSE_TIME, D(2025, 10, 30), D(2025, 11, 5), 2, 4, "q3", 0 },
		{ "parents.reply", TRIAD_COMMITMENT_RESPONSE_TIME, D(2025, 10, 20), D(2025, 11, 5), 3, 12, "sq2", 0 },
	};
	ck_assert_uint_eq(triad_compliance_count(c), sizeof w / sizeof *w);
	for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
		const char *clause, *entry;
		triad_commitment_kind kind;
		triad_date from, to;
		int32_t expected, actual;
		int answered;
		ck_assert_ok(triad_compliance_at(c, i, &clause, &kind, &from, &to, &expected, &actual,
		                                 &entry, &answered));
		ck_assert_msg(strcmp(clause, w[i].clause) == 0, "finding %zu: clause %s", i, clause);
		ck_assert_int_eq(kind, w[i].kind);
		ck_assert_msg(from == w[i].from && to == w[i].to, "finding %zu: dates %d..%d", i,
		              (int)from, (int)to);
		ck_assert_int_eq(expected, w[i].expected);
		ck_assert_msg(actual == w[i].actual, "finding %zu: actual %d, expected %d", i,
		              (int)actual, (int)w[i].actual);
		if (w[i].entry)
			ck_assert_str_eq(entry, w[i].entry);
		else
			ck_assert_ptr_null(entry);
		ck_assert_int_eq(answered, w[i].answered);
	}
	ck_assert_fails(triad_compliance_at(c, 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	                TRIAD_EINVAL, "out of range");

	char *text = NULL;
	ck_assert_ok(triad_compliance_text(&text, c, TRIAD_LANG_EN));
	const char *has[] = {
		"Commitments of agreement version 1 for student s1 as of 2025-11-05 (judged from "
		"2025-08-01 to 2025-11-05): 4 checked, 7 broken.\n",
		"  school.positive: from 2025-10-01 to 2025-10-31 0 of 1 positive note contacts (1 short)\n",
		/* Without a calendar: Monday-Sunday weeks and weekdays. */
		"  school.calls: no mentor call from 2025-09-01 to 2025-10-13: 6 weeks, at most 4 "
		"agreed (2 over)\n",
		"  school.answers: question q1 of 2025-09-15 answered on 2025-09-18 after 3 weekdays; "
		"2 agreed (1 late)\n",
		"  parents.reply: question sq2 of 2025-10-20 not answered after 12 weekdays; 3 agreed "
		"(9 over)\n",
	};
	for (size_t i = 0; i < sizeof has / sizeof *has; i++)
		ck_assert_msg(strstr(text, has[i]), "the text lacks \"%s\":\n%s", has[i], text);
	triad_free(text);
	ck_assert_ok(triad_compliance_text(&text, c, TRIAD_LANG_NL));
	ck_assert_ptr_nonnull(strstr(text, "  school.answers: vraag q3 van 2025-10-30 na 4 "
	                                   "werkdagen nog niet beantwoord; binnen 2 afgesproken "
	                                   "(2 te laat)\n"));
	triad_free(text);

	char *json = NULL;
	ck_assert_ok(triad_compliance_json(&json, c));
	json_error_t e;
	json_t *root = json_loads(json, 0, &e);
	ck_assert_ptr_nonnull(root);
	ck_assert_str_eq(json_string_value(json_object_get(root, "format")), "triad.compliance/1");
	json_t *f3 = json_array_get(json_object_get(root, "findings"), 3);
	ck_assert_str_eq(json_string_value(json_object_get(f3, "kind")), "max_interval");
	ck_assert_int_eq(json_integer_value(json_object_get(f3, "short_by")), 2);
	json_t *f0 = json_array_get(json_object_get(root, "findings"), 0);
	ck_assert_int_eq(json_integer_value(json_object_get(f0, "short_by")), 1);
	ck_assert_ptr_null(json_object_get(f0, "entry"));
	json_t *f5 = json_array_get(json_object_get(root, "findings"), 5);
	ck_assert_str_eq(json_string_value(json_object_get(f5, "entry")), "q3");
	ck_assert(json_is_false(json_object_get(f5, "answered")));
	json_decref(root);
	triad_free(json);
	triad_compliance_free(c);

	/* As of 2025-09-12 only August has ended: A (August) and B (5 weeks to
	 * m1) are broken; q1 comes later. */
	ck_assert_ok(triad_compliance_check(&c, v, log, NULL, D(2025, 9, 12)));
	ck_assert_uint_eq(triad_compliance_count(c), 2);
	triad_compliance_free(c);
	triad_compliance_free(NULL);
	triad_contactlog_free(log);
	triad_agreement_free(agr);
}
END_TEST

START_TEST(calendar_and_errors)
{
	/* Report periods need the calendar that defines them. */
	const char *rp = AGREEMENT(CLAUSE("school.triangle", "school", "school", "guardian",
	                                  "{\"kind\": \"min_count\", \"contact_kind\": "
	                                  "\"triangle\", \"count\": 1, \"period\": \"report_period\"}"));
	triad_agreement *agr = NULL;
	ck_assert_ok(triad_agreement_load(&agr, rp, strlen(rp), NULL));
	const triad_agreement_version *v = triad_agreement_latest(agr);
	triad_contactlog *log = agreement_log();
	triad_compliance *c = NULL;
	ck_assert_fails(triad_compliance_check(&c, v, log, NULL, D(2025, 12, 1)), TRIAD_EINVAL,
	                "clause school.triangle counts contacts per report period");
	/* With the calendar: period p1 (2025-08-25 .. 2025-11-21) has ended by
	 * 2025-12-01 without a triangle conversation; p2 has not ended. */
	triad_calendar *cal = NULL;
	ck_assert_ok(triad_calendar_load_file(&cal, test_data_path("calendar/school-2025.json")));
	ck_assert_ok(triad_compliance_check(&c, v, log, cal, D(2025, 12, 1)));
	ck_assert_uint_eq(triad_compliance_count(c), 1);
	triad_date from, to;
	int32_t expected, actual;
	ck_assert_ok(triad_compliance_at(c, 0, NULL, NULL, &from, &to, &expected, &actual, NULL,
	                                 NULL));
	ck_assert_int_eq(from, D(2025, 8, 25));
	ck_assert_int_eq(to, D(2025, 11, 21));
	ck_assert_int_eq(expected, 1);
	ck_assert_int_eq(actual, 0);
	triad_compliance_free(c);
	ck_assert_fails(triad_compliance_check(&c, NULL, log, cal, D(2025, 12, 1)), TRIAD_EINVAL,
	                NULL);
	/* A calendar of another school year cannot judge the agreement. */
	triad_calendar *other = NULL;
	ck_assert_ok(triad_calendar_new(&other, 2027, TRIAD_REGION_NONE));
	ck_assert_fails(triad_compliance_check(&c, v, log, other, D(2025, 12, 1)), TRIAD_EINVAL,
	                "the calendar covers 2027-08-01 to 2028-07-31, which misses the "
	                "agreement's period 2025-08-01 to 2026-07-31");
	triad_calendar_free(other);
	triad_calendar_free(cal);
	triad_agreement_free(agr);

	/* A version without a student party cannot be tied to the log. */
	const char *nostudent =
		"{\"format\": \"triad.agreement/1\", \"id\": \"agr-x\", \"versions\": [{"
		"\"number\": 1, \"state\": \"draft\", \"parties\": [{\"role\": \"school\", "
		"\"id\": \"t1\"}], \"clauses\": [], \"signatures\": []}]}";
	ck_assert_ok(triad_agreement_load(&agr, nostudent, strlen(nostudent), NULL));
	ck_assert_fails(triad_compliance_check(&c, triad_agreement_latest(agr), log, NULL,
	                                       D(2025, 12, 1)),
	                TRIAD_EINVAL, "no student party");
	triad_agreement_free(agr);
	triad_contactlog_free(log);
}
END_TEST

typedef struct sweep {
	const triad_agreement_version *v;
	triad_contactlog *log;
	triad_compliance *c;
	char *text;
} sweep;

static int run_check(void *p)
{
	sweep *s = p;
	return triad_compliance_check(&s->c, s->v, s->log, NULL, D(2025, 11, 5));
}

static void after_check(void *p, int rc)
{
	sweep *s = p;
	if (rc == 0)
		ck_assert_uint_eq(triad_compliance_count(s->c), 7);
	triad_compliance_free(s->c);
	s->c = NULL;
}

static int run_text(void *p)
{
	sweep *s = p;
	return triad_compliance_text(&s->text, s->c, TRIAD_LANG_EN);
}

static int run_json(void *p)
{
	sweep *s = p;
	return triad_compliance_json(&s->text, s->c);
}

static void after_text(void *p, int rc)
{
	sweep *s = p;
	if (rc == 0)
		ck_assert_ptr_nonnull(strstr(s->text, "sq2"));
	triad_free(s->text);
	s->text = NULL;
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	triad_agreement *agr = NULL;
	ck_assert_ok(triad_agreement_load(&agr, AGR, strlen(AGR), NULL));
	sweep s = { triad_agreement_latest(agr), agreement_log(), NULL, NULL };
	ck_assert_int_gt(failalloc_sweep(run_check, after_check, &s), 3);
	ck_assert_ok(run_check(&s));
	ck_assert_int_gt(failalloc_sweep(run_text, after_text, &s), 1);
	/* jansson's json_dumps drops bytes when it cannot grow its buffer (see
	 * test_contactlog.c): the JSON is swept with jansson on malloc. */
	json_set_alloc_funcs(malloc, free);
	ck_assert_int_gt(failalloc_sweep(run_json, after_text, &s), 1);
	failalloc_install();
	triad_compliance_free(s.c);
	triad_contactlog_free(s.log);
	triad_agreement_free(agr);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("compliance");
	TCase *tc = tcase_create("compliance");
	tcase_add_test(tc, findings_by_hand);
	tcase_add_test(tc, calendar_and_errors);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
