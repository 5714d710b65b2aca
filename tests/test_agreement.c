/*
 * The parent–child–school agreement: catalogue, starting from the roster,
 * editing, the lifecycle (every legal and illegal transition), signing rules
 * by age, versions, validation findings, JSON round trips and bad JSON,
 * rendering, and allocation-failure sweeps.
 *
 * The roster is tests/data/agreement/school.json:
 * - s13 (Daan Mulder, born 2013-05-10, havo year 1): separated parents m13
 *   and f13, both with parental authority, in households hA and hB;
 * - sx (Sara El Amrani, born 2009-10-01, vwo year 5): mother mx (authority,
 *   chooses to co-sign once Sara is adult), father fx (authority, separate
 *   household, information restricted by a court order), step-parent spx
 *   (no authority, information on request);
 * - staff t1 (mentor, teacher), t2 (school leader), t3 (coordinator, teacher).
 * Sara turns 15 on 2024-10-01, 16 on 2025-10-01, 17 on 2026-10-01 and 18 on
 * 2027-10-01.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static char *render(const triad_agreement *a, const triad_roster *r, triad_render_format fmt,
                    triad_lang lang);

static triad_date D(const char *iso)
{
	triad_date d = 0;
	ck_assert_msg(triad_date_parse(&d, iso) == 0, "bad test date %s", iso);
	return d;
}

static triad_roster *load_roster(void)
{
	triad_roster *r = NULL;
	ck_assert_ok(triad_roster_load_file(&r, test_data_path("agreement/school.json"), NULL));
	return r;
}

static triad_agreement *start(const triad_roster *r, const char *student, int year)
{
	triad_agreement_start_options o = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	o.school_year = year;
	triad_agreement *a = NULL;
	char id[64];
	snprintf(id, sizeof id, "agr-%s-%d", student, year);
	ck_assert_ok(triad_agreement_start(&a, id, r, student, "t1", &o));
	return a;
}

static char *snapshot(const triad_agreement *a)
{
	char *s = NULL;
	ck_assert_ok(triad_agreement_save(&s, a));
	return s;
}

/* Assert that the agreement still saves to exactly `before`, then free it. */
static void assert_unchanged(const triad_agreement *a, char *before)
{
	char *now = snapshot(a);
	ck_assert_str_eq(now, before);
	triad_free(now);
	triad_free(before);
}

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* s13's agreement for 2026-2027, proposed on 2026-09-01 and signed by all
 * four required signers (Daan, both parents, the mentor) by 2026-09-07. */
static void sign_all13(triad_agreement *a)
{
	ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
	ck_assert_ok(triad_agreement_sign(a, "s13", D("2026-09-02")));
	ck_assert_ok(triad_agreement_sign(a, "m13", D("2026-09-03")));
	ck_assert_ok(triad_agreement_sign(a, "f13", D("2026-09-07")));
	ck_assert_ok(triad_agreement_sign(a, "t1", D("2026-09-04")));
}

static triad_agreement *active13(const triad_roster *r)
{
	triad_agreement *a = start(r, "s13", 2026);
	sign_all13(a);
	ck_assert_ok(triad_agreement_activate(a, r, NULL, D("2026-09-10")));
	return a;
}

/* ---- catalogue ------------------------------------------------------------ */

START_TEST(catalogue_is_complete_and_bilingual)
{
	size_t n = triad_catalogue_count();
	/* 3 aims, 8 school, 5 parents, 4 student, 1 protocol clause. */
	ck_assert_uint_eq(n, 21);
	int per_section[6] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *id = triad_catalogue_id_at(i);
		ck_assert_ptr_nonnull(id);
		size_t found = 99;
		ck_assert_ok(triad_catalogue_find(&found, id));
		ck_assert_uint_eq(found, i); /* ids are unique */
		const char *nl = triad_catalogue_text(i, TRIAD_LANG_NL);
		const char *en = triad_catalogue_text(i, TRIAD_LANG_EN);
		ck_assert_ptr_nonnull(nl);
		ck_assert_ptr_nonnull(en);
		ck_assert_str_ne(nl, en);
		per_section[triad_catalogue_section(i)]++;
	}
	ck_assert_int_eq(per_section[TRIAD_SECTION_AIMS], 3);
	ck_assert_int_eq(per_section[TRIAD_SECTION_SCHOOL], 8);
	ck_assert_int_eq(per_section[TRIAD_SECTION_PARENTS], 5);
	ck_assert_int_eq(per_section[TRIAD_SECTION_STUDENT], 4);
	ck_assert_int_eq(per_section[TRIAD_SECTION_PROTOCOL], 1);
	size_t i;
	ck_assert_ok(triad_catalogue_find(&i, "school.positive_contact"));
	ck_assert_ptr_nonnull(strstr(triad_catalogue_text(i, TRIAD_LANG_EN), "when things go well"));
	ck_assert_fails(triad_catalogue_find(&i, "school.nonsense"), TRIAD_ENOTFOUND,
	                "school.nonsense");
	ck_assert_fails(triad_catalogue_find(NULL, "x"), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(triad_catalogue_id_at(n));
	ck_assert_ptr_null(triad_catalogue_text(0, (triad_lang)3));
	ck_assert_int_eq(triad_catalogue_section(n), TRIAD_SECTION_NONE);
	ck_assert_str_eq(triad_agreement_section_name(TRIAD_SECTION_PARENTS, TRIAD_LANG_NL),
	                 "Wat ouders toezeggen");
	ck_assert_str_eq(triad_agreement_state_id(TRIAD_AGREEMENT_TERMINATED), "terminated");
	ck_assert_str_eq(triad_party_role_id(TRIAD_PARTY_ALL), "all");
	ck_assert_str_eq(triad_commitment_kind_id(TRIAD_COMMITMENT_MAX_INTERVAL), "max_interval");
	ck_assert_str_eq(triad_period_id(TRIAD_PERIOD_REPORT_PERIOD), "report_period");
	ck_assert_str_eq(triad_severity_id(TRIAD_SEVERITY_WARNING), "warning");
	ck_assert_ptr_null(triad_agreement_state_id(TRIAD_AGREEMENT_NONE));
	ck_assert_ptr_null(triad_agreement_section_id((triad_agreement_section)6));
}
END_TEST

START_TEST(start_from_roster_and_catalogue)
{
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "s13", 2026);
	const triad_agreement_version *v = triad_agreement_latest(a);
	ck_assert_str_eq(triad_agreement_id(a), "agr-s13-2026");
	ck_assert_uint_eq(triad_agreement_version_count(a), 1);
	ck_assert_int_eq(triad_agreement_state_of(a), TRIAD_AGREEMENT_DRAFT);
	ck_assert_int_eq(triad_agreement_version_number(v), 1);
	/* Parties: the student, both parents with authority (signers on
	 * 2026-08-01, when Daan is 13), and the mentor for the school. */
	ck_assert_uint_eq(triad_agreement_version_party_count(v), 4);
	const char *ids[] = { "s13", "m13", "f13", "t1" };
	triad_party_role roles[] = { TRIAD_PARTY_STUDENT, TRIAD_PARTY_GUARDIAN,
		                     TRIAD_PARTY_GUARDIAN, TRIAD_PARTY_SCHOOL };
	for (size_t i = 0; i < 4; i++) {
		ck_assert_str_eq(triad_agreement_version_party_id(v, i), ids[i]);
		ck_assert_int_eq(triad_agreement_version_party_role(v, i), roles[i]);
	}
	ck_assert_str_eq(triad_agreement_version_student_id(v), "s13");
	ck_assert_int_eq(triad_agreement_version_has_validity(v), 1);
	ck_assert_int_eq(triad_agreement_version_valid_from(v), D("2026-08-01"));
	ck_assert_int_eq(triad_agreement_version_valid_to(v), D("2027-07-31"));
	ck_assert_str_eq(triad_agreement_version_school_type(v), "havo");
	ck_assert_int_eq(triad_agreement_version_student_year(v), 1);
	ck_assert_uint_eq(triad_agreement_version_clause_count(v), 21);
	ck_assert_uint_eq(triad_agreement_version_protocol_count(v), 6);
	ck_assert_str_eq(triad_agreement_version_protocol_subject(v, 1), "absence");
	ck_assert_uint_eq(triad_agreement_version_protocol_staff_role(v, 1), TRIAD_STAFF_COORDINATOR);
	ck_assert_int_eq(triad_agreement_version_protocol_channel(v, 1), TRIAD_CHANNEL_PHONE);
	ck_assert_int_eq(triad_agreement_version_protocol_response_days(v, 1), 1);
	ck_assert_ptr_null(triad_agreement_version_protocol_staff_id(v, 1));
	ck_assert_uint_eq(triad_agreement_version_signature_count(v), 0);
	triad_date d;
	ck_assert_fails(triad_agreement_version_date(&d, v, "proposed"), TRIAD_ENOTFOUND, NULL);
	ck_assert_fails(triad_agreement_version_date(&d, v, "signed"), TRIAD_EINVAL, "signed");

	/* Year 1: homework planning is still the parents' (the variant from
	 * year 3 does not apply). */
	const triad_clause *c = triad_agreement_version_clause(v, "parents.homework");
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(triad_clause_from_role(c), TRIAD_PARTY_GUARDIAN);
	ck_assert_ptr_null(triad_clause_from_id(c));
	ck_assert_int_eq(triad_clause_to_role(c), TRIAD_PARTY_SCHOOL);
	ck_assert_int_eq(triad_clause_category(c), TRIAD_CATEGORY_RESPONSIBILITY);
	ck_assert_int_eq(triad_clause_section(c), TRIAD_SECTION_PARENTS);
	ck_assert_ptr_nonnull(strstr(triad_clause_text(c, TRIAD_LANG_NL), "Wij helpen ons kind"));
	ck_assert_uint_eq(triad_clause_variant_count(c), 1);
	int y1 = 0, y2 = 0;
	ck_assert_ok(triad_clause_variant_years(&y1, &y2, c, 0));
	ck_assert_int_eq(y1, 3);
	ck_assert_int_eq(y2, TRIAD_SCHOOLTYPE_MAX_YEARS);
	ck_assert_int_eq(triad_clause_variant_from_role(c, 0), TRIAD_PARTY_STUDENT);
	ck_assert_ptr_nonnull(strstr(triad_clause_variant_text(c, 0, TRIAD_LANG_EN), "I plan"));
	ck_assert_fails(triad_clause_variant_years(&y1, &y2, c, 1), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(triad_clause_commitment(c));
	ck_assert_ptr_null(triad_agreement_version_clause(v, "nope"));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_ENOTFOUND);

	/* Sara in vwo year 5: the variant makes her the owner. */
	triad_agreement *b = start(r, "sx", 2026);
	c = triad_agreement_version_clause(triad_agreement_latest(b), "parents.homework");
	ck_assert_int_eq(triad_clause_from_role(c), TRIAD_PARTY_STUDENT);
	ck_assert_ptr_nonnull(strstr(triad_clause_text(c, TRIAD_LANG_EN), "I plan my homework"));
	triad_agreement_free(b);

	/* Errors. */
	triad_agreement_start_options o = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	triad_agreement *x = NULL;
	ck_assert_fails(triad_agreement_start(&x, "a", r, "s13", "t1", &o), TRIAD_EINVAL,
	                "school year 0");
	o.school_year = 2026;
	ck_assert_fails(triad_agreement_start(&x, "a", r, "s99", "t1", &o), TRIAD_ENOTFOUND, "s99");
	ck_assert_fails(triad_agreement_start(&x, "a", r, "s13", "t99", &o), TRIAD_ENOTFOUND, "t99");
	ck_assert_fails(triad_agreement_start(&x, "a b", r, "s13", "t1", &o), TRIAD_EINVAL, "a b");
	ck_assert_fails(triad_agreement_start(&x, "a", r, "s13", "t1", NULL), TRIAD_EINVAL, NULL);
	o.version = 99;
	ck_assert_fails(triad_agreement_start(&x, "a", r, "s13", "t1", &o), TRIAD_EINVAL, "version");
	ck_assert_ptr_null(x);
	ck_assert_ok(triad_agreement_start_options_init(&o, TRIAD_AGREEMENT_START_OPTIONS_VERSION));
	ck_assert_int_eq(o.with_catalogue, 1);
	ck_assert_fails(triad_agreement_start_options_init(&o, 7), TRIAD_EINVAL, NULL);
	/* Without the catalogue: parties and validity only. */
	o.school_year = 2026;
	o.with_catalogue = 0;
	ck_assert_ok(triad_agreement_start(&x, "bare", r, "s13", "t2", &o));
	ck_assert_uint_eq(triad_agreement_version_clause_count(triad_agreement_latest(x)), 0);
	ck_assert_uint_eq(triad_agreement_version_protocol_count(triad_agreement_latest(x)), 0);
	ck_assert_str_eq(triad_agreement_version_party_id(triad_agreement_latest(x), 3), "t2");
	triad_agreement_free(x);
	triad_agreement_free(a);
	triad_roster_free(r);
	triad_agreement_free(NULL);
}
END_TEST

START_TEST(commitments_for_the_contact_log)
{
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "s13", 2026);
	const triad_agreement_version *v = triad_agreement_latest(a);
	/* Catalogue clauses with a commitment, in clause order: introduction,
	 * positive contact, regular contact, conferences, early concern,
	 * parents attend, protocol. */
	ck_assert_uint_eq(triad_agreement_version_commitment_count(v), 7);
	const triad_commitment *m = triad_agreement_version_commitment_at(v, 1);
	ck_assert_str_eq(triad_clause_id(triad_commitment_clause(m)), "school.positive_contact");
	ck_assert_int_eq(triad_commitment_kind_of(m), TRIAD_COMMITMENT_MIN_COUNT);
	ck_assert_int_eq(triad_commitment_contact_kind(m), TRIAD_CONTACT_POSITIVE_NOTE);
	ck_assert_int_eq(triad_commitment_count(m), 2);
	ck_assert_int_eq(triad_commitment_period(m), TRIAD_PERIOD_SCHOOL_YEAR);
	ck_assert_int_eq(triad_commitment_weeks(m), 0);
	ck_assert_int_eq(triad_commitment_from_role(m), TRIAD_PARTY_SCHOOL);
	ck_assert_ptr_null(triad_commitment_from_id(m));
	ck_assert_int_eq(triad_commitment_to_role(m), TRIAD_PARTY_GUARDIAN);
	ck_assert_ptr_null(triad_commitment_to_id(m));
	m = triad_agreement_version_commitment_at(v, 2);
	ck_assert_int_eq(triad_commitment_kind_of(m), TRIAD_COMMITMENT_MAX_INTERVAL);
	ck_assert_int_eq(triad_commitment_contact_kind(m), TRIAD_CONTACT_MENTOR_CALL);
	ck_assert_int_eq(triad_commitment_weeks(m), 10);
	m = triad_agreement_version_commitment_at(v, 4);
	ck_assert_int_eq(triad_commitment_kind_of(m), TRIAD_COMMITMENT_RESPONSE_TIME);
	ck_assert_int_eq(triad_commitment_contact_kind(m), TRIAD_CONTACT_CONCERN);
	ck_assert_int_eq(triad_commitment_days(m), 2);
	m = triad_agreement_version_commitment_at(v, 5);
	ck_assert_str_eq(triad_clause_id(triad_commitment_clause(m)), "parents.attend");
	ck_assert_int_eq(triad_commitment_from_role(m), TRIAD_PARTY_GUARDIAN);
	ck_assert_ptr_null(triad_agreement_version_commitment_at(v, 7));

	/* A commitment owed by one parent to the school, set through the API. */
	ck_assert_ok(triad_agreement_add_clause(a, "own.call", TRIAD_SECTION_PARENTS,
	                                        TRIAD_CATEGORY_INVOLVEMENT_SCHOOL,
	                                        TRIAD_PARTY_GUARDIAN, "f13", TRIAD_PARTY_SCHOOL,
	                                        "t1"));
	ck_assert_ok(triad_agreement_clause_set_min_count(a, "own.call", TRIAD_CONTACT_MENTOR_CALL,
	                                                  3, TRIAD_PERIOD_REPORT_PERIOD));
	m = triad_clause_commitment(triad_agreement_version_clause(v, "own.call"));
	ck_assert_int_eq(triad_commitment_count(m), 3);
	ck_assert_str_eq(triad_commitment_from_id(m), "f13");
	ck_assert_str_eq(triad_commitment_to_id(m), "t1");
	ck_assert_ok(triad_agreement_clause_set_response_time(a, "own.call", TRIAD_CONTACT_NONE, 4));
	m = triad_clause_commitment(triad_agreement_version_clause(v, "own.call"));
	ck_assert_int_eq(triad_commitment_kind_of(m), TRIAD_COMMITMENT_RESPONSE_TIME);
	ck_assert_int_eq(triad_commitment_count(m), 0);
	ck_assert_int_eq(triad_commitment_days(m), 4);
	ck_assert_ok(triad_agreement_clause_clear_commitment(a, "own.call"));
	ck_assert_ptr_null(triad_clause_commitment(triad_agreement_version_clause(v, "own.call")));
	ck_assert_uint_eq(triad_agreement_version_commitment_count(v), 7);
	/* Bad commitments leave the clause as it was. */
	ck_assert_fails(triad_agreement_clause_set_min_count(a, "own.call", TRIAD_CONTACT_NONE, 1,
	                                                     TRIAD_PERIOD_MONTH),
	                TRIAD_EINVAL, "contact kind");
	ck_assert_fails(triad_agreement_clause_set_min_count(a, "own.call", TRIAD_CONTACT_INTAKE, 0,
	                                                     TRIAD_PERIOD_MONTH),
	                TRIAD_EINVAL, "count 0");
	ck_assert_fails(triad_agreement_clause_set_min_count(a, "own.call", TRIAD_CONTACT_INTAKE, 1,
	                                                     TRIAD_PERIOD_NONE),
	                TRIAD_EINVAL, "period");
	ck_assert_fails(triad_agreement_clause_set_max_interval(a, "own.call",
	                                                        TRIAD_CONTACT_INTAKE, 53),
	                TRIAD_EINVAL, "53 school weeks");
	ck_assert_fails(triad_agreement_clause_set_response_time(a, "own.call",
	                                                         TRIAD_CONTACT_INTAKE, 61),
	                TRIAD_EINVAL, "61 school days");
	ck_assert_fails(triad_agreement_clause_set_max_interval(a, "nope", TRIAD_CONTACT_INTAKE, 5),
	                TRIAD_ENOTFOUND, "nope");
	ck_assert_ptr_null(triad_clause_commitment(triad_agreement_version_clause(v, "own.call")));
	/* NULL handles read as empty. */
	ck_assert_int_eq(triad_commitment_kind_of(NULL), TRIAD_COMMITMENT_NONE);
	ck_assert_ptr_null(triad_commitment_from_id(NULL));
	ck_assert_int_eq(triad_clause_from_role(NULL), TRIAD_PARTY_NONE);
	ck_assert_uint_eq(triad_agreement_version_commitment_count(NULL), 0);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

/* ---- editing --------------------------------------------------------------- */

START_TEST(editing_a_draft)
{
	triad_roster *r = load_roster();
	triad_agreement *a = NULL;
	ck_assert_ok(triad_agreement_new(&a, "custom-1"));
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_STUDENT, "s13"));
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_GUARDIAN, "m13"));
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_SCHOOL, "t2"));
	char *before = snapshot(a);
	ck_assert_fails(triad_agreement_add_party(a, TRIAD_PARTY_GUARDIAN, "m13"), TRIAD_EEXISTS,
	                "m13");
	ck_assert_fails(triad_agreement_add_party(a, TRIAD_PARTY_STUDENT, "sx"), TRIAD_EINVAL,
	                "already has a student party");
	ck_assert_fails(triad_agreement_add_party(a, TRIAD_PARTY_ALL, "zz"), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_agreement_add_party(a, TRIAD_PARTY_GUARDIAN, "has space"),
	                TRIAD_EINVAL, "has space");
	ck_assert_fails(triad_agreement_add_party(a, TRIAD_PARTY_GUARDIAN, NULL), TRIAD_EINVAL,
	                NULL);
	assert_unchanged(a, before);

	ck_assert_ok(triad_agreement_add_clause(a, "c.one", TRIAD_SECTION_PARENTS,
	                                        TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                        TRIAD_PARTY_GUARDIAN, "m13", TRIAD_PARTY_ALL,
	                                        NULL));
	ck_assert_ok(triad_agreement_clause_set_text(a, "c.one", "Wij lezen mee.", "We read along."));
	const triad_clause *c = triad_agreement_version_clause(triad_agreement_latest(a), "c.one");
	ck_assert_str_eq(triad_clause_text(c, TRIAD_LANG_NL), "Wij lezen mee.");
	ck_assert_str_eq(triad_clause_text(c, TRIAD_LANG_EN), "We read along.");
	ck_assert_int_eq(triad_clause_is_free_text(c), 0);
	ck_assert_ok(triad_agreement_clause_set_free_text(a, "c.one", "Afspraak: elke week één boek."));
	ck_assert_str_eq(triad_clause_text(c, TRIAD_LANG_EN), "Afspraak: elke week één boek.");
	ck_assert_int_eq(triad_clause_is_free_text(c), 1);
	ck_assert_ok(triad_agreement_clause_add_variant(a, "c.one", 3, 4, TRIAD_PARTY_STUDENT, NULL,
	                                                "Ik lees zelf.", "I read myself."));

	before = snapshot(a);
	ck_assert_fails(triad_agreement_clause_add_variant(a, "c.one", 4, 6, TRIAD_PARTY_STUDENT,
	                                                   NULL, "x", "y"),
	                TRIAD_EINVAL, "overlap the variant for years 3..4");
	ck_assert_fails(triad_agreement_clause_add_variant(a, "c.one", 6, 5, TRIAD_PARTY_STUDENT,
	                                                   NULL, "x", "y"),
	                TRIAD_EINVAL, "backwards");
	ck_assert_fails(triad_agreement_clause_add_variant(a, "c.one", 5, 13, TRIAD_PARTY_STUDENT,
	                                                   NULL, "x", "y"),
	                TRIAD_EINVAL, "13");
	ck_assert_fails(triad_agreement_clause_add_variant(a, "c.one", 5, 6, TRIAD_PARTY_GUARDIAN,
	                                                   "f13", "x", "y"),
	                TRIAD_ENOTFOUND, "f13");
	ck_assert_fails(triad_agreement_clause_add_variant(a, "c.one", 5, 6, TRIAD_PARTY_STUDENT,
	                                                   NULL, "x", ""),
	                TRIAD_EINVAL, "English");
	ck_assert_fails(triad_agreement_add_clause(a, "c.one", TRIAD_SECTION_PARENTS,
	                                           TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                           TRIAD_PARTY_GUARDIAN, NULL, TRIAD_PARTY_ALL, NULL),
	                TRIAD_EEXISTS, "c.one");
	ck_assert_fails(triad_agreement_add_clause(a, "c.two", TRIAD_SECTION_PARENTS,
	                                           TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                           TRIAD_PARTY_GUARDIAN, "t2", TRIAD_PARTY_ALL, NULL),
	                TRIAD_ENOTFOUND, "another role");
	ck_assert_fails(triad_agreement_add_clause(a, "c.two", TRIAD_SECTION_PARENTS,
	                                           TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                           TRIAD_PARTY_GUARDIAN, NULL, TRIAD_PARTY_ALL, "s13"),
	                TRIAD_EINVAL, "\"all\" takes no party id");
	ck_assert_fails(triad_agreement_add_clause(a, "c.two", TRIAD_SECTION_NONE,
	                                           TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                           TRIAD_PARTY_GUARDIAN, NULL, TRIAD_PARTY_ALL, NULL),
	                TRIAD_EINVAL, "section");
	ck_assert_fails(triad_agreement_add_clause(a, "c.two", TRIAD_SECTION_PARENTS,
	                                           (triad_category)99, TRIAD_PARTY_GUARDIAN, NULL,
	                                           TRIAD_PARTY_ALL, NULL),
	                TRIAD_EINVAL, "category");
	ck_assert_fails(triad_agreement_add_clause(a, "c.two", TRIAD_SECTION_PARENTS,
	                                           TRIAD_CATEGORY_INVOLVEMENT_HOME, TRIAD_PARTY_ALL,
	                                           NULL, TRIAD_PARTY_ALL, NULL),
	                TRIAD_EINVAL, "owner");
	ck_assert_fails(triad_agreement_clause_set_text(a, "c.one", "nl", "\xff"), TRIAD_EINVAL,
	                "English");
	ck_assert_fails(triad_agreement_clause_set_text(a, "nope", "nl", "en"), TRIAD_ENOTFOUND,
	                "nope");
	ck_assert_fails(triad_agreement_remove_party(a, "m13"), TRIAD_ESTATE, "c.one");
	ck_assert_fails(triad_agreement_remove_party(a, "zz"), TRIAD_ENOTFOUND, "zz");
	ck_assert_fails(triad_agreement_remove_clause(a, "zz"), TRIAD_ENOTFOUND, "zz");
	ck_assert_fails(triad_agreement_add_catalogue_clause(a, "zz"), TRIAD_ENOTFOUND, "zz");
	ck_assert_fails(triad_agreement_set_validity(a, D("2026-08-01"), D("2026-07-31")),
	                TRIAD_EINVAL, "ends (2026-07-31) before it starts (2026-08-01)");
	ck_assert_fails(triad_agreement_set_school_year(a, 0), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_agreement_set_student_year(a, "havo", 0), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_agreement_set_protocol(a, "Absence", TRIAD_STAFF_MENTOR, NULL,
	                                             TRIAD_CHANNEL_PHONE, 1),
	                TRIAD_EINVAL, "Absence");
	ck_assert_fails(triad_agreement_set_protocol(a, "absence", TRIAD_STAFF_MENTOR, "t1",
	                                             TRIAD_CHANNEL_PHONE, 1),
	                TRIAD_EINVAL, "not both");
	ck_assert_fails(triad_agreement_set_protocol(a, "absence", 0, NULL, TRIAD_CHANNEL_PHONE, 1),
	                TRIAD_EINVAL, "neither");
	ck_assert_fails(triad_agreement_set_protocol(a, "absence", 3, NULL, TRIAD_CHANNEL_PHONE, 1),
	                TRIAD_EINVAL, "not one staff role");
	ck_assert_fails(triad_agreement_set_protocol(a, "absence", TRIAD_STAFF_MENTOR, NULL,
	                                             TRIAD_CHANNEL_NONE, 1),
	                TRIAD_EINVAL, "channel");
	ck_assert_fails(triad_agreement_set_protocol(a, "absence", TRIAD_STAFF_MENTOR, NULL,
	                                             TRIAD_CHANNEL_PHONE, 0),
	                TRIAD_EINVAL, "0 school days");
	ck_assert_fails(triad_agreement_remove_protocol(a, "absence"), TRIAD_ENOTFOUND, "absence");
	assert_unchanged(a, before);

	/* Protocol: set, replace, remove. */
	ck_assert_ok(triad_agreement_set_protocol(a, "absence", TRIAD_STAFF_MENTOR, NULL,
	                                          TRIAD_CHANNEL_PHONE, 1));
	ck_assert_ok(triad_agreement_set_protocol(a, "sport-trips", 0, "t3", TRIAD_CHANNEL_EMAIL, 5));
	ck_assert_ok(triad_agreement_set_protocol(a, "absence", 0, "t3", TRIAD_CHANNEL_MESSAGE, 2));
	const triad_agreement_version *v = triad_agreement_latest(a);
	ck_assert_uint_eq(triad_agreement_version_protocol_count(v), 2);
	ck_assert_str_eq(triad_agreement_version_protocol_staff_id(v, 0), "t3");
	ck_assert_uint_eq(triad_agreement_version_protocol_staff_role(v, 0), 0);
	ck_assert_int_eq(triad_agreement_version_protocol_channel(v, 0), TRIAD_CHANNEL_MESSAGE);
	ck_assert_ok(triad_agreement_remove_protocol(a, "absence"));
	ck_assert_str_eq(triad_agreement_version_protocol_subject(v, 0), "sport-trips");

	/* Parties and clauses: change, remove. */
	ck_assert_ok(triad_agreement_clause_set_parties(a, "c.one", TRIAD_PARTY_GUARDIAN, NULL,
	                                                TRIAD_PARTY_STUDENT, "s13"));
	ck_assert_ok(triad_agreement_remove_party(a, "m13"));
	ck_assert_uint_eq(triad_agreement_version_party_count(v), 2);
	ck_assert_ok(triad_agreement_remove_clause(a, "c.one"));
	ck_assert_uint_eq(triad_agreement_version_clause_count(v), 0);
	ck_assert_ok(triad_agreement_add_catalogue_clause(a, "student.effort"));
	ck_assert_fails(triad_agreement_add_catalogue_clause(a, "student.effort"), TRIAD_EEXISTS,
	                NULL);
	ck_assert_ok(triad_agreement_set_validity(a, D("2026-09-01"), D("2027-06-30")));
	ck_assert_int_eq(triad_agreement_version_valid_to(v), D("2027-06-30"));
	ck_assert_ok(triad_agreement_set_student_year(a, "havo", 2));
	ck_assert_int_eq(triad_agreement_version_student_year(v), 2);
	ck_assert_uint_eq(triad_agreement_version_count(a), 1);
	ck_assert_fails(triad_agreement_new(&a, ""), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_agreement_new(NULL, "x"), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_agreement_set_school_year(NULL, 2026), TRIAD_EINVAL, NULL);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

/* ---- lifecycle ---------------------------------------------------------------- */

enum { OP_PROPOSE, OP_WITHDRAW, OP_SIGN, OP_ACTIVATE, OP_EXPIRE, OP_TERMINATE, OP_EDIT, N_OPS };

static triad_agreement *in_state(const triad_roster *r, triad_agreement_state s)
{
	triad_agreement *a = start(r, "s13", 2026);
	if (s == TRIAD_AGREEMENT_DRAFT)
		return a;
	if (s == TRIAD_AGREEMENT_PROPOSED) {
		ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
		return a;
	}
	sign_all13(a);
	ck_assert_ok(triad_agreement_activate(a, r, NULL, D("2026-09-10")));
	if (s == TRIAD_AGREEMENT_EXPIRED)
		ck_assert_ok(triad_agreement_expire(a, D("2027-08-01")));
	if (s == TRIAD_AGREEMENT_TERMINATED)
		ck_assert_ok(triad_agreement_terminate(a, D("2027-01-15"), "the family moved abroad"));
	ck_assert_int_eq(triad_agreement_state_of(a), s);
	return a;
}

static int do_op(triad_agreement *a, const triad_roster *r, int op)
{
	switch (op) {
	case OP_PROPOSE: return triad_agreement_propose(a, D("2026-09-01"));
	case OP_WITHDRAW: return triad_agreement_withdraw(a);
	case OP_SIGN: return triad_agreement_sign(a, "s13", D("2026-09-02"));
	case OP_ACTIVATE: return triad_agreement_activate(a, r, NULL, D("2026-09-10"));
	case OP_EXPIRE: return triad_agreement_expire(a, D("2027-08-01"));
	case OP_TERMINATE: return triad_agreement_terminate(a, D("2027-01-15"), "moved");
	default:
		return triad_agreement_clause_set_text(a, "student.effort", "Ik doe mijn best.",
		                                       "I do my best.");
	}
}

START_TEST(every_transition_legal_or_refused)
{
	triad_roster *r = load_roster();
	/* expect[state - 1][op]: the state afterwards, or 0 when refused with
	 * TRIAD_ESTATE. Signing keeps "proposed"; activating a proposal without
	 * signatures is refused; editing an active agreement starts version 2 as
	 * a draft (state_of reports the latest version). */
	static const triad_agreement_state expect[5][N_OPS] = {
		/* propose, withdraw, sign, activate, expire, terminate, edit */
		{ TRIAD_AGREEMENT_PROPOSED, 0, 0, 0, 0, 0, TRIAD_AGREEMENT_DRAFT },   /* draft */
		{ 0, TRIAD_AGREEMENT_DRAFT, TRIAD_AGREEMENT_PROPOSED, 0, 0, 0, 0 },   /* proposed */
		{ 0, 0, 0, 0, TRIAD_AGREEMENT_EXPIRED, TRIAD_AGREEMENT_TERMINATED,
		  TRIAD_AGREEMENT_DRAFT },                                            /* active */
		{ 0, 0, 0, 0, 0, 0, 0 },                                              /* expired */
		{ 0, 0, 0, 0, 0, 0, 0 },                                              /* terminated */
	};
	for (int s = TRIAD_AGREEMENT_DRAFT; s <= TRIAD_AGREEMENT_TERMINATED; s++)
		for (int op = 0; op < N_OPS; op++) {
			triad_agreement *a = in_state(r, (triad_agreement_state)s);
			char *before = snapshot(a);
			int rc = do_op(a, r, op);
			triad_agreement_state want = expect[s - 1][op];
			if (want) {
				ck_assert_msg(rc == 0, "state %d op %d: %s", s, op,
				              triad_error_last()->message);
				ck_assert_int_eq(triad_agreement_state_of(a), want);
				triad_free(before);
			} else {
				ck_assert_msg(rc == TRIAD_ESTATE, "state %d op %d returned %d", s, op, rc);
				ck_assert_int_eq(triad_error_last()->code, TRIAD_ESTATE);
				assert_unchanged(a, before);
			}
			/* Editing an active agreement amends it: version 2. */
			size_t versions = s == TRIAD_AGREEMENT_ACTIVE && op == OP_EDIT ? 2 : 1;
			ck_assert_uint_eq(triad_agreement_version_count(a), versions);
			triad_agreement_free(a);
		}
	triad_roster_free(r);
}
END_TEST

START_TEST(lifecycle_details)
{
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "s13", 2026);
	ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
	const triad_agreement_version *v = triad_agreement_latest(a);
	triad_date d = 0;
	ck_assert_ok(triad_agreement_version_date(&d, v, "proposed"));
	ck_assert_int_eq(d, D("2026-09-01"));
	/* Signing: parties only, once, not before the proposal. */
	ck_assert_fails(triad_agreement_sign(a, "spx", D("2026-09-02")), TRIAD_ENOTFOUND,
	                "\"spx\" is not a party");
	ck_assert_fails(triad_agreement_sign(a, "m13", D("2026-08-31")), TRIAD_ERANGE,
	                "before version 1 was proposed (2026-09-01)");
	ck_assert_ok(triad_agreement_sign(a, "m13", D("2026-09-03")));
	ck_assert_fails(triad_agreement_sign(a, "m13", D("2026-09-04")), TRIAD_EEXISTS,
	                "already signed version 1 on 2026-09-03");
	ck_assert_uint_eq(triad_agreement_version_signature_count(v), 1);
	ck_assert_str_eq(triad_agreement_version_signature_id(v, 0), "m13");
	ck_assert_int_eq(triad_agreement_version_signature_role(v, 0), TRIAD_PARTY_GUARDIAN);
	ck_assert_int_eq(triad_agreement_version_signature_date(v, 0), D("2026-09-03"));
	ck_assert_ptr_null(triad_agreement_version_signature_id(v, 1));
	/* Three of four required signatures are missing; the message names them. */
	ck_assert_fails(triad_agreement_activate(a, r, NULL, D("2026-09-10")), TRIAD_ESTATE,
	                "3 required signatures are missing: \"s13\", \"f13\", \"t1\"");
	/* Withdrawing drops the signatures. */
	ck_assert_ok(triad_agreement_withdraw(a));
	ck_assert_uint_eq(triad_agreement_version_signature_count(v), 0);
	ck_assert_fails(triad_agreement_version_date(&d, v, "proposed"), TRIAD_ENOTFOUND, NULL);
	sign_all13(a);
	/* Not before the last signature (f13 on 2026-09-07), not after the end. */
	ck_assert_fails(triad_agreement_activate(a, r, NULL, D("2026-09-06")), TRIAD_ERANGE,
	                "before \"f13\" signed (2026-09-07)");
	ck_assert_fails(triad_agreement_activate(a, r, NULL, D("2027-08-01")), TRIAD_ERANGE,
	                "after the validity ends (2027-07-31)");
	ck_assert_fails(triad_agreement_activate(a, NULL, NULL, D("2026-09-10")), TRIAD_EINVAL,
	                NULL);
	ck_assert_int_eq(triad_agreement_state_of(a), TRIAD_AGREEMENT_PROPOSED);
	ck_assert_ok(triad_agreement_activate(a, r, NULL, D("2026-09-07")));
	ck_assert_ok(triad_agreement_version_date(&d, v, "activated"));
	ck_assert_int_eq(d, D("2026-09-07"));
	/* Expiry is judged against the as-of date passed in. */
	ck_assert_fails(triad_agreement_expire(a, D("2027-07-31")), TRIAD_ESTATE,
	                "valid until 2027-07-31, so it has not expired on 2027-07-31");
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2027-07-31")), v);
	ck_assert_ptr_null(triad_agreement_in_force(a, D("2027-08-01")));
	ck_assert_ptr_null(triad_agreement_in_force(a, D("2026-09-06")));
	ck_assert_fails(triad_agreement_terminate(a, D("2026-09-06"), "x"), TRIAD_ERANGE,
	                "before version 1 became active (2026-09-07)");
	ck_assert_fails(triad_agreement_terminate(a, D("2026-10-06"), ""), TRIAD_EINVAL, "reason");
	ck_assert_ok(triad_agreement_expire(a, D("2027-08-01")));
	ck_assert_ok(triad_agreement_version_date(&d, v, "ended"));
	ck_assert_int_eq(d, D("2027-08-01"));
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2027-07-31")), v);
	ck_assert_ptr_null(triad_agreement_version_end_reason(v));
	ck_assert_fails(triad_agreement_propose(NULL, 0), TRIAD_EINVAL, NULL);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

/* ---- signing rules by age --------------------------------------------------------- */

/* Sara's agreement for the school year starting in `year`, proposed on
 * 1 September; `signers` sign on `on`; activation on `on`. */
static int sign_and_activate(const triad_roster *r, int year, const char *const *signers,
                             triad_date on, triad_agreement **out)
{
	triad_agreement *a = start(r, "sx", year);
	char prop[16];
	snprintf(prop, sizeof prop, "%d-09-01", year);
	ck_assert_ok(triad_agreement_propose(a, D(prop)));
	for (const char *const *s = signers; *s; s++)
		ck_assert_ok(triad_agreement_sign(a, *s, on));
	int rc = triad_agreement_activate(a, r, NULL, on);
	*out = a;
	return rc;
}

START_TEST(signing_rules_at_15_16_17_18)
{
	triad_roster *r = load_roster();
	static const char *const child_parents_school[] = { "sx", "mx", "fx", "t1", NULL };
	static const char *const without_father[] = { "sx", "mx", "t1", NULL };
	static const struct {
		int school_year;
		const char *on;
		int age;
	} cases[] = {
		{ 2025, "2025-09-30", 15 }, /* the day before turning 16 */
		{ 2025, "2025-10-01", 16 }, /* consent moves to Sara, signing does not */
		{ 2026, "2026-10-01", 17 },
		{ 2027, "2027-09-30", 17 }, /* the day before turning 18 */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		triad_date on = D(cases[i].on);
		/* Under 18 both parents with authority sign, the father too although
		 * his information is restricted: restriction is not loss of authority. */
		triad_agreement *a = NULL;
		ck_assert_fails(sign_and_activate(r, cases[i].school_year, without_father, on, &a),
		                TRIAD_ESTATE, "1 required signature is missing: \"fx\"");
		ck_assert_ok(triad_agreement_sign(a, "fx", on));
		ck_assert_ok(triad_agreement_activate(a, r, NULL, on));
		triad_agreement_free(a);
		/* The consent rule moves at 16 (the people module's policy). */
		triad_strlist *consenters = NULL;
		ck_assert_ok(triad_policy_consenters(&consenters, r, NULL, "sx", on));
		ck_assert_int_eq(triad_strlist_contains(consenters, "sx"), cases[i].age >= 16);
		ck_assert_int_eq(triad_strlist_contains(consenters, "mx"), cases[i].age < 16);
		triad_strlist_free(consenters);
	}
	/* From 18 (2027-10-01) Sara signs with the parent she chose (mx): the
	 * father's signature is neither needed nor a right. */
	triad_agreement *a = NULL;
	ck_assert_ok(sign_and_activate(r, 2027, without_father, D("2027-10-01"), &a));
	ck_assert_int_eq(triad_agreement_state_of(a), TRIAD_AGREEMENT_ACTIVE);
	triad_agreement_free(a);
	/* Signed by the father as well on her 18th birthday: a finding. */
	ck_assert_ok(sign_and_activate(r, 2027, child_parents_school, D("2027-10-01"), &a));
	triad_agreement_findings *f = NULL;
	ck_assert_ok(triad_agreement_validate(&f, a, r, NULL, 0));
	size_t found = 0;
	for (size_t i = 0; i < triad_agreement_findings_count(f); i++)
		if (strcmp(triad_agreement_finding_code(f, i), "signature.no_right") == 0) {
			found++;
			ck_assert_str_eq(triad_agreement_finding_location(f, i), "signatures[2]");
			ck_assert_ptr_nonnull(strstr(triad_agreement_finding_message(f, i, TRIAD_LANG_EN),
			                             "\"fx\" signed on 2027-10-01"));
		}
	ck_assert_uint_eq(found, 1);
	triad_agreement_findings_free(f);
	triad_agreement_free(a);
	/* Printed, the active agreement has blocks for the three who had to sign
	 * on 2027-10-01 and for the father, who signed anyway. */
	ck_assert_ok(sign_and_activate(r, 2027, child_parents_school, D("2027-10-01"), &a));
	char *txt = render(a, r, TRIAD_RENDER_TEXT, TRIAD_LANG_EN);
	ck_assert_uint_eq(count_of(txt, "Signed on 2027-10-01"), 4);
	ck_assert_ptr_nonnull(strstr(txt, "For the school: Anna Smit (t1)\nSigned on 2027-10-01\n\n"
	                                  "Parent or guardian: Karim El Amrani (fx)"));
	triad_free(txt);
	triad_agreement_free(a);
	/* The step-parent (no authority) never has the right, at any age. */
	a = start(r, "sx", 2025);
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_GUARDIAN, "spx"));
	ck_assert_ok(triad_agreement_propose(a, D("2025-09-01")));
	ck_assert_ok(triad_agreement_sign(a, "spx", D("2025-09-02")));
	ck_assert_ok(triad_agreement_validate(&f, a, r, NULL, 0));
	found = 0;
	for (size_t i = 0; i < triad_agreement_findings_count(f); i++)
		found += strcmp(triad_agreement_finding_code(f, i), "signature.no_right") == 0;
	ck_assert_uint_eq(found, 1);
	triad_agreement_findings_free(f);
	triad_agreement_free(a);
	/* A stricter policy (majority at 17) moves the rule with it. */
	triad_policy_options p = TRIAD_POLICY_OPTIONS_INIT;
	p.majority_age = 17;
	a = start(r, "sx", 2026);
	ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
	for (size_t i = 0; without_father[i]; i++)
		ck_assert_ok(triad_agreement_sign(a, without_father[i], D("2026-10-01")));
	ck_assert_fails(triad_agreement_activate(a, r, NULL, D("2026-10-01")), TRIAD_ESTATE, "fx");
	ck_assert_ok(triad_agreement_activate(a, r, &p, D("2026-10-01")));
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

START_TEST(separated_parents_both_sign)
{
	/* Daan (13) has two separated parents with authority in two households:
	 * both are parties and both must sign; either alone is not enough. */
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "s13", 2026);
	ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
	ck_assert_ok(triad_agreement_sign(a, "s13", D("2026-09-02")));
	ck_assert_ok(triad_agreement_sign(a, "t1", D("2026-09-02")));
	ck_assert_ok(triad_agreement_sign(a, "m13", D("2026-09-02")));
	ck_assert_fails(triad_agreement_activate(a, r, NULL, D("2026-09-03")), TRIAD_ESTATE,
	                "missing: \"f13\"");
	ck_assert_ok(triad_agreement_sign(a, "f13", D("2026-09-05")));
	ck_assert_ok(triad_agreement_activate(a, r, NULL, D("2026-09-05")));
	/* A parent removed from the agreement is still required: activation
	 * names the missing signer as not a party. */
	triad_agreement *b = start(r, "s13", 2026);
	ck_assert_ok(triad_agreement_remove_party(b, "f13"));
	ck_assert_ok(triad_agreement_propose(b, D("2026-09-01")));
	ck_assert_ok(triad_agreement_sign(b, "s13", D("2026-09-02")));
	ck_assert_ok(triad_agreement_sign(b, "m13", D("2026-09-02")));
	ck_assert_ok(triad_agreement_sign(b, "t1", D("2026-09-02")));
	ck_assert_fails(triad_agreement_activate(b, r, NULL, D("2026-09-03")), TRIAD_ESTATE,
	                "\"f13\" (not a party)");
	triad_agreement_free(b);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

/* ---- versions ------------------------------------------------------------------------ */

START_TEST(amendments_make_versions)
{
	triad_roster *r = load_roster();
	triad_agreement *a = active13(r);
	const triad_agreement_version *v1 = triad_agreement_version_at(a, 1);
	const char *old_text = "In de eerste weken van het schooljaar";
	/* Changing the active agreement creates version 2 as a draft. */
	ck_assert_ok(triad_agreement_clause_set_text(a, "school.introduction",
	                                             "Voor de zomervakantie maken we kennis.",
	                                             "We meet before the summer holidays."));
	ck_assert_uint_eq(triad_agreement_version_count(a), 2);
	v1 = triad_agreement_version_at(a, 1);
	const triad_agreement_version *v2 = triad_agreement_version_at(a, 2);
	ck_assert_int_eq(triad_agreement_version_state(v1), TRIAD_AGREEMENT_ACTIVE);
	ck_assert_int_eq(triad_agreement_version_state(v2), TRIAD_AGREEMENT_DRAFT);
	ck_assert_int_eq(triad_agreement_version_number(v2), 2);
	ck_assert_int_eq(triad_agreement_state_of(a), TRIAD_AGREEMENT_DRAFT);
	ck_assert_ptr_eq(triad_agreement_latest(a), v2);
	ck_assert_ptr_nonnull(strstr(triad_clause_text(triad_agreement_version_clause(v1,
	                                               "school.introduction"), TRIAD_LANG_NL),
	                             old_text));
	ck_assert_str_eq(triad_clause_text(triad_agreement_version_clause(v2, "school.introduction"),
	                                   TRIAD_LANG_EN),
	                 "We meet before the summer holidays.");
	ck_assert_uint_eq(triad_agreement_version_signature_count(v1), 4);
	ck_assert_uint_eq(triad_agreement_version_signature_count(v2), 0);
	ck_assert_uint_eq(triad_agreement_version_party_count(v2), 4);
	/* Further edits change the draft in place. */
	ck_assert_ok(triad_agreement_remove_clause(a, "aims.not_a_condition"));
	ck_assert_uint_eq(triad_agreement_version_count(a), 2);
	ck_assert_uint_eq(triad_agreement_version_clause_count(v2), 20);
	ck_assert_uint_eq(triad_agreement_version_clause_count(v1), 21);
	/* The active version stays in force until the new one is. */
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2026-11-02")), v1);
	ck_assert_ok(triad_agreement_propose(a, D("2026-11-01")));
	ck_assert_ok(triad_agreement_sign(a, "s13", D("2026-11-02")));
	ck_assert_ok(triad_agreement_sign(a, "m13", D("2026-11-02")));
	ck_assert_ok(triad_agreement_sign(a, "f13", D("2026-11-02")));
	ck_assert_ok(triad_agreement_sign(a, "t1", D("2026-11-03")));
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2026-11-03")), v1);
	ck_assert_fails(triad_agreement_activate(a, r, NULL, D("2026-11-02")), TRIAD_ERANGE,
	                "before \"t1\" signed (2026-11-03)");
	ck_assert_ok(triad_agreement_activate(a, r, NULL, D("2026-11-03")));
	ck_assert_int_eq(triad_agreement_version_state(v1), TRIAD_AGREEMENT_EXPIRED);
	ck_assert_int_eq(triad_agreement_version_state(v2), TRIAD_AGREEMENT_ACTIVE);
	triad_date d;
	ck_assert_ok(triad_agreement_version_date(&d, v1, "ended"));
	ck_assert_int_eq(d, D("2026-11-03"));
	ck_assert_ptr_null(triad_agreement_in_force(a, D("2026-09-09")));
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2026-09-10")), v1);
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2026-11-02")), v1);
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2026-11-03")), v2);
	/* A third version is pending when the agreement is terminated: both end. */
	ck_assert_ok(triad_agreement_add_catalogue_clause(a, "aims.not_a_condition"));
	ck_assert_uint_eq(triad_agreement_version_count(a), 3);
	const triad_agreement_version *v3 = triad_agreement_version_at(a, 3);
	ck_assert_ok(triad_agreement_terminate(a, D("2027-01-01"), "Daan moved to another school"));
	ck_assert_int_eq(triad_agreement_version_state(v2), TRIAD_AGREEMENT_TERMINATED);
	ck_assert_int_eq(triad_agreement_version_state(v3), TRIAD_AGREEMENT_TERMINATED);
	ck_assert_str_eq(triad_agreement_version_end_reason(v2), "Daan moved to another school");
	ck_assert_ptr_eq(triad_agreement_in_force(a, D("2026-12-31")), v2);
	ck_assert_ptr_null(triad_agreement_in_force(a, D("2027-01-01")));
	ck_assert_ptr_null(triad_agreement_version_at(a, 4));
	ck_assert_ptr_null(triad_agreement_version_at(a, 0));
	/* The whole history survives a round trip. */
	char *text = snapshot(a);
	triad_agreement *b = NULL;
	ck_assert_ok(triad_agreement_load(&b, text, strlen(text), "history.json"));
	ck_assert_int_eq(triad_agreement_equal(a, b), 1);
	triad_free(text);
	triad_agreement_free(b);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

START_TEST(renewing_for_next_year)
{
	triad_roster *r = load_roster();
	/* Daan, havo year 1 in 2026-2027, moves to year 2. */
	triad_agreement *a = active13(r);
	triad_agreement *b = NULL;
	ck_assert_ok(triad_agreement_renew(&b, a, "agr-s13-2027", r, 2027, NULL));
	const triad_agreement_version *v = triad_agreement_latest(b);
	ck_assert_str_eq(triad_agreement_id(b), "agr-s13-2027");
	ck_assert_uint_eq(triad_agreement_version_count(b), 1);
	ck_assert_int_eq(triad_agreement_version_state(v), TRIAD_AGREEMENT_DRAFT);
	ck_assert_int_eq(triad_agreement_version_valid_from(v), D("2027-08-01"));
	ck_assert_int_eq(triad_agreement_version_valid_to(v), D("2028-07-31"));
	ck_assert_int_eq(triad_agreement_version_student_year(v), 2);
	ck_assert_str_eq(triad_agreement_version_school_type(v), "havo");
	ck_assert_uint_eq(triad_agreement_version_clause_count(v), 21);
	ck_assert_uint_eq(triad_agreement_version_protocol_count(v), 6);
	ck_assert_uint_eq(triad_agreement_version_signature_count(v), 0);
	ck_assert_uint_eq(triad_agreement_version_party_count(v), 4);
	ck_assert_int_eq(triad_agreement_state_of(a), TRIAD_AGREEMENT_ACTIVE); /* unchanged */
	triad_agreement_free(b);
	/* Year 2 to 3: homework planning moves to Daan by the variant. */
	ck_assert_ok(triad_agreement_renew(&b, a, "x", r, 2027, NULL));
	triad_agreement *c = NULL;
	ck_assert_ok(triad_agreement_renew(&c, b, "y", r, 2028, NULL));
	const triad_clause *hw = triad_agreement_version_clause(triad_agreement_latest(c),
	                                                        "parents.homework");
	ck_assert_int_eq(triad_agreement_version_student_year(triad_agreement_latest(c)), 3);
	ck_assert_int_eq(triad_clause_from_role(hw), TRIAD_PARTY_STUDENT);
	triad_agreement_free(c);
	triad_agreement_free(b);
	triad_agreement_free(a);

	/* Sara, vwo year 5 in 2027-2028 (17 on 1 August), renewed for 2028
	 * when she is 18: year 6 (the last), her father no longer signs, but
	 * stays a party because a clause names him. The step-parent, named by
	 * no clause and no signer, is not carried over. */
	a = start(r, "sx", 2027);
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_GUARDIAN, "spx"));
	ck_assert_ok(triad_agreement_renew(&b, a, "sx-2028", r, 2028, NULL));
	v = triad_agreement_latest(b);
	ck_assert_uint_eq(triad_agreement_version_party_count(v), 3);
	ck_assert_str_eq(triad_agreement_version_party_id(v, 0), "sx");
	ck_assert_str_eq(triad_agreement_version_party_id(v, 1), "mx");
	ck_assert_str_eq(triad_agreement_version_party_id(v, 2), "t1");
	ck_assert_int_eq(triad_agreement_version_student_year(v), 6);
	triad_agreement_free(b);
	ck_assert_ok(triad_agreement_add_clause(a, "dad", TRIAD_SECTION_PARENTS,
	                                        TRIAD_CATEGORY_INVOLVEMENT_HOME, TRIAD_PARTY_GUARDIAN,
	                                        "fx", TRIAD_PARTY_STUDENT, NULL));
	ck_assert_ok(triad_agreement_renew(&b, a, "sx-2028", r, 2028, NULL));
	v = triad_agreement_latest(b);
	ck_assert_uint_eq(triad_agreement_version_party_count(v), 4);
	ck_assert_str_eq(triad_agreement_version_party_id(v, 2), "fx");
	/* Year 6 of 6 stays 6. */
	triad_agreement *d = NULL;
	ck_assert_ok(triad_agreement_renew(&d, b, "sx-2029", r, 2029, NULL));
	ck_assert_int_eq(triad_agreement_version_student_year(triad_agreement_latest(d)), 6);
	triad_agreement_free(d);
	triad_agreement_free(b);
	/* Errors. */
	ck_assert_fails(triad_agreement_renew(&b, a, "bad id", r, 2028, NULL), TRIAD_EINVAL,
	                "bad id");
	ck_assert_fails(triad_agreement_renew(&b, a, "x", r, 0, NULL), TRIAD_EINVAL, "0");
	ck_assert_fails(triad_agreement_renew(&b, a, "x", NULL, 2028, NULL), TRIAD_EINVAL, NULL);
	triad_agreement_free(a);
	ck_assert_ok(triad_agreement_new(&a, "nobody"));
	ck_assert_fails(triad_agreement_renew(&b, a, "x", r, 2028, NULL), TRIAD_ENOTFOUND,
	                "no student party");
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_STUDENT, "s99"));
	ck_assert_fails(triad_agreement_renew(&b, a, "x", r, 2028, NULL), TRIAD_ENOTFOUND, "s99");
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

/* ---- validation -------------------------------------------------------------------- */

/* Whether the findings hold `code` at `location` (NULL: anywhere). */
static int has_finding(const triad_agreement_findings *f, const char *code, const char *location)
{
	for (size_t i = 0; i < triad_agreement_findings_count(f); i++)
		if (strcmp(triad_agreement_finding_code(f, i), code) == 0 &&
		    (!location || strcmp(triad_agreement_finding_location(f, i), location) == 0))
			return 1;
	return 0;
}

static triad_agreement_findings *validate(const triad_agreement *a, const triad_roster *r)
{
	triad_agreement_findings *f = NULL;
	ck_assert_ok(triad_agreement_validate(&f, a, r, NULL, D("2026-09-01")));
	return f;
}

START_TEST(validation_of_a_catalogue_agreement_is_clean)
{
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "s13", 2026);
	triad_agreement_findings *f = validate(a, r);
	ck_assert_uint_eq(triad_agreement_findings_count(f), 0);
	triad_agreement_findings_free(f);
	triad_agreement_free(a);
	/* Sara's: one info, about the father's restriction. */
	a = start(r, "sx", 2026);
	f = validate(a, r);
	ck_assert_uint_eq(triad_agreement_findings_count(f), 1);
	ck_assert_str_eq(triad_agreement_finding_code(f, 0), "party.restricted");
	ck_assert_int_eq(triad_agreement_finding_severity(f, 0), TRIAD_SEVERITY_INFO);
	ck_assert_str_eq(triad_agreement_finding_location(f, 0), "parties[2]");
	ck_assert_uint_eq(triad_agreement_findings_count_at_least(f, TRIAD_SEVERITY_WARNING), 0);
	ck_assert_ptr_nonnull(strstr(triad_agreement_finding_message(f, 0, TRIAD_LANG_NL),
	                             "informatiebeperking"));
	ck_assert_ptr_null(triad_agreement_finding_message(f, 1, TRIAD_LANG_NL));
	ck_assert_ptr_null(triad_agreement_finding_message(f, 0, (triad_lang)0));
	ck_assert_ptr_null(triad_agreement_finding_code(f, 1));
	ck_assert_int_eq(triad_agreement_finding_severity(f, 1), TRIAD_SEVERITY_NONE);
	triad_agreement_findings_free(f);
	triad_agreement_findings_free(NULL);
	ck_assert_fails(triad_agreement_validate(&f, a, NULL, NULL, 0), TRIAD_EINVAL, NULL);
	triad_agreement_check_options o = TRIAD_AGREEMENT_CHECK_OPTIONS_INIT;
	o.ownership_threshold = 1.5;
	ck_assert_fails(triad_agreement_validate(&f, a, r, &o, 0), TRIAD_EINVAL, "1.5");
	ck_assert_ok(triad_agreement_check_options_init(&o, TRIAD_AGREEMENT_CHECK_OPTIONS_VERSION));
	ck_assert_double_eq(o.ownership_threshold, 0.5);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

START_TEST(validation_findings)
{
	triad_roster *r = load_roster();
	/* An empty agreement: no parties, no protocol, no validity, no year. */
	triad_agreement *a = NULL;
	ck_assert_ok(triad_agreement_new(&a, "empty"));
	triad_agreement_findings *f = validate(a, r);
	ck_assert_uint_eq(triad_agreement_findings_count(f), 5);
	ck_assert_int_eq(has_finding(f, "party.no_student", "parties"), 1);
	ck_assert_int_eq(has_finding(f, "party.no_school", "parties"), 1);
	ck_assert_int_eq(has_finding(f, "protocol.missing", "protocol"), 1);
	ck_assert_int_eq(has_finding(f, "validity.missing", ""), 1);
	ck_assert_int_eq(has_finding(f, "student_year.missing", ""), 1);
	ck_assert_uint_eq(triad_agreement_findings_count_at_least(f, TRIAD_SEVERITY_ERROR), 4);
	triad_agreement_findings_free(f);

	/* Parties unknown to the roster, unrelated, without commitments;
	 * clauses to and from roles that are not on the agreement, without text. */
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_STUDENT, "s13"));
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_SCHOOL, "t9"));
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_GUARDIAN, "mx"));
	ck_assert_ok(triad_agreement_set_school_year(a, 2026));
	ck_assert_ok(triad_agreement_set_student_year(a, "havo", 1));
	ck_assert_ok(triad_agreement_add_clause(a, "c1", TRIAD_SECTION_STUDENT,
	                                        TRIAD_CATEGORY_OWNERSHIP, TRIAD_PARTY_STUDENT, NULL,
	                                        TRIAD_PARTY_SCHOOL, NULL));
	ck_assert_ok(triad_agreement_clause_set_text(a, "c1", "a", "b"));
	ck_assert_ok(triad_agreement_set_protocol(a, "absence", 0, "t9", TRIAD_CHANNEL_PHONE, 1));
	ck_assert_ok(triad_agreement_set_protocol(a, "care", TRIAD_STAFF_COORDINATOR, NULL,
	                                          TRIAD_CHANNEL_PHONE, 1));
	ck_assert_ok(triad_agreement_add_clause(a, "c2", TRIAD_SECTION_PARENTS,
	                                        TRIAD_CATEGORY_INVOLVEMENT_HOME,
	                                        TRIAD_PARTY_GUARDIAN, "mx", TRIAD_PARTY_STUDENT, NULL));
	ck_assert_ok(triad_agreement_remove_party(a, "s13")); /* no clause names s13 by id */
	f = validate(a, r);
	ck_assert_int_eq(has_finding(f, "party.unknown", "parties[0]"), 1);   /* t9 */
	ck_assert_int_eq(has_finding(f, "party.no_student", "parties"), 1);
	ck_assert_int_eq(has_finding(f, "clause.unknown_party", "clauses[0].from"), 1);
	ck_assert_int_eq(has_finding(f, "clause.unknown_party", "clauses[1].to"), 1);
	ck_assert_int_eq(has_finding(f, "clause.no_text", "clauses[1]"), 1);
	ck_assert_int_eq(has_finding(f, "protocol.unknown_staff", "protocol[0]"), 1);
	ck_assert_int_eq(has_finding(f, "party.no_commitments", "parties[0]"), 1); /* t9 */
	ck_assert_int_eq(has_finding(f, "party.no_commitments", "parties[1]"), 0); /* mx owns c2 */
	triad_agreement_findings_free(f);
	ck_assert_ok(triad_agreement_add_party(a, TRIAD_PARTY_STUDENT, "s13"));
	f = validate(a, r);
	/* mx is Sara's mother, not Daan's; Daan's parents must sign but are not parties. */
	ck_assert_int_eq(has_finding(f, "party.not_related", "parties[1]"), 1);
	ck_assert_int_eq(has_finding(f, "party.missing_signer", "parties"), 1);
	size_t named = 0;
	for (size_t i = 0; i < triad_agreement_findings_count(f); i++)
		if (strcmp(triad_agreement_finding_code(f, i), "party.missing_signer") == 0)
			named += strstr(triad_agreement_finding_message(f, i, TRIAD_LANG_EN), "\"m13\"") ||
			         strstr(triad_agreement_finding_message(f, i, TRIAD_LANG_EN), "\"f13\"");
	ck_assert_uint_eq(named, 2);
	ck_assert_int_eq(has_finding(f, "clause.unknown_party", NULL), 0);
	triad_agreement_findings_free(f);
	triad_agreement_free(a);

	/* Ownership by the curve (havo: year 1 0.25, year 4 0.8125; threshold 0.5). */
	a = start(r, "s13", 2026);
	ck_assert_ok(triad_agreement_add_clause(a, "own.parents", TRIAD_SECTION_PARENTS,
	                                        TRIAD_CATEGORY_RESPONSIBILITY,
	                                        TRIAD_PARTY_GUARDIAN, NULL, TRIAD_PARTY_SCHOOL, NULL));
	ck_assert_ok(triad_agreement_clause_set_text(a, "own.parents", "Wij plannen.", "We plan."));
	ck_assert_ok(triad_agreement_add_clause(a, "own.student", TRIAD_SECTION_STUDENT,
	                                        TRIAD_CATEGORY_RESPONSIBILITY,
	                                        TRIAD_PARTY_STUDENT, NULL, TRIAD_PARTY_ALL, NULL));
	ck_assert_ok(triad_agreement_clause_set_text(a, "own.student", "Ik plan.", "I plan."));
	ck_assert_ok(triad_agreement_add_clause(a, "own.by_parents", TRIAD_SECTION_PARENTS,
	                                        TRIAD_CATEGORY_OWNERSHIP,
	                                        TRIAD_PARTY_GUARDIAN, NULL, TRIAD_PARTY_ALL, NULL));
	ck_assert_ok(triad_agreement_clause_set_text(a, "own.by_parents", "x", "y"));
	f = validate(a, r);
	/* Year 1: the student's responsibility clause is too early. */
	ck_assert_int_eq(has_finding(f, "clause.owner_parents_expected", "clauses[22].from"), 1);
	ck_assert_int_eq(has_finding(f, "clause.owner_student_expected", NULL), 0);
	ck_assert_int_eq(has_finding(f, "clause.ownership_by_parents", "clauses[23].from"), 1);
	ck_assert_uint_eq(triad_agreement_findings_count(f), 2);
	triad_agreement_findings_free(f);
	ck_assert_ok(triad_agreement_set_student_year(a, "havo", 4));
	f = validate(a, r);
	/* Year 4: the parents' clause is too late; the catalogue's homework
	 * clause has moved to the student by its variant, so it fits. The roster
	 * still has Daan in year 1. */
	ck_assert_int_eq(has_finding(f, "clause.owner_student_expected", "clauses[21].from"), 1);
	ck_assert_int_eq(has_finding(f, "clause.owner_parents_expected", NULL), 0);
	ck_assert_int_eq(has_finding(f, "student_year.mismatch", "year"), 1);
	ck_assert_uint_eq(triad_agreement_findings_count(f), 3);
	triad_agreement_findings_free(f);
	/* A higher threshold leaves year 4 with the parents (0.8125 <= 0.9). */
	triad_agreement_check_options o = TRIAD_AGREEMENT_CHECK_OPTIONS_INIT;
	o.ownership_threshold = 0.9;
	ck_assert_ok(triad_agreement_validate(&f, a, r, &o, 0));
	ck_assert_int_eq(has_finding(f, "clause.owner_student_expected", NULL), 0);
	ck_assert_int_eq(has_finding(f, "clause.owner_parents_expected", "clauses[22].from"), 1);
	triad_agreement_findings_free(f);
	ck_assert_ok(triad_agreement_set_student_year(a, "havo", 6));
	f = validate(a, r);
	ck_assert_int_eq(has_finding(f, "student_year.invalid", "school_type"), 1);
	triad_agreement_findings_free(f);
	/* A period across two school years; a protocol role nobody holds. */
	ck_assert_ok(triad_agreement_set_student_year(a, "havo", 1));
	ck_assert_ok(triad_agreement_set_validity(a, D("2026-08-01"), D("2027-08-31")));
	ck_assert_ok(triad_agreement_remove_clause(a, "own.student"));
	ck_assert_ok(triad_agreement_remove_clause(a, "own.by_parents"));
	ck_assert_ok(triad_agreement_remove_clause(a, "own.parents"));
	f = validate(a, r);
	ck_assert_uint_eq(triad_agreement_findings_count(f), 1);
	ck_assert_str_eq(triad_agreement_finding_code(f, 0), "validity.outside_school_year");
	ck_assert_ptr_nonnull(strstr(triad_agreement_finding_message(f, 0, TRIAD_LANG_NL),
	                             "schooljaar 2026-2027"));
	triad_agreement_findings_free(f);
	/* Removing the whole protocol. */
	static const char *const subjects[] = { "study_progress", "absence", "wellbeing", "care",
		                                "complaints", "other" };
	for (size_t i = 0; i < 6; i++)
		ck_assert_ok(triad_agreement_remove_protocol(a, subjects[i]));
	f = validate(a, r);
	ck_assert_int_eq(has_finding(f, "protocol.missing", "protocol"), 1);
	triad_agreement_findings_free(f);
	triad_agreement_free(a);

	/* A roster in which nobody is coordinator. */
	triad_roster *small = NULL;
	ck_assert_ok(triad_roster_new(&small, NULL));
	ck_assert_ok(triad_roster_add_staff(small, "t1", "Anna", "Smit", TRIAD_STAFF_MENTOR));
	triad_student_info si = TRIAD_STUDENT_INFO_INIT;
	si.id = "s1";
	si.given_name = "Bo";
	si.family_name = "Ek";
	si.birth_date = D("2013-01-01");
	si.school_type = "vwo";
	si.year = 1;
	ck_assert_ok(triad_roster_add_student(small, &si));
	a = start(small, "s1", 2026);
	f = validate(a, small);
	ck_assert_int_eq(has_finding(f, "protocol.no_staff_with_role", "protocol[1]"), 1);
	ck_assert_int_eq(has_finding(f, "protocol.no_staff_with_role", "protocol[3]"), 1);
	ck_assert_int_eq(has_finding(f, "protocol.no_staff_with_role", "protocol[4]"), 1);
	ck_assert_uint_eq(triad_agreement_findings_count(f), 3);
	triad_agreement_findings_free(f);
	triad_agreement_free(a);
	triad_roster_free(small);
	triad_roster_free(r);
}
END_TEST

/* ---- JSON ----------------------------------------------------------------------------- */

START_TEST(round_trip_field_for_field)
{
	triad_roster *r = load_roster();
	triad_agreement *a = active13(r);
	/* Amend with every kind of content: free text, a variant owned by one
	 * parent, all commitment kinds, a protocol entry naming a person. */
	ck_assert_ok(triad_agreement_add_clause(a, "x.free", TRIAD_SECTION_PARENTS,
	                                        TRIAD_CATEGORY_PARTNERSHIP_DIDACTIC,
	                                        TRIAD_PARTY_GUARDIAN, "f13", TRIAD_PARTY_STUDENT,
	                                        "s13"));
	ck_assert_ok(triad_agreement_clause_set_free_text(a, "x.free",
	                                                  "Papa overhoort woordjes \"op zondag\" — ✓"));
	ck_assert_ok(triad_agreement_clause_add_variant(a, "x.free", 2, 3, TRIAD_PARTY_GUARDIAN,
	                                                "m13", "Mama overhoort.", "Mum tests."));
	ck_assert_ok(triad_agreement_clause_set_max_interval(a, "x.free",
	                                                     TRIAD_CONTACT_HOME_VISIT, 20));
	ck_assert_ok(triad_agreement_clause_set_response_time(a, "protocol.how_to_reach",
	                                                      TRIAD_CONTACT_CONCERN, 1));
	ck_assert_ok(triad_agreement_set_protocol(a, "internships", 0, "t3", TRIAD_CHANNEL_VIDEO, 4));
	ck_assert_ok(triad_agreement_propose(a, D("2026-10-01")));
	ck_assert_ok(triad_agreement_sign(a, "m13", D("2026-10-02")));
	char *text = snapshot(a);
	triad_agreement *b = NULL;
	ck_assert_ok(triad_agreement_load(&b, text, strlen(text), "rt.json"));
	ck_assert_int_eq(triad_agreement_equal(a, b), 1);
	char *again = snapshot(b);
	ck_assert_str_eq(again, text);
	/* Spot checks on what was read back. */
	const triad_agreement_version *v2 = triad_agreement_version_at(b, 2);
	const triad_clause *c = triad_agreement_version_clause(v2, "x.free");
	ck_assert_str_eq(triad_clause_text(c, TRIAD_LANG_NL), "Papa overhoort woordjes \"op zondag\" — ✓");
	ck_assert_str_eq(triad_clause_variant_from_id(c, 0), "m13");
	ck_assert_int_eq(triad_commitment_weeks(triad_clause_commitment(c)), 20);
	ck_assert_str_eq(triad_agreement_version_protocol_staff_id(v2, 6), "t3");
	ck_assert_int_eq(triad_agreement_version_signature_date(v2, 0), D("2026-10-02"));
	ck_assert_int_eq(triad_agreement_version_state(triad_agreement_version_at(b, 1)),
	                 TRIAD_AGREEMENT_ACTIVE);
	/* A difference anywhere makes them unequal. */
	ck_assert_ok(triad_agreement_sign(b, "s13", D("2026-10-02")));
	ck_assert_int_eq(triad_agreement_equal(a, b), 0);
	ck_assert_int_eq(triad_agreement_equal(a, NULL), 0);
	/* Files: atomic save, load with the file name in errors. */
	char path[] = "/tmp/triad-agreement-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_ok(triad_agreement_save_file(a, path));
	triad_agreement *c2 = NULL;
	ck_assert_ok(triad_agreement_load_file(&c2, path));
	ck_assert_int_eq(triad_agreement_equal(a, c2), 1);
	unlink(path);
	const char *gone = path;
	ck_assert_fails(triad_agreement_load_file(&c2, gone), TRIAD_EIO, gone);
	ck_assert_fails(triad_agreement_save_file(a, "/nonexistent-dir/x.json"), TRIAD_EIO,
	                "/nonexistent-dir/x.json");
	triad_agreement_free(c2);
	triad_free(again);
	triad_free(text);
	triad_agreement_free(b);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

START_TEST(checked_in_file_matches_the_library)
{
	/* tests/data/agreement/agreement-s13.json is Daan's agreement, signed and
	 * active, as this library writes it: loading it gives what we build. */
	triad_roster *r = load_roster();
	triad_agreement *a = active13(r);
	triad_agreement *b = NULL;
	ck_assert_ok(triad_agreement_load_file(&b, test_data_path("agreement/agreement-s13.json")));
	ck_assert_int_eq(triad_agreement_equal(a, b), 1);
	triad_agreement_free(b);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

static const char *const MINIMAL =
	"{\"format\": \"triad.agreement/1\", \"id\": \"a1\", \"versions\": [\n"
	" {\"number\": 1, \"state\": \"proposed\", \"proposed_on\": \"2026-09-01\",\n"
	"  \"parties\": [{\"role\": \"student\", \"id\": \"s13\"}, {\"role\": \"guardian\", \"id\": \"m13\"}],\n"
	"  \"clauses\": [{\"id\": \"c1\", \"section\": \"parents\", \"category\": \"involvement.home\",\n"
	"    \"from\": {\"role\": \"guardian\", \"id\": \"m13\"}, \"to\": {\"role\": \"all\"},\n"
	"    \"text\": {\"nl\": \"Wij lezen.\", \"en\": \"We read.\"}}],\n"
	"  \"signatures\": [{\"id\": \"m13\", \"role\": \"guardian\", \"date\": \"2026-09-02\"}]}]}\n";

/* Load `text`; expect `code`, the JSON path `path` (NULL: not checked) and a
 * message containing `needle`. */
static void expect_bad(const char *text, int code, const char *path, const char *needle)
{
	triad_agreement *a = NULL;
	ck_assert_fails(triad_agreement_load(&a, text, strlen(text), "bad.json"), code, needle);
	ck_assert_ptr_null(a);
	if (path)
		ck_assert_str_eq(triad_error_last()->path, path);
	ck_assert_str_eq(triad_error_last()->source, "bad.json");
}

/* MINIMAL with the first `from` replaced by `to`. */
static void expect_bad_edit(const char *from, const char *to, int code, const char *path,
                            const char *needle)
{
	const char *at = strstr(MINIMAL, from);
	ck_assert_msg(at != NULL, "test bug: \"%s\" not in MINIMAL", from);
	char buf[2048];
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - MINIMAL), MINIMAL, to, at + strlen(from));
	expect_bad(buf, code, path, needle);
}

START_TEST(every_kind_of_bad_json)
{
	triad_agreement *a = NULL;
	ck_assert_ok(triad_agreement_load(&a, MINIMAL, strlen(MINIMAL), "ok.json"));
	triad_agreement_free(a);
	/* Syntax: line and column. */
	expect_bad("{\"format\": \"triad.agreement/1\",\n \"id\": \"a1\",\n \"versions\": [}\n",
	           TRIAD_EPARSE, NULL, "bad.json: line 3");
	ck_assert_int_eq(triad_error_last()->line, 3);
	ck_assert_int_gt(triad_error_last()->column, 0);
	expect_bad("[1, 2]", TRIAD_EFORMAT, NULL, "expected an object");
	/* Invalid UTF-8 (jansson refuses it while parsing; line and column). */
	expect_bad_edit("We read.", "We \xff read.", TRIAD_EPARSE, NULL, "line 6");
	/* Format and version. */
	expect_bad_edit("triad.agreement/1", "triad.agreement/2", TRIAD_EVERSION, "format",
	                "newer");
	expect_bad_edit("triad.agreement/1", "triad.school/1", TRIAD_EFORMAT, "format", NULL);
	/* Unknown fields, at every level. */
	expect_bad_edit("\"id\": \"a1\",", "\"id\": \"a1\", \"colour\": 1,", TRIAD_EFORMAT,
	                "colour", "unknown field \"colour\"");
	expect_bad_edit("\"state\": \"proposed\",", "\"state\": \"proposed\", \"sate\": 1,",
	                TRIAD_EFORMAT, "versions[0].sate", "unknown field");
	expect_bad_edit("\"nl\": \"Wij lezen.\",", "\"nl\": \"Wij lezen.\", \"de\": \"x\",",
	                TRIAD_EFORMAT, "versions[0].clauses[0].text.de", "unknown field");
	expect_bad_edit("{\"role\": \"all\"}", "{\"role\": \"all\", \"x\": 1}", TRIAD_EFORMAT,
	                "versions[0].clauses[0].to.x", NULL);
	/* Wrong types. */
	expect_bad_edit("\"number\": 1", "\"number\": \"1\"", TRIAD_EFORMAT, "versions[0].number",
	                "expected an integer, got a string");
	expect_bad_edit("\"versions\": [", "\"versions\": {\"v\": [", TRIAD_EPARSE, NULL, NULL);
	expect_bad_edit("\"parties\": [", "\"parties\": 3, \"x\": [", TRIAD_EFORMAT,
	                "versions[0].x", NULL);
	expect_bad_edit("\"parties\": [{", "\"parties\": [7, {", TRIAD_EFORMAT,
	                "versions[0].parties[0]", "expected an object, got an integer");
	expect_bad_edit("\"text\": {", "\"text\": [{", TRIAD_EPARSE, NULL, NULL);
	expect_bad_edit("\"en\": \"We read.\"", "\"en\": true", TRIAD_EFORMAT,
	                "versions[0].clauses[0].text.en", "expected a string");
	/* Bad values. */
	expect_bad_edit("\"state\": \"proposed\"", "\"state\": \"signed\"", TRIAD_EFORMAT,
	                "versions[0].state", "\"signed\" is not one of");
	expect_bad_edit("involvement.home", "involvement.garden", TRIAD_EFORMAT,
	                "versions[0].clauses[0].category", "not a known involvement category");
	expect_bad_edit("\"role\": \"student\"", "\"role\": \"all\"", TRIAD_EFORMAT,
	                "versions[0].parties[0].role", "not a party role");
	expect_bad_edit("\"id\": \"c1\"", "\"id\": \"c 1\"", TRIAD_EFORMAT,
	                "versions[0].clauses[0].id", "not a valid id");
	expect_bad_edit("\"nl\": \"Wij lezen.\"", "\"nl\": \"\"", TRIAD_EFORMAT,
	                "versions[0].clauses[0].text.nl", "empty");
	/* Impossible dates. */
	expect_bad_edit("2026-09-02", "2026-02-30", TRIAD_EFORMAT,
	                "versions[0].signatures[0].date", "\"2026-02-30\" is not an existing date");
	expect_bad_edit("\"proposed_on\": \"2026-09-01\"", "\"proposed_on\": \"2026-9-1\"",
	                TRIAD_EFORMAT, "versions[0].proposed_on", NULL);
	/* Dangling references. */
	expect_bad_edit("{\"role\": \"guardian\", \"id\": \"m13\"}, \"to\"",
	                "{\"role\": \"guardian\", \"id\": \"f13\"}, \"to\"", TRIAD_EFORMAT,
	                "versions[0].clauses[0].from.id", "\"f13\" is not a party");
	expect_bad_edit("{\"role\": \"guardian\", \"id\": \"m13\"}, \"to\"",
	                "{\"role\": \"student\", \"id\": \"m13\"}, \"to\"", TRIAD_EFORMAT,
	                "versions[0].clauses[0].from.id", "another role");
	expect_bad_edit("{\"id\": \"m13\", \"role\": \"guardian\", \"date\"",
	                "{\"id\": \"f13\", \"role\": \"guardian\", \"date\"", TRIAD_EFORMAT,
	                "versions[0].signatures[0].id", "not a party of this version");
	/* Duplicates and inconsistencies. */
	expect_bad_edit("{\"role\": \"guardian\", \"id\": \"m13\"}]",
	                "{\"role\": \"guardian\", \"id\": \"s13\"}]", TRIAD_EFORMAT,
	                "versions[0].parties[1].id", "already a party");
	expect_bad_edit("\"number\": 1", "\"number\": 2", TRIAD_EFORMAT, "versions[0].number",
	                "version 2 found where version 1 belongs");
	expect_bad_edit("\"state\": \"proposed\"", "\"state\": \"active\"", TRIAD_EFORMAT,
	                "versions[0]", "needs \"activated_on\"");
	expect_bad_edit("\"state\": \"proposed\"", "\"state\": \"draft\"", TRIAD_EFORMAT,
	                "versions[0].proposed_on", "has no \"proposed_on\"");
	expect_bad_edit("\"date\": \"2026-09-02\"", "\"date\": \"2026-08-02\"", TRIAD_EFORMAT,
	                "versions[0].signatures[0].date", "before the version was proposed");
	expect_bad_edit("\"text\": {", "\"free_text\": \"x\", \"text\": {", TRIAD_EFORMAT,
	                "versions[0].clauses[0].free_text", "not both");
	expect_bad_edit("\"to\": {\"role\": \"all\"},",
	                "\"to\": {\"role\": \"all\"}, \"commitment\": {\"kind\": \"min_count\", "
	                "\"contact_kind\": \"intake\", \"count\": 1, \"period\": \"school_year\", "
	                "\"weeks\": 3},",
	                TRIAD_EFORMAT, "versions[0].clauses[0].commitment.weeks", "unknown field");
	expect_bad_edit("\"to\": {\"role\": \"all\"},",
	                "\"to\": {\"role\": \"all\"}, \"commitment\": {\"kind\": \"max_interval\", "
	                "\"contact_kind\": \"intake\", \"weeks\": 60},",
	                TRIAD_EFORMAT, "versions[0].clauses[0].commitment.weeks", "1..52");
	expect_bad_edit("\"to\": {\"role\": \"all\"},",
	                "\"to\": {\"role\": \"all\"}, \"variants\": [{\"year_from\": 2, \"year_to\": 3, "
	                "\"from\": {\"role\": \"student\"}, \"text\": {\"nl\": \"a\", \"en\": \"b\"}}, "
	                "{\"year_from\": 3, \"year_to\": 4, \"from\": {\"role\": \"student\"}, "
	                "\"text\": {\"nl\": \"a\", \"en\": \"b\"}}],",
	                TRIAD_EFORMAT, "versions[0].clauses[0].variants[1]", "overlap");
	expect_bad_edit("\"signatures\"",
	                "\"protocol\": [{\"subject\": \"absence\", \"staff_role\": \"mentor\", "
	                "\"staff_id\": \"t1\", \"channel\": \"phone\", \"response_days\": 1}], "
	                "\"signatures\"",
	                TRIAD_EFORMAT, "versions[0].protocol[0]", "not both");
	expect_bad_edit("\"signatures\"",
	                "\"protocol\": [{\"subject\": \"absence\", \"staff_role\": \"janitor\", "
	                "\"channel\": \"phone\", \"response_days\": 1}], \"signatures\"",
	                TRIAD_EFORMAT, "versions[0].protocol[0].staff_role", "janitor");
	expect_bad("{\"format\": \"triad.agreement/1\", \"id\": \"a1\", \"versions\": []}",
	           TRIAD_EFORMAT, "versions", "at least one version");
	expect_bad("{\"format\": \"triad.agreement/1\", \"id\": \"a1\", \"versions\": [\n"
	           " {\"number\": 1, \"state\": \"draft\"}, {\"number\": 2, \"state\": \"draft\"}]}",
	           TRIAD_EFORMAT, "versions[0].state", "only the latest version");
	expect_bad("{\"format\": \"triad.agreement/1\", \"versions\": []}", TRIAD_EFORMAT, NULL,
	           "required field \"id\"");
	ck_assert_fails(triad_agreement_load(NULL, MINIMAL, strlen(MINIMAL), NULL), TRIAD_EINVAL,
	                NULL);
	ck_assert_fails(triad_agreement_load_file(&a, test_data_path("agreement/bad-syntax.json")),
	                TRIAD_EPARSE, "bad-syntax.json: line 4");
}
END_TEST

/* ---- rendering ------------------------------------------------------------------------ */

static char *render(const triad_agreement *a, const triad_roster *r, triad_render_format fmt,
                    triad_lang lang)
{
	triad_render_options o = TRIAD_RENDER_OPTIONS_INIT;
	o.format = fmt;
	o.lang = lang;
	o.roster = r;
	/* static: a local whose address goes to the library and is then
	 * returned makes gcc 12 at -O2 warn that it may dangle */
	static char *out;
	out = NULL;
	ck_assert_ok(triad_agreement_render(&out, a, &o));
	return out;
}

START_TEST(rendering_in_both_languages)
{
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "s13", 2026);
	char *nl = render(a, r, TRIAD_RENDER_TEXT, TRIAD_LANG_NL);
	ck_assert_ptr_nonnull(strstr(nl, "Ouder-kind-schoolovereenkomst\n============================="));
	ck_assert_ptr_nonnull(strstr(nl, "Leerling: Daan Mulder (s13)"));
	ck_assert_ptr_nonnull(strstr(nl, "Ouder/verzorger: Ruud de Boer (f13)"));
	ck_assert_ptr_nonnull(strstr(nl, "Geldig: 2026-08-01 tot en met 2027-07-31"));
	ck_assert_ptr_nonnull(strstr(nl, "1. Waar de school voor staat"));
	ck_assert_ptr_nonnull(strstr(nl, "3. Wat ouders toezeggen"));
	ck_assert_ptr_nonnull(strstr(nl, "5. Contactprotocol"));
	ck_assert_ptr_nonnull(strstr(nl, "(toetsbaar: minstens 2× positief bericht per schooljaar)"));
	ck_assert_ptr_nonnull(strstr(nl, "Afwezigheid en verzuim  de jaarlaagcoördinator  telefoon"));
	/* One signature block for each of the four required signers. */
	ck_assert_uint_eq(count_of(nl, "Handtekening: ____"), 4);
	ck_assert_ptr_nonnull(strstr(nl, "Namens de school: Anna Smit (t1)\nHandtekening"));
	/* Printable: clauses are wrapped, no line is wider than 78 characters. */
	size_t chars = 0, widest = 0;
	for (const char *p = nl; *p; p++) {
		if (*p == '\n')
			chars = 0;
		else if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > widest)
			widest = chars;
	}
	ck_assert_uint_le(widest, 78);
	ck_assert_ptr_nonnull(strstr(nl, "\n  "));
	char *en = render(a, r, TRIAD_RENDER_TEXT, TRIAD_LANG_EN);
	ck_assert_ptr_nonnull(strstr(en, "Parent–child–school agreement"));
	ck_assert_ptr_nonnull(strstr(en, "4. What the student commits to"));
	ck_assert_ptr_nonnull(strstr(en, "Study progress    the mentor"));
	ck_assert_uint_eq(count_of(en, "Signature: ____"), 4);
	ck_assert_ptr_null(strstr(en, "Handtekening"));
	triad_free(nl);
	triad_free(en);
	/* Once signed, the date shows instead of the line. */
	ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
	ck_assert_ok(triad_agreement_sign(a, "m13", D("2026-09-05")));
	en = render(a, r, TRIAD_RENDER_TEXT, TRIAD_LANG_EN);
	ck_assert_ptr_nonnull(strstr(en, "Parent or guardian: Ilse Mulder (m13)\nSigned on 2026-09-05"));
	ck_assert_uint_eq(count_of(en, "Signature: ____"), 3);
	triad_free(en);
	/* Markdown: headings and a pipe table. */
	char *md = render(a, r, TRIAD_RENDER_MARKDOWN, TRIAD_LANG_NL);
	ck_assert_ptr_nonnull(strstr(md, "# Ouder-kind-schoolovereenkomst\n"));
	ck_assert_ptr_nonnull(strstr(md, "## 2. Wat de school toezegt\n"));
	ck_assert_ptr_nonnull(strstr(md, "| Onderwerp | Contact met | Kanaal | Antwoord binnen |\n|---|---|---|---|\n"));
	ck_assert_ptr_nonnull(strstr(md, "| Klachten | de schoolleider | e-mail | 5 schooldagen |"));
	ck_assert_uint_eq(count_of(md, "Handtekening: ____"), 3);
	triad_free(md);
	/* HTML: a complete document with the table. */
	char *html = render(a, r, TRIAD_RENDER_HTML, TRIAD_LANG_EN);
	ck_assert_ptr_nonnull(strstr(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
	ck_assert_ptr_nonnull(strstr(html, "<thead><tr><th>Subject</th><th>Contact</th>"));
	ck_assert_ptr_nonnull(strstr(html, "<td>Absence</td><td>the year coordinator</td>"));
	ck_assert_uint_eq(count_of(html, "<div class=\"signature\">"), 4);
	ck_assert_ptr_nonnull(strstr(html, "</body>\n</html>\n"));
	triad_free(html);
	/* Sara in year 5: homework planning is printed under her own section. */
	triad_agreement *b = start(r, "sx", 2026);
	en = render(b, r, TRIAD_RENDER_TEXT, TRIAD_LANG_EN);
	const char *student = strstr(en, "4. What the student commits to");
	ck_assert_ptr_nonnull(student);
	ck_assert_ptr_nonnull(strstr(student, "I plan my homework myself"));
	ck_assert_ptr_null(strstr(en, "We help our child plan homework"));
	triad_free(en);
	triad_agreement_free(b);
	/* Without a roster: ids, and every party signs. */
	en = render(a, NULL, TRIAD_RENDER_TEXT, TRIAD_LANG_EN);
	ck_assert_ptr_nonnull(strstr(en, "Student: s13\n"));
	ck_assert_uint_eq(count_of(en, "Signature: ____"), 3);
	triad_free(en);
	/* An earlier version by number; bad options. */
	triad_render_options o = TRIAD_RENDER_OPTIONS_INIT;
	o.version_number = 2;
	char *out = NULL;
	ck_assert_fails(triad_agreement_render(&out, a, &o), TRIAD_EINVAL, "has no version 2");
	o.version_number = 0;
	o.format = (triad_render_format)9;
	ck_assert_fails(triad_agreement_render(&out, a, &o), TRIAD_EINVAL, "format");
	o.format = TRIAD_RENDER_HTML;
	o.lang = (triad_lang)0;
	ck_assert_fails(triad_agreement_render(&out, a, &o), TRIAD_EINVAL, "language");
	ck_assert_fails(triad_agreement_render(NULL, a, NULL), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(out);
	ck_assert_ok(triad_render_options_init(&o, TRIAD_RENDER_OPTIONS_VERSION));
	ck_assert_int_eq(o.format, TRIAD_RENDER_TEXT);
	ck_assert_fails(triad_render_options_init(&o, 0), TRIAD_EINVAL, NULL);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

START_TEST(rendering_escapes_input)
{
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "s13", 2026);
	const char *evil = "<script>alert(\"x\")</script> & 'y' *bold* | [link](z) #";
	ck_assert_ok(triad_agreement_add_clause(a, "evil", TRIAD_SECTION_SCHOOL,
	                                        TRIAD_CATEGORY_INVOLVEMENT_SCHOOL, TRIAD_PARTY_SCHOOL,
	                                        NULL, TRIAD_PARTY_ALL, NULL));
	ck_assert_ok(triad_agreement_clause_set_free_text(a, "evil", evil));
	ck_assert_fails(triad_agreement_set_protocol(a, "x<b>", 0, "t3", TRIAD_CHANNEL_PHONE, 1),
	                TRIAD_EINVAL, "x<b>");
	ck_assert_ok(triad_agreement_set_protocol(a, "trips", 0, "t3", TRIAD_CHANNEL_PHONE, 1));
	char *html = render(a, r, TRIAD_RENDER_HTML, TRIAD_LANG_NL);
	ck_assert_ptr_null(strstr(html, "<script>"));
	ck_assert_ptr_nonnull(strstr(html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
	                                   "&amp; &#39;y&#39;"));
	/* Names from the roster are escaped too (Özlem Yıldız stays UTF-8). */
	ck_assert_ptr_nonnull(strstr(html, "<td>trips</td><td>Özlem Yıldız (t3)</td>"));
	triad_free(html);
	char *md = render(a, r, TRIAD_RENDER_MARKDOWN, TRIAD_LANG_NL);
	ck_assert_ptr_nonnull(strstr(md, "\\<script\\>alert(\"x\")\\</script\\> & 'y' \\*bold\\* "
	                                 "\\| \\[link\\](z) \\#"));
	triad_free(md);
	char *txt = render(a, r, TRIAD_RENDER_TEXT, TRIAD_LANG_NL);
	ck_assert_ptr_nonnull(strstr(txt, evil));
	triad_free(txt);
	/* Line breaks in a text stay line breaks in plain text, spaces in Markdown. */
	ck_assert_ok(triad_agreement_clause_set_free_text(a, "evil", "Eerste regel.\nTweede regel."));
	txt = render(a, r, TRIAD_RENDER_TEXT, TRIAD_LANG_NL);
	ck_assert_ptr_nonnull(strstr(txt, "\n- Eerste regel.\n  Tweede regel.\n"));
	triad_free(txt);
	md = render(a, r, TRIAD_RENDER_MARKDOWN, TRIAD_LANG_NL);
	ck_assert_ptr_nonnull(strstr(md, "\n- Eerste regel. Tweede regel.\n"));
	triad_free(md);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

/* ---- threads ----------------------------------------------------------------------------- */

typedef struct reader {
	const triad_agreement *a;
	const triad_roster *r;
	const char *html, *json; /* what one thread alone produced */
	int ok;
} reader;

static void *read_many(void *p)
{
	reader *rd = p;
	rd->ok = 1;
	for (int i = 0; i < 25; i++) {
		triad_render_options o = TRIAD_RENDER_OPTIONS_INIT;
		o.format = TRIAD_RENDER_HTML;
		o.roster = rd->r;
		char *html = NULL, *json = NULL;
		triad_agreement_findings *f = NULL;
		if (triad_agreement_render(&html, rd->a, &o) || triad_agreement_save(&json, rd->a) ||
		    triad_agreement_validate(&f, rd->a, rd->r, NULL, 0) ||
		    strcmp(html, rd->html) != 0 || strcmp(json, rd->json) != 0 ||
		    triad_agreement_findings_count(f) != 1 ||
		    !triad_agreement_in_force(rd->a, D("2026-10-01")))
			rd->ok = 0;
		triad_free(html);
		triad_free(json);
		triad_agreement_findings_free(f);
	}
	return NULL;
}

START_TEST(reading_from_many_threads)
{
	/* An agreement (and the roster) may be read from several threads at once. */
	triad_roster *r = load_roster();
	triad_agreement *a = start(r, "sx", 2026);
	ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
	static const char *const who[] = { "sx", "mx", "fx", "t1" };
	for (int i = 0; i < 4; i++)
		ck_assert_ok(triad_agreement_sign(a, who[i], D("2026-09-02")));
	ck_assert_ok(triad_agreement_activate(a, r, NULL, D("2026-09-02")));
	char *html = render(a, r, TRIAD_RENDER_HTML, TRIAD_LANG_NL);
	char *json = snapshot(a);
	reader rd[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		rd[i] = (reader){ a, r, html, json, 0 };
		ck_assert_int_eq(pthread_create(&t[i], NULL, read_many, &rd[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
		ck_assert_int_eq(rd[i].ok, 1);
	}
	triad_free(html);
	triad_free(json);
	triad_agreement_free(a);
	triad_roster_free(r);
}
END_TEST

/* ---- allocation failures -------------------------------------------------------------- */

typedef struct sweep_ctx {
	triad_roster *r;
	triad_agreement *a;     /* the object under test */
	const char *saved;      /* its saved text, to restore and compare */
	char *out;
	triad_agreement_findings *f;
	triad_agreement *renewed;
	int op;
} sweep_ctx;

static int run_start(void *p)
{
	sweep_ctx *c = p;
	triad_agreement_start_options o = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	o.school_year = 2026;
	c->a = NULL;
	return triad_agreement_start(&c->a, "agr", c->r, "sx", "t1", &o);
}

static void after_start(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0)
		ck_assert_uint_eq(triad_agreement_version_clause_count(triad_agreement_latest(c->a)), 21);
	else
		ck_assert_ptr_null(c->a);
	triad_agreement_free(c->a);
	c->a = NULL;
}

static int run_renew(void *p)
{
	sweep_ctx *c = p;
	c->renewed = NULL;
	return triad_agreement_renew(&c->renewed, c->a, "agr-2027", c->r, 2027, NULL);
}

static void after_renew(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0)
		ck_assert_int_eq(triad_agreement_version_student_year(triad_agreement_latest(c->renewed)),
		                 6);
	else
		ck_assert_ptr_null(c->renewed);
	triad_agreement_free(c->renewed);
	c->renewed = NULL;
}

static int run_save(void *p)
{
	sweep_ctx *c = p;
	c->out = NULL;
	return triad_agreement_save(&c->out, c->a);
}

static void after_out(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0)
		ck_assert_uint_gt(strlen(c->out), 1000);
	else
		ck_assert_ptr_null(c->out);
	triad_free(c->out);
	c->out = NULL;
}

static int run_render(void *p)
{
	sweep_ctx *c = p;
	triad_render_options o = TRIAD_RENDER_OPTIONS_INIT;
	o.format = TRIAD_RENDER_HTML;
	o.roster = c->r;
	c->out = NULL;
	return triad_agreement_render(&c->out, c->a, &o);
}

static int run_validate(void *p)
{
	sweep_ctx *c = p;
	c->f = NULL;
	return triad_agreement_validate(&c->f, c->a, c->r, NULL, 0);
}

static void after_validate(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0)
		ck_assert_uint_eq(triad_agreement_findings_count(c->f), 1); /* party.restricted */
	else
		ck_assert_ptr_null(c->f);
	triad_agreement_findings_free(c->f);
	c->f = NULL;
}

/* Changing calls: on failure the agreement must be as before; after each
 * run it is restored from the saved text (allocation counting is off then). */
enum { SW_AMEND, SW_VARIANT, SW_PARTY, SW_CATALOGUE, SW_PROTOCOL, SW_SIGN, SW_ACTIVATE,
       SW_TERMINATE, SW_REMOVE_ACTIVE, SW_VALIDITY_ACTIVE, SW_ADD_CLAUSE, SW_FREE_TEXT,
       SW_SET_PARTIES, SW_STUDENT_YEAR, SW_N };

static int run_change(void *p)
{
	sweep_ctx *c = p;
	switch (c->op) {
	case SW_AMEND: /* active: a new version */
		return triad_agreement_clause_set_text(c->a, "student.effort", "Ik werk.", "I work.");
	case SW_VARIANT:
		return triad_agreement_clause_add_variant(c->a, "student.effort", 1, 2,
		                                          TRIAD_PARTY_STUDENT, "s13", "a", "b");
	case SW_PARTY:
		return triad_agreement_add_party(c->a, TRIAD_PARTY_GUARDIAN, "spx");
	case SW_CATALOGUE:
		return triad_agreement_add_catalogue_clause(c->a, "parents.homework");
	case SW_PROTOCOL:
		return triad_agreement_set_protocol(c->a, "absence", 0, "t3", TRIAD_CHANNEL_PHONE, 1);
	case SW_SIGN:
		return triad_agreement_sign(c->a, "f13", D("2026-09-07"));
	case SW_ACTIVATE:
		return triad_agreement_activate(c->a, c->r, NULL, D("2026-09-10"));
	case SW_TERMINATE:
		return triad_agreement_terminate(c->a, D("2026-12-01"), "moved");
	case SW_REMOVE_ACTIVE: /* active: a new version without the clause */
		return triad_agreement_remove_clause(c->a, "parents.homework");
	case SW_VALIDITY_ACTIVE:
		return triad_agreement_set_school_year(c->a, 2027);
	case SW_ADD_CLAUSE:
		return triad_agreement_add_clause(c->a, "own", TRIAD_SECTION_PARENTS,
		                                  TRIAD_CATEGORY_INVOLVEMENT_HOME, TRIAD_PARTY_GUARDIAN,
		                                  "m13", TRIAD_PARTY_STUDENT, "s13");
	case SW_FREE_TEXT:
		return triad_agreement_clause_set_free_text(c->a, "student.effort", "Vrij.");
	case SW_SET_PARTIES:
		return triad_agreement_clause_set_parties(c->a, "student.effort", TRIAD_PARTY_STUDENT,
		                                          "s13", TRIAD_PARTY_GUARDIAN, "f13");
	default:
		return triad_agreement_set_student_year(c->a, "havo", 2);
	}
}

static void after_change(void *p, int rc)
{
	sweep_ctx *c = p;
	char *now = NULL;
	failalloc_arm(0);
	ck_assert_ok(triad_agreement_save(&now, c->a));
	if (rc != 0)
		ck_assert_str_eq(now, c->saved);
	else
		ck_assert_str_ne(now, c->saved);
	triad_free(now);
	triad_agreement_free(c->a);
	c->a = NULL;
	ck_assert_ok(triad_agreement_load(&c->a, c->saved, strlen(c->saved), NULL));
}

START_TEST(allocation_failures_leave_everything_as_it_was)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep_ctx c = { NULL, NULL, NULL, NULL, NULL, NULL, 0 };
	c.r = load_roster();
	ck_assert_int_gt(failalloc_sweep(run_start, after_start, &c), 100);
	c.a = start(c.r, "sx", 2026);
	ck_assert_int_gt(failalloc_sweep(run_save, after_out, &c), 50);
	ck_assert_int_gt(failalloc_sweep(run_render, after_out, &c), 30);
	ck_assert_int_gt(failalloc_sweep(run_validate, after_validate, &c), 5);
	ck_assert_int_gt(failalloc_sweep(run_renew, after_renew, &c), 100);
	triad_agreement_free(c.a);

	/* Each changing call, on Daan's agreement in the state it needs. */
	for (c.op = 0; c.op < SW_N; c.op++) {
		triad_agreement *a = start(c.r, "s13", 2026);
		if (c.op == SW_AMEND || c.op == SW_TERMINATE || c.op == SW_REMOVE_ACTIVE ||
		    c.op == SW_VALIDITY_ACTIVE) {
			sign_all13(a);
			ck_assert_ok(triad_agreement_activate(a, c.r, NULL, D("2026-09-10")));
		} else if (c.op == SW_PARTY || c.op == SW_CATALOGUE) {
			ck_assert_ok(triad_agreement_remove_clause(a, "parents.homework"));
			ck_assert_ok(triad_agreement_remove_party(a, "f13"));
		} else if (c.op == SW_SIGN || c.op == SW_ACTIVATE) {
			ck_assert_ok(triad_agreement_propose(a, D("2026-09-01")));
			ck_assert_ok(triad_agreement_sign(a, "s13", D("2026-09-02")));
			ck_assert_ok(triad_agreement_sign(a, "m13", D("2026-09-02")));
			ck_assert_ok(triad_agreement_sign(a, "t1", D("2026-09-02")));
			if (c.op == SW_ACTIVATE)
				ck_assert_ok(triad_agreement_sign(a, "f13", D("2026-09-02")));
		}
		char *saved = snapshot(a);
		c.saved = saved;
		c.a = a;
		long runs = failalloc_sweep(run_change, after_change, &c);
		ck_assert_msg(runs >= 2, "op %d: %ld runs", c.op, runs);
		triad_agreement_free(c.a);
		triad_free(saved);
	}
	triad_roster_free(c.r);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* jansson's lexer does not survive every allocation failure (see
 * test_roster.c), so the load sweep starts after the parser's allocations. */
static long parse_count;
static void *count_malloc(size_t n)
{
	parse_count++;
	return malloc(n);
}

START_TEST(load_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	triad_roster *r = load_roster();
	triad_agreement *a = active13(r);
	ck_assert_ok(triad_agreement_clause_add_variant(a, "student.effort", 1, 2,
	                                                TRIAD_PARTY_STUDENT, "s13", "a", "b"));
	/* A copy in the C library's memory: the counting allocator comes next. */
	char *saved = snapshot(a);
	char *text = strdup(saved);
	triad_free(saved);
	triad_agreement_free(a);
	triad_roster_free(r);
	json_set_alloc_funcs(count_malloc, free);
	parse_count = 0;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	json_decref(root);
	long parsing = parse_count;
	failalloc_install();
	for (long n = parsing + 1;; n++) {
		long before = failalloc_live();
		failalloc_arm(n);
		triad_agreement *b = NULL;
		int rc = triad_agreement_load(&b, text, strlen(text), NULL);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (failed) {
			ck_assert_msg(rc == TRIAD_ENOMEM, "allocation %ld: %d (%s)", n, rc,
			              triad_error_last()->message);
			ck_assert_ptr_null(b);
		} else {
			ck_assert_ok(rc);
		}
		triad_agreement_free(b);
		ck_assert_msg(failalloc_live() == before, "allocation %ld: %ld leaked", n,
		              failalloc_live() - before);
		if (!failed) {
			ck_assert_int_gt(n - parsing, 200);
			break;
		}
	}
	free(text);
}
END_TEST

static Suite *agreement_suite(void)
{
	Suite *s = suite_create("agreement");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, catalogue_is_complete_and_bilingual);
	tcase_add_test(tc, start_from_roster_and_catalogue);
	tcase_add_test(tc, commitments_for_the_contact_log);
	tcase_add_test(tc, editing_a_draft);
	suite_add_tcase(s, tc);
	tc = tcase_create("lifecycle");
	tcase_add_test(tc, every_transition_legal_or_refused);
	tcase_add_test(tc, lifecycle_details);
	tcase_add_test(tc, signing_rules_at_15_16_17_18);
	tcase_add_test(tc, separated_parents_both_sign);
	tcase_add_test(tc, amendments_make_versions);
	tcase_add_test(tc, renewing_for_next_year);
	suite_add_tcase(s, tc);
	tc = tcase_create("validation");
	tcase_add_test(tc, validation_of_a_catalogue_agreement_is_clean);
	tcase_add_test(tc, validation_findings);
	suite_add_tcase(s, tc);
	tc = tcase_create("json");
	tcase_add_test(tc, round_trip_field_for_field);
	tcase_add_test(tc, checked_in_file_matches_the_library);
	tcase_add_test(tc, every_kind_of_bad_json);
	suite_add_tcase(s, tc);
	tc = tcase_create("render");
	tcase_add_test(tc, rendering_in_both_languages);
	tcase_add_test(tc, rendering_escapes_input);
	suite_add_tcase(s, tc);
	tc = tcase_create("threads");
	tcase_add_test(tc, reading_from_many_threads);
	suite_add_tcase(s, tc);
	tc = tcase_create("allocation");
	tcase_add_test(tc, allocation_failures_leave_everything_as_it_was);
	tcase_add_test(tc, load_survives_allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(agreement_suite)
