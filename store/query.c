/* query.c - reading the store: claims with their sources, agreements,
 * conflict groups and articles, for the commands that print them.
 *
 * Every walk runs in one read transaction, so it sees one consistent
 * state while a crawl keeps writing. Sources join each evidence with its
 * article's title, site and date at read time; a claim's support in
 * stories counts distinct story ids among its sources. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "assay.h"
#include "claims_int.h"

#define SOURCES_MAX 10000 /* sources kept in memory per claim; all are counted */

struct srcs {
	struct assay_source *v;
	size_t n, cap, total, nstories;
};

static void srcs_release(struct srcs *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void decode_article(const MDB_val *v, struct assay_stored_article *o)
{
	struct rec_r r;

	rec_init(&r, v->mv_data, v->mv_size);
	o->seq = rec_get_i64(&r);
	rec_get_str(&r, o->fetched_url, sizeof o->fetched_url);
	rec_get_str(&r, o->title, sizeof o->title);
	rec_get_str(&r, o->site, sizeof o->site);
	rec_get_str(&r, o->published, sizeof o->published);
	rec_get_str(&r, o->author, sizeof o->author);
	rec_get_str(&r, o->language, sizeof o->language);
	rec_get_str(&r, o->content_type, sizeof o->content_type);
	rec_get_str(&r, o->sha256, sizeof o->sha256);
	rec_get_str(&r, o->story, sizeof o->story);
	o->fetched_at = rec_get_i64(&r);
	rec_get_str(&r, o->warc_file, sizeof o->warc_file);
	o->warc_offset = rec_get_i64(&r);
	o->text_len = (size_t)rec_get_i64(&r);
	o->raw_len = (size_t)rec_get_i64(&r);
}

static void join_article(struct assay_store *s, MDB_txn *txn, struct assay_source *src)
{
	struct assay_stored_article a;
	MDB_val v;

	if (store_get(txn, s->dbi[T_ARTICLES], src->url, strlen(src->url), &v))
		return;
	memset(&a, 0, sizeof a);
	decode_article(&v, &a);
	memcpy(src->title, a.title, sizeof src->title);
	memcpy(src->site, a.site, sizeof src->site);
	memcpy(src->published, a.published, sizeof src->published);
	src->seq = a.seq;
}

static void decode_evidence(const MDB_val *k, const MDB_val *v, size_t idl,
			    struct assay_source *o)
{
	struct rec_r r;

	memset(o, 0, sizeof *o);
	rec_init(&r, v->mv_data, v->mv_size);
	rec_get_str(&r, o->url, sizeof o->url);
	rec_get_str(&r, o->story, sizeof o->story);
	o->start = (size_t)rec_get_i64(&r);
	o->end = (size_t)rec_get_i64(&r);
	rec_get_str(&r, o->evidence, sizeof o->evidence);
	o->value = rec_get_f64(&r);
	o->value_max = rec_get_f64(&r);
	o->has_max = rec_get_i64(&r) != 0;
	rec_get_str(&r, o->qualifier, sizeof o->qualifier);
	rec_get_str(&r, o->unit, sizeof o->unit);
	rec_get_str(&r, o->figure, sizeof o->figure);
	o->seq = (int64_t)rec_from_be64((const unsigned char *)k->mv_data + idl);
}

static int cmp_story(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t count_stories(const struct srcs *l)
{
	const char **ids = malloc((l->n + 1) * sizeof *ids);
	size_t n = 0;

	if (!ids)
		return l->n ? 1 : 0;
	for (size_t i = 0; i < l->n; i++)
		ids[i] = l->v[i].story;
	qsort(ids, l->n, sizeof *ids, cmp_story);
	for (size_t i = 0; i < l->n; i++)
		n += i == 0 || strcmp(ids[i], ids[i - 1]) != 0;
	free(ids);
	return n;
}

/* Every evidence under @id in @table, joined with its article. */
static int load_sources(struct assay_store *s, MDB_txn *txn, int table, const char *id,
			struct srcs *l)
{
	size_t idl = strlen(id);
	MDB_cursor *c;
	MDB_val k = {idl, (void *)id}, v;
	int rc;

	memset(l, 0, sizeof *l);
	rc = mdb_cursor_open(txn, s->dbi[table], &c);
	if (rc)
		return store_mdb(s, rc, "reading evidence");
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (k.mv_size != idl + 12 || memcmp(k.mv_data, id, idl))
			break;
		l->total++;
		if (l->n == SOURCES_MAX)
			continue;
		if (l->n == l->cap) {
			size_t cap = l->cap ? l->cap * 2 : 4;
			void *p = realloc(l->v, cap * sizeof *l->v);

			if (!p) {
				mdb_cursor_close(c);
				srcs_release(l);
				return store_fail(s, ASSAY_ENOMEM, "out of memory");
			}
			l->v = p;
			l->cap = cap;
		}
		decode_evidence(&k, &v, idl, &l->v[l->n]);
		join_article(s, txn, &l->v[l->n]);
		l->n++;
	}
	mdb_cursor_close(c);
	l->nstories = count_stories(l);
	return ASSAY_OK;
}

void review_decode(const MDB_val *v, struct assay_review *o)
{
	struct rec_r r;

	memset(o, 0, sizeof *o);
	rec_init(&r, v->mv_data, v->mv_size);
	rec_get_str(&r, o->state, sizeof o->state);
	rec_get_str(&r, o->reason, sizeof o->reason);
	o->value = rec_get_f64(&r);
	rec_get_str(&r, o->unit, sizeof o->unit);
	o->has_value = rec_get_i64(&r) != 0;
	rec_get_str(&r, o->who, sizeof o->who);
	o->when = rec_get_i64(&r);
	if (r.bad || !o->state[0])
		strcpy(o->state, "pending");
}

static void get_review(struct assay_store *s, MDB_txn *txn, const char *id,
		       struct assay_review *o)
{
	MDB_val v;

	if (store_get(txn, s->dbi[T_REVIEWS], id, strlen(id), &v) == 0) {
		review_decode(&v, o);
	} else {
		memset(o, 0, sizeof *o);
		strcpy(o->state, "pending");
	}
}

static bool passes(const struct assay_claim_filter *f, const char *subject, const char *metric,
		   const char *state)
{
	if (!f)
		return true;
	if (f->subject && subject && strcasecmp(f->subject, subject))
		return false;
	if (f->metric && metric && strcmp(f->metric, metric))
		return false;
	return !f->state || !state || !strcmp(f->state, state);
}

/* Decodes the claim @k/@v with its review and sources; *skip when it does
 * not pass the filter. */
static int load_claim(struct assay_store *s, MDB_txn *txn, const MDB_val *k, const MDB_val *v,
		      const struct assay_claim_filter *f, struct assay_stored_claim *o,
		      struct srcs *l, bool *skip)
{
	int rc;

	*skip = true;
	memset(l, 0, sizeof *l);
	if (claim_decode(v, o))
		return ASSAY_OK; /* a damaged record is skipped, not fatal */
	snprintf(o->id, sizeof o->id, "%.*s", (int)k->mv_size, (const char *)k->mv_data);
	get_review(s, txn, o->id, &o->review);
	if (!passes(f, o->c.subject, o->c.metric, o->review.state))
		return ASSAY_OK;
	rc = load_sources(s, txn, T_EVIDENCE, o->id, l);
	o->nevidence = l->total;
	o->nstories = l->nstories;
	*skip = rc != ASSAY_OK;
	return rc;
}

static void first_published(struct assay_stored_agreement *o, const struct srcs *l)
{
	o->first_published[0] = '\0';
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].published[0] &&
		    (!o->first_published[0] || strcmp(l->v[i].published, o->first_published) < 0))
			memcpy(o->first_published, l->v[i].published, sizeof o->first_published);
}

static int load_agreement(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			  const MDB_val *v, struct assay_stored_agreement *o, struct srcs *l)
{
	int rc;

	memset(l, 0, sizeof *l);
	if (agreement_decode(v, o))
		return ASSAY_EPARSE;
	snprintf(o->id, sizeof o->id, "%.*s", (int)k->mv_size, (const char *)k->mv_data);
	get_review(s, txn, o->id, &o->review);
	rc = load_sources(s, txn, T_AGREV, o->id, l);
	o->nevidence = l->total;
	o->nstories = l->nstories;
	first_published(o, l);
	return rc;
}

static bool agreement_passes(const struct assay_claim_filter *f,
			     const struct assay_stored_agreement *o)
{
	if (f && f->state && strcmp(f->state, o->review.state))
		return false;
	if (!f || !f->subject)
		return true;
	for (int i = 0; i < o->a.nparties; i++)
		if (!strcasecmp(f->subject, o->a.parties[i]))
			return true;
	return false;
}

/* One record of a walk over a table; a non-zero return ends the walk. */
typedef int (*record_fn)(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			 const MDB_val *v, void *arg);

/* Hands every record of @table, in key order, to @each in one read
 * transaction. */
static int walk_table(struct assay_store *s, int table, const char *what, record_fn each,
		      void *arg)
{
	MDB_txn *txn;
	MDB_cursor *c;
	MDB_val k, v;
	int rc = store_read_begin(s, &txn), mrc;

	if (rc)
		return rc;
	mrc = mdb_cursor_open(txn, s->dbi[table], &c);
	if (mrc) {
		mdb_txn_abort(txn);
		return store_mdb(s, mrc, what);
	}
	for (mrc = mdb_cursor_get(c, &k, &v, MDB_FIRST); mrc == 0 && !rc;
	     mrc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
		rc = each(s, txn, &k, &v, arg);
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	return rc;
}

struct claims_walk {
	const struct assay_claim_filter *f;
	assay_claim_fn fn;
	assay_agreement_fn afn;
	void *ctx;
};

static int claim_record(struct assay_store *s, MDB_txn *txn, const MDB_val *k, const MDB_val *v,
			void *arg)
{
	struct claims_walk *w = arg;
	struct assay_stored_claim o;
	struct srcs l;
	bool skip;
	int rc = load_claim(s, txn, k, v, w->f, &o, &l, &skip);

	if (!rc && !skip)
		rc = w->fn(w->ctx, &o, l.v, l.n);
	srcs_release(&l);
	return rc;
}

int assay_store_claims(struct assay_store *s, const struct assay_claim_filter *f,
		       assay_claim_fn fn, void *ctx)
{
	struct claims_walk w = {f, fn, NULL, ctx};

	return walk_table(s, T_CLAIMS, "reading claims", claim_record, &w);
}

static int agreement_record(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			    const MDB_val *v, void *arg)
{
	struct claims_walk *w = arg;
	struct assay_stored_agreement o;
	struct srcs l;
	int rc = 0;

	if (load_agreement(s, txn, k, v, &o, &l) == ASSAY_OK && agreement_passes(w->f, &o))
		rc = w->afn(w->ctx, &o, l.v, l.n);
	srcs_release(&l);
	return rc;
}

int assay_store_agreements(struct assay_store *s, const struct assay_claim_filter *f,
			   assay_agreement_fn fn, void *ctx)
{
	struct claims_walk w = {f, NULL, fn, ctx};

	return walk_table(s, T_AGREEMENTS, "reading agreements", agreement_record, &w);
}

/* Ids are typed by people: case and Crockford's look-alikes are forgiven. */
void store_normalize_id(const char *in, char *out, size_t size)
{
	size_t n = 0;

	for (; *in && n + 1 < size; in++) {
		char c = (char)tolower((unsigned char)*in);

		out[n++] = c == 'o' ? '0' : (c == 'i' || c == 'l') ? '1' : c;
	}
	out[n] = '\0';
}

int assay_store_claim_get(struct assay_store *s, const char *id, assay_claim_fn cfn,
			  assay_agreement_fn afn, void *ctx)
{
	char nid[16];
	MDB_txn *txn;
	MDB_val k, v;
	struct srcs l;
	bool agr;
	int rc;

	store_normalize_id(id, nid, sizeof nid);
	agr = nid[0] == 'a' && strlen(nid) == 9;
	k = (MDB_val){strlen(nid), nid};
	rc = store_read_begin(s, &txn);
	if (rc)
		return rc;
	if (mdb_get(txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], &k, &v)) {
		mdb_txn_abort(txn);
		return store_fail(s, ASSAY_ENOTFOUND, "no claim or agreement with id '%s'", id);
	}
	if (agr) {
		struct assay_stored_agreement o;

		rc = load_agreement(s, txn, &k, &v, &o, &l);
		if (!rc && afn)
			rc = afn(ctx, &o, l.v, l.n);
	} else {
		struct assay_stored_claim o;
		bool skip;

		rc = load_claim(s, txn, &k, &v, NULL, &o, &l, &skip);
		if (!rc && cfn)
			rc = cfn(ctx, &o, l.v, l.n);
	}
	srcs_release(&l);
	mdb_txn_abort(txn);
	return rc;
}

/* ---- Conflict groups ---- */

struct group {
	struct assay_conflict_member *m;
	struct assay_stored_claim *claims;
	struct assay_stored_agreement *agrs;
	struct srcs *srcs;
	size_t n, cap;
};

static void group_release(struct group *g)
{
	for (size_t i = 0; i < g->n; i++)
		srcs_release(&g->srcs[i]);
	free(g->m);
	free(g->claims);
	free(g->agrs);
	free(g->srcs);
	memset(g, 0, sizeof *g);
}

static int group_grow(struct group *g)
{
	size_t cap = g->cap ? g->cap * 2 : 4;
	void *m = realloc(g->m, cap * sizeof *g->m);

	if (m)
		g->m = m;
	void *c = m ? realloc(g->claims, cap * sizeof *g->claims) : NULL;
	if (c)
		g->claims = c;
	void *a = c ? realloc(g->agrs, cap * sizeof *g->agrs) : NULL;
	if (a)
		g->agrs = a;
	void *l = a ? realloc(g->srcs, cap * sizeof *g->srcs) : NULL;
	if (!l)
		return ASSAY_ENOMEM;
	g->srcs = l;
	g->cap = cap;
	return ASSAY_OK;
}

static int cmp_figure(const void *a, const void *b)
{
	const struct assay_conflict_member *x = a, *y = b;
	double u = x->claim->c.value, v = y->claim->c.value;

	return (u > v) - (u < v);
}

/* Publication order; undated sources go last, in ingest order. */
static int cmp_status(const void *a, const void *b)
{
	const struct assay_conflict_member *x = a, *y = b;
	const char *p = x->agreement->first_published, *q = y->agreement->first_published;
	int64_t s1 = x->nsources ? x->sources[0].seq : 0, s2 = y->nsources ? y->sources[0].seq : 0;

	if (*p && *q && strcmp(p, q))
		return strcmp(p, q);
	if (!*p != !*q)
		return *p ? -1 : 1;
	return (s1 > s2) - (s1 < s2);
}

/* The id in a group's index entry: an agreement's is the entry itself, a
 * claim's follows its interval (claimkey_value). */
static bool member_id(bool agr, const MDB_val *dup, MDB_val *id)
{
	struct interval iv;

	if (agr) {
		*id = *dup;
		return true;
	}
	return claimkey_parse(dup, &iv, id);
}

static int load_group(struct assay_store *s, MDB_txn *txn, bool agr, const unsigned char gk[8],
		      struct group *g)
{
	MDB_cursor *c;
	MDB_val k = {8, (void *)gk}, dup, id, v;
	int rc = mdb_cursor_open(txn, s->dbi[agr ? T_AGRGROUPS : T_CLAIMKEYS], &c);

	if (rc)
		return store_mdb(s, rc, "reading conflicts");
	for (rc = mdb_cursor_get(c, &k, &dup, MDB_SET); rc == 0;
	     rc = mdb_cursor_get(c, &k, &dup, MDB_NEXT_DUP)) {
		bool skip = false;
		int lrc;

		if (!member_id(agr, &dup, &id) || mdb_get(txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], &id, &v))
			continue;
		if (g->n == g->cap && group_grow(g)) {
			mdb_cursor_close(c);
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		}
		if (agr)
			lrc = load_agreement(s, txn, &id, &v, &g->agrs[g->n], &g->srcs[g->n]);
		else
			lrc = load_claim(s, txn, &id, &v, NULL, &g->claims[g->n], &g->srcs[g->n],
					 &skip);
		if (lrc || skip) {
			srcs_release(&g->srcs[g->n]);
			continue;
		}
		g->n++;
	}
	mdb_cursor_close(c);
	for (size_t i = 0; i < g->n; i++)
		g->m[i] = (struct assay_conflict_member){agr ? NULL : &g->claims[i],
			agr ? &g->agrs[i] : NULL, g->srcs[i].v, g->srcs[i].n};
	qsort(g->m, g->n, sizeof *g->m, agr ? cmp_status : cmp_figure);
	return ASSAY_OK;
}

static bool group_passes(const struct assay_claim_filter *f, const struct group *g, bool agr)
{
	struct assay_claim_filter key;

	if (g->n < 2)
		return false;
	if (!f)
		return true;
	key = (struct assay_claim_filter){NULL, f->subject, f->metric};
	if (agr)
		return !f->metric && agreement_passes(&key, &g->agrs[0]);
	return passes(&key, g->claims[0].c.subject, g->claims[0].c.metric, NULL);
}

/* Whether the group's first member passes @f: decided before any source
 * is read, so a filtered listing reads only the groups it prints. */
static bool group_wanted(struct assay_store *s, MDB_txn *txn, bool agr, const unsigned char gk[8],
			 const struct assay_claim_filter *f)
{
	MDB_cursor *c;
	MDB_val k = {8, (void *)gk}, dup, id, v;
	bool wanted = true;

	if (!f || (!f->subject && !f->metric))
		return true;
	if (mdb_cursor_open(txn, s->dbi[agr ? T_AGRGROUPS : T_CLAIMKEYS], &c))
		return true;
	if (mdb_cursor_get(c, &k, &dup, MDB_SET) == 0 && member_id(agr, &dup, &id) &&
	    mdb_get(txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], &id, &v) == 0) {
		struct assay_claim_filter key = {NULL, f->subject, f->metric};

		if (agr) {
			struct assay_stored_agreement o;

			wanted = agreement_decode(&v, &o) || (!f->metric && agreement_passes(&key, &o));
		} else {
			struct assay_stored_claim o;

			wanted = claim_decode(&v, &o) || passes(&key, o.c.subject, o.c.metric, NULL);
		}
	}
	mdb_cursor_close(c);
	return wanted;
}

int assay_store_conflicts(struct assay_store *s, const struct assay_claim_filter *f,
			  assay_conflict_fn fn, void *ctx)
{
	MDB_txn *txn;
	MDB_cursor *c;
	MDB_val k, v;
	int rc = store_read_begin(s, &txn), mrc;

	if (rc)
		return rc;
	mrc = mdb_cursor_open(txn, s->dbi[T_CONFLICTS], &c);
	if (mrc) {
		mdb_txn_abort(txn);
		return store_mdb(s, mrc, "reading conflicts");
	}
	for (mrc = mdb_cursor_get(c, &k, &v, MDB_FIRST); mrc == 0 && !rc;
	     mrc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		const unsigned char *kp = k.mv_data;
		bool agr = kp[0] == 'a';
		struct group g = {0};
		struct assay_conflict cg;

		if (k.mv_size != 9 || !group_wanted(s, txn, agr, kp + 1, f))
			continue;
		rc = load_group(s, txn, agr, kp + 1, &g);
		if (!rc && group_passes(f, &g, agr)) {
			cg = (struct assay_conflict){agr, g.m, g.n};
			rc = fn(ctx, &cg);
		}
		group_release(&g);
	}
	mdb_cursor_close(c);
	mdb_txn_abort(txn);
	return rc;
}

/* ---- Articles ---- */

struct articles_walk {
	assay_article_fn fn;
	void *ctx;
};

/* @url is the seq table's value: the article's URL, in ingest order. */
static int article_record(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			  const MDB_val *url, void *arg)
{
	struct articles_walk *w = arg;
	struct assay_stored_article a;
	MDB_val v;

	(void)k;
	if (mdb_get(txn, s->dbi[T_ARTICLES], (MDB_val *)url, &v))
		return 0;
	memset(&a, 0, sizeof a);
	snprintf(a.url, sizeof a.url, "%.*s", (int)url->mv_size, (const char *)url->mv_data);
	decode_article(&v, &a);
	return w->fn(w->ctx, &a);
}

int assay_store_articles(struct assay_store *s, assay_article_fn fn, void *ctx)
{
	struct articles_walk w = {fn, ctx};

	return walk_table(s, T_SEQ, "reading articles", article_record, &w);
}

int store_decode_article(const MDB_val *v, struct assay_stored_article *o)
{
	decode_article(v, o);
	return ASSAY_OK;
}

static int article_blob(struct assay_store *s, int table, const char *url,
			struct assay_buf *out)
{
	MDB_txn *txn;
	MDB_val v;
	int rc = store_read_begin(s, &txn);

	if (rc)
		return rc;
	rc = store_get(txn, s->dbi[T_ARTICLES], url, strlen(url), &v);
	if (rc == 0) {
		struct assay_stored_article a;
		uint64_t key;

		memset(&a, 0, sizeof a);
		decode_article(&v, &a);
		key = (uint64_t)a.seq;
		rc = store_get(txn, s->dbi[table], &key, sizeof key, &v);
	}
	if (rc == MDB_NOTFOUND)
		rc = store_fail(s, ASSAY_ENOTFOUND, "no article '%s'", url);
	else if (rc)
		rc = store_mdb(s, rc, "reading an article");
	else
		rc = store_inflate(v.mv_data, v.mv_size, out);
	mdb_txn_abort(txn);
	return rc;
}

int assay_store_article_text(struct assay_store *s, const char *url, struct assay_buf *out)
{
	return article_blob(s, T_TEXT, url, out);
}

int assay_store_article_raw(struct assay_store *s, const char *url, struct assay_buf *out)
{
	return article_blob(s, T_RAW, url, out);
}
