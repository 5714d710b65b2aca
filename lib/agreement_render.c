/* Rendering an agreement version as plain text, Markdown or HTML, in Dutch
 * or English: printable, with the contact protocol as a table and a
 * signature block for each required signer. Everything that came from input
 * is escaped for the output format. */
#include <stdio.h>
#include <string.h>

#include "agreement_private.h"

typedef struct rd {
	triad_strbuf sb;
	triad_render_format fmt;
	triad_lang lang;
	const triad_agreement *a;
	const triad_agreement_version *v;
	const triad_roster *roster;
} rd;

#define L(r, nl, en) ((r)->lang == TRIAD_LANG_NL ? (nl) : (en))

/* ---- output primitives ---- */

/* Text from input: escaped so that it can never become markup. */
static void put(rd *r, const char *s)
{
	if (r->fmt == TRIAD_RENDER_HTML) {
		triad__sb_put_html(&r->sb, s);
		return;
	}
	if (r->fmt == TRIAD_RENDER_TEXT) {
		triad__sb_puts(&r->sb, s);
		return;
	}
	for (; *s; s++) {
		if (strchr("\\`*_[]<>#|!", *s))
			triad__sb_putc(&r->sb, '\\');
		triad__sb_putc(&r->sb, *s == '\n' ? ' ' : *s);
	}
}

static void raw(rd *r, const char *s)
{
	triad__sb_puts(&r->sb, s);
}

static void heading(rd *r, int level, const char *s)
{
	switch (r->fmt) {
	case TRIAD_RENDER_HTML:
		triad__sb_printf(&r->sb, "<h%d>", level);
		put(r, s);
		triad__sb_printf(&r->sb, "</h%d>\n", level);
		break;
	case TRIAD_RENDER_MARKDOWN:
		triad__sb_printf(&r->sb, "%.*s ", level, "####");
		put(r, s);
		raw(r, "\n\n");
		break;
	default: {
		size_t start = r->sb.len;
		put(r, s);
		raw(r, "\n");
		/* Underline by characters, not bytes (UTF-8 continuation bytes skipped). */
		size_t chars = 0;
		for (size_t i = start; !r->sb.failed && i < r->sb.len - 1; i++)
			chars += ((unsigned char)r->sb.data[i] & 0xC0) != 0x80;
		for (size_t i = 0; i < chars; i++)
			raw(r, level == 1 ? "=" : "-");
		raw(r, "\n\n");
		break;
	}
	}
}

static void line_kv(rd *r, const char *key, const char *value)
{
	if (r->fmt == TRIAD_RENDER_HTML) {
		raw(r, "<p><strong>");
		put(r, key);
		raw(r, ":</strong> ");
		put(r, value);
		raw(r, "</p>\n");
	} else if (r->fmt == TRIAD_RENDER_MARKDOWN) {
		raw(r, "**");
		put(r, key);
		raw(r, ":** ");
		put(r, value);
		raw(r, "  \n");
	} else {
		put(r, key);
		raw(r, ": ");
		put(r, value);
		raw(r, "\n");
	}
}

static void list_begin(rd *r)
{
	if (r->fmt == TRIAD_RENDER_HTML)
		raw(r, "<ul>\n");
}

static void list_end(rd *r)
{
	raw(r, r->fmt == TRIAD_RENDER_HTML ? "</ul>\n" : "\n");
}

static void item_begin(rd *r)
{
	raw(r, r->fmt == TRIAD_RENDER_HTML ? "<li>" : "- ");
}

static void item_end(rd *r)
{
	raw(r, r->fmt == TRIAD_RENDER_HTML ? "</li>\n" : "\n");
}

static void para_break(rd *r)
{
	if (r->fmt != TRIAD_RENDER_HTML)
		raw(r, "\n");
}

/* ---- names ---- */

static void person(rd *r, triad_party_role role, const char *id)
{
	const char *given = NULL, *family = NULL;
	if (r->roster) {
		if (role == TRIAD_PARTY_STUDENT) {
			const triad_student *s = triad_roster_student(r->roster, id);
			given = triad_student_given_name(s);
			family = triad_student_family_name(s);
		} else if (role == TRIAD_PARTY_GUARDIAN) {
			const triad_guardian *g = triad_roster_guardian(r->roster, id);
			given = triad_guardian_given_name(g);
			family = triad_guardian_family_name(g);
		} else {
			const triad_staff *m = triad_roster_staff(r->roster, id);
			given = triad_staff_given_name(m);
			family = triad_staff_family_name(m);
		}
	}
	if (given && family) {
		put(r, given);
		raw(r, " ");
		put(r, family);
		raw(r, " (");
		put(r, id);
		raw(r, ")");
	} else {
		put(r, id);
	}
}

static const char *role_label(rd *r, triad_party_role role)
{
	switch (role) {
	case TRIAD_PARTY_STUDENT: return L(r, "Leerling", "Student");
	case TRIAD_PARTY_GUARDIAN: return L(r, "Ouder/verzorger", "Parent or guardian");
	case TRIAD_PARTY_SCHOOL: return L(r, "Namens de school", "For the school");
	default: return "";
	}
}

static const char *subject_name(rd *r, const char *subject)
{
	static const struct { const char *id, *nl, *en; } names[] = {
		{ "study_progress", "Studievoortgang", "Study progress" },
		{ "absence", "Afwezigheid en verzuim", "Absence" },
		{ "wellbeing", "Welbevinden", "Wellbeing" },
		{ "care", "Zorg en ondersteuning", "Care and support" },
		{ "complaints", "Klachten", "Complaints" },
		{ "other", "Overige vragen", "Other questions" },
	};
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(names); i++)
		if (strcmp(names[i].id, subject) == 0)
			return L(r, names[i].nl, names[i].en);
	return subject;
}

static const char *staff_role_name(rd *r, unsigned role)
{
	switch (role) {
	case TRIAD_STAFF_MENTOR: return L(r, "de mentor", "the mentor");
	case TRIAD_STAFF_TEACHER: return L(r, "de vakdocent", "the subject teacher");
	case TRIAD_STAFF_COORDINATOR: return L(r, "de jaarlaagcoördinator", "the year coordinator");
	case TRIAD_STAFF_SCHOOL_LEADER: return L(r, "de schoolleider", "the school leader");
	default: return "?";
	}
}

static void date_text(rd *r, triad_date d)
{
	char buf[TRIAD_DATE_BUFSIZE];
	if (triad_date_format(d, buf) == 0)
		raw(r, buf);
}

/* ---- clauses ---- */

/* Append text wrapped at `width` characters (UTF-8 aware, breaking at
 * spaces), the first line after `first`, the others after `cont`. */
static void wrap(rd *r, const char *text, const char *first, const char *cont, size_t width)
{
	const char *p = text;
	bool first_line = true;
	while (*p) {
		const char *lead = first_line ? first : cont;
		size_t room = width > strlen(lead) ? width - strlen(lead) : 1;
		const char *end = p, *brk = NULL;
		size_t chars = 0;
		while (*end && *end != '\n' && chars < room) {
			if (*end == ' ')
				brk = end;
			end++;
			while (((unsigned char)*end & 0xC0) == 0x80)
				end++;
			chars++;
		}
		if (*end && *end != ' ' && *end != '\n' && brk)
			end = brk; /* break at the last space that fits */
		raw(r, lead);
		triad__sb_putn(&r->sb, p, (size_t)(end - p));
		raw(r, "\n");
		p = end;
		if (*p == '\n')
			p++; /* a line break in the text itself */
		while (*p == ' ')
			p++;
		first_line = false;
	}
}

static void commitment_text(rd *r, const triad_commitment *m)
{
	const char *kind = m->contact ? triad_contact_kind_name(m->contact, r->lang) : NULL;
	raw(r, r->fmt == TRIAD_RENDER_HTML ? " <em>(" : r->fmt == TRIAD_RENDER_MARKDOWN ? " *(" : " (");
	raw(r, L(r, "toetsbaar: ", "measurable: "));
	switch (m->kind) {
	case TRIAD_COMMITMENT_MIN_COUNT: {
		static const char *const nl[] = { "schoolweek", "maand", "rapportperiode", "schooljaar" };
		static const char *const en[] = { "school week", "month", "report period", "school year" };
		triad__sb_printf(&r->sb, L(r, "minstens %d× %s per %s", "at least %d× %s per %s"),
		                 m->count, kind ? kind : "?",
		                 L(r, nl[m->period - 1], en[m->period - 1]));
		break;
	}
	case TRIAD_COMMITMENT_MAX_INTERVAL:
		triad__sb_printf(&r->sb,
		                 L(r, "%s minstens eens per %d schoolweken",
		                   "%s at least once every %d school weeks"),
		                 kind ? kind : "?", m->weeks);
		break;
	default:
		if (kind)
			triad__sb_printf(&r->sb, L(r, "%s: reactie binnen %d schooldagen",
			                           "%s: a response within %d school days"),
			                 kind, m->days);
		else
			triad__sb_printf(&r->sb, L(r, "antwoord binnen %d schooldagen",
			                           "an answer within %d school days"),
			                 m->days);
		break;
	}
	raw(r, r->fmt == TRIAD_RENDER_HTML ? ")</em>" : r->fmt == TRIAD_RENDER_MARKDOWN ? ")*" : ")");
}

static triad_agreement_section placement(const triad_clause *c)
{
	if (c->section == TRIAD_SECTION_AIMS || c->section == TRIAD_SECTION_PROTOCOL)
		return c->section;
	/* A clause is printed under whoever owns it in this year: the same
	 * expectation moves from the parents' section to the student's. */
	switch (triad_clause_from_role(c)) {
	case TRIAD_PARTY_SCHOOL: return TRIAD_SECTION_SCHOOL;
	case TRIAD_PARTY_GUARDIAN: return TRIAD_SECTION_PARENTS;
	case TRIAD_PARTY_STUDENT: return TRIAD_SECTION_STUDENT;
	default: return c->section;
	}
}

static void clauses_of(rd *r, triad_agreement_section section, int number)
{
	const triad_agreement_version *v = r->v;
	size_t n = 0;
	for (size_t i = 0; i < v->nclauses; i++)
		n += placement(v->clauses[i]) == section;
	if (n == 0 && section != TRIAD_SECTION_PROTOCOL)
		return;
	char title[160];
	snprintf(title, sizeof title, "%d. %s", number, triad_agreement_section_name(section, r->lang));
	heading(r, 2, title);
	if (n == 0)
		return;
	list_begin(r);
	for (size_t i = 0; i < v->nclauses; i++) {
		const triad_clause *c = v->clauses[i];
		if (placement(c) != section)
			continue;
		/* Plain text is wrapped for printing: the item goes to a buffer first. */
		triad_strbuf saved = r->sb;
		if (r->fmt == TRIAD_RENDER_TEXT)
			triad__sb_init(&r->sb);
		else
			item_begin(r);
		const char *text = triad_clause_text(c, r->lang);
		put(r, text ? text : L(r, "(nog geen tekst)", "(no text yet)"));
		const char *from_id = triad_clause_from_id(c);
		if (from_id) {
			raw(r, " — ");
			person(r, triad_clause_from_role(c), from_id);
		}
		if (c->commit.kind)
			commitment_text(r, &c->commit);
		if (r->fmt == TRIAD_RENDER_TEXT) {
			triad_strbuf item = r->sb;
			r->sb = saved;
			if (item.failed)
				r->sb.failed = 1;
			else if (item.data)
				wrap(r, item.data, "- ", "  ", 78);
			triad__sb_free(&item);
		} else {
			item_end(r);
		}
	}
	list_end(r);
}

/* ---- the contact protocol table ---- */

/* The four cells of protocol entry i (or the header when i is SIZE_MAX),
 * each rendered (and escaped) into its own buffer. */
static void protocol_cells(rd *r, size_t i, triad_strbuf cells[4])
{
	triad_strbuf saved = r->sb;
	for (int k = 0; k < 4; k++) {
		triad__sb_init(&r->sb);
		if (i == SIZE_MAX) {
			static const char *const nl[] = { "Onderwerp", "Contact met", "Kanaal",
				                          "Antwoord binnen" };
			static const char *const en[] = { "Subject", "Contact", "Channel",
				                          "Answer within" };
			raw(r, L(r, nl[k], en[k]));
		} else {
			const agr_protocol *p = &r->v->protocol[i];
			char days[64];
			switch (k) {
			case 0:
				put(r, subject_name(r, p->subject));
				break;
			case 1:
				if (p->staff_id)
					person(r, TRIAD_PARTY_SCHOOL, p->staff_id);
				else
					raw(r, staff_role_name(r, p->staff_role));
				break;
			case 2:
				raw(r, triad_channel_name(p->channel, r->lang));
				break;
			default:
				snprintf(days, sizeof days, L(r, "%d schooldag%s", "%d school day%s"),
				         p->days, p->days == 1 ? "" : L(r, "en", "s"));
				raw(r, days);
				break;
			}
		}
		if (!r->sb.data)
			raw(r, "");
		cells[k] = r->sb;
	}
	r->sb = saved;
}

static size_t width(const triad_strbuf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->len; i++)
		n += ((unsigned char)b->data[i] & 0xC0) != 0x80;
	return n;
}

static void protocol_table(rd *r)
{
	const triad_agreement_version *v = r->v;
	if (v->nprotocol == 0) {
		if (r->fmt == TRIAD_RENDER_HTML)
			raw(r, "<p>");
		raw(r, L(r, "Er is nog geen contactprotocol.", "There is no contact protocol yet."));
		raw(r, r->fmt == TRIAD_RENDER_HTML ? "</p>\n" : "\n\n");
		return;
	}
	/* Plain text pads columns to the widest cell, so the table prints aligned. */
	size_t w[4] = { 0, 0, 0, 0 };
	for (size_t i = 0; r->fmt == TRIAD_RENDER_TEXT && i <= v->nprotocol; i++) {
		triad_strbuf cells[4];
		protocol_cells(r, i == 0 ? SIZE_MAX : i - 1, cells);
		for (int k = 0; k < 4; k++) {
			if (cells[k].failed)
				r->sb.failed = 1;
			else if (width(&cells[k]) > w[k])
				w[k] = width(&cells[k]);
			triad__sb_free(&cells[k]);
		}
	}
	if (r->fmt == TRIAD_RENDER_HTML)
		raw(r, "<table>\n");
	for (size_t i = 0; i <= v->nprotocol; i++) {
		triad_strbuf cells[4];
		protocol_cells(r, i == 0 ? SIZE_MAX : i - 1, cells);
		if (r->fmt == TRIAD_RENDER_HTML)
			raw(r, i == 0 ? "<thead><tr>" : "<tr>");
		for (int k = 0; k < 4; k++) {
			if (cells[k].failed) {
				r->sb.failed = 1;
				continue;
			}
			if (r->fmt == TRIAD_RENDER_HTML) {
				raw(r, i == 0 ? "<th>" : "<td>");
				raw(r, cells[k].data);
				raw(r, i == 0 ? "</th>" : "</td>");
			} else if (r->fmt == TRIAD_RENDER_MARKDOWN) {
				raw(r, "| ");
				raw(r, cells[k].data);
				raw(r, " ");
			} else {
				raw(r, cells[k].data);
				for (size_t pad = width(&cells[k]); k < 3 && pad < w[k] + 2; pad++)
					raw(r, " ");
			}
			triad__sb_free(&cells[k]);
		}
		if (r->fmt == TRIAD_RENDER_HTML)
			raw(r, i == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
		else if (r->fmt == TRIAD_RENDER_MARKDOWN)
			raw(r, i == 0 ? "|\n|---|---|---|---|\n" : "|\n");
		else
			raw(r, "\n");
		if (r->fmt == TRIAD_RENDER_TEXT && i == 0) {
			for (size_t k = 0; k < w[0] + w[1] + w[2] + w[3] + 6; k++)
				raw(r, "-");
			raw(r, "\n");
		}
	}
	raw(r, r->fmt == TRIAD_RENDER_HTML ? "</tbody>\n</table>\n" : "\n");
}

/* ---- signatures ---- */

static void signature_block(rd *r, const char *id)
{
	/* A required signer who is not (yet) a party is the student or a guardian. */
	const agr_party *p = triad__agr_party(r->v, id);
	const char *student = triad_agreement_version_student_id(r->v);
	triad_party_role role = p ? p->role
	                        : student && strcmp(id, student) == 0 ? TRIAD_PARTY_STUDENT
	                                                              : TRIAD_PARTY_GUARDIAN;
	const agr_signature *s = triad__agr_signature(r->v, id);
	if (r->fmt == TRIAD_RENDER_HTML)
		raw(r, "<div class=\"signature\"><p><strong>");
	else if (r->fmt == TRIAD_RENDER_MARKDOWN)
		raw(r, "**");
	raw(r, role_label(r, role));
	raw(r, r->fmt == TRIAD_RENDER_HTML ? ":</strong> " : r->fmt == TRIAD_RENDER_MARKDOWN ? ":** " : ": ");
	person(r, role, id);
	raw(r, r->fmt == TRIAD_RENDER_HTML ? "</p>\n<p>" : r->fmt == TRIAD_RENDER_MARKDOWN ? "  \n" : "\n");
	if (s) {
		raw(r, L(r, "Getekend op ", "Signed on "));
		date_text(r, s->date);
	} else {
		raw(r, L(r, "Handtekening: ______________________   Datum: ____________",
		         "Signature: ______________________   Date: ____________"));
	}
	raw(r, r->fmt == TRIAD_RENDER_HTML ? "</p></div>\n" : "\n\n");
}

static int signatures(rd *r, const triad_policy_options *policy)
{
	heading(r, 2, L(r, "Ondertekening", "Signatures"));
	if (r->roster) {
		/* Who had to sign: on the day it became active, or for a version
		 * still to be signed, on its first valid day. */
		const triad_agreement_version *v = r->v;
		triad_date on = v->has_activated ? v->activated_on
		                : v->has_validity ? v->valid_from
		                : v->has_proposed ? v->proposed_on : 0;
		if (!v->has_activated && !v->has_validity && !v->has_proposed)
			return triad__err(TRIAD_EINVAL,
			                  "version %d has neither a validity nor a proposal date, so "
			                  "the required signers cannot be determined", v->number);
		triad_strlist *req = NULL;
		int rc = triad__agr_required_signers(&req, v, r->roster, policy, on);
		if (rc)
			return rc;
		/* Signatures placed by others show too (validation judges them). */
		for (size_t i = 0; !rc && i < v->nsignatures; i++)
			rc = triad__strlist_add_unique(req, v->signatures[i].id);
		if (rc) {
			triad_strlist_free(req);
			return rc;
		}
		for (size_t i = 0; i < triad_strlist_count(req); i++)
			signature_block(r, triad_strlist_at(req, i));
		triad_strlist_free(req);
	} else {
		for (size_t i = 0; i < r->v->nparties; i++)
			signature_block(r, r->v->parties[i].id);
	}
	return 0;
}

/* ---- the document ---- */

static void header(rd *r)
{
	const char *title = L(r, "Ouder-kind-schoolovereenkomst", "Parent–child–school agreement");
	if (r->fmt == TRIAD_RENDER_HTML) {
		triad__sb_printf(&r->sb,
		                 "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		                 "<title>", L(r, "nl", "en"));
		raw(r, title);
		raw(r, " ");
		put(r, r->a->id);
		raw(r, "</title>\n<style>\n"
		       "body { font-family: sans-serif; max-width: 45em; margin: 2em auto; line-height: 1.4; }\n"
		       "table { border-collapse: collapse; width: 100%; }\n"
		       "th, td { border: 1px solid #666; padding: 0.3em 0.5em; text-align: left; }\n"
		       ".signature { margin-top: 2.5em; page-break-inside: avoid; }\n"
		       "@media print { body { margin: 0; } h2 { page-break-after: avoid; } }\n"
		       "</style>\n</head>\n<body>\n");
	}
	heading(r, 1, title);
	const triad_agreement_version *v = r->v;
	char buf[128];
	static const char *const state_nl[] = { "concept", "voorgesteld", "van kracht",
		                                "verlopen", "beëindigd" };
	static const char *const state_en[] = { "draft", "proposed", "in force", "expired",
		                                "terminated" };
	snprintf(buf, sizeof buf, "%d (%s)", v->number,
	         L(r, state_nl[v->state - 1], state_en[v->state - 1]));
	line_kv(r, L(r, "Overeenkomst", "Agreement"), r->a->id);
	line_kv(r, L(r, "Versie", "Version"), buf);
	for (int role = TRIAD_PARTY_STUDENT; role <= TRIAD_PARTY_SCHOOL; role++)
		for (size_t i = 0; i < v->nparties; i++) {
			if (v->parties[i].role != (triad_party_role)role)
				continue;
			const char *key = role_label(r, (triad_party_role)role);
			if (r->fmt == TRIAD_RENDER_HTML) {
				raw(r, "<p><strong>");
				raw(r, key);
				raw(r, ":</strong> ");
			} else {
				raw(r, r->fmt == TRIAD_RENDER_MARKDOWN ? "**" : "");
				raw(r, key);
				raw(r, r->fmt == TRIAD_RENDER_MARKDOWN ? ":** " : ": ");
			}
			person(r, (triad_party_role)role, v->parties[i].id);
			raw(r, r->fmt == TRIAD_RENDER_HTML ? "</p>\n"
			       : r->fmt == TRIAD_RENDER_MARKDOWN ? "  \n" : "\n");
		}
	if (v->school_type && v->year) {
		snprintf(buf, sizeof buf, "%s, %s %d", v->school_type, L(r, "leerjaar", "year"),
		         v->year);
		line_kv(r, L(r, "Schooltype", "School type"), buf);
	}
	if (v->has_validity) {
		char f[TRIAD_DATE_BUFSIZE], t[TRIAD_DATE_BUFSIZE];
		triad_date_format(v->valid_from, f);
		triad_date_format(v->valid_to, t);
		snprintf(buf, sizeof buf, L(r, "%s tot en met %s", "%s to %s"), f, t);
		line_kv(r, L(r, "Geldig", "Valid"), buf);
	}
	if (v->end_reason)
		line_kv(r, L(r, "Beëindigd wegens", "Terminated because"), v->end_reason);
	para_break(r);
}

int triad_render_options_init(triad_render_options *opts, unsigned version)
{
	if (!opts || version != TRIAD_RENDER_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "triad_render_options_init: %s (this library knows version %d)",
		                  !opts ? "opts is NULL" : "unknown version",
		                  TRIAD_RENDER_OPTIONS_VERSION);
	triad_render_options init = TRIAD_RENDER_OPTIONS_INIT;
	*opts = init;
	return 0;
}

int triad_agreement_render(char **out, const triad_agreement *a,
                           const triad_render_options *opts)
{
	if (!out || !a)
		return triad__err(TRIAD_EINVAL, "triad_agreement_render: %s is NULL",
		                  !out ? "out" : "the agreement");
	triad_render_options defaults = TRIAD_RENDER_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (opts->version < 1 || opts->version > TRIAD_RENDER_OPTIONS_VERSION)
		return triad__err(TRIAD_EINVAL, "triad_agreement_render: unknown options version %u",
		                  opts->version);
	if (opts->format < TRIAD_RENDER_TEXT || opts->format > TRIAD_RENDER_HTML)
		return triad__err(TRIAD_EINVAL, "triad_agreement_render: %d is not an output format",
		                  (int)opts->format);
	if (opts->lang != TRIAD_LANG_NL && opts->lang != TRIAD_LANG_EN)
		return triad__err(TRIAD_EINVAL, "triad_agreement_render: %d is not a language",
		                  (int)opts->lang);
	if (opts->version_number > a->nversions)
		return triad__err(TRIAD_EINVAL,
		                  "triad_agreement_render: agreement \"%s\" has no version %zu "
		                  "(versions 1..%zu)", a->id, opts->version_number, a->nversions);
	rd r;
	triad__sb_init(&r.sb);
	r.fmt = opts->format;
	r.lang = opts->lang;
	r.a = a;
	r.v = opts->version_number ? a->versions[opts->version_number - 1] : triad__agr_latest(a);
	r.roster = opts->roster;

	header(&r);
	static const triad_agreement_section order[] = { TRIAD_SECTION_AIMS, TRIAD_SECTION_SCHOOL,
		                                         TRIAD_SECTION_PARENTS,
		                                         TRIAD_SECTION_STUDENT };
	int number = 1;
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(order); i++) {
		size_t before = r.sb.len;
		clauses_of(&r, order[i], number);
		number += r.sb.len != before;
	}
	clauses_of(&r, TRIAD_SECTION_PROTOCOL, number);
	protocol_table(&r);
	int rc = signatures(&r, opts->policy);
	if (rc) {
		triad__sb_free(&r.sb);
		return rc;
	}
	if (r.fmt == TRIAD_RENDER_HTML)
		raw(&r, "</body>\n</html>\n");
	char *text = triad__sb_take(&r.sb);
	if (!text)
		return TRIAD_ENOMEM;
	/* Roster lookups for names may have recorded "not found"; the call succeeded. */
	triad_error_clear();
	*out = text;
	return 0;
}
