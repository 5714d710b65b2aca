/**
 * @file triad/version.h
 * @brief Compile-time and run-time version of libtriad.
 */
#ifndef TRIAD_VERSION_H
#define TRIAD_VERSION_H

#include "common.h"

/** Major version: changes on an incompatible API or ABI change. */
#define TRIAD_VERSION_MAJOR 0
/** Minor version: changes when functions are added. */
#define TRIAD_VERSION_MINOR 1
/** Patch version: changes on fixes only. */
#define TRIAD_VERSION_PATCH 0
/** The version as a string, "MAJOR.MINOR.PATCH". */
#define TRIAD_VERSION_STRING "0.1.0"
/** The version as one comparable number: (MAJOR << 16) | (MINOR << 8) | PATCH. */
#define TRIAD_VERSION_NUMBER \
	((TRIAD_VERSION_MAJOR << 16) | (TRIAD_VERSION_MINOR << 8) | TRIAD_VERSION_PATCH)

TRIAD_BEGIN_DECLS

/**
 * @brief The version of the library loaded at run time, as "MAJOR.MINOR.PATCH".
 * @return A static string; never NULL.
 */
TRIAD_API const char *triad_version(void);

/**
 * @brief The version of the library loaded at run time as one number,
 *        encoded like #TRIAD_VERSION_NUMBER.
 *
 * Compare it with #TRIAD_VERSION_NUMBER to detect a header/library mismatch.
 */
TRIAD_API uint32_t triad_version_number(void);

TRIAD_END_DECLS

#endif /* TRIAD_VERSION_H */
