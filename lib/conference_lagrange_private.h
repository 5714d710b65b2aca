#ifndef TRIAD_CONFERENCE_LAGRANGE_PRIVATE_H
#define TRIAD_CONFERENCE_LAGRANGE_PRIVATE_H

#include "conference_private.h"

typedef struct cf_lagrange_params {
	int64_t iterations, lam0, lam_min, patience, primal_every, tfrac;
	bool start;
} cf_lagrange_params;

bool triad__cf_can_start(const triad_conference *c, size_t r, size_t s, int32_t p);
int triad__cf_flow_bound(int64_t *out, const triad_conference *c, uint8_t *routed);
int triad__cf_lagrange_run(int64_t *out, const triad_conference *c, const cf_lagrange_params *prm,
                           int64_t *trace);

#endif
