/* triad_contactplan_load (triad.contact-plan/1): what loads saves, reloads
 * and saves the same text again. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_contactplan *plan = NULL;
	int rc = triad_contactplan_load(&plan, (const char *)data, size, "fuzz.json");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(plan == NULL);
		return 0;
	}
	char *text = NULL;
	FUZZ_ASSERT(triad_contactplan_save(&text, plan) == 0);
	triad_contactplan *again = NULL;
	FUZZ_ASSERT(triad_contactplan_load(&again, text, strlen(text), "saved.json") == 0);
	char *text2 = NULL;
	FUZZ_ASSERT(triad_contactplan_save(&text2, again) == 0);
	FUZZ_ASSERT(strcmp(text, text2) == 0);
	triad_free(text);
	triad_free(text2);
	triad_contactplan_free(again);
	triad_contactplan_free(plan);
	return 0;
}
