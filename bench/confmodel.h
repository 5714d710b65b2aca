/*
 * A plain in-memory copy of a triad.conference/1 instance for the benchmark
 * tools (generator, self-booking baseline, LP writer). The library owns the
 * real model and its validation; this copy only exists so that the baselines
 * can be written without reaching into the library's internals. Instances
 * are validated by the library (triad_conference_load) before they are used.
 */
#ifndef BENCH_CONFMODEL_H
#define BENCH_CONFMODEL_H

#include <stdbool.h>
#include <stddef.h>

#define CM_MAX_RANGES 4
#define CM_MAX_SESSIONS 4
#define CM_MAX_JOINT 3
#define CM_MAX_STUDENTS 4

typedef struct cm_range {
	int from, to; /* half-open [from, to) */
} cm_range;

typedef struct cm_session {
	char id[16];
	char date[11];   /* YYYY-MM-DD */
	int start_min;   /* minutes after midnight */
	int slot_minutes;
	int gap_minutes;
	int slots;
	int nbreaks;
	cm_range breaks[CM_MAX_RANGES];
} cm_session;

typedef struct cm_presence {
	bool present;
	int room;        /* index into rooms (teachers only) */
	int navail;
	cm_range avail[CM_MAX_RANGES];
	int max_meetings; /* 0: no cap (teachers only) */
} cm_presence;

typedef struct cm_teacher {
	char id[16];
	char name[64];
	cm_presence s[CM_MAX_SESSIONS];
} cm_teacher;

typedef enum cm_pref { CM_PREF_NONE = 0, CM_PREF_EARLY = 1, CM_PREF_LATE = 2 } cm_pref;

typedef struct cm_household {
	char id[16];
	char name[64];
	int nstudents;
	char students[CM_MAX_STUDENTS][48]; /* names, unique in the household */
	cm_presence s[CM_MAX_SESSIONS];
	cm_pref pref;
	int max_sessions; /* 0: no cap */
} cm_household;

typedef enum cm_priority {
	CM_INVITED = 0,
	CM_REQUIRED = 1,
	CM_OPTIONAL = 2
} cm_priority;

typedef struct cm_request {
	char id[16];
	int household;
	int nteachers;
	int teachers[CM_MAX_JOINT];
	int nstudents;
	int students[CM_MAX_STUDENTS]; /* indices into the household's students */
	int slots;
	cm_priority priority;
} cm_request;

/* Weights and caps of the instance's settings (defaults of SCHEDULING.md). */
typedef struct cm_settings {
	long w_unscheduled, w_extra_session, w_wait, w_idle, w_pref;
	int prio_weight[3]; /* invited, required, optional */
	int walking_gap;    /* slots between meetings in different rooms */
} cm_settings;

typedef struct cm_instance {
	char name[32];
	int nsessions;
	cm_session sessions[CM_MAX_SESSIONS];
	int nrooms;
	char (*rooms)[16];
	int nteachers;
	cm_teacher *teachers;
	int nhouseholds;
	cm_household *households;
	int nrequests;
	cm_request *requests;
	cm_settings settings;
} cm_instance;

void cm_settings_default(cm_settings *s);
void cm_free(cm_instance *in);

/* Whether slot k of session s is inside a break. */
bool cm_in_break(const cm_session *s, int k);
/* Whether [from, from+len) lies inside one of the ranges. */
bool cm_ranges_cover(const cm_range *r, int n, int from, int len);

/* Whether request r may start at slot t of session s as far as the instance
 * alone decides (session bounds, breaks, availability of household and of
 * every teacher, presence). */
bool cm_start_allowed(const cm_instance *in, const cm_request *r, int s, int t);

/* Write as triad.conference/1 JSON; returns 0 or -1 (message on stderr). */
int cm_write_json(const cm_instance *in, const char *path);
/* Read triad.conference/1 JSON; returns 0 or -1 (message on stderr). The
 * reader trusts the library's validation and checks only what it uses. */
int cm_read_json(cm_instance *in, const char *path);

#endif
