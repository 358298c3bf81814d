/* url.c - resolving and splitting URLs with curl_url(), never by hand:
 * hand-rolled URL parsing is where crawlers disagree with servers (see
 * url.h). */
#include <curl/curl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "assay.h"
#include "buf.h"
#include "url.h"

/* Host names are case-insensitive: one spelling, so a URL is seen once. */
static void lower_host(CURLU *u)
{
	char *host = NULL;

	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host)
		return;
	for (char *p = host; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	curl_url_set(u, CURLUPART_HOST, host, 0);
	curl_free(host);
}

int assay_url_resolve(const char *base, const char *ref, char **out)
{
	CURLU *u = curl_url();
	char *s = NULL;
	int rc = ASSAY_EINVAL;

	*out = NULL;
	if (!u)
		return ASSAY_ENOMEM;
	if (base && curl_url_set(u, CURLUPART_URL, base, 0) != CURLUE_OK)
		goto fail;
	/* Relative to what is set already; absolute replaces it. Spaces and
	 * other stray bytes seen in real feeds are percent-encoded. */
	if (curl_url_set(u, CURLUPART_URL, ref, CURLU_URLENCODE | CURLU_NON_SUPPORT_SCHEME) !=
	    CURLUE_OK)
		goto fail;
	curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);
	lower_host(u);
	if (curl_url_get(u, CURLUPART_URL, &s, 0) != CURLUE_OK)
		goto fail;
	*out = strdup(s);
	rc = *out ? ASSAY_OK : ASSAY_ENOMEM;
fail:
	curl_free(s);
	curl_url_cleanup(u);
	return rc;
}

static int dup_part(CURLU *u, CURLUPart part, char **out)
{
	char *s = NULL;

	if (curl_url_get(u, part, &s, 0) != CURLUE_OK)
		return ASSAY_EINVAL;
	*out = strdup(s);
	curl_free(s);
	return *out ? ASSAY_OK : ASSAY_ENOMEM;
}

static int make_hostkey(CURLU *u, const char *scheme, char **out)
{
	struct assay_buf b = {0};
	char *host = NULL, *port = NULL;
	int rc;

	if (strcasecmp(scheme, "file") == 0) {
		*out = strdup("file://");
		return *out ? ASSAY_OK : ASSAY_ENOMEM;
	}
	rc = dup_part(u, CURLUPART_HOST, &host);
	if (rc)
		goto fail;
	if (curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK) {
		rc = ASSAY_EINVAL;
		goto fail;
	}
	rc = assay_buf_printf(&b, "%s://%s:%s", scheme, host, port);
	if (rc)
		goto fail;
	for (char *p = b.data; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	*out = assay_buf_steal(&b);
	rc = *out ? ASSAY_OK : ASSAY_ENOMEM;
fail:
	assay_buf_release(&b);
	curl_free(port);
	free(host);
	return rc;
}

int assay_url_split(const char *url, char **scheme, char **hostkey, char **pathq)
{
	CURLU *u = curl_url();
	char *sch = NULL, *path = NULL, *query = NULL;
	int rc = ASSAY_EINVAL;

	if (!u)
		return ASSAY_ENOMEM;
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
		goto fail;
	rc = dup_part(u, CURLUPART_SCHEME, &sch);
	if (rc)
		goto fail;
	if (hostkey && (rc = make_hostkey(u, sch, hostkey)) != ASSAY_OK)
		goto fail;
	if (pathq) {
		struct assay_buf b = {0};

		curl_url_get(u, CURLUPART_PATH, &path, 0);
		curl_url_get(u, CURLUPART_QUERY, &query, 0);
		if (assay_buf_puts(&b, path ? path : "/") ||
		    (query && (assay_buf_putc(&b, '?') || assay_buf_puts(&b, query)))) {
			assay_buf_release(&b);
			rc = ASSAY_ENOMEM;
			goto fail;
		}
		*pathq = assay_buf_steal(&b);
		if (!*pathq) {
			rc = ASSAY_ENOMEM;
			goto fail;
		}
	}
	if (scheme) {
		*scheme = sch;
		sch = NULL;
	}
	rc = ASSAY_OK;
fail:
	curl_free(path);
	curl_free(query);
	free(sch);
	curl_url_cleanup(u);
	return rc;
}

/* A part as a new string, or NULL when the URL has none. */
static int own_part(CURLU *u, CURLUPart part, char **out)
{
	char *s = NULL;
	CURLUcode uc = curl_url_get(u, part, &s, 0);

	*out = NULL;
	if (uc == CURLUE_OUT_OF_MEMORY)
		return ASSAY_ENOMEM;
	if (uc != CURLUE_OK || !s)
		return ASSAY_OK;
	*out = strdup(s);
	curl_free(s);
	return *out ? ASSAY_OK : ASSAY_ENOMEM;
}

int assay_url_parts(const char *url, struct assay_url_parts *out)
{
	/* As written: no dot segments squashed, spaces kept for the caller. */
	const unsigned flags = CURLU_NON_SUPPORT_SCHEME | CURLU_PATH_AS_IS | CURLU_ALLOW_SPACE;
	CURLU *u = curl_url();
	CURLUcode uc;
	int rc;

	memset(out, 0, sizeof *out);
	if (!u)
		return ASSAY_ENOMEM;
	uc = curl_url_set(u, CURLUPART_URL, url, flags);
	rc = uc == CURLUE_OK ? ASSAY_OK : uc == CURLUE_OUT_OF_MEMORY ? ASSAY_ENOMEM : ASSAY_EINVAL;
	if (!rc)
		rc = own_part(u, CURLUPART_SCHEME, &out->scheme);
	if (!rc)
		rc = own_part(u, CURLUPART_HOST, &out->host);
	if (!rc)
		rc = own_part(u, CURLUPART_PORT, &out->port);
	if (!rc)
		rc = own_part(u, CURLUPART_PATH, &out->path);
	if (!rc)
		rc = own_part(u, CURLUPART_QUERY, &out->query);
	curl_url_cleanup(u);
	if (rc)
		assay_url_parts_release(out);
	return rc;
}

void assay_url_parts_release(struct assay_url_parts *p)
{
	free(p->scheme);
	free(p->host);
	free(p->port);
	free(p->path);
	free(p->query);
	memset(p, 0, sizeof *p);
}

bool assay_url_is_web(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0;
}

int assay_url_from_path(const char *path, char **out)
{
	CURLU *u = curl_url();
	char cwd[PATH_MAX];
	struct assay_buf abs = {0};
	char *s = NULL;
	int rc = ASSAY_ENOMEM;

	*out = NULL;
	if (!u)
		return ASSAY_ENOMEM;
	if (realpath(path, cwd)) { /* one spelling per file: no "a//b", "./" */
		if (assay_buf_puts(&abs, cwd))
			goto fail;
	} else if (path[0] != '/') {
		if (!getcwd(cwd, sizeof cwd)) {
			rc = ASSAY_EIO;
			goto fail;
		}
		if (assay_buf_printf(&abs, "%s/%s", cwd, path))
			goto fail;
	} else if (assay_buf_puts(&abs, path)) {
		goto fail;
	}
	rc = ASSAY_EINVAL;
	if (curl_url_set(u, CURLUPART_SCHEME, "file", 0) != CURLUE_OK ||
	    curl_url_set(u, CURLUPART_PATH, abs.data, CURLU_URLENCODE) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_URL, &s, 0) != CURLUE_OK)
		goto fail;
	*out = strdup(s);
	rc = *out ? ASSAY_OK : ASSAY_ENOMEM;
fail:
	curl_free(s);
	assay_buf_release(&abs);
	curl_url_cleanup(u);
	return rc;
}
