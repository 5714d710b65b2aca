/*
 * Shared by the conference exports (iCalendar, HTML, letters): options with
 * their defaults, the result's meetings resolved against the instance once,
 * and rendering of dates, times and names in Dutch or English.
 * Only the public API of the conference module is used, so the exports
 * work on any result, also one edited by hand.
 */
#ifndef TRIAD_CONFERENCE_EXPORT_PRIVATE_H
#define TRIAD_CONFERENCE_EXPORT_PRIVATE_H

#include "triad_private.h"

/* A meeting of the result, resolved against the instance. */
typedef struct cx_meeting {
	size_t index;        /* the meeting's index in the result */
	size_t session;      /* instance index */
	size_t request;      /* instance index */
	size_t household;    /* instance index */
	int32_t slot, slots;
	triad_date date;     /* the session's date */
	int32_t start, end;  /* minutes after midnight of `date` (may pass 24:00) */
	const char *room;    /* the room's display name */
} cx_meeting;

typedef struct cx_ctx {
	const triad_conference *conf;
	const triad_conference_result *res;
	triad_conference_export_options opt; /* with defaults filled in */
	cx_meeting *m;       /* the resolved meetings (triad__cx_resolve) */
	size_t nm;
} cx_ctx;

/* Check the arguments and options. On failure the error is recorded and
 * nothing needs freeing. */
int triad__cx_begin(cx_ctx *c, const triad_conference *conf,
                    const triad_conference_result *res,
                    const triad_conference_export_options *options);
/* Resolve the result's meetings idx[0..n) (idx NULL: meetings 0..n) into
 * c->m[0..n): only what an export shows, so that exporting every household's
 * calendar of a large event stays linear. TRIAD_EINVAL when a meeting names
 * something the instance lacks, or TRIAD_ENOMEM. */
int triad__cx_resolve(cx_ctx *c, const size_t *idx, size_t n);
void triad__cx_end(cx_ctx *c);

/* "HH:MM" of minutes after midnight (modulo a day). */
void triad__cx_put_time(triad_strbuf *sb, int32_t minutes);
/* "dinsdag 10 november 2026" / "Tuesday 10 November 2026". */
void triad__cx_put_date(triad_strbuf *sb, triad_date date, triad_lang lang);
/* The date of `date` plus whole days in `minutes` (for times past 24:00). */
triad_date triad__cx_day(triad_date date, int32_t minutes);
/* "A, B en C" / "A, B and C": the names of a meeting's teachers (all, or
 * all but `skip`, an instance teacher index or SIZE_MAX), or a request's
 * students. html: escape for HTML. */
void triad__cx_put_teachers(triad_strbuf *sb, const cx_ctx *c, size_t meeting, size_t skip,
                            bool html);
void triad__cx_put_students(triad_strbuf *sb, const cx_ctx *c, size_t request, bool html);
/* The reason a request is unscheduled, in words. */
const char *triad__cx_reason_text(triad_conference_reason reason, triad_lang lang);

#endif
