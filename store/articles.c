/* articles.c - writing an article: its identity, its story, its record,
 * its page and text, then its claims, all in one write transaction.
 *
 * Stories: an article whose cleaned text has the SHA-256 of a stored one
 * joins that story (an empty text, a headline-only flash, joins none: its
 * story is named by its URL); otherwise its word shingles are looked up
 * in the near-duplicate index of bands.c, which holds a sketch of each
 * story begun by the last NEARDUP_WINDOW articles and compares the few it
 * hits exactly, so a lookup costs one probe per shingle however large the
 * store grows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "canon.h"
#include "hash.h"
#include "internal.h"
#include "rec.h"
#include "simhash.h"

struct story_pick {
	char id[STORY_ID_MAX + 1];
	bool duplicate;
	bool has_hash;
	uint64_t simhash;
	struct assay_shingles shingles; /* of a text with a SimHash */
	bool borrowed;                  /* shingles are the packed article's */
};

bool store_get_story(struct assay_store *s, MDB_txn *txn, const char *id, struct story_rec *o)
{
	MDB_val v;
	struct rec_r r;

	if (store_get(txn, s->dbi[T_STORIES], id, strlen(id), &v))
		return false;
	rec_init(&r, v.mv_data, v.mv_size);
	o->simhash = (uint64_t)rec_get_i64(&r);
	o->has_hash = rec_get_i64(&r) != 0;
	rec_get_str(&r, o->first, sizeof o->first);
	o->count = rec_get_i64(&r);
	return !r.bad;
}

static int write_story(struct assay_store *s, MDB_txn *txn, const char *id,
		       const struct story_rec *o)
{
	struct assay_buf v = {0};
	int rc = rec_put_i64(&v, (int64_t)o->simhash);

	rc = rc ? rc : rec_put_i64(&v, o->has_hash);
	rc = rc ? rc : rec_put_str(&v, o->first);
	rc = rc ? rc : rec_put_i64(&v, o->count);
	if (!rc)
		rc = store_mdb(s, store_put(txn, s->dbi[T_STORIES], id, strlen(id), v.data, v.len, 0),
			       "writing a story");
	assay_buf_release(&v);
	return rc;
}

/* The story's first article is this one: its hash and URL are the
 * story's, and its hash goes into the index. Later articles only count. */
static int put_story(struct assay_store *s, MDB_txn *txn, const struct story_pick *p,
		     const char *url, int64_t seq)
{
	struct story_rec o;
	int rc;

	if (store_get_story(s, txn, p->id, &o)) {
		o.count++;
		return write_story(s, txn, p->id, &o);
	}
	o.simhash = p->simhash;
	o.has_hash = p->has_hash;
	snprintf(o.first, sizeof o.first, "%s", url);
	o.count = 1;
	rc = write_story(s, txn, p->id, &o);
	if (!rc && p->has_hash)
		rc = store_story_begun(s, txn, seq, p->simhash, &p->shingles, p->id);
	return rc;
}

/* Exact duplicate by text hash, else near duplicate, else a new story.
 * @p's shingles, unless borrowed, are the caller's to release, whatever
 * it returns. */
static int pick_story(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
		      int64_t seq, const char *sha, struct story_pick *p)
{
	MDB_val v;
	int rc;

	memset(p, 0, sizeof *p);
	if (a->packed) {
		p->has_hash = a->packed->has_hash;
		p->simhash = a->packed->simhash;
	} else {
		p->has_hash = assay_simhash(a->text, a->text_len, &p->simhash);
	}
	rc = a->text_len ? store_get(txn, s->dbi[T_HASHES], sha, 64, &v) : MDB_NOTFOUND;
	if (rc == 0) {
		snprintf(p->id, sizeof p->id, "%.*s", (int)v.mv_size, (const char *)v.mv_data);
		p->duplicate = true;
		return ASSAY_OK;
	}
	if (rc != MDB_NOTFOUND)
		return store_mdb(s, rc, "reading text hashes");
	if (p->has_hash && a->packed && a->packed->shingles) {
		p->shingles = (struct assay_shingles){a->packed->shingles, a->packed->nshingles,
						      a->packed->words};
		p->borrowed = true;
	} else if (p->has_hash && assay_shingles_of(a->text, a->text_len, &p->shingles)) {
		return store_fail(s, ASSAY_ENOMEM, "out of memory");
	}
	if (p->has_hash) {
		rc = store_probe_bands(s, txn, seq, &p->shingles, p->id, sizeof p->id,
				       &p->duplicate);
		if (rc)
			return rc;
	}
	if (!p->duplicate && a->text_len) {
		p->id[0] = 's';
		store_base32(assay_hash64(sha, 64, 0x570), p->id + 1, 10);
	} else if (!p->duplicate) { /* a flash: every empty text has one hash */
		p->id[0] = 's';
		store_base32(assay_hash64(a->url, strlen(a->url), 0x570), p->id + 1, 10);
	}
	if (a->text_len) {
		rc = store_put(txn, s->dbi[T_HASHES], sha, 64, p->id, strlen(p->id), 0);
		if (rc)
			return store_mdb(s, rc, "writing text hashes");
	}
	return ASSAY_OK;
}

static int next_seq(struct assay_store *s, MDB_txn *txn, int64_t *seq)
{
	MDB_val v;
	int64_t n = 0;
	int rc = store_get(txn, s->dbi[T_META], "seq", 3, &v);

	if (rc == 0 && v.mv_size == sizeof n)
		memcpy(&n, v.mv_data, sizeof n);
	else if (rc && rc != MDB_NOTFOUND)
		return store_mdb(s, rc, "reading the article counter");
	*seq = ++n;
	rc = store_put(txn, s->dbi[T_META], "seq", 3, &n, sizeof n, 0);
	return store_mdb(s, rc, "writing the article counter");
}

static int encode_article(const struct assay_article *a, int64_t seq, const char *sha,
			  const struct story_pick *p, struct assay_buf *v)
{
	int rc = rec_put_i64(v, seq);

	rc = rc ? rc : rec_put_str(v, a->fetched_url);
	rc = rc ? rc : rec_put_str(v, a->title);
	rc = rc ? rc : rec_put_str(v, a->site);
	rc = rc ? rc : rec_put_str(v, a->published);
	rc = rc ? rc : rec_put_str(v, a->author);
	rc = rc ? rc : rec_put_str(v, a->language);
	rc = rc ? rc : rec_put_str(v, a->content_type);
	rc = rc ? rc : rec_put_str(v, sha);
	rc = rc ? rc : rec_put_str(v, p->id);
	rc = rc ? rc : rec_put_i64(v, a->fetched_at);
	rc = rc ? rc : rec_put_str(v, a->warc_file);
	rc = rc ? rc : rec_put_i64(v, a->warc_offset);
	rc = rc ? rc : rec_put_i64(v, (int64_t)a->text_len);
	rc = rc ? rc : rec_put_i64(v, (int64_t)a->raw_len);
	rc = rc ? rc : rec_put_i64(v, (int64_t)p->simhash);
	rc = rc ? rc : rec_put_str(v, a->claimed_url); /* NULL: none */
	return rc;
}

/* As store_put() without flags, but nothing is written when the key
 * holds these very bytes already: a reprocess with unchanged rules
 * rewrites every article's record, text and number with what they hold,
 * and each put would copy a page of the table into the one write
 * transaction (heap, new pages in the file) for nothing. */
static int put_changed(MDB_txn *txn, MDB_dbi dbi, const void *k, size_t klen, const void *v,
		       size_t vlen)
{
	MDB_val old;
	bool same;

	if (store_get(txn, dbi, k, klen, &old) == 0 && old.mv_size == vlen) {
		store_in_lmdb++; /* reads the map: a fault there is the store's */
		same = memcmp(old.mv_data, v, vlen) == 0;
		store_in_lmdb--;
		if (same)
			return 0;
	}
	return store_put(txn, dbi, k, klen, v, vlen, 0);
}

/* A page or text, compressed (here, or ahead when @packed is not NULL),
 * under its article number. A new article's number is the highest yet,
 * so it is appended (MDB_APPEND: no search, and pages filled full)
 * instead of written into the middle of the table. */
static int put_compressed(struct assay_store *s, MDB_txn *txn, int table, int64_t seq,
			  const char *p, size_t n, const struct assay_buf *packed, bool append)
{
	struct assay_buf own = {0};
	const struct assay_buf *z = packed ? packed : &own;
	uint64_t key = (uint64_t)seq;
	int rc = packed ? ASSAY_OK : store_pack_deflate(&s->packer, p ? p : "", p ? n : 0, &own);

	if (!rc) {
		rc = append ? store_put(txn, s->dbi[table], &key, sizeof key, z->data, z->len,
					MDB_APPEND)
			    : put_changed(txn, s->dbi[table], &key, sizeof key, z->data, z->len);
		if (rc == MDB_KEYEXIST && append) /* not the last: a revision's number */
			rc = store_put(txn, s->dbi[table], &key, sizeof key, z->data, z->len, 0);
		rc = store_mdb(s, rc, "writing a page");
	}
	assay_buf_release(&own);
	return rc;
}

static int put_records(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
		       int64_t seq, const char *sha, const struct story_pick *p, bool replace)
{
	const struct assay_packed *pk = a->packed;
	struct assay_buf v = {0};
	unsigned char key[8];
	int rc = encode_article(a, seq, sha, p, &v);

	if (rc)
		goto done;
	rc = replace ? put_changed(txn, s->dbi[T_ARTICLES], a->url, strlen(a->url), v.data, v.len)
		     : store_put(txn, s->dbi[T_ARTICLES], a->url, strlen(a->url), v.data, v.len, 0);
	if ((rc = store_mdb(s, rc, "writing an article")))
		goto done;
	if (!replace && (rc = put_compressed(s, txn, T_RAW, seq, a->raw, a->raw_len,
					     pk && pk->has_raw ? &pk->raw_z : NULL, true)))
		goto done;
	if ((rc = put_compressed(s, txn, T_TEXT, seq, a->text, a->text_len,
				 pk ? &pk->text_z : NULL, !replace)))
		goto done;
	rec_be64(key, (uint64_t)seq);
	rc = replace ? put_changed(txn, s->dbi[T_SEQ], key, 8, a->url, strlen(a->url))
		     : store_put(txn, s->dbi[T_SEQ], key, 8, a->url, strlen(a->url), 0);
	rc = store_mdb(s, rc, "writing an article");
done:
	assay_buf_release(&v);
	return rc;
}

/* A page fetched again whose text changed keeps its earlier version as a
 * revision of its own, "URL#rev-SEQ", with its claims, evidences and
 * story: a figure the site changed then stands as two figures of one
 * source (a conflict when they disagree) instead of vanishing. The
 * revision keeps the old article number, under which its page and text
 * stay filed; the new text gets a new one. */
static int keep_revision(struct assay_store *s, MDB_txn *txn, const char *url,
			 const MDB_val *old, int64_t seq)
{
	struct assay_buf copy = {0};
	char rev[512];
	unsigned char key[8];
	int rc;

	snprintf(rev, sizeof rev, "%.480s#rev-%lld", url, (long long)seq);
	/* @old points into the map, which the put below may rewrite: copy first. */
	if (assay_buf_append(&copy, old->mv_data, old->mv_size))
		return store_fail(s, ASSAY_ENOMEM, "out of memory");
	rc = store_put(txn, s->dbi[T_ARTICLES], rev, strlen(rev), copy.data, copy.len, 0);
	assay_buf_release(&copy);
	if (rc)
		return store_mdb(s, rc, "keeping an article's revision");
	rec_be64(key, (uint64_t)seq);
	rc = store_put(txn, s->dbi[T_SEQ], key, 8, rev, strlen(rev), 0);
	return store_mdb(s, rc, "keeping an article's revision");
}

/* A stored URL again: nothing to do when its text is the same; otherwise
 * the stored version is kept as a revision (keep_revision) and the new
 * text is written as the URL's current article. *changed says which. */
static int prepare_update(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
			  const char *sha, const MDB_val *old, bool *changed)
{
	struct assay_stored_article o;

	memset(&o, 0, sizeof o);
	store_decode_article(old, &o);
	*changed = strcmp(sha, o.sha256) != 0;
	if (!*changed)
		return ASSAY_OK;
	return keep_revision(s, txn, a->url, old, o.seq);
}

/* Articles, or what they support, change in this write: readers that
 * keep a copy of the list (assay_store_articles_version) take it again. */
static int bump_articles_version(struct assay_store *s, MDB_txn *txn)
{
	uint64_t n = 0;
	MDB_val v;

	if (store_get(txn, s->dbi[T_META], "artgen", 6, &v) == 0 && v.mv_size == sizeof n)
		memcpy(&n, v.mv_data, sizeof n);
	n++;
	return store_mdb(s, store_put(txn, s->dbi[T_META], "artgen", 6, &n, sizeof n, 0),
			 "writing the articles version");
}

int store_put_article_txn(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
			  int64_t seq, bool replace, struct assay_put_result *res)
{
	struct assay_article unpacked;
	struct story_pick p;
	bool update = false;
	char sha[65];
	MDB_val v;
	int rc;

	memset(res, 0, sizeof *res);
	if (a->packed && !a->packed->ok) { /* packing failed: done here */
		unpacked = *a;
		unpacked.packed = NULL;
		a = &unpacked;
	}
	if (a->packed)
		memcpy(sha, a->packed->sha256, sizeof sha);
	else
		assay_sha256_hex(a->text ? a->text : "", a->text ? a->text_len : 0, sha);
	if (!replace) {
		rc = store_get(txn, s->dbi[T_ARTICLES], a->url, strlen(a->url), &v);
		if (rc == 0 && (rc = prepare_update(s, txn, a, sha, &v, &update)))
			return rc;
		if (rc == 0 && !update)
			return ASSAY_OK;
		if (rc != MDB_NOTFOUND && rc != 0)
			return store_mdb(s, rc, "reading articles");
		if ((rc = next_seq(s, txn, &seq)))
			return rc;
	}
	res->is_new = !replace && !update;
	res->updated = update;
	rc = pick_story(s, txn, a, seq, sha, &p);
	rc = rc ? rc : put_story(s, txn, &p, a->url, seq);
	if (!p.borrowed)
		assay_shingles_release(&p.shingles);
	if (rc || (rc = put_records(s, txn, a, seq, sha, &p, replace)))
		return rc;
	store_article_written(s, txn, seq);
	res->duplicate = p.duplicate;
	snprintf(res->story, sizeof res->story, "%s", p.id);
	if ((rc = bump_articles_version(s, txn)))
		return rc;
	return store_put_claims_txn(s, txn, a, seq, p.id, &res->new_claims);
}

struct put_ctx {
	const struct assay_article *a;
	struct assay_put_result *res;
};

static int put_fn(struct assay_store *s, MDB_txn *txn, void *ctx)
{
	struct put_ctx *pc = ctx;

	return store_put_article_txn(s, txn, pc->a, 0, false, pc->res);
}

int assay_store_put_article(struct assay_store *s, const struct assay_article *a,
			    struct assay_put_result *res)
{
	struct assay_article copy;
	struct assay_buf url = {0};
	struct assay_put_result dummy;
	struct put_ctx pc = {&copy, res ? res : &dummy};
	const char *why;
	int rc;

	if (!a || !a->url)
		return store_fail(s, ASSAY_EINVAL, "an article needs a URL");
	copy = *a;
	if (a->packed && a->packed->ok && a->packed->url) {
		copy.url = copy.packed->url;
		if (a->packed->distrusted)
			copy.claimed_url = a->url;
	} else {
		bool distrusted;

		rc = store_identity(a, &url, &why, &distrusted);
		if (!rc && distrusted)
			copy.claimed_url = a->url;
		if (rc) {
			assay_buf_release(&url);
			return why ? store_fail(s, rc, "%s", why)
				   : store_fail(s, rc, "bad article URL '%s'", a->url);
		}
		copy.url = url.data;
	}
	rc = store_write(s, put_fn, &pc);
	if (rc == ASSAY_OK && pc.res->is_new)
		s->session_new++;
	assay_buf_release(&url);
	return rc;
}

bool assay_store_has_url(struct assay_store *s, const char *canonical_url)
{
	struct assay_buf url = {0};
	MDB_txn *txn;
	MDB_val v;
	bool found = false;

	if (!s || !canonical_url || assay_canonical_url(canonical_url, &url))
		goto done;
	if (url.len > 480)
		url.len = 480, url.data[480] = '\0';
	if (store_read_begin(s, &txn))
		goto done;
	found = store_get(txn, s->dbi[T_ARTICLES], url.data, url.len, &v) == 0;
	store_mdb_abort(txn);
done:
	assay_buf_release(&url);
	return found;
}
