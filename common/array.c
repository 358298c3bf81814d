/* array.c - making room in a growable array (see array.h).
 *
 * The caller's pointer is read and written through memcpy, not through a
 * void ** cast: a struct foo * is not a void *, and strict aliasing would
 * let the compiler assume the write never happened. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"

#define FIRST_CAP 8

int assay_array_reserve(void *items_ptr, size_t *cap, size_t need, size_t size)
{
	void *items, *grown;
	size_t ncap = *cap ? *cap : FIRST_CAP;

	if (need <= *cap)
		return ASSAY_OK;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return ASSAY_ENOMEM;
		ncap *= 2;
	}
	if (size && ncap > SIZE_MAX / size)
		return ASSAY_ENOMEM;
	ASSAY_ASSERT(ncap >= need && ncap >= 2 * *cap); /* at least doubles */
	memcpy(&items, items_ptr, sizeof items);
	grown = realloc(items, ncap * size);
	if (!grown)
		return ASSAY_ENOMEM;
	memcpy(items_ptr, &grown, sizeof grown);
	*cap = ncap;
	return ASSAY_OK;
}

int assay_array_grow(void *items_ptr, size_t n, size_t size)
{
	size_t cap = n ? FIRST_CAP : 0;

	while (cap < n)
		cap *= 2;
	return assay_array_reserve(items_ptr, &cap, n + 1, size);
}
