/* test_review_cache.c - a desk's cached queue keeps up with the store.
 *
 * Articles of tests/data/review_catch_up.jsonl are stored one at a time,
 * with decisions made beside the cache (as another desk would); after each
 * write the cached queue must be the queue a fresh walk of the store
 * gives - rows, order, states, sources, menus - and it must have got
 * there by catching up, not by walking the store again. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "review.h"
#include "store_util.h"
#include "str.h"

static char *dir;
static struct assay_store *store;

static void setup(void)
{
	dir = tmp_store_dir();
	cr_assert_not_null(dir);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &store), ASSAY_OK);
}

static void teardown(void)
{
	assay_store_close(store);
	rm_tree(dir);
	free(dir);
}

TestSuite(review_cache, .init = setup, .fini = teardown);

static void put(json_t *o)
{
	struct test_article t;
	struct assay_put_result r;

	cr_assert(test_article_from_json(o, &t), "a malformed case");
	t.a.site = json_string_value(json_object_get(o, "site"));
	cr_assert_eq(assay_store_put_article(store, &t.a, &r), ASSAY_OK, "%s",
		     assay_store_errmsg(store));
	test_article_release(&t);
}

static void same_menu(const char *a, const char *b, size_t width, size_t na, size_t nb,
		      const char *what)
{
	cr_assert_eq(na, nb, "%s: %zu values cached, %zu walked", what, na, nb);
	for (size_t i = 0; i < na; i++)
		cr_assert_str_eq(a + i * width, b + i * width, "%s %zu", what, i);
}

/* The cached queue under @f is the queue a fresh walk gives. */
static void same_as_walked(struct assay_review_cache *c, const struct assay_review_filter *f)
{
	struct assay_review_queue got, want;

	cr_assert_eq(assay_review_cache_queue(c, f, &got), ASSAY_OK);
	cr_assert_eq(assay_review_queue_load(store, f, &want), ASSAY_OK);
	cr_assert_eq(got.total, want.total);
	cr_assert_eq(got.n, want.n, "%zu rows cached, %zu walked", got.n, want.n);
	for (size_t k = 0; k < ASSAY_REVIEW_STATES; k++)
		cr_assert_eq(got.counts[k], want.counts[k], "%s", assay_review_state_names[k]);
	for (size_t i = 0; i < got.n; i++) {
		const struct assay_review_row *x = got.rows[i], *y = want.rows[i];

		cr_assert_str_eq(x->id, y->id, "row %zu", i);
		cr_assert_str_eq(x->state, y->state, "%s", x->id);
		cr_assert_str_eq(x->figure, y->figure, "%s", x->id);
		cr_assert_str_eq(x->newest, y->newest, "%s", x->id);
		cr_assert_str_eq(x->site, y->site, "%s", x->id);
		cr_assert_str_eq(x->evidence, y->evidence, "%s", x->id);
		cr_assert_eq(x->nsources, y->nsources, "%s", x->id);
		cr_assert_eq(x->seq, y->seq, "%s", x->id);
	}
	same_menu((const char *)got.subjects, (const char *)want.subjects, sizeof *got.subjects,
		  got.nsubjects, want.nsubjects, "subjects");
	same_menu((const char *)got.metrics, (const char *)want.metrics, sizeof *got.metrics,
		  got.nmetrics, want.nmetrics, "metrics");
	same_menu((const char *)got.sites, (const char *)want.sites, sizeof *got.sites,
		  got.nsites, want.nsites, "sites");
	assay_review_queue_release(&got);
	assay_review_queue_release(&want);
}

/* Every filter the test looks through: all, pending, by site and by words. */
static void all_the_same(struct assay_review_cache *c)
{
	static const char *const sites[] = {"", "a.example", "c.example", "e.example"};
	struct assay_review_filter f;

	for (size_t i = 0; i < sizeof sites / sizeof *sites; i++) {
		memset(&f, 0, sizeof f);
		assay_copy(f.site, sizeof f.site, sites[i]);
		same_as_walked(c, &f);
		assay_copy(f.state, sizeof f.state, "pending");
		same_as_walked(c, &f);
	}
	memset(&f, 0, sizeof f);
	assay_copy(f.q, sizeof f.q, "China said");
	same_as_walked(c, &f);
}

/* Decides on the first claim a fresh walk lists in @state, as another desk. */
static void decide_elsewhere(const char *state, const char *now)
{
	struct assay_review_filter f;
	struct assay_review_queue q;
	struct assay_review d;

	memset(&f, 0, sizeof f);
	assay_copy(f.state, sizeof f.state, state);
	cr_assert_eq(assay_review_queue_load(store, &f, &q), ASSAY_OK);
	cr_assert(q.n > 0, "a claim is %s", state);
	memset(&d, 0, sizeof d);
	assay_copy(d.state, sizeof d.state, now);
	if (!strcmp(now, "rejected"))
		assay_copy(d.reason, sizeof d.reason, "wrong period");
	cr_assert_eq(assay_store_review(store, q.rows[0]->id, &d), ASSAY_OK);
	assay_review_queue_release(&q);
}

Test(review_cache, articles_and_decisions_stored_meanwhile_are_caught_up_without_a_walk)
{
	json_t **lines;
	size_t n = read_jsonl(store_data("../review_catch_up.jsonl"), &lines);
	struct assay_review_cache c;
	struct assay_review_filter any;

	cr_assert(n >= 6, "the case file has %zu articles", n);
	memset(&any, 0, sizeof any);
	assay_review_cache_init(&c, store);
	put(lines[0]);
	all_the_same(&c);
	cr_assert_eq(c.loads, 1);
	for (size_t i = 1; i < n; i++) {
		put(lines[i]);
		all_the_same(&c);
		if (i % 2)
			decide_elsewhere("pending", i % 4 == 1 ? "accepted" : "rejected");
		all_the_same(&c);
	}
	decide_elsewhere("accepted", "pending"); /* an undo */
	all_the_same(&c);
	cr_assert_eq(c.loads, 1, "the store was walked %zu times", c.loads);
	cr_assert_geq(c.catch_ups, n - 1);
	assay_review_cache_release(&c);
	for (size_t i = 0; i < n; i++)
		json_decref(lines[i]);
	free(lines);
}

Test(review_cache, a_decision_of_its_own_desk_needs_no_catch_up)
{
	json_t **lines;
	size_t n = read_jsonl(store_data("../review_catch_up.jsonl"), &lines);
	struct assay_review_cache c;
	struct assay_review_filter f;
	struct assay_review_queue q;
	struct assay_review d;
	char id[12];
	size_t ups;

	for (size_t i = 0; i < n; i++)
		put(lines[i]);
	assay_review_cache_init(&c, store);
	memset(&f, 0, sizeof f);
	cr_assert_eq(assay_review_cache_queue(&c, &f, &q), ASSAY_OK);
	assay_copy(id, sizeof id, q.rows[1]->id);
	assay_review_queue_release(&q);
	ups = c.catch_ups;
	memset(&d, 0, sizeof d);
	strcpy(d.state, "accepted");
	cr_assert_eq(assay_store_review(store, id, &d), ASSAY_OK);
	assay_review_cache_decided(&c, id, "accepted");
	all_the_same(&c);
	cr_assert_eq(c.catch_ups, ups, "the desk's own decision was read back");
	cr_assert_eq(c.loads, 1);
	assay_review_cache_release(&c);
	for (size_t i = 0; i < n; i++)
		json_decref(lines[i]);
	free(lines);
}

Test(review_cache, the_clock_tells_rewritten_articles_from_new_ones)
{
	struct assay_store_clock then = {10, 12, 40, 2, 3}, now = then;

	cr_assert(assay_store_clock_same(&then, &now));
	now.articles += 2, now.article_writes += 2, now.claims += 5, now.decisions++;
	cr_assert(assay_store_clock_only_added(&then, &now), "two new articles and a decision");
	now.article_writes++; /* an article rewritten under its old number */
	cr_assert(!assay_store_clock_only_added(&then, &now), "a reprocess is not an addition");
	now = then;
	now.claims--;
	cr_assert(!assay_store_clock_only_added(&then, &now), "a claim taken out");
}

/* Article @i: one more source of the same figure, on a site of its own. */
static void put_copy(int i)
{
	char line[1024];
	json_t *o;

	snprintf(line, sizeof line,
		 "{\"article\": \"Copy %d\", \"site\": \"s%d.example\", \"url\": "
		 "\"https://s%d.example/cn-%d\", \"published\": \"2024-02-%02d\", \"body\": "
		 "\"Words of copy %d alone: w%da w%db w%dc w%dd w%de.\", \"claims\": [{\"subject\": "
		 "\"CN\", \"metric\": \"production\", \"commodity\": \"rare-earths\", \"period\": "
		 "\"2023\", \"status\": \"actual\", \"value\": 240000, \"unit\": \"t\", \"qualifier\": "
		 "\"eq\", \"figure\": \"240,000 t\", \"sentence\": \"China mined 240,000 t.\"}]}",
		 i, i, i, i, 1 + i % 28, i, i, i, i, i, i);
	o = json_loads(line, 0, NULL);
	cr_assert_not_null(o);
	put(o);
	json_decref(o);
}

/* Each catch-up reads the claim again with all its sources and leaves its
 * old site list behind: enough of them are copied out, and every site
 * still finds its rows. */
Test(review_cache, a_claim_read_again_and_again_keeps_its_sites_right)
{
	struct assay_review_cache c;
	struct assay_review_filter f;
	size_t most = 0;

	assay_review_cache_init(&c, store);
	put_copy(0);
	all_the_same(&c);
	for (int i = 1; i < 120; i++) {
		put_copy(i);
		memset(&f, 0, sizeof f);
		snprintf(f.site, sizeof f.site, "s%d.example", i / 2);
		same_as_walked(&c, &f);
		if (c.snap->nsite_ix > most)
			most = c.snap->nsite_ix;
	}
	all_the_same(&c);
	cr_assert_eq(c.loads, 1);
	cr_assert_gt(most, c.snap->nsite_ix, "the left-behind lists were let go (%zu, %zu)", most,
		     c.snap->nsite_ix);
	cr_assert_eq(c.snap->site_ix_live, 120);
	assay_review_cache_release(&c);
}
