/* test_fetch.c - the crawler against a loopback server it cannot trust:
 * every feed format, 304s, redirects, 429/500s, slow drips, endless and
 * bomb bodies, binary bodies, charsets, robots.txt, sitemaps, budgets and
 * resuming. Each case checks what was handed on (nothing from a failure),
 * how the summary counted it, and that it ended within its limit. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "assay.h"
#include "fetch.h"
#include "fetch_mem.h"
#include "fetch_server.h"
#include "warc.h"

#define PAGE "<!DOCTYPE html><html><head><title>T</title></head><body><p>Rare earths.</p></body></html>"
#define HTML "text/html; charset=utf-8"

static char big_page[64 * 1024]; /* filled by setup() */

static const struct route routes[] = {
	{"/page.gz", 200, HTML, PAGE, NULL, R_GZIP},
	{"/bigpage.gz", 200, HTML, big_page, NULL, R_GZIP},
	{"/gz.xml", 200, "application/rss+xml",
	 "<rss version=\"2.0\"><channel><item><link>/bigpage.gz</link></item></channel></rss>",
	 NULL, R_PLAIN},
	{"/p1", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/p2", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/p3", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/p4", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/p5", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/p6", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/p7", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/p8", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/rss.xml", 200, "application/rss+xml",
	 "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
	 "<item><title>One</title><link>/p1</link><pubDate>Tue, 03 Jun 2025 09:30:00 +0200</pubDate></item>"
	 "<item><title>Two</title><link>p2</link></item></channel></rss>", NULL, R_PLAIN},
	{"/rdf.xml", 200, "application/rdf+xml",
	 "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	 "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	 "<channel rdf:about=\"x\"><title>t</title></channel>"
	 "<item rdf:about=\"http://127.0.0.1:%P/p3\"><title>Three</title><link>http://127.0.0.1:%P/p3</link>"
	 "<dc:date>2025-06-04T10:00:00Z</dc:date></item></rdf:RDF>", NULL, R_PLAIN},
	{"/atom.xml", 200, "application/atom+xml",
	 "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
	 "<entry><title>Four</title><link rel=\"alternate\" href=\"/p4\"/><link rel=\"edit\" href=\"/nope\"/>"
	 "<published>2025-06-05T08:00:00-05:00</published></entry></feed>", NULL, R_PLAIN},
	{"/feed.json", 200, "application/feed+json",
	 "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":["
	 "{\"id\":\"5\",\"url\":\"/p5\",\"title\":\"Five\",\"date_published\":\"2025-06-06T00:00:00Z\"}]}",
	 NULL, R_PLAIN},
	{"/home", 200, HTML,
	 "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\"></head>"
	 "<body>home</body></html>", NULL, R_PLAIN},
	{"/story", 200, HTML,
	 "<html><head><meta property=\"og:type\" content=\"article\">"
	 "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\"></head>"
	 "<body><article><p>Rare earths.</p></article></body></html>", NULL, R_PLAIN},
	{"/story-ld", 200, HTML,
	 "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\"></head>"
	 "<body><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>"
	 "<p>Rare earths.</p></body></html>", NULL, R_PLAIN},
	{"/etag.xml", 200, "application/rss+xml",
	 "<rss version=\"2.0\"><channel><item><link>/p6</link></item></channel></rss>",
	 "ETag: \"v1\"", R_ETAG},
	{"/lastmod.xml", 200, "application/xml",
	 "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/p5</loc></url></urlset>",
	 "Last-Modified: Wed, 16 Oct 2024 07:42:18 GMT", R_LASTMOD},
	{"/r1", 302, HTML, "", "Location: /p7", R_PLAIN},
	{"/loop1", 301, HTML, "", "Location: /loop2", R_PLAIN},
	{"/loop2", 301, HTML, "", "Location: /loop1", R_PLAIN},
	{"/tofile", 302, HTML, "", "Location: file:///etc/passwd", R_PLAIN},
	{"/toftp", 302, HTML, "", "Location: ftp://127.0.0.1/x", R_PLAIN},
	{"/tolocal", 302, HTML, "", "Location: http://127.0.0.1:%P/p8", R_PLAIN},
	{"/busy", 503, HTML, PAGE, "Retry-After: 1", R_FLAKY},
	{"/toomany", 429, HTML, PAGE, "Retry-After: 1", R_FLAKY},
	{"/e500", 500, HTML, "oops", NULL, R_PLAIN},
	{"/drip", 200, HTML, NULL, NULL, R_DRIP},
	{"/endless", 200, HTML, NULL, NULL, R_ENDLESS},
	{"/bomb", 200, HTML, NULL, NULL, R_GZIP_BOMB},
	{"/image", 200, "image/png", "\x89PNG\r\n\x1a\n\x00\x00", NULL, R_PLAIN},
	{"/octets", 200, NULL, "\x7f" "ELF\x02\x01\x01\x00\x00\x00", NULL, R_PLAIN},
	{"/latin1", 200, "text/html; charset=iso-8859-1", "<html><body>caf\xc3\xa9</body></html>", NULL, R_PLAIN},
	{"/nocharset", 200, "text/html", "<html><body>plain</body></html>", NULL, R_PLAIN},
	{"/old.xml", 200, "application/rss+xml",
	 "<rss version=\"2.0\"><channel><item><link>/p1</link><pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></item>"
	 "<item><link>/p2</link></item></channel></rss>", NULL, R_PLAIN},
	{"/sitemap_index.xml", 200, "application/xml",
	 "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
	 "<sitemap><loc>/news.xml.gz</loc></sitemap></sitemapindex>", NULL, R_PLAIN},
	{"/news.xml.gz", 200, "application/gzip",
	 "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
	 "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
	 "<url><loc>http://127.0.0.1:%P/p3</loc><news:news><news:publication_date>2025-07-01T12:00:00+08:00"
	 "</news:publication_date><news:title>Three</news:title></news:news></url>"
	 "<url><loc>/p4</loc><lastmod>2025-07-02</lastmod></url></urlset>", NULL, R_GZIP},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

static struct tsrv *srv;
static struct mem mem;
static struct assay_crawl_opts opts;
static struct assay_crawl_hooks hooks;
static struct assay_fetch_counts sum;

static void setup(void)
{
	memset(big_page, ' ', sizeof big_page - 1);
	memcpy(big_page, "<html><body>", 12);
	srv = tsrv_start(routes);
	cr_assert(srv, "the test server starts");
	memset(&mem, 0, sizeof mem);
	mem_hooks(&mem, &hooks);
	test_opts(&opts);
}

static void teardown(void)
{
	tsrv_stop(srv);
	mem_release(&mem);
}

TestSuite(fetch, .init = setup, .fini = teardown, .timeout = 60);

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Crawls one source; returns the seconds it took. */
static double crawl1(const char *path, int *rc)
{
	const char *src[1] = {tsrv_url(srv, path)};
	double t0 = now_s();

	*rc = assay_crawl(src, 1, &opts, &hooks, &sum);
	return now_s() - t0;
}

Test(fetch, reads_rss_rdf_atom_and_json_feeds)
{
	const char *src[4];
	int rc;

	src[0] = tsrv_url(srv, "/rss.xml");
	src[1] = tsrv_url(srv, "/rdf.xml");
	src[2] = tsrv_url(srv, "/atom.xml");
	src[3] = tsrv_url(srv, "/feed.json");
	rc = assay_crawl(src, 4, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK, "rc %d", rc);
	cr_assert_eq(sum.sources, 4);
	cr_assert_eq(sum.pages_fetched, 5);
	cr_assert_eq(sum.errors, 0);
	for (int i = 1; i <= 5; i++) {
		char suf[8];
		snprintf(suf, sizeof suf, "/p%d", i);
		cr_assert_eq(mem_count_suffix(&mem, suf), 1, "page %s handed on once", suf);
	}
	const struct mem_page *p1 = mem_page(&mem, tsrv_url(srv, "/p1"));
	cr_assert(p1 && p1->published && strcmp(p1->published, "2025-06-03") == 0);
	cr_assert_str_eq(p1->title, "One");
	cr_assert_str_eq(mem_page(&mem, tsrv_url(srv, "/p4"))->published, "2025-06-05");
	cr_assert_str_eq(mem_page(&mem, tsrv_url(srv, "/p3"))->title, "Three");
	cr_assert_eq(tsrv_hits(srv, "/nope"), 0, "atom edit links are not articles");
}

Test(fetch, discovers_the_feed_of_an_html_page)
{
	int rc;

	crawl1("/home", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem_count_suffix(&mem, "/p1") + mem_count_suffix(&mem, "/p2"), 2);
	cr_assert_eq(mem_count_suffix(&mem, "/home"), 0, "a page with feeds is not an article");
}

Test(fetch, sends_validators_and_counts_304_as_not_modified)
{
	int rc;

	crawl1("/etag.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(sum.pages_fetched, 1);
	crawl1("/etag.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(sum.not_modified, 1);
	cr_assert_eq(sum.pages_fetched, 0);
	cr_assert_eq(tsrv_hits(srv, "/p6"), 1, "the page is fetched once");
}

Test(fetch, follows_a_redirect_to_a_page_and_keeps_the_listed_url)
{
	int rc;
	const struct mem_page *p;

	crawl1("/r1", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	p = mem_page(&mem, tsrv_url(srv, "/r1"));
	cr_assert(p, "handed on under the URL as listed");
	cr_assert_str_eq(p->final_url, tsrv_url(srv, "/p7"));
}

Test(fetch, stops_a_redirect_loop)
{
	int rc;
	double t = crawl1("/loop1", &rc);

	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(mem.npages, 0);
	cr_assert_leq(tsrv_hits(srv, "/loop1") + tsrv_hits(srv, "/loop2"), 6, "at most 5 redirects");
	cr_assert_lt(t, 5);
}

Test(fetch, refuses_redirects_to_file_and_ftp)
{
	const char *src[2];
	int rc;

	src[0] = tsrv_url(srv, "/tofile");
	src[1] = tsrv_url(srv, "/toftp");
	rc = assay_crawl(src, 2, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 2);
	cr_assert_eq(mem.npages, 0);
}

Test(fetch, refuses_loopback_unless_allowed)
{
	int rc;

	opts.allow_private = false;
	crawl1("/p1", &rc);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(mem.npages, 0);
	cr_assert_eq(tsrv_hits(srv, "/p1") + tsrv_hits(srv, "/robots.txt"), 0, "no byte was sent");
}

Test(fetch, checks_the_resolved_address_not_the_name)
{
	char url[96];
	const char *src[1] = {url};
	int rc;

	/* "localhost" looks like no address at all; it resolves to loopback. */
	opts.allow_private = false;
	snprintf(url, sizeof url, "http://localhost:%u/p1", tsrv_port(srv));
	rc = assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(tsrv_hits(srv, "/p1") + tsrv_hits(srv, "/robots.txt"), 0);
}

Test(fetch, refuses_a_redirect_to_loopback_from_a_trusted_host)
{
	char src[128];
	const char *s[1] = {src};
	int rc;

	/* localhost is trusted by its source line; the redirect goes to
	 * 127.0.0.1, another host, and the guard stays on for it. */
	opts.allow_private = false;
	snprintf(src, sizeof src, "http://localhost:%u/tolocal private=yes", tsrv_port(srv));
	rc = assay_crawl(s, 1, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(tsrv_hits(srv, "/tolocal"), 1, "the trusted host was fetched");
	cr_assert_eq(tsrv_hits(srv, "/p8"), 0, "the redirect target was not");
	cr_assert_eq(mem.npages, 0);
	cr_assert_eq(sum.errors, 1);
}

/* @path answers 503 or 429 with Retry-After: 1 once, then the page. */
static void check_retry_after(const char *path)
{
	struct logged log[16];
	char *first_url = strdup(tsrv_url(srv, path));
	const char *src[2] = {first_url, tsrv_url(srv, "/p1")};
	size_t n, at503 = 0;
	int rc;

	rc = assay_crawl(src, 2, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 2);
	cr_assert_eq(sum.retries, 1);
	n = tsrv_log(srv, log, 16);
	while (at503 < n && strcmp(log[at503].path, path) != 0)
		at503++;
	cr_assert_eq(n, at503 + 3, "%s twice, then /p1", path);
	cr_assert_geq(log[at503 + 1].at - log[at503].at, 0.95, "Retry-After honoured");
	cr_assert_geq(log[at503 + 2].at - log[at503 + 1].at, 0.95,
		      "the whole host slowed down, not just the URL (%.2f s)",
		      log[at503 + 2].at - log[at503 + 1].at);
	free(first_url);
}

Test(fetch, waits_for_retry_after_on_503_and_slows_the_host)
{
	check_retry_after("/busy");
}

Test(fetch, waits_for_retry_after_on_429_and_slows_the_host)
{
	check_retry_after("/toomany");
}

Test(fetch, retries_500s_then_counts_one_error)
{
	int rc;
	double t = crawl1("/e500", &rc);

	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(tsrv_hits(srv, "/e500"), 3, "one try and two retries");
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(sum.retries, 2);
	cr_assert_eq(mem.npages, 0);
	cr_assert_lt(t, 5);
}

Test(fetch, aborts_a_slow_drip)
{
	int rc;
	double t;

	opts.max_retries = 0;
	t = crawl1("/drip", &rc);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(mem.npages, 0);
	cr_assert_lt(t, 4, "low-speed limit ended it (%.1f s)", t);
}

Test(fetch, cuts_an_endless_body_at_the_limit)
{
	int rc;
	double t = crawl1("/endless", &rc);

	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(mem.npages, 0);
	cr_assert_lt(t, 5);
}

Test(fetch, cuts_a_gzip_bomb_after_decompression)
{
	int rc;
	double t = crawl1("/bomb", &rc);

	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(mem.npages, 0);
	cr_assert_lt(t, 10);
}

Test(fetch, refuses_binary_bodies)
{
	const char *src[2];
	int rc;

	src[0] = tsrv_url(srv, "/image");
	src[1] = tsrv_url(srv, "/octets");
	rc = assay_crawl(src, 2, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 2);
	cr_assert_eq(mem.npages, 0);
}

/* Each failure is counted once, by the module that met it: a page the
 * hooks refuse (the pipeline could not store it) is theirs to count, not
 * among the crawl's errors, and still makes the crawl a partial one. */
Test(fetch, a_page_the_hooks_refuse_is_theirs_to_count)
{
	int rc;

	mem.fail_on_page = ASSAY_EINVAL;
	crawl1("/rss.xml", &rc);
	cr_assert_eq(rc, ASSAY_EFETCH, "rc %d", rc);
	cr_assert_gt(sum.pages_fetched, 0);
	cr_assert_eq(mem.refused, sum.pages_fetched);
	cr_assert_eq(sum.errors, 0);
	cr_assert_eq(mem.npages, 0);
	/* not delivered: the next run hands the pages on again */
	mem.fail_on_page = 0;
	crawl1("/rss.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK, "rc %d", rc);
	cr_assert_eq(mem.npages, sum.pages_fetched);
}

Test(fetch, hands_on_pages_with_wrong_or_missing_charsets)
{
	const char *src[2];
	int rc;

	src[0] = tsrv_url(srv, "/latin1");
	src[1] = tsrv_url(srv, "/nocharset");
	rc = assay_crawl(src, 2, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 2);
	cr_assert_str_eq(mem_page(&mem, tsrv_url(srv, "/latin1"))->charset, "iso-8859-1");
	cr_assert_null(mem_page(&mem, tsrv_url(srv, "/nocharset"))->charset);
}

Test(fetch, skips_feed_items_older_than_since)
{
	int rc;

	opts.since_days = 30;
	crawl1("/old.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(sum.too_old, 1);
	cr_assert_eq(mem.npages, 1);
	cr_assert_eq(tsrv_hits(srv, "/p1"), 0);
}

Test(fetch, reads_a_sitemap_index_with_a_gzipped_news_child)
{
	int rc;
	const struct mem_page *p3;

	crawl1("/sitemap_index.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 2);
	p3 = mem_page(&mem, tsrv_url(srv, "/p3"));
	cr_assert(p3 && p3->published);
	cr_assert_str_eq(p3->published, "2025-07-01");
	cr_assert_str_eq(mem_page(&mem, tsrv_url(srv, "/p4"))->published, "2025-07-02");
}

Test(fetch, never_fetches_a_known_article_unless_refetch)
{
	int rc;

	crawl1("/rss.xml", &rc);
	cr_assert_eq(mem.npages, 2);
	crawl1("/rss.xml", &rc);
	cr_assert_eq(sum.pages_fetched, 0);
	cr_assert_eq(sum.skipped_known, 2);
	cr_assert_eq(tsrv_hits(srv, "/p1"), 1);
	opts.refetch = true;
	crawl1("/rss.xml", &rc);
	cr_assert_eq(sum.pages_fetched, 2);
	cr_assert_eq(tsrv_hits(srv, "/p1"), 2);
}

Test(fetch, keeps_the_delay_between_requests_to_one_host)
{
	int rc;
	const char *src[5];

	opts.delay = 0.3;
	for (int i = 0; i < 5; i++) {
		static char paths[5][8];
		snprintf(paths[i], sizeof paths[i], "/p%d", i + 1);
		src[i] = strdup(tsrv_url(srv, paths[i]));
	}
	rc = assay_crawl(src, 5, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 5);
	cr_assert_geq(tsrv_min_gap(srv), 0.3, "min gap %.3f s", tsrv_min_gap(srv));
	cr_log_info("politeness: delay 0.300 s, smallest gap between two requests %.3f s",
		    tsrv_min_gap(srv));
	for (int i = 0; i < 5; i++)
		free((char *)src[i]);
}

Test(fetch, resumes_a_run_stopped_by_its_page_budget)
{
	const char *src[4];
	int rc;

	src[0] = tsrv_url(srv, "/rss.xml");
	src[1] = tsrv_url(srv, "/rdf.xml");
	src[2] = tsrv_url(srv, "/atom.xml");
	src[3] = tsrv_url(srv, "/feed.json");
	opts.max_pages = 2;
	rc = assay_crawl(src, 4, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert(sum.stopped);
	cr_assert_eq(mem.npages, 2);
	cr_assert_eq(sum.deferred, 3);
	/* The next run has no sources at all: the frontier alone resumes it. */
	opts.max_pages = 0;
	rc = assay_crawl(NULL, 0, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 5);
	for (int i = 1; i <= 5; i++) {
		char p[8];
		snprintf(p, sizeof p, "/p%d", i);
		cr_assert_eq(tsrv_hits(srv, p), 1, "%s fetched once", p);
	}
}

static const struct route robots_down[] = {
	{"/robots.txt", 500, "text/plain", "down", NULL, R_PLAIN},
	{"/p", 200, HTML, PAGE, NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

Test(fetch, an_unreachable_robots_txt_defers_the_host)
{
	struct tsrv *s = tsrv_start(robots_down);
	const char *src[1] = {tsrv_url(s, "/p")};
	int rc;

	rc = assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(tsrv_hits(s, "/p"), 0, "nothing fetched while robots.txt is down");
	cr_assert_eq(tsrv_hits(s, "/robots.txt"), 3, "robots.txt tried again with backoff");
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(sum.deferred, 1, "kept for the next run");
	cr_assert_eq(mem.npages, 0);
	tsrv_stop(s);
}

static const struct route robots_moved[] = {
	{"/robots.txt", 301, "text/plain", "", "Location: /real/robots.txt", R_PLAIN},
	{"/real/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /x\n", NULL, R_PLAIN},
	{"/x", 200, HTML, PAGE, NULL, R_PLAIN},
	{"/y", 200, HTML, PAGE, NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

Test(fetch, follows_a_redirected_robots_txt)
{
	struct tsrv *s = tsrv_start(robots_moved);
	const char *src[2];
	char *x = strdup(tsrv_url(s, "/x"));
	int rc;

	src[0] = x;
	src[1] = tsrv_url(s, "/y");
	rc = assay_crawl(src, 2, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(tsrv_hits(s, "/real/robots.txt"), 1);
	cr_assert_eq(tsrv_hits(s, "/x"), 0);
	cr_assert_eq(sum.robots_denied, 1);
	cr_assert_eq(mem.npages, 1);
	tsrv_stop(s);
	free(x);
}

Test(fetch, stops_at_its_time_budget_and_keeps_the_rest)
{
	const char *src[8];
	char *own[8];
	int rc;
	double t0 = now_s();

	opts.delay = 0.4;
	opts.max_seconds = 1;
	for (int i = 0; i < 8; i++) {
		char p[8];
		snprintf(p, sizeof p, "/p%d", i + 1);
		src[i] = own[i] = strdup(tsrv_url(srv, p));
	}
	rc = assay_crawl(src, 8, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert(sum.stopped);
	cr_assert_lt(now_s() - t0, 2.0);
	cr_assert_lt(mem.npages, 8);
	cr_assert_eq(mem.npages + sum.deferred, 8, "fetched %zu, deferred %u", mem.npages, sum.deferred);
	for (int i = 0; i < 8; i++)
		free(own[i]);
}

Test(fetch, names_itself_with_a_contact_url_or_the_sources_agent)
{
	struct logged log[8];
	char line[160];
	const char *src[2] = {line, NULL};
	size_t n;
	int rc;

	src[1] = tsrv_url(srv, "/p2");
	snprintf(line, sizeof line, "%s ua=\"nosy/2 (+https://nosy.example/about)\"",
		 tsrv_url(srv, "/p1"));
	src[0] = line;
	/* Two sources on one host: the host's requests carry the agent of
	 * the source each URL came from. */
	rc = assay_crawl(src, 2, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	n = tsrv_log(srv, log, 8);
	cr_assert_geq(n, 2);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(log[i].path, "/p1") == 0)
			cr_assert_str_eq(log[i].user_agent, "nosy/2 (+https://nosy.example/about)");
		else if (strcmp(log[i].path, "/p2") == 0)
			cr_assert(strncmp(log[i].user_agent, "assay/", 6) == 0 &&
					  strstr(log[i].user_agent, "(+http"),
				  "default agent names the tool and a contact URL: %s", log[i].user_agent);
	}
}

Test(fetch, an_article_named_as_a_source_is_stored_not_its_site_feed)
{
	const char *src[2];
	char *a = strdup(tsrv_url(srv, "/story"));
	int rc;

	src[0] = a;
	src[1] = tsrv_url(srv, "/story-ld");
	rc = assay_crawl(src, 2, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 2, "both articles handed on");
	cr_assert_eq(tsrv_hits(srv, "/rss.xml") + tsrv_hits(srv, "/atom.xml"), 0,
		     "the site feeds they link are not crawled");
	free(a);
}

struct at_offset {
	int64_t want;
	char uri[256];
};

static int find_offset(void *ctx, const struct assay_warc_record *r)
{
	struct at_offset *a = ctx;

	if (r->offset == a->want && strcmp(r->type, "response") == 0)
		snprintf(a->uri, sizeof a->uri, "%s", r->target_uri ? r->target_uri : "");
	return 0;
}

Test(fetch, each_page_knows_its_warc_record)
{
	char path[] = "/tmp/assay-crawl-warc-XXXXXX";
	struct at_offset a = {0};
	const struct mem_page *p;
	int rc, fd = mkstemp(path);

	close(fd);
	unlink(path);
	opts.warc_path = path;
	crawl1("/rss.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	p = mem_page(&mem, tsrv_url(srv, "/p1"));
	cr_assert(p && p->warc_file, "the page names its WARC file");
	cr_assert_str_eq(p->warc_file, path);
	cr_assert_gt(p->warc_offset, 0);
	a.want = p->warc_offset;
	cr_assert_eq(assay_warc_read(path, 1u << 20, find_offset, &a, NULL), ASSAY_OK);
	cr_assert_str_eq(a.uri, tsrv_url(srv, "/p1"), "the record at that offset is the page's");
	unlink(path);
}

Test(fetch, inflates_a_gzipped_page_under_the_same_cap)
{
	const char *src[1];
	int rc;

	crawl1("/page.gz", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 1);
	cr_assert_eq(mem.pages[0].len, strlen(PAGE), "handed on inflated");
	/* 64 KB of HTML in a few hundred gzipped bytes: over a 16 KB cap. */
	opts.max_body = 16 * 1024;
	src[0] = tsrv_url(srv, "/bigpage.gz");
	rc = assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	/* The same page listed by a feed. */
	src[0] = tsrv_url(srv, "/gz.xml");
	rc = assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(mem.npages, 1, "nothing more stored");
}

static const struct route robots_etag[] = {
	{"/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /x\n", "ETag: \"r1\"", R_ETAG},
	{"/x", 200, HTML, PAGE, NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

Test(fetch, revalidates_a_stale_robots_txt_and_keeps_its_rules_on_304)
{
	struct tsrv *s = tsrv_start(robots_etag);
	const char *src[1] = {tsrv_url(s, "/x")};

	opts.robots_ttl = 0; /* always stale: every run asks again */
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_assert_eq(sum.robots_denied, 1);
	assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_assert_eq(tsrv_hits(s, "/robots.txt"), 2, "asked again");
	cr_assert_eq(sum.robots_denied, 1, "the 304 kept the cached rules");
	cr_assert_eq(tsrv_hits(s, "/x"), 0);
	tsrv_stop(s);
}

/* The smallest gap between two requests carrying Host @host. */
static double host_min_gap(const struct logged *log, size_t n, const char *host)
{
	double best = 1e9, last = -1;

	for (size_t i = 0; i < n; i++) {
		if (strcmp(log[i].host, host) != 0)
			continue;
		if (last >= 0 && log[i].at - last < best)
			best = log[i].at - last;
		last = log[i].at;
	}
	return best;
}

Test(fetch, crawls_hosts_in_parallel_each_at_its_own_pace)
{
	char urls[6][96], h1[64], h2[64];
	const char *src[6];
	struct logged log[32];
	size_t n;
	double t0 = now_s(), t;
	int rc;

	/* 127.0.0.1 and localhost: one server, two hosts to the crawler. */
	for (int i = 0; i < 3; i++) {
		snprintf(urls[i], sizeof urls[i], "http://127.0.0.1:%u/p%d", tsrv_port(srv), i + 1);
		snprintf(urls[3 + i], sizeof urls[i], "http://localhost:%u/p%d", tsrv_port(srv), i + 1);
	}
	for (int i = 0; i < 6; i++)
		src[i] = urls[i];
	opts.delay = 0.4;
	rc = assay_crawl(src, 6, &opts, &hooks, &sum);
	t = now_s() - t0;
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 6);
	n = tsrv_log(srv, log, 32);
	snprintf(h1, sizeof h1, "127.0.0.1:%u", tsrv_port(srv));
	snprintf(h2, sizeof h2, "localhost:%u", tsrv_port(srv));
	cr_assert_geq(host_min_gap(log, n, h1), 0.4);
	cr_assert_geq(host_min_gap(log, n, h2), 0.4);
	/* 4 requests a host (robots.txt + 3) at 0.4 s: 1.2 s in parallel,
	 * 2.8 s one host after the other. */
	cr_assert_lt(t, 2.2, "hosts crawled in parallel (%.2f s)", t);
}

Test(fetch, sends_if_modified_since_for_a_sitemap)
{
	int rc;

	crawl1("/lastmod.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(sum.pages_fetched, 1);
	crawl1("/lastmod.xml", &rc);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(sum.not_modified, 1, "Last-Modified sent back, 304 counted");
	cr_assert_eq(tsrv_hits(srv, "/p5"), 1);
}

static const struct route robots_sitemaps[] = {
	{"/robots.txt", 200, "text/plain", "User-agent: *\nAllow: /\n\nSitemap: /sm.xml\n", NULL, R_PLAIN},
	{"/sm.xml", 200, "application/xml",
	 "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/p</loc></url></urlset>",
	 NULL, R_PLAIN},
	{"/p", 200, HTML, PAGE, NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

Test(fetch, a_robots_txt_named_as_a_source_gives_its_sitemaps)
{
	struct tsrv *s = tsrv_start(robots_sitemaps);
	const char *src[1] = {tsrv_url(s, "/robots.txt")};
	int rc;

	rc = assay_crawl(src, 1, &opts, &hooks, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	cr_assert_eq(mem.npages, 1);
	cr_assert_eq(tsrv_hits(s, "/sm.xml"), 1);
	tsrv_stop(s);
}
