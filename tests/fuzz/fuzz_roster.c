/* triad_roster_load: what loads saves, reloads equal, and answers every
 * navigation and age-policy query without crashing. */
#include "fuzz.h"

static void query_all(const triad_roster *r)
{
	for (size_t i = 0; i < triad_roster_student_count(r); i++) {
		const triad_student *s = triad_roster_student_at(r, i);
		const char *id = triad_student_id(s);
		triad_strlist *a = NULL, *b = NULL;
		FUZZ_ASSERT(triad_roster_student_guardians(&a, r, id) == 0);
		FUZZ_ASSERT(triad_roster_student_households(&b, r, id) == 0);
		FUZZ_ASSERT(triad_strlist_count(b) <= triad_strlist_count(a));
		triad_strlist_free(a);
		triad_strlist_free(b);
		/* The day the student turns 16, and 18 (or later, for 29 February). */
		triad_date on = triad_student_birth_date(s) + 16 * 366;
		int age = 0, v = 0;
		if (triad_student_age(&age, s, on) != 0)
			continue; /* beyond year 9999 */
		FUZZ_ASSERT(age >= 16);
		FUZZ_ASSERT(triad_policy_consenters(&a, r, NULL, id, on) == 0);
		FUZZ_ASSERT(triad_strlist_count(a) == 1 && strcmp(triad_strlist_at(a, 0), id) == 0);
		triad_strlist_free(a);
		FUZZ_ASSERT(triad_policy_signers(&a, r, NULL, id, on) == 0);
		FUZZ_ASSERT(strcmp(triad_strlist_at(a, 0), id) == 0);
		triad_strlist_free(a);
		FUZZ_ASSERT(triad_policy_informed(&a, &b, r, NULL, id, on) == 0);
		triad_strlist_free(a);
		triad_strlist_free(b);
		FUZZ_ASSERT(triad_policy_consent_in_force(&v, r, NULL, id, "photos", on) == 0);
	}
	for (size_t i = 0; i < triad_roster_household_count(r); i++) {
		triad_strlist *a = NULL;
		const char *id = triad_household_id(triad_roster_household_at(r, i));
		FUZZ_ASSERT(triad_roster_household_students(&a, r, id) == 0);
		triad_strlist_free(a);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_roster *r = NULL;
	int rc = triad_roster_load(&r, (const char *)data, size, "fuzz", NULL);
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(r == NULL);
		return 0;
	}
	char *text = NULL, *again_text = NULL;
	FUZZ_ASSERT(triad_roster_save(&text, r) == 0);
	triad_roster *again = NULL;
	FUZZ_ASSERT(triad_roster_load(&again, text, strlen(text), "saved", NULL) == 0);
	FUZZ_ASSERT(triad_roster_equal(r, again));
	FUZZ_ASSERT(triad_roster_save(&again_text, again) == 0);
	FUZZ_ASSERT(strcmp(text, again_text) == 0);
	query_all(r);
	triad_free(text);
	triad_free(again_text);
	triad_roster_free(again);
	triad_roster_free(r);
	return 0;
}
