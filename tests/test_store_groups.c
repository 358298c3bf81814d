/* test_store_groups.c - the conflict index: a listing chooses its groups
 * from each group's summary, kept by every write. Each test checks the
 * index against the groups themselves, read whole (an oracle that does
 * not use the index's counts), after the writes that change a group: an
 * ingest, decisions and their undoing, a new source, reprocess, and the
 * migration of a store written before the index. The artev index (what
 * each article supports) is checked against the claims' sources. */
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

static void setup(void)
{
	json_t **lines;
	size_t n = read_jsonl(store_data("seed_claims.jsonl"), &lines);

	cr_assert_geq(n, 5, "seed_claims.jsonl not found or short");
	narts = 0;
	for (size_t i = 0; i < n && i < 16; i++) {
		cr_assert(test_article_from_json(lines[i], &arts[narts]), "bad case %zu", i);
		narts++;
		json_decref(lines[i]);
	}
	free(lines);
	dir = tmp_store_dir();
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_CREATE, &st), ASSAY_OK);
	for (size_t i = 0; i < narts; i++)
		cr_assert_eq(assay_store_put_article(st, &arts[i].a, NULL), ASSAY_OK, "%s",
			     assay_store_errmsg(st));
}

static void teardown(void)
{
	for (size_t i = 0; i < narts; i++)
		test_article_release(&arts[i]);
	assay_store_close(st);
	rm_tree(dir);
	free(dir);
}

TestSuite(groups, .init = setup, .fini = teardown);

/* What a group is, read whole: the oracle. */
struct fact {
	char name[24];
	bool agr, resolved;
	size_t stories, states[4];
	char subject[48], metric[32], commodity[32];
	char parties[ASSAY_MAX_PARTIES][48]; /* agreements */
	int nparties;
	char ids[8][12];       /* the first members' ids */
	size_t n;
};

struct facts {
	struct fact v[64];
	size_t n;
};

static const char *const states[4] = {"pending", "accepted", "rejected", "corrected"};

static int take_fact(void *ctx, const struct assay_conflict *g)
{
	struct facts *fs = ctx;
	struct fact *f = &fs->v[fs->n++];

	cr_assert_leq(fs->n, 64);
	memset(f, 0, sizeof *f);
	f->agr = g->is_agreement;
	f->resolved = g->resolved;
	f->stories = g->nstories;
	f->n = g->nmembers;
	for (size_t i = 0; i < g->nmembers; i++) {
		const struct assay_review *r = f->agr ? &g->members[i].agreement->review
						      : &g->members[i].claim->review;

		for (size_t k = 0; k < 4; k++)
			f->states[k] += !strcmp(r->state, states[k]);
		if (i < 8)
			snprintf(f->ids[i], sizeof f->ids[i], "%s",
				 f->agr ? g->members[i].agreement->id : g->members[i].claim->id);
	}
	if (f->agr) {
		snprintf(f->name, sizeof f->name, "a%016llx",
			 (unsigned long long)g->members[0].agreement->group);
		const struct assay_stored_agreement *low = g->members[0].agreement;

		/* a filter reads the topic of the agreement first in the index:
		 * the lowest id */
		for (size_t i = 1; i < g->nmembers; i++)
			if (strcmp(g->members[i].agreement->id, low->id) < 0)
				low = g->members[i].agreement;
		f->nparties = low->a.nparties;
		memcpy(f->parties, low->a.parties, sizeof f->parties);
		snprintf(f->commodity, sizeof f->commodity, "%s", low->a.topic);
	} else {
		const struct assay_stored_claim *m = g->members[0].claim;
		const struct assay_review_fix *fx = &m->review.fix;
		bool fixed = !strcmp(m->review.state, "corrected");

		/* a group's key is its members' as the editors left it */
		snprintf(f->name, sizeof f->name, "c%016llx", (unsigned long long)m->group);
		snprintf(f->subject, sizeof f->subject, "%s",
			 fixed && fx->subject[0] ? fx->subject : m->c.subject);
		snprintf(f->metric, sizeof f->metric, "%s",
			 fixed && fx->metric[0] ? fx->metric : m->c.metric);
		snprintf(f->commodity, sizeof f->commodity, "%s",
			 fixed && fx->commodity[0] ? fx->commodity : m->c.commodity);
	}
	return 0;
}

/* Every group with two members or more, whatever its stories, read whole. */
static void read_all(struct facts *fs)
{
	struct assay_claim_filter any = {.stories = ASSAY_GROUPS_ANY};

	fs->n = 0;
	cr_assert_eq(assay_store_conflicts(st, &any, take_fact, fs), ASSAY_OK);
}

/* Whether the oracle lists @f under @flt (what the index must decide). */
static bool oracle_lists(const struct fact *f, const struct assay_claim_filter *flt)
{
	size_t k = 0;

	if (flt->open && f->resolved)
		return false;
	if (flt->resolved && !f->resolved)
		return false;
	if (flt->state) {
		while (k < 4 && strcmp(states[k], flt->state))
			k++;
		if (k == 4 || !f->states[k])
			return false;
	}
	if (f->stories < flt->min_stories)
		return false;
	if (flt->subject && !f->agr && strcasecmp(flt->subject, f->subject))
		return false;
	if (flt->subject && f->agr) {
		bool party = false;

		for (int i = 0; i < f->nparties; i++)
			party |= !strcasecmp(flt->subject, f->parties[i]);
		if (!party)
			return false;
	}
	if (flt->metric && (f->agr || strcmp(flt->metric, f->metric)))
		return false;
	if (flt->commodity && strcasecmp(flt->commodity, f->commodity))
		return false;
	if (flt->stories == ASSAY_GROUPS_ANY)
		return true;
	return flt->stories == ASSAY_GROUPS_WITHIN ? f->stories <= 1 : f->stories >= 2;
}

/* The listings the index gives, each checked against the oracle, whole
 * and page by page (pages of 2). */
static void check_listings(void)
{
	struct facts all, got;
	const struct fact *first;
	struct assay_claim_filter filters[] = {
		{0},
		{.open = true},
		{.resolved = true},
		{.state = "pending"},
		{.state = "accepted"},
		{.state = "rejected"},
		{.stories = ASSAY_GROUPS_ANY},
		{.stories = ASSAY_GROUPS_WITHIN},
		{.min_stories = 2},
		{.min_stories = 3, .stories = ASSAY_GROUPS_ANY},
		{.subject = NULL}, /* set below: the first group's subject */
		{.metric = NULL, .stories = ASSAY_GROUPS_ANY},
		{.commodity = NULL, .open = true},
	};
	size_t nf = sizeof filters / sizeof filters[0];

	read_all(&all);
	cr_assert_gt(all.n, 1, "the seeds make conflicts");
	first = &all.v[0];
	for (size_t i = 0; i < all.n; i++)
		if (!all.v[i].agr)
			first = &all.v[i];
	filters[nf - 3].subject = first->subject;
	filters[nf - 2].metric = first->metric;
	filters[nf - 1].commodity = first->commodity;
	for (size_t i = 0; i < nf; i++) {
		size_t want = 0, total = 0, k = 0;

		got.n = 0;
		cr_assert_eq(assay_store_conflicts_page(st, &filters[i], 0, (size_t)-1, take_fact,
							&got, &total), ASSAY_OK);
		for (size_t a = 0; a < all.n; a++) {
			if (!oracle_lists(&all.v[a], &filters[i]))
				continue;
			cr_assert_lt(k, got.n, "filter %zu: %s is missing", i, all.v[a].name);
			cr_assert_str_eq(got.v[k].name, all.v[a].name, "filter %zu", i);
			k++, want++;
		}
		cr_assert_eq(got.n, want, "filter %zu: %zu groups, the groups say %zu", i, got.n, want);
		cr_assert_eq(total, want, "filter %zu: counted %zu", i, total);
		for (size_t skip = 0; skip < want; skip += 2) {
			struct facts page = {.n = 0};

			cr_assert_eq(assay_store_conflicts_page(st, &filters[i], skip, 2, take_fact,
								&page, &total), ASSAY_OK);
			cr_assert_eq(total, want);
			cr_assert_eq(page.n, want - skip < 2 ? want - skip : 2);
			for (size_t p = 0; p < page.n; p++)
				cr_assert_str_eq(page.v[p].name, got.v[skip + p].name);
		}
	}
}

static void decide(const char *id, const char *state)
{
	struct assay_review d = {0};

	snprintf(d.state, sizeof d.state, "%s", state);
	snprintf(d.reason, sizeof d.reason, "test");
	cr_assert_eq(assay_store_review(st, id, &d), ASSAY_OK, "%s", assay_store_errmsg(st));
}

static size_t count(const struct assay_claim_filter *f)
{
	struct facts none = {.n = 0};
	size_t total = 0;

	cr_assert_eq(assay_store_conflicts_page(st, f, 0, 0, take_fact, &none, &total), ASSAY_OK);
	cr_assert_eq(none.n, 0, "a page of 0 reads no group");
	return total;
}

Test(groups, the_index_lists_what_the_groups_say_after_ingest)
{
	check_listings();
}

Test(groups, a_decision_resolves_its_group_and_undoing_it_opens_it_again)
{
	struct facts all;
	const struct fact *g = NULL;
	struct assay_claim_filter open = {.open = true}, resolved = {.resolved = true};
	size_t open0 = count(&open);

	read_all(&all);
	for (size_t i = 0; i < all.n && !g; i++)
		if (!all.v[i].agr && all.v[i].stories >= 2 && all.v[i].n <= 8)
			g = &all.v[i];
	cr_assert_not_null(g, "a claim group across stories");
	cr_assert_eq(count(&resolved), 0);
	decide(g->ids[0], "accepted");
	for (size_t i = 1; i < g->n; i++)
		decide(g->ids[i], "rejected");
	cr_assert_eq(count(&resolved), 1, "kept one, rejected the rest: resolved");
	cr_assert_eq(count(&open), open0 - 1);
	check_listings();
	decide(g->ids[1], "pending"); /* undone */
	cr_assert_eq(count(&resolved), 0);
	cr_assert_eq(count(&open), open0);
	check_listings();
	decide(g->ids[1], "accepted"); /* two kept: not resolved */
	cr_assert_eq(count(&resolved), 0);
	check_listings();
}

static struct assay_article extra; /* an article of the test's own, or none */

/* Hands reprocess the same article again, found by its URL. */
static int same_again(void *ctx, const struct assay_stored_page *page, struct assay_article *out)
{
	(void)ctx;
	for (size_t i = 0; i <= narts; i++) {
		const char *url = i < narts ? arts[i].url : extra.url;
		struct assay_buf canon = {0};
		bool same;

		if (!url)
			continue;
		assay_canonical_url(url, &canon);
		same = !strcmp(canon.data, page->meta->url);
		assay_buf_release(&canon);
		if (same) {
			*out = i < narts ? arts[i].a : extra;
			return ASSAY_OK;
		}
	}
	return ASSAY_EPARSE;
}

Test(groups, a_new_source_and_reprocess_keep_the_index_true)
{
	struct assay_buf text = {0};
	struct assay_reprocess_result res;
	struct facts all;
	const struct fact *g = NULL;

	/* decisions first: reprocess must find them again */
	read_all(&all);
	for (size_t i = 0; i < all.n && !g; i++)
		if (all.v[i].n <= 8)
			g = &all.v[i];
	cr_assert_not_null(g);
	decide(g->ids[0], "accepted");
	decide(g->ids[1], "rejected");
	/* the same figures from another story: the groups' stories grow */
	extra = arts[0].a;
	assay_buf_append(&text, arts[0].text.data, arts[0].text.len);
	assay_buf_puts(&text, " A different ending, long enough to be a story of its own and "
		       "not a copy: other sites, other words, another day entirely.");
	extra.url = "https://other-paper.example/report";
	extra.site = "other-paper.example";
	extra.text = text.data;
	extra.text_len = text.len;
	cr_assert_eq(assay_store_put_article(st, &extra, NULL), ASSAY_OK, "%s",
		     assay_store_errmsg(st));
	check_listings();
	cr_assert_eq(assay_store_reprocess(st, same_again, NULL, &res), ASSAY_OK, "%s",
		     assay_store_errmsg(st));
	cr_assert_eq(res.articles, narts + 1);
	check_listings();
	memset(&extra, 0, sizeof extra);
	assay_buf_release(&text);
}

/* ---- A corrected key moves its claim to the group of that key ---- */

struct claim_list {
	struct assay_stored_claim v[256];
	size_t n;
};

static int take_claim(void *ctx, const struct assay_stored_claim *c, const struct assay_source *src,
		      size_t n)
{
	struct claim_list *l = ctx;

	(void)src, (void)n;
	cr_assert_lt(l->n, 256);
	l->v[l->n++] = *c;
	return 0;
}

static const struct assay_stored_claim *claim_by_id(const struct claim_list *l, const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].id, id))
			return &l->v[i];
	return NULL;
}

static void all_claims(struct claim_list *l)
{
	l->n = 0;
	cr_assert_eq(assay_store_claims(st, NULL, take_claim, l), ASSAY_OK);
}

/* Whether a field of key @to can be set on key @from by a correction,
 * which sets only what it names: an empty field is "as extracted". */
static bool settable(const char *from, const char *to)
{
	return to[0] || !from[0];
}

/* A claim of a conflict group with three members or more, and a claim of
 * another key it can be corrected to (same unit family); false if none. */
static bool pick_move(const struct facts *all, const struct claim_list *cl, size_t want_members,
		      const struct assay_stored_claim **x, const struct assay_stored_claim **y)
{
	for (size_t g = 0; g < all->n; g++) {
		if (all->v[g].agr || all->v[g].n != want_members)
			continue;
		*x = claim_by_id(cl, all->v[g].ids[0]);
		for (size_t i = 0; *x && i < cl->n; i++) {
			const struct assay_claim *a = &(*x)->c, *b = &cl->v[i].c;

			*y = &cl->v[i];
			if ((*y)->group != (*x)->group &&
			    !strcmp((*x)->unit_family, (*y)->unit_family) &&
			    settable(a->subject, b->subject) && settable(a->metric, b->metric) &&
			    settable(a->commodity, b->commodity) && settable(a->period, b->period) &&
			    settable(a->status, b->status) && settable(a->place, b->place))
				return true;
		}
	}
	return false;
}

static void correct_key(const char *id, const struct assay_claim *to)
{
	struct assay_review d = {0};

	strcpy(d.state, "corrected");
	snprintf(d.who, sizeof d.who, "test");
	snprintf(d.fix.subject, sizeof d.fix.subject, "%s", to->subject);
	snprintf(d.fix.metric, sizeof d.fix.metric, "%s", to->metric);
	snprintf(d.fix.commodity, sizeof d.fix.commodity, "%s", to->commodity);
	snprintf(d.fix.period, sizeof d.fix.period, "%s", to->period);
	snprintf(d.fix.status, sizeof d.fix.status, "%s", to->status);
	snprintf(d.fix.place, sizeof d.fix.place, "%s", to->place);
	cr_assert_eq(assay_store_review(st, id, &d), ASSAY_OK, "%s", assay_store_errmsg(st));
}

/* The group @name in @all (NULL when it is no conflict). */
static const struct fact *group_named(const struct facts *all, const char *name)
{
	for (size_t i = 0; i < all->n; i++)
		if (!strcmp(all->v[i].name, name))
			return &all->v[i];
	return NULL;
}

static bool has_member(const struct fact *f, const char *id)
{
	for (size_t i = 0; f && i < f->n && i < 8; i++)
		if (!strcmp(f->ids[i], id))
			return true;
	return false;
}

struct one_group {
	size_t n;
	char ids[16][12];
};

static int take_group(void *ctx, const struct assay_conflict *g)
{
	struct one_group *o = ctx;

	for (size_t i = 0; i < g->nmembers && o->n < 16; i++)
		snprintf(o->ids[o->n++], sizeof o->ids[0], "%s", g->members[i].claim->id);
	return 0;
}

/* Where claim @x stands: its group by its record, by the index and by
 * the group read by its id. */
static void check_in_group(const char *x, uint64_t group, uint64_t not_group, bool conflict)
{
	struct claim_list cl;
	struct facts all;
	struct one_group og = {0};
	char name[24], old[24];

	all_claims(&cl);
	cr_assert_not_null(claim_by_id(&cl, x));
	cr_assert_eq(claim_by_id(&cl, x)->group, group, "the claim's group");
	read_all(&all);
	snprintf(name, sizeof name, "c%016llx", (unsigned long long)group);
	snprintf(old, sizeof old, "c%016llx", (unsigned long long)not_group);
	cr_assert(!has_member(group_named(&all, old), x), "%s left %s", x, old);
	if (!conflict) {
		cr_assert_null(group_named(&all, name), "%s alone in %s: no conflict", x, name);
		return;
	}
	cr_assert(has_member(group_named(&all, name), x), "%s is listed in %s", x, name);
	cr_assert_eq(assay_store_conflict_group(st, false, group, take_group, &og), ASSAY_OK);
	for (size_t i = 0; i <= og.n; i++) {
		cr_assert_lt(i, og.n, "%s is a member of %s read by its id", x, name);
		if (!strcmp(og.ids[i], x))
			break;
	}
}

Test(groups, a_corrected_key_moves_its_claim_to_that_keys_group_and_undo_moves_it_back)
{
	const struct assay_stored_claim *px, *py;
	struct assay_reprocess_result res;
	struct assay_stored_claim x, y;
	struct claim_list cl;
	struct facts all;
	struct assay_claim_filter any = {.stories = ASSAY_GROUPS_ANY};
	size_t before;

	read_all(&all);
	all_claims(&cl);
	cr_assert(pick_move(&all, &cl, 3, &px, &py) || pick_move(&all, &cl, 2, &px, &py),
		  "the seeds have a claim to move");
	x = *px, y = *py;
	before = count(&any);
	correct_key(x.id, &y.c);
	/* in the group of its corrected key, which is a conflict now (two claims) */
	check_in_group(x.id, y.group, x.group, true);
	check_listings();
	cr_assert_geq(count(&any), before, "a group more, or the one left stopped being one");
	/* its subject filters as corrected */
	{
		struct assay_claim_filter by = {.subject = y.c.subject, .stories = ASSAY_GROUPS_ANY};
		struct facts got = {.n = 0};
		size_t total;
		char name[24];

		snprintf(name, sizeof name, "c%016llx", (unsigned long long)y.group);
		cr_assert_eq(assay_store_conflicts_page(st, &by, 0, (size_t)-1, take_fact, &got,
							&total), ASSAY_OK);
		cr_assert(has_member(group_named(&got, name), x.id));
	}
	/* reprocess files it there again */
	cr_assert_eq(assay_store_reprocess(st, same_again, NULL, &res), ASSAY_OK, "%s",
		     assay_store_errmsg(st));
	check_in_group(x.id, y.group, x.group, true);
	check_listings();
	/* undone: back in its own group, and the other key alone again */
	decide(x.id, "pending");
	check_in_group(x.id, x.group, y.group, true);
	read_all(&all);
	cr_assert_eq(count(&any), before, "as before the correction");
	check_listings();
	/* the same page again, corrected: its figure reaches the moved claim */
	correct_key(x.id, &y.c);
	cr_assert_eq(assay_store_put_article(st, &arts[0].a, NULL), ASSAY_OK);
	for (size_t i = 0; i < narts; i++)
		cr_assert_eq(assay_store_put_article(st, &arts[i].a, NULL), ASSAY_OK);
	check_in_group(x.id, y.group, x.group, true);
	check_listings();
}

/* Empties the conflicts entries' values of the closed store at @path, as
 * schema 4 wrote them, and sets its version record to @version. */
static void empty_summaries(const char *path, const char *version)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi conflicts, meta;
	MDB_cursor *c;
	MDB_val k, v, ver = {1, (void *)version}, vk = {6, "schema"};
	size_t n = 0;

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	mdb_env_set_mapsize(env, 64u << 20);
	cr_assert_eq(mdb_env_open(env, path, 0, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "conflicts", 0, &conflicts), 0);
	cr_assert_eq(mdb_cursor_open(txn, conflicts, &c), 0);
	for (int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		cr_assert(v.mv_size > 0 || version[0] == '4', "schema 5 sums each group up");
		cr_assert_eq(mdb_cursor_put(c, &k, &(MDB_val){0, ""}, MDB_CURRENT), 0);
		n++;
	}
	mdb_cursor_close(c);
	cr_assert_gt(n, 0);
	cr_assert_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
	cr_assert_eq(mdb_put(txn, meta, &vk, &ver, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

/* Every conflicts entry of the closed store at @path, key and value in
 * hex, one a line. */
static void dump_summaries(const char *path, struct assay_buf *out)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi conflicts;
	MDB_cursor *c;
	MDB_val k, v;

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	cr_assert_eq(mdb_env_open(env, path, MDB_RDONLY, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "conflicts", 0, &conflicts), 0);
	cr_assert_eq(mdb_cursor_open(txn, conflicts, &c), 0);
	for (int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		for (size_t i = 0; i < k.mv_size; i++)
			assay_buf_printf(out, "%02x", ((unsigned char *)k.mv_data)[i]);
		assay_buf_putc(out, ' ');
		for (size_t i = 0; i < v.mv_size; i++)
			assay_buf_printf(out, "%02x", ((unsigned char *)v.mv_data)[i]);
		assay_buf_putc(out, '\n');
	}
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	mdb_env_close(env);
}

/* Ingest brings a conflict's summary up to date from the summary itself
 * when an article only adds sources and members without decisions: what
 * it keeps must be what summing every group up from its sources gives. */
Test(groups, summaries_kept_article_by_article_equal_summaries_summed_up_anew)
{
	struct assay_buf kept = {0}, anew = {0}, text = {0};
	struct facts all;

	/* more stories for the groups: copies under other sites, with endings
	 * of their own, one article a write */
	for (size_t i = 0; i < narts; i++) {
		struct assay_article copy = arts[i].a;
		char url[128];

		assay_buf_reset(&text);
		assay_buf_append(&text, arts[i].text.data, arts[i].text.len);
		assay_buf_printf(&text, " Another paper's own ending number %zu, with words of its own "
				 "about ports, weather and an entirely unrelated football match.", i);
		snprintf(url, sizeof url, "https://paper-%zu.example/copy", i);
		copy.url = url;
		copy.text = text.data;
		copy.text_len = text.len;
		cr_assert_eq(assay_store_put_article(st, &copy, NULL), ASSAY_OK, "%s",
			     assay_store_errmsg(st));
	}
	read_all(&all);
	cr_assert_gt(all.n, 1);
	check_listings();
	assay_store_close(st);
	st = NULL;
	dump_summaries(dir, &kept);
	empty_summaries(dir, "4"); /* the migration sums every group up */
	cr_assert_eq(assay_store_open(dir, 0, &st), ASSAY_OK, "%s", assay_store_errmsg(NULL));
	assay_store_close(st);
	st = NULL;
	dump_summaries(dir, &anew);
	cr_assert_str_eq(kept.data, anew.data);
	cr_assert_eq(assay_store_open(dir, 0, &st), ASSAY_OK);
	assay_buf_release(&kept);
	assay_buf_release(&anew);
	assay_buf_release(&text);
}

Test(groups, a_store_written_before_the_index_is_summed_up_when_opened)
{
	struct facts all;
	const struct fact *g = NULL;
	struct assay_claim_filter resolved = {.resolved = true};

	read_all(&all);
	for (size_t i = 0; i < all.n && !g; i++)
		if (all.v[i].n == 2 && all.v[i].stories >= 2)
			g = &all.v[i];
	cr_assert_not_null(g, "a group of two across stories");
	decide(g->ids[0], "accepted");
	decide(g->ids[1], "rejected");
	cr_assert_eq(count(&resolved), 1);
	/* a summary missing (damaged, say) is summed up by the reader */
	assay_store_close(st);
	st = NULL;
	empty_summaries(dir, "6"); /* the current schema */
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_RDONLY, &st), ASSAY_OK);
	cr_assert_eq(count(&resolved), 1);
	check_listings();
	/* schema 4: the migration sums every group up */
	assay_store_close(st);
	st = NULL;
	empty_summaries(dir, "4");
	cr_assert_eq(assay_store_open(dir, 0, &st), ASSAY_OK, "%s", assay_store_errmsg(NULL));
	assay_store_close(st);
	st = NULL;
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_RDONLY, &st), ASSAY_OK);
	cr_assert_eq(count(&resolved), 1);
	check_listings();
}

/* ---- What each article supports (the artev index) ---- */

TestSuite(artev, .init = setup, .fini = teardown);

struct support {
	const char *url;       /* the article's canonical URL */
	char ids[64][16];      /* what the claims and agreements say */
	size_t n;
};

static void note_id(struct support *sp, const char *id)
{
	for (size_t i = 0; i < sp->n; i++)
		if (!strcmp(sp->ids[i], id))
			return;
	cr_assert_lt(sp->n, 64);
	snprintf(sp->ids[sp->n++], sizeof sp->ids[0], "%s", id);
}

static int claim_of(void *ctx, const struct assay_stored_claim *c, const struct assay_source *src,
		    size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(src[i].url, ((struct support *)ctx)->url))
			note_id(ctx, c->id);
	return 0;
}

static int agreement_of(void *ctx, const struct assay_stored_agreement *a,
			const struct assay_source *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(src[i].url, ((struct support *)ctx)->url))
			note_id(ctx, a->id);
	return 0;
}

static int id_in(void *ctx, const char *id)
{
	note_id(ctx, id);
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* For every seed article: the index names exactly the claims and
 * agreements whose sources include it, and counts them. */
static void check_support(void)
{
	for (size_t i = 0; i < narts; i++) {
		struct assay_buf canon = {0};
		struct assay_stored_article a;
		struct support want = {0}, got = {0};

		assay_canonical_url(arts[i].url, &canon);
		want.url = got.url = canon.data;
		cr_assert_eq(assay_store_article_get(st, canon.data, &a), ASSAY_OK, "%s", canon.data);
		cr_assert_str_eq(a.url, canon.data);
		cr_assert_eq(assay_store_claims(st, NULL, claim_of, &want), ASSAY_OK);
		cr_assert_eq(assay_store_agreements(st, NULL, agreement_of, &want), ASSAY_OK);
		cr_assert_eq(assay_store_article_claims(st, a.seq, id_in, &got), ASSAY_OK);
		qsort(want.ids, want.n, sizeof want.ids[0], cmp_id);
		qsort(got.ids, got.n, sizeof got.ids[0], cmp_id);
		cr_assert_eq(got.n, want.n, "%s: %zu ids, the sources say %zu", canon.data, got.n, want.n);
		for (size_t k = 0; k < want.n; k++)
			cr_assert_str_eq(got.ids[k], want.ids[k]);
		assay_buf_release(&canon);
	}
}

struct tally {
	size_t claims, agreements, calls;
};

static int add_counts(void *ctx, int64_t seq, size_t claims, size_t agreements)
{
	struct tally *t = ctx;

	(void)seq;
	t->claims += claims;
	t->agreements += agreements;
	t->calls++;
	return 0;
}

Test(artev, each_article_knows_what_it_supports_after_ingest_and_reprocess)
{
	struct assay_reprocess_result res;
	struct tally t = {0};
	struct assay_stored_article a;
	uint64_t v0, v1;

	check_support();
	cr_assert_eq(assay_store_article_counts(st, add_counts, &t), ASSAY_OK);
	cr_assert_gt(t.claims, 0);
	cr_assert_gt(t.agreements, 0);
	cr_assert_leq(t.calls, narts);
	cr_assert_eq(assay_store_article_get(st, "https://nowhere.example/x", &a), ASSAY_ENOTFOUND);
	cr_assert_eq(assay_store_articles_version(st, &v0), ASSAY_OK);
	cr_assert_eq(assay_store_reprocess(st, same_again, NULL, &res), ASSAY_OK);
	check_support();
	cr_assert_eq(assay_store_articles_version(st, &v1), ASSAY_OK);
	cr_assert_neq(v0, v1, "reprocess moves the articles version");
}

Test(artev, a_decision_leaves_the_articles_version_and_an_article_moves_it)
{
	struct facts all;
	uint64_t v0, v1, v2;
	struct assay_article copy = arts[1].a;

	cr_assert_eq(assay_store_articles_version(st, &v0), ASSAY_OK);
	cr_assert_gt(v0, 0);
	read_all(&all);
	decide(all.v[0].ids[0], "accepted");
	cr_assert_eq(assay_store_articles_version(st, &v1), ASSAY_OK);
	cr_assert_eq(v1, v0);
	copy.url = "https://another.example/copy";
	cr_assert_eq(assay_store_put_article(st, &copy, NULL), ASSAY_OK);
	cr_assert_eq(assay_store_articles_version(st, &v2), ASSAY_OK);
	cr_assert_neq(v2, v1);
}

/* Drops the artev table of the closed store at @path and sets its
 * version record to 5, as schema 5 left it. */
static void make_schema_5(const char *path)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi t;
	MDB_val ver = {1, "5"}, vk = {6, "schema"};

	cr_assert_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	mdb_env_set_mapsize(env, 64u << 20);
	cr_assert_eq(mdb_env_open(env, path, 0, 0644), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "artev", 0, &t), 0);
	cr_assert_eq(mdb_drop(txn, t, 1), 0);
	cr_assert_eq(mdb_dbi_open(txn, "meta", 0, &t), 0);
	cr_assert_eq(mdb_put(txn, t, &vk, &ver, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

Test(artev, a_schema_5_store_is_migrated_with_its_article_index)
{
	assay_store_close(st);
	st = NULL;
	make_schema_5(dir);
	cr_assert_eq(assay_store_open(dir, ASSAY_STORE_RDONLY, &st), ASSAY_ESCHEMA,
		     "a read cannot migrate");
	cr_assert_eq(assay_store_open(dir, 0, &st), ASSAY_OK, "%s", assay_store_errmsg(NULL));
	check_support();
}
