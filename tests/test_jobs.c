/* test_jobs.c - `assay ingest --jobs N`: the same store whatever N.
 *
 * Workers clean and extract in parallel but one writer stores in input
 * order, so stores made with 1 and 2 jobs must export the same bytes:
 * claims (ids, evidence, sources), agreements, conflicts and articles
 * (stories, hashes). The only field allowed to differ is fetched_at,
 * the wall clock of the run. The input has far more pages than
 * the queue has slots, duplicates among them (stories, conflicts), and a
 * page given twice in a row, which the writer must skip as known just as
 * a serial run does. `assay reprocess --jobs N` is held to the same, and
 * so is `assay crawl --jobs N` of the same pages served by a loopback
 * server (one host: the pages are fetched in the feed's order). */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <criterion/criterion.h>
#include <dirent.h>
#include <dlfcn.h>
#include <jansson.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "assay.h"
#include "buf.h"
#include "fetch_server.h"
#include "file.h"
#include "pipeline.h"
#include "store_util.h"

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

TestSuite(jobs, .init = setup, .fini = teardown, .timeout = 240);

/* Runs `assay --db DIR/STORE ARGS` from the source root; stdout into
 * @out when not NULL. Returns the exit status. */
static int run(const char *store, const char *args, struct assay_buf *out)
{
	char cmd[8192];
	FILE *p;
	char chunk[4096];
	size_t n;
	int status;

	snprintf(cmd, sizeof cmd, "cd '%s' && '%s' --quiet --db '%s/%s' %s",
		 getenv("ASSAY_SOURCE_ROOT"), getenv("ASSAY_BIN"), dir, store, args);
	p = popen(cmd, "r");
	cr_assert_not_null(p);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		if (out)
			cr_assert_eq(assay_buf_append(out, chunk, n), ASSAY_OK);
	status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static json_int_t summary_field(const struct assay_buf *out, const char *field)
{
	json_error_t e;
	json_t *o = json_loadb(out->data, out->len, JSON_DISABLE_EOF_CHECK, &e);
	json_int_t v;

	cr_assert_not_null(o, "summary is not JSON: %s", e.text);
	v = json_integer_value(json_object_get(o, field));
	json_decref(o);
	return v;
}

/* The export of @what from @store, without the values of "fetched_at"
 * and of a review's "when" (a number or a string): the wall clock of each
 * run, which a loaded machine moves past a second between the two. */
static void export(const char *store, const char *what, struct assay_buf *out)
{
	char args[128], *w, *end;

	snprintf(args, sizeof args, "export %s --format jsonl", what);
	cr_assert_eq(run(store, args, out), 0, "export %s of %s failed", what, store);
	w = out->data;
	end = out->data + out->len;
	for (char *r = out->data; r < end;) {
		size_t key = strncmp(r, "\"fetched_at\":", 13) == 0 ? 13
			     : strncmp(r, "\"when\":", 7) == 0 ? 7 : 0;

		if (key) {
			r += key;
			if (r < end && *r == '"') {
				char *q = memchr(r + 1, '"', (size_t)(end - r - 1));
				r = q ? q + 1 : end;
			} else {
				while (r < end && *r >= '0' && *r <= '9')
					r++;
			}
			continue;
		}
		*w++ = *r++;
	}
	out->len = (size_t)(w - out->data);
}

static void ingest(const char *store, const char *jobs, struct assay_buf *sum)
{
	char args[512];

	snprintf(args, sizeof args,
		 "ingest --jobs %s --summary-json tests/data/claims/001_wire_tin_output.txt "
		 "tests/data/claims/001_wire_tin_output.txt tests/data/claims corpus "
		 "tests/data/store/neardup", jobs);
	cr_assert_eq(run(store, args, sum), 0, "ingest --jobs %s failed", jobs);
}

/* Every export of store "one" and of store "two": the same bytes. */
static void expect_same_exports(const char *how)
{
	static const char *const tables[] = {"claims", "agreements", "conflicts", "articles"};

	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		struct assay_buf e1 = {0}, e2 = {0};

		export("one", tables[i], &e1);
		export("two", tables[i], &e2);
		cr_assert_gt(e1.len, 0, "no %s exported", tables[i]);
		cr_assert(e1.len == e2.len && memcmp(e1.data, e2.data, e1.len) == 0,
			  "the %s exports differ between 1 and 2 jobs %s", tables[i], how);
		assay_buf_release(&e1);
		assay_buf_release(&e2);
	}
}

Test(jobs, stores_made_with_one_and_two_jobs_export_the_same_bytes)
{
	struct assay_buf s1 = {0}, s2 = {0};

	ingest("one", "1", &s1);
	ingest("two", "2", &s2);
	cr_assert_gt(summary_field(&s1, "new_articles"), 100);
	cr_assert_gt(summary_field(&s1, "duplicates"), 0, "the input has no near-duplicates");
	for (size_t i = 0; i < 5; i++) {
		static const char *const f[] = {"new_articles", "duplicates", "new_claims",
						"skipped_known", "errors"};
		cr_expect_eq(summary_field(&s1, f[i]), summary_field(&s2, f[i]),
			     "%s: %lld with 1 job, %lld with 2", f[i],
			     (long long)summary_field(&s1, f[i]),
			     (long long)summary_field(&s2, f[i]));
	}
	cr_assert_eq(summary_field(&s1, "skipped_known"), 2, "a page given again was not skipped");
	expect_same_exports("in ingest");
	assay_buf_release(&s1);
	assay_buf_release(&s2);
}

/* Two stores made alike, then reprocessed with 1 and with 2 jobs. A
 * review recorded before must come back the same way in both. */
Test(jobs, reprocess_with_one_and_two_jobs_gives_the_same_store)
{
	struct assay_buf out = {0};
	char id[16] = "", args[64];

	ingest("one", "1", NULL);
	ingest("two", "1", NULL);
	cr_assert_eq(run("one", "claims --format jsonl", &out), 0);
	cr_assert_not_null(strstr(out.data, "\"id\":\""), "no claims stored");
	sscanf(strstr(out.data, "\"id\":\"") + 6, "%8[0-9a-z]", id);
	cr_assert_eq(strlen(id), 8, "no claim id in: %.200s", out.data);
	snprintf(args, sizeof args, "review %s accept", id);
	cr_assert_eq(run("one", args, NULL), 0);
	cr_assert_eq(run("two", args, NULL), 0);
	cr_assert_eq(run("one", "reprocess --jobs 1", NULL), 0);
	cr_assert_eq(run("two", "reprocess --jobs 2", NULL), 0);
	expect_same_exports("in reprocess");
	assay_buf_release(&out);
}

/* LMDB's mdb_put, as the store calls it, counted; while put_fail is
 * above 0, the put that brings it to 0 answers "map full" instead, as a
 * store whose map fills mid-way does (store_write then grows the map and
 * runs the whole write again). */
static long puts_made, put_fail;

int mdb_put(MDB_txn *txn, MDB_dbi dbi, MDB_val *key, MDB_val *data, unsigned flags)
{
	static int (*real)(MDB_txn *, MDB_dbi, MDB_val *, MDB_val *, unsigned);

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "mdb_put");
	cr_assert_not_null(real, "no mdb_put in LMDB");
	puts_made++;
	if (put_fail > 0 && --put_fail == 0)
		return MDB_MAP_FULL;
	return real(txn, dbi, key, data, flags);
}

/* A reprocess whose walk is redone after the map filled still gives the
 * pages of the new walk to the workers (pipeline/reprocess.c empties the
 * ring of the walk given up; else no page of the new walk would match
 * the ring's oldest, and the writer's thread would clean them all), and
 * the store comes out as a reprocess with one job leaves it. */
Test(jobs, a_reprocess_whose_walk_is_redone_hands_every_page_to_the_workers)
{
	struct assay_reprocess_result res;
	struct assay_store *s;
	char path[4096];
	long walk;

	ingest("one", "1", NULL);
	ingest("two", "1", NULL);
	cr_assert_eq(run("one", "reprocess --jobs 1", NULL), 0);
	snprintf(path, sizeof path, "%s/two", dir);
	assay_parse_init();
	cr_assert_eq(assay_extract_init(), ASSAY_OK);
	cr_assert_eq(assay_store_open(path, 0, &s), ASSAY_OK);
	/* the first rewrites what the ingest left; the next makes a walk's puts */
	cr_assert_eq(assay_pipeline_reprocess_jobs(s, 2, &res), ASSAY_OK, "%s",
		     assay_store_errmsg(s));
	puts_made = 0;
	cr_assert_eq(assay_pipeline_reprocess_jobs(s, 2, &res), ASSAY_OK, "%s",
		     assay_store_errmsg(s));
	walk = puts_made;
	cr_assert_gt(res.articles, 100);
	cr_assert_eq(res.ahead, res.articles, "a plain walk: %zu of %zu pages to the workers",
		     res.ahead, res.articles);
	put_fail = walk / 3; /* a third of the way through the walk */
	cr_assert_eq(assay_pipeline_reprocess_jobs(s, 2, &res), ASSAY_OK, "%s",
		     assay_store_errmsg(s));
	cr_assert_eq(put_fail, 0, "the map never filled");
	cr_assert_geq(puts_made - walk, walk + walk / 3, "the walk was not redone: %ld puts, then %ld", walk, puts_made - walk);
	cr_expect_eq(res.ahead, res.articles, "after a redone walk: %zu of %zu pages to the workers",
		     res.ahead, res.articles);
	assay_store_close(s);
	expect_same_exports("after a walk redone");
}

Test(jobs, a_jobs_count_that_is_not_a_number_is_refused)
{
	cr_assert_eq(run("bad", "ingest --jobs two corpus", NULL), 2);
	cr_assert_eq(run("bad", "ingest --jobs 0 corpus", NULL), 2);
	cr_assert_eq(run("bad", "reprocess --jobs x", NULL), 2);
}

/* The site of the crawl: every text of @dirs (sorted) as an HTML page
 * /p/N (first line the headline, each line a paragraph) and /feed.xml
 * listing them all in order. */
#define SITE_MAX 400
static struct route site[SITE_MAX + 2];
static char *site_bodies[SITE_MAX + 1];
static char site_paths[SITE_MAX + 1][16];

static void html_escaped(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		default: fputc(s[i], f);
		}
}

static char *text_page(const struct assay_buf *t)
{
	const char *p = t->data ? t->data : "", *end = p + t->len;
	char *html = NULL;
	size_t len = 0, first = strcspn(p, "\n");
	FILE *f = open_memstream(&html, &len);

	cr_assert_not_null(f);
	fputs("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>", f);
	html_escaped(f, p, first);
	fputs("</title></head><body><article>", f);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (n) {
			fputs("<p>", f);
			html_escaped(f, p, n);
			fputs("</p>\n", f);
		}
		p += n + 1;
	}
	fputs("</article></body></html>\n", f);
	cr_assert_eq(fclose(f), 0);
	return html;
}

static int is_text(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0;
}

static struct tsrv *serve_texts(const char *const *dirs, size_t *npages)
{
	char *feed = NULL;
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&feed, &len);

	cr_assert_not_null(f);
	fputs("<rss version=\"2.0\"><channel><title>texts</title>", f);
	for (; *dirs; dirs++) {
		struct dirent **es;
		char path[4096 + 256];
		int k = scandir(*dirs, &es, is_text, alphasort);

		cr_assert_geq(k, 0, "cannot read %s", *dirs);
		for (int i = 0; i < k; i++) {
			struct assay_buf t = {0};

			snprintf(path, sizeof path, "%s/%s", *dirs, es[i]->d_name);
			free(es[i]);
			if (n == SITE_MAX)
				continue;
			cr_assert_eq(assay_read_file(path, 1u << 20, &t), ASSAY_OK, "%s", path);
			snprintf(site_paths[n], sizeof site_paths[n], "/p/%zu", n);
			site_bodies[n] = text_page(&t);
			site[n] = (struct route){site_paths[n], 200, "text/html", site_bodies[n], NULL,
						 R_PLAIN};
			fprintf(f, "<item><link>/p/%zu</link></item>", n);
			assay_buf_release(&t);
			n++;
		}
		free(es);
	}
	fputs("</channel></rss>", f);
	cr_assert_eq(fclose(f), 0);
	site_bodies[n] = feed;
	site[n] = (struct route){"/feed.xml", 200, "application/rss+xml", feed, NULL, R_PLAIN};
	site[n + 1] = (struct route){0};
	*npages = n;
	return tsrv_start(site);
}

Test(jobs, crawls_with_one_and_two_jobs_store_the_same)
{
	const char *root = getenv("ASSAY_SOURCE_ROOT");
	char claims[2048], neardup[2048], args[512];
	const char *dirs[] = {claims, neardup, NULL};
	struct assay_buf s1 = {0}, s2 = {0};
	struct tsrv *srv;
	size_t n;

	snprintf(claims, sizeof claims, "%s/tests/data/claims", root);
	snprintf(neardup, sizeof neardup, "%s/tests/data/store/neardup", root);
	srv = serve_texts(dirs, &n);
	cr_assert_not_null(srv);
	cr_assert_gt(n, 100);
	for (int jobs = 1; jobs <= 2; jobs++) {
		snprintf(args, sizeof args,
			 "crawl --jobs %d --allow-private --delay 0 --summary-json %s", jobs,
			 tsrv_url(srv, "/feed.xml"));
		cr_assert_eq(run(jobs == 1 ? "one" : "two", args, jobs == 1 ? &s1 : &s2), 0,
			     "crawl --jobs %d failed", jobs);
	}
	tsrv_stop(srv);
	for (size_t i = 0; i <= n; i++)
		free(site_bodies[i]);
	cr_assert_eq(summary_field(&s1, "new_articles"), (json_int_t)n);
	cr_assert_gt(summary_field(&s1, "duplicates"), 0, "the input has no near-duplicates");
	for (size_t i = 0; i < 5; i++) {
		static const char *const f[] = {"pages_fetched", "new_articles", "duplicates",
						"new_claims", "errors"};
		cr_expect_eq(summary_field(&s1, f[i]), summary_field(&s2, f[i]),
			     "%s: %lld with 1 job, %lld with 2", f[i],
			     (long long)summary_field(&s1, f[i]),
			     (long long)summary_field(&s2, f[i]));
	}
	expect_same_exports("in crawl");
	assay_buf_release(&s1);
	assay_buf_release(&s2);
}
