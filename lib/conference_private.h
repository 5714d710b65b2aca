/*
 * The conference scheduler's private model, shared by the loader, the
 * result, the checker, the bound and the solver. Never installed.
 *
 * Indices everywhere: sessions, rooms, teachers, households and requests
 * are arrays in document order; a request refers to its household and
 * teachers by index. Slots are per session, half-open ranges [from, to).
 * Per-slot flags are precomputed at load time so that the checker and the
 * solver never re-derive availability.
 */
#ifndef TRIAD_CONFERENCE_PRIVATE_H
#define TRIAD_CONFERENCE_PRIVATE_H

#include "triad_private.h"

/* Longest session the library accepts, in slots. */
#define CF_MAX_SLOTS 288
/* Most sessions an instance may have. */
#define CF_MAX_SESSIONS 64

typedef struct cf_range {
	int32_t from, to;
} cf_range;

typedef struct cf_session {
	char *id;
	triad_date date;
	int32_t start; /* minutes after midnight */
	int32_t slot_minutes, gap_minutes, slots;
	cf_range *breaks;
	size_t nbreaks;
	uint8_t *is_break;   /* [slots] */
	int32_t *break_pre;  /* [slots + 1]: break slots before each slot */
	int32_t offset;      /* first global slot of the session */
} cf_session;

typedef struct cf_room {
	char *id, *name;
	bool has_name;
} cf_room;

/* A teacher in one session. */
typedef struct cf_tsess {
	bool present;
	int32_t room;         /* room index, -1 when absent */
	cf_range *avail;      /* NULL with navail 0 and !avail_given: whole session */
	size_t navail;
	bool avail_given;
	int32_t max_meetings; /* -1: the setting */
} cf_tsess;

typedef struct cf_teacher {
	char *id, *name;
	cf_tsess *sess;       /* [nsessions] */
	int32_t break_after;  /* -1: the setting */
} cf_teacher;

typedef struct cf_hsess {
	bool present;
	cf_range *avail;
	size_t navail;
	bool avail_given;
} cf_hsess;

typedef struct cf_household {
	char *id, *name;
	char **students;
	size_t nstudents;
	cf_hsess *sess;       /* [nsessions] */
	bool sessions_given;  /* false: every session, whole */
	int preference;       /* triad_conference_preference */
	int32_t max_sessions; /* -1: the setting */
	int32_t max_wait;     /* -1: the setting */
} cf_household;

typedef struct cf_request {
	char *id;
	int32_t household;
	int32_t *teachers;
	size_t nteachers;
	int32_t *students;    /* indices into the household's students */
	size_t nstudents;
	int32_t slots;
	int priority;         /* triad_conference_priority */
	int32_t pin_session;  /* -1: not pinned */
	int32_t pin_slot;
} cf_request;

struct triad_conference {
	cf_session *sessions;
	size_t nsessions;
	cf_room *rooms;
	size_t nrooms;
	cf_teacher *teachers;
	size_t nteachers;
	cf_household *households;
	size_t nhouseholds;
	cf_request *requests;
	size_t nrequests;
	int64_t settings[TRIAD_CONFERENCE_SETTING_COUNT + 1];
	int32_t total_slots;  /* sum of the sessions' slots */
	int32_t max_len;      /* longest request, in slots */
	/* Precomputed availability, global slot g = session offset + slot:
	 * 1 when present, available and not in a break. */
	uint8_t *tavail;      /* [nteachers * total_slots] */
	uint8_t *havail;      /* [nhouseholds * total_slots] */
	/* Sorted id indexes for lookups. */
	struct cf_index *idx_session, *idx_teacher, *idx_household, *idx_request, *idx_room;
};

/* ---- model (conference_model.c) ---- */
typedef struct cf_index {
	const char *id;
	int32_t pos;
} cf_index;

void triad__cf_free_parts(triad_conference *c);
/* Build a sorted index over n ids taken from items at a stride; returns
 * NULL (TRIAD_ENOMEM recorded) on failure. If dup is non-NULL it receives
 * the position of the later of two equal ids, or -1. */
cf_index *triad__cf_index_build(const void *items, size_t n, size_t stride,
                                size_t id_offset, int32_t *dup);
int32_t triad__cf_index_find(const cf_index *idx, size_t n, const char *id);
/* Precompute break tables, offsets, availability and indexes after loading. */
int triad__cf_finish(triad_conference *c);
void triad__cf_default_settings(int64_t *settings);
const char *triad__cf_setting_name(int setting);
int triad__cf_setting_check(int setting, int64_t value);
int64_t triad__cf_priority_weight(const int64_t *settings, int priority);
int32_t triad__cf_teacher_cap(const triad_conference *c, size_t t, size_t s);
int32_t triad__cf_break_after(const triad_conference *c, size_t t);
int32_t triad__cf_max_sessions(const triad_conference *c, size_t h);
int32_t triad__cf_max_wait(const triad_conference *c, size_t h);
/* Room of a request in a session (its first teacher's), -1 when absent. */
int32_t triad__cf_request_room(const triad_conference *c, size_t r, size_t s);
/* Whether request r can meet at session s from slot p as far as the
 * instance alone goes: inside the session, outside breaks, every teacher
 * present and available, the household available. */
bool triad__cf_fits(const triad_conference *c, size_t r, size_t s, int32_t p);

/* ---- metrics (conference_check.c) ---- */
typedef struct cf_metrics {
	int64_t v[TRIAD_CONFERENCE_METRIC_TOTAL_WEIGHT + 1];
} cf_metrics;

/* Placement of every request: session -1 when unscheduled. */
typedef struct cf_place {
	int32_t session, slot;
} cf_place;

/* Compute every metric term from a placement (moves against prev when
 * non-NULL). Assumes the sessions and slots are in range. Returns 0 or
 * TRIAD_ENOMEM. The bound is set to `bound`. */
int triad__cf_metrics(cf_metrics *out, const triad_conference *c, const cf_place *place,
                      const cf_place *prev, int64_t bound);
int64_t triad__cf_cost(const int64_t *settings, const cf_metrics *m);

/* ---- results (conference_result.c) ---- */
typedef struct cf_meeting {
	char *request, *household, *session, *room;
	char **teachers;
	size_t nteachers;
	int32_t slot, slots;
	int32_t session_pos; /* for time order */
	bool pinned;
} cf_meeting;

typedef struct cf_unsched {
	char *request;
	int reason;
	char *message;
} cf_unsched;

struct triad_conference_result {
	cf_meeting *meetings;
	size_t nmeetings;
	cf_unsched *unsched;
	size_t nunsched;
	int64_t settings[TRIAD_CONFERENCE_SETTING_COUNT + 1];
	cf_metrics metrics;
	int64_t stats[TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL + 1];
};

/* Build a result from a placement; reasons/messages for the unscheduled
 * requests may be NULL (then "not placed"). Takes the settings from c. */
int triad__cf_result_build(triad_conference_result **out, const triad_conference *c,
                           const cf_place *place, const int *reasons,
                           char *const *messages, const cf_metrics *m);
/* The placement a result describes against an instance (requests or
 * sessions the instance lacks are skipped, counted in *unknown). */
int triad__cf_result_place(cf_place **out, const triad_conference *c,
                           const triad_conference_result *res, size_t *unknown);

/* ---- bound (conference_bound.c, conference_lagrange.c) ---- */
/* The upper bound on the schedulable weight: the smaller of the flow bound
 * and the Lagrangian bound (conference_lagrange_private.h). routed (may be
 * NULL): per request, 1 when the plain teachers' flow met it in full; a
 * guide for which requests to schedule first. */
int triad__cf_bound(int64_t *out, const triad_conference *c, uint8_t *routed);

#endif /* TRIAD_CONFERENCE_PRIVATE_H */
