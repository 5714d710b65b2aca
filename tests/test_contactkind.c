#include "support/testutil.h"

START_TEST(kinds_have_ids_names_and_categories)
{
	static const char *const ids[] = { "intake", "triangle", "conference",
		"mentor_call", "home_visit", "theme_evening", "information_evening",
		"positive_note", "concern" };
	ck_assert_uint_eq(triad_contact_kind_count(), 9);
	for (int k = 1; k <= 9; k++) {
		ck_assert_str_eq(triad_contact_kind_id((triad_contact_kind)k), ids[k - 1]);
		triad_contact_kind back;
		ck_assert_ok(triad_contact_kind_from_id(&back, ids[k - 1]));
		ck_assert_int_eq(back, k);
		ck_assert_int_eq(triad_category_valid(triad_contact_kind_category((triad_contact_kind)k)), 1);
		ck_assert_int_eq(triad_channel_valid(triad_contact_kind_default_channel((triad_contact_kind)k)), 1);
	}
	ck_assert_str_eq(triad_contact_kind_name(TRIAD_CONTACT_INTAKE, TRIAD_LANG_NL),
	                 "kennismakingsgesprek");
	ck_assert_str_eq(triad_contact_kind_name(TRIAD_CONTACT_CONFERENCE, TRIAD_LANG_NL),
	                 "tienminutengesprek");
	ck_assert_str_eq(triad_contact_kind_name(TRIAD_CONTACT_TRIANGLE, TRIAD_LANG_EN),
	                 "triangle conversation");
	ck_assert_int_eq(triad_contact_kind_category(TRIAD_CONTACT_TRIANGLE), TRIAD_CATEGORY_OWNERSHIP);
	ck_assert_int_eq(triad_contact_kind_category(TRIAD_CONTACT_CONFERENCE),
	                 TRIAD_CATEGORY_INVOLVEMENT_SCHOOL);
	ck_assert_int_eq(triad_contact_kind_default_channel(TRIAD_CONTACT_MENTOR_CALL),
	                 TRIAD_CHANNEL_PHONE);
	triad_contact_kind k = TRIAD_CONTACT_INTAKE;
	ck_assert_fails(triad_contact_kind_from_id(&k, "phone_call"), TRIAD_ENOTFOUND, "phone_call");
	ck_assert_int_eq(k, TRIAD_CONTACT_INTAKE);
	ck_assert_ptr_null(triad_contact_kind_id(10));
	ck_assert_ptr_null(triad_contact_kind_name(TRIAD_CONTACT_INTAKE, (triad_lang)9));
	ck_assert_int_eq(triad_contact_kind_category(0), TRIAD_CATEGORY_NONE);
	ck_assert_int_eq(triad_contact_kind_default_channel(0), TRIAD_CHANNEL_NONE);
}
END_TEST

START_TEST(channels)
{
	static const char *const ids[] = { "in_person", "phone", "video", "email",
		"message", "letter" };
	ck_assert_uint_eq(triad_channel_count(), 6);
	for (int c = 1; c <= 6; c++) {
		ck_assert_str_eq(triad_channel_id((triad_channel)c), ids[c - 1]);
		triad_channel back;
		ck_assert_ok(triad_channel_from_id(&back, ids[c - 1]));
		ck_assert_int_eq(back, c);
	}
	ck_assert_str_eq(triad_channel_name(TRIAD_CHANNEL_LETTER, TRIAD_LANG_NL), "brief");
	triad_channel c;
	ck_assert_fails(triad_channel_from_id(&c, "fax"), TRIAD_ENOTFOUND, "\"fax\"");
	ck_assert_fails(triad_channel_from_id(NULL, "fax"), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(triad_channel_id(0));
	ck_assert_int_eq(triad_channel_valid(7), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("contactkind");
	TCase *tc = tcase_create("contactkind");
	tcase_add_test(tc, kinds_have_ids_names_and_categories);
	tcase_add_test(tc, channels);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
