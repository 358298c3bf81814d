/* bands.c - the near-duplicate index: the SimHash of every recent story,
 * filed under 5 bands (13, 13, 13, 13 and 12 bits), each looked up as is
 * and with each of its bits flipped: 69 keys. That finds every stored hash
 * within SIMHASH_MAX_BITS = 9 bits without a scan, since 9 differing bits
 * spread over 5 bands leave some band with at most one.
 *
 * The table (bands2) is what is stored; a lookup reads a copy of it held
 * in memory by the store handle, because 69 B-tree descents per article
 * were a tenth of the whole ingest at 100,000 articles. The copy is filled
 * from the table at the first lookup, and then kept current: the changes
 * a write transaction makes are noted, and applied to the copy when that
 * transaction commits (dropped when it aborts). LMDB numbers write
 * transactions one after the other, so a copy that holds the state after
 * transaction t is current exactly when the next write is t + 1; if any
 * other process or handle wrote in between, the copy is filled again. A
 * copy filled inside a transaction that then aborts saw that transaction's
 * own changes, so it is thrown away (store_bands_begin).
 * Its size is bounded like the table's: the stories of the last
 * NEARDUP_WINDOW articles (evict_old_story in articles.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "internal.h"
#include "rec.h"
#include "simhash.h"

#define NBANDS 5
#define NIL UINT32_MAX

static const int band_shift[NBANDS] = {0, 13, 26, 39, 52};
static const int band_bits[NBANDS] = {13, 13, 13, 13, 12};

struct band_entry {
	uint64_t hash;
	uint32_t key;
	uint32_t next;      /* the next entry of the same slot, or NIL */
	char story[STORY_ID_MAX + 1];
};

struct band_op {
	bool add;
	uint64_t hash;
	char story[STORY_ID_MAX + 1];
};

struct band_cache {
	bool loaded;
	bool open;               /* filled or changed by a write not yet committed */
	size_t txnid;            /* the copy holds the state after this write */
	uint32_t *slots;         /* NSLOTS chain heads */
	struct band_entry *ents; /* entries, and a free list through next */
	uint32_t nents, cap, free_head;
	struct band_op *ops;     /* changes of the open write transaction */
	size_t nops, opscap;
};

/* One slot per possible key: 4 bands of 2^13 values and one of 2^12. */
#define NSLOTS (4 * 8192 + 4096)

/* The key of one band of @h with bit @flip of the band flipped (-1: none):
 * band number and band value in one native unsigned int, for a table that
 * compares integers. */
static unsigned int band_key(uint64_t h, int band, int flip)
{
	unsigned int v = (unsigned int)(h >> band_shift[band]) & ((1u << band_bits[band]) - 1);

	if (flip >= 0)
		v ^= 1u << flip;
	return (unsigned int)band << 16 | v;
}

static uint32_t slot_of(uint32_t key)
{
	return (key >> 16) * 8192 + (key & 0xffff);
}

static void cache_clear(struct band_cache *c)
{
	c->loaded = false;
	c->open = false;
	c->nents = 0;
	c->free_head = NIL;
	c->nops = 0;
}

void store_bands_release(struct assay_store *s)
{
	struct band_cache *c = s->bands;

	if (!c)
		return;
	free(c->slots);
	free(c->ents);
	free(c->ops);
	free(c);
	s->bands = NULL;
}

void store_bands_invalidate(struct assay_store *s)
{
	if (s->bands)
		cache_clear(s->bands);
}

static int cache_add(struct band_cache *c, uint32_t key, uint64_t h, const char *story)
{
	uint32_t i, slot = slot_of(key);

	for (i = c->slots[slot]; i != NIL; i = c->ents[i].next)
		if (c->ents[i].key == key && c->ents[i].hash == h && !strcmp(c->ents[i].story, story))
			return ASSAY_OK; /* the table holds a pair once */
	if (c->free_head != NIL) {
		i = c->free_head;
		c->free_head = c->ents[i].next;
	} else {
		if (c->nents == c->cap) {
			uint32_t cap = c->cap ? c->cap * 2 : 4096;
			struct band_entry *e = realloc(c->ents, (size_t)cap * sizeof *e);

			if (!e)
				return ASSAY_ENOMEM;
			c->ents = e;
			c->cap = cap;
		}
		i = c->nents++;
	}
	c->ents[i].hash = h;
	c->ents[i].key = key;
	snprintf(c->ents[i].story, sizeof c->ents[i].story, "%s", story);
	c->ents[i].next = c->slots[slot];
	c->slots[slot] = i;
	return ASSAY_OK;
}

static void cache_del(struct band_cache *c, uint32_t key, uint64_t h, const char *story)
{
	for (uint32_t *at = &c->slots[slot_of(key)]; *at != NIL; at = &c->ents[*at].next) {
		struct band_entry *e = &c->ents[*at];

		if (e->key == key && e->hash == h && !strcmp(e->story, story)) {
			uint32_t i = *at;

			*at = e->next;
			e->next = c->free_head;
			c->free_head = i;
			return;
		}
	}
}

/* Fills the copy from the table as transaction @txn sees it. */
static int cache_load(struct assay_store *s, MDB_txn *txn)
{
	struct band_cache *c = s->bands;
	MDB_cursor *cur;
	MDB_val k, v;
	int rc;

	cache_clear(c);
	if (!c->slots) {
		c->slots = malloc(NSLOTS * sizeof *c->slots);
		if (!c->slots)
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
	}
	memset(c->slots, 0xff, NSLOTS * sizeof *c->slots);
	rc = mdb_cursor_open(txn, s->dbi[T_BANDS], &cur);
	if (rc)
		return store_mdb(s, rc, "reading the story index");
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		unsigned int key;
		char story[STORY_ID_MAX + 1];

		if (k.mv_size != sizeof key || v.mv_size <= 8 || v.mv_size > 8 + STORY_ID_MAX)
			continue;
		memcpy(&key, k.mv_data, sizeof key);
		if ((key >> 16) >= NBANDS || (key & 0xffff) >= (1u << band_bits[key >> 16]))
			continue;
		memcpy(story, (const char *)v.mv_data + 8, v.mv_size - 8);
		story[v.mv_size - 8] = '\0';
		if (cache_add(c, key, rec_from_be64(v.mv_data), story)) {
			rc = ASSAY_ENOMEM;
			break;
		}
	}
	mdb_cursor_close(cur);
	if (rc != MDB_NOTFOUND) {
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
	struct band_cache *c = s->bands;

	if (!c)
		return;
	if (c->open)
		cache_clear(c); /* the last write did not commit */
	c->nops = 0;
}

/* The copy, current for write transaction @txn (filled again if not). */
static int cache_for(struct assay_store *s, MDB_txn *txn, struct band_cache **out)
{
	struct band_cache *c = s->bands;

	if (!c) {
		c = s->bands = calloc(1, sizeof *c);
		if (!c)
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		cache_clear(c);
	}
	if (!c->loaded || c->txnid + 1 != mdb_txn_id(txn)) {
		int rc = cache_load(s, txn);

		if (rc)
			return rc;
	}
	*out = c;
	return ASSAY_OK;
}

/* Notes a change made in @txn, for the copy once @txn commits. */
static int note_op(struct assay_store *s, MDB_txn *txn, bool add, uint64_t h, const char *story)
{
	struct band_cache *c = s->bands;

	if (!c || !c->loaded)
		return ASSAY_OK; /* no copy yet: the first lookup fills it */
	if (c->txnid + 1 != mdb_txn_id(txn)) {
		cache_clear(c);
		return ASSAY_OK;
	}
	if (c->nops == c->opscap) {
		size_t cap = c->opscap ? c->opscap * 2 : 16;
		struct band_op *o = realloc(c->ops, cap * sizeof *o);

		if (!o) {
			cache_clear(c); /* filled again at the next lookup */
			return ASSAY_OK;
		}
		c->ops = o;
		c->opscap = cap;
	}
	c->ops[c->nops].add = add;
	c->ops[c->nops].hash = h;
	snprintf(c->ops[c->nops].story, sizeof c->ops[c->nops].story, "%s", story);
	c->nops++;
	c->open = true;
	return ASSAY_OK;
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
	for (size_t i = 0; i < c->nops; i++) {
		const struct band_op *o = &c->ops[i];

		for (int band = 0; band < NBANDS; band++) {
			uint32_t key = band_key(o->hash, band, -1);

			if (!o->add) {
				cache_del(c, key, o->hash, o->story);
			} else if (cache_add(c, key, o->hash, o->story)) {
				cache_clear(c);
				return;
			}
		}
	}
	c->nops = 0;
	c->open = false;
	c->txnid = txnid;
}

/* Whether (hash, story) @a comes before @b: the tie-break between stored
 * hashes at the same distance, the same in every lookup. */
static bool before(uint64_t ha, const char *sa, uint64_t hb, const char *sb)
{
	return ha != hb ? ha < hb : strcmp(sa, sb) < 0;
}

int store_probe_bands(struct assay_store *s, MDB_txn *txn, uint64_t h, char *story,
		      size_t size, bool *found)
{
	struct band_cache *c = NULL;
	int best = SIMHASH_MAX_BITS + 1, rc = cache_for(s, txn, &c);
	uint64_t best_hash = 0;
	const char *best_story = NULL;

	*found = false;
	if (rc)
		return rc;
	for (int band = 0; band < NBANDS; band++) {
		for (int flip = -1; flip < band_bits[band]; flip++) {
			uint32_t key = band_key(h, band, flip);

			for (uint32_t i = c->slots[slot_of(key)]; i != NIL; i = c->ents[i].next) {
				const struct band_entry *e = &c->ents[i];
				int d;

				if (e->key != key)
					continue;
				d = assay_hamming64(h, e->hash);
				if (d < best || (d == best && best_story &&
						 before(e->hash, e->story, best_hash, best_story))) {
					best = d;
					best_hash = e->hash;
					best_story = e->story;
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

int store_index_bands(struct assay_store *s, MDB_txn *txn, uint64_t h, const char *story)
{
	unsigned char val[8 + STORY_ID_MAX];
	size_t sl = strlen(story);

	if (sl > STORY_ID_MAX)
		return store_fail(s, ASSAY_EINVAL, "story id too long");
	rec_be64(val, h);
	memcpy(val + 8, story, sl);
	for (int band = 0; band < NBANDS; band++) {
		unsigned int key = band_key(h, band, -1);
		int rc = store_put(txn, s->dbi[T_BANDS], &key, sizeof key, val, 8 + sl, 0);

		if (rc && rc != MDB_KEYEXIST)
			return store_mdb(s, rc, "writing the story index");
	}
	return note_op(s, txn, true, h, story);
}

int store_unindex_bands(struct assay_store *s, MDB_txn *txn, uint64_t h, const char *story)
{
	unsigned char val[8 + STORY_ID_MAX];
	size_t sl = strlen(story);

	if (sl > STORY_ID_MAX)
		return ASSAY_OK;
	rec_be64(val, h);
	memcpy(val + 8, story, sl);
	for (int band = 0; band < NBANDS; band++) {
		unsigned int key = band_key(h, band, -1);
		MDB_val k = {sizeof key, &key}, v = {8 + sl, val};
		int rc = mdb_del(txn, s->dbi[T_BANDS], &k, &v);

		if (rc && rc != MDB_NOTFOUND)
			return store_mdb(s, rc, "removing from the story index");
	}
	return note_op(s, txn, false, h, story);
}
