/* triad_calendar_load_opendata (the government's school-holiday JSON): the
 * first byte picks the region and the school year asked for, the rest is
 * the document. A calendar that
 * loads saves as triad.calendar/1, reloads and saves the same text again. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const triad_region regions[] = { TRIAD_REGION_NOORD, TRIAD_REGION_MIDDEN,
	                                        TRIAD_REGION_ZUID };
	/* NULL: the file must hold exactly one school year. */
	static const char *const years[] = { NULL, "2024-2025", "2025-2026" };
	triad_region region = regions[data[0] % 3];
	const char *year = years[(data[0] / 3) % 3];
	triad_calendar *cal = NULL;
	int rc = triad_calendar_load_opendata(&cal, (const char *)data + 1, size - 1,
	                                      "fuzz.json", year, region);
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
