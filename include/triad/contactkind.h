/**
 * @file triad/contactkind.h
 * @brief Kinds of contact between home and school, and the channels they use.
 *
 * Each kind belongs to one involvement category (triad/categories.h).
 * Values and string ids are stable.
 *
 * Thread safety: static data; safe from any thread.
 */
#ifndef TRIAD_CONTACTKIND_H
#define TRIAD_CONTACTKIND_H

#include "common.h"
#include "categories.h"

TRIAD_BEGIN_DECLS

/** @brief A kind of contact. 0 means "none". */
typedef enum triad_contact_kind {
	TRIAD_CONTACT_NONE = 0, /**< no kind */
	TRIAD_CONTACT_INTAKE = 1,              /**< "intake": kennismakingsgesprek */
	TRIAD_CONTACT_TRIANGLE = 2,            /**< "triangle": student, parent and mentor */
	TRIAD_CONTACT_CONFERENCE = 3,          /**< "conference": ten-minute conference */
	TRIAD_CONTACT_MENTOR_CALL = 4,         /**< "mentor_call" */
	TRIAD_CONTACT_HOME_VISIT = 5,          /**< "home_visit" */
	TRIAD_CONTACT_THEME_EVENING = 6,       /**< "theme_evening" */
	TRIAD_CONTACT_INFORMATION_EVENING = 7, /**< "information_evening" */
	TRIAD_CONTACT_POSITIVE_NOTE = 8,       /**< "positive_note" */
	TRIAD_CONTACT_CONCERN = 9              /**< "concern" */
} triad_contact_kind;

/** @brief A channel of contact. 0 means "none". */
typedef enum triad_channel {
	TRIAD_CHANNEL_NONE = 0, /**< no channel */
	TRIAD_CHANNEL_IN_PERSON = 1, /**< "in_person" */
	TRIAD_CHANNEL_PHONE = 2,     /**< "phone" */
	TRIAD_CHANNEL_VIDEO = 3,     /**< "video" */
	TRIAD_CHANNEL_EMAIL = 4,     /**< "email" */
	TRIAD_CHANNEL_MESSAGE = 5,   /**< "message": the school's message system or app */
	TRIAD_CHANNEL_LETTER = 6     /**< "letter" */
} triad_channel;

/** @brief Number of contact kinds (9). Valid values are 1..count. */
TRIAD_API size_t triad_contact_kind_count(void);
/** @brief Whether @p kind is valid. */
TRIAD_API int triad_contact_kind_valid(triad_contact_kind kind);
/** @brief Stable string id; NULL (with #TRIAD_EINVAL) for an invalid kind. */
TRIAD_API const char *triad_contact_kind_id(triad_contact_kind kind);
/** @brief Look a kind up by id; #TRIAD_ENOTFOUND (naming the id) when unknown. */
TRIAD_API int triad_contact_kind_from_id(triad_contact_kind *out, const char *id);
/** @brief Name in a language; NULL (with #TRIAD_EINVAL) for invalid input. */
TRIAD_API const char *triad_contact_kind_name(triad_contact_kind kind, triad_lang lang);
/** @brief The involvement category of a kind; #TRIAD_CATEGORY_NONE when invalid. */
TRIAD_API triad_category triad_contact_kind_category(triad_contact_kind kind);
/** @brief The channel a kind normally uses; #TRIAD_CHANNEL_NONE when invalid. */
TRIAD_API triad_channel triad_contact_kind_default_channel(triad_contact_kind kind);

/** @brief Number of channels (6). Valid values are 1..count. */
TRIAD_API size_t triad_channel_count(void);
/** @brief Whether @p channel is valid. */
TRIAD_API int triad_channel_valid(triad_channel channel);
/** @brief Stable string id; NULL (with #TRIAD_EINVAL) for an invalid channel. */
TRIAD_API const char *triad_channel_id(triad_channel channel);
/** @brief Look a channel up by id; #TRIAD_ENOTFOUND (naming the id) when unknown. */
TRIAD_API int triad_channel_from_id(triad_channel *out, const char *id);
/** @brief Name in a language; NULL (with #TRIAD_EINVAL) for invalid input. */
TRIAD_API const char *triad_channel_name(triad_channel channel, triad_lang lang);

TRIAD_END_DECLS

#endif /* TRIAD_CONTACTKIND_H */
