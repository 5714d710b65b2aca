/* triad_calendar_load_opendata: what loads (region midden, the file's only
 * school year) saves in triad.calendar/1, which reloads to the same text. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_calendar *cal = NULL;
	int rc = triad_calendar_load_opendata(&cal, (const char *)data, size, "fuzz", NULL,
	                                      TRIAD_REGION_MIDDEN);
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
	triad_free(a);
	triad_free(b);
	triad_calendar_free(again);
	triad_calendar_free(cal);
	return 0;
}
