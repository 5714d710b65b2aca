/* Reach analytics over the contact log: one pass over the entries (two for
 * the failed-in-a-row streaks), indexes built from the audience. */
#include <stdlib.h>
#include <string.h>

#include "analytics_private.h"

int triad_reach_options_init(triad_reach_options *opts, unsigned version)
{
	if (!opts)
		return triad__err(TRIAD_EINVAL, "triad_reach_options_init: opts is NULL");
	if (version != TRIAD_REACH_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "triad_reach_options_init: version %u is unknown (this "
		                  "libtriad knows version %d)", version,
		                  TRIAD_REACH_OPTIONS_VERSION);
	triad_reach_options init = TRIAD_REACH_OPTIONS_INIT;
	*opts = init;
	return 0;
}

/* Scratch state while a report is built. */
typedef struct build {
	const triad_contactlog *log;
	triad_reach_report *r;
	triad_symtab students, classes, mentors; /* households live in r->households */
	/* (household, student) pairs with full access */
	uint32_t *p_h, *p_s, *p_class, *p_mentor, *p_next_h, *p_next_s;
	uint8_t *p_reached;
	size_t np, pcap;
	uint32_t *h_first, *s_first; /* first pair of a household / student */
	uint32_t *h_of_sym, *s_of_sym; /* log symbol -> household / student */
	/* per household */
	int64_t *last_contact; /* INT64_MIN: none */
	triad_date *last_attempt;
	uint32_t *contacts, *fails, *fails_in_weeks, *streak;
	uint8_t *reached;
	/* per class and mentor: contacts, proactive, failed */
	size_t *c_cnt, *m_cnt;
} build;

static void build_free(build *b)
{
	triad__symtab_free(&b->students);
	triad__symtab_free(&b->classes);
	triad__symtab_free(&b->mentors);
	void *arrays[] = { b->p_h, b->p_s, b->p_class, b->p_mentor, b->p_next_h, b->p_next_s,
		           b->p_reached, b->h_first, b->s_first, b->h_of_sym, b->s_of_sym,
		           b->last_contact, b->last_attempt, b->contacts, b->fails,
		           b->fails_in_weeks, b->streak, b->reached, b->c_cnt, b->m_cnt };
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(arrays); i++)
		triad__free(arrays[i]);
}

static void *zalloc(size_t n, size_t size)
{
	return triad__calloc(n ? n : 1, size);
}

static uint32_t *filled(size_t n)
{
	uint32_t *a = triad__reallocarray(NULL, n ? n : 1, sizeof *a);
	if (a)
		memset(a, 0xff, (n ? n : 1) * sizeof *a);
	return a;
}

/* Read the audience into pairs and symbol tables. */
static int read_audience(build *b, const triad_audience *aud)
{
	triad_reach_report *r = b->r;
	size_t n = triad_audience_count(aud);
	int rc;
	for (size_t i = 0; i < n; i++) {
		const char *hh, *st, *cl, *mt;
		triad_plan_access access;
		if ((rc = triad_audience_at(aud, i, &hh, &st, NULL, NULL, &cl, &mt, &access)))
			return rc;
		if (access != TRIAD_PLAN_ACCESS_FULL)
			continue;
		if (TRIAD_GROW(b->p_h, b->pcap, b->np + 1))
			return TRIAD_ENOMEM;
		size_t cap = b->pcap;
		/* The other pair arrays follow p_h's capacity. */
		uint32_t **arrs[] = { &b->p_s, &b->p_class, &b->p_mentor, &b->p_next_h, &b->p_next_s };
		for (size_t k = 0; k < TRIAD_ARRAY_LEN(arrs); k++) {
			uint32_t *p = triad__reallocarray(*arrs[k], cap, sizeof(uint32_t));
			if (!p)
				return TRIAD_ENOMEM;
			*arrs[k] = p;
		}
		uint32_t h, s, c = TRIAD_NOSYM, m = TRIAD_NOSYM;
		if ((rc = triad__symtab_intern(&r->households, hh, &h)) ||
		    (rc = triad__symtab_intern(&b->students, st, &s)) ||
		    (cl && (rc = triad__symtab_intern(&b->classes, cl, &c))) ||
		    (mt && (rc = triad__symtab_intern(&b->mentors, mt, &m))))
			return rc;
		b->p_h[b->np] = h;
		b->p_s[b->np] = s;
		b->p_class[b->np] = c;
		b->p_mentor[b->np] = m;
		b->np++;
	}
	size_t H = r->households.count, S = b->students.count, Y = b->log->syms.count;
	if (!(b->h_first = filled(H)) || !(b->s_first = filled(S)) ||
	    !(b->h_of_sym = filled(Y)) || !(b->s_of_sym = filled(Y)) ||
	    !(b->p_reached = zalloc(b->np, 1)))
		return TRIAD_ENOMEM;
	/* Link pairs per household and per student, keeping audience order. */
	for (size_t p = b->np; p-- > 0;) {
		b->p_next_h[p] = b->h_first[b->p_h[p]];
		b->h_first[b->p_h[p]] = (uint32_t)p;
		b->p_next_s[p] = b->s_first[b->p_s[p]];
		b->s_first[b->p_s[p]] = (uint32_t)p;
	}
	for (size_t h = 0; h < H; h++) {
		uint32_t sym = triad__symtab_find(&b->log->syms, triad__sym(&r->households, (uint32_t)h));
		if (sym != TRIAD_NOSYM)
			b->h_of_sym[sym] = (uint32_t)h;
	}
	for (size_t s = 0; s < S; s++) {
		uint32_t sym = triad__symtab_find(&b->log->syms, triad__sym(&b->students, (uint32_t)s));
		if (sym != TRIAD_NOSYM)
			b->s_of_sym[sym] = (uint32_t)s;
	}
	return 0;
}

/* The pairs an entry concerns: its students in its household, or every
 * pair of the household when it names none of them. */
static size_t concerned(const build *b, const triad_centry *e, uint32_t h, uint32_t *out,
                        size_t max)
{
	size_t n = 0;
	const uint32_t *refs = b->log->pool + e->refs + e->nguard;
	for (size_t k = 0; k < e->nstud; k++) {
		uint32_t s = b->s_of_sym[refs[k]];
		if (s == TRIAD_NOSYM)
			continue;
		for (uint32_t p = b->s_first[s]; p != TRIAD_NOSYM && n < max; p = b->p_next_s[p])
			if (b->p_h[p] == h)
				out[n++] = p;
	}
	if (n == 0)
		for (uint32_t p = b->h_first[h]; p != TRIAD_NOSYM && n < max; p = b->p_next_h[p])
			out[n++] = p;
	return n;
}

/* Distinct values of field[pairs[i]] (ignoring TRIAD_NOSYM). */
static size_t distinct(const uint32_t *field, const uint32_t *pairs, size_t n, uint32_t *out)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t v = field[pairs[i]];
		if (v == TRIAD_NOSYM)
			continue;
		size_t k = 0;
		while (k < m && out[k] != v)
			k++;
		if (k == m)
			out[m++] = v;
	}
	return m;
}

enum { MAX_PAIRS = 256 };

static void count_entry(build *b, const triad_centry *e, uint32_t h, bool in_window)
{
	triad_reach_report *r = b->r;
	bool ok = ce_reached(e);
	if (ok) {
		b->contacts[h]++;
		if (ce_when(e) > b->last_contact[h])
			b->last_contact[h] = ce_when(e);
	} else {
		b->fails[h]++;
		if (e->date > b->last_attempt[h])
			b->last_attempt[h] = e->date;
		if (r->weeks_apply && e->date >= r->weeks_start)
			b->fails_in_weeks[h]++;
	}
	if (!in_window)
		return;
	bool pro = ok && ce_initiator(e) == TRIAD_INITIATOR_SCHOOL &&
	           ce_tone(e) != TRIAD_TONE_CONCERN;
	/* counters: [3 * g + 0] contacts, [+1] proactive, [+2] failed */
	r->school.contacts += ok;
	r->school.proactive += pro;
	r->school.failed += !ok;
	if (ok)
		b->reached[h] = 1;
	uint32_t pairs[MAX_PAIRS], groups[MAX_PAIRS];
	size_t n = concerned(b, e, h, pairs, MAX_PAIRS);
	if (ok)
		for (size_t i = 0; i < n; i++)
			b->p_reached[pairs[i]] = 1;
	size_t m = distinct(b->p_class, pairs, n, groups);
	for (size_t i = 0; i < m; i++) {
		b->c_cnt[3 * groups[i]] += ok;
		b->c_cnt[3 * groups[i] + 1] += pro;
		b->c_cnt[3 * groups[i] + 2] += !ok;
	}
	m = distinct(b->p_mentor, pairs, n, groups);
	for (size_t i = 0; i < m; i++) {
		b->m_cnt[3 * groups[i]] += ok;
		b->m_cnt[3 * groups[i] + 1] += pro;
		b->m_cnt[3 * groups[i] + 2] += !ok;
	}
}

typedef struct named {
	const char *name;
	uint32_t idx;
} named;

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

/* Add one group per symbol of t, sorted by name, with their counters. */
static int add_groups(build *b, const triad_symtab *t, triad_reach_group type,
                      const size_t *cnt, const size_t *hh, const size_t *reached,
                      const size_t *never, const size_t *hard)
{
	triad_reach_report *r = b->r;
	named *order = zalloc(t->count, sizeof *order);
	if (!order)
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < t->count; i++) {
		order[i].name = triad__sym(t, (uint32_t)i);
		order[i].idx = (uint32_t)i;
	}
	qsort(order, t->count, sizeof *order, cmp_named);
	int rc = 0;
	for (size_t k = 0; k < t->count && !rc; k++) {
		uint32_t i = order[k].idx;
		triad__reach_group *g = &r->groups[r->ngroups];
		memset(g, 0, sizeof *g);
		g->type = type;
		if (!(g->name = triad__strdup(order[k].name))) {
			rc = TRIAD_ENOMEM;
			break;
		}
		g->f.version = TRIAD_REACH_FIGURES_VERSION;
		g->f.households = hh[i];
		g->f.reached = reached[i];
		g->f.contacts = cnt[3 * i];
		g->f.proactive = cnt[3 * i + 1];
		g->f.failed = cnt[3 * i + 2];
		g->f.never_contacted = never[i];
		g->f.hard_to_reach = hard[i];
		r->ngroups++;
	}
	triad__free(order);
	return rc;
}

static void finish_figures(triad_reach_figures *f)
{
	f->reach = f->households ? (double)f->reached / (double)f->households : 0.0;
	f->proactive_share = f->contacts ? (double)f->proactive / (double)f->contacts : 0.0;
}

/* Sort n records of `size` bytes whose household symbol is at offset 0 (a
 * uint32_t) by household id. qsort has no context argument in C11, so sort
 * (name, position) pairs and permute. */
static int sort_by_household(const triad_symtab *t, void *records, size_t n, size_t size)
{
	named *tmp = zalloc(n, sizeof *tmp);
	char *copy = zalloc(n, size);
	if (!tmp || !copy) {
		triad__free(tmp);
		triad__free(copy);
		return TRIAD_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t h;
		memcpy(&h, (char *)records + i * size, sizeof h);
		tmp[i].name = triad__sym(t, h);
		tmp[i].idx = (uint32_t)i;
	}
	qsort(tmp, n, sizeof *tmp, cmp_named);
	for (size_t i = 0; i < n; i++)
		memcpy(copy + i * size, (char *)records + (size_t)tmp[i].idx * size, size);
	if (n)
		memcpy(records, copy, n * size);
	triad__free(tmp);
	triad__free(copy);
	return 0;
}

static int tally(build *b)
{
	triad_reach_report *r = b->r;
	size_t H = r->households.count, C = b->classes.count, M = b->mentors.count;
	size_t *c_hh = zalloc(C * 4, sizeof(size_t)), *m_hh = zalloc(M * 4, sizeof(size_t));
	int rc = 0;
	if (!c_hh || !m_hh ||
	    !(r->never = zalloc(H, sizeof *r->never)) || !(r->hard = zalloc(H, sizeof *r->hard)) ||
	    !(r->groups = zalloc(1 + C + M, sizeof *r->groups))) {
		rc = TRIAD_ENOMEM;
		goto done;
	}
	size_t nnever = 0, nhard = 0;
	r->school.households = H;
	for (uint32_t h = 0; h < H; h++) {
		bool never = b->contacts[h] == 0;
		unsigned reasons = 0;
		if (r->hard_weeks > 0 && r->weeks_apply && b->fails_in_weeks[h] > 0 &&
		    b->last_contact[h] < (int64_t)r->weeks_start * 1440)
			reasons |= TRIAD_HARD_NO_CONTACT_IN_WEEKS;
		if (r->hard_failed > 0 && b->streak[h] >= (uint32_t)r->hard_failed)
			reasons |= TRIAD_HARD_FAILED_IN_ROW;
		r->school.reached += b->reached[h];
		r->school.never_contacted += never;
		r->school.hard_to_reach += reasons != 0;
		if (never) {
			r->never[nnever].h = h;
			r->never[nnever].attempts = b->fails[h];
			r->never[nnever].last_attempt = b->last_attempt[h];
			nnever++;
		}
		if (reasons) {
			r->hard[nhard].h = h;
			r->hard[nhard].reasons = reasons;
			r->hard[nhard].streak = b->streak[h];
			r->hard[nhard].has_contact = b->last_contact[h] != INT64_MIN;
			r->hard[nhard].last_contact =
				b->last_contact[h] == INT64_MIN ? 0 : (triad_date)(b->last_contact[h] / 1440);
			nhard++;
		}
		/* Per class and mentor: households, reached, never, hard. */
		uint32_t pairs[MAX_PAIRS], groups[MAX_PAIRS];
		size_t n = 0;
		for (uint32_t p = b->h_first[h]; p != TRIAD_NOSYM && n < MAX_PAIRS; p = b->p_next_h[p])
			pairs[n++] = p;
		for (int pass = 0; pass < 2; pass++) {
			const uint32_t *field = pass ? b->p_mentor : b->p_class;
			size_t *cnt = pass ? m_hh : c_hh;
			size_t m = distinct(field, pairs, n, groups);
			for (size_t i = 0; i < m; i++) {
				bool hit = false;
				for (size_t k = 0; k < n; k++)
					hit = hit || (field[pairs[k]] == groups[i] && b->p_reached[pairs[k]]);
				cnt[4 * groups[i]]++;
				cnt[4 * groups[i] + 1] += hit;
				cnt[4 * groups[i] + 2] += never;
				cnt[4 * groups[i] + 3] += reasons != 0;
			}
		}
	}
	if ((rc = sort_by_household(&r->households, r->never, nnever, sizeof *r->never)) ||
	    (rc = sort_by_household(&r->households, r->hard, nhard, sizeof *r->hard)))
		goto done;
	r->nnever = nnever;
	r->nhard = nhard;
	/* Groups: the school, classes, mentors. */
	triad__reach_group *g = &r->groups[0];
	g->type = TRIAD_REACH_GROUP_SCHOOL;
	if (!(g->name = triad__strdup(""))) {
		rc = TRIAD_ENOMEM;
		goto done;
	}
	g->f = r->school;
	g->f.version = TRIAD_REACH_FIGURES_VERSION;
	r->ngroups = 1;
	{
		size_t *hh = zalloc((C > M ? C : M) * 4 + 4, sizeof(size_t));
		if (!hh) {
			rc = TRIAD_ENOMEM;
			goto done;
		}
		for (int pass = 0; pass < 2 && !rc; pass++) {
			size_t G = pass ? M : C;
			const size_t *src = pass ? m_hh : c_hh;
			size_t *a = hh, *rch = hh + G, *nev = hh + 2 * G, *hrd = hh + 3 * G;
			for (size_t i = 0; i < G; i++) {
				a[i] = src[4 * i];
				rch[i] = src[4 * i + 1];
				nev[i] = src[4 * i + 2];
				hrd[i] = src[4 * i + 3];
			}
			rc = add_groups(b, pass ? &b->mentors : &b->classes,
			                pass ? TRIAD_REACH_GROUP_MENTOR : TRIAD_REACH_GROUP_CLASS,
			                pass ? b->m_cnt : b->c_cnt, a, rch, nev, hrd);
		}
		triad__free(hh);
	}
	for (size_t i = 0; i < r->ngroups; i++)
		finish_figures(&r->groups[i].f);
done:
	triad__free(c_hh);
	triad__free(m_hh);
	return rc;
}

void triad_reach_report_free(triad_reach_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ngroups; i++)
		triad__free(r->groups[i].name);
	triad__free(r->groups);
	triad__free(r->never);
	triad__free(r->hard);
	triad__symtab_free(&r->households);
	triad__free(r);
}

static int setup_dates(triad_reach_report *r, const triad_reach_options *o, triad_date as_of)
{
	if (!triad__date_in_range(as_of))
		return triad__err(TRIAD_EINVAL, "the as-of date lies outside years 1..9999");
	if (o->hard_weeks < 0 || o->hard_weeks > 60)
		return triad__err(TRIAD_EINVAL, "hard_weeks is %d; it must be 0..60 school weeks",
		                  (int)o->hard_weeks);
	if (o->hard_failed < 0 || o->hard_failed > 100)
		return triad__err(TRIAD_EINVAL, "hard_failed is %d; it must be 0..100 attempts",
		                  (int)o->hard_failed);
	r->as_of = as_of;
	r->hard_weeks = o->hard_weeks;
	r->hard_failed = o->hard_failed;
	r->school_weeks = o->calendar != NULL;
	if (o->has_window) {
		if (!triad__date_in_range(o->window_from) || !triad__date_in_range(o->window_to) ||
		    o->window_to < o->window_from)
			return triad__err(TRIAD_EINVAL,
			                  "the reach window must be two dates, the last on or after "
			                  "the first");
		r->from = o->window_from;
		r->to = o->window_to < as_of ? o->window_to : as_of;
	} else if (o->calendar) {
		r->from = triad_calendar_first_day(o->calendar);
		r->to = as_of;
	} else {
		int y, m;
		triad_date_to_ymd(as_of, &y, &m, NULL);
		r->from = triad__days_from_civil(m >= 8 ? y : y - 1, 8, 1);
		r->to = as_of;
	}
	/* The last N school weeks end with the as-of date's week. */
	if (o->hard_weeks > 0) {
		if (o->calendar) {
			int32_t w = 0;
			int rc = triad_calendar_school_week(&w, NULL, o->calendar, as_of);
			if (rc)
				return rc;
			if (w >= o->hard_weeks) {
				r->weeks_apply = true;
				if ((rc = triad_calendar_school_week_at(o->calendar, w - o->hard_weeks + 1,
				                                        &r->weeks_start, NULL, NULL)))
					return rc;
			}
		} else {
			r->weeks_apply = true;
			r->weeks_start = as_of - (triad_date_weekday(as_of) - 1) - 7 * (o->hard_weeks - 1);
		}
	}
	return 0;
}

int triad_reach_report_new(triad_reach_report **out, const triad_contactlog *log,
                           const triad_audience *aud, triad_date as_of,
                           const triad_reach_options *opts)
{
	if (!out || !log || !aud)
		return triad__err(TRIAD_EINVAL, "triad_reach_report_new: an argument is NULL");
	triad_reach_options defaults = TRIAD_REACH_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (opts->version != TRIAD_REACH_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL, "the reach options' version is %u; expected %d",
		                  opts->version, TRIAD_REACH_OPTIONS_VERSION);
	build b;
	memset(&b, 0, sizeof b);
	b.log = log;
	triad_reach_report *r = b.r = triad__calloc(1, sizeof *r);
	if (!r)
		return TRIAD_ENOMEM;
	int rc;
	if ((rc = setup_dates(r, opts, as_of)) || (rc = read_audience(&b, aud)))
		goto fail;
	size_t H = r->households.count;
	if (!(b.last_contact = zalloc(H, sizeof *b.last_contact)) ||
	    !(b.last_attempt = zalloc(H, sizeof *b.last_attempt)) ||
	    !(b.contacts = zalloc(H, sizeof(uint32_t))) || !(b.fails = zalloc(H, sizeof(uint32_t))) ||
	    !(b.fails_in_weeks = zalloc(H, sizeof(uint32_t))) ||
	    !(b.streak = zalloc(H, sizeof(uint32_t))) || !(b.reached = zalloc(H, 1)) ||
	    !(b.c_cnt = zalloc(3 * b.classes.count, sizeof(size_t))) ||
	    !(b.m_cnt = zalloc(3 * b.mentors.count, sizeof(size_t)))) {
		rc = TRIAD_ENOMEM;
		goto fail;
	}
	for (size_t h = 0; h < H; h++) {
		b.last_contact[h] = INT64_MIN;
		b.last_attempt[h] = INT32_MIN;
	}
	for (size_t i = 0; i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		uint32_t h = b.h_of_sym[e->household];
		if (h == TRIAD_NOSYM || e->date > as_of)
			continue;
		count_entry(&b, e, h, e->date >= r->from && e->date <= r->to);
	}
	/* Failed attempts since the last contact. */
	for (size_t i = 0; i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		uint32_t h = b.h_of_sym[e->household];
		if (h != TRIAD_NOSYM && e->date <= as_of && !ce_reached(e) &&
		    ce_when(e) > b.last_contact[h])
			b.streak[h]++;
	}
	if ((rc = tally(&b)))
		goto fail;
	build_free(&b);
	*out = r;
	return 0;
fail:
	build_free(&b);
	triad_reach_report_free(r);
	return rc;
}

void triad_reach_report_window(const triad_reach_report *r, triad_date *from, triad_date *to)
{
	if (from)
		*from = r ? r->from : 0;
	if (to)
		*to = r ? r->to : 0;
}

size_t triad_reach_report_group_count(const triad_reach_report *r)
{
	return r ? r->ngroups : 0;
}

int triad_reach_report_group(const triad_reach_report *r, size_t index, triad_reach_group *type,
                             const char **name, triad_reach_figures *out)
{
	if (!r || index >= r->ngroups)
		return triad__err(TRIAD_EINVAL, "group index %zu is out of range (%zu groups)", index,
		                  r ? r->ngroups : 0);
	if (out && out->version != TRIAD_REACH_FIGURES_VERSION)
		return triad__err(TRIAD_EINVAL, "the figures' version is %u; expected %d",
		                  out->version, TRIAD_REACH_FIGURES_VERSION);
	const triad__reach_group *g = &r->groups[index];
	if (type)
		*type = g->type;
	if (name)
		*name = g->name;
	if (out)
		*out = g->f;
	return 0;
}

size_t triad_reach_report_never_count(const triad_reach_report *r)
{
	return r ? r->nnever : 0;
}

int triad_reach_report_never_at(const triad_reach_report *r, size_t index,
                                const char **household, size_t *attempts,
                                triad_date *last_attempt)
{
	if (!r || index >= r->nnever)
		return triad__err(TRIAD_EINVAL, "index %zu is out of range (%zu households never "
		                  "contacted)", index, r ? r->nnever : 0);
	const triad__reach_never *n = &r->never[index];
	if (household)
		*household = triad__sym(&r->households, n->h);
	if (attempts)
		*attempts = n->attempts;
	if (last_attempt)
		*last_attempt = n->attempts ? n->last_attempt : 0;
	return 0;
}

size_t triad_reach_report_hard_count(const triad_reach_report *r)
{
	return r ? r->nhard : 0;
}

int triad_reach_report_hard_at(const triad_reach_report *r, size_t index,
                               const char **household, unsigned *reasons,
                               size_t *failed_in_row, int *has_contact,
                               triad_date *last_contact)
{
	if (!r || index >= r->nhard)
		return triad__err(TRIAD_EINVAL, "index %zu is out of range (%zu households hard to "
		                  "reach)", index, r ? r->nhard : 0);
	const triad__reach_hard *h = &r->hard[index];
	if (household)
		*household = triad__sym(&r->households, h->h);
	if (reasons)
		*reasons = h->reasons;
	if (failed_in_row)
		*failed_in_row = h->streak;
	if (has_contact)
		*has_contact = h->has_contact;
	if (last_contact)
		*last_contact = h->last_contact;
	return 0;
}
