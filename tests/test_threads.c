/*
 * Concurrent use: many threads each build, change, query and free their own
 * objects while all of them read shared immutable data (the category and
 * contact-kind tables, one shared school-type set). Run in the plain build
 * and, in build-tsan/, under ThreadSanitizer (scripts/test).
 */
#include <pthread.h>

#include "support/testutil.h"

enum { THREADS = 8, ROUNDS = 200 };

static const triad_schooltypes *shared_types;

typedef struct worker {
	int index;
	int failures;
} worker;

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
	}
	return NULL;
}

START_TEST(threads_use_their_own_objects_and_share_immutable_ones)
{
	triad_schooltypes *types;
	ck_assert_ok(triad_schooltypes_new(&types));
	shared_types = types;
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
