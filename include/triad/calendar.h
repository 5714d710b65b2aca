/**
 * @file triad/calendar.h
 * @brief The school calendar: one school year with its holidays, the
 *        school's own days off and its report periods, and arithmetic in
 *        school days and school weeks.
 *
 * Definitions used by every function here:
 *
 * - The **school year** runs from its first day to its last day, by default
 *   1 August to 31 July (school year "2025-2026" starts on 2025-08-01).
 * - A **school day** is a Monday to Friday inside the school year that lies
 *   in no holiday and is no day off.
 * - A **school week** is an ISO 8601 week (Monday to Sunday) holding at
 *   least one school day. School weeks are numbered from 1 within the school
 *   year; weeks 52 and 53 and the turn of the calendar year need no special
 *   care from callers.
 * - "N school days **after** a date" counts the school days strictly after
 *   that date: the 1st school day after Friday 2025-10-17 before an autumn
 *   holiday of 18-26 October is Monday 2025-10-27.
 *
 * Dates outside the school year cannot be judged (the holidays of other
 * years are unknown), so queries about them fail with #TRIAD_ERANGE; the
 * message names the date and the school year. Holidays may reach past the
 * year's ends (a summer holiday from July into August); only the part
 * inside the year matters.
 *
 * Holiday dates can be read from the Dutch government's open data
 * (triad_calendar_load_opendata()); a calendar is stored in its own
 * format, `triad.calendar/1` (doc/formats/calendar.md).
 *
 * Thread safety: a calendar may be read from many threads at once once it
 * is no longer changed; changing it needs exclusive access. Queries do not
 * allocate.
 */
#ifndef TRIAD_CALENDAR_H
#define TRIAD_CALENDAR_H

#include "common.h"
#include "date.h"

TRIAD_BEGIN_DECLS

/** @brief One school year's calendar. */
typedef struct triad_calendar triad_calendar;

/** @brief The Dutch holiday regions. 0 means "none" (no region chosen). */
typedef enum triad_region {
	TRIAD_REGION_NONE = 0,   /**< no region chosen */
	TRIAD_REGION_NOORD = 1,  /**< "noord" (north) */
	TRIAD_REGION_MIDDEN = 2, /**< "midden" (middle) */
	TRIAD_REGION_ZUID = 3    /**< "zuid" (south) */
} triad_region;

/**
 * @brief Stable id of a region: "noord", "midden" or "zuid".
 * @param region the region
 * @return A static string, or NULL (with #TRIAD_EINVAL recorded) for
 *         #TRIAD_REGION_NONE and invalid values.
 */
TRIAD_API const char *triad_region_id(triad_region region);

/**
 * @brief Look a region up by id ("noord", "midden", "zuid").
 * @param out receives the region
 * @param id "noord", "midden" or "zuid"
 * @return 0, #TRIAD_EINVAL for NULL, or #TRIAD_ENOTFOUND naming the id.
 */
TRIAD_API int triad_region_from_id(triad_region *out, const char *id);

/**
 * @brief The school year a date belongs to, by the default boundary of
 *        1 August: 2025-08-01 to 2026-07-31 is school year 2025 ("2025-2026").
 * @param date the date
 * @param out receives the calendar year in which the school year starts
 * @return 0, or #TRIAD_EINVAL for NULL or a date outside years 1..9999.
 */
TRIAD_API int triad_school_year_of(int *out, triad_date date);

/**
 * @brief A new calendar for the school year that starts in @p start_year,
 *        from 1 August @p start_year to 31 July of the next year, without
 *        holidays, days off or report periods.
 * @param out        receives the calendar; free it with triad_calendar_free()
 * @param start_year 1..9998
 * @param region     the holiday region, or #TRIAD_REGION_NONE
 * @return 0, #TRIAD_EINVAL (NULL, a year or region out of range) or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_calendar_new(triad_calendar **out, int start_year, triad_region region);

/** @brief Free a calendar; NULL does nothing. */
TRIAD_API void triad_calendar_free(triad_calendar *cal);

/**
 * @brief Change the first and last day of the school year (a school whose
 *        year runs otherwise than 1 August to 31 July).
 *
 * The year may be at most 400 days long; days off and report periods
 * already present must still lie inside it. The start year
 * (triad_calendar_start_year()) becomes the school year, by the 1 August
 * boundary, of the period's middle day: 2025-07-28 to 2026-07-24 is
 * "2025-2026".
 *
 * @param cal the calendar
 * @param first_day the new first day
 * @param last_day the new last day
 * @return 0, #TRIAD_EINVAL (last before first, longer than 400 days, or a
 *         day off or report period would fall outside; the message names it)
 *         or #TRIAD_ENOMEM; on failure the calendar is unchanged.
 */
TRIAD_API int triad_calendar_set_period(triad_calendar *cal, triad_date first_day,
                                       triad_date last_day);

/** @brief The first day of the school year (0 for NULL). */
TRIAD_API triad_date triad_calendar_first_day(const triad_calendar *cal);
/** @brief The last day of the school year (0 for NULL). */
TRIAD_API triad_date triad_calendar_last_day(const triad_calendar *cal);
/** @brief The calendar year in which the school year starts (0 for NULL). */
TRIAD_API int triad_calendar_start_year(const triad_calendar *cal);
/** @brief The holiday region (#TRIAD_REGION_NONE for NULL). */
TRIAD_API triad_region triad_calendar_region(const triad_calendar *cal);

/**
 * @brief Add a holiday: every day from @p first to @p last (inclusive).
 *
 * Holidays may overlap each other and may reach outside the school year.
 *
 * @param cal the calendar
 * @param first the first day of the holiday
 * @param last the last day of the holiday (inclusive)
 * @param name       name, e.g. "Herfstvakantie" (UTF-8, non-empty); copied
 * @param compulsory whether the dates are compulsory (the open data's
 *                   `compulsorydates`); non-zero for true
 * @return 0, #TRIAD_EINVAL (NULL, bad UTF-8, @p last before @p first, or a
 *         holiday that misses the school year entirely) or #TRIAD_ENOMEM;
 *         on failure the calendar is unchanged.
 */
TRIAD_API int triad_calendar_add_holiday(triad_calendar *cal, const char *name,
                                        triad_date first, triad_date last,
                                        int compulsory);

/** @brief Number of holidays, in order of addition. */
TRIAD_API size_t triad_calendar_holiday_count(const triad_calendar *cal);

/**
 * @brief The holiday at @p index.
 * @param cal the calendar
 * @param index 0..triad_calendar_holiday_count() - 1
 * @param name       receives the name, borrowed from the calendar; may be NULL
 * @param first,last receive the dates; may be NULL
 * @param compulsory receives 1 or 0; may be NULL
 * @return 0, or #TRIAD_EINVAL for NULL or an index out of range.
 */
TRIAD_API int triad_calendar_holiday_at(const triad_calendar *cal, size_t index,
                                       const char **name, triad_date *first,
                                       triad_date *last, int *compulsory);

/**
 * @brief Add a day off of the school's own (a study day, a sports day).
 * @param cal the calendar
 * @param day    inside the school year; a weekend day or holiday is
 *               accepted (and changes nothing in the arithmetic)
 * @param reason why, e.g. "studiedag" (UTF-8, non-empty); copied
 * @return 0, #TRIAD_EINVAL (NULL, bad UTF-8, a day outside the school
 *         year), #TRIAD_EEXISTS (the day is already a day off) or
 *         #TRIAD_ENOMEM; on failure the calendar is unchanged.
 */
TRIAD_API int triad_calendar_add_day_off(triad_calendar *cal, triad_date day,
                                        const char *reason);

/** @brief Number of days off, in date order. */
TRIAD_API size_t triad_calendar_day_off_count(const triad_calendar *cal);

/**
 * @brief The day off at @p index (in date order).
 * @param cal the calendar
 * @param index 0..triad_calendar_day_off_count() - 1
 * @param day    receives the date; may be NULL
 * @param reason receives the reason, borrowed from the calendar; may be NULL
 * @return 0, or #TRIAD_EINVAL for NULL or an index out of range.
 */
TRIAD_API int triad_calendar_day_off_at(const triad_calendar *cal, size_t index,
                                       triad_date *day, const char **reason);

/**
 * @brief Add a report period (rapportperiode), e.g. "p1" from the first
 *        school day to the day of the first report.
 * @param cal the calendar
 * @param id    stable id: 1..32 bytes of ASCII letters, digits, '-', '_' or '.'
 * @param name  display name (UTF-8, non-empty); copied
 * @param first,last the period, inclusive, inside the school year
 * @return 0, #TRIAD_EINVAL (bad id or name, @p last before @p first, outside
 *         the school year), #TRIAD_EEXISTS (the id is in use) or
 *         #TRIAD_ENOMEM; on failure the calendar is unchanged.
 */
TRIAD_API int triad_calendar_add_report_period(triad_calendar *cal, const char *id,
                                              const char *name, triad_date first,
                                              triad_date last);

/** @brief Number of report periods, ordered by last day, then id. */
TRIAD_API size_t triad_calendar_report_period_count(const triad_calendar *cal);

/**
 * @brief The report period at @p index (ordered by last day, then id).
 * @param cal the calendar
 * @param index 0..triad_calendar_report_period_count() - 1
 * @param id,name    receive strings borrowed from the calendar; may be NULL
 * @param first,last receive the dates; may be NULL
 * @return 0, or #TRIAD_EINVAL for NULL or an index out of range.
 */
TRIAD_API int triad_calendar_report_period_at(const triad_calendar *cal, size_t index,
                                             const char **id, const char **name,
                                             triad_date *first, triad_date *last);

/**
 * @brief Find a report period by id.
 * @param cal the calendar
 * @param id the report period id
 * @param out receives its index for triad_calendar_report_period_at()
 * @return 0, #TRIAD_EINVAL, or #TRIAD_ENOTFOUND naming the id.
 */
TRIAD_API int triad_calendar_report_period_find(size_t *out, const triad_calendar *cal,
                                               const char *id);

/* ---- arithmetic ---------------------------------------------------------- */

/**
 * @brief Whether @p date is a school day.
 * @param cal the calendar
 * @param date the date, inside the school year
 * @param out receives 1 or 0
 * @return 0, #TRIAD_EINVAL for NULL, or #TRIAD_ERANGE for a date outside the school year.
 */
TRIAD_API int triad_calendar_is_school_day(int *out, const triad_calendar *cal,
                                          triad_date date);

/** @brief Number of school days in the school year (0 for NULL). */
TRIAD_API int32_t triad_calendar_school_day_count(const triad_calendar *cal);

/**
 * @brief The @p n-th school day after @p date.
 *
 * Counts school days strictly after @p date; @p n = 0 gives @p date itself.
 * @p date need not be a school day (a Saturday, a holiday).
 *
 * @param cal the calendar
 * @param date the date counted from, inside the school year
 * @param out receives the date
 * @param n   0 or more
 * @return 0, #TRIAD_EINVAL (NULL, negative @p n), or #TRIAD_ERANGE (@p date
 *         outside the school year, or fewer than @p n school days follow it
 *         in the school year; the message says how many do).
 */
TRIAD_API int triad_calendar_school_days_after(triad_date *out, const triad_calendar *cal,
                                              triad_date date, int32_t n);

/**
 * @brief Number of school days d with @p from < d <= @p to; negative (the
 *        count of @p to < d <= @p from, negated) when @p to is before @p from.
 *
 * So triad_calendar_school_days_after(&d, cal, from, n) gives a d with
 * school_days_between(from, d) == n.
 *
 * @param out receives the count
 * @param cal the calendar
 * @param from the date counted from, inside the school year
 * @param to the date counted to, inside the school year
 * @return 0, #TRIAD_EINVAL for NULL, or #TRIAD_ERANGE for a date outside the school year.
 */
TRIAD_API int triad_calendar_school_days_between(int32_t *out, const triad_calendar *cal,
                                                triad_date from, triad_date to);

/** @brief Number of school weeks in the school year (0 for NULL). */
TRIAD_API int32_t triad_calendar_school_week_count(const triad_calendar *cal);

/**
 * @brief The school-week index of a date: the number of school weeks whose
 *        Monday is on or before @p date.
 *
 * A date in a school week gets that week's index (1 for the first); a date
 * in a week without school days (a holiday week) gets the index of the last
 * school week before it; a date before the first school week gets 0.
 *
 * @param out receives the school-week index, 0 or more
 * @param cal the calendar
 * @param date the date, inside the school year
 * @param in_school_week receives 1 when @p date's ISO week is a school week,
 *        else 0; may be NULL
 * @return 0, #TRIAD_EINVAL for NULL, or #TRIAD_ERANGE for a date outside the school year.
 */
TRIAD_API int triad_calendar_school_week(int32_t *out, int *in_school_week,
                                        const triad_calendar *cal, triad_date date);

/**
 * @brief The school week with index @p index (1-based).
 * @param cal the calendar
 * @param index the school week, 1..triad_calendar_school_week_count()
 * @param monday           receives the Monday of its ISO week (may lie
 *                         before the school year's first day); may be NULL
 * @param first_school_day receives its first school day; may be NULL
 * @param last_school_day  receives its last school day; may be NULL
 * @return 0, #TRIAD_EINVAL for NULL, or #TRIAD_ERANGE for an index outside
 *         1..triad_calendar_school_week_count().
 */
TRIAD_API int triad_calendar_school_week_at(const triad_calendar *cal, int32_t index,
                                           triad_date *monday,
                                           triad_date *first_school_day,
                                           triad_date *last_school_day);

/**
 * @brief Number of school weeks w with week(@p from) < w <= week(@p to),
 *        where week() is triad_calendar_school_week(); negative when @p to
 *        lies in an earlier week than @p from.
 * @param out receives the count
 * @param cal the calendar
 * @param from the earlier date, inside the school year
 * @param to the later date, inside the school year
 * @return 0, #TRIAD_EINVAL for NULL, or #TRIAD_ERANGE for a date outside the school year.
 */
TRIAD_API int triad_calendar_school_weeks_between(int32_t *out, const triad_calendar *cal,
                                                 triad_date from, triad_date to);

/* ---- interchange --------------------------------------------------------- */

/**
 * @brief Read a calendar in the `triad.calendar/1` format
 *        (doc/formats/calendar.md).
 * @param len the length of @p text in bytes
 * @param out    receives a new calendar; untouched on failure
 * @param text   the JSON text, @p len bytes
 * @param source a name for messages (a file name), or NULL
 * @return 0; #TRIAD_EPARSE (syntax: line and column), #TRIAD_EFORMAT
 *         (content: the JSON path is named, e.g. `holidays[2].last`),
 *         #TRIAD_EVERSION (a newer format), #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_calendar_load(triad_calendar **out, const char *text, size_t len,
                                 const char *source);

/**
 * @brief triad_calendar_load() on a file; #TRIAD_EIO when it cannot be read.
 * @param out receives a new calendar; untouched on failure
 * @param filename the file to read
 */
TRIAD_API int triad_calendar_load_file(triad_calendar **out, const char *filename);

/**
 * @brief Write a calendar as `triad.calendar/1` JSON.
 * @param cal the calendar
 * @param out receives a NUL-terminated string owned by the caller (release
 *            with triad_free())
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_calendar_save(char **out, const triad_calendar *cal);

/**
 * @brief triad_calendar_save() into a file, atomically; #TRIAD_EIO on failure.
 * @param cal the calendar
 * @param filename the file to write
 */
TRIAD_API int triad_calendar_save_file(const triad_calendar *cal, const char *filename);

/**
 * @brief Build a calendar from the Dutch government's open data on school
 *        holidays (the JSON with `content[].schoolyear` and
 *        `content[].vacations[]`).
 *
 * The school year @p schoolyear ("2025-2026") must be one of the
 * `content[]` entries; the calendar runs from 1 August to 31 July. Every
 * vacation of every `content[]` entry whose dates for @p region (or for
 * "heel Nederland") touch that school year becomes a holiday named by its
 * `type` (trimmed), so a file that also holds the previous year supplies the
 * end of the previous summer holiday. `startdate` and `enddate` are ISO
 * dates or date-times ("2025-10-18T00:00:00.000Z"), both days inclusive;
 * only the date part is used. `compulsorydates` is "true" or "false".
 * Fields the calendar does not use (titles, notices, ...) are ignored, since
 * the publisher may add some; the fields it uses are checked strictly.
 *
 * @param out receives a new calendar; untouched on failure
 * @param text the JSON text, @p len bytes
 * @param len the length of @p text in bytes
 * @param source a name for messages (a file name), or NULL
 * @param schoolyear "YYYY-YYYY"; NULL takes the only `content[]` entry
 * @param region     #TRIAD_REGION_NOORD, _MIDDEN or _ZUID
 * @return 0; #TRIAD_EPARSE (line and column), #TRIAD_EFORMAT (the JSON
 *         path is named, e.g. `content[0].vacations[3].regions[1].startdate`),
 *         #TRIAD_ENOTFOUND (no such school year in the file; the message
 *         lists those present), #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_calendar_load_opendata(triad_calendar **out, const char *text,
                                          size_t len, const char *source,
                                          const char *schoolyear, triad_region region);

/**
 * @brief triad_calendar_load_opendata() on a file; #TRIAD_EIO when it cannot be read.
 * @param out receives a new calendar; untouched on failure
 * @param filename the file to read
 * @param schoolyear as for triad_calendar_load_opendata()
 * @param region as for triad_calendar_load_opendata()
 */
TRIAD_API int triad_calendar_load_opendata_file(triad_calendar **out,
                                               const char *filename,
                                               const char *schoolyear,
                                               triad_region region);

TRIAD_END_DECLS

#endif /* TRIAD_CALENDAR_H */
