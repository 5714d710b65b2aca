/**
 * @file triad/policy.h
 * @brief The age policy: who consents, who signs and who is informed, on a
 *        given date.
 *
 * Two ages decide (defaults for the Netherlands; a school may set others):
 * - the **consent age** (16): before it, consent to processing personal
 *   data comes from the guardians with parental authority; from it, from
 *   the student;
 * - the **age of majority** (18): before it, the guardians with authority
 *   and the student sign an agreement, and the guardians are informed
 *   according to their information rights; from it, the student signs and
 *   decides which guardians co-sign and which are informed and invited
 *   (triad_roster_set_adult_choice()).
 *
 * A student reaches an age on the birthday itself (someone born on
 * 29 February on 1 March in other years; see triad_date_age()). The as-of
 * date is always passed in: there is no hidden clock.
 *
 * Lists hold ids: the student's id and guardian ids. Guardians come in the
 * order of triad_roster_student_guardians() (contact priority first).
 *
 * Thread safety: the queries only read the roster; see triad/roster.h.
 */
#ifndef TRIAD_POLICY_H
#define TRIAD_POLICY_H

#include "common.h"
#include "date.h"
#include "roster.h"
#include "strlist.h"

TRIAD_BEGIN_DECLS

/** @brief Current version of #triad_policy_options. */
#define TRIAD_POLICY_OPTIONS_VERSION 1

/** @brief The ages the policy turns on (versioned; fields are only appended). */
typedef struct triad_policy_options {
	unsigned version;  /**< #TRIAD_POLICY_OPTIONS_VERSION */
	int consent_age;   /**< from this age the student consents to data processing; default 16 */
	int majority_age;  /**< from this age the student is adult; default 18; at least @c consent_age, at most 30 */
} triad_policy_options;

/** @brief Positional initialiser with the defaults (16 and 18). */
#define TRIAD_POLICY_OPTIONS_INIT { TRIAD_POLICY_OPTIONS_VERSION, 16, 18 }

/**
 * @brief Initialise options to the defaults, as #TRIAD_POLICY_OPTIONS_INIT does.
 * @param opts    the options to fill
 * @param version the version the caller was built against
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_policy_options_init(triad_policy_options *opts, unsigned version);

/**
 * @brief Who must consent to processing the student's personal data on a date.
 *
 * Before the consent age: the guardians with parental authority. From the
 * consent age: the student alone. An empty list before the consent age
 * means that no guardian in the roster holds authority (for instance when a
 * court-appointed guardian has not been recorded): nobody can consent until
 * the school records who does.
 *
 * @param out        receives a new list; free it with triad_strlist_free()
 * @param roster     the roster holding the student and the guardians
 * @param opts       the policy; NULL for the defaults
 * @param student_id the student
 * @param on         the as-of date
 * @return 0; #TRIAD_EINVAL for NULL arguments, invalid options (the message
 *         names the field) or a date before the student's birth;
 *         #TRIAD_ENOTFOUND for an unknown student; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_policy_consenters(triad_strlist **out, const triad_roster *roster,
                                      const triad_policy_options *opts,
                                      const char *student_id, triad_date on);

/**
 * @brief Who must sign an agreement for the student on a date.
 *
 * Before the age of majority: the student first, then the guardians with
 * parental authority. From it: the student first, then the guardians the
 * student chose to co-sign (#triad_relation_info.adult_cosigns).
 *
 * @return as triad_policy_consenters().
 */
TRIAD_API int triad_policy_signers(triad_strlist **out, const triad_roster *roster,
                                   const triad_policy_options *opts,
                                   const char *student_id, triad_date on);

/**
 * @brief Which guardians may be informed about and invited for the student
 *        on a date.
 *
 * Before the age of majority, by information rights: guardians with full
 * rights go to @p out_full; guardians entitled only on request (typically a
 * parent without authority) go to @p out_on_request; restricted guardians
 * go to neither. From the age of majority: only the guardians the student
 * chose (#triad_relation_info.adult_informed), in @p out_full, unless
 * restricted; @p out_on_request is empty.
 *
 * @param out_full       receives a new list of ids
 * @param out_on_request receives a new list of ids
 * @param roster     the roster holding the student and the guardians
 * @param opts       the policy; NULL for the defaults
 * @param student_id the student
 * @param on         the as-of date
 * @return as triad_policy_consenters(); on failure neither list is set.
 */
TRIAD_API int triad_policy_informed(triad_strlist **out_full, triad_strlist **out_on_request,
                                    const triad_roster *roster,
                                    const triad_policy_options *opts,
                                    const char *student_id, triad_date on);

/**
 * @brief Whether consent for a purpose is in force for a student on a date.
 *
 * Only records dated on or before @p on by people entitled to consent on
 * @p on (triad_policy_consenters()) count; for each of them the latest
 * record counts (the later one when two share a date). Consent is in force
 * when at least one entitled person has given it and none has withdrawn it.
 * So consent that parents gave lapses on the student's consent-age
 * birthday: from then the student's own consent is needed.
 *
 * @param out        receives 1 (in force) or 0
 * @param roster     the roster holding the student and the guardians
 * @param opts       the policy; NULL for the defaults
 * @param student_id the student
 * @param on         the as-of date
 * @param purpose    the purpose id, such as "photos"
 * @return as triad_policy_consenters(), and #TRIAD_EINVAL for an invalid purpose.
 */
TRIAD_API int triad_policy_consent_in_force(int *out, const triad_roster *roster,
                                            const triad_policy_options *opts,
                                            const char *student_id, const char *purpose,
                                            triad_date on);

/**
 * @brief Whether the student is adult (has reached the age of majority) on a date.
 * @param out        receives 1 or 0
 * @param roster     the roster holding the student and the guardians
 * @param opts       the policy; NULL for the defaults
 * @param student_id the student
 * @param on         the as-of date
 * @return as triad_policy_consenters() (without #TRIAD_ENOMEM).
 */
TRIAD_API int triad_policy_is_adult(int *out, const triad_roster *roster,
                                    const triad_policy_options *opts,
                                    const char *student_id, triad_date on);

TRIAD_END_DECLS

#endif /* TRIAD_POLICY_H */
