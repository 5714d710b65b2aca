/* Privacy: exports for one household, pseudonyms, erasure and retention. */
#include <sodium.h>
#include <string.h>

#include "contactlog_private.h"

/* Map an id through `rename` into buf, or pass it through. */
typedef int (*map_fn)(void *ctx, const char *s, char *buf);

static const char *mapped(map_fn rename, void *ctx, const char *s, char *buf, int *rc)
{
	if (!s || !rename || *rc)
		return s;
	*rc = rename(ctx, s, buf);
	return buf;
}

/*
 * A new log holding the entries for which keep[i] is true, in order, with
 * `answers` links to dropped entries cleared, the id `drop` removed from
 * guardians, students and staff, and every id mapped through `rename`.
 * Building it afresh also rebuilds the interned ids, so that nothing of a
 * dropped entry or person stays in memory.
 */
static int rebuild(triad_contactlog **out, size_t *changed, const triad_contactlog *log,
                   const bool *keep, const char *drop, map_fn rename, void *ctx)
{
	triad_contactlog *fresh = NULL;
	int rc = triad_contactlog_new(&fresh);
	if (rc)
		return rc;
	size_t nchanged = 0;
	const char *g[TRIAD_CONTACT_PEOPLE_MAX], *s[TRIAD_CONTACT_PEOPLE_MAX];
	const char *g2[TRIAD_CONTACT_PEOPLE_MAX], *s2[TRIAD_CONTACT_PEOPLE_MAX];
	/* Room for the mapped ids of one entry: id, household, staff, answers,
	 * then guardians and students. */
	char (*b)[TRIAD_CONTACT_ID_MAX + 1] = NULL;
	if (rename) {
		b = triad__malloc((4 + 2 * TRIAD_CONTACT_PEOPLE_MAX) * sizeof *b);
		if (!b) {
			triad_contactlog_free(fresh);
			return TRIAD_ENOMEM;
		}
	}
	for (size_t i = 0; i < log->count && !rc; i++) {
		if (!keep[i])
			continue;
		triad_contact c;
		triad__contactlog_fill(&c, log, i, g, s);
		bool touched = false;
		if (c.answers && (log->entry_of[log->entries[i].answers] == TRIAD_NOSYM ||
		                  !keep[log->entry_of[log->entries[i].answers]])) {
			c.answers = NULL;
			touched = true;
		}
		size_t ng = 0, ns = 0;
		for (size_t k = 0; k < c.guardian_count; k++)
			if (!drop || strcmp(g[k], drop) != 0) {
				g2[ng] = mapped(rename, ctx, g[k], b ? b[4 + ng] : NULL, &rc);
				ng++;
			}
		for (size_t k = 0; k < c.student_count; k++)
			if (!drop || strcmp(s[k], drop) != 0) {
				s2[ns] = mapped(rename, ctx, s[k],
				                b ? b[4 + TRIAD_CONTACT_PEOPLE_MAX + ns] : NULL, &rc);
				ns++;
			}
		touched = touched || ng != c.guardian_count || ns != c.student_count;
		if (c.staff && drop && strcmp(c.staff, drop) == 0) {
			c.staff = NULL;
			touched = true;
		}
		c.guardians = g2;
		c.guardian_count = ng;
		c.students = s2;
		c.student_count = ns;
		c.id = mapped(rename, ctx, c.id, b ? b[0] : NULL, &rc);
		c.household = mapped(rename, ctx, c.household, b ? b[1] : NULL, &rc);
		c.staff = mapped(rename, ctx, c.staff, b ? b[2] : NULL, &rc);
		c.answers = mapped(rename, ctx, c.answers, b ? b[3] : NULL, &rc);
		if (!rc)
			rc = triad__contactlog_append(fresh, &c, false);
		nchanged += touched;
	}
	triad__free(b);
	if (rc) {
		triad_contactlog_free(fresh);
		return rc;
	}
	if (changed)
		*changed = nchanged;
	*out = fresh;
	return 0;
}

/* Move `fresh` into `log` and free what log held before. */
static void swap_in(triad_contactlog *log, triad_contactlog *fresh)
{
	triad_contactlog old = *log;
	*log = *fresh;
	*fresh = old;
	triad_contactlog_free(fresh);
}

int triad_contactlog_for_household(triad_contactlog **out, const triad_contactlog *log,
                                   const char *household)
{
	if (!out || !log || !household)
		return triad__err(TRIAD_EINVAL,
		                  "triad_contactlog_for_household: an argument is NULL");
	uint32_t sym = triad__symtab_find(&log->syms, household);
	bool *keep = triad__calloc(log->count ? log->count : 1, sizeof *keep);
	if (!keep)
		return TRIAD_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < log->count; i++)
		n += keep[i] = sym != TRIAD_NOSYM && log->entries[i].household == sym;
	int rc;
	if (n == 0)
		rc = triad__err(TRIAD_ENOTFOUND, "the log has no entry for household \"%.80s\"",
		                household);
	else
		rc = rebuild(out, NULL, log, keep, NULL, NULL, NULL);
	triad__free(keep);
	return rc;
}

int triad_pseudonym(char **out, const char *id, const unsigned char *key, size_t keylen)
{
	if (!out || !id || !key)
		return triad__err(TRIAD_EINVAL, "triad_pseudonym: an argument is NULL");
	if (keylen < TRIAD_PSEUDONYM_KEY_MIN || keylen > TRIAD_PSEUDONYM_KEY_MAX)
		return triad__err(TRIAD_EINVAL,
		                  "the pseudonym key is %zu bytes; it must be %d..%d bytes of "
		                  "secret random data", keylen, TRIAD_PSEUDONYM_KEY_MIN,
		                  TRIAD_PSEUDONYM_KEY_MAX);
	char *p = triad__malloc(26);
	if (!p)
		return TRIAD_ENOMEM;
	if (sodium_init() < 0) {
		triad__free(p);
		return triad__err(TRIAD_EINTERNAL, "libsodium failed to initialise");
	}
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)id, strlen(id), key, keylen);
	p[0] = 'p';
	sodium_bin2hex(p + 1, 25, h, 12); /* 96 bits: collisions are negligible */
	*out = p;
	return 0;
}

typedef struct pseudo_ctx {
	const unsigned char *key;
	size_t keylen;
} pseudo_ctx;

static int pseudo_map(void *ctx, const char *s, char *buf)
{
	pseudo_ctx *pc = ctx;
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)s, strlen(s), pc->key,
	                   pc->keylen);
	buf[0] = 'p';
	sodium_bin2hex(buf + 1, 25, h, 12);
	return 0;
}

int triad_contactlog_pseudonymize(triad_contactlog **out, const triad_contactlog *log,
                                  const unsigned char *key, size_t keylen)
{
	if (!out || !log || !key)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_pseudonymize: an argument is NULL");
	if (keylen < TRIAD_PSEUDONYM_KEY_MIN || keylen > TRIAD_PSEUDONYM_KEY_MAX)
		return triad__err(TRIAD_EINVAL,
		                  "the pseudonym key is %zu bytes; it must be %d..%d bytes of "
		                  "secret random data", keylen, TRIAD_PSEUDONYM_KEY_MIN,
		                  TRIAD_PSEUDONYM_KEY_MAX);
	if (sodium_init() < 0)
		return triad__err(TRIAD_EINTERNAL, "libsodium failed to initialise");
	bool *keep = triad__malloc((log->count ? log->count : 1) * sizeof *keep);
	if (!keep)
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < log->count; i++)
		keep[i] = true;
	pseudo_ctx pc = { key, keylen };
	int rc = rebuild(out, NULL, log, keep, NULL, pseudo_map, &pc);
	triad__free(keep);
	return rc;
}

int triad_contactlog_erase(triad_strlist **out_removed, size_t *out_changed,
                           triad_contactlog *log, const char *id)
{
	if (!out_removed || !log || !id)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_erase: an argument is NULL");
	uint32_t sym = triad__symtab_find(&log->syms, id);
	bool found = false;
	bool *keep = triad__malloc((log->count ? log->count : 1) * sizeof *keep);
	if (!keep)
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		const uint32_t *refs = log->pool + e->refs;
		bool mentions = sym != TRIAD_NOSYM && (e->household == sym || e->staff == sym);
		for (size_t k = 0; sym != TRIAD_NOSYM && k < (size_t)e->nguard + e->nstud; k++)
			mentions = mentions || refs[k] == sym;
		found = found || mentions;
		keep[i] = !(sym != TRIAD_NOSYM &&
		            (e->household == sym ||
		             (e->nstud == 1 && refs[e->nguard] == sym)));
	}
	int rc = 0;
	triad_strlist *removed = NULL;
	triad_contactlog *fresh = NULL;
	size_t changed = 0;
	if (!found) {
		rc = triad__err(TRIAD_ENOTFOUND,
		                "\"%.80s\" is no household, guardian, student or staff member "
		                "in the log", id);
		goto done;
	}
	if (!(removed = triad__strlist_new())) {
		rc = TRIAD_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < log->count && !rc; i++)
		if (!keep[i])
			rc = triad__strlist_add(removed, triad__sym(&log->syms, log->entries[i].id));
	if (!rc)
		rc = rebuild(&fresh, &changed, log, keep, id, NULL, NULL);
	if (!rc) {
		swap_in(log, fresh);
		*out_removed = removed;
		removed = NULL;
		if (out_changed)
			*out_changed = changed;
	}
done:
	triad_strlist_free(removed);
	triad__free(keep);
	return rc;
}

int triad_contactlog_retain(size_t *out_removed, triad_contactlog *log, triad_date as_of,
                            int school_years)
{
	if (!log)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_retain: the log is NULL");
	if (school_years < 1 || school_years > 100)
		return triad__err(TRIAD_EINVAL,
		                  "the retention period is %d school years; it must be 1..100",
		                  school_years);
	int y, m;
	if (triad_date_to_ymd(as_of, &y, &m, NULL))
		return TRIAD_EINVAL;
	int first = (m >= 8 ? y : y - 1) - (school_years - 1);
	if (first < 1)
		first = 1;
	triad_date cutoff = triad__days_from_civil(first, 8, 1);
	bool *keep = triad__malloc((log->count ? log->count : 1) * sizeof *keep);
	if (!keep)
		return TRIAD_ENOMEM;
	size_t dropped = 0;
	for (size_t i = 0; i < log->count; i++) {
		keep[i] = log->entries[i].date >= cutoff;
		dropped += !keep[i];
	}
	int rc = 0;
	if (dropped) {
		triad_contactlog *fresh = NULL;
		if (!(rc = rebuild(&fresh, NULL, log, keep, NULL, NULL, NULL)))
			swap_in(log, fresh);
	}
	triad__free(keep);
	if (!rc && out_removed)
		*out_removed = dropped;
	return rc;
}
