/*
 * bench_agreement: the cost of one parent–child–school agreement, the unit a
 * school handles once per student per year (a large school: ~2000 a year).
 *
 * On the test roster (tests/data/agreement/school.json, or the file given),
 * times each operation on a complete catalogue agreement (21 clauses, 6
 * protocol entries, 4 signatures, 2 versions), next to a baseline measured in
 * the same run:
 *   - starting from the catalogue   vs. loading the same agreement from JSON
 *   - loading triad.agreement/1     vs. jansson parsing the same text alone
 *   - saving                        vs. jansson serialising the parsed tree
 *   - rendering HTML / plain text   vs. saving as JSON (another full write-out)
 *   - validating                    vs. the age-policy query it makes
 *
 * usage: bench_agreement [ROSTER.json [ITERATIONS]]   (default 2000)
 */
#include <jansson.h>
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
		fprintf(stderr, "bench_agreement: %s: %s\n", what, triad_error_last()->message);
		exit(1);
	}
}

static triad_date day(int y, int m, int d)
{
	triad_date out;
	check(triad_date_from_ymd(&out, y, m, d), "date");
	return out;
}

typedef struct ctx {
	const triad_roster *r;
	const triad_agreement *a;
	const char *text;
	size_t len;
	json_t *tree;
	int format;
} ctx;

typedef void (*op_fn)(const ctx *c);

static void op_start(const ctx *c)
{
	triad_agreement_start_options o = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	o.school_year = 2026;
	triad_agreement *a = NULL;
	check(triad_agreement_start(&a, "bench", c->r, "s13", "t1", &o), "start");
	triad_agreement_free(a);
}

static void op_load(const ctx *c)
{
	triad_agreement *a = NULL;
	check(triad_agreement_load(&a, c->text, c->len, NULL), "load");
	triad_agreement_free(a);
}

static void op_parse(const ctx *c)
{
	json_t *t = json_loadb(c->text, c->len, JSON_REJECT_DUPLICATES, NULL);
	if (!t)
		check(TRIAD_EPARSE, "jansson parse");
	json_decref(t);
}

static void op_save(const ctx *c)
{
	char *s = NULL;
	check(triad_agreement_save(&s, c->a), "save");
	triad_free(s);
}

static void op_dump(const ctx *c)
{
	char *s = json_dumps(c->tree, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!s)
		check(TRIAD_ENOMEM, "jansson dump");
	free(s);
}

static void op_render(const ctx *c)
{
	triad_render_options o = TRIAD_RENDER_OPTIONS_INIT;
	o.format = (triad_render_format)c->format;
	o.lang = TRIAD_LANG_EN;
	o.roster = c->r;
	char *s = NULL;
	check(triad_agreement_render(&s, c->a, &o), "render");
	triad_free(s);
}

static void op_validate(const ctx *c)
{
	triad_agreement_findings *f = NULL;
	check(triad_agreement_validate(&f, c->a, c->r, NULL, 0), "validate");
	triad_agreement_findings_free(f);
}

static void op_signers(const ctx *c)
{
	triad_strlist *l = NULL;
	check(triad_policy_signers(&l, c->r, NULL, "s13", day(2026, 8, 1)), "signers");
	triad_strlist_free(l);
}

/* Microseconds per call, best of three rounds of `n` calls. */
static double time_op(op_fn fn, const ctx *c, int n)
{
	double best = 1e30;
	for (int round = 0; round < 3; round++) {
		double t0 = now();
		for (int i = 0; i < n; i++)
			fn(c);
		double us = (now() - t0) * 1e6 / n;
		if (us < best)
			best = us;
	}
	return best;
}

static void row(const char *what, op_fn fn, const char *base, op_fn bfn, const ctx *c, int n)
{
	double t = time_op(fn, c, n), b = time_op(bfn, c, n);
	printf("%-26s %10.1f   %-26s %10.1f   %6.2f\n", what, t, base, b, t / b);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "tests/data/agreement/school.json";
	int n = argc > 2 ? atoi(argv[2]) : 2000;
	if (n < 1) {
		fprintf(stderr, "usage: bench_agreement [ROSTER.json [ITERATIONS]]\n");
		return 2;
	}
	triad_roster *r = NULL;
	check(triad_roster_load_file(&r, path, NULL), path);

	/* Daan's agreement: signed and active, then amended and re-signed. */
	triad_agreement_start_options o = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	o.school_year = 2026;
	triad_agreement *a = NULL;
	check(triad_agreement_start(&a, "agr-s13-2026", r, "s13", "t1", &o), "start");
	static const char *const signers[] = { "s13", "m13", "f13", "t1" };
	check(triad_agreement_propose(a, day(2026, 9, 1)), "propose");
	for (int i = 0; i < 4; i++)
		check(triad_agreement_sign(a, signers[i], day(2026, 9, 3)), "sign");
	check(triad_agreement_activate(a, r, NULL, day(2026, 9, 3)), "activate");
	check(triad_agreement_clause_set_text(a, "student.effort", "Ik werk.", "I work."), "amend");
	check(triad_agreement_propose(a, day(2026, 10, 1)), "propose");
	for (int i = 0; i < 4; i++)
		check(triad_agreement_sign(a, signers[i], day(2026, 10, 2)), "sign");
	check(triad_agreement_activate(a, r, NULL, day(2026, 10, 2)), "activate");

	char *text = NULL;
	check(triad_agreement_save(&text, a), "save");
	ctx c = { r, a, text, strlen(text), NULL, TRIAD_RENDER_HTML };
	c.tree = json_loadb(text, c.len, 0, NULL);
	if (!c.tree)
		check(TRIAD_EPARSE, "jansson");

	printf("bench_agreement: one agreement (%zu versions, %zu clauses, %zu bytes of JSON), "
	       "%d calls per round, best of 3\n\n", triad_agreement_version_count(a),
	       triad_agreement_version_clause_count(triad_agreement_latest(a)), c.len, n);
	printf("%-26s %10s   %-26s %10s   %6s\n", "libtriad", "us/call", "baseline", "us/call",
	       "ratio");
	row("start from catalogue", op_start, "load the same from JSON", op_load, &c, n);
	row("load triad.agreement/1", op_load, "jansson parse alone", op_parse, &c, n);
	row("save triad.agreement/1", op_save, "jansson dump alone", op_dump, &c, n);
	row("render HTML (en)", op_render, "save as JSON", op_save, &c, n);
	c.format = TRIAD_RENDER_TEXT;
	row("render plain text (en)", op_render, "save as JSON", op_save, &c, n);
	row("validate", op_validate, "policy signers query", op_signers, &c, n);

	json_decref(c.tree);
	triad_free(text);
	triad_agreement_free(a);
	triad_roster_free(r);
	return 0;
}
