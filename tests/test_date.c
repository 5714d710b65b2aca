#include "support/testutil.h"

START_TEST(epoch_and_known_dates)
{
	triad_date d;
	ck_assert_ok(triad_date_from_ymd(&d, 1970, 1, 1));
	ck_assert_int_eq(d, 0);
	ck_assert_ok(triad_date_from_ymd(&d, 1969, 12, 31));
	ck_assert_int_eq(d, -1);
	ck_assert_ok(triad_date_from_ymd(&d, 2000, 3, 1));
	ck_assert_int_eq(d, 11017); /* 30 years of 365 days + 7 leap days + 59 */
	ck_assert_ok(triad_date_from_ymd(&d, 2026, 11, 26));
	ck_assert_int_eq(d, 20783);
	ck_assert_ok(triad_date_from_ymd(&d, 1, 1, 1));
	ck_assert_int_eq(d, -719162);
	ck_assert_ok(triad_date_from_ymd(&d, 9999, 12, 31));
	ck_assert_int_eq(d, 2932896);
}
END_TEST

START_TEST(round_trip_every_day_of_four_centuries)
{
	triad_date start, end;
	ck_assert_ok(triad_date_from_ymd(&start, 1900, 1, 1));
	ck_assert_ok(triad_date_from_ymd(&end, 2300, 12, 31));
	int py = 1899, pm = 12, pd = 31;
	for (triad_date d = start; d <= end; d++) {
		int y, m, dd;
		ck_assert_ok(triad_date_to_ymd(d, &y, &m, &dd));
		/* Each day follows the one before. */
		if (dd == 1)
			ck_assert(m == (pm % 12) + 1 && (m != 1 || y == py + 1));
		else
			ck_assert(dd == pd + 1 && m == pm && y == py);
		triad_date back;
		ck_assert_ok(triad_date_from_ymd(&back, y, m, dd));
		ck_assert_int_eq(back, d);
		py = y, pm = m, pd = dd;
	}
}
END_TEST

START_TEST(nonexistent_dates_are_rejected)
{
	triad_date d = 77;
	ck_assert_fails(triad_date_from_ymd(&d, 2025, 2, 29), TRIAD_EINVAL,
	                "2025-02-29 does not exist");
	ck_assert_ok(triad_date_from_ymd(&d, 2024, 2, 29));
	ck_assert_fails(triad_date_from_ymd(&d, 1900, 2, 29), TRIAD_EINVAL, NULL);
	ck_assert_ok(triad_date_from_ymd(&d, 2000, 2, 29));
	ck_assert_fails(triad_date_from_ymd(&d, 2026, 13, 1), TRIAD_EINVAL, "month 13");
	ck_assert_fails(triad_date_from_ymd(&d, 2026, 4, 31), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_date_from_ymd(&d, 0, 1, 1), TRIAD_EINVAL, "year 0");
	ck_assert_fails(triad_date_from_ymd(&d, 10000, 1, 1), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_date_from_ymd(NULL, 2026, 1, 1), TRIAD_EINVAL, "out");
	ck_assert_fails(triad_date_to_ymd(2932897, NULL, NULL, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_date_to_ymd(-719163, NULL, NULL, NULL), TRIAD_EINVAL, NULL);
}
END_TEST

START_TEST(parse_and_format)
{
	triad_date d;
	char buf[TRIAD_DATE_BUFSIZE];
	ck_assert_ok(triad_date_parse(&d, "2026-08-01"));
	ck_assert_ok(triad_date_format(d, buf));
	ck_assert_str_eq(buf, "2026-08-01");
	ck_assert_ok(triad_date_format(-719162, buf));
	ck_assert_str_eq(buf, "0001-01-01");
	const char *bad[] = { "2026-8-01", "2026-08-1", "26-08-01", "2026/08/01",
	                      "2026-08-01T00:00", "", "2026-0a-01", " 2026-08-01" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_fails(triad_date_parse(&d, bad[i]), TRIAD_EPARSE, "YYYY-MM-DD");
	ck_assert_fails(triad_date_parse(&d, "2026-02-30"), TRIAD_EPARSE,
	                "2026-02-30 does not exist");
	ck_assert_fails(triad_date_parse(&d, "0000-01-01"), TRIAD_EPARSE, NULL);
	ck_assert_fails(triad_date_parse(&d, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_date_format(0, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_date_format(3000000, buf), TRIAD_EINVAL, NULL);
}
END_TEST

START_TEST(weekday_and_iso_week)
{
	triad_date d;
	int y, w;
	ck_assert_int_eq(triad_date_weekday(0), 4); /* 1970-01-01, a Thursday */
	ck_assert_int_eq(triad_date_weekday(-1), 3);
	ck_assert_ok(triad_date_parse(&d, "2026-11-26"));
	ck_assert_int_eq(triad_date_weekday(d), 4);
	ck_assert_ok(triad_date_iso_week(d, &y, &w));
	ck_assert_int_eq(y, 2026);
	ck_assert_int_eq(w, 48);
	/* 2021-01-03 (Sunday) belongs to 2020-W53; 2024-12-30 to 2025-W01. */
	ck_assert_ok(triad_date_parse(&d, "2021-01-03"));
	ck_assert_int_eq(triad_date_weekday(d), 7);
	ck_assert_ok(triad_date_iso_week(d, &y, &w));
	ck_assert_int_eq(y, 2020);
	ck_assert_int_eq(w, 53);
	ck_assert_ok(triad_date_parse(&d, "2024-12-30"));
	ck_assert_ok(triad_date_iso_week(d, &y, &w));
	ck_assert_int_eq(y, 2025);
	ck_assert_int_eq(w, 1);
	ck_assert_ok(triad_date_parse(&d, "2026-01-01"));
	ck_assert_ok(triad_date_iso_week(d, &y, NULL));
	ck_assert_int_eq(y, 2026);
	ck_assert_fails(triad_date_iso_week(4000000, &y, &w), TRIAD_EINVAL, NULL);
}
END_TEST

START_TEST(age_in_whole_years)
{
	triad_date birth, on;
	int age;
	ck_assert_ok(triad_date_parse(&birth, "2010-09-15"));
	ck_assert_ok(triad_date_parse(&on, "2026-09-14"));
	ck_assert_ok(triad_date_age(&age, birth, on));
	ck_assert_int_eq(age, 15);
	ck_assert_ok(triad_date_parse(&on, "2026-09-15"));
	ck_assert_ok(triad_date_age(&age, birth, on));
	ck_assert_int_eq(age, 16);
	/* Born on 29 February: a year older on 1 March in common years. */
	ck_assert_ok(triad_date_parse(&birth, "2008-02-29"));
	ck_assert_ok(triad_date_parse(&on, "2026-02-28"));
	ck_assert_ok(triad_date_age(&age, birth, on));
	ck_assert_int_eq(age, 17);
	ck_assert_ok(triad_date_parse(&on, "2026-03-01"));
	ck_assert_ok(triad_date_age(&age, birth, on));
	ck_assert_int_eq(age, 18);
	ck_assert_ok(triad_date_age(&age, birth, birth));
	ck_assert_int_eq(age, 0);
	ck_assert_fails(triad_date_age(&age, on, birth), TRIAD_EINVAL, "before the birth");
	ck_assert_fails(triad_date_age(NULL, birth, on), TRIAD_EINVAL, NULL);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");
	tcase_add_test(tc, epoch_and_known_dates);
	tcase_add_test(tc, round_trip_every_day_of_four_centuries);
	tcase_add_test(tc, nonexistent_dates_are_rejected);
	tcase_add_test(tc, parse_and_format);
	tcase_add_test(tc, weekday_and_iso_week);
	tcase_add_test(tc, age_in_whole_years);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
