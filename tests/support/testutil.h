/* Shared helpers for libtriad's Check tests. */
#ifndef TRIAD_TESTUTIL_H
#define TRIAD_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "triad.h"

/* Whether the last error's message contains `needle` (NULL: anything). */
static inline int test_message_has(const char *needle)
{
	return needle == NULL || strstr(triad_error_last()->message, needle) != NULL;
}

/* Assert that `call` fails with `want` and that the last error's message
 * contains `needle` (NULL: any message). */
#define ck_assert_fails(call, want, needle)                                        \
	do {                                                                       \
		int ck_rc_ = (call);                                               \
		ck_assert_msg(ck_rc_ == (want), "%s returned %d (%s), expected %d", \
		              #call, ck_rc_, triad_error_last()->message, (want));   \
		ck_assert_int_eq(triad_error_last()->code, (want));                \
		ck_assert_msg(test_message_has(needle), "message \"%s\" lacks \"%s\"", \
		              triad_error_last()->message, (needle) ? (needle) : ""); \
	} while (0)

/* Assert that `call` succeeds, printing the library's message if not. */
#define ck_assert_ok(call)                                                          \
	do {                                                                        \
		int ck_rc_ = (call);                                                \
		ck_assert_msg(ck_rc_ == 0, "%s returned %d: %s", #call, ck_rc_,      \
		              triad_error_last()->message);                         \
	} while (0)

/* A main() that runs one suite and exits non-zero on any failure. */
#define TRIAD_TEST_MAIN(make_suite)                                                 \
	int main(void)                                                              \
	{                                                                           \
		SRunner *sr = srunner_create(make_suite());                         \
		srunner_run_all(sr, CK_NORMAL);                                     \
		int failed = srunner_ntests_failed(sr);                             \
		srunner_free(sr);                                                   \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;                        \
	}

/* Path of a file in tests/data (TRIAD_TEST_DATA is set by meson). */
const char *test_data_path(const char *name);

#endif
