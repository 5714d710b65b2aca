/*
 * contactlog-bench: a contact log of 1,000,000 entries for 100,000
 * households, written as JSON Lines, streamed in, and analysed (reach,
 * proactive share, never contacted, hard to reach per school, class and
 * mentor). Prints load time, analytics time, bytes per stored entry and
 * peak memory next to a naive baseline: entries as structs of malloc'd
 * strings (bytes measured with mallinfo2 on a sample), and per-household
 * analytics that rescan the whole log for every household (run on a sample
 * of households and extrapolated).
 *
 * usage: contactlog-bench [ENTRIES [HOUSEHOLDS [SAMPLE]]]   (defaults 1000000 100000 100)
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <triad.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this process: the machine may be shared, so wall-clock time
 * alone can mislead. */
static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static long current_rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, rss = 0;
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
			rss = 0;
		fclose(f);
	}
	return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)((rng >> 11) % n);
}

static void die(const char *what)
{
	fprintf(stderr, "contactlog-bench: %s: %s\n", what, triad_error_last()->message);
	exit(1);
}

/* Households have 1 or 2 students (1 in 4 has two); 30 households a class,
 * one mentor a class. */
static int students_of(uint32_t h)
{
	return h % 4 == 0 ? 2 : 1;
}

static triad_audience *make_audience(uint32_t households)
{
	triad_audience *aud = NULL;
	if (triad_audience_new(&aud))
		die("audience");
	for (uint32_t h = 0; h < households; h++) {
		char hh[16], st[24], cl[16], mt[16];
		snprintf(hh, sizeof hh, "h%06u", h);
		for (int k = 0; k < students_of(h); k++) {
			uint32_t klass = (h / 30 + (uint32_t)k * 7) % (households / 30 + 1);
			snprintf(st, sizeof st, "s%06u-%d", h, k);
			snprintf(cl, sizeof cl, "c%04u", klass);
			snprintf(mt, sizeof mt, "t%04u", klass);
			if (triad_audience_add(aud, hh, st, "havo", 1 + (int)(klass % 5), cl, mt,
			                       TRIAD_PLAN_ACCESS_FULL))
				die("audience add");
		}
	}
	return aud;
}

/* Write `n` entries over `households` households, 2025-08-25 .. 2026-03-31. */
static void generate(const char *path, uint32_t n, uint32_t households)
{
	triad_contact_writer *w = NULL;
	if (triad_contact_writer_open(&w, path))
		die("writer");
	triad_date start, end;
	triad_date_from_ymd(&start, 2025, 8, 25);
	triad_date_from_ymd(&end, 2026, 3, 31);
	uint32_t *last = malloc(households * sizeof *last); /* last entry per household */
	triad_date *last_date = malloc(households * sizeof *last_date);
	memset(last, 0xff, households * sizeof *last);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t h = rnd(households);
		char id[16], hh[16], st[24], g1[24], g2[24], staff[16], ans[16];
		snprintf(id, sizeof id, "c%07u", i);
		snprintf(hh, sizeof hh, "h%06u", h);
		int k = (int)rnd((uint32_t)students_of(h));
		snprintf(st, sizeof st, "s%06u-%d", h, k);
		snprintf(g1, sizeof g1, "g%06u-1", h);
		snprintf(g2, sizeof g2, "g%06u-2", h);
		snprintf(staff, sizeof staff, "t%04u", (h / 30) % (households / 30 + 1));
		const char *guardians[2] = { g1, g2 };
		const char *students[1] = { st };
		triad_contact c = TRIAD_CONTACT_INIT;
		c.id = id;
		c.date = start + (triad_date)rnd((uint32_t)(end - start + 1));
		c.minute = 8 * 60 + (int32_t)rnd(12 * 60);
		c.kind = (triad_contact_kind)(1 + rnd(9));
		c.channel = (triad_channel)(1 + rnd(6));
		uint32_t who = rnd(10);
		c.initiator = who < 7 ? TRIAD_INITIATOR_SCHOOL : who < 9 ? TRIAD_INITIATOR_PARENT
		                                                         : TRIAD_INITIATOR_STUDENT;
		uint32_t tone = rnd(5);
		c.tone = tone < 2 ? TRIAD_TONE_POSITIVE : tone < 4 ? TRIAD_TONE_NEUTRAL
		                                                   : TRIAD_TONE_CONCERN;
		c.reached = rnd(4) != 0;
		c.household = hh;
		c.staff = staff;
		c.student_present = (int)rnd(2);
		c.guardians = guardians;
		c.guardian_count = 1 + rnd(2);
		c.students = students;
		c.student_count = 1;
		/* One in 20 answers the household's previous entry, a little later. */
		if (last[h] != UINT32_MAX && rnd(20) == 0) {
			snprintf(ans, sizeof ans, "c%07u", last[h]);
			c.answers = ans;
			if (c.date <= last_date[h])
				c.date = last_date[h] + 1;
		}
		if (triad_contact_writer_write(w, &c))
			die("write");
		last[h] = i;
		last_date[h] = c.date;
	}
	if (triad_contact_writer_close(w))
		die("close");
	free(last);
	free(last_date);
}

/* The naive representation: every string malloc'd on its own. */
typedef struct naive_entry {
	char *id, *household, *staff, *answers;
	char **guardians, **students;
	size_t nguard, nstud;
	int32_t date, minute;
	int kind, channel, initiator, tone, reached, present;
} naive_entry;

static char *sdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Bytes per entry of the naive representation, measured on the first
 * `sample` entries. */
static double naive_bytes(const triad_contactlog *log, size_t sample)
{
	struct mallinfo2 before = mallinfo2();
	naive_entry *e = malloc(sample * sizeof *e);
	for (size_t i = 0; i < sample; i++) {
		triad_contact c;
		triad_contactlog_get(&c, log, i);
		e[i].id = sdup(c.id);
		e[i].household = sdup(c.household);
		e[i].staff = sdup(c.staff);
		e[i].answers = sdup(c.answers);
		e[i].nguard = c.guardian_count;
		e[i].nstud = c.student_count;
		e[i].guardians = malloc(c.guardian_count * sizeof(char *) + 1);
		e[i].students = malloc(c.student_count * sizeof(char *) + 1);
		for (size_t k = 0; k < c.guardian_count; k++)
			e[i].guardians[k] = sdup(triad_contactlog_guardian(log, i, k));
		for (size_t k = 0; k < c.student_count; k++)
			e[i].students[k] = sdup(triad_contactlog_student(log, i, k));
	}
	struct mallinfo2 after = mallinfo2();
	double bytes = (double)(after.uordblks + after.hblkhd - before.uordblks - before.hblkhd) /
	               (double)sample;
	for (size_t i = 0; i < sample; i++) {
		free(e[i].id);
		free(e[i].household);
		free(e[i].staff);
		free(e[i].answers);
		for (size_t k = 0; k < e[i].nguard; k++)
			free(e[i].guardians[k]);
		for (size_t k = 0; k < e[i].nstud; k++)
			free(e[i].students[k]);
		free(e[i].guardians);
		free(e[i].students);
	}
	free(e);
	return bytes;
}

/* The naive analytics: for each household, rescan the whole log. Computes
 * the same per-household facts the report needs (reached in the window,
 * contacts, proactive, failed, never contacted, failed in a row). Returns
 * a checksum so the work cannot be optimised away. */
static unsigned long naive_household(const triad_contactlog *log, const char *hh,
                                     triad_date from, triad_date to)
{
	size_t n = triad_contactlog_count(log);
	unsigned long reached = 0, contacts = 0, proactive = 0, failed = 0, streak = 0;
	int64_t last_ok = INT64_MIN;
	for (size_t i = 0; i < n; i++) {
		triad_contact c;
		triad_contactlog_get(&c, log, i);
		if (strcmp(c.household, hh) != 0 || c.date > to)
			continue;
		int64_t when = (int64_t)c.date * 1440 + c.minute;
		if (c.reached && when > last_ok)
			last_ok = when;
		if (c.date < from)
			continue;
		if (c.reached) {
			reached = 1;
			contacts++;
			proactive += c.initiator == TRIAD_INITIATOR_SCHOOL && c.tone != TRIAD_TONE_CONCERN;
		} else {
			failed++;
		}
	}
	for (size_t i = 0; i < n; i++) {
		triad_contact c;
		triad_contactlog_get(&c, log, i);
		if (strcmp(c.household, hh) == 0 && c.date <= to && !c.reached &&
		    (int64_t)c.date * 1440 + c.minute > last_ok)
			streak++;
	}
	return reached + contacts * 3 + proactive * 5 + failed * 7 + streak * 11;
}

int main(int argc, char **argv)
{
	uint32_t entries = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 1000000;
	uint32_t households = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 100000;
	uint32_t sample = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 10) : 100;
	if (entries < 1 || households < 30 || sample < 1 || sample > households) {
		fprintf(stderr, "usage: contactlog-bench [ENTRIES [HOUSEHOLDS [SAMPLE]]]\n");
		return 2;
	}
	char path[] = "/tmp/contactlog-bench-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);

	double t0 = now();
	generate(path, entries, households);
	double t_gen = now() - t0;
	FILE *f = fopen(path, "rb");
	fseek(f, 0, SEEK_END);
	long file_bytes = ftell(f);
	fclose(f);

	triad_audience *aud = make_audience(households);
	long rss_before = current_rss_kb();

	t0 = now();
	double c0 = cpu();
	triad_contactlog *log = NULL;
	if (triad_contactlog_load_jsonl(&log, path))
		die("load");
	double t_load = now() - t0, c_load = cpu() - c0;
	unlink(path);
	long rss_loaded = current_rss_kb();
	double per_entry = (double)triad_contactlog_memory(log) / (double)triad_contactlog_count(log);

	triad_date as_of;
	triad_date_from_ymd(&as_of, 2026, 3, 15);
	t0 = now();
	c0 = cpu();
	triad_reach_report *r = NULL;
	if (triad_reach_report_new(&r, log, aud, as_of, NULL))
		die("report");
	double t_an = now() - t0, c_an = cpu() - c0;
	triad_reach_figures fig = { TRIAD_REACH_FIGURES_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	triad_reach_report_group(r, 0, NULL, NULL, &fig);
	triad_date from, to;
	triad_reach_report_window(r, &from, &to);

	/* Naive: rescan per household, on a sample, extrapolated. */
	t0 = now();
	c0 = cpu();
	unsigned long sum = 0;
	for (uint32_t k = 0; k < sample; k++) {
		char hh[16];
		snprintf(hh, sizeof hh, "h%06u", (uint32_t)((uint64_t)k * households / sample));
		sum += naive_household(log, hh, from, to);
	}
	double t_naive = (now() - t0) * (double)households / (double)sample;
	double c_naive = (cpu() - c0) * (double)households / (double)sample;
	double naive_per_entry = naive_bytes(log, entries < 100000 ? entries : 100000);

	printf("contactlog-bench: %u entries, %u households (JSON Lines file %.1f MB, "
	       "written in %.2f s)\n", entries, households, (double)file_bytes / 1e6, t_gen);
	printf("as of 2026-03-15: %zu households, reach %.1f%%, %zu contacts, proactive "
	       "%.1f%%, %zu never contacted, %zu hard to reach (checksum %lu)\n\n",
	       fig.households, 100 * fig.reach, fig.contacts, 100 * fig.proactive_share,
	       fig.never_contacted, fig.hard_to_reach, sum % 1000);
	printf("%-34s %16s %22s\n", "measure", "libtriad", "naive baseline");
	printf("%-34s %14.2f s %20s\n", "load (stream JSON Lines in), wall", t_load, "(same load)");
	printf("%-34s %14.2f s %20s\n", "load, CPU", c_load, "(same load)");
	printf("%-34s %14.3f s %18.1f s *\n", "analytics (all households), wall", t_an, t_naive);
	printf("%-34s %14.3f s %18.1f s *\n", "analytics, CPU", c_an, c_naive);
	printf("%-34s %16.1f %20.1f **\n", "bytes per stored entry", per_entry, naive_per_entry);
	printf("%-34s %13.1f MB %22s\n", "resident memory of the loaded log",
	       (double)(rss_loaded - rss_before) / 1024.0, "");
	printf("%-34s %13.1f MB %22s\n", "peak resident memory (process)",
	       (double)peak_rss_kb() / 1024.0, "");
	printf("\n*  rescans the log for each household: measured on %u households, "
	       "extrapolated to %u\n", sample, households);
	printf("** every string malloc'd on its own (mallinfo2 over %u entries)\n",
	       entries < 100000 ? entries : 100000);
	printf("targets: analytics < 1 s, < 200 bytes per entry: %s, %s\n",
	       c_an < 1.0 ? "met" : "MISSED", per_entry < 200 ? "met" : "MISSED");
	triad_reach_report_free(r);
	triad_contactlog_free(log);
	triad_audience_free(aud);
	return 0;
}
