/**
 * @file triad/agreement.h
 * @brief The parent–child–school agreement (ouder-kind-schoolovereenkomst):
 *        parties, clauses with measurable commitments, a contact protocol,
 *        a lifecycle with signatures and versions, validation, the
 *        `triad.agreement/1` JSON format and printable rendering.
 *
 * An agreement records the **mutual** expectations of the student, the
 * guardians who take part and the school (represented by a named staff
 * member). It is never a condition of admission and creates no liability in
 * contract; it describes how the three work together.
 *
 * **Parties** reference the roster (triad/roster.h) by id: the student id,
 * guardian ids and the staff id of the school's representative.
 *
 * **Clauses** run from a party to a party: from a role (every party with
 * that role) or one person, to a role, one person, or everybody
 * (#TRIAD_PARTY_ALL). Each has a stable id, a section, an involvement
 * category (triad/categories.h), a text in Dutch and English or one free
 * text, optional **variants** per range of school years (the same
 * expectation owned by the parents in the first years and by the student
 * later) and an optional measurable **commitment** that the contact log can
 * be checked against (#triad_commitment).
 *
 * The **contact protocol** says per subject whom to contact (a staff role or
 * one staff member), through which channel, and within how many school days
 * the school answers.
 *
 * **Lifecycle.** An agreement is a list of versions numbered from 1. The
 * operations act on the latest version:
 *
 * | operation                      | latest version before       | after                                   |
 * |--------------------------------|-----------------------------|-----------------------------------------|
 * | triad_agreement_propose()      | draft                       | proposed                                |
 * | triad_agreement_withdraw()     | proposed                    | draft (its signatures are removed)      |
 * | triad_agreement_sign()         | proposed                    | proposed, one more signature            |
 * | triad_agreement_activate()     | proposed, all signatures    | active; an older active version expires |
 * | triad_agreement_expire()       | an active version, past end | that version expired                    |
 * | triad_agreement_terminate()    | an active version           | it and any pending amendment terminated |
 * | any change (set, add, remove)  | draft                       | changed in place                        |
 * | any change (set, add, remove)  | active                      | a new draft version holds the change    |
 *
 * Everything else fails with #TRIAD_ESTATE and leaves the agreement as it
 * was. While an amendment (a newer draft or proposed version) is pending,
 * the active version stays in force; it expires (superseded) on the day the
 * new version becomes active. Earlier versions stay readable through
 * triad_agreement_version_at().
 *
 * **Reading.** Versions, clauses and commitments are borrowed const handles;
 * they stay valid until the agreement is changed or freed. Strings read
 * through them are borrowed the same way.
 *
 * Thread safety: an agreement may be read from many threads at once while
 * no thread changes it; changing it needs exclusive access. The catalogue is
 * static data, safe from any thread.
 */
#ifndef TRIAD_AGREEMENT_H
#define TRIAD_AGREEMENT_H

#include "common.h"
#include "categories.h"
#include "contactkind.h"
#include "date.h"
#include "policy.h"
#include "roster.h"

TRIAD_BEGIN_DECLS

/** @brief An agreement with all its versions. */
typedef struct triad_agreement triad_agreement;
/** @brief One version of an agreement (borrowed handle). */
typedef struct triad_agreement_version triad_agreement_version;
/** @brief A clause of a version (borrowed handle). */
typedef struct triad_clause triad_clause;
/** @brief The measurable commitment of a clause (borrowed handle). */
typedef struct triad_commitment triad_commitment;
/** @brief The findings of a validation, owned by the caller. */
typedef struct triad_agreement_findings triad_agreement_findings;

/** @brief The format name and major version this library reads and writes. */
#define TRIAD_AGREEMENT_FORMAT "triad.agreement/1"

/* ---- enumerations ------------------------------------------------------ */

/** @brief The state of an agreement version. 0 means none; values are stable. */
typedef enum triad_agreement_state {
	TRIAD_AGREEMENT_NONE = 0, /**< no state */
	TRIAD_AGREEMENT_DRAFT = 1,      /**< "draft": being written; may be changed */
	TRIAD_AGREEMENT_PROPOSED = 2,   /**< "proposed": offered for signing */
	TRIAD_AGREEMENT_ACTIVE = 3,     /**< "active": signed by everyone required; in force */
	TRIAD_AGREEMENT_EXPIRED = 4,    /**< "expired": past its end, or superseded by a newer version */
	TRIAD_AGREEMENT_TERMINATED = 5  /**< "terminated": ended early */
} triad_agreement_state;

/** @brief The role of a party. 0 means none; values are stable. */
typedef enum triad_party_role {
	TRIAD_PARTY_NONE = 0, /**< no role */
	TRIAD_PARTY_STUDENT = 1,  /**< "student" */
	TRIAD_PARTY_GUARDIAN = 2, /**< "guardian": a parent or other guardian */
	TRIAD_PARTY_SCHOOL = 3,   /**< "school": represented by a staff member */
	TRIAD_PARTY_ALL = 4       /**< "all": everybody; only as a clause's addressee */
} triad_party_role;

/** @brief The sections of an agreement, in printing order. */
typedef enum triad_agreement_section {
	TRIAD_SECTION_NONE = 0, /**< no section */
	TRIAD_SECTION_AIMS = 1,     /**< "aims": the school's aims and values */
	TRIAD_SECTION_SCHOOL = 2,   /**< "school": what the school commits to */
	TRIAD_SECTION_PARENTS = 3,  /**< "parents": what parents commit to */
	TRIAD_SECTION_STUDENT = 4,  /**< "student": what the student commits to */
	TRIAD_SECTION_PROTOCOL = 5  /**< "protocol": the contact protocol */
} triad_agreement_section;

/** @brief The kind of a measurable commitment. 0 means none. */
typedef enum triad_commitment_kind {
	TRIAD_COMMITMENT_NONE = 0, /**< no commitment */
	/** "min_count": at least `count` contacts of `contact_kind` per `period`. */
	TRIAD_COMMITMENT_MIN_COUNT = 1,
	/** "max_interval": at most `weeks` school weeks between two contacts of `contact_kind`. */
	TRIAD_COMMITMENT_MAX_INTERVAL = 2,
	/** "response_time": an answer within `days` school days (of a contact of
	 *  `contact_kind`, or of any question when the kind is none). */
	TRIAD_COMMITMENT_RESPONSE_TIME = 3
} triad_commitment_kind;

/** @brief The period of a #TRIAD_COMMITMENT_MIN_COUNT commitment. */
typedef enum triad_period {
	TRIAD_PERIOD_NONE = 0, /**< no period */
	TRIAD_PERIOD_SCHOOL_WEEK = 1,   /**< "school_week" */
	TRIAD_PERIOD_MONTH = 2,         /**< "month": a calendar month */
	TRIAD_PERIOD_REPORT_PERIOD = 3, /**< "report_period": as the school calendar defines them */
	TRIAD_PERIOD_SCHOOL_YEAR = 4    /**< "school_year": the agreement's validity */
} triad_period;

/** @brief The severity of a validation finding. */
typedef enum triad_severity {
	TRIAD_SEVERITY_NONE = 0, /**< no severity */
	TRIAD_SEVERITY_INFO = 1,    /**< "info": worth knowing */
	TRIAD_SEVERITY_WARNING = 2, /**< "warning": probably not what the school wants */
	TRIAD_SEVERITY_ERROR = 3    /**< "error": the agreement cannot work like this */
} triad_severity;

/** @brief The output format of triad_agreement_render(). */
typedef enum triad_render_format {
	TRIAD_RENDER_NONE = 0, /**< no format */
	TRIAD_RENDER_TEXT = 1,     /**< plain UTF-8 text */
	TRIAD_RENDER_MARKDOWN = 2, /**< CommonMark with pipe tables */
	TRIAD_RENDER_HTML = 3      /**< a complete, printable HTML5 document */
} triad_render_format;

/** @brief Stable id of a state ("draft" ...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_agreement_state_id(triad_agreement_state state);
/** @brief Stable id of a party role ("student" ...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_party_role_id(triad_party_role role);
/** @brief Stable id of a section ("aims" ...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_agreement_section_id(triad_agreement_section section);
/**
 * @brief The heading of a section in a language, e.g. "Wat de school toezegt".
 * @return A static string; NULL (#TRIAD_EINVAL) for an invalid section or language.
 */
TRIAD_API const char *triad_agreement_section_name(triad_agreement_section section,
                                                   triad_lang lang);
/** @brief Stable id of a commitment kind ("min_count" ...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_commitment_kind_id(triad_commitment_kind kind);
/** @brief Stable id of a period ("school_year" ...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_period_id(triad_period period);
/** @brief Stable id of a severity ("error" ...); NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_severity_id(triad_severity severity);

/* ---- the catalogue of standard clauses --------------------------------- */

/**
 * @brief Number of standard clauses in the built-in catalogue.
 *
 * The catalogue holds clauses in Dutch and English for every section,
 * written from the themes of the research on parental involvement in
 * secondary schools: explicit mutual expectations, proactive and positive
 * contact, an early introduction, the student invited to every conversation
 * and growing in ownership, and parents who know when and how to reach the
 * school. Ids are stable (such as "school.positive_contact").
 */
TRIAD_API size_t triad_catalogue_count(void);

/**
 * @brief The id of the catalogue clause at @p index (in printing order).
 * @return A static string, or NULL (#TRIAD_EINVAL) out of range.
 */
TRIAD_API const char *triad_catalogue_id_at(size_t index);

/**
 * @brief Find a catalogue clause by id.
 * @param out receives its index
 * @param id  a catalogue id such as "school.introduction"
 * @return 0, #TRIAD_EINVAL for NULL, #TRIAD_ENOTFOUND (naming the id).
 */
TRIAD_API int triad_catalogue_find(size_t *out, const char *id);

/** @brief The section of the catalogue clause at @p index; NONE out of range. */
TRIAD_API triad_agreement_section triad_catalogue_section(size_t index);

/**
 * @brief The text of the catalogue clause at @p index in a language (the
 *        base text, before any variant).
 * @return A static string, or NULL (#TRIAD_EINVAL) out of range or for an
 *         invalid language.
 */
TRIAD_API const char *triad_catalogue_text(size_t index, triad_lang lang);

/* ---- creating, loading, saving ------------------------------------------ */

/**
 * @brief A new agreement: one empty draft version.
 *
 * The validity defaults to nothing; set it with
 * triad_agreement_set_school_year() or triad_agreement_set_validity().
 *
 * @param out receives the agreement; free it with triad_agreement_free()
 * @param id  the agreement's id: 1..64 bytes of printable ASCII without
 *            spaces (letters, digits and `-_.:/@`)
 * @return 0, #TRIAD_EINVAL (the message says which argument), #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_new(triad_agreement **out, const char *id);

/** @brief Current version of #triad_agreement_start_options. */
#define TRIAD_AGREEMENT_START_OPTIONS_VERSION 1

/** @brief How triad_agreement_start() builds a draft (versioned; fields are only appended). */
typedef struct triad_agreement_start_options {
	unsigned version;          /**< #TRIAD_AGREEMENT_START_OPTIONS_VERSION */
	int school_year;           /**< the calendar year in which the school year starts (2026 for
	                                2026-2027); required */
	const triad_policy_options *policy; /**< the age policy; NULL for the defaults */
	int with_catalogue;        /**< non-zero (default): every catalogue clause and the
	                                default contact protocol; zero: none */
} triad_agreement_start_options;

/** @brief Positional initialiser: the current version, no school year, default policy, catalogue on. */
#define TRIAD_AGREEMENT_START_OPTIONS_INIT { TRIAD_AGREEMENT_START_OPTIONS_VERSION, 0, NULL, 1 }

/**
 * @brief Initialise start options as #TRIAD_AGREEMENT_START_OPTIONS_INIT does.
 * @return 0, or #TRIAD_EINVAL for NULL or a version this library does not know.
 */
TRIAD_API int triad_agreement_start_options_init(triad_agreement_start_options *opts,
                                                 unsigned version);

/**
 * @brief Start a draft for a student from the roster (and the catalogue).
 *
 * The parties are the student, the guardians who must sign on the first
 * day of the school year (triad_policy_signers()) and the school,
 * represented by @p staff_id. The validity is the school year (1 August to
 * 31 July); the student's school type and year are copied from the roster.
 * With the catalogue, every standard clause is added (those to or from
 * parents only when a guardian is a party), and the default
 * contact protocol (mentor for study progress, wellbeing and other matters,
 * the coordinator for absence and care, the school leader for complaints).
 *
 * @param out        receives the new agreement
 * @param id         the agreement's id (see triad_agreement_new())
 * @param roster     the school roster (read only during the call)
 * @param student_id a student of the roster
 * @param staff_id   a staff member of the roster who represents the school
 * @param opts       the options; @c school_year is required
 * @return 0, #TRIAD_EINVAL (bad id, options or school year 1..9998),
 *         #TRIAD_ENOTFOUND for an unknown student or staff member,
 *         #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_start(triad_agreement **out, const char *id,
                                    const triad_roster *roster, const char *student_id,
                                    const char *staff_id,
                                    const triad_agreement_start_options *opts);

/**
 * @brief Start next year's agreement from this one: the yearly review.
 *
 * A new agreement with one draft version holding the clauses (with their
 * variants and commitments) and the contact protocol of the latest version
 * of @p agreement, valid for the school year starting in @p school_year.
 * The student moves up a year: the school year (leerjaar) is the old one
 * plus one, capped at the last year of the school type (correct it with
 * triad_agreement_set_student_year() when a student repeats a year or
 * changes type); without an old one, the roster's. The parties are the
 * student, the guardians the age policy names as signers on 1 August of
 * @p school_year, any other guardian of the old version that a clause names
 * by id, and the school's representative of the old version. Clause variants
 * follow the new year, so responsibilities move to the student as the
 * ownership curve says.
 *
 * @param out         receives the new agreement
 * @param agreement   the agreement to renew (not changed)
 * @param id          the new agreement's id (see triad_agreement_new())
 * @param roster      the school roster (read only during the call)
 * @param school_year the calendar year in which the new school year starts, 1..9998
 * @param policy      the age policy; NULL for the defaults
 * @return 0; #TRIAD_EINVAL (NULL arguments, a bad id or year);
 *         #TRIAD_ENOTFOUND when the latest version has no student party or the
 *         roster does not know the student or the school type; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_renew(triad_agreement **out, const triad_agreement *agreement,
                                    const char *id, const triad_roster *roster,
                                    int school_year, const triad_policy_options *policy);

/** @brief Free an agreement with all its versions; NULL does nothing. */
TRIAD_API void triad_agreement_free(triad_agreement *agreement);

/**
 * @brief Load an agreement from `triad.agreement/1` JSON text.
 *
 * Everything is validated: format and version, unknown fields, types,
 * UTF-8, dates that do not exist, version numbers and states, and
 * references inside the document (clause parties, signers and commitment
 * parties must be parties of their version). References into the roster
 * are checked by triad_agreement_validate().
 *
 * @param out    receives a new agreement only on success
 * @param text   the JSON text, @p len bytes (need not be NUL-terminated)
 * @param len    length of @p text in bytes
 * @param source name of the input for messages (such as a file name); may be NULL
 * @return 0; #TRIAD_EPARSE for a syntax error (line and column in the last
 *         error); #TRIAD_EFORMAT for invalid content (the JSON path, such as
 *         `versions[0].clauses[2].from.role`, in the last error);
 *         #TRIAD_EVERSION for a newer format; #TRIAD_EINVAL; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_load(triad_agreement **out, const char *text, size_t len,
                                   const char *source);

/**
 * @brief Load an agreement from a file.
 * @return as triad_agreement_load(), and #TRIAD_EIO when the file cannot be read.
 */
TRIAD_API int triad_agreement_load_file(triad_agreement **out, const char *filename);

/**
 * @brief Write an agreement, all versions and signatures, as JSON.
 *
 * Loading the text gives back an equal agreement (triad_agreement_equal()).
 *
 * @param out       receives the NUL-terminated text; release it with triad_free()
 * @param agreement the agreement to write
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_save(char **out, const triad_agreement *agreement);

/**
 * @brief Write an agreement to a file atomically (a temporary file is renamed).
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOMEM or #TRIAD_EIO.
 */
TRIAD_API int triad_agreement_save_file(const triad_agreement *agreement,
                                        const char *filename);

/**
 * @brief Whether two agreements are equal field for field: id, every
 *        version with its state, dates, parties, clauses (variants and
 *        commitments), protocol and signatures, in the same order.
 * @return 1 when equal, 0 otherwise (also when either is NULL).
 */
TRIAD_API int triad_agreement_equal(const triad_agreement *a, const triad_agreement *b);

/* ---- changing the latest version ----------------------------------------
 * Each call changes the latest version when it is a draft, or creates a new
 * draft version holding the change when the latest is active (see the
 * lifecycle table); otherwise it fails with #TRIAD_ESTATE. On any failure
 * the agreement is unchanged. */

/**
 * @brief Set the validity to one school year: 1 August @p start_year to
 *        31 July of the next year.
 * @return 0, #TRIAD_EINVAL for a year outside 1..9998, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_set_school_year(triad_agreement *agreement, int start_year);

/**
 * @brief Set explicit validity dates (both inclusive).
 * @return 0, #TRIAD_EINVAL when @p to is before @p from or a date is outside
 *         years 1..9999, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_set_validity(triad_agreement *agreement, triad_date from,
                                           triad_date to);

/**
 * @brief Record the student's school type and school year (leerjaar) the
 *        agreement is written for; they decide which clause variants apply.
 * @param agreement   the agreement to change
 * @param school_type a school type id such as "havo" (checked against the
 *        school types by triad_agreement_validate())
 * @param year        1..#TRIAD_SCHOOLTYPE_MAX_YEARS
 * @return 0, #TRIAD_EINVAL, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_set_student_year(triad_agreement *agreement,
                                               const char *school_type, int year);

/**
 * @brief Add a party.
 * @param agreement the agreement to change
 * @param role #TRIAD_PARTY_STUDENT, #TRIAD_PARTY_GUARDIAN or #TRIAD_PARTY_SCHOOL
 * @param id   the roster id: the student, a guardian, or the staff member
 *             who represents the school
 * @return 0, #TRIAD_EINVAL (bad role or id; a second student or school
 *         party), #TRIAD_EEXISTS for an id already a party, #TRIAD_ESTATE,
 *         #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_add_party(triad_agreement *agreement, triad_party_role role,
                                        const char *id);

/**
 * @brief Remove a party.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE when a clause
 *         still names the party (the message names the clause) or the state
 *         forbids changes, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_remove_party(triad_agreement *agreement, const char *id);

/**
 * @brief Add a clause without text; set it with
 *        triad_agreement_clause_set_text() or _set_free_text().
 * @param agreement the agreement to change
 * @param id       unique within the version; same rules as agreement ids
 * @param section  #TRIAD_SECTION_AIMS .. #TRIAD_SECTION_PROTOCOL
 * @param category an involvement category
 * @param from_role the owner's role (student, guardian or school)
 * @param from_id  one party with that role, or NULL for all of them
 * @param to_role  the addressee's role, or #TRIAD_PARTY_ALL
 * @param to_id    one party with that role, or NULL for all of them (must be
 *                 NULL with #TRIAD_PARTY_ALL)
 * @return 0, #TRIAD_EINVAL, #TRIAD_EEXISTS for a duplicate id,
 *         #TRIAD_ENOTFOUND when @p from_id or @p to_id is not a party with
 *         that role, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_add_clause(triad_agreement *agreement, const char *id,
                                         triad_agreement_section section,
                                         triad_category category,
                                         triad_party_role from_role, const char *from_id,
                                         triad_party_role to_role, const char *to_id);

/**
 * @brief Add a standard clause from the catalogue (with its texts,
 *        variants and commitment). The clause id is the catalogue id.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND for an unknown catalogue id,
 *         #TRIAD_EEXISTS when the version already has it, #TRIAD_ESTATE,
 *         #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_add_catalogue_clause(triad_agreement *agreement,
                                                   const char *catalogue_id);

/**
 * @brief Remove a clause.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_remove_clause(triad_agreement *agreement, const char *clause_id);

/**
 * @brief Set a clause's text in Dutch and English (removing any free text).
 * @param agreement the agreement to change
 * @param clause_id the clause
 * @param text_nl   the Dutch text, non-empty UTF-8
 * @param text_en   the English text, non-empty UTF-8
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_set_text(triad_agreement *agreement,
                                              const char *clause_id,
                                              const char *text_nl, const char *text_en);

/**
 * @brief Set a clause's free text, printed in every language (removing the
 *        Dutch and English texts).
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_set_free_text(triad_agreement *agreement,
                                                   const char *clause_id, const char *text);

/**
 * @brief Change who a clause runs from and to (the same rules as in
 *        triad_agreement_add_clause()).
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_set_parties(triad_agreement *agreement,
                                                 const char *clause_id,
                                                 triad_party_role from_role,
                                                 const char *from_id,
                                                 triad_party_role to_role,
                                                 const char *to_id);

/**
 * @brief Add a variant for a range of school years: in years
 *        @p year_from..@p year_to (inclusive) the clause is owned by
 *        @p from_role / @p from_id and reads @p text_nl / @p text_en.
 *
 * Ranges of one clause must not overlap. Outside every range the clause's
 * own owner and text apply.
 *
 * @return 0, #TRIAD_EINVAL (bad years 1..#TRIAD_SCHOOLTYPE_MAX_YEARS, role
 *         or texts; an overlap, naming the other range), #TRIAD_ENOTFOUND,
 *         #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_add_variant(triad_agreement *agreement,
                                                 const char *clause_id,
                                                 int year_from, int year_to,
                                                 triad_party_role from_role,
                                                 const char *from_id,
                                                 const char *text_nl, const char *text_en);

/**
 * @brief Give a clause a minimum-count commitment: at least @p count
 *        contacts of @p kind per @p period (replacing any commitment).
 * @param agreement the agreement to change
 * @param clause_id the clause
 * @param kind      the contact kind counted
 * @param count     1..1000
 * @param period    the period counted over
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_set_min_count(triad_agreement *agreement,
                                                   const char *clause_id,
                                                   triad_contact_kind kind, int count,
                                                   triad_period period);

/**
 * @brief Give a clause a maximum-interval commitment: at most @p weeks
 *        school weeks between two contacts of @p kind.
 * @param agreement the agreement to change
 * @param clause_id the clause
 * @param kind      the contact kind
 * @param weeks     1..52
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_set_max_interval(triad_agreement *agreement,
                                                      const char *clause_id,
                                                      triad_contact_kind kind, int weeks);

/**
 * @brief Give a clause a response-time commitment: an answer within
 *        @p days school days.
 * @param agreement the agreement to change
 * @param clause_id the clause
 * @param kind the contact kind answered, or TRIAD_CONTACT_NONE for any question
 * @param days 1..60
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_set_response_time(triad_agreement *agreement,
                                                       const char *clause_id,
                                                       triad_contact_kind kind, int days);

/**
 * @brief Remove a clause's commitment (nothing happens when it has none).
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_clause_clear_commitment(triad_agreement *agreement,
                                                      const char *clause_id);

/**
 * @brief Set the contact protocol entry of a subject (replacing an entry
 *        for the same subject; new subjects are appended).
 *
 * @param agreement    the agreement to change
 * @param subject      "study_progress", "absence", "wellbeing", "care",
 *                     "complaints", "other", or a subject of the school's
 *                     own (1..64 bytes of lower-case ASCII letters, digits,
 *                     '_' and '-')
 * @param staff_role   one #triad_staff_role bit, or 0 when @p staff_id is given
 * @param staff_id     one staff member, or NULL when @p staff_role is given
 * @param channel      the channel to use
 * @param response_days within how many school days the school answers, 1..60
 * @return 0, #TRIAD_EINVAL (the message names the argument), #TRIAD_ESTATE,
 *         #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_set_protocol(triad_agreement *agreement, const char *subject,
                                           unsigned staff_role, const char *staff_id,
                                           triad_channel channel, int response_days);

/**
 * @brief Remove the contact protocol entry of a subject.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND, #TRIAD_ESTATE, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_remove_protocol(triad_agreement *agreement, const char *subject);

/* ---- lifecycle ----------------------------------------------------------- */

/**
 * @brief Offer the latest (draft) version for signing.
 * @param agreement the agreement
 * @param on the date it is proposed
 * @return 0, #TRIAD_EINVAL for a NULL agreement or an invalid date,
 *         #TRIAD_ESTATE unless the latest version is a draft.
 */
TRIAD_API int triad_agreement_propose(triad_agreement *agreement, triad_date on);

/**
 * @brief Take a proposed version back to draft, removing its signatures.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ESTATE unless the latest version is proposed.
 */
TRIAD_API int triad_agreement_withdraw(triad_agreement *agreement);

/**
 * @brief Record a signature on the proposed version.
 *
 * Whether the signer has the right to sign is judged by
 * triad_agreement_activate() and triad_agreement_validate(), which know the
 * roster and the date.
 *
 * @param agreement the agreement
 * @param signer_id a party of the version
 * @param on        the date of signing; not before the version was proposed
 * @return 0; #TRIAD_EINVAL; #TRIAD_ENOTFOUND when @p signer_id is not a
 *         party; #TRIAD_EEXISTS when that party has signed already;
 *         #TRIAD_ERANGE for a date before the proposal; #TRIAD_ESTATE
 *         unless the latest version is proposed; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_sign(triad_agreement *agreement, const char *signer_id,
                                   triad_date on);

/**
 * @brief Make the proposed version active, once every required signature
 *        is there.
 *
 * Required are: the school's representative, and everyone the age policy
 * names on @p on (triad_policy_signers(): under the age of majority the
 * student and the guardians with parental authority; from it the student and
 * the guardians the student chose). A previously active version expires on
 * @p on (superseded).
 *
 * @param agreement the agreement
 * @param roster the roster the parties come from
 * @param policy the age policy; NULL for the defaults
 * @param on     the date it becomes active; not before any signature
 * @return 0; #TRIAD_EINVAL; #TRIAD_ENOTFOUND for a student unknown to the
 *         roster; #TRIAD_ERANGE for a date before the proposal, a
 *         signature or the activation of the version it replaces, or after
 *         the validity;
 *         #TRIAD_ESTATE unless the latest version is proposed and signed by
 *         everyone required (the message names who is missing);
 *         #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_activate(triad_agreement *agreement,
                                       const triad_roster *roster,
                                       const triad_policy_options *policy, triad_date on);

/**
 * @brief Mark the active version expired once @p as_of lies after its end.
 * @return 0; #TRIAD_EINVAL; #TRIAD_ESTATE when no version is active or
 *         @p as_of is not after its last valid day.
 */
TRIAD_API int triad_agreement_expire(triad_agreement *agreement, triad_date as_of);

/**
 * @brief End the active version early; a pending amendment (a newer draft
 *        or proposed version) is terminated with it.
 * @param agreement the agreement
 * @param on     the date it ends; not before the version became active
 * @param reason why, non-empty UTF-8 (printed and saved)
 * @return 0; #TRIAD_EINVAL; #TRIAD_ERANGE for a date before activation;
 *         #TRIAD_ESTATE when no version is active; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_terminate(triad_agreement *agreement, triad_date on,
                                        const char *reason);

/* ---- reading ------------------------------------------------------------- */

/** @brief The agreement's id; NULL for NULL. */
TRIAD_API const char *triad_agreement_id(const triad_agreement *agreement);
/** @brief The state of the latest version; #TRIAD_AGREEMENT_NONE for NULL. */
TRIAD_API triad_agreement_state triad_agreement_state_of(const triad_agreement *agreement);
/** @brief Number of versions (at least 1); 0 for NULL. */
TRIAD_API size_t triad_agreement_version_count(const triad_agreement *agreement);
/**
 * @brief Version number @p number (1 .. count).
 * @return A borrowed handle, or NULL (#TRIAD_EINVAL) out of range.
 */
TRIAD_API const triad_agreement_version *triad_agreement_version_at(const triad_agreement *agreement,
                                                                   size_t number);
/** @brief The latest version; NULL for NULL. */
TRIAD_API const triad_agreement_version *triad_agreement_latest(const triad_agreement *agreement);
/**
 * @brief The version in force on a date: active (or since expired or
 *        terminated) and covering @p on between its activation and its end.
 * @return A borrowed handle, or NULL when none was in force (no error is recorded).
 */
TRIAD_API const triad_agreement_version *triad_agreement_in_force(const triad_agreement *agreement,
                                                                 triad_date on);

/** @brief The version's number, from 1; 0 for NULL. */
TRIAD_API int triad_agreement_version_number(const triad_agreement_version *v);
/** @brief The version's state. */
TRIAD_API triad_agreement_state triad_agreement_version_state(const triad_agreement_version *v);
/** @brief First valid day; 0 when not set (see triad_agreement_version_has_validity()). */
TRIAD_API triad_date triad_agreement_version_valid_from(const triad_agreement_version *v);
/** @brief Last valid day (inclusive); 0 when not set. */
TRIAD_API triad_date triad_agreement_version_valid_to(const triad_agreement_version *v);
/** @brief 1 when the validity has been set, else 0. */
TRIAD_API int triad_agreement_version_has_validity(const triad_agreement_version *v);
/** @brief The school type id the version is written for; NULL when not set. */
TRIAD_API const char *triad_agreement_version_school_type(const triad_agreement_version *v);
/** @brief The school year (leerjaar) the version is written for; 0 when not set. */
TRIAD_API int triad_agreement_version_student_year(const triad_agreement_version *v);
/**
 * @brief A lifecycle date of the version.
 * @param out     receives the date
 * @param v       the version
 * @param which   "proposed", "activated" or "ended"
 * @return 0; #TRIAD_EINVAL for NULL or an unknown @p which; #TRIAD_ENOTFOUND
 *         when the version has no such date (yet).
 */
TRIAD_API int triad_agreement_version_date(triad_date *out, const triad_agreement_version *v,
                                 const char *which);
/** @brief Why the version was terminated; NULL unless terminated. */
TRIAD_API const char *triad_agreement_version_end_reason(const triad_agreement_version *v);

/** @brief Number of parties. */
TRIAD_API size_t triad_agreement_version_party_count(const triad_agreement_version *v);
/** @brief The role of the party at @p index; NONE (#TRIAD_EINVAL) out of range. */
TRIAD_API triad_party_role triad_agreement_version_party_role(const triad_agreement_version *v, size_t index);
/** @brief The roster id of the party at @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const char *triad_agreement_version_party_id(const triad_agreement_version *v, size_t index);
/** @brief The student's id, NULL when the version has no student party. */
TRIAD_API const char *triad_agreement_version_student_id(const triad_agreement_version *v);

/** @brief Number of clauses. */
TRIAD_API size_t triad_agreement_version_clause_count(const triad_agreement_version *v);
/** @brief The clause at @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_clause *triad_agreement_version_clause_at(const triad_agreement_version *v, size_t index);
/** @brief The clause with @p id; NULL (#TRIAD_ENOTFOUND naming it, or #TRIAD_EINVAL). */
TRIAD_API const triad_clause *triad_agreement_version_clause(const triad_agreement_version *v, const char *id);

/** @brief Number of contact protocol entries. */
TRIAD_API size_t triad_agreement_version_protocol_count(const triad_agreement_version *v);
/** @brief The subject of protocol entry @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const char *triad_agreement_version_protocol_subject(const triad_agreement_version *v, size_t index);
/** @brief The staff role (one #triad_staff_role bit) of entry @p index; 0 when a staff id is given. */
TRIAD_API unsigned triad_agreement_version_protocol_staff_role(const triad_agreement_version *v, size_t index);
/** @brief The staff id of entry @p index; NULL when a role is given. */
TRIAD_API const char *triad_agreement_version_protocol_staff_id(const triad_agreement_version *v, size_t index);
/** @brief The channel of entry @p index; NONE out of range. */
TRIAD_API triad_channel triad_agreement_version_protocol_channel(const triad_agreement_version *v, size_t index);
/** @brief The response time of entry @p index in school days; 0 out of range. */
TRIAD_API int triad_agreement_version_protocol_response_days(const triad_agreement_version *v, size_t index);

/** @brief Number of signatures. */
TRIAD_API size_t triad_agreement_version_signature_count(const triad_agreement_version *v);
/** @brief Who placed signature @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const char *triad_agreement_version_signature_id(const triad_agreement_version *v, size_t index);
/** @brief The role the signer signed in; NONE out of range. */
TRIAD_API triad_party_role triad_agreement_version_signature_role(const triad_agreement_version *v, size_t index);
/** @brief The date of signature @p index; 0 out of range. */
TRIAD_API triad_date triad_agreement_version_signature_date(const triad_agreement_version *v, size_t index);

/** @brief The clause's id. */
TRIAD_API const char *triad_clause_id(const triad_clause *c);
/** @brief The clause's section. */
TRIAD_API triad_agreement_section triad_clause_section(const triad_clause *c);
/** @brief The clause's involvement category. */
TRIAD_API triad_category triad_clause_category(const triad_clause *c);
/**
 * @brief The owner's role for the version's school year: the role of the
 *        variant covering that year, else the clause's own.
 */
TRIAD_API triad_party_role triad_clause_from_role(const triad_clause *c);
/** @brief The owner's party id as triad_clause_from_role() chooses it; NULL for the whole role. */
TRIAD_API const char *triad_clause_from_id(const triad_clause *c);
/** @brief The addressee's role (#TRIAD_PARTY_ALL for everybody). */
TRIAD_API triad_party_role triad_clause_to_role(const triad_clause *c);
/** @brief The addressee's party id; NULL for the whole role. */
TRIAD_API const char *triad_clause_to_id(const triad_clause *c);
/**
 * @brief The clause's text in a language for the version's school year: the
 *        variant's text when one applies, else the clause's own; a free text
 *        is returned in every language.
 * @return A borrowed string, or NULL when the clause has no text.
 */
TRIAD_API const char *triad_clause_text(const triad_clause *c, triad_lang lang);
/** @brief 1 when the clause has a free text rather than Dutch and English texts. */
TRIAD_API int triad_clause_is_free_text(const triad_clause *c);
/** @brief Number of variants. */
TRIAD_API size_t triad_clause_variant_count(const triad_clause *c);
/**
 * @brief The years a variant covers.
 * @return 0, or #TRIAD_EINVAL out of range.
 */
TRIAD_API int triad_clause_variant_years(int *year_from, int *year_to, const triad_clause *c,
                                         size_t index);
/** @brief The owner's role of variant @p index; NONE out of range. */
TRIAD_API triad_party_role triad_clause_variant_from_role(const triad_clause *c, size_t index);
/** @brief The owner's party id of variant @p index; NULL for the whole role. */
TRIAD_API const char *triad_clause_variant_from_id(const triad_clause *c, size_t index);
/** @brief The text of variant @p index in a language; NULL out of range. */
TRIAD_API const char *triad_clause_variant_text(const triad_clause *c, size_t index,
                                                triad_lang lang);
/** @brief The clause's commitment; NULL when it has none (no error is recorded). */
TRIAD_API const triad_commitment *triad_clause_commitment(const triad_clause *c);

/* ---- commitments, for checking against the contact log --------------------- */

/** @brief Number of clauses with a commitment in the version. */
TRIAD_API size_t triad_agreement_version_commitment_count(const triad_agreement_version *v);
/** @brief The @p index-th commitment of the version, in clause order; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_commitment *triad_agreement_version_commitment_at(const triad_agreement_version *v,
                                                             size_t index);
/** @brief The clause a commitment belongs to. */
TRIAD_API const triad_clause *triad_commitment_clause(const triad_commitment *m);
/** @brief The kind of commitment. */
TRIAD_API triad_commitment_kind triad_commitment_kind_of(const triad_commitment *m);
/** @brief The contact kind it counts (TRIAD_CONTACT_NONE: any, for response times). */
TRIAD_API triad_contact_kind triad_commitment_contact_kind(const triad_commitment *m);
/** @brief #TRIAD_COMMITMENT_MIN_COUNT: the minimum count; else 0. */
TRIAD_API int triad_commitment_count(const triad_commitment *m);
/** @brief #TRIAD_COMMITMENT_MIN_COUNT: the period; else NONE. */
TRIAD_API triad_period triad_commitment_period(const triad_commitment *m);
/** @brief #TRIAD_COMMITMENT_MAX_INTERVAL: the most school weeks between contacts; else 0. */
TRIAD_API int triad_commitment_weeks(const triad_commitment *m);
/** @brief #TRIAD_COMMITMENT_RESPONSE_TIME: the school days to answer within; else 0. */
TRIAD_API int triad_commitment_days(const triad_commitment *m);
/** @brief Who owes it: the clause's owner for the version's year (triad_clause_from_role()). */
TRIAD_API triad_party_role triad_commitment_from_role(const triad_commitment *m);
/** @brief Who owes it: one party's id, or NULL for every party of the role. */
TRIAD_API const char *triad_commitment_from_id(const triad_commitment *m);
/** @brief To whom it is owed (#TRIAD_PARTY_ALL for everybody). */
TRIAD_API triad_party_role triad_commitment_to_role(const triad_commitment *m);
/** @brief To whom it is owed: one party's id, or NULL for every party of the role. */
TRIAD_API const char *triad_commitment_to_id(const triad_commitment *m);

/* ---- validation ------------------------------------------------------------ */

/** @brief Current version of #triad_agreement_check_options. */
#define TRIAD_AGREEMENT_CHECK_OPTIONS_VERSION 1

/** @brief How triad_agreement_validate() judges (versioned; fields are only appended). */
typedef struct triad_agreement_check_options {
	unsigned version;                   /**< #TRIAD_AGREEMENT_CHECK_OPTIONS_VERSION */
	const triad_policy_options *policy; /**< the age policy; NULL for the defaults */
	const triad_schooltypes *types;     /**< school types with their ownership curves; NULL for the built-in */
	double ownership_threshold;         /**< above this share the student should own responsibility
	                                         clauses, at or below it the parents; default 0.5 */
} triad_agreement_check_options;

/** @brief Positional initialiser with the defaults. */
#define TRIAD_AGREEMENT_CHECK_OPTIONS_INIT { TRIAD_AGREEMENT_CHECK_OPTIONS_VERSION, NULL, NULL, 0.5 }

/**
 * @brief Initialise check options as #TRIAD_AGREEMENT_CHECK_OPTIONS_INIT does.
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_agreement_check_options_init(triad_agreement_check_options *opts,
                                                 unsigned version);

/**
 * @brief Check the latest version against the roster and the age policy.
 *
 * Findings have stable codes (the table in doc/formats/agreement.md says
 * when each is given): missing parties (`party.no_student`,
 * `party.no_school`, `party.missing_signer`), parties unknown to the roster
 * or not related to the student (`party.unknown`, `party.not_related`), a
 * guardian with restricted information rights (`party.restricted`), a party
 * with no commitments (`party.no_commitments`), clauses without text
 * (`clause.no_text`), clauses between parties that are not on the agreement
 * (`clause.unknown_party`), no contact protocol or an unknown contact
 * (`protocol.missing`, `protocol.unknown_staff`,
 * `protocol.no_staff_with_role`), signatures by someone without the right
 * (`signature.no_right`), no validity or a period outside the school year
 * (`validity.missing`, `validity.outside_school_year`), the student's
 * school type and year (`student_year.missing`, `student_year.invalid`,
 * `student_year.mismatch`), and clauses whose owner does not fit the
 * student's year by the ownership curve (`clause.owner_student_expected`,
 * `clause.owner_parents_expected`, `clause.ownership_by_parents`).
 *
 * The as-of date for the age policy is the first valid day (or, when the
 * validity is not set, @p as_of), and a signature's own date for its right.
 *
 * @param out    receives the findings (possibly none); free with
 *               triad_agreement_findings_free()
 * @param agreement the agreement; its latest version is checked
 * @param roster the roster the parties come from
 * @param opts   NULL for the defaults
 * @param as_of  the date to judge on when the version has no validity
 * @return 0 (findings are not failures), #TRIAD_EINVAL, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_validate(triad_agreement_findings **out,
                                       const triad_agreement *agreement,
                                       const triad_roster *roster,
                                       const triad_agreement_check_options *opts,
                                       triad_date as_of);

/** @brief Free findings; NULL does nothing. */
TRIAD_API void triad_agreement_findings_free(triad_agreement_findings *findings);
/** @brief Number of findings; 0 for NULL. */
TRIAD_API size_t triad_agreement_findings_count(const triad_agreement_findings *findings);
/** @brief Number of findings with at least @p severity. */
TRIAD_API size_t triad_agreement_findings_count_at_least(const triad_agreement_findings *findings,
                                                         triad_severity severity);
/** @brief The severity of finding @p index; NONE (#TRIAD_EINVAL) out of range. */
TRIAD_API triad_severity triad_agreement_finding_severity(const triad_agreement_findings *findings,
                                                          size_t index);
/** @brief The stable code of finding @p index, such as "party.no_commitments"; NULL out of range. */
TRIAD_API const char *triad_agreement_finding_code(const triad_agreement_findings *findings,
                                                   size_t index);
/**
 * @brief Where finding @p index is, as a JSON path into the saved version,
 *        such as "clauses[3].from"; "" for the version as a whole; NULL out of range.
 */
TRIAD_API const char *triad_agreement_finding_location(const triad_agreement_findings *findings,
                                                       size_t index);
/** @brief The message of finding @p index in a language; NULL out of range or bad language. */
TRIAD_API const char *triad_agreement_finding_message(const triad_agreement_findings *findings,
                                                      size_t index, triad_lang lang);

/* ---- rendering --------------------------------------------------------------- */

/** @brief Current version of #triad_render_options. */
#define TRIAD_RENDER_OPTIONS_VERSION 1

/** @brief How triad_agreement_render() prints (versioned; fields are only appended). */
typedef struct triad_render_options {
	unsigned version;                   /**< #TRIAD_RENDER_OPTIONS_VERSION */
	triad_render_format format;         /**< default #TRIAD_RENDER_TEXT */
	triad_lang lang;                    /**< default #TRIAD_LANG_NL */
	const triad_roster *roster;         /**< for names and the required signers; NULL: ids, and every party signs */
	const triad_policy_options *policy; /**< the age policy; NULL for the defaults */
	size_t version_number;              /**< which version; 0 for the latest */
} triad_render_options;

/** @brief Positional initialiser with the defaults. */
#define TRIAD_RENDER_OPTIONS_INIT { TRIAD_RENDER_OPTIONS_VERSION, TRIAD_RENDER_TEXT, TRIAD_LANG_NL, NULL, NULL, 0 }

/**
 * @brief Initialise render options as #TRIAD_RENDER_OPTIONS_INIT does.
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_render_options_init(triad_render_options *opts, unsigned version);

/**
 * @brief Render a version as a printable document.
 *
 * Sections in order (aims; what the school, the parents and the student
 * commit to, each clause under its owner for the version's year; the contact
 * protocol as a table), the validity, and a signature block for each
 * required signer: with a roster, the signers the age policy names (on the
 * day the version became active, or else on its first valid day) and the
 * school's representative, followed by anyone else who signed; without a
 * roster, every party. Placed signatures show their date. HTML output
 * escapes everything that came from input.
 *
 * @param out receives the NUL-terminated document; release it with triad_free()
 * @param agreement the agreement
 * @param opts NULL for the defaults
 * @return 0; #TRIAD_EINVAL (bad options or version number; with a roster,
 *         a version with neither validity nor proposal date, or a first
 *         valid day before the student's birth); #TRIAD_ENOTFOUND with a
 *         roster when the version has no student party or the roster does
 *         not know the student; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_agreement_render(char **out, const triad_agreement *agreement,
                                     const triad_render_options *opts);

TRIAD_END_DECLS

#endif /* TRIAD_AGREEMENT_H */
