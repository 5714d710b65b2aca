/**
 * @file triad/contactlog.h
 * @brief The contact log: what happened between home and school.
 *
 * Each entry records one contact or attempt: an id, the local date and time
 * (ISO 8601 "YYYY-MM-DDTHH:MM", Europe/Amsterdam wall-clock time), the kind
 * and channel (triad/contactkind.h), who started it (school, parent,
 * student), its tone (positive, neutral, concern), whether it reached anyone,
 * who took part (guardian ids, whether the student was present), the
 * students concerned, the household and the staff member, and optionally the
 * id of the entry it answers (so that response times can be checked).
 *
 * The log stores entries compactly (ids interned once, fields packed; about
 * 100 bytes per entry at a million entries, doc/benchmarks-contacts.md), so
 * a million entries take about 100 MB.
 * It reads and writes a JSON document (`triad.contact-log/1`, see
 * doc/formats/contact-log.md) and JSON Lines, streamed one entry at a time.
 *
 * Every change is all-or-nothing: a failed call leaves the log as it was.
 *
 * Thread safety: a log may be read from many threads at once while nobody
 * changes it; changing it needs exclusive access. Readers and writers of
 * JSON Lines belong to one thread at a time.
 */
#ifndef TRIAD_CONTACTLOG_H
#define TRIAD_CONTACTLOG_H

#include "common.h"
#include "contactkind.h"
#include "date.h"
#include "strlist.h"

TRIAD_BEGIN_DECLS

/** @brief Who started a contact. 0 means "none". Ids: "school", "parent", "student". */
typedef enum triad_initiator {
	TRIAD_INITIATOR_NONE = 0,
	TRIAD_INITIATOR_SCHOOL = 1,  /**< "school" */
	TRIAD_INITIATOR_PARENT = 2,  /**< "parent": a parent or guardian */
	TRIAD_INITIATOR_STUDENT = 3  /**< "student" */
} triad_initiator;

/** @brief The tone of a contact. 0 means "none". Ids: "positive", "neutral", "concern". */
typedef enum triad_tone {
	TRIAD_TONE_NONE = 0,
	TRIAD_TONE_POSITIVE = 1, /**< "positive" */
	TRIAD_TONE_NEUTRAL = 2,  /**< "neutral" */
	TRIAD_TONE_CONCERN = 3   /**< "concern": a problem is the subject */
} triad_tone;

/** @brief Stable id of an initiator; NULL (with #TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_initiator_id(triad_initiator initiator);
/** @brief Look an initiator up by id; #TRIAD_ENOTFOUND when unknown. */
TRIAD_API int triad_initiator_from_id(triad_initiator *out, const char *id);
/** @brief Stable id of a tone; NULL (with #TRIAD_EINVAL) when invalid. */
TRIAD_API const char *triad_tone_id(triad_tone tone);
/** @brief Look a tone up by id; #TRIAD_ENOTFOUND when unknown. */
TRIAD_API int triad_tone_from_id(triad_tone *out, const char *id);

/** @brief Longest id (entry, household, person) the log accepts, in bytes. */
#define TRIAD_CONTACT_ID_MAX 64
/** @brief Most guardians, and most students, one entry may list. */
#define TRIAD_CONTACT_PEOPLE_MAX 32
/** @brief Current version of #triad_contact. */
#define TRIAD_CONTACT_VERSION 1

/**
 * @brief One entry of the log, as passed in and handed out.
 *
 * Ids are 1..#TRIAD_CONTACT_ID_MAX bytes of UTF-8 without control
 * characters. Fields are only ever appended; set @c version to
 * #TRIAD_CONTACT_VERSION (TRIAD_CONTACT_INIT or triad_contact_init() do).
 */
typedef struct triad_contact {
	unsigned version;            /**< #TRIAD_CONTACT_VERSION */
	const char *id;              /**< unique id of the entry (required) */
	triad_date date;             /**< local date */
	int32_t minute;              /**< local time in minutes after midnight, 0..1439 */
	triad_contact_kind kind;     /**< required */
	triad_channel channel;       /**< required */
	triad_initiator initiator;   /**< required */
	triad_tone tone;             /**< required */
	int reached;                 /**< non-zero: the attempt reached someone (a successful contact) */
	const char *household;       /**< the household (required) */
	const char *staff;           /**< the staff member; NULL when none */
	const char *answers;         /**< id of the entry this one answers; NULL when none */
	int student_present;         /**< non-zero: the student took part */
	const char *const *guardians; /**< ids of the guardians who took part */
	size_t guardian_count;       /**< 0..#TRIAD_CONTACT_PEOPLE_MAX */
	const char *const *students; /**< ids of the students concerned */
	size_t student_count;        /**< 0..#TRIAD_CONTACT_PEOPLE_MAX */
} triad_contact;

/** @brief Positional initialiser of an empty #triad_contact. */
#define TRIAD_CONTACT_INIT \
	{ TRIAD_CONTACT_VERSION, NULL, 0, 0, TRIAD_CONTACT_NONE, TRIAD_CHANNEL_NONE, \
	  TRIAD_INITIATOR_NONE, TRIAD_TONE_NONE, 0, NULL, NULL, NULL, 0, NULL, 0, NULL, 0 }

/**
 * @brief Initialise an entry for FFI callers (same as TRIAD_CONTACT_INIT).
 * @param c the entry to initialise
 * @param version #TRIAD_CONTACT_VERSION
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_contact_init(triad_contact *c, unsigned version);

/**
 * @brief Check one entry on its own (fields, ids, ranges), as triad_contactlog_add() does.
 * @return 0, or #TRIAD_EINVAL naming the field that is wrong.
 */
TRIAD_API int triad_contact_validate(const triad_contact *c);

/** @brief A contact log. */
typedef struct triad_contactlog triad_contactlog;

/**
 * @brief A new, empty log.
 * @param out receives the log; free it with triad_contactlog_free()
 * @return 0 or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactlog_new(triad_contactlog **out);

/** @brief Free a log; NULL does nothing. */
TRIAD_API void triad_contactlog_free(triad_contactlog *log);

/** @brief Number of entries; 0 for NULL. */
TRIAD_API size_t triad_contactlog_count(const triad_contactlog *log);

/**
 * @brief Bytes of memory the log holds (entries, interned ids, indexes),
 *        capacity included.
 */
TRIAD_API size_t triad_contactlog_memory(const triad_contactlog *log);

/**
 * @brief Append an entry (the log copies what it needs).
 * @return 0; #TRIAD_EINVAL for an invalid field (the message names it);
 *         #TRIAD_EEXISTS when the id is taken; #TRIAD_ENOTFOUND when
 *         @c answers names no entry; #TRIAD_ERANGE when the answer lies
 *         before the entry it answers; #TRIAD_ENOMEM. The log is unchanged
 *         on failure.
 */
TRIAD_API int triad_contactlog_add(triad_contactlog *log, const triad_contact *entry);

/**
 * @brief Correct an entry: replace the entry whose id is @c entry->id.
 * @return 0; #TRIAD_ENOTFOUND when no entry has that id or @c answers names
 *         no entry; #TRIAD_EINVAL (also when the entry would answer itself);
 *         #TRIAD_ERANGE when the correction would put an answer before the
 *         entry it answers; #TRIAD_ENOMEM. Unchanged on failure.
 */
TRIAD_API int triad_contactlog_correct(triad_contactlog *log, const triad_contact *entry);

/**
 * @brief Remove the entry with id @p id.
 * @return 0; #TRIAD_ENOTFOUND; #TRIAD_ESTATE when another entry answers it
 *         (the message names that entry: remove or correct it first).
 */
TRIAD_API int triad_contactlog_remove(triad_contactlog *log, const char *id);

/**
 * @brief Find an entry by id.
 * @param log the log
 * @param id the entry id
 * @param out receives its index (0..count-1)
 * @return 0 or #TRIAD_ENOTFOUND.
 */
TRIAD_API int triad_contactlog_find(size_t *out, const triad_contactlog *log, const char *id);

/**
 * @brief Read the entry at @p index.
 *
 * Strings are borrowed from the log and stay valid until it changes.
 * @c guardians and @c students are set to NULL; their counts are set, and
 * triad_contactlog_guardian() and triad_contactlog_student() read them.
 * @return 0 or #TRIAD_EINVAL for an index out of range.
 */
TRIAD_API int triad_contactlog_get(triad_contact *out, const triad_contactlog *log, size_t index);

/** @brief Guardian @p k of entry @p index (borrowed); NULL with #TRIAD_EINVAL when out of range. */
TRIAD_API const char *triad_contactlog_guardian(const triad_contactlog *log, size_t index, size_t k);
/** @brief Student @p k of entry @p index (borrowed); NULL with #TRIAD_EINVAL when out of range. */
TRIAD_API const char *triad_contactlog_student(const triad_contactlog *log, size_t index, size_t k);

/* ---- JSON document: triad.contact-log/1 ---- */

/**
 * @brief Load a log from a JSON document in memory.
 * @param out receives a new log; untouched on failure
 * @param text the JSON text (UTF-8)
 * @param len its length in bytes
 * @param source name used in messages (may be NULL)
 * @return 0; #TRIAD_EPARSE (line, column); #TRIAD_EFORMAT (JSON path, e.g.
 *         `entries[3].guardians[0]`) for wrong content, unknown fields,
 *         duplicate ids and dangling `answers`; #TRIAD_EVERSION; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactlog_load_string(triad_contactlog **out, const char *text,
                                           size_t len, const char *source);
/**
 * @brief Load a log from a JSON file; errors as triad_contactlog_load_string(), and #TRIAD_EIO.
 *
 * Unlike triad_roster_load() and the other modules' `_load`, this takes a
 * file name; text in memory goes to triad_contactlog_load_string() (see
 * doc/api-conventions.md, "Loading and saving").
 */
TRIAD_API int triad_contactlog_load(triad_contactlog **out, const char *filename);
/**
 * @brief The log as a JSON document.
 * @param log the log
 * @param out receives UTF-8 text the caller frees with triad_free()
 * @return 0 or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactlog_to_json(char **out, const triad_contactlog *log);
/** @brief Save the log as a JSON document, atomically. @return 0, #TRIAD_EIO or #TRIAD_ENOMEM. */
TRIAD_API int triad_contactlog_save(const triad_contactlog *log, const char *filename);

/* ---- JSON Lines ---- */

/**
 * @brief Load a log from JSON Lines: a first line `{"format":"triad.contact-log/1"}`,
 *        then one entry object a line (the same fields as in the document).
 *
 * Reads one line at a time, never the whole file as a tree.
 * @return as triad_contactlog_load(); errors carry the line number (and the
 *         JSON path inside the line).
 */
TRIAD_API int triad_contactlog_load_jsonl(triad_contactlog **out, const char *filename);
/** @brief Save the log as JSON Lines, atomically. @return 0, #TRIAD_EIO or #TRIAD_ENOMEM. */
TRIAD_API int triad_contactlog_save_jsonl(const triad_contactlog *log, const char *filename);

/** @brief Reads JSON Lines one entry at a time. */
typedef struct triad_contact_reader triad_contact_reader;

/**
 * @brief Open a JSON Lines file and check its first (format) line.
 * @return 0, #TRIAD_EIO, #TRIAD_EPARSE, #TRIAD_EFORMAT, #TRIAD_EVERSION or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contact_reader_open(triad_contact_reader **out, const char *filename);

/**
 * @brief Read the next entry.
 * @param r the reader
 * @param got receives 1 when an entry was read, 0 at the end of the file
 * @param out receives the entry; its strings are borrowed from the reader
 *        and valid until the next call or triad_contact_reader_free()
 * @return 0; #TRIAD_EPARSE or #TRIAD_EFORMAT with the line number (and the
 *         path inside it); #TRIAD_EIO; #TRIAD_ENOMEM. The entry is checked
 *         on its own (triad_contact_validate()); references between
 *         entries are the caller's to check.
 */
TRIAD_API int triad_contact_reader_next(int *got, triad_contact *out, triad_contact_reader *r);

/** @brief Line number of the entry last read (the format line is line 1). */
TRIAD_API size_t triad_contact_reader_line(const triad_contact_reader *r);

/** @brief Close a reader; NULL does nothing. */
TRIAD_API void triad_contact_reader_free(triad_contact_reader *r);

/** @brief Writes JSON Lines one entry at a time. */
typedef struct triad_contact_writer triad_contact_writer;

/**
 * @brief Start writing a JSON Lines file (a temporary file next to it until
 *        triad_contact_writer_close(); the format line is written first).
 * @return 0, #TRIAD_EIO or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contact_writer_open(triad_contact_writer **out, const char *filename);
/** @brief Write one entry (validated first). @return 0, #TRIAD_EINVAL, #TRIAD_EIO or #TRIAD_ENOMEM. */
TRIAD_API int triad_contact_writer_write(triad_contact_writer *w, const triad_contact *entry);
/**
 * @brief Finish: flush, sync and rename the file into place, then free the writer.
 * @return 0 or #TRIAD_EIO (the file is then not created); the writer is freed either way.
 */
TRIAD_API int triad_contact_writer_close(triad_contact_writer *w);
/** @brief Abandon a writer: the temporary file is removed; NULL does nothing. */
TRIAD_API void triad_contact_writer_free(triad_contact_writer *w);

/* ---- privacy ---- */

/**
 * @brief A new log with the entries of one household alone.
 *
 * `answers` links to entries of other households are dropped, so that
 * nothing of another household leaks into the export.
 * @return 0; #TRIAD_ENOTFOUND when no entry belongs to @p household; #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactlog_for_household(triad_contactlog **out, const triad_contactlog *log,
                                             const char *household);

/** @brief Shortest key triad_contactlog_pseudonymize() accepts (16 bytes). */
#define TRIAD_PSEUDONYM_KEY_MIN 16
/** @brief Longest key triad_contactlog_pseudonymize() accepts (64 bytes). */
#define TRIAD_PSEUDONYM_KEY_MAX 64

/**
 * @brief A pseudonym for one id: "p" and 24 hex digits of the keyed BLAKE2b
 *        hash (libsodium crypto_generichash) of the id under @p key.
 *
 * The same id and key always give the same pseudonym; another key gives an
 * unrelated one. Without the key nobody can test a guess: an *unkeyed* hash
 * of a student number is reversible, because the few million possible
 * numbers can all be hashed in seconds and looked up.
 * @param id the id to replace
 * @param keylen the length of @p key in bytes
 * @param out receives a string the caller frees with triad_free()
 * @param key  secret of #TRIAD_PSEUDONYM_KEY_MIN..#TRIAD_PSEUDONYM_KEY_MAX bytes
 * @return 0, #TRIAD_EINVAL (the key length or id), #TRIAD_EINTERNAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_pseudonym(char **out, const char *id, const unsigned char *key, size_t keylen);

/**
 * @brief A copy of the log for analysis in which every id (entries,
 *        households, guardians, students, staff, answers) is replaced by
 *        its pseudonym (triad_pseudonym()); dates, kinds and outcomes stay.
 * @return 0, #TRIAD_EINVAL, #TRIAD_EINTERNAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_contactlog_pseudonymize(triad_contactlog **out, const triad_contactlog *log,
                                            const unsigned char *key, size_t keylen);

/**
 * @brief Erase a person or a household from the log.
 *
 * Entries of the household @p id are removed; @p id is removed from the
 * guardians and students of every other entry, and an entry whose only
 * student concerned was @p id is removed; a staff member @p id is cleared
 * from the entries it handled. `answers` links to removed entries are
 * cleared. The log's interned ids are rebuilt, so that @p id no longer
 * exists anywhere in its memory.
 * @param log the log to change
 * @param id the household, guardian, student or staff id to erase
 * @param out_removed receives the ids of the removed entries (may be empty);
 *        free with triad_strlist_free()
 * @param out_changed receives how many remaining entries were changed; may be NULL
 * @return 0, #TRIAD_ENOTFOUND when @p id occurs nowhere in the log, #TRIAD_EINVAL
 *         or #TRIAD_ENOMEM (the log unchanged).
 */
TRIAD_API int triad_contactlog_erase(triad_strlist **out_removed, size_t *out_changed,
                                     triad_contactlog *log, const char *id);

/**
 * @brief Retention: drop the entries older than @p school_years school years.
 *
 * School years run from 1 August to 31 July. The entries kept are those on
 * or after 1 August of the school year that began @p school_years - 1 years
 * before the one holding @p as_of: with 2 school years and as-of date
 * 2026-11-26, everything from 2025-08-01 on is kept. `answers` links to
 * dropped entries are cleared.
 * @param log the log to change
 * @param as_of the date retention is judged on
 * @param out_removed receives the number of entries dropped; may be NULL
 * @param school_years 1..100
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM (the log unchanged).
 */
TRIAD_API int triad_contactlog_retain(size_t *out_removed, triad_contactlog *log,
                                      triad_date as_of, int school_years);

TRIAD_END_DECLS

#endif /* TRIAD_CONTACTLOG_H */
