/* array.h - growable arrays of plain structs: one growth rule for every
 * module, instead of a realloc loop in each.
 *
 * An array is the caller's pointer, count and capacity; this file only
 * makes room. Capacity at least doubles, so n appends cost O(n) copies.
 * On failure nothing changes: the array keeps its items and capacity. */
#ifndef ASSAY_ARRAY_H
#define ASSAY_ARRAY_H

#include <stddef.h>

/* Makes room for at least @need items of @size bytes in the array whose
 * pointer is at @items_ptr (the address of the caller's pointer, e.g.
 * &rows) and whose capacity is *@cap. ASSAY_OK, or ASSAY_ENOMEM (also when
 * the size would overflow). */
int assay_array_reserve(void *items_ptr, size_t *cap, size_t need, size_t size);

/* The same for an array that keeps no capacity, only its count @n, and
 * grows one item at a time: its capacity is implied by the count (none,
 * then 8, then the next power of two), so this makes room for item @n. */
int assay_array_grow(void *items_ptr, size_t n, size_t size);

#endif
