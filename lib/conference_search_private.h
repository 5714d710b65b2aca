/*
 * The local search's state, shared by its loop (conference_search.c) and
 * its destroy operators (conference_destroy.c).
 */
#ifndef TRIAD_CONFERENCE_SEARCH_PRIVATE_H
#define TRIAD_CONFERENCE_SEARCH_PRIVATE_H

#include "conference_solve_private.h"

enum {
	OP_RANDOM, OP_HOUSEHOLDS, OP_WORST, OP_TEACHER, OP_WINDOW, OP_BLOCKERS, OP_SESSION,
	OP_MATCH, /* not in the roulette: at a fixed rate */
	OP_COUNT
};

/* A pool entry during a repair: its best places not yet computed, computed
 * (valid while stamp matches), or done (placed, or no place left). */
enum { ENTRY_STALE = 0, ENTRY_FRESH = 1, ENTRY_DONE = 2 };

typedef struct search {
	cf_state *st;
	cf_rng rng;
	/* Undo log of the current iteration. */
	int32_t *log_r, *log_g;
	size_t nlog;
	uint8_t *logged;
	int32_t *logpos; /* [R] place of a logged request in the log */
	/* Requests waiting for repair, with cached best places. */
	int32_t *pool;
	size_t npool;
	uint8_t *inpool;
	int32_t *arg;
	int64_t *b1, *b2;
	uint32_t *stamp;  /* version_of() when arg, b1, b2 were computed */
	uint8_t *entry;   /* ENTRY_*: the state of each pool entry in this repair */
	uint32_t *hver, *tver; /* change counts per household and teacher */
	/* Unscheduled requests of the current solution. */
	int32_t *uns;
	size_t nuns;
	int32_t *uns_pos;       /* [R] place in uns, -1 */
	int32_t *tu, *tu_n;     /* per teacher t: tu[treq_start[t] ..] and how many */
	double op_weight[OP_COUNT];
	const uint8_t *pin_conflict;
	const uint8_t *routed; /* the bound's guide (conference_bound.c) */
	cf_match match;
	int32_t *mreq, *mcur, *mout; /* [match.max_req] */
} search;

/* Record r's place before an iteration changes it (undo log). */
static inline void log_req(search *se, int32_t r)
{
	if (se->logged[r])
		return;
	se->logged[r] = 1;
	se->logpos[r] = (int32_t)se->nlog;
	se->log_r[se->nlog] = r;
	se->log_g[se->nlog] = se->st->start[r];
	se->nlog++;
}

static inline bool pinned(const search *se, int32_t r)
{
	return se->st->c->requests[r].pin_session >= 0;
}

static inline void pool_add(search *se, int32_t r)
{
	if (se->inpool[r] || pinned(se, r))
		return;
	se->inpool[r] = 1;
	se->pool[se->npool++] = r;
}

/* Remove meetings into the repair pool by operator op (OP_*), about q of
 * them; OP_MATCH and OP_SESSION fall back to other operators when they
 * find nothing to do. */
void triad__cf_destroy(search *se, int op, size_t q);

#endif
