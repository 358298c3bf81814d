/* reprocess.c - rebuilding everything derived from the stored pages.
 *
 * One write transaction: the derived tables (stories, hashes, claims,
 * agreements, evidence, conflicts) are emptied, then every article is
 * handed to the caller's callback in ingest order and written again. A
 * failure or a kill part-way leaves the store as it was. Reviews are not
 * derived: a decision comes back with the claim of the same key and
 * figure, because its id is computed the same way. With an ahead
 * callback, a second cursor walks the same articles a window ahead of
 * the first, so the caller can clean and extract them in parallel. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "internal.h"

struct rp {
	assay_reprocess_fn fn;
	assay_reprocess_ahead_fn ahead; /* or NULL */
	unsigned window;
	void *ctx;
	struct assay_reprocess_result *res;
};

/* The article as it was stored, without claims: what a page that the
 * current rules cannot clean keeps (its story, its text), so a failure
 * never loses an article. */
static int keep_as_stored(struct assay_store *s, MDB_txn *txn,
			  const struct assay_stored_article *m, struct assay_article *a,
			  struct assay_buf *text)
{
	uint64_t key = (uint64_t)m->seq;
	MDB_val v;

	if (store_get(txn, s->dbi[T_TEXT], &key, sizeof key, &v) == 0 &&
	    store_inflate(v.mv_data, v.mv_size, text) != ASSAY_OK)
		assay_buf_reset(text);
	memset(a, 0, sizeof *a);
	a->fetched_url = m->fetched_url[0] ? m->fetched_url : NULL;
	a->title = m->title[0] ? m->title : NULL;
	a->site = m->site[0] ? m->site : NULL;
	a->published = m->published[0] ? m->published : NULL;
	a->author = m->author[0] ? m->author : NULL;
	a->language = m->language[0] ? m->language : NULL;
	a->content_type = m->content_type[0] ? m->content_type : NULL;
	a->text = text->data ? text->data : "";
	a->text_len = text->len;
	a->fetched_at = m->fetched_at;
	a->warc_file = m->warc_file[0] ? m->warc_file : NULL;
	a->warc_offset = m->warc_offset;
	return ASSAY_OK;
}

/* Article @meta's page, compressed (*page raw NULL), and inflated too
 * into @raw unless @zipped_only. A missing or damaged page is empty. */
static void stored_page(struct assay_store *s, MDB_txn *txn,
			const struct assay_stored_article *meta, bool zipped_only,
			struct assay_buf *raw, struct assay_stored_page *page)
{
	uint64_t key = (uint64_t)meta->seq;
	MDB_val v = {0, NULL};

	*page = (struct assay_stored_page){meta, NULL, 0, NULL, 0};
	if (store_get(txn, s->dbi[T_RAW], &key, sizeof key, &v) == 0) {
		page->raw_z = v.mv_data;
		page->raw_z_len = v.mv_size;
	}
	if (zipped_only)
		return;
	if (page->raw_z && store_inflate(page->raw_z, page->raw_z_len, raw) != ASSAY_OK)
		assay_buf_reset(raw);
	page->raw = raw->data ? raw->data : "";
	page->raw_len = raw->len;
}

static int redo_article(struct assay_store *s, MDB_txn *txn, struct rp *rp,
			struct assay_stored_article *meta)
{
	struct assay_buf raw = {0}, old_text = {0};
	struct assay_article a;
	struct assay_put_result pr;
	struct assay_stored_page page;
	int rc;

	stored_page(s, txn, meta, rp->ahead != NULL, &raw, &page);
	memset(&a, 0, sizeof a);
	rc = rp->fn(rp->ctx, &page, &a);
	if (rc == ASSAY_EPARSE) {
		rp->res->failed++;
		rc = keep_as_stored(s, txn, meta, &a, &old_text);
	}
	if (rc)
		goto done;
	a.url = meta->url;
	a.claimed_url = meta->claimed_url[0] ? meta->claimed_url : NULL;
	a.raw_len = meta->raw_len;
	rc = store_put_article_txn(s, txn, &a, meta->seq, true, &pr);
	if (!rc) {
		rp->res->articles++;
		rp->res->claims += a.x ? a.x->nclaims : 0;
		rp->res->agreements += a.x ? a.x->nagreements : 0;
	}
done:
	assay_buf_release(&raw);
	assay_buf_release(&old_text);
	return rc;
}

/* The next article on @c (op MDB_FIRST or MDB_NEXT over T_SEQ) into
 * @meta: 0, MDB_NOTFOUND at the end, or LMDB's error. Entries whose
 * article is missing or whose URL is too long are passed over. */
static int next_meta(struct assay_store *s, MDB_txn *txn, MDB_cursor *c, MDB_cursor_op op,
		     struct assay_stored_article *meta)
{
	MDB_val k, url, v;
	int mrc;

	for (mrc = store_mdb_cursor_get(c, &k, &url, op); mrc == 0;
	     mrc = store_mdb_cursor_get(c, &k, &url, MDB_NEXT)) {
		if (store_get(txn, s->dbi[T_ARTICLES], url.mv_data, url.mv_size, &v))
			continue;
		memset(meta, 0, sizeof *meta);
		store_decode_article(&v, meta);
		if (url.mv_size >= sizeof meta->url)
			continue;
		memcpy(meta->url, url.mv_data, url.mv_size);
		meta->url[url.mv_size] = '\0';
		return 0;
	}
	return mrc;
}

/* Hands rp->ahead the pages on @lead until it is @window pages past the
 * one about to be redone (*given counts those handed so far). */
static void give_ahead(struct assay_store *s, MDB_txn *txn, struct rp *rp, MDB_cursor *lead,
		       size_t redone, size_t *given, bool *end)
{
	while (!*end && *given <= redone + rp->window) {
		struct assay_stored_article meta;
		struct assay_stored_page page;

		if (next_meta(s, txn, lead, *given ? MDB_NEXT : MDB_FIRST, &meta)) {
			*end = true;
			return;
		}
		stored_page(s, txn, &meta, true, NULL, &page);
		rp->ahead(rp->ctx, &page);
		(*given)++;
	}
}

static int reprocess_fn(struct assay_store *s, MDB_txn *txn, void *ctx)
{
	struct rp *rp = ctx;
	struct assay_stored_article meta;
	MDB_cursor *c, *lead = NULL;
	size_t redone = 0, given = 0;
	bool lead_end = false;
	int rc = ASSAY_OK, mrc;

	memset(rp->res, 0, sizeof *rp->res);
	for (int t = T_DERIVED_FIRST; t < T_DERIVED_END; t++) {
		mrc = store_mdb_drop(txn, s->dbi[t], 0);
		if (mrc)
			return store_mdb(s, mrc, "emptying derived tables");
	}
	store_bands_invalidate(s);
	mrc = mdb_cursor_open(txn, s->dbi[T_SEQ], &c);
	if (mrc)
		return store_mdb(s, mrc, "reading articles");
	if (rp->ahead && (mrc = mdb_cursor_open(txn, s->dbi[T_SEQ], &lead)) != 0) {
		mdb_cursor_close(c);
		return store_mdb(s, mrc, "reading articles");
	}
	for (mrc = next_meta(s, txn, c, MDB_FIRST, &meta); mrc == 0 && !rc;
	     mrc = next_meta(s, txn, c, MDB_NEXT, &meta)) {
		if (lead)
			give_ahead(s, txn, rp, lead, redone, &given, &lead_end);
		rc = redo_article(s, txn, rp, &meta);
		redone++;
	}
	if (lead)
		mdb_cursor_close(lead);
	mdb_cursor_close(c);
	return rc;
}

int assay_store_reprocess(struct assay_store *s, assay_reprocess_fn fn, void *ctx,
			  struct assay_reprocess_result *res)
{
	return assay_store_reprocess_ahead(s, fn, NULL, 0, ctx, res);
}

/* Makes the map large enough for the reprocess's one transaction before
 * it begins. The transaction cannot reuse the pages it frees, nor those
 * the commit before it freed (LMDB keeps the last two snapshots), so it
 * takes new pages for every page it writes: up to the size of the store
 * again. Without room, store_write grows the map when it is full and
 * redoes the whole walk, which cost a reprocess twice the work whenever
 * its map filled late in the walk, as it did on every other run. The map
 * is an address range, not disk: the file grows only as pages are used. */
static void reserve_map(struct assay_store *s)
{
	MDB_envinfo info;
	MDB_stat st;
	size_t used, want;

	if (s->flags & ASSAY_STORE_RDONLY || mdb_env_info(s->env, &info) ||
	    mdb_env_stat(s->env, &st))
		return;
	used = (info.me_last_pgno + 1) * (size_t)st.ms_psize;
	want = 2 * used + ((size_t)64 << 20);
	if (want <= info.me_mapsize || mdb_env_set_mapsize(s->env, want))
		return; /* too small still: store_write grows it as before */
	s->mapsize = want;
	store_guard_update(s);
}

int assay_store_reprocess_ahead(struct assay_store *s, assay_reprocess_fn fn,
				assay_reprocess_ahead_fn ahead, unsigned window, void *ctx,
				struct assay_reprocess_result *res)
{
	struct assay_reprocess_result dummy;
	struct rp rp = {fn, ahead, window, ctx, res ? res : &dummy};

	reserve_map(s);
	return store_write(s, reprocess_fn, &rp);
}
