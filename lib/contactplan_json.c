/* Contact plans as triad.contact-plan/1 JSON: load and save. */
#include <string.h>

#include "contactplan_private.h"
#include "json_private.h"

#define PLAN_FORMAT "triad.contact-plan"
enum { PLAN_MAJOR = 1, MAX_LIST = 64 };

static const char *const rule_fields[] = { "id", "kind", "channel", "with", "per",
	                                   "timing", "n", "limit", "deadline", "years",
	                                   "school_types", "classes", "report_periods",
	                                   "note", NULL };

/* A kind or channel by its stable id, with the error at the member. */
static int read_kind(triad_jctx *c, json_t *o, const char *key, bool required, bool channel,
                     int *out)
{
	const char *s = NULL;
	int rc = triad__j_string(c, o, key, required, &s);
	if (rc || !s)
		return rc;
	triad_contact_kind k;
	triad_channel ch;
	rc = channel ? triad_channel_from_id(&ch, s) : triad_contact_kind_from_id(&k, s);
	if (rc)
		return triad__j_fail_key(c, key, TRIAD_EFORMAT, "%s", triad_error_last()->message);
	*out = channel ? (int)ch : (int)k;
	return 0;
}

/* An array of at most MAX_LIST strings (pointers into the document). */
static int read_strings(triad_jctx *c, json_t *o, const char *key, const char **items,
                        size_t *count)
{
	json_t *arr = NULL, *v;
	size_t i;
	*count = 0;
	int rc = triad__j_array(c, o, key, false, &arr);
	if (rc || !arr)
		return rc;
	if (json_array_size(arr) > MAX_LIST)
		return triad__j_fail_key(c, key, TRIAD_EFORMAT, "more than %d entries", MAX_LIST);
	size_t mark = triad__j_push_key(c, key);
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v)) {
			triad__j_push_index(c, i);
			return triad__j_fail(c, TRIAD_EFORMAT, "expected a string, got %s",
			                     triad__j_type_name(v));
		}
		items[i] = json_string_value(v);
	}
	triad__j_pop(c, mark);
	*count = json_array_size(arr);
	return 0;
}

static int read_years(triad_jctx *c, json_t *o, int32_t *years, size_t *count)
{
	json_t *arr = NULL, *v;
	size_t i;
	*count = 0;
	int rc = triad__j_array(c, o, "years", false, &arr);
	if (rc || !arr)
		return rc;
	if (json_array_size(arr) > MAX_LIST)
		return triad__j_fail_key(c, "years", TRIAD_EFORMAT, "more than %d entries", MAX_LIST);
	size_t mark = triad__j_push_key(c, "years");
	json_array_foreach(arr, i, v) {
		if (!json_is_integer(v)) {
			triad__j_push_index(c, i);
			return triad__j_fail(c, TRIAD_EFORMAT, "expected an integer, got %s",
			                     triad__j_type_name(v));
		}
		json_int_t y = json_integer_value(v);
		if (y < 1 || y > PLAN_MAX_YEAR) {
			triad__j_push_index(c, i);
			return triad__j_fail(c, TRIAD_EFORMAT, "school year %lld does not exist (1..%d)",
			                     (long long)y, PLAN_MAX_YEAR);
		}
		years[i] = (int32_t)y;
	}
	triad__j_pop(c, mark);
	*count = json_array_size(arr);
	return 0;
}

static int read_rule(triad_jctx *c, json_t *o, triad_contactplan *plan)
{
	const char *types[MAX_LIST], *classes[MAX_LIST], *periods[MAX_LIST];
	int32_t years[MAX_LIST];
	triad_plan_rule r = TRIAD_PLAN_RULE_INIT;
	int kind = 0, channel = 0, with = 0, per = TRIAD_PLAN_PER_HOUSEHOLD, timing = 0, rc;
	long long n = 0, limit = 0;
	bool deadline = false;
	if ((rc = triad__j_fields(c, o, rule_fields)) ||
	    (rc = triad__j_string(c, o, "id", true, &r.id)) ||
	    (rc = read_kind(c, o, "kind", true, false, &kind)) ||
	    (rc = read_kind(c, o, "channel", false, true, &channel)) ||
	    (rc = triad__j_enum(c, o, "with", true, triad__plan_with_ids, 1, &with)) ||
	    (rc = triad__j_enum(c, o, "per", false, triad__plan_per_ids, 1, &per)) ||
	    (rc = triad__j_enum(c, o, "timing", true, triad__plan_timing_ids, 1, &timing)) ||
	    (rc = triad__j_int(c, o, "n", timing != TRIAD_PLAN_ONCE_A_YEAR, 0, 1000, &n)) ||
	    (rc = triad__j_int(c, o, "limit", false, 0, PLAN_MAX_LIMIT, &limit)) ||
	    (rc = triad__j_date(c, o, "deadline", false, &r.deadline)) ||
	    (rc = read_years(c, o, years, &r.year_count)) ||
	    (rc = read_strings(c, o, "school_types", types, &r.school_type_count)) ||
	    (rc = read_strings(c, o, "classes", classes, &r.class_count)) ||
	    (rc = read_strings(c, o, "report_periods", periods, &r.report_period_count)) ||
	    (rc = triad__j_string(c, o, "note", false, &r.note)))
		return rc;
	deadline = json_object_get(o, "deadline") != NULL;
	r.kind = (triad_contact_kind)kind;
	r.channel = (triad_channel)channel;
	r.with = (triad_plan_with)with;
	r.per = (triad_plan_per)per;
	r.timing = (triad_plan_timing)timing;
	r.n = (int32_t)n;
	r.limit = (int32_t)limit;
	r.has_deadline = deadline;
	r.years = years;
	r.school_types = types;
	r.classes = classes;
	r.report_periods = periods;
	const char *field = NULL;
	size_t index = SIZE_MAX;
	rc = triad__plan_rule_check(plan, &r, &field, &index);
	if (rc) {
		/* Re-record the check's message at the member it is about. */
		size_t mark = triad__j_push_key(c, field);
		if (index != SIZE_MAX)
			triad__j_push_index(c, index);
		triad__j_fail(c, TRIAD_EFORMAT, "%s", triad_error_last()->message);
		triad__j_pop(c, mark);
		return TRIAD_EFORMAT;
	}
	return triad_contactplan_add_rule(plan, &r);
}

static int read_plan(triad_contactplan **out, json_t *root, const char *source)
{
	static const char *const fields[] = { "format", "rules", NULL };
	triad_jctx c;
	triad__jctx_init(&c, source);
	json_t *rules = NULL, *o;
	size_t i;
	int rc;
	if ((rc = triad__j_check_format(&c, root, PLAN_FORMAT, PLAN_MAJOR, NULL)) ||
	    (rc = triad__j_fields(&c, root, fields)) ||
	    (rc = triad__j_array(&c, root, "rules", true, &rules)))
		return rc;
	triad_contactplan *plan = NULL;
	if ((rc = triad_contactplan_new(&plan)))
		return rc;
	size_t mark = triad__j_push_key(&c, "rules");
	json_array_foreach(rules, i, o) {
		size_t m2 = triad__j_push_index(&c, i);
		if ((rc = read_rule(&c, o, plan))) {
			triad_contactplan_free(plan);
			return rc;
		}
		triad__j_pop(&c, m2);
	}
	triad__j_pop(&c, mark);
	*out = plan;
	return 0;
}

static int read_cb(void *out, json_t *root, const char *source, const void *arg)
{
	(void)arg;
	return read_plan(out, root, source);
}

int triad_contactplan_load(triad_contactplan **out, const char *text, size_t len,
                           const char *source)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	return triad__j_load(out, read_cb, NULL, text, len, source);
}

int triad_contactplan_load_file(triad_contactplan **out, const char *filename)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	return triad__j_load_file(out, read_cb, NULL, filename);
}

static json_t *string_array(char **items, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (triad__j_append(a, json_string(items[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static bool rule_json(json_t *arr, const plan_rule *r)
{
	json_t *o = json_object();
	if (triad__j_append(arr, o))
		return false;
	bool ok = !triad__j_set(o, "id", json_string(r->id)) &&
	          !triad__j_set(o, "kind", json_string(triad_contact_kind_id(r->kind))) &&
	          (r->channel == TRIAD_CHANNEL_NONE ||
	           !triad__j_set(o, "channel", json_string(triad_channel_id(r->channel)))) &&
	          !triad__j_set(o, "with", json_string(triad__plan_with_ids[r->with - 1])) &&
	          !triad__j_set(o, "per", json_string(triad__plan_per_ids[r->per - 1])) &&
	          !triad__j_set(o, "timing", json_string(triad__plan_timing_ids[r->timing - 1])) &&
	          (r->timing == TRIAD_PLAN_ONCE_A_YEAR || !triad__j_set(o, "n", json_integer(r->n))) &&
	          (!r->limit || !triad__j_set(o, "limit", json_integer(r->limit))) &&
	          (!r->has_deadline || !triad__j_set(o, "deadline", triad__j_date_new(r->deadline)));
	if (ok && r->nyears) {
		json_t *y = json_array();
		for (size_t i = 0; y && i < r->nyears; i++)
			if (triad__j_append(y, json_integer(r->years[i]))) {
				json_decref(y);
				y = NULL;
			}
		ok = !triad__j_set(o, "years", y);
	}
	if (ok && r->ntypes)
		ok = !triad__j_set(o, "school_types", string_array(r->school_types, r->ntypes));
	if (ok && r->nclasses)
		ok = !triad__j_set(o, "classes", string_array(r->classes, r->nclasses));
	if (ok && r->nperiods)
		ok = !triad__j_set(o, "report_periods", string_array(r->report_periods, r->nperiods));
	if (ok && r->note)
		ok = !triad__j_set(o, "note", json_string(r->note));
	return ok;
}

int triad_contactplan_save(char **out, const triad_contactplan *plan)
{
	if (!out || !plan)
		return triad__err(TRIAD_EINVAL, "the output or plan is NULL");
	json_t *root = json_object(), *rules = json_array();
	bool ok = root && rules && !triad__j_set(root, "format", json_string(PLAN_FORMAT "/1"));
	for (size_t i = 0; ok && i < plan->count; i++)
		ok = rule_json(rules, &plan->rules[i]);
	if (ok) {
		ok = !triad__j_set(root, "rules", rules);
		rules = NULL;
	}
	json_decref(rules);
	char *text = ok ? triad__j_dump(root) : NULL;
	json_decref(root);
	if (!text)
		return triad__nomem();
	*out = text;
	return 0;
}

int triad_contactplan_save_file(const triad_contactplan *plan, const char *filename)
{
	if (!plan || !filename)
		return triad__err(TRIAD_EINVAL, "the plan or file name is NULL");
	char *text = NULL;
	int rc = triad_contactplan_save(&text, plan);
	if (rc)
		return rc;
	rc = triad__write_file(filename, text, strlen(text));
	triad__free(text);
	return rc;
}
