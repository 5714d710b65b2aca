/* triad_contactlog_load_jsonl and the streaming reader (JSON Lines): the
 * input is written to a file (the loaders read files); what loads saves as
 * JSON Lines, reloads and gives the same document; the streaming reader
 * reads exactly as many entries as the loader, or fails where it fails. */
#include <unistd.h>

#include "fuzz.h"

static void write_all(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(fwrite(data, 1, size, f) == size);
	FUZZ_ASSERT(fclose(f) == 0);
}

/* Entries the streaming reader gets through before the end or an error. */
static int stream(const char *path, size_t *count)
{
	triad_contact_reader *r = NULL;
	*count = 0;
	int rc = triad_contact_reader_open(&r, path);
	if (rc)
		return rc;
	for (;;) {
		int got = 0;
		triad_contact c;
		rc = triad_contact_reader_next(&got, &c, r);
		if (rc || !got)
			break;
		FUZZ_ASSERT(triad_contact_validate(&c) == 0);
		(*count)++;
	}
	triad_contact_reader_free(r);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[64], out[64];
	snprintf(in, sizeof in, "/tmp/fuzz-jsonl-in-%ld.jsonl", (long)getpid());
	snprintf(out, sizeof out, "/tmp/fuzz-jsonl-out-%ld.jsonl", (long)getpid());
	write_all(in, data, size);

	size_t streamed = 0;
	int src = stream(in, &streamed);
	if (src < 0)
		FUZZ_CHECK_ERROR(src);

	triad_contactlog *log = NULL;
	int rc = triad_contactlog_load_jsonl(&log, in);
	unlink(in);
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		FUZZ_ASSERT(log == NULL);
		return 0;
	}
	/* The loader also checks references between entries, which the reader
	 * leaves to its caller: whatever the loader takes, the reader reads. */
	FUZZ_ASSERT(src == 0);
	FUZZ_ASSERT(streamed == triad_contactlog_count(log));
	char *text = NULL;
	FUZZ_ASSERT(triad_contactlog_to_json(&text, log) == 0);
	FUZZ_ASSERT(triad_contactlog_save_jsonl(log, out) == 0);
	triad_contactlog *again = NULL;
	FUZZ_ASSERT(triad_contactlog_load_jsonl(&again, out) == 0);
	unlink(out);
	char *text2 = NULL;
	FUZZ_ASSERT(triad_contactlog_to_json(&text2, again) == 0);
	FUZZ_ASSERT(strcmp(text, text2) == 0);
	triad_free(text);
	triad_free(text2);
	triad_contactlog_free(again);
	triad_contactlog_free(log);
	return 0;
}
