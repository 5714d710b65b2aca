/* triad_contactplan_load: what loads saves, reloads and saves to the same
 * text, and generates on a fixed calendar and audience without error other
 * than the documented ones. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_contactplan *plan = NULL;
	int rc = triad_contactplan_load(&plan, (const char *)data, size, "fuzz");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(plan == NULL);
		return 0;
	}
	char *a = NULL, *b = NULL;
	triad_contactplan *again = NULL;
	FUZZ_ASSERT(triad_contactplan_save(&a, plan) == 0);
	FUZZ_ASSERT(triad_contactplan_load(&again, a, strlen(a), "saved") == 0);
	FUZZ_ASSERT(triad_contactplan_save(&b, again) == 0);
	FUZZ_ASSERT(strcmp(a, b) == 0);

	triad_calendar *cal = NULL;
	triad_audience *aud = NULL;
	triad_expected *x = NULL;
	FUZZ_ASSERT(triad_calendar_new(&cal, 2025, TRIAD_REGION_MIDDEN) == 0);
	FUZZ_ASSERT(triad_calendar_add_report_period(cal, "p1", "P1", 20325, 20413) == 0);
	FUZZ_ASSERT(triad_audience_new(&aud) == 0);
	FUZZ_ASSERT(triad_audience_add(aud, "h1", "s1", "havo", 1, "1a", "m1",
	                               TRIAD_PLAN_ACCESS_FULL) == 0);
	FUZZ_ASSERT(triad_audience_add(aud, "h1", "s2", "vwo", 3, "3b", "m2",
	                               TRIAD_PLAN_ACCESS_FULL) == 0);
	rc = triad_contactplan_generate(&x, plan, cal, aud);
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(rc == TRIAD_ERANGE || rc == TRIAD_ENOTFOUND);
	} else {
		for (size_t i = 0; i < triad_expected_count(x); i++) {
			FUZZ_ASSERT(triad_expected_earliest(x, i) <= triad_expected_due(x, i));
			FUZZ_ASSERT(i == 0 || triad_expected_due(x, i - 1) <= triad_expected_due(x, i));
		}
	}
	triad_expected_free(x);
	triad_audience_free(aud);
	triad_calendar_free(cal);
	triad_free(a);
	triad_free(b);
	triad_contactplan_free(again);
	triad_contactplan_free(plan);
	return 0;
}
