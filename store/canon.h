/* canon.h - canonical URLs: one article, one identity.
 *
 * Two URLs that a reader would take to the same page map to one string:
 * scheme and host in lowercase, no default port, no fragment, no tracking
 * parameters (utm_*, fbclid, gclid and friends: data/tracking_params.tsv),
 * the remaining parameters sorted, no trailing slash on a path, dot segments
 * resolved, percent escapes in uppercase. Only http and https URLs that
 * curl can parse are rewritten; anything else (file:, a bare path, a host
 * with a space) is kept as given, trimmed. */
#ifndef ASSAY_CANON_H
#define ASSAY_CANON_H

#include <stdbool.h>

#include "buf.h"

/* Appends the canonical form of @url to @out.
 * Returns ASSAY_OK, ASSAY_EINVAL (empty or not a URL) or ASSAY_ENOMEM. */
int assay_canonical_url(const char *url, struct assay_buf *out);

/* The identity of a fetched page: its rel=canonical (or og:url) when that
 * is an absolute http(s) URL, else the URL it was fetched from; canonical
 * either way. @rel_canonical may be NULL. */
int assay_article_url(const char *fetched_url, const char *rel_canonical,
		      struct assay_buf *out);

/* *@same: whether @a and @b, absolute http(s) URLs, are on one
 * registrable domain (site.c); false when either is not such a URL.
 * Returns ASSAY_OK or ASSAY_ENOMEM. */
int assay_url_same_site(const char *a, const char *b, bool *same);

#endif
