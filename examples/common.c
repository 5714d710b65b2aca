#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

int report_error(const char *cmd, const char *what)
{
	const triad_error *e = triad_error_last();
	fprintf(stderr, "triad %s: %s: %s", cmd, what, e->message[0] ? e->message
	                                                        : triad_strerror(e->code));
	if (e->path[0] && !strstr(e->message, e->path))
		fprintf(stderr, " (at %s)", e->path);
	fputc('\n', stderr);
	return 1;
}

bool parse_lang(const char *cmd, const char *text, triad_lang *out)
{
	if (text && strcmp(text, "nl") == 0) {
		*out = TRIAD_LANG_NL;
		return true;
	}
	if (text && strcmp(text, "en") == 0) {
		*out = TRIAD_LANG_EN;
		return true;
	}
	fprintf(stderr, "triad %s: --lang takes \"nl\" or \"en\", not \"%s\"\n", cmd,
	        text ? text : "");
	return false;
}

bool is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

bool progress_wanted(bool forced)
{
	return forced || isatty(STDERR_FILENO);
}

bool write_file_atomic(const char *cmd, const char *path, const char *data, size_t len)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + 48);
	if (!tmp) {
		fprintf(stderr, "triad %s: out of memory\n", cmd);
		return false;
	}
	/* open(O_EXCL, 0666), not mkstemp (mode 0600): the umask decides. */
	static unsigned serial;
	int fd = -1;
	for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
		snprintf(tmp, n + 48, "%s.tmp-%ld-%u", path, (long)getpid(), serial++);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		fprintf(stderr, "triad %s: cannot create %s: %s\n", cmd, tmp, strerror(errno));
		free(tmp);
		return false;
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
	bool ok = done == len && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok) {
		fprintf(stderr, "triad %s: cannot write %s: %s\n", cmd, path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ok;
}
