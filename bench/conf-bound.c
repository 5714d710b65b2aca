/*
 * conf-bound: the conference scheduler's upper bound on the schedulable
 * priority weight, the flow relaxations alone against the full bound (the
 * flows and the Lagrangian bound of conference_lagrange.c), with the CPU
 * time of each, as unscheduled weight (total - bound):
 *
 *     conf-bound INSTANCE.json...
 *
 * Linked against the static library for the private entry points.
 */
#include <stdio.h>
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
	if (argc < 2) {
		fprintf(stderr, "usage: conf-bound INSTANCE.json...\n");
		return 2;
	}
	printf("| instance | total weight | flow: unscheduled >= | cpu s | bound: unscheduled >= | cpu s |\n");
	printf("|---|---|---|---|---|---|\n");
	for (int i = 1; i < argc; i++) {
		triad_conference *c;
		if (triad_conference_load_file(&c, argv[i])) {
			fprintf(stderr, "%s: %s\n", argv[i], triad_error_last()->message);
			return 1;
		}
		int64_t total = 0, fb, b;
		for (size_t r = 0; r < c->nrequests; r++)
			total += triad__cf_priority_weight(c->settings, c->requests[r].priority);
		double t0 = cpu();
		int rc = triad__cf_flow_bound(&fb, c, NULL, NULL);
		double t1 = cpu();
		rc = rc ? rc : triad__cf_bound(&b, c, NULL);
		double t2 = cpu();
		if (rc) {
			fprintf(stderr, "%s: %s\n", argv[i], triad_error_last()->message);
			return 1;
		}
		printf("| %s | %lld | %lld | %.3f | %lld | %.3f |\n", argv[i], (long long)total,
		       (long long)(total - fb), t1 - t0, (long long)(total - b), t2 - t1);
		triad_conference_free(c);
	}
	return 0;
}
