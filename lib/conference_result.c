/* Conference results: building, JSON ("triad.conference-result/1"), getters, views. */
#include <stdlib.h>
#include <string.h>

#include "conference_private.h"
#include "json_private.h"

json_t *triad__cf_settings_json(const int64_t *settings);

static const char *const reason_names[] = {
	NULL, "not_placed", "no_common_slot", "teacher_cap", "household_session_cap",
	"no_free_slot", "wait_cap", "pin_conflict", NULL, /* NULL-terminated for triad__j_enum */
};
static const char *const metric_names[] = {
	NULL, "unscheduled_weight", "extra_sessions", "household_wait_slots",
	"teacher_idle_slots", "preference_misses", "moved_meetings", "cost",
	"schedulable_weight_bound", "scheduled_weight", "total_weight",
};
static const char *const stat_names[] = {
	NULL, "seed", "iterations", "improvements", "construct_cost", "elapsed_ms",
	"canceled", "time_limit_hit", "proven_optimal",
};
static const char *const violation_names[] = {
	NULL, "teacher_double_booked", "household_double_booked", "outside_session", "in_break",
	"household_unavailable", "teacher_unavailable", "teacher_cap", "teacher_no_break",
	"household_session_cap", "household_wait_cap", "walking_gap", "pin_moved", "wrong_room",
	"duplicate_meeting", "unknown_reference",
};

#define NAME_OF(table, v, what)                                                   \
	do {                                                                      \
		if ((int)(v) < 1 || (size_t)(v) >= TRIAD_ARRAY_LEN(table)) {      \
			triad__err(TRIAD_EINVAL, "%d is not a " what, (int)(v));  \
			return NULL;                                              \
		}                                                                 \
		return table[v];                                                  \
	} while (0)

TRIAD_API const char *triad_conference_metric_id(triad_conference_metric m) { NAME_OF(metric_names, m, "conference metric"); }
TRIAD_API const char *triad_conference_reason_id(triad_conference_reason r)
{
	if ((int)r < 1 || (size_t)r >= TRIAD_ARRAY_LEN(reason_names) - 1) {
		triad__err(TRIAD_EINVAL, "%d is not a conference reason", (int)r);
		return NULL;
	}
	return reason_names[r];
}
TRIAD_API const char *triad_conference_violation_id(triad_conference_violation v) { NAME_OF(violation_names, v, "conference violation kind"); }
TRIAD_API const char *triad_conference_stat_id(triad_conference_stat s) { NAME_OF(stat_names, s, "solver statistic"); }

TRIAD_API int triad_solve_options_init(triad_solve_options *opts, unsigned version)
{
	if (!opts)
		return triad__err(TRIAD_EINVAL, "the options must not be NULL");
	if (version < 1 || version > TRIAD_SOLVE_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL, "solve options version %u is not supported (1..%d)",
		                  version, TRIAD_SOLVE_OPTIONS_VERSION);
	triad_solve_options def = TRIAD_SOLVE_OPTIONS_INIT;
	*opts = def;
	opts->version = version;
	return 0;
}

/* ---- building ---------------------------------------------------------- */

static void meeting_free(cf_meeting *m)
{
	triad__free(m->request);
	triad__free(m->household);
	triad__free(m->session);
	triad__free(m->room);
	for (size_t i = 0; i < m->nteachers; i++)
		triad__free(m->teachers[i]);
	triad__free(m->teachers);
}

TRIAD_API void triad_conference_result_free(triad_conference_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->nmeetings; i++)
		meeting_free(&res->meetings[i]);
	triad__free(res->meetings);
	for (size_t i = 0; i < res->nunsched; i++) {
		triad__free(res->unsched[i].request);
		triad__free(res->unsched[i].message);
	}
	triad__free(res->unsched);
	triad__free(res);
}

/* Fill meeting m for request r at session s, slot p (room: given or the
 * first teacher's; "" when that teacher is absent). */
static int meeting_fill(cf_meeting *m, const triad_conference *c, size_t r, size_t s,
                        int32_t p, const char *room)
{
	const cf_request *rq = &c->requests[r];
	memset(m, 0, sizeof *m);
	if (!room) {
		int32_t ro = triad__cf_request_room(c, r, s);
		room = ro >= 0 ? c->rooms[ro].id : "";
	}
	m->slot = p;
	m->slots = rq->slots;
	m->session_pos = (int32_t)s;
	m->pinned = rq->pin_session == (int32_t)s && rq->pin_slot == p;
	if (!(m->request = triad__strdup(rq->id)) ||
	    !(m->household = triad__strdup(c->households[rq->household].id)) ||
	    !(m->session = triad__strdup(c->sessions[s].id)) || !(m->room = triad__strdup(room)) ||
	    !(m->teachers = triad__calloc(rq->nteachers, sizeof(char *))))
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < rq->nteachers; i++) {
		if (!(m->teachers[i] = triad__strdup(c->teachers[rq->teachers[i]].id)))
			return TRIAD_ENOMEM;
		m->nteachers = i + 1;
	}
	return 0;
}

static int meeting_cmp(const void *a, const void *b)
{
	const cf_meeting *x = a, *y = b;
	if (x->session_pos != y->session_pos)
		return x->session_pos < y->session_pos ? -1 : 1;
	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return strcmp(x->request, y->request);
}

static int unsched_add(triad_conference_result *res, size_t *cap, const char *request,
                       int reason, const char *message)
{
	if (TRIAD_GROW(res->unsched, *cap, res->nunsched + 1))
		return TRIAD_ENOMEM;
	cf_unsched *u = &res->unsched[res->nunsched];
	u->reason = reason;
	u->request = triad__strdup(request);
	u->message = triad__strdup(message ? message : "the schedule has no meeting for this request");
	if (!u->request || !u->message) {
		triad__free(u->request);
		triad__free(u->message);
		return TRIAD_ENOMEM;
	}
	res->nunsched++;
	return 0;
}

int triad__cf_result_build(triad_conference_result **out, const triad_conference *c,
                           const cf_place *place, const int *reasons,
                           char *const *messages, const cf_metrics *m)
{
	triad_conference_result *res = triad__calloc(1, sizeof *res);
	if (!res)
		return triad__nomem();
	memcpy(res->settings, c->settings, sizeof res->settings);
	res->metrics = *m;
	size_t n = 0, ucap = 0;
	for (size_t r = 0; r < c->nrequests; r++)
		n += place[r].session >= 0;
	res->meetings = triad__calloc(n ? n : 1, sizeof *res->meetings);
	if (!res->meetings)
		goto nomem;
	for (size_t r = 0; r < c->nrequests; r++) {
		if (place[r].session >= 0) {
			int rc = meeting_fill(&res->meetings[res->nmeetings], c, r,
			                      (size_t)place[r].session, place[r].slot, NULL);
			res->nmeetings++;
			if (rc)
				goto nomem;
		} else if (unsched_add(res, &ucap, c->requests[r].id,
		                       reasons ? reasons[r] : TRIAD_CONFERENCE_REASON_NOT_PLACED,
		                       messages ? messages[r] : NULL))
			goto nomem;
	}
	qsort(res->meetings, res->nmeetings, sizeof *res->meetings, meeting_cmp);
	*out = res;
	return 0;
nomem:
	triad_conference_result_free(res);
	return triad__nomem();
}

int triad__cf_result_place(cf_place **out, const triad_conference *c,
                           const triad_conference_result *res, size_t *unknown)
{
	cf_place *pl = triad__reallocarray(NULL, c->nrequests ? c->nrequests : 1, sizeof *pl);
	if (!pl)
		return triad__nomem();
	for (size_t r = 0; r < c->nrequests; r++)
		pl[r].session = -1;
	size_t u = 0;
	for (size_t i = 0; i < res->nmeetings; i++) {
		const cf_meeting *m = &res->meetings[i];
		int32_t r = triad__cf_index_find(c->idx_request, c->nrequests, m->request);
		int32_t s = triad__cf_index_find(c->idx_session, c->nsessions, m->session);
		if (r < 0 || s < 0 || pl[r].session >= 0 || m->slot < 0 ||
		    m->slot + c->requests[r].slots > c->sessions[s].slots) {
			u++;
			continue;
		}
		pl[r].session = s;
		pl[r].slot = m->slot;
	}
	if (unknown)
		*unknown = u;
	*out = pl;
	return 0;
}

TRIAD_API int triad_conference_result_from_meetings(triad_conference_result **out,
                                                    const triad_conference *conf,
                                                    const char *const *requests,
                                                    const char *const *sessions,
                                                    const int32_t *slots, size_t count)
{
	if (!out || !conf || (count && (!requests || !sessions || !slots)))
		return triad__err(TRIAD_EINVAL, "the output, the instance and the meeting arrays "
		                                "must not be NULL");
	const triad_conference *c = conf;
	cf_place *place = triad__reallocarray(NULL, c->nrequests ? c->nrequests : 1, sizeof *place);
	triad_conference_result *res = triad__calloc(1, sizeof *res);
	int rc = 0;
	if (!place || !res || !(res->meetings = triad__calloc(count ? count : 1, sizeof(cf_meeting)))) {
		rc = triad__nomem();
		goto fail;
	}
	for (size_t r = 0; r < c->nrequests; r++)
		place[r].session = -1;
	for (size_t i = 0; i < count; i++) {
		if (triad__check_text(requests[i], "a request id", true) ||
		    triad__check_text(sessions[i], "a session id", true)) {
			rc = TRIAD_EINVAL;
			goto fail;
		}
		int32_t r = triad__cf_index_find(c->idx_request, c->nrequests, requests[i]);
		int32_t s = triad__cf_index_find(c->idx_session, c->nsessions, sessions[i]);
		if (r < 0 || s < 0) {
			rc = triad__err(TRIAD_ENOTFOUND, "meeting %zu: there is no %s \"%s\"", i,
			                r < 0 ? "request" : "session", r < 0 ? requests[i] : sessions[i]);
			goto fail;
		}
		if (slots[i] < 0 || slots[i] + c->requests[r].slots > c->sessions[s].slots) {
			rc = triad__err(TRIAD_ERANGE, "meeting %zu: request \"%s\" (%d slots) cannot "
			                "start at slot %d of session \"%s\" (slots 0-%d)", i, requests[i],
			                (int)c->requests[r].slots, (int)slots[i], sessions[i],
			                (int)c->sessions[s].slots - 1);
			goto fail;
		}
		if (triad__cf_request_room(c, (size_t)r, (size_t)s) < 0) {
			rc = triad__err(TRIAD_ERANGE, "meeting %zu: the teacher \"%s\" of request \"%s\" "
			                "is not present in session \"%s\", so the meeting has no room",
			                i, c->teachers[c->requests[r].teachers[0]].id, requests[i],
			                sessions[i]);
			goto fail;
		}
		rc = meeting_fill(&res->meetings[res->nmeetings], c, (size_t)r, (size_t)s, slots[i], NULL);
		res->nmeetings++;
		if (rc)
			goto fail;
		if (place[r].session < 0) {
			place[r].session = s;
			place[r].slot = slots[i];
		}
	}
	memcpy(res->settings, c->settings, sizeof res->settings);
	size_t ucap = 0;
	for (size_t r = 0; r < c->nrequests; r++)
		if (place[r].session < 0 &&
		    (rc = unsched_add(res, &ucap, c->requests[r].id, TRIAD_CONFERENCE_REASON_NOT_PLACED, NULL)))
			goto fail;
	if ((rc = triad__cf_metrics(&res->metrics, c, place, NULL, -1)))
		goto fail;
	qsort(res->meetings, res->nmeetings, sizeof *res->meetings, meeting_cmp);
	triad__free(place);
	*out = res;
	return 0;
fail:
	triad__free(place);
	triad_conference_result_free(res);
	return rc == TRIAD_ENOMEM ? triad__nomem() : rc;
}

/* ---- JSON -------------------------------------------------------------- */

static int load_numbers(triad_jctx *j, json_t *root, const char *key,
                        const char *const *names, size_t n, int64_t *vals, long long min)
{
	json_t *obj = NULL;
	int rc = triad__j_object(j, root, key, false, &obj);
	if (rc || !obj)
		return rc;
	size_t m = triad__j_push_key(j, key);
	const char *allowed[32];
	for (size_t i = 1; i < n; i++)
		allowed[i - 1] = names[i];
	allowed[n - 1] = NULL;
	rc = triad__j_fields(j, obj, allowed);
	for (size_t i = 1; !rc && i < n; i++) {
		long long v = vals[i];
		rc = triad__j_int(j, obj, names[i], false, min, INT64_MAX, &v);
		vals[i] = v;
	}
	triad__j_pop(j, m);
	return rc;
}

static int load_result(triad_conference_result **out, const triad_conference *c, json_t *root,
                       const char *source)
{
	static const char *const fields[] = { "format", "settings", "meetings", "unscheduled",
		                              "metrics", "solver", NULL };
	static const char *const mfields[] = { "request", "session", "slot", "room", NULL };
	static const char *const ufields[] = { "request", "reason", "message", NULL };
	const char *snames[TRIAD_CONFERENCE_SETTING_COUNT + 1];
	triad_jctx j;
	triad__jctx_init(&j, source);
	triad_conference_result *res = triad__calloc(1, sizeof *res);
	bool *seen = triad__calloc(c->nrequests + 1, sizeof *seen);
	int rc;
	json_t *meetings, *unsched = NULL;
	if (!res || !seen) {
		rc = triad__nomem();
		goto fail;
	}
	snames[0] = NULL;
	for (int i = 1; i <= TRIAD_CONFERENCE_SETTING_COUNT; i++)
		snames[i] = triad__cf_setting_name(i);
	memcpy(res->settings, c->settings, sizeof res->settings);
	res->metrics.v[TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND] = -1;
	if ((rc = triad__j_check_format(&j, root, "triad.conference-result",
	                                TRIAD_CONFERENCE_RESULT_FORMAT_VERSION, NULL)) ||
	    (rc = triad__j_fields(&j, root, fields)) ||
	    (rc = load_numbers(&j, root, "settings", snames, TRIAD_ARRAY_LEN(snames), res->settings, 0)) ||
	    (rc = load_numbers(&j, root, "metrics", metric_names, TRIAD_ARRAY_LEN(metric_names),
	                       res->metrics.v, -1)) ||
	    (rc = load_numbers(&j, root, "solver", stat_names, TRIAD_ARRAY_LEN(stat_names),
	                       res->stats, 0)) ||
	    (rc = triad__j_array(&j, root, "meetings", true, &meetings)) ||
	    (rc = triad__j_array(&j, root, "unscheduled", false, &unsched)))
		goto fail;
	for (int i = 1; i <= TRIAD_CONFERENCE_SETTING_COUNT; i++)
		if ((rc = triad__cf_setting_check(i, res->settings[i]))) {
			rc = triad__err_at(TRIAD_EFORMAT, source, 0, 0, "settings", "%s%sat settings: %s",
			                   source ? source : "", source ? ": " : "",
			                   triad_error_last()->message);
			goto fail;
		}
	size_t n = json_array_size(meetings);
	res->meetings = triad__calloc(n ? n : 1, sizeof *res->meetings);
	if (!res->meetings) {
		rc = triad__nomem();
		goto fail;
	}
	size_t m = triad__j_push_key(&j, "meetings");
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(meetings, i);
		size_t mi = triad__j_push_index(&j, i);
		const char *rid = NULL, *sid = NULL, *room = NULL;
		long long slot;
		if ((rc = triad__j_fields(&j, o, mfields)) ||
		    (rc = triad__j_string(&j, o, "request", true, &rid)) ||
		    (rc = triad__j_string(&j, o, "session", true, &sid)) ||
		    (rc = triad__j_int(&j, o, "slot", true, 0, CF_MAX_SLOTS, &slot)) ||
		    (rc = triad__j_string(&j, o, "room", false, &room)))
			goto fail;
		int32_t r = triad__cf_index_find(c->idx_request, c->nrequests, rid);
		int32_t s = triad__cf_index_find(c->idx_session, c->nsessions, sid);
		if (r < 0 || s < 0) {
			rc = triad__j_fail_key(&j, r < 0 ? "request" : "session", TRIAD_EFORMAT,
			                       "the instance has no %s \"%s\"",
			                       r < 0 ? "request" : "session", r < 0 ? rid : sid);
			goto fail;
		}
		rc = meeting_fill(&res->meetings[res->nmeetings], c, (size_t)r, (size_t)s,
		                  (int32_t)slot, room);
		res->nmeetings++;
		if (rc)
			goto fail;
		seen[r] = true;
		triad__j_pop(&j, mi);
	}
	triad__j_pop(&j, m);
	size_t ucap = 0, nu = unsched ? json_array_size(unsched) : 0;
	m = triad__j_push_key(&j, "unscheduled");
	for (size_t i = 0; i < nu; i++) {
		json_t *o = json_array_get(unsched, i);
		size_t mi = triad__j_push_index(&j, i);
		const char *rid = NULL, *msg = NULL;
		int reason = 0;
		if ((rc = triad__j_fields(&j, o, ufields)) ||
		    (rc = triad__j_string(&j, o, "request", true, &rid)) ||
		    (rc = triad__j_enum(&j, o, "reason", true, reason_names + 1, 1, &reason)) ||
		    (rc = triad__j_string(&j, o, "message", false, &msg)))
			goto fail;
		int32_t r = triad__cf_index_find(c->idx_request, c->nrequests, rid);
		if (r < 0) {
			rc = triad__j_fail_key(&j, "request", TRIAD_EFORMAT,
			                       "the instance has no request \"%s\"", rid);
			goto fail;
		}
		if (seen[r]) {
			rc = triad__j_fail_key(&j, "request", TRIAD_EFORMAT,
			                       "request \"%s\" is listed twice (meeting or unscheduled)", rid);
			goto fail;
		}
		seen[r] = true;
		if ((rc = unsched_add(res, &ucap, rid, reason, msg)))
			goto fail;
		triad__j_pop(&j, mi);
	}
	triad__j_pop(&j, m);
	/* Requests the document does not mention are unscheduled too. */
	for (size_t r = 0; r < c->nrequests; r++)
		if (!seen[r] && (rc = unsched_add(res, &ucap, c->requests[r].id,
		                                  TRIAD_CONFERENCE_REASON_NOT_PLACED, NULL)))
			goto fail;
	qsort(res->meetings, res->nmeetings, sizeof *res->meetings, meeting_cmp);
	triad__free(seen);
	*out = res;
	return 0;
fail:
	triad__free(seen);
	triad_conference_result_free(res);
	return rc == TRIAD_ENOMEM ? triad__nomem() : rc;
}

/* The instance the result belongs to comes as the reader's argument. */
static int read_cb(void *out, json_t *root, const char *source, const void *conf)
{
	return load_result(out, conf, root, source);
}

TRIAD_API int triad_conference_result_load_json(triad_conference_result **out,
                                                const triad_conference *conf,
                                                const char *text, size_t len,
                                                const char *source)
{
	if (!out || !conf || !text)
		return triad__err(TRIAD_EINVAL, "the output, the instance and the text must not be NULL");
	return triad__j_load(out, read_cb, conf, text, len, source);
}

TRIAD_API int triad_conference_result_load_file(triad_conference_result **out,
                                                const triad_conference *conf,
                                                const char *filename)
{
	if (!out || !conf || !filename)
		return triad__err(TRIAD_EINVAL, "the output, the instance and the file name must not be NULL");
	return triad__j_load_file(out, read_cb, conf, filename);
}

static json_t *numbers_json(const char *const *names, size_t n, const int64_t *vals)
{
	json_t *o = json_object();
	for (size_t i = 1; o && i < n; i++)
		if (triad__j_set(o, names[i], json_integer(vals[i]))) {
			json_decref(o);
			return NULL;
		}
	return o;
}

static json_t *result_json(const triad_conference_result *res)
{
	json_t *root = json_object(), *ms = json_array(), *us = json_array();
	if (!root || !ms || !us)
		goto fail;
	for (size_t i = 0; i < res->nmeetings; i++) {
		const cf_meeting *m = &res->meetings[i];
		if (triad__j_append(ms, json_pack("{sssssiss}", "request", m->request, "session",
		                                  m->session, "slot", (int)m->slot, "room", m->room)))
			goto fail;
	}
	for (size_t i = 0; i < res->nunsched; i++) {
		const cf_unsched *u = &res->unsched[i];
		if (triad__j_append(us, json_pack("{ssssss}", "request", u->request, "reason",
		                                  reason_names[u->reason], "message", u->message)))
			goto fail;
	}
	/* Hand each array over on its own: triad__j_set consumes its value
	 * even when it fails, and an array not yet handed over must still be
	 * freed at fail (a failure before "meetings" used to lose both). */
	if (triad__j_set(root, "format", json_string("triad.conference-result/1")) ||
	    triad__j_set(root, "settings", triad__cf_settings_json(res->settings)))
		goto fail;
	json_t *v = ms;
	ms = NULL;
	if (triad__j_set(root, "meetings", v))
		goto fail;
	v = us;
	us = NULL;
	if (triad__j_set(root, "unscheduled", v) ||
	    triad__j_set(root, "metrics", numbers_json(metric_names, TRIAD_ARRAY_LEN(metric_names),
	                                               res->metrics.v)) ||
	    triad__j_set(root, "solver", numbers_json(stat_names, TRIAD_ARRAY_LEN(stat_names),
	                                              res->stats)))
		goto fail;
	return root;
fail:
	json_decref(ms);
	json_decref(us);
	json_decref(root);
	return NULL;
}

TRIAD_API int triad_conference_result_save_json(char **out, const triad_conference_result *result)
{
	if (!out || !result)
		return triad__err(TRIAD_EINVAL, "the output and the result must not be NULL");
	json_t *root = result_json(result);
	if (!root)
		return triad__nomem();
	char *text = triad__j_dump(root);
	json_decref(root);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}

TRIAD_API int triad_conference_result_save_file(const triad_conference_result *result,
                                                const char *filename)
{
	if (!result || !filename)
		return triad__err(TRIAD_EINVAL, "the result and the file name must not be NULL");
	char *text;
	int rc = triad_conference_result_save_json(&text, result);
	if (rc)
		return rc;
	rc = triad__write_file(filename, text, strlen(text));
	triad__free(text);
	return rc;
}

/* ---- getters ----------------------------------------------------------- */

TRIAD_API int triad_conference_result_metric(int64_t *out, const triad_conference_result *res,
                                             triad_conference_metric metric)
{
	if (!out || !res)
		return triad__err(TRIAD_EINVAL, "the output and the result must not be NULL");
	if (metric < 1 || metric > TRIAD_CONFERENCE_METRIC_TOTAL_WEIGHT)
		return triad__err(TRIAD_EINVAL, "%d is not a conference metric", (int)metric);
	*out = res->metrics.v[metric];
	return 0;
}

TRIAD_API int triad_conference_result_stat(int64_t *out, const triad_conference_result *res,
                                           triad_conference_stat stat)
{
	if (!out || !res)
		return triad__err(TRIAD_EINVAL, "the output and the result must not be NULL");
	if (stat < 1 || stat > TRIAD_CONFERENCE_STAT_PROVEN_OPTIMAL)
		return triad__err(TRIAD_EINVAL, "%d is not a solver statistic", (int)stat);
	*out = res->stats[stat];
	return 0;
}

TRIAD_API int triad_conference_result_setting(int64_t *out, const triad_conference_result *res,
                                              triad_conference_setting setting)
{
	if (!out || !res)
		return triad__err(TRIAD_EINVAL, "the output and the result must not be NULL");
	if (!triad__cf_setting_name((int)setting))
		return triad__err(TRIAD_EINVAL, "%d is not a conference setting", (int)setting);
	*out = res->settings[setting];
	return 0;
}

static const cf_meeting *mt(const triad_conference_result *res, size_t i)
{
	if (!res || i >= res->nmeetings) {
		triad__err(TRIAD_EINVAL, "meeting index %zu is out of range", i);
		return NULL;
	}
	return &res->meetings[i];
}

TRIAD_API size_t triad_conference_result_meeting_count(const triad_conference_result *res)
{
	return res ? res->nmeetings : 0;
}
TRIAD_API const char *triad_conference_result_meeting_request(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? m->request : NULL;
}
TRIAD_API const char *triad_conference_result_meeting_household(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? m->household : NULL;
}
TRIAD_API const char *triad_conference_result_meeting_session(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? m->session : NULL;
}
TRIAD_API const char *triad_conference_result_meeting_room(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? m->room : NULL;
}
TRIAD_API int32_t triad_conference_result_meeting_slot(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? m->slot : -1;
}
TRIAD_API int32_t triad_conference_result_meeting_slots(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? m->slots : -1;
}
TRIAD_API size_t triad_conference_result_meeting_teacher_count(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? m->nteachers : 0;
}
TRIAD_API const char *triad_conference_result_meeting_teacher(const triad_conference_result *res,
                                                             size_t i, size_t k)
{
	const cf_meeting *m = mt(res, i);
	if (!m)
		return NULL;
	if (k >= m->nteachers) {
		triad__err(TRIAD_EINVAL, "teacher index %zu is out of range", k);
		return NULL;
	}
	return m->teachers[k];
}
TRIAD_API int triad_conference_result_meeting_pinned(const triad_conference_result *res, size_t i)
{
	const cf_meeting *m = mt(res, i);
	return m ? (m->pinned ? 1 : 0) : -1;
}

static const cf_unsched *un(const triad_conference_result *res, size_t i)
{
	if (!res || i >= res->nunsched) {
		triad__err(TRIAD_EINVAL, "unscheduled index %zu is out of range", i);
		return NULL;
	}
	return &res->unsched[i];
}

TRIAD_API size_t triad_conference_result_unscheduled_count(const triad_conference_result *res)
{
	return res ? res->nunsched : 0;
}
TRIAD_API const char *triad_conference_result_unscheduled_request(const triad_conference_result *res, size_t i)
{
	const cf_unsched *u = un(res, i);
	return u ? u->request : NULL;
}
TRIAD_API triad_conference_reason triad_conference_result_unscheduled_reason(const triad_conference_result *res, size_t i)
{
	const cf_unsched *u = un(res, i);
	return u ? (triad_conference_reason)u->reason : TRIAD_CONFERENCE_REASON_NONE;
}
TRIAD_API const char *triad_conference_result_unscheduled_message(const triad_conference_result *res, size_t i)
{
	const cf_unsched *u = un(res, i);
	return u ? u->message : NULL;
}

static int view(size_t *out, size_t cap, const triad_conference_result *res, const char *id,
                bool teacher)
{
	if (!res || (!out && cap))
		return triad__err(TRIAD_EINVAL, "the result must not be NULL, nor the output when "
		                                "its capacity is not 0");
	if (triad__check_text(id, teacher ? "the teacher id" : "the household id", true))
		return TRIAD_EINVAL;
	size_t n = 0;
	for (size_t i = 0; i < res->nmeetings; i++) {
		const cf_meeting *m = &res->meetings[i];
		bool hit = false;
		if (teacher) {
			for (size_t k = 0; k < m->nteachers && !hit; k++)
				hit = strcmp(m->teachers[k], id) == 0;
		} else {
			hit = strcmp(m->household, id) == 0;
		}
		if (!hit)
			continue;
		if (n < cap)
			out[n] = i;
		n++;
	}
	if (n > INT32_MAX)
		return triad__err(TRIAD_ERANGE, "too many meetings");
	return (int)n;
}

TRIAD_API int triad_conference_result_teacher_meetings(size_t *out, size_t cap,
                                                       const triad_conference_result *result,
                                                       const char *teacher_id)
{
	return view(out, cap, result, teacher_id, true);
}

TRIAD_API int triad_conference_result_household_meetings(size_t *out, size_t cap,
                                                         const triad_conference_result *result,
                                                         const char *household_id)
{
	return view(out, cap, result, household_id, false);
}
