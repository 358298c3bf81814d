/* cache.c - a desk's cached queue snapshot and how it keeps up.
 *
 * Walking every claim with its sources costs about a second at 80,000
 * claims, too slow for a key press, and a crawl writes an article every
 * second or so. The server keeps the snapshot with the store's clock
 * (store.h) when it was taken, and reads the clock (a few counters, no
 * walk) before each page. When only articles and decisions were added
 * since, the snapshot catches up: the claims of the new articles are read
 * again, and the decisions when there are new ones - a page after a write
 * costs about what a page without one does. Anything else (a reprocess)
 * takes the snapshot again. The server's own decisions are written into
 * the snapshot directly. */
#include <stdlib.h>
#include <string.h>

#include "assay.h"
#include "review.h"

static void drop(struct assay_review_cache *c)
{
	if (c->snap) {
		assay_review_snapshot_release(c->snap);
		free(c->snap);
		c->snap = NULL;
	}
}

/* A new snapshot, and the clock read before it: what it shows is at
 * least that far (a write during the walk is read again later). */
static int load(struct assay_review_cache *c)
{
	struct assay_store_clock at;
	int rc = assay_store_clock(c->store, &at);

	drop(c);
	if (rc)
		return rc;
	c->snap = malloc(sizeof *c->snap);
	if (!c->snap)
		return ASSAY_ENOMEM;
	rc = assay_review_snapshot_load(c->store, c->snap);
	if (rc) {
		free(c->snap);
		c->snap = NULL;
		return rc;
	}
	c->clock = at;
	c->loads++;
	return ASSAY_OK;
}

/* Brings the snapshot up to the store: nothing, a catch-up, or a walk. */
static int renew(struct assay_review_cache *c)
{
	struct assay_store_clock now;
	int rc;

	if (!c->snap)
		return load(c);
	rc = assay_store_clock(c->store, &now);
	if (rc || assay_store_clock_same(&now, &c->clock))
		return rc;
	if (!assay_store_clock_only_added(&c->clock, &now))
		return load(c);
	rc = assay_review_snapshot_catch_up(c->store, c->snap, &c->clock, &now);
	if (rc || !assay_store_clock_only_added(&c->clock, &now))
		return load(c);
	c->clock = now;
	c->catch_ups++;
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

/* The decision just stored is one more in the history: when nothing else
 * was written meanwhile, the clock takes it in and no walk of the
 * decisions follows. */
void assay_review_cache_decided(struct assay_review_cache *c, const char *id,
				const char *state)
{
	struct assay_store_clock now, want;

	if (!c->snap)
		return;
	assay_review_snapshot_set_state(c->snap, id, state);
	want = c->clock;
	want.decisions++;
	if (assay_store_clock(c->store, &now) == ASSAY_OK && assay_store_clock_same(&now, &want))
		c->clock = now;
}

void assay_review_cache_release(struct assay_review_cache *c)
{
	drop(c);
}
