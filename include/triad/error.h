/**
 * @file triad/error.h
 * @brief Error codes and the thread-local last error.
 *
 * Every function that can fail returns an `int`: 0 on success or a negative
 * `TRIAD_E*` code. A failed call also records a thread-local error with a
 * message meant for the person who has to fix the input, and for problems in
 * a document the place: line and column for syntax errors, a JSON path such
 * as `teachers[3].sessions[0].available[1]` for content errors.
 *
 * Thread safety: the last error is per thread; reading it is always safe.
 */
#ifndef TRIAD_ERROR_H
#define TRIAD_ERROR_H

#include "common.h"

TRIAD_BEGIN_DECLS

/** @brief Error codes. Values are stable; new codes are appended. */
typedef enum triad_error_code {
	TRIAD_OK = 0,          /**< Success. */
	TRIAD_EINVAL = -1,     /**< An argument is invalid (NULL, out of range, bad UTF-8). */
	TRIAD_ENOMEM = -2,     /**< Out of memory. */
	TRIAD_ENOTFOUND = -3,  /**< An id or name does not exist. */
	TRIAD_EPARSE = -4,     /**< A document is not well-formed (syntax). */
	TRIAD_ESTATE = -5,     /**< The operation is not allowed in the object's state. */
	TRIAD_EFORMAT = -6,    /**< A well-formed document has invalid content. */
	TRIAD_EVERSION = -7,   /**< A document's format version is newer than supported. */
	TRIAD_EEXISTS = -8,    /**< An id is already in use. */
	TRIAD_EIO = -9,        /**< Reading or writing a file failed. */
	TRIAD_ECANCELED = -10, /**< A callback asked to stop. */
	TRIAD_ERANGE = -11,    /**< A value lies outside its allowed range. */
	TRIAD_EINTERNAL = -12  /**< A dependency failed in an unexpected way. */
} triad_error_code;

/**
 * @brief The last error recorded on the calling thread.
 *
 * All strings are owned by the library and stay valid until the next
 * libtriad call on the same thread. None of them is ever NULL.
 */
typedef struct triad_error {
	int code;            /**< A #triad_error_code; 0 when no error was recorded. */
	const char *message; /**< What went wrong, in English; "" when none. */
	const char *source;  /**< The file or input name the error is about; "" when unknown. */
	int32_t line;        /**< 1-based line of a syntax error; 0 when unknown. */
	int32_t column;      /**< 1-based column of a syntax error; 0 when unknown. */
	const char *path;    /**< JSON path of a content error, e.g. `requests[2].teachers[0]`; "" when none. */
} triad_error;

/**
 * @brief The last error recorded on the calling thread.
 * @return A pointer to thread-local storage; never NULL. A thread with no
 *         error yet sees code 0 and empty strings.
 */
TRIAD_API const triad_error *triad_error_last(void);

/** @brief Forget the calling thread's last error. */
TRIAD_API void triad_error_clear(void);

/**
 * @brief A short, static English description of an error code.
 * @return Never NULL; "unknown error" for codes that do not exist.
 */
TRIAD_API const char *triad_strerror(int code);

TRIAD_END_DECLS

#endif /* TRIAD_ERROR_H */
