/* Conference exports: options, resolving a result, dates and names, letters. */
#include <string.h>

#include "conference_export_private.h"

int triad_conference_export_options_init(triad_conference_export_options *opts, unsigned version)
{
	if (!opts)
		return triad__err(TRIAD_EINVAL, "the options are NULL");
	if (version < 1 || version > TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "export options version %u is not supported (this library knows 1..%d)",
		                  version, TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION);
	triad_conference_export_options d = TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT;
	d.version = version;
	*opts = d;
	return 0;
}

/* A domain for UIDs: letters, digits, '.', '-'; 1..253 characters. */
static int check_domain(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 253)
		return triad__err(TRIAD_EINVAL, "the UID domain must have 1 to 253 characters, not %zu", n);
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		          (ch >= '0' && ch <= '9') || ch == '.' || ch == '-';
		if (!ok)
			return triad__err(TRIAD_EINVAL,
			                  "the UID domain \"%s\" may hold only letters, digits, '.' and "
			                  "'-' (character %zu is not one)",
			                  s, i + 1);
	}
	return 0;
}

static int check_options(triad_conference_export_options *opt,
                         const triad_conference_export_options *in)
{
	if (!in) {
		triad_conference_export_options d = TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT;
		*opt = d;
		return 0;
	}
	if (in->version < 1 || in->version > TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "export options version %u is not supported (this library knows 1..%d); "
		                  "initialise them with TRIAD_CONFERENCE_EXPORT_OPTIONS_INIT",
		                  in->version, TRIAD_CONFERENCE_EXPORT_OPTIONS_VERSION);
	*opt = *in;
	if (opt->lang != TRIAD_LANG_NL && opt->lang != TRIAD_LANG_EN)
		return triad__err(TRIAD_EINVAL, "export language %d is neither TRIAD_LANG_NL nor TRIAD_LANG_EN",
		                  (int)opt->lang);
	if (opt->school_name) {
		int rc = triad__check_text(opt->school_name, "the school name", false);
		if (rc)
			return rc;
	}
	if (opt->uid_domain) {
		int rc = check_domain(opt->uid_domain);
		if (rc)
			return rc;
	}
	if (opt->stamp < 0 || opt->stamp > INT64_C(253402300799))
		return triad__err(TRIAD_EINVAL,
		                  "the calendar stamp %lld is not a time between 1970 and 9999 "
		                  "(seconds since 1970-01-01 UTC)",
		                  (long long)opt->stamp);
	return 0;
}

static const char *room_name(const triad_conference *conf, const char *id)
{
	size_t n = triad_conference_room_count(conf);
	for (size_t i = 0; i < n; i++)
		if (strcmp(triad_conference_room_id(conf, i), id) == 0)
			return triad_conference_room_name(conf, i);
	return NULL;
}

/* The result's meeting i names something the instance lacks. */
static int mismatch(size_t i, const char *what, const char *id)
{
	return triad__err(TRIAD_EINVAL,
	                  "the result does not belong to this instance: meeting %zu names %s \"%s\", "
	                  "which the instance does not have",
	                  i, what, id ? id : "(none)");
}

int triad__cx_begin(cx_ctx *c, const triad_conference *conf, const triad_conference_result *res,
                    const triad_conference_export_options *options)
{
	memset(c, 0, sizeof *c);
	if (!conf || !res)
		return triad__err(TRIAD_EINVAL, "the %s is NULL", conf ? "result" : "instance");
	int rc = check_options(&c->opt, options);
	if (rc)
		return rc;
	if (!c->opt.uid_domain)
		c->opt.uid_domain = "triad.invalid";
	if (c->opt.stamp == 0 && triad_conference_session_count(conf) > 0) {
		triad_date d0 = 0;
		triad_conference_session_date(&d0, conf, 0);
		c->opt.stamp = d0 > 0 ? (int64_t)d0 * 86400 : 0;
	}
	c->conf = conf;
	c->res = res;
	return 0;
}

int triad__cx_resolve(cx_ctx *c, const size_t *idx, size_t n)
{
	const triad_conference *conf = c->conf;
	const triad_conference_result *res = c->res;
	int rc;
	c->nm = n;
	c->m = triad__calloc(n ? n : 1, sizeof *c->m);
	if (!c->m)
		return triad__nomem();
	for (size_t k = 0; k < n; k++) {
		cx_meeting *m = &c->m[k];
		size_t i = idx ? idx[k] : k;
		m->index = i;
		const char *sid = triad_conference_result_meeting_session(res, i);
		const char *rid = triad_conference_result_meeting_request(res, i);
		const char *room = triad_conference_result_meeting_room(res, i);
		if (!sid || triad_conference_session_index(&m->session, conf, sid) != 0) {
			rc = mismatch(i, "session", sid);
			goto fail;
		}
		if (!rid || triad_conference_request_index(&m->request, conf, rid) != 0) {
			rc = mismatch(i, "request", rid);
			goto fail;
		}
		for (size_t j = 0; j < triad_conference_result_meeting_teacher_count(res, i); j++) {
			size_t t;
			const char *tid = triad_conference_result_meeting_teacher(res, i, j);
			if (!tid || triad_conference_teacher_index(&t, conf, tid) != 0) {
				rc = mismatch(i, "teacher", tid);
				goto fail;
			}
		}
		m->room = room ? room_name(conf, room) : NULL;
		if (!m->room) {
			rc = mismatch(i, "room", room);
			goto fail;
		}
		m->household = (size_t)triad_conference_request_household(conf, m->request);
		m->slot = triad_conference_result_meeting_slot(res, i);
		m->slots = triad_conference_result_meeting_slots(res, i);
		int32_t nslots = triad_conference_session_slots(conf, m->session);
		if (m->slot < 0 || m->slots < 1 || m->slot + m->slots > nslots) {
			rc = triad__err(TRIAD_EINVAL,
			                "the result does not belong to this instance: meeting %zu (request "
			                "\"%s\") runs over slots %d..%d, but session \"%s\" has %d slots",
			                i, rid, (int)m->slot, (int)(m->slot + m->slots - 1), sid, (int)nslots);
			goto fail;
		}
		triad_conference_session_date(&m->date, conf, m->session);
		m->start = triad_conference_slot_start(conf, m->session, m->slot);
		m->end = triad_conference_slot_start(conf, m->session, m->slot + m->slots) -
		         triad_conference_session_gap_minutes(conf, m->session);
	}
	triad_error_clear();
	return 0;
fail:
	triad__free(c->m);
	c->m = NULL;
	c->nm = 0;
	return rc;
}

void triad__cx_end(cx_ctx *c)
{
	triad__free(c->m);
	c->m = NULL;
}

void triad__cx_put_time(triad_strbuf *sb, int32_t minutes)
{
	int32_t m = ((minutes % 1440) + 1440) % 1440;
	triad__sb_printf(sb, "%02d:%02d", (int)(m / 60), (int)(m % 60));
}

triad_date triad__cx_day(triad_date date, int32_t minutes)
{
	return date + (minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440));
}

static const char *const weekdays[2][7] = {
	{ "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag" },
	{ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
};
static const char *const months[2][12] = {
	{ "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	  "september", "oktober", "november", "december" },
	{ "January", "February", "March", "April", "May", "June", "July", "August",
	  "September", "October", "November", "December" },
};

void triad__cx_put_date(triad_strbuf *sb, triad_date date, triad_lang lang)
{
	int y = 1970, mo = 1, d = 1;
	triad__civil_from_days(date, &y, &mo, &d);
	int l = lang == TRIAD_LANG_EN ? 1 : 0;
	int wd = triad_date_weekday(date);
	triad__sb_printf(sb, "%s %d %s %d", weekdays[l][(wd - 1) % 7], d, months[l][(mo - 1) % 12], y);
}

/* Join names: "A", "A en B", "A, B en C". */
static void put_join(triad_strbuf *sb, const char *name, size_t pos, size_t count,
                     triad_lang lang, bool html)
{
	if (pos > 0)
		triad__sb_puts(sb, pos + 1 == count ? (lang == TRIAD_LANG_EN ? " and " : " en ") : ", ");
	if (html)
		triad__sb_put_html(sb, name);
	else
		triad__sb_puts(sb, name);
}

void triad__cx_put_teachers(triad_strbuf *sb, const cx_ctx *c, size_t meeting, size_t skip,
                            bool html)
{
	size_t n = triad_conference_result_meeting_teacher_count(c->res, meeting);
	size_t idx[16], k = 0;
	for (size_t i = 0; i < n && k < 16; i++) {
		size_t t = 0;
		triad_conference_teacher_index(&t, c->conf,
		                               triad_conference_result_meeting_teacher(c->res, meeting, i));
		if (t != skip)
			idx[k++] = t;
	}
	for (size_t i = 0; i < k; i++)
		put_join(sb, triad_conference_teacher_name(c->conf, idx[i]), i, k, c->opt.lang, html);
}

void triad__cx_put_students(triad_strbuf *sb, const cx_ctx *c, size_t request, bool html)
{
	size_t n = triad_conference_request_student_count(c->conf, request);
	for (size_t i = 0; i < n; i++)
		put_join(sb, triad_conference_request_student(c->conf, request, i), i, n, c->opt.lang,
		         html);
}

const char *triad__cx_reason_text(triad_conference_reason reason, triad_lang lang)
{
	static const char *const text[2][8] = {
		{ "onbekende reden", "niet ingepland", "er is geen tijd waarop u en de docent allebei kunnen",
		  "de docent heeft het maximale aantal gesprekken bereikt",
		  "het gesprek past alleen op een avond waarop u niet meer kunt komen",
		  "alle tijden waarop u en de docent allebei kunnen zijn al bezet",
		  "het gesprek zou uw wachttijd te lang maken",
		  "de vastgelegde tijd botst met een ander gesprek" },
		{ "unknown reason", "not placed", "there is no time at which you and the teacher are both available",
		  "the teacher has reached the maximum number of meetings",
		  "the meeting only fits on an evening you can no longer attend",
		  "every time at which you and the teacher are both available is taken",
		  "the meeting would make your waiting time too long",
		  "its fixed time clashes with another meeting" },
	};
	int l = lang == TRIAD_LANG_EN ? 1 : 0;
	int r = (int)reason;
	return text[l][r >= 1 && r <= 7 ? r : 0];
}

/* ---- letters ------------------------------------------------------------ */

/* The resolved meetings c->m[0..nm), in time order. */
static void letter_meetings(triad_strbuf *sb, const cx_ctx *c)
{
	bool en = c->opt.lang == TRIAD_LANG_EN;
	triad_date day = INT32_MIN;
	for (size_t i = 0; i < c->nm; i++) {
		const cx_meeting *m = &c->m[i];
		triad_date d = triad__cx_day(m->date, m->start);
		if (d != day) {
			triad__sb_puts(sb, "\n");
			triad__cx_put_date(sb, d, c->opt.lang);
			triad__sb_puts(sb, "\n");
			day = d;
		}
		triad__sb_puts(sb, "  ");
		triad__cx_put_time(sb, m->start);
		triad__sb_puts(sb, "-");
		triad__cx_put_time(sb, m->end);
		triad__sb_puts(sb, en ? "  room " : "  lokaal ");
		triad__sb_puts(sb, m->room);
		triad__sb_puts(sb, en ? "  with " : "  met ");
		triad__cx_put_teachers(sb, c, m->index, SIZE_MAX, false);
		if (triad_conference_request_student_count(c->conf, m->request) > 0) {
			triad__sb_puts(sb, en ? ", about " : ", over ");
			triad__cx_put_students(sb, c, m->request, false);
		}
		triad__sb_puts(sb, "\n");
	}
}

/* The requests of household h that are unscheduled in the result. */
static void letter_unscheduled(triad_strbuf *sb, const cx_ctx *c, size_t h)
{
	bool en = c->opt.lang == TRIAD_LANG_EN;
	bool first = true;
	size_t n = triad_conference_result_unscheduled_count(c->res);
	for (size_t i = 0; i < n; i++) {
		size_t r;
		const char *rid = triad_conference_result_unscheduled_request(c->res, i);
		if (!rid || triad_conference_request_index(&r, c->conf, rid) != 0 ||
		    (size_t)triad_conference_request_household(c->conf, r) != h)
			continue;
		if (first)
			triad__sb_puts(sb, en ? "\nThese meetings could not be scheduled:\n"
			                      : "\nDeze gesprekken konden niet worden ingepland:\n");
		first = false;
		triad__sb_puts(sb, en ? "  with " : "  met ");
		size_t nt = triad_conference_request_teacher_count(c->conf, r);
		for (size_t k = 0; k < nt; k++)
			put_join(sb,
			         triad_conference_teacher_name(c->conf,
			                                       (size_t)triad_conference_request_teacher(c->conf, r, k)),
			         k, nt, c->opt.lang, false);
		if (triad_conference_request_student_count(c->conf, r) > 0) {
			triad__sb_puts(sb, en ? ", about " : ", over ");
			triad__cx_put_students(sb, c, r, false);
		}
		triad__sb_puts(sb, ": ");
		triad__sb_puts(sb, triad__cx_reason_text(triad_conference_result_unscheduled_reason(c->res, i),
		                                         c->opt.lang));
		triad__sb_puts(sb, en ? ". Please contact the school if you want to talk to this teacher.\n"
		                      : ". Neem contact op met de school als u deze docent wilt spreken.\n");
	}
}

int triad_conference_export_letter(char **out, const triad_conference *conf,
                                   const triad_conference_result *result, const char *household_id,
                                   const triad_conference_export_options *options)
{
	if (!out || !household_id)
		return triad__err(TRIAD_EINVAL, "the %s is NULL", out ? "household id" : "output pointer");
	cx_ctx c;
	int rc = triad__cx_begin(&c, conf, result, options);
	if (rc)
		return rc;
	size_t h;
	if (triad_conference_household_index(&h, conf, household_id) != 0) {
		triad__cx_end(&c);
		return triad__err(TRIAD_ENOTFOUND, "the instance has no household \"%s\"", household_id);
	}
	int cnt = triad_conference_result_household_meetings(NULL, 0, result, household_id);
	size_t *idx = triad__calloc(cnt > 0 ? (size_t)cnt : 1, sizeof *idx);
	if (cnt < 0 || !idx) {
		triad__free(idx);
		triad__cx_end(&c);
		return cnt < 0 ? cnt : triad__nomem();
	}
	triad_conference_result_household_meetings(idx, (size_t)cnt, result, household_id);
	rc = triad__cx_resolve(&c, idx, (size_t)cnt);
	triad__free(idx);
	if (rc) {
		triad__cx_end(&c);
		return rc;
	}

	bool en = c.opt.lang == TRIAD_LANG_EN;
	triad_strbuf sb;
	triad__sb_init(&sb);
	if (c.opt.school_name && c.opt.school_name[0]) {
		triad__sb_puts(&sb, c.opt.school_name);
		triad__sb_puts(&sb, "\n\n");
	}
	triad__sb_puts(&sb, en ? "To: " : "Aan: ");
	triad__sb_puts(&sb, triad_conference_household_name(conf, h));
	triad__sb_puts(&sb, en ? "\nSubject: parent-teacher conferences\n\n"
	                       : "\nBetreft: tienminutengesprekken\n\n");
	size_t ns = triad_conference_household_student_count(conf, h);
	triad__sb_puts(&sb, en ? "Dear parent(s) or guardian(s)" : "Beste ouder(s) of verzorger(s)");
	if (ns > 0) {
		triad__sb_puts(&sb, en ? " of " : " van ");
		for (size_t i = 0; i < ns; i++)
			put_join(&sb, triad_conference_household_student(conf, h, i), i, ns, c.opt.lang, false);
	}
	triad__sb_puts(&sb, ",\n\n");
	if (cnt == 0)
		triad__sb_puts(&sb, en ? "No meetings have been scheduled for you.\n"
		                       : "Er zijn voor u geen gesprekken ingepland.\n");
	else
		triad__sb_printf(&sb,
		                 en ? "You have %d meeting%s at school:\n"
		                    : "U heeft %d gesprek%s op school:\n",
		                 cnt, cnt == 1 ? "" : (en ? "s" : "ken"));
	letter_meetings(&sb, &c);
	letter_unscheduled(&sb, &c, h);
	triad__sb_puts(&sb, en ? "\nPlease be on time: each meeting starts and ends at the time shown.\n"
	                         "\nKind regards,\n"
	                       : "\nWilt u op tijd komen? Elk gesprek begint en eindigt op de "
	                         "genoemde tijd.\n\nMet vriendelijke groet,\n");
	triad__sb_puts(&sb, c.opt.school_name && c.opt.school_name[0]
	                        ? c.opt.school_name
	                        : (en ? "The school" : "De school"));
	triad__sb_puts(&sb, "\n");
	triad__cx_end(&c);
	char *text = triad__sb_take(&sb);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}
