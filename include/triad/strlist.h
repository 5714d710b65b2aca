/**
 * @file triad/strlist.h
 * @brief A read-only list of strings that a query hands to the caller,
 *        such as the ids of the people who must sign an agreement.
 *
 * Thread safety: a list is immutable; it may be read from many threads.
 */
#ifndef TRIAD_STRLIST_H
#define TRIAD_STRLIST_H

#include "common.h"

TRIAD_BEGIN_DECLS

/** @brief An immutable list of UTF-8 strings, owned by the caller. */
typedef struct triad_strlist triad_strlist;

/** @brief Number of strings in the list; 0 for NULL. */
TRIAD_API size_t triad_strlist_count(const triad_strlist *list);

/**
 * @brief The string at @p index.
 * @return A string borrowed from the list (valid until it is freed), or NULL
 *         (with #TRIAD_EINVAL recorded) for an index out of range.
 */
TRIAD_API const char *triad_strlist_at(const triad_strlist *list, size_t index);

/** @brief Whether the list holds @p s (compared byte for byte). */
TRIAD_API int triad_strlist_contains(const triad_strlist *list, const char *s);

/** @brief Free a list; NULL does nothing. */
TRIAD_API void triad_strlist_free(triad_strlist *list);

TRIAD_END_DECLS

#endif /* TRIAD_STRLIST_H */
