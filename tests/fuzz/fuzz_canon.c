/* fuzz_canon.c - libFuzzer target for URL canonicalization (store/canon.c)
 * and link resolution (common/url.c).
 *
 * Input: a URL, then after the first NUL byte (if any) a second string
 * used as a relative reference and as a rel=canonical. The property that
 * matters for identity: canonicalization is idempotent, canon(canon(u)) ==
 * canon(u), or two fetches of one article would get two identities.
 * Seeds are in tests/fuzz/corpus/canon/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "buf.h"
#include "canon.h"
#include "url.h"

static char *dup_n(const uint8_t *p, size_t n)
{
	char *s = malloc(n + 1);

	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

static void check_idempotent(const char *url)
{
	struct assay_buf a = {0}, b = {0};

	if (assay_canonical_url(url, &a) == ASSAY_OK) {
		if (assay_canonical_url(a.data, &b) != ASSAY_OK)
			abort();
		if (strcmp(a.data, b.data) != 0)
			abort();
	}
	assay_buf_release(&a);
	assay_buf_release(&b);
}

static void check_fetch_side(const char *url, const char *ref)
{
	struct assay_buf id = {0};
	char *out = NULL, *scheme = NULL, *host = NULL, *pathq = NULL;

	if (assay_url_resolve(url, ref, &out) == ASSAY_OK) {
		if (!out)
			abort();
		(void)assay_url_split(out, &scheme, &host, &pathq);
		(void)assay_url_is_web(out);
	}
	(void)assay_article_url(url, ref, &id);
	free(out);
	free(scheme);
	free(host);
	free(pathq);
	assay_buf_release(&id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t ulen = nul ? (size_t)(nul - data) : size;
	char *url = dup_n(data, ulen);
	char *ref = nul ? dup_n(nul + 1, size - ulen - 1) : dup_n((const uint8_t *)"", 0);

	if (url && ref) {
		check_idempotent(url);
		check_fetch_side(url, ref);
	}
	free(url);
	free(ref);
	return 0;
}
