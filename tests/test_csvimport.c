/*
 * CSV import of parents' evening requests (triad/csvimport.h).
 *
 * The base instance tests/data/csv/base.json has two sessions, "di"
 * (2026-11-24, 12 slots, a break at slot 6) and "do" (2026-11-26, 12 slots),
 * and four teachers: VRI (both sessions), BAK (di only), JAN (do only,
 * from slot 2) and BOE (no session at all). It has no households or
 * requests. The expected values below follow from the CSV files by hand.
 */
#include "support/failalloc.h"
#include "support/testutil.h"

static triad_conference *load_base(void)
{
	triad_conference *base = NULL;
	ck_assert_ok(triad_conference_load_file(&base, test_data_path("csv/base.json")));
	return base;
}

static int import_file(triad_conference **out, const triad_conference *base, const char *name,
                       const triad_csvimport_options *opts)
{
	return triad_conference_import_csv_file(out, base, test_data_path(name), opts);
}

static size_t household(const triad_conference *c, const char *id)
{
	size_t i = 99;
	ck_assert_ok(triad_conference_household_index(&i, c, id));
	return i;
}

static size_t request(const triad_conference *c, const char *id)
{
	size_t i = 99;
	ck_assert_ok(triad_conference_request_index(&i, c, id));
	return i;
}

static const char *teacher_of(const triad_conference *c, size_t rq, size_t k)
{
	return triad_conference_teacher_id(c, (size_t)triad_conference_request_teacher(c, rq, k));
}

/* semicolon.csv: BOM, CRLF, Dutch headers, a blank line (line 4) and an
 * all-empty row (line 6).
 *   line 2  h1 Emma  VRI  required, early, sessions di do, max 1
 *   line 3  h1 Noah  VRI  invited, 2 slots   -> joins csv-2: students Emma,
 *                                               Noah; invited; 2 slots
 *   line 5  h1 Emma  BAK  optional, "do, di" (the same sessions) -> csv-5
 *   line 7  h2 Sem   JAN with VRI, 2 slots, late, session 2026-11-26 = do
 *           parent "Jansen, P.; K. Jansen" names the household
 * So: 2 households, 3 requests. */
START_TEST(semicolon_export)
{
	triad_conference *base = load_base(), *c = NULL;
	ck_assert_ok(import_file(&c, base, "csv/semicolon.csv", NULL));
	ck_assert_uint_eq(triad_conference_household_count(c), 2);
	ck_assert_uint_eq(triad_conference_request_count(c), 3);

	size_t h1 = household(c, "h1"), h2 = household(c, "h2");
	ck_assert_str_eq(triad_conference_household_name(c, h1), "Familie De Vries");
	ck_assert_str_eq(triad_conference_household_name(c, h2), "Jansen, P.; K. Jansen");
	ck_assert_int_eq(triad_conference_household_preference(c, h1), TRIAD_CONFERENCE_PREFER_EARLY);
	ck_assert_int_eq(triad_conference_household_preference(c, h2), TRIAD_CONFERENCE_PREFER_LATE);
	ck_assert_int_eq(triad_conference_household_max_sessions(c, h1), 1);
	ck_assert_int_eq(triad_conference_household_max_sessions(c, h2), 0);
	ck_assert_uint_eq(triad_conference_household_student_count(c, h1), 2);
	ck_assert_str_eq(triad_conference_household_student(c, h1, 0), "Emma de Vries");
	ck_assert_str_eq(triad_conference_household_student(c, h1, 1), "Noah de Vries");
	ck_assert_str_eq(triad_conference_household_student(c, h2, 0), "Sem \"Semmie\" Jansen");

	size_t r = request(c, "csv-2");
	ck_assert_int_eq(triad_conference_request_household(c, r), (int32_t)h1);
	ck_assert_uint_eq(triad_conference_request_teacher_count(c, r), 1);
	ck_assert_str_eq(teacher_of(c, r, 0), "VRI");
	ck_assert_uint_eq(triad_conference_request_student_count(c, r), 2);
	ck_assert_str_eq(triad_conference_request_student(c, r, 1), "Noah de Vries");
	ck_assert_int_eq(triad_conference_request_priority(c, r), TRIAD_CONFERENCE_PRIORITY_INVITED);
	ck_assert_int_eq(triad_conference_request_slots(c, r), 2);

	r = request(c, "csv-5");
	ck_assert_str_eq(teacher_of(c, r, 0), "BAK");
	ck_assert_int_eq(triad_conference_request_priority(c, r), TRIAD_CONFERENCE_PRIORITY_OPTIONAL);
	ck_assert_int_eq(triad_conference_request_slots(c, r), 1);

	r = request(c, "csv-7");
	ck_assert_int_eq(triad_conference_request_household(c, r), (int32_t)h2);
	ck_assert_uint_eq(triad_conference_request_teacher_count(c, r), 2);
	ck_assert_str_eq(teacher_of(c, r, 0), "JAN");
	ck_assert_str_eq(teacher_of(c, r, 1), "VRI");
	ck_assert_int_eq(triad_conference_request_priority(c, r), TRIAD_CONFERENCE_PRIORITY_REQUIRED);

	/* the base is untouched and the sessions carried over */
	ck_assert_uint_eq(triad_conference_household_count(base), 0);
	ck_assert_uint_eq(triad_conference_session_count(c), 2);
	ck_assert_str_eq(triad_conference_session_id(c, 1), "do");
	triad_conference_free(c);
	triad_conference_free(base);
}
END_TEST

/* The availability of h2 is session "do" only (given as its date): a
 * schedule can only put csv-7 there. Checked through the solver. */
START_TEST(sessions_cell_limits_availability)
{
	triad_conference *base = load_base(), *c = NULL;
	ck_assert_ok(import_file(&c, base, "csv/semicolon.csv", NULL));
	triad_conference_result *res = NULL;
	ck_assert_ok(triad_conference_solve(&res, c, NULL, NULL));
	int n = triad_conference_result_household_meetings(NULL, 0, res, "h2");
	ck_assert_int_eq(n, 1);
	size_t m = 99;
	ck_assert_int_eq(triad_conference_result_household_meetings(&m, 1, res, "h2"), 1);
	ck_assert_str_eq(triad_conference_result_meeting_session(res, m), "do");
	/* JAN is there from slot 2 */
	ck_assert_int_ge(triad_conference_result_meeting_slot(res, m), 2);
	triad_conference_result_free(res);
	triad_conference_free(c);
	triad_conference_free(base);
}
END_TEST

/* comma.csv: English headers, LF, quoted cells with a comma and a line
 * break. Line 3 holds a two-line parent cell, so line 4 starts on line 5:
 *   line 2  g-17 Olivia BAK invited, early, di   -> csv-2
 *   line 3  g-18 Yusuf  VRI optional             -> csv-3
 *   line 5  g-18 Yusuf  JAN required             -> csv-5
 * g-18 has no household_name: its parent cell names it. */
START_TEST(comma_export)
{
	triad_conference *base = load_base(), *c = NULL;
	ck_assert_ok(import_file(&c, base, "csv/comma.csv", NULL));
	ck_assert_uint_eq(triad_conference_household_count(c), 2);
	ck_assert_uint_eq(triad_conference_request_count(c), 3);
	ck_assert_str_eq(triad_conference_household_name(c, household(c, "g-17")),
	                 "Family Smith, Amsterdam");
	ck_assert_str_eq(triad_conference_household_name(c, household(c, "g-18")),
	                 "Ahmed El Amrani\nFatima El Amrani");
	size_t r = request(c, "csv-5");
	ck_assert_str_eq(teacher_of(c, r, 0), "JAN");
	ck_assert_int_eq(triad_conference_request_priority(c, r), TRIAD_CONFERENCE_PRIORITY_REQUIRED);
	ck_assert_int_eq(triad_conference_request_priority(c, request(c, "csv-3")),
	                 TRIAD_CONFERENCE_PRIORITY_OPTIONAL);
	triad_conference_free(c);
	triad_conference_free(base);
}
END_TEST

/* tab.csv: "Household ID" normalizes to household_id. */
START_TEST(tab_export)
{
	triad_conference *base = load_base(), *c = NULL;
	ck_assert_ok(import_file(&c, base, "csv/tab.csv", NULL));
	ck_assert_uint_eq(triad_conference_request_count(c), 1);
	ck_assert_str_eq(triad_conference_request_student(c, request(c, "csv-2"), 0), "Liv Bos");
	triad_conference_free(c);
	triad_conference_free(base);
}
END_TEST

/* Every error: the file, the code, the row (error line), the column number
 * and a part of the message. */
static const struct {
	const char *file;
	int code;
	int row, column;
	const char *message;
} errors[] = {
	{ "err-unknown-header.csv", TRIAD_EFORMAT, 1, 4, "row 1, column \"Klas\": unknown column" },
	{ "err-missing-header.csv", TRIAD_EFORMAT, 1, 0,
	  "row 1: the required column \"teacher\" is missing" },
	{ "err-duplicate-header.csv", TRIAD_EFORMAT, 1, 4,
	  "column \"Teacher\": the column \"teacher\" appears twice (also column 3)" },
	{ "err-empty-header.csv", TRIAD_EFORMAT, 1, 0, "column 3 has no header name" },
	{ "err-empty-cell.csv", TRIAD_EFORMAT, 3, 2,
	  "row 3, column \"Leerling\": the cell is empty; every row needs a student" },
	{ "err-utf8.csv", TRIAD_EFORMAT, 2, 2, "row 2, column 2: the cell is not valid UTF-8" },
	{ "err-unknown-teacher.csv", TRIAD_EFORMAT, 3, 3,
	  "row 3, column \"Docent\": unknown teacher \"xyz\"" },
	{ "err-absent-teacher.csv", TRIAD_EFORMAT, 2, 3,
	  "teacher \"BOE\" is present at none of the sessions" },
	{ "err-unknown-joint.csv", TRIAD_EFORMAT, 2, 4,
	  "column \"Samen met\": unknown teacher \"ABC\"" },
	{ "err-joint-same.csv", TRIAD_EFORMAT, 2, 4, "the joint teacher is the teacher of the row" },
	{ "err-unknown-session.csv", TRIAD_EFORMAT, 2, 4,
	  "column \"Avonden\": unknown session \"wo\"" },
	{ "err-priority.csv", TRIAD_EFORMAT, 2, 4, "\"dringend\" is not a priority" },
	{ "err-slots.csv", TRIAD_EFORMAT, 2, 4, "\"twee\" is not a whole number from 1 to 4" },
	{ "err-preference.csv", TRIAD_EFORMAT, 2, 4, "\"'s middags\" is not a preference" },
	{ "err-max-sessions.csv", TRIAD_EFORMAT, 2, 4, "\"3\" is not a whole number from 1 to 2" },
	{ "err-inconsistent.csv", TRIAD_EFORMAT, 4, 4,
	  "row 4, column \"Voorkeur\": household \"h1\" has \"laat\" here but \"vroeg\" in row 2" },
	{ "err-inconsistent-name.csv", TRIAD_EFORMAT, 3, 2,
	  "has \"Fam. Bos\" here but \"Familie Bos\" in row 2" },
	{ "err-duplicate-row.csv", TRIAD_EFORMAT, 4, 2,
	  "row 2 already asks household \"h1\" to meet this teacher about \"Emma\"" },
	{ "err-extra-cell.csv", TRIAD_EFORMAT, 3, 0,
	  "row 3: the row has a value in column 4, but the header names only 3 columns" },
	{ "err-quote.csv", TRIAD_EPARSE, 2, 0, "row 2: malformed quotes" },
	{ "err-unclosed.csv", TRIAD_EPARSE, 3, 0, "row 3: a quoted cell is not closed" },
	/* the parent cell of row 2 spans lines 2 and 3: the next row is on line 4 */
	{ "err-multiline-row.csv", TRIAD_EFORMAT, 4, 4, "row 4, column \"Docent\": unknown teacher" },
	{ "err-empty.csv", TRIAD_EFORMAT, 0, 0, "the file is empty" },
	{ "err-header-only.csv", TRIAD_EFORMAT, 0, 0, "the file has no requests" },
};

START_TEST(every_error)
{
	triad_conference *base = load_base();
	char name[64];
	snprintf(name, sizeof name, "csv/%s", errors[_i].file);
	triad_conference *c = (triad_conference *)&name; /* must stay untouched */
	triad_conference *before = c;
	ck_assert_fails(import_file(&c, base, name, NULL), errors[_i].code, errors[_i].message);
	ck_assert_ptr_eq(c, before);
	const triad_error *e = triad_error_last();
	ck_assert_msg(strncmp(e->message, test_data_path(name), strlen(test_data_path(name))) == 0,
	              "the message \"%s\" does not start with the file name", e->message);
	ck_assert_str_eq(e->source, test_data_path(name));
	ck_assert_int_eq(e->line, errors[_i].row);
	ck_assert_int_eq(e->column, errors[_i].column);
	triad_conference_free(base);
}
END_TEST

/* Ids of the file that the base already holds. */
START_TEST(ids_shared_with_the_base)
{
	triad_conference *base = load_base(), *once = NULL, *twice = NULL;
	const char *csv = "gezin;leerling;docent\nh1;Emma;VRI\n";
	ck_assert_ok(triad_conference_import_csv(&once, base, csv, strlen(csv), "a.csv", NULL));
	ck_assert_fails(triad_conference_import_csv(&twice, once, csv, strlen(csv), "b.csv", NULL),
	                TRIAD_EFORMAT,
	                "b.csv: row 2, column \"gezin\": household \"h1\" is already in the base");
	/* a new household, but the generated request id csv-2 is taken */
	const char *other = "gezin;leerling;docent\nh2;Sem;VRI\n";
	ck_assert_fails(triad_conference_import_csv(&twice, once, other, strlen(other), "c.csv",
	                                            NULL),
	                TRIAD_EFORMAT, "c.csv: row 2: the request id \"csv-2\" is already in the base");
	/* on line 3 it is free: the base's households and requests are kept */
	const char *later = "gezin;leerling;docent\n\nh2;Sem;VRI\n";
	ck_assert_ok(triad_conference_import_csv(&twice, once, later, strlen(later), "d.csv", NULL));
	ck_assert_uint_eq(triad_conference_household_count(twice), 2);
	ck_assert_uint_eq(triad_conference_request_count(twice), 2);
	ck_assert_str_eq(triad_conference_request_id(twice, 0), "csv-2");
	ck_assert_str_eq(triad_conference_request_id(twice, 1), "csv-3");
	triad_conference_free(twice);
	triad_conference_free(once);
	triad_conference_free(base);
}
END_TEST

START_TEST(options)
{
	triad_conference *base = load_base(), *c = NULL;
	triad_csvimport_options o = TRIAD_CSVIMPORT_OPTIONS_INIT;

	/* the school's own header names replace the defaults of those columns */
	const char *own = "Gezin;Kind;Mentor-code\nh1;Emma;VRI\n";
	o.headers[TRIAD_CSV_COLUMN_STUDENT] = "kind";
	o.headers[TRIAD_CSV_COLUMN_TEACHER] = "Mentor code";
	ck_assert_ok(triad_conference_import_csv(&c, base, own, strlen(own), NULL, &o));
	ck_assert_str_eq(triad_conference_request_student(c, 0, 0), "Emma");
	triad_conference_free(c);
	c = NULL;
	/* ... and only them: "docent" is then unknown */
	const char *dflt = "Gezin;Kind;Docent\nh1;Emma;VRI\n";
	ck_assert_fails(triad_conference_import_csv(&c, base, dflt, strlen(dflt), NULL, &o),
	                TRIAD_EFORMAT, "CSV: row 1, column \"Docent\": unknown column");

	/* unknown columns may be ignored */
	const char *extra = "Gezin;Klas;Leerling;Docent;\nh1;2B;Emma;VRI;\n";
	triad_csvimport_options lax = TRIAD_CSVIMPORT_OPTIONS_INIT;
	lax.ignore_unknown_columns = 1;
	ck_assert_ok(triad_conference_import_csv(&c, base, extra, strlen(extra), NULL, &lax));
	ck_assert_uint_eq(triad_conference_request_count(c), 1);
	triad_conference_free(c);
	c = NULL;

	/* a delimiter that is set is used: the header is then one column */
	triad_csvimport_options comma = TRIAD_CSVIMPORT_OPTIONS_INIT;
	comma.delimiter = ',';
	const char *semi = "gezin;leerling;docent\nh1;Emma;VRI\n";
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), "x", &comma),
	                TRIAD_EFORMAT, "x: row 1, column \"gezin;leerling;docent\": unknown");
	/* detection: more commas than semicolons in the header row */
	const char *mixed = "gezin,leerling,docent;\nh1,\"Emma; Noah\",VRI;\n";
	ck_assert_fails(triad_conference_import_csv(&c, base, mixed, strlen(mixed), "m", NULL),
	                TRIAD_EFORMAT, "m: row 1, column \"docent;\": unknown column");

	/* invalid options */
	triad_csvimport_options bad = TRIAD_CSVIMPORT_OPTIONS_INIT;
	bad.version = 0;
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "unknown version 0");
	bad.version = TRIAD_CSVIMPORT_OPTIONS_VERSION + 1;
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "unknown version");
	bad.version = TRIAD_CSVIMPORT_OPTIONS_VERSION;
	bad.delimiter = '|';
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "the delimiter must be");
	bad.delimiter = 0;
	bad.headers[0] = "x";
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "headers[0] is set, but 0 is not a column");
	bad.headers[0] = NULL;
	bad.headers[TRIAD_CSV_COLUMN_COUNT + 1] = "x";
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "is not a column");
	bad.headers[TRIAD_CSV_COLUMN_COUNT + 1] = NULL;
	bad.headers[TRIAD_CSV_COLUMN_STUDENT] = "Naam";
	bad.headers[TRIAD_CSV_COLUMN_PARENT] = "naam";
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "the columns \"parent\" and \"student\" have the same header");
	bad.headers[TRIAD_CSV_COLUMN_PARENT] = "\xff";
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "the header name of column \"parent\"");
	bad.headers[TRIAD_CSV_COLUMN_PARENT] = "";
	ck_assert_fails(triad_conference_import_csv(&c, base, semi, strlen(semi), NULL, &bad),
	                TRIAD_EINVAL, "the header name of column \"parent\"");
	ck_assert_ptr_null(c);

	/* options_init */
	triad_csvimport_options init;
	memset(&init, 0x55, sizeof init);
	ck_assert_ok(triad_csvimport_options_init(&init, TRIAD_CSVIMPORT_OPTIONS_VERSION));
	ck_assert_uint_eq(init.version, TRIAD_CSVIMPORT_OPTIONS_VERSION);
	ck_assert_int_eq(init.delimiter, 0);
	ck_assert_int_eq(init.ignore_unknown_columns, 0);
	for (int k = 0; k < TRIAD_CSV_HEADERS_MAX; k++)
		ck_assert_ptr_null(init.headers[k]);
	ck_assert_fails(triad_csvimport_options_init(&init, 0), TRIAD_EINVAL, "unknown version");
	ck_assert_fails(triad_csvimport_options_init(&init, 2), TRIAD_EINVAL, "unknown version");
	ck_assert_fails(triad_csvimport_options_init(NULL, 1), TRIAD_EINVAL, NULL);
	triad_conference_free(base);
}
END_TEST

START_TEST(column_ids)
{
	static const char *const want[] = { "household", "household_name", "parent", "student",
		                            "teacher", "joint_teacher", "priority", "slots",
		                            "preference", "sessions", "max_sessions" };
	for (int c = 1; c <= TRIAD_CSV_COLUMN_COUNT; c++)
		ck_assert_str_eq(triad_csv_column_id((triad_csv_column)c), want[c - 1]);
	ck_assert_ptr_null(triad_csv_column_id(TRIAD_CSV_COLUMN_NONE));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_EINVAL);
	ck_assert_ptr_null(triad_csv_column_id((triad_csv_column)(TRIAD_CSV_COLUMN_COUNT + 1)));
}
END_TEST

START_TEST(bad_arguments)
{
	triad_conference *base = load_base(), *c = NULL;
	const char *csv = "gezin;leerling;docent\nh1;Emma;VRI\n";
	ck_assert_fails(triad_conference_import_csv(NULL, base, csv, strlen(csv), NULL, NULL),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_conference_import_csv(&c, NULL, csv, strlen(csv), NULL, NULL),
	                TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_conference_import_csv(&c, base, NULL, 4, NULL, NULL), TRIAD_EINVAL,
	                NULL);
	ck_assert_fails(triad_conference_import_csv(&c, base, csv, strlen(csv), "\xc3", NULL),
	                TRIAD_EINVAL, "the source name");
	/* NULL text of length 0 is an empty file */
	ck_assert_fails(triad_conference_import_csv(&c, base, NULL, 0, NULL, NULL), TRIAD_EFORMAT,
	                "CSV: the file is empty");
	ck_assert_fails(triad_conference_import_csv_file(&c, base, NULL, NULL), TRIAD_EINVAL, NULL);
	ck_assert_fails(triad_conference_import_csv_file(&c, base, "/nonexistent/x.csv", NULL),
	                TRIAD_EIO, "cannot open /nonexistent/x.csv");
	ck_assert_str_eq(triad_error_last()->source, "/nonexistent/x.csv");
	/* the text need not be NUL-terminated: only len bytes are read */
	char buf[64];
	memcpy(buf, csv, strlen(csv));
	memset(buf + strlen(csv), 'x', sizeof buf - strlen(csv));
	ck_assert_ok(triad_conference_import_csv(&c, base, buf, strlen(csv), NULL, NULL));
	ck_assert_uint_eq(triad_conference_request_count(c), 1);
	triad_conference_free(c);
	triad_conference_free(base);
}
END_TEST

/* ---- allocation failures ---- */

typedef struct sweep_ctx {
	triad_conference *base;
	triad_conference *out;
	const char *text;
	size_t len;
} sweep_ctx;

static int sweep_run(void *p)
{
	sweep_ctx *x = p;
	x->out = NULL;
	return triad_conference_import_csv(&x->out, x->base, x->text, x->len, "semicolon.csv",
	                                   NULL);
}

static void sweep_after(void *p, int rc)
{
	sweep_ctx *x = p;
	if (rc) {
		ck_assert_ptr_null(x->out);
		return;
	}
	ck_assert_uint_eq(triad_conference_request_count(x->out), 3);
	triad_conference_free(x->out);
}

START_TEST(allocation_failures)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	FILE *f = fopen(test_data_path("csv/semicolon.csv"), "rb");
	ck_assert_ptr_nonnull(f);
	char text[4096];
	size_t len = fread(text, 1, sizeof text, f);
	fclose(f);
	sweep_ctx x = { load_base(), NULL, text, len };
	long runs = failalloc_sweep(sweep_run, sweep_after, &x);
	ck_assert_int_gt(runs, 50);
	triad_conference_free(x.base);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("csvimport");
	TCase *tc = tcase_create("csvimport");
	tcase_add_test(tc, semicolon_export);
	tcase_add_test(tc, sessions_cell_limits_availability);
	tcase_add_test(tc, comma_export);
	tcase_add_test(tc, tab_export);
	tcase_add_loop_test(tc, every_error, 0, (int)(sizeof errors / sizeof *errors));
	tcase_add_test(tc, ids_shared_with_the_base);
	tcase_add_test(tc, options);
	tcase_add_test(tc, column_ids);
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
