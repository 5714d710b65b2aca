/* The calendar's own format, triad.calendar/1: load and save. */
#include <stdio.h>
#include <string.h>

#include "calendar_private.h"
#include "json_private.h"

#define CAL_FORMAT "triad.calendar"
enum { CAL_MAJOR = 1 };

/* A mutator refused a value: report its message at the current path as a
 * content error (out-of-memory stays itself). */
static int at_path(triad_jctx *c, int rc)
{
	if (rc == TRIAD_ENOMEM)
		return rc;
	return triad__j_fail(c, TRIAD_EFORMAT, "%s", triad_error_last()->message);
}

/* "2025-2026" -> 2025; the second year must follow the first. */
int triad__cal_parse_school_year(const char *s, int *start)
{
	int a = 0, b = 0;
	size_t n = strlen(s);
	if (n != 9 || s[4] != '-')
		return -1;
	for (int i = 0; i < 9; i++) {
		if (i == 4)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (i < 4)
			a = a * 10 + (s[i] - '0');
		else
			b = b * 10 + (s[i] - '0');
	}
	if (b != a + 1 || a < 1)
		return -1;
	*start = a;
	return 0;
}

static int read_school_year(triad_jctx *c, json_t *obj, const char *key, int *start)
{
	const char *s = NULL;
	int rc = triad__j_string(c, obj, key, true, &s);
	if (rc)
		return rc;
	if (triad__cal_parse_school_year(s, start))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "\"%.40s\" is not a school year of the form "
		                         "\"YYYY-YYYY\" with consecutive years, such as "
		                         "\"2025-2026\"", s);
	return 0;
}

static int read_holidays(triad_jctx *c, json_t *root, triad_calendar *cal)
{
	static const char *const fields[] = { "name", "first", "last", "compulsory", NULL };
	json_t *arr = NULL;
	int rc = triad__j_array(c, root, "holidays", false, &arr);
	if (rc || !arr)
		return rc;
	size_t mark = triad__j_push_key(c, "holidays"), i;
	json_t *h;
	json_array_foreach(arr, i, h) {
		size_t m2 = triad__j_push_index(c, i);
		const char *name = NULL;
		triad_date first = 0, last = 0;
		bool compulsory = true;
		if ((rc = triad__j_fields(c, h, fields)) ||
		    (rc = triad__j_string(c, h, "name", true, &name)) ||
		    (rc = triad__j_date(c, h, "first", true, &first)) ||
		    (rc = triad__j_date(c, h, "last", true, &last)) ||
		    (rc = triad__j_bool(c, h, "compulsory", false, &compulsory)))
			return rc;
		if (last < first)
			return triad__j_fail_key(c, "last", TRIAD_EFORMAT,
			                         "the holiday ends before it starts");
		rc = triad_calendar_add_holiday(cal, name, first, last, compulsory);
		if (rc)
			return at_path(c, rc);
		triad__j_pop(c, m2);
	}
	triad__j_pop(c, mark);
	return 0;
}

static int read_days_off(triad_jctx *c, json_t *root, triad_calendar *cal)
{
	static const char *const fields[] = { "date", "reason", NULL };
	json_t *arr = NULL;
	int rc = triad__j_array(c, root, "days_off", false, &arr);
	if (rc || !arr)
		return rc;
	size_t mark = triad__j_push_key(c, "days_off"), i;
	json_t *d;
	json_array_foreach(arr, i, d) {
		size_t m2 = triad__j_push_index(c, i);
		const char *reason = NULL;
		triad_date day = 0;
		if ((rc = triad__j_fields(c, d, fields)) ||
		    (rc = triad__j_date(c, d, "date", true, &day)) ||
		    (rc = triad__j_string(c, d, "reason", true, &reason)))
			return rc;
		rc = triad_calendar_add_day_off(cal, day, reason);
		if (rc)
			return at_path(c, rc);
		triad__j_pop(c, m2);
	}
	triad__j_pop(c, mark);
	return 0;
}

static int read_periods(triad_jctx *c, json_t *root, triad_calendar *cal)
{
	static const char *const fields[] = { "id", "name", "first", "last", NULL };
	json_t *arr = NULL;
	int rc = triad__j_array(c, root, "report_periods", false, &arr);
	if (rc || !arr)
		return rc;
	size_t mark = triad__j_push_key(c, "report_periods"), i;
	json_t *p;
	json_array_foreach(arr, i, p) {
		size_t m2 = triad__j_push_index(c, i);
		const char *id = NULL, *name = NULL;
		triad_date first = 0, last = 0;
		if ((rc = triad__j_fields(c, p, fields)) ||
		    (rc = triad__j_string(c, p, "id", true, &id)) ||
		    (rc = triad__j_string(c, p, "name", true, &name)) ||
		    (rc = triad__j_date(c, p, "first", true, &first)) ||
		    (rc = triad__j_date(c, p, "last", true, &last)))
			return rc;
		rc = triad_calendar_add_report_period(cal, id, name, first, last);
		if (rc)
			return at_path(c, rc);
		triad__j_pop(c, m2);
	}
	triad__j_pop(c, mark);
	return 0;
}

static int read_calendar(triad_calendar **out, json_t *root, const char *source)
{
	static const char *const fields[] = { "format", "school_year", "first_day",
		                              "last_day", "region", "holidays",
		                              "days_off", "report_periods", NULL };
	static const char *const regions[] = { "noord", "midden", "zuid", NULL };
	triad_jctx c;
	triad__jctx_init(&c, source);
	int start = 0, region = 0, rc;
	if ((rc = triad__j_check_format(&c, root, CAL_FORMAT, CAL_MAJOR, NULL)) ||
	    (rc = triad__j_fields(&c, root, fields)) ||
	    (rc = read_school_year(&c, root, "school_year", &start)) ||
	    (rc = triad__j_enum(&c, root, "region", false, regions, 1, &region)))
		return rc;
	if (start > 9998)
		return triad__j_fail_key(&c, "school_year", TRIAD_EFORMAT,
		                         "the school year must start in 1..9998");
	triad_calendar *cal = NULL;
	if ((rc = triad_calendar_new(&cal, start, (triad_region)region)))
		return rc;
	triad_date first = cal->first, last = cal->last;
	if ((rc = triad__j_date(&c, root, "first_day", false, &first)) ||
	    (rc = triad__j_date(&c, root, "last_day", false, &last)))
		goto fail;
	if (first != cal->first || last != cal->last) {
		rc = triad_calendar_set_period(cal, first, last);
		if (rc) {
			size_t m = triad__j_push_key(&c, json_object_get(root, "last_day")
			                                       ? "last_day" : "first_day");
			rc = at_path(&c, rc);
			triad__j_pop(&c, m);
			goto fail;
		}
		/* The school year must name the year the period lies in. */
		if (cal->start_year != start) {
			rc = triad__j_fail_key(&c, "first_day", TRIAD_EFORMAT,
			                       "the period from first_day to last_day lies in "
			                       "school year %d-%d (by its middle day), not in "
			                       "the school year %d-%d the document names",
			                       cal->start_year, cal->start_year + 1, start,
			                       start + 1);
			goto fail;
		}
	}
	if ((rc = read_holidays(&c, root, cal)) || (rc = read_days_off(&c, root, cal)) ||
	    (rc = read_periods(&c, root, cal)))
		goto fail;
	*out = cal;
	return 0;
fail:
	triad_calendar_free(cal);
	return rc;
}

static int read_cb(void *out, json_t *root, const char *source, const void *arg)
{
	(void)arg;
	return read_calendar(out, root, source);
}

int triad_calendar_load(triad_calendar **out, const char *text, size_t len,
                        const char *source)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	return triad__j_load(out, read_cb, NULL, text, len, source);
}

int triad_calendar_load_file(triad_calendar **out, const char *filename)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	return triad__j_load_file(out, read_cb, NULL, filename);
}

static json_t *calendar_json(const triad_calendar *cal)
{
	char sy[32];
	snprintf(sy, sizeof sy, "%04d-%04d", cal->start_year, cal->start_year + 1);
	json_t *root = json_object(), *hol = json_array(), *off = json_array(),
	       *per = json_array();
	bool ok = root && hol && off && per &&
	          !triad__j_set(root, "format", json_string(CAL_FORMAT "/1")) &&
	          !triad__j_set(root, "school_year", json_string(sy)) &&
	          !triad__j_set(root, "first_day", triad__j_date_new(cal->first)) &&
	          !triad__j_set(root, "last_day", triad__j_date_new(cal->last)) &&
	          (cal->region == TRIAD_REGION_NONE ||
	           !triad__j_set(root, "region", json_string(triad_region_id(cal->region))));
	for (size_t i = 0; ok && i < cal->nholidays; i++) {
		const cal_holiday *h = &cal->holidays[i];
		json_t *o = json_object();
		ok = !triad__j_append(hol, o) && !triad__j_set(o, "name", json_string(h->name)) &&
		     !triad__j_set(o, "first", triad__j_date_new(h->first)) &&
		     !triad__j_set(o, "last", triad__j_date_new(h->last)) &&
		     !triad__j_set(o, "compulsory", json_boolean(h->compulsory));
	}
	for (size_t i = 0; ok && i < cal->ndays_off; i++) {
		json_t *o = json_object();
		ok = !triad__j_append(off, o) &&
		     !triad__j_set(o, "date", triad__j_date_new(cal->days_off[i].day)) &&
		     !triad__j_set(o, "reason", json_string(cal->days_off[i].reason));
	}
	for (size_t i = 0; ok && i < cal->nperiods; i++) {
		const cal_period *p = &cal->periods[i];
		json_t *o = json_object();
		ok = !triad__j_append(per, o) && !triad__j_set(o, "id", json_string(p->id)) &&
		     !triad__j_set(o, "name", json_string(p->name)) &&
		     !triad__j_set(o, "first", triad__j_date_new(p->first)) &&
		     !triad__j_set(o, "last", triad__j_date_new(p->last));
	}
	/* Hand each array over only when the one before went in: a set takes
	 * its value's reference even when it fails. */
	if (ok) {
		ok = !triad__j_set(root, "holidays", hol);
		hol = NULL;
	}
	if (ok) {
		ok = !triad__j_set(root, "days_off", off);
		off = NULL;
	}
	if (ok) {
		ok = !triad__j_set(root, "report_periods", per);
		per = NULL;
	}
	json_decref(hol);
	json_decref(off);
	json_decref(per);
	if (!ok) {
		json_decref(root);
		triad__nomem();
		return NULL;
	}
	return root;
}

int triad_calendar_save(char **out, const triad_calendar *cal)
{
	if (!out || !cal)
		return triad__err(TRIAD_EINVAL, "the output or calendar is NULL");
	json_t *root = calendar_json(cal);
	if (!root)
		return TRIAD_ENOMEM;
	char *text = triad__j_dump(root);
	json_decref(root);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}

int triad_calendar_save_file(const triad_calendar *cal, const char *filename)
{
	if (!cal || !filename)
		return triad__err(TRIAD_EINVAL, "the calendar or file name is NULL");
	char *text = NULL;
	int rc = triad_calendar_save(&text, cal);
	if (rc)
		return rc;
	rc = triad__write_file(filename, text, strlen(text));
	triad__free(text);
	return rc;
}
