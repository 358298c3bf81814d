/* sources.h - one source and its settings, as written on a line of a
 * sources file or on the command line:
 *
 *     https://example.org/feed.xml  delay=2 since=7 ua="bot (+https://x.org)"
 *     http://intranet.local/news.rss  private=yes
 *
 * private=yes lets the source's own host resolve to a private address (an
 * intranet feed) while the guard stays on for every other host, redirect
 * targets included.
 * Internal to fetch/. */
#ifndef ASSAY_FETCH_SOURCES_H
#define ASSAY_FETCH_SOURCES_H

#include <stdbool.h>

struct assay_source {
	char *target;      /* URL or local path */
	double delay;      /* seconds, < 0 when not set */
	int since_days;    /* < 0 when not set */
	char *user_agent;  /* or NULL */
	bool allow_private; /* private=yes: this source's own host may be private */
};

/* Parses one line (no comment, not blank). ASSAY_EINVAL on an unknown or
 * malformed setting, with the offending word in @why (64 bytes). */
int assay_source_parse_line(const char *line, struct assay_source *out, char why[64]);
void assay_source_release(struct assay_source *s);

#endif
