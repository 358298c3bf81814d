/* pool.h - inside pipeline/: the pool's ring without the writer, for
 * reprocess, whose pages come from the store's own walk and whose
 * results go back to it (reprocess.c).
 *
 * Pages given with pool_queue() are processed by the workers in order;
 * the caller looks at the oldest with pool_oldest(), takes its result
 * with pool_take() (waiting for it) and frees its slot with pool_drop()
 * once done with the result, which points into the slot. The caller
 * never gives more pages than the ring holds (pool_slots()). */
#ifndef ASSAY_POOL_H
#define ASSAY_POOL_H

#include "pipeline.h"

/* ASSAY_OK, ASSAY_ENOMEM, or ASSAY_ETOOBIG when the ring is full or the
 * pool has no workers: then the page is simply not queued. */
int pool_queue(struct assay_pool *pool, const struct assay_page *page);

/* Stores the oldest page queued with pool_queue(), as
 * assay_pool_page() would, and frees its slot: true, with *rc its status
 * (errors counted). False when the ring is empty, or when its worker is
 * not done with it and @wait is false. The crawl's settle hook: a page's
 * URL is marked done only once this has said how it ended. */
bool pool_settle(struct assay_pool *pool, bool wait, int *rc);

/* As pool_queue(), with the page's body given compressed (@z, @n: as
 * the store keeps it, assay_store_unpack) instead of page->body: the
 * worker inflates it. A damaged one is an empty page. */
int pool_queue_zipped(struct assay_pool *pool, const struct assay_page *page, const void *z,
		      size_t n);

/* The oldest page's compressed body as queued, or NULL (queued plain, or
 * the ring empty). Valid until pool_drop(). */
const void *pool_oldest_zipped(struct assay_pool *pool, size_t *n);

/* The oldest page queued and not dropped (its copy), or NULL. Its body
 * and len, for a page queued compressed, are the worker's until
 * pool_take(). */
const struct assay_page *pool_oldest(struct assay_pool *pool);

/* The oldest page's result once processed; *rc its status. Valid until
 * pool_drop(). The ring must not be empty. */
struct assay_processed *pool_take(struct assay_pool *pool, int *rc);

/* Frees the oldest page's slot (waiting for a worker if need be). */
void pool_drop(struct assay_pool *pool);

/* Drops every page left, storing none. */
void pool_drop_all(struct assay_pool *pool);

/* How many pages the ring holds; 0 without workers. */
unsigned pool_slots(const struct assay_pool *pool);

#endif
