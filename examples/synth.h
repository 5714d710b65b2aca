/*
 * A synthetic Dutch secondary school for `triad generate`: students across
 * school types and years in classes with mentors, households with siblings
 * and separated parents, guardians with and without parental authority,
 * staff, a parents' evening (two sessions) with availability and requests,
 * and contacts over the school year so far.
 *
 * The model is plain data; generate.c turns it into the library's formats
 * and checks them by loading them back. Everything follows from the seed
 * through a small local random generator (xoshiro256**), so the same seed
 * gives the same school on every machine.
 */
#ifndef TRIAD_EXAMPLES_SYNTH_H
#define TRIAD_EXAMPLES_SYNTH_H

#include <stdbool.h>
#include <stdint.h>

#include <triad.h>

/* xoshiro256** seeded through splitmix64. */
typedef struct synth_rng {
	uint64_t s[4];
} synth_rng;

void synth_rng_seed(synth_rng *r, uint64_t seed);
uint64_t synth_rng_next(synth_rng *r);
/* Uniform in [0, 1). */
double synth_unit(synth_rng *r);
/* Uniform in [0, n) for n >= 1. */
int synth_int(synth_rng *r, int n);
/* True with probability p. */
bool synth_chance(synth_rng *r, double p);

enum {
	SYNTH_SESSIONS = 2,     /* parents' evenings */
	SYNTH_SLOTS = 18,       /* slots per evening: 19:00 to 22:00 in 10 minutes */
	SYNTH_BREAK_FROM = 9,   /* one break slot at 20:30 */
	SYNTH_MAX_STUDENTS = 4, /* students of one household */
	SYNTH_MAX_CLASS_SUBJECTS = 10
};

enum {
	SYNTH_ROLE_MENTOR = 1,
	SYNTH_ROLE_TEACHER = 2,
	SYNTH_ROLE_COORDINATOR = 4,
	SYNTH_ROLE_SCHOOL_LEADER = 8
};

/* A half-open slot range [from, to); from == to means absent. */
typedef struct synth_window {
	int from, to;
} synth_window;

typedef struct synth_staff {
	char id[16];
	const char *given, *family;
	char title[8];        /* "mw." or "dhr." */
	unsigned roles;       /* SYNTH_ROLE_* bits (the values of triad_staff_role) */
	int subject;          /* index into synth_subjects, -1 for none */
	int load;             /* classes taught */
	char room[12];
	synth_window avail[SYNTH_SESSIONS];
} synth_staff;

typedef struct synth_class {
	char name[24];
	const char *type;     /* school type id */
	const char *bridge;   /* combined class label or NULL */
	int year;
	int mentor;           /* staff index */
	int nsubjects;
	int subjects[SYNTH_MAX_CLASS_SUBJECTS]; /* subject index */
	int teachers[SYNTH_MAX_CLASS_SUBJECTS]; /* staff index per subject */
} synth_class;

typedef struct synth_student {
	char id[16];
	const char *given, *family;
	triad_date birth;
	int klass;            /* class index */
	const char *type;     /* school type id (a combined class's students lead into one) */
	int family_idx;       /* family index */
	int households[2];
	int nhouseholds;
} synth_student;

typedef struct synth_household {
	char id[16];
	char name[80];
	char address[80];
	int students[SYNTH_MAX_STUDENTS];
	int nstudents;
	/* parents' evening */
	synth_window avail[SYNTH_SESSIONS];
	int preference;       /* 0 none, 1 early, 2 late */
	int max_sessions;     /* 0 for no cap */
	double reach;         /* how readily the household answers the school (0..1) */
} synth_household;

typedef struct synth_guardian {
	char id[16];
	const char *given, *family;
	int household;
	const char *language; /* BCP-47 */
	triad_channel channel;
} synth_guardian;

typedef struct synth_relation {
	int student, guardian;
	int kind;             /* triad_relation_kind: 1 mother, 2 father, 3 step-parent, 4 foster parent, 5 guardian */
	bool authority, lives_with, primary;
	int priority;
	int rights;           /* triad_info_rights: 1 full, 2 on request, 3 restricted */
	const char *reason;   /* with restricted rights */
} synth_relation;

typedef struct synth_request {
	char id[16];
	int household;
	int teachers[2];
	int nteachers;
	int students[2];      /* student indices */
	int nstudents;
	int slots;
	int priority;         /* 1 invited, 2 required, 3 optional */
} synth_request;

typedef struct synth_contact {
	triad_date date;
	int minute;           /* local time, minutes after midnight */
	int answers;          /* index of the contact this one answers, -1 for none */
	int student;
	int household;        /* -1 for none */
	int staff;
	triad_contact_kind kind;
	triad_channel channel;
	int initiator;        /* 0 school, 1 parent, 2 student */
	int tone;             /* 0 positive, 1 neutral, 2 concern */
	bool reached;
} synth_contact;

typedef struct synth_school {
	triad_date as_of, year_start;
	triad_date session_dates[SYNTH_SESSIONS];
	synth_staff *staff;
	int nstaff, capstaff;
	synth_class *classes;
	int nclasses;
	synth_student *students;
	int nstudents;
	int nfamilies;
	synth_household *households;
	int nhouseholds;
	synth_guardian *guardians;
	int nguardians;
	synth_relation *relations;
	int nrelations;
	synth_request *requests;
	int nrequests;
	synth_contact *contacts;
	int ncontacts;
} synth_school;

/* Subjects as Dutch schools name them; teachers are shown with theirs. */
extern const char *const synth_subjects[];
extern const int synth_subject_count;

/*
 * Build a school of `students` students (>= 20) for the school year holding
 * `as_of`, from `seed`. The evenings fall after `as_of`; the contacts before
 * it. Returns 0, or -1 when out of memory.
 */
int synth_build(synth_school *s, int students, uint64_t seed, triad_date as_of);
void synth_free(synth_school *s);

/* "mw. A. de Vries (wiskunde)" */
void synth_staff_display(const synth_school *s, int staff, char *buf, size_t cap);
/* "Emma de Vries" */
void synth_student_display(const synth_school *s, int student, char *buf, size_t cap);

#endif
