/* The age policy on tests/data/school/good.json.
 *
 * Emma (s1), born 2010-03-15, has separated parents with authority: her
 * mother m1 (household h1, contact priority 1) and her father f1 (h2,
 * priority 2); her step-father sp1 lives in h1 without authority, so he is
 * informed on request. Once adult she chose: m1 informed and co-signs, f1
 * informed only. Worked out by hand:
 *   15 on 2025-03-15 .. 2026-03-14, 16 on 2026-03-15 (birthday),
 *   17 on 2027-03-15 .. 2028-03-14, 18 on 2028-03-15 (birthday).
 * Noah (s2), born 2009-11-02: mother m2 with authority; father f2 without
 * authority and restricted by a court order (which he stays, also when Noah,
 * adult, would have him informed).
 * Lotte (s3), born 2012-02-29: 16 on 2028-02-29, 18 on 2030-03-01.
 */
#include "support/failalloc.h"
#include "support/testutil.h"

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

static triad_roster *load_good(void)
{
	triad_roster *r = NULL;
	ck_assert_ok(triad_roster_load_file(&r, test_data_path("school/good.json"), NULL));
	return r;
}

static void expect_ids(triad_strlist *list, const char *const *ids)
{
	size_t n = 0;
	while (ids[n])
		n++;
	ck_assert_uint_eq(triad_strlist_count(list), n);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(triad_strlist_at(list, i), ids[i]);
	triad_strlist_free(list);
}
#define IDS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NO_IDS ((const char *const[]){ NULL })

static void consenters(const triad_roster *r, const triad_policy_options *o, const char *s,
                       triad_date on, const char *const *ids)
{
	triad_strlist *l = NULL;
	ck_assert_ok(triad_policy_consenters(&l, r, o, s, on));
	expect_ids(l, ids);
}

static void signers(const triad_roster *r, const triad_policy_options *o, const char *s,
                    triad_date on, const char *const *ids)
{
	triad_strlist *l = NULL;
	ck_assert_ok(triad_policy_signers(&l, r, o, s, on));
	expect_ids(l, ids);
}

static void informed(const triad_roster *r, const char *s, triad_date on,
                     const char *const *full, const char *const *on_request)
{
	triad_strlist *f = NULL, *q = NULL;
	ck_assert_ok(triad_policy_informed(&f, &q, r, NULL, s, on));
	expect_ids(f, full);
	expect_ids(q, on_request);
}

static int in_force(const triad_roster *r, const char *s, const char *purpose, triad_date on)
{
	int v = -1;
	ck_assert_ok(triad_policy_consent_in_force(&v, r, NULL, s, purpose, on));
	ck_assert(v == 0 || v == 1);
	return v;
}

START_TEST(consent_moves_at_16)
{
	triad_roster *r = load_good();
	consenters(r, NULL, "s1", D(2025, 3, 15), IDS("m1", "f1"));   /* 15 */
	consenters(r, NULL, "s1", D(2026, 3, 14), IDS("m1", "f1"));   /* 15, the day before */
	consenters(r, NULL, "s1", D(2026, 3, 15), IDS("s1"));         /* 16 on the birthday */
	consenters(r, NULL, "s1", D(2027, 6, 1), IDS("s1"));          /* 17 */
	consenters(r, NULL, "s1", D(2028, 3, 15), IDS("s1"));         /* 18 */
	/* The restricted father without authority never consents. */
	consenters(r, NULL, "s2", D(2024, 1, 10), IDS("m2"));
	consenters(r, NULL, "s2", D(2025, 11, 2), IDS("s2"));
	/* Born on 29 February: 16 on 29 February of a leap year. */
	consenters(r, NULL, "s3", D(2028, 2, 28), IDS("m1", "f1"));
	consenters(r, NULL, "s3", D(2028, 2, 29), IDS("s3"));
	triad_roster_free(r);
}
END_TEST

START_TEST(signing_moves_at_18)
{
	triad_roster *r = load_good();
	signers(r, NULL, "s1", D(2025, 3, 15), IDS("s1", "m1", "f1")); /* 15 */
	signers(r, NULL, "s1", D(2026, 3, 15), IDS("s1", "m1", "f1")); /* 16 */
	signers(r, NULL, "s1", D(2027, 3, 15), IDS("s1", "m1", "f1")); /* 17 */
	signers(r, NULL, "s1", D(2028, 3, 14), IDS("s1", "m1", "f1")); /* 17, the day before */
	signers(r, NULL, "s1", D(2028, 3, 15), IDS("s1", "m1"));       /* 18: her choice */
	signers(r, NULL, "s2", D(2024, 1, 10), IDS("s2", "m2"));
	signers(r, NULL, "s2", D(2027, 11, 2), IDS("s2"));             /* adult, chose nobody */
	int adult = -1;
	ck_assert_ok(triad_policy_is_adult(&adult, r, NULL, "s3", D(2030, 2, 28)));
	ck_assert_int_eq(adult, 0);
	ck_assert_ok(triad_policy_is_adult(&adult, r, NULL, "s3", D(2030, 3, 1)));
	ck_assert_int_eq(adult, 1);
	/* Her choice can change; it counts from 18 only. */
	ck_assert_ok(triad_roster_set_adult_choice(r, "s1", "f1", 1, 1));
	signers(r, NULL, "s1", D(2028, 3, 15), IDS("s1", "m1", "f1"));
	ck_assert_ok(triad_roster_set_adult_choice(r, "s1", "m1", 0, 0));
	signers(r, NULL, "s1", D(2028, 3, 14), IDS("s1", "m1", "f1"));
	signers(r, NULL, "s1", D(2028, 3, 15), IDS("s1", "f1"));
	triad_roster_free(r);
}
END_TEST

START_TEST(who_is_informed)
{
	triad_roster *r = load_good();
	/* Under 18: both parents with authority; the step-father on request. */
	informed(r, "s1", D(2025, 3, 15), IDS("m1", "f1"), IDS("sp1"));
	informed(r, "s1", D(2026, 3, 15), IDS("m1", "f1"), IDS("sp1"));
	informed(r, "s1", D(2028, 3, 14), IDS("m1", "f1"), IDS("sp1"));
	/* 18: only those she chose. */
	informed(r, "s1", D(2028, 3, 15), IDS("m1", "f1"), NO_IDS);
	ck_assert_ok(triad_roster_set_adult_choice(r, "s1", "f1", 0, 0));
	informed(r, "s1", D(2028, 3, 15), IDS("m1"), NO_IDS);
	/* The restricted father: nobody against a restriction, at any age. */
	informed(r, "s2", D(2024, 1, 10), IDS("m2"), NO_IDS);
	informed(r, "s2", D(2027, 11, 2), NO_IDS, NO_IDS);
	triad_roster_free(r);
}
END_TEST

START_TEST(consent_in_force)
{
	triad_roster *r = load_good();
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2023, 8, 31)), 0); /* no record yet */
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2023, 9, 1)), 1);  /* m1 gave it */
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2024, 4, 30)), 1); /* m1 and f1 */
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2024, 5, 1)), 0);  /* f1 withdrew */
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2024, 9, 1)), 0);
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2024, 9, 2)), 1);  /* f1 gave it again */
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2026, 3, 14)), 1); /* still 15 */
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2026, 3, 15)), 0); /* 16: hers to give */
	ck_assert_int_eq(in_force(r, "s1", "photos", D(2026, 4, 1)), 1);  /* she gave it */
	ck_assert_int_eq(in_force(r, "s1", "data_processing", D(2026, 4, 1)), 0);
	ck_assert_int_eq(in_force(r, "s2", "data_processing", D(2023, 1, 1)), 1);
	ck_assert_int_eq(in_force(r, "s2", "data_processing", D(2025, 11, 2)), 0);
	/* The father without authority is not entitled: his record does not count. */
	ck_assert_int_eq(in_force(r, "s2", "photos", D(2023, 1, 1)), 0);
	/* Two records on one day: the one added later counts. */
	ck_assert_ok(triad_roster_add_consent(r, "s3", "photos", "m1", 1, D(2025, 1, 6)));
	ck_assert_ok(triad_roster_add_consent(r, "s3", "photos", "m1", 0, D(2025, 1, 6)));
	ck_assert_int_eq(in_force(r, "s3", "photos", D(2025, 1, 6)), 0);
	ck_assert_ok(triad_roster_add_consent(r, "s3", "photos", "m1", 1, D(2025, 1, 6)));
	ck_assert_int_eq(in_force(r, "s3", "photos", D(2025, 1, 6)), 1);
	/* A withdrawal by a student under 16 is not hers to make yet. */
	ck_assert_ok(triad_roster_add_consent(r, "s3", "photos", "s3", 0, D(2025, 2, 1)));
	ck_assert_int_eq(in_force(r, "s3", "photos", D(2025, 2, 1)), 1);
	int v = -1;
	ck_assert_fails(triad_policy_consent_in_force(&v, r, NULL, "s1", "Photos", D(2026, 4, 1)),
	                TRIAD_EINVAL, "purpose");
	ck_assert_fails(triad_policy_consent_in_force(&v, r, NULL, "s1", NULL, D(2026, 4, 1)),
	                TRIAD_EINVAL, "purpose");
	ck_assert_fails(triad_policy_consent_in_force(NULL, r, NULL, "s1", "photos", D(2026, 4, 1)),
	                TRIAD_EINVAL, NULL);
	ck_assert_int_eq(v, -1);
	triad_roster_free(r);
}
END_TEST

START_TEST(other_ages)
{
	triad_roster *r = load_good();
	triad_policy_options o;
	ck_assert_ok(triad_policy_options_init(&o, TRIAD_POLICY_OPTIONS_VERSION));
	ck_assert_int_eq(o.consent_age, 16);
	ck_assert_int_eq(o.majority_age, 18);
	triad_policy_options init = TRIAD_POLICY_OPTIONS_INIT;
	ck_assert_int_eq(init.version, 1);
	ck_assert_int_eq(init.consent_age, 16);
	o.consent_age = 15;
	o.majority_age = 21;
	consenters(r, &o, "s1", D(2025, 3, 14), IDS("m1", "f1")); /* 14 */
	consenters(r, &o, "s1", D(2025, 3, 15), IDS("s1"));       /* 15 */
	signers(r, &o, "s1", D(2028, 3, 15), IDS("s1", "m1", "f1")); /* 18, not adult at 21 */
	signers(r, &o, "s1", D(2031, 3, 15), IDS("s1", "m1"));       /* 21 */
	int adult = -1;
	ck_assert_ok(triad_policy_is_adult(&adult, r, &o, "s1", D(2030, 6, 1)));
	ck_assert_int_eq(adult, 0);

	triad_strlist *l = NULL, *l2 = NULL;
	o.consent_age = 19;
	o.majority_age = 18;
	ck_assert_fails(triad_policy_consenters(&l, r, &o, "s1", D(2026, 1, 1)), TRIAD_EINVAL,
	                "consent_age 19");
	o.consent_age = 16;
	o.majority_age = 31;
	ck_assert_fails(triad_policy_signers(&l, r, &o, "s1", D(2026, 1, 1)), TRIAD_EINVAL,
	                "majority_age 31");
	o.majority_age = 18;
	o.version = 2;
	ck_assert_fails(triad_policy_informed(&l, &l2, r, &o, "s1", D(2026, 1, 1)), TRIAD_EINVAL,
	                "version 2");
	ck_assert_fails(triad_policy_options_init(&o, 2), TRIAD_EINVAL, "version 2");
	ck_assert_fails(triad_policy_options_init(NULL, 1), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(l);
	ck_assert_ptr_null(l2);
	triad_roster_free(r);
}
END_TEST

START_TEST(bad_queries)
{
	triad_roster *r = load_good();
	triad_strlist *l = NULL, *l2 = NULL;
	int v = -1;
	ck_assert_fails(triad_policy_consenters(&l, r, NULL, "s9", D(2026, 1, 1)), TRIAD_ENOTFOUND,
	                "\"s9\"");
	ck_assert_fails(triad_policy_signers(&l, r, NULL, "m1", D(2026, 1, 1)), TRIAD_ENOTFOUND,
	                "\"m1\"");
	ck_assert_fails(triad_policy_consenters(&l, r, NULL, "s1", D(2010, 3, 14)), TRIAD_EINVAL,
	                "2010-03-15");
	ck_assert_fails(triad_policy_informed(&l, NULL, r, NULL, "s1", D(2026, 1, 1)),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_policy_informed(&l, &l2, NULL, NULL, "s1", D(2026, 1, 1)),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_policy_signers(NULL, r, NULL, "s1", D(2026, 1, 1)), TRIAD_EINVAL,
	                NULL);
	ck_assert_fails(triad_policy_is_adult(&v, r, NULL, NULL, D(2026, 1, 1)), TRIAD_EINVAL,
	                NULL);
	ck_assert_fails(triad_policy_is_adult(&v, r, NULL, "s1", 3000000), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(l);
	ck_assert_ptr_null(l2);
	ck_assert_int_eq(v, -1);
	triad_roster_free(r);
}
END_TEST

/* ---- allocation failures ---------------------------------------------------- */

typedef struct sweep_ctx {
	triad_roster *r;
	int which;
	triad_strlist *a, *b;
	int v;
} sweep_ctx;

static int run_query(void *p)
{
	sweep_ctx *c = p;
	c->a = c->b = NULL;
	c->v = -1;
	switch (c->which) {
	case 0: return triad_policy_consenters(&c->a, c->r, NULL, "s1", D(2025, 6, 1));
	case 1: return triad_policy_signers(&c->a, c->r, NULL, "s1", D(2028, 6, 1));
	case 2: return triad_policy_informed(&c->a, &c->b, c->r, NULL, "s1", D(2025, 6, 1));
	default: return triad_policy_consent_in_force(&c->v, c->r, NULL, "s1", "photos",
	                                             D(2025, 6, 1));
	}
}

static void after_query(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc != 0) {
		ck_assert_ptr_null(c->a);
		ck_assert_ptr_null(c->b);
		ck_assert_int_eq(c->v, -1);
		return;
	}
	switch (c->which) {
	case 0: expect_ids(c->a, IDS("m1", "f1")); break;
	case 1: expect_ids(c->a, IDS("s1", "m1")); break;
	case 2:
		expect_ids(c->a, IDS("m1", "f1"));
		expect_ids(c->b, IDS("sp1"));
		break;
	default: ck_assert_int_eq(c->v, 1);
	}
}

START_TEST(queries_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep_ctx c = { NULL, _i, NULL, NULL, -1 };
	ck_assert_ok(triad_roster_load_file(&c.r, test_data_path("school/good.json"), NULL));
	long runs = failalloc_sweep(run_query, after_query, &c);
	ck_assert_int_ge(runs, 3); /* the sorted relations, the list, its items */
	triad_roster_free(c.r);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("policy");
	TCase *tc = tcase_create("policy");
	tcase_add_test(tc, consent_moves_at_16);
	tcase_add_test(tc, signing_moves_at_18);
	tcase_add_test(tc, who_is_informed);
	tcase_add_test(tc, consent_in_force);
	tcase_add_test(tc, other_ages);
	tcase_add_test(tc, bad_queries);
	tcase_add_loop_test(tc, queries_survive_allocation_failures, 0, 4);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
