/* Validating an agreement against the roster, the age policy and the
 * ownership curve: a list of findings with stable codes and messages in
 * Dutch and English. Findings are not failures. */
#include <stdio.h>
#include <string.h>

#include "agreement_private.h"

typedef struct finding {
	triad_severity severity;
	const char *code; /* static */
	char *location;
	char *nl, *en;
} finding;

struct triad_agreement_findings {
	finding *items;
	size_t count, cap;
	int failed; /* an allocation failed */
};

static void add(triad_agreement_findings *f, triad_severity sev, const char *code,
                const char *location, const char *nl, const char *en)
{
	if (f->failed)
		return;
	if (TRIAD_GROW(f->items, f->cap, f->count + 1)) {
		f->failed = 1;
		return;
	}
	finding x = { sev, code, triad__strdup(location), triad__strdup(nl), triad__strdup(en) };
	if (!x.location || !x.nl || !x.en) {
		triad__free(x.location);
		triad__free(x.nl);
		triad__free(x.en);
		f->failed = 1;
		return;
	}
	f->items[f->count++] = x;
}

void triad_agreement_findings_free(triad_agreement_findings *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->count; i++) {
		triad__free(f->items[i].location);
		triad__free(f->items[i].nl);
		triad__free(f->items[i].en);
	}
	triad__free(f->items);
	triad__free(f);
}

size_t triad_agreement_findings_count(const triad_agreement_findings *f)
{
	return f ? f->count : 0;
}

size_t triad_agreement_findings_count_at_least(const triad_agreement_findings *f,
                                               triad_severity severity)
{
	size_t n = 0;
	for (size_t i = 0; f && i < f->count; i++)
		n += f->items[i].severity >= severity;
	return n;
}

static const finding *at(const triad_agreement_findings *f, size_t i)
{
	if (!f || i >= f->count) {
		triad__err(TRIAD_EINVAL, "finding index %zu is out of range (%zu findings)", i,
		           f ? f->count : 0);
		return NULL;
	}
	return &f->items[i];
}

triad_severity triad_agreement_finding_severity(const triad_agreement_findings *f, size_t i)
{
	const finding *x = at(f, i);
	return x ? x->severity : TRIAD_SEVERITY_NONE;
}

const char *triad_agreement_finding_code(const triad_agreement_findings *f, size_t i)
{
	const finding *x = at(f, i);
	return x ? x->code : NULL;
}

const char *triad_agreement_finding_location(const triad_agreement_findings *f, size_t i)
{
	const finding *x = at(f, i);
	return x ? x->location : NULL;
}

const char *triad_agreement_finding_message(const triad_agreement_findings *f, size_t i,
                                            triad_lang lang)
{
	const finding *x = at(f, i);
	if (!x)
		return NULL;
	if (lang == TRIAD_LANG_NL)
		return x->nl;
	if (lang == TRIAD_LANG_EN)
		return x->en;
	triad__err(TRIAD_EINVAL, "unknown language %d", (int)lang);
	return NULL;
}

int triad_agreement_check_options_init(triad_agreement_check_options *opts, unsigned version)
{
	if (!opts || version != TRIAD_AGREEMENT_CHECK_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "triad_agreement_check_options_init: %s (this library knows "
		                  "version %d)", !opts ? "opts is NULL" : "unknown version",
		                  TRIAD_AGREEMENT_CHECK_OPTIONS_VERSION);
	triad_agreement_check_options init = TRIAD_AGREEMENT_CHECK_OPTIONS_INIT;
	*opts = init;
	return 0;
}

/* ---- the checks ---- */

typedef struct ctx {
	triad_agreement_findings *f;
	const triad_agreement_version *v;
	const triad_roster *roster;
	const triad_agreement_check_options *opts;
	const triad_schooltypes *types;
	triad_date on; /* as-of date for the age policy */
	char nl[640], en[640], loc[96];
} ctx;

static const char *role_nl(triad_party_role r)
{
	static const char *const n[] = { "de leerling", "ouders", "de school", "iedereen" };
	return r >= 1 && r <= 4 ? n[r - 1] : "?";
}

static const char *role_en(triad_party_role r)
{
	static const char *const n[] = { "the student", "the parents", "the school", "everybody" };
	return r >= 1 && r <= 4 ? n[r - 1] : "?";
}

static bool has_role(const triad_agreement_version *v, triad_party_role r)
{
	for (size_t i = 0; i < v->nparties; i++)
		if (v->parties[i].role == r)
			return true;
	return false;
}

static void check_parties(ctx *c, const char *student)
{
	const triad_agreement_version *v = c->v;
	if (!student)
		add(c->f, TRIAD_SEVERITY_ERROR, "party.no_student", "parties",
		    "De overeenkomst heeft geen leerling als partij.",
		    "The agreement has no student party.");
	if (!has_role(v, TRIAD_PARTY_SCHOOL))
		add(c->f, TRIAD_SEVERITY_ERROR, "party.no_school", "parties",
		    "De overeenkomst heeft geen vertegenwoordiger van de school als partij.",
		    "The agreement has no party representing the school.");
	for (size_t i = 0; i < v->nparties; i++) {
		const agr_party *p = &v->parties[i];
		snprintf(c->loc, sizeof c->loc, "parties[%zu]", i);
		bool known = p->role == TRIAD_PARTY_STUDENT ? triad_roster_student(c->roster, p->id) != NULL
		             : p->role == TRIAD_PARTY_GUARDIAN
		                 ? triad_roster_guardian(c->roster, p->id) != NULL
		                 : triad_roster_staff(c->roster, p->id) != NULL;
		if (!known) {
			snprintf(c->nl, sizeof c->nl,
			         "Partij \"%s\" (%s) staat niet in het leerlingbestand.", p->id,
			         role_nl(p->role));
			snprintf(c->en, sizeof c->en, "Party \"%s\" (%s) is not in the roster.", p->id,
			         role_en(p->role));
			add(c->f, TRIAD_SEVERITY_ERROR, "party.unknown", c->loc, c->nl, c->en);
		} else if (p->role == TRIAD_PARTY_GUARDIAN && student &&
		           triad_roster_student(c->roster, student) &&
		           triad_relation_info_rights(triad_roster_relation(c->roster, student, p->id)) ==
		                   TRIAD_INFO_RESTRICTED) {
			snprintf(c->nl, sizeof c->nl,
			         "Voor ouder \"%s\" geldt een informatiebeperking; deel de overeenkomst "
			         "alleen voor zover die beperking dat toelaat.", p->id);
			snprintf(c->en, sizeof c->en,
			         "Guardian \"%s\" has restricted information rights; share the agreement "
			         "only as far as the restriction allows.", p->id);
			add(c->f, TRIAD_SEVERITY_INFO, "party.restricted", c->loc, c->nl, c->en);
		} else if (p->role == TRIAD_PARTY_GUARDIAN && student &&
		           triad_roster_student(c->roster, student) &&
		           !triad_roster_relation(c->roster, student, p->id)) {
			snprintf(c->nl, sizeof c->nl,
			         "Ouder \"%s\" is volgens het leerlingbestand geen ouder of verzorger "
			         "van leerling \"%s\".", p->id, student);
			snprintf(c->en, sizeof c->en,
			         "Guardian \"%s\" is not related to student \"%s\" in the roster.",
			         p->id, student);
			add(c->f, TRIAD_SEVERITY_ERROR, "party.not_related", c->loc, c->nl, c->en);
		}
	}
	if (!student || !triad_roster_student(c->roster, student))
		return;
	triad_strlist *req = NULL;
	if (triad__agr_required_signers(&req, v, c->roster, c->opts->policy, c->on)) {
		if (triad_error_last()->code == TRIAD_ENOMEM)
			c->f->failed = 1;
		return;
	}
	for (size_t i = 0; i < triad_strlist_count(req); i++) {
		const char *id = triad_strlist_at(req, i);
		if (triad__agr_party(v, id))
			continue;
		char d[TRIAD_DATE_BUFSIZE];
		triad_date_format(c->on, d);
		snprintf(c->nl, sizeof c->nl,
		         "\"%s\" moet volgens het leeftijdsbeleid op %s tekenen, maar is geen partij.",
		         id, d);
		snprintf(c->en, sizeof c->en,
		         "\"%s\" must sign on %s under the age policy, but is not a party.", id, d);
		add(c->f, TRIAD_SEVERITY_ERROR, "party.missing_signer", "parties", c->nl, c->en);
	}
	triad_strlist_free(req);
}

static bool owns(const triad_clause *cl, const agr_party *p)
{
	triad_party_role r = triad_clause_from_role(cl);
	const char *id = triad_clause_from_id(cl);
	return r == p->role && (!id || strcmp(id, p->id) == 0);
}

static void check_commitments(ctx *c)
{
	const triad_agreement_version *v = c->v;
	for (size_t i = 0; i < v->nparties; i++) {
		const agr_party *p = &v->parties[i];
		bool any = false;
		for (size_t k = 0; k < v->nclauses && !any; k++)
			any = owns(v->clauses[k], p);
		if (any)
			continue;
		snprintf(c->loc, sizeof c->loc, "parties[%zu]", i);
		snprintf(c->nl, sizeof c->nl,
		         "Partij \"%s\" (%s) zegt niets toe: de verwachtingen moeten wederzijds zijn.",
		         p->id, role_nl(p->role));
		snprintf(c->en, sizeof c->en,
		         "Party \"%s\" (%s) commits to nothing: expectations should be mutual.",
		         p->id, role_en(p->role));
		add(c->f, TRIAD_SEVERITY_WARNING, "party.no_commitments", c->loc, c->nl, c->en);
	}
}

static void ref_finding(ctx *c, const char *loc, const char *clause, triad_party_role r,
                        bool owner)
{
	snprintf(c->nl, sizeof c->nl,
	         "Artikel \"%s\" %s %s, maar die zijn geen partij bij de overeenkomst.", clause,
	         owner ? "is een toezegging van" : "is gericht aan", role_nl(r));
	snprintf(c->en, sizeof c->en,
	         "Clause \"%s\" %s %s, who are not a party to the agreement.", clause,
	         owner ? "is a commitment of" : "is addressed to", role_en(r));
	add(c->f, TRIAD_SEVERITY_ERROR, "clause.unknown_party", loc, c->nl, c->en);
}

static void check_ref(ctx *c, const agr_ref *r, const char *clause, const char *loc,
                      bool owner)
{
	if (r->role == TRIAD_PARTY_ALL)
		return;
	if (r->id ? triad__agr_ref_problem(c->v, r) != NULL : !has_role(c->v, r->role))
		ref_finding(c, loc, clause, r->role, owner);
}

static void check_clauses(ctx *c)
{
	const triad_agreement_version *v = c->v;
	for (size_t i = 0; i < v->nclauses; i++) {
		const triad_clause *cl = v->clauses[i];
		char loc[96];
		snprintf(loc, sizeof loc, "clauses[%zu]", i);
		if (!cl->text.free && !(cl->text.nl && cl->text.en)) {
			snprintf(c->nl, sizeof c->nl, "Artikel \"%s\" heeft geen tekst.", cl->id);
			snprintf(c->en, sizeof c->en, "Clause \"%s\" has no text.", cl->id);
			add(c->f, TRIAD_SEVERITY_ERROR, "clause.no_text", loc, c->nl, c->en);
		}
		snprintf(loc, sizeof loc, "clauses[%zu].from", i);
		check_ref(c, &cl->from, cl->id, loc, true);
		snprintf(loc, sizeof loc, "clauses[%zu].to", i);
		check_ref(c, &cl->to, cl->id, loc, false);
		for (size_t k = 0; k < cl->nvariants; k++) {
			snprintf(loc, sizeof loc, "clauses[%zu].variants[%zu].from", i, k);
			check_ref(c, &cl->variants[k].from, cl->id, loc, true);
		}
	}
}

static void check_ownership(ctx *c, const char *student)
{
	const triad_agreement_version *v = c->v;
	if (!v->school_type || !v->year) {
		add(c->f, TRIAD_SEVERITY_WARNING, "student_year.missing", "",
		    "Het schooltype en leerjaar van de leerling ontbreken; de juiste varianten "
		    "van artikelen kunnen niet worden gekozen.",
		    "The student's school type and year are missing; the right clause variants "
		    "cannot be chosen.");
		return;
	}
	const triad_student *st = student ? triad_roster_student(c->roster, student) : NULL;
	if (st && (strcmp(triad_student_school_type(st), v->school_type) != 0 ||
	           triad_student_year(st) != v->year)) {
		snprintf(c->nl, sizeof c->nl,
		         "De overeenkomst is geschreven voor %s leerjaar %d, maar de leerling zit "
		         "volgens het leerlingbestand in %s leerjaar %d.", v->school_type, v->year,
		         triad_student_school_type(st), triad_student_year(st));
		snprintf(c->en, sizeof c->en,
		         "The agreement is written for %s year %d, but the roster has the student "
		         "in %s year %d.", v->school_type, v->year, triad_student_school_type(st),
		         triad_student_year(st));
		add(c->f, TRIAD_SEVERITY_WARNING, "student_year.mismatch", "year", c->nl, c->en);
	}
	double share = 0;
	int rc = triad_schooltypes_ownership(c->types, v->school_type, v->year, &share);
	if (rc) {
		if (rc == TRIAD_ENOMEM) {
			c->f->failed = 1;
			return;
		}
		snprintf(c->nl, sizeof c->nl, "Schooltype \"%s\" met leerjaar %d bestaat niet.",
		         v->school_type, v->year);
		snprintf(c->en, sizeof c->en, "School type \"%s\" has no year %d.", v->school_type,
		         v->year);
		add(c->f, TRIAD_SEVERITY_ERROR, "student_year.invalid", "school_type", c->nl, c->en);
		return;
	}
	double thr = c->opts->ownership_threshold;
	for (size_t i = 0; i < v->nclauses; i++) {
		const triad_clause *cl = v->clauses[i];
		triad_party_role owner = triad_clause_from_role(cl);
		enum { FITS, STUDENT_EXPECTED, PARENTS_EXPECTED, OWNERSHIP_BY_PARENTS } verdict = FITS;
		if (triad_category_is_a(cl->category, TRIAD_CATEGORY_RESPONSIBILITY)) {
			if (owner == TRIAD_PARTY_GUARDIAN && share > thr)
				verdict = STUDENT_EXPECTED;
			else if (owner == TRIAD_PARTY_STUDENT && share <= thr)
				verdict = PARENTS_EXPECTED;
		} else if (triad_category_is_a(cl->category, TRIAD_CATEGORY_OWNERSHIP) &&
		           owner == TRIAD_PARTY_GUARDIAN) {
			verdict = OWNERSHIP_BY_PARENTS;
		}
		if (verdict == FITS)
			continue;
		const char *code = verdict == STUDENT_EXPECTED ? "clause.owner_student_expected"
		                   : verdict == PARENTS_EXPECTED ? "clause.owner_parents_expected"
		                                                 : "clause.ownership_by_parents";
		snprintf(c->loc, sizeof c->loc, "clauses[%zu].from", i);
		if (verdict == STUDENT_EXPECTED) {
			snprintf(c->nl, sizeof c->nl,
			         "Artikel \"%s\" legt een verantwoordelijkheid bij ouders, maar in %s "
			         "leerjaar %d draagt de leerling al %.0f%% van de verantwoordelijkheid; "
			         "maak de leerling eigenaar (of voeg een variant per leerjaar toe).",
			         cl->id, v->school_type, v->year, share * 100);
			snprintf(c->en, sizeof c->en,
			         "Clause \"%s\" gives a responsibility to the parents, but in %s year %d "
			         "the student already holds %.0f%% of the responsibility; make the "
			         "student the owner (or add a variant per school year).", cl->id,
			         v->school_type, v->year, share * 100);
		} else if (verdict == PARENTS_EXPECTED) {
			snprintf(c->nl, sizeof c->nl,
			         "Artikel \"%s\" legt een verantwoordelijkheid bij de leerling, maar in "
			         "%s leerjaar %d draagt de leerling pas %.0f%% van de "
			         "verantwoordelijkheid; laat ouders die nog dragen.",
			         cl->id, v->school_type, v->year, share * 100);
			snprintf(c->en, sizeof c->en,
			         "Clause \"%s\" gives a responsibility to the student, but in %s year %d "
			         "the student holds only %.0f%% of the responsibility; leave it with "
			         "the parents for now.", cl->id, v->school_type, v->year, share * 100);
		} else {
			snprintf(c->nl, sizeof c->nl,
			         "Artikel \"%s\" gaat over het eigenaarschap van de leerling, maar is "
			         "een toezegging van ouders.", cl->id);
			snprintf(c->en, sizeof c->en,
			         "Clause \"%s\" is about the student's ownership, but is a commitment "
			         "of the parents.", cl->id);
		}
		add(c->f, TRIAD_SEVERITY_WARNING, code, c->loc, c->nl, c->en);
	}
}

static void check_protocol(ctx *c)
{
	const triad_agreement_version *v = c->v;
	if (v->nprotocol == 0)
		add(c->f, TRIAD_SEVERITY_ERROR, "protocol.missing", "protocol",
		    "De overeenkomst heeft geen contactprotocol: ouders moeten weten wanneer en hoe "
		    "zij de school bereiken.",
		    "The agreement has no contact protocol: parents must know when and how to reach "
		    "the school.");
	for (size_t i = 0; i < v->nprotocol; i++) {
		const agr_protocol *p = &v->protocol[i];
		snprintf(c->loc, sizeof c->loc, "protocol[%zu]", i);
		if (p->staff_id) {
			if (triad_roster_staff(c->roster, p->staff_id))
				continue;
			snprintf(c->nl, sizeof c->nl,
			         "Contactpersoon \"%s\" voor \"%s\" staat niet in het leerlingbestand.",
			         p->staff_id, p->subject);
			snprintf(c->en, sizeof c->en,
			         "Contact \"%s\" for \"%s\" is not a staff member in the roster.",
			         p->staff_id, p->subject);
			add(c->f, TRIAD_SEVERITY_ERROR, "protocol.unknown_staff", c->loc, c->nl, c->en);
			continue;
		}
		bool any = false;
		for (size_t k = 0; k < triad_roster_staff_count(c->roster) && !any; k++)
			any = (triad_staff_roles(triad_roster_staff_at(c->roster, k)) &
			       p->staff_role) != 0;
		if (any)
			continue;
		const char *role = triad_staff_role_id((triad_staff_role)p->staff_role);
		snprintf(c->nl, sizeof c->nl,
		         "Voor \"%s\" is de rol \"%s\" het aanspreekpunt, maar niemand in het "
		         "leerlingbestand heeft die rol.", p->subject, role ? role : "?");
		snprintf(c->en, sizeof c->en,
		         "\"%s\" goes to the role \"%s\", but nobody in the roster has that role.",
		         p->subject, role ? role : "?");
		add(c->f, TRIAD_SEVERITY_WARNING, "protocol.no_staff_with_role", c->loc, c->nl,
		    c->en);
	}
}

static void check_signatures(ctx *c, const char *student)
{
	const triad_agreement_version *v = c->v;
	if (!student || !triad_roster_student(c->roster, student))
		return;
	for (size_t i = 0; i < v->nsignatures; i++) {
		const agr_signature *s = &v->signatures[i];
		triad_strlist *req = NULL;
		if (triad__agr_required_signers(&req, v, c->roster, c->opts->policy, s->date)) {
			if (triad_error_last()->code == TRIAD_ENOMEM)
				c->f->failed = 1;
			continue; /* e.g. a date before the birth date: nothing to judge */
		}
		bool ok = triad_strlist_contains(req, s->id);
		triad_strlist_free(req);
		if (ok)
			continue;
		char d[TRIAD_DATE_BUFSIZE];
		triad_date_format(s->date, d);
		snprintf(c->loc, sizeof c->loc, "signatures[%zu]", i);
		snprintf(c->nl, sizeof c->nl,
		         "\"%s\" tekende op %s, maar heeft volgens het leeftijdsbeleid op die datum "
		         "geen recht om te tekenen.", s->id, d);
		snprintf(c->en, sizeof c->en,
		         "\"%s\" signed on %s, but has no right to sign on that date under the age "
		         "policy.", s->id, d);
		add(c->f, TRIAD_SEVERITY_ERROR, "signature.no_right", c->loc, c->nl, c->en);
	}
}

static void check_validity(ctx *c)
{
	const triad_agreement_version *v = c->v;
	if (!v->has_validity) {
		add(c->f, TRIAD_SEVERITY_ERROR, "validity.missing", "",
		    "De overeenkomst heeft geen geldigheidsperiode.",
		    "The agreement has no period of validity.");
		return;
	}
	/* The school year runs from 1 August to 31 July. */
	int y, m, d;
	triad__civil_from_days(v->valid_from, &y, &m, &d);
	int start = m >= 8 ? y : y - 1;
	triad_date end = triad__days_from_civil(start + 1, 7, 31);
	if (v->valid_to <= end)
		return;
	char f[TRIAD_DATE_BUFSIZE], t[TRIAD_DATE_BUFSIZE];
	triad_date_format(v->valid_from, f);
	triad_date_format(v->valid_to, t);
	snprintf(c->nl, sizeof c->nl,
	         "De periode %s tot en met %s valt buiten schooljaar %d-%d (1 augustus tot en met "
	         "31 juli); een overeenkomst geldt één schooljaar en wordt jaarlijks herzien.",
	         f, t, start, start + 1);
	snprintf(c->en, sizeof c->en,
	         "The period %s to %s runs outside school year %d-%d (1 August to 31 July); an "
	         "agreement holds for one school year and is reviewed yearly.", f, t, start,
	         start + 1);
	add(c->f, TRIAD_SEVERITY_WARNING, "validity.outside_school_year", "valid_to", c->nl,
	    c->en);
}

int triad_agreement_validate(triad_agreement_findings **out, const triad_agreement *a,
                             const triad_roster *roster,
                             const triad_agreement_check_options *opts, triad_date as_of)
{
	if (!out || !a || !roster)
		return triad__err(TRIAD_EINVAL, "triad_agreement_validate: %s is NULL",
		                  !out ? "out" : !a ? "the agreement" : "the roster");
	triad_agreement_check_options defaults = TRIAD_AGREEMENT_CHECK_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (opts->version < 1 || opts->version > TRIAD_AGREEMENT_CHECK_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL, "triad_agreement_validate: unknown options version %u",
		                  opts->version);
	if (!(opts->ownership_threshold >= 0.0 && opts->ownership_threshold <= 1.0))
		return triad__err(TRIAD_EINVAL,
		                  "triad_agreement_validate: the ownership threshold %g is outside 0..1",
		                  opts->ownership_threshold);
	ctx *c = triad__calloc(1, sizeof *c);
	if (!c)
		return TRIAD_ENOMEM;
	triad_schooltypes *own_types = NULL;
	if (!opts->types && triad_schooltypes_new(&own_types)) {
		triad__free(c);
		return TRIAD_ENOMEM;
	}
	c->f = triad__calloc(1, sizeof *c->f);
	if (!c->f) {
		triad_schooltypes_free(own_types);
		triad__free(c);
		return TRIAD_ENOMEM;
	}
	c->v = triad__agr_latest(a);
	c->roster = roster;
	c->opts = opts;
	c->types = opts->types ? opts->types : own_types;
	c->on = c->v->has_validity ? c->v->valid_from : as_of;
	const char *student = triad_agreement_version_student_id(c->v);

	check_parties(c, student);
	check_commitments(c);
	check_clauses(c);
	check_ownership(c, student);
	check_protocol(c);
	check_signatures(c, student);
	check_validity(c);

	triad_schooltypes_free(own_types);
	triad_agreement_findings *f = c->f;
	triad__free(c);
	if (f->failed) {
		triad_agreement_findings_free(f);
		return triad__nomem();
	}
	/* The roster lookups above record "not found" errors; the call succeeded. */
	triad_error_clear();
	*out = f;
	return 0;
}
