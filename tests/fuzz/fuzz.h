/* Shared helpers for the libFuzzer targets. */
#ifndef TRIAD_FUZZ_H
#define TRIAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <triad.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort (a crash libFuzzer records) when a round trip differs. */
#define FUZZ_ASSERT(cond)                                                         \
	do {                                                                      \
		if (!(cond)) {                                                    \
			fprintf(stderr, "fuzz assertion failed: %s (%s:%d): %s\n", \
			        #cond, __FILE__, __LINE__,                         \
			        triad_error_last()->message);                      \
			abort();                                                  \
		}                                                                 \
	} while (0)

/* Every failed load must leave a code and a message behind. */
#define FUZZ_CHECK_ERROR(rc)                                                      \
	do {                                                                      \
		FUZZ_ASSERT((rc) < 0);                                            \
		FUZZ_ASSERT(triad_error_last()->code == (rc));                    \
		FUZZ_ASSERT(triad_error_last()->message[0] != '\0');              \
	} while (0)

#endif
