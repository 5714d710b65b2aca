/*
 * The conference solver's teacher-matching move (lib/conference_match.c),
 * on the solver's private state: a crafted instance whose optimum needs a
 * chain (a meeting moved to the other evening so that the teacher, at the
 * cap on the first, can take a request that fits only there), worked out
 * by hand; the same with a meeting held fixed; and the flow run only when
 * an alternating path shows that it meets more weight than the current
 * places.
 */
#include <stdint.h>

#include "conference_solve_private.h"
#include "support/testutil.h"

/* t1 meets at most 2 households in s1 (3 slots), freely in s2 (3 slots).
 * a (required, 2) fits s1 slot 0 only; c (invited, 4) s1 slot 1 only;
 * b (optional, 1) anywhere. All three meet only if b goes to s2. */
static const char *instance =
	"{ \"format\": \"triad.conference/1\", \"sessions\": ["
	"{ \"id\": \"s1\", \"date\": \"2026-11-10\", \"start\": \"19:00\", \"slots\": 3 },"
	"{ \"id\": \"s2\", \"date\": \"2026-11-12\", \"start\": \"19:00\", \"slots\": 3 } ],"
	"\"rooms\": [ { \"id\": \"A\" } ],"
	"\"teachers\": [ { \"id\": \"t1\", \"sessions\": ["
	"{ \"session\": \"s1\", \"room\": \"A\", \"max_meetings\": 2 },"
	"{ \"session\": \"s2\", \"room\": \"A\" } ] } ],"
	"\"households\": ["
	"{ \"id\": \"hA\", \"sessions\": [ { \"session\": \"s1\", \"available\": [[0, 1]] } ] },"
	"{ \"id\": \"hB\" },"
	"{ \"id\": \"hC\", \"sessions\": [ { \"session\": \"s1\", \"available\": [[1, 2]] } ] } ],"
	"\"requests\": ["
	"{ \"id\": \"a\", \"household\": \"hA\", \"teachers\": [\"t1\"], \"priority\": \"required\" },"
	"{ \"id\": \"b\", \"household\": \"hB\", \"teachers\": [\"t1\"], \"priority\": \"optional\" },"
	"{ \"id\": \"c\", \"household\": \"hC\", \"teachers\": [\"t1\"], \"priority\": \"invited\" } ] }";

START_TEST(chain_across_sessions)
{
	triad_conference *c = NULL;
	ck_assert_ok(triad_conference_load_json(&c, instance, strlen(instance), "test"));
	cf_state st;
	ck_assert_ok(triad__cf_state_init(&st, c, NULL));
	cf_match m;
	ck_assert_ok(triad__cf_match_init(&m, &st));
	ck_assert_uint_eq(m.max_req, 3);
	/* global slots: s1 is 0..2, s2 is 3..5 */
	int32_t req[3] = { 0, 1, 2 }, out[3];
	int64_t cost = triad__cf_match_solve(&m, &st, 0, req, NULL, 3, out);
	/* all three, each alone in its household's evening: no waiting, no
	 * extra session, t1 idles nowhere (a at 0, c at 1): -(2 + 1 + 4) M */
	ck_assert_int_eq(cost, -7000000);
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_eq(out[2], 1);
	ck_assert_int_ge(out[1], 3); /* b on the second evening */
	ck_assert_int_le(out[1], 5);
	/* b held at s1 slot 0 (t1 then has room for one more there): a has no
	 * place left, c takes slot 1 */
	triad__cf_assign(&st, 1, 0);
	int32_t two[2] = { 0, 2 };
	cost = triad__cf_match_solve(&m, &st, 0, two, NULL, 2, out);
	ck_assert_int_eq(out[0], -1);
	ck_assert_int_eq(out[1], 1);
	ck_assert_int_eq(cost, -4000000);
	triad__cf_match_free(&m);
	triad__cf_state_free(&st);
	triad_conference_free(c);
}
END_TEST

START_TEST(only_when_more_weight)
{
	triad_conference *c = NULL;
	ck_assert_ok(triad_conference_load_json(&c, instance, strlen(instance), "test"));
	cf_state st;
	ck_assert_ok(triad__cf_state_init(&st, c, NULL));
	cf_match m;
	ck_assert_ok(triad__cf_match_init(&m, &st));
	int32_t req[3] = { 0, 1, 2 }, out[3];
	/* where they were: all three met (a 0, b on s2 at 5, c 1): nothing
	 * meets more weight, so the places come back as they were, cost 0 */
	int32_t all[3] = { 0, 5, 1 };
	ck_assert_int_eq(triad__cf_match_solve(&m, &st, 0, req, all, 3, out), 0);
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_eq(out[1], 5);
	ck_assert_int_eq(out[2], 1);
	/* b at s1 slot 2 filled t1's cap there and a waited: the chain (b to
	 * s2, a in) meets 2 more, so the flow runs and finds all three */
	int32_t capped[3] = { -1, 2, 1 };
	ck_assert_int_eq(triad__cf_match_solve(&m, &st, 0, req, capped, 3, out), -7000000);
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_ge(out[1], 3);
	ck_assert_int_eq(out[2], 1);
	/* a lighter request in the way: b (1) held c's only slot and c (4)
	 * waited; leaving b out alone would already gain, so the flow runs */
	int32_t blocked[3] = { 0, 1, -1 };
	ck_assert_int_eq(triad__cf_match_solve(&m, &st, 0, req, blocked, 3, out), -7000000);
	ck_assert_int_eq(out[2], 1);
	ck_assert_int_ge(out[1], 3);
	triad__cf_match_free(&m);
	triad__cf_state_free(&st);
	triad_conference_free(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("conference_match");
	TCase *tc = tcase_create("match");
	tcase_add_test(tc, chain_across_sessions);
	tcase_add_test(tc, only_when_more_weight);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
