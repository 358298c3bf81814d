/* fetch.h - getting pages: feeds, sitemaps and articles over libcurl
 * (http, https, and file:// for local sources named by the user).
 *
 * fetch/ knows nothing of parse/, extract/ or store/: it hands each
 * fetched page to a callback, and keeps its state between runs through
 * the get/put callbacks it is given (tables crawl_frontier,
 * crawl_validators, crawl_robots, crawl_hosts, crawl_delivered,
 * crawl_failures), so a run that is killed resumes where it stopped.
 *
 * Politeness: one request at a time per host (scheme, name and port), at
 * least the host's delay between the end of one and the start of the
 * next, robots.txt read before anything else on the host. Safety: limits
 * on time, speed, size after decompression, redirects, protocols, content
 * types, and private addresses checked on the address connected to. */
#ifndef ASSAY_FETCH_H
#define ASSAY_FETCH_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "assay.h"
#include "buf.h"

/* One fetched article page, borrowed for the length of the callback. */
struct assay_page {
	const char *url;          /* the URL as listed by the source */
	const char *final_url;    /* after redirects */
	const char *content_type; /* from the server, or NULL */
	const char *charset;      /* from Content-Type, or NULL */
	const char *body;
	size_t len;
	const char *published;    /* from the feed item, "YYYY-MM-DD", or NULL */
	const char *title;        /* from the feed item, or NULL */
	int64_t fetched_at;       /* unix seconds */
	const char *warc_file;    /* the WARC file holding the response, or NULL */
	int64_t warc_offset;      /* where its response record starts */
	const char *site;         /* the site's name from the source (an archive's
				   * record, `ingest --site`), or NULL */
};

/* What was read and how it went: the crawler's counters, or ingest's as
 * it reads files and archives. What became of the pages handed on (new
 * articles, duplicates, claims) is the pipeline's to count (pipeline.h);
 * the run's summary (cli.md) is made of both. */
struct assay_fetch_counts {
	unsigned sources;       /* sources crawled, or paths ingested */
	unsigned pages_fetched; /* article pages read and handed on */
	unsigned not_modified;  /* answered 304: unchanged since the last run */
	unsigned errors;        /* URLs or inputs that failed here; a page the
				 * hooks refused is counted by their owner */
	unsigned skipped_known; /* stored already, so not fetched */
	unsigned robots_denied; /* refused by robots.txt */
	unsigned deferred;      /* left for the next run (budget, server trouble) */
	unsigned too_old;       /* items older than --since, not fetched */
	unsigned retries;       /* requests tried again */
	unsigned dropped;       /* URLs not queued: over a depth, fan-out or queue bound */
	unsigned records_skipped; /* WARC records that are not pages (ingest) */
	double seconds;
	bool stopped;           /* a --max-pages or --max-seconds budget ran out */
};

struct assay_crawl_hooks {
	void *ctx;
	/* True when the article URL is stored already (then it is not fetched). */
	bool (*is_known)(void *ctx, const char *url);
	/* A fetched page; returns ASSAY_OK or an error (counted by the hooks'
	 * owner, not in the crawl's errors; the crawl goes on). */
	int (*on_page)(void *ctx, const struct assay_page *page);
	/* Optional, in place of on_page: hands a page on to be stored later
	 * (by a pool of workers, `crawl --jobs`). ASSAY_OK when queued,
	 * ASSAY_ETOOBIG when the queue is full (settle one, then try
	 * again), or another error for this page (counted by the hooks'
	 * owner, as with on_page; the crawl goes on). */
	int (*queue_page)(void *ctx, const struct assay_page *page);
	/* With queue_page: the oldest page queued and not settled yet, once
	 * it is stored or has failed: true, and in *rc what on_page would
	 * have returned for it. False when it is not done yet (with @wait,
	 * it waits: false only when nothing is queued). Pages settle in the
	 * order they were queued. The crawler marks a URL done (out of the
	 * frontier, into crawl_delivered) only when it settles, so a run
	 * killed at any point neither loses a page nor stores one twice. */
	bool (*settle)(void *ctx, bool wait, int *rc);
	/* Crawl state between runs; get returns ASSAY_ENOTFOUND when absent. */
	int (*state_get)(void *ctx, const char *table, const char *key, struct assay_buf *val);
	int (*state_put)(void *ctx, const char *table, const char *key, const void *val,
			 size_t len);
	/* Optional: called about once a second and at the end, for a
	 * progress line; @queued is the number of URLs still to fetch. */
	void (*progress)(void *ctx, const struct assay_fetch_counts *sum, unsigned queued);
};

struct assay_crawl_opts {
	const char *user_agent;   /* NULL: "assay/VERSION (+https://example.org/assay)" */
	double delay;             /* seconds between requests to one host (default 1) */
	int since_days;           /* feed items older than this are skipped (30) */
	bool refetch;             /* fetch stored articles again */
	bool allow_private;       /* allow loopback/private addresses */
	unsigned max_pages;       /* 0: no limit */
	double max_seconds;       /* 0: no limit; 600 by default, so an hourly
				   * run ends well within its hour whatever a
				   * server does, and leaves the rest for the next */
	const char *warc_path;    /* write WARC records here, or NULL */
	/* Limits, set by assay_crawl_opts_init() to safe defaults: */
	double connect_timeout;   /* seconds (10) */
	double timeout;           /* seconds for a whole transfer (30) */
	long low_speed_bytes;     /* abort a transfer slower than this... (1 KB/s) */
	long low_speed_secs;      /* ...for this long (10 s) */
	size_t max_body;          /* bytes after decompression (10 MB) */
	int max_redirects;        /* (5) */
	int max_retries;          /* tries after the first, per URL and run (3) */
	double retry_base;        /* first backoff in seconds, doubled each time (1) */
	double max_retry_after;   /* cap on Retry-After and Crawl-delay waits (120 s) */
	double max_crawl_delay;   /* cap on robots.txt Crawl-delay (30 s) */
	double robots_ttl;        /* seconds a robots.txt is trusted (86400) */
	unsigned max_parallel;    /* transfers at once, over all hosts (32) */
	/* Discovery bounds: what a hostile site (a sitemap index listing
	 * 50,000 new indexes each, pages with 2,000 feed links) can make us
	 * queue. What goes over is counted in the summary as dropped, and the
	 * listing is fetched whole again next run. */
	unsigned max_depth;       /* listings followed below a source (3) */
	unsigned max_links;       /* links taken from one listing (50,000) */
	unsigned max_feeds;       /* feeds taken from one HTML page (16) */
	unsigned max_per_source;  /* URLs one source may queue in a run (20,000) */
	unsigned max_per_host;    /* URLs one host may be given in a run (20,000) */
	unsigned max_queue;       /* URLs queued at once, and so saved (100,000) */
	/* The product token matched in robots.txt ("assay"). It does not
	 * follow user_agent: a site's rules for assay hold whatever the
	 * operator writes in the User-Agent header. */
	const char *robots_token;
	/* When set, the crawl stops (saving its frontier) once *stop != 0:
	 * point it at a flag a signal handler sets. */
	const volatile sig_atomic_t *stop;
};

/* The user agent used when none is given. */
#define ASSAY_DEFAULT_USER_AGENT "assay/" ASSAY_VERSION " (+https://example.org/assay)"

/* Reads a sources file: one source a line (URL or local path), optionally
 * followed by settings `delay=S since=DAYS ua="..."`; '#' starts a comment.
 * Relative local paths are anchored at the file's folder. *out is a new
 * array of new strings, each a line assay_crawl() accepts as a source;
 * free it with assay_sources_free(). */
int assay_sources_read(const char *path, char ***out, size_t *n);
void assay_sources_free(char **v, size_t n);

void assay_crawl_opts_init(struct assay_crawl_opts *o);

/* Crawls every source (feed, sitemap, article URL, local file or folder).
 * Each source string may carry settings as in a sources file.
 * Returns ASSAY_OK when everything was fetched and handed on, ASSAY_EFETCH
 * when some sources or pages failed (@sum counts those that failed here,
 * the hooks' owner those it refused), or another error
 * when nothing could be done. */
int assay_crawl(const char *const *sources, size_t nsources, const struct assay_crawl_opts *opts,
		const struct assay_crawl_hooks *hooks, struct assay_fetch_counts *sum);

/* One page, fetched as the crawler fetches an article (robots.txt, the
 * limits of @o, private addresses refused unless allowed, each redirect
 * checked again), for `clean -u` and `extract -u`. */
struct assay_fetched {
	char *url;                   /* after redirects */
	char *content_type, *charset; /* from the server, or NULL */
	struct assay_buf body;
};

/* Fills @out (release it with assay_fetched_release()); on failure
 * returns an error and says why in @why ("connection refused", "HTTP 404",
 * "disallowed by robots.txt"...). */
int assay_fetch_one(const char *url, const struct assay_crawl_opts *o, struct assay_fetched *out,
		    char why[256]);
void assay_fetched_release(struct assay_fetched *f); /* accepts a zeroed struct */

#endif
