/* map.c - the hash table of map.h.
 *
 * Slots carry their key's full hash: a probe compares keys only when the
 * hashes agree, and growing rehashes nothing. No slot is ever emptied (the
 * map has no delete), so a probe may stop at the first empty slot. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "hash.h"
#include "map.h"

#define FIRST_CAP 16

/* The slot holding @key, or the empty slot where it would go. */
static size_t find(const struct assay_map *m, uint64_t h, const char *key, size_t len)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;

	ASSAY_ASSERT(m->cap && (m->cap & mask) == 0 && m->n * 2 <= m->cap); /* so a probe ends */
	while (m->slots[i].key && !(m->slots[i].hash == h && m->slots[i].len == len &&
				    memcmp(m->slots[i].key, key, len) == 0))
		i = (i + 1) & mask;
	return i;
}

static int grow(struct assay_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : FIRST_CAP;
	struct assay_map_slot *t, *old = m->slots;

	if (cap > SIZE_MAX / sizeof *t || !(t = calloc(cap, sizeof *t)))
		return ASSAY_ENOMEM;
	for (size_t k = 0; k < m->cap; k++) {
		if (!old[k].key)
			continue;
		size_t i = (size_t)old[k].hash & (cap - 1);
		while (t[i].key)
			i = (i + 1) & (cap - 1);
		t[i] = old[k];
	}
	free(old);
	m->slots = t;
	m->cap = cap;
	return ASSAY_OK;
}

void assay_map_release(struct assay_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

int assay_map_put(struct assay_map *m, const char *key, size_t len, size_t **val)
{
	uint64_t h = assay_hash64(key, len, 0);
	size_t i;
	char *copy;

	if (m->cap) {
		i = find(m, h, key, len);
		if (m->slots[i].key) {
			*val = &m->slots[i].val;
			return ASSAY_OK;
		}
	}
	if ((m->n + 1) * 2 > m->cap && grow(m))
		return ASSAY_ENOMEM;
	if (!(copy = malloc(len + 1)))
		return ASSAY_ENOMEM;
	if (len)
		memcpy(copy, key, len);
	copy[len] = '\0';
	i = find(m, h, key, len);
	m->slots[i] = (struct assay_map_slot){h, copy, len, 0};
	m->n++;
	*val = &m->slots[i].val;
	return ASSAY_OK;
}

size_t *assay_map_get(const struct assay_map *m, const char *key, size_t len)
{
	size_t i;

	if (!m->n)
		return NULL;
	i = find(m, assay_hash64(key, len, 0), key, len);
	return m->slots[i].key ? &m->slots[i].val : NULL;
}
