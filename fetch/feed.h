/* feed.h - what a source document lists: feed items, sitemap locations,
 * child sitemaps, or the feeds an HTML page links to.
 *
 * One entry point sniffs the document (JSON Feed, RSS 2.0, RSS 1.0/RDF,
 * Atom, sitemap, sitemap index, HTML) and returns its links resolved
 * against the document's own URL. Internal to fetch/; no libxml2 types
 * cross this header. */
#ifndef ASSAY_FETCH_FEED_H
#define ASSAY_FETCH_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum assay_src_kind {
	ASSAY_SRC_UNKNOWN,
	ASSAY_SRC_RSS,
	ASSAY_SRC_RDF,
	ASSAY_SRC_ATOM,
	ASSAY_SRC_JSONFEED,
	ASSAY_SRC_URLSET,       /* links are pages */
	ASSAY_SRC_SITEMAPINDEX, /* links are sitemaps */
	ASSAY_SRC_HTML,         /* links are feeds (discovery); none: a page */
};

struct assay_link {
	char *url;
	char *title;     /* or NULL */
	char ymd[11];    /* publication date "YYYY-MM-DD", or "" */
	int64_t when;    /* publication time, unix seconds; 0 unknown */
};

struct assay_links {
	enum assay_src_kind kind;
	bool is_article;  /* HTML that says it is an article (og:type, JSON-LD) */
	struct assay_link *v;
	size_t n, cap;
};

/* Parses @body (already inflated) fetched from @base_url. ASSAY_EPARSE
 * when it is none of the known kinds. Appends to @out. */
int assay_source_parse(const char *body, size_t len, const char *base_url,
		       struct assay_links *out);
void assay_links_release(struct assay_links *l);

/* Adds @href resolved against @base, with its title and date text (any of
 * RFC 822, RFC 3339 / ISO 8601). Skips links that do not resolve. */
int assay_links_add(struct assay_links *l, const char *base, const char *href,
		    const char *title, const char *date);

/* Parses an RFC 822 or ISO 8601 date. Returns unix seconds (0 when not a
 * date) and writes the calendar date as written to @ymd ("" when none). */
int64_t assay_parse_date(const char *s, char ymd[11]);

/* sitemap.c: a <urlset> or <sitemapindex>; ASSAY_EPARSE for anything else. */
int assay_sitemap_parse(const char *body, size_t len, const char *base_url,
			struct assay_links *out);
/* A plain-text sitemap: one absolute http(s) URL a line. ASSAY_EPARSE
 * when the text does not start with one. */
int assay_sitemap_parse_text(const char *body, size_t len, const char *base_url,
			     struct assay_links *out);
/* True when the first bytes look like a sitemap rather than a feed. */
int assay_sitemap_sniff(const char *body, size_t len);

#endif
