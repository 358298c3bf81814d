/* url.h - URLs, on top of curl's URL API (curl_url()), never split by
 * hand: hand-rolled URL parsing is where crawlers disagree with servers.
 *
 * Every relative link (feed items, sitemap locations, redirects, feed
 * discovery) is resolved here, so the rules are the same everywhere: a
 * link resolves against the document's own URL, file:// included. The
 * store's canonical URLs (store/canon.c) start from assay_url_parts(). */
#ifndef ASSAY_URL_H
#define ASSAY_URL_H

#include <stdbool.h>

/* Resolves @ref against @base (either may be absolute). Fragments are
 * dropped. *out is a new string; free() it. ASSAY_EINVAL when unparsable. */
int assay_url_resolve(const char *base, const char *ref, char **out);

/* Splits @url into its scheme ("http", "https", "file"), a host key
 * ("https://example.org:443", "file://" for local files) and the path with
 * its query ("/a/b?c"). Each out-parameter may be NULL; strings are new
 * and must be free()d. */
int assay_url_split(const char *url, char **scheme, char **hostkey, char **pathq);

/* The parts of @url as written: nothing is decoded, lowered or resolved
 * (dot segments, case and percent escapes stay for the caller to judge).
 * Each part is a new string (free() it; assay_url_parts_release() frees
 * them all), NULL when the URL has none: port only when written, query
 * without its '?'. The fragment and any user name and password are left
 * out. ASSAY_EINVAL when curl cannot parse @url; ASSAY_ENOMEM. */
struct assay_url_parts {
	char *scheme, *host, *port, *path, *query;
};

int assay_url_parts(const char *url, struct assay_url_parts *out);
void assay_url_parts_release(struct assay_url_parts *p); /* accepts a zeroed one */

/* True when @url's scheme is http or https. */
bool assay_url_is_web(const char *url);

/* A local path as a file:// URL (made absolute against the current
 * directory). *out is a new string; free() it. */
int assay_url_from_path(const char *path, char **out);

#endif
