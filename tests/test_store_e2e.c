/* test_store_e2e.c - the whole pipeline against the contract: `assay
 * ingest` of the five corpus pages (cleaner, extractor and store together)
 * gives exactly the merged claims and conflict groups corpus/expected.json
 * names: no fewer, no more. Sources are matched to seed names through the
 * page each article was fetched from. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "assay.h"
#include "store.h"
#include "store_util.h"

static char *dir;
static struct assay_store *st;
static struct {
	char url[512], name[8];
} names[32];
static size_t nnames;

static int note_article(void *ctx, const struct assay_stored_article *a)
{
	const char *base = strrchr(a->fetched_url, '/');

	(void)ctx;
	if (nnames < 32) {
		snprintf(names[nnames].url, sizeof names[0].url, "%s", a->url);
		snprintf(names[nnames].name, sizeof names[0].name, "%.3s", base ? base + 1 : "?");
		nnames++;
	}
	return 0;
}

static const char *name_of(const char *url)
{
	for (size_t i = 0; i < nnames; i++)
		if (!strcmp(names[i].url, url))
			return names[i].name;
	return "?";
}

static void setup(void)
{
	const char *bin = getenv("ASSAY_BIN"), *root = getenv("ASSAY_SOURCE_ROOT");
	char cmd[8192];
	int status;

	cr_assert_not_null(bin);
	cr_assert_not_null(root);
	dir = tmp_store_dir();
	snprintf(cmd, sizeof cmd, "'%s' --quiet --db '%s' ingest '%s'/corpus/0*.html", bin, dir,
		 root);
	status = system(cmd);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "ingest failed");
	cr_assert_eq(assay_store_open(dir, 0, &st), ASSAY_OK);
	nnames = 0;
	cr_assert_eq(assay_store_articles(st, note_article, NULL), ASSAY_OK);
	cr_assert_eq(nnames, 5);
}

static void teardown(void)
{
	assay_store_close(st); /* accepts NULL */
	rm_tree(dir);
	free(dir);
}

TestSuite(e2e, .init = setup, .fini = teardown, .timeout = 120);

static json_t *expected(void)
{
	char path[4096];
	json_t *e;

	snprintf(path, sizeof path, "%s/corpus/expected.json", getenv("ASSAY_SOURCE_ROOT"));
	e = json_load_file(path, 0, NULL);
	cr_assert_not_null(e, "%s", path);
	return e;
}

/* @want (seed file names) and @have (3-character names) name the same set. */
static bool same_names(json_t *want, json_t *have)
{
	size_t i;
	json_t *w;

	if (json_array_size(want) != json_array_size(have))
		return false;
	json_array_foreach(want, i, w) {
		bool hit = false;

		for (size_t j = 0; j < json_array_size(have); j++)
			hit |= !strncmp(json_string_value(w),
					json_string_value(json_array_get(have, j)), 3);
		if (!hit)
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

struct merged {
	json_t *key, *names;
	size_t nclaims;
};

static int on_claim(void *ctx, const struct assay_stored_claim *c,
		    const struct assay_source *src, size_t n)
{
	struct merged *m = ctx;
	const char *subject = json_string_value(json_object_get(m->key, "subject"));
	const char *metric = json_string_value(json_object_get(m->key, "metric"));
	const char *commodity = json_string_value(json_object_get(m->key, "commodity"));

	if (strcmp(subject, c->c.subject) || strcmp(metric, c->c.metric) ||
	    strcmp(commodity ? commodity : "", c->c.commodity))
		return 0;
	m->nclaims++;
	for (size_t i = 0; i < n; i++)
		add_name(m->names, name_of(src[i].url));
	return 0;
}

Test(e2e, corpus_pages_give_the_expected_merged_claims)
{
	json_t *e = expected(), *mc;
	size_t i;

	json_array_foreach(json_object_get(e, "merged_claims"), i, mc) {
		struct merged m = {json_object_get(mc, "key"), json_array(), 0};

		cr_assert_eq(assay_store_claims(st, NULL, on_claim, &m), ASSAY_OK);
		cr_expect_eq(m.nclaims, 1, "merged claim %zu is %zu claims", i, m.nclaims);
		cr_expect(same_names(json_object_get(mc, "sources"), m.names),
			  "merged claim %zu: sources %s", i, json_dumps(m.names, JSON_COMPACT));
		json_decref(m.names);
	}
	json_decref(e);
}

struct groups {
	json_t *claim_keys, *agreements; /* what the store reports */
};

static int on_group(void *ctx, const struct assay_conflict *g)
{
	struct groups *gs = ctx;

	if (!g->is_agreement) {
		const struct assay_claim *c = &g->members[0].claim->c;

		json_array_append_new(gs->claim_keys, json_pack("{s:s,s:s,s:s,s:i}", "subject",
			c->subject, "metric", c->metric, "commodity", c->commodity, "figures",
			(int)g->nmembers));
		return 0;
	}
	{
		json_t *statuses = json_object(), *parties = json_array();
		const struct assay_agreement *a0 = &g->members[0].agreement->a;

		for (int p = 0; p < a0->nparties; p++)
			json_array_append_new(parties, json_string(a0->parties[p]));
		for (size_t m = 0; m < g->nmembers; m++) {
			const char *status = g->members[m].agreement->a.status;
			json_t *set = json_object_get(statuses, status);

			if (!set)
				json_object_set_new(statuses, status, set = json_array());
			for (size_t k = 0; k < g->members[m].nsources; k++)
				add_name(set, name_of(g->members[m].sources[k].url));
		}
		json_array_append_new(gs->agreements, json_pack("{s:o,s:o}", "parties", parties,
								"statuses", statuses));
	}
	return 0;
}

Test(e2e, corpus_pages_give_exactly_the_expected_conflict_groups)
{
	json_t *e = expected(), *c;
	struct groups gs = {json_array(), json_array()};
	size_t i, want_claims = 0, want_agreements = 0;

	cr_assert_eq(assay_store_conflicts(st, NULL, on_group, &gs), ASSAY_OK);
	json_array_foreach(json_object_get(e, "conflicts"), i, c) {
		if (json_object_get(c, "key")) {
			json_t *k = json_object_get(c, "key"), *have;
			size_t j;
			bool hit = false;

			want_claims++;
			json_array_foreach(gs.claim_keys, j, have)
				hit |= json_equal(json_object_get(have, "subject"),
						  json_object_get(k, "subject")) &&
				       json_equal(json_object_get(have, "metric"),
						  json_object_get(k, "metric"));
			cr_expect(hit, "conflict %zu missing", i);
		} else {
			json_t *have;
			size_t j;
			bool hit = false;

			want_agreements++;
			json_array_foreach(gs.agreements, j, have) {
				const char *status;
				json_t *set;

				if (!json_equal(json_object_get(have, "parties"),
						json_object_get(c, "agreement_parties")))
					continue;
				hit = json_object_size(json_object_get(have, "statuses")) ==
				      json_object_size(json_object_get(c, "statuses"));
				json_object_foreach(json_object_get(c, "statuses"), status, set)
					hit &= same_names(set, json_object_get(
						json_object_get(have, "statuses"), status));
			}
			cr_expect(hit, "agreement conflict %zu: have %s", i,
				  json_dumps(gs.agreements, JSON_COMPACT));
		}
	}
	cr_expect_eq(json_array_size(gs.claim_keys), want_claims, "claim groups: %s",
		     json_dumps(gs.claim_keys, JSON_COMPACT));
	cr_expect_eq(json_array_size(gs.agreements), want_agreements);
	json_decref(gs.claim_keys);
	json_decref(gs.agreements);
	json_decref(e);
}

struct pick {
	char id[12];
	char state[12];
};

static int first_deposit(void *ctx, const struct assay_stored_claim *c,
			 const struct assay_source *src, size_t n)
{
	struct pick *p = ctx;

	(void)src;
	(void)n;
	if (!strcmp(c->c.metric, "deposit_size")) {
		snprintf(p->id, sizeof p->id, "%s", c->id);
		snprintf(p->state, sizeof p->state, "%s", c->review.state);
	}
	return 0;
}

static int run_bin(const char *args)
{
	char cmd[8192];
	int status;

	int n = snprintf(cmd, sizeof cmd, "'%s' --quiet --db '%s' %s >/dev/null 2>&1",
			 getenv("ASSAY_BIN"), dir, args);

	if (n < 0 || (size_t)n >= sizeof cmd)
		return -1;
	status = system(cmd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Test(e2e, review_survives_reingest_and_reprocess_with_the_real_cleaner_and_extractor)
{
	struct pick before = {"", ""}, after = {"", ""};
	struct groups g1 = {json_array(), json_array()}, g2 = {json_array(), json_array()};
	char args[8192];

	cr_assert_eq(assay_store_claims(st, NULL, first_deposit, &before), ASSAY_OK);
	cr_assert(before.id[0], "no deposit_size claim");
	cr_assert_eq(assay_store_conflicts(st, NULL, on_group, &g1), ASSAY_OK);
	assay_store_close(st);
	st = NULL;
	snprintf(args, sizeof args, "review %s correct --value 694e6 --unit t", before.id);
	cr_assert_eq(run_bin(args), 0);
	snprintf(args, sizeof args, "ingest '%s'/corpus/0*.html", getenv("ASSAY_SOURCE_ROOT"));
	cr_assert_eq(run_bin(args), 0);
	cr_assert_eq(run_bin("reprocess"), 0);
	cr_assert_eq(assay_store_open(dir, 0, &st), ASSAY_OK);
	cr_assert_eq(assay_store_claims(st, NULL, first_deposit, &after), ASSAY_OK);
	cr_assert_str_eq(after.id, before.id);
	cr_assert_str_eq(after.state, "corrected");
	cr_assert_eq(assay_store_conflicts(st, NULL, on_group, &g2), ASSAY_OK);
	cr_assert(json_equal(g1.claim_keys, g2.claim_keys));
	cr_assert(json_equal(g1.agreements, g2.agreements));
	json_decref(g1.claim_keys);
	json_decref(g1.agreements);
	json_decref(g2.claim_keys);
	json_decref(g2.agreements);
}
