/*
 * triad contacts: contact plans, the contact log and what follows from both.
 *
 *   triad contacts plan        the contacts the plan expects (contacts_plan.c)
 *   triad contacts report      reach per school, class and mentor, households
 *                              never contacted and hard to reach; or one
 *                              household's plan status; or a calendar file
 *   triad contacts compliance  an agreement's commitments against the log
 *   triad contacts demo        the reach report of a generated small school
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"

int cmd_contacts(int argc, char **argv);
int contacts_plan_main(int argc, char **argv);

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: triad contacts plan|report|compliance|demo [ARGS]   (each with --help)\n"
	        "\n"
	        "  plan         the contacts the school's contact plan expects in a school year\n"
	        "  report       from a contact log: reach, proactive contact, households never\n"
	        "               contacted and hard to reach; a household's plan status; an\n"
	        "               iCalendar file of a household's or staff member's contacts\n"
	        "  compliance   whether an agreement's measurable commitments are kept\n"
	        "  demo         the reach report of a generated small school\n");
}

static void report_usage(FILE *out)
{
	fprintf(out,
	        "usage: triad contacts report --school FILE --log FILE --as-of YYYY-MM-DD\n"
	        "                             [--calendar FILE] [--from DATE --to DATE]\n"
	        "                             [--weeks N] [--failed M] [--json] [--lang nl|en]\n"
	        "       triad contacts report ... --calendar FILE [--plan FILE] --household ID\n"
	        "       triad contacts report ... --calendar FILE [--plan FILE]\n"
	        "                             (--household ID | --staff ID) --ics OUT.ics\n"
	        "\n"
	        "Reads the school roster and the contact log, and prints as of the date:\n"
	        "reach (households with a contact in the window), the proactive share\n"
	        "(contacts the school started with a positive or neutral tone), the\n"
	        "households never contacted and those hard to reach, per school, class\n"
	        "and mentor.\n"
	        "  --school FILE      the school roster (triad.school/1): households, classes,\n"
	        "                     mentors, and who may be informed on the date\n"
	        "  --log FILE         the contact log: triad.contact-log/1 JSON, or JSON Lines\n"
	        "                     when the name ends in .jsonl\n"
	        "  --as-of DATE       the date the report is about (required: no hidden clock)\n"
	        "  --calendar FILE    the school calendar (triad.calendar/1): school weeks for\n"
	        "                     the hard-to-reach rule and the window's start\n"
	        "  --from, --to DATE  the reach window (default: the school year to the date)\n"
	        "  --weeks N          hard to reach: no contact in N school weeks despite\n"
	        "                     attempts (default 6; 0 turns it off)\n"
	        "  --failed M         hard to reach: M failed attempts in a row (default 3)\n"
	        "  --json             the report as triad.reach-report/1 JSON\n"
	        "  --household ID     the household's expected contacts: done, overdue, due next\n"
	        "  --staff ID         with --ics: a staff member's contacts\n"
	        "  --plan FILE        the contact plan (default: the built-in plan)\n"
	        "  --ics FILE         write the expected and planned contacts as iCalendar\n"
	        "  --lang nl|en       language (default en)\n");
}

static bool parse_date(const char *cmd, const char *opt, const char *text, triad_date *out)
{
	if (triad_date_parse(out, text) == 0)
		return true;
	fprintf(stderr, "triad %s: %s takes a date YYYY-MM-DD, not \"%s\"\n", cmd, opt, text);
	return false;
}

static bool parse_int(const char *cmd, const char *opt, const char *text, int32_t *out)
{
	char *end = NULL;
	long v = strtol(text, &end, 10);
	if (*text && !*end && v >= 0 && v <= 100) {
		*out = (int32_t)v;
		return true;
	}
	fprintf(stderr, "triad %s: %s takes a whole number 0..100, not \"%s\"\n", cmd, opt, text);
	return false;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

static int print_and_free(char *text)
{
	fputs(text, stdout);
	triad_free(text);
	return 0;
}

#define REPORT "contacts report"

typedef struct report_args {
	const char *school, *log, *as_of, *calendar, *from, *to, *household, *staff, *plan,
		*ics;
	bool json;
	triad_lang lang;
	triad_reach_options opts;
} report_args;

static int parse_report(report_args *a, int argc, char **argv, bool *done)
{
	memset(a, 0, sizeof *a);
	a->lang = TRIAD_LANG_EN;
	triad_reach_options_init(&a->opts, TRIAD_REACH_OPTIONS_VERSION);
	*done = false;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (is_help(o)) {
			report_usage(stdout);
			*done = true;
			return 0;
		}
		if (strcmp(o, "--json") == 0) {
			a->json = true;
			continue;
		}
		if (!v) {
			fprintf(stderr, "triad " REPORT ": \"%s\" is unknown or lacks its value\n", o);
			report_usage(stderr);
			return 2;
		}
		i++;
		if (strcmp(o, "--lang") == 0) {
			if (!parse_lang(REPORT, v, &a->lang))
				return 2;
		} else if (strcmp(o, "--weeks") == 0) {
			if (!parse_int(REPORT, o, v, &a->opts.hard_weeks))
				return 2;
		} else if (strcmp(o, "--failed") == 0) {
			if (!parse_int(REPORT, o, v, &a->opts.hard_failed))
				return 2;
		} else {
			static const char *const names[] = { "--school", "--log", "--as-of",
				"--calendar", "--from", "--to", "--household", "--staff", "--plan",
				"--ics" };
			const char **slots[] = { &a->school, &a->log, &a->as_of, &a->calendar,
				                 &a->from, &a->to, &a->household, &a->staff,
				                 &a->plan, &a->ics };
			size_t k = 0;
			while (k < sizeof names / sizeof *names && strcmp(o, names[k]) != 0)
				k++;
			if (k == sizeof names / sizeof *names) {
				fprintf(stderr, "triad " REPORT ": unknown argument \"%s\"\n", o);
				report_usage(stderr);
				return 2;
			}
			*slots[k] = v;
		}
	}
	const char *problem = NULL;
	if (!a->school || !a->log || !a->as_of)
		problem = "--school, --log and --as-of are required";
	else if (!a->from != !a->to)
		problem = "give both --from and --to, or neither";
	else if (a->household && a->staff)
		problem = "give --household or --staff, not both";
	else if (a->staff && !a->ics)
		problem = "--staff goes with --ics";
	else if (a->ics && !a->household && !a->staff)
		problem = "--ics needs --household or --staff";
	else if ((a->household || a->ics) && !a->calendar)
		problem = "the plan status and --ics need --calendar";
	if (problem) {
		fprintf(stderr, "triad " REPORT ": %s\n", problem);
		report_usage(stderr);
		return 2;
	}
	return 0;
}

typedef struct loaded {
	triad_roster *roster;
	triad_audience *aud;
	triad_contactlog *log;
	triad_calendar *cal;
	triad_contactplan *plan;
	triad_expected *x;
	triad_plan_status *st;
} loaded;

static void unload(loaded *l)
{
	triad_plan_status_free(l->st);
	triad_expected_free(l->x);
	triad_contactplan_free(l->plan);
	triad_calendar_free(l->cal);
	triad_contactlog_free(l->log);
	triad_audience_free(l->aud);
	triad_roster_free(l->roster);
}

static int plan_status(const report_args *a, loaded *l, triad_date as_of)
{
	if (a->plan ? triad_contactplan_load_file(&l->plan, a->plan)
	            : triad_contactplan_default(&l->plan))
		return report_error(REPORT, "reading the contact plan");
	if (triad_contactplan_generate(&l->x, l->plan, l->cal, l->aud))
		return report_error(REPORT, "generating the expected contacts");
	if (triad_plan_status_new(&l->st, l->x, l->log, as_of))
		return report_error(REPORT, "holding the plan against the log");
	if (a->ics) {
		char *text = NULL;
		if (triad_contacts_to_ics(&text, l->x, l->st, l->log, a->household, a->staff, as_of,
		                          a->lang))
			return report_error(REPORT, "building the calendar");
		bool ok = write_file_atomic(REPORT, a->ics, text, strlen(text));
		triad_free(text);
		return ok ? 0 : 1;
	}
	char *text = NULL;
	if (triad_plan_status_text(&text, l->st, a->household, a->lang))
		return report_error(REPORT, a->household);
	return print_and_free(text);
}

static int cmd_report(int argc, char **argv)
{
	report_args a;
	bool done;
	int rc = parse_report(&a, argc, argv, &done);
	if (rc || done)
		return rc;
	triad_date as_of;
	if (!parse_date(REPORT, "--as-of", a.as_of, &as_of) ||
	    (a.from && (!parse_date(REPORT, "--from", a.from, &a.opts.window_from) ||
	                !parse_date(REPORT, "--to", a.to, &a.opts.window_to))))
		return 2;
	a.opts.has_window = a.from != NULL;
	loaded l;
	memset(&l, 0, sizeof l);
	if (triad_roster_load_file(&l.roster, a.school, NULL)) {
		rc = report_error(REPORT, "reading the school");
		goto out;
	}
	if (triad_audience_from_roster(&l.aud, l.roster, NULL, as_of)) {
		rc = report_error(REPORT, "the households of the school");
		goto out;
	}
	if (ends_with(a.log, ".jsonl") ? triad_contactlog_load_jsonl(&l.log, a.log)
	                               : triad_contactlog_load(&l.log, a.log)) {
		rc = report_error(REPORT, "reading the contact log");
		goto out;
	}
	if (a.calendar && triad_calendar_load_file(&l.cal, a.calendar)) {
		rc = report_error(REPORT, "reading the calendar");
		goto out;
	}
	if (a.household || a.ics) {
		rc = plan_status(&a, &l, as_of);
		goto out;
	}
	a.opts.calendar = l.cal;
	triad_reach_report *r = NULL;
	if (triad_reach_report_new(&r, l.log, l.aud, as_of, &a.opts)) {
		rc = report_error(REPORT, "computing the reach report");
		goto out;
	}
	char *text = NULL;
	if (a.json ? triad_reach_report_json(&text, r) : triad_reach_report_text(&text, r, a.lang))
		rc = report_error(REPORT, "writing the report");
	else
		print_and_free(text);
	triad_reach_report_free(r);
out:
	unload(&l);
	return rc;
}

/* ---- demo: a generated small school ---- */

#define DEMO "contacts demo"

static unsigned long demo_rng = 20260826;
static unsigned demo_rand(unsigned n)
{
	demo_rng = demo_rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((demo_rng >> 33) % n);
}

static bool demo_add(triad_contactlog *log, int n, triad_date d, const char *hh,
                     const char *student, const char *mentor, triad_initiator who,
                     triad_tone tone, int reached)
{
	char id[16];
	snprintf(id, sizeof id, "c%04d", n);
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = id;
	c.date = d;
	c.minute = 9 * 60 + (int32_t)demo_rand(10 * 60);
	c.kind = tone == TRIAD_TONE_CONCERN ? TRIAD_CONTACT_CONCERN
	         : tone == TRIAD_TONE_POSITIVE ? TRIAD_CONTACT_POSITIVE_NOTE
	                                       : TRIAD_CONTACT_MENTOR_CALL;
	c.channel = triad_contact_kind_default_channel(c.kind);
	c.initiator = who;
	c.tone = tone;
	c.reached = reached;
	c.household = hh;
	c.staff = mentor;
	c.students = &student;
	c.student_count = 1;
	return triad_contactlog_add(log, &c) == 0;
}

/* Three first-year classes of ten households; most households hear from
 * their mentor a few times, a few call about a concern, and one household
 * per class is never reached despite calls. */
static int cmd_demo(int argc, char **argv)
{
	triad_lang lang = TRIAD_LANG_EN;
	bool json = false;
	for (int i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			printf("usage: triad contacts demo [--lang nl|en] [--json]\n\n"
			       "Generate a small school (three classes of ten households and a\n"
			       "contact log from September to November 2025) and print its reach\n"
			       "report as of 2025-12-01.\n");
			return 0;
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			if (!parse_lang(DEMO, argv[++i], &lang))
				return 2;
		} else if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else {
			fprintf(stderr, "triad " DEMO ": unknown argument \"%s\"\n", argv[i]);
			return 2;
		}
	}
	triad_audience *aud = NULL;
	triad_contactlog *log = NULL;
	triad_reach_report *r = NULL;
	char *text = NULL;
	int rc = 0;
	if (triad_audience_new(&aud) || triad_contactlog_new(&log)) {
		rc = report_error(DEMO, "setting up");
		goto out;
	}
	triad_date start, as_of;
	triad_date_from_ymd(&start, 2025, 9, 1);
	triad_date_from_ymd(&as_of, 2025, 12, 1);
	int n = 0;
	for (int k = 0; k < 3; k++) {
		char cls[8], mentor[16];
		snprintf(cls, sizeof cls, "1%c", 'a' + k);
		snprintf(mentor, sizeof mentor, "t-mentor-%c", 'a' + k);
		for (int h = 0; h < 10; h++) {
			char hh[16], st[16];
			snprintf(hh, sizeof hh, "h-%d%02d", k + 1, h);
			snprintf(st, sizeof st, "s-%d%02d", k + 1, h);
			if (triad_audience_add(aud, hh, st, "havo", 1, cls, mentor,
			                       TRIAD_PLAN_ACCESS_FULL)) {
				rc = report_error(DEMO, "the school");
				goto out;
			}
			/* Household 0 of each class: calls that never reach anyone;
			 * household 9 of class 1c: no contact at all. */
			int contacts = h == 0 ? 4 : (k == 2 && h == 9) ? 0 : 1 + (int)demo_rand(4);
			for (int c = 0; c < contacts; c++) {
				triad_date d = start + (triad_date)demo_rand(85);
				bool parent = h != 0 && demo_rand(5) == 0;
				triad_tone tone = parent ? TRIAD_TONE_CONCERN
				                  : demo_rand(2) ? TRIAD_TONE_POSITIVE : TRIAD_TONE_NEUTRAL;
				int reached = h == 0 ? 0 : demo_rand(6) != 0;
				if (!demo_add(log, ++n, d, hh, st, mentor,
				              parent ? TRIAD_INITIATOR_PARENT : TRIAD_INITIATOR_SCHOOL, tone,
				              reached)) {
					rc = report_error(DEMO, "the log");
					goto out;
				}
			}
		}
	}
	if (triad_reach_report_new(&r, log, aud, as_of, NULL) ||
	    (json ? triad_reach_report_json(&text, r) : triad_reach_report_text(&text, r, lang))) {
		rc = report_error(DEMO, "the report");
		goto out;
	}
	print_and_free(text);
out:
	triad_reach_report_free(r);
	triad_contactlog_free(log);
	triad_audience_free(aud);
	return rc;
}

/* ---- compliance: an agreement's commitments against the log ---- */

#define COMPLIANCE "contacts compliance"

static void compliance_usage(FILE *out)
{
	fprintf(out,
	        "usage: triad contacts compliance --agreement FILE --log FILE --as-of YYYY-MM-DD\n"
	        "                                 [--calendar FILE] [--json] [--lang nl|en]\n"
	        "\n"
	        "Check every measurable commitment of the agreement version in force on the\n"
	        "date (a minimum number of contacts per period, a maximum interval between\n"
	        "contacts, a response time) against the contact log, and print each broken\n"
	        "one: which clause, when, and by how much.\n"
	        "  --agreement FILE   the agreement (triad.agreement/1)\n"
	        "  --log FILE         the contact log (JSON, or JSON Lines when it ends in .jsonl)\n"
	        "  --as-of DATE       the date of the check (required: no hidden clock)\n"
	        "  --calendar FILE    the school calendar: school weeks, school days and report\n"
	        "                     periods (without it: Monday-Sunday weeks, weekdays)\n"
	        "  --json             the findings as triad.compliance/1 JSON\n"
	        "  --lang nl|en       language (default en)\n");
}

static int cmd_compliance(int argc, char **argv)
{
	const char *agreement = NULL, *logfile = NULL, *as_of_text = NULL, *calendar = NULL;
	bool json = false;
	triad_lang lang = TRIAD_LANG_EN;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (is_help(o)) {
			compliance_usage(stdout);
			return 0;
		} else if (strcmp(o, "--json") == 0) {
			json = true;
		} else if (v && strcmp(o, "--lang") == 0) {
			if (!parse_lang(COMPLIANCE, argv[++i], &lang))
				return 2;
		} else if (v && strcmp(o, "--agreement") == 0) {
			agreement = argv[++i];
		} else if (v && strcmp(o, "--log") == 0) {
			logfile = argv[++i];
		} else if (v && strcmp(o, "--as-of") == 0) {
			as_of_text = argv[++i];
		} else if (v && strcmp(o, "--calendar") == 0) {
			calendar = argv[++i];
		} else {
			fprintf(stderr, "triad " COMPLIANCE ": \"%s\" is unknown or lacks its value\n", o);
			compliance_usage(stderr);
			return 2;
		}
	}
	if (!agreement || !logfile || !as_of_text) {
		fprintf(stderr, "triad " COMPLIANCE ": --agreement, --log and --as-of are required\n");
		compliance_usage(stderr);
		return 2;
	}
	triad_date as_of;
	if (!parse_date(COMPLIANCE, "--as-of", as_of_text, &as_of))
		return 2;
	triad_agreement *agr = NULL;
	triad_contactlog *log = NULL;
	triad_calendar *cal = NULL;
	triad_compliance *c = NULL;
	char *text = NULL;
	int rc = 0;
	if (triad_agreement_load_file(&agr, agreement)) {
		rc = report_error(COMPLIANCE, "reading the agreement");
		goto out;
	}
	if (ends_with(logfile, ".jsonl") ? triad_contactlog_load_jsonl(&log, logfile)
	                                 : triad_contactlog_load(&log, logfile)) {
		rc = report_error(COMPLIANCE, "reading the contact log");
		goto out;
	}
	if (calendar && triad_calendar_load_file(&cal, calendar)) {
		rc = report_error(COMPLIANCE, "reading the calendar");
		goto out;
	}
	const triad_agreement_version *v = triad_agreement_in_force(agr, as_of);
	if (!v) {
		fprintf(stderr, "triad " COMPLIANCE ": no version of agreement %s was in force on %s; "
		        "an agreement is checked once it is active\n", triad_agreement_id(agr),
		        as_of_text);
		rc = 1;
		goto out;
	}
	if (triad_compliance_check(&c, v, log, cal, as_of) ||
	    (json ? triad_compliance_json(&text, c) : triad_compliance_text(&text, c, lang))) {
		rc = report_error(COMPLIANCE, "checking the commitments");
		goto out;
	}
	print_and_free(text);
	/* Exit status 3 when a commitment is broken, for scripts. */
	rc = triad_compliance_count(c) ? 3 : 0;
out:
	triad_compliance_free(c);
	triad_calendar_free(cal);
	triad_contactlog_free(log);
	triad_agreement_free(agr);
	return rc;
}

int cmd_contacts(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "plan") == 0)
		return contacts_plan_main(argc - 1, argv + 1);
	if (strcmp(argv[1], "report") == 0)
		return cmd_report(argc - 1, argv + 1);
	if (strcmp(argv[1], "compliance") == 0)
		return cmd_compliance(argc - 1, argv + 1);
	if (strcmp(argv[1], "demo") == 0)
		return cmd_demo(argc - 1, argv + 1);
	fprintf(stderr, "triad contacts: unknown command \"%s\"\n", argv[1]);
	usage(stderr);
	return 2;
}
