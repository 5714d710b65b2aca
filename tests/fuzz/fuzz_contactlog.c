/* triad_contactlog_load_string (triad.contact-log/1 document): what loads
 * writes back, reloads and writes the same text again; it also goes
 * through JSON Lines and back unchanged. */
#include <unistd.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_contactlog *log = NULL;
	int rc = triad_contactlog_load_string(&log, (const char *)data, size, "fuzz.json");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(log == NULL);
		return 0;
	}
	char *text = NULL;
	FUZZ_ASSERT(triad_contactlog_to_json(&text, log) == 0);
	triad_contactlog *again = NULL;
	FUZZ_ASSERT(triad_contactlog_load_string(&again, text, strlen(text), "saved.json") == 0);
	FUZZ_ASSERT(triad_contactlog_count(again) == triad_contactlog_count(log));
	char *text2 = NULL;
	FUZZ_ASSERT(triad_contactlog_to_json(&text2, again) == 0);
	FUZZ_ASSERT(strcmp(text, text2) == 0);
	triad_free(text2);

	char path[64];
	snprintf(path, sizeof path, "/tmp/fuzz-contactlog-%ld.jsonl", (long)getpid());
	FUZZ_ASSERT(triad_contactlog_save_jsonl(log, path) == 0);
	triad_contactlog *lines = NULL;
	FUZZ_ASSERT(triad_contactlog_load_jsonl(&lines, path) == 0);
	unlink(path);
	char *text3 = NULL;
	FUZZ_ASSERT(triad_contactlog_to_json(&text3, lines) == 0);
	FUZZ_ASSERT(strcmp(text, text3) == 0);
	triad_free(text3);
	triad_free(text);
	triad_contactlog_free(lines);
	triad_contactlog_free(again);
	triad_contactlog_free(log);
	return 0;
}
