/* triad_roster_load: what loads saves, reloads equal, and saves the same text. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_roster *roster = NULL;
	int rc = triad_roster_load(&roster, (const char *)data, size, "fuzz.json", NULL);
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(roster == NULL);
		return 0;
	}
	char *text = NULL;
	FUZZ_ASSERT(triad_roster_save(&text, roster) == 0);
	triad_roster *again = NULL;
	FUZZ_ASSERT(triad_roster_load(&again, text, strlen(text), "saved.json", NULL) == 0);
	FUZZ_ASSERT(triad_roster_equal(roster, again));
	char *text2 = NULL;
	FUZZ_ASSERT(triad_roster_save(&text2, again) == 0);
	FUZZ_ASSERT(strcmp(text, text2) == 0);
	triad_free(text);
	triad_free(text2);
	triad_roster_free(again);
	triad_roster_free(roster);
	return 0;
}
