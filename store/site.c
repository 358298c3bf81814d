/* site.c - whether two URLs belong to one site: the same registrable
 * domain ("news.bbc.co.uk" and "www.bbc.co.uk" do, "evil.co.uk" does
 * not), by the Public Suffix List that libpsl builds in. An address
 * (127.0.0.1, [::1]) or a public suffix itself is only its own site.
 *
 * A page names its own canonical URL; another site's URL there is a
 * claim the page cannot make: it would take over that site's article. */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <libpsl.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "canon.h"

/* The host of an absolute http(s) URL, lowercased, in *host (NULL when
 * the URL has none); curl_free() it. ASSAY_ENOMEM when out of memory. */
static int host_of(const char *url, char **host)
{
	CURLU *u = curl_url();
	CURLUcode uc;

	*host = NULL;
	if (!u)
		return ASSAY_ENOMEM;
	uc = curl_url_set(u, CURLUPART_URL, url, 0);
	if (uc == CURLUE_OK)
		uc = curl_url_get(u, CURLUPART_HOST, host, 0);
	curl_url_cleanup(u);
	if (uc == CURLUE_OUT_OF_MEMORY)
		return ASSAY_ENOMEM;
	for (char *p = *host; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return ASSAY_OK;
}

static bool is_address(const char *host)
{
	unsigned char a[16];

	return host[0] == '[' || inet_pton(AF_INET, host, a) == 1;
}

int assay_url_same_site(const char *a, const char *b, bool *same)
{
	char *ha = NULL, *hb = NULL;
	int rc = host_of(a, &ha);

	*same = false;
	if (!rc)
		rc = host_of(b, &hb);
	if (!rc && ha && hb) {
		const psl_ctx_t *psl = psl_builtin();
		const char *ra = NULL, *rb = NULL;

		if (psl && !is_address(ha) && !is_address(hb)) {
			ra = psl_registrable_domain(psl, ha);
			rb = psl_registrable_domain(psl, hb);
		}
		*same = ra && rb ? strcmp(ra, rb) == 0 : strcmp(ha, hb) == 0;
	}
	curl_free(ha);
	curl_free(hb);
	return rc;
}
