/* crawler.h - the crawler's own structures, shared by crawl.c (the
 * scheduler), handle.c (what a finished request means) and state.c
 * (what survives between runs). Internal to fetch/.
 *
 * Invariant: a job is in exactly one place - a host's queue, in flight
 * (struct flight), handed on and not yet stored (the pending list, with
 * hooks->queue_page), the deferred list, or freed. Every place but the
 * last is in the saved frontier: a URL leaves it only once its page is
 * stored or its failure recorded. */
#ifndef ASSAY_FETCH_CRAWLER_H
#define ASSAY_FETCH_CRAWLER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fetch.h"
#include "http.h"
#include "map.h"
#include "robots.h"
#include "sources.h"
#include "warc.h"

#define MAX_RUNS_FAILED 3 /* a URL failing in this many runs is dropped */
/* Timeouts, too-slow answers, 429s and 503s a host may give in one run;
 * then the rest of its URLs wait for the next run. */
#define MAX_HOST_TROUBLE 3

enum job_kind {
	JOB_SOURCE,  /* named by the user: feed, sitemap, page or robots.txt */
	JOB_FEED,    /* found by discovery */
	JOB_SITEMAP, /* from an index or robots.txt */
	JOB_PAGE,    /* an article */
	JOB_ROBOTS,
};

struct job {
	struct job *next;
	enum job_kind kind;
	char *url;       /* what to fetch now */
	char *origin;    /* as listed, before redirects; NULL: same as url */
	char *title;     /* from the listing, or NULL */
	char ymd[11];    /* publication date from the listing, or "" */
	int hops;        /* redirects followed so far */
	int attempts;    /* tries in this run */
	int runs;        /* runs that failed it before this one */
	int src;         /* index of the source it came from, -1 when resumed */
	int depth;       /* listings between it and its source (0: the source) */
	bool local;      /* file:// allowed: named by the user, or listed by a local file */
	bool offhost;    /* a robots.txt redirected to another host: no private=yes there */
	double not_before;
};

enum robots_state { ROBOTS_NONE, ROBOTS_PENDING, ROBOTS_READY, ROBOTS_FAILED };

struct host {
	char *key;       /* "https://example.org:443" or "file://" */
	double next_at;  /* monotonic time of the next allowed request */
	double delay;
	bool busy, delay_set;
	int robots_tries;
	int robots_hops;    /* redirects followed for robots.txt */
	char *robots_url;   /* where a redirect sent robots.txt, or NULL */
	bool allow_private; /* named by a source with private=yes */
	unsigned admitted;  /* URLs discovery queued for it this run */
	unsigned trouble;   /* timeouts, slow answers, 429/503 this run */
	bool parked;        /* too much trouble: its URLs wait for the next run */
	enum robots_state robots_state;
	char robots_why[256];  /* why robots.txt could not be had, in words */
	struct assay_robots *robots;
	struct job *head, *tail;
};

struct flight {
	struct assay_http_req req;
	struct job *job;
	struct host *host;
	struct flight *next;
};

struct crawler {
	const struct assay_crawl_opts *o;
	const struct assay_crawl_hooks *hk;
	struct assay_fetch_counts *sum;
	unsigned refused; /* pages the hooks refused (their owner counts them) */
	struct assay_http *http;
	struct host **hosts;
	size_t nhosts, caphosts;
	struct assay_map host_index; /* host key -> index in hosts + 1 */
	char last_origin[128];   /* "scheme://authority" of the last URL looked up... */
	struct host *last_host;  /* ...and its host: links of a listing share it */
	struct assay_source *srcs;
	unsigned *src_admitted; /* per source: URLs discovery queued this run */
	size_t nsrcs, capsrcs, capadmitted;
	uint64_t *seen;  /* open-addressing set of URL hashes; 0 is empty */
	size_t nseen, capseen;
	struct flight *flights;
	struct job *deferred;
	struct job *pending, *pending_tail; /* queued for storing, oldest first */
	unsigned npending;
	struct assay_warc_writer *warc;
	double t0, deadline, last_save, last_progress;
	int64_t wall0;
	unsigned queued;
	unsigned pages_started; /* for the --max-pages budget */
	size_t rr;              /* the host scheduled last */
	size_t frontier_bytes;  /* size of the frontier last saved */
	bool dirty;      /* the frontier changed since it was saved */
};

/* crawl.c */
/* The HTTP limits the options set (the crawl's and `fetch`'s one URL). */
void crawler_http_limits(const struct assay_crawl_opts *o, struct assay_http_limits *lim);
int crawler_enqueue(struct crawler *c, struct job *j, bool front);
/* Whether discovery may queue one more URL for @host from source @src
 * (the depth, per-source, per-host and whole-queue bounds); counts it
 * as dropped when not. */
bool crawler_admit(struct crawler *c, const char *url, int src, int depth, bool listing);
struct job *crawler_job_new(enum job_kind kind, const char *url, int src);
void crawler_job_free(struct job *j);
/* Puts @j last in the list from *head to *tail (a host's queue, the
 * pages waiting to be stored). */
void crawler_job_append(struct job **head, struct job **tail, struct job *j);
struct host *crawler_host(struct crawler *c, const char *url);
bool crawler_seen(struct crawler *c, const char *url); /* marks it seen */
const char *crawler_ua(const struct crawler *c, const struct job *j);
/* Counts a timeout, too-slow answer, 429 or 503 against @h; at
 * MAX_HOST_TROUBLE its queue, and what comes for it later, waits for the
 * next run (no fault of the URLs: no failed run is counted). */
void crawler_host_trouble(struct crawler *c, struct host *h);
/* Takes a robots.txt body (NULL: allow all) as the host's rules. */
void crawler_set_robots(struct crawler *c, struct host *h, const char *txt, size_t len);
double crawler_since_cutoff(const struct crawler *c, int src);
bool crawler_since_explicit(const struct crawler *c, int src);

/* handle.c */
int crawler_handle(struct crawler *c, struct flight *f);
/* Takes back the pages queued for storing that are stored by now (with
 * @wait: all of them), marking each done or failed. ASSAY_OK, or
 * ASSAY_ENOMEM when a page could not be stored for want of memory. */
int crawler_settle(struct crawler *c, bool wait);
void crawler_fail(struct crawler *c, struct job *j, bool retryable, const char *why);

/* state.c: everything kept through hooks->state_get/state_put. */
int crawl_state_load_frontier(struct crawler *c);
int crawl_state_save_frontier(struct crawler *c);
int crawl_state_get_validators(struct crawler *c, const char *url, char **etag, char **lm);
int crawl_state_put_validators(struct crawler *c, const char *url, const char *etag, const char *lm);
/* The cached robots.txt body of a host, if fetched less than ttl ago
 * (@fresh), else its validators for a conditional GET. */
int crawl_state_get_robots(struct crawler *c, const char *hostkey, bool *fresh, struct assay_buf *body,
		     char **etag, char **lm);
int crawl_state_put_robots(struct crawler *c, const char *hostkey, const char *body, size_t len,
		     const char *etag, const char *lm);
/* Wall-clock time before which a host asked not to be contacted. */
int64_t crawl_state_get_host_until(struct crawler *c, const char *hostkey);
int crawl_state_put_host_until(struct crawler *c, const char *hostkey, int64_t until);
/* Article URLs handed to on_page successfully (table crawl_delivered). */
bool crawl_state_was_delivered(struct crawler *c, const char *url);
int crawl_state_put_delivered(struct crawler *c, const char *url, const char *final_url);
int crawl_state_count_failure(struct crawler *c, const char *url, const char *why);

#endif
