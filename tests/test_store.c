/* test_store.c - the store: open and create, articles and stories, crawl
 * state, the process lock, the schema check, and the seed articles giving
 * the merged claims and conflict groups of the contract
 * (tests/data/store/seed_expected.json, a copy of the shared one). */
#include <criterion/criterion.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay.h"
#include "store.h"
#include "store_util.h"

static char *dir;

static void setup(void)
{
	dir = tmp_store_dir();
	cr_assert_not_null(dir);
}

static void teardown(void)
{
	rm_tree(dir);
	free(dir);
}

TestSuite(store, .init = setup, .fini = teardown);

static struct assay_store *open_store(unsigned flags)
{
	struct assay_store *s = NULL;
	int rc = assay_store_open(dir, flags, &s);

	cr_assert_eq(rc, ASSAY_OK, "open: %s", assay_store_errmsg(NULL));
	return s;
}

Test(store, missing_store_is_reported_with_how_to_create_it)
{
	struct assay_store *s = NULL;
	char path[4096];

	snprintf(path, sizeof path, "%s/nothing-here", dir);
	cr_assert_eq(assay_store_open(path, 0, &s), ASSAY_ENOTFOUND);
	cr_assert_null(s);
	cr_assert(strstr(assay_store_errmsg(NULL), "cannot open store"));
	cr_assert(strstr(assay_store_errmsg(NULL), "assay ingest"));
	cr_assert_eq(assay_store_open(path, ASSAY_STORE_CREATE, &s), ASSAY_OK);
	assay_store_close(s);
}

static struct assay_article plain_article(const char *url, const char *text)
{
	struct assay_article a = {0};

	a.url = url;
	a.title = "A title";
	a.text = text;
	a.text_len = strlen(text);
	a.raw = text;
	a.raw_len = strlen(text);
	a.fetched_at = 1700000000;
	return a;
}

Test(store, articles_survive_reopening_and_one_url_is_stored_once)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_article a = plain_article("https://Example.com/a/?utm_source=x", "Some text.");
	struct assay_put_result r;
	struct assay_store_stats st;
	struct assay_buf text = {0};

	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert(r.is_new);
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert_not(r.is_new, "the same canonical URL is stored once");
	assay_store_close(s);

	s = open_store(0);
	cr_assert(assay_store_has_url(s, "https://example.com/a"));
	cr_assert_not(assay_store_has_url(s, "https://example.com/b"));
	cr_assert_eq(assay_store_article_text(s, "https://example.com/a", &text), ASSAY_OK);
	cr_assert_str_eq(text.data, "Some text.");
	cr_assert_eq(assay_store_stats(s, &st), ASSAY_OK);
	cr_assert_eq(st.articles, 1);
	cr_assert_eq(st.stories, 1);
	cr_assert_gt(st.bytes, 0);
	assay_buf_release(&text);
	assay_store_close(s);
}

static int note_claimed(void *ctx, const struct assay_stored_article *a)
{
	char *out = ctx;

	if (!strcmp(a->url, "https://attacker.example.net/page"))
		snprintf(out, 512, "%s", a->claimed_url);
	else if (a->claimed_url[0])
		snprintf(out + 512, 512, "%.200s: %.300s", a->url, a->claimed_url);
	return 0;
}

/* A page that names another site's URL as its canonical (issue 21 #3)
 * neither overwrites that site's article nor pre-empts it: it is stored
 * under its own URL. Another host of the same registrable domain, and a
 * feed redirector in front of the site, keep the canonical trusted. */
Test(store, a_canonical_url_on_another_site_is_not_the_identity)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_article real = plain_article("https://victim.example.com/story", "The real story.");
	struct assay_article hijack = plain_article("https://victim.example.com/story", "Forged figures.");
	struct assay_article amp = plain_article("https://www.news.co.uk/a", "An article.");
	struct assay_article via = plain_article("https://publisher.example.org/b", "Another one.");
	struct assay_article other = plain_article("https://www.other.co.uk/c", "Third text here.");
	struct assay_put_result r;
	struct assay_buf text = {0};

	real.fetched_url = "https://victim.example.com/story?utm_source=feed";
	hijack.fetched_url = "https://attacker.example.net/page";
	cr_assert_eq(assay_store_put_article(s, &hijack, &r), ASSAY_OK);
	cr_expect_not(assay_store_has_url(s, "https://victim.example.com/story"),
		      "the attacker pre-empted the victim's URL");
	cr_expect(assay_store_has_url(s, "https://attacker.example.net/page"));
	cr_assert_eq(assay_store_put_article(s, &real, &r), ASSAY_OK);
	cr_expect(r.is_new, "the real article is new, not a revision of the forged one");
	cr_assert_eq(assay_store_article_text(s, "https://victim.example.com/story", &text), ASSAY_OK);
	cr_expect_str_eq(text.data, "The real story.");
	assay_buf_release(&text);

	amp.fetched_url = "https://amp.news.co.uk/a.amp";
	cr_assert_eq(assay_store_put_article(s, &amp, &r), ASSAY_OK);
	cr_expect(assay_store_has_url(s, "https://www.news.co.uk/a"), "same site: trusted");
	via.fetched_url = "https://feeds.redirector.example/~r/x/123";
	via.served_url = "https://publisher.example.org/b?from=rss";
	cr_assert_eq(assay_store_put_article(s, &via, &r), ASSAY_OK);
	cr_expect(assay_store_has_url(s, "https://publisher.example.org/b"),
		  "served from the site after a redirect: trusted");
	/* co.uk is a public suffix: two of its sites are two sites. */
	other.fetched_url = "https://www.news.co.uk/c";
	cr_assert_eq(assay_store_put_article(s, &other, &r), ASSAY_OK);
	cr_expect_not(assay_store_has_url(s, "https://www.other.co.uk/c"));
	{ /* the distrusted canonical is kept as what the page said, and shown */
		char claimed[1024] = {0};

		cr_assert_eq(assay_store_articles(s, note_claimed, claimed), ASSAY_OK);
		cr_expect_str_eq(claimed, "https://victim.example.com/story");
		cr_expect_str_eq(claimed + 512, "https://www.news.co.uk/c: https://www.other.co.uk/c");
	}
	assay_store_close(s);
}

Test(store, same_text_at_two_urls_is_one_story)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_article a = plain_article("https://a.example/x", "Wire story text.");
	struct assay_article b = plain_article("https://b.example/y", "Wire story text.");
	struct assay_put_result ra, rb;

	cr_assert_eq(assay_store_put_article(s, &a, &ra), ASSAY_OK);
	cr_assert_eq(assay_store_put_article(s, &b, &rb), ASSAY_OK);
	cr_assert_not(ra.duplicate);
	cr_assert(rb.duplicate);
	cr_assert_str_eq(ra.story, rb.story);
	assay_store_close(s);
}

Test(store, crawl_state_round_trips_and_deletes)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_buf v = {0};

	cr_assert_eq(assay_store_kv_get(s, "host", "example.com", &v), ASSAY_ENOTFOUND);
	cr_assert_eq(assay_store_kv_put(s, "host", "example.com", "etag-1", 6), ASSAY_OK);
	cr_assert_eq(assay_store_kv_put(s, "hostx", "ample.com", "other", 5), ASSAY_OK);
	cr_assert_eq(assay_store_kv_get(s, "host", "example.com", &v), ASSAY_OK);
	cr_assert_eq(v.len, 6);
	cr_assert_eq(memcmp(v.data, "etag-1", 6), 0);
	cr_assert_eq(assay_store_kv_del(s, "host", "example.com"), ASSAY_OK);
	assay_buf_reset(&v);
	cr_assert_eq(assay_store_kv_get(s, "host", "example.com", &v), ASSAY_ENOTFOUND);
	assay_buf_release(&v);
	assay_store_close(s);
}

Test(store, second_writer_is_told_busy_at_once)
{
	struct assay_store *a = open_store(ASSAY_STORE_CREATE), *b = open_store(0);

	cr_assert_eq(assay_store_lock(a, false), ASSAY_OK);
	cr_assert_eq(assay_store_lock(b, false), ASSAY_EBUSY);
	cr_assert(strstr(assay_store_errmsg(b), "busy"));
	assay_store_unlock(a);
	cr_assert_eq(assay_store_lock(b, false), ASSAY_OK);
	assay_store_close(a);
	assay_store_close(b);
}

static void write_schema(const char *version)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {6, "schema"}, v = {strlen(version), (void *)version};

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	cr_assert_eq(mdb_env_open(env, dir, 0, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "meta", 0, &dbi), 0);
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

Test(store, newer_schema_is_refused_and_older_is_migrated)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);

	assay_store_close(s);
	write_schema("99");
	cr_assert_eq(assay_store_open(dir, 0, &s), ASSAY_ESCHEMA);
	cr_assert(strstr(assay_store_errmsg(NULL), "newer assay"));
	write_schema("0");
	s = open_store(0);
	assay_store_close(s);
}

Test(store, map_grows_when_full)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	size_t n = 2u << 20;
	char *big = malloc(n + 1);
	struct assay_put_result r;
	char url[64];

	/* incompressible text, larger in total than the initial map */
	for (size_t i = 0; i < n; i++)
		big[i] = (char)('a' + (rand() % 26));
	big[n] = '\0';
	for (int i = 0; i < 30; i++) {
		struct assay_article a = plain_article(url, big);

		snprintf(url, sizeof url, "https://big.example/%d", i);
		big[i] = '!'; /* a new text each time */
		cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK, "%s",
			     assay_store_errmsg(s));
	}
	free(big);
	assay_store_close(s);
}

/* Turns the store back into a schema 1 store as far as the story index
 * goes: the index under its old name and layout (junk: it is rebuilt),
 * no "recent" table, and the version record saying 1. */
static void make_schema_1(void)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {3, "\0\1\2"}, v = {9, "junkjunk!"};

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	cr_assert_eq(mdb_env_open(env, dir, 0, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "recent", 0, &dbi), 0);
	cr_assert_eq(mdb_drop(txn, dbi, 1), 0);
	cr_assert_eq(mdb_dbi_open(txn, "bands", MDB_CREATE | MDB_DUPSORT, &dbi), 0);
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	write_schema("1");
}

static void story_text(struct assay_buf *t, int edit)
{
	assay_buf_reset(t);
	for (int w = 0; w < 120; w++)
		assay_buf_printf(t, "%s%d ", w == edit ? "changed" : "word", (w * 37) % 101);
}

Test(store, schema_1_store_is_migrated_and_finds_near_duplicates_again)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_buf t = {0};
	struct assay_put_result r1, r2;
	struct assay_article a;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;

	story_text(&t, -1);
	a = plain_article("https://one.example/a", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r1), ASSAY_OK);
	assay_store_close(s);
	make_schema_1();

	s = open_store(0);
	story_text(&t, 50); /* one word edited: a near duplicate */
	a = plain_article("https://two.example/b", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r2), ASSAY_OK);
	cr_assert(r2.duplicate, "the migrated index finds the first story");
	cr_assert_str_eq(r2.story, r1.story);
	assay_store_close(s);

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	cr_assert_eq(mdb_env_open(env, dir, MDB_RDONLY, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "bands", 0, &dbi), MDB_NOTFOUND, "old table dropped");
	mdb_txn_abort(txn);
	mdb_env_close(env);
	assay_buf_release(&t);
}

/* Rewrites every entry of the table "recent" as stores before sketches
 * wrote it: the SimHash and the story id, nothing else. */
static void strip_sketches(void)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_cursor *c;
	MDB_val k, v;
	unsigned char old[64];
	size_t n = 0;

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	cr_assert_eq(mdb_env_open(env, dir, 0, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "recent", MDB_INTEGERKEY, &dbi), 0);
	cr_assert_eq(mdb_cursor_open(txn, dbi, &c), 0);
	while (mdb_cursor_get(c, &k, &v, n++ ? MDB_NEXT : MDB_FIRST) == 0) {
		const unsigned char *p = v.mv_data;
		size_t at = 14 + (size_t)p[13] * 8;

		cr_assert_eq(p[8], 0x02, "an entry with a sketch");
		memcpy(old, p, 8);
		memcpy(old + 8, p + at, v.mv_size - at);
		v = (MDB_val){8 + v.mv_size - at, old};
		cr_assert_eq(mdb_cursor_put(c, &k, &v, MDB_CURRENT), 0);
	}
	mdb_cursor_close(c);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

/* What is in the first entry of "recent": its tag byte after the SimHash. */
static int first_recent_tag(void)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_cursor *c;
	MDB_val k, v;
	int tag = -1;

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	cr_assert_eq(mdb_env_open(env, dir, MDB_RDONLY, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "recent", MDB_INTEGERKEY, &dbi), 0);
	cr_assert_eq(mdb_cursor_open(txn, dbi, &c), 0);
	if (mdb_cursor_get(c, &k, &v, MDB_FIRST) == 0 && v.mv_size > 8)
		tag = ((const unsigned char *)v.mv_data)[8];
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	return tag;
}

/* A store written before sketches keeps finding its stories: an entry
 * without a sketch is sketched from the stored text and rewritten. */
Test(store, story_index_without_sketches_is_sketched_from_the_stored_texts)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_buf t = {0};
	struct assay_put_result r1, r2;
	struct assay_article a;

	story_text(&t, -1);
	a = plain_article("https://one.example/a", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r1), ASSAY_OK);
	assay_store_close(s);
	strip_sketches();
	cr_assert_neq(first_recent_tag(), 0x02);

	s = open_store(0);
	story_text(&t, 50);
	a = plain_article("https://two.example/b", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r2), ASSAY_OK);
	cr_assert(r2.duplicate, "the old entry is found");
	cr_assert_str_eq(r2.story, r1.story);
	assay_store_close(s);
	cr_assert_eq(first_recent_tag(), 0x02, "and rewritten with its sketch");
	assay_buf_release(&t);
}

/* Every article pushes the story begun NEARDUP_WINDOW articles before it
 * out of the index, copies included (they once did not, and the index
 * grew past the window): a near copy of a story begun just inside the
 * window is found, one just outside it is a story of its own. */
static void numbered_story(struct assay_buf *t, int story, int edit)
{
	assay_buf_reset(t);
	for (int w = 0; w < 60; w++)
		assay_buf_printf(t, "%sstory%d_%d ", w == edit ? "edited" : "", story, w);
}

/* Whether a near copy of story @story (one word edited) stored under
 * @url is found to be a duplicate. */
static bool near_copy_is_duplicate(struct assay_store *s, int story, int edit, const char *url)
{
	struct assay_buf t = {0};
	struct assay_put_result r;
	struct assay_article a;

	numbered_story(&t, story, edit);
	a = plain_article(url, t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	assay_buf_release(&t);
	return r.duplicate;
}

Test(store, story_index_holds_only_the_window_when_copies_arrive)
{
	struct assay_store *s;
	struct assay_buf t = {0};
	struct assay_put_result r;
	struct assay_article a;
	char url[64];

	setenv("ASSAY_NEARDUP_WINDOW", "5", 1);
	s = open_store(ASSAY_STORE_CREATE);
	for (int i = 1; i <= 40; i++) { /* article i; even ones copy the one before */
		numbered_story(&t, i - 1 + i % 2, -1);
		snprintf(url, sizeof url, "https://site%d.example/%d", i % 2, i);
		a = plain_article(url, t.data);
		cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
		cr_assert_eq(r.duplicate, i % 2 == 0, "article %d", i);
	}
	/* article 41 sees the stories begun by 36..40: 37 and 39, not 35 */
	cr_assert(near_copy_is_duplicate(s, 37, 7, "https://near.example/37"),
		  "a story begun inside the window");
	cr_assert_not(near_copy_is_duplicate(s, 35, 7, "https://near.example/35"),
		      "a story begun outside the window");
	/* the same with the index filled from the table by a new handle */
	assay_store_close(s);
	s = open_store(0);
	cr_assert(near_copy_is_duplicate(s, 39, 9, "https://near.example/39"),
		  "a story begun inside the window, after reopening");
	cr_assert_not(near_copy_is_duplicate(s, 37, 9, "https://near.example/37b"),
		      "article 44 no longer sees 37, after reopening");
	assay_store_close(s);
	unsetenv("ASSAY_NEARDUP_WINDOW");
	assay_buf_release(&t);
}

/* The handle keeps the story index in memory; a story another process
 * stored in between is seen all the same, and so is one stored by a
 * write of this handle that failed and was not committed (not seen). */
Test(store, story_index_copy_follows_writes_of_other_processes)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_buf t = {0};
	struct assay_put_result r, theirs;
	struct assay_article a;
	int pipefd[2], st;
	pid_t pid;

	story_text(&t, -1);
	a = plain_article("https://one.example/a", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert_eq(pipe(pipefd), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		struct assay_store *o = NULL;
		struct assay_buf other = {0};
		struct assay_article b;
		int rc;

		for (int w = 0; w < 120; w++)
			assay_buf_printf(&other, "elsewhere%d ", (w * 53) % 97);
		b = plain_article("https://two.example/b", other.data);
		rc = assay_store_open(dir, 0, &o) || assay_store_put_article(o, &b, &theirs);
		assay_store_close(o);
		if (write(pipefd[1], &theirs, sizeof theirs) != (ssize_t)sizeof theirs)
			rc = 1;
		_exit(rc ? 1 : 0);
	}
	close(pipefd[1]);
	cr_assert_eq(read(pipefd[0], &theirs, sizeof theirs), (ssize_t)sizeof theirs);
	close(pipefd[0]);
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);

	assay_buf_reset(&t);
	for (int w = 0; w < 120; w++) /* the other process's story, one word edited */
		assay_buf_printf(&t, "%s%d ", w == 30 ? "edited" : "elsewhere", (w * 53) % 97);
	a = plain_article("https://three.example/c", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert(r.duplicate, "the story stored by the other process is found");
	cr_assert_str_eq(r.story, theirs.story);
	assay_store_close(s);
	assay_buf_release(&t);
}

Test(store, relative_canonical_link_gives_way_to_the_fetched_url)
{
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_article a = plain_article("/news/story", "Text of a story.");
	struct assay_put_result r;

	a.fetched_url = "https://X.example/news/story?utm_source=feed";
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert(assay_store_has_url(s, "https://x.example/news/story"));
	cr_assert_not(assay_store_has_url(s, "/news/story"));
	assay_store_close(s);
}

/* One article with the given figures of CN refining_share, in order. */
struct figs {
	struct assay_claim c[2];
	struct assay_extraction x;
	struct assay_article a;
};

static void share_figures(struct figs *f, const char *text, const char *const *written,
			  const char *const *qual, int n)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < n && i < 2; i++) {
		struct assay_claim *c = &f->c[i];
		const char *at = strstr(text, written[i]);

		snprintf(c->subject, sizeof c->subject, "CN");
		snprintf(c->metric, sizeof c->metric, "refining_share");
		snprintf(c->status, sizeof c->status, "actual");
		snprintf(c->unit, sizeof c->unit, "%%");
		snprintf(c->qualifier, sizeof c->qualifier, "%s", qual[i]);
		c->value = 70;
		c->fig_start = (size_t)(at - text);
		c->fig_end = c->fig_start + strlen(written[i]);
		c->evidence.end = strlen(text);
	}
	f->x.claims = f->c;
	f->x.nclaims = (size_t)n;
	f->a = plain_article("https://share.example/a", text);
	f->a.x = &f->x;
}

struct only {
	char id[12], state[12];
	size_t n;
};

static int only_claim(void *ctx, const struct assay_stored_claim *c,
		      const struct assay_source *src, size_t n)
{
	struct only *o = ctx;

	(void)src;
	(void)n;
	snprintf(o->id, sizeof o->id, "%s", c->id);
	snprintf(o->state, sizeof o->state, "%s", c->review.state);
	o->n++;
	return 0;
}

static int reorder(void *ctx, const struct assay_stored_page *page, struct assay_article *out)
{
	struct figs *f = ctx;

	(void)page;
	*out = f->a;
	return ASSAY_OK;
}

Test(store, decision_follows_its_figure_when_another_figure_comes_first)
{
	static const char text[] = "China refines 70% of rare earths, nearly 70% by another count.";
	static const char *const eq_only[] = {"70%"}, *const q_eq[] = {"eq"};
	static const char *const both[] = {"nearly 70%", "70%"}, *const q_both[] = {"lt", "eq"};
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_review d = {0};
	struct assay_put_result r;
	struct only before = {"", "", 0}, after = {"", "", 0};
	struct figs f;

	share_figures(&f, text, eq_only, q_eq, 1);
	cr_assert_eq(assay_store_put_article(s, &f.a, &r), ASSAY_OK);
	cr_assert_eq(assay_store_claims(s, NULL, only_claim, &before), ASSAY_OK);
	strcpy(d.state, "accepted");
	cr_assert_eq(assay_store_review(s, before.id, &d), ASSAY_OK);

	/* the rules change: the page now yields "nearly 70%" first */
	share_figures(&f, text, both, q_both, 2);
	cr_assert_eq(assay_store_reprocess(s, reorder, &f, NULL), ASSAY_OK);
	cr_assert_eq(assay_store_claims(s, NULL, only_claim, &after), ASSAY_OK);
	cr_assert_eq(after.n, 1, "the two figures are one claim");
	cr_assert_str_neq(after.id, before.id, "its first figure changed");
	cr_assert_str_eq(after.state, "accepted", "the decision on 70%% stays with it");
	assay_store_close(s);
}

/* An article of @text whose figures are CN production_share claims. */
static void share_article(struct figs *f, const char *url, const char *text,
			  const char *const *written, int n)
{
	static const char *const eq[] = {"eq", "eq"};

	share_figures(f, text, written, eq, n);
	for (int i = 0; i < n; i++) {
		snprintf(f->c[i].metric, sizeof f->c[i].metric, "production_share");
		sscanf(written[i], "%lf", &f->c[i].value);
	}
	f->a.url = url;
}

struct by_value {
	double value;
	char id[12], state[12];
};

static int find_value(void *ctx, const struct assay_stored_claim *c,
		      const struct assay_source *src, size_t n)
{
	struct by_value *w = ctx;

	(void)src;
	(void)n;
	if (c->c.value == w->value) {
		snprintf(w->id, sizeof w->id, "%s", c->id);
		snprintf(w->state, sizeof w->state, "%s", c->review.state);
	}
	return 0;
}

Test(store, changed_page_keeps_its_earlier_figures_and_decisions)
{
	static const char t1[] = "China mines 70% of the world's rare earths, a survey says.";
	static const char t2[] = "China mines 70% of rare earths and refines 90% of them now.";
	static const char t3[] = "China's share of mining is now reported as 60% of the total.";
	static const char *const f70[] = {"70%"}, *const f90[] = {"90%"}, *const f60[] = {"60%"};
	struct assay_store *s = open_store(ASSAY_STORE_CREATE);
	struct assay_put_result r;
	struct assay_store_stats st;
	struct assay_review d = {0};
	struct by_value v70 = {70, "", ""}, gone = {70, "", ""}, back = {70, "", ""};
	struct figs a, b;

	share_article(&a, "https://a.example/x", t1, f70, 1);
	cr_assert_eq(assay_store_put_article(s, &a.a, &r), ASSAY_OK);
	share_article(&b, "https://b.example/y", t2, f90, 1);
	cr_assert_eq(assay_store_put_article(s, &b.a, &r), ASSAY_OK);
	cr_assert_eq(assay_store_stats(s, &st), ASSAY_OK);
	cr_assert_eq(st.conflicts, 1, "70%% against 90%%");
	cr_assert_eq(assay_store_claims(s, NULL, find_value, &v70), ASSAY_OK);
	strcpy(d.state, "rejected");
	strcpy(d.reason, "survey misread");
	cr_assert_eq(assay_store_review(s, v70.id, &d), ASSAY_OK);

	share_article(&a, "https://a.example/x", t1, f70, 1);
	cr_assert_eq(assay_store_put_article(s, &a.a, &r), ASSAY_OK);
	cr_assert(!r.is_new && !r.updated, "same text: nothing to do");

	/* The page changes, 70% gives way to 60%: the earlier version stays
	 * as a revision of the page, so the change shows as a conflict
	 * within one source and the 70% keeps its decision. */
	share_article(&a, "https://a.example/x", t3, f60, 1);
	cr_assert_eq(assay_store_put_article(s, &a.a, &r), ASSAY_OK);
	cr_assert(!r.is_new);
	cr_assert(r.updated);
	cr_assert_eq(assay_store_stats(s, &st), ASSAY_OK);
	cr_assert_eq(st.articles, 3, "the page, its revision, and the other page");
	cr_assert_eq(st.claims, 3, "70%% (revision), 60%% (now) and 90%%");
	cr_assert_eq(st.evidences, 3);
	cr_assert_eq(st.conflicts, 1, "60%%, 70%% and 90%% of one key");
	cr_assert_eq(assay_store_claims(s, NULL, find_value, &gone), ASSAY_OK);
	cr_assert_str_eq(gone.id, v70.id, "the earlier figure was lost");
	cr_assert_str_eq(gone.state, "rejected");

	/* and back: the 70% claim has a second evidence, same id, same decision */
	share_article(&a, "https://a.example/x", t1, f70, 1);
	cr_assert_eq(assay_store_put_article(s, &a.a, &r), ASSAY_OK);
	cr_assert(r.updated);
	cr_assert_eq(assay_store_claims(s, NULL, find_value, &back), ASSAY_OK);
	cr_assert_str_eq(back.id, v70.id);
	cr_assert_str_eq(back.state, "rejected");
	cr_assert_eq(assay_store_stats(s, &st), ASSAY_OK);
	cr_assert_eq(st.articles, 4);
	cr_assert_eq(st.claims, 3);
	cr_assert_eq(st.evidences, 4);
	assay_store_close(s);
}

Test(store, near_duplicates_are_found_within_the_window_and_copies_at_any_age)
{
	struct assay_store *s;
	struct assay_buf t = {0}, other = {0};
	struct assay_put_result first, r;
	struct assay_article a;
	char url[64];

	setenv("ASSAY_NEARDUP_WINDOW", "5", 1);
	s = open_store(ASSAY_STORE_CREATE);
	story_text(&t, -1);
	a = plain_article("https://first.example/a", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &first), ASSAY_OK);
	story_text(&t, 60);
	a = plain_article("https://near.example/1", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert(r.duplicate, "within the window");
	for (int i = 0; i < 6; i++) { /* six new stories push the first one out */
		assay_buf_reset(&other);
		for (int w = 0; w < 60; w++)
			assay_buf_printf(&other, "other%d_%d ", i, w);
		snprintf(url, sizeof url, "https://other.example/%d", i);
		a = plain_article(url, other.data);
		cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
		cr_assert_not(r.duplicate);
	}
	story_text(&t, 61);
	a = plain_article("https://near.example/2", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert_not(r.duplicate, "outside the window a near copy is a new story");
	story_text(&t, -1);
	a = plain_article("https://copy.example/3", t.data);
	cr_assert_eq(assay_store_put_article(s, &a, &r), ASSAY_OK);
	cr_assert(r.duplicate, "an exact copy is found at any age");
	cr_assert_str_eq(r.story, first.story);
	assay_store_close(s);
	unsetenv("ASSAY_NEARDUP_WINDOW");
	assay_buf_release(&t);
	assay_buf_release(&other);
}

/* Each article's record, text and page, one line per article, to compare
 * two stores. */
static int describe_article(void *ctx, const struct assay_stored_article *a)
{
	struct assay_buf *out = ctx;

	assay_buf_printf(out, "%lld %s %s %s %s %s %zu %zu|", (long long)a->seq, a->url,
			 a->fetched_url, a->title, a->sha256, a->story, a->text_len, a->raw_len);
	return 0;
}

static void describe_store(struct assay_store *s, struct assay_buf *out)
{
	cr_assert_eq(assay_store_articles(s, describe_article, out), ASSAY_OK);
}

/* Workers pack articles ahead (identity, hashes, compression) for the
 * writer of `ingest --jobs`; what is stored must not depend on it. */
Test(store, a_packed_article_is_stored_as_an_unpacked_one)
{
	static const char long_text[] =
		"Tin prices rose on Monday as the main smelter in the region halted output "
		"for maintenance, traders said, and stocks in exchange warehouses fell to "
		"their lowest level in two years while buyers in China and Europe waited "
		"for the plant to restart later this month according to the company.";
	struct assay_article v[5] = {
		plain_article("https://Example.com/a/?utm_source=x", long_text),
		plain_article("https://victim.example.com/story", "Forged figures."),
		plain_article("/relative/only", "A relative canonical link."),
		plain_article("https://b.example/copy", long_text),
		plain_article("  ", "A URL that is only spaces."),
	};
	struct assay_buf one = {0}, two = {0}, text = {0};
	struct assay_packer *pk;
	char path[2][4096];

	v[1].fetched_url = "https://attacker.example.net/page";
	v[2].fetched_url = "https://site.example/relative/only?id=1";
	v[2].raw = "<html><p>A relative canonical link.</p></html>";
	v[2].raw_len = strlen(v[2].raw);
	cr_assert_eq(assay_packer_new(&pk), ASSAY_OK);
	for (int k = 0; k < 2; k++) {
		struct assay_store *s = NULL;
		char err[5][512];

		snprintf(path[k], sizeof path[k], "%s/%s", dir, k ? "packed" : "plain");
		cr_assert_eq(assay_store_open(path[k], ASSAY_STORE_CREATE, &s), ASSAY_OK);
		for (int i = 0; i < 5; i++) {
			struct assay_article a = v[i];
			struct assay_packed p;
			struct assay_put_result r;
			int rc;

			if (k) {
				cr_assert_eq(assay_store_pack(pk, &a, ASSAY_PACK_RAW | ASSAY_PACK_URL, &p),
					     ASSAY_OK);
				cr_assert(p.ok);
				a.packed = &p;
			}
			rc = assay_store_put_article(s, &a, &r);
			cr_expect_eq(rc, i == 4 ? ASSAY_EINVAL : ASSAY_OK, "article %d: %s", i,
				     assay_store_errmsg(s));
			snprintf(err[i], sizeof err[i], "%s", rc ? assay_store_errmsg(s) : "");
			assay_buf_printf(k ? &two : &one, "%d %d %d %s %s|", rc, r.is_new, r.duplicate,
					 r.story, err[i]);
			if (k)
				assay_packed_release(&p);
		}
		describe_store(s, k ? &two : &one);
		cr_assert_eq(assay_store_article_raw(s, "https://site.example/relative/only?id=1",
						     &text), ASSAY_OK);
		cr_assert_eq(assay_store_article_text(s, "https://site.example/relative/only?id=1",
						      &text), ASSAY_OK);
		assay_buf_puts(k ? &two : &one, text.data);
		assay_buf_reset(&text);
		assay_store_close(s);
	}
	cr_expect_str_eq(two.data, one.data);
	assay_packer_free(pk);
	assay_buf_release(&one);
	assay_buf_release(&two);
	assay_buf_release(&text);
}
