/*
 * triad: the command-line tool built from libtriad's examples, one
 * subcommand per example file (as libgit2's examples build lg2).
 */
#include <string.h>

#include "common.h"

int cmd_categories(int argc, char **argv);
/* issue 3 */
int cmd_agreement(int argc, char **argv);
int cmd_roster(int argc, char **argv);
/* end issue 3 */
/* issue 4 */
int cmd_schedule(int argc, char **argv);
int cmd_schedule_check(int argc, char **argv);
/* end issue 4 */
/* issue 5 */
int cmd_contacts(int argc, char **argv);
/* end issue 5 */
/* issue 6 */
int cmd_generate(int argc, char **argv);
int cmd_import_csv(int argc, char **argv);
/* end issue 6 */

static const struct {
	const char *name;
	triad_cmd_fn fn;
	const char *summary;
} commands[] = {
	{ "categories", cmd_categories, "the involvement taxonomy, in Dutch or English" },
	/* issue 3 */
	{ "roster", cmd_roster, "check a school roster; who consents, signs, is informed" },
	{ "agreement", cmd_agreement, "parent-child-school agreements: new, validate, sign, render, renew, demo" },
	/* end issue 3 */
	/* issue 4 */
	{ "schedule", cmd_schedule, "schedule parent-teacher conferences; HTML, letters, iCalendar" },
	{ "schedule-check", cmd_schedule_check, "check a conference schedule: violations and metrics" },
	/* end issue 4 */
	/* issue 5 */
	{ "contacts", cmd_contacts, "contact plans, the contact log, reach and hard-to-reach households" },
	/* end issue 5 */
	/* issue 6 */
	{ "generate", cmd_generate, "a synthetic school: roster, parents' evening, contact log" },
	{ "import-csv", cmd_import_csv, "parents' evening requests from a CSV export" },
	/* end issue 6 */
};

static void usage(FILE *out)
{
	fprintf(out, "usage: triad COMMAND [ARGS]   (triad COMMAND --help for details)\n\n"
	             "libtriad %s: parents, student and school.\n\ncommands:\n",
	        triad_version());
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-18s %s\n", commands[i].name, commands[i].summary);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (is_help(argv[1])) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("triad %s\n", triad_version());
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "triad: unknown command \"%s\"\n", argv[1]);
	usage(stderr);
	return 2;
}
