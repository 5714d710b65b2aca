#include <math.h>

#include "support/failalloc.h"
#include "support/testutil.h"

START_TEST(builtin_types_and_years)
{
	static const struct { const char *id; int years; } expect[] = {
		{ "vmbo-b", 4 }, { "vmbo-k", 4 }, { "vmbo-gl", 4 }, { "vmbo-tl", 4 },
		{ "havo", 5 }, { "vwo", 6 }, { "praktijkonderwijs", 5 },
	};
	triad_schooltypes *st;
	ck_assert_ok(triad_schooltypes_new(&st));
	ck_assert_uint_eq(triad_schooltypes_count(st), 7);
	for (size_t i = 0; i < 7; i++) {
		ck_assert_str_eq(triad_schooltypes_id_at(st, i), expect[i].id);
		int years = 0;
		ck_assert_ok(triad_schooltypes_years(st, expect[i].id, &years));
		ck_assert_int_eq(years, expect[i].years);
	}
	ck_assert_ptr_null(triad_schooltypes_id_at(st, 7));
	ck_assert_str_eq(triad_schooltypes_name(st, "vwo", TRIAD_LANG_EN), "vwo (pre-university)");
	ck_assert_str_eq(triad_schooltypes_name(st, "vmbo-b", TRIAD_LANG_NL),
	                 "vmbo basisberoepsgerichte leerweg");
	int years = -1;
	ck_assert_fails(triad_schooltypes_years(st, "gymnasium", &years), TRIAD_ENOTFOUND,
	                "\"gymnasium\"");
	ck_assert_int_eq(years, -1);
	ck_assert_ptr_null(triad_schooltypes_name(st, "havo", (triad_lang)0));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_fails(triad_schooltypes_new(NULL), TRIAD_EINVAL, NULL);
	triad_schooltypes_free(st);
}
END_TEST

START_TEST(default_curve_is_a_ramp_to_full_ownership)
{
	triad_schooltypes *st;
	ck_assert_ok(triad_schooltypes_new(&st));
	double s;
	/* vmbo: 0.25, 0.5, 0.75, 1 */
	const double vmbo[] = { 0.25, 0.5, 0.75, 1.0 };
	for (int y = 1; y <= 4; y++) {
		ck_assert_ok(triad_schooltypes_ownership(st, "vmbo-tl", y, &s));
		ck_assert_double_eq_tol(s, vmbo[y - 1], 1e-12);
	}
	/* vwo: 0.25 + 0.15 per year */
	const double vwo[] = { 0.25, 0.40, 0.55, 0.70, 0.85, 1.0 };
	for (int y = 1; y <= 6; y++) {
		ck_assert_ok(triad_schooltypes_ownership(st, "vwo", y, &s));
		ck_assert_double_eq_tol(s, vwo[y - 1], 1e-12);
	}
	ck_assert_ok(triad_schooltypes_ownership(st, "havo", 5, &s));
	ck_assert_double_eq_tol(s, 1.0, 1e-12);
	ck_assert_ok(triad_schooltypes_ownership(st, "havo", 3, &s));
	ck_assert_double_eq_tol(s, 0.625, 1e-12);
	/* Out-of-range years are errors, not clamps. */
	s = -1;
	ck_assert_fails(triad_schooltypes_ownership(st, "havo", 6, &s), TRIAD_ERANGE,
	                "year 6 does not exist");
	ck_assert_fails(triad_schooltypes_ownership(st, "havo", 0, &s), TRIAD_ERANGE, NULL);
	ck_assert_double_eq(s, -1);
	ck_assert_fails(triad_schooltypes_ownership(st, "mavo", 1, &s), TRIAD_ENOTFOUND, "mavo");
	ck_assert_fails(triad_schooltypes_ownership(st, "havo", 1, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_schooltypes_ownership(NULL, "havo", 1, &s), TRIAD_EINVAL, NULL);
	triad_schooltypes_free(st);
}
END_TEST

START_TEST(own_types_and_own_curves)
{
	triad_schooltypes *st;
	ck_assert_ok(triad_schooltypes_new(&st));
	ck_assert_ok(triad_schooltypes_add(st, "isk", "internationale schakelklas",
	                                   "international bridging class", 2));
	ck_assert_uint_eq(triad_schooltypes_count(st), 8);
	ck_assert_str_eq(triad_schooltypes_id_at(st, 7), "isk");
	double s;
	ck_assert_ok(triad_schooltypes_ownership(st, "isk", 1, &s));
	ck_assert_double_eq_tol(s, 0.25, 1e-12);
	ck_assert_ok(triad_schooltypes_add(st, "year-one", "eenjarig", "one year", 1));
	ck_assert_ok(triad_schooltypes_ownership(st, "year-one", 1, &s));
	ck_assert_double_eq_tol(s, 1.0, 1e-12);

	ck_assert_fails(triad_schooltypes_add(st, "havo", "x", "x", 5), TRIAD_EEXISTS, "havo");
	ck_assert_fails(triad_schooltypes_add(st, "Havo", "x", "x", 5), TRIAD_EINVAL, "lower-case");
	ck_assert_fails(triad_schooltypes_add(st, "x", "", "x", 5), TRIAD_EINVAL, "Dutch name");
	ck_assert_fails(triad_schooltypes_add(st, "x", "x", "\xff", 5), TRIAD_EINVAL, "UTF-8");
	ck_assert_fails(triad_schooltypes_add(st, "x", "x", "x", 0), TRIAD_EINVAL, "0 years");
	ck_assert_fails(triad_schooltypes_add(st, "x", "x", "x", 13), TRIAD_EINVAL, NULL);
	ck_assert_uint_eq(triad_schooltypes_count(st), 9);

	const double mine[] = { 0.1, 0.1, 0.5, 0.9, 1.0 };
	ck_assert_ok(triad_schooltypes_set_ownership(st, "havo", mine, 5));
	ck_assert_ok(triad_schooltypes_ownership(st, "havo", 2, &s));
	ck_assert_double_eq_tol(s, 0.1, 1e-12);
	const double falling[] = { 0.2, 0.5, 0.4, 0.9, 1.0 };
	ck_assert_fails(triad_schooltypes_set_ownership(st, "havo", falling, 5), TRIAD_EINVAL,
	                "year 3");
	const double over[] = { 0.2, 0.5, 0.6, 0.9, 1.5 };
	ck_assert_fails(triad_schooltypes_set_ownership(st, "havo", over, 5), TRIAD_EINVAL,
	                "year 5");
	ck_assert_fails(triad_schooltypes_set_ownership(st, "havo", mine, 4), TRIAD_EINVAL,
	                "5 years, but 4 shares");
	const double nan_share[] = { NAN, 0.5, 0.6, 0.9, 1.0 };
	ck_assert_fails(triad_schooltypes_set_ownership(st, "havo", nan_share, 5),
	                TRIAD_EINVAL, "year 1");
	/* Failed changes left the curve as it was. */
	ck_assert_ok(triad_schooltypes_ownership(st, "havo", 3, &s));
	ck_assert_double_eq_tol(s, 0.5, 1e-12);
	triad_schooltypes_free(st);
}
END_TEST

typedef struct add_ctx {
	triad_schooltypes *st;
} add_ctx;

static int run_add(void *p)
{
	add_ctx *c = p;
	return triad_schooltypes_add(c->st, "vavo", "voortgezet algemeen volwassenenonderwijs",
	                             "adult general secondary education", 2);
}

static void after_add(void *p, int rc)
{
	add_ctx *c = p;
	int years;
	if (rc == 0) {
		ck_assert_uint_eq(triad_schooltypes_count(c->st), 8);
		ck_assert_ok(triad_schooltypes_years(c->st, "vavo", &years));
		ck_assert_int_eq(years, 2);
		triad_schooltypes_free(c->st);
		ck_assert_ok(triad_schooltypes_new(&c->st));
	} else {
		ck_assert_uint_eq(triad_schooltypes_count(c->st), 7);
		ck_assert_fails(triad_schooltypes_years(c->st, "vavo", &years), TRIAD_ENOTFOUND, NULL);
	}
}

START_TEST(add_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	add_ctx c;
	ck_assert_ok(triad_schooltypes_new(&c.st));
	long runs = failalloc_sweep(run_add, after_add, &c);
	ck_assert_int_ge(runs, 4); /* the array may already have room: three strings */
	triad_schooltypes_free(c.st);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("schooltypes");
	TCase *tc = tcase_create("schooltypes");
	tcase_add_test(tc, builtin_types_and_years);
	tcase_add_test(tc, default_curve_is_a_ramp_to_full_ownership);
	tcase_add_test(tc, own_types_and_own_curves);
	tcase_add_test(tc, add_survives_allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
