/* state.c - what the crawler keeps between runs, through the hooks'
 * state_get/state_put (the cli maps them to the store's kv tables):
 *
 *   crawl_frontier  "frontier" -> the URLs still to fetch, one job a line
 *                   (at most opts.max_queue of them: discovery admits no
 *                   more, and a longer one left by an older run is cut)
 *   crawl_validators URL       -> "ETag\nLast-Modified" of a feed/sitemap
 *   crawl_robots    host       -> "fetched-at\nETag\nLast-Modified\nbody"
 *   crawl_hosts     host       -> unix time before which not to call it
 *   crawl_failures  URL        -> "count\tunix-time\twhy"
 *   crawl_delivered URL        -> the final URL of an article handed on
 *
 * The frontier is rewritten whole about once a second, so a killed run
 * loses at most that second; pages it had stored are known to the store
 * and are not fetched again. A page handed on to be stored later
 * (hooks->queue_page) stays in the frontier until it is stored, so a
 * kill before its commit leaves it for the next run. Keys longer than
 * LMDB's limit are hashed. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "crawler.h"
#include "hash.h"

#define KEY_MAX 400

static const char *key_of(const char *k, char buf[32])
{
	size_t n = strlen(k);

	if (n <= KEY_MAX)
		return k;
	snprintf(buf, 32, "#%016" PRIx64, assay_hash64(k, n, 0));
	return buf;
}

static int get(struct crawler *c, const char *table, const char *key, struct assay_buf *val)
{
	char kb[32];

	if (!c->hk || !c->hk->state_get)
		return ASSAY_ENOTFOUND;
	return c->hk->state_get(c->hk->ctx, table, key_of(key, kb), val);
}

static int put(struct crawler *c, const char *table, const char *key, const void *v, size_t n)
{
	char kb[32];

	if (!c->hk || !c->hk->state_put)
		return ASSAY_OK;
	return c->hk->state_put(c->hk->ctx, table, key_of(key, kb), v, n);
}

/* Tabs and newlines would break the line format; titles may hold them. */
static int put_field(struct assay_buf *b, const char *s)
{
	for (; s && *s; s++)
		if (assay_buf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s))
			return ASSAY_ENOMEM;
	return ASSAY_OK;
}

static int put_job(struct assay_buf *b, const struct job *j)
{
	if (assay_buf_printf(b, "%d\t%d\t%d\t%s\t", (int)j->kind, j->runs, j->local ? 1 : 0,
			     j->ymd) ||
	    put_field(b, j->url) || assay_buf_putc(b, '\t') || put_field(b, j->origin) ||
	    assay_buf_putc(b, '\t') || put_field(b, j->title) ||
	    assay_buf_printf(b, "\t%d\n", j->depth))
		return ASSAY_ENOMEM;
	return ASSAY_OK;
}

int crawl_state_save_frontier(struct crawler *c)
{
	struct assay_buf b = {0};
	int rc = ASSAY_OK;

	for (size_t i = 0; i < c->nhosts && !rc; i++)
		for (struct job *j = c->hosts[i]->head; j && !rc; j = j->next)
			rc = put_job(&b, j);
	for (struct flight *f = c->flights; f && !rc; f = f->next)
		if (f->job->kind != JOB_ROBOTS)
			rc = put_job(&b, f->job);
	for (struct job *j = c->pending; j && !rc; j = j->next)
		rc = put_job(&b, j);
	for (struct job *j = c->deferred; j && !rc; j = j->next)
		rc = put_job(&b, j);
	if (!rc)
		rc = put(c, "crawl_frontier", "frontier", b.data ? b.data : "", b.len);
	if (!rc) {
		c->dirty = false;
		c->frontier_bytes = b.len;
	}
	assay_buf_release(&b);
	return rc;
}

static char *field(char **p)
{
	char *s = *p, *t;

	if (!s)
		return NULL;
	t = strchr(s, '\t');
	if (t) {
		*t = 0;
		*p = t + 1;
	} else {
		*p = NULL;
	}
	return s;
}

static int load_job(struct crawler *c, char *line)
{
	char *p = line, *kind = field(&p), *runs = field(&p), *local = field(&p), *ymd = field(&p);
	char *url = field(&p), *origin = field(&p), *title = field(&p), *depth = field(&p);
	const char *listed;
	struct job *j;
	int k;

	if (!title || !*url)
		return ASSAY_OK; /* a damaged line: the feed lists it again */
	k = atoi(kind);
	if (k < JOB_SOURCE || k > JOB_PAGE)
		return ASSAY_OK;
	listed = *origin ? origin : url;
	if (crawler_seen(c, listed))
		return ASSAY_OK;
	if (!crawler_admit(c, url, -1, depth ? atoi(depth) : 0, k != JOB_PAGE))
		return ASSAY_OK;
	if (k == JOB_PAGE && !c->o->refetch &&
	    ((c->hk->is_known && c->hk->is_known(c->hk->ctx, listed)) ||
	     crawl_state_was_delivered(c, listed)))
		return ASSAY_OK;
	if (!(j = crawler_job_new((enum job_kind)k, url, -1)))
		return ASSAY_ENOMEM;
	j->runs = atoi(runs);
	j->depth = depth ? atoi(depth) : 0;
	j->local = atoi(local) != 0;
	snprintf(j->ymd, sizeof j->ymd, "%s", ymd);
	if ((*origin && !(j->origin = strdup(origin))) || (*title && !(j->title = strdup(title)))) {
		crawler_job_free(j);
		return ASSAY_ENOMEM;
	}
	return crawler_enqueue(c, j, false);
}

int crawl_state_load_frontier(struct crawler *c)
{
	struct assay_buf b = {0};
	char *line, *save = NULL;
	int rc = get(c, "crawl_frontier", "frontier", &b);

	if (rc) {
		assay_buf_release(&b);
		return rc == ASSAY_ENOMEM ? rc : ASSAY_OK;
	}
	for (line = strtok_r(b.data, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save)) {
		if (c->o->max_queue && c->queued >= c->o->max_queue) {
			/* A frontier saved before the bound: the rest is dropped
			 * (counted), not read, so it cannot stall this run. */
			c->sum->dropped++;
			for (char *q = save; q && (q = strchr(q, '\n')); q++)
				c->sum->dropped++;
			break;
		}
		rc = load_job(c, line);
	}
	assay_buf_release(&b);
	return rc;
}

/* Splits "a\nb\n..." in place into @n fields; the last keeps the rest. */
static void split_lines(char *s, char **out, int n)
{
	for (int i = 0; i < n; i++) {
		out[i] = s;
		if (s && i < n - 1 && (s = strchr(s, '\n')))
			*s++ = 0;
		else if (i < n - 1)
			s = NULL;
	}
}

static char *dup_nonempty(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

int crawl_state_get_validators(struct crawler *c, const char *url, char **etag, char **lm)
{
	struct assay_buf b = {0};
	char *f[2];
	int rc = get(c, "crawl_validators", url, &b);

	if (!rc && b.data) {
		split_lines(b.data, f, 2);
		*etag = dup_nonempty(f[0]);
		*lm = dup_nonempty(f[1]);
	}
	assay_buf_release(&b);
	return rc;
}

int crawl_state_put_validators(struct crawler *c, const char *url, const char *etag, const char *lm)
{
	struct assay_buf b = {0};
	int rc = assay_buf_printf(&b, "%s\n%s", etag ? etag : "", lm ? lm : "");

	if (!rc)
		rc = put(c, "crawl_validators", url, b.data, b.len);
	assay_buf_release(&b);
	return rc;
}

int crawl_state_get_robots(struct crawler *c, const char *hostkey, bool *fresh, struct assay_buf *body,
		     char **etag, char **lm)
{
	struct assay_buf b = {0};
	char *f[4];
	int rc = get(c, "crawl_robots", hostkey, &b);

	*fresh = false;
	if (rc || !b.data)
		goto done;
	split_lines(b.data, f, 4);
	*fresh = (double)(c->wall0 - strtoll(f[0], NULL, 10)) < c->o->robots_ttl;
	if (etag)
		*etag = dup_nonempty(f[1]);
	if (lm)
		*lm = dup_nonempty(f[2]);
	if (f[3])
		rc = assay_buf_puts(body, f[3]);
done:
	assay_buf_release(&b);
	return rc;
}

int crawl_state_put_robots(struct crawler *c, const char *hostkey, const char *body, size_t len,
		     const char *etag, const char *lm)
{
	struct assay_buf b = {0};
	int rc = assay_buf_printf(&b, "%lld\n%s\n%s\n", (long long)time(NULL), etag ? etag : "",
				  lm ? lm : "");

	if (!rc && len)
		rc = assay_buf_append(&b, body, len);
	if (!rc)
		rc = put(c, "crawl_robots", hostkey, b.data, b.len);
	assay_buf_release(&b);
	return rc;
}

int64_t crawl_state_get_host_until(struct crawler *c, const char *hostkey)
{
	struct assay_buf b = {0};
	int64_t t = 0;

	if (get(c, "crawl_hosts", hostkey, &b) == ASSAY_OK && b.data)
		t = strtoll(b.data, NULL, 10);
	assay_buf_release(&b);
	return t;
}

int crawl_state_put_host_until(struct crawler *c, const char *hostkey, int64_t until)
{
	char v[32];
	int n = snprintf(v, sizeof v, "%lld", (long long)until);

	return put(c, "crawl_hosts", hostkey, v, (size_t)n);
}

bool crawl_state_was_delivered(struct crawler *c, const char *url)
{
	struct assay_buf b = {0};
	int rc = get(c, "crawl_delivered", url, &b);

	assay_buf_release(&b);
	return rc == ASSAY_OK;
}

int crawl_state_put_delivered(struct crawler *c, const char *url, const char *final_url)
{
	return put(c, "crawl_delivered", url, final_url, strlen(final_url));
}

int crawl_state_count_failure(struct crawler *c, const char *url, const char *why)
{
	struct assay_buf b = {0};
	long count = 0;
	int rc;

	if (get(c, "crawl_failures", url, &b) == ASSAY_OK && b.data)
		count = strtol(b.data, NULL, 10);
	assay_buf_reset(&b);
	rc = assay_buf_printf(&b, "%ld\t%lld\t%s", count + 1, (long long)time(NULL), why);
	if (!rc)
		rc = put(c, "crawl_failures", url, b.data, b.len);
	assay_buf_release(&b);
	return rc;
}
