/* School types, their number of years, and the ownership curve. */
#include <string.h>

#include "triad_private.h"

typedef struct schooltype {
	char *id;
	char *name_nl;
	char *name_en;
	int years;
	double share[TRIAD_SCHOOLTYPE_MAX_YEARS];
} schooltype;

struct triad_schooltypes {
	schooltype *items;
	size_t count;
	size_t cap;
};

static const struct {
	const char *id, *nl, *en;
	int years;
} builtin[] = {
	{ "vmbo-b", "vmbo basisberoepsgerichte leerweg", "vmbo basic vocational track", 4 },
	{ "vmbo-k", "vmbo kaderberoepsgerichte leerweg", "vmbo advanced vocational track", 4 },
	{ "vmbo-gl", "vmbo gemengde leerweg", "vmbo combined track", 4 },
	{ "vmbo-tl", "vmbo theoretische leerweg", "vmbo theoretical track", 4 },
	{ "havo", "havo", "havo (senior general secondary)", 5 },
	{ "vwo", "vwo", "vwo (pre-university)", 6 },
	{ "praktijkonderwijs", "praktijkonderwijs", "practical education", 5 },
};

static void default_curve(schooltype *t)
{
	for (int y = 1; y <= t->years; y++)
		t->share[y - 1] = t->years == 1
		                      ? 1.0
		                      : 0.25 + 0.75 * (double)(y - 1) / (double)(t->years - 1);
}

static void type_free(schooltype *t)
{
	triad__free(t->id);
	triad__free(t->name_nl);
	triad__free(t->name_en);
}

static int push_type(triad_schooltypes *st, const char *id, const char *nl,
                     const char *en, int years)
{
	if (TRIAD_GROW(st->items, st->cap, st->count + 1))
		return TRIAD_ENOMEM;
	schooltype t = { 0 };
	t.id = triad__strdup(id);
	t.name_nl = t.id ? triad__strdup(nl) : NULL;
	t.name_en = t.name_nl ? triad__strdup(en) : NULL;
	if (!t.name_en) {
		type_free(&t);
		return TRIAD_ENOMEM;
	}
	t.years = years;
	default_curve(&t);
	st->items[st->count++] = t;
	return 0;
}

int triad_schooltypes_new(triad_schooltypes **out)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_schooltypes_new: out is NULL");
	triad_schooltypes *st = triad__calloc(1, sizeof *st);
	if (!st)
		return TRIAD_ENOMEM;
	for (size_t i = 0; i < TRIAD_ARRAY_LEN(builtin); i++)
		if (push_type(st, builtin[i].id, builtin[i].nl, builtin[i].en,
		              builtin[i].years)) {
			triad_schooltypes_free(st);
			return TRIAD_ENOMEM;
		}
	*out = st;
	return 0;
}

void triad_schooltypes_free(triad_schooltypes *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->count; i++)
		type_free(&st->items[i]);
	triad__free(st->items);
	triad__free(st);
}

static schooltype *find(const triad_schooltypes *st, const char *id)
{
	for (size_t i = 0; i < st->count; i++)
		if (strcmp(st->items[i].id, id) == 0)
			return &st->items[i];
	return NULL;
}

static schooltype *lookup(const triad_schooltypes *st, const char *id, const char *fn)
{
	if (!st || !id) {
		triad__err(TRIAD_EINVAL, "%s: %s is NULL", fn, !st ? "types" : "id");
		return NULL;
	}
	schooltype *t = find(st, id);
	if (!t)
		triad__err(TRIAD_ENOTFOUND, "\"%.60s\" is not a known school type", id);
	return t;
}

static bool valid_id(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
		      c == '_' || c == '/'))
			return false;
	}
	return true;
}

int triad_schooltypes_add(triad_schooltypes *st, const char *id, const char *name_nl,
                          const char *name_en, int years)
{
	if (!st)
		return triad__err(TRIAD_EINVAL, "triad_schooltypes_add: types is NULL");
	int rc;
	if ((rc = triad__check_text(id, "the school type id", true)) ||
	    (rc = triad__check_text(name_nl, "the Dutch name", true)) ||
	    (rc = triad__check_text(name_en, "the English name", true)))
		return rc;
	if (!valid_id(id))
		return triad__err(TRIAD_EINVAL,
		                  "the school type id \"%.60s\" must be 1 to 32 lower-case "
		                  "letters, digits, '-', '_' or '/'", id);
	if (years < 1 || years > TRIAD_SCHOOLTYPE_MAX_YEARS)
		return triad__err(TRIAD_EINVAL,
		                  "school type \"%s\": %d years is outside 1..%d", id, years,
		                  TRIAD_SCHOOLTYPE_MAX_YEARS);
	if (find(st, id))
		return triad__err(TRIAD_EEXISTS, "the school type \"%s\" already exists", id);
	return push_type(st, id, name_nl, name_en, years);
}

size_t triad_schooltypes_count(const triad_schooltypes *st)
{
	return st ? st->count : 0;
}

const char *triad_schooltypes_id_at(const triad_schooltypes *st, size_t index)
{
	if (!st || index >= st->count) {
		triad__err(TRIAD_EINVAL, "school type index %zu is out of range", index);
		return NULL;
	}
	return st->items[index].id;
}

int triad_schooltypes_years(const triad_schooltypes *st, const char *id, int *out)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_schooltypes_years: out is NULL");
	schooltype *t = lookup(st, id, "triad_schooltypes_years");
	if (!t)
		return triad_error_last()->code;
	*out = t->years;
	return 0;
}

const char *triad_schooltypes_name(const triad_schooltypes *st, const char *id,
                                   triad_lang lang)
{
	schooltype *t = lookup(st, id, "triad_schooltypes_name");
	if (!t)
		return NULL;
	if (lang == TRIAD_LANG_NL)
		return t->name_nl;
	if (lang == TRIAD_LANG_EN)
		return t->name_en;
	triad__err(TRIAD_EINVAL, "unknown language %d", (int)lang);
	return NULL;
}

int triad_schooltypes_set_ownership(triad_schooltypes *st, const char *id,
                                    const double *shares, size_t count)
{
	schooltype *t = lookup(st, id, "triad_schooltypes_set_ownership");
	if (!t)
		return triad_error_last()->code;
	if (!shares)
		return triad__err(TRIAD_EINVAL, "the ownership shares are NULL");
	if (count != (size_t)t->years)
		return triad__err(TRIAD_EINVAL,
		                  "school type \"%s\" has %d years, but %zu shares were given",
		                  id, t->years, count);
	for (size_t y = 0; y < count; y++) {
		if (!(shares[y] >= 0.0 && shares[y] <= 1.0))
			return triad__err(TRIAD_EINVAL,
			                  "school type \"%s\", year %zu: the share %g is "
			                  "outside 0..1", id, y + 1, shares[y]);
		if (y > 0 && shares[y] < shares[y - 1])
			return triad__err(TRIAD_EINVAL,
			                  "school type \"%s\", year %zu: the share %g is lower "
			                  "than year %zu's %g; ownership may not decrease",
			                  id, y + 1, shares[y], y, shares[y - 1]);
	}
	memcpy(t->share, shares, count * sizeof *shares);
	return 0;
}

int triad_schooltypes_ownership(const triad_schooltypes *st, const char *id, int year,
                                double *out)
{
	if (!out)
		return triad__err(TRIAD_EINVAL, "triad_schooltypes_ownership: out is NULL");
	schooltype *t = lookup(st, id, "triad_schooltypes_ownership");
	if (!t)
		return triad_error_last()->code;
	if (year < 1 || year > t->years)
		return triad__err(TRIAD_ERANGE,
		                  "year %d does not exist in school type \"%s\" (years 1..%d)",
		                  year, id, t->years);
	*out = t->share[year - 1];
	return 0;
}
