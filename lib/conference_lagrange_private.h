/*
 * The Lagrangian bound of the conference scheduler (conference_lagrange.c)
 * and what it shares with the flow bound (conference_bound.c). Never
 * installed.
 */
#ifndef TRIAD_CONFERENCE_LAGRANGE_PRIVATE_H
#define TRIAD_CONFERENCE_LAGRANGE_PRIVATE_H

#include "conference_private.h"

/* The parts of the requests: one per teacher of a request, numbered
 * request by request in teacher order. A part holds a share of its
 * request's weight and a price u >= 0; weights and prices are scaled by
 * 2^shift so that every quantity is an exact integer. */
typedef struct cf_parts {
	int shift;
	size_t n;
	int32_t *first;  /* [nrequests + 1] first part of each request */
	int32_t *den;    /* [n] the part holds w / den; 0: no share */
	int64_t *share;  /* [n] w << shift split as den says, adding up exactly */
	int64_t *u;      /* [n] prices, set by the flow bound's dual */
} cf_parts;

/* Whether request r can start at (s, p), honouring its pin. */
bool triad__cf_can_start(const triad_conference *c, size_t r, size_t s, int32_t p);

/* Shares for joint requests: the teachers asked for more slots than they
 * have share the weight equally (all of them when none is). Returns 0 or
 * TRIAD_ENOMEM; free with triad__cf_parts_free. */
int triad__cf_parts_init(cf_parts *p, const triad_conference *c);
void triad__cf_parts_free(cf_parts *p);

/* The flow bound alone (the smallest of the flow relaxations); with parts
 * (may be NULL) also the dual prices u of the teachers' network split as
 * parts says. routed: see triad__cf_bound. */
int triad__cf_flow_bound(int64_t *out, const triad_conference *c, uint8_t *routed,
                         cf_parts *parts);

/* The Lagrangian bound from the prices in parts (improved in place by a
 * fixed number of subgradient steps that depends on the instance's size):
 * an upper bound on the schedulable weight. Returns 0 or TRIAD_ENOMEM. */
int triad__cf_lagrange(int64_t *out, const triad_conference *c, cf_parts *parts);

#endif
