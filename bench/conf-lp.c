/*
 * conf-lp: the exact baseline of the conference benchmark. Writes the
 * conference objective of SCHEDULING.md as a time-indexed integer program in
 * CPLEX LP format (for cbc), and turns cbc's solution back into meetings.
 *
 *     conf-lp write INSTANCE.json MODEL.lp
 *     conf-lp write-weight INSTANCE.json MODEL.lp
 *     conf-lp meetings INSTANCE.json CBC-SOLUTION > MEETINGS.tsv
 *
 * The formulation (r request, s session, t/k slot, h household, j teacher):
 *
 *   x[r,s,t] in {0,1}  request r starts at slot t of session s; variables
 *                      exist only for starts the instance allows (bounds,
 *                      breaks, availability of the household and of every
 *                      teacher), so those constraints need no rows
 *   u[r]     >= 0      r unscheduled:  u[r] + sum x[r,.,.] = 1
 *   y[h,s]   in {0,1}  h attends s:    sum_t x[r,s,t] <= y[h,s]  for each r of h
 *   e[h]     >= 0      extra sessions: e[h] >= sum_s y[h,s] - 1
 *   p[h,s,k] in [0,1]  h is present at slot k (one interval per session):
 *                      busy(h,s,k) <= p[h,s,k]   (also: no two meetings at once)
 *                      p[h,s,k] <= p[h,s,k-1] + a[h,s,k],  sum_k a[h,s,k] <= y[h,s]
 *                      p[h,s,k] <= p[h,s,k+1] + d[h,s,k],  sum_k d[h,s,k] <= y[h,s]
 *                      a, d in {0,1}: the interval starts and ends once
 *   q[j,s,k] in [0,1]  the same presence interval for teacher j, over the
 *                      slots outside breaks (idle excludes break slots)
 *   caps:              sum x of teacher j in s <= max_meetings (a meeting
 *                      counts once, whatever its length); sum_s y[h,s] <=
 *                      max_sessions
 *
 *   minimise 1e6 * sum_r w_r u[r] + 1e4 * sum_h e[h]
 *          + 100 * (sum p - sum meeting slots of households)
 *          +   1 * (sum q - sum meeting slots of teachers)
 *          +   1 * (meetings starting in the wrong half for an early/late wish)
 *
 * (the weights are read from the instance's settings).
 *
 * `write-weight` writes the relaxation that keeps every hard constraint but
 * only the unscheduled term: no presence intervals, plain "one meeting at a
 * time" rows. Its optimum (or cbc's bound on it) is a lower bound on the
 * unscheduled term of the full objective, hence on the cost: a far smaller
 * program that cbc can often close, and a much stronger bound than the
 * flow relaxation, which ignores which household meets which teacher when. Presence intervals
 * instead of big-M span variables make the LP see some waiting: with big-M
 * spans its bound on waiting is 0. The arrival and departure rows are the
 * symmetry breaking the model admits: every schedule has exactly one
 * presence vector per household and teacher, so the solver does not branch
 * over equivalent spans. Instances with a walking gap are refused: the
 * generated suite has none, and the rows for it would only be exercised by
 * an untested path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confmodel.h"

/* An LP file writer that wraps long rows (the LP format limits line length). */
typedef struct lpw {
	FILE *f;
	int col;
	long rows;
} lpw;

static void lp_term(lpw *w, double coef, const char *var)
{
	if (w->col > 200) {
		fputs("\n ", w->f);
		w->col = 1;
	}
	if (coef == 1)
		w->col += fprintf(w->f, " + %s", var);
	else if (coef == -1)
		w->col += fprintf(w->f, " - %s", var);
	else
		w->col += fprintf(w->f, " %s %.17g %s", coef < 0 ? "-" : "+", coef < 0 ? -coef : coef,
		                  var);
}

static void lp_row_begin(lpw *w)
{
	w->col = fprintf(w->f, " c%ld:", w->rows++);
}

static void lp_row_end(lpw *w, const char *sense, double rhs)
{
	fprintf(w->f, " %s %.17g\n", sense, rhs);
	w->col = 0;
}

typedef struct span {
	int lo, hi; /* slots [lo, hi) that any candidate meeting may cover; lo >= hi: none */
} span;

static void widen(span *sp, int from, int to)
{
	if (sp->lo >= sp->hi) {
		sp->lo = from;
		sp->hi = to;
		return;
	}
	if (from < sp->lo)
		sp->lo = from;
	if (to > sp->hi)
		sp->hi = to;
}

/* Presence interval rows for one person in one session: busy <= p, the
 * interval starts and ends at most once (if the person attends). `prefix`
 * names the variables ("p", "q"), `who` the person, `skip_breaks` leaves
 * break slots out (teachers). `busy` lists, per slot, the x variables that
 * cover it. */
typedef struct cover {
	int n, cap;
	char (*names)[40];
} cover;

static void cover_add(cover *c, const char *name)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->names = realloc(c->names, (size_t)c->cap * sizeof *c->names);
		if (!c->names) {
			perror("conf-lp");
			exit(1);
		}
	}
	snprintf(c->names[c->n++], sizeof c->names[0], "%s", name);
}

static void interval_rows(lpw *w, const cm_session *ss, const char *prefix, int who, int s,
                          span sp, cover *busy, const char *attend, bool skip_breaks,
                          FILE *bounds, FILE *binaries, double weight, FILE *obj)
{
	char v[40], prev[40] = "", a[40], d[40];
	int kept[64], nk = 0;
	for (int k = sp.lo; k < sp.hi; k++)
		if (!(skip_breaks && cm_in_break(ss, k)))
			kept[nk++] = k;
	for (int i = 0; i < nk; i++) {
		int k = kept[i];
		snprintf(v, sizeof v, "%s%d_%d_%d", prefix, who, s, k);
		fprintf(bounds, " %s <= 1\n", v);
		fprintf(obj, " + %.17g %s\n", weight, v);
		/* busy <= presence */
		if (busy[k].n) {
			lp_row_begin(w);
			for (int b = 0; b < busy[k].n; b++)
				lp_term(w, 1, busy[k].names[b]);
			lp_term(w, -1, v);
			lp_row_end(w, "<=", 0);
		}
		/* arrival: p_k <= p_prev + a_k */
		snprintf(a, sizeof a, "%sa%d_%d_%d", prefix, who, s, k);
		fprintf(binaries, " %s\n", a);
		lp_row_begin(w);
		lp_term(w, 1, v);
		if (prev[0])
			lp_term(w, -1, prev);
		lp_term(w, -1, a);
		lp_row_end(w, "<=", 0);
		snprintf(prev, sizeof prev, "%s", v);
	}
	/* departure: p_k <= p_next + d_k */
	for (int i = 0; i < nk; i++) {
		snprintf(v, sizeof v, "%s%d_%d_%d", prefix, who, s, kept[i]);
		snprintf(d, sizeof d, "%sd%d_%d_%d", prefix, who, s, kept[i]);
		fprintf(binaries, " %s\n", d);
		lp_row_begin(w);
		lp_term(w, 1, v);
		if (i + 1 < nk) {
			char nx[40];
			snprintf(nx, sizeof nx, "%s%d_%d_%d", prefix, who, s, kept[i + 1]);
			lp_term(w, -1, nx);
		}
		lp_term(w, -1, d);
		lp_row_end(w, "<=", 0);
	}
	/* one arrival and one departure, only when attending */
	for (int pass = 0; pass < 2; pass++) {
		lp_row_begin(w);
		for (int i = 0; i < nk; i++) {
			snprintf(a, sizeof a, "%s%c%d_%d_%d", prefix, pass ? 'd' : 'a', who, s, kept[i]);
			lp_term(w, 1, a);
		}
		if (attend) {
			lp_term(w, -1, attend);
			lp_row_end(w, "<=", 0);
		} else {
			lp_row_end(w, "<=", 1);
		}
	}
}

/* Plain "at most one meeting at a time" rows over slots [lo, hi). */
static void conflict_rows(lpw *w, span sp, cover *busy)
{
	for (int k = sp.lo; k < sp.hi; k++) {
		if (busy[k].n < 2)
			continue;
		lp_row_begin(w);
		for (int b = 0; b < busy[k].n; b++)
			lp_term(w, 1, busy[k].names[b]);
		lp_row_end(w, "<=", 1);
	}
}

static int write_lp(const cm_instance *in, const char *path, bool weight_only)
{
	if (in->settings.walking_gap > 0) {
		fprintf(stderr, "conf-lp: instances with a walking gap are not supported\n");
		return 1;
	}
	for (int s = 0; s < in->nsessions; s++)
		if (in->sessions[s].slots > 64) {
			fprintf(stderr, "conf-lp: sessions of more than 64 slots are not supported\n");
			return 1;
		}
	FILE *f = fopen(path, "w");
	/* objective terms, bounds and integer declarations go to temporary
	 * files first: the LP format wants them in separate sections */
	FILE *obj = tmpfile(), *bounds = tmpfile(), *bin = tmpfile();
	if (!f || !obj || !bounds || !bin) {
		perror(path);
		return 1;
	}
	lpw w = { f, 0, 0 };
	const cm_settings *st = &in->settings;
	fprintf(f, "\\ conference benchmark %s: time-indexed model (bench/conf-lp.c)\n", in->name);
	fputs("Subject To\n", f);

	/* per household and teacher: the x variables covering each slot */
	int S = in->nsessions;
	cover(*hbusy) = calloc((size_t)in->nhouseholds * S * 64, sizeof *hbusy);
	cover(*tbusy) = calloc((size_t)in->nteachers * S * 64, sizeof *tbusy);
	cover(*tcap) = calloc((size_t)in->nteachers * S, sizeof *tcap);
	span *hspan = calloc((size_t)in->nhouseholds * S, sizeof *hspan);
	span *tspan = calloc((size_t)in->nteachers * S, sizeof *tspan);
	char name[40];
	long nx = 0;
	for (int r = 0; r < in->nrequests; r++) {
		const cm_request *rq = &in->requests[r];
		const cm_household *h = &in->households[rq->household];
		double weight = (double)st->w_unscheduled * st->prio_weight[rq->priority];
		snprintf(name, sizeof name, "u%d", r);
		fprintf(obj, " + %.17g %s\n", weight, name);
		/* assignment: u + sum x = 1 */
		lp_row_begin(&w);
		lp_term(&w, 1, name);
		for (int s = 0; s < S; s++) {
			const cm_session *ss = &in->sessions[s];
			for (int t = 0; t < ss->slots; t++) {
				if (!cm_start_allowed(in, rq, s, t))
					continue;
				snprintf(name, sizeof name, "x%d_%d_%d", r, s, t);
				lp_term(&w, 1, name);
				fprintf(bin, " %s\n", name);
				nx++;
				/* -slots per meeting: waiting and idle are span minus
				 * meeting slots; + a preference miss */
				double c = -(double)rq->slots * st->w_wait -
				           (double)rq->slots * st->w_idle * rq->nteachers;
				/* early: starts in the first half, t < (slots + 1) / 2 */
				bool early = t < (ss->slots + 1) / 2;
				if ((h->pref == CM_PREF_EARLY && !early) || (h->pref == CM_PREF_LATE && early))
					c += (double)st->w_pref;
				if (!weight_only)
					fprintf(obj, " %s %.17g %s\n", c < 0 ? "-" : "+", c < 0 ? -c : c, name);
				size_t hi = ((size_t)rq->household * S + s);
				widen(&hspan[hi], t, t + rq->slots);
				for (int k = t; k < t + rq->slots; k++)
					cover_add(&hbusy[hi * 64 + k], name);
				for (int j = 0; j < rq->nteachers; j++) {
					size_t ti = (size_t)rq->teachers[j] * S + s;
					widen(&tspan[ti], t, t + rq->slots);
					for (int k = t; k < t + rq->slots; k++)
						cover_add(&tbusy[ti * 64 + k], name);
					cover_add(&tcap[ti], name);
				}
			}
		}
		lp_row_end(&w, "=", 1);
	}

	/* households: attendance, presence intervals, extra sessions, caps */
	for (int h = 0; h < in->nhouseholds; h++) {
		const cm_household *hh = &in->households[h];
		int attended = 0;
		for (int s = 0; s < S; s++) {
			span sp = hspan[(size_t)h * S + s];
			if (sp.lo >= sp.hi)
				continue;
			attended++;
			char y[40];
			snprintf(y, sizeof y, "y%d_%d", h, s);
			fprintf(bin, " %s\n", y);
			for (int r = 0; r < in->nrequests; r++) {
				const cm_request *rq = &in->requests[r];
				if (rq->household != h)
					continue;
				bool any = false;
				for (int t = 0; t < in->sessions[s].slots; t++) {
					if (!cm_start_allowed(in, rq, s, t))
						continue;
					if (!any)
						lp_row_begin(&w);
					any = true;
					snprintf(name, sizeof name, "x%d_%d_%d", r, s, t);
					lp_term(&w, 1, name);
				}
				if (any) {
					lp_term(&w, -1, y);
					lp_row_end(&w, "<=", 0);
				}
			}
			if (weight_only)
				conflict_rows(&w, sp, &hbusy[((size_t)h * S + s) * 64]);
			else
				interval_rows(&w, &in->sessions[s], "p", h, s, sp,
				              &hbusy[((size_t)h * S + s) * 64], y, false, bounds, bin,
				              (double)st->w_wait, obj);
		}
		if (attended > 1 && weight_only) {
			if (hh->max_sessions > 0 && hh->max_sessions < attended) {
				lp_row_begin(&w);
				for (int s = 0; s < S; s++) {
					span sp = hspan[(size_t)h * S + s];
					if (sp.lo < sp.hi) {
						char y[40];
						snprintf(y, sizeof y, "y%d_%d", h, s);
						lp_term(&w, 1, y);
					}
				}
				lp_row_end(&w, "<=", hh->max_sessions);
			}
		} else if (attended > 1) {
			snprintf(name, sizeof name, "e%d", h);
			fprintf(obj, " + %.17g %s\n", (double)st->w_extra_session, name);
			lp_row_begin(&w);
			for (int s = 0; s < S; s++) {
				span sp = hspan[(size_t)h * S + s];
				if (sp.lo < sp.hi) {
					char y[40];
					snprintf(y, sizeof y, "y%d_%d", h, s);
					lp_term(&w, 1, y);
				}
			}
			lp_term(&w, -1, name);
			lp_row_end(&w, "<=", 1);
			if (hh->max_sessions > 0 && hh->max_sessions < attended) {
				lp_row_begin(&w);
				for (int s = 0; s < S; s++) {
					span sp = hspan[(size_t)h * S + s];
					if (sp.lo < sp.hi) {
						char y[40];
						snprintf(y, sizeof y, "y%d_%d", h, s);
						lp_term(&w, 1, y);
					}
				}
				lp_row_end(&w, "<=", hh->max_sessions);
			}
		}
	}

	/* teachers: presence intervals and caps */
	for (int j = 0; j < in->nteachers; j++) {
		for (int s = 0; s < S; s++) {
			size_t ti = (size_t)j * S + s;
			if (tspan[ti].lo >= tspan[ti].hi)
				continue;
			if (weight_only)
				conflict_rows(&w, tspan[ti], &tbusy[ti * 64]);
			else
				interval_rows(&w, &in->sessions[s], "q", j, s, tspan[ti], &tbusy[ti * 64],
				              NULL, true, bounds, bin, (double)st->w_idle, obj);
			int cap = in->teachers[j].s[s].max_meetings;
			if (cap > 0 && cap < tcap[ti].n) {
				lp_row_begin(&w);
				for (int b = 0; b < tcap[ti].n; b++)
					lp_term(&w, 1, tcap[ti].names[b]);
				lp_row_end(&w, "<=", cap);
			}
		}
	}

	/* sections: objective first in the file, so write it to a second file
	 * and splice: simpler to rewrite the whole file in order */
	fflush(f);
	long nrows = w.rows;
	fclose(f);
	FILE *body = fopen(path, "r");
	char tmpname[4096];
	snprintf(tmpname, sizeof tmpname, "%s.tmp", path);
	FILE *out = fopen(tmpname, "w");
	if (!body || !out) {
		perror(path);
		return 1;
	}
	fprintf(out, "\\ conference benchmark %s: %ld start variables, %ld rows\nMinimize\n obj:\n",
	        in->name, nx, nrows);
	char buf[1 << 16];
	size_t n;
	rewind(obj);
	while ((n = fread(buf, 1, sizeof buf, obj)) > 0)
		fwrite(buf, 1, n, out);
	/* skip the first comment line of the body */
	int ch;
	while ((ch = fgetc(body)) != EOF && ch != '\n')
		;
	while ((n = fread(buf, 1, sizeof buf, body)) > 0)
		fwrite(buf, 1, n, out);
	fputs("Bounds\n", out);
	rewind(bounds);
	while ((n = fread(buf, 1, sizeof buf, bounds)) > 0)
		fwrite(buf, 1, n, out);
	fputs("Binaries\n", out);
	rewind(bin);
	while ((n = fread(buf, 1, sizeof buf, bin)) > 0)
		fwrite(buf, 1, n, out);
	fputs("End\n", out);
	int bad = ferror(out) != 0;
	bad |= fclose(out) != 0;
	fclose(body);
	fclose(obj);
	fclose(bounds);
	fclose(bin);
	if (bad || rename(tmpname, path) != 0) {
		perror(path);
		return 1;
	}
	for (size_t i = 0; i < (size_t)in->nhouseholds * S * 64; i++)
		free(hbusy[i].names);
	for (size_t i = 0; i < (size_t)in->nteachers * S * 64; i++)
		free(tbusy[i].names);
	for (size_t i = 0; i < (size_t)in->nteachers * S; i++)
		free(tcap[i].names);
	free(hbusy);
	free(tbusy);
	free(tcap);
	free(hspan);
	free(tspan);
	fprintf(stderr, "conf-lp: %s: %ld start variables, %ld rows\n", path, nx, nrows);
	return 0;
}

/* cbc's "solution" file: a status line, then "index name value reduced"
 * for each non-zero variable. Print the meetings as "request session slot". */
static int print_meetings(const cm_instance *in, const char *solpath)
{
	FILE *f = fopen(solpath, "r");
	if (!f) {
		perror(solpath);
		return 1;
	}
	char line[512];
	if (!fgets(line, sizeof line, f)) {
		fclose(f);
		fprintf(stderr, "conf-lp: %s is empty\n", solpath);
		return 1;
	}
	/* "Infeasible" or "no integer solution" means nothing to report */
	if (strstr(line, "nfeasible") || strstr(line, "no integer")) {
		fclose(f);
		fprintf(stderr, "conf-lp: %s: %s", solpath, line);
		return 2;
	}
	while (fgets(line, sizeof line, f)) {
		char *p = line;
		if (*p == '*')
			p++; /* cbc marks variables that violate bounds */
		long idx;
		char var[64];
		double value;
		if (sscanf(p, "%ld %63s %lf", &idx, var, &value) != 3)
			continue;
		int r, s, t;
		if (var[0] == 'x' && sscanf(var + 1, "%d_%d_%d", &r, &s, &t) == 3 && value > 0.5) {
			if (r < 0 || r >= in->nrequests || s < 0 || s >= in->nsessions) {
				fclose(f);
				fprintf(stderr, "conf-lp: %s: unknown variable %s\n", solpath, var);
				return 1;
			}
			printf("%s\t%s\t%d\n", in->requests[r].id, in->sessions[s].id, t);
		}
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	bool write = argc == 4 && strcmp(argv[1], "write") == 0;
	bool write_weight = argc == 4 && strcmp(argv[1], "write-weight") == 0;
	if (argc != 4 || (!write && !write_weight && strcmp(argv[1], "meetings") != 0)) {
		fprintf(stderr, "usage: conf-lp write INSTANCE.json MODEL.lp\n"
		                "       conf-lp write-weight INSTANCE.json MODEL.lp\n"
		                "       conf-lp meetings INSTANCE.json CBC-SOLUTION\n");
		return 2;
	}
	cm_instance in;
	if (cm_read_json(&in, argv[2]) != 0)
		return 1;
	snprintf(in.name, sizeof in.name, "%s", argv[2]);
	int rc = write || write_weight ? write_lp(&in, argv[3], write_weight)
	                               : print_meetings(&in, argv[3]);
	cm_free(&in);
	return rc;
}
