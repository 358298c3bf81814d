/* one.c - one page fetched the way the crawler fetches an article, for
 * `assay clean -u` and `assay extract -u`.
 *
 * The same transfer layer and limits as a crawl (time, speed, size after
 * decompression, content types, private addresses checked on the address
 * connected to), and the same rules for every hop of a redirect: only
 * http and https, robots.txt read for the host before its first request.
 * No politeness delay: it is one request a host, made by a person. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "crawler.h"
#include "fetch.h"
#include "http.h"
#include "robots.h"
#include "url.h"

/* Starts @r and runs the transfer until it comes back. */
static int transfer(struct assay_http *h, struct assay_http_req *r)
{
	int rc = assay_http_start(h, r);

	while (!rc && !assay_http_next(h))
		rc = assay_http_wait(h, 1000);
	return rc;
}

static void request_init(struct assay_http_req *r, const char *url,
			 const struct assay_crawl_opts *o, enum assay_http_accept accept)
{
	memset(r, 0, sizeof *r);
	r->url = url;
	r->user_agent = o->user_agent ? o->user_agent : ASSAY_DEFAULT_USER_AGENT;
	r->allow_private = o->allow_private;
	r->accept = accept;
}

/* ASSAY_OK when robots.txt of @url's host lets the token fetch it. A 4xx
 * robots.txt allows everything (RFC 9309); one that cannot be had means
 * nothing may be fetched for now. */
static int robots_check(struct assay_http *h, const char *url, const struct assay_crawl_opts *o,
			char why[256])
{
	struct assay_http_req r;
	struct assay_buf rurl = {0};
	struct assay_robots *rules = NULL;
	char *key = NULL, *pathq = NULL;
	int rc = assay_url_split(url, NULL, &key, &pathq);

	if (rc || (rc = assay_buf_printf(&rurl, "%s/robots.txt", key)))
		goto out;
	request_init(&r, rurl.data, o, ASSAY_ACCEPT_TEXT);
	rc = transfer(h, &r);
	if (rc)
		snprintf(why, 256, "%s", assay_strerror(rc));
	else if (r.rc != ASSAY_OK) {
		/* the host does not answer: said as for the page itself */
		snprintf(why, 256, "%s", r.err);
		rc = r.rc;
	} else if (r.code >= 500 || r.code == 429) {
		snprintf(why, 256, "robots.txt of %.200s unreachable: HTTP %ld", key, r.code);
		rc = ASSAY_EFETCH;
	} else if (r.code >= 200 && r.code < 300) {
		rc = assay_robots_parse(r.body.data ? r.body.data : "", r.body.len,
					o->robots_token ? o->robots_token : "assay", &rules);
		if (!rc && !assay_robots_allowed(rules, pathq)) {
			snprintf(why, 256, "disallowed by robots.txt");
			rc = ASSAY_EDENIED;
		}
	}
	assay_http_req_release(&r);
out:
	assay_robots_free(rules);
	assay_buf_release(&rurl);
	free(key);
	free(pathq);
	return rc;
}

/* Takes a finished 2xx response's results into @out. */
static int keep(struct assay_http_req *r, const char *url, struct assay_fetched *out)
{
	out->url = strdup(url);
	out->content_type = r->content_type;
	out->charset = r->charset;
	out->body = r->body;
	r->content_type = r->charset = NULL;
	memset(&r->body, 0, sizeof r->body);
	return out->url ? ASSAY_OK : ASSAY_ENOMEM;
}

/* One hop: robots.txt, then the page. *next is the redirect target. */
static int hop(struct assay_http *h, const char *url, const struct assay_crawl_opts *o,
	       struct assay_fetched *out, char **next, char why[256])
{
	struct assay_http_req r;
	int rc;

	if (!assay_url_is_web(url)) {
		snprintf(why, 256, "not an http or https URL");
		return ASSAY_EINVAL;
	}
	if ((rc = robots_check(h, url, o, why)))
		return rc;
	request_init(&r, url, o, ASSAY_ACCEPT_PAGE);
	rc = transfer(h, &r);
	if (rc) {
		snprintf(why, 256, "%s", assay_strerror(rc));
	} else if (r.rc != ASSAY_OK) {
		snprintf(why, 256, "%s", r.err);
		rc = r.rc;
	} else if (r.code >= 300 && r.code < 400 && r.location) {
		rc = assay_url_resolve(url, r.location, next);
		if (rc)
			snprintf(why, 256, "bad redirect to '%.200s'", r.location);
	} else if (r.code < 200 || r.code >= 300) {
		snprintf(why, 256, "HTTP %ld", r.code);
		rc = ASSAY_EFETCH;
	} else {
		rc = keep(&r, url, out);
	}
	assay_http_req_release(&r);
	return rc;
}

int assay_fetch_one(const char *url, const struct assay_crawl_opts *o, struct assay_fetched *out,
		    char why[256])
{
	struct assay_http_limits lim;
	struct assay_http *h = NULL;
	char *cur = NULL, *next = NULL;
	int rc, hops = 0;

	memset(out, 0, sizeof *out);
	why[0] = 0;
	crawler_http_limits(o, &lim);
	if ((rc = assay_http_open(&lim, &h)) || (rc = assay_url_resolve(NULL, url, &cur))) {
		snprintf(why, 256, "%s", rc == ASSAY_EINVAL ? "not a URL" : assay_strerror(rc));
		goto out;
	}
	while ((rc = hop(h, cur, o, out, &next, why)) == ASSAY_OK && next) {
		free(cur);
		cur = next;
		next = NULL;
		if (++hops > o->max_redirects) {
			snprintf(why, 256, "more than %d redirects", o->max_redirects);
			rc = ASSAY_EFETCH;
			break;
		}
	}
out:
	free(cur);
	free(next);
	assay_http_close(h);
	if (rc)
		assay_fetched_release(out);
	return rc;
}

void assay_fetched_release(struct assay_fetched *f)
{
	free(f->url);
	free(f->content_type);
	free(f->charset);
	assay_buf_release(&f->body);
	memset(f, 0, sizeof *f);
}
