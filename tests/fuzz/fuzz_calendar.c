/* triad_calendar_load (triad.calendar/1): what loads saves, reloads and
 * saves the same text again. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_calendar *cal = NULL;
	int rc = triad_calendar_load(&cal, (const char *)data, size, "fuzz.json");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(cal == NULL);
		return 0;
	}
	char *text = NULL;
	FUZZ_ASSERT(triad_calendar_save(&text, cal) == 0);
	triad_calendar *again = NULL;
	FUZZ_ASSERT(triad_calendar_load(&again, text, strlen(text), "saved.json") == 0);
	char *text2 = NULL;
	FUZZ_ASSERT(triad_calendar_save(&text2, again) == 0);
	FUZZ_ASSERT(strcmp(text, text2) == 0);
	triad_free(text);
	triad_free(text2);
	triad_calendar_free(again);
	triad_calendar_free(cal);
	return 0;
}
