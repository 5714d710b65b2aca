/* The reach report's structure, shared by its computation (analytics.c) and
 * its rendering as text and JSON (analytics_render.c). */
#ifndef TRIAD_ANALYTICS_PRIVATE_H
#define TRIAD_ANALYTICS_PRIVATE_H

#include "contactlog_private.h"

typedef struct triad__reach_group {
	triad_reach_group type;
	char *name;
	triad_reach_figures f;
} triad__reach_group;

/* Both records start with the household symbol (sorted on it). */
typedef struct triad__reach_never {
	uint32_t h;
	triad_date last_attempt;
	size_t attempts;
} triad__reach_never;

typedef struct triad__reach_hard {
	uint32_t h;
	unsigned reasons;
	size_t streak;
	int has_contact;
	triad_date last_contact;
} triad__reach_hard;

struct triad_reach_report {
	triad_date as_of, from, to;
	int32_t hard_weeks, hard_failed;
	bool weeks_apply;       /* at least N school weeks have passed */
	bool school_weeks;      /* weeks from a calendar (else calendar weeks) */
	triad_date weeks_start; /* Monday of the first of the last N school weeks */
	triad_symtab households;
	triad_reach_figures school;
	triad__reach_group *groups;
	size_t ngroups;
	triad__reach_never *never;
	size_t nnever;
	triad__reach_hard *hard;
	size_t nhard;
};

#endif /* TRIAD_ANALYTICS_PRIVATE_H */
