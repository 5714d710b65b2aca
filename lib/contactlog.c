/* The contact log: compact storage, validation, add, correct, remove. */
#include <string.h>

#include "contactlog_private.h"

/* ---- enumerations ---- */

static const char *const initiator_ids[] = { "school", "parent", "student", NULL };
static const char *const tone_ids[] = { "positive", "neutral", "concern", NULL };

const char *triad_initiator_id(triad_initiator v)
{
	if (v < 1 || v > 3) {
		triad__err(TRIAD_EINVAL, "%d is not an initiator (1..3)", (int)v);
		return NULL;
	}
	return initiator_ids[v - 1];
}

int triad_initiator_from_id(triad_initiator *out, const char *id)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "triad_initiator_from_id: %s is NULL",
		                  !out ? "out" : "id");
	for (int i = 0; initiator_ids[i]; i++)
		if (strcmp(initiator_ids[i], id) == 0) {
			*out = (triad_initiator)(i + 1);
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND,
	                  "\"%.80s\" is not an initiator (school, parent, student)", id);
}

const char *triad_tone_id(triad_tone v)
{
	if (v < 1 || v > 3) {
		triad__err(TRIAD_EINVAL, "%d is not a tone (1..3)", (int)v);
		return NULL;
	}
	return tone_ids[v - 1];
}

int triad_tone_from_id(triad_tone *out, const char *id)
{
	if (!out || !id)
		return triad__err(TRIAD_EINVAL, "triad_tone_from_id: %s is NULL",
		                  !out ? "out" : "id");
	for (int i = 0; tone_ids[i]; i++)
		if (strcmp(tone_ids[i], id) == 0) {
			*out = (triad_tone)(i + 1);
			return 0;
		}
	return triad__err(TRIAD_ENOTFOUND,
	                  "\"%.80s\" is not a tone (positive, neutral, concern)", id);
}

/* ---- symbol table ---- */

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void triad__symtab_free(triad_symtab *t)
{
	triad__free(t->chars);
	triad__free(t->offs);
	triad__free(t->slots);
	memset(t, 0, sizeof *t);
}

uint32_t triad__symtab_find(const triad_symtab *t, const char *s)
{
	if (!t->nslots)
		return TRIAD_NOSYM;
	size_t mask = t->nslots - 1;
	for (size_t i = hash_str(s) & mask;; i = (i + 1) & mask) {
		uint32_t sym = t->slots[i];
		if (sym == TRIAD_NOSYM)
			return TRIAD_NOSYM;
		if (strcmp(t->chars + t->offs[sym], s) == 0)
			return sym;
	}
}

static void slot_insert(uint32_t *slots, size_t nslots, uint32_t h, uint32_t sym)
{
	size_t mask = nslots - 1;
	size_t i = h & mask;
	while (slots[i] != TRIAD_NOSYM)
		i = (i + 1) & mask;
	slots[i] = sym;
}

int triad__symtab_intern(triad_symtab *t, const char *s, uint32_t *out)
{
	uint32_t sym = triad__symtab_find(t, s);
	if (sym != TRIAD_NOSYM) {
		*out = sym;
		return 0;
	}
	if (t->count >= TRIAD_NOSYM - 1)
		return triad__err(TRIAD_ERANGE, "too many distinct ids in one log");
	size_t n = strlen(s) + 1;
	if (t->len + n > UINT32_MAX)
		return triad__err(TRIAD_ERANGE, "the ids of one log exceed 4 GiB");
	/* Reserve everything first, so that a failure changes nothing. */
	if (triad__grow((void **)&t->chars, &t->cap, t->len + n, 1) ||
	    TRIAD_GROW(t->offs, t->ocap, t->count + 1))
		return TRIAD_ENOMEM;
	if ((t->count + 1) * 2 > t->nslots) {
		size_t ns = t->nslots ? t->nslots * 2 : 64;
		uint32_t *slots = triad__reallocarray(NULL, ns, sizeof *slots);
		if (!slots)
			return TRIAD_ENOMEM;
		memset(slots, 0xff, ns * sizeof *slots);
		for (size_t k = 0; k < t->count; k++)
			slot_insert(slots, ns, hash_str(t->chars + t->offs[k]), (uint32_t)k);
		triad__free(t->slots);
		t->slots = slots;
		t->nslots = ns;
	}
	memcpy(t->chars + t->len, s, n);
	t->offs[t->count] = (uint32_t)t->len;
	t->len += n;
	sym = (uint32_t)t->count++;
	slot_insert(t->slots, t->nslots, hash_str(s), sym);
	*out = sym;
	return 0;
}

/* ---- validation ---- */

int triad__contact_check_id(const char *s, const char *what, bool required)
{
	if (!s) {
		if (required)
			return triad__err(TRIAD_EINVAL, "the %s is missing", what);
		return 0;
	}
	size_t n = strlen(s);
	if (n == 0 || n > TRIAD_CONTACT_ID_MAX)
		return triad__err(TRIAD_EINVAL, "the %s \"%.80s\" must be 1..%d bytes long",
		                  what, s, TRIAD_CONTACT_ID_MAX);
	if (!triad__utf8_valid(s, n))
		return triad__err(TRIAD_EINVAL, "the %s is not valid UTF-8", what);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return triad__err(TRIAD_EINVAL,
			                  "the %s \"%.80s\" contains a control character", what, s);
	return 0;
}

static int check_list(const char *const *list, size_t n, const char *what)
{
	if (n > TRIAD_CONTACT_PEOPLE_MAX)
		return triad__err(TRIAD_EINVAL, "%zu %ss are listed; at most %d are allowed",
		                  n, what, TRIAD_CONTACT_PEOPLE_MAX);
	if (n && !list)
		return triad__err(TRIAD_EINVAL, "the %s list is NULL but its count is %zu",
		                  what, n);
	for (size_t i = 0; i < n; i++) {
		char label[48];
		snprintf(label, sizeof label, "%s %zu", what, i);
		int rc = triad__contact_check_id(list[i], label, true);
		if (rc)
			return rc;
		for (size_t k = 0; k < i; k++)
			if (strcmp(list[k], list[i]) == 0)
				return triad__err(TRIAD_EINVAL, "the %s \"%s\" is listed twice",
				                  what, list[i]);
	}
	return 0;
}

int triad_contact_init(triad_contact *c, unsigned version)
{
	if (!c)
		return triad__err(TRIAD_EINVAL, "triad_contact_init: the entry is NULL");
	if (version != TRIAD_CONTACT_VERSION)
		return triad__err(TRIAD_EINVAL,
		                  "triad_contact_init: version %u is unknown (this libtriad "
		                  "knows version %d)", version, TRIAD_CONTACT_VERSION);
	triad_contact init = TRIAD_CONTACT_INIT;
	*c = init;
	return 0;
}

int triad_contact_validate(const triad_contact *c)
{
	if (!c)
		return triad__err(TRIAD_EINVAL, "the contact entry is NULL");
	if (c->version != TRIAD_CONTACT_VERSION)
		return triad__err(TRIAD_EINVAL, "the entry's version is %u; expected %d "
		                  "(initialise it with TRIAD_CONTACT_INIT)", c->version,
		                  TRIAD_CONTACT_VERSION);
	int rc = triad__contact_check_id(c->id, "entry id", true);
	if (rc)
		return rc;
	if (!triad__date_in_range(c->date))
		return triad__err(TRIAD_EINVAL, "entry %s: the date lies outside years 1..9999",
		                  c->id);
	if (c->minute < 0 || c->minute > 1439)
		return triad__err(TRIAD_EINVAL,
		                  "entry %s: the time %d is not a minute of the day (0..1439)",
		                  c->id, (int)c->minute);
	if (!triad_contact_kind_valid(c->kind))
		return triad__err(TRIAD_EINVAL, "entry %s: the kind %d is not a contact kind",
		                  c->id, (int)c->kind);
	if (!triad_channel_valid(c->channel))
		return triad__err(TRIAD_EINVAL, "entry %s: the channel %d is not a channel",
		                  c->id, (int)c->channel);
	if (c->initiator < 1 || c->initiator > 3)
		return triad__err(TRIAD_EINVAL,
		                  "entry %s: the initiator %d is not school, parent or student",
		                  c->id, (int)c->initiator);
	if (c->tone < 1 || c->tone > 3)
		return triad__err(TRIAD_EINVAL,
		                  "entry %s: the tone %d is not positive, neutral or concern",
		                  c->id, (int)c->tone);
	if ((rc = triad__contact_check_id(c->household, "household", true)) ||
	    (rc = triad__contact_check_id(c->staff, "staff member", false)) ||
	    (rc = triad__contact_check_id(c->answers, "answered entry id", false)) ||
	    (rc = check_list(c->guardians, c->guardian_count, "guardian")) ||
	    (rc = check_list(c->students, c->student_count, "student")))
		return rc;
	if (c->answers && strcmp(c->answers, c->id) == 0)
		return triad__err(TRIAD_EINVAL, "entry %s answers itself", c->id);
	return 0;
}

/* ---- the log ---- */

int triad_contactlog_new(triad_contactlog **out)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_new: out is NULL");
	triad_contactlog *log = triad__calloc(1, sizeof *log);
	if (!log)
		return TRIAD_ENOMEM;
	*out = log;
	return 0;
}

void triad_contactlog_free(triad_contactlog *log)
{
	if (!log)
		return;
	triad__symtab_free(&log->syms);
	triad__free(log->entries);
	triad__free(log->pool);
	triad__free(log->entry_of);
	triad__free(log);
}

size_t triad_contactlog_count(const triad_contactlog *log)
{
	return log ? log->count : 0;
}

size_t triad_contactlog_memory(const triad_contactlog *log)
{
	if (!log)
		return 0;
	return sizeof *log + log->syms.cap + log->syms.ocap * sizeof(uint32_t) +
	       log->syms.nslots * sizeof(uint32_t) + log->cap * sizeof(triad_centry) +
	       log->pcap * sizeof(uint32_t) + log->ecap * sizeof(uint32_t);
}

static uint32_t entry_index(const triad_contactlog *log, const char *id)
{
	uint32_t sym = triad__symtab_find(&log->syms, id);
	return sym == TRIAD_NOSYM ? TRIAD_NOSYM : log->entry_of[sym];
}

/* Make room in entry_of for `extra` more symbols (new slots: no entry). */
static int reserve_entry_of(triad_contactlog *log, size_t extra)
{
	size_t need = log->syms.count + extra;
	size_t old = log->ecap;
	if (TRIAD_GROW(log->entry_of, log->ecap, need))
		return TRIAD_ENOMEM;
	if (log->ecap > old)
		memset(log->entry_of + old, 0xff, (log->ecap - old) * sizeof(uint32_t));
	return 0;
}

static int64_t when_of(const triad_contact *c)
{
	return (int64_t)c->date * 1440 + c->minute;
}

/* Intern the strings of c into a packed entry whose pool slots are written at
 * log->plen (reserved by the caller). */
static int pack(triad_contactlog *log, const triad_contact *c, triad_centry *e)
{
	triad_symtab *t = &log->syms;
	int rc;
	memset(e, 0, sizeof *e);
	e->staff = e->answers = TRIAD_NOSYM;
	if ((rc = triad__symtab_intern(t, c->id, &e->id)) ||
	    (rc = triad__symtab_intern(t, c->household, &e->household)) ||
	    (c->staff && (rc = triad__symtab_intern(t, c->staff, &e->staff))) ||
	    (c->answers && (rc = triad__symtab_intern(t, c->answers, &e->answers))))
		return rc;
	uint32_t *refs = log->pool + log->plen;
	for (size_t i = 0; i < c->guardian_count; i++)
		if ((rc = triad__symtab_intern(t, c->guardians[i], &refs[i])))
			return rc;
	for (size_t i = 0; i < c->student_count; i++)
		if ((rc = triad__symtab_intern(t, c->students[i], &refs[c->guardian_count + i])))
			return rc;
	e->refs = (uint32_t)log->plen;
	e->date = c->date;
	e->minute = (uint16_t)c->minute;
	e->nguard = (uint8_t)c->guardian_count;
	e->nstud = (uint8_t)c->student_count;
	e->bits = (uint16_t)(((unsigned)c->kind << CE_KIND_SHIFT) |
	                     ((unsigned)c->channel << CE_CHANNEL_SHIFT) |
	                     ((unsigned)c->initiator << CE_INITIATOR_SHIFT) |
	                     ((unsigned)c->tone << CE_TONE_SHIFT) |
	                     (c->reached ? CE_REACHED : 0) |
	                     (c->student_present ? CE_PRESENT : 0));
	return 0;
}

/* Reserve pool room and entry_of room for the strings of c. */
static int reserve_for(triad_contactlog *log, const triad_contact *c)
{
	size_t people = c->guardian_count + c->student_count;
	if (log->plen + people > UINT32_MAX)
		return triad__err(TRIAD_ERANGE, "the log holds too many people references");
	if (TRIAD_GROW(log->pool, log->pcap, log->plen + people + 1))
		return TRIAD_ENOMEM;
	return reserve_entry_of(log, 4 + people);
}

static int check_answer(const triad_contactlog *log, const triad_contact *c)
{
	if (!c->answers)
		return 0;
	uint32_t k = entry_index(log, c->answers);
	if (k == TRIAD_NOSYM)
		return triad__err(TRIAD_ENOTFOUND,
		                  "entry %s answers \"%s\", but the log has no such entry",
		                  c->id, c->answers);
	if (ce_when(&log->entries[k]) > when_of(c))
		return triad__err(TRIAD_ERANGE,
		                  "entry %s answers entry %s but lies before it; check both dates",
		                  c->id, c->answers);
	return 0;
}

int triad__contactlog_append(triad_contactlog *log, const triad_contact *c, bool check_refs)
{
	int rc = triad_contact_validate(c);
	if (rc)
		return rc;
	if (entry_index(log, c->id) != TRIAD_NOSYM)
		return triad__err(TRIAD_EEXISTS, "the entry id \"%s\" is already in the log",
		                  c->id);
	if (check_refs && (rc = check_answer(log, c)))
		return rc;
	if (log->count >= TRIAD_NOSYM - 1)
		return triad__err(TRIAD_ERANGE, "the log is full");
	if (TRIAD_GROW(log->entries, log->cap, log->count + 1) || (rc = reserve_for(log, c)))
		return rc ? rc : TRIAD_ENOMEM;
	triad_centry e;
	/* Interning may add ids before a later one fails; unused ids are
	 * harmless (and erase rebuilds the table). */
	if ((rc = pack(log, c, &e)))
		return rc;
	log->plen += e.nguard + e.nstud;
	log->entries[log->count] = e;
	log->entry_of[e.id] = (uint32_t)log->count;
	log->count++;
	return 0;
}

int triad_contactlog_add(triad_contactlog *log, const triad_contact *entry)
{
	if (!log)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_add: the log is NULL");
	return triad__contactlog_append(log, entry, true);
}

int triad_contactlog_correct(triad_contactlog *log, const triad_contact *c)
{
	if (!log)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_correct: the log is NULL");
	int rc = triad_contact_validate(c);
	if (rc)
		return rc;
	uint32_t idx = entry_index(log, c->id);
	if (idx == TRIAD_NOSYM)
		return triad__err(TRIAD_ENOTFOUND,
		                  "cannot correct entry \"%s\": the log has no such entry", c->id);
	if ((rc = check_answer(log, c)))
		return rc;
	/* Entries that answer this one must not come to lie before it. */
	uint32_t sym = log->entries[idx].id;
	for (size_t i = 0; i < log->count; i++)
		if (log->entries[i].answers == sym && ce_when(&log->entries[i]) < when_of(c))
			return triad__err(TRIAD_ERANGE,
			                  "entry %s answers entry %s, which the correction would "
			                  "move after it", triad__sym(&log->syms, log->entries[i].id),
			                  c->id);
	if ((rc = reserve_for(log, c)))
		return rc;
	triad_centry e;
	if ((rc = pack(log, c, &e)))
		return rc;
	/* The old entry's people stay in the pool unused until a rebuild. */
	log->plen += e.nguard + e.nstud;
	log->entries[idx] = e;
	return 0;
}

int triad_contactlog_remove(triad_contactlog *log, const char *id)
{
	if (!log || !id)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_remove: %s is NULL",
		                  !log ? "the log" : "the id");
	uint32_t idx = entry_index(log, id);
	if (idx == TRIAD_NOSYM)
		return triad__err(TRIAD_ENOTFOUND,
		                  "cannot remove entry \"%.80s\": the log has no such entry", id);
	uint32_t sym = log->entries[idx].id;
	for (size_t i = 0; i < log->count; i++)
		if (log->entries[i].answers == sym)
			return triad__err(TRIAD_ESTATE,
			                  "cannot remove entry %s: entry %s answers it; remove or "
			                  "correct that entry first", id,
			                  triad__sym(&log->syms, log->entries[i].id));
	memmove(log->entries + idx, log->entries + idx + 1,
	        (log->count - idx - 1) * sizeof *log->entries);
	log->count--;
	for (size_t i = idx; i < log->count; i++)
		log->entry_of[log->entries[i].id] = (uint32_t)i;
	log->entry_of[sym] = TRIAD_NOSYM;
	return 0;
}

int triad_contactlog_find(size_t *out, const triad_contactlog *log, const char *id)
{
	if (!out || !log || !id)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_find: an argument is NULL");
	uint32_t idx = entry_index(log, id);
	if (idx == TRIAD_NOSYM)
		return triad__err(TRIAD_ENOTFOUND, "the log has no entry \"%.80s\"", id);
	*out = idx;
	return 0;
}

void triad__contactlog_fill(triad_contact *out, const triad_contactlog *log, size_t i,
                            const char **guardians, const char **students)
{
	const triad_centry *e = &log->entries[i];
	const triad_symtab *t = &log->syms;
	triad_contact c = TRIAD_CONTACT_INIT;
	c.id = triad__sym(t, e->id);
	c.date = e->date;
	c.minute = e->minute;
	c.kind = (triad_contact_kind)ce_kind(e);
	c.channel = (triad_channel)ce_channel(e);
	c.initiator = (triad_initiator)ce_initiator(e);
	c.tone = (triad_tone)ce_tone(e);
	c.reached = ce_reached(e);
	c.student_present = (e->bits & CE_PRESENT) != 0;
	c.household = triad__sym(t, e->household);
	c.staff = triad__sym(t, e->staff);
	c.answers = triad__sym(t, e->answers);
	c.guardian_count = e->nguard;
	c.student_count = e->nstud;
	if (guardians) {
		for (size_t k = 0; k < e->nguard; k++)
			guardians[k] = triad__sym(t, log->pool[e->refs + k]);
		c.guardians = guardians;
	}
	if (students) {
		for (size_t k = 0; k < e->nstud; k++)
			students[k] = triad__sym(t, log->pool[e->refs + e->nguard + k]);
		c.students = students;
	}
	*out = c;
}

int triad_contactlog_get(triad_contact *out, const triad_contactlog *log, size_t index)
{
	if (!out || !log)
		return triad__err(TRIAD_EINVAL, "triad_contactlog_get: an argument is NULL");
	if (index >= log->count)
		return triad__err(TRIAD_EINVAL, "entry index %zu is out of range (%zu entries)",
		                  index, log->count);
	triad__contactlog_fill(out, log, index, NULL, NULL);
	return 0;
}

const char *triad_contactlog_guardian(const triad_contactlog *log, size_t index, size_t k)
{
	if (!log || index >= log->count || k >= log->entries[index].nguard) {
		triad__err(TRIAD_EINVAL, "no guardian %zu in entry %zu", k, index);
		return NULL;
	}
	const triad_centry *e = &log->entries[index];
	return triad__sym(&log->syms, log->pool[e->refs + k]);
}

const char *triad_contactlog_student(const triad_contactlog *log, size_t index, size_t k)
{
	if (!log || index >= log->count || k >= log->entries[index].nstud) {
		triad__err(TRIAD_EINVAL, "no student %zu in entry %zu", k, index);
		return NULL;
	}
	const triad_centry *e = &log->entries[index];
	return triad__sym(&log->syms, log->pool[e->refs + e->nguard + k]);
}

int triad__contactlog_check_answers(const triad_contactlog *log, size_t *bad)
{
	for (size_t i = 0; i < log->count; i++) {
		const triad_centry *e = &log->entries[i];
		if (e->answers == TRIAD_NOSYM)
			continue;
		*bad = i;
		uint32_t k = log->entry_of[e->answers];
		if (k == TRIAD_NOSYM)
			return triad__err(TRIAD_EFORMAT,
			                  "entry %s answers \"%s\", but the log has no such entry",
			                  triad__sym(&log->syms, e->id),
			                  triad__sym(&log->syms, e->answers));
		if (ce_when(&log->entries[k]) > ce_when(e))
			return triad__err(TRIAD_EFORMAT,
			                  "entry %s answers entry %s but lies before it; check "
			                  "both dates", triad__sym(&log->syms, e->id),
			                  triad__sym(&log->syms, e->answers));
	}
	return 0;
}
