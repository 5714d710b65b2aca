/* The agreement's lifecycle: propose, withdraw, sign, activate, expire and
 * terminate, with only the legal transitions (see the table in
 * include/triad/agreement.h). A refused transition leaves everything as it was. */
#include <stdio.h>
#include <string.h>

#include "agreement_private.h"

static const char *state_id(triad_agreement_state s)
{
	return triad__agr_state_ids[s - 1];
}

static int refuse(const triad_agreement *a, const triad_agreement_version *v,
                  const char *what, const char *needs)
{
	return triad__err(TRIAD_ESTATE, "cannot %s agreement \"%s\": version %d is %s; %s", what,
	                  a->id, v->number, state_id(v->state), needs);
}

static void fmt_date(triad_date d, char *buf)
{
	if (triad_date_format(d, buf))
		strcpy(buf, "?");
}

const agr_signature *triad__agr_signature(const triad_agreement_version *v, const char *id)
{
	for (size_t i = 0; i < v->nsignatures; i++)
		if (strcmp(v->signatures[i].id, id) == 0)
			return &v->signatures[i];
	return NULL;
}

int triad__agr_required_signers(triad_strlist **out, const triad_agreement_version *v,
                                const triad_roster *roster,
                                const triad_policy_options *policy, triad_date on)
{
	const char *student = triad_agreement_version_student_id(v);
	if (!student)
		return triad__err(TRIAD_ENOTFOUND,
		                  "version %d has no student party, so nobody can be required "
		                  "to sign", v->number);
	triad_strlist *list = NULL;
	int rc = triad_policy_signers(&list, roster, policy, student, on);
	if (rc)
		return rc;
	for (size_t i = 0; i < v->nparties; i++)
		if (v->parties[i].role == TRIAD_PARTY_SCHOOL &&
		    (rc = triad__strlist_add_unique(list, v->parties[i].id))) {
			triad_strlist_free(list);
			return rc;
		}
	*out = list;
	return 0;
}

int triad_agreement_propose(triad_agreement *a, triad_date on)
{
	if (!a)
		return triad__err(TRIAD_EINVAL, "triad_agreement_propose: the agreement is NULL");
	if (!triad__date_in_range(on))
		return triad__err(TRIAD_EINVAL, "the proposal date lies outside years 1..9999");
	triad_agreement_version *v = triad__agr_latest(a);
	if (v->state != TRIAD_AGREEMENT_DRAFT)
		return refuse(a, v, "propose", "only a draft can be proposed");
	v->state = TRIAD_AGREEMENT_PROPOSED;
	v->has_proposed = true;
	v->proposed_on = on;
	return 0;
}

int triad_agreement_withdraw(triad_agreement *a)
{
	if (!a)
		return triad__err(TRIAD_EINVAL, "triad_agreement_withdraw: the agreement is NULL");
	triad_agreement_version *v = triad__agr_latest(a);
	if (v->state != TRIAD_AGREEMENT_PROPOSED)
		return refuse(a, v, "withdraw", "only a proposed version can go back to draft");
	/* Signatures were given for the text as proposed; a changed text needs new ones. */
	for (size_t i = 0; i < v->nsignatures; i++)
		triad__free(v->signatures[i].id);
	v->nsignatures = 0;
	v->state = TRIAD_AGREEMENT_DRAFT;
	v->has_proposed = false;
	v->proposed_on = 0;
	return 0;
}

int triad_agreement_sign(triad_agreement *a, const char *signer_id, triad_date on)
{
	if (!a || !signer_id)
		return triad__err(TRIAD_EINVAL, "triad_agreement_sign: %s is NULL",
		                  !a ? "the agreement" : "the signer id");
	if (!triad__date_in_range(on))
		return triad__err(TRIAD_EINVAL, "the signing date lies outside years 1..9999");
	triad_agreement_version *v = triad__agr_latest(a);
	if (v->state != TRIAD_AGREEMENT_PROPOSED)
		return refuse(a, v, "sign", "only a proposed version can be signed");
	const agr_party *p = triad__agr_party(v, signer_id);
	if (!p)
		return triad__err(TRIAD_ENOTFOUND,
		                  "\"%.80s\" is not a party of agreement \"%s\" and cannot sign it",
		                  signer_id, a->id);
	const agr_signature *s = triad__agr_signature(v, signer_id);
	if (s) {
		char d[TRIAD_DATE_BUFSIZE];
		fmt_date(s->date, d);
		return triad__err(TRIAD_EEXISTS, "\"%s\" already signed version %d on %s", signer_id,
		                  v->number, d);
	}
	if (on < v->proposed_on) {
		char d[TRIAD_DATE_BUFSIZE], p_on[TRIAD_DATE_BUFSIZE];
		fmt_date(on, d);
		fmt_date(v->proposed_on, p_on);
		return triad__err(TRIAD_ERANGE,
		                  "the signing date %s is before version %d was proposed (%s)", d,
		                  v->number, p_on);
	}
	return triad__agr_add_signature(v, signer_id, p->role, on);
}

int triad_agreement_activate(triad_agreement *a, const triad_roster *roster,
                             const triad_policy_options *policy, triad_date on)
{
	if (!a || !roster)
		return triad__err(TRIAD_EINVAL, "triad_agreement_activate: %s is NULL",
		                  !a ? "the agreement" : "the roster");
	if (!triad__date_in_range(on))
		return triad__err(TRIAD_EINVAL, "the activation date lies outside years 1..9999");
	triad_agreement_version *v = triad__agr_latest(a);
	if (v->state != TRIAD_AGREEMENT_PROPOSED)
		return refuse(a, v, "activate", "only a proposed, signed version can become active");
	char d[TRIAD_DATE_BUFSIZE], e[TRIAD_DATE_BUFSIZE];
	fmt_date(on, d);
	for (size_t i = 0; i < v->nsignatures; i++)
		if (v->signatures[i].date > on) {
			fmt_date(v->signatures[i].date, e);
			return triad__err(TRIAD_ERANGE,
			                  "the activation date %s is before \"%s\" signed (%s)", d,
			                  v->signatures[i].id, e);
		}
	if (on < v->proposed_on) {
		fmt_date(v->proposed_on, e);
		return triad__err(TRIAD_ERANGE,
		                  "the activation date %s is before version %d was proposed (%s)", d,
		                  v->number, e);
	}
	triad_agreement_version *old = triad__agr_active(a);
	if (old && on < old->activated_on) {
		fmt_date(old->activated_on, e);
		return triad__err(TRIAD_ERANGE,
		                  "the activation date %s is before version %d, which it replaces, "
		                  "became active (%s)", d, old->number, e);
	}
	if (v->has_validity && on > v->valid_to) {
		fmt_date(v->valid_to, e);
		return triad__err(TRIAD_ERANGE,
		                  "the activation date %s is after the validity ends (%s)", d, e);
	}
	triad_strlist *required = NULL;
	int rc = triad__agr_required_signers(&required, v, roster, policy, on);
	if (rc)
		return rc;
	/* Name everyone who is missing, so the school can chase them all at once. */
	char missing[400];
	size_t len = 0, nmissing = 0;
	missing[0] = '\0';
	for (size_t i = 0; i < triad_strlist_count(required); i++) {
		const char *id = triad_strlist_at(required, i);
		if (triad__agr_signature(v, id))
			continue;
		nmissing++;
		if (len < sizeof missing - 1) {
			int w = snprintf(missing + len, sizeof missing - len, "%s\"%s\"%s",
			                 nmissing > 1 ? ", " : "", id,
			                 triad__agr_party(v, id) ? "" : " (not a party)");
			len = w < 0 ? len : len + (size_t)w;
		}
	}
	triad_strlist_free(required);
	if (nmissing)
		return triad__err(TRIAD_ESTATE,
		                  "agreement \"%s\" version %d cannot become active on %s: %zu "
		                  "required signature%s missing: %s", a->id, v->number, d, nmissing,
		                  nmissing == 1 ? " is" : "s are", missing);
	if (old) {
		/* Superseded: in force until the day before the new version. */
		old->state = TRIAD_AGREEMENT_EXPIRED;
		old->has_ended = true;
		old->ended_on = on;
	}
	v->state = TRIAD_AGREEMENT_ACTIVE;
	v->has_activated = true;
	v->activated_on = on;
	return 0;
}

int triad_agreement_expire(triad_agreement *a, triad_date as_of)
{
	if (!a)
		return triad__err(TRIAD_EINVAL, "triad_agreement_expire: the agreement is NULL");
	triad_agreement_version *v = triad__agr_active(a);
	if (!v)
		return refuse(a, triad__agr_latest(a), "expire",
		              "only an active version can expire");
	if (!v->has_validity)
		return triad__err(TRIAD_ESTATE,
		                  "agreement \"%s\" version %d has no end date, so it cannot "
		                  "expire; terminate it instead", a->id, v->number);
	if (as_of <= v->valid_to) {
		char d[TRIAD_DATE_BUFSIZE], e[TRIAD_DATE_BUFSIZE];
		fmt_date(as_of, d);
		fmt_date(v->valid_to, e);
		return triad__err(TRIAD_ESTATE,
		                  "agreement \"%s\" version %d is valid until %s, so it has not "
		                  "expired on %s", a->id, v->number, e, d);
	}
	v->state = TRIAD_AGREEMENT_EXPIRED;
	v->has_ended = true;
	v->ended_on = v->valid_to + 1;
	return 0;
}

int triad_agreement_terminate(triad_agreement *a, triad_date on, const char *reason)
{
	if (!a)
		return triad__err(TRIAD_EINVAL, "triad_agreement_terminate: the agreement is NULL");
	int rc = triad__check_text(reason, "the reason for termination", true);
	if (rc)
		return rc;
	if (!triad__date_in_range(on))
		return triad__err(TRIAD_EINVAL, "the termination date lies outside years 1..9999");
	triad_agreement_version *v = triad__agr_active(a);
	if (!v)
		return refuse(a, triad__agr_latest(a), "terminate",
		              "only an active agreement can be terminated");
	if (on < v->activated_on) {
		char d[TRIAD_DATE_BUFSIZE], e[TRIAD_DATE_BUFSIZE];
		fmt_date(on, d);
		fmt_date(v->activated_on, e);
		return triad__err(TRIAD_ERANGE,
		                  "the termination date %s is before version %d became active (%s)",
		                  d, v->number, e);
	}
	triad_agreement_version *pending = triad__agr_latest(a);
	if (pending == v)
		pending = NULL;
	char *r1 = triad__strdup(reason);
	char *r2 = pending && r1 ? triad__strdup(reason) : NULL;
	if (!r1 || (pending && !r2)) {
		triad__free(r1);
		return TRIAD_ENOMEM;
	}
	v->state = TRIAD_AGREEMENT_TERMINATED;
	v->has_ended = true;
	v->ended_on = on;
	triad__free(v->end_reason);
	v->end_reason = r1;
	if (pending) {
		/* An amendment of an agreement that ends can never come into force. */
		pending->state = TRIAD_AGREEMENT_TERMINATED;
		pending->has_ended = true;
		pending->ended_on = on;
		triad__free(pending->end_reason);
		pending->end_reason = r2;
	}
	return 0;
}
