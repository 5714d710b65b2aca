/*
 * The synthetic school of `triad generate` (see synth.h). The shares below
 * are plausible for a Dutch "scholengemeenschap" (vmbo, havo and vwo under
 * one roof); they are choices of this example, not statistics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "synth.h"

/* ---- random numbers: xoshiro256** seeded through splitmix64 ---- */

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void synth_rng_seed(synth_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t synth_rng_next(synth_rng *r)
{
	uint64_t *s = r->s, res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return res;
}

double synth_unit(synth_rng *r)
{
	return (double)(synth_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

int synth_int(synth_rng *r, int n)
{
	return (int)(synth_unit(r) * n);
}

bool synth_chance(synth_rng *r, double p)
{
	return synth_unit(r) < p;
}

#define PICK(r, arr) ((arr)[synth_int((r), (int)(sizeof(arr) / sizeof(*(arr))))])

/* ---- names ---- */

static const char *const girls[] = {
	"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva",
	"Liv", "Anna", "Noor", "Lotte", "Saar", "Fleur", "Lieke", "Isa", "Femke", "Roos",
	"Maud", "Jasmijn", "Fenna", "Amira", "Aya", "Elif", "Zeynep", "Hanna", "Lina", "Iris",
};
static const char *const boys[] = {
	"Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Milan", "Jesse",
	"Bram", "Thijs", "Sven", "Ruben", "Gijs", "Jens", "Niels", "Stijn", "Mees", "Thomas",
	"Adam", "Mohammed", "Yusuf", "Emir", "Ayoub", "Kerem", "Jayden", "Dani", "Tim", "Joep",
};
static const char *const women[] = {
	"Marieke", "Sandra", "Linda", "Esther", "Petra", "Annemiek", "Ingrid", "Monique",
	"Kim", "Judith", "Wendy", "Nicole", "Fatima", "Khadija", "Ayşe", "Natasha",
	"Anouk", "Ilse", "Saskia", "Mirjam", "Joke", "Danielle", "Bianca", "Agnieszka",
};
static const char *const men[] = {
	"Mark", "Jeroen", "Erik", "Bas", "Martijn", "Sander", "Dennis", "Paul", "Marco",
	"Rob", "Hans", "Wouter", "Ahmed", "Mustafa", "Hasan", "Tomasz", "Frank", "Arjen",
	"Pieter", "Ronald", "Vincent", "Remco", "Youssef", "Kofi",
};
static const char *const families[] = {
	"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
	"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
	"Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
	"de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
	"van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "Schouten", "van Beek",
	"Willems", "van Vliet", "Hoekstra", "Maas", "Verhoeven", "Koster", "Prins", "Blom",
	"Huisman", "Yılmaz", "El Amrani", "Bouzid", "Kaya", "Öztürk", "Nguyen", "Kowalski",
	"Pinas", "Martina", "Sewdien", "Mensah", "Çelik", "Haddou",
};
/* Families whose name comes from here speak another language at home more often. */
enum { FIRST_MIGRANT_NAME = 45 };
static const char *const streets[] = {
	"Lindelaan", "Esdoornstraat", "Marktweg", "Waterlelieweg", "Kruidenpad",
	"Beatrixstraat", "Regenboogweg", "Zonnebloemstraat", "Havenkade", "Molenweg",
	"Schoolstraat", "Kastanjelaan", "Dijkweg", "Vlinderpad", "Stationsplein",
};
static const char *const towns[] = { "Almere", "Almere", "Almere", "Lelystad", "Zeewolde" };

const char *const synth_subjects[] = {
	"Nederlands", "Engels", "wiskunde", "geschiedenis", "aardrijkskunde", "biologie",
	"natuurkunde", "scheikunde", "economie", "Frans", "Duits", "lichamelijke opvoeding",
	"beeldende vorming", "maatschappijleer",
};
const int synth_subject_count = (int)(sizeof synth_subjects / sizeof *synth_subjects);

/* ---- school types ---- */

typedef struct type_share {
	const char *id;
	char letter;
	double share;
} type_share;

static const type_share type_shares[] = {
	{ "vmbo-b", 'B', 0.07 }, { "vmbo-k", 'K', 0.09 }, { "vmbo-tl", 'T', 0.22 },
	{ "havo", 'H', 0.33 },   { "vwo", 'V', 0.29 },
};
enum { NTYPES = sizeof type_shares / sizeof *type_shares, CLASS_SIZE = 28, MAX_LOAD = 6 };

/* ---- growing arrays ---- */

static bool grow(void **arr, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return true;
	int n = *cap ? *cap * 2 : 64;
	while (n < need)
		n *= 2;
	void *p = realloc(*arr, (size_t)n * size);
	if (!p)
		return false;
	*arr = p;
	*cap = n;
	return true;
}

/* Index of a new zeroed staff member, or -1. */
static int add_staff(synth_school *s, synth_rng *r, unsigned roles, int subject)
{
	if (!grow((void **)&s->staff, &s->capstaff, s->nstaff + 1, sizeof *s->staff))
		return -1;
	int i = s->nstaff++;
	synth_staff *m = &s->staff[i];
	memset(m, 0, sizeof *m);
	snprintf(m->id, sizeof m->id, "t%03d", i + 1);
	bool woman = synth_chance(r, 0.55);
	m->given = woman ? PICK(r, women) : PICK(r, men);
	m->family = PICK(r, families);
	snprintf(m->title, sizeof m->title, "%s", woman ? "mw." : "dhr.");
	m->roles = roles;
	m->subject = subject;
	/* rooms: building A to C, two floors, 20 rooms a floor */
	snprintf(m->room, sizeof m->room, "%c%d.%02d", 'A' + i % 3, 1 + (i / 3) % 2,
	         1 + (i / 6) % 20);
	return i;
}

/* The teacher of a subject with the fewest classes, or a new one. */
static int teacher_for(synth_school *s, synth_rng *r, int subject)
{
	int best = -1;
	for (int i = 0; i < s->nstaff; i++)
		if (s->staff[i].subject == subject && s->staff[i].load < MAX_LOAD &&
		    (best < 0 || s->staff[i].load < s->staff[best].load))
			best = i;
	if (best < 0)
		best = add_staff(s, r, SYNTH_ROLE_TEACHER, subject);
	return best;
}

/* ---- classes and staff ---- */

static int build_classes(synth_school *s, synth_rng *r, int nstudents)
{
	triad_schooltypes *types = NULL;
	if (triad_schooltypes_new(&types))
		return -1;
	/* students per (type, year): largest remainder so the total is exact */
	int counts[NTYPES][TRIAD_SCHOOLTYPE_MAX_YEARS] = { { 0 } };
	double rema[NTYPES][TRIAD_SCHOOLTYPE_MAX_YEARS] = { { 0 } };
	int years[NTYPES];
	int assigned = 0;
	for (int t = 0; t < NTYPES; t++) {
		if (triad_schooltypes_years(types, type_shares[t].id, &years[t])) {
			triad_schooltypes_free(types);
			return -1;
		}
		double wsum = 0;
		for (int y = 1; y <= years[t]; y++)
			wsum += 1.0 - 0.04 * (y - 1); /* a few leave in the upper years */
		for (int y = 1; y <= years[t]; y++) {
			double want = nstudents * type_shares[t].share * (1.0 - 0.04 * (y - 1)) / wsum;
			counts[t][y - 1] = (int)want;
			rema[t][y - 1] = want - (int)want;
			assigned += (int)want;
		}
	}
	triad_schooltypes_free(types);
	while (assigned < nstudents) {
		int bt = 0, by = 0;
		for (int t = 0; t < NTYPES; t++)
			for (int y = 0; y < years[t]; y++)
				if (rema[t][y] > rema[bt][by]) {
					bt = t;
					by = y;
				}
		counts[bt][by]++;
		rema[bt][by] = -1;
		assigned++;
	}

	/* Students are created class by class; year-1 havo and vwo students
	 * share combined havo/vwo classes. */
	s->students = calloc((size_t)nstudents, sizeof *s->students);
	s->classes = calloc((size_t)nstudents, sizeof *s->classes); /* generous */
	if (!s->students || !s->classes)
		return -1;
	int st = 0;
	for (int t = 0; t < NTYPES; t++) {
		for (int y = 1; y <= years[t]; y++) {
			bool combined = y == 1 && (t == 3 || t == 4);
			if (combined && t == 4)
				continue; /* done with havo */
			int n = counts[t][y - 1] + (combined ? counts[4][0] : 0);
			if (n == 0)
				continue;
			int k = (n + CLASS_SIZE - 1) / CLASS_SIZE;
			int first = s->nclasses;
			for (int c = 0; c < k; c++) {
				synth_class *cl = &s->classes[s->nclasses++];
				cl->year = y;
				cl->type = type_shares[t].id;
				cl->bridge = combined ? "havo/vwo" : NULL;
				if (combined)
					snprintf(cl->name, sizeof cl->name, "1HV%d", c + 1);
				else
					snprintf(cl->name, sizeof cl->name, "%d%c%d", y, type_shares[t].letter,
					         c + 1);
				/* Dutch, English and mathematics for everyone, five more */
				cl->nsubjects = 0;
				for (int j = 0; j < 3; j++)
					cl->subjects[cl->nsubjects++] = j;
				while (cl->nsubjects < 8) {
					int j = 3 + synth_int(r, synth_subject_count - 3);
					bool have = false;
					for (int q = 0; q < cl->nsubjects; q++)
						have = have || cl->subjects[q] == j;
					if (!have)
						cl->subjects[cl->nsubjects++] = j;
				}
				for (int q = 0; q < cl->nsubjects; q++) {
					int tch = teacher_for(s, r, cl->subjects[q]);
					if (tch < 0)
						return -1;
					s->staff[tch].load++;
					cl->teachers[q] = tch;
				}
				/* the mentor: one of the class's teachers not yet mentoring */
				cl->mentor = -1;
				int start = synth_int(r, cl->nsubjects);
				for (int q = 0; q < cl->nsubjects && cl->mentor < 0; q++) {
					int tch = cl->teachers[(start + q) % cl->nsubjects];
					if (!(s->staff[tch].roles & SYNTH_ROLE_MENTOR))
						cl->mentor = tch;
				}
				if (cl->mentor < 0)
					cl->mentor = cl->teachers[start];
				s->staff[cl->mentor].roles |= SYNTH_ROLE_MENTOR;
			}
			/* students are dealt over the classes; in a combined class
			 * the first counts[havo][0] lead into havo, the rest into vwo */
			for (int i = 0; i < n; i++) {
				synth_student *p = &s->students[st++];
				p->klass = first + i % k;
				p->type = combined && i >= counts[t][0] ? "vwo" : type_shares[t].id;
			}
		}
	}
	s->nstudents = st;
	return 0;
}

/* ---- families, households, guardians ---- */

static int add_household(synth_school *s, synth_rng *r, const char *family)
{
	int i = s->nhouseholds++;
	synth_household *h = &s->households[i];
	memset(h, 0, sizeof *h);
	snprintf(h->id, sizeof h->id, "h%04d", i + 1);
	/* "de Vries" is written "De Vries" without a given name in front */
	char name[64];
	snprintf(name, sizeof name, "%s", family);
	if (name[0] >= 'a' && name[0] <= 'z')
		name[0] = (char)(name[0] - 'a' + 'A');
	snprintf(h->name, sizeof h->name, "Familie %s", name);
	snprintf(h->address, sizeof h->address, "%s %d, %s", PICK(r, streets),
	         1 + synth_int(r, 180), PICK(r, towns));
	/* most households answer the school; about one in eight is hard to reach */
	h->reach = synth_chance(r, 0.12) ? 0.25 + 0.2 * synth_unit(r) : 0.8 + 0.2 * synth_unit(r);
	return i;
}

static int add_guardian(synth_school *s, synth_rng *r, bool woman, const char *family,
                        int household, bool migrant)
{
	int i = s->nguardians++;
	synth_guardian *g = &s->guardians[i];
	memset(g, 0, sizeof *g);
	snprintf(g->id, sizeof g->id, "g%04d", i + 1);
	g->given = woman ? PICK(r, women) : PICK(r, men);
	g->family = family;
	g->household = household;
	double u = synth_unit(r);
	if (migrant && u < 0.45) {
		static const char *const langs[] = { "tr", "ar", "pl", "en", "pap" };
		g->language = PICK(r, langs);
	} else if (u < 0.03) {
		g->language = "en";
	} else {
		g->language = "nl";
	}
	u = synth_unit(r);
	g->channel = u < 0.45 ? TRIAD_CHANNEL_MESSAGE : u < 0.8 ? TRIAD_CHANNEL_EMAIL
	           : u < 0.95 ? TRIAD_CHANNEL_PHONE : TRIAD_CHANNEL_LETTER;
	return i;
}

static void relate(synth_school *s, int student, int guardian, int kind, bool authority,
                   bool lives_with, int priority)
{
	synth_relation *rel = &s->relations[s->nrelations++];
	memset(rel, 0, sizeof *rel);
	rel->student = student;
	rel->guardian = guardian;
	rel->kind = kind;
	rel->authority = authority;
	rel->lives_with = lives_with;
	rel->primary = priority == 1;
	rel->priority = priority;
	rel->rights = authority ? 1 : 2;
}

static void join_household(synth_school *s, int household, int student)
{
	synth_household *h = &s->households[household];
	synth_student *p = &s->students[student];
	if (h->nstudents < SYNTH_MAX_STUDENTS)
		h->students[h->nstudents++] = student;
	if (p->nhouseholds < 2)
		p->households[p->nhouseholds++] = household;
}

/* Birth dates: a year-1 student is 12 on 1 October of the school year's
 * first calendar year; one in ten repeated a year, one in fifty skipped one. */
static triad_date birth_for(synth_school *s, synth_rng *r, int year)
{
	int y0;
	triad_date_to_ymd(s->year_start, &y0, NULL, NULL);
	int shift = synth_chance(r, 0.10) ? 1 : synth_chance(r, 0.02) ? -1 : 0;
	triad_date from;
	triad_date_from_ymd(&from, y0 - 12 - year - shift, 10, 1);
	return from + synth_int(r, 365);
}

static int build_families(synth_school *s, synth_rng *r)
{
	int n = s->nstudents;
	/* at most 4 guardians and 2 households per student */
	s->households = calloc((size_t)n * 2, sizeof *s->households);
	s->guardians = calloc((size_t)n * 4, sizeof *s->guardians);
	s->relations = calloc((size_t)n * 8, sizeof *s->relations);
	int *order = malloc((size_t)n * sizeof *order);
	if (!s->households || !s->guardians || !s->relations || !order) {
		free(order);
		return -1;
	}
	for (int i = 0; i < n; i++)
		order[i] = i;
	for (int i = n - 1; i > 0; i--) {
		int k = synth_int(r, i + 1), t = order[i];
		order[i] = order[k];
		order[k] = t;
	}
	int next = 0;
	while (next < n) {
		/* siblings at this school: 2 in 15 %, 3 in 2.5 % of families */
		double u = synth_unit(r);
		int k = u < 0.025 ? 3 : u < 0.175 ? 2 : 1;
		if (k > n - next)
			k = n - next;
		int fam = s->nfamilies++;
		int name_idx = synth_int(r, (int)(sizeof families / sizeof *families));
		const char *family = families[name_idx];
		bool migrant = name_idx >= FIRST_MIGRANT_NAME;
		int kids[3];
		for (int j = 0; j < k; j++) {
			kids[j] = order[next++];
			synth_student *p = &s->students[kids[j]];
			p->family_idx = fam;
			p->family = family;
			/* siblings never share a given name */
			for (bool clash = true; clash;) {
				p->given = synth_chance(r, 0.5) ? PICK(r, girls) : PICK(r, boys);
				clash = false;
				for (int q = 0; q < j; q++)
					clash = clash || strcmp(s->students[kids[q]].given, p->given) == 0;
			}
			p->birth = birth_for(s, r, s->classes[p->klass].year);
		}
		/* the mother keeps her own name in about half the families */
		const char *mother_family = synth_chance(r, 0.5) ? family : PICK(r, families);
		u = synth_unit(r);
		if (u < 0.74) {
			/* together: one household, two parents with authority */
			int h = add_household(s, r, family);
			double v = synth_unit(r);
			bool w1 = v < 0.97, w2 = v >= 0.94; /* a few same-sex couples */
			int g1 = add_guardian(s, r, w1, w1 ? mother_family : family, h, migrant);
			int g2 = add_guardian(s, r, w2, family, h, migrant);
			for (int j = 0; j < k; j++) {
				relate(s, kids[j], g1, w1 ? 1 : 2, true, true, 1);
				relate(s, kids[j], g2, w2 ? 1 : 2, true, true, 2);
				join_household(s, h, kids[j]);
			}
		} else if (u < 0.815) {
			/* single parent; the other parent, if known, has no
			 * authority and gets information on request */
			bool mother = synth_chance(r, 0.8);
			int h = add_household(s, r, mother ? mother_family : family);
			int g1 = add_guardian(s, r, mother, mother ? mother_family : family, h, migrant);
			int g2 = synth_chance(r, 0.5)
			         ? add_guardian(s, r, !mother, mother ? family : mother_family, -1, migrant)
			         : -1;
			for (int j = 0; j < k; j++) {
				relate(s, kids[j], g1, mother ? 1 : 2, true, true, 1);
				if (g2 >= 0)
					relate(s, kids[j], g2, mother ? 2 : 1, false, false, 2);
				join_household(s, h, kids[j]);
			}
		} else if (u < 0.99) {
			/* separated: two households, usually both with authority; a
			 * step-parent in some; rarely a court restricts one parent's
			 * information, who then has no household with the student */
			bool restricted = synth_chance(r, 0.08);
			bool no_authority = !restricted && synth_chance(r, 0.10);
			int hm = add_household(s, r, mother_family);
			int gm = add_guardian(s, r, true, mother_family, hm, migrant);
			int hf = restricted ? -1 : add_household(s, r, family);
			int gf = add_guardian(s, r, false, family, hf, migrant);
			int step_m = synth_chance(r, 0.3) ? add_guardian(s, r, false, PICK(r, families),
			                                                 hm, false)
			                                  : -1;
			int step_f = hf >= 0 && synth_chance(r, 0.2)
			             ? add_guardian(s, r, true, PICK(r, families), hf, false)
			             : -1;
			bool co_parenting = synth_chance(r, 0.5) && !restricted;
			for (int j = 0; j < k; j++) {
				relate(s, kids[j], gm, 1, true, true, 1);
				relate(s, kids[j], gf, 2, !restricted && !no_authority,
				       co_parenting, 2);
				if (restricted) {
					synth_relation *rel = &s->relations[s->nrelations - 1];
					rel->rights = 3;
					rel->reason = "beschikking van de rechtbank: geen informatie aan "
					              "deze ouder";
				}
				if (step_m >= 0)
					relate(s, kids[j], step_m, 3, false, true, 3);
				if (step_f >= 0)
					relate(s, kids[j], step_f, 3, false, co_parenting, 4);
				join_household(s, hm, kids[j]);
				if (hf >= 0)
					join_household(s, hf, kids[j]);
			}
		} else {
			/* foster care: foster parents without authority, a guardian
			 * (voogd) of a youth protection agency with it */
			const char *foster_family = PICK(r, families);
			int h = add_household(s, r, foster_family);
			int f1 = add_guardian(s, r, true, foster_family, h, false);
			int v = add_guardian(s, r, synth_chance(r, 0.5), PICK(r, families), -1, false);
			s->guardians[v].channel = TRIAD_CHANNEL_EMAIL;
			for (int j = 0; j < k; j++) {
				relate(s, kids[j], f1, 4, false, true, 1);
				relate(s, kids[j], v, 5, true, false, 2);
				join_household(s, h, kids[j]);
			}
		}
	}
	free(order);
	return 0;
}

/* ---- the parents' evening ---- */

static synth_window window(synth_rng *r, double full, int cut)
{
	synth_window w = { 0, SYNTH_SLOTS };
	double u = synth_unit(r);
	if (u >= full) {
		if (synth_chance(r, 0.5))
			w.to = SYNTH_SLOTS - cut; /* has to leave early */
		else
			w.from = cut;             /* comes later */
	}
	return w;
}

static bool meetable(const synth_school *s, int household, const int *teachers, int n)
{
	for (int e = 0; e < SYNTH_SESSIONS; e++) {
		const synth_window *hw = &s->households[household].avail[e];
		int from = hw->from, to = hw->to;
		for (int k = 0; k < n; k++) {
			const synth_window *tw = &s->staff[teachers[k]].avail[e];
			if (tw->from > from)
				from = tw->from;
			if (tw->to < to)
				to = tw->to;
		}
		if (to - from >= 2)
			return true;
	}
	return false;
}

static int add_request(synth_school *s, int *cap, int household, int student,
                       int teacher, int priority)
{
	/* siblings with the same teacher: one request about both */
	for (int i = s->nrequests - 1; i >= 0 && s->requests[i].household == household; i--) {
		synth_request *q = &s->requests[i];
		if (q->nteachers == 1 && q->teachers[0] == teacher) {
			if (q->nstudents < 2 && q->students[0] != student)
				q->students[q->nstudents++] = student;
			if (priority < q->priority)
				q->priority = priority;
			return 0;
		}
	}
	if (!grow((void **)&s->requests, cap, s->nrequests + 1, sizeof *s->requests))
		return -1;
	synth_request *q = &s->requests[s->nrequests];
	memset(q, 0, sizeof *q);
	snprintf(q->id, sizeof q->id, "r%05d", s->nrequests + 1);
	q->household = household;
	q->teachers[0] = teacher;
	q->nteachers = 1;
	q->students[0] = student;
	q->nstudents = 1;
	q->slots = 1;
	q->priority = priority;
	s->nrequests++;
	return 0;
}

static int build_evening(synth_school *s, synth_rng *r)
{
	/* Tuesday and Thursday of the second week after the as-of date */
	triad_date d = s->as_of + 7;
	while (triad_date_weekday(d) != 2)
		d++;
	s->session_dates[0] = d;
	s->session_dates[1] = d + 2;

	for (int i = 0; i < s->nstaff; i++) {
		synth_staff *m = &s->staff[i];
		if (!(m->roles & SYNTH_ROLE_TEACHER))
			continue;
		/* part-timers (few classes) may come on one evening only */
		int only = m->load <= 3 && synth_chance(r, 0.6) ? synth_int(r, SYNTH_SESSIONS) : -1;
		for (int e = 0; e < SYNTH_SESSIONS; e++)
			m->avail[e] = only >= 0 && e != only ? (synth_window){ 0, 0 }
			                                       : window(r, 0.85, 5);
	}
	for (int h = 0; h < s->nhouseholds; h++) {
		synth_household *hh = &s->households[h];
		double u = synth_unit(r);
		int only = u < 0.22 ? 0 : u < 0.45 ? 1 : -1;
		for (int e = 0; e < SYNTH_SESSIONS; e++)
			hh->avail[e] = only >= 0 && e != only ? (synth_window){ 0, 0 }
			                                       : window(r, 0.75, 6);
		u = synth_unit(r);
		hh->preference = u < 0.25 ? 1 : u < 0.40 ? 2 : 0;
		if (only < 0 && synth_chance(r, 0.25))
			hh->max_sessions = 1;
	}

	/* Requests: the mentor invites some households and is asked by others;
	 * households ask for zero to three subject teachers per child (0.9 on
	 * average), so that teachers are busy but not overbooked. A second
	 * household of separated parents asks a little less often. */
	int cap = 0;
	for (int h = 0; h < s->nhouseholds; h++) {
		synth_household *hh = &s->households[h];
		for (int k = 0; k < hh->nstudents; k++) {
			int st = hh->students[k];
			const synth_student *p = &s->students[st];
			const synth_class *cl = &s->classes[p->klass];
			double rate = p->nhouseholds == 2 && p->households[1] == h ? 0.7 : 1.0;
			int mentor = cl->mentor;
			if (synth_chance(r, 0.10) && meetable(s, h, &mentor, 1)) {
				if (add_request(s, &cap, h, st, mentor, 1))
					return -1;
			} else if (synth_chance(r, 0.12 * rate) && meetable(s, h, &mentor, 1)) {
				if (add_request(s, &cap, h, st, mentor, 2))
					return -1;
			}
			double u = synth_unit(r) / rate;
			int want = u < 0.35 ? 0 : u < 0.75 ? 1 : u < 0.95 ? 2 : 3;
			int start = synth_int(r, cl->nsubjects);
			for (int q = 0; q < cl->nsubjects && want > 0; q++) {
				int tch = cl->teachers[(start + q) % cl->nsubjects];
				if (tch == mentor || !meetable(s, h, &tch, 1))
					continue;
				want--;
				int before = s->nrequests;
				if (add_request(s, &cap, h, st, tch, synth_chance(r, 0.55) ? 2 : 3))
					return -1;
				if (s->nrequests == before)
					continue; /* merged with a sibling's request */
				synth_request *rq = &s->requests[s->nrequests - 1];
				double v = synth_unit(r);
				int pair[2] = { tch, mentor };
				/* (a household has one joint meeting with the same two
				 * teachers at most: an export cannot tell two apart) */
				bool taken = false;
				for (int q = s->nrequests - 2; q >= 0 && s->requests[q].household == h; q--)
					taken = taken || (s->requests[q].nteachers == 2 &&
					                  s->requests[q].teachers[0] == tch &&
					                  s->requests[q].teachers[1] == mentor);
				if (v < 0.03 && !taken && meetable(s, h, pair, 2)) {
					/* a worry about the child: with the mentor, double length */
					rq->teachers[1] = mentor;
					rq->nteachers = 2;
					rq->slots = 2;
					rq->priority = 1;
				} else if (v < 0.07) {
					rq->slots = 2;
				}
			}
		}
	}
	return 0;
}

/* ---- contacts over the school year so far ---- */

static int add_contact(synth_school *s, int *cap, synth_rng *r, triad_date date, int student,
                       int household, int staff, triad_contact_kind kind, int initiator,
                       int tone)
{
	if (date > s->as_of)
		return 0;
	/* no contacts at weekends */
	while (triad_date_weekday(date) > 5)
		date--;
	if (!grow((void **)&s->contacts, cap, s->ncontacts + 1, sizeof *s->contacts))
		return -1;
	synth_contact *c = &s->contacts[s->ncontacts++];
	c->date = date;
	c->answers = -1;
	/* evenings for meetings with parents, afternoons for calls and notes */
	if (kind == TRIAD_CONTACT_INFORMATION_EVENING || kind == TRIAD_CONTACT_THEME_EVENING)
		c->minute = 19 * 60 + 30;
	else if (kind == TRIAD_CONTACT_POSITIVE_NOTE)
		c->minute = 12 * 60 + 5 * synth_int(r, 72);
	else
		c->minute = 15 * 60 + 5 * synth_int(r, 48);
	c->student = student;
	c->household = household;
	c->staff = staff;
	c->kind = kind;
	c->channel = triad_contact_kind_default_channel(kind);
	if (kind == TRIAD_CONTACT_MENTOR_CALL && synth_chance(r, 0.2))
		c->channel = TRIAD_CHANNEL_VIDEO;
	c->initiator = initiator;
	c->tone = tone;
	double reach = household >= 0 ? s->households[household].reach : 0.9;
	/* the school initiates; whether it reaches anyone depends on the household */
	c->reached = initiator != 0 || synth_chance(r, reach);
	return 0;
}

/* A stable merge sort of contact indices by date and time. */
static void sort_contacts(const synth_contact *c, int *order, int n)
{
	if (n < 2)
		return;
	int h = n / 2;
	sort_contacts(c, order, h);
	sort_contacts(c, order + h, n - h);
	int *tmp = malloc((size_t)n * sizeof *tmp);
	if (!tmp) {
		/* insertion sort needs no memory */
		for (int i = 1; i < n; i++) {
			int x = order[i], j = i - 1;
			while (j >= 0 && (c[order[j]].date > c[x].date ||
			                  (c[order[j]].date == c[x].date &&
			                   c[order[j]].minute > c[x].minute))) {
				order[j + 1] = order[j];
				j--;
			}
			order[j + 1] = x;
		}
		return;
	}
	int a = 0, b = h, k = 0;
	while (a < h || b < n) {
		bool take_a = b >= n ||
		              (a < h && (c[order[a]].date < c[order[b]].date ||
		                         (c[order[a]].date == c[order[b]].date &&
		                          c[order[a]].minute <= c[order[b]].minute)));
		tmp[k++] = take_a ? order[a++] : order[b++];
	}
	memcpy(order, tmp, (size_t)n * sizeof *tmp);
	free(tmp);
}

static int build_contacts(synth_school *s, synth_rng *r)
{
	int y0;
	triad_date_to_ymd(s->year_start, &y0, NULL, NULL);
	triad_date first_day;
	triad_date_from_ymd(&first_day, y0, 9, 1); /* lessons start around here */
	int days = s->as_of - first_day;
	if (days <= 0)
		return 0;
	int cap = 0;
	for (int st = 0; st < s->nstudents; st++) {
		const synth_student *p = &s->students[st];
		const synth_class *cl = &s->classes[p->klass];
		for (int k = 0; k < p->nhouseholds; k++) {
			int h = p->households[k];
			/* introduction in the first weeks for new students */
			if (cl->year == 1 &&
			    add_contact(s, &cap, r, first_day + synth_int(r, 28), st, h, cl->mentor,
			                TRIAD_CONTACT_INTAKE, 0, 1))
				return -1;
			/* the information evening in the third week */
			if (k == 0 && synth_chance(r, s->households[h].reach * 0.8) &&
			    add_contact(s, &cap, r, first_day + 15, st, h, cl->mentor,
			                TRIAD_CONTACT_INFORMATION_EVENING, 0, 1))
				return -1;
			/* a mentor call, by a mentor who keeps up with it */
			if (synth_chance(r, 0.55) &&
			    add_contact(s, &cap, r, first_day + synth_int(r, days), st, h, cl->mentor,
			                TRIAD_CONTACT_MENTOR_CALL, 0, synth_chance(r, 0.3) ? 0 : 1))
				return -1;
			/* positive notes are rarer than they should be */
			if (synth_chance(r, 0.2) &&
			    add_contact(s, &cap, r, first_day + synth_int(r, days), st, h,
			                cl->teachers[synth_int(r, cl->nsubjects)],
			                TRIAD_CONTACT_POSITIVE_NOTE, 0, 0))
				return -1;
			/* concerns, raised by the school or by the parents; the
			 * mentor answers a parent within a few school days */
			if (synth_chance(r, 0.12)) {
				bool parent = synth_chance(r, 0.4);
				triad_date d = first_day + synth_int(r, days);
				int before = s->ncontacts;
				if (add_contact(s, &cap, r, d, st, h, cl->mentor, TRIAD_CONTACT_CONCERN,
				                parent ? 1 : 0, 2))
					return -1;
				if (parent && s->ncontacts > before) {
					triad_date a = s->contacts[before].date + 1 + synth_int(r, 4);
					while (triad_date_weekday(a) > 5)
						a++;
					if (add_contact(s, &cap, r, a, st, h, cl->mentor,
					                TRIAD_CONTACT_MENTOR_CALL, 0, 2))
						return -1;
					if (s->ncontacts > before + 1) {
						s->contacts[before + 1].answers = before;
						s->contacts[before + 1].reached = true;
					}
				}
			}
			/* triangle conversations in the upper years, led by the student */
			if (cl->year >= 3 && k == 0 && synth_chance(r, 0.3) &&
			    add_contact(s, &cap, r, first_day + 21 + synth_int(r, days), st, h,
			                cl->mentor, TRIAD_CONTACT_TRIANGLE, 2, 1))
				return -1;
		}
	}
	/* in date and time order, as a log is written; answers follow the
	 * contacts they answer (they are later, or later the same day) */
	int n = s->ncontacts;
	int *order = malloc((size_t)(n ? n : 1) * sizeof *order);
	int *where = malloc((size_t)(n ? n : 1) * sizeof *where);
	synth_contact *sorted = malloc((size_t)(n ? n : 1) * sizeof *sorted);
	if (!order || !where || !sorted) {
		free(order);
		free(where);
		free(sorted);
		return -1;
	}
	for (int i = 0; i < n; i++)
		order[i] = i;
	sort_contacts(s->contacts, order, n);
	for (int i = 0; i < n; i++)
		where[order[i]] = i;
	for (int i = 0; i < n; i++) {
		sorted[i] = s->contacts[order[i]];
		if (sorted[i].answers >= 0)
			sorted[i].answers = where[sorted[i].answers];
	}
	free(s->contacts);
	s->contacts = sorted;
	free(order);
	free(where);
	return 0;
}

/* ---- the whole school ---- */

int synth_build(synth_school *s, int students, uint64_t seed, triad_date as_of)
{
	memset(s, 0, sizeof *s);
	synth_rng r;
	synth_rng_seed(&r, seed);
	s->as_of = as_of;
	int y, m;
	triad_date_to_ymd(as_of, &y, &m, NULL);
	triad_date_from_ymd(&s->year_start, m >= 8 ? y : y - 1, 8, 1);

	if (build_classes(s, &r, students))
		goto fail;
	if (build_families(s, &r))
		goto fail;
	for (int i = 0; i < s->nstudents; i++)
		snprintf(s->students[i].id, sizeof s->students[i].id, "s%05d", i + 1);

	/* coordinators (lower, middle and upper years) and the school leaders */
	for (int i = 0, made = 0; i < s->nstaff && made < 3; i++)
		if (!(s->staff[i].roles & SYNTH_ROLE_MENTOR) && i % 7 == 3) {
			s->staff[i].roles |= SYNTH_ROLE_COORDINATOR;
			made++;
		}
	if (add_staff(s, &r, SYNTH_ROLE_SCHOOL_LEADER, -1) < 0 ||
	    add_staff(s, &r, SYNTH_ROLE_SCHOOL_LEADER, -1) < 0)
		goto fail;

	if (build_evening(s, &r) || build_contacts(s, &r))
		goto fail;
	return 0;
fail:
	synth_free(s);
	return -1;
}

void synth_free(synth_school *s)
{
	free(s->staff);
	free(s->classes);
	free(s->students);
	free(s->households);
	free(s->guardians);
	free(s->relations);
	free(s->requests);
	free(s->contacts);
	memset(s, 0, sizeof *s);
}

void synth_staff_display(const synth_school *s, int staff, char *buf, size_t cap)
{
	const synth_staff *m = &s->staff[staff];
	if (m->subject >= 0)
		snprintf(buf, cap, "%s %.1s. %s (%s)", m->title, m->given, m->family,
		         synth_subjects[m->subject]);
	else
		snprintf(buf, cap, "%s %.1s. %s", m->title, m->given, m->family);
}

void synth_student_display(const synth_school *s, int student, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s %s", s->students[student].given, s->students[student].family);
}
