/* Contact kinds and channels. */
#include <string.h>

#include "triad_private.h"

static const struct {
	const char *id, *nl, *en;
	triad_category category;
	triad_channel channel;
} kinds[] = {
	{ NULL, NULL, NULL, 0, 0 },
	{ "intake", "kennismakingsgesprek", "intake conversation",
	  TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL, TRIAD_CHANNEL_IN_PERSON },
	{ "triangle", "driehoeksgesprek", "triangle conversation",
	  TRIAD_CATEGORY_OWNERSHIP, TRIAD_CHANNEL_IN_PERSON },
	{ "conference", "tienminutengesprek", "ten-minute conference",
	  TRIAD_CATEGORY_INVOLVEMENT_SCHOOL, TRIAD_CHANNEL_IN_PERSON },
	{ "mentor_call", "mentorgesprek", "mentor call",
	  TRIAD_CATEGORY_INVOLVEMENT_SCHOOL, TRIAD_CHANNEL_PHONE },
	{ "home_visit", "huisbezoek", "home visit",
	  TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL, TRIAD_CHANNEL_IN_PERSON },
	{ "theme_evening", "thema-avond", "theme evening",
	  TRIAD_CATEGORY_INVOLVEMENT_DEVELOPMENT_SUPPORT, TRIAD_CHANNEL_IN_PERSON },
	{ "information_evening", "informatieavond", "information evening",
	  TRIAD_CATEGORY_INVOLVEMENT_SCHOOL, TRIAD_CHANNEL_IN_PERSON },
	{ "positive_note", "positief bericht", "positive note",
	  TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL, TRIAD_CHANNEL_MESSAGE },
	{ "concern", "contact over een zorg", "contact about a concern",
	  TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL, TRIAD_CHANNEL_PHONE },
};

static const struct {
	const char *id, *nl, *en;
} channels[] = {
	{ NULL, NULL, NULL },
	{ "in_person", "persoonlijk", "in person" },
	{ "phone", "telefoon", "phone" },
	{ "video", "video", "video" },
	{ "email", "e-mail", "e-mail" },
	{ "message", "bericht", "message" },
	{ "letter", "brief", "letter" },
};

enum {
	KIND_COUNT = TRIAD_ARRAY_LEN(kinds) - 1,
	CHANNEL_COUNT = TRIAD_ARRAY_LEN(channels) - 1
};

static const char *lang_pick(const char *nl, const char *en, triad_lang lang)
{
	if (lang == TRIAD_LANG_NL)
		return nl;
	if (lang == TRIAD_LANG_EN)
		return en;
	triad__err(TRIAD_EINVAL, "unknown language %d", (int)lang);
	return NULL;
}

size_t triad_contact_kind_count(void) { return KIND_COUNT; }

int triad_contact_kind_valid(triad_contact_kind k)
{
	return k >= 1 && (size_t)k <= KIND_COUNT;
}

static bool kind_ok(triad_contact_kind k)
{
	if (triad_contact_kind_valid(k))
		return true;
	triad__err(TRIAD_EINVAL, "%d is not a contact kind (1..%d)", (int)k, KIND_COUNT);
	return false;
}

const char *triad_contact_kind_id(triad_contact_kind k)
{
	return kind_ok(k) ? kinds[k].id : NULL;
}

int triad_contact_kind_from_id(triad_contact_kind *out, const char *id)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "triad_contact_kind_from_id: %s is NULL",
		                  !out ? "out" : "id");
	for (size_t k = 1; k <= KIND_COUNT; k++)
		if (strcmp(kinds[k].id, id) == 0) {
			*out = (triad_contact_kind)k;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND,
	                  "\"%.80s\" is not a contact kind id (intake, triangle, "
	                  "conference, mentor_call, home_visit, theme_evening, "
	                  "information_evening, positive_note, concern)", id);
}

const char *triad_contact_kind_name(triad_contact_kind k, triad_lang lang)
{
	return kind_ok(k) ? lang_pick(kinds[k].nl, kinds[k].en, lang) : NULL;
}

triad_category triad_contact_kind_category(triad_contact_kind k)
{
	return triad_contact_kind_valid(k) ? kinds[k].category : TRIAD_CATEGORY_NONE;
}

triad_channel triad_contact_kind_default_channel(triad_contact_kind k)
{
	return triad_contact_kind_valid(k) ? kinds[k].channel : TRIAD_CHANNEL_NONE;
}

size_t triad_channel_count(void) { return CHANNEL_COUNT; }

int triad_channel_valid(triad_channel c)
{
	return c >= 1 && (size_t)c <= CHANNEL_COUNT;
}

static bool channel_ok(triad_channel c)
{
	if (triad_channel_valid(c))
		return true;
	triad__err(TRIAD_EINVAL, "%d is not a channel (1..%d)", (int)c, CHANNEL_COUNT);
	return false;
}

const char *triad_channel_id(triad_channel c)
{
	return channel_ok(c) ? channels[c].id : NULL;
}

int triad_channel_from_id(triad_channel *out, const char *id)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "triad_channel_from_id: %s is NULL",
		                  !out ? "out" : "id");
	for (size_t c = 1; c <= CHANNEL_COUNT; c++)
		if (strcmp(channels[c].id, id) == 0) {
			*out = (triad_channel)c;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND,
	                  "\"%.80s\" is not a channel id (in_person, phone, video, "
	                  "email, message, letter)", id);
}

const char *triad_channel_name(triad_channel c, triad_lang lang)
{
	return channel_ok(c) ? lang_pick(channels[c].nl, channels[c].en, lang) : NULL;
}
