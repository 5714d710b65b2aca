/* CSV text into rows of cells, parsed by libcsv (see csvtable_private.h). */
#include <string.h>

#include <csv.h>

#include "csvtable_private.h"

typedef struct reader {
	triad_csv_table *t;
	const char *source;
	triad_csv_row cur;   /* the row being read */
	size_t curcap;
	bool in_row;         /* libcsv has begun a row that has not ended yet */
	int line;            /* the line being fed */
	int start;           /* the line the current row started on */
	int rc;              /* first error from a callback */
} reader;

static const char *src(const reader *r)
{
	return r->source ? r->source : "CSV";
}

static void free_row(triad_csv_row *row)
{
	for (size_t i = 0; i < row->ncells; i++)
		triad__free(row->cells[i]);
	triad__free(row->cells);
	row->cells = NULL;
	row->ncells = 0;
}

void triad__csv_table_free(triad_csv_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows; i++)
		free_row(&t->rows[i]);
	triad__free(t->rows);
	t->rows = NULL;
	t->nrows = t->cap = 0;
}

/* libcsv: one cell has been read. */
static void on_cell(void *data, size_t len, void *ctx)
{
	reader *r = ctx;
	if (r->rc)
		return;
	const char *s = data ? data : "";
	if (!triad__utf8_valid(s, len)) {
		r->rc = triad__err_at(TRIAD_EFORMAT, r->source, r->start, (int)r->cur.ncells + 1, NULL,
		                      "%s: row %d, column %zu: the cell is not valid UTF-8 text "
		                      "(save the file as UTF-8)",
		                      src(r), r->start, r->cur.ncells + 1);
		return;
	}
	if (TRIAD_GROW(r->cur.cells, r->curcap, r->cur.ncells + 1)) {
		r->rc = TRIAD_ENOMEM;
		return;
	}
	char *cell = triad__strndup(s, len);
	if (!cell) {
		r->rc = TRIAD_ENOMEM;
		return;
	}
	r->cur.line = r->start;
	r->cur.cells[r->cur.ncells++] = cell;
}

/* libcsv: a row has ended. */
static void on_row(int c, void *ctx)
{
	reader *r = ctx;
	(void)c;
	r->in_row = false;
	if (r->rc)
		return;
	if (TRIAD_GROW(r->t->rows, r->t->cap, r->t->nrows + 1)) {
		r->rc = TRIAD_ENOMEM;
		return;
	}
	r->t->rows[r->t->nrows++] = r->cur;
	r->cur.cells = NULL;
	r->cur.ncells = 0;
	r->curcap = 0;
}

char triad__csv_detect(const char *text, size_t len)
{
	size_t semi = 0, comma = 0, tab = 0;
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == ',')
			comma++;
		else if (!quoted && c == '\t')
			tab++;
	}
	if (semi >= comma && semi >= tab && semi > 0)
		return ';';
	if (comma >= tab && comma > 0)
		return ',';
	return tab > 0 ? '\t' : ',';
}

/* Spaces around unquoted cells are trimmed; a tab only when it is not the
 * delimiter (libcsv's default trims both). */
static int is_space_tab_delim(unsigned char c)
{
	return c == ' ';
}

static int is_space_default(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/* Whether libcsv begins a row on this line: it skips lines holding only
 * spaces and line ends. */
static bool begins_row(const char *s, size_t n, char delimiter)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\r' || c == '\n' || c == ' ' || (c == '\t' && delimiter != '\t'))
			continue;
		return true;
	}
	return false;
}

static int parse_error(reader *r, int code)
{
	if (code == CSV_ENOMEM)
		return triad__nomem();
	if (code == CSV_ETOOBIG)
		return triad__err_at(TRIAD_EPARSE, r->source, r->start, 0, NULL,
		                     "%s: row %d: a cell is too large", src(r), r->start);
	return triad__err_at(TRIAD_EPARSE, r->source, r->in_row ? r->start : r->line, 0, NULL,
	                     "%s: row %d: malformed quotes: a quote inside an unquoted cell, "
	                     "or text after a closing quote (quote the whole cell and write a "
	                     "quote inside it as \"\")",
	                     src(r), r->in_row ? r->start : r->line);
}

int triad__csv_read(triad_csv_table *out, const char *text, size_t len, const char *source,
                    char delimiter)
{
	if (!out || (!text && len))
		return triad__err(TRIAD_EINVAL, "the CSV text is NULL");
	if (delimiter != 0 && delimiter != ';' && delimiter != ',' && delimiter != '\t')
		return triad__err(TRIAD_EINVAL, "the delimiter must be ';', ',' or a tab");
	memset(out, 0, sizeof *out);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!delimiter)
		delimiter = triad__csv_detect(text, len);

	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return triad__nomem();
	csv_set_realloc_func(&p, triad__realloc);
	csv_set_free_func(&p, triad__free);
	csv_set_delim(&p, (unsigned char)delimiter);
	csv_set_space_func(&p, delimiter == '\t' ? is_space_tab_delim : is_space_default);

	reader r = { 0 };
	r.t = out;
	r.source = source;
	int rc = 0;
	/* Fed a line at a time, so that each row knows the line it starts on. */
	size_t pos = 0;
	while (pos < len && !rc) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) + 1 : len - pos;
		r.line++;
		if (!r.in_row && begins_row(text + pos, n, delimiter)) {
			r.in_row = true;
			r.start = r.line;
		}
		size_t done = csv_parse(&p, text + pos, n, on_cell, on_row, &r);
		if (r.rc)
			rc = r.rc;
		else if (done != n)
			rc = parse_error(&r, csv_error(&p));
		pos += n;
	}
	if (!rc && csv_fini(&p, on_cell, on_row, &r) != 0)
		rc = r.rc ? r.rc
		          : csv_error(&p) == CSV_EPARSE
		            ? triad__err_at(TRIAD_EPARSE, source, r.start, 0, NULL,
		                            "%s: row %d: a quoted cell is not closed (a quote is "
		                            "missing)",
		                            src(&r), r.start)
		            : parse_error(&r, csv_error(&p));
	if (!rc)
		rc = r.rc;
	csv_free(&p);
	free_row(&r.cur);
	if (rc) {
		triad__csv_table_free(out);
		return rc;
	}
	out->delimiter = delimiter;
	return 0;
}
