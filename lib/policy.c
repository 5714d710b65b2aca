/* The age policy: who consents, who signs and who is informed on a date. */
#include <string.h>

#include "roster_private.h"

int triad_policy_options_init(triad_policy_options *opts, unsigned version)
{
	if (!opts)
		return triad__err(TRIAD_EINVAL, "triad_policy_options_init: opts is NULL");
	if (version < 1 || version > TRIAD_POLICY_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "the policy options have version %u; this libtriad knows "
		                  "versions 1..%d", version, TRIAD_POLICY_OPTIONS_VERSION);
	triad_policy_options init = TRIAD_POLICY_OPTIONS_INIT;
	*opts = init;
	return 0;
}

/* The state of one student on one date, shared by every query. */
typedef struct stage {
	const triad_student *student;
	int age;
	bool consents_self; /* from the consent age */
	bool adult;         /* from the age of majority */
	triad_relation **rels; /* sorted: contact priority, then guardian order */
} stage;

static int check_options(const triad_policy_options *o)
{
	if (o->version < 1 || o->version > TRIAD_POLICY_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "the policy options have version %u; this libtriad knows "
		                  "versions 1..%d (use TRIAD_POLICY_OPTIONS_INIT)",
		                  o->version, TRIAD_POLICY_OPTIONS_VERSION);
	if (o->majority_age < 1 || o->majority_age > 30)
		return triad__err(TRIAD_EINVAL,
		                  "the policy's majority_age %d is outside 1..30", o->majority_age);
	if (o->consent_age < 1 || o->consent_age > o->majority_age)
		return triad__err(TRIAD_EINVAL,
		                  "the policy's consent_age %d is outside 1..majority_age (%d)",
		                  o->consent_age, o->majority_age);
	return 0;
}

static int stage_open(stage *st, const triad_roster *r, const triad_policy_options *opts,
                      const char *student_id, triad_date on, bool need_rels)
{
	static const triad_policy_options defaults = TRIAD_POLICY_OPTIONS_INIT;
	memset(st, 0, sizeof *st);
	if (!r || !student_id)
		return triad__err(TRIAD_EINVAL, "age policy: the roster or student id is NULL");
	if (!opts)
		opts = &defaults;
	int rc = check_options(opts);
	if (rc)
		return rc;
	const triad_student *s = triad_roster_student(r, student_id);
	if (!s)
		return TRIAD_ENOTFOUND;
	if (on < s->birth_date || !triad__date_in_range(on)) {
		char d[TRIAD_DATE_BUFSIZE] = "?";
		triad_date_format(s->birth_date, d);
		return triad__err(TRIAD_EINVAL,
		                  "age policy: the as-of date is not a date on or after "
		                  "student \"%s\"'s birth date %s", s->id, d);
	}
	st->student = s;
	if ((rc = triad_date_age(&st->age, s->birth_date, on)))
		return rc;
	st->consents_self = st->age >= opts->consent_age;
	st->adult = st->age >= opts->majority_age;
	if (need_rels && s->nrels) {
		st->rels = triad__calloc(s->nrels, sizeof *st->rels);
		if (!st->rels)
			return TRIAD_ENOMEM;
		triad__roster_sorted_relations(s, st->rels);
	}
	return 0;
}

static void stage_close(stage *st)
{
	triad__free(st->rels);
	st->rels = NULL;
}

/* Whom the stage entitles to consent: the student, or guardians with authority. */
static int add_consenters(triad_strlist *l, const stage *st)
{
	if (st->consents_self)
		return triad__strlist_add(l, st->student->id);
	int rc = 0;
	for (size_t i = 0; !rc && i < st->student->nrels; i++)
		if (st->rels[i]->authority)
			rc = triad__strlist_add(l, st->rels[i]->guardian->id);
	return rc;
}

typedef enum query { Q_CONSENT, Q_SIGN } query;

static int run_list(triad_strlist **out, const triad_roster *r,
                    const triad_policy_options *opts, const char *student_id,
                    triad_date on, query q)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "age policy: out is NULL");
	stage st;
	int rc = stage_open(&st, r, opts, student_id, on, true);
	if (rc) {
		stage_close(&st);
		return rc;
	}
	triad_strlist *l = triad__strlist_new();
	if (!l)
		rc = TRIAD_ENOMEM;
	else if (q == Q_CONSENT)
		rc = add_consenters(l, &st);
	else {
		/* The student always signs; then the parents with authority, or
		 * for an adult, the guardians the student chose. */
		rc = triad__strlist_add(l, st.student->id);
		for (size_t i = 0; !rc && i < st.student->nrels; i++) {
			const triad_relation *rel = st.rels[i];
			if (st.adult ? rel->adult_cosigns : rel->authority)
				rc = triad__strlist_add(l, rel->guardian->id);
		}
	}
	stage_close(&st);
	if (rc) {
		triad_strlist_free(l);
		return rc;
	}
	*out = l;
	return 0;
}

int triad_policy_consenters(triad_strlist **out, const triad_roster *r,
                            const triad_policy_options *opts, const char *student_id,
                            triad_date on)
{
	return run_list(out, r, opts, student_id, on, Q_CONSENT);
}

int triad_policy_signers(triad_strlist **out, const triad_roster *r,
                         const triad_policy_options *opts, const char *student_id,
                         triad_date on)
{
	return run_list(out, r, opts, student_id, on, Q_SIGN);
}

int triad_policy_informed(triad_strlist **out_full, triad_strlist **out_on_request,
                          const triad_roster *r, const triad_policy_options *opts,
                          const char *student_id, triad_date on)
{
	if (!out_full || !out_on_request)
		return triad__err(TRIAD_EINVAL, "triad_policy_informed: an out list is NULL");
	stage st;
	int rc = stage_open(&st, r, opts, student_id, on, true);
	if (rc) {
		stage_close(&st);
		return rc;
	}
	triad_strlist *full = triad__strlist_new();
	triad_strlist *req = full ? triad__strlist_new() : NULL;
	if (!req)
		rc = TRIAD_ENOMEM;
	for (size_t i = 0; !rc && i < st.student->nrels; i++) {
		const triad_relation *rel = st.rels[i];
		/* A recorded restriction holds at every age. */
		if (rel->info_rights == TRIAD_INFO_RESTRICTED)
			continue;
		if (st.adult) {
			if (rel->adult_informed)
				rc = triad__strlist_add(full, rel->guardian->id);
		} else if (rel->info_rights == TRIAD_INFO_FULL) {
			rc = triad__strlist_add(full, rel->guardian->id);
		} else {
			rc = triad__strlist_add(req, rel->guardian->id);
		}
	}
	stage_close(&st);
	if (rc) {
		triad_strlist_free(full);
		triad_strlist_free(req);
		return rc;
	}
	*out_full = full;
	*out_on_request = req;
	return 0;
}

int triad_policy_consent_in_force(int *out, const triad_roster *r,
                                  const triad_policy_options *opts, const char *student_id,
                                  const char *purpose, triad_date on)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_policy_consent_in_force: out is NULL");
	if (!triad__roster_purpose_valid(purpose))
		return triad__err(TRIAD_EINVAL,
		                  "the consent purpose must be 1..64 lower-case letters, digits, "
		                  "'_' or '-', such as \"photos\"");
	stage st;
	int rc = stage_open(&st, r, opts, student_id, on, true);
	triad_strlist *entitled = rc ? NULL : triad__strlist_new();
	if (!rc && !entitled)
		rc = TRIAD_ENOMEM;
	if (!rc)
		rc = add_consenters(entitled, &st);
	stage_close(&st);
	if (rc) {
		triad_strlist_free(entitled);
		return rc;
	}
	bool any_given = false, any_withdrawn = false;
	for (size_t p = 0; p < triad_strlist_count(entitled); p++) {
		const char *who = triad_strlist_at(entitled, p);
		const triad_consent *latest = NULL;
		for (size_t i = 0; i < st.student->nconsents; i++) {
			const triad_consent *c = st.student->consents[i];
			/* `>=`: of two records on one date, the one added later wins. */
			if (c->date <= on &&
			    strcmp(c->purpose, purpose) == 0 && strcmp(c->by_id, who) == 0 &&
			    (!latest || c->date >= latest->date))
				latest = c;
		}
		if (latest && latest->given)
			any_given = true;
		else if (latest)
			any_withdrawn = true;
	}
	triad_strlist_free(entitled);
	*out = any_given && !any_withdrawn;
	return 0;
}

int triad_policy_is_adult(int *out, const triad_roster *r, const triad_policy_options *opts,
                          const char *student_id, triad_date on)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_policy_is_adult: out is NULL");
	stage st;
	int rc = stage_open(&st, r, opts, student_id, on, false);
	if (rc)
		return rc;
	*out = st.adult;
	return 0;
}
