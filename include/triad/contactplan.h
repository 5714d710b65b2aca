/**
 * @file triad/contactplan.h
 * @brief Contact plans: which contacts every household should get in a
 *        school year, and when; and the expected contacts a plan generates
 *        from a calendar and a school's households.
 *
 * A **plan** is a list of rules. A rule says which kind of contact
 * (triad/contactkind.h), with whom at school (the mentor, the subject
 * teachers, ...), for which students (years, school types, classes; empty
 * lists mean all), per household or per student, and when:
 *
 * | timing        | n              | occurrences: earliest .. due                                       |
 * |---------------|----------------|--------------------------------------------------------------------|
 * | first_weeks   | school weeks   | one: first school day of the year .. last school day of school week n |
 * | after_report  | school days    | one per report period: 1st .. n-th school day after its last day   |
 * | every_weeks   | school weeks   | k = 1, 2, ...: first school day of week (k-1)n+1 .. last school day of week kn |
 * | once_a_year   | 0              | one: first school day of the year .. last school day (or the deadline) |
 *
 * An optional deadline caps every due date, and occurrences that would
 * start after it are dropped; an optional limit keeps only the first
 * `limit` occurrences; after_report rules may name the report periods they
 * follow (none: all). When fewer than n school days follow a report period,
 * the due date is the year's last school day; a report period with no
 * school day after it yields no occurrence.
 *
 * The **audience** lists, for each household and each of its students, what
 * the plan needs to know: the student's school type, year, class and mentor,
 * and the household's access to information about that student (the
 * strongest right among the household's guardians). Separated parents are
 * two households, each listing the student. Generation leaves out a
 * household whose access is restricted (or that an adult student did not
 * choose) and does not invite one with rights only on request; all are
 * reported as skipped, with the reason.
 *
 * Per-household rules give one contact per household and staff member:
 * siblings with the same mentor share one intake, siblings with different
 * mentors get one each. Rules with the subject teachers, the year
 * coordinator or the school leader name no staff member (the school assigns
 * one) and so give one contact per household. Per-student rules give one
 * contact per household and student.
 *
 * Plans are stored as `triad.contact-plan/1` JSON (doc/formats/contact-plan.md).
 *
 * Thread safety: plans, audiences and expected-contact lists may be read
 * from many threads at once once they are no longer changed; changing one
 * needs exclusive access.
 */
#ifndef TRIAD_CONTACTPLAN_H
#define TRIAD_CONTACTPLAN_H

#include "common.h"
#include "date.h"
#include "contactkind.h"
#include "calendar.h"
#include "roster.h"
#include "policy.h"

TRIAD_BEGIN_DECLS

/** @brief A contact plan: an ordered list of rules. */
typedef struct triad_contactplan triad_contactplan;
/** @brief The households and students a plan is applied to. */
typedef struct triad_audience triad_audience;
/** @brief The expected contacts generated from a plan. */
typedef struct triad_expected triad_expected;

/** @brief With whom at school a contact is. 0 means "none". */
typedef enum triad_plan_with {
	TRIAD_PLAN_WITH_NONE = 0,         /**< none */
	TRIAD_PLAN_WITH_MENTOR = 1,       /**< "mentor": the student's mentor */
	TRIAD_PLAN_WITH_TEACHER = 2,      /**< "teacher": the subject teachers */
	TRIAD_PLAN_WITH_COORDINATOR = 3,  /**< "coordinator": the year coordinator */
	TRIAD_PLAN_WITH_SCHOOL_LEADER = 4 /**< "school_leader" */
} triad_plan_with;

/** @brief When a rule's contacts fall due. 0 means "none". */
typedef enum triad_plan_timing {
	TRIAD_PLAN_TIMING_NONE = 0,  /**< none */
	TRIAD_PLAN_FIRST_WEEKS = 1,  /**< "first_weeks": within the first n school weeks */
	TRIAD_PLAN_AFTER_REPORT = 2, /**< "after_report": within n school days after each report period */
	TRIAD_PLAN_EVERY_WEEKS = 3,  /**< "every_weeks": every n school weeks */
	TRIAD_PLAN_ONCE_A_YEAR = 4   /**< "once_a_year": once in the school year */
} triad_plan_timing;

/** @brief Whether a rule counts households or students. 0 means "none". */
typedef enum triad_plan_per {
	TRIAD_PLAN_PER_NONE = 0,      /**< none */
	TRIAD_PLAN_PER_HOUSEHOLD = 1, /**< "household": one per household and staff member */
	TRIAD_PLAN_PER_STUDENT = 2    /**< "student": one per household and student */
} triad_plan_per;

/** @brief A household's access to information about a student. 0 means "none". */
typedef enum triad_plan_access {
	TRIAD_PLAN_ACCESS_NONE = 0,       /**< none */
	TRIAD_PLAN_ACCESS_FULL = 1,       /**< "full": informed and invited */
	TRIAD_PLAN_ACCESS_ON_REQUEST = 2, /**< "on_request": informed on request only, not invited */
	TRIAD_PLAN_ACCESS_RESTRICTED = 3, /**< "restricted": a recorded restriction; left out */
	TRIAD_PLAN_ACCESS_NOT_CHOSEN = 4  /**< "not_chosen": an adult student did not choose to
	                                       have this household informed; left out */
} triad_plan_access;

/** @brief Stable id of a #triad_plan_with; NULL (with #TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_plan_with_id(triad_plan_with with);
/** @brief Stable id of a #triad_plan_timing; NULL (with #TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_plan_timing_id(triad_plan_timing timing);
/** @brief Stable id of a #triad_plan_access; NULL (with #TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_plan_access_id(triad_plan_access access);

/** @brief The current version of #triad_plan_rule. */
#define TRIAD_PLAN_RULE_VERSION 1

/**
 * @brief One rule of a plan: what the caller passes to
 *        triad_contactplan_add_rule() and what triad_contactplan_rule_at()
 *        fills in. Fields are only ever appended.
 */
typedef struct triad_plan_rule {
	unsigned version;        /**< #TRIAD_PLAN_RULE_VERSION */
	const char *id;          /**< stable id, 1..32 bytes of ASCII letters, digits, '-', '_', '.' */
	triad_contact_kind kind; /**< the kind of contact */
	triad_channel channel;   /**< the channel; #TRIAD_CHANNEL_NONE: the kind's default */
	triad_plan_with with;    /**< with whom at school */
	triad_plan_per per;      /**< per household or per student */
	triad_plan_timing timing; /**< when */
	int32_t n;               /**< school weeks or school days (see the table); 0 for once_a_year */
	int32_t limit;           /**< at most this many occurrences; 0: no limit */
	int has_deadline;        /**< non-zero when @ref deadline is set */
	triad_date deadline;     /**< caps every due date */
	const int32_t *years;    /**< school years (leerjaren) it applies to; none: all */
	size_t year_count;       /**< entries in @ref years */
	const char *const *school_types; /**< school type ids; none: all */
	size_t school_type_count;        /**< entries in @ref school_types */
	const char *const *classes;      /**< class names; none: all */
	size_t class_count;              /**< entries in @ref classes */
	const char *const *report_periods; /**< after_report only: report period ids; none: all */
	size_t report_period_count;        /**< entries in @ref report_periods */
	const char *note;        /**< free text (UTF-8), or NULL */
} triad_plan_rule;

/** @brief Positional initialiser for a #triad_plan_rule with every field empty. */
#define TRIAD_PLAN_RULE_INIT                                                          \
	{ TRIAD_PLAN_RULE_VERSION, NULL, TRIAD_CONTACT_NONE, TRIAD_CHANNEL_NONE,         \
	  TRIAD_PLAN_WITH_NONE, TRIAD_PLAN_PER_NONE, TRIAD_PLAN_TIMING_NONE, 0, 0, 0, 0, \
	  NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL }

/**
 * @brief Initialise a rule for FFI callers, as #TRIAD_PLAN_RULE_INIT does.
 * @param rule the rule to fill
 * @param version #TRIAD_PLAN_RULE_VERSION (or an older version)
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_plan_rule_init(triad_plan_rule *rule, unsigned version);

/* ---- plans --------------------------------------------------------------- */

/**
 * @brief A new, empty plan.
 * @param out receives the plan; free it with triad_contactplan_free()
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactplan_new(triad_contactplan **out);

/**
 * @brief The built-in default plan for Dutch secondary schools, after the
 *        seeds (doc/formats/contact-plan.md lists it in full):
 *
 * | id           | kind          | with    | per       | when                                    |
 * |--------------|---------------|---------|-----------|-----------------------------------------|
 * | intake       | intake        | mentor  | household | first_weeks 4                           |
 * | positive     | positive_note | mentor  | student   | first_weeks 8                           |
 * | triangle     | triangle      | mentor  | student   | every_weeks 20                          |
 * | conference   | conference    | teacher | household | after_report 10, limit 2 (two rounds)   |
 *
 * @param out receives the plan; free it with triad_contactplan_free()
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactplan_default(triad_contactplan **out);

/** @brief Free a plan; NULL does nothing. */
TRIAD_API void triad_contactplan_free(triad_contactplan *plan);

/**
 * @brief Append a copy of a rule.
 *
 * Checks: a valid id not yet in the plan; a valid kind, channel (or none),
 * with, per and timing; n in 1..60 school weeks (first_weeks, every_weeks),
 * 1..100 school days (after_report), 0 (once_a_year); limit 0..100; years
 * 1..12, without repeats; ids and class names non-empty UTF-8 without
 * repeats; report periods only for after_report.
 *
 * @param plan the plan
 * @param rule the rule; its strings and lists are copied
 * @return 0, #TRIAD_EINVAL (the message names the rule and the field),
 *         #TRIAD_EEXISTS (the id is in use) or #TRIAD_ENOMEM; on failure the
 *         plan is unchanged.
 */
TRIAD_API int triad_contactplan_add_rule(triad_contactplan *plan, const triad_plan_rule *rule);

/**
 * @brief Remove the rule with id @p id.
 * @param plan the plan
 * @param id the rule id
 * @return 0, #TRIAD_EINVAL, or #TRIAD_ENOTFOUND naming the id.
 */
TRIAD_API int triad_contactplan_remove_rule(triad_contactplan *plan, const char *id);

/** @brief Number of rules (0 for NULL). */
TRIAD_API size_t triad_contactplan_rule_count(const triad_contactplan *plan);

/**
 * @brief Fill @p out with the rule at @p index.
 * @param plan the plan
 * @param index 0..triad_contactplan_rule_count() - 1
 * @param out its version must be set (#TRIAD_PLAN_RULE_INIT does); every
 *            pointer in it is borrowed from the plan, valid until the plan
 *            changes or is freed
 * @return 0, or #TRIAD_EINVAL for NULL, an unknown version or an index out of range.
 */
TRIAD_API int triad_contactplan_rule_at(const triad_contactplan *plan, size_t index,
                                       triad_plan_rule *out);

/**
 * @brief Find a rule by id.
 * @param plan the plan
 * @param id the rule id
 * @param out receives its index
 * @return 0, #TRIAD_EINVAL, or #TRIAD_ENOTFOUND naming the id.
 */
TRIAD_API int triad_contactplan_find_rule(size_t *out, const triad_contactplan *plan,
                                         const char *id);

/**
 * @brief Read a plan in the `triad.contact-plan/1` format.
 * @param text the JSON text, @p len bytes
 * @param len the length of @p text in bytes
 * @param out    receives a new plan; untouched on failure
 * @param source a name for messages (a file name), or NULL
 * @return 0; #TRIAD_EPARSE (line and column), #TRIAD_EFORMAT (the JSON path
 *         is named, e.g. `rules[1].years[0]`), #TRIAD_EVERSION,
 *         #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactplan_load(triad_contactplan **out, const char *text,
                                    size_t len, const char *source);

/**
 * @brief triad_contactplan_load() on a file; #TRIAD_EIO when it cannot be read.
 * @param out receives a new plan; untouched on failure
 * @param filename the file to read
 */
TRIAD_API int triad_contactplan_load_file(triad_contactplan **out, const char *filename);

/**
 * @brief Write a plan as `triad.contact-plan/1` JSON.
 * @param plan the plan
 * @param out receives a string owned by the caller (release with triad_free())
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactplan_save(char **out, const triad_contactplan *plan);

/**
 * @brief triad_contactplan_save() into a file, atomically; #TRIAD_EIO on failure.
 * @param plan the plan
 * @param filename the file to write
 */
TRIAD_API int triad_contactplan_save_file(const triad_contactplan *plan,
                                         const char *filename);

/* ---- audience ------------------------------------------------------------ */

/**
 * @brief A new, empty audience.
 * @param out receives the audience; free it with triad_audience_free()
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_audience_new(triad_audience **out);

/** @brief Free an audience; NULL does nothing. */
TRIAD_API void triad_audience_free(triad_audience *aud);

/**
 * @brief Add one student of one household.
 *
 * A student of separated parents is added once for each household; siblings
 * are added with the same household id.
 *
 * @param aud the audience
 * @param household_id the household (UTF-8, non-empty); copied
 * @param student_id   the student (UTF-8, non-empty); copied
 * @param school_type  the school type id (see triad/schooltypes.h), or NULL
 *                     when unknown (then only rules without a school-type
 *                     filter apply)
 * @param year         the school year (leerjaar), 1..12
 * @param class_name   the class, or NULL when unknown (then only rules
 *                     without a class filter apply)
 * @param mentor_id    the mentor's staff id, or NULL when the student has
 *                     none yet (mentor contacts then name no staff member)
 * @param access       the household's access to information about the student
 * @return 0, #TRIAD_EINVAL (the message names the argument), #TRIAD_EEXISTS
 *         (the pair is already present) or #TRIAD_ENOMEM; on failure the
 *         audience is unchanged.
 */
TRIAD_API int triad_audience_add(triad_audience *aud, const char *household_id,
                                const char *student_id, const char *school_type,
                                int year, const char *class_name,
                                const char *mentor_id, triad_plan_access access);

/** @brief Number of (household, student) entries (0 for NULL). */
TRIAD_API size_t triad_audience_count(const triad_audience *aud);

/**
 * @brief The entry at @p index, in order of addition.
 * @param aud the audience
 * @param index 0..triad_audience_count() - 1
 * @param household_id,student_id receive ids borrowed from the audience; may be NULL
 * @param school_type,class_name,mentor_id receive strings borrowed from the
 *        audience, or NULL when unknown; each may be NULL
 * @param year   receives the school year; may be NULL
 * @param access receives the household's access; may be NULL
 * @return 0, or #TRIAD_EINVAL for NULL or an index out of range.
 */
TRIAD_API int triad_audience_at(const triad_audience *aud, size_t index,
                               const char **household_id, const char **student_id,
                               const char **school_type, int *year,
                               const char **class_name, const char **mentor_id,
                               triad_plan_access *access);

/**
 * @brief An audience built from a school roster as of a date.
 *
 * One entry per student and each of the student's households
 * (triad_roster_student_households()), in roster order, with the student's
 * school type, year, class and mentor. The household's access follows the
 * age policy on @p as_of (triad_policy_informed()): #TRIAD_PLAN_ACCESS_FULL
 * when one of its guardians may be informed and invited,
 * #TRIAD_PLAN_ACCESS_ON_REQUEST when its guardians are entitled only on
 * request, #TRIAD_PLAN_ACCESS_NOT_CHOSEN when the student is adult and did
 * not choose to have any of them informed (and none is restricted), and
 * #TRIAD_PLAN_ACCESS_RESTRICTED otherwise (a recorded restriction). A
 * student without guardians has no household and no entry.
 *
 * @param out    receives a new audience; free it with triad_audience_free()
 * @param roster the school
 * @param opts   the age policy; NULL for the defaults
 * @param as_of  the date the rights are judged on (no hidden clock)
 * @return 0, #TRIAD_EINVAL (NULL arguments, invalid options, @p as_of before
 *         a student's birth: the message names the student) or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_audience_from_roster(triad_audience **out, const triad_roster *roster,
                                        const triad_policy_options *opts,
                                        triad_date as_of);

/* ---- generation ---------------------------------------------------------- */

/**
 * @brief The expected contacts of a school year: every rule of @p plan
 *        applied to every household of @p aud on the calendar @p cal.
 *
 * The list is sorted by due date, then household id, then rule order, then
 * staff id, then earliest date.
 *
 * @param plan the plan
 * @param cal the school year's calendar
 * @param aud the households and students
 * @param out receives the list; free it with triad_expected_free()
 * @return 0, #TRIAD_EINVAL (NULL arguments), #TRIAD_ERANGE (a rule's
 *         deadline lies outside the school year, or the calendar has no
 *         school week; the message names the rule), #TRIAD_ENOTFOUND (a rule
 *         names a report period the calendar lacks) or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactplan_generate(triad_expected **out,
                                        const triad_contactplan *plan,
                                        const triad_calendar *cal,
                                        const triad_audience *aud);

/** @brief Free a list of expected contacts; NULL does nothing. */
TRIAD_API void triad_expected_free(triad_expected *list);

/** @brief Number of expected contacts (0 for NULL). */
TRIAD_API size_t triad_expected_count(const triad_expected *list);

/*
 * Getters of the expected contact at index i. Strings are borrowed from the
 * list. An index out of range records #TRIAD_EINVAL and returns NULL, 0 or
 * a "none" value.
 */

/** @brief The household the contact is with. */
TRIAD_API const char *triad_expected_household(const triad_expected *list, size_t i);
/** @brief Number of students the contact is about (1 or more). */
TRIAD_API size_t triad_expected_student_count(const triad_expected *list, size_t i);
/** @brief The j-th student (in audience order) the contact is about. */
TRIAD_API const char *triad_expected_student_at(const triad_expected *list, size_t i,
                                               size_t j);
/** @brief The id of the rule the contact comes from. */
TRIAD_API const char *triad_expected_rule(const triad_expected *list, size_t i);
/** @brief The kind of contact. */
TRIAD_API triad_contact_kind triad_expected_kind(const triad_expected *list, size_t i);
/** @brief The channel (the rule's, or the kind's default). */
TRIAD_API triad_channel triad_expected_channel(const triad_expected *list, size_t i);
/** @brief With whom at school. */
TRIAD_API triad_plan_with triad_expected_with(const triad_expected *list, size_t i);
/** @brief The staff member (the mentor), or "" when the school assigns one. */
TRIAD_API const char *triad_expected_staff(const triad_expected *list, size_t i);
/** @brief The earliest date the contact counts for the rule. */
TRIAD_API triad_date triad_expected_earliest(const triad_expected *list, size_t i);
/** @brief The date by which the contact is due. */
TRIAD_API triad_date triad_expected_due(const triad_expected *list, size_t i);
/** @brief Which occurrence of its rule in the year, from 1. */
TRIAD_API int32_t triad_expected_occurrence(const triad_expected *list, size_t i);
/** @brief The report period an after_report contact follows, or "". */
TRIAD_API const char *triad_expected_report_period(const triad_expected *list, size_t i);

/** @brief Number of (household, student) entries left out, in audience order. */
TRIAD_API size_t triad_expected_skipped_count(const triad_expected *list);

/**
 * @brief The entry left out at @p index, and why.
 * @param list the expected contacts
 * @param index 0..triad_expected_skipped_count() - 1
 * @param household,student receive ids borrowed from the list; may be NULL
 * @param access receives #TRIAD_PLAN_ACCESS_RESTRICTED,
 *               #TRIAD_PLAN_ACCESS_ON_REQUEST or #TRIAD_PLAN_ACCESS_NOT_CHOSEN;
 *               may be NULL
 * @return 0, or #TRIAD_EINVAL for NULL or an index out of range.
 */
TRIAD_API int triad_expected_skipped_at(const triad_expected *list, size_t index,
                                       const char **household, const char **student,
                                       triad_plan_access *access);

TRIAD_END_DECLS

#endif /* TRIAD_CONTACTPLAN_H */
