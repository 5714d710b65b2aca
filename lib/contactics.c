/* Expected and planned contacts as iCalendar (RFC 5545), with libical. */
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "contactlog_private.h"

/* Europe/Amsterdam with the EU rules in force since 1996. */
static const char VTIMEZONE[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:Europe/Amsterdam\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\n"
	"TZNAME:CEST\r\n"
	"DTSTART:19700329T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0100\r\n"
	"TZNAME:CET\r\n"
	"DTSTART:19701025T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

#define TZID "Europe/Amsterdam"

/* Minutes a contact of each kind takes (index: triad_contact_kind). */
static const int minutes_of_kind[] = { 0, 30, 30, 10, 15, 60, 120, 90, 5, 20 };

static struct icaltimetype ical_date(triad_date d)
{
	struct icaltimetype t = icaltime_null_date();
	int y, m, day;
	triad__civil_from_days(d, &y, &m, &day);
	t.year = y;
	t.month = m;
	t.day = day;
	return t;
}

static struct icaltimetype ical_local(triad_date d, int minute)
{
	struct icaltimetype t = icaltime_null_time();
	int y, m, day;
	triad__civil_from_days(d, &y, &m, &day);
	t.year = y;
	t.month = m;
	t.day = day;
	t.hour = minute / 60;
	t.minute = minute % 60;
	return t;
}

/* Add a property; a NULL property (libical out of memory) marks failure. */
static bool add(icalcomponent *c, icalproperty *p)
{
	if (!p)
		return false;
	icalcomponent_add_property(c, p);
	return true;
}

static bool add_status(icalcomponent *c, enum icalproperty_status s)
{
	return add(c, icalproperty_new_status(s));
}

/* Property with a TZID parameter. */
static bool add_dtstart_tz(icalcomponent *c, struct icaltimetype t)
{
	icalproperty *p = icalproperty_new_dtstart(t);
	icalparameter *tz = icalparameter_new_tzid(TZID);
	if (!p || !tz) {
		if (p)
			icalproperty_free(p);
		if (tz)
			icalparameter_free(tz);
		return false;
	}
	icalproperty_add_parameter(p, tz);
	icalcomponent_add_property(c, p);
	return true;
}

static bool expected_todo(icalcomponent *cal, const triad_expected *x,
                          const triad_plan_status *st, size_t k, struct icaltimetype stamp,
                          triad_lang lang, bool by_staff)
{
	icalcomponent *todo = icalcomponent_new_vtodo();
	if (!todo)
		return false;
	icalcomponent_add_component(cal, todo);
	bool nl = lang == TRIAD_LANG_NL;
	const char *hh = triad_expected_household(x, k);
	const char *staff = triad_expected_staff(x, k);
	size_t ns = triad_expected_student_count(x, k);
	char uid[512], summary[256], desc[1024];
	snprintf(uid, sizeof uid, "triad-expected-%s-%s-%s-%s-%d@libtriad",
	         triad_expected_rule(x, k), hh, ns ? triad_expected_student_at(x, k, 0) : "",
	         staff, (int)triad_expected_occurrence(x, k));
	const char *kind = triad_contact_kind_name(triad_expected_kind(x, k), lang);
	if (by_staff)
		snprintf(summary, sizeof summary, "%s (%s %s)", kind, nl ? "gezin" : "household", hh);
	else
		snprintf(summary, sizeof summary, "%s", kind);
	int n = snprintf(desc, sizeof desc, "%s: %s; %s:", nl ? "regel" : "rule",
	                 triad_expected_rule(x, k), nl ? "leerlingen" : "students");
	for (size_t j = 0; j < ns && n > 0 && (size_t)n < sizeof desc; j++)
		n += snprintf(desc + n, sizeof desc - (size_t)n, " %s",
		              triad_expected_student_at(x, k, j));
	if (staff[0] && n > 0 && (size_t)n < sizeof desc)
		snprintf(desc + n, sizeof desc - (size_t)n, "; %s: %s", nl ? "met" : "with", staff);
	triad_expected_state state = TRIAD_EXPECTED_STATE_NONE;
	if (st)
		triad_plan_status_at(st, k, &state, NULL);
	bool done = state == TRIAD_EXPECTED_DONE || state == TRIAD_EXPECTED_DONE_LATE;
	return add(todo, icalproperty_new_uid(uid)) && add(todo, icalproperty_new_dtstamp(stamp)) &&
	       add(todo, icalproperty_new_dtstart(ical_date(triad_expected_earliest(x, k)))) &&
	       add(todo, icalproperty_new_due(ical_date(triad_expected_due(x, k)))) &&
	       add(todo, icalproperty_new_summary(summary)) &&
	       add(todo, icalproperty_new_description(desc)) &&
	       add_status(todo, done ? ICAL_STATUS_COMPLETED : ICAL_STATUS_NEEDSACTION);
}

static bool planned_event(icalcomponent *cal, const triad_contactlog *log, size_t i,
                          struct icaltimetype stamp, triad_lang lang, bool by_staff)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	if (!ev)
		return false;
	icalcomponent_add_component(cal, ev);
	triad_contact c;
	triad__contactlog_fill(&c, log, i, NULL, NULL);
	char uid[256], summary[256];
	snprintf(uid, sizeof uid, "triad-contact-%s@libtriad", c.id);
	const char *kind = triad_contact_kind_name(c.kind, lang);
	const char *channel = triad_channel_name(c.channel, lang);
	if (by_staff)
		snprintf(summary, sizeof summary, "%s, %s (%s %s)", kind, channel,
		         lang == TRIAD_LANG_NL ? "gezin" : "household", c.household);
	else
		snprintf(summary, sizeof summary, "%s, %s", kind, channel);
	return add(ev, icalproperty_new_uid(uid)) && add(ev, icalproperty_new_dtstamp(stamp)) &&
	       add_dtstart_tz(ev, ical_local(c.date, c.minute)) &&
	       add(ev, icalproperty_new_duration(
	                   icaldurationtype_from_int(60 * minutes_of_kind[c.kind]))) &&
	       add(ev, icalproperty_new_summary(summary)) &&
	       add_status(ev, ICAL_STATUS_CONFIRMED);
}

int triad_contacts_to_ics(char **out, const triad_expected *x, const triad_plan_status *st,
                          const triad_contactlog *log, const char *household, const char *staff,
                          triad_date as_of, triad_lang lang)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_contacts_to_ics: out is NULL");
	if (!household == !staff)
		return triad__err(TRIAD_EINVAL,
		                  "give either a household or a staff member for the calendar, "
		                  "not %s", household ? "both" : "neither");
	if (lang != TRIAD_LANG_NL && lang != TRIAD_LANG_EN)
		return triad__err(TRIAD_EINVAL, "unknown language %d", (int)lang);
	if (st && (!x || triad_plan_status_count(st) != triad_expected_count(x)))
		return triad__err(TRIAD_EINVAL,
		                  "the plan status belongs to another list of expected contacts");
	if (!triad__date_in_range(as_of))
		return triad__err(TRIAD_EINVAL, "the as-of date lies outside years 1..9999");
	bool by_staff = staff != NULL;
	const char *who = by_staff ? staff : household;

	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent *tz = icalparser_parse_string(VTIMEZONE);
	bool ok = cal && tz;
	if (ok) {
		icalcomponent_add_component(cal, tz);
		tz = NULL;
		ok = add(cal, icalproperty_new_version("2.0")) &&
		     add(cal, icalproperty_new_prodid("-//libtriad//contacts//EN")) &&
		     add(cal, icalproperty_new_calscale("GREGORIAN"));
	}
	struct icaltimetype stamp = ical_date(as_of);
	stamp.is_date = 0;
	stamp.hour = stamp.minute = stamp.second = 0; /* a null date holds -1 there */
	stamp.zone = icaltimezone_get_utc_timezone();
	for (size_t k = 0; ok && x && k < triad_expected_count(x); k++) {
		const char *v = by_staff ? triad_expected_staff(x, k) : triad_expected_household(x, k);
		if (strcmp(v, who) == 0)
			ok = expected_todo(cal, x, st, k, stamp, lang, by_staff);
	}
	uint32_t sym = log ? triad__symtab_find(&log->syms, who) : TRIAD_NOSYM;
	for (size_t i = 0; ok && sym != TRIAD_NOSYM && i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		if (e->date >= as_of && (by_staff ? e->staff : e->household) == sym)
			ok = planned_event(cal, log, i, stamp, lang, by_staff);
	}
	char *text = NULL, *copy = NULL;
	if (ok && (text = icalcomponent_as_ical_string_r(cal)))
		copy = triad__strdup(text);
	if (text)
		icalmemory_free_buffer(text);
	if (tz)
		icalcomponent_free(tz);
	if (cal)
		icalcomponent_free(cal);
	if (!ok || !text)
		return triad__err(TRIAD_EINTERNAL, "libical could not build the calendar: %s",
		                  icalerror_strerror(icalerrno));
	if (!copy)
		return TRIAD_ENOMEM;
	*out = copy;
	return 0;
}
