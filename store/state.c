/* state.c - small records between runs (crawl state by table and key), the
 * last crawl's summary, and the store's counts for `assay stats`.
 *
 * Counts come from LMDB's own per-table entry counts, so stats costs the
 * same for ten articles or a million; only review states are counted by
 * walking the (small) table of editors' decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "assay.h"
#include "internal.h"
#include "rec.h"

static int kv_key(const char *table, const char *key, struct assay_buf *k)
{
	int rc = assay_buf_puts(k, table);

	if (!rc)
		rc = assay_buf_putc(k, '\0');
	if (!rc)
		rc = assay_buf_puts(k, key);
	return rc;
}

int assay_store_kv_get(struct assay_store *s, const char *table, const char *key,
		       struct assay_buf *val)
{
	struct assay_buf k = {0};
	MDB_txn *txn = NULL;
	MDB_val v;
	int rc;

	rc = kv_key(table, key, &k);
	if (rc)
		goto done;
	rc = store_read_begin(s, &txn);
	if (rc)
		goto done;
	rc = store_get(txn, s->dbi[T_KV], k.data, k.len, &v);
	if (rc == MDB_NOTFOUND)
		rc = ASSAY_ENOTFOUND;
	else if (rc)
		rc = store_mdb(s, rc, "reading crawl state");
	else
		rc = assay_buf_append(val, v.mv_data, v.mv_size);
done:
	if (txn)
		store_mdb_abort(txn);
	assay_buf_release(&k);
	return rc;
}

struct kv_op {
	const struct assay_buf *key;
	const void *val;
	size_t len;
	bool del;
};

static int kv_write(struct assay_store *s, MDB_txn *txn, void *ctx)
{
	struct kv_op *op = ctx;
	MDB_val k = {op->key->len, op->key->data}, v = {op->len, (void *)op->val};
	int rc;

	if (op->del) {
		rc = store_mdb_del(txn, s->dbi[T_KV], &k, NULL);
		if (rc == MDB_NOTFOUND)
			return ASSAY_OK;
	} else {
		rc = store_mdb_put(txn, s->dbi[T_KV], &k, &v, 0);
	}
	return store_mdb(s, rc, "writing crawl state");
}

static int kv_apply(struct assay_store *s, const char *table, const char *key,
		    const void *val, size_t len, bool del)
{
	struct assay_buf k = {0};
	struct kv_op op = {&k, val, len, del};
	int rc;

	if (!table || !key || strlen(table) + strlen(key) + 1 > 500)
		return store_fail(s, ASSAY_EINVAL, "crawl state: key too long");
	rc = kv_key(table, key, &k);
	if (!rc)
		rc = store_write(s, kv_write, &op);
	assay_buf_release(&k);
	return rc;
}

int assay_store_kv_put(struct assay_store *s, const char *table, const char *key,
		       const void *val, size_t len)
{
	return kv_apply(s, table, key, val ? val : "", val ? len : 0, false);
}

int assay_store_kv_del(struct assay_store *s, const char *table, const char *key)
{
	return kv_apply(s, table, key, NULL, 0, true);
}

int assay_store_set_last_crawl(struct assay_store *s, int64_t when, const char *summary)
{
	struct assay_buf v = {0};
	int rc = rec_put_i64(&v, when);

	if (!rc)
		rc = rec_put_str(&v, summary ? summary : "");
	if (!rc)
		rc = kv_apply(s, "meta", "last_crawl", v.data, v.len, false);
	if (!rc)
		s->last_crawl_set = true;
	assay_buf_release(&v);
	return rc;
}

static uint64_t entries(MDB_txn *txn, MDB_dbi dbi)
{
	MDB_stat st;

	return mdb_stat(txn, dbi, &st) == MDB_SUCCESS ? st.ms_entries : 0;
}

/* Decisions whose claim or agreement still exists, by state. */
static void count_reviews(struct assay_store *s, MDB_txn *txn, struct assay_store_stats *o)
{
	uint64_t *count[ASSAY_REVIEW_STATES] = {
		[ASSAY_REVIEW_ACCEPTED] = &o->accepted, [ASSAY_REVIEW_REJECTED] = &o->rejected,
		[ASSAY_REVIEW_CORRECTED] = &o->corrected, /* pending: the rest, counted apart */
	};
	MDB_cursor *c;
	MDB_val k, v, tmp;

	if (mdb_cursor_open(txn, s->dbi[T_REVIEWS], &c))
		return;
	for (int op = MDB_FIRST; store_mdb_cursor_get(c, &k, &v, op) == 0; op = MDB_NEXT) {
		enum assay_review_state st;
		struct rec_r r;
		char state[16];

		if (store_mdb_get(txn, s->dbi[T_CLAIMS], &k, &tmp) &&
		    store_mdb_get(txn, s->dbi[T_AGREEMENTS], &k, &tmp))
			continue;
		rec_init(&r, v.mv_data, v.mv_size);
		rec_get_str(&r, state, sizeof state);
		if (assay_review_state_parse(state, &st) && count[st])
			(*count[st])++;
	}
	mdb_cursor_close(c);
}

static void read_last_crawl(struct assay_store *s, MDB_txn *txn, struct assay_store_stats *o)
{
	static const char key[] = "meta\0last_crawl";
	MDB_val v;
	struct rec_r r;

	if (store_get(txn, s->dbi[T_KV], key, sizeof key - 1, &v))
		return;
	rec_init(&r, v.mv_data, v.mv_size);
	o->last_crawl = rec_get_i64(&r);
	rec_get_str(&r, o->last_crawl_summary, sizeof o->last_crawl_summary);
}

int assay_store_stats(struct assay_store *s, struct assay_store_stats *o)
{
	char path[4096];
	struct stat st;
	MDB_txn *txn;
	uint64_t decided;
	int rc;

	memset(o, 0, sizeof *o);
	rc = store_read_begin(s, &txn);
	if (rc)
		return rc;
	o->articles = entries(txn, s->dbi[T_ARTICLES]);
	o->stories = entries(txn, s->dbi[T_STORIES]);
	o->claims = entries(txn, s->dbi[T_CLAIMS]);
	o->evidences = entries(txn, s->dbi[T_EVIDENCE]);
	o->agreements = entries(txn, s->dbi[T_AGREEMENTS]);
	o->conflicts = entries(txn, s->dbi[T_CONFLICTS]);
	count_reviews(s, txn, o);
	read_last_crawl(s, txn, o);
	rc = store_read_end(s, txn, ASSAY_OK);
	if (rc)
		return rc;
	decided = o->accepted + o->rejected + o->corrected;
	o->pending = o->claims + o->agreements > decided ? o->claims + o->agreements - decided : 0;
	snprintf(path, sizeof path, "%s/data.mdb", s->dir);
	if (stat(path, &st) == 0)
		o->bytes = (uint64_t)st.st_size;
	snprintf(path, sizeof path, "%s/lock.mdb", s->dir);
	if (stat(path, &st) == 0)
		o->bytes += (uint64_t)st.st_size;
	return ASSAY_OK;
}

/* At close: a handle that stored articles and did not record the crawl
 * records "N new articles" now, so `assay stats` always knows the last run. */
void store_note_session(struct assay_store *s)
{
	char summary[64];

	if (!s->session_new || s->last_crawl_set || (s->flags & ASSAY_STORE_RDONLY))
		return;
	snprintf(summary, sizeof summary, "%zu new articles", s->session_new);
	assay_store_set_last_crawl(s, (int64_t)time(NULL), summary);
}
