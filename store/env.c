/* env.c - the LMDB environment: open and create, schema version, map
 * growth, write transactions with retry, the process lock and crawl state.
 *
 * The map starts small and doubles whenever a write finds it full: the
 * transaction is aborted, the map grown and the whole write run again, so
 * a caller never sees MDB_MAP_FULL.
 *
 * Durability: a commit is in the operating system's hands at once, so a
 * killed process (even by SIGKILL) loses nothing committed. Flushing to
 * the disk is batched: at most every SYNC_EVERY seconds of writing and
 * at close (MDB_NOSYNC with our own mdb_env_sync), because one fsync per
 * article made ingest disk-bound (150 articles/s here, against ~1,500).
 * A power failure may lose the last second of writes; LMDB's write order
 * keeps the store itself consistent. ASSAY_STORE_SYNC=1 syncs every
 * commit.
 *
 * A store this user may read but not write (another user's, a read-only
 * mount) opens for reading only: reads work, writes and the process lock
 * are refused saying why (open_lmdb_as_allowed, write_refused). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "assay.h"
#include "claims_int.h"
#include "internal.h"
#include "rec.h"

#define MAP_INITIAL ((size_t)64 << 20)
#define MAP_GROW_TRIES 12
#define SYNC_EVERY 1.0

static const struct {
	const char *name;
	unsigned flags;
} tables[T_COUNT] = {
	[T_META] = {"meta", 0},
	[T_ARTICLES] = {"articles", 0},
	[T_RAW] = {"rawseq", MDB_INTEGERKEY},
	[T_TEXT] = {"textseq", MDB_INTEGERKEY},
	[T_SEQ] = {"seq", 0},
	[T_HASHES] = {"hashes", 0},
	[T_STORIES] = {"stories", 0},
	[T_RECENT] = {"recent", MDB_INTEGERKEY},
	[T_CLAIMS] = {"claims", 0},
	[T_CLAIMKEYS] = {"claimkeys", MDB_DUPSORT},
	[T_EVIDENCE] = {"evidence", 0},
	[T_AGREEMENTS] = {"agreements", 0},
	[T_AGRGROUPS] = {"agrgroups", MDB_DUPSORT},
	[T_AGREV] = {"agrev", 0},
	[T_ARTEV] = {"artev", 0},
	[T_CONFLICTS] = {"conflicts", 0},
	[T_REVIEWS] = {"reviews", 0},
	[T_REVIEWLOG] = {"reviewlog", 0},
	[T_KV] = {"kv", 0},
};

int store_fail(struct assay_store *s, int code, const char *fmt, ...)
{
	va_list ap;

	if (!s)
		return code;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return code;
}

int store_mdb(struct assay_store *s, int rc, const char *what)
{
	int code;

	if (rc == MDB_SUCCESS)
		return ASSAY_OK;
	s->last_mdb = rc;
	switch (rc) {
	case MDB_NOTFOUND: code = ASSAY_ENOTFOUND; break;
	case MDB_MAP_FULL: code = ASSAY_EFULL; break;
	case MDB_KEYEXIST: code = ASSAY_EEXIST; break;
	case MDB_VERSION_MISMATCH: code = ASSAY_ESCHEMA; break;
	case MDB_INVALID:
	case MDB_CORRUPTED:
	case MDB_PAGE_NOTFOUND:
	/* LMDB's "internal errors": what a garbled page makes it say */
	case MDB_PAGE_FULL:
	case MDB_CURSOR_FULL:
	case MDB_INCOMPATIBLE:
	/* a transaction an earlier step of it left unusable: after a garbled
	 * page was met and passed over; stopping is the safe side */
	case MDB_BAD_TXN:
		return store_fail(s, ASSAY_EDAMAGED,
				  "%s: the store '%s' is damaged (%s); nothing was changed. Run "
				  "'assay --db %s verify' to see what still reads, and restore "
				  "data.mdb from a backup", what, s->dir, mdb_strerror(rc), s->dir);
	case ENOMEM: code = ASSAY_ENOMEM; break;
	case ENOSPC:
	case EFBIG: code = ASSAY_EFULL; break;
	case EACCES:
	case EROFS: code = ASSAY_EDENIED; break;
	default: code = ASSAY_EIO; break;
	}
	return store_fail(s, code, "%s: %s", what, mdb_strerror(rc));
}

/* Why the last assay_store_open() failed: it hands back no handle then. */
static char open_error[512];

bool assay_store_damaged(const struct assay_store *s)
{
	return s && s->damaged;
}

const char *assay_store_errmsg(const struct assay_store *s)
{
	if (!s)
		return open_error[0] ? open_error : "no store";
	return s->err[0] ? s->err : "no error";
}

int store_put(MDB_txn *txn, MDB_dbi dbi, const void *k, size_t klen,
	      const void *v, size_t vlen, unsigned flags)
{
	MDB_val key = {klen, (void *)k}, val = {vlen, (void *)v};

	return store_mdb_put(txn, dbi, &key, &val, flags);
}

int store_get(MDB_txn *txn, MDB_dbi dbi, const void *k, size_t klen, MDB_val *v)
{
	MDB_val key = {klen, (void *)k};

	return store_mdb_get(txn, dbi, &key, v);
}

void store_base32(uint64_t v, char *out, int nchars)
{
	static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";

	for (int i = 0; i < nchars; i++, v >>= 5)
		out[i] = digits[v & 31];
	out[nchars] = '\0';
}

int store_inflate(const void *p, size_t n, struct assay_buf *out)
{
	uint64_t len;
	uLongf got;
	int rc;

	if (n < sizeof len)
		return ASSAY_EPARSE;
	memcpy(&len, p, sizeof len);
	if (len > ((uint64_t)1 << 32))
		return ASSAY_EPARSE;
	rc = assay_buf_reserve(out, (size_t)len + 1);
	if (rc)
		return rc;
	got = (uLongf)len;
	if (uncompress((Bytef *)out->data + out->len, &got, (const Bytef *)p + sizeof len,
		       (uLong)(n - sizeof len)) != Z_OK || got != len)
		return ASSAY_EPARSE;
	out->len += got;
	out->data[out->len] = '\0';
	return ASSAY_OK;
}

int assay_store_unpack(const void *z, size_t n, struct assay_buf *out)
{
	return store_inflate(z, n, out);
}

static double monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void maybe_sync(struct assay_store *s)
{
	double t = monotonic();

	if (t - s->last_sync >= SYNC_EVERY) {
		mdb_env_sync(s->env, 1);
		s->last_sync = t;
	}
}

static int grow_map(struct assay_store *s)
{
	MDB_envinfo info;
	size_t want;
	int rc;

	mdb_env_info(s->env, &info);
	want = info.me_mapsize * 2;
	rc = mdb_env_set_mapsize(s->env, want);
	if (rc)
		return store_mdb(s, rc, "growing the store");
	s->mapsize = want;
	store_guard_update(s);
	return ASSAY_OK;
}

static int refuse_short_file(struct assay_store *s, const char *what);

/* Why a write cannot be done: the store was opened for reading only. */
static int write_refused(struct assay_store *s)
{
	if (s->denied == EROFS)
		return store_fail(s, ASSAY_EDENIED,
				  "cannot write to store '%s': it lies on a read-only file system, "
				  "so it was opened for reading only; mount it writable, or copy it "
				  "elsewhere with 'mdb_copy' and write there", s->dir);
	if (s->denied)
		return store_fail(s, ASSAY_EDENIED,
				  "cannot write to store '%s': this user may not write its files "
				  "(%s), so it was opened for reading only; run this as the user "
				  "who owns the store, or make its folder and files writable",
				  s->dir, strerror(s->denied));
	return store_fail(s, ASSAY_EDENIED, "the store is open read-only");
}

/* The file as transaction @id left it: after this handle's commit of it,
 * or at open (@id read before the file's times: a commit by another
 * process in between moves the id past it, and is taken as it is). */
static void note_file(struct assay_store *s, size_t id)
{
	mdb_filehandle_t fd;
	struct stat st;

	s->seen = false;
	if (mdb_env_get_fd(s->env, &fd) || fstat(fd, &st) != 0)
		return;
	s->seen = true;
	s->seen_txnid = id;
	s->seen_size = (long long)st.st_size;
	s->seen_mtime = st.st_mtim;
	s->seen_ctime = st.st_ctim;
}

/* Another program wrote into data.mdb (noise, a copy over it, a bad
 * disk driver) since this handle's last write: LMDB would copy the pages
 * it changes into its transaction trusting their headers and node sizes,
 * and a garbled one makes it write past its heap copy (mdb_page_copy,
 * mdb_page_split: a few KiB, or 4 GiB) and then commit the mixture; no
 * signal comes of it, or one much later, anywhere. So, holding LMDB's
 * writer lock (@txn just begun, no other writer half-way through a
 * commit): if no transaction was committed since this handle last saw
 * the file (at open, or at its last commit), the file must be as it was
 * then. A commit by another process (serve taking a decision) moves the
 * transaction id and is taken as it is. The times have the kernel's clock tick (a few ms): noise written
 * within the tick of this handle's own commit, or while its transaction
 * runs, is not seen here; nor noise from before this handle opened the
 * store (damage at rest: the guard and LMDB's own checks are left for
 * that). Records what it saw for the next write. */
static bool written_outside_lmdb(struct assay_store *s, MDB_txn *txn)
{
	mdb_filehandle_t fd;
	struct stat st;
	size_t last = mdb_txn_id(txn) - 1; /* the snapshot this write begins from */
	bool changed;

	if (mdb_env_get_fd(s->env, &fd) || fstat(fd, &st) != 0)
		return false;
	changed = s->seen && s->seen_txnid == last &&
		  (s->seen_size != (long long)st.st_size ||
		   s->seen_mtime.tv_sec != st.st_mtim.tv_sec ||
		   s->seen_mtime.tv_nsec != st.st_mtim.tv_nsec ||
		   s->seen_ctime.tv_sec != st.st_ctim.tv_sec ||
		   s->seen_ctime.tv_nsec != st.st_ctim.tv_nsec);
	note_file(s, last);
	return changed;
}

int store_write(struct assay_store *s, int (*fn)(struct assay_store *s, MDB_txn *txn, void *ctx),
		void *ctx)
{
	for (int tries = 0;; tries++) {
		MDB_txn *txn;
		int rc;

		if (s->flags & ASSAY_STORE_RDONLY)
			return write_refused(s);
		if (s->damaged)
			return store_fail(s, ASSAY_EDAMAGED,
					  "the store '%s' is damaged: a write met a garbled page, so "
					  "nothing more is written to it in this run. Run 'assay --db "
					  "%s verify' to see what still reads, and restore data.mdb "
					  "from a backup", s->dir, s->dir);
		if (refuse_short_file(s, "write to")) { /* cut by another process */
			s->damaged = true;
			return ASSAY_EDAMAGED;
		}
		s->last_mdb = 0;
		rc = mdb_txn_begin(s->env, NULL, 0, &txn);
		if (rc == MDB_MAP_RESIZED && tries < MAP_GROW_TRIES) {
			mdb_env_set_mapsize(s->env, 0); /* adopt another process's size */
			store_guard_update(s);
			continue;
		}
		if (rc)
			return store_mdb(s, rc, "starting a write");
		if (written_outside_lmdb(s, txn)) {
			store_mdb_abort(txn);
			s->damaged = true;
			return store_fail(s, ASSAY_EDAMAGED,
					  "the store '%s' is damaged: its data.mdb was written by "
					  "another program since this run's last write (not through "
					  "LMDB), so nothing more is written to it. Run 'assay --db %s "
					  "verify' to see what still reads, and restore data.mdb from "
					  "a backup", s->dir, s->dir);
		}
		store_bands_begin(s);
		store_group_marks_clear(s);
		rc = fn(s, txn, ctx);
		if (rc == ASSAY_OK)
			rc = store_group_marks_flush(s, txn);
		if (rc == ASSAY_OK) {
			size_t id = mdb_txn_id(txn);
			int mrc = store_mdb_commit(txn);

			rc = mrc ? store_mdb(s, mrc, "committing") : ASSAY_OK;
			if (!rc) {
				note_file(s, id);
				store_bands_committed(s, id);
				maybe_sync(s);
			}
		} else {
			store_mdb_abort(txn);
		}
		/* writing on over a garbled page could spread the damage into
		 * pages that still read: this handle writes no more */
		s->damaged = s->damaged || rc == ASSAY_EDAMAGED;
		if (rc == ASSAY_OK || s->last_mdb != MDB_MAP_FULL || tries >= MAP_GROW_TRIES)
			return rc;
		rc = grow_map(s);
		if (rc)
			return rc;
	}
}

int store_read_begin(struct assay_store *s, MDB_txn **txn)
{
	int rc = refuse_short_file(s, "read");

	if (rc)
		return rc;
	rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, txn);

	if (rc == MDB_MAP_RESIZED) {
		mdb_env_set_mapsize(s->env, 0);
		store_guard_update(s);
		rc = mdb_txn_begin(s->env, NULL, MDB_RDONLY, txn);
	}
	return rc ? store_mdb(s, rc, "starting a read") : ASSAY_OK;
}

int store_read_end(struct assay_store *s, MDB_txn *txn, int rc)
{
	size_t snapshot = mdb_txn_id(txn);
	MDB_envinfo info;

	store_mdb_abort(txn);
	if (!s->unlocked || (rc != ASSAY_OK && rc != ASSAY_EDAMAGED))
		return rc;
	/* Pages a commit frees are reused two commits later when no reader
	 * slot holds them back: the snapshot is whole while the store is at
	 * most one commit past it. */
	if (mdb_env_info(s->env, &info) == MDB_SUCCESS && info.me_last_txnid <= snapshot + 1)
		return rc;
	return store_fail(s, ASSAY_EBUSY,
			  "the store '%s' was written while it was read, and this user cannot "
			  "take a reader slot in its lock.mdb to keep what it reads in place; "
			  "what was read may be mixed: run the command again when nothing "
			  "writes to the store", s->dir);
}

/* Drops table @name if the store has it. */
static int drop_table(struct assay_store *s, MDB_txn *txn, const char *name)
{
	MDB_dbi old;
	int rc = mdb_dbi_open(txn, name, 0, &old);

	if (rc == MDB_SUCCESS)
		rc = store_mdb_drop(txn, old, 1);
	return rc && rc != MDB_NOTFOUND ? store_mdb(s, rc, "migrating the story index") : ASSAY_OK;
}

/* Schema 3 -> 4, part 3: the banded index table ("bands2"; "bands" before
 * schema 2) gives way to "recent", filled from the stories begun by the
 * last NEARDUP_WINDOW articles. */
static int fill_recent(struct assay_store *s, MDB_txn *txn)
{
	int64_t last = 0;
	MDB_val v;
	int rc = drop_table(s, txn, "bands2");

	rc = rc ? rc : drop_table(s, txn, "bands");
	if (rc)
		return rc;
	if (store_get(txn, s->dbi[T_META], "seq", 3, &v) == 0 && v.mv_size == sizeof last)
		memcpy(&last, v.mv_data, sizeof last);
	for (int64_t seq = last - s->neardup_window > 0 ? last - s->neardup_window : 1;
	     seq <= last; seq++) {
		struct assay_stored_article a;
		struct story_rec o;
		unsigned char key[8];
		MDB_val url;

		rec_be64(key, (uint64_t)seq);
		if (store_get(txn, s->dbi[T_SEQ], key, 8, &url) ||
		    store_mdb_get(txn, s->dbi[T_ARTICLES], &url, &v))
			continue;
		memset(&a, 0, sizeof a);
		store_decode_article(&v, &a);
		if (!store_get_story(s, txn, a.story, &o) || !o.has_hash || /* no hash: too short */
		    url.mv_size != strlen(o.first) || memcmp(url.mv_data, o.first, url.mv_size))
			continue;
		rc = store_story_begun_stored(s, txn, seq, o.simhash, a.story);
		if (rc)
			return rc;
	}
	return ASSAY_OK;
}

/* Schema 3 -> 4, part 1: a claim's index entry carries its interval
 * (store_claimkey_value) instead of its id alone. */
static int rebuild_claimkeys(struct assay_store *s, MDB_txn *txn)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc = store_mdb_drop(txn, s->dbi[T_CLAIMKEYS], 0);

	rc = rc ? rc : mdb_cursor_open(txn, s->dbi[T_CLAIMS], &c);
	if (rc)
		return store_mdb(s, rc, "migrating the claim index");
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		struct assay_stored_claim o;
		unsigned char gk[8], ck[CLAIMKEY_LEN];

		if (k.mv_size != 8 || store_claim_decode(&v, &o))
			continue;
		rec_be64(gk, o.group);
		store_claimkey_value(&(struct interval){o.lo, o.hi, o.lo_open, o.hi_open}, k.mv_data, ck);
		rc = store_put(txn, s->dbi[T_CLAIMKEYS], gk, 8, ck, sizeof ck, 0);
		if (rc)
			break;
	}
	mdb_cursor_close(c);
	return rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "migrating the claim index");
}

/* Schema 3 -> 4, part 2: pages and texts were filed by URL ("raw",
 * "text"); they are filed by article number ("rawseq", "textseq"), so an
 * ingest appends to those tables instead of writing into the middle. */
static int move_blobs(struct assay_store *s, MDB_txn *txn, const char *name, int table)
{
	struct assay_buf copy = {0};
	MDB_dbi old;
	MDB_cursor *c;
	MDB_val k, url, v;
	int rc = mdb_dbi_open(txn, name, 0, &old);

	if (rc == MDB_NOTFOUND)
		return ASSAY_OK;
	rc = rc ? rc : mdb_cursor_open(txn, s->dbi[T_SEQ], &c);
	if (rc)
		return store_mdb(s, rc, "migrating pages");
	for (rc = store_mdb_cursor_get(c, &k, &url, MDB_FIRST); rc == 0;
	     rc = store_mdb_cursor_get(c, &k, &url, MDB_NEXT)) {
		uint64_t n;

		if (k.mv_size != 8 || store_mdb_get(txn, old, &url, &v))
			continue;
		n = rec_from_be64(k.mv_data);

		assay_buf_reset(&copy);
		if (assay_buf_append(&copy, v.mv_data, v.mv_size)) {
			rc = ENOMEM;
			break;
		}
		rc = store_put(txn, s->dbi[table], &n, sizeof n, copy.data, copy.len, 0);
		if (rc)
			break;
	}
	mdb_cursor_close(c);
	assay_buf_release(&copy);
	if (rc == MDB_NOTFOUND)
		rc = store_mdb_drop(txn, old, 1);
	return rc ? store_mdb(s, rc, "migrating pages") : ASSAY_OK;
}

/* Schema 5 -> 6: the artev index, one entry per article and claim (or
 * agreement) it supports, read from the evidence table @table. */
static int fill_artev(struct assay_store *s, MDB_txn *txn, int table)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc = mdb_cursor_open(txn, s->dbi[table], &c);

	if (rc)
		return store_mdb(s, rc, "migrating the article index");
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		unsigned char key[8 + 12];
		size_t idl = k.mv_size - 12;

		if (k.mv_size < 13 || k.mv_size > 24)
			continue;
		memcpy(key, (char *)k.mv_data + idl, 8);
		memcpy(key + 8, k.mv_data, idl);
		rc = store_put(txn, s->dbi[T_ARTEV], key, 8 + idl, "", 0, 0);
		if (rc)
			break;
	}
	mdb_cursor_close(c);
	return rc == MDB_NOTFOUND ? ASSAY_OK : store_mdb(s, rc, "migrating the article index");
}

/* Brings a store up one schema version, from @from. Version 0 is a store
 * without a version record (first development builds), laid out as 1. */
static int migrate(struct assay_store *s, MDB_txn *txn, int from)
{
	int rc;

	switch (from) {
	case 0:
	case 1: /* the story index changed twice: rebuilt from schema 3 on */
	case 2:
		return ASSAY_OK;
	case 3:
		rc = rebuild_claimkeys(s, txn);
		rc = rc ? rc : move_blobs(s, txn, "raw", T_RAW);
		rc = rc ? rc : move_blobs(s, txn, "text", T_TEXT);
		return rc ? rc : fill_recent(s, txn);
	case 4: /* the conflict index sums each group up (groups.c) */
		return store_groups_resum_all(s, txn);
	case 5: /* what each article supports, from the evidence */
		rc = fill_artev(s, txn, T_EVIDENCE);
		return rc ? rc : fill_artev(s, txn, T_AGREV);
	default:
		return store_fail(s, ASSAY_ESCHEMA, "unknown schema %d", from);
	}
}

/* Checks the version record; migrates an older store when @writing, and
 * says ASSAY_EEXIST ("needs a write") when it is not. */
static int check_schema(struct assay_store *s, MDB_txn *txn, bool writing)
{
	MDB_val v;
	char num[24];
	int version = 0, rc;

	rc = store_get(txn, s->dbi[T_META], "schema", 6, &v);
	if (rc == MDB_SUCCESS) {
		snprintf(num, sizeof num, "%.*s", (int)(v.mv_size < 20 ? v.mv_size : 20),
			 (const char *)v.mv_data);
		if (!v.mv_size || v.mv_size > 9 || strspn(num, "0123456789") != v.mv_size)
			return store_fail(s, ASSAY_EDAMAGED,
					  "cannot open store '%s': it is damaged (its schema record "
					  "is garbled); nothing was changed. Restore data.mdb from a "
					  "backup", s->dir);
		version = atoi(num);
	} else if (rc != MDB_NOTFOUND) {
		return store_mdb(s, rc, "reading the schema version");
	} else {
		MDB_stat ms;

		/* no record: a new store, or the first development builds'; one
		 * that holds articles and lost it is damaged, and "migrating" it
		 * would write over what is left */
		if (mdb_stat(txn, s->dbi[T_ARTICLES], &ms) == MDB_SUCCESS && ms.ms_entries > 0 &&
		    mdb_stat(txn, s->dbi[T_TEXT], &ms) == MDB_SUCCESS && ms.ms_entries > 0)
			return store_fail(s, ASSAY_EDAMAGED,
					  "cannot open store '%s': it is damaged (it holds articles "
					  "but its schema record is gone); nothing was changed. "
					  "Restore data.mdb from a backup", s->dir);
	}
	if (version > STORE_SCHEMA)
		return store_fail(s, ASSAY_ESCHEMA,
				  "cannot open store '%s': it was written by a newer assay "
				  "(schema %d; this assay reads up to %d): upgrade assay",
				  s->dir, version, STORE_SCHEMA);
	if (version == STORE_SCHEMA)
		return ASSAY_OK;
	if (!writing)
		return ASSAY_EEXIST;
	for (; version < STORE_SCHEMA; version++) {
		rc = migrate(s, txn, version);
		if (rc)
			return rc;
	}
	snprintf(num, sizeof num, "%d", STORE_SCHEMA);
	rc = store_put(txn, s->dbi[T_META], "schema", 6, num, strlen(num), 0);
	return rc ? store_mdb(s, rc, "writing the schema version") : ASSAY_OK;
}

/* A table is missing: a store being created or migrated lacks some (then
 * ASSAY_EEXIST, "needs a write"), but one that says it has the current
 * schema lost it to damage, and creating it afresh would bury the rest. */
static int missing_table(struct assay_store *s, MDB_txn *txn, int t, const char *name)
{
	MDB_val v;
	MDB_dbi main_db;
	MDB_stat ms;

	if (t == T_META) { /* the first table: a new store has no table at all */
		if (mdb_dbi_open(txn, NULL, 0, &main_db) == MDB_SUCCESS &&
		    mdb_stat(txn, main_db, &ms) == MDB_SUCCESS && ms.ms_entries == 0)
			return ASSAY_EEXIST;
		return store_fail(s, ASSAY_EDAMAGED,
				  "cannot open store '%s': it is damaged (its table 'meta' is "
				  "missing from its index); nothing was changed. Restore data.mdb "
				  "from a backup", s->dir);
	}
	if (store_get(txn, s->dbi[T_META], "schema", 6, &v) == MDB_SUCCESS &&
	    v.mv_size == 1 && *(const char *)v.mv_data == '0' + STORE_SCHEMA)
		return store_fail(s, ASSAY_EDAMAGED,
				  "cannot open store '%s': it is damaged (its table '%s' is missing "
				  "from its index); nothing was changed. Restore data.mdb from a "
				  "backup", s->dir, name);
	return ASSAY_EEXIST;
}

/* Opens every table and checks the schema in one transaction: a read
 * transaction first, so that opening a store never waits for a writer;
 * a write one only to create tables or migrate. */
static int open_tables_in(struct assay_store *s, bool writing)
{
	MDB_txn *txn;
	int rc;

	rc = mdb_txn_begin(s->env, NULL, writing ? 0 : MDB_RDONLY, &txn);
	if (rc)
		return store_mdb(s, rc, "opening the tables");
	for (int t = 0; t < T_COUNT; t++) {
		rc = mdb_dbi_open(txn, tables[t].name, tables[t].flags | (writing ? MDB_CREATE : 0),
				  &s->dbi[t]);
		if (rc == MDB_NOTFOUND) {
			rc = missing_table(s, txn, t, tables[t].name);
			store_mdb_abort(txn);
			return rc;
		}
		if (rc) {
			store_mdb_abort(txn);
			return store_mdb(s, rc, "opening the tables");
		}
	}
	rc = check_schema(s, txn, writing);
	if (rc) {
		store_mdb_abort(txn);
		return rc;
	}
	rc = store_mdb_commit(txn); /* a committed read transaction keeps its handles */
	return rc ? store_mdb(s, rc, "opening the tables") : ASSAY_OK;
}

static int open_tables(struct assay_store *s)
{
	int rc = open_tables_in(s, false);

	if (rc != ASSAY_EEXIST)
		return rc;
	if (s->flags & ASSAY_STORE_RDONLY)
		return store_fail(s, ASSAY_ESCHEMA,
				  "cannot open store '%s': it is incomplete or needs migrating; "
				  "run a command that writes first", s->dir);
	/* a migration writes, and may fill the map as any write does */
	for (int tries = 0;; tries++) {
		s->last_mdb = 0;
		rc = open_tables_in(s, true);
		if (rc == ASSAY_OK || s->last_mdb != MDB_MAP_FULL || tries >= MAP_GROW_TRIES)
			break;
		rc = grow_map(s);
		if (rc)
			return rc;
	}
	return rc == ASSAY_EEXIST ? store_fail(s, ASSAY_ESCHEMA, "cannot open store '%s'", s->dir)
				  : rc;
}

static int prepare_dir(struct assay_store *s, const char *dir, unsigned flags)
{
	struct stat st;
	char path[4096];

	if (stat(dir, &st) != 0) {
		if (errno != ENOENT || !(flags & ASSAY_STORE_CREATE))
			goto missing;
		/* EEXIST: another process created it since the stat (two
		 * first runs at once); LMDB serialises what follows. */
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			return store_fail(s, ASSAY_EIO, "cannot create store '%s': %s", dir,
					  strerror(errno));
		return ASSAY_OK;
	}
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return store_fail(s, ASSAY_EINVAL, "cannot open store '%s': %s", dir, strerror(errno));
	}
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (!(flags & ASSAY_STORE_CREATE) && stat(path, &st) != 0)
		goto missing;
	return ASSAY_OK;
missing:
	return store_fail(s, ASSAY_ENOTFOUND,
			  "cannot open store '%s': %s (create it with 'assay crawl' or 'assay ingest')",
			  dir, strerror(ENOENT));
}

/* A data.mdb of 0 bytes would be taken by LMDB for a new store and
 * written over: refuse it. LMDB creates the file empty and writes its
 * header straight after, so a store another process is creating this
 * moment is empty for an instant: look again for half a second first. */
static int refuse_empty_file(struct assay_store *s)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof path, "%s/data.mdb", s->dir);
	for (int tries = 0; tries < 25; tries++) {
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 0)
			return ASSAY_OK;
		usleep(20000);
	}
	return store_fail(s, ASSAY_EDAMAGED,
			  "cannot open store '%s': its data.mdb is empty (0 bytes), so what it "
			  "held is not in this file; nothing was changed. Restore data.mdb from a "
			  "backup, or remove the folder to begin a new store", s->dir);
}

/* A data.mdb shorter than its last committed page (cut short by a copy,
 * a full disk or truncate) makes the first read of a page past its end
 * die of SIGBUS: refuse it before any read, and before each write (another
 * process may cut it while a run writes; a write on would leave holes in
 * the tree). LMDB writes a transaction's pages before the header that
 * names them, so the header read first never names a page a concurrent
 * writer has not put in the file yet. @what: "open" or "write to". */
static int refuse_short_file(struct assay_store *s, const char *what)
{
	MDB_envinfo info;
	struct stat st;
	mdb_filehandle_t fd;
	unsigned long long need;

	if (!s->psize || mdb_env_get_fd(s->env, &fd) || fstat(fd, &st) != 0)
		return ASSAY_OK; /* nothing to compare with: LMDB will say */
	need = 2ull * s->psize; /* the two headers, read before anything */
	if ((unsigned long long)st.st_size >= need) {
		if (mdb_env_info(s->env, &info))
			return ASSAY_OK;
		need = ((unsigned long long)info.me_last_pgno + 1) * s->psize;
		if ((unsigned long long)st.st_size >= need)
			return ASSAY_OK;
	}
	return store_fail(s, ASSAY_EDAMAGED,
			  "cannot %s store '%s': its data.mdb is cut short (%llu bytes; its last "
			  "committed page ends at %llu); nothing was changed. Restore data.mdb "
			  "from a backup (copy a store in use with 'mdb_copy', not cp)",
			  what, s->dir, (unsigned long long)st.st_size, need);
}

/* Makes the environment and opens it with @eflags; a failed open closes
 * it again, as LMDB asks. */
static int open_lmdb(struct assay_store *s, unsigned eflags)
{
	int rc = mdb_env_create(&s->env);

	if (rc) {
		s->env = NULL;
		return rc;
	}
	mdb_env_set_maxdbs(s->env, T_COUNT + 4);
	mdb_env_set_maxreaders(s->env, 126);
	mdb_env_set_mapsize(s->env, MAP_INITIAL);
	rc = mdb_env_open(s->env, s->dir, eflags, 0644);
	if (rc) {
		mdb_env_close(s->env);
		s->env = NULL;
	}
	return rc;
}

/* Opens the store as far as this user may: for writing; else, when its
 * files or folder are not this user's to write (another user's store, a
 * read-only mount), for reading only, so the commands that only read
 * still work and those that write say why they cannot (write_refused).
 * A user who may not write lock.mdb cannot take a reader slot in it
 * either: such a store is read without one (MDB_NOLOCK), and each read
 * checks that no commit can have reused its pages (store_read_end). */
static int open_lmdb_as_allowed(struct assay_store *s, unsigned eflags)
{
	int rc = open_lmdb(s, eflags), first = rc;
	char path[4096];

	snprintf(path, sizeof path, "%s/data.mdb", s->dir);
	if ((rc == EACCES || rc == EROFS) && !(eflags & MDB_RDONLY) && access(path, R_OK) == 0) {
		s->denied = rc;
		s->flags |= ASSAY_STORE_RDONLY;
		eflags = MDB_RDONLY;
		rc = open_lmdb(s, eflags);
	}
	if (rc == EACCES && (eflags & MDB_RDONLY)) {
		rc = open_lmdb(s, MDB_RDONLY | MDB_NOLOCK);
		s->unlocked = rc == MDB_SUCCESS;
	}
	return rc && s->denied ? first : rc;
}

static int open_env(struct assay_store *s)
{
	const char *sync = getenv("ASSAY_STORE_SYNC");
	unsigned eflags = (sync && *sync == '1') ? 0 : MDB_NOSYNC;
	MDB_envinfo info;
	int dead = 0, rc;

	if (s->flags & ASSAY_STORE_RDONLY)
		eflags = MDB_RDONLY;
	s->last_sync = monotonic();
	rc = refuse_empty_file(s);
	if (rc)
		return rc;
	rc = open_lmdb_as_allowed(s, eflags);
	if (rc == MDB_INVALID)
		return store_fail(s, ASSAY_EDAMAGED,
				  "cannot open store '%s': its data.mdb is not an LMDB file (its "
				  "header is garbled or was written over); nothing was changed. "
				  "Restore data.mdb from a backup", s->dir);
	if (rc == MDB_VERSION_MISMATCH)
		return store_fail(s, ASSAY_ESCHEMA,
				  "cannot open store '%s': it was written by another LMDB version "
				  "(%s); open it with the assay that wrote it", s->dir,
				  mdb_strerror(rc));
	if (rc) {
		store_mdb(s, rc, "open");
		return store_fail(s, ASSAY_EIO, "cannot open store '%s': %s", s->dir,
				  mdb_strerror(rc));
	}
	{
		MDB_stat ms;

		if (mdb_env_stat(s->env, &ms) == MDB_SUCCESS)
			s->psize = ms.ms_psize;
	}
	rc = refuse_short_file(s, "open");
	if (rc)
		return rc;
	store_guard_update(s);
	mdb_reader_check(s->env, &dead); /* slots left by killed processes */
	mdb_env_info(s->env, &info);
	s->mapsize = info.me_mapsize;
	return ASSAY_OK;
}

int assay_store_open(const char *dir, unsigned flags, struct assay_store **out)
{
	struct assay_store *s;
	int rc;

	*out = NULL;
	if (!dir || !*dir)
		return ASSAY_EINVAL;
	open_error[0] = '\0';
	s = calloc(1, sizeof *s);
	if (!s)
		return ASSAY_ENOMEM;
	s->lock_fd = -1;
	s->flags = flags;
	s->neardup_window = getenv("ASSAY_NEARDUP_WINDOW") ? atoll(getenv("ASSAY_NEARDUP_WINDOW"))
							  : NEARDUP_WINDOW;
	if (s->neardup_window < 1 || s->neardup_window > 10000000)
		s->neardup_window = NEARDUP_WINDOW;
	s->dir = strdup(dir);
	if (!s->dir) {
		rc = ASSAY_ENOMEM;
		goto fail;
	}
	rc = prepare_dir(s, dir, flags);
	if (rc)
		goto fail;
	rc = open_env(s);
	if (rc)
		goto fail;
	rc = open_tables(s);
	if (rc)
		goto fail;
	if (!(s->flags & ASSAY_STORE_RDONLY)) { /* noise from now on is seen by a write */
		MDB_envinfo info;

		if (mdb_env_info(s->env, &info) == MDB_SUCCESS)
			note_file(s, info.me_last_txnid);
	}
	*out = s;
	return ASSAY_OK;
fail:
	snprintf(open_error, sizeof open_error, "%s",
		 s->err[0] ? s->err : assay_strerror(rc));
	assay_store_close(s);
	return rc;
}

void assay_store_close(struct assay_store *s)
{
	if (!s)
		return;
	if (s->env)
		store_note_session(s);
	if (s->env && !(s->flags & ASSAY_STORE_RDONLY))
		mdb_env_sync(s->env, 1);
	assay_store_unlock(s);
	if (s->env) {
		store_guard_remove(s);
		mdb_env_close(s->env);
	}
	store_packer_release(&s->packer);
	store_bands_release(s);
	store_group_marks_release(s);
	free(s->dir);
	free(s);
}

int assay_store_lock(struct assay_store *s, bool wait)
{
	char path[4096];

	if (s->lock_fd >= 0)
		return ASSAY_OK;
	if (s->denied)
		return write_refused(s); /* only writers take the lock */
	snprintf(path, sizeof path, "%s/assay.lock", s->dir);
	s->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (s->lock_fd < 0)
		return store_fail(s, ASSAY_EIO, "cannot open the lock file '%s': %s (it must be a "
				  "file this user can write; remove or fix it when no crawl or "
				  "ingest is running)", path, strerror(errno));
	while (flock(s->lock_fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
		int e = errno;

		if (e == EINTR)
			continue;
		close(s->lock_fd);
		s->lock_fd = -1;
		if (e == EWOULDBLOCK)
			return store_fail(s, ASSAY_EBUSY,
					  "store '%s' is busy: another crawl or ingest is writing to it "
					  "(try again when it ends)", s->dir);
		return store_fail(s, ASSAY_EIO, "cannot lock the lock file '%s': %s", path,
				  strerror(e));
	}
	return ASSAY_OK;
}

void assay_store_unlock(struct assay_store *s)
{
	if (!s || s->lock_fd < 0)
		return;
	flock(s->lock_fd, LOCK_UN);
	close(s->lock_fd);
	s->lock_fd = -1;
}
