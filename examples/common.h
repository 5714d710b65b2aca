/*
 * Helpers shared by the triad tool's subcommands: option parsing, languages,
 * error reporting and atomic output files. Only the public API is used.
 */
#ifndef TRIAD_EXAMPLES_COMMON_H
#define TRIAD_EXAMPLES_COMMON_H

#include <stdbool.h>
#include <stdio.h>

#include <triad.h>

/* A subcommand: argv[0] is its name. Returns the process exit status. */
typedef int (*triad_cmd_fn)(int argc, char **argv);

/* Print "triad CMD: " followed by the library's last error: message, and the
 * file, line, column or JSON path when known. Returns 1 (the exit status). */
int report_error(const char *cmd, const char *what);

/* Parse "nl" or "en"; prints an error and returns false otherwise. */
bool parse_lang(const char *cmd, const char *text, triad_lang *out);

/* Whether arg is -h or --help. */
bool is_help(const char *arg);

/* Whether progress lines go to stderr: it is a terminal, or --progress. */
bool progress_wanted(bool forced);

/* Write a whole file atomically (temporary file, fsync, rename). Prints an
 * error naming the file and returns false on failure. */
bool write_file_atomic(const char *cmd, const char *path, const char *data, size_t len);

#endif
