/* test_store_claims.c - claims, conflicts and reviews through the store:
 * the five seed articles (hand-built claims that mirror the gold) give the
 * merged claims and conflict groups that seed_expected.json names and no
 * others; editors' decisions survive re-ingest and reprocess. */
#include <criterion/criterion.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "canon.h"
#include "store.h"
#include "store_util.h"

static char *dir;
static struct assay_store *st;
static struct test_article arts[16];
static size_t narts;

static void load_seeds(void)
{
	json_t **lines;
	size_t n = read_jsonl(store_data("seed_claims.jsonl"), &lines);

	cr_assert_geq(n, 5, "seed_claims.jsonl not found or short");
	for (size_t i = 0; i < n && i < 16; i++) {
		cr_assert(test_article_from_json(lines[i], &arts[narts]), "bad case %zu", i);
		narts++;
		json_decref(lines[i]);
	}
	free(lines);
}

static void ingest_all(void)
{
	for (size_t i = 0; i < narts; i++) {
		struct assay_put_result r;

		cr_assert_eq(assay_store_put_article(st, &arts[i].a, &r), ASSAY_OK, "%s",
			     assay_store_errmsg(st));
	}
}

static void setup(void)
{
	dir = tmp_store_dir();
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &st), ASSAY_OK);
	narts = 0;
	load_seeds();
	ingest_all();
}

static void teardown(void)
{
	for (size_t i = 0; i < narts; i++)
		test_article_release(&arts[i]);
	assay_store_close(st);
	rm_tree(dir);
	free(dir);
}

TestSuite(claims, .init = setup, .fini = teardown);

/* The seed article name ("000") behind a source URL. */
static const char *article_of(const char *url)
{
	for (size_t i = 0; i < narts; i++) {
		struct assay_buf canon = {0};
		bool same;

		assay_canonical_url(arts[i].url, &canon);
		same = canon.data && !strcmp(canon.data, url);
		assay_buf_release(&canon);
		if (same)
			return arts[i].name;
	}
	return "?";
}

struct found {
	json_t *key;           /* the key asked for */
	size_t nclaims;
	char ids[8][12];
	json_t *articles;      /* names of articles behind the claims, sorted set */
	size_t nevidence;
};

static bool key_matches(json_t *key, const struct assay_claim *c)
{
	const char *k;
	json_t *v;

	json_object_foreach(key, k, v) {
		const char *want = json_string_value(v);
		const char *have = !strcmp(k, "subject") ? c->subject
			: !strcmp(k, "metric") ? c->metric
			: !strcmp(k, "commodity") ? c->commodity : NULL;

		if (!have || !want || strcmp(want, have))
			return false;
	}
	return true;
}

static void add_name(json_t *set, const char *name)
{
	for (size_t i = 0; i < json_array_size(set); i++)
		if (!strcmp(json_string_value(json_array_get(set, i)), name))
			return;
	json_array_append_new(set, json_string(name));
}

static int collect(void *ctx, const struct assay_stored_claim *c,
		   const struct assay_source *src, size_t n)
{
	struct found *f = ctx;

	if (!key_matches(f->key, &c->c))
		return 0;
	if (f->nclaims < 8)
		snprintf(f->ids[f->nclaims], 12, "%s", c->id);
	f->nclaims++;
	f->nevidence += n;
	for (size_t i = 0; i < n; i++)
		add_name(f->articles, article_of(src[i].url));
	return 0;
}

static bool same_sources(json_t *expected, json_t *names)
{
	if (json_array_size(expected) != json_array_size(names))
		return false;
	for (size_t i = 0; i < json_array_size(expected); i++) {
		const char *want = json_string_value(json_array_get(expected, i));
		bool hit = false;

		for (size_t j = 0; j < json_array_size(names); j++)
			hit |= !strncmp(want, json_string_value(json_array_get(names, j)), 3);
		if (!hit)
			return false;
	}
	return true;
}

static json_t *expected(void)
{
	json_t *e = json_load_file(store_data("seed_expected.json"), 0, NULL);

	cr_assert_not_null(e);
	return e;
}

Test(claims, seed_figures_of_one_key_that_agree_are_one_claim_with_every_source)
{
	json_t *e = expected(), *m;
	size_t i;

	json_array_foreach(json_object_get(e, "merged_claims"), i, m) {
		struct found f;

		memset(&f, 0, sizeof f);
		f.key = json_object_get(m, "key");
		f.articles = json_array();

		cr_assert_eq(assay_store_claims(st, NULL, collect, &f), ASSAY_OK);
		cr_assert_eq(f.nclaims, 1, "merged claim %zu: %zu claims", i, f.nclaims);
		cr_assert(same_sources(json_object_get(m, "sources"), f.articles),
			  "merged claim %zu: wrong sources", i);
		json_decref(f.articles);
	}
	json_decref(e);
}

struct groups {
	size_t nclaim, nagr;
	json_t *seen; /* one object per group: key or parties, with figures/statuses */
};

static int collect_group(void *ctx, const struct assay_conflict *g)
{
	struct groups *gs = ctx;
	json_t *o = json_object();

	if (g->is_agreement) {
		json_t *parties = json_array(), *statuses = json_object();
		const struct assay_agreement *a = &g->members[0].agreement->a;

		gs->nagr++;
		for (int i = 0; i < a->nparties; i++)
			json_array_append_new(parties, json_string(a->parties[i]));
		for (size_t m = 0; m < g->nmembers; m++) {
			const char *status = g->members[m].agreement->a.status;
			json_t *names = json_object_get(statuses, status);

			if (!names)
				json_object_set_new(statuses, status, names = json_array());
			for (size_t k = 0; k < g->members[m].nsources; k++)
				add_name(names, article_of(g->members[m].sources[k].url));
		}
		json_object_set_new(o, "parties", parties);
		json_object_set_new(o, "statuses", statuses);
	} else {
		const struct assay_claim *c = &g->members[0].claim->c;
		json_t *figs = json_array();

		gs->nclaim++;
		json_object_set_new(o, "key", json_pack("{s:s,s:s,s:s}", "subject", c->subject,
							"metric", c->metric, "commodity",
							c->commodity));
		for (size_t m = 0; m < g->nmembers; m++)
			json_array_append_new(figs, json_pack("{s:f,s:s}", "value",
				g->members[m].claim->c.value, "qualifier",
				g->members[m].claim->c.qualifier));
		json_object_set_new(o, "figures", figs);
	}
	json_array_append_new(gs->seen, o);
	return 0;
}

static json_t *find_group(json_t *seen, const char *field, json_t *want)
{
	size_t i;
	json_t *o;

	json_array_foreach(seen, i, o)
		if (json_equal(json_object_get(o, field), want))
			return o;
	return NULL;
}

static void check_claim_group(json_t *seen, json_t *c)
{
	json_t *g = find_group(seen, "key", json_object_get(c, "key")), *f;
	size_t i;

	cr_assert_not_null(g, "expected conflict group missing");
	cr_assert_eq(json_array_size(json_object_get(g, "figures")),
		     json_array_size(json_object_get(c, "figures")));
	json_array_foreach(json_object_get(c, "figures"), i, f) {
		json_t *have = json_array_get(json_object_get(g, "figures"), i);

		cr_assert_float_eq(json_number_value(json_object_get(have, "value")),
				   json_number_value(json_object_get(f, "value")), 1e-9);
		cr_assert(json_equal(json_object_get(have, "qualifier"),
				     json_object_get(f, "qualifier")));
	}
}

static void check_agreement_group(json_t *seen, json_t *c)
{
	json_t *g = find_group(seen, "parties", json_object_get(c, "agreement_parties"));
	json_t *want = json_object_get(c, "statuses"), *names;
	const char *status;

	cr_assert_not_null(g, "expected agreement conflict missing");
	cr_assert_eq(json_object_size(json_object_get(g, "statuses")), json_object_size(want));
	json_object_foreach(want, status, names)
		cr_assert(same_sources(names, json_object_get(json_object_get(g, "statuses"),
							      status)),
			  "status %s: wrong sources", status);
}

Test(claims, seed_conflicts_are_exactly_the_expected_groups)
{
	json_t *e = expected(), *c;
	struct groups gs = {0, 0, json_array()};
	size_t i, want_claim = 0, want_agr = 0;

	cr_assert_eq(assay_store_conflicts(st, NULL, collect_group, &gs), ASSAY_OK);
	json_array_foreach(json_object_get(e, "conflicts"), i, c) {
		if (json_object_get(c, "key")) {
			want_claim++;
			check_claim_group(gs.seen, c);
		} else {
			want_agr++;
			check_agreement_group(gs.seen, c);
		}
	}
	cr_assert_eq(gs.nclaim, want_claim, "claim conflict groups: %zu", gs.nclaim);
	cr_assert_eq(gs.nagr, want_agr, "agreement conflict groups: %zu", gs.nagr);
	json_decref(gs.seen);
	json_decref(e);
}

static int check_order(void *ctx, const struct assay_conflict *g)
{
	size_t *checked = ctx;

	if (!g->is_agreement)
		return 0;
	for (size_t m = 1; m < g->nmembers; m++) {
		const struct assay_stored_agreement *p = g->members[m - 1].agreement;
		const struct assay_stored_agreement *q = g->members[m].agreement;

		if (p->first_published[0] && q->first_published[0])
			cr_assert_leq(strcmp(p->first_published, q->first_published), 0);
		else if (!p->first_published[0])
			cr_assert(!q->first_published[0], "dated statuses come first");
		if (!p->first_published[0] && !q->first_published[0])
			cr_assert_leq(g->members[m - 1].sources[0].seq, g->members[m].sources[0].seq);
	}
	(*checked)++;
	return 0;
}

Test(claims, agreement_conflict_is_ordered_by_publication_date)
{
	size_t checked = 0;

	cr_assert_eq(assay_store_conflicts(st, NULL, check_order, &checked), ASSAY_OK);
	cr_assert_gt(checked, 0);
}

/* The stream and the whole-group listing give the same members in the
 * same order, each with its sources; begin sees the group's first member,
 * and every group ends with at least two. */
struct stream_log {
	char ids[64][12];
	size_t nsrc[64], grp[64], n, groups, in_group, begun_with_first;
	double value[64];
	bool agr[64];
};

static void log_member(struct stream_log *l, bool agr, const struct assay_conflict_member *m)
{
	cr_assert_lt(l->n, 64);
	snprintf(l->ids[l->n], sizeof l->ids[0], "%s", agr ? m->agreement->id : m->claim->id);
	l->nsrc[l->n] = m->nsources;
	l->grp[l->n] = l->groups;
	l->value[l->n] = agr ? 0 : m->claim->c.value;
	l->agr[l->n++] = agr;
}

static int whole_group(void *ctx, const struct assay_conflict *g)
{
	struct stream_log *l = ctx;

	l->groups++;
	for (size_t i = 0; i < g->nmembers; i++)
		log_member(l, g->is_agreement, &g->members[i]);
	return 0;
}

static int stream_begin(void *ctx, const struct assay_conflict *g)
{
	struct stream_log *l = ctx;

	cr_assert_eq(l->in_group, 0, "begin inside a group");
	cr_assert_eq(g->nmembers, 1);
	l->groups++;
	l->in_group = 1;
	snprintf(l->ids[l->n], sizeof l->ids[0], "%s",
		 g->is_agreement ? g->members[0].agreement->id : g->members[0].claim->id);
	l->begun_with_first = l->n;
	return 0;
}

static int stream_member(void *ctx, const struct assay_conflict *g, size_t i,
			 const struct assay_conflict_member *m)
{
	struct stream_log *l = ctx;

	cr_assert_gt(l->in_group, 0, "member outside a group");
	cr_assert_eq(l->n - l->begun_with_first, i, "members are numbered from 0 in order");
	if (i == 0)
		cr_assert_str_eq(l->ids[l->n], g->is_agreement ? m->agreement->id : m->claim->id,
				 "begin saw another first member");
	log_member(l, g->is_agreement, m);
	return 0;
}

static int stream_end(void *ctx, const struct assay_conflict *g)
{
	struct stream_log *l = ctx;

	cr_assert_geq(l->n - l->begun_with_first, 2, "a group of one member");
	cr_assert_null(g->members);
	l->in_group = 0;
	return 0;
}

Test(claims, conflict_stream_gives_the_whole_groups_members_in_order)
{
	static struct stream_log whole, streamed;
	struct assay_conflict_stream cs = {stream_begin, stream_member, stream_end};

	memset(&whole, 0, sizeof whole);
	memset(&streamed, 0, sizeof streamed);
	cr_assert_eq(assay_store_conflicts(st, NULL, whole_group, &whole), ASSAY_OK);
	cr_assert_eq(assay_store_conflicts_stream(st, NULL, &cs, &streamed), ASSAY_OK);
	cr_assert_gt(whole.groups, 1);
	cr_assert_eq(streamed.groups, whole.groups);
	cr_assert_eq(streamed.n, whole.n);
	for (size_t i = 0; i < whole.n; i++) {
		cr_assert_str_eq(streamed.ids[i], whole.ids[i], "member %zu", i);
		cr_assert_eq(streamed.nsrc[i], whole.nsrc[i], "member %zu's sources", i);
		cr_assert_gt(whole.nsrc[i], 0);
		cr_assert_eq(streamed.agr[i], whole.agr[i]);
		if (i && !whole.agr[i] && whole.grp[i] == whole.grp[i - 1])
			cr_assert_leq(whole.value[i - 1], whole.value[i], "figure order");
	}
}

/* A callback's error ends the walk and comes back. */
static int stop_at_first(void *ctx, const struct assay_conflict *g, size_t i,
			 const struct assay_conflict_member *m)
{
	(void)g, (void)i, (void)m;
	++*(int *)ctx;
	return ASSAY_EIO;
}

Test(claims, conflict_stream_stops_when_a_callback_fails)
{
	struct assay_conflict_stream cs = {NULL, stop_at_first, NULL};
	int calls = 0;

	cr_assert_eq(assay_store_conflicts_stream(st, NULL, &cs, &calls), ASSAY_EIO);
	cr_assert_eq(calls, 1);
}

struct id_of {
	const char *subject, *metric;
	char id[12];
	struct assay_review review;
};

static int find_id(void *ctx, const struct assay_stored_claim *c,
		   const struct assay_source *src, size_t n)
{
	struct id_of *w = ctx;

	(void)src;
	(void)n;
	if (!strcmp(c->c.subject, w->subject) && !strcmp(c->c.metric, w->metric)) {
		snprintf(w->id, sizeof w->id, "%s", c->id);
		w->review = c->review;
	}
	return 0;
}

static struct id_of lookup(const char *subject, const char *metric)
{
	struct id_of w;

	memset(&w, 0, sizeof w);
	w.subject = subject;
	w.metric = metric;

	cr_assert_eq(assay_store_claims(st, NULL, find_id, &w), ASSAY_OK);
	cr_assert(w.id[0], "no claim %s %s", subject, metric);
	return w;
}

/* Hands reprocess the same article again, found by its URL. */
static int same_again(void *ctx, const struct assay_stored_page *page, struct assay_article *out)
{
	(void)ctx;
	for (size_t i = 0; i < narts; i++) {
		struct assay_buf canon = {0};
		bool same;

		assay_canonical_url(arts[i].url, &canon);
		same = !strcmp(canon.data, page->meta->url);
		assay_buf_release(&canon);
		if (same) {
			*out = arts[i].a;
			return ASSAY_OK;
		}
	}
	return ASSAY_EPARSE;
}

Test(claims, decisions_survive_reingest_and_reprocess)
{
	struct id_of before = lookup("TR", "deposit_size"), after;
	struct assay_review d = {0};
	struct assay_reprocess_result res;
	struct assay_review *hist;
	size_t nhist;

	strcpy(d.state, "corrected");
	d.value = 694e6;
	d.has_value = true;
	strcpy(d.who, "editor");
	cr_assert_eq(assay_store_review(st, before.id, &d), ASSAY_OK, "%s", assay_store_errmsg(st));
	strcpy(d.state, "accepted");
	d.has_value = false;
	cr_assert_eq(assay_store_review(st, before.id, &d), ASSAY_OK);

	ingest_all(); /* re-ingest: every URL known */
	after = lookup("TR", "deposit_size");
	cr_assert_str_eq(after.id, before.id);
	cr_assert_str_eq(after.review.state, "accepted");

	cr_assert_eq(assay_store_reprocess(st, same_again, NULL, &res), ASSAY_OK, "%s",
		     assay_store_errmsg(st));
	cr_assert_eq(res.articles, narts);
	after = lookup("TR", "deposit_size");
	cr_assert_str_eq(after.id, before.id, "the id survives reprocess");
	cr_assert_str_eq(after.review.state, "accepted");
	cr_assert_str_eq(after.review.who, "editor");

	cr_assert_eq(assay_store_review_history(st, before.id, &hist, &nhist), ASSAY_OK);
	cr_assert_eq(nhist, 2);
	cr_assert_str_eq(hist[0].state, "corrected");
	cr_assert_str_eq(hist[1].state, "accepted");
	free(hist);
}

Test(claims, reprocess_rebuilds_the_same_conflicts)
{
	struct groups a = {0, 0, json_array()}, b = {0, 0, json_array()};
	struct assay_reprocess_result res;

	cr_assert_eq(assay_store_conflicts(st, NULL, collect_group, &a), ASSAY_OK);
	cr_assert_eq(assay_store_reprocess(st, same_again, NULL, &res), ASSAY_OK);
	cr_assert_eq(assay_store_conflicts(st, NULL, collect_group, &b), ASSAY_OK);
	cr_assert(json_equal(a.seen, b.seen));
	cr_assert_gt(a.nclaim + a.nagr, 0);
	json_decref(a.seen);
	json_decref(b.seen);
}

Test(claims, unknown_id_cannot_be_reviewed)
{
	struct assay_review d = {0};

	strcpy(d.state, "accepted");
	cr_assert_eq(assay_store_review(st, "zzzzzzzz", &d), ASSAY_ENOTFOUND);
}

Test(claims, claim_ids_are_the_same_in_another_store)
{
	struct id_of here = lookup("CN", "refining_share");
	char *other = tmp_store_dir();
	struct assay_store *keep = st;

	cr_assert_eq(assay_store_open(other, ASSAY_STORE_CREATE, &st), ASSAY_OK);
	ingest_all();
	cr_assert_str_eq(lookup("CN", "refining_share").id, here.id);
	assay_store_close(st);
	st = keep;
	rm_tree(other);
	free(other);
}

static int cannot_clean(void *ctx, const struct assay_stored_page *page,
			struct assay_article *out)
{
	(void)ctx;
	(void)page;
	(void)out;
	return ASSAY_EPARSE;
}

Test(claims, page_the_new_rules_cannot_clean_keeps_its_text_and_story)
{
	struct assay_reprocess_result res;
	struct assay_store_stats before, after;
	struct assay_buf text = {0};
	struct assay_buf canon = {0};

	cr_assert_eq(assay_store_stats(st, &before), ASSAY_OK);
	cr_assert_eq(assay_store_reprocess(st, cannot_clean, NULL, &res), ASSAY_OK);
	cr_assert_eq(res.failed, narts);
	cr_assert_eq(assay_store_stats(st, &after), ASSAY_OK);
	cr_assert_eq(after.articles, before.articles);
	cr_assert_eq(after.stories, before.stories);
	cr_assert_eq(after.claims, 0);
	assay_canonical_url(arts[0].url, &canon);
	cr_assert_eq(assay_store_article_text(st, canon.data, &text), ASSAY_OK);
	cr_assert_eq(text.len, arts[0].text.len);
	assay_buf_release(&text);
	assay_buf_release(&canon);
}

/* Moves one table's blobs back from article numbers to URLs, as schema 3
 * filed them: every entry of "seq" (be64 number -> URL) names one. */
static void blobs_back_to_urls(MDB_txn *txn, MDB_dbi seq, const char *from, const char *to)
{
	MDB_dbi src, dst;
	MDB_cursor *c;
	MDB_val k, url, v;

	cr_assert_eq(mdb_dbi_open(txn, from, MDB_INTEGERKEY, &src), 0);
	cr_assert_eq(mdb_dbi_open(txn, to, MDB_CREATE, &dst), 0);
	cr_assert_eq(mdb_cursor_open(txn, seq, &c), 0);
	for (int rc = mdb_cursor_get(c, &k, &url, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &url, MDB_NEXT)) {
		const unsigned char *b = k.mv_data;
		uint64_t n = 0;
		MDB_val nk = {sizeof n, &n};

		for (int i = 0; i < 8; i++)
			n = n << 8 | b[i];
		cr_assert_eq(mdb_get(txn, src, &nk, &v), 0, "no blob for article %llu",
			     (unsigned long long)n);
		cr_assert_eq(mdb_put(txn, dst, &url, &v, 0), 0);
	}
	mdb_cursor_close(c);
	cr_assert_eq(mdb_drop(txn, src, 1), 0);
}

/* Turns the open store @path back into what schema 3 wrote: pages and
 * texts by URL, the claim index holding bare ids, the version record 3. */
static void make_schema_3(const char *path)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi seq, keys, meta;
	MDB_cursor *c;
	MDB_val k, v, ver = {1, "3"}, vk = {6, "schema"};
	unsigned char (*pairs)[16] = NULL;
	size_t n = 0;

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	mdb_env_set_mapsize(env, 64u << 20);
	cr_assert_eq(mdb_env_open(env, path, 0, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "seq", 0, &seq), 0);
	blobs_back_to_urls(txn, seq, "rawseq", "raw");
	blobs_back_to_urls(txn, seq, "textseq", "text");
	cr_assert_eq(mdb_dbi_open(txn, "claimkeys", MDB_DUPSORT, &keys), 0);
	cr_assert_eq(mdb_cursor_open(txn, keys, &c), 0);
	for (int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		cr_assert_eq(v.mv_size, 25, "an index entry is interval + id");
		cr_assert_eq(k.mv_size, 8);
		pairs = realloc(pairs, (n + 1) * sizeof *pairs);
		cr_assert_not_null(pairs);
		memcpy(pairs[n], k.mv_data, 8);
		memcpy(pairs[n] + 8, (char *)v.mv_data + 17, 8);
		n++;
	}
	mdb_cursor_close(c);
	cr_assert_gt(n, 0);
	cr_assert_eq(mdb_drop(txn, keys, 0), 0);
	for (size_t i = 0; i < n; i++) {
		MDB_val kk = {8, pairs[i]}, iv = {8, pairs[i] + 8};

		cr_assert_eq(mdb_put(txn, keys, &kk, &iv, 0), 0);
	}
	free(pairs);
	/* the story index was a table of its own; its contents do not matter:
	 * the migration drops it */
	cr_assert_eq(mdb_dbi_open(txn, "recent", 0, &keys), 0);
	cr_assert_eq(mdb_drop(txn, keys, 1), 0);
	cr_assert_eq(mdb_dbi_open(txn, "bands2", MDB_CREATE | MDB_DUPSORT | MDB_INTEGERKEY,
				  &keys), 0);
	cr_assert_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
	cr_assert_eq(mdb_put(txn, meta, &vk, &ver, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

Test(claims, schema_3_store_is_migrated_with_its_pages_and_claim_index)
{
	struct groups a = {0, 0, json_array()}, b = {0, 0, json_array()};
	struct assay_store_stats before, after;
	struct assay_buf canon = {0}, text = {0};

	cr_assert_eq(assay_store_conflicts(st, NULL, collect_group, &a), ASSAY_OK);
	cr_assert_eq(assay_store_stats(st, &before), ASSAY_OK);
	assay_store_close(st);
	st = NULL;
	make_schema_3(dir);

	cr_assert_eq(assay_store_open(dir, 0, &st), ASSAY_OK, "%s", assay_store_errmsg(NULL));
	cr_assert_eq(assay_store_conflicts(st, NULL, collect_group, &b), ASSAY_OK);
	cr_assert(json_equal(a.seen, b.seen), "the same conflict groups after migration");
	for (size_t i = 0; i < narts; i++) {
		assay_buf_reset(&canon);
		assay_buf_reset(&text);
		assay_canonical_url(arts[i].url, &canon);
		cr_assert_eq(assay_store_article_text(st, canon.data, &text), ASSAY_OK, "%s",
			     assay_store_errmsg(st));
		cr_assert_eq(text.len, arts[i].text.len);
		cr_assert_eq(memcmp(text.data, arts[i].text.data, text.len), 0);
	}
	ingest_all(); /* the migrated index merges the same figures again */
	cr_assert_eq(assay_store_stats(st, &after), ASSAY_OK);
	cr_assert_eq(after.claims, before.claims);
	cr_assert_eq(after.articles, before.articles);
	/* and the story index is filled again: a lightly edited copy of a
	 * seed article under a new URL joins its story */
	assay_buf_reset(&text);
	assay_buf_append(&text, arts[0].text.data, arts[0].text.len);
	assay_buf_puts(&text, " Updated.");
	{
		struct assay_article copy = arts[0].a;
		struct assay_put_result r;

		copy.url = "https://wire-copy.example/story";
		copy.text = text.data;
		copy.text_len = text.len;
		copy.x = NULL;
		cr_assert_eq(assay_store_put_article(st, &copy, &r), ASSAY_OK);
		cr_assert(r.duplicate, "the migrated story index finds the seed story");
	}
	assay_buf_release(&canon);
	assay_buf_release(&text);
	json_decref(a.seen);
	json_decref(b.seen);
}
