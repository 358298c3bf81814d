/* test_fetch_forms.c - the forms feeds, sitemaps and servers take in the
 * wild, read as the well-known readers read them (issue 20): date
 * elements of Dublin Core and Atom 0.3, links as text or as Atom links,
 * listings under any text or generic type, gzipped or plain-text
 * sitemaps, and sitemaps cut short. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "feed.h"
#include "fetch.h"
#include "fetch_mem.h"
#include "fetch_server.h"

static struct assay_links parse(const char *doc)
{
	struct assay_links ls = {0};

	cr_assert_eq(assay_source_parse(doc, strlen(doc), "http://example.org/feed", &ls), ASSAY_OK,
		     "%s", doc);
	return ls;
}

static void expect_one(const char *doc, const char *url, const char *ymd)
{
	struct assay_links ls = parse(doc);

	cr_assert_eq(ls.n, 1, "%s", doc);
	cr_expect_str_eq(ls.v[0].url, url, "%s", doc);
	cr_expect_str_eq(ls.v[0].ymd, ymd, "%s", doc);
	assay_links_release(&ls);
}

#define DC "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""

Test(fetch_forms, dublin_core_and_atom_0_3_dates_count)
{
	expect_one("<rss " DC "><channel><item><link>http://example.org/a</link>"
		   "<dcterms:issued>2024-05-06</dcterms:issued></item></channel></rss>",
		   "http://example.org/a", "2024-05-06");
	expect_one("<rss " DC "><channel><item><link>http://example.org/a</link>"
		   "<dcterms:modified>2024-05-07T10:00:00Z</dcterms:modified></item></channel></rss>",
		   "http://example.org/a", "2024-05-07");
	expect_one("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
		   "xmlns=\"http://purl.org/rss/1.0/\" " DC "><item rdf:about=\"http://example.org/b\">"
		   "<dcterms:issued>2024-05-08</dcterms:issued></item></rdf:RDF>",
		   "http://example.org/b", "2024-05-08");
	expect_one("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>"
		   "<link rel=\"alternate\" type=\"text/html\" href=\"http://example.org/c\"/>"
		   "<issued>2004-01-02T10:00:00Z</issued><modified>2004-01-05T10:00:00Z</modified>"
		   "</entry></feed>",
		   "http://example.org/c", "2004-01-02");
	expect_one("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>"
		   "<link rel=\"alternate\" href=\"http://example.org/c\"/>"
		   "<modified>2004-01-05T10:00:00Z</modified></entry></feed>",
		   "http://example.org/c", "2004-01-05");
	/* Publication before modification, whatever the order written. */
	expect_one("<rss " DC "><channel><item><link>http://example.org/a</link>"
		   "<dcterms:modified>2024-05-09</dcterms:modified><pubDate>Mon, 06 May 2024 "
		   "10:00:00 GMT</pubDate></item></channel></rss>",
		   "http://example.org/a", "2024-05-06");
}

Test(fetch_forms, an_impossible_date_is_not_stored)
{
	expect_one("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"/x\"/>"
		   "<published>9999-12-31T23:59:59-99:99</published></entry></feed>",
		   "http://example.org/x", "");
}

Test(fetch_forms, links_as_atom_text_and_atom_style_rss_links_count)
{
	expect_one("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
		   "<link rel=\"alternate\">http://example.org/text</link></entry></feed>",
		   "http://example.org/text", "");
	expect_one("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
		   "<link rel=\"self\" href=\"http://example.org/self\"/>"
		   "<link rel=\"alternate\" href=\"http://example.org/alt\"/></entry></feed>",
		   "http://example.org/alt", "");
	expect_one("<rss xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><item>"
		   "<atom:link href=\"http://example.org/atomstyle\" rel=\"alternate\"/>"
		   "</item></channel></rss>",
		   "http://example.org/atomstyle", "");
	expect_one("<rss><channel><item><link href=\"http://example.org/href\"/>"
		   "</item></channel></rss>",
		   "http://example.org/href", "");
	expect_one("<rss xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><item>"
		   "<atom:link rel=\"enclosure\" href=\"http://example.org/a.mp3\"/>"
		   "<link>http://example.org/page</link></item></channel></rss>",
		   "http://example.org/page", "");
}

Test(fetch_forms, a_plain_text_sitemap_lists_its_urls)
{
	struct assay_links ls = parse("http://example.org/one\r\n"
				      "https://example.org/two\n\n  http://example.org/three  \n");

	cr_assert_eq(ls.kind, ASSAY_SRC_URLSET);
	cr_assert_eq(ls.n, 3);
	cr_expect_str_eq(ls.v[2].url, "http://example.org/three");
	assay_links_release(&ls);
}

Test(fetch_forms, text_that_is_not_a_list_of_urls_is_no_sitemap)
{
	struct assay_links ls = {0};
	const char *t = "Dear reader,\nhttp://example.org/one\n";

	cr_expect_neq(assay_source_parse(t, strlen(t), "http://example.org/x", &ls), ASSAY_OK);
	assay_links_release(&ls);
}

Test(fetch_forms, a_cut_off_sitemap_yields_no_half_url)
{
	const char *cut = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/"
			  "schemas/sitemap/0.9\"><url><loc>http://example.org/whole</loc></url>"
			  "<url><loc>http://example.org/ha";
	const char *whole = "<urlset><url><loc>http://example.org/a</loc></url>"
			    "<url><loc>http://example.org/b</loc></url></urlset>\n";
	const char *prefixed = "<s:urlset xmlns:s=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
			       "<s:url><s:loc>http://example.org/a</s:loc></s:url></s:urlset>";
	struct assay_links ls = parse(cut);

	cr_expect_eq(ls.n, 1);
	cr_expect_str_eq(ls.v[0].url, "http://example.org/whole");
	assay_links_release(&ls);
	ls = parse(whole);
	cr_expect_eq(ls.n, 2);
	assay_links_release(&ls);
	ls = parse(prefixed);
	cr_expect_eq(ls.n, 1);
	assay_links_release(&ls);
}

/* Over the wire: listings under odd or generic types, a gzipped sitemap
 * with no type, and bytes that are not text under a text type. */
#define ITEM(p) "<item><link>http://127.0.0.1:%P/" p "</link></item>"
static const struct route routes[] = {
	{"/robots.txt", 404, "text/plain", "", NULL, R_PLAIN},
	{"/t1", 200, "text/rss+xml", "<rss><channel>" ITEM("a1") "</channel></rss>", NULL, R_PLAIN},
	{"/t2", 200, "text/atom+xml",
	 "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"/a2\"/></entry></feed>",
	 NULL, R_PLAIN},
	{"/t3", 200, "application/x-rss+xml", "<rss><channel>" ITEM("a3") "</channel></rss>", NULL,
	 R_PLAIN},
	{"/t4", 200, "application/octet-stream", "<rss><channel>" ITEM("a4") "</channel></rss>",
	 NULL, R_PLAIN},
	{"/t5", 200, "text/plain", "<rss><channel>" ITEM("a5") "</channel></rss>", NULL, R_PLAIN},
	{"/sm.gz", 200, NULL, "<urlset><url><loc>/a6</loc></url></urlset>", NULL, R_GZIP},
	{"/sm2.gz", 200, "application/octet-stream", "<urlset><url><loc>/a7</loc></url></urlset>",
	 NULL, R_GZIP},
	{"/sm.txt", 200, "text/plain", "http://127.0.0.1:%P/a8\nhttp://127.0.0.1:%P/a9\n", NULL,
	 R_PLAIN},
	{"/png", 200, "application/rss+xml", "<rss><channel>" ITEM("png1") "</channel></rss>", NULL, R_PLAIN},
	{"/png1", 200, "text/html", "\x89PNG\r\n\x1a\n\x01\x02\x03\x04<html></html>", NULL, R_PLAIN},
	{"/a1", 200, "text/html", "<html><body><p>one</p></body></html>", NULL, R_PLAIN},
	{"/a2", 200, "text/html", "<html><body><p>two</p></body></html>", NULL, R_PLAIN},
	{"/a3", 200, "text/html", "<html><body><p>three</p></body></html>", NULL, R_PLAIN},
	{"/a4", 200, "text/html", "<html><body><p>four</p></body></html>", NULL, R_PLAIN},
	{"/a5", 200, "text/html", "<html><body><p>five</p></body></html>", NULL, R_PLAIN},
	{"/a6", 200, "text/html", "<html><body><p>six</p></body></html>", NULL, R_PLAIN},
	{"/a7", 200, "text/html", "<html><body><p>seven</p></body></html>", NULL, R_PLAIN},
	{"/a8", 200, "text/html", "<html><body><p>eight</p></body></html>", NULL, R_PLAIN},
	{"/a9", 200, "text/html", "<html><body><p>nine</p></body></html>", NULL, R_PLAIN},
	{NULL, 0, NULL, NULL, NULL, R_PLAIN},
};

static struct tsrv *srv;
static struct mem mem;
static struct assay_crawl_opts opts;
static struct assay_crawl_hooks hooks;
static struct assay_crawl_summary sum;

static void setup_net(void)
{
	srv = tsrv_start(routes);
	cr_assert(srv);
	memset(&mem, 0, sizeof mem);
	mem_hooks(&mem, &hooks);
	test_opts(&opts);
	opts.delay = 0;
}

static void teardown_net(void)
{
	tsrv_stop(srv);
	mem_release(&mem);
}

Test(fetch_forms, listings_are_recognised_by_content_under_any_text_or_generic_type,
     .init = setup_net, .fini = teardown_net)
{
	const char *paths[] = {"/t1", "/t2", "/t3", "/t4", "/t5", "/sm.gz", "/sm2.gz", "/sm.txt"};
	char *src[8];

	for (int i = 0; i < 8; i++)
		src[i] = strdup(tsrv_url(srv, paths[i]));
	cr_expect_eq(assay_crawl((const char *const *)src, 8, &opts, &hooks, &sum), ASSAY_OK);
	cr_expect_eq(mem.npages, 9, "%zu pages, %u errors", mem.npages, sum.errors);
	cr_expect_eq(sum.errors, 0);
	for (int i = 0; i < 8; i++)
		free(src[i]);
}

Test(fetch_forms, an_image_sent_as_html_is_refused_and_counted, .init = setup_net,
     .fini = teardown_net)
{
	const char *src[1] = {tsrv_url(srv, "/png")};

	cr_expect_eq(assay_crawl(src, 1, &opts, &hooks, &sum), ASSAY_EFETCH);
	cr_expect_eq(mem.npages, 0);
	cr_expect_eq(sum.errors, 1);
}
