/* Strict JSON reading with JSON paths, and writing helpers. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json_private.h"

void triad__jctx_init(triad_jctx *c, const char *source)
{
	c->source = source;
	c->len = 0;
	c->path[0] = '\0';
}

static size_t push(triad_jctx *c, const char *fmt, const char *key, size_t index)
{
	size_t mark = c->len;
	size_t room = sizeof c->path - c->len;
	int n = key ? snprintf(c->path + c->len, room, fmt, key)
	            : snprintf(c->path + c->len, room, fmt, index);
	if (n < 0 || (size_t)n >= room)
		c->len = sizeof c->path - 1; /* truncated; still a useful prefix */
	else
		c->len += (size_t)n;
	return mark;
}

size_t triad__j_push_key(triad_jctx *c, const char *key)
{
	return push(c, c->len ? ".%s" : "%s", key, 0);
}

size_t triad__j_push_index(triad_jctx *c, size_t index)
{
	return push(c, "[%zu]", NULL, index);
}

void triad__j_pop(triad_jctx *c, size_t mark)
{
	c->len = mark;
	c->path[mark] = '\0';
}

static int vfail(triad_jctx *c, int code, const char *fmt, va_list ap)
{
	char msg[768];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (c->len)
		return triad__err_at(code, c->source, 0, 0, c->path, "%s%sat %s: %s",
		                     c->source ? c->source : "", c->source ? ": " : "",
		                     c->path, msg);
	return triad__err_at(code, c->source, 0, 0, NULL, "%s%s%s",
	                     c->source ? c->source : "", c->source ? ": " : "", msg);
}

int triad__j_fail(triad_jctx *c, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(c, code, fmt, ap);
	va_end(ap);
	return code;
}

int triad__j_fail_key(triad_jctx *c, const char *key, int code, const char *fmt, ...)
{
	size_t mark = triad__j_push_key(c, key);
	va_list ap;
	va_start(ap, fmt);
	vfail(c, code, fmt, ap);
	va_end(ap);
	triad__j_pop(c, mark);
	return code;
}

static int parse_error(const json_error_t *e, const char *source)
{
	/* jansson leaves the error blank (line -1, no text) when allocating its
	 * lexer fails, without setting json_error_out_of_memory. */
	if (json_error_code(e) == json_error_out_of_memory ||
	    (e->line < 0 && e->text[0] == '\0'))
		return triad__nomem();
	return triad__err_at(TRIAD_EPARSE, source, e->line > 0 ? e->line : 0,
	                     e->column > 0 ? e->column : 0, NULL,
	                     "%s%sline %d, column %d: %s", source ? source : "",
	                     source ? ": " : "", e->line, e->column, e->text);
}

static int check_top(json_t *root, const char *source)
{
	if (json_is_object(root))
		return 0;
	int rc = triad__err_at(TRIAD_EFORMAT, source, 0, 0, NULL,
	                       "%s%sthe document is %s, expected an object",
	                       source ? source : "", source ? ": " : "",
	                       triad__j_type_name(root));
	json_decref(root);
	return rc;
}

int triad__j_parse(json_t **out, const char *text, size_t len, const char *source)
{
	if (!out || !text)
		return triad__err(TRIAD_EINVAL, "the JSON text is NULL");
	json_error_t e;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
	if (!root)
		return parse_error(&e, source);
	int rc = check_top(root, source);
	if (rc)
		return rc;
	*out = root;
	return 0;
}

int triad__j_parse_file(json_t **out, const char *filename)
{
	if (!out || !filename)
		return triad__err(TRIAD_EINVAL, "the file name is NULL");
	FILE *f = fopen(filename, "rb");
	if (!f)
		return triad__err_at(TRIAD_EIO, filename, 0, 0, NULL,
		                     "cannot open %s: %s", filename, strerror(errno));
	json_error_t e;
	json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &e);
	int ioerr = ferror(f);
	fclose(f);
	if (!root) {
		if (ioerr)
			return triad__err_at(TRIAD_EIO, filename, 0, 0, NULL,
			                     "cannot read %s", filename);
		return parse_error(&e, filename);
	}
	int rc = check_top(root, filename);
	if (rc)
		return rc;
	*out = root;
	return 0;
}

int triad__j_load(void *out, triad__j_reader read, const void *arg, const char *text, size_t len,
                  const char *source)
{
	json_t *root = NULL;
	int rc = triad__j_parse(&root, text, len, source);
	if (rc)
		return rc;
	rc = read(out, root, source, arg);
	json_decref(root);
	return rc;
}

int triad__j_load_file(void *out, triad__j_reader read, const void *arg, const char *filename)
{
	json_t *root = NULL;
	int rc = triad__j_parse_file(&root, filename);
	if (rc)
		return rc;
	rc = read(out, root, filename, arg);
	json_decref(root);
	return rc;
}

const char *triad__j_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

int triad__j_check_format(triad_jctx *c, json_t *root, const char *name,
                          int max_major, int *major)
{
	const char *fmt = NULL;
	int rc = triad__j_string(c, root, "format", true, &fmt);
	if (rc)
		return rc;
	size_t n = strlen(name);
	const char *num = fmt + n + 1;
	char *end = NULL;
	long v = 0;
	if (strncmp(fmt, name, n) != 0 || fmt[n] != '/' || *num < '1' || *num > '9' ||
	    ((v = strtol(num, &end, 10)), *end != '\0'))
		return triad__j_fail_key(c, "format", TRIAD_EFORMAT,
		                         "the format is \"%s\", expected \"%s/%d\"", fmt,
		                         name, max_major);
	if (v > max_major)
		return triad__j_fail_key(c, "format", TRIAD_EVERSION,
		                         "the format \"%s\" is newer than this version of "
		                         "libtriad reads (up to \"%s/%d\"); upgrade libtriad",
		                         fmt, name, max_major);
	if (major)
		*major = (int)v;
	return 0;
}

int triad__j_fields(triad_jctx *c, json_t *v, const char *const *allowed)
{
	if (!json_is_object(v))
		return triad__j_fail(c, TRIAD_EFORMAT, "expected an object, got %s",
		                     triad__j_type_name(v));
	const char *key;
	json_t *val;
	json_object_foreach(v, key, val) {
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(*a, key) == 0) {
				ok = true;
				break;
			}
		if (!ok) {
			char list[256];
			size_t len = 0;
			list[0] = '\0';
			for (const char *const *a = allowed; *a && len < sizeof list; a++) {
				int w = snprintf(list + len, sizeof list - len, "%s%s",
				                 a == allowed ? "" : ", ", *a);
				if (w < 0)
					break;
				len += (size_t)w;
			}
			return triad__j_fail_key(c, key, TRIAD_EFORMAT,
			                         "unknown field \"%s\" (allowed: %s)", key, list);
		}
	}
	return 0;
}

static json_t *member(triad_jctx *c, json_t *obj, const char *key, bool required,
                      int *rc)
{
	json_t *v = json_object_get(obj, key);
	*rc = 0;
	if (!v && required)
		*rc = triad__j_fail(c, TRIAD_EFORMAT, "the required field \"%s\" is missing",
		                    key);
	return v;
}

int triad__j_string(triad_jctx *c, json_t *obj, const char *key, bool required,
                    const char **out)
{
	int rc;
	json_t *v = member(c, obj, key, required, &rc);
	if (!v)
		return rc;
	if (!json_is_string(v))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT, "expected a string, got %s",
		                         triad__j_type_name(v));
	*out = json_string_value(v);
	return 0;
}

int triad__j_int(triad_jctx *c, json_t *obj, const char *key, bool required,
                 long long min, long long max, long long *out)
{
	int rc;
	json_t *v = member(c, obj, key, required, &rc);
	if (!v)
		return rc;
	if (!json_is_integer(v))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "expected an integer, got %s", triad__j_type_name(v));
	long long x = json_integer_value(v);
	if (x < min || x > max)
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "%lld is outside the allowed range %lld..%lld", x,
		                         min, max);
	*out = x;
	return 0;
}

int triad__j_number(triad_jctx *c, json_t *obj, const char *key, bool required,
                    double min, double max, double *out)
{
	int rc;
	json_t *v = member(c, obj, key, required, &rc);
	if (!v)
		return rc;
	if (!json_is_number(v))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT, "expected a number, got %s",
		                         triad__j_type_name(v));
	double x = json_number_value(v);
	if (!(x >= min && x <= max))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "%g is outside the allowed range %g..%g", x, min, max);
	*out = x;
	return 0;
}

int triad__j_bool(triad_jctx *c, json_t *obj, const char *key, bool required,
                  bool *out)
{
	int rc;
	json_t *v = member(c, obj, key, required, &rc);
	if (!v)
		return rc;
	if (!json_is_boolean(v))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "expected true or false, got %s",
		                         triad__j_type_name(v));
	*out = json_is_true(v);
	return 0;
}

int triad__j_date(triad_jctx *c, json_t *obj, const char *key, bool required,
                  triad_date *out)
{
	const char *s = NULL;
	int rc = triad__j_string(c, obj, key, required, &s);
	if (rc || !s)
		return rc;
	triad_date d;
	if (triad_date_parse(&d, s))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "\"%.40s\" is not an existing date of the form "
		                         "YYYY-MM-DD", s);
	*out = d;
	return 0;
}

int triad__j_array(triad_jctx *c, json_t *obj, const char *key, bool required,
                   json_t **out)
{
	int rc;
	json_t *v = member(c, obj, key, required, &rc);
	if (!v)
		return rc;
	if (!json_is_array(v))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT, "expected an array, got %s",
		                         triad__j_type_name(v));
	*out = v;
	return 0;
}

int triad__j_object(triad_jctx *c, json_t *obj, const char *key, bool required,
                    json_t **out)
{
	int rc;
	json_t *v = member(c, obj, key, required, &rc);
	if (!v)
		return rc;
	if (!json_is_object(v))
		return triad__j_fail_key(c, key, TRIAD_EFORMAT,
		                         "expected an object, got %s", triad__j_type_name(v));
	*out = v;
	return 0;
}

int triad__j_enum(triad_jctx *c, json_t *obj, const char *key, bool required,
                  const char *const *names, int base, int *out)
{
	const char *s = NULL;
	int rc = triad__j_string(c, obj, key, required, &s);
	if (rc || !s)
		return rc;
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], s) == 0) {
			*out = i + base;
			return 0;
		}
	char list[256];
	size_t len = 0;
	list[0] = '\0';
	for (int i = 0; names[i] && len < sizeof list; i++) {
		int w = snprintf(list + len, sizeof list - len, "%s\"%s\"", i ? ", " : "",
		                 names[i]);
		if (w < 0)
			break;
		len += (size_t)w;
	}
	return triad__j_fail_key(c, key, TRIAD_EFORMAT,
	                         "\"%.60s\" is not one of %s", s, list);
}

int triad__j_set(json_t *obj, const char *key, json_t *value)
{
	if (!value || json_object_set_new(obj, key, value))
		return triad__nomem();
	return 0;
}

int triad__j_append(json_t *arr, json_t *value)
{
	if (!value || json_array_append_new(arr, value))
		return triad__nomem();
	return 0;
}

json_t *triad__j_date_new(triad_date d)
{
	char buf[TRIAD_DATE_BUFSIZE];
	if (triad_date_format(d, buf))
		return NULL;
	return json_string(buf);
}

/* json_dump_callback sink: append to a strbuf whose failure flag is sticky. */
static int dump_to_sb(const char *buffer, size_t size, void *data)
{
	triad_strbuf *sb = data;
	triad__sb_putn(sb, buffer, size);
	return sb->failed ? -1 : 0;
}

char *triad__j_dump(const json_t *root)
{
	/* Not json_dumps: jansson 2.14 ignores a failed append while it writes
	 * an object key (do_dump discards dump_string's result), so under a
	 * transient allocation failure json_dumps can return a document with a
	 * quote missing. Every chunk goes through our buffer instead, whose
	 * failure flag is sticky: one lost chunk fails the whole dump. */
	triad_strbuf sb;
	triad__sb_init(&sb);
	if (json_dump_callback(root, dump_to_sb, &sb, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
		sb.failed = 1;
	triad__sb_putc(&sb, '\n');
	return triad__sb_take(&sb);
}

int triad__write_file(const char *filename, const char *data, size_t len)
{
	if (!filename || !data)
		return triad__err(TRIAD_EINVAL, "the file name or data is NULL");
	size_t n = strlen(filename);
	char *tmp = triad__malloc(n + 48);
	if (!tmp)
		return TRIAD_ENOMEM;
	/* Not mkstemp: it creates mode 0600 whatever the umask, and the saved
	 * document would keep it. open(O_EXCL, 0666) lets the umask decide. */
	static _Atomic unsigned serial;
	int fd = -1;
	for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
		snprintf(tmp, n + 48, "%s.tmp-%ld-%u", filename, (long)getpid(), serial++);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int rc = triad__err_at(TRIAD_EIO, filename, 0, 0, NULL,
		                       "cannot create a temporary file next to %s: %s",
		                       filename, strerror(errno));
		triad__free(tmp);
		return rc;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	int err = errno;
	bool ok = done == len && fsync(fd) == 0;
	if (!ok)
		err = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (ok && rename(tmp, filename) != 0) {
		ok = false;
		err = errno;
	}
	if (!ok) {
		unlink(tmp);
		triad__free(tmp);
		return triad__err_at(TRIAD_EIO, filename, 0, 0, NULL, "cannot write %s: %s",
		                     filename, strerror(err));
	}
	triad__free(tmp);
	return 0;
}
