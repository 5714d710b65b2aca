#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "conference_lagrange_private.h"

static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	triad_conference *c;
	if (argc < 2 || triad_conference_load_file(&c, argv[1]))
		return 2;
	cf_lagrange_params p = { 300, 256, 1, 20, 10, 256, true };
	if (argc > 2) p.iterations = atoll(argv[2]);
	if (argc > 3) p.lam0 = atoll(argv[3]);
	if (argc > 4) p.patience = atoll(argv[4]);
	if (argc > 8) p.lam_min = atoll(argv[8]);
	if (argc > 5) p.start = atoi(argv[5]);
	if (argc > 6) p.primal_every = atoll(argv[6]);
	if (argc > 7) p.tfrac = atoll(argv[7]);
	int64_t total = 0, fb, lb;
	for (size_t r = 0; r < c->nrequests; r++)
		total += triad__cf_priority_weight(c->settings, c->requests[r].priority);
	double t0 = cpu();
	triad__cf_flow_bound(&fb, c, NULL);
	double t1 = cpu();
	int64_t *trace = calloc((size_t)p.iterations, sizeof *trace);
	triad__cf_lagrange_run(&lb, c, &p, trace);
	double t2 = cpu();
	printf("total %lld flow unsched %lld (%.3f s) lagrange unsched %lld (%.3f s)\n", (long long)total,
	       (long long)(total - fb), t1 - t0, (long long)(total - lb), t2 - t1);
	for (int64_t i = 0; i < p.iterations; i += p.iterations / 20 ? p.iterations / 20 : 1)
		printf("  it %lld: %lld\n", (long long)i, (long long)(total - trace[i]));
	return 0;
}
