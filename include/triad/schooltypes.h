/**
 * @file triad/schooltypes.h
 * @brief Dutch secondary school types, their number of years, and the
 *        ownership curve: the share of responsibility a student holds in
 *        each school year (leerjaar).
 *
 * A #triad_schooltypes object starts with the built-in types
 *
 * | id                | years |
 * |-------------------|-------|
 * | vmbo-b            | 4     |
 * | vmbo-k            | 4     |
 * | vmbo-gl           | 4     |
 * | vmbo-tl           | 4     |
 * | havo              | 5     |
 * | vwo               | 6     |
 * | praktijkonderwijs | 5     |
 *
 * and a school may add its own. The default ownership curve is a linear ramp
 * from 0.25 in year 1 to 1.0 (the student's full ownership) in the final
 * year: share(y) = 0.25 + 0.75 * (y - 1) / (years - 1), and 1.0 for a
 * one-year type. It is a documented default, not a claim of the literature;
 * replace it per type with triad_schooltypes_set_ownership().
 *
 * Thread safety: a #triad_schooltypes may be read from many threads at once
 * once it is no longer changed; changing it needs exclusive access.
 */
#ifndef TRIAD_SCHOOLTYPES_H
#define TRIAD_SCHOOLTYPES_H

#include "common.h"

TRIAD_BEGIN_DECLS

/** @brief A set of school types with their years and ownership curves. */
typedef struct triad_schooltypes triad_schooltypes;

/** @brief Longest school type the library accepts, in years. */
#define TRIAD_SCHOOLTYPE_MAX_YEARS 12

/**
 * @brief A new set holding the built-in school types and default curves.
 * @param out receives the set; free it with triad_schooltypes_free()
 * @return 0, #TRIAD_EINVAL or #TRIAD_ENOMEM.
 */
TRIAD_API int triad_schooltypes_new(triad_schooltypes **out);

/** @brief Free a set; NULL does nothing. */
TRIAD_API void triad_schooltypes_free(triad_schooltypes *types);

/**
 * @brief Add a school type of the school's own.
 * @param types   the set to add to
 * @param id      stable id: 1..32 bytes of lower-case ASCII letters, digits, '-', '_' or '/'
 * @param name_nl Dutch name (UTF-8, non-empty)
 * @param name_en English name (UTF-8, non-empty)
 * @param years   number of school years, 1..#TRIAD_SCHOOLTYPE_MAX_YEARS
 * @return 0, #TRIAD_EINVAL (the message says which argument), #TRIAD_EEXISTS
 *         for an id already present, or #TRIAD_ENOMEM; on failure the set is unchanged.
 */
TRIAD_API int triad_schooltypes_add(triad_schooltypes *types, const char *id,
                                    const char *name_nl, const char *name_en,
                                    int years);

/** @brief Number of school types in the set. */
TRIAD_API size_t triad_schooltypes_count(const triad_schooltypes *types);

/**
 * @brief The id of the school type at @p index (built-ins first, in the
 *        order of the table above, then added types in order of addition).
 * @return A string borrowed from the set, or NULL (#TRIAD_EINVAL) out of range.
 */
TRIAD_API const char *triad_schooltypes_id_at(const triad_schooltypes *types, size_t index);

/**
 * @brief Number of years of a school type.
 * @return 0, #TRIAD_EINVAL, or #TRIAD_ENOTFOUND (the message names the id).
 */
TRIAD_API int triad_schooltypes_years(const triad_schooltypes *types,
                                      const char *id, int *out);

/**
 * @brief The name of a school type in a language.
 * @return A string borrowed from the set, or NULL (with #TRIAD_ENOTFOUND or
 *         #TRIAD_EINVAL recorded).
 */
TRIAD_API const char *triad_schooltypes_name(const triad_schooltypes *types,
                                             const char *id, triad_lang lang);

/**
 * @brief Replace the ownership curve of one school type.
 * @param types  the set
 * @param id     the school type
 * @param shares one share per school year, year 1 first; each in [0, 1] and
 *        none lower than the one before
 * @param count  must equal the type's number of years
 * @return 0, #TRIAD_EINVAL (the message names the offending year),
 *         #TRIAD_ENOTFOUND; on failure the curve is unchanged.
 */
TRIAD_API int triad_schooltypes_set_ownership(triad_schooltypes *types,
                                              const char *id,
                                              const double *shares, size_t count);

/**
 * @brief The share of responsibility (0..1) the student holds in a school year.
 * @param types the set
 * @param id the school type
 * @param out receives the share
 * @param year school year (leerjaar), 1..years of the type
 * @return 0, #TRIAD_EINVAL for NULL arguments, #TRIAD_ENOTFOUND for an
 *         unknown type, #TRIAD_ERANGE for a year outside the type (not clamped).
 */
TRIAD_API int triad_schooltypes_ownership(const triad_schooltypes *types,
                                          const char *id, int year, double *out);

TRIAD_END_DECLS

#endif /* TRIAD_SCHOOLTYPES_H */
