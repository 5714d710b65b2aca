/*
 * Strict JSON reading and writing on top of jansson, shared by every loader.
 *
 * A reader walks a document with a triad_jctx that tracks the JSON path
 * (`teachers[3].sessions[0].available[1]`), so that every content error
 * names where it is. Syntax errors carry jansson's line and column.
 */
#ifndef TRIAD_JSON_PRIVATE_H
#define TRIAD_JSON_PRIVATE_H

#include <jansson.h>

#include "triad_private.h"

typedef struct triad_jctx {
	const char *source; /* file or input name for messages; may be NULL */
	size_t len;
	char path[480];
} triad_jctx;

void triad__jctx_init(triad_jctx *c, const char *source);
/* Descend into a key or index; returns a mark for triad__j_pop(). */
size_t triad__j_push_key(triad_jctx *c, const char *key);
size_t triad__j_push_index(triad_jctx *c, size_t index);
void triad__j_pop(triad_jctx *c, size_t mark);
/* Record an error at the current path ("at PATH: message"); returns code. */
int triad__j_fail(triad_jctx *c, int code, const char *fmt, ...) TRIAD_PRINTF(3, 4);
/* Same, at the current path plus one key (no push needed). */
int triad__j_fail_key(triad_jctx *c, const char *key, int code, const char *fmt, ...)
	TRIAD_PRINTF(4, 5);

/* Parse text (duplicate keys rejected) or a file; TRIAD_EPARSE with line and
 * column, TRIAD_EIO for an unreadable file, TRIAD_ENOMEM. The top level must
 * be an object (TRIAD_EFORMAT otherwise). */
int triad__j_parse(json_t **out, const char *text, size_t len, const char *source);
int triad__j_parse_file(json_t **out, const char *filename);

/* A document reader: builds *out from a parsed tree, which it does not keep
 * (the caller releases it); arg is the reader's own further input. */
typedef int (*triad__j_reader)(void *out, json_t *root, const char *source, const void *arg);
/* Parse text (or a file) and read it with `read`: every module's
 * `_load`/`_load_file` pair. Errors as triad__j_parse() and the reader's. */
int triad__j_load(void *out, triad__j_reader read, const void *arg, const char *text, size_t len,
                  const char *source);
int triad__j_load_file(void *out, triad__j_reader read, const void *arg, const char *filename);

/* Check the "format" member: "NAME/N" with 1 <= N <= max_major.
 * TRIAD_EFORMAT for a missing or different name, TRIAD_EVERSION for N > max. */
int triad__j_check_format(triad_jctx *c, json_t *root, const char *name,
                          int max_major, int *major);

/* The JSON type name of a value, for messages ("a string", "an array"...). */
const char *triad__j_type_name(const json_t *v);

/* Require `v` to be an object whose keys are all in the NULL-terminated
 * `allowed` list. */
int triad__j_fields(triad_jctx *c, json_t *v, const char *const *allowed);

/* Member readers. Missing optional members leave *out untouched and return 0;
 * missing required members, wrong types and out-of-range values are
 * TRIAD_EFORMAT errors at the member's path. */
int triad__j_string(triad_jctx *c, json_t *obj, const char *key, bool required,
                    const char **out);
int triad__j_int(triad_jctx *c, json_t *obj, const char *key, bool required,
                 long long min, long long max, long long *out);
int triad__j_number(triad_jctx *c, json_t *obj, const char *key, bool required,
                    double min, double max, double *out);
int triad__j_bool(triad_jctx *c, json_t *obj, const char *key, bool required,
                  bool *out);
int triad__j_date(triad_jctx *c, json_t *obj, const char *key, bool required,
                  triad_date *out);
int triad__j_array(triad_jctx *c, json_t *obj, const char *key, bool required,
                   json_t **out);
int triad__j_object(triad_jctx *c, json_t *obj, const char *key, bool required,
                    json_t **out);
/* A string member that must be one of the NULL-terminated `names`; *out is
 * its index plus `base`. */
int triad__j_enum(triad_jctx *c, json_t *obj, const char *key, bool required,
                  const char *const *names, int base, int *out);

/* Writing. Each returns 0 or TRIAD_ENOMEM; a NULL value counts as failure
 * (jansson constructors return NULL when out of memory). */
int triad__j_set(json_t *obj, const char *key, json_t *value);
int triad__j_append(json_t *arr, json_t *value);
json_t *triad__j_date_new(triad_date d);
/* Serialize with two-space indentation and a final newline, copied into
 * memory the caller releases with triad_free(). */
char *triad__j_dump(const json_t *root);
/* Write text to a file atomically: temporary file, fsync, rename. */
int triad__write_file(const char *filename, const char *data, size_t len);

#endif /* TRIAD_JSON_PRIVATE_H */
