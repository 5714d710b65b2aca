/* Changing an agreement: the latest draft in place, or a new draft version
 * when the latest is active. Every call checks its arguments and allocates
 * before it changes anything, so a failure leaves the agreement as it was. */
#include <string.h>

#include "agreement_private.h"

int triad__agr_edit_begin(agr_edit *e, triad_agreement *a, const char *what)
{
	e->a = a;
	e->v = NULL;
	e->fresh = false;
	if (!a)
		return triad__err(TRIAD_EINVAL, "%s: the agreement is NULL", what);
	triad_agreement_version *latest = triad__agr_latest(a);
	if (latest->state == TRIAD_AGREEMENT_DRAFT) {
		e->v = latest;
		return 0;
	}
	if (latest->state == TRIAD_AGREEMENT_ACTIVE) {
		/* Amendment: the active version stays in force; the change goes
		 * into a new draft that needs new signatures. */
		if (TRIAD_GROW(a->versions, a->cversions, a->nversions + 1))
			return TRIAD_ENOMEM;
		e->v = triad__agr_version_copy(latest, latest->number + 1);
		if (!e->v)
			return TRIAD_ENOMEM;
		e->fresh = true;
		return 0;
	}
	const char *hint = latest->state == TRIAD_AGREEMENT_PROPOSED
	                       ? "withdraw it to draft first (triad_agreement_withdraw)"
	                       : "it has ended; start a new agreement";
	return triad__err(TRIAD_ESTATE, "%s: agreement \"%s\" version %d is %s; %s", what,
	                  a->id, latest->number, triad__agr_state_ids[latest->state - 1], hint);
}

int triad__agr_edit_end(agr_edit *e, int rc)
{
	if (e->fresh) {
		if (rc == 0)
			e->a->versions[e->a->nversions++] = e->v; /* room reserved in begin */
		else
			triad__agr_version_free(e->v);
	}
	e->v = NULL;
	e->fresh = false;
	return rc;
}

/* ---- argument checks ---- */

static int check_id(const char *id, const char *what)
{
	int rc = triad__check_text(id, what, true);
	if (rc)
		return rc;
	if (!triad__agr_valid_id(id))
		return triad__err(TRIAD_EINVAL,
		                  "%s \"%.80s\" must be 1 to 64 letters, digits or -_.:/@ "
		                  "(no spaces)", what, id);
	return 0;
}

static int check_ref_args(triad_party_role role, const char *id, bool allow_all,
                          const char *what)
{
	if (!triad__agr_role_valid(role, allow_all))
		return triad__err(TRIAD_EINVAL, "%s: %d is not a valid party role%s", what,
		                  (int)role, allow_all ? "" : " (student, guardian or school)");
	if (id && role == TRIAD_PARTY_ALL)
		return triad__err(TRIAD_EINVAL, "%s: the role \"all\" takes no party id", what);
	if (id)
		return check_id(id, what);
	return 0;
}

static int check_ref(const triad_agreement_version *v, triad_party_role role,
                     const char *id, const char *what)
{
	agr_ref r = { role, (char *)id };
	const char *problem = triad__agr_ref_problem(v, &r);
	if (problem)
		return triad__err(TRIAD_ENOTFOUND, "%s: \"%.80s\" %s as %s", what, id, problem,
		                  triad__agr_role_ids[role - 1]);
	return 0;
}

static int check_year(int year, const char *what)
{
	if (year < 1 || year > TRIAD_SCHOOLTYPE_MAX_YEARS)
		return triad__err(TRIAD_EINVAL, "%s %d is outside 1..%d", what, year,
		                  TRIAD_SCHOOLTYPE_MAX_YEARS);
	return 0;
}

static triad_clause *find_clause(triad_agreement_version *v, const char *id, int *rc)
{
	triad_clause *c = triad__agr_clause_find(v, id, NULL);
	*rc = c ? 0
	        : triad__err(TRIAD_ENOTFOUND, "the agreement has no clause \"%.80s\"", id);
	return c;
}

/* ---- validity and student year ---- */

static int set_validity(triad_agreement *a, triad_date from, triad_date to, const char *fn)
{
	agr_edit e;
	int rc = triad__agr_edit_begin(&e, a, fn);
	if (rc)
		return rc;
	e.v->has_validity = true;
	e.v->valid_from = from;
	e.v->valid_to = to;
	return triad__agr_edit_end(&e, 0);
}

int triad_agreement_set_school_year(triad_agreement *a, int start_year)
{
	if (start_year < 1 || start_year > 9998)
		return triad__err(TRIAD_EINVAL, "the school year %d is outside 1..9998", start_year);
	triad_date from = triad__days_from_civil(start_year, 8, 1);
	triad_date to = triad__days_from_civil(start_year + 1, 7, 31);
	return set_validity(a, from, to, "triad_agreement_set_school_year");
}

int triad_agreement_set_validity(triad_agreement *a, triad_date from, triad_date to)
{
	if (!triad__date_in_range(from) || !triad__date_in_range(to))
		return triad__err(TRIAD_EINVAL, "a validity date lies outside years 1..9999");
	if (to < from) {
		char f[TRIAD_DATE_BUFSIZE], t[TRIAD_DATE_BUFSIZE];
		triad_date_format(from, f);
		triad_date_format(to, t);
		return triad__err(TRIAD_EINVAL, "the validity ends (%s) before it starts (%s)", t, f);
	}
	return set_validity(a, from, to, "triad_agreement_set_validity");
}

int triad_agreement_set_student_year(triad_agreement *a, const char *school_type, int year)
{
	int rc;
	if ((rc = triad__check_text(school_type, "the school type", true)) ||
	    (rc = check_year(year, "the school year (leerjaar)")))
		return rc;
	if (strlen(school_type) > 64)
		return triad__err(TRIAD_EINVAL, "the school type \"%.40s...\" is too long",
		                  school_type);
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, "triad_agreement_set_student_year")))
		return rc;
	char *copy = triad__strdup(school_type);
	if (!copy)
		return triad__agr_edit_end(&e, TRIAD_ENOMEM);
	triad__free(e.v->school_type);
	e.v->school_type = copy;
	e.v->year = year;
	return triad__agr_edit_end(&e, 0);
}

/* ---- parties ---- */

int triad_agreement_add_party(triad_agreement *a, triad_party_role role, const char *id)
{
	int rc = check_ref_args(role, id, false, "the party");
	if (rc)
		return rc;
	if (!id)
		return triad__err(TRIAD_EINVAL, "the party id is NULL");
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, "triad_agreement_add_party")))
		return rc;
	if (triad__agr_party(e.v, id))
		return triad__agr_edit_end(&e, triad__err(TRIAD_EEXISTS,
		                                          "\"%.80s\" is already a party", id));
	if (role != TRIAD_PARTY_GUARDIAN)
		for (size_t i = 0; i < e.v->nparties; i++)
			if (e.v->parties[i].role == role)
				return triad__agr_edit_end(
					&e, triad__err(TRIAD_EINVAL,
				                       "the agreement already has a %s party (\"%s\"); "
				                       "an agreement has one",
				                       triad__agr_role_ids[role - 1],
				                       e.v->parties[i].id));
	return triad__agr_edit_end(&e, triad__agr_add_party(e.v, role, id));
}

static bool ref_names(const agr_ref *r, const char *id)
{
	return r->id && strcmp(r->id, id) == 0;
}

int triad_agreement_remove_party(triad_agreement *a, const char *id)
{
	if (!id)
		return triad__err(TRIAD_EINVAL, "the party id is NULL");
	agr_edit e;
	int rc = triad__agr_edit_begin(&e, a, "triad_agreement_remove_party");
	if (rc)
		return rc;
	triad_agreement_version *v = e.v;
	size_t at = v->nparties;
	for (size_t i = 0; i < v->nparties; i++)
		if (strcmp(v->parties[i].id, id) == 0)
			at = i;
	if (at == v->nparties)
		return triad__agr_edit_end(&e, triad__err(TRIAD_ENOTFOUND,
		                                          "\"%.80s\" is not a party", id));
	for (size_t i = 0; i < v->nclauses; i++) {
		const triad_clause *c = v->clauses[i];
		bool named = ref_names(&c->from, id) || ref_names(&c->to, id);
		for (size_t k = 0; k < c->nvariants; k++)
			named = named || ref_names(&c->variants[k].from, id);
		if (named)
			return triad__agr_edit_end(
				&e, triad__err(TRIAD_ESTATE,
			                       "clause \"%s\" names the party \"%s\"; change or "
			                       "remove the clause first", c->id, id));
	}
	triad__free(v->parties[at].id);
	memmove(&v->parties[at], &v->parties[at + 1],
	        (v->nparties - at - 1) * sizeof *v->parties);
	v->nparties--;
	return triad__agr_edit_end(&e, 0);
}

/* ---- clauses ---- */

int triad_agreement_add_clause(triad_agreement *a, const char *id,
                               triad_agreement_section section, triad_category category,
                               triad_party_role from_role, const char *from_id,
                               triad_party_role to_role, const char *to_id)
{
	int rc;
	if ((rc = check_id(id, "the clause id")) ||
	    (rc = check_ref_args(from_role, from_id, false, "the clause's owner")) ||
	    (rc = check_ref_args(to_role, to_id, true, "the clause's addressee")))
		return rc;
	if (section < TRIAD_SECTION_AIMS || section > TRIAD_SECTION_PROTOCOL)
		return triad__err(TRIAD_EINVAL, "clause \"%s\": %d is not a valid section", id,
		                  (int)section);
	if (!triad_category_valid(category))
		return triad__err(TRIAD_EINVAL, "clause \"%s\": %d is not a valid category", id,
		                  (int)category);
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, "triad_agreement_add_clause")))
		return rc;
	if (triad__agr_clause_find(e.v, id, NULL))
		return triad__agr_edit_end(
			&e, triad__err(TRIAD_EEXISTS, "the clause \"%s\" already exists", id));
	if ((rc = check_ref(e.v, from_role, from_id, "the clause's owner")) ||
	    (rc = check_ref(e.v, to_role, to_id, "the clause's addressee")))
		return triad__agr_edit_end(&e, rc);
	triad_clause *c = triad__agr_clause_new(id);
	if (!c || (from_id && !(c->from.id = triad__strdup(from_id))) ||
	    (to_id && !(c->to.id = triad__strdup(to_id)))) {
		triad__agr_clause_free(c);
		return triad__agr_edit_end(&e, TRIAD_ENOMEM);
	}
	c->section = section;
	c->category = category;
	c->from.role = from_role;
	c->to.role = to_role;
	if ((rc = triad__agr_add_clause(e.v, c)))
		triad__agr_clause_free(c);
	return triad__agr_edit_end(&e, rc);
}

int triad_agreement_add_catalogue_clause(triad_agreement *a, const char *catalogue_id)
{
	size_t index;
	int rc = triad_catalogue_find(&index, catalogue_id);
	if (rc)
		return rc;
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, "triad_agreement_add_catalogue_clause")))
		return rc;
	if (triad__agr_clause_find(e.v, catalogue_id, NULL))
		return triad__agr_edit_end(
			&e, triad__err(TRIAD_EEXISTS, "the clause \"%s\" already exists",
		                       catalogue_id));
	return triad__agr_edit_end(&e, triad__agr_catalogue_add(e.v, index));
}

int triad_agreement_remove_clause(triad_agreement *a, const char *clause_id)
{
	if (!clause_id)
		return triad__err(TRIAD_EINVAL, "the clause id is NULL");
	agr_edit e;
	int rc = triad__agr_edit_begin(&e, a, "triad_agreement_remove_clause");
	if (rc)
		return rc;
	size_t at;
	triad_clause *c = triad__agr_clause_find(e.v, clause_id, &at);
	if (!c)
		return triad__agr_edit_end(&e, triad__err(TRIAD_ENOTFOUND,
		                                          "the agreement has no clause \"%.80s\"",
		                                          clause_id));
	triad__agr_clause_free(c);
	memmove(&e.v->clauses[at], &e.v->clauses[at + 1],
	        (e.v->nclauses - at - 1) * sizeof *e.v->clauses);
	e.v->nclauses--;
	return triad__agr_edit_end(&e, 0);
}

static int set_text(triad_agreement *a, const char *clause_id, const char *nl,
                    const char *en, const char *free_text, const char *fn)
{
	int rc;
	if (!clause_id)
		return triad__err(TRIAD_EINVAL, "%s: the clause id is NULL", fn);
	if (free_text ? (rc = triad__check_text(free_text, "the free text", true))
	              : ((rc = triad__check_text(nl, "the Dutch text", true)) ||
	                 (rc = triad__check_text(en, "the English text", true))))
		return rc;
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, fn)))
		return rc;
	triad_clause *c = find_clause(e.v, clause_id, &rc);
	if (!c)
		return triad__agr_edit_end(&e, rc);
	agr_text t = { NULL, NULL, NULL };
	if (free_text ? !(t.free = triad__strdup(free_text))
	              : (!(t.nl = triad__strdup(nl)) || !(t.en = triad__strdup(en)))) {
		triad__agr_text_free(&t);
		return triad__agr_edit_end(&e, TRIAD_ENOMEM);
	}
	triad__agr_text_free(&c->text);
	c->text = t;
	return triad__agr_edit_end(&e, 0);
}

int triad_agreement_clause_set_text(triad_agreement *a, const char *clause_id,
                                    const char *text_nl, const char *text_en)
{
	if (!text_nl || !text_en)
		return triad__err(TRIAD_EINVAL, "the %s text is NULL", !text_nl ? "Dutch" : "English");
	return set_text(a, clause_id, text_nl, text_en, NULL, "triad_agreement_clause_set_text");
}

int triad_agreement_clause_set_free_text(triad_agreement *a, const char *clause_id,
                                         const char *text)
{
	if (!text)
		return triad__err(TRIAD_EINVAL, "the free text is NULL");
	return set_text(a, clause_id, NULL, NULL, text, "triad_agreement_clause_set_free_text");
}

int triad_agreement_clause_set_parties(triad_agreement *a, const char *clause_id,
                                       triad_party_role from_role, const char *from_id,
                                       triad_party_role to_role, const char *to_id)
{
	int rc;
	if (!clause_id)
		return triad__err(TRIAD_EINVAL, "the clause id is NULL");
	if ((rc = check_ref_args(from_role, from_id, false, "the clause's owner")) ||
	    (rc = check_ref_args(to_role, to_id, true, "the clause's addressee")))
		return rc;
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, "triad_agreement_clause_set_parties")))
		return rc;
	triad_clause *c = find_clause(e.v, clause_id, &rc);
	if (!c || (rc = check_ref(e.v, from_role, from_id, "the clause's owner")) ||
	    (rc = check_ref(e.v, to_role, to_id, "the clause's addressee")))
		return triad__agr_edit_end(&e, rc);
	char *fid = NULL, *tid = NULL;
	if ((from_id && !(fid = triad__strdup(from_id))) ||
	    (to_id && !(tid = triad__strdup(to_id)))) {
		triad__free(fid);
		return triad__agr_edit_end(&e, TRIAD_ENOMEM);
	}
	triad__free(c->from.id);
	triad__free(c->to.id);
	c->from.role = from_role;
	c->from.id = fid;
	c->to.role = to_role;
	c->to.id = tid;
	return triad__agr_edit_end(&e, 0);
}

int triad_agreement_clause_add_variant(triad_agreement *a, const char *clause_id,
                                       int year_from, int year_to,
                                       triad_party_role from_role, const char *from_id,
                                       const char *text_nl, const char *text_en)
{
	int rc;
	if (!clause_id)
		return triad__err(TRIAD_EINVAL, "the clause id is NULL");
	if ((rc = check_year(year_from, "the variant's first year")) ||
	    (rc = check_year(year_to, "the variant's last year")) ||
	    (rc = check_ref_args(from_role, from_id, false, "the variant's owner")) ||
	    (rc = triad__check_text(text_nl, "the variant's Dutch text", true)) ||
	    (rc = triad__check_text(text_en, "the variant's English text", true)))
		return rc;
	if (year_to < year_from)
		return triad__err(TRIAD_EINVAL, "the variant's years %d..%d run backwards",
		                  year_from, year_to);
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, "triad_agreement_clause_add_variant")))
		return rc;
	triad_clause *c = find_clause(e.v, clause_id, &rc);
	if (!c || (rc = check_ref(e.v, from_role, from_id, "the variant's owner")))
		return triad__agr_edit_end(&e, rc);
	for (size_t i = 0; i < c->nvariants; i++)
		if (year_from <= c->variants[i].year_to && c->variants[i].year_from <= year_to)
			return triad__agr_edit_end(
				&e, triad__err(TRIAD_EINVAL,
			                       "clause \"%s\": years %d..%d overlap the variant "
			                       "for years %d..%d", c->id, year_from, year_to,
			                       c->variants[i].year_from, c->variants[i].year_to));
	if (TRIAD_GROW(c->variants, c->cvariants, c->nvariants + 1))
		return triad__agr_edit_end(&e, TRIAD_ENOMEM);
	agr_variant var = { year_from, year_to, { from_role, NULL }, { NULL, NULL, NULL } };
	if ((from_id && !(var.from.id = triad__strdup(from_id))) ||
	    !(var.text.nl = triad__strdup(text_nl)) || !(var.text.en = triad__strdup(text_en))) {
		triad__free(var.from.id);
		triad__agr_text_free(&var.text);
		return triad__agr_edit_end(&e, TRIAD_ENOMEM);
	}
	c->variants[c->nvariants++] = var;
	return triad__agr_edit_end(&e, 0);
}

/* ---- commitments ---- */

static int set_commitment(triad_agreement *a, const char *clause_id,
                          const triad_commitment *m, const char *fn)
{
	if (!clause_id)
		return triad__err(TRIAD_EINVAL, "%s: the clause id is NULL", fn);
	agr_edit e;
	int rc = triad__agr_edit_begin(&e, a, fn);
	if (rc)
		return rc;
	triad_clause *c = find_clause(e.v, clause_id, &rc);
	if (!c)
		return triad__agr_edit_end(&e, rc);
	c->commit = *m;
	c->commit.clause = c;
	return triad__agr_edit_end(&e, 0);
}

static int check_kind(triad_contact_kind kind, bool allow_none)
{
	if (triad_contact_kind_valid(kind) || (allow_none && kind == TRIAD_CONTACT_NONE))
		return 0;
	return triad__err(TRIAD_EINVAL, "%d is not a valid contact kind", (int)kind);
}

int triad_agreement_clause_set_min_count(triad_agreement *a, const char *clause_id,
                                         triad_contact_kind kind, int count,
                                         triad_period period)
{
	int rc = check_kind(kind, false);
	if (rc)
		return rc;
	if (count < 1 || count > 1000)
		return triad__err(TRIAD_EINVAL, "the count %d is outside 1..1000", count);
	if (period < TRIAD_PERIOD_SCHOOL_WEEK || period > TRIAD_PERIOD_SCHOOL_YEAR)
		return triad__err(TRIAD_EINVAL, "%d is not a valid period", (int)period);
	triad_commitment m = { TRIAD_COMMITMENT_MIN_COUNT, kind, count, period, 0, 0, NULL };
	return set_commitment(a, clause_id, &m, "triad_agreement_clause_set_min_count");
}

int triad_agreement_clause_set_max_interval(triad_agreement *a, const char *clause_id,
                                            triad_contact_kind kind, int weeks)
{
	int rc = check_kind(kind, false);
	if (rc)
		return rc;
	if (weeks < 1 || weeks > 52)
		return triad__err(TRIAD_EINVAL, "the interval of %d school weeks is outside 1..52",
		                  weeks);
	triad_commitment m = { TRIAD_COMMITMENT_MAX_INTERVAL, kind, 0, TRIAD_PERIOD_NONE, weeks,
		               0, NULL };
	return set_commitment(a, clause_id, &m, "triad_agreement_clause_set_max_interval");
}

int triad_agreement_clause_set_response_time(triad_agreement *a, const char *clause_id,
                                             triad_contact_kind kind, int days)
{
	int rc = check_kind(kind, true);
	if (rc)
		return rc;
	if (days < 1 || days > 60)
		return triad__err(TRIAD_EINVAL, "the response time of %d school days is outside 1..60",
		                  days);
	triad_commitment m = { TRIAD_COMMITMENT_RESPONSE_TIME, kind, 0, TRIAD_PERIOD_NONE, 0,
		               days, NULL };
	return set_commitment(a, clause_id, &m, "triad_agreement_clause_set_response_time");
}

int triad_agreement_clause_clear_commitment(triad_agreement *a, const char *clause_id)
{
	triad_commitment m = { TRIAD_COMMITMENT_NONE, TRIAD_CONTACT_NONE, 0, TRIAD_PERIOD_NONE,
		               0, 0, NULL };
	return set_commitment(a, clause_id, &m, "triad_agreement_clause_clear_commitment");
}

/* ---- contact protocol ---- */

int triad_agreement_set_protocol(triad_agreement *a, const char *subject, unsigned staff_role,
                                 const char *staff_id, triad_channel channel,
                                 int response_days)
{
	int rc = triad__check_text(subject, "the protocol subject", true);
	if (rc)
		return rc;
	if (!triad__agr_valid_subject(subject))
		return triad__err(TRIAD_EINVAL,
		                  "the protocol subject \"%.80s\" must be 1 to 64 lower-case "
		                  "letters, digits, '_' or '-'", subject);
	if ((staff_role == 0) == (staff_id == NULL))
		return triad__err(TRIAD_EINVAL,
		                  "protocol \"%s\": give either a staff role or a staff id, not %s",
		                  subject, staff_id ? "both" : "neither");
	if (staff_role && !triad__agr_single_staff_role(staff_role))
		return triad__err(TRIAD_EINVAL,
		                  "protocol \"%s\": %u is not one staff role (mentor, teacher, "
		                  "coordinator or school_leader)", subject, staff_role);
	if (staff_id && (rc = check_id(staff_id, "the protocol's staff id")))
		return rc;
	if (!triad_channel_valid(channel))
		return triad__err(TRIAD_EINVAL, "protocol \"%s\": %d is not a valid channel",
		                  subject, (int)channel);
	if (response_days < 1 || response_days > 60)
		return triad__err(TRIAD_EINVAL,
		                  "protocol \"%s\": the response time of %d school days is "
		                  "outside 1..60", subject, response_days);
	agr_edit e;
	if ((rc = triad__agr_edit_begin(&e, a, "triad_agreement_set_protocol")))
		return rc;
	for (size_t i = 0; i < e.v->nprotocol; i++) {
		agr_protocol *p = &e.v->protocol[i];
		if (strcmp(p->subject, subject) != 0)
			continue;
		char *sid = NULL;
		if (staff_id && !(sid = triad__strdup(staff_id)))
			return triad__agr_edit_end(&e, TRIAD_ENOMEM);
		triad__free(p->staff_id);
		p->staff_id = sid;
		p->staff_role = staff_role;
		p->channel = channel;
		p->days = response_days;
		return triad__agr_edit_end(&e, 0);
	}
	return triad__agr_edit_end(&e, triad__agr_add_protocol(e.v, subject, staff_role,
	                                                       staff_id, channel,
	                                                       response_days));
}

int triad_agreement_remove_protocol(triad_agreement *a, const char *subject)
{
	if (!subject)
		return triad__err(TRIAD_EINVAL, "the protocol subject is NULL");
	agr_edit e;
	int rc = triad__agr_edit_begin(&e, a, "triad_agreement_remove_protocol");
	if (rc)
		return rc;
	for (size_t i = 0; i < e.v->nprotocol; i++) {
		agr_protocol *p = &e.v->protocol[i];
		if (strcmp(p->subject, subject) != 0)
			continue;
		triad__free(p->subject);
		triad__free(p->staff_id);
		memmove(p, p + 1, (e.v->nprotocol - i - 1) * sizeof *p);
		e.v->nprotocol--;
		return triad__agr_edit_end(&e, 0);
	}
	return triad__agr_edit_end(&e, triad__err(TRIAD_ENOTFOUND,
	                                          "the contact protocol has no subject \"%.80s\"",
	                                          subject));
}
