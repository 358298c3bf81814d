/* fuzz_sitemap.c - libFuzzer target for the sitemap reader on its own
 * (<urlset>, <sitemapindex>, and the sniffing that picks it).
 *
 * The sniffer and the parser must agree on nothing in particular, but
 * neither may crash, leak or return a link without a URL.
 * Seeds are in tests/fuzz/corpus/sitemap/. */
#include <stdint.h>
#include <stdlib.h>

#include "assay.h"
#include "feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct assay_links links = {0};
	const char *body = (const char *)data;

	(void)assay_sitemap_sniff(body, size);
	if (assay_sitemap_parse(body, size, "https://example.org/sitemap.xml", &links) ==
	    ASSAY_OK) {
		if (links.kind != ASSAY_SRC_URLSET && links.kind != ASSAY_SRC_SITEMAPINDEX)
			abort();
		for (size_t i = 0; i < links.n; i++)
			if (!links.v[i].url || !links.v[i].url[0])
				abort();
	}
	assay_links_release(&links);
	return 0;
}
