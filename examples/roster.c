/*
 * triad roster: check a school roster (triad.school/1), list its students
 * with their guardians, and show what the age policy says for one student
 * on one date.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: triad roster FILE [--student ID --date YYYY-MM-DD [--consent PURPOSE]]\n"
	        "                         [--consent-age N] [--majority N]\n"
	        "\n"
	        "Check a school roster (format triad.school/1). Without --student, list\n"
	        "the students with their guardians. With --student and --date, show who\n"
	        "must consent to data processing, who must sign an agreement, and who may\n"
	        "be informed on that date.\n"
	        "  --student ID         a student id from the roster\n"
	        "  --date YYYY-MM-DD    the as-of date\n"
	        "  --consent PURPOSE    also say whether consent for PURPOSE is in force\n"
	        "  --consent-age N      age from which the student consents (default 16)\n"
	        "  --majority N         age of majority (default 18)\n");
}

static void print_list(const char *label, const triad_strlist *l)
{
	printf("  %-22s", label);
	if (triad_strlist_count(l) == 0)
		printf(" (nobody)");
	for (size_t i = 0; i < triad_strlist_count(l); i++)
		printf("%s %s", i ? "," : "", triad_strlist_at(l, i));
	putchar('\n');
}

static int list_students(const triad_roster *r)
{
	printf("%zu students, %zu guardians, %zu households, %zu staff, %zu consent records\n",
	       triad_roster_student_count(r), triad_roster_guardian_count(r),
	       triad_roster_household_count(r), triad_roster_staff_count(r),
	       triad_roster_consent_count(r));
	for (size_t i = 0; i < triad_roster_student_count(r); i++) {
		const triad_student *s = triad_roster_student_at(r, i);
		const char *bridge = triad_student_bridge_class(s);
		printf("\n%s  %s %s  %s%s%s%s year %d  class %s  mentor %s\n", triad_student_id(s),
		       triad_student_given_name(s), triad_student_family_name(s),
		       triad_student_school_type(s), bridge ? " (" : "", bridge ? bridge : "",
		       bridge ? ")" : "", triad_student_year(s),
		       triad_student_class_name(s) ? triad_student_class_name(s) : "-",
		       triad_student_mentor_id(s) ? triad_student_mentor_id(s) : "-");
		triad_strlist *ids = NULL;
		if (triad_roster_student_guardians(&ids, r, triad_student_id(s)))
			return report_error("roster", "listing guardians");
		for (size_t k = 0; k < triad_strlist_count(ids); k++) {
			const char *gid = triad_strlist_at(ids, k);
			const triad_guardian *g = triad_roster_guardian(r, gid);
			const triad_relation *rel = triad_roster_relation(r, triad_student_id(s), gid);
			printf("    %-8s %-24s %-13s %-12s %s%s household %s\n", gid,
			       triad_guardian_family_name(g),
			       triad_relation_kind_id(triad_relation_kind_of(rel)),
			       triad_info_rights_id(triad_relation_info_rights(rel)),
			       triad_relation_authority(rel) ? "authority " : "",
			       triad_relation_lives_with(rel) ? "lives-with " : "",
			       triad_guardian_household_id(g) ? triad_guardian_household_id(g) : "-");
		}
		triad_strlist_free(ids);
	}
	return 0;
}

static int show_policy(const triad_roster *r, const triad_policy_options *o, const char *id,
                       triad_date on, const char *purpose)
{
	const triad_student *s = triad_roster_student(r, id);
	int age = 0, adult = 0;
	if (!s || triad_student_age(&age, s, on) || triad_policy_is_adult(&adult, r, o, id, on))
		return report_error("roster", id);
	char date[TRIAD_DATE_BUFSIZE];
	triad_date_format(on, date);
	printf("%s %s %s on %s: %d years old%s\n", id, triad_student_given_name(s),
	       triad_student_family_name(s), date, age, adult ? " (adult)" : "");
	triad_strlist *consent = NULL, *sign = NULL, *full = NULL, *req = NULL;
	int rc = triad_policy_consenters(&consent, r, o, id, on);
	if (!rc)
		rc = triad_policy_signers(&sign, r, o, id, on);
	if (!rc)
		rc = triad_policy_informed(&full, &req, r, o, id, on);
	if (!rc) {
		print_list("consents:", consent);
		print_list("signs the agreement:", sign);
		print_list("informed, invited:", full);
		print_list("informed on request:", req);
	}
	triad_strlist_free(consent);
	triad_strlist_free(sign);
	triad_strlist_free(full);
	triad_strlist_free(req);
	if (rc)
		return report_error("roster", "age policy");
	if (purpose) {
		int in_force = 0;
		if (triad_policy_consent_in_force(&in_force, r, o, id, purpose, on))
			return report_error("roster", purpose);
		printf("  consent for %s: %s\n", purpose, in_force ? "in force" : "not in force");
	}
	return 0;
}

static bool parse_age(const char *text, int *out)
{
	char *end = NULL;
	long v = text ? strtol(text, &end, 10) : 0;
	if (!text || *end || v < 1 || v > 30) {
		fprintf(stderr, "triad roster: an age must be a number 1..30, not \"%s\"\n",
		        text ? text : "");
		return false;
	}
	*out = (int)v;
	return true;
}

int cmd_roster(int argc, char **argv)
{
	const char *file = NULL, *student = NULL, *date = NULL, *purpose = NULL;
	triad_policy_options opts = TRIAD_POLICY_OPTIONS_INIT;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has = i + 1 < argc;
		if (is_help(a)) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--student") == 0 && has) {
			student = argv[++i];
		} else if (strcmp(a, "--date") == 0 && has) {
			date = argv[++i];
		} else if (strcmp(a, "--consent") == 0 && has) {
			purpose = argv[++i];
		} else if (strcmp(a, "--consent-age") == 0 && has) {
			if (!parse_age(argv[++i], &opts.consent_age))
				return 2;
		} else if (strcmp(a, "--majority") == 0 && has) {
			if (!parse_age(argv[++i], &opts.majority_age))
				return 2;
		} else if (a[0] != '-' && !file) {
			file = a;
		} else {
			fprintf(stderr, "triad roster: unknown or incomplete argument \"%s\"\n", a);
			usage(stderr);
			return 2;
		}
	}
	if (!file || (student && !date) || (!student && (date || purpose))) {
		usage(stderr);
		return 2;
	}
	triad_date on = 0;
	if (date && triad_date_parse(&on, date)) {
		fprintf(stderr, "triad roster: \"%s\" is not a date of the form YYYY-MM-DD\n", date);
		return 2;
	}
	triad_roster *r = NULL;
	if (triad_roster_load_file(&r, file, NULL))
		return report_error("roster", file);
	int status = student ? show_policy(r, &opts, student, on, purpose) : list_students(r);
	triad_roster_free(r);
	return status;
}
