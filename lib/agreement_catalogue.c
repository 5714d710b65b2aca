/*
 * The built-in catalogue of standard clauses, in Dutch and English, and
 * starting an agreement for a student from the roster and the catalogue.
 *
 * The texts follow the themes of the research on parental involvement in
 * Dutch secondary schools (shared/seeds): expectations made explicit and
 * mutual; contact that is proactive and positive rather than only about
 * problems; an early introduction; the student invited to every
 * conversation and growing in ownership (eigenaarschap); parents who know
 * when and how to reach the school, independent of the individual mentor.
 * Ids are stable: never change their meaning, only append.
 */
#include <string.h>

#include "agreement_private.h"
#include "roster_private.h"

typedef struct cat_variant {
	int year_from, year_to;
	triad_party_role from;
	const char *nl, *en;
} cat_variant;

typedef struct cat_clause {
	const char *id;
	triad_agreement_section section;
	triad_category category;
	triad_party_role from, to;
	const char *nl, *en;
	triad_commitment_kind kind;
	triad_contact_kind contact;
	int count; /* min_count */
	triad_period period;
	int weeks; /* max_interval */
	int days;  /* response_time */
	cat_variant variant; /* year_from 0: none */
} cat_clause;

#define NO_VARIANT { 0, 0, TRIAD_PARTY_NONE, NULL, NULL }
#define NO_COMMITMENT TRIAD_COMMITMENT_NONE, TRIAD_CONTACT_NONE, 0, TRIAD_PERIOD_NONE, 0, 0

static const cat_clause catalogue[] = {
	/* ---- the school's aims and values ---- */
	{ "aims.student_development", TRIAD_SECTION_AIMS, TRIAD_CATEGORY_OWNERSHIP,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_ALL,
	  "School, ouders en leerling werken samen aan één doel: de ontwikkeling van de "
	  "leerling. Stap voor stap krijgt de leerling meer verantwoordelijkheid voor de eigen "
	  "ontwikkeling, op weg naar een zelfstandige, verantwoordelijke burger.",
	  "School, parents and student work together towards one goal: the student's "
	  "development. Step by step the student takes more responsibility for their own "
	  "development, on the way to becoming an independent, responsible citizen.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "aims.mutual_expectations", TRIAD_SECTION_AIMS, TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_ALL,
	  "Ouders kennen hun kind het best; de school brengt vakkennis in. Daarom leggen we "
	  "vast wat we van elkaar mogen verwachten, thuis en op school, en stemmen we onze "
	  "aanpak op elkaar af.",
	  "Parents know their child best; the school brings professional knowledge. That is "
	  "why we write down what we may expect from each other, at home and at school, and "
	  "align how we approach the student.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "aims.not_a_condition", TRIAD_SECTION_AIMS, TRIAD_CATEGORY_PARTNERSHIP,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_ALL,
	  "Deze overeenkomst is geen voorwaarde voor toelating en geen juridisch contract. Zij "
	  "beschrijft hoe we samenwerken, en we bespreken haar elk schooljaar opnieuw.",
	  "This agreement is not a condition of admission and not a legal contract. It "
	  "describes how we work together, and we review it every school year.",
	  NO_COMMITMENT, NO_VARIANT },

	/* ---- what the school commits to ---- */
	{ "school.introduction", TRIAD_SECTION_SCHOOL, TRIAD_CATEGORY_INVOLVEMENT_SCHOOL,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "In de eerste weken van het schooljaar nodigt de mentor de ouders en de leerling uit "
	  "voor een kennismakingsgesprek, zodat we elkaar kennen voordat er iets te bespreken "
	  "valt.",
	  "In the first weeks of the school year the mentor invites the parents and the student "
	  "to an introductory meeting, so that we know each other before there is anything to "
	  "discuss.",
	  TRIAD_COMMITMENT_MIN_COUNT, TRIAD_CONTACT_INTAKE, 1, TRIAD_PERIOD_SCHOOL_YEAR, 0, 0,
	  NO_VARIANT },
	{ "school.contact_person", TRIAD_SECTION_SCHOOL, TRIAD_CATEGORY_PARTNERSHIP,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "Elke leerling heeft een mentor als vast aanspreekpunt voor ouders. Is de mentor "
	  "afwezig, dan neemt een vaste vervanger het contact over: goed contact hangt niet "
	  "af van één persoon.",
	  "Every student has a mentor as the parents' regular contact person. When the mentor "
	  "is away, a named substitute takes over: good contact does not depend on one person.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "school.positive_contact", TRIAD_SECTION_SCHOOL, TRIAD_CATEGORY_INVOLVEMENT_DEVELOPMENT_SUPPORT,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "De school neemt ook contact op als het goed gaat: minstens twee keer per schooljaar "
	  "laten we ouders weten wat hun kind kan en geleerd heeft.",
	  "The school also gets in touch when things go well: at least twice a school year we "
	  "tell parents what their child can do and has learned.",
	  TRIAD_COMMITMENT_MIN_COUNT, TRIAD_CONTACT_POSITIVE_NOTE, 2, TRIAD_PERIOD_SCHOOL_YEAR, 0,
	  0, NO_VARIANT },
	{ "school.regular_contact", TRIAD_SECTION_SCHOOL, TRIAD_CATEGORY_INVOLVEMENT_SCHOOL,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "De mentor spreekt de ouders minstens eens per tien schoolweken, ook als er geen "
	  "zorgen zijn.",
	  "The mentor talks with the parents at least once every ten school weeks, also when "
	  "there are no concerns.",
	  TRIAD_COMMITMENT_MAX_INTERVAL, TRIAD_CONTACT_MENTOR_CALL, 0, TRIAD_PERIOD_NONE, 10, 0,
	  NO_VARIANT },
	{ "school.conferences", TRIAD_SECTION_SCHOOL, TRIAD_CATEGORY_INVOLVEMENT_SCHOOL,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "Na de rapportperiodes organiseert de school tienminutengesprekken met de docenten, "
	  "minstens twee keer per schooljaar.",
	  "After the report periods the school holds ten-minute conferences with the teachers, "
	  "at least twice a school year.",
	  TRIAD_COMMITMENT_MIN_COUNT, TRIAD_CONTACT_CONFERENCE, 2, TRIAD_PERIOD_SCHOOL_YEAR, 0, 0,
	  NO_VARIANT },
	{ "school.student_invited", TRIAD_SECTION_SCHOOL, TRIAD_CATEGORY_OWNERSHIP,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_ALL,
	  "De leerling wordt uitgenodigd voor elk gesprek tussen school en ouders. Het gaat "
	  "over de leerling, dus praat de leerling mee.",
	  "The student is invited to every conversation between school and parents. It is "
	  "about the student, so the student takes part.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "school.early_concern", TRIAD_SECTION_SCHOOL, TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "Maakt de school zich zorgen over resultaten, verzuim of welbevinden, dan nemen we "
	  "binnen twee schooldagen contact op met ouders en leerling, voordat een probleem "
	  "groot wordt. Teleurstellingen bespreken we samen.",
	  "When the school is concerned about results, absence or wellbeing, we contact the "
	  "parents and the student within two school days, before a problem grows. We discuss "
	  "disappointments together.",
	  TRIAD_COMMITMENT_RESPONSE_TIME, TRIAD_CONTACT_CONCERN, 0, TRIAD_PERIOD_NONE, 0, 2,
	  NO_VARIANT },
	{ "school.progress_information", TRIAD_SECTION_SCHOOL,
	  TRIAD_CATEGORY_INVOLVEMENT_DEVELOPMENT_SUPPORT, TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "De school houdt ouders en leerling op de hoogte van voortgang, toetsen en keuzes in "
	  "de schoolloopbaan, zodat er thuis over school gepraat kan worden.",
	  "The school keeps parents and student informed about progress, tests and choices in "
	  "the school career, so that school can be talked about at home.",
	  NO_COMMITMENT, NO_VARIANT },

	/* ---- what parents commit to ---- */
	{ "parents.interest", TRIAD_SECTION_PARENTS, TRIAD_CATEGORY_INVOLVEMENT_HOME,
	  TRIAD_PARTY_GUARDIAN, TRIAD_PARTY_SCHOOL,
	  "Wij tonen belangstelling voor de schoolloopbaan van ons kind en praten thuis over "
	  "school, ook over wat goed gaat.",
	  "We show interest in our child's school career and talk about school at home, also "
	  "about what goes well.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "parents.attend", TRIAD_SECTION_PARENTS, TRIAD_CATEGORY_INVOLVEMENT_SCHOOL,
	  TRIAD_PARTY_GUARDIAN, TRIAD_PARTY_SCHOOL,
	  "Wij komen naar het kennismakingsgesprek en naar de gesprekken waarvoor de school ons "
	  "uitnodigt, en komen minstens één keer per schooljaar naar een driehoeksgesprek met "
	  "onze zoon of dochter en de mentor.",
	  "We attend the introductory meeting and the conversations the school invites us to, "
	  "and at least once a school year a triangle conversation with our son or daughter "
	  "and the mentor.",
	  TRIAD_COMMITMENT_MIN_COUNT, TRIAD_CONTACT_TRIANGLE, 1, TRIAD_PERIOD_SCHOOL_YEAR, 0, 0,
	  NO_VARIANT },
	{ "parents.share_information", TRIAD_SECTION_PARENTS, TRIAD_CATEGORY_PARTNERSHIP_PEDAGOGICAL,
	  TRIAD_PARTY_GUARDIAN, TRIAD_PARTY_SCHOOL,
	  "Wij laten de school tijdig weten wat van belang is voor het leren en het welbevinden "
	  "van ons kind, zoals veranderingen thuis of in de gezondheid.",
	  "We tell the school in good time what matters for our child's learning and "
	  "wellbeing, such as changes at home or in health.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "parents.reachable", TRIAD_SECTION_PARENTS, TRIAD_CATEGORY_INVOLVEMENT_SCHOOL,
	  TRIAD_PARTY_GUARDIAN, TRIAD_PARTY_SCHOOL,
	  "Wij zorgen dat de school ons kan bereiken en geven een nieuw telefoonnummer, "
	  "e-mailadres of adres direct door.",
	  "We make sure the school can reach us and pass on a new phone number, e-mail "
	  "address or address straight away.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "parents.homework", TRIAD_SECTION_PARENTS, TRIAD_CATEGORY_RESPONSIBILITY,
	  TRIAD_PARTY_GUARDIAN, TRIAD_PARTY_SCHOOL,
	  "Wij helpen ons kind het huiswerk te plannen en kijken samen of de planning gehaald "
	  "wordt.",
	  "We help our child plan homework and check together whether the plan is kept.",
	  NO_COMMITMENT,
	  { 3, TRIAD_SCHOOLTYPE_MAX_YEARS, TRIAD_PARTY_STUDENT,
	    "Ik plan mijn huiswerk zelf en houd mijn planning bij; mijn ouders vragen ernaar "
	    "en helpen als ik daarom vraag.",
	    "I plan my homework myself and keep to my plan; my parents ask about it and help "
	    "when I ask them to." } },

	/* ---- what the student commits to ---- */
	{ "student.effort", TRIAD_SECTION_STUDENT, TRIAD_CATEGORY_OWNERSHIP,
	  TRIAD_PARTY_STUDENT, TRIAD_PARTY_ALL,
	  "Ik zet me in voor mijn schoolwerk, kom op tijd en heb mijn spullen bij me.",
	  "I put effort into my schoolwork, arrive on time and bring what I need.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "student.conversations", TRIAD_SECTION_STUDENT, TRIAD_CATEGORY_OWNERSHIP,
	  TRIAD_PARTY_STUDENT, TRIAD_PARTY_ALL,
	  "Ik doe mee aan de gesprekken over mij en vertel wat goed gaat en wat lastig is.",
	  "I take part in the conversations about me and say what goes well and what is "
	  "difficult.",
	  NO_COMMITMENT,
	  { 3, TRIAD_SCHOOLTYPE_MAX_YEARS, TRIAD_PARTY_STUDENT,
	    "Ik bereid de gesprekken over mij voor en leid het driehoeksgesprek met mijn ouders "
	    "en mentor zelf.",
	    "I prepare the conversations about me and lead the triangle conversation with my "
	    "parents and mentor myself." } },
	{ "student.ask_for_help", TRIAD_SECTION_STUDENT, TRIAD_CATEGORY_OWNERSHIP,
	  TRIAD_PARTY_STUDENT, TRIAD_PARTY_SCHOOL,
	  "Als ik hulp nodig heb, vraag ik die op tijd aan mijn mentor of docent.",
	  "When I need help, I ask my mentor or teacher for it in good time.",
	  NO_COMMITMENT, NO_VARIANT },
	{ "student.share_at_home", TRIAD_SECTION_STUDENT, TRIAD_CATEGORY_INVOLVEMENT_HOME,
	  TRIAD_PARTY_STUDENT, TRIAD_PARTY_GUARDIAN,
	  "Ik vertel thuis over school: over cijfers, afspraken en wat ik geleerd heb.",
	  "I talk about school at home: about marks, arrangements and what I have learned.",
	  NO_COMMITMENT, NO_VARIANT },

	/* ---- contact protocol ---- */
	{ "protocol.how_to_reach", TRIAD_SECTION_PROTOCOL, TRIAD_CATEGORY_INVOLVEMENT_SCHOOL,
	  TRIAD_PARTY_SCHOOL, TRIAD_PARTY_GUARDIAN,
	  "In het contactprotocol hieronder staat per onderwerp wie u benadert, via welk kanaal, "
	  "en binnen hoeveel schooldagen u antwoord krijgt. Het geldt voor de hele school.",
	  "The contact protocol below says for each subject whom to contact, through which "
	  "channel, and within how many school days you get an answer. It holds for the whole "
	  "school.",
	  TRIAD_COMMITMENT_RESPONSE_TIME, TRIAD_CONTACT_NONE, 0, TRIAD_PERIOD_NONE, 0, 3,
	  NO_VARIANT },
};

enum { CATALOGUE_N = sizeof catalogue / sizeof catalogue[0] };

/* The default contact protocol: the mentor is the first contact; absence
 * and care go to the coordinator, complaints to the school leader. */
static const struct {
	const char *subject;
	unsigned role;
	triad_channel channel;
	int days;
} default_protocol[] = {
	{ "study_progress", TRIAD_STAFF_MENTOR, TRIAD_CHANNEL_EMAIL, 3 },
	{ "absence", TRIAD_STAFF_COORDINATOR, TRIAD_CHANNEL_PHONE, 1 },
	{ "wellbeing", TRIAD_STAFF_MENTOR, TRIAD_CHANNEL_PHONE, 2 },
	{ "care", TRIAD_STAFF_COORDINATOR, TRIAD_CHANNEL_IN_PERSON, 3 },
	{ "complaints", TRIAD_STAFF_SCHOOL_LEADER, TRIAD_CHANNEL_EMAIL, 5 },
	{ "other", TRIAD_STAFF_MENTOR, TRIAD_CHANNEL_EMAIL, 3 },
};

size_t triad_catalogue_count(void)
{
	return CATALOGUE_N;
}

const char *triad_catalogue_id_at(size_t index)
{
	if (index >= CATALOGUE_N) {
		triad__err(TRIAD_EINVAL, "catalogue index %zu is out of range (%d clauses)", index,
		           (int)CATALOGUE_N);
		return NULL;
	}
	return catalogue[index].id;
}

int triad_catalogue_find(size_t *out, const char *id)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "triad_catalogue_find: %s is NULL",
		                  !out ? "out" : "the id");
	for (size_t i = 0; i < CATALOGUE_N; i++)
		if (strcmp(catalogue[i].id, id) == 0) {
			*out = i;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND, "\"%.80s\" is not a clause of the catalogue", id);
}

triad_agreement_section triad_catalogue_section(size_t index)
{
	return index < CATALOGUE_N ? catalogue[index].section : TRIAD_SECTION_NONE;
}

const char *triad_catalogue_text(size_t index, triad_lang lang)
{
	if (index >= CATALOGUE_N || (lang != TRIAD_LANG_NL && lang != TRIAD_LANG_EN)) {
		triad__err(TRIAD_EINVAL, "catalogue index %zu or language %d is invalid", index,
		           (int)lang);
		return NULL;
	}
	return lang == TRIAD_LANG_NL ? catalogue[index].nl : catalogue[index].en;
}

int triad__agr_catalogue_add(triad_agreement_version *v, size_t index)
{
	const cat_clause *k = &catalogue[index];
	triad_clause *c = triad__agr_clause_new(k->id);
	if (!c)
		return TRIAD_ENOMEM;
	c->section = k->section;
	c->category = k->category;
	c->from.role = k->from;
	c->to.role = k->to;
	c->commit.kind = k->kind;
	c->commit.contact = k->contact;
	c->commit.count = k->count;
	c->commit.period = k->period;
	c->commit.weeks = k->weeks;
	c->commit.days = k->days;
	if (!(c->text.nl = triad__strdup(k->nl)) || !(c->text.en = triad__strdup(k->en)))
		goto fail;
	if (k->variant.year_from) {
		c->variants = triad__calloc(1, sizeof *c->variants);
		if (!c->variants)
			goto fail;
		c->cvariants = c->nvariants = 1;
		agr_variant *var = &c->variants[0];
		var->year_from = k->variant.year_from;
		var->year_to = k->variant.year_to;
		var->from.role = k->variant.from;
		if (!(var->text.nl = triad__strdup(k->variant.nl)) ||
		    !(var->text.en = triad__strdup(k->variant.en)))
			goto fail;
	}
	if (triad__agr_add_clause(v, c))
		goto fail;
	return 0;
fail:
	triad__agr_clause_free(c);
	return TRIAD_ENOMEM;
}

int triad__agr_default_protocol(triad_agreement_version *v)
{
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(default_protocol); i++)
		if (triad__agr_add_protocol(v, default_protocol[i].subject, default_protocol[i].role,
		                            NULL, default_protocol[i].channel,
		                            default_protocol[i].days))
			return TRIAD_ENOMEM;
	return 0;
}

/* ---- starting an agreement ---- */

int triad_agreement_start_options_init(triad_agreement_start_options *opts,
                                       unsigned version)
{
	if (!opts || version != TRIAD_AGREEMENT_START_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "triad_agreement_start_options_init: %s (this library knows "
		                  "version %d)", !opts ? "opts is NULL" : "unknown version",
		                  TRIAD_AGREEMENT_START_OPTIONS_VERSION);
	triad_agreement_start_options init = TRIAD_AGREEMENT_START_OPTIONS_INIT;
	*opts = init;
	return 0;
}

int triad_agreement_start(triad_agreement **out, const char *id, const triad_roster *roster,
                          const char *student_id, const char *staff_id,
                          const triad_agreement_start_options *opts)
{
	if (!out || !roster || !student_id || !staff_id || !opts)
		return triad__err(TRIAD_EINVAL, "triad_agreement_start: %s is NULL",
		                  !out ? "out" : !roster ? "the roster"
		                  : !student_id ? "the student id" : !staff_id ? "the staff id"
		                  : "opts");
	if (opts->version < 1 || opts->version > TRIAD_AGREEMENT_START_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL, "triad_agreement_start: unknown options version %u",
		                  opts->version);
	if (opts->school_year < 1 || opts->school_year > 9998)
		return triad__err(TRIAD_EINVAL,
		                  "triad_agreement_start: the school year %d is outside 1..9998 "
		                  "(give the calendar year in which it starts)", opts->school_year);
	const triad_student *st = triad_roster_student(roster, student_id);
	if (!st)
		return triad_error_last()->code;
	if (!triad_roster_staff(roster, staff_id))
		return triad_error_last()->code;
	triad_date first = triad__days_from_civil(opts->school_year, 8, 1);
	triad_strlist *signers = NULL;
	int rc = triad_policy_signers(&signers, roster, opts->policy, student_id, first);
	if (rc)
		return rc;
	triad_agreement *a = NULL;
	if ((rc = triad_agreement_new(&a, id))) {
		triad_strlist_free(signers);
		return rc;
	}
	triad_agreement_version *v = triad__agr_latest(a);
	v->has_validity = true;
	v->valid_from = first;
	v->valid_to = triad__days_from_civil(opts->school_year + 1, 7, 31);
	v->year = triad_student_year(st);
	if (!(v->school_type = triad__strdup(triad_student_school_type(st))) ||
	    triad__agr_add_party(v, TRIAD_PARTY_STUDENT, student_id))
		goto nomem;
	/* The signers list starts with the student; the guardians follow. */
	for (size_t i = 0; i < triad_strlist_count(signers); i++) {
		const char *g = triad_strlist_at(signers, i);
		if (strcmp(g, student_id) != 0 && triad__agr_add_party(v, TRIAD_PARTY_GUARDIAN, g))
			goto nomem;
	}
	bool guardians = v->nparties > 1;
	if (triad__agr_add_party(v, TRIAD_PARTY_SCHOOL, staff_id))
		goto nomem;
	if (opts->with_catalogue) {
		for (size_t i = 0; i < CATALOGUE_N; i++) {
			/* Without guardians who sign (an adult who chose none, or a
			 * student without guardians) clauses to or from parents have
			 * nobody to bind. */
			if (!guardians && (catalogue[i].from == TRIAD_PARTY_GUARDIAN ||
			                   catalogue[i].to == TRIAD_PARTY_GUARDIAN))
				continue;
			if (triad__agr_catalogue_add(v, i))
				goto nomem;
		}
		if (triad__agr_default_protocol(v))
			goto nomem;
	}
	triad_strlist_free(signers);
	*out = a;
	return 0;
nomem:
	triad_strlist_free(signers);
	triad_agreement_free(a);
	return TRIAD_ENOMEM;
}

/* ---- renewing: next year's agreement ---- */

static bool clause_names(const triad_agreement_version *v, const char *id)
{
	for (size_t i = 0; i < v->nclauses; i++) {
		const triad_clause *c = v->clauses[i];
		if ((c->from.id && strcmp(c->from.id, id) == 0) ||
		    (c->to.id && strcmp(c->to.id, id) == 0))
			return true;
		for (size_t k = 0; k < c->nvariants; k++)
			if (c->variants[k].from.id && strcmp(c->variants[k].from.id, id) == 0)
				return true;
	}
	return false;
}

int triad_agreement_renew(triad_agreement **out, const triad_agreement *a, const char *id,
                          const triad_roster *roster, int school_year,
                          const triad_policy_options *policy)
{
	if (!out || !a || !roster)
		return triad__err(TRIAD_EINVAL, "triad_agreement_renew: %s is NULL",
		                  !out ? "out" : !a ? "the agreement" : "the roster");
	if (school_year < 1 || school_year > 9998)
		return triad__err(TRIAD_EINVAL,
		                  "triad_agreement_renew: the school year %d is outside 1..9998",
		                  school_year);
	const triad_agreement_version *old = triad__agr_latest(a);
	const char *student_id = triad_agreement_version_student_id(old);
	if (!student_id)
		return triad__err(TRIAD_ENOTFOUND,
		                  "agreement \"%s\" has no student party to renew it for", a->id);
	const triad_student *st = triad_roster_student(roster, student_id);
	if (!st)
		return triad_error_last()->code;
	/* The student moves up a year, within the school type. */
	const char *type = old->school_type ? old->school_type : triad_student_school_type(st);
	int year = old->year ? old->year + 1 : triad_student_year(st);
	int years = 0;
	int rc = triad_schooltypes_years(roster->types, type, &years);
	if (rc)
		return rc;
	if (year > years)
		year = years;
	triad_date first = triad__days_from_civil(school_year, 8, 1);
	triad_strlist *signers = NULL;
	if ((rc = triad_policy_signers(&signers, roster, policy, student_id, first)))
		return rc;
	triad_agreement *na = NULL;
	if ((rc = triad_agreement_new(&na, id))) {
		triad_strlist_free(signers);
		return rc;
	}
	triad_agreement_version *v = triad__agr_version_copy(old, 1);
	if (!v)
		goto nomem;
	/* The copy's parties are replaced by this year's. */
	for (size_t i = 0; i < v->nparties; i++)
		triad__free(v->parties[i].id);
	v->nparties = 0;
	triad__agr_version_free(na->versions[0]);
	na->versions[0] = v;
	v->has_validity = true;
	v->valid_from = first;
	v->valid_to = triad__days_from_civil(school_year + 1, 7, 31);
	v->year = year;
	if (!old->school_type && !(v->school_type = triad__strdup(type)))
		goto nomem;
	if (triad__agr_add_party(v, TRIAD_PARTY_STUDENT, student_id))
		goto nomem;
	for (size_t i = 0; i < triad_strlist_count(signers); i++) {
		const char *g = triad_strlist_at(signers, i);
		if (strcmp(g, student_id) != 0 && triad__agr_add_party(v, TRIAD_PARTY_GUARDIAN, g))
			goto nomem;
	}
	for (size_t i = 0; i < old->nparties; i++) {
		const agr_party *p = &old->parties[i];
		if (p->role == TRIAD_PARTY_STUDENT || triad__agr_party(v, p->id))
			continue;
		/* A guardian a clause names keeps the clause meaningful. */
		if (p->role == TRIAD_PARTY_GUARDIAN && !clause_names(old, p->id))
			continue;
		if (triad__agr_add_party(v, p->role, p->id))
			goto nomem;
	}
	triad_strlist_free(signers);
	*out = na;
	return 0;
nomem:
	triad_strlist_free(signers);
	triad_agreement_free(na);
	return TRIAD_ENOMEM;
}
