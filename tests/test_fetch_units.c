/* test_fetch_units.c - the crawler's pieces on their own, data-driven
 * where they can be: robots.txt rules, dates, the private-address guard,
 * sources lines, WARC round trips, and local (file://) feeds. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assay.h"
#include "feed.h"
#include "fetch.h"
#include "fetch_mem.h"
#include "file.h"
#include "http.h"
#include "robots.h"
#include "sources.h"
#include "url.h"
#include "warc.h"

static char *data_path(const char *name)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	static char buf[4096];

	snprintf(buf, sizeof buf, "%s/tests/data/fetch/%s", root ? root : ".", name);
	return buf;
}

static char *slurp(const char *name)
{
	struct assay_buf b = {0};

	cr_assert_eq(assay_read_file(data_path(name), 1u << 20, &b), ASSAY_OK, "read %s", name);
	return assay_buf_steal(&b);
}

static void check_robots_case(char *text, char *checks, int n)
{
	struct assay_robots *r = NULL;
	char *line, *save = NULL;

	cr_assert_eq(assay_robots_parse(text, strlen(text), "assay", &r), ASSAY_OK);
	for (line = strtok_r(checks, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char what[16], arg[512];
		const char *const *maps;

		if (sscanf(line, "%15s %511s", what, arg) != 2)
			continue;
		if (strcmp(what, "allow") == 0 || strcmp(what, "deny") == 0)
			cr_expect_eq(assay_robots_allowed(r, arg), what[0] == 'a',
				     "case %d: %s %s", n, what, arg);
		else if (strcmp(what, "delay") == 0)
			cr_expect_float_eq(assay_robots_crawl_delay(r), atof(arg), 1e-9, "case %d", n);
		else if (strcmp(what, "sitemaps") == 0)
			cr_expect_eq(assay_robots_sitemaps(r, &maps), (size_t)atoi(arg), "case %d", n);
	}
	assay_robots_free(r);
}

Test(fetch_units, robots_rules_follow_rfc_9309)
{
	char *all = slurp("robots_cases.txt"), *p = all;
	int n = 0;

	/* Skip the file's own header comment: cases start after it. */
	while (*p == '#')
		p = strchr(p, '\n') + 1;
	while (p && *p) {
		char *end = strstr(p, "\n---\n"), *at;

		if (end)
			*end = 0;
		at = strstr(p, "@@\n");
		cr_assert(at, "case %d has checks", n);
		*at = 0;
		check_robots_case(p, at + 3, ++n);
		p = end ? end + 5 : NULL;
	}
	cr_assert_geq(n, 8);
	free(all);
}

static bool robots_allows(const char *txt, size_t len, const char *path)
{
	struct assay_robots *r = NULL;
	bool yes;

	cr_assert_eq(assay_robots_parse(txt, len, "assay", &r), ASSAY_OK);
	yes = assay_robots_allowed(r, path);
	assay_robots_free(r);
	return yes;
}

Test(fetch_units, robots_reads_a_bom_and_every_line_ending)
{
	static const char *const files[] = {
		"\xef\xbb\xbfUser-agent: *\nDisallow: /a\n",
		"User-agent: *\rDisallow: /a\rAllow: /a/ok\r",
		"User-agent: *\r\nDisallow: /a\r\nAllow: /a/ok\r\n",
		"User-agent: *\n\rDisallow: /a",
	};

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		cr_expect(!robots_allows(files[i], strlen(files[i]), "/a/x"), "file %zu", i);
		cr_expect(robots_allows(files[i], strlen(files[i]), "/b"), "file %zu", i);
	}
	cr_expect(robots_allows(files[1], strlen(files[1]), "/a/ok"));
}

/* A line past 16,663 bytes is cut there; the cut Disallow pattern is a
 * prefix of the one written, so it denies what the whole one would. */
Test(fetch_units, robots_cuts_an_over_long_line_on_the_safe_side)
{
	size_t n = 20000;
	char *txt = malloc(n + 64), *url = malloc(n + 64), *p = txt;

	cr_assert(txt && url);
	p += sprintf(p, "User-agent: *\nDisallow: /x/");
	memset(p, 'a', n);
	p += n;
	strcpy(p, "/qux\nAllow: /open\n");
	url[0] = '/', url[1] = 'x', url[2] = '/';
	memset(url + 3, 'a', n);
	strcpy(url + 3 + n, "/fux");
	cr_expect(!robots_allows(txt, strlen(txt), url));
	cr_expect(robots_allows(txt, strlen(txt), "/x/ab"));
	cr_expect(robots_allows(txt, strlen(txt), "/open"));
	free(txt);
	free(url);
}

Test(fetch_units, dates_of_feeds_and_sitemaps_parse)
{
	char *all = slurp("date_cases.txt"), *line, *save = NULL;
	int n = 0;

	for (line = strtok_r(all, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *t1 = strchr(line, '\t'), *t2, ymd[11];
		long long want;

		if (line[0] == '#' || !t1 || !(t2 = strchr(t1 + 1, '\t')))
			continue;
		*t1 = *t2 = 0;
		want = atoll(t1 + 1);
		cr_expect_eq((long long)assay_parse_date(line, ymd), want, "'%s'", line);
		cr_expect_str_eq(ymd, strcmp(t2 + 1, "-") == 0 ? "" : t2 + 1, "'%s'", line);
		n++;
	}
	cr_assert_geq(n, 10);
	free(all);
}

Test(fetch_units, the_guard_knows_private_addresses)
{
	char *all = slurp("addr_cases.txt"), *line, *save = NULL;
	int n = 0;

	for (line = strtok_r(all, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');

		if (line[0] == '#' || !tab)
			continue;
		*tab = 0;
		cr_expect_eq(assay_addr_text_is_private(line), strcmp(tab + 1, "private") == 0, "%s",
			     line);
		n++;
	}
	cr_assert_geq(n, 20);
	free(all);
}

Test(fetch_units, source_lines_carry_settings)
{
	struct assay_source s;
	char why[64];

	cr_assert_eq(assay_source_parse_line("https://x.org/feed delay=2.5 since=7 ua=\"bot (+https://b.org)\" private=yes",
					     &s, why), ASSAY_OK);
	cr_assert_str_eq(s.target, "https://x.org/feed");
	cr_assert_float_eq(s.delay, 2.5, 1e-9);
	cr_assert_eq(s.since_days, 7);
	cr_assert_str_eq(s.user_agent, "bot (+https://b.org)");
	cr_assert(s.allow_private);
	assay_source_release(&s);
	cr_assert_eq(assay_source_parse_line("corpus/feed.xml", &s, why), ASSAY_OK);
	cr_assert_lt(s.delay, 0);
	cr_assert_lt(s.since_days, 0);
	assay_source_release(&s);
	cr_assert_eq(assay_source_parse_line("https://x.org speed=9", &s, why), ASSAY_EINVAL);
	cr_assert_str_eq(why, "speed=9");
}

Test(fetch_units, a_sources_file_skips_comments_and_anchors_paths)
{
	char dir[] = "/tmp/assay-src-XXXXXX", path[256];
	char **v = NULL;
	size_t n = 0;
	FILE *f;

	cr_assert(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sources.txt", dir);
	f = fopen(path, "w");
	fputs("# my sources\n\nhttps://a.org/feed.xml delay=3  # slow site\n  feeds/local.xml\n"
	      "/abs/path.xml\n", f);
	fclose(f);
	cr_assert_eq(assay_sources_read(path, &v, &n), ASSAY_OK);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(v[0], "https://a.org/feed.xml delay=3");
	cr_assert(strstr(v[1], dir) == v[1] && strstr(v[1], "/feeds/local.xml"));
	cr_assert_str_eq(v[2], "/abs/path.xml");
	assay_sources_free(v, n);
	unlink(path);
	rmdir(dir);
}

struct warc_seen {
	int responses, requests, other;
	int64_t offset;
	char uri[256];
	char payload[256];
	int status;
};

static int on_record(void *ctx, const struct assay_warc_record *r)
{
	struct warc_seen *s = ctx;

	if (strcmp(r->type, "response") == 0) {
		s->responses++;
		s->offset = r->offset;
		s->status = r->http_status;
		snprintf(s->uri, sizeof s->uri, "%s", r->target_uri ? r->target_uri : "");
		snprintf(s->payload, sizeof s->payload, "%.*s", (int)r->payload_len, r->payload);
	} else if (strcmp(r->type, "request") == 0) {
		s->requests++;
	} else {
		s->other++;
	}
	return 0;
}

Test(fetch_units, warc_records_round_trip_with_offsets)
{
	char path[] = "/tmp/assay-warc-XXXXXX";
	struct assay_warc_writer *w;
	struct warc_seen seen = {0};
	static const char req[] = "GET /a HTTP/1.1\r\nHost: x.org\r\n\r\n";
	static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
				   "Content-Encoding: gzip\r\nContent-Length: 3\r\n\r\n";
	int64_t off1 = -1, off2 = -1;
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	close(fd);
	unlink(path);
	cr_assert_eq(assay_warc_writer_open(path, &w), ASSAY_OK);
	cr_assert_eq(assay_warc_write_exchange(w, "http://x.org/a", "1.2.3.4", 1700000000, req,
					       sizeof req - 1, resp, sizeof resp - 1, "<p>first</p>",
					       12, &off1), ASSAY_OK);
	cr_assert_eq(assay_warc_write_exchange(w, "http://x.org/b", "1.2.3.4", 1700000001, req,
					       sizeof req - 1, resp, sizeof resp - 1, "<p>second</p>",
					       13, &off2), ASSAY_OK);
	assay_warc_writer_close(w);
	cr_assert_gt(off1, 0, "after the warcinfo record");
	cr_assert_gt(off2, off1);
	cr_assert_eq(assay_warc_read(path, 1u << 20, on_record, &seen, NULL), ASSAY_OK);
	cr_assert_eq(seen.responses, 2);
	cr_assert_eq(seen.requests, 2);
	cr_assert_eq(seen.other, 1, "one warcinfo");
	cr_assert_eq(seen.offset, off2);
	cr_assert_eq(seen.status, 200);
	cr_assert_str_eq(seen.uri, "http://x.org/b");
	cr_assert_str_eq(seen.payload, "<p>second</p>", "decoded body, not taken for gzip");
	unlink(path);
}

Test(fetch_units, warc_payload_digest_is_base32_sha1)
{
	char d[33];

	/* sha1("abc") = a9993e36..., in base32: */
	assay_warc_sha1_base32("abc", 3, d);
	cr_assert_str_eq(d, "VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
}

Test(fetch_units, a_local_feed_resolves_relative_links_beside_itself)
{
	struct mem m = {0};
	struct assay_crawl_hooks h;
	struct assay_crawl_opts o;
	struct assay_fetch_counts sum;
	const char *src[1] = {data_path("local/feed.xml")};
	char *copy = strdup(src[0]);
	int rc;

	src[0] = copy;
	mem_hooks(&m, &h);
	test_opts(&o);
	rc = assay_crawl(src, 1, &o, &h, &sum);
	cr_assert_eq(rc, ASSAY_OK, "rc %d", rc);
	cr_assert_eq(m.npages, 2);
	cr_assert_eq(mem_count_suffix(&m, "/tests/data/fetch/local/one.html"), 1);
	cr_assert_eq(mem_count_suffix(&m, "/tests/data/fetch/local/sub/two.html"), 1);
	cr_assert(strncmp(m.pages[0].url, "file://", 7) == 0);
	mem_release(&m);
	free(copy);
}

Test(fetch_units, a_local_folder_is_crawled_file_by_file)
{
	struct mem m = {0};
	struct assay_crawl_hooks h;
	struct assay_crawl_opts o;
	struct assay_fetch_counts sum;
	char *dir = strdup(data_path("local"));
	const char *src[1] = {dir};
	int rc;

	mem_hooks(&m, &h);
	test_opts(&o);
	rc = assay_crawl(src, 1, &o, &h, &sum);
	cr_assert_eq(rc, ASSAY_OK);
	/* feed.xml lists one.html and sub/two.html; one.html is also a file
	 * of the folder: each page once. */
	cr_assert_eq(m.npages, 2);
	mem_release(&m);
	free(dir);
}

static int count_page(void *ctx, const struct assay_page *p)
{
	struct mem *m = ctx;

	cr_assert_str_eq(p->url, "http://x.org/a");
	cr_assert_str_eq(p->warc_file, (char *)m->kv[0].val);
	m->npages++;
	return ASSAY_OK;
}

Test(fetch_units, warc_pages_are_handed_on_for_ingest)
{
	char path[] = "/tmp/assay-warcp-XXXXXX";
	struct assay_warc_writer *w;
	static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n";
	static const char png[] = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n";
	static const char gone[] = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n";
	struct mem m = {0};
	struct assay_warc_counts n;
	int fd = mkstemp(path);

	close(fd);
	unlink(path);
	m.kv[0].val = path;
	cr_assert_eq(assay_warc_writer_open(path, &w), ASSAY_OK);
	assay_warc_write_exchange(w, "http://x.org/a", NULL, 1700000000, NULL, 0, ok, sizeof ok - 1, "<p>a</p>", 8, NULL);
	assay_warc_write_exchange(w, "http://x.org/b.png", NULL, 1700000000, NULL, 0, png, sizeof png - 1, "\x89PNG", 4, NULL);
	assay_warc_write_exchange(w, "http://x.org/c", NULL, 1700000000, NULL, 0, gone, sizeof gone - 1, "", 0, NULL);
	assay_warc_writer_close(w);
	cr_assert_eq(assay_warc_pages(path, count_page, &m, &n), ASSAY_OK);
	cr_assert_eq(n.pages, 1, "only the 200 HTML response");
	cr_assert_eq(n.failed, 0);
	cr_assert_eq(n.skipped, 3, "the warcinfo, the image and the 404, counted");
	cr_assert_eq(n.damaged, 0);
	cr_assert_eq(m.npages, 1);
	unlink(path);
}

Test(fetch_units, links_resolve_against_their_document)
{
	char *all = slurp("url_cases.txt"), *line, *save = NULL;
	int n = 0;

	for (line = strtok_r(all, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *t1 = strchr(line, '\t'), *t2, *got = NULL;
		int rc;

		if (line[0] == '#' || !t1 || !(t2 = strchr(t1 + 1, '\t')))
			continue;
		*t1 = *t2 = 0;
		rc = assay_url_resolve(line, t1 + 1, &got);
		if (strcmp(t2 + 1, "!") == 0)
			cr_expect_neq(rc, ASSAY_OK, "'%s' refused", t1 + 1);
		else
			cr_expect(rc == ASSAY_OK && strcmp(got, t2 + 1) == 0, "'%s' against '%s': %s",
				  t1 + 1, line, got ? got : "(none)");
		free(got);
		n++;
	}
	cr_assert_geq(n, 10);
	free(all);
}

Test(fetch_units, a_missing_local_source_is_one_error)
{
	struct mem m = {0};
	struct assay_crawl_hooks h;
	struct assay_crawl_opts o;
	struct assay_fetch_counts sum;
	const char *src[1] = {"example.org/no-scheme/feed.xml"};

	mem_hooks(&m, &h);
	test_opts(&o);
	cr_assert_eq(assay_crawl(src, 1, &o, &h, &sum), ASSAY_EFETCH);
	cr_assert_eq(sum.errors, 1);
	cr_assert_eq(sum.sources, 1);
	mem_release(&m);
}

struct wget_pages {
	unsigned n;
	char url[4][128];
	int64_t off[4];
};

static int keep_page(void *ctx, const struct assay_page *p)
{
	struct wget_pages *w = ctx;

	if (w->n < 4) {
		snprintf(w->url[w->n], sizeof w->url[0], "%s", p->url);
		w->off[w->n] = p->warc_offset;
	}
	w->n++;
	cr_assert(p->len > 0 && strstr(p->body, "<html>"), "the HTTP body, not the record");
	return ASSAY_OK;
}

struct record_at {
	int64_t off;
	char uri[128];
};

static int uri_at(void *ctx, const struct assay_warc_record *r)
{
	struct record_at *a = ctx;

	if (r->offset == a->off && strcmp(r->type, "response") == 0)
		snprintf(a->uri, sizeof a->uri, "%s", r->target_uri);
	return 0;
}

Test(fetch_units, a_warc_written_by_wget_gives_its_pages_and_their_offsets)
{
	struct wget_pages w = {0};
	struct assay_warc_counts n;
	char *path = strdup(data_path("wget.warc.gz"));

	cr_assert_eq(assay_warc_pages(path, keep_page, &w, &n), ASSAY_OK);
	cr_assert_eq(n.pages, 2, "two responses; wget's metadata records are not pages");
	cr_assert_gt(n.skipped, 0);
	cr_assert_eq(n.damaged, 0);
	for (unsigned i = 0; i < 2; i++) {
		struct record_at a = {w.off[i], ""};
		cr_assert_eq(assay_warc_read(path, 1u << 20, uri_at, &a, NULL), ASSAY_OK);
		cr_assert_str_eq(a.uri, w.url[i], "the offset leads back to the page's record");
	}
	free(path);
}

Test(fetch_units, a_dry_run_needs_no_hooks)
{
	char *feed = strdup(data_path("local/feed.xml"));
	const char *src[1] = {feed};
	struct assay_crawl_opts o;

	test_opts(&o);
	cr_assert_eq(assay_crawl(src, 1, &o, NULL, NULL), ASSAY_OK);
	cr_assert_eq(assay_crawl(src, 1, NULL, NULL, NULL), ASSAY_OK, "default options too");
	free(feed);
}
