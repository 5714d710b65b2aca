/* Agreement compliance: commitments checked against the contact log. */
#include <stdlib.h>
#include <string.h>

#include "contactlog_private.h"
#include "triad/compliance.h"

typedef struct finding {
	const char *clause;
	triad_commitment_kind kind;
	triad_contact_kind contact_kind;
	triad_date from, to;
	int32_t expected, actual;
	uint32_t entry; /* question entry, TRIAD_NOSYM when none */
	int answered;
} finding;

struct triad_compliance {
	const triad_contactlog *log;
	char *student;
	int version;
	triad_date as_of, from, to;
	bool calendar; /* school weeks and days from a calendar, else Mon-Sun weeks and weekdays */
	size_t checked;
	finding *f;
	size_t n, cap;
};

/* The dates and the calendar a check works in. */
typedef struct span {
	const triad_calendar *cal;
	triad_date from, to; /* the validity, clipped to the calendar's year */
	triad_date end;      /* min(to, as_of): judged up to here */
	triad_date as_of;
} span;

static triad_date monday_of(triad_date d)
{
	return d - (triad_date_weekday(d) - 1);
}

/* School weeks w with week(a) < w <= week(b). */
static int weeks_between(const span *s, triad_date a, triad_date b, int32_t *out)
{
	if (s->cal)
		return triad_calendar_school_weeks_between(out, s->cal, a, b);
	*out = (monday_of(b) - monday_of(a)) / 7;
	return 0;
}

/* School days d with a < d <= b (b clipped into the span's calendar year). */
static int days_between(const span *s, triad_date a, triad_date b, int32_t *out)
{
	if (s->cal) {
		triad_date last = triad_calendar_last_day(s->cal);
		return triad_calendar_school_days_between(out, s->cal, a, b > last ? last : b);
	}
	int32_t n = 0;
	for (triad_date d = a + 1; d <= b; d++)
		n += triad_date_weekday(d) <= 5;
	*out = n;
	return 0;
}

static int add_finding(triad_compliance *c, const finding *f)
{
	if (TRIAD_GROW(c->f, c->cap, c->n + 1))
		return TRIAD_ENOMEM;
	c->f[c->n++] = *f;
	return 0;
}

typedef struct timed {
	int64_t when;
	uint32_t i;
} timed;

static int cmp_timed(const void *a, const void *b)
{
	const timed *x = a, *y = b;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static bool kind_matches(const triad_centry *e, triad_contact_kind k)
{
	return k == TRIAD_CONTACT_NONE || ce_kind(e) == (unsigned)k;
}

/* Contacts of the kind (reached) in [a, b] among the student's entries. */
static int32_t count_in(const triad_contactlog *log, const timed *mine, size_t n,
                        triad_contact_kind k, triad_date a, triad_date b)
{
	int32_t count = 0;
	for (size_t j = 0; j < n; j++) {
		const triad_centry *e = &log->entries[mine[j].i];
		count += e->date >= a && e->date <= b && ce_reached(e) && kind_matches(e, k);
	}
	return count;
}

static int check_period(triad_compliance *c, const span *s, const timed *mine, size_t n,
                        finding *f, triad_date a, triad_date b, int32_t want)
{
	/* Only whole periods inside the validity that have ended are judged. */
	if (a < s->from || b > s->to || b >= s->as_of)
		return 0;
	int32_t got = count_in(c->log, mine, n, f->contact_kind, a, b);
	if (got >= want)
		return 0;
	f->from = a;
	f->to = b;
	f->expected = want;
	f->actual = got;
	return add_finding(c, f);
}

static int check_min_count(triad_compliance *c, const span *s, const triad_commitment *m,
                           const timed *mine, size_t n, finding *f)
{
	int32_t want = triad_commitment_count(m);
	int rc = 0;
	switch (triad_commitment_period(m)) {
	case TRIAD_PERIOD_SCHOOL_WEEK:
		if (s->cal) {
			int32_t weeks = triad_calendar_school_week_count(s->cal);
			for (int32_t w = 1; w <= weeks && !rc; w++) {
				triad_date monday;
				if ((rc = triad_calendar_school_week_at(s->cal, w, &monday, NULL, NULL)))
					break;
				rc = check_period(c, s, mine, n, f, monday, monday + 6, want);
			}
		} else {
			for (triad_date d = monday_of(s->from); d <= s->to && !rc; d += 7)
				rc = check_period(c, s, mine, n, f, d, d + 6, want);
		}
		break;
	case TRIAD_PERIOD_MONTH: {
		int y, mo;
		triad_date_to_ymd(s->from, &y, &mo, NULL);
		for (;;) {
			triad_date first = triad__days_from_civil(y, mo, 1);
			if (++mo > 12) {
				mo = 1;
				y++;
			}
			triad_date last = triad__days_from_civil(y, mo, 1) - 1;
			if (first > s->to || rc)
				break;
			rc = check_period(c, s, mine, n, f, first, last, want);
		}
		break;
	}
	case TRIAD_PERIOD_REPORT_PERIOD:
		for (size_t k = 0; k < triad_calendar_report_period_count(s->cal) && !rc; k++) {
			triad_date a, b;
			if ((rc = triad_calendar_report_period_at(s->cal, k, NULL, NULL, &a, &b)))
				break;
			rc = check_period(c, s, mine, n, f, a, b, want);
		}
		break;
	case TRIAD_PERIOD_SCHOOL_YEAR:
		rc = check_period(c, s, mine, n, f, s->from, s->to, want);
		break;
	default:
		break;
	}
	return rc;
}

static int check_max_interval(triad_compliance *c, const span *s, const triad_commitment *m,
                              const timed *mine, size_t n, finding *f)
{
	int32_t allowed = triad_commitment_weeks(m);
	triad_date prev = s->from;
	int rc = 0;
	/* The gaps: from the validity's start to the first contact, between
	 * contacts, and from the last one to the end of what is judged. */
	for (size_t j = 0; j <= n && !rc; j++) {
		triad_date next;
		if (j < n) {
			const triad_centry *e = &c->log->entries[mine[j].i];
			if (e->date < s->from || e->date > s->end || !ce_reached(e) ||
			    !kind_matches(e, f->contact_kind))
				continue;
			next = e->date;
		} else {
			next = s->end;
		}
		int32_t gap = 0;
		if ((rc = weeks_between(s, prev, next, &gap)))
			break;
		if (gap > allowed) {
			f->from = prev;
			f->to = next;
			f->expected = allowed;
			f->actual = gap;
			rc = add_finding(c, f);
		}
		prev = next;
	}
	return rc;
}

/* Which initiators ask, and which answer, when `owner` owes the answer. */
static bool asks(triad_party_role owner, unsigned initiator)
{
	switch (owner) {
	case TRIAD_PARTY_SCHOOL: return initiator != TRIAD_INITIATOR_SCHOOL;
	case TRIAD_PARTY_GUARDIAN:
	case TRIAD_PARTY_STUDENT: return initiator == TRIAD_INITIATOR_SCHOOL;
	default: return true;
	}
}

static bool answers(triad_party_role owner, unsigned initiator)
{
	switch (owner) {
	case TRIAD_PARTY_SCHOOL: return initiator == TRIAD_INITIATOR_SCHOOL;
	case TRIAD_PARTY_GUARDIAN: return initiator == TRIAD_INITIATOR_PARENT;
	case TRIAD_PARTY_STUDENT: return initiator == TRIAD_INITIATOR_STUDENT;
	default: return true;
	}
}

static int check_response(triad_compliance *c, const span *s, const triad_commitment *m,
                          const timed *mine, size_t n, const uint32_t *first_reply,
                          const uint32_t *next_reply, finding *f)
{
	const triad_contactlog *log = c->log;
	int32_t allowed = triad_commitment_days(m);
	triad_party_role owner = triad_commitment_from_role(m);
	int rc = 0;
	for (size_t j = 0; j < n && !rc; j++) {
		uint32_t q = mine[j].i;
		const triad_centry *e = &log->entries[q];
		/* An entry that answers another one is no new question. */
		if (e->date < s->from || e->date > s->end || e->answers != TRIAD_NOSYM ||
		    !kind_matches(e, f->contact_kind) || !asks(owner, ce_initiator(e)))
			continue;
		/* The earliest reply from the side that owes it, up to the as-of date. */
		uint32_t best = TRIAD_NOSYM;
		for (uint32_t a = first_reply[q]; a != TRIAD_NOSYM; a = next_reply[a]) {
			const triad_centry *r = &log->entries[a];
			if (r->date <= s->as_of && answers(owner, ce_initiator(r)) &&
			    (best == TRIAD_NOSYM || ce_when(r) < ce_when(&log->entries[best])))
				best = a;
		}
		triad_date until = best != TRIAD_NOSYM ? log->entries[best].date : s->as_of;
		int32_t took = 0;
		if ((rc = days_between(s, e->date, until, &took)))
			break;
		if (took > allowed) {
			f->from = e->date;
			f->to = until;
			f->expected = allowed;
			f->actual = took;
			f->entry = q;
			f->answered = best != TRIAD_NOSYM;
			rc = add_finding(c, f);
		}
	}
	return rc;
}

void triad_compliance_free(triad_compliance *c)
{
	if (!c)
		return;
	triad__free(c->student);
	triad__free(c->f);
	triad__free(c);
}

int triad_compliance_check(triad_compliance **out, const triad_agreement_version *v,
                           const triad_contactlog *log, const triad_calendar *cal,
                           triad_date as_of)
{
	if (!out || !v || !log)
		return triad__err(TRIAD_EINVAL, "triad_compliance_check: an argument is NULL");
	if (!triad__date_in_range(as_of))
		return triad__err(TRIAD_EINVAL, "the as-of date lies outside years 1..9999");
	const char *student = triad_agreement_version_student_id(v);
	if (!student)
		return triad__err(TRIAD_EINVAL, "agreement version %d has no student party, so no "
		                  "contact in the log can be tied to it",
		                  triad_agreement_version_number(v));
	size_t nm = triad_agreement_version_commitment_count(v);
	for (size_t j = 0; j < nm; j++) {
		const triad_commitment *m = triad_agreement_version_commitment_at(v, j);
		if (!cal && triad_commitment_kind_of(m) == TRIAD_COMMITMENT_MIN_COUNT &&
		    triad_commitment_period(m) == TRIAD_PERIOD_REPORT_PERIOD)
			return triad__err(TRIAD_EINVAL, "clause %s counts contacts per report period; "
			                  "give the school calendar that defines them",
			                  triad_clause_id(triad_commitment_clause(m)));
	}
	/* The span: the validity (or the school year of the as-of date), inside
	 * the calendar's year when there is a calendar. */
	span s;
	s.cal = cal;
	s.as_of = as_of;
	if (triad_agreement_version_has_validity(v)) {
		s.from = triad_agreement_version_valid_from(v);
		s.to = triad_agreement_version_valid_to(v);
	} else {
		int y, m;
		triad_date_to_ymd(as_of, &y, &m, NULL);
		s.from = triad__days_from_civil(m >= 8 ? y : y - 1, 8, 1);
		s.to = triad__days_from_civil(m >= 8 ? y + 1 : y, 7, 31);
	}
	if (cal) {
		triad_date first = triad_calendar_first_day(cal), last = triad_calendar_last_day(cal);
		if (s.from > last || s.to < first) {
			char a[TRIAD_DATE_BUFSIZE], b[TRIAD_DATE_BUFSIZE], c1[TRIAD_DATE_BUFSIZE],
				c2[TRIAD_DATE_BUFSIZE];
			triad_date_format(s.from, a);
			triad_date_format(s.to, b);
			triad_date_format(first, c1);
			triad_date_format(last, c2);
			return triad__err(TRIAD_EINVAL, "the calendar covers %s to %s, which misses the "
			                  "agreement's period %s to %s; give the calendar of that "
			                  "school year", c1, c2, a, b);
		}
		if (s.from < first)
			s.from = first;
		if (s.to > last)
			s.to = last;
	}
	s.end = s.to < as_of ? s.to : as_of;

	triad_compliance *c = triad__calloc(1, sizeof *c);
	timed *mine = NULL;
	uint32_t *first_reply = NULL, *next_reply = NULL;
	size_t n = 0;
	int rc = 0;
	if (!c || !(c->student = triad__strdup(student)) ||
	    !(mine = triad__reallocarray(NULL, log->count + 1, sizeof *mine)) ||
	    !(first_reply = triad__reallocarray(NULL, log->count + 1, sizeof(uint32_t))) ||
	    !(next_reply = triad__reallocarray(NULL, log->count + 1, sizeof(uint32_t)))) {
		rc = TRIAD_ENOMEM;
		goto done;
	}
	c->log = log;
	c->version = triad_agreement_version_number(v);
	c->as_of = as_of;
	c->calendar = cal != NULL;
	c->from = s.from;
	c->to = s.end;
	c->checked = nm;
	/* The student's entries up to the as-of date, by time; replies per entry. */
	uint32_t ssym = triad__symtab_find(&log->syms, student);
	memset(first_reply, 0xff, (log->count + 1) * sizeof(uint32_t));
	for (size_t i = log->count; i-- > 0;) {
		const triad_centry *e = &log->entries[i];
		if (e->answers != TRIAD_NOSYM && log->entry_of[e->answers] != TRIAD_NOSYM) {
			uint32_t q = log->entry_of[e->answers];
			next_reply[i] = first_reply[q];
			first_reply[q] = (uint32_t)i;
		}
	}
	for (size_t i = 0; ssym != TRIAD_NOSYM && i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		const uint32_t *refs = log->pool + e->refs + e->nguard;
		bool about = false;
		for (size_t k = 0; k < e->nstud && !about; k++)
			about = refs[k] == ssym;
		if (about && e->date <= as_of) {
			mine[n].when = ce_when(e);
			mine[n].i = (uint32_t)i;
			n++;
		}
	}
	qsort(mine, n, sizeof *mine, cmp_timed);
	for (size_t j = 0; j < nm && !rc && s.end >= s.from; j++) {
		const triad_commitment *m = triad_agreement_version_commitment_at(v, j);
		finding f;
		memset(&f, 0, sizeof f);
		f.clause = triad_clause_id(triad_commitment_clause(m));
		f.kind = triad_commitment_kind_of(m);
		f.contact_kind = triad_commitment_contact_kind(m);
		f.entry = TRIAD_NOSYM;
		switch (f.kind) {
		case TRIAD_COMMITMENT_MIN_COUNT:
			rc = check_min_count(c, &s, m, mine, n, &f);
			break;
		case TRIAD_COMMITMENT_MAX_INTERVAL:
			rc = check_max_interval(c, &s, m, mine, n, &f);
			break;
		case TRIAD_COMMITMENT_RESPONSE_TIME:
			rc = check_response(c, &s, m, mine, n, first_reply, next_reply, &f);
			break;
		default:
			break;
		}
	}
done:
	triad__free(mine);
	triad__free(first_reply);
	triad__free(next_reply);
	if (rc) {
		triad_compliance_free(c);
		return rc;
	}
	if (!c)
		return TRIAD_ENOMEM;
	*out = c;
	return 0;
}

size_t triad_compliance_checked(const triad_compliance *c)
{
	return c ? c->checked : 0;
}

size_t triad_compliance_count(const triad_compliance *c)
{
	return c ? c->n : 0;
}

int triad_compliance_at(const triad_compliance *c, size_t index, const char **clause,
                        triad_commitment_kind *kind, triad_date *from, triad_date *to,
                        int32_t *expected, int32_t *actual, const char **entry, int *answered)
{
	if (!c || index >= c->n)
		return triad__err(TRIAD_EINVAL, "finding %zu is out of range (%zu findings)", index,
		                  c ? c->n : 0);
	const finding *f = &c->f[index];
	if (clause)
		*clause = f->clause;
	if (kind)
		*kind = f->kind;
	if (from)
		*from = f->from;
	if (to)
		*to = f->to;
	if (expected)
		*expected = f->expected;
	if (actual)
		*actual = f->actual;
	if (entry)
		*entry = f->entry == TRIAD_NOSYM ? NULL
		         : triad__sym(&c->log->syms, c->log->entries[f->entry].id);
	if (answered)
		*answered = f->answered;
	return 0;
}

static const char *kind_words(triad_contact_kind k, triad_lang lang)
{
	if (k == TRIAD_CONTACT_NONE)
		return lang == TRIAD_LANG_NL ? "contact" : "contact";
	return triad_contact_kind_name(k, lang);
}

int triad_compliance_text(char **out, const triad_compliance *c, triad_lang lang)
{
	if (!out || !c)
		return triad__err(TRIAD_EINVAL, "triad_compliance_text: an argument is NULL");
	if (lang != TRIAD_LANG_NL && lang != TRIAD_LANG_EN)
		return triad__err(TRIAD_EINVAL, "unknown language %d", (int)lang);
	bool nl = lang == TRIAD_LANG_NL;
	/* Without a calendar, weeks run Monday to Sunday and days are weekdays. */
	const char *weeks = c->calendar ? (nl ? "schoolweken" : "school weeks") : (nl ? "weken" : "weeks");
	const char *days = c->calendar ? (nl ? "schooldagen" : "school days")
	                               : (nl ? "werkdagen" : "weekdays");
	char d0[TRIAD_DATE_BUFSIZE], d1[TRIAD_DATE_BUFSIZE], d2[TRIAD_DATE_BUFSIZE];
	triad_strbuf sb;
	triad__sb_init(&sb);
	triad_date_format(c->as_of, d0);
	triad_date_format(c->from, d1);
	triad_date_format(c->to, d2);
	triad__sb_printf(&sb, nl ? "Afspraken van overeenkomst (versie %d) voor leerling %s, per %s "
	                           "(bekeken van %s t/m %s): %zu gecontroleerd, %zu keer niet "
	                           "nagekomen.\n"
	                         : "Commitments of agreement version %d for student %s as of %s "
	                           "(judged from %s to %s): %zu checked, %zu broken.\n",
	                 c->version, c->student, d0, d1, d2, c->checked, c->n);
	for (size_t i = 0; i < c->n; i++) {
		const finding *f = &c->f[i];
		triad_date_format(f->from, d1);
		triad_date_format(f->to, d2);
		const char *what = kind_words(f->contact_kind, lang);
		triad__sb_printf(&sb, "  %s: ", f->clause);
		switch (f->kind) {
		case TRIAD_COMMITMENT_MIN_COUNT:
			triad__sb_printf(&sb, nl ? "van %s t/m %s %d van de %d keer %s (%d te weinig)\n"
			                         : "from %s to %s %d of %d %s contacts (%d short)\n",
			                 d1, d2, (int)f->actual, (int)f->expected, what,
			                 (int)(f->expected - f->actual));
			break;
		case TRIAD_COMMITMENT_MAX_INTERVAL:
			triad__sb_printf(&sb, nl ? "geen %s van %s tot %s: %d %s, hoogstens %d "
			                           "afgesproken (%d te veel)\n"
			                         : "no %s from %s to %s: %d %s, at most %d "
			                           "agreed (%d over)\n",
			                 what, d1, d2, (int)f->actual, weeks, (int)f->expected,
			                 (int)(f->actual - f->expected));
			break;
		case TRIAD_COMMITMENT_RESPONSE_TIME: {
			const char *q = triad__sym(&c->log->syms, c->log->entries[f->entry].id);
			if (f->answered)
				triad__sb_printf(&sb, nl ? "vraag %s van %s beantwoord op %s, na %d "
				                           "%s; binnen %d afgesproken (%d te laat)\n"
				                         : "question %s of %s answered on %s after %d "
				                           "%s; %d agreed (%d late)\n",
				                 q, d1, d2, (int)f->actual, days, (int)f->expected,
				                 (int)(f->actual - f->expected));
			else
				triad__sb_printf(&sb, nl ? "vraag %s van %s na %d %s nog niet "
				                           "beantwoord; binnen %d afgesproken (%d te laat)\n"
				                         : "question %s of %s not answered after %d "
				                           "%s; %d agreed (%d over)\n",
				                 q, d1, (int)f->actual, days, (int)f->expected,
				                 (int)(f->actual - f->expected));
			break;
		}
		default:
			break;
		}
	}
	char *text = triad__sb_take(&sb);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}

int triad_compliance_json(char **out, const triad_compliance *c)
{
	if (!out || !c)
		return triad__err(TRIAD_EINVAL, "triad_compliance_json: an argument is NULL");
	json_t *root = json_object(), *list = json_array();
	int rc = root && list ? 0 : triad__nomem();
	if (!rc)
		rc = triad__j_set(root, "format", json_string("triad.compliance/1"));
	if (!rc)
		rc = triad__j_set(root, "as_of", triad__j_date_new(c->as_of));
	if (!rc)
		rc = triad__j_set(root, "student", json_string(c->student));
	if (!rc)
		rc = triad__j_set(root, "version", json_integer(c->version));
	if (!rc)
		rc = triad__j_set(root, "checked", json_integer((json_int_t)c->checked));
	for (size_t i = 0; !rc && i < c->n; i++) {
		const finding *f = &c->f[i];
		json_t *o = json_object();
		int32_t by = f->kind == TRIAD_COMMITMENT_MIN_COUNT ? f->expected - f->actual
		                                                    : f->actual - f->expected;
		rc = o ? 0 : triad__nomem();
		if (!rc)
			rc = triad__j_set(o, "clause", json_string(f->clause));
		if (!rc)
			rc = triad__j_set(o, "kind", json_string(triad_commitment_kind_id(f->kind)));
		if (!rc)
			rc = triad__j_set(o, "from", triad__j_date_new(f->from));
		if (!rc)
			rc = triad__j_set(o, "to", triad__j_date_new(f->to));
		if (!rc)
			rc = triad__j_set(o, "expected", json_integer(f->expected));
		if (!rc)
			rc = triad__j_set(o, "actual", json_integer(f->actual));
		if (!rc)
			rc = triad__j_set(o, "short_by", json_integer(by));
		if (!rc && f->entry != TRIAD_NOSYM) {
			rc = triad__j_set(o, "entry", json_string(triad__sym(&c->log->syms,
			                                                     c->log->entries[f->entry].id)));
			if (!rc)
				rc = triad__j_set(o, "answered", json_boolean(f->answered));
		}
		if (rc)
			json_decref(o);
		else
			rc = triad__j_append(list, o);
	}
	if (!rc) {
		rc = triad__j_set(root, "findings", list);
		list = NULL;
	}
	char *text = NULL;
	if (!rc && !(text = triad__j_dump(root)))
		rc = TRIAD_ENOMEM;
	json_decref(list);
	json_decref(root);
	if (!rc)
		*out = text;
	return rc;
}
