#include <pthread.h>

#include "support/testutil.h"

START_TEST(fresh_thread_has_empty_error)
{
	triad_error_clear();
	const triad_error *e = triad_error_last();
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->code, 0);
	ck_assert_str_eq(e->message, "");
	ck_assert_str_eq(e->source, "");
	ck_assert_str_eq(e->path, "");
	ck_assert_int_eq(e->line, 0);
	ck_assert_int_eq(e->column, 0);
}
END_TEST

START_TEST(failed_call_records_code_and_message)
{
	triad_category c;
	ck_assert_int_eq(triad_category_from_id(&c, "involvment.home"), TRIAD_ENOTFOUND);
	const triad_error *e = triad_error_last();
	ck_assert_int_eq(e->code, TRIAD_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e->message, "\"involvment.home\""));
	triad_error_clear();
	ck_assert_int_eq(triad_error_last()->code, 0);
	ck_assert_str_eq(triad_error_last()->message, "");
}
END_TEST

START_TEST(strerror_covers_every_code)
{
	ck_assert_str_eq(triad_strerror(TRIAD_OK), "success");
	ck_assert_str_eq(triad_strerror(TRIAD_EINVAL), "invalid argument");
	ck_assert_str_eq(triad_strerror(TRIAD_ENOMEM), "out of memory");
	ck_assert_str_eq(triad_strerror(TRIAD_ENOTFOUND), "not found");
	ck_assert_str_eq(triad_strerror(TRIAD_EPARSE), "syntax error");
	ck_assert_str_eq(triad_strerror(TRIAD_ESTATE), "not allowed in the current state");
	ck_assert_str_eq(triad_strerror(TRIAD_EFORMAT), "invalid document content");
	ck_assert_str_eq(triad_strerror(TRIAD_EVERSION), "unsupported format version");
	ck_assert_str_eq(triad_strerror(TRIAD_EEXISTS), "already exists");
	ck_assert_str_eq(triad_strerror(TRIAD_EIO), "input/output error");
	ck_assert_str_eq(triad_strerror(TRIAD_ECANCELED), "canceled");
	ck_assert_str_eq(triad_strerror(TRIAD_ERANGE), "value out of range");
	ck_assert_str_eq(triad_strerror(TRIAD_EINTERNAL), "internal error");
	ck_assert_str_eq(triad_strerror(-999), "unknown error");
	ck_assert_str_eq(triad_strerror(5), "unknown error");
}
END_TEST

/* Two threads fail different calls in lock step and each must see its own error. */
static pthread_barrier_t barrier;

typedef struct worker {
	const char *id; /* an unknown category id; the message names it */
	char message[256];
	int ok;
} worker;

static void *work(void *arg)
{
	worker *w = arg;
	int ok = 1;
	for (int i = 0; i < 1000; i++) {
		triad_category c;
		/* Both threads fail at once, then both read at once. */
		pthread_barrier_wait(&barrier);
		triad_category_from_id(&c, w->id);
		pthread_barrier_wait(&barrier);
		const triad_error *err = triad_error_last();
		if (err->code != TRIAD_ENOTFOUND || !strstr(err->message, w->id))
			ok = 0;
	}
	snprintf(w->message, sizeof w->message, "%s", triad_error_last()->message);
	w->ok = ok;
	return NULL;
}

START_TEST(last_error_is_per_thread)
{
	worker a = { "thread-a-id", "", 0 };
	worker b = { "thread-b-id", "", 0 };
	pthread_t ta, tb;
	ck_assert_int_eq(pthread_barrier_init(&barrier, NULL, 2), 0);
	ck_assert_int_eq(pthread_create(&ta, NULL, work, &a), 0);
	ck_assert_int_eq(pthread_create(&tb, NULL, work, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&barrier);
	ck_assert_int_eq(a.ok, 1);
	ck_assert_int_eq(b.ok, 1);
	ck_assert_ptr_nonnull(strstr(a.message, "thread-a-id"));
	ck_assert_ptr_null(strstr(a.message, "thread-b-id"));
	ck_assert_ptr_nonnull(strstr(b.message, "thread-b-id"));
	/* The main thread saw none of it. */
	triad_error_clear();
	ck_assert_int_eq(triad_error_last()->code, 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("error");
	tcase_add_test(tc, fresh_thread_has_empty_error);
	tcase_add_test(tc, failed_call_records_code_and_message);
	tcase_add_test(tc, strerror_covers_every_code);
	tcase_add_test(tc, last_error_is_per_thread);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
