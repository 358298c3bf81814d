/* internal.h - what the store's own files share: the environment handle,
 * the table list and small helpers. Nothing here leaves store/.
 *
 * The tables (LMDB named databases). Keys in <>; "be64" is big-endian:
 *   meta        "schema" -> decimal version; "seq" -> last article number;
 *               "artgen" -> native u64, counts writes of articles;
 *               "last_crawl" -> i64 time + summary
 *   articles    <canonical url> -> article record (rec.h fields, see articles.c)
 *   rawseq      <native u64 article number> -> the page as fetched,
 *               zlib-compressed (schema 3 and before: "raw", by URL)
 *   textseq     <native u64 article number> -> the cleaned text, compressed
 *               (schema 3 and before: "text", by URL)
 *   seq         <be64 article number> -> canonical url (ingest order)
 *   hashes      <sha256 hex of text> -> story id (exact duplicates)
 *   stories     <story id> -> simhash, first url, article count
 *   recent      <native u64 article number> -> <simhash be64, story id> of
 *               each article that began a story: the near-duplicate
 *               index's source (bands.c; schemas 1 to 3 stored the banded
 *               index itself, "bands" and "bands2")
 *   claims      <claim id> -> claim record (key, first figure, interval)
 *   claimkeys   <key hash be64> -> dup: interval + claim id, sorted by the
 *               interval's low end (store_claimkey_value; schema 3: the id alone)
 *   evidence    <claim id, be64 article number, be32 index> -> evidence record
 *   agreements  <agreement id> -> agreement record
 *   agrgroups   <parties hash be64> -> dup: agreement id
 *   agrev       <agreement id, be64 article number, be32 index> -> evidence
 *   artev       <be64 article number, claim or agreement id> -> empty: what
 *               each article supports, for its page and its claim count
 *   conflicts   <'c' or 'a', group hash be64> -> the group summed up
 *               (groups.c): the conflict index
 *   reviews     <claim or agreement id> -> current decision
 *   reviewlog   <id, be64 time, be64 counter> -> one decision, kept forever
 *   kv          <table NUL key> -> value (crawl state)
 *
 * Derived tables (hashes .. conflicts) are rebuilt by reprocess; reviews
 * and kv never are. */
#ifndef ASSAY_STORE_INTERNAL_H
#define ASSAY_STORE_INTERNAL_H

#include <lmdb.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <zlib.h>

#include "buf.h"
#include "store.h"
#include "vocab.h"

#define STORE_SCHEMA 6

/* Near duplicates are looked for among the stories first seen in this many
 * latest articles (wire copies follow within days); exact copies at any age.
 * $ASSAY_NEARDUP_WINDOW overrides it (tests use a small one). */
#define NEARDUP_WINDOW 20000

enum store_table {
	T_META, T_ARTICLES, T_RAW, T_TEXT, T_SEQ, T_HASHES, T_STORIES, T_RECENT,
	T_CLAIMS, T_CLAIMKEYS, T_EVIDENCE, T_AGREEMENTS, T_AGRGROUPS, T_AGREV, T_ARTEV,
	T_CONFLICTS, T_REVIEWS, T_REVIEWLOG, T_KV,
	T_COUNT
};

/* The first derived table and one past the last: the range reprocess drops. */
#define T_DERIVED_FIRST T_HASHES
#define T_DERIVED_END T_REVIEWS

/* pack.c: a compressor's state; in a handle, or one per thread. */
struct assay_packer {
	z_stream *zs; /* made at first use */
};

/* groups.c: the groups a write changed, brought up to date at its commit:
 * summed up again (a full mark), or told of a source's story (a touch). */
struct group_mark {
	unsigned char key[9]; /* 'c' or 'a', group hash be64: conflicts' key */
	unsigned char full;   /* 1: sum the group up again; 0: a touch */
	uint64_t story;       /* a touch's: the hash of the source's story id */
};
struct group_marks {
	struct group_mark *v;
	size_t n, cap;
};

struct assay_store {
	MDB_env *env;
	MDB_dbi dbi[T_COUNT];
	char *dir;
	unsigned flags;
	int denied;         /* EACCES or EROFS: why a store opened for writing
			     * was opened for reading only (env.c); else 0 */
	bool unlocked;      /* read without a reader slot: lock.mdb is not
			     * this user's to write (env.c, store_read_end) */
	bool damaged;       /* a write met a garbled page: no more writes */
	int lock_fd;        /* -1 when the process lock is not held */
	size_t mapsize;
	unsigned psize;     /* LMDB's page size, from the open */
	size_t session_new;  /* articles this handle stored, for the last-crawl record */
	bool last_crawl_set; /* the caller recorded the last crawl itself */
	int64_t neardup_window; /* NEARDUP_WINDOW or $ASSAY_NEARDUP_WINDOW */
	double last_sync;   /* monotonic seconds of the last flush to disk */
	int last_mdb;       /* the last LMDB error, to see MDB_MAP_FULL */
	struct assay_packer packer; /* for articles that come unpacked */
	struct band_cache *bands; /* bands.c's copy of the story index */
	struct group_marks marks; /* groups this write changed */
	uintptr_t map_lo, map_hi; /* where data.mdb is mapped (guard.c); 0 when unknown */
	/* data.mdb as the last write left it (env.c, written_outside_lmdb):
	 * the last committed transaction then, and the file's size and times */
	bool seen;
	size_t seen_txnid;
	long long seen_size;
	struct timespec seen_mtime, seen_ctime;
	char err[512];
};

/* Records @fmt as the last error and returns @code. */
int store_fail(struct assay_store *s, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Maps an LMDB return code to a status, recording the message. */
int store_mdb(struct assay_store *s, int rc, const char *what);

/* Runs @fn in a write transaction, growing the map and retrying when it
 * is full; commits when @fn returns ASSAY_OK, aborts otherwise. */
int store_write(struct assay_store *s, int (*fn)(struct assay_store *s, MDB_txn *txn, void *ctx),
		void *ctx);
int store_read_begin(struct assay_store *s, MDB_txn **txn);
/* Ends the read @txn and returns @rc, unless the store was read without
 * a reader slot and another process's commits may have reused pages of
 * the snapshot meanwhile: then ASSAY_EBUSY, "read it again". */
int store_read_end(struct assay_store *s, MDB_txn *txn, int rc);

/* mdb_put / mdb_get with string keys. */
int store_put(MDB_txn *txn, MDB_dbi dbi, const void *k, size_t klen,
	      const void *v, size_t vlen, unsigned flags);
int store_get(MDB_txn *txn, MDB_dbi dbi, const void *k, size_t klen, MDB_val *v);

/* Compression of pages and texts (zlib; pack.c). */
int store_pack_deflate(struct assay_packer *pk, const void *p, size_t n, struct assay_buf *out);
void store_packer_release(struct assay_packer *pk);
int store_inflate(const void *p, size_t n, struct assay_buf *out);

/* Writes @nchars base32 characters (Crockford, lowercase) of @v and a NUL. */
void store_base32(uint64_t v, char *out, int nchars);

/* bands.c: the near-duplicate index of the recent stories' shingle
 * sketches, held in memory by the handle and filled from the table
 * "recent". */
#define STORY_ID_MAX 23
struct assay_shingles;
/* The story that shares the most of the smaller text with shingles @a,
 * at least NEARDUP_MIN_SHARED, among the stories begun by the
 * NEARDUP_WINDOW articles before article @seq (ties: the lowest story
 * id); *found false when none. */
int store_probe_bands(struct assay_store *s, MDB_txn *txn, int64_t seq,
		      const struct assay_shingles *a, char *story, size_t size, bool *found);
/* Article @seq began story @story, whose text has shingles @sh and SimHash @simhash. */
int store_story_begun(struct assay_store *s, MDB_txn *txn, int64_t seq, uint64_t simhash,
		      const struct assay_shingles *sh, const char *story);
/* The same, the shingles read from the text stored for article @seq. */
int store_story_begun_stored(struct assay_store *s, MDB_txn *txn, int64_t seq, uint64_t simhash,
			     const char *story);
/* Article @seq is written: the story begun a window before it leaves. */
void store_article_written(struct assay_store *s, MDB_txn *txn, int64_t seq);
/* store_write's hooks: a write begins; write @txnid committed. */
void store_bands_begin(struct assay_store *s);
void store_bands_committed(struct assay_store *s, size_t txnid);
/* The table was emptied: the copy is filled again at the next lookup. */
void store_bands_invalidate(struct assay_store *s);
void store_bands_release(struct assay_store *s);
/* articles.c: story assignment and writes of one article. */
struct story_rec {
	uint64_t simhash;
	bool has_hash;
	char first[512];   /* the URL of the story's first article */
	int64_t count;     /* articles in the story */
};
/* The stored record of story @id; false when there is none. */
bool store_get_story(struct assay_store *s, MDB_txn *txn, const char *id, struct story_rec *o);
int store_put_article_txn(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
			  int64_t seq, bool replace, struct assay_put_result *res);
/* claims.c: one article's claims and agreements. */
int store_put_claims_txn(struct assay_store *s, MDB_txn *txn, const struct assay_article *a,
			 int64_t seq, const char *story, size_t *new_claims);
/* claims.c: takes out every evidence article @seq gave, and the claims and
 * agreements left without any (their reviews stay). */
int store_drop_article_claims(struct assay_store *s, MDB_txn *txn, int64_t seq);

/* pack.c: the article's identity, its URL in canonical form (store.h),
 * into @url. On error *why says what failed when it was not the URL's
 * own form. */
int store_identity(const struct assay_article *a, struct assay_buf *url, const char **why,
		   bool *distrusted);

/* guard.c: a fault reading a damaged store becomes a message (see there).
 * _update registers or moves @s's map (after open and every remap);
 * _remove forgets it (before close). */
void store_guard_update(struct assay_store *s);
/* Above 0 while this thread is inside an LMDB call (store_put, store_get
 * and the readers below): a fault then, even in libc, is the store's. */
extern _Thread_local int store_in_lmdb;

/* LMDB's calls, counted in store_in_lmdb: in a write transaction LMDB
 * copies and moves a garbled page's nodes with memcpy and memmove (libc's
 * code, not LMDB's), and a fault there is the store's damage too. Every
 * call into LMDB that reads or writes pages goes through these. */
#define STORE_IN_LMDB(call)                                                                  \
	do {                                                                                 \
		store_in_lmdb++;                                                             \
		rc = (call);                                                                 \
		store_in_lmdb--;                                                             \
	} while (0)
static inline int store_mdb_commit(MDB_txn *txn)
{
	int rc;

	STORE_IN_LMDB(mdb_txn_commit(txn));
	return rc;
}
static inline void store_mdb_abort(MDB_txn *txn)
{
	store_in_lmdb++;
	mdb_txn_abort(txn);
	store_in_lmdb--;
}
static inline int store_mdb_get(MDB_txn *txn, MDB_dbi dbi, MDB_val *k, MDB_val *v)
{
	int rc;

	STORE_IN_LMDB(mdb_get(txn, dbi, k, v));
	return rc;
}
static inline int store_mdb_put(MDB_txn *txn, MDB_dbi dbi, MDB_val *k, MDB_val *v, unsigned f)
{
	int rc;

	STORE_IN_LMDB(mdb_put(txn, dbi, k, v, f));
	return rc;
}
static inline int store_mdb_del(MDB_txn *txn, MDB_dbi dbi, MDB_val *k, MDB_val *v)
{
	int rc;

	STORE_IN_LMDB(mdb_del(txn, dbi, k, v));
	return rc;
}
static inline int store_mdb_drop(MDB_txn *txn, MDB_dbi dbi, int del)
{
	int rc;

	STORE_IN_LMDB(mdb_drop(txn, dbi, del));
	return rc;
}
static inline int store_mdb_cursor_get(MDB_cursor *c, MDB_val *k, MDB_val *v, MDB_cursor_op op)
{
	int rc;

	STORE_IN_LMDB(mdb_cursor_get(c, k, v, op));
	return rc;
}
static inline int store_mdb_cursor_put(MDB_cursor *c, MDB_val *k, MDB_val *v, unsigned f)
{
	int rc;

	STORE_IN_LMDB(mdb_cursor_put(c, k, v, f));
	return rc;
}
static inline int store_mdb_cursor_del(MDB_cursor *c, unsigned f)
{
	int rc;

	STORE_IN_LMDB(mdb_cursor_del(c, f));
	return rc;
}
static inline int store_mdb_cursor_count(MDB_cursor *c, size_t *n)
{
	int rc;

	STORE_IN_LMDB(mdb_cursor_count(c, n));
	return rc;
}
void store_guard_remove(struct assay_store *s);
/* Runs @fn; a fault reading the store inside it returns ASSAY_EDAMAGED
 * instead of ending the process. @fn must only read, and must leave what
 * it opened (transaction, cursor) where the caller can release it. */
int store_guarded(struct assay_store *s, int (*fn)(struct assay_store *s, void *arg), void *arg);

/* Reads in a read transaction, as mdb_cursor_get and mdb_get, that also
 * check what LMDB hands back lies in the map: a garbled node can point
 * anywhere, and reading there would crash. MDB_CORRUPTED when it does not.
 * (A write transaction's own pages are outside the map: not for those.) */
int store_cursor_read(struct assay_store *s, MDB_cursor *c, MDB_val *k, MDB_val *v,
		      MDB_cursor_op op);
int store_read(struct assay_store *s, MDB_txn *txn, MDB_dbi dbi, const void *k, size_t klen,
	       MDB_val *v);

/* state.c: records the last crawl at close when the caller did not. */
void store_note_session(struct assay_store *s);
/* query.c: an id as typed (any case, O for 0, I and L for 1) as stored. */
void store_normalize_id(const char *in, char *out, size_t size);
/* query.c: the article record's fields. */
int store_decode_article(const MDB_val *v, struct assay_stored_article *o);

/* groups.c: the conflict index. A group's summary: what a listing
 * filters and counts by, so that it reads only the groups it shows. */
struct group_summary {
	bool agr;
	uint32_t members;  /* readable claims or agreements */
	uint32_t stories;  /* distinct stories among every member's sources */
	uint32_t states[ASSAY_REVIEW_STATES]; /* members per review state */
	char subject[48], metric[32], commodity[32]; /* claims: the key's;
				 * agreements: the first member's topic in commodity */
	char parties[ASSAY_MAX_PARTIES][48]; /* agreements: the first member's */
	int nparties;
};

/* Sums up group @gk (claims, or agreements when @agr) as @txn sees it;
 * @checked: @txn is a read transaction, read with the checked readers. */
int store_group_summarize(struct assay_store *s, MDB_txn *txn, bool checked, bool agr,
			  const unsigned char gk[8], struct group_summary *gs);
/* The summary in a conflicts value; false when the value holds none
 * (written before the index, or damaged): sum the group up instead. */
bool store_group_summary_decode(const MDB_val *v, bool agr, struct group_summary *gs);
/* Editors kept one member (accepted or corrected it) and rejected the rest. */
bool store_group_resolved(const struct group_summary *gs);
/* A write changed group @group of @kind ('c' or 'a'): a member came or
 * went, a decision, a source taken out. Summed up again at commit. */
int store_group_mark(struct assay_store *s, char kind, uint64_t group);
/* A write gave a member of group @group a source of story @story, or
 * added a member without a decision: nothing else changed. At commit the
 * group's summary is brought up to date from what it holds (its stories'
 * hashes) without reading the group's sources again. A group that is no
 * conflict is passed over. */
int store_group_touch(struct assay_store *s, MDB_txn *txn, char kind, uint64_t group,
		      const char *story);
/* store_write's hooks: before a write (forget marks of one that failed),
 * before its commit (sum every marked conflict group up again), at close. */
void store_group_marks_clear(struct assay_store *s);
int store_group_marks_flush(struct assay_store *s, MDB_txn *txn);
void store_group_marks_release(struct assay_store *s);
/* Sums up every conflict group again (the schema 5 migration). */
int store_groups_resum_all(struct assay_store *s, MDB_txn *txn);

/* The distinct story ids behind a group. Made unique (sorted) whenever
 * the array fills, so it holds about twice the distinct ids, however many
 * copies of one story the group has. */
struct story_set {
	char (*v)[24];
	size_t n, cap;
};
int store_story_set_add(struct story_set *ss, const char *story);
void store_story_set_unique(struct story_set *ss);
/* Adds the story of every evidence of claim (@agr: agreement) @id to @ss
 * (groups.c); @checked reads through store_cursor_read(). ASSAY_OK, or
 * the store's error. */
int store_add_stories(struct assay_store *s, MDB_txn *txn, bool checked, bool agr,
		      const MDB_val *id, struct story_set *ss);

#endif
