/* test_fetch_hostile.c - what a hostile site does to the crawler (issue
 * 21): unbounded discovery, entity expansion in feeds and sitemaps.
 * Network tests run against the loopback test server only. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "feed.h"
#include "fetch.h"
#include "fetch_mem.h"
#include "fetch_server.h"

static const struct route routes[] = {
	{"/robots.txt", 404, "text/plain", "", NULL, R_PLAIN},
	{"/tree/", 200, "application/xml", "2000", NULL, R_INDEX_TREE},
	{"/chain/", 200, "application/xml", "1", NULL, R_INDEX_TREE},
	{"/big/", 200, "application/xml", "5000", NULL, R_URLSET_GEN},
	{"/front/", 200, "text/html", "2000", NULL, R_FEED_LINKS},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

static struct tsrv *srv;
static struct mem mem;
static struct assay_crawl_opts opts;
static struct assay_crawl_hooks hooks;
static struct assay_fetch_counts sum;

static void setup(void)
{
	srv = tsrv_start(routes);
	cr_assert(srv, "the test server starts");
	memset(&mem, 0, sizeof mem);
	mem_hooks(&mem, &hooks);
	test_opts(&opts);
	opts.delay = 0;
}

static void teardown(void)
{
	tsrv_stop(srv);
	mem_release(&mem);
}

TestSuite(fetch_hostile, .init = setup, .fini = teardown, .timeout = 90);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Lines of the frontier the crawl saved for the next run. */
static size_t frontier_lines(void)
{
	for (size_t i = 0; i < mem.nkv; i++)
		if (strcmp(mem.kv[i].table, "crawl_frontier") == 0) {
			size_t n = 0;
			for (const char *p = mem.kv[i].val; (p = strchr(p, '\n')); p++)
				n++;
			return n;
		}
	return 0;
}

/* Requests whose path starts with @prefix and has more than @depth
 * slashes after it. */
static unsigned hits_deeper_than(const char *prefix, int depth)
{
	static struct logged log[4096];
	size_t n = tsrv_log(srv, log, 4096);
	unsigned deep = 0;

	for (size_t i = 0; i < n; i++) {
		int d = 0;
		if (strncmp(log[i].path, prefix, strlen(prefix)) != 0)
			continue;
		for (const char *p = log[i].path + strlen(prefix); *p; p++)
			d += *p == '/';
		deep += d > depth;
	}
	return deep;
}

/* A sitemap index whose 2,000 children are new indexes of 2,000 each:
 * with the default bounds one source queues at most max_per_source URLs,
 * and the rest is counted, not kept. */
Test(fetch_hostile, a_sitemap_index_fan_out_is_bounded_per_source)
{
	const char *src[1] = {tsrv_url(srv, "/tree/")};
	struct assay_crawl_opts d;

	assay_crawl_opts_init(&d);
	opts.max_per_source = d.max_per_source;
	opts.max_queue = d.max_queue;
	opts.max_seconds = 4;
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_leq(frontier_lines(), d.max_per_source, "%zu URLs saved", frontier_lines());
	cr_expect_gt(sum.dropped, 0);
	cr_expect_leq(sum.deferred, d.max_per_source);
}

/* An endless chain of distinct indexes, one child each, is followed
 * max_depth listings below its source and no further. */
Test(fetch_hostile, a_chain_of_sitemap_indexes_stops_at_the_depth_bound)
{
	const char *src[1] = {tsrv_url(srv, "/chain/")};
	double t0 = now_s();

	opts.max_seconds = 20;
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_lt(now_s() - t0, 10, "the chain is cut early, not by the time budget");
	/* "/chain/0" is one listing below the source, "/chain/0/0" two... */
	cr_expect_eq(hits_deeper_than("/chain/", (int)opts.max_depth - 1), 0);
	cr_expect_eq(hits_deeper_than("/chain/", (int)opts.max_depth - 2), 1);
	cr_expect_eq(sum.dropped, 1);
	cr_expect_not(sum.stopped);
}

/* A front page linking 2,000 feeds gives at most max_feeds of them, and
 * a "feed" that is another such page is not a feed: discovery is one
 * level deep. */
Test(fetch_hostile, feed_links_of_one_page_are_bounded)
{
	const char *src[1] = {tsrv_url(srv, "/front/")};

	opts.max_seconds = 20;
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_leq(hits_deeper_than("/front/", -1), 1 + opts.max_feeds);
	cr_expect_eq(sum.dropped, 2000 - opts.max_feeds);
	cr_expect_not(sum.stopped);
}

/* A sitemap listing more pages than a host may be given in a run: the
 * rest is dropped, and the sitemap's validators are not kept, so the next
 * run reads it whole instead of getting a 304. */
Test(fetch_hostile, a_host_is_given_at_most_its_share_and_the_listing_is_read_again)
{
	const char *src[1] = {tsrv_url(srv, "/big/")};

	opts.max_per_host = 300;
	opts.max_pages = 5;
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_leq(frontier_lines() + mem.npages, 300);
	cr_expect_geq(sum.dropped, 5000 - 300);
	for (size_t i = 0; i < mem.nkv; i++)
		cr_expect_neq(strcmp(mem.kv[i].table, "crawl_validators"), 0);
}

/* A frontier saved by an older run, far over the bound, is cut when
 * read: the run starts at once and fetches pages. */
Test(fetch_hostile, an_oversized_saved_frontier_is_cut_not_read_whole)
{
	const char *src[1] = {tsrv_url(srv, "/robots.txt")};
	size_t n = 300000, cap = n * 64;
	char *big = malloc(cap), *p = big;
	double t0;

	cr_assert(big);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "3\t0\t0\t\thttp://127.0.0.1:%u/big/p%zu\t\t\n", tsrv_port(srv), i);
	cr_assert_eq(hooks.state_put(hooks.ctx, "crawl_frontier", "frontier", big, (size_t)(p - big)),
		     ASSAY_OK);
	free(big);
	opts.max_queue = 1000;
	opts.max_pages = 3;
	t0 = now_s();
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_lt(now_s() - t0, 10);
	cr_expect_eq(mem.npages, 3);
	cr_expect_geq(sum.dropped, n - 1000);
	cr_expect_leq(frontier_lines(), 1000);
}

/* One 10 KB entity used many times (500 in a URL: 5 MB, under curl's
 * own 8 MB limit on URLs, so the URL is not simply refused): the parser is told not to
 * substitute entities, and the text read from the tree stays bounded. */
static char *entity_doc(size_t uses, const char *fmt_head, const char *use, const char *fmt_tail)
{
	size_t ent = 10000, cap = ent + uses * strlen(use) + 1024;
	char *s = malloc(cap), *p = s;

	cr_assert(s);
	p += sprintf(p, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"");
	memset(p, 'A', ent);
	p += ent;
	p += sprintf(p, "\">]>%s", fmt_head);
	for (size_t i = 0; i < uses; i++)
		p += sprintf(p, "%s", use);
	sprintf(p, "%s", fmt_tail);
	return s;
}

static void check_bounded(char *doc, bool want_link)
{
	struct assay_links ls = {0};
	int rc = assay_source_parse(doc, strlen(doc), "http://example.org/feed", &ls);

	if (rc == ASSAY_OK) {
		for (size_t i = 0; i < ls.n; i++) {
			cr_expect_leq(strlen(ls.v[i].url), 64u << 10);
			cr_expect(!ls.v[i].title || strlen(ls.v[i].title) <= (64u << 10),
				  "title of %zu bytes", strlen(ls.v[i].title));
		}
		if (want_link)
			cr_expect_geq(ls.n, 1);
	}
	assay_links_release(&ls);
	free(doc);
}

Test(fetch_hostile, an_entity_repeated_in_an_rss_title_stays_bounded)
{
	check_bounded(entity_doc(2000, "<rss><channel><item><link>http://example.org/a</link><title>",
				 "&e;", "</title></item></channel></rss>"),
		      true);
}

Test(fetch_hostile, an_entity_repeated_in_an_atom_link_stays_bounded)
{
	check_bounded(entity_doc(500, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
				 "<title>t</title><link href=\"http://example.org/",
				 "&e;", "\"/></entry></feed>"),
		      true);
}

Test(fetch_hostile, an_entity_repeated_in_a_sitemap_loc_stays_bounded)
{
	check_bounded(entity_doc(500, "<urlset><url><loc>http://example.org/", "&e;",
				 "</loc></url></urlset>"),
		      true);
}

/* Nested entities (a "billion laughs"): ten levels of ten. */
Test(fetch_hostile, nested_entities_in_a_feed_end_quickly)
{
	char doc[4096], *p = doc;
	struct assay_links ls = {0};
	double t0 = now_s();

	p += sprintf(p, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lol\">");
	for (int i = 1; i <= 10; i++)
		p += sprintf(p, "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">", i,
			     i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	sprintf(p, "]><rss><channel><item><link>http://example.org/a</link><title>&l10;</title>"
		   "</item></channel></rss>");
	assay_source_parse(doc, strlen(doc), "http://example.org/feed", &ls);
	for (size_t i = 0; i < ls.n; i++)
		cr_expect(!ls.v[i].title || strlen(ls.v[i].title) <= (64u << 10));
	assay_links_release(&ls);
	cr_expect_lt(now_s() - t0, 5);
}

/* Slow, hanging and busy servers (issue 20, issue 21 #6 and #9). */
#define LINK(p) "<item><link>http://127.0.0.1:%P" p "</link></item>"
static const struct route slow_routes[] = {
	{"/robots.txt", 404, "text/plain", "", NULL, R_PLAIN},
	{"/feed", 200, "application/rss+xml",
	 "<rss><channel>" LINK("/drip") LINK("/endless") LINK("/ok") "</channel></rss>", NULL,
	 R_PLAIN},
	{"/drip", 200, "text/html", NULL, NULL, R_DRIP},
	{"/endless", 200, "text/html", NULL, NULL, R_ENDLESS},
	{"/ok", 200, "text/html", "<html><body><p>fine</p></body></html>", NULL, R_PLAIN},
	{"/hangfeed", 200, "application/rss+xml",
	 "<rss><channel>" LINK("/hang/1") LINK("/hang/2") LINK("/hang/3") LINK("/hang/4")
		 LINK("/hang/5") LINK("/hang/6") "</channel></rss>",
	 NULL, R_PLAIN},
	{"/hang/", 200, "text/html", "<html><body><p>late</p></body></html>", NULL, R_HANG},
	{"/busyfeed", 200, "application/rss+xml",
	 "<rss><channel>" LINK("/busy/1") LINK("/busy/2") LINK("/busy/3") LINK("/busy/4")
		 LINK("/busy/5") "</channel></rss>",
	 NULL, R_PLAIN},
	{"/busy/*", 429, "text/plain", "slow down", "Retry-After: 2", R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

static const struct route moved_robots_routes[] = {
	{"/robots.txt", 301, "text/plain", "", "Location: http://127.0.0.2:%P/elsewhere.txt", R_PLAIN},
	{"/elsewhere.txt", 200, "text/plain", "User-agent: *\nDisallow:\n", NULL, R_PLAIN},
	{"/feed", 200, "application/rss+xml", "<rss><channel></channel></rss>", NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

static void setup_slow(void)
{
	srv = tsrv_start(slow_routes);
	cr_assert(srv, "the test server starts");
	memset(&mem, 0, sizeof mem);
	mem_hooks(&mem, &hooks);
	/* The defaults, as a cron run has them. */
	assay_crawl_opts_init(&opts);
	opts.allow_private = true;
	opts.since_days = 0;
	opts.delay = 0.05;
}

TestSuite(fetch_slow, .init = setup_slow, .fini = teardown, .timeout = 120);

/* A feed with one dripping page and one endless page: the drip is cut
 * by the low-speed limit and not tried again in this run, the endless
 * one by the size limit; the run ends in well under 30 s. */
Test(fetch_slow, a_dripping_and_an_endless_page_end_a_run_in_under_30_s)
{
	const char *src[1] = {tsrv_url(srv, "/feed")};
	double t0 = now_s();

	cr_expect_eq(assay_crawl(src, 1, &opts, &hooks, &sum), ASSAY_EFETCH);
	cr_expect_lt(now_s() - t0, 30, "took %.1f s", now_s() - t0);
	cr_expect_eq(tsrv_hits(srv, "/drip"), 1, "the dripping page is not retried");
	cr_expect_eq(mem.npages, 1);
	cr_expect_eq(sum.errors, 2);
}

/* A host that times out again and again is left for the next run after
 * MAX_HOST_TROUBLE timeouts, instead of costing each URL its tries. */
Test(fetch_slow, a_host_that_keeps_timing_out_waits_for_the_next_run)
{
	const char *src[1] = {tsrv_url(srv, "/hangfeed")};
	double t0 = now_s();

	opts.timeout = 1;
	opts.retry_base = 0.05;
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_lt(now_s() - t0, 10, "took %.1f s", now_s() - t0);
	cr_expect_leq(hits_deeper_than("/hang/", -1), 3);
	cr_expect_eq(sum.deferred, 6, "every page kept for the next run");
	cr_expect_geq(frontier_lines(), 6);
}

/* 429 after 429: the host's pages wait for the next run instead of the
 * delay doubling for the rest of this one. */
Test(fetch_slow, a_host_that_keeps_saying_too_many_requests_waits_for_the_next_run)
{
	const char *src[1] = {tsrv_url(srv, "/busyfeed")};
	double t0 = now_s();

	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_lt(now_s() - t0, 15, "took %.1f s", now_s() - t0);
	cr_expect_leq(hits_deeper_than("/busy/", -1), 3);
	cr_expect_eq(sum.deferred, 5);
}

/* private=yes lets the crawler reach the host it names; a redirect of
 * its robots.txt to another private address is refused like a page's. */
Test(fetch_hostile, a_robots_txt_redirect_does_not_carry_private_yes_elsewhere)
{
	char line[256];
	const char *src[1] = {line};
	struct tsrv *moved = tsrv_start(moved_robots_routes);

	cr_assert(moved);
	opts.allow_private = false;
	snprintf(line, sizeof line, "%s private=yes", tsrv_url(moved, "/feed"));
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_expect_eq(tsrv_hits(moved, "/robots.txt"), 1);
	cr_expect_eq(tsrv_hits(moved, "/elsewhere.txt"), 0, "the redirect was followed");
	tsrv_stop(moved);
}
