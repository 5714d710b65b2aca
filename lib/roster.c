/* The school roster: building it record by record, all or nothing. */
#include <stdio.h>
#include <string.h>

#include "roster_private.h"

/* ---- id index ----------------------------------------------------------- */

static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static size_t ix_find(const roster_index *ix, const char *key)
{
	if (!ix->cap)
		return SIZE_MAX;
	size_t mask = ix->cap - 1;
	for (size_t i = (size_t)hash(key) & mask;; i = (i + 1) & mask) {
		if (!ix->slots[i].key)
			return SIZE_MAX;
		if (strcmp(ix->slots[i].key, key) == 0)
			return ix->slots[i].pos;
	}
}

static void ix_put(roster_slot *slots, size_t cap, const char *key, size_t pos)
{
	size_t mask = cap - 1;
	size_t i = (size_t)hash(key) & mask;
	while (slots[i].key)
		i = (i + 1) & mask;
	slots[i].key = key;
	slots[i].pos = pos;
}

/* Make room for `count` keys at a load of at most one half. On failure the
 * index is unchanged. */
static int ix_reserve(roster_index *ix, size_t count)
{
	if (count <= ix->cap / 2)
		return 0;
	size_t cap = ix->cap ? ix->cap : 16;
	while (count > cap / 2) {
		if (cap > SIZE_MAX / 4)
			return triad__nomem();
		cap *= 2;
	}
	roster_slot *slots = triad__calloc(cap, sizeof *slots);
	if (!slots)
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < ix->cap; i++)
		if (ix->slots[i].key)
			ix_put(slots, cap, ix->slots[i].key, ix->slots[i].pos);
	triad__free(ix->slots);
	ix->slots = slots;
	ix->cap = cap;
	return 0;
}

/* ---- validation helpers ------------------------------------------------- */

/* An error at JSON member `key` when loading, or with its own code otherwise. */
static int bad(triad_jctx *j, const char *key, int code, const char *fmt, ...)
	TRIAD_PRINTF(4, 5);
static int bad(triad_jctx *j, const char *key, int code, const char *fmt, ...)
{
	char msg[640];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (j)
		return triad__j_fail_key(j, key, TRIAD_EFORMAT, "%s", msg);
	return triad__err(code, "%s", msg);
}

static int text(triad_jctx *j, const char *key, const char *s, const char *what,
                bool nonempty)
{
	if (!s)
		return bad(j, key, TRIAD_EINVAL, "%s is missing", what);
	size_t len = strlen(s);
	if (nonempty && len == 0)
		return bad(j, key, TRIAD_EINVAL, "%s is empty", what);
	if (!triad__utf8_valid(s, len))
		return bad(j, key, TRIAD_EINVAL, "%s is not valid UTF-8", what);
	return 0;
}

static bool id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("-_.:/@", c) != NULL;
}

static int check_id(triad_jctx *j, const char *key, const char *id, const char *what)
{
	if (!id)
		return bad(j, key, TRIAD_EINVAL, "the %s id is missing", what);
	size_t n = strlen(id);
	bool ok = n >= 1 && n <= 64;
	for (size_t i = 0; ok && i < n; i++)
		ok = id_char(id[i]);
	if (!ok)
		return bad(j, key, TRIAD_EINVAL,
		           "the %s id \"%.80s\" is not 1..64 letters, digits or -_.:/@",
		           what, triad__utf8_valid(id, n) ? id : "(invalid UTF-8)");
	return 0;
}

bool triad__roster_purpose_valid(const char *p)
{
	if (!p)
		return false;
	size_t n = strlen(p);
	if (n < 1 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9') ||
		      p[i] == '_' || p[i] == '-'))
			return false;
	return true;
}

static bool alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A BCP-47 tag in its common shape: a 2..3-letter language, then subtags of
 * 1..8 letters or digits ("nl", "en-GB", "pt-BR", "zh-Hant-TW"). */
static bool language_valid(const char *t)
{
	size_t n = strlen(t), i = 0, first = 0;
	if (n > 35)
		return false;
	while (i < n && alpha(t[i]))
		i++;
	first = i;
	if (first < 2 || first > 3)
		return false;
	while (i < n) {
		if (t[i++] != '-')
			return false;
		size_t start = i;
		while (i < n && (alpha(t[i]) || (t[i] >= '0' && t[i] <= '9')))
			i++;
		if (i - start < 1 || i - start > 8)
			return false;
	}
	return true;
}

/* A copy of an optional string: NULL for NULL or "". Sets *fail on ENOMEM. */
static char *dup_opt(const char *s, bool *fail)
{
	if (!s || !*s)
		return NULL;
	char *c = triad__strdup(s);
	if (!c)
		*fail = true;
	return c;
}

static char *dup_req(const char *s, bool *fail)
{
	char *c = *fail ? NULL : triad__strdup(s);
	if (!c)
		*fail = true;
	return c;
}

/* ---- lifecycle ---------------------------------------------------------- */

int triad_roster_new(triad_roster **out, const triad_schooltypes *types)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_roster_new: out is NULL");
	triad_roster *r = triad__calloc(1, sizeof *r);
	if (!r)
		return TRIAD_ENOMEM;
	if (types) {
		r->types = types;
	} else {
		int rc = triad_schooltypes_new(&r->own_types);
		if (rc) {
			triad__free(r);
			return rc;
		}
		r->types = r->own_types;
	}
	*out = r;
	return 0;
}

static void student_free(triad_student *s)
{
	if (!s)
		return;
	triad__free(s->id);
	triad__free(s->given_name);
	triad__free(s->family_name);
	triad__free(s->school_type);
	triad__free(s->bridge_class);
	triad__free(s->class_name);
	triad__free(s->mentor_id);
	triad__free(s->rels);
	triad__free(s->consents);
	triad__free(s);
}

static void guardian_free(triad_guardian *g)
{
	if (!g)
		return;
	triad__free(g->id);
	triad__free(g->given_name);
	triad__free(g->family_name);
	triad__free(g->household_id);
	triad__free(g->language);
	triad__free(g->rels);
	triad__free(g);
}

static void household_free(triad_household *h)
{
	if (!h)
		return;
	triad__free(h->id);
	triad__free(h->name);
	triad__free(h->address);
	triad__free(h->members);
	triad__free(h);
}

static void staff_free(triad_staff *m)
{
	if (!m)
		return;
	triad__free(m->id);
	triad__free(m->given_name);
	triad__free(m->family_name);
	triad__free(m);
}

static void consent_free(triad_consent *c)
{
	if (!c)
		return;
	triad__free(c->purpose);
	triad__free(c->by_id);
	triad__free(c);
}

void triad_roster_free(triad_roster *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nstudents; i++)
		student_free(r->students[i]);
	for (size_t i = 0; i < r->nguardians; i++)
		guardian_free(r->guardians[i]);
	for (size_t i = 0; i < r->nhouseholds; i++)
		household_free(r->households[i]);
	for (size_t i = 0; i < r->nstaff; i++)
		staff_free(r->staff[i]);
	for (size_t i = 0; i < r->nrelations; i++) {
		triad__free(r->relations[i]->restriction_reason);
		triad__free(r->relations[i]);
	}
	for (size_t i = 0; i < r->nconsents; i++)
		consent_free(r->consents[i]);
	triad__free(r->students);
	triad__free(r->guardians);
	triad__free(r->households);
	triad__free(r->staff);
	triad__free(r->relations);
	triad__free(r->consents);
	triad__free(r->student_ix.slots);
	triad__free(r->guardian_ix.slots);
	triad__free(r->household_ix.slots);
	triad__free(r->staff_ix.slots);
	triad__free(r->school_name);
	triad_schooltypes_free(r->own_types);
	triad__free(r);
}

const char *triad_roster_school_name(const triad_roster *r)
{
	return r ? r->school_name : NULL;
}

int triad_roster_set_school_name(triad_roster *r, const char *name)
{
	if (!r)
		return triad__err(TRIAD_EINVAL, "triad_roster_set_school_name: roster is NULL");
	char *copy = NULL;
	if (name) {
		int rc = triad__check_text(name, "the school name", true);
		if (rc)
			return rc;
		if (!(copy = triad__strdup(name)))
			return TRIAD_ENOMEM;
	}
	triad__free(r->school_name);
	r->school_name = copy;
	return 0;
}

/* ---- lookups ------------------------------------------------------------ */

triad_student *triad__roster_find_student(const triad_roster *r, const char *id)
{
	size_t pos = ix_find(&r->student_ix, id);
	return pos == SIZE_MAX ? NULL : r->students[pos];
}

triad_guardian *triad__roster_find_guardian(const triad_roster *r, const char *id)
{
	size_t pos = ix_find(&r->guardian_ix, id);
	return pos == SIZE_MAX ? NULL : r->guardians[pos];
}

triad_household *triad__roster_find_household(const triad_roster *r, const char *id)
{
	size_t pos = ix_find(&r->household_ix, id);
	return pos == SIZE_MAX ? NULL : r->households[pos];
}

triad_staff *triad__roster_find_staff(const triad_roster *r, const char *id)
{
	size_t pos = ix_find(&r->staff_ix, id);
	return pos == SIZE_MAX ? NULL : r->staff[pos];
}

static triad_relation *find_relation(const triad_student *s, const triad_guardian *g)
{
	for (size_t i = 0; i < s->nrels; i++)
		if (s->rels[i]->guardian == g)
			return s->rels[i];
	return NULL;
}

/* ---- adding ------------------------------------------------------------- */

int triad__roster_add_household(triad_roster *r, triad_jctx *j, const char *id,
                                const char *name, const char *address)
{
	int rc;
	if ((rc = check_id(j, "id", id, "household")) ||
	    (rc = text(j, "name", name, "the household name", true)) ||
	    (address && (rc = text(j, "address", address, "the address", false))))
		return rc;
	if (triad__roster_find_household(r, id))
		return bad(j, "id", TRIAD_EEXISTS, "the household id \"%s\" is used twice", id);
	bool fail = false;
	triad_household *h = triad__calloc(1, sizeof *h);
	if (!h)
		return TRIAD_ENOMEM;
	h->id = dup_req(id, &fail);
	h->name = dup_req(name, &fail);
	h->address = dup_opt(address, &fail);
	if (fail || TRIAD_GROW(r->households, r->caphouseholds, r->nhouseholds + 1) ||
	    ix_reserve(&r->household_ix, r->nhouseholds + 1)) {
		household_free(h);
		return TRIAD_ENOMEM;
	}
	h->index = r->nhouseholds;
	r->households[r->nhouseholds++] = h;
	ix_put(r->household_ix.slots, r->household_ix.cap, h->id, h->index);
	return 0;
}

int triad__roster_add_staff(triad_roster *r, triad_jctx *j, const char *id,
                            const char *given, const char *family, unsigned roles)
{
	int rc;
	if ((rc = check_id(j, "id", id, "staff")) ||
	    (rc = text(j, "given_name", given, "the given name", true)) ||
	    (rc = text(j, "family_name", family, "the family name", true)))
		return rc;
	if (roles == 0 || (roles & ~TRIAD_STAFF_ALL_ROLES))
		return bad(j, "roles", TRIAD_EINVAL,
		           "staff member \"%s\" needs one or more of the roles mentor, "
		           "teacher, coordinator, school_leader (got bits 0x%x)", id, roles);
	if (triad__roster_find_staff(r, id))
		return bad(j, "id", TRIAD_EEXISTS, "the staff id \"%s\" is used twice", id);
	bool fail = false;
	triad_staff *m = triad__calloc(1, sizeof *m);
	if (!m)
		return TRIAD_ENOMEM;
	m->id = dup_req(id, &fail);
	m->given_name = dup_req(given, &fail);
	m->family_name = dup_req(family, &fail);
	m->roles = roles;
	if (fail || TRIAD_GROW(r->staff, r->capstaff, r->nstaff + 1) ||
	    ix_reserve(&r->staff_ix, r->nstaff + 1)) {
		staff_free(m);
		return TRIAD_ENOMEM;
	}
	m->index = r->nstaff;
	r->staff[r->nstaff++] = m;
	ix_put(r->staff_ix.slots, r->staff_ix.cap, m->id, m->index);
	return 0;
}

/* Whether `type` is one of the '/'-separated parts of `bridge`, and the
 * bridge has at least two non-empty parts. */
static bool bridge_ok(const char *bridge, const char *type)
{
	size_t tl = strlen(type), parts = 0;
	bool found = false;
	const char *p = bridge;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 0)
			return false;
		parts++;
		if (n == tl && memcmp(p, type, n) == 0)
			found = true;
		if (!slash)
			break;
		p = slash + 1;
	}
	return found && parts >= 2;
}

static int check_student(triad_roster *r, triad_jctx *j, const triad_student_info *in)
{
	int rc;
	if ((rc = check_id(j, "id", in->id, "student")) ||
	    (rc = text(j, "given_name", in->given_name, "the given name", true)) ||
	    (rc = text(j, "family_name", in->family_name, "the family name", true)) ||
	    (in->class_name && (rc = text(j, "class", in->class_name, "the class", false))))
		return rc;
	if (!triad__date_in_range(in->birth_date))
		return bad(j, "birth_date", TRIAD_EINVAL,
		           "student \"%s\": the birth date is outside years 1..9999", in->id);
	if (!in->school_type)
		return bad(j, "school_type", TRIAD_EINVAL, "student \"%s\": the school type is missing",
		           in->id);
	int years = 0;
	if (triad_schooltypes_years(r->types, in->school_type, &years))
		return bad(j, "school_type", TRIAD_ENOTFOUND,
		           "student \"%s\": \"%.40s\" is not a known school type", in->id,
		           triad__utf8_valid(in->school_type, strlen(in->school_type))
		               ? in->school_type : "(invalid UTF-8)");
	if (in->year < 1 || in->year > years)
		return bad(j, "year", TRIAD_ERANGE,
		           "student \"%s\": year %d is outside %s (years 1..%d)", in->id,
		           in->year, in->school_type, years);
	if (in->bridge_class && *in->bridge_class &&
	    ((rc = text(j, "bridge_class", in->bridge_class, "the combined class", false)) ||
	     !bridge_ok(in->bridge_class, in->school_type)))
		return rc ? rc
		          : bad(j, "bridge_class", TRIAD_EINVAL,
		                "student \"%s\": the combined class \"%.40s\" must list the "
		                "school type \"%s\" among two or more types separated by '/'",
		                in->id, in->bridge_class, in->school_type);
	if (in->mentor_id) {
		if ((rc = check_id(j, "mentor", in->mentor_id, "mentor")))
			return rc;
		const triad_staff *m = triad__roster_find_staff(r, in->mentor_id);
		if (!m)
			return bad(j, "mentor", TRIAD_ENOTFOUND,
			           "student \"%s\": the mentor \"%s\" is not on the staff list",
			           in->id, in->mentor_id);
		if (!(m->roles & TRIAD_STAFF_MENTOR))
			return bad(j, "mentor", TRIAD_EINVAL,
			           "student \"%s\": staff member \"%s\" does not have the mentor role",
			           in->id, in->mentor_id);
	}
	if (triad__roster_find_student(r, in->id))
		return bad(j, "id", TRIAD_EEXISTS, "the student id \"%s\" is used twice", in->id);
	if (triad__roster_find_guardian(r, in->id))
		return bad(j, "id", TRIAD_EEXISTS,
		           "the student id \"%s\" is already a guardian's id", in->id);
	return 0;
}

int triad__roster_add_student(triad_roster *r, triad_jctx *j, const triad_student_info *in)
{
	int rc = check_student(r, j, in);
	if (rc)
		return rc;
	bool fail = false;
	triad_student *s = triad__calloc(1, sizeof *s);
	if (!s)
		return TRIAD_ENOMEM;
	s->id = dup_req(in->id, &fail);
	s->given_name = dup_req(in->given_name, &fail);
	s->family_name = dup_req(in->family_name, &fail);
	s->school_type = dup_req(in->school_type, &fail);
	s->bridge_class = dup_opt(in->bridge_class, &fail);
	s->class_name = dup_opt(in->class_name, &fail);
	s->mentor_id = dup_opt(in->mentor_id, &fail);
	s->birth_date = in->birth_date;
	s->year = in->year;
	if (fail || TRIAD_GROW(r->students, r->capstudents, r->nstudents + 1) ||
	    ix_reserve(&r->student_ix, r->nstudents + 1)) {
		student_free(s);
		return TRIAD_ENOMEM;
	}
	s->index = r->nstudents;
	r->students[r->nstudents++] = s;
	ix_put(r->student_ix.slots, r->student_ix.cap, s->id, s->index);
	return 0;
}

int triad__roster_add_guardian(triad_roster *r, triad_jctx *j, const triad_guardian_info *in)
{
	int rc;
	if ((rc = check_id(j, "id", in->id, "guardian")) ||
	    (rc = text(j, "given_name", in->given_name, "the given name", true)) ||
	    (rc = text(j, "family_name", in->family_name, "the family name", true)))
		return rc;
	const char *lang = in->language ? in->language : "nl";
	if (!language_valid(lang))
		return bad(j, "language", TRIAD_EINVAL,
		           "guardian \"%s\": \"%.40s\" is not a language tag such as "
		           "\"nl\", \"en\" or \"pt-BR\"", in->id,
		           triad__utf8_valid(lang, strlen(lang)) ? lang : "(invalid UTF-8)");
	if (in->channel != TRIAD_CHANNEL_NONE && !triad_channel_valid(in->channel))
		return bad(j, "channel", TRIAD_EINVAL, "guardian \"%s\": channel %d does not exist",
		           in->id, (int)in->channel);
	triad_household *h = NULL;
	if (in->household_id) {
		if ((rc = check_id(j, "household", in->household_id, "household")))
			return rc;
		if (!(h = triad__roster_find_household(r, in->household_id)))
			return bad(j, "household", TRIAD_ENOTFOUND,
			           "guardian \"%s\": the household \"%s\" is not in the roster",
			           in->id, in->household_id);
	}
	if (triad__roster_find_guardian(r, in->id))
		return bad(j, "id", TRIAD_EEXISTS, "the guardian id \"%s\" is used twice", in->id);
	if (triad__roster_find_student(r, in->id))
		return bad(j, "id", TRIAD_EEXISTS,
		           "the guardian id \"%s\" is already a student's id", in->id);
	bool fail = false;
	triad_guardian *g = triad__calloc(1, sizeof *g);
	if (!g)
		return TRIAD_ENOMEM;
	g->id = dup_req(in->id, &fail);
	g->given_name = dup_req(in->given_name, &fail);
	g->family_name = dup_req(in->family_name, &fail);
	g->household_id = dup_opt(in->household_id, &fail);
	g->language = dup_req(lang, &fail);
	g->channel = in->channel;
	if (fail || TRIAD_GROW(r->guardians, r->capguardians, r->nguardians + 1) ||
	    ix_reserve(&r->guardian_ix, r->nguardians + 1) ||
	    (h && TRIAD_GROW(h->members, h->capmembers, h->nmembers + 1))) {
		guardian_free(g);
		return TRIAD_ENOMEM;
	}
	g->index = r->nguardians;
	r->guardians[r->nguardians++] = g;
	ix_put(r->guardian_ix.slots, r->guardian_ix.cap, g->id, g->index);
	if (h)
		h->members[h->nmembers++] = g;
	return 0;
}

int triad__roster_add_relation(triad_roster *r, triad_jctx *j, const triad_relation_info *in)
{
	int rc;
	if ((rc = check_id(j, "student", in->student_id, "student")) ||
	    (rc = check_id(j, "guardian", in->guardian_id, "guardian")))
		return rc;
	triad_student *s = triad__roster_find_student(r, in->student_id);
	if (!s)
		return bad(j, "student", TRIAD_ENOTFOUND,
		           "guardian \"%s\": the student \"%s\" is not in the roster",
		           in->guardian_id, in->student_id);
	triad_guardian *g = triad__roster_find_guardian(r, in->guardian_id);
	if (!g)
		return bad(j, "guardian", TRIAD_ENOTFOUND,
		           "the guardian \"%s\" is not in the roster", in->guardian_id);
	if (in->kind < TRIAD_RELATION_MOTHER || in->kind > TRIAD_RELATION_OTHER_CARER)
		return bad(j, "relation", TRIAD_EINVAL,
		           "guardian \"%s\" of student \"%s\": relation %d does not exist",
		           g->id, s->id, (int)in->kind);
	if (in->contact_priority < 0 || in->contact_priority > 99)
		return bad(j, "contact_priority", TRIAD_EINVAL,
		           "guardian \"%s\" of student \"%s\": contact priority %d is outside 0..99",
		           g->id, s->id, in->contact_priority);
	triad_info_rights rights = in->info_rights;
	if (rights == TRIAD_INFO_DEFAULT)
		rights = in->authority ? TRIAD_INFO_FULL : TRIAD_INFO_ON_REQUEST;
	if (rights < TRIAD_INFO_FULL || rights > TRIAD_INFO_RESTRICTED)
		return bad(j, "information", TRIAD_EINVAL,
		           "guardian \"%s\" of student \"%s\": information rights %d do not exist",
		           g->id, s->id, (int)rights);
	if (in->authority && rights == TRIAD_INFO_ON_REQUEST)
		return bad(j, "information", TRIAD_EINVAL,
		           "guardian \"%s\" of student \"%s\" holds parental authority and so is "
		           "fully entitled to information; record a restriction (with its "
		           "reason) instead of \"on_request\"", g->id, s->id);
	bool has_reason = in->restriction_reason && *in->restriction_reason;
	if (rights == TRIAD_INFO_RESTRICTED && !has_reason)
		return bad(j, "restriction_reason", TRIAD_EINVAL,
		           "guardian \"%s\" of student \"%s\": a restriction of information "
		           "needs a recorded reason (a court order, the child's interest)",
		           g->id, s->id);
	if (rights != TRIAD_INFO_RESTRICTED && has_reason)
		return bad(j, "restriction_reason", TRIAD_EINVAL,
		           "guardian \"%s\" of student \"%s\": a restriction reason is given "
		           "but the information rights are not \"restricted\"", g->id, s->id);
	if (has_reason &&
	    (rc = text(j, "restriction_reason", in->restriction_reason, "the restriction reason", true)))
		return rc;
	if (find_relation(s, g))
		return bad(j, "student", TRIAD_EEXISTS,
		           "guardian \"%s\" is related to student \"%s\" twice", g->id, s->id);
	triad_relation *rel = triad__calloc(1, sizeof *rel);
	if (!rel)
		return TRIAD_ENOMEM;
	bool fail = false;
	rel->restriction_reason = has_reason ? dup_req(in->restriction_reason, &fail) : NULL;
	if (fail || TRIAD_GROW(r->relations, r->caprelations, r->nrelations + 1) ||
	    TRIAD_GROW(s->rels, s->caprels, s->nrels + 1) ||
	    TRIAD_GROW(g->rels, g->caprels, g->nrels + 1)) {
		triad__free(rel->restriction_reason);
		triad__free(rel);
		return TRIAD_ENOMEM;
	}
	rel->student = s;
	rel->guardian = g;
	rel->kind = in->kind;
	rel->authority = in->authority != 0;
	rel->lives_with = in->lives_with != 0;
	rel->primary_contact = in->primary_contact != 0;
	rel->contact_priority = in->contact_priority;
	rel->info_rights = rights;
	rel->adult_informed = in->adult_informed != 0;
	rel->adult_cosigns = in->adult_cosigns != 0;
	r->relations[r->nrelations++] = rel;
	s->rels[s->nrels++] = rel;
	g->rels[g->nrels++] = rel;
	return 0;
}

int triad__roster_add_consent(triad_roster *r, triad_jctx *j, const char *student_id,
                              const char *purpose, const char *by_id, bool given,
                              triad_date on)
{
	int rc;
	if ((rc = check_id(j, "student", student_id, "student")))
		return rc;
	triad_student *s = triad__roster_find_student(r, student_id);
	if (!s)
		return bad(j, "student", TRIAD_ENOTFOUND,
		           "consent record: the student \"%s\" is not in the roster", student_id);
	if (!triad__roster_purpose_valid(purpose))
		return bad(j, "purpose", TRIAD_EINVAL,
		           "consent record for student \"%s\": the purpose must be 1..64 "
		           "lower-case letters, digits, '_' or '-', such as \"photos\"", s->id);
	if ((rc = check_id(j, "by", by_id, "consent giver")))
		return rc;
	if (strcmp(by_id, s->id) != 0) {
		triad_guardian *g = triad__roster_find_guardian(r, by_id);
		if (!g || !find_relation(s, g))
			return bad(j, "by", TRIAD_ENOTFOUND,
			           "consent record for student \"%s\": \"%s\" is neither the "
			           "student nor one of the student's guardians", s->id, by_id);
	}
	if (!triad__date_in_range(on))
		return bad(j, "date", TRIAD_EINVAL,
		           "consent record for student \"%s\": the date is outside years 1..9999",
		           s->id);
	bool fail = false;
	triad_consent *c = triad__calloc(1, sizeof *c);
	if (!c)
		return TRIAD_ENOMEM;
	c->purpose = dup_req(purpose, &fail);
	c->by_id = dup_req(by_id, &fail);
	if (fail || TRIAD_GROW(r->consents, r->capconsents, r->nconsents + 1) ||
	    TRIAD_GROW(s->consents, s->capconsents, s->nconsents + 1)) {
		consent_free(c);
		return TRIAD_ENOMEM;
	}
	c->student = s;
	c->given = given;
	c->date = on;
	r->consents[r->nconsents++] = c;
	s->consents[s->nconsents++] = c;
	return 0;
}

/* ---- public add functions ----------------------------------------------- */

int triad_roster_add_household(triad_roster *r, const char *id, const char *name,
                               const char *address)
{
	if (!r)
		return triad__err(TRIAD_EINVAL, "triad_roster_add_household: roster is NULL");
	return triad__roster_add_household(r, NULL, id, name, address);
}

int triad_roster_add_staff(triad_roster *r, const char *id, const char *given,
                           const char *family, unsigned roles)
{
	if (!r)
		return triad__err(TRIAD_EINVAL, "triad_roster_add_staff: roster is NULL");
	return triad__roster_add_staff(r, NULL, id, given, family, roles);
}

static int check_version(const void *p, unsigned version, unsigned current, const char *what)
{
	if (!p)
		return triad__err(TRIAD_EINVAL, "%s is NULL", what);
	if (version < 1 || version > current)
		return triad__err(TRIAD_EINVAL,
		                  "%s has version %u; this libtriad knows versions 1..%u",
		                  what, version, current);
	return 0;
}

int triad_roster_add_student(triad_roster *r, const triad_student_info *in)
{
	if (!r)
		return triad__err(TRIAD_EINVAL, "triad_roster_add_student: roster is NULL");
	int rc = check_version(in, in ? in->version : 0, TRIAD_STUDENT_INFO_VERSION,
	                       "the student info");
	return rc ? rc : triad__roster_add_student(r, NULL, in);
}

int triad_roster_add_guardian(triad_roster *r, const triad_guardian_info *in)
{
	if (!r)
		return triad__err(TRIAD_EINVAL, "triad_roster_add_guardian: roster is NULL");
	int rc = check_version(in, in ? in->version : 0, TRIAD_GUARDIAN_INFO_VERSION,
	                       "the guardian info");
	return rc ? rc : triad__roster_add_guardian(r, NULL, in);
}

int triad_roster_add_relation(triad_roster *r, const triad_relation_info *in)
{
	if (!r)
		return triad__err(TRIAD_EINVAL, "triad_roster_add_relation: roster is NULL");
	int rc = check_version(in, in ? in->version : 0, TRIAD_RELATION_INFO_VERSION,
	                       "the relation info");
	return rc ? rc : triad__roster_add_relation(r, NULL, in);
}

int triad_roster_add_consent(triad_roster *r, const char *student_id, const char *purpose,
                             const char *by_id, int given, triad_date on)
{
	if (!r)
		return triad__err(TRIAD_EINVAL, "triad_roster_add_consent: roster is NULL");
	return triad__roster_add_consent(r, NULL, student_id, purpose, by_id, given != 0, on);
}

int triad_roster_set_adult_choice(triad_roster *r, const char *student_id,
                                  const char *guardian_id, int informed, int cosigns)
{
	if (!r || !student_id || !guardian_id)
		return triad__err(TRIAD_EINVAL, "triad_roster_set_adult_choice: a NULL argument");
	const triad_relation *rel = triad_roster_relation(r, student_id, guardian_id);
	if (!rel)
		return triad_error_last()->code;
	triad_relation *m = (triad_relation *)rel; /* the roster owns it and is not const */
	m->adult_informed = informed != 0;
	m->adult_cosigns = cosigns != 0;
	return 0;
}

int triad_student_info_init(triad_student_info *info, unsigned version)
{
	int rc = check_version(info, version, TRIAD_STUDENT_INFO_VERSION, "the student info");
	if (rc)
		return rc;
	triad_student_info init = TRIAD_STUDENT_INFO_INIT;
	*info = init;
	return 0;
}

int triad_guardian_info_init(triad_guardian_info *info, unsigned version)
{
	int rc = check_version(info, version, TRIAD_GUARDIAN_INFO_VERSION, "the guardian info");
	if (rc)
		return rc;
	triad_guardian_info init = TRIAD_GUARDIAN_INFO_INIT;
	*info = init;
	return 0;
}

int triad_relation_info_init(triad_relation_info *info, unsigned version)
{
	int rc = check_version(info, version, TRIAD_RELATION_INFO_VERSION, "the relation info");
	if (rc)
		return rc;
	triad_relation_info init = TRIAD_RELATION_INFO_INIT;
	*info = init;
	return 0;
}
