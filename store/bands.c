/* bands.c - the near-duplicate index: for each story begun by the last
 * NEARDUP_WINDOW articles, its SKETCH_K smallest shingle hashes (a
 * bottom-k sketch, simhash.h), filed by hash. A new text looks up every
 * one of its shingles; a stored story that many of them hit shares that
 * share of its text, so the hits estimate how much of the smaller text
 * the other holds. Stories estimated to share at least SKETCH_MIN_EST are
 * then compared exactly, by reading the story's first text back (at most
 * MAX_CONFIRM of them, best first), and the story sharing the most, at
 * least NEARDUP_MIN_SHARED, is the text's story.
 *
 * Why not SimHash bands, as before: between texts of 100 to 300 words a
 * 64-bit SimHash is noisy; re-edited copies ended up to 20 bits apart and
 * unrelated stories as close as 15, so no threshold told them apart (2 of
 * the 7 re-edited pairs of the dev set found). The sketch's hits follow
 * the shared text itself, and the exact comparison decides.
 *
 * The index lives in memory, in the store handle; what is stored is the
 * table "recent" (article number -> SimHash, shingle count, sketch and
 * story of each article that began a story), written by appending. The
 * index is filled from the last window of that table at the first lookup
 * (one short sequential read), and then kept current as articles are
 * written: a new story goes in, and each article pushes out the story
 * begun NEARDUP_WINDOW articles before it (a ring of the window's stories
 * says which). A hash shared by MAX_PER_HASH stories of the window files
 * no more (a common phrase; which ones are filed can differ between a
 * copy kept current and one filled again, but only for such phrases, and
 * the exact comparison decides). Entries written before sketches (SimHash
 * and story only) are sketched from their stored text when first loaded,
 * and rewritten.
 *
 * Cost: one probe of a short slot per shingle of the new text, and at
 * most MAX_CONFIRM stored texts read back, fewer when a story's shingle
 * set (below, "bound") rules it out first; at 10,000 generated articles
 * (bench/scale.sh's corpus, one template for all) the index and its
 * lookups took a fifth of ingest's CPU, the window of one story against
 * the whole window.
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

#define SKETCH_K 16
/* The estimate a stored story needs to be compared exactly: well under
 * NEARDUP_MIN_SHARED, since 16 hits estimate coarsely. */
#define SKETCH_MIN_EST 0.35
#define MAX_CONFIRM 3
/* At most this many stories are filed under one hash: a shingle that many
 * recent stories share ("said in a statement", a template's sentence) is
 * no sign of one story, and filing it under every one of them would make
 * each lookup of it scan them all. */
#define MAX_PER_HASH 24
/* The tag after the SimHash of a "recent" value with a sketch; a story
 * id (base32 letters and digits) never starts with it. */
#define RECENT_V2 0x02

/* One slot per value of a shingle hash's low 16 bits. */
#define NSLOTS 65536u

/* A story filed under one of its sketch's hashes: the hash, and where
 * the story sits in the ring. */
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
	uint32_t nshingles; /* of the story's first text */
	uint8_t nmin;       /* hashes in @min: SKETCH_K, or fewer for a text with fewer */
	uint8_t nfiled;     /* of them, filed in the index (not over MAX_PER_HASH) */
	uint8_t bits_log2;  /* @bits has 2^bits_log2 bits */
	uint32_t bits_n;    /* the shingles @bits was made of */
	uint64_t *bits;     /* or NULL: the story's shingles as a bit set (see bound) */
	uint64_t min[SKETCH_K];
	char story[STORY_ID_MAX + 1];
};

struct band_cache {
	bool loaded;
	bool open;               /* changed by a write not yet committed */
	size_t txnid;            /* the copy holds the state after this write */
	struct band_slot *slots; /* NSLOTS of them */
	struct ring_slot *ring;
	int64_t window;
	uint32_t *hits;          /* a lookup's scratch: the ring slots hit, each once */
	size_t hits_cap;
	uint16_t *nhits;         /* a lookup's scratch: hits per ring slot (window of them) */
};

/* A story's sketch and size, as stored and as held in the ring. */
struct sketch {
	uint32_t nshingles;
	uint8_t nmin;
	uint64_t min[SKETCH_K];
};

static void sketch_of(const struct assay_shingles *sh, struct sketch *k)
{
	k->nshingles = sh->n > UINT32_MAX ? UINT32_MAX : (uint32_t)sh->n;
	k->nmin = (uint8_t)(sh->n < SKETCH_K ? sh->n : SKETCH_K);
	memcpy(k->min, sh->h, k->nmin * sizeof *k->min); /* sorted: the smallest first */
}

static uint32_t slot_of(uint64_t h)
{
	return (uint32_t)(h & (NSLOTS - 1));
}

static void bits_drop(struct ring_slot *r)
{
	free(r->bits);
	r->bits = NULL;
}

static void cache_clear(struct band_cache *c)
{
	c->loaded = false;
	c->open = false;
	if (c->slots)
		for (uint32_t i = 0; i < NSLOTS; i++)
			c->slots[i].n = 0;
	if (c->ring) {
		for (int64_t i = 0; i < c->window; i++)
			bits_drop(&c->ring[i]);
		memset(c->ring, 0, (size_t)c->window * sizeof *c->ring);
	}
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
	if (c->ring)
		for (int64_t i = 0; i < c->window; i++)
			bits_drop(&c->ring[i]);
	free(c->ring);
	free(c->hits);
	free(c->nhits);
	free(c);
	s->bands = NULL;
}

void store_bands_invalidate(struct assay_store *s)
{
	if (s->bands)
		cache_clear(s->bands);
}

/* Files ring slot @who under hash @h; ASSAY_EEXIST when MAX_PER_HASH
 * stories are filed under it already (then it is not). */
static int entry_add(struct band_cache *c, uint64_t h, uint32_t who)
{
	struct band_slot *sl = &c->slots[slot_of(h)];
	size_t cap = sl->cap; /* kept in 32 bits: a slot is small and there are many */
	uint32_t same = 0;

	for (uint32_t i = 0; i < sl->n; i++)
		same += sl->v[i].hash == h;
	if (same >= MAX_PER_HASH)
		return ASSAY_EEXIST;
	if (sl->n == UINT32_MAX ||
	    assay_array_reserve(&sl->v, &cap, (size_t)sl->n + 1, sizeof *sl->v))
		return ASSAY_ENOMEM;
	sl->cap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
	sl->v[sl->n++] = (struct band_hit){h, who};
	return ASSAY_OK;
}

static void entry_del(struct band_cache *c, uint64_t h, uint32_t who)
{
	struct band_slot *sl = &c->slots[slot_of(h)];

	for (uint32_t i = 0; i < sl->n; i++) {
		if (sl->v[i].who == who && sl->v[i].hash == h) {
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
	for (uint8_t i = 0; i < r->nmin; i++)
		entry_del(c, r->min[i], who);
	bits_drop(r);
	r->seq = 0;
}

/* Puts the story begun by article @seq into the copy. */
static int story_in(struct band_cache *c, int64_t seq, const struct sketch *k, const char *story)
{
	uint32_t who = (uint32_t)(seq % c->window);
	struct ring_slot *r = &c->ring[who];

	uint8_t filed = 0;

	if (r->seq)
		story_out(c, r->seq); /* an article the window left without its turn */
	for (uint8_t i = 0; i < k->nmin; i++) {
		int rc = entry_add(c, k->min[i], who);

		if (rc == ASSAY_ENOMEM) {
			for (uint8_t j = 0; j < i; j++) /* all or none */
				entry_del(c, k->min[j], who);
			return ASSAY_ENOMEM;
		}
		filed += rc == ASSAY_OK;
	}
	r->seq = seq;
	r->nfiled = filed;
	r->nshingles = k->nshingles;
	r->nmin = k->nmin;
	memcpy(r->min, k->min, sizeof r->min);
	snprintf(r->story, sizeof r->story, "%s", story);
	return ASSAY_OK;
}

/* Reads one "recent" entry; *has_sketch false for one written before
 * sketches (SimHash and story id only). */
static int decode_recent(const MDB_val *k, const MDB_val *v, int64_t *seq, struct sketch *sk,
			 bool *has_sketch, char story[STORY_ID_MAX + 1])
{
	const unsigned char *p = v->mv_data;
	size_t at = 8, len = v->mv_size;
	uint64_t n;

	if (k->mv_size != sizeof n || len <= 8)
		return ASSAY_EPARSE;
	memcpy(&n, k->mv_data, sizeof n);
	*seq = (int64_t)n;
	*has_sketch = p[8] == RECENT_V2;
	if (*has_sketch) {
		if (len < 8 + 1 + 4 + 1)
			return ASSAY_EPARSE;
		sk->nshingles = (uint32_t)p[9] << 24 | (uint32_t)p[10] << 16 | (uint32_t)p[11] << 8 |
				p[12];
		sk->nmin = p[13];
		at = 14 + (size_t)sk->nmin * 8;
		if (sk->nmin > SKETCH_K || len < at)
			return ASSAY_EPARSE;
		for (uint8_t i = 0; i < sk->nmin; i++)
			sk->min[i] = rec_from_be64(p + 14 + (size_t)i * 8);
	}
	if (len - at < 1 || len - at > STORY_ID_MAX)
		return ASSAY_EPARSE;
	memcpy(story, p + at, len - at);
	story[len - at] = '\0';
	return ASSAY_OK;
}

/* The shingles of the text stored for article @seq; false when it has
 * none to read (then @out is empty). */
static bool stored_shingles(struct assay_store *s, MDB_txn *txn, int64_t seq,
			    struct assay_shingles *out)
{
	struct assay_buf text = {0};
	uint64_t key = (uint64_t)seq;
	MDB_val v;
	bool ok = false;

	memset(out, 0, sizeof *out);
	if (store_get(txn, s->dbi[T_TEXT], &key, sizeof key, &v) == 0 &&
	    store_inflate(v.mv_data, v.mv_size, &text) == ASSAY_OK)
		ok = assay_shingles_of(text.data, text.len, out) == ASSAY_OK;
	assay_buf_release(&text);
	return ok;
}

static int write_recent(struct assay_store *s, MDB_txn *txn, int64_t seq, uint64_t simhash,
			const struct sketch *k, const char *story)
{
	unsigned char val[14 + SKETCH_K * 8 + STORY_ID_MAX];
	uint64_t key = (uint64_t)seq;
	size_t sl = strlen(story), at = 14 + (size_t)k->nmin * 8;
	int rc;

	if (sl == 0 || sl > STORY_ID_MAX)
		return store_fail(s, ASSAY_EINVAL, "story id too long");
	rec_be64(val, simhash);
	val[8] = RECENT_V2;
	val[9] = (unsigned char)(k->nshingles >> 24);
	val[10] = (unsigned char)(k->nshingles >> 16);
	val[11] = (unsigned char)(k->nshingles >> 8);
	val[12] = (unsigned char)k->nshingles;
	val[13] = k->nmin;
	for (uint8_t i = 0; i < k->nmin; i++)
		rec_be64(val + 14 + (size_t)i * 8, k->min[i]);
	memcpy(val + at, story, sl);
	rc = store_put(txn, s->dbi[T_RECENT], &key, sizeof key, val, at + sl, MDB_APPEND);
	if (rc == MDB_KEYEXIST) /* not the highest number: a page fetched again */
		rc = store_put(txn, s->dbi[T_RECENT], &key, sizeof key, val, at + sl, 0);
	return rc ? store_mdb(s, rc, "writing the story index") : ASSAY_OK;
}

/* An entry from before sketches: sketched from its text and rewritten. */
static int upgrade_entry(struct assay_store *s, MDB_txn *txn, int64_t seq, const char *story)
{
	struct assay_shingles sh;
	struct sketch k;
	MDB_val v;
	uint64_t key = (uint64_t)seq, simhash = 0;
	int rc;

	if (!stored_shingles(s, txn, seq, &sh))
		return ASSAY_OK; /* no text to read: the story leaves the index */
	sketch_of(&sh, &k);
	assay_shingles_release(&sh);
	if (store_get(txn, s->dbi[T_RECENT], &key, sizeof key, &v) == 0 && v.mv_size >= 8)
		simhash = rec_from_be64(v.mv_data);
	rc = write_recent(s, txn, seq, simhash, &k, story);
	if (!rc && s->bands && story_in(s->bands, seq, &k, story))
		rc = store_fail(s, ASSAY_ENOMEM, "out of memory");
	return rc;
}

struct old_entry {
	int64_t seq;
	char story[STORY_ID_MAX + 1];
};

/* Fills the copy from the table as transaction @txn sees it, for the
 * lookup of article @seq: the stories begun by articles seq - window to
 * seq - 1. */
static int cache_load(struct assay_store *s, MDB_txn *txn, int64_t seq)
{
	struct band_cache *c = s->bands;
	uint64_t from = seq - c->window > 1 ? (uint64_t)(seq - c->window) : 1;
	struct old_entry *old = NULL;
	size_t nold = 0;
	MDB_cursor *cur;
	MDB_val k = {sizeof from, &from}, v;
	int rc;

	cache_clear(c);
	rc = mdb_cursor_open(txn, s->dbi[T_RECENT], &cur);
	if (rc)
		return store_mdb(s, rc, "reading the story index");
	for (rc = store_mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = store_mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		char story[STORY_ID_MAX + 1];
		struct sketch sk;
		bool has_sketch;
		int64_t n;

		if (decode_recent(&k, &v, &n, &sk, &has_sketch, story))
			continue;
		if (n >= seq)
			break;
		if (!has_sketch) { /* rewritten once the cursor is done */
			if (assay_array_grow(&old, nold, sizeof *old)) {
				rc = ASSAY_ENOMEM;
				break;
			}
			old[nold].seq = n;
			memcpy(old[nold++].story, story, sizeof story);
			continue;
		}
		if (story_in(c, n, &sk, story)) {
			rc = ASSAY_ENOMEM;
			break;
		}
	}
	mdb_cursor_close(cur);
	if (rc == ASSAY_ENOMEM)
		rc = store_fail(s, rc, "out of memory");
	else if (rc != MDB_NOTFOUND && rc != 0)
		rc = store_mdb(s, rc, "reading the story index");
	else
		rc = ASSAY_OK;
	for (size_t i = 0; !rc && i < nold; i++)
		rc = upgrade_entry(s, txn, old[i].seq, old[i].story);
	free(old);
	if (rc) {
		cache_clear(c);
		return rc;
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

/* A stored story the sketch hits enough to be compared exactly. */
struct candidate {
	uint32_t who;
	double est;
};

/* How much of the smaller text the story in ring slot @who shares with a
 * text of @a_n shingles that hits its sketch @hits times: each of its
 * sketch's filed hashes is one of its shingles drawn at random. */
static double estimate(const struct ring_slot *r, size_t hits, size_t a_n)
{
	double shared = r->nfiled ? (double)hits / r->nfiled * r->nshingles : 0;
	size_t smaller = a_n < r->nshingles ? a_n : r->nshingles;

	return smaller ? shared / (double)smaller : 0;
}

/* Counts the hits of the shingles @a on each ring slot in c->nhits, and
 * lists the ring slots hit, each once, in c->hits; their count in *n. The
 * caller sets the counts of the listed slots back to 0. */
static int collect_hits(struct band_cache *c, const struct assay_shingles *a, size_t *n)
{
	*n = 0;
	if (!c->nhits && !(c->nhits = calloc((size_t)c->window, sizeof *c->nhits)))
		return ASSAY_ENOMEM;
	for (size_t i = 0; i < a->n; i++) {
		const struct band_slot *sl = &c->slots[slot_of(a->h[i])];

		for (uint32_t j = 0; j < sl->n; j++) {
			uint32_t who = sl->v[j].who;

			if (sl->v[j].hash != a->h[i] || c->nhits[who]++)
				continue;
			if (assay_array_reserve(&c->hits, &c->hits_cap, *n + 1, sizeof *c->hits)) {
				c->nhits[who] = 0;
				return ASSAY_ENOMEM;
			}
			c->hits[(*n)++] = who;
		}
	}
	return ASSAY_OK;
}

/* The bound. Each story in the ring keeps its shingles as a set of bits,
 * one bit of 2^bits_log2 set by each shingle hash (about BITS_PER_SHINGLE
 * bits a shingle, a power of two from 2^BITS_MIN_LOG2 to 2^BITS_MAX_LOG2):
 * made from the shingles in hand when the story begins, or, for a story
 * the index was filled with from the table, from its stored text the
 * first time it is compared exactly.
 * A shingle two texts share sets the same bit in both, so the new text's
 * shingles whose bit is set in the story's set are at least as many as
 * those they share: when even they are under NEARDUP_MIN_SHARED of the
 * smaller text, the exact comparison cannot make the story the text's,
 * and is not made. The stories that sketches pick again and again (those
 * filed under a common phrase, which stay filed until the window leaves
 * them) are ruled out this way without reading and shingling their text
 * back each time: at 100,000 generated articles 270,000 exact comparisons
 * were made of 19,000 stories, none a near duplicate, and that reading
 * back was a third of the writer's CPU. A set costs 64 to 1,024 bytes
 * (256 for a text of 200 shingles: 5 MB for a window of such stories)
 * and leaves with its story. A set only rules a story out, so the
 * stories found are exactly those found without sets. It holds for the
 * text stored under the story's article number as long as the story is
 * in the ring: a text is written once under its number, except by a
 * reprocess, which empties the index first. */
#define BITS_PER_SHINGLE 8
#define BITS_MIN_LOG2 9
#define BITS_MAX_LOG2 13

static unsigned bit_of(uint64_t h, unsigned log2)
{
	return (unsigned)((h * 0x9e3779b97f4a7c15u) >> (64 - log2)); /* every bit of h counts */
}

/* Makes ring slot @r's set from @b, the shingles of its story's text
 * as stored. Out of memory: none, and the story is compared exactly. */
static void bits_make(struct ring_slot *r, const struct assay_shingles *b)
{
	unsigned lg = BITS_MIN_LOG2;

	if (b->n > UINT32_MAX)
		return;
	while (lg < BITS_MAX_LOG2 && ((size_t)1 << lg) < b->n * BITS_PER_SHINGLE)
		lg++;
	r->bits = calloc(((size_t)1 << lg) / 64, sizeof *r->bits);
	if (!r->bits)
		return;
	for (size_t i = 0; i < b->n; i++) {
		unsigned k = bit_of(b->h[i], lg);

		r->bits[k / 64] |= (uint64_t)1 << (k % 64);
	}
	r->bits_log2 = (uint8_t)lg;
	r->bits_n = (uint32_t)b->n;
}

/* True when the story in @r cannot share NEARDUP_MIN_SHARED of the
 * smaller text with the shingles @a (false when it has no set). The
 * share it is held to is the one store_probe_bands computes, with at
 * least as many shingles shared; a story whose text has no shingle
 * shares none (0 / 0 passes no threshold). */
static bool bits_rule_out(const struct ring_slot *r, const struct assay_shingles *a)
{
	size_t upper = 0, smaller = a->n < r->bits_n ? a->n : r->bits_n;

	if (!r->bits)
		return false;
	if (smaller == 0)
		return true;
	for (size_t i = 0; i < a->n; i++) {
		unsigned k = bit_of(a->h[i], r->bits_log2);

		upper += r->bits[k / 64] >> (k % 64) & 1;
	}
	return (double)upper / (double)smaller < NEARDUP_MIN_SHARED;
}

/* Keeps the MAX_CONFIRM best estimates in @best (sorted, best first). */
static void keep_best(struct candidate *best, size_t *nbest, uint32_t who, double est)
{
	size_t at = *nbest < MAX_CONFIRM ? (*nbest)++ : MAX_CONFIRM;

	while (at > 0 && best[at - 1].est < est) {
		if (at < MAX_CONFIRM)
			best[at] = best[at - 1];
		at--;
	}
	if (at < MAX_CONFIRM)
		best[at] = (struct candidate){who, est};
}

int store_probe_bands(struct assay_store *s, MDB_txn *txn, int64_t seq,
		      const struct assay_shingles *a, char *story, size_t size, bool *found)
{
	struct band_cache *c = NULL;
	struct candidate best[MAX_CONFIRM];
	size_t n = 0, nbest = 0;
	double top = 0;
	const char *top_story = NULL;
	int rc;

	*found = false;
	if (a->words < SIMHASH_MIN_WORDS || a->n == 0)
		return ASSAY_OK;
	rc = cache_for(s, txn, seq, &c);
	if (!rc && collect_hits(c, a, &n))
		rc = ASSAY_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		uint32_t who = c->hits[i];
		double est = estimate(&c->ring[who], c->nhits[who], a->n);

		c->nhits[who] = 0;
		if (!rc && est >= SKETCH_MIN_EST)
			keep_best(best, &nbest, who, est);
	}
	if (rc)
		return rc == ASSAY_ENOMEM ? store_fail(s, rc, "out of memory") : rc;
	for (size_t i = 0; i < nbest; i++) {
		struct ring_slot *r = &c->ring[best[i].who];
		struct assay_shingles b;
		double shared;

		if (bits_rule_out(r, a))
			continue;
		if (!stored_shingles(s, txn, r->seq, &b))
			continue;
		if (!r->bits) {
			bits_make(r, &b);
			c->open = true; /* made in this write: trusted once it commits */
		}
		shared = (double)assay_shingles_shared(a->h, a->n, b.h, b.n) /
			 (double)(a->n < b.n ? a->n : b.n);
		assay_shingles_release(&b);
		if (shared >= NEARDUP_MIN_SHARED &&
		    (shared > top || (shared == top && strcmp(r->story, top_story) < 0))) {
			top = shared;
			top_story = r->story;
		}
	}
	if (top_story) {
		snprintf(story, size, "%s", top_story);
		*found = true;
	}
	return ASSAY_OK;
}

int store_story_begun(struct assay_store *s, MDB_txn *txn, int64_t seq, uint64_t simhash,
		      const struct assay_shingles *sh, const char *story)
{
	struct band_cache *c;
	struct sketch k;
	int rc;

	sketch_of(sh, &k);
	rc = write_recent(s, txn, seq, simhash, &k, story);
	if (rc)
		return rc;
	c = current(s, txn);
	if (c) {
		c->open = true;
		if (story_in(c, seq, &k, story))
			cache_clear(c); /* out of memory: filled again at the next lookup */
		else
			bits_make(&c->ring[seq % c->window], sh); /* the text it stores */
	}
	return ASSAY_OK;
}

int store_story_begun_stored(struct assay_store *s, MDB_txn *txn, int64_t seq, uint64_t simhash,
			     const char *story)
{
	struct assay_shingles sh;
	int rc;

	if (!stored_shingles(s, txn, seq, &sh))
		return ASSAY_OK; /* no text to read: not in the index */
	rc = store_story_begun(s, txn, seq, simhash, &sh, story);
	assay_shingles_release(&sh);
	return rc;
}

void store_article_written(struct assay_store *s, MDB_txn *txn, int64_t seq)
{
	struct band_cache *c = current(s, txn);

	if (c) {
		c->open = true;
		story_out(c, seq - c->window);
	}
}
