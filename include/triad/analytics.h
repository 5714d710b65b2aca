/**
 * @file triad/analytics.h
 * @brief What the contact log says, as of a date: reach, proactive contact,
 *        households never contacted and hard to reach, per school, class
 *        and mentor; and the plan's expected contacts done, overdue and due.
 *
 * Definitions (every figure uses only log entries dated on or before the
 * as-of date):
 *
 * - A **contact** is an entry that reached someone; a failed attempt is no
 *   contact.
 * - The **population** is every household of the audience
 *   (triad/contactplan.h) with at least one student to which it has full
 *   access; pairs with access on request or restricted are left out, since
 *   the school does not invite those households.
 * - **Reach** of a group is the share of its households with at least one
 *   contact in the window (by default from the first day of the school year
 *   to the as-of date).
 * - **Proactive share** is the share of the window's contacts that the
 *   school started with a positive or neutral tone.
 * - A contact counts for a class (or mentor) when one of the students it
 *   concerns is in that class (has that mentor) in that household, or, when
 *   it names none of the household's students, for every class (mentor) of
 *   the household. A household counts in every class and mentor group of
 *   its students, and once for the school.
 * - **Never contacted**: no contact at all in the log up to the as-of date.
 * - **Hard to reach** (configurable, #triad_reach_options): no contact in
 *   the last N school weeks despite at least one attempt in them, or the
 *   last M attempts all failed. Each such household comes with its reasons.
 *
 * Thread safety: a report is immutable once built; the log and audience
 * must not change while a report is being built.
 */
#ifndef TRIAD_ANALYTICS_H
#define TRIAD_ANALYTICS_H

#include "common.h"
#include "calendar.h"
#include "contactlog.h"
#include "contactplan.h"

TRIAD_BEGIN_DECLS

/** @brief Current version of #triad_reach_options. */
#define TRIAD_REACH_OPTIONS_VERSION 1

/** @brief How a reach report is computed. Fields are only ever appended. */
typedef struct triad_reach_options {
	unsigned version;       /**< #TRIAD_REACH_OPTIONS_VERSION */
	int has_window;         /**< non-zero: use window_from..window_to */
	triad_date window_from; /**< first day of the reach window (inclusive) */
	triad_date window_to;   /**< last day (inclusive; capped at the as-of date) */
	int32_t hard_weeks;     /**< N: no contact in N school weeks despite attempts; 0 turns the rule off (default 6) */
	int32_t hard_failed;    /**< M: M failed attempts in a row; 0 turns the rule off (default 3) */
	const triad_calendar *calendar; /**< school weeks and the year's first day; NULL: calendar weeks and 1 August */
} triad_reach_options;

/** @brief Positional initialiser with the defaults. */
#define TRIAD_REACH_OPTIONS_INIT { TRIAD_REACH_OPTIONS_VERSION, 0, 0, 0, 6, 3, NULL }

/**
 * @brief Initialise options with the defaults (as TRIAD_REACH_OPTIONS_INIT).
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_reach_options_init(triad_reach_options *opts, unsigned version);

/** @brief The kind of a group in a report. 0 means "none". */
typedef enum triad_reach_group {
	TRIAD_REACH_GROUP_NONE = 0,
	TRIAD_REACH_GROUP_SCHOOL = 1, /**< the whole school */
	TRIAD_REACH_GROUP_CLASS = 2,  /**< one class */
	TRIAD_REACH_GROUP_MENTOR = 3  /**< the students of one mentor */
} triad_reach_group;

/** @brief Reasons a household is hard to reach (bit flags). */
typedef enum triad_hard_reason {
	TRIAD_HARD_NO_CONTACT_IN_WEEKS = 1, /**< no contact in the last N school weeks despite attempts */
	TRIAD_HARD_FAILED_IN_ROW = 2        /**< the last M attempts all failed */
} triad_hard_reason;

/** @brief Current version of #triad_reach_figures. */
#define TRIAD_REACH_FIGURES_VERSION 1

/** @brief The figures of one group. Fields are only ever appended. */
typedef struct triad_reach_figures {
	unsigned version;       /**< set by the caller: #TRIAD_REACH_FIGURES_VERSION */
	size_t households;      /**< households in the group */
	size_t reached;         /**< of which had a contact in the window */
	size_t contacts;        /**< contacts in the window */
	size_t proactive;       /**< of which started by the school, positive or neutral */
	size_t failed;          /**< failed attempts in the window */
	size_t never_contacted; /**< households never contacted */
	size_t hard_to_reach;   /**< households hard to reach */
	double reach;           /**< reached / households; 0 when the group is empty */
	double proactive_share; /**< proactive / contacts; 0 when there are no contacts */
} triad_reach_figures;

/** @brief A reach report. */
typedef struct triad_reach_report triad_reach_report;

/**
 * @brief Compute a reach report.
 * @param out   receives the report; free it with triad_reach_report_free()
 * @param log   the contact log
 * @param aud   the households and students (their classes and mentors)
 * @param as_of the date the report is about; later entries are ignored
 * @param opts  options, or NULL for the defaults
 * @return 0; #TRIAD_EINVAL (NULL, a window ending before it starts, N or M
 *         negative or above 60 and 100); #TRIAD_ERANGE (the as-of date
 *         lies outside the calendar's school year); #TRIAD_ENOMEM.
 */
TRIAD_API int triad_reach_report_new(triad_reach_report **out, const triad_contactlog *log,
                                     const triad_audience *aud, triad_date as_of,
                                     const triad_reach_options *opts);

/** @brief Free a report; NULL does nothing. */
TRIAD_API void triad_reach_report_free(triad_reach_report *report);

/** @brief The window used, as-of date included. Any out may be NULL. */
TRIAD_API void triad_reach_report_window(const triad_reach_report *report, triad_date *from,
                                         triad_date *to);

/**
 * @brief Number of groups: the school, then every class (by name), then
 *        every mentor (by id).
 */
TRIAD_API size_t triad_reach_report_group_count(const triad_reach_report *report);

/**
 * @brief One group and its figures.
 * @param report the report
 * @param index 0 for the school, then classes, then mentors
 * @param type receives the kind of group; may be NULL
 * @param name receives the class name or mentor id (borrowed; "" for the school); may be NULL
 * @param out  receives the figures; its version must be set; may be NULL
 * @return 0, or #TRIAD_EINVAL for NULL, an index out of range or an unknown version.
 */
TRIAD_API int triad_reach_report_group(const triad_reach_report *report, size_t index,
                                       triad_reach_group *type, const char **name,
                                       triad_reach_figures *out);

/** @brief Number of households never contacted (sorted by id). */
TRIAD_API size_t triad_reach_report_never_count(const triad_reach_report *report);

/**
 * @brief A household never contacted.
 * @param report the report
 * @param index 0..triad_reach_report_never_count() - 1
 * @param household receives its id (borrowed); may be NULL
 * @param attempts  receives the number of failed attempts (0: none recorded); may be NULL
 * @param last_attempt receives the date of the last attempt (when attempts > 0); may be NULL
 * @return 0, or #TRIAD_EINVAL for an index out of range.
 */
TRIAD_API int triad_reach_report_never_at(const triad_reach_report *report, size_t index,
                                          const char **household, size_t *attempts,
                                          triad_date *last_attempt);

/** @brief Number of households hard to reach (sorted by id). */
TRIAD_API size_t triad_reach_report_hard_count(const triad_reach_report *report);

/**
 * @brief A household hard to reach, and why.
 * @param report the report
 * @param index 0..triad_reach_report_hard_count() - 1
 * @param household receives its id (borrowed); may be NULL
 * @param reasons   receives #triad_hard_reason flags; may be NULL
 * @param failed_in_row receives the number of failed attempts since the last contact; may be NULL
 * @param has_contact receives 1 when the household had a contact before, else 0; may be NULL
 * @param last_contact receives the date of the last contact (when has_contact); may be NULL
 * @return 0, or #TRIAD_EINVAL for an index out of range.
 */
TRIAD_API int triad_reach_report_hard_at(const triad_reach_report *report, size_t index,
                                         const char **household, unsigned *reasons,
                                         size_t *failed_in_row, int *has_contact,
                                         triad_date *last_contact);

/**
 * @brief The report as text for people, in Dutch or English.
 * @param report the report
 * @param lang #TRIAD_LANG_NL or #TRIAD_LANG_EN
 * @param out receives UTF-8 text the caller frees with triad_free()
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_reach_report_text(char **out, const triad_reach_report *report, triad_lang lang);

/**
 * @brief The report as JSON (`triad.reach-report/1`, doc/formats/reach-report.md).
 * @param report the report
 * @param out receives UTF-8 text the caller frees with triad_free()
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_reach_report_json(char **out, const triad_reach_report *report);

/* ---- the plan against the log ------------------------------------------- */

/** @brief Where an expected contact stands as of a date. 0 means "none". */
typedef enum triad_expected_state {
	TRIAD_EXPECTED_STATE_NONE = 0,
	TRIAD_EXPECTED_UPCOMING = 1, /**< "upcoming": its window has not started */
	TRIAD_EXPECTED_OPEN = 2,     /**< "open": its window runs, not done yet, not overdue */
	TRIAD_EXPECTED_DONE = 3,     /**< "done": a contact within its window */
	TRIAD_EXPECTED_DONE_LATE = 4, /**< "done_late": a contact after its due date */
	TRIAD_EXPECTED_OVERDUE = 5   /**< "overdue": due before the as-of date, no contact */
} triad_expected_state;

/** @brief Stable id of a state ("upcoming", "open", ...); NULL (with #TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_expected_state_id(triad_expected_state state);

/**
 * @brief The plan's expected contacts (triad_contactplan_generate()) held
 *        against the log, as of a date.
 *
 * An expected contact is done by a log entry that reached someone, of the
 * same household and kind, dated from the expected contact's earliest date
 * on and not after the as-of date, which concerns one of its students (or
 * names no student). The staff member need not match: contact should not
 * depend on one mentor. Each entry fulfils at most one expected contact;
 * expected contacts are matched in due-date order to the earliest fitting
 * entry, first within their window, then (done late) after it.
 */
typedef struct triad_plan_status triad_plan_status;

/**
 * @brief Hold the expected contacts against the log.
 * @param expected the expected contacts; it must outlive the status, which borrows from it
 * @param log the contact log; it must outlive the status and not change meanwhile
 * @param as_of the date the status is about; later entries are ignored
 * @param out receives the status; free it with triad_plan_status_free()
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_plan_status_new(triad_plan_status **out, const triad_expected *expected,
                                    const triad_contactlog *log, triad_date as_of);

/** @brief Free a status; NULL does nothing. */
TRIAD_API void triad_plan_status_free(triad_plan_status *status);

/** @brief Number of expected contacts (the list's count). */
TRIAD_API size_t triad_plan_status_count(const triad_plan_status *status);

/**
 * @brief The state of expected contact @p index (the index into the list).
 * @param status the status
 * @param index index into the expected-contact list
 * @param state receives the state; may be NULL
 * @param entry receives the id of the entry that did it (borrowed from the
 *        log), or NULL when not done; may be NULL
 * @return 0, or #TRIAD_EINVAL for an index out of range.
 */
TRIAD_API int triad_plan_status_at(const triad_plan_status *status, size_t index,
                                   triad_expected_state *state, const char **entry);

/**
 * @brief A household's expected contacts in sum.
 * @param status the status
 * @param household the household id
 * @param done,done_late,overdue,open,upcoming receive the counts; each may be NULL
 * @param next receives the index of the contact due next (the open or
 *        upcoming one with the earliest due date), or SIZE_MAX when none; may be NULL
 * @return 0, #TRIAD_EINVAL, or #TRIAD_ENOTFOUND when the household has no
 *         expected contact.
 */
TRIAD_API int triad_plan_status_household(const triad_plan_status *status, const char *household,
                                          size_t *done, size_t *done_late, size_t *overdue,
                                          size_t *open, size_t *upcoming, size_t *next);

/**
 * @brief The status as text, for one household or (NULL) every household.
 * @param status the status
 * @param household a household id, or NULL for every household
 * @param lang #TRIAD_LANG_NL or #TRIAD_LANG_EN
 * @param out receives UTF-8 text the caller frees with triad_free()
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND (no expected contact for the
 *         household) or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_plan_status_text(char **out, const triad_plan_status *status,
                                     const char *household, triad_lang lang);

TRIAD_END_DECLS

#endif /* TRIAD_ANALYTICS_H */
