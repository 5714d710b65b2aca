/*
 * Conference instances and results: loading, validation errors with JSON
 * paths, getters, settings and pins, results from meetings, the result
 * format, the checker (one crafted schedule per violation kind) and metrics
 * worked out by hand. The solver has its own file (test_conference_solve.c).
 *
 * Inline JSON uses single quotes for readability; load() turns them into
 * double quotes.
 */
#include <jansson.h>
#include <unistd.h>

#include "support/failalloc.h"
#include "support/testutil.h"

/* Single quotes to double quotes, in a static buffer. */
static const char *dq(const char *s)
{
	static char buf[16384];
	size_t n = strlen(s);
	ck_assert_uint_lt(n, sizeof buf);
	for (size_t i = 0; i <= n; i++)
		buf[i] = s[i] == '\'' ? '"' : s[i];
	return buf;
}

static int load(triad_conference **out, const char *json)
{
	const char *t = dq(json);
	return triad_conference_load_json(out, t, strlen(t), "test.json");
}

/*
 * The base instance. One session of 6 slots (19:00, 10 + 5 minutes) with a
 * break at slot 3; two rooms; teachers t1 (room A, whole session) and t2
 * (room B, slots 0-2, at most 2 meetings); households h1 (Anna and Bram,
 * prefers early) and h2 (Cas, prefers late, available from slot 2);
 * requests r1 (h1 with t1 about Anna, invited), r2 (h1 with t2, optional),
 * r3 (h2 with t1 and t2 jointly, two slots, required).
 */
#define BASE_SESSIONS                                                                   \
	"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', "         \
	"'slot_minutes': 10, 'gap_minutes': 5, 'slots': 6, 'breaks': [[3, 4]] } ], "   \
	"'rooms': [ { 'id': 'A', 'name': 'Lokaal A' }, { 'id': 'B' } ], "
#define BASE_TEACHERS                                                                   \
	"'teachers': [ { 'id': 't1', 'name': 'Mw. Jansen', 'sessions': [ { 'session': 's1', 'room': 'A' } ] }, " \
	"{ 'id': 't2', 'name': 'Dhr. De Vries', 'sessions': [ { 'session': 's1', 'room': 'B', "  \
	"'available': [[0, 3]], 'max_meetings': 2 } ] } ], "
#define BASE_HOUSEHOLDS                                                                 \
	"'households': [ { 'id': 'h1', 'name': 'Fam. Bakker', 'students': ['Anna', 'Bram'], " \
	"'preference': 'early' }, { 'id': 'h2', 'name': 'Fam. Smit', 'students': ['Cas'], "  \
	"'preference': 'late', 'sessions': [ { 'session': 's1', 'available': [[2, 6]] } ] } ], "
#define BASE_REQUESTS                                                                   \
	"'requests': [ { 'id': 'r1', 'household': 'h1', 'teachers': ['t1'], 'students': ['Anna'], " \
	"'priority': 'invited' }, { 'id': 'r2', 'household': 'h1', 'teachers': ['t2'], "    \
	"'priority': 'optional' }, { 'id': 'r3', 'household': 'h2', 'teachers': ['t1', 't2'], " \
	"'slots': 2 } ]"

static const char *base_json =
	"{ 'format': 'triad.conference/1', " BASE_SESSIONS BASE_TEACHERS BASE_HOUSEHOLDS
	BASE_REQUESTS " }";

/* The base instance with settings. */
static triad_conference *base_with(const char *settings)
{
	char buf[8192];
	snprintf(buf, sizeof buf,
	         "{ 'format': 'triad.conference/1', 'settings': { %s }, " BASE_SESSIONS
	         BASE_TEACHERS BASE_HOUSEHOLDS BASE_REQUESTS " }", settings);
	triad_conference *c = NULL;
	ck_assert_ok(load(&c, buf));
	return c;
}

START_TEST(loads_and_reads_back)
{
	triad_conference *c;
	ck_assert_ok(load(&c, base_json));
	ck_assert_uint_eq(triad_conference_session_count(c), 1);
	ck_assert_str_eq(triad_conference_session_id(c, 0), "s1");
	triad_date d;
	ck_assert_ok(triad_conference_session_date(&d, c, 0));
	char buf[TRIAD_DATE_BUFSIZE];
	triad_date_format(d, buf);
	ck_assert_str_eq(buf, "2026-11-10");
	ck_assert_int_eq(triad_conference_session_start(c, 0), 19 * 60);
	ck_assert_int_eq(triad_conference_session_slot_minutes(c, 0), 10);
	ck_assert_int_eq(triad_conference_session_gap_minutes(c, 0), 5);
	ck_assert_int_eq(triad_conference_session_slots(c, 0), 6);
	/* slot 2 starts 2 x (10 + 5) minutes after 19:00: 19:30 */
	ck_assert_int_eq(triad_conference_slot_start(c, 0, 2), 19 * 60 + 30);
	/* the end of the evening: 19:00 + 6 x 15 = 20:30 */
	ck_assert_int_eq(triad_conference_slot_start(c, 0, 6), 20 * 60 + 30);
	ck_assert_int_eq(triad_conference_slot_start(c, 0, 7), -1);
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_uint_eq(triad_conference_session_break_count(c, 0), 1);
	int32_t from = -1, to = -1;
	ck_assert_ok(triad_conference_session_break(&from, &to, c, 0, 0));
	ck_assert_int_eq(from, 3);
	ck_assert_int_eq(to, 4);
	ck_assert_fails(triad_conference_session_break(&from, &to, c, 0, 1), TRIAD_EINVAL, NULL);

	ck_assert_uint_eq(triad_conference_room_count(c), 2);
	ck_assert_str_eq(triad_conference_room_name(c, 0), "Lokaal A");
	ck_assert_str_eq(triad_conference_room_name(c, 1), "B"); /* no name: the id */

	ck_assert_uint_eq(triad_conference_teacher_count(c), 2);
	size_t t2;
	ck_assert_ok(triad_conference_teacher_index(&t2, c, "t2"));
	ck_assert_uint_eq(t2, 1);
	ck_assert_fails(triad_conference_teacher_index(&t2, c, "t9"), TRIAD_ENOTFOUND, "\"t9\"");
	ck_assert_str_eq(triad_conference_teacher_name(c, 1), "Dhr. De Vries");
	ck_assert_int_eq(triad_conference_teacher_present(c, 1, 0), 1);
	ck_assert_str_eq(triad_conference_teacher_room(c, 1, 0), "B");
	ck_assert_int_eq(triad_conference_teacher_max_meetings(c, 1, 0), 2);
	ck_assert_int_eq(triad_conference_teacher_max_meetings(c, 0, 0), 0);
	ck_assert_int_eq(triad_conference_teacher_break_after(c, 0), 0);

	ck_assert_uint_eq(triad_conference_household_count(c), 2);
	ck_assert_str_eq(triad_conference_household_name(c, 0), "Fam. Bakker");
	ck_assert_uint_eq(triad_conference_household_student_count(c, 0), 2);
	ck_assert_str_eq(triad_conference_household_student(c, 0, 1), "Bram");
	ck_assert_int_eq(triad_conference_household_preference(c, 0), TRIAD_CONFERENCE_PREFER_EARLY);
	ck_assert_int_eq(triad_conference_household_preference(c, 1), TRIAD_CONFERENCE_PREFER_LATE);
	ck_assert_int_eq(triad_conference_household_max_sessions(c, 0), 0);

	ck_assert_uint_eq(triad_conference_request_count(c), 3);
	size_t r3;
	ck_assert_ok(triad_conference_request_index(&r3, c, "r3"));
	ck_assert_int_eq(triad_conference_request_household(c, r3), 1);
	ck_assert_uint_eq(triad_conference_request_teacher_count(c, r3), 2);
	ck_assert_int_eq(triad_conference_request_teacher(c, r3, 1), 1);
	ck_assert_int_eq(triad_conference_request_slots(c, r3), 2);
	ck_assert_int_eq(triad_conference_request_priority(c, r3), TRIAD_CONFERENCE_PRIORITY_REQUIRED);
	ck_assert_int_eq(triad_conference_request_priority(c, 0), TRIAD_CONFERENCE_PRIORITY_INVITED);
	/* r1 names Anna; r2 names nobody, so it is about both children */
	ck_assert_uint_eq(triad_conference_request_student_count(c, 0), 1);
	ck_assert_str_eq(triad_conference_request_student(c, 0, 0), "Anna");
	ck_assert_uint_eq(triad_conference_request_student_count(c, 1), 2);
	size_t ps;
	int32_t pslot;
	ck_assert_int_eq(triad_conference_request_pin(&ps, &pslot, c, 0), 0);

	/* out of range and NULL */
	ck_assert_ptr_null(triad_conference_request_id(c, 3));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_int_eq(triad_conference_session_slots(NULL, 0), -1);
	ck_assert_uint_eq(triad_conference_request_count(NULL), 0);
	triad_conference_free(c);
	triad_conference_free(NULL);
}
END_TEST

START_TEST(save_and_load_round_trip)
{
	triad_conference *c, *c2;
	ck_assert_ok(load(&c, base_json));
	ck_assert_ok(triad_conference_pin(c, "r1", "s1", 1));
	ck_assert_ok(triad_conference_setting_set(c, TRIAD_CONFERENCE_SETTING_WALKING_GAP, 1));
	char *a, *b;
	ck_assert_ok(triad_conference_save_json(&a, c));
	ck_assert_ok(triad_conference_load_json(&c2, a, strlen(a), "saved"));
	ck_assert_ok(triad_conference_save_json(&b, c2));
	ck_assert_str_eq(a, b);
	size_t s;
	int32_t slot;
	ck_assert_int_eq(triad_conference_request_pin(&s, &slot, c2, 0), 1);
	ck_assert_int_eq(slot, 1);
	int64_t v;
	ck_assert_ok(triad_conference_setting_get(&v, c2, TRIAD_CONFERENCE_SETTING_WALKING_GAP));
	ck_assert_int_eq(v, 1);
	/* and through a file */
	char path[] = "/tmp/triad-conf-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_ok(triad_conference_save_file(c2, path));
	triad_conference *c3;
	ck_assert_ok(triad_conference_load_file(&c3, path));
	ck_assert_uint_eq(triad_conference_request_count(c3), 3);
	remove(path);
	ck_assert_fails(triad_conference_load_file(&c3, "/nonexistent/x.json"), TRIAD_EIO, NULL);
	triad_free(a);
	triad_free(b);
	triad_conference_free(c);
	triad_conference_free(c2);
	triad_conference_free(c3);
}
END_TEST

/* Replace the first occurrence of `from` in the base instance by `to`. */
static const char *edit(const char *from, const char *to)
{
	static char buf[8192];
	const char *p = strstr(base_json, from);
	ck_assert_msg(p != NULL, "%s not in the base instance", from);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(p - base_json), base_json, to, p + strlen(from));
	return buf;
}

typedef struct bad_case {
	const char *from, *to; /* edit of the base instance */
	int code;
	const char *path;      /* expected JSON path ("" for none) */
	const char *message;   /* part of the message */
} bad_case;

static const bad_case bad_cases[] = {
	{ "'format': 'triad.conference/1'", "'format': 'triad.conference/2'", TRIAD_EVERSION, "format", "newer" },
	{ "'format': 'triad.conference/1'", "'format': 'triad.agreement/1'", TRIAD_EFORMAT, "format", "expected \"triad.conference/1\"" },
	{ "'rooms'", "'roms'", TRIAD_EFORMAT, "roms", "unknown field \"roms\"" },
	{ "'slots': 6", "'slots': 'six'", TRIAD_EFORMAT, "sessions[0].slots", "expected an integer" },
	{ "'slots': 6", "'slots': 0", TRIAD_EFORMAT, "sessions[0].slots", "outside the allowed range" },
	{ "'start': '19:00'", "'start': '25:00'", TRIAD_EFORMAT, "sessions[0].start", "HH:MM" },
	{ "'start': '19:00'", "'start': '+9:00'", TRIAD_EFORMAT, "sessions[0].start", "HH:MM" },
	{ "'start': '19:00'", "'start': '23:00'", TRIAD_EFORMAT, "sessions[0].slots", "past midnight" },
	{ "'date': '2026-11-10'", "'date': '2026-02-30'", TRIAD_EFORMAT, "sessions[0].date", "existing date" },
	{ "'breaks': [[3, 4]]", "'breaks': [[3, 7]]", TRIAD_EFORMAT, "sessions[0].breaks[0]", "[3, 7)" },
	{ "'breaks': [[3, 4]]", "'breaks': [[3]]", TRIAD_EFORMAT, "sessions[0].breaks[0]", "two integers" },
	{ "'available': [[0, 3]]", "'available': [[0, 3], [2, 5]]", TRIAD_EFORMAT, "teachers[1].sessions[0].available[1]", "overlaps" },
	{ "'room': 'B'", "'room': 'C'", TRIAD_EFORMAT, "teachers[1].sessions[0].room", "no room \"C\"" },
	{ "'max_meetings': 2", "'max_meetings': 2, 'cap': 3", TRIAD_EFORMAT, "teachers[1].sessions[0].cap", "unknown field" },
	{ "{ 'session': 's1', 'available': [[2, 6]] }", "{ 'session': 's9', 'available': [[2, 6]] }", TRIAD_EFORMAT, "households[1].sessions[0].session", "no session \"s9\"" },
	{ "'preference': 'early'", "'preference': 'morning'", TRIAD_EFORMAT, "households[0].preference", "\"morning\" is not one of" },
	{ "'students': ['Anna', 'Bram']", "'students': ['Anna', 'Anna']", TRIAD_EFORMAT, "households[0].students[1]", "listed twice" },
	{ "'teachers': ['t1'], 'students': ['Anna']", "'teachers': ['t7'], 'students': ['Anna']", TRIAD_EFORMAT, "requests[0].teachers[0]", "no teacher \"t7\"" },
	{ "'students': ['Anna'], ", "'students': ['Dirk'], ", TRIAD_EFORMAT, "requests[0].students[0]", "no student \"Dirk\"" },
	{ "{ 'id': 'r2'", "{ 'id': 'r1'", TRIAD_EFORMAT, "requests[1].id", "\"r1\" is used twice" },
	{ "'household': 'h1', 'teachers': ['t2']", "'household': 'h3', 'teachers': ['t2']", TRIAD_EFORMAT, "requests[1].household", "no household \"h3\"" },
	{ "'priority': 'optional'", "'priority': 'urgent'", TRIAD_EFORMAT, "requests[1].priority", "\"urgent\"" },
	{ "'teachers': ['t1', 't2']", "'teachers': []", TRIAD_EFORMAT, "requests[2].teachers", "at least one teacher" },
	{ "'teachers': ['t1', 't2']", "'teachers': ['t1', 't1']", TRIAD_EFORMAT, "requests[2].teachers[1]", "listed twice" },
	{ "'slots': 2 }", "'slots': 2, 'pin': { 'session': 's1', 'slot': 5 } }", TRIAD_EFORMAT, "requests[2].pin.slot", "outside the allowed range" },
	{ "'requests'", "'requests_'", TRIAD_EFORMAT, "requests_", "unknown field" },
	{ "'id': 't2', 'name'", "'id': 't1', 'name'", TRIAD_EFORMAT, "teachers[1].id", "used twice" },
	{ "'name': 'Fam. Bakker'", "'name': 7", TRIAD_EFORMAT, "households[0].name", "expected a string" },
	{ "'id': 't1', 'name': 'Mw. Jansen', 'sessions': [ { 'session': 's1', 'room': 'A' } ]",
	  "'id': 't1', 'name': 'Mw. Jansen', 'sessions': []", TRIAD_EFORMAT, "requests[0].teachers[0]", "present in no session" },
};

START_TEST(bad_instances_name_the_path)
{
	const bad_case *bc = &bad_cases[_i];
	triad_conference *c = (triad_conference *)0x1;
	ck_assert_fails(load(&c, edit(bc->from, bc->to)), bc->code, bc->message);
	ck_assert_str_eq(triad_error_last()->path, bc->path);
	ck_assert_ptr_eq(c, (triad_conference *)0x1); /* untouched on failure */
}
END_TEST

START_TEST(syntax_errors_have_line_and_column)
{
	triad_conference *c;
	const char *text = "{\n  \"format\": \"triad.conference/1\",\n  \"sessions\": [,]\n}";
	ck_assert_fails(triad_conference_load_json(&c, text, strlen(text), "x.json"), TRIAD_EPARSE, "x.json");
	ck_assert_int_eq(triad_error_last()->line, 3);
	ck_assert_int_gt(triad_error_last()->column, 0);
	/* invalid UTF-8 is a syntax error too */
	const char *bad = "{\"format\": \"triad.conference/1\", \"x\": \"\xff\"}";
	ck_assert_fails(triad_conference_load_json(&c, bad, strlen(bad), NULL), TRIAD_EPARSE, NULL);
	ck_assert_fails(triad_conference_load_json(&c, "[]", 2, NULL), TRIAD_EFORMAT, "expected an object");
	ck_assert_fails(triad_conference_load_json(NULL, "{}", 2, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_conference_load_json(&c, "{}", 2, NULL), TRIAD_EFORMAT, "\"format\"");
}
END_TEST

START_TEST(settings_and_pins)
{
	triad_conference *c = base_with("'weight_wait': 50, 'teacher_max_meetings': 3");
	int64_t v;
	ck_assert_ok(triad_conference_setting_get(&v, c, TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT));
	ck_assert_int_eq(v, 50);
	ck_assert_ok(triad_conference_setting_get(&v, c, TRIAD_CONFERENCE_SETTING_WEIGHT_UNSCHEDULED));
	ck_assert_int_eq(v, 1000000);
	ck_assert_ok(triad_conference_setting_get(&v, c, TRIAD_CONFERENCE_SETTING_PRIORITY_INVITED));
	ck_assert_int_eq(v, 4);
	/* t1 has no cap of its own: the setting; t2 keeps its own 2 */
	ck_assert_int_eq(triad_conference_teacher_max_meetings(c, 0, 0), 3);
	ck_assert_int_eq(triad_conference_teacher_max_meetings(c, 1, 0), 2);
	ck_assert_fails(triad_conference_setting_set(c, TRIAD_CONFERENCE_SETTING_WALKING_GAP, -1),
	                TRIAD_ERANGE, "walking_gap");
	ck_assert_fails(triad_conference_setting_set(c, (triad_conference_setting)99, 1), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_conference_setting_get(&v, c, TRIAD_CONFERENCE_SETTING_NONE), TRIAD_EINVAL, NULL);
	ck_assert_str_eq(triad_conference_setting_id(TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_WAIT),
	                 "household_max_wait");
	ck_assert_ptr_null(triad_conference_setting_id((triad_conference_setting)15));

	ck_assert_ok(triad_conference_pin(c, "r3", "s1", 4));
	size_t s;
	int32_t slot;
	ck_assert_int_eq(triad_conference_request_pin(&s, &slot, c, 2), 1);
	ck_assert_int_eq(slot, 4);
	/* r3 takes two slots: from 5 it would run past slot 5 */
	ck_assert_fails(triad_conference_pin(c, "r3", "s1", 5), TRIAD_ERANGE, "cannot start at slot 5");
	ck_assert_fails(triad_conference_pin(c, "r9", "s1", 0), TRIAD_ENOTFOUND, "\"r9\"");
	ck_assert_fails(triad_conference_pin(c, "r1", "s2", 0), TRIAD_ENOTFOUND, "\"s2\"");
	ck_assert_ok(triad_conference_unpin(c, "r3"));
	ck_assert_int_eq(triad_conference_request_pin(&s, &slot, c, 2), 0);
	ck_assert_fails(triad_conference_setting_set(c, TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT, 2000000000),
	                TRIAD_ERANGE, NULL);
	triad_conference_free(c);
}
END_TEST

/* A result from parallel arrays. */
static triad_conference_result *meetings(const triad_conference *c, size_t n,
                                         const char *const *req, const char *const *ses,
                                         const int32_t *slot)
{
	triad_conference_result *r = NULL;
	ck_assert_ok(triad_conference_result_from_meetings(&r, c, req, ses, slot, n));
	return r;
}

static int64_t metric(const triad_conference_report *rep, triad_conference_metric m)
{
	int64_t v = -99;
	ck_assert_ok(triad_conference_report_metric(&v, rep, m));
	return v;
}

START_TEST(metrics_by_hand)
{
	triad_conference *c;
	ck_assert_ok(load(&c, base_json));
	/*
	 * r1 (h1, t1) at slot 0, r2 (h1, t2) at slot 2, r3 (h2, t1 + t2) at 4-5.
	 * h1: span 0..3 = 3 slots, 2 meeting slots: waits 1. h2: 2 of 2: 0.
	 * t1: meetings at 0 and 4-5: span 0..6 = 6, 3 meeting slots, break slot
	 *     3 inside: idle 6 - 3 - 1 = 2.
	 * t2: r2 at 2 and r3 at 4-5: but t2 is only available 0-2 (a violation,
	 *     counted below); span 2..6 = 4, 3 meeting slots, break 1: idle 0.
	 * Preferences: h1 early, r1 at 0 and r2 at 2 start in the first half
	 *     (slot < 3): met; h2 late, r3 at 4: met. 0 misses.
	 * All scheduled: unscheduled weight 0; one session: no extra sessions.
	 * cost = 100 x 1 + 1 x 2 = 102.
	 */
	const char *req[] = { "r1", "r2", "r3" }, *ses[] = { "s1", "s1", "s1" };
	int32_t slot[] = { 0, 2, 4 };
	triad_conference_result *res = meetings(c, 3, req, ses, slot);
	triad_conference_report *rep;
	ck_assert_ok(triad_conference_check(&rep, c, res));
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS), 1);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_TEACHER_IDLE_SLOTS), 2);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_PREFERENCE_MISSES), 0);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS), 0);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT), 0);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT), 4 + 1 + 2);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_TOTAL_WEIGHT), 7);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_COST), 102);
	/* the same numbers in the result itself */
	int64_t v;
	ck_assert_ok(triad_conference_result_metric(&v, res, TRIAD_CONFERENCE_METRIC_COST));
	ck_assert_int_eq(v, 102);
	ck_assert_ok(triad_conference_result_metric(&v, res, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND));
	ck_assert_int_eq(v, -1);
	/* r3 at 4 is outside t2's availability: exactly one violation */
	ck_assert_uint_eq(triad_conference_report_violation_count(rep), 1);
	ck_assert_int_eq(triad_conference_report_violation_kind(rep, 0), TRIAD_CONFERENCE_VIOLATION_TEACHER_UNAVAILABLE);
	ck_assert_str_eq(triad_conference_report_violation_teacher(rep, 0), "t2");
	ck_assert_str_eq(triad_conference_report_violation_request(rep, 0), "r3");
	ck_assert_ptr_nonnull(strstr(triad_conference_report_violation_message(rep, 0), "Dhr. De Vries"));
	/* The bound: t2 has slots 0-2 (3 units); r3 needs 2 of t2's slots but
	 * may start only at 2 (h2 from 2, t2 until 2, length 2 -> no place at
	 * all: t2 is gone at 3, the break is at 3). So r3 can never be met and
	 * the bound is r1 + r2 = 4 + 1 = 5. */
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND), 5);
	triad_conference_report_free(rep);
	triad_conference_result_free(res);

	/* Only r1 at slot 4: h1 prefers early, 4 >= 3 is late: one miss; r2 and
	 * r3 unscheduled, 1 + 2 = 3 weight: cost 3,000,000 + 1. t1 alone: idle 0. */
	const char *req2[] = { "r1" };
	int32_t slot2[] = { 4 };
	res = meetings(c, 1, req2, ses, slot2);
	ck_assert_ok(triad_conference_check(&rep, c, res));
	ck_assert_uint_eq(triad_conference_report_violation_count(rep), 0);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_PREFERENCE_MISSES), 1);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT), 3);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_COST), 3000001);
	ck_assert_uint_eq(triad_conference_result_unscheduled_count(res), 2);
	ck_assert_str_eq(triad_conference_result_unscheduled_request(res, 0), "r2");
	ck_assert_int_eq(triad_conference_result_unscheduled_reason(res, 0), TRIAD_CONFERENCE_REASON_NOT_PLACED);
	triad_conference_report_free(rep);
	triad_conference_result_free(res);
	triad_conference_free(c);
}
END_TEST

/* Run the checker on a schedule and expect exactly one violation of a kind. */
static void expect_violation(const triad_conference *c, size_t n, const char *const *req,
                             const int32_t *slot, triad_conference_violation kind,
                             const char *msg_part)
{
	const char *ses[] = { "s1", "s1", "s1", "s1" };
	triad_conference_result *res = meetings(c, n, req, ses, slot);
	triad_conference_report *rep;
	ck_assert_ok(triad_conference_check(&rep, c, res));
	size_t found = 0;
	for (size_t i = 0; i < triad_conference_report_violation_count(rep); i++) {
		if (triad_conference_report_violation_kind(rep, i) != kind)
			continue;
		found++;
		ck_assert_msg(strstr(triad_conference_report_violation_message(rep, i), msg_part),
		              "\"%s\" lacks \"%s\"", triad_conference_report_violation_message(rep, i),
		              msg_part);
	}
	ck_assert_msg(found == 1, "%zu violations of kind %s (of %zu)", found,
	              triad_conference_violation_id(kind), triad_conference_report_violation_count(rep));
	triad_conference_report_free(rep);
	triad_conference_result_free(res);
}

START_TEST(checker_catches_each_violation)
{
	triad_conference *c;
	ck_assert_ok(load(&c, base_json));
	{ /* r1 and r3 both with t1 at slots 4-5 (r3 also breaks t2's availability) */
		const char *req[] = { "r1", "r3" };
		int32_t slot[] = { 4, 4 };
		expect_violation(c, 2, req, slot, TRIAD_CONFERENCE_VIOLATION_TEACHER_DOUBLE_BOOKED, "two meetings at once");
	}
	{ /* h1 meets t1 and t2 at slot 0 */
		const char *req[] = { "r1", "r2" };
		int32_t slot[] = { 0, 0 };
		expect_violation(c, 2, req, slot, TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_DOUBLE_BOOKED, "Fam. Bakker");
	}
	{ /* slot 3 is the break */
		const char *req[] = { "r1" };
		int32_t slot[] = { 3 };
		expect_violation(c, 1, req, slot, TRIAD_CONFERENCE_VIOLATION_IN_BREAK, "break");
	}
	{ /* h2 is available from slot 2: r3 at 0-1 (t2 is available there) */
		const char *req[] = { "r3" };
		int32_t slot[] = { 0 };
		expect_violation(c, 1, req, slot, TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_UNAVAILABLE, "Fam. Smit");
	}
	{ /* t2 leaves after slot 2 */
		const char *req[] = { "r2" };
		int32_t slot[] = { 4 };
		expect_violation(c, 1, req, slot, TRIAD_CONFERENCE_VIOLATION_TEACHER_UNAVAILABLE, "slot 4");
	}
	{ /* a request twice */
		const char *req[] = { "r1", "r1" };
		int32_t slot[] = { 0, 1 };
		expect_violation(c, 2, req, slot, TRIAD_CONFERENCE_VIOLATION_DUPLICATE_MEETING, "more than one");
	}
	ck_assert_ok(triad_conference_pin(c, "r1", "s1", 2));
	{
		const char *req[] = { "r1" };
		int32_t slot[] = { 0 };
		expect_violation(c, 1, req, slot, TRIAD_CONFERENCE_VIOLATION_PIN_MOVED, "pinned to slot 2");
	}
	triad_conference_free(c);

	c = base_with("'teacher_max_meetings': 1");
	{ /* t1 capped at 1: r1 at 0 and r3 at 4 (r3 also outside t2's time) */
		const char *req[] = { "r1", "r3" };
		int32_t slot[] = { 0, 4 };
		expect_violation(c, 2, req, slot, TRIAD_CONFERENCE_VIOLATION_TEACHER_CAP, "cap of 1");
	}
	triad_conference_free(c);

	c = base_with("'teacher_break_after': 2");
	{ /* t1 meets at 0 (r1) and 1-2 (r3): three consecutive slots */
		const char *req[] = { "r1", "r3" };
		int32_t slot[] = { 0, 1 };
		expect_violation(c, 2, req, slot, TRIAD_CONFERENCE_VIOLATION_TEACHER_NO_BREAK, "3 consecutive slots");
	}
	triad_conference_free(c);

	c = base_with("'household_max_wait': 1");
	{ /* h1: r2 at 0, r1 at 4: waits 3 slots */
		const char *req[] = { "r2", "r1" };
		int32_t slot[] = { 0, 4 };
		expect_violation(c, 2, req, slot, TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_WAIT_CAP, "waits 3 slots");
	}
	triad_conference_free(c);

	c = base_with("'walking_gap': 1");
	{ /* h1 walks from room A (t1, slot 0) to room B (t2, slot 1) at once */
		const char *req[] = { "r1", "r2" };
		int32_t slot[] = { 0, 1 };
		expect_violation(c, 2, req, slot, TRIAD_CONFERENCE_VIOLATION_WALKING_GAP, "from room A to room B");
		/* one free slot between them is enough */
		const char *ses[] = { "s1", "s1" };
		int32_t ok[] = { 0, 2 };
		triad_conference_result *res = meetings(c, 2, req, ses, ok);
		triad_conference_report *rep;
		ck_assert_ok(triad_conference_check(&rep, c, res));
		ck_assert_uint_eq(triad_conference_report_violation_count(rep), 0);
		triad_conference_report_free(rep);
		triad_conference_result_free(res);
	}
	triad_conference_free(c);
}
END_TEST

/* Two sessions; t1 present in both, t2 in s2 only. */
static const char *two_sessions =
	"{ 'format': 'triad.conference/1', 'settings': { 'household_max_sessions': 1 }, "
	"'sessions': [ { 'id': 's1', 'date': '2026-11-10', 'start': '19:00', 'slots': 4 }, "
	"{ 'id': 's2', 'date': '2026-11-12', 'start': '19:00', 'slots': 4 } ], "
	"'rooms': [ { 'id': 'A' }, { 'id': 'B' } ], "
	"'teachers': [ { 'id': 't1', 'sessions': [ { 'session': 's1', 'room': 'A' }, { 'session': 's2', 'room': 'B' } ] }, "
	"{ 'id': 't2', 'sessions': [ { 'session': 's2', 'room': 'A' } ] } ], "
	"'households': [ { 'id': 'h1', 'students': ['Eva'] } ], "
	"'requests': [ { 'id': 'a', 'household': 'h1', 'teachers': ['t1'] }, "
	"{ 'id': 'b', 'household': 'h1', 'teachers': ['t2'] } ] }";

START_TEST(checker_sessions_rooms_and_references)
{
	triad_conference *c;
	ck_assert_ok(load(&c, two_sessions));
	/* a in s1, b in s2: two sessions for a household capped at one; one
	 * extra session (10,000) */
	const char *req[] = { "a", "b" }, *ses[] = { "s1", "s2" };
	int32_t slot[] = { 0, 0 };
	triad_conference_result *res = meetings(c, 2, req, ses, slot);
	triad_conference_report *rep;
	ck_assert_ok(triad_conference_check(&rep, c, res));
	ck_assert_uint_eq(triad_conference_report_violation_count(rep), 1);
	ck_assert_int_eq(triad_conference_report_violation_kind(rep, 0), TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_SESSION_CAP);
	ck_assert_str_eq(triad_conference_report_violation_household(rep, 0), "h1");
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS), 1);
	ck_assert_int_eq(metric(rep, TRIAD_CONFERENCE_METRIC_COST), 10000);
	/* the room of a meeting is its first teacher's in that session */
	ck_assert_str_eq(triad_conference_result_meeting_room(res, 0), "A");
	ck_assert_str_eq(triad_conference_result_meeting_session(res, 1), "s2");
	triad_conference_report_free(rep);

	/* The result format: write, read back, same meetings and metrics. */
	char *text;
	ck_assert_ok(triad_conference_result_save_json(&text, res));
	ck_assert_ptr_nonnull(strstr(text, "\"format\": \"triad.conference-result/1\""));
	triad_conference_result *back;
	ck_assert_ok(triad_conference_result_load_json(&back, c, text, strlen(text), "r.json"));
	ck_assert_uint_eq(triad_conference_result_meeting_count(back), 2);
	int64_t v;
	ck_assert_ok(triad_conference_result_metric(&v, back, TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS));
	ck_assert_int_eq(v, 1);
	ck_assert_ok(triad_conference_result_setting(&v, back, TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_SESSIONS));
	ck_assert_int_eq(v, 1);
	char *text2;
	ck_assert_ok(triad_conference_result_save_json(&text2, back));
	ck_assert_str_eq(text, text2);
	triad_free(text);
	triad_free(text2);
	triad_conference_result_free(back);
	triad_conference_result_free(res);

	/* a hand-edited result: wrong room, slot beyond the session */
	const char *edited = dq("{ 'format': 'triad.conference-result/1', 'meetings': [ "
	                        "{ 'request': 'a', 'session': 's1', 'slot': 0, 'room': 'B' }, "
	                        "{ 'request': 'b', 'session': 's2', 'slot': 4 } ] }");
	ck_assert_ok(triad_conference_result_load_json(&res, c, edited, strlen(edited), NULL));
	ck_assert_ok(triad_conference_check(&rep, c, res));
	ck_assert_uint_eq(triad_conference_report_violation_count(rep), 2);
	int kinds = 0;
	for (size_t i = 0; i < 2; i++)
		kinds |= 1 << triad_conference_report_violation_kind(rep, i);
	ck_assert_int_eq(kinds, (1 << TRIAD_CONFERENCE_VIOLATION_WRONG_ROOM) |
	                        (1 << TRIAD_CONFERENCE_VIOLATION_OUTSIDE_SESSION));
	triad_conference_report_free(rep);

	/* checked against an instance without request b: unknown reference */
	triad_conference *base;
	ck_assert_ok(load(&base, base_json));
	ck_assert_ok(triad_conference_check(&rep, base, res));
	size_t unknown = 0;
	for (size_t i = 0; i < triad_conference_report_violation_count(rep); i++)
		unknown += triad_conference_report_violation_kind(rep, i) == TRIAD_CONFERENCE_VIOLATION_UNKNOWN_REFERENCE;
	ck_assert_uint_eq(unknown, 2);
	triad_conference_report_free(rep);
	triad_conference_free(base);
	triad_conference_result_free(res);
	triad_conference_free(c);
}
END_TEST

static const struct {
	const char *json, *path, *message;
	int code;
} bad_results[] = {
	{ "{ 'format': 'triad.conference-result/9', 'meetings': [] }", "format", "newer", TRIAD_EVERSION },
	{ "{ 'format': 'triad.conference-result/1' }", "", "\"meetings\" is missing", TRIAD_EFORMAT },
	{ "{ 'format': 'triad.conference-result/1', 'meetings': [ { 'request': 'zz', 'session': 's1', 'slot': 0 } ] }", "meetings[0].request", "no request \"zz\"", TRIAD_EFORMAT },
	{ "{ 'format': 'triad.conference-result/1', 'meetings': [ { 'request': 'a', 'session': 's1', 'slot': -1 } ] }", "meetings[0].slot", "outside the allowed range", TRIAD_EFORMAT },
	{ "{ 'format': 'triad.conference-result/1', 'meetings': [], 'unscheduled': [ { 'request': 'a', 'reason': 'tired' } ] }", "unscheduled[0].reason", "\"tired\"", TRIAD_EFORMAT },
	{ "{ 'format': 'triad.conference-result/1', 'meetings': [ { 'request': 'a', 'session': 's1', 'slot': 0 } ], 'unscheduled': [ { 'request': 'a', 'reason': 'not_placed' } ] }", "unscheduled[0].request", "listed twice", TRIAD_EFORMAT },
	{ "{ 'format': 'triad.conference-result/1', 'meetings': [], 'metrics': { 'happiness': 3 } }", "metrics.happiness", "unknown field", TRIAD_EFORMAT },
	{ "{ 'format': 'triad.conference-result/1', 'meetings': [], 'settings': { 'walking_gap': -2 } }", "settings.walking_gap", "outside the allowed range", TRIAD_EFORMAT },
};

START_TEST(bad_results_name_the_path)
{
	triad_conference *c;
	ck_assert_ok(load(&c, two_sessions));
	const char *t = dq(bad_results[_i].json);
	triad_conference_result *res = NULL;
	ck_assert_fails(triad_conference_result_load_json(&res, c, t, strlen(t), NULL),
	                bad_results[_i].code, bad_results[_i].message);
	ck_assert_str_eq(triad_error_last()->path, bad_results[_i].path);
	ck_assert_ptr_null(res);
	triad_conference_free(c);
}
END_TEST

START_TEST(results_from_meetings_errors_and_views)
{
	triad_conference *c;
	ck_assert_ok(load(&c, base_json));
	triad_conference_result *res = NULL;
	const char *bad_req[] = { "r7" }, *ses[] = { "s1", "s1", "s1" }, *bad_ses[] = { "s4" };
	int32_t slot[] = { 0, 2, 4 }, far[] = { 5 };
	ck_assert_fails(triad_conference_result_from_meetings(&res, c, bad_req, ses, slot, 1),
	                TRIAD_ENOTFOUND, "meeting 0: there is no request \"r7\"");
	const char *r1[] = { "r1" }, *r3[] = { "r3" };
	ck_assert_fails(triad_conference_result_from_meetings(&res, c, r1, bad_ses, slot, 1),
	                TRIAD_ENOTFOUND, "\"s4\"");
	ck_assert_fails(triad_conference_result_from_meetings(&res, c, r3, ses, far, 1),
	                TRIAD_ERANGE, "cannot start at slot 5");
	ck_assert_fails(triad_conference_result_from_meetings(&res, c, NULL, ses, slot, 1),
	                TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(res);
	/* views in time order: r3 (t1, t2) at 4, r1 (t1) at 0, r2 (t2) at 2 */
	const char *req[] = { "r3", "r1", "r2" };
	int32_t at[] = { 4, 0, 2 };
	res = meetings(c, 3, req, ses, at);
	ck_assert_uint_eq(triad_conference_result_meeting_count(res), 3);
	ck_assert_str_eq(triad_conference_result_meeting_request(res, 0), "r1");
	ck_assert_str_eq(triad_conference_result_meeting_request(res, 2), "r3");
	ck_assert_int_eq(triad_conference_result_meeting_slots(res, 2), 2);
	ck_assert_uint_eq(triad_conference_result_meeting_teacher_count(res, 2), 2);
	ck_assert_str_eq(triad_conference_result_meeting_teacher(res, 2, 1), "t2");
	ck_assert_str_eq(triad_conference_result_meeting_room(res, 2), "A"); /* t1's room */
	ck_assert_str_eq(triad_conference_result_meeting_household(res, 2), "h2");
	ck_assert_int_eq(triad_conference_result_meeting_pinned(res, 0), 0);
	size_t idx[4];
	ck_assert_int_eq(triad_conference_result_teacher_meetings(idx, 4, res, "t2"), 2);
	ck_assert_uint_eq(idx[0], 1); /* r2 at 2 */
	ck_assert_uint_eq(idx[1], 2); /* r3 at 4 */
	ck_assert_int_eq(triad_conference_result_teacher_meetings(NULL, 0, res, "t1"), 2);
	ck_assert_int_eq(triad_conference_result_household_meetings(idx, 1, res, "h1"), 2);
	ck_assert_uint_eq(idx[0], 0);
	ck_assert_int_eq(triad_conference_result_household_meetings(idx, 4, res, "h9"), 0);
	ck_assert_fails(triad_conference_result_teacher_meetings(NULL, 3, res, "t1"), TRIAD_EINVAL, NULL);
	ck_assert_ptr_null(triad_conference_result_meeting_request(res, 3));
	ck_assert_int_eq(triad_conference_result_meeting_slot(res, 3), -1);
	int64_t v;
	ck_assert_ok(triad_conference_result_stat(&v, res, TRIAD_CONFERENCE_STAT_ITERATIONS));
	ck_assert_int_eq(v, 0);
	ck_assert_fails(triad_conference_result_metric(&v, res, (triad_conference_metric)11), TRIAD_EINVAL, NULL);
	ck_assert_str_eq(triad_conference_metric_id(TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS), "household_wait_slots");
	ck_assert_str_eq(triad_conference_reason_id(TRIAD_CONFERENCE_REASON_TEACHER_CAP), "teacher_cap");
	ck_assert_str_eq(triad_conference_violation_id(TRIAD_CONFERENCE_VIOLATION_WALKING_GAP), "walking_gap");
	ck_assert_str_eq(triad_conference_stat_id(TRIAD_CONFERENCE_STAT_CANCELED), "canceled");
	ck_assert_ptr_null(triad_conference_reason_id((triad_conference_reason)8));
	/* pin the whole schedule */
	ck_assert_ok(triad_conference_pin_result(c, res));
	size_t ps;
	int32_t pslot;
	ck_assert_int_eq(triad_conference_request_pin(&ps, &pslot, c, 2), 1);
	ck_assert_int_eq(pslot, 4);
	triad_conference_result_free(res);
	triad_conference_free(c);
}
END_TEST

/* ---- allocation failures ---- */

typedef struct sweep_ctx {
	const char *text;
	triad_conference *conf;
	triad_conference_result *res;
	triad_conference_report *rep;
	int what;
} sweep_ctx;

static int sweep_run(void *p)
{
	sweep_ctx *x = p;
	const char *req[] = { "r1", "r2", "r3" }, *ses[] = { "s1", "s1", "s1" };
	int32_t slot[] = { 0, 2, 4 };
	switch (x->what) {
	case 0: {
		triad_conference *c = NULL;
		int rc = triad_conference_load_json(&c, x->text, strlen(x->text), NULL);
		triad_conference_free(c);
		return rc;
	}
	case 1:
		return triad_conference_result_from_meetings(&x->res, x->conf, req, ses, slot, 3);
	case 2:
		return triad_conference_check(&x->rep, x->conf, x->res);
	default: {
		char *text = NULL;
		int rc = triad_conference_result_save_json(&text, x->res);
		if (rc == 0) {
			triad_conference_result *back = NULL;
			rc = triad_conference_result_load_json(&back, x->conf, text, strlen(text), NULL);
			triad_conference_result_free(back);
		}
		triad_free(text);
		return rc;
	}
	}
}

static void sweep_after(void *p, int rc)
{
	sweep_ctx *x = p;
	(void)rc;
	if (x->what == 1) {
		triad_conference_result_free(x->res);
		x->res = NULL;
	}
	if (x->what == 2) {
		triad_conference_report_free(x->rep);
		x->rep = NULL;
	}
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	char text[16384]; /* the size of dq's buffer */
	snprintf(text, sizeof text, "%s", dq(base_json));
	sweep_ctx x = { text, NULL, NULL, NULL, 0 };
	/* jansson turns some of its own failed allocations into wrong content
	 * (a truncated string, a syntax error), which no caller can tell from
	 * a bad document; so jansson allocates normally here and the sweep
	 * covers every allocation of libtriad's own. */
	json_set_alloc_funcs(malloc, free);
	ck_assert_int_gt(failalloc_sweep(sweep_run, sweep_after, &x), 20);
	ck_assert_ok(triad_conference_load_json(&x.conf, text, strlen(text), NULL));
	x.what = 1;
	ck_assert_int_gt(failalloc_sweep(sweep_run, sweep_after, &x), 5);
	ck_assert_ok(sweep_run(&x)); /* keep one result for the check */
	x.what = 2;
	ck_assert_int_gt(failalloc_sweep(sweep_run, sweep_after, &x), 5);
	x.what = 3;
	ck_assert_int_gt(failalloc_sweep(sweep_run, sweep_after, &x), 5);
	triad_conference_result_free(x.res);
	triad_conference_free(x.conf);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("conference");
	TCase *tc = tcase_create("instance");
	tcase_add_test(tc, loads_and_reads_back);
	tcase_add_test(tc, save_and_load_round_trip);
	tcase_add_loop_test(tc, bad_instances_name_the_path, 0, (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, syntax_errors_have_line_and_column);
	tcase_add_test(tc, settings_and_pins);
	suite_add_tcase(s, tc);
	tc = tcase_create("result and checker");
	tcase_add_test(tc, metrics_by_hand);
	tcase_add_test(tc, checker_catches_each_violation);
	tcase_add_test(tc, checker_sessions_rooms_and_references);
	tcase_add_loop_test(tc, bad_results_name_the_path, 0, (int)(sizeof bad_results / sizeof bad_results[0]));
	tcase_add_test(tc, results_from_meetings_errors_and_views);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
