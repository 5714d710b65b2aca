/*
 * The school calendar. Every expected date and count below was worked out by
 * hand from a wall calendar (and cross-checked with Python's datetime):
 *
 * 2025-08-01 is a Friday; 2025-08-25, 2025-10-27, 2026-01-05 are Mondays.
 * The test holidays (tests/data/calendar/opendata.json) for region midden:
 *   summer 2025   2025-07-12 .. 2025-08-24  -> first school day Mon 2025-08-25
 *   autumn        2025-10-18 .. 2025-10-26  (Sat .. Sun: one whole week)
 *   Christmas     2025-12-20 .. 2026-01-04  (heel Nederland: two whole weeks)
 *   spring        2026-02-14 .. 2026-02-22  (one whole week)
 *   May           2026-04-25 .. 2026-05-03  (heel Nederland: one whole week)
 *   summer 2026   2026-07-18 .. 2026-08-30  -> last school day Fri 2026-07-17
 * Mondays from 2025-08-25 to 2026-07-13: 322 days / 7 + 1 = 47; minus the 5
 * holiday weeks = 42 school weeks; all holidays run Saturday to Sunday, so
 * 42 * 5 = 210 school days.
 * Noord: 2025-08-18 .. 2026-07-03, 46 Mondays - 5 = 41 weeks, 205 days.
 * Zuid:  2025-09-01 .. 2026-07-10, 45 Mondays - 5 = 40 weeks, 200 days.
 */
#include <unistd.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

static triad_calendar *opendata(triad_region region)
{
	triad_calendar *cal = NULL;
	ck_assert_ok(triad_calendar_load_opendata_file(&cal, test_data_path("calendar/opendata.json"),
	                                              "2025-2026", region));
	return cal;
}

static int school_day(const triad_calendar *cal, triad_date d)
{
	int v = -1;
	ck_assert_ok(triad_calendar_is_school_day(&v, cal, d));
	return v;
}

static triad_date after(const triad_calendar *cal, triad_date d, int n)
{
	triad_date out = 0;
	ck_assert_ok(triad_calendar_school_days_after(&out, cal, d, n));
	return out;
}

static int32_t between(const triad_calendar *cal, triad_date a, triad_date b)
{
	int32_t out = -999;
	ck_assert_ok(triad_calendar_school_days_between(&out, cal, a, b));
	return out;
}

static int32_t week(const triad_calendar *cal, triad_date d, int *in_week)
{
	int32_t out = -1;
	ck_assert_ok(triad_calendar_school_week(&out, in_week, cal, d));
	return out;
}

START_TEST(regions_and_school_years)
{
	ck_assert_str_eq(triad_region_id(TRIAD_REGION_NOORD), "noord");
	ck_assert_str_eq(triad_region_id(TRIAD_REGION_MIDDEN), "midden");
	ck_assert_str_eq(triad_region_id(TRIAD_REGION_ZUID), "zuid");
	ck_assert_ptr_null(triad_region_id(TRIAD_REGION_NONE));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	triad_region r = TRIAD_REGION_NONE;
	ck_assert_ok(triad_region_from_id(&r, "zuid"));
	ck_assert_int_eq(r, TRIAD_REGION_ZUID);
	ck_assert_fails(triad_region_from_id(&r, "oost"), TRIAD_ENOTFOUND, "\"oost\"");
	ck_assert_fails(triad_region_from_id(NULL, "zuid"), TRIAD_EINVAL, NULL);

	int y = 0;
	ck_assert_ok(triad_school_year_of(&y, D(2025, 8, 1)));
	ck_assert_int_eq(y, 2025);
	ck_assert_ok(triad_school_year_of(&y, D(2025, 7, 31)));
	ck_assert_int_eq(y, 2024);
	ck_assert_ok(triad_school_year_of(&y, D(2026, 1, 1)));
	ck_assert_int_eq(y, 2025);
	ck_assert_fails(triad_school_year_of(NULL, 0), TRIAD_EINVAL, NULL);
}
END_TEST

START_TEST(empty_year_starts_on_a_friday)
{
	/* No holidays: 2025-08-01 (Fri) .. 2026-07-31 (Fri). Its first ISO week
	 * starts on Monday 2025-07-28, before the year; 261 weekdays in 53 weeks. */
	triad_calendar *cal;
	ck_assert_ok(triad_calendar_new(&cal, 2025, TRIAD_REGION_NONE));
	ck_assert_int_eq(triad_calendar_first_day(cal), D(2025, 8, 1));
	ck_assert_int_eq(triad_calendar_last_day(cal), D(2026, 7, 31));
	ck_assert_int_eq(triad_calendar_start_year(cal), 2025);
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 261);
	ck_assert_int_eq(triad_calendar_school_week_count(cal), 53);
	triad_date mon, first, last;
	ck_assert_ok(triad_calendar_school_week_at(cal, 1, &mon, &first, &last));
	ck_assert_int_eq(mon, D(2025, 7, 28));
	ck_assert_int_eq(first, D(2025, 8, 1));
	ck_assert_int_eq(last, D(2025, 8, 1));
	ck_assert_ok(triad_calendar_school_week_at(cal, 53, &mon, &first, &last));
	ck_assert_int_eq(mon, D(2026, 7, 27));
	ck_assert_int_eq(last, D(2026, 7, 31));
	ck_assert_fails(triad_calendar_school_week_at(cal, 54, &mon, NULL, NULL), TRIAD_ERANGE,
	                "has 53");
	ck_assert_fails(triad_calendar_school_week_at(cal, 0, NULL, NULL, NULL), TRIAD_ERANGE,
	                "school week 0");
	/* Saturday 2025-08-02 is no school day; Monday 2025-08-04 starts week 2. */
	ck_assert_int_eq(school_day(cal, D(2025, 8, 2)), 0);
	int in = -1;
	ck_assert_int_eq(week(cal, D(2025, 8, 3), &in), 1);
	ck_assert_int_eq(in, 1);
	ck_assert_int_eq(week(cal, D(2025, 8, 4), &in), 2);
	ck_assert_fails(triad_calendar_new(&cal, 0, TRIAD_REGION_NONE), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_calendar_new(NULL, 2025, TRIAD_REGION_NONE), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_calendar_new(&cal, 2025, (triad_region)4), TRIAD_EINVAL, "region");
	triad_calendar_free(cal);
	triad_calendar_free(NULL);
}
END_TEST

START_TEST(opendata_regions_including_heel_nederland)
{
	static const struct {
		triad_region region;
		int32_t days, weeks;
		int first[3], last[3];
	} want[] = {
		{ TRIAD_REGION_MIDDEN, 210, 42, { 2025, 8, 25 }, { 2026, 7, 17 } },
		{ TRIAD_REGION_NOORD, 205, 41, { 2025, 8, 18 }, { 2026, 7, 3 } },
		{ TRIAD_REGION_ZUID, 200, 40, { 2025, 9, 1 }, { 2026, 7, 10 } },
	};
	for (size_t i = 0; i < 3; i++) {
		triad_calendar *cal = opendata(want[i].region);
		ck_assert_int_eq(triad_calendar_region(cal), want[i].region);
		ck_assert_int_eq(triad_calendar_school_day_count(cal), want[i].days);
		ck_assert_int_eq(triad_calendar_school_week_count(cal), want[i].weeks);
		triad_date first, last;
		ck_assert_ok(triad_calendar_school_week_at(cal, 1, NULL, &first, NULL));
		ck_assert_ok(triad_calendar_school_week_at(cal, want[i].weeks, NULL, NULL, &last));
		ck_assert_int_eq(first, D(want[i].first[0], want[i].first[1], want[i].first[2]));
		ck_assert_int_eq(last, D(want[i].last[0], want[i].last[1], want[i].last[2]));
		/* Six holidays: the end of summer 2025 from the 2024-2025 entry (its
		 * autumn holiday of 2024 misses the year), then five of 2025-2026,
		 * two of which are "heel Nederland". */
		ck_assert_uint_eq(triad_calendar_holiday_count(cal), 6);
		triad_calendar_free(cal);
	}
	triad_calendar *cal = opendata(TRIAD_REGION_MIDDEN);
	const char *name;
	triad_date a, b;
	int compulsory;
	ck_assert_ok(triad_calendar_holiday_at(cal, 0, &name, &a, &b, &compulsory));
	ck_assert_str_eq(name, "Zomervakantie"); /* "Zomervakantie " trimmed */
	ck_assert_int_eq(a, D(2025, 7, 12));
	ck_assert_int_eq(b, D(2025, 8, 24));
	ck_assert_int_eq(compulsory, 1);
	ck_assert_ok(triad_calendar_holiday_at(cal, 1, &name, &a, &b, &compulsory));
	ck_assert_str_eq(name, "Herfstvakantie"); /* " Herfstvakantie " trimmed */
	ck_assert_int_eq(a, D(2025, 10, 18));
	ck_assert_int_eq(compulsory, 0);
	ck_assert_ok(triad_calendar_holiday_at(cal, 2, &name, &a, &b, NULL));
	ck_assert_str_eq(name, "Kerstvakantie");
	ck_assert_int_eq(b, D(2026, 1, 4));
	ck_assert_ok(triad_calendar_holiday_at(cal, 4, &name, &a, NULL, NULL));
	ck_assert_str_eq(name, "Meivakantie"); /* plain dates are accepted too */
	ck_assert_int_eq(a, D(2026, 4, 25));
	ck_assert_fails(triad_calendar_holiday_at(cal, 6, &name, NULL, NULL, NULL), TRIAD_EINVAL,
	                "out of range");
	triad_calendar_free(cal);
}
END_TEST

START_TEST(arithmetic_across_holidays)
{
	triad_calendar *cal = opendata(TRIAD_REGION_MIDDEN);
	/* Autumn: Friday 2025-10-17 is school week 8 (weeks start 08-25, 09-01,
	 * 09-08, 09-15, 09-22, 09-29, 10-06, 10-13); the week of 10-20 is a
	 * holiday week; Monday 10-27 starts week 9. */
	int in = -1;
	ck_assert_int_eq(week(cal, D(2025, 10, 17), &in), 8);
	ck_assert_int_eq(in, 1);
	ck_assert_int_eq(week(cal, D(2025, 10, 22), &in), 8);
	ck_assert_int_eq(in, 0);
	ck_assert_int_eq(week(cal, D(2025, 10, 27), &in), 9);
	ck_assert_int_eq(in, 1);
	ck_assert_int_eq(school_day(cal, D(2025, 10, 17)), 1);
	ck_assert_int_eq(school_day(cal, D(2025, 10, 20)), 0);
	ck_assert_int_eq(after(cal, D(2025, 10, 17), 1), D(2025, 10, 27));
	ck_assert_int_eq(after(cal, D(2025, 10, 17), 6), D(2025, 11, 3));
	ck_assert_int_eq(after(cal, D(2025, 10, 22), 1), D(2025, 10, 27)); /* from a holiday */
	ck_assert_int_eq(after(cal, D(2025, 10, 22), 0), D(2025, 10, 22));
	ck_assert_int_eq(between(cal, D(2025, 10, 17), D(2025, 10, 27)), 1);
	ck_assert_int_eq(between(cal, D(2025, 10, 27), D(2025, 10, 17)), -1);
	ck_assert_int_eq(between(cal, D(2025, 10, 13), D(2025, 10, 13)), 0);
	/* Before the first school day: week 0, and the days in between count. */
	ck_assert_int_eq(week(cal, D(2025, 8, 20), &in), 0);
	ck_assert_int_eq(in, 0);
	ck_assert_int_eq(after(cal, D(2025, 8, 1), 1), D(2025, 8, 25));
	ck_assert_int_eq(between(cal, D(2025, 8, 1), D(2025, 8, 29)), 5);
	/* The whole year: 210 school days after 2025-08-01. */
	ck_assert_int_eq(between(cal, D(2025, 8, 1), D(2026, 7, 31)), 210);
	ck_assert_int_eq(after(cal, D(2025, 8, 1), 210), D(2026, 7, 17));
	int32_t wk = 0;
	ck_assert_ok(triad_calendar_school_weeks_between(&wk, cal, D(2025, 10, 17),
	                                                 D(2025, 10, 27)));
	ck_assert_int_eq(wk, 1);
	ck_assert_ok(triad_calendar_school_weeks_between(&wk, cal, D(2025, 8, 1),
	                                                 D(2026, 7, 31)));
	ck_assert_int_eq(wk, 42);
	ck_assert_ok(triad_calendar_school_weeks_between(&wk, cal, D(2026, 1, 5),
	                                                 D(2025, 12, 15)));
	ck_assert_int_eq(wk, -1); /* week 17 back to week 16 */
	triad_calendar_free(cal);
}
END_TEST

START_TEST(arithmetic_across_the_turn_of_the_year)
{
	triad_calendar *cal = opendata(TRIAD_REGION_MIDDEN);
	/* Christmas 2025-12-20 .. 2026-01-04: Friday 12-19 is the last school
	 * day of 2025 (school week 16, ISO 2025-W51); Monday 2026-01-05 is the
	 * next (school week 17, ISO 2026-W02, since 2026-W01 starts on Monday
	 * 2025-12-29). */
	ck_assert_int_eq(after(cal, D(2025, 12, 19), 1), D(2026, 1, 5));
	ck_assert_int_eq(between(cal, D(2025, 12, 19), D(2026, 1, 5)), 1);
	int in;
	ck_assert_int_eq(week(cal, D(2025, 12, 31), &in), 16);
	ck_assert_int_eq(in, 0);
	ck_assert_int_eq(week(cal, D(2026, 1, 5), &in), 17);
	triad_date mon;
	int iy, iw;
	ck_assert_ok(triad_calendar_school_week_at(cal, 16, &mon, NULL, NULL));
	ck_assert_int_eq(mon, D(2025, 12, 15));
	ck_assert_ok(triad_date_iso_week(mon, &iy, &iw));
	ck_assert_int_eq(iw, 51);
	ck_assert_ok(triad_calendar_school_week_at(cal, 17, &mon, NULL, NULL));
	ck_assert_ok(triad_date_iso_week(mon, &iy, &iw));
	ck_assert_int_eq(iy, 2026);
	ck_assert_int_eq(iw, 2);
	/* The end of the school year: only one school day follows 07-16. */
	ck_assert_int_eq(after(cal, D(2026, 7, 16), 1), D(2026, 7, 17));
	triad_date d = 0;
	ck_assert_fails(triad_calendar_school_days_after(&d, cal, D(2026, 7, 16), 2),
	                TRIAD_ERANGE, "only 1 school days follow 2026-07-16");
	ck_assert_int_eq(d, 0);
	ck_assert_fails(triad_calendar_school_days_after(&d, cal, D(2026, 8, 1), 1), TRIAD_ERANGE,
	                "2026-08-01 lies outside the school year 2025-08-01 to 2026-07-31");
	ck_assert_fails(triad_calendar_school_days_after(&d, cal, D(2025, 9, 1), -1),
	                TRIAD_EINVAL, "0 or more");
	int v;
	ck_assert_fails(triad_calendar_is_school_day(&v, cal, D(2025, 7, 31)), TRIAD_ERANGE,
	                "2025-07-31");
	int32_t n;
	ck_assert_fails(triad_calendar_school_days_between(&n, cal, D(2025, 9, 1), D(2026, 8, 3)),
	                TRIAD_ERANGE, "2026-08-03");
	ck_assert_fails(triad_calendar_school_week(&n, NULL, cal, D(2024, 1, 1)), TRIAD_ERANGE,
	                NULL);
	ck_assert_fails(triad_calendar_school_weeks_between(&n, cal, D(2024, 1, 1), D(2025, 9, 1)),
	                TRIAD_ERANGE, NULL);
	ck_assert_fails(triad_calendar_is_school_day(NULL, cal, D(2025, 9, 1)), TRIAD_EINVAL,
	                NULL);
	triad_calendar_free(cal);
}
END_TEST

START_TEST(iso_weeks_52_and_53)
{
	/* School year 2026-2027 without holidays: Saturday 2026-08-01, so week 1
	 * starts on Monday 2026-08-03. 2026 has 53 ISO weeks (1 January 2026 is a
	 * Thursday): 2026-W52 starts 12-21, 2026-W53 on 12-28 (school week 22:
	 * 147 days after 08-03), 2027-W01 on 2027-01-04 (1 January 2027 is a
	 * Friday). 2025-12-22 starts 2025-W52, the last week of 2025. */
	triad_calendar *cal;
	ck_assert_ok(triad_calendar_new(&cal, 2026, TRIAD_REGION_NOORD));
	ck_assert_int_eq(triad_calendar_school_week_count(cal), 52);
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 260);
	triad_date mon, first, last;
	int iy, iw, in;
	ck_assert_ok(triad_calendar_school_week_at(cal, 21, &mon, NULL, NULL));
	ck_assert_int_eq(mon, D(2026, 12, 21));
	ck_assert_ok(triad_date_iso_week(mon, &iy, &iw));
	ck_assert_int_eq(iw, 52);
	ck_assert_ok(triad_calendar_school_week_at(cal, 22, &mon, &first, &last));
	ck_assert_int_eq(mon, D(2026, 12, 28));
	ck_assert_int_eq(last, D(2027, 1, 1));
	ck_assert_ok(triad_date_iso_week(mon, &iy, &iw));
	ck_assert_int_eq(iy, 2026);
	ck_assert_int_eq(iw, 53);
	ck_assert_int_eq(week(cal, D(2027, 1, 1), &in), 22);
	ck_assert_int_eq(week(cal, D(2027, 1, 3), &in), 22);
	ck_assert_int_eq(week(cal, D(2027, 1, 4), &in), 23);
	ck_assert_ok(triad_date_iso_week(D(2027, 1, 4), &iy, &iw));
	ck_assert_int_eq(iy, 2027);
	ck_assert_int_eq(iw, 1);
	/* Thursday 12-31 -> Friday 01-01 and Monday 01-04: 2 school days. */
	ck_assert_int_eq(between(cal, D(2026, 12, 31), D(2027, 1, 4)), 2);
	ck_assert_int_eq(after(cal, D(2026, 12, 31), 2), D(2027, 1, 4));
	int32_t wk;
	ck_assert_ok(triad_calendar_school_weeks_between(&wk, cal, D(2026, 12, 31), D(2027, 1, 4)));
	ck_assert_int_eq(wk, 1);
	triad_calendar_free(cal);

	ck_assert_ok(triad_calendar_new(&cal, 2025, TRIAD_REGION_NOORD));
	ck_assert_ok(triad_date_iso_week(D(2025, 12, 22), &iy, &iw));
	ck_assert_int_eq(iw, 52);
	/* 2025-12-22 is 147 days after Monday 2025-07-28 (week 1): week 22. */
	ck_assert_int_eq(week(cal, D(2025, 12, 22), &in), 22);
	ck_assert_int_eq(week(cal, D(2025, 12, 29), &in), 23);
	triad_calendar_free(cal);
}
END_TEST

START_TEST(days_off_and_report_periods)
{
	triad_calendar *cal = opendata(TRIAD_REGION_MIDDEN);
	/* A study day on Wednesday 2025-11-12 takes one school day away. */
	ck_assert_ok(triad_calendar_add_day_off(cal, D(2025, 11, 12), "studiedag"));
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 209);
	ck_assert_int_eq(school_day(cal, D(2025, 11, 12)), 0);
	ck_assert_int_eq(after(cal, D(2025, 11, 11), 1), D(2025, 11, 13));
	/* A Saturday day off changes nothing. */
	ck_assert_ok(triad_calendar_add_day_off(cal, D(2025, 11, 8), "open dag"));
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 209);
	ck_assert_fails(triad_calendar_add_day_off(cal, D(2025, 11, 12), "again"), TRIAD_EEXISTS,
	                "2025-11-12 is already a day off (studiedag)");
	ck_assert_fails(triad_calendar_add_day_off(cal, D(2026, 8, 3), "x"), TRIAD_EINVAL,
	                "the day off 2026-08-03 lies outside the school year");
	ck_assert_fails(triad_calendar_add_day_off(cal, D(2025, 9, 3), ""), TRIAD_EINVAL,
	                "reason");
	ck_assert_uint_eq(triad_calendar_day_off_count(cal), 2);
	triad_date d;
	const char *reason;
	ck_assert_ok(triad_calendar_day_off_at(cal, 0, &d, &reason)); /* date order */
	ck_assert_int_eq(d, D(2025, 11, 8));
	ck_assert_str_eq(reason, "open dag");
	ck_assert_fails(triad_calendar_day_off_at(cal, 2, &d, NULL), TRIAD_EINVAL, NULL);

	ck_assert_ok(triad_calendar_add_report_period(cal, "p2", "Periode 2", D(2025, 11, 24),
	                                              D(2026, 2, 27)));
	ck_assert_ok(triad_calendar_add_report_period(cal, "p1", "Periode 1", D(2025, 8, 25),
	                                              D(2025, 11, 21)));
	ck_assert_fails(triad_calendar_add_report_period(cal, "p1", "x", D(2025, 8, 25),
	                                                 D(2025, 9, 1)),
	                TRIAD_EEXISTS, "\"p1\"");
	ck_assert_fails(triad_calendar_add_report_period(cal, "p 3", "x", D(2025, 8, 25),
	                                                 D(2025, 9, 1)),
	                TRIAD_EINVAL, "\"p 3\"");
	ck_assert_fails(triad_calendar_add_report_period(cal, "p3", "x", D(2025, 9, 2),
	                                                 D(2025, 9, 1)),
	                TRIAD_EINVAL, "ends (2025-09-01) before it starts (2025-09-02)");
	ck_assert_fails(triad_calendar_add_report_period(cal, "p3", "x", D(2026, 3, 1),
	                                                 D(2026, 8, 1)),
	                TRIAD_EINVAL, "last day 2026-08-01 lies outside");
	ck_assert_uint_eq(triad_calendar_report_period_count(cal), 2);
	const char *id, *name;
	triad_date first, last;
	ck_assert_ok(triad_calendar_report_period_at(cal, 0, &id, &name, &first, &last));
	ck_assert_str_eq(id, "p1"); /* ordered by last day */
	ck_assert_str_eq(name, "Periode 1");
	ck_assert_int_eq(last, D(2025, 11, 21));
	size_t at = 9;
	ck_assert_ok(triad_calendar_report_period_find(&at, cal, "p2"));
	ck_assert_uint_eq(at, 1);
	ck_assert_fails(triad_calendar_report_period_find(&at, cal, "p9"), TRIAD_ENOTFOUND,
	                "\"p9\"");
	ck_assert_fails(triad_calendar_report_period_at(cal, 2, &id, NULL, NULL, NULL),
	                TRIAD_EINVAL, NULL);

	ck_assert_fails(triad_calendar_add_holiday(cal, "x", D(2026, 1, 2), D(2026, 1, 1), 0),
	                TRIAD_EINVAL, "ends (2026-01-01) before it starts (2026-01-02)");
	ck_assert_fails(triad_calendar_add_holiday(cal, "x", D(2026, 8, 2), D(2026, 8, 9), 0),
	                TRIAD_EINVAL, "lies outside the school year");
	ck_assert_fails(triad_calendar_add_holiday(cal, "\xc3", D(2026, 1, 2), D(2026, 1, 9), 0),
	                TRIAD_EINVAL, "UTF-8");
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 209);
	triad_calendar_free(cal);
}
END_TEST

START_TEST(changing_the_period)
{
	triad_calendar *cal;
	ck_assert_ok(triad_calendar_new(&cal, 2025, TRIAD_REGION_ZUID));
	ck_assert_ok(triad_calendar_add_day_off(cal, D(2025, 9, 10), "studiedag"));
	/* 2025-09-01 (Mon) .. 2026-06-30 (Tue): 43 whole weeks from 09-01 to
	 * 06-28 (301 days) plus Mon and Tue = 217 weekdays, less the study day. */
	ck_assert_ok(triad_calendar_set_period(cal, D(2025, 9, 1), D(2026, 6, 30)));
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 216);
	ck_assert_int_eq(triad_calendar_school_week_count(cal), 44);
	ck_assert_fails(triad_calendar_set_period(cal, D(2025, 9, 15), D(2026, 6, 30)),
	                TRIAD_EINVAL, "the day off 2025-09-10 (studiedag) would fall outside");
	ck_assert_fails(triad_calendar_set_period(cal, D(2025, 9, 1), D(2025, 8, 1)),
	                TRIAD_EINVAL, "before its first day");
	ck_assert_fails(triad_calendar_set_period(cal, D(2025, 9, 1), D(2026, 12, 1)),
	                TRIAD_EINVAL, "at most 400");
	ck_assert_int_eq(triad_calendar_first_day(cal), D(2025, 9, 1));
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 216);
	/* A year from Monday 2025-07-28 to Friday 2026-07-24 (middle day
	 * 2026-01-25) is still 2025-2026: 52 whole weeks, 260 weekdays, less
	 * the study day. */
	ck_assert_ok(triad_calendar_set_period(cal, D(2025, 7, 28), D(2026, 7, 24)));
	ck_assert_int_eq(triad_calendar_start_year(cal), 2025);
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 259);
	ck_assert_int_eq(triad_calendar_school_week_count(cal), 52);
	triad_calendar_free(cal);
}
END_TEST

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

START_TEST(own_format_round_trip)
{
	/* school-2025.json: the midden holidays plus five days off on weekdays
	 * (210 - 5 = 205 school days, still 42 weeks) and three report periods. */
	triad_calendar *cal = NULL, *again = NULL;
	ck_assert_ok(triad_calendar_load_file(&cal, test_data_path("calendar/school-2025.json")));
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 205);
	ck_assert_int_eq(triad_calendar_school_week_count(cal), 42);
	ck_assert_int_eq(triad_calendar_region(cal), TRIAD_REGION_MIDDEN);
	ck_assert_uint_eq(triad_calendar_report_period_count(cal), 3);
	/* Save, load, save: the same text; and what was read is what was written. */
	char *text = NULL;
	ck_assert_ok(triad_calendar_save(&text, cal));
	ck_assert_ptr_nonnull(strstr(text, "\"reason\": \"vrijdag na Hemelvaart\""));
	ck_assert_ptr_nonnull(strstr(text, "\"school_year\": \"2025-2026\""));
	ck_assert_ptr_nonnull(strstr(text, "\"compulsory\": false"));
	ck_assert_ok(triad_calendar_load(&again, text, strlen(text), "again"));
	char *text2 = NULL;
	ck_assert_ok(triad_calendar_save(&text2, again));
	ck_assert_str_eq(text, text2);
	triad_free(text2);
	/* Through a file, atomically written. */
	char path[] = "/tmp/triad-cal-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_ok(triad_calendar_save_file(again, path));
	triad_calendar_free(again);
	ck_assert_ok(triad_calendar_load_file(&again, path));
	ck_assert_ok(triad_calendar_save(&text2, again));
	ck_assert_str_eq(text, text2);
	remove(path);
	triad_free(text);
	triad_free(text2);
	triad_calendar_free(again);
	triad_calendar_free(cal);
	ck_assert_fails(triad_calendar_load_file(&cal, "/nonexistent/cal.json"), TRIAD_EIO,
	                "/nonexistent/cal.json");
	ck_assert_fails(triad_calendar_save(NULL, cal), TRIAD_EINVAL, NULL);
}
END_TEST

/* Load `text` as a calendar and expect failure `code` at `path` with a
 * message containing `needle`. */
static void bad_own(const char *text, int code, const char *path, const char *needle)
{
	triad_calendar *cal = NULL;
	ck_assert_fails(triad_calendar_load(&cal, text, strlen(text), "cal.json"), code, needle);
	ck_assert_ptr_null(cal);
	ck_assert_str_eq(triad_error_last()->path, path);
}

#define HEAD "{\"format\": \"triad.calendar/1\", \"school_year\": \"2025-2026\""

START_TEST(own_format_bad_files)
{
	triad_calendar *cal = NULL;
	ck_assert_fails(triad_calendar_load(&cal, "{\n  \"format\": ,\n}", 17, "cal.json"),
	                TRIAD_EPARSE, "cal.json: line 2");
	ck_assert_int_eq(triad_error_last()->line, 2);
	ck_assert_int_gt(triad_error_last()->column, 0);
	bad_own("[]", TRIAD_EFORMAT, "", "the document is an array");
	bad_own("{\"school_year\": \"2025-2026\"}", TRIAD_EFORMAT, "", "\"format\" is missing");
	bad_own("{\"format\": \"triad.calendar/2\", \"school_year\": \"2025-2026\"}",
	        TRIAD_EVERSION, "format", "newer");
	bad_own("{\"format\": \"triad.plan/1\"}", TRIAD_EFORMAT, "format", "expected");
	bad_own(HEAD ", \"holidayz\": []}", TRIAD_EFORMAT, "holidayz",
	        "unknown field \"holidayz\"");
	bad_own("{\"format\": \"triad.calendar/1\", \"school_year\": \"2025-2027\"}",
	        TRIAD_EFORMAT, "school_year", "consecutive");
	bad_own("{\"format\": \"triad.calendar/1\"}", TRIAD_EFORMAT, "",
	        "\"school_year\" is missing");
	bad_own(HEAD ", \"region\": \"oost\"}", TRIAD_EFORMAT, "region", "\"oost\" is not one of");
	bad_own(HEAD ", \"first_day\": \"2025-02-30\"}", TRIAD_EFORMAT, "first_day",
	        "not an existing date");
	bad_own(HEAD ", \"first_day\": \"2026-08-03\", \"last_day\": \"2027-07-31\"}",
	        TRIAD_EFORMAT, "first_day", "lies in school year 2026-2027 (by its middle day)");
	bad_own(HEAD ", \"last_day\": \"2025-07-01\"}", TRIAD_EFORMAT, "last_day",
	        "before its first day");
	bad_own(HEAD ", \"holidays\": {}}", TRIAD_EFORMAT, "holidays", "expected an array");
	bad_own(HEAD ", \"holidays\": [{\"name\": \"x\", \"first\": \"2025-10-18\"}]}",
	        TRIAD_EFORMAT, "holidays[0]", "\"last\" is missing");
	bad_own(HEAD ", \"holidays\": [{\"name\": \"x\", \"first\": \"2025-10-18\", "
	             "\"last\": \"2025-10-17\"}]}",
	        TRIAD_EFORMAT, "holidays[0].last", "ends before it starts");
	bad_own(HEAD ", \"holidays\": [{\"name\": 3, \"first\": \"2025-10-18\", "
	             "\"last\": \"2025-10-19\"}]}",
	        TRIAD_EFORMAT, "holidays[0].name", "expected a string, got an integer");
	bad_own(HEAD ", \"holidays\": [{\"name\": \"x\", \"first\": \"2025-10-18\", "
	             "\"last\": \"2025-10-19\", \"compulsory\": \"yes\"}]}",
	        TRIAD_EFORMAT, "holidays[0].compulsory", "expected true or false");
	bad_own(HEAD ", \"holidays\": [{\"name\": \"\", \"first\": \"2025-10-18\", "
	             "\"last\": \"2025-10-19\"}]}",
	        TRIAD_EFORMAT, "holidays[0]", "name is empty");
	bad_own(HEAD ", \"days_off\": [{\"date\": \"2025-11-12\", \"reason\": \"a\"}, "
	             "{\"date\": \"2025-11-12\", \"reason\": \"b\"}]}",
	        TRIAD_EFORMAT, "days_off[1]", "already a day off");
	bad_own(HEAD ", \"days_off\": [{\"date\": \"2024-11-12\", \"reason\": \"a\"}]}",
	        TRIAD_EFORMAT, "days_off[0]", "outside the school year");
	bad_own(HEAD ", \"days_off\": [{\"date\": \"2025-11-12\", \"why\": \"a\"}]}",
	        TRIAD_EFORMAT, "days_off[0].why", "unknown field");
	bad_own(HEAD ", \"report_periods\": [{\"id\": \"p1\", \"name\": \"P\", "
	             "\"first\": \"2025-09-01\", \"last\": \"2025-11-01\"}, {\"id\": \"p1\", "
	             "\"name\": \"Q\", \"first\": \"2025-11-02\", \"last\": \"2026-01-01\"}]}",
	        TRIAD_EFORMAT, "report_periods[1]", "\"p1\" is already in use");
	bad_own(HEAD ", \"report_periods\": [7]}", TRIAD_EFORMAT, "report_periods[0]",
	        "expected an object, got an integer");
	/* Invalid UTF-8 is a syntax error of the JSON text. */
	ck_assert_fails(triad_calendar_load(&cal, HEAD ", \"region\": \"\xff\"}",
	                                    strlen(HEAD) + 16, "cal.json"),
	                TRIAD_EPARSE, "cal.json: line 1");
	ck_assert_fails(triad_calendar_load(NULL, "{}", 2, NULL), TRIAD_EINVAL, NULL);
}
END_TEST

static void bad_open(const char *text, int code, const char *path, const char *needle)
{
	triad_calendar *cal = NULL;
	ck_assert_fails(triad_calendar_load_opendata(&cal, text, strlen(text), "open.json",
	                                             "2025-2026", TRIAD_REGION_MIDDEN),
	                code, needle);
	ck_assert_ptr_null(cal);
	ck_assert_str_eq(triad_error_last()->path, path);
}

#define OPEN(vac) "{\"content\": [{\"schoolyear\": \"2025-2026\", \"vacations\": [" vac "]}]}"
#define VAC(type, comp, regions) \
	"{\"type\": " type ", \"compulsorydates\": " comp ", \"regions\": [" regions "]}"
#define REG(region, a, b) "{\"region\": " region ", \"startdate\": " a ", \"enddate\": " b "}"

START_TEST(opendata_bad_files)
{
	triad_calendar *cal = NULL;
	ck_assert_fails(triad_calendar_load_opendata(&cal, "{\"content\": [}", 14, "open.json",
	                                             "2025-2026", TRIAD_REGION_MIDDEN),
	                TRIAD_EPARSE, "open.json: line 1, column");
	ck_assert_int_eq(triad_error_last()->line, 1);
	ck_assert_int_gt(triad_error_last()->column, 0);
	bad_open("{}", TRIAD_EFORMAT, "", "\"content\" is missing");
	bad_open("{\"content\": {}}", TRIAD_EFORMAT, "content", "expected an array");
	bad_open("{\"content\": []}", TRIAD_EFORMAT, "content", "no school year");
	bad_open("{\"content\": [3]}", TRIAD_EFORMAT, "content[0]", "expected an object");
	bad_open("{\"content\": [{\"vacations\": []}]}", TRIAD_EFORMAT, "content[0]",
	         "\"schoolyear\" is missing");
	bad_open("{\"content\": [{\"schoolyear\": \"25-26\", \"vacations\": []}]}", TRIAD_EFORMAT,
	         "content[0].schoolyear", "\"25-26\" is not a school year");
	bad_open("{\"content\": [{\"schoolyear\": \"2024-2025\", \"vacations\": []}]}",
	         TRIAD_ENOTFOUND, "", "no school year \"2025-2026\"; it has \"2024-2025\"");
	bad_open("{\"content\": [{\"schoolyear\": \"2025-2026\", \"vacations\": []}, "
	         "{\"schoolyear\": \"2025-2026\", \"vacations\": []}]}",
	         TRIAD_EFORMAT, "content[1].schoolyear", "appears twice");
	bad_open("{\"content\": [{\"schoolyear\": \"2025-2026\"}]}", TRIAD_EFORMAT, "content[0]",
	         "\"vacations\" is missing");
	bad_open(OPEN("[]"), TRIAD_EFORMAT, "content[0].vacations[0]", "expected an object");
	bad_open(OPEN(VAC("1", "\"true\"", "")), TRIAD_EFORMAT, "content[0].vacations[0].type",
	         "expected a string");
	bad_open(OPEN(VAC("\" \"", "\"true\"", "")), TRIAD_EFORMAT,
	         "content[0].vacations[0].type", "empty");
	bad_open(OPEN("{\"type\": \"x\", \"regions\": []}"), TRIAD_EFORMAT,
	         "content[0].vacations[0]", "\"compulsorydates\" is missing");
	bad_open(OPEN(VAC("\"x\"", "\"yes\"", "")), TRIAD_EFORMAT,
	         "content[0].vacations[0].compulsorydates", "\"yes\" is neither");
	bad_open(OPEN(VAC("\"x\"", "1", "")), TRIAD_EFORMAT,
	         "content[0].vacations[0].compulsorydates", "got an integer");
	bad_open(OPEN("{\"type\": \"x\", \"compulsorydates\": \"true\", \"regions\": {}}"),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions", "expected an array");
	bad_open(OPEN(VAC("\"x\"", "\"true\"", "null")), TRIAD_EFORMAT,
	         "content[0].vacations[0].regions[0]", "expected an object, got null");
	bad_open(OPEN(VAC("\"x\"", "\"true\"",
	                  REG("\"oost\"", "\"2025-10-18\"", "\"2025-10-26\""))),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions[0].region",
	         "\"oost\" is not a holiday region");
	bad_open(OPEN(VAC("\"x\"", "\"true\"",
	                  REG("\"midden\"", "\"2025-10-32T00:00:00.000Z\"", "\"2025-10-26\""))),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions[0].startdate",
	         "\"2025-10-32T00:00:00.000Z\" is not an existing date");
	bad_open(OPEN(VAC("\"x\"", "\"true\"",
	                  REG("\"midden\"", "\"2025-10-18T25:00\"", "\"2025-10-26\""))),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions[0].startdate", "date-time");
	bad_open(OPEN(VAC("\"x\"", "\"true\"",
	                  REG("\"midden\"", "\"2025-10-18\"", "\"2025-10-26 \""))),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions[0].enddate", "not an existing");
	bad_open(OPEN(VAC("\"x\"", "\"true\"", REG("\"midden\"", "\"2025-10-18\"", "20251026"))),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions[0].enddate", "expected a string");
	bad_open(OPEN(VAC("\"Herfstvakantie\"", "\"true\"",
	                  REG("\"midden\"", "\"2025-10-18\"", "\"2025-10-10\""))),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions[0].enddate",
	         "the Herfstvakantie ends before it starts");
	bad_open(OPEN(VAC("\"x\"", "\"true\"",
	                  REG("\"midden\"", "\"2025-10-18\"", "\"2025-10-26\"") ","
	                  REG("\"heel Nederland\"", "\"2025-10-18\"", "\"2025-10-26\""))),
	         TRIAD_EFORMAT, "content[0].vacations[0].regions[1]",
	         "a second date range of the x for region midden");
	bad_open(OPEN(VAC("\"x\"", "\"true\"", "{\"startdate\": \"2025-10-18\"}")), TRIAD_EFORMAT,
	         "content[0].vacations[0].regions[0]", "\"region\" is missing");

	/* Arguments. */
	const char *ok = OPEN("");
	ck_assert_fails(triad_calendar_load_opendata(&cal, ok, strlen(ok), NULL, "2025-2026",
	                                             TRIAD_REGION_NONE),
	                TRIAD_EINVAL, "choose the holiday region");
	ck_assert_ok(triad_calendar_load_opendata(&cal, ok, strlen(ok), NULL, NULL,
	                                          TRIAD_REGION_ZUID));
	ck_assert_int_eq(triad_calendar_start_year(cal), 2025);
	triad_calendar_free(cal);
	cal = NULL;
	ck_assert_fails(triad_calendar_load_opendata_file(&cal,
	                                                  test_data_path("calendar/opendata.json"),
	                                                  NULL, TRIAD_REGION_ZUID),
	                TRIAD_EINVAL, "lists 2 school years (\"2024-2025\", \"2025-2026\")");
	ck_assert_fails(triad_calendar_load_opendata_file(&cal,
	                                                  test_data_path("calendar/opendata.json"),
	                                                  "2026-2027", TRIAD_REGION_ZUID),
	                TRIAD_ENOTFOUND, "no school year \"2026-2027\"");
	ck_assert_fails(triad_calendar_load_opendata_file(&cal, "/nonexistent.json", NULL,
	                                                  TRIAD_REGION_ZUID),
	                TRIAD_EIO, "/nonexistent.json");
	ck_assert_ptr_null(cal);
}
END_TEST

/* ---- allocation failures ------------------------------------------------- */

typedef struct load_ctx {
	const char *text;
	bool open;
	triad_calendar *cal;
} load_ctx;

static int run_load(void *p)
{
	load_ctx *c = p;
	c->cal = NULL;
	if (c->open)
		return triad_calendar_load_opendata(&c->cal, c->text, strlen(c->text), NULL,
		                                    "2025-2026", TRIAD_REGION_MIDDEN);
	return triad_calendar_load(&c->cal, c->text, strlen(c->text), NULL);
}

static void after_load(void *p, int rc)
{
	load_ctx *c = p;
	if (rc == 0) {
		ck_assert_int_eq(triad_calendar_school_week_count(c->cal), 42);
		triad_calendar_free(c->cal);
	} else {
		ck_assert_ptr_null(c->cal);
	}
}

/*
 * Like failalloc_sweep(), but jansson 2.14's lexer does not report every
 * allocation failure as such: some become syntax errors ("string or '}'
 * expected"), and a failed append to its string buffer silently drops a
 * character ("triad.calendar1"), which the loader then rejects as content.
 * So a run whose injected failure hit the parser may end in TRIAD_EPARSE or
 * TRIAD_EFORMAT as well as TRIAD_ENOMEM. Either way nothing may leak and no
 * calendar may be handed out.
 */
static long sweep_load(load_ctx *c)
{
	for (long n = 1;; n++) {
		long before = failalloc_live();
		failalloc_arm(n);
		int rc = run_load(c);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (failed && rc != 0)
			ck_assert_msg(rc == TRIAD_ENOMEM || rc == TRIAD_EPARSE || rc == TRIAD_EFORMAT,
			              "allocation %ld failed, but the call returned %d (%s)", n, rc,
			              triad_error_last()->message);
		else
			ck_assert_msg(rc == 0, "run %ld returned %d (%s)", n, rc,
			              triad_error_last()->message);
		after_load(c, rc);
		ck_assert_msg(failalloc_live() == before, "allocation %ld failed: %ld leaked", n,
		              failalloc_live() - before);
		if (!failed)
			return n;
	}
}

START_TEST(loads_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	char open_text[65536], own_text[65536];
	strcpy(open_text, slurp(test_data_path("calendar/opendata.json")));
	strcpy(own_text, slurp(test_data_path("calendar/school-2025.json")));
	failalloc_install();
	load_ctx c = { open_text, true, NULL };
	ck_assert_int_ge(sweep_load(&c), 10);
	c.text = own_text;
	c.open = false;
	ck_assert_int_ge(sweep_load(&c), 10);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

typedef struct change_ctx {
	triad_calendar *cal;
	char *text;
} change_ctx;

static int run_changes(void *p)
{
	change_ctx *c = p;
	triad_date a, b;
	triad_date_from_ymd(&a, 2025, 10, 18);
	triad_date_from_ymd(&b, 2025, 10, 26);
	int rc = triad_calendar_add_holiday(c->cal, "Herfstvakantie", a, b, 0);
	if (!rc)
		rc = triad_calendar_add_day_off(c->cal, a - 5, "studiedag");
	if (!rc)
		rc = triad_calendar_add_report_period(c->cal, "p1", "Periode 1", a - 60, a - 1);
	if (!rc)
		rc = triad_calendar_set_period(c->cal, a - 70, b + 200);
	if (!rc)
		rc = triad_calendar_save(&c->text, c->cal);
	return rc;
}

static void after_changes(void *p, int rc)
{
	change_ctx *c = p;
	if (rc == 0) {
		ck_assert_ptr_nonnull(strstr(c->text, "\"Herfstvakantie\""));
		triad_free(c->text);
		c->text = NULL;
	}
	/* Whatever got through stays consistent: the tables match the lists. */
	int32_t n = triad_calendar_school_day_count(c->cal);
	ck_assert_int_le(n, 261);
	triad_calendar_free(c->cal);
	ck_assert_ok(triad_calendar_new(&c->cal, 2025, TRIAD_REGION_NONE));
}

START_TEST(changes_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	change_ctx c = { NULL, NULL };
	ck_assert_ok(triad_calendar_new(&c.cal, 2025, TRIAD_REGION_NONE));
	ck_assert_int_ge(failalloc_sweep(run_changes, after_changes, &c), 8);
	triad_calendar_free(c.cal);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

START_TEST(failed_change_leaves_calendar_as_it_was)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	triad_calendar *cal;
	ck_assert_ok(triad_calendar_new(&cal, 2025, TRIAD_REGION_NONE));
	/* Each allocation of add_holiday in turn fails: the holiday list and the
	 * school days stay as they were (261 weekdays, no holiday). */
	for (long n = 1; n <= 20; n++) {
		failalloc_arm(n);
		int rc = triad_calendar_add_holiday(cal, "Kerstvakantie", D(2025, 12, 20),
		                                    D(2026, 1, 4), 1);
		bool tripped = failalloc_tripped();
		failalloc_arm(0);
		if (!tripped) {
			ck_assert_ok(rc);
			break;
		}
		ck_assert_int_eq(rc, TRIAD_ENOMEM);
		ck_assert_uint_eq(triad_calendar_holiday_count(cal), 0);
		ck_assert_int_eq(triad_calendar_school_day_count(cal), 261);
	}
	/* Christmas takes Mon 12-22 .. Fri 01-02: 10 weekdays. */
	ck_assert_int_eq(triad_calendar_school_day_count(cal), 251);
	triad_calendar_free(cal);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("calendar");
	tcase_add_test(tc, regions_and_school_years);
	tcase_add_test(tc, empty_year_starts_on_a_friday);
	tcase_add_test(tc, opendata_regions_including_heel_nederland);
	tcase_add_test(tc, arithmetic_across_holidays);
	tcase_add_test(tc, arithmetic_across_the_turn_of_the_year);
	tcase_add_test(tc, iso_weeks_52_and_53);
	tcase_add_test(tc, days_off_and_report_periods);
	tcase_add_test(tc, changing_the_period);
	tcase_add_test(tc, own_format_round_trip);
	tcase_add_test(tc, own_format_bad_files);
	tcase_add_test(tc, opendata_bad_files);
	tcase_add_test(tc, loads_survive_allocation_failures);
	tcase_add_test(tc, changes_survive_allocation_failures);
	tcase_add_test(tc, failed_change_leaves_calendar_as_it_was);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
