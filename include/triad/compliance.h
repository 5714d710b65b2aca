/**
 * @file triad/compliance.h
 * @brief Whether the measurable commitments of an agreement
 *        (triad/agreement.h) are kept, according to the contact log.
 *
 * Every commitment of one agreement version is checked against the log
 * entries that concern the version's student, within the version's
 * validity (or, without one, the school year of the as-of date) up to the
 * as-of date. Each broken commitment gives a finding: which clause, when,
 * and by how much.
 *
 * | commitment       | counted                                                   | finding                                                   |
 * |------------------|-----------------------------------------------------------|-----------------------------------------------------------|
 * | `min_count`      | contacts (entries that reached someone) of the kind (any kind when none), whoever started them, per period that has ended before the as-of date: school week, calendar month, report period (from the calendar), or the whole validity once it has ended | a period with fewer: expected the count, actual what was done |
 * | `max_interval`   | school weeks between the validity's start, each contact of the kind, and the as-of date (or the validity's end) | a gap of more school weeks: expected the weeks allowed, actual the gap |
 * | `response_time`  | for each question (an entry of the kind, or of any kind when none, started by the other side, that answers no other entry) the school days until the first entry that answers it (its `answers` field) started by the side that owes the answer | answered later, or not answered and already later: expected the days allowed, actual the days taken (so far) |
 *
 * School weeks and school days come from the calendar when one is given
 * (the part of the validity outside its school year is left out of the
 * check); without one, weeks run Monday to Sunday and school days are the
 * weekdays, Monday to Friday (the text then says "weeks" and "weekdays").
 * The side that owes an answer is the clause's owner for the version's year:
 * the school answers questions from parents and the student; a guardian
 * answers the school; the student answers the school.
 *
 * Thread safety: a result is immutable; the inputs must not change while a
 * check runs.
 */
#ifndef TRIAD_COMPLIANCE_H
#define TRIAD_COMPLIANCE_H

#include "common.h"
#include "agreement.h"
#include "calendar.h"
#include "contactlog.h"

TRIAD_BEGIN_DECLS

/** @brief The findings of a compliance check. */
typedef struct triad_compliance triad_compliance;

/**
 * @brief Check every commitment of an agreement version against the log.
 * @param out      receives the result; free it with triad_compliance_free()
 * @param version  the agreement version (e.g. triad_agreement_in_force()); it
 *                 must outlive the result, which borrows clause ids from it
 * @param log      the contact log; it must outlive the result and not change
 * @param calendar the school calendar, or NULL (see above)
 * @param as_of    the date the check is about; later entries are ignored
 * @return 0; #TRIAD_EINVAL (NULL, a version without a student party, a
 *         `report_period` commitment without a calendar (the message names
 *         the clause), a calendar whose school year misses the version's
 *         period); #TRIAD_ENOMEM.
 */
TRIAD_API int triad_compliance_check(triad_compliance **out,
                                     const triad_agreement_version *version,
                                     const triad_contactlog *log,
                                     const triad_calendar *calendar, triad_date as_of);

/** @brief Free a result; NULL does nothing. */
TRIAD_API void triad_compliance_free(triad_compliance *result);

/** @brief Number of commitments checked. */
TRIAD_API size_t triad_compliance_checked(const triad_compliance *result);

/** @brief Number of findings (broken commitments, one per period, gap or question). */
TRIAD_API size_t triad_compliance_count(const triad_compliance *result);

/**
 * @brief One finding.
 * @param result   the result
 * @param index    0..triad_compliance_count() - 1, in clause order, then by date
 * @param clause   receives the clause id (borrowed from the version); may be NULL
 * @param kind     receives the kind of commitment; may be NULL
 * @param from     receives the start: the period's first day, the gap's
 *                 first date, or the question's date; may be NULL
 * @param to       receives the end: the period's last day, the gap's last
 *                 date, or the answer's date (the as-of date when
 *                 unanswered); may be NULL
 * @param expected receives the count, weeks or days committed to; may be NULL
 * @param actual   receives the count done, the weeks of the gap, or the
 *                 school days taken; may be NULL
 * @param entry    receives the question's entry id for response times
 *                 (borrowed from the log), else NULL; may be NULL
 * @param answered receives 1 when a response-time question was answered
 *                 (late), 0 otherwise; may be NULL
 * @return 0, or #TRIAD_EINVAL for an index out of range.
 */
TRIAD_API int triad_compliance_at(const triad_compliance *result, size_t index,
                                  const char **clause, triad_commitment_kind *kind,
                                  triad_date *from, triad_date *to, int32_t *expected,
                                  int32_t *actual, const char **entry, int *answered);

/**
 * @brief The findings as text, in Dutch or English.
 * @param out    receives UTF-8 text the caller frees with triad_free()
 * @param result the result
 * @param lang   #TRIAD_LANG_NL or #TRIAD_LANG_EN
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_compliance_text(char **out, const triad_compliance *result, triad_lang lang);

/**
 * @brief The findings as JSON (`triad.compliance/1`): `as_of`, `student`,
 *        `checked`, and `findings[]` with `clause`, `kind`, `from`, `to`,
 *        `expected`, `actual`, `short_by` (expected - actual for min_count,
 *        actual - expected otherwise), and for response times `entry` and
 *        `answered`.
 * @param out    receives UTF-8 text the caller frees with triad_free()
 * @param result the result
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_compliance_json(char **out, const triad_compliance *result);

TRIAD_END_DECLS

#endif /* TRIAD_COMPLIANCE_H */
