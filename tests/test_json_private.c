/* The strict JSON helpers every loader is built on (private API). */
#include <sys/stat.h>
#include <unistd.h>

#include "json_private.h"
#include "support/failalloc.h"
#include "support/testutil.h"

static json_t *parse(const char *text)
{
	json_t *root = NULL;
	ck_assert_ok(triad__j_parse(&root, text, strlen(text), "doc.json"));
	return root;
}

START_TEST(syntax_errors_carry_line_and_column)
{
	json_t *root = NULL;
	const char *text = "{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}";
	ck_assert_fails(triad__j_parse(&root, text, strlen(text), "doc.json"), TRIAD_EPARSE,
	                "doc.json: line 3");
	ck_assert_int_eq(triad_error_last()->line, 3);
	ck_assert_int_eq(triad_error_last()->column, 14);
	ck_assert_str_eq(triad_error_last()->source, "doc.json");
	ck_assert_ptr_null(root);
	ck_assert_fails(triad__j_parse(&root, "{\"a\":1,\"a\":2}", 13, NULL), TRIAD_EPARSE,
	                "duplicate");
	ck_assert_fails(triad__j_parse(&root, "[1]", 3, NULL), TRIAD_EFORMAT,
	                "the document is an array, expected an object");
	ck_assert_fails(triad__j_parse(&root, "{\"a\":\"\xc3\x28\"}", 10, NULL), TRIAD_EPARSE,
	                "unable to decode byte 0xc3");
	ck_assert_fails(triad__j_parse_file(&root, "/nonexistent/x.json"), TRIAD_EIO,
	                "cannot open /nonexistent/x.json");
}
END_TEST

START_TEST(paths_name_the_offending_member)
{
	json_t *root = parse("{\"format\":\"triad.test/1\",\"teachers\":[{\"id\":\"t1\"},"
	                     "{\"id\":\"t2\",\"sessions\":[{\"available\":[[0,4],[3,\"x\"]]}]}]}");
	triad_jctx c;
	triad__jctx_init(&c, "inst.json");
	int major = 0;
	ck_assert_ok(triad__j_check_format(&c, root, "triad.test", 1, &major));
	ck_assert_int_eq(major, 1);
	json_t *teachers = NULL;
	ck_assert_ok(triad__j_array(&c, root, "teachers", true, &teachers));
	size_t m1 = triad__j_push_key(&c, "teachers");
	size_t m2 = triad__j_push_index(&c, 1);
	size_t m3 = triad__j_push_key(&c, "sessions");
	size_t m4 = triad__j_push_index(&c, 0);
	size_t m5 = triad__j_push_key(&c, "available");
	triad__j_push_index(&c, 1);
	ck_assert_fails(triad__j_fail(&c, TRIAD_EFORMAT, "expected a slot number"),
	                TRIAD_EFORMAT,
	                "inst.json: at teachers[1].sessions[0].available[1]: expected a slot number");
	ck_assert_str_eq(triad_error_last()->path, "teachers[1].sessions[0].available[1]");
	triad__j_pop(&c, m5);
	triad__j_pop(&c, m4);
	triad__j_pop(&c, m3);
	json_t *t0 = json_array_get(teachers, 1);
	const char *name = NULL;
	ck_assert_fails(triad__j_string(&c, t0, "name", true, &name), TRIAD_EFORMAT,
	                "the required field \"name\" is missing");
	ck_assert_str_eq(triad_error_last()->path, "teachers[1]");
	static const char *const allowed[] = { "id", "name", NULL };
	ck_assert_fails(triad__j_fields(&c, t0, allowed), TRIAD_EFORMAT,
	                "unknown field \"sessions\" (allowed: id, name)");
	ck_assert_str_eq(triad_error_last()->path, "teachers[1].sessions");
	triad__j_pop(&c, m2);
	triad__j_pop(&c, m1);
	ck_assert_str_eq(c.path, "");
	json_decref(root);
}
END_TEST

START_TEST(member_readers_check_types_and_ranges)
{
	json_t *o = parse("{\"s\":\"x\",\"i\":7,\"f\":0.5,\"b\":true,\"d\":\"2026-02-30\","
	                  "\"e\":\"late\",\"n\":null,\"a\":[],\"o\":{}}");
	triad_jctx c;
	triad__jctx_init(&c, NULL);
	const char *s = "unchanged";
	long long i = -1;
	double f = -1;
	bool b = false;
	triad_date d = 5;
	int e = -1;
	json_t *j = NULL;
	ck_assert_ok(triad__j_string(&c, o, "missing", false, &s));
	ck_assert_str_eq(s, "unchanged");
	ck_assert_fails(triad__j_string(&c, o, "i", true, &s), TRIAD_EFORMAT,
	                "at i: expected a string, got an integer");
	ck_assert_ok(triad__j_int(&c, o, "i", true, 0, 10, &i));
	ck_assert_int_eq(i, 7);
	ck_assert_fails(triad__j_int(&c, o, "i", true, 0, 5, &i), TRIAD_EFORMAT,
	                "7 is outside the allowed range 0..5");
	ck_assert_fails(triad__j_int(&c, o, "f", true, 0, 5, &i), TRIAD_EFORMAT, "got a number");
	ck_assert_ok(triad__j_number(&c, o, "f", true, 0, 1, &f));
	ck_assert_double_eq(f, 0.5);
	ck_assert_ok(triad__j_number(&c, o, "i", true, 0, 10, &f));
	ck_assert_double_eq(f, 7);
	ck_assert_ok(triad__j_bool(&c, o, "b", true, &b));
	ck_assert(b);
	ck_assert_fails(triad__j_bool(&c, o, "n", true, &b), TRIAD_EFORMAT, "got null");
	ck_assert_fails(triad__j_date(&c, o, "d", true, &d), TRIAD_EFORMAT, "\"2026-02-30\"");
	ck_assert_int_eq(d, 5);
	static const char *const prefs[] = { "none", "early", "late", NULL };
	ck_assert_ok(triad__j_enum(&c, o, "e", true, prefs, 0, &e));
	ck_assert_int_eq(e, 2);
	ck_assert_fails(triad__j_enum(&c, o, "s", true, prefs, 0, &e), TRIAD_EFORMAT,
	                "\"x\" is not one of \"none\", \"early\", \"late\"");
	ck_assert_ok(triad__j_array(&c, o, "a", true, &j));
	ck_assert(json_is_array(j));
	ck_assert_fails(triad__j_array(&c, o, "o", true, &j), TRIAD_EFORMAT, "got an object");
	ck_assert_ok(triad__j_object(&c, o, "o", true, &j));
	ck_assert_fails(triad__j_object(&c, o, "a", true, &j), TRIAD_EFORMAT, "got an array");
	json_decref(o);
}
END_TEST

START_TEST(format_versions)
{
	triad_jctx c;
	triad__jctx_init(&c, "x.json");
	json_t *o = parse("{\"format\":\"triad.test/2\"}");
	ck_assert_fails(triad__j_check_format(&c, o, "triad.test", 1, NULL), TRIAD_EVERSION,
	                "newer than this version of libtriad reads (up to \"triad.test/1\")");
	json_decref(o);
	const char *wrong[] = { "{\"format\":\"triad.other/1\"}", "{\"format\":\"triad.test/0\"}",
	                        "{\"format\":\"triad.test/1x\"}", "{\"format\":\"triad.test\"}",
	                        "{\"format\":\"triad.test/\"}" };
	for (size_t k = 0; k < sizeof wrong / sizeof *wrong; k++) {
		o = parse(wrong[k]);
		ck_assert_fails(triad__j_check_format(&c, o, "triad.test", 1, NULL), TRIAD_EFORMAT,
		                "expected \"triad.test/1\"");
		ck_assert_str_eq(triad_error_last()->path, "format");
		json_decref(o);
	}
	o = parse("{}");
	ck_assert_fails(triad__j_check_format(&c, o, "triad.test", 1, NULL), TRIAD_EFORMAT,
	                "\"format\" is missing");
	json_decref(o);
}
END_TEST

START_TEST(dump_and_atomic_write)
{
	json_t *o = json_object();
	ck_assert_ok(triad__j_set(o, "format", json_string("triad.test/1")));
	ck_assert_ok(triad__j_set(o, "d", triad__j_date_new(20783)));
	ck_assert_fails(triad__j_set(o, "bad", NULL), TRIAD_ENOMEM, NULL);
	char *text = triad__j_dump(o);
	ck_assert_str_eq(text, "{\n  \"format\": \"triad.test/1\",\n  \"d\": \"2026-11-26\"\n}\n");
	char path[] = "/tmp/triad-json-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	/* The new file's mode follows the umask, as any other file would. */
	mode_t old_mask = umask(027);
	ck_assert_ok(triad__write_file(path, text, strlen(text)));
	umask(old_mask);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0640);
	json_t *back = NULL;
	ck_assert_ok(triad__j_parse_file(&back, path));
	ck_assert(json_equal(o, back));
	unlink(path);
	ck_assert_fails(triad__write_file("/nonexistent-dir/x.json", text, strlen(text)),
	                TRIAD_EIO, "/nonexistent-dir/x.json");
	triad_free(text);
	json_decref(back);
	json_decref(o);
}
END_TEST

START_TEST(strbuf_escapes_html_and_reports_failure)
{
	triad_strbuf sb;
	triad__sb_init(&sb);
	triad__sb_puts(&sb, "<p>");
	triad__sb_put_html(&sb, "Tom & \"Jerry\" <script>'x'</script>");
	triad__sb_printf(&sb, "</p>%d", 42);
	char *s = triad__sb_take(&sb);
	ck_assert_str_eq(s, "<p>Tom &amp; &quot;Jerry&quot; &lt;script&gt;&#39;x&#39;&lt;/script&gt;</p>42");
	triad_free(s);
	triad__sb_init(&sb);
	s = triad__sb_take(&sb);
	ck_assert_str_eq(s, "");
	triad_free(s);
	if (!failalloc_enabled())
		return;
	failalloc_install();
	triad__sb_init(&sb);
	failalloc_arm(1);
	triad__sb_puts(&sb, "lost");
	triad__sb_puts(&sb, "also lost");
	failalloc_arm(0);
	ck_assert_ptr_null(triad__sb_take(&sb));
	ck_assert_int_eq(triad_error_last()->code, TRIAD_ENOMEM);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

/*
 * Regression (found by the hardening sweep of triad_roster_save_file): with
 * json_dumps, a transient allocation failure while jansson 2.14 wrote an
 * object key was ignored, and the dump came back with a quote missing
 * ("family_name: "Smit"). Every dump under any single failure must now be
 * either NULL with TRIAD_ENOMEM or exactly the full text.
 */
typedef struct dump_ctx {
	json_t *root;
	const char *want;
	char *got;
} dump_ctx;

static int run_dump(void *p)
{
	dump_ctx *c = p;
	c->got = triad__j_dump(c->root);
	return c->got ? 0 : triad_error_last()->code;
}

static void after_dump(void *p, int rc)
{
	dump_ctx *c = p;
	if (rc == 0)
		ck_assert_str_eq(c->got, c->want);
	triad_free(c->got);
	c->got = NULL;
}

START_TEST(dump_is_whole_or_fails)
{
	if (!failalloc_enabled())
		return;
	failalloc_install();
	/* Forty members with keys of growing length, so that the output
	 * buffer has to grow in the middle of keys as well as values. */
	json_t *o = json_object();
	char key[64], want[8192];
	size_t len = (size_t)snprintf(want, sizeof want, "{");
	for (int i = 0; i < 40; i++) {
		snprintf(key, sizeof key, "%.*s%d", 1 + i % 20, "family_name_of_a_guardian", i);
		ck_assert_int_eq(json_object_set_new(o, key, json_integer(i)), 0);
		len += (size_t)snprintf(want + len, sizeof want - len, "%s\n  \"%s\": %d",
		                        i ? "," : "", key, i);
	}
	snprintf(want + len, sizeof want - len, "\n}\n");
	dump_ctx c = { o, want, NULL };
	long runs = failalloc_sweep(run_dump, after_dump, &c);
	ck_assert_int_gt(runs, 2);
	json_decref(o);
	ck_assert_int_eq(failalloc_live(), 0);
}
END_TEST

START_TEST(utf8_validation)
{
	ck_assert(triad__utf8_valid("plain", 5));
	ck_assert(triad__utf8_valid("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14));
	ck_assert(!triad__utf8_valid("\xc3", 1));            /* truncated */
	ck_assert(!triad__utf8_valid("\xc0\xaf", 2));        /* overlong */
	ck_assert(!triad__utf8_valid("\xed\xa0\x80", 3));    /* surrogate */
	ck_assert(!triad__utf8_valid("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
	ck_assert(!triad__utf8_valid("a\0b", 3));            /* NUL */
	ck_assert(!triad__utf8_valid("\xff", 1));
	ck_assert_fails(triad__check_text(NULL, "the name", true), TRIAD_EINVAL, "the name is NULL");
	ck_assert_fails(triad__check_text("", "the name", true), TRIAD_EINVAL, "the name is empty");
	ck_assert_ok(triad__check_text("", "the name", false));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("json_private");
	TCase *tc = tcase_create("json_private");
	tcase_add_test(tc, syntax_errors_carry_line_and_column);
	tcase_add_test(tc, paths_name_the_offending_member);
	tcase_add_test(tc, member_readers_check_types_and_ranges);
	tcase_add_test(tc, format_versions);
	tcase_add_test(tc, dump_and_atomic_write);
	tcase_add_test(tc, strbuf_escapes_html_and_reports_failure);
	tcase_add_test(tc, utf8_validation);
	tcase_add_test(tc, dump_is_whole_or_fails);
	suite_add_tcase(s, tc);
	return s;
}

TRIAD_TEST_MAIN(suite)
