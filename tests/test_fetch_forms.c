/* test_fetch_forms.c - the forms feeds, sitemaps and servers take in the
 * wild, read as the well-known readers read them (issue 20): date
 * elements of Dublin Core and Atom 0.3, links as text or as Atom links,
 * listings under any text or generic type, gzipped or plain-text
 * sitemaps, and sitemaps cut short. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "assay.h"
#include "feed.h"
#include "fetch.h"
#include "fetch_mem.h"
#include "fetch_server.h"
#include "file.h"
#include "warc.h"

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
	{"/esc", 200, "application/rss+xml", "<rss><channel>" ITEM("esc1") "</channel></rss>", NULL,
	 R_PLAIN},
	{"/esc1", 200, "image/x\x1b[2J\x1b]0;owned\x07", "x", NULL, R_PLAIN},
	{"/png1", 200, "text/html", "\x89PNG\r\n\x1a\n\x01\x02\x03\x04<html></html>", NULL, R_PLAIN},
	{"/hij", 200, "application/rss+xml", "<rss><channel>" ITEM("hij1") "</channel></rss>", NULL,
	 R_PLAIN},
	{"/hij1", 200, "text/html",
	 "<html><head><title>Copper</title><link rel=\"canonical\" "
	 "href=\"https://victim.example.com/story\"></head><body><article><h1>Copper output "
	 "rises</h1><p>Chile produced 5.3 million tonnes of copper in 2023, said Cochilco in a "
	 "statement today.</p><p>The agency said the figure was higher than the year before, and "
	 "mines in the north led the rise in output across the country.</p></article></body>"
	 "</html>", NULL, R_PLAIN},
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
static struct assay_fetch_counts sum;

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

/* WARC files as writers get them wrong, read as the well-known readers
 * read them. Records are written here by hand, byte for byte. */
struct warc_seen {
	unsigned n;
	char url[8][64];
	char body[8][64];
};

static int keep(void *ctx, const struct assay_page *p)
{
	struct warc_seen *w = ctx;

	if (w->n < 8) {
		snprintf(w->url[w->n], sizeof w->url[0], "%s", p->url);
		snprintf(w->body[w->n], sizeof w->body[0], "%.*s", (int)p->len, p->body);
	}
	w->n++;
	return ASSAY_OK;
}

/* A response record for @url whose HTTP message is @http, with header
 * lines ended by @eol. */
static void record(FILE *f, const char *url, const char *http, const char *eol)
{
	fprintf(f, "WARC/1.0%sWARC-Type: response%sWARC-Target-URI: %s%s"
		   "Content-Type: application/http; msgtype=response%sContent-Length: %zu%s%s",
		eol, eol, url, eol, eol, strlen(http), eol, eol);
	fputs(http, f);
	fputs("\r\n\r\n", f);
}

static char *warc_file(const char *suffix)
{
	static char path[64];

	snprintf(path, sizeof path, "/tmp/assay-warc-%d%s", (int)getpid(), suffix);
	return path;
}

#define HTML_200 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"

Test(fetch_forms, a_chunked_header_over_a_dechunked_body_is_read_as_is)
{
	char *path = warc_file(".warc");
	FILE *f = fopen(path, "wb");
	struct warc_seen w = {0};
	struct assay_warc_counts n;

	cr_assert(f);
	record(f, "http://x.org/a",
	       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
	       "<p>already de-chunked</p>", "\r\n");
	record(f, "http://x.org/b",
	       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
	       "8\r\n<p>still\r\n7\r\n chunky\r\n0\r\n\r\n", "\r\n");
	fclose(f);
	cr_assert_eq(assay_warc_pages(path, keep, &w, &n), ASSAY_OK);
	cr_assert_eq(w.n, 2);
	cr_expect_str_eq(w.body[0], "<p>already de-chunked</p>");
	cr_expect_str_eq(w.body[1], "<p>still chunky");
	unlink(path);
}

Test(fetch_forms, lf_only_and_cr_cr_lf_header_lines_are_read)
{
	char *path = warc_file(".warc");
	FILE *f = fopen(path, "wb");
	struct warc_seen w = {0};
	struct assay_warc_counts n;

	cr_assert(f);
	record(f, "http://x.org/lf", "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>lf</p>", "\n");
	record(f, "http://x.org/crcrlf", HTML_200 "<p>crcrlf</p>", "\r\r\n");
	record(f, "http://x.org/crlf", HTML_200 "<p>crlf</p>", "\r\n");
	fclose(f);
	cr_assert_eq(assay_warc_pages(path, keep, &w, &n), ASSAY_OK);
	cr_assert_eq(w.n, 3, "%u pages, %u damaged", w.n, n.damaged);
	cr_expect_str_eq(w.body[0], "<p>lf</p>");
	cr_expect_str_eq(w.body[1], "<p>crcrlf</p>");
	cr_expect_eq(n.damaged, 0);
	unlink(path);
}

Test(fetch_forms, one_damaged_record_does_not_end_the_file_and_is_counted)
{
	char *path = warc_file(".warc");
	FILE *f = fopen(path, "wb");
	struct warc_seen w = {0};
	struct assay_warc_counts n;

	cr_assert(f);
	record(f, "http://x.org/1", HTML_200 "<p>1</p>", "\r\n");
	fputs("garbage between records\r\n", f);
	/* A length that lies, then a record with no length at all. */
	fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.org/liar\r\n"
	      "Content-Length: 5\r\n\r\n" HTML_200 "<p>longer than five</p>\r\n\r\n", f);
	fputs("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.org/nolen\r\n\r\n"
	      HTML_200 "<p>x</p>\r\n\r\n", f);
	record(f, "http://x.org/2", HTML_200 "<p>2</p>", "\r\n");
	fclose(f);
	cr_assert_eq(assay_warc_pages(path, keep, &w, &n), ASSAY_OK);
	cr_assert_eq(w.n, 2, "%u pages", w.n);
	cr_expect_str_eq(w.url[1], "http://x.org/2");
	cr_expect_eq(n.damaged, 3, "%u damaged", n.damaged);
	unlink(path);
}

static void gz_member(gzFile g, const char *url, const char *http)
{
	char buf[1024];

	snprintf(buf, sizeof buf,
		 "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
		 "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
		 url, strlen(http), http);
	gzputs(g, buf);
}

Test(fetch_forms, a_damaged_gzip_member_is_skipped_and_counted)
{
	char *path = warc_file(".warc.gz");
	FILE *f;
	gzFile g;
	long mid, len;
	struct warc_seen w = {0};
	struct assay_warc_counts n;
	char *all;

	/* Three members, one record each; the middle one's deflate data is
	 * then overwritten. */
	g = gzopen(path, "wb");
	gz_member(g, "http://x.org/1", HTML_200 "<p>one</p>");
	gzclose(g);
	f = fopen(path, "rb");
	fseek(f, 0, SEEK_END);
	mid = ftell(f);
	fclose(f);
	g = gzopen(path, "ab");
	gz_member(g, "http://x.org/2", HTML_200 "<p>two two two two two two two two</p>");
	gzclose(g);
	g = gzopen(path, "ab");
	gz_member(g, "http://x.org/3", HTML_200 "<p>three</p>");
	gzclose(g);
	f = fopen(path, "r+b");
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	all = malloc((size_t)len);
	rewind(f);
	cr_assert_eq(fread(all, 1, (size_t)len, f), (size_t)len);
	memset(all + mid + 12, 0xff, 20);
	rewind(f);
	fwrite(all, 1, (size_t)len, f);
	fclose(f);
	free(all);
	cr_assert_eq(assay_warc_pages(path, keep, &w, &n), ASSAY_OK);
	cr_expect_eq(w.n, 2, "%u pages", w.n);
	cr_expect_str_eq(w.url[1], "http://x.org/3");
	cr_expect_eq(n.damaged, 1);
	unlink(path);
}

Test(fetch_forms, a_file_that_is_not_warc_is_refused)
{
	char *path = warc_file(".warc");
	FILE *f = fopen(path, "wb");
	struct warc_seen w = {0};
	struct assay_warc_counts n;

	cr_assert(f);
	fputs("filedesc://IAH-20080430204825-00000-blackbook.arc 0.0.0.0 20080430204825 text/plain "
	      "75\n1 1 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n",
	      f);
	fclose(f);
	cr_expect_eq(assay_warc_pages(path, keep, &w, &n), ASSAY_EPARSE);
	cr_expect_eq(w.n, 0);
	unlink(path);
}

Test(fetch_forms, ingest_refuses_an_arc_file_by_name)
{
	char dir[] = "/tmp/assay-arc-XXXXXX", cmd[1024], arc[256];
	FILE *f;
	int st;

	cr_assert(mkdtemp(dir));
	snprintf(arc, sizeof arc, "%s/old.arc", dir);
	f = fopen(arc, "w");
	cr_assert(f);
	fputs("filedesc://old.arc 0.0.0.0 20080430204825 text/plain 75\n"
	      "1 1 InternetArchive\n\nhttp://x.org/a 1.2.3.4 20080430204825 text/html 30\n"
	      "<html><p>an old page</p></html>\n",
	      f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "'%s' --db '%s/db' ingest --summary-json '%s' >'%s/out' 2>'%s/err'",
		 getenv("ASSAY_BIN"), dir, arc, dir, dir);
	st = system(cmd);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 1, "exit %d", WEXITSTATUS(st));
	snprintf(cmd, sizeof cmd, "grep -q 'ARC files are not read' '%s/err' && "
				  "grep -q '\"new_articles\":0' '%s/out'", dir, dir);
	cr_expect_eq(system(cmd), 0, "refused by name, nothing stored");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* A server's header quoted in a warning reaches the terminal without its
 * control bytes (issue 21 #5): the crawl's stderr holds no ESC. */
Test(fetch_forms, a_server_header_in_a_warning_has_no_control_bytes, .init = setup_net,
     .fini = teardown_net)
{
	char dir[] = "/tmp/assay-esc-XXXXXX", cmd[1024];
	struct assay_buf err = {0};

	cr_assert(mkdtemp(dir));
	snprintf(cmd, sizeof cmd,
		 "'%s' --db '%s/db' crawl --allow-private --delay 0 '%s' >/dev/null 2>'%s/err'",
		 getenv("ASSAY_BIN"), dir, tsrv_url(srv, "/esc"), dir);
	cr_assert_neq(system(cmd), -1);
	snprintf(cmd, sizeof cmd, "%s/err", dir);
	cr_assert_eq(assay_read_file(cmd, 1u << 20, &err), ASSAY_OK);
	cr_expect(err.len && strstr(err.data, "esc1"), "the refused page is named: %s", err.data);
	cr_expect_null(memchr(err.data, 0x1b, err.len), "ESC reached the terminal: %s", err.data);
	cr_expect_null(memchr(err.data, 0x07, err.len));
	assay_buf_release(&err);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* A canonical link to another site is not the page's identity (issue 21
 * #3) but is kept as what the page said, and `show` says so. */
Test(fetch_forms, a_distrusted_canonical_is_kept_and_shown_not_used, .init = setup_net,
     .fini = teardown_net)
{
	char dir[] = "/tmp/assay-hij-XXXXXX", cmd[2048];
	struct assay_buf out = {0};
	const char *bin = getenv("ASSAY_BIN");

	cr_assert(mkdtemp(dir));
	snprintf(cmd, sizeof cmd,
		 "'%s' --db '%s/db' crawl --allow-private --delay 0 '%s' >/dev/null 2>&1; "
		 "id=$('%s' --db '%s/db' claims --format jsonl | sed -n 's/.*\"id\":\"\\([a-z0-9]*\\)\".*/\\1/p' "
		 "| head -1); '%s' --db '%s/db' show \"$id\" >'%s/out' 2>&1",
		 bin, dir, tsrv_url(srv, "/hij"), bin, dir, bin, dir, dir);
	cr_assert_neq(system(cmd), -1);
	snprintf(cmd, sizeof cmd, "%s/out", dir);
	cr_assert_eq(assay_read_file(cmd, 1u << 20, &out), ASSAY_OK);
	cr_expect(out.len && strstr(out.data, "/hij1  (story"), "stored under its own URL: %s",
		  out.data);
	cr_expect(strstr(out.data, "names as its canonical https://victim.example.com/story: "
				   "another site, not trusted"), "%s", out.data);
	assay_buf_release(&out);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}
