/* The contact log: entries, corrections, removals, JSON, JSON Lines, privacy. */
#include <jansson.h>
#include <unistd.h>

#include "support/failalloc.h"
#include "support/testutil.h"

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

static const char *const G_ANNE[] = { "g-anne" };
static const char *const G_BOTH[] = { "g-anne", "g-bas" };
static const char *const S_SAM[] = { "s-sam" };
static const char *const S_TWO[] = { "s-sam", "s-tess" };

/* An entry of household h-1 by mentor t-mol; tests change what they need. */
static triad_contact entry(const char *id, triad_date date, int minute)
{
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = id;
	c.date = date;
	c.minute = minute;
	c.kind = TRIAD_CONTACT_MENTOR_CALL;
	c.channel = TRIAD_CHANNEL_PHONE;
	c.initiator = TRIAD_INITIATOR_SCHOOL;
	c.tone = TRIAD_TONE_POSITIVE;
	c.reached = 1;
	c.household = "h-1";
	c.staff = "t-mol";
	c.guardians = G_ANNE;
	c.guardian_count = 1;
	c.students = S_SAM;
	c.student_count = 1;
	return c;
}

/* Four entries: c1 (call, h-1), c2 (parent's e-mail answering nothing, h-2),
 * c3 (school's answer to c2, h-2), c4 (failed attempt, h-1). */
static triad_contactlog *small_log(void)
{
	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_new(&log));
	triad_contact c = entry("c1", D(2026, 9, 14), 19 * 60 + 30);
	c.guardians = G_BOTH;
	c.guardian_count = 2;
	c.student_present = 1;
	ck_assert_ok(triad_contactlog_add(log, &c));
	c = entry("c2", D(2026, 9, 15), 8 * 60);
	c.household = "h-2";
	c.kind = TRIAD_CONTACT_CONCERN;
	c.channel = TRIAD_CHANNEL_EMAIL;
	c.initiator = TRIAD_INITIATOR_PARENT;
	c.tone = TRIAD_TONE_CONCERN;
	c.staff = NULL;
	c.students = S_TWO;
	c.student_count = 2;
	c.guardians = NULL;
	c.guardian_count = 0;
	ck_assert_ok(triad_contactlog_add(log, &c));
	c = entry("c3", D(2026, 9, 16), 12 * 60 + 5);
	c.household = "h-2";
	c.kind = TRIAD_CONTACT_CONCERN;
	c.tone = TRIAD_TONE_NEUTRAL;
	c.answers = "c2";
	c.students = S_TWO;
	c.student_count = 2;
	ck_assert_ok(triad_contactlog_add(log, &c));
	c = entry("c4", D(2026, 10, 1), 9 * 60);
	c.reached = 0;
	c.guardian_count = 0;
	ck_assert_ok(triad_contactlog_add(log, &c));
	return log;
}

START_TEST(enums)
{
	ck_assert_str_eq(triad_initiator_id(TRIAD_INITIATOR_PARENT), "parent");
	ck_assert_str_eq(triad_tone_id(TRIAD_TONE_CONCERN), "concern");
	triad_initiator i;
	triad_tone t;
	ck_assert_ok(triad_initiator_from_id(&i, "student"));
	ck_assert_int_eq(i, TRIAD_INITIATOR_STUDENT);
	ck_assert_ok(triad_tone_from_id(&t, "neutral"));
	ck_assert_int_eq(t, TRIAD_TONE_NEUTRAL);
	ck_assert_fails(triad_initiator_from_id(&i, "teacher"), TRIAD_ENOTFOUND, "\"teacher\"");
	ck_assert_fails(triad_tone_from_id(&t, "angry"), TRIAD_ENOTFOUND, "positive, neutral");
	ck_assert_fails(triad_tone_from_id(NULL, "x"), TRIAD_EINVAL, "out is NULL");
	ck_assert_ptr_null(triad_initiator_id(TRIAD_INITIATOR_NONE));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ptr_null(triad_tone_id((triad_tone)4));
	triad_contact c;
	ck_assert_ok(triad_contact_init(&c, TRIAD_CONTACT_VERSION));
	ck_assert_uint_eq(c.version, TRIAD_CONTACT_VERSION);
	ck_assert_ptr_null(c.id);
	ck_assert_fails(triad_contact_init(&c, 2), TRIAD_EINVAL, "version 2 is unknown");
	ck_assert_fails(triad_contact_init(NULL, 1), TRIAD_EINVAL, NULL);
}
END_TEST

START_TEST(add_get_find)
{
	triad_contactlog *log = small_log();
	ck_assert_uint_eq(triad_contactlog_count(log), 4);
	size_t idx = 99;
	ck_assert_ok(triad_contactlog_find(&idx, log, "c3"));
	ck_assert_uint_eq(idx, 2);
	triad_contact c;
	ck_assert_ok(triad_contactlog_get(&c, log, 0));
	ck_assert_str_eq(c.id, "c1");
	ck_assert_int_eq(c.date, D(2026, 9, 14));
	ck_assert_int_eq(c.minute, 1170);
	ck_assert_int_eq(c.kind, TRIAD_CONTACT_MENTOR_CALL);
	ck_assert_int_eq(c.channel, TRIAD_CHANNEL_PHONE);
	ck_assert_int_eq(c.initiator, TRIAD_INITIATOR_SCHOOL);
	ck_assert_int_eq(c.tone, TRIAD_TONE_POSITIVE);
	ck_assert_int_eq(c.reached, 1);
	ck_assert_int_eq(c.student_present, 1);
	ck_assert_str_eq(c.household, "h-1");
	ck_assert_str_eq(c.staff, "t-mol");
	ck_assert_ptr_null(c.answers);
	ck_assert_uint_eq(c.guardian_count, 2);
	ck_assert_ptr_null(c.guardians);
	ck_assert_str_eq(triad_contactlog_guardian(log, 0, 0), "g-anne");
	ck_assert_str_eq(triad_contactlog_guardian(log, 0, 1), "g-bas");
	ck_assert_ptr_null(triad_contactlog_guardian(log, 0, 2));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ok(triad_contactlog_get(&c, log, 2));
	ck_assert_str_eq(c.answers, "c2");
	ck_assert_uint_eq(c.student_count, 2);
	ck_assert_str_eq(triad_contactlog_student(log, 2, 1), "s-tess");
	ck_assert_ptr_null(triad_contactlog_student(log, 9, 0));
	ck_assert_ok(triad_contactlog_get(&c, log, 1));
	ck_assert_ptr_null(c.staff);
	ck_assert_uint_eq(c.guardian_count, 0);
	ck_assert_fails(triad_contactlog_get(&c, log, 4), TRIAD_EINVAL, "out of range");
	ck_assert_fails(triad_contactlog_find(&idx, log, "c9"), TRIAD_ENOTFOUND, "\"c9\"");
	/* 4 entries of 32 bytes at least, and the ids. */
	ck_assert_uint_gt(triad_contactlog_memory(log), 4 * 32);
	ck_assert_uint_eq(triad_contactlog_count(NULL), 0);
	triad_contactlog_free(log);
	triad_contactlog_free(NULL);
}
END_TEST

START_TEST(add_rejects_bad_entries)
{
	triad_contactlog *log = small_log();
	char *before = NULL;
	ck_assert_ok(triad_contactlog_to_json(&before, log));
	triad_contact c = entry("c1", D(2026, 9, 20), 600);
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EEXISTS, "\"c1\" is already");
	c.id = "c5";
	c.answers = "c0";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_ENOTFOUND,
	                "entry c5 answers \"c0\", but the log has no such entry");
	c.answers = "c4"; /* c4 is on 1 October, after 20 September */
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_ERANGE, "lies before it");
	c.answers = "c5";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "answers itself");
	c = entry("c5", D(2026, 9, 20), 1440);
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "1440 is not a minute");
	c = entry("c5", D(2026, 9, 20), 600);
	c.kind = (triad_contact_kind)10;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "kind 10");
	c = entry("c5", D(2026, 9, 20), 600);
	c.channel = TRIAD_CHANNEL_NONE;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "channel 0");
	c = entry("c5", D(2026, 9, 20), 600);
	c.initiator = TRIAD_INITIATOR_NONE;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "initiator 0");
	c = entry("c5", D(2026, 9, 20), 600);
	c.tone = (triad_tone)7;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "tone 7");
	c = entry("c5", D(2026, 9, 20), 600);
	c.household = NULL;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "household is missing");
	c.household = "";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "1..64 bytes");
	c.household = "h\x01";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "control character");
	c.household = "h\xc3";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "not valid UTF-8");
	c = entry("c5", D(2026, 9, 20), 600);
	c.staff = "01234567890123456789012345678901234567890123456789012345678901234";
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "staff member");
	c = entry("c5", D(2026, 9, 20), 600);
	c.guardians = G_BOTH;
	c.guardian_count = 3; /* caller's count is wrong: only trust what is checked */
	c.guardian_count = TRIAD_CONTACT_PEOPLE_MAX + 1;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "at most 32");
	const char *const dup[] = { "s-sam", "s-sam" };
	c = entry("c5", D(2026, 9, 20), 600);
	c.students = dup;
	c.student_count = 2;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "\"s-sam\" is listed twice");
	c.students = NULL;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "list is NULL");
	c = entry("c5", D(2026, 9, 20), 600);
	c.version = 9;
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "version is 9");
	c = entry("c5", 3000000, 600);
	ck_assert_fails(triad_contactlog_add(log, &c), TRIAD_EINVAL, "outside years");
	ck_assert_fails(triad_contactlog_add(NULL, &c), TRIAD_EINVAL, "log is NULL");
	ck_assert_fails(triad_contactlog_add(log, NULL), TRIAD_EINVAL, "NULL");
	/* Nothing changed. */
	char *after = NULL;
	ck_assert_ok(triad_contactlog_to_json(&after, log));
	ck_assert_str_eq(before, after);
	triad_free(before);
	triad_free(after);
	triad_contactlog_free(log);
}
END_TEST

START_TEST(correct_and_remove)
{
	triad_contactlog *log = small_log();
	triad_contact c = entry("c4", D(2026, 10, 2), 10 * 60);
	c.reached = 1;
	c.tone = TRIAD_TONE_NEUTRAL;
	ck_assert_ok(triad_contactlog_correct(log, &c));
	triad_contact got;
	ck_assert_ok(triad_contactlog_get(&got, log, 3));
	ck_assert_str_eq(got.id, "c4");
	ck_assert_int_eq(got.date, D(2026, 10, 2));
	ck_assert_int_eq(got.reached, 1);
	ck_assert_int_eq(got.tone, TRIAD_TONE_NEUTRAL);
	ck_assert_uint_eq(got.guardian_count, 1);
	ck_assert_str_eq(triad_contactlog_guardian(log, 3, 0), "g-anne");
	ck_assert_uint_eq(triad_contactlog_count(log), 4);

	c.id = "c7";
	ck_assert_fails(triad_contactlog_correct(log, &c), TRIAD_ENOTFOUND,
	                "cannot correct entry \"c7\"");
	/* Moving c2 after its answer c3 (16 September 12:05) is refused. */
	c = entry("c2", D(2026, 9, 17), 8 * 60);
	c.household = "h-2";
	ck_assert_fails(triad_contactlog_correct(log, &c), TRIAD_ERANGE,
	                "entry c3 answers entry c2, which the correction would move after it");
	c = entry("c3", D(2026, 9, 16), 600);
	c.answers = "c3";
	ck_assert_fails(triad_contactlog_correct(log, &c), TRIAD_EINVAL, "answers itself");
	c.answers = "c9";
	ck_assert_fails(triad_contactlog_correct(log, &c), TRIAD_ENOTFOUND, "no such entry");
	ck_assert_ok(triad_contactlog_get(&got, log, 2));
	ck_assert_int_eq(got.minute, 12 * 60 + 5);

	ck_assert_fails(triad_contactlog_remove(log, "c2"), TRIAD_ESTATE,
	                "cannot remove entry c2: entry c3 answers it");
	ck_assert_fails(triad_contactlog_remove(log, "c9"), TRIAD_ENOTFOUND, "\"c9\"");
	ck_assert_fails(triad_contactlog_remove(log, NULL), TRIAD_EINVAL, NULL);
	ck_assert_ok(triad_contactlog_remove(log, "c3"));
	ck_assert_ok(triad_contactlog_remove(log, "c2"));
	ck_assert_uint_eq(triad_contactlog_count(log), 2);
	size_t idx;
	ck_assert_ok(triad_contactlog_find(&idx, log, "c4"));
	ck_assert_uint_eq(idx, 1);
	ck_assert_fails(triad_contactlog_find(&idx, log, "c2"), TRIAD_ENOTFOUND, NULL);
	/* A removed id may be used again. */
	c = entry("c2", D(2026, 11, 1), 600);
	ck_assert_ok(triad_contactlog_add(log, &c));
	ck_assert_ok(triad_contactlog_find(&idx, log, "c2"));
	ck_assert_uint_eq(idx, 2);
	triad_contactlog_free(log);
}
END_TEST

static const char *const DOC =
	"{\n"
	"  \"format\": \"triad.contact-log/1\",\n"
	"  \"entries\": [\n"
	"    {\n"
	"      \"id\": \"c1\",\n"
	"      \"at\": \"2026-09-14T19:30\",\n"
	"      \"kind\": \"mentor_call\",\n"
	"      \"channel\": \"phone\",\n"
	"      \"initiator\": \"school\",\n"
	"      \"tone\": \"positive\",\n"
	"      \"reached\": true,\n"
	"      \"household\": \"h-1\",\n"
	"      \"staff\": \"t-mol\",\n"
	"      \"student_present\": true,\n"
	"      \"guardians\": [\n"
	"        \"g-anne\",\n"
	"        \"g-bas\"\n"
	"      ],\n"
	"      \"students\": [\n"
	"        \"s-sam\"\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"c2\",\n"
	"      \"at\": \"2026-09-15T08:00\",\n"
	"      \"kind\": \"concern\",\n"
	"      \"channel\": \"email\",\n"
	"      \"initiator\": \"parent\",\n"
	"      \"tone\": \"concern\",\n"
	"      \"reached\": true,\n"
	"      \"household\": \"h-2\",\n"
	"      \"student_present\": false,\n"
	"      \"guardians\": [],\n"
	"      \"students\": [\n"
	"        \"s-sam\",\n"
	"        \"s-tess\"\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"c3\",\n"
	"      \"at\": \"2026-09-16T12:05\",\n"
	"      \"kind\": \"concern\",\n"
	"      \"channel\": \"phone\",\n"
	"      \"initiator\": \"school\",\n"
	"      \"tone\": \"neutral\",\n"
	"      \"reached\": true,\n"
	"      \"household\": \"h-2\",\n"
	"      \"staff\": \"t-mol\",\n"
	"      \"answers\": \"c2\",\n"
	"      \"student_present\": false,\n"
	"      \"guardians\": [\n"
	"        \"g-anne\"\n"
	"      ],\n"
	"      \"students\": [\n"
	"        \"s-sam\",\n"
	"        \"s-tess\"\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"c4\",\n"
	"      \"at\": \"2026-10-01T09:00\",\n"
	"      \"kind\": \"mentor_call\",\n"
	"      \"channel\": \"phone\",\n"
	"      \"initiator\": \"school\",\n"
	"      \"tone\": \"positive\",\n"
	"      \"reached\": false,\n"
	"      \"household\": \"h-1\",\n"
	"      \"staff\": \"t-mol\",\n"
	"      \"student_present\": false,\n"
	"      \"guardians\": [],\n"
	"      \"students\": [\n"
	"        \"s-sam\"\n"
	"      ]\n"
	"    }\n"
	"  ]\n"
	"}\n";

START_TEST(json_round_trip)
{
	/* The log built through the API serializes to exactly DOC (written by
	 * hand above), and DOC loads back into the same log. */
	triad_contactlog *log = small_log();
	char *text = NULL;
	ck_assert_ok(triad_contactlog_to_json(&text, log));
	ck_assert_str_eq(text, DOC);
	triad_contactlog *back = NULL;
	ck_assert_ok(triad_contactlog_load_string(&back, text, strlen(text), "log.json"));
	char *again = NULL;
	ck_assert_ok(triad_contactlog_to_json(&again, back));
	ck_assert_str_eq(again, DOC);
	/* Through a file too. */
	char path[] = "/tmp/triad-log-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_ok(triad_contactlog_save(back, path));
	triad_contactlog *fromfile = NULL;
	ck_assert_ok(triad_contactlog_load(&fromfile, path));
	ck_assert_uint_eq(triad_contactlog_count(fromfile), 4);
	unlink(path);
	ck_assert_fails(triad_contactlog_load(&fromfile, "/nonexistent/log.json"), TRIAD_EIO,
	                "cannot open /nonexistent/log.json");
	/* An empty log. */
	triad_contactlog *empty = NULL;
	const char *e = "{\"format\": \"triad.contact-log/1\", \"entries\": []}";
	ck_assert_ok(triad_contactlog_load_string(&empty, e, strlen(e), NULL));
	ck_assert_uint_eq(triad_contactlog_count(empty), 0);
	triad_contactlog_free(empty);
	triad_contactlog_free(fromfile);
	triad_free(text);
	triad_free(again);
	triad_contactlog_free(back);
	triad_contactlog_free(log);
}
END_TEST

/* One entry line with a replaceable part, for the bad-input table. */
#define ENTRY(extra)                                                                  \
	"{\"id\": \"c1\", \"at\": \"2026-09-14T19:30\", \"kind\": \"mentor_call\", "  \
	"\"channel\": \"phone\", \"initiator\": \"school\", \"tone\": \"positive\", " \
	"\"reached\": true, \"household\": \"h-1\"" extra "}"
#define DOC1(entries) "{\"format\": \"triad.contact-log/1\", \"entries\": [" entries "]}"

static const struct bad_doc {
	const char *text;
	int code;
	const char *path;
	const char *needle;
} bad_docs[] = {
	{ "{\"format\": \"triad.contact-log/1\",\n \"entries\": [,]}", TRIAD_EPARSE, "",
	  "line 2" },
	{ "{\"format\": \"triad.contact-log/2\", \"entries\": []}", TRIAD_EVERSION, "format",
	  "newer than this version" },
	{ "{\"format\": \"triad.contact-plan/1\", \"entries\": []}", TRIAD_EFORMAT, "format",
	  "expected \"triad.contact-log/1\"" },
	{ "{\"format\": \"triad.contact-log/1\"}", TRIAD_EFORMAT, "",
	  "\"entries\" is missing" },
	{ "{\"format\": \"triad.contact-log/1\", \"entries\": [], \"x\": 1}", TRIAD_EFORMAT,
	  "x", "unknown field \"x\"" },
	{ DOC1(ENTRY(", \"colour\": \"red\"")), TRIAD_EFORMAT, "entries[0].colour",
	  "unknown field" },
	{ DOC1("3"), TRIAD_EFORMAT, "entries[0]", "expected an object, got an integer" },
	{ DOC1(ENTRY(", \"staff\": 7")), TRIAD_EFORMAT, "entries[0].staff",
	  "expected a string, got an integer" },
	{ DOC1(ENTRY(", \"student_present\": \"yes\"")), TRIAD_EFORMAT,
	  "entries[0].student_present", "expected true or false" },
	{ DOC1("{\"id\": \"c1\", \"at\": \"2026-02-29T10:00\", \"kind\": \"intake\", "
	       "\"channel\": \"phone\", \"initiator\": \"school\", \"tone\": \"positive\", "
	       "\"reached\": true, \"household\": \"h-1\"}"),
	  TRIAD_EFORMAT, "entries[0].at", "\"2026-02-29T10:00\" is not an existing" },
	{ DOC1("{\"id\": \"c1\", \"at\": \"2026-09-14T24:00\", \"kind\": \"intake\", "
	       "\"channel\": \"phone\", \"initiator\": \"school\", \"tone\": \"positive\", "
	       "\"reached\": true, \"household\": \"h-1\"}"),
	  TRIAD_EFORMAT, "entries[0].at", "YYYY-MM-DDTHH:MM" },
	{ DOC1("{\"id\": \"c1\", \"at\": \"2026-09-14\", \"kind\": \"intake\", "
	       "\"channel\": \"phone\", \"initiator\": \"school\", \"tone\": \"positive\", "
	       "\"reached\": true, \"household\": \"h-1\"}"),
	  TRIAD_EFORMAT, "entries[0].at", "YYYY-MM-DDTHH:MM" },
	{ DOC1("{\"id\": \"c1\", \"at\": \"2026-09-14T10:00\", \"kind\": \"chat\", "
	       "\"channel\": \"phone\", \"initiator\": \"school\", \"tone\": \"positive\", "
	       "\"reached\": true, \"household\": \"h-1\"}"),
	  TRIAD_EFORMAT, "entries[0].kind", "\"chat\" is not one of" },
	{ DOC1("{\"id\": \"c1\", \"at\": \"2026-09-14T10:00\", \"kind\": \"intake\", "
	       "\"channel\": \"phone\", \"initiator\": \"school\", \"tone\": \"positive\", "
	       "\"household\": \"h-1\"}"),
	  TRIAD_EFORMAT, "entries[0]", "\"reached\" is missing" },
	{ DOC1(ENTRY("") ", " ENTRY("")), TRIAD_EFORMAT, "entries[1].id",
	  "the id \"c1\" is used by an earlier entry" },
	{ DOC1(ENTRY(", \"answers\": \"c0\"")), TRIAD_EFORMAT, "entries[0].answers",
	  "but the log has no such entry" },
	{ DOC1(ENTRY(", \"answers\": \"c1\"")), TRIAD_EFORMAT, "entries[0].answers",
	  "answers itself" },
	{ DOC1(ENTRY(", \"guardians\": [\"g1\", 2]")), TRIAD_EFORMAT,
	  "entries[0].guardians[1]", "expected a string" },
	{ DOC1(ENTRY(", \"students\": [\"s1\", \"s1\"]")), TRIAD_EFORMAT,
	  "entries[0].students[1]", "listed twice" },
	{ DOC1(ENTRY(", \"students\": \"s1\"")), TRIAD_EFORMAT, "entries[0].students",
	  "expected an array" },
	{ DOC1(ENTRY(", \"staff\": \"\"")), TRIAD_EFORMAT, "entries[0].staff",
	  "1..64 bytes" },
	{ DOC1(ENTRY(", \"guardians\": [\"g\\u0007\"]")), TRIAD_EFORMAT,
	  "entries[0].guardians[0]", "control character" },
	{ "{\"format\": \"triad.contact-log/1\", \"entries\": [\"\xff\"]}", TRIAD_EPARSE, "",
	  "unable to decode byte 0xff" },
};

START_TEST(json_bad_input)
{
	for (size_t i = 0; i < sizeof bad_docs / sizeof *bad_docs; i++) {
		const struct bad_doc *b = &bad_docs[i];
		triad_contactlog *log = NULL;
		int rc = triad_contactlog_load_string(&log, b->text, strlen(b->text), "log.json");
		ck_assert_msg(rc == b->code, "case %zu: got %d (%s), expected %d", i, rc,
		              triad_error_last()->message, b->code);
		ck_assert_ptr_null(log);
		ck_assert_msg(strcmp(triad_error_last()->path, b->path) == 0,
		              "case %zu: path \"%s\", expected \"%s\"", i,
		              triad_error_last()->path, b->path);
		ck_assert_msg(test_message_has(b->needle), "case %zu: \"%s\" lacks \"%s\"", i,
		              triad_error_last()->message, b->needle);
		ck_assert_msg(test_message_has("log.json"), "case %zu: no source in \"%s\"", i,
		              triad_error_last()->message);
	}
	/* A syntax error names line and column. */
	triad_contactlog *log = NULL;
	const char *t = bad_docs[0].text;
	ck_assert_fails(triad_contactlog_load_string(&log, t, strlen(t), "log.json"),
	                TRIAD_EPARSE, "log.json: line 2");
	ck_assert_int_eq(triad_error_last()->line, 2);
	ck_assert_int_eq(triad_error_last()->column, 14);
	/* The answered entry must not come later. */
	const char *late = DOC1(
		"{\"id\": \"a\", \"at\": \"2026-09-14T10:00\", \"kind\": \"concern\", "
		"\"channel\": \"phone\", \"initiator\": \"school\", \"tone\": \"neutral\", "
		"\"reached\": true, \"household\": \"h-1\", \"answers\": \"q\"}, "
		"{\"id\": \"q\", \"at\": \"2026-09-14T10:01\", \"kind\": \"concern\", "
		"\"channel\": \"email\", \"initiator\": \"parent\", \"tone\": \"concern\", "
		"\"reached\": true, \"household\": \"h-1\"}");
	ck_assert_fails(triad_contactlog_load_string(&log, late, strlen(late), NULL),
	                TRIAD_EFORMAT, "entry a answers entry q but lies before it");
	ck_assert_str_eq(triad_error_last()->path, "entries[0].answers");
	ck_assert_fails(triad_contactlog_load_string(NULL, late, strlen(late), NULL),
	                TRIAD_EINVAL, NULL);
}
END_TEST

static const char *temp_path_last; /* the path temp_path() made last */

static char *temp_path(void)
{
	static char path[64];
	temp_path_last = path;
	snprintf(path, sizeof path, "/tmp/triad-jsonl-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	return path;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(jsonl_round_trip_and_streaming)
{
	triad_contactlog *log = small_log();
	char *path = temp_path();
	ck_assert_ok(triad_contactlog_save_jsonl(log, path));
	/* The first line names the format; then one compact entry a line. */
	FILE *f = fopen(path, "r");
	char line[1024];
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_str_eq(line, "{\"format\":\"triad.contact-log/1\"}\n");
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_str_eq(line,
	                 "{\"id\":\"c1\",\"at\":\"2026-09-14T19:30\",\"kind\":\"mentor_call\","
	                 "\"channel\":\"phone\",\"initiator\":\"school\",\"tone\":\"positive\","
	                 "\"reached\":true,\"household\":\"h-1\",\"staff\":\"t-mol\","
	                 "\"student_present\":true,\"guardians\":[\"g-anne\",\"g-bas\"],"
	                 "\"students\":[\"s-sam\"]}\n");
	fclose(f);

	triad_contactlog *back = NULL;
	ck_assert_ok(triad_contactlog_load_jsonl(&back, path));
	char *a = NULL, *b = NULL;
	ck_assert_ok(triad_contactlog_to_json(&a, log));
	ck_assert_ok(triad_contactlog_to_json(&b, back));
	ck_assert_str_eq(a, b);

	/* Stream: read each entry and write it to a second file. */
	triad_contact_reader *r = NULL;
	ck_assert_ok(triad_contact_reader_open(&r, path));
	char path2[sizeof "/.copy" + 64]; /* path is at most 64 bytes */
	snprintf(path2, sizeof path2, "%s.copy", path);
	triad_contact_writer *w = NULL;
	ck_assert_ok(triad_contact_writer_open(&w, path2));
	int got = 0, n = 0;
	triad_contact c;
	while (triad_contact_reader_next(&got, &c, r) == 0 && got) {
		n++;
		ck_assert_uint_eq(triad_contact_reader_line(r), (size_t)n + 1);
		if (n == 3) {
			ck_assert_str_eq(c.answers, "c2");
			ck_assert_str_eq(c.students[1], "s-tess");
		}
		ck_assert_ok(triad_contact_writer_write(w, &c));
	}
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(got, 0);
	/* Reading past the end stays at the end. */
	ck_assert_ok(triad_contact_reader_next(&got, &c, r));
	ck_assert_int_eq(got, 0);
	triad_contact_reader_free(r);
	triad_contact bad = entry("", D(2026, 9, 1), 0);
	ck_assert_fails(triad_contact_writer_write(w, &bad), TRIAD_EINVAL, "entry id");
	ck_assert_ok(triad_contact_writer_close(w));
	triad_contactlog *copy = NULL;
	ck_assert_ok(triad_contactlog_load_jsonl(&copy, path2));
	char *cc = NULL;
	ck_assert_ok(triad_contactlog_to_json(&cc, copy));
	ck_assert_str_eq(a, cc);

	/* An abandoned writer leaves no file. */
	unlink(path2);
	ck_assert_ok(triad_contact_writer_open(&w, path2));
	triad_contact_writer_free(w);
	ck_assert_int_ne(access(path2, F_OK), 0);

	/* CRLF line ends and blank lines are accepted. */
	write_text(path, "{\"format\":\"triad.contact-log/1\"}\r\n\r\n" ENTRY("") "\r\n\n");
	triad_contactlog *crlf = NULL;
	ck_assert_ok(triad_contactlog_load_jsonl(&crlf, path));
	ck_assert_uint_eq(triad_contactlog_count(crlf), 1);
	triad_contactlog_free(crlf);

	unlink(path);
	triad_free(a);
	triad_free(b);
	triad_free(cc);
	triad_contactlog_free(copy);
	triad_contactlog_free(back);
	triad_contactlog_free(log);
}
END_TEST

static const struct bad_lines {
	const char *text;
	int code;
	int line;
	const char *path;
	const char *needle;
} bad_lines[] = {
	{ "", TRIAD_EFORMAT, 1, "", "the file is empty" },
	{ "{\"format\":\"triad.contact-log/9\"}\n", TRIAD_EVERSION, 1, "format", "line 1" },
	{ "{\"format\":\"triad.contact-log/1\",\"entries\":[]}\n", TRIAD_EFORMAT, 1, "entries",
	  "unknown field" },
	{ "[1]\n", TRIAD_EFORMAT, 1, "", "expected an object" },
	{ "{\"format\":\"triad.contact-log/1\"}\n" ENTRY("") "\n"
	  "{\"id\": \"c2\", \"at\": \"2026-09-14T19:30\", \"kind\": \"call\", \"channel\": "
	  "\"phone\", \"initiator\": \"school\", \"tone\": \"positive\", \"reached\": true, "
	  "\"household\": \"h-1\"}\n",
	  TRIAD_EFORMAT, 3, "kind", "line 3: at kind: \"call\" is not one of" },
	{ "{\"format\":\"triad.contact-log/1\"}\n" ENTRY("") "\n" ENTRY("") "\n",
	  TRIAD_EFORMAT, 3, "id", "line 3: at id: the id \"c1\" is used by an earlier entry" },
	{ "{\"format\":\"triad.contact-log/1\"}\n" ENTRY("") "\n{\"id\": }\n", TRIAD_EPARSE, 3,
	  "", "line 3, column" },
	{ "{\"format\":\"triad.contact-log/1\"}\n" ENTRY("") "\n" ENTRY(", \"x\": 1") "\n",
	  TRIAD_EFORMAT, 3, "x", "unknown field" },
	{ "{\"format\":\"triad.contact-log/1\"}\n" ENTRY("") "\n\"c\"\n", TRIAD_EFORMAT, 3, "",
	  "the line holds a string" },
	{ "{\"format\":\"triad.contact-log/1\"}\n\n" ENTRY(", \"answers\": \"c9\"") "\n",
	  TRIAD_EFORMAT, 3, "answers", "line 3: at answers: entry c1 answers \"c9\"" },
	{ "{\"format\":\"triad.contact-log/1\"}\n" ENTRY(", \"guardians\": [\"a\", null]") "\n",
	  TRIAD_EFORMAT, 2, "guardians[1]", "expected a string, got null" },
};

START_TEST(jsonl_bad_input)
{
	char *path = temp_path();
	for (size_t i = 0; i < sizeof bad_lines / sizeof *bad_lines; i++) {
		const struct bad_lines *b = &bad_lines[i];
		write_text(path, b->text);
		triad_contactlog *log = NULL;
		int rc = triad_contactlog_load_jsonl(&log, path);
		ck_assert_msg(rc == b->code, "case %zu: got %d (%s), expected %d", i, rc,
		              triad_error_last()->message, b->code);
		ck_assert_ptr_null(log);
		ck_assert_msg(triad_error_last()->line == b->line, "case %zu: line %d, expected %d",
		              i, (int)triad_error_last()->line, b->line);
		ck_assert_msg(strcmp(triad_error_last()->path, b->path) == 0,
		              "case %zu: path \"%s\", expected \"%s\"", i,
		              triad_error_last()->path, b->path);
		ck_assert_msg(test_message_has(b->needle), "case %zu: \"%s\" lacks \"%s\"", i,
		              triad_error_last()->message, b->needle);
		ck_assert_msg(test_message_has(path), "case %zu: no file name in \"%s\"", i,
		              triad_error_last()->message);
	}
	/* A reader reports the bad line and can go on with the next one. */
	write_text(path, "{\"format\":\"triad.contact-log/1\"}\n{\"id\":1}\n" ENTRY("") "\n");
	triad_contact_reader *r = NULL;
	ck_assert_ok(triad_contact_reader_open(&r, path));
	int got = 7;
	triad_contact c;
	ck_assert_fails(triad_contact_reader_next(&got, &c, r), TRIAD_EFORMAT,
	                "line 2: at id: expected a string");
	ck_assert_int_eq(got, 7);
	ck_assert_ok(triad_contact_reader_next(&got, &c, r));
	ck_assert_int_eq(got, 1);
	ck_assert_str_eq(c.id, "c1");
	triad_contact_reader_free(r);
	triad_contact_reader_free(NULL);
	unlink(path);
	ck_assert_fails(triad_contact_reader_open(&r, path), TRIAD_EIO, "cannot open");
	ck_assert_fails(triad_contact_writer_open(NULL, path), TRIAD_EINVAL, NULL);
	triad_contact_writer *w = NULL;
	ck_assert_fails(triad_contact_writer_open(&w, "/nonexistent/dir/x.jsonl"), TRIAD_EIO,
	                "/nonexistent/dir/x.jsonl");
}
END_TEST


START_TEST(many_entries_stream_compactly)
{
	/* 10,000 entries over 1,000 households: the JSON Lines round trip gives
	 * the same log, and the store stays under 200 bytes an entry. */
	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_new(&log));
	for (int i = 0; i < 10000; i++) {
		char id[16], hh[16], g[16], st[16];
		snprintf(id, sizeof id, "c%05d", i);
		snprintf(hh, sizeof hh, "h%04d", i % 1000);
		snprintf(g, sizeof g, "g%04d", i % 1000);
		snprintf(st, sizeof st, "s%04d", i % 1000);
		const char *gs[] = { g };
		const char *ss[] = { st };
		triad_contact c = entry(id, D(2026, 9, 1) + i % 200, i % 1440);
		c.household = hh;
		c.guardians = gs;
		c.students = ss;
		c.reached = i % 3 != 0;
		ck_assert_ok(triad_contactlog_add(log, &c));
	}
	ck_assert_uint_lt(triad_contactlog_memory(log) / triad_contactlog_count(log), 200);
	char *path = temp_path();
	ck_assert_ok(triad_contactlog_save_jsonl(log, path));
	triad_contactlog *back = NULL;
	ck_assert_ok(triad_contactlog_load_jsonl(&back, path));
	unlink(path);
	ck_assert_uint_eq(triad_contactlog_count(back), 10000);
	char *a = NULL, *b = NULL;
	ck_assert_ok(triad_contactlog_to_json(&a, log));
	ck_assert_ok(triad_contactlog_to_json(&b, back));
	ck_assert_str_eq(a, b);
	triad_contact c;
	ck_assert_ok(triad_contactlog_get(&c, back, 9999));
	ck_assert_str_eq(c.id, "c09999");
	ck_assert_str_eq(c.household, "h0999");
	ck_assert_int_eq(c.minute, 9999 % 1440);
	triad_free(a);
	triad_free(b);
	triad_contactlog_free(back);
	triad_contactlog_free(log);
}
END_TEST

START_TEST(household_export)
{
	triad_contactlog *log = small_log();
	triad_contact c = entry("c5", D(2026, 9, 17), 600);
	c.answers = "c2"; /* h-1's entry answering h-2's: the link must not leak */
	ck_assert_ok(triad_contactlog_add(log, &c));
	triad_contactlog *h1 = NULL;
	ck_assert_ok(triad_contactlog_for_household(&h1, log, "h-1"));
	/* c1, c4, c5 of h-1 */
	ck_assert_uint_eq(triad_contactlog_count(h1), 3);
	char *text = NULL;
	ck_assert_ok(triad_contactlog_to_json(&text, h1));
	ck_assert_ptr_null(strstr(text, "h-2"));
	ck_assert_ptr_null(strstr(text, "c2"));
	ck_assert_ptr_null(strstr(text, "s-tess"));
	ck_assert_ptr_nonnull(strstr(text, "\"c5\""));
	triad_free(text);
	ck_assert_fails(triad_contactlog_for_household(&h1, log, "h-9"), TRIAD_ENOTFOUND,
	                "no entry for household \"h-9\"");
	ck_assert_fails(triad_contactlog_for_household(&h1, log, "c1"), TRIAD_ENOTFOUND, NULL);
	triad_contactlog_free(h1);
	triad_contactlog_free(log);
}
END_TEST

static const unsigned char KEY1[32] = "0123456789abcdef0123456789abcde";
static const unsigned char KEY2[32] = "another secret key of 32 bytes!";

START_TEST(pseudonyms)
{
	char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
	ck_assert_ok(triad_pseudonym(&a, "s-123456", KEY1, 32));
	ck_assert_ok(triad_pseudonym(&b, "s-123456", KEY1, 32));
	ck_assert_ok(triad_pseudonym(&c, "s-123456", KEY2, 32));
	ck_assert_ok(triad_pseudonym(&d, "s-123457", KEY1, 32));
	ck_assert_uint_eq(strlen(a), 25);
	ck_assert_int_eq(a[0], 'p');
	ck_assert_str_eq(a, b);    /* stable per key */
	ck_assert_str_ne(a, c);    /* different across keys */
	ck_assert_str_ne(a, d);    /* different ids differ */
	ck_assert_fails(triad_pseudonym(&a, "s-1", KEY1, 15), TRIAD_EINVAL, "16..64 bytes");
	ck_assert_fails(triad_pseudonym(&a, "s-1", KEY1, 65), TRIAD_EINVAL, "is 65 bytes");
	ck_assert_fails(triad_pseudonym(&a, NULL, KEY1, 32), TRIAD_EINVAL, NULL);

	triad_contactlog *log = small_log(), *p1 = NULL, *p1b = NULL, *p2 = NULL;
	ck_assert_ok(triad_contactlog_pseudonymize(&p1, log, KEY1, 32));
	ck_assert_ok(triad_contactlog_pseudonymize(&p1b, log, KEY1, 32));
	ck_assert_ok(triad_contactlog_pseudonymize(&p2, log, KEY2, 32));
	char *t1 = NULL, *t1b = NULL, *t2 = NULL;
	ck_assert_ok(triad_contactlog_to_json(&t1, p1));
	ck_assert_ok(triad_contactlog_to_json(&t1b, p1b));
	ck_assert_ok(triad_contactlog_to_json(&t2, p2));
	ck_assert_str_eq(t1, t1b);
	ck_assert_str_ne(t1, t2);
	const char *ids[] = { "\"c1\"", "h-1", "h-2", "g-anne", "g-bas", "s-sam", "s-tess",
		              "t-mol" };
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		ck_assert_msg(!strstr(t1, ids[i]), "%s survived pseudonymisation", ids[i]);
	/* The structure stays: c3 answers c2, under their pseudonyms; the
	 * student s-sam gets the same pseudonym in every entry. */
	triad_contact e2, e3;
	ck_assert_ok(triad_contactlog_get(&e2, p1, 1));
	ck_assert_ok(triad_contactlog_get(&e3, p1, 2));
	char *pc2 = NULL, *psam = NULL;
	ck_assert_ok(triad_pseudonym(&pc2, "c2", KEY1, 32));
	ck_assert_ok(triad_pseudonym(&psam, "s-sam", KEY1, 32));
	ck_assert_str_eq(e2.id, pc2);
	ck_assert_str_eq(e3.answers, pc2);
	ck_assert_str_eq(triad_contactlog_student(p1, 0, 0), psam);
	ck_assert_str_eq(triad_contactlog_student(p1, 2, 0), psam);
	ck_assert_int_eq(e3.date, D(2026, 9, 16));
	ck_assert_int_eq(e3.tone, TRIAD_TONE_NEUTRAL);
	ck_assert_fails(triad_contactlog_pseudonymize(&p2, log, KEY1, 8), TRIAD_EINVAL,
	                "8 bytes");
	triad_free(a);
	triad_free(b);
	triad_free(c);
	triad_free(d);
	triad_free(t1);
	triad_free(t1b);
	triad_free(t2);
	triad_free(pc2);
	triad_free(psam);
	triad_contactlog_free(p1);
	triad_contactlog_free(p1b);
	triad_contactlog_free(p2);
	triad_contactlog_free(log);
}
END_TEST

START_TEST(erasure)
{
	triad_contactlog *log = small_log();
	triad_strlist *removed = NULL;
	size_t changed = 99;
	/* Household h-2: c2 and c3 go. */
	ck_assert_ok(triad_contactlog_erase(&removed, &changed, log, "h-2"));
	ck_assert_uint_eq(triad_strlist_count(removed), 2);
	ck_assert_str_eq(triad_strlist_at(removed, 0), "c2");
	ck_assert_str_eq(triad_strlist_at(removed, 1), "c3");
	ck_assert_uint_eq(changed, 0);
	ck_assert_uint_eq(triad_contactlog_count(log), 2);
	triad_strlist_free(removed);
	/* Guardian g-bas: removed from c1, which stays. */
	ck_assert_ok(triad_contactlog_erase(&removed, &changed, log, "g-bas"));
	ck_assert_uint_eq(triad_strlist_count(removed), 0);
	ck_assert_uint_eq(changed, 1);
	ck_assert_str_eq(triad_contactlog_guardian(log, 0, 0), "g-anne");
	ck_assert_ptr_null(triad_contactlog_guardian(log, 0, 1));
	triad_strlist_free(removed);
	/* Staff t-mol: cleared from both. */
	ck_assert_ok(triad_contactlog_erase(&removed, &changed, log, "t-mol"));
	ck_assert_uint_eq(changed, 2);
	triad_contact c;
	ck_assert_ok(triad_contactlog_get(&c, log, 1));
	ck_assert_ptr_null(c.staff);
	triad_strlist_free(removed);
	/* Nothing of the erased people remains in the log's memory. */
	char *text = NULL;
	ck_assert_ok(triad_contactlog_to_json(&text, log));
	ck_assert_ptr_null(strstr(text, "h-2"));
	ck_assert_ptr_null(strstr(text, "g-bas"));
	ck_assert_ptr_null(strstr(text, "t-mol"));
	triad_free(text);
	ck_assert_fails(triad_contactlog_find(NULL, log, "c2"), TRIAD_EINVAL, NULL);
	size_t idx;
	ck_assert_fails(triad_contactlog_find(&idx, log, "c2"), TRIAD_ENOTFOUND, NULL);
	ck_assert_fails(triad_contactlog_erase(&removed, &changed, log, "h-2"), TRIAD_ENOTFOUND,
	                "\"h-2\" is no household, guardian, student or staff member");
	ck_assert_fails(triad_contactlog_erase(&removed, NULL, log, "c1"), TRIAD_ENOTFOUND, NULL);
	triad_contactlog_free(log);

	/* A student: entries about that student alone go, entries about siblings
	 * lose the student, and answers to removed entries are cleared. */
	log = small_log();
	ck_assert_ok(triad_contactlog_erase(&removed, &changed, log, "s-sam"));
	ck_assert_uint_eq(triad_strlist_count(removed), 2); /* c1, c4 */
	ck_assert_str_eq(triad_strlist_at(removed, 0), "c1");
	ck_assert_str_eq(triad_strlist_at(removed, 1), "c4");
	ck_assert_uint_eq(changed, 2); /* c2 and c3 lose s-sam */
	ck_assert_uint_eq(triad_contactlog_count(log), 2);
	ck_assert_ok(triad_contactlog_get(&c, log, 1));
	ck_assert_str_eq(c.answers, "c2");
	ck_assert_uint_eq(c.student_count, 1);
	ck_assert_str_eq(triad_contactlog_student(log, 1, 0), "s-tess");
	triad_strlist_free(removed);
	ck_assert_ok(triad_contactlog_erase(&removed, &changed, log, "s-tess"));
	ck_assert_uint_eq(triad_contactlog_count(log), 0);
	triad_strlist_free(removed);
	triad_contactlog_free(log);
}
END_TEST

START_TEST(retention)
{
	triad_contactlog *log = NULL;
	ck_assert_ok(triad_contactlog_new(&log));
	const triad_date days[] = { D(2024, 7, 31), D(2024, 8, 1), D(2025, 7, 31),
		                    D(2025, 8, 1), D(2026, 11, 26) };
	const char *ids[] = { "r1", "r2", "r3", "r4", "r5" };
	for (int i = 0; i < 5; i++) {
		triad_contact c = entry(ids[i], days[i], 600);
		ck_assert_ok(triad_contactlog_add(log, &c));
	}
	/* As of 2026-11-26 (school year 2026-2027), two school years keep
	 * everything from 2025-08-01: r4 and r5. */
	size_t removed = 0;
	ck_assert_ok(triad_contactlog_retain(&removed, log, D(2026, 11, 26), 2));
	ck_assert_uint_eq(removed, 3);
	ck_assert_uint_eq(triad_contactlog_count(log), 2);
	triad_contact c;
	ck_assert_ok(triad_contactlog_get(&c, log, 0));
	ck_assert_str_eq(c.id, "r4");
	/* As of 2026-07-31 (still school year 2025-2026) one school year keeps both. */
	ck_assert_ok(triad_contactlog_retain(&removed, log, D(2026, 7, 31), 1));
	ck_assert_uint_eq(removed, 0);
	/* As of 2026-08-01 one school year keeps r5 only. */
	ck_assert_ok(triad_contactlog_retain(&removed, log, D(2026, 8, 1), 1));
	ck_assert_uint_eq(removed, 1);
	ck_assert_ok(triad_contactlog_get(&c, log, 0));
	ck_assert_str_eq(c.id, "r5");
	ck_assert_fails(triad_contactlog_retain(&removed, log, D(2026, 8, 1), 0), TRIAD_EINVAL,
	                "1..100");
	ck_assert_fails(triad_contactlog_retain(&removed, NULL, D(2026, 8, 1), 1), TRIAD_EINVAL,
	                NULL);
	triad_contactlog_free(log);
}
END_TEST

/* ---- allocation-failure sweeps ---- */

typedef struct sweep_ctx {
	triad_contactlog *log;
	triad_contactlog *out;
	char *text;
	const char *path;
	char *before;
	triad_strlist *removed;
} sweep_ctx;

static char *dump(const triad_contactlog *log)
{
	failalloc_arm(0);
	char *t = NULL;
	ck_assert_ok(triad_contactlog_to_json(&t, log));
	return t;
}

static void same_as_before(sweep_ctx *x)
{
	char *now = dump(x->log);
	ck_assert_str_eq(now, x->before);
	triad_free(now);
}

static int run_add_many(void *p)
{
	sweep_ctx *x = p;
	/* Enough entries that the entry array, the pool and the id table grow. */
	for (int i = 0; i < 40; i++) {
		char id[16];
		snprintf(id, sizeof id, "n%02d", i);
		triad_contact c = entry(id, 20700 + i, 600);
		c.household = id;
		int rc = triad_contactlog_add(x->log, &c);
		if (rc)
			return rc;
	}
	return 0;
}

static void after_add_many(void *p, int rc)
{
	sweep_ctx *x = p;
	(void)rc;
	triad_contactlog_free(x->log);
	x->log = small_log();
}

static int run_load(void *p)
{
	sweep_ctx *x = p;
	return triad_contactlog_load_string(&x->out, DOC, strlen(DOC), "log.json");
}

static void after_load(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc == 0) {
		char *t = dump(x->out);
		ck_assert_str_eq(t, DOC);
		triad_free(t);
	}
	triad_contactlog_free(x->out);
	x->out = NULL;
}

static int run_to_json(void *p)
{
	sweep_ctx *x = p;
	return triad_contactlog_to_json(&x->text, x->log);
}

static void after_to_json(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc == 0)
		ck_assert_str_eq(x->text, DOC);
	triad_free(x->text);
	x->text = NULL;
}

static int run_load_jsonl(void *p)
{
	sweep_ctx *x = p;
	return triad_contactlog_load_jsonl(&x->out, x->path);
}

static int run_save_jsonl(void *p)
{
	sweep_ctx *x = p;
	return triad_contactlog_save_jsonl(x->log, x->path);
}

static void after_save_jsonl(void *p, int rc)
{
	(void)p;
	(void)rc;
}

static int run_erase(void *p)
{
	sweep_ctx *x = p;
	return triad_contactlog_erase(&x->removed, NULL, x->log, "s-sam");
}

static void after_erase(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc) {
		same_as_before(x);
	} else {
		ck_assert_uint_eq(triad_strlist_count(x->removed), 2);
		ck_assert_uint_eq(triad_contactlog_count(x->log), 2);
		triad_strlist_free(x->removed);
		x->removed = NULL;
		triad_contactlog_free(x->log);
		x->log = small_log();
	}
}

static int run_pseudo(void *p)
{
	sweep_ctx *x = p;
	return triad_contactlog_pseudonymize(&x->out, x->log, KEY1, 32);
}

static int run_household(void *p)
{
	sweep_ctx *x = p;
	return triad_contactlog_for_household(&x->out, x->log, "h-2");
}

static void after_out(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc == 0)
		ck_assert_uint_gt(triad_contactlog_count(x->out), 0);
	triad_contactlog_free(x->out);
	x->out = NULL;
	same_as_before(x);
}

static int run_retain(void *p)
{
	sweep_ctx *x = p;
	/* As of 2027-08-01 one school year keeps nothing of 2026. */
	return triad_contactlog_retain(NULL, x->log, D(2027, 8, 1), 1);
}

static void after_retain(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc) {
		same_as_before(x);
	} else {
		ck_assert_uint_eq(triad_contactlog_count(x->log), 0);
		triad_contactlog_free(x->log);
		x->log = small_log();
	}
}

static int run_correct(void *p)
{
	sweep_ctx *x = p;
	const char *const many[] = { "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9" };
	triad_contact c = entry("c4", D(2026, 10, 2), 600);
	c.guardians = many;
	c.guardian_count = 9;
	return triad_contactlog_correct(x->log, &c);
}

static void after_correct(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc) {
		same_as_before(x);
	} else {
		ck_assert_str_eq(triad_contactlog_guardian(x->log, 3, 8), "g9");
		triad_contactlog_free(x->log);
		x->log = small_log();
	}
}

/*
 * failalloc_sweep() for calls that parse JSON: jansson 2.14 reports some
 * failed allocations inside its lexer as syntax errors ("string or '}'
 * expected"), and drops a byte of a string when growing it fails (so
 * "triad.contact-log/1" reads "triad.contact-og/1"), so a run whose injected
 * failure hit jansson may end in TRIAD_EPARSE or TRIAD_EFORMAT.
 * Everything else is as strict: the call fails, nothing leaks, and the
 * after-check runs.
 */
static long sweep_parser(failalloc_run_fn run, failalloc_after_fn after, void *ctx)
{
	for (long n = 1;; n++) {
		long before = failalloc_live();
		failalloc_arm(n);
		int rc = run(ctx);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (failed && rc != 0)
			ck_assert_msg(rc == TRIAD_ENOMEM || rc == TRIAD_EPARSE || rc == TRIAD_EFORMAT,
			              "allocation %ld failed, but the call returned %d (%s)", n, rc,
			              triad_error_last()->message);
		else
			ck_assert_msg(rc == 0, "run %ld: the call returned %d (%s)", n, rc,
			              triad_error_last()->message);
		after(ctx, rc);
		ck_assert_msg(failalloc_live() == before, "allocation %ld failed: %ld block(s) leaked",
		              n, failalloc_live() - before);
		if (!failed)
			return n;
	}
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	sweep_ctx x = { 0 };
	x.log = small_log();
	x.before = dump(x.log);
	ck_assert_int_gt(failalloc_sweep(run_add_many, after_add_many, &x), 3);
	ck_assert_int_gt(sweep_parser(run_load, after_load, &x), 10);
	/* jansson's json_dumps dropped bytes of its output when growing its
	 * buffer failed (it wrote "staff: "t-mol"); triad__j_dump now writes
	 * through a buffer of ours that fails whole, so writing is swept with
	 * jansson's allocations failing too. */
	ck_assert_int_gt(failalloc_sweep(run_to_json, after_to_json, &x), 1);
	ck_assert_int_gt(failalloc_sweep(run_correct, after_correct, &x), 1);
	ck_assert_int_gt(failalloc_sweep(run_erase, after_erase, &x), 5);
	ck_assert_int_gt(failalloc_sweep(run_pseudo, after_out, &x), 5);
	ck_assert_int_gt(failalloc_sweep(run_household, after_out, &x), 5);
	ck_assert_int_gt(failalloc_sweep(run_retain, after_retain, &x), 1);
	x.path = temp_path();
	ck_assert_int_gt(failalloc_sweep(run_save_jsonl, after_save_jsonl, &x), 3);
	ck_assert_int_gt(sweep_parser(run_load_jsonl, after_load, &x), 10);
	unlink(x.path);
	triad_free(x.before);
	triad_contactlog_free(x.log);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/*
 * Regression (hardening): a line longer than the writer's first buffer
 * (1 KiB) is dumped twice, and the second json_dumpb can fail too (jansson
 * allocates for its loop check); that failure was taken for a length of 0
 * and an empty line written. Swept with jansson on the counting allocator:
 * every failure is TRIAD_ENOMEM, and every success writes the whole entry.
 */
static int run_long_line(void *p)
{
	const triad_contact *c = p;
	triad_contact_writer *w = NULL;
	int rc = triad_contact_writer_open(&w, temp_path());
	if (rc)
		return rc;
	if ((rc = triad_contact_writer_write(w, c))) {
		triad_contact_writer_free(w);
		return rc;
	}
	return triad_contact_writer_close(w);
}

static void after_long_line(void *p, int rc)
{
	const triad_contact *c = p;
	const char *path = temp_path_last;
	if (rc == 0) {
		json_malloc_t m;
		json_free_t f;
		json_get_alloc_funcs(&m, &f);
		json_set_alloc_funcs(malloc, free);
		triad_contactlog *back = NULL;
		ck_assert_ok(triad_contactlog_load_jsonl(&back, path));
		ck_assert_uint_eq(triad_contactlog_count(back), 1);
		ck_assert_str_eq(triad_contactlog_guardian(back, 0, c->guardian_count - 1),
		                 c->guardians[c->guardian_count - 1]);
		triad_contactlog_free(back);
		json_set_alloc_funcs(m, f);
	}
	unlink(path);
}

START_TEST(long_lines_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	/* 32 guardians with 40-byte ids: about 1.4 KiB on one line. */
	static char ids[TRIAD_CONTACT_PEOPLE_MAX][48];
	static const char *g[TRIAD_CONTACT_PEOPLE_MAX];
	for (int i = 0; i < TRIAD_CONTACT_PEOPLE_MAX; i++) {
		snprintf(ids[i], sizeof ids[i], "guardian-with-a-long-identifier-%08d", i);
		g[i] = ids[i];
	}
	triad_contact c = entry("c1", D(2026, 9, 14), 600);
	c.guardians = g;
	c.guardian_count = TRIAD_CONTACT_PEOPLE_MAX;
	failalloc_install();
	ck_assert_int_gt(failalloc_sweep(run_long_line, after_long_line, &c), 5);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("contactlog");
	TCase *tc = tcase_create("contactlog");
	tcase_add_test(tc, enums);
	tcase_add_test(tc, add_get_find);
	tcase_add_test(tc, add_rejects_bad_entries);
	tcase_add_test(tc, correct_and_remove);
	tcase_add_test(tc, json_round_trip);
	tcase_add_test(tc, json_bad_input);
	tcase_add_test(tc, jsonl_round_trip_and_streaming);
	tcase_add_test(tc, jsonl_bad_input);
	tcase_add_test(tc, many_entries_stream_compactly);
	tcase_add_test(tc, household_export);
	tcase_add_test(tc, pseudonyms);
	tcase_add_test(tc, erasure);
	tcase_add_test(tc, retention);
	tcase_add_test(tc, allocation_failures);
	tcase_add_test(tc, long_lines_survive_allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
