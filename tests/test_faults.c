/* test_faults.c - out of memory at every allocation site, for the cleaner,
 * the extractor and the store's write path.
 *
 * tests/failalloc.c replaces malloc for the whole process; each test walks
 * N = 1, 2, ... failing the Nth allocation of one call until a run reaches
 * no Nth allocation. Every run must return ASSAY_OK or an error (never
 * crash), leave nothing allocated once its results are released, and for
 * the store, leave the store as it was (all or nothing). Under the
 * sanitizer build ASan checks every cleanup path these runs take.
 * The other fault tests (disk, map, readers, writers, kills, PCRE2
 * limits) are in test_faults_store.c and test_faults_proc.c. */
#include <criterion/criterion.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay.h"
#include "clean.h"
#include "extract.h"
#include "failalloc.h"
#include "feed.h"
#include "faults_util.h"
#include "file.h"
#include "store.h"

TestSuite(oom, .timeout = 600);

/* What one walk saw: runs made, failures returned, leaks found. */
struct walk {
	long runs, errors, leaks, first_leak;
	int bad_rc; /* a status other than OK and the expected ones, or 0 */
};

typedef int (*call_fn)(void *ctx);     /* the call under test */
typedef void (*undo_fn)(void *ctx, int rc); /* releases what it made */

/* Fails allocation 1, 1 + stride, 1 + 2 stride, ... of @call until one
 * run reaches none. */
static struct walk walk_sites(call_fn call, undo_fn undo, void *ctx, unsigned flags, long stride)
{
	struct walk w = {0};

	for (long n = 1;; n += stride) {
		long leaked;
		int rc;

		failalloc_track_begin();
		failalloc_arm(n, flags);
		rc = call(ctx);
		failalloc_disarm();
		undo(ctx, rc);
		leaked = failalloc_track_end();
		w.runs++;
		if (rc != ASSAY_OK)
			w.errors++;
		if (rc != ASSAY_OK && rc != ASSAY_ENOMEM && rc != ASSAY_EPARSE && !w.bad_rc)
			w.bad_rc = rc;
		if (leaked != 0 && !w.leaks++)
			w.first_leak = n;
		if (!failalloc_fired())
			break;
	}
	return w;
}

/* ---- The cleaner ---------------------------------------------------- */

struct clean_ctx {
	struct assay_buf page;
	struct assay_doc doc;
	char *want_text, *want_title; /* without failures */
	long silent; /* runs that returned OK with another article */
	long first_silent;
};

static int clean_call(void *ctx)
{
	struct clean_ctx *c = ctx;

	return assay_clean(c->page.data, c->page.len, NULL, &c->doc);
}

static void clean_undo(void *ctx, int rc)
{
	struct clean_ctx *c = ctx;

	if (rc == ASSAY_OK) {
		cr_expect_not_null(c->doc.text);
		if ((!c->doc.text || strcmp(c->doc.text, c->want_text) != 0 ||
		     strcmp(c->doc.title ? c->doc.title : "", c->want_title) != 0) &&
		    !c->silent++)
			c->first_silent = failalloc_calls();
		assay_doc_release(&c->doc);
	}
	xmlResetLastError(); /* libxml2 keeps a copy of the last error: not a leak */
}

static void clean_load(const char *rel, struct clean_ctx *c)
{
	cr_assert_eq(assay_read_file(source_path(rel), 1u << 24, &c->page), ASSAY_OK, "%s", rel);
	assay_parse_init();
	cr_assert_eq(clean_call(c), ASSAY_OK); /* libxml2's lazy globals set up */
	c->want_text = strdup(c->doc.text ? c->doc.text : "");
	c->want_title = strdup(c->doc.title ? c->doc.title : "");
	cr_assert(c->want_text && c->want_title);
	assay_doc_release(&c->doc);
	xmlResetLastError();
}

static void clean_unload(struct clean_ctx *c)
{
	free(c->want_text);
	free(c->want_title);
	assay_buf_release(&c->page);
}

static void clean_walk(const char *rel)
{
	struct clean_ctx c = {0};
	struct walk w;

	clean_load(rel, &c);
	w = walk_sites(clean_call, clean_undo, &c, FAILALLOC_OWN, 1);
	cr_log_info("clean %s: %ld runs, %ld errors, %ld leaks", rel, w.runs, w.errors, w.leaks);
	cr_expect_gt(w.runs, 10, "the allocator never failed: is it linked in?");
	cr_expect_eq(w.bad_rc, 0, "an allocation failure came back as %s",
		     assay_strerror(w.bad_rc));
	cr_expect_eq(w.leaks, 0, "%ld runs leaked, the first failing allocation %ld", w.leaks,
		     w.first_leak);
	cr_expect_eq(c.silent, 0, "%ld runs lost part of the article yet returned OK, the first at %ld",
		     c.silent, c.first_silent);
	clean_unload(&c);
}

/* The cleaner's own allocation sites (parse/, common/): every one. */
Test(oom, cleaner_survives_a_failure_at_every_allocation_site_of_a_small_page)
{
	clean_walk("tests/fixtures/parse/furniture.html");
}

Test(oom, cleaner_survives_a_failure_at_every_allocation_site_of_a_corpus_page)
{
	clean_walk("corpus/002_ef18bbf5ae449ff4.html");
}

/* One run of @call in a child with a time limit: its exit status (0 the
 * call succeeded, 1 out of memory or unparseable, 2 no allocation failed,
 * 3 another error), 128 + signal, or -1 when it ran out of time. */
static int run_in_child(call_fn call, void *ctx, long n)
{
	struct itimerval limit = {{0, 0}, {2, 0}};
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		int rc;

		signal(SIGALRM, SIG_DFL);
		setitimer(ITIMER_REAL, &limit, NULL);
		failalloc_arm(n, 0);
		rc = call(ctx);
		failalloc_disarm();
		if (!failalloc_fired())
			_exit(2);
		_exit(rc == ASSAY_OK ? 0 : rc == ASSAY_ENOMEM || rc == ASSAY_EPARSE ? 1 : 3);
	}
	if (waitpid(pid, &st, 0) < 0)
		return -2;
	if (WIFSIGNALED(st))
		return WTERMSIG(st) == SIGALRM ? -1 : 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}

/* Fails every allocation of @call in turn, libxml2's included, each run
 * in its own process with a time limit: libxml2 2.9 on its own spins for
 * ever after some of them and reads through NULL after others
 * (common/html_read.c works round both). Leaks are libxml2's and not
 * counted. */
static void walk_in_children(call_fn call, void *ctx, const char *what)
{
	long runs = 0, hangs = 0, crashes = 0, others = 0, first_hang = 0, first_crash = 0;

	for (long n = 1;; n++) {
		int st = run_in_child(call, ctx, n);

		runs++;
		if (st == -1 && !hangs++)
			first_hang = n;
		if (st >= 128 && !crashes++)
			first_crash = n;
		others += st == 3 || st == -2;
		if (st == 2 || runs > 5000)
			break;
	}
	cr_log_info("%s with libxml2 %s failing: %ld runs", what, LIBXML_DOTTED_VERSION, runs);
	cr_expect_gt(runs, 100, "the allocator never failed: is it linked in?");
	cr_expect_eq(crashes, 0, "%s: %ld runs crashed, the first failing allocation %ld", what,
		     crashes, first_crash);
	cr_expect_eq(hangs, 0, "%s: %ld runs hung, the first failing allocation %ld", what, hangs,
		     first_hang);
	cr_expect_eq(others, 0, "%s: %ld runs returned another error than out of memory", what,
		     others);
}

static void clean_walk_libxml2(const char *rel)
{
	struct clean_ctx c = {0};

	clean_load(rel, &c);
	walk_in_children(clean_call, &c, rel);
	clean_unload(&c);
}

Test(oom, cleaner_neither_crashes_nor_hangs_when_libxml2_allocations_fail)
{
	clean_walk_libxml2("tests/fixtures/parse/furniture.html");
}

/* Thirteen elements deep: libxml2's table of open elements has to grow. */
Test(oom, cleaner_survives_libxml2_failing_to_grow_its_element_stack)
{
	clean_walk_libxml2("tests/fixtures/parse/deep.html");
}

/* ---- The crawler's source parser (feeds, and feeds found in pages) ---- */

struct source_ctx {
	struct assay_buf body;
};

static int source_call(void *ctx)
{
	struct source_ctx *c = ctx;
	struct assay_links l = {0};
	int rc = assay_source_parse(c->body.data, c->body.len, "https://metaldesk.example/", &l);

	assay_links_release(&l);
	return rc;
}

static void source_walk(const char *rel, size_t want_links)
{
	struct source_ctx c = {0};
	struct assay_links l = {0};

	cr_assert_eq(assay_read_file(source_path(rel), 1u << 24, &c.body), ASSAY_OK, "%s", rel);
	assay_parse_init();
	cr_assert_eq(assay_source_parse(c.body.data, c.body.len, "https://metaldesk.example/", &l),
		     ASSAY_OK);
	cr_assert_eq(l.n, want_links, "%s: %zu links", rel, l.n);
	assay_links_release(&l);
	walk_in_children(source_call, &c, rel);
	assay_buf_release(&c.body);
}

/* A home page the crawler reads for its feed links: parsed as HTML. */
Test(oom, feed_discovery_neither_crashes_nor_hangs_when_libxml2_allocations_fail)
{
	source_walk("tests/fixtures/fetch/home.html", 2);
}

Test(oom, feed_parser_neither_crashes_nor_hangs_when_libxml2_allocations_fail)
{
	source_walk("corpus/feed.xml", 5);
}

/* ---- The extractor -------------------------------------------------- */

struct extract_ctx {
	struct assay_buf text;
	struct assay_extraction x;
	size_t want_claims, want_agreements; /* without failures */
	long silent; /* runs that lost results yet returned OK */
	long first_silent;
};

static int extract_call(void *ctx)
{
	struct extract_ctx *e = ctx;
	struct assay_extract_opts o = {"2024-10-16"};

	return assay_extract_text(e->text.data, e->text.len, &o, &e->x);
}

static void extract_undo(void *ctx, int rc)
{
	struct extract_ctx *e = ctx;

	if (rc == ASSAY_OK) {
		if (e->x.nclaims != e->want_claims || e->x.nagreements != e->want_agreements)
			if (!e->silent++)
				e->first_silent = failalloc_calls();
		assay_extraction_release(&e->x);
	}
}

Test(oom, extractor_survives_a_failure_at_every_allocation)
{
	struct extract_ctx e = {0};
	struct walk w;

	cr_assert_eq(assay_read_file(source_path("tests/data/faults/article.txt"), 1u << 20,
				     &e.text),
		     ASSAY_OK);
	cr_assert_eq(assay_extract_init(), ASSAY_OK);
	cr_assert_eq(extract_call(&e), ASSAY_OK);
	cr_assert_gt(e.x.nclaims, 0, "the sample text should give claims");
	e.want_claims = e.x.nclaims;
	e.want_agreements = e.x.nagreements;
	extract_undo(&e, ASSAY_OK);
	w = walk_sites(extract_call, extract_undo, &e, 0, 1);
	cr_log_info("extract: %ld runs, %ld errors, %ld leaks, %ld silently short", w.runs,
		    w.errors, w.leaks, e.silent);
	cr_expect_eq(e.silent, 0,
		     "%ld runs lost claims to a failed allocation yet returned OK, the first %ld",
		     e.silent, e.first_silent);
	cr_expect_gt(w.runs, 10);
	cr_expect_eq(w.bad_rc, 0, "an allocation failure came back as %s",
		     assay_strerror(w.bad_rc));
	cr_expect_eq(w.leaks, 0, "%ld runs leaked, the first failing allocation %ld", w.leaks,
		     w.first_leak);
	assay_buf_release(&e.text);
	assay_extract_shutdown();
}

/* ---- The store's write path ----------------------------------------- */

struct put_ctx {
	struct assay_store *s;
	struct assay_article a;
	struct assay_buf url;
	long serial;
	long stored;    /* puts that returned OK */
	bool all_or_nothing;
};

static int put_call(void *ctx)
{
	struct put_ctx *p = ctx;
	struct assay_put_result res;

	assay_buf_reset(&p->url);
	if (assay_buf_printf(&p->url, "https://sample.example/story/%ld", ++p->serial))
		return ASSAY_ENOMEM;
	p->a.url = p->url.data;
	return assay_store_put_article(p->s, &p->a, &res);
}

static void put_undo(void *ctx, int rc)
{
	struct put_ctx *p = ctx;
	bool there = assay_store_has_url(p->s, p->url.data);

	if (rc == ASSAY_OK)
		p->stored++;
	if (there != (rc == ASSAY_OK))
		p->all_or_nothing = false;
}

Test(oom, store_write_path_survives_a_failure_at_every_allocation)
{
	struct put_ctx p = {0};
	struct sample_article sa;
	struct assay_store_stats st;
	char *dir = fault_tmpdir();
	struct walk w;

	cr_assert_eq(sample_article_load(source_path("corpus/001_8da2bc4b1c51bc3c.html"), &sa),
		     ASSAY_OK);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &p.s), ASSAY_OK);
	p.a = sa.a;
	p.all_or_nothing = true;
	cr_assert_eq(put_call(&p), ASSAY_OK); /* the tables exist, the map is mapped */
	p.stored = 1;
	w = walk_sites(put_call, put_undo, &p, 0, 1);
	cr_log_info("store put: %ld runs, %ld errors, %ld leaks", w.runs, w.errors, w.leaks);
	cr_expect_gt(w.runs, 5);
	cr_expect(p.all_or_nothing, "a failed put left its article behind, or a good one lost it");
	cr_expect_eq(w.bad_rc, 0, "an allocation failure came back as %s",
		     assay_strerror(w.bad_rc));
	cr_expect_eq(w.leaks, 0, "%ld runs leaked, the first failing allocation %ld", w.leaks,
		     w.first_leak);
	assay_store_close(p.s);
	cr_assert_eq(assay_store_open(dir, 0, &p.s), ASSAY_OK, "the store no longer opens");
	cr_assert_eq(assay_store_stats(p.s, &st), ASSAY_OK);
	cr_expect_eq(st.articles, (uint64_t)p.stored, "%llu articles stored, %ld puts succeeded",
		     (unsigned long long)st.articles, p.stored);
	assay_store_close(p.s);
	assay_buf_release(&p.url);
	sample_article_release(&sa);
	fault_rmdir(dir);
	free(dir);
}
