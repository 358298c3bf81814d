/* tags.c - what each HTML tag means to the cleaner (table in tags.h).
 * libxml2's HTML parser lower-cases element names, so lookups are exact. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tags.h"

static const struct tag_def inline_tag = {"", 0, 0, TK_OTHER};

static int cmp_tag(const void *key, const void *elt)
{
	return strcmp(key, ((const struct tag_def *)elt)->name);
}

const struct tag_def *parse_tag_lookup(const char *name)
{
	const struct tag_def *t;

	if (!name)
		return &inline_tag;
	t = bsearch(name, tag_table, sizeof tag_table / sizeof tag_table[0],
		    sizeof tag_table[0], cmp_tag);
	return t ? t : &inline_tag;
}

const struct tag_def *parse_tag_cached(struct parse_ctx *c, const xmlChar *name)
{
	uint64_t key = 0;
	size_t i, slot;

	if (!name)
		return &inline_tag;
	/* a name of up to 8 bytes is its own key (names hold no NUL) */
	for (i = 0; i < 8 && name[i]; i++)
		key |= (uint64_t)name[i] << (8 * i);
	if (name[i] || !key)
		return parse_tag_lookup((const char *)name);
	slot = (size_t)((key * 0x9E3779B97F4A7C15ull) >> (64 - TAG_CACHE_BITS));
	if (c->tags.key[slot] != key) {
		c->tags.key[slot] = key;
		c->tags.tag[slot] = parse_tag_lookup((const char *)name);
	}
	return c->tags.tag[slot];
}
