/*
 * The checker: every hard constraint of a schedule and every term of the
 * objective, recomputed from the instance and the meetings alone. It is
 * written independently of the solver (plain loops over sorted meeting
 * lists, no incremental state) so that it can catch the solver's mistakes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conference_private.h"

typedef struct cf_violation {
	int kind;
	char *message;
	const char *request, *other, *teacher, *household, *session; /* copies owned by the report (strings) */
} cf_violation;

struct triad_conference_report {
	cf_violation *items;
	size_t count, cap;
	cf_metrics metrics;
	char **strings; /* owned copies of the ids the violations point to */
	size_t nstrings, capstrings;
	int failed;
};

/* ---- metrics ----------------------------------------------------------- */

int64_t triad__cf_cost(const int64_t *s, const cf_metrics *m)
{
	return m->v[TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT] * s[TRIAD_CONFERENCE_SETTING_WEIGHT_UNSCHEDULED] +
	       m->v[TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS] * s[TRIAD_CONFERENCE_SETTING_WEIGHT_EXTRA_SESSION] +
	       m->v[TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS] * s[TRIAD_CONFERENCE_SETTING_WEIGHT_WAIT] +
	       m->v[TRIAD_CONFERENCE_METRIC_TEACHER_IDLE_SLOTS] * s[TRIAD_CONFERENCE_SETTING_WEIGHT_IDLE] +
	       m->v[TRIAD_CONFERENCE_METRIC_PREFERENCE_MISSES] * s[TRIAD_CONFERENCE_SETTING_WEIGHT_PREFERENCE] +
	       m->v[TRIAD_CONFERENCE_METRIC_MOVED_MEETINGS] * s[TRIAD_CONFERENCE_SETTING_MOVE_PENALTY];
}

/* Span bookkeeping of one person in one session. */
typedef struct span {
	int32_t first, last, busy; /* last = end of the latest meeting */
} span;

static void span_add(span *sp, int32_t from, int32_t to)
{
	if (sp->busy == 0 || from < sp->first)
		sp->first = from;
	if (sp->busy == 0 || to > sp->last)
		sp->last = to;
	sp->busy += to - from;
}

int triad__cf_metrics(cf_metrics *out, const triad_conference *c, const cf_place *place,
                      const cf_place *prev, int64_t bound)
{
	size_t S = c->nsessions;
	span *hs = triad__calloc(c->nhouseholds * S + 1, sizeof *hs);
	span *ts = triad__calloc(c->nteachers * S + 1, sizeof *ts);
	if (!hs || !ts) {
		triad__free(hs);
		triad__free(ts);
		return triad__nomem();
	}
	cf_metrics m;
	memset(&m, 0, sizeof m);
	for (size_t r = 0; r < c->nrequests; r++) {
		const cf_request *rq = &c->requests[r];
		int64_t w = triad__cf_priority_weight(c->settings, rq->priority);
		m.v[TRIAD_CONFERENCE_METRIC_TOTAL_WEIGHT] += w;
		if (prev && prev[r].session >= 0 &&
		    (prev[r].session != place[r].session || prev[r].slot != place[r].slot))
			m.v[TRIAD_CONFERENCE_METRIC_MOVED_MEETINGS]++;
		if (place[r].session < 0) {
			m.v[TRIAD_CONFERENCE_METRIC_UNSCHEDULED_WEIGHT] += w;
			continue;
		}
		m.v[TRIAD_CONFERENCE_METRIC_SCHEDULED_WEIGHT] += w;
		size_t s = (size_t)place[r].session;
		int32_t p = place[r].slot, slots = c->sessions[s].slots;
		span_add(&hs[(size_t)rq->household * S + s], p, p + rq->slots);
		for (size_t i = 0; i < rq->nteachers; i++)
			span_add(&ts[(size_t)rq->teachers[i] * S + s], p, p + rq->slots);
		int pref = c->households[rq->household].preference;
		bool early = p < (slots + 1) / 2;
		if ((pref == TRIAD_CONFERENCE_PREFER_EARLY && !early) ||
		    (pref == TRIAD_CONFERENCE_PREFER_LATE && early))
			m.v[TRIAD_CONFERENCE_METRIC_PREFERENCE_MISSES]++;
	}
	for (size_t h = 0; h < c->nhouseholds; h++) {
		int attended = 0;
		for (size_t s = 0; s < S; s++) {
			const span *sp = &hs[h * S + s];
			if (!sp->busy)
				continue;
			attended++;
			int32_t wait = sp->last - sp->first - sp->busy;
			m.v[TRIAD_CONFERENCE_METRIC_HOUSEHOLD_WAIT_SLOTS] += wait > 0 ? wait : 0;
		}
		if (attended > 1)
			m.v[TRIAD_CONFERENCE_METRIC_EXTRA_SESSIONS] += attended - 1;
	}
	for (size_t t = 0; t < c->nteachers; t++)
		for (size_t s = 0; s < S; s++) {
			const span *sp = &ts[t * S + s];
			if (!sp->busy)
				continue;
			const int32_t *bp = c->sessions[s].break_pre;
			int32_t idle = sp->last - sp->first - sp->busy - (bp[sp->last] - bp[sp->first]);
			m.v[TRIAD_CONFERENCE_METRIC_TEACHER_IDLE_SLOTS] += idle > 0 ? idle : 0;
		}
	m.v[TRIAD_CONFERENCE_METRIC_SCHEDULABLE_WEIGHT_BOUND] = bound;
	m.v[TRIAD_CONFERENCE_METRIC_COST] = triad__cf_cost(c->settings, &m);
	triad__free(hs);
	triad__free(ts);
	*out = m;
	return 0;
}

/* ---- the report -------------------------------------------------------- */

static const char *keep(triad_conference_report *rep, const char *s)
{
	if (!s || rep->failed)
		return NULL;
	if (TRIAD_GROW(rep->strings, rep->capstrings, rep->nstrings + 1)) {
		rep->failed = 1;
		return NULL;
	}
	char *copy = triad__strdup(s);
	if (!copy) {
		rep->failed = 1;
		return NULL;
	}
	rep->strings[rep->nstrings++] = copy;
	return copy;
}

static void add(triad_conference_report *rep, int kind, const char *request, const char *other,
                const char *teacher, const char *household, const char *session,
                const char *fmt, ...) TRIAD_PRINTF(8, 9);

static void add(triad_conference_report *rep, int kind, const char *request, const char *other,
                const char *teacher, const char *household, const char *session,
                const char *fmt, ...)
{
	if (rep->failed)
		return;
	if (TRIAD_GROW(rep->items, rep->cap, rep->count + 1)) {
		rep->failed = 1;
		return;
	}
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	cf_violation *v = &rep->items[rep->count];
	memset(v, 0, sizeof *v);
	v->kind = kind;
	if (!(v->message = triad__strdup(buf))) {
		rep->failed = 1;
		return;
	}
	rep->count++;
	v->request = keep(rep, request);
	v->other = keep(rep, other);
	v->teacher = keep(rep, teacher);
	v->household = keep(rep, household);
	v->session = keep(rep, session);
}

/* A resolved meeting of the schedule under check. */
typedef struct chk {
	int32_t r, s, from, to;
	const char *room;
} chk;

static int chk_cmp(const void *a, const void *b)
{
	const chk *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (x->r > y->r) - (x->r < y->r);
}

/* Checks shared by teachers and households over one person's meetings,
 * sorted by session and slot. */
static void check_person(triad_conference_report *rep, const triad_conference *c,
                         const chk *ms, size_t n, int32_t t, int32_t h)
{
	const char *tid = t >= 0 ? c->teachers[t].id : NULL;
	const char *hid = h >= 0 ? c->households[h].id : NULL;
	const char *who = t >= 0 ? c->teachers[t].name : c->households[h].name;
	int32_t walk = (int32_t)c->settings[TRIAD_CONFERENCE_SETTING_WALKING_GAP];
	int sessions = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		int32_t s = ms[i].s;
		const char *sid = c->sessions[s].id;
		while (j < n && ms[j].s == s)
			j++;
		sessions++;
		/* Double bookings: each meeting against the one reaching furthest before it. */
		size_t far = i;
		for (size_t k = i + 1; k < j; k++) {
			if (ms[k].from < ms[far].to)
				add(rep, t >= 0 ? TRIAD_CONFERENCE_VIOLATION_TEACHER_DOUBLE_BOOKED
				                : TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_DOUBLE_BOOKED,
				    c->requests[ms[k].r].id, c->requests[ms[far].r].id, tid, hid, sid,
				    "%s has two meetings at once in session \"%s\": request \"%s\" "
				    "(slots %d-%d) and request \"%s\" (slots %d-%d)",
				    who, sid, c->requests[ms[far].r].id, (int)ms[far].from,
				    (int)ms[far].to - 1, c->requests[ms[k].r].id, (int)ms[k].from,
				    (int)ms[k].to - 1);
			if (ms[k].to > ms[far].to)
				far = k;
		}
		if (t >= 0) {
			int32_t cap = triad__cf_teacher_cap(c, (size_t)t, (size_t)s);
			if (cap > 0 && (int32_t)(j - i) > cap)
				add(rep, TRIAD_CONFERENCE_VIOLATION_TEACHER_CAP, NULL, NULL, tid, NULL, sid,
				    "%s has %zu meetings in session \"%s\", more than the cap of %d",
				    who, j - i, sid, (int)cap);
			int32_t k_after = triad__cf_break_after(c, (size_t)t);
			if (k_after > 0) {
				/* Runs of consecutive busy slots. */
				int32_t run_from = -1, run_end = -1;
				for (size_t k = i; k <= j; k++) {
					if (k < j && run_from >= 0 && ms[k].from <= run_end) {
						if (ms[k].to > run_end)
							run_end = ms[k].to;
						continue;
					}
					if (run_from >= 0 && run_end - run_from > k_after)
						add(rep, TRIAD_CONFERENCE_VIOLATION_TEACHER_NO_BREAK,
						    c->requests[ms[k - 1].r].id, NULL, tid, NULL, sid,
						    "%s meets for %d consecutive slots (%d-%d) in session "
						    "\"%s\" without the break due after %d",
						    who, (int)(run_end - run_from), (int)run_from,
						    (int)run_end - 1, sid, (int)k_after);
					if (k < j) {
						run_from = ms[k].from;
						run_end = ms[k].to;
					}
				}
			}
		} else {
			int32_t busy = 0, first = ms[i].from, last = ms[i].to;
			for (size_t k = i; k < j; k++) {
				busy += ms[k].to - ms[k].from;
				if (ms[k].to > last)
					last = ms[k].to;
				if (k > i && walk > 0 && strcmp(ms[k].room, ms[k - 1].room) != 0 &&
				    ms[k].from - ms[k - 1].to < walk)
					add(rep, TRIAD_CONFERENCE_VIOLATION_WALKING_GAP,
					    c->requests[ms[k].r].id, c->requests[ms[k - 1].r].id, NULL, hid, sid,
					    "%s must walk from room %s to room %s between request \"%s\" and "
					    "request \"%s\" in %d slots, less than the walking gap of %d",
					    who, ms[k - 1].room, ms[k].room, c->requests[ms[k - 1].r].id,
					    c->requests[ms[k].r].id, (int)(ms[k].from - ms[k - 1].to), (int)walk);
			}
			int32_t cap = triad__cf_max_wait(c, (size_t)h);
			if (cap > 0 && last - first - busy > cap)
				add(rep, TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_WAIT_CAP, NULL, NULL, NULL, hid, sid,
				    "%s waits %d slots in session \"%s\", more than the cap of %d",
				    who, (int)(last - first - busy), sid, (int)cap);
		}
		i = j;
	}
	if (h >= 0) {
		int32_t cap = triad__cf_max_sessions(c, (size_t)h);
		if (cap > 0 && sessions > cap)
			add(rep, TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_SESSION_CAP, NULL, NULL, NULL, hid, NULL,
			    "%s has meetings in %d sessions, more than the cap of %d", who, sessions,
			    (int)cap);
	}
}

/* Per-meeting checks: session range, breaks, availability, room, pin. */
static bool check_meeting(triad_conference_report *rep, const triad_conference *c, const chk *m)
{
	const cf_request *rq = &c->requests[m->r];
	const cf_session *se = &c->sessions[m->s];
	const cf_household *hh = &c->households[rq->household];
	if (m->from < 0 || m->to > se->slots) {
		add(rep, TRIAD_CONFERENCE_VIOLATION_OUTSIDE_SESSION, rq->id, NULL, NULL, hh->id, se->id,
		    "request \"%s\" is placed at slots %d-%d, outside session \"%s\" (slots 0-%d)",
		    rq->id, (int)m->from, (int)m->to - 1, se->id, (int)se->slots - 1);
		return false;
	}
	size_t G = (size_t)c->total_slots;
	bool brk = false, hbad = false;
	for (int32_t k = m->from; k < m->to; k++) {
		brk = brk || se->is_break[k];
		hbad = hbad || (!se->is_break[k] && !c->havail[(size_t)rq->household * G + (size_t)se->offset + (size_t)k]);
	}
	if (brk)
		add(rep, TRIAD_CONFERENCE_VIOLATION_IN_BREAK, rq->id, NULL, NULL, hh->id, se->id,
		    "request \"%s\" at slots %d-%d overlaps a break of session \"%s\"", rq->id,
		    (int)m->from, (int)m->to - 1, se->id);
	if (hbad)
		add(rep, TRIAD_CONFERENCE_VIOLATION_HOUSEHOLD_UNAVAILABLE, rq->id, NULL, NULL, hh->id, se->id,
		    "%s is not available for request \"%s\" at slots %d-%d of session \"%s\"",
		    hh->name, rq->id, (int)m->from, (int)m->to - 1, se->id);
	for (size_t i = 0; i < rq->nteachers; i++) {
		const cf_teacher *te = &c->teachers[rq->teachers[i]];
		if (!te->sess[m->s].present) {
			add(rep, TRIAD_CONFERENCE_VIOLATION_TEACHER_UNAVAILABLE, rq->id, NULL, te->id, hh->id,
			    se->id, "%s is not present in session \"%s\" (request \"%s\")", te->name,
			    se->id, rq->id);
			continue;
		}
		for (int32_t k = m->from; k < m->to; k++)
			if (!se->is_break[k] &&
			    !c->tavail[(size_t)rq->teachers[i] * G + (size_t)se->offset + (size_t)k]) {
				add(rep, TRIAD_CONFERENCE_VIOLATION_TEACHER_UNAVAILABLE, rq->id, NULL, te->id,
				    hh->id, se->id,
				    "%s is not available at slot %d of session \"%s\" (request \"%s\")",
				    te->name, (int)k, se->id, rq->id);
				break;
			}
	}
	int32_t room = triad__cf_request_room(c, (size_t)m->r, (size_t)m->s);
	if (room >= 0 && strcmp(c->rooms[room].id, m->room) != 0)
		add(rep, TRIAD_CONFERENCE_VIOLATION_WRONG_ROOM, rq->id, NULL,
		    c->teachers[rq->teachers[0]].id, hh->id, se->id,
		    "request \"%s\" is in room %s, but %s receives in room %s in session \"%s\"",
		    rq->id, m->room, c->teachers[rq->teachers[0]].name, c->rooms[room].id, se->id);
	if (rq->pin_session >= 0 && (rq->pin_session != m->s || rq->pin_slot != m->from))
		add(rep, TRIAD_CONFERENCE_VIOLATION_PIN_MOVED, rq->id, NULL, NULL, hh->id, se->id,
		    "request \"%s\" is pinned to slot %d of session \"%s\" but meets at slot %d of "
		    "session \"%s\"", rq->id, (int)rq->pin_slot, c->sessions[rq->pin_session].id,
		    (int)m->from, se->id);
	return true;
}

static int run_check(triad_conference_report *rep, const triad_conference *c,
                     const triad_conference_result *res)
{
	size_t n = res->nmeetings;
	chk *all = triad__reallocarray(NULL, n ? n : 1, sizeof *all);
	chk *buf = triad__reallocarray(NULL, n ? n : 1, sizeof *buf);
	cf_place *place = triad__reallocarray(NULL, c->nrequests ? c->nrequests : 1, sizeof *place);
	int rc = 0;
	if (!all || !buf || !place) {
		rc = triad__nomem();
		goto out;
	}
	for (size_t r = 0; r < c->nrequests; r++)
		place[r].session = -1;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const cf_meeting *m = &res->meetings[i];
		int32_t r = triad__cf_index_find(c->idx_request, c->nrequests, m->request);
		int32_t s = triad__cf_index_find(c->idx_session, c->nsessions, m->session);
		if (r < 0 || s < 0) {
			add(rep, TRIAD_CONFERENCE_VIOLATION_UNKNOWN_REFERENCE, m->request, NULL, NULL, NULL,
			    m->session, "the meeting of request \"%s\" in session \"%s\" names a %s the "
			    "instance does not have", m->request, m->session,
			    r < 0 ? "request" : "session");
			continue;
		}
		if (place[r].session >= 0) {
			add(rep, TRIAD_CONFERENCE_VIOLATION_DUPLICATE_MEETING, m->request, NULL, NULL,
			    c->households[c->requests[r].household].id, m->session,
			    "request \"%s\" has more than one meeting", m->request);
			continue;
		}
		chk ck = { r, s, m->slot, m->slot + c->requests[r].slots, m->room };
		if (!check_meeting(rep, c, &ck))
			continue;
		place[r].session = s;
		place[r].slot = m->slot;
		all[k++] = ck;
	}
	qsort(all, k, sizeof *all, chk_cmp);
	/* Per household, then per teacher: gather that person's meetings in order. */
	{
		/* Bucket meetings by household and by teacher with counting sorts. */
		size_t H = c->nhouseholds, T = c->nteachers;
		size_t *hstart = triad__calloc(H + 1, sizeof *hstart);
		size_t *tstart = triad__calloc(T + 1, sizeof *tstart);
		size_t tn = 0;
		for (size_t i = 0; i < k; i++)
			tn += c->requests[all[i].r].nteachers;
		chk *tbuf = triad__reallocarray(NULL, tn ? tn : 1, sizeof *tbuf);
		if (!hstart || !tstart || !tbuf) {
			triad__free(hstart);
			triad__free(tstart);
			triad__free(tbuf);
			rc = triad__nomem();
			goto out;
		}
		for (size_t i = 0; i < k; i++) {
			const cf_request *rq = &c->requests[all[i].r];
			hstart[rq->household + 1]++;
			for (size_t q = 0; q < rq->nteachers; q++)
				tstart[rq->teachers[q] + 1]++;
		}
		for (size_t h = 0; h < H; h++)
			hstart[h + 1] += hstart[h];
		for (size_t t = 0; t < T; t++)
			tstart[t + 1] += tstart[t];
		/* Stable placement keeps each bucket sorted. */
		for (size_t i = 0; i < k; i++) {
			const cf_request *rq = &c->requests[all[i].r];
			buf[hstart[rq->household]++] = all[i];
			for (size_t q = 0; q < rq->nteachers; q++)
				tbuf[tstart[rq->teachers[q]]++] = all[i];
		}
		size_t from = 0;
		for (size_t h = 0; h < H; h++) {
			check_person(rep, c, buf + from, hstart[h] - from, -1, (int32_t)h);
			from = hstart[h];
		}
		from = 0;
		for (size_t t = 0; t < T; t++) {
			check_person(rep, c, tbuf + from, tstart[t] - from, (int32_t)t, -1);
			from = tstart[t];
		}
		triad__free(hstart);
		triad__free(tstart);
		triad__free(tbuf);
	}
	if (rep->failed) {
		rc = triad__nomem();
		goto out;
	}
	int64_t bound;
	if ((rc = triad__cf_bound(&bound, c, NULL)))
		goto out;
	rc = triad__cf_metrics(&rep->metrics, c, place, NULL, bound);
out:
	triad__free(all);
	triad__free(buf);
	triad__free(place);
	return rc;
}

TRIAD_API void triad_conference_report_free(triad_conference_report *rep)
{
	if (!rep)
		return;
	for (size_t i = 0; i < rep->count; i++)
		triad__free(rep->items[i].message);
	triad__free(rep->items);
	for (size_t i = 0; i < rep->nstrings; i++)
		triad__free(rep->strings[i]);
	triad__free(rep->strings);
	triad__free(rep);
}

TRIAD_API int triad_conference_check(triad_conference_report **out, const triad_conference *conf,
                                     const triad_conference_result *result)
{
	if (!out || !conf || !result)
		return triad__err(TRIAD_EINVAL, "the output, the instance and the result must not be NULL");
	triad_conference_report *rep = triad__calloc(1, sizeof *rep);
	if (!rep)
		return triad__nomem();
	int rc = run_check(rep, conf, result);
	if (rc) {
		triad_conference_report_free(rep);
		return rc;
	}
	*out = rep;
	return 0;
}

static const cf_violation *vio(const triad_conference_report *rep, size_t i)
{
	if (!rep || i >= rep->count) {
		triad__err(TRIAD_EINVAL, "violation index %zu is out of range", i);
		return NULL;
	}
	return &rep->items[i];
}

TRIAD_API size_t triad_conference_report_violation_count(const triad_conference_report *rep)
{
	return rep ? rep->count : 0;
}
TRIAD_API triad_conference_violation triad_conference_report_violation_kind(const triad_conference_report *rep, size_t i)
{
	const cf_violation *v = vio(rep, i);
	return v ? (triad_conference_violation)v->kind : TRIAD_CONFERENCE_VIOLATION_NONE;
}
TRIAD_API const char *triad_conference_report_violation_message(const triad_conference_report *rep, size_t i)
{
	const cf_violation *v = vio(rep, i);
	return v ? v->message : NULL;
}
TRIAD_API const char *triad_conference_report_violation_request(const triad_conference_report *rep, size_t i)
{
	const cf_violation *v = vio(rep, i);
	return v ? v->request : NULL;
}
TRIAD_API const char *triad_conference_report_violation_other_request(const triad_conference_report *rep, size_t i)
{
	const cf_violation *v = vio(rep, i);
	return v ? v->other : NULL;
}
TRIAD_API const char *triad_conference_report_violation_teacher(const triad_conference_report *rep, size_t i)
{
	const cf_violation *v = vio(rep, i);
	return v ? v->teacher : NULL;
}
TRIAD_API const char *triad_conference_report_violation_household(const triad_conference_report *rep, size_t i)
{
	const cf_violation *v = vio(rep, i);
	return v ? v->household : NULL;
}
TRIAD_API const char *triad_conference_report_violation_session(const triad_conference_report *rep, size_t i)
{
	const cf_violation *v = vio(rep, i);
	return v ? v->session : NULL;
}
TRIAD_API int triad_conference_report_metric(int64_t *out, const triad_conference_report *rep,
                                             triad_conference_metric metric)
{
	if (!out || !rep)
		return triad__err(TRIAD_EINVAL, "the output and the report must not be NULL");
	if (metric < 1 || metric > TRIAD_CONFERENCE_METRIC_TOTAL_WEIGHT)
		return triad__err(TRIAD_EINVAL, "%d is not a conference metric", (int)metric);
	*out = rep->metrics.v[metric];
	return 0;
}
