/* String lists (built through the private constructor, read through the API). */
#include "support/failalloc.h"
#include "support/testutil.h"
#include "triad_private.h"

START_TEST(build_and_read)
{
	triad_strlist *l = triad__strlist_new();
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(triad_strlist_count(l), 0);
	for (int i = 0; i < 20; i++) {
		char buf[16];
		snprintf(buf, sizeof buf, "g%02d", i);
		ck_assert_ok(triad__strlist_add(l, buf));
	}
	ck_assert_ok(triad__strlist_add_unique(l, "g07"));
	ck_assert_ok(triad__strlist_add_unique(l, "s1"));
	ck_assert_uint_eq(triad_strlist_count(l), 21);
	ck_assert_str_eq(triad_strlist_at(l, 0), "g00");
	ck_assert_str_eq(triad_strlist_at(l, 19), "g19");
	ck_assert_str_eq(triad_strlist_at(l, 20), "s1");
	ck_assert_ptr_null(triad_strlist_at(l, 21));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_int_eq(triad_strlist_contains(l, "g13"), 1);
	ck_assert_int_eq(triad_strlist_contains(l, "g20"), 0);
	ck_assert_int_eq(triad_strlist_contains(l, NULL), 0);
	ck_assert_uint_eq(triad_strlist_count(NULL), 0);
	ck_assert_ptr_null(triad_strlist_at(NULL, 0));
	triad_strlist_free(l);
	triad_strlist_free(NULL);
}
END_TEST

START_TEST(add_is_all_or_nothing)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	triad_strlist *l = triad__strlist_new();
	/* Fill the first block of 8, so that the next add must grow the array
	 * (allocation 1) and copy the string (allocation 2). */
	const char *eight[] = { "a", "b", "c", "d", "e", "f", "g", "h" };
	for (int i = 0; i < 8; i++)
		ck_assert_ok(triad__strlist_add(l, eight[i]));
	for (long n = 1; n <= 2; n++) {
		failalloc_arm(n);
		ck_assert_int_eq(triad__strlist_add(l, "i"), TRIAD_ENOMEM);
		ck_assert(failalloc_tripped());
		failalloc_arm(0);
		ck_assert_uint_eq(triad_strlist_count(l), 8);
		ck_assert_int_eq(triad_strlist_contains(l, "i"), 0);
	}
	ck_assert_ok(triad__strlist_add(l, "i"));
	ck_assert_str_eq(triad_strlist_at(l, 8), "i");
	triad_strlist_free(l);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("strlist");
	TCase *tc = tcase_create("strlist");
	tcase_add_test(tc, build_and_read);
	tcase_add_test(tc, add_is_all_or_nothing);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
