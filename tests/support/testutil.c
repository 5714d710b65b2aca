#include <stdio.h>

#include "testutil.h"

const char *test_data_path(const char *name)
{
	static char buf[4096];
	const char *dir = getenv("TRIAD_TEST_DATA");
	snprintf(buf, sizeof buf, "%s/%s", dir ? dir : "tests/data", name);
	return buf;
}
