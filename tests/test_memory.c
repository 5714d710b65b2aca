#include <stdlib.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static int mallocs, reallocs, frees;
static void *m(size_t n) { mallocs++; return malloc(n); }
static void *r(void *p, size_t n) { reallocs++; return realloc(p, n); }
static void f(void *p) { if (p) frees++; free(p); }

START_TEST(hook_rejects_null_functions)
{
	ck_assert_fails(triad_allocator_set(NULL, r, f), TRIAD_EINVAL, "malloc");
	ck_assert_fails(triad_allocator_set(m, NULL, f), TRIAD_EINVAL, "realloc");
	ck_assert_fails(triad_allocator_set(m, r, NULL), TRIAD_EINVAL, "free");
	/* The hook is unchanged: allocations still go to the C library. */
	triad_schooltypes *st = NULL;
	ck_assert_ok(triad_schooltypes_new(&st));
	triad_schooltypes_free(st);
	ck_assert_int_eq(mallocs, 0);
}
END_TEST

START_TEST(hook_receives_library_allocations)
{
	ck_assert_ok(triad_allocator_set(m, r, f));
	triad_schooltypes *st = NULL;
	ck_assert_ok(triad_schooltypes_new(&st));
	ck_assert_int_gt(mallocs + reallocs, 0);
	triad_schooltypes_free(st);
	/* Every block from malloc was released through the hook (realloc of NULL
	 * may stand in for malloc, so compare with both). */
	ck_assert_int_ge(frees, mallocs);
	ck_assert_int_le(frees, mallocs + reallocs);
	triad_allocator_reset();
	int before = mallocs;
	ck_assert_ok(triad_schooltypes_new(&st));
	triad_schooltypes_free(st);
	ck_assert_int_eq(mallocs, before);
}
END_TEST

START_TEST(free_null_is_noop)
{
	triad_category c;
	triad_category_from_id(&c, "nope");
	triad_free(NULL);
	triad_schooltypes_free(NULL);
	/* Neither call touched the last error. */
	ck_assert_int_eq(triad_error_last()->code, TRIAD_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(triad_error_last()->message, "nope"));
}
END_TEST

static int run_new(void *ctx)
{
	return triad_schooltypes_new((triad_schooltypes **)ctx);
}

static void after_new(void *ctx, int rc)
{
	triad_schooltypes **out = ctx;
	if (rc == 0) {
		ck_assert_uint_eq(triad_schooltypes_count(*out), 7);
		triad_schooltypes_free(*out);
	}
	*out = NULL;
}

START_TEST(sweep_counts_every_allocation)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	triad_schooltypes *st = NULL;
	long runs = failalloc_sweep(run_new, after_new, &st);
	/* The set, its array and three strings per built-in type: the sweep must
	 * have tried at least that many failure points. */
	ck_assert_int_ge(runs, 1 + 1 + 7 * 3);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("memory");
	TCase *tc = tcase_create("memory");
	tcase_add_test(tc, hook_rejects_null_functions);
	tcase_add_test(tc, hook_receives_library_allocations);
	tcase_add_test(tc, free_null_is_noop);
	tcase_add_test(tc, sweep_counts_every_allocation);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
