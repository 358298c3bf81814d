/* robots.h - robots.txt as RFC 9309 reads it.
 *
 * The rules kept are those of the groups naming our product token
 * (case-insensitive), else those of the "*" groups, else none. The longest
 * matching pattern decides; on a tie Allow wins. Internal to fetch/. */
#ifndef ASSAY_FETCH_ROBOTS_H
#define ASSAY_FETCH_ROBOTS_H

#include <stdbool.h>
#include <stddef.h>

struct assay_robots;

/* Parses @txt for the crawler whose product token is @token ("assay").
 * An empty or unparsable file allows everything. */
int assay_robots_parse(const char *txt, size_t len, const char *token,
		       struct assay_robots **out);
void assay_robots_free(struct assay_robots *r); /* accepts NULL */
/* An allow-everything set of rules (a 4xx robots.txt). */
int assay_robots_allow_all(struct assay_robots **out);

/* @pathq: the URL's path and query, "/a/b?c". */
bool assay_robots_allowed(const struct assay_robots *r, const char *pathq);
/* Seconds asked for between requests, or -1 when none. */
double assay_robots_crawl_delay(const struct assay_robots *r);
/* The Sitemap: lines, in file order. */
size_t assay_robots_sitemaps(const struct assay_robots *r, const char *const **out);

/* Pattern matching with '*' and a final '$', for tests. */
bool assay_robots_match(const char *pattern, const char *pathq);

#endif
