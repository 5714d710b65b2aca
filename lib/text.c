/* UTF-8 validation of strings passed in by callers. */
#include <string.h>

#include "triad_private.h"

bool triad__utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		uint32_t cp;
		if (c == 0)
			return false;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (len - i - 1 < n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		/* Reject overlong forms, surrogates and values above U+10FFFF. */
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		    (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

int triad__check_text(const char *s, const char *what, bool nonempty)
{
	if (!s)
		return triad__err(TRIAD_EINVAL, "%s is NULL", what);
	size_t len = strlen(s);
	if (nonempty && len == 0)
		return triad__err(TRIAD_EINVAL, "%s is empty", what);
	if (!triad__utf8_valid(s, len))
		return triad__err(TRIAD_EINVAL, "%s is not valid UTF-8", what);
	return 0;
}
