/*
 * triad contacts plan: the contacts a school's contact plan expects in a
 * school year, for the whole school, one household or one staff member.
 *
 * Reads a school roster (triad.school/1), a calendar (triad.calendar/1, or
 * the government's open data on school holidays) and a plan
 * (triad.contact-plan/1, or the built-in default), and prints the expected
 * contacts sorted by due date. Called by the `triad contacts` dispatcher
 * (examples/contacts.c) as contacts_plan_main(argc, argv) with argv[0]
 * "plan".
 */
#include <string.h>

#include "common.h"

int contacts_plan_main(int argc, char **argv);

#define CMD "contacts plan"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: triad contacts plan --school FILE (--calendar FILE |\n"
	        "                           --opendata FILE --region noord|midden|zuid\n"
	        "                           [--schoolyear YYYY-YYYY])\n"
	        "                           [--plan FILE] [--household ID | --staff ID]\n"
	        "                           [--as-of YYYY-MM-DD] [--lang nl|en]\n"
	        "\n"
	        "Print the contacts the contact plan expects in the school year, sorted\n"
	        "by due date: for every household of the school, for one household, or\n"
	        "for one staff member (the mentor contacts that name them).\n"
	        "  --school FILE        the school roster (triad.school/1)\n"
	        "  --calendar FILE      the school calendar (triad.calendar/1)\n"
	        "  --opendata FILE      or: the government's school-holiday open data\n"
	        "  --region R           with --opendata: the holiday region\n"
	        "  --schoolyear Y       with --opendata: which school year (if it lists several)\n"
	        "  --plan FILE          the contact plan (triad.contact-plan/1); default:\n"
	        "                       the built-in plan for Dutch secondary schools\n"
	        "  --household ID       only this household\n"
	        "  --staff ID           only the contacts with this staff member\n"
	        "  --as-of YYYY-MM-DD   the date on which information rights are judged and\n"
	        "                       against which each contact is open, later, or\n"
	        "                       passed its due date (default: the school year's\n"
	        "                       first day); whether it took place is in the log\n"
	        "  --lang nl|en         language of the headings and names (default en)\n");
}

typedef struct args {
	const char *school, *calendar, *opendata, *region, *schoolyear, *plan;
	const char *household, *staff, *as_of;
	triad_lang lang;
} args;

/* Parse the options; 0 to go on, otherwise the exit status. */
static int parse(args *a, int argc, char **argv, bool *done)
{
	memset(a, 0, sizeof *a);
	a->lang = TRIAD_LANG_EN;
	*done = false;
	static const struct {
		const char *name;
		size_t offset;
	} opts[] = {
		{ "--school", offsetof(args, school) },       { "--calendar", offsetof(args, calendar) },
		{ "--opendata", offsetof(args, opendata) },   { "--region", offsetof(args, region) },
		{ "--schoolyear", offsetof(args, schoolyear) }, { "--plan", offsetof(args, plan) },
		{ "--household", offsetof(args, household) }, { "--staff", offsetof(args, staff) },
		{ "--as-of", offsetof(args, as_of) },
	};
	for (int i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			usage(stdout);
			*done = true;
			return 0;
		}
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			if (!parse_lang(CMD, argv[++i], &a->lang))
				return 2;
			continue;
		}
		bool known = false;
		for (size_t k = 0; k < sizeof opts / sizeof *opts && !known; k++)
			if (strcmp(argv[i], opts[k].name) == 0 && i + 1 < argc) {
				*(const char **)((char *)a + opts[k].offset) = argv[++i];
				known = true;
			}
		if (!known) {
			fprintf(stderr, "triad %s: unknown argument \"%s\" (or its value is missing)\n",
			        CMD, argv[i]);
			usage(stderr);
			return 2;
		}
	}
	const char *problem = NULL;
	if (!a->school)
		problem = "--school is required";
	else if (!a->calendar == !a->opendata)
		problem = "give either --calendar or --opendata";
	else if (a->opendata && !a->region)
		problem = "--opendata needs --region noord, midden or zuid";
	else if (!a->opendata && (a->region || a->schoolyear))
		problem = "--region and --schoolyear go with --opendata";
	else if (a->household && a->staff)
		problem = "give --household or --staff, not both";
	if (problem) {
		fprintf(stderr, "triad %s: %s\n", CMD, problem);
		usage(stderr);
		return 2;
	}
	return 0;
}

static const char *status_of(const triad_expected *x, size_t i, triad_date as_of,
                             triad_lang lang)
{
	bool nl = lang == TRIAD_LANG_NL;
	if (triad_expected_due(x, i) < as_of)
		return nl ? "voorbij" : "passed";
	if (triad_expected_earliest(x, i) > as_of)
		return nl ? "later" : "later";
	return nl ? "open" : "open";
}

/* Who at school, for a contact that names no staff member. */
static const char *with_name(triad_plan_with with, triad_lang lang)
{
	static const char *const nl[] = { "mentor", "docenten", "coördinator", "schoolleiding" };
	static const char *const en[] = { "mentor", "teachers", "coordinator", "school leader" };
	if (with < TRIAD_PLAN_WITH_MENTOR || with > TRIAD_PLAN_WITH_SCHOOL_LEADER)
		return "-";
	return (lang == TRIAD_LANG_NL ? nl : en)[with - 1];
}

static void print_contacts(const triad_expected *x, const args *a, triad_date as_of)
{
	bool nl = a->lang == TRIAD_LANG_NL;
	size_t shown = 0;
	printf("%-10s %-10s %-9s %-16s %-26s %-14s %-14s %s\n", nl ? "vanaf" : "earliest",
	       nl ? "uiterlijk" : "due", nl ? "stand" : "status", nl ? "gezin" : "household",
	       nl ? "soort" : "kind", nl ? "met" : "with", nl ? "regel" : "rule",
	       nl ? "leerlingen" : "students");
	for (size_t i = 0; i < triad_expected_count(x); i++) {
		if (a->household && strcmp(triad_expected_household(x, i), a->household) != 0)
			continue;
		if (a->staff && strcmp(triad_expected_staff(x, i), a->staff) != 0)
			continue;
		char from[TRIAD_DATE_BUFSIZE], due[TRIAD_DATE_BUFSIZE], with[64];
		triad_date_format(triad_expected_earliest(x, i), from);
		triad_date_format(triad_expected_due(x, i), due);
		const char *staff = triad_expected_staff(x, i);
		snprintf(with, sizeof with, "%s",
		         staff[0] ? staff : with_name(triad_expected_with(x, i), a->lang));
		printf("%-10s %-10s %-9s %-16s %-26s %-14s %-14s ", from, due,
		       status_of(x, i, as_of, a->lang), triad_expected_household(x, i),
		       triad_contact_kind_name(triad_expected_kind(x, i), a->lang), with,
		       triad_expected_rule(x, i));
		for (size_t j = 0; j < triad_expected_student_count(x, i); j++)
			printf("%s%s", j ? ", " : "", triad_expected_student_at(x, i, j));
		putchar('\n');
		shown++;
	}
	printf("\n%zu %s\n", shown, nl ? "verwachte contacten" : "expected contacts");
	if (a->staff)
		return;
	for (size_t i = 0; i < triad_expected_skipped_count(x); i++) {
		const char *h, *s;
		triad_plan_access acc;
		triad_expected_skipped_at(x, i, &h, &s, &acc);
		if (a->household && strcmp(h, a->household) != 0)
			continue;
		printf("%s %s, %s %s: %s\n", nl ? "niet uitgenodigd: gezin" : "not invited: household",
		       h, nl ? "leerling" : "student", s,
		       acc == TRIAD_PLAN_ACCESS_RESTRICTED
		               ? (nl ? "geen recht op informatie (beperking)"
		                     : "no right to information (restricted)")
		       : acc == TRIAD_PLAN_ACCESS_NOT_CHOSEN
		               ? (nl ? "de meerderjarige leerling koos dit gezin niet"
		                     : "the adult student did not choose this household")
		               : (nl ? "informatie alleen op verzoek" : "information on request only"));
	}
}

int contacts_plan_main(int argc, char **argv)
{
	args a;
	bool done;
	int status = parse(&a, argc, argv, &done);
	if (status || done)
		return status;
	triad_roster *roster = NULL;
	triad_calendar *cal = NULL;
	triad_contactplan *plan = NULL;
	triad_audience *aud = NULL;
	triad_expected *x = NULL;
	triad_region region = TRIAD_REGION_NONE;
	triad_date as_of = 0;
	status = 1;
	if (triad_roster_load_file(&roster, a.school, NULL)) {
		report_error(CMD, "reading the school roster");
		goto out;
	}
	if (a.calendar ? triad_calendar_load_file(&cal, a.calendar)
	               : (triad_region_from_id(&region, a.region) ||
	                  triad_calendar_load_opendata_file(&cal, a.opendata, a.schoolyear, region))) {
		report_error(CMD, "reading the calendar");
		goto out;
	}
	if (a.plan ? triad_contactplan_load_file(&plan, a.plan) : triad_contactplan_default(&plan)) {
		report_error(CMD, "reading the contact plan");
		goto out;
	}
	as_of = triad_calendar_first_day(cal);
	if (a.as_of && triad_date_parse(&as_of, a.as_of)) {
		report_error(CMD, "--as-of");
		goto out;
	}
	if (a.household && !triad_roster_household(roster, a.household)) {
		fprintf(stderr, "triad %s: %s has no household \"%s\"\n", CMD, a.school, a.household);
		goto out;
	}
	if (a.staff && !triad_roster_staff(roster, a.staff)) {
		fprintf(stderr, "triad %s: %s has no staff member \"%s\"\n", CMD, a.school, a.staff);
		goto out;
	}
	if (triad_audience_from_roster(&aud, roster, NULL, as_of)) {
		report_error(CMD, "applying the age policy");
		goto out;
	}
	if (triad_contactplan_generate(&x, plan, cal, aud)) {
		report_error(CMD, "generating the expected contacts");
		goto out;
	}
	print_contacts(x, &a, as_of);
	status = 0;
out:
	triad_expected_free(x);
	triad_audience_free(aud);
	triad_contactplan_free(plan);
	triad_calendar_free(cal);
	triad_roster_free(roster);
	return status;
}
