/* triad_conference_result_load_json against a fixed instance
 * (tests/data/conference/small.json, read once from the source tree, where
 * scripts/fuzz runs): what loads saves, reloads and saves the same text,
 * and the checker answers on it without error (a result may break hard
 * constraints; loading does not check them, the checker reports them). */
#include "fuzz.h"

static triad_conference *instance(void)
{
	static triad_conference *conf;
	if (!conf) {
		const char *path = getenv("TRIAD_FUZZ_INSTANCE");
		if (!path)
			path = "tests/data/conference/small.json";
		if (triad_conference_load_file(&conf, path)) {
			fprintf(stderr, "fuzz_conference_result: %s\n", triad_error_last()->message);
			abort();
		}
	}
	return conf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const triad_conference *conf = instance();
	triad_conference_result *res = NULL;
	int rc = triad_conference_result_load_json(&res, conf, (const char *)data, size,
	                                           "fuzz.json");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(res == NULL);
		return 0;
	}
	char *text = NULL, *text2 = NULL;
	FUZZ_ASSERT(triad_conference_result_save_json(&text, res) == 0);
	triad_conference_result *again = NULL;
	FUZZ_ASSERT(triad_conference_result_load_json(&again, conf, text, strlen(text),
	                                              "saved.json") == 0);
	FUZZ_ASSERT(triad_conference_result_save_json(&text2, again) == 0);
	FUZZ_ASSERT(strcmp(text, text2) == 0);
	triad_conference_report *rep = NULL;
	FUZZ_ASSERT(triad_conference_check(&rep, conf, res) == 0);
	triad_conference_report_free(rep);
	triad_free(text);
	triad_free(text2);
	triad_conference_result_free(again);
	triad_conference_result_free(res);
	return 0;
}
