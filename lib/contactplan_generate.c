/* Generating the expected contacts of a school year from a plan, a calendar
 * and an audience. */
#include <stdlib.h>
#include <string.h>

#include "calendar_private.h"
#include "contactplan_private.h"

typedef struct expected {
	const char *household; /* strings point into the list's own copies */
	const char *staff;
	const char *rule;
	const char *period;
	size_t first_student, nstudents; /* into students[] */
	size_t rule_index;
	triad_contact_kind kind;
	triad_channel channel;
	triad_plan_with with;
	triad_date earliest, due;
	int32_t occurrence;
} expected;

typedef struct skipped {
	const char *household, *student;
	triad_plan_access access;
} skipped;

struct triad_expected {
	expected *items;
	size_t count, cap;
	const char **students;
	size_t nstudents, students_cap;
	skipped *skipped;
	size_t nskipped;
	/* Every string the list hands out is one of these copies. */
	char **strings;
	size_t nstrings, strings_cap;
};

/* One occurrence of a rule in the year. */
typedef struct occurrence {
	triad_date earliest, due;
	const char *period; /* the calendar's report-period id, or NULL */
	const char *kept;   /* the list's copy of it */
} occurrence;

void triad_expected_free(triad_expected *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->nstrings; i++)
		triad__free(list->strings[i]);
	triad__free(list->strings);
	triad__free(list->items);
	triad__free(list->students);
	triad__free(list->skipped);
	triad__free(list);
}

/* A copy of s owned by the list. */
static const char *keep(triad_expected *list, const char *s)
{
	if (TRIAD_GROW(list->strings, list->strings_cap, list->nstrings + 1))
		return NULL;
	char *copy = triad__strdup(s);
	if (copy)
		list->strings[list->nstrings++] = copy;
	return copy;
}

/* ---- occurrences --------------------------------------------------------- */

static int fail_rule(const plan_rule *r, int code, const char *what)
{
	return triad__err(code, "rule \"%s\": %s", r->id, what);
}

static void week_days(const triad_calendar *cal, int32_t week, triad_date *first,
                      triad_date *last)
{
	/* Weeks passed in are 1..count, which cannot fail. */
	triad_calendar_school_week_at(cal, week, NULL, first, last);
}

/* The occurrences of `r` in the calendar's year, at most cap of them. */
static int rule_occurrences(const plan_rule *r, const triad_calendar *cal, occurrence *occ,
                            size_t cap, size_t *count)
{
	int32_t weeks = triad_calendar_school_week_count(cal);
	triad_date year_first, year_last, d;
	size_t n = 0;
	week_days(cal, 1, &year_first, NULL);
	week_days(cal, weeks, NULL, &year_last);
	switch (r->timing) {
	case TRIAD_PLAN_FIRST_WEEKS:
		occ[n].earliest = year_first;
		week_days(cal, r->n < weeks ? r->n : weeks, NULL, &occ[n].due);
		occ[n++].period = NULL;
		break;
	case TRIAD_PLAN_EVERY_WEEKS:
		for (int32_t k = 1; (int64_t)k * r->n <= weeks && n < cap; k++) {
			week_days(cal, (k - 1) * r->n + 1, &occ[n].earliest, NULL);
			week_days(cal, k * r->n, NULL, &occ[n].due);
			occ[n++].period = NULL;
		}
		break;
	case TRIAD_PLAN_ONCE_A_YEAR:
		occ[n].earliest = year_first;
		occ[n].due = year_last;
		occ[n++].period = NULL;
		break;
	case TRIAD_PLAN_AFTER_REPORT:
		for (size_t k = 0; k < r->nperiods; k++) {
			size_t at;
			if (triad_calendar_report_period_find(&at, cal, r->report_periods[k]))
				return triad__err(TRIAD_ENOTFOUND,
				                  "rule \"%s\" follows the report period \"%s\", which the "
				                  "calendar of %d-%d lacks", r->id, r->report_periods[k],
				                  cal->start_year, cal->start_year + 1);
		}
		for (size_t p = 0; p < cal->nperiods && n < cap; p++) {
			const cal_period *per = &cal->periods[p];
			bool wanted = r->nperiods == 0;
			for (size_t k = 0; k < r->nperiods && !wanted; k++)
				wanted = strcmp(r->report_periods[k], per->id) == 0;
			/* A period with no school day after it (the year's last) yields none. */
			if (!wanted || triad_calendar_school_days_after(&d, cal, per->last, 1))
				continue;
			occ[n].earliest = d;
			if (triad_calendar_school_days_after(&occ[n].due, cal, per->last, r->n))
				occ[n].due = year_last;
			occ[n++].period = per->id;
		}
		triad_error_clear(); /* the ERANGE of a skipped period is no error */
		break;
	default:
		return fail_rule(r, TRIAD_EINVAL, "unknown timing");
	}
	if (r->has_deadline) {
		if (r->deadline < cal->first || r->deadline > cal->last)
			return fail_rule(r, TRIAD_ERANGE, "the deadline lies outside the school year");
		size_t kept = 0;
		for (size_t i = 0; i < n; i++) {
			if (occ[i].earliest > r->deadline)
				continue;
			occ[kept] = occ[i];
			if (occ[kept].due > r->deadline)
				occ[kept].due = r->deadline;
			kept++;
		}
		n = kept;
	}
	if (r->limit && n > (size_t)r->limit)
		n = (size_t)r->limit;
	*count = n;
	return 0;
}

/* ---- matching students to rules ------------------------------------------ */

static bool has_string(char **list, size_t n, const char *s)
{
	if (!s)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

static bool applies(const plan_rule *r, const aud_entry *e)
{
	if (r->nyears) {
		bool found = false;
		for (size_t i = 0; i < r->nyears && !found; i++)
			found = r->years[i] == e->year;
		if (!found)
			return false;
	}
	return (!r->ntypes || has_string(r->school_types, r->ntypes, e->school_type)) &&
	       (!r->nclasses || has_string(r->classes, r->nclasses, e->class_name));
}

/* Sorting the entries of one rule into groups that share a contact. */
typedef struct group_ctx {
	const aud_entry *items;
	const plan_rule *rule;
} group_ctx;

static _Thread_local const group_ctx *sort_ctx;

static const char *staff_of(const plan_rule *r, const aud_entry *e)
{
	return r->with == TRIAD_PLAN_WITH_MENTOR && e->mentor ? e->mentor : "";
}

/* Entries with the same key share one contact: (household, staff) per
 * household, (household, student) per student. Ties keep audience order. */
static int group_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const aud_entry *ea = &sort_ctx->items[a], *eb = &sort_ctx->items[b];
	int c = strcmp(ea->household, eb->household);
	if (!c)
		c = sort_ctx->rule->per == TRIAD_PLAN_PER_STUDENT
		            ? strcmp(ea->student, eb->student)
		            : strcmp(staff_of(sort_ctx->rule, ea), staff_of(sort_ctx->rule, eb));
	return c ? c : (a > b) - (a < b);
}

static bool same_group(const plan_rule *r, const aud_entry *a, const aud_entry *b)
{
	return strcmp(a->household, b->household) == 0 &&
	       (r->per == TRIAD_PLAN_PER_STUDENT ? strcmp(a->student, b->student) == 0
	                                         : strcmp(staff_of(r, a), staff_of(r, b)) == 0);
}

static int expected_cmp(const void *pa, const void *pb)
{
	const expected *a = pa, *b = pb;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	int c = strcmp(a->household, b->household);
	if (c)
		return c;
	if (a->rule_index != b->rule_index)
		return a->rule_index < b->rule_index ? -1 : 1;
	if ((c = strcmp(a->staff, b->staff)))
		return c;
	if (a->earliest != b->earliest)
		return a->earliest < b->earliest ? -1 : 1;
	if (a->occurrence != b->occurrence)
		return a->occurrence < b->occurrence ? -1 : 1;
	/* Per-student contacts of one household: by first student in audience order. */
	return (a->first_student > b->first_student) - (a->first_student < b->first_student);
}

/* Per-entry copies of the audience's strings, made on first use. */
typedef struct entry_copy {
	const char *household, *student, *mentor;
} entry_copy;

static int copy_entry(triad_expected *list, entry_copy *cp, const aud_entry *e)
{
	if (cp->household)
		return 0;
	if (!(cp->household = keep(list, e->household)) || !(cp->student = keep(list, e->student)) ||
	    (e->mentor && !(cp->mentor = keep(list, e->mentor)))) {
		cp->household = NULL;
		return TRIAD_ENOMEM;
	}
	return 0;
}

static int generate(triad_expected *list, const triad_contactplan *plan,
                    const triad_calendar *cal, const triad_audience *aud, size_t *order,
                    entry_copy *copies, occurrence *occ, size_t occ_cap)
{
	int rc;
	/* Left out: restricted households and those informed only on request. */
	size_t active = 0;
	for (size_t i = 0; i < aud->count; i++) {
		const aud_entry *e = &aud->items[i];
		if (e->access == TRIAD_PLAN_ACCESS_FULL) {
			order[active++] = i;
			continue;
		}
		if ((rc = copy_entry(list, &copies[i], e)))
			return rc;
		list->skipped[list->nskipped++] =
			(skipped){ copies[i].household, copies[i].student, e->access };
	}
	for (size_t ri = 0; ri < plan->count; ri++) {
		const plan_rule *r = &plan->rules[ri];
		size_t nocc = 0;
		if ((rc = rule_occurrences(r, cal, occ, occ_cap, &nocc)))
			return rc;
		if (!nocc)
			continue;
		const char *rule_id = keep(list, r->id);
		if (!rule_id)
			return TRIAD_ENOMEM;
		for (size_t k = 0; k < nocc; k++)
			if (occ[k].period && !(occ[k].kept = keep(list, occ[k].period)))
				return TRIAD_ENOMEM;
		/* The entries this rule applies to, grouped. */
		size_t *mine = order + aud->count, n = 0;
		for (size_t k = 0; k < active; k++)
			if (applies(r, &aud->items[order[k]]))
				mine[n++] = order[k];
		group_ctx gc = { aud->items, r };
		sort_ctx = &gc;
		if (n > 1)
			qsort(mine, n, sizeof *mine, group_cmp);
		sort_ctx = NULL;
		for (size_t a = 0; a < n;) {
			size_t b = a + 1;
			while (b < n && same_group(r, &aud->items[mine[a]], &aud->items[mine[b]]))
				b++;
			/* Students of the group, once, in audience order. */
			size_t first = list->nstudents;
			if (TRIAD_GROW(list->students, list->students_cap, list->nstudents + (b - a)))
				return TRIAD_ENOMEM;
			for (size_t k = a; k < b; k++) {
				if ((rc = copy_entry(list, &copies[mine[k]], &aud->items[mine[k]])))
					return rc;
				list->students[list->nstudents++] = copies[mine[k]].student;
			}
			const entry_copy *cp = &copies[mine[a]];
			const char *staff = r->with == TRIAD_PLAN_WITH_MENTOR && cp->mentor ? cp->mentor
			                                                                    : "";
			if (TRIAD_GROW(list->items, list->cap, list->count + nocc))
				return TRIAD_ENOMEM;
			for (size_t k = 0; k < nocc; k++)
				list->items[list->count++] = (expected){
					.household = cp->household,
					.staff = staff,
					.rule = rule_id,
					.period = occ[k].period ? occ[k].kept : "",
					.first_student = first,
					.nstudents = b - a,
					.rule_index = ri,
					.kind = r->kind,
					.channel = r->channel ? r->channel
					                      : triad_contact_kind_default_channel(r->kind),
					.with = r->with,
					.earliest = occ[k].earliest,
					.due = occ[k].due,
					.occurrence = (int32_t)(k + 1),
				};
			a = b;
		}
	}
	if (list->count > 1) /* items is NULL when nothing is expected */
		qsort(list->items, list->count, sizeof *list->items, expected_cmp);
	return 0;
}

int triad_contactplan_generate(triad_expected **out, const triad_contactplan *plan,
                               const triad_calendar *cal, const triad_audience *aud)
{
	if (!out || !plan || !cal || !aud)
		return triad__err(TRIAD_EINVAL, "the output, plan, calendar or audience is NULL");
	if (plan->count && triad_calendar_school_week_count(cal) == 0)
		return triad__err(TRIAD_ERANGE, "the calendar of %d-%d has no school day, so no "
		                                "contact can fall due", cal->start_year,
		                  cal->start_year + 1);
	/* At most one occurrence per school week or per report period. */
	size_t occ_cap = (size_t)triad_calendar_school_week_count(cal) + cal->nperiods + 2;
	triad_expected *list = triad__calloc(1, sizeof *list);
	size_t *order = triad__calloc(aud->count * 2 + 1, sizeof *order);
	entry_copy *copies = triad__calloc(aud->count + 1, sizeof *copies);
	occurrence *occ = triad__calloc(occ_cap, sizeof *occ);
	int rc = TRIAD_ENOMEM;
	if (list && order && copies && occ &&
	    (list->skipped = triad__calloc(aud->count + 1, sizeof *list->skipped)))
		rc = generate(list, plan, cal, aud, order, copies, occ, occ_cap);
	triad__free(order);
	triad__free(copies);
	triad__free(occ);
	if (rc) {
		triad_expected_free(list);
		return rc;
	}
	*out = list;
	return 0;
}

/* ---- getters ------------------------------------------------------------- */

size_t triad_expected_count(const triad_expected *list)
{
	return list ? list->count : 0;
}

static const expected *at(const triad_expected *list, size_t i)
{
	if (!list || i >= list->count) {
		triad__err(TRIAD_EINVAL, "expected-contact index %zu is out of range (%zu contacts)",
		           i, list ? list->count : 0);
		return NULL;
	}
	return &list->items[i];
}

const char *triad_expected_household(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->household : NULL;
}

size_t triad_expected_student_count(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->nstudents : 0;
}

const char *triad_expected_student_at(const triad_expected *list, size_t i, size_t j)
{
	const expected *e = at(list, i);
	if (!e)
		return NULL;
	if (j >= e->nstudents) {
		triad__err(TRIAD_EINVAL, "student index %zu is out of range (%zu students)", j,
		           e->nstudents);
		return NULL;
	}
	return list->students[e->first_student + j];
}

const char *triad_expected_rule(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->rule : NULL;
}

triad_contact_kind triad_expected_kind(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->kind : TRIAD_CONTACT_NONE;
}

triad_channel triad_expected_channel(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->channel : TRIAD_CHANNEL_NONE;
}

triad_plan_with triad_expected_with(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->with : TRIAD_PLAN_WITH_NONE;
}

const char *triad_expected_staff(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->staff : NULL;
}

triad_date triad_expected_earliest(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->earliest : 0;
}

triad_date triad_expected_due(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->due : 0;
}

int32_t triad_expected_occurrence(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->occurrence : 0;
}

const char *triad_expected_report_period(const triad_expected *list, size_t i)
{
	const expected *e = at(list, i);
	return e ? e->period : NULL;
}

size_t triad_expected_skipped_count(const triad_expected *list)
{
	return list ? list->nskipped : 0;
}

int triad_expected_skipped_at(const triad_expected *list, size_t index,
                              const char **household, const char **student,
                              triad_plan_access *access)
{
	if (!list || index >= list->nskipped)
		return triad__err(TRIAD_EINVAL, "skipped index %zu is out of range (%zu skipped)",
		                  index, list ? list->nskipped : 0);
	if (household)
		*household = list->skipped[index].household;
	if (student)
		*student = list->skipped[index].student;
	if (access)
		*access = list->skipped[index].access;
	return 0;
}
