/*
 * triad import-csv: add the households and requests of a school's CSV
 * export to a parents' evening instance (triad/csvimport.h), and write the
 * instance for `triad schedule`.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: triad import-csv BASE.json REQUESTS.csv -o INSTANCE.json\n"
	        "                        [--delimiter ';'|','|tab] [--column NAME=HEADER]...\n"
	        "                        [--ignore-unknown-columns] [--lang nl|en] [--progress]\n"
	        "\n"
	        "Read the requests for a parents' evening as a school's administration\n"
	        "exports them (one row per student and teacher; see\n"
	        "doc/formats/csv-import.md), add them to BASE.json (a triad.conference/1\n"
	        "instance with the sessions, rooms and teachers) and write INSTANCE.json.\n"
	        "  -o, --output FILE           the instance to write (atomically)\n"
	        "  --delimiter ';'|','|tab     the cell separator (default: detected)\n"
	        "  --column NAME=HEADER        the header of a column in this file, e.g.\n"
	        "                              --column teacher=Mentorcode; NAME is one of\n"
	        "                              household, household_name, parent, student,\n"
	        "                              teacher, joint_teacher, priority, slots,\n"
	        "                              preference, sessions, max_sessions\n"
	        "  --ignore-unknown-columns    skip columns with other headers (default: error)\n"
	        "  --lang nl|en                language of the summary (default en)\n"
	        "  --progress                  report progress on stderr even when it is not a\n"
	        "                              terminal\n");
}

static bool set_column(triad_csvimport_options *o, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg || !eq[1])
		return false;
	for (int c = 1; c <= TRIAD_CSV_COLUMN_COUNT; c++) {
		const char *id = triad_csv_column_id((triad_csv_column)c);
		if (strlen(id) == (size_t)(eq - arg) && strncmp(id, arg, (size_t)(eq - arg)) == 0) {
			o->headers[c] = eq + 1;
			return true;
		}
	}
	return false;
}

int cmd_import_csv(int argc, char **argv)
{
	triad_csvimport_options opts = TRIAD_CSVIMPORT_OPTIONS_INIT;
	const char *files[2] = { NULL, NULL }, *output = NULL;
	int nfiles = 0;
	triad_lang lang = TRIAD_LANG_EN;
	bool force_progress = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (is_help(a)) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--progress") == 0) {
			force_progress = true;
		} else if (strcmp(a, "--ignore-unknown-columns") == 0) {
			opts.ignore_unknown_columns = 1;
		} else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && v) {
			output = v;
			i++;
		} else if (strcmp(a, "--delimiter") == 0 && v &&
		           (strcmp(v, ";") == 0 || strcmp(v, ",") == 0 || strcmp(v, "tab") == 0)) {
			opts.delimiter = v[0] == 't' ? '\t' : v[0];
			i++;
		} else if (strcmp(a, "--column") == 0 && v && set_column(&opts, v)) {
			i++;
		} else if (strcmp(a, "--lang") == 0 && v) {
			if (!parse_lang("import-csv", v, &lang))
				return 2;
			i++;
		} else if (a[0] != '-' && nfiles < 2) {
			files[nfiles++] = a;
		} else {
			fprintf(stderr, "triad import-csv: invalid argument \"%s\"%s%s\n", a,
			        v && a[0] == '-' ? " with value " : "", v && a[0] == '-' ? v : "");
			usage(stderr);
			return 2;
		}
	}
	if (nfiles != 2 || !output) {
		fprintf(stderr, "triad import-csv: give BASE.json, REQUESTS.csv and -o INSTANCE.json\n");
		usage(stderr);
		return 2;
	}
	bool progress = progress_wanted(force_progress);

	triad_conference *base = NULL, *conf = NULL;
	char *text = NULL;
	int status = 1;
	if (progress)
		fprintf(stderr, "triad import-csv: %s %s\n",
		        lang == TRIAD_LANG_NL ? "basis lezen:" : "reading the base:", files[0]);
	if (triad_conference_load_file(&base, files[0])) {
		report_error("import-csv", "cannot read the base instance");
		goto done;
	}
	if (progress)
		fprintf(stderr, "triad import-csv: %s %s\n",
		        lang == TRIAD_LANG_NL ? "aanvragen lezen:" : "reading the requests:", files[1]);
	if (triad_conference_import_csv_file(&conf, base, files[1], &opts)) {
		report_error("import-csv", "cannot import the requests");
		goto done;
	}
	if (triad_conference_save_json(&text, conf)) {
		report_error("import-csv", "cannot write the instance");
		goto done;
	}
	if (!write_file_atomic("import-csv", output, text, strlen(text)))
		goto done;
	size_t hh = triad_conference_household_count(conf) - triad_conference_household_count(base);
	size_t rq = triad_conference_request_count(conf) - triad_conference_request_count(base);
	printf(lang == TRIAD_LANG_NL ? "%zu gezinnen en %zu aanvragen uit %s toegevoegd; "
	                               "geschreven naar %s\n"
	                             : "%zu households and %zu requests added from %s; "
	                               "written to %s\n",
	       hh, rq, files[1], output);
	status = 0;
done:
	triad_free(text);
	triad_conference_free(conf);
	triad_conference_free(base);
	return status;
}
