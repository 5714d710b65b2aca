/* Calendar dates as days since 1970-01-01 (proleptic Gregorian). */
#include <stdio.h>
#include <string.h>

#include "triad_private.h"

/* Howard Hinnant's days_from_civil / civil_from_days. */
triad_date triad__days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const int yoe = y - era * 400;
	const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (triad_date)(era * 146097 + doe - 719468);
}

void triad__civil_from_days(triad_date days, int *y, int *m, int *d)
{
	int z = days + 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const int doe = z - era * 146097;
	const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int mp = (5 * doy + 2) / 153;
	const int dd = doy - (153 * mp + 2) / 5 + 1;
	const int mm = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

static const triad_date MIN_DATE = -719162; /* 0001-01-01 */
static const triad_date MAX_DATE = 2932896; /* 9999-12-31 */

bool triad__date_in_range(triad_date d)
{
	return d >= MIN_DATE && d <= MAX_DATE;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int triad_date_from_ymd(triad_date *out, int year, int month, int day)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_date_from_ymd: out is NULL");
	if (year < 1 || year > 9999)
		return triad__err(TRIAD_EINVAL, "year %d is outside 1..9999", year);
	if (month < 1 || month > 12)
		return triad__err(TRIAD_EINVAL, "month %d is outside 1..12", month);
	if (day < 1 || day > days_in_month(year, month))
		return triad__err(TRIAD_EINVAL, "%04d-%02d-%02d does not exist", year,
		                  month, day);
	*out = triad__days_from_civil(year, month, day);
	return 0;
}

int triad_date_to_ymd(triad_date date, int *year, int *month, int *day)
{
	if (!triad__date_in_range(date))
		return triad__err(TRIAD_EINVAL, "date %ld is outside years 1..9999",
		                  (long)date);
	int y, m, d;
	triad__civil_from_days(date, &y, &m, &d);
	if (year)
		*year = y;
	if (month)
		*month = m;
	if (day)
		*day = d;
	return 0;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int triad_date_parse(triad_date *out, const char *text)
{
	if (!out || !text)
		return triad__err(TRIAD_EINVAL, "triad_date_parse: %s is NULL",
		                  !out ? "out" : "text");
	int y, m, d;
	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-' ||
	    (y = digits(text, 4)) < 0 || (m = digits(text + 5, 2)) < 0 ||
	    (d = digits(text + 8, 2)) < 0)
		return triad__err(TRIAD_EPARSE,
		                  "\"%.40s\" is not a date of the form YYYY-MM-DD", text);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return triad__err(TRIAD_EPARSE, "the date %s does not exist", text);
	*out = triad__days_from_civil(y, m, d);
	return 0;
}

int triad_date_format(triad_date date, char *buf)
{
	if (!buf)
		return triad__err(TRIAD_EINVAL, "triad_date_format: buf is NULL");
	int y, m, d;
	int rc = triad_date_to_ymd(date, &y, &m, &d);
	if (rc)
		return rc;
	snprintf(buf, TRIAD_DATE_BUFSIZE, "%04d-%02d-%02d", y, m, d);
	return 0;
}

int triad_date_weekday(triad_date date)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (int)((date % 7 + 7) % 7); /* 0 = Thursday */
	return (w + 3) % 7 + 1;
}

int triad_date_iso_week(triad_date date, int *iso_year, int *iso_week)
{
	if (!triad__date_in_range(date))
		return triad__err(TRIAD_EINVAL, "date %ld is outside years 1..9999",
		                  (long)date);
	/* The Thursday of the date's week decides the week-numbering year. */
	triad_date thursday = date - (triad_date_weekday(date) - 4);
	int y, m, d;
	triad__civil_from_days(thursday, &y, &m, &d);
	triad_date jan1 = triad__days_from_civil(y, 1, 1);
	if (iso_year)
		*iso_year = y;
	if (iso_week)
		*iso_week = (int)((thursday - jan1) / 7) + 1;
	return 0;
}

int triad_date_age(int *out, triad_date birth, triad_date on)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_date_age: out is NULL");
	if (!triad__date_in_range(birth) || !triad__date_in_range(on))
		return triad__err(TRIAD_EINVAL, "date outside years 1..9999");
	if (on < birth)
		return triad__err(TRIAD_EINVAL,
		                  "the as-of date lies before the birth date");
	int by, bm, bd, y, m, d;
	triad__civil_from_days(birth, &by, &bm, &bd);
	triad__civil_from_days(on, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	*out = age;
	return 0;
}
