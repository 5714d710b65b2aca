/*
 * Allocation failures in the public functions that allocate and that the
 * module tests do not sweep already (the audit is in doc/reliability.md).
 * Every run fails one allocation more than the last, until the call
 * completes: each failure must return TRIAD_ENOMEM, leak nothing, hand out
 * nothing and leave the objects it was given as they were.
 */
#include <jansson.h>
#include <stdbool.h>
#include <unistd.h>

#include "support/failalloc.h"
#include "support/testutil.h"

typedef struct ctx {
	triad_roster *r;        /* good.json, the object under test */
	char *before;           /* r saved before the run */
	triad_roster *made;     /* what a constructor handed out */
	triad_strlist *list;    /* what a query handed out */
	triad_schooltypes *st;  /* for the school-type calls */
	char path[64];          /* a scratch file for save_file */
	int value;
	int which;
} ctx;

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

/* Assert that `list` holds exactly `n` ids, in this order, and free it. */
static void expect_list(triad_strlist *list, size_t n, const char *const *ids)
{
	ck_assert_ptr_nonnull(list);
	ck_assert_uint_eq(triad_strlist_count(list), n);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(triad_strlist_at(list, i), ids[i]);
	triad_strlist_free(list);
}
#define EXPECT(list, ...)                                                          \
	expect_list((list), sizeof((const char *const[]){ __VA_ARGS__ }) /            \
	                        sizeof(const char *),                                  \
	            (const char *const[]){ __VA_ARGS__ })

/* ---- the roster's id lists -------------------------------------------------- */

enum { NAV_CALLS = 7 };

static int run_nav(void *p)
{
	ctx *c = p;
	c->list = NULL;
	switch (c->which) {
	case 0: return triad_roster_student_guardians(&c->list, c->r, "s1");
	case 1: return triad_roster_student_households(&c->list, c->r, "s2");
	case 2: return triad_roster_guardian_students(&c->list, c->r, "m1");
	case 3: return triad_roster_household_guardians(&c->list, c->r, "h1");
	case 4: return triad_roster_household_students(&c->list, c->r, "h2");
	case 5: return triad_roster_mentor_students(&c->list, c->r, "t1");
	default: return triad_roster_class_students(&c->list, c->r, "1HV3");
	}
}

/* Expected lists, read off tests/data/school/good.json by hand. */
static void after_nav(void *p, int rc)
{
	ctx *c = p;
	if (rc) {
		ck_assert_ptr_null(c->list);
		return;
	}
	switch (c->which) {
	/* s1's guardians by contact priority: m1 (1), f1 (2), sp1 (none). */
	case 0: EXPECT(c->list, "m1", "f1", "sp1"); break;
	/* s2: mother m2 in h3, father f2 alone in h4. */
	case 1: EXPECT(c->list, "h3", "h4"); break;
	case 2: EXPECT(c->list, "s1", "s3"); break;
	/* h1: m1 and the step-parent sp1. */
	case 3: EXPECT(c->list, "m1", "sp1"); break;
	/* h2 is f1's household; f1 is father of s1 and s3. */
	case 4: EXPECT(c->list, "s1", "s3"); break;
	case 5: EXPECT(c->list, "s1", "s2"); break;
	default: EXPECT(c->list, "s3");
	}
}

static void load_fixture(ctx *c)
{
	ck_assert_ok(triad_roster_load_file(&c->r, test_data_path("school/good.json"), NULL));
	ck_assert_ok(triad_roster_save(&c->before, c->r));
}

static void free_fixture(ctx *c)
{
	/* The roster must be exactly as loaded: queries and failed calls
	 * change nothing. */
	char *now = NULL;
	ck_assert_ok(triad_roster_save(&now, c->r));
	ck_assert_str_eq(now, c->before);
	triad_free(now);
	triad_free(c->before);
	triad_roster_free(c->r);
}

START_TEST(navigation_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { .which = _i };
	load_fixture(&c);
	long runs = failalloc_sweep(run_nav, after_nav, &c);
	/* At least the list, its array and one copied id. */
	ck_assert_int_ge(runs, 4);
	free_fixture(&c);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- constructors and files ------------------------------------------------- */

static int run_new(void *p)
{
	ctx *c = p;
	c->made = NULL;
	return triad_roster_new(&c->made, c->st);
}

static void after_new(void *p, int rc)
{
	ctx *c = p;
	if (rc) {
		ck_assert_ptr_null(c->made);
		return;
	}
	ck_assert_uint_eq(triad_roster_student_count(c->made), 0);
	/* The new roster uses the school types it was given. */
	triad_student_info s = TRIAD_STUDENT_INFO_INIT;
	s.id = "x1"; s.given_name = "Ada"; s.family_name = "Smit"; s.birth_date = 14000;
	s.school_type = "vavo"; s.year = 2;
	failalloc_arm(0);
	ck_assert_ok(triad_roster_add_student(c->made, &s));
	triad_roster_free(c->made);
	c->made = NULL;
}

START_TEST(roster_new_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { 0 };
	ck_assert_ok(triad_schooltypes_new(&c.st));
	ck_assert_ok(triad_schooltypes_add(c.st, "vavo", "vavo", "adult education", 3));
	long runs = failalloc_sweep(run_new, after_new, &c);
	ck_assert_int_ge(runs, 2);
	triad_schooltypes_free(c.st);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static int run_save_file(void *p)
{
	ctx *c = p;
	return triad_roster_save_file(c->r, c->path);
}

static void after_save_file(void *p, int rc)
{
	ctx *c = p;
	if (rc) {
		/* The write is atomic: no file, and no temporary file, remains. */
		ck_assert_int_ne(access(c->path, F_OK), 0);
		return;
	}
	triad_roster *back = NULL;
	ck_assert_ok(triad_roster_load_file(&back, c->path, NULL));
	ck_assert_int_eq(triad_roster_equal(back, c->r), 1);
	triad_roster_free(back);
	ck_assert_int_eq(unlink(c->path), 0);
}

START_TEST(roster_save_file_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { 0 };
	load_fixture(&c);
	snprintf(c.path, sizeof c.path, "allocfail-%ld.json", (long)getpid());
	unlink(c.path);
	long runs = failalloc_sweep(run_save_file, after_save_file, &c);
	/* The JSON tree (dozens of nodes), the text, the temporary name. */
	ck_assert_int_gt(runs, 50);
	free_fixture(&c);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* Allocations jansson makes to parse good.json: jansson 2.14's lexer does
 * not survive every allocation failure (see test_roster.c), so the sweep of
 * the file loader starts after the parser. */
static long parse_count;
static void *count_malloc(size_t n)
{
	parse_count++;
	return malloc(n);
}

static long parse_allocations(const char *path)
{
	json_malloc_t old_malloc;
	json_free_t old_free;
	json_get_alloc_funcs(&old_malloc, &old_free);
	json_set_alloc_funcs(count_malloc, free);
	parse_count = 0;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, NULL);
	ck_assert_ptr_nonnull(root);
	json_decref(root);
	json_set_alloc_funcs(old_malloc, old_free);
	return parse_count;
}

START_TEST(roster_load_file_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	const char *path = test_data_path("school/good.json");
	long parsing = parse_allocations(path);
	ck_assert_int_gt(parsing, 50);
	long n;
	for (n = parsing + 1;; n++) {
		long live = failalloc_live();
		triad_roster *r = NULL;
		failalloc_arm(n);
		int rc = triad_roster_load_file(&r, path, NULL);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (!failed) {
			ck_assert_ok(rc);
			/* 3 students, 5 guardians, 7 relations, 7 consents. */
			ck_assert_uint_eq(triad_roster_relation_count(r), 7);
			ck_assert_uint_eq(triad_roster_consent_count(r), 7);
			triad_roster_free(r);
			break;
		}
		ck_assert_msg(rc == TRIAD_ENOMEM, "allocation %ld: returned %d (%s)", n, rc,
		              triad_error_last()->message);
		ck_assert_ptr_null(r);
		ck_assert_msg(failalloc_live() == live, "allocation %ld: %ld leaked", n,
		              failalloc_live() - live);
	}
	/* The roster's records, strings, arrays and indexes. */
	ck_assert_int_gt(n - parsing, 100);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- calls that do not allocate --------------------------------------------- */

/* One run each: these never reach the allocator, so they cannot fail for
 * want of memory (a regression that makes them allocate shows up here). */
static int run_plain(void *p)
{
	ctx *c = p;
	switch (c->which) {
	case 0:
		c->value = -1;
		/* s2 (born 2009-11-02) is adult from 2027-11-02. */
		return triad_policy_is_adult(&c->value, c->r, NULL, "s2", D(2027, 11, 2));
	case 1:
		/* Choices already stored for s1 and m1 (informed, cosigns). */
		return triad_roster_set_adult_choice(c->r, "s1", "m1", 1, 1);
	default: {
		double share = -1;
		int rc = triad_schooltypes_ownership(c->st, "havo", 5, &share);
		c->value = share == 1.0;
		return rc;
	}
	}
}

static void after_plain(void *p, int rc)
{
	ctx *c = p;
	ck_assert_int_eq(rc, 0);
	if (c->which != 1)
		ck_assert_int_eq(c->value, 1);
}

START_TEST(queries_do_not_allocate)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { .which = _i };
	load_fixture(&c);
	ck_assert_ok(triad_schooltypes_new(&c.st));
	ck_assert_int_eq(failalloc_sweep(run_plain, after_plain, &c), 1);
	triad_schooltypes_free(c.st);
	free_fixture(&c);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("allocfail");
	TCase *tc = tcase_create("sweeps");
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, navigation_survives_allocation_failures, 0, NAV_CALLS);
	tcase_add_test(tc, roster_new_survives_allocation_failures);
	tcase_add_test(tc, roster_save_file_survives_allocation_failures);
	tcase_add_test(tc, roster_load_file_survives_allocation_failures);
	tcase_add_loop_test(tc, queries_do_not_allocate, 0, 3);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
