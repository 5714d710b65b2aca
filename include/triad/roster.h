/**
 * @file triad/roster.h
 * @brief The school roster: students, guardians and their relations to
 *        students, households, staff and consent records; the
 *        `triad.school/1` JSON format.
 *
 * A #triad_roster holds
 * - **students** (leerlingen): id, names, birth date, school type, school
 *   year (leerjaar), class, mentor;
 * - **guardians**: id, names, household, preferred language and channel;
 * - **relations** between a student and a guardian: the kind of relation
 *   (mother, father, ...), parental authority (gezag), whether the student
 *   lives with the guardian, primary contact, contact priority, information
 *   rights (full, on request, restricted with a recorded reason) and what
 *   the student decided once adult (inform this guardian, let this guardian
 *   co-sign);
 * - **households** (gezinnen): the unit that is invited and scheduled.
 *   A guardian belongs to at most one household; a student belongs to the
 *   households of the student's guardians, so separated parents give the
 *   student two households and siblings share one;
 * - **staff**: id, names, roles (mentor, teacher, coordinator, school leader;
 *   any combination);
 * - **consent records**: for a student and a purpose (such as "photos"),
 *   who gave or withdrew consent, and on which date. Who is entitled to
 *   consent on a date follows the age policy (triad/policy.h).
 *
 * **Combined first-year classes.** A student in a combined class such as
 * "havo/vwo" counts as the school type the class leads into: `school_type`
 * holds that type (e.g. "vwo") and `bridge_class` holds the label of the
 * combined class ("havo/vwo"), whose '/'-separated parts must include
 * `school_type`.
 *
 * **Ids** of students, guardians, households and staff are 1..64 bytes of
 * printable ASCII without spaces (letters, digits and `-_.:/@`); each kind has
 * its own id space, except that a guardian id must not equal a student id
 * (consent records name either). Consent purposes are 1..64 bytes of
 * lower-case ASCII letters, digits, '_' and '-'.
 *
 * Records are reached by index (in the order they were added or loaded) or by
 * id, as opaque borrowed handles (`const triad_student *` ...) that stay
 * valid until the roster is freed; adding records never invalidates them.
 * Strings read through a handle are borrowed the same way.
 *
 * Thread safety: a roster may be read from many threads at once while no
 * thread changes it; changing it (the `add` and `set` calls) needs exclusive
 * access.
 */
#ifndef TRIAD_ROSTER_H
#define TRIAD_ROSTER_H

#include "common.h"
#include "contactkind.h"
#include "date.h"
#include "schooltypes.h"
#include "strlist.h"

TRIAD_BEGIN_DECLS

/** @brief A school roster. */
typedef struct triad_roster triad_roster;
/** @brief A student in a roster (borrowed handle). */
typedef struct triad_student triad_student;
/** @brief A guardian in a roster (borrowed handle). */
typedef struct triad_guardian triad_guardian;
/** @brief A household in a roster (borrowed handle). */
typedef struct triad_household triad_household;
/** @brief A staff member in a roster (borrowed handle). */
typedef struct triad_staff triad_staff;
/** @brief The relation between one student and one guardian (borrowed handle). */
typedef struct triad_relation triad_relation;
/** @brief A consent record (borrowed handle). */
typedef struct triad_consent triad_consent;

/** @brief The format name and major version this library reads and writes. */
#define TRIAD_ROSTER_FORMAT "triad.school/1"

/* ---- enumerations ---------------------------------------------------- */

/**
 * @brief How a guardian is related to a student (Ed-Fi `relation`).
 * 0 means none; values are stable.
 */
typedef enum triad_relation_kind {
	TRIAD_RELATION_NONE = 0,
	TRIAD_RELATION_MOTHER = 1,        /**< "mother" */
	TRIAD_RELATION_FATHER = 2,        /**< "father" */
	TRIAD_RELATION_STEP_PARENT = 3,   /**< "step_parent" */
	TRIAD_RELATION_FOSTER_PARENT = 4, /**< "foster_parent" */
	TRIAD_RELATION_GUARDIAN = 5,      /**< "guardian": a court-appointed guardian (voogd) */
	TRIAD_RELATION_OTHER_CARER = 6    /**< "other_carer": another adult who cares for the student */
} triad_relation_kind;

/**
 * @brief A guardian's right to information about a student.
 *
 * A parent with authority is fully entitled; a parent without authority
 * gets important information on request (Dutch Civil Code art. 1:377c);
 * a restriction (court order, the child's interest) needs a recorded reason.
 */
typedef enum triad_info_rights {
	/** Not given: on input, derived from authority (full with, on request without). */
	TRIAD_INFO_DEFAULT = 0,
	TRIAD_INFO_FULL = 1,       /**< "full" */
	TRIAD_INFO_ON_REQUEST = 2, /**< "on_request" */
	TRIAD_INFO_RESTRICTED = 3  /**< "restricted": with a recorded reason */
} triad_info_rights;

/** @brief Roles of a staff member; a member may hold several (bit flags). */
typedef enum triad_staff_role {
	TRIAD_STAFF_MENTOR = 1,        /**< "mentor" */
	TRIAD_STAFF_TEACHER = 2,       /**< "teacher": subject teacher */
	TRIAD_STAFF_COORDINATOR = 4,   /**< "coordinator": year coordinator */
	TRIAD_STAFF_SCHOOL_LEADER = 8  /**< "school_leader" */
} triad_staff_role;

/** @brief All staff role bits together. */
#define TRIAD_STAFF_ALL_ROLES 15u

/** @brief Stable string id of a relation kind; NULL (#TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_relation_kind_id(triad_relation_kind kind);
/** @brief Look a relation kind up by id; #TRIAD_ENOTFOUND (naming the id) when unknown, #TRIAD_EINVAL for NULL. */
TRIAD_API int triad_relation_kind_from_id(triad_relation_kind *out, const char *id);
/** @brief Stable string id of information rights ("full", "on_request", "restricted"); NULL (#TRIAD_EINVAL) otherwise. */
TRIAD_API const char *triad_info_rights_id(triad_info_rights rights);
/** @brief Look information rights up by id; #TRIAD_ENOTFOUND when unknown, #TRIAD_EINVAL for NULL. */
TRIAD_API int triad_info_rights_from_id(triad_info_rights *out, const char *id);
/** @brief Stable string id of one staff role bit; NULL (#TRIAD_EINVAL) for anything else. */
TRIAD_API const char *triad_staff_role_id(triad_staff_role role);
/** @brief Look a staff role up by id; #TRIAD_ENOTFOUND when unknown, #TRIAD_EINVAL for NULL. */
TRIAD_API int triad_staff_role_from_id(triad_staff_role *out, const char *id);

/* ---- creating, loading, saving --------------------------------------- */

/**
 * @brief A new, empty roster.
 * @param out   receives the roster; free it with triad_roster_free()
 * @param types the school types students may have; borrowed, must outlive
 *              the roster and not change meanwhile; NULL for the built-in
 *              types (the roster then keeps its own set)
 * @return 0, #TRIAD_EINVAL for a NULL @p out, or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_new(triad_roster **out, const triad_schooltypes *types);

/** @brief Free a roster and everything it holds; NULL does nothing. */
TRIAD_API void triad_roster_free(triad_roster *roster);

/**
 * @brief Load a roster from `triad.school/1` JSON text.
 *
 * Everything is validated: the format name and version, unknown fields,
 * types, UTF-8, dates, duplicate ids, dangling references (mentor,
 * household, student, guardian, consent giver), school types and years,
 * and the rules of the add functions below.
 *
 * @param out    receives a new roster only on success
 * @param text   the JSON text, @p len bytes (need not be NUL-terminated)
 * @param len    length of @p text in bytes
 * @param source name of the input for messages (such as a file name); may be NULL
 * @param types  as for triad_roster_new(); NULL for the built-in types
 * @return 0; #TRIAD_EPARSE for a syntax error (line and column in the last
 *         error); #TRIAD_EFORMAT for invalid content (the JSON path, such as
 *         `guardians[1].students[0].student`, in the last error);
 *         #TRIAD_EVERSION for a newer format; #TRIAD_EINVAL; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_load(triad_roster **out, const char *text, size_t len,
                                const char *source, const triad_schooltypes *types);

/**
 * @brief Load a roster from a `triad.school/1` JSON file.
 * @param out      receives a new roster only on success
 * @param filename the file; also the source named in messages
 * @param types    as for triad_roster_new(); NULL for the built-in types
 * @return as triad_roster_load(), and #TRIAD_EIO when the file cannot be read.
 */
TRIAD_API int triad_roster_load_file(triad_roster **out, const char *filename,
                                     const triad_schooltypes *types);

/**
 * @brief Write a roster as `triad.school/1` JSON.
 *
 * Loading the text gives back an equal roster (triad_roster_equal()).
 * Information rights are always written explicitly.
 *
 * @param out    receives the NUL-terminated text; release it with triad_free()
 * @param roster the roster
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_save(char **out, const triad_roster *roster);

/**
 * @brief Write a roster to a file (atomically: a temporary file is renamed).
 * @param roster   the roster
 * @param filename the file to write (replaced if it exists)
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOMEM or #TRIAD_EIO.
 */
TRIAD_API int triad_roster_save_file(const triad_roster *roster, const char *filename);

/**
 * @brief Whether two rosters hold the same records, field for field, in the
 *        same order (the school type sets are not compared).
 * @return 1 when equal, 0 otherwise (also when either is NULL).
 */
TRIAD_API int triad_roster_equal(const triad_roster *a, const triad_roster *b);

/* ---- building a roster ----------------------------------------------- */

/**
 * @brief The school's name, as shown on agreements and letters.
 * @return A string borrowed from the roster; NULL when none is set (or for NULL).
 */
TRIAD_API const char *triad_roster_school_name(const triad_roster *roster);

/**
 * @brief Set or clear the school's name.
 * @param roster the roster
 * @param name non-empty UTF-8, or NULL to clear
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOMEM; on failure the name is unchanged.
 */
TRIAD_API int triad_roster_set_school_name(triad_roster *roster, const char *name);


/** @brief Current version of #triad_student_info. */
#define TRIAD_STUDENT_INFO_VERSION 1

/**
 * @brief The fields of a new student (versioned; fields are only appended).
 */
typedef struct triad_student_info {
	unsigned version;        /**< #TRIAD_STUDENT_INFO_VERSION */
	const char *id;          /**< required, unique among students */
	const char *given_name;  /**< required, non-empty UTF-8 */
	const char *family_name; /**< required, non-empty UTF-8 (with any prefix: "de Vries") */
	triad_date birth_date;   /**< required; any valid date (there is no clock to compare it with) */
	const char *school_type; /**< required: a type id of the roster's school types (the type a combined class leads into) */
	int year;                /**< required: school year (leerjaar), 1..years of the type */
	const char *class_name;  /**< optional class label such as "2B"; NULL or "" for none */
	const char *mentor_id;   /**< optional staff id of a member with the mentor role; NULL for none */
	const char *bridge_class;/**< optional combined class such as "havo/vwo", containing @c school_type; NULL for none */
} triad_student_info;

/** @brief Positional initialiser: version set, every other field empty. */
#define TRIAD_STUDENT_INFO_INIT { TRIAD_STUDENT_INFO_VERSION, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, NULL }

/**
 * @brief Initialise a #triad_student_info as #TRIAD_STUDENT_INFO_INIT does.
 * @return 0, or #TRIAD_EINVAL for NULL or a version this library does not know.
 */
TRIAD_API int triad_student_info_init(triad_student_info *info, unsigned version);

/** @brief Current version of #triad_guardian_info. */
#define TRIAD_GUARDIAN_INFO_VERSION 1

/** @brief The fields of a new guardian (versioned; fields are only appended). */
typedef struct triad_guardian_info {
	unsigned version;        /**< #TRIAD_GUARDIAN_INFO_VERSION */
	const char *id;          /**< required, unique among guardians, not a student id */
	const char *given_name;  /**< required, non-empty UTF-8 */
	const char *family_name; /**< required, non-empty UTF-8 */
	const char *household_id;/**< optional id of an existing household; NULL for none */
	const char *language;    /**< preferred language, a BCP-47 tag such as "nl", "en", "tr", "pt-BR"; NULL means "nl" */
	triad_channel channel;   /**< preferred channel; TRIAD_CHANNEL_NONE for no preference */
} triad_guardian_info;

/** @brief Positional initialiser: version set, every other field empty. */
#define TRIAD_GUARDIAN_INFO_INIT { TRIAD_GUARDIAN_INFO_VERSION, NULL, NULL, NULL, NULL, NULL, TRIAD_CHANNEL_NONE }

/**
 * @brief Initialise a #triad_guardian_info as #TRIAD_GUARDIAN_INFO_INIT does.
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_guardian_info_init(triad_guardian_info *info, unsigned version);

/** @brief Current version of #triad_relation_info. */
#define TRIAD_RELATION_INFO_VERSION 1

/**
 * @brief How one guardian relates to one student (versioned; fields are
 *        only appended). Maps onto Ed-Fi's StudentContactAssociation; see
 *        doc/people-mapping.md.
 */
typedef struct triad_relation_info {
	unsigned version;          /**< #TRIAD_RELATION_INFO_VERSION */
	const char *student_id;    /**< required: an existing student */
	const char *guardian_id;   /**< required: an existing guardian; at most one relation per pair */
	triad_relation_kind kind;  /**< required */
	int authority;             /**< non-zero: holds parental authority (gezag; Ed-Fi legalGuardian) */
	int lives_with;            /**< non-zero: the student lives with this guardian */
	int primary_contact;       /**< non-zero: primary contact (Ed-Fi primaryContactStatus) */
	int contact_priority;      /**< 1 = contact first; 0 for none; 0..99 */
	triad_info_rights info_rights; /**< #TRIAD_INFO_DEFAULT derives it from authority; with authority
	                                    #TRIAD_INFO_ON_REQUEST is refused (a parent with authority is fully entitled) */
	const char *restriction_reason; /**< required with #TRIAD_INFO_RESTRICTED, refused otherwise */
	int adult_informed;        /**< once the student is adult: the student chose to have this guardian informed and invited */
	int adult_cosigns;         /**< once the student is adult: the student chose to have this guardian co-sign agreements */
} triad_relation_info;

/** @brief Positional initialiser: version set, every other field empty. */
#define TRIAD_RELATION_INFO_INIT { TRIAD_RELATION_INFO_VERSION, NULL, NULL, TRIAD_RELATION_NONE, 0, 0, 0, 0, TRIAD_INFO_DEFAULT, NULL, 0, 0 }

/**
 * @brief Initialise a #triad_relation_info as #TRIAD_RELATION_INFO_INIT does.
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_relation_info_init(triad_relation_info *info, unsigned version);

/**
 * @brief Add a household.
 * @param roster  the roster
 * @param id      unique among households
 * @param name    non-empty UTF-8, such as "Family de Vries"
 * @param address optional address label (UTF-8); NULL or "" for none
 * @return 0, #TRIAD_EINVAL (the message names the field), #TRIAD_EEXISTS for
 *         a duplicate id, #TRIAD_ENOMEM. On failure the roster is unchanged.
 */
TRIAD_API int triad_roster_add_household(triad_roster *roster, const char *id,
                                         const char *name, const char *address);

/**
 * @brief Add a staff member.
 * @param roster      the roster
 * @param id          unique among staff
 * @param given_name  non-empty UTF-8
 * @param family_name non-empty UTF-8
 * @param roles       one or more #triad_staff_role bits
 * @return 0, #TRIAD_EINVAL (the message names the field), #TRIAD_EEXISTS,
 *         #TRIAD_ENOMEM. On failure the roster is unchanged.
 */
TRIAD_API int triad_roster_add_staff(triad_roster *roster, const char *id,
                                     const char *given_name, const char *family_name,
                                     unsigned roles);

/**
 * @brief Add a student. The mentor, if any, must already be in the roster.
 * @param roster the roster
 * @param info   the student's fields (copied)
 * @return 0, #TRIAD_EINVAL (the message names the field), #TRIAD_EEXISTS,
 *         #TRIAD_ENOTFOUND for an unknown mentor or school type,
 *         #TRIAD_ERANGE for a year outside the school type, #TRIAD_ENOMEM.
 *         On failure the roster is unchanged.
 */
TRIAD_API int triad_roster_add_student(triad_roster *roster, const triad_student_info *info);

/**
 * @brief Add a guardian. The household, if any, must already be in the roster.
 * @param roster the roster
 * @param info   the guardian's fields (copied)
 * @return 0, #TRIAD_EINVAL, #TRIAD_EEXISTS (also for an id used by a student),
 *         #TRIAD_ENOTFOUND for an unknown household, #TRIAD_ENOMEM.
 *         On failure the roster is unchanged.
 */
TRIAD_API int triad_roster_add_guardian(triad_roster *roster, const triad_guardian_info *info);

/**
 * @brief Relate a guardian to a student.
 * @param roster the roster
 * @param info   the relation's fields (copied)
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND for an unknown student or
 *         guardian, #TRIAD_EEXISTS when the pair is already related,
 *         #TRIAD_ENOMEM. On failure the roster is unchanged.
 */
TRIAD_API int triad_roster_add_relation(triad_roster *roster, const triad_relation_info *info);

/**
 * @brief Record what an adult student chose about one guardian.
 *
 * Recorded at any age; it takes effect from the age of majority
 * (triad/policy.h).
 *
 * @param roster      the roster
 * @param student_id  the student
 * @param guardian_id a guardian related to the student
 * @param informed non-zero: the guardian is informed and invited
 * @param cosigns  non-zero: the guardian co-signs agreements
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND when the pair is not related.
 */
TRIAD_API int triad_roster_set_adult_choice(triad_roster *roster, const char *student_id,
                                            const char *guardian_id, int informed,
                                            int cosigns);

/**
 * @brief Record that consent was given or withdrawn.
 *
 * Records are kept in the order added. Whether the giver was entitled on
 * that date is not checked here; triad_policy_consent_in_force() ignores
 * records by people who are not entitled on the date asked about.
 *
 * @param roster     the roster
 * @param student_id the student the consent is about
 * @param purpose    what it is for, such as "photos", "data_processing",
 *                   "share_with_care_team"
 * @param by_id      the student or a guardian related to the student
 * @param given      non-zero: consent given; zero: withdrawn
 * @param on         the date of the decision
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND (unknown student, or @p by_id
 *         neither the student nor a guardian related to it), #TRIAD_ENOMEM.
 *         On failure the roster is unchanged.
 */
TRIAD_API int triad_roster_add_consent(triad_roster *roster, const char *student_id,
                                       const char *purpose, const char *by_id,
                                       int given, triad_date on);

/* ---- enumerating and looking up -------------------------------------- */

/** @brief Number of students; 0 for NULL. */
TRIAD_API size_t triad_roster_student_count(const triad_roster *roster);
/** @brief The student at @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_student *triad_roster_student_at(const triad_roster *roster, size_t index);
/** @brief The student with @p id; NULL (#TRIAD_ENOTFOUND naming the id, or #TRIAD_EINVAL). */
TRIAD_API const triad_student *triad_roster_student(const triad_roster *roster, const char *id);

/** @brief Number of guardians; 0 for NULL. */
TRIAD_API size_t triad_roster_guardian_count(const triad_roster *roster);
/** @brief The guardian at @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_guardian *triad_roster_guardian_at(const triad_roster *roster, size_t index);
/** @brief The guardian with @p id; NULL (#TRIAD_ENOTFOUND or #TRIAD_EINVAL). */
TRIAD_API const triad_guardian *triad_roster_guardian(const triad_roster *roster, const char *id);

/** @brief Number of households; 0 for NULL. */
TRIAD_API size_t triad_roster_household_count(const triad_roster *roster);
/** @brief The household at @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_household *triad_roster_household_at(const triad_roster *roster, size_t index);
/** @brief The household with @p id; NULL (#TRIAD_ENOTFOUND or #TRIAD_EINVAL). */
TRIAD_API const triad_household *triad_roster_household(const triad_roster *roster, const char *id);

/** @brief Number of staff members; 0 for NULL. */
TRIAD_API size_t triad_roster_staff_count(const triad_roster *roster);
/** @brief The staff member at @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_staff *triad_roster_staff_at(const triad_roster *roster, size_t index);
/** @brief The staff member with @p id; NULL (#TRIAD_ENOTFOUND or #TRIAD_EINVAL). */
TRIAD_API const triad_staff *triad_roster_staff(const triad_roster *roster, const char *id);

/** @brief Number of student–guardian relations; 0 for NULL. */
TRIAD_API size_t triad_roster_relation_count(const triad_roster *roster);
/** @brief The relation at @p index; NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_relation *triad_roster_relation_at(const triad_roster *roster, size_t index);
/**
 * @brief The relation between a student and a guardian.
 * @return NULL (#TRIAD_ENOTFOUND naming both ids, or #TRIAD_EINVAL) when they are not related.
 */
TRIAD_API const triad_relation *triad_roster_relation(const triad_roster *roster,
                                                      const char *student_id,
                                                      const char *guardian_id);

/** @brief Number of consent records; 0 for NULL. */
TRIAD_API size_t triad_roster_consent_count(const triad_roster *roster);
/** @brief The consent record at @p index (order added); NULL (#TRIAD_EINVAL) out of range. */
TRIAD_API const triad_consent *triad_roster_consent_at(const triad_roster *roster, size_t index);

/* ---- navigating: id lists --------------------------------------------- */

/**
 * @brief The ids of a student's guardians, by contact priority (1 first,
 *        0 = none last), then in the order the relations were added.
 * @param out        receives a new list; free it with triad_strlist_free()
 * @param roster     the roster
 * @param student_id the student
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND for an unknown student, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_student_guardians(triad_strlist **out, const triad_roster *roster,
                                             const char *student_id);

/**
 * @brief The ids of the households a student belongs to: those of the
 *        student's guardians, in the order of triad_roster_student_guardians(),
 *        each once.
 * @return as triad_roster_student_guardians().
 */
TRIAD_API int triad_roster_student_households(triad_strlist **out, const triad_roster *roster,
                                              const char *student_id);

/**
 * @brief The ids of the students a guardian is related to, in the order the
 *        relations were added. Read the flags of each with triad_roster_relation().
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND for an unknown guardian, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_guardian_students(triad_strlist **out, const triad_roster *roster,
                                             const char *guardian_id);

/**
 * @brief The ids of the guardians in a household, in roster order.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND for an unknown household, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_household_guardians(triad_strlist **out, const triad_roster *roster,
                                               const char *household_id);

/**
 * @brief The ids of the students of a household (the students related to
 *        any of its guardians), in roster order, each once.
 * @return as triad_roster_household_guardians().
 */
TRIAD_API int triad_roster_household_students(triad_strlist **out, const triad_roster *roster,
                                              const char *household_id);

/**
 * @brief The ids of the students whose mentor is @p staff_id, in roster order.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOTFOUND for an unknown staff member, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_mentor_students(triad_strlist **out, const triad_roster *roster,
                                           const char *staff_id);

/**
 * @brief The ids of the students in a class (compared byte for byte), in
 *        roster order; an empty list when no student has that class.
 * @return 0, #TRIAD_EINVAL, #TRIAD_ENOMEM.
 */
TRIAD_API int triad_roster_class_students(triad_strlist **out, const triad_roster *roster,
                                          const char *class_name);

/* ---- reading records --------------------------------------------------- */
/* Strings are borrowed from the roster. For a NULL handle every string
 * getter returns NULL and every number 0. */

/** @brief The student's id. */
TRIAD_API const char *triad_student_id(const triad_student *s);
/** @brief The student's given name. */
TRIAD_API const char *triad_student_given_name(const triad_student *s);
/** @brief The student's family name. */
TRIAD_API const char *triad_student_family_name(const triad_student *s);
/** @brief The student's birth date. */
TRIAD_API triad_date triad_student_birth_date(const triad_student *s);
/** @brief The school type id (the type a combined class leads into). */
TRIAD_API const char *triad_student_school_type(const triad_student *s);
/** @brief The combined class label such as "havo/vwo"; NULL when none. */
TRIAD_API const char *triad_student_bridge_class(const triad_student *s);
/** @brief The school year (leerjaar), from 1. */
TRIAD_API int triad_student_year(const triad_student *s);
/** @brief The class label; NULL when none. */
TRIAD_API const char *triad_student_class_name(const triad_student *s);
/** @brief The mentor's staff id; NULL when none. */
TRIAD_API const char *triad_student_mentor_id(const triad_student *s);
/**
 * @brief The student's age in whole years on a date.
 * @return 0, or #TRIAD_EINVAL for NULL or a date before the birth date.
 */
TRIAD_API int triad_student_age(int *out, const triad_student *s, triad_date on);

/** @brief The guardian's id. */
TRIAD_API const char *triad_guardian_id(const triad_guardian *g);
/** @brief The guardian's given name. */
TRIAD_API const char *triad_guardian_given_name(const triad_guardian *g);
/** @brief The guardian's family name. */
TRIAD_API const char *triad_guardian_family_name(const triad_guardian *g);
/** @brief The guardian's household id; NULL when none. */
TRIAD_API const char *triad_guardian_household_id(const triad_guardian *g);
/** @brief The preferred language (BCP-47 tag, "nl" unless set). */
TRIAD_API const char *triad_guardian_language(const triad_guardian *g);
/** @brief The preferred channel; TRIAD_CHANNEL_NONE when none. */
TRIAD_API triad_channel triad_guardian_channel(const triad_guardian *g);

/** @brief The household's id. */
TRIAD_API const char *triad_household_id(const triad_household *h);
/** @brief The household's name. */
TRIAD_API const char *triad_household_name(const triad_household *h);
/** @brief The household's address label; NULL when none. */
TRIAD_API const char *triad_household_address(const triad_household *h);

/** @brief The staff member's id. */
TRIAD_API const char *triad_staff_id(const triad_staff *m);
/** @brief The staff member's given name. */
TRIAD_API const char *triad_staff_given_name(const triad_staff *m);
/** @brief The staff member's family name. */
TRIAD_API const char *triad_staff_family_name(const triad_staff *m);
/** @brief The staff member's roles, #triad_staff_role bits. */
TRIAD_API unsigned triad_staff_roles(const triad_staff *m);

/** @brief The related student's id. */
TRIAD_API const char *triad_relation_student_id(const triad_relation *r);
/** @brief The related guardian's id. */
TRIAD_API const char *triad_relation_guardian_id(const triad_relation *r);
/** @brief The kind of relation. */
TRIAD_API triad_relation_kind triad_relation_kind_of(const triad_relation *r);
/** @brief 1 when the guardian holds parental authority, else 0. */
TRIAD_API int triad_relation_authority(const triad_relation *r);
/** @brief 1 when the student lives with the guardian, else 0. */
TRIAD_API int triad_relation_lives_with(const triad_relation *r);
/** @brief 1 when the guardian is a primary contact, else 0. */
TRIAD_API int triad_relation_primary_contact(const triad_relation *r);
/** @brief Contact priority, 1 first; 0 when none. */
TRIAD_API int triad_relation_contact_priority(const triad_relation *r);
/** @brief Information rights, never #TRIAD_INFO_DEFAULT for a valid handle. */
TRIAD_API triad_info_rights triad_relation_info_rights(const triad_relation *r);
/** @brief The recorded reason of a restriction; NULL unless restricted. */
TRIAD_API const char *triad_relation_restriction_reason(const triad_relation *r);
/** @brief 1 when the (adult) student chose to have the guardian informed and invited. */
TRIAD_API int triad_relation_adult_informed(const triad_relation *r);
/** @brief 1 when the (adult) student chose to have the guardian co-sign. */
TRIAD_API int triad_relation_adult_cosigns(const triad_relation *r);

/** @brief The id of the student the consent is about. */
TRIAD_API const char *triad_consent_student_id(const triad_consent *c);
/** @brief The purpose, such as "photos". */
TRIAD_API const char *triad_consent_purpose(const triad_consent *c);
/** @brief The id of the person (student or guardian) who decided. */
TRIAD_API const char *triad_consent_by_id(const triad_consent *c);
/** @brief 1 when consent was given, 0 when withdrawn. */
TRIAD_API int triad_consent_given(const triad_consent *c);
/** @brief The date of the decision. */
TRIAD_API triad_date triad_consent_date(const triad_consent *c);

TRIAD_END_DECLS

#endif /* TRIAD_ROSTER_H */
