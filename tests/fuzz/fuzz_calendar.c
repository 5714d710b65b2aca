/* triad_calendar_load: what loads saves, reloads and saves to the same text;
 * and the arithmetic agrees with itself on every day of the loaded year. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_calendar *cal = NULL;
	int rc = triad_calendar_load(&cal, (const char *)data, size, "fuzz");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(cal == NULL);
		return 0;
	}
	char *a = NULL, *b = NULL;
	triad_calendar *again = NULL;
	FUZZ_ASSERT(triad_calendar_save(&a, cal) == 0);
	FUZZ_ASSERT(triad_calendar_load(&again, a, strlen(a), "saved") == 0);
	FUZZ_ASSERT(triad_calendar_save(&b, again) == 0);
	FUZZ_ASSERT(strcmp(a, b) == 0);
	/* days_after(first, between(first, d)) is the last school day <= d. */
	triad_date first = triad_calendar_first_day(cal), last = triad_calendar_last_day(cal);
	for (triad_date d = first; d <= last; d++) {
		int32_t n = 0;
		triad_date back = 0;
		int school = 0;
		FUZZ_ASSERT(triad_calendar_school_days_between(&n, cal, first, d) == 0);
		FUZZ_ASSERT(triad_calendar_is_school_day(&school, cal, d) == 0);
		FUZZ_ASSERT(triad_calendar_school_days_after(&back, cal, first, n) == 0);
		FUZZ_ASSERT(back <= d && (!school || n == 0 || back == d));
	}
	triad_free(a);
	triad_free(b);
	triad_calendar_free(again);
	triad_calendar_free(cal);
	return 0;
}
