/*
 * bench_csvimport: how fast the CSV import is, against a baseline measured
 * in the same run: loading the instance it produces from its JSON
 * (triad_conference_load_json), which the import itself ends with.
 *
 * For each size a school's export is made in memory: 120 teachers on two
 * evenings; households of 1 to 3 rows (students, teachers), all columns
 * filled as administration systems fill them. Each import and load runs
 * `reps` times; the table shows the best time per run.
 *
 *     bench_csvimport [ROWS...]     (default 1000 10000 50000)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <triad.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t rng = 88172645463325252ULL;
static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

enum { TEACHERS = 120 };

static char *base_json(void)
{
	size_t cap = 64 * 1024, len = 0;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	len += (size_t)snprintf(s + len, cap - len,
	                        "{\"format\":\"triad.conference/1\",\"sessions\":["
	                        "{\"id\":\"s1\",\"date\":\"2026-11-24\",\"start\":\"18:00\","
	                        "\"slot_minutes\":10,\"gap_minutes\":0,\"slots\":24,\"breaks\":[]},"
	                        "{\"id\":\"s2\",\"date\":\"2026-11-26\",\"start\":\"18:00\","
	                        "\"slot_minutes\":10,\"gap_minutes\":0,\"slots\":24,\"breaks\":[]}],"
	                        "\"rooms\":[");
	for (int t = 0; t < TEACHERS; t++)
		len += (size_t)snprintf(s + len, cap - len, "%s{\"id\":\"R%03d\"}", t ? "," : "", t);
	len += (size_t)snprintf(s + len, cap - len, "],\"teachers\":[");
	for (int t = 0; t < TEACHERS; t++)
		len += (size_t)snprintf(s + len, cap - len,
		                        "%s{\"id\":\"T%03d\",\"name\":\"docent %d\",\"sessions\":["
		                        "{\"session\":\"s1\",\"room\":\"R%03d\",\"available\":[[0,24]]},"
		                        "{\"session\":\"s2\",\"room\":\"R%03d\",\"available\":[[0,24]]}]}",
		                        t ? "," : "", t, t, t, t);
	snprintf(s + len, cap - len, "],\"households\":[],\"requests\":[]}");
	return s;
}

/* An export of about `rows` rows. */
static char *export_csv(int rows, int *households)
{
	static const char *const prio[] = { "uitgenodigd", "verplicht", "optioneel" };
	static const char *const pref[] = { "", "vroeg", "laat" };
	size_t cap = (size_t)rows * 160 + 256, len = 0;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	len += (size_t)snprintf(s + len, cap - len,
	                        "\xEF\xBB\xBFGezin;Gezinsnaam;Ouders;Leerling;Docent;Prioriteit;Duur;"
	                        "Voorkeur;Avonden\r\n");
	int h = 0, made = 0;
	while (made < rows) {
		h++;
		int n = 1 + (int)next(3), first = (int)next(TEACHERS);
		unsigned p = next(3), a = next(3);
		for (int k = 0; k < n && made < rows; k++, made++)
			len += (size_t)snprintf(s + len, cap - len,
			                        "g%06d;\"Familie Jansen-%d\";\"P. en K. Jansen\";"
			                        "Leerling %d;T%03d;%s;%d;%s;%s\r\n",
			                        h, h, h, (first + 7 * k) % TEACHERS, prio[next(3)],
			                        1 + (next(10) == 0), pref[p],
			                        a == 0 ? "s1" : a == 1 ? "s2" : "s1 s2");
	}
	*households = h;
	return s;
}

int main(int argc, char **argv)
{
	int sizes[16] = { 1000, 10000, 50000 }, nsizes = 3;
	if (argc > 1) {
		nsizes = 0;
		for (int i = 1; i < argc && nsizes < 16; i++)
			sizes[nsizes++] = atoi(argv[i]);
	}
	char *btext = base_json();
	triad_conference *base = NULL;
	if (!btext || triad_conference_load_json(&base, btext, strlen(btext), "base") != 0) {
		fprintf(stderr, "bench_csvimport: %s\n", triad_error_last()->message);
		return 1;
	}
	printf("CSV import against loading the same instance from JSON (best of the runs)\n\n");
	printf("%8s %10s %9s %10s %11s %10s %11s %7s\n", "rows", "households", "requests",
	       "CSV bytes", "import ms", "JSON bytes", "load ms", "ratio");
	for (int z = 0; z < nsizes; z++) {
		int households = 0;
		char *csv = export_csv(sizes[z], &households);
		if (!csv)
			return 1;
		size_t csvlen = strlen(csv);
		int reps = sizes[z] >= 20000 ? 3 : 10;
		double best_import = 1e9, best_load = 1e9;
		triad_conference *conf = NULL;
		char *json = NULL;
		for (int r = 0; r < reps; r++) {
			double t = now();
			if (triad_conference_import_csv(&conf, base, csv, csvlen, "bench.csv", NULL)) {
				fprintf(stderr, "bench_csvimport: %s\n", triad_error_last()->message);
				return 1;
			}
			t = now() - t;
			if (t < best_import)
				best_import = t;
			if (!json && triad_conference_save_json(&json, conf))
				return 1;
			if (r + 1 < reps)
				triad_conference_free(conf);
		}
		size_t nreq = triad_conference_request_count(conf);
		triad_conference_free(conf);
		for (int r = 0; r < reps; r++) {
			double t = now();
			if (triad_conference_load_json(&conf, json, strlen(json), "bench.json"))
				return 1;
			t = now() - t;
			if (t < best_load)
				best_load = t;
			triad_conference_free(conf);
		}
		printf("%8d %10d %9zu %10zu %11.2f %10zu %11.2f %6.2fx\n", sizes[z], households, nreq,
		       csvlen, best_import * 1e3, strlen(json), best_load * 1e3,
		       best_import / best_load);
		triad_free(json);
		free(csv);
	}
	triad_conference_free(base);
	free(btext);
	return 0;
}
