/* The roster as JSON: the triad.school/1 format (doc/formats/school.md). */
#include <string.h>

#include "roster_private.h"

#define FORMAT_NAME "triad.school"
#define FORMAT_MAJOR 1

/* ---- loading ------------------------------------------------------------ */

static const char *const root_fields[] = { "format", "school_name", "households", "staff",
	                                   "students", "guardians", "consents", NULL };
static const char *const household_fields[] = { "id", "name", "address", NULL };
static const char *const staff_fields[] = { "id", "given_name", "family_name", "roles", NULL };
static const char *const student_fields[] = { "id", "given_name", "family_name", "birth_date",
	                                      "school_type", "bridge_class", "year", "class",
	                                      "mentor", NULL };
static const char *const guardian_fields[] = { "id", "given_name", "family_name", "household",
	                                       "language", "channel", "students", NULL };
static const char *const relation_fields[] = { "student", "relation", "authority",
	                                       "lives_with", "primary_contact",
	                                       "contact_priority", "information",
	                                       "restriction_reason", "adult_informed",
	                                       "adult_cosigns", NULL };
static const char *const consent_fields[] = { "student", "purpose", "by", "given", "date",
	                                      NULL };
static const char *const relation_names[] = { "mother", "father", "step_parent",
	                                      "foster_parent", "guardian", "other_carer",
	                                      NULL };
static const char *const rights_names[] = { "full", "on_request", "restricted", NULL };
static const char *const role_names[] = { "mentor", "teacher", "coordinator",
	                                  "school_leader", NULL };

typedef int (*load_item_fn)(triad_roster *r, triad_jctx *c, json_t *item, void *ctx);

/* Load every element of the optional array member `key` with `fn`. */
static int load_array(triad_roster *r, triad_jctx *c, json_t *obj, const char *key,
                      load_item_fn fn, void *ctx)
{
	json_t *arr = NULL;
	int rc = triad__j_array(c, obj, key, false, &arr);
	if (rc || !arr)
		return rc;
	size_t mark = triad__j_push_key(c, key);
	size_t i;
	json_t *item;
	json_array_foreach(arr, i, item) {
		size_t m = triad__j_push_index(c, i);
		rc = fn(r, c, item, ctx);
		triad__j_pop(c, m);
		if (rc)
			break;
	}
	triad__j_pop(c, mark);
	return rc;
}

static int load_household(triad_roster *r, triad_jctx *c, json_t *o, void *ctx)
{
	(void)ctx;
	const char *id = NULL, *name = NULL, *address = NULL;
	int rc;
	if ((rc = triad__j_fields(c, o, household_fields)) ||
	    (rc = triad__j_string(c, o, "id", true, &id)) ||
	    (rc = triad__j_string(c, o, "name", true, &name)) ||
	    (rc = triad__j_string(c, o, "address", false, &address)))
		return rc;
	return triad__roster_add_household(r, c, id, name, address);
}

static int load_roles(triad_jctx *c, json_t *o, unsigned *out)
{
	json_t *arr = NULL;
	int rc = triad__j_array(c, o, "roles", true, &arr);
	if (rc)
		return rc;
	size_t mark = triad__j_push_key(c, "roles");
	unsigned roles = 0;
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		size_t m = triad__j_push_index(c, i);
		triad_staff_role bit = (triad_staff_role)0;
		if (!json_is_string(v))
			rc = triad__j_fail(c, TRIAD_EFORMAT, "expected a string, got %s",
			                   triad__j_type_name(v));
		else if (triad_staff_role_from_id(&bit, json_string_value(v)))
			rc = triad__j_fail(c, TRIAD_EFORMAT,
			                   "\"%.40s\" is not one of \"mentor\", \"teacher\", "
			                   "\"coordinator\", \"school_leader\"",
			                   json_string_value(v));
		else if (roles & (unsigned)bit)
			rc = triad__j_fail(c, TRIAD_EFORMAT, "the role \"%s\" is listed twice",
			                   json_string_value(v));
		roles |= (unsigned)bit;
		triad__j_pop(c, m);
		if (rc)
			break;
	}
	if (!rc && roles == 0)
		rc = triad__j_fail(c, TRIAD_EFORMAT, "a staff member needs at least one role");
	triad__j_pop(c, mark);
	if (!rc)
		*out = roles;
	return rc;
}

static int load_staff(triad_roster *r, triad_jctx *c, json_t *o, void *ctx)
{
	(void)ctx;
	const char *id = NULL, *given = NULL, *family = NULL;
	unsigned roles = 0;
	int rc;
	if ((rc = triad__j_fields(c, o, staff_fields)) ||
	    (rc = triad__j_string(c, o, "id", true, &id)) ||
	    (rc = triad__j_string(c, o, "given_name", true, &given)) ||
	    (rc = triad__j_string(c, o, "family_name", true, &family)) ||
	    (rc = load_roles(c, o, &roles)))
		return rc;
	return triad__roster_add_staff(r, c, id, given, family, roles);
}

static int load_student(triad_roster *r, triad_jctx *c, json_t *o, void *ctx)
{
	(void)ctx;
	triad_student_info in = TRIAD_STUDENT_INFO_INIT;
	long long year = 0;
	int rc;
	if ((rc = triad__j_fields(c, o, student_fields)) ||
	    (rc = triad__j_string(c, o, "id", true, &in.id)) ||
	    (rc = triad__j_string(c, o, "given_name", true, &in.given_name)) ||
	    (rc = triad__j_string(c, o, "family_name", true, &in.family_name)) ||
	    (rc = triad__j_date(c, o, "birth_date", true, &in.birth_date)) ||
	    (rc = triad__j_string(c, o, "school_type", true, &in.school_type)) ||
	    (rc = triad__j_string(c, o, "bridge_class", false, &in.bridge_class)) ||
	    (rc = triad__j_int(c, o, "year", true, 1, 99, &year)) ||
	    (rc = triad__j_string(c, o, "class", false, &in.class_name)) ||
	    (rc = triad__j_string(c, o, "mentor", false, &in.mentor_id)))
		return rc;
	in.year = (int)year;
	return triad__roster_add_student(r, c, &in);
}

static int load_relation(triad_roster *r, triad_jctx *c, json_t *o, void *ctx)
{
	triad_relation_info in = TRIAD_RELATION_INFO_INIT;
	in.guardian_id = ctx;
	int kind = 0, rights = 0;
	bool authority = false, lives = false, primary = false, informed = false,
	     cosigns = false;
	long long prio = 0;
	int rc;
	if ((rc = triad__j_fields(c, o, relation_fields)) ||
	    (rc = triad__j_string(c, o, "student", true, &in.student_id)) ||
	    (rc = triad__j_enum(c, o, "relation", true, relation_names, 1, &kind)) ||
	    (rc = triad__j_bool(c, o, "authority", true, &authority)) ||
	    (rc = triad__j_bool(c, o, "lives_with", false, &lives)) ||
	    (rc = triad__j_bool(c, o, "primary_contact", false, &primary)) ||
	    (rc = triad__j_int(c, o, "contact_priority", false, 0, 99, &prio)) ||
	    (rc = triad__j_enum(c, o, "information", false, rights_names, 1, &rights)) ||
	    (rc = triad__j_string(c, o, "restriction_reason", false, &in.restriction_reason)) ||
	    (rc = triad__j_bool(c, o, "adult_informed", false, &informed)) ||
	    (rc = triad__j_bool(c, o, "adult_cosigns", false, &cosigns)))
		return rc;
	in.kind = (triad_relation_kind)kind;
	in.info_rights = (triad_info_rights)rights;
	in.authority = authority;
	in.lives_with = lives;
	in.primary_contact = primary;
	in.contact_priority = (int)prio;
	in.adult_informed = informed;
	in.adult_cosigns = cosigns;
	return triad__roster_add_relation(r, c, &in);
}

static int load_guardian(triad_roster *r, triad_jctx *c, json_t *o, void *ctx)
{
	(void)ctx;
	triad_guardian_info in = TRIAD_GUARDIAN_INFO_INIT;
	const char *channels[8] = { NULL };
	for (size_t i = 1; i <= triad_channel_count() && i < 8; i++)
		channels[i - 1] = triad_channel_id((triad_channel)i);
	int channel = 0;
	int rc;
	if ((rc = triad__j_fields(c, o, guardian_fields)) ||
	    (rc = triad__j_string(c, o, "id", true, &in.id)) ||
	    (rc = triad__j_string(c, o, "given_name", true, &in.given_name)) ||
	    (rc = triad__j_string(c, o, "family_name", true, &in.family_name)) ||
	    (rc = triad__j_string(c, o, "household", false, &in.household_id)) ||
	    (rc = triad__j_string(c, o, "language", false, &in.language)) ||
	    (rc = triad__j_enum(c, o, "channel", false, channels, 1, &channel)))
		return rc;
	in.channel = (triad_channel)channel;
	if ((rc = triad__roster_add_guardian(r, c, &in)))
		return rc;
	/* The guardian's own (roster-owned) id outlives the JSON tree's copy. */
	const triad_guardian *g = r->guardians[r->nguardians - 1];
	return load_array(r, c, o, "students", load_relation, g->id);
}

static int load_consent(triad_roster *r, triad_jctx *c, json_t *o, void *ctx)
{
	(void)ctx;
	const char *student = NULL, *purpose = NULL, *by = NULL;
	bool given = false;
	triad_date date = 0;
	int rc;
	if ((rc = triad__j_fields(c, o, consent_fields)) ||
	    (rc = triad__j_string(c, o, "student", true, &student)) ||
	    (rc = triad__j_string(c, o, "purpose", true, &purpose)) ||
	    (rc = triad__j_string(c, o, "by", true, &by)) ||
	    (rc = triad__j_bool(c, o, "given", true, &given)) ||
	    (rc = triad__j_date(c, o, "date", true, &date)))
		return rc;
	return triad__roster_add_consent(r, c, student, purpose, by, given, date);
}

static int load_root(triad_roster *r, triad_jctx *c, json_t *root)
{
	const char *name = NULL;
	int rc;
	if ((rc = triad__j_fields(c, root, root_fields)) ||
	    (rc = triad__j_check_format(c, root, FORMAT_NAME, FORMAT_MAJOR, NULL)) ||
	    (rc = triad__j_string(c, root, "school_name", false, &name)))
		return rc;
	if (name && !*name)
		return triad__j_fail_key(c, "school_name", TRIAD_EFORMAT,
		                         "the school name is empty; leave the field out instead");
	if (name && (rc = triad_roster_set_school_name(r, name)))
		return rc;
	/* In dependency order: households and staff before the students and
	 * guardians that name them, relations inside guardians, consents last. */
	if ((rc = load_array(r, c, root, "households", load_household, NULL)) ||
	    (rc = load_array(r, c, root, "staff", load_staff, NULL)) ||
	    (rc = load_array(r, c, root, "students", load_student, NULL)) ||
	    (rc = load_array(r, c, root, "guardians", load_guardian, NULL)) ||
	    (rc = load_array(r, c, root, "consents", load_consent, NULL)))
		return rc;
	return 0;
}

static int load_tree(triad_roster **out, json_t *root, const char *source,
                     const triad_schooltypes *types)
{
	triad_roster *r = NULL;
	int rc = triad_roster_new(&r, types);
	if (!rc) {
		triad_jctx c;
		triad__jctx_init(&c, source);
		rc = load_root(r, &c, root);
	}
	if (rc) {
		triad_roster_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

/* The school types to check the students against come as the argument. */
static int read_cb(void *out, json_t *root, const char *source, const void *types)
{
	return load_tree(out, root, source, types);
}

int triad_roster_load(triad_roster **out, const char *text, size_t len, const char *source,
                      const triad_schooltypes *types)
{
	if (!out || !text)
		return triad__err(TRIAD_EINVAL, "triad_roster_load: out or text is NULL");
	return triad__j_load(out, read_cb, types, text, len, source);
}

int triad_roster_load_file(triad_roster **out, const char *filename,
                           const triad_schooltypes *types)
{
	if (!out || !filename)
		return triad__err(TRIAD_EINVAL, "triad_roster_load_file: out or filename is NULL");
	return triad__j_load_file(out, read_cb, types, filename);
}

/* ---- saving ------------------------------------------------------------- */

/* Each setter is skipped once rc is set, so nothing is built after a failure. */
#define SET(rc, obj, key, value) ((rc) = (rc) ? (rc) : triad__j_set((obj), (key), (value)))

static int add_item(json_t *arr, json_t *item, int rc)
{
	if (rc) {
		json_decref(item);
		return rc;
	}
	return triad__j_append(arr, item);
}

static json_t *new_array(json_t *root, const char *key, int *rc)
{
	json_t *arr = *rc ? NULL : json_array();
	SET(*rc, root, key, arr);
	return *rc ? NULL : arr;
}

static int save_households(json_t *root, const triad_roster *r, int rc)
{
	json_t *arr = new_array(root, "households", &rc);
	for (size_t i = 0; !rc && i < r->nhouseholds; i++) {
		const triad_household *h = r->households[i];
		json_t *o = json_object();
		int irc = o ? 0 : triad__nomem();
		SET(irc, o, "id", json_string(h->id));
		SET(irc, o, "name", json_string(h->name));
		if (h->address)
			SET(irc, o, "address", json_string(h->address));
		rc = add_item(arr, o, irc);
	}
	return rc;
}

static int save_staff(json_t *root, const triad_roster *r, int rc)
{
	json_t *arr = new_array(root, "staff", &rc);
	for (size_t i = 0; !rc && i < r->nstaff; i++) {
		const triad_staff *m = r->staff[i];
		json_t *o = json_object();
		int irc = o ? 0 : triad__nomem();
		SET(irc, o, "id", json_string(m->id));
		SET(irc, o, "given_name", json_string(m->given_name));
		SET(irc, o, "family_name", json_string(m->family_name));
		json_t *roles = irc ? NULL : json_array();
		SET(irc, o, "roles", roles);
		for (int b = 0; !irc && b < 4; b++)
			if (m->roles & (1u << b))
				irc = triad__j_append(roles, json_string(role_names[b]));
		rc = add_item(arr, o, irc);
	}
	return rc;
}

static int save_students(json_t *root, const triad_roster *r, int rc)
{
	json_t *arr = new_array(root, "students", &rc);
	for (size_t i = 0; !rc && i < r->nstudents; i++) {
		const triad_student *s = r->students[i];
		json_t *o = json_object();
		int irc = o ? 0 : triad__nomem();
		SET(irc, o, "id", json_string(s->id));
		SET(irc, o, "given_name", json_string(s->given_name));
		SET(irc, o, "family_name", json_string(s->family_name));
		SET(irc, o, "birth_date", triad__j_date_new(s->birth_date));
		SET(irc, o, "school_type", json_string(s->school_type));
		if (s->bridge_class)
			SET(irc, o, "bridge_class", json_string(s->bridge_class));
		SET(irc, o, "year", json_integer(s->year));
		if (s->class_name)
			SET(irc, o, "class", json_string(s->class_name));
		if (s->mentor_id)
			SET(irc, o, "mentor", json_string(s->mentor_id));
		rc = add_item(arr, o, irc);
	}
	return rc;
}

static json_t *relation_json(const triad_relation *rel)
{
	json_t *o = json_object();
	int rc = o ? 0 : triad__nomem();
	SET(rc, o, "student", json_string(rel->student->id));
	SET(rc, o, "relation", json_string(relation_names[rel->kind - 1]));
	SET(rc, o, "authority", json_boolean(rel->authority));
	SET(rc, o, "lives_with", json_boolean(rel->lives_with));
	SET(rc, o, "primary_contact", json_boolean(rel->primary_contact));
	if (rel->contact_priority)
		SET(rc, o, "contact_priority", json_integer(rel->contact_priority));
	SET(rc, o, "information", json_string(rights_names[rel->info_rights - 1]));
	if (rel->restriction_reason)
		SET(rc, o, "restriction_reason", json_string(rel->restriction_reason));
	if (rel->adult_informed)
		SET(rc, o, "adult_informed", json_true());
	if (rel->adult_cosigns)
		SET(rc, o, "adult_cosigns", json_true());
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int save_guardians(json_t *root, const triad_roster *r, int rc)
{
	json_t *arr = new_array(root, "guardians", &rc);
	for (size_t i = 0; !rc && i < r->nguardians; i++) {
		const triad_guardian *g = r->guardians[i];
		json_t *o = json_object();
		int irc = o ? 0 : triad__nomem();
		SET(irc, o, "id", json_string(g->id));
		SET(irc, o, "given_name", json_string(g->given_name));
		SET(irc, o, "family_name", json_string(g->family_name));
		if (g->household_id)
			SET(irc, o, "household", json_string(g->household_id));
		SET(irc, o, "language", json_string(g->language));
		if (g->channel != TRIAD_CHANNEL_NONE)
			SET(irc, o, "channel", json_string(triad_channel_id(g->channel)));
		json_t *rels = irc ? NULL : json_array();
		SET(irc, o, "students", rels);
		for (size_t k = 0; !irc && k < g->nrels; k++)
			irc = triad__j_append(rels, relation_json(g->rels[k]));
		rc = add_item(arr, o, irc);
	}
	return rc;
}

static int save_consents(json_t *root, const triad_roster *r, int rc)
{
	json_t *arr = new_array(root, "consents", &rc);
	for (size_t i = 0; !rc && i < r->nconsents; i++) {
		const triad_consent *k = r->consents[i];
		json_t *o = json_object();
		int irc = o ? 0 : triad__nomem();
		SET(irc, o, "student", json_string(k->student->id));
		SET(irc, o, "purpose", json_string(k->purpose));
		SET(irc, o, "by", json_string(k->by_id));
		SET(irc, o, "given", json_boolean(k->given));
		SET(irc, o, "date", triad__j_date_new(k->date));
		rc = add_item(arr, o, irc);
	}
	return rc;
}

int triad_roster_save(char **out, const triad_roster *r)
{
	if (!out || !r)
		return triad__err(TRIAD_EINVAL, "triad_roster_save: out or roster is NULL");
	json_t *root = json_object();
	if (!root)
		return triad__nomem();
	int rc = 0;
	SET(rc, root, "format", json_string(TRIAD_ROSTER_FORMAT));
	if (r->school_name)
		SET(rc, root, "school_name", json_string(r->school_name));
	rc = save_households(root, r, rc);
	rc = save_staff(root, r, rc);
	rc = save_students(root, r, rc);
	rc = save_guardians(root, r, rc);
	rc = save_consents(root, r, rc);
	char *text = rc ? NULL : triad__j_dump(root);
	json_decref(root);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}

int triad_roster_save_file(const triad_roster *r, const char *filename)
{
	if (!r || !filename)
		return triad__err(TRIAD_EINVAL, "triad_roster_save_file: roster or filename is NULL");
	char *text = NULL;
	int rc = triad_roster_save(&text, r);
	if (rc)
		return rc;
	rc = triad__write_file(filename, text, strlen(text));
	triad__free(text);
	return rc;
}
