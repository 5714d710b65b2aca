/* A growable text buffer with a sticky failure flag, for rendering. */
#include <stdio.h>
#include <string.h>

#include "triad_private.h"

void triad__sb_init(triad_strbuf *sb)
{
	sb->data = NULL;
	sb->len = sb->cap = 0;
	sb->failed = 0;
}

void triad__sb_free(triad_strbuf *sb)
{
	triad__free(sb->data);
	triad__sb_init(sb);
}

static bool reserve(triad_strbuf *sb, size_t extra)
{
	if (sb->failed)
		return false;
	if (extra > SIZE_MAX - sb->len - 1 ||
	    triad__grow((void **)&sb->data, &sb->cap, sb->len + extra + 1, 1)) {
		sb->failed = 1;
		return false;
	}
	return true;
}

void triad__sb_putn(triad_strbuf *sb, const char *s, size_t n)
{
	if (!reserve(sb, n))
		return;
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void triad__sb_puts(triad_strbuf *sb, const char *s)
{
	triad__sb_putn(sb, s, strlen(s));
}

void triad__sb_putc(triad_strbuf *sb, char c)
{
	triad__sb_putn(sb, &c, 1);
}

void triad__sb_printf(triad_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !reserve(sb, (size_t)n)) {
		sb->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void triad__sb_put_html(triad_strbuf *sb, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		triad__sb_putn(sb, run, (size_t)(s - run));
		triad__sb_puts(sb, rep);
		run = s + 1;
	}
	triad__sb_putn(sb, run, (size_t)(s - run));
}

char *triad__sb_take(triad_strbuf *sb)
{
	if (!sb->failed && !sb->data)
		reserve(sb, 0);
	if (sb->failed) {
		triad__sb_free(sb);
		triad__nomem();
		return NULL;
	}
	sb->data[sb->len] = '\0';
	char *out = sb->data;
	triad__sb_init(sb);
	return out;
}
