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

#include "array.h"
#include "assay.h"
#include "claims_int.h"
#include "str.h"
#include "vocab.h"

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
	rec_get_i64(&r); /* simhash */
	rec_get_str(&r, o->claimed_url, sizeof o->claimed_url); /* "" in older records */
}

static void join_article(struct assay_store *s, MDB_txn *txn, struct assay_source *src)
{
	struct assay_stored_article a;
	MDB_val v;

	if (store_read(s, txn, s->dbi[T_ARTICLES], src->url, strlen(src->url), &v))
		return;
	memset(&a, 0, sizeof a);
	decode_article(&v, &a);
	memcpy(src->title, a.title, sizeof src->title);
	memcpy(src->site, a.site, sizeof src->site);
	memcpy(src->published, a.published, sizeof src->published);
	src->seq = a.seq;
	src->fetched_at = a.fetched_at;
	memcpy(src->claimed_url, a.claimed_url, sizeof src->claimed_url);
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
	for (rc = store_cursor_read(s, c, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = store_cursor_read(s, c, &k, &v, MDB_NEXT)) {
		if (k.mv_size != idl + 12 || memcmp(k.mv_data, id, idl))
			break;
		l->total++;
		if (l->n == SOURCES_MAX)
			continue;
		if (assay_array_reserve(&l->v, &l->cap, l->n + 1, sizeof *l->v)) {
			mdb_cursor_close(c);
			srcs_release(l);
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		}
		decode_evidence(&k, &v, idl, &l->v[l->n]);
		join_article(s, txn, &l->v[l->n]);
		l->n++;
	}
	mdb_cursor_close(c);
	l->nstories = count_stories(l);
	return ASSAY_OK;
}

void store_review_decode(const MDB_val *v, struct assay_review *o)
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
	if (!r.bad && !rec_at_end(&r)) { /* a record with the fields of a correction */
		REC_GET_KEY(&r, &o->fix);
		rec_get_str(&r, o->fix.type, sizeof o->fix.type);
		o->fix.nparties = (int)rec_get_i64(&r);
		if (o->fix.nparties < 0 || o->fix.nparties > ASSAY_MAX_PARTIES)
			o->fix.nparties = 0;
		for (int i = 0; i < o->fix.nparties; i++)
			rec_get_str(&r, o->fix.parties[i], sizeof o->fix.parties[i]);
		if (r.bad)
			memset(&o->fix, 0, sizeof o->fix);
	}
	if (r.bad || !o->state[0])
		assay_review_state_set(o->state, sizeof o->state, ASSAY_REVIEW_PENDING);
}

static void get_review(struct assay_store *s, MDB_txn *txn, const char *id,
		       struct assay_review *o)
{
	MDB_val v;

	if (store_read(s, txn, s->dbi[T_REVIEWS], id, strlen(id), &v) == 0) {
		store_review_decode(&v, o);
	} else {
		memset(o, 0, sizeof *o);
		assay_review_state_set(o->state, sizeof o->state, ASSAY_REVIEW_PENDING);
	}
}

static bool passes(const struct assay_claim_filter *f, const struct assay_claim *c,
		   const char *state)
{
	if (!f)
		return true;
	if (f->subject && strcasecmp(f->subject, c->subject))
		return false;
	if (f->metric && strcmp(f->metric, c->metric))
		return false;
	if (f->commodity && strcasecmp(f->commodity, c->commodity))
		return false;
	return !f->state || !state || !strcmp(f->state, state);
}

/* @was, or the editor's @fix of it when review @r corrected it. */
static const char *reviewed(const struct assay_review *r, const char *fix, const char *was)
{
	return fix[0] && assay_review_state_is(r->state, ASSAY_REVIEW_CORRECTED) ? fix : was;
}

/* passes() on the claim as it stands after review: a claim an editor
 * moved to another subject, metric or commodity is listed under it. */
static bool passes_reviewed(const struct assay_claim_filter *f, const struct assay_stored_claim *o)
{
	struct assay_claim c;

	if (!f)
		return true;
	memcpy(c.subject, reviewed(&o->review, o->review.fix.subject, o->c.subject), sizeof c.subject);
	memcpy(c.metric, reviewed(&o->review, o->review.fix.metric, o->c.metric), sizeof c.metric);
	memcpy(c.commodity, reviewed(&o->review, o->review.fix.commodity, o->c.commodity),
	       sizeof c.commodity);
	return passes(f, &c, o->review.state);
}

static bool has_dates(const struct assay_claim_filter *f)
{
	return f && ((f->since && *f->since) || (f->until && *f->until));
}

/* Whether @published ("YYYY-MM-DD", or a prefix) falls within the
 * filter's dates; ISO dates compare as strings, and until compares only
 * as many characters as it has, so "2024" takes in all of 2024. */
static bool dated_in(const struct assay_claim_filter *f, const char *published)
{
	if (!published[0])
		return false;
	if (f->since && *f->since && strcmp(published, f->since) < 0)
		return false;
	return !f->until || !*f->until || strncmp(published, f->until, strlen(f->until)) <= 0;
}

/* Leaves in @l the sources published within the filter's dates and
 * counts their stories again. */
static void keep_dated(const struct assay_claim_filter *f, struct srcs *l)
{
	size_t k = 0;

	if (!has_dates(f))
		return;
	for (size_t i = 0; i < l->n; i++)
		if (dated_in(f, l->v[i].published))
			l->v[k++] = l->v[i];
	l->n = l->total = k;
	l->nstories = count_stories(l);
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
	if (store_claim_decode(v, o))
		return ASSAY_OK; /* a damaged record is skipped, not fatal */
	snprintf(o->id, sizeof o->id, "%.*s", (int)k->mv_size, (const char *)k->mv_data);
	get_review(s, txn, o->id, &o->review);
	if (!passes_reviewed(f, o))
		return ASSAY_OK;
	rc = load_sources(s, txn, T_EVIDENCE, o->id, l);
	keep_dated(f, l);
	o->nevidence = l->total;
	o->nstories = l->nstories;
	*skip = rc != ASSAY_OK || (has_dates(f) && !l->n);
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
			  const MDB_val *v, const struct assay_claim_filter *f,
			  struct assay_stored_agreement *o, struct srcs *l)
{
	int rc;

	memset(l, 0, sizeof *l);
	if (store_agreement_decode(v, o))
		return ASSAY_EPARSE;
	snprintf(o->id, sizeof o->id, "%.*s", (int)k->mv_size, (const char *)k->mv_data);
	get_review(s, txn, o->id, &o->review);
	rc = load_sources(s, txn, T_AGREV, o->id, l);
	keep_dated(f, l);
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
	if (f && f->commodity && strcasecmp(f->commodity, o->a.topic))
		return false;
	if (!f || !f->subject)
		return true;
	if (o->review.fix.nparties &&
	    assay_review_state_is(o->review.state, ASSAY_REVIEW_CORRECTED)) {
		for (int i = 0; i < o->review.fix.nparties; i++) /* the editor's parties */
			if (!strcasecmp(f->subject, o->review.fix.parties[i]))
				return true;
		return false;
	}
	for (int i = 0; i < o->a.nparties; i++)
		if (!strcasecmp(f->subject, o->a.parties[i]))
			return true;
	return false;
}

/* One record of a walk over a table; a non-zero return ends the walk. */
typedef int (*record_fn)(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			 const MDB_val *v, void *arg);

/* Hands every record of @table, in key order, to @each within @txn, until
 * @each returns non-zero (what this returns); @what names the reading in
 * an error. */
static int walk_in(struct assay_store *s, MDB_txn *txn, int table, const char *what,
		   record_fn each, void *arg)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc = ASSAY_OK, mrc = mdb_cursor_open(txn, s->dbi[table], &c);

	if (mrc)
		return store_mdb(s, mrc, what);
	for (mrc = store_cursor_read(s, c, &k, &v, MDB_FIRST); mrc == 0 && !rc;
	     mrc = store_cursor_read(s, c, &k, &v, MDB_NEXT))
		rc = each(s, txn, &k, &v, arg);
	mdb_cursor_close(c);
	if (!rc && mrc && mrc != MDB_NOTFOUND) /* a damaged page, not the end */
		rc = store_mdb(s, mrc, what);
	return rc;
}

/* walk_in() in a read transaction of its own. */
static int walk_table(struct assay_store *s, int table, const char *what, record_fn each,
		      void *arg)
{
	MDB_txn *txn;
	int rc = store_read_begin(s, &txn);

	if (rc)
		return rc;
	return store_read_end(s, txn, walk_in(s, txn, table, what, each, arg));
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

	if (!rc && !skip && (!w->f || o.nstories >= w->f->min_stories))
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

struct keys_walk {
	assay_claim_key_fn fn;
	void *ctx;
};

static int claim_key_record(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			    const MDB_val *v, void *arg)
{
	struct keys_walk *w = arg;
	struct assay_stored_claim o;

	(void)s, (void)txn, (void)k;
	return store_claim_decode(v, &o) ? 0 : w->fn(w->ctx, &o.c);
}

int assay_store_claim_keys(struct assay_store *s, assay_claim_key_fn fn, void *ctx)
{
	struct keys_walk w = {fn, ctx};

	return walk_table(s, T_CLAIMS, "reading claims", claim_key_record, &w);
}

static int agreement_record(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			    const MDB_val *v, void *arg)
{
	struct claims_walk *w = arg;
	struct assay_stored_agreement o;
	struct srcs l;
	int rc = 0;

	if (load_agreement(s, txn, k, v, w->f, &o, &l) == ASSAY_OK &&
	    agreement_passes(w->f, &o) && (!has_dates(w->f) || l.n) &&
	    (!w->f || o.nstories >= w->f->min_stories) && (!w->f || !w->f->metric))
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
	if (store_read(s, txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], k.mv_data, k.mv_size, &v)) {
		store_mdb_abort(txn);
		return store_fail(s, ASSAY_ENOTFOUND, "no claim or agreement with id '%s'", id);
	}
	if (agr) {
		struct assay_stored_agreement o;

		rc = load_agreement(s, txn, &k, &v, NULL, &o, &l);
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
	return store_read_end(s, txn, rc);
}

/* ---- Conflict groups ----
 *
 * A group is read in two passes so that memory follows one member, not the
 * group: the first reads each member's record (and, for an agreement, its
 * sources' dates) down to an id and a place in the order, the second reads
 * the members again in that order, one at a time with their sources. */

struct member_key {
	char id[12];
	double value;          /* claims: by figure */
	char published[32];    /* agreements: by first publication, then ingest */
	int64_t seq;
};

struct member_keys {
	struct member_key *v;
	size_t n, cap;
};

static int cmp_figure(const void *a, const void *b)
{
	const struct member_key *x = a, *y = b;

	if (x->value != y->value)
		return (x->value > y->value) - (x->value < y->value);
	return strcmp(x->id, y->id);
}

/* Publication order; undated sources go last, in ingest order. */
static int cmp_status(const void *a, const void *b)
{
	const struct member_key *x = a, *y = b;
	const char *p = x->published, *q = y->published;

	if (*p && *q && strcmp(p, q))
		return strcmp(p, q);
	if (!*p != !*q)
		return *p ? -1 : 1;
	if (x->seq != y->seq)
		return (x->seq > y->seq) - (x->seq < y->seq);
	return strcmp(x->id, y->id);
}

/* The id in a group's index entry: an agreement's is the entry itself, a
 * claim's follows its interval (store_claimkey_value). */
static bool member_id(bool agr, const MDB_val *dup, MDB_val *id)
{
	struct interval iv;

	if (agr) {
		*id = *dup;
		return true;
	}
	return store_claimkey_parse(dup, &iv, id);
}

/* One member read in full: its record and its sources. */
struct member {
	struct assay_stored_claim claim;
	struct assay_stored_agreement agr;
	struct srcs srcs;
};

/* What pass one learns of a whole group: its stories and whether editors
 * resolved it. */
struct group_facts {
	struct story_set stories;
	size_t kept, rejected, members;
	size_t in_state; /* members in the filter's review state */
};

static void facts_review(struct assay_store *s, MDB_txn *txn, const char *id,
			 const struct assay_claim_filter *f, struct group_facts *gf)
{
	enum assay_review_state st = ASSAY_REVIEW_PENDING;
	struct assay_review rv;

	get_review(s, txn, id, &rv);
	assay_review_state_parse(rv.state, &st); /* one it does not know: pending */
	gf->kept += st == ASSAY_REVIEW_ACCEPTED || st == ASSAY_REVIEW_CORRECTED;
	gf->rejected += st == ASSAY_REVIEW_REJECTED;
	gf->in_state += f && f->state && !strcmp(rv.state, f->state);
	gf->members++;
}

static bool facts_resolved(const struct group_facts *gf)
{
	return gf->kept == 1 && gf->rejected + 1 == gf->members;
}

static bool group_shown(const struct assay_claim_filter *f, const struct group_facts *gf)
{
	enum assay_group_stories rule = f ? f->stories : ASSAY_GROUPS_ACROSS;
	size_t n = gf->stories.n;

	if (f && ((f->open && facts_resolved(gf)) || (f->resolved && !facts_resolved(gf))))
		return false;
	if (f && ((f->state && !gf->in_state) || n < f->min_stories))
		return false;
	return rule == ASSAY_GROUPS_ANY || (rule == ASSAY_GROUPS_WITHIN ? n <= 1 : n >= 2);
}

/* Pass one for an agreement, or a claim when dates filter: the member
 * read with its sources (those within the dates), its sort key in @mk. */
static int claim_sources(struct assay_store *s, MDB_txn *txn, bool agr,
			 const struct assay_claim_filter *f, const MDB_val *id, const MDB_val *v,
			 struct member_key *mk, struct member *m)
{
	bool skip;
	int rc;

	if (agr) {
		rc = load_agreement(s, txn, id, v, f, &m->agr, &m->srcs);
		if (rc == ASSAY_OK) {
			memcpy(mk->published, m->agr.first_published, sizeof mk->published);
			mk->seq = m->srcs.n ? m->srcs.v[0].seq : 0;
		}
		return rc;
	}
	rc = load_claim(s, txn, id, v, &(struct assay_claim_filter){.since = f->since,
		.until = f->until}, &m->claim, &m->srcs, &skip);
	mk->value = m->claim.c.value;
	return rc; /* skipped: no source left */
}

/* Pass one: the keys of the group @gk, sorted, and the group's facts. */
static int group_keys(struct assay_store *s, MDB_txn *txn, bool agr, const unsigned char gk[8],
		      const struct assay_claim_filter *f, struct member_keys *ks,
		      struct group_facts *gf)
{
	MDB_cursor *c;
	MDB_val k = {8, (void *)gk}, dup, id, v;
	int rc = mdb_cursor_open(txn, s->dbi[agr ? T_AGRGROUPS : T_CLAIMKEYS], &c);

	if (rc)
		return store_mdb(s, rc, "reading conflicts");
	for (rc = store_cursor_read(s, c, &k, &dup, MDB_SET); rc == 0;
	     rc = store_cursor_read(s, c, &k, &dup, MDB_NEXT_DUP)) {
		struct member_key *mk;
		struct member m;

		if (!member_id(agr, &dup, &id) || id.mv_size >= sizeof mk->id ||
		    store_read(s, txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], id.mv_data, id.mv_size, &v))
			continue;
		if (assay_array_reserve(&ks->v, &ks->cap, ks->n + 1, sizeof *ks->v)) {
			mdb_cursor_close(c);
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		}
		mk = &ks->v[ks->n];
		memset(mk, 0, sizeof *mk);
		memcpy(mk->id, id.mv_data, id.mv_size);
		if (agr || has_dates(f)) {
			rc = claim_sources(s, txn, agr, f, &id, &v, mk, &m);
			if (rc == ASSAY_OK && (!has_dates(f) || m.srcs.n)) {
				ks->n++;
				for (size_t i = 0; i < m.srcs.n && !rc; i++)
					if (store_story_set_add(&gf->stories, m.srcs.v[i].story))
						rc = store_fail(s, ASSAY_ENOMEM, "out of memory");
				facts_review(s, txn, mk->id, f, gf);
			} else if (rc == ASSAY_EPARSE) {
				rc = ASSAY_OK; /* a damaged record is left out */
			}
			srcs_release(&m.srcs);
		} else if (store_claim_decode(&v, &m.claim) == ASSAY_OK) {
			mk->value = m.claim.c.value;
			ks->n++;
			rc = store_add_stories(s, txn, true, false, &(MDB_val){strlen(mk->id), mk->id},
					       &gf->stories);
			facts_review(s, txn, mk->id, f, gf);
		}
		if (rc) {
			mdb_cursor_close(c);
			return rc;
		}
	}
	mdb_cursor_close(c);
	store_story_set_unique(&gf->stories);
	if (ks->n) /* no members: ks->v is NULL, which qsort may not take */
		qsort(ks->v, ks->n, sizeof *ks->v, agr ? cmp_status : cmp_figure);
	return ASSAY_OK;
}

/* Pass two, for one member: its record and sources; *@gone when it can no
 * longer be read (it was at pass one, in the same transaction: only a
 * damaged record). */
static int load_member(struct assay_store *s, MDB_txn *txn, bool agr, const struct member_key *mk,
		       const struct assay_claim_filter *f, struct member *m, bool *gone)
{
	struct assay_claim_filter dates = {0};

	MDB_val id = {strlen(mk->id), (void *)mk->id}, v;
	int rc;

	*gone = true;
	memset(&m->srcs, 0, sizeof m->srcs);
	if (store_read(s, txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], id.mv_data, id.mv_size, &v))
		return ASSAY_OK;
	if (agr) {
		rc = load_agreement(s, txn, &id, &v, f, &m->agr, &m->srcs);
		*gone = rc == ASSAY_EPARSE;
		return *gone ? ASSAY_OK : rc;
	}
	if (f)
		dates.since = f->since, dates.until = f->until;
	return load_claim(s, txn, &id, &v, &dates, &m->claim, &m->srcs, gone);
}

/* Whether the group's first member passes @f: decided before any source
 * is read, so a filtered listing reads only the groups it prints. */
static bool group_wanted(struct assay_store *s, MDB_txn *txn, bool agr, const unsigned char gk[8],
			 const struct assay_claim_filter *f)
{
	MDB_cursor *c;
	MDB_val k = {8, (void *)gk}, dup, id, v;
	bool wanted = true;

	if (!f || (!f->subject && !f->metric && !f->commodity))
		return true;
	if (mdb_cursor_open(txn, s->dbi[agr ? T_AGRGROUPS : T_CLAIMKEYS], &c))
		return true;
	if (store_cursor_read(s, c, &k, &dup, MDB_SET) == 0 && member_id(agr, &dup, &id) &&
	    store_read(s, txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], id.mv_data, id.mv_size, &v) == 0) {
		struct assay_claim_filter key = {.subject = f->subject, .metric = f->metric,
						 .commodity = f->commodity};

		if (agr) {
			struct assay_stored_agreement o;

			wanted = store_agreement_decode(&v, &o) || (!f->metric && agreement_passes(&key, &o));
		} else {
			struct assay_stored_claim o;
			char cid[12];

			if (store_claim_decode(&v, &o) == ASSAY_OK && id.mv_size < sizeof cid) {
				/* the group's key is its members' as reviewed */
				snprintf(cid, sizeof cid, "%.*s", (int)id.mv_size, (const char *)id.mv_data);
				get_review(s, txn, cid, &o.review);
				wanted = passes_reviewed(&key, &o);
			}
		}
	}
	mdb_cursor_close(c);
	return wanted;
}

/* Streams one group: begin with its first member, every member, end. */
static int stream_group(struct assay_store *s, MDB_txn *txn, bool agr,
			const struct member_keys *ks, const struct group_facts *gf,
			const struct assay_claim_filter *f,
			const struct assay_conflict_stream *cs, void *ctx)
{
	size_t nstories = gf->stories.n;
	bool resolved = facts_resolved(gf);
	struct member *m = malloc(sizeof *m);
	size_t shown = 0;
	int rc = ASSAY_OK;

	if (!m)
		return store_fail(s, ASSAY_ENOMEM, "out of memory");
	for (size_t i = 0; i < ks->n && !rc; i++) {
		struct assay_conflict_member cm;
		struct assay_conflict g;
		bool gone;

		rc = load_member(s, txn, agr, &ks->v[i], f, m, &gone);
		if (rc || gone) {
			srcs_release(&m->srcs);
			continue;
		}
		cm = (struct assay_conflict_member){agr ? NULL : &m->claim, agr ? &m->agr : NULL,
						    m->srcs.v, m->srcs.n};
		g = (struct assay_conflict){agr, &cm, 1, nstories, resolved};
		if (!shown && cs->begin)
			rc = cs->begin(ctx, &g);
		g = (struct assay_conflict){agr, NULL, 0, nstories, resolved};
		if (!rc)
			rc = cs->member(ctx, &g, shown++, &cm);
		srcs_release(&m->srcs);
	}
	if (!rc && shown && cs->end) {
		struct assay_conflict g = {agr, NULL, 0, nstories, resolved};

		rc = cs->end(ctx, &g);
	}
	free(m);
	return rc;
}

/* Whether a group summed up as @gs is listed under @f (no dates: the
 * summary counts every source). The same rules as group_wanted and
 * group_shown, which read the group itself. */
static bool summary_listed(const struct assay_claim_filter *f, const struct group_summary *gs)
{
	enum assay_group_stories rule = f ? f->stories : ASSAY_GROUPS_ACROSS;
	bool resolved = store_group_resolved(gs);

	if (gs->members < 2)
		return false;
	if (f && ((f->open && resolved) || (f->resolved && !resolved) ||
		  gs->stories < f->min_stories))
		return false;
	if (f && f->state) {
		enum assay_review_state st;

		if (!assay_review_state_parse(f->state, &st) || !gs->states[st])
			return false;
	}
	if (f && gs->agr) {
		struct assay_stored_agreement o = {.a.nparties = gs->nparties};
		struct assay_claim_filter key = {.subject = f->subject, .commodity = f->commodity};

		memcpy(o.a.parties, gs->parties, sizeof o.a.parties);
		memcpy(o.a.topic, gs->commodity, sizeof o.a.topic);
		if (f->metric || !agreement_passes(&key, &o))
			return false;
	} else if (f) {
		struct assay_claim c;
		struct assay_claim_filter key = {.subject = f->subject, .metric = f->metric,
						 .commodity = f->commodity};

		memcpy(c.subject, gs->subject, sizeof c.subject);
		memcpy(c.metric, gs->metric, sizeof c.metric);
		memcpy(c.commodity, gs->commodity, sizeof c.commodity);
		if (!passes(&key, &c, NULL))
			return false;
	}
	return rule == ASSAY_GROUPS_ANY ||
	       (rule == ASSAY_GROUPS_WITHIN ? gs->stories <= 1 : gs->stories >= 2);
}

/* One listing: the groups that pass @f, counted in *@total; those from
 * the @skip-th on, @limit of them, are read and streamed. */
struct listing {
	const struct assay_claim_filter *f;
	size_t skip, limit, total;
	struct member_keys ks;
	struct group_facts gf;
};

/* The conflicts entry @k/@v: counted when listed, streamed when on the
 * page. Without dates the index says whether it is listed; with dates
 * only reading the group can. */
struct conflicts_walk {
	struct listing *l;
	const struct assay_conflict_stream *cs;
	void *ctx;
};

static int list_group(struct assay_store *s, MDB_txn *txn, const MDB_val *k, const MDB_val *v,
		      void *arg)
{
	const struct conflicts_walk *w = arg;
	struct listing *l = w->l;
	const unsigned char *kp = k->mv_data;
	bool agr = kp[0] == 'a', on_page;
	struct group_summary gs;
	int rc = ASSAY_OK;

	if (k->mv_size != 9)
		return ASSAY_OK;
	if (!has_dates(l->f)) {
		if (!store_group_summary_decode(v, agr, &gs))
			rc = store_group_summarize(s, txn, true, agr, kp + 1, &gs);
		if (rc || !summary_listed(l->f, &gs))
			return rc;
		on_page = l->total >= l->skip && l->total - l->skip < l->limit;
		l->total++;
		if (!on_page)
			return ASSAY_OK;
	} else if (!group_wanted(s, txn, agr, kp + 1, l->f)) {
		return ASSAY_OK;
	}
	l->ks.n = 0;
	l->gf.stories.n = l->gf.kept = l->gf.rejected = l->gf.members = l->gf.in_state = 0;
	rc = group_keys(s, txn, agr, kp + 1, l->f, &l->ks, &l->gf);
	if (rc || l->ks.n < 2)
		return rc;
	if (has_dates(l->f)) {
		if (!group_shown(l->f, &l->gf))
			return ASSAY_OK;
		on_page = l->total >= l->skip && l->total - l->skip < l->limit;
		l->total++;
		if (!on_page)
			return ASSAY_OK;
	}
	return stream_group(s, txn, agr, &l->ks, &l->gf, l->f, w->cs, w->ctx);
}

static int conflicts_walk(struct assay_store *s, struct listing *l,
			  const struct assay_conflict_stream *cs, void *ctx)
{
	struct conflicts_walk w = {l, cs, ctx};
	int rc = walk_table(s, T_CONFLICTS, "reading conflicts", list_group, &w);

	free(l->ks.v);
	free(l->gf.stories.v);
	return rc;
}

int assay_store_conflicts_stream(struct assay_store *s, const struct assay_claim_filter *f,
				 const struct assay_conflict_stream *cs, void *ctx)
{
	struct listing l = {.f = f, .limit = (size_t)-1};

	return conflicts_walk(s, &l, cs, ctx);
}

/* ---- Whole groups, for callers that need every member at once ---- */

struct group {
	struct assay_conflict_member *m;
	struct assay_stored_claim *claims;
	struct assay_stored_agreement *agrs;
	struct srcs *srcs;
	size_t n, cap;
	assay_conflict_fn fn;
	void *ctx;
};

static void group_release(struct group *g)
{
	for (size_t i = 0; i < g->n; i++)
		srcs_release(&g->srcs[i]);
	free(g->m);
	free(g->claims);
	free(g->agrs);
	free(g->srcs);
	g->m = NULL, g->claims = NULL, g->agrs = NULL, g->srcs = NULL;
	g->n = g->cap = 0;
}

static int group_take(void *ctx, const struct assay_conflict *cg, size_t i,
		      const struct assay_conflict_member *cm)
{
	struct group *g = ctx;
	struct srcs *l;

	(void)cg, (void)i;
	if (g->n == g->cap) {
		/* four arrays of one capacity: each grows from the same count to
		 * the same size; g->cap moves when all four have */
		size_t cm = g->cap, cc = g->cap, ca = g->cap, cs = g->cap;

		if (assay_array_reserve(&g->m, &cm, g->n + 1, sizeof *g->m) ||
		    assay_array_reserve(&g->claims, &cc, g->n + 1, sizeof *g->claims) ||
		    assay_array_reserve(&g->agrs, &ca, g->n + 1, sizeof *g->agrs) ||
		    assay_array_reserve(&g->srcs, &cs, g->n + 1, sizeof *g->srcs))
			return ASSAY_ENOMEM;
		g->cap = cs;
	}
	l = &g->srcs[g->n];
	memset(l, 0, sizeof *l);
	if (cm->nsources) {
		l->v = malloc(cm->nsources * sizeof *l->v);
		if (!l->v)
			return ASSAY_ENOMEM;
		memcpy(l->v, cm->sources, cm->nsources * sizeof *l->v);
		l->n = l->cap = cm->nsources;
	}
	if (cm->claim)
		g->claims[g->n] = *cm->claim;
	if (cm->agreement)
		g->agrs[g->n] = *cm->agreement;
	g->n++;
	return ASSAY_OK;
}

static int group_done(void *ctx, const struct assay_conflict *cg)
{
	struct group *g = ctx;
	struct assay_conflict whole = {cg->is_agreement, g->m, g->n, cg->nstories, cg->resolved};
	int rc;

	for (size_t i = 0; i < g->n; i++)
		g->m[i] = (struct assay_conflict_member){cg->is_agreement ? NULL : &g->claims[i],
			cg->is_agreement ? &g->agrs[i] : NULL, g->srcs[i].v, g->srcs[i].n};
	rc = g->fn(g->ctx, &whole);
	group_release(g);
	return rc;
}

int assay_store_conflicts(struct assay_store *s, const struct assay_claim_filter *f,
			  assay_conflict_fn fn, void *ctx)
{
	struct assay_conflict_stream cs = {NULL, group_take, group_done};
	struct group g = {.fn = fn, .ctx = ctx};
	int rc = assay_store_conflicts_stream(s, f, &cs, &g);

	if (rc == ASSAY_ENOMEM)
		store_fail(s, ASSAY_ENOMEM, "out of memory");
	group_release(&g);
	return rc;
}

int assay_store_conflicts_page(struct assay_store *s, const struct assay_claim_filter *f,
			       size_t skip, size_t limit, assay_conflict_fn fn, void *ctx,
			       size_t *total)
{
	struct assay_conflict_stream cs = {NULL, group_take, group_done};
	struct group g = {.fn = fn, .ctx = ctx};
	struct listing l = {.f = f, .skip = skip, .limit = limit};
	int rc = conflicts_walk(s, &l, &cs, &g);

	if (rc == ASSAY_ENOMEM)
		store_fail(s, ASSAY_ENOMEM, "out of memory");
	group_release(&g);
	*total = l.total;
	return rc;
}

/* One group by its kind and key hash, read like one group of the walk
 * above but without it: a claim page shows its own group in the time of
 * one group, however many the store holds. */
int assay_store_conflict_group(struct assay_store *s, bool agreement, uint64_t group,
			       assay_conflict_fn fn, void *ctx)
{
	struct assay_conflict_stream cs = {NULL, group_take, group_done};
	struct group g = {.fn = fn, .ctx = ctx};
	struct member_keys ks = {0};
	struct group_facts gf = {0};
	unsigned char gk[8];
	MDB_txn *txn;
	int rc = store_read_begin(s, &txn);

	if (rc)
		return rc;
	rec_be64(gk, group);
	rc = group_keys(s, txn, agreement, gk, NULL, &ks, &gf);
	if (!rc && ks.n < 2)
		rc = ASSAY_ENOTFOUND;
	if (!rc)
		rc = stream_group(s, txn, agreement, &ks, &gf, NULL, &cs, &g);
	if (rc == ASSAY_ENOMEM)
		store_fail(s, ASSAY_ENOMEM, "out of memory");
	group_release(&g);
	free(ks.v);
	free(gf.stories.v);
	return store_read_end(s, txn, rc);
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
	if (store_read(s, txn, s->dbi[T_ARTICLES], url->mv_data, url->mv_size, &v))
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
	rc = store_read(s, txn, s->dbi[T_ARTICLES], url, strlen(url), &v);
	if (rc == 0) {
		struct assay_stored_article a;
		uint64_t key;

		memset(&a, 0, sizeof a);
		decode_article(&v, &a);
		key = (uint64_t)a.seq;
		rc = store_read(s, txn, s->dbi[table], &key, sizeof key, &v);
	}
	if (rc == MDB_NOTFOUND)
		rc = store_fail(s, ASSAY_ENOTFOUND, "no article '%s'", url);
	else if (rc)
		rc = store_mdb(s, rc, "reading an article");
	else
		rc = store_inflate(v.mv_data, v.mv_size, out);
	return store_read_end(s, txn, rc);
}

int assay_store_article_text(struct assay_store *s, const char *url, struct assay_buf *out)
{
	return article_blob(s, T_TEXT, url, out);
}

int assay_store_article_raw(struct assay_store *s, const char *url, struct assay_buf *out)
{
	return article_blob(s, T_RAW, url, out);
}

/* ---- One article, and what articles support (the artev index) ---- */

int assay_store_article_get(struct assay_store *s, const char *url,
			    struct assay_stored_article *out)
{
	MDB_txn *txn;
	MDB_val v;
	size_t n = url ? strlen(url) : 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (!n || n >= sizeof out->url)
		return store_fail(s, ASSAY_ENOTFOUND, "no article with that URL");
	rc = store_read_begin(s, &txn);
	if (rc)
		return rc;
	rc = store_read(s, txn, s->dbi[T_ARTICLES], url, n, &v);
	if (rc == 0) {
		memcpy(out->url, url, n + 1);
		decode_article(&v, out);
	}
	store_mdb_abort(txn);
	if (rc == MDB_NOTFOUND)
		return store_fail(s, ASSAY_ENOTFOUND, "no article with that URL");
	return store_mdb(s, rc, "reading articles");
}

/* Calls @each with every artev id under article @seq (all articles when
 * @seq < 0), in a read transaction; a non-zero return ends the walk. */
static int artev_walk(struct assay_store *s, int64_t seq,
		      int (*each)(void *ctx, int64_t seq, const char *id), void *ctx)
{
	unsigned char want[8];
	MDB_txn *txn;
	MDB_cursor *c;
	MDB_val k = {8, want}, v;
	int rc = store_read_begin(s, &txn), mrc;

	if (rc)
		return rc;
	rec_be64(want, (uint64_t)(seq < 0 ? 0 : seq));
	mrc = mdb_cursor_open(txn, s->dbi[T_ARTEV], &c);
	if (mrc) {
		store_mdb_abort(txn);
		return store_mdb(s, mrc, "reading the article index");
	}
	for (mrc = store_cursor_read(s, c, &k, &v, MDB_SET_RANGE); mrc == 0 && !rc;
	     mrc = store_cursor_read(s, c, &k, &v, MDB_NEXT)) {
		char id[16];

		if (k.mv_size <= 8 || k.mv_size - 8 >= sizeof id)
			continue;
		if (seq >= 0 && memcmp(k.mv_data, want, 8))
			break;
		memcpy(id, (char *)k.mv_data + 8, k.mv_size - 8);
		id[k.mv_size - 8] = '\0';
		rc = each(ctx, (int64_t)rec_from_be64(k.mv_data), id);
	}
	mdb_cursor_close(c);
	store_mdb_abort(txn);
	if (!rc && mrc && mrc != MDB_NOTFOUND)
		rc = store_mdb(s, mrc, "reading the article index");
	return rc;
}

struct ids_walk {
	assay_id_fn fn;
	void *ctx;
};

static int each_id(void *ctx, int64_t seq, const char *id)
{
	struct ids_walk *w = ctx;

	(void)seq;
	return w->fn(w->ctx, id);
}

int assay_store_article_claims(struct assay_store *s, int64_t seq, assay_id_fn fn, void *ctx)
{
	struct ids_walk w = {fn, ctx};

	return artev_walk(s, seq < 0 ? 0 : seq, each_id, &w);
}

struct counts_walk {
	assay_article_counts_fn fn;
	void *ctx;
	int64_t seq;
	size_t claims, agreements;
};

static int count_id(void *ctx, int64_t seq, const char *id)
{
	struct counts_walk *w = ctx;
	int rc = ASSAY_OK;

	if (seq != w->seq && (w->claims || w->agreements))
		rc = w->fn(w->ctx, w->seq, w->claims, w->agreements);
	if (seq != w->seq)
		w->claims = w->agreements = 0;
	w->seq = seq;
	if (id[0] == 'a' && strlen(id) == 9)
		w->agreements++;
	else
		w->claims++;
	return rc;
}

int assay_store_article_counts(struct assay_store *s, assay_article_counts_fn fn, void *ctx)
{
	struct counts_walk w = {fn, ctx, -1, 0, 0};
	int rc = artev_walk(s, -1, count_id, &w);

	if (!rc && (w.claims || w.agreements))
		rc = fn(ctx, w.seq, w.claims, w.agreements);
	return rc;
}

int assay_store_articles_version(struct assay_store *s, uint64_t *out)
{
	MDB_txn *txn;
	MDB_val v;
	int rc = store_read_begin(s, &txn);

	*out = 0;
	if (rc)
		return rc;
	rc = store_read(s, txn, s->dbi[T_META], "artgen", 6, &v);
	if (rc == 0 && v.mv_size == sizeof *out)
		memcpy(out, v.mv_data, sizeof *out);
	store_mdb_abort(txn);
	return rc == 0 || rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "reading the articles version");
}

/* ---- Catching up ----
 *
 * The clock is read in the transaction of what it dates, so that a reader
 * never records a state newer than what it read. */

static int read_count(struct assay_store *s, MDB_txn *txn, const char *key, size_t klen,
		      void *out, size_t size)
{
	MDB_val v;
	int rc = store_read(s, txn, s->dbi[T_META], key, klen, &v);

	if (rc == 0 && v.mv_size == size)
		memcpy(out, v.mv_data, size);
	return rc == 0 || rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "reading the store's clock");
}

static int read_clock(struct assay_store *s, MDB_txn *txn, struct assay_store_clock *o)
{
	static const int tables[3] = {T_CLAIMS, T_AGREEMENTS, T_REVIEWLOG};
	uint64_t *counts[3] = {&o->claims, &o->agreements, &o->decisions};
	int rc;

	memset(o, 0, sizeof *o);
	rc = read_count(s, txn, "seq", 3, &o->articles, sizeof o->articles);
	if (!rc)
		rc = read_count(s, txn, "artgen", 6, &o->article_writes, sizeof o->article_writes);
	for (int i = 0; i < 3 && !rc; i++) {
		MDB_stat st;
		int mrc = mdb_stat(txn, s->dbi[tables[i]], &st);

		if (mrc)
			return store_mdb(s, mrc, "reading the store's clock");
		*counts[i] = st.ms_entries;
	}
	return rc;
}

int assay_store_clock(struct assay_store *s, struct assay_store_clock *out)
{
	MDB_txn *txn;
	int rc = store_read_begin(s, &txn);

	memset(out, 0, sizeof *out);
	if (rc)
		return rc;
	rc = read_clock(s, txn, out);
	return store_read_end(s, txn, rc);
}

bool assay_store_clock_same(const struct assay_store_clock *a, const struct assay_store_clock *b)
{
	return a->articles == b->articles && a->article_writes == b->article_writes &&
	       a->claims == b->claims && a->agreements == b->agreements &&
	       a->decisions == b->decisions;
}

bool assay_store_clock_only_added(const struct assay_store_clock *then,
				  const struct assay_store_clock *now)
{
	return now->articles >= then->articles && now->article_writes >= then->article_writes &&
	       now->article_writes - then->article_writes ==
		       (uint64_t)(now->articles - then->articles) &&
	       now->claims >= then->claims && now->agreements >= then->agreements &&
	       now->decisions >= then->decisions;
}

struct id_list {
	char (*v)[12];
	size_t n, cap;
};

static int cmp_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The ids in artev from article @after + 1 on, sorted, each once. */
static int ids_since(struct assay_store *s, MDB_txn *txn, int64_t after, struct id_list *l)
{
	unsigned char from[8];
	MDB_cursor *c;
	MDB_val k = {8, from}, v;
	size_t n = 0;
	int mrc;

	rec_be64(from, (uint64_t)(after < 0 ? 0 : after) + 1);
	mrc = mdb_cursor_open(txn, s->dbi[T_ARTEV], &c);
	if (mrc)
		return store_mdb(s, mrc, "reading the article index");
	for (mrc = store_cursor_read(s, c, &k, &v, MDB_SET_RANGE); mrc == 0;
	     mrc = store_cursor_read(s, c, &k, &v, MDB_NEXT)) {
		if (k.mv_size <= 8 || k.mv_size - 8 >= sizeof l->v[0])
			continue;
		if (assay_array_reserve(&l->v, &l->cap, l->n + 1, sizeof l->v[0])) {
			mdb_cursor_close(c);
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		}
		memcpy(l->v[l->n], (char *)k.mv_data + 8, k.mv_size - 8);
		l->v[l->n++][k.mv_size - 8] = '\0';
	}
	mdb_cursor_close(c);
	if (mrc && mrc != MDB_NOTFOUND)
		return store_mdb(s, mrc, "reading the article index");
	if (l->n)
		qsort(l->v, l->n, sizeof l->v[0], cmp_id);
	for (size_t i = 0; i < l->n; i++)
		if (i == 0 || strcmp(l->v[i], l->v[n - 1]) != 0)
			memmove(l->v[n++], l->v[i], sizeof l->v[0]);
	l->n = n;
	return ASSAY_OK;
}

/* Hands claim or agreement @id, read in @txn, to its callback; an id
 * whose record is gone or damaged is passed over, as a walk does. */
static int give_one(struct assay_store *s, MDB_txn *txn, const char *id, assay_claim_fn cfn,
		    assay_agreement_fn afn, void *ctx)
{
	bool agr = id[0] == 'a' && strlen(id) == 9, skip;
	MDB_val k = {strlen(id), (void *)id}, v;
	struct srcs l;
	int rc;

	if (store_read(s, txn, s->dbi[agr ? T_AGREEMENTS : T_CLAIMS], k.mv_data, k.mv_size, &v))
		return ASSAY_OK;
	if (agr) {
		struct assay_stored_agreement o;

		rc = load_agreement(s, txn, &k, &v, NULL, &o, &l);
		if (rc == ASSAY_EPARSE)
			rc = ASSAY_OK;
		else if (!rc && afn)
			rc = afn(ctx, &o, l.v, l.n);
	} else {
		struct assay_stored_claim o;

		rc = load_claim(s, txn, &k, &v, NULL, &o, &l, &skip);
		if (!rc && !skip && cfn)
			rc = cfn(ctx, &o, l.v, l.n);
	}
	srcs_release(&l);
	return rc;
}

/* In one read transaction: the store's clock in *@now (zeroed first),
 * then @fn. */
static int read_with_clock(struct assay_store *s, struct assay_store_clock *now,
			   int (*fn)(struct assay_store *s, MDB_txn *txn, void *arg), void *arg)
{
	MDB_txn *txn;
	int rc = store_read_begin(s, &txn);

	memset(now, 0, sizeof *now);
	if (rc)
		return rc;
	rc = read_clock(s, txn, now);
	if (!rc)
		rc = fn(s, txn, arg);
	return store_read_end(s, txn, rc);
}

struct since_walk {
	int64_t after;
	assay_claim_fn cfn;
	assay_agreement_fn afn;
	void *ctx;
};

static int give_since(struct assay_store *s, MDB_txn *txn, void *arg)
{
	const struct since_walk *w = arg;
	struct id_list l = {0};
	int rc = ids_since(s, txn, w->after, &l);

	for (size_t i = 0; i < l.n && !rc; i++)
		rc = give_one(s, txn, l.v[i], w->cfn, w->afn, w->ctx);
	free(l.v);
	return rc;
}

int assay_store_claims_since(struct assay_store *s, int64_t after, assay_claim_fn cfn,
			     assay_agreement_fn afn, void *ctx, struct assay_store_clock *now)
{
	struct since_walk w = {after, cfn, afn, ctx};

	return read_with_clock(s, now, give_since, &w);
}

struct decisions_walk {
	assay_decision_fn fn;
	void *ctx;
};

/* A record of T_REVIEWS to the caller's function as an id and a state. */
static int decision_record(struct assay_store *s, MDB_txn *txn, const MDB_val *k,
			   const MDB_val *v, void *arg)
{
	const struct decisions_walk *w = arg;
	struct assay_review r;
	char id[16];

	(void)s, (void)txn;
	if (k->mv_size >= sizeof id)
		return ASSAY_OK;
	memcpy(id, k->mv_data, k->mv_size);
	id[k->mv_size] = '\0';
	store_review_decode(v, &r);
	return w->fn(w->ctx, id, r.state);
}

static int walk_decisions(struct assay_store *s, MDB_txn *txn, void *arg)
{
	return walk_in(s, txn, T_REVIEWS, "reading reviews", decision_record, arg);
}

int assay_store_decisions(struct assay_store *s, assay_decision_fn fn, void *ctx,
			  struct assay_store_clock *now)
{
	struct decisions_walk w = {fn, ctx};

	return read_with_clock(s, now, walk_decisions, &w);
}
