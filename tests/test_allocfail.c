/*
 * Allocation failures in the public functions that allocate and that the
 * module tests do not sweep already (the audit is in doc/reliability.md).
 * Every run fails one allocation more than the last, until the call
 * completes: each failure must return TRIAD_ENOMEM, leak nothing, hand out
 * nothing and leave the objects it was given as they were.
 */
#include <jansson.h>
#include <stdbool.h>
#include <unistd.h>

#include "support/failalloc.h"
#include "support/testutil.h"

typedef struct ctx {
	triad_roster *r;        /* good.json, the object under test */
	char *before;           /* r saved before the run */
	triad_roster *made;     /* what a constructor handed out */
	triad_strlist *list;    /* what a query handed out */
	triad_schooltypes *st;  /* for the school-type calls */
	char path[64];          /* a scratch file for save_file */
	int value;
	int which;
} ctx;

static triad_date D(int y, int m, int d)
{
	triad_date out = 0;
	ck_assert_ok(triad_date_from_ymd(&out, y, m, d));
	return out;
}

/* Assert that `list` holds exactly `n` ids, in this order, and free it. */
static void expect_list(triad_strlist *list, size_t n, const char *const *ids)
{
	ck_assert_ptr_nonnull(list);
	ck_assert_uint_eq(triad_strlist_count(list), n);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(triad_strlist_at(list, i), ids[i]);
	triad_strlist_free(list);
}
#define EXPECT(list, ...)                                                          \
	expect_list((list), sizeof((const char *const[]){ __VA_ARGS__ }) /            \
	                        sizeof(const char *),                                  \
	            (const char *const[]){ __VA_ARGS__ })

/* ---- the roster's id lists -------------------------------------------------- */

enum { NAV_CALLS = 7 };

static int run_nav(void *p)
{
	ctx *c = p;
	c->list = NULL;
	switch (c->which) {
	case 0: return triad_roster_student_guardians(&c->list, c->r, "s1");
	case 1: return triad_roster_student_households(&c->list, c->r, "s2");
	case 2: return triad_roster_guardian_students(&c->list, c->r, "m1");
	case 3: return triad_roster_household_guardians(&c->list, c->r, "h1");
	case 4: return triad_roster_household_students(&c->list, c->r, "h2");
	case 5: return triad_roster_mentor_students(&c->list, c->r, "t1");
	default: return triad_roster_class_students(&c->list, c->r, "1HV3");
	}
}

/* Expected lists, read off tests/data/school/good.json by hand. */
static void after_nav(void *p, int rc)
{
	ctx *c = p;
	if (rc) {
		ck_assert_ptr_null(c->list);
		return;
	}
	switch (c->which) {
	/* s1's guardians by contact priority: m1 (1), f1 (2), sp1 (none). */
	case 0: EXPECT(c->list, "m1", "f1", "sp1"); break;
	/* s2: mother m2 in h3, father f2 alone in h4. */
	case 1: EXPECT(c->list, "h3", "h4"); break;
	case 2: EXPECT(c->list, "s1", "s3"); break;
	/* h1: m1 and the step-parent sp1. */
	case 3: EXPECT(c->list, "m1", "sp1"); break;
	/* h2 is f1's household; f1 is father of s1 and s3. */
	case 4: EXPECT(c->list, "s1", "s3"); break;
	case 5: EXPECT(c->list, "s1", "s2"); break;
	default: EXPECT(c->list, "s3");
	}
}

static void load_fixture(ctx *c)
{
	ck_assert_ok(triad_roster_load_file(&c->r, test_data_path("school/good.json"), NULL));
	ck_assert_ok(triad_roster_save(&c->before, c->r));
}

static void free_fixture(ctx *c)
{
	/* The roster must be exactly as loaded: queries and failed calls
	 * change nothing. */
	char *now = NULL;
	ck_assert_ok(triad_roster_save(&now, c->r));
	ck_assert_str_eq(now, c->before);
	triad_free(now);
	triad_free(c->before);
	triad_roster_free(c->r);
}

START_TEST(navigation_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { .which = _i };
	load_fixture(&c);
	long runs = failalloc_sweep(run_nav, after_nav, &c);
	/* At least the list, its array and one copied id. */
	ck_assert_int_ge(runs, 4);
	free_fixture(&c);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- constructors and files ------------------------------------------------- */

static int run_new(void *p)
{
	ctx *c = p;
	c->made = NULL;
	return triad_roster_new(&c->made, c->st);
}

static void after_new(void *p, int rc)
{
	ctx *c = p;
	if (rc) {
		ck_assert_ptr_null(c->made);
		return;
	}
	ck_assert_uint_eq(triad_roster_student_count(c->made), 0);
	/* The new roster uses the school types it was given. */
	triad_student_info s = TRIAD_STUDENT_INFO_INIT;
	s.id = "x1"; s.given_name = "Ada"; s.family_name = "Smit"; s.birth_date = 14000;
	s.school_type = "vavo"; s.year = 2;
	failalloc_arm(0);
	ck_assert_ok(triad_roster_add_student(c->made, &s));
	triad_roster_free(c->made);
	c->made = NULL;
}

START_TEST(roster_new_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { 0 };
	ck_assert_ok(triad_schooltypes_new(&c.st));
	ck_assert_ok(triad_schooltypes_add(c.st, "vavo", "vavo", "adult education", 3));
	long runs = failalloc_sweep(run_new, after_new, &c);
	ck_assert_int_ge(runs, 2);
	triad_schooltypes_free(c.st);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static int run_save_file(void *p)
{
	ctx *c = p;
	return triad_roster_save_file(c->r, c->path);
}

static void after_save_file(void *p, int rc)
{
	ctx *c = p;
	if (rc) {
		/* The write is atomic: no file, and no temporary file, remains. */
		ck_assert_int_ne(access(c->path, F_OK), 0);
		return;
	}
	triad_roster *back = NULL;
	ck_assert_ok(triad_roster_load_file(&back, c->path, NULL));
	ck_assert_int_eq(triad_roster_equal(back, c->r), 1);
	triad_roster_free(back);
	ck_assert_int_eq(unlink(c->path), 0);
}

START_TEST(roster_save_file_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { 0 };
	load_fixture(&c);
	snprintf(c.path, sizeof c.path, "allocfail-%ld.json", (long)getpid());
	unlink(c.path);
	long runs = failalloc_sweep(run_save_file, after_save_file, &c);
	/* The JSON tree (dozens of nodes), the text, the temporary name. */
	ck_assert_int_gt(runs, 50);
	free_fixture(&c);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* Allocations jansson makes to parse good.json: jansson 2.14's lexer does
 * not survive every allocation failure (see test_roster.c), so the sweep of
 * the file loader starts after the parser. */
static long parse_count;
static void *count_malloc(size_t n)
{
	parse_count++;
	return malloc(n);
}

static long parse_allocations(const char *path)
{
	json_malloc_t old_malloc;
	json_free_t old_free;
	json_get_alloc_funcs(&old_malloc, &old_free);
	json_set_alloc_funcs(count_malloc, free);
	parse_count = 0;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, NULL);
	ck_assert_ptr_nonnull(root);
	json_decref(root);
	json_set_alloc_funcs(old_malloc, old_free);
	return parse_count;
}

START_TEST(roster_load_file_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	const char *path = test_data_path("school/good.json");
	long parsing = parse_allocations(path);
	ck_assert_int_gt(parsing, 50);
	long n;
	for (n = parsing + 1;; n++) {
		long live = failalloc_live();
		triad_roster *r = NULL;
		failalloc_arm(n);
		int rc = triad_roster_load_file(&r, path, NULL);
		bool failed = failalloc_tripped();
		failalloc_arm(0);
		if (!failed) {
			ck_assert_ok(rc);
			/* 3 students, 5 guardians, 7 relations, 7 consents. */
			ck_assert_uint_eq(triad_roster_relation_count(r), 7);
			ck_assert_uint_eq(triad_roster_consent_count(r), 7);
			triad_roster_free(r);
			break;
		}
		ck_assert_msg(rc == TRIAD_ENOMEM, "allocation %ld: returned %d (%s)", n, rc,
		              triad_error_last()->message);
		ck_assert_ptr_null(r);
		ck_assert_msg(failalloc_live() == live, "allocation %ld: %ld leaked", n,
		              failalloc_live() - live);
	}
	/* The roster's records, strings, arrays and indexes. */
	ck_assert_int_gt(n - parsing, 100);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- calls that do not allocate --------------------------------------------- */

/* One run each: these never reach the allocator, so they cannot fail for
 * want of memory (a regression that makes them allocate shows up here). */
static int run_plain(void *p)
{
	ctx *c = p;
	switch (c->which) {
	case 0:
		c->value = -1;
		/* s2 (born 2009-11-02) is adult from 2027-11-02. */
		return triad_policy_is_adult(&c->value, c->r, NULL, "s2", D(2027, 11, 2));
	case 1:
		/* Choices already stored for s1 and m1 (informed, cosigns). */
		return triad_roster_set_adult_choice(c->r, "s1", "m1", 1, 1);
	default: {
		double share = -1;
		int rc = triad_schooltypes_ownership(c->st, "havo", 5, &share);
		c->value = share == 1.0;
		return rc;
	}
	}
}

static void after_plain(void *p, int rc)
{
	ctx *c = p;
	ck_assert_int_eq(rc, 0);
	if (c->which != 1)
		ck_assert_int_eq(c->value, 1);
}

START_TEST(queries_do_not_allocate)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	ctx c = { .which = _i };
	load_fixture(&c);
	ck_assert_ok(triad_schooltypes_new(&c.st));
	ck_assert_int_eq(failalloc_sweep(run_plain, after_plain, &c), 1);
	triad_schooltypes_free(c.st);
	free_fixture(&c);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- calendar, contact plan, contact log (issue 5) -------------------------
 *
 * The module tests sweep loading from text, generating, changing and
 * writing; here the constructors, the file variants, removal and the JSON
 * Lines reader and writer. The file loaders are swept with jansson on the C
 * allocator: its 2.14 lexer drops a byte or reports a syntax error when an
 * allocation fails (see test_calendar.c), which is jansson's to fix; every
 * allocation of libtriad's own is still failed in turn.
 */

typedef struct files {
	char path[64];    /* scratch file */
	char *before;     /* the object's text before the run */
	void *obj;        /* the object under test */
	void *made;       /* what the call handed out */
	int which;
} files;

static void scratch(files *f, const char *ext)
{
	snprintf(f->path, sizeof f->path, "allocfail-%ld%s", (long)getpid(), ext);
	unlink(f->path);
}

/* Constructors: a new empty object or nothing. */
static int run_ctor(void *p)
{
	files *f = p;
	f->made = NULL;
	switch (f->which) {
	case 0: return triad_calendar_new((triad_calendar **)&f->made, 2025, TRIAD_REGION_ZUID);
	case 1: return triad_contactplan_new((triad_contactplan **)&f->made);
	case 2: return triad_audience_new((triad_audience **)&f->made);
	default: return triad_contactlog_new((triad_contactlog **)&f->made);
	}
}

static void after_ctor(void *p, int rc)
{
	files *f = p;
	if (rc) {
		ck_assert_ptr_null(f->made);
		return;
	}
	switch (f->which) {
	case 0:
		/* School year 2025-2026: 1 August 2025 to 31 July 2026. */
		ck_assert_int_eq(triad_calendar_first_day(f->made), D(2025, 8, 1));
		ck_assert_int_eq(triad_calendar_last_day(f->made), D(2026, 7, 31));
		ck_assert_int_eq(triad_calendar_region(f->made), TRIAD_REGION_ZUID);
		triad_calendar_free(f->made);
		break;
	case 1:
		ck_assert_uint_eq(triad_contactplan_rule_count(f->made), 0);
		triad_contactplan_free(f->made);
		break;
	case 2:
		ck_assert_uint_eq(triad_audience_count(f->made), 0);
		triad_audience_free(f->made);
		break;
	default:
		ck_assert_uint_eq(triad_contactlog_count(f->made), 0);
		triad_contactlog_free(f->made);
	}
	f->made = NULL;
}

START_TEST(constructors_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	files f = { .which = _i };
	ck_assert_int_ge(failalloc_sweep(run_ctor, after_ctor, &f), 2);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* Loading files: calendar, opendata, contact plan, contact log (JSON and
 * JSON Lines). Each success is compared with the same file loaded without
 * failures (its saved text). */
static const char *load_path(int which)
{
	switch (which) {
	case 0: return test_data_path("calendar/school-2025.json");
	case 1: return test_data_path("calendar/opendata.json");
	case 2: return test_data_path("contactplan/custom.json");
	default: return test_data_path("hardening/contact-log.json");
	}
}

static int run_load_file(void *p)
{
	files *f = p;
	f->made = NULL;
	switch (f->which) {
	case 0: return triad_calendar_load_file((triad_calendar **)&f->made, load_path(0));
	case 1:
		return triad_calendar_load_opendata_file((triad_calendar **)&f->made, load_path(1),
		                                         "2025-2026", TRIAD_REGION_NOORD);
	case 2: return triad_contactplan_load_file((triad_contactplan **)&f->made, load_path(2));
	case 3: return triad_contactlog_load((triad_contactlog **)&f->made, load_path(3));
	default: return triad_contactlog_load_jsonl((triad_contactlog **)&f->made, f->path);
	}
}

/* The saved text of what run_load_file made (and free it). */
static char *text_of(files *f)
{
	char *text = NULL;
	switch (f->which) {
	case 0:
	case 1:
		ck_assert_ok(triad_calendar_save(&text, f->made));
		triad_calendar_free(f->made);
		break;
	case 2:
		ck_assert_ok(triad_contactplan_save(&text, f->made));
		triad_contactplan_free(f->made);
		break;
	default:
		ck_assert_ok(triad_contactlog_to_json(&text, f->made));
		triad_contactlog_free(f->made);
	}
	f->made = NULL;
	return text;
}

static void after_load_file(void *p, int rc)
{
	files *f = p;
	if (rc) {
		ck_assert_ptr_null(f->made);
		return;
	}
	char *text = text_of(f);
	ck_assert_str_eq(text, f->before);
	triad_free(text);
}

START_TEST(file_loaders_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	json_set_alloc_funcs(malloc, free);
	files f = { .which = _i };
	if (_i == 4) {
		/* The JSON Lines copy of the contact log. */
		triad_contactlog *log = NULL;
		ck_assert_ok(triad_contactlog_load(&log, load_path(3)));
		scratch(&f, ".jsonl");
		ck_assert_ok(triad_contactlog_save_jsonl(log, f.path));
		triad_contactlog_free(log);
	}
	ck_assert_ok(run_load_file(&f));
	f.before = text_of(&f);
	long runs = failalloc_sweep(run_load_file, after_load_file, &f);
	/* Every record with its strings and arrays: more than a dozen. */
	ck_assert_int_gt(runs, 12);
	triad_free(f.before);
	if (_i == 4)
		ck_assert_int_eq(unlink(f.path), 0);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* Saving files: calendar, contact plan, contact log (JSON and JSON Lines).
 * A failure leaves no file (the writes are atomic); a success reloads to
 * the same text. */
static int run_save_files(void *p)
{
	files *f = p;
	switch (f->which) {
	case 0: return triad_calendar_save_file(f->obj, f->path);
	case 1: return triad_contactplan_save_file(f->obj, f->path);
	case 2: return triad_contactlog_save(f->obj, f->path);
	default: return triad_contactlog_save_jsonl(f->obj, f->path);
	}
}

static void after_save_files(void *p, int rc)
{
	files *f = p;
	if (rc) {
		ck_assert_int_ne(access(f->path, F_OK), 0);
		return;
	}
	json_malloc_t m;
	json_free_t fr;
	json_get_alloc_funcs(&m, &fr);
	json_set_alloc_funcs(malloc, free);
	char *text = NULL;
	switch (f->which) {
	case 0: {
		triad_calendar *c = NULL;
		ck_assert_ok(triad_calendar_load_file(&c, f->path));
		ck_assert_ok(triad_calendar_save(&text, c));
		triad_calendar_free(c);
		break;
	}
	case 1: {
		triad_contactplan *c = NULL;
		ck_assert_ok(triad_contactplan_load_file(&c, f->path));
		ck_assert_ok(triad_contactplan_save(&text, c));
		triad_contactplan_free(c);
		break;
	}
	default: {
		triad_contactlog *c = NULL;
		if (f->which == 2)
			ck_assert_ok(triad_contactlog_load(&c, f->path));
		else
			ck_assert_ok(triad_contactlog_load_jsonl(&c, f->path));
		ck_assert_ok(triad_contactlog_to_json(&text, c));
		triad_contactlog_free(c);
	}
	}
	json_set_alloc_funcs(m, fr);
	ck_assert_str_eq(text, f->before);
	triad_free(text);
	ck_assert_int_eq(unlink(f->path), 0);
}

START_TEST(file_savers_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	files f = { .which = _i };
	scratch(&f, _i == 3 ? ".jsonl" : ".json");
	int rc;
	switch (_i) {
	case 0:
		rc = triad_calendar_load_file((triad_calendar **)&f.obj, load_path(0));
		ck_assert_ok(rc);
		ck_assert_ok(triad_calendar_save(&f.before, f.obj));
		break;
	case 1:
		ck_assert_ok(triad_contactplan_load_file((triad_contactplan **)&f.obj, load_path(2)));
		ck_assert_ok(triad_contactplan_save(&f.before, f.obj));
		break;
	default:
		ck_assert_ok(triad_contactlog_load((triad_contactlog **)&f.obj, load_path(3)));
		ck_assert_ok(triad_contactlog_to_json(&f.before, f.obj));
	}
	long runs = failalloc_sweep(run_save_files, after_save_files, &f);
	ck_assert_int_gt(runs, 3);
	triad_free(f.before);
	if (_i == 0)
		triad_calendar_free(f.obj);
	else if (_i == 1)
		triad_contactplan_free(f.obj);
	else
		triad_contactlog_free(f.obj);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* Removing: the contact log's entry c4 (nothing answers it) and the plan's
 * rule "coord". A failure leaves the object as it was. */
static int run_remove(void *p)
{
	files *f = p;
	if (f->which == 0)
		return triad_contactlog_remove(f->obj, "c4");
	return triad_contactplan_remove_rule(f->obj, "coord");
}

static char *current_text(files *f)
{
	char *text = NULL;
	if (f->which == 0)
		ck_assert_ok(triad_contactlog_to_json(&text, f->obj));
	else
		ck_assert_ok(triad_contactplan_save(&text, f->obj));
	return text;
}

static void reload(files *f)
{
	if (f->which == 0) {
		triad_contactlog_free(f->obj);
		f->obj = NULL;
		ck_assert_ok(triad_contactlog_load((triad_contactlog **)&f->obj, load_path(3)));
	} else {
		triad_contactplan_free(f->obj);
		f->obj = NULL;
		ck_assert_ok(triad_contactplan_load_file((triad_contactplan **)&f->obj, load_path(2)));
	}
}

static void after_remove(void *p, int rc)
{
	files *f = p;
	char *now = current_text(f);
	if (rc) {
		ck_assert_str_eq(now, f->before);
	} else {
		ck_assert_ptr_null(strstr(now, f->which == 0 ? "\"c4\"" : "\"coord\""));
		reload(f);
	}
	triad_free(now);
}

START_TEST(removal_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	json_set_alloc_funcs(malloc, free);
	files f = { .which = _i };
	reload(&f);
	f.before = current_text(&f);
	ck_assert_ptr_nonnull(strstr(f.before, _i == 0 ? "\"c4\"" : "\"coord\""));
	long runs = failalloc_sweep(run_remove, after_remove, &f);
	ck_assert_int_ge(runs, 1);
	triad_free(f.before);
	if (_i == 0)
		triad_contactlog_free(f.obj);
	else
		triad_contactplan_free(f.obj);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* The streaming reader: open and read every entry; the writer: open, write
 * every entry, close. */
static int run_stream(void *p)
{
	files *f = p;
	const triad_contactlog *log = f->obj;
	if (f->which == 0) {
		triad_contact_reader *r = NULL;
		int rc = triad_contact_reader_open(&r, f->path);
		size_t n = 0;
		while (rc == 0) {
			int got = 0;
			triad_contact c;
			rc = triad_contact_reader_next(&got, &c, r);
			if (rc || !got)
				break;
			/* c1..c4 in order. */
			char want[4] = { 'c', (char)('1' + n), '\0' };
			ck_assert_str_eq(c.id, want);
			n++;
		}
		triad_contact_reader_free(r);
		if (rc == 0)
			ck_assert_uint_eq(n, 4);
		return rc;
	}
	triad_contact_writer *w = NULL;
	int rc = triad_contact_writer_open(&w, f->path);
	for (size_t i = 0; rc == 0 && i < triad_contactlog_count(log); i++) {
		triad_contact c;
		ck_assert_ok(triad_contactlog_get(&c, log, i));
		/* get() leaves the id lists to triad_contactlog_guardian/student. */
		const char *g[TRIAD_CONTACT_PEOPLE_MAX], *st[TRIAD_CONTACT_PEOPLE_MAX];
		for (size_t k = 0; k < c.guardian_count; k++)
			g[k] = triad_contactlog_guardian(log, i, k);
		for (size_t k = 0; k < c.student_count; k++)
			st[k] = triad_contactlog_student(log, i, k);
		c.guardians = g;
		c.students = st;
		rc = triad_contact_writer_write(w, &c);
	}
	if (rc) {
		triad_contact_writer_free(w);
		return rc;
	}
	return triad_contact_writer_close(w);
}

static void after_stream(void *p, int rc)
{
	files *f = p;
	if (f->which == 0 || rc) {
		if (f->which == 1)
			ck_assert_int_ne(access(f->path, F_OK), 0);
		return;
	}
	triad_contactlog *back = NULL;
	ck_assert_ok(triad_contactlog_load_jsonl(&back, f->path));
	char *text = NULL;
	ck_assert_ok(triad_contactlog_to_json(&text, back));
	ck_assert_str_eq(text, f->before);
	triad_free(text);
	triad_contactlog_free(back);
	ck_assert_int_eq(unlink(f->path), 0);
}

START_TEST(streaming_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	json_set_alloc_funcs(malloc, free);
	files f = { .which = _i };
	ck_assert_ok(triad_contactlog_load((triad_contactlog **)&f.obj, load_path(3)));
	ck_assert_ok(triad_contactlog_to_json(&f.before, f.obj));
	scratch(&f, ".jsonl");
	if (_i == 0)
		ck_assert_ok(triad_contactlog_save_jsonl(f.obj, f.path));
	long runs = failalloc_sweep(run_stream, after_stream, &f);
	ck_assert_int_gt(runs, 2);
	if (_i == 0)
		ck_assert_int_eq(unlink(f.path), 0);
	triad_free(f.before);
	triad_contactlog_free(f.obj);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- agreement (issue 3) -----------------------------------------------------
 *
 * test_agreement.c sweeps starting, saving, rendering, validating, loading
 * text and fourteen changes; here the rest: new, the file variants, the
 * commitment setters, removals, and the lifecycle calls it does not sweep.
 * The fixture is tests/data/agreement/agreement-s13.json: one active
 * version for student s13 with parties s13, m13, f13 and t1; changing an
 * active agreement makes a new draft version.
 */

enum { AG_MIN_COUNT, AG_MAX_INTERVAL, AG_RESPONSE, AG_CLEAR, AG_REMOVE_PROTOCOL,
       AG_REMOVE_PARTY, AG_VALIDITY, AG_PROPOSE, AG_WITHDRAW, AG_EXPIRE, AG_N };

typedef struct agctx {
	triad_agreement *a;
	char *saved;
	int op;
	char path[64];
} agctx;

static char *ag_text(const triad_agreement *a)
{
	char *t = NULL;
	ck_assert_ok(triad_agreement_save(&t, a));
	return t;
}

static triad_agreement *ag_load(void)
{
	triad_agreement *a = NULL;
	ck_assert_ok(triad_agreement_load_file(&a, test_data_path("agreement/agreement-s13.json")));
	return a;
}

/* Bring the fixture into the state the call needs. */
static void ag_prepare(agctx *c)
{
	c->a = ag_load();
	if (c->op == AG_PROPOSE || c->op == AG_WITHDRAW)
		ck_assert_ok(triad_agreement_clause_clear_commitment(c->a, "parents.attend"));
	if (c->op == AG_WITHDRAW)
		ck_assert_ok(triad_agreement_propose(c->a, D(2026, 10, 1)));
	c->saved = ag_text(c->a);
}

static int run_ag(void *p)
{
	agctx *c = p;
	switch (c->op) {
	case AG_MIN_COUNT:
		return triad_agreement_clause_set_min_count(c->a, "school.introduction",
		                                            TRIAD_CONTACT_INTAKE, 2,
		                                            TRIAD_PERIOD_MONTH);
	case AG_MAX_INTERVAL:
		return triad_agreement_clause_set_max_interval(c->a, "school.regular_contact",
		                                               TRIAD_CONTACT_MENTOR_CALL, 6);
	case AG_RESPONSE:
		return triad_agreement_clause_set_response_time(c->a, "school.early_concern",
		                                                TRIAD_CONTACT_CONCERN, 1);
	case AG_CLEAR:
		return triad_agreement_clause_clear_commitment(c->a, "parents.attend");
	case AG_REMOVE_PROTOCOL:
		return triad_agreement_remove_protocol(c->a, "care");
	case AG_REMOVE_PARTY:
		return triad_agreement_remove_party(c->a, "f13");
	case AG_VALIDITY:
		return triad_agreement_set_validity(c->a, D(2026, 9, 1), D(2027, 6, 30));
	case AG_PROPOSE:
		return triad_agreement_propose(c->a, D(2026, 10, 1));
	case AG_WITHDRAW:
		return triad_agreement_withdraw(c->a);
	default:
		return triad_agreement_expire(c->a, D(2027, 8, 1));
	}
}

static void after_ag(void *p, int rc)
{
	agctx *c = p;
	char *now = ag_text(c->a);
	if (rc) {
		ck_assert_str_eq(now, c->saved);
	} else {
		ck_assert_str_ne(now, c->saved);
		/* What changed still loads (and is restored for the next run). */
		triad_agreement *back = NULL;
		ck_assert_ok(triad_agreement_load(&back, now, strlen(now), "changed.json"));
		ck_assert_int_eq(triad_agreement_equal(back, c->a), 1);
		triad_agreement_free(back);
		triad_agreement_free(c->a);
		c->a = NULL;
		ck_assert_ok(triad_agreement_load(&c->a, c->saved, strlen(c->saved), NULL));
	}
	triad_free(now);
}

START_TEST(agreement_changes_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	/* Loads and reloads parse with jansson; its lexer is not swept here. */
	json_set_alloc_funcs(malloc, free);
	agctx c = { .op = _i };
	ag_prepare(&c);
	long runs = failalloc_sweep(run_ag, after_ag, &c);
	ck_assert_int_ge(runs, 1);
	triad_free(c.saved);
	triad_agreement_free(c.a);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static int run_ag_new(void *p)
{
	agctx *c = p;
	c->a = NULL;
	return triad_agreement_new(&c->a, "agr-2026-s13");
}

static void after_ag_new(void *p, int rc)
{
	agctx *c = p;
	if (rc) {
		ck_assert_ptr_null(c->a);
		return;
	}
	ck_assert_str_eq(triad_agreement_id(c->a), "agr-2026-s13");
	ck_assert_uint_eq(triad_agreement_version_count(c->a), 1);
	triad_agreement_free(c->a);
	c->a = NULL;
}

static int run_ag_load_file(void *p)
{
	agctx *c = p;
	c->a = NULL;
	return triad_agreement_load_file(&c->a, test_data_path("agreement/agreement-s13.json"));
}

static void after_ag_load_file(void *p, int rc)
{
	agctx *c = p;
	if (rc) {
		ck_assert_ptr_null(c->a);
		return;
	}
	char *now = ag_text(c->a);
	ck_assert_str_eq(now, c->saved);
	triad_free(now);
	triad_agreement_free(c->a);
	c->a = NULL;
}

static int run_ag_save_file(void *p)
{
	agctx *c = p;
	return triad_agreement_save_file(c->a, c->path);
}

static void after_ag_save_file(void *p, int rc)
{
	agctx *c = p;
	if (rc) {
		ck_assert_int_ne(access(c->path, F_OK), 0);
		return;
	}
	json_malloc_t m;
	json_free_t f;
	json_get_alloc_funcs(&m, &f);
	json_set_alloc_funcs(malloc, free);
	triad_agreement *back = NULL;
	ck_assert_ok(triad_agreement_load_file(&back, c->path));
	json_set_alloc_funcs(m, f);
	ck_assert_int_eq(triad_agreement_equal(back, c->a), 1);
	triad_agreement_free(back);
	ck_assert_int_eq(unlink(c->path), 0);
}

START_TEST(agreement_new_and_files_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	agctx c = { 0 };
	ck_assert_int_ge(failalloc_sweep(run_ag_new, after_ag_new, &c), 2);

	json_set_alloc_funcs(malloc, free);
	c.a = ag_load();
	c.saved = ag_text(c.a);
	triad_agreement_free(c.a);
	c.a = NULL;
	/* 21 clauses, 6 protocol lines, 4 parties and 4 signatures. */
	ck_assert_int_gt(failalloc_sweep(run_ag_load_file, after_ag_load_file, &c), 50);

	failalloc_install();
	c.a = ag_load();
	snprintf(c.path, sizeof c.path, "allocfail-%ld-agreement.json", (long)getpid());
	unlink(c.path);
	ck_assert_int_gt(failalloc_sweep(run_ag_save_file, after_ag_save_file, &c), 50);
	triad_agreement_free(c.a);
	triad_free(c.saved);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- conference (issue 4) ----------------------------------------------------
 *
 * The module tests sweep loading text, making a result from meetings,
 * checking, saving and reloading a result, solving and exporting; here the
 * instance's writer and files, the result's files, pins, settings and the
 * bound, on tests/data/conference/small.json (requests r1..r5, sessions s1
 * and s2; r4 is pinned to s1 at slot 0).
 */

enum { CF_SAVE, CF_SAVE_FILE, CF_LOAD_FILE, CF_RESULT_SAVE_FILE, CF_RESULT_LOAD_FILE,
       CF_PIN, CF_UNPIN, CF_PIN_RESULT, CF_SETTING, CF_BOUND, CF_N };

typedef struct cfctx {
	triad_conference *conf;
	triad_conference_result *res;
	char *saved;       /* the instance's text before the run */
	char *res_saved;   /* the result's text */
	char *out;
	void *made;
	int64_t value;
	int op;
	char path[64];
} cfctx;

static char *cf_text(const triad_conference *c)
{
	char *t = NULL;
	ck_assert_ok(triad_conference_save_json(&t, c));
	return t;
}

static char *cf_result_text(const triad_conference_result *r)
{
	char *t = NULL;
	ck_assert_ok(triad_conference_result_save_json(&t, r));
	return t;
}

static int run_cf(void *p)
{
	cfctx *c = p;
	c->out = NULL;
	c->made = NULL;
	switch (c->op) {
	case CF_SAVE: return triad_conference_save_json(&c->out, c->conf);
	case CF_SAVE_FILE: return triad_conference_save_file(c->conf, c->path);
	case CF_LOAD_FILE:
		return triad_conference_load_file((triad_conference **)&c->made,
		                                  test_data_path("conference/small.json"));
	case CF_RESULT_SAVE_FILE: return triad_conference_result_save_file(c->res, c->path);
	case CF_RESULT_LOAD_FILE:
		return triad_conference_result_load_file((triad_conference_result **)&c->made,
		                                         c->conf, c->path);
	case CF_PIN: return triad_conference_pin(c->conf, "r4", "s1", 0);
	case CF_UNPIN: return triad_conference_unpin(c->conf, "r4");
	case CF_PIN_RESULT: return triad_conference_pin_result(c->conf, c->res);
	case CF_SETTING:
		return triad_conference_setting_set(c->conf, TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT, 250);
	default: return triad_conference_bound(&c->value, c->conf);
	}
}

static void after_cf(void *p, int rc)
{
	cfctx *c = p;
	json_malloc_t m;
	json_free_t f;
	json_get_alloc_funcs(&m, &f);
	json_set_alloc_funcs(malloc, free);
	char *now = cf_text(c->conf);
	switch (c->op) {
	case CF_SAVE:
		if (rc == 0)
			ck_assert_str_eq(c->out, c->saved);
		else
			ck_assert_ptr_null(c->out);
		triad_free(c->out);
		break;
	case CF_SAVE_FILE:
	case CF_RESULT_SAVE_FILE:
		if (rc) {
			ck_assert_int_ne(access(c->path, F_OK), 0);
			break;
		}
		if (c->op == CF_SAVE_FILE) {
			triad_conference *back = NULL;
			ck_assert_ok(triad_conference_load_file(&back, c->path));
			char *t = cf_text(back);
			ck_assert_str_eq(t, c->saved);
			triad_free(t);
			triad_conference_free(back);
		} else {
			triad_conference_result *back = NULL;
			ck_assert_ok(triad_conference_result_load_file(&back, c->conf, c->path));
			char *t = cf_result_text(back);
			ck_assert_str_eq(t, c->res_saved);
			triad_free(t);
			triad_conference_result_free(back);
		}
		ck_assert_int_eq(unlink(c->path), 0);
		break;
	case CF_LOAD_FILE:
	case CF_RESULT_LOAD_FILE:
		if (rc) {
			ck_assert_ptr_null(c->made);
			break;
		}
		if (c->op == CF_LOAD_FILE) {
			char *t = cf_text(c->made);
			ck_assert_str_eq(t, c->saved);
			triad_free(t);
			triad_conference_free(c->made);
		} else {
			char *t = cf_result_text(c->made);
			ck_assert_str_eq(t, c->res_saved);
			triad_free(t);
			triad_conference_result_free(c->made);
		}
		break;
	case CF_BOUND:
		/* small.json: five requests of weight 2 each (the solver's
		 * schedulable_weight_bound is 10). */
		if (rc == 0)
			ck_assert_int_eq(c->value, 10);
		break;
	default:
		/* A failed change leaves the instance as it was; a change that
		 * succeeds is undone by reloading. */
		if (rc) {
			ck_assert_str_eq(now, c->saved);
		} else {
			if (c->op != CF_UNPIN)
				ck_assert_str_ne(now, c->saved);
			triad_conference_free(c->conf);
			c->conf = NULL;
			ck_assert_ok(triad_conference_load_json(&c->conf, c->saved, strlen(c->saved),
			                                        NULL));
		}
	}
	triad_free(now);
	json_set_alloc_funcs(m, f);
}

START_TEST(conference_calls_survive_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	cfctx c = { .op = _i };
	json_set_alloc_funcs(malloc, free);
	ck_assert_ok(triad_conference_load_file(&c.conf, test_data_path("conference/small.json")));
	c.saved = cf_text(c.conf);
	triad_solve_options o = TRIAD_SOLVE_OPTIONS_INIT;
	o.max_iterations = 50;
	ck_assert_ok(triad_conference_solve(&c.res, c.conf, &o, NULL));
	c.res_saved = cf_result_text(c.res);
	snprintf(c.path, sizeof c.path, "allocfail-%ld-conference.json", (long)getpid());
	unlink(c.path);
	if (_i == CF_RESULT_LOAD_FILE)
		ck_assert_ok(triad_conference_result_save_file(c.res, c.path));
	/* small.json pins r4 to s1, slot 0: the pin sweep starts without it. */
	if (_i == CF_PIN)
		ck_assert_ok(triad_conference_unpin(c.conf, "r4"));
	/* The object under test is made from its text, as the reload after a
	 * successful change makes it, so that both hold the same blocks. */
	triad_free(c.saved);
	c.saved = cf_text(c.conf);
	triad_conference_free(c.conf);
	c.conf = NULL;
	ck_assert_ok(triad_conference_load_json(&c.conf, c.saved, strlen(c.saved), NULL));
	/* Writers are swept with jansson's allocations failing too (this found
	 * the arrays the instance and result writers lost when a set failed:
	 * 4 blocks at allocation 255, 69 at allocation 72); loaders keep jansson
	 * on the C allocator (see the top of this file). */
	if (_i == CF_SAVE || _i == CF_SAVE_FILE || _i == CF_RESULT_SAVE_FILE)
		failalloc_install();
	long runs = failalloc_sweep(run_cf, after_cf, &c);
	ck_assert_int_ge(runs, 1);
	if (_i == CF_RESULT_LOAD_FILE)
		ck_assert_int_eq(unlink(c.path), 0);
	triad_free(c.saved);
	triad_free(c.res_saved);
	triad_conference_result_free(c.res);
	triad_conference_free(c.conf);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/* ---- CSV import (issue 6) ------------------------------------------------------
 *
 * test_csvimport.c sweeps importing from text; here the file variant, on
 * tests/data/csv/comma.csv over the base instance csv/base.json. Every
 * success must give the instance a failure-free import gives.
 */

typedef struct csvctx {
	triad_conference *base;
	triad_conference *made;
	char *want;
} csvctx;

static int run_csv_file(void *p)
{
	csvctx *c = p;
	c->made = NULL;
	return triad_conference_import_csv_file(&c->made, c->base, test_data_path("csv/comma.csv"),
	                                        NULL);
}

static void after_csv_file(void *p, int rc)
{
	csvctx *c = p;
	if (rc) {
		ck_assert_ptr_null(c->made);
		return;
	}
	char *t = cf_text(c->made);
	ck_assert_str_eq(t, c->want);
	triad_free(t);
	triad_conference_free(c->made);
	c->made = NULL;
}

START_TEST(csv_import_file_survives_allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	json_set_alloc_funcs(malloc, free);
	csvctx c = { 0 };
	ck_assert_ok(triad_conference_load_file(&c.base, test_data_path("csv/base.json")));
	ck_assert_ok(run_csv_file(&c));
	ck_assert_uint_gt(triad_conference_request_count(c.made), 0);
	c.want = cf_text(c.made);
	triad_conference_free(c.made);
	/* Households, requests, their teachers and students: dozens. */
	ck_assert_int_gt(failalloc_sweep(run_csv_file, after_csv_file, &c), 20);
	triad_free(c.want);
	triad_conference_free(c.base);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("allocfail");
	TCase *tc = tcase_create("sweeps");
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, navigation_survives_allocation_failures, 0, NAV_CALLS);
	tcase_add_test(tc, roster_new_survives_allocation_failures);
	tcase_add_test(tc, roster_save_file_survives_allocation_failures);
	tcase_add_test(tc, roster_load_file_survives_allocation_failures);
	tcase_add_loop_test(tc, queries_do_not_allocate, 0, 3);
	tcase_add_loop_test(tc, constructors_survive_allocation_failures, 0, 4);
	tcase_add_loop_test(tc, file_loaders_survive_allocation_failures, 0, 5);
	tcase_add_loop_test(tc, file_savers_survive_allocation_failures, 0, 4);
	tcase_add_loop_test(tc, removal_survives_allocation_failures, 0, 2);
	tcase_add_loop_test(tc, streaming_survives_allocation_failures, 0, 2);
	tcase_add_loop_test(tc, agreement_changes_survive_allocation_failures, 0, AG_N);
	tcase_add_test(tc, agreement_new_and_files_survive_allocation_failures);
	tcase_add_loop_test(tc, conference_calls_survive_allocation_failures, 0, CF_N);
	tcase_add_test(tc, csv_import_file_survives_allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
