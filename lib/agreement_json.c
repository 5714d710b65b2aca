/* The `triad.agreement/1` JSON format: strict loading (every error names its
 * JSON path) and saving. See doc/formats/agreement.md. */
#include <string.h>

#include "agreement_private.h"
#include "json_private.h"

enum { MAX_MAJOR = 1 };

/* ---- reading helpers ---- */

/* A string member, copied; *out stays NULL when an optional member is missing. */
static int get_str(triad_jctx *c, json_t *obj, const char *key, bool required,
                   bool nonempty, char **out)
{
	const char *s = NULL;
	int rc = triad__j_string(c, obj, key, required, &s);
	if (rc || !s)
		return rc;
	if (nonempty && !*s)
		return triad__j_fail_key(c, key, TRIAD_EFORMAT, "the text is empty");
	if (!(*out = triad__strdup(s)))
		return TRIAD_ENOMEM;
	return 0;
}

static int get_id(triad_jctx *c, json_t *obj, const char *key, bool required, char **out)
{
	const char *s = NULL;
	int rc = triad__j_string(c, obj, key, required, &s);
	if (rc || !s)
		return rc;
	if (!triad__agr_valid_id(s))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "\"%.80s\" is not a valid id (1 to 64 letters, digits or "
		                         "-_.:/@, no spaces)", s);
	if (!(*out = triad__strdup(s)))
		return TRIAD_ENOMEM;
	return 0;
}

static int get_date(triad_jctx *c, json_t *obj, const char *key, bool *has, triad_date *out)
{
	if (!json_object_get(obj, key))
		return 0;
	int rc = triad__j_date(c, obj, key, true, out);
	if (!rc)
		*has = true;
	return rc;
}

/* A string member naming a value of another module's enumeration. */
typedef int (*lookup_fn)(int *out, const char *id);

static int lk_category(int *out, const char *id)
{
	triad_category v;
	int rc = triad_category_from_id(&v, id);
	*out = (int)v;
	return rc;
}

static int lk_contact(int *out, const char *id)
{
	triad_contact_kind v;
	int rc = triad_contact_kind_from_id(&v, id);
	*out = (int)v;
	return rc;
}

static int lk_channel(int *out, const char *id)
{
	triad_channel v;
	int rc = triad_channel_from_id(&v, id);
	*out = (int)v;
	return rc;
}

static int lk_staff_role(int *out, const char *id)
{
	triad_staff_role v;
	int rc = triad_staff_role_from_id(&v, id);
	*out = (int)v;
	return rc;
}

static int get_lookup(triad_jctx *c, json_t *obj, const char *key, bool required,
                      lookup_fn fn, const char *what, int *out)
{
	const char *s = NULL;
	int rc = triad__j_string(c, obj, key, required, &s);
	if (rc || !s)
		return rc;
	int v = 0;
	if (fn(&v, s))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT, "\"%.80s\" is not a known %s", s,
		                         what);
	*out = v;
	return 0;
}

/* ---- reading the parts of a version ---- */

static int read_party(triad_jctx *c, json_t *o, triad_agreement_version *v)
{
	static const char *const fields[] = { "role", "id", NULL };
	int rc, role = 0;
	char *id = NULL;
	if ((rc = triad__j_fields(c, o, fields)) ||
	    (rc = triad__j_enum(c, o, "role", true, triad__agr_role_ids, 1, &role)))
		return rc;
	if (role == TRIAD_PARTY_ALL)
		return triad__j_fail_key(c, "role", TRIAD_EFORMAT,
		                         "\"all\" is not a party role (student, guardian or school)");
	if ((rc = get_id(c, o, "id", true, &id)))
		return rc;
	if (triad__agr_party(v, id))
		rc = triad__j_fail_key(c, "id", TRIAD_EFORMAT, "\"%s\" is already a party", id);
	for (size_t i = 0; !rc && role != TRIAD_PARTY_GUARDIAN && i < v->nparties; i++)
		if (v->parties[i].role == (triad_party_role)role)
			rc = triad__j_fail_key(c, "role", TRIAD_EFORMAT,
			                       "a second %s party (\"%s\" is one already)",
			                       triad__agr_role_ids[role - 1], v->parties[i].id);
	if (!rc)
		rc = triad__agr_add_party(v, (triad_party_role)role, id);
	triad__free(id);
	return rc;
}

/* A party reference {"role": ..., "id": ...}: the id, when given, must be a
 * party of the version with that role. */
static int read_ref(triad_jctx *c, json_t *obj, const char *key, bool allow_all,
                    const triad_agreement_version *v, agr_ref *out)
{
	static const char *const fields[] = { "role", "id", NULL };
	json_t *o = NULL;
	int rc = triad__j_object(c, obj, key, true, &o);
	if (rc)
		return rc;
	size_t mark = triad__j_push_key(c, key);
	int role = 0;
	if ((rc = triad__j_fields(c, o, fields)) ||
	    (rc = triad__j_enum(c, o, "role", true, triad__agr_role_ids, 1, &role)))
		goto done;
	if (role == TRIAD_PARTY_ALL && !allow_all) {
		rc = triad__j_fail_key(c, "role", TRIAD_EFORMAT,
		                       "\"all\" can only be the addressee of a clause");
		goto done;
	}
	out->role = (triad_party_role)role;
	if ((rc = get_id(c, o, "id", false, &out->id)) || !out->id)
		goto done;
	const char *problem = triad__agr_ref_problem(v, out);
	if (problem)
		rc = triad__j_fail_key(c, "id", TRIAD_EFORMAT, "\"%s\" %s as %s", out->id, problem,
		                       triad__agr_role_ids[role - 1]);
done:
	triad__j_pop(c, mark);
	return rc;
}

static int read_text(triad_jctx *c, json_t *obj, const char *key, bool required,
                     agr_text *out)
{
	static const char *const fields[] = { "nl", "en", NULL };
	json_t *o = NULL;
	int rc = triad__j_object(c, obj, key, required, &o);
	if (rc || !o)
		return rc;
	size_t mark = triad__j_push_key(c, key);
	if (!(rc = triad__j_fields(c, o, fields)) &&
	    !(rc = get_str(c, o, "nl", true, true, &out->nl)))
		rc = get_str(c, o, "en", true, true, &out->en);
	triad__j_pop(c, mark);
	return rc;
}

static int read_variant(triad_jctx *c, json_t *o, const triad_agreement_version *v,
                        triad_clause *cl)
{
	static const char *const fields[] = { "year_from", "year_to", "from", "text", NULL };
	long long from = 0, to = 0;
	int rc;
	if ((rc = triad__j_fields(c, o, fields)) ||
	    (rc = triad__j_int(c, o, "year_from", true, 1, TRIAD_SCHOOLTYPE_MAX_YEARS, &from)) ||
	    (rc = triad__j_int(c, o, "year_to", true, 1, TRIAD_SCHOOLTYPE_MAX_YEARS, &to)))
		return rc;
	if (to < from)
		return triad__j_fail_key(c, "year_to", TRIAD_EFORMAT,
		                         "the years %lld..%lld run backwards", from, to);
	for (size_t i = 0; i < cl->nvariants; i++)
		if (from <= cl->variants[i].year_to && cl->variants[i].year_from <= to)
			return triad__j_fail(c, TRIAD_EFORMAT,
			                     "years %lld..%lld overlap variants[%zu] (years %d..%d)",
			                     from, to, i, cl->variants[i].year_from,
			                     cl->variants[i].year_to);
	if (TRIAD_GROW(cl->variants, cl->cvariants, cl->nvariants + 1))
		return TRIAD_ENOMEM;
	agr_variant *var = &cl->variants[cl->nvariants];
	memset(var, 0, sizeof *var);
	cl->nvariants++; /* counted now, so that the clause frees what was read */
	var->year_from = (int)from;
	var->year_to = (int)to;
	if ((rc = read_ref(c, o, "from", false, v, &var->from)))
		return rc;
	return read_text(c, o, "text", true, &var->text);
}

static int read_commitment(triad_jctx *c, json_t *obj, triad_clause *cl)
{
	static const char *const by_kind[][6] = {
		{ "kind", "contact_kind", "count", "period", NULL, NULL },
		{ "kind", "contact_kind", "weeks", NULL, NULL, NULL },
		{ "kind", "contact_kind", "days", NULL, NULL, NULL },
	};
	json_t *o = NULL;
	int rc = triad__j_object(c, obj, "commitment", false, &o);
	if (rc || !o)
		return rc;
	size_t mark = triad__j_push_key(c, "commitment");
	triad_commitment *m = &cl->commit;
	int kind = 0, contact = 0, period = 0;
	long long n = 0;
	if ((rc = triad__j_enum(c, o, "kind", true, triad__agr_kind_ids, 1, &kind)) ||
	    (rc = triad__j_fields(c, o, by_kind[kind - 1])) ||
	    (rc = get_lookup(c, o, "contact_kind", kind != TRIAD_COMMITMENT_RESPONSE_TIME,
	                     lk_contact, "contact kind", &contact)))
		goto done;
	m->kind = (triad_commitment_kind)kind;
	m->contact = (triad_contact_kind)contact;
	switch (m->kind) {
	case TRIAD_COMMITMENT_MIN_COUNT:
		if (!(rc = triad__j_int(c, o, "count", true, 1, 1000, &n)) &&
		    !(rc = triad__j_enum(c, o, "period", true, triad__agr_period_ids, 1, &period))) {
			m->count = (int)n;
			m->period = (triad_period)period;
		}
		break;
	case TRIAD_COMMITMENT_MAX_INTERVAL:
		if (!(rc = triad__j_int(c, o, "weeks", true, 1, 52, &n)))
			m->weeks = (int)n;
		break;
	default:
		if (!(rc = triad__j_int(c, o, "days", true, 1, 60, &n)))
			m->days = (int)n;
		break;
	}
done:
	triad__j_pop(c, mark);
	return rc;
}

static int read_clause(triad_jctx *c, json_t *o, triad_agreement_version *v)
{
	static const char *const fields[] = { "id", "section", "category", "from", "to", "text",
		                              "free_text", "variants", "commitment", NULL };
	int rc = triad__j_fields(c, o, fields);
	if (rc)
		return rc;
	char *id = NULL;
	if ((rc = get_id(c, o, "id", true, &id)))
		return rc;
	if (triad__agr_clause_find(v, id, NULL)) {
		rc = triad__j_fail_key(c, "id", TRIAD_EFORMAT, "the clause \"%s\" appears twice", id);
		triad__free(id);
		return rc;
	}
	triad_clause *cl = triad__agr_clause_new(id);
	triad__free(id);
	if (!cl)
		return TRIAD_ENOMEM;
	int section = 0, category = 0;
	json_t *arr = NULL;
	if ((rc = triad__j_enum(c, o, "section", true, triad__agr_section_ids, 1, &section)) ||
	    (rc = get_lookup(c, o, "category", true, lk_category, "involvement category",
	                     &category)) ||
	    (rc = read_ref(c, o, "from", false, v, &cl->from)) ||
	    (rc = read_ref(c, o, "to", true, v, &cl->to)) ||
	    (rc = read_text(c, o, "text", false, &cl->text)) ||
	    (rc = get_str(c, o, "free_text", false, true, &cl->text.free)))
		goto fail;
	cl->section = (triad_agreement_section)section;
	cl->category = (triad_category)category;
	if (cl->text.free && cl->text.nl) {
		rc = triad__j_fail_key(c, "free_text", TRIAD_EFORMAT,
		                       "a clause has either \"text\" (Dutch and English) or "
		                       "\"free_text\", not both");
		goto fail;
	}
	if ((rc = triad__j_array(c, o, "variants", false, &arr)))
		goto fail;
	for (size_t i = 0; arr && i < json_array_size(arr); i++) {
		size_t m1 = triad__j_push_key(c, "variants");
		triad__j_push_index(c, i);
		json_t *e = json_array_get(arr, i);
		rc = json_is_object(e) ? read_variant(c, e, v, cl)
		                       : triad__j_fail(c, TRIAD_EFORMAT, "expected an object, got %s",
		                                       triad__j_type_name(e));
		triad__j_pop(c, m1);
		if (rc)
			goto fail;
	}
	if ((rc = read_commitment(c, o, cl)) || (rc = triad__agr_add_clause(v, cl)))
		goto fail;
	return 0;
fail:
	triad__agr_clause_free(cl);
	return rc;
}

static int read_protocol(triad_jctx *c, json_t *o, triad_agreement_version *v)
{
	static const char *const fields[] = { "subject", "staff_role", "staff_id", "channel",
		                              "response_days", NULL };
	const char *subject = NULL;
	int rc, role = 0, channel = 0;
	long long days = 0;
	char *staff_id = NULL;
	if ((rc = triad__j_fields(c, o, fields)) ||
	    (rc = triad__j_string(c, o, "subject", true, &subject)))
		return rc;
	if (!triad__agr_valid_subject(subject))
		return triad__j_fail_key(c, "subject", TRIAD_EFORMAT,
		                         "\"%.80s\" is not a valid subject (1 to 64 lower-case "
		                         "letters, digits, '_' or '-')", subject);
	for (size_t i = 0; i < v->nprotocol; i++)
		if (strcmp(v->protocol[i].subject, subject) == 0)
			return triad__j_fail_key(c, "subject", TRIAD_EFORMAT,
			                         "the subject \"%s\" appears twice", subject);
	if ((rc = get_lookup(c, o, "staff_role", false, lk_staff_role, "staff role", &role)) ||
	    (rc = get_id(c, o, "staff_id", false, &staff_id)))
		return rc;
	if ((role == 0) == (staff_id == NULL)) {
		triad__free(staff_id);
		return triad__j_fail(c, TRIAD_EFORMAT,
		                     "give either \"staff_role\" or \"staff_id\", not %s",
		                     role ? "both" : "neither");
	}
	if ((rc = get_lookup(c, o, "channel", true, lk_channel, "channel", &channel)) ||
	    (rc = triad__j_int(c, o, "response_days", true, 1, 60, &days)) ||
	    (rc = triad__agr_add_protocol(v, subject, (unsigned)role, staff_id,
	                                  (triad_channel)channel, (int)days))) {
		triad__free(staff_id);
		return rc;
	}
	triad__free(staff_id);
	return 0;
}

static int read_signature(triad_jctx *c, json_t *o, triad_agreement_version *v)
{
	static const char *const fields[] = { "id", "role", "date", NULL };
	const char *id = NULL;
	int rc, role = 0;
	triad_date date = 0;
	if ((rc = triad__j_fields(c, o, fields)) ||
	    (rc = triad__j_string(c, o, "id", true, &id)) ||
	    (rc = triad__j_enum(c, o, "role", true, triad__agr_role_ids, 1, &role)) ||
	    (rc = triad__j_date(c, o, "date", true, &date)))
		return rc;
	const agr_party *p = triad__agr_party(v, id);
	if (!p)
		return triad__j_fail_key(c, "id", TRIAD_EFORMAT,
		                         "\"%.80s\" is not a party of this version", id);
	if (p->role != (triad_party_role)role)
		return triad__j_fail_key(c, "role", TRIAD_EFORMAT,
		                         "\"%s\" is a party as %s, not as %s", id,
		                         triad__agr_role_ids[p->role - 1],
		                         triad__agr_role_ids[role - 1]);
	if (triad__agr_signature(v, id))
		return triad__j_fail_key(c, "id", TRIAD_EFORMAT, "\"%s\" signed twice", id);
	if (v->has_proposed && date < v->proposed_on)
		return triad__j_fail_key(c, "date", TRIAD_EFORMAT,
		                         "the signature is dated before the version was proposed");
	return triad__agr_add_signature(v, id, p->role, date);
}

typedef int (*item_fn)(triad_jctx *c, json_t *o, triad_agreement_version *v);

static int read_list(triad_jctx *c, json_t *obj, const char *key, item_fn fn,
                     triad_agreement_version *v)
{
	json_t *arr = NULL;
	int rc = triad__j_array(c, obj, key, false, &arr);
	if (rc || !arr)
		return rc;
	size_t mark = triad__j_push_key(c, key);
	for (size_t i = 0; !rc && i < json_array_size(arr); i++) {
		size_t m = triad__j_push_index(c, i);
		json_t *e = json_array_get(arr, i);
		rc = json_is_object(e) ? fn(c, e, v)
		                       : triad__j_fail(c, TRIAD_EFORMAT, "expected an object, got %s",
		                                       triad__j_type_name(e));
		triad__j_pop(c, m);
	}
	triad__j_pop(c, mark);
	return rc;
}

/* Which lifecycle fields each state has: 1 required, 0 forbidden, 2 optional. */
static int check_lifecycle(triad_jctx *c, const triad_agreement_version *v)
{
	static const signed char need[5][4] = {
		/* proposed_on, activated_on, ended_on, end_reason */
		{ 0, 0, 0, 0 }, /* draft */
		{ 1, 0, 0, 0 }, /* proposed */
		{ 1, 1, 0, 0 }, /* active */
		{ 1, 1, 1, 0 }, /* expired */
		{ 2, 2, 1, 1 }, /* terminated (an amendment may end without activation) */
	};
	static const char *const keys[] = { "proposed_on", "activated_on", "ended_on",
		                            "end_reason" };
	bool has[4] = { v->has_proposed, v->has_activated, v->has_ended, v->end_reason != NULL };
	const char *state = triad__agr_state_ids[v->state - 1];
	for (int k = 0; k < 4; k++) {
		int n = need[v->state - 1][k];
		if (n == 1 && !has[k])
			return triad__j_fail(c, TRIAD_EFORMAT,
			                     "a version in state \"%s\" needs \"%s\"", state, keys[k]);
		if (n == 0 && has[k])
			return triad__j_fail_key(c, keys[k], TRIAD_EFORMAT,
			                         "a version in state \"%s\" has no \"%s\"", state,
			                         keys[k]);
	}
	if (v->has_activated && v->has_proposed && v->activated_on < v->proposed_on)
		return triad__j_fail_key(c, "activated_on", TRIAD_EFORMAT,
		                         "the version became active before it was proposed");
	if (v->has_ended && v->has_activated && v->ended_on < v->activated_on)
		return triad__j_fail_key(c, "ended_on", TRIAD_EFORMAT,
		                         "the version ended before it became active");
	if (v->state == TRIAD_AGREEMENT_DRAFT && v->nsignatures)
		return triad__j_fail_key(c, "signatures", TRIAD_EFORMAT,
		                         "a draft has no signatures");
	return 0;
}

static int read_version(triad_jctx *c, json_t *o, size_t index, triad_agreement_version **out)
{
	static const char *const fields[] = {
		"number", "state", "valid_from", "valid_to", "school_type", "year",
		"proposed_on", "activated_on", "ended_on", "end_reason", "parties", "clauses",
		"protocol", "signatures", NULL
	};
	long long number = 0, year = 0;
	int rc, state = 0;
	if ((rc = triad__j_fields(c, o, fields)) ||
	    (rc = triad__j_int(c, o, "number", true, 1, 1000000, &number)))
		return rc;
	if ((size_t)number != index + 1)
		return triad__j_fail_key(c, "number", TRIAD_EFORMAT,
		                         "version %lld found where version %zu belongs (versions are "
		                         "numbered 1, 2, 3, ... in order)", number, index + 1);
	if ((rc = triad__j_enum(c, o, "state", true, triad__agr_state_ids, 1, &state)))
		return rc;
	triad_agreement_version *v = triad__agr_version_new((int)number);
	if (!v)
		return TRIAD_ENOMEM;
	v->state = (triad_agreement_state)state;
	bool has_from = false, has_to = false;
	if ((rc = get_date(c, o, "valid_from", &has_from, &v->valid_from)) ||
	    (rc = get_date(c, o, "valid_to", &has_to, &v->valid_to)))
		goto fail;
	if (has_from != has_to) {
		rc = triad__j_fail(c, TRIAD_EFORMAT,
		                   "\"valid_from\" and \"valid_to\" go together; one is missing");
		goto fail;
	}
	if (has_to && v->valid_to < v->valid_from) {
		rc = triad__j_fail_key(c, "valid_to", TRIAD_EFORMAT,
		                       "the validity ends before it starts");
		goto fail;
	}
	v->has_validity = has_from;
	if ((rc = get_str(c, o, "school_type", false, true, &v->school_type)) ||
	    (rc = triad__j_int(c, o, "year", false, 1, TRIAD_SCHOOLTYPE_MAX_YEARS, &year)))
		goto fail;
	v->year = (int)year;
	if ((v->school_type != NULL) != (year != 0)) {
		rc = triad__j_fail(c, TRIAD_EFORMAT,
		                   "\"school_type\" and \"year\" go together; one is missing");
		goto fail;
	}
	if ((rc = get_date(c, o, "proposed_on", &v->has_proposed, &v->proposed_on)) ||
	    (rc = get_date(c, o, "activated_on", &v->has_activated, &v->activated_on)) ||
	    (rc = get_date(c, o, "ended_on", &v->has_ended, &v->ended_on)) ||
	    (rc = get_str(c, o, "end_reason", false, true, &v->end_reason)) ||
	    (rc = read_list(c, o, "parties", read_party, v)) ||
	    (rc = read_list(c, o, "clauses", read_clause, v)) ||
	    (rc = read_list(c, o, "protocol", read_protocol, v)) ||
	    (rc = read_list(c, o, "signatures", read_signature, v)) ||
	    (rc = check_lifecycle(c, v)))
		goto fail;
	*out = v;
	return 0;
fail:
	triad__agr_version_free(v);
	return rc;
}

/* Only the latest version may be a draft or proposed; an active version is
 * the latest or the one an amendment is pending on. */
static int check_sequence(triad_jctx *c, const triad_agreement *a)
{
	size_t n = a->nversions;
	for (size_t i = 0; i < n; i++) {
		triad_agreement_state s = a->versions[i]->state;
		bool ok = i + 1 == n ||
		          (s == TRIAD_AGREEMENT_ACTIVE && i + 2 == n &&
		           (a->versions[n - 1]->state == TRIAD_AGREEMENT_DRAFT ||
		            a->versions[n - 1]->state == TRIAD_AGREEMENT_PROPOSED)) ||
		          s == TRIAD_AGREEMENT_EXPIRED || s == TRIAD_AGREEMENT_TERMINATED;
		if (ok)
			continue;
		size_t m1 = triad__j_push_key(c, "versions");
		triad__j_push_index(c, i);
		int rc = triad__j_fail_key(c, "state", TRIAD_EFORMAT,
		                           "version %zu is %s, but only the latest version (or an "
		                           "active one with an amendment pending) can be",
		                           i + 1, triad__agr_state_ids[s - 1]);
		triad__j_pop(c, m1);
		return rc;
	}
	return 0;
}

static int load_root(triad_agreement **out, json_t *root, const char *source)
{
	static const char *const fields[] = { "format", "id", "versions", NULL };
	triad_jctx c;
	triad__jctx_init(&c, source);
	int rc;
	const char *id = NULL;
	json_t *arr = NULL;
	if ((rc = triad__j_check_format(&c, root, "triad.agreement", MAX_MAJOR, NULL)) ||
	    (rc = triad__j_fields(&c, root, fields)) ||
	    (rc = triad__j_string(&c, root, "id", true, &id)))
		return rc;
	if (!triad__agr_valid_id(id))
		return triad__j_fail_key(&c, "id", TRIAD_EFORMAT,
		                         "\"%.80s\" is not a valid id (1 to 64 letters, digits or "
		                         "-_.:/@, no spaces)", id);
	if ((rc = triad__j_array(&c, root, "versions", true, &arr)))
		return rc;
	if (json_array_size(arr) == 0)
		return triad__j_fail_key(&c, "versions", TRIAD_EFORMAT,
		                         "an agreement has at least one version");
	triad_agreement *a = triad__agr_alloc(id);
	if (!a)
		return TRIAD_ENOMEM;
	size_t mark = triad__j_push_key(&c, "versions");
	for (size_t i = 0; !rc && i < json_array_size(arr); i++) {
		size_t m = triad__j_push_index(&c, i);
		json_t *e = json_array_get(arr, i);
		triad_agreement_version *v = NULL;
		rc = json_is_object(e) ? read_version(&c, e, i, &v)
		                       : triad__j_fail(&c, TRIAD_EFORMAT, "expected an object, got %s",
		                                       triad__j_type_name(e));
		if (!rc && (rc = triad__agr_push_version(a, v)))
			triad__agr_version_free(v);
		triad__j_pop(&c, m);
	}
	triad__j_pop(&c, mark);
	if (!rc)
		rc = check_sequence(&c, a);
	if (rc) {
		triad_agreement_free(a);
		return rc;
	}
	*out = a;
	return 0;
}

static int read_cb(void *out, json_t *root, const char *source, const void *arg)
{
	(void)arg;
	return load_root(out, root, source);
}

int triad_agreement_load(triad_agreement **out, const char *text, size_t len,
                         const char *source)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_agreement_load: out is NULL");
	return triad__j_load(out, read_cb, NULL, text, len, source);
}

int triad_agreement_load_file(triad_agreement **out, const char *filename)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_agreement_load_file: out is NULL");
	return triad__j_load_file(out, read_cb, NULL, filename);
}

/* ---- saving ---- */

static int put_str(json_t *o, const char *key, const char *s)
{
	return s ? triad__j_set(o, key, json_string(s)) : 0;
}

static int put_date(json_t *o, const char *key, bool has, triad_date d)
{
	return has ? triad__j_set(o, key, triad__j_date_new(d)) : 0;
}

static json_t *ref_json(const agr_ref *r)
{
	json_t *o = json_object();
	if (!o || triad__j_set(o, "role", json_string(triad__agr_role_ids[r->role - 1])) ||
	    put_str(o, "id", r->id)) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *text_json(const agr_text *t)
{
	json_t *o = json_object();
	if (!o || triad__j_set(o, "nl", json_string(t->nl)) ||
	    triad__j_set(o, "en", json_string(t->en))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *commitment_json(const triad_commitment *m)
{
	json_t *o = json_object();
	if (!o || triad__j_set(o, "kind", json_string(triad__agr_kind_ids[m->kind - 1])) ||
	    (m->contact && triad__j_set(o, "contact_kind",
	                                json_string(triad_contact_kind_id(m->contact)))))
		goto fail;
	switch (m->kind) {
	case TRIAD_COMMITMENT_MIN_COUNT:
		if (triad__j_set(o, "count", json_integer(m->count)) ||
		    triad__j_set(o, "period", json_string(triad__agr_period_ids[m->period - 1])))
			goto fail;
		break;
	case TRIAD_COMMITMENT_MAX_INTERVAL:
		if (triad__j_set(o, "weeks", json_integer(m->weeks)))
			goto fail;
		break;
	default:
		if (triad__j_set(o, "days", json_integer(m->days)))
			goto fail;
		break;
	}
	return o;
fail:
	json_decref(o);
	return NULL;
}

static json_t *clause_json(const triad_clause *cl)
{
	json_t *o = json_object();
	if (!o || triad__j_set(o, "id", json_string(cl->id)) ||
	    triad__j_set(o, "section", json_string(triad__agr_section_ids[cl->section - 1])) ||
	    triad__j_set(o, "category", json_string(triad_category_id(cl->category))) ||
	    triad__j_set(o, "from", ref_json(&cl->from)) ||
	    triad__j_set(o, "to", ref_json(&cl->to)) ||
	    (cl->text.nl && triad__j_set(o, "text", text_json(&cl->text))) ||
	    put_str(o, "free_text", cl->text.free))
		goto fail;
	if (cl->nvariants) {
		json_t *arr = json_array();
		if (triad__j_set(o, "variants", arr))
			goto fail;
		for (size_t i = 0; i < cl->nvariants; i++) {
			const agr_variant *var = &cl->variants[i];
			json_t *e = json_object();
			if (triad__j_append(arr, e) ||
			    triad__j_set(e, "year_from", json_integer(var->year_from)) ||
			    triad__j_set(e, "year_to", json_integer(var->year_to)) ||
			    triad__j_set(e, "from", ref_json(&var->from)) ||
			    triad__j_set(e, "text", text_json(&var->text)))
				goto fail;
		}
	}
	if (cl->commit.kind && triad__j_set(o, "commitment", commitment_json(&cl->commit)))
		goto fail;
	return o;
fail:
	json_decref(o);
	return NULL;
}

static json_t *version_json(const triad_agreement_version *v)
{
	json_t *o = json_object();
	json_t *parties = NULL, *clauses = NULL, *protocol = NULL, *sigs = NULL;
	/* triad__j_set consumes the value even when it fails, so each array
	 * belongs to the object from the moment it is created. */
	if (!o || triad__j_set(o, "number", json_integer(v->number)) ||
	    triad__j_set(o, "state", json_string(triad__agr_state_ids[v->state - 1])) ||
	    put_date(o, "valid_from", v->has_validity, v->valid_from) ||
	    put_date(o, "valid_to", v->has_validity, v->valid_to) ||
	    put_str(o, "school_type", v->school_type) ||
	    (v->year && triad__j_set(o, "year", json_integer(v->year))) ||
	    put_date(o, "proposed_on", v->has_proposed, v->proposed_on) ||
	    put_date(o, "activated_on", v->has_activated, v->activated_on) ||
	    put_date(o, "ended_on", v->has_ended, v->ended_on) ||
	    put_str(o, "end_reason", v->end_reason) ||
	    triad__j_set(o, "parties", parties = json_array()) ||
	    triad__j_set(o, "clauses", clauses = json_array()) ||
	    triad__j_set(o, "protocol", protocol = json_array()) ||
	    triad__j_set(o, "signatures", sigs = json_array()))
		goto fail;
	for (size_t i = 0; i < v->nparties; i++) {
		json_t *e = json_object();
		if (triad__j_append(parties, e) ||
		    triad__j_set(e, "role",
		                 json_string(triad__agr_role_ids[v->parties[i].role - 1])) ||
		    triad__j_set(e, "id", json_string(v->parties[i].id)))
			goto fail;
	}
	for (size_t i = 0; i < v->nclauses; i++)
		if (triad__j_append(clauses, clause_json(v->clauses[i])))
			goto fail;
	for (size_t i = 0; i < v->nprotocol; i++) {
		const agr_protocol *p = &v->protocol[i];
		json_t *e = json_object();
		if (triad__j_append(protocol, e) ||
		    triad__j_set(e, "subject", json_string(p->subject)) ||
		    (p->staff_role &&
		     triad__j_set(e, "staff_role",
		                  json_string(triad_staff_role_id((triad_staff_role)p->staff_role)))) ||
		    put_str(e, "staff_id", p->staff_id) ||
		    triad__j_set(e, "channel", json_string(triad_channel_id(p->channel))) ||
		    triad__j_set(e, "response_days", json_integer(p->days)))
			goto fail;
	}
	for (size_t i = 0; i < v->nsignatures; i++) {
		const agr_signature *s = &v->signatures[i];
		json_t *e = json_object();
		if (triad__j_append(sigs, e) || triad__j_set(e, "id", json_string(s->id)) ||
		    triad__j_set(e, "role", json_string(triad__agr_role_ids[s->role - 1])) ||
		    triad__j_set(e, "date", triad__j_date_new(s->date)))
			goto fail;
	}
	return o;
fail:
	json_decref(o);
	return NULL;
}

static json_t *agreement_json(const triad_agreement *a)
{
	json_t *root = json_object();
	json_t *versions = NULL;
	if (!root || triad__j_set(root, "format", json_string(TRIAD_AGREEMENT_FORMAT)) ||
	    triad__j_set(root, "id", json_string(a->id)) ||
	    triad__j_set(root, "versions", versions = json_array()))
		goto fail;
	for (size_t i = 0; i < a->nversions; i++)
		if (triad__j_append(versions, version_json(a->versions[i])))
			goto fail;
	return root;
fail:
	json_decref(root);
	triad__nomem();
	return NULL;
}

int triad_agreement_save(char **out, const triad_agreement *a)
{
	if (!out || !a)
		return triad__err(TRIAD_EINVAL, "triad_agreement_save: %s is NULL",
		                  !out ? "out" : "the agreement");
	json_t *root = agreement_json(a);
	if (!root)
		return TRIAD_ENOMEM;
	char *text = triad__j_dump(root);
	json_decref(root);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}

int triad_agreement_save_file(const triad_agreement *a, const char *filename)
{
	if (!filename)
		return triad__err(TRIAD_EINVAL, "triad_agreement_save_file: the file name is NULL");
	char *text = NULL;
	int rc = triad_agreement_save(&text, a);
	if (rc)
		return rc;
	rc = triad__write_file(filename, text, strlen(text));
	triad_free(text);
	return rc;
}
