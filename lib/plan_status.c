/* The plan's expected contacts held against the contact log. */
#include <stdlib.h>
#include <string.h>

#include "contactlog_private.h"

struct triad_plan_status {
	const triad_expected *expected; /* borrowed */
	const triad_contactlog *log;    /* borrowed */
	triad_date as_of;
	size_t count;
	uint8_t *state;   /* triad_expected_state per expected contact */
	uint32_t *entry;  /* matched log entry, TRIAD_NOSYM when none */
};

static const char *const state_ids[] = { "upcoming", "open", "done", "done_late", "overdue" };

const char *triad_expected_state_id(triad_expected_state s)
{
	if (s < 1 || s > 5) {
		triad__err(TRIAD_EINVAL, "%d is not an expected-contact state (1..5)", (int)s);
		return NULL;
	}
	return state_ids[s - 1];
}

/* Contacts (reached, on or before the as-of date) grouped by household
 * symbol and sorted by time within each household. */
typedef struct timed {
	int64_t when;
	uint32_t i;
} timed;

typedef struct index {
	timed *items;
	uint32_t *start; /* per log symbol: first item; start[sym + 1] ends it */
	uint8_t *used;   /* per entry index */
} index;

static int cmp_timed(const void *a, const void *b)
{
	const timed *x = a, *y = b;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int build_index(index *ix, const triad_contactlog *log, triad_date as_of)
{
	size_t nsym = log->syms.count;
	ix->items = triad__reallocarray(NULL, log->count + 1, sizeof *ix->items);
	ix->start = triad__calloc(nsym + 2, sizeof(uint32_t));
	ix->used = triad__calloc(log->count + 1, 1);
	if (!ix->items || !ix->start || !ix->used)
		return TRIAD_ENOMEM;
	/* Counting sort by household symbol, then by time within each. */
	for (size_t i = 0; i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		if (ce_reached(e) && e->date <= as_of)
			ix->start[e->household + 2]++;
	}
	for (size_t s = 2; s < nsym + 2; s++)
		ix->start[s] += ix->start[s - 1];
	for (size_t i = 0; i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		if (ce_reached(e) && e->date <= as_of) {
			timed *t = &ix->items[ix->start[e->household + 1]++];
			t->when = ce_when(e);
			t->i = (uint32_t)i;
		}
	}
	for (size_t s = 0; s < nsym; s++) {
		size_t a = ix->start[s], b = ix->start[s + 1];
		if (b - a > 1)
			qsort(ix->items + a, b - a, sizeof *ix->items, cmp_timed);
	}
	return 0;
}

/* Whether entry e concerns one of the expected contact's students (or names none). */
static bool concerns(const triad_contactlog *log, const triad_centry *e,
                     const triad_expected *x, size_t k)
{
	if (e->nstud == 0)
		return true;
	size_t n = triad_expected_student_count(x, k);
	const uint32_t *refs = log->pool + e->refs + e->nguard;
	for (size_t j = 0; j < n; j++) {
		uint32_t sym = triad__symtab_find(&log->syms, triad_expected_student_at(x, k, j));
		for (size_t i = 0; sym != TRIAD_NOSYM && i < e->nstud; i++)
			if (refs[i] == sym)
				return true;
	}
	return false;
}

/* The earliest unused fitting entry of the household in [from, to]. */
static uint32_t match(index *ix, const triad_contactlog *log, const triad_expected *x,
                      size_t k, uint32_t hsym, triad_date from, triad_date to)
{
	triad_contact_kind kind = triad_expected_kind(x, k);
	for (size_t p = ix->start[hsym]; p < ix->start[hsym + 1]; p++) {
		uint32_t i = ix->items[p].i;
		const triad_centry *e = &log->entries[i];
		if (ix->used[i] || e->date < from || e->date > to ||
		    ce_kind(e) != (unsigned)kind || !concerns(log, e, x, k))
			continue;
		ix->used[i] = 1;
		return i;
	}
	return TRIAD_NOSYM;
}

void triad_plan_status_free(triad_plan_status *st)
{
	if (!st)
		return;
	triad__free(st->state);
	triad__free(st->entry);
	triad__free(st);
}

int triad_plan_status_new(triad_plan_status **out, const triad_expected *x,
                          const triad_contactlog *log, triad_date as_of)
{
	if (!out || !x || !log)
		return triad__err(TRIAD_EINVAL, "triad_plan_status_new: an argument is NULL");
	if (!triad__date_in_range(as_of))
		return triad__err(TRIAD_EINVAL, "the as-of date lies outside years 1..9999");
	size_t n = triad_expected_count(x);
	triad_plan_status *st = triad__calloc(1, sizeof *st);
	index ix = { NULL, NULL, NULL };
	uint32_t *hsym = NULL;
	int rc = 0;
	if (!st || !(st->state = triad__calloc(n + 1, 1)) ||
	    !(st->entry = triad__reallocarray(NULL, n + 1, sizeof(uint32_t))) ||
	    !(hsym = triad__reallocarray(NULL, n + 1, sizeof(uint32_t))) ||
	    (rc = build_index(&ix, log, as_of))) {
		rc = TRIAD_ENOMEM;
		goto done;
	}
	st->expected = x;
	st->log = log;
	st->as_of = as_of;
	st->count = n;
	for (size_t k = 0; k < n; k++) {
		st->entry[k] = TRIAD_NOSYM;
		hsym[k] = triad__symtab_find(&log->syms, triad_expected_household(x, k));
	}
	/* Within the window first (the list is sorted by due date), then late. */
	for (size_t k = 0; k < n; k++) {
		triad_date due = triad_expected_due(x, k);
		if (hsym[k] != TRIAD_NOSYM)
			st->entry[k] = match(&ix, log, x, k, hsym[k], triad_expected_earliest(x, k),
			                     due < as_of ? due : as_of);
	}
	for (size_t k = 0; k < n; k++) {
		triad_date due = triad_expected_due(x, k);
		if (st->entry[k] == TRIAD_NOSYM && hsym[k] != TRIAD_NOSYM && due < as_of) {
			st->entry[k] = match(&ix, log, x, k, hsym[k], due + 1, as_of);
			if (st->entry[k] != TRIAD_NOSYM) {
				st->state[k] = TRIAD_EXPECTED_DONE_LATE;
				continue;
			}
		}
		if (st->entry[k] != TRIAD_NOSYM)
			st->state[k] = TRIAD_EXPECTED_DONE;
		else if (due < as_of)
			st->state[k] = TRIAD_EXPECTED_OVERDUE;
		else if (triad_expected_earliest(x, k) > as_of)
			st->state[k] = TRIAD_EXPECTED_UPCOMING;
		else
			st->state[k] = TRIAD_EXPECTED_OPEN;
	}
done:
	triad__free(ix.items);
	triad__free(ix.start);
	triad__free(ix.used);
	triad__free(hsym);
	if (rc) {
		triad_plan_status_free(st);
		return rc;
	}
	if (!st)
		return TRIAD_ENOMEM;
	*out = st;
	return 0;
}

size_t triad_plan_status_count(const triad_plan_status *st)
{
	return st ? st->count : 0;
}

int triad_plan_status_at(const triad_plan_status *st, size_t index, triad_expected_state *state,
                         const char **entry)
{
	if (!st || index >= st->count)
		return triad__err(TRIAD_EINVAL, "expected contact %zu is out of range (%zu)", index,
		                  st ? st->count : 0);
	if (state)
		*state = (triad_expected_state)st->state[index];
	if (entry)
		*entry = st->entry[index] == TRIAD_NOSYM
		         ? NULL : triad__sym(&st->log->syms, st->log->entries[st->entry[index]].id);
	return 0;
}

int triad_plan_status_household(const triad_plan_status *st, const char *household,
                                size_t *done, size_t *done_late, size_t *overdue,
                                size_t *open, size_t *upcoming, size_t *next)
{
	if (!st || !household)
		return triad__err(TRIAD_EINVAL, "triad_plan_status_household: an argument is NULL");
	size_t c[6] = { 0 }, nx = SIZE_MAX, any = 0;
	for (size_t k = 0; k < st->count; k++) {
		if (strcmp(triad_expected_household(st->expected, k), household) != 0)
			continue;
		any++;
		c[st->state[k]]++;
		bool pending = st->state[k] == TRIAD_EXPECTED_OPEN ||
		               st->state[k] == TRIAD_EXPECTED_UPCOMING;
		/* The list is sorted by due date: the first pending one is next. */
		if (pending && nx == SIZE_MAX)
			nx = k;
	}
	if (!any)
		return triad__err(TRIAD_ENOTFOUND, "household \"%.80s\" has no expected contact",
		                  household);
	if (done)
		*done = c[TRIAD_EXPECTED_DONE];
	if (done_late)
		*done_late = c[TRIAD_EXPECTED_DONE_LATE];
	if (overdue)
		*overdue = c[TRIAD_EXPECTED_OVERDUE];
	if (open)
		*open = c[TRIAD_EXPECTED_OPEN];
	if (upcoming)
		*upcoming = c[TRIAD_EXPECTED_UPCOMING];
	if (next)
		*next = nx;
	return 0;
}

static const char *const state_en[] = { "", "upcoming", "open", "done", "done late", "overdue" };
static const char *const state_nl[] = { "", "gepland", "open", "gedaan", "te laat gedaan",
	                                "achterstallig" };

/* One household's lines; ks are its expected contacts in list order. */
static void render_one(triad_strbuf *sb, const triad_plan_status *st, const char *hh,
                       const uint32_t *ks, size_t n, triad_lang lang)
{
	bool nl = lang == TRIAD_LANG_NL;
	const triad_expected *x = st->expected;
	char d1[TRIAD_DATE_BUFSIZE], d2[TRIAD_DATE_BUFSIZE], d3[TRIAD_DATE_BUFSIZE];
	size_t c[6] = { 0 }, next = SIZE_MAX;
	triad__sb_printf(sb, nl ? "Gezin %s\n" : "Household %s\n", hh);
	for (size_t j = 0; j < n; j++) {
		size_t k = ks[j];
		unsigned state = st->state[k];
		c[state]++;
		if (next == SIZE_MAX && (state == TRIAD_EXPECTED_OPEN || state == TRIAD_EXPECTED_UPCOMING))
			next = k;
		triad_date_format(triad_expected_earliest(x, k), d1);
		triad_date_format(triad_expected_due(x, k), d2);
		triad__sb_printf(sb, "  %-15s %-24s %s %s %s %s", (nl ? state_nl : state_en)[state],
		                 triad_contact_kind_name(triad_expected_kind(x, k), lang),
		                 nl ? "van" : "from", d1, nl ? "t/m" : "to", d2);
		if (st->entry[k] != TRIAD_NOSYM) {
			const triad_centry *e = &st->log->entries[st->entry[k]];
			triad_date_format(e->date, d3);
			triad__sb_printf(sb, nl ? "; op %s (%s)" : "; on %s (%s)", d3,
			                 triad__sym(&st->log->syms, e->id));
		}
		/* Which rule, students and staff member, so that two rows of one
		 * rule (siblings, two mentors) can be told apart. */
		triad__sb_printf(sb, " [%s:", triad_expected_rule(x, k));
		for (size_t j = 0; j < triad_expected_student_count(x, k); j++)
			triad__sb_printf(sb, " %s", triad_expected_student_at(x, k, j));
		if (triad_expected_staff(x, k)[0])
			triad__sb_printf(sb, "; %s", triad_expected_staff(x, k));
		triad__sb_puts(sb, "]\n");
	}
	triad__sb_printf(sb, nl ? "  %zu gedaan, %zu te laat, %zu achterstallig, %zu open, %zu gepland"
	                        : "  %zu done, %zu late, %zu overdue, %zu open, %zu upcoming",
	                 c[TRIAD_EXPECTED_DONE], c[TRIAD_EXPECTED_DONE_LATE],
	                 c[TRIAD_EXPECTED_OVERDUE], c[TRIAD_EXPECTED_OPEN],
	                 c[TRIAD_EXPECTED_UPCOMING]);
	if (next != SIZE_MAX) {
		triad_date_format(triad_expected_due(x, next), d1);
		triad__sb_printf(sb, nl ? "; hierna: %s uiterlijk %s" : "; due next: %s by %s",
		                 triad_contact_kind_name(triad_expected_kind(x, next), lang), d1);
	}
	triad__sb_puts(sb, "\n");
}

int triad_plan_status_text(char **out, const triad_plan_status *st, const char *household,
                           triad_lang lang)
{
	if (!out || !st)
		return triad__err(TRIAD_EINVAL, "triad_plan_status_text: an argument is NULL");
	if (lang != TRIAD_LANG_NL && lang != TRIAD_LANG_EN)
		return triad__err(TRIAD_EINVAL, "unknown language %d", (int)lang);
	if (household) {
		int rc = triad_plan_status_household(st, household, NULL, NULL, NULL, NULL, NULL, NULL);
		if (rc)
			return rc;
	}
	char d[TRIAD_DATE_BUFSIZE];
	triad_date_format(st->as_of, d);
	triad_strbuf sb;
	triad__sb_init(&sb);
	triad__sb_printf(&sb, lang == TRIAD_LANG_NL ? "Contactplan per %s\n\n"
	                                            : "Contact plan as of %s\n\n", d);
	/* Group the expected contacts by household, in order of first appearance. */
	triad_symtab hh;
	memset(&hh, 0, sizeof hh);
	uint32_t *of = triad__reallocarray(NULL, st->count + 1, sizeof *of);
	uint32_t *start = NULL, *ks = triad__reallocarray(NULL, st->count + 1, sizeof *ks);
	int rc = of && ks ? 0 : TRIAD_ENOMEM;
	for (size_t k = 0; k < st->count && !rc; k++) {
		const char *h = triad_expected_household(st->expected, k);
		if (household && strcmp(h, household) != 0) {
			of[k] = TRIAD_NOSYM;
			continue;
		}
		rc = triad__symtab_intern(&hh, h, &of[k]);
	}
	if (!rc && !(start = triad__calloc(hh.count + 2, sizeof *start)))
		rc = TRIAD_ENOMEM;
	if (!rc) {
		for (size_t k = 0; k < st->count; k++)
			if (of[k] != TRIAD_NOSYM)
				start[of[k] + 2]++;
		for (size_t h = 2; h < hh.count + 2; h++)
			start[h] += start[h - 1];
		for (size_t k = 0; k < st->count; k++)
			if (of[k] != TRIAD_NOSYM)
				ks[start[of[k] + 1]++] = (uint32_t)k;
		for (uint32_t h = 0; h < hh.count; h++)
			render_one(&sb, st, triad__sym(&hh, h), ks + start[h], start[h + 1] - start[h],
			           lang);
	}
	triad__symtab_free(&hh);
	triad__free(of);
	triad__free(ks);
	triad__free(start);
	if (rc) {
		triad__sb_free(&sb);
		return rc;
	}
	char *text = triad__sb_take(&sb);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}
