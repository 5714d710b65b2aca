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
		if (round % ROSTER_EVERY == 0)
			w->failures += own_roster(w->index, round);
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
