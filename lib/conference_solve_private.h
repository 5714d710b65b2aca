/*
 * The solver's working state, shared by the constructive phase
 * (conference_construct.c) and the local search (conference_search.c).
 *
 * Slots are global here: g = session offset + slot, so that one row per
 * teacher or household covers every session. Occupancy rows hold the
 * request meeting there (-1: free). Per (person, session) the first busy
 * slot, the end of the last meeting and the busy slot count are cached, so
 * that the cost change of an insertion is computed in O(1) and a
 * feasibility check touches only the slots of the meeting.
 */
#ifndef TRIAD_CONFERENCE_SOLVE_PRIVATE_H
#define TRIAD_CONFERENCE_SOLVE_PRIVATE_H

#include "conference_private.h"
#include "mincost_private.h"

/* Why a placement is impossible (first failing check). */
enum {
	CF_FIT_OK = 0,
	CF_FIT_RANGE,      /* past the session end, or not the pin */
	CF_FIT_UNAVAILABLE, /* someone absent/unavailable or a break */
	CF_FIT_BUSY,       /* someone already meets then */
	CF_FIT_TEACHER_CAP,
	CF_FIT_NO_BREAK,
	CF_FIT_SESSION_CAP,
	CF_FIT_WAIT_CAP,
	CF_FIT_WALKING,
};

typedef struct cf_pspan {
	int32_t first, last, busy;
	int32_t term; /* the cost term it contributes: wait or idle slots */
} cf_pspan;

typedef struct cf_rng {
	uint64_t s[4];
} cf_rng;

typedef struct cf_state {
	const triad_conference *c;
	int32_t G, S;
	size_t R, T, H;
	int32_t *start;     /* [R] global first slot, -1 unscheduled */
	int32_t *tocc;      /* [T * G] */
	int32_t *hocc;      /* [H * G] */
	int32_t *tcnt;      /* [T * S] meetings per teacher and session */
	int32_t *hcnt;      /* [H * S] meetings per household and session */
	int32_t *hsess;     /* [H] sessions attended */
	cf_pspan *hsp;      /* [H * S] */
	cf_pspan *tsp;      /* [T * S] */
	int32_t *room;      /* [R * S] room of a request per session, -1 absent */
	int64_t *weight;    /* [R] priority weight */
	/* Caps resolved against the settings once (0: none), so that the
	 * insertion test reads them from arrays. */
	int32_t *tcap;      /* [T * S] meetings per teacher and session */
	int32_t *tbreak;    /* [T] break after K consecutive slots */
	int32_t *hmaxs;     /* [H] sessions per household */
	int32_t *hmaxw;     /* [H] waiting slots per household and session */
	int32_t *gsess;     /* [G] session of a global slot */
	/* Free-and-available bitmaps: bit g of person x's row is set when x is
	 * available at global slot g and meets nobody then. */
	size_t words;       /* 64-bit words per row: (G + 63) / 64 */
	uint64_t *tfree;    /* [T * words] */
	uint64_t *hfree;    /* [H * words] */
	const int32_t *prev; /* [R] previous global start, -1 none; NULL: no previous result */
	/* Requests per household and per teacher (CSR lists). */
	int32_t *hreq_start, *hreq;  /* [H + 1], [R] */
	int32_t *treq_start, *treq;  /* [T + 1], [sum of teachers] */
	int64_t w[TRIAD_CONFERENCE_SETTING_COUNT + 1]; /* settings */
	/* Running totals of the objective terms. */
	int64_t unsched_w, extra, wait, idle, pref, moved;
} cf_state;

int triad__cf_state_init(cf_state *st, const triad_conference *c, const int32_t *prev);
void triad__cf_state_free(cf_state *st);
int64_t triad__cf_state_cost(const cf_state *st);
/* Check r at global slot g; returns CF_FIT_*; on CF_FIT_OK *delta is the
 * change of cost (the unscheduled weight it stops costing included). */
int triad__cf_eval(const cf_state *st, size_t r, int32_t g, int64_t *delta);
void triad__cf_assign(cf_state *st, size_t r, int32_t g);
void triad__cf_unassign(cf_state *st, size_t r);
/* Best position of r: returns the global slot or -1; *best and *second
 * are the two lowest deltas over distinct positions (INT64_MAX if none).
 * noise > 0 perturbs the choice with the generator. */
int32_t triad__cf_best(const cf_state *st, size_t r, int64_t *best, int64_t *second,
                       cf_rng *rng, int64_t noise);

/* Every place where r fits now, in slot order: the global slots into
 * g_out and the cost changes into d_out (room for st->G each); returns
 * how many. */
size_t triad__cf_places(const cf_state *st, size_t r, int32_t *g_out, int64_t *d_out);

/* Generator: xoshiro256** seeded by splitmix64; the same on every machine. */
void triad__cf_rng_seed(cf_rng *g, uint64_t seed);
uint64_t triad__cf_rng_next(cf_rng *g);
/* Uniform in [0, n) (n > 0). */
uint32_t triad__cf_rng_below(cf_rng *g, uint32_t n);
/* Uniform in [0, 1). */
double triad__cf_rng_unit(cf_rng *g);

/* Constructive schedule; pin_conflict[r] is set for pins that could not be
 * kept. routed[r] (from the bound) marks requests the relaxation could
 * meet: they go first within their weight. Returns 0 or TRIAD_ENOMEM. */
int triad__cf_construct(cf_state *st, uint8_t *pin_conflict, const uint8_t *routed);
/* Bring a household's waiting in a session under its cap by dropping
 * meetings at the ends (never pinned ones); records dropped requests. */
void triad__cf_fix_wait(cf_state *st, size_t h, int32_t s, int32_t *dropped, size_t *ndropped);

/* The teacher-matching move (conference_match.c): buffers sized once
 * for the teacher with the most requests. */
typedef struct cf_match {
	triad_mcf f;
	size_t max_req;      /* most requests of one teacher; 0: move left out */
	int32_t *gbuf;       /* [G] places of one request */
	int64_t *dbuf;       /* [G] their cost changes */
	int32_t *slot_node;  /* [G] flow node of a global slot, -1 none */
	int32_t *node_slot;  /* [G] global slot of the k-th slot node */
	int32_t *edge_of;    /* [max_req * G] flow edge of each request-slot pair */
	int32_t *edge_slot;  /* [max_req * G] its global slot */
	size_t *first;       /* [max_req + 1] each request's first pair */
	int32_t *occ;        /* [G] request index at a slot in the current assignment */
	int32_t *queue;      /* [max_req] */
	uint8_t *seen;       /* [max_req] */
} cf_match;

int triad__cf_match_init(cf_match *m, const cf_state *st);
void triad__cf_match_free(cf_match *m);
/* The best places of the n (<= m->max_req) unassigned requests req of
 * teacher t, each of which meets t alone for one slot, everything else
 * fixed: out[i] is a global slot or -1 (better left out). Places are
 * distinct and respect t's cap per session; other interactions between
 * the requests are not modelled (re-check each before assigning it).
 * Returns the predicted change of cost. With cur (where the requests
 * were, -1: unscheduled) given, the flow is computed only when some
 * assignment meets more weight than cur; otherwise out = cur and 0. */
int64_t triad__cf_match_solve(cf_match *m, const cf_state *st, size_t t, const int32_t *req,
                              const int32_t *cur, size_t n, int32_t *out);

/* Why request r is unscheduled in the state: *reason receives a
 * TRIAD_CONFERENCE_REASON_* code; returns the message (triad__free), NULL
 * when out of memory. */
char *triad__cf_reason_text(const cf_state *st, size_t r, int *reason, bool pin_conflict);

#endif
