/*
 * triad schedule: solve a parent-teacher conference instance and publish it
 * (result JSON, HTML view with letters, iCalendar files).
 * triad schedule-check: check a schedule (e.g. edited by hand) against its
 * instance: every violated hard constraint and the recomputed metrics.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"

static void usage_schedule(FILE *out)
{
	fprintf(out,
	        "usage: triad schedule INSTANCE.json -o RESULT.json [--seed N] [--iterations N]\n"
	        "                      [--time-limit SECONDS] [--html DIR] [--ics DIR]\n"
	        "                      [--progress] [--lang nl|en] [--school NAME]\n"
	        "                      [--previous RESULT.json | --keep RESULT.json]\n"
	        "\n"
	        "Schedule the parent-teacher conferences of INSTANCE.json (triad.conference/1)\n"
	        "and write the result (triad.conference-result/1). The same seed and iteration\n"
	        "limit give the same schedule on any machine; a time limit only cuts the run\n"
	        "short. Ctrl-C stops the search and keeps the best schedule found so far.\n"
	        "  -o RESULT.json        where to write the result (required)\n"
	        "  --seed N              seed of the search (default 1)\n"
	        "  --iterations N        local search iterations (default 400 + 12 per request,\n"
	        "                        at least 20,000; 0: construct only)\n"
	        "  --time-limit SECONDS  stop the search after this long (default: none)\n"
	        "  --previous RESULT.json  re-plan after a change (a late request, a teacher who\n"
	        "                        falls ill): start from this published schedule and move\n"
	        "                        as few of its meetings as the objective allows (each\n"
	        "                        move costs the instance's move_penalty)\n"
	        "  --keep RESULT.json    keep every meeting of this schedule exactly where it is\n"
	        "                        (pinned) and fit the other requests around them\n"
	        "  --html DIR            write DIR/index.html (the whole event; prints a page per\n"
	        "                        teacher) and DIR/letter-HOUSEHOLD.txt for every household\n"
	        "  --ics DIR             write DIR/household-ID.ics and DIR/teacher-ID.ics\n"
	        "  --progress            a progress line on stderr even when it is not a terminal\n"
	        "  --lang nl|en          language of the HTML, letters and calendars (default nl)\n"
	        "  --school NAME         the school's name in the HTML, letters and calendars\n"
	        "Output files are replaced atomically.\n");
}

static void usage_check(FILE *out)
{
	fprintf(out,
	        "usage: triad schedule-check INSTANCE.json RESULT.json\n"
	        "\n"
	        "Check a conference schedule against its instance: print every violated hard\n"
	        "constraint and the metrics recomputed from the instance and the meetings.\n"
	        "Exit status: 0 no violation, 1 violations, 2 bad usage or unreadable input.\n");
}

/* ---- number arguments ---------------------------------------------------- */

static bool parse_int(const char *cmd, const char *opt, const char *text, long long min,
                      long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < min) {
		fprintf(stderr, "triad %s: %s takes a whole number >= %lld, not \"%s\"\n", cmd, opt, min,
		        text);
		return false;
	}
	*out = v;
	return true;
}

/* ---- progress and Ctrl-C ------------------------------------------------- */

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

typedef struct progress_state {
	bool show;
	bool shown;
} progress_state;

static int on_progress(triad_solve_phase phase, int64_t best, double fraction, void *payload)
{
	progress_state *p = payload;
	if (p->show) {
		static const char *const names[] = { "", "bound", "construct", "improve", "done" };
		const char *name = phase >= 1 && phase <= 4 ? names[phase] : "?";
		if (best >= 0)
			fprintf(stderr, "\rtriad schedule: %-9s best cost %14lld  %3.0f%% ", name,
			        (long long)best, fraction * 100);
		else
			fprintf(stderr, "\rtriad schedule: %-9s %34s", name, "");
		p->shown = true;
	}
	return interrupted ? 1 : 0;
}

/* ---- output files -------------------------------------------------------- */

static bool make_dir(const char *cmd, const char *dir)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		return true;
	fprintf(stderr, "triad %s: cannot create the directory %s: %s\n", cmd, dir, strerror(errno));
	return false;
}

/* DIR/PREFIX-ID.EXT, with characters other than letters, digits, '.', '-'
 * and '_' in the id replaced by '_' so that any id is a safe file name. */
static char *file_name(const char *dir, const char *prefix, const char *id, const char *ext)
{
	size_t n = strlen(dir) + strlen(prefix) + strlen(id) + strlen(ext) + 4;
	char *path = malloc(n);
	if (!path)
		return NULL;
	int k = snprintf(path, n, "%s/%s%s", dir, prefix, prefix[0] ? "-" : "");
	for (const char *p = id; *p; p++) {
		char ch = *p;
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		          ch == '-' || ch == '_' || (ch == '.' && p != id);
		path[k++] = ok ? ch : '_';
	}
	snprintf(path + k, n - (size_t)k, ".%s", ext);
	return path;
}

static bool fail_oom(void)
{
	fprintf(stderr, "triad schedule: out of memory\n");
	return false;
}

/* Report a failed export and return false. */
static bool fail_export(const char *what)
{
	report_error("schedule", what);
	return false;
}

/* Write text (owned by the library) to a file and release it. */
static bool write_owned(const char *cmd, const char *path, char *text)
{
	bool ok = write_file_atomic(cmd, path, text, strlen(text));
	triad_free(text);
	return ok;
}

static bool write_html(const triad_conference *conf, const triad_conference_result *res,
                       const triad_conference_export_options *opt, const char *dir)
{
	if (!make_dir("schedule", dir))
		return false;
	char *text = NULL;
	char *path = file_name(dir, "", "index", "html");
	if (!path)
		return fail_oom();
	bool ok = triad_conference_export_html(&text, conf, res, opt) == 0
	                  ? write_owned("schedule", path, text)
	                  : fail_export("cannot make the HTML view");
	free(path);
	for (size_t h = 0; ok && h < triad_conference_household_count(conf); h++) {
		const char *id = triad_conference_household_id(conf, h);
		if (triad_conference_export_letter(&text, conf, res, id, opt) != 0)
			return fail_export("cannot write a letter");
		path = file_name(dir, "letter", id, "txt");
		ok = path ? write_owned("schedule", path, text) : (triad_free(text), fail_oom());
		free(path);
	}
	return ok;
}

static bool write_ics(const triad_conference *conf, const triad_conference_result *res,
                      const triad_conference_export_options *opt, const char *dir)
{
	if (!make_dir("schedule", dir))
		return false;
	bool ok = true;
	char *text = NULL, *path;
	for (size_t h = 0; ok && h < triad_conference_household_count(conf); h++) {
		const char *id = triad_conference_household_id(conf, h);
		if (triad_conference_export_household_ics(&text, conf, res, id, opt) != 0)
			return fail_export("cannot make a household's calendar");
		path = file_name(dir, "household", id, "ics");
		ok = path ? write_owned("schedule", path, text) : (triad_free(text), fail_oom());
		free(path);
	}
	for (size_t t = 0; ok && t < triad_conference_teacher_count(conf); t++) {
		const char *id = triad_conference_teacher_id(conf, t);
		if (triad_conference_export_teacher_ics(&text, conf, res, id, opt) != 0)
			return fail_export("cannot make a teacher's calendar");
		path = file_name(dir, "teacher", id, "ics");
		ok = path ? write_owned("schedule", path, text) : (triad_free(text), fail_oom());
		free(path);
	}
	return ok;
}

/* The metrics of a result or of a report, one a line. */

static void print_metrics(const void *obj, bool report)
{
	for (int m = TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT; m <= TRIAD_CONFERENCE_METRIC_TOTAL_WEIGHT;
	     m++) {
		int64_t v = 0;
		int rc = report ? triad_conference_report_metric(&v, obj, (triad_conference_metric)m)
		                : triad_conference_result_metric(&v, obj, (triad_conference_metric)m);
		if (rc == 0)
			printf("  %-26s %lld\n", triad_conference_metric_id((triad_conference_metric)m),
			       (long long)v);
	}
}

int cmd_schedule(int argc, char **argv)
{
	const char *input = NULL, *output = NULL, *html = NULL, *ics = NULL;
	const char *previous = NULL, *keep = NULL;
	bool force_progress = false;
	triad_solve_options so = TRIAD_SOLVE_OPTIONS_INIT;
	triad_conference_export_options eo = TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has = i + 1 < argc;
		long long v;
		if (is_help(a)) {
			usage_schedule(stdout);
			return 0;
		} else if (strcmp(a, "-o") == 0 && has) {
			output = argv[++i];
		} else if (strcmp(a, "--seed") == 0 && has) {
			if (!parse_int("schedule", a, argv[++i], 0, &v))
				return 2;
			so.seed = (uint64_t)v;
		} else if (strcmp(a, "--iterations") == 0 && has) {
			if (!parse_int("schedule", a, argv[++i], 0, &v))
				return 2;
			/* 0 on the command line: construct only (-1 in the options) */
			so.max_iterations = v == 0 ? -1 : v;
		} else if (strcmp(a, "--time-limit") == 0 && has) {
			char *end;
			errno = 0;
			so.time_limit_seconds = strtod(argv[++i], &end);
			if (errno || end == argv[i] || *end || !(so.time_limit_seconds > 0)) {
				fprintf(stderr, "triad schedule: --time-limit takes a number of seconds > 0, "
				                "not \"%s\"\n", argv[i]);
				return 2;
			}
		} else if (strcmp(a, "--previous") == 0 && has) {
			previous = argv[++i];
		} else if (strcmp(a, "--keep") == 0 && has) {
			keep = argv[++i];
		} else if (strcmp(a, "--html") == 0 && has) {
			html = argv[++i];
		} else if (strcmp(a, "--ics") == 0 && has) {
			ics = argv[++i];
		} else if (strcmp(a, "--progress") == 0) {
			force_progress = true;
		} else if (strcmp(a, "--lang") == 0 && has) {
			if (!parse_lang("schedule", argv[++i], &eo.lang))
				return 2;
		} else if (strcmp(a, "--school") == 0 && has) {
			eo.school_name = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "triad schedule: unknown option \"%s\"%s\n", a,
			        has ? "" : " (or its value is missing)");
			usage_schedule(stderr);
			return 2;
		} else if (!input) {
			input = a;
		} else {
			fprintf(stderr, "triad schedule: one instance only (\"%s\" is a second one)\n", a);
			return 2;
		}
	}
	if (!input || !output) {
		fprintf(stderr, "triad schedule: %s\n", input ? "-o RESULT.json is required"
		                                               : "the instance file is missing");
		usage_schedule(stderr);
		return 2;
	}
	if (previous && keep) {
		fprintf(stderr, "triad schedule: --previous and --keep exclude each other (--keep "
		                "already keeps every meeting where it was)\n");
		return 2;
	}

	triad_conference *conf = NULL;
	triad_conference_result *prev = NULL;
	if (triad_conference_load_file(&conf, input) != 0)
		return report_error("schedule", "cannot read the instance");
	const char *base = previous ? previous : keep;
	if (base && triad_conference_result_load_file(&prev, conf, base) != 0) {
		triad_conference_free(conf);
		return report_error("schedule", "cannot read the published schedule");
	}
	if (keep && triad_conference_pin_result(conf, prev) != 0) {
		triad_conference_result_free(prev);
		triad_conference_free(conf);
		return report_error("schedule", "cannot keep the published schedule");
	}

	progress_state ps = { progress_wanted(force_progress), false };
	so.progress = on_progress;
	so.payload = &ps;
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	triad_conference_result *res = NULL;
	int rc = triad_conference_solve(&res, conf, &so, previous ? prev : NULL);
	sigaction(SIGINT, &old, NULL);
	triad_conference_result_free(prev);
	if (ps.shown)
		fputc('\n', stderr);
	if (rc != 0) {
		triad_conference_free(conf);
		return report_error("schedule", "cannot schedule the instance");
	}

	int status = 0;
	char *json = NULL;
	if (triad_conference_result_save_json(&json, res) != 0)
		status = report_error("schedule", "cannot write the result");
	else if (!write_owned("schedule", output, json))
		status = 1;
	if (status == 0 && html && !write_html(conf, res, &eo, html))
		status = 1;
	if (status == 0 && ics && !write_ics(conf, res, &eo, ics))
		status = 1;
	if (status == 0) {
		int64_t canceled = 0, iters = 0, ms = 0;
		triad_conference_result_stat(&canceled, res, TRIAD_CONFERENCE_STAT_CANCELED);
		triad_conference_result_stat(&iters, res, TRIAD_CONFERENCE_STAT_ITERATIONS);
		triad_conference_result_stat(&ms, res, TRIAD_CONFERENCE_STAT_ELAPSED_MS);
		printf("%s: %zu meetings, %zu unscheduled, %lld iterations in %.2f s%s\n", output,
		       triad_conference_result_meeting_count(res),
		       triad_conference_result_unscheduled_count(res), (long long)iters, ms / 1000.0,
		       canceled ? " (stopped early)" : "");
		print_metrics(res, false);
	}
	triad_conference_result_free(res);
	triad_conference_free(conf);
	return status;
}

/* One violation: its kind, the ids it names (to find them in the files),
 * and the message (with names, for people). */
static void print_violation(const triad_conference_report *rep, size_t i)
{
	static const struct {
		const char *label;
		const char *(*get)(const triad_conference_report *, size_t);
	} ids[] = {
		{ "request", triad_conference_report_violation_request },
		{ "request", triad_conference_report_violation_other_request },
		{ "teacher", triad_conference_report_violation_teacher },
		{ "household", triad_conference_report_violation_household },
		{ "session", triad_conference_report_violation_session },
	};
	printf("violation %s", triad_conference_violation_id(triad_conference_report_violation_kind(rep, i)));
	int named = 0;
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		const char *id = ids[k].get(rep, i);
		if (id && id[0])
			printf("%s%s %s", named++ ? ", " : " (", ids[k].label, id);
	}
	printf("%s: %s\n", named ? ")" : "", triad_conference_report_violation_message(rep, i));
}

int cmd_schedule_check(int argc, char **argv)
{
	const char *files[2] = { NULL, NULL };
	int nfiles = 0;
	for (int i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			usage_check(stdout);
			return 0;
		}
		if ((argv[i][0] == '-' && argv[i][1]) || nfiles == 2) {
			fprintf(stderr, "triad schedule-check: unexpected argument \"%s\"\n", argv[i]);
			usage_check(stderr);
			return 2;
		}
		files[nfiles++] = argv[i];
	}
	if (nfiles != 2) {
		usage_check(stderr);
		return 2;
	}
	triad_conference *conf = NULL;
	triad_conference_result *res = NULL;
	triad_conference_report *rep = NULL;
	if (triad_conference_load_file(&conf, files[0]) != 0) {
		report_error("schedule-check", "cannot read the instance");
		return 2;
	}
	if (triad_conference_result_load_file(&res, conf, files[1]) != 0) {
		report_error("schedule-check", "cannot read the result");
		triad_conference_free(conf);
		return 2;
	}
	if (triad_conference_check(&rep, conf, res) != 0) {
		report_error("schedule-check", "cannot check the result");
		triad_conference_result_free(res);
		triad_conference_free(conf);
		return 2;
	}
	size_t nv = triad_conference_report_violation_count(rep);
	for (size_t i = 0; i < nv; i++)
		print_violation(rep, i);
	printf("%s: %zu meetings, %zu violation%s\n", files[1],
	       triad_conference_result_meeting_count(res), nv, nv == 1 ? "" : "s");
	print_metrics(rep, true);
	triad_conference_report_free(rep);
	triad_conference_result_free(res);
	triad_conference_free(conf);
	return nv ? 1 : 0;
}
