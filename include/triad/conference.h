/**
 * @file triad/conference.h
 * @brief Parent–teacher conferences (tienminutengesprekken): the instance,
 *        the schedule (result), the checker, the upper bound and the solver.
 *
 * An instance (#triad_conference) holds sessions (evenings), rooms,
 * teachers, households and their requests, and the `settings` (weights,
 * caps, walking gap, move penalty). It is read from JSON
 * (`"format": "triad.conference/1"`, see doc/formats/conference.md).
 *
 * A result (#triad_conference_result) holds every meeting (request,
 * session, first slot, number of slots, room), every unscheduled request
 * with a reason, the terms of the objective, the upper bound on the priority
 * weight that can be scheduled at all, and solver statistics. It is written
 * and read as JSON (`"format": "triad.conference-result/1"`). A result keeps
 * its own copies of every id and name: it does not refer to its instance
 * and may outlive it.
 *
 * Definitions shared by the solver and the checker: slots are numbered from
 * 0 in each session; slot ranges are half-open [from, to); a meeting of n
 * slots starting at slot s occupies [s, s + n). "early" is met when a
 * meeting starts in the first half of the session's slots
 * (s < slots / 2, integer division rounded up: s < (slots + 1) / 2), "late"
 * when it starts in the second half (s >= (slots + 1) / 2).
 * The objective (lowest first) is
 *
 *     cost = unscheduled_weight     × weight_unscheduled   (1,000,000)
 *          + extra_sessions         × weight_extra_session (10,000)
 *          + household_wait_slots   × weight_wait          (100)
 *          + teacher_idle_slots     × weight_idle          (1)
 *          + preference_misses      × weight_preference    (1)
 *          + moved_meetings         × move_penalty         (20,000; only when re-solving)
 *
 * with priority weights invited 4, required 2, optional 1 (all configurable
 * in `settings`).
 *
 * Thread safety: an instance, a result and a report may be read from many
 * threads at once (every `const` function, including triad_conference_solve()
 * and triad_conference_check(), which only read their inputs). Changing an
 * instance (pins, settings) needs exclusive access.
 */
#ifndef TRIAD_CONFERENCE_H
#define TRIAD_CONFERENCE_H

#include "common.h"
#include "date.h"

TRIAD_BEGIN_DECLS

/** @brief A conference instance: sessions, rooms, teachers, households, requests, settings. */
typedef struct triad_conference triad_conference;
/** @brief A schedule: meetings, unscheduled requests, metrics, solver statistics. */
typedef struct triad_conference_result triad_conference_result;
/** @brief What the checker found: violated hard constraints and recomputed metrics. */
typedef struct triad_conference_report triad_conference_report;

/** @brief Newest major version of "triad.conference/N" this library reads and writes. */
#define TRIAD_CONFERENCE_FORMAT_VERSION 1
/** @brief Newest major version of "triad.conference-result/N". */
#define TRIAD_CONFERENCE_RESULT_FORMAT_VERSION 1

/** @brief Priority of a request. 0 means "none". JSON: "invited", "required", "optional". */
typedef enum triad_conference_priority {
	TRIAD_CONFERENCE_PRIORITY_NONE = 0, /**< none */
	TRIAD_CONFERENCE_PRIORITY_INVITED = 1,  /**< the teacher invited the household (weight 4) */
	TRIAD_CONFERENCE_PRIORITY_REQUIRED = 2, /**< required (weight 2) */
	TRIAD_CONFERENCE_PRIORITY_OPTIONAL = 3  /**< optional (weight 1) */
} triad_conference_priority;

/** @brief A household's time preference. JSON: "none", "early", "late". */
typedef enum triad_conference_preference {
	TRIAD_CONFERENCE_PREFER_NONE = 0,  /**< no preference */
	TRIAD_CONFERENCE_PREFER_EARLY = 1, /**< meetings starting in the first half of a session */
	TRIAD_CONFERENCE_PREFER_LATE = 2   /**< meetings starting in the second half */
} triad_conference_preference;

/**
 * @brief The settings of an instance: weights, caps, walking gap, move penalty.
 *
 * JSON keys in `settings` are the lower-case names after the prefix, e.g.
 * "weight_unscheduled", "teacher_max_meetings". A cap of 0 means "no cap".
 * Caps in `settings` are defaults; a teacher's or household's own value
 * (JSON `max_meetings`, `break_after`, `max_sessions`, `max_wait`) overrides it.
 */
typedef enum triad_conference_setting {
	TRIAD_CONFERENCE_SETTING_NONE = 0, /**< none */
	TRIAD_CONFERENCE_SETTING_WEIGHT_UNSCHEDULED = 1,   /**< per unit of unscheduled priority weight; default 1,000,000 */
	TRIAD_CONFERENCE_SETTING_WEIGHT_EXTRA_SESSION = 2, /**< per extra session of a household; default 10,000 */
	TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT = 3,          /**< per household waiting slot; default 100 */
	TRIAD_CONFERENCE_SETTING_WEIGHT_IDLE = 4,          /**< per teacher idle slot; default 1 */
	TRIAD_CONFERENCE_SETTING_WEIGHT_PREFERENCE = 5,    /**< per preference miss; default 1 */
	TRIAD_CONFERENCE_SETTING_MOVE_PENALTY = 6,         /**< per meeting moved from a previous result; default 20,000 */
	TRIAD_CONFERENCE_SETTING_PRIORITY_INVITED = 7,     /**< weight of an invited request; default 4 */
	TRIAD_CONFERENCE_SETTING_PRIORITY_REQUIRED = 8,    /**< weight of a required request; default 2 */
	TRIAD_CONFERENCE_SETTING_PRIORITY_OPTIONAL = 9,    /**< weight of an optional request; default 1 */
	TRIAD_CONFERENCE_SETTING_TEACHER_MAX_MEETINGS = 10, /**< meetings per teacher and session; default 0 (no cap) */
	TRIAD_CONFERENCE_SETTING_TEACHER_BREAK_AFTER = 11,  /**< a teacher needs a free slot after K consecutive meeting slots; default 0 (never) */
	TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_SESSIONS = 12, /**< sessions per household; default 0 (no cap) */
	TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_WAIT = 13,   /**< waiting slots per household and session; default 0 (no cap) */
	TRIAD_CONFERENCE_SETTING_WALKING_GAP = 14           /**< free slots between two meetings of a household in different rooms; default 0 */
} triad_conference_setting;

/** @brief Number of settings (14); valid values are 1..count. */
#define TRIAD_CONFERENCE_SETTING_COUNT 14

/** @brief The terms of the objective and related numbers of a result or report. */
typedef enum triad_conference_metric {
	TRIAD_CONFERENCE_METRIC_NONE = 0, /**< none */
	TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT = 1,   /**< sum of the priority weights of unscheduled requests */
	TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS = 2,       /**< sum over households of max(0, sessions attended - 1) */
	TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS = 3, /**< sum over households and sessions of span - meeting slots */
	TRIAD_CONFERENCE_METRIC_TEACHER_IDLE_SLOTS = 4,   /**< sum over teachers and sessions of span - meeting slots - break slots */
	TRIAD_CONFERENCE_METRIC_PREFERENCE_MISSES = 5,    /**< meetings of households whose early/late wish they miss */
	TRIAD_CONFERENCE_METRIC_MOVED_MEETINGS = 6,       /**< meetings moved (or dropped) from the previous result; 0 without one */
	TRIAD_CONFERENCE_METRIC_COST = 7,                 /**< the weighted sum above */
	TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND = 8, /**< upper bound on the priority weight that can be scheduled at all (triad_conference_bound()); -1 when unknown */
	TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT = 9,     /**< sum of the priority weights of scheduled requests */
	TRIAD_CONFERENCE_METRIC_TOTAL_WEIGHT = 10         /**< sum of the priority weights of all requests */
} triad_conference_metric;

/** @brief Why a request is unscheduled. JSON: the id in parentheses. */
typedef enum triad_conference_reason {
	TRIAD_CONFERENCE_REASON_NONE = 0, /**< none */
	TRIAD_CONFERENCE_REASON_NOT_PLACED = 1,       /**< "not_placed": the meeting list has no meeting for it (hand-made schedules) */
	TRIAD_CONFERENCE_REASON_NO_COMMON_SLOT = 2,   /**< "no_common_slot": no slot run where the household and every teacher are available, even in an empty schedule */
	TRIAD_CONFERENCE_REASON_TEACHER_CAP = 3,      /**< "teacher_cap": a teacher reached the meeting cap wherever it could fit */
	TRIAD_CONFERENCE_REASON_HOUSEHOLD_SESSION_CAP = 4, /**< "household_session_cap": it fits only in a session the household cannot attend any more */
	TRIAD_CONFERENCE_REASON_NO_FREE_SLOT = 5,     /**< "no_free_slot": every common slot run is taken by other meetings */
	TRIAD_CONFERENCE_REASON_WAIT_CAP = 6,         /**< "wait_cap": it would exceed the household's waiting cap */
	TRIAD_CONFERENCE_REASON_PIN_CONFLICT = 7      /**< "pin_conflict": its pinned place breaks a hard constraint */
} triad_conference_reason;

/** @brief A violated hard constraint found by triad_conference_check(). */
typedef enum triad_conference_violation {
	TRIAD_CONFERENCE_VIOLATION_NONE = 0, /**< none */
	TRIAD_CONFERENCE_VIOLATION_TEACHER_DOUBLE_BOOKED = 1,   /**< "teacher_double_booked" */
	TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_DOUBLE_BOOKED = 2, /**< "household_double_booked" */
	TRIAD_CONFERENCE_VIOLATION_OUTSIDE_SESSION = 3,         /**< "outside_session": slots beyond the session */
	TRIAD_CONFERENCE_VIOLATION_IN_BREAK = 4,                /**< "in_break": overlaps a session break */
	TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_UNAVAILABLE = 5,   /**< "household_unavailable" */
	TRIAD_CONFERENCE_VIOLATION_TEACHER_UNAVAILABLE = 6,     /**< "teacher_unavailable": absent or outside availability */
	TRIAD_CONFERENCE_VIOLATION_TEACHER_CAP = 7,             /**< "teacher_cap": more meetings than the cap in a session */
	TRIAD_CONFERENCE_VIOLATION_TEACHER_NO_BREAK = 8,        /**< "teacher_no_break": more than K consecutive meeting slots */
	TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_SESSION_CAP = 9,   /**< "household_session_cap" */
	TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_WAIT_CAP = 10,     /**< "household_wait_cap" */
	TRIAD_CONFERENCE_VIOLATION_WALKING_GAP = 11,            /**< "walking_gap": too little time between rooms */
	TRIAD_CONFERENCE_VIOLATION_PIN_MOVED = 12,              /**< "pin_moved": a pinned request meets elsewhere */
	TRIAD_CONFERENCE_VIOLATION_WRONG_ROOM = 13,             /**< "wrong_room": not the (first) teacher's room */
	TRIAD_CONFERENCE_VIOLATION_DUPLICATE_MEETING = 14,      /**< "duplicate_meeting": a request meets twice */
	TRIAD_CONFERENCE_VIOLATION_UNKNOWN_REFERENCE = 15       /**< "unknown_reference": a request or session the instance lacks */
} triad_conference_violation;

/** @brief Solver statistics of a result. */
typedef enum triad_conference_stat {
	TRIAD_CONFERENCE_STAT_NONE = 0, /**< none */
	TRIAD_CONFERENCE_STAT_SEED = 1,            /**< the seed used */
	TRIAD_CONFERENCE_STAT_ITERATIONS = 2,      /**< local search iterations run */
	TRIAD_CONFERENCE_STAT_IMPROVEMENTS = 3,    /**< iterations that found a new best */
	TRIAD_CONFERENCE_STAT_CONSTRUCT_COST = 4,  /**< cost of the constructive schedule */
	TRIAD_CONFERENCE_STAT_ELAPSED_MS = 5,      /**< wall time in milliseconds (informative, not deterministic) */
	TRIAD_CONFERENCE_STAT_CANCELED = 6,        /**< 1 when the progress callback stopped the run */
	TRIAD_CONFERENCE_STAT_TIME_LIMIT_HIT = 7,  /**< 1 when the time limit stopped the run */
	TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL = 8   /**< 1 when the cost equals a proven lower bound */
} triad_conference_stat;

/** @brief Phases reported to the progress callback. */
typedef enum triad_solve_phase {
	TRIAD_SOLVE_PHASE_NONE = 0, /**< none */
	TRIAD_SOLVE_PHASE_BOUND = 1,     /**< the upper bound (triad_conference_bound()) is computed */
	TRIAD_SOLVE_PHASE_CONSTRUCT = 2, /**< the constructive schedule is built */
	TRIAD_SOLVE_PHASE_IMPROVE = 3,   /**< local search (destroy and repair) */
	TRIAD_SOLVE_PHASE_DONE = 4       /**< the final report */
} triad_solve_phase;

/**
 * @brief Progress callback of triad_conference_solve().
 * @param phase     the current phase
 * @param best_cost the cost of the best schedule so far (-1 before one exists)
 * @param fraction  0..1, the share of the iteration budget (or of the time
 *                  limit, whichever is further) used
 * @param payload   the options' payload
 * @return 0 to continue; non-zero to stop: the solver then returns the best
 *         schedule found so far with #TRIAD_CONFERENCE_STAT_CANCELED set.
 */
typedef int (*triad_solve_progress_fn)(triad_solve_phase phase, int64_t best_cost,
                                       double fraction, void *payload);

/** @brief Current version of #triad_solve_options. */
#define TRIAD_SOLVE_OPTIONS_VERSION 1

/**
 * @brief Options of triad_conference_solve(). Fields are only ever appended.
 *
 * The result depends only on the instance, the previous result, the seed and
 * the iteration limit: the same inputs give the same schedule on any
 * machine. The time limit only cuts a run short.
 */
typedef struct triad_solve_options {
	unsigned version;          /**< #TRIAD_SOLVE_OPTIONS_VERSION */
	uint64_t seed;             /**< seed of the solver's own random generator; default 1 */
	int64_t max_iterations;    /**< local search iterations; 0: the default, 400 + 12 per request and at least 20,000; -1: none (construct only) */
	double time_limit_seconds; /**< stop after this many seconds; 0: no time limit */
	triad_solve_progress_fn progress; /**< called between phases and every progress_interval iterations; may be NULL */
	void *payload;             /**< passed to @p progress */
	int64_t progress_interval; /**< iterations between progress calls; 0: the default, 1,000 */
} triad_solve_options;

/** @brief Positional initialiser with the defaults. */
#define TRIAD_SOLVE_OPTIONS_INIT { TRIAD_SOLVE_OPTIONS_VERSION, 1, 0, 0.0, NULL, NULL, 0 }

/**
 * @brief Fill @p opts with the defaults for a version (for FFI users).
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_solve_options_init(triad_solve_options *opts, unsigned version);

/* ---- instance: loading and saving ------------------------------------- */

/**
 * @brief Read an instance from JSON text ("triad.conference/1").
 *
 * Everything is validated: syntax (#TRIAD_EPARSE with line and column),
 * unknown fields, wrong types, invalid UTF-8, impossible dates and times,
 * duplicate ids, unknown ids (room, session, household, teacher, student),
 * overlapping or out-of-range slot ranges, pins outside their session, a
 * request for a teacher who is present in no session (#TRIAD_EFORMAT with
 * the JSON path), and a newer format version (#TRIAD_EVERSION). A request
 * that cannot be met is not an error: the solver reports it unscheduled.
 *
 * @param out    receives the instance; free it with triad_conference_free()
 * @param text   the JSON text, @p len bytes (need not be NUL-terminated)
 * @param len    length of @p text in bytes
 * @param source a name for messages (e.g. the file name); may be NULL
 * @return 0, #TRIAD_EINVAL, #TRIAD_EPARSE, #TRIAD_EFORMAT, #TRIAD_EVERSION or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_load_json(triad_conference **out, const char *text,
                                         size_t len, const char *source);

/**
 * @brief Read an instance from a JSON file; as triad_conference_load_json(),
 *        plus #TRIAD_EIO when the file cannot be read.
 */
TRIAD_API int triad_conference_load_file(triad_conference **out, const char *filename);

/**
 * @brief Write an instance as JSON (including pins made through the API and
 *        every setting).
 * @param out  receives NUL-terminated text; release it with triad_free()
 * @param conf the instance
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_save_json(char **out, const triad_conference *conf);

/** @brief Write an instance to a file atomically; 0, #TRIAD_EINVAL, #TRIAD_ENOMEM or #TRIAD_EIO. */
TRIAD_API int triad_conference_save_file(const triad_conference *conf, const char *filename);

/** @brief Free an instance; NULL does nothing. */
TRIAD_API void triad_conference_free(triad_conference *conf);

/* ---- instance: settings and pins -------------------------------------- */

/**
 * @brief Read a setting.
 * @return 0, or #TRIAD_EINVAL for NULL arguments or an unknown setting.
 */
TRIAD_API int triad_conference_setting_get(int64_t *out, const triad_conference *conf,
                                           triad_conference_setting setting);

/**
 * @brief Change a setting.
 * @param conf    the instance
 * @param setting which setting
 * @param value weights and the move penalty 0..10^9; priority weights 0..10^6;
 *              caps and the walking gap 0..10,000
 * @return 0, #TRIAD_EINVAL (unknown setting, NULL) or #TRIAD_ERANGE; on
 *         failure the instance is unchanged.
 */
TRIAD_API int triad_conference_setting_set(triad_conference *conf,
                                           triad_conference_setting setting, int64_t value);

/** @brief Stable JSON name of a setting ("weight_wait"...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_conference_setting_id(triad_conference_setting setting);

/**
 * @brief Pin a request to a session and first slot: the solver keeps it there.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND (unknown request or session,
 *         named in the message) or #TRIAD_ERANGE (the meeting would not fit
 *         in the session's slots).
 */
TRIAD_API int triad_conference_pin(triad_conference *conf, const char *request_id,
                                   const char *session_id, int32_t slot);

/** @brief Remove a request's pin (no pin: nothing happens); 0, #TRIAD_EINVAL or #TRIAD_ENOTFOUND. */
TRIAD_API int triad_conference_unpin(triad_conference *conf, const char *request_id);

/**
 * @brief Pin every meeting of a result (e.g. a published schedule) whose
 *        request and session exist in the instance; all or nothing.
 * @return 0, #TRIAD_EINVAL or #TRIAD_ERANGE (a meeting does not fit its session).
 */
TRIAD_API int triad_conference_pin_result(triad_conference *conf,
                                          const triad_conference_result *result);

/* ---- instance: reading -------------------------------------------------
 * Index-based getters. Strings are borrowed from the instance. For an index
 * out of range, string getters return NULL and integer getters -1, with
 * #TRIAD_EINVAL recorded.
 */

/** @brief Number of sessions (evenings), in document order (which is time order). */
TRIAD_API size_t triad_conference_session_count(const triad_conference *conf);
/** @brief Index of a session by id; 0, #TRIAD_EINVAL or #TRIAD_ENOTFOUND. */
TRIAD_API int triad_conference_session_index(size_t *out, const triad_conference *conf, const char *id);
/** @brief Id of a session. */
TRIAD_API const char *triad_conference_session_id(const triad_conference *conf, size_t session);
/** @brief Date of a session; 0 or #TRIAD_EINVAL. */
TRIAD_API int triad_conference_session_date(triad_date *out, const triad_conference *conf, size_t session);
/** @brief Start of a session in minutes after midnight. */
TRIAD_API int32_t triad_conference_session_start(const triad_conference *conf, size_t session);
/** @brief Length of a slot in minutes. */
TRIAD_API int32_t triad_conference_session_slot_minutes(const triad_conference *conf, size_t session);
/** @brief Minutes between two slots (changeover time). */
TRIAD_API int32_t triad_conference_session_gap_minutes(const triad_conference *conf, size_t session);
/** @brief Number of slots of a session. */
TRIAD_API int32_t triad_conference_session_slots(const triad_conference *conf, size_t session);
/**
 * @brief Start of a slot in minutes after midnight:
 *        start + slot × (slot_minutes + gap_minutes). @p slot may equal the
 *        slot count (the end of the last slot is that minus gap_minutes).
 */
TRIAD_API int32_t triad_conference_slot_start(const triad_conference *conf, size_t session, int32_t slot);
/** @brief Number of breaks of a session. */
TRIAD_API size_t triad_conference_session_break_count(const triad_conference *conf, size_t session);
/** @brief A break as the half-open slot range [from, to); 0 or #TRIAD_EINVAL. */
TRIAD_API int triad_conference_session_break(int32_t *from, int32_t *to, const triad_conference *conf,
                                             size_t session, size_t index);

/** @brief Number of rooms. */
TRIAD_API size_t triad_conference_room_count(const triad_conference *conf);
/** @brief Id of a room. */
TRIAD_API const char *triad_conference_room_id(const triad_conference *conf, size_t room);
/** @brief Display name of a room (its id when the document gives none). */
TRIAD_API const char *triad_conference_room_name(const triad_conference *conf, size_t room);

/** @brief Number of teachers. */
TRIAD_API size_t triad_conference_teacher_count(const triad_conference *conf);
/** @brief Index of a teacher by id; 0, #TRIAD_EINVAL or #TRIAD_ENOTFOUND. */
TRIAD_API int triad_conference_teacher_index(size_t *out, const triad_conference *conf, const char *id);
/** @brief Id of a teacher. */
TRIAD_API const char *triad_conference_teacher_id(const triad_conference *conf, size_t teacher);
/** @brief Name of a teacher. */
TRIAD_API const char *triad_conference_teacher_name(const triad_conference *conf, size_t teacher);
/** @brief 1 when the teacher is present in the session, 0 when not, -1 for bad indices. */
TRIAD_API int triad_conference_teacher_present(const triad_conference *conf, size_t teacher, size_t session);
/** @brief Room id of a teacher in a session; NULL when absent (no error) or for bad indices. */
TRIAD_API const char *triad_conference_teacher_room(const triad_conference *conf, size_t teacher, size_t session);
/** @brief Effective meeting cap of a teacher in a session (own value or the setting); 0: none. */
TRIAD_API int32_t triad_conference_teacher_max_meetings(const triad_conference *conf, size_t teacher, size_t session);
/** @brief Effective "break after K consecutive slots" of a teacher; 0: none. */
TRIAD_API int32_t triad_conference_teacher_break_after(const triad_conference *conf, size_t teacher);

/** @brief Number of households. */
TRIAD_API size_t triad_conference_household_count(const triad_conference *conf);
/** @brief Index of a household by id; 0, #TRIAD_EINVAL or #TRIAD_ENOTFOUND. */
TRIAD_API int triad_conference_household_index(size_t *out, const triad_conference *conf, const char *id);
/** @brief Id of a household. */
TRIAD_API const char *triad_conference_household_id(const triad_conference *conf, size_t household);
/** @brief Name of a household (e.g. "Fam. De Vries"). */
TRIAD_API const char *triad_conference_household_name(const triad_conference *conf, size_t household);
/** @brief Number of students of a household. */
TRIAD_API size_t triad_conference_household_student_count(const triad_conference *conf, size_t household);
/** @brief A student (name) of a household. */
TRIAD_API const char *triad_conference_household_student(const triad_conference *conf, size_t household, size_t index);
/** @brief Time preference of a household; #TRIAD_CONFERENCE_PREFER_NONE also for bad indices. */
TRIAD_API triad_conference_preference triad_conference_household_preference(const triad_conference *conf, size_t household);
/** @brief Effective cap on sessions of a household; 0: none. */
TRIAD_API int32_t triad_conference_household_max_sessions(const triad_conference *conf, size_t household);
/** @brief Effective waiting cap per session of a household; 0: none. */
TRIAD_API int32_t triad_conference_household_max_wait(const triad_conference *conf, size_t household);

/** @brief Number of requests. */
TRIAD_API size_t triad_conference_request_count(const triad_conference *conf);
/** @brief Index of a request by id; 0, #TRIAD_EINVAL or #TRIAD_ENOTFOUND. */
TRIAD_API int triad_conference_request_index(size_t *out, const triad_conference *conf, const char *id);
/** @brief Id of a request. */
TRIAD_API const char *triad_conference_request_id(const triad_conference *conf, size_t request);
/** @brief Household index of a request. */
TRIAD_API int32_t triad_conference_request_household(const triad_conference *conf, size_t request);
/** @brief Number of teachers of a request (more than one: a joint meeting in the first teacher's room). */
TRIAD_API size_t triad_conference_request_teacher_count(const triad_conference *conf, size_t request);
/** @brief Teacher index of a request's teacher at position @p index. */
TRIAD_API int32_t triad_conference_request_teacher(const triad_conference *conf, size_t request, size_t index);
/** @brief Number of students the request is about. */
TRIAD_API size_t triad_conference_request_student_count(const triad_conference *conf, size_t request);
/** @brief A student (name) the request is about. */
TRIAD_API const char *triad_conference_request_student(const triad_conference *conf, size_t request, size_t index);
/** @brief Length of the requested meeting in slots. */
TRIAD_API int32_t triad_conference_request_slots(const triad_conference *conf, size_t request);
/** @brief Priority of a request; #TRIAD_CONFERENCE_PRIORITY_NONE for bad indices. */
TRIAD_API triad_conference_priority triad_conference_request_priority(const triad_conference *conf, size_t request);
/**
 * @brief The pin of a request.
 * @param session receives the session index (untouched when not pinned)
 * @param slot    receives the first slot (untouched when not pinned)
 * @param conf    the instance
 * @param request the request index
 * @return 1 when pinned, 0 when not, #TRIAD_EINVAL for bad arguments.
 */
TRIAD_API int triad_conference_request_pin(size_t *session, int32_t *slot,
                                           const triad_conference *conf, size_t request);

/* ---- results ---------------------------------------------------------- */

/**
 * @brief Build a result from a list of meetings, e.g. a schedule edited by
 *        hand; give it to triad_conference_check() to find what is wrong.
 *
 * The arrays are parallel: meeting i is request @p requests[i] in session
 * @p sessions[i] from slot @p slots[i] for the request's number of slots,
 * in the room of the request's first teacher in that session. Hard
 * constraints are not enforced here (the checker reports them); every
 * request without a meeting is listed unscheduled with reason
 * #TRIAD_CONFERENCE_REASON_NOT_PLACED. The metrics are computed; the bound
 * is -1 (unknown).
 *
 * @param out      receives the result; free it with triad_conference_result_free()
 * @param conf     the instance
 * @param requests request ids, one per meeting
 * @param sessions session ids, one per meeting
 * @param slots    first slots, one per meeting
 * @param count    number of meetings; the arrays may be NULL when it is 0
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND (unknown request or session,
 *         the message names it and its position), #TRIAD_ERANGE (a meeting
 *         beyond its session's slots, or a teacher absent from the session
 *         so that it has no room) or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_result_from_meetings(triad_conference_result **out,
                                                    const triad_conference *conf,
                                                    const char *const *requests,
                                                    const char *const *sessions,
                                                    const int32_t *slots, size_t count);

/**
 * @brief Read a result ("triad.conference-result/1") against its instance.
 *
 * Request and session ids must exist in @p conf (#TRIAD_EFORMAT naming the
 * JSON path otherwise); hard constraints are not checked here (use
 * triad_conference_check()). The metrics are taken from the document; the
 * checker recomputes them.
 *
 * @return 0, #TRIAD_EINVAL, #TRIAD_EPARSE (line and column),
 *         #TRIAD_EFORMAT (JSON path), #TRIAD_EVERSION or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_result_load_json(triad_conference_result **out,
                                                const triad_conference *conf,
                                                const char *text, size_t len,
                                                const char *source);

/** @brief As triad_conference_result_load_json(), from a file; also #TRIAD_EIO. */
TRIAD_API int triad_conference_result_load_file(triad_conference_result **out,
                                                const triad_conference *conf,
                                                const char *filename);

/**
 * @brief Write a result as JSON: settings, meetings, unscheduled, metrics, solver.
 * @param out    receives NUL-terminated text; release it with triad_free()
 * @param result the result
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_result_save_json(char **out, const triad_conference_result *result);

/** @brief Write a result to a file atomically; 0, #TRIAD_EINVAL, #TRIAD_ENOMEM or #TRIAD_EIO. */
TRIAD_API int triad_conference_result_save_file(const triad_conference_result *result,
                                                const char *filename);

/** @brief Free a result; NULL does nothing. */
TRIAD_API void triad_conference_result_free(triad_conference_result *result);

/** @brief A metric of a result; 0 or #TRIAD_EINVAL (NULL, unknown metric). */
TRIAD_API int triad_conference_result_metric(int64_t *out, const triad_conference_result *result,
                                             triad_conference_metric metric);
/** @brief A solver statistic (0 for results not made by the solver); 0 or #TRIAD_EINVAL. */
TRIAD_API int triad_conference_result_stat(int64_t *out, const triad_conference_result *result,
                                           triad_conference_stat stat);
/** @brief A setting the result was solved with; 0 or #TRIAD_EINVAL. */
TRIAD_API int triad_conference_result_setting(int64_t *out, const triad_conference_result *result,
                                              triad_conference_setting setting);

/** @brief Stable JSON name of a metric ("household_wait_slots"...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_conference_metric_id(triad_conference_metric metric);
/** @brief Stable JSON name of a reason ("no_common_slot"...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_conference_reason_id(triad_conference_reason reason);
/** @brief Stable name of a violation kind ("teacher_double_booked"...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_conference_violation_id(triad_conference_violation kind);
/** @brief Stable name of a statistic ("iterations"...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_conference_stat_id(triad_conference_stat stat);

/*
 * Meetings of a result, in time order: by session (instance order), then
 * first slot, then request id. Strings are borrowed from the result. For an
 * index out of range, string getters return NULL and integer getters -1,
 * with #TRIAD_EINVAL recorded.
 */

/** @brief Number of meetings. */
TRIAD_API size_t triad_conference_result_meeting_count(const triad_conference_result *result);
/** @brief Request id of a meeting. */
TRIAD_API const char *triad_conference_result_meeting_request(const triad_conference_result *result, size_t meeting);
/** @brief Household id of a meeting. */
TRIAD_API const char *triad_conference_result_meeting_household(const triad_conference_result *result, size_t meeting);
/** @brief Session id of a meeting. */
TRIAD_API const char *triad_conference_result_meeting_session(const triad_conference_result *result, size_t meeting);
/** @brief Room id of a meeting. */
TRIAD_API const char *triad_conference_result_meeting_room(const triad_conference_result *result, size_t meeting);
/** @brief First slot of a meeting. */
TRIAD_API int32_t triad_conference_result_meeting_slot(const triad_conference_result *result, size_t meeting);
/** @brief Number of slots of a meeting. */
TRIAD_API int32_t triad_conference_result_meeting_slots(const triad_conference_result *result, size_t meeting);
/** @brief Number of teachers of a meeting. */
TRIAD_API size_t triad_conference_result_meeting_teacher_count(const triad_conference_result *result, size_t meeting);
/** @brief Teacher id at position @p index of a meeting (the first one's room is used). */
TRIAD_API const char *triad_conference_result_meeting_teacher(const triad_conference_result *result,
                                                             size_t meeting, size_t index);
/** @brief 1 when the meeting was pinned, 0 when not, -1 for a bad index. */
TRIAD_API int triad_conference_result_meeting_pinned(const triad_conference_result *result, size_t meeting);

/** @brief Number of unscheduled requests. */
TRIAD_API size_t triad_conference_result_unscheduled_count(const triad_conference_result *result);
/** @brief Request id of an unscheduled request. */
TRIAD_API const char *triad_conference_result_unscheduled_request(const triad_conference_result *result, size_t index);
/** @brief Reason code of an unscheduled request; NONE for a bad index. */
TRIAD_API triad_conference_reason triad_conference_result_unscheduled_reason(const triad_conference_result *result, size_t index);
/** @brief A sentence explaining why (English), naming teachers and sessions. */
TRIAD_API const char *triad_conference_result_unscheduled_message(const triad_conference_result *result, size_t index);

/**
 * @brief The meetings of one teacher (as participant, joint meetings
 *        included), in time order.
 * @param out        receives up to @p cap meeting indices; may be NULL when @p cap is 0
 * @param cap        capacity of @p out
 * @param result     the result
 * @param teacher_id the teacher's id
 * @return The number of meetings (may exceed @p cap: call again with a larger
 *         buffer), or #TRIAD_EINVAL.
 */
TRIAD_API int triad_conference_result_teacher_meetings(size_t *out, size_t cap,
                                                       const triad_conference_result *result,
                                                       const char *teacher_id);

/** @brief The meetings of one household in time order; as triad_conference_result_teacher_meetings(). */
TRIAD_API int triad_conference_result_household_meetings(size_t *out, size_t cap,
                                                         const triad_conference_result *result,
                                                         const char *household_id);

/* ---- checker and bound ------------------------------------------------ */

/**
 * @brief Check a schedule against an instance: every violated hard
 *        constraint, and every metric recomputed from the instance and the
 *        meetings alone (the result's own metrics are not trusted).
 *
 * The settings used are the instance's. A pinned request that meets
 * elsewhere is a violation; an unscheduled pinned request is not (it costs
 * its weight). Moved meetings are 0 (there is no previous result).
 *
 * @param out    receives the report; free it with triad_conference_report_free()
 * @param conf   the instance (its settings are used)
 * @param result the schedule to check
 * @return 0 (also when there are violations), #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_check(triad_conference_report **out, const triad_conference *conf,
                                     const triad_conference_result *result);

/** @brief Free a report; NULL does nothing. */
TRIAD_API void triad_conference_report_free(triad_conference_report *report);
/** @brief Number of violations (0: the schedule is feasible). */
TRIAD_API size_t triad_conference_report_violation_count(const triad_conference_report *report);
/** @brief Kind of a violation; NONE for a bad index. */
TRIAD_API triad_conference_violation triad_conference_report_violation_kind(const triad_conference_report *report, size_t index);
/** @brief A sentence describing the violation (English), naming requests, people, session and slots. */
TRIAD_API const char *triad_conference_report_violation_message(const triad_conference_report *report, size_t index);
/** @brief The request of a violation; NULL when it concerns none. */
TRIAD_API const char *triad_conference_report_violation_request(const triad_conference_report *report, size_t index);
/** @brief The other request of a double booking or walking-gap violation; NULL when none. */
TRIAD_API const char *triad_conference_report_violation_other_request(const triad_conference_report *report, size_t index);
/** @brief The teacher a violation concerns; NULL when none. */
TRIAD_API const char *triad_conference_report_violation_teacher(const triad_conference_report *report, size_t index);
/** @brief The household a violation concerns; NULL when none. */
TRIAD_API const char *triad_conference_report_violation_household(const triad_conference_report *report, size_t index);
/** @brief The session a violation concerns; NULL when none. */
TRIAD_API const char *triad_conference_report_violation_session(const triad_conference_report *report, size_t index);
/** @brief A recomputed metric; 0 or #TRIAD_EINVAL. The bound is triad_conference_bound() of the instance. */
TRIAD_API int triad_conference_report_metric(int64_t *out, const triad_conference_report *report,
                                             triad_conference_metric metric);

/**
 * @brief An upper bound on the priority weight that any feasible schedule
 *        can meet: the smallest of max-flow relaxations and a Lagrangian
 *        bound. The flows: one over the teachers (each request sends one
 *        unit per slot of its length to the slots of its teachers where it
 *        could be placed, one unit per teacher slot; a capped session
 *        carries at most cap x the longest request and at most cap + the
 *        extra slots of the longer requests that fit there; a joint
 *        request's weight is split evenly over its teachers, or over those
 *        of them asked for more slots than they have), and one over each
 *        household's own slots. The Lagrangian bound prices each request's
 *        part at each teacher (from the teachers' flow's dual solution, or
 *        uniformly per slot and per meeting, whichever gives the smaller
 *        bound teacher by teacher) and
 *        solves each teacher's sessions exactly as interval scheduling:
 *        double-length meetings take consecutive slots and a capped teacher
 *        meets at most cap households. Every step is integer arithmetic:
 *        the same bound on every machine. See doc/formats/conference.md.
 * @param out  receives the bound
 * @param conf the instance
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_bound(int64_t *out, const triad_conference *conf);

/* ---- solver ----------------------------------------------------------- */

/**
 * @brief Schedule an instance.
 *
 * Computes the bound, builds a constructive schedule, then improves it by
 * destroy-and-repair local search (over households, teachers, slot ranges,
 * a household's sessions and at random, repaired greedily with regret,
 * with one teacher's meetings now and then reassigned exactly by a
 * min-cost flow, accepted by late acceptance hill climbing) until the
 * iteration limit, the time limit, cancellation, or a cost equal to a
 * proven lower bound. The schedule always satisfies every hard constraint
 * (triad_conference_check() finds no violation); pinned
 * requests meet at their pin unless the pins conflict (then the later one
 * in request order is unscheduled with #TRIAD_CONFERENCE_REASON_PIN_CONFLICT).
 *
 * With @p previous, every request that met in @p previous and now meets at
 * another session or slot, or not at all, costs the move penalty; the
 * solver starts from @p previous where it is still feasible.
 *
 * Cancellation (the progress callback returning non-zero) is not an error:
 * the call returns 0 with the best schedule found so far and
 * #TRIAD_CONFERENCE_STAT_CANCELED set to 1.
 *
 * @param out      receives the result; free it with triad_conference_result_free()
 * @param conf     the instance (only read)
 * @param options  NULL for the defaults
 * @param previous a previous result to stay close to, or NULL
 * @return 0, #TRIAD_EINVAL (NULL, bad options version or values) or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_solve(triad_conference_result **out, const triad_conference *conf,
                                     const triad_solve_options *options,
                                     const triad_conference_result *previous);

TRIAD_END_DECLS

#endif /* TRIAD_CONFERENCE_H */
