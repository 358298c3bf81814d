/* cache.c - a desk's cached queue snapshot and when to renew it.
 *
 * Walking every claim with its sources costs about a second at 80,000
 * claims, too slow for a key press. The server keeps the snapshot and
 * checks the store's counts (articles, claims, evidences, agreements and
 * decisions: cheap, kept by LMDB) before each page; a change means another
 * process wrote (a crawl, `assay review`) and the snapshot is taken again.
 * The server's own decisions are written into the snapshot directly. A
 * snapshot older than SNAP_MAX_AGE is renewed anyway, which also catches a
 * change the counts cannot see (a decision swapped for another). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assay.h"
#include "review.h"

#define SNAP_MAX_AGE 60 /* seconds */

static int64_t now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

static int signature(struct assay_store *s, uint64_t sig[8])
{
	struct assay_store_stats st;
	int rc = assay_store_stats(s, &st);

	if (rc)
		return rc;
	sig[0] = st.articles, sig[1] = st.claims, sig[2] = st.evidences;
	sig[3] = st.agreements, sig[4] = st.accepted, sig[5] = st.rejected;
	sig[6] = st.corrected, sig[7] = st.stories;
	return ASSAY_OK;
}

static void drop(struct assay_review_cache *c)
{
	if (c->snap) {
		assay_review_snapshot_release(c->snap);
		free(c->snap);
		c->snap = NULL;
	}
}

/* Takes a new snapshot when there is none or the store changed. */
static int renew(struct assay_review_cache *c)
{
	uint64_t sig[8];
	int rc = signature(c->store, sig);

	if (rc)
		return rc;
	if (c->snap && !memcmp(sig, c->sig, sizeof sig) &&
	    now_s() - c->at < SNAP_MAX_AGE)
		return ASSAY_OK;
	drop(c);
	c->snap = malloc(sizeof *c->snap);
	if (!c->snap)
		return ASSAY_ENOMEM;
	rc = assay_review_snapshot_load(c->store, c->snap);
	if (rc) {
		free(c->snap);
		c->snap = NULL;
		return rc;
	}
	memcpy(c->sig, sig, sizeof sig);
	c->at = now_s();
	return ASSAY_OK;
}

void assay_review_cache_init(struct assay_review_cache *c, struct assay_store *store)
{
	memset(c, 0, sizeof *c);
	c->store = store;
}

int assay_review_cache_queue(struct assay_review_cache *c, const struct assay_review_filter *f,
			     struct assay_review_queue *q)
{
	int rc = renew(c);

	memset(q, 0, sizeof *q);
	return rc ? rc : assay_review_queue_filter(c->snap, f, q);
}

void assay_review_cache_decided(struct assay_review_cache *c, const char *id,
				const char *state)
{
	if (!c->snap)
		return;
	assay_review_snapshot_set_state(c->snap, id, state);
	if (signature(c->store, c->sig) != ASSAY_OK)
		drop(c);
}

void assay_review_cache_release(struct assay_review_cache *c)
{
	drop(c);
}
