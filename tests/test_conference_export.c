/*
 * Conference exports: iCalendar (parsed back with libical), HTML (every
 * meeting, escaping of hostile names) and letters in Dutch and English.
 *
 * tests/data/conference-export.json, worked out by hand:
 *   s1 2026-11-10 (a Tuesday: 2026-01-01 is a Thursday, 10 Nov is day 314,
 *      313 = 44*7 + 5 days later) 19:00, 10-minute slots, no gap, 6 slots,
 *      break [3, 4); s2 2026-11-12 (Thursday) 19:00, 8 + 2 minutes, 6 slots.
 *   meetings used below: r1 (h1 with t1, s1 slot 0) 19:00-19:10 in A1;
 *      r2 (h1 with t2, 2 slots, s1 slot 1) 19:10-19:30 in B2 ("B&B" <zaal>);
 *      r3 (h2 jointly with t1 and t3, 2 slots, s2 slot 2): starts 19:00 + 2 *
 *      10 = 19:20, ends at slot 4's start 19:40 minus the 2-minute gap =
 *      19:38, in t1's room A1; r4 (h2 with t2) is not placed.
 */
#include <libical/ical.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static triad_conference *conf;
static triad_conference_result *res;

static void setup(void)
{
	ck_assert_ok(triad_conference_load_file(&conf, test_data_path("conference-export.json")));
	const char *requests[] = { "r1", "r2", "r3" };
	const char *sessions[] = { "s1", "s1", "s2" };
	const int32_t slots[] = { 0, 1, 2 };
	ck_assert_ok(triad_conference_result_from_meetings(&res, conf, requests, sessions, slots, 3));
}

static void teardown(void)
{
	triad_conference_result_free(res);
	triad_conference_free(conf);
	res = NULL;
	conf = NULL;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* RFC 5545 3.1: lines of at most 75 octets, CRLF ends, and a folded line
 * never splits a UTF-8 sequence (its continuation does not start with a
 * continuation byte). */
static void check_lines(const char *ics)
{
	for (const char *line = ics; *line;) {
		const char *end = strstr(line, "\r\n");
		ck_assert_ptr_nonnull(end);
		ck_assert_int_le(end - line, 75);
		if (line[0] == ' ')
			ck_assert((line[1] & 0xC0) != 0x80);
		line = end + 2;
	}
}

/* The VEVENT of a calendar whose UID is uid. */
static icalcomponent *event_by_uid(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (strcmp(icalcomponent_get_uid(ev), uid) == 0)
			return ev;
	return NULL;
}

/* DTSTART or DTEND of an event: the local time and its TZID. */
static void check_time(icalcomponent *ev, icalproperty_kind kind, const char *want)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	ck_assert_ptr_nonnull(p);
	icalparameter *tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	ck_assert_ptr_nonnull(tz);
	ck_assert_str_eq(icalparameter_get_tzid(tz), "Europe/Amsterdam");
	struct icaltimetype t = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart(p)
	                                                      : icalproperty_get_dtend(p);
	ck_assert_str_eq(icaltime_as_ical_string(t), want);
}

static const char *prop_text(icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	ck_assert_ptr_nonnull(p);
	return icalproperty_get_value_as_string(p);
}

START_TEST(household_ics)
{
	char *ics = NULL;
	ck_assert_ok(triad_conference_export_household_ics(&ics, conf, res, "h1", NULL));
	ck_assert(strncmp(ics, "BEGIN:VCALENDAR\r\n", 17) == 0);
	icalcomponent *cal = icalparser_parse_string(ics);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 2);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	icalcomponent *tz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	ck_assert_str_eq(icalproperty_get_tzid(icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY)),
	                 "Europe/Amsterdam");
	ck_assert_int_eq(icalcomponent_count_components(tz, ICAL_XDAYLIGHT_COMPONENT), 1);
	ck_assert_int_eq(icalcomponent_count_components(tz, ICAL_XSTANDARD_COMPONENT), 1);

	icalcomponent *e1 = event_by_uid(cal, "conference-20261110-r1@triad.invalid");
	icalcomponent *e2 = event_by_uid(cal, "conference-20261110-r2@triad.invalid");
	ck_assert_ptr_nonnull(e1);
	ck_assert_ptr_nonnull(e2);
	check_time(e1, ICAL_DTSTART_PROPERTY, "20261110T190000");
	check_time(e1, ICAL_DTEND_PROPERTY, "20261110T191000");
	check_time(e2, ICAL_DTSTART_PROPERTY, "20261110T191000");
	check_time(e2, ICAL_DTEND_PROPERTY, "20261110T193000");
	ck_assert_str_eq(icalcomponent_get_summary(e1), "Gesprek met mw. Jansen");
	/* iCalendar is not HTML: names stay as they are (libical escapes for the format) */
	ck_assert_str_eq(icalcomponent_get_summary(e2), "Gesprek met O'Brien <b>bold</b>");
	ck_assert_str_eq(icalcomponent_get_location(e1), "Lokaal A1");
	ck_assert_str_eq(icalcomponent_get_location(e2), "Lokaal \"B&B\" <zaal>");
	ck_assert_str_eq(icalcomponent_get_description(e1), "Tienminutengesprek over Zoë <i>.");
	/* default DTSTAMP: midnight UTC of the first session's date */
	ck_assert_str_eq(prop_text(e1, ICAL_DTSTAMP_PROPERTY), "20261110T000000Z");
	icalcomponent_free(cal);
	triad_free(ics);

	/* a household without meetings: a calendar without events */
	const char *none[] = { NULL };
	triad_conference_result *empty = NULL;
	ck_assert_ok(triad_conference_result_from_meetings(&empty, conf, none, none, NULL, 0));
	ck_assert_ok(triad_conference_export_household_ics(&ics, conf, empty, "h2", NULL));
	cal = icalparser_parse_string(ics);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 0);
	icalcomponent_free(cal);
	triad_free(ics);
	triad_conference_result_free(empty);
}
END_TEST

START_TEST(teacher_ics)
{
	triad_conference_export_options opt = TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT;
	opt.lang = TRIAD_LANG_EN;
	opt.uid_domain = "school.example";
	opt.school_name = "Het Baken, Almere";
	opt.stamp = 1793869200; /* 2026-11-05 09:00:00 UTC: 20762 days * 86400 + 9 * 3600 */
	char *ics = NULL;
	ck_assert_ok(triad_conference_export_teacher_ics(&ics, conf, res, "t1", &opt));
	icalcomponent *cal = icalparser_parse_string(ics);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 2);
	icalcomponent *e1 = event_by_uid(cal, "conference-20261110-r1@school.example");
	icalcomponent *e3 = event_by_uid(cal, "conference-20261110-r3@school.example");
	ck_assert_ptr_nonnull(e1);
	ck_assert_ptr_nonnull(e3);
	ck_assert_str_eq(icalcomponent_get_summary(e1),
	                 "Meeting with <script>alert(\"x\")</script> & Zn. (Zoë <i>)");
	ck_assert_str_eq(icalcomponent_get_summary(e3), "Meeting with Fam. Yılmaz (Ayşe)");
	check_time(e3, ICAL_DTSTART_PROPERTY, "20261112T192000");
	check_time(e3, ICAL_DTEND_PROPERTY, "20261112T193800");
	ck_assert_str_eq(icalcomponent_get_location(e3), "Room A1");
	ck_assert_str_eq(icalcomponent_get_description(e3),
	                 "Het Baken, Almere\nParent-teacher conference about Ayşe.\n"
	                 "Joint meeting with dhr. Smit.");
	ck_assert_str_eq(prop_text(e3, ICAL_DTSTAMP_PROPERTY), "20261105T090000Z");
	icalcomponent_free(cal);
	check_lines(ics);
	triad_free(ics);

	/* long texts of multi-byte characters are folded between characters */
	opt.school_name = "Ōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōōō College";
	ck_assert_ok(triad_conference_export_teacher_ics(&ics, conf, res, "t1", &opt));
	ck_assert_ptr_nonnull(strstr(ics, "\r\n "));
	check_lines(ics);
	cal = icalparser_parse_string(ics);
	e3 = event_by_uid(cal, "conference-20261110-r3@school.example");
	ck_assert_ptr_nonnull(strstr(icalcomponent_get_description(e3), opt.school_name));
	icalcomponent_free(cal);
	triad_free(ics);

	/* the joint meeting in the other teacher's calendar: the same UID */
	ck_assert_ok(triad_conference_export_teacher_ics(&ics, conf, res, "t3", &opt));
	cal = icalparser_parse_string(ics);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
	e3 = event_by_uid(cal, "conference-20261110-r3@school.example");
	ck_assert_ptr_nonnull(e3);
	ck_assert_ptr_nonnull(strstr(icalcomponent_get_description(e3), "Joint meeting with mw. Jansen."));
	icalcomponent_free(cal);
	triad_free(ics);
}
END_TEST

START_TEST(html_view)
{
	char *html = NULL;
	ck_assert_ok(triad_conference_export_html(&html, conf, res, NULL));
	ck_assert(strncmp(html, "<!DOCTYPE html>\n<html lang=\"nl\">", 32) == 0);
	/* nothing from the input comes through unescaped */
	ck_assert_ptr_null(strstr(html, "<script>"));
	ck_assert_ptr_null(strstr(html, "<b>bold"));
	ck_assert_ptr_null(strstr(html, "<zaal>"));
	ck_assert_ptr_null(strstr(html, "Zoë <i>"));
	const char *h1 = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zn.";
	/* h1 twice in the grid (r1, r2) and twice on the teacher pages */
	ck_assert_int_eq(count(html, h1), 4);
	/* t2: its grid row (s1 only), its page title, the unscheduled r4 */
	ck_assert_int_eq(count(html, "O&#39;Brien &lt;b&gt;bold&lt;/b&gt;"), 3);
	ck_assert_ptr_nonnull(strstr(html, "&quot;B&amp;B&quot; &lt;zaal&gt;"));
	ck_assert_ptr_nonnull(strstr(html, "Zoë &lt;i&gt;"));
	/* every meeting: r2 spans two slots, r3 appears for t1 and t3 (joint) */
	ck_assert_int_eq(count(html, "title=\"r1\""), 1);
	ck_assert_int_eq(count(html, "title=\"r2\""), 1);
	ck_assert_int_eq(count(html, "title=\"r3\""), 2);
	ck_assert_int_eq(count(html, "<td class=\"meeting\" colspan=\"2\"><div title=\"r2\">"), 1);
	ck_assert_ptr_nonnull(strstr(html, "<span class=\"joint\">+ dhr. Smit</span>"));
	ck_assert_ptr_nonnull(strstr(html, "<span class=\"joint\">+ mw. Jansen</span>"));
	/* the s1 break, the unscheduled request, the print pages */
	ck_assert_ptr_nonnull(strstr(html, "<td class=\"break\">pauze</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<h2>Niet ingepland (1)</h2>"));
	ck_assert_int_eq(count(html, "<section class=\"teacher\""), 3);
	ck_assert_ptr_nonnull(strstr(html, "@page{size:A4"));
	ck_assert_ptr_nonnull(strstr(html, "<td>19:10&ndash;19:30</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<h2>dinsdag 10 november 2026</h2>"));
	ck_assert_ptr_nonnull(strstr(html, "<h2>donderdag 12 november 2026</h2>"));
	triad_free(html);

	triad_conference_export_options opt = TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT;
	opt.lang = TRIAD_LANG_EN;
	opt.school_name = "<Het Baken>";
	ck_assert_ok(triad_conference_export_html(&html, conf, res, &opt));
	ck_assert_ptr_nonnull(strstr(html, "<title>Parent-teacher conferences &ndash; &lt;Het Baken&gt;</title>"));
	ck_assert_ptr_nonnull(strstr(html, "<h2>Tuesday 10 November 2026</h2>"));
	ck_assert_ptr_nonnull(strstr(html, "<h2>Not scheduled (1)</h2>"));
	ck_assert_ptr_null(strstr(html, "<Het Baken>"));
	triad_free(html);
}
END_TEST

START_TEST(letters)
{
	char *text = NULL;
	ck_assert_ok(triad_conference_export_letter(&text, conf, res, "h1", NULL));
	ck_assert_str_eq(text,
	                 "Aan: <script>alert(\"x\")</script> & Zn.\n"
	                 "Betreft: tienminutengesprekken\n"
	                 "\n"
	                 "Beste ouder(s) of verzorger(s) van Zoë <i> en Bram,\n"
	                 "\n"
	                 "U heeft 2 gesprekken op school:\n"
	                 "\n"
	                 "dinsdag 10 november 2026\n"
	                 "  19:00-19:10  lokaal A1  met mw. Jansen, over Zoë <i>\n"
	                 "  19:10-19:30  lokaal \"B&B\" <zaal>  met O'Brien <b>bold</b>, over Bram\n"
	                 "\n"
	                 "Wilt u op tijd komen? Elk gesprek begint en eindigt op de genoemde tijd.\n"
	                 "\n"
	                 "Met vriendelijke groet,\n"
	                 "De school\n");
	triad_free(text);

	triad_conference_export_options opt = TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT;
	opt.lang = TRIAD_LANG_EN;
	opt.school_name = "Het Baken";
	ck_assert_ok(triad_conference_export_letter(&text, conf, res, "h2", &opt));
	ck_assert_str_eq(text,
	                 "Het Baken\n"
	                 "\n"
	                 "To: Fam. Yılmaz\n"
	                 "Subject: parent-teacher conferences\n"
	                 "\n"
	                 "Dear parent(s) or guardian(s) of Ayşe,\n"
	                 "\n"
	                 "You have 1 meeting at school:\n"
	                 "\n"
	                 "Thursday 12 November 2026\n"
	                 "  19:20-19:38  room A1  with mw. Jansen and dhr. Smit, about Ayşe\n"
	                 "\n"
	                 "These meetings could not be scheduled:\n"
	                 "  with O'Brien <b>bold</b>, about Ayşe: not placed. Please contact the "
	                 "school if you want to talk to this teacher.\n"
	                 "\n"
	                 "Please be on time: each meeting starts and ends at the time shown.\n"
	                 "\n"
	                 "Kind regards,\n"
	                 "Het Baken\n");
	triad_free(text);

	/* Dutch, one meeting and one unscheduled request */
	opt.lang = TRIAD_LANG_NL;
	ck_assert_ok(triad_conference_export_letter(&text, conf, res, "h2", &opt));
	ck_assert_ptr_nonnull(strstr(text, "U heeft 1 gesprek op school:\n"));
	ck_assert_ptr_nonnull(strstr(text, "donderdag 12 november 2026\n"
	                                   "  19:20-19:38  lokaal A1  met mw. Jansen en dhr. Smit, over Ayşe\n"));
	ck_assert_ptr_nonnull(strstr(text, "Deze gesprekken konden niet worden ingepland:\n"
	                                   "  met O'Brien <b>bold</b>, over Ayşe: niet ingepland."));
	triad_free(text);
}
END_TEST

START_TEST(errors)
{
	char *out = (char *)"untouched";
	char *const before = out;
	ck_assert_fails(triad_conference_export_letter(NULL, conf, res, "h1", NULL), TRIAD_EINVAL,
	                "output");
	ck_assert_fails(triad_conference_export_letter(&out, NULL, res, "h1", NULL), TRIAD_EINVAL,
	                "instance");
	ck_assert_fails(triad_conference_export_html(&out, conf, NULL, NULL), TRIAD_EINVAL, "result");
	ck_assert_fails(triad_conference_export_household_ics(&out, conf, res, NULL, NULL),
	                TRIAD_EINVAL, "household id");
	ck_assert_fails(triad_conference_export_teacher_ics(&out, conf, res, NULL, NULL), TRIAD_EINVAL,
	                "teacher id");
	ck_assert_fails(triad_conference_export_household_ics(&out, conf, res, "h9", NULL),
	                TRIAD_ENOTFOUND, "household \"h9\"");
	ck_assert_fails(triad_conference_export_teacher_ics(&out, conf, res, "t9", NULL),
	                TRIAD_ENOTFOUND, "teacher \"t9\"");
	ck_assert_fails(triad_conference_export_letter(&out, conf, res, "nobody", NULL),
	                TRIAD_ENOTFOUND, "household \"nobody\"");

	triad_conference_export_options opt = TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT;
	opt.version = 2;
	ck_assert_fails(triad_conference_export_html(&out, conf, res, &opt), TRIAD_EINVAL,
	                "version 2");
	opt.version = 1;
	opt.lang = (triad_lang)7;
	ck_assert_fails(triad_conference_export_html(&out, conf, res, &opt), TRIAD_EINVAL,
	                "language 7");
	opt.lang = TRIAD_LANG_EN;
	opt.uid_domain = "school example";
	ck_assert_fails(triad_conference_export_teacher_ics(&out, conf, res, "t1", &opt),
	                TRIAD_EINVAL, "character 7");
	opt.uid_domain = "";
	ck_assert_fails(triad_conference_export_teacher_ics(&out, conf, res, "t1", &opt),
	                TRIAD_EINVAL, "1 to 253");
	opt.uid_domain = NULL;
	opt.school_name = "bad \xff utf-8";
	ck_assert_fails(triad_conference_export_letter(&out, conf, res, "h1", &opt), TRIAD_EINVAL,
	                "school name");
	opt.school_name = NULL;
	opt.stamp = -1;
	ck_assert_fails(triad_conference_export_household_ics(&out, conf, res, "h1", &opt),
	                TRIAD_EINVAL, "stamp -1");

	/* a result of another instance: its session s2 and request r2 are unknown here */
	triad_conference *other = NULL;
	ck_assert_ok(triad_conference_load_file(&other, test_data_path("conference-export-other.json")));
	ck_assert_fails(triad_conference_export_html(&out, other, res, NULL), TRIAD_EINVAL,
	                "does not belong to this instance: meeting 1 names request \"r2\"");
	triad_conference_free(other);
	ck_assert_ptr_eq(out, before);

	/* options_init */
	ck_assert_fails(triad_conference_export_options_init(NULL, 1), TRIAD_EINVAL, "NULL");
	ck_assert_fails(triad_conference_export_options_init(&opt, 0), TRIAD_EINVAL, "version 0");
	memset(&opt, 0x55, sizeof opt);
	ck_assert_ok(triad_conference_export_options_init(&opt, TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION));
	ck_assert_uint_eq(opt.version, 1);
	ck_assert_int_eq(opt.lang, TRIAD_LANG_NL);
	ck_assert_ptr_null(opt.school_name);
	ck_assert_ptr_null(opt.uid_domain);
	ck_assert_int_eq(opt.stamp, 0);
}
END_TEST

/* ---- allocation failures ----------------------------------------------- */

typedef struct sweep_ctx {
	int which; /* 0 household ics, 1 teacher ics, 2 html, 3 letter */
	char *out;
} sweep_ctx;

static int sweep_run(void *p)
{
	sweep_ctx *c = p;
	c->out = NULL;
	switch (c->which) {
	case 0: return triad_conference_export_household_ics(&c->out, conf, res, "h1", NULL);
	case 1: return triad_conference_export_teacher_ics(&c->out, conf, res, "t1", NULL);
	case 2: return triad_conference_export_html(&c->out, conf, res, NULL);
	default: return triad_conference_export_letter(&c->out, conf, res, "h2", NULL);
	}
}

static void sweep_after(void *p, int rc)
{
	sweep_ctx *c = p;
	if (rc == 0) {
		ck_assert_ptr_nonnull(c->out);
		ck_assert(strlen(c->out) > 100);
		triad_free(c->out);
	} else {
		ck_assert_ptr_null(c->out);
	}
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	/* everything allocated through the counting allocator, so that the
	 * sweep can tell leaks from the fixture's own blocks */
	failalloc_install();
	setup();
	long before = failalloc_live();
	for (int which = 0; which < 4; which++) {
		sweep_ctx c = { which, NULL };
		ck_assert(failalloc_sweep(sweep_run, sweep_after, &c) > 3);
		ck_assert_int_eq(failalloc_live(), before);
	}
	teardown();
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("conference_export");
	TCase *tc = tcase_create("conference_export");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, household_ics);
	tcase_add_test(tc, teacher_ics);
	tcase_add_test(tc, html_view);
	tcase_add_test(tc, letters);
	tcase_add_test(tc, errors);
	suite_add_tcase(s, tc);
	TCase *ta = tcase_create("allocation");
	tcase_add_test(ta, allocation_failures);
	suite_add_tcase(s, ta);
	return s;
}

TRIAD_TEST_MAIN(suite)
