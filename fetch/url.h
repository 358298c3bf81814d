/* url.h - URL handling for the crawler, on top of curl's URL API.
 *
 * Every relative link (feed items, sitemap locations, redirects, feed
 * discovery) is resolved here, so the rules are the same everywhere:
 * a link resolves against the document's own URL, file:// included.
 * Internal to fetch/. */
#ifndef ASSAY_FETCH_URL_H
#define ASSAY_FETCH_URL_H

#include <stdbool.h>

/* Resolves @ref against @base (either may be absolute). Fragments are
 * dropped. *out is a new string; free() it. ASSAY_EINVAL when unparsable. */
int assay_url_resolve(const char *base, const char *ref, char **out);

/* Splits @url into its scheme ("http", "https", "file"), a host key
 * ("https://example.org:443", "file://" for local files) and the path with
 * its query ("/a/b?c"). Each out-parameter may be NULL; strings are new
 * and must be free()d. */
int assay_url_split(const char *url, char **scheme, char **hostkey, char **pathq);

/* True when @url's scheme is http or https. */
bool assay_url_is_web(const char *url);

/* A local path as a file:// URL (made absolute against the current
 * directory). *out is a new string; free() it. */
int assay_url_from_path(const char *path, char **out);

#endif
