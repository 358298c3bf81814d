/* groups.c - the conflict index: what a listing needs to know of each
 * conflict group without reading the group, kept up to date by every write.
 *
 * The table "conflicts" holds one entry per conflict group (claims.c
 * decides which groups are conflicts). Its value sums the group up: its
 * members, the distinct stories among every member's sources, how many
 * members are in each review state, and the key fields a listing filters
 * on. A write that changes a group - a figure or an evidence added or
 * taken out, a decision - marks it; store_write() sums the marked groups
 * up again just before it commits, in the same transaction. So the index
 * never disagrees with the groups it sums up, whatever other writers do
 * (LMDB runs one write at a time) and wherever a kill strikes (a commit is
 * all or nothing). Schema 4 stores had empty values; the schema 5
 * migration fills them, and a reader still sums up an empty one itself.
 *
 * Summing a group up reads every source of every member: at 100,000
 * articles a group of the scale benchmark has hundreds, and ingest did it
 * for each group an article touched, so an article cost more the larger
 * the store. The summary (version 2) therefore keeps the hashes of its
 * stories, and an article that only adds sources or undecided members to
 * a group (a touch) brings the summary up to date from them: the members
 * counted in the group's index, its stories' set joined with the new
 * ones. Whatever else changes a group (a decision, a member taken out or
 * moved, a new conflict) sums it up from its sources again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "assay.h"
#include "claims_int.h"

#define SUMMARY_VERSION 2 /* 1: without the stories' hashes */
#include "hash.h"
#include "str.h"
#include "vocab.h"

/* The summary record holds one count per review state, in vocab.h's order. */
_Static_assert(ASSAY_REVIEW_STATES == 4, "a group summary counts four review states");

/* The hashes of a group's stories, sorted and distinct: n of them, each
 * 8 bytes big-endian (so byte order is number order) in @b, as stored. */
struct hash_set {
	unsigned char *b;
	size_t n, cap; /* cap: bytes */
};

static int summarize(struct assay_store *s, MDB_txn *txn, bool checked, bool agr,
		     const unsigned char gk[8], struct group_summary *gs, struct hash_set *hs);

/* ---- The distinct stories of a group ---- */

static int cmp_story_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

void store_story_set_unique(struct story_set *ss)
{
	size_t k = 0;

	if (ss->n > 1) /* qsort(NULL, 0) is undefined; UBSan stops on it */
		qsort(ss->v, ss->n, sizeof *ss->v, cmp_story_id);
	for (size_t i = 0; i < ss->n; i++)
		if (!k || strcmp(ss->v[i], ss->v[k - 1]))
			memmove(ss->v[k++], ss->v[i], sizeof *ss->v);
	ss->n = k;
}

int store_story_set_add(struct story_set *ss, const char *story)
{
	if (ss->n == ss->cap) {
		store_story_set_unique(ss);
		/* still half full (also the first time: 0 >= 0): double */
		if (ss->n * 2 >= ss->cap &&
		    assay_array_reserve(&ss->v, &ss->cap, ss->cap + 1, sizeof *ss->v))
			return ASSAY_ENOMEM;
	}
	snprintf(ss->v[ss->n++], sizeof *ss->v, "%s", story);
	return ASSAY_OK;
}

/* ---- Reading a group, in a read or a write transaction ---- */

/* A write transaction's own pages lie outside the map, where the checked
 * readers (guard.c) would call them damaged: @checked says which to use. */
static int get_rec(struct assay_store *s, MDB_txn *txn, bool checked, int table,
		   const void *k, size_t klen, MDB_val *v)
{
	return checked ? store_read(s, txn, s->dbi[table], k, klen, v)
		       : store_get(txn, s->dbi[table], k, klen, v);
}

static int cursor_rec(struct assay_store *s, MDB_cursor *c, bool checked, MDB_val *k,
		      MDB_val *v, MDB_cursor_op op)
{
	return checked ? store_cursor_read(s, c, k, v, op) : store_mdb_cursor_get(c, k, v, op);
}

/* The stories of every evidence of member @id (only the story is read). */
int store_add_stories(struct assay_store *s, MDB_txn *txn, bool checked, bool agr,
		      const MDB_val *id, struct story_set *ss)
{
	MDB_cursor *c;
	MDB_val k = *id, v;
	int rc = mdb_cursor_open(txn, s->dbi[agr ? T_AGREV : T_EVIDENCE], &c);

	if (rc)
		return store_mdb(s, rc, "reading evidence");
	for (rc = cursor_rec(s, c, checked, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = cursor_rec(s, c, checked, &k, &v, MDB_NEXT)) {
		struct rec_r r;
		char story[24];
		size_t skip;

		if (k.mv_size != id->mv_size + 12 || memcmp(k.mv_data, id->mv_data, id->mv_size))
			break;
		rec_init(&r, v.mv_data, v.mv_size);
		rec_get_mem(&r, &skip); /* the URL */
		rec_get_str(&r, story, sizeof story);
		if (store_story_set_add(ss, story)) {
			mdb_cursor_close(c);
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
		}
	}
	mdb_cursor_close(c);
	return ASSAY_OK;
}

static void read_review(struct assay_store *s, MDB_txn *txn, bool checked, const MDB_val *id,
			struct assay_review *rv)
{
	MDB_val v;

	memset(rv, 0, sizeof *rv);
	assay_review_state_set(rv->state, sizeof rv->state, ASSAY_REVIEW_PENDING);
	if (get_rec(s, txn, checked, T_REVIEWS, id->mv_data, id->mv_size, &v) == 0)
		store_review_decode(&v, rv);
}

static void count_state(const struct assay_review *rv, struct group_summary *gs)
{
	enum assay_review_state st;

	if (assay_review_state_parse(rv->state, &st))
		gs->states[st]++;
}

/* Member @id's record read, and its key fields (a claim's as reviewed: the
 * key of its group) kept when it is the first; false when it is missing
 * or damaged (then it is no member). */
static bool read_member(struct assay_store *s, MDB_txn *txn, bool checked, bool agr,
			const MDB_val *id, const struct assay_review *rv, struct group_summary *gs)
{
	struct assay_stored_agreement a;
	struct assay_stored_claim c;
	struct assay_claim now;
	MDB_val v;

	if (id->mv_size >= sizeof c.id ||
	    get_rec(s, txn, checked, agr ? T_AGREEMENTS : T_CLAIMS, id->mv_data, id->mv_size, &v))
		return false;
	if (agr ? store_agreement_decode(&v, &a) : store_claim_decode(&v, &c))
		return false;
	if (gs->members++)
		return true;
	if (agr) {
		gs->nparties = a.a.nparties;
		memcpy(gs->parties, a.a.parties, sizeof gs->parties);
		memcpy(gs->commodity, a.a.topic, sizeof gs->commodity);
	} else {
		assay_store_reviewed_key(&c.c, rv, &now);
		memcpy(gs->subject, now.subject, sizeof gs->subject);
		memcpy(gs->metric, now.metric, sizeof gs->metric);
		memcpy(gs->commodity, now.commodity, sizeof gs->commodity);
	}
	return true;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static uint64_t story_hash(const char *story)
{
	return assay_hash64(story, strlen(story), 0);
}

/* The sorted, distinct hashes of the story ids in @ss (unique) into @hs. */
static int story_hashes(const struct story_set *ss, struct hash_set *hs)
{
	uint64_t *h = malloc((ss->n + 1) * sizeof *h);
	size_t k = 0;

	hs->n = 0;
	if (!h || assay_array_reserve(&hs->b, &hs->cap, ss->n * 8 + 1, 1)) {
		free(h);
		return ASSAY_ENOMEM;
	}
	for (size_t i = 0; i < ss->n; i++)
		h[i] = story_hash(ss->v[i]);
	if (ss->n > 1)
		qsort(h, ss->n, sizeof *h, cmp_u64);
	for (size_t i = 0; i < ss->n; i++)
		if (!k || h[i] != h[k - 1])
			h[k++] = h[i];
	for (size_t i = 0; i < k; i++)
		rec_be64(hs->b + i * 8, h[i]);
	hs->n = k;
	free(h);
	return ASSAY_OK;
}

int store_group_summarize(struct assay_store *s, MDB_txn *txn, bool checked, bool agr,
			  const unsigned char gk[8], struct group_summary *gs)
{
	return summarize(s, txn, checked, agr, gk, gs, NULL);
}

static int summarize(struct assay_store *s, MDB_txn *txn, bool checked, bool agr,
		     const unsigned char gk[8], struct group_summary *gs, struct hash_set *hs)
{
	struct story_set ss = {0};
	MDB_cursor *c;
	MDB_val k = {8, (void *)gk}, dup, id;
	int rc = ASSAY_OK, mrc = mdb_cursor_open(txn, s->dbi[agr ? T_AGRGROUPS : T_CLAIMKEYS], &c);

	memset(gs, 0, sizeof *gs);
	gs->agr = agr;
	if (mrc)
		return store_mdb(s, mrc, "reading conflicts");
	for (mrc = cursor_rec(s, c, checked, &k, &dup, MDB_SET); mrc == 0 && !rc;
	     mrc = cursor_rec(s, c, checked, &k, &dup, MDB_NEXT_DUP)) {
		struct assay_review rv;
		struct interval iv;

		if (agr)
			id = dup;
		else if (!store_claimkey_parse(&dup, &iv, &id))
			continue;
		read_review(s, txn, checked, &id, &rv);
		if (!read_member(s, txn, checked, agr, &id, &rv, gs))
			continue;
		count_state(&rv, gs);
		rc = store_add_stories(s, txn, checked, agr, &id, &ss);
	}
	mdb_cursor_close(c);
	store_story_set_unique(&ss);
	gs->stories = (uint32_t)ss.n;
	if (!rc && hs && story_hashes(&ss, hs))
		rc = store_fail(s, ASSAY_ENOMEM, "out of memory");
	free(ss.v);
	if (!rc && mrc && mrc != MDB_NOTFOUND) /* a damaged page, not the end */
		rc = store_mdb(s, mrc, "reading conflicts");
	return rc;
}

static int summary_encode(const struct group_summary *gs, const struct hash_set *hs,
			  struct assay_buf *v)
{
	int rc = rec_put_i64(v, SUMMARY_VERSION);

	rc = rc ? rc : rec_put_i64(v, gs->members);
	rc = rc ? rc : rec_put_i64(v, gs->stories);
	for (size_t i = 0; i < ASSAY_REVIEW_STATES && !rc; i++)
		rc = rec_put_i64(v, gs->states[i]);
	rc = rc ? rc : rec_put_str(v, gs->subject);
	rc = rc ? rc : rec_put_str(v, gs->metric);
	rc = rc ? rc : rec_put_str(v, gs->commodity);
	rc = rc ? rc : rec_put_i64(v, gs->nparties);
	for (int i = 0; i < gs->nparties && !rc; i++)
		rc = rec_put_str(v, gs->parties[i]);
	/* the stories' hashes, sorted, big-endian: one field a reader skips */
	return rc ? rc : rec_put_mem(v, hs->n ? hs->b : (const unsigned char *)"", hs->n * 8);
}

/* The summary in @v, and with @hs the hashes of its stories (version 2
 * only: false for a version 1 summary). */
static bool summary_decode(const MDB_val *v, bool agr, struct group_summary *gs,
			   struct hash_set *hs)
{
	struct rec_r r;
	int64_t version;

	memset(gs, 0, sizeof *gs);
	gs->agr = agr;
	if (!v->mv_size)
		return false;
	rec_init(&r, v->mv_data, v->mv_size);
	version = rec_get_i64(&r);
	if (version != SUMMARY_VERSION && (hs || version != 1))
		return false;
	gs->members = (uint32_t)rec_get_i64(&r);
	gs->stories = (uint32_t)rec_get_i64(&r);
	for (size_t i = 0; i < ASSAY_REVIEW_STATES; i++)
		gs->states[i] = (uint32_t)rec_get_i64(&r);
	rec_get_str(&r, gs->subject, sizeof gs->subject);
	rec_get_str(&r, gs->metric, sizeof gs->metric);
	rec_get_str(&r, gs->commodity, sizeof gs->commodity);
	gs->nparties = (int)rec_get_i64(&r);
	if (gs->nparties < 0 || gs->nparties > ASSAY_MAX_PARTIES)
		return false;
	for (int i = 0; i < gs->nparties; i++)
		rec_get_str(&r, gs->parties[i], sizeof gs->parties[i]);
	if (hs && !r.bad) {
		size_t n;
		const unsigned char *p = (const unsigned char *)rec_get_mem(&r, &n);

		if (r.bad || n % 8 || n / 8 != gs->stories ||
		    assay_array_reserve(&hs->b, &hs->cap, n + 1, 1))
			return false;
		hs->n = n / 8;
		if (n)
			memcpy(hs->b, p, n);
	}
	return !r.bad;
}

bool store_group_summary_decode(const MDB_val *v, bool agr, struct group_summary *gs)
{
	return summary_decode(v, agr, gs, NULL);
}

bool store_group_resolved(const struct group_summary *gs)
{
	uint32_t kept = gs->states[ASSAY_REVIEW_ACCEPTED] + gs->states[ASSAY_REVIEW_CORRECTED];

	return kept == 1 && gs->states[ASSAY_REVIEW_REJECTED] + 1 == gs->members;
}

/* ---- Keeping the index: marks, and the sums made again at commit ---- */

static int cmp_mark(const void *a, const void *b)
{
	const struct group_mark *x = a, *y = b;
	int c = memcmp(x->key, y->key, sizeof x->key);

	if (c)
		return c;
	if (x->full != y->full)
		return x->full ? -1 : 1; /* a group's full mark first */
	return (x->story > y->story) - (x->story < y->story);
}

/* Sorts the marks and keeps what a flush needs of them: one full mark
 * alone for a group that has one, each story once for one touched. */
static void marks_compact(struct group_marks *m)
{
	size_t k = 0;

	if (m->n > 1)
		qsort(m->v, m->n, sizeof *m->v, cmp_mark);
	for (size_t i = 0; i < m->n; i++) {
		const struct group_mark *last = k ? &m->v[k - 1] : NULL;

		if (last && !memcmp(last->key, m->v[i].key, sizeof last->key) &&
		    (last->full || last->story == m->v[i].story))
			continue;
		m->v[k++] = m->v[i];
	}
	m->n = k;
}

static int add_mark(struct assay_store *s, const struct group_mark *gm)
{
	struct group_marks *m = &s->marks;

	if (m->n == m->cap) {
		marks_compact(m);
		/* still half full (also the first time: 0 >= 0): grow */
		if (m->n * 2 >= m->cap && assay_array_reserve(&m->v, &m->cap, m->cap + 1, sizeof *m->v))
			return store_fail(s, ASSAY_ENOMEM, "out of memory");
	}
	m->v[m->n++] = *gm;
	return ASSAY_OK;
}

int store_group_mark(struct assay_store *s, char kind, uint64_t group)
{
	struct group_mark gm = {.full = 1};

	gm.key[0] = (unsigned char)kind;
	rec_be64(gm.key + 1, group);
	return add_mark(s, &gm);
}

int store_group_touch(struct assay_store *s, MDB_txn *txn, char kind, uint64_t group,
		      const char *story)
{
	struct group_mark gm = {.full = 0, .story = story_hash(story)};
	MDB_val v;
	int rc;

	gm.key[0] = (unsigned char)kind;
	rec_be64(gm.key + 1, group);
	rc = store_get(txn, s->dbi[T_CONFLICTS], gm.key, sizeof gm.key, &v);
	if (rc == MDB_NOTFOUND)
		return ASSAY_OK; /* no conflict: nothing summed up */
	if (rc)
		return store_mdb(s, rc, "reading conflicts");
	return add_mark(s, &gm);
}

void store_group_marks_clear(struct assay_store *s)
{
	s->marks.n = 0;
}

void store_group_marks_release(struct assay_store *s)
{
	free(s->marks.v);
	memset(&s->marks, 0, sizeof s->marks);
}

static int put_summary(struct assay_store *s, MDB_txn *txn, const unsigned char k[9],
		       const struct group_summary *gs, const struct hash_set *hs,
		       struct assay_buf *v)
{
	assay_buf_reset(v);
	if (summary_encode(gs, hs, v))
		return store_fail(s, ASSAY_ENOMEM, "out of memory");
	return store_mdb(s, store_put(txn, s->dbi[T_CONFLICTS], k, 9, v->data, v->len, 0),
			 "writing conflicts");
}

/* Sums up group @k again if it is a conflict (it has an entry). */
static int resum(struct assay_store *s, MDB_txn *txn, const unsigned char k[9],
		 struct hash_set *hs, struct assay_buf *v)
{
	struct group_summary gs;
	MDB_val old;
	int rc = store_get(txn, s->dbi[T_CONFLICTS], k, 9, &old);

	if (rc == MDB_NOTFOUND)
		return ASSAY_OK;
	if (rc)
		return store_mdb(s, rc, "reading conflicts");
	rc = summarize(s, txn, false, k[0] == 'a', k + 1, &gs, hs);
	return rc ? rc : put_summary(s, txn, k, &gs, hs, v);
}

/* Puts the story of each of the touches @m (n of them) into the set @hs,
 * unless it is there: a binary search and a move of the hashes after it,
 * so a touch costs a copy of the set's bytes, not a pass over its members. */
static int hashes_join(struct hash_set *hs, const struct group_mark *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char key[8];
		size_t lo = 0, hi = hs->n;

		rec_be64(key, m[i].story);
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = memcmp(hs->b + mid * 8, key, 8);

			if (c == 0)
				break;
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < hi) /* found */
			continue;
		if (assay_array_reserve(&hs->b, &hs->cap, (hs->n + 1) * 8, 1))
			return ASSAY_ENOMEM;
		memmove(hs->b + (lo + 1) * 8, hs->b + lo * 8, (hs->n - lo) * 8);
		memcpy(hs->b + lo * 8, key, 8);
		hs->n++;
	}
	return ASSAY_OK;
}

/* Group @k touched by the marks' stories @m (@n of them, distinct): its
 * members counted in its index, its first member's key read, the stories
 * joined to those of its summary. Summed up in full when the summary has
 * no stories' hashes (version 1, or new). */
static int retouch(struct assay_store *s, MDB_txn *txn, const unsigned char k[9],
		   const struct group_mark *m, size_t n, struct hash_set *hs,
		   struct assay_buf *v)
{
	bool agr = k[0] == 'a';
	struct group_summary gs, first;
	uint32_t decided;
	size_t members = 0;
	MDB_cursor *c;
	MDB_val old, gk = {8, (void *)(k + 1)}, dup, id;
	int rc = store_get(txn, s->dbi[T_CONFLICTS], k, 9, &old);

	if (rc == MDB_NOTFOUND)
		return ASSAY_OK;
	if (rc)
		return store_mdb(s, rc, "reading conflicts");
	if (!summary_decode(&old, agr, &gs, hs))
		return resum(s, txn, k, hs, v);
	rc = mdb_cursor_open(txn, s->dbi[agr ? T_AGRGROUPS : T_CLAIMKEYS], &c);
	if (rc)
		return store_mdb(s, rc, "reading conflicts");
	memset(&first, 0, sizeof first);
	rc = store_mdb_cursor_get(c, &gk, &dup, MDB_SET);
	if (rc == 0)
		rc = store_mdb_cursor_count(c, &members);
	if (rc == 0) {
		struct assay_review rv;
		struct interval iv;

		if (agr)
			id = dup;
		if (agr || store_claimkey_parse(&dup, &iv, &id)) {
			read_review(s, txn, false, &id, &rv);
			read_member(s, txn, false, agr, &id, &rv, &first);
		}
	}
	mdb_cursor_close(c);
	decided = gs.states[ASSAY_REVIEW_ACCEPTED] + gs.states[ASSAY_REVIEW_REJECTED] +
		  gs.states[ASSAY_REVIEW_CORRECTED];
	/* a member that did not read (damaged), or counts that no longer add up */
	if ((rc && rc != MDB_NOTFOUND) || !first.members || members < decided)
		return resum(s, txn, k, hs, v);
	gs.members = (uint32_t)members;
	gs.states[ASSAY_REVIEW_PENDING] = gs.members - decided;
	memcpy(gs.subject, first.subject, sizeof gs.subject);
	memcpy(gs.metric, first.metric, sizeof gs.metric);
	memcpy(gs.commodity, first.commodity, sizeof gs.commodity);
	memcpy(gs.parties, first.parties, sizeof gs.parties);
	gs.nparties = first.nparties;
	if (hashes_join(hs, m, n))
		return store_fail(s, ASSAY_ENOMEM, "out of memory");
	gs.stories = (uint32_t)hs->n;
	return put_summary(s, txn, k, &gs, hs, v);
}

int store_group_marks_flush(struct assay_store *s, MDB_txn *txn)
{
	struct group_marks *m = &s->marks;
	struct hash_set hs = {0};
	struct assay_buf v = {0};
	int rc = ASSAY_OK;

	marks_compact(m);
	for (size_t i = 0, j; i < m->n && !rc; i = j) {
		for (j = i + 1; j < m->n && !memcmp(m->v[j].key, m->v[i].key, 9); j++)
			;
		rc = m->v[i].full ? resum(s, txn, m->v[i].key, &hs, &v)
				  : retouch(s, txn, m->v[i].key, &m->v[i], j - i, &hs, &v);
	}
	assay_buf_release(&v);
	free(hs.b);
	m->n = 0;
	return rc;
}

int store_groups_resum_all(struct assay_store *s, MDB_txn *txn)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc = mdb_cursor_open(txn, s->dbi[T_CONFLICTS], &c);

	if (rc)
		return store_mdb(s, rc, "summing up conflicts");
	store_group_marks_clear(s);
	for (rc = store_mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = store_mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		const unsigned char *p = k.mv_data;

		if (k.mv_size == 9 && store_group_mark(s, (char)p[0], rec_from_be64(p + 1))) {
			mdb_cursor_close(c);
			return ASSAY_ENOMEM;
		}
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND)
		return store_mdb(s, rc, "summing up conflicts");
	return store_group_marks_flush(s, txn);
}
