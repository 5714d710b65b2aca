/* Conference exports: an HTML page of the whole event (grid on screen, a page per teacher in print). */
#include <string.h>

#include "conference_export_private.h"

static const char css[] =
	"body{font-family:system-ui,sans-serif;font-size:11pt;margin:1.5em;color:#111}\n"
	"h1{font-size:16pt}h2{font-size:13pt;margin-top:1.5em}\n"
	"table{border-collapse:collapse}\n"
	"th,td{border:1px solid #999;padding:2px 4px;vertical-align:top;text-align:left}\n"
	"table.grid{font-size:8.5pt}\n"
	"table.grid td.meeting{background:#e6eefc;min-width:7em}\n"
	"table.grid td.break{background:#ddd;color:#555}\n"
	"table.grid td.absent{background:#f3f3f3}\n"
	".students{color:#444}.joint{color:#7a3b00}\n"
	"section.teacher table{width:100%}\n"
	"@page{size:A4;margin:15mm}\n"
	"@media print{.screen{display:none}body{margin:0}"
	"section.teacher{break-after:page;page-break-after:always}"
	/* compact enough that a teacher with a meeting in every slot of two
	 * evenings still fits one A4 page (tests/tool/browser-grid.py) */
	"section.teacher table{font-size:9pt}"
	"section.teacher td:nth-child(-n+2){white-space:nowrap}"
	"section.teacher td,section.teacher th{padding:1px 3px}"
	"section.teacher h2{margin:0 0 2pt}section.teacher p{margin:0 0 4pt}}\n";

static void put_meeting_cell(triad_strbuf *sb, const cx_ctx *c, size_t i, size_t teacher)
{
	const cx_meeting *m = &c->m[i];
	triad__sb_puts(sb, "<div title=\"");
	triad__sb_put_html(sb, triad_conference_request_id(c->conf, m->request));
	triad__sb_puts(sb, "\">");
	triad__sb_put_html(sb, triad_conference_household_name(c->conf, m->household));
	if (triad_conference_request_student_count(c->conf, m->request) > 0) {
		triad__sb_puts(sb, " <span class=\"students\">(");
		triad__cx_put_students(sb, c, m->request, true);
		triad__sb_puts(sb, ")</span>");
	}
	if (triad_conference_result_meeting_teacher_count(c->res, i) > 1) {
		triad__sb_puts(sb, " <span class=\"joint\">+ ");
		triad__cx_put_teachers(sb, c, i, teacher, true);
		triad__sb_puts(sb, "</span>");
	}
	triad__sb_puts(sb, "</div>");
}

static bool in_break(const triad_conference *conf, size_t s, int32_t k)
{
	size_t nb = triad_conference_session_break_count(conf, s);
	for (size_t b = 0; b < nb; b++) {
		int32_t from = 0, to = 0;
		triad_conference_session_break(&from, &to, conf, s, b);
		if (k >= from && k < to)
			return true;
	}
	return false;
}

/* Whether meeting i covers slot k of session s. */
static bool covers(const cx_meeting *m, size_t s, int32_t k)
{
	return m->session == s && k >= m->slot && k < m->slot + m->slots;
}

/* One row of the grid: teacher t in session s; idx lists the teacher's meetings. */
static void grid_row(triad_strbuf *sb, const cx_ctx *c, size_t s, size_t t, const size_t *idx,
                     int n)
{
	const triad_conference *conf = c->conf;
	int32_t slots = triad_conference_session_slots(conf, s);
	triad__sb_printf(sb, "<tr><th><a href=\"#t%zu\">", t);
	triad__sb_put_html(sb, triad_conference_teacher_name(conf, t));
	triad__sb_puts(sb, "</a><br><small>");
	const char *room = triad_conference_teacher_room(conf, t, s);
	for (size_t r = 0; room && r < triad_conference_room_count(conf); r++)
		if (strcmp(triad_conference_room_id(conf, r), room) == 0)
			triad__sb_put_html(sb, triad_conference_room_name(conf, r));
	triad__sb_puts(sb, "</small></th>");
	for (int32_t k = 0; k < slots;) {
		/* the meetings covering slot k (one, in a feasible schedule) */
		int first = -1, count = 0;
		for (int j = 0; j < n; j++)
			if (covers(&c->m[idx[j]], s, k)) {
				if (first < 0)
					first = j;
				count++;
			}
		if (count == 0) {
			bool brk = in_break(conf, s, k);
			triad__sb_printf(sb, "<td class=\"%s\">%s</td>", brk ? "break" : "free",
			                 brk ? (c->opt.lang == TRIAD_LANG_EN ? "break" : "pauze") : "");
			k++;
			continue;
		}
		/* a single meeting spans its slots; overlapping meetings (a
		 * schedule with violations) share one-slot cells */
		int32_t span = 1;
		if (count == 1) {
			const cx_meeting *m = &c->m[idx[first]];
			span = m->slot + m->slots - k;
			for (int32_t q = k + 1; q < k + span; q++)
				for (int j = 0; j < n; j++)
					if (j != first && covers(&c->m[idx[j]], s, q) && q - k < span)
						span = q - k;
		}
		triad__sb_printf(sb, "<td class=\"meeting\" colspan=\"%d\">", (int)span);
		for (int j = 0; j < n; j++)
			if (covers(&c->m[idx[j]], s, k))
				put_meeting_cell(sb, c, idx[j], t);
		triad__sb_puts(sb, "</td>");
		k += span;
	}
	triad__sb_puts(sb, "</tr>\n");
}

/* The meetings of every teacher, fetched once. */
typedef struct tlist {
	size_t *idx;
	int n;
} tlist;

static void grid(triad_strbuf *sb, const cx_ctx *c, const tlist *tl)
{
	const triad_conference *conf = c->conf;
	bool en = c->opt.lang == TRIAD_LANG_EN;
	size_t nt = triad_conference_teacher_count(conf);
	for (size_t s = 0; s < triad_conference_session_count(conf); s++) {
		triad_date date = 0;
		triad_conference_session_date(&date, conf, s);
		triad__sb_puts(sb, "<h2>");
		triad__cx_put_date(sb, date, c->opt.lang);
		triad__sb_puts(sb, "</h2>\n<table class=\"grid\"><tr><th>");
		triad__sb_puts(sb, en ? "Teacher" : "Docent");
		triad__sb_puts(sb, "</th>");
		int32_t slots = triad_conference_session_slots(conf, s);
		for (int32_t k = 0; k < slots; k++) {
			triad__sb_puts(sb, "<th>");
			triad__cx_put_time(sb, triad_conference_slot_start(conf, s, k));
			triad__sb_puts(sb, "</th>");
		}
		triad__sb_puts(sb, "</tr>\n");
		for (size_t t = 0; t < nt; t++)
			if (triad_conference_teacher_present(conf, t, s) == 1)
				grid_row(sb, c, s, t, tl[t].idx, tl[t].n);
		triad__sb_puts(sb, "</table>\n");
	}
}

static void unscheduled(triad_strbuf *sb, const cx_ctx *c)
{
	const triad_conference *conf = c->conf;
	bool en = c->opt.lang == TRIAD_LANG_EN;
	size_t n = triad_conference_result_unscheduled_count(c->res);
	triad__sb_printf(sb, "<h2>%s (%zu)</h2>\n", en ? "Not scheduled" : "Niet ingepland", n);
	if (n == 0)
		return;
	triad__sb_printf(sb, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
	                 en ? "Request" : "Verzoek", en ? "Household" : "Gezin",
	                 en ? "Teachers" : "Docenten", en ? "Reason" : "Reden");
	for (size_t i = 0; i < n; i++) {
		const char *rid = triad_conference_result_unscheduled_request(c->res, i);
		size_t r;
		if (!rid || triad_conference_request_index(&r, conf, rid) != 0)
			continue;
		triad__sb_puts(sb, "<tr><td>");
		triad__sb_put_html(sb, rid);
		triad__sb_puts(sb, "</td><td>");
		triad__sb_put_html(sb, triad_conference_household_name(
			                       conf, (size_t)triad_conference_request_household(conf, r)));
		if (triad_conference_request_student_count(conf, r) > 0) {
			triad__sb_puts(sb, " <span class=\"students\">(");
			triad__cx_put_students(sb, c, r, true);
			triad__sb_puts(sb, ")</span>");
		}
		triad__sb_puts(sb, "</td><td>");
		size_t nt = triad_conference_request_teacher_count(conf, r);
		for (size_t k = 0; k < nt; k++) {
			if (k)
				triad__sb_puts(sb, ", ");
			triad__sb_put_html(sb, triad_conference_teacher_name(
				                       conf, (size_t)triad_conference_request_teacher(conf, r, k)));
		}
		triad__sb_puts(sb, "</td><td>");
		triad__sb_put_html(sb, triad__cx_reason_text(
			                       triad_conference_result_unscheduled_reason(c->res, i), c->opt.lang));
		triad__sb_puts(sb, "</td></tr>\n");
	}
	triad__sb_puts(sb, "</table>\n");
}

/* A page per teacher: the meetings in time order. */
static void teacher_pages(triad_strbuf *sb, const cx_ctx *c, const tlist *tl)
{
	const triad_conference *conf = c->conf;
	bool en = c->opt.lang == TRIAD_LANG_EN;
	size_t nt = triad_conference_teacher_count(conf);
	for (size_t t = 0; t < nt; t++) {
		triad__sb_printf(sb, "<section class=\"teacher\" id=\"t%zu\">\n<h2>", t);
		triad__sb_put_html(sb, triad_conference_teacher_name(conf, t));
		triad__sb_printf(sb, "</h2>\n<p>%d %s</p>\n", tl[t].n,
		                 en ? (tl[t].n == 1 ? "meeting" : "meetings")
		                    : (tl[t].n == 1 ? "gesprek" : "gesprekken"));
		if (tl[t].n == 0) {
			triad__sb_puts(sb, "</section>\n");
			continue;
		}
		triad__sb_printf(sb, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
		                 en ? "Time" : "Tijd", en ? "Room" : "Lokaal",
		                 en ? "Household" : "Gezin", en ? "Students" : "Leerlingen");
		triad_date day = INT32_MIN;
		for (int j = 0; j < tl[t].n; j++) {
			size_t i = tl[t].idx[j];
			const cx_meeting *m = &c->m[i];
			triad_date d = triad__cx_day(m->date, m->start);
			if (d != day) {
				triad__sb_puts(sb, "<tr><th colspan=\"4\">");
				triad__cx_put_date(sb, d, c->opt.lang);
				triad__sb_puts(sb, "</th></tr>\n");
				day = d;
			}
			triad__sb_puts(sb, "<tr><td>");
			triad__cx_put_time(sb, m->start);
			triad__sb_puts(sb, "&ndash;");
			triad__cx_put_time(sb, m->end);
			triad__sb_puts(sb, "</td><td>");
			triad__sb_put_html(sb, m->room);
			triad__sb_puts(sb, "</td><td>");
			triad__sb_put_html(sb, triad_conference_household_name(conf, m->household));
			if (triad_conference_result_meeting_teacher_count(c->res, i) > 1) {
				triad__sb_puts(sb, " <span class=\"joint\">+ ");
				triad__cx_put_teachers(sb, c, i, t, true);
				triad__sb_puts(sb, "</span>");
			}
			triad__sb_puts(sb, "</td><td>");
			triad__cx_put_students(sb, c, m->request, true);
			triad__sb_puts(sb, "</td></tr>\n");
		}
		triad__sb_puts(sb, "</table>\n</section>\n");
	}
}

int triad_conference_export_html(char **out, const triad_conference *conf,
                                 const triad_conference_result *result,
                                 const triad_conference_export_options *options)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "the output pointer is NULL");
	cx_ctx c;
	int rc = triad__cx_begin(&c, conf, result, options);
	if (rc == 0)
		rc = triad__cx_resolve(&c, NULL, triad_conference_result_meeting_count(result));
	if (rc)
		return rc;
	size_t nt = triad_conference_teacher_count(conf);
	tlist *tl = triad__calloc(nt ? nt : 1, sizeof *tl);
	if (!tl) {
		triad__cx_end(&c);
		return triad__nomem();
	}
	rc = 0;
	for (size_t t = 0; t < nt && rc == 0; t++) {
		const char *tid = triad_conference_teacher_id(conf, t);
		int n = triad_conference_result_teacher_meetings(NULL, 0, result, tid);
		if (n < 0) {
			rc = n;
			break;
		}
		tl[t].idx = triad__calloc(n ? (size_t)n : 1, sizeof *tl[t].idx);
		if (!tl[t].idx) {
			rc = triad__nomem();
			break;
		}
		tl[t].n = triad_conference_result_teacher_meetings(tl[t].idx, (size_t)n, result, tid);
	}
	triad_strbuf sb;
	triad__sb_init(&sb);
	if (rc == 0) {
		bool en = c.opt.lang == TRIAD_LANG_EN;
		const char *title = en ? "Parent-teacher conferences" : "Tienminutengesprekken";
		triad__sb_printf(&sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		                 en ? "en" : "nl");
		triad__sb_puts(&sb, "<title>");
		triad__sb_puts(&sb, title);
		if (c.opt.school_name && c.opt.school_name[0]) {
			triad__sb_puts(&sb, " &ndash; ");
			triad__sb_put_html(&sb, c.opt.school_name);
		}
		triad__sb_printf(&sb, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
		triad__sb_puts(&sb, "<div class=\"screen\">\n<h1>");
		triad__sb_puts(&sb, title);
		if (c.opt.school_name && c.opt.school_name[0]) {
			triad__sb_puts(&sb, " &ndash; ");
			triad__sb_put_html(&sb, c.opt.school_name);
		}
		triad__sb_printf(&sb, "</h1>\n<p>%zu %s</p>\n", c.nm,
		                 en ? (c.nm == 1 ? "meeting" : "meetings")
		                    : (c.nm == 1 ? "gesprek" : "gesprekken"));
		grid(&sb, &c, tl);
		unscheduled(&sb, &c);
		triad__sb_puts(&sb, "</div>\n");
		teacher_pages(&sb, &c, tl);
		triad__sb_puts(&sb, "</body>\n</html>\n");
	}
	for (size_t t = 0; t < nt; t++)
		triad__free(tl[t].idx);
	triad__free(tl);
	triad__cx_end(&c);
	if (rc) {
		triad__sb_free(&sb);
		return rc;
	}
	char *text = triad__sb_take(&sb);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}
