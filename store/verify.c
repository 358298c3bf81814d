/* verify.c - `assay verify`: walk every table of a store, read-only, and
 * say what does not hold.
 *
 * Per table: LMDB hands back every record (a damaged page is a problem,
 * not a crash: each table's walk runs under store_guarded), keys come in
 * the table's order, records decode, and the references between tables
 * hold: an article's number files its URL, page and text; evidence names
 * a claim and an article that exist; an index entry names a record that
 * exists. Nothing is written. A walk stops after more records than the
 * file could hold, so a garbled page that loops cannot hang it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "assay.h"
#include "claims_int.h"

struct vwalk {
	struct assay_verify_report *r;
	struct assay_verify_table *t;
	int table;
	assay_problem_fn fn;
	void *ctx;
	MDB_txn *txn;     /* open during a walk; released by the caller after a fault */
	MDB_cursor *c;
	struct assay_buf buf; /* inflated blobs */
	uint64_t limit;   /* records the file could hold at most */
};

static void problem(struct vwalk *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct vwalk *w, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	w->t->problems++;
	w->r->problems++;
	if (w->fn)
		w->fn(w->ctx, w->t->name, msg);
}

/* A key or id for a message: printable bytes as they are, others as \xHH. */
static const char *shown(const MDB_val *v, char *out, size_t size)
{
	const unsigned char *p = v->mv_data;
	size_t o = 0;

	for (size_t i = 0; i < v->mv_size && o + 5 < size; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f)
			out[o++] = (char)p[i];
		else
			o += (size_t)snprintf(out + o, size - o, "\\x%02x", p[i]);
	}
	out[o] = '\0';
	return out;
}

static bool has(struct assay_store *s, MDB_txn *txn, int table, const void *k, size_t n)
{
	MDB_val v;

	return store_read(s, txn, s->dbi[table], k, n, &v) == MDB_SUCCESS;
}

/* The compressed blob under article number @seq in @table inflates. */
static void check_blob(struct assay_store *s, struct vwalk *w, const MDB_val *k,
		       const MDB_val *v)
{
	char key[64];

	if (k->mv_size != 8) {
		problem(w, "key '%s' is not an article number", shown(k, key, sizeof key));
		return;
	}
	assay_buf_reset(&w->buf);
	if (store_inflate(v->mv_data, v->mv_size, &w->buf) != ASSAY_OK) {
		uint64_t seq;

		memcpy(&seq, k->mv_data, 8);
		problem(w, "article %llu: the stored %s does not decompress",
			(unsigned long long)seq, w->table == T_RAW ? "page" : "text");
		return;
	}
	{
		uint64_t seq;
		unsigned char be[8];

		memcpy(&seq, k->mv_data, 8);
		rec_be64(be, seq);
		if (!has(s, w->txn, T_SEQ, be, 8))
			problem(w, "article %llu: no article has this number",
				(unsigned long long)seq);
	}
}

static void check_article(struct assay_store *s, struct vwalk *w, const MDB_val *k,
			  const MDB_val *v)
{
	struct rec_r r;
	char url[512], key[600];
	unsigned char be[8];
	uint64_t seq;
	MDB_val sv;

	rec_init(&r, v->mv_data, v->mv_size);
	seq = (uint64_t)rec_get_i64(&r);
	rec_get_str(&r, url, sizeof url); /* fetched url */
	rec_get_str(&r, url, sizeof url); /* title */
	if (r.bad || (int64_t)seq <= 0) {
		problem(w, "'%s': the record does not decode", shown(k, key, sizeof key));
		return;
	}
	rec_be64(be, seq);
	if (store_read(s, w->txn, s->dbi[T_SEQ], be, 8, &sv) != MDB_SUCCESS)
		problem(w, "'%s': its number %llu is not in the seq table",
			shown(k, key, sizeof key), (unsigned long long)seq);
	else if (sv.mv_size != k->mv_size || memcmp(sv.mv_data, k->mv_data, k->mv_size))
		problem(w, "'%s': its number %llu files another URL", shown(k, key, sizeof key),
			(unsigned long long)seq);
	if (!has(s, w->txn, T_TEXT, &seq, sizeof seq))
		problem(w, "'%s': its text (number %llu) is missing", shown(k, key, sizeof key),
			(unsigned long long)seq);
	else {
		struct assay_stored_article a;

		memset(&a, 0, sizeof a);
		store_decode_article(v, &a);
		if (a.story[0] && !has(s, w->txn, T_STORIES, a.story, strlen(a.story)))
			problem(w, "'%s': its story '%s' is missing", shown(k, key, sizeof key),
				a.story);
	}
}

static void check_seq(struct assay_store *s, struct vwalk *w, const MDB_val *k, const MDB_val *v)
{
	char key[600];

	if (k->mv_size != 8)
		problem(w, "key '%s' is not an article number", shown(k, key, sizeof key));
	else if (store_read(s, w->txn, s->dbi[T_ARTICLES], v->mv_data, v->mv_size, &(MDB_val){0}) != MDB_SUCCESS)
		problem(w, "article %llu: its URL '%s' has no article",
			(unsigned long long)rec_from_be64(k->mv_data), shown(v, key, sizeof key));
}

/* evidence and agrev: <id, be64 article number, be32 index>. */
static void check_evidence(struct assay_store *s, struct vwalk *w, const MDB_val *k,
			   int owner)
{
	char key[100];
	const unsigned char *p = k->mv_data;
	MDB_val id = {k->mv_size >= 12 ? k->mv_size - 12 : 0, k->mv_data};

	if (k->mv_size <= 12) {
		problem(w, "key '%s' is malformed", shown(k, key, sizeof key));
		return;
	}
	if (store_read(s, w->txn, s->dbi[owner], id.mv_data, id.mv_size, &(MDB_val){0}) != MDB_SUCCESS)
		problem(w, "'%s': no %s has this id", shown(&id, key, sizeof key),
			owner == T_CLAIMS ? "claim" : "agreement");
	if (!has(s, w->txn, T_SEQ, p + id.mv_size, 8))
		problem(w, "'%s': its article %llu is missing", shown(&id, key, sizeof key),
			(unsigned long long)rec_from_be64(p + id.mv_size));
}

static void check_claim(struct assay_store *s, struct vwalk *w, const MDB_val *k,
			const MDB_val *v)
{
	struct assay_stored_claim o;
	char key[100];
	MDB_cursor *c;
	MDB_val ek = *k, ev;

	if (store_claim_decode(v, &o) != ASSAY_OK) {
		problem(w, "'%s': the record does not decode", shown(k, key, sizeof key));
		return;
	}
	if (mdb_cursor_open(w->txn, s->dbi[T_EVIDENCE], &c))
		return;
	if (store_cursor_read(s, c, &ek, &ev, MDB_SET_RANGE) != MDB_SUCCESS ||
	    ek.mv_size < k->mv_size || memcmp(ek.mv_data, k->mv_data, k->mv_size))
		problem(w, "'%s': no evidence", shown(k, key, sizeof key));
	mdb_cursor_close(c);
}

static void check_record(struct assay_store *s, struct vwalk *w, const MDB_val *k,
			 const MDB_val *v)
{
	char key[100];

	switch (w->table) {
	case T_ARTICLES: check_article(s, w, k, v); break;
	case T_RAW:
	case T_TEXT: check_blob(s, w, k, v); break;
	case T_SEQ: check_seq(s, w, k, v); break;
	case T_HASHES:
	case T_AGRGROUPS:
		if (store_read(s, w->txn, s->dbi[w->table == T_HASHES ? T_STORIES : T_AGREEMENTS],
			       v->mv_data, v->mv_size, &(MDB_val){0}) != MDB_SUCCESS)
			problem(w, "'%s' names a %s that is missing", shown(v, key, sizeof key),
				w->table == T_HASHES ? "story" : "agreement");
		break;
	case T_CLAIMS: check_claim(s, w, k, v); break;
	case T_CLAIMKEYS: {
		struct interval iv;
		MDB_val id;

		if (!store_claimkey_parse(v, &iv, &id))
			problem(w, "an index entry is malformed");
		else if (store_read(s, w->txn, s->dbi[T_CLAIMS], id.mv_data, id.mv_size, &(MDB_val){0}) != MDB_SUCCESS)
			problem(w, "claim '%s' is indexed but missing", shown(&id, key, sizeof key));
		break;
	}
	case T_EVIDENCE: check_evidence(s, w, k, T_CLAIMS); break;
	case T_AGREEMENTS: {
		struct assay_stored_agreement o;

		if (store_agreement_decode(v, &o) != ASSAY_OK)
			problem(w, "'%s': the record does not decode", shown(k, key, sizeof key));
		break;
	}
	case T_AGREV: check_evidence(s, w, k, T_AGREEMENTS); break;
	default: break; /* counted; nothing refers out of them */
	}
}

static int walk(struct assay_store *s, void *arg)
{
	struct vwalk *w = arg;
	MDB_val k, v, pk = {0}, pv = {0};
	unsigned flags = 0;
	int rc;

	rc = store_read_begin(s, &w->txn);
	if (rc)
		return rc;
	mdb_dbi_flags(w->txn, s->dbi[w->table], &flags);
	rc = mdb_cursor_open(w->txn, s->dbi[w->table], &w->c);
	if (rc)
		return store_mdb(s, rc, "opening a table");
	for (rc = store_cursor_read(s, w->c, &k, &v, MDB_FIRST); rc == MDB_SUCCESS;
	     rc = store_cursor_read(s, w->c, &k, &v, MDB_NEXT)) {
		if (++w->t->records > w->limit) {
			problem(w, "more records than the file can hold: its pages loop");
			return ASSAY_OK;
		}
		if (pk.mv_data) {
			int order = mdb_cmp(w->txn, s->dbi[w->table], &pk, &k);

			if (order == 0 && (flags & MDB_DUPSORT))
				order = mdb_dcmp(w->txn, s->dbi[w->table], &pv, &v);
			if (order >= 0)
				problem(w, "record %llu is out of order",
					(unsigned long long)w->t->records);
		}
		check_record(s, w, &k, &v);
		pk = k;
		pv = v;
	}
	if (rc != MDB_NOTFOUND)
		problem(w, "reading stopped after %llu records: %s",
			(unsigned long long)w->t->records, mdb_strerror(rc));
	return ASSAY_OK;
}

static const char *const names[T_COUNT] = {
	[T_META] = "meta", [T_ARTICLES] = "articles", [T_RAW] = "rawseq",
	[T_TEXT] = "textseq", [T_SEQ] = "seq", [T_HASHES] = "hashes",
	[T_STORIES] = "stories", [T_RECENT] = "recent", [T_CLAIMS] = "claims",
	[T_CLAIMKEYS] = "claimkeys", [T_EVIDENCE] = "evidence",
	[T_AGREEMENTS] = "agreements", [T_AGRGROUPS] = "agrgroups", [T_AGREV] = "agrev", [T_ARTEV] = "artev",
	[T_CONFLICTS] = "conflicts", [T_REVIEWS] = "reviews", [T_REVIEWLOG] = "reviewlog",
	[T_KV] = "kv",
};

int assay_store_verify(struct assay_store *s, struct assay_verify_report *r,
		       assay_problem_fn fn, void *ctx)
{
	struct vwalk w = {.r = r, .fn = fn, .ctx = ctx};
	MDB_envinfo info;
	MDB_stat ms;

	memset(r, 0, sizeof *r);
	if (mdb_env_info(s->env, &info) || mdb_env_stat(s->env, &ms))
		return store_fail(s, ASSAY_EIO, "cannot read the store's header");
	w.limit = ((uint64_t)info.me_last_pgno + 1) * ms.ms_psize / 8 + 16;
	r->pages = (uint64_t)info.me_last_pgno + 1;
	for (int t = 0; t < T_COUNT; t++) {
		int rc;

		w.table = t;
		w.t = &r->tables[r->ntables++];
		w.t->name = names[t];
		rc = store_guarded(s, walk, &w);
		if (rc == ASSAY_EDAMAGED)
			problem(&w, "a page does not read (after %llu records): the file is "
				    "garbled there", (unsigned long long)w.t->records);
		else if (rc)
			problem(&w, "%s", assay_store_errmsg(s));
		if (w.c)
			mdb_cursor_close(w.c);
		if (w.txn && store_read_end(s, w.txn, ASSAY_OK) == ASSAY_EBUSY)
			problem(&w, "%s", assay_store_errmsg(s));
		w.c = NULL;
		w.txn = NULL;
	}
	assay_buf_release(&w.buf);
	return ASSAY_OK;
}
