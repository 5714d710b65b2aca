/* triad_contactlog_load_string: what loads saves, reloads and saves the same
 * text; it also goes through JSON Lines and back unchanged; pseudonymising
 * and erasing what loaded keep the log well-formed. */
#include <unistd.h>

#include "fuzz.h"

static const unsigned char KEY[16] = "fuzzing-key-0123";

static char *dump(const triad_contactlog *log)
{
	char *text = NULL;
	FUZZ_ASSERT(triad_contactlog_to_json(&text, log) == 0);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	triad_contactlog *log = NULL;
	int rc = triad_contactlog_load_string(&log, (const char *)data, size, "fuzz.json");
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(log == NULL);
		return 0;
	}
	char *text = dump(log);
	triad_contactlog *again = NULL;
	FUZZ_ASSERT(triad_contactlog_load_string(&again, text, strlen(text), "saved.json") == 0);
	char *text2 = dump(again);
	FUZZ_ASSERT(strcmp(text, text2) == 0);

	/* The same log through a JSON Lines file. */
	char path[64];
	snprintf(path, sizeof path, "/tmp/fuzz-contactlog-%ld.jsonl", (long)getpid());
	FUZZ_ASSERT(triad_contactlog_save_jsonl(log, path) == 0);
	triad_contactlog *lines = NULL;
	FUZZ_ASSERT(triad_contactlog_load_jsonl(&lines, path) == 0);
	unlink(path);
	char *text_lines = dump(lines);
	FUZZ_ASSERT(strcmp(text, text_lines) == 0);
	triad_free(text_lines);
	triad_contactlog_free(lines);

	/* Pseudonyms keep the structure (answers links included) loadable. */
	triad_contactlog *pseudo = NULL;
	FUZZ_ASSERT(triad_contactlog_pseudonymize(&pseudo, log, KEY, sizeof KEY) == 0);
	FUZZ_ASSERT(triad_contactlog_count(pseudo) == triad_contactlog_count(log));
	char *text3 = dump(pseudo);
	triad_contactlog *back = NULL;
	FUZZ_ASSERT(triad_contactlog_load_string(&back, text3, strlen(text3), "pseudo.json") == 0);

	/* Erasing the first entry's household leaves a log that saves and loads. */
	if (triad_contactlog_count(log) > 0) {
		triad_contact c;
		FUZZ_ASSERT(triad_contactlog_get(&c, log, 0) == 0);
		char *hh = strdup(c.household);
		triad_strlist *removed = NULL;
		FUZZ_ASSERT(triad_contactlog_erase(&removed, NULL, again, hh) == 0);
		FUZZ_ASSERT(triad_strlist_count(removed) >= 1);
		/* The household is gone, as a household and as a person. */
		for (size_t i = 0; i < triad_contactlog_count(again); i++) {
			triad_contact e;
			FUZZ_ASSERT(triad_contactlog_get(&e, again, i) == 0);
			FUZZ_ASSERT(strcmp(e.household, hh) != 0);
			FUZZ_ASSERT(!e.staff || strcmp(e.staff, hh) != 0);
			for (size_t k = 0; k < e.guardian_count; k++)
				FUZZ_ASSERT(strcmp(triad_contactlog_guardian(again, i, k), hh) != 0);
			for (size_t k = 0; k < e.student_count; k++)
				FUZZ_ASSERT(strcmp(triad_contactlog_student(again, i, k), hh) != 0);
		}
		char *text4 = dump(again);
		triad_contactlog *after = NULL;
		FUZZ_ASSERT(triad_contactlog_load_string(&after, text4, strlen(text4), "erased.json") == 0);
		triad_contactlog_free(after);
		triad_free(text4);
		triad_strlist_free(removed);
		free(hh);
	}
	triad_free(text);
	triad_free(text2);
	triad_free(text3);
	triad_contactlog_free(back);
	triad_contactlog_free(pseudo);
	triad_contactlog_free(again);
	triad_contactlog_free(log);
	return 0;
}
