/* The allocator hook and the allocation helpers every module uses. */
#include <stdlib.h>
#include <string.h>

#include "triad_private.h"

static triad_malloc_fn hook_malloc = malloc;
static triad_realloc_fn hook_realloc = realloc;
static triad_free_fn hook_free = free;

int triad_allocator_set(triad_malloc_fn malloc_fn, triad_realloc_fn realloc_fn,
                        triad_free_fn free_fn)
{
	if (!malloc_fn || !realloc_fn || !free_fn)
		return triad__err(TRIAD_EINVAL,
		                  "triad_allocator_set: the %s function is NULL; "
		                  "pass all three of malloc, realloc and free",
		                  !malloc_fn ? "malloc" : !realloc_fn ? "realloc" : "free");
	hook_malloc = malloc_fn;
	hook_realloc = realloc_fn;
	hook_free = free_fn;
	return 0;
}

void triad_allocator_reset(void)
{
	hook_malloc = malloc;
	hook_realloc = realloc;
	hook_free = free;
}

void triad_free(void *ptr)
{
	if (ptr)
		hook_free(ptr);
}

void *triad__malloc(size_t size)
{
	void *p = hook_malloc(size ? size : 1);
	if (!p)
		triad__nomem();
	return p;
}

void *triad__calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		triad__nomem();
		return NULL;
	}
	size_t bytes = count * size;
	void *p = triad__malloc(bytes);
	if (p && bytes > 0)
		memset(p, 0, bytes);
	return p;
}

void *triad__realloc(void *ptr, size_t size)
{
	void *p = hook_realloc(ptr, size ? size : 1);
	if (!p)
		triad__nomem();
	return p;
}

void *triad__reallocarray(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		triad__nomem();
		return NULL;
	}
	return triad__realloc(ptr, count * size);
}

void triad__free(void *ptr)
{
	if (ptr)
		hook_free(ptr);
}

char *triad__strndup(const char *s, size_t n)
{
	char *p = triad__malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *triad__strdup(const char *s)
{
	return triad__strndup(s, strlen(s));
}

int triad__grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return triad__nomem();
		ncap *= 2;
	}
	void *p = triad__reallocarray(*items, ncap, size);
	if (!p)
		return TRIAD_ENOMEM;
	*items = p;
	*cap = ncap;
	return 0;
}
