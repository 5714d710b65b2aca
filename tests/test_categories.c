#include "support/testutil.h"

/* The tree as issue and header state it: id, parent id. */
static const char *const tree[][2] = {
	{ "participation", NULL },
	{ "participation.informal", "participation" },
	{ "participation.formal", "participation" },
	{ "participation.formal.parent_council", "participation.formal" },
	{ "participation.formal.participation_council", "participation.formal" },
	{ "responsibility", NULL },
	{ "involvement", NULL },
	{ "involvement.home", "involvement" },
	{ "involvement.school", "involvement" },
	{ "involvement.development_support", "involvement" },
	{ "partnership", NULL },
	{ "partnership.pedagogical", "partnership" },
	{ "partnership.didactic", "partnership" },
	{ "ownership", NULL },
};

START_TEST(ids_values_and_parents_are_stable)
{
	ck_assert_uint_eq(triad_category_count(), 14);
	for (size_t i = 0; i < 14; i++) {
		triad_category c = triad_category_at(i);
		ck_assert_int_eq(c, (int)i + 1); /* stored values never change */
		ck_assert_str_eq(triad_category_id(c), tree[i][0]);
		triad_category back;
		ck_assert_ok(triad_category_from_id(&back, tree[i][0]));
		ck_assert_int_eq(back, c);
		triad_category p = triad_category_parent(c);
		if (tree[i][1])
			ck_assert_str_eq(triad_category_id(p), tree[i][1]);
		else
			ck_assert_int_eq(p, TRIAD_CATEGORY_NONE);
	}
	ck_assert_int_eq(triad_category_at(14), TRIAD_CATEGORY_NONE);
	ck_assert_int_eq(TRIAD_CATEGORY_INVOLVEMENT_DEVELOPMENT_SUPPORT, 10);
	ck_assert_int_eq(TRIAD_CATEGORY_OWNERSHIP, 14);
}
END_TEST

START_TEST(names_and_descriptions_in_both_languages)
{
	ck_assert_str_eq(triad_category_name(TRIAD_CATEGORY_INVOLVEMENT_DEVELOPMENT_SUPPORT,
	                                     TRIAD_LANG_NL),
	                 "ontwikkelingsondersteuning");
	ck_assert_str_eq(triad_category_name(TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL,
	                                     TRIAD_LANG_EN),
	                 "pedagogical partnership");
	ck_assert_str_eq(triad_category_name(TRIAD_CATEGORY_PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL,
	                                     TRIAD_LANG_NL),
	                 "medezeggenschapsraad");
	ck_assert_str_eq(triad_category_name(TRIAD_CATEGORY_OWNERSHIP, TRIAD_LANG_NL),
	                 "eigenaarschap");
	for (size_t i = 0; i < triad_category_count(); i++) {
		triad_category c = triad_category_at(i);
		const char *nl = triad_category_description(c, TRIAD_LANG_NL);
		const char *en = triad_category_description(c, TRIAD_LANG_EN);
		ck_assert_ptr_nonnull(nl);
		ck_assert_ptr_nonnull(en);
		ck_assert_str_ne(nl, en);
		ck_assert_uint_gt(strlen(en), 80); /* a paragraph, not a label */
		ck_assert_str_ne(triad_category_name(c, TRIAD_LANG_EN), "");
	}
	ck_assert_ptr_nonnull(strstr(triad_category_description(TRIAD_CATEGORY_RESPONSIBILITY,
	                                                        TRIAD_LANG_EN),
	                             "decreases"));
}
END_TEST

START_TEST(invalid_values_are_errors)
{
	triad_category c = TRIAD_CATEGORY_OWNERSHIP;
	ck_assert_ptr_null(triad_category_id(0));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ptr_null(triad_category_id(15));
	ck_assert_ptr_null(triad_category_name(TRIAD_CATEGORY_OWNERSHIP, (triad_lang)3));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ptr_null(triad_category_description((triad_category)-4, TRIAD_LANG_NL));
	ck_assert_fails(triad_category_from_id(&c, "Involvement"), TRIAD_ENOTFOUND,
	                "\"Involvement\"");
	ck_assert_int_eq(c, TRIAD_CATEGORY_OWNERSHIP); /* untouched on failure */
	ck_assert_fails(triad_category_from_id(&c, ""), TRIAD_ENOTFOUND, NULL);
	ck_assert_fails(triad_category_from_id(NULL, "ownership"), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_category_from_id(&c, NULL), TRIAD_EINVAL, NULL);
	ck_assert_int_eq(triad_category_valid(0), 0);
	ck_assert_int_eq(triad_category_valid(14), 1);
	ck_assert_int_eq(triad_category_valid(15), 0);
	ck_assert_int_eq(triad_category_parent(99), TRIAD_CATEGORY_NONE);
}
END_TEST

START_TEST(children_in_tree_order)
{
	triad_category kids[8];
	ck_assert_int_eq(triad_category_children(TRIAD_CATEGORY_INVOLVEMENT, kids, 8), 3);
	ck_assert_int_eq(kids[0], TRIAD_CATEGORY_INVOLVEMENT_HOME);
	ck_assert_int_eq(kids[1], TRIAD_CATEGORY_INVOLVEMENT_SCHOOL);
	ck_assert_int_eq(kids[2], TRIAD_CATEGORY_INVOLVEMENT_DEVELOPMENT_SUPPORT);
	/* A short buffer still reports the full count. */
	ck_assert_int_eq(triad_category_children(TRIAD_CATEGORY_PARTICIPATION, kids, 1), 2);
	ck_assert_int_eq(kids[0], TRIAD_CATEGORY_PARTICIPATION_INFORMAL);
	ck_assert_int_eq(triad_category_children(TRIAD_CATEGORY_PARTICIPATION_FORMAL, NULL, 0), 2);
	ck_assert_int_eq(triad_category_children(TRIAD_CATEGORY_OWNERSHIP, kids, 8), 0);
	ck_assert_fails(triad_category_children(TRIAD_CATEGORY_NONE, kids, 8), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_category_children(TRIAD_CATEGORY_PARTNERSHIP, NULL, 2),
	                TRIAD_EINVAL, NULL);
	ck_assert_int_eq(triad_category_is_a(TRIAD_CATEGORY_PARTICIPATION_FORMAL_PARENT_COUNCIL,
	                                     TRIAD_CATEGORY_PARTICIPATION), 1);
	ck_assert_int_eq(triad_category_is_a(TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                     TRIAD_CATEGORY_INVOLVEMENT_HOME), 1);
	ck_assert_int_eq(triad_category_is_a(TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                     TRIAD_CATEGORY_PARTNERSHIP), 0);
	ck_assert_int_eq(triad_category_is_a(TRIAD_CATEGORY_INVOLVEMENT, 0), 0);
}
END_TEST

START_TEST(epstein_mapping_both_ways)
{
	triad_epstein t[6];
	ck_assert_int_eq(triad_category_epstein(TRIAD_CATEGORY_PARTICIPATION_INFORMAL, t, 6), 1);
	ck_assert_int_eq(t[0], TRIAD_EPSTEIN_VOLUNTEERING);
	ck_assert_int_eq(triad_category_epstein(TRIAD_CATEGORY_INVOLVEMENT_HOME, t, 6), 2);
	ck_assert_int_eq(t[0], TRIAD_EPSTEIN_PARENTING);
	ck_assert_int_eq(t[1], TRIAD_EPSTEIN_LEARNING_AT_HOME);
	ck_assert_fails(triad_category_epstein(0, t, 6), TRIAD_EINVAL, NULL);

	triad_category c[14];
	ck_assert_int_eq(triad_epstein_categories(TRIAD_EPSTEIN_DECISION_MAKING, c, 14), 4);
	ck_assert_int_eq(c[0], TRIAD_CATEGORY_PARTICIPATION);
	ck_assert_int_eq(c[1], TRIAD_CATEGORY_PARTICIPATION_FORMAL);
	ck_assert_int_eq(c[2], TRIAD_CATEGORY_PARTICIPATION_FORMAL_PARENT_COUNCIL);
	ck_assert_int_eq(c[3], TRIAD_CATEGORY_PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL);
	ck_assert_int_eq(triad_epstein_categories(TRIAD_EPSTEIN_COLLABORATING_WITH_COMMUNITY, c, 14), 0);
	ck_assert_fails(triad_epstein_categories(7, c, 14), TRIAD_EINVAL, NULL);

	/* The two directions agree on every pair. */
	for (int e = 1; e <= 6; e++) {
		int n = triad_epstein_categories((triad_epstein)e, c, 14);
		for (size_t k = 1; k <= 14; k++) {
			int in_inverse = 0;
			for (int j = 0; j < n; j++)
				in_inverse |= c[j] == (triad_category)k;
			int m = triad_category_epstein((triad_category)k, t, 6);
			int in_forward = 0;
			for (int j = 0; j < m; j++)
				in_forward |= t[j] == (triad_epstein)e;
			ck_assert_int_eq(in_forward, in_inverse);
		}
	}
}
END_TEST

START_TEST(epstein_and_intensity_enumerations)
{
	static const char *const ids[] = { "parenting", "communicating", "volunteering",
		"learning_at_home", "decision_making", "collaborating_with_community" };
	for (int e = 1; e <= 6; e++) {
		ck_assert_str_eq(triad_epstein_id((triad_epstein)e), ids[e - 1]);
		triad_epstein back;
		ck_assert_ok(triad_epstein_from_id(&back, ids[e - 1]));
		ck_assert_int_eq(back, e);
	}
	ck_assert_str_eq(triad_epstein_name(TRIAD_EPSTEIN_LEARNING_AT_HOME, TRIAD_LANG_NL),
	                 "thuis leren");
	triad_epstein e;
	ck_assert_fails(triad_epstein_from_id(&e, "learning"), TRIAD_ENOTFOUND, "\"learning\"");
	ck_assert_ptr_null(triad_epstein_id(0));
	ck_assert_ptr_null(triad_epstein_name(7, TRIAD_LANG_EN));

	triad_intensity i;
	ck_assert_ok(triad_intensity_from_id(&i, "meedoen"));
	ck_assert_int_eq(i, TRIAD_INTENSITY_MEEHELPEN);
	ck_assert_ok(triad_intensity_from_id(&i, "meebeslissen"));
	ck_assert_int_eq(i, 4);
	ck_assert_str_eq(triad_intensity_id(TRIAD_INTENSITY_MEELEVEN), "meeleven");
	ck_assert_str_eq(triad_intensity_name(TRIAD_INTENSITY_MEEDENKEN, TRIAD_LANG_EN),
	                 "think along");
	ck_assert_fails(triad_intensity_from_id(&i, "meepraten"), TRIAD_ENOTFOUND, "meepraten");
	ck_assert_ptr_null(triad_intensity_name(TRIAD_INTENSITY_MEEDENKEN, 0));
	ck_assert_ptr_null(triad_intensity_id(5));
	ck_assert_int_eq(triad_category_intensity(TRIAD_CATEGORY_PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL),
	                 TRIAD_INTENSITY_MEEBESLISSEN);
	ck_assert_int_eq(triad_category_intensity(TRIAD_CATEGORY_PARTICIPATION_INFORMAL),
	                 TRIAD_INTENSITY_MEEHELPEN);
	ck_assert_int_eq(triad_category_intensity(0), TRIAD_INTENSITY_NONE);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("categories");
	TCase *tc = tcase_create("categories");
	tcase_add_test(tc, ids_values_and_parents_are_stable);
	tcase_add_test(tc, names_and_descriptions_in_both_languages);
	tcase_add_test(tc, invalid_values_are_errors);
	tcase_add_test(tc, children_in_tree_order);
	tcase_add_test(tc, epstein_mapping_both_ways);
	tcase_add_test(tc, epstein_and_intensity_enumerations);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
