/* bands.c - the near-duplicate index: the SimHashes of the stories begun
 * by the last NEARDUP_WINDOW articles, filed under 5 bands (13, 13, 13, 13
 * and 12 bits), each looked up as is and with each of its bits flipped: 69
 * keys. That finds every stored hash within SIMHASH_MAX_BITS = 9 bits
 * without a scan, since 9 differing bits spread over 5 bands leave some
 * band with at most one.
 *
 * The index lives in memory, in the store handle; what is stored is the
 * table "recent" (article number -> SimHash and story of each article that
 * began a story), written by appending. The index is filled from the last
 * window of that table at the first lookup (one short sequential read),
 * and then kept current as articles are written: a new story goes in, and
 * each article pushes out the story begun NEARDUP_WINDOW articles before
 * it (a ring of the window's stories says which). Before, the index was a
 * table of its own, and its 69 lookups and 10 writes per article were a
 * sixth of the whole ingest at 100,000 articles.
 *
 * The copy is exact for the transaction that changes it; it is trusted by
 * the next one only if that one commits. LMDB numbers write transactions
 * one after the other, so a copy that holds the state after transaction t
 * is current exactly when the next write is t + 1; if another process or
 * handle wrote in between, or the last write aborted after changing the
 * copy, it is filled again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "internal.h"
#include "rec.h"
#include "simhash.h"

#define NBANDS 5

static const int band_shift[NBANDS] = {0, 13, 26, 39, 52};
static const int band_bits[NBANDS] = {13, 13, 13, 13, 12};

/* The stories filed under one key, side by side for a lookup to scan:
 * each one's hash and where it sits in the ring. */
struct band_hit {
	uint64_t hash;
	uint32_t who;
};

struct band_slot {
	uint32_t n, cap;
	struct band_hit *v;
};

/* The story begun by article @seq (0: none), at ring[seq % window]. */
struct ring_slot {
	int64_t seq;
	uint64_t hash;
	char story[STORY_ID_MAX + 1];
};

struct band_cache {
	bool loaded;
	bool open;               /* changed by a write not yet committed */
	size_t txnid;            /* the copy holds the state after this write */
	struct band_slot *slots; /* NSLOTS of them, one per key */
	struct ring_slot *ring;
	int64_t window;
};

/* One slot per possible key: 4 bands of 2^13 values and one of 2^12. */
#define NSLOTS (4 * 8192 + 4096)

/* The key of one band of @h with bit @flip of the band flipped (-1: none). */
static uint32_t band_key(uint64_t h, int band, int flip)
{
	uint32_t v = (uint32_t)(h >> band_shift[band]) & ((1u << band_bits[band]) - 1);

	if (flip >= 0)
		v ^= 1u << flip;
	return (uint32_t)band << 16 | v;
}

static uint32_t slot_of(uint32_t key)
{
	return (key >> 16) * 8192 + (key & 0xffff);
}

static void cache_clear(struct band_cache *c)
{
	c->loaded = false;
	c->open = false;
	if (c->slots)
		for (uint32_t i = 0; i < NSLOTS; i++)
			c->slots[i].n = 0;
	if (c->ring)
		memset(c->ring, 0, (size_t)c->window * sizeof *c->ring);
}

void store_bands_release(struct assay_store *s)
{
	struct band_cache *c = s->bands;

	if (!c)
		return;
	if (c->slots) {
		for (uint32_t i = 0; i < NSLOTS; i++)
			free(c->slots[i].v);
	}
	free(c->slots);
	free(c->ring);
	free(c);
	s->bands = NULL;
}

void store_bands_invalidate(struct assay_store *s)
{
	if (s->bands)
		cache_clear(s->bands);
}

static int entry_add(struct band_cache *c, uint32_t key, uint64_t h, uint32_t who)
{
	struct band_slot *sl = &c->slots[slot_of(key)];
	size_t cap = sl->cap; /* kept in 32 bits: a slot is small and there are many */

	if (sl->n == UINT32_MAX ||
	    assay_array_reserve(&sl->v, &cap, (size_t)sl->n + 1, sizeof *sl->v))
		return ASSAY_ENOMEM;
	sl->cap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
	sl->v[sl->n++] = (struct band_hit){h, who};
	return ASSAY_OK;
}

static void entry_del(struct band_cache *c, uint32_t key, uint32_t who)
{
	struct band_slot *sl = &c->slots[slot_of(key)];

	for (uint32_t i = 0; i < sl->n; i++) {
		if (sl->v[i].who == who) {
			sl->v[i] = sl->v[--sl->n];
			return;
		}
	}
}

/* Takes the story begun by article @seq (if any) out of the copy. */
static void story_out(struct band_cache *c, int64_t seq)
{
	uint32_t who;
	struct ring_slot *r;

	if (seq <= 0)
		return;
	who = (uint32_t)(seq % c->window);
	r = &c->ring[who];
	if (r->seq != seq)
		return;
	for (int band = 0; band < NBANDS; band++)
		entry_del(c, band_key(r->hash, band, -1), who);
	r->seq = 0;
}

/* Puts the story begun by article @seq into the copy. */
static int story_in(struct band_cache *c, int64_t seq, uint64_t h, const char *story)
{
	uint32_t who = (uint32_t)(seq % c->window);
	struct ring_slot *r = &c->ring[who];

	if (r->seq)
		story_out(c, r->seq); /* an article the window left without its turn */
	for (int band = 0; band < NBANDS; band++) {
		if (entry_add(c, band_key(h, band, -1), h, who)) {
			for (int b = 0; b < band; b++) /* all five or none */
				entry_del(c, band_key(h, b, -1), who);
			return ASSAY_ENOMEM;
		}
	}
	r->seq = seq;
	r->hash = h;
	snprintf(r->story, sizeof r->story, "%s", story);
	return ASSAY_OK;
}

static int decode_recent(const MDB_val *k, const MDB_val *v, int64_t *seq, uint64_t *h,
			 char story[STORY_ID_MAX + 1])
{
	uint64_t n;

	if (k->mv_size != sizeof n || v->mv_size <= 8 || v->mv_size > 8 + STORY_ID_MAX)
		return ASSAY_EPARSE;
	memcpy(&n, k->mv_data, sizeof n);
	*seq = (int64_t)n;
	*h = rec_from_be64(v->mv_data);
	memcpy(story, (const char *)v->mv_data + 8, v->mv_size - 8);
	story[v->mv_size - 8] = '\0';
	return ASSAY_OK;
}

/* Fills the copy from the table as transaction @txn sees it, for the
 * lookup of article @seq: the stories begun by articles seq - window to
 * seq - 1. */
static int cache_load(struct assay_store *s, MDB_txn *txn, int64_t seq)
{
	struct band_cache *c = s->bands;
	uint64_t from = seq - c->window > 1 ? (uint64_t)(seq - c->window) : 1;
	MDB_cursor *cur;
	MDB_val k = {sizeof from, &from}, v;
	int rc;

	cache_clear(c);
	rc = mdb_cursor_open(txn, s->dbi[T_RECENT], &cur);
	if (rc)
		return store_mdb(s, rc, "reading the story index");
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		char story[STORY_ID_MAX + 1];
		int64_t n;
		uint64_t h;

		if (decode_recent(&k, &v, &n, &h, story))
			continue;
		if (n >= seq)
			break;
		if (story_in(c, n, h, story)) {
			rc = ASSAY_ENOMEM;
			break;
		}
	}
	mdb_cursor_close(cur);
	if (rc != MDB_NOTFOUND && rc != 0) {
		cache_clear(c);
		return rc == ASSAY_ENOMEM ? store_fail(s, rc, "out of memory")
					  : store_mdb(s, rc, "reading the story index");
	}
	c->loaded = true;
	c->open = true;
	c->txnid = mdb_txn_id(txn) - 1;
	return ASSAY_OK;
}

void store_bands_begin(struct assay_store *s)
{
	if (s->bands && s->bands->open)
		cache_clear(s->bands); /* the last write changed it and did not commit */
}

void store_bands_committed(struct assay_store *s, size_t txnid)
{
	struct band_cache *c = s->bands;

	if (!c || !c->loaded)
		return;
	if (c->txnid + 1 != txnid) {
		cache_clear(c);
		return;
	}
	c->open = false;
	c->txnid = txnid;
}

/* The copy if it is current for write transaction @txn, else NULL. */
static struct band_cache *current(struct assay_store *s, MDB_txn *txn)
{
	struct band_cache *c = s->bands;

	if (!c || !c->loaded)
		return NULL;
	if (c->txnid + 1 != mdb_txn_id(txn)) {
		cache_clear(c);
		return NULL;
	}
	return c;
}

/* The copy, current for write transaction @txn (filled if not). */
static int cache_for(struct assay_store *s, MDB_txn *txn, int64_t seq, struct band_cache **out)
{
	struct band_cache *c = s->bands;

	if (!c) {
		c = s->bands = calloc(1, sizeof *c);
		if (!c)
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		c->window = s->neardup_window > 0 ? s->neardup_window : 1;
		c->slots = calloc(NSLOTS, sizeof *c->slots);
		c->ring = calloc((size_t)c->window, sizeof *c->ring);
		if (!c->slots || !c->ring) {
			store_bands_release(s);
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		}
		cache_clear(c);
	}
	if (!current(s, txn)) {
		int rc = cache_load(s, txn, seq);

		if (rc)
			return rc;
	}
	*out = c;
	return ASSAY_OK;
}

/* Whether (hash, story) @a comes before @b: the tie-break between stored
 * hashes at the same distance, the same in every lookup. */
static bool before(uint64_t ha, const char *sa, uint64_t hb, const char *sb)
{
	return ha != hb ? ha < hb : strcmp(sa, sb) < 0;
}

int store_probe_bands(struct assay_store *s, MDB_txn *txn, int64_t seq, uint64_t h,
		      char *story, size_t size, bool *found)
{
	struct band_cache *c = NULL;
	int best = SIMHASH_MAX_BITS + 1, rc = cache_for(s, txn, seq, &c);
	uint64_t best_hash = 0;
	const char *best_story = NULL;

	*found = false;
	if (rc)
		return rc;
	for (int band = 0; band < NBANDS; band++) {
		for (int flip = -1; flip < band_bits[band]; flip++) {
			const struct band_slot *sl = &c->slots[slot_of(band_key(h, band, flip))];

			for (uint32_t i = 0; i < sl->n; i++) {
				int d = assay_hamming64(h, sl->v[i].hash);
				const char *story_i;

				if (d > best || d > SIMHASH_MAX_BITS)
					continue;
				story_i = c->ring[sl->v[i].who].story;
				if (d < best || before(sl->v[i].hash, story_i, best_hash, best_story)) {
					best = d;
					best_hash = sl->v[i].hash;
					best_story = story_i;
				}
			}
		}
	}
	if (best_story) {
		snprintf(story, size, "%s", best_story);
		*found = true;
	}
	return ASSAY_OK;
}

int store_story_begun(struct assay_store *s, MDB_txn *txn, int64_t seq, uint64_t h,
		      const char *story)
{
	unsigned char val[8 + STORY_ID_MAX];
	uint64_t key = (uint64_t)seq;
	size_t sl = strlen(story);
	struct band_cache *c;
	int rc;

	if (sl > STORY_ID_MAX)
		return store_fail(s, ASSAY_EINVAL, "story id too long");
	rec_be64(val, h);
	memcpy(val + 8, story, sl);
	rc = store_put(txn, s->dbi[T_RECENT], &key, sizeof key, val, 8 + sl, MDB_APPEND);
	if (rc == MDB_KEYEXIST) /* not the highest number: a page fetched again */
		rc = store_put(txn, s->dbi[T_RECENT], &key, sizeof key, val, 8 + sl, 0);
	if (rc)
		return store_mdb(s, rc, "writing the story index");
	c = current(s, txn);
	if (c) {
		c->open = true;
		if (story_in(c, seq, h, story))
			cache_clear(c); /* out of memory: filled again at the next lookup */
	}
	return ASSAY_OK;
}

void store_article_written(struct assay_store *s, MDB_txn *txn, int64_t seq)
{
	struct band_cache *c = current(s, txn);

	if (c) {
		c->open = true;
		story_out(c, seq - c->window);
	}
}
