/*
 * The contact log's compact storage, shared by the log's files
 * (contactlog.c, contactlog_json.c, contactlog_privacy.c) and the analytics.
 *
 * Every id (entry, household, person, staff) is interned once in a symbol
 * table; an entry holds 32-bit symbols and packed small fields (32 bytes),
 * and its guardians and students live in a shared pool of symbols.
 */
#ifndef TRIAD_CONTACTLOG_PRIVATE_H
#define TRIAD_CONTACTLOG_PRIVATE_H

#include "json_private.h"
#include "triad_private.h"

#define TRIAD_NOSYM UINT32_MAX

typedef struct triad_symtab {
	char *chars; /* NUL-terminated strings back to back */
	size_t len, cap;
	uint32_t *offs; /* symbol -> offset into chars */
	size_t count, ocap;
	uint32_t *slots; /* open addressing; TRIAD_NOSYM marks a free slot */
	size_t nslots;   /* a power of two, at least twice count */
} triad_symtab;

/* Packed small fields of an entry. */
enum {
	CE_KIND_SHIFT = 0,      /* 4 bits */
	CE_CHANNEL_SHIFT = 4,   /* 3 bits */
	CE_INITIATOR_SHIFT = 7, /* 2 bits */
	CE_TONE_SHIFT = 9,      /* 2 bits */
	CE_REACHED = 1 << 11,
	CE_PRESENT = 1 << 12
};

typedef struct triad_centry {
	uint32_t id, household, staff, answers; /* symbols; TRIAD_NOSYM: none */
	int32_t date;
	uint32_t refs;   /* offset into the pool: guardians, then students */
	uint16_t minute; /* 0..1439 */
	uint8_t nguard, nstud;
	uint16_t bits;
	uint16_t pad_;
} triad_centry;

struct triad_contactlog {
	triad_symtab syms;
	triad_centry *entries;
	size_t count, cap;
	uint32_t *pool; /* guardians and students of entries */
	size_t plen, pcap;
	uint32_t *entry_of; /* symbol -> entry index, TRIAD_NOSYM when not an entry id */
	size_t ecap;        /* capacity of entry_of (>= syms.count) */
};

static inline unsigned ce_kind(const triad_centry *e) { return (e->bits >> CE_KIND_SHIFT) & 15u; }
static inline unsigned ce_channel(const triad_centry *e) { return (e->bits >> CE_CHANNEL_SHIFT) & 7u; }
static inline unsigned ce_initiator(const triad_centry *e) { return (e->bits >> CE_INITIATOR_SHIFT) & 3u; }
static inline unsigned ce_tone(const triad_centry *e) { return (e->bits >> CE_TONE_SHIFT) & 3u; }
static inline bool ce_reached(const triad_centry *e) { return (e->bits & CE_REACHED) != 0; }
/* Date and time as one sortable number. */
static inline int64_t ce_when(const triad_centry *e) { return (int64_t)e->date * 1440 + e->minute; }

void triad__symtab_free(triad_symtab *t);
/* Intern s; *out receives its symbol. 0 or TRIAD_ENOMEM (table unchanged). */
int triad__symtab_intern(triad_symtab *t, const char *s, uint32_t *out);
/* The symbol of s, or TRIAD_NOSYM. */
uint32_t triad__symtab_find(const triad_symtab *t, const char *s);
static inline const char *triad__sym(const triad_symtab *t, uint32_t sym)
{
	return sym == TRIAD_NOSYM ? NULL : t->chars + t->offs[sym];
}

/* Check an id: 1..TRIAD_CONTACT_ID_MAX bytes of UTF-8, no control characters;
 * TRIAD_EINVAL naming `what`. */
int triad__contact_check_id(const char *s, const char *what, bool required);

/* Append an entry after triad_contact_validate(). With check_refs, `answers`
 * must name an existing, earlier entry; without (loaders), it is interned
 * and checked afterwards by triad__contactlog_check_answers(). */
int triad__contactlog_append(triad_contactlog *log, const triad_contact *c, bool check_refs);
/* Check every `answers` link; on failure *bad receives the entry index. */
int triad__contactlog_check_answers(const triad_contactlog *log, size_t *bad);
/* Fill a contact with borrowed strings; guardians and students go into the
 * caller's arrays of TRIAD_CONTACT_PEOPLE_MAX when given, else stay NULL. */
void triad__contactlog_fill(triad_contact *out, const triad_contactlog *log, size_t i,
                            const char **guardians, const char **students);
/* A new log holding the entries for which keep[i] is true, with ids rebuilt
 * (unused ids dropped), `answers` to dropped entries cleared, and ids
 * mapped through `rename` when it is not NULL (returns a string for a
 * symbol; NULL on failure with the error recorded). Students equal to
 * drop_person are dropped from lists; guardians too; staff cleared. */
typedef const char *(*triad_sym_map_fn)(void *ctx, const char *s);
int triad__contactlog_rebuild(triad_contactlog **out, const triad_contactlog *log,
                              const bool *keep, uint32_t drop_person,
                              triad_sym_map_fn rename, void *ctx);

/* JSON of one entry (for documents, JSON Lines and exports). */
json_t *triad__contact_to_json(const triad_contact *c);
/* Read one entry from a JSON object; strings borrowed from `obj`, lists in
 * the caller's arrays of TRIAD_CONTACT_PEOPLE_MAX. */
int triad__contact_from_json(triad_jctx *cx, json_t *obj, triad_contact *out,
                             const char **guardians, const char **students);

#endif /* TRIAD_CONTACTLOG_PRIVATE_H */
