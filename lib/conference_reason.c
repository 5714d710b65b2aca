/* Why a request stays unscheduled: a reason code and a sentence naming the
 * household and the teachers, for the result (conference_search.c). */
#include <stdio.h>

#include "conference_solve_private.h"

char *triad__cf_reason_text(const cf_state *st, size_t r, int *reason, bool pin_conflict)
{
	const triad_conference *c = st->c;
	const cf_request *rq = &c->requests[r];
	const cf_household *hh = &c->households[rq->household];
	char who[256];
	size_t len = (size_t)snprintf(who, sizeof who, "%s", c->teachers[rq->teachers[0]].name);
	for (size_t i = 1; i < rq->nteachers && len < sizeof who; i++)
		len += (size_t)snprintf(who + len, sizeof who - len, " and %s",
		                        c->teachers[rq->teachers[i]].name);
	char buf[640];
	if (pin_conflict) {
		*reason = TRIAD_CONFERENCE_REASON_PIN_CONFLICT;
		snprintf(buf, sizeof buf, "its pin (slot %d of session \"%s\") breaks a hard "
		         "constraint: someone is unavailable or already pinned there, or a cap is exceeded",
		         (int)rq->pin_slot, c->sessions[rq->pin_session].id);
		return triad__strdup(buf);
	}
	/* Classify: the instance leaves no place at all; every session where
	 * it fits has a teacher at the cap, or is one the household may not
	 * add; every free place would exceed the waiting cap; or the places are
	 * taken by other meetings. */
	int fits = 0, busy = 0, wcap = 0, fit_sessions = 0, cap_sessions = 0, scap_sessions = 0;
	size_t S = (size_t)st->S, h = (size_t)rq->household;
	for (size_t s = 0; s < c->nsessions; s++) {
		int here = 0;
		for (int32_t p = 0; p + rq->slots <= c->sessions[s].slots; p++) {
			if (!triad__cf_fits(c, r, s, p) ||
			    (rq->pin_session >= 0 && (rq->pin_session != (int32_t)s || rq->pin_slot != p)))
				continue;
			here++;
			int64_t d;
			int code = triad__cf_eval(st, r, c->sessions[s].offset + p, &d);
			busy += code == CF_FIT_BUSY;
			wcap += code == CF_FIT_WAIT_CAP;
		}
		if (!here)
			continue;
		fits += here;
		fit_sessions++;
		bool capped = false;
		for (size_t i = 0; i < rq->nteachers; i++) {
			int32_t cap = triad__cf_teacher_cap(c, (size_t)rq->teachers[i], s);
			capped = capped || (cap > 0 && st->tcnt[(size_t)rq->teachers[i] * S + s] >= cap);
		}
		cap_sessions += capped;
		int32_t maxs = triad__cf_max_sessions(c, h);
		scap_sessions += st->hcnt[h * S + s] == 0 && maxs > 0 && st->hsess[h] >= maxs;
	}
	int cap = fit_sessions > 0 && cap_sessions == fit_sessions;
	int scap = fit_sessions > 0 && scap_sessions == fit_sessions;
	if (!fits) {
		*reason = TRIAD_CONFERENCE_REASON_NO_COMMON_SLOT;
		snprintf(buf, sizeof buf, "there is no run of %d free slot%s in any session in which "
		         "%s and %s are all available", (int)rq->slots, rq->slots == 1 ? "" : "s",
		         hh->name, who);
	} else if (cap) {
		*reason = TRIAD_CONFERENCE_REASON_TEACHER_CAP;
		snprintf(buf, sizeof buf, "%s reached the cap on meetings in every session where "
		         "the meeting would fit", who);
	} else if (scap) {
		*reason = TRIAD_CONFERENCE_REASON_HOUSEHOLD_SESSION_CAP;
		snprintf(buf, sizeof buf, "it fits only in sessions %s cannot attend any more "
		         "(cap of %d sessions)", hh->name,
		         (int)triad__cf_max_sessions(c, (size_t)rq->household));
	} else if (wcap > 0 && wcap == fits - busy) {
		*reason = TRIAD_CONFERENCE_REASON_WAIT_CAP;
		snprintf(buf, sizeof buf, "every place would make %s wait more than %d slots",
		         hh->name, (int)triad__cf_max_wait(c, (size_t)rq->household));
	} else {
		*reason = TRIAD_CONFERENCE_REASON_NO_FREE_SLOT;
		snprintf(buf, sizeof buf, "all %d places where %s and %s are available are taken "
		         "by meetings of higher or equal priority", fits, hh->name, who);
	}
	return triad__strdup(buf);
}
