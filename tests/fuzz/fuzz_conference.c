/* triad_conference_load_json: what loads saves, reloads and saves the same
 * text; a short solve of it passes the checker. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_conference *conf = NULL;
	int rc = triad_conference_load_json(&conf, (const char *)data, size, "fuzz.json");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(conf == NULL);
		return 0;
	}
	char *text = NULL, *text2 = NULL;
	FUZZ_ASSERT(triad_conference_save_json(&text, conf) == 0);
	triad_conference *again = NULL;
	FUZZ_ASSERT(triad_conference_load_json(&again, text, strlen(text), "saved.json") == 0);
	FUZZ_ASSERT(triad_conference_save_json(&text2, again) == 0);
	FUZZ_ASSERT(strcmp(text, text2) == 0);
	/* Small instances only: the solver's result must satisfy the checker. */
	if (triad_conference_request_count(conf) <= 64) {
		triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
		o.max_iterations = 30;
		triad_conference_result *res = NULL;
		FUZZ_ASSERT(triad_conference_solve(&res, conf, &o, NULL) == 0);
		triad_conference_report *rep = NULL;
		FUZZ_ASSERT(triad_conference_check(&rep, conf, res) == 0);
		FUZZ_ASSERT(triad_conference_report_violation_count(rep) == 0);
		triad_conference_report_free(rep);
		triad_conference_result_free(res);
	}
	triad_free(text);
	triad_free(text2);
	triad_conference_free(again);
	triad_conference_free(conf);
	return 0;
}
