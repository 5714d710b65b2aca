/*
 * bench_roster: the school roster at the size of a large secondary school.
 *
 * Builds a synthetic roster (students with two guardians each, siblings
 * sharing households, separated parents in a second household), then times,
 * each next to a baseline measured in the same run:
 *   - loading triad.school/1 text   vs. jansson parsing the same text alone
 *   - saving it                     vs. jansson serialising the parsed tree
 *   - looking students up by id     vs. a linear scan over the students
 *   - the age-policy queries        (per student, all four)
 *
 * usage: bench_roster [STUDENTS]   (default 2000)
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <triad.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void check(int rc, const char *what)
{
	if (rc) {
		fprintf(stderr, "bench_roster: %s: %s\n", what, triad_error_last()->message);
		exit(1);
	}
}

/* Every third student shares parents with the one before (siblings); every
 * fourth family has separated parents (the father in his own household). */
static triad_roster *build(int n)
{
	static const char *const types[] = { "vmbo-b", "vmbo-k", "vmbo-gl", "vmbo-tl",
		                             "havo", "vwo" };
	static const int years[] = { 4, 4, 4, 4, 5, 6 };
	triad_roster *r = NULL;
	check(triad_roster_new(&r, NULL), "new");
	char id[32], id2[32], hh[32], hh2[32], cls[16];
	int mentors = n / 25 + 1;
	for (int m = 0; m < mentors; m++) {
		snprintf(id, sizeof id, "t%d", m);
		check(triad_roster_add_staff(r, id, "Docent", "Mentor",
		                             TRIAD_STAFF_MENTOR | TRIAD_STAFF_TEACHER), "staff");
	}
	int family = -1;
	for (int i = 0; i < n; i++) {
		bool sibling = i % 3 == 1;
		if (!sibling) {
			family++;
			snprintf(hh, sizeof hh, "h%d", family);
			check(triad_roster_add_household(r, hh, "Household", NULL), "household");
			triad_guardian_info g = TRIAD_GUARDIAN_INFO_INIT;
			snprintf(id, sizeof id, "m%d", family);
			g.id = id; g.given_name = "Moeder"; g.family_name = "Jansen";
			g.household_id = hh; g.channel = TRIAD_CHANNEL_MESSAGE;
			check(triad_roster_add_guardian(r, &g), "guardian");
			if (family % 4 == 0) {
				snprintf(hh2, sizeof hh2, "h%db", family);
				check(triad_roster_add_household(r, hh2, "Household", NULL), "household");
			}
			snprintf(id2, sizeof id2, "f%d", family);
			g.id = id2; g.given_name = "Vader";
			g.household_id = family % 4 == 0 ? hh2 : hh;
			check(triad_roster_add_guardian(r, &g), "guardian");
		}
		int t = i % 6;
		triad_student_info s = TRIAD_STUDENT_INFO_INIT;
		snprintf(id, sizeof id, "s%d", i);
		snprintf(cls, sizeof cls, "%d%c%d", i % years[t] + 1, "BKGTHV"[t], i % 4 + 1);
		char mentor[32];
		snprintf(mentor, sizeof mentor, "t%d", i % mentors);
		s.id = id; s.given_name = "Leerling"; s.family_name = "Jansen";
		s.birth_date = 14000 + (i * 37) % 2200; s.school_type = types[t];
		s.year = i % years[t] + 1; s.class_name = cls; s.mentor_id = mentor;
		check(triad_roster_add_student(r, &s), "student");
		char mid[32], fid[32];
		snprintf(mid, sizeof mid, "m%d", family);
		snprintf(fid, sizeof fid, "f%d", family);
		triad_relation_info rel = TRIAD_RELATION_INFO_INIT;
		rel.student_id = id; rel.guardian_id = mid; rel.kind = TRIAD_RELATION_MOTHER;
		rel.authority = 1; rel.lives_with = 1; rel.primary_contact = 1;
		rel.contact_priority = 1;
		check(triad_roster_add_relation(r, &rel), "relation");
		rel.guardian_id = fid; rel.kind = TRIAD_RELATION_FATHER;
		rel.lives_with = family % 4 != 0; rel.primary_contact = 0; rel.contact_priority = 2;
		rel.authority = family % 8 != 0; /* some fathers without authority */
		check(triad_roster_add_relation(r, &rel), "relation");
		check(triad_roster_add_consent(r, id, "photos", mid, 1, 19600), "consent");
	}
	return r;
}

static void row(const char *what, double ours, const char *base_what, double base, long ops)
{
	printf("%-26s %10.2f ms %9.0f ns/op | %-26s %10.2f ms %9.0f ns/op | %5.1fx\n", what,
	       ours * 1e3, ours * 1e9 / (double)ops, base_what, base * 1e3,
	       base * 1e9 / (double)ops, base > 0 ? ours / base : 0.0);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2000;
	if (n < 1 || n > 1000000) {
		fprintf(stderr, "usage: bench_roster [STUDENTS 1..1000000]\n");
		return 2;
	}
	double t0 = now();
	triad_roster *r = build(n);
	double t_build = now() - t0;
	char *text = NULL;
	check(triad_roster_save(&text, r), "save");
	size_t len = strlen(text);
	printf("roster: %zu students, %zu guardians, %zu households, %zu relations; "
	       "%zu bytes of JSON; built with the add calls in %.2f ms\n\n",
	       triad_roster_student_count(r), triad_roster_guardian_count(r),
	       triad_roster_household_count(r), triad_roster_relation_count(r), len,
	       t_build * 1e3);
	printf("%-26s %24s | %-26s %24s | ratio\n", "libtriad", "", "baseline", "");

	const int reps = 5;
	double best_load = 1e9, best_parse = 1e9, best_save = 1e9, best_dump = 1e9;
	for (int k = 0; k < reps; k++) {
		triad_roster *again = NULL;
		t0 = now();
		check(triad_roster_load(&again, text, len, "bench", NULL), "load");
		double t = now() - t0;
		if (t < best_load)
			best_load = t;
		if (!triad_roster_equal(r, again)) {
			fprintf(stderr, "bench_roster: the loaded roster differs\n");
			return 1;
		}
		triad_roster_free(again);

		json_error_t e;
		t0 = now();
		json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
		t = now() - t0;
		if (!root)
			return 1;
		if (t < best_parse)
			best_parse = t;

		char *out = NULL;
		t0 = now();
		check(triad_roster_save(&out, r), "save");
		t = now() - t0;
		if (t < best_save)
			best_save = t;
		triad_free(out);

		t0 = now();
		char *dumped = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		t = now() - t0;
		if (t < best_dump)
			best_dump = t;
		free(dumped);
		json_decref(root);
	}
	row("load (validate, build)", best_load, "jansson parse only", best_parse, n);
	row("save", best_save, "jansson dump only", best_dump, n);

	/* Lookups by id: every student once, in a scattered order. */
	char id[32];
	long found = 0;
	t0 = now();
	for (int i = 0; i < n; i++) {
		snprintf(id, sizeof id, "s%d", (int)(((long)i * 7919) % n));
		found += triad_roster_student(r, id) != NULL;
	}
	double t_lookup = now() - t0;
	long scanned = 0;
	t0 = now();
	for (int i = 0; i < n; i++) {
		snprintf(id, sizeof id, "s%d", (int)(((long)i * 7919) % n));
		for (size_t k = 0; k < triad_roster_student_count(r); k++)
			if (strcmp(triad_student_id(triad_roster_student_at(r, k)), id) == 0) {
				scanned++;
				break;
			}
	}
	double t_scan = now() - t0;
	if (found != n || scanned != n)
		return 1;
	row("student by id (hash)", t_lookup, "linear scan", t_scan, n);

	/* The age policy for every student on one date. */
	t0 = now();
	for (int i = 0; i < n; i++) {
		snprintf(id, sizeof id, "s%d", i);
		triad_strlist *a = NULL, *b = NULL, *c = NULL, *d = NULL;
		int v = 0;
		check(triad_policy_consenters(&a, r, NULL, id, 20500), "consenters");
		check(triad_policy_signers(&b, r, NULL, id, 20500), "signers");
		check(triad_policy_informed(&c, &d, r, NULL, id, 20500), "informed");
		check(triad_policy_consent_in_force(&v, r, NULL, id, "photos", 20500), "consent");
		triad_strlist_free(a);
		triad_strlist_free(b);
		triad_strlist_free(c);
		triad_strlist_free(d);
	}
	double t_policy = now() - t0;
	printf("%-26s %10.2f ms %9.0f ns/student (four queries each)\n", "age policy",
	       t_policy * 1e3, t_policy * 1e9 / n);

	triad_free(text);
	triad_roster_free(r);
	return 0;
}
