/* The benchmark's plain copy of a conference instance: JSON in and out. */
#include "confmodel.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cm_settings_default(cm_settings *s)
{
	s->w_unscheduled = 1000000;
	s->w_extra_session = 10000;
	s->w_wait = 100;
	s->w_idle = 1;
	s->w_pref = 1;
	s->prio_weight[CM_INVITED] = 4;
	s->prio_weight[CM_REQUIRED] = 2;
	s->prio_weight[CM_OPTIONAL] = 1;
	s->walking_gap = 0;
}

void cm_free(cm_instance *in)
{
	free(in->rooms);
	free(in->teachers);
	free(in->households);
	free(in->requests);
	memset(in, 0, sizeof *in);
}

bool cm_in_break(const cm_session *s, int k)
{
	for (int b = 0; b < s->nbreaks; b++)
		if (k >= s->breaks[b].from && k < s->breaks[b].to)
			return true;
	return false;
}

bool cm_ranges_cover(const cm_range *r, int n, int from, int len)
{
	for (int i = 0; i < n; i++)
		if (from >= r[i].from && from + len <= r[i].to)
			return true;
	return false;
}

bool cm_start_allowed(const cm_instance *in, const cm_request *r, int s, int t)
{
	const cm_session *ss = &in->sessions[s];
	if (t < 0 || t + r->slots > ss->slots)
		return false;
	for (int k = t; k < t + r->slots; k++)
		if (cm_in_break(ss, k))
			return false;
	const cm_presence *hp = &in->households[r->household].s[s];
	if (!hp->present || !cm_ranges_cover(hp->avail, hp->navail, t, r->slots))
		return false;
	for (int j = 0; j < r->nteachers; j++) {
		const cm_presence *tp = &in->teachers[r->teachers[j]].s[s];
		if (!tp->present || !cm_ranges_cover(tp->avail, tp->navail, t, r->slots))
			return false;
	}
	return true;
}

/* ---- writing ------------------------------------------------------------ */

static json_t *ranges_json(const cm_range *r, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_pack("[ii]", r[i].from, r[i].to));
	return a;
}

static const char *const prio_names[] = { "invited", "required", "optional" };
static const char *const pref_names[] = { "none", "early", "late" };

int cm_write_json(const cm_instance *in, const char *path)
{
	json_t *root = json_object();
	json_object_set_new(root, "format", json_string("triad.conference/1"));

	json_t *sessions = json_array();
	for (int s = 0; s < in->nsessions; s++) {
		const cm_session *ss = &in->sessions[s];
		char start[16];
		snprintf(start, sizeof start, "%02d:%02d", ss->start_min / 60, ss->start_min % 60);
		json_array_append_new(sessions,
			json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:o}", "id", ss->id, "date", ss->date,
			          "start", start, "slot_minutes", ss->slot_minutes, "gap_minutes",
			          ss->gap_minutes, "slots", ss->slots, "breaks",
			          ranges_json(ss->breaks, ss->nbreaks)));
	}
	json_object_set_new(root, "sessions", sessions);

	json_t *rooms = json_array();
	for (int i = 0; i < in->nrooms; i++)
		json_array_append_new(rooms, json_pack("{s:s}", "id", in->rooms[i]));
	json_object_set_new(root, "rooms", rooms);

	json_t *teachers = json_array();
	for (int i = 0; i < in->nteachers; i++) {
		const cm_teacher *t = &in->teachers[i];
		json_t *per = json_array();
		for (int s = 0; s < in->nsessions; s++) {
			const cm_presence *p = &t->s[s];
			if (!p->present)
				continue;
			json_t *o = json_pack("{s:s, s:s, s:o}", "session", in->sessions[s].id, "room",
			                      in->rooms[p->room], "available",
			                      ranges_json(p->avail, p->navail));
			if (p->max_meetings > 0)
				json_object_set_new(o, "max_meetings", json_integer(p->max_meetings));
			json_array_append_new(per, o);
		}
		json_array_append_new(teachers, json_pack("{s:s, s:s, s:o}", "id", t->id, "name",
		                                          t->name, "sessions", per));
	}
	json_object_set_new(root, "teachers", teachers);

	json_t *households = json_array();
	for (int i = 0; i < in->nhouseholds; i++) {
		const cm_household *h = &in->households[i];
		json_t *students = json_array();
		for (int k = 0; k < h->nstudents; k++)
			json_array_append_new(students, json_string(h->students[k]));
		json_t *per = json_array();
		for (int s = 0; s < in->nsessions; s++) {
			const cm_presence *p = &h->s[s];
			if (!p->present)
				continue;
			json_array_append_new(per, json_pack("{s:s, s:o}", "session", in->sessions[s].id,
			                                     "available", ranges_json(p->avail, p->navail)));
		}
		json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:s}", "id", h->id, "name", h->name,
		                      "students", students, "sessions", per, "preference",
		                      pref_names[h->pref]);
		if (h->max_sessions > 0)
			json_object_set_new(o, "max_sessions", json_integer(h->max_sessions));
		json_array_append_new(households, o);
	}
	json_object_set_new(root, "households", households);

	json_t *requests = json_array();
	for (int i = 0; i < in->nrequests; i++) {
		const cm_request *r = &in->requests[i];
		const cm_household *h = &in->households[r->household];
		json_t *ts = json_array(), *ss = json_array();
		for (int j = 0; j < r->nteachers; j++)
			json_array_append_new(ts, json_string(in->teachers[r->teachers[j]].id));
		for (int j = 0; j < r->nstudents; j++)
			json_array_append_new(ss, json_string(h->students[r->students[j]]));
		json_array_append_new(requests,
			json_pack("{s:s, s:s, s:o, s:o, s:i, s:s}", "id", r->id, "household", h->id,
			          "teachers", ts, "students", ss, "slots", r->slots, "priority",
			          prio_names[r->priority]));
	}
	json_object_set_new(root, "requests", requests);

	const cm_settings *st = &in->settings;
	json_object_set_new(root, "settings",
		json_pack("{s:I, s:I, s:I, s:I, s:I, s:i, s:i, s:i, s:i}", "weight_unscheduled",
		          (json_int_t)st->w_unscheduled, "weight_extra_session",
		          (json_int_t)st->w_extra_session, "weight_wait", (json_int_t)st->w_wait,
		          "weight_idle", (json_int_t)st->w_idle, "weight_preference",
		          (json_int_t)st->w_pref, "priority_invited", st->prio_weight[CM_INVITED],
		          "priority_required", st->prio_weight[CM_REQUIRED], "priority_optional",
		          st->prio_weight[CM_OPTIONAL], "walking_gap", st->walking_gap));

	int rc = json_dump_file(root, path, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (rc != 0) {
		fprintf(stderr, "cannot write %s\n", path);
		return -1;
	}
	return 0;
}

/* ---- reading ------------------------------------------------------------ */

/* Index of the element whose id (a char array at `base + i * stride`) is id. */
static int find_id(const char *base, size_t stride, int n, const char *id)
{
	if (!id)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(base + (size_t)i * stride, id) == 0)
			return i;
	return -1;
}

static int read_ranges(json_t *a, cm_range *out, int *n)
{
	size_t i;
	json_t *v;
	*n = 0;
	json_array_foreach(a, i, v) {
		if (*n >= CM_MAX_RANGES)
			return -1;
		out[*n].from = (int)json_integer_value(json_array_get(v, 0));
		out[*n].to = (int)json_integer_value(json_array_get(v, 1));
		(*n)++;
	}
	return 0;
}

static int session_index(const cm_instance *in, const char *id)
{
	for (int s = 0; s < in->nsessions; s++)
		if (strcmp(in->sessions[s].id, id) == 0)
			return s;
	return -1;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

int cm_read_json(cm_instance *in, const char *path)
{
	json_error_t err;
	memset(in, 0, sizeof *in);
	cm_settings_default(&in->settings);
	json_t *root = json_load_file(path, 0, &err);
	if (!root) {
		fprintf(stderr, "%s:%d:%d: %s\n", path, err.line, err.column, err.text);
		return -1;
	}
	size_t i, j;
	json_t *v, *w;
	json_array_foreach(json_object_get(root, "sessions"), i, v) {
		if (i >= CM_MAX_SESSIONS)
			goto bad;
		cm_session *s = &in->sessions[in->nsessions++];
		copy_str(s->id, sizeof s->id, json_string_value(json_object_get(v, "id")));
		copy_str(s->date, sizeof s->date, json_string_value(json_object_get(v, "date")));
		int hh = 0, mm = 0;
		const char *start = json_string_value(json_object_get(v, "start"));
		if (!start || sscanf(start, "%d:%d", &hh, &mm) != 2)
			goto bad;
		s->start_min = hh * 60 + mm;
		json_t *x = json_object_get(v, "slot_minutes");
		s->slot_minutes = x ? (int)json_integer_value(x) : 10;
		s->gap_minutes = (int)json_integer_value(json_object_get(v, "gap_minutes"));
		s->slots = (int)json_integer_value(json_object_get(v, "slots"));
		if (read_ranges(json_object_get(v, "breaks"), s->breaks, &s->nbreaks))
			goto bad;
	}
	json_t *rooms = json_object_get(root, "rooms");
	in->nrooms = (int)json_array_size(rooms);
	in->rooms = calloc((size_t)in->nrooms + 1, sizeof *in->rooms);
	json_array_foreach(rooms, i, v) {
		const char *id = json_is_string(v) ? json_string_value(v)
		                                   : json_string_value(json_object_get(v, "id"));
		copy_str(in->rooms[i], sizeof in->rooms[i], id);
	}
	json_t *teachers = json_object_get(root, "teachers");
	in->nteachers = (int)json_array_size(teachers);
	in->teachers = calloc((size_t)in->nteachers + 1, sizeof *in->teachers);
	json_array_foreach(teachers, i, v) {
		cm_teacher *t = &in->teachers[i];
		copy_str(t->id, sizeof t->id, json_string_value(json_object_get(v, "id")));
		copy_str(t->name, sizeof t->name, json_string_value(json_object_get(v, "name")));
		json_array_foreach(json_object_get(v, "sessions"), j, w) {
			int s = session_index(in, json_string_value(json_object_get(w, "session")));
			if (s < 0)
				goto bad;
			cm_presence *p = &t->s[s];
			p->present = true;
			p->room = find_id(in->rooms[0], sizeof in->rooms[0], in->nrooms,
			                  json_string_value(json_object_get(w, "room")));
			if (read_ranges(json_object_get(w, "available"), p->avail, &p->navail))
				goto bad;
			p->max_meetings = (int)json_integer_value(json_object_get(w, "max_meetings"));
		}
	}
	json_t *households = json_object_get(root, "households");
	in->nhouseholds = (int)json_array_size(households);
	in->households = calloc((size_t)in->nhouseholds + 1, sizeof *in->households);
	json_array_foreach(households, i, v) {
		cm_household *h = &in->households[i];
		copy_str(h->id, sizeof h->id, json_string_value(json_object_get(v, "id")));
		copy_str(h->name, sizeof h->name, json_string_value(json_object_get(v, "name")));
		json_array_foreach(json_object_get(v, "students"), j, w) {
			if (j >= CM_MAX_STUDENTS)
				goto bad;
			copy_str(h->students[j], sizeof h->students[j], json_string_value(w));
			h->nstudents++;
		}
		json_array_foreach(json_object_get(v, "sessions"), j, w) {
			int s = session_index(in, json_string_value(json_object_get(w, "session")));
			if (s < 0)
				goto bad;
			h->s[s].present = true;
			if (read_ranges(json_object_get(w, "available"), h->s[s].avail, &h->s[s].navail))
				goto bad;
		}
		const char *pref = json_string_value(json_object_get(v, "preference"));
		h->pref = pref && strcmp(pref, "early") == 0  ? CM_PREF_EARLY
		          : pref && strcmp(pref, "late") == 0 ? CM_PREF_LATE
		                                              : CM_PREF_NONE;
		h->max_sessions = (int)json_integer_value(json_object_get(v, "max_sessions"));
	}
	json_t *requests = json_object_get(root, "requests");
	in->nrequests = (int)json_array_size(requests);
	in->requests = calloc((size_t)in->nrequests + 1, sizeof *in->requests);
	json_array_foreach(requests, i, v) {
		cm_request *r = &in->requests[i];
		copy_str(r->id, sizeof r->id, json_string_value(json_object_get(v, "id")));
		r->household = find_id(in->households[0].id,
		                       sizeof in->households[0], in->nhouseholds,
		                       json_string_value(json_object_get(v, "household")));
		if (r->household < 0)
			goto bad;
		json_array_foreach(json_object_get(v, "teachers"), j, w) {
			if (j >= CM_MAX_JOINT)
				goto bad;
			r->teachers[j] = find_id(in->teachers[0].id,
			                         sizeof in->teachers[0], in->nteachers,
			                         json_string_value(w));
			if (r->teachers[j] < 0)
				goto bad;
			r->nteachers++;
		}
		const cm_household *h = &in->households[r->household];
		json_array_foreach(json_object_get(v, "students"), j, w) {
			if (j >= CM_MAX_STUDENTS)
				goto bad;
			r->students[j] = find_id(h->students[0], sizeof h->students[0],
			                         h->nstudents, json_string_value(w));
			r->nstudents++;
		}
		json_t *x = json_object_get(v, "slots");
		r->slots = x ? (int)json_integer_value(x) : 1;
		const char *prio = json_string_value(json_object_get(v, "priority"));
		r->priority = prio && strcmp(prio, "invited") == 0    ? CM_INVITED
		              : prio && strcmp(prio, "optional") == 0 ? CM_OPTIONAL
		                                                      : CM_REQUIRED;
	}
	json_t *st = json_object_get(root, "settings");
	static const char *const wnames[] = { "weight_unscheduled", "weight_extra_session",
		                              "weight_wait", "weight_idle", "weight_preference" };
	long *wdst[] = { &in->settings.w_unscheduled, &in->settings.w_extra_session,
		         &in->settings.w_wait, &in->settings.w_idle, &in->settings.w_pref };
	for (int k = 0; k < 5; k++)
		if (json_object_get(st, wnames[k]))
			*wdst[k] = (long)json_integer_value(json_object_get(st, wnames[k]));
	static const char *const pnames[] = { "priority_invited", "priority_required",
		                              "priority_optional" };
	for (int k = 0; k < 3; k++)
		if (json_object_get(st, pnames[k]))
			in->settings.prio_weight[k] = (int)json_integer_value(json_object_get(st, pnames[k]));
	if (json_object_get(st, "walking_gap"))
		in->settings.walking_gap = (int)json_integer_value(json_object_get(st, "walking_gap"));
	/* caps in the settings apply to everyone without a value of their own */
	int tcap = (int)json_integer_value(json_object_get(st, "teacher_max_meetings"));
	for (int t = 0; t < in->nteachers; t++)
		for (int s = 0; s < in->nsessions; s++)
			if (in->teachers[t].s[s].max_meetings == 0)
				in->teachers[t].s[s].max_meetings = tcap;
	int hcap = (int)json_integer_value(json_object_get(st, "household_max_sessions"));
	for (int h = 0; h < in->nhouseholds; h++)
		if (in->households[h].max_sessions == 0)
			in->households[h].max_sessions = hcap;
	if (json_integer_value(json_object_get(st, "teacher_break_after")) ||
	    json_integer_value(json_object_get(st, "household_max_wait"))) {
		fprintf(stderr, "%s: break_after and max_wait are not modelled by the baselines\n", path);
		goto bad;
	}
	json_decref(root);
	return 0;
bad:
	fprintf(stderr, "%s: not an instance this benchmark understands\n", path);
	json_decref(root);
	cm_free(in);
	return -1;
}
