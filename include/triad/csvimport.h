/**
 * @file triad/csvimport.h
 * @brief Importing parents' evening requests and households from a CSV
 *        export of a school administration system.
 *
 * Schools export one row per student–teacher pair: which household asks to
 * meet which teacher about which student, with the household's details
 * repeated on each of its rows. triad_conference_import_csv() reads such a
 * file and adds its households and requests to a base instance that holds
 * the sessions, rooms, teachers and settings (e.g. loaded with
 * triad_conference_load_file()).
 *
 * **The file.** UTF-8 (a byte-order mark is skipped), cells separated by
 * `;`, `,` or a tab (detected from the header row unless set in the
 * options), cells in double quotes when they hold the separator, a quote
 * (written twice) or a line break. The first row is the header; it names the
 * columns, in any order. Rows whose cells are all empty are skipped.
 *
 * **The columns** (#triad_csv_column; doc/formats/csv-import.md has the
 * full list of accepted header names and an example). Header names are
 * compared after lower-casing ASCII letters, trimming spaces, and treating
 * runs of spaces, `-`, `_`, `/` and `.` as one `_`, so "Ouder/verzorger"
 * matches `ouder_verzorger`.
 *
 * | column        | default headers (nl, en)           | content |
 * |---------------|------------------------------------|---------|
 * | household     | gezin, household                   | required: the household id |
 * | household_name| gezinsnaam, household_name         | the household's name |
 * | parent        | ouder, parent                      | the parent(s) coming; the name when household_name is absent |
 * | student       | leerling, student                  | required: the student the meeting is about |
 * | teacher       | docent, teacher                    | required: a teacher id of the base instance |
 * | joint_teacher | samen met, joint_teacher           | a second teacher for a joint meeting (in the first one's room) |
 * | priority      | prioriteit, priority               | uitgenodigd/invited, verplicht/required (default), optioneel/optional |
 * | slots         | duur, slots                        | meeting length in slots, 1 (default) to 4 |
 * | preference    | voorkeur, preference               | vroeg/early, laat/late, geen/none (default) |
 * | sessions      | avonden, sessions                  | the sessions the household can come to: ids or dates, separated by spaces, `,`, `;` or `+`; empty: all |
 * | max_sessions  | max avonden, max_sessions          | the most sessions the household will come to; empty: no cap |
 *
 * The household columns (household_name, parent, preference, sessions,
 * max_sessions) describe the household, not the row: an empty cell says
 * nothing, and two rows of one household that state different values are
 * an error naming both rows. Rows of one household with the same teacher
 * (and joint teacher) become one request about all their students (siblings
 * are met together), with the highest priority and the longest duration of
 * those rows; the same student twice is an error. Requests get the id
 * `csv-ROW`, ROW being the row that first asked for them; households keep
 * the ids of the file. The base instance's own households and requests are
 * kept; an id the file shares with them is an error.
 *
 * **Errors** name the input (@p source), the row and the column:
 * requests.csv: row 17, column "docent": unknown teacher "xyz". Rows are
 * counted like a spreadsheet does: the line on which the row starts, the
 * header being row 1 on line 1 (a line break inside a quoted cell makes the
 * following rows start one line later). The last error's `line` holds the
 * row and `column` the column number (1-based; 0 when the error concerns a
 * whole row or file).
 *
 * Thread safety: the functions only read their arguments; separate calls
 * may run at once, also with the same base instance.
 */
#ifndef TRIAD_CSVIMPORT_H
#define TRIAD_CSVIMPORT_H

#include "common.h"
#include "conference.h"

TRIAD_BEGIN_DECLS

/** @brief The columns of a CSV import. 0 means "none"; values are stable. */
typedef enum triad_csv_column {
	TRIAD_CSV_COLUMN_NONE = 0,           /**< no column */
	TRIAD_CSV_COLUMN_HOUSEHOLD = 1,      /**< "household": the household id (required) */
	TRIAD_CSV_COLUMN_HOUSEHOLD_NAME = 2, /**< "household_name" */
	TRIAD_CSV_COLUMN_PARENT = 3,         /**< "parent": the parent(s) or guardian(s) */
	TRIAD_CSV_COLUMN_STUDENT = 4,        /**< "student" (required) */
	TRIAD_CSV_COLUMN_TEACHER = 5,        /**< "teacher": a teacher id (required) */
	TRIAD_CSV_COLUMN_JOINT_TEACHER = 6,  /**< "joint_teacher": a second teacher id */
	TRIAD_CSV_COLUMN_PRIORITY = 7,       /**< "priority" */
	TRIAD_CSV_COLUMN_SLOTS = 8,          /**< "slots": meeting length in slots */
	TRIAD_CSV_COLUMN_PREFERENCE = 9,     /**< "preference": early or late */
	TRIAD_CSV_COLUMN_SESSIONS = 10,      /**< "sessions": sessions the household can come to */
	TRIAD_CSV_COLUMN_MAX_SESSIONS = 11   /**< "max_sessions" */
} triad_csv_column;

/** @brief Number of columns (11); valid values are 1..count. */
#define TRIAD_CSV_COLUMN_COUNT 11

/** @brief Room for header names in #triad_csvimport_options (columns added later fit). */
#define TRIAD_CSV_HEADERS_MAX 32

/** @brief Current version of #triad_csvimport_options. */
#define TRIAD_CSVIMPORT_OPTIONS_VERSION 1

/** @brief Options of triad_conference_import_csv(). Fields are only ever appended. */
typedef struct triad_csvimport_options {
	unsigned version;  /**< #TRIAD_CSVIMPORT_OPTIONS_VERSION */
	/** The cell separator: ';', ',' or '\\t'; 0 (the default) detects it
	 *  from the header row (the one of the three it holds most of). */
	char delimiter;
	/** Non-zero: columns whose header is not recognised are ignored
	 *  (default 0: they are an error, so that typos are caught). */
	int ignore_unknown_columns;
	/** The header name of a column, indexed by #triad_csv_column; non-NULL
	 *  replaces that column's default names (compared as described above).
	 *  Entries 0 and above #TRIAD_CSV_COLUMN_COUNT must be NULL. */
	const char *headers[TRIAD_CSV_HEADERS_MAX];
} triad_csvimport_options;

/** @brief Positional initialiser with the defaults. */
#define TRIAD_CSVIMPORT_OPTIONS_INIT { TRIAD_CSVIMPORT_OPTIONS_VERSION, 0, 0, { NULL } }

/**
 * @brief Fill @p opts with the defaults for a version (for FFI users).
 * @param opts    the options to fill
 * @param version #TRIAD_CSVIMPORT_OPTIONS_VERSION or older
 * @return 0, or #TRIAD_EINVAL for NULL or an unknown version.
 */
TRIAD_API int triad_csvimport_options_init(triad_csvimport_options *opts, unsigned version);

/**
 * @brief The stable name of a column ("household", "joint_teacher", ...).
 * @param column a column
 * @return A static string, or NULL (with #TRIAD_EINVAL recorded) for an invalid column.
 */
TRIAD_API const char *triad_csv_column_id(triad_csv_column column);

/**
 * @brief Add the households and requests of a CSV export to a copy of a
 *        base instance.
 *
 * Everything is checked before anything is built, and each problem is
 * reported with its row and column: a malformed file (#TRIAD_EPARSE: an
 * unclosed or stray quote, with the row), invalid UTF-8, an unknown,
 * duplicate or missing header, an empty required cell, an unknown teacher
 * or session, a teacher present at no session, a value that is not one of
 * the allowed words or numbers, a household whose rows disagree, the same
 * student twice in one request, an id shared with the base instance
 * (#TRIAD_EFORMAT for these).
 *
 * @param out     receives a new instance only on success; free it with
 *                triad_conference_free()
 * @param base    sessions, rooms, teachers, settings, and any households and
 *                requests to keep; only read
 * @param text    the CSV text, @p len bytes (need not be NUL-terminated)
 * @param len     length of @p text in bytes
 * @param source  name of the input for messages (such as the file name); may be NULL
 * @param options NULL for the defaults
 * @return 0, #TRIAD_EINVAL (NULL arguments, invalid options), #TRIAD_EPARSE,
 *         #TRIAD_EFORMAT or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_conference_import_csv(triad_conference **out, const triad_conference *base,
                                          const char *text, size_t len, const char *source,
                                          const triad_csvimport_options *options);

/**
 * @brief As triad_conference_import_csv(), reading the CSV from a file.
 * @param out      receives a new instance only on success
 * @param base     the base instance; only read
 * @param filename the CSV file; also the source named in messages
 * @param options  NULL for the defaults
 * @return as triad_conference_import_csv(), and #TRIAD_EIO when the file
 *         cannot be read.
 */
TRIAD_API int triad_conference_import_csv_file(triad_conference **out,
                                               const triad_conference *base,
                                               const char *filename,
                                               const triad_csvimport_options *options);

TRIAD_END_DECLS

#endif /* TRIAD_CSVIMPORT_H */
