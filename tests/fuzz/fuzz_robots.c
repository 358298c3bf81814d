/* fuzz_robots.c - libFuzzer target for robots.txt (RFC 9309).
 *
 * Input: the robots.txt, then after the first NUL byte (if any) a path to
 * ask about. Checks: parsing never fails on content (an unparsable file
 * allows everything), a crawl delay is -1 or not negative, and "/robots.txt"
 * itself is always allowed. The pattern matcher is also run on the
 * file's lines against the path, so '*' and '$' get exercised with both
 * sides chosen by the fuzzer. Seeds are in tests/fuzz/corpus/robots/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "robots.h"

static void match_lines(const char *txt, size_t len, const char *path)
{
	char line[512];
	size_t i = 0;

	while (i < len) {
		size_t j = i, n;

		while (j < len && txt[j] != '\n')
			j++;
		n = j - i < sizeof line - 1 ? j - i : sizeof line - 1;
		memcpy(line, txt + i, n);
		line[n] = '\0';
		(void)assay_robots_match(line, path);
		i = j + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *txt = (const char *)data;
	const char *nul = memchr(data, '\0', size);
	size_t tlen = nul ? (size_t)(nul - txt) : size;
	char path[1024] = "/news/2024/article?id=1";
	struct assay_robots *r = NULL;
	const char *const *maps;
	size_t nmaps;
	double d;

	if (nul) {
		size_t plen = size - tlen - 1;

		if (plen >= sizeof path)
			plen = sizeof path - 1;
		memcpy(path, nul + 1, plen);
		path[plen] = '\0';
	}
	if (assay_robots_parse(txt, tlen, "assay", &r) != ASSAY_OK)
		return 0; /* only ENOMEM may fail, and libFuzzer does not inject it */
	(void)assay_robots_allowed(r, path);
	if (!assay_robots_allowed(r, "/robots.txt"))
		abort(); /* RFC 9309 2.2.2: always allowed */
	d = assay_robots_crawl_delay(r);
	if (d < 0 && d != -1)
		abort();
	nmaps = assay_robots_sitemaps(r, &maps);
	for (size_t i = 0; i < nmaps; i++)
		if (!maps[i])
			abort();
	assay_robots_free(r);
	if (tlen < 4096)
		match_lines(txt, tlen, path);
	return 0;
}
