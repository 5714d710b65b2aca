/*
 * triad_conference_import_csv on a fixed base instance (two sessions, four
 * teachers, as tests/data/csv/base.json): a failure leaves a code, a message
 * and a row within the input; what imports saves and reloads with the same
 * households and requests.
 */
#include "fuzz.h"

static const char base_json[] =
	"{\"format\":\"triad.conference/1\","
	"\"sessions\":["
	"{\"id\":\"di\",\"date\":\"2026-11-24\",\"start\":\"19:00\",\"slot_minutes\":10,"
	"\"gap_minutes\":0,\"slots\":12,\"breaks\":[[6,7]]},"
	"{\"id\":\"do\",\"date\":\"2026-11-26\",\"start\":\"19:00\",\"slot_minutes\":10,"
	"\"gap_minutes\":0,\"slots\":12,\"breaks\":[]}],"
	"\"rooms\":[{\"id\":\"A1.01\"},{\"id\":\"A1.02\"},{\"id\":\"B2.10\"}],"
	"\"teachers\":["
	"{\"id\":\"VRI\",\"name\":\"VRI\",\"sessions\":[{\"session\":\"di\",\"room\":\"A1.01\","
	"\"available\":[[0,12]]},{\"session\":\"do\",\"room\":\"A1.01\",\"available\":[[0,12]]}]},"
	"{\"id\":\"BAK\",\"name\":\"BAK\",\"sessions\":[{\"session\":\"di\",\"room\":\"A1.02\","
	"\"available\":[[0,12]]}]},"
	"{\"id\":\"JAN\",\"name\":\"JAN\",\"sessions\":[{\"session\":\"do\",\"room\":\"B2.10\","
	"\"available\":[[2,12]]}]},"
	"{\"id\":\"BOE\",\"name\":\"BOE\",\"sessions\":[]}],"
	"\"households\":[],\"requests\":[]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static triad_conference *base;
	if (!base)
		FUZZ_ASSERT(triad_conference_load_json(&base, base_json, sizeof base_json - 1,
		                                       "base") == 0);
	size_t lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';

	triad_conference *conf = NULL;
	int rc = triad_conference_import_csv(&conf, base, (const char *)data, size, "fuzz.csv",
	                                     NULL);
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(conf == NULL);
		FUZZ_ASSERT(triad_error_last()->line >= 0 &&
		            (size_t)triad_error_last()->line <= lines);
		return 0;
	}
	FUZZ_ASSERT(triad_conference_request_count(conf) > 0);
	char *text = NULL;
	FUZZ_ASSERT(triad_conference_save_json(&text, conf) == 0);
	triad_conference *again = NULL;
	FUZZ_ASSERT(triad_conference_load_json(&again, text, strlen(text), "saved") == 0);
	FUZZ_ASSERT(triad_conference_household_count(again) ==
	            triad_conference_household_count(conf));
	FUZZ_ASSERT(triad_conference_request_count(again) == triad_conference_request_count(conf));
	triad_free(text);
	triad_conference_free(again);
	triad_conference_free(conf);
	return 0;
}
