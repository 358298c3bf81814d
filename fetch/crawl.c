/* crawl.c - the scheduler: many hosts in parallel, one request at a time
 * per host, and at least the host's delay between the end of one request
 * and the start of the next.
 *
 * A host's delay is the larger of the configured delay (per source or
 * global) and its robots.txt Crawl-delay (capped); a 429 or 503 doubles
 * it and holds the host for its Retry-After. No request to a web host
 * goes out before its robots.txt is known. */
#include <curl/curl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "array.h"
#include "assay.h"
#include "crawler.h"
#include "hash.h"
#include "log.h"
#include "map.h"
#include "url.h"

/* How often the loop looks for stored pages while some are pending. */
#define PENDING_POLL_MS 10

void assay_crawl_opts_init(struct assay_crawl_opts *o)
{
	struct assay_http_limits lim; /* a transfer's limits: http.c's defaults */

	assay_http_limits_init(&lim);
	memset(o, 0, sizeof *o);
	o->delay = 1;
	o->since_days = 30;
	o->connect_timeout = (double)lim.connect_timeout_ms / 1000;
	o->timeout = (double)lim.timeout_ms / 1000;
	o->low_speed_bytes = lim.low_speed_bytes;
	o->max_seconds = 600;
	o->low_speed_secs = lim.low_speed_secs;
	o->max_body = lim.max_body;
	o->max_redirects = 5;
	o->max_retries = 3;
	o->retry_base = 1;
	o->max_retry_after = 120;
	o->max_crawl_delay = 30;
	o->robots_ttl = 86400;
	o->robots_token = "assay";
	o->max_parallel = 32;
	o->max_depth = 3;
	o->max_links = 50000;
	o->max_feeds = 16;
	o->max_per_source = 20000;
	o->max_per_host = 20000;
	o->max_queue = 100000;
}

void crawler_http_limits(const struct assay_crawl_opts *o, struct assay_http_limits *lim)
{
	assay_http_limits_init(lim);
	lim->connect_timeout_ms = (long)(o->connect_timeout * 1000);
	lim->timeout_ms = (long)(o->timeout * 1000);
	lim->low_speed_bytes = o->low_speed_bytes;
	lim->low_speed_secs = o->low_speed_secs;
	lim->max_body = o->max_body;
	lim->allow_private = o->allow_private;
}

struct job *crawler_job_new(enum job_kind kind, const char *url, int src)
{
	struct job *j = calloc(1, sizeof *j);

	if (!j)
		return NULL;
	j->kind = kind;
	j->src = src;
	if (!(j->url = strdup(url))) {
		free(j);
		return NULL;
	}
	return j;
}

void crawler_job_free(struct job *j)
{
	if (!j)
		return;
	free(j->url);
	free(j->origin);
	free(j->title);
	free(j);
}

void crawler_job_append(struct job **head, struct job **tail, struct job *j)
{
	j->next = NULL;
	if (*tail)
		(*tail)->next = j;
	else
		*head = j;
	*tail = j;
}

const char *crawler_ua(const struct crawler *c, const struct job *j)
{
	if (j->src >= 0 && (size_t)j->src < c->nsrcs && c->srcs[j->src].user_agent)
		return c->srcs[j->src].user_agent;
	return c->o->user_agent ? c->o->user_agent : ASSAY_DEFAULT_USER_AGENT;
}

double crawler_since_cutoff(const struct crawler *c, int src)
{
	int days = c->o->since_days;

	if (src >= 0 && (size_t)src < c->nsrcs && c->srcs[src].since_days >= 0)
		days = c->srcs[src].since_days;
	return days > 0 ? (double)c->wall0 - days * 86400.0 : 0;
}

bool crawler_since_explicit(const struct crawler *c, int src)
{
	return src >= 0 && (size_t)src < c->nsrcs && c->srcs[src].since_days >= 0;
}

bool crawler_seen(struct crawler *c, const char *url)
{
	uint64_t h = assay_hash64(url, strlen(url), 0x5eed) | 1;
	size_t i;

	if (c->nseen * 2 >= c->capseen) {
		size_t cap = c->capseen ? c->capseen * 2 : 1024;
		uint64_t *t = calloc(cap, sizeof *t);

		if (!t)
			return false; /* out of memory: fetching twice is the lesser harm */
		for (size_t k = 0; k < c->capseen; k++) {
			if (!c->seen[k])
				continue;
			for (i = c->seen[k] & (cap - 1); t[i]; i = (i + 1) & (cap - 1))
				;
			t[i] = c->seen[k];
		}
		free(c->seen);
		c->seen = t;
		c->capseen = cap;
	}
	for (i = h & (c->capseen - 1); c->seen[i]; i = (i + 1) & (c->capseen - 1))
		if (c->seen[i] == h)
			return true;
	c->seen[i] = h;
	c->nseen++;
	return false;
}

static struct host *host_new(struct crawler *c, const char *key)
{
	struct host *h = calloc(1, sizeof *h);
	int64_t until;

	if (!h || !(h->key = strdup(key))) {
		free(h);
		return NULL;
	}
	h->delay = c->o->delay;
	h->next_at = assay_now();
	if (strcmp(key, "file://") == 0) {
		h->delay = 0;
		h->robots_state = ROBOTS_READY;
	} else if ((until = crawl_state_get_host_until(c, key)) > c->wall0) {
		/* An earlier run was told to wait (Retry-After). */
		h->next_at += (double)(until - c->wall0);
	}
	return h;
}

/* The length of "scheme://authority" at the start of @url, or 0. */
static size_t origin_len(const char *url)
{
	const char *p = strstr(url, "://");

	if (!p || strncmp(url, "file:", 5) == 0)
		return 0;
	return (size_t)(p + 3 - url) + strcspn(p + 3, "/?#");
}

struct host *crawler_host(struct crawler *c, const char *url)
{
	char *key = NULL;
	struct host *h = NULL;
	size_t *index, on = origin_len(url);

	/* The same scheme and authority, byte for byte, is the same host:
	 * no URL parse for the thousands of links of one sitemap. */
	if (on && on < sizeof c->last_origin && c->last_host && c->last_origin[on] == 0 &&
	    memcmp(c->last_origin, url, on) == 0)
		return c->last_host;
	if (assay_url_split(url, NULL, &key, NULL))
		return NULL;
	/* a hash probe per link, not a scan of every host: a listing may
	 * name thousands of hosts */
	if (assay_map_put(&c->host_index, key, strlen(key), &index))
		goto done;
	if (*index) {
		h = c->hosts[*index - 1];
		goto done;
	}
	if (assay_array_reserve(&c->hosts, &c->caphosts, c->nhosts + 1, sizeof *c->hosts))
		goto done;
	if ((h = host_new(c, key))) {
		c->hosts[c->nhosts++] = h;
		*index = c->nhosts;
	}
done:
	free(key);
	if (h && on && on < sizeof c->last_origin) {
		memcpy(c->last_origin, url, on);
		c->last_origin[on] = 0;
		c->last_host = h;
	}
	return h;
}

bool crawler_admit(struct crawler *c, const char *url, int src, int depth, bool listing)
{
	bool has_src = src >= 0 && (size_t)src < c->nsrcs;
	struct host *h = NULL;
	bool ok = !(listing && depth > (int)c->o->max_depth) &&
		  !(c->o->max_queue && c->queued >= c->o->max_queue) &&
		  !(has_src && c->o->max_per_source && c->src_admitted[src] >= c->o->max_per_source);

	if (ok && (h = crawler_host(c, url)) && c->o->max_per_host &&
	    h->admitted >= c->o->max_per_host)
		ok = false;
	if (!ok) {
		c->sum->dropped++;
		return false;
	}
	if (has_src)
		c->src_admitted[src]++;
	if (h)
		h->admitted++;
	return true;
}

/* Onto the deferred list: kept in the frontier for the next run. */
static void park(struct crawler *c, struct job *j)
{
	j->attempts = 0;
	j->not_before = 0;
	j->next = c->deferred;
	c->deferred = j;
	c->dirty = true;
}

int crawler_enqueue(struct crawler *c, struct job *j, bool front)
{
	struct host *h = crawler_host(c, j->url);

	if (!h) {
		crawler_fail(c, j, false, "not a usable URL");
		return ASSAY_OK;
	}
	if (h->parked) {
		park(c, j);
		return ASSAY_OK;
	}
	if (j->src >= 0 && (size_t)j->src < c->nsrcs && c->srcs[j->src].delay >= 0 &&
	    h->robots_state != ROBOTS_READY) {
		double d = c->srcs[j->src].delay;
		h->delay = h->delay_set && h->delay > d ? h->delay : d;
		h->delay_set = true;
	}
	if (j->kind == JOB_SOURCE && j->hops == 0 && j->src >= 0 && (size_t)j->src < c->nsrcs &&
	    c->srcs[j->src].allow_private)
		h->allow_private = true;
	if (front) {
		j->next = h->head;
		h->head = j;
		if (!h->tail)
			h->tail = j;
	} else {
		crawler_job_append(&h->head, &h->tail, j);
	}
	c->queued++;
	c->dirty = true;
	return ASSAY_OK;
}

/* Files a folder source contributes: pages and listings, gzipped or not.
 * Anything else (notes, data, images) is not a source. */
static const char *const folder_exts[] = {
	".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".rdf", NULL,
};

static bool folder_file(const char *name)
{
	size_t n = strlen(name);

	if (n > 3 && strcmp(name + n - 3, ".gz") == 0)
		n -= 3;
	for (const char *const *e = folder_exts; *e; e++) {
		size_t el = strlen(*e);
		if (n > el && strncasecmp(name + n - el, *e, el) == 0)
			return true;
	}
	return false;
}

/* A folder named as a source: its page and listing files, sorted, each a
 * source (not recursive). */
static int add_folder(struct crawler *c, const char *dir, int src)
{
	struct dirent **names = NULL;
	int n = scandir(dir, &names, NULL, alphasort), rc = ASSAY_OK;

	if (n < 0) {
		c->sum->errors++;
		assay_err("%s: cannot read folder", dir);
		return ASSAY_OK;
	}
	for (int i = 0; i < n; i++) {
		struct assay_buf path = {0};
		char *url = NULL;
		struct stat st;
		struct job *j;

		if (!rc && names[i]->d_name[0] != '.' && folder_file(names[i]->d_name) &&
		    !(rc = assay_buf_printf(&path, "%s/%s", dir, names[i]->d_name)) &&
		    stat(path.data, &st) == 0 && S_ISREG(st.st_mode) &&
		    !(rc = assay_url_from_path(path.data, &url)) && !crawler_seen(c, url)) {
			if (!(j = crawler_job_new(JOB_SOURCE, url, src)))
				rc = ASSAY_ENOMEM;
			else
				j->local = true, rc = crawler_enqueue(c, j, false);
		}
		free(url);
		assay_buf_release(&path);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int add_source(struct crawler *c, const char *line)
{
	char why[64], *url = NULL;
	struct assay_source s;
	struct stat st;
	struct job *j;
	int rc, idx;
	bool local;

	if ((rc = assay_source_parse_line(line, &s, why))) {
		assay_err("%s: bad source setting '%s'", line, why);
		c->sum->errors++;
		return rc == ASSAY_ENOMEM ? rc : ASSAY_OK;
	}
	if (assay_array_reserve(&c->srcs, &c->capsrcs, c->nsrcs + 1, sizeof *c->srcs) ||
	    assay_array_reserve(&c->src_admitted, &c->capadmitted, c->nsrcs + 1,
				sizeof *c->src_admitted)) {
		assay_source_release(&s);
		return ASSAY_ENOMEM;
	}
	c->src_admitted[c->nsrcs] = 0;
	idx = (int)c->nsrcs;
	c->srcs[c->nsrcs++] = s;
	c->sum->sources++;
	local = strstr(s.target, "://") == NULL;
	if (local && stat(s.target, &st) != 0) {
		assay_err("%s: no such file or folder (a web source needs its https:// or http://)",
			  s.target);
		c->sum->errors++;
		return ASSAY_OK;
	}
	if (local && S_ISDIR(st.st_mode))
		return add_folder(c, s.target, idx);
	rc = local ? assay_url_from_path(s.target, &url) : assay_url_resolve(NULL, s.target, &url);
	if (rc == ASSAY_EINVAL) {
		assay_err("%s: not a URL or a path", s.target);
		c->sum->errors++;
		return ASSAY_OK;
	}
	if (rc)
		return rc;
	if (crawler_seen(c, url)) {
		free(url);
		return ASSAY_OK;
	}
	j = crawler_job_new(JOB_SOURCE, url, idx);
	free(url);
	if (!j)
		return ASSAY_ENOMEM;
	j->local = local || strncmp(j->url, "file:", 5) == 0;
	return crawler_enqueue(c, j, false);
}

void crawler_set_robots(struct crawler *c, struct host *h, const char *txt, size_t len)
{
	double d;

	assay_robots_free(h->robots);
	h->robots = NULL;
	h->robots_state = ROBOTS_READY;
	if (!txt || assay_robots_parse(txt, len, c->o->robots_token, &h->robots))
		return; /* nothing to go by: allowed, as for a 4xx */
	d = assay_robots_crawl_delay(h->robots);
	if (d > c->o->max_crawl_delay)
		d = c->o->max_crawl_delay;
	if (d > h->delay)
		h->delay = d;
}

static void start_robots(struct crawler *c, struct host *h);
static int start_job(struct crawler *c, struct host *h, struct job *j);

/* The first job of @h that may start now, unlinked from the queue. */
static struct job *pop_ready(struct crawler *c, struct host *h, double now)
{
	struct job *prev = NULL;
	bool pages_done = c->o->max_pages && c->pages_started >= c->o->max_pages;

	for (struct job *j = h->head; j; prev = j, j = j->next) {
		if (j->not_before > now || (pages_done && j->kind == JOB_PAGE))
			continue;
		if (prev)
			prev->next = j->next;
		else
			h->head = j->next;
		if (h->tail == j)
			h->tail = prev;
		j->next = NULL;
		c->queued--;
		return j;
	}
	return NULL;
}

static bool robots_allow(struct crawler *c, struct host *h, struct job *j)
{
	char *pq = NULL;
	bool ok = true;

	if (!h->robots || assay_url_split(j->url, NULL, NULL, &pq))
		return true;
	ok = assay_robots_allowed(h->robots, pq);
	free(pq);
	if (!ok) {
		c->sum->robots_denied++;
		assay_info("%s: disallowed by robots.txt", j->url);
		crawler_job_free(j);
	}
	return ok;
}

/* The sources a host's queue came from, for the message that the host
 * failed: "SOURCE" or "SOURCE and 2 more". */
static void name_sources(const struct crawler *c, const struct host *h, char *out, size_t n)
{
	int first = -1;
	unsigned more = 0;
	uint64_t counted[8] = {0};

	out[0] = 0;
	for (const struct job *j = h->head; j; j = j->next) {
		if (j->src < 0 || (size_t)j->src >= c->nsrcs)
			continue;
		if (first < 0) {
			first = j->src;
		} else if (j->src != first && j->src < 512 &&
			   !(counted[j->src / 64] & (1ull << (j->src % 64)))) {
			counted[j->src / 64] |= 1ull << (j->src % 64);
			more++;
		}
	}
	if (first < 0)
		return;
	if (more)
		snprintf(out, n, "%.200s and %u more", c->srcs[first].target, more);
	else
		snprintf(out, n, "%.200s", c->srcs[first].target);
}

/* Moves every queued job of a host to the deferred list (robots.txt
 * unreachable: RFC 9309 says to assume nothing is allowed for now). One
 * error for the host, however many URLs wait, said with what it concerns:
 * the URL itself when it is the only one, else the host and its sources. */
static void defer_host(struct crawler *c, struct host *h)
{
	struct job *j;
	unsigned n = 0;
	char what[512], srcs[256];
	const char *why = h->robots_why[0] ? h->robots_why : "robots.txt unreachable";

	name_sources(c, h, srcs, sizeof srcs);
	if (h->head && !h->head->next)
		snprintf(what, sizeof what, "%.300s", h->head->origin ? h->head->origin : h->head->url);
	else
		snprintf(what, sizeof what, "%.200s", h->key);
	while ((j = h->head)) {
		h->head = j->next;
		c->queued--;
		n++;
		if (++j->runs >= MAX_RUNS_FAILED) {
			crawl_state_count_failure(c, j->origin ? j->origin : j->url, why);
			crawler_job_free(j);
			continue;
		}
		j->attempts = 0;
		j->next = c->deferred;
		c->deferred = j;
	}
	h->tail = NULL;
	c->dirty = true;
	c->sum->errors++;
	if (n == 1 && (!srcs[0] || strcmp(srcs, what) == 0))
		assay_err("%s: %s; kept for the next run", what, why);
	else if (n == 1)
		assay_err("%s: %s (source %s); kept for the next run", what, why, srcs);
	else
		assay_err("%s: %s; %u URLs (source %s) kept for the next run", what, why, n,
			  srcs[0] ? srcs : "none");
}

void crawler_host_trouble(struct crawler *c, struct host *h)
{
	struct job *j;
	unsigned n = 0;

	if (h->parked || ++h->trouble < MAX_HOST_TROUBLE)
		return;
	h->parked = true;
	while ((j = h->head)) {
		h->head = j->next;
		c->queued--;
		n++;
		park(c, j);
	}
	h->tail = NULL;
	assay_warn("%s: %u timeouts, slow answers or 'too many requests' in this run; %u URLs "
		   "kept for the next run", h->key, h->trouble, n);
}

static int schedule_host(struct crawler *c, struct host *h, double now)
{
	struct job *j;

	if (h->busy || !h->head || h->next_at > now)
		return ASSAY_OK;
	if (h->robots_state == ROBOTS_NONE) {
		start_robots(c, h);
		return ASSAY_OK;
	}
	if (h->robots_state == ROBOTS_PENDING)
		return ASSAY_OK;
	if (h->robots_state == ROBOTS_FAILED) {
		defer_host(c, h);
		return ASSAY_OK;
	}
	while ((j = pop_ready(c, h, now)))
		if (robots_allow(c, h, j))
			return start_job(c, h, j);
	return ASSAY_OK;
}

static int start_flight(struct crawler *c, struct host *h, struct job *j, const char *etag,
			const char *lm)
{
	struct flight *f = calloc(1, sizeof *f);
	int rc;

	if (!f)
		return ASSAY_ENOMEM;
	f->job = j;
	f->host = h;
	f->req.url = j->url;
	f->req.user_agent = crawler_ua(c, j);
	f->req.etag = etag;
	f->req.last_modified = lm;
	f->req.allow_file = j->local;
	f->req.allow_private = h->allow_private && !j->offhost;
	f->req.accept = j->kind == JOB_PAGE     ? ASSAY_ACCEPT_PAGE
			: j->kind == JOB_ROBOTS ? ASSAY_ACCEPT_TEXT
						: ASSAY_ACCEPT_SOURCE;
	rc = assay_http_start(c->http, &f->req);
	if (rc) {
		free(f);
		return rc;
	}
	j->attempts++;
	h->busy = true;
	f->next = c->flights;
	c->flights = f;
	return ASSAY_OK;
}

static int start_job(struct crawler *c, struct host *h, struct job *j)
{
	char *etag = NULL, *lm = NULL;
	int rc;

	/* The budget counts pages, not tries: a retry is not a new page. */
	if (j->kind == JOB_PAGE && j->attempts == 0)
		c->pages_started++;
	if (j->kind != JOB_PAGE && !j->local && !c->o->refetch)
		crawl_state_get_validators(c, j->url, &etag, &lm);
	rc = start_flight(c, h, j, etag, lm);
	/* The request copied the header lines; the strings can go. */
	free(etag);
	free(lm);
	if (rc) {
		if (j->kind == JOB_PAGE && j->attempts == 0)
			c->pages_started--;
		crawler_fail(c, j, true, assay_strerror(rc));
	}
	return rc == ASSAY_ENOMEM ? rc : ASSAY_OK;
}

static bool same_host(const struct host *h, const char *url)
{
	char *key = NULL;
	bool same = assay_url_split(url, NULL, &key, NULL) == ASSAY_OK && strcmp(key, h->key) == 0;

	free(key);
	return same;
}

static void start_robots(struct crawler *c, struct host *h)
{
	struct assay_buf body = {0}, url = {0};
	char *etag = NULL, *lm = NULL;
	bool fresh = false;
	struct job *j;

	if (crawl_state_get_robots(c, h->key, &fresh, &body, &etag, &lm) == ASSAY_OK && fresh) {
		crawler_set_robots(c, h, body.data, body.len);
		goto done;
	}
	if ((h->robots_url ? assay_buf_puts(&url, h->robots_url)
			   : assay_buf_printf(&url, "%s/robots.txt", h->key)) ||
	    !(j = crawler_job_new(JOB_ROBOTS, url.data, h->head ? h->head->src : -1)))
		goto done;
	/* private=yes names the host, not where its robots.txt redirects. */
	j->offhost = h->robots_url && !same_host(h, h->robots_url);
	h->robots_state = ROBOTS_PENDING;
	if (start_flight(c, h, j, etag, lm)) {
		crawler_job_free(j);
		h->robots_state = ROBOTS_FAILED;
	}
done:
	free(etag);
	free(lm);
	assay_buf_release(&url);
	assay_buf_release(&body);
}

/* How long the loop may sleep: until the next host becomes free. */
static int next_wake_ms(struct crawler *c, double now)
{
	bool pages_done = c->o->max_pages && c->pages_started >= c->o->max_pages;
	double best = 1.0;

	for (size_t i = 0; i < c->nhosts; i++) {
		struct host *h = c->hosts[i];
		double soonest = -1;

		if (h->busy)
			continue;
		for (struct job *j = h->head; j; j = j->next) {
			if (pages_done && j->kind == JOB_PAGE)
				continue; /* waits for the next run */
			if (soonest < 0 || j->not_before < soonest)
				soonest = j->not_before;
			if (soonest <= now)
				break;
		}
		if (soonest < 0)
			continue;
		if (soonest < h->next_at)
			soonest = h->next_at;
		if (soonest - now < best)
			best = soonest - now;
	}
	return best <= 0 ? 0 : (int)(best * 1000) + 1;
}

static bool work_left(struct crawler *c)
{
	bool pages_done = c->o->max_pages && c->pages_started >= c->o->max_pages;

	if (c->flights)
		return true;
	for (size_t i = 0; i < c->nhosts; i++)
		for (struct job *j = c->hosts[i]->head; j; j = j->next)
			if (!pages_done || j->kind != JOB_PAGE)
				return true;
	return false;
}

static int finish_flights(struct crawler *c)
{
	struct assay_http_req *r;
	int rc = ASSAY_OK;

	while ((r = assay_http_next(c->http))) {
		struct flight *f = (struct flight *)r, **pp;

		for (pp = &c->flights; *pp && *pp != f; pp = &(*pp)->next)
			;
		if (*pp)
			*pp = f->next;
		f->host->busy = false;
		/* After handling: a robots.txt may have just set the delay, and
		 * a 429 may have pushed next_at further already. */
		int hrc = crawler_handle(c, f);

		if (hrc == ASSAY_ENOMEM || hrc == ASSAY_EDAMAGED)
			rc = hrc;
		if (f->host->next_at < r->finished + f->host->delay)
			f->host->next_at = r->finished + f->host->delay;
		assay_http_req_release(&f->req);
		free(f);
	}
	return rc;
}

static void report(struct crawler *c, double now, bool force)
{
	if (!c->hk->progress || (!force && now - c->last_progress < 1))
		return;
	c->last_progress = now;
	c->sum->seconds = now - c->t0;
	c->hk->progress(c->hk->ctx, c->sum, c->queued);
}

static int run_loop(struct crawler *c)
{
	int rc = ASSAY_OK;

	while (!rc) {
		double now = assay_now();

		if ((c->deadline && now >= c->deadline) || (c->o->stop && *c->o->stop)) {
			c->sum->stopped = true;
			break;
		}
		/* Round-robin from where the last pass stopped, so a cap on
		 * parallel transfers does not starve the hosts at the end. */
		for (size_t k = 0; k < c->nhosts && !rc; k++) {
			if (c->o->max_parallel && assay_http_running(c->http) >= c->o->max_parallel)
				break;
			c->rr = (c->rr + 1) % c->nhosts;
			rc = schedule_host(c, c->hosts[c->rr], now);
		}
		if (rc || !work_left(c))
			break;
		/* At the cap, only a finished transfer frees a slot: wait for one. */
		int wake = c->o->max_parallel && assay_http_running(c->http) >= c->o->max_parallel
				   ? 1000
				   : next_wake_ms(c, now);
		/* Pages being cleaned are stored as soon as they are done, so
		 * the frontier lets go of them soon. */
		if (c->npending && wake > PENDING_POLL_MS)
			wake = PENDING_POLL_MS;
		if (c->deadline && (c->deadline - now) * 1000 < wake)
			wake = (int)((c->deadline - now) * 1000) + 1;
		if ((rc = assay_http_wait(c->http, wake)))
			break;
		rc = finish_flights(c);
		if (!rc && c->npending)
			rc = crawler_settle(c, false);
		now = assay_now();
		/* About once a second; a big frontier (a sitemap of 50,000
		 * URLs) a second longer per megabyte, so saving stays cheap. */
		if (c->dirty && now - c->last_save >= 1 + (double)c->frontier_bytes / (1 << 20)) {
			crawl_state_save_frontier(c);
			c->last_save = now;
		}
		report(c, now, false);
	}
	if (c->o->max_pages && c->pages_started >= c->o->max_pages && c->queued)
		c->sum->stopped = true;
	return rc;
}

/* Transfers cut short by the time budget go back to their queues, so the
 * frontier saved next keeps them for the next run. */
static void abort_flights(struct crawler *c)
{
	struct flight *f;

	while ((f = c->flights)) {
		c->flights = f->next;
		assay_http_abort(c->http, &f->req);
		if (f->job->kind == JOB_ROBOTS) {
			crawler_job_free(f->job);
		} else {
			if (f->job->kind == JOB_PAGE && f->job->attempts == 1)
				c->pages_started--;
			f->job->attempts = 0;
			crawler_enqueue(c, f->job, true);
		}
		assay_http_req_release(&f->req);
		free(f);
	}
}

static int open_crawler(struct crawler *c, const struct assay_crawl_opts *o)
{
	struct assay_http_limits lim;
	static bool curl_ready;

	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			return ASSAY_ENOMEM;
		curl_ready = true;
	}
	crawler_http_limits(o, &lim);
	lim.keep_headers = o->warc_path != NULL;
	c->t0 = assay_now();
	c->wall0 = (int64_t)time(NULL);
	srand((unsigned)c->wall0 ^ (unsigned)getpid()); /* backoff jitter */
	c->deadline = o->max_seconds > 0 ? c->t0 + o->max_seconds : 0;
	c->last_save = c->t0;
	if (o->warc_path) {
		int rc = assay_warc_writer_open(o->warc_path, &c->warc);
		if (rc) {
			assay_err("%s: cannot open WARC file: %s", o->warc_path, assay_strerror(rc));
			return rc;
		}
	}
	return assay_http_open(&lim, &c->http);
}

static void close_crawler(struct crawler *c)
{
	struct job *j;

	for (size_t i = 0; i < c->nhosts; i++) {
		while ((j = c->hosts[i]->head)) {
			c->hosts[i]->head = j->next;
			crawler_job_free(j);
		}
		assay_robots_free(c->hosts[i]->robots);
		free(c->hosts[i]->robots_url);
		free(c->hosts[i]->key);
		free(c->hosts[i]);
	}
	while ((j = c->deferred)) {
		c->deferred = j->next;
		crawler_job_free(j);
	}
	while ((j = c->pending)) {
		c->pending = j->next;
		crawler_job_free(j);
	}
	free(c->hosts);
	assay_map_release(&c->host_index);
	for (size_t i = 0; i < c->nsrcs; i++)
		assay_source_release(&c->srcs[i]);
	free(c->srcs);
	free(c->src_admitted);
	free(c->seen);
	assay_http_close(c->http);
	assay_warc_writer_close(c->warc);
}

int assay_crawl(const char *const *sources, size_t nsources, const struct assay_crawl_opts *opts,
		const struct assay_crawl_hooks *hooks, struct assay_fetch_counts *sum)
{
	struct assay_crawl_opts defaults;
	struct assay_fetch_counts unused;
	struct crawler c = {0};
	int rc;

	if (!sum)
		sum = &unused;
	memset(sum, 0, sizeof *sum);
	if (!opts) {
		assay_crawl_opts_init(&defaults);
		opts = &defaults;
	}
	c.o = opts;
	static const struct assay_crawl_hooks no_hooks;
	c.hk = hooks ? hooks : &no_hooks; /* a dry run: fetch, keep nothing */
	c.sum = sum;
	if ((rc = open_crawler(&c, opts)))
		goto done;
	/* Sources first, so a source left in the frontier keeps its settings. */
	for (size_t i = 0; i < nsources && !rc; i++)
		rc = add_source(&c, sources[i]);
	if (!rc)
		rc = crawl_state_load_frontier(&c);
	if (!rc)
		rc = run_loop(&c);
	abort_flights(&c);
	/* Every page fetched is stored (or fails) before the last save. */
	if (c.npending) {
		int src = crawler_settle(&c, true);
		if (!rc)
			rc = src;
	}
	sum->deferred = c.queued;
	for (struct job *j = c.deferred; j; j = j->next)
		sum->deferred++;
	crawl_state_save_frontier(&c);
	if (sum->dropped)
		assay_warn("crawl: %u URLs dropped (over the depth, fan-out or queue bounds); their "
			   "listings are read again next run", sum->dropped);
	report(&c, assay_now(), true);
done:
	sum->seconds = assay_now() - (c.t0 ? c.t0 : assay_now());
	close_crawler(&c);
	if (rc)
		return rc;
	return sum->errors || c.refused ? ASSAY_EFETCH : ASSAY_OK;
}
