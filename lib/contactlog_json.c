/* The contact log as a JSON document (triad.contact-log/1) and as JSON Lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "contactlog_private.h"

#define FORMAT_NAME "triad.contact-log"
#define FORMAT_MAJOR 1

static const char *const entry_fields[] = {
	"id", "at", "kind", "channel", "initiator", "tone", "reached", "household",
	"staff", "answers", "student_present", "guardians", "students", NULL
};

/* ---- one entry ---- */

static json_t *at_json(triad_date d, int minute)
{
	char buf[32];
	if (triad_date_format(d, buf))
		return NULL;
	snprintf(buf + 10, sizeof buf - 10, "T%02d:%02d", (minute / 60) % 100, minute % 60);
	return json_string(buf);
}

static json_t *list_json(const char *const *items, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (triad__j_append(a, json_string(items[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

json_t *triad__contact_to_json(const triad_contact *c)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	if (triad__j_set(o, "id", json_string(c->id)) ||
	    triad__j_set(o, "at", at_json(c->date, c->minute)) ||
	    triad__j_set(o, "kind", json_string(triad_contact_kind_id(c->kind))) ||
	    triad__j_set(o, "channel", json_string(triad_channel_id(c->channel))) ||
	    triad__j_set(o, "initiator", json_string(triad_initiator_id(c->initiator))) ||
	    triad__j_set(o, "tone", json_string(triad_tone_id(c->tone))) ||
	    triad__j_set(o, "reached", json_boolean(c->reached)) ||
	    triad__j_set(o, "household", json_string(c->household)) ||
	    (c->staff && triad__j_set(o, "staff", json_string(c->staff))) ||
	    (c->answers && triad__j_set(o, "answers", json_string(c->answers))) ||
	    triad__j_set(o, "student_present", json_boolean(c->student_present)) ||
	    triad__j_set(o, "guardians", list_json(c->guardians, c->guardian_count)) ||
	    triad__j_set(o, "students", list_json(c->students, c->student_count))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int read_at(triad_jctx *cx, json_t *obj, triad_date *date, int32_t *minute)
{
	const char *s = NULL;
	int rc = triad__j_string(cx, obj, "at", true, &s);
	if (rc)
		return rc;
	char day[TRIAD_DATE_BUFSIZE];
	int hh = -1, mm = -1;
	if (strlen(s) == 16 && s[10] == 'T' && s[13] == ':') {
		memcpy(day, s, 10);
		day[10] = '\0';
		hh = two_digits(s + 11);
		mm = two_digits(s + 14);
	}
	if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || triad_date_parse(date, day))
		return triad__j_fail_key(cx, "at", TRIAD_EFORMAT,
		                         "\"%.40s\" is not an existing local date and time of "
		                         "the form YYYY-MM-DDTHH:MM", s);
	*minute = hh * 60 + mm;
	return 0;
}

static int read_id(triad_jctx *cx, json_t *obj, const char *key, bool required,
                   const char **out)
{
	int rc = triad__j_string(cx, obj, key, required, out);
	if (rc || !*out)
		return rc;
	if (triad__contact_check_id(*out, key, true))
		return triad__j_fail_key(cx, key, TRIAD_EFORMAT, "%s",
		                         triad_error_last()->message);
	return 0;
}

static int read_list(triad_jctx *cx, json_t *obj, const char *key, const char **items,
                     size_t *n)
{
	json_t *a = NULL;
	int rc = triad__j_array(cx, obj, key, false, &a);
	*n = 0;
	if (rc || !a)
		return rc;
	if (json_array_size(a) > TRIAD_CONTACT_PEOPLE_MAX)
		return triad__j_fail_key(cx, key, TRIAD_EFORMAT,
		                         "%zu ids are listed; at most %d are allowed",
		                         json_array_size(a), TRIAD_CONTACT_PEOPLE_MAX);
	size_t mark = triad__j_push_key(cx, key);
	for (size_t i = 0; i < json_array_size(a); i++) {
		json_t *v = json_array_get(a, i);
		size_t m2 = triad__j_push_index(cx, i);
		if (!json_is_string(v))
			return triad__j_fail(cx, TRIAD_EFORMAT, "expected a string, got %s",
			                     triad__j_type_name(v));
		const char *s = json_string_value(v);
		if (triad__contact_check_id(s, "id", true))
			return triad__j_fail(cx, TRIAD_EFORMAT, "%s", triad_error_last()->message);
		for (size_t k = 0; k < i; k++)
			if (strcmp(items[k], s) == 0)
				return triad__j_fail(cx, TRIAD_EFORMAT,
				                     "\"%s\" is listed twice (also at index %zu)", s, k);
		items[i] = s;
		triad__j_pop(cx, m2);
	}
	triad__j_pop(cx, mark);
	*n = json_array_size(a);
	return 0;
}

int triad__contact_from_json(triad_jctx *cx, json_t *obj, triad_contact *out,
                             const char **guardians, const char **students)
{
	triad_contact c = TRIAD_CONTACT_INIT;
	int kind = 0, channel = 0, initiator = 0, tone = 0;
	bool reached = false, present = false;
	static const char *const kinds[] = { "intake", "triangle", "conference",
		"mentor_call", "home_visit", "theme_evening", "information_evening",
		"positive_note", "concern", NULL };
	static const char *const channels[] = { "in_person", "phone", "video", "email",
		"message", "letter", NULL };
	static const char *const initiators[] = { "school", "parent", "student", NULL };
	static const char *const tones[] = { "positive", "neutral", "concern", NULL };
	int rc;
	if ((rc = triad__j_fields(cx, obj, entry_fields)) ||
	    (rc = read_id(cx, obj, "id", true, &c.id)) ||
	    (rc = read_at(cx, obj, &c.date, &c.minute)) ||
	    (rc = triad__j_enum(cx, obj, "kind", true, kinds, 1, &kind)) ||
	    (rc = triad__j_enum(cx, obj, "channel", true, channels, 1, &channel)) ||
	    (rc = triad__j_enum(cx, obj, "initiator", true, initiators, 1, &initiator)) ||
	    (rc = triad__j_enum(cx, obj, "tone", true, tones, 1, &tone)) ||
	    (rc = triad__j_bool(cx, obj, "reached", true, &reached)) ||
	    (rc = read_id(cx, obj, "household", true, &c.household)) ||
	    (rc = read_id(cx, obj, "staff", false, &c.staff)) ||
	    (rc = read_id(cx, obj, "answers", false, &c.answers)) ||
	    (rc = triad__j_bool(cx, obj, "student_present", false, &present)) ||
	    (rc = read_list(cx, obj, "guardians", guardians, &c.guardian_count)) ||
	    (rc = read_list(cx, obj, "students", students, &c.student_count)))
		return rc;
	if (c.answers && strcmp(c.answers, c.id) == 0)
		return triad__j_fail_key(cx, "answers", TRIAD_EFORMAT,
		                         "the entry answers itself");
	c.kind = (triad_contact_kind)kind;
	c.channel = (triad_channel)channel;
	c.initiator = (triad_initiator)initiator;
	c.tone = (triad_tone)tone;
	c.reached = reached;
	c.student_present = present;
	c.guardians = guardians;
	c.students = students;
	*out = c;
	return 0;
}

/* Append a parsed entry, turning a duplicate id into an error at its path. */
static int append_at(triad_jctx *cx, triad_contactlog *log, const triad_contact *c)
{
	int rc = triad__contactlog_append(log, c, false);
	if (rc == TRIAD_EEXISTS)
		return triad__j_fail_key(cx, "id", TRIAD_EFORMAT,
		                         "the id \"%s\" is used by an earlier entry", c->id);
	if (rc && rc != TRIAD_ENOMEM)
		return triad__j_fail(cx, TRIAD_EFORMAT, "%s", triad_error_last()->message);
	return rc;
}

/* ---- the document ---- */

static int load_root(triad_contactlog **out, json_t *root, const char *source)
{
	triad_jctx cx;
	triad__jctx_init(&cx, source);
	static const char *const root_fields[] = { "format", "entries", NULL };
	json_t *entries = NULL;
	int rc;
	if ((rc = triad__j_fields(&cx, root, root_fields)) ||
	    (rc = triad__j_check_format(&cx, root, FORMAT_NAME, FORMAT_MAJOR, NULL)) ||
	    (rc = triad__j_array(&cx, root, "entries", true, &entries)))
		return rc;
	triad_contactlog *log = NULL;
	if ((rc = triad_contactlog_new(&log)))
		return rc;
	const char *g[TRIAD_CONTACT_PEOPLE_MAX], *s[TRIAD_CONTACT_PEOPLE_MAX];
	size_t mark = triad__j_push_key(&cx, "entries");
	for (size_t i = 0; i < json_array_size(entries); i++) {
		size_t m2 = triad__j_push_index(&cx, i);
		triad_contact c;
		if ((rc = triad__contact_from_json(&cx, json_array_get(entries, i), &c, g, s)) ||
		    (rc = append_at(&cx, log, &c)))
			goto fail;
		triad__j_pop(&cx, m2);
	}
	size_t bad = 0;
	if (triad__contactlog_check_answers(log, &bad)) {
		triad__j_push_index(&cx, bad);
		rc = triad__j_fail_key(&cx, "answers", TRIAD_EFORMAT, "%s",
		                       triad_error_last()->message);
		goto fail;
	}
	triad__j_pop(&cx, mark);
	*out = log;
	return 0;
fail:
	triad_contactlog_free(log);
	return rc;
}

static int read_cb(void *out, json_t *root, const char *source, const void *arg)
{
	(void)arg;
	return load_root(out, root, source);
}

int triad_contactlog_load_string(triad_contactlog **out, const char *text, size_t len,
                                 const char *source)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_load_string: out is NULL");
	return triad__j_load(out, read_cb, NULL, text, len, source);
}

int triad_contactlog_load(triad_contactlog **out, const char *filename)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_load: out is NULL");
	return triad__j_load_file(out, read_cb, NULL, filename);
}

static json_t *entry_json(const triad_contactlog *log, size_t i)
{
	const char *g[TRIAD_CONTACT_PEOPLE_MAX], *s[TRIAD_CONTACT_PEOPLE_MAX];
	triad_contact c;
	triad__contactlog_fill(&c, log, i, g, s);
	return triad__contact_to_json(&c);
}

int triad_contactlog_to_json(char **out, const triad_contactlog *log)
{
	if (!out || !log)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_to_json: an argument is NULL");
	json_t *root = json_object(), *entries = json_array();
	int rc = (!root || !entries) ? triad__nomem() : 0;
	if (!rc && (rc = triad__j_set(root, "format",
	                              json_string(FORMAT_NAME "/1"))) == 0) {
		rc = triad__j_set(root, "entries", entries);
		entries = NULL; /* owned by root now, or released by triad__j_set's failure */
	}
	json_t *arr = root ? json_object_get(root, "entries") : NULL;
	for (size_t i = 0; !rc && i < log->count; i++)
		rc = triad__j_append(arr, entry_json(log, i));
	char *text = NULL;
	if (!rc && !(text = triad__j_dump(root)))
		rc = TRIAD_ENOMEM;
	json_decref(root);
	json_decref(entries);
	if (!rc)
		*out = text;
	return rc;
}

int triad_contactlog_save(const triad_contactlog *log, const char *filename)
{
	char *text = NULL;
	int rc = triad_contactlog_to_json(&text, log);
	if (rc)
		return rc;
	rc = triad__write_file(filename, text, strlen(text));
	triad__free(text);
	return rc;
}

/* ---- JSON Lines: reading ---- */

struct triad_contact_reader {
	FILE *f;
	char *source;      /* the file name */
	char in[1 << 16];  /* read-ahead block */
	size_t pos, fill;
	bool eof;
	char *line;        /* the current line, NUL-terminated */
	size_t llen, lcap;
	size_t lineno;
	json_t *cur;       /* the current entry's tree; strings are borrowed from it */
	const char *g[TRIAD_CONTACT_PEOPLE_MAX], *s[TRIAD_CONTACT_PEOPLE_MAX];
};

/* Read the next line into r->line; *got is 0 at the end of the file. */
static int read_line(triad_contact_reader *r, bool *got)
{
	r->llen = 0;
	*got = false;
	for (;;) {
		if (r->pos == r->fill) {
			if (r->eof)
				break;
			r->fill = fread(r->in, 1, sizeof r->in, r->f);
			r->pos = 0;
			if (r->fill < sizeof r->in) {
				if (ferror(r->f))
					return triad__err_at(TRIAD_EIO, r->source, (int)r->lineno + 1, 0,
					                     NULL, "cannot read %s", r->source);
				r->eof = true;
			}
			if (r->fill == 0)
				break;
		}
		char *nl = memchr(r->in + r->pos, '\n', r->fill - r->pos);
		size_t n = (nl ? (size_t)(nl - r->in) : r->fill) - r->pos;
		if (triad__grow((void **)&r->line, &r->lcap, r->llen + n + 1, 1))
			return TRIAD_ENOMEM;
		memcpy(r->line + r->llen, r->in + r->pos, n);
		r->llen += n;
		r->pos += n;
		*got = true;
		if (nl) {
			r->pos++;
			break;
		}
	}
	if (*got) {
		r->lineno++;
		if (r->llen && r->line[r->llen - 1] == '\r')
			r->llen--;
		r->line[r->llen] = '\0';
	}
	return 0;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Parse the current line into r->cur, with the line number in errors. */
static int parse_line(triad_contact_reader *r)
{
	json_decref(r->cur);
	r->cur = NULL;
	json_error_t e;
	json_t *v = json_loadb(r->line, r->llen, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &e);
	if (!v) {
		/* A blank error means jansson could not allocate its lexer. */
		if (json_error_code(&e) == json_error_out_of_memory ||
		    (e.line < 0 && e.text[0] == '\0'))
			return triad__nomem();
		return triad__err_at(TRIAD_EPARSE, r->source, (int)r->lineno, e.column, NULL,
		                     "%s: line %zu, column %d: %s", r->source, r->lineno,
		                     e.column, e.text);
	}
	if (!json_is_object(v)) {
		int rc = triad__err_at(TRIAD_EFORMAT, r->source, (int)r->lineno, 0, NULL,
		                       "%s: line %zu: the line holds %s, expected an object",
		                       r->source, r->lineno, triad__j_type_name(v));
		json_decref(v);
		return rc;
	}
	r->cur = v;
	return 0;
}

/* Re-record a content error from a jctx with the line number attached. */
static int at_line(triad_contact_reader *r, int rc)
{
	if (rc == TRIAD_ENOMEM)
		return rc;
	const triad_error *e = triad_error_last();
	char path[512];
	snprintf(path, sizeof path, "%s", e->path);
	return triad__err_at(rc, r->source, (int)r->lineno, 0, path, "%s", e->message);
}

int triad_contact_reader_open(triad_contact_reader **out, const char *filename)
{
	if (!out || !filename)
		return triad__err(TRIAD_EINVAL, "triad_contact_reader_open: an argument is NULL");
	triad_contact_reader *r = triad__calloc(1, sizeof *r);
	if (!r)
		return TRIAD_ENOMEM;
	int rc = 0;
	if (!(r->source = triad__strdup(filename))) {
		rc = TRIAD_ENOMEM;
		goto fail;
	}
	if (!(r->f = fopen(filename, "rb"))) {
		rc = triad__err_at(TRIAD_EIO, filename, 0, 0, NULL, "cannot open %s: %s",
		                   filename, strerror(errno));
		goto fail;
	}
	bool got = false;
	if ((rc = read_line(r, &got)))
		goto fail;
	if (!got) {
		rc = triad__err_at(TRIAD_EFORMAT, filename, 1, 0, NULL,
		                   "%s: the file is empty; its first line must be "
		                   "{\"format\": \"" FORMAT_NAME "/1\"}", filename);
		goto fail;
	}
	if ((rc = parse_line(r)))
		goto fail;
	char src[600];
	snprintf(src, sizeof src, "%s: line 1", filename);
	triad_jctx cx;
	triad__jctx_init(&cx, src);
	static const char *const head_fields[] = { "format", NULL };
	if ((rc = triad__j_fields(&cx, r->cur, head_fields)) ||
	    (rc = triad__j_check_format(&cx, r->cur, FORMAT_NAME, FORMAT_MAJOR, NULL))) {
		rc = at_line(r, rc);
		goto fail;
	}
	*out = r;
	return 0;
fail:
	triad_contact_reader_free(r);
	return rc;
}

int triad_contact_reader_next(int *got, triad_contact *out, triad_contact_reader *r)
{
	if (!got || !out || !r)
		return triad__err(TRIAD_EINVAL, "triad_contact_reader_next: an argument is NULL");
	bool have = false;
	int rc;
	do {
		if ((rc = read_line(r, &have)))
			return rc;
	} while (have && blank(r->line, r->llen));
	if (!have) {
		json_decref(r->cur);
		r->cur = NULL;
		*got = 0;
		return 0;
	}
	if ((rc = parse_line(r)))
		return rc;
	char src[600];
	snprintf(src, sizeof src, "%s: line %zu", r->source, r->lineno);
	triad_jctx cx;
	triad__jctx_init(&cx, src);
	triad_contact c;
	if ((rc = triad__contact_from_json(&cx, r->cur, &c, r->g, r->s)))
		return at_line(r, rc);
	*out = c;
	*got = 1;
	return 0;
}

size_t triad_contact_reader_line(const triad_contact_reader *r)
{
	return r ? r->lineno : 0;
}

void triad_contact_reader_free(triad_contact_reader *r)
{
	if (!r)
		return;
	if (r->f)
		fclose(r->f);
	json_decref(r->cur);
	triad__free(r->line);
	triad__free(r->source);
	triad__free(r);
}

int triad_contactlog_load_jsonl(triad_contactlog **out, const char *filename)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_load_jsonl: out is NULL");
	triad_contact_reader *r = NULL;
	triad_contactlog *log = NULL;
	uint32_t *lines = NULL; /* line of each entry, for errors found at the end */
	size_t lcap = 0;
	int rc = triad_contact_reader_open(&r, filename);
	if (rc)
		return rc;
	if ((rc = triad_contactlog_new(&log)))
		goto done;
	for (;;) {
		int got = 0;
		triad_contact c;
		if ((rc = triad_contact_reader_next(&got, &c, r)))
			goto done;
		if (!got)
			break;
		if ((rc = TRIAD_GROW(lines, lcap, log->count + 1)))
			goto done;
		lines[log->count] = (uint32_t)r->lineno;
		char src[600];
		snprintf(src, sizeof src, "%s: line %zu", filename, r->lineno);
		triad_jctx cx;
		triad__jctx_init(&cx, src);
		if ((rc = append_at(&cx, log, &c))) {
			rc = at_line(r, rc);
			goto done;
		}
	}
	size_t bad = 0;
	if (triad__contactlog_check_answers(log, &bad)) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", triad_error_last()->message);
		rc = triad__err_at(TRIAD_EFORMAT, filename, (int)lines[bad], 0, "answers",
		                   "%s: line %u: at answers: %s", filename, lines[bad], msg);
		goto done;
	}
	*out = log;
	log = NULL;
done:
	triad__free(lines);
	triad_contactlog_free(log);
	triad_contact_reader_free(r);
	return rc;
}

/* ---- JSON Lines: writing ---- */

struct triad_contact_writer {
	FILE *f;
	char *path, *tmp;
	char *buf; /* one serialized line */
	size_t cap;
};

static int writer_io_error(triad_contact_writer *w)
{
	return triad__err_at(TRIAD_EIO, w->path, 0, 0, NULL, "cannot write %s: %s",
	                     w->path, strerror(errno));
}

static int write_json_line(triad_contact_writer *w, json_t *v)
{
	size_t n = json_dumpb(v, w->buf, w->cap, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (n == 0)
		return triad__nomem();
	if (n > w->cap) {
		if (triad__grow((void **)&w->buf, &w->cap, n, 1))
			return TRIAD_ENOMEM;
		/* The second dump can fail too (jansson allocates for its loop
		 * check); without this the line would be written empty. */
		n = json_dumpb(v, w->buf, w->cap, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (n == 0)
			return triad__nomem();
	}
	if (fwrite(w->buf, 1, n, w->f) != n || fputc('\n', w->f) == EOF)
		return writer_io_error(w);
	return 0;
}

int triad_contact_writer_open(triad_contact_writer **out, const char *filename)
{
	if (!out || !filename)
		return triad__err(TRIAD_EINVAL, "triad_contact_writer_open: an argument is NULL");
	triad_contact_writer *w = triad__calloc(1, sizeof *w);
	if (!w)
		return TRIAD_ENOMEM;
	int rc = 0;
	size_t n = strlen(filename);
	if (!(w->path = triad__strdup(filename)) || !(w->tmp = triad__malloc(n + 16)) ||
	    triad__grow((void **)&w->buf, &w->cap, 1024, 1)) {
		rc = TRIAD_ENOMEM;
		goto fail;
	}
	snprintf(w->tmp, n + 16, "%s.tmp-XXXXXX", filename);
	int fd = mkstemp(w->tmp);
	if (fd < 0) {
		rc = triad__err_at(TRIAD_EIO, filename, 0, 0, NULL,
		                   "cannot create a temporary file next to %s: %s", filename,
		                   strerror(errno));
		triad__free(w->tmp);
		w->tmp = NULL;
		goto fail;
	}
	if (!(w->f = fdopen(fd, "wb"))) {
		close(fd);
		rc = writer_io_error(w);
		goto fail;
	}
	json_t *head = json_pack("{s:s}", "format", FORMAT_NAME "/1");
	rc = head ? write_json_line(w, head) : triad__nomem();
	json_decref(head);
	if (rc)
		goto fail;
	*out = w;
	return 0;
fail:
	triad_contact_writer_free(w);
	return rc;
}

int triad_contact_writer_write(triad_contact_writer *w, const triad_contact *c)
{
	if (!w)
		return triad__err(TRIAD_EINVAL, "triad_contact_writer_write: the writer is NULL");
	int rc = triad_contact_validate(c);
	if (rc)
		return rc;
	json_t *v = triad__contact_to_json(c);
	if (!v)
		return triad__nomem();
	rc = write_json_line(w, v);
	json_decref(v);
	return rc;
}

int triad_contact_writer_close(triad_contact_writer *w)
{
	if (!w)
		return triad__err(TRIAD_EINVAL, "triad_contact_writer_close: the writer is NULL");
	int rc = 0;
	if (fflush(w->f) != 0 || fsync(fileno(w->f)) != 0)
		rc = writer_io_error(w);
	if (fclose(w->f) != 0 && !rc)
		rc = writer_io_error(w);
	w->f = NULL;
	if (!rc && rename(w->tmp, w->path) != 0)
		rc = writer_io_error(w);
	if (!rc) {
		triad__free(w->tmp);
		w->tmp = NULL;
	}
	triad_contact_writer_free(w);
	return rc;
}

void triad_contact_writer_free(triad_contact_writer *w)
{
	if (!w)
		return;
	if (w->f)
		fclose(w->f);
	if (w->tmp) {
		unlink(w->tmp);
		triad__free(w->tmp);
	}
	triad__free(w->path);
	triad__free(w->buf);
	triad__free(w);
}

int triad_contactlog_save_jsonl(const triad_contactlog *log, const char *filename)
{
	if (!log)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_save_jsonl: the log is NULL");
	triad_contact_writer *w = NULL;
	int rc = triad_contact_writer_open(&w, filename);
	if (rc)
		return rc;
	const char *g[TRIAD_CONTACT_PEOPLE_MAX], *s[TRIAD_CONTACT_PEOPLE_MAX];
	for (size_t i = 0; i < log->count; i++) {
		triad_contact c;
		triad__contactlog_fill(&c, log, i, g, s);
		json_t *v = triad__contact_to_json(&c);
		rc = v ? write_json_line(w, v) : triad__nomem();
		json_decref(v);
		if (rc) {
			triad_contact_writer_free(w);
			return rc;
		}
	}
	return triad_contact_writer_close(w);
}
