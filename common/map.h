/* map.h - a hash table from byte strings to a number: the one table for
 * every module that looks words or names up (rule words, gazetteer keys,
 * the crawler's hosts), instead of a hand-rolled probe loop in each.
 *
 * Open addressing on xxh64 (common/hash), kept at most half full, so a
 * lookup is one hash and a probe or two. The map copies its keys and owns
 * the copies. A value is the caller's number; a key just added has the
 * value 0, so callers that store an index store it plus one. Lookups only
 * read: a map filled once may be read by many threads at a time. */
#ifndef ASSAY_MAP_H
#define ASSAY_MAP_H

#include <stddef.h>
#include <stdint.h>

struct assay_map_slot {
	uint64_t hash;
	char *key; /* NULL: an empty slot */
	size_t len;
	size_t val;
};

/* A zeroed struct is an empty map. */
struct assay_map {
	struct assay_map_slot *slots;
	size_t cap; /* 0 or a power of two */
	size_t n;
};

/* Frees what @m holds and leaves it empty (and usable). */
void assay_map_release(struct assay_map *m);

/* Finds the @len bytes at @key, adding them (value 0) when absent; *val
 * points at the value, valid until the next put. ASSAY_OK or ASSAY_ENOMEM
 * (the map is unchanged). */
int assay_map_put(struct assay_map *m, const char *key, size_t len, size_t **val);

/* The value of the @len bytes at @key, or NULL when they are not a key;
 * valid until the next put. */
size_t *assay_map_get(const struct assay_map *m, const char *key, size_t len);

#endif
