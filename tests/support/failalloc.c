#include <check.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "triad.h"

/* Each block carries a header so that live blocks can be counted. */
typedef union header {
	size_t size;
	max_align_t align;
} header;

static long countdown; /* 0: disarmed */
static bool tripped;
static long live;

static bool should_fail(void)
{
	if (countdown > 0 && --countdown == 0) {
		tripped = true;
		return true;
	}
	return false;
}

static void *fa_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	header *h = malloc(sizeof(header) + size);
	if (!h)
		return NULL;
	h->size = size;
	live++;
	return h + 1;
}

static void fa_free(void *p)
{
	if (!p)
		return;
	live--;
	free((header *)p - 1);
}

static void *fa_realloc(void *p, size_t size)
{
	if (!p)
		return fa_malloc(size);
	if (should_fail())
		return NULL;
	header *h = realloc((header *)p - 1, sizeof(header) + size);
	if (!h)
		return NULL;
	h->size = size;
	return h + 1;
}

void failalloc_install(void)
{
	ck_assert_int_eq(triad_allocator_set(fa_malloc, fa_realloc, fa_free), 0);
	json_set_alloc_funcs(fa_malloc, fa_free);
}

void failalloc_arm(long n)
{
	countdown = n;
	tripped = false;
}

bool failalloc_tripped(void)
{
	return tripped;
}

long failalloc_live(void)
{
	return live;
}

bool failalloc_enabled(void)
{
	return getenv("TRIAD_NO_ALLOC_SWEEP") == NULL;
}

long failalloc_sweep(failalloc_run_fn run, failalloc_after_fn after, void *ctx)
{
	for (long n = 1;; n++) {
		long before = live;
		failalloc_arm(n);
		int rc = run(ctx);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (failed && rc != 0) {
			ck_assert_msg(rc == TRIAD_ENOMEM,
			              "allocation %ld failed, but the call returned %d (%s)",
			              n, rc, triad_error_last()->message);
			ck_assert_int_eq(triad_error_last()->code, TRIAD_ENOMEM);
		} else {
			ck_assert_msg(rc == 0, "run %ld: the call returned %d (%s)", n, rc,
			              triad_error_last()->message);
		}
		after(ctx, rc);
		ck_assert_msg(live == before,
		              "allocation %ld failed: %ld block(s) leaked", n,
		              live - before);
		if (!failed)
			return n;
	}
}
