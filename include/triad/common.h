/**
 * @file triad/common.h
 * @brief Declarations shared by every libtriad header: export macro,
 *        C++ guards and the language selector.
 */
#ifndef TRIAD_COMMON_H
#define TRIAD_COMMON_H

#include <stddef.h>
#include <stdint.h>

/** Marks a function as part of the public, exported API. */
#if defined(_WIN32)
#  define TRIAD_API __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define TRIAD_API __attribute__((visibility("default")))
#else
#  define TRIAD_API
#endif

/** @def TRIAD_BEGIN_DECLS
 *  @brief Opens `extern "C"` when compiled as C++. */
/** @def TRIAD_END_DECLS
 *  @brief Closes what #TRIAD_BEGIN_DECLS opened. */
#ifdef __cplusplus
#  define TRIAD_BEGIN_DECLS extern "C" {
#  define TRIAD_END_DECLS }
#else
#  define TRIAD_BEGIN_DECLS
#  define TRIAD_END_DECLS
#endif

TRIAD_BEGIN_DECLS

/**
 * @brief The language of names, descriptions and rendered documents.
 *
 * Values are stable; new languages are appended.
 */
typedef enum triad_lang {
	TRIAD_LANG_NL = 1, /**< Dutch (Nederlands) */
	TRIAD_LANG_EN = 2  /**< English */
} triad_lang;

TRIAD_END_DECLS

#endif /* TRIAD_COMMON_H */
