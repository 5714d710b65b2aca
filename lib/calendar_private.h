/* The school calendar's representation, shared by its source files. */
#ifndef TRIAD_CALENDAR_PRIVATE_H
#define TRIAD_CALENDAR_PRIVATE_H

#include "triad_private.h"

typedef struct cal_holiday {
	char *name;
	triad_date first, last;
	bool compulsory;
} cal_holiday;

typedef struct cal_day_off {
	triad_date day;
	char *reason;
} cal_day_off;

typedef struct cal_period {
	char *id;
	char *name;
	triad_date first, last;
} cal_period;

/* Tables derived from the holidays and days off, rebuilt after every change
 * so that every query is O(1) without allocating (the contact analytics ask
 * them once per log entry). */
typedef struct cal_tables {
	int32_t ndays;         /* last - first + 1 */
	int32_t *prefix;       /* [ndays + 1]: school days in [first, first + i) */
	int32_t *week_index;   /* [ndays]: school weeks whose Monday <= first + i */
	triad_date *school;    /* [nschool]: the school days in order */
	int32_t nschool;
	triad_date *mondays;   /* [nweeks]: the Monday of every school week */
	int32_t nweeks;
} cal_tables;

struct triad_calendar {
	int start_year;
	triad_region region;
	triad_date first, last;
	cal_holiday *holidays;
	size_t nholidays, holidays_cap;
	cal_day_off *days_off; /* sorted by day */
	size_t ndays_off, days_off_cap;
	cal_period *periods;   /* sorted by last day, then id */
	size_t nperiods, periods_cap;
	cal_tables t;
};

/* Whether `id` is a valid report-period or rule id (1..32 bytes of ASCII
 * letters, digits, '-', '_', '.'). */
bool triad__cal_id_valid(const char *id);

/* Date of an ISO date or date-time string ("2025-10-18",
 * "2025-10-18T00:00:00.000Z"); the date part is the date. 0 or TRIAD_EPARSE
 * (nothing recorded). */
int triad__cal_parse_datetime(triad_date *out, const char *s);

/* "2025-2026" -> 2025 (the years must be consecutive); -1 otherwise. */
int triad__cal_parse_school_year(const char *s, int *start);

#endif
