#include <stdio.h>

#include "support/testutil.h"

START_TEST(runtime_matches_header)
{
	ck_assert_str_eq(triad_version(), TRIAD_VERSION_STRING);
	ck_assert_uint_eq(triad_version_number(), TRIAD_VERSION_NUMBER);
	char buf[32];
	snprintf(buf, sizeof buf, "%d.%d.%d", TRIAD_VERSION_MAJOR, TRIAD_VERSION_MINOR,
	         TRIAD_VERSION_PATCH);
	ck_assert_str_eq(buf, TRIAD_VERSION_STRING);
	ck_assert_uint_eq(triad_version_number(),
	                  ((uint32_t)TRIAD_VERSION_MAJOR << 16) |
	                      ((uint32_t)TRIAD_VERSION_MINOR << 8) |
	                      (uint32_t)TRIAD_VERSION_PATCH);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("version");
	TCase *tc = tcase_create("version");
	tcase_add_test(tc, runtime_matches_header);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
