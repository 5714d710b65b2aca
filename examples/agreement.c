/*
 * triad agreement: start, check, sign and print parent–child–school
 * agreements (ouder-kind-schoolovereenkomsten). Public API only.
 *
 *   triad agreement new --roster school.json --student s1 --staff t1 --year 2026 -o a.json
 *   triad agreement validate --roster school.json a.json
 *   triad agreement sign --roster school.json --signer m1 --date 2026-09-03 a.json
 *   triad agreement render --roster school.json --format html --lang en a.json -o a.html
 *   triad agreement renew --roster school.json --year 2027 a.json -o a-2027.json
 *   triad agreement catalogue --lang en
 *   triad agreement demo
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"

static const char *const CMD = "agreement";

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: triad agreement new --roster FILE --student ID --staff ID --year YEAR\n"
	        "                           [--id ID] [--no-catalogue] -o OUT\n"
	        "       triad agreement validate --roster FILE [--lang nl|en] AGREEMENT\n"
	        "       triad agreement sign --roster FILE --signer ID --date YYYY-MM-DD\n"
	        "                            AGREEMENT [-o OUT]\n"
	        "       triad agreement render [--roster FILE] [--lang nl|en]\n"
	        "                              [--format text|markdown|html] AGREEMENT [-o OUT]\n"
	        "       triad agreement renew --roster FILE --year YEAR [--id ID] AGREEMENT -o OUT\n"
	        "       triad agreement catalogue [--lang nl|en]\n"
	        "       triad agreement demo [--lang nl|en]\n"
	        "\n"
	        "new       start a draft for a student from the roster and the catalogue of\n"
	        "          standard clauses; YEAR is the year the school year starts (2026\n"
	        "          for 2026-2027); the school is represented by the staff member\n"
	        "validate  list the findings (errors, warnings, information) in a language;\n"
	        "          exits 1 when there is an error\n"
	        "sign      record a signature (a draft is proposed on that date first); once\n"
	        "          everyone the age policy requires has signed, the agreement\n"
	        "          becomes active; the file is rewritten atomically unless -o is given\n"
	        "render    print as plain text, Markdown or HTML (default: text, nl); with\n"
	        "          a roster, names and a signature block per required signer\n"
	        "renew     next year's draft from an agreement (the yearly review): the\n"
	        "          student moves up a year, signers follow the age policy\n"
	        "catalogue the standard clauses a new agreement starts from, by section\n"
	        "demo      a 13-year-old with separated parents: start, sign, print (nl and en)\n");
}

typedef struct args {
	const char *roster, *student, *staff, *id, *signer, *date, *out, *file;
	const char *format;
	int year;
	bool no_catalogue;
	triad_lang lang;
} args;

/* Parse the options shared by the subcommands; returns 0, or the exit status. */
static int parse(int argc, char **argv, args *a)
{
	memset(a, 0, sizeof *a);
	a->lang = TRIAD_LANG_NL;
	for (int i = 2; i < argc; i++) {
		const char *o = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (is_help(o)) {
			usage(stdout);
			return -1;
		}
		if (strcmp(o, "--no-catalogue") == 0) {
			a->no_catalogue = true;
			continue;
		}
		if (o[0] != '-') {
			if (a->file) {
				fprintf(stderr, "triad agreement: more than one agreement file given\n");
				return 2;
			}
			a->file = o;
			continue;
		}
		if (!v) {
			fprintf(stderr, "triad agreement: %s needs a value\n", o);
			return 2;
		}
		i++;
		if (strcmp(o, "--roster") == 0)
			a->roster = v;
		else if (strcmp(o, "--student") == 0)
			a->student = v;
		else if (strcmp(o, "--staff") == 0)
			a->staff = v;
		else if (strcmp(o, "--id") == 0)
			a->id = v;
		else if (strcmp(o, "--signer") == 0)
			a->signer = v;
		else if (strcmp(o, "--date") == 0)
			a->date = v;
		else if (strcmp(o, "--format") == 0)
			a->format = v;
		else if (strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0)
			a->out = v;
		else if (strcmp(o, "--lang") == 0) {
			if (!parse_lang(CMD, v, &a->lang))
				return 2;
		} else if (strcmp(o, "--year") == 0) {
			char *end = NULL;
			long y = strtol(v, &end, 10);
			if (*end || y < 1 || y > 9998) {
				fprintf(stderr, "triad agreement: --year takes a year such as 2026, not \"%s\"\n", v);
				return 2;
			}
			a->year = (int)y;
		} else {
			fprintf(stderr, "triad agreement: unknown option \"%s\"\n", o);
			usage(stderr);
			return 2;
		}
	}
	return 0;
}

static int need(const char *value, const char *option, const char *sub)
{
	if (value)
		return 0;
	fprintf(stderr, "triad agreement %s: %s is required (see --help)\n", sub, option);
	return 2;
}

static triad_roster *open_roster(const char *path)
{
	triad_roster *r = NULL;
	if (triad_roster_load_file(&r, path, NULL)) {
		report_error(CMD, "cannot load the roster");
		return NULL;
	}
	return r;
}

static triad_agreement *open_agreement(const char *path)
{
	triad_agreement *a = NULL;
	if (triad_agreement_load_file(&a, path)) {
		report_error(CMD, "cannot load the agreement");
		return NULL;
	}
	return a;
}

static int save(const triad_agreement *a, const char *path)
{
	char *text = NULL;
	if (triad_agreement_save(&text, a))
		return report_error(CMD, "cannot write the agreement");
	bool ok = write_file_atomic(CMD, path, text, strlen(text));
	triad_free(text);
	return ok ? 0 : 1;
}

static int cmd_new(const args *a)
{
	int rc;
	if ((rc = need(a->roster, "--roster", "new")) || (rc = need(a->student, "--student", "new")) ||
	    (rc = need(a->staff, "--staff", "new")) || (rc = need(a->out, "-o", "new")))
		return rc;
	if (!a->year)
		return need(NULL, "--year", "new");
	triad_roster *r = open_roster(a->roster);
	if (!r)
		return 1;
	char id[96];
	snprintf(id, sizeof id, "%s-%d", a->student, a->year);
	triad_agreement_start_options o = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	o.school_year = a->year;
	o.with_catalogue = !a->no_catalogue;
	triad_agreement *ag = NULL;
	if (triad_agreement_start(&ag, a->id ? a->id : id, r, a->student, a->staff, &o)) {
		triad_roster_free(r);
		return report_error(CMD, "cannot start the agreement");
	}
	rc = save(ag, a->out);
	if (!rc)
		printf("%s: draft %s with %zu parties and %zu clauses\n", a->out,
		       triad_agreement_id(ag),
		       triad_agreement_version_party_count(triad_agreement_latest(ag)),
		       triad_agreement_version_clause_count(triad_agreement_latest(ag)));
	triad_agreement_free(ag);
	triad_roster_free(r);
	return rc;
}

static int cmd_validate(const args *a)
{
	int rc;
	if ((rc = need(a->roster, "--roster", "validate")) ||
	    (rc = need(a->file, "the agreement file", "validate")))
		return rc;
	triad_roster *r = open_roster(a->roster);
	triad_agreement *ag = r ? open_agreement(a->file) : NULL;
	if (!ag) {
		triad_roster_free(r);
		return 1;
	}
	triad_agreement_findings *f = NULL;
	rc = 0;
	if (triad_agreement_validate(&f, ag, r, NULL, 0)) {
		rc = report_error(CMD, "cannot validate");
	} else {
		size_t n = triad_agreement_findings_count(f);
		for (size_t i = 0; i < n; i++) {
			const char *loc = triad_agreement_finding_location(f, i);
			printf("%s: %-7s %s%s%s: %s\n", a->file,
			       triad_severity_id(triad_agreement_finding_severity(f, i)),
			       triad_agreement_finding_code(f, i), *loc ? " at " : "", loc,
			       triad_agreement_finding_message(f, i, a->lang));
		}
		size_t errors = triad_agreement_findings_count_at_least(f, TRIAD_SEVERITY_ERROR);
		printf("%s: %zu finding%s, %zu error%s\n", a->file, n, n == 1 ? "" : "s", errors,
		       errors == 1 ? "" : "s");
		rc = errors ? 1 : 0;
	}
	triad_agreement_findings_free(f);
	triad_agreement_free(ag);
	triad_roster_free(r);
	return rc;
}

static int cmd_sign(const args *a)
{
	int rc;
	if ((rc = need(a->roster, "--roster", "sign")) || (rc = need(a->signer, "--signer", "sign")) ||
	    (rc = need(a->date, "--date", "sign")) || (rc = need(a->file, "the agreement file", "sign")))
		return rc;
	triad_date on;
	if (triad_date_parse(&on, a->date)) {
		fprintf(stderr, "triad agreement sign: --date takes YYYY-MM-DD, not \"%s\"\n", a->date);
		return 2;
	}
	triad_roster *r = open_roster(a->roster);
	triad_agreement *ag = r ? open_agreement(a->file) : NULL;
	if (!ag) {
		triad_roster_free(r);
		return 1;
	}
	rc = 0;
	if (triad_agreement_state_of(ag) == TRIAD_AGREEMENT_DRAFT) {
		if (triad_agreement_propose(ag, on))
			rc = report_error(CMD, "cannot propose the agreement");
		else
			printf("%s: proposed on %s\n", a->file, a->date);
	}
	if (!rc && triad_agreement_sign(ag, a->signer, on))
		rc = report_error(CMD, "cannot sign");
	if (!rc) {
		printf("%s: signed by %s on %s\n", a->file, a->signer, a->date);
		/* Activation succeeds once every required signature is there;
		 * until then its message says who is still missing. */
		if (triad_agreement_activate(ag, r, NULL, on) == 0)
			printf("%s: every required signature is there; active from %s\n", a->file,
			       a->date);
		else if (triad_error_last()->code == TRIAD_ESTATE)
			printf("%s: not active yet: %s\n", a->file, triad_error_last()->message);
		else
			rc = report_error(CMD, "cannot activate");
	}
	if (!rc)
		rc = save(ag, a->out ? a->out : a->file);
	triad_agreement_free(ag);
	triad_roster_free(r);
	return rc;
}

static int print_agreement(const triad_agreement *ag, const triad_roster *r, triad_lang lang,
                           triad_render_format format, const char *out)
{
	triad_render_options o = TRIAD_RENDER_OPTIONS_INIT;
	o.format = format;
	o.lang = lang;
	o.roster = r;
	char *text = NULL;
	if (triad_agreement_render(&text, ag, &o))
		return report_error(CMD, "cannot render");
	int rc = 0;
	if (out)
		rc = write_file_atomic(CMD, out, text, strlen(text)) ? 0 : 1;
	else
		fputs(text, stdout);
	triad_free(text);
	return rc;
}

static int cmd_render(const args *a)
{
	int rc = need(a->file, "the agreement file", "render");
	if (rc)
		return rc;
	triad_render_format fmt = TRIAD_RENDER_TEXT;
	if (a->format && strcmp(a->format, "markdown") == 0)
		fmt = TRIAD_RENDER_MARKDOWN;
	else if (a->format && strcmp(a->format, "html") == 0)
		fmt = TRIAD_RENDER_HTML;
	else if (a->format && strcmp(a->format, "text") != 0) {
		fprintf(stderr, "triad agreement render: --format takes text, markdown or html, "
		                "not \"%s\"\n", a->format);
		return 2;
	}
	triad_roster *r = NULL;
	if (a->roster && !(r = open_roster(a->roster)))
		return 1;
	triad_agreement *ag = open_agreement(a->file);
	if (ag)
		rc = print_agreement(ag, r, a->lang, fmt, a->out);
	else
		rc = 1;
	triad_agreement_free(ag);
	triad_roster_free(r);
	return rc;
}

static int cmd_renew(const args *a)
{
	int rc;
	if ((rc = need(a->roster, "--roster", "renew")) || (rc = need(a->out, "-o", "renew")) ||
	    (rc = need(a->file, "the agreement file", "renew")))
		return rc;
	if (!a->year)
		return need(NULL, "--year", "renew");
	triad_roster *r = open_roster(a->roster);
	triad_agreement *old = r ? open_agreement(a->file) : NULL;
	if (!old) {
		triad_roster_free(r);
		return 1;
	}
	const char *student = triad_agreement_version_student_id(triad_agreement_latest(old));
	char id[96];
	snprintf(id, sizeof id, "%s-%d", student ? student : "agreement", a->year);
	triad_agreement *ag = NULL;
	if (triad_agreement_renew(&ag, old, a->id ? a->id : id, r, a->year, NULL)) {
		rc = report_error(CMD, "cannot renew the agreement");
	} else {
		rc = save(ag, a->out);
		if (!rc)
			printf("%s: draft %s for %s year %d\n", a->out, triad_agreement_id(ag),
			       triad_agreement_version_school_type(triad_agreement_latest(ag)),
			       triad_agreement_version_student_year(triad_agreement_latest(ag)));
	}
	triad_agreement_free(ag);
	triad_agreement_free(old);
	triad_roster_free(r);
	return rc;
}

static int cmd_catalogue(const args *a)
{
	triad_agreement_section last = TRIAD_SECTION_NONE;
	for (size_t i = 0; i < triad_catalogue_count(); i++) {
		triad_agreement_section s = triad_catalogue_section(i);
		if (s != last) {
			printf("%s%s\n", last ? "\n" : "", triad_agreement_section_name(s, a->lang));
			last = s;
		}
		printf("  %-30s %s\n", triad_catalogue_id_at(i), triad_catalogue_text(i, a->lang));
	}
	return 0;
}

/* ---- demo: a 13-year-old with two separated parents --------------------- */

static int demo_roster(triad_roster **out)
{
	triad_roster *r = NULL;
	triad_date birth;
	int rc;
	if ((rc = triad_roster_new(&r, NULL)) || (rc = triad_date_from_ymd(&birth, 2013, 5, 10)) ||
	    (rc = triad_roster_add_household(r, "h-mother", "Mulder (moeder)", NULL)) ||
	    (rc = triad_roster_add_household(r, "h-father", "De Boer (vader)", NULL)) ||
	    (rc = triad_roster_add_staff(r, "t-smit", "Anna", "Smit",
	                                 TRIAD_STAFF_MENTOR | TRIAD_STAFF_TEACHER)) ||
	    (rc = triad_roster_add_staff(r, "t-kok", "Bert", "Kok", TRIAD_STAFF_SCHOOL_LEADER)) ||
	    (rc = triad_roster_add_staff(r, "t-yildiz", "Özlem", "Yıldız",
	                                 TRIAD_STAFF_COORDINATOR)))
		goto fail;
	triad_student_info s = TRIAD_STUDENT_INFO_INIT;
	s.id = "daan";
	s.given_name = "Daan";
	s.family_name = "Mulder";
	s.birth_date = birth;
	s.school_type = "havo";
	s.year = 1;
	s.class_name = "1H1";
	s.mentor_id = "t-smit";
	if ((rc = triad_roster_add_student(r, &s)))
		goto fail;
	static const struct { const char *id, *given, *family, *household; triad_relation_kind kind;
		              int lives_with, priority; } parents[] = {
		{ "ilse", "Ilse", "Mulder", "h-mother", TRIAD_RELATION_MOTHER, 1, 1 },
		{ "ruud", "Ruud", "de Boer", "h-father", TRIAD_RELATION_FATHER, 0, 2 },
	};
	for (size_t i = 0; i < 2; i++) {
		triad_guardian_info g = TRIAD_GUARDIAN_INFO_INIT;
		g.id = parents[i].id;
		g.given_name = parents[i].given;
		g.family_name = parents[i].family;
		g.household_id = parents[i].household;
		triad_relation_info rel = TRIAD_RELATION_INFO_INIT;
		rel.student_id = "daan";
		rel.guardian_id = parents[i].id;
		rel.kind = parents[i].kind;
		rel.authority = 1; /* separated, both keep parental authority */
		rel.lives_with = parents[i].lives_with;
		rel.contact_priority = parents[i].priority;
		if ((rc = triad_roster_add_guardian(r, &g)) || (rc = triad_roster_add_relation(r, &rel)))
			goto fail;
	}
	*out = r;
	return 0;
fail:
	triad_roster_free(r);
	return rc;
}

static int cmd_demo(const args *a, bool both)
{
	triad_roster *r = NULL;
	if (demo_roster(&r))
		return report_error(CMD, "cannot build the demo roster");
	triad_agreement_start_options o = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	o.school_year = 2026;
	triad_agreement *ag = NULL;
	triad_date proposed, d1, d2, d3;
	int rc = 0;
	if (triad_agreement_start(&ag, "daan-2026", r, "daan", "t-smit", &o) ||
	    triad_date_from_ymd(&proposed, 2026, 9, 1) || triad_date_from_ymd(&d1, 2026, 9, 3) ||
	    triad_date_from_ymd(&d2, 2026, 9, 4) || triad_date_from_ymd(&d3, 2026, 9, 8) ||
	    triad_agreement_propose(ag, proposed) || triad_agreement_sign(ag, "daan", d1) ||
	    triad_agreement_sign(ag, "ilse", d1) || triad_agreement_sign(ag, "t-smit", d2) ||
	    triad_agreement_sign(ag, "ruud", d3) || triad_agreement_activate(ag, r, NULL, d3)) {
		rc = report_error(CMD, "demo");
	} else {
		if (both || a->lang == TRIAD_LANG_NL)
			rc = print_agreement(ag, r, TRIAD_LANG_NL, TRIAD_RENDER_TEXT, NULL);
		if (both)
			fputs("\n\n", stdout);
		if (!rc && (both || a->lang == TRIAD_LANG_EN))
			rc = print_agreement(ag, r, TRIAD_LANG_EN, TRIAD_RENDER_TEXT, NULL);
	}
	triad_agreement_free(ag);
	triad_roster_free(r);
	return rc;
}

int cmd_agreement(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	args a;
	int rc = parse(argc, argv, &a);
	if (rc)
		return rc < 0 ? 0 : rc;
	bool lang_given = false;
	for (int i = 2; i < argc; i++)
		lang_given = lang_given || strcmp(argv[i], "--lang") == 0;
	const char *sub = argv[1];
	if (strcmp(sub, "new") == 0)
		return cmd_new(&a);
	if (strcmp(sub, "validate") == 0)
		return cmd_validate(&a);
	if (strcmp(sub, "sign") == 0)
		return cmd_sign(&a);
	if (strcmp(sub, "render") == 0)
		return cmd_render(&a);
	if (strcmp(sub, "renew") == 0)
		return cmd_renew(&a);
	if (strcmp(sub, "catalogue") == 0)
		return cmd_catalogue(&a);
	if (strcmp(sub, "demo") == 0)
		return cmd_demo(&a, !lang_given);
	fprintf(stderr, "triad agreement: unknown subcommand \"%s\"\n", sub);
	usage(stderr);
	return 2;
}
