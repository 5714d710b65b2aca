/* Reading a roster: enumeration ids, lookups, navigation, record fields,
 * equality. */
#include <string.h>

#include "roster_private.h"

/* ---- enumeration ids ----------------------------------------------------- */

static const char *const relation_ids[] = {
	"mother", "father", "step_parent", "foster_parent", "guardian", "other_carer", NULL
};
static const char *const rights_ids[] = { "full", "on_request", "restricted", NULL };
static const char *const role_ids[] = { "mentor", "teacher", "coordinator", "school_leader",
	                                NULL };

static int lookup(int *out, const char *const *ids, const char *id, const char *what)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "%s: a NULL argument", what);
	for (int i = 0; ids[i]; i++)
		if (strcmp(ids[i], id) == 0) {
			*out = i + 1;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND, "\"%.60s\" is not a known %s",
	                  triad__utf8_valid(id, strlen(id)) ? id : "(invalid UTF-8)", what);
}

const char *triad_relation_kind_id(triad_relation_kind kind)
{
	if (kind < TRIAD_RELATION_MOTHER || kind > TRIAD_RELATION_OTHER_CARER) {
		triad__err(TRIAD_EINVAL, "relation kind %d does not exist", (int)kind);
		return NULL;
	}
	return relation_ids[kind - 1];
}

int triad_relation_kind_from_id(triad_relation_kind *out, const char *id)
{
	int v = 0;
	int rc = lookup(&v, relation_ids, id, "relation kind");
	if (!rc && out)
		*out = (triad_relation_kind)v;
	return out ? rc : triad__err(TRIAD_EINVAL, "relation kind: out is NULL");
}

const char *triad_info_rights_id(triad_info_rights rights)
{
	if (rights < TRIAD_INFO_FULL || rights > TRIAD_INFO_RESTRICTED) {
		triad__err(TRIAD_EINVAL, "information rights %d do not exist", (int)rights);
		return NULL;
	}
	return rights_ids[rights - 1];
}

int triad_info_rights_from_id(triad_info_rights *out, const char *id)
{
	int v = 0;
	int rc = lookup(&v, rights_ids, id, "kind of information rights");
	if (!rc && out)
		*out = (triad_info_rights)v;
	return out ? rc : triad__err(TRIAD_EINVAL, "information rights: out is NULL");
}

const char *triad_staff_role_id(triad_staff_role role)
{
	for (int i = 0; role_ids[i]; i++)
		if ((unsigned)role == 1u << i)
			return role_ids[i];
	triad__err(TRIAD_EINVAL, "staff role %d is not a single role bit", (int)role);
	return NULL;
}

int triad_staff_role_from_id(triad_staff_role *out, const char *id)
{
	int v = 0;
	int rc = lookup(&v, role_ids, id, "staff role");
	if (!rc && out)
		*out = (triad_staff_role)(1u << (v - 1));
	return out ? rc : triad__err(TRIAD_EINVAL, "staff role: out is NULL");
}

/* ---- enumerating and looking up ------------------------------------------ */

static const void *at(void *const *items, size_t count, size_t index, const char *what)
{
	if (!items || index >= count) {
		triad__err(TRIAD_EINVAL, "%s index %zu is out of range (%zu in the roster)", what,
		           index, count);
		return NULL;
	}
	return items[index];
}

static bool arg_ok(const triad_roster *r, const char *id, const char *fn)
{
	if (!r || !id) {
		triad__err(TRIAD_EINVAL, "%s: a NULL argument", fn);
		return false;
	}
	return true;
}

static const void *not_found(const char *what, const char *id)
{
	triad__err(TRIAD_ENOTFOUND, "no %s with id \"%.80s\" in the roster", what,
	           triad__utf8_valid(id, strlen(id)) ? id : "(invalid UTF-8)");
	return NULL;
}

size_t triad_roster_student_count(const triad_roster *r)
{
	return r ? r->nstudents : 0;
}

const triad_student *triad_roster_student_at(const triad_roster *r, size_t i)
{
	return at(r ? (void *const *)r->students : NULL, r ? r->nstudents : 0, i, "student");
}

const triad_student *triad_roster_student(const triad_roster *r, const char *id)
{
	if (!arg_ok(r, id, "triad_roster_student"))
		return NULL;
	const triad_student *s = triad__roster_find_student(r, id);
	return s ? s : not_found("student", id);
}

size_t triad_roster_guardian_count(const triad_roster *r)
{
	return r ? r->nguardians : 0;
}

const triad_guardian *triad_roster_guardian_at(const triad_roster *r, size_t i)
{
	return at(r ? (void *const *)r->guardians : NULL, r ? r->nguardians : 0, i, "guardian");
}

const triad_guardian *triad_roster_guardian(const triad_roster *r, const char *id)
{
	if (!arg_ok(r, id, "triad_roster_guardian"))
		return NULL;
	const triad_guardian *g = triad__roster_find_guardian(r, id);
	return g ? g : not_found("guardian", id);
}

size_t triad_roster_household_count(const triad_roster *r)
{
	return r ? r->nhouseholds : 0;
}

const triad_household *triad_roster_household_at(const triad_roster *r, size_t i)
{
	return at(r ? (void *const *)r->households : NULL, r ? r->nhouseholds : 0, i,
	          "household");
}

const triad_household *triad_roster_household(const triad_roster *r, const char *id)
{
	if (!arg_ok(r, id, "triad_roster_household"))
		return NULL;
	const triad_household *h = triad__roster_find_household(r, id);
	return h ? h : not_found("household", id);
}

size_t triad_roster_staff_count(const triad_roster *r)
{
	return r ? r->nstaff : 0;
}

const triad_staff *triad_roster_staff_at(const triad_roster *r, size_t i)
{
	return at(r ? (void *const *)r->staff : NULL, r ? r->nstaff : 0, i, "staff");
}

const triad_staff *triad_roster_staff(const triad_roster *r, const char *id)
{
	if (!arg_ok(r, id, "triad_roster_staff"))
		return NULL;
	const triad_staff *m = triad__roster_find_staff(r, id);
	return m ? m : not_found("staff member", id);
}

size_t triad_roster_relation_count(const triad_roster *r)
{
	return r ? r->nrelations : 0;
}

const triad_relation *triad_roster_relation_at(const triad_roster *r, size_t i)
{
	return at(r ? (void *const *)r->relations : NULL, r ? r->nrelations : 0, i,
	          "relation");
}

const triad_relation *triad_roster_relation(const triad_roster *r, const char *student_id,
                                            const char *guardian_id)
{
	if (!r || !student_id || !guardian_id) {
		triad__err(TRIAD_EINVAL, "triad_roster_relation: a NULL argument");
		return NULL;
	}
	const triad_student *s = triad__roster_find_student(r, student_id);
	if (s)
		for (size_t i = 0; i < s->nrels; i++)
			if (strcmp(s->rels[i]->guardian->id, guardian_id) == 0)
				return s->rels[i];
	bool ok = triad__utf8_valid(student_id, strlen(student_id)) &&
	          triad__utf8_valid(guardian_id, strlen(guardian_id));
	triad__err(TRIAD_ENOTFOUND, "guardian \"%.80s\" is not related to student \"%.80s\"",
	           ok ? guardian_id : "?", ok ? student_id : "?");
	return NULL;
}

size_t triad_roster_consent_count(const triad_roster *r)
{
	return r ? r->nconsents : 0;
}

const triad_consent *triad_roster_consent_at(const triad_roster *r, size_t i)
{
	return at(r ? (void *const *)r->consents : NULL, r ? r->nconsents : 0, i,
	          "consent record");
}

/* ---- navigation ----------------------------------------------------------- */

static int rank(const triad_relation *rel)
{
	return rel->contact_priority ? rel->contact_priority : 1000;
}

void triad__roster_sorted_relations(const triad_student *s, triad_relation **out)
{
	/* Insertion sort: stable, and a student has a handful of guardians. */
	for (size_t i = 0; i < s->nrels; i++) {
		triad_relation *x = s->rels[i];
		size_t k = i;
		while (k > 0 && (rank(out[k - 1]) > rank(x) ||
		                 (rank(out[k - 1]) == rank(x) &&
		                  out[k - 1]->guardian->index > x->guardian->index))) {
			out[k] = out[k - 1];
			k--;
		}
		out[k] = x;
	}
}

/* Hand over a finished list, or free it and report ENOMEM. */
static int finish(triad_strlist **out, triad_strlist *l, int rc)
{
	if (rc) {
		triad_strlist_free(l);
		return rc;
	}
	*out = l;
	return 0;
}

static int student_list(triad_strlist **out, const triad_roster *r, const char *id,
                        bool households)
{
	if (!out || !arg_ok(r, id, households ? "triad_roster_student_households"
	                                       : "triad_roster_student_guardians"))
		return triad__err(TRIAD_EINVAL, "a NULL argument");
	const triad_student *s = triad_roster_student(r, id);
	if (!s)
		return TRIAD_ENOTFOUND;
	triad_strlist *l = triad__strlist_new();
	if (!l)
		return TRIAD_ENOMEM;
	triad_relation **sorted = s->nrels ? triad__calloc(s->nrels, sizeof *sorted) : NULL;
	if (s->nrels && !sorted)
		return finish(out, l, TRIAD_ENOMEM);
	if (s->nrels)
		triad__roster_sorted_relations(s, sorted);
	int rc = 0;
	for (size_t i = 0; !rc && i < s->nrels; i++) {
		const triad_guardian *g = sorted[i]->guardian;
		if (!households)
			rc = triad__strlist_add(l, g->id);
		else if (g->household_id)
			rc = triad__strlist_add_unique(l, g->household_id);
	}
	triad__free(sorted);
	return finish(out, l, rc);
}

int triad_roster_student_guardians(triad_strlist **out, const triad_roster *r,
                                   const char *student_id)
{
	return student_list(out, r, student_id, false);
}

int triad_roster_student_households(triad_strlist **out, const triad_roster *r,
                                    const char *student_id)
{
	return student_list(out, r, student_id, true);
}

int triad_roster_guardian_students(triad_strlist **out, const triad_roster *r,
                                   const char *guardian_id)
{
	if (!out || !arg_ok(r, guardian_id, "triad_roster_guardian_students"))
		return triad__err(TRIAD_EINVAL, "triad_roster_guardian_students: a NULL argument");
	const triad_guardian *g = triad_roster_guardian(r, guardian_id);
	if (!g)
		return TRIAD_ENOTFOUND;
	triad_strlist *l = triad__strlist_new();
	if (!l)
		return TRIAD_ENOMEM;
	int rc = 0;
	for (size_t i = 0; !rc && i < g->nrels; i++)
		rc = triad__strlist_add(l, g->rels[i]->student->id);
	return finish(out, l, rc);
}

static int household_list(triad_strlist **out, const triad_roster *r, const char *id,
                          bool students)
{
	if (!out || !arg_ok(r, id, "triad_roster_household_*"))
		return triad__err(TRIAD_EINVAL, "a NULL argument");
	const triad_household *h = triad_roster_household(r, id);
	if (!h)
		return TRIAD_ENOTFOUND;
	triad_strlist *l = triad__strlist_new();
	if (!l)
		return TRIAD_ENOMEM;
	int rc = 0;
	if (!students) {
		for (size_t i = 0; !rc && i < h->nmembers; i++)
			rc = triad__strlist_add(l, h->members[i]->id);
		return finish(out, l, rc);
	}
	/* In roster order: walk the students, keep those with a guardian here. */
	for (size_t i = 0; !rc && i < r->nstudents; i++) {
		const triad_student *s = r->students[i];
		for (size_t k = 0; k < s->nrels; k++)
			if (s->rels[k]->guardian->household_id &&
			    strcmp(s->rels[k]->guardian->household_id, h->id) == 0) {
				rc = triad__strlist_add(l, s->id);
				break;
			}
	}
	return finish(out, l, rc);
}

int triad_roster_household_guardians(triad_strlist **out, const triad_roster *r,
                                     const char *household_id)
{
	return household_list(out, r, household_id, false);
}

int triad_roster_household_students(triad_strlist **out, const triad_roster *r,
                                    const char *household_id)
{
	return household_list(out, r, household_id, true);
}

int triad_roster_mentor_students(triad_strlist **out, const triad_roster *r,
                                 const char *staff_id)
{
	if (!out || !arg_ok(r, staff_id, "triad_roster_mentor_students"))
		return triad__err(TRIAD_EINVAL, "triad_roster_mentor_students: a NULL argument");
	if (!triad_roster_staff(r, staff_id))
		return TRIAD_ENOTFOUND;
	triad_strlist *l = triad__strlist_new();
	if (!l)
		return TRIAD_ENOMEM;
	int rc = 0;
	for (size_t i = 0; !rc && i < r->nstudents; i++)
		if (r->students[i]->mentor_id && strcmp(r->students[i]->mentor_id, staff_id) == 0)
			rc = triad__strlist_add(l, r->students[i]->id);
	return finish(out, l, rc);
}

int triad_roster_class_students(triad_strlist **out, const triad_roster *r,
                                const char *class_name)
{
	if (!out || !arg_ok(r, class_name, "triad_roster_class_students"))
		return triad__err(TRIAD_EINVAL, "triad_roster_class_students: a NULL argument");
	triad_strlist *l = triad__strlist_new();
	if (!l)
		return TRIAD_ENOMEM;
	int rc = 0;
	for (size_t i = 0; !rc && i < r->nstudents; i++)
		if (r->students[i]->class_name && strcmp(r->students[i]->class_name, class_name) == 0)
			rc = triad__strlist_add(l, r->students[i]->id);
	return finish(out, l, rc);
}

/* ---- record fields -------------------------------------------------------- */

const char *triad_student_id(const triad_student *s) { return s ? s->id : NULL; }
const char *triad_student_given_name(const triad_student *s) { return s ? s->given_name : NULL; }
const char *triad_student_family_name(const triad_student *s) { return s ? s->family_name : NULL; }
triad_date triad_student_birth_date(const triad_student *s) { return s ? s->birth_date : 0; }
const char *triad_student_school_type(const triad_student *s) { return s ? s->school_type : NULL; }
const char *triad_student_bridge_class(const triad_student *s) { return s ? s->bridge_class : NULL; }
int triad_student_year(const triad_student *s) { return s ? s->year : 0; }
const char *triad_student_class_name(const triad_student *s) { return s ? s->class_name : NULL; }
const char *triad_student_mentor_id(const triad_student *s) { return s ? s->mentor_id : NULL; }

int triad_student_age(int *out, const triad_student *s, triad_date on)
{
	if (!out || !s)
		return triad__err(TRIAD_EINVAL, "triad_student_age: a NULL argument");
	if (on < s->birth_date)
		return triad__err(TRIAD_EINVAL, "the date is before student \"%s\" was born", s->id);
	return triad_date_age(out, s->birth_date, on);
}

const char *triad_guardian_id(const triad_guardian *g) { return g ? g->id : NULL; }
const char *triad_guardian_given_name(const triad_guardian *g) { return g ? g->given_name : NULL; }
const char *triad_guardian_family_name(const triad_guardian *g) { return g ? g->family_name : NULL; }
const char *triad_guardian_household_id(const triad_guardian *g) { return g ? g->household_id : NULL; }
const char *triad_guardian_language(const triad_guardian *g) { return g ? g->language : NULL; }
triad_channel triad_guardian_channel(const triad_guardian *g) { return g ? g->channel : TRIAD_CHANNEL_NONE; }

const char *triad_household_id(const triad_household *h) { return h ? h->id : NULL; }
const char *triad_household_name(const triad_household *h) { return h ? h->name : NULL; }
const char *triad_household_address(const triad_household *h) { return h ? h->address : NULL; }

const char *triad_staff_id(const triad_staff *m) { return m ? m->id : NULL; }
const char *triad_staff_given_name(const triad_staff *m) { return m ? m->given_name : NULL; }
const char *triad_staff_family_name(const triad_staff *m) { return m ? m->family_name : NULL; }
unsigned triad_staff_roles(const triad_staff *m) { return m ? m->roles : 0; }

const char *triad_relation_student_id(const triad_relation *r) { return r ? r->student->id : NULL; }
const char *triad_relation_guardian_id(const triad_relation *r) { return r ? r->guardian->id : NULL; }
triad_relation_kind triad_relation_kind_of(const triad_relation *r) { return r ? r->kind : TRIAD_RELATION_NONE; }
int triad_relation_authority(const triad_relation *r) { return r ? r->authority : 0; }
int triad_relation_lives_with(const triad_relation *r) { return r ? r->lives_with : 0; }
int triad_relation_primary_contact(const triad_relation *r) { return r ? r->primary_contact : 0; }
int triad_relation_contact_priority(const triad_relation *r) { return r ? r->contact_priority : 0; }
triad_info_rights triad_relation_info_rights(const triad_relation *r) { return r ? r->info_rights : TRIAD_INFO_DEFAULT; }
const char *triad_relation_restriction_reason(const triad_relation *r) { return r ? r->restriction_reason : NULL; }
int triad_relation_adult_informed(const triad_relation *r) { return r ? r->adult_informed : 0; }
int triad_relation_adult_cosigns(const triad_relation *r) { return r ? r->adult_cosigns : 0; }

const char *triad_consent_student_id(const triad_consent *c) { return c ? c->student->id : NULL; }
const char *triad_consent_purpose(const triad_consent *c) { return c ? c->purpose : NULL; }
const char *triad_consent_by_id(const triad_consent *c) { return c ? c->by_id : NULL; }
int triad_consent_given(const triad_consent *c) { return c ? c->given : 0; }
triad_date triad_consent_date(const triad_consent *c) { return c ? c->date : 0; }

/* ---- equality ------------------------------------------------------------- */

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool relation_equal(const triad_relation *a, const triad_relation *b)
{
	return same(a->student->id, b->student->id) && same(a->guardian->id, b->guardian->id) &&
	       a->kind == b->kind && a->authority == b->authority &&
	       a->lives_with == b->lives_with && a->primary_contact == b->primary_contact &&
	       a->contact_priority == b->contact_priority && a->info_rights == b->info_rights &&
	       same(a->restriction_reason, b->restriction_reason) &&
	       a->adult_informed == b->adult_informed && a->adult_cosigns == b->adult_cosigns;
}

static bool student_equal(const triad_student *a, const triad_student *b)
{
	return same(a->id, b->id) && same(a->given_name, b->given_name) &&
	       same(a->family_name, b->family_name) && a->birth_date == b->birth_date &&
	       same(a->school_type, b->school_type) && same(a->bridge_class, b->bridge_class) &&
	       a->year == b->year && same(a->class_name, b->class_name) &&
	       same(a->mentor_id, b->mentor_id);
}

static bool guardian_equal(const triad_guardian *a, const triad_guardian *b)
{
	if (!(same(a->id, b->id) && same(a->given_name, b->given_name) &&
	      same(a->family_name, b->family_name) && same(a->household_id, b->household_id) &&
	      same(a->language, b->language) && a->channel == b->channel &&
	      a->nrels == b->nrels))
		return false;
	for (size_t i = 0; i < a->nrels; i++)
		if (!relation_equal(a->rels[i], b->rels[i]))
			return false;
	return true;
}

int triad_roster_equal(const triad_roster *a, const triad_roster *b)
{
	if (!a || !b)
		return 0;
	if (!same(a->school_name, b->school_name) || a->nstudents != b->nstudents ||
	    a->nguardians != b->nguardians || a->nhouseholds != b->nhouseholds ||
	    a->nstaff != b->nstaff || a->nrelations != b->nrelations ||
	    a->nconsents != b->nconsents)
		return 0;
	for (size_t i = 0; i < a->nhouseholds; i++) {
		const triad_household *x = a->households[i], *y = b->households[i];
		if (!same(x->id, y->id) || !same(x->name, y->name) || !same(x->address, y->address))
			return 0;
	}
	for (size_t i = 0; i < a->nstaff; i++) {
		const triad_staff *x = a->staff[i], *y = b->staff[i];
		if (!same(x->id, y->id) || !same(x->given_name, y->given_name) ||
		    !same(x->family_name, y->family_name) || x->roles != y->roles)
			return 0;
	}
	for (size_t i = 0; i < a->nstudents; i++)
		if (!student_equal(a->students[i], b->students[i]))
			return 0;
	for (size_t i = 0; i < a->nguardians; i++)
		if (!guardian_equal(a->guardians[i], b->guardians[i]))
			return 0;
	for (size_t i = 0; i < a->nconsents; i++) {
		const triad_consent *x = a->consents[i], *y = b->consents[i];
		if (!same(x->student->id, y->student->id) || !same(x->purpose, y->purpose) ||
		    !same(x->by_id, y->by_id) || x->given != y->given || x->date != y->date)
			return 0;
	}
	return 1;
}
