/* Contact plans: rules, their checks, and the built-in default plan. */
#include <string.h>

#include "calendar_private.h"
#include "contactplan_private.h"

const char *const triad__plan_with_ids[] = { "mentor", "teacher", "coordinator",
	                                     "school_leader", NULL };
const char *const triad__plan_timing_ids[] = { "first_weeks", "after_report", "every_weeks",
	                                       "once_a_year", NULL };
const char *const triad__plan_per_ids[] = { "household", "student", NULL };
static const char *const access_ids[] = { "full", "on_request", "restricted", "not_chosen",
	                                   NULL };

static const char *enum_id(const char *const *ids, int count, int value, const char *what)
{
	if (value < 1 || value > count) {
		triad__err(TRIAD_EINVAL, "%d is not a valid %s", value, what);
		return NULL;
	}
	return ids[value - 1];
}

const char *triad_plan_with_id(triad_plan_with with)
{
	return enum_id(triad__plan_with_ids, 4, (int)with, "staff role (triad_plan_with)");
}

const char *triad_plan_timing_id(triad_plan_timing timing)
{
	return enum_id(triad__plan_timing_ids, 4, (int)timing, "timing (triad_plan_timing)");
}

const char *triad_plan_access_id(triad_plan_access access)
{
	return enum_id(access_ids, 4, (int)access, "access (triad_plan_access)");
}

int triad_plan_rule_init(triad_plan_rule *rule, unsigned version)
{
	if (!rule)
		return triad__err(TRIAD_EINVAL, "the rule is NULL");
	if (version < 1 || version > TRIAD_PLAN_RULE_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "triad_plan_rule version %u is unknown (this libtriad knows "
		                  "1..%d)", version, TRIAD_PLAN_RULE_VERSION);
	triad_plan_rule init = TRIAD_PLAN_RULE_INIT;
	*rule = init;
	rule->version = version;
	return 0;
}

/* ---- checks -------------------------------------------------------------- */

static int bad(const char **field, size_t *index, const char *f, size_t i)
{
	*field = f;
	*index = i;
	return TRIAD_EINVAL;
}

/* A list of strings: each non-empty UTF-8, no repeats. */
static int check_strings(const char *rid, const char *const *list, size_t count,
                         const char *f, const char *what, const char **field, size_t *index)
{
	if (count && !list) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": %s: %zu entries but no list", rid, f, count);
		return bad(field, index, f, SIZE_MAX);
	}
	for (size_t i = 0; i < count; i++) {
		if (!list[i] || !list[i][0] || !triad__utf8_valid(list[i], strlen(list[i]))) {
			triad__err(TRIAD_EINVAL, "rule \"%s\": %s %zu is %s", rid, what, i + 1,
			           !list[i] ? "NULL" : !list[i][0] ? "empty" : "not valid UTF-8");
			return bad(field, index, f, i);
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(list[k], list[i]) == 0) {
				triad__err(TRIAD_EINVAL, "rule \"%s\": %s \"%s\" is listed twice", rid, what,
				           list[i]);
				return bad(field, index, f, i);
			}
	}
	return 0;
}

int triad__plan_rule_check(const triad_contactplan *plan, const triad_plan_rule *r,
                           const char **field, size_t *index)
{
	if (r->version < 1 || r->version > TRIAD_PLAN_RULE_VERSION) {
		triad__err(TRIAD_EINVAL, "triad_plan_rule version %u is unknown (this libtriad "
		                         "knows 1..%d)", r->version, TRIAD_PLAN_RULE_VERSION);
		return bad(field, index, "id", SIZE_MAX);
	}
	if (!triad__cal_id_valid(r->id)) {
		triad__err(TRIAD_EINVAL, "the rule id \"%.40s\" is not 1..32 ASCII letters, digits, "
		                         "'-', '_' or '.'", r->id ? r->id : "(NULL)");
		return bad(field, index, "id", SIZE_MAX);
	}
	const char *rid = r->id;
	if (plan)
		for (size_t i = 0; i < plan->count; i++)
			if (strcmp(plan->rules[i].id, rid) == 0) {
				triad__err(TRIAD_EEXISTS, "the rule id \"%s\" is already in use", rid);
				bad(field, index, "id", SIZE_MAX);
				return TRIAD_EEXISTS;
			}
	if (!triad_contact_kind_valid(r->kind)) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": %d is not a contact kind", rid, (int)r->kind);
		return bad(field, index, "kind", SIZE_MAX);
	}
	if (r->channel != TRIAD_CHANNEL_NONE && !triad_channel_valid(r->channel)) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": %d is not a channel", rid, (int)r->channel);
		return bad(field, index, "channel", SIZE_MAX);
	}
	if ((int)r->with < 1 || (int)r->with > 4) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": say with whom the contact is (mentor, "
		                         "teacher, coordinator, school_leader)", rid);
		return bad(field, index, "with", SIZE_MAX);
	}
	if ((int)r->per < 1 || (int)r->per > 2) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": say whether it counts per household or "
		                         "per student", rid);
		return bad(field, index, "per", SIZE_MAX);
	}
	int32_t lo = 1, hi = PLAN_MAX_WEEKS;
	const char *unit = "school weeks";
	switch (r->timing) {
	case TRIAD_PLAN_FIRST_WEEKS:
	case TRIAD_PLAN_EVERY_WEEKS:
		break;
	case TRIAD_PLAN_AFTER_REPORT:
		hi = PLAN_MAX_DAYS;
		unit = "school days";
		break;
	case TRIAD_PLAN_ONCE_A_YEAR:
		lo = hi = 0;
		break;
	default:
		triad__err(TRIAD_EINVAL, "rule \"%s\": say when (first_weeks, after_report, "
		                         "every_weeks, once_a_year)", rid);
		return bad(field, index, "timing", SIZE_MAX);
	}
	if (r->n < lo || r->n > hi) {
		if (hi == 0)
			triad__err(TRIAD_EINVAL, "rule \"%s\": a once_a_year rule takes no n (got %d)",
			           rid, (int)r->n);
		else
			triad__err(TRIAD_EINVAL, "rule \"%s\": n is %d; %s takes %d..%d %s", rid,
			           (int)r->n, triad__plan_timing_ids[r->timing - 1], (int)lo, (int)hi,
			           unit);
		return bad(field, index, "n", SIZE_MAX);
	}
	if (r->limit < 0 || r->limit > PLAN_MAX_LIMIT) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": the limit is %d; allowed are 0 (none) "
		                         "to %d", rid, (int)r->limit, PLAN_MAX_LIMIT);
		return bad(field, index, "limit", SIZE_MAX);
	}
	if (r->has_deadline && !triad__date_in_range(r->deadline)) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": the deadline is not a date in years "
		                         "1..9999", rid);
		return bad(field, index, "deadline", SIZE_MAX);
	}
	if (r->year_count && !r->years) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": years: %zu entries but no list", rid,
		           r->year_count);
		return bad(field, index, "years", SIZE_MAX);
	}
	for (size_t i = 0; i < r->year_count; i++) {
		if (r->years[i] < 1 || r->years[i] > PLAN_MAX_YEAR) {
			triad__err(TRIAD_EINVAL, "rule \"%s\": school year %d does not exist (1..%d)",
			           rid, (int)r->years[i], PLAN_MAX_YEAR);
			return bad(field, index, "years", i);
		}
		for (size_t k = 0; k < i; k++)
			if (r->years[k] == r->years[i]) {
				triad__err(TRIAD_EINVAL, "rule \"%s\": school year %d is listed twice", rid,
				           (int)r->years[i]);
				return bad(field, index, "years", i);
			}
	}
	int rc;
	if ((rc = check_strings(rid, r->school_types, r->school_type_count, "school_types",
	                        "school type", field, index)) ||
	    (rc = check_strings(rid, r->classes, r->class_count, "classes", "class", field,
	                        index)) ||
	    (rc = check_strings(rid, r->report_periods, r->report_period_count,
	                        "report_periods", "report period", field, index)))
		return rc;
	if (r->report_period_count && r->timing != TRIAD_PLAN_AFTER_REPORT) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": report periods belong to after_report "
		                         "rules only", rid);
		return bad(field, index, "report_periods", SIZE_MAX);
	}
	if (r->note && !triad__utf8_valid(r->note, strlen(r->note))) {
		triad__err(TRIAD_EINVAL, "rule \"%s\": the note is not valid UTF-8", rid);
		return bad(field, index, "note", SIZE_MAX);
	}
	return 0;
}

/* ---- plans --------------------------------------------------------------- */

static void free_strings(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		triad__free(list[i]);
	triad__free(list);
}

static void rule_free(plan_rule *r)
{
	triad__free(r->id);
	triad__free(r->years);
	free_strings(r->school_types, r->ntypes);
	free_strings(r->classes, r->nclasses);
	free_strings(r->report_periods, r->nperiods);
	triad__free(r->note);
}

static int copy_strings(char ***out, const char *const *src, size_t n)
{
	*out = NULL;
	if (!n)
		return 0;
	char **list = triad__calloc(n, sizeof *list);
	if (!list)
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < n; i++)
		if (!(list[i] = triad__strdup(src[i]))) {
			free_strings(list, i);
			return TRIAD_ENOMEM;
		}
	*out = list;
	return 0;
}

static int rule_copy(plan_rule *dst, const triad_plan_rule *r)
{
	memset(dst, 0, sizeof *dst);
	dst->kind = r->kind;
	dst->channel = r->channel;
	dst->with = r->with;
	dst->per = r->per;
	dst->timing = r->timing;
	dst->n = r->n;
	dst->limit = r->limit;
	dst->has_deadline = r->has_deadline ? 1 : 0;
	dst->deadline = r->has_deadline ? r->deadline : 0;
	if (!(dst->id = triad__strdup(r->id)))
		goto nomem;
	if (r->year_count) {
		if (!(dst->years = triad__calloc(r->year_count, sizeof *dst->years)))
			goto nomem;
		memcpy(dst->years, r->years, r->year_count * sizeof *dst->years);
		dst->nyears = r->year_count;
	}
	if (copy_strings(&dst->school_types, r->school_types, r->school_type_count))
		goto nomem;
	dst->ntypes = r->school_type_count;
	if (copy_strings(&dst->classes, r->classes, r->class_count))
		goto nomem;
	dst->nclasses = r->class_count;
	if (copy_strings(&dst->report_periods, r->report_periods, r->report_period_count))
		goto nomem;
	dst->nperiods = r->report_period_count;
	if (r->note && r->note[0] && !(dst->note = triad__strdup(r->note)))
		goto nomem;
	return 0;
nomem:
	rule_free(dst);
	return TRIAD_ENOMEM;
}

int triad_contactplan_new(triad_contactplan **out)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	triad_contactplan *plan = triad__calloc(1, sizeof *plan);
	if (!plan)
		return TRIAD_ENOMEM;
	*out = plan;
	return 0;
}

void triad_contactplan_free(triad_contactplan *plan)
{
	if (!plan)
		return;
	for (size_t i = 0; i < plan->count; i++)
		rule_free(&plan->rules[i]);
	triad__free(plan->rules);
	triad__free(plan);
}

int triad_contactplan_add_rule(triad_contactplan *plan, const triad_plan_rule *rule)
{
	if (!plan || !rule)
		return triad__err(TRIAD_EINVAL, "the plan or rule is NULL");
	const char *field;
	size_t index;
	int rc = triad__plan_rule_check(plan, rule, &field, &index);
	if (rc)
		return rc;
	if (TRIAD_GROW(plan->rules, plan->cap, plan->count + 1))
		return TRIAD_ENOMEM;
	if (rule_copy(&plan->rules[plan->count], rule))
		return TRIAD_ENOMEM;
	plan->count++;
	return 0;
}

int triad_contactplan_find_rule(size_t *out, const triad_contactplan *plan, const char *id)
{
	if (!out || !plan || !id)
		return triad__err(TRIAD_EINVAL, "the output, plan or id is NULL");
	for (size_t i = 0; i < plan->count; i++)
		if (strcmp(plan->rules[i].id, id) == 0) {
			*out = i;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND, "the plan has no rule \"%.40s\"", id);
}

int triad_contactplan_remove_rule(triad_contactplan *plan, const char *id)
{
	size_t i;
	int rc = triad_contactplan_find_rule(&i, plan, id);
	if (rc)
		return rc;
	rule_free(&plan->rules[i]);
	memmove(plan->rules + i, plan->rules + i + 1, (plan->count - i - 1) * sizeof *plan->rules);
	plan->count--;
	return 0;
}

size_t triad_contactplan_rule_count(const triad_contactplan *plan)
{
	return plan ? plan->count : 0;
}

int triad_contactplan_rule_at(const triad_contactplan *plan, size_t index,
                              triad_plan_rule *out)
{
	if (!plan || !out)
		return triad__err(TRIAD_EINVAL, "the plan or output is NULL");
	if (out->version < 1 || out->version > TRIAD_PLAN_RULE_VERSION)
		return triad__err(TRIAD_EINVAL, "set the rule's version first (%u is unknown); "
		                                "TRIAD_PLAN_RULE_INIT does", out->version);
	if (index >= plan->count)
		return triad__err(TRIAD_EINVAL, "rule index %zu is out of range (%zu rules)", index,
		                  plan->count);
	const plan_rule *r = &plan->rules[index];
	/* Version 1 has every field; later versions append and fill more. */
	out->id = r->id;
	out->kind = r->kind;
	out->channel = r->channel;
	out->with = r->with;
	out->per = r->per;
	out->timing = r->timing;
	out->n = r->n;
	out->limit = r->limit;
	out->has_deadline = r->has_deadline;
	out->deadline = r->deadline;
	out->years = r->years;
	out->year_count = r->nyears;
	out->school_types = (const char *const *)r->school_types;
	out->school_type_count = r->ntypes;
	out->classes = (const char *const *)r->classes;
	out->class_count = r->nclasses;
	out->report_periods = (const char *const *)r->report_periods;
	out->report_period_count = r->nperiods;
	out->note = r->note;
	return 0;
}

/* ---- the default plan ---------------------------------------------------- */

/*
 * After the seeds and Lusse's success factors: an early introduction for
 * every household with the mentor (the contact person for every child), a
 * positive contact early in the year (attention to what goes well, before
 * any problem), triangle conversations in which the student takes part, and
 * two rounds of ten-minute conferences after report periods.
 */
int triad_contactplan_default(triad_contactplan **out)
{
	static const struct {
		const char *id;
		triad_contact_kind kind;
		triad_plan_with with;
		triad_plan_per per;
		triad_plan_timing timing;
		int32_t n, limit;
		const char *note;
	} rules[] = {
		{ "intake", TRIAD_CONTACT_INTAKE, TRIAD_PLAN_WITH_MENTOR, TRIAD_PLAN_PER_HOUSEHOLD,
		  TRIAD_PLAN_FIRST_WEEKS, 4, 0,
		  "Kennismakingsgesprek with the mentor in the first four school weeks, for every "
		  "household: an early introduction to all parents." },
		{ "positive", TRIAD_CONTACT_POSITIVE_NOTE, TRIAD_PLAN_WITH_MENTOR,
		  TRIAD_PLAN_PER_STUDENT, TRIAD_PLAN_FIRST_WEEKS, 8, 0,
		  "A positive contact about each student before the autumn: contact that does not "
		  "start with a problem builds trust." },
		{ "triangle", TRIAD_CONTACT_TRIANGLE, TRIAD_PLAN_WITH_MENTOR, TRIAD_PLAN_PER_STUDENT,
		  TRIAD_PLAN_EVERY_WEEKS, 20, 0,
		  "Student, parents and mentor together, led by the student, twice a year." },
		{ "conference", TRIAD_CONTACT_CONFERENCE, TRIAD_PLAN_WITH_TEACHER,
		  TRIAD_PLAN_PER_HOUSEHOLD, TRIAD_PLAN_AFTER_REPORT, 10, 2,
		  "Ten-minute conferences with subject teachers within two weeks after the first "
		  "two reports." },
	};
	triad_contactplan *plan = NULL;
	int rc = triad_contactplan_new(&plan);
	if (rc)
		return rc;
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(rules); i++) {
		triad_plan_rule r = TRIAD_PLAN_RULE_INIT;
		r.id = rules[i].id;
		r.kind = rules[i].kind;
		r.with = rules[i].with;
		r.per = rules[i].per;
		r.timing = rules[i].timing;
		r.n = rules[i].n;
		r.limit = rules[i].limit;
		r.note = rules[i].note;
		if ((rc = triad_contactplan_add_rule(plan, &r))) {
			triad_contactplan_free(plan);
			return rc;
		}
	}
	*out = plan;
	return 0;
}
