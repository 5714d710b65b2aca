/* triad_date_parse: anything that parses formats back to the same text. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[32];
	if (size >= sizeof text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	triad_date d;
	int rc = triad_date_parse(&d, text);
	if (rc < 0) {
		FUZZ_CHECK_ERROR(rc);
		return 0;
	}
	char back[TRIAD_DATE_BUFSIZE];
	FUZZ_ASSERT(triad_date_format(d, back) == 0);
	FUZZ_ASSERT(strcmp(back, text) == 0);
	int y, m, dd;
	FUZZ_ASSERT(triad_date_to_ymd(d, &y, &m, &dd) == 0);
	triad_date again;
	FUZZ_ASSERT(triad_date_from_ymd(&again, y, m, dd) == 0 && again == d);
	return 0;
}
