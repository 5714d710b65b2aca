/* Conference exports: iCalendar (RFC 5545) per household and per teacher, built with libical. */
#include <libical/ical.h>
#include <string.h>

#include "conference_export_private.h"

#define TZID "Europe/Amsterdam"

/* libical returns NULL when it cannot allocate; collect that in *ok so that
 * the component tree is checked once at the end. */
static void add_prop(icalcomponent *comp, icalproperty *prop, bool *ok)
{
	if (!comp || !prop) {
		*ok = false;
		if (prop)
			icalproperty_free(prop);
		return;
	}
	icalcomponent_add_property(comp, prop);
}

static void add_comp(icalcomponent *parent, icalcomponent *child, bool *ok)
{
	if (!parent || !child) {
		*ok = false;
		if (child)
			icalcomponent_free(child);
		return;
	}
	icalcomponent_add_component(parent, child);
}

static struct icaltimetype local_time(int y, int mo, int d, int hh, int mm)
{
	struct icaltimetype t = icaltime_null_time();
	t.year = y;
	t.month = mo;
	t.day = d;
	t.hour = hh;
	t.minute = mm;
	t.second = 0;
	t.is_date = 0;
	return t;
}

/* One observance of Europe/Amsterdam: the EU rule since 1996 (summer time
 * from the last Sunday of March 02:00, winter time from the last Sunday of
 * October 03:00). */
static icalcomponent *observance(bool daylight, bool *ok)
{
	icalcomponent *c = daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
	struct icalrecurrencetype rule = icalrecurrencetype_from_string(
		daylight ? "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" : "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
	add_prop(c, icalproperty_new_tzname(daylight ? "CEST" : "CET"), ok);
	add_prop(c, icalproperty_new_tzoffsetfrom(daylight ? 3600 : 7200), ok);
	add_prop(c, icalproperty_new_tzoffsetto(daylight ? 7200 : 3600), ok);
	add_prop(c, icalproperty_new_dtstart(daylight ? local_time(1981, 3, 29, 2, 0)
	                                               : local_time(1996, 10, 27, 3, 0)),
	         ok);
	add_prop(c, icalproperty_new_rrule(rule), ok);
	return c;
}

static icalcomponent *vtimezone(bool *ok)
{
	icalcomponent *tz = icalcomponent_new_vtimezone();
	add_prop(tz, icalproperty_new_tzid(TZID), ok);
	add_comp(tz, observance(true, ok), ok);
	add_comp(tz, observance(false, ok), ok);
	return tz;
}

static icalproperty *zoned(icalproperty *p, triad_date date, int32_t minutes, bool *ok)
{
	if (!p) {
		*ok = false;
		return NULL;
	}
	int y, mo, d;
	triad__civil_from_days(triad__cx_day(date, minutes), &y, &mo, &d);
	int32_t m = ((minutes % 1440) + 1440) % 1440;
	icalproperty_set_dtstart(p, local_time(y, mo, d, (int)(m / 60), (int)(m % 60)));
	icalparameter *tz = icalparameter_new_tzid(TZID);
	if (!tz)
		*ok = false;
	else
		icalproperty_add_parameter(p, tz);
	return p;
}

/* Text of a property from a string buffer; the buffer is reset. */
static icalproperty *text_prop(icalproperty *(*make)(const char *), triad_strbuf *sb, bool *ok)
{
	if (sb->failed) {
		*ok = false;
		triad__sb_free(sb);
		triad__sb_init(sb);
		return NULL;
	}
	icalproperty *p = make(sb->data ? sb->data : "");
	triad__sb_free(sb);
	triad__sb_init(sb);
	return p;
}

/* The VEVENT of the resolved meeting c->m[k]. `teacher` is the instance index of the teacher
 * whose calendar this is, or SIZE_MAX for a household's calendar. */
static icalcomponent *vevent(const cx_ctx *c, size_t k, size_t teacher, const char *uid_date,
                             bool *ok)
{
	const cx_meeting *m = &c->m[k];
	size_t i = m->index;
	bool en = c->opt.lang == TRIAD_LANG_EN;
	icalcomponent *ev = icalcomponent_new_vevent();
	triad_strbuf sb;
	triad__sb_init(&sb);

	triad__sb_printf(&sb, "conference-%s-%s@%s", uid_date,
	                 triad_conference_request_id(c->conf, m->request), c->opt.uid_domain);
	add_prop(ev, text_prop(icalproperty_new_uid, &sb, ok), ok);
	add_prop(ev, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
		             (time_t)c->opt.stamp, 0, icaltimezone_get_utc_timezone())),
	         ok);
	add_prop(ev, zoned(icalproperty_new_dtstart(icaltime_null_time()), m->date, m->start, ok), ok);
	icalproperty *end = icalproperty_new_dtend(icaltime_null_time());
	if (end) {
		/* zoned() sets DTSTART's value type; set DTEND's own */
		int y, mo, d;
		triad__civil_from_days(triad__cx_day(m->date, m->end), &y, &mo, &d);
		int32_t mm = ((m->end % 1440) + 1440) % 1440;
		icalproperty_set_dtend(end, local_time(y, mo, d, (int)(mm / 60), (int)(mm % 60)));
		icalparameter *tz = icalparameter_new_tzid(TZID);
		if (tz)
			icalproperty_add_parameter(end, tz);
		else
			*ok = false;
	}
	add_prop(ev, end, ok);

	triad__sb_puts(&sb, en ? "Meeting with " : "Gesprek met ");
	if (teacher == SIZE_MAX) {
		triad__cx_put_teachers(&sb, c, i, SIZE_MAX, false);
	} else {
		triad__sb_puts(&sb, triad_conference_household_name(c->conf, m->household));
		if (triad_conference_request_student_count(c->conf, m->request) > 0) {
			triad__sb_puts(&sb, " (");
			triad__cx_put_students(&sb, c, m->request, false);
			triad__sb_puts(&sb, ")");
		}
	}
	add_prop(ev, text_prop(icalproperty_new_summary, &sb, ok), ok);

	triad__sb_puts(&sb, en ? "Room " : "Lokaal ");
	triad__sb_puts(&sb, m->room);
	add_prop(ev, text_prop(icalproperty_new_location, &sb, ok), ok);

	/* description: the school, the students, the other teachers */
	if (c->opt.school_name && c->opt.school_name[0]) {
		triad__sb_puts(&sb, c->opt.school_name);
		triad__sb_puts(&sb, "\n");
	}
	triad__sb_puts(&sb, en ? "Parent-teacher conference" : "Tienminutengesprek");
	if (triad_conference_request_student_count(c->conf, m->request) > 0) {
		triad__sb_puts(&sb, en ? " about " : " over ");
		triad__cx_put_students(&sb, c, m->request, false);
	}
	triad__sb_puts(&sb, ".");
	if (teacher != SIZE_MAX && triad_conference_result_meeting_teacher_count(c->res, i) > 1) {
		triad__sb_puts(&sb, en ? "\nJoint meeting with " : "\nSamen met ");
		triad__cx_put_teachers(&sb, c, i, teacher, false);
		triad__sb_puts(&sb, ".");
	}
	add_prop(ev, text_prop(icalproperty_new_description, &sb, ok), ok);
	triad__sb_free(&sb);
	return ev;
}

/* A calendar of the resolved meetings. */
static int calendar(char **out, const cx_ctx *c, size_t teacher)
{
	bool ok = true;
	char uid_date[16] = "19700101";
	if (triad_conference_session_count(c->conf) > 0) {
		triad_date d0 = 0;
		int y, mo, d;
		triad_conference_session_date(&d0, c->conf, 0);
		triad__civil_from_days(d0, &y, &mo, &d);
		snprintf(uid_date, sizeof uid_date, "%04d%02d%02d", y, mo, d);
	}
	icalcomponent *cal = icalcomponent_new_vcalendar();
	add_prop(cal, icalproperty_new_version("2.0"), &ok);
	add_prop(cal,
	         icalproperty_new_prodid(c->opt.lang == TRIAD_LANG_EN ? "-//libtriad//conference//EN"
	                                                              : "-//libtriad//conference//NL"),
	         &ok);
	add_prop(cal, icalproperty_new_calscale("GREGORIAN"), &ok);
	add_prop(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH), &ok);
	add_comp(cal, vtimezone(&ok), &ok);
	for (size_t k = 0; k < c->nm && ok; k++)
		add_comp(cal, vevent(c, k, teacher, uid_date, &ok), &ok);
	char *text = ok ? icalcomponent_as_ical_string_r(cal) : NULL;
	if (cal)
		icalcomponent_free(cal);
	if (!text)
		return ok ? triad__err(TRIAD_EINTERNAL, "libical could not write the calendar: %s",
		                       icalerror_strerror(icalerrno))
		          : triad__nomem();
	char *copy = triad__strdup(text);
	icalmemory_free_buffer(text);
	if (!copy)
		return TRIAD_ENOMEM;
	*out = copy;
	return 0;
}

typedef int (*list_fn)(size_t *, size_t, const triad_conference_result *, const char *);

static int export_ics(char **out, const triad_conference *conf, const triad_conference_result *result,
                      const char *id, const triad_conference_export_options *options, bool is_teacher)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "the %s is NULL",
		                  out ? (is_teacher ? "teacher id" : "household id") : "output pointer");
	cx_ctx c;
	int rc = triad__cx_begin(&c, conf, result, options);
	if (rc)
		return rc;
	size_t who;
	rc = is_teacher ? triad_conference_teacher_index(&who, conf, id)
	                : triad_conference_household_index(&who, conf, id);
	if (rc) {
		triad__cx_end(&c);
		return triad__err(TRIAD_ENOTFOUND, "the instance has no %s \"%s\"",
		                  is_teacher ? "teacher" : "household", id);
	}
	list_fn list = is_teacher ? triad_conference_result_teacher_meetings
	                          : triad_conference_result_household_meetings;
	int n = list(NULL, 0, result, id);
	size_t *idx = n >= 0 ? triad__calloc(n > 0 ? (size_t)n : 1, sizeof *idx) : NULL;
	if (!idx) {
		triad__cx_end(&c);
		return n < 0 ? n : triad__nomem();
	}
	list(idx, (size_t)n, result, id);
	rc = triad__cx_resolve(&c, idx, (size_t)n);
	triad__free(idx);
	if (rc == 0)
		rc = calendar(out, &c, is_teacher ? who : SIZE_MAX);
	triad__cx_end(&c);
	return rc;
}

int triad_conference_export_household_ics(char **out, const triad_conference *conf,
                                          const triad_conference_result *result,
                                          const char *household_id,
                                          const triad_conference_export_options *options)
{
	return export_ics(out, conf, result, household_id, options, false);
}

int triad_conference_export_teacher_ics(char **out, const triad_conference *conf,
                                        const triad_conference_result *result,
                                        const char *teacher_id,
                                        const triad_conference_export_options *options)
{
	return export_ics(out, conf, result, teacher_id, options, true);
}
