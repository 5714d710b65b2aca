/*
 * gen-conference: the conference benchmark's instance suite S, SO, M, L, XL
 * (shared/design/SCHEDULING.md, doc/benchmarks.md), written as
 * triad.conference/1 JSON. Fixed seeds: the same binary writes the same files
 * on every machine (xoshiro256** seeded through splitmix64, no libc rand()).
 *
 *     gen-conference OUTDIR [NAME...]     (default: all five)
 *
 * How an instance is built (parameters per instance in `suite` below):
 * - sessions of `slots` slots of 10 minutes (8 minutes talking, 2 walking),
 *   one break slot in the middle of sessions of 16 slots or more;
 * - students are put in classes of 25; each class has a mentor and 8 subject
 *   teachers, dealt out so that teachers teach equally many classes; a
 *   subject teacher is asked for in proportion to the popularity of the
 *   subject (0.7..1.3 per teacher), so some teachers are in demand and, as in
 *   schools, their requests compete;
 * - households get one student each, then the remaining students as
 *   siblings (at most 4 per household); siblings share the household's
 *   requests when they share a teacher (one request about both);
 * - `requests` requests in total; each asks for the mentor (25 %) or a
 *   subject teacher of the student's class; `double_share` of them take two
 *   slots, `joint_share` are joint with the mentor (two teachers, two slots);
 *   priorities invited 15 %, required 45 %, optional 40 %;
 * - teachers: all sessions except `single_session` of them (present on one
 *   evening only, part-timers asked for half as often); 10 % start a quarter late, 5 % leave a quarter early;
 *   `capped` of them have max_meetings = 70 % of the slots;
 * - households: in multi-session instances each session is available with
 *   probability 0.8 (at least one); per session 55 % the whole evening, 25 %
 *   the first two thirds, 20 % the last two thirds (availability density
 *   about 0.87); preference early 30 %, late 15 %, none 55 %; in
 *   multi-session instances 30 % have max_sessions = 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "confmodel.h"

typedef struct params {
	const char *name;
	uint64_t seed;
	int sessions, slots, teachers, rooms, households, students, requests;
	int single_session; /* teachers present on one session only */
	double capped, double_share, joint_share;
} params;

/* The suite. SO mirrors a public question: 8 rooms, 201 students, 149
 * households, 241 requests, 16 teachers of whom 3 come on one day only. */
static const params suite[] = {
	{ "S", 101, 1, 26, 8, 8, 60, 75, 150, 0, 0.10, 0.06, 0.03 },
	{ "SO", 102, 2, 12, 16, 8, 149, 201, 241, 3, 0.00, 0.05, 0.03 },
	{ "M", 103, 2, 24, 40, 40, 400, 500, 1200, 4, 0.10, 0.06, 0.03 },
	{ "L", 104, 2, 28, 150, 150, 2000, 2500, 6000, 15, 0.10, 0.06, 0.03 },
	{ "XL", 105, 3, 24, 250, 250, 4000, 5000, 12000, 25, 0.10, 0.06, 0.03 },
};

/* ---- deterministic random numbers: xoshiro256** ---- */
typedef struct rng {
	uint64_t s[4];
} rng;

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
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

/* Uniform in [0, 1) from the top 53 bits. */
static double rng_unit(rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [0, n). */
static int rng_int(rng *r, int n)
{
	return (int)(rng_unit(r) * n);
}

static const char *const surnames[] = {
	"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
	"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
	"Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
	"de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
	"van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "Schouten",
	"van Beek", "Willems", "van Vliet", "Hoekstra", "Yilmaz", "El Amrani", "Bouali", "Kaya",
	"Nguyen", "Pinas", "Martina", "Öztürk", "Çelik", "Żak",
};
static const char initials[] = "ABCDEFGHIJKLMNOPRSTW";
static const char *const first_names[] = {
	"Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv",
	"Lotte", "Fenna", "Noor", "Saar", "Amira", "Fatima", "Ilse", "Roos", "Lieke",
	"Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "Bram",
	"Thijs", "Jesse", "Ruben", "Milan", "Mohammed", "Adam", "Ayoub", "Kevin", "Stijn", "Jens",
};

static int build(const params *p, cm_instance *in)
{
	rng R;
	rng_seed(&R, p->seed);
	memset(in, 0, sizeof *in);
	snprintf(in->name, sizeof in->name, "%s", p->name);
	cm_settings_default(&in->settings);

	/* sessions: Tuesday and Thursday evenings in November 2026 */
	static const char *const dates[] = { "2026-11-10", "2026-11-12", "2026-11-17" };
	in->nsessions = p->sessions;
	for (int s = 0; s < p->sessions; s++) {
		cm_session *ss = &in->sessions[s];
		snprintf(ss->id, sizeof ss->id, "s%d", s + 1);
		snprintf(ss->date, sizeof ss->date, "%s", dates[s]);
		ss->start_min = 17 * 60 + 30;
		ss->slot_minutes = 8;
		ss->gap_minutes = 2;
		ss->slots = p->slots;
		if (p->slots >= 16) {
			ss->nbreaks = 1;
			ss->breaks[0].from = p->slots / 2;
			ss->breaks[0].to = p->slots / 2 + 1;
		}
	}

	/* rooms and teachers */
	in->nrooms = p->rooms;
	in->rooms = calloc((size_t)p->rooms, sizeof *in->rooms);
	for (int i = 0; i < p->rooms; i++)
		snprintf(in->rooms[i], sizeof in->rooms[i], "%c%d.%02d", 'A' + i % 4, 1 + i / 100,
		         i % 100 + 1);
	in->nteachers = p->teachers;
	in->teachers = calloc((size_t)p->teachers, sizeof *in->teachers);
	double *popularity = calloc((size_t)p->teachers, sizeof *popularity);
	for (int i = 0; i < p->teachers; i++) {
		cm_teacher *t = &in->teachers[i];
		snprintf(t->id, sizeof t->id, "t%03d", i + 1);
		snprintf(t->name, sizeof t->name, "%s %c. %s", rng_int(&R, 2) ? "mw." : "dhr.",
		         initials[rng_int(&R, (int)sizeof initials - 1)],
		         surnames[rng_int(&R, (int)(sizeof surnames / sizeof *surnames))]);
		popularity[i] = 0.7 + 0.6 * rng_unit(&R);
		/* teachers who come on one evening only work part-time: fewer
		 * families ask for them */
		if (i < p->single_session)
			popularity[i] *= 0.5;
		int only = i < p->single_session ? rng_int(&R, p->sessions) : -1;
		for (int s = 0; s < p->sessions; s++) {
			cm_presence *tp = &t->s[s];
			if (only >= 0 && s != only)
				continue;
			tp->present = true;
			tp->room = i * p->rooms / p->teachers;
			tp->navail = 1;
			tp->avail[0].from = 0;
			tp->avail[0].to = p->slots;
			double u = rng_unit(&R);
			if (u < 0.10)
				tp->avail[0].from = p->slots / 4;
			else if (u < 0.15)
				tp->avail[0].to = p->slots - p->slots / 4;
			if (rng_unit(&R) < p->capped)
				tp->max_meetings = p->slots * 7 / 10;
		}
	}

	/* classes of 25 students: a mentor and 8 subject teachers each. The
	 * subject places of all classes are dealt out to the teachers in turn
	 * (in a shuffled order), so that every teacher teaches about as many
	 * classes as the next, as in a school's timetable. */
	int nclasses = (p->students + 24) / 25;
	int (*classes)[9] = calloc((size_t)nclasses, sizeof *classes);
	int *order = calloc((size_t)p->teachers, sizeof *order);
	for (int i = 0; i < p->teachers; i++)
		order[i] = i;
	for (int i = p->teachers - 1; i > 0; i--) {
		int k = rng_int(&R, i + 1), tmp = order[i];
		order[i] = order[k];
		order[k] = tmp;
	}
	int next = 0;
	for (int c = 0; c < nclasses; c++) {
		classes[c][0] = order[c % p->teachers]; /* mentor */
		for (int n = 1; n < 9; n++)
			classes[c][n] = order[next++ % p->teachers];
	}
	free(order);

	/* households and their students */
	in->nhouseholds = p->households;
	in->households = calloc((size_t)p->households, sizeof *in->households);
	int *student_class = calloc((size_t)p->students, sizeof *student_class);
	int *student_house = calloc((size_t)p->students, sizeof *student_house);
	int *student_index = calloc((size_t)p->students, sizeof *student_index);
	for (int st = 0; st < p->students; st++) {
		int h = st < p->households ? st : rng_int(&R, p->households);
		while (in->households[h].nstudents >= CM_MAX_STUDENTS)
			h = (h + 1) % p->households;
		student_class[st] = rng_int(&R, nclasses);
		student_house[st] = h;
		student_index[st] = in->households[h].nstudents++;
	}
	for (int h = 0; h < p->households; h++) {
		cm_household *hh = &in->households[h];
		snprintf(hh->id, sizeof hh->id, "h%04d", h + 1);
		const char *surname = surnames[rng_int(&R, (int)(sizeof surnames / sizeof *surnames))];
		snprintf(hh->name, sizeof hh->name, "Fam. %s", surname);
		/* children: first names distinct within the household */
		for (int k = 0; k < hh->nstudents; k++) {
			const char *first;
			bool taken;
			do {
				first = first_names[rng_int(&R, (int)(sizeof first_names / sizeof *first_names))];
				taken = false;
				for (int q = 0; q < k; q++)
					taken = taken || strncmp(hh->students[q], first, strlen(first)) == 0;
			} while (taken);
			snprintf(hh->students[k], sizeof hh->students[k], "%s %s", first, surname);
		}
		int present = 0;
		for (int s = 0; s < p->sessions; s++) {
			bool here = p->sessions == 1 || rng_unit(&R) < 0.8 ||
			            (s == p->sessions - 1 && present == 0);
			if (!here)
				continue;
			present++;
			cm_presence *hp = &hh->s[s];
			hp->present = true;
			hp->navail = 1;
			double u = rng_unit(&R);
			hp->avail[0].from = u < 0.80 ? 0 : p->slots / 3;
			hp->avail[0].to = u < 0.55 || u >= 0.80 ? p->slots : p->slots - p->slots / 3;
		}
		double u = rng_unit(&R);
		hh->pref = u < 0.30 ? CM_PREF_EARLY : u < 0.45 ? CM_PREF_LATE : CM_PREF_NONE;
		if (p->sessions > 1 && present > 1 && rng_unit(&R) < 0.30)
			hh->max_sessions = 1;
	}

	/* requests: one per student first, then the rest at random students */
	in->requests = calloc((size_t)p->requests, sizeof *in->requests);
	int made = 0, attempts = 0;
	while (made < p->requests && attempts < p->requests * 50) {
		attempts++;
		int st = made < p->students ? made : rng_int(&R, p->students);
		const int *cls = classes[student_class[st]];
		int teacher = cls[0];
		if (rng_unit(&R) >= 0.12) {
			/* a subject teacher, by the subject's popularity */
			double total = 0;
			for (int k = 1; k < 9; k++)
				total += popularity[cls[k]];
			double u = rng_unit(&R) * total;
			int k = 1;
			while (k < 8 && u >= popularity[cls[k]])
				u -= popularity[cls[k++]];
			teacher = cls[k];
		}
		int h = student_house[st];
		cm_household *hh = &in->households[h];
		int sidx = student_index[st];
		/* a second request of the household for the same teacher becomes
		 * one request about both children */
		cm_request *same = NULL;
		for (int r = 0; r < made; r++)
			if (in->requests[r].household == h && in->requests[r].teachers[0] == teacher)
				same = &in->requests[r];
		if (same) {
			bool has = false;
			for (int k = 0; k < same->nstudents; k++)
				has = has || same->students[k] == sidx;
			if (!has && same->nstudents < CM_MAX_STUDENTS)
				same->students[same->nstudents++] = sidx;
			continue;
		}
		/* a teacher absent on every session the household can come to
		 * cannot be requested sensibly; portals do not offer it */
		bool meetable = false;
		for (int s = 0; s < p->sessions; s++)
			meetable = meetable || (hh->s[s].present && in->teachers[teacher].s[s].present);
		if (!meetable)
			continue;
		cm_request *r = &in->requests[made];
		snprintf(r->id, sizeof r->id, "r%05d", made + 1);
		r->household = h;
		r->nteachers = 1;
		r->teachers[0] = teacher;
		r->nstudents = 1;
		r->students[0] = sidx;
		r->slots = 1;
		double u = rng_unit(&R);
		bool same_days = true;
		for (int s = 0; s < p->sessions; s++)
			same_days = same_days && in->teachers[cls[0]].s[s].present ==
			                                 in->teachers[teacher].s[s].present;
		if (u < p->joint_share && teacher != cls[0] && same_days) {
			r->nteachers = 2;
			r->teachers[1] = cls[0];
			r->slots = 2;
		} else if (u < p->joint_share + p->double_share) {
			r->slots = 2;
		}
		u = rng_unit(&R);
		r->priority = u < 0.15 ? CM_INVITED : u < 0.60 ? CM_REQUIRED : CM_OPTIONAL;
		made++;
	}
	in->nrequests = made;
	free(popularity);
	free(classes);
	free(student_class);
	free(student_house);
	free(student_index);
	return made == p->requests ? 0 : -1;
}

/* Demand (meeting slots asked of a teacher) over supply (available slots
 * outside breaks): the mean over teachers, or the largest. */
static double load(const cm_instance *in, int want_max)
{
	double sum = 0, max = 0;
	for (int j = 0; j < in->nteachers; j++) {
		int demand = 0, supply = 0;
		for (int r = 0; r < in->nrequests; r++)
			for (int k = 0; k < in->requests[r].nteachers; k++)
				if (in->requests[r].teachers[k] == j)
					demand += in->requests[r].slots;
		for (int s = 0; s < in->nsessions; s++) {
			const cm_presence *p = &in->teachers[j].s[s];
			for (int a = 0; p->present && a < p->navail; a++)
				for (int t = p->avail[a].from; t < p->avail[a].to; t++)
					supply += !cm_in_break(&in->sessions[s], t);
		}
		double l = supply ? (double)demand / supply : 0;
		sum += l;
		if (l > max)
			max = l;
	}
	return want_max ? max : sum / in->nteachers;
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		fprintf(argc < 2 ? stderr : stdout,
		        "usage: gen-conference OUTDIR [S|SO|M|L|XL ...]\n"
		        "Writes OUTDIR/NAME.json (triad.conference/1) for the benchmark suite.\n");
		return argc < 2 ? 2 : 0;
	}
	mkdir(argv[1], 0777);
	int status = 0;
	for (size_t i = 0; i < sizeof suite / sizeof *suite; i++) {
		bool wanted = argc == 2;
		for (int a = 2; a < argc; a++)
			wanted = wanted || strcmp(argv[a], suite[i].name) == 0;
		if (!wanted)
			continue;
		cm_instance in;
		if (build(&suite[i], &in) != 0) {
			fprintf(stderr, "gen-conference: %s: could only make %d of %d requests\n",
			        suite[i].name, in.nrequests, suite[i].requests);
			status = 1;
		}
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.json", argv[1], suite[i].name);
		if (cm_write_json(&in, path) != 0)
			status = 1;
		else
			printf("%-3s %d sessions, %d teachers, %d households, %d requests, "
			       "teacher load mean %.2f max %.2f -> %s\n",
			       suite[i].name, in.nsessions, in.nteachers, in.nhouseholds, in.nrequests,
			       load(&in, 0), load(&in, 1), path);
		cm_free(&in);
	}
	return status;
}
