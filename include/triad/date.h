/**
 * @file triad/date.h
 * @brief Calendar dates as a documented integer encoding.
 *
 * A #triad_date is the number of days since 1970-01-01 in the proleptic
 * Gregorian calendar (1970-01-01 is 0, 1969-12-31 is -1). From Python,
 * `date.fromordinal(d + 719163)` converts it. Dates from year 1 to 9999 are
 * supported. There is no hidden clock: every call that depends on "today"
 * takes the date as a parameter.
 */
#ifndef TRIAD_DATE_H
#define TRIAD_DATE_H

#include "common.h"

TRIAD_BEGIN_DECLS

/** @brief Days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t triad_date;

/** @brief Buffer size for triad_date_format(): "YYYY-MM-DD" and a NUL. */
#define TRIAD_DATE_BUFSIZE 11

/**
 * @brief Build a date from year, month and day.
 * @param out receives the date
 * @param year 1..9999
 * @param month 1..12
 * @param day 1..31, and existing in that month
 * @return 0, or #TRIAD_EINVAL for a date that does not exist
 *         (such as 2025-02-29) or a year outside 1..9999.
 */
TRIAD_API int triad_date_from_ymd(triad_date *out, int year, int month, int day);

/**
 * @brief Split a date into year, month and day.
 * @param date the date
 * @param year,month,day receive the parts; each may be NULL
 * @return 0, or #TRIAD_EINVAL for a date outside years 1..9999.
 */
TRIAD_API int triad_date_to_ymd(triad_date date, int *year, int *month, int *day);

/**
 * @brief Parse an ISO 8601 calendar date, "YYYY-MM-DD".
 * @return 0, #TRIAD_EINVAL for NULL, or #TRIAD_EPARSE for text that is not
 *         such a date or names a day that does not exist.
 */
TRIAD_API int triad_date_parse(triad_date *out, const char *text);

/**
 * @brief Write a date as "YYYY-MM-DD".
 * @param date the date
 * @param buf at least #TRIAD_DATE_BUFSIZE bytes
 * @return 0, or #TRIAD_EINVAL for a NULL buffer or a date outside years 1..9999.
 */
TRIAD_API int triad_date_format(triad_date date, char *buf);

/**
 * @brief ISO weekday: 1 for Monday through 7 for Sunday.
 */
TRIAD_API int triad_date_weekday(triad_date date);

/**
 * @brief ISO 8601 week-numbering year and week of a date.
 * @param date the date
 * @param iso_year receives the week-numbering year (may differ from the
 *        calendar year near 1 January); may be NULL
 * @param iso_week receives the week, 1..53; may be NULL
 * @return 0, or #TRIAD_EINVAL for a date outside years 1..9999.
 */
TRIAD_API int triad_date_iso_week(triad_date date, int *iso_year, int *iso_week);

/**
 * @brief Age in whole years on a given date.
 * @param out receives the age; someone born on 29 February turns a year
 *        older on 1 March in non-leap years
 * @param birth the birth date
 * @param on the as-of date
 * @return 0, or #TRIAD_EINVAL when @p on is before @p birth.
 */
TRIAD_API int triad_date_age(int *out, triad_date birth, triad_date on);

TRIAD_END_DECLS

#endif /* TRIAD_DATE_H */
