/**
 * @file triad/conference_export.h
 * @brief Publishing a conference schedule: iCalendar files per household
 *        and per teacher, an HTML view of the whole event, and a letter per
 *        household, in Dutch or English.
 *
 * Every export reads an instance (#triad_conference) and a result of it
 * (#triad_conference_result, e.g. from triad_conference_solve()) and returns
 * a new UTF-8 text that the caller releases with triad_free().
 *
 * Times: session dates and start times are local times of the school, in
 * the time zone Europe/Amsterdam. A meeting of n slots starting at slot s
 * runs from triad_conference_slot_start(s) to triad_conference_slot_start(s +
 * n) minus the session's gap minutes.
 *
 * iCalendar (RFC 5545, built with libical): one VCALENDAR with a VTIMEZONE
 * for Europe/Amsterdam (CET/CEST with the EU rules since 1996) and one
 * VEVENT per meeting: DTSTART and DTEND with TZID=Europe/Amsterdam, the
 * room's name as LOCATION, a SUMMARY naming the other party, a DESCRIPTION
 * naming the students. The UID of a meeting is
 * `conference-YYYYMMDD-REQUEST@DOMAIN` (the date of the instance's first
 * session, the request id, the options' domain): it stays the same when the
 * schedule is solved again and a meeting moves, so calendar programs update
 * the event instead of adding a second one, and it is the same in the
 * household's and in the teachers' files.
 *
 * Thread safety: the exports only read their inputs and may run in parallel
 * on the same instance and result.
 */
#ifndef TRIAD_CONFERENCE_EXPORT_H
#define TRIAD_CONFERENCE_EXPORT_H

#include "common.h"
#include "conference.h"

TRIAD_BEGIN_DECLS

/** @brief Current version of #triad_conference_export_options. */
#define TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION 1

/**
 * @brief Options of the exports. Fields are only ever appended.
 */
typedef struct triad_conference_export_options {
	unsigned version;        /**< #TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION */
	triad_lang lang;         /**< language of summaries, headings and letters; default #TRIAD_LANG_NL */
	const char *school_name; /**< shown in titles and letters (UTF-8); NULL: none */
	const char *uid_domain;  /**< right-hand side of iCalendar UIDs: 1..253 characters of
	                              letters, digits, '.' and '-'; NULL: "triad.invalid" */
	int64_t stamp;           /**< DTSTAMP of the iCalendar events, seconds since 1970-01-01
	                              UTC (the time the calendar is published; the library has
	                              no clock of its own); 0: midnight UTC of the first
	                              session's date, so that the output is reproducible */
} triad_conference_export_options;

/** @brief Positional initialiser with the defaults. */
#define TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT \
	{ TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION, TRIAD_LANG_NL, NULL, NULL, 0 }

/**
 * @brief Fill @p opts with the defaults for a version (for FFI users).
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_conference_export_options_init(triad_conference_export_options *opts,
                                                   unsigned version);

/**
 * @brief The iCalendar file of one household: a VEVENT for each of its
 *        meetings, summary "Gesprek met TEACHER" / "Meeting with TEACHER"
 *        (all teachers of a joint meeting).
 *
 * A household without meetings gets a valid calendar without events.
 *
 * @param out          receives the text (CRLF line ends as RFC 5545 asks);
 *                     release it with triad_free(); untouched on failure
 * @param conf         the instance
 * @param result       a result of that instance
 * @param household_id the household's id
 * @param options      NULL for the defaults
 * @return 0; #TRIAD_EINVAL (NULL argument, bad options, or a result whose
 *         meetings name sessions, teachers or requests the instance lacks:
 *         the message names them); #TRIAD_ENOTFOUND (unknown household,
 *         named in the message); #TRIAD_ENOMEM; #TRIAD_EINTERNAL when
 *         libical fails.
 */
TRIAD_API int triad_conference_export_household_ics(char **out, const triad_conference *conf,
                                                    const triad_conference_result *result,
                                                    const char *household_id,
                                                    const triad_conference_export_options *options);

/**
 * @brief The iCalendar file of one teacher: a VEVENT for each meeting the
 *        teacher takes part in (joint meetings included), summary
 *        "Gesprek met HOUSEHOLD (STUDENTS)" / "Meeting with HOUSEHOLD (STUDENTS)".
 *
 * Parameters and errors as triad_conference_export_household_ics(), with
 * #TRIAD_ENOTFOUND for an unknown teacher.
 */
TRIAD_API int triad_conference_export_teacher_ics(char **out, const triad_conference *conf,
                                                  const triad_conference_result *result,
                                                  const char *teacher_id,
                                                  const triad_conference_export_options *options);

/**
 * @brief An HTML5 page of the whole event.
 *
 * For the screen: per session a grid with a row per teacher present and a
 * column per slot, every meeting in the cells it occupies (household,
 * students, and the other teachers of a joint meeting), breaks marked; then
 * the unscheduled requests with their reasons. For print (CSS `@media
 * print`, A4): the grid is left out and every teacher gets a page of their
 * own listing their meetings in time order with time, room, household and
 * students. Every text taken from the input (names, ids, rooms, students,
 * the school's name) is HTML-escaped.
 *
 * @param out receives the page; release it with triad_free()
 * @param conf the instance
 * @param result the schedule to show
 * @param options language and school name; NULL for the defaults
 * @return as triad_conference_export_household_ics(), without #TRIAD_ENOTFOUND.
 */
TRIAD_API int triad_conference_export_html(char **out, const triad_conference *conf,
                                           const triad_conference_result *result,
                                           const triad_conference_export_options *options);

/**
 * @brief A letter (plain UTF-8 text) to one household in the options'
 *        language, listing its meetings in time order with date, start and
 *        end time, teacher, room and students, and the requests that could
 *        not be scheduled with the reason in words.
 *
 * Parameters and errors as triad_conference_export_household_ics().
 */
TRIAD_API int triad_conference_export_letter(char **out, const triad_conference *conf,
                                             const triad_conference_result *result,
                                             const char *household_id,
                                             const triad_conference_export_options *options);

TRIAD_END_DECLS

#endif /* TRIAD_CONFERENCE_EXPORT_H */
