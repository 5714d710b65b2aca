/* The agreement's data model: creating, copying, comparing, freeing and
 * reading versions, clauses and commitments. */
#include <string.h>

#include "agreement_private.h"

const char *const triad__agr_state_ids[] = { "draft", "proposed", "active", "expired",
	                                      "terminated", NULL };
const char *const triad__agr_role_ids[] = { "student", "guardian", "school", "all", NULL };
const char *const triad__agr_section_ids[] = { "aims", "school", "parents", "student",
	                                        "protocol", NULL };
const char *const triad__agr_kind_ids[] = { "min_count", "max_interval", "response_time",
	                                     NULL };
const char *const triad__agr_period_ids[] = { "school_week", "month", "report_period",
	                                       "school_year", NULL };
static const char *const severity_ids[] = { "info", "warning", "error", NULL };

static const char *id_of(const char *const *ids, size_t n, int value, const char *what)
{
	if (value < 1 || (size_t)value > n) {
		triad__err(TRIAD_EINVAL, "%d is not a valid %s", value, what);
		return NULL;
	}
	return ids[value - 1];
}

const char *triad_agreement_state_id(triad_agreement_state s)
{
	return id_of(triad__agr_state_ids, 5, (int)s, "agreement state");
}

const char *triad_party_role_id(triad_party_role r)
{
	return id_of(triad__agr_role_ids, 4, (int)r, "party role");
}

const char *triad_agreement_section_id(triad_agreement_section s)
{
	return id_of(triad__agr_section_ids, 5, (int)s, "agreement section");
}

const char *triad_commitment_kind_id(triad_commitment_kind k)
{
	return id_of(triad__agr_kind_ids, 3, (int)k, "commitment kind");
}

const char *triad_period_id(triad_period p)
{
	return id_of(triad__agr_period_ids, 4, (int)p, "period");
}

const char *triad_severity_id(triad_severity s)
{
	return id_of(severity_ids, 3, (int)s, "severity");
}

const char *triad_agreement_section_name(triad_agreement_section s, triad_lang lang)
{
	static const char *const nl[] = { "Waar de school voor staat", "Wat de school toezegt",
		                          "Wat ouders toezeggen", "Wat de leerling toezegt",
		                          "Contactprotocol" };
	static const char *const en[] = { "The school's aims and values",
		                          "What the school commits to",
		                          "What parents commit to",
		                          "What the student commits to", "Contact protocol" };
	if (s < TRIAD_SECTION_AIMS || s > TRIAD_SECTION_PROTOCOL ||
	    (lang != TRIAD_LANG_NL && lang != TRIAD_LANG_EN)) {
		triad__err(TRIAD_EINVAL, "invalid section %d or language %d", (int)s, (int)lang);
		return NULL;
	}
	return lang == TRIAD_LANG_NL ? nl[s - 1] : en[s - 1];
}

/* ---- checks ---- */

bool triad__agr_valid_id(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      strchr("-_.:/@", c)))
			return false;
	}
	return true;
}

bool triad__agr_valid_subject(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
	}
	return true;
}

bool triad__agr_role_valid(triad_party_role r, bool allow_all)
{
	return (r >= TRIAD_PARTY_STUDENT && r <= TRIAD_PARTY_SCHOOL) ||
	       (allow_all && r == TRIAD_PARTY_ALL);
}

bool triad__agr_single_staff_role(unsigned role)
{
	return role == TRIAD_STAFF_MENTOR || role == TRIAD_STAFF_TEACHER ||
	       role == TRIAD_STAFF_COORDINATOR || role == TRIAD_STAFF_SCHOOL_LEADER;
}

const char *triad__agr_ref_problem(const triad_agreement_version *v, const agr_ref *r)
{
	if (!r->id)
		return NULL;
	if (r->role == TRIAD_PARTY_ALL)
		return "\"all\" cannot name one party";
	const agr_party *p = triad__agr_party(v, r->id);
	if (!p)
		return "is not a party of the agreement";
	if (p->role != r->role)
		return "is a party with another role";
	return NULL;
}

/* ---- allocation ---- */

void triad__agr_text_free(agr_text *t)
{
	triad__free(t->nl);
	triad__free(t->en);
	triad__free(t->free);
	t->nl = t->en = t->free = NULL;
}

static int text_copy(agr_text *dst, const agr_text *src)
{
	dst->nl = dst->en = dst->free = NULL;
	if ((src->nl && !(dst->nl = triad__strdup(src->nl))) ||
	    (src->en && !(dst->en = triad__strdup(src->en))) ||
	    (src->free && !(dst->free = triad__strdup(src->free)))) {
		triad__agr_text_free(dst);
		return TRIAD_ENOMEM;
	}
	return 0;
}

static int ref_copy(agr_ref *dst, const agr_ref *src)
{
	dst->role = src->role;
	dst->id = NULL;
	if (src->id && !(dst->id = triad__strdup(src->id)))
		return TRIAD_ENOMEM;
	return 0;
}

triad_clause *triad__agr_clause_new(const char *id)
{
	triad_clause *c = triad__calloc(1, sizeof *c);
	if (!c)
		return NULL;
	if (!(c->id = triad__strdup(id))) {
		triad__free(c);
		return NULL;
	}
	c->commit.clause = c;
	return c;
}

void triad__agr_clause_free(triad_clause *c)
{
	if (!c)
		return;
	triad__free(c->id);
	triad__free(c->from.id);
	triad__free(c->to.id);
	triad__agr_text_free(&c->text);
	for (size_t i = 0; i < c->nvariants; i++) {
		triad__free(c->variants[i].from.id);
		triad__agr_text_free(&c->variants[i].text);
	}
	triad__free(c->variants);
	triad__free(c);
}

triad_clause *triad__agr_clause_copy(const triad_clause *src)
{
	triad_clause *c = triad__agr_clause_new(src->id);
	if (!c)
		return NULL;
	c->section = src->section;
	c->category = src->category;
	c->commit = src->commit;
	c->commit.clause = c;
	c->version = src->version;
	if (ref_copy(&c->from, &src->from) || ref_copy(&c->to, &src->to) ||
	    text_copy(&c->text, &src->text))
		goto fail;
	if (src->nvariants) {
		c->variants = triad__calloc(src->nvariants, sizeof *c->variants);
		if (!c->variants)
			goto fail;
		c->cvariants = src->nvariants;
		for (size_t i = 0; i < src->nvariants; i++) {
			const agr_variant *sv = &src->variants[i];
			agr_variant *dv = &c->variants[i];
			dv->year_from = sv->year_from;
			dv->year_to = sv->year_to;
			c->nvariants = i + 1; /* so that a failure frees what is there */
			if (ref_copy(&dv->from, &sv->from) || text_copy(&dv->text, &sv->text))
				goto fail;
		}
	}
	return c;
fail:
	triad__agr_clause_free(c);
	return NULL;
}

triad_agreement_version *triad__agr_version_new(int number)
{
	triad_agreement_version *v = triad__calloc(1, sizeof *v);
	if (v) {
		v->number = number;
		v->state = TRIAD_AGREEMENT_DRAFT;
	}
	return v;
}

void triad__agr_version_free(triad_agreement_version *v)
{
	if (!v)
		return;
	triad__free(v->school_type);
	triad__free(v->end_reason);
	for (size_t i = 0; i < v->nparties; i++)
		triad__free(v->parties[i].id);
	triad__free(v->parties);
	for (size_t i = 0; i < v->nclauses; i++)
		triad__agr_clause_free(v->clauses[i]);
	triad__free(v->clauses);
	for (size_t i = 0; i < v->nprotocol; i++) {
		triad__free(v->protocol[i].subject);
		triad__free(v->protocol[i].staff_id);
	}
	triad__free(v->protocol);
	for (size_t i = 0; i < v->nsignatures; i++)
		triad__free(v->signatures[i].id);
	triad__free(v->signatures);
	triad__free(v);
}

int triad__agr_add_party(triad_agreement_version *v, triad_party_role role, const char *id)
{
	if (TRIAD_GROW(v->parties, v->cparties, v->nparties + 1))
		return TRIAD_ENOMEM;
	char *copy = triad__strdup(id);
	if (!copy)
		return TRIAD_ENOMEM;
	v->parties[v->nparties].role = role;
	v->parties[v->nparties].id = copy;
	v->nparties++;
	return 0;
}

int triad__agr_add_clause(triad_agreement_version *v, triad_clause *c)
{
	if (TRIAD_GROW(v->clauses, v->cclauses, v->nclauses + 1))
		return TRIAD_ENOMEM;
	c->version = v;
	v->clauses[v->nclauses++] = c;
	return 0;
}

int triad__agr_add_protocol(triad_agreement_version *v, const char *subject, unsigned role,
                            const char *staff_id, triad_channel ch, int days)
{
	if (TRIAD_GROW(v->protocol, v->cprotocol, v->nprotocol + 1))
		return TRIAD_ENOMEM;
	agr_protocol p = { NULL, role, NULL, ch, days };
	if (!(p.subject = triad__strdup(subject)) ||
	    (staff_id && !(p.staff_id = triad__strdup(staff_id)))) {
		triad__free(p.subject);
		return TRIAD_ENOMEM;
	}
	v->protocol[v->nprotocol++] = p;
	return 0;
}

int triad__agr_add_signature(triad_agreement_version *v, const char *id,
                             triad_party_role role, triad_date date)
{
	if (TRIAD_GROW(v->signatures, v->csignatures, v->nsignatures + 1))
		return TRIAD_ENOMEM;
	char *copy = triad__strdup(id);
	if (!copy)
		return TRIAD_ENOMEM;
	v->signatures[v->nsignatures].id = copy;
	v->signatures[v->nsignatures].role = role;
	v->signatures[v->nsignatures].date = date;
	v->nsignatures++;
	return 0;
}

triad_agreement_version *triad__agr_version_copy(const triad_agreement_version *src,
                                                 int number)
{
	triad_agreement_version *v = triad__agr_version_new(number);
	if (!v)
		return NULL;
	v->has_validity = src->has_validity;
	v->valid_from = src->valid_from;
	v->valid_to = src->valid_to;
	v->year = src->year;
	if (src->school_type && !(v->school_type = triad__strdup(src->school_type)))
		goto fail;
	for (size_t i = 0; i < src->nparties; i++)
		if (triad__agr_add_party(v, src->parties[i].role, src->parties[i].id))
			goto fail;
	for (size_t i = 0; i < src->nclauses; i++) {
		triad_clause *c = triad__agr_clause_copy(src->clauses[i]);
		if (!c)
			goto fail;
		if (triad__agr_add_clause(v, c)) {
			triad__agr_clause_free(c);
			goto fail;
		}
	}
	for (size_t i = 0; i < src->nprotocol; i++) {
		const agr_protocol *p = &src->protocol[i];
		if (triad__agr_add_protocol(v, p->subject, p->staff_role, p->staff_id, p->channel,
		                            p->days))
			goto fail;
	}
	return v;
fail:
	triad__agr_version_free(v);
	return NULL;
}

triad_agreement *triad__agr_alloc(const char *id)
{
	triad_agreement *a = triad__calloc(1, sizeof *a);
	if (!a)
		return NULL;
	if (!(a->id = triad__strdup(id))) {
		triad__free(a);
		return NULL;
	}
	return a;
}

int triad__agr_push_version(triad_agreement *a, triad_agreement_version *v)
{
	if (TRIAD_GROW(a->versions, a->cversions, a->nversions + 1))
		return TRIAD_ENOMEM;
	a->versions[a->nversions++] = v;
	return 0;
}

triad_agreement_version *triad__agr_latest(const triad_agreement *a)
{
	return a->nversions ? a->versions[a->nversions - 1] : NULL;
}

triad_agreement_version *triad__agr_active(const triad_agreement *a)
{
	for (size_t i = a->nversions; i-- > 0;)
		if (a->versions[i]->state == TRIAD_AGREEMENT_ACTIVE)
			return a->versions[i];
	return NULL;
}

const agr_party *triad__agr_party(const triad_agreement_version *v, const char *id)
{
	for (size_t i = 0; i < v->nparties; i++)
		if (strcmp(v->parties[i].id, id) == 0)
			return &v->parties[i];
	return NULL;
}

triad_clause *triad__agr_clause_find(const triad_agreement_version *v, const char *id,
                                     size_t *index)
{
	for (size_t i = 0; i < v->nclauses; i++)
		if (strcmp(v->clauses[i]->id, id) == 0) {
			if (index)
				*index = i;
			return v->clauses[i];
		}
	return NULL;
}

const agr_variant *triad__agr_variant_for(const triad_clause *c)
{
	int year = c->version ? c->version->year : 0;
	for (size_t i = 0; i < c->nvariants; i++)
		if (year >= c->variants[i].year_from && year <= c->variants[i].year_to)
			return &c->variants[i];
	return NULL;
}

/* ---- public: new and free ---- */

int triad_agreement_new(triad_agreement **out, const char *id)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_agreement_new: out is NULL");
	int rc = triad__check_text(id, "the agreement id", true);
	if (rc)
		return rc;
	if (!triad__agr_valid_id(id))
		return triad__err(TRIAD_EINVAL,
		                  "the agreement id \"%.80s\" must be 1 to 64 letters, digits or "
		                  "-_.:/@ (no spaces)", id);
	triad_agreement *a = triad__agr_alloc(id);
	if (!a)
		return TRIAD_ENOMEM;
	triad_agreement_version *v = triad__agr_version_new(1);
	if (!v || triad__agr_push_version(a, v)) {
		triad__agr_version_free(v);
		triad_agreement_free(a);
		return TRIAD_ENOMEM;
	}
	*out = a;
	return 0;
}

void triad_agreement_free(triad_agreement *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nversions; i++)
		triad__agr_version_free(a->versions[i]);
	triad__free(a->versions);
	triad__free(a->id);
	triad__free(a);
}

/* ---- equality ---- */

static bool str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool ref_eq(const agr_ref *a, const agr_ref *b)
{
	return a->role == b->role && str_eq(a->id, b->id);
}

static bool text_eq(const agr_text *a, const agr_text *b)
{
	return str_eq(a->nl, b->nl) && str_eq(a->en, b->en) && str_eq(a->free, b->free);
}

static bool clause_eq(const triad_clause *a, const triad_clause *b)
{
	if (!str_eq(a->id, b->id) || a->section != b->section || a->category != b->category ||
	    !ref_eq(&a->from, &b->from) || !ref_eq(&a->to, &b->to) ||
	    !text_eq(&a->text, &b->text) || a->nvariants != b->nvariants)
		return false;
	for (size_t i = 0; i < a->nvariants; i++) {
		const agr_variant *x = &a->variants[i], *y = &b->variants[i];
		if (x->year_from != y->year_from || x->year_to != y->year_to ||
		    !ref_eq(&x->from, &y->from) || !text_eq(&x->text, &y->text))
			return false;
	}
	const triad_commitment *m = &a->commit, *n = &b->commit;
	return m->kind == n->kind && m->contact == n->contact && m->count == n->count &&
	       m->period == n->period && m->weeks == n->weeks && m->days == n->days;
}

static bool version_eq(const triad_agreement_version *a, const triad_agreement_version *b)
{
	if (a->number != b->number || a->state != b->state ||
	    a->has_validity != b->has_validity ||
	    (a->has_validity && (a->valid_from != b->valid_from || a->valid_to != b->valid_to)) ||
	    !str_eq(a->school_type, b->school_type) || a->year != b->year ||
	    a->has_proposed != b->has_proposed ||
	    (a->has_proposed && a->proposed_on != b->proposed_on) ||
	    a->has_activated != b->has_activated ||
	    (a->has_activated && a->activated_on != b->activated_on) ||
	    a->has_ended != b->has_ended || (a->has_ended && a->ended_on != b->ended_on) ||
	    !str_eq(a->end_reason, b->end_reason) || a->nparties != b->nparties ||
	    a->nclauses != b->nclauses || a->nprotocol != b->nprotocol ||
	    a->nsignatures != b->nsignatures)
		return false;
	for (size_t i = 0; i < a->nparties; i++)
		if (a->parties[i].role != b->parties[i].role ||
		    strcmp(a->parties[i].id, b->parties[i].id) != 0)
			return false;
	for (size_t i = 0; i < a->nclauses; i++)
		if (!clause_eq(a->clauses[i], b->clauses[i]))
			return false;
	for (size_t i = 0; i < a->nprotocol; i++) {
		const agr_protocol *x = &a->protocol[i], *y = &b->protocol[i];
		if (strcmp(x->subject, y->subject) != 0 || x->staff_role != y->staff_role ||
		    !str_eq(x->staff_id, y->staff_id) || x->channel != y->channel ||
		    x->days != y->days)
			return false;
	}
	for (size_t i = 0; i < a->nsignatures; i++) {
		const agr_signature *x = &a->signatures[i], *y = &b->signatures[i];
		if (strcmp(x->id, y->id) != 0 || x->role != y->role || x->date != y->date)
			return false;
	}
	return true;
}

int triad_agreement_equal(const triad_agreement *a, const triad_agreement *b)
{
	if (!a || !b || strcmp(a->id, b->id) != 0 || a->nversions != b->nversions)
		return 0;
	for (size_t i = 0; i < a->nversions; i++)
		if (!version_eq(a->versions[i], b->versions[i]))
			return 0;
	return 1;
}

/* ---- reading the agreement ---- */

const char *triad_agreement_id(const triad_agreement *a)
{
	return a ? a->id : NULL;
}

triad_agreement_state triad_agreement_state_of(const triad_agreement *a)
{
	return a && a->nversions ? triad__agr_latest(a)->state : TRIAD_AGREEMENT_NONE;
}

size_t triad_agreement_version_count(const triad_agreement *a)
{
	return a ? a->nversions : 0;
}

const triad_agreement_version *triad_agreement_version_at(const triad_agreement *a,
                                                          size_t number)
{
	if (!a || number < 1 || number > a->nversions) {
		triad__err(TRIAD_EINVAL, "agreement version %zu does not exist (versions 1..%zu)",
		           number, a ? a->nversions : 0);
		return NULL;
	}
	return a->versions[number - 1];
}

const triad_agreement_version *triad_agreement_latest(const triad_agreement *a)
{
	return a ? triad__agr_latest(a) : NULL;
}

const triad_agreement_version *triad_agreement_in_force(const triad_agreement *a,
                                                        triad_date on)
{
	if (!a)
		return NULL;
	for (size_t i = a->nversions; i-- > 0;) {
		const triad_agreement_version *v = a->versions[i];
		if (!v->has_activated || on < v->activated_on)
			continue;
		/* An ended version was in force up to the day before it ended; an
		 * active one until the end of its validity. */
		if (v->has_ended ? on < v->ended_on : (!v->has_validity || on <= v->valid_to))
			return v;
	}
	return NULL;
}

/* ---- reading a version ---- */

#define V_GET(name, type, field, none)                                  \
	type triad_agreement_version_##name(const triad_agreement_version *v) \
	{                                                               \
		return v ? (type)(field) : (none);                      \
	}

V_GET(number, int, v->number, 0)
V_GET(state, triad_agreement_state, v->state, TRIAD_AGREEMENT_NONE)
V_GET(valid_from, triad_date, v->has_validity ? v->valid_from : 0, 0)
V_GET(valid_to, triad_date, v->has_validity ? v->valid_to : 0, 0)
V_GET(has_validity, int, v->has_validity ? 1 : 0, 0)
V_GET(school_type, const char *, v->school_type, NULL)
V_GET(student_year, int, v->year, 0)
V_GET(end_reason, const char *, v->end_reason, NULL)
V_GET(party_count, size_t, v->nparties, 0)
V_GET(clause_count, size_t, v->nclauses, 0)
V_GET(protocol_count, size_t, v->nprotocol, 0)
V_GET(signature_count, size_t, v->nsignatures, 0)

int triad_agreement_version_date(triad_date *out, const triad_agreement_version *v,
                                 const char *which)
{
	if (!out || !v || !which)
		return triad__err(TRIAD_EINVAL, "triad_agreement_version_date: NULL argument");
	bool has;
	triad_date d;
	if (strcmp(which, "proposed") == 0) {
		has = v->has_proposed;
		d = v->proposed_on;
	} else if (strcmp(which, "activated") == 0) {
		has = v->has_activated;
		d = v->activated_on;
	} else if (strcmp(which, "ended") == 0) {
		has = v->has_ended;
		d = v->ended_on;
	} else {
		return triad__err(TRIAD_EINVAL,
		                  "\"%.40s\" is not a lifecycle date; use \"proposed\", "
		                  "\"activated\" or \"ended\"", which);
	}
	if (!has)
		return triad__err(TRIAD_ENOTFOUND, "version %d has no %s date", v->number, which);
	*out = d;
	return 0;
}

static bool in_range(const triad_agreement_version *v, size_t index, size_t n,
                     const char *what)
{
	if (v && index < n)
		return true;
	triad__err(TRIAD_EINVAL, "%s index %zu is out of range (%zu)", what, index, v ? n : 0);
	return false;
}

triad_party_role triad_agreement_version_party_role(const triad_agreement_version *v,
                                                    size_t i)
{
	return in_range(v, i, v ? v->nparties : 0, "party") ? v->parties[i].role
	                                                    : TRIAD_PARTY_NONE;
}

const char *triad_agreement_version_party_id(const triad_agreement_version *v, size_t i)
{
	return in_range(v, i, v ? v->nparties : 0, "party") ? v->parties[i].id : NULL;
}

const char *triad_agreement_version_student_id(const triad_agreement_version *v)
{
	if (!v)
		return NULL;
	for (size_t i = 0; i < v->nparties; i++)
		if (v->parties[i].role == TRIAD_PARTY_STUDENT)
			return v->parties[i].id;
	return NULL;
}

const triad_clause *triad_agreement_version_clause_at(const triad_agreement_version *v,
                                                      size_t i)
{
	return in_range(v, i, v ? v->nclauses : 0, "clause") ? v->clauses[i] : NULL;
}

const triad_clause *triad_agreement_version_clause(const triad_agreement_version *v,
                                                   const char *id)
{
	if (!v || !id) {
		triad__err(TRIAD_EINVAL, "triad_agreement_version_clause: NULL argument");
		return NULL;
	}
	const triad_clause *c = triad__agr_clause_find(v, id, NULL);
	if (!c)
		triad__err(TRIAD_ENOTFOUND, "version %d has no clause \"%.80s\"", v->number, id);
	return c;
}

const char *triad_agreement_version_protocol_subject(const triad_agreement_version *v,
                                                     size_t i)
{
	return in_range(v, i, v ? v->nprotocol : 0, "protocol") ? v->protocol[i].subject : NULL;
}

unsigned triad_agreement_version_protocol_staff_role(const triad_agreement_version *v,
                                                     size_t i)
{
	return in_range(v, i, v ? v->nprotocol : 0, "protocol") ? v->protocol[i].staff_role : 0;
}

const char *triad_agreement_version_protocol_staff_id(const triad_agreement_version *v,
                                                      size_t i)
{
	return in_range(v, i, v ? v->nprotocol : 0, "protocol") ? v->protocol[i].staff_id : NULL;
}

triad_channel triad_agreement_version_protocol_channel(const triad_agreement_version *v,
                                                       size_t i)
{
	return in_range(v, i, v ? v->nprotocol : 0, "protocol") ? v->protocol[i].channel
	                                                        : TRIAD_CHANNEL_NONE;
}

int triad_agreement_version_protocol_response_days(const triad_agreement_version *v,
                                                   size_t i)
{
	return in_range(v, i, v ? v->nprotocol : 0, "protocol") ? v->protocol[i].days : 0;
}

const char *triad_agreement_version_signature_id(const triad_agreement_version *v, size_t i)
{
	return in_range(v, i, v ? v->nsignatures : 0, "signature") ? v->signatures[i].id : NULL;
}

triad_party_role triad_agreement_version_signature_role(const triad_agreement_version *v,
                                                        size_t i)
{
	return in_range(v, i, v ? v->nsignatures : 0, "signature") ? v->signatures[i].role
	                                                           : TRIAD_PARTY_NONE;
}

triad_date triad_agreement_version_signature_date(const triad_agreement_version *v, size_t i)
{
	return in_range(v, i, v ? v->nsignatures : 0, "signature") ? v->signatures[i].date : 0;
}

/* ---- reading a clause ---- */

const char *triad_clause_id(const triad_clause *c)
{
	return c ? c->id : NULL;
}

triad_agreement_section triad_clause_section(const triad_clause *c)
{
	return c ? c->section : TRIAD_SECTION_NONE;
}

triad_category triad_clause_category(const triad_clause *c)
{
	return c ? c->category : TRIAD_CATEGORY_NONE;
}

static const agr_ref *owner(const triad_clause *c)
{
	const agr_variant *var = triad__agr_variant_for(c);
	return var ? &var->from : &c->from;
}

triad_party_role triad_clause_from_role(const triad_clause *c)
{
	return c ? owner(c)->role : TRIAD_PARTY_NONE;
}

const char *triad_clause_from_id(const triad_clause *c)
{
	return c ? owner(c)->id : NULL;
}

triad_party_role triad_clause_to_role(const triad_clause *c)
{
	return c ? c->to.role : TRIAD_PARTY_NONE;
}

const char *triad_clause_to_id(const triad_clause *c)
{
	return c ? c->to.id : NULL;
}

static const char *text_in(const agr_text *t, triad_lang lang)
{
	if (t->free)
		return t->free;
	return lang == TRIAD_LANG_EN ? t->en : lang == TRIAD_LANG_NL ? t->nl : NULL;
}

const char *triad_clause_text(const triad_clause *c, triad_lang lang)
{
	if (!c)
		return NULL;
	const agr_variant *var = triad__agr_variant_for(c);
	return text_in(var ? &var->text : &c->text, lang);
}

int triad_clause_is_free_text(const triad_clause *c)
{
	return c && c->text.free ? 1 : 0;
}

size_t triad_clause_variant_count(const triad_clause *c)
{
	return c ? c->nvariants : 0;
}

static const agr_variant *variant_at(const triad_clause *c, size_t i)
{
	if (!c || i >= c->nvariants) {
		triad__err(TRIAD_EINVAL, "variant index %zu is out of range", i);
		return NULL;
	}
	return &c->variants[i];
}

int triad_clause_variant_years(int *year_from, int *year_to, const triad_clause *c,
                               size_t i)
{
	const agr_variant *var = variant_at(c, i);
	if (!var)
		return TRIAD_EINVAL;
	if (year_from)
		*year_from = var->year_from;
	if (year_to)
		*year_to = var->year_to;
	return 0;
}

triad_party_role triad_clause_variant_from_role(const triad_clause *c, size_t i)
{
	const agr_variant *var = variant_at(c, i);
	return var ? var->from.role : TRIAD_PARTY_NONE;
}

const char *triad_clause_variant_from_id(const triad_clause *c, size_t i)
{
	const agr_variant *var = variant_at(c, i);
	return var ? var->from.id : NULL;
}

const char *triad_clause_variant_text(const triad_clause *c, size_t i, triad_lang lang)
{
	const agr_variant *var = variant_at(c, i);
	return var ? text_in(&var->text, lang) : NULL;
}

const triad_commitment *triad_clause_commitment(const triad_clause *c)
{
	return c && c->commit.kind != TRIAD_COMMITMENT_NONE ? &c->commit : NULL;
}

/* ---- commitments ---- */

size_t triad_agreement_version_commitment_count(const triad_agreement_version *v)
{
	size_t n = 0;
	for (size_t i = 0; v && i < v->nclauses; i++)
		n += v->clauses[i]->commit.kind != TRIAD_COMMITMENT_NONE;
	return n;
}

const triad_commitment *triad_agreement_version_commitment_at(const triad_agreement_version *v,
                                                              size_t index)
{
	size_t n = 0;
	for (size_t i = 0; v && i < v->nclauses; i++)
		if (v->clauses[i]->commit.kind != TRIAD_COMMITMENT_NONE && n++ == index)
			return &v->clauses[i]->commit;
	triad__err(TRIAD_EINVAL, "commitment index %zu is out of range", index);
	return NULL;
}

const triad_clause *triad_commitment_clause(const triad_commitment *m)
{
	return m ? m->clause : NULL;
}

triad_commitment_kind triad_commitment_kind_of(const triad_commitment *m)
{
	return m ? m->kind : TRIAD_COMMITMENT_NONE;
}

triad_contact_kind triad_commitment_contact_kind(const triad_commitment *m)
{
	return m ? m->contact : TRIAD_CONTACT_NONE;
}

int triad_commitment_count(const triad_commitment *m)
{
	return m ? m->count : 0;
}

triad_period triad_commitment_period(const triad_commitment *m)
{
	return m ? m->period : TRIAD_PERIOD_NONE;
}

int triad_commitment_weeks(const triad_commitment *m)
{
	return m ? m->weeks : 0;
}

int triad_commitment_days(const triad_commitment *m)
{
	return m ? m->days : 0;
}

triad_party_role triad_commitment_from_role(const triad_commitment *m)
{
	return m ? triad_clause_from_role(m->clause) : TRIAD_PARTY_NONE;
}

const char *triad_commitment_from_id(const triad_commitment *m)
{
	return m ? triad_clause_from_id(m->clause) : NULL;
}

triad_party_role triad_commitment_to_role(const triad_commitment *m)
{
	return m ? m->clause->to.role : TRIAD_PARTY_NONE;
}

const char *triad_commitment_to_id(const triad_commitment *m)
{
	return m ? m->clause->to.id : NULL;
}
