/*
 * The private min-cost flow (lib/mincost.c) against brute force: random
 * assignment problems of the shape the conference solver's teacher
 * matching builds (requests -> slots -> sessions with capacities ->
 * sink, negative costs, leaving a request out allowed), every assignment
 * enumerated; plus a chain worked out by hand. (Allocation failures are
 * swept through the solver, tests/test_conference_solve.c.)
 */
#include <stdint.h>

#include "mincost_private.h"
#include "support/testutil.h"

static uint64_t mix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

enum { NR = 5, NS = 6, NSESS = 2 };

typedef struct problem {
	int n, m;
	bool edge[NR][NS];
	int64_t cost[NR][NS];
	int sess[NS];
	int room[NSESS];
} problem;

/* Cheapest assignment by enumeration: each request to a slot it has an
 * edge to, or to none; slots distinct; at most room[s] per session. */
static int64_t brute(const problem *p, int r, int *used, int *load, int64_t acc)
{
	if (r == p->n)
		return acc;
	int64_t best = brute(p, r + 1, used, load, acc); /* left out */
	for (int g = 0; g < p->m; g++) {
		if (!p->edge[r][g] || used[g] || load[p->sess[g]] >= p->room[p->sess[g]])
			continue;
		used[g] = 1;
		load[p->sess[g]]++;
		int64_t v = brute(p, r + 1, used, load, acc + p->cost[r][g]);
		if (v < best)
			best = v;
		used[g] = 0;
		load[p->sess[g]]--;
	}
	return best;
}

START_TEST(matches_brute_force)
{
	uint64_t x = 1234 + (uint64_t)_i;
	problem p;
	memset(&p, 0, sizeof p);
	p.n = 1 + (int)(mix(&x) % NR);
	p.m = 1 + (int)(mix(&x) % NS);
	for (int g = 0; g < p.m; g++)
		p.sess[g] = (int)(mix(&x) % NSESS);
	for (int s = 0; s < NSESS; s++)
		p.room[s] = (int)(mix(&x) % 4);
	for (int r = 0; r < p.n; r++)
		for (int g = 0; g < p.m; g++)
			if (mix(&x) % 3) {
				p.edge[r][g] = true;
				/* weights 1, 2 or 4 (x 1000) against a small secondary term;
				 * sometimes a positive cost (never worth taking) */
				int64_t w = (int64_t)1 << (mix(&x) % 3);
				p.cost[r][g] = -w * 1000 + (int64_t)(mix(&x) % 1500);
			}
	triad_mcf f;
	ck_assert_ok(triad__mcf_init(&f, 2 + p.n + p.m + NSESS, p.n + p.n * p.m + p.m + NSESS));
	/* nodes: 0 source, 1 sink, requests, slots, sessions */
	int32_t rn = 2, gn = 2 + p.n, sn = 2 + p.n + p.m;
	triad__mcf_reset(&f, sn + NSESS);
	int32_t eid[NR][NS];
	for (int r = 0; r < p.n; r++) {
		ck_assert_int_ge(triad__mcf_add(&f, 0, rn + r, 1, 0), 0);
		for (int g = 0; g < p.m; g++)
			eid[r][g] = p.edge[r][g] ? triad__mcf_add(&f, rn + r, gn + g, 1, p.cost[r][g]) : -1;
	}
	for (int g = 0; g < p.m; g++)
		triad__mcf_add(&f, gn + g, sn + p.sess[g], 1, 0);
	for (int s = 0; s < NSESS; s++)
		triad__mcf_add(&f, sn + s, 1, p.room[s], 0);
	int used[NS] = { 0 }, load[NSESS] = { 0 };
	int64_t want = brute(&p, 0, used, load, 0);
	int64_t got = triad__mcf_solve(&f, 0, 1);
	ck_assert_int_eq(got, want);
	/* the flow is an assignment of that cost within the capacities */
	int64_t sum = 0;
	int taken[NS] = { 0 }, per[NSESS] = { 0 };
	for (int r = 0; r < p.n; r++) {
		int k = 0;
		for (int g = 0; g < p.m; g++)
			if (eid[r][g] >= 0 && triad__mcf_flow(&f, eid[r][g]) > 0) {
				k++;
				taken[g]++;
				per[p.sess[g]]++;
				sum += p.cost[r][g];
			}
		ck_assert_int_le(k, 1);
	}
	for (int g = 0; g < p.m; g++)
		ck_assert_int_le(taken[g], 1);
	for (int s = 0; s < NSESS; s++)
		ck_assert_int_le(per[s], p.room[s]);
	ck_assert_int_eq(sum, want);
	triad__mcf_free(&f);
}
END_TEST

START_TEST(chain_by_hand)
{
	/* Two requests, two slots. a may use slot 0 (-10) or slot 1 (-9);
	 * b only slot 0 (-5). Greedy would give a slot 0 and leave b out
	 * (-10); the optimum moves a to slot 1 for b: -9 - 5 = -14, found on
	 * the second path through the reverse arc of a's first choice. */
	triad_mcf f;
	ck_assert_ok(triad__mcf_init(&f, 6, 7));
	triad__mcf_reset(&f, 6);
	/* nodes: 0 source, 1 sink, 2 a, 3 b, 4 slot 0, 5 slot 1 */
	triad__mcf_add(&f, 0, 2, 1, 0);
	triad__mcf_add(&f, 0, 3, 1, 0);
	int32_t a0 = triad__mcf_add(&f, 2, 4, 1, -10);
	int32_t a1 = triad__mcf_add(&f, 2, 5, 1, -9);
	int32_t b0 = triad__mcf_add(&f, 3, 4, 1, -5);
	triad__mcf_add(&f, 4, 1, 1, 0);
	triad__mcf_add(&f, 5, 1, 1, 0);
	/* the graph is full: one more edge is refused and changes nothing */
	ck_assert_int_eq(triad__mcf_add(&f, 0, 1, 1, -100), -1);
	ck_assert_int_eq(triad__mcf_solve(&f, 0, 1), -14);
	ck_assert_int_eq(triad__mcf_flow(&f, a0), 0);
	ck_assert_int_eq(triad__mcf_flow(&f, a1), 1);
	ck_assert_int_eq(triad__mcf_flow(&f, b0), 1);
	/* reset and reuse: only positive costs, so nothing flows */
	triad__mcf_reset(&f, 3);
	triad__mcf_add(&f, 0, 2, 1, 3);
	int32_t e = triad__mcf_add(&f, 2, 1, 1, 0);
	ck_assert_int_eq(triad__mcf_solve(&f, 0, 1), 0);
	ck_assert_int_eq(triad__mcf_flow(&f, e), 0);
	triad__mcf_free(&f);
	triad__mcf_free(&f); /* freeing twice is harmless: the struct is zeroed */
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("mincost");
	TCase *tc = tcase_create("mincost");
	tcase_add_loop_test(tc, matches_brute_force, 0, 300);
	tcase_add_test(tc, chain_by_hand);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
