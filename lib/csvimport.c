/*
 * Parents' evening requests and households from a school's CSV export
 * (include/triad/csvimport.h). The CSV is read into a table (csvtable.c),
 * its header mapped onto the columns, every row checked against the base
 * instance so that errors name the row and column, and the households and
 * requests are then added to the base's own JSON and loaded with the
 * conference loader: the instance is built the one way every instance is.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvtable_private.h"
#include "json_private.h"

/* ---- columns and their header names ---- */

typedef struct column_def {
	const char *id;
	const char *const *names; /* normalized default headers, NULL-terminated */
} column_def;

static const char *const h_household[] = { "gezin", "gezinsnummer", "gezin_id", "household",
	                                   "household_id", "family", NULL };
static const char *const h_name[] = { "gezinsnaam", "naam_gezin", "household_name",
	                              "family_name", NULL };
static const char *const h_parent[] = { "ouder", "ouders", "ouder_verzorger", "verzorger",
	                                "parent", "parents", "guardian", NULL };
static const char *const h_student[] = { "leerling", "leerlingnaam", "student", "student_name",
	                                 "pupil", NULL };
static const char *const h_teacher[] = { "docent", "docentcode", "leraar", "teacher",
	                                 "teacher_id", NULL };
static const char *const h_joint[] = { "samen_met", "tweede_docent", "met_docent",
	                               "joint_teacher", "with_teacher", NULL };
static const char *const h_priority[] = { "prioriteit", "priority", NULL };
static const char *const h_slots[] = { "duur", "aantal_slots", "slots", "length", NULL };
static const char *const h_pref[] = { "voorkeur", "tijdvoorkeur", "preference", NULL };
static const char *const h_sessions[] = { "avonden", "beschikbaar", "sessies", "sessions",
	                                  "available", "evenings", NULL };
static const char *const h_max[] = { "max_avonden", "max_sessies", "max_sessions", NULL };

static const column_def columns[TRIAD_CSV_COLUMN_COUNT + 1] = {
	{ NULL, NULL },
	{ "household", h_household },
	{ "household_name", h_name },
	{ "parent", h_parent },
	{ "student", h_student },
	{ "teacher", h_teacher },
	{ "joint_teacher", h_joint },
	{ "priority", h_priority },
	{ "slots", h_slots },
	{ "preference", h_pref },
	{ "sessions", h_sessions },
	{ "max_sessions", h_max },
};

/* Columns that describe the household rather than the row. */
enum { HH_NAME, HH_PARENT, HH_PREF, HH_SESSIONS, HH_MAX, HH_FIELDS };
static const triad_csv_column hh_columns[HH_FIELDS] = {
	TRIAD_CSV_COLUMN_HOUSEHOLD_NAME, TRIAD_CSV_COLUMN_PARENT, TRIAD_CSV_COLUMN_PREFERENCE,
	TRIAD_CSV_COLUMN_SESSIONS, TRIAD_CSV_COLUMN_MAX_SESSIONS,
};

enum { MAX_SLOTS = 4, NAME_MAX_ = 64 };

const char *triad_csv_column_id(triad_csv_column column)
{
	if (column < 1 || column > TRIAD_CSV_COLUMN_COUNT) {
		triad__err(TRIAD_EINVAL, "%d is not a CSV column", (int)column);
		return NULL;
	}
	return columns[column].id;
}

int triad_csvimport_options_init(triad_csvimport_options *opts, unsigned version)
{
	if (!opts)
		return triad__err(TRIAD_EINVAL, "the options are NULL");
	if (version < 1 || version > TRIAD_CSVIMPORT_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "unknown version %u of the CSV import options (this library "
		                  "knows 1..%d)",
		                  version, TRIAD_CSVIMPORT_OPTIONS_VERSION);
	triad_csvimport_options def = TRIAD_CSVIMPORT_OPTIONS_INIT;
	*opts = def;
	opts->version = version;
	return 0;
}

/* Lower-case ASCII, trim, and turn runs of space - _ / . into one '_'. */
static void normalize(const char *in, char *out, size_t cap)
{
	size_t n = 0;
	bool sep = false;
	for (const char *p = in; *p && n + 1 < cap; p++) {
		char c = *p;
		if (c == ' ' || c == '-' || c == '_' || c == '/' || c == '.' || c == '\t') {
			sep = n > 0;
			continue;
		}
		if (sep && n + 2 < cap)
			out[n++] = '_';
		sep = false;
		out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[n] = '\0';
}

/* ---- the import state ---- */

typedef struct household {
	const char *id;
	int row;
	const char *value[HH_FIELDS]; /* the first non-empty value, borrowed */
	int value_row[HH_FIELDS];
	unsigned char *sessions;      /* parsed sessions cell: 1 per session available */
	int preference;               /* 0 none, 1 early, 2 late */
	int max_sessions;
	const char **students;        /* in order of first mention, borrowed */
	size_t nstudents, capstudents;
	size_t first_request;         /* index + 1 of its first request; 0 for none */
} household;

typedef struct request {
	size_t household;
	size_t teachers[2];
	int nteachers;
	const char **students;
	size_t nstudents, capstudents;
	int slots;
	int priority; /* triad_conference_priority */
	int row;
	size_t next;  /* index + 1 of the household's next request; 0 for none */
} request;

typedef struct importer {
	const triad_conference *base;
	const char *source;
	const triad_csv_table *t;
	int col[TRIAD_CSV_COLUMN_COUNT + 1]; /* CSV column index per column, -1 absent */
	household *hh;
	size_t nhh, caphh;
	size_t *slots;   /* hash table of household ids: index + 1, 0 for empty */
	size_t nslots;   /* a power of two, at least twice nhh */
	request *rq;
	size_t nrq, caprq;
	size_t nsessions;
} importer;

static const char *src(const importer *im)
{
	return im->source ? im->source : "CSV";
}

/* An error about one cell (col >= 0) or a whole row (col < 0). */
static int fail_at(const importer *im, int code, const triad_csv_row *row, int col,
                   const char *fmt, ...) TRIAD_PRINTF(5, 6);
static int fail_at(const importer *im, int code, const triad_csv_row *row, int col,
                   const char *fmt, ...)
{
	char msg[640];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int line = row ? row->line : 0;
	if (col >= 0 && im->t->nrows > 0 && (size_t)col < im->t->rows[0].ncells)
		return triad__err_at(code, im->source, line, col + 1, NULL,
		                     "%s: row %d, column \"%.60s\": %s", src(im), line,
		                     im->t->rows[0].cells[col], msg);
	if (col >= 0)
		return triad__err_at(code, im->source, line, col + 1, NULL,
		                     "%s: row %d, column %d: %s", src(im), line, col + 1, msg);
	if (row)
		return triad__err_at(code, im->source, line, 0, NULL, "%s: row %d: %s", src(im),
		                     line, msg);
	return triad__err_at(code, im->source, 0, 0, NULL, "%s: %s", src(im), msg);
}

/* The cell of a column in a row; "" when the column is absent or the row short. */
static const char *cell(const importer *im, const triad_csv_row *row, triad_csv_column c)
{
	int k = im->col[c];
	if (k < 0 || (size_t)k >= row->ncells)
		return "";
	return row->cells[k];
}

/* ---- the header ---- */

static bool matches(const triad_csvimport_options *o, triad_csv_column c, const char *norm)
{
	if (o && o->headers[c]) {
		char want[128];
		normalize(o->headers[c], want, sizeof want);
		return strcmp(want, norm) == 0;
	}
	for (const char *const *n = columns[c].names; *n; n++)
		if (strcmp(*n, norm) == 0)
			return true;
	return false;
}

static int map_header(importer *im, const triad_csvimport_options *o)
{
	for (int c = 0; c <= TRIAD_CSV_COLUMN_COUNT; c++)
		im->col[c] = -1;
	if (im->t->nrows == 0)
		return fail_at(im, TRIAD_EFORMAT, NULL, -1,
		               "the file is empty; the first row must name the columns (at least "
		               "gezin/household, leerling/student and docent/teacher)");
	const triad_csv_row *head = &im->t->rows[0];
	for (size_t k = 0; k < head->ncells; k++) {
		char norm[128];
		normalize(head->cells[k], norm, sizeof norm);
		int found = 0;
		for (int c = 1; c <= TRIAD_CSV_COLUMN_COUNT && !found; c++)
			if (matches(o, (triad_csv_column)c, norm))
				found = c;
		if (!found && o && o->ignore_unknown_columns)
			continue;
		if (!found && norm[0] == '\0')
			return fail_at(im, TRIAD_EFORMAT, head, -1,
			               "column %zu has no header name", k + 1);
		if (!found)
			return fail_at(im, TRIAD_EFORMAT, head, (int)k,
			               "unknown column (the columns are gezin/household, "
			               "gezinsnaam/household_name, ouder/parent, leerling/student, "
			               "docent/teacher, samen met/joint_teacher, prioriteit/priority, "
			               "duur/slots, voorkeur/preference, avonden/sessions, max "
			               "avonden/max_sessions; see doc/formats/csv-import.md)");
		if (im->col[found] >= 0)
			return fail_at(im, TRIAD_EFORMAT, head, (int)k,
			               "the column \"%s\" appears twice (also column %d)",
			               columns[found].id, im->col[found] + 1);
		im->col[found] = (int)k;
	}
	static const triad_csv_column required[] = { TRIAD_CSV_COLUMN_HOUSEHOLD,
		                                     TRIAD_CSV_COLUMN_STUDENT,
		                                     TRIAD_CSV_COLUMN_TEACHER };
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(required); i++) {
		triad_csv_column c = required[i];
		if (im->col[c] < 0)
			return fail_at(im, TRIAD_EFORMAT, head, -1,
			               "the required column \"%s\" is missing (header \"%s\" or "
			               "\"%s\")",
			               columns[c].id,
			               o && o->headers[c] ? o->headers[c] : columns[c].names[0],
			               o && o->headers[c] ? o->headers[c] : columns[c].id);
	}
	return 0;
}

/* ---- cell values ---- */

static bool word_is(const char *cellv, const char *const *words)
{
	char norm[64];
	normalize(cellv, norm, sizeof norm);
	for (; *words; words++)
		if (strcmp(norm, *words) == 0)
			return true;
	return false;
}

static int parse_priority(const importer *im, const triad_csv_row *row, int *out)
{
	static const char *const invited[] = { "uitgenodigd", "uitnodiging", "invited", NULL };
	static const char *const required[] = { "verplicht", "noodzakelijk", "required", NULL };
	static const char *const optional[] = { "optioneel", "facultatief", "optional", NULL };
	const char *v = cell(im, row, TRIAD_CSV_COLUMN_PRIORITY);
	if (!*v || word_is(v, required))
		*out = TRIAD_CONFERENCE_PRIORITY_REQUIRED;
	else if (word_is(v, invited))
		*out = TRIAD_CONFERENCE_PRIORITY_INVITED;
	else if (word_is(v, optional))
		*out = TRIAD_CONFERENCE_PRIORITY_OPTIONAL;
	else
		return fail_at(im, TRIAD_EFORMAT, row, im->col[TRIAD_CSV_COLUMN_PRIORITY],
		               "\"%.60s\" is not a priority (uitgenodigd/invited, "
		               "verplicht/required, optioneel/optional)",
		               v);
	return 0;
}

static int parse_int_cell(const importer *im, const triad_csv_row *row, triad_csv_column c,
                          long min, long max, long *out)
{
	const char *v = cell(im, row, c);
	char *end = NULL;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (!*v || errno || *end || x < min || x > max)
		return fail_at(im, TRIAD_EFORMAT, row, im->col[c],
		               "\"%.60s\" is not a whole number from %ld to %ld", v, min, max);
	*out = x;
	return 0;
}

static int parse_preference(const importer *im, const triad_csv_row *row, int *out)
{
	static const char *const none[] = { "geen", "geen_voorkeur", "none", "no_preference",
		                            NULL };
	static const char *const early[] = { "vroeg", "early", NULL };
	static const char *const late[] = { "laat", "late", NULL };
	const char *v = cell(im, row, TRIAD_CSV_COLUMN_PREFERENCE);
	if (word_is(v, none))
		*out = TRIAD_CONFERENCE_PREFER_NONE;
	else if (word_is(v, early))
		*out = TRIAD_CONFERENCE_PREFER_EARLY;
	else if (word_is(v, late))
		*out = TRIAD_CONFERENCE_PREFER_LATE;
	else
		return fail_at(im, TRIAD_EFORMAT, row, im->col[TRIAD_CSV_COLUMN_PREFERENCE],
		               "\"%.60s\" is not a preference (vroeg/early, laat/late, "
		               "geen/none)",
		               v);
	return 0;
}

/* A session by id or date. */
static bool find_session(const importer *im, const char *token, size_t *out)
{
	if (triad_conference_session_index(out, im->base, token) == 0)
		return true;
	triad_date d;
	if (triad_date_parse(&d, token) != 0)
		return false;
	for (size_t s = 0; s < im->nsessions; s++) {
		triad_date sd;
		if (triad_conference_session_date(&sd, im->base, s) == 0 && sd == d) {
			*out = s;
			return true;
		}
	}
	return false;
}

/* The sessions cell into one flag per session; an empty cell is all. */
static int parse_sessions(const importer *im, const triad_csv_row *row, unsigned char *flags)
{
	const char *v = cell(im, row, TRIAD_CSV_COLUMN_SESSIONS);
	bool any = false;
	memset(flags, 0, im->nsessions);
	const char *p = v;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == ';' || *p == '+' || *p == '\t')
			p++;
		size_t n = 0;
		while (p[n] && p[n] != ' ' && p[n] != ',' && p[n] != ';' && p[n] != '+' &&
		       p[n] != '\t')
			n++;
		if (!n)
			break;
		char token[NAME_MAX_ + 1];
		size_t s = 0;
		if (n > NAME_MAX_ ||
		    (memcpy(token, p, n), token[n] = '\0', !find_session(im, token, &s)))
			return fail_at(im, TRIAD_EFORMAT, row, im->col[TRIAD_CSV_COLUMN_SESSIONS],
			               "unknown session \"%.*s\" (give session ids or dates of the "
			               "base instance, such as \"%s\")",
			               (int)(n > NAME_MAX_ ? NAME_MAX_ : n), p,
			               triad_conference_session_id(im->base, 0));
		flags[s] = 1;
		any = true;
		p += n;
	}
	if (!any)
		memset(flags, 1, im->nsessions);
	return 0;
}

/* A teacher id of the base who is present at some session. */
static int find_teacher(const importer *im, const triad_csv_row *row, triad_csv_column c,
                        size_t *out)
{
	const char *v = cell(im, row, c);
	size_t t;
	if (triad_conference_teacher_index(&t, im->base, v) != 0)
		return fail_at(im, TRIAD_EFORMAT, row, im->col[c], "unknown teacher \"%.60s\"", v);
	bool present = false;
	for (size_t s = 0; s < im->nsessions && !present; s++)
		present = triad_conference_teacher_present(im->base, t, s) == 1;
	if (!present)
		return fail_at(im, TRIAD_EFORMAT, row, im->col[c],
		               "teacher \"%.60s\" is present at none of the sessions", v);
	*out = t;
	return 0;
}

/* ---- households ---- */

/* FNV-1a: files list thousands of households, so finding one by id must not
 * mean walking them all. */
static size_t hash_id(const char *id)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (size_t)h;
}

/* The slot of an id: where it is, or the empty slot where it belongs. */
static size_t *hash_slot(const importer *im, const char *id)
{
	size_t mask = im->nslots - 1;
	for (size_t i = hash_id(id) & mask;; i = (i + 1) & mask)
		if (!im->slots[i] || strcmp(im->hh[im->slots[i] - 1].id, id) == 0)
			return &im->slots[i];
}

/* Keep the table at most half full; 0 or TRIAD_ENOMEM. */
static int hash_reserve(importer *im, size_t n)
{
	if (im->nslots >= 2 * n && im->nslots)
		return 0;
	size_t want = im->nslots ? im->nslots * 2 : 256;
	while (want < 2 * n)
		want *= 2;
	size_t *fresh = triad__calloc(want, sizeof *fresh);
	if (!fresh)
		return TRIAD_ENOMEM;
	size_t *old = im->slots, oldn = im->nslots;
	im->slots = fresh;
	im->nslots = want;
	for (size_t i = 0; i < oldn; i++)
		if (old[i])
			*hash_slot(im, im->hh[old[i] - 1].id) = old[i];
	triad__free(old);
	return 0;
}

static int household_for(importer *im, const triad_csv_row *row, size_t *out)
{
	const char *id = cell(im, row, TRIAD_CSV_COLUMN_HOUSEHOLD);
	if (hash_reserve(im, im->nhh + 1))
		return TRIAD_ENOMEM;
	size_t *slot = hash_slot(im, id);
	if (*slot) {
		*out = *slot - 1;
		return 0;
	}
	size_t idx;
	if (triad_conference_household_index(&idx, im->base, id) == 0)
		return fail_at(im, TRIAD_EFORMAT, row, im->col[TRIAD_CSV_COLUMN_HOUSEHOLD],
		               "household \"%.60s\" is already in the base instance", id);
	if (strlen(id) > NAME_MAX_)
		return fail_at(im, TRIAD_EFORMAT, row, im->col[TRIAD_CSV_COLUMN_HOUSEHOLD],
		               "the household id is longer than %d bytes", NAME_MAX_);
	if (TRIAD_GROW(im->hh, im->caphh, im->nhh + 1))
		return TRIAD_ENOMEM;
	household *h = &im->hh[im->nhh];
	memset(h, 0, sizeof *h);
	h->sessions = triad__malloc(im->nsessions ? im->nsessions : 1);
	if (!h->sessions)
		return TRIAD_ENOMEM;
	memset(h->sessions, 1, im->nsessions);
	h->id = id;
	h->row = row->line;
	*out = im->nhh++;
	*slot = im->nhh;
	return 0;
}

/* Record a household value of this row, or check it against an earlier one. */
static int household_value(importer *im, household *h, const triad_csv_row *row, int f)
{
	triad_csv_column c = hh_columns[f];
	const char *v = cell(im, row, c);
	if (!*v)
		return 0;
	int rc = 0;
	int pref = 0;
	long max = 0;
	unsigned char *flags = NULL;
	/* parse first, so that an invalid value is reported as such */
	if (c == TRIAD_CSV_COLUMN_PREFERENCE)
		rc = parse_preference(im, row, &pref);
	else if (c == TRIAD_CSV_COLUMN_MAX_SESSIONS)
		rc = parse_int_cell(im, row, c, 1, (long)im->nsessions, &max);
	else if (c == TRIAD_CSV_COLUMN_SESSIONS) {
		flags = triad__malloc(im->nsessions ? im->nsessions : 1);
		rc = flags ? parse_sessions(im, row, flags) : TRIAD_ENOMEM;
	}
	if (rc) {
		triad__free(flags);
		return rc;
	}
	if (!h->value[f]) {
		h->value[f] = v;
		h->value_row[f] = row->line;
		if (c == TRIAD_CSV_COLUMN_PREFERENCE)
			h->preference = pref;
		else if (c == TRIAD_CSV_COLUMN_MAX_SESSIONS)
			h->max_sessions = (int)max;
		else if (c == TRIAD_CSV_COLUMN_SESSIONS)
			memcpy(h->sessions, flags, im->nsessions);
		triad__free(flags);
		return 0;
	}
	bool same;
	if (c == TRIAD_CSV_COLUMN_PREFERENCE)
		same = pref == h->preference;
	else if (c == TRIAD_CSV_COLUMN_MAX_SESSIONS)
		same = max == h->max_sessions;
	else if (c == TRIAD_CSV_COLUMN_SESSIONS)
		same = memcmp(flags, h->sessions, im->nsessions) == 0;
	else
		same = strcmp(v, h->value[f]) == 0;
	triad__free(flags);
	if (!same)
		return fail_at(im, TRIAD_EFORMAT, row, im->col[c],
		               "household \"%.60s\" has \"%.60s\" here but \"%.60s\" in row %d (a "
		               "household's rows must agree)",
		               h->id, v, h->value[f], h->value_row[f]);
	return 0;
}

static int add_student(const char ***list, size_t *n, size_t *cap, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0)
			return 1;
	if (triad__grow((void **)list, cap, *n + 1, sizeof **list))
		return TRIAD_ENOMEM;
	(*list)[(*n)++] = s;
	return 0;
}

/* ---- rows ---- */

static bool row_empty(const triad_csv_row *row)
{
	for (size_t k = 0; k < row->ncells; k++)
		if (row->cells[k][0])
			return false;
	return true;
}

static int import_row(importer *im, const triad_csv_row *row)
{
	size_t width = im->t->rows[0].ncells;
	for (size_t k = width; k < row->ncells; k++)
		if (row->cells[k][0])
			return fail_at(im, TRIAD_EFORMAT, row, -1,
			               "the row has a value in column %zu, but the header names only "
			               "%zu columns",
			               k + 1, width);
	static const triad_csv_column required[] = { TRIAD_CSV_COLUMN_HOUSEHOLD,
		                                     TRIAD_CSV_COLUMN_STUDENT,
		                                     TRIAD_CSV_COLUMN_TEACHER };
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(required); i++)
		if (!*cell(im, row, required[i]))
			return fail_at(im, TRIAD_EFORMAT, row, im->col[required[i]],
			               "the cell is empty; every row needs a %s",
			               columns[required[i]].id);

	size_t hi = 0;
	int rc = household_for(im, row, &hi);
	for (int f = 0; !rc && f < HH_FIELDS; f++)
		rc = household_value(im, &im->hh[hi], row, f);
	if (rc)
		return rc;

	size_t teachers[2];
	int nteachers = 1;
	rc = find_teacher(im, row, TRIAD_CSV_COLUMN_TEACHER, &teachers[0]);
	if (!rc && *cell(im, row, TRIAD_CSV_COLUMN_JOINT_TEACHER)) {
		rc = find_teacher(im, row, TRIAD_CSV_COLUMN_JOINT_TEACHER, &teachers[1]);
		if (!rc && teachers[1] == teachers[0])
			return fail_at(im, TRIAD_EFORMAT, row, im->col[TRIAD_CSV_COLUMN_JOINT_TEACHER],
			               "the joint teacher is the teacher of the row itself");
		nteachers = 2;
	}
	int priority = 0;
	long slots = 1;
	if (!rc)
		rc = parse_priority(im, row, &priority);
	if (!rc && *cell(im, row, TRIAD_CSV_COLUMN_SLOTS))
		rc = parse_int_cell(im, row, TRIAD_CSV_COLUMN_SLOTS, 1, MAX_SLOTS, &slots);
	if (rc)
		return rc;

	const char *student = cell(im, row, TRIAD_CSV_COLUMN_STUDENT);
	household *h = &im->hh[hi];
	rc = add_student(&h->students, &h->nstudents, &h->capstudents, student);
	if (rc < 0)
		return rc;

	/* the same household and teachers: one meeting about all the students */
	size_t last = 0; /* index + 1 of the household's last request */
	for (size_t i = h->first_request; i; i = im->rq[i - 1].next) {
		request *q = &im->rq[i - 1];
		last = i;
		if (q->nteachers != nteachers || q->teachers[0] != teachers[0] ||
		    (nteachers == 2 && q->teachers[1] != teachers[1]))
			continue;
		rc = add_student(&q->students, &q->nstudents, &q->capstudents, student);
		if (rc == 1)
			return fail_at(im, TRIAD_EFORMAT, row, im->col[TRIAD_CSV_COLUMN_STUDENT],
			               "row %d already asks household \"%.60s\" to meet this teacher "
			               "about \"%.60s\"",
			               q->row, h->id, student);
		if (rc)
			return rc;
		if (priority < q->priority)
			q->priority = priority;
		if (slots > q->slots)
			q->slots = (int)slots;
		return 0;
	}
	if (TRIAD_GROW(im->rq, im->caprq, im->nrq + 1))
		return TRIAD_ENOMEM;
	request *q = &im->rq[im->nrq];
	memset(q, 0, sizeof *q);
	q->household = hi;
	q->teachers[0] = teachers[0];
	q->teachers[1] = nteachers == 2 ? teachers[1] : 0;
	q->nteachers = nteachers;
	q->slots = (int)slots;
	q->priority = priority;
	q->row = row->line;
	im->nrq++;
	if (last)
		im->rq[last - 1].next = im->nrq;
	else
		h->first_request = im->nrq;
	rc = add_student(&q->students, &q->nstudents, &q->capstudents, student);
	if (rc < 0)
		return rc;
	char id[32];
	snprintf(id, sizeof id, "csv-%d", row->line);
	size_t idx;
	if (triad_conference_request_index(&idx, im->base, id) == 0)
		return fail_at(im, TRIAD_EFORMAT, row, -1,
		               "the request id \"%s\" is already in the base instance", id);
	return 0;
}

/* ---- building the instance ---- */

static json_t *strings_json(const char *const *s, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (triad__j_append(a, json_string(s[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *household_json(const importer *im, const household *h)
{
	static const char *const pref[] = { "none", "early", "late" };
	json_t *o = json_object();
	if (!o)
		return NULL;
	const char *name = h->value[HH_NAME] ? h->value[HH_NAME]
	                 : h->value[HH_PARENT] ? h->value[HH_PARENT] : h->id;
	json_t *sessions = json_array();
	int rc = triad__j_set(o, "id", json_string(h->id));
	rc = rc ? rc : triad__j_set(o, "name", json_string(name));
	rc = rc ? rc : triad__j_set(o, "students", strings_json(h->students, h->nstudents));
	for (size_t s = 0; !rc && sessions && s < im->nsessions; s++) {
		if (!h->sessions[s])
			continue;
		json_t *w = json_pack("{s:s, s:[[ii]]}", "session",
		                      triad_conference_session_id(im->base, s), "available", 0,
		                      (int)triad_conference_session_slots(im->base, s));
		rc = triad__j_append(sessions, w);
	}
	if (rc)
		json_decref(sessions); /* triad__j_set consumes it otherwise */
	else
		rc = triad__j_set(o, "sessions", sessions);
	rc = rc ? rc : triad__j_set(o, "preference", json_string(pref[h->preference]));
	if (!rc && h->max_sessions > 0)
		rc = triad__j_set(o, "max_sessions", json_integer(h->max_sessions));
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *request_json(const importer *im, const request *q)
{
	static const char *const prio[] = { "", "invited", "required", "optional" };
	char id[32];
	snprintf(id, sizeof id, "csv-%d", q->row);
	json_t *o = json_object(), *teachers = json_array();
	int rc = o && teachers ? 0 : TRIAD_ENOMEM;
	for (int k = 0; !rc && k < q->nteachers; k++)
		rc = triad__j_append(teachers,
		                     json_string(triad_conference_teacher_id(im->base, q->teachers[k])));
	rc = rc ? rc : triad__j_set(o, "id", json_string(id));
	rc = rc ? rc : triad__j_set(o, "household", json_string(im->hh[q->household].id));
	if (rc)
		json_decref(teachers); /* triad__j_set consumes it otherwise */
	else
		rc = triad__j_set(o, "teachers", teachers);
	rc = rc ? rc : triad__j_set(o, "students", strings_json(q->students, q->nstudents));
	rc = rc ? rc : triad__j_set(o, "slots", json_integer(q->slots));
	rc = rc ? rc : triad__j_set(o, "priority", json_string(prio[q->priority]));
	if (rc) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* The base's own array `key`, created when the base has none. */
static json_t *member_array(json_t *root, const char *key)
{
	json_t *a = json_object_get(root, key);
	if (json_is_array(a))
		return a;
	a = json_array();
	if (triad__j_set(root, key, a))
		return NULL;
	return a;
}

/* Map an error of the conference loader about an added household or
 * request back to its row (the checks above should leave none). */
static int loader_error(const importer *im, size_t base_hh, size_t base_rq)
{
	const triad_error *e = triad_error_last();
	int code = e->code;
	/* as in build(): our own well-formed text fails to parse only when
	 * jansson runs out of memory */
	if (code == TRIAD_EPARSE)
		return TRIAD_ENOMEM;
	size_t index = 0;
	int row = 0;
	if (sscanf(e->path, "households[%zu]", &index) == 1 && index >= base_hh &&
	    index - base_hh < im->nhh)
		row = im->hh[index - base_hh].row;
	else if (sscanf(e->path, "requests[%zu]", &index) == 1 && index >= base_rq &&
	         index - base_rq < im->nrq)
		row = im->rq[index - base_rq].row;
	if (!row || code == TRIAD_ENOMEM)
		return code;
	const char *what = strstr(e->message, ": at ");
	const char *msg = what ? strchr(what + 5, ':') : NULL;
	char copy[512];
	snprintf(copy, sizeof copy, "%s", msg ? msg + 2 : e->message);
	return triad__err_at(code, im->source, row, 0, NULL, "%s: row %d: %s", src(im), row,
	                     copy);
}

static int build(triad_conference **out, importer *im)
{
	char *base_text = NULL, *text = NULL;
	json_t *root = NULL;
	int rc = triad_conference_save_json(&base_text, im->base);
	/* The text was written by jansson a moment ago, so it is well-formed: a
	 * syntax error can only be jansson running out of memory mid-parse
	 * (it then reports odd syntax errors). */
	if (!rc && triad__j_parse(&root, base_text, strlen(base_text), NULL) != 0)
		rc = triad_error_last()->code == TRIAD_EPARSE ? TRIAD_ENOMEM
		                                               : triad_error_last()->code;
	triad__free(base_text);
	if (rc)
		return rc;
	json_t *households = member_array(root, "households");
	json_t *requests = households ? member_array(root, "requests") : NULL;
	rc = requests ? 0 : TRIAD_ENOMEM;
	size_t base_hh = json_array_size(households), base_rq = json_array_size(requests);
	for (size_t i = 0; !rc && i < im->nhh; i++)
		rc = triad__j_append(households, household_json(im, &im->hh[i]));
	for (size_t i = 0; !rc && i < im->nrq; i++)
		rc = triad__j_append(requests, request_json(im, &im->rq[i]));
	/* compact: the text is only read back, and indenting it costs time */
	if (!rc) {
		text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
		rc = text ? 0 : TRIAD_ENOMEM;
	}
	json_decref(root);
	if (!rc && triad_conference_load_json(out, text, strlen(text), im->source) != 0)
		rc = loader_error(im, base_hh, base_rq);
	if (text) {
		/* json_dumps allocated with jansson's allocator */
		json_malloc_t jmalloc;
		json_free_t jfree;
		json_get_alloc_funcs(&jmalloc, &jfree);
		jfree(text);
	}
	return rc;
}

static void importer_free(importer *im)
{
	for (size_t i = 0; i < im->nhh; i++) {
		triad__free(im->hh[i].sessions);
		triad__free(im->hh[i].students);
	}
	for (size_t i = 0; i < im->nrq; i++)
		triad__free(im->rq[i].students);
	triad__free(im->hh);
	triad__free(im->rq);
	triad__free(im->slots);
}

static int check_options(const triad_csvimport_options *o)
{
	if (!o)
		return 0;
	if (o->version < 1 || o->version > TRIAD_CSVIMPORT_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "unknown version %u of the CSV import options (this library "
		                  "knows 1..%d)",
		                  o->version, TRIAD_CSVIMPORT_OPTIONS_VERSION);
	if (o->delimiter && o->delimiter != ';' && o->delimiter != ',' && o->delimiter != '\t')
		return triad__err(TRIAD_EINVAL,
		                  "the delimiter must be ';', ',', a tab, or 0 to detect it");
	for (int c = 0; c < TRIAD_CSV_HEADERS_MAX; c++) {
		const char *h = o->headers[c];
		if (!h)
			continue;
		if (c < 1 || c > TRIAD_CSV_COLUMN_COUNT)
			return triad__err(TRIAD_EINVAL,
			                  "headers[%d] is set, but %d is not a column", c, c);
		char what[64];
		snprintf(what, sizeof what, "the header name of column \"%s\"", columns[c].id);
		int rc = triad__check_text(h, what, true);
		if (rc)
			return rc;
		char a[128], b[128];
		normalize(h, a, sizeof a);
		for (int d = 1; d < c; d++) {
			if (!o->headers[d])
				continue;
			normalize(o->headers[d], b, sizeof b);
			if (strcmp(a, b) == 0)
				return triad__err(TRIAD_EINVAL,
				                  "the columns \"%s\" and \"%s\" have the same header "
				                  "name \"%s\"",
				                  columns[d].id, columns[c].id, h);
		}
	}
	return 0;
}

int triad_conference_import_csv(triad_conference **out, const triad_conference *base,
                                const char *text, size_t len, const char *source,
                                const triad_csvimport_options *options)
{
	if (!out || !base || (!text && len))
		return triad__err(TRIAD_EINVAL, "the output, base instance or CSV text is NULL");
	if (source && triad__check_text(source, "the source name", false))
		return TRIAD_EINVAL;
	int rc = check_options(options);
	if (rc)
		return rc;
	triad_csv_table t;
	rc = triad__csv_read(&t, text ? text : "", len, source ? source : "CSV",
	                     options ? options->delimiter : 0);
	if (rc)
		return rc;
	importer im;
	memset(&im, 0, sizeof im);
	im.base = base;
	im.source = source;
	im.t = &t;
	im.nsessions = triad_conference_session_count(base);
	rc = map_header(&im, options);
	for (size_t i = 1; !rc && i < t.nrows; i++)
		if (!row_empty(&t.rows[i]))
			rc = import_row(&im, &t.rows[i]);
	if (!rc && im.nrq == 0)
		rc = fail_at(&im, TRIAD_EFORMAT, NULL, -1, "the file has no requests (only a header)");
	triad_conference *conf = NULL;
	bool built = !rc;
	if (built)
		rc = build(&conf, &im);
	/* jansson's lexer drops bytes when an allocation fails (its lex_save
	 * ignores the failure), so our own valid text can come out of the
	 * conference loader as a bogus content error. Build once more: a real
	 * content error fails again in the same way. */
	if (built && rc && rc != TRIAD_ENOMEM)
		rc = build(&conf, &im);
	importer_free(&im);
	triad__csv_table_free(&t);
	if (rc)
		return rc == TRIAD_ENOMEM ? triad__nomem() : rc;
	*out = conf;
	return 0;
}

int triad_conference_import_csv_file(triad_conference **out, const triad_conference *base,
                                     const char *filename,
                                     const triad_csvimport_options *options)
{
	if (!out || !base || !filename)
		return triad__err(TRIAD_EINVAL, "the output, base instance or file name is NULL");
	FILE *f = fopen(filename, "rb");
	if (!f)
		return triad__err_at(TRIAD_EIO, filename, 0, 0, NULL, "cannot open %s: %s", filename,
		                     strerror(errno));
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc = 0;
	for (;;) {
		if (TRIAD_GROW(buf, cap, len + 65536)) {
			rc = TRIAD_ENOMEM;
			break;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (!rc && ferror(f))
		rc = triad__err_at(TRIAD_EIO, filename, 0, 0, NULL, "cannot read %s", filename);
	fclose(f);
	if (!rc)
		rc = triad_conference_import_csv(out, base, buf, len, filename, options);
	triad__free(buf);
	return rc;
}
