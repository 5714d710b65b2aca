/* Immutable string lists handed to callers. */
#include <string.h>

#include "triad_private.h"

struct triad_strlist {
	char **items;
	size_t count;
	size_t cap;
};

triad_strlist *triad__strlist_new(void)
{
	return triad__calloc(1, sizeof(triad_strlist));
}

int triad__strlist_add(triad_strlist *l, const char *s)
{
	if (TRIAD_GROW(l->items, l->cap, l->count + 1))
		return TRIAD_ENOMEM;
	char *copy = triad__strdup(s);
	if (!copy)
		return TRIAD_ENOMEM;
	l->items[l->count++] = copy;
	return 0;
}

int triad__strlist_add_unique(triad_strlist *l, const char *s)
{
	return triad_strlist_contains(l, s) ? 0 : triad__strlist_add(l, s);
}

size_t triad_strlist_count(const triad_strlist *l)
{
	return l ? l->count : 0;
}

const char *triad_strlist_at(const triad_strlist *l, size_t index)
{
	if (!l || index >= l->count) {
		triad__err(TRIAD_EINVAL, "string list index %zu is out of range (%zu items)",
		           index, l ? l->count : 0);
		return NULL;
	}
	return l->items[index];
}

int triad_strlist_contains(const triad_strlist *l, const char *s)
{
	if (!l || !s)
		return 0;
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i], s) == 0)
			return 1;
	return 0;
}

void triad_strlist_free(triad_strlist *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++)
		triad__free(l->items[i]);
	triad__free(l->items);
	triad__free(l);
}
