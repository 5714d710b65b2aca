/* The involvement taxonomy, Epstein's six types and the intensity scale. */
#include <string.h>

#include "triad_private.h"

typedef struct category_info {
	const char *id;
	triad_category parent;
	triad_intensity intensity;
	unsigned epstein; /* bit (1 << type) for each of Epstein's types */
	const char *name_nl;
	const char *name_en;
	const char *desc_nl;
	const char *desc_en;
} category_info;

#define E(t) (1u << TRIAD_EPSTEIN_##t)

/* Indexed by triad_category; entry 0 is "none". Listed in tree pre-order. */
static const category_info categories[] = {
	{ NULL, 0, 0, 0, NULL, NULL, NULL, NULL },
	{ "participation", TRIAD_CATEGORY_NONE, TRIAD_INTENSITY_MEEBESLISSEN,
	  E(VOLUNTEERING) | E(DECISION_MAKING),
	  "ouderparticipatie", "parent participation",
	  "Ouders zetten zich in voor de school als organisatie: praktisch, door te "
	  "helpen bij activiteiten, of bestuurlijk, door mee te denken en mee te "
	  "beslissen over het beleid. Participatie heeft vooral een indirect effect "
	  "op de leerling: meer contact en meer informeel gesprek over het kind.",
	  "Parents commit themselves to the school as an organisation: in practical "
	  "ways, by helping with activities, or formally, by thinking along and "
	  "co-deciding on school policy. Participation affects the student mainly "
	  "indirectly: more contact and more informal talk about the child." },
	{ "participation.informal", TRIAD_CATEGORY_PARTICIPATION,
	  TRIAD_INTENSITY_MEEHELPEN, E(VOLUNTEERING),
	  "informele ouderparticipatie", "informal participation",
	  "Ouders helpen de school praktisch, als vrijwilliger: in de mediatheek, "
	  "als begeleider of chauffeur bij een excursie, bij een schoolfeest. In het "
	  "voortgezet onderwijs komt dit minder voor dan in het basisonderwijs.",
	  "Parents help the school in practical ways, as volunteers: in the school "
	  "library, as a chaperone or driver on an excursion, at a school event. It "
	  "is less common in secondary than in primary education." },
	{ "participation.formal", TRIAD_CATEGORY_PARTICIPATION,
	  TRIAD_INTENSITY_MEEBESLISSEN, E(DECISION_MAKING),
	  "formele ouderparticipatie", "formal participation",
	  "Ouders denken mee en beslissen mee over het beleid van de school in "
	  "formele organen, zoals de ouderraad en de medezeggenschapsraad.",
	  "Parents think along and co-decide on school policy in formal bodies, "
	  "such as the parent council and the participation council." },
	{ "participation.formal.parent_council", TRIAD_CATEGORY_PARTICIPATION_FORMAL,
	  TRIAD_INTENSITY_MEEDENKEN, E(DECISION_MAKING),
	  "ouderraad", "parent council",
	  "De ouderraad (of oudervereniging) vertegenwoordigt de ouders, adviseert "
	  "de school gevraagd en ongevraagd en organiseert activiteiten; hij denkt "
	  "mee, maar beslist niet over het beleid.",
	  "The parent council (or parents' association) represents the parents, "
	  "advises the school whether asked or not and organises activities; it "
	  "thinks along but does not decide on policy." },
	{ "participation.formal.participation_council",
	  TRIAD_CATEGORY_PARTICIPATION_FORMAL, TRIAD_INTENSITY_MEEBESLISSEN,
	  E(DECISION_MAKING),
	  "medezeggenschapsraad", "participation council",
	  "In de medezeggenschapsraad (MR) beslissen ouders, leerlingen en personeel "
	  "wettelijk mee over het beleid van de school, met advies- en "
	  "instemmingsrecht.",
	  "In the participation council (medezeggenschapsraad, MR) parents, students "
	  "and staff co-decide on school policy by law, with rights of advice and "
	  "consent." },
	{ "responsibility", TRIAD_CATEGORY_NONE, TRIAD_INTENSITY_MEELEVEN,
	  E(PARENTING),
	  "ouderverantwoordelijkheid", "parental responsibility",
	  "De verantwoordelijkheid van de ouder voor het kind. Zij neemt af "
	  "naarmate de leerling zelfstandiger wordt en zelf verantwoordelijkheid "
	  "neemt voor zijn of haar ontwikkeling.",
	  "The parent's responsibility for the child. It decreases as the student "
	  "grows more independent and takes responsibility for his or her own "
	  "development." },
	{ "involvement", TRIAD_CATEGORY_NONE, TRIAD_INTENSITY_MEELEVEN,
	  E(PARENTING) | E(COMMUNICATING) | E(LEARNING_AT_HOME),
	  "ouderbetrokkenheid", "parental involvement",
	  "De betrokkenheid van ouders bij de ontwikkeling van hun eigen kind, thuis "
	  "en op school. Zij blijft in het voortgezet onderwijs hoog, ook als de "
	  "verantwoordelijkheid afneemt, en heeft een direct effect op de "
	  "schoolresultaten.",
	  "Parents' involvement in the development of their own child, at home and "
	  "at school. It stays high through secondary school, even as "
	  "responsibility decreases, and affects school results directly." },
	{ "involvement.home", TRIAD_CATEGORY_INVOLVEMENT, TRIAD_INTENSITY_MEELEVEN,
	  E(PARENTING) | E(LEARNING_AT_HOME),
	  "thuisbetrokkenheid", "involvement at home",
	  "Betrokkenheid thuis: belangstelling tonen, praten over school, een rustige "
	  "plek en tijd voor huiswerk, helpen plannen.",
	  "Involvement at home: showing interest, talking about school, a quiet "
	  "place and time for homework, help with planning." },
	{ "involvement.school", TRIAD_CATEGORY_INVOLVEMENT, TRIAD_INTENSITY_MEELEVEN,
	  E(COMMUNICATING),
	  "schoolbetrokkenheid", "involvement at school",
	  "Betrokkenheid op school: tienminutengesprekken en ouderavonden bijwonen, "
	  "contact houden met de mentor, reageren op berichten van school.",
	  "Involvement at school: attending ten-minute conferences and parents' "
	  "evenings, keeping in touch with the mentor, answering messages from the "
	  "school." },
	{ "involvement.development_support", TRIAD_CATEGORY_INVOLVEMENT,
	  TRIAD_INTENSITY_MEELEVEN, E(PARENTING) | E(LEARNING_AT_HOME),
	  "ontwikkelingsondersteuning", "development support",
	  "Ouders steunen de ontwikkeling van hun kind door aan te moedigen, "
	  "verwachtingen uit te spreken en thuis over school en toekomst te praten. "
	  "Deze vorm van betrokkenheid hangt het sterkst samen met "
	  "schoolresultaten.",
	  "Parents support their child's development by encouraging, voicing "
	  "expectations and talking at home about school and the future. This form "
	  "of involvement is the most closely linked to school results." },
	{ "partnership", TRIAD_CATEGORY_NONE, TRIAD_INTENSITY_MEEDENKEN,
	  E(PARENTING) | E(COMMUNICATING) | E(LEARNING_AT_HOME),
	  "educatief partnerschap", "educational partnership",
	  "Ouders en school werken als partners samen aan opvoeding en onderwijs van "
	  "de leerling, met gedeelde en uitgesproken verwachtingen; het omvat "
	  "pedagogisch en didactisch partnerschap.",
	  "Parents and school work together as partners on the student's upbringing "
	  "and learning, with shared and explicit expectations; it comprises "
	  "pedagogical and didactic partnership." },
	{ "partnership.pedagogical", TRIAD_CATEGORY_PARTNERSHIP,
	  TRIAD_INTENSITY_MEEDENKEN, E(PARENTING) | E(COMMUNICATING),
	  "pedagogisch partnerschap", "pedagogical partnership",
	  "Ouders en school stemmen af hoe zij de leerling thuis en in de klas "
	  "benaderen, en spreken uit wat zij van elkaar verwachten, bijvoorbeeld in "
	  "een ouder-kind-schoolovereenkomst.",
	  "Parents and school align how they approach the student at home and in "
	  "class, and say what they expect of each other, for example in a "
	  "parent-child-school agreement." },
	{ "partnership.didactic", TRIAD_CATEGORY_PARTNERSHIP,
	  TRIAD_INTENSITY_MEEDENKEN, E(COMMUNICATING) | E(LEARNING_AT_HOME),
	  "didactisch partnerschap", "didactic partnership",
	  "Ouders en school werken samen aan het leren van de leerling: de school "
	  "voedt het gesprek thuis over de lesstof, ouders weten wat er geleerd "
	  "wordt en hoe zij kunnen helpen.",
	  "Parents and school work together on the student's learning: the school "
	  "feeds the conversation at home about the subject matter, parents know "
	  "what is being learned and how they can help." },
	{ "ownership", TRIAD_CATEGORY_NONE, TRIAD_INTENSITY_MEEDENKEN,
	  E(LEARNING_AT_HOME),
	  "eigenaarschap", "student ownership",
	  "De leerling krijgt stap voor stap meer verantwoordelijkheid voor de eigen "
	  "ontwikkeling, op weg naar een zelfverantwoordelijke burger; de leerling "
	  "is standaard bij elk gesprek uitgenodigd en voert het gaandeweg zelf.",
	  "The student is given steadily more responsibility for his or her own "
	  "development, towards a self-responsible citizen; the student is invited "
	  "to every conversation by default and gradually leads it." },
};

#undef E

enum { CATEGORY_COUNT = TRIAD_ARRAY_LEN(categories) - 1 };

typedef struct named {
	const char *id;
	const char *name_nl;
	const char *name_en;
} named;

static const named epstein[] = {
	{ NULL, NULL, NULL },
	{ "parenting", "opvoeden", "parenting" },
	{ "communicating", "communiceren", "communicating" },
	{ "volunteering", "vrijwilligerswerk", "volunteering" },
	{ "learning_at_home", "thuis leren", "learning at home" },
	{ "decision_making", "besluitvorming", "decision making" },
	{ "collaborating_with_community", "samenwerken met de omgeving",
	  "collaborating with the community" },
};

static const named intensity[] = {
	{ NULL, NULL, NULL },
	{ "meeleven", "meeleven", "sympathise" },
	{ "meehelpen", "meehelpen", "help" },
	{ "meedenken", "meedenken", "think along" },
	{ "meebeslissen", "meebeslissen", "co-decide" },
};

static const char *pick(const char *nl, const char *en, triad_lang lang)
{
	if (lang == TRIAD_LANG_NL)
		return nl;
	if (lang == TRIAD_LANG_EN)
		return en;
	triad__err(TRIAD_EINVAL, "unknown language %d (use TRIAD_LANG_NL or TRIAD_LANG_EN)",
	           (int)lang);
	return NULL;
}

size_t triad_category_count(void)
{
	return CATEGORY_COUNT;
}

triad_category triad_category_at(size_t index)
{
	return index < CATEGORY_COUNT ? (triad_category)(index + 1) : TRIAD_CATEGORY_NONE;
}

int triad_category_valid(triad_category c)
{
	return c >= 1 && (size_t)c <= CATEGORY_COUNT;
}

static const category_info *info(triad_category c)
{
	if (!triad_category_valid(c)) {
		triad__err(TRIAD_EINVAL, "%d is not an involvement category (1..%d)",
		           (int)c, (int)CATEGORY_COUNT);
		return NULL;
	}
	return &categories[c];
}

const char *triad_category_id(triad_category c)
{
	const category_info *i = info(c);
	return i ? i->id : NULL;
}

int triad_category_from_id(triad_category *out, const char *id)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "triad_category_from_id: %s is NULL",
		                  !out ? "out" : "id");
	for (size_t c = 1; c <= CATEGORY_COUNT; c++)
		if (strcmp(categories[c].id, id) == 0) {
			*out = (triad_category)c;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND,
	                  "\"%.80s\" is not an involvement category id "
	                  "(such as \"involvement.home\")", id);
}

const char *triad_category_name(triad_category c, triad_lang lang)
{
	const category_info *i = info(c);
	return i ? pick(i->name_nl, i->name_en, lang) : NULL;
}

const char *triad_category_description(triad_category c, triad_lang lang)
{
	const category_info *i = info(c);
	return i ? pick(i->desc_nl, i->desc_en, lang) : NULL;
}

triad_category triad_category_parent(triad_category c)
{
	return triad_category_valid(c) ? categories[c].parent : TRIAD_CATEGORY_NONE;
}

int triad_category_children(triad_category c, triad_category *out, size_t cap)
{
	if (!info(c))
		return TRIAD_EINVAL;
	if (!out && cap)
		return triad__err(TRIAD_EINVAL, "triad_category_children: out is NULL");
	size_t n = 0;
	for (size_t k = 1; k <= CATEGORY_COUNT; k++)
		if (categories[k].parent == c) {
			if (n < cap)
				out[n] = (triad_category)k;
			n++;
		}
	return (int)n;
}

int triad_category_is_a(triad_category c, triad_category ancestor)
{
	if (!triad_category_valid(c) || !triad_category_valid(ancestor))
		return 0;
	for (; c != TRIAD_CATEGORY_NONE; c = categories[c].parent)
		if (c == ancestor)
			return 1;
	return 0;
}

int triad_category_epstein(triad_category c, triad_epstein *out, size_t cap)
{
	const category_info *i = info(c);
	if (!i)
		return TRIAD_EINVAL;
	if (!out && cap)
		return triad__err(TRIAD_EINVAL, "triad_category_epstein: out is NULL");
	size_t n = 0;
	for (int t = 1; t <= TRIAD_EPSTEIN_COLLABORATING_WITH_COMMUNITY; t++)
		if (i->epstein & (1u << t)) {
			if (n < cap)
				out[n] = (triad_epstein)t;
			n++;
		}
	return (int)n;
}

int triad_epstein_categories(triad_epstein type, triad_category *out, size_t cap)
{
	if (!triad_epstein_valid(type))
		return triad__err(TRIAD_EINVAL, "%d is not one of Epstein's types (1..6)",
		                  (int)type);
	if (!out && cap)
		return triad__err(TRIAD_EINVAL, "triad_epstein_categories: out is NULL");
	size_t n = 0;
	for (size_t c = 1; c <= CATEGORY_COUNT; c++)
		if (categories[c].epstein & (1u << type)) {
			if (n < cap)
				out[n] = (triad_category)c;
			n++;
		}
	return (int)n;
}

triad_intensity triad_category_intensity(triad_category c)
{
	return triad_category_valid(c) ? categories[c].intensity : TRIAD_INTENSITY_NONE;
}

/* ---- Epstein ---- */

int triad_epstein_valid(triad_epstein type)
{
	return type >= 1 && type <= TRIAD_EPSTEIN_COLLABORATING_WITH_COMMUNITY;
}

static const named *named_at(const named *table, int n, int v, const char *what)
{
	if (v < 1 || v >= n) {
		triad__err(TRIAD_EINVAL, "%d is not a valid %s (1..%d)", v, what, n - 1);
		return NULL;
	}
	return &table[v];
}

static int named_find(const named *table, int n, const char *id, int *out,
                      const char *what)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "looking up %s: %s is NULL", what,
		                  !out ? "out" : "id");
	for (int v = 1; v < n; v++)
		if (strcmp(table[v].id, id) == 0) {
			*out = v;
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND, "\"%.80s\" is not a known %s id", id, what);
}

const char *triad_epstein_id(triad_epstein type)
{
	const named *e = named_at(epstein, TRIAD_ARRAY_LEN(epstein), type,
	                          "Epstein type");
	return e ? e->id : NULL;
}

int triad_epstein_from_id(triad_epstein *out, const char *id)
{
	int v = 0;
	int rc = named_find(epstein, TRIAD_ARRAY_LEN(epstein), id, out ? &v : NULL,
	                    "Epstein type");
	if (!rc)
		*out = (triad_epstein)v;
	return rc;
}

const char *triad_epstein_name(triad_epstein type, triad_lang lang)
{
	const named *e = named_at(epstein, TRIAD_ARRAY_LEN(epstein), type,
	                          "Epstein type");
	return e ? pick(e->name_nl, e->name_en, lang) : NULL;
}

/* ---- intensity ---- */

int triad_intensity_valid(triad_intensity level)
{
	return level >= 1 && level <= TRIAD_INTENSITY_MEEBESLISSEN;
}

const char *triad_intensity_id(triad_intensity level)
{
	const named *e = named_at(intensity, TRIAD_ARRAY_LEN(intensity), level,
	                          "intensity level");
	return e ? e->id : NULL;
}

int triad_intensity_from_id(triad_intensity *out, const char *id)
{
	if (id && out && strcmp(id, "meedoen") == 0) {
		*out = TRIAD_INTENSITY_MEEHELPEN;
		return 0;
	}
	int v = 0;
	int rc = named_find(intensity, TRIAD_ARRAY_LEN(intensity), id, out ? &v : NULL,
	                    "intensity level");
	if (!rc)
		*out = (triad_intensity)v;
	return rc;
}

const char *triad_intensity_name(triad_intensity level, triad_lang lang)
{
	const named *e = named_at(intensity, TRIAD_ARRAY_LEN(intensity), level,
	                          "intensity level");
	return e ? pick(e->name_nl, e->name_en, lang) : NULL;
}
