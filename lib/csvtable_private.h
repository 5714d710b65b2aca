/*
 * Reading CSV text into a table of rows with Debian's libcsv: a UTF-8
 * byte-order mark skipped, the delimiter detected or given, strict quoting,
 * UTF-8 checked per cell, and each row's starting line kept for messages.
 */
#ifndef TRIAD_CSVTABLE_PRIVATE_H
#define TRIAD_CSVTABLE_PRIVATE_H

#include "triad_private.h"

typedef struct triad_csv_row {
	int line;      /* the line the row starts on, 1-based */
	size_t ncells;
	char **cells;  /* NUL-terminated, valid UTF-8 */
} triad_csv_row;

typedef struct triad_csv_table {
	triad_csv_row *rows;
	size_t nrows, cap;
	char delimiter; /* the one used */
} triad_csv_table;

/*
 * Read `text` (len bytes) into a fresh table. `delimiter` is ';', ',',
 * '\t', or 0 to detect it from the first row. Errors: TRIAD_EPARSE for
 * malformed quoting (with the row), TRIAD_EFORMAT for invalid UTF-8 (row
 * and column), TRIAD_ENOMEM; messages start with `source` when given. On
 * failure *out is left empty.
 */
int triad__csv_read(triad_csv_table *out, const char *text, size_t len, const char *source,
                    char delimiter);
void triad__csv_table_free(triad_csv_table *t);

/* The delimiter detect mode would choose for this text (after any BOM). */
char triad__csv_detect(const char *text, size_t len);

#endif
