/* fuzz_feed.c - libFuzzer target for the source parser (feeds, sitemaps,
 * HTML feed discovery: whatever assay_source_parse() sniffs).
 *
 * The first byte picks the base URL the links resolve against; the rest
 * is the document. Besides not crashing: every link returned is a
 * non-empty string and its date, when present, has the YYYY-MM-DD shape.
 * Seeds are in tests/fuzz/corpus/feed/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "feed.h"

static const char *const bases[] = {
	"https://example.org/feed.xml",
	"http://news.example.com/a/b/sitemap.xml?x=1",
	"file:///tmp/corpus/feed.xml",
	"https://[::1]:8080/",
};

static void check(const struct assay_links *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct assay_link *k = &l->v[i];

		if (!k->url || !k->url[0])
			abort();
		if (k->ymd[0] && (strlen(k->ymd) != 10 || k->ymd[4] != '-' || k->ymd[7] != '-'))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct assay_links links = {0};
	const char *base = bases[0];

	if (size > 0) {
		base = bases[data[0] % (sizeof bases / sizeof bases[0])];
		data++;
		size--;
	}
	if (assay_source_parse((const char *)data, size, base, &links) == ASSAY_OK)
		check(&links);
	assay_links_release(&links);
	return 0;
}
