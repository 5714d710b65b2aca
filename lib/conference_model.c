/* The conference instance: settings, derived tables, id lookups, getters, pins. */
#include <stdlib.h>
#include <string.h>

#include "conference_private.h"

/* ---- settings ---------------------------------------------------------- */

static const char *const setting_names[TRIAD_CONFERENCE_SETTING_COUNT + 1] = {
	NULL,
	"weight_unscheduled",
	"weight_extra_session",
	"weight_wait",
	"weight_idle",
	"weight_preference",
	"move_penalty",
	"priority_invited",
	"priority_required",
	"priority_optional",
	"teacher_max_meetings",
	"teacher_break_after",
	"household_max_sessions",
	"household_max_wait",
	"walking_gap",
};

void triad__cf_default_settings(int64_t *s)
{
	static const int64_t def[TRIAD_CONFERENCE_SETTING_COUNT + 1] = {
		0, 1000000, 10000, 100, 1, 1, 20000, 4, 2, 1, 0, 0, 0, 0, 0,
	};
	memcpy(s, def, sizeof def);
}

const char *triad__cf_setting_name(int setting)
{
	if (setting < 1 || setting > TRIAD_CONFERENCE_SETTING_COUNT)
		return NULL;
	return setting_names[setting];
}

/* Upper limit of a setting's value (all are >= 0). */
static int64_t setting_max(int setting)
{
	if (setting <= TRIAD_CONFERENCE_SETTING_MOVE_PENALTY)
		return 1000000000;
	if (setting <= TRIAD_CONFERENCE_SETTING_PRIORITY_OPTIONAL)
		return 1000000;
	return 10000;
}

int triad__cf_setting_check(int setting, int64_t value)
{
	if (value < 0 || value > setting_max(setting))
		return triad__err(TRIAD_ERANGE, "the setting \"%s\" must lie in 0..%lld, got %lld",
		                  setting_names[setting], (long long)setting_max(setting),
		                  (long long)value);
	return 0;
}

TRIAD_API const char *triad_conference_setting_id(triad_conference_setting setting)
{
	const char *n = triad__cf_setting_name((int)setting);
	if (!n)
		triad__err(TRIAD_EINVAL, "%d is not a conference setting", (int)setting);
	return n;
}

TRIAD_API int triad_conference_setting_get(int64_t *out, const triad_conference *conf,
                                           triad_conference_setting setting)
{
	if (!out || !conf)
		return triad__err(TRIAD_EINVAL, "the output and the instance must not be NULL");
	if (!triad__cf_setting_name((int)setting))
		return triad__err(TRIAD_EINVAL, "%d is not a conference setting", (int)setting);
	*out = conf->settings[setting];
	return 0;
}

TRIAD_API int triad_conference_setting_set(triad_conference *conf,
                                           triad_conference_setting setting, int64_t value)
{
	if (!conf)
		return triad__err(TRIAD_EINVAL, "the instance must not be NULL");
	if (!triad__cf_setting_name((int)setting))
		return triad__err(TRIAD_EINVAL, "%d is not a conference setting", (int)setting);
	int rc = triad__cf_setting_check((int)setting, value);
	if (rc)
		return rc;
	conf->settings[setting] = value;
	return 0;
}

int64_t triad__cf_priority_weight(const int64_t *s, int priority)
{
	switch (priority) {
	case TRIAD_CONFERENCE_PRIORITY_INVITED: return s[TRIAD_CONFERENCE_SETTING_PRIORITY_INVITED];
	case TRIAD_CONFERENCE_PRIORITY_REQUIRED: return s[TRIAD_CONFERENCE_SETTING_PRIORITY_REQUIRED];
	case TRIAD_CONFERENCE_PRIORITY_OPTIONAL: return s[TRIAD_CONFERENCE_SETTING_PRIORITY_OPTIONAL];
	}
	return 0;
}

int32_t triad__cf_teacher_cap(const triad_conference *c, size_t t, size_t s)
{
	int32_t own = c->teachers[t].sess[s].max_meetings;
	return own >= 0 ? own : (int32_t)c->settings[TRIAD_CONFERENCE_SETTING_TEACHER_MAX_MEETINGS];
}

int32_t triad__cf_break_after(const triad_conference *c, size_t t)
{
	int32_t own = c->teachers[t].break_after;
	return own >= 0 ? own : (int32_t)c->settings[TRIAD_CONFERENCE_SETTING_TEACHER_BREAK_AFTER];
}

int32_t triad__cf_max_sessions(const triad_conference *c, size_t h)
{
	int32_t own = c->households[h].max_sessions;
	return own >= 0 ? own : (int32_t)c->settings[TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_SESSIONS];
}

int32_t triad__cf_max_wait(const triad_conference *c, size_t h)
{
	int32_t own = c->households[h].max_wait;
	return own >= 0 ? own : (int32_t)c->settings[TRIAD_CONFERENCE_SETTING_HOUSEHOLD_MAX_WAIT];
}

int32_t triad__cf_request_room(const triad_conference *c, size_t r, size_t s)
{
	const cf_tsess *ts = &c->teachers[c->requests[r].teachers[0]].sess[s];
	return ts->present ? ts->room : -1;
}

bool triad__cf_fits(const triad_conference *c, size_t r, size_t s, int32_t p)
{
	const cf_request *rq = &c->requests[r];
	const cf_session *se = &c->sessions[s];
	if (p < 0 || p + rq->slots > se->slots)
		return false;
	size_t G = (size_t)c->total_slots;
	const uint8_t *ha = c->havail + (size_t)rq->household * G + (size_t)se->offset;
	for (int32_t k = p; k < p + rq->slots; k++)
		if (!ha[k])
			return false;
	for (size_t i = 0; i < rq->nteachers; i++) {
		const uint8_t *ta = c->tavail + (size_t)rq->teachers[i] * G + (size_t)se->offset;
		for (int32_t k = p; k < p + rq->slots; k++)
			if (!ta[k])
				return false;
	}
	return true;
}

/* ---- id indexes -------------------------------------------------------- */

static int index_cmp(const void *a, const void *b)
{
	const cf_index *x = a, *y = b;
	int d = strcmp(x->id, y->id);
	return d ? d : (x->pos > y->pos) - (x->pos < y->pos);
}

cf_index *triad__cf_index_build(const void *items, size_t n, size_t stride,
                                size_t id_offset, int32_t *dup)
{
	cf_index *idx = triad__reallocarray(NULL, n ? n : 1, sizeof *idx);
	if (!idx) {
		triad__nomem();
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const char *base = (const char *)items + i * stride;
		memcpy(&idx[i].id, base + id_offset, sizeof(char *));
		idx[i].pos = (int32_t)i;
	}
	qsort(idx, n, sizeof *idx, index_cmp);
	if (dup) {
		*dup = -1;
		for (size_t i = 1; i < n; i++)
			if (strcmp(idx[i - 1].id, idx[i].id) == 0 &&
			    (*dup < 0 || idx[i].pos < *dup))
				*dup = idx[i].pos;
	}
	return idx;
}

int32_t triad__cf_index_find(const cf_index *idx, size_t n, const char *id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(idx[mid].id, id);
		if (d == 0)
			return idx[mid].pos;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---- derived tables ---------------------------------------------------- */

static void mark_ranges(uint8_t *row, const cf_range *rg, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		for (int32_t k = rg[i].from; k < rg[i].to; k++)
			row[k] = v;
}

int triad__cf_finish(triad_conference *c)
{
	int32_t total = 0;
	for (size_t s = 0; s < c->nsessions; s++) {
		cf_session *se = &c->sessions[s];
		se->offset = total;
		total += se->slots;
		se->is_break = triad__calloc((size_t)se->slots, 1);
		se->break_pre = triad__calloc((size_t)se->slots + 1, sizeof(int32_t));
		if (!se->is_break || !se->break_pre)
			return triad__nomem();
		mark_ranges(se->is_break, se->breaks, se->nbreaks, 1);
		for (int32_t k = 0; k < se->slots; k++)
			se->break_pre[k + 1] = se->break_pre[k] + se->is_break[k];
	}
	c->total_slots = total;
	c->max_len = 1;
	for (size_t r = 0; r < c->nrequests; r++)
		if (c->requests[r].slots > c->max_len)
			c->max_len = c->requests[r].slots;
	size_t G = (size_t)total;
	c->tavail = triad__calloc(c->nteachers * G + 1, 1);
	c->havail = triad__calloc(c->nhouseholds * G + 1, 1);
	if (!c->tavail || !c->havail)
		return triad__nomem();
	for (size_t t = 0; t < c->nteachers; t++)
		for (size_t s = 0; s < c->nsessions; s++) {
			const cf_tsess *ts = &c->teachers[t].sess[s];
			const cf_session *se = &c->sessions[s];
			uint8_t *row = c->tavail + t * G + (size_t)se->offset;
			if (!ts->present)
				continue;
			if (ts->avail_given)
				mark_ranges(row, ts->avail, ts->navail, 1);
			else
				memset(row, 1, (size_t)se->slots);
			for (int32_t k = 0; k < se->slots; k++)
				if (se->is_break[k])
					row[k] = 0;
		}
	for (size_t h = 0; h < c->nhouseholds; h++)
		for (size_t s = 0; s < c->nsessions; s++) {
			const cf_household *hh = &c->households[h];
			const cf_hsess *hs = &hh->sess[s];
			const cf_session *se = &c->sessions[s];
			uint8_t *row = c->havail + h * G + (size_t)se->offset;
			if (hh->sessions_given && !hs->present)
				continue;
			if (hs->avail_given)
				mark_ranges(row, hs->avail, hs->navail, 1);
			else
				memset(row, 1, (size_t)se->slots);
			for (int32_t k = 0; k < se->slots; k++)
				if (se->is_break[k])
					row[k] = 0;
		}
	/* The loader builds the indexes as it goes (to report duplicates); build
	 * whatever is still missing. */
#define BUILD(field, arr, n, type)                                                         \
	if (!c->field) {                                                                   \
		c->field = triad__cf_index_build(c->arr, c->n, sizeof(type), offsetof(type, id), \
		                                 NULL);                                    \
		if (!c->field)                                                     \
			return TRIAD_ENOMEM;                                       \
	}
	BUILD(idx_session, sessions, nsessions, cf_session)
	BUILD(idx_room, rooms, nrooms, cf_room)
	BUILD(idx_teacher, teachers, nteachers, cf_teacher)
	BUILD(idx_household, households, nhouseholds, cf_household)
	BUILD(idx_request, requests, nrequests, cf_request)
#undef BUILD
	return 0;
}

void triad__cf_free_parts(triad_conference *c)
{
	for (size_t s = 0; s < c->nsessions; s++) {
		triad__free(c->sessions[s].id);
		triad__free(c->sessions[s].breaks);
		triad__free(c->sessions[s].is_break);
		triad__free(c->sessions[s].break_pre);
	}
	triad__free(c->sessions);
	for (size_t i = 0; i < c->nrooms; i++) {
		triad__free(c->rooms[i].id);
		triad__free(c->rooms[i].name);
	}
	triad__free(c->rooms);
	for (size_t t = 0; t < c->nteachers; t++) {
		cf_teacher *te = &c->teachers[t];
		triad__free(te->id);
		triad__free(te->name);
		if (te->sess)
			for (size_t s = 0; s < c->nsessions; s++)
				triad__free(te->sess[s].avail);
		triad__free(te->sess);
	}
	triad__free(c->teachers);
	for (size_t h = 0; h < c->nhouseholds; h++) {
		cf_household *hh = &c->households[h];
		triad__free(hh->id);
		triad__free(hh->name);
		for (size_t k = 0; k < hh->nstudents; k++)
			triad__free(hh->students[k]);
		triad__free(hh->students);
		if (hh->sess)
			for (size_t s = 0; s < c->nsessions; s++)
				triad__free(hh->sess[s].avail);
		triad__free(hh->sess);
	}
	triad__free(c->households);
	for (size_t r = 0; r < c->nrequests; r++) {
		triad__free(c->requests[r].id);
		triad__free(c->requests[r].teachers);
		triad__free(c->requests[r].students);
	}
	triad__free(c->requests);
	triad__free(c->tavail);
	triad__free(c->havail);
	triad__free(c->idx_session);
	triad__free(c->idx_room);
	triad__free(c->idx_teacher);
	triad__free(c->idx_household);
	triad__free(c->idx_request);
	memset(c, 0, sizeof *c);
}

TRIAD_API void triad_conference_free(triad_conference *conf)
{
	if (!conf)
		return;
	triad__cf_free_parts(conf);
	triad__free(conf);
}

/* ---- pins -------------------------------------------------------------- */

static int find_request(int32_t *r, const triad_conference *c, const char *id)
{
	if (triad__check_text(id, "the request id", true))
		return TRIAD_EINVAL;
	*r = triad__cf_index_find(c->idx_request, c->nrequests, id);
	if (*r < 0)
		return triad__err(TRIAD_ENOTFOUND, "there is no request \"%s\"", id);
	return 0;
}

TRIAD_API int triad_conference_pin(triad_conference *conf, const char *request_id,
                                   const char *session_id, int32_t slot)
{
	if (!conf)
		return triad__err(TRIAD_EINVAL, "the instance must not be NULL");
	int32_t r;
	int rc = find_request(&r, conf, request_id);
	if (rc)
		return rc;
	if (triad__check_text(session_id, "the session id", true))
		return TRIAD_EINVAL;
	int32_t s = triad__cf_index_find(conf->idx_session, conf->nsessions, session_id);
	if (s < 0)
		return triad__err(TRIAD_ENOTFOUND, "there is no session \"%s\"", session_id);
	cf_request *rq = &conf->requests[r];
	if (slot < 0 || slot + rq->slots > conf->sessions[s].slots)
		return triad__err(TRIAD_ERANGE,
		                  "request \"%s\" (%d slots) cannot start at slot %d of session "
		                  "\"%s\", which has slots 0..%d",
		                  request_id, (int)rq->slots, (int)slot, session_id,
		                  (int)conf->sessions[s].slots - 1);
	rq->pin_session = s;
	rq->pin_slot = slot;
	return 0;
}

TRIAD_API int triad_conference_unpin(triad_conference *conf, const char *request_id)
{
	if (!conf)
		return triad__err(TRIAD_EINVAL, "the instance must not be NULL");
	int32_t r;
	int rc = find_request(&r, conf, request_id);
	if (rc)
		return rc;
	conf->requests[r].pin_session = -1;
	conf->requests[r].pin_slot = 0;
	return 0;
}

TRIAD_API int triad_conference_pin_result(triad_conference *conf,
                                          const triad_conference_result *result)
{
	if (!conf || !result)
		return triad__err(TRIAD_EINVAL, "the instance and the result must not be NULL");
	/* Check everything first: all or nothing. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < result->nmeetings; i++) {
			const cf_meeting *m = &result->meetings[i];
			int32_t r = triad__cf_index_find(conf->idx_request, conf->nrequests, m->request);
			int32_t s = triad__cf_index_find(conf->idx_session, conf->nsessions, m->session);
			if (r < 0 || s < 0)
				continue;
			cf_request *rq = &conf->requests[r];
			if (pass == 0 && (m->slot < 0 || m->slot + rq->slots > conf->sessions[s].slots))
				return triad__err(TRIAD_ERANGE,
				                  "the meeting of request \"%s\" at slot %d does not fit "
				                  "session \"%s\"", m->request, (int)m->slot, m->session);
			if (pass == 1) {
				rq->pin_session = s;
				rq->pin_slot = m->slot;
			}
		}
	return 0;
}

/* ---- getters ----------------------------------------------------------- */

static bool bad(const triad_conference *c, size_t i, size_t n, const char *what)
{
	if (!c) {
		triad__err(TRIAD_EINVAL, "the instance must not be NULL");
		return true;
	}
	if (i >= n) {
		triad__err(TRIAD_EINVAL, "%s index %zu is out of range (there are %zu)", what, i, n);
		return true;
	}
	return false;
}

#define N(field) (conf ? conf->field : 0)

static int index_of(size_t *out, const cf_index *idx, size_t n, const char *id,
                    const char *what)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output must not be NULL");
	if (triad__check_text(id, "the id", true))
		return TRIAD_EINVAL;
	int32_t p = triad__cf_index_find(idx, n, id);
	if (p < 0)
		return triad__err(TRIAD_ENOTFOUND, "there is no %s \"%s\"", what, id);
	*out = (size_t)p;
	return 0;
}

TRIAD_API size_t triad_conference_session_count(const triad_conference *conf) { return N(nsessions); }
TRIAD_API int triad_conference_session_index(size_t *out, const triad_conference *conf, const char *id)
{
	if (!conf)
		return triad__err(TRIAD_EINVAL, "the instance must not be NULL");
	return index_of(out, conf->idx_session, conf->nsessions, id, "session");
}
TRIAD_API const char *triad_conference_session_id(const triad_conference *conf, size_t s)
{
	return bad(conf, s, N(nsessions), "session") ? NULL : conf->sessions[s].id;
}
TRIAD_API int triad_conference_session_date(triad_date *out, const triad_conference *conf, size_t s)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output must not be NULL");
	if (bad(conf, s, N(nsessions), "session"))
		return TRIAD_EINVAL;
	*out = conf->sessions[s].date;
	return 0;
}
TRIAD_API int32_t triad_conference_session_start(const triad_conference *conf, size_t s)
{
	return bad(conf, s, N(nsessions), "session") ? -1 : conf->sessions[s].start;
}
TRIAD_API int32_t triad_conference_session_slot_minutes(const triad_conference *conf, size_t s)
{
	return bad(conf, s, N(nsessions), "session") ? -1 : conf->sessions[s].slot_minutes;
}
TRIAD_API int32_t triad_conference_session_gap_minutes(const triad_conference *conf, size_t s)
{
	return bad(conf, s, N(nsessions), "session") ? -1 : conf->sessions[s].gap_minutes;
}
TRIAD_API int32_t triad_conference_session_slots(const triad_conference *conf, size_t s)
{
	return bad(conf, s, N(nsessions), "session") ? -1 : conf->sessions[s].slots;
}
TRIAD_API int32_t triad_conference_slot_start(const triad_conference *conf, size_t s, int32_t slot)
{
	if (bad(conf, s, N(nsessions), "session"))
		return -1;
	const cf_session *se = &conf->sessions[s];
	if (slot < 0 || slot > se->slots) {
		triad__err(TRIAD_EINVAL, "slot %d is outside session \"%s\" (0..%d)", (int)slot,
		           se->id, (int)se->slots);
		return -1;
	}
	return se->start + slot * (se->slot_minutes + se->gap_minutes);
}
TRIAD_API size_t triad_conference_session_break_count(const triad_conference *conf, size_t s)
{
	return bad(conf, s, N(nsessions), "session") ? 0 : conf->sessions[s].nbreaks;
}
TRIAD_API int triad_conference_session_break(int32_t *from, int32_t *to, const triad_conference *conf,
                                             size_t s, size_t index)
{
	if (!from || !to)
		return triad__err(TRIAD_EINVAL, "the outputs must not be NULL");
	if (bad(conf, s, N(nsessions), "session") ||
	    bad(conf, index, conf->sessions[s].nbreaks, "break"))
		return TRIAD_EINVAL;
	*from = conf->sessions[s].breaks[index].from;
	*to = conf->sessions[s].breaks[index].to;
	return 0;
}

TRIAD_API size_t triad_conference_room_count(const triad_conference *conf) { return N(nrooms); }
TRIAD_API const char *triad_conference_room_id(const triad_conference *conf, size_t i)
{
	return bad(conf, i, N(nrooms), "room") ? NULL : conf->rooms[i].id;
}
TRIAD_API const char *triad_conference_room_name(const triad_conference *conf, size_t i)
{
	return bad(conf, i, N(nrooms), "room") ? NULL : conf->rooms[i].name;
}

TRIAD_API size_t triad_conference_teacher_count(const triad_conference *conf) { return N(nteachers); }
TRIAD_API int triad_conference_teacher_index(size_t *out, const triad_conference *conf, const char *id)
{
	if (!conf)
		return triad__err(TRIAD_EINVAL, "the instance must not be NULL");
	return index_of(out, conf->idx_teacher, conf->nteachers, id, "teacher");
}
TRIAD_API const char *triad_conference_teacher_id(const triad_conference *conf, size_t t)
{
	return bad(conf, t, N(nteachers), "teacher") ? NULL : conf->teachers[t].id;
}
TRIAD_API const char *triad_conference_teacher_name(const triad_conference *conf, size_t t)
{
	return bad(conf, t, N(nteachers), "teacher") ? NULL : conf->teachers[t].name;
}
TRIAD_API int triad_conference_teacher_present(const triad_conference *conf, size_t t, size_t s)
{
	if (bad(conf, t, N(nteachers), "teacher") || bad(conf, s, conf->nsessions, "session"))
		return -1;
	return conf->teachers[t].sess[s].present ? 1 : 0;
}
TRIAD_API const char *triad_conference_teacher_room(const triad_conference *conf, size_t t, size_t s)
{
	if (bad(conf, t, N(nteachers), "teacher") || bad(conf, s, conf->nsessions, "session"))
		return NULL;
	const cf_tsess *ts = &conf->teachers[t].sess[s];
	return ts->present ? conf->rooms[ts->room].id : NULL;
}
TRIAD_API int32_t triad_conference_teacher_max_meetings(const triad_conference *conf, size_t t, size_t s)
{
	if (bad(conf, t, N(nteachers), "teacher") || bad(conf, s, conf->nsessions, "session"))
		return -1;
	return triad__cf_teacher_cap(conf, t, s);
}
TRIAD_API int32_t triad_conference_teacher_break_after(const triad_conference *conf, size_t t)
{
	return bad(conf, t, N(nteachers), "teacher") ? -1 : triad__cf_break_after(conf, t);
}

TRIAD_API size_t triad_conference_household_count(const triad_conference *conf) { return N(nhouseholds); }
TRIAD_API int triad_conference_household_index(size_t *out, const triad_conference *conf, const char *id)
{
	if (!conf)
		return triad__err(TRIAD_EINVAL, "the instance must not be NULL");
	return index_of(out, conf->idx_household, conf->nhouseholds, id, "household");
}
TRIAD_API const char *triad_conference_household_id(const triad_conference *conf, size_t h)
{
	return bad(conf, h, N(nhouseholds), "household") ? NULL : conf->households[h].id;
}
TRIAD_API const char *triad_conference_household_name(const triad_conference *conf, size_t h)
{
	return bad(conf, h, N(nhouseholds), "household") ? NULL : conf->households[h].name;
}
TRIAD_API size_t triad_conference_household_student_count(const triad_conference *conf, size_t h)
{
	return bad(conf, h, N(nhouseholds), "household") ? 0 : conf->households[h].nstudents;
}
TRIAD_API const char *triad_conference_household_student(const triad_conference *conf, size_t h, size_t i)
{
	if (bad(conf, h, N(nhouseholds), "household") ||
	    bad(conf, i, conf->households[h].nstudents, "student"))
		return NULL;
	return conf->households[h].students[i];
}
TRIAD_API triad_conference_preference triad_conference_household_preference(const triad_conference *conf, size_t h)
{
	return bad(conf, h, N(nhouseholds), "household")
	               ? TRIAD_CONFERENCE_PREFER_NONE
	               : (triad_conference_preference)conf->households[h].preference;
}
TRIAD_API int32_t triad_conference_household_max_sessions(const triad_conference *conf, size_t h)
{
	return bad(conf, h, N(nhouseholds), "household") ? -1 : triad__cf_max_sessions(conf, h);
}
TRIAD_API int32_t triad_conference_household_max_wait(const triad_conference *conf, size_t h)
{
	return bad(conf, h, N(nhouseholds), "household") ? -1 : triad__cf_max_wait(conf, h);
}

TRIAD_API size_t triad_conference_request_count(const triad_conference *conf) { return N(nrequests); }
TRIAD_API int triad_conference_request_index(size_t *out, const triad_conference *conf, const char *id)
{
	if (!conf)
		return triad__err(TRIAD_EINVAL, "the instance must not be NULL");
	return index_of(out, conf->idx_request, conf->nrequests, id, "request");
}
TRIAD_API const char *triad_conference_request_id(const triad_conference *conf, size_t r)
{
	return bad(conf, r, N(nrequests), "request") ? NULL : conf->requests[r].id;
}
TRIAD_API int32_t triad_conference_request_household(const triad_conference *conf, size_t r)
{
	return bad(conf, r, N(nrequests), "request") ? -1 : conf->requests[r].household;
}
TRIAD_API size_t triad_conference_request_teacher_count(const triad_conference *conf, size_t r)
{
	return bad(conf, r, N(nrequests), "request") ? 0 : conf->requests[r].nteachers;
}
TRIAD_API int32_t triad_conference_request_teacher(const triad_conference *conf, size_t r, size_t i)
{
	if (bad(conf, r, N(nrequests), "request") ||
	    bad(conf, i, conf->requests[r].nteachers, "teacher"))
		return -1;
	return conf->requests[r].teachers[i];
}
TRIAD_API size_t triad_conference_request_student_count(const triad_conference *conf, size_t r)
{
	return bad(conf, r, N(nrequests), "request") ? 0 : conf->requests[r].nstudents;
}
TRIAD_API const char *triad_conference_request_student(const triad_conference *conf, size_t r, size_t i)
{
	if (bad(conf, r, N(nrequests), "request") ||
	    bad(conf, i, conf->requests[r].nstudents, "student"))
		return NULL;
	const cf_request *rq = &conf->requests[r];
	return conf->households[rq->household].students[rq->students[i]];
}
TRIAD_API int32_t triad_conference_request_slots(const triad_conference *conf, size_t r)
{
	return bad(conf, r, N(nrequests), "request") ? -1 : conf->requests[r].slots;
}
TRIAD_API triad_conference_priority triad_conference_request_priority(const triad_conference *conf, size_t r)
{
	return bad(conf, r, N(nrequests), "request")
	               ? TRIAD_CONFERENCE_PRIORITY_NONE
	               : (triad_conference_priority)conf->requests[r].priority;
}
TRIAD_API int triad_conference_request_pin(size_t *session, int32_t *slot,
                                           const triad_conference *conf, size_t r)
{
	if (!session || !slot)
		return triad__err(TRIAD_EINVAL, "the outputs must not be NULL");
	if (bad(conf, r, N(nrequests), "request"))
		return TRIAD_EINVAL;
	const cf_request *rq = &conf->requests[r];
	if (rq->pin_session < 0)
		return 0;
	*session = (size_t)rq->pin_session;
	*slot = rq->pin_slot;
	return 1;
}
