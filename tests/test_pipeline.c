/* test_pipeline.c - one page path for crawl, ingest and reprocess.
 *
 * A page stored by `assay ingest` (or a crawl) and then put through
 * `assay reprocess` must come back as it was stored: the same title and
 * cleaned text, the same story id, the same claims with the same
 * evidence offsets. The pages here are the ones that once came back
 * changed: HTML whose charset only the HTTP header names (KOI8-R, in a
 * WARC record), and plain text with CRLF line ends and runs of blank
 * lines. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "assay.h"
#include "buf.h"
#include "store.h"
#include "pipeline.h"
#include "store_util.h"
#include "warc.h"

static char *dir;

static void setup(void)
{
	dir = tmp_store_dir();
}

static void teardown(void)
{
	rm_tree(dir);
	free(dir);
}

TestSuite(pipeline, .init = setup, .fini = teardown, .timeout = 120);

static int run_bin(const char *args)
{
	char cmd[8192];
	int status, n = snprintf(cmd, sizeof cmd, "'%s' --quiet --db '%s' %s >/dev/null 2>&1",
				 getenv("ASSAY_BIN"), dir, args);

	if (n < 0 || (size_t)n >= sizeof cmd)
		return -1;
	status = system(cmd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Everything reprocess must give back, as one line per fact. */
static int note_article(void *ctx, const struct assay_stored_article *a)
{
	return assay_buf_printf(ctx, "article %s title=%s story=%s sha=%s len=%zu\n", a->url,
				a->title, a->story, a->sha256, a->text_len);
}

static int note_claim(void *ctx, const struct assay_stored_claim *c,
		      const struct assay_source *src, size_t n)
{
	int rc = assay_buf_printf(ctx, "claim %s %s\n", c->id, c->figure);

	for (size_t i = 0; i < n && !rc; i++)
		rc = assay_buf_printf(ctx, "  source %s story=%s %zu-%zu %s\n", src[i].url,
				      src[i].story, src[i].start, src[i].end, src[i].evidence);
	return rc;
}

static void snapshot(struct assay_buf *out, const char *url, size_t min_claims)
{
	struct assay_store *s;
	struct assay_buf text = {0};
	size_t claims = 0;

	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_RDONLY, &s), ASSAY_OK);
	cr_assert_eq(assay_store_articles(s, note_article, out), ASSAY_OK);
	cr_assert_eq(assay_store_article_text(s, url, &text), ASSAY_OK, "%s", url);
	cr_assert_eq(assay_buf_printf(out, "text\n%.*s\n", (int)text.len, text.data), ASSAY_OK);
	cr_assert_eq(assay_store_claims(s, NULL, note_claim, out), ASSAY_OK);
	for (const char *p = out->data; (p = strstr(p, "\nclaim ")); p++)
		claims++;
	cr_assert_geq(claims, min_claims, "too few claims:\n%s", out->data);
	assay_buf_release(&text);
	assay_store_close(s);
}

/* Ingests @what, then reprocesses: what the store holds is the same. */
static void ingest_then_reprocess(const char *what, const char *url, const char *want_in_text)
{
	struct assay_buf before = {0}, after = {0};
	char args[4096];

	snprintf(args, sizeof args, "ingest '%s'", what);
	cr_assert_eq(run_bin(args), 0, "ingest failed");
	snapshot(&before, url, 1);
	cr_assert_not_null(strstr(before.data, want_in_text), "ingest:\n%s", before.data);
	cr_assert_eq(run_bin("reprocess"), 0, "reprocess failed");
	snapshot(&after, url, 1);
	cr_assert_str_eq(after.data, before.data);
	assay_buf_release(&before);
	assay_buf_release(&after);
}

/* "Россия нарастила добычу золота" and a figure, in KOI8-R. */
static const char koi8_title[] = "\xf2\xcf\xd3\xd3\xc9\xd1 \xce\xc1\xd2\xc1\xd3\xd4\xc9\xcc\xc1 "
				 "\xc4\xcf\xc2\xd9\xde\xd5 \xda\xcf\xcc\xcf\xd4\xc1";

Test(pipeline, reprocess_keeps_a_koi8r_page_whose_charset_only_http_names)
{
	struct assay_warc_writer *w;
	struct assay_buf body = {0}, hdr = {0};
	char path[4096];
	int64_t off;

	cr_assert_eq(assay_buf_printf(&body,
				      "<html><head><title>%s</title></head><body><article>"
				      "<h1>%s</h1><p>%s. Polyus said gold output rose to 3.2 "
				      "million ounces in 2025 at the Olimpiada mine in Russia, "
				      "up from 2.9 million ounces a year earlier.</p><p>%s, "
				      "%s.</p></article></body></html>",
				      koi8_title, koi8_title, koi8_title, koi8_title, koi8_title),
		     ASSAY_OK);
	cr_assert_eq(assay_buf_printf(&hdr,
				      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r\r\n"
				      "Content-Length: %zu\r\n\r\n", body.len), ASSAY_OK);
	snprintf(path, sizeof path, "%s.warc", dir);
	cr_assert_eq(assay_warc_writer_open(path, &w), ASSAY_OK);
	cr_assert_eq(assay_warc_write_exchange(w, "https://news.example.ru/gold", "127.0.0.1",
					       1767225600, NULL, 0, hdr.data, hdr.len, body.data,
					       body.len, &off), ASSAY_OK);
	assay_warc_writer_close(w);
	ingest_then_reprocess(path, "https://news.example.ru/gold",
			      "title=Россия нарастила добычу золота");
	remove(path);
	assay_buf_release(&body);
	assay_buf_release(&hdr);
}

Test(pipeline, reprocess_keeps_plain_text_with_crlf_and_blank_lines)
{
	char path[4096], url[4200];
	FILE *f;

	snprintf(path, sizeof path, "%s.txt", dir);
	f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs("Copper output climbs at Escondida\r\n\r\n\r\n"
	      "BHP said copper production rose to 1.28 million tonnes in 2025 at Escondida "
	      "in Chile.  \r\n\r\n\r\n\r\n"
	      "The mine produced 1.06 million tonnes of copper in 2024, the company "
	      "said.\r\n", f);
	cr_assert_eq(fclose(f), 0);
	snprintf(url, sizeof url, "file://%s", path);
	ingest_then_reprocess(path, url, "title=Copper output climbs at Escondida");
	remove(path);
}

/* A date read off the URL's path ("/2019/01/02/") is a guess: the feed's
 * own date for the item is taken before it; the page's own metadata
 * before both (issue 20). */
Test(pipeline, the_feed_date_is_taken_before_a_date_guessed_from_the_url)
{
	static const char bare[] = "<html><head><title>Ore</title></head><body><article><p>The "
				   "mine shipped 120,000 tonnes of iron ore in the quarter, the "
				   "company said on Monday.</p></article></body></html>";
	static const char dated[] = "<html><head><title>Ore</title><meta property=\"article:"
				    "published_time\" content=\"2024-03-04T10:00:00Z\"></head><body>"
				    "<article><p>The mine shipped 120,000 tonnes of iron ore in the "
				    "quarter, the company said on Monday.</p></article></body></html>";
	struct assay_page pg = {0};
	struct assay_processed out;

	pg.url = pg.final_url = "https://news.example.com/2019/01/02/ore-shipments";
	pg.content_type = "text/html";
	pg.body = bare;
	pg.len = sizeof bare - 1;
	pg.published = "2024-05-06";
	memset(&out, 0, sizeof out);
	cr_assert_eq(assay_pipeline_process(&pg, &out), ASSAY_OK);
	cr_expect_str_eq(out.article.published, "2024-05-06");
	assay_processed_release(&out);

	pg.published = NULL;
	memset(&out, 0, sizeof out);
	cr_assert_eq(assay_pipeline_process(&pg, &out), ASSAY_OK);
	cr_expect_str_eq(out.article.published, "2019-01-02", "no feed date: the URL's");
	assay_processed_release(&out);

	pg.body = dated;
	pg.len = sizeof dated - 1;
	pg.published = "2024-05-06";
	memset(&out, 0, sizeof out);
	cr_assert_eq(assay_pipeline_process(&pg, &out), ASSAY_OK);
	cr_expect_str_eq(out.article.published, "2024-03-04", "the page's own date first");
	assay_processed_release(&out);
}
