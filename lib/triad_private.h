/*
 * Private helpers shared by every module: allocation through the hook,
 * recording errors, UTF-8 checks and growable arrays. Never installed.
 */
#ifndef TRIAD_PRIVATE_H
#define TRIAD_PRIVATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "triad.h"

#if defined(__GNUC__)
#  define TRIAD_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define TRIAD_PRINTF(f, a)
#endif

#define TRIAD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- allocation (lib/memory.c) ---- */
void *triad__malloc(size_t size);
void *triad__calloc(size_t count, size_t size);
void *triad__realloc(void *ptr, size_t size);
/* realloc of count * size with overflow check */
void *triad__reallocarray(void *ptr, size_t count, size_t size);
void triad__free(void *ptr);
char *triad__strdup(const char *s);
char *triad__strndup(const char *s, size_t n);

/*
 * Make room for at least `need` elements of `size` bytes in *items whose
 * capacity is *cap, growing geometrically. Returns 0 or TRIAD_ENOMEM (with
 * the error recorded); on failure *items and *cap are unchanged.
 */
int triad__grow(void **items, size_t *cap, size_t need, size_t size);
#define TRIAD_GROW(arr, cap, need) \
	triad__grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* ---- errors (lib/error.c) ---- */
/* Record an error and return its code, so callers can `return triad__err(...)`. */
int triad__err(int code, const char *fmt, ...) TRIAD_PRINTF(2, 3);
int triad__verr(int code, const char *fmt, va_list ap);
/* Record an error with a location; source/path may be NULL, line/column 0. */
int triad__err_at(int code, const char *source, int line, int column,
                  const char *path, const char *fmt, ...) TRIAD_PRINTF(6, 7);
int triad__verr_at(int code, const char *source, int line, int column,
                   const char *path, const char *fmt, va_list ap);
/* Record TRIAD_ENOMEM with a standard message. */
int triad__nomem(void);

/* ---- text ---- */
/* Whether s[0..len) is valid UTF-8 without NUL bytes. */
bool triad__utf8_valid(const char *s, size_t len);
/* Validate an argument string: non-NULL, valid UTF-8, non-empty if required.
 * Records TRIAD_EINVAL naming `what` and returns it, or returns 0. */
int triad__check_text(const char *s, const char *what, bool nonempty);

/* ---- growable text buffer (lib/strbuf.c) ---- */
typedef struct triad_strbuf {
	char *data;
	size_t len;
	size_t cap;
	int failed; /* sticky: an allocation failed, the content is incomplete */
} triad_strbuf;

void triad__sb_init(triad_strbuf *sb);
void triad__sb_free(triad_strbuf *sb);
void triad__sb_putn(triad_strbuf *sb, const char *s, size_t n);
void triad__sb_puts(triad_strbuf *sb, const char *s);
void triad__sb_putc(triad_strbuf *sb, char c);
void triad__sb_printf(triad_strbuf *sb, const char *fmt, ...) TRIAD_PRINTF(2, 3);
/* Append s with & < > " ' escaped for HTML text and attributes. */
void triad__sb_put_html(triad_strbuf *sb, const char *s);
/* Hand the NUL-terminated string to the caller (free with triad_free), or
 * record TRIAD_ENOMEM and return NULL if anything failed. The buffer is reset. */
char *triad__sb_take(triad_strbuf *sb);

/* ---- string lists (lib/strlist.c) ---- */
/* A new empty list (NULL and TRIAD_ENOMEM recorded on failure). */
triad_strlist *triad__strlist_new(void);
/* Append a copy of s; TRIAD_ENOMEM leaves the list unchanged. */
int triad__strlist_add(triad_strlist *l, const char *s);
/* Append unless already present. */
int triad__strlist_add_unique(triad_strlist *l, const char *s);

/* ---- dates (lib/date.c) ---- */
bool triad__date_in_range(triad_date d);
/* Days from civil date, no validation. */
triad_date triad__days_from_civil(int y, int m, int d);
void triad__civil_from_days(triad_date z, int *y, int *m, int *d);

#endif /* TRIAD_PRIVATE_H */
