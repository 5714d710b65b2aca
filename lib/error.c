/* Error codes and the thread-local last error. */
#include <stdio.h>
#include <string.h>

#include "triad_private.h"

enum { MESSAGE_MAX = 1024, SOURCE_MAX = 512, PATH_MAX_ = 512 };

typedef struct error_state {
	triad_error pub;
	char message[MESSAGE_MAX];
	char source[SOURCE_MAX];
	char path[PATH_MAX_];
} error_state;

static _Thread_local error_state last;

static error_state *state(void)
{
	error_state *st = &last;
	/* Thread-local storage starts zeroed: point the strings at the buffers. */
	if (!st->pub.message) {
		st->pub.message = st->message;
		st->pub.source = st->source;
		st->pub.path = st->path;
	}
	return st;
}

const triad_error *triad_error_last(void)
{
	return &state()->pub;
}

void triad_error_clear(void)
{
	error_state *st = state();
	st->pub.code = 0;
	st->pub.line = 0;
	st->pub.column = 0;
	st->message[0] = st->source[0] = st->path[0] = '\0';
}

static void copy_trunc(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

int triad__verr_at(int code, const char *source, int line, int column,
                   const char *path, const char *fmt, va_list ap)
{
	error_state *st = state();
	char buf[MESSAGE_MAX];
	/* Format first: the arguments may point into the current message. */
	vsnprintf(buf, sizeof buf, fmt, ap);
	char src[SOURCE_MAX], pth[PATH_MAX_];
	copy_trunc(src, sizeof src, source);
	copy_trunc(pth, sizeof pth, path);
	memcpy(st->message, buf, sizeof buf);
	memcpy(st->source, src, sizeof src);
	memcpy(st->path, pth, sizeof pth);
	st->pub.code = code;
	st->pub.line = line;
	st->pub.column = column;
	return code;
}

int triad__err_at(int code, const char *source, int line, int column,
                  const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	triad__verr_at(code, source, line, column, path, fmt, ap);
	va_end(ap);
	return code;
}

int triad__verr(int code, const char *fmt, va_list ap)
{
	return triad__verr_at(code, NULL, 0, 0, NULL, fmt, ap);
}

int triad__err(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	triad__verr(code, fmt, ap);
	va_end(ap);
	return code;
}

int triad__nomem(void)
{
	return triad__err(TRIAD_ENOMEM, "out of memory");
}

const char *triad_strerror(int code)
{
	switch (code) {
	case TRIAD_OK: return "success";
	case TRIAD_EINVAL: return "invalid argument";
	case TRIAD_ENOMEM: return "out of memory";
	case TRIAD_ENOTFOUND: return "not found";
	case TRIAD_EPARSE: return "syntax error";
	case TRIAD_ESTATE: return "not allowed in the current state";
	case TRIAD_EFORMAT: return "invalid document content";
	case TRIAD_EVERSION: return "unsupported format version";
	case TRIAD_EEXISTS: return "already exists";
	case TRIAD_EIO: return "input/output error";
	case TRIAD_ECANCELED: return "canceled";
	case TRIAD_ERANGE: return "value out of range";
	case TRIAD_EINTERNAL: return "internal error";
	default: return "unknown error";
	}
}
