/* Holiday dates from the Dutch government's open data on school holidays.
 *
 * The publisher's document is not ours: fields the calendar does not use
 * (id, title, notice, authorities, ...) are ignored, because the publisher
 * adds some now and then; the fields it does use are checked strictly. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "calendar_private.h"
#include "json_private.h"

/* Copy of s without leading and trailing white space, in buf. */
static const char *trimmed(const char *s, char *buf, size_t cap)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int triad__cal_parse_datetime(triad_date *out, const char *s)
{
	char day[TRIAD_DATE_BUFSIZE];
	if (strlen(s) < 10)
		return TRIAD_EPARSE;
	memcpy(day, s, 10);
	day[10] = '\0';
	triad_date d;
	if (triad_date_parse(&d, day))
		return TRIAD_EPARSE;
	const char *t = s + 10;
	if (*t) {
		/* THH:MM[:SS[.fff]] then Z, +HH:MM or -HH:MM, or nothing. */
		if (t[0] != 'T' || !digits(t + 1, 2) || t[3] != ':' || !digits(t + 4, 2))
			return TRIAD_EPARSE;
		int hh = (t[1] - '0') * 10 + (t[2] - '0'), mm = (t[4] - '0') * 10 + (t[5] - '0');
		t += 6;
		if (t[0] == ':') {
			if (!digits(t + 1, 2) || (t[1] - '0') * 10 + (t[2] - '0') > 60)
				return TRIAD_EPARSE;
			t += 3;
			if (t[0] == '.') {
				t++;
				if (!digits(t, 1))
					return TRIAD_EPARSE;
				while (digits(t, 1))
					t++;
			}
		}
		if (hh > 23 || mm > 59)
			return TRIAD_EPARSE;
		if (t[0] == 'Z')
			t++;
		else if ((t[0] == '+' || t[0] == '-') && digits(t + 1, 2) && t[3] == ':' &&
		         digits(t + 4, 2))
			t += 6;
		if (*t)
			return TRIAD_EPARSE;
	}
	*out = d;
	return 0;
}

static int read_datetime(triad_jctx *c, json_t *obj, const char *key, triad_date *out)
{
	const char *s = NULL;
	int rc = triad__j_string(c, obj, key, true, &s);
	if (rc)
		return rc;
	if (triad__cal_parse_datetime(out, s))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "\"%.40s\" is not an existing date or date-time such "
		                         "as \"2025-10-18T00:00:00.000Z\"", s);
	return 0;
}

/* Which region an entry is for: 1..3, or 4 for "heel Nederland". */
static int read_region(triad_jctx *c, json_t *obj, int *out)
{
	const char *s = NULL;
	char buf[64];
	int rc = triad__j_string(c, obj, "region", true, &s);
	if (rc)
		return rc;
	trimmed(s, buf, sizeof buf);
	if (strcmp(buf, "heel Nederland") == 0) {
		*out = 4;
		return 0;
	}
	triad_region r;
	if (triad_region_from_id(&r, buf) == 0) {
		*out = (int)r;
		return 0;
	}
	return triad__j_fail_key(c, "region", TRIAD_EFORMAT,
	                         "\"%.40s\" is not a holiday region (\"noord\", \"midden\", "
	                         "\"zuid\" or \"heel Nederland\")", s);
}

static int read_compulsory(triad_jctx *c, json_t *v, bool *out)
{
	json_t *x = json_object_get(v, "compulsorydates");
	char buf[16];
	if (!x)
		return triad__j_fail(c, TRIAD_EFORMAT,
		                     "the required field \"compulsorydates\" is missing");
	/* The publisher writes a string; a JSON boolean means the same. */
	if (json_is_boolean(x)) {
		*out = json_is_true(x);
		return 0;
	}
	if (json_is_string(x)) {
		trimmed(json_string_value(x), buf, sizeof buf);
		if (strcmp(buf, "true") == 0 || strcmp(buf, "false") == 0) {
			*out = buf[0] == 't';
			return 0;
		}
		return triad__j_fail_key(c, "compulsorydates", TRIAD_EFORMAT,
		                         "\"%.40s\" is neither \"true\" nor \"false\"",
		                         json_string_value(x));
	}
	return triad__j_fail_key(c, "compulsorydates", TRIAD_EFORMAT,
	                         "expected \"true\" or \"false\", got %s",
	                         triad__j_type_name(x));
}

/* One vacation: check it, and add it to the calendar when it applies. */
static int read_vacation(triad_jctx *c, json_t *v, triad_calendar *cal)
{
	const char *type = NULL;
	char name[128];
	bool compulsory = false;
	json_t *regions = NULL;
	int rc;
	if (!json_is_object(v))
		return triad__j_fail(c, TRIAD_EFORMAT, "expected an object, got %s",
		                     triad__j_type_name(v));
	if ((rc = triad__j_string(c, v, "type", true, &type)) ||
	    (rc = read_compulsory(c, v, &compulsory)) ||
	    (rc = triad__j_array(c, v, "regions", true, &regions)))
		return rc;
	if (!*trimmed(type, name, sizeof name))
		return triad__j_fail_key(c, "type", TRIAD_EFORMAT, "the vacation's type is empty");
	size_t mark = triad__j_push_key(c, "regions"), i;
	json_t *r;
	bool found = false;
	triad_date first = 0, last = 0;
	json_array_foreach(regions, i, r) {
		size_t m2 = triad__j_push_index(c, i);
		int region = 0;
		triad_date a = 0, b = 0;
		if (!json_is_object(r))
			return triad__j_fail(c, TRIAD_EFORMAT, "expected an object, got %s",
			                     triad__j_type_name(r));
		if ((rc = read_region(c, r, &region)) ||
		    (rc = read_datetime(c, r, "startdate", &a)) ||
		    (rc = read_datetime(c, r, "enddate", &b)))
			return rc;
		if (b < a)
			return triad__j_fail_key(c, "enddate", TRIAD_EFORMAT,
			                         "the %s ends before it starts", name);
		if (region == 4 || region == (int)cal->region) {
			if (found)
				return triad__j_fail(c, TRIAD_EFORMAT,
				                     "a second date range of the %s for region %s "
				                     "(each region may have one)", name,
				                     triad_region_id(cal->region));
			found = true;
			first = a;
			last = b;
		}
		triad__j_pop(c, m2);
	}
	triad__j_pop(c, mark);
	if (found && last >= cal->first && first <= cal->last) {
		rc = triad_calendar_add_holiday(cal, name, first, last, compulsory);
		if (rc)
			return rc == TRIAD_ENOMEM ? rc
			                          : triad__j_fail(c, TRIAD_EFORMAT, "%s",
			                                          triad_error_last()->message);
	}
	return 0;
}

static int read_opendata(triad_calendar **out, json_t *root, const char *source,
                         const char *schoolyear, triad_region region)
{
	triad_jctx c;
	triad__jctx_init(&c, source);
	json_t *content = NULL, *entry;
	int rc = triad__j_array(&c, root, "content", true, &content);
	if (rc)
		return rc;
	size_t n = json_array_size(content), i, chosen = n;
	char want[64] = "", buf[64], present[256] = "";
	size_t plen = 0;
	if (schoolyear)
		trimmed(schoolyear, want, sizeof want);
	/* First pass: every entry's school year, and the one asked for. */
	size_t mark = triad__j_push_key(&c, "content");
	json_array_foreach(content, i, entry) {
		size_t m2 = triad__j_push_index(&c, i);
		const char *sy = NULL;
		int start;
		if (!json_is_object(entry))
			return triad__j_fail(&c, TRIAD_EFORMAT, "expected an object, got %s",
			                     triad__j_type_name(entry));
		if ((rc = triad__j_string(&c, entry, "schoolyear", true, &sy)))
			return rc;
		trimmed(sy, buf, sizeof buf);
		if (triad__cal_parse_school_year(buf, &start) || start > 9998)
			return triad__j_fail_key(&c, "schoolyear", TRIAD_EFORMAT,
			                         "\"%.40s\" is not a school year such as "
			                         "\"2025-2026\"", sy);
		if (plen < sizeof present - 16)
			plen += (size_t)snprintf(present + plen, sizeof present - plen, "%s\"%s\"",
			                         i ? ", " : "", buf);
		if ((schoolyear && strcmp(buf, want) == 0) || (!schoolyear && n == 1)) {
			if (chosen < n)
				return triad__j_fail_key(&c, "schoolyear", TRIAD_EFORMAT,
				                         "the school year %s appears twice", buf);
			chosen = i;
		}
		triad__j_pop(&c, m2);
	}
	triad__j_pop(&c, mark);
	if (chosen == n) {
		if (n == 0)
			return triad__j_fail_key(&c, "content", TRIAD_EFORMAT,
			                         "the file lists no school year");
		if (!schoolyear)
			return triad__err_at(TRIAD_EINVAL, source, 0, 0, NULL,
			                     "%s%sthe file lists %zu school years (%s); say which "
			                     "one to use", source ? source : "",
			                     source ? ": " : "", n, present);
		return triad__err_at(TRIAD_ENOTFOUND, source, 0, 0, NULL,
		                     "%s%sthe file has no school year \"%s\"; it has %s",
		                     source ? source : "", source ? ": " : "", want, present);
	}
	int start = 0;
	trimmed(json_string_value(json_object_get(json_array_get(content, chosen),
	                                          "schoolyear")), buf, sizeof buf);
	triad__cal_parse_school_year(buf, &start);
	triad_calendar *cal = NULL;
	if ((rc = triad_calendar_new(&cal, start, region)))
		return rc;
	/* Second pass: the vacations of every entry, so that a file with the
	 * previous year supplies the tail of its summer holiday. */
	mark = triad__j_push_key(&c, "content");
	json_array_foreach(content, i, entry) {
		size_t m2 = triad__j_push_index(&c, i);
		json_t *vacations = NULL, *v;
		size_t k;
		if ((rc = triad__j_array(&c, entry, "vacations", true, &vacations)))
			goto fail;
		size_t m3 = triad__j_push_key(&c, "vacations");
		json_array_foreach(vacations, k, v) {
			size_t m4 = triad__j_push_index(&c, k);
			if ((rc = read_vacation(&c, v, cal)))
				goto fail;
			triad__j_pop(&c, m4);
		}
		triad__j_pop(&c, m3);
		triad__j_pop(&c, m2);
	}
	*out = cal;
	return 0;
fail:
	triad_calendar_free(cal);
	return rc;
}

static int check_args(triad_calendar **out, const char *schoolyear, triad_region region)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	if ((int)region < TRIAD_REGION_NOORD || (int)region > TRIAD_REGION_ZUID)
		return triad__err(TRIAD_EINVAL,
		                  "choose the holiday region: noord, midden or zuid (got %d)",
		                  (int)region);
	if (schoolyear && triad__check_text(schoolyear, "the school year", true))
		return TRIAD_EINVAL;
	return 0;
}

/* The school year and region asked for, as the reader's argument. */
typedef struct opendata_arg {
	const char *schoolyear;
	triad_region region;
} opendata_arg;

static int read_cb(void *out, json_t *root, const char *source, const void *arg)
{
	const opendata_arg *a = arg;
	return read_opendata(out, root, source, a->schoolyear, a->region);
}

int triad_calendar_load_opendata(triad_calendar **out, const char *text, size_t len,
                                 const char *source, const char *schoolyear,
                                 triad_region region)
{
	int rc = check_args(out, schoolyear, region);
	if (rc)
		return rc;
	const opendata_arg a = { schoolyear, region };
	return triad__j_load(out, read_cb, &a, text, len, source);
}

int triad_calendar_load_opendata_file(triad_calendar **out, const char *filename,
                                      const char *schoolyear, triad_region region)
{
	int rc = check_args(out, schoolyear, region);
	if (rc)
		return rc;
	const opendata_arg a = { schoolyear, region };
	return triad__j_load_file(out, read_cb, &a, filename);
}
