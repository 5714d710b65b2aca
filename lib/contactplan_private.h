/* Contact plans, audiences and expected contacts: representation shared by
 * their source files. */
#ifndef TRIAD_CONTACTPLAN_PRIVATE_H
#define TRIAD_CONTACTPLAN_PRIVATE_H

#include "triad_private.h"

typedef struct plan_rule {
	char *id;
	triad_contact_kind kind;
	triad_channel channel;
	triad_plan_with with;
	triad_plan_per per;
	triad_plan_timing timing;
	int32_t n, limit;
	int has_deadline;
	triad_date deadline;
	int32_t *years;
	size_t nyears;
	char **school_types;
	size_t ntypes;
	char **classes;
	size_t nclasses;
	char **report_periods;
	size_t nperiods;
	char *note;
} plan_rule;

struct triad_contactplan {
	plan_rule *rules;
	size_t count, cap;
};

typedef struct aud_entry {
	char *household, *student;
	char *school_type, *class_name, *mentor; /* NULL when unknown */
	int year;
	triad_plan_access access;
} aud_entry;

struct triad_audience {
	aud_entry *items;
	size_t count, cap;
	/* Open-addressing index of (household, student) pairs: entry index + 1,
	 * 0 for an empty slot. Keeps adding 100,000 households linear. */
	size_t *slots;
	size_t nslots;
};

/* Limits of a rule's fields, shared by the checks and the JSON reader. */
enum {
	PLAN_MAX_WEEKS = 60,
	PLAN_MAX_DAYS = 100,
	PLAN_MAX_LIMIT = 100,
	PLAN_MAX_YEAR = 12
};

/*
 * Check a rule about to join `plan` (NULL: no duplicate-id check). On
 * failure records the error (TRIAD_EINVAL or TRIAD_EEXISTS) and sets *field
 * to the offending member's JSON name ("id", "n", "years", ...) and *index
 * to the offending list element, or SIZE_MAX when the member as a whole is
 * at fault.
 */
int triad__plan_rule_check(const triad_contactplan *plan, const triad_plan_rule *r,
                           const char **field, size_t *index);

/* JSON ids of the enumerations, NULL-terminated, index = value - 1. */
extern const char *const triad__plan_with_ids[];
extern const char *const triad__plan_timing_ids[];
extern const char *const triad__plan_per_ids[];

#endif
