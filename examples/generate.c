/*
 * triad generate: a synthetic Dutch secondary school (synth.c) written in
 * the library's formats: the roster (triad.school/1), a parents' evening
 * (triad.conference/1) and the contacts of the school year so far. Each
 * document is loaded back with the library before it is written, so what
 * lands on disk is known to be valid; files are written atomically.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "common.h"
#include "synth.h"

/* The as-of date when none is given: fixed, so that a seed alone decides
 * the school (there is no hidden clock). */
#define DEFAULT_AS_OF "2026-11-16"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: triad generate [--students N] [--seed S] [--as-of YYYY-MM-DD]\n"
	        "                      [--out DIR] [--lang nl|en] [--progress]\n"
	        "\n"
	        "Generate a realistic synthetic Dutch secondary school and write\n"
	        "  DIR/school.json      the roster (triad.school/1): students across school\n"
	        "                       types and years, classes and mentors, households with\n"
	        "                       siblings and separated parents, guardians with and\n"
	        "                       without parental authority, staff\n"
	        "  DIR/conference.json  a parents' evening on two evenings after the as-of date\n"
	        "                       (triad.conference/1): teachers with rooms and\n"
	        "                       availability, households' availability and preferences,\n"
	        "                       requests with priorities, some joint or double-length\n"
	        "  DIR/evening-base.json, DIR/requests.csv\n"
	        "                       the same evening as a school's administration exports\n"
	        "                       it: sessions, rooms and teachers, and one CSV row per\n"
	        "                       student and teacher (for triad import-csv)\n"
	        "  DIR/contacts.json    the contact log of the school year so far\n"
	        "                       (triad.contact-log/1): introductions, information\n"
	        "                       evening, mentor calls, positive notes, concerns and\n"
	        "                       the answers to them, triangle conversations\n"
	        "\n"
	        "  --students N   number of students (20..100000; default 1200)\n"
	        "  --seed S       seed of the generator (default 1); the same seed and\n"
	        "                 options give the same files on every machine\n"
	        "  --as-of DATE   the date the school year is seen from (default " DEFAULT_AS_OF ")\n"
	        "  --out DIR      output directory, created if missing (default .)\n"
	        "  --lang nl|en   language of the summary (default en)\n"
	        "  --progress     report progress on stderr even when it is not a terminal\n");
}

typedef struct gen_opts {
	int students;
	uint64_t seed;
	triad_date as_of;
	const char *out;
	triad_lang lang;
	bool progress;
} gen_opts;

static void progress(const gen_opts *o, const char *nl, const char *en)
{
	if (o->progress)
		fprintf(stderr, "triad generate: %s\n", o->lang == TRIAD_LANG_NL ? nl : en);
}

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* ---- the roster ---- */

static int build_roster(triad_roster **out, const synth_school *s)
{
	triad_roster *r = NULL;
	int rc = triad_roster_new(&r, NULL);
	for (int i = 0; rc == 0 && i < s->nstaff; i++)
		rc = triad_roster_add_staff(r, s->staff[i].id, s->staff[i].given, s->staff[i].family,
		                            s->staff[i].roles);
	for (int i = 0; rc == 0 && i < s->nhouseholds; i++)
		rc = triad_roster_add_household(r, s->households[i].id, s->households[i].name,
		                                s->households[i].address);
	for (int i = 0; rc == 0 && i < s->nstudents; i++) {
		const synth_student *p = &s->students[i];
		const synth_class *cl = &s->classes[p->klass];
		triad_student_info info = TRIAD_STUDENT_INFO_INIT;
		info.id = p->id;
		info.given_name = p->given;
		info.family_name = p->family;
		info.birth_date = p->birth;
		info.school_type = p->type;
		info.year = cl->year;
		info.class_name = cl->name;
		info.mentor_id = s->staff[cl->mentor].id;
		info.bridge_class = cl->bridge;
		rc = triad_roster_add_student(r, &info);
	}
	for (int i = 0; rc == 0 && i < s->nguardians; i++) {
		const synth_guardian *g = &s->guardians[i];
		triad_guardian_info info = TRIAD_GUARDIAN_INFO_INIT;
		info.id = g->id;
		info.given_name = g->given;
		info.family_name = g->family;
		info.household_id = g->household >= 0 ? s->households[g->household].id : NULL;
		info.language = g->language;
		info.channel = g->channel;
		rc = triad_roster_add_guardian(r, &info);
	}
	for (int i = 0; rc == 0 && i < s->nrelations; i++) {
		const synth_relation *x = &s->relations[i];
		triad_relation_info info = TRIAD_RELATION_INFO_INIT;
		info.student_id = s->students[x->student].id;
		info.guardian_id = s->guardians[x->guardian].id;
		info.kind = (triad_relation_kind)x->kind;
		info.authority = x->authority;
		info.lives_with = x->lives_with;
		info.primary_contact = x->primary;
		info.contact_priority = x->priority;
		info.info_rights = (triad_info_rights)x->rights;
		info.restriction_reason = x->reason;
		rc = triad_roster_add_relation(r, &info);
	}
	/* Adult students decide about their parents: here they keep informing
	 * the parents with authority and let those they live with co-sign. */
	for (int i = 0; rc == 0 && i < s->nrelations; i++) {
		const synth_relation *x = &s->relations[i];
		int age = 0;
		triad_date_age(&age, s->students[x->student].birth, s->as_of);
		if (age >= 18)
			rc = triad_roster_set_adult_choice(r, s->students[x->student].id,
			                                   s->guardians[x->guardian].id, x->authority,
			                                   x->authority && x->lives_with);
	}
	/* Consent for photos at the start of the year: from the first parent
	 * under 16, from the student from 16; one in nine says no. */
	int y0;
	triad_date_to_ymd(s->year_start, &y0, NULL, NULL);
	triad_date first_day;
	triad_date_from_ymd(&first_day, y0, 9, 1);
	for (int i = 0; rc == 0 && i < s->nstudents && first_day <= s->as_of; i++) {
		int rel = 0; /* the student's first (primary) relation */
		while (rel < s->nrelations && s->relations[rel].student != i)
			rel++;
		int age = 0;
		triad_date_age(&age, s->students[i].birth, first_day);
		const char *by = age >= 16 || rel >= s->nrelations
		                 ? s->students[i].id
		                 : s->guardians[s->relations[rel].guardian].id;
		rc = triad_roster_add_consent(r, s->students[i].id, "photos", by, i % 9 != 4,
		                              first_day + i % 5);
	}
	if (rc) {
		triad_roster_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

static bool write_roster(const synth_school *s, const gen_opts *o)
{
	char *path = join_path(o->out, "school.json");
	triad_roster *roster = NULL, *back = NULL;
	char *text = NULL;
	bool ok = false;
	if (!path) {
		fprintf(stderr, "triad generate: out of memory\n");
		return false;
	}
	if (build_roster(&roster, s) || triad_roster_save(&text, roster)) {
		report_error("generate", "building the roster");
		goto done;
	}
	/* validate: what we write must load back into the same roster */
	if (triad_roster_load(&back, text, strlen(text), path, NULL)) {
		report_error("generate", "the generated roster does not load back");
		goto done;
	}
	if (!triad_roster_equal(roster, back)) {
		fprintf(stderr, "triad generate: the roster read back differs from the one written\n");
		goto done;
	}
	ok = write_file_atomic("generate", path, text, strlen(text));
done:
	triad_free(text);
	triad_roster_free(roster);
	triad_roster_free(back);
	free(path);
	return ok;
}

/* ---- the parents' evening ---- */

/* jansson returns NULL when out of memory; `ok` records any failure. */
static void set(bool *ok, json_t *obj, const char *key, json_t *v)
{
	if (!v || json_object_set_new(obj, key, v))
		*ok = false;
}

static void append(bool *ok, json_t *arr, json_t *v)
{
	if (!v || json_array_append_new(arr, v))
		*ok = false;
}

static json_t *date_json(triad_date d)
{
	char buf[TRIAD_DATE_BUFSIZE];
	return triad_date_format(d, buf) ? NULL : json_string(buf);
}

/* One availability range, or none; breaks need not be cut out (nobody
 * meets in a break anyway). */
static json_t *window_json(synth_window w)
{
	json_t *a = json_array();
	if (!a)
		return NULL;
	bool ok = true;
	if (w.to > w.from)
		append(&ok, a, json_pack("[ii]", w.from, w.to));
	if (!ok) {
		json_decref(a);
		return NULL;
	}
	return a;
}

/* The parents' evening; without households and requests (the base an
 * administration export is imported into) when `people` is false. */
static json_t *conference_json(const synth_school *s, bool people)
{
	static const char *const pref[] = { "none", "early", "late" };
	static const char *const prio[] = { "", "invited", "required", "optional" };
	bool ok = true;
	json_t *root = json_object();
	if (!root)
		return NULL;
	set(&ok, root, "format", json_string("triad.conference/1"));

	json_t *sessions = json_array();
	for (int e = 0; e < SYNTH_SESSIONS; e++) {
		char id[8];
		snprintf(id, sizeof id, "s%d", e + 1);
		append(&ok, sessions,
		       json_pack("{s:s, s:o, s:s, s:i, s:i, s:i, s:[[ii]]}", "id", id, "date",
		                 date_json(s->session_dates[e]), "start", "19:00", "slot_minutes", 10,
		                 "gap_minutes", 0, "slots", SYNTH_SLOTS, "breaks", SYNTH_BREAK_FROM,
		                 SYNTH_BREAK_FROM + 1));
	}
	set(&ok, root, "sessions", sessions);

	json_t *rooms = json_array(), *teachers = json_array();
	for (int i = 0; i < s->nstaff; i++) {
		const synth_staff *m = &s->staff[i];
		if (!(m->roles & SYNTH_ROLE_TEACHER))
			continue;
		append(&ok, rooms, json_pack("{s:s}", "id", m->room));
		char name[96];
		synth_staff_display(s, i, name, sizeof name);
		json_t *per = json_array();
		for (int e = 0; e < SYNTH_SESSIONS; e++) {
			if (m->avail[e].to <= m->avail[e].from)
				continue;
			char id[8];
			snprintf(id, sizeof id, "s%d", e + 1);
			append(&ok, per, json_pack("{s:s, s:s, s:o}", "session", id, "room", m->room,
			                           "available", window_json(m->avail[e])));
		}
		append(&ok, teachers, json_pack("{s:s, s:s, s:o}", "id", m->id, "name", name,
		                                "sessions", per));
	}
	set(&ok, root, "rooms", rooms);
	set(&ok, root, "teachers", teachers);

	json_t *households = json_array();
	for (int h = 0; people && h < s->nhouseholds; h++) {
		const synth_household *hh = &s->households[h];
		json_t *students = json_array(), *per = json_array();
		for (int k = 0; k < hh->nstudents; k++) {
			char name[96];
			synth_student_display(s, hh->students[k], name, sizeof name);
			append(&ok, students, json_string(name));
		}
		for (int e = 0; e < SYNTH_SESSIONS; e++) {
			if (hh->avail[e].to <= hh->avail[e].from)
				continue;
			char id[8];
			snprintf(id, sizeof id, "s%d", e + 1);
			append(&ok, per, json_pack("{s:s, s:o}", "session", id, "available",
			                           window_json(hh->avail[e])));
		}
		json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:s}", "id", hh->id, "name", hh->name,
		                      "students", students, "sessions", per, "preference",
		                      pref[hh->preference]);
		if (o && hh->max_sessions > 0)
			set(&ok, o, "max_sessions", json_integer(hh->max_sessions));
		append(&ok, households, o);
	}
	set(&ok, root, "households", households);

	json_t *requests = json_array();
	for (int i = 0; people && i < s->nrequests; i++) {
		const synth_request *q = &s->requests[i];
		json_t *ts = json_array(), *ss = json_array();
		for (int k = 0; k < q->nteachers; k++)
			append(&ok, ts, json_string(s->staff[q->teachers[k]].id));
		for (int k = 0; k < q->nstudents; k++) {
			char name[96];
			synth_student_display(s, q->students[k], name, sizeof name);
			append(&ok, ss, json_string(name));
		}
		append(&ok, requests,
		       json_pack("{s:s, s:s, s:o, s:o, s:i, s:s}", "id", q->id, "household",
		                 s->households[q->household].id, "teachers", ts, "students", ss,
		                 "slots", q->slots, "priority", prio[q->priority]));
	}
	set(&ok, root, "requests", requests);
	if (!ok) {
		json_decref(root);
		return NULL;
	}
	return root;
}

static bool write_conference(const synth_school *s, const gen_opts *o)
{
	char *path = join_path(o->out, "conference.json");
	json_t *root = path ? conference_json(s, true) : NULL;
	char *text = root ? json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(root);
	triad_conference *conf = NULL;
	bool ok = false;
	if (!text) {
		fprintf(stderr, "triad generate: out of memory\n");
	} else if (triad_conference_load_json(&conf, text, strlen(text), path)) {
		report_error("generate", "the generated parents' evening does not load");
	} else if (triad_conference_request_count(conf) != (size_t)s->nrequests) {
		fprintf(stderr, "triad generate: %s: %zu requests loaded, %d written\n", path,
		        triad_conference_request_count(conf), s->nrequests);
	} else {
		ok = write_file_atomic("generate", path, text, strlen(text));
	}
	triad_conference_free(conf);
	free(text);
	free(path);
	return ok;
}

/* ---- the same evening as an administration system exports it ---- */

typedef struct textbuf {
	char *data;
	size_t len, cap;
	bool failed;
} textbuf;

static void tb_put(textbuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 65536;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->data, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n + 1);
	b->len += n;
}

/* A cell, quoted when it holds the separator, a quote or a line break. */
static void tb_cell(textbuf *b, const char *s, bool last)
{
	if (strpbrk(s, ";\"\r\n")) {
		tb_put(b, "\"");
		for (const char *p = s; *p; p++) {
			char c[3] = { *p, *p == '"' ? '"' : '\0', '\0' };
			tb_put(b, c);
		}
		tb_put(b, "\"");
	} else {
		tb_put(b, s);
	}
	tb_put(b, last ? "\r\n" : ";");
}

/* requests.csv: one row per student and teacher, the household repeated on
 * each row, as Dutch Excel writes it (byte-order mark, ';', CRLF). Sessions
 * are whole evenings here: partial availability is in conference.json only. */
static char *requests_csv(const synth_school *s)
{
	static const char *const prio[] = { "", "uitgenodigd", "verplicht", "optioneel" };
	static const char *const pref[] = { "", "vroeg", "laat" };
	textbuf b = { NULL, 0, 0, false };
	tb_put(&b, "\xEF\xBB\xBFGezin;Gezinsnaam;Ouders;Leerling;Docent;Samen met;Prioriteit;Duur;"
	           "Voorkeur;Avonden;Max. avonden\r\n");
	for (int i = 0; i < s->nrequests; i++) {
		const synth_request *q = &s->requests[i];
		const synth_household *hh = &s->households[q->household];
		char parents[256] = "", sessions[32] = "", slots[16], max[16] = "";
		for (int g = 0; g < s->nguardians; g++) {
			if (s->guardians[g].household != q->household)
				continue;
			size_t n = strlen(parents);
			snprintf(parents + n, sizeof parents - n, "%s%s %s", n ? " en " : "",
			         s->guardians[g].given, s->guardians[g].family);
		}
		for (int e = 0; e < SYNTH_SESSIONS; e++)
			if (hh->avail[e].to > hh->avail[e].from) {
				size_t n = strlen(sessions);
				snprintf(sessions + n, sizeof sessions - n, "%ss%d", n ? " " : "", e + 1);
			}
		snprintf(slots, sizeof slots, "%d", q->slots);
		if (hh->max_sessions > 0)
			snprintf(max, sizeof max, "%d", hh->max_sessions);
		for (int k = 0; k < q->nstudents; k++) {
			char student[96];
			synth_student_display(s, q->students[k], student, sizeof student);
			tb_cell(&b, hh->id, false);
			tb_cell(&b, hh->name, false);
			tb_cell(&b, parents, false);
			tb_cell(&b, student, false);
			tb_cell(&b, s->staff[q->teachers[0]].id, false);
			tb_cell(&b, q->nteachers > 1 ? s->staff[q->teachers[1]].id : "", false);
			tb_cell(&b, prio[q->priority], false);
			tb_cell(&b, slots, false);
			tb_cell(&b, pref[hh->preference], false);
			tb_cell(&b, sessions, false);
			tb_cell(&b, max, true);
		}
	}
	if (b.failed) {
		free(b.data);
		return NULL;
	}
	return b.data;
}

/* evening-base.json and requests.csv, checked by importing the one into
 * the other: the same households and requests must come out. */
static bool write_export(const synth_school *s, const gen_opts *o)
{
	char *base_path = join_path(o->out, "evening-base.json");
	char *csv_path = join_path(o->out, "requests.csv");
	json_t *root = base_path && csv_path ? conference_json(s, false) : NULL;
	char *base_text = root ? json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(root);
	char *csv = base_text ? requests_csv(s) : NULL;
	triad_conference *base = NULL, *conf = NULL;
	bool ok = false;
	size_t households = 0;
	for (int h = 0; h < s->nhouseholds; h++)
		for (int i = 0; i < s->nrequests; i++)
			if (s->requests[i].household == h) {
				households++;
				break;
			}
	if (!csv) {
		fprintf(stderr, "triad generate: out of memory\n");
	} else if (triad_conference_load_json(&base, base_text, strlen(base_text), base_path)) {
		report_error("generate", "the generated base of the evening does not load");
	} else if (triad_conference_import_csv(&conf, base, csv, strlen(csv), csv_path, NULL)) {
		report_error("generate", "the generated export does not import");
	} else if (triad_conference_request_count(conf) != (size_t)s->nrequests ||
	           triad_conference_household_count(conf) != households) {
		fprintf(stderr, "triad generate: %s: %zu households and %zu requests imported, "
		        "%zu and %d written\n", csv_path, triad_conference_household_count(conf),
		        triad_conference_request_count(conf), households, s->nrequests);
	} else {
		ok = write_file_atomic("generate", base_path, base_text, strlen(base_text)) &&
		     write_file_atomic("generate", csv_path, csv, strlen(csv));
	}
	triad_conference_free(conf);
	triad_conference_free(base);
	free(csv);
	free(base_text);
	free(base_path);
	free(csv_path);
	return ok;
}

/* ---- the contact log ---- */

/* The guardian of a household who speaks for a student: the first one with
 * a relation to the student (relations are in priority order). */
static const char *speaker(const synth_school *s, int household, int student)
{
	for (int i = 0; i < s->nrelations; i++) {
		const synth_relation *x = &s->relations[i];
		if (x->student == student && s->guardians[x->guardian].household == household)
			return s->guardians[x->guardian].id;
	}
	return NULL;
}

static int build_log(triad_contactlog **out, const synth_school *s)
{
	static const triad_initiator initiators[] = { TRIAD_INITIATOR_SCHOOL, TRIAD_INITIATOR_PARENT,
		                                      TRIAD_INITIATOR_STUDENT };
	static const triad_tone tones[] = { TRIAD_TONE_POSITIVE, TRIAD_TONE_NEUTRAL,
		                            TRIAD_TONE_CONCERN };
	triad_contactlog *log = NULL;
	int rc = triad_contactlog_new(&log);
	for (int i = 0; rc == 0 && i < s->ncontacts; i++) {
		const synth_contact *c = &s->contacts[i];
		char id[16], answers[16];
		snprintf(id, sizeof id, "c%06d", i + 1);
		snprintf(answers, sizeof answers, "c%06d", c->answers + 1);
		const char *who = c->reached ? speaker(s, c->household, c->student) : NULL;
		const char *students[1] = { s->students[c->student].id };
		triad_contact e = TRIAD_CONTACT_INIT;
		e.id = id;
		e.date = c->date;
		e.minute = c->minute;
		e.kind = c->kind;
		e.channel = c->channel;
		e.initiator = initiators[c->initiator];
		e.tone = tones[c->tone];
		e.reached = c->reached;
		e.household = s->households[c->household].id;
		e.staff = s->staff[c->staff].id;
		e.answers = c->answers >= 0 ? answers : NULL;
		e.student_present = c->reached && (c->kind == TRIAD_CONTACT_TRIANGLE ||
		                                   c->kind == TRIAD_CONTACT_INTAKE);
		e.guardians = who ? &who : NULL;
		e.guardian_count = who ? 1 : 0;
		e.students = students;
		e.student_count = 1;
		rc = triad_contactlog_add(log, &e);
	}
	if (rc) {
		triad_contactlog_free(log);
		return rc;
	}
	*out = log;
	return 0;
}

static bool write_contacts(const synth_school *s, const gen_opts *o)
{
	char *path = join_path(o->out, "contacts.json");
	triad_contactlog *log = NULL, *back = NULL;
	char *text = NULL;
	bool ok = false;
	if (!path) {
		fprintf(stderr, "triad generate: out of memory\n");
		return false;
	}
	if (build_log(&log, s) || triad_contactlog_to_json(&text, log)) {
		report_error("generate", "building the contact log");
	} else if (triad_contactlog_load_string(&back, text, strlen(text), path)) {
		report_error("generate", "the generated contact log does not load back");
	} else if (triad_contactlog_count(back) != (size_t)s->ncontacts) {
		fprintf(stderr, "triad generate: %s: %zu contacts read back, %d written\n", path,
		        triad_contactlog_count(back), s->ncontacts);
	} else {
		ok = write_file_atomic("generate", path, text, strlen(text));
	}
	triad_free(text);
	triad_contactlog_free(log);
	triad_contactlog_free(back);
	free(path);
	return ok;
}

/* ---- summary ---- */

static void summary(const synth_school *s, const gen_opts *o)
{
	int siblings = 0, separated = 0, no_authority = 0, restricted = 0, adults = 0;
	int mentors = 0, teachers = 0, joint = 0, doubles = 0;
	for (int h = 0; h < s->nhouseholds; h++)
		siblings += s->households[h].nstudents >= 2;
	for (int i = 0; i < s->nstudents; i++) {
		separated += s->students[i].nhouseholds == 2;
		int age = 0;
		triad_date_age(&age, s->students[i].birth, s->as_of);
		adults += age >= 18;
	}
	for (int i = 0; i < s->nrelations; i++) {
		no_authority += s->relations[i].rights == 2;
		restricted += s->relations[i].rights == 3;
	}
	for (int i = 0; i < s->nstaff; i++) {
		mentors += (s->staff[i].roles & SYNTH_ROLE_MENTOR) != 0;
		teachers += (s->staff[i].roles & SYNTH_ROLE_TEACHER) != 0;
	}
	for (int i = 0; i < s->nrequests; i++) {
		joint += s->requests[i].nteachers > 1;
		doubles += s->requests[i].slots > 1;
	}
	char d1[TRIAD_DATE_BUFSIZE], d2[TRIAD_DATE_BUFSIZE];
	triad_date_format(s->session_dates[0], d1);
	triad_date_format(s->session_dates[1], d2);
	bool nl = o->lang == TRIAD_LANG_NL;
	printf(nl ? "%d leerlingen in %d klassen, %d personeelsleden (%d docenten, %d mentoren)\n"
	          : "%d students in %d classes, %d staff (%d teachers, %d mentors)\n",
	       s->nstudents, s->nclasses, s->nstaff, teachers, mentors);
	printf(nl ? "%d gezinnen (%.1f %% met twee of meer leerlingen), %d ouders/verzorgers\n"
	          : "%d households (%.1f %% with two or more students), %d guardians\n",
	       s->nhouseholds, 100.0 * siblings / s->nhouseholds, s->nguardians);
	printf(nl ? "%.1f %% van de leerlingen met gescheiden ouders (twee gezinnen); %d relaties "
	            "zonder gezag (informatie op verzoek), %d met beperkte informatie; %d "
	            "meerderjarige leerlingen\n"
	          : "%.1f %% of students with separated parents (two households); %d relations "
	            "without authority (information on request), %d restricted; %d adult "
	            "students\n",
	       100.0 * separated / s->nstudents, no_authority, restricted, adults);
	printf(nl ? "ouderavond %s en %s: %d aanvragen (%d gezamenlijk, %d dubbel)\n"
	          : "parents' evening %s and %s: %d requests (%d joint, %d double length)\n",
	       d1, d2, s->nrequests, joint, doubles);
	int reached = 0, proactive = 0;
	for (int i = 0; i < s->ncontacts; i++) {
		reached += s->contacts[i].reached;
		proactive += s->contacts[i].initiator == 0 && s->contacts[i].tone != 2;
	}
	printf(nl ? "%d contacten sinds de zomer (%d bereikt, %d proactief door de school)\n"
	          : "%d contacts since the summer (%d reached someone, %d proactive by the school)\n",
	       s->ncontacts, reached, proactive);
	printf(nl ? "geschreven naar %s/: school.json, conference.json, evening-base.json, "
	            "requests.csv, contacts.json\n"
	          : "written to %s/: school.json, conference.json, evening-base.json, "
	            "requests.csv, contacts.json\n",
	       o->out);
}

/* ---- the command ---- */

static bool parse_int(const char *text, long long min, long long max, long long *out)
{
	char *end = NULL;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

int cmd_generate(int argc, char **argv)
{
	gen_opts o = { 1200, 1, 0, ".", TRIAD_LANG_EN, false };
	bool force_progress = false;
	triad_date_parse(&o.as_of, DEFAULT_AS_OF);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		long long n;
		if (is_help(a)) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--progress") == 0) {
			force_progress = true;
			continue;
		}
		if (!v) {
			fprintf(stderr, "triad generate: %s\n",
			        strncmp(a, "--", 2) == 0 ? "an option lacks its value"
			                                 : "unexpected argument");
			usage(stderr);
			return 2;
		}
		i++;
		if (strcmp(a, "--students") == 0 && parse_int(v, 20, 100000, &n)) {
			o.students = (int)n;
		} else if (strcmp(a, "--seed") == 0 && parse_int(v, 0, INT64_MAX, &n)) {
			o.seed = (uint64_t)n;
		} else if (strcmp(a, "--as-of") == 0 && triad_date_parse(&o.as_of, v) == 0) {
		} else if (strcmp(a, "--out") == 0) {
			o.out = v;
		} else if (strcmp(a, "--lang") == 0) {
			if (!parse_lang("generate", v, &o.lang))
				return 2;
		} else {
			fprintf(stderr, "triad generate: invalid option or value: %s %s\n", a, v);
			usage(stderr);
			return 2;
		}
	}
	o.progress = progress_wanted(force_progress);
	if (mkdir(o.out, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "triad generate: cannot create %s: %s\n", o.out, strerror(errno));
		return 1;
	}

	synth_school s;
	progress(&o, "school opbouwen", "building the school");
	if (synth_build(&s, o.students, o.seed, o.as_of)) {
		fprintf(stderr, "triad generate: out of memory\n");
		return 1;
	}
	progress(&o, "leerlingenbestand schrijven en controleren",
	         "writing and checking the roster");
	bool ok = write_roster(&s, &o);
	progress(&o, "ouderavond schrijven en controleren",
	         "writing and checking the parents' evening");
	ok = ok && write_conference(&s, &o);
	progress(&o, "export van de administratie schrijven en importeren",
	         "writing and importing the administration's export");
	ok = ok && write_export(&s, &o);
	progress(&o, "contactlogboek schrijven en controleren", "writing and checking the contact log");
	ok = ok && write_contacts(&s, &o);
	if (ok)
		summary(&s, &o);
	synth_free(&s);
	return ok ? 0 : 1;
}
