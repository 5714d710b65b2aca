/* The school roster: building, lookups, navigation, triad.school/1. */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

/* Assert that `list` holds exactly the NULL-terminated ids, in order. */
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

/* ---- the good document ---------------------------------------------------- */

START_TEST(loads_every_field)
{
	triad_roster *r = load_good();
	ck_assert_str_eq(triad_roster_school_name(r), "Het Baken, Almere");
	ck_assert_uint_eq(triad_roster_student_count(r), 3);
	ck_assert_uint_eq(triad_roster_guardian_count(r), 5);
	ck_assert_uint_eq(triad_roster_household_count(r), 4);
	ck_assert_uint_eq(triad_roster_staff_count(r), 3);
	ck_assert_uint_eq(triad_roster_relation_count(r), 7);
	ck_assert_uint_eq(triad_roster_consent_count(r), 7);

	const triad_student *s = triad_roster_student(r, "s3");
	ck_assert_ptr_eq(s, triad_roster_student_at(r, 2));
	ck_assert_str_eq(triad_student_id(s), "s3");
	ck_assert_str_eq(triad_student_given_name(s), "Lotte");
	ck_assert_str_eq(triad_student_family_name(s), "Jansen");
	ck_assert_int_eq(triad_student_birth_date(s), D(2012, 2, 29));
	/* A combined havo/vwo first year counts as vwo. */
	ck_assert_str_eq(triad_student_school_type(s), "vwo");
	ck_assert_str_eq(triad_student_bridge_class(s), "havo/vwo");
	ck_assert_int_eq(triad_student_year(s), 1);
	ck_assert_str_eq(triad_student_class_name(s), "1HV3");
	ck_assert_str_eq(triad_student_mentor_id(s), "t3");
	ck_assert_ptr_null(triad_student_bridge_class(triad_roster_student(r, "s1")));
	int age = -1;
	/* Born 29 Feb 2012: 15 on 28 Feb 2028 and 16 on 29 Feb 2028 (a leap year). */
	ck_assert_ok(triad_student_age(&age, s, D(2028, 2, 28)));
	ck_assert_int_eq(age, 15);
	ck_assert_ok(triad_student_age(&age, s, D(2028, 2, 29)));
	ck_assert_int_eq(age, 16);
	ck_assert_fails(triad_student_age(&age, s, D(2012, 2, 28)), TRIAD_EINVAL, "before");

	const triad_guardian *g = triad_roster_guardian(r, "m2");
	ck_assert_str_eq(triad_guardian_id(g), "m2");
	ck_assert_str_eq(triad_guardian_given_name(g), "Fatma");
	ck_assert_str_eq(triad_guardian_family_name(g), "Bakker");
	ck_assert_str_eq(triad_guardian_household_id(g), "h3");
	ck_assert_str_eq(triad_guardian_language(g), "tr");
	ck_assert_int_eq(triad_guardian_channel(g), TRIAD_CHANNEL_PHONE);
	ck_assert_int_eq(triad_guardian_channel(triad_roster_guardian(r, "f1")), TRIAD_CHANNEL_NONE);
	ck_assert_str_eq(triad_guardian_language(triad_roster_guardian(r, "sp1")), "en-GB");

	const triad_household *h = triad_roster_household(r, "h1");
	ck_assert_ptr_eq(h, triad_roster_household_at(r, 0));
	ck_assert_str_eq(triad_household_name(h), "De Vries household");
	ck_assert_str_eq(triad_household_address(h), "Lindenlaan 4, Almere");
	ck_assert_ptr_null(triad_household_address(triad_roster_household(r, "h2")));

	const triad_staff *m = triad_roster_staff(r, "t3");
	ck_assert_str_eq(triad_staff_given_name(m), "Özlem");
	ck_assert_str_eq(triad_staff_family_name(m), "Yıldız");
	ck_assert_uint_eq(triad_staff_roles(m),
	                  TRIAD_STAFF_MENTOR | TRIAD_STAFF_TEACHER | TRIAD_STAFF_COORDINATOR);
	ck_assert_uint_eq(triad_staff_roles(triad_roster_staff_at(r, 1)), TRIAD_STAFF_SCHOOL_LEADER);

	const triad_relation *rel = triad_roster_relation(r, "s2", "f2");
	ck_assert_str_eq(triad_relation_student_id(rel), "s2");
	ck_assert_str_eq(triad_relation_guardian_id(rel), "f2");
	ck_assert_int_eq(triad_relation_kind_of(rel), TRIAD_RELATION_FATHER);
	ck_assert_int_eq(triad_relation_authority(rel), 0);
	ck_assert_int_eq(triad_relation_lives_with(rel), 0);
	ck_assert_int_eq(triad_relation_primary_contact(rel), 0);
	ck_assert_int_eq(triad_relation_contact_priority(rel), 0);
	ck_assert_int_eq(triad_relation_info_rights(rel), TRIAD_INFO_RESTRICTED);
	ck_assert_str_eq(triad_relation_restriction_reason(rel),
	                 "Court order of 2023-06-12: no school information to the father");
	ck_assert_int_eq(triad_relation_adult_informed(rel), 1);
	ck_assert_int_eq(triad_relation_adult_cosigns(rel), 0);
	rel = triad_roster_relation(r, "s1", "m1");
	ck_assert_int_eq(triad_relation_kind_of(rel), TRIAD_RELATION_MOTHER);
	ck_assert_int_eq(triad_relation_authority(rel), 1);
	ck_assert_int_eq(triad_relation_lives_with(rel), 1);
	ck_assert_int_eq(triad_relation_primary_contact(rel), 1);
	ck_assert_int_eq(triad_relation_contact_priority(rel), 1);
	ck_assert_int_eq(triad_relation_info_rights(rel), TRIAD_INFO_FULL);
	ck_assert_ptr_null(triad_relation_restriction_reason(rel));
	ck_assert_int_eq(triad_relation_adult_cosigns(rel), 1);
	/* Relations in document order: guardian by guardian. */
	ck_assert_str_eq(triad_relation_guardian_id(triad_roster_relation_at(r, 4)), "sp1");
	ck_assert_ptr_null(triad_roster_relation(r, "s2", "m1"));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_ENOTFOUND);

	const triad_consent *c = triad_roster_consent_at(r, 2);
	ck_assert_str_eq(triad_consent_student_id(c), "s1");
	ck_assert_str_eq(triad_consent_purpose(c), "photos");
	ck_assert_str_eq(triad_consent_by_id(c), "f1");
	ck_assert_int_eq(triad_consent_given(c), 0);
	ck_assert_int_eq(triad_consent_date(c), D(2024, 5, 1));
	triad_roster_free(r);
}
END_TEST

START_TEST(lookups_fail_clearly)
{
	triad_roster *r = load_good();
	ck_assert_ptr_null(triad_roster_student(r, "s9"));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_ENOTFOUND);
	ck_assert(test_message_has("\"s9\""));
	ck_assert_ptr_null(triad_roster_guardian(r, "s1")); /* a student, not a guardian */
	ck_assert_int_eq(triad_error_last()->code, TRIAD_ENOTFOUND);
	ck_assert_ptr_null(triad_roster_household(r, "h9"));
	ck_assert_ptr_null(triad_roster_staff(r, "t9"));
	ck_assert_ptr_null(triad_roster_student(r, NULL));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ptr_null(triad_roster_student_at(r, 3));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ptr_null(triad_roster_guardian_at(r, 5));
	ck_assert_ptr_null(triad_roster_household_at(r, 4));
	ck_assert_ptr_null(triad_roster_staff_at(r, 3));
	ck_assert_ptr_null(triad_roster_relation_at(r, 7));
	ck_assert_ptr_null(triad_roster_consent_at(r, 7));
	ck_assert_ptr_null(triad_roster_student_at(NULL, 0));
	ck_assert_uint_eq(triad_roster_student_count(NULL), 0);
	/* NULL handles read as empty. */
	ck_assert_ptr_null(triad_student_id(NULL));
	ck_assert_int_eq(triad_student_year(NULL), 0);
	ck_assert_ptr_null(triad_guardian_language(NULL));
	ck_assert_int_eq(triad_relation_info_rights(NULL), TRIAD_INFO_DEFAULT);
	ck_assert_uint_eq(triad_staff_roles(NULL), 0);
	ck_assert_ptr_null(triad_consent_purpose(NULL));
	triad_roster_free(r);
	triad_roster_free(NULL);
}
END_TEST

START_TEST(navigation)
{
	triad_roster *r = load_good();
	triad_strlist *l = NULL;
	/* By contact priority: m1 (1), f1 (2), then sp1 (none). */
	ck_assert_ok(triad_roster_student_guardians(&l, r, "s1"));
	expect_ids(l, IDS("m1", "f1", "sp1"));
	/* Separated parents: two households; the step-parent lives in h1 too. */
	ck_assert_ok(triad_roster_student_households(&l, r, "s1"));
	expect_ids(l, IDS("h1", "h2"));
	ck_assert_ok(triad_roster_student_households(&l, r, "s2"));
	expect_ids(l, IDS("h3", "h4"));
	ck_assert_ok(triad_roster_guardian_students(&l, r, "m1"));
	expect_ids(l, IDS("s1", "s3"));
	ck_assert_ok(triad_roster_household_guardians(&l, r, "h1"));
	expect_ids(l, IDS("m1", "sp1"));
	/* Siblings share a household. */
	ck_assert_ok(triad_roster_household_students(&l, r, "h1"));
	expect_ids(l, IDS("s1", "s3"));
	ck_assert_ok(triad_roster_household_students(&l, r, "h2"));
	expect_ids(l, IDS("s1", "s3"));
	ck_assert_ok(triad_roster_household_students(&l, r, "h4"));
	expect_ids(l, IDS("s2"));
	ck_assert_ok(triad_roster_mentor_students(&l, r, "t1"));
	expect_ids(l, IDS("s1", "s2"));
	ck_assert_ok(triad_roster_mentor_students(&l, r, "t2"));
	expect_ids(l, NO_IDS);
	ck_assert_ok(triad_roster_class_students(&l, r, "3H2"));
	expect_ids(l, IDS("s1"));
	ck_assert_ok(triad_roster_class_students(&l, r, "5V1"));
	expect_ids(l, NO_IDS);

	l = NULL;
	ck_assert_fails(triad_roster_student_guardians(&l, r, "s9"), TRIAD_ENOTFOUND, "\"s9\"");
	ck_assert_fails(triad_roster_student_households(&l, r, "m1"), TRIAD_ENOTFOUND, "\"m1\"");
	ck_assert_fails(triad_roster_guardian_students(&l, r, "s1"), TRIAD_ENOTFOUND, "\"s1\"");
	ck_assert_fails(triad_roster_household_guardians(&l, r, "h9"), TRIAD_ENOTFOUND, "\"h9\"");
	ck_assert_fails(triad_roster_household_students(&l, r, "h9"), TRIAD_ENOTFOUND, "\"h9\"");
	ck_assert_fails(triad_roster_mentor_students(&l, r, "t9"), TRIAD_ENOTFOUND, "\"t9\"");
	ck_assert_fails(triad_roster_class_students(NULL, r, "3H2"), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_roster_student_guardians(&l, NULL, "s1"), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(l);
	triad_roster_free(r);
}
END_TEST

/* ---- building ------------------------------------------------------------- */

/* The roster of good.json, built call by call. */
static triad_roster *build_good(void)
{
	triad_roster *r = NULL;
	ck_assert_ok(triad_roster_new(&r, NULL));
	ck_assert_ok(triad_roster_set_school_name(r, "Het Baken, Almere"));
	ck_assert_ok(triad_roster_add_household(r, "h1", "De Vries household", "Lindenlaan 4, Almere"));
	ck_assert_ok(triad_roster_add_household(r, "h2", "Jansen household", NULL));
	ck_assert_ok(triad_roster_add_household(r, "h3", "Bakker household", "Kruidenweg 12, Almere"));
	ck_assert_ok(triad_roster_add_household(r, "h4", "Kees Bakker", ""));
	ck_assert_ok(triad_roster_add_staff(r, "t1", "Anna", "Smit",
	                                    TRIAD_STAFF_MENTOR | TRIAD_STAFF_TEACHER));
	ck_assert_ok(triad_roster_add_staff(r, "t2", "Bert", "Kok", TRIAD_STAFF_SCHOOL_LEADER));
	ck_assert_ok(triad_roster_add_staff(r, "t3", "Özlem", "Yıldız",
	                                    TRIAD_STAFF_MENTOR | TRIAD_STAFF_TEACHER |
	                                        TRIAD_STAFF_COORDINATOR));
	triad_student_info s;
	ck_assert_ok(triad_student_info_init(&s, TRIAD_STUDENT_INFO_VERSION));
	s.id = "s1"; s.given_name = "Emma"; s.family_name = "Jansen";
	s.birth_date = D(2010, 3, 15); s.school_type = "havo"; s.year = 3;
	s.class_name = "3H2"; s.mentor_id = "t1";
	ck_assert_ok(triad_roster_add_student(r, &s));
	s.id = "s2"; s.given_name = "Noah"; s.family_name = "Bakker";
	s.birth_date = D(2009, 11, 2); s.school_type = "vmbo-tl"; s.year = 4;
	s.class_name = "4T1";
	ck_assert_ok(triad_roster_add_student(r, &s));
	s.id = "s3"; s.given_name = "Lotte"; s.family_name = "Jansen";
	s.birth_date = D(2012, 2, 29); s.school_type = "vwo"; s.bridge_class = "havo/vwo";
	s.year = 1; s.class_name = "1HV3"; s.mentor_id = "t3";
	ck_assert_ok(triad_roster_add_student(r, &s));

	triad_guardian_info g = TRIAD_GUARDIAN_INFO_INIT;
	g.id = "m1"; g.given_name = "Sanne"; g.family_name = "de Vries"; g.household_id = "h1";
	g.channel = TRIAD_CHANNEL_MESSAGE; /* language NULL: "nl" */
	ck_assert_ok(triad_roster_add_guardian(r, &g));
	g.id = "f1"; g.given_name = "Pieter"; g.family_name = "Jansen"; g.household_id = "h2";
	g.language = "nl"; g.channel = TRIAD_CHANNEL_NONE;
	ck_assert_ok(triad_roster_add_guardian(r, &g));
	g.id = "sp1"; g.given_name = "Mark"; g.family_name = "Visser"; g.household_id = "h1";
	g.language = "en-GB";
	ck_assert_ok(triad_roster_add_guardian(r, &g));
	g.id = "m2"; g.given_name = "Fatma"; g.family_name = "Bakker"; g.household_id = "h3";
	g.language = "tr"; g.channel = TRIAD_CHANNEL_PHONE;
	ck_assert_ok(triad_roster_add_guardian(r, &g));
	g.id = "f2"; g.given_name = "Kees"; g.household_id = "h4"; g.language = "nl";
	g.channel = TRIAD_CHANNEL_NONE;
	ck_assert_ok(triad_roster_add_guardian(r, &g));

	/* Relations may come in any order; each guardian keeps its own order. */
	triad_relation_info rel;
	ck_assert_ok(triad_relation_info_init(&rel, TRIAD_RELATION_INFO_VERSION));
	rel.student_id = "s2"; rel.guardian_id = "m2"; rel.kind = TRIAD_RELATION_MOTHER;
	rel.authority = 1; rel.lives_with = 1; rel.primary_contact = 1; rel.contact_priority = 1;
	ck_assert_ok(triad_roster_add_relation(r, &rel)); /* rights derived: full */
	rel.student_id = "s1"; rel.guardian_id = "m1";
	ck_assert_ok(triad_roster_add_relation(r, &rel));
	rel.student_id = "s3";
	ck_assert_ok(triad_roster_add_relation(r, &rel));
	rel.student_id = "s1"; rel.guardian_id = "f1"; rel.kind = TRIAD_RELATION_FATHER;
	rel.lives_with = 0; rel.primary_contact = 0; rel.contact_priority = 2;
	rel.info_rights = TRIAD_INFO_FULL;
	ck_assert_ok(triad_roster_add_relation(r, &rel));
	rel.student_id = "s3";
	ck_assert_ok(triad_roster_add_relation(r, &rel));
	rel.student_id = "s1"; rel.guardian_id = "sp1"; rel.kind = TRIAD_RELATION_STEP_PARENT;
	rel.authority = 0; rel.lives_with = 1; rel.contact_priority = 0;
	rel.info_rights = TRIAD_INFO_DEFAULT; /* without authority: on request */
	ck_assert_ok(triad_roster_add_relation(r, &rel));
	rel.student_id = "s2"; rel.guardian_id = "f2"; rel.kind = TRIAD_RELATION_FATHER;
	rel.lives_with = 0; rel.info_rights = TRIAD_INFO_RESTRICTED;
	rel.restriction_reason = "Court order of 2023-06-12: no school information to the father";
	rel.adult_informed = 1;
	ck_assert_ok(triad_roster_add_relation(r, &rel));
	ck_assert_ok(triad_roster_set_adult_choice(r, "s1", "m1", 1, 1));
	ck_assert_ok(triad_roster_set_adult_choice(r, "s1", "f1", 1, 0));

	ck_assert_ok(triad_roster_add_consent(r, "s1", "photos", "m1", 1, D(2023, 9, 1)));
	ck_assert_ok(triad_roster_add_consent(r, "s1", "photos", "f1", 1, D(2023, 9, 4)));
	ck_assert_ok(triad_roster_add_consent(r, "s1", "photos", "f1", 0, D(2024, 5, 1)));
	ck_assert_ok(triad_roster_add_consent(r, "s1", "photos", "f1", 1, D(2024, 9, 2)));
	ck_assert_ok(triad_roster_add_consent(r, "s1", "photos", "s1", 1, D(2026, 4, 1)));
	ck_assert_ok(triad_roster_add_consent(r, "s2", "data_processing", "m2", 1, D(2022, 9, 1)));
	ck_assert_ok(triad_roster_add_consent(r, "s2", "photos", "f2", 1, D(2022, 9, 1)));
	return r;
}

START_TEST(built_equals_loaded)
{
	triad_roster *built = build_good(), *loaded = load_good();
	ck_assert_int_eq(triad_roster_equal(built, loaded), 1);
	ck_assert_int_eq(triad_relation_info_rights(triad_roster_relation(built, "s1", "sp1")),
	                 TRIAD_INFO_ON_REQUEST);
	ck_assert_int_eq(triad_relation_info_rights(triad_roster_relation(built, "s2", "m2")),
	                 TRIAD_INFO_FULL);
	/* One field differs: not equal. */
	ck_assert_ok(triad_roster_set_adult_choice(built, "s1", "f1", 1, 1));
	ck_assert_int_eq(triad_roster_equal(built, loaded), 0);
	ck_assert_ok(triad_roster_set_adult_choice(built, "s1", "f1", 1, 0));
	ck_assert_int_eq(triad_roster_equal(built, loaded), 1);
	ck_assert_ok(triad_roster_set_school_name(built, NULL));
	ck_assert_int_eq(triad_roster_equal(built, loaded), 0);
	ck_assert_int_eq(triad_roster_equal(built, NULL), 0);
	triad_roster_free(built);
	triad_roster_free(loaded);
}
END_TEST

START_TEST(add_rejects_bad_records)
{
	triad_roster *r = build_good();
	char *before = NULL;
	ck_assert_ok(triad_roster_save(&before, r));

	ck_assert_fails(triad_roster_add_household(r, "h1", "Again", NULL), TRIAD_EEXISTS, "\"h1\"");
	ck_assert_fails(triad_roster_add_household(r, "h 5", "Space", NULL), TRIAD_EINVAL, "\"h 5\"");
	ck_assert_fails(triad_roster_add_household(r, "", "Empty", NULL), TRIAD_EINVAL, "household id");
	ck_assert_fails(triad_roster_add_household(r, "h5", "", NULL), TRIAD_EINVAL, "household name is empty");
	ck_assert_fails(triad_roster_add_household(r, "h5", "Bad \xff", NULL), TRIAD_EINVAL, "UTF-8");
	ck_assert_fails(triad_roster_add_staff(r, "t4", "A", "B", 0), TRIAD_EINVAL, "roles");
	ck_assert_fails(triad_roster_add_staff(r, "t4", "A", "B", 16), TRIAD_EINVAL, "roles");
	ck_assert_fails(triad_roster_add_staff(r, "t1", "A", "B", 1), TRIAD_EEXISTS, "\"t1\"");
	ck_assert_fails(triad_roster_add_staff(r, "t4", NULL, "B", 1), TRIAD_EINVAL, "given name is missing");

	triad_student_info s = TRIAD_STUDENT_INFO_INIT;
	s.id = "s4"; s.given_name = "Sem"; s.family_name = "Bos"; s.birth_date = D(2011, 6, 1);
	s.school_type = "havo"; s.year = 2;
	s.year = 6;
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_ERANGE, "year 6 is outside havo (years 1..5)");
	s.year = 0;
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_ERANGE, "year 0");
	s.year = 2;
	s.school_type = "gymnasium";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_ENOTFOUND, "\"gymnasium\"");
	s.school_type = "havo";
	s.mentor_id = "t9";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_ENOTFOUND, "mentor \"t9\"");
	s.mentor_id = "t2"; /* a school leader, not a mentor */
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EINVAL, "mentor role");
	s.mentor_id = NULL;
	s.bridge_class = "havo/vwo/";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EINVAL, "combined class");
	s.bridge_class = "vmbo-tl/vwo"; /* does not lead into havo */
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EINVAL, "\"havo\"");
	s.bridge_class = "havo";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EINVAL, "two or more");
	s.bridge_class = NULL;
	s.id = "m1";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EEXISTS, "guardian");
	s.id = "s1";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EEXISTS, "\"s1\" is used twice");
	s.id = "s4";
	s.family_name = "";
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EINVAL, "family name is empty");
	s.family_name = "Bos";
	s.version = 2;
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_EINVAL, "version 2");
	ck_assert_fails(triad_roster_add_student(r, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_student_info_init(&s, 0), TRIAD_EINVAL, "version 0");

	triad_guardian_info g = TRIAD_GUARDIAN_INFO_INIT;
	g.id = "g9"; g.given_name = "Ilse"; g.family_name = "Bos";
	g.household_id = "h9";
	ck_assert_fails(triad_roster_add_guardian(r, &g), TRIAD_ENOTFOUND, "household \"h9\"");
	g.household_id = NULL;
	g.language = "dutch";
	ck_assert_fails(triad_roster_add_guardian(r, &g), TRIAD_EINVAL, "\"dutch\"");
	g.language = "nl-";
	ck_assert_fails(triad_roster_add_guardian(r, &g), TRIAD_EINVAL, "language tag");
	g.language = NULL;
	g.channel = (triad_channel)7;
	ck_assert_fails(triad_roster_add_guardian(r, &g), TRIAD_EINVAL, "channel 7");
	g.channel = TRIAD_CHANNEL_NONE;
	g.id = "s2";
	ck_assert_fails(triad_roster_add_guardian(r, &g), TRIAD_EEXISTS, "student");
	g.id = "f2";
	ck_assert_fails(triad_roster_add_guardian(r, &g), TRIAD_EEXISTS, "\"f2\" is used twice");

	triad_relation_info rel = TRIAD_RELATION_INFO_INIT;
	rel.student_id = "s2"; rel.guardian_id = "m1"; rel.kind = TRIAD_RELATION_GUARDIAN;
	rel.authority = 1;
	rel.student_id = "s9";
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_ENOTFOUND, "student \"s9\"");
	rel.student_id = "s2"; rel.guardian_id = "g9";
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_ENOTFOUND, "guardian \"g9\"");
	rel.guardian_id = "m1"; rel.kind = TRIAD_RELATION_NONE;
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EINVAL, "relation 0");
	rel.kind = TRIAD_RELATION_GUARDIAN;
	rel.contact_priority = 100;
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EINVAL, "priority 100");
	rel.contact_priority = 0;
	rel.info_rights = TRIAD_INFO_ON_REQUEST;
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EINVAL, "fully entitled");
	rel.info_rights = TRIAD_INFO_RESTRICTED;
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EINVAL, "recorded reason");
	rel.info_rights = TRIAD_INFO_FULL;
	rel.restriction_reason = "court order";
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EINVAL, "not \"restricted\"");
	rel.restriction_reason = NULL;
	rel.info_rights = (triad_info_rights)4;
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EINVAL, "rights 4");
	rel.info_rights = TRIAD_INFO_DEFAULT;
	rel.guardian_id = "m2";
	ck_assert_fails(triad_roster_add_relation(r, &rel), TRIAD_EEXISTS, "twice");

	ck_assert_fails(triad_roster_add_consent(r, "s9", "photos", "m1", 1, D(2024, 1, 1)),
	                TRIAD_ENOTFOUND, "\"s9\"");
	ck_assert_fails(triad_roster_add_consent(r, "s1", "Photos", "m1", 1, D(2024, 1, 1)),
	                TRIAD_EINVAL, "purpose");
	ck_assert_fails(triad_roster_add_consent(r, "s1", "photos", "m2", 1, D(2024, 1, 1)),
	                TRIAD_ENOTFOUND, "\"m2\" is neither");
	ck_assert_fails(triad_roster_add_consent(r, "s1", "photos", "s2", 1, D(2024, 1, 1)),
	                TRIAD_ENOTFOUND, "\"s2\" is neither");
	ck_assert_fails(triad_roster_add_consent(r, "s1", "photos", "m1", 1, 3000000),
	                TRIAD_EINVAL, "outside years");
	ck_assert_fails(triad_roster_set_adult_choice(r, "s2", "m1", 1, 1), TRIAD_ENOTFOUND,
	                "not related");
	ck_assert_fails(triad_roster_set_school_name(r, ""), TRIAD_EINVAL, "empty");
	ck_assert_fails(triad_roster_new(NULL, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_roster_add_household(NULL, "h5", "x", NULL), TRIAD_EINVAL, NULL);

	/* Nothing changed. */
	char *after = NULL;
	ck_assert_ok(triad_roster_save(&after, r));
	ck_assert_str_eq(after, before);
	triad_free(before);
	triad_free(after);
	triad_roster_free(r);
}
END_TEST

START_TEST(own_school_types)
{
	triad_schooltypes *types = NULL;
	ck_assert_ok(triad_schooltypes_new(&types));
	ck_assert_ok(triad_schooltypes_add(types, "isk", "internationale schakelklas",
	                                   "international bridge class", 2));
	triad_roster *r = NULL;
	ck_assert_ok(triad_roster_new(&r, types));
	triad_student_info s = TRIAD_STUDENT_INFO_INIT;
	s.id = "n1"; s.given_name = "Amir"; s.family_name = "Haddad"; s.birth_date = D(2011, 1, 5);
	s.school_type = "isk"; s.year = 2;
	ck_assert_ok(triad_roster_add_student(r, &s));
	s.id = "n2"; s.year = 3;
	ck_assert_fails(triad_roster_add_student(r, &s), TRIAD_ERANGE, "isk (years 1..2)");
	/* The school's own type only loads with the school's own set. */
	char *text = NULL;
	ck_assert_ok(triad_roster_save(&text, r));
	triad_roster *again = NULL;
	ck_assert_fails(triad_roster_load(&again, text, strlen(text), "isk.json", NULL),
	                TRIAD_EFORMAT, "students[0].school_type");
	ck_assert_ok(triad_roster_load(&again, text, strlen(text), "isk.json", types));
	ck_assert_int_eq(triad_roster_equal(r, again), 1);
	triad_free(text);
	triad_roster_free(again);
	triad_roster_free(r);
	triad_schooltypes_free(types);
}
END_TEST

START_TEST(enumeration_ids)
{
	triad_relation_kind k;
	ck_assert_str_eq(triad_relation_kind_id(TRIAD_RELATION_STEP_PARENT), "step_parent");
	ck_assert_str_eq(triad_relation_kind_id(TRIAD_RELATION_OTHER_CARER), "other_carer");
	ck_assert_ptr_null(triad_relation_kind_id(TRIAD_RELATION_NONE));
	ck_assert_ok(triad_relation_kind_from_id(&k, "foster_parent"));
	ck_assert_int_eq(k, TRIAD_RELATION_FOSTER_PARENT);
	ck_assert_fails(triad_relation_kind_from_id(&k, "aunt"), TRIAD_ENOTFOUND, "\"aunt\"");
	ck_assert_fails(triad_relation_kind_from_id(NULL, "mother"), TRIAD_EINVAL, NULL);
	triad_info_rights i;
	ck_assert_str_eq(triad_info_rights_id(TRIAD_INFO_ON_REQUEST), "on_request");
	ck_assert_ptr_null(triad_info_rights_id(TRIAD_INFO_DEFAULT));
	ck_assert_ok(triad_info_rights_from_id(&i, "restricted"));
	ck_assert_int_eq(i, TRIAD_INFO_RESTRICTED);
	ck_assert_fails(triad_info_rights_from_id(&i, "none"), TRIAD_ENOTFOUND, "\"none\"");
	triad_staff_role role;
	ck_assert_str_eq(triad_staff_role_id(TRIAD_STAFF_SCHOOL_LEADER), "school_leader");
	ck_assert_ptr_null(triad_staff_role_id((triad_staff_role)3));
	ck_assert_ok(triad_staff_role_from_id(&role, "coordinator"));
	ck_assert_int_eq(role, TRIAD_STAFF_COORDINATOR);
	ck_assert_fails(triad_staff_role_from_id(&role, "janitor"), TRIAD_ENOTFOUND, "\"janitor\"");
}
END_TEST

/* ---- JSON ----------------------------------------------------------------- */

START_TEST(round_trip)
{
	triad_roster *r = load_good();
	char *text = NULL;
	ck_assert_ok(triad_roster_save(&text, r));
	triad_roster *again = NULL;
	ck_assert_ok(triad_roster_load(&again, text, strlen(text), "saved", NULL));
	ck_assert_int_eq(triad_roster_equal(r, again), 1);
	char *text2 = NULL;
	ck_assert_ok(triad_roster_save(&text2, again));
	ck_assert_str_eq(text, text2);
	/* Defaults are written explicitly. */
	ck_assert_ptr_nonnull(strstr(text, "\"format\": \"triad.school/1\""));
	ck_assert_ptr_nonnull(strstr(text, "\"information\": \"on_request\""));

	char path[] = "/tmp/triad-roster-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_ok(triad_roster_save_file(again, path));
	triad_roster *from_file = NULL;
	ck_assert_ok(triad_roster_load_file(&from_file, path, NULL));
	ck_assert_int_eq(triad_roster_equal(r, from_file), 1);
	unlink(path);
	ck_assert_fails(triad_roster_load_file(&from_file, "/nonexistent/roster.json", NULL),
	                TRIAD_EIO, "/nonexistent/roster.json");
	ck_assert_fails(triad_roster_save_file(r, "/nonexistent/dir/roster.json"), TRIAD_EIO,
	                "roster.json");

	/* A minimal document and an empty roster. */
	const char *min = "{\"format\": \"triad.school/1\"}";
	triad_roster *empty = NULL;
	ck_assert_ok(triad_roster_load(&empty, min, strlen(min), NULL, NULL));
	ck_assert_uint_eq(triad_roster_student_count(empty), 0);
	ck_assert_ptr_null(triad_roster_school_name(empty));
	triad_roster *fresh = NULL;
	ck_assert_ok(triad_roster_new(&fresh, NULL));
	ck_assert_int_eq(triad_roster_equal(empty, fresh), 1);

	triad_free(text);
	triad_free(text2);
	triad_roster_free(r);
	triad_roster_free(again);
	triad_roster_free(from_file);
	triad_roster_free(empty);
	triad_roster_free(fresh);
}
END_TEST

/* A document with fixed households and staff and the given arrays. */
#define DOC(students, guardians, consents)                                                   \
	"{\"format\": \"triad.school/1\",\n"                                                  \
	"\"households\": [{\"id\": \"h1\", \"name\": \"Jansen\"}],\n"                         \
	"\"staff\": [{\"id\": \"t1\", \"given_name\": \"Anna\", \"family_name\": \"Smit\", "  \
	"\"roles\": [\"mentor\"]}],\n"                                                        \
	"\"students\": [" students "],\n"                                                     \
	"\"guardians\": [" guardians "],\n"                                                   \
	"\"consents\": [" consents "]}"

#define ST(extra)                                                                            \
	"{\"id\": \"s1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "              \
	"\"birth_date\": \"2010-03-15\", \"school_type\": \"havo\", \"year\": 3" extra "}"
#define GU(extra, rels)                                                                      \
	"{\"id\": \"g1\", \"given_name\": \"Sanne\", \"family_name\": \"Jansen\"" extra        \
	", \"students\": [" rels "]}"
#define REL(extra) "{\"student\": \"s1\", \"relation\": \"mother\", \"authority\": true" extra "}"

typedef struct bad_case {
	const char *doc;
	int code;
	const char *path;    /* "" for none */
	const char *message; /* a part of the message */
	int line;            /* for syntax errors; 0 otherwise */
} bad_case;

static const bad_case bad_cases[] = {
	/* syntax */
	{ "{\"format\": \"triad.school/1\",\n \"students\": [}", TRIAD_EPARSE, "", "line 2", 2 },
	{ "{\"format\": \"triad.school/1\", \"format\": \"triad.school/1\"}", TRIAD_EPARSE, "",
	  "duplicate", 1 },
	{ "{\"format\": \"triad.school/1\",\n\"school_name\": \"Het \xff Baken\"}", TRIAD_EPARSE,
	  "", "decode byte 0xff", 2 },
	{ "[1, 2]", TRIAD_EFORMAT, "", "expected an object", 0 },
	/* format and version */
	{ "{\"students\": []}", TRIAD_EFORMAT, "", "\"format\" is missing", 0 },
	{ "{\"format\": \"triad.agreement/1\"}", TRIAD_EFORMAT, "format", "expected \"triad.school/1\"", 0 },
	{ "{\"format\": \"triad.school/2\"}", TRIAD_EVERSION, "format", "newer", 0 },
	/* unknown fields */
	{ "{\"format\": \"triad.school/1\", \"studnets\": []}", TRIAD_EFORMAT, "studnets",
	  "unknown field", 0 },
	{ DOC(ST(", \"nickname\": \"Em\""), "", ""), TRIAD_EFORMAT, "students[0].nickname",
	  "unknown field \"nickname\"", 0 },
	{ DOC(ST(""), GU("", REL(", \"custody\": true")), ""), TRIAD_EFORMAT,
	  "guardians[0].students[0].custody", "unknown field", 0 },
	/* wrong types */
	{ DOC(ST(", \"class\": 3"), "", ""), TRIAD_EFORMAT, "students[0].class",
	  "expected a string, got an integer", 0 },
	{ "{\"format\": \"triad.school/1\", \"students\": {}}", TRIAD_EFORMAT, "students",
	  "expected an array", 0 },
	{ DOC("42", "", ""), TRIAD_EFORMAT, "students[0]", "expected an object", 0 },
	{ DOC(ST(""), GU("", "{\"student\": \"s1\", \"relation\": \"mother\", \"authority\": \"yes\"}"), ""),
	  TRIAD_EFORMAT, "guardians[0].students[0].authority", "expected true or false", 0 },
	{ DOC("{\"id\": \"s1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "
	      "\"birth_date\": \"2010-03-15\", \"school_type\": \"havo\", \"year\": \"3\"}", "", ""),
	  TRIAD_EFORMAT, "students[0].year", "expected an integer", 0 },
	{ DOC(ST(""), GU(", \"channel\": \"pigeon\"", ""), ""), TRIAD_EFORMAT,
	  "guardians[0].channel", "\"pigeon\" is not one of", 0 },
	{ DOC(ST(""), GU("", REL("")), ""), 0, "", "", 0 }, /* the baseline loads */
	/* missing required fields */
	{ DOC("{\"id\": \"s1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "
	      "\"school_type\": \"havo\", \"year\": 3}", "", ""),
	  TRIAD_EFORMAT, "students[0]", "\"birth_date\" is missing", 0 },
	{ DOC(ST(""), GU("", "{\"student\": \"s1\", \"relation\": \"mother\"}"), ""),
	  TRIAD_EFORMAT, "guardians[0].students[0]", "\"authority\" is missing", 0 },
	/* impossible dates */
	{ DOC("{\"id\": \"s1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "
	      "\"birth_date\": \"2010-02-29\", \"school_type\": \"havo\", \"year\": 3}", "", ""),
	  TRIAD_EFORMAT, "students[0].birth_date", "\"2010-02-29\" is not an existing date", 0 },
	{ DOC(ST(""), GU("", REL("")),
	      "{\"student\": \"s1\", \"purpose\": \"photos\", \"by\": \"g1\", \"given\": true, "
	      "\"date\": \"2024-13-01\"}"),
	  TRIAD_EFORMAT, "consents[0].date", "not an existing date", 0 },
	/* duplicate ids */
	{ DOC(ST("") "," ST(""), "", ""), TRIAD_EFORMAT, "students[1].id", "\"s1\" is used twice", 0 },
	{ DOC(ST(""), "{\"id\": \"s1\", \"given_name\": \"A\", \"family_name\": \"B\"}", ""),
	  TRIAD_EFORMAT, "guardians[0].id", "already a student's id", 0 },
	{ DOC(ST(""), GU("", REL("") "," REL("")), ""), TRIAD_EFORMAT,
	  "guardians[0].students[1].student", "related to student \"s1\" twice", 0 },
	/* dangling references */
	{ DOC(ST(", \"mentor\": \"t9\""), "", ""), TRIAD_EFORMAT, "students[0].mentor",
	  "mentor \"t9\" is not on the staff list", 0 },
	{ DOC(ST(""), GU(", \"household\": \"h9\"", ""), ""), TRIAD_EFORMAT,
	  "guardians[0].household", "household \"h9\" is not in the roster", 0 },
	{ DOC(ST(""), GU("", "{\"student\": \"s7\", \"relation\": \"father\", \"authority\": false}"), ""),
	  TRIAD_EFORMAT, "guardians[0].students[0].student", "student \"s7\" is not in the roster", 0 },
	{ DOC(ST(""), GU("", REL("")),
	      "{\"student\": \"s1\", \"purpose\": \"photos\", \"by\": \"g7\", \"given\": true, "
	      "\"date\": \"2024-01-01\"}"),
	  TRIAD_EFORMAT, "consents[0].by", "\"g7\" is neither the student nor", 0 },
	{ DOC(ST(""), GU("", REL("")),
	      "{\"student\": \"s5\", \"purpose\": \"photos\", \"by\": \"g1\", \"given\": true, "
	      "\"date\": \"2024-01-01\"}"),
	  TRIAD_EFORMAT, "consents[0].student", "\"s5\" is not in the roster", 0 },
	/* content rules */
	{ DOC("{\"id\": \"s1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "
	      "\"birth_date\": \"2010-03-15\", \"school_type\": \"gymnasium\", \"year\": 3}", "", ""),
	  TRIAD_EFORMAT, "students[0].school_type", "\"gymnasium\" is not a known school type", 0 },
	{ DOC("{\"id\": \"s1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "
	      "\"birth_date\": \"2010-03-15\", \"school_type\": \"havo\", \"year\": 7}", "", ""),
	  TRIAD_EFORMAT, "students[0].year", "year 7 is outside havo", 0 },
	{ DOC(ST(", \"bridge_class\": \"vmbo-tl/vwo\""), "", ""), TRIAD_EFORMAT,
	  "students[0].bridge_class", "must list the school type \"havo\"", 0 },
	{ DOC(ST(""), GU("", REL(", \"information\": \"restricted\"")), ""), TRIAD_EFORMAT,
	  "guardians[0].students[0].restriction_reason", "needs a recorded reason", 0 },
	{ DOC(ST(""), GU("", REL(", \"information\": \"on_request\"")), ""), TRIAD_EFORMAT,
	  "guardians[0].students[0].information", "fully entitled", 0 },
	{ DOC(ST(""), GU("", "{\"student\": \"s1\", \"relation\": \"uncle\", \"authority\": false}"), ""),
	  TRIAD_EFORMAT, "guardians[0].students[0].relation", "\"uncle\" is not one of", 0 },
	{ DOC(ST(""), GU("", REL(", \"contact_priority\": 120")), ""), TRIAD_EFORMAT,
	  "guardians[0].students[0].contact_priority", "outside the allowed range 0..99", 0 },
	{ DOC(ST(""), GU(", \"language\": \"Nederlands\"", ""), ""), TRIAD_EFORMAT,
	  "guardians[0].language", "not a language tag", 0 },
	{ DOC("{\"id\": \"s 1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "
	      "\"birth_date\": \"2010-03-15\", \"school_type\": \"havo\", \"year\": 3}", "", ""),
	  TRIAD_EFORMAT, "students[0].id", "\"s 1\" is not 1..64", 0 },
	{ DOC("{\"id\": \"s1\", \"given_name\": \"\", \"family_name\": \"Jansen\", "
	      "\"birth_date\": \"2010-03-15\", \"school_type\": \"havo\", \"year\": 3}", "", ""),
	  TRIAD_EFORMAT, "students[0].given_name", "given name is empty", 0 },
	{ DOC(ST(""), GU("", REL("")),
	      "{\"student\": \"s1\", \"purpose\": \"Foto's\", \"by\": \"g1\", \"given\": true, "
	      "\"date\": \"2024-01-01\"}"),
	  TRIAD_EFORMAT, "consents[0].purpose", "lower-case", 0 },
	{ "{\"format\": \"triad.school/1\", \"staff\": [{\"id\": \"t1\", \"given_name\": \"A\", "
	  "\"family_name\": \"B\", \"roles\": [\"mentor\", \"janitor\"]}]}",
	  TRIAD_EFORMAT, "staff[0].roles[1]", "\"janitor\" is not one of", 0 },
	{ "{\"format\": \"triad.school/1\", \"staff\": [{\"id\": \"t1\", \"given_name\": \"A\", "
	  "\"family_name\": \"B\", \"roles\": [\"mentor\", \"mentor\"]}]}",
	  TRIAD_EFORMAT, "staff[0].roles[1]", "listed twice", 0 },
	{ "{\"format\": \"triad.school/1\", \"staff\": [{\"id\": \"t1\", \"given_name\": \"A\", "
	  "\"family_name\": \"B\", \"roles\": []}]}",
	  TRIAD_EFORMAT, "staff[0].roles", "at least one role", 0 },
	{ "{\"format\": \"triad.school/1\", \"school_name\": \"\"}", TRIAD_EFORMAT, "school_name",
	  "empty", 0 },
	{ DOC("{\"id\": \"s1\", \"given_name\": \"Emma\", \"family_name\": \"Jansen\", "
	      "\"birth_date\": \"2010-03-15\", \"school_type\": \"havo\", \"year\": 3, "
	      "\"mentor\": \"t1\"}",
	      "", ""), 0, "", "", 0 },
};

START_TEST(bad_documents)
{
	const bad_case *bc = &bad_cases[_i];
	triad_roster *r = (triad_roster *)&r; /* must stay untouched on failure */
	triad_roster *sentinel = r;
	int rc = triad_roster_load(&r, bc->doc, strlen(bc->doc), "school.json", NULL);
	if (bc->code == 0) {
		ck_assert_msg(rc == 0, "case %d: %s", _i, triad_error_last()->message);
		triad_roster_free(r);
		return;
	}
	const triad_error *e = triad_error_last();
	ck_assert_msg(rc == bc->code, "case %d: returned %d (%s), expected %d", _i, rc,
	              e->message, bc->code);
	ck_assert_ptr_eq(r, sentinel);
	ck_assert_int_eq(e->code, bc->code);
	ck_assert_msg(strcmp(e->path, bc->path) == 0, "case %d: path \"%s\", expected \"%s\" (%s)",
	              _i, e->path, bc->path, e->message);
	ck_assert_msg(strstr(e->message, bc->message) != NULL,
	              "case %d: message \"%s\" lacks \"%s\"", _i, e->message, bc->message);
	ck_assert_msg(strstr(e->message, "school.json") == e->message,
	              "case %d: message \"%s\" does not start with the source", _i, e->message);
	ck_assert_str_eq(e->source, "school.json");
	ck_assert_int_eq(e->line, bc->line);
	if (bc->code == TRIAD_EPARSE)
		ck_assert_int_gt(e->column, 0);
}
END_TEST

START_TEST(load_rejects_bad_arguments)
{
	triad_roster *r = NULL;
	ck_assert_fails(triad_roster_load(NULL, "{}", 2, NULL, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_roster_load(&r, NULL, 0, NULL, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_roster_load_file(&r, NULL, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_roster_save(NULL, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_roster_save_file(NULL, "x.json"), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(r);
}
END_TEST

/* ---- allocation failures ---------------------------------------------------- */

typedef struct sweep_ctx {
	char *text;          /* good.json, loaded for each run */
	triad_roster *r;     /* the object under test */
	char *saved;         /* text to compare with after a failure */
	int which;           /* which mutation */
} sweep_ctx;

static char *read_good(void)
{
	FILE *f = fopen(test_data_path("school/good.json"), "rb");
	ck_assert_ptr_nonnull(f);
	static char buf[16384];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static int run_load(void *p)
{
	sweep_ctx *c = p;
	c->r = NULL;
	return triad_roster_load(&c->r, c->text, strlen(c->text), "good.json", NULL);
}

static void after_load(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0) {
		ck_assert_uint_eq(triad_roster_consent_count(c->r), 7);
		triad_roster_free(c->r);
	} else {
		ck_assert_ptr_null(c->r);
	}
	c->r = NULL;
}

/* Counting jansson's allocations while it parses (no failures injected). */
static long parse_count;
static void *count_malloc(size_t n)
{
	parse_count++;
	return malloc(n);
}

/* How many allocations jansson makes to parse `text`. */
static long parse_allocations(const char *text)
{
	json_malloc_t old_malloc;
	json_free_t old_free;
	json_get_alloc_funcs(&old_malloc, &old_free);
	json_set_alloc_funcs(count_malloc, free);
	parse_count = 0;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	ck_assert_ptr_nonnull(root);
	json_decref(root);
	json_set_alloc_funcs(old_malloc, old_free);
	return parse_count;
}

/*
 * Like failalloc_sweep(), but starting after the parser's allocations:
 * jansson 2.14's lexer does not survive every allocation failure (some
 * become syntax errors, one trips an assert() in lex_scan_string), and the
 * parser is jansson's, not ours. Every allocation after it, in the loader,
 * must fail cleanly with TRIAD_ENOMEM, leak nothing and hand out no roster.
 */
static long sweep_load(sweep_ctx *c, long parsing)
{
	for (long n = parsing + 1;; n++) {
		long before = failalloc_live();
		failalloc_arm(n);
		int rc = run_load(c);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (failed)
			ck_assert_msg(rc == TRIAD_ENOMEM,
			              "allocation %ld (after parsing) failed, but the call "
			              "returned %d (%s)", n, rc, triad_error_last()->message);
		else
			ck_assert_msg(rc == 0, "run %ld returned %d (%s)", n, rc,
			              triad_error_last()->message);
		after_load(c, rc);
		ck_assert_msg(failalloc_live() == before, "allocation %ld failed: %ld leaked", n,
		              failalloc_live() - before);
		if (!failed)
			return n - parsing;
	}
}

START_TEST(load_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep_ctx c = { read_good(), NULL, NULL, 0 };
	long parsing = parse_allocations(c.text);
	ck_assert_int_gt(parsing, 50);
	/* The first failure hits the lexer and is reported as out of memory. */
	failalloc_arm(1);
	ck_assert_fails(run_load(&c), TRIAD_ENOMEM, NULL);
	failalloc_arm(0);
	after_load(&c, TRIAD_ENOMEM);
	long runs = sweep_load(&c, parsing);
	/* The roster's own allocations come after the tree's: 24 records with
	 * their strings, the arrays and the indexes. */
	ck_assert_int_gt(runs, 100);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static int run_save(void *p)
{
	sweep_ctx *c = p;
	c->saved = NULL;
	return triad_roster_save(&c->saved, c->r);
}

static void after_save(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0) {
		ck_assert_ptr_nonnull(strstr(c->saved, "\"restriction_reason\""));
		triad_free(c->saved);
	} else {
		ck_assert_ptr_null(c->saved);
	}
}

START_TEST(save_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep_ctx c = { read_good(), NULL, NULL, 0 };
	ck_assert_ok(triad_roster_load(&c.r, c.text, strlen(c.text), NULL, NULL));
	long runs = failalloc_sweep(run_save, after_save, &c);
	ck_assert_int_gt(runs, 50);
	triad_roster_free(c.r);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static int run_mutation(void *p)
{
	sweep_ctx *c = p;
	switch (c->which) {
	case 0:
		return triad_roster_add_household(c->r, "h5", "Bos household", "Esdoornlaan 1");
	case 1:
		return triad_roster_add_staff(c->r, "t4", "Dirk", "Mol", TRIAD_STAFF_TEACHER);
	case 2: {
		triad_student_info s = TRIAD_STUDENT_INFO_INIT;
		s.id = "s4"; s.given_name = "Sem"; s.family_name = "Bos"; s.birth_date = 15000;
		s.school_type = "vwo"; s.bridge_class = "havo/vwo"; s.year = 1;
		s.class_name = "1HV3"; s.mentor_id = "t3";
		return triad_roster_add_student(c->r, &s);
	}
	case 3: {
		triad_guardian_info g = TRIAD_GUARDIAN_INFO_INIT;
		g.id = "g4"; g.given_name = "Ilse"; g.family_name = "Bos"; g.household_id = "h1";
		g.language = "de";
		return triad_roster_add_guardian(c->r, &g);
	}
	case 4: {
		triad_relation_info rel = TRIAD_RELATION_INFO_INIT;
		rel.student_id = "s2"; rel.guardian_id = "sp1";
		rel.kind = TRIAD_RELATION_OTHER_CARER; rel.info_rights = TRIAD_INFO_RESTRICTED;
		rel.restriction_reason = "the child's interest";
		return triad_roster_add_relation(c->r, &rel);
	}
	case 5:
		return triad_roster_add_consent(c->r, "s3", "share_with_care_team", "m1", 1, 20000);
	default:
		return triad_roster_set_school_name(c->r, "Het Baken");
	}
}

static void after_mutation(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0) {
		/* Rebuild the starting point: the same blocks as before the run. */
		triad_roster_free(c->r);
		ck_assert_ok(triad_roster_load(&c->r, c->text, strlen(c->text), NULL, NULL));
		return;
	}
	char *now = NULL;
	ck_assert_ok(triad_roster_save(&now, c->r));
	ck_assert_str_eq(now, c->saved);
	triad_free(now);
}

START_TEST(mutations_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep_ctx c = { read_good(), NULL, NULL, _i };
	ck_assert_ok(triad_roster_load(&c.r, c.text, strlen(c.text), NULL, NULL));
	ck_assert_ok(triad_roster_save(&c.saved, c.r));
	long runs = failalloc_sweep(run_mutation, after_mutation, &c);
	ck_assert_int_ge(runs, 2);
	triad_free(c.saved);
	triad_roster_free(c.r);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("roster");
	TCase *tc = tcase_create("roster");
	tcase_add_test(tc, loads_every_field);
	tcase_add_test(tc, lookups_fail_clearly);
	tcase_add_test(tc, navigation);
	tcase_add_test(tc, built_equals_loaded);
	tcase_add_test(tc, add_rejects_bad_records);
	tcase_add_test(tc, own_school_types);
	tcase_add_test(tc, enumeration_ids);
	tcase_add_test(tc, round_trip);
	tcase_add_loop_test(tc, bad_documents, 0, (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, load_rejects_bad_arguments);
	tcase_add_test(tc, load_survives_allocation_failures);
	tcase_add_test(tc, save_survives_allocation_failures);
	tcase_add_loop_test(tc, mutations_survive_allocation_failures, 0, 7);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
