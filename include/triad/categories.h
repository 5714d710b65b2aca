/**
 * @file triad/categories.h
 * @brief The taxonomy of parental involvement, Epstein's six types and the
 *        Dutch intensity scale.
 *
 * The categories follow the distinctions of the research on parental
 * involvement in Dutch secondary schools (see doc/categories.md): informal
 * and formal participation, parental responsibility, involvement at home and
 * at school, development support, pedagogical and didactic partnership and
 * the student's growing ownership. They form a tree:
 *
 *     participation
 *       participation.informal
 *       participation.formal
 *         participation.formal.parent_council
 *         participation.formal.participation_council
 *     responsibility
 *     involvement
 *       involvement.home
 *       involvement.school
 *       involvement.development_support
 *     partnership
 *       partnership.pedagogical
 *       partnership.didactic
 *     ownership
 *
 * The enumeration values and the string ids are stable: store either.
 *
 * Thread safety: everything here reads static data and is safe from any thread.
 */
#ifndef TRIAD_CATEGORIES_H
#define TRIAD_CATEGORIES_H

#include "common.h"

TRIAD_BEGIN_DECLS

/** @brief An involvement category. 0 means "none". */
typedef enum triad_category {
	TRIAD_CATEGORY_NONE = 0, /**< no category */
	TRIAD_CATEGORY_PARTICIPATION = 1, /**< "participation" */
	TRIAD_CATEGORY_PARTICIPATION_INFORMAL = 2, /**< "participation.informal" */
	TRIAD_CATEGORY_PARTICIPATION_FORMAL = 3, /**< "participation.formal" */
	TRIAD_CATEGORY_PARTICIPATION_FORMAL_PARENT_COUNCIL = 4, /**< "participation.formal.parent_council" */
	TRIAD_CATEGORY_PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL = 5, /**< "participation.formal.participation_council" */
	TRIAD_CATEGORY_RESPONSIBILITY = 6, /**< "responsibility" */
	TRIAD_CATEGORY_INVOLVEMENT = 7, /**< "involvement" */
	TRIAD_CATEGORY_INVOLVEMENT_HOME = 8, /**< "involvement.home" */
	TRIAD_CATEGORY_INVOLVEMENT_SCHOOL = 9, /**< "involvement.school" */
	TRIAD_CATEGORY_INVOLVEMENT_DEVELOPMENT_SUPPORT = 10, /**< "involvement.development_support" */
	TRIAD_CATEGORY_PARTNERSHIP = 11, /**< "partnership" */
	TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL = 12, /**< "partnership.pedagogical" */
	TRIAD_CATEGORY_PARTNERSHIP_DIDACTIC = 13, /**< "partnership.didactic" */
	TRIAD_CATEGORY_OWNERSHIP = 14 /**< "ownership" */
} triad_category;

/** @brief Epstein's six types of involvement. 0 means "none". */
typedef enum triad_epstein {
	TRIAD_EPSTEIN_NONE = 0, /**< no type */
	TRIAD_EPSTEIN_PARENTING = 1, /**< 1 "parenting" */
	TRIAD_EPSTEIN_COMMUNICATING = 2, /**< 2 "communicating" */
	TRIAD_EPSTEIN_VOLUNTEERING = 3, /**< 3 "volunteering" */
	TRIAD_EPSTEIN_LEARNING_AT_HOME = 4, /**< 4 "learning_at_home" */
	TRIAD_EPSTEIN_DECISION_MAKING = 5, /**< 5 "decision_making" */
	TRIAD_EPSTEIN_COLLABORATING_WITH_COMMUNITY = 6 /**< 6 "collaborating_with_community" */
} triad_epstein;

/** @brief The Dutch intensity scale of participation. 0 means "none". */
typedef enum triad_intensity {
	TRIAD_INTENSITY_NONE = 0, /**< no level */
	TRIAD_INTENSITY_MEELEVEN = 1,    /**< sympathise */
	TRIAD_INTENSITY_MEEHELPEN = 2,   /**< help; also called meedoen */
	TRIAD_INTENSITY_MEEDENKEN = 3,   /**< think along */
	TRIAD_INTENSITY_MEEBESLISSEN = 4 /**< co-decide */
} triad_intensity;

/* ---- categories -------------------------------------------------------- */

/** @brief Number of categories (14). Valid values are 1..count. */
TRIAD_API size_t triad_category_count(void);

/**
 * @brief The category at a position of the documented tree order (pre-order).
 * @param index 0 .. triad_category_count() - 1
 * @return The category, or #TRIAD_CATEGORY_NONE for an index out of range.
 */
TRIAD_API triad_category triad_category_at(size_t index);

/** @brief Whether @p category is a valid category (not NONE, in range). */
TRIAD_API int triad_category_valid(triad_category category);

/**
 * @brief The stable string id, such as "involvement.home".
 * @return A static string, or NULL (with #TRIAD_EINVAL recorded) for an invalid value.
 */
TRIAD_API const char *triad_category_id(triad_category category);

/**
 * @brief Look a category up by its string id.
 * @return 0, #TRIAD_EINVAL for NULL arguments, or #TRIAD_ENOTFOUND (the
 *         message names the id) for an unknown id.
 */
TRIAD_API int triad_category_from_id(triad_category *out, const char *id);

/**
 * @brief The category's name in a language, e.g. "thuisbetrokkenheid".
 * @return A static string, or NULL (with #TRIAD_EINVAL recorded) for an
 *         invalid category or language.
 */
TRIAD_API const char *triad_category_name(triad_category category, triad_lang lang);

/**
 * @brief A one-paragraph description of the category in a language.
 * @return A static string, or NULL (with #TRIAD_EINVAL recorded) for an
 *         invalid category or language.
 */
TRIAD_API const char *triad_category_description(triad_category category, triad_lang lang);

/**
 * @brief The parent of a category in the tree.
 * @return The parent, or #TRIAD_CATEGORY_NONE for a root or an invalid category.
 */
TRIAD_API triad_category triad_category_parent(triad_category category);

/**
 * @brief The direct children of a category, in tree order.
 * @param category the category whose children are wanted
 * @param out receives up to @p cap children; may be NULL when @p cap is 0
 * @param cap number of elements @p out has room for
 * @return The number of children (which may exceed @p cap: call again with a
 *         larger buffer), or #TRIAD_EINVAL for an invalid category or a NULL
 *         @p out with a non-zero @p cap.
 */
TRIAD_API int triad_category_children(triad_category category,
                                      triad_category *out, size_t cap);

/**
 * @brief Whether @p category is @p ancestor or lies below it in the tree.
 * @return 1 or 0; 0 for invalid values.
 */
TRIAD_API int triad_category_is_a(triad_category category, triad_category ancestor);

/**
 * @brief Epstein's types that a category corresponds to.
 * @param category the category
 * @param out receives up to @p cap types, in ascending order
 * @param cap number of elements @p out has room for
 * @return The number of types (may exceed @p cap; may be 0), or #TRIAD_EINVAL.
 */
TRIAD_API int triad_category_epstein(triad_category category,
                                     triad_epstein *out, size_t cap);

/**
 * @brief The categories that correspond to one of Epstein's types; the
 *        inverse of triad_category_epstein().
 * @param type one of Epstein's types
 * @param out receives up to @p cap categories, in tree order
 * @param cap number of elements @p out has room for
 * @return The number of categories (may exceed @p cap; may be 0), or #TRIAD_EINVAL.
 */
TRIAD_API int triad_epstein_categories(triad_epstein type,
                                       triad_category *out, size_t cap);

/**
 * @brief The highest intensity of participation that a category typically
 *        asks of parents (e.g. participation.formal.participation_council is
 *        meebeslissen).
 * @return The intensity, or #TRIAD_INTENSITY_NONE for an invalid category.
 */
TRIAD_API triad_intensity triad_category_intensity(triad_category category);

/* ---- Epstein's types --------------------------------------------------- */

/** @brief Whether @p type is one of the six types. */
TRIAD_API int triad_epstein_valid(triad_epstein type);

/**
 * @brief Stable string id: "parenting", "communicating", "volunteering",
 *        "learning_at_home", "decision_making", "collaborating_with_community".
 * @return A static string, or NULL (with #TRIAD_EINVAL recorded).
 */
TRIAD_API const char *triad_epstein_id(triad_epstein type);

/** @brief Look a type up by string id; #TRIAD_ENOTFOUND for unknown ids. */
TRIAD_API int triad_epstein_from_id(triad_epstein *out, const char *id);

/** @brief The type's name in a language; NULL (with #TRIAD_EINVAL) for invalid input. */
TRIAD_API const char *triad_epstein_name(triad_epstein type, triad_lang lang);

/* ---- intensity scale --------------------------------------------------- */

/** @brief Whether @p level is one of the four levels. */
TRIAD_API int triad_intensity_valid(triad_intensity level);

/**
 * @brief Stable string id: "meeleven", "meehelpen", "meedenken", "meebeslissen".
 * @return A static string, or NULL (with #TRIAD_EINVAL recorded).
 */
TRIAD_API const char *triad_intensity_id(triad_intensity level);

/**
 * @brief Look a level up by string id; "meedoen" is accepted for meehelpen.
 * @return 0, #TRIAD_EINVAL, or #TRIAD_ENOTFOUND for unknown ids.
 */
TRIAD_API int triad_intensity_from_id(triad_intensity *out, const char *id);

/** @brief The level's name in a language; NULL (with #TRIAD_EINVAL) for invalid input. */
TRIAD_API const char *triad_intensity_name(triad_intensity level, triad_lang lang);

TRIAD_END_DECLS

#endif /* TRIAD_CATEGORIES_H */
