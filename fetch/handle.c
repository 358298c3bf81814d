/* handle.c - what a finished request means: a page to hand on, a listing
 * to expand, a redirect to queue, a failure to retry or count.
 *
 * Every failure ends in crawler_fail(), counted once per URL and run (a
 * page the hooks refused, in page_ended(): their owner counts it); a
 * failure that may pass (timeouts, 5xx, an unreachable robots.txt) keeps
 * the URL in the frontier for the next run, the others drop it. Nothing
 * from a failed request reaches on_page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "crawler.h"
#include "feed.h"
#include "file.h"
#include "log.h"
#include "url.h"

/* @s with control bytes (ESC above all: a server's header quoted in a
 * warning must not drive the terminal) shown as '?'. */
static void printable(char *out, size_t cap, const char *s)
{
	size_t i = 0;

	for (; s && *s && i + 1 < cap; s++)
		out[i++] = (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s;
	out[i] = 0;
}

/* The source line @j came from, when it is not @url itself (a feed's
 * item, a sitemap's page), else NULL: a failure names what it concerns. */
static const char *other_source(const struct crawler *c, const struct job *j, const char *url)
{
	const char *t;
	size_t lu = strlen(url), lt;

	if (j->src < 0 || (size_t)j->src >= c->nsrcs)
		return NULL;
	t = c->srcs[j->src].target;
	lt = strlen(t);
	if (strcmp(url, t) == 0 || (lu > lt && strcmp(url + lu - lt, t) == 0 && url[lu - lt - 1] == '/') ||
	    (lu == lt + 1 && strncmp(url, t, lt) == 0 && url[lt] == '/'))
		return NULL; /* the source itself, as a URL or a path */
	return t;
}

/* Says why @j failed and keeps it for the next run (when @retryable) or
 * records the failure; the caller has counted it. Takes @j. */
static void url_failed(struct crawler *c, struct job *j, bool retryable, const char *why)
{
	char url[512], text[512], src[512];
	const char *from = other_source(c, j, j->origin ? j->origin : j->url);

	printable(url, sizeof url, j->origin ? j->origin : j->url);
	printable(text, sizeof text, why);
	printable(src, sizeof src, from);
	if (from)
		assay_err("%s: %s (source %s)", url, text, src);
	else
		assay_err("%s: %s", url, text);
	if (j->kind != JOB_ROBOTS && retryable && j->runs + 1 < MAX_RUNS_FAILED) {
		j->runs++;
		j->attempts = 0;
		j->not_before = 0;
		j->next = c->deferred;
		c->deferred = j;
		c->dirty = true;
		return;
	}
	crawl_state_count_failure(c, j->origin ? j->origin : j->url, why);
	crawler_job_free(j);
}

void crawler_fail(struct crawler *c, struct job *j, bool retryable, const char *why)
{
	c->sum->errors++;
	url_failed(c, j, retryable, why);
}

static double jitter(void)
{
	return (double)rand() / RAND_MAX * 0.5; /* politeness, not security */
}

/* Queues @j again after a backoff (or @wait seconds when the server said
 * so). False when it has had its tries, or the wait is over the cap. */
static bool retry(struct crawler *c, struct job *j, double wait)
{
	double backoff = c->o->retry_base;

	if (j->attempts > c->o->max_retries || wait > c->o->max_retry_after)
		return false;
	for (int i = 1; i < j->attempts; i++)
		backoff *= 2;
	backoff *= 1 + jitter();
	if (wait > backoff)
		backoff = wait;
	j->not_before = assay_now() + backoff;
	c->sum->retries++;
	crawler_enqueue(c, j, true);
	return true;
}

/* 429 and 503 slow the whole host: it waits Retry-After (capped), and its
 * delay doubles for the rest of the run. */
static void slow_host(struct crawler *c, struct host *h, long retry_after)
{
	double cap = c->o->max_retry_after, wait = retry_after >= 0 ? (double)retry_after : h->delay * 2;

	if (wait > cap)
		wait = cap;
	if (wait < 1)
		wait = 1;
	h->delay = h->delay * 2 < 1 ? 1 : h->delay * 2;
	if (h->delay > cap)
		h->delay = cap;
	if (h->next_at < assay_now() + wait)
		h->next_at = assay_now() + wait;
	crawl_state_put_host_until(c, h->key, (int64_t)time(NULL) + (int64_t)wait);
}

static int64_t write_warc(struct crawler *c, struct job *j, struct assay_http_req *r)
{
	int64_t off = -1;

	if (!c->warc || !assay_url_is_web(j->url))
		return -1;
	if (assay_warc_write_exchange(c->warc, j->url, r->ip, (int64_t)time(NULL),
				      r->req_headers.data, r->req_headers.len, r->resp_headers.data,
				      r->resp_headers.len, r->body.data, r->body.len, &off))
		assay_warn("%s: cannot write WARC record", j->url);
	return off;
}

static bool known(struct crawler *c, const char *url);

/* Handed on and not stored yet: as good as known, as in a serial run
 * the page would be stored by now. */
static bool is_pending(const struct crawler *c, const char *url)
{
	for (const struct job *j = c->pending; j; j = j->next)
		if (strcmp(j->url, url) == 0 || (j->origin && strcmp(j->origin, url) == 0))
			return true;
	return false;
}

static int follow(struct crawler *c, struct job *j, const struct assay_http_req *r)
{
	char *target = NULL, why[300];
	struct job *n;
	int rc = assay_url_resolve(j->url, r->location, &target);

	if (rc == ASSAY_ENOMEM)
		return rc;
	if (rc || !assay_url_is_web(target)) {
		snprintf(why, sizeof why, "redirect to '%.200s' refused (http and https only)",
			 r->location);
		crawler_fail(c, j, false, why);
		free(target);
		return ASSAY_OK;
	}
	if (j->hops >= c->o->max_redirects) {
		crawler_fail(c, j, false, "too many redirects");
		free(target);
		return ASSAY_OK;
	}
	if (j->kind == JOB_PAGE && known(c, target)) {
		c->sum->skipped_known++;
		assay_debug("%s: redirects to %s, stored before: not fetched", j->url, target);
		free(target);
		crawler_job_free(j);
		return ASSAY_OK;
	}
	n = crawler_job_new(j->kind, target, j->src);
	free(target);
	if (!n)
		return ASSAY_ENOMEM;
	n->origin = j->origin ? j->origin : j->url;
	if (j->origin)
		j->origin = NULL;
	else
		j->url = NULL;
	n->title = j->title;
	j->title = NULL;
	memcpy(n->ymd, j->ymd, sizeof n->ymd);
	n->hops = j->hops + 1;
	n->depth = j->depth;
	n->runs = j->runs;
	crawler_job_free(j);
	return crawler_enqueue(c, n, true);
}

/* The body as the parsers want it: a .gz served without
 * Content-Encoding (sitemaps) is inflated here, under the same cap. */
static int plain_body(struct crawler *c, const struct assay_http_req *r, struct assay_buf *tmp,
		      const char **p, size_t *n)
{
	*p = r->body.data ? r->body.data : "";
	*n = r->body.len;
	if (!assay_is_gzip(*p, *n))
		return ASSAY_OK;
	int rc = assay_gunzip(*p, *n, c->o->max_body, tmp);
	if (rc)
		return rc;
	*p = tmp->data ? tmp->data : "";
	*n = tmp->len;
	return ASSAY_OK;
}

/* Stored already: the store knows the article by its canonical URL, and
 * the crawler remembers each URL it handed on (a feed's link often
 * differs from the page's canonical link). */
static bool known(struct crawler *c, const char *url)
{
	if (c->o->refetch)
		return false;
	return (c->hk->is_known && c->hk->is_known(c->hk->ctx, url)) ||
	       crawl_state_was_delivered(c, url) || is_pending(c, url);
}

/* How a page handed on ended: stored, and its URL done for good, or not
 * (a failure not tried again; for want of memory, kept for the next
 * run). A page the hooks refused is counted by their owner; one they
 * never took (their queue stayed full) is the crawl's error. Takes @j. */
static int page_ended(struct crawler *c, struct job *j, int rc)
{
	char why[128];

	if (rc == ASSAY_OK) {
		crawl_state_put_delivered(c, j->origin ? j->origin : j->url, j->url);
		crawler_job_free(j);
		return ASSAY_OK;
	}
	if (rc == ASSAY_ETOOBIG)
		c->sum->errors++;
	else
		c->refused++;
	if (rc == ASSAY_ENOMEM || rc == ASSAY_EDAMAGED) { /* the run ends; the page waits */
		url_failed(c, j, true, assay_strerror(rc));
		return rc;
	}
	snprintf(why, sizeof why, "not stored: %s", assay_strerror(rc));
	url_failed(c, j, false, why);
	return ASSAY_OK;
}

/* Settles the oldest pending page if the hooks say it is stored (with
 * @wait, once it is); false when there is none to settle. */
static bool settle_one(struct crawler *c, bool wait, int *err)
{
	struct job *j = c->pending;
	int rc;

	if (!j || !c->hk->settle(c->hk->ctx, wait, &rc))
		return false;
	c->pending = j->next;
	if (!c->pending)
		c->pending_tail = NULL;
	c->npending--;
	j->next = NULL;
	rc = page_ended(c, j, rc);
	if (rc == ASSAY_ENOMEM || rc == ASSAY_EDAMAGED)
		*err = rc;
	return true;
}

int crawler_settle(struct crawler *c, bool wait)
{
	int err = ASSAY_OK;

	while (settle_one(c, wait, &err))
		;
	return err;
}

/* Queues @pg for storing; @j waits on the pending list, still in the
 * frontier, until its page settles. Takes @j. */
static int hand_on(struct crawler *c, struct job *j, const struct assay_page *pg)
{
	int err = ASSAY_OK, rc;

	while ((rc = c->hk->queue_page(c->hk->ctx, pg)) == ASSAY_ETOOBIG)
		if (!settle_one(c, true, &err))
			break; /* full of pages that are not ours: never */
	if (rc != ASSAY_OK)
		return page_ended(c, j, rc);
	crawler_job_append(&c->pending, &c->pending_tail, j);
	c->npending++;
	return err;
}

/* Hands an article page on: stored in the call (on_page), or queued and
 * settled later (queue_page). Takes @j. */
static int deliver(struct crawler *c, struct job *j, const struct assay_http_req *r, int64_t off)
{
	struct assay_page pg = {0};
	struct assay_buf tmp = {0};
	int rc = plain_body(c, r, &tmp, &pg.body, &pg.len);

	if (rc) {
		crawler_fail(c, j, false, assay_strerror(rc));
		goto done;
	}
	pg.url = j->origin ? j->origin : j->url;
	pg.final_url = j->url;
	pg.content_type = r->content_type;
	pg.charset = r->charset;
	pg.published = j->ymd[0] ? j->ymd : NULL;
	pg.title = j->title;
	pg.fetched_at = (int64_t)time(NULL);
	pg.warc_file = off >= 0 ? c->o->warc_path : NULL;
	pg.warc_offset = off;
	c->sum->pages_fetched++;
	assay_debug("%s: fetched, HTTP %ld, %zu bytes%s%s", pg.url, r->code, pg.len,
		    j->origin ? " from " : "", j->origin ? j->url : "");
	if (c->hk->queue_page)
		rc = hand_on(c, j, &pg);
	else
		rc = page_ended(c, j, c->hk->on_page ? c->hk->on_page(c->hk->ctx, &pg) : ASSAY_OK);
done:
	assay_buf_release(&tmp);
	return rc == ASSAY_ENOMEM || rc == ASSAY_EDAMAGED ? rc : ASSAY_OK;
}

/* Queues a link of @parent's, if it is new and within the bounds; sets
 * *dropped when a bound refused it. */
static int add_child(struct crawler *c, const struct job *parent, enum job_kind kind,
		     const struct assay_link *l, bool *dropped)
{
	bool file = strncmp(l->url, "file:", 5) == 0;
	struct job *j;

	if (!(file ? parent->local : assay_url_is_web(l->url)))
		return ASSAY_OK; /* a web listing may not point into the disk */
	/* --since spares servers; a local archive the user named is read
	 * whole unless its own source line sets since=. */
	if (kind == JOB_PAGE && l->when && (!parent->local || crawler_since_explicit(c, parent->src)) &&
	    (double)l->when < crawler_since_cutoff(c, parent->src)) {
		c->sum->too_old++;
		assay_debug("%s: published %s, before the --since limit: not fetched", l->url,
			    l->ymd[0] ? l->ymd : "earlier");
		return ASSAY_OK;
	}
	if (crawler_seen(c, l->url))
		return ASSAY_OK;
	if (kind == JOB_PAGE && known(c, l->url)) {
		c->sum->skipped_known++;
		assay_debug("%s: stored before: not fetched", l->url);
		return ASSAY_OK;
	}
	if (!crawler_admit(c, l->url, parent->src, parent->depth + 1, kind != JOB_PAGE)) {
		*dropped = true;
		return ASSAY_OK;
	}
	if (!(j = crawler_job_new(kind, l->url, parent->src)))
		return ASSAY_ENOMEM;
	j->local = file;
	j->depth = parent->depth + 1;
	memcpy(j->ymd, l->ymd, sizeof j->ymd);
	if (l->title && !(j->title = strdup(l->title))) {
		crawler_job_free(j);
		return ASSAY_ENOMEM;
	}
	return crawler_enqueue(c, j, false);
}

static int add_robots_sitemaps(struct crawler *c, const struct job *j, const char *txt,
			       size_t len, bool *dropped)
{
	struct assay_robots *rb = NULL;
	const char *const *maps;
	size_t n;
	int rc = assay_robots_parse(txt, len, c->o->robots_token, &rb);

	if (rc)
		return rc;
	n = assay_robots_sitemaps(rb, &maps);
	for (size_t i = 0; i < n && !rc; i++) {
		struct assay_link l = {.url = (char *)maps[i]};
		char *abs = NULL;

		if ((rc = assay_url_resolve(j->url, maps[i], &abs)) == ASSAY_OK) {
			l.url = abs;
			rc = add_child(c, j, JOB_SITEMAP, &l, dropped);
			free(abs);
		} else if (rc == ASSAY_EINVAL) {
			rc = ASSAY_OK;
		}
	}
	assay_robots_free(rb);
	return rc;
}

/* A site root named as a source also brings its robots.txt sitemaps. */
static int add_host_sitemaps(struct crawler *c, const struct job *j, bool *dropped)
{
	struct host *h = crawler_host(c, j->url);
	const char *const *maps;
	size_t n;
	int rc = ASSAY_OK;

	if (!h || !h->robots)
		return ASSAY_OK;
	n = assay_robots_sitemaps(h->robots, &maps);
	for (size_t i = 0; i < n && !rc; i++) {
		struct assay_link l = {0};

		if ((rc = assay_url_resolve(j->url, maps[i], &l.url)) == ASSAY_OK)
			rc = add_child(c, j, JOB_SITEMAP, &l, dropped);
		free(l.url);
		if (rc == ASSAY_EINVAL)
			rc = ASSAY_OK;
	}
	return rc;
}

static bool path_is(const char *url, const char *path)
{
	char *pq = NULL;
	bool yes = assay_url_split(url, NULL, NULL, &pq) == ASSAY_OK && strcmp(pq, path) == 0;

	free(pq);
	return yes;
}

/* Queues what a listing lists, at most max_links of them (max_feeds for
 * the feed links of an HTML page); the rest is counted as dropped. */
static int expand(struct crawler *c, struct job *j, const struct assay_links *ls, bool *dropped)
{
	enum job_kind kind = ls->kind == ASSAY_SRC_HTML		? JOB_FEED
			     : ls->kind == ASSAY_SRC_SITEMAPINDEX ? JOB_SITEMAP
								  : JOB_PAGE;
	size_t cap = ls->kind == ASSAY_SRC_HTML ? c->o->max_feeds : c->o->max_links, n = ls->n;
	int rc = ASSAY_OK;

	if (cap && n > cap) {
		c->sum->dropped += (unsigned)(n - cap);
		*dropped = true;
		n = cap;
	}
	for (size_t i = 0; i < n && !rc; i++)
		rc = add_child(c, j, kind, &ls->v[i], dropped);
	return rc;
}

/* The frontier first, then the validators: killed in between, the next
 * run fetches the listing again rather than getting a 304 and losing the
 * items it listed. */
static void save_validators(struct crawler *c, const struct job *j, const struct assay_http_req *r)
{
	if (assay_url_is_web(j->url) && (r->etag_out || r->last_modified_out) &&
	    crawl_state_save_frontier(c) == ASSAY_OK)
		crawl_state_put_validators(c, j->url, r->etag_out, r->last_modified_out);
}

/* A source that yields nothing is most often a wrong URL (a feed moved,
 * a home page without feed links): said, though it is no error. */
static void warn_if_empty(struct crawler *c, const struct job *j, const struct assay_links *ls)
{
	const char *const *maps;
	struct host *h;

	if (j->kind != JOB_SOURCE || ls->n)
		return;
	switch (ls->kind) {
	case ASSAY_SRC_URLSET:
	case ASSAY_SRC_SITEMAPINDEX:
		assay_warn("%s: the sitemap lists no URLs: nothing to fetch", j->url);
		break;
	case ASSAY_SRC_HTML:
		h = crawler_host(c, j->url);
		if (!h || !h->robots || assay_robots_sitemaps(h->robots, &maps) == 0)
			assay_warn("%s: no feed link on the page and no sitemap in robots.txt: "
				   "nothing to fetch (name a feed or sitemap instead)", j->url);
		break;
	default:
		assay_warn("%s: the feed has no items: nothing to fetch", j->url);
		break;
	}
}

/* A feed, sitemap, robots.txt or HTML page named as a source. */
static int listing(struct crawler *c, struct job *j, const struct assay_http_req *r, int64_t off)
{
	struct assay_links ls = {0};
	struct assay_buf tmp = {0};
	const char *body;
	size_t len;
	bool dropped = false;
	int rc = plain_body(c, r, &tmp, &body, &len);

	if (rc) {
		crawler_fail(c, j, false, assay_strerror(rc));
		goto out;
	}
	if (path_is(j->url, "/robots.txt")) {
		rc = add_robots_sitemaps(c, j, body, len, &dropped);
		goto done;
	}
	rc = assay_source_parse(body, len, j->url, &ls);
	if (rc == ASSAY_ENOMEM)
		goto out_job;
	if (rc) {
		crawler_fail(c, j, false, "not a feed, sitemap or page");
		rc = ASSAY_OK;
		goto out;
	}
	if (ls.kind == ASSAY_SRC_HTML && j->kind == JOB_SOURCE && path_is(j->url, "/")) {
		/* A site root: its feeds and its robots.txt sitemaps, never an
		 * article of its own. */
		rc = expand(c, j, &ls, &dropped);
		if (!rc)
			rc = add_host_sitemaps(c, j, &dropped);
		warn_if_empty(c, j, &ls);
		goto done;
	}
	if (ls.kind == ASSAY_SRC_HTML && j->kind != JOB_SOURCE) {
		/* Feed discovery is one level deep: a page a feed link or a
		 * sitemap index led to is not a listing, whatever it links. */
		crawler_fail(c, j, false, "an HTML page where a feed or sitemap was expected");
		rc = ASSAY_OK;
		goto out;
	}
	if (ls.kind == ASSAY_SRC_HTML && (ls.n == 0 || ls.is_article) && j->kind == JOB_SOURCE) {
		/* An article named as a source (its site's feed links are not
		 * followed: the user named the article, not the site). */
		if (known(c, j->origin ? j->origin : j->url)) {
			c->sum->skipped_known++;
			assay_debug("%s: stored before: not stored again", j->url);
			goto done;
		}
		assay_links_release(&ls);
		assay_buf_release(&tmp);
		return deliver(c, j, r, off);
	}
	rc = expand(c, j, &ls, &dropped);
	warn_if_empty(c, j, &ls);
done:
	/* A listing cut short is fetched whole next run, not answered 304. */
	if (!rc && !dropped)
		save_validators(c, j, r);
out_job:
	crawler_job_free(j);
out:
	assay_links_release(&ls);
	assay_buf_release(&tmp);
	c->dirty = true;
	return rc;
}

static int robots_redirect(struct host *h, const struct job *j, const struct assay_http_req *r)
{
	char *target = NULL;
	int rc = assay_url_resolve(j->url, r->location, &target);

	if (rc)
		return rc;
	if (!assay_url_is_web(target)) {
		free(target);
		return ASSAY_EDENIED;
	}
	free(h->robots_url);
	h->robots_url = target;
	h->robots_hops++;
	h->robots_state = ROBOTS_NONE;
	return ASSAY_OK;
}

static int robots_done(struct crawler *c, struct host *h, struct job *j,
		       const struct assay_http_req *r)
{
	struct assay_buf cached = {0};
	char *etag = NULL, *lm = NULL;
	bool fresh;

	if ((r->rc == ASSAY_EFETCH && r->retryable) || r->code >= 500 || r->code == 429) {
		/* Unreachable: nothing may be fetched from the host for now. */
		if (r->rc != ASSAY_OK)
			snprintf(h->robots_why, sizeof h->robots_why, "%s", r->err);
		else
			snprintf(h->robots_why, sizeof h->robots_why, "robots.txt unreachable: HTTP %ld",
				 r->code);
		if (++h->robots_tries > c->o->max_retries) {
			h->robots_state = ROBOTS_FAILED;
		} else {
			h->robots_state = ROBOTS_NONE;
			h->next_at = assay_now() + c->o->retry_base * (1 << (h->robots_tries - 1));
			c->sum->retries++;
		}
	} else if (r->code == 304 &&
		   crawl_state_get_robots(c, h->key, &fresh, &cached, &etag, &lm) == ASSAY_OK) {
		/* Still valid: the cached rules, trusted for another ttl. */
		crawler_set_robots(c, h, cached.data, cached.len);
		crawl_state_put_robots(c, h->key, cached.data, cached.len,
				 r->etag_out ? r->etag_out : etag,
				 r->last_modified_out ? r->last_modified_out : lm);
	} else if (r->rc == ASSAY_OK && r->code >= 300 && r->code < 400 && r->location &&
		   h->robots_hops < 5 && robots_redirect(h, j, r) == ASSAY_OK) {
		/* RFC 9309: follow at least five redirects (http -> https...). */
	} else if (r->rc != ASSAY_OK || r->code >= 300) {
		/* 4xx (and what cannot be a robots.txt): everything allowed. */
		crawler_set_robots(c, h, NULL, 0);
		if (r->rc == ASSAY_OK)
			crawl_state_put_robots(c, h->key, "", 0, NULL, NULL);
	} else {
		crawler_set_robots(c, h, r->body.data, r->body.len);
		crawl_state_put_robots(c, h->key, r->body.data, r->body.len, r->etag_out,
				 r->last_modified_out);
	}
	free(etag);
	free(lm);
	assay_buf_release(&cached);
	crawler_job_free(j);
	return ASSAY_OK;
}

int crawler_handle(struct crawler *c, struct flight *f)
{
	struct assay_http_req *r = &f->req;
	struct job *j = f->job;
	char why[300];
	/* Every response that came back goes to the WARC, robots.txt too. */
	int64_t off = r->rc == ASSAY_OK ? write_warc(c, j, r) : -1;

	if (j->kind == JOB_ROBOTS)
		return robots_done(c, f->host, j, r);
	if (r->rc != ASSAY_OK) {
		if (r->timed_out || r->too_slow)
			crawler_host_trouble(c, f->host);
		if (!(r->retryable && retry(c, j, 0)))
			crawler_fail(c, j, r->retryable || r->too_slow, r->err);
		return ASSAY_OK;
	}
	if (r->code == 304) {
		c->sum->not_modified++;
		assay_debug("%s: not modified since the last run", j->url);
		crawler_job_free(j);
		return ASSAY_OK;
	}
	if (r->code >= 300 && r->code < 400 && r->location)
		return follow(c, j, r);
	if (r->code == 429 || r->code == 503) {
		slow_host(c, f->host, r->retry_after);
		crawler_host_trouble(c, f->host);
	}
	if (r->code >= 200 && r->code < 300)
		return j->kind == JOB_PAGE ? deliver(c, j, r, off) : listing(c, j, r, off);
	if (r->retryable && retry(c, j, r->retry_after >= 0 ? (double)r->retry_after : 0))
		return ASSAY_OK;
	snprintf(why, sizeof why, "HTTP %ld", r->code);
	crawler_fail(c, j, r->retryable, why);
	return ASSAY_OK;
}
