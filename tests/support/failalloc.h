/*
 * A counting allocator for allocation-failure tests.
 *
 * failalloc_install() routes libtriad's allocator hook and jansson's
 * allocator through counting functions that can be told to fail the Nth
 * allocation. failalloc_sweep() runs a call with the 1st, 2nd, 3rd ...
 * allocation failing until it completes without an injected failure, and
 * checks after each failed run that the call returned TRIAD_ENOMEM and that
 * no allocation leaked.
 *
 * The sweep is skipped when TRIAD_NO_ALLOC_SWEEP is set (the valgrind setup
 * sets it: the sweep is slow there and valgrind replaces malloc anyway).
 */
#ifndef TRIAD_FAILALLOC_H
#define TRIAD_FAILALLOC_H

#include <stdbool.h>

void failalloc_install(void);
/* Fail the nth allocation from now (1-based); 0 disarms. */
void failalloc_arm(long n);
/* Whether an injected failure happened since the last arm. */
bool failalloc_tripped(void);
/* Blocks currently allocated through the counting allocator. */
long failalloc_live(void);
bool failalloc_enabled(void);

/* Performs the call under test; returns its result code. */
typedef int (*failalloc_run_fn)(void *ctx);
/* Called after every run with its result code: on failure, assert the
 * objects are as before; on success, check and free the result. */
typedef void (*failalloc_after_fn)(void *ctx, int rc);

/* Returns the number of runs made (allocation points plus one). */
long failalloc_sweep(failalloc_run_fn run, failalloc_after_fn after, void *ctx);

#endif
