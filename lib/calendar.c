/* The school calendar: holidays, days off, report periods and the tables
 * behind school-day and school-week arithmetic. */
#include <string.h>

#include "calendar_private.h"

/* A school year may run otherwise than 1 August to 31 July, but never much
 * longer than a year: the tables stay small and a typo (2205 for 2025) is
 * caught. */
enum { MAX_YEAR_DAYS = 400 };

static const char *const region_ids[] = { "noord", "midden", "zuid" };

const char *triad_region_id(triad_region region)
{
	if ((int)region < TRIAD_REGION_NOORD || (int)region > TRIAD_REGION_ZUID) {
		triad__err(TRIAD_EINVAL, "%d is not a holiday region (1 noord, 2 midden, 3 zuid)",
		           (int)region);
		return NULL;
	}
	return region_ids[region - 1];
}

int triad_region_from_id(triad_region *out, const char *id)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "the region id or the output is NULL");
	for (int i = 0; i < 3; i++)
		if (strcmp(region_ids[i], id) == 0) {
			*out = (triad_region)(i + 1);
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND,
	                  "\"%.60s\" is not a holiday region (noord, midden, zuid)", id);
}

int triad_school_year_of(int *out, triad_date date)
{
	int y, m;
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	if (triad_date_to_ymd(date, &y, &m, NULL))
		return TRIAD_EINVAL;
	*out = m >= 8 ? y : y - 1;
	return 0;
}

bool triad__cal_id_valid(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n < 1 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
			return false;
	}
	return true;
}

/* ---- derived tables ------------------------------------------------------ */

static void tables_free(cal_tables *t)
{
	triad__free(t->prefix);
	triad__free(t->week_index);
	triad__free(t->school);
	triad__free(t->mondays);
	memset(t, 0, sizeof *t);
}

static triad_date monday_of(triad_date d)
{
	return d - (triad_date)(triad_date_weekday(d) - 1);
}

/* Compute the tables for the calendar's current contents into `t`. */
static int tables_build(const triad_calendar *cal, cal_tables *t)
{
	memset(t, 0, sizeof *t);
	int32_t n = cal->last - cal->first + 1;
	t->ndays = n;
	t->prefix = triad__calloc((size_t)n + 1, sizeof *t->prefix);
	t->week_index = triad__calloc((size_t)n, sizeof *t->week_index);
	t->school = triad__calloc((size_t)n, sizeof *t->school);
	/* At most one school week per 7 days, plus a partial week at each end. */
	t->mondays = triad__calloc((size_t)n / 7 + 2, sizeof *t->mondays);
	if (!t->prefix || !t->week_index || !t->school || !t->mondays) {
		tables_free(t);
		return TRIAD_ENOMEM;
	}
	/* Mark holidays and days off, then count. week_index is used as the
	 * "not a school day" mark until it is filled in below. */
	for (size_t h = 0; h < cal->nholidays; h++) {
		triad_date a = cal->holidays[h].first, b = cal->holidays[h].last;
		if (a < cal->first)
			a = cal->first;
		if (b > cal->last)
			b = cal->last;
		for (triad_date d = a; d <= b; d++)
			t->week_index[d - cal->first] = 1;
	}
	for (size_t k = 0; k < cal->ndays_off; k++)
		t->week_index[cal->days_off[k].day - cal->first] = 1;
	for (int32_t i = 0; i < n; i++) {
		triad_date d = cal->first + i;
		bool school = triad_date_weekday(d) <= 5 && !t->week_index[i];
		t->prefix[i + 1] = t->prefix[i] + (school ? 1 : 0);
		if (school) {
			t->school[t->nschool++] = d;
			triad_date mon = monday_of(d);
			if (t->nweeks == 0 || t->mondays[t->nweeks - 1] != mon)
				t->mondays[t->nweeks++] = mon;
		}
	}
	int32_t w = 0;
	for (int32_t i = 0; i < n; i++) {
		triad_date d = cal->first + i;
		while (w < t->nweeks && t->mondays[w] <= d)
			w++;
		t->week_index[i] = w;
	}
	return 0;
}

/* Rebuild the tables after a change; on failure the old ones stay. */
static int tables_refresh(triad_calendar *cal)
{
	cal_tables t;
	if (tables_build(cal, &t))
		return TRIAD_ENOMEM;
	tables_free(&cal->t);
	cal->t = t;
	return 0;
}

/* ---- life cycle ---------------------------------------------------------- */

int triad_calendar_new(triad_calendar **out, int start_year, triad_region region)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	if (start_year < 1 || start_year > 9998)
		return triad__err(TRIAD_EINVAL, "the school year must start in 1..9998, not %d",
		                  start_year);
	if ((int)region < TRIAD_REGION_NONE || (int)region > TRIAD_REGION_ZUID)
		return triad__err(TRIAD_EINVAL,
		                  "%d is not a holiday region (0 none, 1 noord, 2 midden, 3 zuid)",
		                  (int)region);
	triad_calendar *cal = triad__calloc(1, sizeof *cal);
	if (!cal)
		return TRIAD_ENOMEM;
	cal->start_year = start_year;
	cal->region = region;
	cal->first = triad__days_from_civil(start_year, 8, 1);
	cal->last = triad__days_from_civil(start_year + 1, 7, 31);
	if (tables_refresh(cal)) {
		triad__free(cal);
		return TRIAD_ENOMEM;
	}
	*out = cal;
	return 0;
}

void triad_calendar_free(triad_calendar *cal)
{
	if (!cal)
		return;
	for (size_t i = 0; i < cal->nholidays; i++)
		triad__free(cal->holidays[i].name);
	for (size_t i = 0; i < cal->ndays_off; i++)
		triad__free(cal->days_off[i].reason);
	for (size_t i = 0; i < cal->nperiods; i++) {
		triad__free(cal->periods[i].id);
		triad__free(cal->periods[i].name);
	}
	triad__free(cal->holidays);
	triad__free(cal->days_off);
	triad__free(cal->periods);
	tables_free(&cal->t);
	triad__free(cal);
}

/* Dates in messages; every date that reaches here was range-checked. */
static void fmt_date(char *buf, triad_date d)
{
	if (triad_date_format(d, buf))
		memcpy(buf, "0000-00-00", TRIAD_DATE_BUFSIZE);
}

int triad_calendar_set_period(triad_calendar *cal, triad_date first_day,
                              triad_date last_day)
{
	char a[TRIAD_DATE_BUFSIZE], b[TRIAD_DATE_BUFSIZE];
	if (!cal)
		return triad__err(TRIAD_EINVAL, "the calendar is NULL");
	if (!triad__date_in_range(first_day) || !triad__date_in_range(last_day))
		return triad__err(TRIAD_EINVAL, "a school year's dates must lie in years 1..9999");
	fmt_date(a, first_day);
	fmt_date(b, last_day);
	if (last_day < first_day)
		return triad__err(TRIAD_EINVAL,
		                  "the school year's last day %s is before its first day %s", b, a);
	if (last_day - first_day + 1 > MAX_YEAR_DAYS)
		return triad__err(TRIAD_EINVAL,
		                  "the school year %s to %s is %d days long; at most %d are allowed",
		                  a, b, (int)(last_day - first_day + 1), MAX_YEAR_DAYS);
	for (size_t i = 0; i < cal->ndays_off; i++)
		if (cal->days_off[i].day < first_day || cal->days_off[i].day > last_day) {
			fmt_date(a, cal->days_off[i].day);
			return triad__err(TRIAD_EINVAL,
			                  "the day off %s (%s) would fall outside the school year", a,
			                  cal->days_off[i].reason);
		}
	for (size_t i = 0; i < cal->nperiods; i++)
		if (cal->periods[i].first < first_day || cal->periods[i].last > last_day)
			return triad__err(TRIAD_EINVAL,
			                  "the report period \"%s\" would fall outside the school year",
			                  cal->periods[i].id);
	triad_date of = cal->first, ol = cal->last;
	cal->first = first_day;
	cal->last = last_day;
	if (tables_refresh(cal)) {
		cal->first = of;
		cal->last = ol;
		return TRIAD_ENOMEM;
	}
	/* Name the year by its middle day, so that a year starting on Monday
	 * 28 July 2025 is still "2025-2026". */
	int y;
	triad_school_year_of(&y, first_day + (last_day - first_day) / 2);
	cal->start_year = y;
	return 0;
}

triad_date triad_calendar_first_day(const triad_calendar *cal)
{
	return cal ? cal->first : 0;
}

triad_date triad_calendar_last_day(const triad_calendar *cal)
{
	return cal ? cal->last : 0;
}

int triad_calendar_start_year(const triad_calendar *cal)
{
	return cal ? cal->start_year : 0;
}

triad_region triad_calendar_region(const triad_calendar *cal)
{
	return cal ? cal->region : TRIAD_REGION_NONE;
}

/* ---- holidays, days off, report periods ---------------------------------- */

int triad_calendar_add_holiday(triad_calendar *cal, const char *name, triad_date first,
                               triad_date last, int compulsory)
{
	char a[TRIAD_DATE_BUFSIZE], b[TRIAD_DATE_BUFSIZE];
	if (!cal)
		return triad__err(TRIAD_EINVAL, "the calendar is NULL");
	int rc = triad__check_text(name, "the holiday's name", true);
	if (rc)
		return rc;
	if (!triad__date_in_range(first) || !triad__date_in_range(last))
		return triad__err(TRIAD_EINVAL, "the holiday \"%s\" has a date outside years 1..9999",
		                  name);
	fmt_date(a, first);
	fmt_date(b, last);
	if (last < first)
		return triad__err(TRIAD_EINVAL, "the holiday \"%s\" ends (%s) before it starts (%s)",
		                  name, b, a);
	if (last < cal->first || first > cal->last) {
		char f[TRIAD_DATE_BUFSIZE], l[TRIAD_DATE_BUFSIZE];
		fmt_date(f, cal->first);
		fmt_date(l, cal->last);
		return triad__err(TRIAD_EINVAL,
		                  "the holiday \"%s\" (%s to %s) lies outside the school year "
		                  "%s to %s", name, a, b, f, l);
	}
	if (TRIAD_GROW(cal->holidays, cal->holidays_cap, cal->nholidays + 1))
		return TRIAD_ENOMEM;
	char *copy = triad__strdup(name);
	if (!copy)
		return TRIAD_ENOMEM;
	cal->holidays[cal->nholidays++] = (cal_holiday){ copy, first, last, compulsory != 0 };
	if (tables_refresh(cal)) {
		cal->nholidays--;
		triad__free(copy);
		return TRIAD_ENOMEM;
	}
	return 0;
}

size_t triad_calendar_holiday_count(const triad_calendar *cal)
{
	return cal ? cal->nholidays : 0;
}

int triad_calendar_holiday_at(const triad_calendar *cal, size_t index, const char **name,
                              triad_date *first, triad_date *last, int *compulsory)
{
	if (!cal || index >= cal->nholidays)
		return triad__err(TRIAD_EINVAL, "holiday index %zu is out of range (%zu holidays)",
		                  index, cal ? cal->nholidays : 0);
	const cal_holiday *h = &cal->holidays[index];
	if (name)
		*name = h->name;
	if (first)
		*first = h->first;
	if (last)
		*last = h->last;
	if (compulsory)
		*compulsory = h->compulsory ? 1 : 0;
	return 0;
}

static int outside_year(const triad_calendar *cal, const char *what, triad_date d)
{
	char a[TRIAD_DATE_BUFSIZE], f[TRIAD_DATE_BUFSIZE], l[TRIAD_DATE_BUFSIZE];
	fmt_date(a, d);
	fmt_date(f, cal->first);
	fmt_date(l, cal->last);
	return triad__err(TRIAD_EINVAL, "%s %s lies outside the school year %s to %s", what, a,
	                  f, l);
}

int triad_calendar_add_day_off(triad_calendar *cal, triad_date day, const char *reason)
{
	if (!cal)
		return triad__err(TRIAD_EINVAL, "the calendar is NULL");
	int rc = triad__check_text(reason, "the reason for the day off", true);
	if (rc)
		return rc;
	if (day < cal->first || day > cal->last)
		return outside_year(cal, "the day off", day);
	size_t pos = 0;
	while (pos < cal->ndays_off && cal->days_off[pos].day < day)
		pos++;
	if (pos < cal->ndays_off && cal->days_off[pos].day == day) {
		char a[TRIAD_DATE_BUFSIZE];
		fmt_date(a, day);
		return triad__err(TRIAD_EEXISTS, "%s is already a day off (%s)", a,
		                  cal->days_off[pos].reason);
	}
	if (TRIAD_GROW(cal->days_off, cal->days_off_cap, cal->ndays_off + 1))
		return TRIAD_ENOMEM;
	char *copy = triad__strdup(reason);
	if (!copy)
		return TRIAD_ENOMEM;
	memmove(cal->days_off + pos + 1, cal->days_off + pos,
	        (cal->ndays_off - pos) * sizeof *cal->days_off);
	cal->days_off[pos] = (cal_day_off){ day, copy };
	cal->ndays_off++;
	if (tables_refresh(cal)) {
		cal->ndays_off--;
		memmove(cal->days_off + pos, cal->days_off + pos + 1,
		        (cal->ndays_off - pos) * sizeof *cal->days_off);
		triad__free(copy);
		return TRIAD_ENOMEM;
	}
	return 0;
}

size_t triad_calendar_day_off_count(const triad_calendar *cal)
{
	return cal ? cal->ndays_off : 0;
}

int triad_calendar_day_off_at(const triad_calendar *cal, size_t index, triad_date *day,
                              const char **reason)
{
	if (!cal || index >= cal->ndays_off)
		return triad__err(TRIAD_EINVAL, "day-off index %zu is out of range (%zu days off)",
		                  index, cal ? cal->ndays_off : 0);
	if (day)
		*day = cal->days_off[index].day;
	if (reason)
		*reason = cal->days_off[index].reason;
	return 0;
}

int triad_calendar_add_report_period(triad_calendar *cal, const char *id, const char *name,
                                     triad_date first, triad_date last)
{
	if (!cal)
		return triad__err(TRIAD_EINVAL, "the calendar is NULL");
	if (!triad__cal_id_valid(id))
		return triad__err(TRIAD_EINVAL,
		                  "the report period id \"%.40s\" is not 1..32 ASCII letters, "
		                  "digits, '-', '_' or '.'", id ? id : "(NULL)");
	int rc = triad__check_text(name, "the report period's name", true);
	if (rc)
		return rc;
	if (first < cal->first || first > cal->last)
		return outside_year(cal, "the report period's first day", first);
	if (last < cal->first || last > cal->last)
		return outside_year(cal, "the report period's last day", last);
	if (last < first) {
		char a[TRIAD_DATE_BUFSIZE], b[TRIAD_DATE_BUFSIZE];
		fmt_date(a, first);
		fmt_date(b, last);
		return triad__err(TRIAD_EINVAL,
		                  "the report period \"%s\" ends (%s) before it starts (%s)", id, b,
		                  a);
	}
	size_t pos = 0;
	for (size_t i = 0; i < cal->nperiods; i++)
		if (strcmp(cal->periods[i].id, id) == 0)
			return triad__err(TRIAD_EEXISTS, "the report period id \"%s\" is already in use",
			                  id);
	while (pos < cal->nperiods &&
	       (cal->periods[pos].last < last ||
	        (cal->periods[pos].last == last && strcmp(cal->periods[pos].id, id) < 0)))
		pos++;
	if (TRIAD_GROW(cal->periods, cal->periods_cap, cal->nperiods + 1))
		return TRIAD_ENOMEM;
	char *cid = triad__strdup(id);
	char *cname = cid ? triad__strdup(name) : NULL;
	if (!cname) {
		triad__free(cid);
		return TRIAD_ENOMEM;
	}
	memmove(cal->periods + pos + 1, cal->periods + pos,
	        (cal->nperiods - pos) * sizeof *cal->periods);
	cal->periods[pos] = (cal_period){ cid, cname, first, last };
	cal->nperiods++;
	return 0;
}

size_t triad_calendar_report_period_count(const triad_calendar *cal)
{
	return cal ? cal->nperiods : 0;
}

int triad_calendar_report_period_at(const triad_calendar *cal, size_t index,
                                    const char **id, const char **name, triad_date *first,
                                    triad_date *last)
{
	if (!cal || index >= cal->nperiods)
		return triad__err(TRIAD_EINVAL,
		                  "report period index %zu is out of range (%zu report periods)",
		                  index, cal ? cal->nperiods : 0);
	const cal_period *p = &cal->periods[index];
	if (id)
		*id = p->id;
	if (name)
		*name = p->name;
	if (first)
		*first = p->first;
	if (last)
		*last = p->last;
	return 0;
}

int triad_calendar_report_period_find(size_t *out, const triad_calendar *cal, const char *id)
{
	if (!out || !cal || !id)
		return triad__err(TRIAD_EINVAL, "the output, calendar or id is NULL");
	for (size_t i = 0; i < cal->nperiods; i++)
		if (strcmp(cal->periods[i].id, id) == 0) {
			*out = i;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND, "the calendar has no report period \"%.40s\"", id);
}

/* ---- arithmetic ---------------------------------------------------------- */

/* Check that `d` lies in the school year; TRIAD_ERANGE naming it otherwise. */
static int in_year(const triad_calendar *cal, triad_date d)
{
	if (d >= cal->first && d <= cal->last)
		return 0;
	char a[TRIAD_DATE_BUFSIZE], f[TRIAD_DATE_BUFSIZE], l[TRIAD_DATE_BUFSIZE];
	fmt_date(a, d);
	fmt_date(f, cal->first);
	fmt_date(l, cal->last);
	return triad__err(TRIAD_ERANGE,
	                  "%s lies outside the school year %s to %s, whose holidays this "
	                  "calendar knows", a, f, l);
}

int triad_calendar_is_school_day(int *out, const triad_calendar *cal, triad_date date)
{
	if (!out || !cal)
		return triad__err(TRIAD_EINVAL, "the output or calendar is NULL");
	int rc = in_year(cal, date);
	if (rc)
		return rc;
	int32_t i = date - cal->first;
	*out = cal->t.prefix[i + 1] - cal->t.prefix[i];
	return 0;
}

int32_t triad_calendar_school_day_count(const triad_calendar *cal)
{
	return cal ? cal->t.nschool : 0;
}

int triad_calendar_school_days_after(triad_date *out, const triad_calendar *cal,
                                     triad_date date, int32_t n)
{
	if (!out || !cal)
		return triad__err(TRIAD_EINVAL, "the output or calendar is NULL");
	if (n < 0)
		return triad__err(TRIAD_EINVAL, "the number of school days must be 0 or more, not %d",
		                  (int)n);
	int rc = in_year(cal, date);
	if (rc)
		return rc;
	if (n == 0) {
		*out = date;
		return 0;
	}
	int32_t upto = cal->t.prefix[date - cal->first + 1]; /* school days <= date */
	int32_t left = cal->t.nschool - upto;
	if (n > left) {
		char a[TRIAD_DATE_BUFSIZE];
		fmt_date(a, date);
		return triad__err(TRIAD_ERANGE,
		                  "only %d school days follow %s in the school year %d-%d; %d "
		                  "were asked for", (int)left, a, cal->start_year,
		                  cal->start_year + 1, (int)n);
	}
	*out = cal->t.school[upto + n - 1];
	return 0;
}

int triad_calendar_school_days_between(int32_t *out, const triad_calendar *cal,
                                       triad_date from, triad_date to)
{
	if (!out || !cal)
		return triad__err(TRIAD_EINVAL, "the output or calendar is NULL");
	int rc = in_year(cal, from);
	if (!rc)
		rc = in_year(cal, to);
	if (rc)
		return rc;
	*out = cal->t.prefix[to - cal->first + 1] - cal->t.prefix[from - cal->first + 1];
	return 0;
}

int32_t triad_calendar_school_week_count(const triad_calendar *cal)
{
	return cal ? cal->t.nweeks : 0;
}

int triad_calendar_school_week(int32_t *out, int *in_school_week, const triad_calendar *cal,
                               triad_date date)
{
	if (!out || !cal)
		return triad__err(TRIAD_EINVAL, "the output or calendar is NULL");
	int rc = in_year(cal, date);
	if (rc)
		return rc;
	int32_t w = cal->t.week_index[date - cal->first];
	if (in_school_week)
		*in_school_week = w > 0 && cal->t.mondays[w - 1] == monday_of(date);
	*out = w;
	return 0;
}

int triad_calendar_school_week_at(const triad_calendar *cal, int32_t index,
                                  triad_date *monday, triad_date *first_school_day,
                                  triad_date *last_school_day)
{
	if (!cal)
		return triad__err(TRIAD_EINVAL, "the calendar is NULL");
	if (index < 1 || index > cal->t.nweeks)
		return triad__err(TRIAD_ERANGE,
		                  "school week %d does not exist; the school year %d-%d has %d",
		                  (int)index, cal->start_year, cal->start_year + 1,
		                  (int)cal->t.nweeks);
	triad_date mon = cal->t.mondays[index - 1];
	triad_date a = mon < cal->first ? cal->first : mon;
	triad_date b = mon + 6 > cal->last ? cal->last : mon + 6;
	/* The week holds at least one school day, so both lookups are in range. */
	int32_t before = cal->t.prefix[a - cal->first];
	int32_t through = cal->t.prefix[b - cal->first + 1];
	if (monday)
		*monday = mon;
	if (first_school_day)
		*first_school_day = cal->t.school[before];
	if (last_school_day)
		*last_school_day = cal->t.school[through - 1];
	return 0;
}

int triad_calendar_school_weeks_between(int32_t *out, const triad_calendar *cal,
                                        triad_date from, triad_date to)
{
	if (!out || !cal)
		return triad__err(TRIAD_EINVAL, "the output or calendar is NULL");
	int rc = in_year(cal, from);
	if (!rc)
		rc = in_year(cal, to);
	if (rc)
		return rc;
	*out = cal->t.week_index[to - cal->first] - cal->t.week_index[from - cal->first];
	return 0;
}
