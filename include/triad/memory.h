/**
 * @file triad/memory.h
 * @brief Releasing what the library hands over, and the allocator hook.
 */
#ifndef TRIAD_MEMORY_H
#define TRIAD_MEMORY_H

#include "common.h"

TRIAD_BEGIN_DECLS

/** @brief malloc-like function for the allocator hook. */
typedef void *(*triad_malloc_fn)(size_t size);
/** @brief realloc-like function for the allocator hook. */
typedef void *(*triad_realloc_fn)(void *ptr, size_t size);
/** @brief free-like function for the allocator hook. */
typedef void (*triad_free_fn)(void *ptr);

/**
 * @brief Replace the functions libtriad uses for its own allocations.
 *
 * Call it once at start-up, before any other libtriad call and before any
 * libtriad object exists: memory allocated with one allocator must not be
 * released with another. It covers libtriad's own allocations only; jansson
 * and libical have process-wide hooks of their own that belong to the host
 * application.
 *
 * Thread safety: not thread-safe; no other libtriad call may run meanwhile.
 *
 * @param malloc_fn  allocates; must not be NULL
 * @param realloc_fn reallocates; must not be NULL
 * @param free_fn    releases; must not be NULL
 * @return 0, or #TRIAD_EINVAL if any function is NULL (the hook is then unchanged).
 */
TRIAD_API int triad_allocator_set(triad_malloc_fn malloc_fn,
                                  triad_realloc_fn realloc_fn,
                                  triad_free_fn free_fn);

/**
 * @brief Restore the C library's malloc, realloc and free.
 *
 * The same rules as for triad_allocator_set() apply.
 */
TRIAD_API void triad_allocator_reset(void);

/**
 * @brief Release a string or buffer that libtriad handed to the caller.
 * @param ptr what a libtriad call returned as owned by the caller; NULL does nothing.
 */
TRIAD_API void triad_free(void *ptr);

TRIAD_END_DECLS

#endif /* TRIAD_MEMORY_H */
