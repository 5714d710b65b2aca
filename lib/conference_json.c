/* Reading and writing conference instances ("triad.conference/1"). */
#include <stdio.h>
#include <string.h>

#include "conference_private.h"
#include "json_private.h"

static const char *const priority_names[] = { "invited", "required", "optional", NULL };
static const char *const preference_names[] = { "none", "early", "late", NULL };

/* A required or optional non-empty id or name, copied. */
static int read_text(triad_jctx *j, json_t *obj, const char *key, bool required, char **out)
{
	const char *s = NULL;
	int rc = triad__j_string(j, obj, key, required, &s);
	if (rc || !s)
		return rc;
	if (!*s)
		return triad__j_fail_key(j, key, TRIAD_EFORMAT, "must not be empty");
	*out = triad__strdup(s);
	return *out ? 0 : TRIAD_ENOMEM;
}

/* An array of [from, to) slot ranges inside 0..slots, ascending, not overlapping. */
static int read_ranges(triad_jctx *j, json_t *obj, const char *key, int32_t slots,
                       cf_range **out, size_t *n, bool *given)
{
	json_t *arr = NULL;
	int rc = triad__j_array(j, obj, key, false, &arr);
	if (rc || !arr)
		return rc;
	size_t m = triad__j_push_key(j, key);
	size_t count = json_array_size(arr);
	cf_range *rg = triad__reallocarray(NULL, count ? count : 1, sizeof *rg);
	if (!rg)
		return triad__nomem();
	for (size_t i = 0; i < count; i++) {
		json_t *v = json_array_get(arr, i);
		size_t mi = triad__j_push_index(j, i);
		if (!json_is_array(v) || json_array_size(v) != 2 ||
		    !json_is_integer(json_array_get(v, 0)) || !json_is_integer(json_array_get(v, 1))) {
			rc = triad__j_fail(j, TRIAD_EFORMAT,
			                   "expected a slot range [from, to] of two integers, got %s",
			                   triad__j_type_name(v));
			goto fail;
		}
		json_int_t a = json_integer_value(json_array_get(v, 0));
		json_int_t b = json_integer_value(json_array_get(v, 1));
		if (a < 0 || b > slots || a >= b) {
			rc = triad__j_fail(j, TRIAD_EFORMAT,
			                   "the slot range [%lld, %lld) must be non-empty and lie "
			                   "within the session's slots [0, %d)",
			                   (long long)a, (long long)b, (int)slots);
			goto fail;
		}
		if (i > 0 && a < rg[i - 1].to) {
			rc = triad__j_fail(j, TRIAD_EFORMAT,
			                   "the slot range [%lld, %lld) overlaps or precedes the range "
			                   "[%d, %d) before it; give ranges in ascending order without "
			                   "overlap",
			                   (long long)a, (long long)b, (int)rg[i - 1].from,
			                   (int)rg[i - 1].to);
			goto fail;
		}
		rg[i].from = (int32_t)a;
		rg[i].to = (int32_t)b;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	*out = rg;
	*n = count;
	*given = true;
	return 0;
fail:
	triad__free(rg);
	return rc;
}

static int read_time(triad_jctx *j, json_t *obj, const char *key, int32_t *out)
{
	const char *s = NULL;
	int rc = triad__j_string(j, obj, key, true, &s);
	if (rc)
		return rc;
	bool digits = strlen(s) == 5 && s[2] == ':';
	for (int i = 0; digits && i < 5; i++)
		digits = i == 2 || (s[i] >= '0' && s[i] <= '9');
	int hh = digits ? (s[0] - '0') * 10 + (s[1] - '0') : -1;
	int mm = digits ? (s[3] - '0') * 10 + (s[4] - '0') : -1;
	if (!digits || hh > 23 || mm > 59)
		return triad__j_fail_key(j, key, TRIAD_EFORMAT,
		                         "\"%.20s\" is not a time of the form HH:MM (00:00..23:59)", s);
	*out = hh * 60 + mm;
	return 0;
}

/* Look an id up in an index; an unknown one is an error at obj.key. */
static int ref(triad_jctx *j, const cf_index *idx, size_t n, const char *id,
               const char *key, const char *what, int32_t *out)
{
	int32_t p = triad__cf_index_find(idx, n, id);
	if (p < 0) {
		if (key)
			return triad__j_fail_key(j, key, TRIAD_EFORMAT, "there is no %s \"%s\"", what, id);
		return triad__j_fail(j, TRIAD_EFORMAT, "there is no %s \"%s\"", what, id);
	}
	*out = p;
	return 0;
}

static int check_dup(triad_jctx *j, cf_index **idx, const void *items, size_t n,
                     size_t stride, const char *list, const char *what)
{
	int32_t dup;
	*idx = triad__cf_index_build(items, n, stride, 0, &dup);
	if (!*idx)
		return TRIAD_ENOMEM;
	if (dup >= 0) {
		size_t m = triad__j_push_key(j, list);
		triad__j_push_index(j, (size_t)dup);
		const char *id;
		memcpy(&id, (const char *)items + (size_t)dup * stride, sizeof id);
		int rc = triad__j_fail_key(j, "id", TRIAD_EFORMAT,
		                           "the %s id \"%s\" is used twice", what, id);
		triad__j_pop(j, m);
		return rc;
	}
	return 0;
}

static int load_settings(triad_jctx *j, json_t *root, int64_t *settings)
{
	json_t *obj = NULL;
	int rc = triad__j_object(j, root, "settings", false, &obj);
	if (rc || !obj)
		return rc;
	size_t m = triad__j_push_key(j, "settings");
	const char *allowed[TRIAD_CONFERENCE_SETTING_COUNT + 1];
	for (int i = 1; i <= TRIAD_CONFERENCE_SETTING_COUNT; i++)
		allowed[i - 1] = triad__cf_setting_name(i);
	allowed[TRIAD_CONFERENCE_SETTING_COUNT] = NULL;
	rc = triad__j_fields(j, obj, allowed);
	for (int i = 1; !rc && i <= TRIAD_CONFERENCE_SETTING_COUNT; i++) {
		long long v = settings[i];
		rc = triad__j_int(j, obj, triad__cf_setting_name(i), false, 0,
		                  i <= TRIAD_CONFERENCE_SETTING_MOVE_PENALTY ? 1000000000
		                  : i <= TRIAD_CONFERENCE_SETTING_PRIORITY_OPTIONAL ? 1000000 : 10000,
		                  &v);
		settings[i] = v;
	}
	triad__j_pop(j, m);
	return rc;
}

static int load_sessions(triad_jctx *j, json_t *root, triad_conference *c)
{
	static const char *const fields[] = { "id", "date", "start", "slot_minutes",
		                              "gap_minutes", "slots", "breaks", NULL };
	json_t *arr;
	int rc = triad__j_array(j, root, "sessions", true, &arr);
	if (rc)
		return rc;
	size_t n = json_array_size(arr);
	size_t m = triad__j_push_key(j, "sessions");
	if (n == 0 || n > CF_MAX_SESSIONS) {
		rc = triad__j_fail(j, TRIAD_EFORMAT, "an instance needs 1..%d sessions, got %zu",
		                   CF_MAX_SESSIONS, n);
		goto out;
	}
	c->sessions = triad__calloc(n, sizeof *c->sessions);
	if (!c->sessions) {
		rc = triad__nomem();
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		cf_session *se = &c->sessions[i];
		size_t mi = triad__j_push_index(j, i);
		c->nsessions = i + 1;
		long long v;
		if ((rc = triad__j_fields(j, o, fields)) || (rc = read_text(j, o, "id", true, &se->id)) ||
		    (rc = triad__j_date(j, o, "date", true, &se->date)) ||
		    (rc = read_time(j, o, "start", &se->start)))
			goto out;
		v = 10;
		if ((rc = triad__j_int(j, o, "slot_minutes", false, 1, 240, &v)))
			goto out;
		se->slot_minutes = (int32_t)v;
		v = 0;
		if ((rc = triad__j_int(j, o, "gap_minutes", false, 0, 120, &v)))
			goto out;
		se->gap_minutes = (int32_t)v;
		if ((rc = triad__j_int(j, o, "slots", true, 1, CF_MAX_SLOTS, &v)))
			goto out;
		se->slots = (int32_t)v;
		if (se->start + se->slots * (se->slot_minutes + se->gap_minutes) - se->gap_minutes >
		    24 * 60) {
			rc = triad__j_fail_key(j, "slots", TRIAD_EFORMAT,
			                       "%d slots of %d + %d minutes from the start run past "
			                       "midnight", (int)se->slots, (int)se->slot_minutes,
			                       (int)se->gap_minutes);
			goto out;
		}
		bool given = false;
		if ((rc = read_ranges(j, o, "breaks", se->slots, &se->breaks, &se->nbreaks, &given)))
			goto out;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	return check_dup(j, &c->idx_session, c->sessions, c->nsessions, sizeof(cf_session),
	                 "sessions", "session");
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_rooms(triad_jctx *j, json_t *root, triad_conference *c)
{
	static const char *const fields[] = { "id", "name", NULL };
	json_t *arr = NULL;
	int rc = triad__j_array(j, root, "rooms", false, &arr);
	if (rc)
		return rc;
	size_t n = arr ? json_array_size(arr) : 0;
	size_t m = triad__j_push_key(j, "rooms");
	c->rooms = triad__calloc(n ? n : 1, sizeof *c->rooms);
	if (!c->rooms) {
		rc = triad__nomem();
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		cf_room *ro = &c->rooms[i];
		size_t mi = triad__j_push_index(j, i);
		c->nrooms = i + 1;
		if ((rc = triad__j_fields(j, o, fields)) || (rc = read_text(j, o, "id", true, &ro->id)) ||
		    (rc = read_text(j, o, "name", false, &ro->name)))
			goto out;
		ro->has_name = ro->name != NULL;
		if (!ro->name && !(ro->name = triad__strdup(ro->id))) {
			rc = TRIAD_ENOMEM;
			goto out;
		}
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	return check_dup(j, &c->idx_room, c->rooms, c->nrooms, sizeof(cf_room), "rooms", "room");
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_teacher(triad_jctx *j, json_t *o, triad_conference *c, cf_teacher *te)
{
	static const char *const fields[] = { "id", "name", "sessions", "break_after", NULL };
	static const char *const sfields[] = { "session", "room", "available", "max_meetings", NULL };
	int rc;
	json_t *arr;
	long long v = -1;
	if ((rc = triad__j_fields(j, o, fields)) || (rc = read_text(j, o, "id", true, &te->id)) ||
	    (rc = read_text(j, o, "name", false, &te->name)) ||
	    (rc = triad__j_int(j, o, "break_after", false, 0, 10000, &v)) ||
	    (rc = triad__j_array(j, o, "sessions", true, &arr)))
		return rc;
	te->break_after = (int32_t)v;
	if (!te->name && !(te->name = triad__strdup(te->id)))
		return TRIAD_ENOMEM;
	size_t m = triad__j_push_key(j, "sessions");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *so = json_array_get(arr, i);
		size_t mi = triad__j_push_index(j, i);
		const char *sid = NULL, *rid = NULL;
		int32_t s = 0, room = 0;
		if ((rc = triad__j_fields(j, so, sfields)) ||
		    (rc = triad__j_string(j, so, "session", true, &sid)) ||
		    (rc = ref(j, c->idx_session, c->nsessions, sid, "session", "session", &s)))
			goto out;
		cf_tsess *ts = &te->sess[s];
		if (ts->present) {
			rc = triad__j_fail_key(j, "session", TRIAD_EFORMAT,
			                       "session \"%s\" is listed twice for this teacher", sid);
			goto out;
		}
		if ((rc = triad__j_string(j, so, "room", true, &rid)) ||
		    (rc = ref(j, c->idx_room, c->nrooms, rid, "room", "room", &room)))
			goto out;
		v = -1;
		if ((rc = triad__j_int(j, so, "max_meetings", false, 0, 10000, &v)) ||
		    (rc = read_ranges(j, so, "available", c->sessions[s].slots, &ts->avail,
		                      &ts->navail, &ts->avail_given)))
			goto out;
		ts->present = true;
		ts->room = room;
		ts->max_meetings = (int32_t)v;
		triad__j_pop(j, mi);
	}
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_teachers(triad_jctx *j, json_t *root, triad_conference *c)
{
	json_t *arr;
	int rc = triad__j_array(j, root, "teachers", true, &arr);
	if (rc)
		return rc;
	size_t n = json_array_size(arr);
	size_t m = triad__j_push_key(j, "teachers");
	c->teachers = triad__calloc(n ? n : 1, sizeof *c->teachers);
	if (!c->teachers) {
		rc = triad__nomem();
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		size_t mi = triad__j_push_index(j, i);
		cf_teacher *te = &c->teachers[i];
		c->nteachers = i + 1;
		te->sess = triad__calloc(c->nsessions, sizeof *te->sess);
		if (!te->sess) {
			rc = triad__nomem();
			goto out;
		}
		for (size_t s = 0; s < c->nsessions; s++)
			te->sess[s].room = -1;
		if ((rc = load_teacher(j, json_array_get(arr, i), c, te)))
			goto out;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	return check_dup(j, &c->idx_teacher, c->teachers, c->nteachers, sizeof(cf_teacher),
	                 "teachers", "teacher");
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_household(triad_jctx *j, json_t *o, triad_conference *c, cf_household *hh)
{
	static const char *const fields[] = { "id", "name", "students", "sessions", "preference",
		                              "max_sessions", "max_wait", NULL };
	static const char *const sfields[] = { "session", "available", NULL };
	int rc;
	json_t *students = NULL, *arr = NULL;
	long long v = -1, w = -1;
	int pref = 0;
	if ((rc = triad__j_fields(j, o, fields)) || (rc = read_text(j, o, "id", true, &hh->id)) ||
	    (rc = read_text(j, o, "name", false, &hh->name)) ||
	    (rc = triad__j_enum(j, o, "preference", false, preference_names, 0, &pref)) ||
	    (rc = triad__j_int(j, o, "max_sessions", false, 0, 10000, &v)) ||
	    (rc = triad__j_int(j, o, "max_wait", false, 0, 10000, &w)) ||
	    (rc = triad__j_array(j, o, "students", false, &students)) ||
	    (rc = triad__j_array(j, o, "sessions", false, &arr)))
		return rc;
	hh->preference = pref;
	hh->max_sessions = (int32_t)v;
	hh->max_wait = (int32_t)w;
	if (!hh->name && !(hh->name = triad__strdup(hh->id)))
		return TRIAD_ENOMEM;
	size_t ns = students ? json_array_size(students) : 0;
	hh->students = triad__calloc(ns ? ns : 1, sizeof(char *));
	if (!hh->students)
		return triad__nomem();
	size_t m = triad__j_push_key(j, "students");
	for (size_t i = 0; i < ns; i++) {
		json_t *sv = json_array_get(students, i);
		size_t mi = triad__j_push_index(j, i);
		if (!json_is_string(sv) || !*json_string_value(sv)) {
			rc = triad__j_fail(j, TRIAD_EFORMAT, "expected a student's name (a non-empty "
			                   "string), got %s", triad__j_type_name(sv));
			goto out;
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(hh->students[k], json_string_value(sv)) == 0) {
				rc = triad__j_fail(j, TRIAD_EFORMAT, "the student \"%s\" is listed twice",
				                   json_string_value(sv));
				goto out;
			}
		if (!(hh->students[i] = triad__strdup(json_string_value(sv)))) {
			rc = TRIAD_ENOMEM;
			goto out;
		}
		hh->nstudents = i + 1;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	if (!arr)
		return 0;
	hh->sessions_given = true;
	m = triad__j_push_key(j, "sessions");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *so = json_array_get(arr, i);
		size_t mi = triad__j_push_index(j, i);
		const char *sid = NULL;
		int32_t s = 0;
		if ((rc = triad__j_fields(j, so, sfields)) ||
		    (rc = triad__j_string(j, so, "session", true, &sid)) ||
		    (rc = ref(j, c->idx_session, c->nsessions, sid, "session", "session", &s)))
			goto out;
		cf_hsess *hs = &hh->sess[s];
		if (hs->present) {
			rc = triad__j_fail_key(j, "session", TRIAD_EFORMAT,
			                       "session \"%s\" is listed twice for this household", sid);
			goto out;
		}
		if ((rc = read_ranges(j, so, "available", c->sessions[s].slots, &hs->avail,
		                      &hs->navail, &hs->avail_given)))
			goto out;
		hs->present = true;
		triad__j_pop(j, mi);
	}
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_households(triad_jctx *j, json_t *root, triad_conference *c)
{
	json_t *arr;
	int rc = triad__j_array(j, root, "households", true, &arr);
	if (rc)
		return rc;
	size_t n = json_array_size(arr);
	size_t m = triad__j_push_key(j, "households");
	c->households = triad__calloc(n ? n : 1, sizeof *c->households);
	if (!c->households) {
		rc = triad__nomem();
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		size_t mi = triad__j_push_index(j, i);
		cf_household *hh = &c->households[i];
		c->nhouseholds = i + 1;
		hh->sess = triad__calloc(c->nsessions, sizeof *hh->sess);
		if (!hh->sess) {
			rc = triad__nomem();
			goto out;
		}
		if ((rc = load_household(j, json_array_get(arr, i), c, hh)))
			goto out;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	return check_dup(j, &c->idx_household, c->households, c->nhouseholds,
	                 sizeof(cf_household), "households", "household");
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_pin(triad_jctx *j, json_t *o, triad_conference *c, cf_request *rq)
{
	static const char *const fields[] = { "session", "slot", NULL };
	json_t *pin = NULL;
	int rc = triad__j_object(j, o, "pin", false, &pin);
	if (rc || !pin)
		return rc;
	size_t m = triad__j_push_key(j, "pin");
	const char *sid = NULL;
	int32_t s = 0;
	long long v;
	if ((rc = triad__j_fields(j, pin, fields)) ||
	    (rc = triad__j_string(j, pin, "session", true, &sid)) ||
	    (rc = ref(j, c->idx_session, c->nsessions, sid, "session", "session", &s)) ||
	    (rc = triad__j_int(j, pin, "slot", true, 0, c->sessions[s].slots - rq->slots, &v)))
		goto out;
	rq->pin_session = s;
	rq->pin_slot = (int32_t)v;
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_request(triad_jctx *j, json_t *o, triad_conference *c, cf_request *rq)
{
	static const char *const fields[] = { "id", "household", "teachers", "students", "slots",
		                              "priority", "pin", NULL };
	int rc;
	const char *hid = NULL;
	json_t *teachers, *students = NULL;
	long long v = 1;
	int prio = TRIAD_CONFERENCE_PRIORITY_REQUIRED;
	if ((rc = triad__j_fields(j, o, fields)) || (rc = read_text(j, o, "id", true, &rq->id)) ||
	    (rc = triad__j_string(j, o, "household", true, &hid)) ||
	    (rc = ref(j, c->idx_household, c->nhouseholds, hid, "household", "household",
	              &rq->household)) ||
	    (rc = triad__j_int(j, o, "slots", false, 1, CF_MAX_SLOTS, &v)) ||
	    (rc = triad__j_enum(j, o, "priority", false, priority_names, 1, &prio)) ||
	    (rc = triad__j_array(j, o, "teachers", true, &teachers)) ||
	    (rc = triad__j_array(j, o, "students", false, &students)))
		return rc;
	rq->slots = (int32_t)v;
	rq->priority = prio;
	size_t nt = json_array_size(teachers);
	if (nt == 0)
		return triad__j_fail_key(j, "teachers", TRIAD_EFORMAT,
		                         "a request needs at least one teacher");
	rq->teachers = triad__reallocarray(NULL, nt, sizeof(int32_t));
	if (!rq->teachers)
		return triad__nomem();
	size_t m = triad__j_push_key(j, "teachers");
	for (size_t i = 0; i < nt; i++) {
		json_t *tv = json_array_get(teachers, i);
		size_t mi = triad__j_push_index(j, i);
		int32_t t = 0;
		if (!json_is_string(tv)) {
			rc = triad__j_fail(j, TRIAD_EFORMAT, "expected a teacher id, got %s",
			                   triad__j_type_name(tv));
			goto out;
		}
		if ((rc = ref(j, c->idx_teacher, c->nteachers, json_string_value(tv), NULL,
		              "teacher", &t)))
			goto out;
		for (size_t k = 0; k < i; k++)
			if (rq->teachers[k] == t) {
				rc = triad__j_fail(j, TRIAD_EFORMAT, "the teacher \"%s\" is listed twice",
				                   c->teachers[t].id);
				goto out;
			}
		bool present = false;
		for (size_t s = 0; s < c->nsessions; s++)
			present = present || c->teachers[t].sess[s].present;
		if (!present) {
			rc = triad__j_fail(j, TRIAD_EFORMAT,
			                   "the teacher \"%s\" is present in no session; add the "
			                   "teacher to a session or drop the request",
			                   c->teachers[t].id);
			goto out;
		}
		rq->teachers[i] = t;
		rq->nteachers = i + 1;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	const cf_household *hh = &c->households[rq->household];
	size_t ns = students ? json_array_size(students) : hh->nstudents;
	rq->students = triad__reallocarray(NULL, ns ? ns : 1, sizeof(int32_t));
	if (!rq->students)
		return triad__nomem();
	m = triad__j_push_key(j, "students");
	for (size_t i = 0; i < ns; i++) {
		if (!students) {
			rq->students[i] = (int32_t)i;
			rq->nstudents = i + 1;
			continue;
		}
		json_t *sv = json_array_get(students, i);
		size_t mi = triad__j_push_index(j, i);
		int32_t found = -1;
		if (!json_is_string(sv)) {
			rc = triad__j_fail(j, TRIAD_EFORMAT, "expected a student's name, got %s",
			                   triad__j_type_name(sv));
			goto out;
		}
		for (size_t k = 0; k < hh->nstudents; k++)
			if (strcmp(hh->students[k], json_string_value(sv)) == 0)
				found = (int32_t)k;
		if (found < 0) {
			rc = triad__j_fail(j, TRIAD_EFORMAT,
			                   "household \"%s\" has no student \"%s\"", hh->id,
			                   json_string_value(sv));
			goto out;
		}
		for (size_t k = 0; k < i; k++)
			if (rq->students[k] == found) {
				rc = triad__j_fail(j, TRIAD_EFORMAT, "the student \"%s\" is listed twice",
				                   json_string_value(sv));
				goto out;
			}
		rq->students[i] = found;
		rq->nstudents = i + 1;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	return load_pin(j, o, c, rq);
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_requests(triad_jctx *j, json_t *root, triad_conference *c)
{
	json_t *arr;
	int rc = triad__j_array(j, root, "requests", true, &arr);
	if (rc)
		return rc;
	size_t n = json_array_size(arr);
	size_t m = triad__j_push_key(j, "requests");
	c->requests = triad__calloc(n ? n : 1, sizeof *c->requests);
	if (!c->requests) {
		rc = triad__nomem();
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		size_t mi = triad__j_push_index(j, i);
		cf_request *rq = &c->requests[i];
		c->nrequests = i + 1;
		rq->pin_session = -1;
		if ((rc = load_request(j, json_array_get(arr, i), c, rq)))
			goto out;
		triad__j_pop(j, mi);
	}
	triad__j_pop(j, m);
	return check_dup(j, &c->idx_request, c->requests, c->nrequests, sizeof(cf_request),
	                 "requests", "request");
out:
	triad__j_pop(j, m);
	return rc;
}

static int load_root(triad_conference **out, json_t *root, const char *source)
{
	static const char *const fields[] = { "format", "sessions", "rooms", "teachers",
		                              "households", "requests", "settings", NULL };
	triad_jctx j;
	triad__jctx_init(&j, source);
	triad_conference *c = triad__calloc(1, sizeof *c);
	if (!c)
		return triad__nomem();
	triad__cf_default_settings(c->settings);
	int rc;
	if ((rc = triad__j_check_format(&j, root, "triad.conference",
	                                TRIAD_CONFERENCE_FORMAT_VERSION, NULL)) ||
	    (rc = triad__j_fields(&j, root, fields)) || (rc = load_settings(&j, root, c->settings)) ||
	    (rc = load_sessions(&j, root, c)) || (rc = load_rooms(&j, root, c)) ||
	    (rc = load_teachers(&j, root, c)) || (rc = load_households(&j, root, c)) ||
	    (rc = load_requests(&j, root, c)) || (rc = triad__cf_finish(c))) {
		triad_conference_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

static int read_cb(void *out, json_t *root, const char *source, const void *arg)
{
	(void)arg;
	return load_root(out, root, source);
}

TRIAD_API int triad_conference_load_json(triad_conference **out, const char *text,
                                         size_t len, const char *source)
{
	if (!out || !text)
		return triad__err(TRIAD_EINVAL, "the output and the text must not be NULL");
	return triad__j_load(out, read_cb, NULL, text, len, source);
}

TRIAD_API int triad_conference_load_file(triad_conference **out, const char *filename)
{
	if (!out || !filename)
		return triad__err(TRIAD_EINVAL, "the output and the file name must not be NULL");
	return triad__j_load_file(out, read_cb, NULL, filename);
}

/* ---- writing ----------------------------------------------------------- */

static json_t *ranges_json(const cf_range *rg, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < n; i++) {
		json_t *pair = json_pack("[ii]", (int)rg[i].from, (int)rg[i].to);
		if (triad__j_append(arr, pair)) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

json_t *triad__cf_settings_json(const int64_t *settings);
json_t *triad__cf_settings_json(const int64_t *settings)
{
	json_t *o = json_object();
	for (int i = 1; o && i <= TRIAD_CONFERENCE_SETTING_COUNT; i++)
		if (triad__j_set(o, triad__cf_setting_name(i), json_integer(settings[i]))) {
			json_decref(o);
			return NULL;
		}
	return o;
}



static json_t *session_json(const cf_session *se)
{
	char date[TRIAD_DATE_BUFSIZE], time_buf[16];
	triad_date_format(se->date, date);
	snprintf(time_buf, sizeof time_buf, "%02d:%02d", (int)(se->start / 60), (int)(se->start % 60));
	json_t *o = json_object();
	if (!o || triad__j_set(o, "id", json_string(se->id)) ||
	    triad__j_set(o, "date", json_string(date)) ||
	    triad__j_set(o, "start", json_string(time_buf)) ||
	    triad__j_set(o, "slot_minutes", json_integer(se->slot_minutes)) ||
	    triad__j_set(o, "gap_minutes", json_integer(se->gap_minutes)) ||
	    triad__j_set(o, "slots", json_integer(se->slots)) ||
	    triad__j_set(o, "breaks", ranges_json(se->breaks, se->nbreaks))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *teacher_json(const triad_conference *c, const cf_teacher *te)
{
	json_t *o = json_object(), *ss = json_array();
	if (!o || !ss || triad__j_set(o, "id", json_string(te->id)) ||
	    triad__j_set(o, "name", json_string(te->name)) ||
	    (te->break_after >= 0 && triad__j_set(o, "break_after", json_integer(te->break_after))))
		goto fail;
	for (size_t s = 0; s < c->nsessions; s++) {
		const cf_tsess *ts = &te->sess[s];
		if (!ts->present)
			continue;
		json_t *so = json_object();
		if (triad__j_append(ss, so) || triad__j_set(so, "session", json_string(c->sessions[s].id)) ||
		    triad__j_set(so, "room", json_string(c->rooms[ts->room].id)) ||
		    (ts->avail_given && triad__j_set(so, "available", ranges_json(ts->avail, ts->navail))) ||
		    (ts->max_meetings >= 0 &&
		     triad__j_set(so, "max_meetings", json_integer(ts->max_meetings))))
			goto fail;
	}
	if (triad__j_set(o, "sessions", ss))
		return json_decref(o), NULL;
	return o;
fail:
	json_decref(ss);
	json_decref(o);
	return NULL;
}

static json_t *household_json(const triad_conference *c, const cf_household *hh)
{
	json_t *o = json_object(), *st = json_array();
	if (!o || !st || triad__j_set(o, "id", json_string(hh->id)) ||
	    triad__j_set(o, "name", json_string(hh->name)) ||
	    triad__j_set(o, "preference", json_string(preference_names[hh->preference])) ||
	    (hh->max_sessions >= 0 && triad__j_set(o, "max_sessions", json_integer(hh->max_sessions))) ||
	    (hh->max_wait >= 0 && triad__j_set(o, "max_wait", json_integer(hh->max_wait))))
		goto fail;
	for (size_t k = 0; k < hh->nstudents; k++)
		if (triad__j_append(st, json_string(hh->students[k])))
			goto fail;
	if (triad__j_set(o, "students", st)) {
		json_decref(o);
		return NULL;
	}
	if (hh->sessions_given) {
		json_t *ss = json_array();
		if (triad__j_set(o, "sessions", ss))
			return json_decref(o), NULL;
		for (size_t s = 0; s < c->nsessions; s++) {
			const cf_hsess *hs = &hh->sess[s];
			if (!hs->present)
				continue;
			json_t *so = json_object();
			if (triad__j_append(ss, so) ||
			    triad__j_set(so, "session", json_string(c->sessions[s].id)) ||
			    (hs->avail_given &&
			     triad__j_set(so, "available", ranges_json(hs->avail, hs->navail))))
				return json_decref(o), NULL;
		}
	}
	return o;
fail:
	json_decref(st);
	json_decref(o);
	return NULL;
}

static json_t *request_json(const triad_conference *c, const cf_request *rq)
{
	const cf_household *hh = &c->households[rq->household];
	json_t *o = json_object(), *ts = json_array(), *st = json_array();
	if (!o || !ts || !st)
		goto fail;
	for (size_t i = 0; i < rq->nteachers; i++)
		if (triad__j_append(ts, json_string(c->teachers[rq->teachers[i]].id)))
			goto fail;
	for (size_t i = 0; i < rq->nstudents; i++)
		if (triad__j_append(st, json_string(hh->students[rq->students[i]])))
			goto fail;
	if (triad__j_set(o, "id", json_string(rq->id)) ||
	    triad__j_set(o, "household", json_string(hh->id)) ||
	    triad__j_set(o, "slots", json_integer(rq->slots)) ||
	    triad__j_set(o, "priority", json_string(priority_names[rq->priority - 1])))
		goto fail;
	/* Hand each array over on its own: triad__j_set consumes its value
	 * even when it fails, and an array not yet handed over must still be
	 * freed at fail (both in one condition lost the second on failure). */
	json_t *v = ts;
	ts = NULL;
	if (triad__j_set(o, "teachers", v))
		goto fail;
	v = st;
	st = NULL;
	if (triad__j_set(o, "students", v))
		goto fail;
	if (rq->pin_session >= 0 &&
	    triad__j_set(o, "pin", json_pack("{sssi}", "session", c->sessions[rq->pin_session].id,
	                                     "slot", (int)rq->pin_slot)))
		goto fail;
	return o;
fail:
	json_decref(ts);
	json_decref(st);
	json_decref(o);
	return NULL;
}

static json_t *instance_json(const triad_conference *c)
{
	json_t *root = json_object();
	json_t *arrs[5];
	for (int i = 0; i < 5; i++)
		arrs[i] = json_array();
	if (!root || triad__j_set(root, "format", json_string("triad.conference/1")) ||
	    triad__j_set(root, "settings", triad__cf_settings_json(c->settings)))
		goto fail;
	for (size_t i = 0; i < c->nsessions; i++)
		if (triad__j_append(arrs[0], session_json(&c->sessions[i])))
			goto fail;
	for (size_t i = 0; i < c->nrooms; i++) {
		const cf_room *ro = &c->rooms[i];
		json_t *o = ro->has_name ? json_pack("{ssss}", "id", ro->id, "name", ro->name)
		                         : json_pack("{ss}", "id", ro->id);
		if (triad__j_append(arrs[1], o))
			goto fail;
	}
	for (size_t i = 0; i < c->nteachers; i++)
		if (triad__j_append(arrs[2], teacher_json(c, &c->teachers[i])))
			goto fail;
	for (size_t i = 0; i < c->nhouseholds; i++)
		if (triad__j_append(arrs[3], household_json(c, &c->households[i])))
			goto fail;
	for (size_t i = 0; i < c->nrequests; i++)
		if (triad__j_append(arrs[4], request_json(c, &c->requests[i])))
			goto fail;
	static const char *const keys[] = { "sessions", "rooms", "teachers", "households", "requests" };
	for (int i = 0; i < 5; i++) {
		json_t *a = arrs[i];
		arrs[i] = NULL;
		if (triad__j_set(root, keys[i], a))
			goto fail;
	}
	return root;
fail:
	for (int i = 0; i < 5; i++)
		json_decref(arrs[i]);
	json_decref(root);
	return NULL;
}

TRIAD_API int triad_conference_save_json(char **out, const triad_conference *conf)
{
	if (!out || !conf)
		return triad__err(TRIAD_EINVAL, "the output and the instance must not be NULL");
	json_t *root = instance_json(conf);
	if (!root)
		return triad__nomem();
	char *text = triad__j_dump(root);
	json_decref(root);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}

TRIAD_API int triad_conference_save_file(const triad_conference *conf, const char *filename)
{
	if (!conf || !filename)
		return triad__err(TRIAD_EINVAL, "the instance and the file name must not be NULL");
	char *text;
	int rc = triad_conference_save_json(&text, conf);
	if (rc)
		return rc;
	rc = triad__write_file(filename, text, strlen(text));
	triad__free(text);
	return rc;
}
