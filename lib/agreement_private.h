/*
 * The agreement's data model, shared by the files of the agreement module
 * (model, editing, lifecycle, catalogue, validation, JSON, rendering).
 * Never installed.
 */
#ifndef TRIAD_AGREEMENT_PRIVATE_H
#define TRIAD_AGREEMENT_PRIVATE_H

#include "triad_private.h"

/* A party reference of a clause: a role and optionally one party's id
 * (NULL: every party with that role). */
typedef struct agr_ref {
	triad_party_role role;
	char *id;
} agr_ref;

/* Either both nl and en, or free, or nothing (a clause still to be written). */
typedef struct agr_text {
	char *nl;
	char *en;
	char *free;
} agr_text;

typedef struct agr_variant {
	int year_from, year_to; /* inclusive */
	agr_ref from;
	agr_text text;
} agr_variant;

struct triad_commitment {
	triad_commitment_kind kind;
	triad_contact_kind contact;
	int count;
	triad_period period;
	int weeks;
	int days;
	const triad_clause *clause; /* back-pointer, for the party accessors */
};

struct triad_clause {
	char *id;
	triad_agreement_section section;
	triad_category category;
	agr_ref from, to;
	agr_text text;
	agr_variant *variants;
	size_t nvariants, cvariants;
	triad_commitment commit; /* kind NONE: no commitment */
	const triad_agreement_version *version; /* back-pointer: the student's year */
};

typedef struct agr_party {
	triad_party_role role;
	char *id;
} agr_party;

typedef struct agr_protocol {
	char *subject;
	unsigned staff_role; /* one bit, or 0 with staff_id */
	char *staff_id;
	triad_channel channel;
	int days;
} agr_protocol;

typedef struct agr_signature {
	char *id;
	triad_party_role role;
	triad_date date;
} agr_signature;

struct triad_agreement_version {
	int number;
	triad_agreement_state state;
	bool has_validity;
	triad_date valid_from, valid_to;
	char *school_type; /* NULL: not set */
	int year;          /* 0: not set */
	bool has_proposed, has_activated, has_ended;
	triad_date proposed_on, activated_on, ended_on;
	char *end_reason; /* terminated only */
	agr_party *parties;
	size_t nparties, cparties;
	triad_clause **clauses;
	size_t nclauses, cclauses;
	agr_protocol *protocol;
	size_t nprotocol, cprotocol;
	agr_signature *signatures;
	size_t nsignatures, csignatures;
};

struct triad_agreement {
	char *id;
	triad_agreement_version **versions;
	size_t nversions, cversions;
};

/* ---- model (agreement.c) ---- */
triad_agreement_version *triad__agr_version_new(int number);
void triad__agr_version_free(triad_agreement_version *v);
/* Deep copy of the content (validity, student year, parties, clauses,
 * protocol) into a new draft with the given number; signatures and
 * lifecycle dates are not copied. NULL (ENOMEM recorded) on failure. */
triad_agreement_version *triad__agr_version_copy(const triad_agreement_version *v, int number);
triad_clause *triad__agr_clause_new(const char *id);
void triad__agr_clause_free(triad_clause *c);
triad_clause *triad__agr_clause_copy(const triad_clause *c);
void triad__agr_text_free(agr_text *t);
/* Append to a version (capacity must have been reserved or grows here). */
int triad__agr_add_party(triad_agreement_version *v, triad_party_role role, const char *id);
int triad__agr_add_clause(triad_agreement_version *v, triad_clause *c);
int triad__agr_add_protocol(triad_agreement_version *v, const char *subject,
                            unsigned role, const char *staff_id, triad_channel ch,
                            int days);
int triad__agr_add_signature(triad_agreement_version *v, const char *id,
                             triad_party_role role, triad_date date);
const agr_party *triad__agr_party(const triad_agreement_version *v, const char *id);
triad_clause *triad__agr_clause_find(const triad_agreement_version *v, const char *id,
                                     size_t *index);
/* The variant covering the version's year, or NULL. */
const agr_variant *triad__agr_variant_for(const triad_clause *c);
/* An agreement without versions (the loader fills it). */
triad_agreement *triad__agr_alloc(const char *id);
int triad__agr_push_version(triad_agreement *a, triad_agreement_version *v);
triad_agreement_version *triad__agr_latest(const triad_agreement *a);
triad_agreement_version *triad__agr_active(const triad_agreement *a);

/* ---- checks shared by the editing calls and the loader ---- */
/* Ids of agreements and clauses: 1..64 printable ASCII bytes, no spaces. */
bool triad__agr_valid_id(const char *id);
/* Protocol subjects: 1..64 bytes of [a-z0-9_-]. */
bool triad__agr_valid_subject(const char *s);
bool triad__agr_role_valid(triad_party_role r, bool allow_all);
bool triad__agr_single_staff_role(unsigned role);
/* Whether a clause reference names a party of the version (NULL: fine).
 * Returns NULL when fine, or a static description of what is wrong. */
const char *triad__agr_ref_problem(const triad_agreement_version *v, const agr_ref *r);

/* ---- names (agreement.c) ---- */
extern const char *const triad__agr_state_ids[];    /* index = value - 1, NULL-terminated */
extern const char *const triad__agr_role_ids[];
extern const char *const triad__agr_section_ids[];
extern const char *const triad__agr_kind_ids[];
extern const char *const triad__agr_period_ids[];

/* ---- lifecycle (agreement_lifecycle.c) ---- */
/* Who must sign version v on a date: the age policy's signers for the
 * version's student, then the school's representative (when there is one).
 * ENOTFOUND when the version has no student or the roster does not know it. */
int triad__agr_required_signers(triad_strlist **out, const triad_agreement_version *v,
                                const triad_roster *roster,
                                const triad_policy_options *policy, triad_date on);
const agr_signature *triad__agr_signature(const triad_agreement_version *v, const char *id);

/* ---- catalogue (agreement_catalogue.c) ---- */
/* Add catalogue clause `index` to a version; ENOMEM leaves it unchanged. */
int triad__agr_catalogue_add(triad_agreement_version *v, size_t index);
/* Add the default contact protocol. */
int triad__agr_default_protocol(triad_agreement_version *v);

/* ---- editing (agreement_edit.c) ---- */
/* An edit either changes the latest draft in place or works on a fresh
 * draft copy of the active version, appended on commit. */
typedef struct agr_edit {
	triad_agreement *a;
	triad_agreement_version *v; /* the version to change */
	bool fresh;                 /* v is a new copy, not yet in a */
} agr_edit;
int triad__agr_edit_begin(agr_edit *e, triad_agreement *a, const char *what);
/* On success rc == 0: append a fresh version. Otherwise free it. Returns rc. */
int triad__agr_edit_end(agr_edit *e, int rc);

#endif /* TRIAD_AGREEMENT_PRIVATE_H */
