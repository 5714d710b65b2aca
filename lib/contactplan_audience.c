/* The audience of a plan: one entry per household and student. */
#include <string.h>

#include "contactplan_private.h"

int triad_audience_new(triad_audience **out)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output is NULL");
	triad_audience *aud = triad__calloc(1, sizeof *aud);
	if (!aud)
		return TRIAD_ENOMEM;
	*out = aud;
	return 0;
}

static void entry_free(aud_entry *e)
{
	triad__free(e->household);
	triad__free(e->student);
	triad__free(e->school_type);
	triad__free(e->class_name);
	triad__free(e->mentor);
}

void triad_audience_free(triad_audience *aud)
{
	if (!aud)
		return;
	for (size_t i = 0; i < aud->count; i++)
		entry_free(&aud->items[i]);
	triad__free(aud->items);
	triad__free(aud->slots);
	triad__free(aud);
}

/* FNV-1a over household, a separator, and student. */
static size_t pair_hash(const char *household, const char *student)
{
	uint64_t h = 1469598103934665603u;
	for (const unsigned char *p = (const unsigned char *)household; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h = (h ^ 0xff) * 1099511628211u; /* 0xff never occurs in UTF-8 */
	for (const unsigned char *p = (const unsigned char *)student; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return (size_t)h;
}

/* The slot holding the pair, or the empty slot where it would go. */
static size_t *find_slot(size_t *slots, size_t nslots, const aud_entry *items,
                         const char *household, const char *student)
{
	size_t i = pair_hash(household, student) & (nslots - 1);
	for (;;) {
		size_t *s = &slots[i];
		if (!*s)
			return s;
		const aud_entry *e = &items[*s - 1];
		if (strcmp(e->household, household) == 0 && strcmp(e->student, student) == 0)
			return s;
		i = (i + 1) & (nslots - 1);
	}
}

/* Keep the index at most half full; on failure the old index stays. */
static int reserve_index(triad_audience *aud, size_t need)
{
	if (need * 2 <= aud->nslots)
		return 0;
	size_t n = aud->nslots ? aud->nslots : 16;
	while (need * 2 > n)
		n *= 2;
	size_t *slots = triad__calloc(n, sizeof *slots);
	if (!slots)
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < aud->count; i++)
		*find_slot(slots, n, aud->items, aud->items[i].household, aud->items[i].student) =
			i + 1;
	triad__free(aud->slots);
	aud->slots = slots;
	aud->nslots = n;
	return 0;
}

static int optional_text(const char *s, const char *what)
{
	return s ? triad__check_text(s, what, true) : 0;
}

int triad_audience_add(triad_audience *aud, const char *household_id,
                       const char *student_id, const char *school_type, int year,
                       const char *class_name, const char *mentor_id,
                       triad_plan_access access)
{
	if (!aud)
		return triad__err(TRIAD_EINVAL, "the audience is NULL");
	int rc;
	if ((rc = triad__check_text(household_id, "the household id", true)) ||
	    (rc = triad__check_text(student_id, "the student id", true)) ||
	    (rc = optional_text(school_type, "the school type")) ||
	    (rc = optional_text(class_name, "the class")) ||
	    (rc = optional_text(mentor_id, "the mentor id")))
		return rc;
	if (year < 1 || year > PLAN_MAX_YEAR)
		return triad__err(TRIAD_EINVAL, "student \"%s\": school year %d does not exist "
		                                "(1..%d)", student_id, year, PLAN_MAX_YEAR);
	if ((int)access < TRIAD_PLAN_ACCESS_FULL || (int)access > TRIAD_PLAN_ACCESS_NOT_CHOSEN)
		return triad__err(TRIAD_EINVAL, "household \"%s\", student \"%s\": %d is not an "
		                                "access (1 full, 2 on_request, 3 restricted, "
		                                "4 not_chosen)",
		                  household_id, student_id, (int)access);
	if (aud->nslots && *find_slot(aud->slots, aud->nslots, aud->items, household_id,
	                              student_id))
		return triad__err(TRIAD_EEXISTS, "student \"%s\" is already listed in household "
		                                 "\"%s\"", student_id, household_id);
	if (TRIAD_GROW(aud->items, aud->cap, aud->count + 1) ||
	    reserve_index(aud, aud->count + 1))
		return TRIAD_ENOMEM;
	aud_entry e = { 0 };
	e.year = year;
	e.access = access;
	if (!(e.household = triad__strdup(household_id)) ||
	    !(e.student = triad__strdup(student_id)) ||
	    (school_type && !(e.school_type = triad__strdup(school_type))) ||
	    (class_name && !(e.class_name = triad__strdup(class_name))) ||
	    (mentor_id && !(e.mentor = triad__strdup(mentor_id)))) {
		entry_free(&e);
		return TRIAD_ENOMEM;
	}
	aud->items[aud->count] = e;
	*find_slot(aud->slots, aud->nslots, aud->items, household_id, student_id) = aud->count + 1;
	aud->count++;
	return 0;
}

size_t triad_audience_count(const triad_audience *aud)
{
	return aud ? aud->count : 0;
}

int triad_audience_at(const triad_audience *aud, size_t index, const char **household_id,
                      const char **student_id, const char **school_type, int *year,
                      const char **class_name, const char **mentor_id,
                      triad_plan_access *access)
{
	if (!aud || index >= aud->count)
		return triad__err(TRIAD_EINVAL, "audience index %zu is out of range (%zu entries)",
		                  index, aud ? aud->count : 0);
	const aud_entry *e = &aud->items[index];
	if (household_id)
		*household_id = e->household;
	if (student_id)
		*student_id = e->student;
	if (school_type)
		*school_type = e->school_type;
	if (year)
		*year = e->year;
	if (class_name)
		*class_name = e->class_name;
	if (mentor_id)
		*mentor_id = e->mentor;
	if (access)
		*access = e->access;
	return 0;
}

/* ---- from a roster ------------------------------------------------------- */

/* The access of one household to a student, from the policy's lists: full
 * or on request as the policy says; otherwise restricted, unless the student
 * is adult and none of the household's guardians of the student is
 * restricted (then the student simply did not choose them). */
static int household_access(triad_plan_access *out, const triad_roster *roster,
                            const char *student, bool adult, const char *household,
                            const triad_strlist *full, const triad_strlist *on_request)
{
	triad_strlist *members = NULL;
	int rc = triad_roster_household_guardians(&members, roster, household);
	if (rc)
		return rc;
	bool any_full = false, any_request = false, any_restricted = false;
	for (size_t i = 0; i < triad_strlist_count(members); i++) {
		const char *g = triad_strlist_at(members, i);
		const triad_relation *rel = triad_roster_relation(roster, student, g);
		any_full = any_full || triad_strlist_contains(full, g);
		any_request = any_request || triad_strlist_contains(on_request, g);
		any_restricted = any_restricted ||
		                 (rel && triad_relation_info_rights(rel) == TRIAD_INFO_RESTRICTED);
	}
	triad_strlist_free(members);
	*out = any_full ? TRIAD_PLAN_ACCESS_FULL
	     : any_request ? TRIAD_PLAN_ACCESS_ON_REQUEST
	     : adult && !any_restricted ? TRIAD_PLAN_ACCESS_NOT_CHOSEN
	     : TRIAD_PLAN_ACCESS_RESTRICTED;
	return 0;
}

static const char *known(const char *s)
{
	return s && s[0] ? s : NULL;
}

static int add_student(triad_audience *aud, const triad_roster *roster,
                       const triad_policy_options *opts, const triad_student *st,
                       triad_date as_of)
{
	const char *sid = triad_student_id(st);
	triad_strlist *full = NULL, *on_request = NULL, *households = NULL;
	int adult = 0;
	int rc = triad_policy_informed(&full, &on_request, roster, opts, sid, as_of);
	if (!rc)
		rc = triad_policy_is_adult(&adult, roster, opts, sid, as_of);
	if (!rc)
		rc = triad_roster_student_households(&households, roster, sid);
	for (size_t h = 0; !rc && h < triad_strlist_count(households); h++) {
		const char *hid = triad_strlist_at(households, h);
		triad_plan_access access;
		rc = household_access(&access, roster, sid, adult != 0, hid, full, on_request);
		if (!rc)
			rc = triad_audience_add(aud, hid, sid, known(triad_student_school_type(st)),
			                        triad_student_year(st),
			                        known(triad_student_class_name(st)),
			                        known(triad_student_mentor_id(st)), access);
	}
	triad_strlist_free(full);
	triad_strlist_free(on_request);
	triad_strlist_free(households);
	return rc;
}

int triad_audience_from_roster(triad_audience **out, const triad_roster *roster,
                               const triad_policy_options *opts, triad_date as_of)
{
	if (!out || !roster)
		return triad__err(TRIAD_EINVAL, "the output or roster is NULL");
	triad_audience *aud = NULL;
	int rc = triad_audience_new(&aud);
	for (size_t i = 0; !rc && i < triad_roster_student_count(roster); i++)
		rc = add_student(aud, roster, opts, triad_roster_student_at(roster, i), as_of);
	if (rc) {
		triad_audience_free(aud);
		return rc;
	}
	*out = aud;
	return 0;
}
