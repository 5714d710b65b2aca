/* The reach report as text (Dutch or English) and as JSON. */
#include <string.h>

#include "analytics_private.h"

typedef struct words {
	const char *title, *window, *hard_prefix, *rules_weeks, *rules_failed, *rules_from, *or_;
	const char *cols[10];
	const char *school, *class_, *mentor;
	const char *never_title, *no_attempt, *attempt_none, *attempts_none, *last_on;
	const char *hard_title, *in_weeks, *in_row, *last_contact, *never_reached;
	const char *none;
} words;

static const words EN = {
	"Reach report as of %s\n", "Window: %s to %s.", " Hard to reach: ",
	"no contact in the last %d %s despite attempts",
	"%d failed attempts in a row", " (weeks from %s)", ", or ",
	{ "group", "households", "reached", "reach", "contacts", "proactive", "share",
	  "failed", "never", "hard" },
	"school", "class", "mentor",
	"Households never contacted (%zu):\n", "no attempt recorded",
	"1 attempt, not reached", "%zu attempts, none reached", "; last on %s",
	"Hard to reach (%zu):\n", "no contact in the last %d %s despite attempts",
	"%zu failed attempts in a row", "; last contact %s", "; never reached",
	"  none\n",
};

static const words NL = {
	"Bereikrapport per %s\n", "Periode: %s t/m %s.", " Moeilijk bereikbaar: ",
	"geen contact in de laatste %d %s ondanks pogingen",
	"%d mislukte pogingen op rij", " (weken vanaf %s)", ", of ",
	{ "groep", "gezinnen", "bereikt", "bereik", "contacten", "proactief", "aandeel",
	  "mislukt", "nooit", "moeilijk" },
	"school", "klas", "mentor",
	"Gezinnen nooit gesproken (%zu):\n", "geen poging vastgelegd",
	"1 poging, niemand bereikt", "%zu pogingen, niemand bereikt", "; laatste op %s",
	"Moeilijk bereikbaar (%zu):\n", "geen contact in de laatste %d %s ondanks pogingen",
	"%zu mislukte pogingen op rij", "; laatste contact %s", "; nooit bereikt",
	"  geen\n",
};

/* School weeks come from a calendar; without one they are calendar weeks. */
static const char *weeks_word(const triad_reach_report *r, triad_lang lang)
{
	if (lang == TRIAD_LANG_NL)
		return r->school_weeks ? "schoolweken" : "weken";
	return r->school_weeks ? "school weeks" : "weeks";
}

static const char *fmt_date(triad_date d, char *buf)
{
	if (triad_date_format(d, buf))
		strcpy(buf, "?");
	return buf;
}

int triad_reach_report_text(char **out, const triad_reach_report *r, triad_lang lang)
{
	if (!out || !r)
		return triad__err(TRIAD_EINVAL, "triad_reach_report_text: an argument is NULL");
	if (lang != TRIAD_LANG_NL && lang != TRIAD_LANG_EN)
		return triad__err(TRIAD_EINVAL, "unknown language %d", (int)lang);
	const words *w = lang == TRIAD_LANG_NL ? &NL : &EN;
	char d1[TRIAD_DATE_BUFSIZE], d2[TRIAD_DATE_BUFSIZE];
	triad_strbuf sb;
	triad__sb_init(&sb);
	triad__sb_printf(&sb, w->title, fmt_date(r->as_of, d1));
	triad__sb_printf(&sb, w->window, fmt_date(r->from, d1), fmt_date(r->to, d2));
	if (r->hard_weeks > 0 || r->hard_failed > 0)
		triad__sb_puts(&sb, w->hard_prefix);
	if (r->hard_weeks > 0) {
		triad__sb_printf(&sb, w->rules_weeks, (int)r->hard_weeks, weeks_word(r, lang));
		if (r->weeks_apply)
			triad__sb_printf(&sb, w->rules_from, fmt_date(r->weeks_start, d1));
		if (r->hard_failed > 0)
			triad__sb_puts(&sb, w->or_);
	}
	if (r->hard_failed > 0)
		triad__sb_printf(&sb, w->rules_failed, (int)r->hard_failed);
	if (r->hard_weeks > 0 || r->hard_failed > 0)
		triad__sb_putc(&sb, '.');
	triad__sb_puts(&sb, "\n\n");
	triad__sb_printf(&sb, "%-24s %10s %8s %7s %9s %9s %7s %7s %6s %8s\n", w->cols[0],
	                 w->cols[1], w->cols[2], w->cols[3], w->cols[4], w->cols[5], w->cols[6],
	                 w->cols[7], w->cols[8], w->cols[9]);
	for (size_t i = 0; i < r->ngroups; i++) {
		const triad__reach_group *g = &r->groups[i];
		char label[96];
		snprintf(label, sizeof label, "%s%s%.60s",
		         g->type == TRIAD_REACH_GROUP_SCHOOL ? w->school
		         : g->type == TRIAD_REACH_GROUP_CLASS ? w->class_ : w->mentor,
		         g->type == TRIAD_REACH_GROUP_SCHOOL ? "" : " ", g->name);
		const triad_reach_figures *f = &g->f;
		triad__sb_printf(&sb, "%-24s %10zu %8zu %6.1f%% %9zu %9zu %6.1f%% %7zu %6zu %8zu\n",
		                 label, f->households, f->reached, 100.0 * f->reach, f->contacts,
		                 f->proactive, 100.0 * f->proactive_share, f->failed,
		                 f->never_contacted, f->hard_to_reach);
	}
	triad__sb_putc(&sb, '\n');
	triad__sb_printf(&sb, w->never_title, r->nnever);
	if (!r->nnever)
		triad__sb_puts(&sb, w->none);
	for (size_t i = 0; i < r->nnever; i++) {
		const triad__reach_never *n = &r->never[i];
		triad__sb_printf(&sb, "  %-20s ", triad__sym(&r->households, n->h));
		if (n->attempts == 0) {
			triad__sb_puts(&sb, w->no_attempt);
		} else {
			triad__sb_printf(&sb, n->attempts == 1 ? w->attempt_none : w->attempts_none,
			                 n->attempts);
			triad__sb_printf(&sb, w->last_on, fmt_date(n->last_attempt, d1));
		}
		triad__sb_putc(&sb, '\n');
	}
	triad__sb_putc(&sb, '\n');
	triad__sb_printf(&sb, w->hard_title, r->nhard);
	if (!r->nhard)
		triad__sb_puts(&sb, w->none);
	for (size_t i = 0; i < r->nhard; i++) {
		const triad__reach_hard *h = &r->hard[i];
		triad__sb_printf(&sb, "  %-20s ", triad__sym(&r->households, h->h));
		bool sep = false;
		if (h->reasons & TRIAD_HARD_NO_CONTACT_IN_WEEKS) {
			triad__sb_printf(&sb, w->in_weeks, (int)r->hard_weeks, weeks_word(r, lang));
			sep = true;
		}
		if (h->reasons & TRIAD_HARD_FAILED_IN_ROW) {
			if (sep)
				triad__sb_puts(&sb, "; ");
			triad__sb_printf(&sb, w->in_row, h->streak);
		}
		if (h->has_contact)
			triad__sb_printf(&sb, w->last_contact, fmt_date(h->last_contact, d1));
		else
			triad__sb_puts(&sb, w->never_reached);
		triad__sb_putc(&sb, '\n');
	}
	char *text = triad__sb_take(&sb);
	if (!text)
		return TRIAD_ENOMEM;
	*out = text;
	return 0;
}

static const char *group_id(triad_reach_group t)
{
	return t == TRIAD_REACH_GROUP_SCHOOL ? "school" : t == TRIAD_REACH_GROUP_CLASS ? "class"
	                                                                              : "mentor";
}

static json_t *figures_json(const triad__reach_group *g)
{
	const triad_reach_figures *f = &g->f;
	return json_pack("{s:s, s:s, s:I, s:I, s:f, s:I, s:I, s:f, s:I, s:I, s:I}",
	                 "type", group_id(g->type), "name", g->name,
	                 "households", (json_int_t)f->households,
	                 "reached", (json_int_t)f->reached, "reach", f->reach,
	                 "contacts", (json_int_t)f->contacts,
	                 "proactive", (json_int_t)f->proactive,
	                 "proactive_share", f->proactive_share,
	                 "failed", (json_int_t)f->failed,
	                 "never_contacted", (json_int_t)f->never_contacted,
	                 "hard_to_reach", (json_int_t)f->hard_to_reach);
}

int triad_reach_report_json(char **out, const triad_reach_report *r)
{
	if (!out || !r)
		return triad__err(TRIAD_EINVAL, "triad_reach_report_json: an argument is NULL");
	json_t *root = json_object();
	json_t *groups = json_array(), *never = json_array(), *hard = json_array();
	int rc = root && groups && never && hard ? 0 : triad__nomem();
	json_t *rules = NULL;
	if (!rc) {
		rules = json_pack("{s:i, s:i}", "hard_weeks", (int)r->hard_weeks, "hard_failed",
		                  (int)r->hard_failed);
		if (rules && r->hard_weeks > 0)
			rc = triad__j_set(rules, "weeks_from", r->weeks_apply
			                                       ? triad__j_date_new(r->weeks_start)
			                                       : json_null());
	}
	if (!rc && !rules)
		rc = triad__nomem();
	if (!rc)
		rc = triad__j_set(root, "format", json_string("triad.reach-report/1"));
	if (!rc)
		rc = triad__j_set(root, "as_of", triad__j_date_new(r->as_of));
	if (!rc)
		rc = triad__j_set(root, "window",
		                  json_pack("{s:o, s:o}", "from", triad__j_date_new(r->from), "to",
		                            triad__j_date_new(r->to)));
	if (!rc) {
		rc = triad__j_set(root, "rules", rules);
		rules = NULL;
	}
	for (size_t i = 0; !rc && i < r->ngroups; i++)
		rc = triad__j_append(groups, figures_json(&r->groups[i]));
	for (size_t i = 0; !rc && i < r->nnever; i++) {
		const triad__reach_never *n = &r->never[i];
		json_t *o = json_pack("{s:s, s:I}", "household", triad__sym(&r->households, n->h),
		                      "attempts", (json_int_t)n->attempts);
		if (o && n->attempts && triad__j_set(o, "last_attempt", triad__j_date_new(n->last_attempt))) {
			json_decref(o);
			o = NULL;
		}
		rc = triad__j_append(never, o);
	}
	for (size_t i = 0; !rc && i < r->nhard; i++) {
		const triad__reach_hard *h = &r->hard[i];
		json_t *reasons = json_array();
		if (reasons && (h->reasons & TRIAD_HARD_NO_CONTACT_IN_WEEKS))
			json_array_append_new(reasons, json_string("no_contact_in_weeks"));
		if (reasons && (h->reasons & TRIAD_HARD_FAILED_IN_ROW))
			json_array_append_new(reasons, json_string("failed_in_row"));
		json_t *o = reasons ? json_pack("{s:s, s:o, s:I, s:o}", "household",
		                                triad__sym(&r->households, h->h), "reasons", reasons,
		                                "failed_in_row", (json_int_t)h->streak, "last_contact",
		                                h->has_contact ? triad__j_date_new(h->last_contact)
		                                               : json_null())
		                    : NULL;
		/* json_pack's "o" steals the reference even on failure. */
		if (o && json_array_size(reasons) !=
		                 (size_t)(((h->reasons & 1) != 0) + ((h->reasons & 2) != 0))) {
			json_decref(o);
			o = NULL;
		}
		rc = triad__j_append(hard, o);
	}
	if (!rc) {
		rc = triad__j_set(root, "groups", groups);
		groups = NULL;
	}
	if (!rc) {
		rc = triad__j_set(root, "never_contacted", never);
		never = NULL;
	}
	if (!rc) {
		rc = triad__j_set(root, "hard_to_reach", hard);
		hard = NULL;
	}
	char *text = NULL;
	if (!rc && !(text = triad__j_dump(root)))
		rc = TRIAD_ENOMEM;
	json_decref(rules);
	json_decref(groups);
	json_decref(never);
	json_decref(hard);
	json_decref(root);
	if (!rc)
		*out = text;
	return rc;
}
