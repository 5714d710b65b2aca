/* iCalendar export of expected and planned contacts, read back with libical. */
#include <libical/ical.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

typedef struct fixture {
	triad_calendar *cal;
	triad_contactplan *plan;
	triad_audience *aud;
	triad_expected *x;
	triad_contactlog *log;
	triad_plan_status *st;
} fixture;

static void add(triad_contactlog *log, const char *id, triad_date date, int minute,
                const char *hh, const char *staff, triad_contact_kind kind)
{
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = id;
	c.date = date;
	c.minute = minute;
	c.kind = kind;
	c.channel = TRIAD_CHANNEL_IN_PERSON;
	c.initiator = TRIAD_INITIATOR_SCHOOL;
	c.tone = TRIAD_TONE_NEUTRAL;
	c.reached = 1;
	c.household = hh;
	c.staff = staff;
	ck_assert_ok(triad_contactlog_add(log, &c));
}

/* Two households: h-1 (s-ann, mentor t-mol), h-2 (s-bob, mentor t-van);
 * rules: intake with the mentor per household in the first 4 school weeks
 * (due Friday 2026-08-28 on a calendar without holidays), positive note per
 * student in the first 8 (due 2026-09-25). The log: h-1's intake on
 * 2026-08-20 (done), and planned for after the as-of date 2026-10-01 a
 * conference of h-1 with t-mol on 2026-10-14 at 19:30 (summer time) and a
 * home visit of h-2 by t-van on 2026-12-02 at 19:00 (winter time). */
static void setup(fixture *f)
{
	memset(f, 0, sizeof *f);
	ck_assert_ok(triad_calendar_new(&f->cal, 2026, TRIAD_REGION_NONE));
	ck_assert_ok(triad_contactplan_new(&f->plan));
	triad_plan_rule r = TRIAD_PLAN_RULE_INIT;
	r.id = "intake";
	r.kind = TRIAD_CONTACT_INTAKE;
	r.with = TRIAD_PLAN_WITH_MENTOR;
	r.per = TRIAD_PLAN_PER_HOUSEHOLD;
	r.timing = TRIAD_PLAN_FIRST_WEEKS;
	r.n = 4;
	ck_assert_ok(triad_contactplan_add_rule(f->plan, &r));
	r.id = "positive";
	r.kind = TRIAD_CONTACT_POSITIVE_NOTE;
	r.per = TRIAD_PLAN_PER_STUDENT;
	r.n = 8;
	ck_assert_ok(triad_contactplan_add_rule(f->plan, &r));
	ck_assert_ok(triad_audience_new(&f->aud));
	ck_assert_ok(triad_audience_add(f->aud, "h-1", "s-ann", "havo", 1, "1a", "t-mol",
	                                TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_audience_add(f->aud, "h-2", "s-bob", "havo", 1, "1b", "t-van",
	                                TRIAD_PLAN_ACCESS_FULL));
	ck_assert_ok(triad_contactplan_generate(&f->x, f->plan, f->cal, f->aud));
	ck_assert_ok(triad_contactlog_new(&f->log));
	add(f->log, "p1", D(2026, 8, 20), 600, "h-1", "t-mol", TRIAD_CONTACT_INTAKE);
	add(f->log, "q1", D(2026, 10, 14), 19 * 60 + 30, "h-1", "t-mol", TRIAD_CONTACT_CONFERENCE);
	add(f->log, "q2", D(2026, 12, 2), 19 * 60, "h-2", "t-van", TRIAD_CONTACT_HOME_VISIT);
	ck_assert_ok(triad_plan_status_new(&f->st, f->x, f->log, D(2026, 10, 1)));
}

static void teardown(fixture *f)
{
	triad_plan_status_free(f->st);
	triad_contactlog_free(f->log);
	triad_expected_free(f->x);
	triad_audience_free(f->aud);
	triad_contactplan_free(f->plan);
	triad_calendar_free(f->cal);
}

static icalcomponent *child(icalcomponent *cal, icalcomponent_kind kind, const char *uid)
{
	for (icalcomponent *c = icalcomponent_get_first_component(cal, kind); c;
	     c = icalcomponent_get_next_component(cal, kind))
		if (strcmp(icalcomponent_get_uid(c), uid) == 0)
			return c;
	ck_abort_msg("no component with UID %s", uid);
	return NULL;
}

/* Seconds since 1970 of a UTC date and time, from triad's own date arithmetic. */
static time_t utc(int y, int m, int d, int hh, int mm)
{
	return (time_t)D(y, m, d) * 86400 + hh * 3600 + mm * 60;
}

START_TEST(household_calendar_reads_back)
{
	fixture f;
	setup(&f);
	char *text = NULL;
	ck_assert_ok(triad_contacts_to_ics(&text, f.x, f.st, f.log, "h-1", NULL, D(2026, 10, 1),
	                                   TRIAD_LANG_EN));
	ck_assert_ptr_nonnull(strstr(text, "BEGIN:VCALENDAR\r\n"));
	ck_assert_ptr_nonnull(strstr(text, "TZID:Europe/Amsterdam\r\n"));
	/* DTSTAMP is the as-of date at midnight UTC (no hidden clock). */
	ck_assert_ptr_nonnull(strstr(text, "\r\nDTSTAMP:20261001T000000Z\r\n"));
	ck_assert_ptr_nonnull(strstr(text, "\r\nDTSTART;TZID=Europe/Amsterdam:20261014T193000\r\n"));
	ck_assert_ptr_nonnull(strstr(text, "\r\nDUE;VALUE=DATE:20260828\r\n"));

	icalcomponent *cal = icalparser_parse_string(text);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	/* libical's own RFC 5545 restriction check (required and unique properties). */
	ck_assert_msg(icalrestriction_check(cal), "libical finds the calendar invalid:\n%s", text);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	/* h-1: its intake and positive note; q1 is planned, p1 lies before the
	 * as-of date, q2 belongs to h-2. */
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 2);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);

	icalcomponent *intake = child(cal, ICAL_VTODO_COMPONENT,
	                              "triad-expected-intake-h-1-s-ann-t-mol-1@libtriad");
	ck_assert_str_eq(icalcomponent_get_summary(intake), "intake conversation");
	struct icaltimetype due = icalproperty_get_due(
		icalcomponent_get_first_property(intake, ICAL_DUE_PROPERTY));
	ck_assert(due.is_date);
	ck_assert_int_eq(due.year, 2026);
	ck_assert_int_eq(due.month, 8);
	ck_assert_int_eq(due.day, 28);
	struct icaltimetype start = icalcomponent_get_dtstart(intake);
	ck_assert_int_eq(start.month * 100 + start.day, 803);
	ck_assert_int_eq(icalcomponent_get_status(intake), ICAL_STATUS_COMPLETED);
	icalcomponent *note = child(cal, ICAL_VTODO_COMPONENT,
	                            "triad-expected-positive-h-1-s-ann-t-mol-1@libtriad");
	ck_assert_int_eq(icalcomponent_get_status(note), ICAL_STATUS_NEEDSACTION);
	ck_assert_str_eq(icalcomponent_get_description(note),
	                 "rule: positive; students: s-ann; with: t-mol");

	icalcomponent *ev = child(cal, ICAL_VEVENT_COMPONENT, "triad-contact-q1@libtriad");
	ck_assert_str_eq(icalcomponent_get_summary(ev), "ten-minute conference, in person");
	icalproperty *dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	icalparameter *tzid = icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER);
	ck_assert_ptr_nonnull(tzid);
	ck_assert_str_eq(icalparameter_get_tzid(tzid), "Europe/Amsterdam");
	/* 19:30 in Amsterdam on 14 October 2026 is summer time (UTC+2): 17:30 UTC. */
	icaltimezone *ams = icalcomponent_get_timezone(cal, "Europe/Amsterdam");
	ck_assert_ptr_nonnull(ams);
	struct icaltimetype t = icalproperty_get_dtstart(dtstart);
	ck_assert_int_eq(t.hour * 100 + t.minute, 1930);
	ck_assert_int_eq((long)icaltime_as_timet_with_zone(t, ams), (long)utc(2026, 10, 14, 17, 30));
	struct icaldurationtype dur = icalcomponent_get_duration(ev);
	ck_assert_int_eq(icaldurationtype_as_int(dur), 10 * 60);
	icalcomponent_free(cal);
	triad_free(text);

	/* Dutch summaries. */
	ck_assert_ok(triad_contacts_to_ics(&text, f.x, f.st, f.log, "h-1", NULL, D(2026, 10, 1),
	                                   TRIAD_LANG_NL));
	ck_assert_ptr_nonnull(strstr(text, "SUMMARY:kennismakingsgesprek\r\n"));
	triad_free(text);
	teardown(&f);
}
END_TEST

START_TEST(staff_calendar)
{
	fixture f;
	setup(&f);
	char *text = NULL;
	ck_assert_ok(triad_contacts_to_ics(&text, f.x, NULL, f.log, NULL, "t-van", D(2026, 10, 1),
	                                   TRIAD_LANG_EN));
	icalcomponent *cal = icalparser_parse_string(text);
	ck_assert_ptr_nonnull(cal);
	ck_assert(icalrestriction_check(cal));
	/* t-van: h-2's intake and s-bob's note (no status given: NEEDS-ACTION),
	 * and the home visit q2. */
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 2);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
	icalcomponent *intake = child(cal, ICAL_VTODO_COMPONENT,
	                              "triad-expected-intake-h-2-s-bob-t-van-1@libtriad");
	ck_assert_str_eq(icalcomponent_get_summary(intake), "intake conversation (household h-2)");
	ck_assert_int_eq(icalcomponent_get_status(intake), ICAL_STATUS_NEEDSACTION);
	icalcomponent *ev = child(cal, ICAL_VEVENT_COMPONENT, "triad-contact-q2@libtriad");
	/* 19:00 on 2 December 2026 is winter time (UTC+1): 18:00 UTC; 60 minutes. */
	icaltimezone *ams = icalcomponent_get_timezone(cal, "Europe/Amsterdam");
	struct icaltimetype t = icalcomponent_get_dtstart(ev);
	ck_assert_int_eq((long)icaltime_as_timet_with_zone(t, ams), (long)utc(2026, 12, 2, 18, 0));
	ck_assert_int_eq(icaldurationtype_as_int(icalcomponent_get_duration(ev)), 3600);
	icalcomponent_free(cal);
	triad_free(text);

	/* Someone without contacts gets an empty but valid calendar. */
	ck_assert_ok(triad_contacts_to_ics(&text, f.x, f.st, f.log, NULL, "t-nobody",
	                                   D(2026, 10, 1), TRIAD_LANG_EN));
	cal = icalparser_parse_string(text);
	ck_assert(icalrestriction_check(cal));
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_ANY_COMPONENT), 1);
	icalcomponent_free(cal);
	triad_free(text);

	ck_assert_fails(triad_contacts_to_ics(&text, f.x, f.st, f.log, "h-1", "t-van",
	                                      D(2026, 10, 1), TRIAD_LANG_EN),
	                TRIAD_EINVAL, "not both");
	ck_assert_fails(triad_contacts_to_ics(&text, f.x, f.st, f.log, NULL, NULL, D(2026, 10, 1),
	                                      TRIAD_LANG_EN),
	                TRIAD_EINVAL, "not neither");
	ck_assert_fails(triad_contacts_to_ics(&text, NULL, f.st, f.log, "h-1", NULL,
	                                      D(2026, 10, 1), TRIAD_LANG_EN),
	                TRIAD_EINVAL, "another list");
	ck_assert_fails(triad_contacts_to_ics(&text, f.x, f.st, f.log, "h-1", NULL,
	                                      D(2026, 10, 1), (triad_lang)0),
	                TRIAD_EINVAL, "language");
	teardown(&f);
}
END_TEST

typedef struct sweep {
	fixture f;
	char *text;
} sweep;

static int run_ics(void *p)
{
	sweep *s = p;
	return triad_contacts_to_ics(&s->text, s->f.x, s->f.st, s->f.log, "h-1", NULL,
	                             D(2026, 10, 1), TRIAD_LANG_EN);
}

static void after_ics(void *p, int rc)
{
	sweep *s = p;
	if (rc == 0)
		ck_assert_ptr_nonnull(strstr(s->text, "triad-contact-q1@libtriad"));
	triad_free(s->text);
	s->text = NULL;
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep s;
	setup(&s.f);
	s.text = NULL;
	/* libical allocates with its own allocator; the sweep covers libtriad's. */
	ck_assert_int_ge(failalloc_sweep(run_ics, after_ics, &s), 2);
	teardown(&s.f);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("contactics");
	TCase *tc = tcase_create("contactics");
	tcase_add_test(tc, household_calendar_reads_back);
	tcase_add_test(tc, staff_calendar);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
