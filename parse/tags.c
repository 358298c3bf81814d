/* tags.c - what each HTML tag means to the cleaner (table in tags.h).
 * libxml2's HTML parser lower-cases element names, so lookups are exact. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tags.h"

static const struct tag_def inline_tag = {"", 0, 0};

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
