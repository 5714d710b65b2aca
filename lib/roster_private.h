/*
 * The roster's records, shared by lib/roster.c (building, reading),
 * lib/roster_json.c (triad.school/1) and lib/policy.c. Never installed.
 */
#ifndef TRIAD_ROSTER_PRIVATE_H
#define TRIAD_ROSTER_PRIVATE_H

#include "json_private.h"
#include "triad_private.h"

/* An open-addressing hash index from id to position; keys are borrowed from
 * the records, which never move (the roster holds pointers to them). */
typedef struct roster_slot {
	const char *key; /* NULL: empty */
	size_t pos;
} roster_slot;

typedef struct roster_index {
	roster_slot *slots;
	size_t cap; /* 0 or a power of two */
} roster_index;

struct triad_relation {
	triad_student *student;
	triad_guardian *guardian;
	triad_relation_kind kind;
	bool authority, lives_with, primary_contact;
	int contact_priority;
	triad_info_rights info_rights; /* never TRIAD_INFO_DEFAULT */
	char *restriction_reason;      /* only when restricted */
	bool adult_informed, adult_cosigns;
};

struct triad_student {
	size_t index;
	char *id, *given_name, *family_name;
	triad_date birth_date;
	char *school_type, *bridge_class; /* bridge_class may be NULL */
	int year;
	char *class_name, *mentor_id; /* may be NULL */
	triad_relation **rels;        /* in the order added */
	size_t nrels, caprels;
	triad_consent **consents;     /* this student's records, in the order added */
	size_t nconsents, capconsents;
};

struct triad_guardian {
	size_t index;
	char *id, *given_name, *family_name;
	char *household_id; /* may be NULL */
	char *language;
	triad_channel channel;
	triad_relation **rels; /* in the order added; saved in this order */
	size_t nrels, caprels;
};

struct triad_household {
	size_t index;
	char *id, *name, *address; /* address may be NULL */
	triad_guardian **members;  /* in the order added */
	size_t nmembers, capmembers;
};

struct triad_staff {
	size_t index;
	char *id, *given_name, *family_name;
	unsigned roles;
};

struct triad_consent {
	triad_student *student;
	char *purpose, *by_id;
	bool given;
	triad_date date;
};

struct triad_roster {
	triad_schooltypes *own_types; /* when the caller passed none */
	const triad_schooltypes *types;
	char *school_name;
	triad_student **students;
	size_t nstudents, capstudents;
	roster_index student_ix;
	triad_guardian **guardians;
	size_t nguardians, capguardians;
	roster_index guardian_ix;
	triad_household **households;
	size_t nhouseholds, caphouseholds;
	roster_index household_ix;
	triad_staff **staff;
	size_t nstaff, capstaff;
	roster_index staff_ix;
	triad_relation **relations;
	size_t nrelations, caprelations;
	triad_consent **consents;
	size_t nconsents, capconsents;
};

/*
 * The add functions behind the public ones. With a JSON context `j` every
 * content error is a TRIAD_EFORMAT at the path of the offending member (the
 * JSON key named in the code); without one it carries its own code and a
 * message naming the record. TRIAD_ENOMEM stays TRIAD_ENOMEM.
 */
int triad__roster_add_household(triad_roster *r, triad_jctx *j, const char *id,
                                const char *name, const char *address);
int triad__roster_add_staff(triad_roster *r, triad_jctx *j, const char *id,
                            const char *given, const char *family, unsigned roles);
int triad__roster_add_student(triad_roster *r, triad_jctx *j,
                              const triad_student_info *in);
int triad__roster_add_guardian(triad_roster *r, triad_jctx *j,
                               const triad_guardian_info *in);
int triad__roster_add_relation(triad_roster *r, triad_jctx *j,
                               const triad_relation_info *in);
int triad__roster_add_consent(triad_roster *r, triad_jctx *j, const char *student_id,
                              const char *purpose, const char *by_id, bool given,
                              triad_date on);

/* Lookups without recording an error; NULL when absent. */
triad_student *triad__roster_find_student(const triad_roster *r, const char *id);
triad_guardian *triad__roster_find_guardian(const triad_roster *r, const char *id);
triad_household *triad__roster_find_household(const triad_roster *r, const char *id);
triad_staff *triad__roster_find_staff(const triad_roster *r, const char *id);

/* A student's relations sorted by contact priority (1 first, 0 last), then
 * by guardian order in the roster, into `out` (room for s->nrels). */
void triad__roster_sorted_relations(const triad_student *s, triad_relation **out);

/* Whether a consent purpose id is well-formed. */
bool triad__roster_purpose_valid(const char *purpose);

#endif /* TRIAD_ROSTER_PRIVATE_H */
