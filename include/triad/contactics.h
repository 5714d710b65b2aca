/**
 * @file triad/contactics.h
 * @brief The expected and planned contacts of one household or one staff
 *        member as an iCalendar file (RFC 5545), for a calendar app.
 *
 * - Each **expected** contact (triad/contactplan.h) becomes a VTODO: DTSTART
 *   its earliest date, DUE its due date (both dates), SUMMARY the kind,
 *   STATUS COMPLETED when the plan status (triad/analytics.h) says it was
 *   done, otherwise NEEDS-ACTION, and DESCRIPTION its rule and students.
 * - Each **planned** contact, a log entry dated on or after the as-of date
 *   (an appointment the school entered ahead), becomes a VEVENT at its local
 *   time with TZID Europe/Amsterdam and a duration by kind (a ten-minute
 *   conference 10 minutes, an intake or triangle conversation 30, a mentor
 *   call 15, a home visit 60, an information evening 90, a theme evening
 *   120, a positive note 5, a concern 20).
 *
 * The file holds one VTIMEZONE for Europe/Amsterdam (CET/CEST with the EU
 * rules: summer time from the last Sunday of March to the last Sunday of
 * October). UIDs are stable, so that re-importing updates events instead of
 * duplicating them. DTSTAMP is the as-of date at midnight UTC: there is no
 * hidden clock.
 *
 * Thread safety: reads its arguments only; they must not change meanwhile.
 */
#ifndef TRIAD_CONTACTICS_H
#define TRIAD_CONTACTICS_H

#include "common.h"
#include "analytics.h"
#include "contactlog.h"
#include "contactplan.h"

TRIAD_BEGIN_DECLS

/**
 * @brief The expected and planned contacts of one household or one staff
 *        member as iCalendar text.
 * @param out       receives UTF-8 text (CRLF line ends) the caller frees with triad_free()
 * @param expected  the expected contacts, or NULL for none
 * @param status    the plan status of @p expected (for STATUS), or NULL
 * @param log       the contact log (planned contacts), or NULL for none
 * @param household the household whose contacts to export, or NULL
 * @param staff     or: the staff member whose contacts to export (expected
 *                  contacts naming them, log entries they handle), or NULL
 * @param as_of     entries from this date on count as planned; also DTSTAMP
 * @param lang      language of summaries and descriptions
 * @return 0; #TRIAD_EINVAL (not exactly one of @p household and @p staff,
 *         a status of another list, an unknown language); #TRIAD_EINTERNAL
 *         (libical failed); #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contacts_to_ics(char **out, const triad_expected *expected,
                                    const triad_plan_status *status,
                                    const triad_contactlog *log, const char *household,
                                    const char *staff, triad_date as_of, triad_lang lang);

TRIAD_END_DECLS

#endif /* TRIAD_CONTACTICS_H */
